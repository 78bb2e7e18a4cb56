//! Report CSV/HXL import: any bytes give reports or an error naming a line; every report is in
//! a configured area and category, with a severity 1..=4, never dated in the future.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tandem_domain::seal::Keyring;
use tandem_domain::OrgId;
use tandem_web::ew::config::EwConfig;
use tandem_web::ew::csv_import::parse_reports;
use tandem_web::ew::reports::Sealer;

static CFG: LazyLock<EwConfig> = LazyLock::new(tandem_fuzz::ew_config);
static KEYS: LazyLock<Keyring> = LazyLock::new(|| Keyring::generate("fuzz"));
static ORG: LazyLock<OrgId> = LazyLock::new(OrgId::new);

fuzz_target!(|data: &[u8]| {
    let now = chrono::Utc::now();
    let sealer = Sealer { keys: &KEYS, org: &ORG };
    match parse_reports(data, &CFG, None, now, sealer) {
        Ok(reports) => {
            for r in reports {
                assert!(CFG.areas.contains_key(r.area.as_str()), "{r:?}");
                assert!(CFG.category(r.category.as_str()).is_some(), "{r:?}");
                assert!((1..=4).contains(&r.severity.get()), "{r:?}");
                assert!(r.occurred_at <= now + chrono::Duration::minutes(5), "{r:?}");
            }
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
});
