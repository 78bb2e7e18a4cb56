//! Numbers: phone numbers and ID-like numbers go; dates, times, amounts, small numbers and the
//! deployment's P-codes stay, because a record stripped of them no longer says what happened.
//!
//! Plain numeric tokens separated by single spaces or brackets form a chain ("+237 6 71 23 45
//! 67"), and a chain is judged as a whole.
use super::chars::{is_dash, is_digit, is_group_space, is_word, matches_at};
use super::tokens::{
    is_currency_symbol, is_currency_word, is_year, judge, lower, next_token, Atom, KeepCodes, Verdict,
    MIN_DIGITS,
};
use super::{Doc, Kind};

pub(super) fn scrub(doc: &mut Doc, keep: &KeepCodes) {
    let mut scan = Scan { doc, keep, chain: Vec::new(), found: Vec::new() };
    let mut from = 0;
    while let Some((start, end)) = next_token(scan.doc, from) {
        from = end;
        scan.token(start, end);
    }
    scan.settle();
    for (start, end, kind) in scan.found {
        doc.claim(start, end, kind);
    }
}

/// The tokens read so far: the chain being built and the ranges found to replace.
struct Scan<'a> {
    doc: &'a Doc,
    keep: &'a KeepCodes,
    chain: Vec<Atom>,
    found: Vec<(usize, usize, Kind)>,
}

impl Scan<'_> {
    fn token(&mut self, start: usize, end: usize) {
        match judge(self.doc, self.keep, start, end) {
            Verdict::Atom(atom) => {
                let joins = self.chain.last().is_some_and(|last| joins(self.doc, &self.chain, last, &atom));
                if !joins {
                    self.settle();
                }
                self.chain.push(atom);
            }
            Verdict::Split => {
                // Pieces contain no `/` or `,`, so they are never split again.
                let mut piece = start;
                for i in start..=end {
                    if i == end || matches!(self.doc.chars[i], '/' | ',' | '\u{66C}') {
                        self.token(piece, i);
                        piece = i + 1;
                    }
                }
            }
            Verdict::Keep => self.settle(),
            Verdict::Scrub(kind) => {
                self.settle();
                self.found.push((start, end, kind));
            }
        }
    }

    fn settle(&mut self) {
        self.found.extend(settle(self.doc, &self.chain));
        self.chain.clear();
    }
}

/// Whether `next` continues the number that `chain` (ending in `last`) has begun.
fn joins(doc: &Doc, chain: &[Atom], last: &Atom, next: &Atom) -> bool {
    // A "+" or an "00" international prefix always starts a new number.
    if next.plus || next.double_zero {
        return false;
    }
    // An unbroken long run after a group is a number of its own ("0712345678 0803123456"),
    // unless the group is a country code.
    let after_country_code = matches!(chain, [a] if a.plus && a.digits <= 4);
    if next.digits >= MIN_DIGITS && next.groups.len() == 1 && !after_country_code {
        return false;
    }
    let between = doc.chars.get(last.end..next.start).unwrap_or_default();
    match between {
        [c] => is_group_space(*c) || ((last.bracketed || next.bracketed) && is_dash(*c)),
        [] => last.bracketed || next.bracketed,
        [a, sep, b] if is_group_space(*a) && is_group_space(*b) && is_spaced_sep(*sep) => {
            spaced_group(doc, chain, last, between, next)
        }
        _ => false,
    }
}

fn is_spaced_sep(c: char) -> bool {
    is_dash(c) || matches!(c, '/' | '.')
}

/// "0712 - 345 - 678", "06 . 12 . 34 . 56 . 78": groups of two to four digits with a spaced dash,
/// slash or dot between every pair of them. Only a chain written so all through: in "100 000 -
/// 200 000" the dash is a range between two amounts, and "1 - 2 - 3" is a list.
fn spaced_group(doc: &Doc, chain: &[Atom], last: &Atom, between: &[char], next: &Atom) -> bool {
    let small = |a: &Atom| a.groups.len() == 1 && (2..=4).contains(&a.digits) && !a.plus;
    let same_so_far = match chain {
        [.., before, _] => doc.chars.get(before.end..last.start).is_some_and(|b| b == between),
        _ => true,
    };
    (small(last) || matches!(chain, [a] if a.plus && a.groups.len() == 1)) && small(next) && same_so_far
}

/// What a finished chain is: kept, or a phone number or an ID to replace.
fn settle(doc: &Doc, chain: &[Atom]) -> Option<(usize, usize, Kind)> {
    let mut chain = chain;
    let mut digits: usize = chain.iter().map(|a| a.digits).sum();
    // A count or house number just before a national number ("room 12 0803 123 4567") is not part
    // of it; the trunk "0" of a group of four or more shows where the phone number starts.
    while let [first, second, ..] = chain {
        let lead = !first.plus && !first.bracketed && first.first_digit != 0 && first.digits <= 3;
        if !(lead && second.first_digit == 0 && second.digits >= 4 && digits - first.digits >= MIN_DIGITS) {
            break;
        }
        digits -= first.digits;
        chain = &chain[1..];
    }
    let (first, last) = (chain.first()?, chain.last()?);
    if digits < MIN_DIGITS {
        return None;
    }
    // "In 2025 150 households...": a year followed by a count.
    let plain_year = first.groups.len() == 1 && first.digits == 4 && is_year(first.value) && !first.plus;
    if chain.len() >= 2 && plain_year && digits - 4 < MIN_DIGITS {
        return None;
    }
    // A "+" or a leading "0" is how phone numbers are written and amounts never are: a currency
    // beside such a number does not make it one ("+237671234567$" was kept, found by fuzzing).
    let phone_prefix = first.plus || first.first_digit == 0;
    if !phone_prefix && (is_amount_context(doc, first.start, last.end) || is_spaced_thousands(chain)) {
        return None;
    }
    // Scrubbing an ambiguous number is the safer failure: a bare run of seven or more digits that
    // is neither an amount nor a date may be a phone number or an ID, and a record that keeps one
    // can lead back to a person, while one that loses a figure only loses a figure.
    let kind =
        if looks_like_phone(chain) || after_whatsapp_link(doc, first.start) { Kind::Phone } else { Kind::Id };
    Some((first.start, last.end, kind))
}

/// `wa.me/237671234567` opens a chat with that phone number, written without its "+".
fn after_whatsapp_link(doc: &Doc, start: usize) -> bool {
    start >= 6 && matches_at(&doc.chars, start - 6, "wa.me/")
}

/// "1 500 000" and "1.500.000": a first group of one or two digits, then groups of three. A first
/// group of three ("671 234 567") is how Cameroonian mobile numbers are written, so it is only
/// an amount with a currency beside it.
fn is_spaced_thousands(chain: &[Atom]) -> bool {
    let groups: Vec<usize> = match chain {
        [one] if one.seps.iter().all(|s| *s == '.') => one.groups.clone(),
        _ if chain.iter().all(|a| a.groups.len() == 1) => chain.iter().map(|a| a.digits).collect(),
        _ => return false,
    };
    let Some(first) = chain.first() else { return false };
    !chain.iter().any(|a| a.plus || a.bracketed)
        && groups.len() >= 2
        && (1..=2).contains(&groups[0])
        && first.first_digit != 0
        && groups[1..].iter().all(|g| *g == 3)
}

fn looks_like_phone(chain: &[Atom]) -> bool {
    let Some(first) = chain.first() else { return false };
    let groups: Vec<usize> = chain.iter().flat_map(|a| a.groups.iter().copied()).collect();
    first.plus || first.first_digit == 0 || chain.iter().any(|a| a.bracketed) || is_phone_grouping(&groups)
}

/// Pairs and triplets ("671 23 45 67", "6 71 23 45 67", "671 234 567") or the North American
/// 3-3-4 ("202-555-0143"). Groups of four ("1234 5678 9012") or 3-2-4 ("123-45-6789") are how
/// ID numbers are written.
fn is_phone_grouping(groups: &[usize]) -> bool {
    let [first, middle @ .., last] = groups else { return false };
    !middle.is_empty()
        && (1..=3).contains(first)
        && middle.iter().all(|g| (2..=3).contains(g))
        && ((2..=3).contains(last) || (*last == 4 && middle.iter().all(|g| *g == 3)))
}

/// A currency beside the number ("1 500 000 FCFA", "$ 2500000", "NGN 4500000") or a percent sign
/// after it.
fn is_amount_context(doc: &Doc, start: usize, end: usize) -> bool {
    let chars = &doc.chars;
    let mut left = start;
    if left > 0 && is_group_space(chars[left - 1]) {
        left -= 1;
    }
    let mut word_start = left;
    while word_start > 0 && is_word(chars[word_start - 1]) && !is_digit(chars[word_start - 1]) {
        word_start -= 1;
    }
    let left_symbol = left > 0 && is_currency_symbol(chars[left - 1]);
    if left_symbol || is_currency_word(&chars[word_start..left]) {
        return true;
    }
    let right = if chars.get(end).is_some_and(|c| is_group_space(*c)) { end + 1 } else { end };
    let mut word_end = right;
    while chars.get(word_end).is_some_and(|c| is_word(*c) && !is_digit(*c)) {
        word_end += 1;
    }
    let word = lower(&chars[right..word_end]);
    let symbol = chars.get(right).is_some_and(|c| is_currency_symbol(*c) || matches!(c, '%' | '٪'));
    let cent_follows =
        || matches!(lower(chars.get(word_end + 1..word_end + 5).unwrap_or_default()).as_str(), "cent");
    symbol
        || is_currency_word(&chars[right..word_end])
        || matches!(word.as_str(), "percent" | "pourcent" | "pct")
        || (matches!(word.as_str(), "per" | "pour") && cent_follows())
}
