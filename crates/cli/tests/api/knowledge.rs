//! The knowledge bank end to end, both backends: the shipped case studies seeded once; a search
//! for a phrase finds the case study holding it first; French and Arabic queries find theirs
//! (accents, hamza and alef forms aside); the ranking of the test queries is the same fixed
//! list on SQLite and PostgreSQL; snippets mark the words; filters are checked; anyone reads,
//! only coordinators add, in their organisation's name; the pages work without JavaScript.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(the_knowledge_bank_finds_its_case_studies, coordinators_add_case_studies_and_pages_show_them);

async fn ids(app: &TestApp, query: &str) -> Vec<String> {
    let (s, v) = app.send("GET", &format!("/api/v1/case-studies?{query}"), None, None).await;
    assert_eq!(s, 200, "{v}");
    v["case_studies"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

fn q(words: &str) -> String {
    let enc: String = words
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    format!("q={enc}")
}

async fn the_knowledge_bank_finds_its_case_studies(b: Backend) {
    let app = spawn_app(b).await;
    assert_eq!(tandem_web::knowledge::seed(app.store.as_ref()).await.unwrap(), 12);
    assert_eq!(tandem_web::knowledge::seed(app.store.as_ref()).await.unwrap(), 0);
    assert_eq!(ids(&app, "").await.len(), 12, "every case study, by title, to anyone");

    // A phrase finds the case study that holds it first.
    for (phrase, first) in [
        ("joint oversight forum", "joint-oversight-forum"),
        ("mapping local capacity", "mapping-local-capacity"),
        ("a hotline for families and friends", "family-support-hotline"),
        ("market days", "early-warning-mediation-teams"),
    ] {
        let got = ids(&app, &q(phrase)).await;
        assert_eq!(got.first().map(String::as_str), Some(first), "{phrase}: {got:?}");
    }
    // French and Arabic queries find theirs, whatever the accents and letter forms.
    assert_eq!(ids(&app, &q("comité de sécurité de quartier")).await[0], "fr-comite-securite-quartier");
    assert_eq!(ids(&app, &q("MEDIATRICES")).await, ["fr-femmes-mediatrices"]);
    assert_eq!(ids(&app, &q("تدريب افراد الشرطة")).await[0], "ar-police-training");
    assert_eq!(ids(&app, &q("أفراد الشرطة")).await[0], "ar-police-training");
    assert_eq!(ids(&app, &q("منتدى الامن المجتمعي")).await[0], "ar-community-forum");
    // The article and its clitics: أمن finds الأمن, للشرطة finds الشرطة.
    assert_eq!(ids(&app, &q("أمن")).await[0], "ar-community-forum");
    assert!(ids(&app, &q("للشرطة")).await.len() >= 3);
    assert!(ids(&app, &q("*")).await.is_empty(), "a query without a word finds nothing");
    // The whole ranking of these queries, the same on both backends (this list is checked on
    // each), the phrase tier first.
    let expected: [(&str, &[&str]); 3] = [
        (
            "police",
            &[
                "fr-comite-securite-quartier",
                "family-support-hotline",
                "community-police-forum",
                "joint-oversight-forum",
                "police-trainings-by-womens-groups",
                "early-warning-mediation-teams",
                "mapping-local-capacity",
            ],
        ),
        (
            "women police",
            &[
                "police-trainings-by-womens-groups",
                "community-police-forum",
                "mapping-local-capacity",
                "fr-comite-securite-quartier",
                "family-support-hotline",
                "joint-oversight-forum",
                "early-warning-mediation-teams",
            ],
        ),
        ("الشرطة", &["ar-police-training", "ar-family-hotline", "ar-community-forum"]),
    ];
    for (words, order) in expected {
        assert_eq!(ids(&app, &q(words)).await, order, "{words}");
    }
    // Filters, and what they refuse.
    assert_eq!(ids(&app, &format!("{}&language=fr", q("police"))).await, ["fr-comite-securite-quartier"]);
    let monitoring = ids(&app, "activity=monitoring").await;
    assert!(
        monitoring.contains(&"joint-oversight-forum".to_owned())
            && !monitoring.contains(&"family-support-hotline".to_owned())
    );
    let (s, v) = app.send("GET", "/api/v1/case-studies?language=de", None, None).await;
    assert_eq!((s, v["error"]["message"].as_str()), (422, Some("language: must be en, fr or ar")), "{v}");
    assert_eq!(app.send("GET", "/api/v1/case-studies?activity=lobbying", None, None).await.0, 422);
    assert_eq!(
        app.send("GET", &format!("/api/v1/case-studies?q={}", "a".repeat(501)), None, None).await.0,
        422
    );
    // Snippets mark the words, as HTML.
    let (_, v) =
        app.send("GET", &format!("/api/v1/case-studies?{}", q("joint oversight forum")), None, None).await;
    let snippet = v["case_studies"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>joint</mark> <mark>oversight</mark> <mark>forum</mark>"), "{snippet}");
    assert_eq!(
        v["case_studies"][0]["title"],
        "A joint oversight forum reviews complaints against the police"
    );
    let (_, v) = app.send("GET", &format!("/api/v1/case-studies?{}", q("الشرطة")), None, None).await;
    assert!(v["case_studies"][0]["snippet"].as_str().unwrap().contains("<mark>الشرطة</mark>"), "{v}");
    // The engines' operators are only words.
    for bad in ["police\" OR *", "NEAR(a b)", "a & !b | c:*", "'); DROP TABLE case_studies; --"] {
        let (s, _) = app.send("GET", &format!("/api/v1/case-studies?{}", q(bad)), None, None).await;
        assert_eq!(s, 200, "{bad}");
    }
    assert_eq!(ids(&app, "").await.len(), 12);
    let (s, c) = app.send("GET", "/api/v1/case-studies/joint-oversight-forum", None, None).await;
    assert_eq!((s, c["language"].as_str(), c["org_id"].clone()), (200, Some("en"), Value::Null));
    assert!(c["body"].as_str().unwrap().contains("## Set-up"));
    assert_eq!(app.send("GET", "/api/v1/case-studies/nothing", None, None).await.0, 404);
}

async fn coordinators_add_case_studies_and_pages_show_them(b: Backend) {
    let app = spawn_app(b).await;
    tandem_web::knowledge::seed(app.store.as_ref()).await.unwrap();
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let body = json!({"title": "Market safety walks", "summary": "Women walk the market with the police at dusk.",
        "body": "## What\n\nSafety walks every Friday, <script>alert(1)</script> and [a link](javascript:alert(1)).",
        "language": "en", "activities": ["implementation"], "tags": ["markets"]});
    assert_eq!(app.send("POST", "/api/v1/case-studies", Some(&member), Some(body.clone())).await.0, 403);
    assert_eq!(app.send("POST", "/api/v1/case-studies", None, Some(body.clone())).await.0, 401);
    let mut bad = body.clone();
    bad["activities"] = json!(["lobbying"]);
    assert_eq!(app.send("POST", "/api/v1/case-studies", Some(&amina), Some(bad)).await.0, 422);
    let (s, made) = app.send("POST", "/api/v1/case-studies", Some(&amina), Some(body)).await;
    assert_eq!((s, made["org_name"].as_str()), (201, Some("Kumba Women's Peace Network")), "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(ids(&app, &q("safety walks")).await[0], id);

    // The pages, to a visitor: search, results with marks, the case study with its markdown
    // shown and nothing of it run.
    let page = |path: String, lang: &'static str| {
        let rb = app.http.get(app.url(&path)).header("accept-language", lang);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (s, html) = page(format!("/knowledge?{}", q("joint oversight forum")), "en").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("href=\"/knowledge/joint-oversight-forum\"") && html.contains("<mark>oversight</mark>"),
        "{html}"
    );
    let first = html.find("/knowledge/joint-oversight-forum").unwrap();
    assert!(html.find("/knowledge/community-police-forum").is_none_or(|other| other > first));
    let (s, html) = page(format!("/knowledge?{}&language=xx", q("police")), "fr").await;
    assert_eq!(s, 422);
    assert!(html.contains("id=\"err-language\""), "{html}");
    let (s, html) = page(format!("/knowledge/{id}"), "ar").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("<h3>What</h3>") && html.contains("&lt;script&gt;") && !html.contains("<script>alert"),
        "{html}"
    );
    assert!(html.contains("href=\"#\"") && !html.contains("javascript:"), "{html}");
    assert!(
        html.contains("dir=\"rtl\"") && html.contains("بنك المعرفة"),
        "the page in Arabic, the study in English: {html}"
    );
    // A coordinator's form: a refusal beside its field, what was typed kept.
    let r = app
        .http
        .post(app.url("/knowledge/new"))
        .bearer_auth(&amina)
        .header("accept-language", "fr")
        .form(&[
            ("title", "Patrouilles"),
            ("summary", "Trop court"),
            ("body", "x"),
            ("language", "fr"),
            ("activities", "planning"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-body\"")
            && html.contains("value=\"Patrouilles\"")
            && html.contains("value=\"planning\" checked"),
        "{html}"
    );
    let r = app
        .http
        .post(app.url("/knowledge/new"))
        .bearer_auth(&amina)
        .form(&[
            ("title", "Patrouilles de quartier"),
            ("summary", "Des patrouilles à pied avec les jeunes."),
            ("body", "## Quoi\n\nDes patrouilles chaque soir."),
            ("language", "fr"),
            ("activities", "planning"),
            ("tags", "jeunes, nuit"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().ends_with("?done=case-study-added"));
    assert_eq!(ids(&app, &format!("{}&language=fr", q("patrouilles"))).await.len(), 2);
    // Withdrawn by its own organisation only; a shipped one by no one.
    let path = format!("/api/v1/case-studies/{id}");
    assert_eq!(app.send("DELETE", &path, Some(&member), None).await.0, 403);
    assert_eq!(
        app.send("DELETE", "/api/v1/case-studies/joint-oversight-forum", Some(&amina), None).await.0,
        404
    );
    assert_eq!(app.send("DELETE", &path, Some(&amina), None).await.0, 204);
    assert_eq!(app.send("GET", &path, None, None).await.0, 404);
    assert!(!ids(&app, &q("safety walks")).await.contains(&id));
}
