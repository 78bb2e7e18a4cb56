//! The words of joint assessments and of a civil-society organisation's self-assessment: how a
//! police force sees its task, the role a CSO plays towards the government (context 002 asks a
//! programme to assess both before it starts), and the five operating conditions of a CSO that
//! make local ownership deep (context 003: empowered, independent, distinct, accepted, free).
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{InvalidInput, Problem};

crate::word_list!(
    /// Whom the police force sees itself protecting: the answer shapes what dialogue can reach.
    PoliceEthos, "police_ethos", "is not protects_state, protects_citizens or mixed", {
        ProtectsState => "protects_state",
        ProtectsCitizens => "protects_citizens",
        Mixed => "mixed",
    }
);

crate::word_list!(
    /// The role a civil-society organisation plays towards the government.
    CsoRole, "cso_role", "is not contractor, collaborator, consultant or opposition", {
        Contractor => "contractor",
        Collaborator => "collaborator",
        Consultant => "consultant",
        Opposition => "opposition",
    }
);

/// The five operating conditions, in the order the brief names them.
pub const CONDITIONS: [&str; 5] = ["empowered", "independent", "distinct", "accepted", "free"];

/// Lowest and highest score of one condition: 1 (not at all) to 5 (fully).
pub const SCORE_RANGE: (u8, u8) = (1, 5);

/// A CSO's scores of its five operating conditions, each 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conditions {
    pub empowered: u8,
    pub independent: u8,
    pub distinct: u8,
    pub accepted: u8,
    pub free: u8,
}

impl Conditions {
    /// Checks each score, naming the first condition out of range.
    pub fn new(scores: [i64; 5]) -> Result<Self, InvalidInput> {
        let mut s = [0u8; 5];
        for (i, raw) in scores.into_iter().enumerate() {
            s[i] = u8::try_from(raw)
                .ok()
                .filter(|v| (SCORE_RANGE.0..=SCORE_RANGE.1).contains(v))
                .ok_or_else(|| {
                    InvalidInput::new(CONDITIONS[i], "is a score from 1 (not at all) to 5 (fully)")
                        .because(Problem::Range { min: 1, max: 5 })
                })?;
        }
        Ok(Self { empowered: s[0], independent: s[1], distinct: s[2], accepted: s[3], free: s[4] })
    }

    pub fn scores(&self) -> [u8; 5] {
        [self.empowered, self.independent, self.distinct, self.accepted, self.free]
    }

    /// Where the five stand together, 0 (all at 1) to 1 (all at 5).
    pub fn share(&self) -> f64 {
        let span = f64::from(SCORE_RANGE.1 - SCORE_RANGE.0);
        self.scores().iter().map(|s| f64::from(s - SCORE_RANGE.0) / span).sum::<f64>() / 5.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_are_scored_one_to_five_and_name_the_one_out_of_range() {
        let c = Conditions::new([5, 4, 3, 2, 1]).unwrap();
        assert_eq!(c.scores(), [5, 4, 3, 2, 1]);
        // (4 + 3 + 2 + 1 + 0) / 4 / 5 = 0.5
        assert!((c.share() - 0.5).abs() < 1e-12);
        assert_eq!(Conditions::new([5; 5]).unwrap().share(), 1.0);
        assert_eq!(Conditions::new([1; 5]).unwrap().share(), 0.0);
        assert_eq!(Conditions::new([3, 3, 0, 3, 3]).unwrap_err().field, "distinct");
        assert_eq!(Conditions::new([3, 3, 3, 3, 6]).unwrap_err().field, "free");
        assert_eq!(Conditions::new([-1, 3, 3, 3, 3]).unwrap_err().field, "empowered");
    }

    #[test]
    fn the_words_parse_and_refuse() {
        assert_eq!("protects_citizens".parse::<PoliceEthos>().unwrap(), PoliceEthos::ProtectsCitizens);
        assert_eq!("opposition".parse::<CsoRole>().unwrap().as_str(), "opposition");
        assert_eq!("partner".parse::<CsoRole>().unwrap_err().field, "cso_role");
    }
}
