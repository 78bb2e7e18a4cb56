//! The sharing page: the agreements an organisation is party to, created and revoked by the
//! owner's coordinators. What partners share is on the pages in `shared`.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::area::AreaLevel;

use super::ctx::PageCtx;
use super::error::PageError;
use super::report_form::category_options;
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::protection::agreements::{self, AgreementInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/sharing", get(list).post(create)).route("/sharing/{id}/revoke", post(revoke))
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
    /// `preview` (the form's button, and a post without it), `create` (the preview's button)
    /// or `edit` (back from the preview to the form, as filled in).
    #[serde(default)]
    step: String,
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
                "step" => f.step = v,
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
) -> Result<Response, PageError> {
    {
        let now = Utc::now();
        let agreements: Vec<agreements::AgreementView> = state
            .store
            .list_agreements(who.org_id())
            .await?
            .iter()
            .map(|a| agreements::view(a, who.org_id(), now))
            .collect();
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
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    q: Result<Query<super::report_form::Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
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

/// Creating takes two steps: the form posts for a preview of exactly what the partner will
/// see, and only the preview's own button creates the agreement.
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = AgreementForm::parse(&body);
    let refuse = |f: AgreementForm, status: StatusCode, e: &tandem_domain::InvalidInput| {
        let errors = super::forms::field_errors(ctx.lang, e);
        render_list(&state, &who, &ctx, status, f, Some(errors), None)
    };
    if f.step == "edit" {
        return render_list(&state, &who, &ctx, StatusCode::OK, f, None, None).await;
    }
    let k = match f.k.trim() {
        "" => None,
        k => match k.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                let e = tandem_domain::InvalidInput::new("k", "must be a whole number")
                    .because(tandem_domain::Problem::Range { min: 3, max: 100 });
                return refuse(f, StatusCode::UNPROCESSABLE_ENTITY, &e).await;
            }
        },
    };
    // On the page, what is shared is ticked one category at a time: nothing ticked shares
    // nothing, so that gender-based violence never goes out by default.
    if f.categories.iter().all(|c| c.trim().is_empty()) {
        let none = tandem_domain::InvalidInput::new("categories", "choose at least one category")
            .because(tandem_domain::Problem::NoneChosen);
        return refuse(f, StatusCode::UNPROCESSABLE_ENTITY, &none).await;
    }
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
    let done = if f.step == "create" {
        agreements::create(&state, &who.actor(), input).await.map(|_| None)
    } else {
        agreements::check(&state, &who.actor(), input).await.map(Some)
    };
    match done {
        Ok(None) => Ok(Redirect::to("/sharing?done=sharing-created").into_response()),
        Ok(Some(new)) => preview(&state, &who, &ctx, f, &new).await,
        Err(AppError::Invalid(e)) => refuse(f, StatusCode::UNPROCESSABLE_ENTITY, &e).await,
        Err(AppError::Conflict(m)) => {
            refuse(f, StatusCode::CONFLICT, &tandem_domain::InvalidInput::new("other", m)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Weeks a preview covers: the partner's page shows four by default.
const PREVIEW_WEEKS: u32 = 4;

/// The agreement in words, the tables and records the partner would see, and the form again
/// as hidden fields behind "Create" and "Change".
async fn preview(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    form: AgreementForm,
    new: &tandem_store::NewAgreement,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let (agg, records) = crate::protection::shared::preview(state, &who.actor(), new, PREVIEW_WEEKS).await?;
    let partner = state.store.get_org(&new.partner).await?;
    let tables = super::shared::tables(&agg, &cfg, |code| super::shared::area_name(&cfg, code));
    let records: Vec<minijinja::Value> = records
        .iter()
        .map(|r| {
            let area_label = super::shared::area_name(&cfg, &r.area);
            minijinja::context! { area_label, ..minijinja::Value::from_serialize(r) }
        })
        .collect();
    let kinds: Vec<&str> = new.kinds.iter().map(|k| k.as_str()).collect();
    let categories: Vec<&str> = new.categories.iter().map(|c| c.as_str()).collect();
    let valid_to = new.valid_to.map(|t| super::dates::day(ctx.lang, t.date_naive()));
    Ok(ctx.render(
        StatusCode::OK,
        "sharing_preview.html",
        minijinja::context! {
            partner, mode => new.mode, area_level => new.area_level, k => new.k.get(), kinds, categories,
            valid_to, tables, records, weeks => PREVIEW_WEEKS, form,
        },
    ))
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: super::forms::FormResult<super::forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !super::forms::read(form)?.confirmed() {
        let a = state.store.get_agreement(who.org_id(), &id).await?;
        return Ok(super::forms::confirm(
            &ctx,
            "sharing-revoke",
            &[("partner", a.partner_name.clone())],
            format!("/sharing/{id}/revoke"),
            "/sharing",
        ));
    }
    agreements::revoke(&state, &who.actor(), &id).await?;
    Ok(Redirect::to("/sharing?done=sharing-revoked").into_response())
}
