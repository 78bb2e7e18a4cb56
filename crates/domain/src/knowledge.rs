//! The knowledge bank's rules: what a case study holds, how its text and a query are reduced to
//! search words (so that `sécurité` finds `securite`, and an Arabic word finds itself whatever
//! its hamza, alef or vowel marks), how a query becomes each database's own search expression,
//! and the snippet that shows where the words matched. The databases search and rank; nothing
//! here touches them.
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use crate::wheel::Activity;
use crate::{text, InvalidInput, Problem};

crate::word_list!(
    /// The languages a case study is written in (the platform's).
    Language, "language", "must be en, fr or ar", {
        En => "en",
        Fr => "fr",
        Ar => "ar",
    }
);

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 1_000;
pub const BODY_MAX: usize = 60_000;
/// Words a query may hold: more is no longer a search.
pub const QUERY_WORDS_MAX: usize = 12;
/// Actors, tags: each list.
pub const LIST_MAX: usize = 20;

/// A case study as written, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStudyText {
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    pub language: Language,
    pub region: String,
    pub actors: Vec<String>,
    pub activities: Vec<Activity>,
    pub tags: Vec<String>,
}

/// What arrives, before the checks.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseStudyInput {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub language: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub activities: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

fn list(field: &'static str, raw: &[String]) -> Result<Vec<String>, InvalidInput> {
    if raw.len() > LIST_MAX {
        return Err(InvalidInput::new(field, format!("at most {LIST_MAX}"))
            .because(Problem::TooLong { max: LIST_MAX }));
    }
    let mut out: Vec<String> = Vec::new();
    for r in raw.iter().filter(|r| !r.trim().is_empty()) {
        let v = text::bounded(field, r, 1, 80)?;
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

impl CaseStudyInput {
    pub fn parse(&self) -> Result<CaseStudyText, InvalidInput> {
        let activities = self
            .activities
            .iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| Activity::from_str(a))
            .collect::<Result<Vec<_>, _>>()?;
        let mut unique = Vec::new();
        for a in activities {
            if !unique.contains(&a) {
                unique.push(a);
            }
        }
        Ok(CaseStudyText {
            title: text::bounded("title", &self.title, 3, TITLE_MAX)?,
            summary: text::multiline("summary", &self.summary, 10, SUMMARY_MAX)?,
            body: text::multiline("body", &self.body, 10, BODY_MAX)?,
            language: Language::from_str(&self.language)?,
            region: if self.region.trim().is_empty() {
                String::new()
            } else {
                text::bounded("region", &self.region, 1, 120)?
            },
            actors: list("actors", &self.actors)?,
            activities: unique,
            tags: list("tags", &self.tags)?,
        })
    }
}

/// One letter as search sees it: lower case, no accents or vowel marks, one form of each
/// Arabic letter that writers vary (alef with or without hamza or madda, alef maqsura and ya,
/// ta marbuta and ha), ligatures spelt out (œ, æ, ß), Arabic-Indic digits as 0–9. Letters that
/// are marks alone become nothing.
fn fold(c: char, out: &mut String) {
    for d in c.to_lowercase().flat_map(|l| l.nfkd()) {
        match d.general_category() {
            GeneralCategory::NonspacingMark
            | GeneralCategory::EnclosingMark
            | GeneralCategory::SpacingMark => {}
            _ => match d {
                '\u{0671}' | '\u{0672}' | '\u{0673}' => out.push('\u{0627}'),
                '\u{0649}' | '\u{06CC}' => out.push('\u{064A}'),
                '\u{0629}' => out.push('\u{0647}'),
                '\u{06A9}' => out.push('\u{0643}'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (d as u32 - 0x0660) as u8)),
                '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (d as u32 - 0x06F0) as u8)),
                d => out.push(d),
            },
        }
    }
}

/// The article and the clitics written onto it (و ف ب ك ل), taken off an Arabic word of at
/// least three letters more: `والأمن`, `الأمن` and `أمن` are one word to search.
fn without_article(word: String) -> String {
    const PREFIXES: [&str; 6] = [
        "\u{0648}\u{0627}\u{0644}",
        "\u{0641}\u{0627}\u{0644}",
        "\u{0628}\u{0627}\u{0644}",
        "\u{0643}\u{0627}\u{0644}",
        "\u{0644}\u{0644}",
        "\u{0627}\u{0644}",
    ];
    let arabic = word.chars().next().is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c));
    if arabic {
        for p in PREFIXES {
            if let Some(rest) = word.strip_prefix(p) {
                if rest.chars().count() >= 3 {
                    return rest.to_owned();
                }
            }
        }
    }
    word
}

/// Characters that sit inside a word without being part of it: tatweel, stray marks, soft
/// hyphens and joiners.
fn inside_word(c: char) -> bool {
    c == '\u{0640}'
        || matches!(c.general_category(), GeneralCategory::NonspacingMark | GeneralCategory::Format)
}

/// The words of `text` as search keeps them, in order: runs of letters and digits, folded.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if inside_word(c) {
            continue;
        }
        if c.is_alphanumeric() {
            fold(c, &mut word);
        } else if !word.is_empty() {
            out.push(without_article(std::mem::take(&mut word)));
        }
    }
    if !word.is_empty() {
        out.push(without_article(word));
    }
    out
}

/// The text as a database indexes it: its folded words, space-separated.
pub fn search_text(text: &str) -> String {
    words(text).join(" ")
}

/// A query: its words, in order, and whether they were written as a phrase in quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: Vec<String>,
}

impl SearchQuery {
    /// None when the query holds no word.
    pub fn parse(q: &str) -> Option<Self> {
        let mut w = words(q);
        w.truncate(QUERY_WORDS_MAX);
        (!w.is_empty()).then_some(Self { words: w })
    }

    /// The three ways a query matches, best first: the words as a phrase, all of them, any of
    /// them. A one-word query has one.
    pub fn tiers(&self) -> Vec<Tier> {
        if self.words.len() == 1 {
            vec![Tier::All]
        } else {
            vec![Tier::Phrase, Tier::All, Tier::Any]
        }
    }

    /// SQLite FTS5's MATCH expression. The words are letters and digits only, so quoting each
    /// leaves no operator a user could slip in.
    pub fn fts5(&self, tier: Tier) -> String {
        let quoted: Vec<String> = self.words.iter().map(|w| format!("\"{w}\"")).collect();
        match tier {
            Tier::Phrase => format!("\"{}\"", self.words.join(" ")),
            Tier::All => quoted.join(" AND "),
            Tier::Any => quoted.join(" OR "),
        }
    }

    /// PostgreSQL's `to_tsquery('simple', …)` text, by the same rule.
    pub fn tsquery(&self, tier: Tier) -> String {
        let quoted: Vec<String> = self.words.iter().map(|w| format!("'{w}'")).collect();
        match tier {
            Tier::Phrase => quoted.join(" <-> "),
            Tier::All => quoted.join(" & "),
            Tier::Any => quoted.join(" | "),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Tier {
    Phrase,
    All,
    Any,
}

/// How much a word counts where it stands: in the title ten times, in the summary four, in the
/// body once (the weights of BM25F's fields).
const WEIGHTS: [f64; 3] = [10.0, 4.0, 1.0];
/// Occurrences of a word counted in one field: beyond a few, repeating a word (keyword
/// stuffing) earns nothing.
const TF_CAP: usize = 3;
/// The part of a body relevance reads: enough for any case study, bounded for a long one.
const BODY_READ: usize = 20_000;
/// BM25's saturation and length normalisation, at their usual values.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A case study's length as relevance weighs it: its words, each by its field's weight.
pub fn weighted_length(title: &str, summary: &str, body: &str) -> f64 {
    let body: String = body.chars().take(BODY_READ).collect();
    [title, summary, &body].iter().zip(WEIGHTS).map(|(t, w)| words(t).len() as f64 * w).sum()
}

/// What relevance needs to know of the whole bank: how many case studies, their mean weighted
/// length, and in how many each query word occurs (as the database's engine counts them).
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub docs: usize,
    pub mean_length: f64,
    /// Per query word, in the query's order.
    pub holding: Vec<usize>,
}

/// How well a case study answers the query: BM25F over its title, summary and body. The
/// engines find the matches; this one formula orders them, so that every backend (and every
/// deployment, whichever it runs) gives the same order.
pub fn relevance(q: &SearchQuery, corpus: &Corpus, title: &str, summary: &str, body: &str) -> f64 {
    let body: String = body.chars().take(BODY_READ).collect();
    let fields = [words(title), words(summary), words(&body)];
    let length: f64 = fields.iter().zip(WEIGHTS).map(|(f, w)| f.len() as f64 * w).sum();
    let norm = 1.0 - B + B * length / corpus.mean_length.max(1.0);
    let n = corpus.docs as f64;
    let mut seen: Vec<&str> = Vec::new();
    let mut score = 0.0;
    for (i, word) in q.words.iter().enumerate() {
        // A word written twice in the query counts once.
        if seen.contains(&word.as_str()) {
            continue;
        }
        seen.push(word);
        let tf: f64 = fields
            .iter()
            .zip(WEIGHTS)
            .map(|(f, w)| f.iter().filter(|x| *x == word).count().min(TF_CAP) as f64 * w)
            .sum();
        if tf == 0.0 {
            continue;
        }
        let df = corpus.holding.get(i).copied().unwrap_or(0) as f64;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        score += idf * tf * (K1 + 1.0) / (tf + K1 * norm);
    }
    score
}

/// Words of context a snippet shows around its matches.
const SNIPPET_WORDS: usize = 30;

/// The part of `text` (markdown, as written) where most of the query's words are, about 30
/// words long, as HTML: the text escaped, each matched word in `<mark>`, an ellipsis where it
/// was cut. The first words of the text when nothing matches.
pub fn snippet(text: &str, q: &SearchQuery) -> String {
    // Each word of the text with its place, folded for comparing.
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, spans: &mut Vec<(usize, usize, bool)>| {
        let folded = search_text(&text[s..e]);
        let hit = folded.split(' ').any(|w| q.words.iter().any(|qw| qw == w));
        spans.push((s, e, hit));
    };
    for (i, c) in text.char_indices() {
        let inside =
            c.is_alphanumeric() || c == '\u{0640}' || c.general_category() == GeneralCategory::NonspacingMark;
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut spans);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut spans);
    }
    if spans.is_empty() {
        return String::new();
    }
    // The window of SNIPPET_WORDS words with the most distinct hits, the earliest of equals.
    let n = SNIPPET_WORDS.min(spans.len());
    let mut best = (0usize, 0usize);
    for from in 0..=spans.len() - n {
        let hits = spans[from..from + n].iter().filter(|s| s.2).count();
        if hits > best.1 {
            best = (from, hits);
        }
    }
    // Centred on its matches, so that they read with context on both sides.
    let hits: Vec<usize> = (best.0..best.0 + n).filter(|&i| spans[i].2).collect();
    let from = match (hits.first(), hits.last()) {
        (Some(&f), Some(&l)) => ((f + l) / 2).saturating_sub(n / 2).min(spans.len() - n),
        _ => 0,
    };
    let to = from + n - 1;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = spans[from].0;
    for &(s, e, hit) in &spans[from..=to] {
        out.push_str(&html(&plain(&text[at..s])));
        if hit {
            out.push_str("<mark>");
            out.push_str(&html(&text[s..e]));
            out.push_str("</mark>");
        } else {
            out.push_str(&html(&text[s..e]));
        }
        at = e;
    }
    if to + 1 < spans.len() {
        out.push('…');
    }
    out.trim().to_owned()
}

/// Markdown's marks between words, as a reader sees the gap: `**`, `#`, `_`, brackets and line
/// breaks become one space or nothing.
fn plain(gap: &str) -> String {
    let kept: String = gap.chars().filter(|c| !matches!(c, '*' | '#' | '_' | '`' | '[' | ']')).collect();
    if kept.chars().any(char::is_whitespace) {
        let trimmed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = if kept.starts_with(char::is_whitespace) || trimmed.is_empty() { " " } else { "" };
        let tail = if kept.ends_with(char::is_whitespace) && !trimmed.is_empty() { " " } else { "" };
        format!("{lead}{trimmed}{tail}")
    } else {
        kept
    }
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_accents_case_and_arabic_forms() {
        assert_eq!(words("Sécurité COMMUNAUTAIRE, l'école!"), ["securite", "communautaire", "l", "ecole"]);
        // Alef with hamza above, below, madda and wasla all become a bare alef.
        assert_eq!(words("أمن إدارة آمن ٱلشرطة"), words("امن ادارة امن الشرطة"));
        // Vowel marks and tatweel vanish; ta marbuta and ha, alef maqsura and ya meet.
        assert_eq!(words("الشُّرْطَة"), words("الشرطه"));
        assert_eq!(words("مـــنتدى"), words("منتدي"));
        assert_eq!(words("مؤسسة مسائل"), words("موسسه مسايل"));
        // Presentation forms are the letters they show.
        assert_eq!(words("\u{FEB7}\u{FEAE}"), words("شر"));
        assert_eq!(search_text("  Women-led   groups; 2026 "), "women led groups 2026");
        // The article and its clitics come off; short words keep them.
        assert_eq!(words("الأمن والأمن أمن للشرطة بالمنتدى"), ["امن", "امن", "امن", "شرطه", "منتدي"]);
        assert_eq!(words("الم"), ["الم"]);
        // Ligatures, Arabic-Indic digits, soft hyphens and joiners.
        assert_eq!(
            words("cœur Æsop straße ٢٠٢٦ medi\u{00AD}ation"),
            ["coeur", "aesop", "strasse", "2026", "mediation"]
        );
    }

    #[test]
    fn queries_become_each_engines_expression_with_no_operator_left() {
        let q = SearchQuery::parse("joint \"oversight\" OR forums* -police").unwrap();
        assert_eq!(q.words, ["joint", "oversight", "or", "forums", "police"]);
        assert_eq!(q.fts5(Tier::Phrase), "\"joint oversight or forums police\"");
        assert_eq!(q.fts5(Tier::All), "\"joint\" AND \"oversight\" AND \"or\" AND \"forums\" AND \"police\"");
        assert_eq!(q.tsquery(Tier::Any), "'joint' | 'oversight' | 'or' | 'forums' | 'police'");
        assert_eq!(q.tsquery(Tier::Phrase), "'joint' <-> 'oversight' <-> 'or' <-> 'forums' <-> 'police'");
        assert_eq!(SearchQuery::parse("  ** ' ").map(|q| q.words), None);
        assert_eq!(SearchQuery::parse("word").unwrap().tiers(), [Tier::All]);
        let long = "a ".repeat(40);
        assert_eq!(SearchQuery::parse(&long).unwrap().words.len(), QUERY_WORDS_MAX);
    }

    #[test]
    fn relevance_weighs_the_title_rare_words_and_short_texts() {
        let q = SearchQuery::parse("oversight police").unwrap();
        let corpus = Corpus { docs: 10, mean_length: 100.0, holding: vec![1, 8] };
        let in_title = relevance(&q, &corpus, "Police oversight", "A summary.", "Some body text here.");
        let in_body = relevance(&q, &corpus, "A forum", "A summary.", "Police oversight in the body.");
        assert!(in_title > in_body, "{in_title} {in_body}");
        // The rare word counts for more than the common one.
        let rare = relevance(&q, &corpus, "Oversight", "", "");
        let common = relevance(&q, &corpus, "Police", "", "");
        assert!(rare > common, "{rare} {common}");
        // The same words in a longer text count for less.
        let long = format!("Police oversight {}", "words ".repeat(200));
        assert!(relevance(&q, &corpus, "", "", "Police oversight") > relevance(&q, &corpus, "", "", &long));
        assert_eq!(relevance(&q, &corpus, "nothing", "", ""), 0.0);
        // Repeating a word a thousand times earns no more than three times do.
        let stuffed = "police ".repeat(1000);
        let three = "police police police";
        assert!(relevance(&q, &corpus, "", "", &stuffed) <= relevance(&q, &corpus, "", "", three));
        let four = "police police police police";
        assert!(relevance(&q, &corpus, "", "", four) <= relevance(&q, &corpus, "", "", three));
        assert_eq!(weighted_length("two words", "one", "a b c"), 2.0 * 10.0 + 4.0 + 3.0);
    }

    #[test]
    fn snippets_mark_the_matched_words_and_escape_the_rest() {
        let text = format!(
            "{} The **women's** network <b>trained</b> police officers in Kumba. {}",
            "filler ".repeat(40),
            "more ".repeat(40)
        );
        let q = SearchQuery::parse("women police").unwrap();
        let s = snippet(&text, &q);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(
            s.contains(
                "<mark>women</mark>&#39;s network &lt;b&gt;trained&lt;/b&gt; <mark>police</mark> officers"
            ),
            "{s}"
        );
        assert!(!s.contains("**"), "{s}");
        let ar = SearchQuery::parse("الشرطة").unwrap();
        let s = snippet("تدريب الشُّرطة في القرية", &ar);
        assert_eq!(s, "تدريب <mark>الشُّرطة</mark> في القرية");
        assert_eq!(snippet("", &ar), "");
    }

    #[test]
    fn a_case_study_is_checked() {
        let mut input = CaseStudyInput {
            title: "Police trainings".into(),
            summary: "What a women's group taught a police station.".into(),
            body: "A long enough body of text.".into(),
            language: "en".into(),
            activities: vec!["capacity_building".into(), "capacity_building".into()],
            tags: vec!["gender".into(), " ".into()],
            ..Default::default()
        };
        let c = input.parse().unwrap();
        assert_eq!((c.activities.len(), c.tags.len(), c.language), (1, 1, Language::En));
        input.language = "de".into();
        assert_eq!(input.parse().unwrap_err().field, "language");
        input.language = "fr".into();
        input.activities = vec!["lobbying".into()];
        assert_eq!(input.parse().unwrap_err().field, "activity");
    }
}
