//! Evidence files: streamed from the upload into an `age` file in the storage folder (never
//! whole in memory), their SHA-256 taken on the way as the custody record's first line; opened
//! by coordinators only, each opening audited, as the original, as a clean copy without
//! metadata, or as the sealed age file itself for a court (which opens it with the standard
//! `age` command and the organisation's evidence identity).
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use axum::body::Bytes;
use chrono::Utc;
use futures_util::{Stream, StreamExt};
use serde_json::json;
use sha2::{Digest, Sha256};
use tandem_domain::access::{Action, Actor};
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::evidence::{can_strip, sniff, strip_metadata, FileType, SNIFF_BYTES};
use tandem_domain::{InvalidInput, OrgId, Problem};
use tandem_store::Evidence;
use tokio::sync::mpsc;

use crate::app_error::AppError;
use crate::AppState;

/// Chunks in flight between the upload and the encrypting thread: with 64 KiB chunks, a few
/// hundred KiB per upload, whatever the file's size.
const IN_FLIGHT: usize = 4;
/// How much of a refused upload's rest is read before answering.
const DRAIN_MAX: u64 = 32 * 1024 * 1024;
/// The largest file a clean copy is made of (it is rewritten in memory).
pub const MAX_CLEAN_BYTES: u64 = 64 * 1024 * 1024;

fn folder(state: &AppState, org: &OrgId) -> PathBuf {
    state.config.evidence_dir.join(org.as_str())
}

fn path_of(state: &AppState, org: &OrgId, id: &str) -> PathBuf {
    folder(state, org).join(format!("{id}.age"))
}

/// A size in words: "256 MB", or "97 KB" below a megabyte.
fn size_words(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{} MB", n / (1024 * 1024))
    } else {
        format!("{} KB", n / 1024)
    }
}

/// Receives one file for violation `violation` of the caller's organisation. The bytes go
/// through SHA-256 and the age encryptor to a temporary file that becomes the evidence file only
/// once it is complete and recorded: a cut upload or a refused one leaves nothing behind.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn upload<S, E>(
    state: &AppState,
    actor: &Actor,
    violation: &str,
    mut body: S,
) -> Result<Evidence, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let result = receive(state, actor, violation, &mut body).await;
    if result.is_err() {
        // Read (and drop) a bounded rest of the body, so that the sender is still listening
        // when the refusal comes (a 404, a 403, a refused type or size): a phone's browser
        // shows the page, not a reset connection.
        let mut drained = 0u64;
        while let Some(Ok(c)) = body.next().await {
            drained += c.len() as u64;
            if drained > DRAIN_MAX {
                break;
            }
        }
    }
    result
}

async fn receive<S, E>(
    state: &AppState,
    actor: &Actor,
    violation: &str,
    body: &mut S,
) -> Result<Evidence, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    actor.may(Action::DocumentViolation)?;
    // 404 before reading a byte, for another organisation's violation.
    state.store.get_violation(&actor.org_id, violation).await?;
    let max = state.config.max_evidence_bytes;
    let too_large =
        || AppError::TooLarge(format!("the file is larger than the limit of {}", size_words(max)));
    let cut = |e: E| AppError::BadRequest(format!("the upload was cut short: {e}"));

    // The first bytes say what the file is; nothing is written for a file Tandem refuses.
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut pending: Vec<Bytes> = Vec::new();
    while head.len() < SNIFF_BYTES {
        match body.next().await {
            Some(chunk) => {
                let chunk = chunk.map_err(cut)?;
                head.extend_from_slice(&chunk[..chunk.len().min(SNIFF_BYTES - head.len())]);
                pending.push(chunk);
            }
            None => break,
        }
    }
    if head.is_empty() {
        return Err(InvalidInput::new("file", "is empty: choose a file").because(Problem::Required).into());
    }
    let FileType { kind, content_type, ext } = sniff(&head).ok_or_else(|| {
        InvalidInput::new("file", "is not a photo, PDF, sound recording or video").because(Problem::Unknown)
    })?;

    // A few at a time (see `AppState::evidence_turns`); the others wait their turn.
    let _turn = state.evidence_turns.acquire().await.map_err(AppError::internal)?;
    let id = OrgId::new().to_string();
    let dir = folder(state, &actor.org_id);
    tokio::fs::create_dir_all(&dir).await.map_err(AppError::internal)?;
    let tmp = dir.join(format!(".{id}.part"));
    // Whatever ends this request early (a refusal, a dropped connection, a shutdown), the
    // partial file goes with it; once renamed, there is nothing left to remove.
    let _leftover = Leftover(tmp.clone());
    let (key_id, identity) =
        state.keys.current_evidence_identity(actor.org_id.as_str()).map_err(AppError::internal)?;
    let recipient = identity.to_public();
    let (tx, rx) = mpsc::channel::<Bytes>(IN_FLIGHT);
    let writer = tokio::task::spawn_blocking({
        let tmp = tmp.clone();
        move || seal_to_file(&tmp, &recipient, rx)
    });

    let mut size: u64 = 0;
    let mut outcome: Result<(), AppError> = Ok(());
    let mut next = pending.into_iter();
    loop {
        let chunk = match next.next() {
            Some(c) => c,
            None => match body.next().await {
                Some(Ok(c)) => c,
                Some(Err(e)) => {
                    outcome = Err(cut(e));
                    break;
                }
                None => break,
            },
        };
        size += chunk.len() as u64;
        if size > max {
            outcome = Err(too_large());
            break;
        }
        if tx.send(chunk).await.is_err() {
            // The writer stopped: its error is read below.
            break;
        }
    }
    drop(tx);
    let written = writer.await.map_err(AppError::internal)?;
    let sha = match (outcome, written) {
        (Ok(()), Ok(sha)) => sha,
        (Err(e), _) => {
            let _ = tokio::fs::remove_file(&tmp).await;
            return Err(e);
        }
        (Ok(()), Err(e)) => {
            let _ = tokio::fs::remove_file(&tmp).await;
            return Err(AppError::internal(e));
        }
    };
    let record = Evidence {
        id: id.clone(),
        org_id: actor.org_id.to_string(),
        violation_id: violation.to_owned(),
        kind,
        content_type: content_type.to_owned(),
        ext: ext.to_owned(),
        size,
        sha256: sha,
        key_id,
        uploaded_by: Some(actor.user_id.to_string()),
        uploaded_at: Utc::now(),
    };
    let path = path_of(state, &actor.org_id, &id);
    tokio::fs::rename(&tmp, &path).await.map_err(AppError::internal)?;
    let ev = NewAuditEvent::new("evidence.upload")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(&id)
        .detail(json!({ "violation": violation, "sha256": record.sha256, "size": size, "kind": kind }));
    match state.store.add_evidence(&actor.org_id, &record, ev).await {
        Ok(e) => Ok(e),
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(e.into())
        }
    }
}

/// Removes a partial upload when dropped (a rename before that leaves nothing to remove).
struct Leftover(PathBuf);

impl Drop for Leftover {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The blocking half of an upload: hash and encrypt each chunk as it comes, and make sure the
/// file is on disk before it counts. Returns the hex SHA-256 of the original.
fn seal_to_file(
    path: &Path,
    recipient: &age::x25519::Recipient,
    mut rx: mpsc::Receiver<Bytes>,
) -> std::io::Result<String> {
    let file = std::fs::File::create(path)?;
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(std::io::Error::other)?;
    let mut out = encryptor.wrap_output(BufWriter::new(file))?;
    let mut hash = Sha256::new();
    while let Some(chunk) = rx.blocking_recv() {
        hash.update(&chunk);
        out.write_all(&chunk)?;
    }
    let mut buffered = out.finish()?;
    buffered.flush()?;
    buffered.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(hex::encode(hash.finalize()))
}

/// The copy an opening hands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// The file as uploaded, decrypted (its SHA-256 is the recorded one).
    Original,
    /// Without EXIF, XMP, IPTC or PDF document info: the copy that may leave the organisation.
    Clean,
    /// The age file as stored, for a court or a UN mechanism to open with the standard tool.
    Sealed,
}

impl std::str::FromStr for Copy {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "original" => Ok(Copy::Original),
            "clean" => Ok(Copy::Clean),
            "sealed" => Ok(Copy::Sealed),
            _ => {
                Err(InvalidInput::new("copy", "must be original, clean or sealed").because(Problem::Unknown))
            }
        }
    }
}

impl Copy {
    fn as_str(self) -> &'static str {
        match self {
            Copy::Original => "original",
            Copy::Clean => "clean",
            Copy::Sealed => "sealed",
        }
    }
}

/// What an opening returns: the record, the name to download it as, its media type and the bytes
/// as a stream of chunks (decrypted as they are read, for the original).
pub struct Opened {
    pub evidence: Evidence,
    pub file_name: String,
    pub content_type: String,
    pub chunks: mpsc::Receiver<std::io::Result<Bytes>>,
}

/// Opens a file for a coordinator of its organisation; the opening (who, which copy) is written
/// to the audit log before the first byte leaves.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn open(
    state: &AppState,
    actor: &Actor,
    violation: &str,
    id: &str,
    copy: Copy,
) -> Result<Opened, AppError> {
    actor.may(Action::OpenViolationSecrets)?;
    // Check that a clean copy can be made before the opening is recorded.
    let known = state
        .store
        .list_evidence(&actor.org_id, violation)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AppError::NotFound)?;
    if copy == Copy::Clean {
        if !can_strip(&known.content_type) {
            return Err(AppError::Conflict(
                "Tandem cannot remove the metadata of sound and video files: share the original only \
                 with someone who may see it"
                    .into(),
            ));
        }
        if known.size > MAX_CLEAN_BYTES {
            return Err(AppError::TooLarge(format!(
                "a clean copy is made of files up to {}",
                size_words(MAX_CLEAN_BYTES)
            )));
        }
    }
    let ev = NewAuditEvent::new("evidence.open")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(json!({ "violation": violation, "copy": copy.as_str() }));
    let evidence = state.store.open_evidence(&actor.org_id, violation, id, ev).await?;
    let path = path_of(state, &actor.org_id, id);
    let short = &evidence.id[..evidence.id.len().min(8)];
    // Always a download, never shown in the browser: a file someone sent is not trusted to
    // render, whatever it claims to be. The name carries the kind.
    let content_type = "application/octet-stream".to_owned();
    let file_name = match copy {
        Copy::Sealed => format!("evidence-{short}.{}.age", evidence.ext),
        Copy::Original => format!("evidence-{short}.{}", evidence.ext),
        Copy::Clean => format!("evidence-{short}-clean.{}", evidence.ext),
    };
    let identity = match copy {
        Copy::Sealed => None,
        _ => Some(
            state
                .keys
                .evidence_identity(&evidence.key_id, actor.org_id.as_str())
                .map_err(|e| AppError::Conflict(format!("cannot be opened on this server: {e}")))?,
        ),
    };
    let file = std::fs::File::open(&path).map_err(AppError::internal)?;
    // Held by the blocking thread until the last byte is sent.
    let turn = state.evidence_turns.clone().acquire_owned().await.map_err(AppError::internal)?;
    let (tx, rx) = mpsc::channel(IN_FLIGHT);
    // What can fail before the first byte (a damaged file, a missing key) is said as an error;
    // once the answer has started, a failure can only cut it short.
    let (ready, started) = tokio::sync::oneshot::channel::<std::io::Result<()>>();
    let content = evidence.content_type.clone();
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        let source: std::io::Result<Box<dyn Read>> = match (copy, identity) {
            (Copy::Sealed, _) | (_, None) => Ok(Box::new(file)),
            (Copy::Original, Some(identity)) => {
                decryptor(file, &identity).map(|r| Box::new(r) as Box<dyn Read>)
            }
            (Copy::Clean, Some(identity)) => {
                clean(file, &identity, &content).map(|b| Box::new(std::io::Cursor::new(b)) as Box<dyn Read>)
            }
        };
        match source {
            Err(e) => {
                let _ = ready.send(Err(e));
            }
            Ok(reader) => {
                let _ = ready.send(Ok(()));
                if let Err(e) = pump(reader, &tx) {
                    let _ = tx.blocking_send(Err(e));
                }
            }
        }
    });
    match started.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::warn!(evidence = %evidence.id, error = %e, "an evidence file does not open");
            return Err(AppError::Conflict(
                "this file is damaged and cannot be opened on this server".into(),
            ));
        }
        Err(e) => return Err(AppError::internal(e)),
    }
    Ok(Opened { evidence, file_name, content_type, chunks: rx })
}

fn decryptor(file: std::fs::File, identity: &age::x25519::Identity) -> std::io::Result<impl Read> {
    let d = age::Decryptor::new_buffered(std::io::BufReader::new(file)).map_err(std::io::Error::other)?;
    d.decrypt(std::iter::once(identity as &dyn age::Identity)).map_err(std::io::Error::other)
}

fn clean(
    file: std::fs::File,
    identity: &age::x25519::Identity,
    content_type: &str,
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    decryptor(file, identity)?.take(MAX_CLEAN_BYTES).read_to_end(&mut bytes)?;
    strip_metadata(content_type, &bytes).map_err(std::io::Error::other)
}

/// Sends a reader's bytes in 64 KiB chunks; stops when the client has gone.
fn pump(mut r: impl Read, tx: &mpsc::Sender<std::io::Result<Bytes>>) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        if tx.blocking_send(Ok(Bytes::copy_from_slice(&buf[..n]))).is_err() {
            return Ok(());
        }
    }
}

/// A violation's evidence files with each one's chain of custody (upload, then every opening).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    violation: &str,
) -> Result<Vec<(Evidence, Vec<AuditEvent>)>, AppError> {
    state.store.get_violation(&actor.org_id, violation).await?;
    let files = state.store.list_evidence(&actor.org_id, violation).await?;
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let trail = state.store.custody(&actor.org_id, &f.id).await?;
        out.push((f, trail));
    }
    Ok(out)
}
