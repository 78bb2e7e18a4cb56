//! The wheel view for an area or a forum: gathers the facts the wheel's rules read (the caller's
//! forums in the area and everything recorded in them, its reports and answered alerts there, the
//! member CSOs' self-assessments), then scores them today and at the end of each of the last
//! three quarters for the trend. Only what the caller may see is counted, so every record the
//! page lists is one the caller can open.
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::wheel::{
    self, CommitmentFacts, ConditionsFacts, Facts, ForumFacts, MeetingFacts, Record, TrainingFacts, Wheel,
};
use tandem_domain::{InvalidInput, OrgKind, Problem};
use tandem_store::{CommitmentFilter, Forum};

use crate::app_error::AppError;
use crate::AppState;

/// Quarters of trend before the current one.
pub const TREND_QUARTERS: usize = 3;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    /// `2026Q3`.
    pub quarter: String,
    #[serde(flatten)]
    pub wheel: Wheel,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WheelView {
    pub area: String,
    pub area_name: String,
    /// When the view is of one forum.
    pub forum: Option<String>,
    /// The forums counted.
    pub forums: Vec<String>,
    #[serde(flatten)]
    pub now: Wheel,
    /// Oldest first, the current quarter (to today) last.
    pub trend: Vec<TrendPoint>,
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(80).collect();
    if t.chars().count() < text.chars().count() {
        format!("{t}…")
    } else {
        t
    }
}

/// The wheel of `area` (and every area below it) as the caller sees it on `today`.
pub async fn for_area(
    state: &AppState,
    actor: &Actor,
    area: &str,
    today: NaiveDate,
) -> Result<WheelView, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let code = area.trim();
    let Some(a) = cfg.areas.get(code) else {
        return Err(InvalidInput::new("area", "is not a known area").because(Problem::Unknown).into());
    };
    let areas = cfg.tree.subtree(code);
    let forums: Vec<Forum> = state
        .store
        .list_forums(&actor.org_id)
        .await?
        .into_iter()
        .filter(|f| areas.contains(&f.area))
        .collect();
    let facts = gather(state, actor, &forums, &areas, today).await?;
    Ok(view(code, &a.name, None, &forums, &facts, today))
}

/// The wheel of one forum: its own records only. 404 for a forum the caller is not a member of.
pub async fn for_forum(
    state: &AppState,
    actor: &Actor,
    id: &str,
    today: NaiveDate,
) -> Result<WheelView, AppError> {
    let f = state.store.get_forum(&actor.org_id, id).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let name = cfg.areas.get(&f.area).map(|a| a.name.clone()).unwrap_or_else(|| f.area.clone());
    let forums = vec![f];
    let facts = gather(state, actor, &forums, &[], today).await?;
    Ok(view(&forums[0].area, &name, Some(forums[0].id.clone()), &forums, &facts, today))
}

fn view(
    area: &str,
    name: &str,
    forum: Option<String>,
    forums: &[Forum],
    facts: &Facts,
    today: NaiveDate,
) -> WheelView {
    // The trend ends with today: today's wheel is its last point.
    let days = wheel::trend_days(today, TREND_QUARTERS);
    let trend: Vec<TrendPoint> = days
        .iter()
        .zip(wheel::wheels(facts, &days))
        .map(|(d, w)| TrendPoint { quarter: wheel::quarter_of(*d), wheel: w })
        .collect();
    let now = trend.last().map(|p| p.wheel.clone()).unwrap_or_else(|| wheel::wheel(facts, today));
    WheelView {
        area: area.to_owned(),
        area_name: name.to_owned(),
        forum,
        forums: forums.iter().map(|f| f.id.clone()).collect(),
        now,
        trend,
    }
}

async fn gather(
    state: &AppState,
    actor: &Actor,
    forums: &[Forum],
    areas: &[String],
    today: NaiveDate,
) -> Result<Facts, AppError> {
    let since = wheel::facts_since(today, TREND_QUARTERS);
    let store = state.store.as_ref();
    let viewer = &actor.org_id;
    let mut facts = Facts::default();
    let mut kinds: HashMap<String, OrgKind> = HashMap::new();
    for f in forums {
        for m in &f.members {
            kinds.insert(m.org_id.clone(), m.kind);
        }
        facts.forums.push(ForumFacts {
            record: Record::new("forum", &f.id, f.created_at.date_naive(), &f.name),
            cadence: f.cadence,
            has_terms: f.terms.as_deref().is_some_and(|t| !t.trim().is_empty()),
        });
        for m in store.list_meetings(viewer, &f.id).await?.into_iter().filter(|m| m.held_on >= since) {
            facts.meetings.push(MeetingFacts {
                record: Record::new("meeting", &m.id, m.held_on, &f.name).in_forum(&f.id),
                forum: f.id.clone(),
                participants: m.participants,
            });
        }
        for t in store.list_trainings(viewer, &f.id).await?.into_iter().filter(|t| t.held_on >= since) {
            facts.trainings.push(TrainingFacts {
                record: Record::new("training", &t.id, t.held_on, &t.topic).in_forum(&f.id),
                participants: t.participants,
            });
        }
        for a in store.list_assessments(viewer, &f.id).await? {
            facts.assessments.push(Record::new("assessment", &a.id, a.held_on, &a.title).in_forum(&f.id));
        }
        for p in store.list_plans(viewer, &f.id).await? {
            facts.plans.push(Record::new("plan", &p.id, p.adopted_on, &p.title).in_forum(&f.id));
        }
    }
    let ids: Vec<&str> = forums.iter().map(|f| f.id.as_str()).collect();
    let all =
        store.list_commitments(viewer, &CommitmentFilter { limit: 5_000, ..Default::default() }).await?;
    for c in all.into_iter().filter(|c| ids.contains(&c.forum_id.as_str())) {
        facts.commitments.push(CommitmentFacts {
            record: Record::new("commitment", &c.id, c.due_on, short(&c.text)).in_forum(&c.forum_id),
            owner_kind: kinds.get(&c.owner_org).copied().unwrap_or(OrgKind::CivilSociety),
            owner: c.owner_org,
            status: c.status,
            done_on: c.done_on,
            has_evidence: c.evidence.as_deref().is_some_and(|e| !e.trim().is_empty()),
            confirmed_on: c.confirmed_at.map(|t| t.date_naive()),
        });
    }
    let csos: Vec<String> =
        kinds.iter().filter(|(_, k)| **k == OrgKind::CivilSociety).map(|(o, _)| o.clone()).collect();
    for s in store.list_self_assessments(&csos, since).await? {
        facts.conditions.push(ConditionsFacts {
            record: Record::new("self_assessment", &s.id, s.assessed_on, &s.org_name),
            org: s.org_id,
            conditions: s.conditions,
        });
    }
    for r in store.reports_in(viewer, areas, since, 500).await? {
        facts.reports.push(Record::new("report", r.id, r.on, r.label));
    }
    for a in store.answered_alerts_in(viewer, areas, since).await? {
        facts.answered_alerts.push(Record::new("alert", a.id, a.on, a.label));
    }
    // Joint oversight: the viewer's scorecards of a unit covering the area (kept for it, an area
    // within it, or one it lies in), each counted from its latest measurement recorded by the
    // keeping CSO (computed indicators are Tandem's, not the CSO's, measurement).
    if !areas.is_empty() {
        let cfg = state.ew_config.get(store).await?;
        let within = |card: &str, area: &str| {
            let mut at = Some(area.to_owned());
            while let Some(a) = at {
                if a == card {
                    return true;
                }
                at = cfg.areas.get(&a).and_then(|x| x.parent_code.clone());
            }
            false
        };
        for s in store.list_scorecards(viewer).await? {
            if !areas.iter().any(|a| within(&s.area, a)) {
                continue;
            }
            let r = store.unit_scorecard(viewer, &s.id).await?;
            let latest = r
                .measurements
                .iter()
                .filter(|m| m.recorded_org == s.org_id && m.measured_on >= since)
                .map(|m| m.measured_on)
                .max();
            if let Some(on) = latest {
                facts.scorecards.push(Record::new("scorecard", &s.id, on, &s.unit_name));
            }
        }
    }
    Ok(facts)
}
