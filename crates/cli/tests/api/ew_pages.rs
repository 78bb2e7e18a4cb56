//! Early-warning pages as a browser without JavaScript uses them: the public intake page (no
//! account, rate-limited, no address stored), filing in hotline mode, triage, responses, and the
//! dashboard's map.
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app_with, Backend, TestApp, PASSWORD};
use tandem_web::WebConfig;

both!(intake_page, member_pages_and_dashboard);

use crate::browser::{hidden_csrf, set_cookie};

async fn areas(app: &TestApp) {
    use tandem_domain::area::{AreaLevel, PCode};
    let sq = |x: f64| {
        Some(format!(
            r#"{{"type":"Polygon","coordinates":[[[{x},0],[{},0],[{},1],[{x},1],[{x},0]]]}}"#,
            x + 1.0,
            x + 1.0
        ))
    };
    let area = |code: &str, level, parent: Option<&str>, geometry| tandem_store::NewArea {
        code: PCode::parse(code).unwrap(),
        name: format!("Area {code}"),
        level,
        parent: parent.map(|p| PCode::parse(p).unwrap()),
        geometry,
    };
    app.store
        .create_areas(
            &[
                area("MR", AreaLevel::Country, None, None),
                area("MR01", AreaLevel::Admin1, Some("MR"), sq(0.0)),
                area("MR02", AreaLevel::Admin1, Some("MR"), sq(1.0)),
            ],
            tandem_domain::audit::NewAuditEvent::new("areas"),
        )
        .await
        .unwrap();
}

async fn intake_page(b: Backend) {
    let app = spawn_app_with(b, WebConfig { intake_per_hour: 2, ..Default::default() }).await;
    areas(&app).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    // The front door lists it for anyone, with who reads a report.
    let r = app.http.get(app.url("/")).header("accept-language", "fr").send().await.unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("href=\"/intake/kwpn\"") && html.contains("Qui lit ce que vous envoyez"), "{html}");
    let r = app.http.get(app.url("/intake/kwpn")).header("accept-language", "fr").send().await.unwrap();
    assert_eq!(r.status(), 200);
    let anon = set_cookie(&r, "tandem_csrf").unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("Signaler une préoccupation à Kumba Women"));
    assert!(!html.contains("<script"), "works without JavaScript and loads nothing from elsewhere");
    let cookie = format!("tandem_csrf={anon}");
    let post = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            app.http
                .post(app.url("/intake/kwpn"))
                .header("cookie", cookie)
                .header("accept-language", "fr")
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let form = |desc: &str| {
        vec![
            ("_csrf", anon.clone()),
            ("area", "MR01".to_owned()),
            ("category", "gbv".to_owned()),
            ("severity", "3".to_owned()),
            ("occurred_at", "2026-05-04".to_owned()),
            ("description", desc.to_owned()),
            ("reporter_contact", "".to_owned()),
        ]
    };
    let r = post(form("")).await;
    assert_eq!(r.status(), 422, "bad input re-renders with the error");
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-description\""));
    // In the page's language, in a summary at the top that links to the field, and beside it.
    assert!(html.contains("Il y a un problème") && html.contains("href=\"#err-description\""), "{html}");
    assert!(
        html.contains("passé ? — Remplissez ce champ."),
        "the summary names the field as the form does: {html}"
    );
    assert!(
        !html.contains("is required") && !html.contains("<span lang=\"en\">"),
        "no English inside French: {html}"
    );
    let mut no_csrf = form("Harassment on the path to the river");
    no_csrf.remove(0);
    assert_eq!(post(no_csrf).await.status(), 403);

    let r = post(form("Harassment on the path to the river")).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/intake/kwpn/thanks");
    let r = app.http.get(app.url("/intake/kwpn/thanks")).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("Peace Network has received your report"));
    assert_eq!(post(form("Second report")).await.status(), 303);
    let r = post(form("Third report")).await;
    assert_eq!(r.status(), 429, "rate-limited per address");
    assert!(r.text().await.unwrap().contains("Trop de signalements"));

    let reports = app
        .store
        .list_reports(&org.id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(reports.len(), 2);
    assert!(reports
        .iter()
        .all(|r| r.channel == "intake" && r.created_by.is_none() && !r.has_reporter_contact));
    let everything = format!("{:?}{:?}", reports, app.store.audit_page(0, 1000).await.unwrap());
    assert!(!everything.contains("127.0.0.1"), "no address is stored");
    let r = app.http.get(app.url("/intake/no-such-org")).send().await.unwrap();
    assert_eq!(r.status(), 404);
}

async fn sign_in(app: &TestApp, email: &str) -> (String, String) {
    let r = app.http.get(app.url("/login")).send().await.unwrap();
    let anon = set_cookie(&r, "tandem_csrf").unwrap();
    let r = app
        .http
        .post(app.url("/login"))
        .header("cookie", format!("tandem_csrf={anon}"))
        .form(&[("_csrf", anon.as_str()), ("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let cookie = format!("tandem_session={}", set_cookie(&r, "tandem_session").unwrap());
    let html = app
        .http
        .get(app.url("/reports/new"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    (cookie, hidden_csrf(&html))
}

async fn member_pages_and_dashboard(b: Backend) {
    let app = spawn_app_with(b, WebConfig::default()).await;
    areas(&app).await;
    let org = app.create_org("Lakeside Observatory", OrgKind::CivilSociety).await;
    let other = app.create_org("Police Station", OrgKind::Security).await;
    app.create_user(&org, "member@obs.example", Role::Member, false).await;
    app.create_user(&org, "coordinator@obs.example", Role::Coordinator, false).await;
    app.create_user(&other, "officer@police.example", Role::Admin, false).await;
    let (member, csrf) = sign_in(&app, "member@obs.example").await;
    let recent = (chrono::Utc::now() - chrono::Duration::days(3)).date_naive().to_string();

    // Hotline mode: the caller stays anonymous, so any contact typed is dropped.
    let r = app
        .http
        .post(app.url("/reports"))
        .header("cookie", &member)
        .form(&[
            ("_csrf", csrf.as_str()),
            ("hotline", "on"),
            ("area", "MR02"),
            ("category", "intercommunal_tension"),
            ("severity", "4"),
            ("occurred_at", recent.as_str()),
            ("description", "Youth groups from two quarters clashed after a match"),
            ("reporter_contact", "+237 611 111 111"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/reports/") && location.ends_with("?done=report-filed"));
    let reports = app
        .store
        .list_reports(&org.id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!((reports[0].channel.as_str(), reports[0].has_reporter_contact), ("hotline", false));
    let id = reports[0].id.clone();

    let html = app
        .http
        .get(app.url(&location))
        .header("cookie", &member)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Report filed.") && html.contains("Intercommunal tension") && html.contains("hotline")
    );
    let recent_day = (chrono::Utc::now() - chrono::Duration::days(3)).format("%Y").to_string();
    assert!(
        !html.contains("-W") && html.contains(&format!(" {recent_day}</time>")),
        "days and weeks in words: {html}"
    );
    assert!(
        !html.contains("action=\"/reports/") || !html.contains("report-verify"),
        "members do not get triage buttons"
    );

    let list = app
        .http
        .get(app.url("/reports?category=intercommunal_tension&status=new"))
        .header("cookie", &member)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains(&format!("/reports/{id}")));
    let alerts = app
        .http
        .get(app.url("/alerts"))
        .header("cookie", &member)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        alerts.contains("raises an alert at once"),
        "the severity-4 report opened an alert, in words: {alerts}"
    );
    let alert = app
        .store
        .list_alerts(&org.id, &tandem_store::AlertFilter { limit: 5, ..Default::default() })
        .await
        .unwrap()
        .remove(0);

    // The home page leads with what needs each of them: the coordinator is asked to verify.
    let home = |cookie: String| {
        let app = &app;
        async move {
            let r = app.http.get(app.url("/")).header("cookie", cookie).send().await.unwrap();
            r.text().await.unwrap()
        }
    };
    let (coord, ccsrf) = sign_in(&app, "coordinator@obs.example").await;
    let html = home(coord.clone()).await;
    assert!(html.contains("One report waits to be verified"), "{html}");
    assert!(html.contains("One alert is not yet handed to anyone"), "{html}");
    let html = home(member.clone()).await;
    assert!(!html.contains("waits to be verified"), "members do not verify");
    assert!(html.contains("One alert is not yet handed to anyone"));

    // A coordinator verifies, assigns and a member answers.
    let r = app
        .http
        .post(app.url(&format!("/reports/{id}/status")))
        .header("cookie", &coord)
        .form(&[("_csrf", ccsrf.as_str()), ("to", "verify")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = app
        .http
        .post(app.url(&format!("/reports/{id}/status")))
        .header("cookie", &member)
        .form(&[("_csrf", csrf.as_str()), ("to", "dismiss")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = app
        .http
        .post(app.url(&format!("/alerts/{}/assign", alert.id)))
        .header("cookie", &coord)
        .form(&[("_csrf", ccsrf.as_str()), ("due_in_hours", "24")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = app
        .http
        .post(app.url(&format!("/alerts/{}/respond", alert.id)))
        .header("cookie", &member)
        .form(&[("_csrf", csrf.as_str()), ("action", ""), ("outcome", "Both sides met")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(">Both sides met</textarea>"), "what was typed is kept");
    let r = app
        .http
        .post(app.url(&format!("/alerts/{}/respond", alert.id)))
        .header("cookie", &member)
        .form(&[
            ("_csrf", csrf.as_str()),
            ("action", "Elders convened both groups"),
            ("outcome", "Calm restored"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let html = app
        .http
        .get(app.url(&format!("/alerts/{}", alert.id)))
        .header("cookie", &member)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Elders convened both groups") && html.contains("member, Lakeside Observatory"),
        "{html}"
    );
    let html = home(coord.clone()).await;
    assert!(
        html.contains("One alert must be answered within a day") && !html.contains("waits to be verified"),
        "{html}"
    );

    // The dashboard draws the map with the open alert in MR02.
    let html = app
        .http
        .get(app.url("/dashboard"))
        .header("cookie", &member)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<svg class=\"map\""), "{html}");
    assert!(
        html.contains(r#"data-area="MR02" data-count="1""#)
            && html.contains(r#"data-area="MR01" data-count="0""#)
    );
    assert!(html.contains("<svg class=\"spark\""));

    // Another organisation sees none of it.
    let (police, _) = sign_in(&app, "officer@police.example").await;
    for path in [format!("/reports/{id}"), format!("/alerts/{}", alert.id)] {
        let r = app.http.get(app.url(&path)).header("cookie", &police).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    let html = app
        .http
        .get(app.url("/dashboard"))
        .header("cookie", &police)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"data-area="MR02" data-count="0""#));
}
