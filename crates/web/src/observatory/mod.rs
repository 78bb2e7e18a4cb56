//! The human-rights observatory's services: documenting violations and verifying them with a
//! second key. They know nothing of HTTP; the API and the pages call them.
pub mod cache;
pub mod evidence;
pub mod export;
pub mod import;
pub mod placing;
pub mod public;
pub mod referrals;
pub mod violations;
