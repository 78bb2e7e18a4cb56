//! The index end to end on small hand-worked cases: methodology validation with line and field,
//! the missing-data rules, scorecard and incident inputs, pillar and index aggregation, ranks,
//! and the sensitivity analysis.
use super::compute::*;
use super::gti::IncidentYear;
use super::methodology::*;
use super::sensitivity::{analyse, Options};
use super::*;

const SMALL: &str = r#"
[methodology]
name = "Test index"
version = "1"
aggregation = "arithmetic"

[[pillar]]
id = "a"
name = "A"
weight = 0.5
aggregation = "arithmetic"

[[pillar]]
id = "b"
name = "B"
weight = 0.5
aggregation = "geometric"

[[indicator]]
id = "x"
name = "X"
pillar = "a"
input = "data"
source = "test"
direction = "higher_is_better"
missing = "mean"
weight = 1

[[indicator]]
id = "y"
name = "Y"
pillar = "b"
input = "data"
source = "test"
direction = "higher_is_worse"
missing = "exclude"
weight = 0.5

[[indicator]]
id = "z"
name = "Z"
pillar = "b"
input = "scorecard"
source = "test"
direction = "higher_is_better"
missing = "exclude"
weight = 0.5
items = ["i1", "i2"]

[[band]]
min = 50
label = "fair"

[[band]]
min = 0
label = "weak"
"#;

fn countries(c: &[&str]) -> Vec<String> {
    c.iter().map(|s| s.to_string()).collect()
}

fn point(indicator: &str, iso3: &str, year: i32, value: f64) -> DataPoint {
    DataPoint {
        indicator: indicator.into(),
        iso3: iso3.into(),
        year,
        value,
        source: "src".into(),
        note: String::new(),
    }
}

fn answer(item: &str, iso3: &str, year: i32, status: Commitment) -> ScorecardEntry {
    ScorecardEntry {
        item: item.into(),
        iso3: iso3.into(),
        year,
        status,
        evidence: vec!["https://evidence.example/1".into()],
        note: String::new(),
    }
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn the_example_methodology_parses() {
    let m = Methodology::parse(include_str!("../../../../docs/examples/prevention-index.toml")).unwrap();
    assert_eq!((m.version.as_str(), m.pillars.len(), m.indicators.len(), m.bands.len()), ("2026.1", 3, 6, 4));
    assert_eq!(m.band(80.0), Some("strong"));
    assert_eq!(m.band(10.0), Some("critical"));
    let w = m.indicators.iter().find(|i| i.id == "abuses_by_security").unwrap();
    assert_eq!(w.transform, Transform::Winsorise { lower: 5.0, upper: 95.0 });
    assert_eq!(w.missing, Missing::Worst);
}

#[test]
fn a_hand_worked_edition() {
    // Every country is scored here, even on imputed values alone (coverage has its own test).
    let m =
        Methodology::parse(&SMALL.replace("version = \"1\"", "version = \"1\"\nmin_coverage = 0")).unwrap();
    let c = countries(&["AAA", "BBB", "CCC"]);
    let data = [
        point("x", "AAA", 2025, 10.0),
        point("x", "BBB", 2025, 20.0),
        point("y", "AAA", 2025, 5.0),
        point("y", "BBB", 2025, 1.0),
        point("y", "CCC", 2025, 3.0),
    ];
    let sc = [
        answer("i1", "AAA", 2024, Commitment::Yes),
        answer("i2", "AAA", 2025, Commitment::Partial),
        answer("i1", "BBB", 2025, Commitment::No),
        answer("i1", "BBB", 2026, Commitment::Yes),
    ];
    let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &sc, incidents: &[] };
    let (r, _) = compute(&m, &inputs).unwrap();
    let by = |iso: &str| r.iter().find(|x| x.iso3 == iso).unwrap();
    let ind = |iso: &str, id: &str| by(iso).indicators.iter().find(|i| i.id == id).unwrap().clone();

    // x: CCC has none → the mean 15; min-max over 10, 20, 15.
    assert_eq!((ind("CCC", "x").raw, ind("CCC", "x").treatment), (Some(15.0), Treatment::Mean));
    close(ind("AAA", "x").score, 0.0);
    close(ind("BBB", "x").score, 100.0);
    close(ind("CCC", "x").score, 50.0);
    // y: higher is worse, so 5, 1, 3 → 0, 100, 50.
    close(ind("AAA", "y").score, 0.0);
    close(ind("BBB", "y").score, 100.0);
    // z: AAA (yes, partial) = 75, BBB (no in 2025; the 2026 answer is after the data year) = 0.
    close(ind("AAA", "z").raw, 75.0);
    close(ind("BBB", "z").raw, 0.0);
    assert_eq!((ind("CCC", "z").raw, ind("CCC", "z").treatment), (None, Treatment::Excluded));
    match &ind("AAA", "z").evidence {
        Evidence::Scorecard { items } => assert_eq!(items.len(), 2),
        other => panic!("{other:?}"),
    }
    // Pillar b is geometric on (s + 1): AAA exp(½ ln 1 + ½ ln 101) − 1 = √101 − 1.
    let g = 101f64.sqrt() - 1.0;
    close(by("AAA").pillars["b"], g);
    close(by("BBB").pillars["b"], g);
    close(by("CCC").pillars["b"], 50.0);
    // Index: the mean of the two pillars.
    close(by("AAA").score, g / 2.0);
    close(by("BBB").score, (100.0 + g) / 2.0);
    close(by("CCC").score, 50.0);
    assert_eq!((by("BBB").rank, by("CCC").rank, by("AAA").rank), (Some(1), Some(2), Some(3)));
    assert_eq!((by("BBB").band.as_deref(), by("AAA").band.as_deref()), (Some("fair"), Some("weak")));
}

#[test]
fn missing_data_rules() {
    let base = SMALL.replace("missing = \"mean\"", "missing = \"MISSING\"");
    let c = countries(&["AAA", "BBB", "CCC"]);
    let data = [
        point("x", "AAA", 2025, 10.0),
        point("x", "BBB", 2023, 40.0),
        point("x", "CCC", 2022, 99.0),
        point("y", "AAA", 2025, 1.0),
    ];
    let run = |rule: &str| {
        let m = Methodology::parse(&base.replace("\"MISSING\"", rule)).unwrap();
        let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &[], incidents: &[] };
        compute(&m, &inputs).map(|(r, _)| {
            r.iter().map(|x| (x.indicators[0].raw, x.indicators[0].treatment)).collect::<Vec<_>>()
        })
    };
    // Carry forward 2 years: 2023 counts for 2025, 2022 does not.
    assert_eq!(
        run("\"carry_forward\"\ncarry_forward_years = 2").unwrap(),
        vec![
            (Some(10.0), Treatment::Observed),
            (Some(40.0), Treatment::CarriedForward),
            (None, Treatment::Excluded)
        ]
    );
    assert_eq!(run("\"exclude\"").unwrap()[1], (None, Treatment::Excluded));
    // Worst for higher-is-better is the lowest value observed.
    assert_eq!(run("\"worst\"").unwrap()[2], (Some(10.0), Treatment::Worst));
    assert_eq!(run("\"mean\"").unwrap()[2], (Some(10.0), Treatment::Mean), "only AAA has a 2025 value");
    assert_eq!(
        run("\"error\"").unwrap_err(),
        ComputeError::Missing { indicator: "x".into(), iso3: "BBB".into() }
    );
    // An excluded indicator leaves its pillar unscored; the index rests on the other pillar.
    let m = Methodology::parse(&base.replace("\"MISSING\"", "\"exclude\"")).unwrap();
    let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &[], incidents: &[] };
    let (r, _) = compute(&m, &inputs).unwrap();
    assert_eq!(r[1].pillars["a"], None);
    assert_eq!(r[1].score, None, "BBB has neither x nor y nor z in 2025");
    assert_eq!(r[1].rank, None);
    assert!(r[0].score.is_some() && r[0].rank == Some(1));
}

#[test]
fn incident_sub_index_from_event_figures() {
    let m = Methodology::parse(include_str!("../../../../docs/examples/prevention-index.toml")).unwrap();
    let c = countries(&["PPP", "QQQ", "RRR"]);
    let inc = [
        IncidentRow {
            iso3: "PPP".into(),
            year: 2025,
            counts: IncidentYear { incidents: 10, fatalities: 4, injuries: 7, damage: 3 },
        },
        IncidentRow {
            iso3: "RRR".into(),
            year: 2021,
            counts: IncidentYear { incidents: 1, fatalities: 0, injuries: 0, damage: 0 },
        },
        IncidentRow {
            iso3: "RRR".into(),
            year: 2020,
            counts: IncidentYear { incidents: 50, fatalities: 9, injuries: 0, damage: 0 },
        },
    ];
    let inputs = Inputs { countries: &c, data_year: 2025, data: &[], scorecard: &[], incidents: &inc };
    let (r, _) = compute(&m, &inputs).unwrap();
    let gti = |i: usize| r[i].indicators.iter().find(|x| x.id == "incident_impact").unwrap().clone();
    // PPP: 28.5 × 16 = 456, the highest: band 10. QQQ: 0, the lowest: band 0.
    // RRR: only 2021 is in the window (weight 1): total 1; r = 457^(1/20) = 1.358…, c₂ = 0.845,
    // c₃ = 1.506, so band 1.0. Its 2020 incidents are older than five years.
    assert_eq!((gti(0).raw, gti(1).raw, gti(2).raw), (Some(10.0), Some(0.0), Some(1.0)));
    match gti(0).evidence {
        Evidence::Incidents { years, total, lowest, highest } => {
            assert_eq!((total, lowest, highest), (456.0, 0.0, 456.0));
            assert_eq!(years.iter().map(|y| y.weight).collect::<Vec<_>>(), vec![16.0, 8.0, 4.0, 2.0, 1.0]);
            assert_eq!(years[0].score, 28.5);
        }
        other => panic!("{other:?}"),
    }
    // Higher impact is worse: PPP scores 0 on the indicator, QQQ 100.
    close(gti(0).score, 0.0);
    close(gti(1).score, 100.0);
}

#[test]
fn countries_without_enough_data_are_not_ranked() {
    let strict = SMALL.replace(
        "aggregation = \"arithmetic\"\n\n[[pillar]]\nid = \"a\"",
        "aggregation = \"arithmetic\"\nmin_coverage = 1.0\n\n[[pillar]]\nid = \"a\"",
    );
    let m = Methodology::parse(&strict).unwrap();
    assert_eq!(m.min_coverage, 1.0);
    let c = countries(&["AAA", "CCC"]);
    let data = [point("x", "AAA", 2025, 10.0), point("y", "AAA", 2025, 5.0), point("y", "CCC", 2025, 3.0)];
    let sc = [answer("i1", "AAA", 2025, Commitment::Yes)];
    let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &sc, incidents: &[] };
    let (r, prepared) = compute(&m, &inputs).unwrap();
    assert!(r[0].score.is_some() && r[0].rank == Some(1));
    // CCC has y, x only imputed (the mean) and no scorecard: 1 of 3 of its own, below 100%.
    assert_eq!((r[1].score, r[1].rank, r[1].band.clone()), (None, None, None));
    assert!(r[1].pillars["a"].is_some(), "its pillars are still shown");
    let s = analyse(&m, &prepared, &Options { draws: 100, ..Default::default() });
    assert!(s[0].is_some() && s[1].is_none(), "not ranked in the draws either");
    let bad = SMALL.replace("version = \"1\"", "version = \"1\"\nmin_coverage = 2");
    let e = Methodology::parse(&bad).unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (5, "methodology.min_coverage"));
}

#[test]
fn ranks_share_ties() {
    assert_eq!(
        ranks(&[Some(5.0), Some(9.0), Some(5.0), None, Some(1.0)]),
        vec![Some(2), Some(1), Some(2), None, Some(4)]
    );
}

#[test]
fn log1p_refuses_negative_values() {
    let m = Methodology::parse(include_str!("../../../../docs/examples/prevention-index.toml")).unwrap();
    let c = countries(&["AAA"]);
    let data = [point("displacement", "AAA", 2025, -3.0)];
    let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &[], incidents: &[] };
    assert!(matches!(compute(&m, &inputs), Err(ComputeError::Invalid { .. })));
}

#[test]
fn sensitivity_is_seeded_and_collapses_without_perturbation() {
    let m = Methodology::parse(SMALL).unwrap();
    let c = countries(&["AAA", "BBB", "CCC", "DDD"]);
    let data = [
        point("x", "AAA", 2025, 10.0),
        point("x", "BBB", 2025, 20.0),
        // CCC is stronger on x, DDD on y: their order depends on the weights.
        point("x", "CCC", 2025, 16.0),
        point("x", "DDD", 2025, 14.0),
        point("y", "AAA", 2025, 5.0),
        point("y", "BBB", 2025, 1.0),
        point("y", "CCC", 2025, 3.4),
        point("y", "DDD", 2025, 2.64),
    ];
    let inputs = Inputs { countries: &c, data_year: 2025, data: &data, scorecard: &[], incidents: &[] };
    let (base, prepared) = compute(&m, &inputs).unwrap();
    let fixed = Options { draws: 200, seed: 1, weight_spread: 0.0, swap_normalisation: false };
    for (b, s) in base.iter().zip(analyse(&m, &prepared, &fixed)) {
        let s = s.unwrap();
        let r = b.rank.unwrap();
        assert_eq!((s.median, s.p5, s.p95), (r as f64, r, r), "{}: no perturbation, no spread", b.iso3);
    }
    let opts = Options { draws: 2000, seed: 7, ..Default::default() };
    let a = analyse(&m, &prepared, &opts);
    assert_eq!(a, analyse(&m, &prepared, &opts), "same seed, same figures");
    let draws = |seed| {
        let mut r = super::sensitivity::Rng::new(seed);
        (0..5).map(|_| r.unit()).collect::<Vec<_>>()
    };
    assert_eq!(draws(7), draws(7));
    assert_ne!(draws(7), draws(8));
    assert!(draws(7).iter().all(|u| (0.0..1.0).contains(u)));
    for s in a.iter().flatten() {
        assert!(1 <= s.p5 && s.p5 as f64 <= s.median && s.median <= s.p95 as f64 && s.p95 <= 4, "{s:?}");
    }
    // CCC and DDD are close: perturbation makes them swap places at least sometimes.
    assert!(a.iter().flatten().any(|s| s.p5 < s.p95));
}

#[test]
fn edition_names_and_countries() {
    assert_eq!(EditionName::parse("2026h2").unwrap().as_str(), "2026H2");
    assert_eq!(EditionName::parse("2026H1").unwrap().default_data_year(), 2025);
    assert_eq!(EditionName::parse("2026H2").unwrap().default_data_year(), 2026);
    for bad in ["2026", "2026H3", "26H1", "2026-H1", "abcdH1", ""] {
        assert!(EditionName::parse(bad).is_err(), "{bad}");
    }
    // Found by schemathesis: six bytes that are not six characters must be refused, not panic.
    for bad in ["00\u{10000}", "2026\u{e9}", "\u{10000}H1"] {
        assert!(EditionName::parse(bad).is_err(), "{bad:?}");
    }
    assert_eq!(Iso3::parse("xmr").unwrap().as_str(), "XMR");
    assert!(Iso3::parse("XM").is_err() && Iso3::parse("X1R").is_err());
}

#[test]
fn names_come_in_the_readers_language() {
    let text = format!(
        "{SMALL}\n[translations.en]\n\"item.i1\" = \"A national action plan\"\n\n[translations.fr]\n\"pillar.a\" = \"Pilier A\"\n\"band.fair\" = \" moyen \"\n\"indicator.x.source\" = \"essai\"\n"
    );
    let m = Methodology::parse(&text).unwrap();
    assert_eq!(m.text("fr", "pillar.a", "A"), "Pilier A");
    assert_eq!(m.text("fr", "band.fair", "fair"), "moyen", "trimmed");
    assert_eq!(m.text("fr", "indicator.x.source", "test"), "essai");
    assert_eq!(m.text("ar", "pillar.a", "A"), "A", "no Arabic: the file's own name");
    assert_eq!(m.text("ar", "item.i1", "i1"), "A national action plan", "then the English name");
    assert_eq!(m.text("fr", "item.i2", "i2"), "i2");
}

#[test]
fn bad_methodologies_name_line_and_field() {
    let cases: Vec<(String, usize, &str, &str)> = vec![
        (SMALL.replace("weight = 0.5\naggregation = \"geometric\"", "weight = 0.4\naggregation = \"geometric\""), 2, "weight", "sum to 0.9"),
        (SMALL.replace("pillar = \"b\"\ninput = \"scorecard\"", "pillar = \"c\"\ninput = \"scorecard\""), 42, "indicator[2].pillar", "unknown pillar \"c\""),
        (SMALL.replace("id = \"b\"\nname = \"B\"", "id = \"b\"\nname = \"B\"\nparent = \"b\""), 16, "pillar[1].parent", "cycle"),
        (SMALL.replace("id = \"a\"\nname = \"A\"", "id = \"a\"\nname = \"A\"\nparent = \"nowhere\""), 10, "pillar[0].parent", "unknown pillar"),
        (SMALL.replace("missing = \"mean\"", "missing = \"guess\""), 26, "indicator[0].missing", "not one of"),
        (SMALL.replace("missing = \"mean\"", "missing = \"carry_forward\""), 19, "indicator[0].carry_forward_years", "1 to 10"),
        (SMALL.replace("direction = \"higher_is_better\"\nmissing = \"mean\"", "direction = \"higher_is_better\"\ntransform = \"winsorise\"\nmissing = \"mean\""), 19, "indicator[0].winsorise", "percentiles"),
        (SMALL.replace("direction = \"higher_is_better\"\nmissing = \"mean\"", "direction = \"higher_is_better\"\ntransform = \"winsorise\"\nwinsorise = [90, 10]\nmissing = \"mean\""), 27, "indicator[0].winsorise", "lower < upper"),
        (SMALL.replace("direction = \"higher_is_better\"\nmissing = \"mean\"", "direction = \"higher_is_better\"\ntansform = \"log1p\"\nmissing = \"mean\""), 26, "file", "unknown field"),
        (SMALL.replace("items = [\"i1\", \"i2\"]", ""), 39, "indicator[2].items", "lists its items"),
        (SMALL.replace("weight = 1\n", "weight = -1\n"), 27, "indicator[0].weight", "positive"),
        (SMALL.replace("id = \"y\"", "id = \"x\""), 30, "indicator[1].id", "already"),
        (SMALL.replace("version = \"1\"", "version = \" \""), 4, "methodology.version", "empty"),
        (SMALL.replace("aggregation = \"arithmetic\"\n\n[[pillar]]\nid = \"a\"", "aggregation = \"average\"\n\n[[pillar]]\nid = \"a\""), 5, "file", "unknown variant"),
        (SMALL.replace("min = 0\n", "min = 10\n"), 55, "band[1].min", "start at 0"),
        (SMALL.replace("min = 0\n", "min = 50\n"), 55, "band[1].min", "same score"),
        (SMALL.replace("[[indicator]]\nid = \"z\"", "[[indicator]]\nid = \"z\"\nbogus = 1"), 41, "file", "unknown field"),
        (SMALL.replace("min = 0\n", "min = 101\n"), 55, "band[1].min", "between 0 and 100"),
        (SMALL.replace("[[indicator]]\nid = \"x\"", "[[indicator]]\nid = \"X!\""), 20, "indicator[0].id", "lower-case"),
        (format!("{SMALL}\n[translations.fr]\n\"pillar.a\" = \"A\"\n\"pillar.nowhere\" = \"N\"\n"), 60, "translations.fr.\"pillar.nowhere\"", "names nothing"),
        (format!("{SMALL}\n[translations.fr]\n\"band.fair\" = \" \"\n"), 59, "translations.fr.\"band.fair\"", "empty"),
        (format!("{SMALL}\n[translations.French]\n\"band.fair\" = \"moyen\"\n"), 58, "translations.French", "language code"),
        ("not toml at all = = =".to_owned(), 1, "file", ""),
        // Found by the fuzzer: the TOML parser gave no message at all for a lone '\r'.
        ("\r".to_owned(), 1, "file", "not valid TOML"),
    ];
    for (text, line, field, needle) in cases {
        let e = Methodology::parse(&text).expect_err(&format!("{field} should be refused"));
        assert_eq!(e.line, line, "{e}");
        assert!(e.field.contains(field), "{e}");
        assert!(e.message.contains(needle) && !e.message.is_empty(), "{e}");
    }
}
