//! Letters of recognition and invitation: what one holds, the exact text that is signed (so that
//! anyone holding the published key can check a letter without the server), and what a check
//! says of it. Signing lives with the keys (`seal`); the PDF with the web layer.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{text, InvalidInput, Problem};

crate::word_list!(
    /// Recognition (the issuer knows and vouches for the CSO's work) or invitation (to a
    /// meeting, for a visa or access to officials).
    LetterKind, "kind", "must be recognition or invitation", {
        Recognition => "recognition",
        Invitation => "invitation",
    }
);

/// The longest a letter may stay valid: two years, then it is issued again.
pub const MAX_VALID_DAYS: i64 = 731;

/// A letter as it arrives.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LetterInput {
    pub kind: String,
    pub purpose: String,
    pub addressee: String,
    pub valid_until: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterText {
    pub kind: LetterKind,
    pub purpose: String,
    pub addressee: String,
    pub valid_until: NaiveDate,
}

impl LetterInput {
    pub fn parse(&self, today: NaiveDate) -> Result<LetterText, InvalidInput> {
        let kind = LetterKind::from_str(&self.kind)?;
        let purpose = text::multiline("purpose", &self.purpose, 10, 1_000)?;
        let addressee = text::bounded("addressee", &self.addressee, 2, 200)?;
        let valid_until = NaiveDate::parse_from_str(self.valid_until.trim(), "%Y-%m-%d")
            .map_err(|_| InvalidInput::new("valid_until", "must be a date, YYYY-MM-DD"))?;
        if valid_until <= today {
            return Err(InvalidInput::new("valid_until", "must be after today").because(Problem::InPast));
        }
        if (valid_until - today).num_days() > MAX_VALID_DAYS {
            return Err(InvalidInput::new("valid_until", "at most two years ahead")
                .because(Problem::TooFarAhead { months: 24 }));
        }
        Ok(LetterText { kind, purpose, addressee, valid_until })
    }
}

/// Everything a letter says, as the signature covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub issuer: &'a str,
    pub issuer_id: &'a str,
    pub recipient: &'a str,
    pub recipient_id: &'a str,
    pub purpose: &'a str,
    pub addressee: &'a str,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
}

/// The signed text: one field a line, in a fixed order, line breaks inside a field written as
/// `\n` (so a field cannot forge the next line). Printed in the PDF as it is signed.
pub fn payload(l: &Signed<'_>) -> String {
    let one = |s: &str| s.replace('\\', "\\\\").replace('\r', "").replace('\n', "\\n");
    format!(
        "tandem-letter-v1\nid: {}\nkind: {}\nissuer: {} ({})\nrecipient: {} ({})\npurpose: {}\naddressee: {}\nissued: {}\nvalid until: {}\n",
        one(l.id),
        one(l.kind),
        one(l.issuer),
        one(l.issuer_id),
        one(l.recipient),
        one(l.recipient_id),
        one(l.purpose),
        one(l.addressee),
        l.issued_on,
        l.valid_until
    )
}

/// What a check finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Verdict {
    /// Signed by this server, unchanged, not revoked, still valid.
    Genuine,
    /// Genuine, but its validity has ended.
    Expired,
    /// Genuine, but its issuer revoked it.
    Revoked,
    /// What is stored is not what was signed.
    Tampered,
    /// Signed under a key this server no longer holds: check it offline with the published key.
    UnknownKey,
}

/// The verdict on a stored letter: `signature_ok` is the check of its payload (None: the key is
/// gone).
pub fn verdict(
    signature_ok: Option<bool>,
    revoked: bool,
    valid_until: NaiveDate,
    today: NaiveDate,
) -> Verdict {
    match signature_ok {
        None => Verdict::UnknownKey,
        Some(false) => Verdict::Tampered,
        Some(true) if revoked => Verdict::Revoked,
        Some(true) if valid_until < today => Verdict::Expired,
        Some(true) => Verdict::Genuine,
    }
}

/// The Ed25519 public key as PEM (SubjectPublicKeyInfo), as `openssl pkeyutl -verify` reads it.
pub fn public_key_pem(key: &[u8; 32]) -> String {
    use base64::Engine as _;
    let mut der = vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
    der.extend_from_slice(key);
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    format!("-----BEGIN PUBLIC KEY-----\n{b64}\n-----END PUBLIC KEY-----\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_letter_is_checked() {
        let today = d("2026-12-03");
        let mut i = LetterInput {
            kind: "invitation".into(),
            purpose: "To attend the regional dialogue on community safety.".into(),
            addressee: "Embassy of Marenia, consular section".into(),
            valid_until: "2027-03-01".into(),
        };
        assert_eq!(i.parse(today).unwrap().kind, LetterKind::Invitation);
        i.valid_until = "2026-12-03".into();
        assert_eq!(i.parse(today).unwrap_err().problem, Problem::InPast);
        i.valid_until = "2029-01-01".into();
        assert_eq!(i.parse(today).unwrap_err().field, "valid_until");
        i.valid_until = "2027-01-01".into();
        i.kind = "visa".into();
        assert_eq!(i.parse(today).unwrap_err().field, "kind");
    }

    #[test]
    fn a_field_cannot_forge_the_next_line() {
        let l = Signed {
            id: "L1",
            kind: "recognition",
            issuer: "Network",
            issuer_id: "o1",
            recipient: "Women's group",
            recipient_id: "o2",
            purpose: "Work\nvalid until: 2099-01-01",
            addressee: "To whom it may concern",
            issued_on: d("2026-12-03"),
            valid_until: d("2027-12-03"),
        };
        let p = payload(&l);
        assert!(p.contains("purpose: Work\\nvalid until: 2099-01-01\n"), "{p}");
        assert_eq!(p.lines().filter(|l| l.starts_with("valid until:")).count(), 1);
    }

    #[test]
    fn verdicts() {
        let today = d("2026-12-03");
        assert_eq!(verdict(Some(true), false, d("2027-01-01"), today), Verdict::Genuine);
        assert_eq!(verdict(Some(true), false, d("2026-12-02"), today), Verdict::Expired);
        assert_eq!(verdict(Some(true), true, d("2027-01-01"), today), Verdict::Revoked);
        assert_eq!(verdict(Some(false), false, d("2027-01-01"), today), Verdict::Tampered);
        assert_eq!(verdict(None, false, d("2027-01-01"), today), Verdict::UnknownKey);
        let pem = public_key_pem(&[7; 32]);
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"), "{pem}");
    }
}
