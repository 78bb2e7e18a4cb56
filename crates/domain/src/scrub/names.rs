//! Protected names: the organisation's list of private persons, matched as whole words through
//! the fold of [`fold_into`] (case, accents, Arabic spellings, look-alike letters), with any run
//! of spaces, dashes or commas between the parts of a name, in the written order or surname
//! first ("Diallo, Amina"), and spelled inside links and handles (`t.me/aminadiallo`).
//!
//! Each entry of the list is one way of naming one person: an organisation adds a nickname or the
//! name in another script as an entry of its own.
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::AhoCorasick;

use super::chars::{fold_into, is_dash, is_digit, is_word};
use super::contact::url_start;
use super::{Doc, Kind};

/// Inside a link or a handle, a name of fewer letters than this must be a whole piece of it
/// (`ali_77`), not merely appear in it (`mali-report`).
const MIN_GLUED: usize = 4;

/// Protected names indexed by their first folded word, so that scrubbing looks up each word of
/// the text once instead of trying every name at every position; and their letters run together,
/// for links and handles.
#[derive(Debug, Clone, Default)]
pub(super) struct NameIndex {
    by_first: HashMap<String, Vec<Pattern>, BuildHasherDefault<Fnv>>,
    glued: Glued,
}

/// Each name's letters without spaces (`aminadiallo`, `dialloamina`): long ones are found
/// anywhere in a link's letters, short ones only as a whole piece.
#[derive(Debug, Clone, Default)]
struct Glued {
    long: Vec<String>,
    /// Built from `long`; `None` only if the automaton could not be built, and then `long` is
    /// searched one name at a time.
    automaton: Option<AhoCorasick>,
    short: HashSet<String>,
}

impl Glued {
    fn new(patterns: impl Iterator<Item = String>) -> Self {
        let mut glued = Self::default();
        for key in patterns {
            if key.chars().count() >= MIN_GLUED {
                glued.long.push(key);
            } else {
                glued.short.insert(key);
            }
        }
        glued.long.sort_unstable();
        glued.long.dedup();
        glued.automaton = (!glued.long.is_empty()).then(|| AhoCorasick::new(&glued.long).ok()).flatten();
        glued
    }

    fn is_empty(&self) -> bool {
        self.long.is_empty() && self.short.is_empty()
    }

    /// Whether the run of characters `run` spells one of the names. `letters` is scratch space.
    fn spelled_in(&self, run: &[char], letters: &mut String) -> bool {
        letters.clear();
        let mut piece = 0;
        let short_at = |piece: usize, letters: &str| {
            !self.short.is_empty()
                && letters.len() > piece
                && self.short.contains(letters.get(piece..).unwrap_or_default())
        };
        for &c in run {
            if is_letter(c) {
                fold_into(c, letters);
                continue;
            }
            if short_at(piece, letters) {
                return true;
            }
            piece = letters.len();
        }
        if short_at(piece, letters) {
            return true;
        }
        match &self.automaton {
            _ if letters.is_empty() => false,
            Some(automaton) => automaton.is_match(letters.as_str()),
            None => self.long.iter().any(|name| letters.contains(name.as_str())),
        }
    }
}

fn is_letter(c: char) -> bool {
    is_word(c) && c != '_' && !is_digit(c)
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
        let patterns = names.iter().filter_map(|n| Pattern::parse(n.as_ref()));
        let spellings = patterns.flat_map(|p| [p.surname_first(), Some(p)]).flatten();
        // A name's parts written together ("AminaDiallo", or once a zero-width space between them
        // is gone) are one plain word, which only this one-word spelling matches.
        let spellings = spellings.flat_map(|p| [p.glued(), Some(p)]).flatten();
        for pattern in spellings {
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
        let glued = Glued::new(by_first.values().flatten().map(|p| p.words.concat()));
        Self { by_first, glued }
    }

    /// Links and handle-like tokens (`facebook.com/amina.diallo.77`, `amina_diallo`, `Diallo77`)
    /// that spell a protected name go whole: a link as `[url]`, anything else as `[name]`.
    pub(super) fn scrub_links(&self, doc: &mut Doc) {
        if self.glued.is_empty() {
            return;
        }
        let mut letters = String::new();
        for (i, end) in doc.runs() {
            let (start, stop) = trim_run(&doc.chars, i, end);
            let run = doc.chars.get(start..stop).unwrap_or_default();
            // Plain words are left to `scrub`, which matches them as words.
            if doc.is_free(start, stop) && !is_plain(run) && self.glued.spelled_in(run, &mut letters) {
                let kind = if url_start(&doc.chars, start, stop).is_some() { Kind::Url } else { Kind::Name };
                doc.claim(start, stop, kind);
            }
        }
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

    /// The name's words run together, as one word; `None` for a name of one word.
    fn glued(&self) -> Option<Self> {
        (self.words.len() > 1).then(|| Self { words: vec![self.words.concat()], seps: Vec::new() })
    }

    /// The same name with its last word first, as registers and lists write it ("DIALLO Amina",
    /// "Diallo, Amina"); `None` for a name of one word.
    fn surname_first(&self) -> Option<Self> {
        let (last, rest) = self.words.split_last()?;
        if rest.is_empty() {
            return None;
        }
        let words = std::iter::once(last).chain(rest).cloned().collect();
        Some(Self { words, seps: vec![" ".to_owned(); rest.len()] })
    }
}

/// A whitespace-free run without the brackets, quotes and sentence punctuation around it.
fn trim_run(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    let opening = |c: char| matches!(c, '(' | '[' | '{' | '<' | '"' | '\'' | '«' | '“' | '‘');
    let closing = |c: char| {
        matches!(
            c,
            ')' | ']'
                | '}'
                | '>'
                | '"'
                | '\''
                | '»'
                | '”'
                | '’'
                | '.'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '،'
                | '؛'
                | '؟'
        )
    };
    while start < end && opening(chars[start]) {
        start += 1;
    }
    while end > start && closing(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Letters, and the gaps and apostrophes that may stand between the words of a name.
fn is_plain(run: &[char]) -> bool {
    run.iter().all(|c| is_letter(*c) || is_gap(*c) || is_apostrophe(*c))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
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

    /// The character range of `pattern` when it matches the words from `k` on, or, for a name of
    /// two words, with one initial or capitalised middle name between them ("Amina K. Diallo",
    /// "Amina Kone Diallo", but not "Amina told Diallo").
    fn span(&self, k: usize, pattern: &Pattern, chars: &[char]) -> Option<(usize, usize)> {
        self.exact(k, pattern, chars).or_else(|| self.with_middle(k, pattern, chars))
    }

    fn with_middle(&self, k: usize, pattern: &Pattern, chars: &[char]) -> Option<(usize, usize)> {
        let ([first, last], [sep]) = (pattern.words.as_slice(), pattern.seps.as_slice()) else { return None };
        let [w0, middle, w2] = self.words.get(k..k + 3)? else { return None };
        let gap = |from: usize, to: usize| SepUnits::new(&chars[from..to]).eq(sep.chars());
        // One letter: two would take in "et", "of", "de" between a name and the next.
        let initial = self.key(k + 1).chars().count() == 1;
        let capitalised = chars.get(middle.start).is_some_and(|c| c.is_uppercase());
        let same = self.key(k) == first && self.key(k + 2) == last;
        (same
            && sep == " "
            && (initial || capitalised)
            && gap(w0.end, middle.start)
            && gap(middle.end, w2.start))
        .then_some((w0.start, w2.end))
    }

    fn exact(&self, k: usize, pattern: &Pattern, chars: &[char]) -> Option<(usize, usize)> {
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

/// What lies between two words of a name, normalised so that "Amina  Diallo", "Amina\nDiallo",
/// "Amina-Diallo" and "Diallo, Amina" all read with one space, and "N’Diaye" as "N'Diaye":
/// writers vary these freely, and a name must not escape through a double space or a hyphen.
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
    c.is_whitespace() || is_dash(c) || matches!(c, ',' | '\u{60C}')
}

/// Between the words of a name, anything but an apostrophe reads as a gap: markup
/// ("**Amina** Diallo"), brackets and stops must not hide a name either.
fn is_name_gap(c: char) -> bool {
    !is_apostrophe(c)
}

impl Iterator for SepUnits<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = *self.chars.get(self.at)?;
        self.at += 1;
        if is_name_gap(c) {
            while self.chars.get(self.at).is_some_and(|c| is_name_gap(*c)) {
                self.at += 1;
            }
            return Some(' ');
        }
        Some(if is_apostrophe(c) { '\'' } else { c })
    }
}
