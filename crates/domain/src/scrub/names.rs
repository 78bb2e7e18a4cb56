//! Protected names: the organisation's list of private persons, matched as whole words, ignoring
//! case and Latin accents, with any run of spaces between the parts of a name.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::chars::{fold_into, is_word};
use super::{Doc, Kind};

/// Protected names indexed by their first folded word, so that scrubbing looks up each word of
/// the text once instead of trying every name at every position.
#[derive(Debug, Clone, Default)]
pub(super) struct NameIndex {
    by_first: HashMap<String, Vec<Pattern>, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: the index is looked up once per word of every shared record, and SipHash's resistance
/// to crafted collisions buys nothing here because the keys are the organisation's own names.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// One protected name: its folded words and the normalised separators between them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    words: Vec<String>,
    seps: Vec<String>,
}

impl NameIndex {
    pub(super) fn new<S: AsRef<str>>(names: &[S]) -> Self {
        let mut by_first: HashMap<String, Vec<Pattern>, BuildHasherDefault<Fnv>> = HashMap::default();
        for name in names {
            let Some(pattern) = Pattern::parse(name.as_ref()) else { continue };
            let Some(first) = pattern.words.first() else { continue };
            let list = by_first.entry(first.clone()).or_default();
            if !list.contains(&pattern) {
                list.push(pattern);
            }
        }
        // Longest first: "Amina Diallo" must win over "Amina" where both are protected.
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Self { by_first }
    }

    pub(super) fn scrub(&self, doc: &mut Doc) {
        if self.by_first.is_empty() {
            return;
        }
        let text = Folded::new(&doc.chars);
        let mut found: Vec<(usize, usize)> = Vec::new();
        for k in 0..text.words.len() {
            let Some(patterns) = self.by_first.get(text.key(k)) else { continue };
            let hit = patterns.iter().find_map(|p| {
                let (start, end) = text.span(k, p, &doc.chars)?;
                doc.is_free(start, end).then_some((start, end))
            });
            found.extend(hit);
        }
        // Overlapping matches ("Moussa Amina" and "Amina Diallo" in "Moussa Amina Diallo") become
        // one placeholder: replacing only one of them would leave half of a name behind.
        let mut merged: Option<(usize, usize)> = None;
        for (start, end) in found {
            merged = match merged {
                Some((s, e)) if start < e => Some((s, e.max(end))),
                Some((s, e)) => {
                    doc.claim(s, e, Kind::Name);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some((s, e)) = merged {
            doc.claim(s, e, Kind::Name);
        }
    }
}

impl Pattern {
    fn parse(name: &str) -> Option<Self> {
        let chars: Vec<char> = name.chars().collect();
        let text = Folded::new(&chars);
        let words: Vec<String> = (0..text.words.len()).map(|k| text.key(k).to_owned()).collect();
        let seps = text.words.windows(2).map(|w| SepUnits::new(&chars[w[0].end..w[1].start]).collect());
        let seps = seps.collect();
        (!words.is_empty()).then_some(Self { words, seps })
    }
}

/// A word of the text: its character range and its folded form in [`Folded::buf`].
struct Word {
    start: usize,
    end: usize,
    key: (usize, usize),
}

/// The words of a text, folded once into one buffer.
struct Folded {
    words: Vec<Word>,
    buf: String,
}

impl Folded {
    fn new(chars: &[char]) -> Self {
        // Words average more than four characters with their separators in every script we serve.
        let mut words = Vec::with_capacity(chars.len() / 4 + 1);
        let mut buf = String::with_capacity(chars.len() + 16);
        let mut i = 0;
        while i < chars.len() {
            if !is_word(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let key_start = buf.len();
            while i < chars.len() && is_word(chars[i]) {
                fold_into(chars[i], &mut buf);
                i += 1;
            }
            words.push(Word { start, end: i, key: (key_start, buf.len()) });
        }
        Self { words, buf }
    }

    fn key(&self, k: usize) -> &str {
        self.words.get(k).and_then(|w| self.buf.get(w.key.0..w.key.1)).unwrap_or_default()
    }

    /// The character range of `pattern` when it matches the words from `k` on.
    fn span(&self, k: usize, pattern: &Pattern, chars: &[char]) -> Option<(usize, usize)> {
        let n = pattern.words.len();
        let words = self.words.get(k..k + n)?;
        let same_words = pattern.words.iter().enumerate().all(|(j, w)| self.key(k + j) == w);
        let same_seps = words
            .windows(2)
            .zip(&pattern.seps)
            .all(|(w, sep)| SepUnits::new(&chars[w[0].end..w[1].start]).eq(sep.chars()));
        let (first, last) = (words.first()?, words.last()?);
        (same_words && same_seps).then_some((first.start, last.end))
    }
}

/// What lies between two words of a name, normalised so that "Amina  Diallo", "Amina\nDiallo"
/// and "Amina-Diallo" all read as "Amina Diallo", and "N’Diaye" as "N'Diaye": writers vary these
/// freely, and a name must not escape through a double space or a hyphen.
struct SepUnits<'a> {
    chars: &'a [char],
    at: usize,
}

impl<'a> SepUnits<'a> {
    fn new(chars: &'a [char]) -> Self {
        Self { chars, at: 0 }
    }
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}')
}

impl Iterator for SepUnits<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = *self.chars.get(self.at)?;
        self.at += 1;
        if is_gap(c) {
            while self.chars.get(self.at).is_some_and(|c| is_gap(*c)) {
                self.at += 1;
            }
            return Some(' ');
        }
        Some(match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            _ => c,
        })
    }
}
