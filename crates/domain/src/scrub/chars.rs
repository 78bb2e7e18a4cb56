//! Character classes, the normalisation every text goes through before it is read, and the fold
//! that makes two spellings of one name compare equal.
use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// The text the scanners read, and the text partners receive: invisible characters removed and
/// compatibility forms replaced (Unicode NFKC). A phone number with a zero-width space inside,
/// `amina＠example.org` with a fullwidth at sign or fullwidth digits would otherwise read as
/// something else to the scanners while looking the same to a person. Partners get this text
/// rather than the original so that nothing hidden in it reaches them either.
pub(super) fn normalise(text: &str) -> Cow<'_, str> {
    // ASCII holds no format character and is its own NFKC form: most texts stop here.
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let visible = !text.chars().any(is_invisible);
    if visible && is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).nfkc().collect())
}

/// Characters that render as nothing: the format characters (general category Cf: zero-width
/// spaces and joiners, direction marks such as U+200E, U+200F and U+061C, the word joiner U+2060,
/// the byte-order mark U+FEFF, the soft hyphen) and the few other default-ignorable code points
/// that are not Cf (variation selectors, the combining grapheme joiner, Hangul fillers).
pub(super) fn is_invisible(c: char) -> bool {
    // Fast paths for Latin and Arabic, whose few format characters are listed here.
    match c {
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' => return true,
        '\0'..='\u{2FF}' | '\u{606}'..='\u{6FF}' => return false,
        _ => {}
    }
    matches!(
        c,
        '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    ) || c.general_category() == GeneralCategory::Format
}

/// The value of a decimal digit of any script: ASCII, Arabic-Indic and Eastern Arabic-Indic (how
/// Arabic-speaking users write phone numbers), Devanagari, Bengali, Myanmar... (Fullwidth digits
/// never get here: normalisation made them ASCII.)
#[inline]
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        // Fast paths: Latin letters and the Arabic block hold no other digits.
        _ if c < '\u{660}' => None,
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        '\u{600}'..='\u{6FF}' => None,
        _ if is_decimal(c) => {
            // Unicode encodes every decimal digit in contiguous runs from 0 to 9 (a stability
            // guarantee), so a digit's value is its distance from the start of its run.
            let mut start = c as u32;
            while start > 0 && char::from_u32(start - 1).is_some_and(is_decimal) {
                start -= 1;
            }
            Some((c as u32 - start) % 10)
        }
        _ => None,
    }
}

fn is_decimal(c: char) -> bool {
    c.general_category() == GeneralCategory::DecimalNumber
}

#[inline]
pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Dashes that may join the groups of a number or the parts of a name: the hyphen-minus and the
/// Unicode dashes people type or paste (en dash, em dash, minus sign...).
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// Combining marks belong to the letter they sit on: an Arabic name written with vowel marks, or
/// a Latin name typed in decomposed form, must stay one word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}')
        || (!c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark)
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

/// Appends the form of `c` that names are compared in, so that one name written many ways
/// compares equal:
/// - case and Latin accents go: "Aïssatou", "AISSATOU" and "aissatou";
/// - Arabic loses its vowel marks and the tatweel, and its letter variants that writers swap
///   freely become one (alef with hamza or madda, alef maqsura and the Persian yeh, teh marbuta,
///   the Persian kaf): "مُحَمَّد" is "محمد", "أمينة" is "امينه";
/// - any other letter becomes its confusable prototype (Unicode TR39's skeleton), so a Cyrillic
///   "а" or a Greek "ο" inside a Latin name reads as the Latin letter it imitates.
///
/// Two different names may then compare equal; for a scrubber that is the safer failure.
#[inline]
pub(super) fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(plain) = fold_latin(c) {
        out.push_str(plain);
    } else if ('\u{600}'..='\u{6FF}').contains(&c) {
        // Arabic has no case and no look-alikes in other scripts that writers use; skipping the
        // Unicode lookups matters on long Arabic texts.
        out.extend(fold_arabic(c));
    } else if !is_mark(c) {
        let mut buf = [0; 4];
        for p in unicode_security::skeleton(c.encode_utf8(&mut buf)) {
            if !is_mark(p) {
                out.extend(p.to_lowercase());
            }
        }
    }
}

fn fold_arabic(c: char) -> Option<char> {
    match c {
        '\u{640}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6ED}' => None,
        '\u{622}' | '\u{623}' | '\u{625}' | '\u{671}' => Some('\u{627}'),
        '\u{649}' | '\u{6CC}' => Some('\u{64A}'),
        '\u{629}' => Some('\u{647}'),
        '\u{6A9}' => Some('\u{643}'),
        _ => Some(c),
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
    }

    #[test]
    fn folds_arabic_spellings_together() {
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("محـــمد"), fold("محمد"));
        assert_eq!(fold("أمينة"), fold("امينه"));
        assert_eq!(fold("إسماعيل"), fold("اسماعيل"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("کریم"), fold("كريم"));
        assert_ne!(fold("محمد"), fold("احمد"));
    }

    #[test]
    fn folds_look_alikes_to_the_letter_they_imitate() {
        // Cyrillic а, е, о, р, с and Greek ο, ν in otherwise Latin words.
        assert_eq!(fold("\u{430}mina"), "amina");
        assert_eq!(fold("Di\u{430}llo"), "diallo");
        assert_eq!(fold("\u{410}MIN\u{410}"), "amina");
        assert_eq!(fold("F\u{3BF}tou"), "fotou");
        assert_eq!(fold("\u{440}\u{435}\u{441}\u{43E}"), "peco");
        // Real Cyrillic and Greek words stay distinct from one another.
        assert_ne!(fold("Москва"), fold("Париж"));
    }

    #[test]
    fn digits_of_every_script_are_digits() {
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۴'), Some(4));
        // Devanagari, Bengali, Myanmar, Adlam.
        assert_eq!(digit_value('\u{966}'), Some(0));
        assert_eq!(digit_value('\u{96F}'), Some(9));
        assert_eq!(digit_value('\u{9E7}'), Some(1));
        assert_eq!(digit_value('\u{1045}'), Some(5));
        assert_eq!(digit_value('\u{1E953}'), Some(3));
        assert!(!is_digit('a'));
        assert!(!is_digit('é'));
        // Numbers that are not decimal digits: a fraction, a Roman numeral.
        assert!(!is_digit('½'));
        assert!(!is_digit('Ⅻ'));
    }

    #[test]
    fn normalises_invisible_and_compatibility_forms() {
        let invisible = [
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{61C}",
            "\u{AD}", "\u{202E}", "\u{FE0F}",
        ];
        for c in invisible {
            assert_eq!(normalise(&format!("0712{c}345678")), "0712345678", "{c:?}");
        }
        assert_eq!(normalise("amina＠example．org"), "amina@example.org");
        assert_eq!(normalise("０７１２３４５６７８"), "0712345678");
        // Composed and decomposed accents become one form.
        assert_eq!(normalise("Ame\u{301}lie"), "Amélie");
        assert!(matches!(normalise("plain ascii"), Cow::Borrowed(_)));
    }
}
