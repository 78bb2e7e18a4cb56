//! The registry chapter: a profile is seen only as its visibility allows, and nothing else the
//! registry answers — endorsements, grants, presences — names an organisation the viewer may not
//! see; endorsements stand once per pair and are revoked by their giver alone; grants are
//! recorded all or none, an IATI activity imported again replacing its copy.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::NaiveDate;
use tandem_domain::forum::{Cadence, ForumKind};
use tandem_domain::funding::GrantInput;
use tandem_domain::registry::{ProfileInput, Source};
use tandem_domain::wheel::Activity;
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{NewForum, NewGrant, NewMeeting, NewTraining, Store, StoreError};

fn profile(visibility: &str, areas: &[&str], activities: &[&str]) -> tandem_domain::registry::ProfileText {
    ProfileInput {
        mission: "Peace and safety for the women of Kumba.".into(),
        areas: areas.iter().map(|a| (*a).to_owned()).collect(),
        activities: activities.iter().map(|a| (*a).to_owned()).collect(),
        constituencies: vec!["women".into()],
        languages: vec!["en".into()],
        contact: String::new(),
        visibility: visibility.into(),
        values: vec!["non_violence".into()],
        competencies: vec![],
        constituency: vec![],
    }
    .parse(|_| true)
    .unwrap()
}

fn grant(id: &str, iati: &str, title: &str, recipient: Option<&OrgId>) -> NewGrant {
    NewGrant {
        id: id.into(),
        text: GrantInput {
            funder: "Lakeside Foundation".into(),
            recipient: "Someone".into(),
            title: title.into(),
            band: "10k_50k".into(),
            start: "2026-01-01".into(),
            end: "2026-05-31".into(),
            areas: vec!["MR".into()],
            activities: vec!["implementation".into()],
            iati_id: iati.into(),
        }
        .parse(|_| true)
        .unwrap(),
        recipient_org: recipient.cloned(),
    }
}

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    s.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
    let org = |name: &'static str, women: bool| async move {
        s.create_org(&new_org(name, OrgKind::CivilSociety, women), ev("org.create")).await.unwrap()
    };
    let open = org("Kumba Women's Peace Network", true).await;
    let members_only = org("Lakeside Youth Forum", false).await;
    let hidden = org("Threatened Defenders", true).await;
    let unlisted = org("Not Yet Listed", false).await;
    let amina = s.create_user(&new_user("amina@kwpn.example", false), ev("user.create")).await.unwrap();
    s.add_member(&open.id, &amina.id, Role::Coordinator, ev("member.add")).await.unwrap();

    let saved = s
        .save_profile(&open.id, &profile("public", &["MR"], &["monitoring"]), ev("profile.save"))
        .await
        .unwrap();
    assert_eq!((saved.org_name.as_str(), saved.women_led), ("Kumba Women's Peace Network", true));
    s.save_profile(&members_only.id, &profile("members", &["MR"], &[]), ev("profile.save")).await.unwrap();
    s.save_profile(&hidden.id, &profile("hidden", &["MR"], &["assessment"]), ev("profile.save"))
        .await
        .unwrap();
    // Saving again replaces.
    let again = s
        .save_profile(&open.id, &profile("public", &["MR"], &["monitoring", "planning"]), ev("profile.save"))
        .await
        .unwrap();
    assert_eq!(again.activities, [Activity::Planning, Activity::Monitoring]);

    let names = |v: Vec<crate::Profile>| v.into_iter().map(|p| p.org_name).collect::<Vec<_>>();
    assert_eq!(names(s.profiles(None).await.unwrap()), ["Kumba Women's Peace Network"], "the public");
    assert_eq!(
        names(s.profiles(Some(&unlisted.id)).await.unwrap()),
        ["Kumba Women's Peace Network", "Lakeside Youth Forum"],
        "a member of any organisation"
    );
    assert_eq!(
        names(s.profiles(Some(&hidden.id)).await.unwrap()),
        ["Kumba Women's Peace Network", "Lakeside Youth Forum", "Threatened Defenders"],
        "a hidden organisation sees itself"
    );

    // Endorsements: once per pair, only of a profile the endorser may see, never of oneself.
    let e = s
        .endorse(&open.id, &amina.id, &members_only.id, "e1", "Trusted partner", ev("endorse"))
        .await
        .unwrap();
    assert_eq!(
        (e.endorser_name.as_str(), e.endorsed_name.as_str()),
        ("Kumba Women's Peace Network", "Lakeside Youth Forum")
    );
    assert!(matches!(
        s.endorse(&open.id, &amina.id, &members_only.id, "e2", "", ev("endorse")).await,
        Err(StoreError::Conflict(_))
    ));
    for of in [&hidden.id, &unlisted.id, &open.id] {
        assert!(matches!(
            s.endorse(&open.id, &amina.id, of, "e3", "", ev("endorse")).await,
            Err(StoreError::NotFound)
        ));
    }
    // The hidden organisation endorses a public one: nobody outside it learns of it.
    s.endorse(&hidden.id, &amina.id, &open.id, "e4", "", ev("endorse")).await.unwrap();
    let pairs = |v: Vec<crate::Endorsement>| v.into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(pairs(s.endorsements(Some(&unlisted.id)).await.unwrap()), ["e1"]);
    assert!(pairs(s.endorsements(None).await.unwrap()).is_empty(), "the endorsed is members-only");
    assert_eq!(pairs(s.endorsements(Some(&hidden.id)).await.unwrap()).len(), 2);
    assert!(matches!(
        s.revoke_endorsement(&members_only.id, "e1", ev("revoke")).await,
        Err(StoreError::NotFound)
    ));
    let revoked = s.revoke_endorsement(&open.id, "e1", ev("revoke")).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(matches!(s.revoke_endorsement(&open.id, "e1", ev("revoke")).await, Err(StoreError::NotFound)));
    assert!(pairs(s.endorsements(Some(&unlisted.id)).await.unwrap()).is_empty());
    s.endorse(&open.id, &amina.id, &members_only.id, "e5", "", ev("endorse")).await.unwrap();

    // Grants: all or none; again by IATI identifier replaces; a hidden recipient hides the grant.
    let twice = [grant("g1", "", "Safety audits", Some(&open.id)), grant("g1", "", "Twice", None)];
    assert!(s.add_grants(&open.id, &twice, ev("grants")).await.is_err());
    assert!(s.grants(Some(&open.id)).await.unwrap().is_empty(), "nothing of a refused batch is kept");
    let batch = [
        grant("g1", "XM-1-a", "Safety audits", Some(&open.id)),
        grant("g2", "", "Defenders' shelter", Some(&hidden.id)),
    ];
    assert_eq!(s.add_grants(&open.id, &batch, ev("grants")).await.unwrap(), 2);
    s.add_grants(
        &open.id,
        &[grant("g9", "XM-1-a", "Safety audits, second phase", Some(&open.id))],
        ev("grants"),
    )
    .await
    .unwrap();
    let seen = s.grants(None).await.unwrap();
    assert_eq!(
        seen.iter().map(|g| (g.id.as_str(), g.title.as_str(), g.short)).collect::<Vec<_>>(),
        [("g1", "Safety audits, second phase", true)],
        "replaced in place; the hidden recipient's grant is not shown"
    );
    assert_eq!(s.grants(Some(&hidden.id)).await.unwrap().len(), 2);
    assert!(matches!(s.remove_grant(&hidden.id, "g1", ev("grant.remove")).await, Err(StoreError::NotFound)));
    // A grant recorded to an organisation is its to dispute, and places it nowhere on the map.
    let programmes = |v: Vec<tandem_domain::registry::Presence>| {
        v.iter().filter(|p| p.source == Source::Programme).count()
    };
    let before = programmes(s.presences(Some(&open.id)).await.unwrap());
    s.add_grants(
        &members_only.id,
        &[grant("g3", "", "Claimed for the network", Some(&open.id))],
        ev("grants"),
    )
    .await
    .unwrap();
    assert_eq!(programmes(s.presences(Some(&open.id)).await.unwrap()), before);
    s.remove_grant(&open.id, "g3", ev("grant.remove")).await.unwrap();

    // Presences: profiles, forums (by kind), trainings given, programmes — of visible orgs only.
    let forum = NewForum {
        id: "f1".into(),
        name: "Kumba safety audit".into(),
        area: "MR".into(),
        kind: ForumKind::SafetyAudit,
        cadence: Cadence::Monthly,
        terms: None,
        members: vec![members_only.id.clone(), hidden.id.clone()],
    };
    s.create_forum(&open.id, &forum, ev("forum.create")).await.unwrap();
    let on = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    s.add_meeting(
        &open.id,
        "f1",
        &NewMeeting {
            id: "m1".into(),
            held_on: on,
            agenda: None,
            minutes: None,
            participants: vec![],
            by: amina.id.clone(),
        },
        ev("forum.meeting"),
    )
    .await
    .unwrap();
    let training = NewTraining {
        id: "t1".into(),
        topic: "Safety audits".into(),
        held_on: on,
        trainer_org: hidden.id.clone(),
        participants: vec![],
        scores: vec![],
        by: amina.id.clone(),
    };
    s.add_training(&open.id, "f1", &training, ev("forum.training")).await.unwrap();
    let mut public: Vec<(String, Option<Activity>, Source)> =
        s.presences(None).await.unwrap().into_iter().map(|p| (p.org, p.activity, p.source)).collect();
    public.sort_by_key(|p| (p.2, p.1.map(|a| a.as_str())));
    let o = open.id.to_string();
    assert_eq!(
        public,
        [
            (o.clone(), Some(Activity::Monitoring), Source::Profile),
            (o.clone(), Some(Activity::Planning), Source::Profile),
            (o.clone(), Some(Activity::Assessment), Source::Forum),
            (o.clone(), Some(Activity::Implementation), Source::Programme),
        ]
    );
    let members: Vec<_> = s.presences(Some(&unlisted.id)).await.unwrap();
    let forum_line =
        members.iter().find(|p| p.org == members_only.id.as_str() && p.source == Source::Forum).unwrap();
    assert_eq!((forum_line.from, forum_line.to), (Some(on), Some(on)), "from its first meeting to its last");
    assert!(
        members.iter().any(|p| p.org == members_only.id.as_str() && p.activity.is_none()),
        "a profile naming no activity"
    );
    assert!(!members.iter().any(|p| p.org == hidden.id.as_str()), "the hidden trainer is nowhere");
    let own = s.presences(Some(&hidden.id)).await.unwrap();
    assert!(own.iter().any(|p| p.org == hidden.id.as_str() && p.source == Source::Training));
}
