//! Letters of recognition and invitation on the pages: the organisation's letters (issued and
//! received) with their PDFs; a coordinator's form to issue one and, confirmed, to revoke it;
//! and the public page where anyone checks a letter (its QR code leads there).
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use tandem_domain::access::Action;
use tandem_domain::letter::{LetterInput, Verdict};

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, Posted, Refused};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::extract::{perm, Can, Member};
use crate::letters as svc;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/letters", get(list).post(issue))
        .route("/letters/{id}/pdf", get(pdf))
        .route("/letters/{id}/revoke", post(revoke))
        .route("/verify/letters/{id}", get(verify))
}

async fn render(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    status: StatusCode,
    note: Option<&str>,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let mine = actor.org_id.as_str().to_owned();
    let letters: Vec<minijinja::Value> = svc::list(state, &actor)
        .await?
        .into_iter()
        .map(|l| {
            let issued = l.issuer_org == mine;
            minijinja::context! {
                id => l.id, kind => l.kind, issued, other => if issued { l.recipient_name } else { l.issuer_name },
                addressee => l.addressee, issued_on => l.issued_on.to_string(), valid_until => l.valid_until.to_string(),
                revoked => l.revoked_at.is_some(),
            }
        })
        .collect();
    let orgs: Vec<minijinja::Value> = state
        .store
        .list_orgs()
        .await
        .map_err(AppError::from)?
        .into_iter()
        .filter(|o| o.id != actor.org_id)
        .map(|o| minijinja::context! { id => o.id.to_string(), name => o.name })
        .collect();
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    let today = Utc::now().date_naive();
    Ok(ctx.render(
        status,
        "letters.html",
        minijinja::context! {
            letters, orgs, errors, typed, notice => note, may_issue => actor.may(Action::IssueLetters).is_ok(),
            tomorrow => (today + chrono::Duration::days(1)).to_string(),
            default_until => (today + chrono::Duration::days(365)).to_string(),
        },
    ))
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgDirectory>,
    ctx: PageCtx,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render(&state, &who, &ctx, StatusCode::OK, notice(&q), None).await
}

async fn issue(
    State(state): State<AppState>,
    who: Can<perm::IssueLetters>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = LetterInput {
        kind: p.one("kind"),
        purpose: p.one("purpose"),
        addressee: p.one("addressee"),
        valid_until: p.one("valid_until"),
    };
    match svc::issue(&state, &who.actor(), &p.one("recipient_org"), &input).await {
        Ok(_) => Ok(Redirect::to("/letters?done=letter-issued").into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "letter", &e, p.typed(&[]));
            render(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn pdf(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgDirectory>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let l = svc::own(&state, &who.actor(), &id).await?;
    let bytes = svc::pdf(&state, &l)?;
    let name = format!("attachment; filename=\"letter-{}.pdf\"", l.issued_on);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, name)], bytes)
        .into_response())
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::IssueLetters>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: forms::FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    if !forms::read(form)?.confirmed() {
        let l = svc::own(&state, &actor, &id).await?;
        if l.issuer_org != actor.org_id.as_str() {
            return Err(AppError::NotFound.into());
        }
        return Ok(forms::confirm(
            &ctx,
            "letter-revoke",
            &[("name", l.recipient_name.clone())],
            format!("/letters/{id}/revoke"),
            "/letters",
        ));
    }
    svc::revoke(&state, &actor, &id).await?;
    Ok(Redirect::to("/letters?done=letter-revoked").into_response())
}

async fn verify(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
    _q: Result<Query<BTreeMap<String, String>>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let c = svc::check(&state, &id).await?;
    let verdict = match c.verdict {
        Verdict::Genuine => "genuine",
        Verdict::Expired => "expired",
        Verdict::Revoked => "revoked",
        Verdict::Tampered => "tampered",
        Verdict::UnknownKey => "unknown_key",
    };
    let l = &c.letter;
    Ok(ctx.render(
        StatusCode::OK,
        "letter_verify.html",
        minijinja::context! {
            verdict, ok => c.verdict == Verdict::Genuine,
            l => minijinja::context! {
                id => l.id, kind => l.kind, issuer => l.issuer_name, recipient => l.recipient_name,
                purpose => l.purpose, addressee => l.addressee, issued_on => l.issued_on.to_string(),
                valid_until => l.valid_until.to_string(), key_id => l.key_id,
                revoked_on => l.revoked_at.map(|t| t.format("%Y-%m-%d").to_string()),
            },
            signed_text => c.signed_text, public_key => c.public_key,
        },
    ))
}
