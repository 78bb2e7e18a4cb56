//! Perception surveys: a survey names its design columns, takes the responses of a Kobo or ODK
//! export (all or nothing), and answers "what share said V to question Q", overall and by a
//! column such as gender, as weighted proportions of the stratified cluster design, each group
//! a domain of the whole sample (as R's `survey` package computes them).
use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::survey::{self, Design, Method, SurveyError};
use tandem_domain::{text, InvalidInput, OrgId, Problem, UserId};
use tandem_store::{Added, NewSurvey, Store, Survey};

use super::survey_csv::{self, find_column};
use crate::app_error::AppError;
use crate::AppState;

/// A `by` column with more values than this is not a grouping (a respondent's name, a date).
pub const MAX_GROUPS: usize = 40;

/// A survey as it arrives.
#[derive(Debug, Clone, Default)]
pub struct SurveyInput {
    pub title: String,
    pub weight: String,
    pub strata: Option<String>,
    pub cluster: Option<String>,
    pub fielded_on: Option<String>,
    /// The questions served to phones, one a line (tandem_domain::questionnaire).
    pub questionnaire: Option<String>,
}

/// The longest questionnaire text kept.
pub const QUESTIONNAIRE_MAX: usize = 100_000;

/// The questionnaire as written, checked on its own and against the design: the design
/// columns must be among its questions (by their last part: `group_a/village` is `village`).
fn checked_questionnaire(
    raw: Option<&str>,
    weight: &str,
    strata: Option<&str>,
    cluster: Option<&str>,
) -> Result<Option<String>, InvalidInput> {
    use tandem_domain::questionnaire::Questionnaire;
    use tandem_domain::survey::DesignRole;
    let Some(text) = raw.filter(|t| !t.trim().is_empty()) else { return Ok(None) };
    if text.chars().count() > QUESTIONNAIRE_MAX {
        return Err(InvalidInput::new(
            "questionnaire",
            format!("is longer than {QUESTIONNAIRE_MAX} characters"),
        )
        .because(Problem::TooLong { max: QUESTIONNAIRE_MAX }));
    }
    // Kept as written, less what no text should hold (NUL, noncharacters): PostgreSQL refuses
    // NUL, and a form carrying U+FFFF is no XML.
    let text: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !tandem_domain::questionnaire::is_unwritable(*c))
        .collect();
    let refuse = |e: tandem_domain::questionnaire::LineError| {
        let said = e.fault.english();
        let message = if e.line == 0 { said } else { format!("line {}: {said}", e.line) };
        InvalidInput::new("questionnaire", message).because(Problem::InLine { line: e.line, fault: e.fault })
    };
    let q = Questionnaire::parse(&text).map_err(refuse)?;
    let last = |c: &str| c.rsplit(['/', '-']).next().unwrap_or(c).trim().to_owned();
    let design: Vec<(DesignRole, String)> = [
        Some((DesignRole::Weight, last(weight))),
        strata.map(|c| (DesignRole::Strata, last(c))),
        cluster.map(|c| (DesignRole::Cluster, last(c))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let design: Vec<(DesignRole, &str)> = design.iter().map(|(r, c)| (*r, c.as_str())).collect();
    q.check_design(&text, &design).map_err(refuse)?;
    Ok(Some(text))
}

fn column(field: &'static str, raw: &str) -> Result<String, InvalidInput> {
    text::bounded(field, raw, 1, 200)
}

fn optional_column(field: &'static str, raw: Option<&String>) -> Result<Option<String>, InvalidInput> {
    raw.filter(|s| !s.trim().is_empty()).map(|s| column(field, s)).transpose()
}

pub fn parse(input: &SurveyInput, by: &tandem_domain::UserId) -> Result<NewSurvey, InvalidInput> {
    let fielded_on = match input.fielded_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map_err(|_| InvalidInput::new("fielded_on", "must be a date, YYYY-MM-DD"))?;
            if d > chrono::Utc::now().date_naive() {
                return Err(InvalidInput::new("fielded_on", "is in the future").because(Problem::InFuture));
            }
            Some(d)
        }
    };
    let title = text::bounded("title", &input.title, 3, 200)?;
    let weight = column("weight", &input.weight)?;
    let strata = optional_column("strata", input.strata.as_ref())?;
    let cluster = optional_column("cluster", input.cluster.as_ref())?;
    if strata.as_ref() == Some(&weight) {
        return Err(InvalidInput::new("strata", "cannot be the weight column"));
    }
    if cluster.as_ref() == Some(&weight) || (cluster.is_some() && cluster == strata) {
        return Err(InvalidInput::new("cluster", "cannot be the weight or the strata column"));
    }
    let questionnaire = checked_questionnaire(
        input.questionnaire.as_deref(),
        &weight,
        strata.as_deref(),
        cluster.as_deref(),
    )?;
    Ok(NewSurvey {
        id: OrgId::new().to_string(),
        title,
        weight,
        strata,
        cluster,
        fielded_on,
        questionnaire,
        by: by.clone(),
    })
}

/// Sets the questions the survey serves to phones (blank: it serves none).
pub async fn set_questionnaire(
    state: &AppState,
    actor: &Actor,
    id: &str,
    text: Option<&str>,
) -> Result<Survey, AppError> {
    let s = state.store.get_survey(&actor.org_id, id).await?;
    let text = checked_questionnaire(text, &s.weight, s.strata.as_deref(), s.cluster.as_deref())?;
    let ev = NewAuditEvent::new("survey.questionnaire")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(serde_json::json!({ "served": text.is_some() }));
    Ok(state.store.set_questionnaire(&actor.org_id, id, text.as_deref(), ev).await?)
}

pub async fn create(state: &AppState, actor: &Actor, input: &SurveyInput) -> Result<Survey, AppError> {
    let new = parse(input, &actor.user_id)?;
    let ev = NewAuditEvent::new("survey.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    Ok(state.store.create_survey(&actor.org_id, &new, ev).await?)
}

pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Survey>, AppError> {
    Ok(state.store.list_surveys(&actor.org_id).await?)
}

pub async fn get(state: &AppState, actor: &Actor, id: &str) -> Result<Survey, AppError> {
    Ok(state.store.get_survey(&actor.org_id, id).await?)
}

/// Imports an export's responses for `org` (by a member, or from the command line): every line
/// checked first, nothing kept on any error.
pub async fn import(
    store: &dyn Store,
    org: &OrgId,
    by: Option<&UserId>,
    id: &str,
    data: &[u8],
) -> Result<Added, AppError> {
    let s = store.get_survey(org, id).await?;
    let parsed = survey_csv::parse(data, &s).map_err(InvalidInput::from)?;
    let mut ev = NewAuditEvent::new("survey.import")
        .org(org)
        .subject(id)
        .detail(serde_json::json!({ "rows": parsed.rows.len() }));
    if let Some(by) = by {
        ev = ev.actor(by);
    }
    Ok(store.add_responses(org, id, &parsed.columns, &parsed.rows, ev).await?)
}

/// What is asked of a survey.
#[derive(Debug, Clone, Default)]
pub struct Question {
    pub question: String,
    pub value: String,
    pub by: Option<String>,
    pub method: Option<String>,
}

/// One group's estimate, at 95%.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GroupEstimate {
    /// `all`, or a value of the `by` column.
    pub group: String,
    pub proportion: f64,
    pub se: f64,
    /// Absent when no interval can be given (the group sits in one cluster, or every answer
    /// in it is the same): read the estimate with care.
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Responses in the group that answered the question.
    pub n: usize,
    /// Absent when the design effect is not defined (no variance).
    pub effective_n: Option<f64>,
    pub design_effect: Option<f64>,
    /// `logit` or `beta`.
    pub method: String,
    /// Effective n under 30 or a coefficient of variation over 30%: to be read with care.
    pub small: bool,
}

/// The estimates of a question, with the columns as the survey names them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Estimates {
    pub question: String,
    pub value: String,
    pub by: Option<String>,
    pub estimates: Vec<GroupEstimate>,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

fn method(raw: Option<&str>) -> Result<Method, InvalidInput> {
    match raw.map(str::trim).unwrap_or("logit") {
        "" | "logit" => Ok(Method::Logit),
        "beta" => Ok(Method::Beta),
        _ => Err(InvalidInput::new("method", "must be logit or beta").because(Problem::Unknown)),
    }
}

/// The survey's column `name` names (group prefixes aside), or a refusal under `field`.
fn survey_column(s: &Survey, field: &'static str, name: &str) -> Result<String, InvalidInput> {
    let name = name.trim();
    if name.is_empty() {
        return Err(InvalidInput::new(field, "is required").because(Problem::Required));
    }
    match find_column(&s.columns, name) {
        Ok(i) => Ok(s.columns[i].clone()),
        Err(true) => {
            Err(InvalidInput::new(field, format!("several columns end in {name}: give the whole name")))
        }
        Err(false) => {
            Err(InvalidInput::new(field, format!("the survey has no column {name}"))
                .because(Problem::Unknown))
        }
    }
}

fn refused(e: SurveyError) -> AppError {
    match e {
        SurveyError::LonelyPsu(_) => InvalidInput::new("strata", e.to_string()).into(),
        SurveyError::EmptyGroup => InvalidInput::new("value", e.to_string()).into(),
        // Every way in checks weights; one that slipped through is still the caller's data.
        SurveyError::Weight => InvalidInput::new("weight", e.to_string()).into(),
        SurveyError::Columns => AppError::internal(e.to_string()),
    }
}

pub async fn estimate(store: &dyn Store, org: &OrgId, id: &str, q: &Question) -> Result<Estimates, AppError> {
    let s = store.get_survey(org, id).await?;
    let method = method(q.method.as_deref())?;
    let question = survey_column(&s, "question", &q.question)?;
    let value = text::bounded("value", &q.value, 1, 200)?;
    let by =
        q.by.as_deref().filter(|b| !b.trim().is_empty()).map(|b| survey_column(&s, "by", b)).transpose()?;
    // Design columns are found as the import found them.
    let find = |name: &str| find_column(&s.columns, name).ok().map(|i| s.columns[i].clone());
    let strata = s.strata.as_deref().and_then(find);
    let cluster = s.cluster.as_deref().and_then(find);
    let wanted = [
        find(&s.weight).unwrap_or_default(),
        strata.clone().unwrap_or_default(),
        cluster.clone().unwrap_or_default(),
        question.clone(),
        by.clone().unwrap_or_default(),
    ];
    let rows = store.response_columns(org, id, &wanted).await?;
    if rows.is_empty() {
        return Err(
            InvalidInput::new("question", "the survey has no responses yet: import an export first").into()
        );
    }
    let weights: Vec<f64> =
        rows.iter().map(|r| r[0].as_deref().and_then(|w| w.parse().ok()).unwrap_or(f64::NAN)).collect();
    let design = Design::new(
        rows.iter()
            .zip(&weights)
            .map(|(r, w)| (*w, strata.as_ref().and(r[1].as_deref()), cluster.as_ref().and(r[2].as_deref()))),
    )
    .map_err(refused)?;
    let answered: Vec<bool> = rows.iter().map(|r| r[3].is_some()).collect();
    let yes: Vec<bool> = rows.iter().map(|r| r[3].as_deref() == Some(value.as_str())).collect();
    if !answered.iter().any(|a| *a) {
        return Err(InvalidInput::new("question", "no response answers this question").into());
    }
    // An answer nobody gave is most likely a typo ("Yes" for "yes"): refused, naming the
    // answers there are, rather than read as a firm 0%.
    if !yes.iter().any(|y| *y) {
        let given: BTreeSet<&str> = rows.iter().filter_map(|r| r[3].as_deref()).collect();
        let mut list: Vec<&str> = given.into_iter().take(12).collect();
        if list.len() == 12 {
            list.push("…");
        }
        return Err(InvalidInput::new(
            "value",
            format!("no response gave the answer {value}; the answers are: {}", list.join(", ")),
        )
        .because(Problem::NoSuchAnswer)
        .into());
    }
    let one = |group: &str, mask: &[bool]| -> Result<GroupEstimate, AppError> {
        let e = survey::estimate(&design, &yes, Some(mask), method).map_err(refused)?;
        Ok(GroupEstimate {
            group: group.to_owned(),
            small: e.small(),
            proportion: e.proportion,
            se: e.se,
            ci_low: finite(e.ci_low),
            ci_high: finite(e.ci_high),
            n: e.n,
            effective_n: finite(e.effective_n),
            design_effect: finite(e.design_effect),
            method: method.as_str().to_owned(),
        })
    };
    let mut estimates = vec![one("all", &answered)?];
    if by.is_some() {
        let groups: BTreeSet<&str> = rows.iter().filter_map(|r| r[4].as_deref()).collect();
        if groups.len() > MAX_GROUPS {
            return Err(InvalidInput::new(
                "by",
                format!("has more than {MAX_GROUPS} different answers: group by a column such as gender or age band"),
            )
            .into());
        }
        for g in groups {
            let mask: Vec<bool> =
                rows.iter().zip(&answered).map(|(r, a)| *a && r[4].as_deref() == Some(g)).collect();
            if mask.iter().any(|m| *m) {
                estimates.push(one(g, &mask)?);
            }
        }
    }
    Ok(Estimates { question, value, by, estimates })
}
