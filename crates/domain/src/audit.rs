//! The audit log's hash chain. Each event's hash covers its own fields and the previous event's
//! hash, so altering, removing or reordering any stored row breaks the chain at that row; the
//! recorded head (last sequence number and hash) also catches removal of the newest rows.
use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a caller asks to record. Never put secrets or reporter details in `detail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEvent {
    pub org_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: serde_json::Value,
}

impl NewAuditEvent {
    pub fn new(action: &str) -> Self {
        Self {
            org_id: None,
            actor_id: None,
            action: action.to_owned(),
            subject: None,
            detail: serde_json::Value::Null,
        }
    }
    pub fn org(mut self, org: impl ToString) -> Self {
        self.org_id = Some(org.to_string());
        self
    }
    pub fn actor(mut self, user: impl ToString) -> Self {
        self.actor_id = Some(user.to_string());
        self
    }
    pub fn subject(mut self, s: impl ToString) -> Self {
        self.subject = Some(s.to_string());
        self
    }
    pub fn detail(mut self, d: serde_json::Value) -> Self {
        self.detail = d;
        self
    }
}

/// A stored event, as read back for verification or display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub org_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    /// JSON text, kept as the exact bytes that were hashed.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEvent {
    /// Builds the event that follows `prev` (None for the first), computing its hash. Backends call
    /// this inside the transaction that holds the chain's head, so two writers cannot fork it.
    pub fn chain(new: NewAuditEvent, prev: Option<(i64, &str)>, at: DateTime<Utc>) -> Self {
        let (seq, prev_hash) = match prev {
            Some((s, h)) => (s + 1, h.to_owned()),
            None => (1, GENESIS.to_owned()),
        };
        let mut ev = AuditEvent {
            seq,
            // Both backends keep microseconds; hashing more would not survive the round trip.
            at: at.trunc_subsecs(6),
            org_id: new.org_id,
            actor_id: new.actor_id,
            action: new.action,
            subject: new.subject,
            detail: new.detail.to_string(),
            prev_hash,
            hash: String::new(),
        };
        ev.hash = ev.compute_hash();
        ev
    }

    /// SHA-256 over the length-prefixed fields, so that no two different events share an input.
    pub fn compute_hash(&self) -> String {
        let mut h = Sha256::new();
        let mut field = |s: &str| {
            h.update((s.len() as u64).to_be_bytes());
            h.update(s.as_bytes());
        };
        field(&self.seq.to_string());
        field(&self.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
        field(self.org_id.as_deref().unwrap_or("\u{0}none"));
        field(self.actor_id.as_deref().unwrap_or("\u{0}none"));
        field(&self.action);
        field(self.subject.as_deref().unwrap_or("\u{0}none"));
        field(&self.detail);
        field(&self.prev_hash);
        hex::encode(h.finalize())
    }
}

/// Where and why the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("audit chain broken at event {seq}: {reason}")]
pub struct ChainBreak {
    pub seq: i64,
    pub reason: String,
}

/// Checks the chain incrementally, so that a long log can be streamed in pages.
#[derive(Debug, Default)]
pub struct ChainVerifier {
    last: Option<(i64, String)>,
    pub checked: u64,
}

impl ChainVerifier {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, ev: &AuditEvent) -> Result<(), ChainBreak> {
        let (want_seq, want_prev) = match &self.last {
            Some((s, h)) => (s + 1, h.as_str()),
            None => (1, GENESIS),
        };
        let brk = |reason: String| Err(ChainBreak { seq: ev.seq, reason });
        if ev.seq != want_seq {
            return brk(format!("expected event {want_seq} next; events were removed or reordered"));
        }
        if ev.prev_hash != want_prev {
            return brk("its link to the previous event does not match; an earlier event was altered or events were reordered".into());
        }
        if ev.compute_hash() != ev.hash {
            return brk("its content does not match its hash; the event was altered".into());
        }
        self.last = Some((ev.seq, ev.hash.clone()));
        self.checked += 1;
        Ok(())
    }

    /// Compares the end of the chain with the head the store recorded at the last append.
    pub fn finish(self, head: Option<(i64, String)>) -> Result<u64, ChainBreak> {
        let last_seq = self.last.as_ref().map(|l| l.0).unwrap_or(0);
        match (&self.last, &head) {
            (None, None) => Ok(0),
            (Some((s, h)), Some((hs, hh))) if s == hs && h == hh => Ok(self.checked),
            (_, Some((hs, _))) => Err(ChainBreak {
                seq: last_seq + 1,
                reason: format!("the log ends at event {last_seq} but its head records event {hs}; newest events were removed"),
            }),
            (Some(_), None) => Err(ChainBreak { seq: 1, reason: "events exist but the chain head is missing".into() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: usize) -> Vec<AuditEvent> {
        let mut out: Vec<AuditEvent> = Vec::new();
        for i in 0..n {
            let prev = out.last().map(|e| (e.seq, e.hash.as_str()));
            let ev = AuditEvent::chain(
                NewAuditEvent::new("sign_in").actor(format!("u{i}")).detail(serde_json::json!({"i": i})),
                prev,
                Utc::now(),
            );
            out.push(ev);
        }
        out
    }

    fn verify(evs: &[AuditEvent], head: Option<(i64, String)>) -> Result<u64, ChainBreak> {
        let mut v = ChainVerifier::new();
        for e in evs {
            v.push(e)?;
        }
        v.finish(head)
    }

    fn head(evs: &[AuditEvent]) -> Option<(i64, String)> {
        evs.last().map(|e| (e.seq, e.hash.clone()))
    }

    #[test]
    fn intact_chain_verifies() {
        let evs = chain(5);
        assert_eq!(verify(&evs, head(&evs)).unwrap(), 5);
        assert_eq!(verify(&[], None).unwrap(), 0);
    }

    #[test]
    fn altered_event_is_named() {
        let mut evs = chain(5);
        let h = head(&evs);
        evs[2].action = "nothing_to_see".into();
        assert_eq!(verify(&evs, h).unwrap_err().seq, 3);
    }

    #[test]
    fn altered_and_rehashed_event_breaks_the_next_link() {
        let mut evs = chain(5);
        let h = head(&evs);
        evs[1].detail = "{}".into();
        evs[1].hash = evs[1].compute_hash();
        assert_eq!(verify(&evs, h).unwrap_err().seq, 3);
    }

    #[test]
    fn removed_and_reordered_events_are_found() {
        let evs = chain(5);
        let h = head(&evs);
        let mut removed = evs.clone();
        removed.remove(1);
        assert_eq!(verify(&removed, h.clone()).unwrap_err().seq, 3);

        let mut swapped = evs.clone();
        swapped.swap(2, 3);
        assert_eq!(verify(&swapped, h.clone()).unwrap_err().seq, 4);

        let truncated = &evs[..4];
        let err = verify(truncated, h).unwrap_err();
        assert_eq!(err.seq, 5);
        assert!(err.reason.contains("removed"));
    }

    #[test]
    fn hash_fields_cannot_be_shifted() {
        let a = AuditEvent::chain(NewAuditEvent::new("ab").subject("c"), None, Utc::now());
        let mut b = a.clone();
        b.action = "a".into();
        b.subject = Some("bc".into());
        assert_ne!(a.compute_hash(), b.compute_hash());
    }
}
