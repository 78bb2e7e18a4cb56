//! The referral directory end to end, both backends: coordinators list services that need no
//! police (checked: a known area, a kind, a language); anyone finds those serving where a
//! person lives — the district's own and those of the province and country it lies in — by
//! kind and language; the leaflet of an area prints them on one page; an organisation removes
//! only its own.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(services_are_found_where_people_live);

async fn services_are_found_where_people_live(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let other = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    app.create_user(&other, "imam@interfaith.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let imam = app.login("imam@interfaith.example").await;
    let listing = |name: &str, kind: &str, areas: &[&str], languages: &[&str]| {
        json!({"name": name, "kind": kind, "description": "Help that needs no police, free of charge.",
               "areas": areas, "languages": languages, "eligibility": "Women and girls", "contact": "+237 600 100 100"})
    };
    let shelter = listing("Kumba women's shelter", "gbv_shelter", &["MR0101"], &["en", "fr"]);
    assert_eq!(app.send("POST", "/api/v1/services", Some(&member), Some(shelter.clone())).await.0, 403);
    assert_eq!(app.send("POST", "/api/v1/services", None, Some(shelter.clone())).await.0, 401);
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/services",
            Some(&amina),
            Some(listing("X shelter", "gbv_shelter", &["ZZ99"], &["en"])),
        )
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("areas")), "{v}");
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/services",
            Some(&amina),
            Some(listing("X shelter", "police_post", &["MR01"], &["en"])),
        )
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("kind")), "{v}");
    let (s, made) = app.send("POST", "/api/v1/services", Some(&amina), Some(shelter)).await;
    assert_eq!((s, made["org_name"].as_str()), (201, Some("Kumba Women's Peace Network")), "{made}");
    let shelter_id = made["id"].as_str().unwrap().to_owned();
    for body in [
        listing("Women's helpline", "hotline", &["MR"], &["en", "fr", "ar"]),
        listing("Families First", "family_counselling", &["MR01"], &["ar"]),
        listing("Lakeside legal clinic", "legal_aid", &["MR0102"], &["fr"]),
    ] {
        assert_eq!(app.send("POST", "/api/v1/services", Some(&imam), Some(body)).await.0, 201);
    }
    let names = |v: &serde_json::Value| -> Vec<String> {
        v["services"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
    };
    // Where a person lives: the district's own services and those of the areas it lies in.
    let (_, v) = app.send("GET", "/api/v1/services?area=MR0101", None, None).await;
    assert_eq!(
        names(&v),
        ["Families First", "Kumba women's shelter", "Women's helpline"],
        "by kind, then name"
    );
    let (_, v) = app.send("GET", "/api/v1/services?area=MR0102", None, None).await;
    assert_eq!(names(&v), ["Families First", "Women's helpline", "Lakeside legal clinic"]);
    let (_, v) = app.send("GET", "/api/v1/services?area=MR01", None, None).await;
    assert_eq!(
        names(&v),
        ["Families First", "Women's helpline"],
        "a province's page does not hold its districts' own"
    );
    let (_, v) = app.send("GET", "/api/v1/services?area=MR0101&language=AR", None, None).await;
    assert_eq!(names(&v), ["Families First", "Women's helpline"]);
    let (_, v) = app.send("GET", "/api/v1/services?area=MR0101&kind=hotline", None, None).await;
    assert_eq!(names(&v), ["Women's helpline"]);
    let (_, v) = app.send("GET", "/api/v1/services", None, None).await;
    assert_eq!(names(&v).len(), 4);
    assert_eq!(app.send("GET", "/api/v1/services?area=ZZ99", None, None).await.0, 422);
    assert_eq!(app.send("GET", "/api/v1/services?kind=police", None, None).await.0, 422);

    // The pages: the directory for an area, its leaflet, in the reader's language.
    let page = |path: &str, lang: &'static str| {
        let rb = app.http.get(app.url(path)).header("accept-language", lang);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (s, html) = page("/services?area=MR0101", "fr").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("Kumba women&#x27;s shelter") && html.contains("Refuge pour survivantes de violences"),
        "{html}"
    );
    assert!(html.contains("/services/leaflet?area=MR0101"), "{html}");
    let (s, html) = page("/services/leaflet?area=MR0101", "ar").await;
    assert_eq!(s, 200);
    assert!(html.contains("+237 600 100 100") && html.contains("مساعدة لا تتطلب الشرطة"), "{html}");
    assert_eq!(page("/services/leaflet?area=ZZ99", "en").await.0, 404);
    let (s, html) = page("/services?area=ZZ99", "en").await;
    assert!(s == 422 && html.contains("id=\"err-area\""), "{html}");

    // Removed by its own organisation only.
    let path = format!("/api/v1/services/{shelter_id}");
    assert_eq!(app.send("DELETE", &path, Some(&imam), None).await.0, 404);
    assert_eq!(app.send("DELETE", &path, Some(&member), None).await.0, 403);
    assert_eq!(app.send("DELETE", &path, Some(&amina), None).await.0, 204);
    let (_, v) = app.send("GET", "/api/v1/services?area=MR0101", None, None).await;
    assert_eq!(names(&v), ["Families First", "Women's helpline"]);
}
