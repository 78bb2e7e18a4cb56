//! The methodology file (TOML): pillars and sub-pillars, indicators with their input, source,
//! direction, transformation, normalisation, missing-data rule and weight, how each level
//! aggregates, and the bands. Parsed and validated here, so that a bad file is refused with the
//! line and field at fault before anything is computed (docs/index-methodology.md).
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A methodology problem: the line (1-based; 0 when it concerns the whole file), the field, and
/// what is wrong. The caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, {field}: {message}")]
pub struct MethodologyError {
    pub line: usize,
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean: strengths compensate for weaknesses.
    Arithmetic,
    /// Weighted geometric mean of (score + 1), minus 1: a weakness is compensated less.
    Geometric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    HigherIsWorse,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Transform {
    None,
    /// ln(1 + x): for skewed counts.
    Log1p,
    /// Values clamped to the given percentiles of all countries' values.
    Winsorise {
        lower: f64,
        upper: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalise {
    /// 100 × (x − min) / (max − min); 50 for every country when all are equal.
    Minmax,
    /// 50 + 10 × (x − mean) / sd, clamped to 0–100 (a T-score), so that every normalised value
    /// shares min-max's 0–100 scale and geometric means stay defined.
    Zscore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Missing {
    /// The indicator is left out for that country; its siblings' weights are scaled up.
    Exclude,
    /// The mean of the countries that have a value (before transformation).
    Mean,
    /// The worst value observed among countries (by the indicator's direction).
    Worst,
    /// The latest value from up to `years` earlier years; excluded when there is none.
    CarryForward { years: u32 },
    /// Computing refuses while any country lacks a value.
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// Imported values per (country, year, indicator).
    Data,
    /// The share of scorecard items met: yes 100, partial 50, no 0.
    Scorecard,
    /// The GTI-style incident sub-index (0–10) computed from event data.
    Incidents,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pillar {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub aggregation: Aggregation,
    /// A sub-pillar names its parent pillar; top-level pillars have none.
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub pillar: String,
    pub input: Input,
    /// Where the data comes from, as a reader of the index should see it.
    pub source: String,
    pub direction: Direction,
    pub transform: Transform,
    pub normalise: Normalise,
    pub missing: Missing,
    pub weight: f64,
    /// Scorecard items this indicator averages (input = scorecard).
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    /// The lowest index score (0–100) in this band.
    pub min: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Methodology {
    pub name: String,
    pub version: String,
    pub description: String,
    /// How the top-level pillars combine into the index.
    pub aggregation: Aggregation,
    /// The share of indicators (0–1) a country needs a value for to be scored and ranked: a
    /// country known only by the absence of recorded incidents must not top the table.
    pub min_coverage: f64,
    pub pillars: Vec<Pillar>,
    pub indicators: Vec<Indicator>,
    /// Highest threshold first.
    pub bands: Vec<Band>,
    /// Names in other languages, per language code, by what they name: `methodology.name`,
    /// `methodology.description`, `pillar.ID`, `indicator.ID`, `indicator.ID.source`,
    /// `band.LABEL`, `item.ID` (a scorecard item, which has no name of its own otherwise).
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

// The file's shape, with spans for the messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    methodology: Spanned<Header>,
    #[serde(default)]
    pillar: Vec<Spanned<RawPillar>>,
    #[serde(default)]
    indicator: Vec<Spanned<RawIndicator>>,
    #[serde(default)]
    band: Vec<Spanned<RawBand>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<BTreeMap<String, String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    name: String,
    version: String,
    #[serde(default)]
    description: String,
    aggregation: Aggregation,
    #[serde(default = "half")]
    min_coverage: f64,
}

fn half() -> f64 {
    0.5
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPillar {
    id: String,
    name: String,
    weight: f64,
    aggregation: Aggregation,
    parent: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    name: String,
    pillar: String,
    input: Input,
    source: String,
    direction: Direction,
    #[serde(default = "none")]
    transform: String,
    winsorise: Option<[f64; 2]>,
    #[serde(default = "minmax")]
    normalise: Normalise,
    missing: String,
    carry_forward_years: Option<u32>,
    weight: f64,
    #[serde(default)]
    items: Vec<String>,
}

fn none() -> String {
    "none".into()
}
fn minmax() -> Normalise {
    Normalise::Minmax
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    min: f64,
    label: String,
}

/// Weights of siblings must sum to 1 within this tolerance.
const WEIGHT_TOLERANCE: f64 = 1e-6;

/// Ids start with a letter: they become HXL attributes in exports (`#indicator+civic_space`).
fn valid_id(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The offset of `key = …` inside a table's span, so that a message points at the field's own
/// line; the table's start when the key is absent (the field is missing).
fn field_at(text: &str, span: &std::ops::Range<usize>, key: &str) -> usize {
    let region = text.get(span.clone()).unwrap_or("");
    let mut offset = span.start;
    for line in region.split_inclusive('\n') {
        let t = line.trim_start();
        if t.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    span.start
}

impl Methodology {
    /// Parses and validates a methodology file's text.
    pub fn parse(text: &str) -> Result<Self, MethodologyError> {
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            // The TOML parser's message is empty for some inputs (a lone carriage return).
            let message = match e.message().trim() {
                "" => "is not valid TOML".to_owned(),
                m => m.to_owned(),
            };
            MethodologyError { line, field: "file".into(), message }
        })?;
        let err = |offset: usize, field: String, message: String| MethodologyError {
            line: line_of(text, offset),
            field,
            message,
        };
        let at = |s: std::ops::Range<usize>| s.start;
        let whole = |field: &str, message: &str| MethodologyError {
            line: 0,
            field: field.into(),
            message: message.into(),
        };

        let header_span = file.methodology.span();
        let header_at = at(header_span.clone());
        let header = file.methodology.into_inner();
        if header.version.trim().is_empty() {
            return Err(err(
                field_at(text, &header_span, "version"),
                "methodology.version".into(),
                "must not be empty".into(),
            ));
        }
        if !(0.0..=1.0).contains(&header.min_coverage) {
            return Err(err(
                field_at(text, &header_span, "min_coverage"),
                "methodology.min_coverage".into(),
                "must be between 0 and 1".into(),
            ));
        }
        let mut pillars = Vec::new();
        let mut pillar_lines = BTreeMap::new();
        let mut pillar_spans = BTreeMap::new();
        for (i, p) in file.pillar.iter().enumerate() {
            let span = p.span();
            let line = at(span.clone());
            let p = p.get_ref();
            let field = |f: &str| format!("pillar[{i}].{f}");
            if !valid_id(&p.id) {
                return Err(err(
                    field_at(text, &span, "id"),
                    field("id"),
                    "must be 1 to 40 lower-case letters, digits or '_', starting with a letter".into(),
                ));
            }
            if pillar_lines.insert(p.id.clone(), line).is_some() {
                return Err(err(
                    field_at(text, &span, "id"),
                    field("id"),
                    format!("pillar {:?} is defined twice", p.id),
                ));
            }
            pillar_spans.insert(p.id.clone(), span.clone());
            if !(p.weight.is_finite() && p.weight > 0.0) {
                return Err(err(
                    field_at(text, &span, "weight"),
                    field("weight"),
                    "must be a positive number".into(),
                ));
            }
            pillars.push(Pillar {
                id: p.id.clone(),
                name: p.name.clone(),
                weight: p.weight,
                aggregation: p.aggregation,
                parent: p.parent.clone(),
            });
        }
        if pillars.is_empty() {
            return Err(whole("pillar", "at least one pillar is needed"));
        }
        // Parents exist and the hierarchy has no cycle.
        for (i, p) in pillars.iter().enumerate() {
            let line = field_at(text, &pillar_spans[&p.id], "parent");
            let mut seen = BTreeSet::from([p.id.as_str()]);
            let mut cur = p;
            while let Some(parent) = &cur.parent {
                let Some(next) = pillars.iter().find(|q| &q.id == parent) else {
                    return Err(err(
                        line,
                        format!("pillar[{i}].parent"),
                        format!("unknown pillar {parent:?}"),
                    ));
                };
                if !seen.insert(next.id.as_str()) {
                    return Err(err(
                        line,
                        format!("pillar[{i}].parent"),
                        format!("pillars form a cycle through {:?}", p.id),
                    ));
                }
                cur = next;
            }
        }

        let mut indicators = Vec::new();
        let mut indicator_lines = BTreeMap::new();
        for (i, raw) in file.indicator.iter().enumerate() {
            let span = raw.span();
            let line = at(span.clone());
            let r = raw.get_ref();
            let field = |f: &str| format!("indicator[{i}].{f}");
            let on = |f: &str| field_at(text, &span, f);
            if !valid_id(&r.id) {
                return Err(err(
                    on("id"),
                    field("id"),
                    "must be 1 to 40 lower-case letters, digits or '_', starting with a letter".into(),
                ));
            }
            if indicator_lines.insert(r.id.clone(), line).is_some() || pillar_lines.contains_key(&r.id) {
                return Err(err(
                    on("id"),
                    field("id"),
                    format!("{:?} is already the id of an indicator or pillar", r.id),
                ));
            }
            if !pillar_lines.contains_key(&r.pillar) {
                return Err(err(on("pillar"), field("pillar"), format!("unknown pillar {:?}", r.pillar)));
            }
            if r.source.trim().is_empty() {
                return Err(err(on("source"), field("source"), "say where the data comes from".into()));
            }
            if !(r.weight.is_finite() && r.weight > 0.0) {
                return Err(err(on("weight"), field("weight"), "must be a positive number".into()));
            }
            let transform = match (r.transform.as_str(), r.winsorise) {
                ("none", None) => Transform::None,
                ("log1p", None) => Transform::Log1p,
                ("winsorise", Some([lower, upper])) if (0.0..upper).contains(&lower) && upper <= 100.0 => {
                    Transform::Winsorise { lower, upper }
                }
                ("winsorise", Some(_)) => {
                    return Err(err(
                        on("winsorise"),
                        field("winsorise"),
                        "percentiles must satisfy 0 <= lower < upper <= 100".into(),
                    ))
                }
                ("winsorise", None) => {
                    return Err(err(
                        on("winsorise"),
                        field("winsorise"),
                        "give the percentiles, e.g. winsorise = [5, 95]".into(),
                    ))
                }
                ("none" | "log1p", Some(_)) => {
                    return Err(err(
                        on("winsorise"),
                        field("winsorise"),
                        "only with transform = \"winsorise\"".into(),
                    ))
                }
                (other, _) => {
                    return Err(err(
                        on("transform"),
                        field("transform"),
                        format!("{other:?} is not one of none, log1p, winsorise"),
                    ))
                }
            };
            let missing = match (r.missing.as_str(), r.carry_forward_years) {
                ("exclude", None) => Missing::Exclude,
                ("mean", None) => Missing::Mean,
                ("worst", None) => Missing::Worst,
                ("error", None) => Missing::Error,
                ("carry_forward", Some(years)) if (1..=10).contains(&years) => {
                    Missing::CarryForward { years }
                }
                ("carry_forward", _) => {
                    return Err(err(
                        on("carry_forward_years"),
                        field("carry_forward_years"),
                        "carry_forward needs 1 to 10 years".into(),
                    ))
                }
                (_, Some(_)) => {
                    return Err(err(
                        on("carry_forward_years"),
                        field("carry_forward_years"),
                        "only with missing = \"carry_forward\"".into(),
                    ))
                }
                (other, None) => {
                    return Err(err(
                        on("missing"),
                        field("missing"),
                        format!("{other:?} is not one of exclude, mean, worst, carry_forward, error"),
                    ))
                }
            };
            match (r.input, r.items.is_empty()) {
                (Input::Scorecard, true) => {
                    return Err(err(
                        on("items"),
                        field("items"),
                        "a scorecard indicator lists its items".into(),
                    ))
                }
                (Input::Data | Input::Incidents, false) => {
                    return Err(err(
                        on("items"),
                        field("items"),
                        "only scorecard indicators have items".into(),
                    ))
                }
                _ => {}
            }
            if let Some(bad) = r.items.iter().find(|x| !valid_id(x)) {
                return Err(err(on("items"), field("items"), format!("{bad:?} is not a valid item id")));
            }
            indicators.push(Indicator {
                id: r.id.clone(),
                name: r.name.clone(),
                pillar: r.pillar.clone(),
                input: r.input,
                source: r.source.trim().to_owned(),
                direction: r.direction,
                transform,
                normalise: r.normalise,
                missing,
                weight: r.weight,
                items: r.items.clone(),
            });
        }
        if indicators.is_empty() {
            return Err(whole("indicator", "at least one indicator is needed"));
        }
        if indicators.iter().filter(|x| x.input == Input::Incidents).count() > 1 {
            let second = indicators
                .iter()
                .filter(|x| x.input == Input::Incidents)
                .nth(1)
                .map(|x| x.id.clone())
                .unwrap_or_default();
            return Err(err(
                indicator_lines[&second],
                "indicator.input".into(),
                "only one indicator may use the incident sub-index".into(),
            ));
        }

        // Every pillar has children, and siblings' weights sum to 1.
        let check_sum = |what: &str, line: usize, weights: Vec<f64>| -> Result<(), MethodologyError> {
            let sum: f64 = weights.iter().sum();
            if weights.is_empty() {
                return Err(err(line, what.into(), "has no indicators or sub-pillars".into()));
            }
            if (sum - 1.0).abs() > WEIGHT_TOLERANCE {
                return Err(err(
                    line,
                    format!("{what}.weight"),
                    format!("the weights of its parts sum to {sum}, not 1"),
                ));
            }
            Ok(())
        };
        let top: Vec<f64> = pillars.iter().filter(|p| p.parent.is_none()).map(|p| p.weight).collect();
        if top.is_empty() {
            return Err(err(
                header_at,
                "pillar.parent".into(),
                "at least one pillar must be top-level".into(),
            ));
        }
        check_sum("methodology (top-level pillars)", header_at, top)?;
        for p in &pillars {
            let mut w: Vec<f64> = indicators.iter().filter(|x| x.pillar == p.id).map(|x| x.weight).collect();
            w.extend(pillars.iter().filter(|q| q.parent.as_deref() == Some(&p.id)).map(|q| q.weight));
            check_sum(&format!("pillar {:?}", p.id), pillar_lines[&p.id], w)?;
        }

        let mut bands = Vec::new();
        for (i, b) in file.band.iter().enumerate() {
            let span = b.span();
            let b = b.get_ref();
            if !(0.0..=100.0).contains(&b.min) {
                return Err(err(
                    field_at(text, &span, "min"),
                    format!("band[{i}].min"),
                    "must be between 0 and 100".into(),
                ));
            }
            if b.label.trim().is_empty() {
                return Err(err(
                    field_at(text, &span, "label"),
                    format!("band[{i}].label"),
                    "must not be empty".into(),
                ));
            }
            bands.push(Band { min: b.min, label: b.label.trim().to_owned() });
        }
        for (i, b) in file.band.iter().enumerate() {
            if file.band[..i].iter().any(|a| a.get_ref().min == b.get_ref().min) {
                return Err(err(
                    field_at(text, &b.span(), "min"),
                    format!("band[{i}].min"),
                    "another band starts at the same score".into(),
                ));
            }
        }
        let lowest =
            file.band.iter().enumerate().min_by(|a, b| a.1.get_ref().min.total_cmp(&b.1.get_ref().min));
        if let Some((i, b)) = lowest.filter(|(_, b)| b.get_ref().min > 0.0) {
            return Err(err(
                field_at(text, &b.span(), "min"),
                format!("band[{i}].min"),
                "the lowest band must start at 0, so that every score has a band".into(),
            ));
        }
        bands.sort_by(|a, b| b.min.total_cmp(&a.min));
        let mut translations = BTreeMap::new();
        for (lang, table) in &file.translations {
            let span = table.span();
            if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(err(
                    span.start,
                    format!("translations.{lang}"),
                    "must be a language code of two or three lowercase letters (fr, ar)".into(),
                ));
            }
            let known = |key: &str| -> bool {
                let (kind, rest) = key.split_once('.').unwrap_or((key, ""));
                match kind {
                    "methodology" => matches!(rest, "name" | "description"),
                    "pillar" => pillars.iter().any(|p| p.id == rest),
                    "indicator" => {
                        let id = rest.strip_suffix(".source").unwrap_or(rest);
                        indicators.iter().any(|i| i.id == id)
                    }
                    "band" => bands.iter().any(|b| b.label == rest),
                    "item" => indicators.iter().any(|i| i.items.iter().any(|it| it == rest)),
                    _ => false,
                }
            };
            for (key, value) in table.get_ref() {
                let field = format!("translations.{lang}.\"{key}\"");
                if !known(key) {
                    return Err(err(
                        field_at(text, &span, &format!("\"{key}\"")),
                        field,
                        "names nothing in this methodology (methodology.name, methodology.description, \
                         pillar.ID, indicator.ID, indicator.ID.source, band.LABEL or item.ID)"
                            .into(),
                    ));
                }
                if value.trim().is_empty() {
                    return Err(err(
                        field_at(text, &span, &format!("\"{key}\"")),
                        field,
                        "must not be empty".into(),
                    ));
                }
            }
            let names = table.get_ref().iter().map(|(k, v)| (k.clone(), v.trim().to_owned())).collect();
            translations.insert(lang.clone(), names);
        }
        Ok(Methodology {
            name: header.name,
            version: header.version.trim().to_owned(),
            description: header.description,
            aggregation: header.aggregation,
            min_coverage: header.min_coverage,
            pillars,
            indicators,
            bands,
            translations,
        })
    }

    /// What `key` (`pillar.risk`, `band.fair`, `item.pve_action_plan`…) is called in `lang`:
    /// its translation, else its English name given under `translations.en`, else `fallback`.
    pub fn text<'a>(&'a self, lang: &str, key: &str, fallback: &'a str) -> &'a str {
        [lang, "en"]
            .iter()
            .find_map(|l| self.translations.get(*l)?.get(key))
            .map(String::as_str)
            .unwrap_or(fallback)
    }

    /// The band label of an index score, if the methodology has bands.
    pub fn band(&self, score: f64) -> Option<&str> {
        self.bands.iter().find(|b| score >= b.min).map(|b| b.label.as_str())
    }

    /// The top-level pillars, in file order.
    pub fn top_pillars(&self) -> impl Iterator<Item = &Pillar> {
        self.pillars.iter().filter(|p| p.parent.is_none())
    }
}
