//! The forums chapter: a forum's records are its members' and nobody else's; attendance is kept
//! as counted; a commitment is owned by a member, stepped by its owner only, and confirmed by
//! another member only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::{Duration, NaiveDate, Utc};
use tandem_domain::forum::{AgeBand, Cadence, CommitmentStatus, ForumKind, Gender, Participants};
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{CommitmentFilter, CommitmentStep, NewCommitment, NewForum, NewMeeting, Store, StoreError};

fn id() -> String {
    OrgId::new().to_string()
}

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    s.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
    let org = |name: &'static str, kind| async move {
        s.create_org(&new_org(name, kind, true), ev("org.create")).await.unwrap()
    };
    let cso = org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = org("Kumba Central Police Station", OrgKind::Security).await;
    let town = org("Kumba Municipality", OrgKind::Government).await;
    let stranger = org("Northern Observatory", OrgKind::CivilSociety).await;
    let amina = s.create_user(&new_user("amina@kwpn.example", false), ev("user.create")).await.unwrap();
    let chief = s.create_user(&new_user("chief@police.example", false), ev("user.create")).await.unwrap();
    s.add_member(&cso.id, &amina.id, Role::Coordinator, ev("member.add")).await.unwrap();
    s.add_member(&police.id, &chief.id, Role::Coordinator, ev("member.add")).await.unwrap();

    let new = NewForum {
        id: id(),
        name: "Kumba community–police forum".into(),
        area: "MR".into(),
        kind: ForumKind::CommunityPolice,
        cadence: Cadence::Monthly,
        terms: Some("Meets monthly; minutes shared with members.".into()),
        members: vec![police.id.clone()],
    };
    let f = s.create_forum(&cso.id, &new, ev("forum.create")).await.unwrap();
    assert_eq!(
        (f.convener_org.as_str(), f.kind, f.cadence),
        (cso.id.as_str(), ForumKind::CommunityPolice, Cadence::Monthly)
    );
    assert_eq!(
        f.members.iter().map(|m| m.org_id.as_str()).collect::<Vec<_>>(),
        [cso.id.as_str(), police.id.as_str()],
        "the convener first"
    );
    assert_eq!(s.get_forum(&police.id, &f.id).await.unwrap(), f, "a member reads it");
    assert!(matches!(s.get_forum(&stranger.id, &f.id).await, Err(StoreError::NotFound)));
    assert!(s.list_forums(&stranger.id).await.unwrap().is_empty());
    assert_eq!(s.list_forums(&police.id).await.unwrap().len(), 1);
    let bad_area = NewForum { id: id(), area: "XX01".into(), ..new.clone() };
    assert!(matches!(
        s.create_forum(&cso.id, &bad_area, ev("forum.create")).await,
        Err(StoreError::Conflict(_))
    ));
    let bad_member = NewForum { id: id(), members: vec![OrgId::new()], ..new.clone() };
    assert!(matches!(
        s.create_forum(&cso.id, &bad_member, ev("forum.create")).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(s.list_forums(&cso.id).await.unwrap().len(), 1, "nothing of a refused forum is kept");

    // Only the convener adds members; twice is once.
    assert!(matches!(
        s.add_forum_member(&police.id, &f.id, &town.id, ev("forum.member.add")).await,
        Err(StoreError::NotFound)
    ));
    for _ in 0..2 {
        let f = s.add_forum_member(&cso.id, &f.id, &town.id, ev("forum.member.add")).await.unwrap();
        assert_eq!(f.members.len(), 3);
    }

    let lines = vec![
        Participants {
            org_kind: OrgKind::CivilSociety,
            gender: Gender::Female,
            age_band: AgeBand::From18To24,
            count: 7,
        },
        Participants {
            org_kind: OrgKind::Security,
            gender: Gender::Male,
            age_band: AgeBand::From35To49,
            count: 3,
        },
    ];
    let held_on = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    let meet = |lines: Vec<Participants>| NewMeeting {
        id: id(),
        held_on,
        agenda: Some("Street lighting; night patrols".into()),
        minutes: Some("Agreed: **lights** on the market road.".into()),
        participants: lines,
        by: amina.id.clone(),
    };
    let m = s.add_meeting(&police.id, &f.id, &meet(lines.clone()), ev("forum.meeting")).await.unwrap();
    assert_eq!((m.held_on, m.recorded_org.as_str()), (held_on, police.id.as_str()));
    let mut sorted = lines.clone();
    sorted.sort_by_key(|p| (p.org_kind.as_str(), p.gender.as_str(), p.age_band.as_str()));
    assert_eq!(m.participants, sorted, "counts kept as given");
    assert!(matches!(
        s.add_meeting(&stranger.id, &f.id, &meet(lines.clone()), ev("forum.meeting")).await,
        Err(StoreError::NotFound)
    ));
    let twice = vec![lines[0], lines[0]];
    assert!(matches!(
        s.add_meeting(&cso.id, &f.id, &meet(twice), ev("forum.meeting")).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        s.list_meetings(&cso.id, &f.id).await.unwrap(),
        vec![m.clone()],
        "nothing of a refused meeting"
    );
    assert!(matches!(s.list_meetings(&stranger.id, &f.id).await, Err(StoreError::NotFound)));

    let due_on = NaiveDate::from_ymd_opt(2026, 4, 30).unwrap();
    let commit = |owner: &OrgId, meeting: Option<String>| NewCommitment {
        id: id(),
        forum: f.id.clone(),
        meeting,
        owner: owner.clone(),
        text: "Fix the street lights on the market road".into(),
        due_on,
        by: amina.id.clone(),
    };
    let c = s
        .create_commitment(&cso.id, &commit(&police.id, Some(m.id.clone())), ev("commitment.create"))
        .await
        .unwrap();
    assert_eq!(
        (c.status, c.owner_name.as_str(), c.forum_name.as_str()),
        (CommitmentStatus::Open, "Kumba Central Police Station", f.name.as_str())
    );
    for (who, new) in [
        (&stranger.id, commit(&police.id, None)),
        (&cso.id, commit(&stranger.id, None)),
        (&cso.id, commit(&police.id, Some(id()))),
    ] {
        assert!(s.create_commitment(who, &new, ev("commitment.create")).await.is_err());
    }
    assert!(matches!(s.get_commitment(&stranger.id, &c.id).await, Err(StoreError::NotFound)));
    assert_eq!(s.get_commitment(&town.id, &c.id).await.unwrap(), c, "every member sees it");

    let late = NaiveDate::from_ymd_opt(2026, 5, 2).unwrap();
    let overdue = CommitmentFilter { overdue_on: Some(late), limit: 10, ..Default::default() };
    assert_eq!(s.list_commitments(&town.id, &overdue).await.unwrap().len(), 1, "overdue for every member");
    assert!(s.list_commitments(&stranger.id, &overdue).await.unwrap().is_empty());
    let early = CommitmentFilter { overdue_on: Some(due_on), limit: 10, ..Default::default() };
    assert!(s.list_commitments(&cso.id, &early).await.unwrap().is_empty(), "due today is not overdue");

    // Stepped by its owner only, forward only; confirmed by another member only.
    let at = Utc::now() - Duration::days(1);
    let step = |to, evidence: Option<&str>| CommitmentStep {
        to,
        evidence: evidence.map(Into::into),
        link: None,
        by: chief.id.clone(),
        at,
    };
    let done = CommitmentStep {
        link: Some("/shared/alerts/0b0c0c1d-70b8-4a3e-9c1f-5694ca000001".into()),
        ..step(CommitmentStatus::Done, Some("Twelve lights replaced; photos in the minutes"))
    };
    assert!(matches!(
        s.step_commitment(&cso.id, &c.id, &done, ev("commitment.step")).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            s.confirm_commitment(&cso.id, &c.id, &amina.id, at, ev("commitment.confirm")).await,
            Err(StoreError::Conflict(_))
        ),
        "not done yet"
    );
    let p = s
        .step_commitment(&police.id, &c.id, &step(CommitmentStatus::InProgress, None), ev("commitment.step"))
        .await
        .unwrap();
    assert_eq!(p.status, CommitmentStatus::InProgress);
    let d = s.step_commitment(&police.id, &c.id, &done, ev("commitment.step")).await.unwrap();
    assert_eq!(
        (d.status, d.done_on, d.evidence.as_deref(), d.evidence_link.as_deref()),
        (CommitmentStatus::Done, Some(at.date_naive()), done.evidence.as_deref(), done.link.as_deref())
    );
    assert!(
        matches!(
            s.step_commitment(
                &police.id,
                &c.id,
                &step(CommitmentStatus::Dropped, Some("no")),
                ev("commitment.step")
            )
            .await,
            Err(StoreError::Conflict(_))
        ),
        "done is final"
    );
    assert!(
        matches!(
            s.confirm_commitment(&police.id, &c.id, &chief.id, at, ev("commitment.confirm")).await,
            Err(StoreError::Conflict(_))
        ),
        "the owner cannot confirm its own"
    );
    assert!(matches!(
        s.confirm_commitment(&stranger.id, &c.id, &amina.id, at, ev("commitment.confirm")).await,
        Err(StoreError::NotFound)
    ));
    let ok = s.confirm_commitment(&cso.id, &c.id, &amina.id, at, ev("commitment.confirm")).await.unwrap();
    assert_eq!(ok.confirmed_org.as_deref(), Some(cso.id.as_str()));
    assert!(
        matches!(
            s.confirm_commitment(&town.id, &c.id, &amina.id, at, ev("commitment.confirm")).await,
            Err(StoreError::Conflict(_))
        ),
        "confirmed once"
    );
    let mine = CommitmentFilter { owner: Some(police.id.clone()), limit: 10, ..Default::default() };
    assert_eq!(s.list_commitments(&town.id, &mine).await.unwrap(), vec![ok.clone()]);

    // Trainings: recorded by a member, given by any organisation, read by members only.
    let trained = crate::NewTraining {
        id: id(),
        topic: "Receiving reports from women survivors".into(),
        held_on,
        trainer_org: stranger.id.clone(),
        participants: vec![tandem_domain::training::Trainees {
            org_kind: OrgKind::Security,
            gender: Gender::Male,
            count: 14,
        }],
        scores: vec![tandem_domain::training::ScorePair { before: 3.5, after: 7.0 }],
        by: amina.id.clone(),
    };
    let t = s.add_training(&cso.id, &f.id, &trained, ev("forum.training")).await.unwrap();
    assert_eq!(
        (t.trainer_name.as_str(), t.participants.len(), t.scores[0].after),
        ("Northern Observatory", 1, 7.0)
    );
    assert!(matches!(
        s.add_training(
            &stranger.id,
            &f.id,
            &crate::NewTraining { id: id(), ..trained.clone() },
            ev("forum.training")
        )
        .await,
        Err(StoreError::NotFound)
    ));
    let unknown = crate::NewTraining { id: id(), trainer_org: OrgId::new(), ..trained.clone() };
    assert!(matches!(
        s.add_training(&cso.id, &f.id, &unknown, ev("forum.training")).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.list_trainings(&police.id, &f.id).await.unwrap(), vec![t]);
    assert!(matches!(s.list_trainings(&stranger.id, &f.id).await, Err(StoreError::NotFound)));

    // Joint assessments: by members, naming members only, read by members only.
    let assessed = crate::NewAssessment {
        id: id(),
        title: "Joint conflict analysis, Kumba market".into(),
        held_on,
        drivers: "Land disputes at the market; **extortion** at checkpoints.".into(),
        actors: Some("Traders' union, youth groups".into()),
        risks: None,
        police_ethos: Some(tandem_domain::joint::PoliceEthos::Mixed),
        police_conduct: Some("Bribes at checkpoints reported weekly.".into()),
        baseline: Some("12 bribe reports a month (2026 Q1)".into()),
        cso_role: Some(tandem_domain::joint::CsoRole::Collaborator),
        context: None,
        took_part: vec![cso.id.clone(), police.id.clone()],
        by: amina.id.clone(),
    };
    let a = s.add_assessment(&cso.id, &f.id, &assessed, ev("forum.assessment")).await.unwrap();
    assert_eq!(
        (a.police_ethos, a.took_part.len(), a.baseline.as_deref()),
        (Some(tandem_domain::joint::PoliceEthos::Mixed), 2, Some("12 bribe reports a month (2026 Q1)"))
    );
    let outsider =
        crate::NewAssessment { id: id(), took_part: vec![stranger.id.clone()], ..assessed.clone() };
    assert!(matches!(
        s.add_assessment(&cso.id, &f.id, &outsider, ev("forum.assessment")).await,
        Err(StoreError::Conflict(field)) if field == "took_part"
    ));
    assert!(matches!(
        s.add_assessment(
            &stranger.id,
            &f.id,
            &crate::NewAssessment { id: id(), ..assessed.clone() },
            ev("x")
        )
        .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(s.list_assessments(&police.id, &f.id).await.unwrap(), vec![a]);
    assert!(matches!(s.list_assessments(&stranger.id, &f.id).await, Err(StoreError::NotFound)));

    // Joint plans link commitments of their own forum only.
    let planned = crate::NewPlan {
        id: id(),
        title: "Safer market plan".into(),
        adopted_on: held_on,
        goals: "Halve extortion reports by June.".into(),
        theory_of_change: "If patrols are joint and complaints are answered, traders report.".into(),
        commitments: vec![ok.id.clone()],
        by: chief.id.clone(),
    };
    let p = s.add_plan(&police.id, &f.id, &planned, ev("forum.plan")).await.unwrap();
    assert_eq!((p.commitments.clone(), p.recorded_org.as_str()), (vec![ok.id.clone()], police.id.as_str()));
    let foreign = crate::NewPlan { id: id(), commitments: vec![id()], ..planned.clone() };
    assert!(matches!(
        s.add_plan(&police.id, &f.id, &foreign, ev("forum.plan")).await,
        Err(StoreError::Conflict(field)) if field == "commitments"
    ));
    assert_eq!(s.list_plans(&cso.id, &f.id).await.unwrap(), vec![p]);
    assert!(matches!(s.list_plans(&stranger.id, &f.id).await, Err(StoreError::NotFound)));

    // Self-assessments: the organisation's own, read back by organisation and day.
    let sa = |on: NaiveDate, v: i64| crate::NewSelfAssessment {
        id: id(),
        assessed_on: on,
        conditions: tandem_domain::joint::Conditions::new([v, v, 5, v, 1]).unwrap(),
        note: Some("Board review".into()),
        by: amina.id.clone(),
    };
    let old = s
        .add_self_assessment(&cso.id, &sa(held_on - Duration::days(400), 2), ev("cso.conditions"))
        .await
        .unwrap();
    let new = s.add_self_assessment(&cso.id, &sa(held_on, 4), ev("cso.conditions")).await.unwrap();
    assert_eq!(
        (new.conditions.distinct, new.conditions.free, new.org_name.as_str()),
        (5, 1, "Kumba Women's Peace Network")
    );
    let orgs = vec![cso.id.to_string(), police.id.to_string()];
    assert_eq!(
        s.list_self_assessments(&orgs, held_on - Duration::days(500)).await.unwrap(),
        vec![new.clone(), old]
    );
    assert_eq!(s.list_self_assessments(&orgs, held_on - Duration::days(10)).await.unwrap(), vec![new]);
    assert!(s
        .list_self_assessments(&[stranger.id.to_string()], held_on - Duration::days(500))
        .await
        .unwrap()
        .is_empty());
    assert!(s.list_self_assessments(&[], held_on).await.unwrap().is_empty());
    assert!(s
        .reports_in(&cso.id, &["MR".into()], held_on - Duration::days(500), 10)
        .await
        .unwrap()
        .is_empty());
    assert!(s.answered_alerts_in(&cso.id, &[], held_on).await.unwrap().is_empty());
    assert!(s
        .answered_alerts_in(&cso.id, &["MR".into()], held_on - Duration::days(500))
        .await
        .unwrap()
        .is_empty());
}
