//! The demo's joint monitoring. A perception survey: two rounds by the women's network in Kumba
//! and Port Amsel districts, nine months and two months ago, each a KoboToolbox export
//! (semicolons, group prefixes, decimal-comma weights) imported as a coordinator would; trust in
//! the police rises between the rounds, more among women than men, after a year of the
//! community–police forum. Scorecards: the women's network keeps (and publishes) one for the
//! police station, with trust among women from both rounds, the forum commitments the station
//! kept and its answers to the alerts the network handed it; the human-rights observatory keeps
//! one each for the police station and the brigade, from the violations it verified and
//! referred to them, so the two units can be compared.
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::scorecard::{Computed, Direction, Frequency, Measure};
use tandem_domain::{OrgId, Role};
use tandem_store::{
    AlertFilter, NewIndicator, NewMeasurement, NewResponse, NewScorecard, NewSurvey, Org, Store,
};

/// The questions of the round served on phones: the exports' columns, asked.
const THIRD_ROUND: &str = "\
district | District | kumba=Kumba, port_amsel=Port Amsel
village | Village | Kumba-Market=Kumba market, Kumba-Riverside=Kumba riverside, Kumba-Hill=Kumba hill, Ndola=Ndola, Port-Docks=Port docks, Port-Old-Town=Port old town, Sela=Sela, Marsh-Road=Marsh road
gender | Are you a woman or a man? | female=Woman, male=Man
age_band | How old are you? | 18_24=18 to 24, 25_34=25 to 34, 35_49=35 to 49, 50_plus=50 or older
trust_police | Do you trust the police to protect you and your family? | yes=Yes, no=No
feel_safe_at_night | Do you feel safe walking in your area at night? | yes=Yes, no=No
weight | | = 1
";

/// Respondents per round.
const RESPONDENTS: usize = 480;

/// A round's export: eight villages in two districts (the strata), each drawn as a cluster,
/// with weights for the villages' unequal sizes.
fn export(rng: &mut StdRng, round: u32, women_trust: f64, men_trust: f64) -> String {
    let mut out = String::from(
        "start;end;_uuid;respondent/district;respondent/village;respondent/gender;respondent/age_band;\
         police/trust_police;police/feel_safe_at_night;weight\n",
    );
    let villages = [
        ("kumba", "Kumba-Market", 1.4),
        ("kumba", "Kumba-Riverside", 0.9),
        ("kumba", "Kumba-Hill", 1.1),
        ("kumba", "Ndola", 0.7),
        ("port_amsel", "Port-Docks", 1.6),
        ("port_amsel", "Port-Old-Town", 1.2),
        ("port_amsel", "Sela", 0.8),
        ("port_amsel", "Marsh-Road", 0.6),
    ];
    let ages = ["18_24", "25_34", "35_49", "50_plus"];
    for i in 0..RESPONDENTS {
        let (district, village, size) = villages[i % villages.len()];
        let female = rng.gen_bool(0.55);
        let age = ages[rng.gen_range(0..ages.len())];
        // Villages differ: the clustering that widens the intervals.
        let village_shift = ((i % villages.len()) as f64 - 3.5) * 0.025;
        let p = (if female { women_trust } else { men_trust }) + village_shift;
        let trust = match rng.gen_range(0.0..1.0) {
            u if u < 0.04 => "",
            _ if rng.gen_bool(p.clamp(0.02, 0.98)) => "yes",
            _ => "no",
        };
        let safe = if rng.gen_bool(if female { 0.4 } else { 0.6 }) { "yes" } else { "no" };
        let weight = format!("{:.3}", size * rng.gen_range(0.8..1.25)).replace('.', ",");
        out.push_str(&format!(
            "2026-01-01;2026-01-01;demo-r{round}-{i};{district};{village};{};{age};{trust};{safe};{weight}\n",
            if female { "female" } else { "male" }
        ));
    }
    out
}

pub async fn populate(store: &dyn Store, rng: &mut StdRng, orgs: &[Org]) -> anyhow::Result<()> {
    let Some(kwpn) = orgs.first() else { anyhow::bail!("the demo needs its organisations") };
    let by = store
        .list_members(&kwpn.id)
        .await?
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .map(|m| m.user_id)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", kwpn.name))?;
    let today = Utc::now().date_naive();
    let mut rounds = vec![];
    for (round, months_ago, women, men) in [(1, 9, 0.36, 0.52), (2, 2, 0.50, 0.56)] {
        let new = NewSurvey {
            id: OrgId::new().to_string(),
            title: format!("Trust in the police, round {round}"),
            weight: "weight".into(),
            strata: Some("district".into()),
            cluster: Some("village".into()),
            fielded_on: Some(today - Duration::days(30 * months_ago)),
            questionnaire: None,
            by: by.clone(),
        };
        let ev = NewAuditEvent::new("survey.create").org(&kwpn.id).actor(&by).subject(&new.id);
        let s = store.create_survey(&kwpn.id, &new, ev).await?;
        let file = export(rng, round, women, men);
        tandem_web::monitoring::surveys::import(store, &kwpn.id, Some(&by), &s.id, file.as_bytes())
            .await
            .map_err(|e| anyhow::anyhow!("demo survey: {e}"))?;
        rounds.push(s);
    }
    // The third round is in the field now, on the field teams' phones: Tandem serves its
    // questions as an XForm, and the answers land in the same columns as the rounds before.
    let third = tandem_web::monitoring::surveys::parse(
        &tandem_web::monitoring::surveys::SurveyInput {
            title: "Trust in the police, round 3 (on phones)".into(),
            weight: "weight".into(),
            strata: Some("district".into()),
            cluster: Some("village".into()),
            fielded_on: None,
            questionnaire: Some(THIRD_ROUND.into()),
        },
        &by,
    )
    .map_err(|e| anyhow::anyhow!("demo questionnaire: {e}"))?;
    let ev = NewAuditEvent::new("survey.create").org(&kwpn.id).actor(&by).subject(&third.id);
    store.create_survey(&kwpn.id, &third, ev).await?;
    scorecards(store, orgs, &by, &rounds).await
}

fn ev(action: &str, org: &Org, by: &tandem_domain::UserId) -> NewAuditEvent {
    NewAuditEvent::new(action).org(&org.id).actor(by).detail(serde_json::json!({ "via": "demo" }))
}

fn computed(kind: Computed, name: &str, target: Option<f64>) -> NewIndicator {
    let (measure, direction) = kind.shape();
    NewIndicator {
        id: OrgId::new().to_string(),
        name: name.into(),
        definition: "Computed by Tandem each quarter from the organisation's own records about the unit."
            .into(),
        measure,
        direction,
        disaggregation: None,
        baseline: None,
        target,
        frequency: Frequency::Quarterly,
        computed: Some(kind),
    }
}

async fn org_named<'a>(orgs: &'a [Org], name: &str) -> anyhow::Result<&'a Org> {
    orgs.iter().find(|o| o.name == name).ok_or_else(|| anyhow::anyhow!("the demo needs {name}"))
}

async fn coordinator(store: &dyn Store, org: &Org) -> anyhow::Result<tandem_domain::UserId> {
    store
        .list_members(&org.id)
        .await?
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .map(|m| m.user_id)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", org.name))
}

async fn scorecards(
    store: &dyn Store,
    orgs: &[Org],
    by: &tandem_domain::UserId,
    rounds: &[tandem_store::Survey],
) -> anyhow::Result<()> {
    let kwpn = &orgs[0];
    let police = org_named(orgs, "Kumba Central Police Station").await?;
    let brigade = org_named(orgs, "3rd Brigade Civil-Military Affairs Unit").await?;
    let observatory = org_named(orgs, "Lakeside Human Rights Observatory").await?;

    // The network hands the station five more open alerts; the station answers four of them.
    let chief = coordinator(store, police).await?;
    let open = store
        .list_alerts(&kwpn.id, &AlertFilter { status: Some("open".into()), limit: 50, ..Default::default() })
        .await?;
    let mut handed = 0;
    for alert in open.iter().filter(|a| a.assigned_org_id.is_none()).take(5) {
        store
            .assign_alert(
                &kwpn.id,
                &alert.id,
                &police.id,
                Utc::now() + Duration::hours(48),
                ev("alert.assign", kwpn, by),
            )
            .await?;
        handed += 1;
        if handed < 5 {
            let response = NewResponse {
                responder_org: police.id.clone(),
                responder_user: chief.clone(),
                action: "Patrol sent to the place named in the alert".into(),
                outcome: "Officers spoke with residents; no further incident".into(),
                responded_at: Utc::now(),
            };
            store.add_response(&kwpn.id, &alert.id, &response, ev("alert.respond", kwpn, &chief)).await?;
        }
    }

    let card = NewScorecard {
        id: OrgId::new().to_string(),
        unit_org: police.id.clone(),
        area: "MR01".into(),
        by: by.clone(),
    };
    let card = store.create_scorecard(&kwpn.id, &card, ev("scorecard.create", kwpn, by)).await?;
    let trust = NewIndicator {
        id: OrgId::new().to_string(),
        name: "Women who trust the police".into(),
        definition:
            "Share of women answering yes to: do you trust the police to protect you? (perception survey)"
                .into(),
        measure: Measure::Percent,
        direction: Direction::Up,
        disaggregation: Some("gender".into()),
        baseline: Some(36.0),
        target: Some(50.0),
        frequency: Frequency::TwiceAYear,
        computed: None,
    };
    let trust = store.add_indicator(&kwpn.id, &card.id, &trust, ev("indicator.create", kwpn, by)).await?;
    for survey in rounds {
        let q = tandem_web::monitoring::surveys::Question {
            question: "trust_police".into(),
            value: "yes".into(),
            by: Some("gender".into()),
            method: None,
        };
        let est = tandem_web::monitoring::surveys::estimate(store, &kwpn.id, &survey.id, &q)
            .await
            .map_err(|e| anyhow::anyhow!("demo estimate: {e}"))?;
        let Some(women) = est.estimates.iter().find(|e| e.group == "female") else { continue };
        let m = NewMeasurement {
            id: OrgId::new().to_string(),
            measured_on: survey.fielded_on.unwrap_or_else(|| Utc::now().date_naive()),
            value: 100.0 * women.proportion,
            ci_low: women.ci_low.map(|v| 100.0 * v),
            ci_high: women.ci_high.map(|v| 100.0 * v),
            source: survey.title.clone(),
            evidence: Some(
                "Weighted share among women, with its 95% interval, from the survey's page".into(),
            ),
            survey_id: Some(survey.id.clone()),
            by: by.clone(),
        };
        store.add_measurement(&kwpn.id, &trust.id, &m, ev("measurement.add", kwpn, by)).await?;
    }
    for (kind, name, target) in [
        (Computed::CommitmentsKeptOnTime, "Forum commitments kept on time", Some(80.0)),
        (Computed::AlertResponseMedianHours, "Hours to answer an alert (median)", Some(24.0)),
        (Computed::AlertsAnsweredBeforeDue, "Alerts answered before their due time", Some(90.0)),
    ] {
        store
            .add_indicator(
                &kwpn.id,
                &card.id,
                &computed(kind, name, target),
                ev("indicator.create", kwpn, by),
            )
            .await?;
    }
    store.publish_scorecard(&kwpn.id, &card.id, true, ev("scorecard.publish", kwpn, by)).await?;

    // The observatory watches both units, from what it verified and referred.
    let obs_by = coordinator(store, observatory).await?;
    for unit in [police, brigade] {
        let card = NewScorecard {
            id: OrgId::new().to_string(),
            unit_org: unit.id.clone(),
            area: "MR".into(),
            by: obs_by.clone(),
        };
        let card = store
            .create_scorecard(&observatory.id, &card, ev("scorecard.create", observatory, &obs_by))
            .await?;
        for (kind, name, target) in [
            (Computed::VerifiedViolations, "Verified violations naming the unit", None),
            (Computed::ReferralsAnswered, "Referrals answered", Some(90.0)),
        ] {
            store
                .add_indicator(
                    &observatory.id,
                    &card.id,
                    &computed(kind, name, target),
                    ev("indicator.create", observatory, &obs_by),
                )
                .await?;
        }
    }
    Ok(())
}
