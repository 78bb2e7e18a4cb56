//! Joint trainings recorded in a forum, as the API and the pages use them: what arrives parsed,
//! and each training with what changed in its participants' self-assessment.
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::forum::Gender;
use tandem_domain::training::{self, Change, ScorePair, Trainees};
use tandem_domain::{text, InvalidInput, OrgId, OrgKind, Problem};
use tandem_store::{NewTraining, StoreError, Training};

use crate::app_error::AppError;
use crate::AppState;

/// A training as it arrives.
#[derive(Debug, Clone, Default)]
pub struct TrainingInput {
    pub topic: String,
    pub held_on: String,
    pub trainer_org: String,
    /// (organisation kind, gender, count).
    pub participants: Vec<(String, String, i64)>,
    pub scores: Vec<ScorePair>,
}

pub fn parse(input: &TrainingInput, by: &tandem_domain::UserId) -> Result<NewTraining, InvalidInput> {
    let topic = text::bounded("topic", &input.topic, 3, 200)?;
    let held_on = super::forums::held_on(&input.held_on)?;
    let trainer_org = OrgId::parse(input.trainer_org.trim()).map_err(|_| {
        InvalidInput::new("trainer_org", "is not an organisation on Tandem").because(Problem::Unknown)
    })?;
    let mut lines = vec![];
    for (kind, gender, count) in &input.participants {
        lines.push(Trainees {
            org_kind: kind.trim().parse::<OrgKind>().map_err(|_| {
                InvalidInput::new("participants", format!("{kind} is not a kind of organisation"))
            })?,
            gender: gender.parse::<Gender>().map_err(|e| InvalidInput::new("participants", e.message))?,
            count: u32::try_from(*count)
                .map_err(|_| InvalidInput::new("participants", "each count is from 1 to 5000"))?,
        });
    }
    let participants = training::trainees(&lines)?;
    let scores = training::score_pairs(&input.scores)?;
    Ok(NewTraining {
        id: OrgId::new().to_string(),
        topic,
        held_on,
        trainer_org,
        participants,
        scores,
        by: by.clone(),
    })
}

/// A training with what its self-assessments show.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrainingView {
    #[serde(flatten)]
    pub training: Training,
    /// Absent when no scores were recorded.
    pub change: Option<Change>,
}

fn view(t: Training) -> TrainingView {
    let change = training::change(&t.scores);
    TrainingView { training: t, change }
}

pub async fn record(
    state: &AppState,
    actor: &Actor,
    forum: &str,
    input: &TrainingInput,
) -> Result<TrainingView, AppError> {
    state.store.get_forum(&actor.org_id, forum).await?;
    let new = parse(input, &actor.user_id)?;
    let ev = NewAuditEvent::new("forum.training").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.add_training(&actor.org_id, forum, &new, ev).await {
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("trainer_org", "is not an organisation on Tandem")
                .because(Problem::Unknown)
                .into())
        }
        other => Ok(view(other?)),
    }
}

pub async fn list(state: &AppState, actor: &Actor, forum: &str) -> Result<Vec<TrainingView>, AppError> {
    Ok(state.store.list_trainings(&actor.org_id, forum).await?.into_iter().map(view).collect())
}
