//! Text-message reports: any text parses to a configured category and area with a severity
//! 1..=4, or is refused with a reason.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tandem_web::ew::config::EwConfig;

static CFG: LazyLock<EwConfig> = LazyLock::new(tandem_fuzz::ew_config);

fuzz_target!(|text: &str| {
    if let Ok(p) = tandem_domain::sms::parse(text, &CFG.sms) {
        assert!(CFG.category(&p.category).is_some(), "{p:?}");
        assert!(CFG.sms.areas.values().any(|a| a == &p.area), "{p:?}");
        assert!((1..=4).contains(&p.severity), "{p:?}");
    }
});
