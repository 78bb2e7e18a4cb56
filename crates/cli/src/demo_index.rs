//! The demo's prevention index: twelve fictional countries of the Lakes region (user-assigned
//! ISO codes, X..), with boundaries, seven years of indicator values, scorecard answers with
//! evidence links and incident figures, and three published editions computed with the example
//! methodology (docs/examples/prevention-index.toml), so that trends show.
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::compute::{Commitment, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::index::gti::IncidentYear;
use tandem_domain::index::EditionName;
use tandem_store::{IndexCountry, Store};
use tandem_web::index::edition::{compute_edition, Request};

pub const METHODOLOGY: &str = include_str!("../../../docs/examples/prevention-index.toml");

/// (ISO3, name, fragility 0–1: how hard the last years were).
const COUNTRIES: [(&str, &str, f64); 12] = [
    ("XMR", "Republic of Marenia", 0.55),
    ("XLS", "Lesarin", 0.2),
    ("XNV", "Norvath", 0.85),
    ("XTY", "Tessaly", 0.35),
    ("XOK", "Okandi", 0.7),
    ("XBM", "Belmora", 0.1),
    ("XQL", "Quillan", 0.45),
    ("XSV", "Sarovia", 0.6),
    ("XKT", "Kettara", 0.9),
    ("XUB", "Umbaro", 0.3),
    ("XDV", "Dravenna", 0.5),
    ("XPL", "Palisse", 0.15),
];

const ITEMS: [&str; 4] = ["pve_action_plan", "cso_consultation", "unscr1325_nap", "police_oversight"];
const YEARS: std::ops::RangeInclusive<i32> = 2020..=2026;

/// A jittered 4 × 3 lattice; each country is a cell, so neighbours share their borders.
fn boundaries(rng: &mut StdRng) -> Vec<String> {
    let (cols, rows) = (4usize, 3usize);
    let pts: Vec<Vec<[f64; 2]>> = (0..=rows)
        .map(|r| {
            (0..=cols)
                .map(|c| {
                    let inner = r > 0 && r < rows && c > 0 && c < cols;
                    let j = if inner { 0.25 } else { 0.0 };
                    [c as f64 * 2.0 + rng.gen_range(-j..=j), r as f64 * 1.6 + rng.gen_range(-j..=j)]
                })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            let ring = [pts[r][c], pts[r][c + 1], pts[r + 1][c + 1], pts[r + 1][c], pts[r][c]];
            out.push(json!({ "type": "Polygon", "coordinates": [ring] }).to_string());
        }
    }
    out
}

pub async fn populate(store: &dyn Store, rng: &mut StdRng) -> anyhow::Result<()> {
    let shapes = boundaries(rng);
    let countries: Vec<IndexCountry> = COUNTRIES
        .iter()
        .zip(shapes)
        .map(|((iso3, name, _), g)| IndexCountry {
            iso3: iso3.to_string(),
            name: name.to_string(),
            region: "Lakes region".into(),
            geometry: Some(g),
        })
        .collect();
    store
        .upsert_index_countries(
            &countries,
            NewAuditEvent::new("index.countries").detail(json!({ "via": "demo" })),
        )
        .await?;

    let mut values = Vec::new();
    let mut answers = Vec::new();
    let mut incidents = Vec::new();
    let source = "Lakes Region Peacebuilding Network, compiled from members' monitoring";
    for (ci, (iso3, _, f)) in COUNTRIES.iter().enumerate() {
        for year in YEARS {
            // Things got a little worse in fragile countries and a little better elsewhere.
            let drift = (year - 2020) as f64 * if *f > 0.5 { 0.02 } else { -0.015 };
            let g = (f + drift).clamp(0.0, 1.0);
            let mut push = |indicator: &str, value: f64, note: &str| {
                values.push(DataPoint {
                    indicator: indicator.into(),
                    iso3: iso3.to_string(),
                    year,
                    value,
                    source: source.into(),
                    note: note.into(),
                })
            };
            push("civic_space", (85.0 - 55.0 * g + rng.gen_range(-6.0..6.0)).clamp(2.0, 98.0), "");
            // Members' observatories' counts; Marenia's own year is fed from this deployment
            // below, from its published violation statistics.
            push("civic_space_incidents", (2.0 + 60.0 * g * g + rng.gen_range(0.0..6.0)).round(), "");
            // Norvath's displacement agency published nothing for 2026: carried forward.
            if !(*iso3 == "XNV" && year == 2026) {
                push("displacement", (2.0 + 6.0 * g + rng.gen_range(-0.5..0.5)).exp(), "");
            }
            // Kettara lets no one document abuses by its forces: the worst value stands in.
            if *iso3 != "XKT" {
                let outlier = *iso3 == "XSV" && year >= 2025;
                let v = if outlier { 310.0 } else { 2.0 + 45.0 * g * g + rng.gen_range(0.0..4.0) };
                push(
                    "abuses_by_security",
                    v,
                    if outlier { "mass arrests after the election protests" } else { "" },
                );
            }
            // Incidents grow with fragility; fatalities and damage with them.
            let n = (40.0 * g * g * rng.gen_range(0.6..1.4)).round() as u32;
            if n > 0 {
                incidents.push(IncidentRow {
                    iso3: iso3.to_string(),
                    year,
                    counts: IncidentYear {
                        incidents: n,
                        fatalities: (n as f64 * 1.8 * g * rng.gen_range(0.5..1.5)).round() as u32,
                        injuries: (n as f64 * 2.5 * rng.gen_range(0.5..1.5)).round() as u32,
                        damage: n / 3,
                    },
                });
            }
        }
        // Prevention commitments: the steadier a country, the earlier it committed.
        for (ii, item) in ITEMS.iter().enumerate() {
            let adopted = 2020 + ((f * 10.0) as i32 + ii as i32 + ci as i32 % 2).min(9);
            let (status, year) = if adopted <= 2026 {
                (if (ii + ci) % 3 == 0 { Commitment::Partial } else { Commitment::Yes }, adopted)
            } else {
                (Commitment::No, 2022)
            };
            let evidence = if status == Commitment::No {
                vec![]
            } else {
                vec![format!("https://lakesnet.example/scorecard/{iso3}/{item}")]
            };
            answers.push(ScorecardEntry {
                item: item.to_string(),
                iso3: iso3.to_string(),
                year,
                status,
                evidence,
                note: String::new(),
            });
        }
    }
    store
        .import_index_values(&values, NewAuditEvent::new("index.values").detail(json!({ "via": "demo" })))
        .await?;
    store
        .import_scorecard(&answers, NewAuditEvent::new("index.scorecard").detail(json!({ "via": "demo" })))
        .await?;
    store
        .import_incidents(&incidents, NewAuditEvent::new("index.incidents").detail(json!({ "via": "demo" })))
        .await?;
    // The observatory's published statistics feed Marenia's civic-space incidents.
    let cfg =
        tandem_web::ew::config::load(store, &Default::default()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let feed = tandem_web::index::civic_space::Feed {
        area: "MR",
        iso3: "XMR",
        indicator: tandem_web::index::civic_space::INDICATOR,
    };
    tandem_web::index::civic_space::feed(store, &cfg, &feed).await.map_err(|e| anyhow::anyhow!("{e}"))?;

    for name in ["2024H2", "2025H2", "2026H2"] {
        let edition = EditionName::parse(name).map_err(|e| anyhow::anyhow!("{e}"))?;
        let req = Request { edition, methodology: METHODOLOGY, data_year: None, draws: 2000, seed: 2026 };
        compute_edition(store, req).await.map_err(|e| anyhow::anyhow!("demo index {name}: {e}"))?;
        store
            .publish_edition(name, chrono::Utc::now(), NewAuditEvent::new("index.publish").subject(name))
            .await?;
    }
    Ok(())
}
