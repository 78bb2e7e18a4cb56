//! The prevention index end to end, on both backends: inputs imported with the real command line
//! (bad rows and bad methodology files refused with file, line and field, nothing written), an
//! edition computed, invisible while a draft, published and then immutable; the public API and
//! pages without sign-in, in three languages; and the CSV export checked by the reference HXL
//! library (libhxl).
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(index_from_files_to_publication, civic_space_incidents_feed_the_index_from_published_statistics);

fn tandem(app: &TestApp, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .args(["--database-url", &app.db.url])
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn write(dir: &Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p.to_str().unwrap().to_owned()
}

const COUNTRIES: &str = r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"ISO_A3":"XAA","NAME":"Alandia"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
 {"type":"Feature","properties":{"ISO_A3":"XBB","NAME":"Borvia"},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}},
 {"type":"Feature","properties":{"ISO_A3":"XCC","NAME":"Cestria"},"geometry":{"type":"Polygon","coordinates":[[[0,1],[1,1],[1,2],[0,2],[0,1]]]}},
 {"type":"Feature","properties":{"ISO_A3":"XDD","NAME":"Dumora"},"geometry":null}]}"#;

const VALUES: &str = "Country,Year,Indicator,Value,Source\n\
#country+code,#date+year,#indicator+code,#indicator+value,#meta+source\n\
XAA,2026,civic_space,80,monitor\nXBB,2026,civic_space,55,monitor\nXCC,2026,civic_space,30,monitor\n\
XAA,2026,displacement,10,agency\nXBB,2026,displacement,400,agency\nXCC,2024,displacement,2500,agency\n\
XAA,2026,abuses_by_security,1,observatory\nXBB,2026,abuses_by_security,12,observatory\nXCC,2026,abuses_by_security,60,observatory\n";

const SCORECARD: &str = "#country+code,#date+year,#item+code,#status,#meta+url\n\
XAA,2025,pve_action_plan,yes,https://gov.example/aa/plan.pdf\nXAA,2025,police_oversight,yes,https://gov.example/aa/ipoa\n\
XBB,2026,pve_action_plan,partial,https://news.example/bb\nXCC,2023,pve_action_plan,no,\n";

const INCIDENTS: &str = "#country+code,#date,#affected+killed,#affected+injured,#impact+damage\n\
XCC,2026-02-01,4,10,major\nXCC,2026-05-09,2,3,minor\nXCC,2025-08-30,7,0,\nXBB,2023-01-12,1,1,none\n";

async fn index_from_files_to_publication(b: Backend) {
    let app = spawn_app(b).await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let methodology =
        write(d, "methodology.toml", include_str!("../../../../docs/examples/prevention-index.toml"));

    // Inputs before countries exist are refused, naming the line and column.
    let values = write(d, "values.csv", VALUES);
    let out = tandem(&app, &["index", "import-values", &values]);
    assert!(
        !out.status.success()
            && text(&out).contains("values.csv: line 3, column #country+code: unknown country XAA"),
        "{}",
        text(&out)
    );
    let out = tandem(&app, &["index", "import-countries", &write(d, "countries.geojson", COUNTRIES)]);
    assert!(out.status.success() && text(&out).contains("imported 4 countries"), "{}", text(&out));

    // A bad row anywhere: nothing written.
    let bad =
        write(d, "bad-values.csv", &VALUES.replace("XCC,2026,civic_space,30", "XCC,2026,civic_space,thirty"));
    let out = tandem(&app, &["index", "import-values", &bad]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("bad-values.csv: line 5, column #indicator+value: \"thirty\" is not a number; nothing was imported"), "{}", text(&out));
    assert!(app.store.index_values(2100).await.unwrap().is_empty(), "all or nothing");
    for (name, body, needle) in [
        (
            "bad-scorecard.csv",
            SCORECARD.replace("partial,https://news.example/bb", "partial,"),
            "bad-scorecard.csv: line 4, column #meta+url",
        ),
        (
            "bad-incidents.csv",
            INCIDENTS.replace("4,10,major", "4,10,enormous"),
            "bad-incidents.csv: line 2, column #impact+damage",
        ),
    ] {
        let cmd = if name.contains("scorecard") { "import-scorecard" } else { "import-incidents" };
        let out = tandem(&app, &["index", cmd, &write(d, name, &body)]);
        assert!(!out.status.success() && text(&out).contains(needle), "{}", text(&out));
    }
    assert!(tandem(&app, &["index", "import-values", &values]).status.success());
    assert!(tandem(&app, &["index", "import-scorecard", &write(d, "scorecard.csv", SCORECARD)])
        .status
        .success());
    let out = tandem(&app, &["index", "import-incidents", &write(d, "incidents.csv", INCIDENTS)]);
    assert!(
        out.status.success() && text(&out).contains("imported 4 incidents (3 country-years)"),
        "{}",
        text(&out)
    );

    // A bad methodology is refused with its file, line and field; nothing is computed.
    let broken = write(
        d,
        "broken.toml",
        &include_str!("../../../../docs/examples/prevention-index.toml")
            .replace("weight = 0.6", "weight = 0.7"),
    );
    for args in [
        vec!["index", "validate", &broken],
        vec!["index", "compute", "--edition", "2026H2", "--methodology", &broken],
    ] {
        let out = tandem(&app, &args);
        assert!(
            !out.status.success()
                && text(&out).contains(
                    "broken.toml: line 14, pillar \"risk\".weight: the weights of its parts sum to 1.1"
                ),
            "{}",
            text(&out)
        );
    }
    let out = tandem(&app, &["index", "compute", "--edition", "2026H3", "--methodology", &methodology]);
    assert!(!out.status.success() && text(&out).contains("--edition"), "{}", text(&out));

    // Computed: a draft, invisible to the public.
    let out = tandem(
        &app,
        &["index", "compute", "--edition", "2026H2", "--methodology", &methodology, "--draws", "1000"],
    );
    assert!(out.status.success() && text(&out).contains("4 countries, 3 ranked"), "{}", text(&out));
    assert_eq!(app.get("/api/v1/index/editions/2026H2", None).await.0, 404, "a draft is not published");
    assert_eq!(app.get("/api/v1/index/editions", None).await.1, r#"{"editions":[]}"#);
    let out = tandem(&app, &["index", "publish", "--edition", "2026H2"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = tandem(&app, &["index", "compute", "--edition", "2026H2", "--methodology", &methodology]);
    assert!(
        !out.status.success() && text(&out).contains("published editions never change"),
        "{}",
        text(&out)
    );
    let out = tandem(&app, &["index", "publish", "--edition", "2026H2"]);
    assert!(!out.status.success() && text(&out).contains("already published"), "{}", text(&out));

    // The public API, without sign-in.
    let (s, body) = app.get("/api/v1/index/editions", None).await;
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (s, v["editions"][0]["name"].as_str(), v["editions"][0]["ranked"].as_u64()),
        (200, Some("2026H2"), Some(3))
    );
    let (s, body) = app.get("/api/v1/index/editions/2026H2", None).await;
    assert_eq!(s, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let countries = v["countries"].as_array().unwrap();
    let names: Vec<&str> = countries.iter().map(|c| c["iso3"].as_str().unwrap()).collect();
    assert_eq!(names, ["XAA", "XBB", "XCC", "XDD"], "best first; the country without data last: {v}");
    assert_eq!(
        (countries[0]["rank"].as_u64(), countries[3]["rank"].clone(), countries[3]["score"].clone()),
        (Some(1), Value::Null, Value::Null)
    );
    for c in &countries[..3] {
        let (p5, p95, r) =
            (c["rank_p5"].as_u64().unwrap(), c["rank_p95"].as_u64().unwrap(), c["rank"].as_u64().unwrap());
        assert!(p5 <= r && r <= p95 || p5 <= p95, "{c}");
        assert!(c["score"].as_f64().is_some_and(|s| (0.0..=100.0).contains(&s)) && c["name"].is_string());
    }
    let (s, body) = app.get("/api/v1/index/editions/2026H2/countries/XCC", None).await;
    assert_eq!(s, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let inds = v["result"]["indicators"].as_array().unwrap();
    let ind = |id: &str| inds.iter().find(|i| i["id"] == id).unwrap();
    assert_eq!(
        (ind("displacement")["treatment"].as_str(), ind("displacement")["evidence"]["year"].as_i64()),
        (Some("carried_forward"), Some(2024))
    );
    assert_eq!(
        ind("incident_impact")["evidence"]["years"][0]["counts"]["incidents"],
        2,
        "the two 2026 incidents"
    );
    assert_eq!(ind("incident_impact")["raw"], 10.0, "the most affected country bands at 10");
    assert_eq!(ind("pve_commitments")["evidence"]["items"][0]["status"], "no");
    assert_eq!(v["trend"][0]["edition"], "2026H2");
    let (_, body) = app.get("/api/v1/index/editions/2026H2/countries/XAA", None).await;
    assert!(body.contains("https://gov.example/aa/plan.pdf"), "scorecard evidence links are published");
    for path in [
        "/api/v1/index/editions/2026H1",
        "/api/v1/index/editions/nonsense",
        "/api/v1/index/editions/2026H2/countries/ZZZ",
        "/api/v1/index/editions/2026H2/countries/X1",
    ] {
        let (s, body) = app.get(path, None).await;
        assert_eq!(s, 404, "{path}: {body}");
        assert!(body.contains("\"code\":\"not_found\""));
    }
    let (s, m) = app.get("/api/v1/index/editions/2026H2/methodology.toml", None).await;
    assert!(s == 200 && m.contains("version = \"2026.1\""));

    // The CSV export: a header, a row of hashtags, valid for the reference HXL library.
    let (s, csv) = app.get("/api/v1/index/editions/2026H2/export.csv", None).await;
    assert_eq!(s, 200);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[1].starts_with("#indicator+rank,#country+name,#country+code+v_iso3,#indicator+score+num"),
        "{csv}"
    );
    assert_eq!(lines.len(), 6);
    let file = write(d, "export.csv", &csv);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/hxl_check.py");
    let out = Command::new("python3")
        .args([script, &file])
        .output()
        .expect("python3 runs (scripts/test installs libhxl)");
    assert!(out.status.success(), "libhxl refuses the export: {}", text(&out));
    assert!(text(&out).contains("4 rows"), "{}", text(&out));
    // The check is real: a broken export fails it.
    let broken = write(d, "broken.csv", &csv.replace("XAA", "X1A"));
    assert!(!Command::new("python3").args([script, &broken]).output().unwrap().status.success());

    // The pages, without sign-in, in three languages; with a map and the rank intervals.
    let r = app.http.get(app.url("/index")).send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (303, "/index/2026H2"));
    for lang in ["en", "fr", "ar"] {
        for path in ["/index/2026H2", "/index/2026H2/XCC", "/index/2026H2/XDD"] {
            let r = app.http.get(app.url(path)).header("accept-language", lang).send().await.unwrap();
            assert_eq!(r.status(), 200, "{lang} {path}");
            let html = r.text().await.unwrap();
            assert!(html.contains(if lang == "ar" { "dir=\"rtl\"" } else { "dir=\"ltr\"" }));
            assert!(
                !html.contains(">index-") && !html.contains(">treatment-") && !html.contains(">commitment-"),
                "{lang} {path}: untranslated"
            );
        }
    }
    let (_, html) = app.get("/index/2026H2", None).await;
    assert_eq!(html.matches("data-country=").count(), 3, "three countries have boundaries");
    assert!(html.contains("<svg class=\"chart\"") && html.contains("Alandia"));
    let (_, html) = app.get("/index/2026H2/XCC", None).await;
    assert!(html.contains("Cestria") && html.contains("<svg class=\"chart\""), "the trend chart");
    let (s, _) = app.get("/index/2026H2/XZZ", None).await;
    assert_eq!(s, 404);
}

/// `tandem index civic-space` sums a country's published civic-space entries per year from the
/// public statistics (what anyone can read at `/api/v1/public/violations`), stores them as the
/// index country's values with their quarters named, and refuses an area that is no country or
/// a country the index does not know, storing nothing.
async fn civic_space_incidents_feed_the_index_from_published_statistics(b: Backend) {
    use chrono::{Datelike, NaiveDate, Utc};
    use tandem_domain::{OrgKind, Role};
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "bello@obs.example", Role::Coordinator, false).await;
    let (amina, bello) = (app.login("amina@obs.example").await, app.login("bello@obs.example").await);
    // Last year's quarters are all published by now (90 days after each ends).
    let year = Utc::now().year() - 1;
    let document = |act: &str, month: u32, n: usize| {
        let (app, amina, bello) = (&app, amina.clone(), bello.clone());
        let day = NaiveDate::from_ymd_opt(year, month, 10).unwrap();
        let mut body = json!({"area": "MR0101", "occurred_on": day.to_string(), "act": act,
            "institution": "Unknown group", "institution_kind": "armed_group", "victims": {"total": 1},
            "description": "a threat by phone"});
        if act == "threat_to_defender" {
            body["targeted_org"] = json!("Kumba Women's Peace Network");
        }
        async move {
            for _ in 0..n {
                let (s, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body.clone())).await;
                assert_eq!(s, 201, "{v}");
                let path = format!("/api/v1/violations/{}/verify", v["id"].as_str().unwrap());
                assert_eq!(app.send("POST", &path, Some(&bello), None).await.0, 200);
            }
        }
    };
    document("threat_to_defender", 2, 6).await;
    document("threat_to_defender", 5, 7).await;
    document("arbitrary_arrest", 5, 9).await;

    let dir = tempfile::tempdir().unwrap();
    let geo = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ISO_A3":"XMR","NAME":"Marenia"},"geometry":null}]}"#;
    assert!(tandem(&app, &["index", "import-countries", &write(dir.path(), "c.geojson", geo)])
        .status
        .success());
    for (args, says) in [
        (["--area", "MR01", "--country", "XMR"], "MR01 is not a country area; nothing was stored"),
        (["--area", "MR", "--country", "XZZ"], "unknown country XZZ"),
    ] {
        let out = tandem(&app, &[&["index", "civic-space"][..], &args[..]].concat());
        assert!(!out.status.success() && text(&out).contains(says), "{}", text(&out));
    }
    assert!(app.store.index_values(year).await.unwrap().is_empty(), "nothing stored");

    let out = tandem(&app, &["index", "civic-space", "--area", "MR", "--country", "XMR"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("{year}: 13 civic_space_incidents for XMR (4 quarters published)")),
        "{}",
        text(&out)
    );

    // Independently: the published entries anyone can read add up to what was stored.
    let mut published = 0;
    for q in 1..=4 {
        let (s, v) =
            app.send("GET", &format!("/api/v1/public/violations?period={year}Q{q}"), None, None).await;
        assert_eq!(s, 200, "{v}");
        for c in v["cells"].as_array().unwrap() {
            let civic = matches!(c["act"].as_str(), Some("threat_to_defender" | "attack_on_defender"));
            if c["area"] == "MR" && c["institution"].is_null() && civic {
                published += c["count"].as_u64().expect("published");
            }
        }
    }
    let stored = app.store.index_values(year).await.unwrap();
    let point = stored.iter().find(|p| p.indicator == "civic_space_incidents" && p.iso3 == "XMR").unwrap();
    assert_eq!((point.year, point.value, published), (year, 13.0, 13));
    assert_eq!(point.note, format!("{year}Q1–{year}Q4"));
}
