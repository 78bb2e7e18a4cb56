//! Joint assessments and joint plans of a forum, and a CSO's self-assessment of its operating
//! conditions, as the API and the pages use them: what arrives parsed, the store's refusals put
//! on the field at fault. Callers have passed the access check already.
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::joint::Conditions;
use tandem_domain::{text, InvalidInput, OrgId, OrgKind, Problem};
use tandem_store::{Assessment, NewAssessment, NewPlan, NewSelfAssessment, Plan, SelfAssessment, StoreError};

use crate::app_error::AppError;
use crate::AppState;

#[derive(Debug, Clone, Default)]
pub struct AssessmentInput {
    pub title: String,
    pub held_on: String,
    pub drivers: String,
    pub actors: Option<String>,
    pub risks: Option<String>,
    pub police_ethos: Option<String>,
    pub police_conduct: Option<String>,
    pub baseline: Option<String>,
    pub cso_role: Option<String>,
    pub context: Option<String>,
    pub took_part: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PlanInput {
    pub title: String,
    pub adopted_on: String,
    pub goals: String,
    pub theory_of_change: String,
    pub commitments: Vec<String>,
}

fn some(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn md(field: &'static str, raw: &Option<String>) -> Result<Option<String>, InvalidInput> {
    some(raw).map(|t| text::multiline(field, t, 1, 20_000)).transpose()
}

pub fn parse_assessment(
    input: &AssessmentInput,
    by: &tandem_domain::UserId,
) -> Result<NewAssessment, InvalidInput> {
    let mut took_part = vec![];
    for o in &input.took_part {
        let id = OrgId::parse(o.trim()).map_err(|_| {
            InvalidInput::new("took_part", "is not an organisation on Tandem").because(Problem::Unknown)
        })?;
        if !took_part.contains(&id) {
            took_part.push(id);
        }
    }
    Ok(NewAssessment {
        id: OrgId::new().to_string(),
        title: text::bounded("title", &input.title, 3, 200)?,
        held_on: super::forums::held_on(&input.held_on)?,
        drivers: text::multiline("drivers", &input.drivers, 3, 20_000)?,
        actors: md("actors", &input.actors)?,
        risks: md("risks", &input.risks)?,
        police_ethos: some(&input.police_ethos).map(str::parse).transpose()?,
        police_conduct: md("police_conduct", &input.police_conduct)?,
        baseline: md("baseline", &input.baseline)?,
        cso_role: some(&input.cso_role).map(str::parse).transpose()?,
        context: md("context", &input.context)?,
        took_part,
        by: by.clone(),
    })
}

pub async fn assess(
    state: &AppState,
    actor: &Actor,
    forum: &str,
    input: &AssessmentInput,
) -> Result<Assessment, AppError> {
    // 404 before any 422: a stranger learns nothing of the forum from the form's errors.
    state.store.get_forum(&actor.org_id, forum).await?;
    let new = parse_assessment(input, &actor.user_id)?;
    let ev = NewAuditEvent::new("forum.assessment").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.add_assessment(&actor.org_id, forum, &new, ev).await {
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("took_part", "names an organisation outside this forum")
                .because(Problem::Unknown)
                .into())
        }
        other => Ok(other?),
    }
}

pub async fn assessments(state: &AppState, actor: &Actor, forum: &str) -> Result<Vec<Assessment>, AppError> {
    Ok(state.store.list_assessments(&actor.org_id, forum).await?)
}

pub fn parse_plan(input: &PlanInput, by: &tandem_domain::UserId) -> Result<NewPlan, InvalidInput> {
    let mut commitments: Vec<String> = vec![];
    for c in input.commitments.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !commitments.iter().any(|x| x == c) {
            commitments.push(c.to_owned());
        }
    }
    Ok(NewPlan {
        id: OrgId::new().to_string(),
        title: text::bounded("title", &input.title, 3, 200)?,
        adopted_on: super::forums::held_on(&input.adopted_on)
            .map_err(|e| InvalidInput { field: "adopted_on", ..e })?,
        goals: text::multiline("goals", &input.goals, 3, 20_000)?,
        theory_of_change: text::multiline("theory_of_change", &input.theory_of_change, 3, 20_000)?,
        commitments,
        by: by.clone(),
    })
}

pub async fn plan(state: &AppState, actor: &Actor, forum: &str, input: &PlanInput) -> Result<Plan, AppError> {
    state.store.get_forum(&actor.org_id, forum).await?;
    let new = parse_plan(input, &actor.user_id)?;
    let ev = NewAuditEvent::new("forum.plan").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.add_plan(&actor.org_id, forum, &new, ev).await {
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("commitments", "names a commitment outside this forum")
                .because(Problem::Unknown)
                .into())
        }
        other => Ok(other?),
    }
}

pub async fn plans(state: &AppState, actor: &Actor, forum: &str) -> Result<Vec<Plan>, AppError> {
    Ok(state.store.list_plans(&actor.org_id, forum).await?)
}

/// A civil-society organisation's self-assessment (its coordinators): others get 403, since
/// the five conditions are a CSO's own.
pub async fn self_assess(
    state: &AppState,
    actor: &Actor,
    assessed_on: &str,
    scores: [i64; 5],
    note: &Option<String>,
) -> Result<SelfAssessment, AppError> {
    let org = state.store.get_org(&actor.org_id).await?;
    if org.kind != OrgKind::CivilSociety {
        return Err(AppError::Forbidden);
    }
    let new = NewSelfAssessment {
        id: OrgId::new().to_string(),
        assessed_on: super::forums::held_on(assessed_on)
            .map_err(|e| InvalidInput { field: "assessed_on", ..e })?,
        conditions: Conditions::new(scores)?,
        note: md("note", note)?,
        by: actor.user_id.clone(),
    };
    let ev = NewAuditEvent::new("cso.conditions").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    Ok(state.store.add_self_assessment(&actor.org_id, &new, ev).await?)
}

/// The organisation's own self-assessments, newest first.
pub async fn self_assessments(state: &AppState, actor: &Actor) -> Result<Vec<SelfAssessment>, AppError> {
    let since = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    Ok(state.store.list_self_assessments(&[actor.org_id.to_string()], since).await?)
}
