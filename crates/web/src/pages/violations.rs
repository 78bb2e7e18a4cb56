//! The observatory's pages: the organisation's violations as a list of cards, and one
//! violation with the step its workflow allows next (the second key, the referral, the answer,
//! the ending), each a plain form that works without JavaScript.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::violation::{DatePrecision, ViolationStatus};
use tandem_store::{Violation, ViolationFilter};

use super::ctx::PageCtx;
use super::dates::{day, when_words};
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::extract::{perm, Can, Member};
use crate::i18n::{self, Lang};
use crate::observatory::violations::{self, ReferralInput, ViolationInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/violations", get(list).post(create))
        .route("/violations/new", get(new_form))
        .route("/violations/{id}", get(show))
        .route("/violations/{id}/verify", post(verify))
        .route("/violations/{id}/refer", post(refer))
        .route("/violations/{id}/response", post(respond))
        .route("/violations/{id}/end/{ending}", post(end))
        .route("/violations/{id}/links", post(link))
        .route("/violations/{id}/links/{kind}/{target}/remove", post(unlink))
        // A form post, so that no link prefetch opens (and audits) them.
        .route("/violations/{id}/sealed", post(sealed))
        .route("/violations/{id}/evidence/{evidence_id}/{copy}", get(download))
        // Streamed: the service counts the bytes against the configured limit.
        .route("/violations/{id}/evidence", post(upload).layer(axum::extract::DefaultBodyLimit::disable()))
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    overdue: String,
}

/// A violation in words, for a card or the page's facts.
fn words(lang: Lang, state_cfg: &crate::ew::config::EwConfig, v: &Violation) -> minijinja::Value {
    let area = state_cfg.areas.get(&v.area).map(|a| a.name.clone()).unwrap_or_else(|| v.area.clone());
    let when = when_words(lang, v.occurred_on, v.date_precision);
    let victims = i18n::global().text(lang, "violation-victims", &[("count", v.victims.total.to_string())]);
    minijinja::context! {
        id => v.id, act => v.act, area, when, victims, institution => v.institution,
        institution_kind => v.institution_kind, unit => v.unit, status => v.status,
        due => v.referral_due_on.map(|d| day(lang, d)),
        overdue => v.status == ViolationStatus::Referred && v.referral_due_on.is_some_and(|d| d < Utc::now().date_naive()),
    }
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|q| q.0).unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let filter = ViolationFilter {
        status: q.status.parse().ok(),
        overdue_on: (q.overdue == "1").then(|| Utc::now().date_naive()),
        limit: 100,
        offset: 0,
        ..Default::default()
    };
    let found = violations::list(&state, &who.actor(), &filter).await?;
    let cards: Vec<minijinja::Value> = found.iter().map(|v| words(ctx.lang, &cfg, v)).collect();
    let waiting = violations::list(
        &state,
        &who.actor(),
        &ViolationFilter { status: Some(ViolationStatus::Documented), limit: 500, ..Default::default() },
    )
    .await?
    .len();
    let overdue = violations::list(
        &state,
        &who.actor(),
        &ViolationFilter { overdue_on: Some(Utc::now().date_naive()), limit: 500, ..Default::default() },
    )
    .await?
    .len();
    let statuses: Vec<&str> = ViolationStatus::ALL.iter().map(|s| s.as_str()).collect();
    Ok(ctx.render(
        StatusCode::OK,
        "violations.html",
        minijinja::context! {
            cards, waiting, overdue, statuses, status => q.status, filtered => !q.status.is_empty() || q.overdue == "1",
            may_export => who.actor().may(tandem_domain::access::Action::ExportOrgData).is_ok(),
            answers => violations::answer_times(&state, &who.actor()).await?,
        },
    ))
}

#[derive(Deserialize, Serialize, Default)]
struct ReferForm {
    #[serde(default)]
    to_org: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    ask: String,
    #[serde(default)]
    due_on: String,
}

#[derive(Deserialize, Serialize, Default)]
struct ResponseForm {
    #[serde(default)]
    response: String,
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let done = q.ok().and_then(|q| q.0.done);
    let notice = [
        "violation-done-verified",
        "violation-done-referred",
        "violation-done-answered",
        "violation-done-ended",
        "violation-done-evidence",
        "violation-done-documented",
        "violation-done-linked",
        "violation-done-unlinked",
    ]
    .into_iter()
    .find(|k| done.as_deref() == Some(*k));
    render(
        &state,
        &who,
        &ctx,
        &id,
        StatusCode::OK,
        notice,
        None,
        ReferForm::default(),
        ResponseForm::default(),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    notice: Option<&str>,
    errors: Option<std::collections::BTreeMap<&'static str, String>>,
    refer_form: ReferForm,
    response_form: ResponseForm,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let v = violations::get(state, &who.actor(), id).await?;
    let coordinator = who.actor().may(Action::VerifyViolation).is_ok();
    // The second key is someone else's: the documenter is told so instead of offered a button.
    let own = v.documented_by.as_deref() == Some(who.actor().user_id.as_str());
    // Who documented and who verified it, by name: one read of the members for both.
    let members = state.store.list_members(who.org_id()).await?;
    let name_of = |user: &Option<String>| {
        let user = user.as_deref()?;
        members.iter().find(|m| m.user_id.as_str() == user).map(|m| m.display_name.clone())
    };
    let (documented_by, verified_by) = (name_of(&v.documented_by), name_of(&v.verified_by));
    let partners: Vec<tandem_store::Org> = if coordinator && v.status == ViolationStatus::Verified {
        state.store.list_orgs().await?.into_iter().filter(|o| &o.id != who.org_id()).collect()
    } else {
        vec![]
    };
    let files = evidence_words(state, ctx, who, id, &name_of).await?;
    let may_remedy = v.status.may_become(ViolationStatus::Remedied);
    let may_close = v.status.may_become(ViolationStatus::Closed);
    let facts = words(ctx.lang, &cfg, &v);
    let linked = super::violation_links::linked(state, who, &cfg, ctx.lang, &v).await?;
    let candidates = super::violation_links::candidates(state, who, &cfg, ctx.lang, &v, &linked).await?;
    Ok(ctx.render(
        status,
        "violation.html",
        minijinja::context! {
            v, facts, coordinator, own, documented_by, verified_by, partners, may_remedy, may_close, notice, errors,
            files, max_evidence => size_words(ctx.lang, state.config.max_evidence_bytes), linked, candidates,
            refer_form, response_form,
            verified_on => v.verified_at.map(|t| day(ctx.lang, t.date_naive())),
            referred_on => v.referred_at.map(|t| day(ctx.lang, t.date_naive())),
        },
    ))
}

async fn verify(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    violations::verify(&state, &who.actor(), &id).await?;
    Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-verified")).into_response())
}

async fn refer(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<ReferForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let input = ReferralInput {
        to_org: Some(f.to_org.clone()),
        to: Some(f.to.clone()),
        ask: f.ask.clone(),
        due_on: f.due_on.clone(),
    };
    match violations::refer(&state, &who.actor(), &id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-referred")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &who, &ctx, &id, status, None, Some(errors), f, ResponseForm::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<ResponseForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match violations::record_response(&state, &who.actor(), &id, &f.response).await {
        Ok(_) => Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-answered")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &who, &ctx, &id, status, None, Some(errors), ReferForm::default(), f).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
struct LinkForm {
    #[serde(default)]
    record: String,
}

/// Links the violation to a record chosen from those near it (`kind:id`; any member).
async fn link(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<LinkForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let (kind, target) = f.record.split_once(':').unwrap_or(("", ""));
    let done = if kind.is_empty() {
        Err(AppError::Invalid(
            tandem_domain::InvalidInput::new("record", "choose what to link")
                .because(tandem_domain::Problem::Required),
        ))
    } else {
        violations::link(&state, &who.actor(), &id, kind, target).await
    };
    match done {
        Ok(()) => {
            Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-linked#links")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let mut errors = forms::field_errors(ctx.lang, &e);
            // The form has one field: whatever was wrong is said beside it.
            if let Some(message) = errors.remove(e.field) {
                errors.insert("record", message);
            }
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(
                &state,
                &who,
                &ctx,
                &id,
                status,
                None,
                Some(errors),
                ReferForm::default(),
                ResponseForm::default(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Removes a link (coordinators).
async fn unlink(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path((id, kind, target)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    violations::unlink(&state, &who.actor(), &id, &kind, &target).await?;
    Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-unlinked#links")).into_response())
}

/// Remedied or closed cannot be undone: the first post asks, on a page naming what happens.
async fn end(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path((id, ending)): Path<(String, String)>,
    form: FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !matches!(ending.as_str(), "remedied" | "closed") {
        return Err(PageError::not_found());
    }
    if !forms::read(form)?.confirmed() {
        violations::get(&state, &who.actor(), &id).await?;
        let t = |key: &str| i18n::global().text(ctx.lang, key, &[]);
        let (question, explain, button) = if ending == "remedied" {
            (t("violation-remedied-question"), t("violation-end-explain"), t("violation-remedied"))
        } else {
            (t("violation-close-question"), t("violation-end-explain"), t("violation-close"))
        };
        let back = format!("/violations/{id}");
        return Ok(forms::confirm_page(
            &ctx,
            forms::Confirm {
                question,
                explain,
                button,
                action: format!("/violations/{id}/end/{ending}"),
                back: &back,
            },
        ));
    }
    violations::end(&state, &who.actor(), &id, &ending).await?;
    Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-ended")).into_response())
}

/// A size in the reader's words: "2.4 MB", "730 KB".
fn size_words(lang: Lang, bytes: u64) -> String {
    let (n, unit) = if bytes >= 1024 * 1024 {
        (bytes as f64 / (1024.0 * 1024.0), "size-mb")
    } else {
        ((bytes as f64 / 1024.0).max(1.0), "size-kb")
    };
    let n = if n >= 10.0 { format!("{n:.0}") } else { format!("{n:.1}") };
    i18n::global().text(lang, unit, &[("n", n)])
}

/// A violation's evidence files in words, each with its chain of custody.
async fn evidence_words(
    state: &AppState,
    ctx: &PageCtx,
    who: &Member,
    id: &str,
    name_of: &(dyn Fn(&Option<String>) -> Option<String> + Sync),
) -> Result<Vec<minijinja::Value>, PageError> {
    let files = crate::observatory::evidence::list(state, &who.actor(), id).await?;
    let when = |t: chrono::DateTime<Utc>| super::dates::moment(ctx.lang, t);
    Ok(files
        .into_iter()
        .map(|(e, trail)| {
            let custody: Vec<minijinja::Value> = crate::api::evidence::custody(trail)
                .into_iter()
                .map(|c| {
                    minijinja::context! {
                        action => c.action, copy => c.copy, at => when(c.at),
                        by => name_of(&c.actor_id),
                    }
                })
                .collect();
            minijinja::context! {
                id => e.id, kind => e.kind.as_str(), ext => e.ext, sha256 => e.sha256,
                size => size_words(ctx.lang, e.size), at => when(e.uploaded_at),
                by => name_of(&e.uploaded_by),
                cleanable => tandem_domain::evidence::can_strip(&e.content_type),
                custody,
            }
        })
        .collect())
}

/// Adds an evidence file from the page's form (multipart; any member).
async fn upload(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let multipart = multipart.map_err(crate::api::evidence::not_multipart)?;
    let stored = crate::api::evidence::receive(&state, &who.actor(), &id, multipart).await;
    let field_error = |message: String| {
        let mut errors = std::collections::BTreeMap::new();
        errors.insert("file", message);
        errors
    };
    let errors = match stored {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-evidence#evidence"))
                .into_response())
        }
        Err(crate::error::ApiError::Invalid(e)) if e.field == "file" => {
            let key = if e.problem == tandem_domain::Problem::Required {
                "evidence-choose"
            } else {
                "evidence-not-accepted"
            };
            field_error(i18n::global().text(ctx.lang, key, &[]))
        }
        Err(crate::error::ApiError::Invalid(e)) => forms::field_errors(ctx.lang, &e),
        Err(crate::error::ApiError::FileTooLarge(_)) => field_error(i18n::global().text(
            ctx.lang,
            "evidence-too-large",
            &[("max", size_words(ctx.lang, state.config.max_evidence_bytes))],
        )),
        Err(e) => return Err(e.into()),
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    render(&state, &who, &ctx, &id, status, None, Some(errors), ReferForm::default(), ResponseForm::default())
        .await
}

/// One evidence file, streamed (coordinators; the opening is audited).
async fn download(
    State(state): State<AppState>,
    who: Can<perm::OpenViolationSecrets>,
    Path((id, evidence_id, copy)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let copy: crate::observatory::evidence::Copy = copy.parse().map_err(|_| PageError::not_found())?;
    let opened = crate::observatory::evidence::open(&state, &who.actor(), &id, &evidence_id, copy).await?;
    Ok(crate::api::evidence::streamed(opened))
}

/// The victims' names and the source, opened for a coordinator (each opening audited).
async fn sealed(
    State(state): State<AppState>,
    who: Can<perm::OpenViolationSecrets>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    use tandem_domain::seal::Purpose;
    let v = violations::get(&state, &who.actor(), &id).await?;
    let actor = who.actor();
    let names = crate::protection::secrets::read(&state, &actor, Purpose::VictimNames, &id).await?;
    let source = crate::protection::secrets::read(&state, &actor, Purpose::SourceIdentity, &id).await?;
    let mut r = ctx.render(StatusCode::OK, "violation_sealed.html", minijinja::context! { v, names, source });
    r.headers_mut()
        .insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(r)
}

/// The documentation form as posted: every field text, so that what was typed comes back.
#[derive(Deserialize, Serialize, Default)]
struct ViolationForm {
    #[serde(default)]
    area: String,
    #[serde(default)]
    occurred_on: String,
    #[serde(default)]
    date_precision: String,
    #[serde(default)]
    act: String,
    #[serde(default)]
    institution: String,
    #[serde(default)]
    institution_kind: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    victims_total: String,
    #[serde(default)]
    victims_women: String,
    #[serde(default)]
    victims_men: String,
    #[serde(default)]
    victims_girls: String,
    #[serde(default)]
    victims_boys: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    victim_names: String,
    #[serde(default)]
    victim_names_consent: String,
    #[serde(default)]
    source_kind: String,
    #[serde(default)]
    source_knowledge: String,
    #[serde(default)]
    source_reliability: String,
    #[serde(default)]
    source_identity: String,
    #[serde(default)]
    targeted_org: String,
    #[serde(default)]
    involvement: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    victims_group: String,
    #[serde(default)]
    victims_status: String,
}

/// A word from a list, or nothing when the field was left empty.
fn word<T: std::str::FromStr<Err = tandem_domain::InvalidInput>>(
    raw: &str,
) -> Result<Option<T>, tandem_domain::InvalidInput> {
    Some(raw.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose()
}

async fn render_form(
    state: &AppState,
    ctx: &PageCtx,
    status: StatusCode,
    form: &ViolationForm,
    errors: Option<std::collections::BTreeMap<&'static str, String>>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let acts: Vec<String> = state.store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
    let kinds: Vec<&str> =
        tandem_domain::violation::InstitutionKind::ALL.iter().map(|k| k.as_str()).collect();
    let precisions: Vec<&str> = DatePrecision::ALL.iter().map(|p| p.as_str()).collect();
    use tandem_domain::violation::{Reliability, SourceKind, SourceKnowledge};
    let source_kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
    let knowledges: Vec<&str> = SourceKnowledge::ALL.iter().map(|k| k.as_str()).collect();
    let reliabilities: Vec<&str> = Reliability::ALL.iter().map(|k| k.as_str()).collect();
    use tandem_domain::violation::{Involvement, VictimGroup, VictimsState};
    let involvements: Vec<&str> = Involvement::ALL.iter().map(|k| k.as_str()).collect();
    let groups: Vec<&str> = VictimGroup::ALL.iter().map(|k| k.as_str()).collect();
    let after: Vec<&str> = VictimsState::ALL.iter().map(|k| k.as_str()).collect();
    Ok(ctx.render(
        status,
        "violation_new.html",
        minijinja::context! {
            form, errors, acts, kinds, precisions, source_kinds, knowledges, reliabilities, involvements,
            groups, after,
            areas => super::report_form::area_options(&cfg),
        },
    ))
}

async fn new_form(
    State(state): State<AppState>,
    _who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let form = ViolationForm {
        occurred_on: Utc::now().date_naive().to_string(),
        date_precision: "exact".into(),
        involvement: "perpetrator".into(),
        victims_group: "individuals".into(),
        ..Default::default()
    };
    render_form(&state, &ctx, StatusCode::OK, &form, None).await
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    form: FormResult<ViolationForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let count = |field: &'static str, raw: &str| -> Result<Option<u32>, tandem_domain::InvalidInput> {
        match raw.trim() {
            "" => Ok(None),
            n => n.parse::<u32>().map(Some).map_err(|_| {
                tandem_domain::InvalidInput::new(field, "must be a whole number").because(
                    tandem_domain::Problem::Range {
                        min: 0,
                        max: tandem_domain::violation::Victims::MAX as i64,
                    },
                )
            }),
        }
    };
    let victims = (|| {
        Ok::<_, tandem_domain::InvalidInput>(tandem_domain::violation::Victims {
            total: count("victims_total", &f.victims_total)?.unwrap_or(0),
            women: count("victims_women", &f.victims_women)?,
            men: count("victims_men", &f.victims_men)?,
            girls: count("victims_girls", &f.victims_girls)?,
            boys: count("victims_boys", &f.victims_boys)?,
            group: word(&f.victims_group)?.unwrap_or_default(),
            status: word(&f.victims_status)?,
        })
    })();
    let victims = match victims {
        Ok(v) => v,
        Err(e) => {
            let errors = forms::field_errors(ctx.lang, &e);
            return render_form(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, &f, Some(errors)).await;
        }
    };
    let input = ViolationInput {
        area: f.area.clone(),
        occurred_on: f.occurred_on.clone(),
        date_precision: Some(f.date_precision.clone()),
        act: f.act.clone(),
        institution: f.institution.clone(),
        institution_kind: Some(f.institution_kind.clone()),
        unit: Some(f.unit.clone()),
        victims,
        description: f.description.clone(),
        victim_names: Some(f.victim_names.clone()),
        victim_names_consent: f.victim_names_consent == "yes",
        source_kind: Some(f.source_kind.clone()),
        source_knowledge: Some(f.source_knowledge.clone()),
        source_reliability: Some(f.source_reliability.clone()),
        source_identity: Some(f.source_identity.clone()),
        targeted_org: Some(f.targeted_org.clone()),
        involvement: Some(f.involvement.clone()),
        method: Some(f.method.clone()),
    };
    match violations::document(&state, &who.actor(), &input).await {
        Ok(v) => {
            Ok(Redirect::to(&format!("/violations/{}?done=violation-done-documented", v.id)).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let mut errors = forms::field_errors(ctx.lang, &e);
            if e.field == "victim_names_consent" {
                errors.insert(e.field, i18n::global().text(ctx.lang, "violation-names-consent-needed", &[]));
            }
            render_form(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, &f, Some(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
