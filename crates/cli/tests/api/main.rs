//! Integration tests, compiled into one binary (link time), one module per feature. Each test
//! runs against a fresh SQLite database and a fresh PostgreSQL database (`both!`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod attacks;
mod audit;
mod auth;
mod cli;
mod crash;
mod edges;
mod ew;
mod ew_pages;
mod index;
mod matrix;
mod matrix_sharing;
mod openrosa;
mod ops;
mod pages;
mod protection;
mod sharing;
mod sms;
