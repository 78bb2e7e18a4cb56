//! The demo's perception survey: two rounds by the women's network in Kumba and Port Amsel
//! districts, nine months and two months ago, each a KoboToolbox export (semicolons, group
//! prefixes, decimal-comma weights) imported as a coordinator would. Trust in the police rises
//! between the rounds, more among women than men, after a year of the community–police forum.
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{OrgId, Role};
use tandem_store::{NewSurvey, Org, Store};

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
    for (round, months_ago, women, men) in [(1, 9, 0.36, 0.52), (2, 2, 0.50, 0.56)] {
        let new = NewSurvey {
            id: OrgId::new().to_string(),
            title: format!("Trust in the police, round {round}"),
            weight: "weight".into(),
            strata: Some("district".into()),
            cluster: Some("village".into()),
            fielded_on: Some(today - Duration::days(30 * months_ago)),
            by: by.clone(),
        };
        let ev = NewAuditEvent::new("survey.create").org(&kwpn.id).actor(&by).subject(&new.id);
        let s = store.create_survey(&kwpn.id, &new, ev).await?;
        let file = export(rng, round, women, men);
        tandem_web::monitoring::surveys::import(store, &kwpn.id, Some(&by), &s.id, file.as_bytes())
            .await
            .map_err(|e| anyhow::anyhow!("demo survey: {e}"))?;
    }
    Ok(())
}
