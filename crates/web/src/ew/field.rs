//! Field collection as ODK Central does it. App users: a token per organisation and form, for
//! the phones of a field team, good only for the form list, the form and submissions, long-lived
//! and revocable on its own, handed over as an ODK Collect settings QR code. Submissions: filed
//! once by their `instanceID` (a re-send after a lost answer is not a second report, a split
//! upload adds its files to the first part's report), with their files sealed like contacts.
use std::io::Write as _;

use base64::Engine as _;
use chrono::Utc;
use serde_json::json;
use sha2::{Digest, Sha256};
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::Channel;
use tandem_domain::seal::{Binding, Purpose};
use tandem_domain::{text, InvalidInput, OrgId, Problem, UserId};
use tandem_store::{AppUser, Attachment, Filed, NewAppUser, NewAttachment, NewSubmission, Store, StoreError};

use super::openrosa::{parse_submission, FORM_ID};
use super::reports::{self, Sealer};
use crate::app_error::AppError;
use crate::password::{new_secret, token_hash};
use crate::AppState;

/// App-user tokens start so, which tells them from session tokens at a glance (and in leaks).
pub const TOKEN_PREFIX: &str = "tda_";
/// Files one submission may carry, in all its parts together.
pub const MAX_FILES: usize = 10;

/// A new app user and its token (shown once: only the hash is kept).
pub struct Issued {
    pub app_user: AppUser,
    pub token: String,
}

/// Gives a field team its access to one form of the organisation: the report form, or (with
/// `survey`) a survey it serves to phones.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn issue(
    store: &dyn Store,
    org: &OrgId,
    by: Option<&UserId>,
    name: &str,
    survey: Option<&str>,
) -> Result<Issued, AppError> {
    let name = text::bounded("name", name, 1, 80)?;
    let form_id = match survey.map(str::trim).filter(|s| !s.is_empty()) {
        None => FORM_ID.to_owned(),
        Some(id) => {
            let unknown = || InvalidInput::new("survey", "no such survey").because(Problem::Unknown);
            let s = store.get_survey(org, id).await.map_err(|e| match e {
                StoreError::NotFound => AppError::from(unknown()),
                e => e.into(),
            })?;
            if crate::monitoring::survey_form::questionnaire(&s).is_none() {
                return Err(InvalidInput::new("survey", "this survey has no questions for phones yet").into());
            }
            crate::monitoring::survey_form::form_id(&s.id)
        }
    };
    let token = format!("{TOKEN_PREFIX}{}", new_secret());
    let new = NewAppUser {
        org_id: org.clone(),
        name,
        form_id: form_id.clone(),
        token_hash: token_hash(&token),
        created_by: by.cloned(),
    };
    let mut ev = NewAuditEvent::new("app_user.create").org(org).detail(json!({ "form": form_id }));
    if let Some(by) = by {
        ev = ev.actor(by);
    }
    let app_user = store.create_app_user(&new, ev).await?;
    Ok(Issued { app_user, token })
}

pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<AppUser>, AppError> {
    Ok(state.store.app_users(&actor.org_id).await?)
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn revoke(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("app_user.revoke").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.revoke_app_user(&actor.org_id, id, ev).await?)
}

/// The live app user carrying `token`; None for anything else (a session token included).
pub async fn by_token(state: &AppState, token: &str) -> Result<Option<AppUser>, AppError> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    Ok(state.store.app_user_by_token(&token_hash(token)).await?)
}

/// The address ODK Collect is configured with: it adds `/formList` and `/submission` itself.
pub fn server_url(state: &AppState, token: &str) -> String {
    state.config.public(&format!("/openrosa/key/{token}"))
}

/// ODK Collect's settings QR payload: the settings as JSON, zlib-compressed, in base64, as
/// Collect's "Configure with QR code" reads it (and ODK Central makes it).
pub fn collect_settings(server_url: &str, project: &str) -> String {
    let settings = json!({
        "general": {
            "server_url": server_url,
            "form_update_mode": "match_exactly",
            "autosend": "wifi_and_cellular",
        },
        "admin": {},
        "project": { "name": project, "icon": "T", "color": "#1d70b8" },
    });
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(settings.to_string().as_bytes());
    let bytes = z.finish().unwrap_or_default();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `data` as a QR code in SVG, to put in a page (no XML declaration).
pub fn qr_svg(data: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(data.as_bytes()).map_err(AppError::internal)?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(280, 280).quiet_zone(true).build();
    Ok(svg.split_once("?>").map(|(_, rest)| rest.trim().to_owned()).unwrap_or(svg))
}

/// A file part of a submission.
pub struct File {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Who sent a submission: a field team's phone, or a signed-in member (API token).
pub enum Sender<'a> {
    Team(&'a AppUser),
    Member(&'a UserId),
}

/// What became of a submission.
#[derive(Debug, PartialEq, Eq)]
pub enum Received {
    /// A new report.
    Created,
    /// Received before: no new report; `added` files were new (the next part of a split upload).
    Again { added: usize },
}

/// Files a submission for `org`: its instance XML and its files. `complete` is false for the
/// earlier parts of a split upload.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn receive(
    state: &AppState,
    org: &OrgId,
    sender: Sender<'_>,
    xml: &[u8],
    files: Vec<File>,
    complete: bool,
) -> Result<Received, AppError> {
    let instance = parse_submission(xml).map_err(AppError::BadRequest)?;
    if files.len() > MAX_FILES {
        return Err(AppError::BadRequest(format!("at most {MAX_FILES} files per submission")));
    }
    let body_sha256 = hex::encode(Sha256::digest(xml));
    // A form without an instanceID (not ours) is still filed once: by its body.
    let instance_id = instance.instance_id.clone().unwrap_or_else(|| format!("sha256:{body_sha256}"));
    let instance_id = text::bounded("instanceID", &instance_id, 1, 200)?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let (by, app_user_id) = match &sender {
        Sender::Team(a) => (None, Some(a.id.clone())),
        Sender::Member(u) => (Some(*u), None),
    };
    let sealer = Sealer { keys: &state.keys, org };
    let report = reports::parse(&cfg, &instance.report, Channel::Openrosa, by, Utc::now(), sealer)?;
    let sealed: Vec<NewAttachment> = files
        .into_iter()
        .map(|f| {
            let id = OrgId::new().to_string();
            let binding = Binding { purpose: Purpose::Attachment, org: org.as_str(), record: &id };
            NewAttachment {
                name: file_name(&f.name),
                content_type: content_type(&f.content_type),
                size: f.bytes.len() as i64,
                sha256: hex::encode(Sha256::digest(&f.bytes)),
                sealed: state.keys.seal_bytes(&f.bytes, &binding),
                id,
            }
        })
        .collect();
    let new = NewSubmission { instance_id, body_sha256, app_user_id, complete, max_files: MAX_FILES, report };
    let mut ev = NewAuditEvent::new("submission.receive").org(org).detail(json!({ "files": sealed.len() }));
    if let Some(u) = by {
        ev = ev.actor(u);
    }
    match state.store.file_submission(org, &new, &sealed, ev).await {
        Ok(Filed::New(report)) => {
            reports::after_filing(state, &cfg, org, std::slice::from_ref(report.as_ref())).await?;
            Ok(Received::Created)
        }
        Ok(Filed::Again { added, .. }) => Ok(Received::Again { added }),
        Err(StoreError::Conflict(m)) => Err(AppError::Conflict(m)),
        Err(e) => Err(e.into()),
    }
}

/// The last part of what the phone called the file, without any path, control or direction
/// characters (a right-to-left override would show `gnp.exe` as `exe.png`), at most 200.
fn file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
    };
    let clean: String = base.chars().filter(|c| !hidden(*c)).take(200).collect();
    if clean.trim().is_empty() {
        "file".to_owned()
    } else {
        clean
    }
}

/// The content type as sent when it looks like one, else a neutral one.
fn content_type(raw: &str) -> String {
    let t = raw.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let ok = t.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_lowercase())
            && b.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
    });
    if ok && t.len() <= 100 {
        t
    } else {
        "application/octet-stream".to_owned()
    }
}

/// The type a file is served with: the photo types browsers show as pictures, and nothing else
/// (an SVG or an HTML page can carry script; those are downloads of bytes).
pub fn served_type(content_type: &str) -> &'static str {
    match content_type {
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        "image/webp" => "image/webp",
        "image/gif" => "image/gif",
        _ => "application/octet-stream",
    }
}

/// The files of one of the actor's organisation's reports.
pub async fn files(state: &AppState, actor: &Actor, report: &str) -> Result<Vec<Attachment>, AppError> {
    Ok(state.store.attachments(&actor.org_id, report).await?)
}

/// One file, opened, for a coordinator; the reading is audited like a contact's.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn open_file(
    state: &AppState,
    actor: &Actor,
    report: &str,
    id: &str,
) -> Result<(Attachment, Vec<u8>), AppError> {
    let (meta, sealed) = state.store.attachment(&actor.org_id, report, id).await?;
    let binding = Binding { purpose: Purpose::Attachment, org: actor.org_id.as_str(), record: &meta.id };
    let bytes = state
        .keys
        .open_bytes(&sealed, &binding)
        .map_err(|e| AppError::Conflict(format!("cannot be read on this server: {e}")))?;
    let ev = NewAuditEvent::new("attachment.read").org(&actor.org_id).actor(&actor.user_id).subject(&meta.id);
    state.store.append_audit(ev).await?;
    Ok((meta, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn collect_reads_its_settings_back() {
        let payload = collect_settings("https://tandem.example.org/openrosa/key/tda_x", "Tandem: Kumba");
        let bytes = base64::engine::general_purpose::STANDARD.decode(payload).unwrap();
        let mut json = String::new();
        flate2::read::ZlibDecoder::new(&bytes[..]).read_to_string(&mut json).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["general"]["server_url"], "https://tandem.example.org/openrosa/key/tda_x");
        assert_eq!(v["project"]["name"], "Tandem: Kumba");
        assert!(v["admin"].is_object());
        let svg = qr_svg("hello").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("</svg>"), "{svg}");
    }

    #[test]
    fn file_names_and_types_are_tamed() {
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("C:\\photos\\1.jpg"), "1.jpg");
        assert_eq!(file_name("  "), "file");
        assert_eq!(file_name("\u{202E}gnp.exe"), "gnp.exe");
        assert_eq!(content_type("image/jpeg; charset=x"), "image/jpeg");
        assert_eq!(content_type("text/html<script>"), "application/octet-stream");
        assert_eq!(content_type(""), "application/octet-stream");
    }
}
