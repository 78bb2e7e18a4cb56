//! Index CSV/HXL importers (indicator values, scorecard answers, incident events), chosen by
//! the first byte: any bytes give rows for known countries or an error naming line and column.
#![no_main]
use std::collections::HashSet;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tandem_web::index::import;

static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(tandem_fuzz::known_countries);

fuzz_target!(|data: &[u8]| {
    let Some((&which, data)) = data.split_first() else { return };
    let check = |e: &tandem_web::index::table::CsvError| assert!(!e.message.is_empty());
    match which % 3 {
        0 => match import::values(data, &KNOWN) {
            Ok(rows) => rows.iter().for_each(|r| assert!(KNOWN.contains(r.iso3.as_str()))),
            Err(e) => check(&e),
        },
        1 => match import::scorecard(data, &KNOWN) {
            Ok(rows) => rows.iter().for_each(|r| assert!(KNOWN.contains(r.iso3.as_str()))),
            Err(e) => check(&e),
        },
        _ => match import::incidents(data, &KNOWN) {
            Ok(rows) => rows.iter().for_each(|r| assert!(KNOWN.contains(r.iso3.as_str()))),
            Err(e) => check(&e),
        },
    }
});
