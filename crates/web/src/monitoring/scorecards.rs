//! Unit scorecards as the API and the pages use them: a civil-society organisation keeps one per
//! security unit it watches, with indicators it defines (typed measurements, or estimates taken
//! from its perception surveys) and indicators Tandem computes from its own records about the
//! unit; each indicator's trend, status and the evidence behind every number; a comparison with
//! the other units of the same kind it watches; and, once it decides, a public view in which
//! every count passes the disclosure rules of `tandem_domain::scorecard`.
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::scorecard::{
    self, Computed, Direction, Frequency, Measure, Point, PublicCount, Status, UnitRecords,
};
use tandem_domain::{text, InvalidInput, OrgId, OrgKind, Problem};
use tandem_store::{
    Indicator, Measurement, NewIndicator, NewMeasurement, NewScorecard, Scorecard, ScorecardRecords,
    StoreError,
};

use super::surveys::{self, Question};
use crate::app_error::AppError;
use crate::AppState;

/// The earliest year a measurement may be dated: older ones are typing slips.
pub const EARLIEST_YEAR: i32 = 1990;

/// Quarters a computed trend covers: two years.
pub const TREND_QUARTERS: usize = 8;

fn id() -> String {
    OrgId::new().to_string()
}

/// Only a civil-society organisation keeps scorecards: it is the community's watch on the
/// security sector (DESIGN §4.6), not the sector's own report.
async fn keeper(state: &AppState, actor: &Actor) -> Result<(), AppError> {
    let org = state.store.get_org(&actor.org_id).await?;
    if org.kind != OrgKind::CivilSociety {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

pub async fn create(
    state: &AppState,
    actor: &Actor,
    unit_org: &str,
    area: &str,
) -> Result<Scorecard, AppError> {
    keeper(state, actor).await?;
    let unit = OrgId::parse(unit_org.trim()).map_err(|_| {
        InvalidInput::new("unit_org", "is not an organisation on Tandem").because(Problem::Unknown)
    })?;
    let unit_kind = match state.store.get_org(&unit).await {
        Ok(o) => o.kind,
        Err(StoreError::NotFound) => {
            return Err(InvalidInput::new("unit_org", "is not an organisation on Tandem")
                .because(Problem::Unknown)
                .into())
        }
        Err(e) => return Err(e.into()),
    };
    if unit_kind != OrgKind::Security {
        return Err(InvalidInput::new(
            "unit_org",
            "is not a security service: a scorecard watches a police station, a brigade, a unit",
        )
        .because(Problem::Unknown)
        .into());
    }
    let new =
        NewScorecard { id: id(), unit_org: unit, area: area.trim().to_owned(), by: actor.user_id.clone() };
    let ev = NewAuditEvent::new("scorecard.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.create_scorecard(&actor.org_id, &new, ev).await {
        Err(StoreError::Conflict(f)) if f == "area" => {
            Err(InvalidInput::new("area", "is not an area on Tandem").because(Problem::Unknown).into())
        }
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("unit_org", "already has a scorecard kept by your organisation").into())
        }
        other => Ok(other?),
    }
}

pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Scorecard>, AppError> {
    Ok(state.store.list_scorecards(&actor.org_id).await?)
}

/// An indicator as it arrives.
#[derive(Debug, Clone, Default)]
pub struct IndicatorInput {
    pub name: String,
    pub definition: String,
    pub measure: String,
    pub direction: String,
    pub disaggregation: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub frequency: String,
    /// What Tandem computes, when it does (its measure and direction follow).
    pub computed: Option<String>,
}

fn number(field: &'static str, raw: Option<&String>) -> Result<Option<f64>, InvalidInput> {
    match raw.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or_else(|| InvalidInput::new(field, "must be a number").because(Problem::NotANumber)),
    }
}

pub fn parse_indicator(i: &IndicatorInput) -> Result<NewIndicator, InvalidInput> {
    let computed = match i.computed.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(c.parse::<Computed>()?),
    };
    let (measure, direction) = match computed {
        Some(c) => c.shape(),
        None => (i.measure.parse::<Measure>()?, i.direction.parse::<Direction>()?),
    };
    let baseline = number("baseline", i.baseline.as_ref())?
        .map(|v| scorecard::value("baseline", measure, v))
        .transpose()?;
    let target =
        number("target", i.target.as_ref())?.map(|v| scorecard::value("target", measure, v)).transpose()?;
    Ok(NewIndicator {
        id: id(),
        name: text::bounded("name", &i.name, 3, 160)?,
        definition: text::multiline("definition", &i.definition, 3, 1_000)?,
        measure,
        direction,
        disaggregation: i
            .disaggregation
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(|d| text::bounded("disaggregation", d, 1, 200))
            .transpose()?,
        baseline,
        target,
        frequency: match i.frequency.trim() {
            "" if computed.is_some() => Frequency::Quarterly,
            f => f.parse::<Frequency>()?,
        },
        computed,
    })
}

pub async fn add_indicator(
    state: &AppState,
    actor: &Actor,
    card: &str,
    input: &IndicatorInput,
) -> Result<Indicator, AppError> {
    state.store.unit_scorecard(&actor.org_id, card).await?;
    let new = parse_indicator(input)?;
    let ev = NewAuditEvent::new("indicator.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    Ok(state.store.add_indicator(&actor.org_id, card, &new, ev).await?)
}

/// A measurement as it arrives: typed, or taken from a survey's estimate.
#[derive(Debug, Clone, Default)]
pub struct MeasurementInput {
    pub measured_on: String,
    pub value: Option<String>,
    pub ci_low: Option<String>,
    pub ci_high: Option<String>,
    pub source: String,
    pub evidence: Option<String>,
    /// From a survey: its id, the question and answer, and a group (`all`, or a value of `by`).
    pub survey: Option<String>,
    pub question: Option<String>,
    pub answer: Option<String>,
    pub by: Option<String>,
    pub group: Option<String>,
}

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub async fn add_measurement(
    state: &AppState,
    actor: &Actor,
    indicator: &str,
    input: &MeasurementInput,
) -> Result<Measurement, AppError> {
    let ind = state.store.get_indicator(&actor.org_id, indicator).await?;
    if ind.computed.is_some() {
        return Err(InvalidInput::new(
            "value",
            "Tandem computes this indicator from its records: nothing to type",
        )
        .into());
    }
    let measured_on = NaiveDate::parse_from_str(input.measured_on.trim(), "%Y-%m-%d")
        .map_err(|_| InvalidInput::new("measured_on", "must be a date, YYYY-MM-DD"))?;
    if measured_on > chrono::Utc::now().date_naive() {
        return Err(InvalidInput::new("measured_on", "is in the future").because(Problem::InFuture).into());
    }
    if measured_on.year() < EARLIEST_YEAR {
        return Err(InvalidInput::new("measured_on", format!("is before {EARLIEST_YEAR}"))
            .because(Problem::TooEarly { year: EARLIEST_YEAR })
            .into());
    }
    let source = text::bounded("source", &input.source, 3, 300)?;
    let evidence = blank(&input.evidence).map(|e| text::multiline("evidence", e, 3, 2_000)).transpose()?;
    let (value, ci_low, ci_high, survey_id) = match blank(&input.survey) {
        Some(survey) => {
            let q = Question {
                question: input.question.clone().unwrap_or_default(),
                value: input.answer.clone().unwrap_or_default(),
                by: input.by.clone(),
                method: None,
            };
            let est = match surveys::estimate(state.store.as_ref(), &actor.org_id, survey, &q).await {
                Err(AppError::NotFound) => {
                    return Err(InvalidInput::new("survey", "is not one of your organisation's surveys")
                        .because(Problem::Unknown)
                        .into())
                }
                Err(AppError::Invalid(e)) if e.field == "value" => {
                    return Err(InvalidInput { field: "answer", ..e }.into())
                }
                other => other?,
            };
            if blank(&input.group).is_some() && blank(&input.by).is_none() {
                return Err(InvalidInput::new(
                    "by",
                    "name the column the group is an answer of, such as gender",
                )
                .because(Problem::Required)
                .into());
            }
            let group = blank(&input.group).unwrap_or("all");
            let e = est.estimates.iter().find(|e| e.group == group).ok_or_else(|| {
                InvalidInput::new("group", format!("no response of the survey is in the group {group}"))
                    .because(Problem::Unknown)
            })?;
            (
                100.0 * e.proportion,
                e.ci_low.map(|v| 100.0 * v),
                e.ci_high.map(|v| 100.0 * v),
                Some(survey.to_owned()),
            )
        }
        None => {
            let value = number("value", input.value.as_ref())?
                .ok_or_else(|| InvalidInput::new("value", "is required").because(Problem::Required))?;
            let value = scorecard::value("value", ind.measure, value)?;
            let low = number("ci_low", input.ci_low.as_ref())?
                .map(|v| scorecard::value("ci_low", ind.measure, v))
                .transpose()?;
            let high = number("ci_high", input.ci_high.as_ref())?
                .map(|v| scorecard::value("ci_low", ind.measure, v))
                .transpose()?;
            if low.zip(high).is_some_and(|(l, h)| l > h)
                || low.is_some_and(|l| l > value)
                || high.is_some_and(|h| h < value)
            {
                return Err(InvalidInput::new(
                    "ci_low",
                    "the interval must hold the value: low ≤ value ≤ high",
                )
                .into());
            }
            (value, low, high, None)
        }
    };
    let new = NewMeasurement {
        id: id(),
        measured_on,
        value,
        ci_low,
        ci_high,
        source,
        evidence,
        survey_id,
        by: actor.user_id.clone(),
    };
    let ev = NewAuditEvent::new("measurement.add").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.add_measurement(&actor.org_id, indicator, &new, ev).await {
        Err(StoreError::Conflict(f)) if f == "indicator" => Err(InvalidInput::new(
            "value",
            "Tandem computes this indicator from its records: nothing to type",
        )
        .into()),
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("survey", "is not one of your organisation's surveys")
                .because(Problem::Unknown)
                .into())
        }
        other => Ok(other?),
    }
}

/// Takes a measurement back: how a wrong number is corrected (the audit trail keeps it).
pub async fn remove_measurement(state: &AppState, actor: &Actor, id: &str) -> Result<Measurement, AppError> {
    let ev = NewAuditEvent::new("measurement.remove").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.remove_measurement(&actor.org_id, id, ev).await?)
}

pub async fn publish(
    state: &AppState,
    actor: &Actor,
    card: &str,
    publish: bool,
) -> Result<Scorecard, AppError> {
    let action = if publish { "scorecard.publish" } else { "scorecard.unpublish" };
    let ev = NewAuditEvent::new(action).org(&actor.org_id).actor(&actor.user_id).subject(card);
    Ok(state.store.publish_scorecard(&actor.org_id, card, publish, ev).await?)
}

/// What stands behind one number.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PointEvidence {
    /// `measurement` (typed, with its source), `survey` (an estimate), or a computed kind's
    /// records: `alerts`, `commitments`, `violations`, `referrals`.
    pub kind: String,
    pub text: String,
    /// The survey an estimate came from.
    pub survey: Option<String>,
}

/// A point with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct EvidencedPoint {
    #[serde(flatten)]
    pub point: Point,
    pub evidence: PointEvidence,
    /// The recorded measurement it is (absent for a computed point), to take it back.
    pub measurement: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorView {
    #[serde(flatten)]
    pub indicator: Indicator,
    /// Oldest first.
    pub trend: Vec<EvidencedPoint>,
    #[schema(value_type = String)]
    pub status: Status,
}

/// One indicator's latest value for each unit of the same kind the organisation watches.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Comparison {
    pub indicator: String,
    pub units: Vec<(String, Option<f64>)>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScorecardView {
    pub scorecard: Scorecard,
    pub indicators: Vec<IndicatorView>,
    /// Other units of the same kind the organisation keeps scorecards for, beside this one.
    pub comparison: Vec<Comparison>,
}

fn computed_evidence(kind: Computed, p: &Point) -> PointEvidence {
    let what = match kind {
        Computed::AlertResponseMedianHours
        | Computed::AlertResponseP90Hours
        | Computed::AlertsAnsweredBeforeDue => "alerts",
        Computed::CommitmentsKeptOnTime => "commitments",
        Computed::VerifiedViolations => "violations",
        Computed::ReferralsAnswered => "referrals",
    };
    PointEvidence {
        kind: what.to_owned(),
        text: format!("{} {what} in {}", p.n.unwrap_or(0), p.period),
        survey: None,
    }
}

/// Every indicator's trend, from the records and measurements given.
fn indicators(r: &ScorecardRecords, unit: &UnitRecords, today: NaiveDate) -> Vec<IndicatorView> {
    let quarters = scorecard::quarters(today, TREND_QUARTERS);
    r.indicators
        .iter()
        .map(|i| {
            let trend: Vec<EvidencedPoint> = match i.computed {
                Some(kind) => scorecard::series(kind, unit, &quarters, today)
                    .into_iter()
                    .map(|p| EvidencedPoint {
                        evidence: computed_evidence(kind, &p),
                        point: p,
                        measurement: None,
                    })
                    .collect(),
                None => r
                    .measurements
                    .iter()
                    .filter(|m| m.indicator_id == i.id)
                    .map(|m| EvidencedPoint {
                        measurement: Some(m.id.clone()),
                        point: Point {
                            on: m.measured_on,
                            period: m.measured_on.to_string(),
                            value: m.value,
                            low: m.ci_low,
                            high: m.ci_high,
                            n: None,
                        },
                        evidence: PointEvidence {
                            kind: if m.survey_id.is_some() { "survey" } else { "measurement" }.to_owned(),
                            text: match &m.evidence {
                                Some(e) => format!("{} — {e}", m.source),
                                None => m.source.clone(),
                            },
                            survey: m.survey_id.clone(),
                        },
                    })
                    .collect(),
            };
            let points: Vec<Point> = trend.iter().map(|p| p.point.clone()).collect();
            let status = scorecard::status(i.direction, i.baseline, i.target, i.frequency, &points, today);
            IndicatorView { indicator: i.clone(), trend, status }
        })
        .collect()
}

/// The indicator a unit's card has for `i`: the same computed kind, or the same name.
fn same<'a>(views: &'a [IndicatorView], i: &Indicator) -> Option<&'a IndicatorView> {
    views.iter().find(|v| match i.computed {
        Some(k) => v.indicator.computed == Some(k),
        None => v.indicator.computed.is_none() && v.indicator.name.trim().eq_ignore_ascii_case(i.name.trim()),
    })
}

pub async fn view(
    state: &AppState,
    actor: &Actor,
    card: &str,
    today: NaiveDate,
) -> Result<ScorecardView, AppError> {
    let r = state.store.unit_scorecard(&actor.org_id, card).await?;
    let unit = OrgId::from_trusted(r.scorecard.unit_org.clone());
    let records = state.store.unit_records(&actor.org_id, &unit).await?;
    let views = indicators(&r, &records, today);
    // The other units of the same kind the organisation watches, each computed the same way.
    let mut others = vec![];
    for s in state.store.list_scorecards(&actor.org_id).await? {
        if s.id == card || s.unit_kind != r.scorecard.unit_kind {
            continue;
        }
        let theirs = state.store.unit_scorecard(&actor.org_id, &s.id).await?;
        let unit = OrgId::from_trusted(s.unit_org.clone());
        let recs = state.store.unit_records(&actor.org_id, &unit).await?;
        others.push((s.unit_name.clone(), indicators(&theirs, &recs, today)));
    }
    let latest = |v: &IndicatorView| v.trend.last().map(|p| p.point.value);
    let comparison = if others.is_empty() {
        vec![]
    } else {
        views
            .iter()
            .map(|v| {
                let mut units = vec![(r.scorecard.unit_name.clone(), latest(v))];
                for (name, theirs) in &others {
                    units.push((name.clone(), same(theirs, &v.indicator).and_then(latest)));
                }
                Comparison { indicator: v.indicator.name.clone(), units }
            })
            .collect()
    };
    Ok(ScorecardView { scorecard: r.scorecard, indicators: views, comparison })
}

/// A point as the public sees it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PublicPoint {
    pub on: NaiveDate,
    pub period: String,
    /// Absent for a count, which is shown as `count` only.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// A count of violations, or a typed count, as its band of five (a share or a time carries
    /// none: its record count could pin a small number).
    pub count: Option<PublicCount>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicIndicator {
    pub name: String,
    pub definition: String,
    #[schema(value_type = String)]
    pub measure: Measure,
    #[schema(value_type = String)]
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub computed: Option<String>,
    #[schema(value_type = String)]
    pub status: Status,
    pub trend: Vec<PublicPoint>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicScorecard {
    pub id: String,
    pub kept_by: String,
    pub unit: String,
    pub area: String,
    pub area_name: String,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    pub indicators: Vec<PublicIndicator>,
}

/// What a published scorecard shows anyone: recorded measurements as recorded (counts banded);
/// computed points only for released quarters, from the records as they stood on the release
/// day, as `scorecard::public_point` allows. The status is worked out from what is shown.
pub async fn public(state: &AppState, id: &str, today: NaiveDate) -> Result<PublicScorecard, AppError> {
    let r = state.store.published_scorecard(id).await?;
    let keeper = OrgId::from_trusted(r.scorecard.org_id.clone());
    let unit = OrgId::from_trusted(r.scorecard.unit_org.clone());
    let records = state.store.unit_records(&keeper, &unit).await?;
    let quarters = scorecard::quarters(today, TREND_QUARTERS);
    let mut out = vec![];
    for i in &r.indicators {
        let trend: Vec<PublicPoint> = match i.computed {
            Some(kind) => quarters
                .iter()
                .filter_map(|q| {
                    let then = scorecard::as_of(&records, q.release_day());
                    let p = scorecard::series(kind, &then, &[*q], today).into_iter().next()?;
                    let (value, count) = scorecard::public_point(kind, &p, today)?;
                    Some(PublicPoint {
                        on: p.on,
                        period: p.period.clone(),
                        value,
                        low: None,
                        high: None,
                        count,
                        source: computed_evidence(kind, &p).kind,
                    })
                })
                .collect(),
            None => r
                .measurements
                .iter()
                .filter(|m| m.indicator_id == i.id)
                .map(|m| {
                    let counted = i.measure == Measure::Count;
                    PublicPoint {
                        on: m.measured_on,
                        period: m.measured_on.to_string(),
                        value: (!counted).then_some(m.value),
                        low: m.ci_low.filter(|_| !counted),
                        high: m.ci_high.filter(|_| !counted),
                        count: counted.then(|| scorecard::public_count(m.value.round().max(0.0) as u32)),
                        source: m.source.clone(),
                    }
                })
                .collect(),
        };
        let shown: Vec<Point> = trend
            .iter()
            .filter_map(|p| {
                p.value.map(|value| Point {
                    on: p.on,
                    period: p.period.clone(),
                    value,
                    low: None,
                    high: None,
                    n: None,
                })
            })
            .collect();
        out.push(PublicIndicator {
            name: i.name.clone(),
            definition: i.definition.clone(),
            measure: i.measure,
            direction: i.direction,
            baseline: i.baseline,
            target: i.target,
            computed: i.computed.map(|c| c.as_str().to_owned()),
            status: scorecard::status(i.direction, i.baseline, i.target, i.frequency, &shown, today),
            trend,
        });
    }
    Ok(PublicScorecard {
        id: r.scorecard.id,
        kept_by: r.scorecard.org_name,
        unit: r.scorecard.unit_name,
        area: r.scorecard.area,
        area_name: r.scorecard.area_name,
        published_at: r.scorecard.published_at,
        indicators: out,
    })
}

pub async fn published(state: &AppState) -> Result<Vec<Scorecard>, AppError> {
    Ok(state.store.published_scorecards().await?)
}
