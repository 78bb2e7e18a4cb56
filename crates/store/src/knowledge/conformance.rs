//! The knowledge bank chapter: case studies stored and read back, the shipped ones seeded once,
//! and search by the engine: the phrase first, then all words, then any; accents, case and
//! Arabic letter forms do not matter; filters keep to a language or an activity; a query full
//! of the engines' operators is only words. Every backend must give the same order.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use tandem_domain::knowledge::{CaseStudyInput, Language, SearchQuery, Tier};
use tandem_domain::wheel::Activity;
use tandem_domain::OrgKind;

use crate::conformance::{ev, new_org};
use crate::{CaseFilter, NewCaseStudy, Store, StoreError};

fn case(id: &str, lang: &str, title: &str, summary: &str, body: &str, activities: &[&str]) -> NewCaseStudy {
    let input = CaseStudyInput {
        title: title.into(),
        summary: summary.into(),
        body: body.into(),
        language: lang.into(),
        region: "Marenia".into(),
        actors: vec!["police".into()],
        activities: activities.iter().map(|a| (*a).to_owned()).collect(),
        tags: vec![],
    };
    NewCaseStudy { id: id.into(), org: None, text: input.parse().unwrap() }
}

pub fn corpus() -> Vec<NewCaseStudy> {
    vec![
        case(
            "trainings",
            "en",
            "Police trainings by women's groups",
            "A women's network trains officers of the station on violence against women.",
            "The forums were joint work; oversight came later. Officers met the women's groups monthly.",
            &["capacity_building"],
        ),
        case(
            "oversight",
            "en",
            "Joint oversight forums",
            "Residents and the police review complaints together.",
            "Joint oversight forums meet every quarter. The **joint oversight forums** publish what they found.",
            &["monitoring"],
        ),
        case(
            "hotline",
            "en",
            "A family hotline that needs no police",
            "Parents worried about a son call counsellors, not the police.",
            "The hotline answers in three languages; forums of parents meet at the centre.",
            &["implementation"],
        ),
        case(
            "mediation",
            "fr",
            "Médiation communautaire et alerte précoce",
            "Des équipes de médiation répondent aux alertes dans les villages.",
            "La sécurité des marchés s'est améliorée quand les médiateurs ont été appelés tôt.",
            &["implementation", "planning"],
        ),
        case(
            "forum-ar",
            "ar",
            "منتدى الشرطة والمجتمع",
            "يلتقي السكان والشرطة كل شهر لمناقشة الأمن في الحي.",
            "تحسّن الأمن في السوق بعد أن اتفق المنتدى على دوريات مشتركة مع النساء.",
            &["planning"],
        ),
    ]
}

async fn ids(s: &dyn Store, q: &str, filter: CaseFilter) -> Vec<String> {
    let q = SearchQuery::parse(q).unwrap();
    s.search_case_studies(&q, filter, 20).await.unwrap().into_iter().map(|h| h.case_study.id).collect()
}

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    assert_eq!(s.seed_case_studies(&corpus()).await.unwrap(), 5);
    assert_eq!(s.seed_case_studies(&corpus()).await.unwrap(), 0, "seeding twice adds nothing");
    let org = s
        .create_org(&new_org("Kumba Women's Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let mut own = case(
        "own",
        "en",
        "Market safety walks",
        "Women walk the market with the police at dusk.",
        "Safety walks every Friday.",
        &[],
    );
    own.org = Some(org.id.clone());
    let made = s.add_case_study(&own, ev("case_study.create")).await.unwrap();
    assert_eq!((made.org_name.as_deref(), made.activities.len()), (Some("Kumba Women's Peace Network"), 0));
    assert!(matches!(s.add_case_study(&own, ev("case_study.create")).await, Err(StoreError::Conflict(_))));
    let got = s.case_study("oversight").await.unwrap();
    assert_eq!(
        (got.title.as_str(), got.org_id.clone(), got.activities.clone()),
        ("Joint oversight forums", None, vec!["monitoring".to_owned()])
    );
    assert!(matches!(s.case_study("nothing").await, Err(StoreError::NotFound)));

    let all = CaseFilter::default();
    // The phrase first, then every word, then any word: each tier by the engine's rank.
    assert_eq!(ids(s, "joint oversight forums", all).await, ["oversight", "trainings", "hotline"]);
    let q = SearchQuery::parse("joint oversight forums").unwrap();
    let tiers: Vec<Tier> = s.search_case_studies(&q, all, 20).await.unwrap().iter().map(|h| h.tier).collect();
    assert_eq!(tiers, [Tier::Phrase, Tier::All, Tier::Any]);
    // The title weighs most: "police" is in four; the two with it in the title come first.
    assert_eq!(ids(s, "police", all).await[..2], ["hotline", "trainings"]);
    // Accents and case, and Arabic hamza, alef and ta marbuta forms, do not matter.
    assert_eq!(ids(s, "SECURITE", all).await, ["mediation"]);
    assert_eq!(ids(s, "médiation", all).await, ["mediation"]);
    assert_eq!(ids(s, "الامن", all).await, ["forum-ar"]);
    assert_eq!(ids(s, "منتدي الشرطه", all).await, ["forum-ar"]);
    // Filters.
    let fr = CaseFilter { language: Some(Language::Fr), activity: None };
    assert!(ids(s, "police", fr).await.is_empty());
    let planning = CaseFilter { language: None, activity: Some(Activity::Planning) };
    assert_eq!(ids(s, "police alertes", planning).await, ["mediation"], "any word, within the activity");
    let listed: Vec<String> = s.case_studies(planning).await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(listed, ["mediation", "forum-ar"], "by title");
    assert_eq!(s.case_studies(all).await.unwrap().len(), 6);
    // The engines' operators are only words: no syntax error, no injection.
    for q in ["police\" OR * NEAR(", "forums') | !'x", "oversight:* & ", "- NOT AND"] {
        let q = SearchQuery::parse(q).unwrap();
        s.search_case_studies(&q, all, 20).await.unwrap();
    }
    assert_eq!(ids(s, "joint oversight forums", all).await.len(), 3);
    let q = SearchQuery::parse("forums").unwrap();
    assert_eq!(s.search_case_studies(&q, all, 2).await.unwrap().len(), 2, "the limit holds");
    // Withdrawn by its organisation alone: gone from reads and from the index.
    let other = s
        .create_org(&new_org("Northern Observatory", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    assert!(matches!(
        s.withdraw_case_study(&other.id, "own", ev("case_study.withdraw")).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            s.withdraw_case_study(&org.id, "oversight", ev("case_study.withdraw")).await,
            Err(StoreError::NotFound)
        ),
        "a shipped one is no one's"
    );
    s.withdraw_case_study(&org.id, "own", ev("case_study.withdraw")).await.unwrap();
    assert!(matches!(s.case_study("own").await, Err(StoreError::NotFound)));
    assert!(ids(s, "safety walks", all).await.is_empty());
}
