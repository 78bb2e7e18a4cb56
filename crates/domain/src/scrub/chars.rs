//! Character classes and the accent fold that the scrubber's scanners share.

/// The value of an ASCII, Arabic-Indic or Eastern Arabic-Indic digit. Arabic-speaking users write
/// phone numbers with the latter two, so they must count as digits in every rule.
#[inline]
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

#[inline]
pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Combining marks belong to the letter they sit on: an Arabic name written with vowel marks, or
/// a Latin name typed in decomposed form, must stay one word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}')
}

#[inline]
pub(super) fn is_word(c: char) -> bool {
    // Fast paths for the scripts most texts are written in: every scanner asks this of every
    // character, and the general Unicode lookup is slow.
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || c == '_',
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{621}'..='\u{64A}' | '\u{660}'..='\u{669}' => true,
        '\u{66E}'..='\u{6D3}' | '\u{6F0}'..='\u{6FC}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// Spaces that may separate the digit groups of one number. A line break or a tab never does, so
/// that a list written one number per line is not read as one long number.
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{2009}' | '\u{202F}')
}

/// Whether the ASCII lower-case `pat` occurs at `at`, ignoring ASCII case.
pub(super) fn matches_at(chars: &[char], at: usize, pat: &str) -> bool {
    let mut i = at;
    for p in pat.chars() {
        match chars.get(i) {
            Some(c) if c.to_ascii_lowercase() == p => i += 1,
            _ => return false,
        }
    }
    true
}

/// Appends `c` lower-cased and, for Latin script, without its accents, so that "Aïssatou",
/// "AISSATOU" and "aissatou" compare equal. Other scripts are only lower-cased: Arabic names must
/// match exactly, because stripping Arabic marks can turn one name into another.
#[inline]
pub(super) fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(plain) = fold_latin(c) {
        out.push_str(plain);
    } else if ('\u{600}'..='\u{6FF}').contains(&c) {
        // Arabic has no case; skipping the Unicode lookup matters on long Arabic texts.
        out.push(c);
    } else if !('\u{300}'..='\u{36F}').contains(&c) {
        out.extend(c.to_lowercase());
    }
}

/// Latin-1 Supplement and Latin Extended-A letters without their diacritics.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{C0}'..='\u{C5}' | '\u{E0}'..='\u{E5}' | '\u{100}'..='\u{105}' => "a",
        '\u{C6}' | '\u{E6}' => "ae",
        '\u{C7}' | '\u{E7}' | '\u{106}'..='\u{10D}' => "c",
        '\u{D0}' | '\u{F0}' | '\u{10E}'..='\u{111}' => "d",
        '\u{C8}'..='\u{CB}' | '\u{E8}'..='\u{EB}' | '\u{112}'..='\u{11B}' => "e",
        '\u{11C}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        '\u{CC}'..='\u{CF}' | '\u{EC}'..='\u{EF}' | '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        '\u{D1}' | '\u{F1}' | '\u{143}'..='\u{14B}' => "n",
        '\u{D2}'..='\u{D6}' | '\u{D8}' | '\u{F2}'..='\u{F6}' | '\u{F8}' | '\u{14C}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        '\u{DF}' => "ss",
        '\u{15A}'..='\u{161}' | '\u{17F}' => "s",
        '\u{162}'..='\u{167}' => "t",
        '\u{DE}' | '\u{FE}' => "th",
        '\u{D9}'..='\u{DC}' | '\u{F9}'..='\u{FC}' | '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        '\u{DD}' | '\u{FD}' | '\u{FF}' | '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17E}' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        s.chars().for_each(|c| fold_into(c, &mut out));
        out
    }

    #[test]
    fn folds_latin_accents_and_case() {
        assert_eq!(fold("ÀÉÎÕÜÇÑ àéîõüçñ"), "aeioucn aeioucn");
        assert_eq!(fold("Œuvre Æsa Straße Łódź Şahin Ğül Ÿves"), "oeuvre aesa strasse lodz sahin gul yves");
        // Decomposed "é" (e + combining acute) folds like the composed one.
        assert_eq!(fold("Ame\u{301}lie"), "amelie");
        // Arabic stays as written, marks included.
        assert_eq!(fold("مُحَمَّد"), "مُحَمَّد");
    }

    #[test]
    fn arabic_indic_digits_are_digits() {
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۴'), Some(4));
        assert!(!is_digit('a'));
    }
}
