//! Joint monitoring as the API, the pages and the CLI use it: perception surveys (their design,
//! the responses imported from KoboToolbox or ODK Central, their estimates) and unit scorecards. Callers have passed
//! the access check already.
pub mod scorecards;
pub mod survey_csv;
pub mod survey_form;
pub mod surveys;
