//! The incident sub-index, in the style of the Global Terrorism Index: each year's score weighs
//! incidents, fatalities, injuries and property damage; five years are combined with weights
//! 16:8:4:2:1 so that past violence still counts, less; and the totals are banded onto 0–10 in
//! steps of 0.5 on a logarithmic scale between the lowest and highest total of the edition
//! (docs/index-methodology.md has the formula and a worked example).
use serde::{Deserialize, Serialize};

/// One country's incidents in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentYear {
    pub incidents: u32,
    pub fatalities: u32,
    pub injuries: u32,
    /// The sum over the year's incidents of their property-damage score (0 none or unknown,
    /// 1 minor, 2 major, 3 catastrophic).
    pub damage: u32,
}

/// 1 × incidents + 3 × fatalities + 0.5 × injuries + property-damage score.
pub fn yearly_score(y: &IncidentYear) -> f64 {
    y.incidents as f64 + 3.0 * y.fatalities as f64 + 0.5 * y.injuries as f64 + y.damage as f64
}

/// Weights of the edition's year and the four before it, newest first.
pub const YEAR_WEIGHTS: [f64; 5] = [16.0, 8.0, 4.0, 2.0, 1.0];

/// The five-year weighted total for `year`: `yearly(y)` is a year's score (0 for a year with no
/// recorded incident).
pub fn five_year_total(year: i32, yearly: impl Fn(i32) -> f64) -> f64 {
    YEAR_WEIGHTS.iter().enumerate().map(|(i, w)| w * yearly(year - i as i32)).sum()
}

/// The 21 band cut-offs between the lowest and highest totals: c_i = lowest + r^i − 1 with
/// r = (highest − lowest + 1)^(1/20), so c_0 = lowest, c_20 = highest, logarithmically spaced
/// (the + 1 keeps a lowest total of 0 on the logarithmic scale).
pub fn cutoffs(lowest: f64, highest: f64) -> [f64; 21] {
    let r = (highest - lowest + 1.0).powf(1.0 / 20.0);
    let mut c = [0.0; 21];
    for (i, slot) in c.iter_mut().enumerate() {
        *slot = lowest + r.powi(i as i32) - 1.0;
    }
    c[20] = highest;
    c
}

/// The banded score, 0 to 10 in steps of 0.5: half the index of the highest cut-off reached.
/// When every country has the same total there is nothing to band and all get 0.
pub fn band(total: f64, cutoffs: &[f64; 21]) -> f64 {
    if cutoffs[20] <= cutoffs[0] {
        return 0.0;
    }
    // A little slack, so that a total equal to a cut-off is not lost to rounding.
    let reached = cutoffs.iter().rposition(|c| total + 1e-9 >= *c).unwrap_or(0);
    reached as f64 / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_scores() {
        // 10 incidents, 4 killed, 7 injured, damage 1 + 2: 10 + 12 + 3.5 + 3 = 28.5
        let y = IncidentYear { incidents: 10, fatalities: 4, injuries: 7, damage: 3 };
        assert_eq!(yearly_score(&y), 28.5);
        assert_eq!(yearly_score(&IncidentYear::default()), 0.0);
    }

    #[test]
    fn five_year_weighting() {
        // Scores 28.5 (2026), 10 (2025), 0 (2024), 4 (2023), 100 (2022), 1,000 (2021: too old)
        let s = |y: i32| match y {
            2026 => 28.5,
            2025 => 10.0,
            2023 => 4.0,
            2022 => 100.0,
            2021 => 1000.0,
            _ => 0.0,
        };
        // 16 × 28.5 + 8 × 10 + 4 × 0 + 2 × 4 + 1 × 100 = 456 + 80 + 8 + 100 = 644
        assert_eq!(five_year_total(2026, s), 644.0);
    }

    #[test]
    fn logarithmic_banding() {
        // Lowest 0, highest 1023: r = 1024^(1/20) = 2^(1/2); c_i = 2^(i/2) − 1.
        let c = cutoffs(0.0, 1023.0);
        assert_eq!(c[0], 0.0);
        assert!((c[2] - 1.0).abs() < 1e-9 && (c[4] - 3.0).abs() < 1e-9 && (c[10] - 31.0).abs() < 1e-9);
        assert_eq!(c[20], 1023.0);
        assert_eq!(band(0.0, &c), 0.0);
        assert_eq!(band(0.5, &c), 0.5, "c_1 = √2 − 1 = 0.414");
        assert_eq!(band(1.0, &c), 1.0, "exactly c_2");
        assert_eq!(band(30.9, &c), 4.5, "just under c_10 = 31");
        assert_eq!(band(31.0, &c), 5.0);
        assert_eq!(band(644.0, &c), 9.0, "c_19 = 2^9.5 − 1 = 723.1 > 644 ≥ c_18 = 511");
        assert_eq!(band(1023.0, &c), 10.0);
        // A shifted range keeps its ends.
        let c = cutoffs(5.0, 132.0);
        assert_eq!((c[0], c[20], band(5.0, &c), band(132.0, &c)), (5.0, 132.0, 0.0, 10.0));
        // No differences between countries: nothing to band.
        let c = cutoffs(5.0, 5.0);
        assert_eq!(band(5.0, &c), 0.0);
    }
}
