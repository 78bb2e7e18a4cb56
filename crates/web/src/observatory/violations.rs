//! Documenting a violation (any member), reading them (the organisation's members only), and
//! verifying one (a coordinator other than the one who documented it: the same hand is a
//! Conflict, 409).
use chrono::{NaiveDate, Utc};
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::area::PCode;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::seal::{Binding, Keyring, Purpose};
use tandem_domain::violation::{
    check_verification, institution_name, method, referral_ask, targeted_org, victim_names, ActSlug,
    DatePrecision, Ending, InstitutionKind, LinkKind, SourceInfo, Victims, ViolationStatus,
};
use tandem_domain::{text, violation_signal, InvalidInput, OrgId, Problem, UserId};
use tandem_store::{NewReferral, NewViolation, Violation, ViolationFilter};

use crate::app_error::AppError;
use crate::AppState;

/// A violation as it arrives, before parsing.
#[derive(Debug, Clone, Default)]
pub struct ViolationInput {
    pub area: String,
    pub occurred_on: String,
    pub date_precision: Option<String>,
    pub act: String,
    pub institution: String,
    pub institution_kind: Option<String>,
    pub unit: Option<String>,
    pub victims: Victims,
    pub description: String,
    /// Kept, sealed, only when `victim_names_consent` is true.
    pub victim_names: Option<String>,
    pub victim_names_consent: bool,
    pub source_kind: Option<String>,
    pub source_knowledge: Option<String>,
    pub source_reliability: Option<String>,
    /// Who the source is, sealed.
    pub source_identity: Option<String>,
    /// For a threat or attack against defenders, the organisation targeted.
    pub targeted_org: Option<String>,
    /// perpetrator (the default), ordered, complicit or failed_to_protect.
    pub involvement: Option<String>,
    /// How the act was carried out, in a line.
    pub method: Option<String>,
}

fn word<T: std::str::FromStr<Err = InvalidInput>>(raw: &Option<String>) -> Result<Option<T>, InvalidInput> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::parse).transpose()
}

/// Acts documented more than this long ago are out of Tandem's scope (and most likely a typo).
const EARLIEST_YEAR: i32 = 1990;

/// A violation for `org`, documented by `by` (None for an operator's import), with what
/// identifies people sealed to its new id.
pub(super) fn parse(
    input: &ViolationInput,
    org: &OrgId,
    by: Option<&UserId>,
    keys: &Keyring,
) -> Result<NewViolation, InvalidInput> {
    let area = PCode::parse(&input.area).map_err(|e| InvalidInput::new("area", e.message))?;
    let day = NaiveDate::parse_from_str(input.occurred_on.trim(), "%Y-%m-%d")
        .map_err(|_| InvalidInput::new("occurred_on", "must be a date, YYYY-MM-DD"))?;
    use chrono::Datelike;
    if day > Utc::now().date_naive() {
        return Err(InvalidInput::new("occurred_on", "is in the future").because(Problem::InFuture));
    }
    if day.year() < EARLIEST_YEAR {
        return Err(InvalidInput::new("occurred_on", format!("must be in {EARLIEST_YEAR} or later"))
            .because(Problem::TooEarly { year: EARLIEST_YEAR }));
    }
    let date_precision = match input.date_precision.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => p.parse()?,
        None => DatePrecision::Exact,
    };
    let institution_kind = match input.institution_kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(k) => k.parse()?,
        None => InstitutionKind::OtherPublicBody,
    };
    let unit = match input.unit.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(u) => Some(text::bounded("unit", u, 1, 160)?),
        None => None,
    };
    let id = OrgId::new().to_string();
    let seal = |purpose, text: &str| keys.seal(text, &Binding { purpose, org: org.as_str(), record: &id });
    let names = victim_names(input.victim_names.as_deref().unwrap_or_default(), input.victim_names_consent)?;
    let source_identity = match input.source_identity.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(text::bounded("source_identity", s, 2, 500)?),
        None => None,
    };
    let source = SourceInfo {
        kind: word(&input.source_kind)?,
        knowledge: word(&input.source_knowledge)?,
        reliability: word(&input.source_reliability)?,
    };
    let act = ActSlug::parse(&input.act)?;
    Ok(NewViolation {
        targeted_org: targeted_org(&act, input.targeted_org.as_deref())?,
        act,
        victim_names: names.map(|n| seal(Purpose::VictimNames, &n)),
        source_identity: source_identity.map(|s| seal(Purpose::SourceIdentity, &s)),
        source,
        id: id.clone(),
        area,
        occurred_on: date_precision.normalise(day),
        date_precision,
        institution: institution_name("institution", &input.institution)?,
        institution_kind,
        unit,
        involvement: word(&input.involvement)?.unwrap_or_default(),
        method: method(input.method.as_deref().unwrap_or_default())?,
        victims: input.victims.check()?,
        description: text::bounded("description", &input.description, 1, 10_000)?,
        documented_by: by.cloned(),
    })
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn document(
    state: &AppState,
    actor: &Actor,
    input: &ViolationInput,
) -> Result<Violation, AppError> {
    let new = parse(input, &actor.org_id, Some(&actor.user_id), &state.keys)?;
    // Unknown areas and act kinds are the caller's mistake, named beside their field (422).
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    if !cfg.areas.contains_key(new.area.as_str()) {
        return Err(InvalidInput::new("area", "is not a known area").because(Problem::Unknown).into());
    }
    let kinds = state.store.act_kinds().await?;
    if !kinds.iter().any(|k| k.slug == new.act.as_str()) {
        return Err(InvalidInput::new("act", "is not a known act kind").because(Problem::Unknown).into());
    }
    let ev = NewAuditEvent::new("violation.create").org(&actor.org_id).actor(&actor.user_id).detail(json!({
        "act": new.act.as_str(), "area": new.area.as_str(), "victims": new.victims.total,
        // That consent was given is on record; the names are not.
        "names_with_consent": new.victim_names.is_some(),
    }));
    Ok(state.store.create_violation(&actor.org_id, &new, ev).await?)
}

pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: &ViolationFilter,
) -> Result<Vec<Violation>, AppError> {
    Ok(state.store.list_violations(&actor.org_id, filter).await?)
}

/// Violations are read this many at a time when all of them are needed.
const PAGE: i64 = 500;

/// Every violation of the organisation, oldest first (exports, answer times).
pub async fn every(state: &AppState, org: &OrgId) -> Result<Vec<Violation>, AppError> {
    let mut out = vec![];
    loop {
        let filter = ViolationFilter { limit: PAGE, offset: out.len() as i64, ..Default::default() };
        let page = state.store.list_violations(org, &filter).await?;
        let done = (page.len() as i64) < PAGE;
        out.extend(page);
        if done {
            break;
        }
    }
    out.reverse();
    Ok(out)
}

/// How fast each institution answered the organisation's referrals, the slowest first.
pub async fn answer_times(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<tandem_domain::referral_times::AnswerTimes>, AppError> {
    use tandem_domain::referral_times::{answer_times, Referral};
    let referrals: Vec<Referral> = every(state, &actor.org_id)
        .await?
        .into_iter()
        .filter_map(|v| {
            Some(Referral {
                institution: v.referred_to?,
                referred_on: v.referred_at?.date_naive(),
                due_on: v.referral_due_on,
                answered_on: v.responded_at.map(|t| t.date_naive()),
            })
        })
        .collect();
    Ok(answer_times(&referrals, Utc::now().date_naive()))
}

pub async fn get(state: &AppState, actor: &Actor, id: &str) -> Result<Violation, AppError> {
    Ok(state.store.get_violation(&actor.org_id, id).await?)
}

/// The second key. The rules are checked here to say which one refused, and again in the
/// store's update, so that a race cannot get past them.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn verify(state: &AppState, actor: &Actor, id: &str) -> Result<Violation, AppError> {
    let v = state.store.get_violation(&actor.org_id, id).await?;
    check_verification(v.status, v.documented_by.as_deref(), actor.user_id.as_str())
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    let ev = NewAuditEvent::new("violation.verify").org(&actor.org_id).actor(&actor.user_id).subject(id);
    let done = state.store.verify_violation(&actor.org_id, id, &actor.user_id, Utc::now(), ev).await?;
    debug_assert_eq!(done.status, ViolationStatus::Verified);
    // A verified violation is a warning sign: its series is evaluated again, as a report's is.
    let verified_on = done.verified_at.unwrap_or_else(Utc::now).date_naive();
    let week = violation_signal::week(done.occurred_on, done.date_precision, verified_on);
    let change = crate::ew::alerts::Change {
        area: done.area.clone(),
        category: violation_signal::category(&done.act),
        week,
    };
    state.alert_worker.submit(&actor.org_id, vec![change]);
    Ok(done)
}

/// Links violation `id` to a report, alert or other violation of the organisation (any
/// member). A target that is not the organisation's is refused beside its field, as unknown.
pub async fn link(
    state: &AppState,
    actor: &Actor,
    id: &str,
    kind: &str,
    target: &str,
) -> Result<(), AppError> {
    let kind: LinkKind = kind.parse()?;
    let target = target.trim();
    if target.is_empty() {
        return Err(InvalidInput::new("target", "is required").because(Problem::Required).into());
    }
    let ev = NewAuditEvent::new("violation.link")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .detail(json!({ "kind": kind, "target": target }));
    match state.store.link_violation(&actor.org_id, id, kind, target, &actor.user_id, ev).await {
        Err(tandem_store::StoreError::Conflict(_)) => Err(InvalidInput::new(
            "target",
            format!("no {} of your organisation has this reference", kind.as_str()),
        )
        .because(Problem::Unknown)
        .into()),
        done => Ok(done?),
    }
}

/// Removes a link (coordinators); NotFound when there is none.
pub async fn unlink(
    state: &AppState,
    actor: &Actor,
    id: &str,
    kind: &str,
    target: &str,
) -> Result<(), AppError> {
    let kind: LinkKind = kind.parse().map_err(|_| AppError::NotFound)?;
    let ev = NewAuditEvent::new("violation.unlink")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .detail(json!({ "kind": kind, "target": target }));
    Ok(state.store.unlink_violation(&actor.org_id, id, kind, target, ev).await?)
}

/// What a record of the organisation is linked with, both ways. NotFound when the violation
/// itself is not the organisation's (a report's or alert's page has already read its record).
pub async fn links(
    state: &AppState,
    actor: &Actor,
    kind: LinkKind,
    id: &str,
) -> Result<Vec<tandem_store::LinkedRecord>, AppError> {
    if kind == LinkKind::Violation {
        state.store.get_violation(&actor.org_id, id).await?;
    }
    Ok(state.store.links_of(&actor.org_id, kind, id).await?)
}

/// A referral as it arrives: to an organisation on Tandem (`to_org`), or to an institution by
/// name (`to`), with what is asked and by when.
#[derive(Debug, Clone, Default)]
pub struct ReferralInput {
    pub to_org: Option<String>,
    pub to: Option<String>,
    pub ask: String,
    pub due_on: String,
}

/// verified → referred (coordinators).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn refer(
    state: &AppState,
    actor: &Actor,
    id: &str,
    input: &ReferralInput,
) -> Result<Violation, AppError> {
    let to_org = match input.to_org.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => {
            let org =
                OrgId::parse(raw).map_err(|_| InvalidInput::new("to_org", "is not an organisation id"))?;
            match state.store.get_org(&org).await {
                Ok(o) => Some(o),
                Err(tandem_store::StoreError::NotFound) => {
                    return Err(InvalidInput::new("to_org", "no such organisation")
                        .because(Problem::Unknown)
                        .into())
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => None,
    };
    let to = match (input.to.as_deref().map(str::trim).filter(|s| !s.is_empty()), &to_org) {
        (Some(name), _) => institution_name("to", name)?,
        (None, Some(o)) => o.name.clone(),
        (None, None) => {
            return Err(InvalidInput::new("to", "is required: whom is it referred to?")
                .because(Problem::Required)
                .into())
        }
    };
    let due_on = NaiveDate::parse_from_str(input.due_on.trim(), "%Y-%m-%d")
        .map_err(|_| InvalidInput::new("due_on", "must be a date, YYYY-MM-DD"))?;
    if due_on < Utc::now().date_naive() {
        return Err(InvalidInput::new("due_on", "is in the past").because(Problem::InPast).into());
    }
    let referral = NewReferral {
        to_org: to_org.map(|o| o.id),
        to,
        ask: referral_ask(&input.ask)?,
        due_on,
        by: actor.user_id.clone(),
    };
    let ev = NewAuditEvent::new("violation.refer")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(json!({ "to": referral.to, "due_on": referral.due_on }));
    Ok(state.store.refer_violation(&actor.org_id, id, &referral, Utc::now(), ev).await?)
}

/// referred → responded: the answer of those it was referred to, as recorded (coordinators).
pub async fn record_response(
    state: &AppState,
    actor: &Actor,
    id: &str,
    response: &str,
) -> Result<Violation, AppError> {
    let text = text::bounded("response", response, 1, 10_000)?;
    let ev = NewAuditEvent::new("violation.respond").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state
        .store
        .record_violation_response(&actor.org_id, id, &text, &actor.user_id, Utc::now(), ev)
        .await?)
}

/// → remedied or closed (coordinators).
pub async fn end(state: &AppState, actor: &Actor, id: &str, ending: &str) -> Result<Violation, AppError> {
    let ending: Ending = ending.parse()?;
    let ev = NewAuditEvent::new("violation.end")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(json!({ "ending": ending }));
    Ok(state.store.end_violation(&actor.org_id, id, ending, &actor.user_id, Utc::now(), ev).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_domain::Role;

    fn input() -> ViolationInput {
        ViolationInput {
            area: "MR0101".into(),
            occurred_on: "2026-07-19".into(),
            date_precision: Some("month".into()),
            act: "arbitrary_arrest".into(),
            institution: "Kumba Central Police Station".into(),
            institution_kind: Some("police".into()),
            unit: Some("  ".into()),
            victims: Victims { total: 2, women: Some(1), ..Default::default() },
            description: "Two traders held overnight".into(),
            ..Default::default()
        }
    }

    #[test]
    fn input_is_parsed_at_the_edge() {
        let actor =
            Actor { user_id: UserId::new(), org_id: OrgId::new(), role: Role::Member, platform_admin: false };
        let keys = Keyring::generate("t");
        let v = parse(&input(), &actor.org_id, Some(&actor.user_id), &keys).unwrap();
        assert!(v.victim_names.is_none() && v.source_identity.is_none());
        assert_eq!(v.occurred_on, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(), "kept at its precision");
        assert_eq!((v.unit, v.documented_by), (None, Some(actor.user_id.clone())));
        let bad = |f: fn(&mut ViolationInput)| {
            let mut i = input();
            f(&mut i);
            parse(&i, &actor.org_id, Some(&actor.user_id), &keys).unwrap_err().field
        };
        assert_eq!(bad(|i| i.occurred_on = "19/07/2026".into()), "occurred_on");
        assert_eq!(bad(|i| i.occurred_on = "2999-01-01".into()), "occurred_on");
        assert_eq!(bad(|i| i.occurred_on = "1900-01-01".into()), "occurred_on");
        assert_eq!(bad(|i| i.institution_kind = Some("neighbour".into())), "institution_kind");
        assert_eq!(bad(|i| i.institution = " ".into()), "institution");
        assert_eq!(bad(|i| i.victims.total = 0), "victims_total");
        assert_eq!(bad(|i| i.description = "".into()), "description");
        assert_eq!(bad(|i| i.act = "Bad Act".into()), "act");
        assert_eq!(bad(|i| i.date_precision = Some("roughly".into())), "date_precision");
        assert_eq!(bad(|i| i.victim_names = Some("Amina B.".into())), "victim_names_consent");
        assert_eq!(bad(|i| i.source_kind = Some("spy".into())), "source_kind");
        assert_eq!(bad(|i| i.involvement = Some("bystander".into())), "involvement");
        assert_eq!(bad(|i| i.method = Some("x".into())), "method");
        let mut named = input();
        named.victim_names = Some("Amina B.".into());
        named.victim_names_consent = true;
        named.source_identity = Some("the market chief".into());
        named.source_reliability = Some("reliable".into());
        let v = parse(&named, &actor.org_id, Some(&actor.user_id), &keys).unwrap();
        let open = |p, s: &tandem_domain::seal::Sealed| {
            keys.open(s, &Binding { purpose: p, org: actor.org_id.as_str(), record: &v.id }).unwrap()
        };
        assert_eq!(open(Purpose::VictimNames, v.victim_names.as_ref().unwrap()), "Amina B.");
        assert_eq!(open(Purpose::SourceIdentity, v.source_identity.as_ref().unwrap()), "the market chief");
        assert_eq!(v.source.reliability, Some(tandem_domain::violation::Reliability::Reliable));
    }
}
