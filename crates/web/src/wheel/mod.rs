//! The coordination wheel as the API, the pages and the CLI use it: forums, their meetings and
//! the commitments agreed in them, trainings, joint assessments and plans, the CSOs'
//! self-assessments, and the wheel view that scores them. Callers have passed the access check
//! already.
pub mod forums;
pub mod joint;
pub mod trainings;
pub mod view;
