//! Tokens holding digits, judged on their own: dates, times, amounts, units and P-codes stay,
//! document numbers go, and plain numbers become atoms that `numbers` chains together.
use std::collections::HashSet;

use super::chars::{digit_value, is_dash, is_digit, is_word};
use super::{Doc, Kind};

/// Fewer digits than this never identify anyone on their own: ages, counts, years, house numbers.
pub(super) const MIN_DIGITS: usize = 7;

const CURRENCY_SYMBOLS: [char; 11] = ['$', '€', '£', '¥', '₦', '₹', '₵', '₺', '₽', '₪', '﷼'];

/// The deployment's P-codes: a known code, or a code-shaped token with a known two-letter country
/// prefix, is a place and never an ID.
#[derive(Debug, Clone, Default)]
pub(super) struct KeepCodes {
    exact: HashSet<String>,
    prefixes: Vec<[char; 2]>,
}

impl KeepCodes {
    pub(super) fn new<S: AsRef<str>>(codes: &[S]) -> Self {
        let mut keep = Self::default();
        for code in codes {
            let code = code.as_ref().trim().to_uppercase();
            let mut letters = code.chars();
            if let (Some(a), Some(b)) = (letters.next(), letters.next()) {
                if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && !keep.prefixes.contains(&[a, b]) {
                    keep.prefixes.push([a, b]);
                }
            }
            if !code.is_empty() {
                keep.exact.insert(code);
            }
        }
        keep
    }

    fn keeps(&self, token: &[char], shape: &Shape) -> bool {
        let upper: String = token.iter().flat_map(|c| c.to_uppercase()).collect();
        if self.exact.contains(&upper) {
            return true;
        }
        let code_shaped =
            shape.prefix == 2 && shape.suffix == 0 && shape.seps.is_empty() && shape.digits <= 12;
        let mut letters = upper.chars();
        match (letters.next(), letters.next()) {
            (Some(a), Some(b)) if code_shaped => self.prefixes.contains(&[a, b]),
            _ => false,
        }
    }
}

/// The next run of word characters holding a digit, with the `. , / - :` that join digit groups
/// ("23/11/2026", "1,500,000", "AB1234567"), outside claimed ranges.
pub(super) fn next_token(doc: &Doc, from: usize) -> Option<(usize, usize)> {
    let chars = &doc.chars;
    let mut i = from;
    while i < chars.len() {
        if !is_word(chars[i]) || !doc.is_free_at(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut has_digit = false;
        while i < chars.len() && doc.is_free_at(i) {
            let c = chars[i];
            let joins_digits = is_joiner(c)
                && is_digit(chars[i - 1])
                && chars.get(i + 1).is_some_and(|n| is_digit(*n))
                && doc.is_free_at(i + 1);
            if is_word(c) {
                has_digit |= is_digit(c);
            } else if !joins_digits {
                break;
            }
            i += 1;
        }
        if has_digit {
            return Some((start, i));
        }
    }
    None
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '/' | ':' | '\u{66B}' | '\u{66C}') || is_dash(c)
}

/// The digit groups of a token and what surrounds them.
struct Shape {
    /// Letters before the first digit and after the last one.
    prefix: usize,
    suffix: usize,
    /// Letters between digits, as in "14h30".
    inner_letters: bool,
    /// Length and value of each group of digits, and the character that separated each pair.
    groups: Vec<usize>,
    values: Vec<u64>,
    seps: Vec<char>,
    digits: usize,
}

impl Shape {
    fn of(token: &[char]) -> Self {
        let first = token.iter().position(|c| is_digit(*c)).unwrap_or(0);
        let last = token.iter().rposition(|c| is_digit(*c)).map_or(0, |p| p + 1);
        let mut shape = Shape {
            prefix: first,
            suffix: token.len().saturating_sub(last),
            inner_letters: false,
            groups: Vec::new(),
            values: Vec::new(),
            seps: Vec::new(),
            digits: 0,
        };
        let mut in_group = false;
        for &c in token.get(first..last).unwrap_or_default() {
            match digit_value(c) {
                Some(d) if in_group => {
                    if let (Some(g), Some(v)) = (shape.groups.last_mut(), shape.values.last_mut()) {
                        *g += 1;
                        *v = v.saturating_mul(10).saturating_add(u64::from(d));
                    }
                }
                Some(d) => {
                    shape.groups.push(1);
                    shape.values.push(u64::from(d));
                    in_group = true;
                }
                None => {
                    if in_group {
                        // "671–23–45–67" with en dashes is the same number as with hyphens.
                        shape.seps.push(if is_dash(c) { '-' } else { c });
                    }
                    shape.inner_letters |= !is_joiner(c);
                    in_group = false;
                }
            }
        }
        shape.digits = shape.groups.iter().sum();
        shape
    }

    fn longest_group(&self) -> usize {
        self.groups.iter().copied().max().unwrap_or(0)
    }

    /// The one separator used throughout, if there is exactly one kind.
    fn sep(&self) -> Option<char> {
        let first = *self.seps.first()?;
        self.seps.iter().all(|s| *s == first).then_some(first)
    }
}

/// A plain number that may be one group of a longer one.
pub(super) struct Atom {
    /// Including a leading `+` and surrounding brackets.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) groups: Vec<usize>,
    pub(super) seps: Vec<char>,
    pub(super) digits: usize,
    pub(super) first_digit: u32,
    /// "00" followed by more digits: an international prefix.
    pub(super) double_zero: bool,
    /// The value of the first group.
    pub(super) value: u64,
    pub(super) plus: bool,
    pub(super) bracketed: bool,
}

pub(super) enum Verdict {
    Keep,
    Scrub(Kind),
    Atom(Atom),
    /// Numbers run together with `/` or `,` that are no date or amount: "0712 345 678/0803 123
    /// 4567" holds two phone numbers, each to be judged on its own.
    Split,
}

pub(super) fn judge(doc: &Doc, keep: &KeepCodes, start: usize, end: usize) -> Verdict {
    let token = &doc.chars[start..end];
    let shape = Shape::of(token);
    // No amount has a leading zero before more digits: "0712345678,5" is a phone number and a
    // count written without a space, "0712345678F" a phone number and a stray letter (both kept
    // as amounts until fuzzing found them).
    let leading_zero =
        shape.groups.first() > Some(&1) && token.iter().find_map(|c| digit_value(*c)) == Some(0);
    if shape.prefix > 0 || shape.suffix > 0 || shape.inner_letters {
        return judge_lettered(token, &shape, keep, leading_zero);
    }
    if is_date_or_time(&shape) {
        return Verdict::Keep;
    }
    let sep = shape.sep();
    let has = |wanted: &[char]| shape.seps.iter().any(|s| wanted.contains(s));
    if has(&[',', '\u{66C}']) && !has(&['/']) && !leading_zero && is_amount(&shape) {
        return Verdict::Keep;
    }
    if sep == Some('/') && shape.groups.len() >= 3 && shape.longest_group() <= 4 {
        // Not a date: short groups between slashes are a number written "671/23/45/67".
        return Verdict::Atom(atom(doc, start, end, shape));
    }
    if has(&['/', ',', '\u{66C}']) {
        return Verdict::Split;
    }
    if has(&[':']) {
        return if shape.digits >= MIN_DIGITS { Verdict::Scrub(Kind::Id) } else { Verdict::Keep };
    }
    if matches!(sep, Some('.' | '\u{66B}'))
        && shape.groups.len() == 2
        && shape.groups[0] <= 3
        && shape.groups[1] <= 6
    {
        // A decimal fraction: a measurement or a coordinate, not an identifier.
        return Verdict::Keep;
    }
    Verdict::Atom(atom(doc, start, end, shape))
}

fn atom(doc: &Doc, start: usize, end: usize, shape: Shape) -> Atom {
    let chars = &doc.chars;
    let before = |k: usize| start.checked_sub(k).filter(|i| doc.is_free_at(*i)).and_then(|i| chars.get(i));
    let plus = before(1) == Some(&'+') && before(2).is_none_or(|c| !is_word(*c));
    let open = if plus { before(2) } else { before(1) };
    let bracketed = open == Some(&'(') && chars.get(end) == Some(&')') && doc.is_free_at(end);
    let start = start - usize::from(plus) - usize::from(bracketed);
    let end = end + usize::from(bracketed);
    let mut leading = chars.iter().skip(start).filter_map(|c| digit_value(*c));
    let (first_digit, second_digit) = (leading.next().unwrap_or(0), leading.next());
    let double_zero = first_digit == 0 && second_digit == Some(0) && shape.groups.first() >= Some(&4);
    let value = shape.values.first().copied().unwrap_or(0);
    Atom {
        start,
        end,
        digits: shape.digits,
        groups: shape.groups,
        seps: shape.seps,
        first_digit,
        double_zero,
        value,
        plus,
        bracketed,
    }
}

/// Tokens with letters: document numbers ("AB1234567") go, P-codes, units ("3km"), times
/// ("14h30") and amounts with a glued currency ("USD1500", "KSh2,500") stay.
fn judge_lettered(token: &[char], shape: &Shape, keep: &KeepCodes, leading_zero: bool) -> Verdict {
    let prefix = &token[..shape.prefix];
    let suffix = &token[token.len() - shape.suffix..];
    let currency = !leading_zero && (is_currency_word(prefix) || is_currency_word(suffix));
    if currency || keep.keeps(token, shape) {
        return Verdict::Keep;
    }
    let document = (1..=3).contains(&shape.prefix)
        && shape.suffix <= 2
        && !shape.inner_letters
        && shape.seps.is_empty()
        && shape.digits >= 6;
    if document {
        return Verdict::Scrub(Kind::Id);
    }
    if shape.longest_group() >= MIN_DIGITS {
        let leading_zero = token.iter().find_map(|c| digit_value(*c)) == Some(0);
        return Verdict::Scrub(if leading_zero { Kind::Phone } else { Kind::Id });
    }
    Verdict::Keep
}

pub(super) fn is_year(v: u64) -> bool {
    (1900..=2099).contains(&v)
}

/// Dates (2026-11-23, 23/11/2026, 23.11.2026, 11/23/26), spans of years (2025-2026) and times
/// (14:30, 14:30:05).
fn is_date_or_time(shape: &Shape) -> bool {
    let day = |v: u64| (1..=31).contains(&v);
    let month = |v: u64| (1..=12).contains(&v);
    let (g, v) = (&shape.groups[..], &shape.values[..]);
    match (shape.sep(), g, v) {
        (Some('/' | '.' | '-'), [4, 1..=2, 1..=2], [y, m, d]) => is_year(*y) && month(*m) && day(*d),
        (Some('/' | '.' | '-'), [1..=2, 1..=2, 2 | 4], [a, b, y]) => {
            let year_ok = g[2] == 2 || is_year(*y);
            year_ok && ((day(*a) && month(*b)) || (month(*a) && day(*b)))
        }
        (Some('/' | '-'), [4, 4], [a, b]) => is_year(*a) && is_year(*b),
        (Some(':'), [1..=2, 2], [h, m]) => *h <= 24 && *m <= 59,
        (Some(':'), [1..=2, 2, 2], [h, m, s]) => *h <= 24 && *m <= 59 && *s <= 59,
        _ => false,
    }
}

/// "1,500,000", "1,250.50", "1.250,50", "12,5": thousands groups of three after a first group of
/// one to three digits, with an optional decimal part, or a plain decimal.
fn is_amount(shape: &Shape) -> bool {
    let (g, s) = (&shape.groups, &shape.seps);
    if let ([_, decimals], [',' | '\u{66B}' | '.']) = (&g[..], &s[..]) {
        if *decimals <= 2 {
            return true;
        }
    }
    [(',', '.'), ('.', ','), ('\u{66C}', '\u{66B}')].iter().any(|&(thousands, decimal)| {
        let mut i = 1;
        while i < g.len() && s[i - 1] == thousands && g[i] == 3 {
            i += 1;
        }
        let decimals_end = i == g.len() || (i + 1 == g.len() && s[i - 1] == decimal);
        (1..=3).contains(&g[0]) && i > 1 && decimals_end
    })
}

pub(super) fn lower(chars: &[char]) -> String {
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

pub(super) fn is_currency_symbol(c: char) -> bool {
    CURRENCY_SYMBOLS.contains(&c)
}

/// Currency codes and words that mark a number as an amount, each between spaces so that a
/// substring search finds whole words only. ("SOS" is left out: in these texts it announces an
/// emergency line, not a Somali shilling.)
const CURRENCY_WORDS: &str =
    " fcfa cfa xaf xof f fr frs ngn kes ksh kshs usd eur gbp egp lbp zar ghs ugx tzs \
    rwf etb sdg ssp mad dzd tnd lyd jod syp iqd yer cdf mru mga dollar dollars franc francs euro euros \
    naira shilling shillings cedi cedis pound pounds rand dinar dinars dirham dirhams \
    دولار جنيه ليرة فرنك ريال درهم دينار يورو ";

pub(super) fn is_currency_word(word: &[char]) -> bool {
    !word.is_empty() && word.len() <= 9 && CURRENCY_WORDS.contains(&format!(" {} ", lower(word)))
}
