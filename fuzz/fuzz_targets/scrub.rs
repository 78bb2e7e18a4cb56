//! The scrubber: on any text it never panics, a protected name standing as words never survives,
//! and no phone-like run of nine or more digits (standing alone, starting with "+" or "0") is
//! left. Other long runs may stay when a currency stands beside them: that is an amount.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tandem_domain::scrub::Scrubber;

static SCRUBBER: LazyLock<Scrubber> =
    LazyLock::new(|| Scrubber::new(&["Amina Bello", "Jean-Paul Mbarga"], &["MR01", "MR0101"]));

/// Whether `c` may continue a word, as the scrubber sees it: `jp_Amina` is one word, a handle,
/// not a name, and so is a name after a combining mark. Only a space, ASCII punctuation or the
/// edge of the text surely ends a word; the unit tests cover the rest of Unicode.
fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() && !(c.is_ascii_punctuation() && c != '_'))
}

fn assert_no_name(text: &str, name: &str) {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return; // case folding moved the bytes; the unit tests cover non-ASCII case
    }
    let name = name.to_lowercase();
    for (at, _) in lower.match_indices(&name) {
        let before = lower[..at].chars().next_back();
        let after = lower[at + name.len()..].chars().next();
        assert!(word_char(before) || word_char(after), "protected name left in {text:?}");
    }
}

fuzz_target!(|text: &str| {
    let out = SCRUBBER.scrub(text);
    assert_no_name(&out.text, "Amina Bello");
    assert_no_name(&out.text, "Jean-Paul Mbarga");
    let chars: Vec<char> = out.text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        // Only a number standing alone: glued to letters ("MR017766554") it is a code, after a
        // dot or dash part of a larger figure ("2.26-03-0206…"), both judged by other rules.
        let at = |k: usize| start.checked_sub(k).map(|b| chars[b]);
        let space_or_start = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let phone_like =
            (space_or_start(at(1)) && chars[start] == '0') || (at(1) == Some('+') && space_or_start(at(2)));
        assert!(i - start < 9 || !phone_like, "a phone number left in {:?} (from {text:?})", out.text);
        i = i.max(start + 1);
    }
});
