//! Interface text from Fluent files (`locales/*.ftl`) in English, French and Arabic, and the
//! choice of language: the `lang` cookie set by the switcher, else `Accept-Language`, else English.
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::http::{header, HeaderMap};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }
    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

pub const LANG_COOKIE: &str = "lang";

/// Picks the language for a request.
pub fn negotiate(headers: &HeaderMap) -> Lang {
    if let Some(l) = crate::cookies::cookie(headers, LANG_COOKIE).and_then(Lang::parse) {
        return l;
    }
    let Some(accept) = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
        return Lang::En;
    };
    from_accept_language(accept)
}

/// Highest-weighted supported language in an `Accept-Language` value (RFC 9110 §12.5.4).
pub fn from_accept_language(accept: &str) -> Lang {
    let mut best: Option<(f32, usize, Lang)> = None;
    for (i, item) in accept.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        if let Some(l) = Lang::parse(tag) {
            // Higher q wins; on a tie, the earlier entry.
            if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                best = Some((q, i, l));
            }
        }
    }
    best.map(|b| b.2).unwrap_or(Lang::En)
}

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

static SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Ar, include_str!("../locales/ar.ftl")),
];

impl I18n {
    pub fn load() -> Result<Self, String> {
        let mut bundles = HashMap::new();
        for (lang, src) in SOURCES {
            let res = FluentResource::try_new(src.to_owned())
                .map_err(|(_, errs)| format!("{}.ftl does not parse: {errs:?}", lang.code()))?;
            let id: unic_langid::LanguageIdentifier =
                lang.code().parse().map_err(|e| format!("bad language id: {e:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Bidi isolation marks around placeables keep a Latin-script name from reordering the
            // punctuation of an Arabic sentence; left-to-right languages do not need them.
            bundle.set_use_isolating(lang.dir() == "rtl");
            bundle.add_resource(res).map_err(|e| format!("{}.ftl: {e:?}", lang.code()))?;
            bundles.insert(lang, bundle);
        }
        Ok(Self { bundles })
    }

    /// The translated name of a handle (`act-arbitrary_arrest` for prefix `act`); a handle added
    /// locally, with no translation, shows in words ("land grabbing").
    pub fn name(&self, lang: Lang, prefix: &str, slug: &str) -> String {
        let key = format!("{prefix}-{slug}");
        let text = self.text(lang, &key, &[]);
        if text == key {
            slug.replace('_', " ")
        } else {
            text
        }
    }

    /// The text for `key` in `lang`, falling back to English, then to the key itself so that a
    /// missing translation is visible rather than blank.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundles.get(&l) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut fargs = FluentArgs::new();
            for (k, v) in args {
                fargs.set(*k, value(v));
            }
            let mut errors = vec![];
            return bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
        key.to_owned()
    }

    /// Message keys defined for `lang`, for the test that every language has every key.
    pub fn keys(&self, lang: Lang) -> Vec<String> {
        let src = SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s).unwrap_or("");
        src.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
            .collect()
    }
}

/// The compiled-in translations, loaded once.
pub fn global() -> &'static I18n {
    static I: LazyLock<I18n> = LazyLock::new(|| match I18n::load() {
        Ok(i) => i,
        Err(e) => panic!("built-in translations are broken: {e}"),
    });
    &I
}

/// An argument as Fluent should see it: a whole number as a number, so that plural variants
/// (`[one]`, `[other]`) are chosen by it; anything else (a date, a code with a leading zero) as
/// the text it is.
fn value(v: &str) -> FluentValue<'static> {
    let whole = !v.is_empty() && v.len() <= 15 && v.bytes().all(|b| b.is_ascii_digit());
    match v.parse::<i64>() {
        Ok(n) if whole && (v == "0" || !v.starts_with('0')) => FluentValue::from(n),
        _ => FluentValue::from(v.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language() {
        assert_eq!(from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"), Lang::Fr);
        assert_eq!(from_accept_language("de, ar;q=0.5, en;q=0.4"), Lang::Ar);
        assert_eq!(from_accept_language("de"), Lang::En);
        assert_eq!(from_accept_language("en;q=0, fr;q=0.1"), Lang::Fr);
        assert_eq!(from_accept_language(""), Lang::En);
        assert_eq!(from_accept_language("ar-SA"), Lang::Ar);
    }

    #[test]
    fn every_language_has_every_key_and_they_format() {
        let i = I18n::load().unwrap();
        let en = i.keys(Lang::En);
        assert!(en.len() > 20);
        for l in [Lang::Fr, Lang::Ar] {
            let mut missing: Vec<_> = en.iter().filter(|k| !i.keys(l).contains(k)).collect();
            missing.sort();
            assert!(missing.is_empty(), "{} lacks {missing:?}", l.code());
        }
        assert_eq!(i.text(Lang::Fr, "nav-sign-out", &[]), "Se déconnecter");
        assert_eq!(i.text(Lang::En, "no-such-key", &[]), "no-such-key");
        assert!(i.text(Lang::Ar, "home-welcome", &[("name", "أمينة".into())]).contains("أمينة"));
    }

    #[test]
    fn counts_choose_their_plural() {
        let i = I18n::load().unwrap();
        let one = i.text(Lang::En, "home-invitations", &[("count", "1".into())]);
        let three = i.text(Lang::En, "home-invitations", &[("count", "3".into())]);
        assert!(one.starts_with("An invitation is"), "{one}");
        assert!(three.contains("3 invitations are"), "{three}");
        assert!(i
            .text(Lang::Fr, "home-invitations", &[("count", "1".into())])
            .contains("Une invitation attend"));
        // French puts 0 in the "one" group: a count there must print the count, never "1" (a
        // legend said "1 zone" for none).
        for key in ["legend-areas", "legend-countries", "open-alerts", "series-total", "shared-hidden-count"]
        {
            let zero = i.text(Lang::Fr, key, &[("count", "0".into())]);
            assert!(zero.starts_with('0') && !zero.contains('1'), "{key}: {zero}");
        }
        // Text that only looks like a number stays as written.
        assert!(matches!(value("0712"), FluentValue::String(_)));
        assert!(matches!(value("2026-12-01"), FluentValue::String(_)));
        assert!(matches!(value("12"), FluentValue::Number(_)));
    }
}
