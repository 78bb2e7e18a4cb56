//! The demo's gap analysis equals the hand count in docs/registry.md: which districts have no
//! women-led or youth-led organisation, and which joint activities nobody does in a district,
//! for a visitor and for a person signed in (who also sees the members-only interfaith council).
use chrono::Utc;
use serde_json::json;
use tandem_testkit::{fresh_db, Backend};

#[tokio::test]
async fn the_demo_gaps_match_the_hand_count() {
    let db = fresh_db(Backend::Sqlite).await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["demo", "--no-serve"])
        .env("TANDEM_DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = tandem_testkit::open(Backend::Sqlite, &db.url).await;
    let orgs = store.list_orgs().await.unwrap();
    let town = orgs.iter().find(|o| o.name == "Port Amsel Municipality").unwrap().id.clone();
    let keys = std::sync::Arc::new(tandem_domain::seal::Keyring::generate("t"));
    let state = tandem_web::AppState::new(store.clone(), tandem_web::WebConfig::default(), keys).unwrap();
    let today = Utc::now().date_naive();
    let gaps = |viewer: Option<tandem_domain::OrgId>, area: Option<&'static str>| {
        let state = state.clone();
        async move {
            let facts = tandem_web::registry::capacity::facts(&state, viewer.as_ref()).await.unwrap();
            let g = tandem_web::registry::capacity::gaps(&facts, area, today).unwrap();
            serde_json::to_value(g).unwrap()
        }
    };
    let visitor = gaps(None, None).await;
    assert_eq!(
        visitor["areas_without_women_led"],
        json!(["MR0201", "MR0203", "MR0302", "MR0303", "MR0401", "MR0402", "MR0403"])
    );
    assert_eq!(
        visitor["areas_without_youth_led"],
        json!(["MR0102", "MR0103", "MR0301", "MR0302", "MR0303", "MR0401", "MR0402", "MR0403"])
    );
    assert_eq!(visitor["activities_without_actor"], json!([]));
    let savannah = json!(["assessment", "planning", "implementation", "monitoring"]);
    assert_eq!(gaps(None, Some("MR0401")).await["activities_without_actor"], savannah);
    assert_eq!(gaps(None, Some("MR0303")).await["activities_without_actor"], savannah);
    // Signed in, the members-only interfaith council plans in the north.
    assert_eq!(
        gaps(Some(town.clone()), Some("MR0303")).await["activities_without_actor"],
        json!(["assessment", "implementation", "monitoring"])
    );
    // The municipality has no profile: its forums put it nowhere on the map, even for itself.
    let cfg = state.ew_config.get(store.as_ref()).await.unwrap();
    let facts = tandem_web::registry::capacity::facts(&state, Some(&town)).await.unwrap();
    let lines = tandem_web::registry::capacity::lines(&cfg, &facts, today);
    assert!(lines.iter().all(|l| l.org_id != town.as_str()));
    assert!(lines.iter().any(|l| l.org_name == "Kumba Women's Peace Network"
        && l.source == tandem_domain::registry::Source::Training));
    let grants = tandem_web::registry::funding::list(&state, None).await.unwrap();
    assert_eq!(
        grants.iter().filter(|g| g.short).map(|g| g.title.as_str()).collect::<Vec<_>>(),
        ["Monitoring on the Coast", "Women's safety audits in Lakeside"]
    );
}
