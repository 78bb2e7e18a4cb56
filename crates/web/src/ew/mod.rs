//! Early warning and early response, as the API, the pages and the CLI use it: the cached
//! configuration (areas, categories), filing reports from any channel, and running the alert
//! engine incrementally or in full.
pub mod alerts;
pub mod config;
pub mod csv_import;
pub mod dashboard;
pub mod events;
pub mod field;
pub mod geojson_import;
pub mod needs;
pub mod openrosa;
pub mod reports;
pub mod responses;
pub mod stream;
pub mod worker;
