//! Ways to reach a person online: URLs with query strings, e-mail addresses (also spelled out as
//! "amina at example dot org") and social-media handles.
use super::chars::{is_word, matches_at};
use super::{Doc, Kind};

/// Top-level domains accepted after a spelled-out "at" or "dot". Written-out addresses are rare
/// and "at" is a common word, so only well-known endings (and two-letter country codes) count.
const SPOKEN_TLDS: [&str; 12] =
    ["com", "org", "net", "edu", "gov", "int", "info", "biz", "io", "africa", "mil", "online"];

/// URLs go only when they carry a query string: `?id=5&u=amina` can name a person or open their
/// record, while a plain address such as a published situation report is useful to the reader.
pub(super) fn urls(doc: &mut Doc) {
    for (i, end) in doc.runs() {
        // Only a URL with a query goes, so a run without "?" needs no closer look.
        let start = doc.chars[i..end].contains(&'?').then(|| url_start(&doc.chars, i, end)).flatten();
        if let Some(start) = start {
            let stop = trim_url_end(&doc.chars, start, end);
            if doc.chars[start..stop].contains(&'?') {
                doc.claim(start, stop, Kind::Url);
            }
        }
    }
}

/// Where a URL begins inside the whitespace-free run `from..to`: a scheme, `www.`, or a bare host
/// name directly followed by a path (`x.example/p?id=5`).
pub(super) fn url_start(chars: &[char], from: usize, to: usize) -> Option<usize> {
    for k in from..to {
        if !matches!(chars[k], 'h' | 'H' | 'w' | 'W') || (k > from && is_word(chars[k - 1])) {
            continue;
        }
        let www = matches_at(chars, k, "www.") && chars.get(k + 4).is_some_and(|c| is_word(*c));
        if matches_at(chars, k, "https://") || matches_at(chars, k, "http://") || www {
            return Some(k);
        }
    }
    let mut k = from;
    while k < to && matches!(chars[k], '(' | '[' | '{' | '<' | '"' | '\'' | '«' | '“') {
        k += 1;
    }
    let (host_end, labels) = parse_host(chars, k, to);
    (labels >= 2 && chars.get(host_end) == Some(&'/')).then_some(k)
}

/// The end of a dotted host name starting at `from` and how many labels it has; a host only counts
/// when its last label is an alphabetic top-level domain.
fn parse_host(chars: &[char], from: usize, to: usize) -> (usize, usize) {
    let mut at = from;
    let mut labels = 0;
    let mut good_end = (from, 0);
    loop {
        let start = at;
        while at < to && (is_word(chars[at]) || chars[at] == '-') {
            at += 1;
        }
        if at == start {
            return good_end;
        }
        labels += 1;
        if labels >= 2 && is_tld(&chars[start..at]) {
            good_end = (at, labels);
        }
        if at + 1 < to && chars[at] == '.' {
            at += 1;
        } else {
            return good_end;
        }
    }
}

fn is_tld(label: &[char]) -> bool {
    label.len() >= 2 && label.iter().all(|c| c.is_ascii_alphabetic())
}

/// Sentence punctuation after a URL is not part of it; a closing bracket is, when the URL opened
/// one (as Wikipedia addresses do).
fn trim_url_end(chars: &[char], start: usize, mut end: usize) -> usize {
    const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];
    // Opened minus closed brackets of each kind, kept up to date as the end moves back.
    let mut open = [0i64; 3];
    for c in &chars[start..end] {
        for (k, (opening, closing)) in PAIRS.iter().enumerate() {
            open[k] += i64::from(c == opening) - i64::from(c == closing);
        }
    }
    while end > start {
        let c = chars[end - 1];
        let bracket = PAIRS.iter().position(|(_, close)| *close == c);
        let trim = match bracket {
            Some(k) => open[k] < 0,
            None => matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '»' | '”' | '’' | '>'),
        };
        if !trim {
            break;
        }
        if let Some(k) = bracket {
            open[k] += 1;
        }
        end -= 1;
    }
    end
}

/// How an "at" or a "dot" was written. People who spell an address out do it to dodge harvesters,
/// and the scrubber must still see it; but "at" and "dot" are also ordinary words, so the spoken
/// forms must meet stricter rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// `@` or `.` between non-blank characters.
    Plain,
    /// `[at]`, `(at)`, " @ ", `[dot]`, `(.)`...: nobody writes these by accident.
    Bracketed,
    /// " at ", " arobase ", " dot ", " point ".
    Spoken,
}

pub(super) fn emails(doc: &mut Doc) {
    let mut i = 0;
    while i < doc.chars.len() {
        if let Some((start, end)) = email_at(&doc.chars, i) {
            if doc.claim(start, end, Kind::Email) {
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// An address whose "at" begins at `at`, as `(start, end)`.
fn email_at(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let (at_end, spelling) = at_sign(chars, at)?;
    let local_end = if spelling == Spelling::Plain { at } else { skip_space_back(chars, at) };
    let start = parse_local(chars, local_end)?;
    let domain_start = if spelling == Spelling::Plain { at_end } else { skip_space(chars, at_end) };
    let end = parse_domain(chars, domain_start, spelling)?;
    Some((start, end))
}

fn at_sign(chars: &[char], i: usize) -> Option<(usize, Spelling)> {
    let c = *chars.get(i)?;
    if !matches!(c, '@' | '[' | '(' | '{' | '<' | 'a' | 'A') {
        return None;
    }
    let blank = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|c| c.is_whitespace());
    let blank_before = blank(i.checked_sub(1));
    match c {
        '@' => match (blank_before, blank(Some(i + 1))) {
            (false, false) => Some((i + 1, Spelling::Plain)),
            // Spaces around a real "@" are a deliberate disguise, like brackets.
            (true, true) => Some((i + 1, Spelling::Bracketed)),
            _ => None,
        },
        '[' | '(' | '{' | '<' => bracketed(chars, i, &["at", "@"]).map(|e| (e, Spelling::Bracketed)),
        'a' | 'A' if blank_before => ["at", "arobase"]
            .iter()
            .find(|w| matches_at(chars, i, w) && blank(Some(i + w.len())))
            .map(|w| (i + w.len(), Spelling::Spoken)),
        _ => None,
    }
}

/// The end of `[word]`, `(word)`, `{word}` or `<word>` at `i`, for one of `words`.
fn bracketed(chars: &[char], i: usize, words: &[&str]) -> Option<usize> {
    let close = match chars.get(i)? {
        '[' => ']',
        '(' => ')',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    words.iter().find_map(|w| {
        let end = i + 1 + w.chars().count();
        (matches_at(chars, i + 1, w) && chars.get(end) == Some(&close)).then_some(end + 1)
    })
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn skip_space_back(chars: &[char], mut i: usize) -> usize {
    while i > 0 && chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

fn is_local(c: char) -> bool {
    is_word(c) || matches!(c, '.' | '%' | '+' | '-')
}

/// The start of the local part ending at `end`, reading back over spelled-out dots too
/// ("amina dot diallo at ...").
fn parse_local(chars: &[char], end: usize) -> Option<usize> {
    // An address's local part has at most 64 characters (RFC 5321); the bound also keeps a text
    // full of "@" from being read back over and over.
    let limit = end.saturating_sub(64);
    let mut start = end;
    while start > limit && is_local(chars[start - 1]) {
        start -= 1;
    }
    while let Some(before) = dot_before(chars, start).filter(|b| *b > limit) {
        let mut s = before;
        while s > limit && is_local(chars[s - 1]) {
            s -= 1;
        }
        if s == before {
            break;
        }
        start = s;
    }
    while start < end && matches!(chars[start], '.' | '-' | '+') {
        start += 1;
    }
    chars[start..end].iter().any(|c| c.is_alphanumeric()).then_some(start)
}

/// If a spelled-out dot ends at `i`, where the label before it ends.
fn dot_before(chars: &[char], i: usize) -> Option<usize> {
    let w = skip_space_back(chars, i);
    for len in [5, 3] {
        if let Some(open) = w.checked_sub(len) {
            if bracketed(chars, open, &["dot", "."]) == Some(w) {
                return Some(skip_space_back(chars, open));
            }
        }
    }
    let spoken = w < i && w >= 4 && matches_at(chars, w - 3, "dot") && chars[w - 4].is_whitespace();
    spoken.then(|| skip_space_back(chars, w - 3))
}

/// If a dot starts at `i` (right after a label), where the next label starts and how it was written.
fn dot_after(chars: &[char], i: usize) -> Option<(usize, Spelling)> {
    // The ideographic full stop is what a Chinese or Japanese keyboard types for a dot, and
    // mail clients read it as one in a domain (IDNA maps it so).
    if matches!(chars.get(i), Some('.' | '\u{3002}')) {
        return Some((i + 1, Spelling::Plain));
    }
    let w = skip_space(chars, i);
    if let Some(end) = bracketed(chars, w, &["dot", "."]) {
        return Some((skip_space(chars, end), Spelling::Bracketed));
    }
    let spoken = ["dot", "point"].iter().find(|word| {
        let after = w + word.len();
        w > i && matches_at(chars, w, word) && chars.get(after).is_some_and(|c| c.is_whitespace())
    });
    spoken.map(|word| (skip_space(chars, w + word.len()), Spelling::Spoken))
}

/// The end of the domain starting at `from`, or `None` when what follows the "at" is not one.
fn parse_domain(chars: &[char], from: usize, at_spelling: Spelling) -> Option<usize> {
    let mut at = from;
    let mut labels = 0;
    let mut spoken = at_spelling == Spelling::Spoken;
    let mut disguised_dot = false;
    let mut best = None;
    loop {
        let start = at;
        while chars.get(at).is_some_and(|c| is_word(*c) || *c == '-') {
            at += 1;
        }
        if at == start {
            return best;
        }
        labels += 1;
        let tld = &chars[start..at];
        // " at " with plain dots is how people point at a website ("the report at reliefweb.int"),
        // so a spoken "at" needs a disguised dot as well.
        let disguised_enough = at_spelling != Spelling::Spoken || disguised_dot;
        if labels >= 2 && is_tld(tld) && disguised_enough && (!spoken || is_spoken_tld(tld)) {
            best = Some(at);
        }
        let Some((next, dot)) = dot_after(chars, at) else { return best };
        spoken |= dot == Spelling::Spoken;
        disguised_dot |= dot != Spelling::Plain;
        at = next;
    }
}

fn is_spoken_tld(label: &[char]) -> bool {
    let lower: String = label.iter().map(|c| c.to_ascii_lowercase()).collect();
    label.len() == 2 || SPOKEN_TLDS.contains(&lower.as_str())
}

/// `@amina_k` outside an address. The first character must be a letter or `_` so that "@5pm" and
/// "@ 14:30" stay.
pub(super) fn handles(doc: &mut Doc) {
    let n = doc.chars.len();
    for i in 0..n {
        let chars = &doc.chars;
        if chars[i] != '@' || !doc.is_free_at(i) {
            continue;
        }
        let glued = i > 0 && (is_word(chars[i - 1]) || matches!(chars[i - 1], '.' | '@' | '-' | '+'));
        let starts_well = chars.get(i + 1).is_some_and(|c| c.is_alphabetic() || *c == '_');
        if glued || !starts_well {
            continue;
        }
        let mut end = i + 1;
        while end < n
            && (is_word(chars[end]) || (chars[end] == '.' && end + 1 < n && is_word(chars[end + 1])))
        {
            end += 1;
        }
        if end - i > 2 {
            doc.claim(i, end, Kind::Handle);
        }
    }
}
