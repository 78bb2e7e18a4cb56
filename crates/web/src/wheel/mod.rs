//! The coordination wheel as the API, the pages and the CLI use it: forums, their meetings and
//! the commitments agreed in them (more of the wheel to come: trainings, joint assessments and
//! plans, the wheel view). Callers have passed the access check already.
pub mod forums;
pub mod trainings;
