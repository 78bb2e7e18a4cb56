//! Public statistics of verified violations, for anyone (no sign-in): fixed cells by area, act,
//! institution kind and quarter, `count: null` where disclosure control hides it.
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::violation_stats::{PublicCell, Quarter, PUBLIC_K};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::ApiError;
use crate::observatory::public;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(cells))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PublicQuery {
    /// One quarter, `2026Q3`; every released quarter when left out.
    period: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct PublicViolations {
    /// The quarters published, oldest first. A quarter is published 90 days after it ends, and
    /// never changes after.
    periods: Vec<String>,
    /// The smallest count shown (0 is shown: it is no one).
    k: u32,
    /// Every cell of the periods asked for: an area (a country or admin1 area), an act (null: all
    /// acts), an institution kind (null: all kinds), and its count (null: hidden).
    cells: Vec<PublicCell>,
}

/// Public statistics of verified violations (no sign-in)
#[utoipa::path(get, path = "/public/violations", tag = "observatory", security(()), params(PublicQuery),
    responses((status = 200, description = "Fixed cells, suppressed", body = PublicViolations)))]
async fn cells(
    State(state): State<AppState>,
    q: QueryResult<PublicQuery>,
) -> Result<Json<PublicViolations>, ApiError> {
    let q = paging::query(q)?;
    let periods = public::quarters(state.store.as_ref()).await?;
    let wanted: Vec<Quarter> = match q.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => {
            let quarter = Quarter::parse(p).ok_or_else(|| {
                tandem_domain::InvalidInput::new("period", "must be a quarter such as 2026Q3")
            })?;
            if !periods.contains(&quarter) {
                return Err(ApiError::NotFound);
            }
            vec![quarter]
        }
        None => periods.clone(),
    };
    let mut cells = vec![];
    for quarter in wanted {
        cells.extend(public::cells(&state, quarter).await?.iter().cloned());
    }
    Ok(Json(PublicViolations {
        periods: periods.iter().map(ToString::to_string).collect(),
        k: PUBLIC_K,
        cells,
    }))
}
