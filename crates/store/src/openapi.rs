//! What the OpenAPI derive cannot say by itself about the store's models.
use utoipa::openapi::schema::{ObjectBuilder, Type};

/// An alert's status: a closed list kept as text in the database.
pub fn alert_status() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["open", "closed", "withdrawn"]))
}
