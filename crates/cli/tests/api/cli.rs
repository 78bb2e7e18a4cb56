//! The `tandem` command line, run as a real process: the contract's admin commands, then sign-in
//! and /me over the API of a real `tandem serve`, on both backends; and the demo generator.
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

use serde_json::json;
use tandem_testkit::{both, fresh_db, Backend};

both!(admin_commands_then_login_and_me, evidence_identity_is_the_one_the_server_seals_to);

/// `tandem admin evidence-identity` prints the age identity the server seals an organisation's
/// evidence to (what a court needs with the files), and refuses an unknown organisation.
async fn evidence_identity_is_the_one_the_server_seals_to(b: Backend) {
    let db = fresh_db(b).await;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("tandem.key");
    let key_arg = key.to_str().unwrap();
    let out = tandem(&["admin", "init-key", "--key-file", key_arg], &db.url, None);
    assert!(out.status.success(), "{}", text(&out));
    let out = tandem(
        &[
            "admin",
            "create-org",
            "--name",
            "Lakeside Human Rights Observatory",
            "--kind",
            "civil_society",
            "--key-file",
            key_arg,
        ],
        &db.url,
        None,
    );
    assert!(out.status.success(), "{}", text(&out));
    let org = String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_owned();
    let out = tandem(&["admin", "evidence-identity", "--org", &org, "--key-file", key_arg], &db.url, None);
    assert!(out.status.success(), "{}", text(&out));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    let secrets: Vec<&str> = printed.lines().filter(|l| l.starts_with("AGE-SECRET-KEY-1")).collect();
    assert_eq!(secrets.len(), 1, "one key in the file, one identity: {printed}");
    let ring = tandem_domain::seal::Keyring::parse(&std::fs::read_to_string(&key).unwrap()).unwrap();
    let (_, identity) = ring.current_evidence_identity(&org).unwrap();
    use age::secrecy::ExposeSecret;
    assert_eq!(secrets[0], identity.to_string().expose_secret(), "the identity uploads are sealed to");
    assert!(printed.contains(&identity.to_public().to_string()), "with its public key named");
    let out =
        tandem(&["admin", "evidence-identity", "--org", "not-an-org", "--key-file", key_arg], &db.url, None);
    assert!(!out.status.success() && text(&out).contains("--org"), "{}", text(&out));
}

fn tandem(args: &[&str], db: &str, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env("TANDEM_DATABASE_URL", db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

async fn admin_commands_then_login_and_me(b: Backend) {
    let db = fresh_db(b).await;
    let url = db.url.clone();
    let out = tandem(
        &[
            "admin",
            "create-org",
            "--name",
            "Kumba Women's Peace Network",
            "--kind",
            "civil_society",
            "--women-led",
        ],
        &url,
        None,
    );
    assert!(out.status.success(), "{}", text(&out));
    let org_id = String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_owned();
    assert_eq!(org_id.len(), 36, "the id alone on the last line: {org_id}");

    let out = tandem(
        &["admin", "create-user", "--org", &org_id, "--email", "amina@kwpn.example", "--role", "admin"],
        &url,
        Some("a strong passphrase\n"),
    );
    assert!(out.status.success(), "{}", text(&out));

    // Bad input: clear messages naming the flag at fault, exit non-zero, nothing written.
    for (args, stdin, needle) in [
        (vec!["admin", "create-org", "--name", "X", "--kind", "civil_society"], None, "--name"),
        (vec!["admin", "create-org", "--name", "Valid", "--kind", "police"], None, "--kind"),
        (
            vec!["admin", "create-user", "--org", "nope", "--email", "a@b.example", "--role", "admin"],
            Some("long enough pw\n"),
            "--org",
        ),
        (
            vec!["admin", "create-user", "--org", &org_id, "--email", "bad", "--role", "admin"],
            Some("long enough pw\n"),
            "--email",
        ),
        (
            vec!["admin", "create-user", "--org", &org_id, "--email", "b@b.example", "--role", "boss"],
            Some("long enough pw\n"),
            "--role",
        ),
        (
            vec!["admin", "create-user", "--org", &org_id, "--email", "b@b.example", "--role", "admin"],
            Some("short\n"),
            "password",
        ),
        (
            vec![
                "admin",
                "create-user",
                "--org",
                &org_id,
                "--email",
                "amina@kwpn.example",
                "--role",
                "admin",
            ],
            Some("long enough pw\n"),
            "already exists",
        ),
    ] {
        let out = tandem(&args, &url, stdin);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(text(&out).contains(needle), "{args:?}: {}", text(&out));
    }
    let out = tandem(&["admin", "list-orgs"], &url, None);
    let listing = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(listing.lines().count(), 1, "{listing}");
    assert!(listing.contains(&org_id) && listing.contains("women-led"));

    let out = tandem(&["migrate"], &url, None);
    assert!(out.status.success() && text(&out).contains("migrations applied"), "{}", text(&out));

    // The key file: created once, never overwritten.
    let keydir = tempfile::tempdir().unwrap();
    let key_file = keydir.path().join("tandem.key");
    let key_file = key_file.to_str().unwrap();
    let out = tandem(&["serve", "--addr", "127.0.0.1:0", "--key-file", key_file], &url, None);
    assert!(!out.status.success() && text(&out).contains("tandem admin init-key"), "{}", text(&out));
    let out = tandem(&["admin", "init-key", "--key-file", key_file], &url, None);
    assert!(out.status.success() && text(&out).contains("created key k-"), "{}", text(&out));
    let first = std::fs::read_to_string(key_file).unwrap();
    let out = tandem(&["admin", "init-key", "--key-file", key_file], &url, None);
    assert!(!out.status.success() && text(&out).contains("already exists"), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(key_file).unwrap(),
        first,
        "an existing key file is never overwritten"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(key_file).unwrap().permissions().mode() & 0o777, 0o600);
    }

    // A field team's access: the token alone on the last line; bad input names the flag.
    let out = tandem(&["admin", "app-user", "--org", &org_id, "--name", "Kumba market team"], &url, None);
    assert!(out.status.success(), "{}", text(&out));
    let app_token = String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_owned();
    assert!(app_token.starts_with("tda_") && app_token.len() == 68, "{app_token}");
    for (args, needle) in [
        (vec!["admin", "app-user", "--org", "nope", "--name", "X"], "--org"),
        (vec!["admin", "app-user", "--org", &org_id, "--name", " "], "--name"),
    ] {
        let out = tandem(&args, &url, None);
        assert!(!out.status.success() && text(&out).contains(needle), "{args:?}: {}", text(&out));
    }

    // A real server over the same database: sign in, then /me.
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", &url, "--key-file", key_file])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().rsplit(' ').next().unwrap().to_owned();
    let http = tandem_testkit::reqwest::Client::new();
    let r = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "amina@kwpn.example", "password": "a strong passphrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let token = r.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
    let me: serde_json::Value =
        http.get(format!("{base}/api/v1/me")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["org"]["id"], json!(org_id));
    assert_eq!(
        (me["role"].as_str(), me["user"]["email"].as_str()),
        (Some("admin"), Some("amina@kwpn.example"))
    );
    let r = http.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // The app user's token opens the form list, and its addresses are the server's own.
    let r = http.get(format!("{base}/openrosa/key/{app_token}/formList")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let list = r.text().await.unwrap();
    assert!(list.contains(&format!("<downloadUrl>{base}/openrosa/key/{app_token}/forms/")), "{list}");
    child.kill().unwrap();
    child.wait().unwrap();

    let out = tandem(&["audit", "verify"], &url, None);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn unknown_database_schemes_are_refused() {
    for url in ["mysql://u:secret@h/db", "tandem.db", "http://x"] {
        let out = tandem(&["migrate"], url, None);
        assert!(!out.status.success());
        let t = text(&out);
        assert!(t.contains("sqlite://") && t.contains("postgres://"), "{t}");
        assert!(!t.contains("secret"), "the password is never echoed: {t}");
    }
}

#[test]
fn help_explains_the_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem")).arg("--help").output().unwrap();
    let t = text(&out);
    for sub in ["serve", "migrate", "demo", "admin", "audit"] {
        assert!(t.contains(sub), "{t}");
    }
    let out =
        Command::new(env!("CARGO_BIN_EXE_tandem")).args(["admin", "create-user", "--help"]).output().unwrap();
    assert!(text(&out).contains("standard input"));
}

#[tokio::test]
async fn demo_data_is_deterministic_and_needs_an_empty_database() {
    let mut runs = Vec::new();
    for _ in 0..2 {
        let db = fresh_db(Backend::Sqlite).await;
        let out = tandem(&["demo", "--no-serve"], &db.url, None);
        assert!(out.status.success(), "{}", text(&out));
        assert!(text(&out).contains(tandem_cli::demo::DEMO_PASSWORD));
        let store = tandem_testkit::open(Backend::Sqlite, &db.url).await;
        let orgs = store.list_orgs().await.unwrap();
        let kinds: std::collections::BTreeSet<_> = orgs.iter().map(|o| o.kind.as_str()).collect();
        assert_eq!(kinds.len(), 5, "every kind of organisation");
        assert!(
            orgs.iter().any(|o| o.women_led)
                && orgs.iter().any(|o| o.youth_led)
                && orgs.iter().any(|o| o.minority_led)
        );
        let mut people = Vec::new();
        for o in &orgs {
            let ms = store.list_members(&o.id).await.unwrap();
            let roles: std::collections::BTreeSet<_> = ms.iter().map(|m| m.role).collect();
            assert_eq!(roles.len(), 3, "{} has every role", o.name);
            people.extend(ms.into_iter().map(|m| (o.name.clone(), m.email, m.display_name, m.role)));
        }
        // Alerts with a history: episodes closed with an outcome, some acknowledged, some open.
        let cso = orgs.iter().find(|o| o.name == "Kumba Women's Peace Network").unwrap();
        let all = store
            .list_alerts(&cso.id, &tandem_store::AlertFilter { limit: 10_000, ..Default::default() })
            .await
            .unwrap();
        let closed = all.iter().filter(|a| a.status == "closed" && a.outcome.is_some()).count();
        let open = all.iter().filter(|a| a.status == "open").count();
        let acknowledged = all.iter().filter(|a| a.status == "open" && a.acknowledged_at.is_some()).count();
        assert!(
            closed > 0 && open > 0 && acknowledged > 0,
            "closed {closed}, open {open}, acknowledged {acknowledged}"
        );
        // A second demo into the same database is refused, not merged.
        let again = tandem(&["demo", "--no-serve"], &db.url, None);
        assert!(!again.status.success() && text(&again).contains("empty database"), "{}", text(&again));
        runs.push(people);
    }
    assert_eq!(runs[0], runs[1], "same seed, same data");
}

both!(imports_are_all_or_nothing_and_name_the_fault);

async fn imports_are_all_or_nothing_and_name_the_fault(b: Backend) {
    let db = fresh_db(b).await;
    let url = db.url.clone();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let country = write(
        "country.geojson",
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"pcode":"MR","name":"Marenia"},"geometry":{"type":"Polygon","coordinates":[[[9,4],[14,4],[14,7],[9,7],[9,4]]]}}]}"#,
    );
    let admin1 = write(
        "admin1.geojson",
        r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"ADM1_PCODE":"MR01","ADM1_EN":"Lakeside","ADM0_PCODE":"MR"},"geometry":{"type":"MultiPolygon","coordinates":[[[[9,4],[11,4],[11,7],[9,7],[9,4]]]]}},
        {"type":"Feature","properties":{"ADM1_PCODE":"MR02","ADM1_EN":"Highlands","ADM0_PCODE":"MR"},"geometry":{"type":"Polygon","coordinates":[[[11,4],[14,4],[14,7],[11,7],[11,4]]]}}]}"#,
    );
    let bad = write(
        "bad.geojson",
        r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"ADM1_PCODE":"MR03","ADM1_EN":"Coast","ADM0_PCODE":"MR"},"geometry":null},
        {"type":"Feature","properties":{"ADM1_EN":"Savannah","ADM0_PCODE":"MR"},"geometry":null}]}"#,
    );

    let out = tandem(
        &[
            "import",
            "areas",
            &country,
            "--level",
            "country",
            "--code-property",
            "pcode",
            "--name-property",
            "name",
        ],
        &url,
        None,
    );
    assert!(out.status.success(), "{}", text(&out));
    let a1 = [
        "--level",
        "admin1",
        "--code-property",
        "ADM1_PCODE",
        "--name-property",
        "ADM1_EN",
        "--parent-property",
        "ADM0_PCODE",
    ];
    let out = tandem(&[&["import", "areas", &bad][..], &a1[..]].concat(), &url, None);
    assert!(!out.status.success());
    assert!(text(&out).contains("feature 2 property \"ADM1_PCODE\""), "{}", text(&out));
    let out = tandem(&[&["import", "areas", &admin1][..], &a1[..]].concat(), &url, None);
    assert!(out.status.success() && text(&out).contains("imported 2 areas"), "{}", text(&out));
    let store = tandem_testkit::open(b, &url).await;
    let areas = store.list_areas(true).await.unwrap();
    assert_eq!(
        areas.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
        ["MR", "MR01", "MR02"],
        "the bad file wrote nothing"
    );
    assert!(areas.iter().all(|a| a.geometry.is_some()));

    let org = store.list_orgs().await.unwrap();
    assert!(org.is_empty());
    let out = tandem(
        &["admin", "create-org", "--name", "Lakeside Observatory", "--kind", "civil_society"],
        &url,
        None,
    );
    let org_id = String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_owned();
    let good = write("good.csv", "Date,Region,Type,Severity,Description\n#date,#adm1+code,#category,#severity,#description\n2026-03-02,MR01,hate_speech,2,Fliers at the market\n2026-03-03,MR02,gbv,4,Harassment at the river\n");
    let broken = write("broken.csv", "#date,#adm1+code,#category,#severity,#description\n2026-03-02,MR01,hate_speech,2,ok\n2026-03-02,MR01,hate_speech,7,bad severity\n");
    let out = tandem(&["import", "reports", "--org", &org_id, &broken], &url, None);
    assert!(!out.status.success());
    assert!(text(&out).contains("line 3, column #severity"), "{}", text(&out));
    let out = tandem(&["import", "reports", "--org", &org_id, &good], &url, None);
    assert!(out.status.success() && text(&out).contains("imported 2 reports"), "{}", text(&out));
    let org_id = tandem_domain::OrgId::parse(&org_id).unwrap();
    let reports = store
        .list_reports(&org_id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(reports.len(), 2, "only the good file's reports");
    assert!(reports.iter().all(|r| r.channel == "csv"));
    let alerts = store
        .list_alerts(&org_id, &tandem_store::AlertFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(alerts.len(), 1, "the severity-4 row opened an alert");
}

both!(event_data_imports);

async fn event_data_imports(b: Backend) {
    let db = fresh_db(b).await;
    let url = db.url.clone();
    let store = tandem_testkit::open(b, &url).await;
    let org = network(&store, &url, &[("MR", "Marenia"), ("MR01", "Lakeside"), ("MR0101", "Kumba")]).await;
    let dir = tempfile::tempdir().unwrap();
    let acled = dir.path().join("acled.csv");
    std::fs::write(&acled, "event_id_cnty,event_date,event_type,sub_event_type,country,admin1,admin2,fatalities,notes\n\
        MRN1,2026-03-02,Riots,Mob violence,Marenia,Lakeside,Kumba,0,Clashes between youth groups at the market\n\
        MRN2,03 March 2026,Violence against civilians,Attack,Marenia,Lakeside,,12,Village attacked\n\
        MRN3,2026-03-04,Strategic developments,Agreement,Marenia,Lakeside,Kumba,0,Ceasefire agreed\n").unwrap();
    let out = tandem(
        &["import", "events", "--org", &org, "--format", "acled", acled.to_str().unwrap()],
        &url,
        None,
    );
    assert!(
        out.status.success() && text(&out).contains("imported 2 events") && text(&out).contains("1 skipped"),
        "{}",
        text(&out)
    );
    // The severity-4 attack opened a threshold alert; the summary says so, by method.
    assert!(text(&out).contains("alerts: 1 opened (threshold 1)"), "{}", text(&out));
    let org_id = tandem_domain::OrgId::parse(&org).unwrap();
    let reports = store
        .list_reports(&org_id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    // Raised by the imported events alone: listed apart from the organisation's own.
    for (from_event_data, n) in [(true, 1), (false, 0)] {
        let f = tandem_store::AlertFilter {
            from_event_data: Some(from_event_data),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(
            store.list_alerts(&org_id, &f).await.unwrap().len(),
            n,
            "from event data: {from_event_data}"
        );
    }
    let attack = reports.iter().find(|r| r.category == "repression").unwrap();
    assert_eq!((attack.area.as_str(), attack.severity, attack.channel.as_str()), ("MR01", 4, "event_data"));
    assert!(reports
        .iter()
        .any(|r| r.area == "MR0101" && r.category == "intercommunal_tension" && r.severity == 2));

    let ucdp = dir.path().join("ged.csv");
    std::fs::write(&ucdp, "id,date_start,type_of_violence,adm_1,adm_2,best,where_description\n1,2026-04-01,2,Lakeside,Kumba,3,near the ferry\n2,2026-04-02,7,Lakeside,Kumba,0,x\n").unwrap();
    let out =
        tandem(&["import", "events", "--org", &org, "--format", "ucdp", ucdp.to_str().unwrap()], &url, None);
    assert!(
        !out.status.success() && text(&out).contains("line 3, column type_of_violence"),
        "{}",
        text(&out)
    );
    let bad_area = dir.path().join("bad.csv");
    std::fs::write(
        &bad_area,
        "event_date,event_type,admin1,admin2,fatalities,notes\n2026-03-02,Riots,Nowhere,,0,x\n",
    )
    .unwrap();
    let out = tandem(
        &["import", "events", "--org", &org, "--format", "acled", bad_area.to_str().unwrap()],
        &url,
        None,
    );
    assert!(!out.status.success() && text(&out).contains("line 2, column admin1"), "{}", text(&out));
    assert_eq!(
        store
            .list_reports(&org_id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
            .await
            .unwrap()
            .len(),
        2,
        "failed imports wrote nothing"
    );
}

both!(one_area_rule_on_every_event_path);

/// The importer and the bulk analytics path match areas by one rule: the P-code when the file has
/// one (the names then need not match), else the admin2 name within its admin1; a name that fits
/// several areas is refused with their codes, on both paths.
async fn one_area_rule_on_every_event_path(b: Backend) {
    let db = fresh_db(b).await;
    let url = db.url.clone();
    let store = tandem_testkit::open(b, &url).await;
    let org = network(
        &store,
        &url,
        &[
            ("MR", "Marenia"),
            ("MR01", "Lakeside"),
            ("MR02", "Highlands"),
            ("MR0101", "Central"),
            ("MR0201", "Central"),
        ],
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    // Names a generator made up, P-codes that are right.
    let coded = dir.path().join("coded.csv");
    std::fs::write(
        &coded,
        "event_date,event_type,admin1,admin2,admin2_pcode,fatalities,notes\n\
        2026-03-02,Riots,Region 1,District 8-0,MR0101,0,x\n\
        2026-03-03,Protests,Region 2,District 9-1,MR0201,0,y\n",
    )
    .unwrap();
    // The same district name in two regions: fine with its region, refused without.
    let named = dir.path().join("named.csv");
    std::fs::write(
        &named,
        "event_date,event_type,admin1,admin2,fatalities,notes\n\
        2026-03-02,Riots,Highlands,Central,0,x\n",
    )
    .unwrap();
    let ambiguous = dir.path().join("ambiguous.csv");
    std::fs::write(
        &ambiguous,
        "event_date,event_type,admin1,admin2,fatalities,notes\n\
        2026-03-02,Riots,,Central,0,x\n",
    )
    .unwrap();
    let import = |f: &std::path::Path| {
        tandem(&["import", "events", "--org", &org, "--format", "acled", f.to_str().unwrap()], &url, None)
    };
    let bulk =
        |f: &std::path::Path| tandem(&["bench", "analytics", "--fast", f.to_str().unwrap()], &url, None);
    for f in [&coded, &named] {
        let out = bulk(f);
        assert!(out.status.success(), "bulk {}: {}", f.display(), text(&out));
        let out = import(f);
        assert!(out.status.success(), "import {}: {}", f.display(), text(&out));
    }
    let org_id = tandem_domain::OrgId::parse(&org).unwrap();
    let mut areas: Vec<String> = store
        .list_reports(&org_id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.area)
        .collect();
    areas.sort();
    assert_eq!(areas, ["MR0101", "MR0201", "MR0201"]);
    for out in [bulk(&ambiguous), import(&ambiguous)] {
        assert!(!out.status.success() && text(&out).contains("MR0101, MR0201"), "{}", text(&out));
    }
}

both!(a_file_of_many_batches_is_kept_whole_or_not_at_all);

/// The importer streams a file in batches inside one transaction: a bad row near the end of a
/// file of several batches leaves nothing, and the same file without it is stored whole, with
/// the alert counts agreeing with the reports.
async fn a_file_of_many_batches_is_kept_whole_or_not_at_all(b: Backend) {
    let db = fresh_db(b).await;
    let url = db.url.clone();
    let store = tandem_testkit::open(b, &url).await;
    let org = network(
        &store,
        &url,
        &[("MR", "Marenia"), ("MR01", "Lakeside"), ("MR0101", "Kumba"), ("MR0102", "Tala")],
    )
    .await;
    let org_id = tandem_domain::OrgId::parse(&org).unwrap();
    const ROWS: usize = 12_345;
    let mut good = String::from("event_date,event_type,admin1,admin2,admin2_pcode,fatalities,notes\n");
    for i in 0..ROWS {
        let (day, code) = (1 + i % 28, if i % 3 == 0 { "MR0102" } else { "MR0101" });
        let kind = if i % 10 == 0 { "Strategic developments" } else { "Riots" };
        good.push_str(&format!("2026-02-{day:02},{kind},Lakeside,,{code},0,row {i}\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, format!("{good}2026-02-30,Riots,Lakeside,,MR0101,0,a day that never was\n"))
        .unwrap();
    let import = |f: &std::path::Path| {
        tandem(&["import", "events", "--org", &org, "--format", "acled", f.to_str().unwrap()], &url, None)
    };
    let out = import(&bad);
    let line = ROWS + 2;
    assert!(
        !out.status.success() && text(&out).contains(&format!("line {line}, column event_date")),
        "{}",
        text(&out)
    );
    let all = tandem_store::ReportFilter { limit: 100, ..Default::default() };
    assert!(store.list_reports(&org_id, &all).await.unwrap().is_empty(), "a failed import wrote nothing");
    assert!(store.alert_counts(&org_id, None, None).await.unwrap().is_empty(), "nor any count");

    let whole = dir.path().join("good.csv");
    std::fs::write(&whole, &good).unwrap();
    let out = import(&whole);
    let kept = ROWS - ROWS.div_ceil(10);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("imported {kept} events"))
            && text(&out).contains(&format!("({} skipped", ROWS.div_ceil(10))),
        "{}",
        text(&out)
    );
    let counted: i64 =
        store.alert_counts(&org_id, None, None).await.unwrap().iter().map(|c| i64::from(c.n)).sum();
    assert_eq!(counted, kept as i64, "the kept counts add up to the stored reports");
}

/// Creates `areas` (code, name), each the child of the one whose code it extends (MR01 of MR,
/// MR0101 of MR01), and an international network through the command line; its id.
async fn network(
    store: &std::sync::Arc<dyn tandem_store::Store>,
    url: &str,
    areas: &[(&str, &str)],
) -> String {
    use tandem_domain::area::{AreaLevel, PCode};
    let made: Vec<tandem_store::NewArea> = areas
        .iter()
        .map(|(code, name)| tandem_store::NewArea {
            code: PCode::parse(code).unwrap(),
            name: (*name).into(),
            level: [AreaLevel::Country, AreaLevel::Admin1, AreaLevel::Admin2][code.len() / 2 - 1],
            parent: (code.len() > 2).then(|| PCode::parse(&code[..code.len() - 2]).unwrap()),
            geometry: None,
        })
        .collect();
    store.create_areas(&made, tandem_domain::audit::NewAuditEvent::new("areas")).await.unwrap();
    let out = tandem(
        &["admin", "create-org", "--name", "Lakes Region Network", "--kind", "international"],
        url,
        None,
    );
    String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_owned()
}
