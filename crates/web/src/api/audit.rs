//! `GET /api/v1/audit`: the newest audit events about the caller's organisation (admins).
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::audit::AuditEvent;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::ApiError;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct Page {
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
struct Events {
    events: Vec<AuditEvent>,
}

/// The organisation's audit trail (admins)
#[utoipa::path(get, path = "/audit", tag = "organisations", params(Page),
    responses((status = 200, description = "The newest events first", body = Events)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgAudit>,
    q: QueryResult<Page>,
) -> Result<Json<Events>, ApiError> {
    let q = paging::query(q)?;
    let limit = paging::limit(q.limit, 100)?;
    Ok(Json(Events { events: state.store.org_audit(who.org_id(), limit).await? }))
}
