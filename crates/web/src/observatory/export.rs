//! The organisation's violations as the tools human-rights documenters already use read them:
//! JSON shaped like the HURIDOCS Events Standard Formats (an event with its act, the victims,
//! the involvement of an institution, the information and the intervention), and an HXL CSV
//! for spreadsheets and humanitarian tools. Neither holds what is sealed: no victims' names, no
//! source's identity, no evidence; they say only whether there is any.
use std::sync::Arc;

use serde_json::{json, Value};
use tandem_domain::access::{Action, Actor};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::text::spreadsheet_safe;
use tandem_store::{ActKind, Violation};

use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// Every violation of the actor's organisation, oldest first, with the act kinds and area names
/// the rows need; the export is audited.
async fn all(
    state: &AppState,
    actor: &Actor,
    what: &str,
) -> Result<(Vec<Violation>, Vec<ActKind>, Arc<EwConfig>), AppError> {
    actor.may(Action::ExportOrgData)?;
    let out = super::violations::every(state, &actor.org_id).await?;
    let ev = NewAuditEvent::new("violation.export")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .detail(json!({ "format": what, "violations": out.len() }));
    state.store.append_audit(ev).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    Ok((out, state.store.act_kinds().await?, cfg))
}

fn act_of<'a>(kinds: &'a [ActKind], slug: &str) -> Option<&'a ActKind> {
    kinds.iter().find(|k| k.slug == slug)
}

/// One event in the Events Standard Formats' shape.
fn event(v: &Violation, kinds: &[ActKind], cfg: &EwConfig) -> Value {
    let act = act_of(kinds, &v.act);
    let area = cfg.areas.get(&v.area).map(|a| a.name.clone());
    let intervention = (v.referred_at.is_some()).then(|| {
        json!({
            "type_of_intervention": "referral",
            "intervening_party": v.referred_to,
            "intervening_party_on_tandem": v.referred_to_org,
            "request": v.referral_ask,
            "date_of_intervention": v.referred_at,
            "due_on": v.referral_due_on,
            "response": v.response,
            "response_date": v.responded_at,
        })
    });
    json!({
        "event_record_number": v.id,
        "event_title": format!("{} · {}", act.map(|a| a.name.as_str()).unwrap_or(&v.act), area.as_deref().unwrap_or(&v.area)),
        "initial_date": v.occurred_on,
        "initial_date_type": v.date_precision,
        "geographical_term": { "code": v.area, "name": area },
        "event_description": v.description,
        "violation_status": v.status.as_str(),
        "verified_at": v.verified_at,
        "acts": [{
            "type_of_act": v.act,
            "type_of_act_name": act.map(|a| &a.name),
            "rights_affected": act.map(|a| &a.rights),
            "targeted_organisation": v.targeted_org,
            "method_of_violence": v.method,
            "victims": {
                "group_kind": v.victims.group.as_str(),
                "status_at_end": v.victims.status.map(|s| s.as_str()),
                "total": v.victims.total, "women": v.victims.women, "men": v.victims.men,
                "girls": v.victims.girls, "boys": v.victims.boys,
                "names_kept_sealed": v.has_victim_names,
            },
            "involvement": [{
                "perpetrator_type": v.institution_kind.as_str(),
                "perpetrator": v.institution,
                "unit": v.unit,
                "degree_of_involvement": v.involvement.as_str(),
            }],
        }],
        "information": [{
            "source_type": v.source.kind.map(|k| k.as_str()),
            "source_connection_to_information": v.source.knowledge.map(|k| k.as_str()),
            "reliability_of_information": v.source.reliability.map(|k| k.as_str()),
            "source_identity_kept_sealed": v.has_source_identity,
        }],
        "intervention": intervention.into_iter().collect::<Vec<_>>(),
        "date_of_entry": v.created_at,
        "date_closed": v.ended_at,
    })
}

/// The JSON export.
pub async fn json(state: &AppState, actor: &Actor) -> Result<Value, AppError> {
    let (list, kinds, cfg) = all(state, actor, "json").await?;
    Ok(json!({
        "format": "tandem-events/1 (after the HURIDOCS Events Standard Formats)",
        "events": list.iter().map(|v| event(v, &kinds, &cfg)).collect::<Vec<_>>(),
    }))
}

/// The HXL CSV columns: (header, hashtag).
pub const HXL_COLUMNS: [(&str, &str); 29] = [
    ("Record", "#event+id"),
    ("Date", "#date+occurred"),
    ("Date precision", "#meta+date_precision"),
    ("Area code", "#loc+code"),
    ("Area", "#loc+name"),
    ("Act", "#event+type+code"),
    ("Act name", "#event+type+name"),
    ("Rights affected", "#event+rights"),
    ("Institution", "#org+perpetrator+name"),
    ("Institution kind", "#org+perpetrator+type"),
    ("Unit", "#org+perpetrator+unit"),
    ("Involvement", "#org+perpetrator+involvement"),
    ("Method", "#event+method"),
    ("Organisation targeted", "#org+targeted+name"),
    ("Victims", "#affected+total+num"),
    ("Women", "#affected+f+adults+num"),
    ("Men", "#affected+m+adults+num"),
    ("Girls", "#affected+f+children+num"),
    ("Boys", "#affected+m+children+num"),
    ("Victims were", "#affected+type"),
    ("Victims at the end", "#affected+status"),
    ("Status", "#status"),
    ("Verified", "#date+verified"),
    ("Referred to", "#org+referred+name"),
    ("Answered", "#date+responded"),
    ("Description", "#description"),
    ("Source", "#meta+source+type"),
    ("Source knows by", "#meta+source+knowledge"),
    ("Source reliability", "#meta+source+reliability"),
];

/// The HXL CSV export: a header row, the hashtag row, then a row a violation.
pub async fn hxl_csv(state: &AppState, actor: &Actor) -> Result<String, AppError> {
    let (list, kinds, cfg) = all(state, actor, "hxl").await?;
    let mut w = csv::Writer::from_writer(vec![]);
    let fail = AppError::internal;
    w.write_record(HXL_COLUMNS.map(|c| c.0)).map_err(fail)?;
    w.write_record(HXL_COLUMNS.map(|c| c.1)).map_err(fail)?;
    let n = |x: Option<u32>| x.map(|x| x.to_string()).unwrap_or_default();
    let day =
        |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.date_naive().to_string()).unwrap_or_default();
    for v in &list {
        let act = act_of(&kinds, &v.act);
        // Text that came from people is text in a spreadsheet, never a formula.
        let safe = |s: &str| spreadsheet_safe(s).into_owned();
        w.write_record([
            v.id.clone(),
            v.occurred_on.to_string(),
            v.date_precision.as_str().to_owned(),
            v.area.clone(),
            safe(&cfg.areas.get(&v.area).map(|a| a.name.clone()).unwrap_or_default()),
            v.act.clone(),
            safe(act.map(|a| a.name.as_str()).unwrap_or_default()),
            safe(act.map(|a| a.rights.as_str()).unwrap_or_default()),
            safe(&v.institution),
            v.institution_kind.as_str().to_owned(),
            safe(v.unit.as_deref().unwrap_or_default()),
            v.involvement.as_str().to_owned(),
            safe(v.method.as_deref().unwrap_or_default()),
            safe(v.targeted_org.as_deref().unwrap_or_default()),
            v.victims.total.to_string(),
            n(v.victims.women),
            n(v.victims.men),
            n(v.victims.girls),
            n(v.victims.boys),
            v.victims.group.as_str().to_owned(),
            v.victims.status.map(|s| s.as_str()).unwrap_or_default().to_owned(),
            v.status.as_str().to_owned(),
            day(v.verified_at),
            safe(v.referred_to.as_deref().unwrap_or_default()),
            day(v.responded_at),
            safe(&v.description),
            v.source.kind.map(|k| k.as_str()).unwrap_or_default().to_owned(),
            v.source.knowledge.map(|k| k.as_str()).unwrap_or_default().to_owned(),
            v.source.reliability.map(|k| k.as_str()).unwrap_or_default().to_owned(),
        ])
        .map_err(fail)?;
    }
    String::from_utf8(w.into_inner().map_err(|e| AppError::internal(e.to_string()))?)
        .map_err(AppError::internal)
}
