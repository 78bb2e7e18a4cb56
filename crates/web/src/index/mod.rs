//! The prevention index as the API, the pages and the CLI use it: reading its inputs from CSV
//! (HXL) and GeoJSON, computing and publishing editions, and the ranked table as JSON and CSV.
pub mod civic_space;
pub mod edition;
pub mod import;
pub mod table;
