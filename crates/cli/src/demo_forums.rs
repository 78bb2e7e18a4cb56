//! The demo's forums: the women's network's community–police forum in Kumba (monthly, a year of
//! meetings) and Port Amsel's district security committee (quarterly), with commitments kept on
//! time, kept late, still open past their day, and dropped; a joint analysis and plan in Kumba and
//! the CSOs' self-assessments, so the wheel has all five activities there.
use chrono::{Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::forum::{AgeBand, Cadence, CommitmentStatus, ForumKind, Gender, Participants};
use tandem_domain::joint::{Conditions, CsoRole, PoliceEthos};
use tandem_domain::training::{ScorePair, Trainees};
use tandem_domain::{OrgId, OrgKind, Role, UserId};
use tandem_store::{
    CommitmentFilter, CommitmentStep, NewAssessment, NewCommitment, NewForum, NewMeeting, NewPlan,
    NewSelfAssessment, NewTraining, Org, Store,
};

async fn coordinator(store: &dyn Store, org: &Org) -> anyhow::Result<UserId> {
    store
        .list_members(&org.id)
        .await?
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .map(|m| m.user_id)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", org.name))
}

fn ev(action: &str) -> NewAuditEvent {
    NewAuditEvent::new(action).detail(serde_json::json!({ "via": "demo" }))
}

/// A meeting's attendance: civil society (mostly women, many young), the security service and
/// the local authority, with a little noise.
fn attendance(rng: &mut StdRng, security: bool) -> Vec<Participants> {
    let line = |org_kind, gender, age_band, count| Participants { org_kind, gender, age_band, count };
    let mut out = vec![
        line(OrgKind::CivilSociety, Gender::Female, AgeBand::From18To24, rng.gen_range(3..9)),
        line(OrgKind::CivilSociety, Gender::Female, AgeBand::From35To49, rng.gen_range(2..6)),
        line(OrgKind::CivilSociety, Gender::Male, AgeBand::From18To24, rng.gen_range(1..5)),
        line(OrgKind::Government, Gender::Male, AgeBand::From35To49, rng.gen_range(1..3)),
    ];
    if security {
        out.push(line(OrgKind::Security, Gender::Male, AgeBand::From35To49, rng.gen_range(2..5)));
        out.push(line(OrgKind::Security, Gender::Female, AgeBand::From25To34, 1));
    }
    out
}

/// How a demo commitment turned out: done `n` days before (negative: after) its due day and
/// confirmed, done but not confirmed, still open, or dropped.
#[derive(Clone, Copy)]
enum Fate {
    Kept(i64),
    Unconfirmed,
    Open,
    Dropped,
}

struct Plan<'a> {
    owner: &'a Org,
    text: &'a str,
    /// Days after the meeting it is due.
    due_in: i64,
    fate: Fate,
}

#[allow(clippy::too_many_arguments)]
async fn commitments(
    store: &dyn Store,
    forum: &str,
    meeting: &str,
    held_on: NaiveDate,
    recorder: (&Org, &UserId),
    confirmers: [(&Org, &UserId); 2],
    plans: &[Plan<'_>],
) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    for p in plans {
        let due_on = held_on + Duration::days(p.due_in);
        let id = OrgId::new().to_string();
        let new = NewCommitment {
            id: id.clone(),
            forum: forum.to_owned(),
            meeting: Some(meeting.to_owned()),
            owner: p.owner.id.clone(),
            text: p.text.to_owned(),
            due_on,
            by: recorder.1.clone(),
        };
        store.create_commitment(&recorder.0.id, &new, ev("commitment.create")).await?;
        let by = coordinator(store, p.owner).await?;
        let step = |to, evidence: Option<&str>, on: NaiveDate| CommitmentStep {
            to,
            evidence: evidence.map(str::to_owned),
            link: None,
            by: by.clone(),
            at: on.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc(),
        };
        match p.fate {
            Fate::Kept(early) => {
                let on = (due_on - Duration::days(early)).min(today);
                let s = step(
                    CommitmentStatus::Done,
                    Some("Done; the photos and the letter are in the minutes."),
                    on,
                );
                store.step_commitment(&p.owner.id, &id, &s, ev("commitment.step")).await?;
                let at =
                    (on + Duration::days(3)).min(today).and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
                // Another member organisation confirms: never the owner.
                let (org, user) =
                    confirmers.into_iter().find(|(o, _)| o.id != p.owner.id).unwrap_or(confirmers[0]);
                store.confirm_commitment(&org.id, &id, user, at, ev("commitment.confirm")).await?;
            }
            Fate::Unconfirmed => {
                let on = due_on.min(today);
                let s = step(CommitmentStatus::Done, Some("Reported done at the last meeting."), on);
                store.step_commitment(&p.owner.id, &id, &s, ev("commitment.step")).await?;
            }
            Fate::Open => {
                let s = step(CommitmentStatus::InProgress, None, (held_on + Duration::days(7)).min(today));
                store.step_commitment(&p.owner.id, &id, &s, ev("commitment.step")).await?;
            }
            Fate::Dropped => {
                let s = step(
                    CommitmentStatus::Dropped,
                    Some("No budget this year; raised again with the ministry."),
                    due_on.min(today),
                );
                store.step_commitment(&p.owner.id, &id, &s, ev("commitment.step")).await?;
            }
        }
    }
    Ok(())
}

/// `orgs` in the demo's order (see `demo::ORGS`).
pub async fn populate(store: &dyn Store, rng: &mut StdRng, orgs: &[Org]) -> anyhow::Result<()> {
    let [kwpn, youth, faith, observatory, police, brigade, municipality, ..] = orgs else {
        anyhow::bail!("the demo needs its organisations");
    };
    let today = Utc::now().date_naive();
    let kwpn_by = coordinator(store, kwpn).await?;
    let town_by = coordinator(store, municipality).await?;
    let youth_by = coordinator(store, youth).await?;

    // The women's network convenes the police, the municipality and the youth group monthly.
    let forum = NewForum {
        id: OrgId::new().to_string(),
        name: "Kumba community–police forum".into(),
        area: "MR0101".into(),
        kind: ForumKind::CommunityPolice,
        cadence: Cadence::Monthly,
        terms: Some(
            "Meets on the second Thursday of each month at the market hall. Open to residents; \
             the police station and the municipality send a decision-maker. Minutes are shared \
             with members within a week; commitments are followed up at the next meeting."
                .into(),
        ),
        members: vec![police.id.clone(), municipality.id.clone(), youth.id.clone()],
    };
    store.create_forum(&kwpn.id, &forum, ev("forum.create")).await?;
    let agendas = [
        "Street lighting on the market road",
        "Night patrols and harassment at the bus park",
        "How the police receive reports from women",
        "Young men stopped without reason",
        "Follow-up of last month's commitments",
        "Safe routes to school",
    ];
    let mut meetings = vec![];
    for m in 0..12 {
        let held_on = today - Duration::days(30 * (12 - m) + rng.gen_range(0..5));
        let new = NewMeeting {
            id: OrgId::new().to_string(),
            held_on,
            agenda: Some(agendas[m as usize % agendas.len()].into()),
            minutes: Some(format!(
                "Chaired by the women's network. Discussed: {}. Commitments recorded below.",
                agendas[m as usize % agendas.len()].to_lowercase()
            )),
            participants: attendance(rng, true),
            by: kwpn_by.clone(),
        };
        store.add_meeting(&kwpn.id, &forum.id, &new, ev("forum.meeting")).await?;
        meetings.push((new.id, held_on));
    }
    let plan = |owner, text, due_in, fate| Plan { owner, text, due_in, fate };
    let batches: [(usize, Vec<Plan<'_>>); 4] = [
        (
            1,
            vec![
                plan(municipality, "Repair the twelve street lights on the market road", 45, Fate::Kept(5)),
                plan(police, "Post a patrol at the bus park on market nights", 30, Fate::Kept(10)),
            ],
        ),
        (
            4,
            vec![
                plan(police, "Name a woman officer to receive harassment reports", 30, Fate::Kept(-20)),
                plan(kwpn, "Hold two listening sessions with market women", 40, Fate::Kept(2)),
                plan(municipality, "Clear the bushes on the path to the river", 30, Fate::Dropped),
            ],
        ),
        (
            7,
            vec![
                plan(police, "Stop searches of young men without a written reason", 60, Fate::Open),
                plan(youth, "Bring ten young people to the next meeting", 30, Fate::Kept(0)),
            ],
        ),
        (
            10,
            vec![
                plan(police, "Report back on the complaints about the checkpoint", 45, Fate::Open),
                plan(municipality, "Put a light at the school gate", 30, Fate::Unconfirmed),
                plan(police, "Meet the school's parents' association", 90, Fate::Open),
            ],
        ),
    ];
    for (i, plans) in batches {
        let (meeting, held_on) = &meetings[i];
        let confirmers = [(kwpn, &kwpn_by), (youth, &youth_by)];
        commitments(store, &forum.id, meeting, *held_on, (kwpn, &kwpn_by), confirmers, &plans).await?;
    }

    // Two joint trainings in Kumba, with the participants' self-assessments before and after.
    let scores = |rng: &mut StdRng, n: usize, gain: f64| -> Vec<ScorePair> {
        (0..n)
            .map(|_| {
                let before = f64::from(rng.gen_range(2..7u8));
                ScorePair {
                    before,
                    after: (before + gain + f64::from(rng.gen_range(0..3u8)) - 1.0).clamp(0.0, 10.0),
                }
            })
            .collect()
    };
    let trainee = |org_kind, gender, count| Trainees { org_kind, gender, count };
    for (topic, trainer, days_ago, people, gain) in [
        (
            "Receiving reports from women survivors",
            kwpn,
            200,
            vec![trainee(OrgKind::Security, Gender::Male, 14), trainee(OrgKind::Security, Gender::Female, 4)],
            2.5,
        ),
        (
            "Early warning for young community monitors",
            observatory,
            90,
            vec![
                trainee(OrgKind::CivilSociety, Gender::Female, 9),
                trainee(OrgKind::CivilSociety, Gender::Male, 7),
            ],
            1.5,
        ),
    ] {
        let n = people.iter().map(|p| p.count as usize).sum::<usize>() - 2;
        let new = NewTraining {
            id: OrgId::new().to_string(),
            topic: topic.into(),
            held_on: today - Duration::days(days_ago),
            trainer_org: trainer.id.clone(),
            participants: people,
            scores: scores(rng, n, gain),
            by: kwpn_by.clone(),
        };
        store.add_training(&kwpn.id, &forum.id, &new, ev("forum.training")).await?;
    }

    // A joint conflict analysis before the plan, the plan carrying two commitments, and the
    // two CSOs' own view of their operating conditions: the Kumba wheel's last three parts.
    let analysis = NewAssessment {
        id: OrgId::new().to_string(),
        title: "Joint conflict analysis of the market district".into(),
        held_on: today - Duration::days(210),
        drivers: "Harassment of women traders at night; young men stopped without reason; \
                  unlit roads between the market and the bus park."
            .into(),
        actors: Some("Traders' association, moto-taxi riders, the police station, the municipality.".into()),
        risks: Some("Clashes between riders and the police after arrests at the bus park.".into()),
        police_ethos: Some(PoliceEthos::Mixed),
        police_conduct: Some("Traders report small payments demanded at the bus park checkpoint.".into()),
        baseline: Some(
            "14 harassment reports a month at the market (last quarter); 3 of 10 women feel safe at night."
                .into(),
        ),
        cso_role: Some(CsoRole::Collaborator),
        context: None,
        took_part: vec![kwpn.id.clone(), police.id.clone(), municipality.id.clone(), youth.id.clone()],
        by: kwpn_by.clone(),
    };
    store.add_assessment(&kwpn.id, &forum.id, &analysis, ev("forum.assessment")).await?;
    let agreed = store
        .list_commitments(
            &kwpn.id,
            &CommitmentFilter { forum: Some(forum.id.clone()), limit: 100, ..Default::default() },
        )
        .await?;
    let joint_plan = NewPlan {
        id: OrgId::new().to_string(),
        title: "Safer market nights".into(),
        adopted_on: today - Duration::days(180),
        goals: "Halve harassment reports at the market within a year; every woman trader knows how to report.".into(),
        theory_of_change: "If the roads are lit, patrols are joint and reports are answered, women will trade and report at night.".into(),
        commitments: agreed.iter().take(2).map(|c| c.id.clone()).collect(),
        by: kwpn_by.clone(),
    };
    store.add_plan(&kwpn.id, &forum.id, &joint_plan, ev("forum.plan")).await?;
    for (org, by, days, scores) in
        [(kwpn, &kwpn_by, 120, [4, 4, 5, 3, 3]), (youth, &youth_by, 60, [2, 3, 4, 3, 2])]
    {
        let new = NewSelfAssessment {
            id: OrgId::new().to_string(),
            assessed_on: today - Duration::days(days),
            conditions: Conditions::new(scores)?,
            note: Some("Reviewed by the board.".into()),
            by: by.clone(),
        };
        store.add_self_assessment(&org.id, &new, ev("cso.conditions")).await?;
    }

    // Port Amsel's district security committee: the municipality convenes, quarterly.
    let committee = NewForum {
        id: OrgId::new().to_string(),
        name: "Port Amsel district security committee".into(),
        area: "MR0102".into(),
        kind: ForumKind::SecurityCommittee,
        cadence: Cadence::Quarterly,
        terms: Some("The municipality, the brigade's civil-military affairs unit and civil society review the district's security every quarter.".into()),
        members: vec![brigade.id.clone(), observatory.id.clone(), faith.id.clone()],
    };
    store.create_forum(&municipality.id, &committee, ev("forum.create")).await?;
    let mut held = vec![];
    for q in 0..4 {
        let held_on = today - Duration::days(91 * (4 - q) - rng.gen_range(0..10));
        let new = NewMeeting {
            id: OrgId::new().to_string(),
            held_on,
            agenda: Some("The quarter's incidents and the brigade's checkpoints".into()),
            minutes: Some(
                "The observatory presented the quarter's verified violations; the brigade answered.".into(),
            ),
            participants: attendance(rng, q != 2),
            by: town_by.clone(),
        };
        store.add_meeting(&municipality.id, &committee.id, &new, ev("forum.meeting")).await?;
        held.push((new.id, held_on));
    }
    let obs_by = coordinator(store, observatory).await?;
    let plans = [
        plan(brigade, "Publish the list of checkpoints and their opening hours", 60, Fate::Kept(12)),
        plan(brigade, "Answer the observatory's referrals within 30 days", 90, Fate::Kept(-15)),
        plan(municipality, "Fund a hotline for families, outside the police", 120, Fate::Open),
    ];
    let (meeting, held_on) = &held[0];
    commitments(
        store,
        &committee.id,
        meeting,
        *held_on,
        (municipality, &town_by),
        [(observatory, &obs_by), (municipality, &town_by)],
        &plans,
    )
    .await?;
    Ok(())
}
