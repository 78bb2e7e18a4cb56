//! Identifiers of records. Ids are opaque strings on the wire (DESIGN §6); inside they are UUIDs
//! so that a malformed id is refused at the edge instead of reaching a query.
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::InvalidInput;

macro_rules! id_type {
    ($name:ident, $field:literal) => {
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh random id.
            pub fn new() -> Self {
                Self(uuid::Uuid::new_v4().to_string())
            }

            /// Accepts only the canonical hyphenated lower-case UUID form we issue.
            pub fn parse(s: &str) -> Result<Self, InvalidInput> {
                match uuid::Uuid::try_parse(s) {
                    Ok(u) if u.to_string() == s => Ok(Self(s.to_owned())),
                    _ => Err(InvalidInput::new($field, "is not a valid id")),
                }
            }

            /// For values read back from our own database, which only ever holds ids we issued.
            pub fn from_trusted(s: String) -> Self {
                Self(s)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(OrgId, "org_id");
id_type!(UserId, "user_id");

/// A time-ordered id (UUID v7) for rows of public context data, such as an imported event file,
/// and for alerts (which show when they were opened anyway): ids in the order they are made go
/// to the end of a primary key, where random ones would each touch a different page. Never for
/// what a person reports: a v7 id carries the moment it was made, to the millisecond.
pub fn ordered_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_issued_ids_and_refuses_others() {
        let id = OrgId::new();
        assert_eq!(OrgId::parse(id.as_str()).unwrap(), id);
        for bad in ["", "1", "not-a-uuid", "' OR 1=1 --", &id.as_str().to_uppercase()] {
            assert!(OrgId::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn ordered_ids_are_valid_ids_in_the_order_made() {
        let ids: Vec<String> = (0..1000).map(|_| ordered_id()).collect();
        assert!(ids.iter().all(|id| OrgId::parse(id).is_ok()));
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "made in order, sorted in order");
    }
}
