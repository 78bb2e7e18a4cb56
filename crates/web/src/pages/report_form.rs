//! The report form, as members (`/reports/new`) and the public (`/intake/{slug}`) fill it, and
//! what the early-warning pages share: area and category choices, area labels, the notices a
//! redirect carries back.
use std::collections::BTreeMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::ctx::PageCtx;
use crate::ew::config::EwConfig;
use crate::ew::reports::RawReport;

#[derive(Serialize)]
pub struct AreaOption {
    pub code: String,
    pub label: String,
}

/// Areas for a select, in P-code order (which is hierarchical), indented by level.
pub fn area_options(cfg: &EwConfig) -> Vec<AreaOption> {
    let mut v: Vec<_> = cfg.areas.values().collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v.iter()
        .map(|a| AreaOption {
            code: a.code.clone(),
            label: format!("{}{} ({})", "\u{2003}".repeat(a.level as usize), a.name, a.code),
        })
        .collect()
}

pub fn category_options(cfg: &EwConfig) -> Vec<String> {
    cfg.categories.iter().map(|c| c.slug.clone()).collect()
}

pub fn area_label(cfg: &EwConfig, code: &str) -> String {
    cfg.areas.get(code).map(|a| format!("{} ({})", a.name, a.code)).unwrap_or_else(|| code.to_owned())
}

#[derive(Deserialize, Serialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub reporter_contact: String,
    pub hotline: Option<String>,
}

impl ReportForm {
    /// An empty form: today, a middling severity.
    pub fn blank() -> Self {
        ReportForm {
            occurred_at: Utc::now().date_naive().to_string(),
            severity: "2".into(),
            ..Default::default()
        }
    }

    pub fn raw(&self) -> RawReport {
        RawReport {
            area: self.area.clone(),
            category: self.category.clone(),
            // A missing or garbled severity becomes 0, which the domain refuses with its message.
            severity: self.severity.trim().parse().unwrap_or(0),
            occurred_at: self.occurred_at.clone(),
            description: self.description.clone(),
            reporter_contact: Some(self.reporter_contact.clone()),
        }
    }
}

pub fn render_report_form(
    ctx: &PageCtx,
    cfg: &EwConfig,
    template: &str,
    status: StatusCode,
    form: &ReportForm,
    errors: Option<BTreeMap<&str, String>>,
    extra: minijinja::Value,
) -> Response {
    let today = Utc::now().date_naive().to_string();
    ctx.render(
        status,
        template,
        minijinja::context! { form, errors, today, areas => area_options(cfg), categories => category_options(cfg), ..extra },
    )
}

/// `?done=…` after a redirect: which notice to show.
#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

pub type DoneQuery = Result<Query<Done>, axum::extract::rejection::QueryRejection>;

pub fn notice(q: &DoneQuery) -> Option<&'static str> {
    let key = q.as_ref().ok()?.done.as_deref()?;
    [
        "report-filed",
        "report-updated",
        "alert-assigned-ok",
        "alert-responded",
        "report-erased",
        "alert-acknowledged",
        "alert-closed",
        "forum-convened",
        "forum-member-added",
        "meeting-recorded",
        "commitment-agreed",
        "commitment-moved",
        "commitment-confirmed",
        "training-recorded",
        "assessment-recorded",
        "plan-adopted",
        "conditions-recorded",
        "survey-created",
        "survey-imported",
        "survey-questionnaire-saved",
        "letter-issued",
        "letter-revoked",
        "scorecard-created",
        "indicator-added",
        "measurement-recorded",
        "scorecard-published",
        "scorecard-unpublished",
        "measurement-removed",
    ]
    .into_iter()
    .find(|k| *k == key)
}
