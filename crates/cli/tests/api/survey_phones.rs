//! A survey served to phones, driven as ODK Collect drives it, both backends: a coordinator
//! writes the questions (a wrong line refused with its number, the design columns required),
//! gives a field team the survey's form, and the team's phone lists, downloads and fills it;
//! each filled form is one response, kept once however often it is sent, its answers checked
//! against the questions, landing in the columns an earlier Kobo export brought; the estimates
//! count them. A team sees only its own form; another organisation's survey is 404.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

use crate::openrosa::send;

both!(
    a_survey_filled_on_phones_lands_as_its_responses,
    the_questions_are_written_on_the_survey_page,
    phones_cannot_break_the_estimates
);

const QUESTIONS: &str = "\
district | District | north=North, south=South
village | Village | north-0, north-1, south-0, south-1, south-2, south-3
gender | Are you a woman or a man? | female=Woman, male=Man
trust | Do you trust the police? | yes=Yes, no=No
remarks | Anything else? | text
weight | | = 1";

fn filled(survey: &str, id: &str, district: &str, village: &str, gender: &str, trust: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><data id="tandem_survey_{survey}" version="x"><district>{district}</district><village>{village}</village><gender>{gender}</gender><trust>{trust}</trust><remarks/><weight>1</weight><meta><instanceID>{id}</instanceID></meta></data>"#
    )
}

async fn team(app: &TestApp, coordinator: &str, survey: Option<&str>) -> (u16, Value) {
    let body = match survey {
        Some(s) => json!({"name": "Market team", "survey": s}),
        None => json!({"name": "Report team"}),
    };
    app.send("POST", "/api/v1/app-users", Some(coordinator), Some(body)).await
}

async fn get_text(app: &TestApp, path: &str) -> (u16, String) {
    let r = app.http.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn a_survey_filled_on_phones_lands_as_its_responses(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    let other = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&other, "coord@observatory.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let outsider = app.login("coord@observatory.example").await;
    let survey = |q: &str| {
        json!({"title": "Trust in the police, round 3", "weight": "weight", "strata": "group_a/district",
               "cluster": "group_a/village", "questionnaire": q})
    };

    // Questions that do not read are refused with the line; the design must be asked.
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&amina),
            Some(survey("district | District | north\ngender | Gender")),
        )
        .await;
    assert_eq!(
        (s, v["error"]["message"].as_str().unwrap()),
        (422, "questionnaire: line 2: write a question as name | question | answers"),
        "{v}"
    );
    let no_cluster = QUESTIONS.replace("village | Village |", "hamlet | Village |");
    let (s, v) = app.send("POST", "/api/v1/surveys", Some(&amina), Some(survey(&no_cluster))).await;
    assert_eq!(s, 422, "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("cluster column must be one of the questions"),
        "{v}"
    );
    let (s, v) = app
        .send("POST", "/api/v1/surveys", Some(&amina), Some(survey(&QUESTIONS.replace("= 1", "= 0"))))
        .await;
    assert_eq!(s, 422, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().starts_with("questionnaire: line 6: the weight"), "{v}");
    assert!(app.send("GET", "/api/v1/surveys", Some(&amina), None).await.1["surveys"]
        .as_array()
        .unwrap()
        .is_empty());

    // A round begun from a Kobo export, then served on phones with the same questions.
    let (s, made) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&amina),
            Some(json!({"title": "Trust in the police, round 3",
        "weight": "weight", "strata": "group_a/district", "cluster": "group_a/village"})),
        )
        .await;
    assert_eq!(s, 201, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(made["questionnaire"], Value::Null);
    let export = "_uuid;group_a/district;group_a/village;group_b/gender;trust;weight\n\
        k1;north;north-0;female;yes;1\nk2;north;north-1;male;no;1\nk3;south;south-0;female;no;1\n\
        k4;south;south-1;male;yes;1\nk5;south;south-2;female;no;1\nk6;south;south-3;male;no;1\n";
    let (s, v) = crate::surveys::import(&app, &amina, &id, export.into()).await;
    assert_eq!((s, v["imported"].as_u64()), (201, Some(6)), "{v}");
    // Not yet served: no team may be given it.
    let (s, v) = team(&app, &amina, Some(&id)).await;
    assert_eq!((s, v["error"]["code"].as_str()), (422, Some("invalid_input")), "{v}");
    let path = format!("/api/v1/surveys/{id}/questionnaire");
    assert_eq!(app.send("PUT", &path, Some(&member), Some(json!({"questionnaire": QUESTIONS}))).await.0, 403);
    assert_eq!(
        app.send("PUT", &path, Some(&outsider), Some(json!({"questionnaire": QUESTIONS}))).await.0,
        404
    );
    let (s, v) = app
        .send("PUT", &path, Some(&amina), Some(json!({"questionnaire": "trust | Trust? | yes, no"})))
        .await;
    assert_eq!(s, 422, "the design is not asked: {v}");
    let (s, v) = app.send("PUT", &path, Some(&amina), Some(json!({"questionnaire": QUESTIONS}))).await;
    assert_eq!((s, v["questionnaire"].as_str()), (200, Some(QUESTIONS)), "{v}");

    // A team for the survey, one for the report form, and one of another organisation.
    let (s, v) = team(&app, &amina, Some(&id)).await;
    assert_eq!(s, 201, "{v}");
    let key = format!("/openrosa/key/{}", v["token"].as_str().unwrap());
    let (_, v) = team(&app, &amina, None).await;
    let report_key = format!("/openrosa/key/{}", v["token"].as_str().unwrap());
    let (s, v) = team(&app, &outsider, Some(&id)).await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (422, Some("invalid_input")),
        "another organisation's survey: {v}"
    );
    let (_, v) = team(&app, &outsider, None).await;
    let outsider_key = format!("/openrosa/key/{}", v["token"].as_str().unwrap());

    // The survey team's phone lists only its form, on the team's address, and downloads it.
    let form_id = format!("tandem_survey_{id}");
    let (s, list) = get_text(&app, &format!("{key}/formList")).await;
    assert_eq!(s, 200);
    assert_eq!(list.matches("<xform>").count(), 1, "{list}");
    assert!(
        list.contains(&format!("<formID>{form_id}</formID>"))
            && list.contains("<name>Trust in the police, round 3</name>"),
        "{list}"
    );
    let url = list.split("<downloadUrl>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_eq!(url, app.url(&format!("{key}/surveys/{id}/form.xml")));
    let form = app.http.get(&url).send().await.unwrap().text().await.unwrap();
    for needle in [
        format!(r#"<data id="{form_id}""#),
        "<label>Are you a woman or a man?</label><item><label>Woman</label><value>female</value></item>"
            .into(),
        r#"<bind nodeset="/data/weight" type="string" calculate="'1'"/>"#.into(),
        r#"jr:preload="uid""#.into(),
    ] {
        assert!(form.contains(&needle), "{needle} in {form}");
    }
    let (_, reports) = get_text(&app, &format!("{report_key}/formList")).await;
    assert!(reports.contains("<formID>tandem_report</formID>") && !reports.contains(&form_id), "{reports}");
    assert_eq!(get_text(&app, &format!("{report_key}/surveys/{id}/form.xml")).await.0, 404);
    assert_eq!(get_text(&app, &format!("{outsider_key}/surveys/{id}/form.xml")).await.0, 404);
    // A member with a token sees every form of the organisation.
    let r = app.http.get(app.url("/openrosa/formList")).bearer_auth(&member).send().await.unwrap();
    let all = r.text().await.unwrap();
    assert!(all.contains("<formID>tandem_report</formID>") && all.contains(&form_id), "{all}");

    // Filled forms: each kept once, a wrong answer refused naming the question.
    let phones = [
        ("uuid:p1", "north", "north-0", "female", "yes"),
        ("uuid:p2", "north", "north-1", "female", "yes"),
        ("uuid:p3", "south", "south-0", "male", "no"),
        ("uuid:p4", "south", "south-2", "female", "yes"),
    ];
    for (i, d, v, g, t) in phones {
        let r = send(&app, &format!("{key}/submission"), &filled(&id, i, d, v, g, t), vec![]).await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    }
    let again = send(
        &app,
        &format!("{key}/submission"),
        &filled(&id, "uuid:p1", "north", "north-0", "female", "yes"),
        vec![],
    )
    .await;
    assert_eq!(again.status(), 202, "a re-send after a lost answer is not a second response");
    let wrong = send(
        &app,
        &format!("{key}/submission"),
        &filled(&id, "uuid:p5", "north", "north-0", "female", "maybe"),
        vec![],
    )
    .await;
    assert_eq!(wrong.status(), 400);
    assert!(wrong.text().await.unwrap().contains("the answer to trust is not one of the question"));
    for k in [&report_key, &outsider_key] {
        let r = send(
            &app,
            &format!("{k}/submission"),
            &filled(&id, "uuid:p6", "north", "north-0", "male", "no"),
            vec![],
        )
        .await;
        assert_eq!(r.status(), 404, "a team fills only its own form");
    }
    let report =
        r#"<data id="tandem_report"><area>MR0101</area><meta><instanceID>uuid:r1</instanceID></meta></data>"#;
    assert_eq!(send(&app, &format!("{key}/submission"), report, vec![]).await.status(), 404);

    // The phones' answers sit in the export's columns, and the estimates count them: 6 + 4
    // responses, every weight 1, yes from k1, k4, p1, p2, p4.
    let (_, got) = app.send("GET", &format!("/api/v1/surveys/{id}"), Some(&amina), None).await;
    assert_eq!(got["responses"], 10, "{got}");
    let columns: Vec<&str> = got["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert!(!columns.contains(&"gender") && !columns.contains(&"district"), "{columns:?}");
    let (s, est) = app
        .send(
            "GET",
            &format!("/api/v1/surveys/{id}/estimates?question=trust&value=yes&by=gender"),
            Some(&member),
            None,
        )
        .await;
    assert_eq!(s, 200, "{est}");
    let share = |g: &str| {
        est["estimates"].as_array().unwrap().iter().find(|e| e["group"] == g).unwrap()["proportion"]
            .as_f64()
            .unwrap()
    };
    let n = |g: &str| {
        est["estimates"].as_array().unwrap().iter().find(|e| e["group"] == g).unwrap()["n"].as_u64().unwrap()
    };
    assert_eq!((n("all"), n("female"), n("male")), (10, 6, 4));
    assert!(
        (share("all") - 0.5).abs() < 1e-12
            && (share("female") - 4.0 / 6.0).abs() < 1e-12
            && (share("male") - 0.25).abs() < 1e-12,
        "{est}"
    );

    // A weight of nothing is refused: the phone's form says so too.
    assert!(form.contains("<weight/>"));
    // Edited questions: a form filled offline against the first version still lands, checked
    // against the questions it was filled with (the new one asks age, which it lacks).
    let v1 = list.split("<version>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let edited = format!("{QUESTIONS}\nage | How old are you? | number");
    assert_eq!(app.send("PUT", &path, Some(&amina), Some(json!({"questionnaire": edited}))).await.0, 200);
    let (_, list2) = get_text(&app, &format!("{key}/formList")).await;
    assert!(!list2.contains(&format!("<version>{v1}</version>")), "a new version: {list2}");
    let offline = filled(&id, "uuid:p8", "south", "south-1", "male", "no")
        .replace("version=\"x\"", &format!("version=\"{v1}\""));
    let r = send(&app, &format!("{key}/submission"), &offline, vec![]).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let today = filled(&id, "uuid:p9", "south", "south-1", "male", "no");
    let r = send(&app, &format!("{key}/submission"), &today, vec![]).await;
    assert!(r.status() == 400 && r.text().await.unwrap().contains("the answer to age is required"));
    let (_, got) = app.send("GET", &format!("/api/v1/surveys/{id}"), Some(&amina), None).await;
    assert_eq!(got["responses"], 11);
    let audit = app.store.org_audit(&cso.id, 200).await.unwrap();
    let filed: Vec<_> = audit.iter().filter(|e| e.action == "survey.submission").collect();
    assert_eq!(filed.len(), 6, "every filed form is audited, the re-send too");
    assert!(filed.iter().all(|e| e.detail.contains("\"app_user\":\"")), "{filed:?}");

    // No longer served: the form is gone from the list and phones are told so; a form filled
    // against a version it served still lands.
    let (s, v) = app.send("PUT", &path, Some(&amina), Some(json!({"questionnaire": null}))).await;
    assert_eq!((s, v["questionnaire"].clone()), (200, Value::Null));
    let (_, list) = get_text(&app, &format!("{key}/formList")).await;
    assert!(!list.contains("<xform>"), "{list}");
    assert_eq!(get_text(&app, &format!("{key}/surveys/{id}/form.xml")).await.0, 404);
    let late = send(
        &app,
        &format!("{key}/submission"),
        &filled(&id, "uuid:p7", "north", "north-0", "male", "no"),
        vec![],
    )
    .await;
    assert_eq!(late.status(), 404);
    let late = offline.replace("uuid:p8", "uuid:p10");
    assert_eq!(send(&app, &format!("{key}/submission"), &late, vec![]).await.status(), 201);
}

/// What a phone (or a careless questionnaire) could do to a survey's numbers: weights of
/// nothing, design columns under group prefixes with no export before, characters XML cannot
/// carry.
async fn phones_cannot_break_the_estimates(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let questions = "g | Woman or man? | female, male\ndistrict | District | north, south\nvillage | Village | number\nw | Weight | number";
    let (s, made) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&amina),
            Some(json!({"title": "Prefixed \u{FFFF}round",
        "weight": "grp/w", "strata": "grp/district", "cluster": "grp/village", "questionnaire": questions})),
        )
        .await;
    assert_eq!(s, 201, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    let (_, v) = team(&app, &amina, Some(&id)).await;
    let key = format!("/openrosa/key/{}", v["token"].as_str().unwrap());
    let (_, list) = get_text(&app, &format!("{key}/formList")).await;
    assert!(list.contains("<name>Prefixed round</name>"), "no U+FFFF in XML: {list}");
    let (_, form) = get_text(&app, &format!("{key}/surveys/{id}/form.xml")).await;
    assert!(
        form.contains(r#"<bind nodeset="/data/w" type="decimal" required="true()" constraint=". &gt; 0"#),
        "{form}"
    );
    let one = |i: usize, g: &str, w: &str| {
        let (d, v) = if i.is_multiple_of(2) { ("north", 1 + i % 4) } else { ("south", 5 + i % 4) };
        format!(
            r#"<data id="tandem_survey_{id}" version="x"><g>{g}</g><district>{d}</district><village>{v}.</village><w>{w}</w><meta><instanceID>uuid:{i}</instanceID></meta></data>"#
        )
    };
    for w in ["0", "-5", "1e308", "NaN"] {
        let r = send(&app, &format!("{key}/submission"), &one(99, "female", w), vec![]).await;
        assert_eq!(r.status(), 400, "weight {w}");
    }
    for i in 0..24 {
        let g = if i % 3 == 0 { "male" } else { "female" };
        let r = send(
            &app,
            &format!("{key}/submission"),
            &one(i, g, if i % 2 == 0 { "1.5" } else { "2" }),
            vec![],
        )
        .await;
        assert_eq!(r.status(), 201);
    }
    // The design columns are the survey's own names, numbers written one way.
    let (_, got) = app.send("GET", &format!("/api/v1/surveys/{id}"), Some(&amina), None).await;
    let columns: Vec<&str> = got["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(columns, ["g", "grp/district", "grp/village", "grp/w"]);
    let (s, est) = app
        .send("GET", &format!("/api/v1/surveys/{id}/estimates?question=g&value=female"), Some(&amina), None)
        .await;
    assert_eq!(s, 200, "{est}");
    let all = &est["estimates"][0];
    // 16 women of 24; weights 1.5 (north) and 2 (south): the design was read, not ignored.
    let weight = |i: usize| if i.is_multiple_of(2) { 1.5 } else { 2.0 };
    let women: f64 = (0..24).filter(|i| i % 3 != 0).map(weight).sum();
    let total: f64 = (0..24).map(weight).sum();
    assert!((all["proportion"].as_f64().unwrap() - women / total).abs() < 1e-12, "{est}");
    assert_ne!(all["design_effect"].as_f64().unwrap(), 1.0, "strata and clusters count: {est}");
}

async fn the_questions_are_written_on_the_survey_page(b: Backend) {
    let app = spawn_app(b).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let (_, made) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(&amina),
            Some(json!({"title": "Round 3",
        "weight": "weight", "strata": "district", "cluster": "village"})),
        )
        .await;
    let id = made["id"].as_str().unwrap().to_owned();
    let post = |text: &str, lang: &str| {
        let rb = app
            .http
            .post(app.url(&format!("/surveys/{id}/questionnaire")))
            .bearer_auth(&amina)
            .header("accept-language", lang)
            .form(&[("questionnaire", text)]);
        async move { rb.send().await.unwrap() }
    };
    let bad = "district | District | north, south\nvillage | Village | number\nweight | | = 1\ngender | Gender | f=Woman, f=Female";
    let r = post(bad, "fr").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-questionnaire\"") && html.contains("Ligne 4 des questions"), "{html}");
    assert!(html.contains("f=Woman, f=Female</textarea>"), "what was typed is kept: {html}");
    let r = post(&bad.replace("f=Female", "m=Man"), "en").await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().contains("done=survey-questionnaire-saved"));
    let page = app
        .http
        .get(app.url(&format!("/surveys/{id}")))
        .bearer_auth(&amina)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("/field?survey={id}#new-h")) && page.contains("m=Man</textarea>"),
        "{page}"
    );
    // The field teams page offers the survey's form, chosen already, and names it in the list.
    let field = app
        .http
        .get(app.url(&format!("/field?survey={id}")))
        .bearer_auth(&amina)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(field.contains(&format!("<option value=\"{id}\" selected>Round 3</option>")), "{field}");
    let r = app
        .http
        .post(app.url("/field"))
        .bearer_auth(&amina)
        .form(&[("name", "Village team"), ("survey", id.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<svg") && html.contains("<bdi>Round 3</bdi>"), "{html}");
}
