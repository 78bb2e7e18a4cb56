//! Areas and categories: `POST /api/v1/areas` (platform admins), `GET /api/v1/areas`,
//! `GET /api/v1/categories`.
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{text, InvalidInput};
use tandem_store::NewArea;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/areas", get(list).post(create)).route("/categories", get(categories))
}

async fn list(State(state): State<AppState>, _who: Can<perm::ViewConfig>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "areas": state.store.list_areas(false).await? })))
}

async fn categories(
    State(state): State<AppState>,
    _who: Can<perm::ViewConfig>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "categories": state.store.list_categories().await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateArea {
    code: String,
    name: String,
    level: String,
    parent_code: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageAreas>,
    ApiJson(b): ApiJson<CreateArea>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let level: AreaLevel = b.level.parse()?;
    let parent = b
        .parent_code
        .as_deref()
        .map(PCode::parse)
        .transpose()
        .map_err(|e| InvalidInput::new("parent_code", e.message))?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    match (&parent, level) {
        (None, AreaLevel::Country) => {}
        (None, _) => return Err(InvalidInput::new("parent_code", "is required below country level").into()),
        (Some(p), _) => {
            let parent_area = cfg
                .areas
                .get(p.as_str())
                .ok_or_else(|| InvalidInput::new("parent_code", format!("unknown area {p}")))?;
            if !level.parent_ok(parent_area.level) {
                return Err(InvalidInput::new(
                    "parent_code",
                    format!("a {level} cannot sit in a {}", parent_area.level),
                )
                .into());
            }
        }
    }
    let new = NewArea {
        code: PCode::parse(&b.code)?,
        name: text::bounded("name", &b.name, 1, 200)?,
        level,
        parent,
        geometry: None,
    };
    let ev = NewAuditEvent::new("areas.create").actor(&who.0.user.id).subject(new.code.as_str());
    state.store.create_areas(std::slice::from_ref(&new), ev).await?;
    state.ew_config.invalidate();
    Ok((
        StatusCode::CREATED,
        Json(json!({ "code": new.code, "name": new.name, "level": new.level, "parent_code": new.parent })),
    ))
}
