//! The prevention-index chapter of the conformance story: countries, indicator values,
//! scorecard answers, incident figures, and editions (drafts replaced, published ones immutable).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::sync::Arc;

use chrono::Utc;
use serde_json::json;
use tandem_domain::index::compute::{Commitment, CountryResult, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::index::gti::IncidentYear;

use crate::conformance::ev;
use crate::{IndexCountry, NewEdition, Store, StoreError};

fn result(iso3: &str, rank: Option<u32>, score: Option<f64>) -> CountryResult {
    CountryResult {
        iso3: iso3.into(),
        score,
        rank,
        band: None,
        pillars: Default::default(),
        indicators: vec![],
        median_rank: rank.map(f64::from),
        rank_p5: rank,
        rank_p95: rank,
    }
}

/// Runs the chapter against `store`, which must be freshly created and empty.
pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let country = |iso3: &str, name: &str| IndexCountry {
        iso3: iso3.into(),
        name: name.into(),
        region: "Lakes".into(),
        geometry: Some(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#.into()),
    };
    assert_eq!(
        s.upsert_index_countries(
            &[country("XMR", "Marenia"), country("XLS", "Lesarin")],
            ev("index.countries")
        )
        .await
        .unwrap(),
        2
    );
    s.upsert_index_countries(&[country("XMR", "Republic of Marenia")], ev("index.countries")).await.unwrap();
    let list = s.list_index_countries(true).await.unwrap();
    assert_eq!(list.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Lesarin", "Republic of Marenia"]);
    assert!(list[0].geometry.is_some() && s.list_index_countries(false).await.unwrap()[0].geometry.is_none());

    let point = |iso3: &str, year: i32, value: f64| DataPoint {
        indicator: "civic_space".into(),
        iso3: iso3.into(),
        year,
        value,
        source: "monitor".into(),
        note: format!("note {year}"),
    };
    s.import_index_values(
        &[point("XMR", 2024, 40.0), point("XMR", 2025, 45.5), point("XLS", 2026, 70.0)],
        ev("index.values"),
    )
    .await
    .unwrap();
    s.import_index_values(&[point("XMR", 2025, 47.25)], ev("index.values")).await.unwrap();
    let v = s.index_values(2025).await.unwrap();
    assert_eq!(v.len(), 2, "2026 is after the year asked for");
    assert_eq!(v.iter().find(|d| d.year == 2025).unwrap().value, 47.25, "re-import replaces");
    assert_eq!(v[0].note, "note 2024");

    let answer = |item: &str, status| ScorecardEntry {
        item: item.into(),
        iso3: "XMR".into(),
        year: 2025,
        status,
        evidence: vec!["https://gov.example/plan.pdf".into(), "https://news.example/a".into()],
        note: "adopted in March".into(),
    };
    s.import_scorecard(
        &[answer("pve_action_plan", Commitment::Yes), answer("police_oversight", Commitment::Partial)],
        ev("index.scorecard"),
    )
    .await
    .unwrap();
    let sc = s.scorecard(2025).await.unwrap();
    assert_eq!(sc.len(), 2);
    assert_eq!(
        (sc[0].item.as_str(), sc[0].status, sc[0].evidence.len()),
        ("police_oversight", Commitment::Partial, 2)
    );
    assert!(s.scorecard(2024).await.unwrap().is_empty());

    let inc = |year: i32, n: u32| IncidentRow {
        iso3: "XMR".into(),
        year,
        counts: IncidentYear { incidents: n, fatalities: 2, injuries: 3, damage: 1 },
    };
    s.import_incidents(&[inc(2021, 1), inc(2025, 10)], ev("index.incidents")).await.unwrap();
    s.import_incidents(&[inc(2025, 12)], ev("index.incidents")).await.unwrap();
    let got = s.incidents((2022, 2026)).await.unwrap();
    assert_eq!(got, vec![inc(2025, 12)]);

    // Editions: a draft is replaced, a published one is immutable.
    let edition = |version: &str| NewEdition {
        name: "2026H2".into(),
        methodology_version: version.into(),
        methodology: format!("[methodology]\nversion = \"{version}\""),
        methodology_sha256: "ab".repeat(32),
        data_year: 2026,
        draws: 1000,
        seed: u64::MAX - 5,
        summary: json!({ "countries": 2 }),
    };
    let results = [result("XLS", None, None), result("XMR", Some(1), Some(61.5))];
    s.save_edition(&edition("1"), &results, ev("index.compute")).await.unwrap();
    s.save_edition(&edition("2"), &results, ev("index.compute")).await.unwrap();
    let e = s.get_edition("2026H2").await.unwrap();
    assert_eq!(
        (e.methodology_version.as_str(), e.seed, e.published_at),
        ("2", u64::MAX - 5, None),
        "the draft was replaced"
    );
    let r = s.edition_results("2026H2").await.unwrap();
    assert_eq!(r.iter().map(|x| x.iso3.as_str()).collect::<Vec<_>>(), ["XMR", "XLS"], "ranked first");
    assert_eq!(r[0], results[1]);
    assert!(s.country_history("XMR").await.unwrap().is_empty(), "drafts are not history");
    let published = s.publish_edition("2026H2", Utc::now(), ev("index.publish")).await.unwrap();
    assert!(published.published_at.is_some());
    assert!(matches!(s.publish_edition("2026H2", Utc::now(), ev("x")).await, Err(StoreError::Conflict(_))));
    assert!(matches!(s.publish_edition("2030H1", Utc::now(), ev("x")).await, Err(StoreError::NotFound)));
    assert!(matches!(s.save_edition(&edition("3"), &results, ev("x")).await, Err(StoreError::Conflict(_))));
    assert_eq!(
        s.get_edition("2026H2").await.unwrap().methodology_version,
        "2",
        "published editions do not change"
    );
    let h = s.country_history("XMR").await.unwrap();
    assert_eq!((h.len(), h[0].edition.as_str(), h[0].rank, h[0].score), (1, "2026H2", Some(1), Some(61.5)));
    assert!(matches!(s.get_edition("2020H1").await, Err(StoreError::NotFound)));
    assert_eq!(s.list_editions().await.unwrap().len(), 1);
}
