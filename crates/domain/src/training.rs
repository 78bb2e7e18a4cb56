//! Joint trainings (the wheel's capacity building): who took part, as counts by organisation kind
//! and gender, and what changed in the participants' own assessment, from the pairs of scores each
//! gave before and after (the mean change with its spread). No I/O.
use serde::{Deserialize, Serialize};

use crate::forum::Gender;
use crate::{InvalidInput, OrgKind, Problem};

/// Self-assessment scores run from 0 to this (a ten-point scale is what trainers hand out).
pub const MAX_SCORE: f64 = 10.0;
/// Most pairs one training may record.
pub const MAX_PAIRS: usize = 2_000;

/// People of one organisation kind and gender who took part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trainees {
    pub org_kind: OrgKind,
    pub gender: Gender,
    pub count: u32,
}

/// Checks the participants: at least one person, each line 1 to 5,000, no line twice.
pub fn trainees(lines: &[Trainees]) -> Result<Vec<Trainees>, InvalidInput> {
    if lines.is_empty() {
        return Err(InvalidInput::new("participants", "name at least one group of people who took part")
            .because(Problem::NoneChosen));
    }
    for (i, p) in lines.iter().enumerate() {
        if !(1..=crate::forum::MAX_PER_LINE).contains(&p.count) {
            return Err(InvalidInput::new("participants", "each count is from 1 to 5000")
                .because(Problem::Range { min: 1, max: i64::from(crate::forum::MAX_PER_LINE) }));
        }
        if lines[..i].iter().any(|q| q.org_kind == p.org_kind && q.gender == p.gender) {
            return Err(InvalidInput::new(
                "participants",
                format!("{}, {} is counted twice", p.org_kind.as_str(), p.gender.as_str()),
            ));
        }
    }
    Ok(lines.to_vec())
}

/// One participant's self-assessment, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScorePair {
    pub before: f64,
    pub after: f64,
}

/// Checks the pairs: each score from 0 to [`MAX_SCORE`], at most [`MAX_PAIRS`]. No pairs is
/// allowed (not every training asks).
pub fn score_pairs(pairs: &[ScorePair]) -> Result<Vec<ScorePair>, InvalidInput> {
    if pairs.len() > MAX_PAIRS {
        return Err(InvalidInput::new("scores", format!("at most {MAX_PAIRS} pairs")));
    }
    let ok = |x: f64| x.is_finite() && (0.0..=MAX_SCORE).contains(&x);
    if let Some(i) = pairs.iter().position(|p| !ok(p.before) || !ok(p.after)) {
        return Err(InvalidInput::new(
            "scores",
            format!("pair {}: each score is from 0 to {MAX_SCORE}", i + 1),
        ));
    }
    Ok(pairs.to_vec())
}

/// What changed: the mean score before and after, the mean of the changes, and the changes'
/// sample standard deviation (None under two pairs: one person has no spread).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub n: usize,
    pub mean_before: f64,
    pub mean_after: f64,
    pub mean_change: f64,
    pub sd_change: Option<f64>,
}

/// None without pairs.
pub fn change(pairs: &[ScorePair]) -> Option<Change> {
    let n = pairs.len();
    if n == 0 {
        return None;
    }
    let mean = |f: &dyn Fn(&ScorePair) -> f64| pairs.iter().map(f).sum::<f64>() / n as f64;
    let mean_change = mean(&|p| p.after - p.before);
    let sd_change = (n >= 2).then(|| {
        let ss: f64 = pairs.iter().map(|p| (p.after - p.before - mean_change).powi(2)).sum();
        (ss / (n - 1) as f64).sqrt()
    });
    Some(Change {
        n,
        mean_before: mean(&|p| p.before),
        mean_after: mean(&|p| p.after),
        mean_change,
        sd_change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(before: f64, after: f64) -> ScorePair {
        ScorePair { before, after }
    }

    #[test]
    fn the_change_is_the_mean_of_each_persons_change_with_its_spread() {
        // Changes 2, 3, 1, 2: mean 2; squares of deviations 0, 1, 1, 0: variance 2/3.
        let pairs = [pair(4.0, 6.0), pair(3.0, 6.0), pair(5.0, 6.0), pair(6.0, 8.0)];
        let c = change(&pairs).unwrap();
        assert_eq!((c.n, c.mean_before, c.mean_after, c.mean_change), (4, 4.5, 6.5, 2.0));
        assert!((c.sd_change.unwrap() - (2.0f64 / 3.0).sqrt()).abs() < 1e-12);
        let one = change(&pairs[..1]).unwrap();
        assert_eq!((one.mean_change, one.sd_change), (2.0, None));
        assert_eq!(change(&[]), None);
    }

    #[test]
    fn scores_and_participants_are_checked() {
        assert!(score_pairs(&[pair(0.0, 10.0)]).is_ok());
        assert!(score_pairs(&[pair(0.0, 10.5)]).unwrap_err().message.contains("pair 1"));
        assert!(score_pairs(&[pair(1.0, 2.0), pair(f64::NAN, 2.0)]).unwrap_err().message.contains("pair 2"));
        let cso = Trainees { org_kind: OrgKind::CivilSociety, gender: Gender::Female, count: 12 };
        let police = Trainees { org_kind: OrgKind::Security, gender: Gender::Male, count: 9 };
        assert_eq!(trainees(&[cso, police]).unwrap().len(), 2);
        assert_eq!(trainees(&[]).unwrap_err().field, "participants");
        assert!(trainees(&[cso, cso]).unwrap_err().message.contains("twice"));
        assert!(trainees(&[Trainees { count: 0, ..cso }]).is_err());
    }
}
