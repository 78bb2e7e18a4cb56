//! GeoJSON importers (early-warning areas and index countries): any bytes give areas or an error
//! naming the feature and property; every area has a valid P-code and a non-empty name.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tandem_domain::area::{AreaLevel, PCode};
use tandem_web::ew::geojson_import::{parse_areas, GeoJsonOptions};
use tandem_web::index::import::countries;

fuzz_target!(|data: &[u8]| {
    let o = GeoJsonOptions {
        level: AreaLevel::Admin1,
        code_property: "CODE",
        name_property: "NAME",
        parent_property: Some("PARENT"),
        parent: None,
        tolerance: 0.001,
    };
    match parse_areas(data, &o) {
        Ok(areas) => {
            for a in areas {
                assert!(PCode::parse(a.code.as_str()).is_ok());
                assert!(!a.name.trim().is_empty());
            }
        }
        Err(e) => assert!(!e.place.is_empty() && !e.message.is_empty()),
    }
    if let Ok(cs) = countries(data, "ISO3", "NAME", Some("REGION")) {
        for c in cs {
            assert_eq!(c.iso3.len(), 3);
        }
    }
});
