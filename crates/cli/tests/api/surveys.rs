//! Perception surveys end to end on the API, both backends: a coordinator creates a survey from
//! its design columns and imports a KoboToolbox export (semicolons, decimal commas, group
//! prefixes); a bad line refuses the whole file, naming the line and column; the same export
//! imported twice adds nothing; and the estimates, overall and by gender, are R `survey`'s on
//! the very same file to 1e-6. To another organisation all of it is 404; members read, only
//! coordinators write. Then the command line imports and estimates as the API does.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(a_kobo_export_imported_and_estimated_as_r_does, the_survey_pages_work_without_javascript);

/// A deterministic two-district, eight-village survey of `n` respondents: unequal weights with
/// decimal commas, a few who did not answer the trust question, genders under a group prefix.
pub fn kobo_export(n: usize, seed: u64) -> String {
    let mut x = seed;
    let mut next = move || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = String::from(
        "start;_uuid;group_a/district;group_a/village;group_b/gender;group_b/age_band;trust;weight\n",
    );
    for i in 0..n {
        let district = if i % 3 == 0 { "north" } else { "south" };
        let village = format!("{district}-{}", (i * 7) % 4);
        let gender = if next() < 0.52 { "female" } else { "male" };
        let age = ["18_24", "25_34", "35_49", "50_plus"][(next() * 4.0) as usize % 4];
        let level =
            if gender == "female" { 0.35 } else { 0.55 } + if district == "north" { 0.1 } else { 0.0 };
        let u = next();
        let trust = if u < 0.05 {
            ""
        } else if next() < level {
            "yes"
        } else {
            "no"
        };
        let weight = format!("{:.3}", 0.5 + 3.0 * next()).replace('.', ",");
        out.push_str(&format!(
            "2026-03-{:02};uuid-{seed}-{i};{district};{village};{gender};{age};{trust};{weight}\n",
            1 + i % 28
        ));
    }
    out
}

pub async fn import(app: &TestApp, token: &str, survey: &str, body: String) -> (u16, Value) {
    let r = app
        .http
        .post(app.url(&format!("/api/v1/surveys/{survey}/responses")))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

async fn a_kobo_export_imported_and_estimated_as_r_does(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let stranger = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    app.create_user(&stranger, "bello@north.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let bello = app.login("bello@north.example").await;

    let body = json!({"title": "Trust in the police, round 1", "weight": "weight", "strata": "district",
        "cluster": "village", "fielded_on": "2026-03-15"});
    assert_eq!(app.send("POST", "/api/v1/surveys", Some(&member), Some(body.clone())).await.0, 403);
    for (field, bad) in [
        ("title", json!({"title": "x"})),
        ("weight", json!({"weight": " "})),
        ("fielded_on", json!({"fielded_on": "2999-01-01"})),
    ] {
        let mut b = body.clone();
        b.as_object_mut().unwrap().extend(bad.as_object().unwrap().clone());
        let (s, e) = app.send("POST", "/api/v1/surveys", Some(&amina), Some(b)).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{e}");
    }
    let (s, e) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&amina),
            Some(json!({"title": "Same column twice", "weight": "w", "strata": "w"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("strata")), "{e}");
    let (s, made) = app.send("POST", "/api/v1/surveys", Some(&amina), Some(body)).await;
    assert_eq!(s, 201, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();

    let file = kobo_export(600, 7);
    // One bad weight on line 41 refuses the whole file.
    let mut lines: Vec<String> = file.lines().map(str::to_owned).collect();
    lines[40] = lines[40].rsplit_once(';').unwrap().0.to_owned() + ";-1";
    let (s, e) = import(&app, &amina, &id, lines.join("\n")).await;
    assert_eq!(s, 422, "{e}");
    let message = e["error"]["message"].as_str().unwrap();
    assert!(message.contains("line 41, column weight") && message.contains("nothing was imported"), "{e}");
    assert_eq!(
        app.send("GET", &format!("/api/v1/surveys/{id}"), Some(&member), None).await.1["responses"],
        0
    );
    assert_eq!(import(&app, &member, &id, file.clone()).await.0, 403, "members do not import");
    assert_eq!(import(&app, &bello, &id, file.clone()).await.0, 404);

    for (bad, said) in [
        ("_uuid;weight;district;village\nu;1e308;north;v\n".to_owned(), "line 2, column weight"),
        (
            format!(
                "weight;district;village;{}\n",
                (0..2001).map(|i| format!("q{i}")).collect::<Vec<_>>().join(";")
            ),
            "line 1",
        ),
        (String::new(), "line 1"),
    ] {
        let (s, e) = import(&app, &amina, &id, bad).await;
        assert_eq!(s, 422, "{e}");
        assert!(e["error"]["message"].as_str().unwrap().contains(said), "{e}");
    }
    let (s, added) = import(&app, &amina, &id, file.clone()).await;
    assert_eq!((s, &added), (201, &json!({"imported": 600, "already_present": 0})));
    let (_, added) = import(&app, &amina, &id, file.clone()).await;
    assert_eq!(added, json!({"imported": 0, "already_present": 600}), "the same export again adds nothing");

    let path = format!("/api/v1/surveys/{id}/estimates?question=trust&value=yes&by=gender");
    assert_eq!(app.send("GET", &path, Some(&bello), None).await.0, 404);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("kobo.csv");
    std::fs::write(&csv, &file).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/survey_kobo.R");
    let out = std::process::Command::new("Rscript").arg(script).arg(&csv).output().unwrap_or_else(|e| {
        panic!("Rscript could not run ({e}): install Debian's r-cran-survey (scripts/test does)")
    });
    assert!(out.status.success(), "R failed: {}", String::from_utf8_lossy(&out.stderr));
    let r = String::from_utf8(out.stdout).unwrap();
    let mut compared = 0;
    for method in ["logit", "beta"] {
        let (s, got) = app.send("GET", &format!("{path}&method={method}"), Some(&member), None).await;
        assert_eq!(s, 200, "{got}");
        assert_eq!(got["by"], "group_b/gender", "found under its group prefix");
        let groups: Vec<&str> =
            got["estimates"].as_array().unwrap().iter().map(|e| e["group"].as_str().unwrap()).collect();
        assert_eq!(groups, ["all", "female", "male"]);
        for line in r.lines().skip(1) {
            let f: Vec<&str> = line.split(',').map(|x| x.trim_matches('"')).collect();
            if f[1] != method {
                continue;
            }
            let e = got["estimates"].as_array().unwrap().iter().find(|e| e["group"] == f[0]).unwrap();
            for (k, col) in [("proportion", 2), ("se", 3), ("ci_low", 4), ("ci_high", 5)] {
                let want: f64 = f[col].parse().unwrap();
                let have = e[k].as_f64().unwrap();
                assert!((have - want).abs() < 1e-6, "{method} {} {k}: Tandem {have}, R {want}", f[0]);
                compared += 1;
            }
            assert_eq!(e["method"], method);
        }
    }
    assert_eq!(compared, 24, "three groups, four numbers, two methods: {r}");

    for (q, field) in [
        ("question=colour&value=red", "question"),
        ("question=trust&value=yes&by=nothing", "by"),
        ("question=trust&value=yes&method=wald", "method"),
        ("question=trust", "query"),
    ] {
        let (s, e) =
            app.send("GET", &format!("/api/v1/surveys/{id}/estimates?{q}"), Some(&member), None).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{q}: {e}");
    }
    let (s, e) = app
        .send(
            "GET",
            &format!("/api/v1/surveys/{id}/estimates?question=start&value=2026-03-01&by=_uuid"),
            Some(&member),
            None,
        )
        .await;
    assert_eq!(
        (s, e["error"]["field"].as_str()),
        (422, Some("by")),
        "600 different answers are no grouping: {e}"
    );
    let listed = app.send("GET", "/api/v1/surveys", Some(&member), None).await.1;
    assert_eq!(listed["surveys"][0]["responses"], 600);
    assert!(app.send("GET", "/api/v1/surveys", Some(&bello), None).await.1["surveys"]
        .as_array()
        .unwrap()
        .is_empty());

    // The command line reads the same survey and says the same.
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(args)
            .env("TANDEM_DATABASE_URL", &app.db.url)
            .output()
            .unwrap()
    };
    let org = cso.id.to_string();
    let out = run(&[
        "survey",
        "estimate",
        "--org",
        &org,
        "--survey",
        &id,
        "--question",
        "trust",
        "--value",
        "yes",
        "--by",
        "gender",
        "--json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    let api = app.send("GET", &path, Some(&member), None).await.1;
    assert_eq!(cli["estimates"], api["estimates"]);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "weight;district;village\n1;north;v1\n1;;v2\n").unwrap();
    let out = run(&["survey", "import", "--org", &org, "--survey", &id, bad.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && said.contains("line 3, column district"), "{said}");
    let more = dir.path().join("round.csv");
    std::fs::write(&more, kobo_export(50, 8)).unwrap();
    let out = run(&["survey", "import", "--org", &org, "--survey", &id, more.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 50 responses"));
}

/// A coordinator on the pages: starts a survey (a refused form keeps what was typed and says
/// why beside the field), uploads an export (a bad line refused in French, naming the line),
/// then asks it a question with a plain GET form and reads the table and the chart.
async fn the_survey_pages_work_without_javascript(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let form = |title: &str| {
        vec![
            ("title", title.to_owned()),
            ("weight", "weight".to_owned()),
            ("strata", "district".to_owned()),
            ("cluster", "village".to_owned()),
            ("fielded_on", String::new()),
        ]
    };
    let r = app.http.post(app.url("/surveys")).bearer_auth(&amina).form(&form("x")).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-title\"") && html.contains("value=\"district\""), "kept: {html}");
    let r = app
        .http
        .post(app.url("/surveys"))
        .bearer_auth(&amina)
        .form(&form("Trust in the police, round 1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("?done=survey-created"), "{to}");
    let page = to.split('?').next().unwrap().to_owned();
    let upload = |token: &str, body: String, lang: &str| {
        let part = tandem_testkit::reqwest::multipart::Part::text(body)
            .file_name("kobo.csv")
            .mime_str("text/csv")
            .unwrap();
        let rb = app
            .http
            .post(app.url(&format!("{page}/responses")))
            .bearer_auth(token)
            .header("accept-language", lang)
            .multipart(tandem_testkit::reqwest::multipart::Form::new().part("file", part));
        async move { rb.send().await.unwrap() }
    };
    let file = kobo_export(300, 3);
    let mut bad: Vec<String> = file.lines().map(str::to_owned).collect();
    bad[9] = bad[9].replace(";north;", ";;").replace(";south;", ";;");
    let r = upload(&amina, bad.join("\n"), "fr").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-file\"")
            && html.contains("Ligne 10 du fichier")
            && html.contains("Rien n&#x27;a été importé"),
        "{html}"
    );
    assert_eq!(upload(&member, file.clone(), "en").await.status(), 403);
    let r = upload(&amina, file.clone(), "en").await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let html = app.http.get(app.url(&to)).bearer_auth(&member).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("300 responses imported."), "{html}");
    let r = upload(&amina, file, "en").await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let html = app.http.get(app.url(&to)).bearer_auth(&member).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("0 responses imported; 300 were already here"), "{html}");

    let ask = format!("{page}?question=trust&value=yes&by=group_b%2Fgender&method=logit");
    let html = app.http.get(app.url(&ask)).bearer_auth(&member).send().await.unwrap().text().await.unwrap();
    let api = app
        .send(
            "GET",
            &format!("/api/v1{page}/estimates?question=trust&value=yes&by=gender"),
            Some(&member),
            None,
        )
        .await
        .1;
    for e in api["estimates"].as_array().unwrap() {
        let share = format!("{:.1}%", e["proportion"].as_f64().unwrap() * 100.0);
        let ci = format!(
            "{:.1}–{:.1}%",
            e["ci_low"].as_f64().unwrap() * 100.0,
            e["ci_high"].as_f64().unwrap() * 100.0
        );
        assert!(html.contains(&share) && html.contains(&ci), "{share} {ci} on the page: {html}");
    }
    assert!(html.contains("<svg class=\"shares\"") && html.contains(">Everyone</text>"), "the chart: {html}");
    let r = app
        .http
        .get(app.url(&format!("{page}?question=colour&value=x")))
        .bearer_auth(&member)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-question\""));
}
