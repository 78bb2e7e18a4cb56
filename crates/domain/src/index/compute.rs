//! Computing an edition from its inputs, keeping every intermediate value: for each country and
//! indicator the raw value and where it came from (year, source, note; the scorecard items and
//! their evidence; the incident figures of each year), how a gap was treated, the transformed
//! value and the 0–100 score; each pillar's score; the index score, rank and band.
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::gti::{self, IncidentYear};
use super::methodology::{Direction, Indicator, Input, Methodology, Missing, Normalise};
use super::transform::{aggregate, normalise, orient, transform};

/// A scorecard answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    Yes,
    Partial,
    No,
}

impl Commitment {
    pub fn score(self) -> f64 {
        match self {
            Commitment::Yes => 100.0,
            Commitment::Partial => 50.0,
            Commitment::No => 0.0,
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "yes" | "y" | "oui" => Some(Commitment::Yes),
            "partial" | "partly" | "partiel" => Some(Commitment::Partial),
            "no" | "n" | "non" => Some(Commitment::No),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataPoint {
    pub indicator: String,
    pub iso3: String,
    pub year: i32,
    pub value: f64,
    pub source: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardEntry {
    pub item: String,
    pub iso3: String,
    pub year: i32,
    pub status: Commitment,
    pub evidence: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRow {
    pub iso3: String,
    pub year: i32,
    pub counts: IncidentYear,
}

pub struct Inputs<'a> {
    /// The countries the edition ranks (ISO 3166 alpha-3 codes).
    pub countries: &'a [String],
    /// Values are taken for this year (scorecard answers and carried-forward values from
    /// earlier years; incidents for the five years up to it).
    pub data_year: i32,
    pub data: &'a [DataPoint],
    pub scorecard: &'a [ScorecardEntry],
    pub incidents: &'a [IncidentRow],
}

/// Where an indicator's raw value came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    Data { year: i32, value: f64, source: String, note: String },
    Scorecard { items: Vec<ItemEvidence> },
    Incidents { years: Vec<YearEvidence>, total: f64, lowest: f64, highest: f64 },
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemEvidence {
    pub item: String,
    pub year: i32,
    pub status: Commitment,
    pub evidence: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearEvidence {
    pub year: i32,
    pub weight: f64,
    pub counts: IncidentYear,
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    Observed,
    CarriedForward,
    /// The mean of the countries with a value.
    Mean,
    /// The worst value observed.
    Worst,
    /// No value: the indicator does not count for this country.
    Excluded,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    pub id: String,
    /// The value used (after a gap was filled), before transformation.
    pub raw: Option<f64>,
    pub treatment: Treatment,
    pub transformed: Option<f64>,
    /// Normalised onto 0–100 and oriented so that higher is better.
    pub score: Option<f64>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryResult {
    pub iso3: String,
    /// None when no pillar could be scored.
    pub score: Option<f64>,
    /// 1 is the highest score; ties share a rank.
    pub rank: Option<u32>,
    pub band: Option<String>,
    pub pillars: BTreeMap<String, Option<f64>>,
    pub indicators: Vec<IndicatorResult>,
    /// From the sensitivity analysis.
    pub median_rank: Option<f64>,
    pub rank_p5: Option<u32>,
    pub rank_p95: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComputeError {
    #[error("indicator {indicator}: {iso3} has no value and the missing-data rule is \"error\"")]
    Missing { indicator: String, iso3: String },
    #[error("indicator {indicator}: {iso3}: {message}")]
    Invalid { indicator: String, iso3: String, message: String },
    #[error("no countries to compute")]
    NoCountries,
}

/// An indicator's values for every country after gaps were treated and the transformation
/// applied: what the normalisation (and the sensitivity analysis) works on.
pub struct Prepared {
    pub results: Vec<Vec<IndicatorResult>>,
    /// [indicator][country]: transformed values.
    pub transformed: Vec<Vec<Option<f64>>>,
}

fn raw_values(ind: &Indicator, inputs: &Inputs) -> Vec<(Option<f64>, Treatment, Evidence)> {
    match ind.input {
        Input::Data => {
            let mut by_country: HashMap<&str, Vec<&DataPoint>> = HashMap::new();
            for d in inputs.data.iter().filter(|d| d.indicator == ind.id && d.year <= inputs.data_year) {
                by_country.entry(d.iso3.as_str()).or_default().push(d);
            }
            let oldest = match ind.missing {
                Missing::CarryForward { years } => inputs.data_year - years as i32,
                _ => inputs.data_year,
            };
            inputs
                .countries
                .iter()
                .map(|c| {
                    let latest = by_country
                        .get(c.as_str())
                        .and_then(|v| v.iter().filter(|d| d.year >= oldest).max_by_key(|d| d.year));
                    match latest {
                        Some(d) => (
                            Some(d.value),
                            if d.year == inputs.data_year {
                                Treatment::Observed
                            } else {
                                Treatment::CarriedForward
                            },
                            Evidence::Data {
                                year: d.year,
                                value: d.value,
                                source: d.source.clone(),
                                note: d.note.clone(),
                            },
                        ),
                        None => (None, Treatment::Excluded, Evidence::None),
                    }
                })
                .collect()
        }
        Input::Scorecard => inputs
            .countries
            .iter()
            .map(|c| {
                // A commitment stands until a later answer changes it: each item's latest answer
                // up to the data year.
                let items: Vec<ItemEvidence> = ind
                    .items
                    .iter()
                    .filter_map(|item| {
                        inputs
                            .scorecard
                            .iter()
                            .filter(|e| &e.item == item && &e.iso3 == c && e.year <= inputs.data_year)
                            .max_by_key(|e| e.year)
                            .map(|e| ItemEvidence {
                                item: e.item.clone(),
                                year: e.year,
                                status: e.status,
                                evidence: e.evidence.clone(),
                                note: e.note.clone(),
                            })
                    })
                    .collect();
                if items.is_empty() {
                    (None, Treatment::Excluded, Evidence::None)
                } else {
                    let v = items.iter().map(|i| i.status.score()).sum::<f64>() / items.len() as f64;
                    (Some(v), Treatment::Observed, Evidence::Scorecard { items })
                }
            })
            .collect(),
        Input::Incidents => {
            let mut by: HashMap<(&str, i32), IncidentYear> = HashMap::new();
            for r in inputs.incidents {
                let e = by.entry((r.iso3.as_str(), r.year)).or_default();
                e.incidents += r.counts.incidents;
                e.fatalities += r.counts.fatalities;
                e.injuries += r.counts.injuries;
                e.damage += r.counts.damage;
            }
            let years = |c: &str| -> Vec<YearEvidence> {
                gti::YEAR_WEIGHTS
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let year = inputs.data_year - i as i32;
                        let counts = by.get(&(c, year)).copied().unwrap_or_default();
                        YearEvidence { year, weight: *w, counts, score: gti::yearly_score(&counts) }
                    })
                    .collect()
            };
            // A year without a recorded incident scores 0: event data record events, and no
            // event is no impact.
            let totals: Vec<(Vec<YearEvidence>, f64)> = inputs
                .countries
                .iter()
                .map(|c| {
                    let y = years(c);
                    let total = y.iter().map(|e| e.weight * e.score).sum();
                    (y, total)
                })
                .collect();
            let lowest = totals.iter().map(|t| t.1).fold(f64::INFINITY, f64::min);
            let highest = totals.iter().map(|t| t.1).fold(f64::NEG_INFINITY, f64::max);
            let cut = gti::cutoffs(lowest, highest);
            totals
                .into_iter()
                .map(|(years, total)| {
                    (
                        Some(gti::band(total, &cut)),
                        Treatment::Observed,
                        Evidence::Incidents { years, total, lowest, highest },
                    )
                })
                .collect()
        }
    }
}

/// Fills gaps by the indicator's rule and applies its transformation.
pub fn prepare(m: &Methodology, inputs: &Inputs) -> Result<Prepared, ComputeError> {
    if inputs.countries.is_empty() {
        return Err(ComputeError::NoCountries);
    }
    let mut results = Vec::new();
    let mut transformed = Vec::new();
    for ind in &m.indicators {
        let raws = raw_values(ind, inputs);
        let present: Vec<f64> = raws.iter().filter_map(|r| r.0).collect();
        let fill = match ind.missing {
            Missing::Mean if !present.is_empty() => {
                Some((present.iter().sum::<f64>() / present.len() as f64, Treatment::Mean))
            }
            Missing::Worst if !present.is_empty() => {
                let worst = match ind.direction {
                    Direction::HigherIsBetter => present.iter().copied().fold(f64::INFINITY, f64::min),
                    Direction::HigherIsWorse => present.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                };
                Some((worst, Treatment::Worst))
            }
            _ => None,
        };
        let mut row = Vec::new();
        let mut values: Vec<Option<f64>> = Vec::new();
        for (c, (raw, treatment, evidence)) in inputs.countries.iter().zip(raws) {
            let (raw, treatment) = match (raw, fill) {
                (Some(v), _) => (Some(v), treatment),
                (None, Some((v, t))) => (Some(v), t),
                (None, None) if ind.missing == Missing::Error => {
                    return Err(ComputeError::Missing { indicator: ind.id.clone(), iso3: c.clone() })
                }
                (None, None) => (None, Treatment::Excluded),
            };
            if let Some(v) = raw {
                if !v.is_finite()
                    || (matches!(ind.transform, super::methodology::Transform::Log1p) && v < 0.0)
                {
                    return Err(ComputeError::Invalid {
                        indicator: ind.id.clone(),
                        iso3: c.clone(),
                        message: format!("value {v} cannot be used (log1p needs values of 0 or more)"),
                    });
                }
            }
            values.push(raw);
            row.push(IndicatorResult {
                id: ind.id.clone(),
                raw,
                treatment,
                transformed: None,
                score: None,
                evidence,
            });
        }
        // Transform the values present, all together (winsorising looks at all of them).
        let idx: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_some()).collect();
        let t = transform(&idx.iter().filter_map(|&i| values[i]).collect::<Vec<_>>(), ind.transform);
        let mut tv = vec![None; values.len()];
        for (k, &i) in idx.iter().enumerate() {
            tv[i] = Some(t[k]);
            row[i].transformed = Some(t[k]);
        }
        results.push(row);
        transformed.push(tv);
    }
    Ok(Prepared { results, transformed })
}

/// 0–100 oriented scores of one indicator for every country, with normalisation `n`.
pub fn scores(values: &[Option<f64>], n: Normalise, d: Direction) -> Vec<Option<f64>> {
    let idx: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_some()).collect();
    let norm = normalise(&idx.iter().filter_map(|&i| values[i]).collect::<Vec<_>>(), n);
    let mut out = vec![None; values.len()];
    for (k, &i) in idx.iter().enumerate() {
        out[i] = Some(orient(norm[k], d));
    }
    out
}

/// Pillar and index scores of one country from its indicator scores (by indicator position).
pub fn roll_up(m: &Methodology, ind_scores: &[Option<f64>]) -> (BTreeMap<String, Option<f64>>, Option<f64>) {
    let mut pillars: BTreeMap<String, Option<f64>> = BTreeMap::new();
    // Deepest first, so that sub-pillars are scored before their parents.
    let depth = |id: &str| {
        let mut d = 0;
        let mut cur = m.pillars.iter().find(|p| p.id == id);
        while let Some(p) = cur.and_then(|p| p.parent.as_ref()) {
            d += 1;
            cur = m.pillars.iter().find(|q| &q.id == p);
        }
        d
    };
    let mut order: Vec<&super::methodology::Pillar> = m.pillars.iter().collect();
    order.sort_by_key(|p| std::cmp::Reverse(depth(&p.id)));
    for p in order {
        let mut parts: Vec<(f64, f64)> = m
            .indicators
            .iter()
            .zip(ind_scores)
            .filter(|(i, _)| i.pillar == p.id)
            .filter_map(|(i, s)| s.map(|s| (s, i.weight)))
            .collect();
        parts.extend(
            m.pillars
                .iter()
                .filter(|q| q.parent.as_deref() == Some(&p.id))
                .filter_map(|q| pillars.get(&q.id).copied().flatten().map(|s| (s, q.weight))),
        );
        pillars.insert(p.id.clone(), aggregate(&parts, p.aggregation));
    }
    let top: Vec<(f64, f64)> = m
        .top_pillars()
        .filter_map(|p| pillars.get(&p.id).copied().flatten().map(|s| (s, p.weight)))
        .collect();
    let index = aggregate(&top, m.aggregation);
    (pillars, index)
}

/// Whether country `c` has data of its own (observed, or carried forward from an earlier year;
/// not imputed) for enough indicators to be scored (`min_coverage`).
pub fn covered(m: &Methodology, prepared: &Prepared, c: usize) -> bool {
    let own = prepared
        .results
        .iter()
        .filter(|row| matches!(row[c].treatment, Treatment::Observed | Treatment::CarriedForward))
        .count();
    !m.indicators.is_empty() && own as f64 / m.indicators.len() as f64 >= m.min_coverage - 1e-12
}

/// Competition ranking ("1224"): the highest score is 1, ties share a rank.
pub fn ranks(scores: &[Option<f64>]) -> Vec<Option<u32>> {
    scores
        .iter()
        .map(|s| s.map(|s| 1 + scores.iter().filter(|o| o.is_some_and(|o| o > s)).count() as u32))
        .collect()
}

/// The whole computation with the methodology's own choices; sensitivity figures are filled in
/// by `sensitivity::analyse`.
pub fn compute(m: &Methodology, inputs: &Inputs) -> Result<(Vec<CountryResult>, Prepared), ComputeError> {
    let mut prepared = prepare(m, inputs)?;
    let per_indicator: Vec<Vec<Option<f64>>> = m
        .indicators
        .iter()
        .zip(&prepared.transformed)
        .map(|(ind, values)| scores(values, ind.normalise, ind.direction))
        .collect();
    let n = inputs.countries.len();
    let mut out = Vec::with_capacity(n);
    for (c, iso3) in inputs.countries.iter().enumerate() {
        let ind_scores: Vec<Option<f64>> = per_indicator.iter().map(|s| s[c]).collect();
        let (pillars, score) = roll_up(m, &ind_scores);
        let score = score.filter(|_| covered(m, &prepared, c));
        let mut indicators: Vec<IndicatorResult> = prepared.results.iter().map(|r| r[c].clone()).collect();
        for (r, s) in indicators.iter_mut().zip(&ind_scores) {
            r.score = *s;
        }
        out.push(CountryResult {
            iso3: iso3.clone(),
            score,
            rank: None,
            band: score.and_then(|s| m.band(s)).map(str::to_owned),
            pillars,
            indicators,
            median_rank: None,
            rank_p5: None,
            rank_p95: None,
        });
    }
    let rs = ranks(&out.iter().map(|c| c.score).collect::<Vec<_>>());
    for (r, rank) in out.iter_mut().zip(rs) {
        r.rank = rank;
    }
    for (i, row) in prepared.results.iter_mut().enumerate() {
        for (c, r) in row.iter_mut().enumerate() {
            r.score = per_indicator[i][c];
        }
    }
    Ok((out, prepared))
}
