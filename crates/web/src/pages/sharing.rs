//! Sharing pages: the agreements an organisation is party to (create and revoke for the owner's
//! coordinators), and what partners share with it: aggregate tables, de-identified records and
//! the alerts assigned to it, which it answers here.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::area::AreaLevel;
use tandem_domain::week::Week;

use super::ew::{category_options, notice, Done};
use super::{error_page, malformed_form, FormResult, PageCtx, RespondForm};
use crate::error::ApiError;
use crate::extract::{perm, Can};
use crate::protection::agreements::{self, AgreementInput};
use crate::protection::shared::{self, Aggregates};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sharing", get(list).post(create))
        .route("/sharing/{id}/revoke", post(revoke))
        .route("/shared", get(overview))
        .route("/shared/records", get(records))
        .route("/shared/alerts/{id}", get(alert))
        .route("/shared/alerts/{id}/respond", post(respond))
}

/// The create form as posted (checkbox groups arrive as repeated fields).
#[derive(Deserialize, Serialize, Default)]
struct AgreementForm {
    #[serde(default)]
    partner_org: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    area_level: String,
    #[serde(default)]
    k: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    valid_to: String,
}

impl AgreementForm {
    fn parse(body: &[u8]) -> Self {
        let mut f = AgreementForm::default();
        for (k, v) in form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "partner_org" => f.partner_org = v,
                "mode" => f.mode = v,
                "area_level" => f.area_level = v,
                "k" => f.k = v,
                "categories" => f.categories.push(v),
                "kinds" => f.kinds.push(v),
                "valid_to" => f.valid_to = v,
                _ => {}
            }
        }
        f
    }
}

async fn render_list(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    status: StatusCode,
    form: AgreementForm,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
) -> Response {
    let result: Result<Response, ApiError> = async {
        let now = Utc::now();
        let agreements: Vec<serde_json::Value> =
            state.store.list_agreements(who.org_id()).await?.iter().map(|a| agreements::view(a, who.org_id(), now)).collect();
        let may_manage = who.actor().may(Action::ManageSharing).is_ok();
        let partners: Vec<tandem_store::Org> = if may_manage {
            state.store.list_orgs().await?.into_iter().filter(|o| &o.id != who.org_id()).collect()
        } else {
            vec![]
        };
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let levels: Vec<&str> = AreaLevel::ALL.iter().map(|l| l.as_str()).collect();
        Ok(ctx.render(
            status,
            "sharing.html",
            minijinja::context! { agreements, may_manage, partners, levels, categories => category_options(&cfg), form, errors, notice },
        ))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let form = AgreementForm {
        mode: "aggregates".into(),
        area_level: "admin1".into(),
        k: "5".into(),
        kinds: vec!["reports".into(), "alerts".into()],
        ..Default::default()
    };
    let notice = q
        .as_ref()
        .ok()
        .and_then(|q| q.done.as_deref())
        .and_then(|d| ["sharing-created", "sharing-revoked"].into_iter().find(|k| *k == d));
    render_list(&state, &who, &ctx, StatusCode::OK, form, None, notice).await
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Response {
    let f = AgreementForm::parse(&body);
    let k = match f.k.trim() {
        "" => None,
        k => match k.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                let errors = BTreeMap::from([("k", "must be a whole number".to_owned())]);
                return render_list(
                    &state,
                    &who,
                    &ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    f,
                    Some(errors),
                    None,
                )
                .await;
            }
        },
    };
    let input = AgreementInput {
        partner_org: f.partner_org.clone(),
        mode: f.mode.clone(),
        area_level: f.area_level.clone(),
        k,
        categories: f.categories.clone(),
        kinds: f.kinds.clone(),
        valid_from: None,
        valid_to: (!f.valid_to.trim().is_empty()).then(|| f.valid_to.clone()),
    };
    match agreements::create(&state, &who.actor(), input).await {
        Ok(_) => Redirect::to("/sharing?done=sharing-created").into_response(),
        Err(ApiError::Invalid(e)) => {
            let errors = BTreeMap::from([(e.field, e.message)]);
            render_list(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, f, Some(errors), None).await
        }
        Err(ApiError::Conflict(m)) => {
            let errors = BTreeMap::from([("other", m)]);
            render_list(&state, &who, &ctx, StatusCode::CONFLICT, f, Some(errors), None).await
        }
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Response {
    match agreements::revoke(&state, &who.actor(), &id).await {
        Ok(_) => Redirect::to("/sharing?done=sharing-revoked").into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

#[derive(Serialize)]
struct RowView {
    label: String,
    cells: Vec<Option<u32>>,
    total: Option<u32>,
}

#[derive(Serialize)]
struct TableView {
    week: Week,
    cols: Vec<String>,
    rows: Vec<RowView>,
    col_totals: Vec<Option<u32>>,
    total: Option<u32>,
}

#[derive(Serialize)]
struct AgreementTables {
    owner_name: String,
    mode: tandem_domain::sharing::ShareMode,
    area_level: AreaLevel,
    k: u32,
    tables: Vec<TableView>,
}

/// Lays the published cells and totals out as one table per agreement and week, newest first.
/// A cell not published is zero (only non-zero and suppressed cells are listed).
fn tables(
    agg: &Aggregates,
    cfg: &crate::ew::config::EwConfig,
    label: impl Fn(&str) -> String,
) -> Vec<AgreementTables> {
    agg.agreements
        .iter()
        .map(|a| {
            let cols: Vec<String> = if a.categories.is_empty() {
                cfg.categories.iter().map(|c| c.slug.clone()).collect()
            } else {
                a.categories.clone()
            };
            let mut weeks: BTreeMap<Week, TableView> = BTreeMap::new();
            for t in agg.totals.iter().filter(|t| t.agreement == a.id) {
                let tv = weeks.entry(t.week).or_insert_with(|| TableView {
                    week: t.week,
                    cols: cols.clone(),
                    rows: vec![],
                    col_totals: vec![Some(0); cols.len()],
                    total: Some(0),
                });
                match (&t.area, &t.category) {
                    (Some(area), None) => {
                        let cells = cols
                            .iter()
                            .map(|c| {
                                agg.cells
                                    .iter()
                                    .find(|x| {
                                        x.agreement == a.id
                                            && x.week == t.week
                                            && &x.area == area
                                            && &x.category == c
                                    })
                                    .map_or(Some(0), |x| x.count)
                            })
                            .collect();
                        tv.rows.push(RowView { label: label(area), cells, total: t.count });
                    }
                    (None, Some(c)) => {
                        if let Some(i) = cols.iter().position(|x| x == c) {
                            tv.col_totals[i] = t.count;
                        }
                    }
                    _ => tv.total = t.count,
                }
            }
            AgreementTables {
                owner_name: a.owner_name.clone(),
                mode: a.mode,
                area_level: a.area_level,
                k: a.k,
                tables: weeks.into_values().rev().collect(),
            }
        })
        .collect()
}

#[derive(Deserialize, Default)]
struct WeeksQuery {
    weeks: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    q: Result<Query<WeeksQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let weeks = q
        .ok()
        .and_then(|q| q.0.weeks)
        .and_then(|w| w.trim().parse::<u32>().ok())
        .unwrap_or(4)
        .clamp(1, shared::MAX_WEEKS);
    let result: Result<Response, ApiError> = async {
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let agg = shared::aggregates(&state, &who.actor(), weeks).await?;
        let label = |code: &str| {
            cfg.areas.get(code).map(|a| format!("{} ({code})", a.name)).unwrap_or_else(|| code.to_owned())
        };
        let agreements = tables(&agg, &cfg, label);
        let alerts: Vec<minijinja::Value> = shared::alerts(&state, who.org_id())
            .await?
            .into_iter()
            .map(|a| {
                let area_label = label(&a.area);
                minijinja::context! { area_label, ..minijinja::Value::from_serialize(&a) }
            })
            .collect();
        Ok(ctx.render(StatusCode::OK, "shared.html", minijinja::context! { agreements, alerts, weeks }))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}

async fn records(State(state): State<AppState>, who: Can<perm::ViewSharing>, ctx: PageCtx) -> Response {
    let result: Result<Response, ApiError> = async {
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let names: BTreeMap<String, String> = state
            .store
            .agreements_for_partner(who.org_id(), Utc::now())
            .await?
            .into_iter()
            .map(|a| (a.owner_org, a.owner_name))
            .collect();
        let records: Vec<minijinja::Value> = shared::records(&state, &who.actor(), shared::DEFAULT_WEEKS)
            .await?
            .into_iter()
            .map(|r| {
                let area_label = cfg
                    .areas
                    .get(&r.area)
                    .map(|a| format!("{} ({})", a.name, r.area))
                    .unwrap_or_else(|| r.area.clone());
                let owner_name = names.get(&r.owner_org).cloned().unwrap_or_default();
                minijinja::context! { area_label, owner_name, ..minijinja::Value::from_serialize(&r) }
            })
            .collect();
        Ok(ctx.render(StatusCode::OK, "shared_records.html", minijinja::context! { records }))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}

async fn render_alert(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
) -> Response {
    let result: Result<Response, ApiError> = async {
        let (a, _) = shared::alert(state, who.org_id(), id).await?;
        let responses = shared::responses(state, who.org_id(), &a).await?;
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let area_label = cfg
            .areas
            .get(&a.area)
            .map(|x| format!("{} ({})", x.name, a.area))
            .unwrap_or_else(|| a.area.clone());
        Ok(ctx.render(
            status,
            "shared_alert.html",
            minijinja::context! { a, responses, area_label, errors, notice },
        ))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Response {
    render_alert(&state, &who, &ctx, &id, StatusCode::OK, None, notice(&q)).await
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::RespondToAlert>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<RespondForm>,
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    match shared::respond(&state, &who.actor(), &id, &f.action, &f.outcome, Utc::now()).await {
        Ok(_) => Redirect::to(&format!("/shared/alerts/{id}?done=alert-responded")).into_response(),
        Err(ApiError::Invalid(e)) => {
            let errors = Some(BTreeMap::from([(e.field, e.message)]));
            render_alert(&state, &who, &ctx, &id, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await
        }
        Err(e) => error_page(ctx.lang, e),
    }
}
