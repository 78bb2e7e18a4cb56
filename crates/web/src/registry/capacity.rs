//! The capacity map (4W: who does what, where, when) and its gap analysis, over the
//! organisations the viewer may see: their profiles, the forums they sit in, the trainings they
//! gave and the programmes funded to them (method in docs/registry.md).
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;
use tandem_domain::registry::{self, Actor, Gaps, Place, Presence, Source};
use tandem_domain::wheel::Activity;
use tandem_domain::{InvalidInput, OrgId, Problem};

use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// One line of the 4W, with names for a reader.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Line {
    pub org_id: String,
    pub org_name: String,
    /// `None`: present without naming a joint activity.
    pub activity: Option<Activity>,
    pub area: String,
    pub area_name: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub source: Source,
    /// Ongoing, or ended within the last twelve months.
    pub current: bool,
}

/// What the capacity map is drawn from.
pub struct Facts {
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub names: BTreeMap<String, String>,
    pub presences: Vec<Presence>,
}

pub fn places(cfg: &EwConfig) -> Vec<Place> {
    let mut out: Vec<Place> =
        cfg.areas.values().map(|a| Place { code: a.code.clone(), parent: a.parent_code.clone() }).collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

pub async fn facts(state: &AppState, viewer: Option<&OrgId>) -> Result<Facts, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let profiles = state.store.profiles(viewer).await?;
    let presences = state.store.presences(viewer).await?;
    Ok(Facts {
        places: places(&cfg),
        actors: profiles
            .iter()
            .map(|p| Actor { id: p.org_id.clone(), women_led: p.women_led, youth_led: p.youth_led })
            .collect(),
        names: profiles.iter().map(|p| (p.org_id.clone(), p.org_name.clone())).collect(),
        presences,
    })
}

/// The 4W lines, by area name, activity (the wheel's order) and organisation; an organisation
/// named twice for the same thing in the same place (a profile and a forum) keeps each source.
pub fn lines(cfg: &EwConfig, f: &Facts, today: NaiveDate) -> Vec<Line> {
    let order = |a: Option<Activity>| a.and_then(|a| Activity::ALL.iter().position(|x| *x == a)).unwrap_or(9);
    let mut out: Vec<Line> = f
        .presences
        .iter()
        .cloned()
        // Only organisations with a profile the viewer sees are drawn (one's own forums without
        // a profile are not the registry's to show).
        .filter_map(|p| {
            let org_name = f.names.get(&p.org)?.clone();
            Some(Line {
                current: p.current(today),
                area_name: cfg.areas.get(&p.area).map_or_else(|| p.area.clone(), |a| a.name.clone()),
                org_id: p.org,
                org_name,
                activity: p.activity,
                area: p.area,
                from: p.from,
                to: p.to,
                source: p.source,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.area_name.as_str(), order(a.activity), a.org_name.as_str(), a.source, a.from).cmp(&(
            b.area_name.as_str(),
            order(b.activity),
            b.org_name.as_str(),
            b.source,
            b.from,
        ))
    });
    out.dedup_by(|a, b| {
        a.org_id == b.org_id
            && a.area == b.area
            && a.activity == b.activity
            && a.source == b.source
            && a.from == b.from
            && a.to == b.to
    });
    out
}

/// The gap analysis; `area` (a code) narrows the activities no one does to that area.
pub fn gaps(f: &Facts, area: Option<&str>, today: NaiveDate) -> Result<Gaps, AppError> {
    let area = area.map(str::trim).filter(|a| !a.is_empty());
    if let Some(a) = area {
        if !f.places.iter().any(|p| p.code == a) {
            return Err(InvalidInput::new("area", format!("no area has the code {a}"))
                .because(Problem::Unknown)
                .into());
        }
    }
    Ok(registry::gaps(&f.places, &f.actors, &f.presences, today, area))
}

/// For each area, the organisations present in it (the map's counts).
pub fn present(f: &Facts, today: NaiveDate) -> BTreeMap<String, BTreeSet<String>> {
    let listed: Vec<Presence> =
        f.presences.iter().filter(|p| f.names.contains_key(&p.org)).cloned().collect();
    registry::present_in(&f.places, &listed, today)
}
