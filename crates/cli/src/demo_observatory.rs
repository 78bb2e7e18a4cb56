//! The demo's human-rights observatory: a year of violations documented by Lakeside Human
//! Rights Observatory, most verified by a second coordinator, some referred to the police
//! station and the brigade, answered, remedied or closed, a few referrals overdue.
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;
use tandem_domain::area::PCode;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::violation::{
    ActSlug, DatePrecision, Ending, InstitutionKind, Reliability, SourceInfo, SourceKind, SourceKnowledge,
    Victims,
};
use tandem_domain::{Role, UserId};
use tandem_store::{NewReferral, NewViolation, Org, Store};

/// (act, what happened): plain, no names, as an observatory writes them.
const CASES: [(&str, &str); 8] = [
    ("arbitrary_arrest", "Young men taken from the market during a sweep; held two nights without charge"),
    (
        "arbitrary_arrest",
        "Motorbike taxi drivers detained at a checkpoint; released after their families paid",
    ),
    ("excessive_force", "Tear gas and batons used on a peaceful gathering outside the sub-prefecture"),
    ("extortion", "Traders made to pay at a roadblock to pass with their goods"),
    ("torture_ill_treatment", "A detainee beaten during questioning; injuries seen by a nurse"),
    ("destruction_of_property", "Houses burned during a search operation in the village"),
    ("restriction_of_assembly", "A women's association's meeting dispersed; the hall locked"),
    ("threat_to_defender", "A monitor warned by phone to stop documenting arrests"),
];

/// Whom the cases involve, by the demo organisation's name when it is on Tandem.
const INSTITUTIONS: [(&str, InstitutionKind, Option<&str>); 3] = [
    ("Kumba Central Police Station", InstitutionKind::Police, Some("Night patrol")),
    ("3rd Brigade Civil-Military Affairs Unit", InstitutionKind::Military, None),
    ("Port Amsel Municipality", InstitutionKind::LocalAuthority, None),
];

pub async fn populate(store: &dyn Store, rng: &mut StdRng, orgs: &[Org]) -> anyhow::Result<usize> {
    let Some(obs) = orgs.iter().find(|o| o.name == "Lakeside Human Rights Observatory") else { return Ok(0) };
    let members = store.list_members(&obs.id).await?;
    let by = |role: Role| members.iter().find(|m| m.role == role).map(|m| m.user_id.clone());
    let (Some(documenter), Some(coordinator), Some(admin)) =
        (by(Role::Member), by(Role::Coordinator), by(Role::Admin))
    else {
        return Ok(0);
    };
    protocol_reviews(store, orgs).await?;
    let districts = crate::demo_ew::admin2_codes();
    let now = Utc::now();
    let mut made = 0;
    for i in 0..240 {
        let (act, text) = CASES[rng.gen_range(0..CASES.len())];
        let (institution, kind, unit) = INSTITUTIONS[rng.gen_range(0..INSTITUTIONS.len())];
        let days_ago = rng.gen_range(3..360);
        let total = rng.gen_range(1..=6);
        let women = rng.gen_range(0..=total);
        let source = SourceInfo {
            kind: Some([SourceKind::Victim, SourceKind::Witness, SourceKind::Relative][i % 3]),
            knowledge: Some(if i % 3 == 2 { SourceKnowledge::Hearsay } else { SourceKnowledge::Direct }),
            reliability: Some(if i % 5 == 0 { Reliability::Unknown } else { Reliability::UsuallyReliable }),
        };
        let new = NewViolation {
            id: tandem_domain::OrgId::new().to_string(),
            // Demo cases name nobody, so nothing is sealed.
            victim_names: None,
            source,
            source_identity: None,
            area: PCode::parse(districts.choose(rng).map(String::as_str).unwrap_or("MR0101"))?,
            occurred_on: (now - Duration::days(days_ago)).date_naive(),
            date_precision: if i % 7 == 0 { DatePrecision::Month } else { DatePrecision::Exact },
            act: ActSlug::parse(act)?,
            institution: institution.into(),
            institution_kind: kind,
            unit: unit.map(str::to_owned),
            // The monitors threatened work for the observatory or the women's network.
            targeted_org: (act == "threat_to_defender").then(|| {
                ["Lakeside Human Rights Observatory", "Kumba Women's Peace Network"][i % 2].to_owned()
            }),
            victims: Victims { total, women: Some(women), men: Some(total - women), girls: None, boys: None },
            description: text.into(),
            // Field monitors document most; coordinators some (then the admin is the second key).
            documented_by: Some(if i % 4 == 0 { coordinator.clone() } else { documenter.clone() }),
        };
        let ev = NewAuditEvent::new("violation.create")
            .org(&obs.id)
            .actor(new.documented_by.as_ref().unwrap_or(&documenter));
        let v = store.create_violation(&obs.id, &new, ev).await?;
        made += 1;
        // The newest wait for their second key.
        if days_ago < 20 {
            continue;
        }
        let verifier: &UserId = if i % 4 == 0 { &admin } else { &coordinator };
        let at = now - Duration::days(days_ago - 5);
        let ev = NewAuditEvent::new("violation.verify").org(&obs.id).actor(verifier);
        store.verify_violation(&obs.id, &v.id, verifier, at, ev).await?;
        if rng.gen_bool(0.3) {
            continue;
        }
        let to_org = orgs.iter().find(|o| o.name == institution).map(|o| o.id.clone());
        let referral = NewReferral {
            to_org,
            to: institution.into(),
            ask: "Investigate, say what was done, and release anyone still held without charge".into(),
            due_on: (now - Duration::days(days_ago - 35)).date_naive(),
            by: coordinator.clone(),
        };
        let ev = NewAuditEvent::new("violation.refer").org(&obs.id).actor(&coordinator);
        store.refer_violation(&obs.id, &v.id, &referral, now - Duration::days(days_ago - 7), ev).await?;
        // Older referrals are mostly answered; some stay overdue.
        if days_ago < 60 || rng.gen_bool(0.25) {
            continue;
        }
        let answer = [
            "The officers involved were questioned; two were moved to desk duty",
            "Released the next morning; an inquiry is open",
            "The unit denies the events; a joint visit is proposed",
        ]
        .choose(rng)
        .copied()
        .unwrap_or("An inquiry is open");
        let ev = NewAuditEvent::new("violation.respond").org(&obs.id).actor(&coordinator);
        store
            .record_violation_response(
                &obs.id,
                &v.id,
                answer,
                &coordinator,
                now - Duration::days(days_ago - 30),
                ev,
            )
            .await?;
        let ending = if rng.gen_bool(0.6) { Ending::Remedied } else { Ending::Closed };
        let ev = NewAuditEvent::new("violation.end").org(&obs.id).actor(&coordinator);
        store
            .end_violation(&obs.id, &v.id, ending, &coordinator, now - Duration::days(days_ago - 40), ev)
            .await?;
    }
    Ok(made)
}

/// Protection protocol reviews: the women's network reviewed its protocol two months ago; the
/// observatory's review is three weeks late, so its admins see it on their home page.
async fn protocol_reviews(store: &dyn Store, orgs: &[Org]) -> anyhow::Result<()> {
    use tandem_domain::protocol::Review;
    let today = Utc::now().date_naive();
    for (name, reviewed_days_ago, next_in_days) in
        [("Kumba Women's Peace Network", 60, 120), ("Lakeside Human Rights Observatory", 200, -21)]
    {
        let Some(org) = orgs.iter().find(|o| o.name == name) else { continue };
        let members = store.list_members(&org.id).await?;
        let Some(admin) = members.iter().find(|m| m.role == Role::Admin) else { continue };
        let review = Review {
            reviewed_on: today - Duration::days(reviewed_days_ago),
            next_review_on: today + Duration::days(next_in_days),
        };
        let ev = NewAuditEvent::new("protocol.review").org(&org.id).actor(&admin.user_id);
        store.record_protocol_review(&org.id, review, &admin.user_id, ev).await?;
    }
    Ok(())
}
