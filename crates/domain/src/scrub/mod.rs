//! The scrubber: free text that crosses an organisation boundary loses phone numbers, e-mail
//! addresses, ID-like numbers, URLs with query strings, social-media handles and protected names,
//! while dates, amounts, small numbers and the deployment's P-codes stay readable.
//!
//! A shared record must not reveal who spoke or who is talked about, yet a scrubber that eats
//! every number makes the record useless; the rules in the submodules weigh both. Each scanner
//! claims ranges of a shared `Doc` and never looks inside a range an earlier one claimed, so the
//! order in [`Scrubber::scrub`] is the order of precedence.
//!
//! Every text is normalised first (invisible characters out, Unicode NFKC), and every rule reads
//! digits of any script and names through a fold that sees past case, accents, Arabic spelling
//! variants and look-alike letters: what looks the same to a person must read the same here.
mod chars;
mod contact;
mod names;
mod numbers;
#[cfg(test)]
mod tests;
mod tokens;

use serde::Serialize;

use names::NameIndex;
use tokens::KeepCodes;

/// The placeholders, in the order of [`ScrubCounts`]'s fields.
pub const PLACEHOLDERS: [&str; 6] = ["[phone]", "[email]", "[id]", "[url]", "[name]", "[handle]"];

/// How many of each kind of detail a text lost.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ScrubCounts {
    pub phones: u32,
    pub emails: u32,
    pub ids: u32,
    pub urls: u32,
    pub names: u32,
    pub handles: u32,
}

/// A text with its details replaced by placeholders, and how many of each went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed {
    pub text: String,
    pub counts: ScrubCounts,
}

/// Built once per organisation (its protected names and its deployment's P-codes), then used for
/// every record it shares.
#[derive(Debug, Clone, Default)]
pub struct Scrubber {
    names: NameIndex,
    keep: KeepCodes,
}

impl Scrubber {
    /// `protected_names`: names of private persons the organisation protects. `keep_codes`: P-codes
    /// of the deployment's areas. Empty and whitespace-only entries are ignored.
    pub fn new<S: AsRef<str>>(protected_names: &[S], keep_codes: &[S]) -> Self {
        Self { names: NameIndex::new(protected_names), keep: KeepCodes::new(keep_codes) }
    }

    /// The text partners may read: normalised (see [`chars::normalise`]), with each detail
    /// replaced by its placeholder.
    pub fn scrub(&self, text: &str) -> Scrubbed {
        let text = chars::normalise(text);
        let mut doc = Doc::new(&text);
        // A URL's query may hold an e-mail address or a number; the whole URL goes as one.
        contact::urls(&mut doc);
        // Before handles, so that the `@` of an address is never read as a handle.
        contact::emails(&mut doc);
        // Before names, so that `@amina` becomes one handle rather than `@[name]`.
        contact::handles(&mut doc);
        // A link or a handle-like token that spells a protected name (`facebook.com/amina.diallo.77`)
        // goes whole, before names are looked for as words: `[name].77` would still point at her.
        self.names.scrub_links(&mut doc);
        // Names go wherever they stand as words: a protected name is never safe to share.
        self.names.scrub(&mut doc);
        numbers::scrub(&mut doc, &self.keep);
        doc.render(&text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Phone,
    Email,
    Id,
    Url,
    Name,
    Handle,
}

impl Kind {
    fn placeholder(self) -> &'static str {
        match self {
            Kind::Phone => PLACEHOLDERS[0],
            Kind::Email => PLACEHOLDERS[1],
            Kind::Id => PLACEHOLDERS[2],
            Kind::Url => PLACEHOLDERS[3],
            Kind::Name => PLACEHOLDERS[4],
            Kind::Handle => PLACEHOLDERS[5],
        }
    }
}

impl ScrubCounts {
    fn add(&mut self, kind: Kind) {
        let n = match kind {
            Kind::Phone => &mut self.phones,
            Kind::Email => &mut self.emails,
            Kind::Id => &mut self.ids,
            Kind::Url => &mut self.urls,
            Kind::Name => &mut self.names,
            Kind::Handle => &mut self.handles,
        };
        *n = n.saturating_add(1);
    }
}

/// The text as characters (so that scanners can look both ways cheaply) and the ranges claimed so
/// far, each to be replaced by its kind's placeholder.
struct Doc {
    chars: Vec<char>,
    claimed: Vec<bool>,
    spans: Vec<(usize, usize, Kind)>,
}

impl Doc {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let claimed = vec![false; chars.len()];
        Self { chars, claimed, spans: Vec::new() }
    }

    /// The whitespace-free runs of the text, as `(start, end)`: where links and handles live.
    fn runs(&self) -> Vec<(usize, usize)> {
        let n = self.chars.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if self.chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && !self.chars[i].is_whitespace() {
                i += 1;
            }
            runs.push((start, i));
        }
        runs
    }

    fn is_free_at(&self, i: usize) -> bool {
        self.claimed.get(i).is_some_and(|c| !c)
    }

    fn is_free(&self, start: usize, end: usize) -> bool {
        self.claimed.get(start..end).is_some_and(|r| r.iter().all(|c| !c))
    }

    /// Claims `start..end` for `kind` unless part of it is already taken.
    fn claim(&mut self, start: usize, end: usize, kind: Kind) -> bool {
        if start >= end || !self.is_free(start, end) {
            return false;
        }
        if let Some(range) = self.claimed.get_mut(start..end) {
            range.fill(true);
        }
        self.spans.push((start, end, kind));
        true
    }

    fn render(mut self, original: &str) -> Scrubbed {
        let mut counts = ScrubCounts::default();
        if self.spans.is_empty() {
            return Scrubbed { text: original.to_owned(), counts };
        }
        self.spans.sort_unstable_by_key(|s| s.0);
        let mut text = String::with_capacity(original.len());
        // Copy the kept text as slices of the original: character indices become byte offsets by
        // adding up character lengths, which is cheaper than pushing each character.
        let (mut at, mut byte) = (0, 0);
        let byte_len = |chars: &[char]| chars.iter().map(|c| c.len_utf8()).sum::<usize>();
        for &(start, end, kind) in &self.spans {
            let kept = byte_len(self.chars.get(at..start).unwrap_or_default());
            text.push_str(original.get(byte..byte + kept).unwrap_or_default());
            text.push_str(kind.placeholder());
            counts.add(kind);
            byte += kept + byte_len(self.chars.get(start..end).unwrap_or_default());
            at = end;
        }
        text.push_str(original.get(byte..).unwrap_or_default());
        Scrubbed { text, counts }
    }
}
