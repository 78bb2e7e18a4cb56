//! Regression tests for what an attack on the demo found (issue 12), one finding each: every one
//! failed before its fix.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, reqwest, spawn_app, Backend, TestApp, PASSWORD};

both!(
    next_only_leads_to_a_path_on_this_site,
    exports_are_safe_to_open,
    nobody_can_lock_an_owner_out,
    disguised_details_never_reach_a_partner,
    nobody_joins_without_saying_yes,
    a_link_tells_nobody_who_has_an_account
);

/// The value of the cookie `name` that a response sets; the test fails without it.
fn set_cookie(r: &reqwest::Response, name: &str) -> String {
    crate::browser::set_cookie(r, name).unwrap_or_else(|| panic!("no {name} cookie"))
}

/// Signs in through the sign-in page and returns the session cookie.
pub async fn browser_session(app: &TestApp, email: &str) -> String {
    let r = app.http.get(app.url("/login")).send().await.unwrap();
    let anon = set_cookie(&r, "tandem_csrf");
    let r = app
        .http
        .post(app.url("/login"))
        .header("cookie", format!("tandem_csrf={anon}"))
        .form(&[("_csrf", anon.as_str()), ("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let session = set_cookie(&r, "tandem_session");
    format!("tandem_session={session}")
}

/// `next=/%09/other.host/` sent a signed-in user to another site (browsers drop the tab), and a
/// line break in `next` answered 500.
async fn next_only_leads_to_a_path_on_this_site(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&org, "admin@interfaith.example", Role::Admin, false).await;
    let cookie = browser_session(&app, "admin@interfaith.example").await;
    let go = |path: &str| {
        let (app, cookie, path) = (&app, cookie.clone(), path.to_owned());
        async move {
            let r: reqwest::Response =
                app.http.get(app.url(&path)).header("cookie", cookie).send().await.unwrap();
            (r.status().as_u16(), r.headers().get("location").map(|v| v.to_str().unwrap().to_owned()))
        }
    };
    for next in [
        "%2F%09%2Fother.host%2F",
        "/%09/other.host/",
        "%2F%0D%0ASet-Cookie:%20x=y",
        "/%0a/x",
        "%2F%5Cother.host",
    ] {
        for page in ["/login?next=", "/lang/fr?next="] {
            let (status, location) = go(&format!("{page}{next}")).await;
            assert_eq!((status, location.as_deref()), (303, Some("/")), "{page}{next}");
        }
    }
    assert_eq!(
        go("/login?next=%2Fmembers").await,
        (303, Some("/members".to_owned())),
        "a local path is kept"
    );
}

/// A description from the anonymous intake page beginning with `=HYPERLINK(`, `+`, `-` or `@`
/// reached a coordinator's spreadsheet as a live formula; exports and contacts could be cached.
async fn exports_are_safe_to_open(b: Backend) {
    let app = spawn_app(b).await;
    super::ew::setup_areas(&app).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&org, "admin@kwpn.example", Role::Admin, false).await;
    let admin = app.login("admin@kwpn.example").await;
    let day = (chrono::Utc::now() - chrono::Duration::days(2)).date_naive().to_string();
    let formulas = ["=HYPERLINK(\"http://evil.example\",\"open\")", "+1+cmd", "-2+3", "@SUM(A1:A9)"];
    let mut ids = vec![];
    for f in formulas {
        let body = json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": day,
            "description": f, "reporter_contact": "+237 677 12 34 56"});
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&admin), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        ids.push(v["id"].as_str().unwrap().to_owned());
    }
    let r = app.http.get(app.url("/api/v1/export/reports.csv")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_eq!(r.headers()["content-disposition"], "attachment; filename=\"reports.csv\"");
    let csv = r.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let col = rows.headers().unwrap().iter().position(|h| h == "description").unwrap();
    let cells: Vec<String> = rows.records().map(|r| r.unwrap()[col].to_owned()).collect();
    for f in formulas {
        assert!(cells.contains(&format!("'{f}")), "{f} is text in the export: {cells:?}");
        assert!(!cells.contains(&f.to_owned()), "{f} would run as a formula");
    }
    let r = app.http.get(app.url("/api/v1/export.jsonl")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(
        (
            r.headers()["cache-control"].to_str().unwrap(),
            r.headers()["content-disposition"].to_str().unwrap()
        ),
        ("no-store", "attachment; filename=\"tandem-export.jsonl\"")
    );
    let r = app
        .http
        .get(app.url(&format!("/api/v1/reports/{}/contact", ids[0])))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store", "a contact is never cached");
}

/// Five wrong passwords from any address locked the real owner out, from every address, for 15
/// minutes: anyone could keep any account locked.
async fn nobody_can_lock_an_owner_out(b: Backend) {
    let config = tandem_web::WebConfig { trust_forwarded_for: true, ..tandem_web::WebConfig::default() };
    let app = tandem_testkit::spawn_app_with(b, config).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&org, "amina@kwpn.example", Role::Coordinator, false).await;
    let login = |from: String, password: &'static str| {
        let app = &app;
        async move {
            app.http
                .post(app.url("/api/v1/auth/login"))
                .header("x-forwarded-for", from)
                .json(&json!({"email": "amina@kwpn.example", "password": password}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // One attacker address: refused after five failures, for that account.
    for i in 0..5 {
        assert_eq!(login("203.0.113.7".into(), "guess-123456").await, 401, "attempt {i}");
    }
    assert_eq!(login("203.0.113.7".into(), "guess-123456").await, 429);
    assert_eq!(login("203.0.113.7".into(), PASSWORD).await, 429, "even the right password, from there");
    // Attackers spread over many addresses keep failing ...
    for i in 0..8 {
        assert_eq!(login(format!("198.51.100.{i}"), "guess-654321").await, 401);
    }
    // ... and the owner still signs in from her own address (slowed, never refused).
    let started = std::time::Instant::now();
    assert_eq!(login("192.0.2.44".into(), PASSWORD).await, 200, "the owner is not locked out");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// Phone numbers with invisible characters inside or in other digits, a fullwidth at sign and
/// protected names disguised by a soft hyphen, a look-alike letter, surname-first order or a
/// link all reached a records partner as written.
async fn disguised_details_never_reach_a_partner(b: Backend) {
    let app = spawn_app(b).await;
    super::ew::setup_areas(&app).await;
    let owner = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let town = app.create_org("Port Amsel Municipality", OrgKind::Government).await;
    app.create_user(&owner, "coordinator@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&town, "officer@town.example", Role::Member, false).await;
    let coord = app.login("coordinator@kwpn.example").await;
    let officer = app.login("officer@town.example").await;
    for name in ["Amina Diallo", "أمينة ديالو"] {
        let (s, v) =
            app.send("POST", "/api/v1/protected-names", Some(&coord), Some(json!({"name": name}))).await;
        assert_eq!(s, 201, "{v}");
    }
    let day = (chrono::Utc::now() - chrono::Duration::days(14)).date_naive().to_string();
    let disguised = [
        "Call 0712\u{200B}345\u{200B}678 tonight",
        "Call +237\u{200E}671\u{200F}234\u{2060}567 tonight",
        "Call ０７１２３４５６７８ tonight",
        "Call ०७१२३४५६७८ tonight",
        "Call 671–23–45–67 tonight",
        "Call 671/23/45/67 tonight",
        "Write to amina＠example.org tonight",
        "Ami\u{AD}na Di\u{200B}allo was threatened",
        "\u{410}mina Di\u{430}llo was threatened",
        "DIALLO, Amina was threatened",
        "See facebook.com/amina.diallo.77 and t.me/aminadiallo",
        "قالت امينه ديالو",
    ];
    for d in disguised {
        let body = json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": day, "description": d});
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&coord), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        let id = v["id"].as_str().unwrap();
        let (s, v) = app.send("POST", &format!("/api/v1/reports/{id}/verify"), Some(&coord), None).await;
        assert_eq!(s, 200, "{v}");
    }
    let body = json!({"partner_org": town.id, "mode": "records", "area_level": "admin1", "k": 3});
    let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(&coord), Some(body)).await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app.send("GET", "/api/v1/shared/records", Some(&officer), None).await;
    assert_eq!(s, 200, "{v}");
    let mut got: Vec<&str> =
        v["records"].as_array().unwrap().iter().map(|r| r["description"].as_str().unwrap()).collect();
    got.sort_unstable();
    let mut want = vec![
        "Call [phone] tonight",
        "Call [phone] tonight",
        "Call [phone] tonight",
        "Call [phone] tonight",
        "Call [phone] tonight",
        "Call [phone] tonight",
        "Write to [email] tonight",
        "[name] was threatened",
        "[name] was threatened",
        "[name] was threatened",
        "See [url] and [url]",
        "قالت [name]",
    ];
    want.sort_unstable();
    assert_eq!(got, want, "{v}");
}

/// An organisation's admin attached any existing account of another organisation to their own,
/// and the answer told whether the address had an account.
async fn nobody_joins_without_saying_yes(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Member, false).await;
    app.create_user(&police, "chief@police.example", Role::Admin, false).await;
    let chief = app.login("chief@police.example").await;

    // The same answer for an address with an account and one without.
    let mut answers = vec![];
    let mut links = vec![];
    for email in ["amina@kwpn.example", "nobody@nowhere.example"] {
        let (s, v) = app
            .send("POST", "/api/v1/members", Some(&chief), Some(json!({"email": email, "role": "member"})))
            .await;
        links.push(v["link"].as_str().unwrap().to_owned());
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.extend(v["invitation"].as_object().unwrap().keys().cloned());
        keys.sort();
        answers.push((s, keys, v["invitation"]["email"].as_str().unwrap().to_owned()));
    }
    assert_eq!((answers[0].0, &answers[0].1), (answers[1].0, &answers[1].1), "{answers:?}");
    assert_eq!(answers[0].0, 202);
    // A password for the account is refused outright, not used to tell accounts apart.
    let (s, _) = app
        .send(
            "POST",
            "/api/v1/members",
            Some(&chief),
            Some(json!({"email": "amina@kwpn.example", "role": "member", "password": "a long password"})),
        )
        .await;
    assert_eq!(s, 422);

    // Amina is not a member of the police station until she says yes, and she sees who asks.
    let amina_user = app
        .store
        .find_user_by_email(&tandem_domain::Email::parse("amina@kwpn.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app.store.memberships(&amina_user.id).await.unwrap().len(), 1);
    let amina = app.login("amina@kwpn.example").await;
    let (s, v) = app.send("GET", "/api/v1/invitations", Some(&amina), None).await;
    assert_eq!(s, 200);
    let inv = &v["invitations"][0];
    assert_eq!(
        (inv["org_name"].as_str(), inv["org_kind"].as_str()),
        (Some("Kumba Central Police Station"), Some("security"))
    );
    let r = app.http.get(app.url("/invitations")).bearer_auth(&amina).send().await.unwrap();
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Kumba Central Police Station") && html.contains("police, gendarmerie, military"),
        "{html}"
    );
    // Nobody else can answer for her, and being signed in as her address is not enough either:
    // without mail nothing proves who made an account, so the link is the proof.
    let token = |link: &str| link.rsplit('/').next().unwrap().to_owned();
    let mine = json!({ "token": token(&links[0]) });
    let (s, _) = app.send("POST", "/api/v1/invitations/accept", Some(&chief), Some(mine.clone())).await;
    assert_eq!(s, 404, "a link addressed to someone else");
    let id = inv["id"].as_str().unwrap();
    let (s, _) = app.send("POST", &format!("/api/v1/invitations/{id}/accept"), Some(&amina), None).await;
    assert_eq!(s, 404, "no answer by id alone");
    let guess = json!({ "token": "tdi_guess" });
    let (s, _) = app.send("POST", "/api/v1/invitations/accept", Some(&amina), Some(guess)).await;
    assert_eq!(s, 404);
    assert_eq!(app.store.memberships(&amina_user.id).await.unwrap().len(), 1);
    let (s, v) = app.send("POST", "/api/v1/invitations/decline", Some(&amina), Some(mine)).await;
    assert_eq!(s, 204, "{v}");
    assert_eq!(
        app.store.memberships(&amina_user.id).await.unwrap().len(),
        1,
        "declined: still one organisation"
    );

    // Invited again, she opens the link in the browser, accepts there and then acts for either
    // organisation.
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/members",
            Some(&chief),
            Some(json!({"email": "amina@kwpn.example", "role": "coordinator"})),
        )
        .await;
    assert_eq!(s, 202, "{v}");
    let link = token(v["link"].as_str().unwrap());
    let cookie = browser_session(&app, "amina@kwpn.example").await;
    let page = app
        .http
        .get(app.url(&format!("/join/{link}")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("action=\"/join/{link}/accept\"")), "{page}");
    let csrf = page.split("name=\"_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let post = |path: String| {
        let (cookie, csrf) = (cookie.clone(), csrf.clone());
        let req = app.http.post(app.url(&path)).header("cookie", cookie).form(&[("_csrf", csrf)]);
        async move { req.send().await.unwrap() }
    };
    let r = post(format!("/join/{link}/accept")).await;
    assert_eq!(
        (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
        (303, "/invitations?done=invitation-accepted")
    );
    assert_eq!(app.store.get_member(&police.id, &amina_user.id).await.unwrap().role, Role::Coordinator);
    let r = post(format!("/organisations/{}/switch", tandem_domain::OrgId::new())).await;
    assert_eq!(r.status(), 404, "not one of hers");
    let r = post(format!("/organisations/{}/switch", police.id)).await;
    assert_eq!(r.status(), 303);
    let new_cookie = set_cookie(&r, "tandem_session");
    let me = |c: String| {
        let req = app.http.get(app.url("/api/v1/me")).header("cookie", c);
        async move { req.send().await.unwrap() }
    };
    assert_eq!(me(cookie.clone()).await.status(), 401, "the old session ended");
    let v: serde_json::Value = me(format!("tandem_session={new_cookie}")).await.json().await.unwrap();
    assert_eq!(
        (v["org"]["name"].as_str(), v["role"].as_str()),
        (Some("Kumba Central Police Station"), Some("coordinator"))
    );
}

/// Creates an account from an invitation link as a stranger's browser would: the answer's status,
/// where it leads and whether it signed in.
async fn join_by_link(app: &TestApp, link: &str, password: &str) -> (u16, String, bool) {
    let path = link.strip_prefix(&app.base).unwrap().to_owned();
    let r = app.http.get(app.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let anon = set_cookie(&r, "tandem_csrf");
    let form = [("_csrf", anon.as_str()), ("display_name", "Someone"), ("password", password)];
    let r = app
        .http
        .post(app.url(&path))
        .header("cookie", format!("tandem_csrf={anon}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    let signed_in =
        r.headers().get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("tandem_session="));
    (r.status().as_u16(), location, signed_in)
}

/// An administrator who opened their own invitation link learnt from its answer whether an
/// address had an account; and one who made the account for an address (choosing its password)
/// could then take every later invitation to that address, from any organisation, without ever
/// holding its link.
async fn a_link_tells_nobody_who_has_an_account(b: Backend) {
    let app = spawn_app(b).await;
    let rogue = app.create_org("Rogue Office", OrgKind::Government).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&rogue, "boss@rogue.example", Role::Admin, false).await;
    app.create_user(&cso, "admin@kwpn.example", Role::Admin, false).await;
    app.create_user(&cso, "fatou@kwpn.example", Role::Member, false).await;
    let boss = app.login("boss@rogue.example").await;
    let invite = |token: String, email: &'static str| {
        let app = &app;
        async move {
            let body = json!({"email": email, "role": "member"});
            let (s, v) = app.send("POST", "/api/v1/members", Some(&token), Some(body)).await;
            assert_eq!(s, 202, "{v}");
            v["link"].as_str().unwrap().to_owned()
        }
    };

    // The same answer for an address with an account and one without, and nobody signed in.
    let fatou_link = invite(boss.clone(), "fatou@kwpn.example").await;
    let newbie_link = invite(boss.clone(), "newbie@kwpn.example").await;
    let rogue_password = "the rogue's own password";
    let for_fatou = join_by_link(&app, &fatou_link, rogue_password).await;
    let for_newbie = join_by_link(&app, &newbie_link, rogue_password).await;
    assert_eq!(for_fatou, for_newbie);
    assert_eq!(for_fatou, (303, "/login?next=%2Finvitations&notice=joined".to_owned(), false));
    // Fatou's account is as it was: her password, her one organisation.
    let email = |e: &str| tandem_domain::Email::parse(e).unwrap();
    let fatou = app.store.find_user_by_email(&email("fatou@kwpn.example")).await.unwrap().unwrap();
    assert_eq!(app.store.memberships(&fatou.id).await.unwrap().len(), 1);
    app.login("fatou@kwpn.example").await;
    let r = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "fatou@kwpn.example", "password": rogue_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "the link's holder did not set her password");

    // The rogue now holds an account for newbie's address. When the network invites newbie, the
    // rogue sees the invitation but cannot take it: the network's link went to newbie.
    let cso_admin = app.login("admin@kwpn.example").await;
    invite(cso_admin, "newbie@kwpn.example").await;
    let r = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "newbie@kwpn.example", "password": rogue_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let hijacker = r.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
    let (s, v) = app.send("GET", "/api/v1/invitations", Some(&hijacker), None).await;
    assert_eq!((s, v["invitations"].as_array().unwrap().len()), (200, 1));
    let id = v["invitations"][0]["id"].as_str().unwrap().to_owned();
    let (s, _) = app.send("POST", &format!("/api/v1/invitations/{id}/accept"), Some(&hijacker), None).await;
    assert_eq!(s, 404);
    let rogue_link = json!({"token": newbie_link.rsplit('/').next().unwrap()});
    let (s, _) = app.send("POST", "/api/v1/invitations/accept", Some(&hijacker), Some(rogue_link)).await;
    assert_eq!(s, 404, "the rogue's own, answered link opens nothing else");
    let newbie = app.store.find_user_by_email(&email("newbie@kwpn.example")).await.unwrap().unwrap();
    let orgs: Vec<_> =
        app.store.memberships(&newbie.id).await.unwrap().into_iter().map(|(o, _)| o.name).collect();
    assert_eq!(orgs, ["Rogue Office"], "not a member of the network");
}
