//! OpenRosa endpoints for ODK Collect and KoboCollect: `formList`, the XForm, and `submission`
//! (multipart: the instance XML in `xml_submission_file`, then its files). Phones authenticate
//! with an app user's token in the path, `/openrosa/key/{token}/…`, as ODK Central's app users
//! do (see `ew::field`); that path takes nothing else, so a member's session token in a URL on a
//! phone opens nothing. A signed-in member may also use the plain paths with a bearer token.
//! Every answer carries `X-OpenRosa-Accept-Content-Length`, and addresses in answers come from
//! the configured public address, never from the request's Host header.
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use tandem_domain::access::Action;
use tandem_store::{AppUser, Principal};

use crate::app_error::AppError;
use crate::error::ApiError;
use crate::ew::field::{self, File, Received, Sender};
use crate::ew::openrosa::{esc, form_version, read_instance, xform, FORM_ID};
use crate::monitoring::survey_form;
use crate::session::Auth;
use crate::AppState;

/// `max_body`: the largest submission read (photos included).
pub fn router(max_body: usize) -> Router<AppState> {
    Router::new()
        .route("/openrosa/formList", get(form_list))
        .route("/openrosa/key/{token}/formList", get(form_list_key))
        .route("/openrosa/forms/tandem_report.xml", get(form))
        .route("/openrosa/key/{token}/forms/tandem_report.xml", get(form_key))
        .route("/openrosa/surveys/{survey}/form.xml", get(survey_form))
        .route("/openrosa/key/{token}/surveys/{survey}/form.xml", get(survey_form_key))
        .route("/openrosa/submission", axum::routing::head(head).post(submit))
        .route("/openrosa/key/{token}/submission", axum::routing::head(head).post(submit_key))
        // Inside the application-wide 1 MiB limit: this one wins for these routes.
        .layer(DefaultBodyLimit::max(max_body))
}

/// Headers every OpenRosa answer carries.
fn openrosa(state: &AppState, mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert("x-openrosa-version", HeaderValue::from_static("1.0"));
    if let Ok(v) = HeaderValue::from_str(&state.config.max_submission_bytes.to_string()) {
        h.insert("x-openrosa-accept-content-length", v);
    }
    r
}

fn xml(state: &AppState, status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/xml; charset=utf-8"));
    openrosa(state, r)
}

fn message(state: &AppState, status: StatusCode, text: &str) -> Response {
    let text = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    xml(
        state,
        status,
        format!(
            r#"<OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="">{text}</message></OpenRosaResponse>"#
        ),
    )
}

fn failure(state: &AppState, e: AppError) -> Response {
    match e {
        AppError::Invalid(i) => {
            message(state, StatusCode::BAD_REQUEST, &format!("{}: {}", i.field, i.message))
        }
        AppError::BadRequest(m) => message(state, StatusCode::BAD_REQUEST, &m),
        AppError::Conflict(m) => message(state, StatusCode::CONFLICT, &m),
        AppError::NotFound => message(state, StatusCode::NOT_FOUND, "not found"),
        other => openrosa(state, ApiError::from(other).into_response()),
    }
}

/// Who is calling: a field team (app user, by the path's token) or a member (bearer token).
enum Caller {
    Team(AppUser),
    Member(std::sync::Arc<Principal>),
}

impl Caller {
    fn org(&self) -> &tandem_domain::OrgId {
        match self {
            Caller::Team(a) => &a.org_id,
            Caller::Member(p) => &p.org.id,
        }
    }

    /// Where this caller finds the form list, the form and the submission address.
    fn base(&self, state: &AppState, token: Option<&str>) -> String {
        match (self, token) {
            (Caller::Team(_), Some(t)) => field::server_url(state, t),
            _ => state.config.public("/openrosa"),
        }
    }

    /// Whether this caller may see the form `form_id`.
    fn sees(&self, form_id: &str) -> bool {
        match self {
            Caller::Team(a) => a.form_id == form_id,
            Caller::Member(_) => true,
        }
    }
}

async fn caller(state: &AppState, token: Option<&str>, auth: Option<&Auth>) -> Result<Caller, Response> {
    let refuse = |text| message(state, StatusCode::UNAUTHORIZED, text);
    match token {
        Some(t) => match field::by_token(state, t).await {
            Ok(Some(a)) => Ok(Caller::Team(a)),
            Ok(None) => Err(refuse(
                "this link is not (or no longer) a field team's: ask your coordinator for a new QR code",
            )),
            Err(e) => Err(failure(state, e)),
        },
        None => {
            let p = auth
                .and_then(|a| a.principal.clone())
                .ok_or_else(|| refuse("sign-in required: use a field team's link or a Tandem API token"))?;
            let actor = crate::extract::Member(p.clone()).actor();
            actor
                .may(Action::FileReport)
                .map_err(|_| message(state, StatusCode::FORBIDDEN, "you may not file reports"))?;
            Ok(Caller::Member(p))
        }
    }
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(rename = "formID")]
    form_id: Option<String>,
}

async fn list(state: &AppState, token: Option<&str>, auth: Option<&Auth>, q: Option<ListQuery>) -> Response {
    let who = match caller(state, token, auth).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return failure(state, e),
    };
    let wanted = q.and_then(|q| q.form_id);
    let wants = |id: &str| who.sees(id) && wanted.as_deref().is_none_or(|w| w == id);
    let base = who.base(state, token);
    // ODK compares the hash and the version to decide whether to download a form again.
    let entry = |id: &str, name: &str, version: &str, form: &str, url: &str| {
        let hash = format!("md5:{}", hex::encode(<md5::Md5 as md5::Digest>::digest(form.as_bytes())));
        format!(
            "<xform><formID>{}</formID><name>{}</name><version>{version}</version><hash>{hash}</hash><downloadUrl>{}</downloadUrl></xform>",
            esc(id),
            esc(name),
            esc(url)
        )
    };
    let mut entries = String::new();
    if wants(FORM_ID) {
        let url = format!("{base}/forms/tandem_report.xml");
        entries.push_str(&entry(FORM_ID, "Tandem report", &form_version(&cfg), &xform(&cfg), &url));
    }
    // A field team made for the report form needs no survey looked up.
    if !matches!(&who, Caller::Team(a) if a.form_id == FORM_ID) {
        let surveys = match state.store.list_surveys(who.org()).await {
            Ok(s) => s,
            Err(e) => return failure(state, e.into()),
        };
        for s in surveys {
            let id = survey_form::form_id(&s.id);
            if let (true, Some(q)) = (wants(&id), survey_form::questionnaire(&s)) {
                let url = format!("{base}/surveys/{}/form.xml", s.id);
                let form = survey_form::xform(&s, &q);
                entries.push_str(&entry(&id, &s.title, &survey_form::version(&s), &form, &url));
            }
        }
    }
    xml(
        state,
        StatusCode::OK,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><xforms xmlns="http://openrosa.org/xforms/xformsList">{entries}</xforms>"#
        ),
    )
}

async fn form_list(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    list(&state, None, auth.as_ref().map(|a| &a.0), q.ok().map(|q| q.0)).await
}

async fn form_list_key(
    State(state): State<AppState>,
    Path(token): Path<String>,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    list(&state, Some(&token), None, q.ok().map(|q| q.0)).await
}

async fn form_doc(state: &AppState, token: Option<&str>, auth: Option<&Auth>) -> Response {
    match caller(state, token, auth).await {
        Ok(who) if who.sees(FORM_ID) => {}
        Ok(_) => return message(state, StatusCode::NOT_FOUND, "no such form"),
        Err(r) => return r,
    }
    match state.ew_config.get(state.store.as_ref()).await {
        Ok(cfg) => xml(state, StatusCode::OK, xform(&cfg)),
        Err(e) => failure(state, e),
    }
}

async fn form(State(state): State<AppState>, auth: Option<axum::Extension<Auth>>) -> Response {
    form_doc(&state, None, auth.as_ref().map(|a| &a.0)).await
}

async fn form_key(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    form_doc(&state, Some(&token), None).await
}

async fn survey_doc(state: &AppState, token: Option<&str>, auth: Option<&Auth>, survey: &str) -> Response {
    let not_found = || message(state, StatusCode::NOT_FOUND, "no such form");
    let who = match caller(state, token, auth).await {
        Ok(who) if who.sees(&survey_form::form_id(survey)) => who,
        Ok(_) => return not_found(),
        Err(r) => return r,
    };
    match state.store.get_survey(who.org(), survey).await {
        Ok(s) => match survey_form::questionnaire(&s) {
            Some(q) => xml(state, StatusCode::OK, survey_form::xform(&s, &q)),
            None => not_found(),
        },
        Err(e) => failure(state, e.into()),
    }
}

async fn survey_form(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    Path(survey): Path<String>,
) -> Response {
    survey_doc(&state, None, auth.as_ref().map(|a| &a.0), &survey).await
}

async fn survey_form_key(
    State(state): State<AppState>,
    Path((token, survey)): Path<(String, String)>,
) -> Response {
    survey_doc(&state, Some(&token), None, &survey).await
}

/// The pre-flight ODK Collect makes before submitting: it learns the size limit from it.
async fn head(State(state): State<AppState>) -> Response {
    openrosa(&state, StatusCode::NO_CONTENT.into_response())
}

/// Reads the rest of the body, so that the client sees the answer rather than a reset connection
/// (ODK Collect needs the 401 to ask again).
async fn drain(multipart: &mut Multipart) {
    while let Ok(Some(mut part)) = multipart.next_field().await {
        while let Ok(Some(_)) = part.chunk().await {}
    }
}

async fn receive(
    state: &AppState,
    token: Option<&str>,
    auth: Option<&Auth>,
    mut multipart: Multipart,
) -> Response {
    let who = match caller(state, token, auth).await {
        Ok(c) => c,
        Err(r) => {
            drain(&mut multipart).await;
            return r;
        }
    };
    // Wait for a turn before reading: each submission may hold many megabytes.
    let Ok(_turn) = state.uploads.acquire().await else {
        return message(state, StatusCode::SERVICE_UNAVAILABLE, "shutting down; send again later");
    };
    let mut instance = None;
    let mut files = Vec::new();
    let mut complete = true;
    loop {
        match multipart.next_field().await {
            Ok(Some(part)) => {
                let name = part.name().unwrap_or_default().to_owned();
                let file_name = part.file_name().map(str::to_owned);
                let content_type = part.content_type().unwrap_or_default().to_owned();
                let bytes = match part.bytes().await {
                    Ok(b) => b,
                    Err(e) => {
                        return message(
                            state,
                            e.status(),
                            &format!("cannot read the submission: {}", e.body_text()),
                        )
                    }
                };
                match (name.as_str(), file_name) {
                    ("xml_submission_file", _) => instance = Some(bytes),
                    // Split uploads say which part is not the last; each part is filed as it comes.
                    ("*isIncomplete*", _) => complete = !bytes.trim_ascii().eq_ignore_ascii_case(b"yes"),
                    (_, Some(file_name)) => {
                        files.push(File { name: file_name, content_type, bytes: bytes.to_vec() })
                    }
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(e) => {
                return message(state, e.status(), &format!("malformed multipart body: {}", e.body_text()))
            }
        }
    }
    let Some(instance) = instance else {
        return message(state, StatusCode::BAD_REQUEST, "no xml_submission_file part");
    };
    let raw = match read_instance(&instance) {
        Ok(r) => r,
        Err(e) => return message(state, StatusCode::BAD_REQUEST, &e),
    };
    let form = raw.form_id.clone().unwrap_or_default();
    if !who.sees(&form) {
        return message(state, StatusCode::NOT_FOUND, "no such form");
    }
    if let Some(survey) = survey_form::survey_of(&form) {
        let sender = match &who {
            Caller::Team(a) => survey_form::Sender::Team(&a.id),
            Caller::Member(p) => survey_form::Sender::Member(&p.user.id),
        };
        return match survey_form::receive(state.store.as_ref(), who.org(), survey, &raw, &instance, sender)
            .await
        {
            Ok(a) if a.imported > 0 => message(state, StatusCode::CREATED, "Response received. Thank you."),
            Ok(_) => message(
                state,
                StatusCode::ACCEPTED,
                "This response was received before; nothing new was added.",
            ),
            Err(e) => failure(state, e),
        };
    }
    let sender = match &who {
        Caller::Team(a) => Sender::Team(a),
        Caller::Member(p) => Sender::Member(&p.user.id),
    };
    match field::receive(state, who.org(), sender, &instance, files, complete).await {
        Ok(Received::Created) => message(state, StatusCode::CREATED, "Report received. Thank you."),
        Ok(Received::Again { .. }) => {
            message(state, StatusCode::ACCEPTED, "This report was received before; nothing new was added.")
        }
        Err(e) => failure(state, e),
    }
}

async fn submit(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    multipart: Multipart,
) -> Response {
    receive(&state, None, auth.as_ref().map(|a| &a.0), multipart).await
}

async fn submit_key(
    State(state): State<AppState>,
    Path(token): Path<String>,
    multipart: Multipart,
) -> Response {
    receive(&state, Some(&token), None, multipart).await
}
