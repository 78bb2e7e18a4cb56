//! The authorisation matrix: every route × every kind of caller, with the status each must get.
//! A new route is not done until it has a row here.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(authorisation_matrix);

/// The callers. `Other` is the admin of another organisation: for records of organisation A it
/// must get 404, never 403 and never the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    Anonymous,
    Other,
    Member,
    Coordinator,
    Admin,
    PlatformAdmin,
}
use Caller::*;
const CALLERS: [Caller; 6] = [Anonymous, Other, Member, Coordinator, Admin, PlatformAdmin];

async fn authorisation_matrix(b: Backend) {
    let app = spawn_app(b).await;
    let a = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let other_org = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let hub = app.create_org("Platform Host", OrgKind::International).await;
    app.create_user(&a, "member@kwpn.example", Role::Member, false).await;
    app.create_user(&a, "coordinator@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&a, "admin@kwpn.example", Role::Admin, false).await;
    app.create_user(&other_org, "admin@police.example", Role::Admin, false).await;
    app.create_user(&hub, "platform@host.example", Role::Member, true).await;
    let target = app.create_user(&a, "target@kwpn.example", Role::Member, false).await;

    let mut tokens = std::collections::HashMap::new();
    for (c, email) in [
        (Member, "member@kwpn.example"),
        (Coordinator, "coordinator@kwpn.example"),
        (Admin, "admin@kwpn.example"),
        (Other, "admin@police.example"),
        (PlatformAdmin, "platform@host.example"),
    ] {
        tokens.insert(c, app.login(email).await);
    }

    // Early warning: areas, one report of A's (severity 4, so an alert exists too).
    use tandem_domain::area::{AreaLevel, PCode};
    let area = |code: &str, level, parent: Option<&str>| tandem_store::NewArea {
        code: PCode::parse(code).unwrap(),
        name: code.into(),
        level,
        parent: parent.map(|p| PCode::parse(p).unwrap()),
        geometry: None,
    };
    app.store
        .create_areas(
            &[area("MR", AreaLevel::Country, None), area("MR01", AreaLevel::Admin1, Some("MR"))],
            tandem_domain::audit::NewAuditEvent::new("areas"),
        )
        .await
        .unwrap();
    let report_body = json!({"area": "MR01", "category": "gbv", "severity": 4, "occurred_at": "2026-05-04", "description": "Harassment on the path to the river"});
    let (s, r) = app.send("POST", "/api/v1/reports", Some(&tokens[&Member]), Some(report_body.clone())).await;
    assert_eq!(s, 201);
    let report_id = r["id"].as_str().unwrap().to_owned();
    let (_, v) = app.send("GET", "/api/v1/alerts", Some(&tokens[&Member]), None).await;
    let alert_id = v["alerts"][0]["id"].as_str().unwrap().to_owned();
    let violation_body = json!({"area": "MR01", "occurred_on": "2026-05-04", "act": "arbitrary_arrest",
        "institution": "Kumba Central Police Station", "victims": {"total": 1}, "description": "Held overnight"});
    let (s, v) =
        app.send("POST", "/api/v1/violations", Some(&tokens[&Member]), Some(violation_body.clone())).await;
    assert_eq!(s, 201, "{v}");
    let violation_path = format!("/api/v1/violations/{}", v["id"].as_str().unwrap());
    let jpeg = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9".to_vec();
    let r = app
        .http
        .post(app.url(&format!("{violation_path}/evidence")))
        .bearer_auth(&tokens[&Member])
        .multipart(reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(jpeg)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let evidence: serde_json::Value = r.json().await.unwrap();
    let evidence_path = format!("{violation_path}/evidence/{}", evidence["id"].as_str().unwrap());
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&tokens[&Coordinator]),
            Some(json!({"title": "Trust in the police", "weight": "weight", "cluster": "village"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let survey_path = format!("/api/v1/surveys/{}", v["id"].as_str().unwrap());
    let survey_csv = "_uuid;group/village;trust;weight\nu1;v1;yes;1\nu2;v1;no;1,5\nu3;v2;yes;2\nu4;v2;no;1\n";
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/scorecards",
            Some(&tokens[&Coordinator]),
            Some(json!({"unit_org": other_org.id, "area": "MR01"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let card_path = format!("/api/v1/scorecards/{}", v["id"].as_str().unwrap());
    let indicator_body = json!({"name": "Women who trust the police", "definition": "Share answering yes",
        "measure": "percent", "direction": "up", "frequency": "twice_a_year"});
    let (s, v) = app
        .send(
            "POST",
            &format!("{card_path}/indicators"),
            Some(&tokens[&Coordinator]),
            Some(indicator_body.clone()),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let measurement_path = format!("/api/v1/indicators/{}/measurements", v["id"].as_str().unwrap());
    let report_path = format!("/api/v1/reports/{report_id}");
    let alert_path = format!("/api/v1/alerts/{alert_id}");

    // Invitations: one of A's to withdraw, and two to A's coordinator (from the police and from
    // the platform's host), which only she may answer, and only with their links' tokens.
    let invite = |org: &tandem_store::Org, email: &str, by: &tandem_domain::UserId, hash: &str| {
        tandem_store::NewInvitation {
            org_id: org.id.clone(),
            email: tandem_domain::Email::parse(email).unwrap(),
            role: Role::Member,
            token_hash: hash.to_owned(),
            invited_by: by.clone(),
            expires_at: chrono::Utc::now() + chrono::Duration::days(1),
        }
    };
    let ev = || tandem_domain::audit::NewAuditEvent::new("invitation.create");
    let hash = tandem_web::password::token_hash;
    let a_inv = app
        .store
        .create_invitation(&invite(&a, "later@kwpn.example", &target.id, "h-a"), ev())
        .await
        .unwrap();
    app.store
        .create_invitation(
            &invite(&other_org, "coordinator@kwpn.example", &target.id, &hash("tdi_to_coord")),
            ev(),
        )
        .await
        .unwrap();
    app.store
        .create_invitation(
            &invite(&hub, "coordinator@kwpn.example", &target.id, &hash("tdi_to_member")),
            ev(),
        )
        .await
        .unwrap();
    let withdraw_path = format!("/api/v1/members/invitations/{}", a_inv.id);
    let join_path = {
        let inv =
            invite(&a, "joiner@kwpn.example", &target.id, &tandem_web::password::token_hash("tdi_matrix"));
        app.store.create_invitation(&inv, ev()).await.unwrap();
        "/join/tdi_matrix".to_owned()
    };

    // The knowledge bank, as a server seeds it.
    tandem_web::knowledge::seed(app.store.as_ref()).await.unwrap();
    let case_body = json!({"title": "Market walks", "summary": "Women walk the market with the police.",
        "body": "Every Friday at dusk.", "language": "en"});

    // A letter from A to the other organisation, signed.
    let a_actor = tandem_domain::access::Actor {
        user_id: target.id.clone(),
        org_id: a.id.clone(),
        role: tandem_domain::Role::Coordinator,
        platform_admin: false,
    };
    let letter_input = tandem_domain::letter::LetterInput {
        kind: "recognition".into(),
        purpose: "Recognises the work of the organisation.".into(),
        addressee: "To whom it may concern".into(),
        valid_until: (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string(),
    };
    let letter = tandem_web::letters::issue_with(
        app.store.as_ref(),
        &app.state.keys,
        &a_actor,
        other_org.id.as_str(),
        &letter_input,
    )
    .await
    .unwrap();
    let letter_path = format!("/api/v1/letters/{}", letter.id);
    // Organisation A is listed for members of the platform only: a visitor does not find it.
    let listed = tandem_domain::registry::ProfileInput {
        mission: "Women mediating between communities and the police.".into(),
        areas: vec!["MR01".into()],
        visibility: "members".into(),
        ..Default::default()
    };
    app.store
        .save_profile(
            &a.id,
            &listed.parse(|_| true).unwrap(),
            tandem_domain::audit::NewAuditEvent::new("registry.profile"),
        )
        .await
        .unwrap();
    let profile_body = json!({"mission": "Women mediating between communities and the police.", "areas": ["MR01"],
        "visibility": "members", "values": ["non_violence"]});
    let grant_body = json!({"funder": "Lakeside Fund", "recipient": "Kumba Women's Peace Network", "title": "Safety audits",
        "band": "10k_50k", "start": "2026-01-01", "end": "2026-06-30", "areas": ["MR01"]});
    let iati_file = "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>XM-1-matrix</iati-identifier>\
        <title><narrative>Forums</narrative></title><participating-org role=\"1\"><narrative>Lakeside Fund</narrative></participating-org>\
        <participating-org role=\"4\"><narrative>Someone</narrative></participating-org><activity-date type=\"1\" iso-date=\"2026-01-01\"/>\
        <activity-date type=\"3\" iso-date=\"2027-01-01\"/><location ref=\"MR01\"/></iati-activity></iati-activities>";
    let letter_body = json!({"recipient_org": other_org.id.to_string(), "kind": "invitation",
        "purpose": "To attend the forum as a speaker.", "addressee": "The municipality",
        "valid_until": letter_input.valid_until.clone()});

    // Field collection: a field team of A's, and a file with A's report.
    let team = tandem_web::ew::field::issue(app.store.as_ref(), &a.id, Some(&target.id), "Market team", None)
        .await
        .unwrap();
    let team_path = format!("/api/v1/app-users/{}", team.app_user.id);
    let team_list = format!("/openrosa/key/{}/formList", team.token);
    let file_id = tandem_domain::OrgId::new().to_string();
    let sealed = app.state.keys.seal_bytes(
        b"photo",
        &tandem_domain::seal::Binding {
            purpose: tandem_domain::seal::Purpose::Attachment,
            org: a.id.as_str(),
            record: &file_id,
        },
    );
    let report_row = app.store.get_report(&a.id, &report_id).await.unwrap();
    let sub = tandem_store::NewSubmission {
        instance_id: "uuid:matrix".into(),
        body_sha256: "x".into(),
        app_user_id: None,
        complete: true,
        max_files: 10,
        report: tandem_store::NewReport {
            id: tandem_domain::OrgId::new().to_string(),
            area: tandem_domain::area::PCode::parse(&report_row.area).unwrap(),
            category: tandem_domain::report::CategorySlug::parse("gbv").unwrap(),
            severity: tandem_domain::report::Severity::new(1).unwrap(),
            occurred_at: report_row.occurred_at,
            description: "With a photo".into(),
            channel: tandem_domain::report::Channel::Openrosa,
            reporter_contact: None,
            created_by: None,
        },
    };
    let file = tandem_store::NewAttachment {
        id: file_id.clone(),
        name: "p.jpg".into(),
        content_type: "image/jpeg".into(),
        size: 5,
        sha256: "x".into(),
        sealed,
    };
    let filed = app
        .store
        .file_submission(&a.id, &sub, &[file], tandem_domain::audit::NewAuditEvent::new("submission"))
        .await
        .unwrap();
    let tandem_store::Filed::New(with_file) = filed else { panic!("{filed:?}") };
    let files_path = format!("/api/v1/reports/{}/attachments", with_file.id);
    let file_path = format!("{files_path}/{file_id}");

    // Forums: one convened by A with a fourth organisation (no caller's), a meeting and a
    // commitment A owns.
    let town = app.create_org("Kumba Municipality", OrgKind::Government).await;
    let forum = app
        .store
        .create_forum(
            &a.id,
            &tandem_store::NewForum {
                id: tandem_domain::OrgId::new().to_string(),
                name: "Kumba community–police forum".into(),
                area: "MR01".into(),
                kind: tandem_domain::forum::ForumKind::CommunityPolice,
                cadence: Default::default(),
                terms: None,
                members: vec![town.id.clone()],
            },
            tandem_domain::audit::NewAuditEvent::new("forum.create"),
        )
        .await
        .unwrap();
    let forum_path = format!("/api/v1/forums/{}", forum.id);
    let held_on = (chrono::Utc::now() - chrono::Duration::days(3)).date_naive().to_string();
    let meeting_body = json!({"held_on": held_on.clone(), "participants": [
        {"org_kind": "civil_society", "gender": "female", "age_band": "25_34", "count": 4}]});
    let due_on = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive().to_string();
    let commitment_body =
        json!({"forum": forum.id, "owner_org": a.id, "text": "Fix the lights", "due_on": due_on});
    let (s, c) = app
        .send("POST", "/api/v1/commitments", Some(&tokens[&Coordinator]), Some(commitment_body.clone()))
        .await;
    assert_eq!(s, 201, "{c}");
    let commitment_path = format!("/api/v1/commitments/{}", c["id"].as_str().unwrap());

    let a_id = a.id.to_string();
    let target_path = format!("/api/v1/members/{}", target.id);
    let org_path = format!("/api/v1/orgs/{a_id}");
    let n = std::sync::atomic::AtomicUsize::new(0);
    let fresh_email = || format!("new{}@kwpn.example", n.fetch_add(1, std::sync::atomic::Ordering::Relaxed));

    // (method, path, body, expected status per caller in CALLERS order)
    type Row = (&'static str, String, Option<serde_json::Value>, [u16; 6]);
    let rows: Vec<Row> = vec![
        //                                                           anon other member coord admin platform
        ("GET", "/api/v1/me".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/orgs".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", org_path.clone(), None, [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/orgs".into(), Some(json!({"kind": "donor"})), [401, 403, 403, 403, 403, 201]),
        ("GET", "/api/v1/members".into(), None, [401, 200, 403, 200, 200, 403]),
        ("POST", "/api/v1/members".into(), Some(json!({"role": "member"})), [401, 202, 403, 403, 202, 403]),
        ("GET", "/api/v1/members/invitations".into(), None, [401, 200, 403, 403, 200, 403]),
        ("DELETE", withdraw_path.clone(), None, [401, 404, 403, 403, 204, 403]),
        ("GET", "/api/v1/invitations".into(), None, [401, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/invitations/accept".into(),
            Some(json!({"token": "tdi_to_coord"})),
            [401, 404, 404, 200, 404, 404],
        ),
        (
            "POST",
            "/api/v1/invitations/decline".into(),
            Some(json!({"token": "tdi_to_member"})),
            [401, 404, 404, 204, 404, 404],
        ),
        ("PATCH", target_path.clone(), Some(json!({"role": "coordinator"})), [401, 404, 403, 403, 200, 403]),
        ("GET", "/api/v1/audit".into(), None, [401, 200, 403, 403, 200, 403]),
        ("DELETE", target_path.clone(), None, [401, 404, 403, 403, 204, 403]),
        ("GET", "/api/v1/areas".into(), None, [401, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/areas".into(),
            Some(json!({"level": "admin1", "parent_code": "MR"})),
            [401, 403, 403, 403, 403, 201],
        ),
        ("GET", "/api/v1/categories".into(), None, [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/reports".into(), Some(report_body.clone()), [401, 201, 201, 201, 201, 201]),
        ("GET", "/api/v1/reports".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", report_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        ("POST", format!("{report_path}/verify"), None, [401, 404, 403, 200, 409, 403]),
        ("GET", "/api/v1/violation-acts".into(), None, [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/violations".into(), Some(violation_body.clone()), [401, 201, 201, 201, 201, 201]),
        ("GET", "/api/v1/violations".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/referral-times".into(), None, [401, 200, 200, 200, 200, 200]),
        // Exports leave the organisation: its admins (another's admin gets its own, empty).
        ("GET", "/api/v1/violation-export.json".into(), None, [401, 200, 403, 403, 200, 403]),
        ("GET", "/api/v1/violation-export.csv".into(), None, [401, 200, 403, 403, 200, 403]),
        ("GET", violation_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        // Links: any member adds one to its own records; coordinators remove them.
        ("GET", format!("{violation_path}/links"), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{violation_path}/links"),
            Some(json!({"kind": "report", "target": report_id})),
            [401, 404, 201, 201, 201, 404],
        ),
        ("DELETE", format!("{violation_path}/links/report/{report_id}"), None, [401, 404, 403, 204, 404, 403]),
        // Imports: any member, into its own organisation (the body is sent as CSV).
        (
            "POST",
            "/api/v1/violations/import".into(),
            Some(json!("occurred_on,area,act,institution,victims_total,description\n2026-05-04,MR01,arbitrary_arrest,Kumba Central Police Station,1,Held overnight\n")),
            [401, 201, 201, 201, 201, 201],
        ),
        // Members add evidence and see its custody record; only coordinators open what is sealed.
        ("GET", format!("{violation_path}/evidence"), None, [401, 404, 200, 200, 200, 404]),
        ("GET", format!("{evidence_path}?copy=original"), None, [401, 404, 403, 200, 200, 403]),
        ("GET", format!("{evidence_path}?copy=clean"), None, [401, 404, 403, 200, 200, 403]),
        ("GET", format!("{evidence_path}?copy=sealed"), None, [401, 404, 403, 200, 200, 403]),
        ("GET", format!("{violation_path}/sealed"), None, [401, 404, 403, 200, 200, 403]),
        // Documented by the member: the coordinator is the second key, then it is verified.
        ("POST", format!("{violation_path}/verify"), None, [401, 404, 403, 200, 409, 403]),
        (
            "POST",
            format!("{violation_path}/refer"),
            Some(json!({"to": "Kumba Central Police Station", "ask": "Release him", "due_on": "2999-01-01"})),
            [401, 404, 403, 200, 409, 403],
        ),
        (
            "POST",
            format!("{violation_path}/response"),
            Some(json!({"response": "Released"})),
            [401, 404, 403, 200, 409, 403],
        ),
        (
            "POST",
            format!("{violation_path}/end"),
            Some(json!({"ending": "remedied"})),
            [401, 404, 403, 200, 409, 403],
        ),
        // Referrals received: coordinators of the organisation referred to (none here).
        ("GET", "/api/v1/referrals".into(), None, [401, 200, 403, 200, 200, 403]),
        (
            "GET",
            format!("/api/v1/referrals/{}", violation_path.rsplit('/').next().unwrap()),
            None,
            [401, 404, 403, 404, 404, 403],
        ),
        ("GET", "/referrals".into(), None, [303, 200, 403, 200, 200, 403]),
        ("GET", "/api/v1/alerts".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/alerts?overdue=true".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/alerts/responsiveness".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", alert_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{alert_path}/assign"),
            Some(json!({"due_in_hours": 48})),
            [401, 404, 403, 200, 200, 403],
        ),
        (
            "POST",
            format!("{alert_path}/responses"),
            Some(json!({"action": "Visited", "outcome": "Calm"})),
            [401, 404, 201, 201, 201, 404],
        ),
        // Coordinators acknowledge, then close; a second acknowledgement or closing is 409.
        ("POST", format!("{alert_path}/acknowledge"), None, [401, 404, 403, 200, 409, 403]),
        (
            "POST",
            format!("{alert_path}/close"),
            Some(json!({"outcome": "resolved"})),
            [401, 404, 403, 200, 409, 403],
        ),
        ("POST", "/api/v1/intake/sms".into(), Some(json!({"text": "HATE MR01 fliers"})), [401; 6]),
        ("GET", "/api/v1/sms-inbox".into(), None, [401, 200, 403, 200, 200, 403]),
        ("GET", "/api/v1/app-users".into(), None, [401, 200, 403, 200, 200, 403]),
        (
            "POST",
            "/api/v1/app-users".into(),
            Some(json!({"name": "Road team"})),
            [401, 201, 403, 201, 201, 403],
        ),
        // The coordinator revokes A's team; after that it is gone for the admin too.
        ("DELETE", team_path.clone(), None, [401, 404, 403, 204, 404, 403]),
        ("GET", files_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        ("GET", file_path.clone(), None, [401, 404, 403, 200, 200, 403]),
        ("GET", "/openrosa/formList".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/openrosa/forms/tandem_report.xml".into(), None, [401, 200, 200, 200, 200, 200]),
        ("HEAD", "/openrosa/submission".into(), None, [204; 6]),
        // The key path takes a field team's token only (A's team was revoked above).
        ("GET", team_list.clone(), None, [401; 6]),
        ("GET", "/openrosa/key/tdm_not-a-team/formList".into(), None, [401; 6]),
        // Pages (bearer tokens work on pages too; cookie sessions are tested in `pages`).
        // Visitors get the front door: where to report a concern, who reads it, the way in.
        ("GET", "/".into(), None, [200, 200, 200, 200, 200, 200]),
        ("GET", "/members".into(), None, [303, 200, 403, 403, 200, 403]),
        ("GET", "/invitations".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", "/field".into(), None, [303, 200, 403, 200, 200, 403]),
        ("GET", join_path.clone(), None, [200; 6]),
        ("GET", "/join/tdi_no-such-link".into(), None, [404; 6]),
        ("GET", "/admin/orgs".into(), None, [303, 403, 403, 403, 403, 200]),
        ("GET", "/login".into(), None, [200, 303, 303, 303, 303, 303]),
        ("GET", "/reports".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", "/reports/new".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", format!("/reports/{report_id}"), None, [303, 404, 200, 200, 200, 404]),
        ("GET", "/alerts".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", format!("/alerts/{alert_id}"), None, [303, 404, 200, 200, 200, 404]),
        ("GET", "/dashboard".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", "/violations".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", violation_path.replace("/api/v1", ""), None, [303, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{}/links/report/{report_id}/remove", violation_path.replace("/api/v1", "")),
            None,
            [303, 404, 403, 404, 404, 403],
        ),
        (
            "POST",
            format!("{}/sealed", violation_path.replace("/api/v1", "")),
            None,
            [303, 404, 403, 200, 200, 403],
        ),
        (
            "GET",
            format!("{}/original", evidence_path.replace("/api/v1", "")),
            None,
            [303, 404, 403, 200, 200, 403],
        ),
        // Already verified, referred, answered and remedied by the rows above: the page's forms
        // still check who may act before anything else.
        (
            "POST",
            format!("{}/verify", violation_path.replace("/api/v1", "")),
            None,
            [303, 404, 403, 409, 409, 403],
        ),
        // Forums: any member reads its organisation's; coordinators act; outside the forum, 404.
        ("GET", "/api/v1/forums".into(), None, [401, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/forums".into(),
            Some(json!({"name": "Another forum", "area": "MR01", "kind": "security_committee"})),
            [401, 201, 403, 201, 201, 403],
        ),
        ("GET", forum_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{forum_path}/members"),
            Some(json!({"org": town.id})),
            [401, 404, 403, 200, 200, 403],
        ),
        ("GET", format!("{forum_path}/meetings"), None, [401, 404, 200, 200, 200, 404]),
        ("POST", format!("{forum_path}/meetings"), Some(meeting_body), [401, 404, 403, 201, 201, 403]),
        ("GET", format!("{forum_path}/trainings"), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{forum_path}/trainings"),
            Some(json!({"topic": "Receiving reports", "held_on": held_on.clone(), "trainer_org": a.id,
                "participants": [{"org_kind": "security", "gender": "male", "count": 9}]})),
            [401, 404, 403, 201, 201, 403],
        ),
        ("GET", format!("{forum_path}/assessments"), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{forum_path}/assessments"),
            Some(json!({"title": "Joint conflict analysis", "held_on": held_on.clone(), "drivers": "Land disputes"})),
            [401, 404, 403, 201, 201, 403],
        ),
        ("GET", format!("{forum_path}/plans"), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{forum_path}/plans"),
            Some(json!({"title": "Safer market", "adopted_on": held_on.clone(), "goals": "Fewer thefts",
                "theory_of_change": "If lights work, people walk at night"})),
            [401, 404, 403, 201, 201, 403],
        ),
        ("GET", format!("{forum_path}/wheel"), None, [401, 404, 200, 200, 200, 404]),
        ("GET", "/api/v1/wheel?area=MR".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/self-assessments".into(), None, [401, 200, 200, 200, 200, 200]),
        // A CSO's own conditions: the police admin may manage forums but is no CSO.
        (
            "POST",
            "/api/v1/self-assessments".into(),
            Some(json!({"assessed_on": held_on.clone(), "empowered": 3, "independent": 4, "distinct": 4,
                "accepted": 3, "free": 2})),
            [401, 403, 403, 201, 201, 403],
        ),
        ("GET", "/api/v1/commitments".into(), None, [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/commitments".into(), Some(commitment_body), [401, 404, 403, 201, 201, 403]),
        ("GET", "/api/v1/commitments/keeping".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", commitment_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        // In progress after the coordinator's step: the admin's same step is refused as stale.
        (
            "POST",
            format!("{commitment_path}/status"),
            Some(json!({"status": "in_progress"})),
            [401, 404, 403, 200, 409, 403],
        ),
        ("POST", format!("{commitment_path}/confirm"), None, [401, 404, 403, 409, 409, 403]),
        // Surveys: the organisation's own; members read, coordinators create and import.
        ("GET", "/api/v1/surveys".into(), None, [401, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/surveys".into(),
            Some(json!({"title": "Another round", "weight": "w"})),
            [401, 201, 403, 201, 201, 403],
        ),
        ("GET", survey_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{survey_path}/responses"),
            Some(json!(survey_csv)),
            [401, 404, 403, 201, 201, 403],
        ),
        (
            "GET",
            format!("{survey_path}/estimates?question=trust&value=yes"),
            None,
            [401, 404, 200, 200, 200, 404],
        ),
        // Served to phones: coordinators write the questions; members' phones fetch the form.
        (
            "PUT",
            format!("{survey_path}/questionnaire"),
            Some(json!({"questionnaire": "village | Village | v1, v2\ntrust | Trust? | yes, no\nweight | | = 1"})),
            [401, 404, 403, 200, 200, 403],
        ),
        (
            "GET",
            format!("{}/form.xml", survey_path.replace("/api/v1/", "/openrosa/")),
            None,
            [401, 404, 200, 200, 200, 404],
        ),
        (
            "POST",
            format!("{}/questionnaire", survey_path.replace("/api/v1", "")),
            Some(json!({"questionnaire": "village | Village | v1, v2\nweight | | = 1"})),
            [403, 404, 403, 303, 303, 403],
        ),
        // The knowledge bank: anyone reads; coordinators add in their organisation's name.
        ("GET", "/api/v1/case-studies?q=joint%20oversight".into(), None, [200; 6]),
        ("GET", "/api/v1/case-studies/joint-oversight-forum".into(), None, [200; 6]),
        ("POST", "/api/v1/case-studies".into(), Some(case_body.clone()), [401, 201, 403, 201, 201, 403]),
        ("GET", "/knowledge?q=police".into(), None, [200; 6]),
        ("GET", "/knowledge/joint-oversight-forum".into(), None, [200; 6]),
        ("GET", "/knowledge/new".into(), None, [303, 200, 403, 200, 200, 403]),
        ("DELETE", "/api/v1/case-studies/joint-oversight-forum".into(), None, [401, 404, 403, 404, 404, 403]),
        ("POST", "/knowledge/joint-oversight-forum/withdraw".into(), Some(json!({})), [403, 404, 403, 404, 404, 403]),
        ("POST", "/knowledge/new".into(), Some(case_body.clone()), [403, 303, 403, 303, 303, 403]),
        // Letters: both organisations read; A's coordinators issue and revoke; anyone checks.
        ("GET", "/api/v1/letters".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", format!("{letter_path}/pdf"), None, [401, 200, 200, 200, 200, 404]),
        ("GET", format!("/api/v1/verify/letters/{}", letter.id), None, [200; 6]),
        ("GET", format!("/verify/letters/{}", letter.id), None, [200; 6]),
        ("POST", "/api/v1/letters".into(), Some(letter_body.clone()), [401, 422, 403, 201, 201, 403]),
        ("GET", "/letters".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", format!("/letters/{}/pdf", letter.id), None, [303, 200, 200, 200, 200, 404]),
        ("POST", "/letters".into(), Some(letter_body.clone()), [403, 422, 403, 303, 303, 403]),
        ("POST", format!("{letter_path}/revoke"), None, [401, 404, 403, 200, 409, 403]),
        // The referral directory: anyone finds; coordinators list and remove their own.
        ("GET", "/api/v1/services?area=MR01".into(), None, [200; 6]),
        ("GET", "/services?area=MR01".into(), None, [200; 6]),
        ("GET", "/services/leaflet?area=MR01".into(), None, [200; 6]),
        (
            "POST",
            "/api/v1/services".into(),
            Some(json!({"name": "Legal clinic", "kind": "legal_aid", "description": "Lawyers without fees.",
                "areas": ["MR01"], "languages": ["en"], "eligibility": "Anyone", "contact": "+237 600"})),
            [401, 201, 403, 201, 201, 403],
        ),
        ("DELETE", "/api/v1/services/no-such-service".into(), None, [401, 404, 403, 404, 404, 403]),
        ("POST", "/services/no-such-service/remove".into(), Some(json!({})), [403, 404, 403, 404, 404, 403]),
        // The registry: anyone reads what is listed for them (A is for members only); coordinators
        // keep their profile, endorse others (not themselves) and record grants.
        ("GET", "/api/v1/registry".into(), None, [200; 6]),
        ("GET", format!("/api/v1/registry/{}", a.id), None, [404, 200, 200, 200, 200, 200]),
        ("GET", format!("/registry/{}", a.id), None, [404, 200, 200, 200, 200, 200]),
        ("PUT", "/api/v1/registry/profile".into(), Some(profile_body.clone()), [401, 200, 403, 200, 200, 403]),
        ("POST", format!("/api/v1/registry/{}/endorsements", a.id), Some(json!({})), [401, 201, 403, 404, 404, 403]),
        ("POST", format!("/registry/{}/endorse", a.id), Some(json!({})), [403, 409, 403, 404, 404, 403]),
        ("POST", "/api/v1/registry/endorsements/no-such/revoke".into(), None, [401, 404, 403, 404, 404, 403]),
        ("POST", "/registry/endorsements/no-such/revoke".into(), Some(json!({})), [403, 404, 403, 404, 404, 403]),
        ("GET", "/api/v1/registry/capacity".into(), None, [200; 6]),
        ("GET", "/api/v1/registry/gaps?area=MR01".into(), None, [200; 6]),
        ("GET", "/api/v1/registry/gaps?area=ZZ".into(), None, [422; 6]),
        ("GET", "/registry".into(), None, [200; 6]),
        ("GET", "/registry/capacity".into(), None, [200; 6]),
        ("GET", "/registry/profile".into(), None, [303, 200, 403, 200, 200, 403]),
        (
            "POST",
            "/registry/profile".into(),
            Some(json!({"mission": "Women mediating between communities.", "areas": "MR01", "visibility": "members"})),
            [403, 303, 403, 303, 303, 403],
        ),
        ("GET", "/api/v1/grants".into(), None, [200; 6]),
        ("POST", "/api/v1/grants".into(), Some(grant_body.clone()), [401, 201, 403, 201, 201, 403]),
        ("GET", "/api/v1/grants/iati".into(), None, [200; 6]),
        ("POST", "/api/v1/grants/iati".into(), Some(json!(iati_file)), [401, 201, 403, 201, 201, 403]),
        ("DELETE", "/api/v1/grants/no-such".into(), None, [401, 404, 403, 404, 404, 403]),
        ("GET", "/funding".into(), None, [200; 6]),
        (
            "POST",
            "/funding".into(),
            Some(json!({"funder": "Lakeside Fund", "recipient": "Someone", "title": "Safety audits", "band": "10k_50k",
                "start": "2026-01-01", "end": "2026-06-30", "areas": "MR01"})),
            [403, 303, 403, 303, 303, 403],
        ),
        ("POST", "/funding/import".into(), Some(json!(iati_file)), [303, 415, 403, 415, 415, 403]),
        ("POST", "/funding/no-such/remove".into(), Some(json!({})), [403, 404, 403, 404, 404, 403]),
        ("GET", "/surveys".into(), None, [303, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/surveys".into(),
            Some(json!({"title": "A page's round", "weight": "w"})),
            [403, 303, 403, 303, 303, 403],
        ),
        ("GET", survey_path.replace("/api/v1", ""), None, [303, 404, 200, 200, 200, 404]),
        // The page's upload takes multipart only: a CSV body is refused once the caller may.
        (
            "POST",
            format!("{}/responses", survey_path.replace("/api/v1", "")),
            Some(json!(survey_csv)),
            [303, 415, 403, 415, 415, 403],
        ),
        // Scorecards: kept by a CSO's coordinators, read by its members, public once published.
        ("GET", "/api/v1/scorecards".into(), None, [401, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/scorecards".into(),
            Some(json!({"unit_org": other_org.id, "area": "MR01"})),
            [401, 403, 403, 422, 422, 403],
        ),
        ("GET", card_path.clone(), None, [401, 404, 200, 200, 200, 404]),
        ("POST", format!("{card_path}/indicators"), Some(indicator_body), [401, 404, 403, 201, 201, 403]),
        (
            "POST",
            measurement_path.clone(),
            Some(json!({"measured_on": "2026-05-04", "value": 41.0, "source": "Survey round 1"})),
            [401, 404, 403, 201, 201, 403],
        ),
        ("POST", format!("{card_path}/publish"), Some(json!({"published": false})), [401, 404, 403, 200, 200, 403]),
        ("DELETE", "/api/v1/measurements/no-such-measurement".into(), None, [401, 404, 403, 404, 404, 403]),

        ("GET", "/scorecards".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", card_path.replace("/api/v1", ""), None, [303, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{}/publish", card_path.replace("/api/v1", "")),
            Some(json!({"published": "no"})),
            [403, 404, 403, 303, 303, 403],
        ),
        ("GET", "/public/scorecards".into(), None, [200; 6]),
        ("GET", card_path.replace("/api/v1/", "/public/"), None, [404; 6]),
        ("GET", "/api/v1/public/scorecards".into(), None, [200; 6]),
        ("GET", card_path.replace("/api/v1/", "/api/v1/public/"), None, [404; 6]),
        ("GET", "/forums".into(), None, [303, 200, 200, 200, 200, 200]),
        ("GET", forum_path.replace("/api/v1", ""), None, [303, 404, 200, 200, 200, 404]),
        ("GET", format!("{}/joint", forum_path.replace("/api/v1", "")), None, [303, 404, 200, 200, 200, 404]),
        (
            "POST",
            format!("{}/assessments", forum_path.replace("/api/v1", "")),
            Some(json!({"title": "Joint conflict analysis", "held_on": held_on.clone(), "drivers": "Land disputes"})),
            [403, 404, 403, 303, 303, 403],
        ),
        (
            "POST",
            format!("{}/plans", forum_path.replace("/api/v1", "")),
            Some(json!({"title": "Safer market", "adopted_on": held_on.clone(), "goals": "Fewer thefts",
                "theory_of_change": "If lights work, people walk at night"})),
            [403, 404, 403, 303, 303, 403],
        ),
        ("GET", "/conditions".into(), None, [303, 200, 200, 200, 200, 200]),
        // As on the API: only a CSO's coordinators score its conditions.
        (
            "POST",
            "/conditions".into(),
            Some(json!({"assessed_on": held_on.clone(), "empowered": "3", "independent": "4", "distinct": "4",
                "accepted": "3", "free": "2"})),
            [403, 403, 403, 303, 303, 403],
        ),
        (
            "POST",
            format!("{}/confirm", commitment_path.replace("/api/v1", "")),
            None,
            [303, 404, 403, 409, 409, 403],
        ),
        ("GET", "/intake/kwpn".into(), None, [200; 6]),
        ("GET", "/intake/no-such-org".into(), None, [404; 6]),
        // The published index is public; an edition that does not exist is 404 for everyone.
        ("GET", "/api/v1/index/editions".into(), None, [200; 6]),
        ("GET", "/api/v1/index/editions/2026H2".into(), None, [404; 6]),
        ("GET", "/api/v1/index/editions/2026H2/export.csv".into(), None, [404; 6]),
        ("GET", "/api/v1/index/editions/2026H2/countries/XMR".into(), None, [404; 6]),
        ("GET", "/index".into(), None, [200; 6]),
        // Public statistics of verified violations: for anyone.
        ("GET", "/api/v1/public/violations".into(), None, [200; 6]),
        ("GET", "/api/v1/public/violations?period=1999Q1".into(), None, [404; 6]),
        ("GET", "/public/violations".into(), None, [200; 6]),
        ("GET", "/index/2026H2".into(), None, [404; 6]),
        ("GET", "/healthz".into(), None, [200; 6]),
        // Not on the main address unless a metrics token is set (ops.rs tests both ways).
        ("GET", "/metrics".into(), None, [404; 6]),
        ("GET", "/static/style.css".into(), None, [200; 6]),
        ("GET", "/lang/fr".into(), None, [303; 6]),
    ];

    for (method, path, body, expected) in rows {
        for (caller, want) in CALLERS.iter().zip(expected) {
            let body = body.clone().map(|mut b| {
                // Fields that must be unique per request are filled in fresh each time.
                if path == "/api/v1/orgs" {
                    b["name"] = json!(format!("Org {}", fresh_email()));
                }
                if path == "/api/v1/members" {
                    b["email"] = json!(fresh_email());
                }
                if path == "/api/v1/areas" {
                    let n = fresh_email().len() + n.load(std::sync::atomic::Ordering::Relaxed);
                    b["code"] = json!(format!("MR{n:02}"));
                    b["name"] = json!(format!("Area {n}"));
                }
                b
            });
            let token = tokens.get(caller).map(String::as_str);
            let mut rb = app.http.request(method.parse().unwrap(), app.url(&path));
            if let Some(t) = token {
                rb = rb.bearer_auth(t);
            }
            match &body {
                Some(serde_json::Value::String(csv)) => {
                    rb = rb.header("content-type", "text/csv").body(csv.clone());
                }
                // A page's form is posted as a browser posts it (without a session's form token, an
                // anonymous post is refused as an expired form: 403).
                Some(b) if !path.starts_with("/api/") => rb = rb.form(b),
                Some(b) => rb = rb.json(b),
                None => {}
            }
            let r = rb.send().await.unwrap();
            let got = r.status().as_u16();
            let text = r.text().await.unwrap();
            assert_eq!(got, want, "{method} {path} as {caller:?}: {text}");
            if path.starts_with("/api/") && got >= 400 {
                let v: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|_| panic!("{method} {path}: not JSON: {text}"));
                assert!(v["error"]["code"].is_string(), "{method} {path} as {caller:?}: {text}");
            }
            // Whatever another organisation's admin is shown must not be organisation A's.
            if *caller == Other && got == 200 {
                assert!(
                    !text.contains("target@kwpn.example") && !text.contains("member@kwpn.example"),
                    "{method} {path} leaks A's members to another organisation: {text}"
                );
                assert!(
                    !text.contains(&report_id) && !text.contains(&alert_id),
                    "{method} {path} leaks A's reports or alerts to another organisation: {text}"
                );
            }
        }
    }
    // The other admin's POST /members invited to *their* organisation, not to A; nobody joined.
    let now = chrono::Utc::now();
    let news = |is: &[tandem_store::Invitation]| is.iter().filter(|i| i.email.starts_with("new")).count();
    assert_eq!(news(&app.store.org_invitations(&a.id, now).await.unwrap()), 1, "only A's admin invited to A");
    assert_eq!(news(&app.store.org_invitations(&other_org.id, now).await.unwrap()), 1);
    let a_members = app.store.list_members(&a.id).await.unwrap();
    assert!(a_members.iter().all(|m| !m.email.starts_with("new")), "an invitation makes no member");
    let police = app.store.list_members(&other_org.id).await.unwrap();
    assert!(police.iter().any(|m| m.email == "coordinator@kwpn.example"), "the coordinator accepted");
    let host = app.store.list_members(&hub.id).await.unwrap();
    assert!(host.iter().all(|m| m.email != "coordinator@kwpn.example"), "she declined the host's");
    assert!(
        a_members.iter().all(|m| m.email != "target@kwpn.example"),
        "the admin's DELETE removed the target"
    );
}
