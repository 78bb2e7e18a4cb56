//! Letters of recognition and invitation as the API and the pages use them: a coordinator
//! issues one in the organisation's name to another organisation (a CSO, for a visa or access
//! to officials); it is signed with the server's letter key (Ed25519, derived from the key
//! file) over its exact text, printed as a one-page PDF with a QR code of its verification
//! address, and anyone checks it there or offline with the published public key. Only its
//! issuer revokes it.
pub mod pdf;

use base64::Engine as _;
use chrono::Utc;
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::letter::{payload, public_key_pem, verdict, LetterInput, Signed, Verdict};
use tandem_domain::{InvalidInput, OrgId, Problem};
use tandem_store::{Letter, NewLetter, StoreError};

use crate::app_error::AppError;
use crate::AppState;

/// The exact text the letter's signature covers, rebuilt from what is stored.
pub fn signed_text(l: &Letter) -> String {
    payload(&Signed {
        id: &l.id,
        kind: &l.kind,
        issuer: &l.issuer_name,
        issuer_id: &l.issuer_org,
        recipient: &l.recipient_name,
        recipient_id: &l.recipient_org,
        purpose: &l.purpose,
        addressee: &l.addressee,
        issued_on: l.issued_on,
        valid_until: l.valid_until,
    })
}

/// Issues a letter from the actor's organisation to `recipient` (an organisation's id).
pub async fn issue(
    state: &AppState,
    actor: &Actor,
    recipient: &str,
    input: &LetterInput,
) -> Result<Letter, AppError> {
    issue_with(state.store.as_ref(), &state.keys, actor, recipient, input).await
}

/// [`issue`] with the store and keys named (the demo issues one before any server runs).
pub async fn issue_with(
    store: &dyn tandem_store::Store,
    keys: &tandem_domain::seal::Keyring,
    actor: &Actor,
    recipient: &str,
    input: &LetterInput,
) -> Result<Letter, AppError> {
    let today = Utc::now().date_naive();
    let text = input.parse(today)?;
    let unknown = || InvalidInput::new("recipient_org", "no such organisation").because(Problem::Unknown);
    let recipient = OrgId::parse(recipient.trim()).map_err(|_| unknown())?;
    if recipient == actor.org_id {
        return Err(InvalidInput::new("recipient_org", "a letter is for another organisation").into());
    }
    let to = store.get_org(&recipient).await.map_err(|e| match e {
        StoreError::NotFound => AppError::from(unknown()),
        e => e.into(),
    })?;
    let from = store.get_org(&actor.org_id).await?;
    let id = OrgId::new().to_string();
    let signed = Signed {
        id: &id,
        kind: text.kind.as_str(),
        issuer: &from.name,
        issuer_id: from.id.as_str(),
        recipient: &to.name,
        recipient_id: to.id.as_str(),
        purpose: &text.purpose,
        addressee: &text.addressee,
        issued_on: today,
        valid_until: text.valid_until,
    };
    let (key_id, signature) = keys.sign_letter(&payload(&signed));
    let new = NewLetter {
        id: id.clone(),
        issuer_org: from.id.clone(),
        recipient_org: to.id.clone(),
        issuer_name: from.name.clone(),
        recipient_name: to.name.clone(),
        kind: text.kind,
        purpose: text.purpose.clone(),
        addressee: text.addressee.clone(),
        issued_on: today,
        valid_until: text.valid_until,
        key_id,
        signature: hex::encode(signature),
        by: actor.user_id.clone(),
    };
    let ev = NewAuditEvent::new("letter.issue").org(&actor.org_id).actor(&actor.user_id).subject(&id);
    Ok(store.create_letter(&new, ev).await?)
}

/// The letters the actor's organisation issued or received.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Letter>, AppError> {
    Ok(state.store.letters(&actor.org_id).await?)
}

/// One of the organisation's letters (issued or received); NotFound for anyone else's.
pub async fn own(state: &AppState, actor: &Actor, id: &str) -> Result<Letter, AppError> {
    let l = state.store.letter(id).await?;
    if l.issuer_org != actor.org_id.as_str() && l.recipient_org != actor.org_id.as_str() {
        return Err(AppError::NotFound);
    }
    Ok(l)
}

pub async fn revoke(state: &AppState, actor: &Actor, id: &str) -> Result<Letter, AppError> {
    let ev = NewAuditEvent::new("letter.revoke").org(&actor.org_id).actor(&actor.user_id).subject(id);
    match state.store.revoke_letter(&actor.org_id, id, ev).await {
        Err(StoreError::Conflict(m)) => Err(AppError::Conflict(m)),
        r => Ok(r?),
    }
}

/// What a check of a letter finds, for anyone.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Checked {
    pub verdict: Verdict,
    pub letter: Letter,
    /// The exact signed text.
    pub signed_text: String,
    /// The letter key's public half, PEM (as `openssl pkeyutl -verify` reads it).
    pub public_key: Option<String>,
}

pub async fn check(state: &AppState, id: &str) -> Result<Checked, AppError> {
    let letter = state.store.letter(id).await?;
    let text = signed_text(&letter);
    let ok = match hex::decode(&letter.signature) {
        Ok(sig) => state.keys.verify_letter(&letter.key_id, &text, &sig).ok(),
        Err(_) => Some(false),
    };
    let today = Utc::now().date_naive();
    let v = verdict(ok, letter.revoked_at.is_some(), letter.valid_until, today);
    let public_key = public_key(state, &letter.key_id);
    Ok(Checked { verdict: v, letter, signed_text: text, public_key })
}

/// The PEM of the letter key under `key_id`, when the server still holds it.
pub fn public_key(state: &AppState, key_id: &str) -> Option<String> {
    state.keys.letter_public_keys().into_iter().find(|(id, _)| id == key_id).map(|(_, k)| public_key_pem(&k))
}

/// Where anyone checks the letter.
pub fn verify_url(state: &AppState, id: &str) -> String {
    state.config.public(&format!("/verify/letters/{id}"))
}

/// The letter as a one-page PDF.
pub fn pdf(state: &AppState, l: &Letter) -> Result<Vec<u8>, AppError> {
    use pdf::Block;
    let url = verify_url(state, &l.id);
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(AppError::internal)?;
    let modules: Vec<bool> = code.to_colors().iter().map(|c| *c == qrcode::Color::Dark).collect();
    let (heading, body) = if l.kind == "invitation" {
        (
            "Letter of invitation",
            format!("{} invites {} for the following purpose.", l.issuer_name, l.recipient_name),
        )
    } else {
        (
            "Letter of recognition",
            format!(
                "{} knows {} and recognises its work, for the following purpose.",
                l.issuer_name, l.recipient_name
            ),
        )
    };
    let text = signed_text(l);
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let signed_b64 = b64(text.as_bytes());
    let sig_b64 = hex::decode(&l.signature).map(|s| b64(&s)).unwrap_or_default();
    let issued = format!("Issued on {} by {}.", l.issued_on, l.issuer_name);
    let to = format!("To: {}", l.addressee);
    let valid =
        format!("Valid until {}. Check that it is genuine, current and not revoked at:", l.valid_until);
    let key = format!("Signed (Ed25519) under the key {}; its public key is on that page.", l.key_id);
    let mut blocks = vec![
        Block::Heading(&l.issuer_name),
        Block::Paragraph(&issued),
        Block::Gap,
        Block::Heading(heading),
        Block::Paragraph(&to),
        Block::Gap,
        Block::Paragraph(&body),
        Block::Paragraph(&l.purpose),
        Block::Gap,
        Block::Paragraph(&valid),
        Block::Paragraph(&url),
        Block::Gap,
        Block::Paragraph(&key),
        Block::Mono("-----BEGIN SIGNED TEXT-----"),
    ];
    let chunks: Vec<String> =
        signed_b64.as_bytes().chunks(96).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    blocks.extend(chunks.iter().map(|c| Block::Mono(c)));
    blocks.push(Block::Mono("-----END SIGNED TEXT-----"));
    blocks.push(Block::Mono("-----BEGIN SIGNATURE-----"));
    blocks.push(Block::Mono(&sig_b64));
    blocks.push(Block::Mono("-----END SIGNATURE-----"));
    Ok(pdf::page(heading, &blocks, &modules, code.width()))
}
