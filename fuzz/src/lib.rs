//! What the fuzz targets share: a small early-warning configuration like a deployment's.
use std::collections::HashSet;

use tandem_domain::area::AreaLevel;
use tandem_domain::sms::SmsVocabulary;
use tandem_store::{Area, Category};
use tandem_web::ew::config::EwConfig;

/// Areas MR (country), MR01, MR02 (admin1), MR0101 (admin2); categories crime and hate; the
/// text-message words for them.
pub fn ew_config() -> EwConfig {
    let area = |code: &str, level, parent: Option<&str>| {
        (
            code.to_owned(),
            Area {
                code: code.into(),
                name: format!("Area {code}"),
                level,
                parent_code: parent.map(Into::into),
                geometry: None,
            },
        )
    };
    let category = |slug: &str, keywords: &str| Category {
        slug: slug.into(),
        name: slug.into(),
        reference: slug.into(),
        threshold_severity: 4,
        keywords: keywords.into(),
    };
    let mut sms = SmsVocabulary::default();
    sms.add_category("CRIME", "crime");
    sms.add_category("HATE", "hate");
    sms.add_area("MR01", "MR01");
    sms.add_area("Port Amsel", "MR02");
    EwConfig {
        areas: [
            area("MR", AreaLevel::Country, None),
            area("MR01", AreaLevel::Admin1, Some("MR")),
            area("MR02", AreaLevel::Admin1, Some("MR")),
            area("MR0101", AreaLevel::Admin2, Some("MR01")),
        ]
        .into(),
        categories: vec![category("crime", "CRIME"), category("hate", "HATE")],
        tree: Default::default(),
        engine: Default::default(),
        sms,
    }
}

/// The countries the index importers know.
pub fn known_countries() -> HashSet<String> {
    ["XAA", "XBB", "XCC", "XDD"].iter().map(|s| s.to_string()).collect()
}
