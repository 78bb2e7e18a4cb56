//! Encryption at rest of what identifies people: reporter contacts, SMS senders, the protected
//! names list and files that arrive with reports (photos from the field). XChaCha20-Poly1305 under keys that live in a key file
//! outside the database (`TANDEM_KEY_FILE`), so a stolen database or backup alone reveals nobody.
//! Every ciphertext carries the id of its key, so keys can be rotated, and is bound to the record
//! it belongs to (associated data), so a ciphertext copied onto another record does not open.
use std::fmt;

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

/// What a sealed value is; part of the associated data, so a contact cannot pass for a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    ReporterContact,
    SmsSender,
    ProtectedName,
    /// A file that came with a report (sealed as bytes: [`Keyring::seal_bytes`]).
    Attachment,
    /// The names of a violation's victims, kept only when they consented.
    VictimNames,
    /// Who told the observatory about a violation.
    SourceIdentity,
}

impl Purpose {
    /// The purposes of sealed *texts*; attachments are sealed as bytes and kept apart.
    pub const ALL: [Purpose; 5] = [
        Purpose::ReporterContact,
        Purpose::SmsSender,
        Purpose::ProtectedName,
        Purpose::VictimNames,
        Purpose::SourceIdentity,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ReporterContact => "reporter_contact",
            Purpose::SmsSender => "sms_sender",
            Purpose::ProtectedName => "protected_name",
            Purpose::Attachment => "attachment",
            Purpose::VictimNames => "victim_names",
            Purpose::SourceIdentity => "source_identity",
        }
    }
}

/// The record a sealed value belongs to: its purpose, owning organisation and record id.
#[derive(Debug, Clone, Copy)]
pub struct Binding<'a> {
    pub purpose: Purpose,
    pub org: &'a str,
    pub record: &'a str,
}

impl Binding<'_> {
    fn aad(&self) -> String {
        format!("tandem/v1/{}/{}/{}", self.purpose.as_str(), self.org, self.record)
    }
}

/// A sealed file as stored: the key's id, and the nonce (24 bytes) followed by ciphertext+tag.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedBytes {
    pub key_id: String,
    pub data: Vec<u8>,
}

impl fmt::Debug for SealedBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealedBytes").field("key_id", &self.key_id).field("len", &self.data.len()).finish()
    }
}

/// A ciphertext as stored: the key's id, and hex of nonce (24 bytes) followed by ciphertext+tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub key_id: String,
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the value was encrypted under key {0}, which is not in the key file")]
    UnknownKey(String),
    #[error("the value does not decrypt: damaged, or copied from another record")]
    Corrupt,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key file line {line}: {message}")]
pub struct KeyFileError {
    pub line: usize,
    pub message: String,
}

struct Key {
    id: String,
    bytes: [u8; 32],
    cipher: XChaCha20Poly1305,
}

/// The keys of a deployment. The first encrypts; the others only open values sealed before the
/// last rotation, until `rotate-key` has re-encrypted them.
pub struct Keyring {
    keys: Vec<Key>,
}

impl fmt::Debug for Keyring {
    // Never print key material, even in a debug log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring").field("key_ids", &self.ids()).finish()
    }
}

const LINE_TAG: &str = "tandem-key-v1";
const HEADER: &str =
    "# Tandem encryption keys. Keep this file secret, and back it up apart from the database:\n\
# without it, reporter contacts and protected names cannot be read. The first key encrypts;\n\
# the others only decrypt values not yet re-encrypted (see `tandem admin rotate-key`).\n";

fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Keyring {
    /// A keyring with one fresh random key whose id starts with `prefix` (e.g. today's date).
    pub fn generate(prefix: &str) -> Self {
        Self { keys: vec![Self::fresh_key(prefix)] }
    }

    fn fresh_key(prefix: &str) -> Key {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(&key);
        let mut tag = [0u8; 4];
        OsRng.fill_bytes(&mut tag);
        let id = format!("k-{prefix}-{}", hex::encode(tag));
        Key { cipher: XChaCha20Poly1305::new(&key), id, bytes }
    }

    /// This keyring with a fresh key in front: new values are sealed under it.
    pub fn rotated(&self, prefix: &str) -> Self {
        let mut keys = vec![Self::fresh_key(prefix)];
        keys.extend(self.keys.iter().map(|k| Key {
            id: k.id.clone(),
            bytes: k.bytes,
            cipher: k.cipher.clone(),
        }));
        Self { keys }
    }

    /// This keyring with only the keys `keep` says to keep; the current key always stays.
    pub fn retain(&self, keep: impl Fn(&str) -> bool) -> Self {
        let keys = self
            .keys
            .iter()
            .enumerate()
            .filter(|(i, k)| *i == 0 || keep(&k.id))
            .map(|(_, k)| Key { id: k.id.clone(), bytes: k.bytes, cipher: k.cipher.clone() })
            .collect();
        Self { keys }
    }

    /// Reads a key file: comment lines start with `#`; each key line is
    /// `tandem-key-v1 ID HEX64`. Errors name the line.
    pub fn parse(text: &str) -> Result<Self, KeyFileError> {
        let mut keys: Vec<Key> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let err = |m: &str| KeyFileError { line: line_no, message: m.to_owned() };
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = l.split_whitespace().collect();
            let [tag, id, hexkey] = parts[..] else {
                return Err(err("expected `tandem-key-v1 ID KEY`"));
            };
            if tag != LINE_TAG {
                return Err(err("unknown key format (expected tandem-key-v1)"));
            }
            if !valid_id(id) {
                return Err(err("key id must be 1 to 40 lower-case letters, digits or '-'"));
            }
            if keys.iter().any(|k| k.id == id) {
                return Err(err(&format!("key id {id} appears twice")));
            }
            let mut bytes = [0u8; 32];
            hex::decode_to_slice(hexkey, &mut bytes)
                .map_err(|_| err("the key must be 64 hexadecimal characters (32 bytes)"))?;
            let cipher = XChaCha20Poly1305::new(&bytes.into());
            keys.push(Key { id: id.to_owned(), bytes, cipher });
        }
        if keys.is_empty() {
            return Err(KeyFileError { line: 0, message: "the file holds no key".into() });
        }
        Ok(Self { keys })
    }

    /// The key file's text, current key first.
    pub fn to_file_text(&self) -> String {
        let mut out = HEADER.to_owned();
        for k in &self.keys {
            out.push_str(&format!("{LINE_TAG} {} {}\n", k.id, hex::encode(k.bytes)));
        }
        out
    }

    pub fn current_id(&self) -> &str {
        self.keys.first().map(|k| k.id.as_str()).unwrap_or_default()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.keys.iter().map(|k| k.id.as_str()).collect()
    }

    /// Encrypts `plaintext` under the current key, bound to `binding`.
    pub fn seal(&self, plaintext: &str, binding: &Binding) -> Sealed {
        // A keyring always holds a key: `generate` and `parse` refuse to make an empty one.
        let key = &self.keys[0];
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let aad = binding.aad();
        // Encryption with a valid key and nonce only fails for messages beyond 256 GiB.
        let ct = key
            .cipher
            .encrypt(&nonce, Payload { msg: plaintext.as_bytes(), aad: aad.as_bytes() })
            .unwrap_or_default();
        let mut data = Vec::with_capacity(nonce.len() + ct.len());
        data.extend_from_slice(&nonce);
        data.extend_from_slice(&ct);
        Sealed { key_id: key.id.clone(), data: hex::encode(data) }
    }

    /// Decrypts a value sealed under any key of this keyring for the same binding.
    pub fn open(&self, sealed: &Sealed, binding: &Binding) -> Result<String, SealError> {
        let key = self
            .keys
            .iter()
            .find(|k| k.id == sealed.key_id)
            .ok_or_else(|| SealError::UnknownKey(sealed.key_id.clone()))?;
        let raw = hex::decode(&sealed.data).map_err(|_| SealError::Corrupt)?;
        if raw.len() < 24 + 16 {
            return Err(SealError::Corrupt);
        }
        let (nonce, ct) = raw.split_at(24);
        let aad = binding.aad();
        let pt = key
            .cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad: aad.as_bytes() })
            .map_err(|_| SealError::Corrupt)?;
        String::from_utf8(pt).map_err(|_| SealError::Corrupt)
    }

    /// Encrypts a file under the current key, bound to `binding`.
    pub fn seal_bytes(&self, plaintext: &[u8], binding: &Binding) -> SealedBytes {
        let key = &self.keys[0];
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let aad = binding.aad();
        // As in `seal`: encryption only fails beyond 256 GiB, far above any upload limit.
        let ct =
            key.cipher.encrypt(&nonce, Payload { msg: plaintext, aad: aad.as_bytes() }).unwrap_or_default();
        let mut data = Vec::with_capacity(nonce.len() + ct.len());
        data.extend_from_slice(&nonce);
        data.extend_from_slice(&ct);
        SealedBytes { key_id: key.id.clone(), data }
    }

    /// Decrypts a file sealed under any key of this keyring for the same binding.
    pub fn open_bytes(&self, sealed: &SealedBytes, binding: &Binding) -> Result<Vec<u8>, SealError> {
        let key = self
            .keys
            .iter()
            .find(|k| k.id == sealed.key_id)
            .ok_or_else(|| SealError::UnknownKey(sealed.key_id.clone()))?;
        if sealed.data.len() < 24 + 16 {
            return Err(SealError::Corrupt);
        }
        let (nonce, ct) = sealed.data.split_at(24);
        let aad = binding.aad();
        key.cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad: aad.as_bytes() })
            .map_err(|_| SealError::Corrupt)
    }

    pub fn has_key(&self, id: &str) -> bool {
        self.keys.iter().any(|k| k.id == id)
    }

    /// The `age` identity that opens `org`'s evidence files sealed under key `key_id`. It is
    /// derived from that key and the organisation, so nothing more needs keeping, and one
    /// organisation's identity opens none of another's files. Handed to a court with the files,
    /// it lets the standard `age` command open them (`tandem admin evidence-identity`).
    pub fn evidence_identity(&self, key_id: &str, org: &str) -> Result<age::x25519::Identity, SealError> {
        use sha2::{Digest, Sha256};
        let key = self
            .keys
            .iter()
            .find(|k| k.id == key_id)
            .ok_or_else(|| SealError::UnknownKey(key_id.to_owned()))?;
        let mut h = Sha256::new();
        h.update(b"tandem/v1/evidence-identity/");
        h.update(org.as_bytes());
        h.update([0u8]);
        h.update(key.bytes);
        let secret: [u8; 32] = h.finalize().into();
        // age reads identities only from their text form: Bech32 under AGE-SECRET-KEY-.
        let hrp = bech32::Hrp::parse_unchecked("age-secret-key-");
        let text = bech32::encode_lower::<bech32::Bech32>(hrp, &secret).map_err(|_| SealError::Corrupt)?;
        text.to_uppercase().parse().map_err(|_| SealError::Corrupt)
    }

    /// The letter-signing key under the key `key_id`: an Ed25519 key derived from it (so the
    /// key file stays the one secret to keep), for letters of recognition anyone can verify.
    fn letter_key(&self, key_id: &str) -> Result<ed25519_dalek::SigningKey, SealError> {
        let key = self
            .keys
            .iter()
            .find(|k| k.id == key_id)
            .ok_or_else(|| SealError::UnknownKey(key_id.to_owned()))?;
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(b"tandem/v1/letter-signing/");
        h.update(key.bytes);
        let seed: [u8; 32] = h.finalize().into();
        Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// Signs `payload` with the current key's letter key: the key's id and the signature.
    pub fn sign_letter(&self, payload: &str) -> (String, [u8; 64]) {
        use ed25519_dalek::Signer;
        let id = self.current_id().to_owned();
        // The current key is always in the ring.
        let sig = self.letter_key(&id).map(|k| k.sign(payload.as_bytes()).to_bytes()).unwrap_or([0; 64]);
        (id, sig)
    }

    /// Whether `signature` is the letter key `key_id`'s over `payload`; UnknownKey once that
    /// key has left the ring (the letter can still be checked offline with its published key).
    pub fn verify_letter(&self, key_id: &str, payload: &str, signature: &[u8]) -> Result<bool, SealError> {
        use ed25519_dalek::Verifier;
        let public = self.letter_key(key_id)?.verifying_key();
        let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else { return Ok(false) };
        Ok(public.verify(payload.as_bytes(), &sig).is_ok())
    }

    /// Every letter key's public half, by key id, current first: what the server publishes.
    pub fn letter_public_keys(&self) -> Vec<(String, [u8; 32])> {
        self.keys
            .iter()
            .filter_map(|k| Some((k.id.clone(), self.letter_key(&k.id).ok()?.verifying_key().to_bytes())))
            .collect()
    }

    /// The current key's id and `org`'s evidence identity under it: new files are sealed to it.
    pub fn current_evidence_identity(&self, org: &str) -> Result<(String, age::x25519::Identity), SealError> {
        let id = self.current_id().to_owned();
        let identity = self.evidence_identity(&id, org)?;
        Ok((id, identity))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b<'a>(org: &'a str, rec: &'a str) -> Binding<'a> {
        Binding { purpose: Purpose::ReporterContact, org, record: rec }
    }

    #[test]
    fn letters_verify_under_their_key_and_fail_when_changed() {
        let ring = Keyring::generate("t");
        let (id, sig) = ring.sign_letter("letter one");
        assert!(ring.verify_letter(&id, "letter one", &sig).unwrap());
        assert!(!ring.verify_letter(&id, "letter one!", &sig).unwrap(), "a changed letter fails");
        let mut bad = sig;
        bad[0] ^= 1;
        assert!(!ring.verify_letter(&id, "letter one", &bad).unwrap());
        assert!(!ring.verify_letter(&id, "letter one", &sig[..10]).unwrap());
        // After a rotation the old letters still verify, new ones sign under the new key.
        let rotated = ring.rotated("u");
        assert!(rotated.verify_letter(&id, "letter one", &sig).unwrap());
        assert_eq!(rotated.sign_letter("x").0, rotated.current_id());
        assert_ne!(rotated.current_id(), id);
        assert_eq!(rotated.letter_public_keys().len(), 2);
        assert!(matches!(
            Keyring::generate("v").verify_letter(&id, "letter one", &sig),
            Err(SealError::UnknownKey(_))
        ));
    }

    #[test]
    fn evidence_identities_are_stable_per_key_and_organisation() {
        use age::secrecy::ExposeSecret;
        let ring = Keyring::generate("t");
        let (id, a) = ring.current_evidence_identity("org1").unwrap();
        let again = ring.evidence_identity(&id, "org1").unwrap();
        assert_eq!(a.to_string().expose_secret(), again.to_string().expose_secret());
        assert!(a.to_string().expose_secret().starts_with("AGE-SECRET-KEY-1"));
        let other = ring.evidence_identity(&id, "org2").unwrap();
        assert_ne!(a.to_public().to_string(), other.to_public().to_string(), "one per organisation");
        let rotated = ring.rotated("u");
        let (new_id, b) = rotated.current_evidence_identity("org1").unwrap();
        assert_ne!(new_id, id);
        assert_ne!(a.to_public().to_string(), b.to_public().to_string(), "one per key");
        assert_eq!(
            rotated.evidence_identity(&id, "org1").unwrap().to_public().to_string(),
            a.to_public().to_string(),
            "older keys still open older files"
        );
        assert!(matches!(ring.evidence_identity("k-gone", "org1"), Err(SealError::UnknownKey(_))));
    }

    #[test]
    fn files_seal_and_open_only_for_the_same_record() {
        let keys = Keyring::generate("t");
        let photo: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        let bind = |rec| Binding { purpose: Purpose::Attachment, org: "org1", record: rec };
        let sealed = keys.seal_bytes(&photo, &bind("a1"));
        assert_eq!(sealed.data.len(), photo.len() + 24 + 16);
        assert!(!sealed.data.windows(64).any(|w| photo.windows(64).next() == Some(w)), "not in the clear");
        assert_eq!(keys.open_bytes(&sealed, &bind("a1")).unwrap(), photo);
        assert_eq!(keys.open_bytes(&sealed, &bind("a2")), Err(SealError::Corrupt));
        let as_contact = Binding { purpose: Purpose::ReporterContact, org: "org1", record: "a1" };
        assert_eq!(keys.open_bytes(&sealed, &as_contact), Err(SealError::Corrupt));
        let rotated = keys.rotated("u");
        assert_eq!(rotated.open_bytes(&sealed, &bind("a1")).unwrap(), photo, "older keys still open");
    }

    #[test]
    fn seals_and_opens_only_for_the_same_record() {
        let ring = Keyring::generate("20261123");
        let s = ring.seal("+237 600 000 000", &b("org1", "rep1"));
        assert_eq!(s.key_id, ring.current_id());
        assert!(!s.data.contains(&hex::encode("+237 600")), "ciphertext, not the text in hex");
        assert_eq!(ring.open(&s, &b("org1", "rep1")).unwrap(), "+237 600 000 000");
        assert_eq!(ring.open(&s, &b("org1", "rep2")), Err(SealError::Corrupt));
        assert_eq!(ring.open(&s, &b("org2", "rep1")), Err(SealError::Corrupt));
        let as_name = Binding { purpose: Purpose::ProtectedName, org: "org1", record: "rep1" };
        assert_eq!(ring.open(&s, &as_name), Err(SealError::Corrupt));
        // Two seals of the same text differ (random nonce), so equal contacts are not linkable.
        assert_ne!(ring.seal("x", &b("o", "r")).data, ring.seal("x", &b("o", "r")).data);
        let mut tampered = s.clone();
        tampered.data.replace_range(60..62, if &s.data[60..62] == "00" { "01" } else { "00" });
        assert_eq!(ring.open(&tampered, &b("org1", "rep1")), Err(SealError::Corrupt));
        assert_eq!(
            ring.open(&Sealed { key_id: s.key_id.clone(), data: "zz".into() }, &b("org1", "rep1")),
            Err(SealError::Corrupt)
        );
    }

    #[test]
    fn key_file_round_trip_and_rotation() {
        let ring = Keyring::generate("20261123");
        let s = ring.seal("amina@example.org", &b("o", "r"));
        let text = ring.to_file_text();
        assert!(text.starts_with('#'));
        let back = Keyring::parse(&text).unwrap();
        assert_eq!(back.open(&s, &b("o", "r")).unwrap(), "amina@example.org");
        let rotated = back.rotated("20261124");
        assert_ne!(rotated.current_id(), ring.current_id());
        assert_eq!(rotated.ids().len(), 2);
        assert_eq!(rotated.open(&s, &b("o", "r")).unwrap(), "amina@example.org", "old values still open");
        let s2 = rotated.seal("x", &b("o", "r"));
        assert_eq!(s2.key_id, rotated.current_id());
        let retired = rotated.retain(|_| false);
        assert_eq!(retired.ids(), vec![rotated.current_id()]);
        assert_eq!(retired.open(&s, &b("o", "r")), Err(SealError::UnknownKey(ring.current_id().into())));
        assert!(!format!("{rotated:?}").contains(&hex::encode(rotated.keys[0].bytes)), "Debug hides keys");
    }

    #[test]
    fn bad_key_files_name_the_line() {
        let good = Keyring::generate("x").to_file_text();
        let key_line = good.lines().last().unwrap().to_owned();
        for (text, line, needle) in [
            ("", 0, "no key"),
            ("# only a comment\n", 0, "no key"),
            ("\nsomething else\n", 2, "expected"),
            ("other-v1 k1 00\n", 1, "unknown key format"),
            ("tandem-key-v1 K1 00\n", 1, "key id"),
            ("tandem-key-v1 k1 0011\n", 1, "64 hexadecimal"),
        ] {
            let e = Keyring::parse(text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.message.contains(needle), "{text:?}: {e}");
        }
        let twice = format!("{key_line}\n{key_line}\n");
        assert_eq!(Keyring::parse(&twice).unwrap_err().line, 2);
    }
}
