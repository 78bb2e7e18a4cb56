//! The authorisation matrix for what crosses organisations: every sharing, shared-data and
//! protection route × every kind of caller the protection issue names — anonymous, the owner's
//! member, coordinator and admin, a partner with an aggregates agreement, a partner with a
//! records agreement, a partner after revocation, and an unrelated organisation. Nothing
//! identifying may reach anyone outside the owner, whatever the status.
use serde_json::json;
use tandem_domain::seal::{Binding, Purpose};
use tandem_domain::OrgKind;
use tandem_testkit::{both, Backend};

use super::sharing::{world, CONTACT};

both!(sharing_authorisation_matrix);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Member,
    Coordinator,
    Admin,
    /// The police station, with an aggregates agreement (and an alert assigned to it).
    Aggregates,
    /// The municipality, with a records agreement.
    Records,
    /// The brigade, whose agreement was revoked.
    Revoked,
    /// An organisation with no agreement at all (its admin).
    Unrelated,
}
use Caller::*;
const CALLERS: [Caller; 8] = [Anonymous, Member, Coordinator, Admin, Aggregates, Records, Revoked, Unrelated];

fn token_key(c: Caller) -> Option<&'static str> {
    match c {
        Anonymous => None,
        Member => Some("member"),
        Coordinator => Some("coordinator"),
        Admin => Some("admin"),
        Aggregates => Some("police"),
        Records => Some("town"),
        Revoked => Some("army"),
        Unrelated => Some("stranger"),
    }
}

async fn sharing_authorisation_matrix(b: Backend) {
    let w = world(b).await;
    let app = &w.app;
    let spare = app.create_org("Spare Partner", OrgKind::Government).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let page_partner = app.create_org("Page Partner", OrgKind::Government).await;
    let coord = w.t("coordinator");
    // An agreement to revoke, in a window of its own so it overlaps nothing.
    let (_, v) = app
        .send(
            "POST",
            "/api/v1/sharing-agreements",
            Some(coord),
            Some(json!({"partner_org": spare.id, "mode": "aggregates", "area_level": "admin1", "valid_from": "2099-01-01", "valid_to": "2099-02-01"})),
        )
        .await;
    let spare_agreement = v["id"].as_str().unwrap().to_owned();
    let (_, v) =
        app.send("POST", "/api/v1/protected-names", Some(coord), Some(json!({"name": "Fatou Ndiaye"}))).await;
    let name_id = v["id"].as_str().unwrap().to_owned();
    let (_, v) = app
        .send(
            "POST",
            "/api/v1/sharing-agreements",
            Some(coord),
            Some(json!({"partner_org": spare.id, "mode": "aggregates", "area_level": "admin1", "valid_from": "2098-01-01", "valid_to": "2098-02-01"})),
        )
        .await;
    let spare_for_page = v["id"].as_str().unwrap().to_owned();
    let (_, v) =
        app.send("POST", "/api/v1/protected-names", Some(coord), Some(json!({"name": "Paul Kamara"}))).await;
    let name_for_page = v["id"].as_str().unwrap().to_owned();
    let gbv = w.reports[8].clone();
    let doomed = w.reports[0].clone();
    let doomed_by_page = w.reports[1].clone();
    // A held text message with a sealed sender.
    let msg_id = tandem_domain::OrgId::new().to_string();
    let sender = app.state.keys.seal(
        "+237 650 00 00 01",
        &Binding { purpose: Purpose::SmsSender, org: w.owner.id.as_str(), record: &msg_id },
    );
    let held = tandem_store::NewSmsMessage {
        id: msg_id.clone(),
        sender: Some(sender),
        body: "HELLO".into(),
        reason: "no keyword".into(),
    };
    app.store.add_sms_inbox(&w.owner.id, &held).await.unwrap();

    let n = std::sync::atomic::AtomicUsize::new(0);
    let window = || {
        let i = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed) as i64;
        let from = chrono::NaiveDate::from_ymd_opt(2090, 1, 1).unwrap() + chrono::Duration::days(2 * i);
        (from.to_string(), (from + chrono::Duration::days(1)).to_string())
    };

    type Row = (&'static str, String, Option<serde_json::Value>, [u16; 8]);
    // Page forms (posted with a bearer token, which needs no CSRF token; an anonymous form post
    // has no session and no double-submit cookie, so it is refused as CSRF before anything else).
    let form = |pairs: &[(&str, &str)]| {
        Some(json!({ "form": pairs.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>() }))
    };
    let page_partner_id = page_partner.id.to_string();
    let alert = &w.alert;
    let rows: Vec<Row> = vec![
        //                                                         anon  mem coord admin  agg  rec  rvk  unrel
        ("GET", "/api/v1/sharing-agreements".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        (
            "POST",
            "/api/v1/sharing-agreements".into(),
            Some(json!({"mode": "aggregates", "area_level": "admin1"})),
            [401, 403, 201, 201, 403, 403, 403, 201],
        ),
        (
            "GET",
            format!("/api/v1/sharing-agreements/{}", w.agg),
            None,
            [401, 200, 200, 200, 200, 404, 404, 404],
        ),
        (
            "GET",
            format!("/api/v1/sharing-agreements/{}", w.rec),
            None,
            [401, 200, 200, 200, 404, 200, 404, 404],
        ),
        (
            "GET",
            format!("/api/v1/sharing-agreements/{}", w.revoked),
            None,
            [401, 200, 200, 200, 404, 404, 200, 404],
        ),
        (
            "POST",
            format!("/api/v1/sharing-agreements/{spare_agreement}/revoke"),
            None,
            [401, 403, 200, 409, 403, 403, 403, 404],
        ),
        ("GET", "/api/v1/shared/aggregates".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/shared/records".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/shared/alerts".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", format!("/api/v1/shared/alerts/{alert}"), None, [401, 404, 404, 404, 200, 404, 404, 404]),
        (
            "POST",
            format!("/api/v1/shared/alerts/{alert}/responses"),
            Some(json!({"action": "Patrol", "outcome": "Calm"})),
            [401, 404, 404, 404, 201, 404, 404, 404],
        ),
        ("GET", format!("/api/v1/alerts/{alert}"), None, [401, 200, 200, 200, 404, 404, 404, 404]),
        ("GET", format!("/api/v1/reports/{gbv}"), None, [401, 200, 200, 200, 404, 404, 404, 404]),
        ("GET", format!("/api/v1/reports/{gbv}/contact"), None, [401, 403, 200, 200, 403, 403, 403, 404]),
        ("GET", format!("/api/v1/sms-inbox/{msg_id}/sender"), None, [401, 403, 200, 200, 403, 403, 403, 404]),
        ("DELETE", format!("/api/v1/reports/{doomed}"), None, [401, 403, 204, 404, 403, 403, 403, 404]),
        ("GET", "/api/v1/protected-names".into(), None, [401, 403, 200, 200, 403, 403, 403, 200]),
        (
            "POST",
            "/api/v1/protected-names".into(),
            Some(json!({"name": "Moussa Bello"})),
            [401, 403, 201, 201, 403, 403, 403, 201],
        ),
        (
            "DELETE",
            format!("/api/v1/protected-names/{name_id}"),
            None,
            [401, 403, 204, 404, 403, 403, 403, 404],
        ),
        ("GET", "/api/v1/retention".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        (
            "PUT",
            "/api/v1/retention".into(),
            Some(json!({"contact_days": 60, "dismissed_days": 90})),
            [401, 403, 403, 200, 403, 403, 403, 200],
        ),
        ("POST", "/api/v1/retention/purge".into(), None, [401, 403, 403, 200, 403, 403, 403, 200]),
        ("GET", "/api/v1/protocol-review".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        // Violations under agreements: any member, with what is shared with their organisation.
        ("GET", "/api/v1/shared/violations".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/shared/violation-records".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        (
            "PUT",
            "/api/v1/protocol-review".into(),
            Some(json!({"reviewed_on": today})),
            [401, 403, 403, 200, 403, 403, 403, 200],
        ),
        ("GET", "/api/v1/export.jsonl".into(), None, [401, 403, 403, 200, 403, 403, 403, 200]),
        ("GET", "/api/v1/export/reports.csv".into(), None, [401, 403, 403, 200, 403, 403, 403, 200]),
        ("GET", "/api/v1/export/secrets.csv".into(), None, [401, 403, 403, 404, 403, 403, 403, 404]),
        // Pages (bearer tokens work on pages too).
        ("GET", "/sharing".into(), None, [303, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/shared".into(), None, [303, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/shared/records".into(), None, [303, 200, 200, 200, 200, 200, 200, 200]),
        ("GET", format!("/shared/alerts/{alert}"), None, [303, 404, 404, 404, 200, 404, 404, 404]),
        ("GET", "/protection".into(), None, [303, 403, 200, 200, 403, 403, 403, 200]),
        ("POST", format!("/reports/{gbv}/contact"), None, [303, 403, 200, 200, 403, 403, 403, 404]),
        // The form posts for a preview (nothing made, so no conflict yet); the preview's button
        // creates.
        (
            "POST",
            "/sharing".into(),
            form(&[
                ("partner_org", &page_partner_id),
                ("mode", "aggregates"),
                ("area_level", "admin1"),
                ("k", "5"),
                ("categories", "crime"),
            ]),
            [403, 403, 200, 200, 403, 403, 403, 200],
        ),
        (
            "POST",
            "/sharing".into(),
            form(&[
                ("partner_org", &page_partner_id),
                ("mode", "aggregates"),
                ("area_level", "admin1"),
                ("k", "5"),
                ("categories", "crime"),
                ("step", "create"),
            ]),
            [403, 403, 303, 409, 403, 403, 403, 303],
        ),
        (
            "POST",
            format!("/sharing/{spare_for_page}/revoke"),
            form(&[("confirm", "yes")]),
            [403, 403, 303, 409, 403, 403, 403, 404],
        ),
        (
            "POST",
            format!("/shared/alerts/{alert}/respond"),
            form(&[("action", "Patrol"), ("outcome", "Calm")]),
            [403, 404, 404, 404, 303, 404, 404, 404],
        ),
        (
            "POST",
            format!("/reports/{doomed_by_page}/erase"),
            form(&[("confirm", "yes")]),
            [403, 403, 303, 404, 403, 403, 403, 404],
        ),
        (
            "POST",
            "/protection/names".into(),
            form(&[("name", "Esther Sow")]),
            [403, 403, 303, 303, 403, 403, 403, 303],
        ),
        (
            "POST",
            format!("/protection/names/{name_for_page}/remove"),
            form(&[("confirm", "yes")]),
            [403, 403, 303, 404, 403, 403, 403, 404],
        ),
        (
            "POST",
            "/protection/retention".into(),
            form(&[("contact_days", "30"), ("dismissed_days", "30")]),
            [403, 403, 403, 303, 403, 403, 403, 303],
        ),
        ("POST", "/protection/purge".into(), None, [303, 403, 403, 200, 403, 403, 403, 200]),
        (
            "POST",
            "/protection/protocol".into(),
            form(&[("reviewed_on", today.as_str()), ("next_review_on", "")]),
            [403, 403, 403, 303, 403, 403, 403, 303],
        ),
    ];

    let secrets = [
        CONTACT,
        "Amina Diallo",
        "Amina",
        "Fatou Ndiaye",
        "650 00 00 01",
        "amina.d@mail.example",
        gbv.as_str(),
    ];
    for (method, path, body, expected) in rows {
        for (caller, want) in CALLERS.iter().zip(expected) {
            let mut body = body.clone();
            if let Some(b) = body.as_mut().filter(|_| path == "/api/v1/sharing-agreements") {
                let (from, to) = window();
                b["partner_org"] = json!(spare.id);
                b["valid_from"] = json!(from);
                b["valid_to"] = json!(to);
            }
            let mut rb = app.http.request(method.parse().unwrap(), app.url(&path));
            if let Some(t) = token_key(*caller).map(|k| w.t(k)) {
                rb = rb.bearer_auth(t);
            }
            match body.as_ref().and_then(|b| b.get("form")) {
                Some(pairs) => {
                    let pairs: Vec<(String, String)> = pairs
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
                        .collect();
                    rb = rb.form(&pairs);
                }
                None => {
                    if let Some(b) = &body {
                        rb = rb.json(b);
                    }
                }
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
            if !matches!(caller, Member | Coordinator | Admin) {
                for s in secrets {
                    assert!(!text.contains(s), "{method} {path} shows {s:?} to {caller:?}: {text}");
                }
            }
        }
    }
    // The stranger's POSTs went to its own organisation; the owner's records are untouched.
    let (_, v) = app.send("GET", "/api/v1/protected-names", Some(coord), None).await;
    let names: Vec<&str> =
        v["names"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Amina Diallo", "Moussa Bello", "Moussa Bello", "Esther Sow", "Esther Sow"],
        "the owner's coordinator and admin each added one, over the API and on the page"
    );
    assert_eq!(app.send("GET", &format!("/api/v1/reports/{}", w.unverified), Some(coord), None).await.0, 200);
}
