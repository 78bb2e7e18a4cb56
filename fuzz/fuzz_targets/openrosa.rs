//! OpenRosa (ODK/KoboToolbox) submissions: any bytes give a raw report or a message; a parsed
//! report then goes through the same validation as every other channel without panicking.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tandem_domain::report::Channel;
use tandem_domain::seal::Keyring;
use tandem_domain::OrgId;
use tandem_web::ew::config::EwConfig;
use tandem_web::ew::openrosa::parse_submission;
use tandem_web::ew::reports::{parse, Sealer};

static CFG: LazyLock<EwConfig> = LazyLock::new(tandem_fuzz::ew_config);
static KEYS: LazyLock<Keyring> = LazyLock::new(|| Keyring::generate("fuzz"));
static ORG: LazyLock<OrgId> = LazyLock::new(OrgId::new);

fuzz_target!(|data: &[u8]| {
    if let Ok(instance) = parse_submission(data) {
        let raw = instance.report;
        let sealer = Sealer { keys: &KEYS, org: &ORG };
        if let Ok(r) = parse(&CFG, &raw, Channel::Openrosa, None, chrono::Utc::now(), sealer) {
            assert!(CFG.areas.contains_key(r.area.as_str()));
        }
    }
});
