//! The wheel pages: an area's wheel (its forums and everything below it) and one forum's, drawn
//! as a real wheel (five segments shaded by how much evidence each activity has, the ownership
//! level in the hub), then the level's records, the three scores with their parts and records,
//! and the trend across quarters as a table. Server-rendered SVG, no JavaScript.
use std::f64::consts::PI;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use tandem_domain::ownership::Level;
use tandem_domain::wheel::{Activity, Record, Score};

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use crate::extract::{perm, Can};
use crate::i18n::Lang;
use crate::wheel::view::{self, WheelView};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/wheel", get(area)).route("/forums/{id}/wheel", get(forum))
}

/// Records listed under each score before "and N more".
const LISTED: usize = 12;

#[derive(Deserialize, Default)]
struct AreaQuery {
    #[serde(default)]
    area: String,
}

/// A segment of the wheel: an annulus sector from `a0` to `a1` (radians, 0 at the top,
/// clockwise), as an SVG path on a 200 × 200 box centred at (100, 100).
pub fn segment_path(a0: f64, a1: f64, outer: f64, inner: f64) -> String {
    let pt = |r: f64, a: f64| (100.0 + r * a.sin(), 100.0 - r * a.cos());
    let (x0, y0) = pt(outer, a0);
    let (x1, y1) = pt(outer, a1);
    let (x2, y2) = pt(inner, a1);
    let (x3, y3) = pt(inner, a0);
    format!(
        "M{x0:.2} {y0:.2} A{outer} {outer} 0 0 1 {x1:.2} {y1:.2} L{x2:.2} {y2:.2} A{inner} {inner} 0 0 0 {x3:.2} {y3:.2} Z"
    )
}

/// How dark a segment is: none, one record, two or three, four or more.
fn shade(n: usize) -> (&'static str, &'static str, u8) {
    match n {
        0 => ("#f3f2f1", "#0b0c0c", 0),
        1 => ("#a8c8e8", "#0b0c0c", 1),
        2 | 3 => ("#5694ca", "#0b0c0c", 2),
        _ => ("#1d70b8", "#ffffff", 3),
    }
}

fn record(lang: Lang, r: &Record) -> minijinja::Value {
    let href = match r.kind.as_str() {
        "forum" => Some(format!("/forums/{}", r.id)),
        "report" => Some(format!("/reports/{}", r.id)),
        "alert" => Some(format!("/alerts/{}", r.id)),
        "scorecard" => Some(format!("/scorecards/{}", r.id)),
        "meeting" | "training" | "commitment" => {
            r.forum.as_ref().map(|f| format!("/forums/{f}#{}-{}", r.kind, r.id))
        }
        "assessment" | "plan" => r.forum.as_ref().map(|f| format!("/forums/{f}/joint#{}-{}", r.kind, r.id)),
        _ => None,
    };
    minijinja::context! { kind => r.kind, label => r.label, on => day(lang, r.on), href }
}

fn score(lang: Lang, key: &str, s: &Score) -> minijinja::Value {
    minijinja::context! {
        key,
        score => s.score,
        parts => s.parts.iter().map(|p| minijinja::context! {
            name => p.name, percent => (p.value * 100.0).round() as u32 }).collect::<Vec<_>>(),
        evidence => s.evidence.iter().take(LISTED).map(|r| record(lang, r)).collect::<Vec<_>>(),
        more => s.evidence.len().saturating_sub(LISTED),
    }
}

fn level_n(l: Option<Level>) -> usize {
    l.map(|l| Level::ALL.iter().position(|x| *x == l).unwrap_or(0) + 1).unwrap_or(0)
}

async fn render(
    state: &AppState,
    ctx: &PageCtx,
    v: &WheelView,
    forum_name: Option<String>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let step = 2.0 * PI / 5.0;
    let gap = 0.03;
    let segments: Vec<minijinja::Value> = Activity::ALL
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let act = v.now.activities.get(*a);
            let (fill, ink, depth) = shade(act.evidence.len());
            let a0 = i as f64 * step + gap;
            let a1 = (i + 1) as f64 * step - gap;
            let mid = (a0 + a1) / 2.0;
            minijinja::context! {
                n => i + 1, key => a.as_str(), done => act.done, count => act.evidence.len(), fill, ink, depth,
                path => segment_path(a0, a1, 94.0, 40.0),
                tx => format!("{:.1}", 100.0 + 67.0 * mid.sin()), ty => format!("{:.1}", 100.0 - 67.0 * mid.cos() + 6.0),
                evidence => act.evidence.iter().take(LISTED).map(|r| record(lang, r)).collect::<Vec<_>>(),
                more => act.evidence.len().saturating_sub(LISTED),
            }
        })
        .collect();
    let trend: Vec<minijinja::Value> = v
        .trend
        .iter()
        .map(|p| minijinja::context! {
            quarter => p.quarter, on => day(lang, p.wheel.on), level => p.wheel.ownership_level.map(Level::as_str),
            level_n => level_n(p.wheel.ownership_level),
            activities => p.wheel.activities.done(),
            wide => p.wheel.wide.score, systematic => p.wheel.systematic.score, deep => p.wheel.deep.score,
        })
        .collect();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let areas = super::forms::area_choices(&cfg);
    Ok(ctx.render(
        StatusCode::OK,
        "wheel.html",
        minijinja::context! {
            area => v.area, area_name => v.area_name, forum => v.forum, forum_name, areas,
            forums => v.forums.len(), segments,
            level => v.now.ownership_level.map(Level::as_str), level_n => level_n(v.now.ownership_level),
            level_evidence => v.now.level_evidence.iter().take(LISTED).map(|r| record(lang, r)).collect::<Vec<_>>(),
            scores => [score(lang, "wide", &v.now.wide), score(lang, "systematic", &v.now.systematic), score(lang, "deep", &v.now.deep)],
            trend,
        },
    ))
}

async fn area(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    ctx: PageCtx,
    Query(q): Query<AreaQuery>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let mut code = q.area.trim().to_owned();
    if code.is_empty() {
        // The area of the caller's first forum, else the first top-level area.
        let forums = state.store.list_forums(&actor.org_id).await?;
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        code = forums.first().map(|f| f.area.clone()).unwrap_or_else(|| {
            let mut roots: Vec<&String> =
                cfg.areas.values().filter(|a| a.parent_code.is_none()).map(|a| &a.code).collect();
            roots.sort();
            roots.first().map(|c| (*c).clone()).unwrap_or_default()
        });
    }
    let v = view::for_area(&state, &actor, &code, Utc::now().date_naive()).await?;
    render(&state, &ctx, &v, None).await
}

async fn forum(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let f = state.store.get_forum(&actor.org_id, &id).await?;
    let v = view::for_forum(&state, &actor, &id, Utc::now().date_naive()).await?;
    render(&state, &ctx, &v, Some(f.name)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_runs_from_the_outer_arc_to_the_inner_one() {
        // A quarter from the top to the right: outer from (100, 10) to (190, 100), inner back.
        let p = segment_path(0.0, PI / 2.0, 90.0, 40.0);
        assert_eq!(p, "M100.00 10.00 A90 90 0 0 1 190.00 100.00 L140.00 100.00 A40 40 0 0 0 100.00 60.00 Z");
        assert_eq!(shade(0).2, 0);
        assert_eq!(shade(5).0, "#1d70b8");
    }
}
