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
    ActSlug, DatePrecision, Ending, InstitutionKind, Involvement, LinkKind, Reliability, SourceInfo,
    SourceKind, SourceKnowledge, VictimGroup, Victims, VictimsState,
};
use tandem_domain::{Role, UserId};
use tandem_store::{NewReferral, NewViolation, Org, Store};

/// One kind of case the demo documents, as an observatory writes them: plain, no names.
struct Case {
    act: &'static str,
    text: &'static str,
    method: Option<&'static str>,
    group: VictimGroup,
    after: Option<VictimsState>,
    involvement: Involvement,
}

const fn case(
    act: &'static str,
    text: &'static str,
    method: Option<&'static str>,
    group: VictimGroup,
    after: Option<VictimsState>,
    involvement: Involvement,
) -> Case {
    Case { act, text, method, group, after, involvement }
}

use Involvement::*;
use VictimGroup::*;
const CASES: [Case; 8] = [
    case(
        "arbitrary_arrest",
        "Young men taken from the market during a sweep; held two nights without charge",
        Some("held without charge in the station's cell"),
        Individuals,
        Some(VictimsState::Released),
        Perpetrator,
    ),
    case(
        "arbitrary_arrest",
        "Motorbike taxi drivers detained at a checkpoint; released after their families paid",
        Some("detained at a checkpoint"),
        Individuals,
        Some(VictimsState::Released),
        Perpetrator,
    ),
    case(
        "excessive_force",
        "Tear gas and batons used on a peaceful gathering outside the sub-prefecture",
        Some("tear gas and batons"),
        Community,
        Some(VictimsState::Injured),
        Ordered,
    ),
    case(
        "extortion",
        "Traders made to pay at a roadblock to pass with their goods",
        Some("payment demanded at a roadblock"),
        Individuals,
        Some(VictimsState::Unharmed),
        Perpetrator,
    ),
    case(
        "torture_ill_treatment",
        "A detainee beaten during questioning; injuries seen by a nurse",
        Some("beaten during questioning"),
        Individuals,
        Some(VictimsState::StillDetained),
        Perpetrator,
    ),
    case(
        "destruction_of_property",
        "Houses burned during a search operation in the village",
        Some("houses set on fire"),
        Family,
        Some(VictimsState::Displaced),
        Complicit,
    ),
    case(
        "restriction_of_assembly",
        "A women's association's meeting dispersed; the hall locked",
        None,
        Organisation,
        None,
        Ordered,
    ),
    case(
        "threat_to_defender",
        "A monitor warned by phone to stop documenting arrests",
        Some("threats by phone"),
        Individuals,
        None,
        FailedToProtect,
    ),
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
    // The observatory's own reports, for violations to link to what was reported before them.
    let filter = tandem_store::ReportFilter { limit: 5_000, ..Default::default() };
    let reports = store.list_reports(&obs.id, &filter).await?;
    let mut earlier: Vec<(String, chrono::NaiveDate, String)> = vec![];
    for i in 0..240 {
        let case = &CASES[rng.gen_range(0..CASES.len())];
        let (act, text) = (case.act, case.text);
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
            involvement: case.involvement,
            method: case.method.map(str::to_owned),
            victims: Victims {
                total,
                women: Some(women),
                men: Some(total - women),
                group: case.group,
                status: case.after,
                ..Default::default()
            },
            description: text.into(),
            // Field monitors document most; coordinators some (then the admin is the second key).
            documented_by: Some(if i % 4 == 0 { coordinator.clone() } else { documenter.clone() }),
        };
        let ev = NewAuditEvent::new("violation.create")
            .org(&obs.id)
            .actor(new.documented_by.as_ref().unwrap_or(&documenter));
        let v = store.create_violation(&obs.id, &new, ev).await?;
        made += 1;
        link_demo(store, &obs.id, &v, &documenter, &reports, &earlier).await?;
        earlier.push((v.area.clone(), v.occurred_on, v.id.clone()));
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
/// Links a violation to the reports and the violations behind it: the first report filed in its
/// district in the week before it, and an earlier violation in its district within a fortnight
/// (the same sweep), when there are.
async fn link_demo(
    store: &dyn Store,
    org: &tandem_domain::OrgId,
    v: &tandem_store::Violation,
    by: &UserId,
    reports: &[tandem_store::Report],
    earlier: &[(String, chrono::NaiveDate, String)],
) -> anyhow::Result<()> {
    let day = v.occurred_on;
    let report = reports.iter().find(|r| {
        let on = r.occurred_at.date_naive();
        r.area == v.area && on <= day && on + Duration::days(7) >= day
    });
    let before = earlier
        .iter()
        .rev()
        .find(|(area, on, _)| *area == v.area && *on <= day && *on + Duration::days(14) >= day);
    let links = report
        .map(|r| (LinkKind::Report, &r.id))
        .into_iter()
        .chain(before.map(|b| (LinkKind::Violation, &b.2)));
    for (kind, target) in links {
        let ev = NewAuditEvent::new("violation.link").org(org).actor(by);
        store.link_violation(org, &v.id, kind, target, by, ev).await?;
    }
    Ok(())
}

/// After the alert run: each of the observatory's early-warning alerts (not those its
/// violations opened) is linked from the violations documented in its area and week.
pub async fn link_alerts(store: &dyn Store, orgs: &[Org]) -> anyhow::Result<usize> {
    let Some(obs) = orgs.iter().find(|o| o.name == "Lakeside Human Rights Observatory") else { return Ok(0) };
    let alerts =
        store.list_alerts(&obs.id, &tandem_store::AlertFilter { limit: 500, ..Default::default() }).await?;
    let filter = tandem_store::ViolationFilter { limit: 1_000, ..Default::default() };
    let violations = store.list_violations(&obs.id, &filter).await?;
    let mut n = 0;
    for a in alerts.iter().filter(|a| !a.category.starts_with("violation:")) {
        let monday = a.week.monday();
        for v in violations.iter().filter(|v| {
            v.area == a.area && v.occurred_on >= monday && v.occurred_on < monday + Duration::days(7)
        }) {
            let by = UserId::parse(v.documented_by.as_deref().unwrap_or_default()).ok();
            let Some(by) = by else { continue };
            let ev = NewAuditEvent::new("violation.link").org(&obs.id).actor(&by);
            store.link_violation(&obs.id, &v.id, LinkKind::Alert, &a.id, &by, ev).await?;
            n += 1;
        }
    }
    Ok(n)
}

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
