//! Areas and categories: `POST /api/v1/areas` (platform admins), `GET /api/v1/areas`,
//! `GET /api/v1/categories`.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{text, InvalidInput};
use tandem_store::{Area, Category, NewArea};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create)).routes(routes!(categories))
}

#[derive(Serialize, ToSchema)]
struct Areas {
    areas: Vec<Area>,
}

#[derive(Serialize, ToSchema)]
struct Categories {
    categories: Vec<Category>,
}

/// The area hierarchy
#[utoipa::path(get, path = "/areas", tag = "configuration", responses((status = 200, description = "Every area", body = Areas)))]
async fn list(State(state): State<AppState>, _who: Can<perm::ViewConfig>) -> Result<Json<Areas>, ApiError> {
    Ok(Json(Areas { areas: state.store.list_areas(false).await? }))
}

/// The categories of reports
#[utoipa::path(get, path = "/categories", tag = "configuration",
    responses((status = 200, description = "Every category", body = Categories)))]
async fn categories(
    State(state): State<AppState>,
    _who: Can<perm::ViewConfig>,
) -> Result<Json<Categories>, ApiError> {
    Ok(Json(Categories { categories: state.store.list_categories().await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewAreaBody {
    #[schema(min_length = 1)]
    code: String,
    #[schema(min_length = 1)]
    name: String,
    #[schema(value_type = AreaLevel)]
    level: String,
    parent_code: Option<String>,
}

/// Add an area (platform admins)
#[utoipa::path(post, path = "/areas", tag = "configuration", request_body = NewAreaBody,
    responses((status = 201, description = "Added", body = Area)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageAreas>,
    ApiJson(b): ApiJson<NewAreaBody>,
) -> Result<(StatusCode, Json<Area>), ApiError> {
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
    let area = Area {
        code: new.code.to_string(),
        name: new.name,
        level: new.level,
        parent_code: new.parent.map(|p| p.to_string()),
        geometry: None,
    };
    Ok((StatusCode::CREATED, Json(area)))
}
