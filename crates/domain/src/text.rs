//! Rules for free text that comes from outside: trimmed, bounded, and free of control characters,
//! so that an over-long or binary string is refused with a message instead of stored.
use crate::{InvalidInput, Problem};

/// Trims `raw` and checks it holds between `min` and `max` characters and no control characters.
pub fn bounded(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, InvalidInput> {
    let s = raw.trim();
    let len = s.chars().count();
    if len < min {
        return Err(if min == 1 {
            InvalidInput::new(field, "is required").because(Problem::Required)
        } else {
            InvalidInput::new(field, format!("must be at least {min} characters"))
                .because(Problem::TooShort { min })
        });
    }
    if len > max {
        return Err(InvalidInput::new(field, format!("must be at most {max} characters"))
            .because(Problem::TooLong { max }));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(InvalidInput::new(field, "must not contain control characters")
            .because(Problem::ControlCharacters));
    }
    Ok(s.to_owned())
}

/// Like [`bounded`], for text written on several lines (a description): line breaks and tabs
/// are kept (a `\r\n` becomes `\n`), any other control character is refused. Phones and
/// browsers send line breaks in every multi-line field; refusing them left ODK submissions
/// stuck on phones as "sending failed".
pub fn multiline(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, InvalidInput> {
    let s = raw.replace("\r\n", "\n").replace('\r', "\n");
    let flat: String = s.chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect();
    bounded(field, &flat, min, max)?;
    Ok(s.trim().to_owned())
}

/// A contact (a phone number, an address) shown to the public as written: refused if it holds a
/// bidirectional control (U+202A–U+202E, U+2066–U+2069), which could show a number other than
/// the one stored ("+237 600" displayed backwards).
pub fn contact(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, InvalidInput> {
    let s = bounded(field, raw, min, max)?;
    if s.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')) {
        return Err(InvalidInput::new(field, "must not contain direction controls")
            .because(Problem::ControlCharacters));
    }
    Ok(s)
}

/// A list typed in one box or several (`en, fr`; Arabic commas too): each item trimmed and
/// bounded, blanks dropped, repeats kept once, at most `max_items`.
pub fn list(
    field: &'static str,
    raw: &[String],
    max_len: usize,
    max_items: usize,
) -> Result<Vec<String>, InvalidInput> {
    let mut out: Vec<String> = Vec::new();
    for r in raw.iter().flat_map(|r| r.split([',', '،'])).map(str::trim).filter(|r| !r.is_empty()) {
        let v = bounded(field, r, 1, max_len)?;
        if !out.contains(&v) {
            out.push(v);
        }
    }
    if out.len() > max_items {
        return Err(InvalidInput::new(field, format!("at most {max_items}")));
    }
    Ok(out)
}

/// A text as a spreadsheet cell that is never read as a formula (OWASP's CSV injection advice):
/// one beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which
/// spreadsheets show as text. Anyone can write a report's description from the public intake
/// page; a coordinator opening the export must not run it.
pub fn spreadsheet_safe(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_cannot_be_shown_backwards() {
        assert_eq!(contact("c", " +237 600 100 ", 3, 50).unwrap(), "+237 600 100");
        assert_eq!(
            contact("c", "+237 \u{202E}001 006", 3, 50).unwrap_err().problem,
            Problem::ControlCharacters
        );
        assert!(contact("c", "\u{2067}+237\u{2069}", 3, 50).is_err());
    }

    #[test]
    fn descriptions_keep_their_line_breaks() {
        assert_eq!(multiline("d", " one\r\ntwo\n\tthree ", 1, 100).unwrap(), "one\ntwo\n\tthree");
        assert!(multiline("d", "bell\u{7}", 1, 100).is_err());
        assert!(multiline("d", "\n\n", 1, 100).is_err(), "blank is empty");
        assert!(multiline("d", &"x".repeat(101), 1, 100).is_err());
    }

    #[test]
    fn trims_and_bounds() {
        assert_eq!(bounded("name", "  Kumba Women  ", 1, 20).unwrap(), "Kumba Women");
        assert_eq!(bounded("name", "   ", 1, 20).unwrap_err().message, "is required");
        assert!(bounded("name", &"x".repeat(21), 1, 20).is_err());
        assert!(bounded("name", "a\u{0}b", 1, 20).is_err());
        // Characters, not bytes: Arabic names must not hit the limit early.
        assert!(bounded("name", &"ب".repeat(20), 1, 20).is_ok());
    }
}
