//! OpenRosa as ODK Collect uses it: form list, form download, pre-flight and multipart
//! submission, authenticated by an API token in the header or in the path.
use tandem_domain::{OrgKind, Role};
use tandem_testkit::reqwest::multipart::{Form, Part};
use tandem_testkit::{both, spawn_app, Backend};

both!(odk_collect_round_trip);

fn instance(area: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><data id="tandem_report" version="1"><area>{area}</area><category>displacement</category><severity>3</severity><occurred>2026-05-04</occurred><description>Families arriving from the north</description><contact>+237 699 000 000</contact><meta><instanceID>uuid:7</instanceID></meta></data>"#
    )
}

async fn odk_collect_round_trip(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&org, "field@interfaith.example", Role::Member, false).await;
    let token = app.login("field@interfaith.example").await;

    let r = app.http.get(app.url("/openrosa/formList")).send().await.unwrap();
    assert_eq!(r.status(), 401);
    for (path, bearer) in
        [("/openrosa/formList".to_owned(), true), (format!("/openrosa/key/{token}/formList"), false)]
    {
        let mut rb = app.http.get(app.url(&path));
        if bearer {
            rb = rb.bearer_auth(&token);
        }
        let r = rb.send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["x-openrosa-version"], "1.0");
        let body = r.text().await.unwrap();
        assert!(body.contains("<formID>tandem_report</formID>") && body.contains("<hash>md5:"), "{body}");
        let url = body.split("<downloadUrl>").nth(1).unwrap().split('<').next().unwrap().to_owned();
        let form = app.http.get(&url).bearer_auth(&token).send().await.unwrap().text().await.unwrap();
        assert!(
            form.contains(r#"<data id="tandem_report""#)
                && form.contains("<value>MR0101</value>")
                && form.contains("<value>gbv</value>"),
            "{url}"
        );
    }
    let r = app.http.head(app.url(&format!("/openrosa/key/{token}/submission"))).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert!(r.headers().contains_key("x-openrosa-accept-content-length"));

    let submit = |xml: String, with_token: bool| {
        let app = &app;
        let token = token.clone();
        async move {
            let form = Form::new().part(
                "xml_submission_file",
                Part::bytes(xml.into_bytes()).file_name("submission.xml").mime_str("text/xml").unwrap(),
            );
            let path = if with_token {
                format!("/openrosa/key/{token}/submission")
            } else {
                "/openrosa/submission".to_owned()
            };
            app.http.post(app.url(&path)).multipart(form).send().await
        }
    };
    assert_eq!(submit(instance("MR0101"), false).await.unwrap().status(), 401);
    let r = submit(instance("MR0101"), true).await.unwrap();
    assert_eq!(r.status(), 201);
    assert!(r.text().await.unwrap().contains("OpenRosaResponse"));
    for (bad, status) in [
        (instance("ZZ99"), 400),
        ("<data id=\"tandem_report\"><area>MR0101</area>".to_owned(), 400),
        ("<data id=\"another_form\"></data>".to_owned(), 400),
        (format!("<data id=\"tandem_report\">{}</data>", "x".repeat(2 * 1024 * 1024)), 413),
    ] {
        match submit(bad, true).await {
            Ok(r) => assert_eq!(r.status(), status),
            // The server stops reading an over-long body at its limit; a client still writing
            // may see the connection close before the 413. Either way nothing is stored (below).
            Err(e) if status == 413 => assert!(e.is_request(), "{e}"),
            Err(e) => panic!("{e}"),
        }
    }
    let reports = app
        .store
        .list_reports(&org.id, &tandem_store::ReportFilter { limit: 10, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(reports.len(), 1, "bad submissions wrote nothing");
    assert_eq!(
        (reports[0].channel.as_str(), reports[0].area.as_str(), reports[0].has_reporter_contact),
        ("openrosa", "MR0101", true)
    );
}
