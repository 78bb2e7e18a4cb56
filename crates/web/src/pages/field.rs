//! The field teams page (coordinators): who may fill in the report form (or a survey the
//! organisation serves to phones) with ODK Collect, a new team's settings QR code (shown once),
//! and revoking a lost phone's access.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::ew::field;
use crate::extract::{perm, Can};
use crate::headers::NoStore;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/field", get(show).post(create)).route("/field/{id}/revoke", post(revoke))
}

#[derive(Deserialize, Default)]
struct TeamForm {
    #[serde(default)]
    name: String,
    /// Blank for the report form, else the survey whose form the team fills in.
    #[serde(default)]
    survey: String,
}

/// A new team's settings, shown once.
#[derive(Serialize)]
struct Made {
    name: String,
    /// The survey's title when the team got a survey's form.
    form: Option<String>,
    server_url: String,
    qr: String,
}

#[derive(Serialize)]
struct TeamView {
    id: String,
    name: String,
    /// The form's name: the report form, or the survey's title.
    form: Option<String>,
    created_on: String,
    revoked_on: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
    /// Chosen beforehand when the survey's page sends the coordinator here.
    survey: Option<String>,
}

/// What the page shows beside the list of teams.
#[derive(Default)]
struct View<'a> {
    form: Option<&'a TeamForm>,
    errors: Option<BTreeMap<&'static str, String>>,
    made: Option<Made>,
    notice: Option<&'static str>,
}

async fn render(
    state: &AppState,
    ctx: &PageCtx,
    who: &Can<perm::ManageFieldTeams>,
    status: StatusCode,
    view: View<'_>,
) -> Result<Response, PageError> {
    let View { form, errors, made, notice } = view;
    let form = minijinja::context! {
        name => form.map(|f| f.name.clone()).unwrap_or_default(),
        survey => form.map(|f| f.survey.clone()).unwrap_or_default(),
    };
    let actor = who.actor();
    let all = state.store.list_surveys(&actor.org_id).await.map_err(AppError::from)?;
    // A team's form by name, a survey's even once it is no longer served.
    let form_name = |form_id: &str| -> Option<String> {
        let id = crate::monitoring::survey_form::survey_of(form_id)?;
        Some(all.iter().find(|s| s.id == id).map_or_else(|| id.to_owned(), |s| s.title.clone()))
    };
    // The surveys a team may be given: those that serve questions to phones.
    let surveys: Vec<(String, String)> =
        all.iter().filter(|s| s.questionnaire.is_some()).map(|s| (s.id.clone(), s.title.clone())).collect();
    let teams: Vec<TeamView> = field::list(state, &actor)
        .await?
        .into_iter()
        .map(|a| TeamView {
            id: a.id,
            form: form_name(&a.form_id),
            name: a.name,
            created_on: a.created_at.format("%Y-%m-%d").to_string(),
            revoked_on: a.revoked_at.map(|t| t.format("%Y-%m-%d").to_string()),
        })
        .collect();
    let surveys: Vec<minijinja::Value> =
        surveys.iter().map(|(id, title)| minijinja::context! { id, title }).collect();
    let page =
        ctx.render(status, "field.html", minijinja::context! { teams, form, errors, made, notice, surveys });
    // The page may carry a token in its QR code: no cache keeps it.
    Ok((NoStore, page).into_response())
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.ok().map(|q| q.0);
    let notice =
        q.as_ref().and_then(|q| q.done.as_deref()).filter(|d| *d == "field-revoked").map(|_| "field-revoked");
    let chosen = TeamForm { name: String::new(), survey: q.and_then(|q| q.survey).unwrap_or_default() };
    render(&state, &ctx, &who, StatusCode::OK, View { notice, form: Some(&chosen), ..Default::default() })
        .await
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
    ctx: PageCtx,
    form: FormResult<TeamForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let actor = who.actor();
    match field::issue(state.store.as_ref(), &actor.org_id, Some(&actor.user_id), &f.name, Some(&f.survey))
        .await
    {
        Ok(issued) => {
            let server_url = field::server_url(&state, &issued.token);
            let project = format!("Tandem: {}", who.member.0.org.name);
            let qr = field::qr_svg(&field::collect_settings(&server_url, &project))?;
            let form = match crate::monitoring::survey_form::survey_of(&issued.app_user.form_id) {
                Some(id) => {
                    Some(state.store.get_survey(&actor.org_id, id).await.map_err(AppError::from)?.title)
                }
                None => None,
            };
            let made = Made { name: issued.app_user.name, form, server_url, qr };
            render(&state, &ctx, &who, StatusCode::OK, View { made: Some(made), ..Default::default() }).await
        }
        Err(AppError::Invalid(i)) => {
            let errors = super::forms::field_errors(ctx.lang, &i);
            let view = View { form: Some(&f), errors: Some(errors), ..Default::default() };
            render(&state, &ctx, &who, StatusCode::UNPROCESSABLE_ENTITY, view).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: super::forms::FormResult<super::forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !super::forms::read(form)?.confirmed() {
        let team = field::list(&state, &who.actor())
            .await?
            .into_iter()
            .find(|t| t.id == id && t.revoked_at.is_none());
        let team = team.ok_or(AppError::NotFound)?;
        return Ok(super::forms::confirm(
            &ctx,
            "field-revoke",
            &[("name", team.name.clone())],
            format!("/field/{id}/revoke"),
            "/field",
        ));
    }
    field::revoke(&state, &who.actor(), &id).await?;
    Ok(Redirect::to("/field?done=field-revoked").into_response())
}
