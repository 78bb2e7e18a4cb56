//! The arithmetic of the index, each step a small pure function with hand-computed tests:
//! percentiles, the transformations (log1p, winsorising), the normalisations onto 0–100 (min-max,
//! z-score as a T-score), orientation so that higher is always better, and weighted aggregation.
use super::methodology::{Aggregation, Direction, Normalise, Transform};

/// The p-th percentile (0–100) of sorted values, interpolating linearly between closest ranks
/// (Hyndman and Fan's type 7, the default of R and NumPy).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * p / 100.0;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// Applies a transformation to every value; winsorising clamps to percentiles of `values` itself.
pub fn transform(values: &[f64], t: Transform) -> Vec<f64> {
    match t {
        Transform::None => values.to_vec(),
        Transform::Log1p => values.iter().map(|v| v.ln_1p()).collect(),
        Transform::Winsorise { lower, upper } => {
            let mut sorted = values.to_vec();
            sorted.sort_by(|a, b| a.total_cmp(b));
            let (lo, hi) = (percentile(&sorted, lower), percentile(&sorted, upper));
            values.iter().map(|v| v.clamp(lo, hi)).collect()
        }
    }
}

/// Normalises onto 0–100.
pub fn normalise(values: &[f64], n: Normalise) -> Vec<f64> {
    if values.is_empty() {
        return vec![];
    }
    match n {
        Normalise::Minmax => {
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if max - min == 0.0 {
                return vec![50.0; values.len()];
            }
            values.iter().map(|v| 100.0 * (v - min) / (max - min)).collect()
        }
        Normalise::Zscore => {
            let n = values.len() as f64;
            let mean = values.iter().sum::<f64>() / n;
            // The population standard deviation: the countries scored are the whole population.
            let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
            if sd == 0.0 {
                return vec![50.0; values.len()];
            }
            values.iter().map(|v| (50.0 + 10.0 * (v - mean) / sd).clamp(0.0, 100.0)).collect()
        }
    }
}

/// Turns a 0–100 score so that higher is better.
pub fn orient(score: f64, d: Direction) -> f64 {
    match d {
        Direction::HigherIsBetter => score,
        Direction::HigherIsWorse => 100.0 - score,
    }
}

/// The weighted mean of the parts present, `(score, weight)`, with weights scaled to sum to one
/// over those parts. None when no part is present.
pub fn aggregate(parts: &[(f64, f64)], a: Aggregation) -> Option<f64> {
    let total: f64 = parts.iter().map(|p| p.1).sum();
    if parts.is_empty() || total <= 0.0 {
        return None;
    }
    Some(match a {
        Aggregation::Arithmetic => parts.iter().map(|(s, w)| s * w).sum::<f64>() / total,
        // On (score + 1), so that a zero does not wipe out the whole mean.
        Aggregation::Geometric => {
            (parts.iter().map(|(s, w)| w * (s + 1.0).ln()).sum::<f64>() / total).exp() - 1.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-9, "{a:?} != {b:?}");
        }
    }

    #[test]
    fn percentiles_interpolate_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        // numpy.percentile([1,2,3,4,10], [0, 5, 50, 90, 100]) = 1, 1.2, 3, 7.6, 10
        for (p, want) in [(0.0, 1.0), (5.0, 1.2), (50.0, 3.0), (90.0, 7.6), (100.0, 10.0)] {
            assert!((percentile(&v, p) - want).abs() < 1e-12, "p{p}");
        }
        assert_eq!(percentile(&[7.0], 30.0), 7.0);
        assert!(percentile(&[], 50.0).is_nan());
    }

    #[test]
    fn transformations() {
        let v = [0.0, 1.0, 3.0, 100.0];
        close(&transform(&v, Transform::None), &v);
        // ln(1) = 0, ln(2) = 0.693147…, ln(4) = 1.386294…, ln(101) = 4.615120…
        close(&transform(&v, Transform::Log1p), &[0.0, 2f64.ln(), 4f64.ln(), 101f64.ln()]);
        // 10th percentile of [0,1,3,100]: h = 0.3 → 0.3; 90th: h = 2.7 → 3 + 0.7 × 97 = 70.9.
        close(&transform(&v, Transform::Winsorise { lower: 10.0, upper: 90.0 }), &[0.3, 1.0, 3.0, 70.9]);
    }

    #[test]
    fn normalisations() {
        close(&normalise(&[2.0, 4.0, 10.0], Normalise::Minmax), &[0.0, 25.0, 100.0]);
        close(&normalise(&[5.0, 5.0], Normalise::Minmax), &[50.0, 50.0]);
        // mean 4, population sd sqrt(((−2)² + 0 + 2²)/3) = 1.632993…; T = 50 ± 10 × 2/1.632993
        let t = 10.0 * 2.0 / (8.0f64 / 3.0).sqrt();
        close(&normalise(&[2.0, 4.0, 6.0], Normalise::Zscore), &[50.0 - t, 50.0, 50.0 + t]);
        close(&normalise(&[3.0, 3.0, 3.0], Normalise::Zscore), &[50.0, 50.0, 50.0]);
        // An extreme outlier is clamped at 100: 1 value of 1000 among 99 zeros is 9.95 sd out.
        let mut v = vec![0.0; 99];
        v.push(1000.0);
        assert_eq!(normalise(&v, Normalise::Zscore)[99], 100.0);
        assert!(normalise(&[], Normalise::Zscore).is_empty());
    }

    #[test]
    fn orientation_and_aggregation() {
        assert_eq!(orient(30.0, Direction::HigherIsWorse), 70.0);
        assert_eq!(orient(30.0, Direction::HigherIsBetter), 30.0);
        // (80 × 0.5 + 40 × 0.25 + 20 × 0.25) = 55
        assert_eq!(
            aggregate(&[(80.0, 0.5), (40.0, 0.25), (20.0, 0.25)], Aggregation::Arithmetic),
            Some(55.0)
        );
        // A missing part: weights 0.5 and 0.25 are scaled to 2/3 and 1/3: 80×2/3 + 40×1/3 = 66.67
        let a = aggregate(&[(80.0, 0.5), (40.0, 0.25)], Aggregation::Arithmetic).unwrap();
        assert!((a - 200.0 / 3.0).abs() < 1e-9);
        // Geometric on (s + 1): exp(0.5 ln 81 + 0.5 ln 9) − 1 = sqrt(729) − 1 = 26
        let g = aggregate(&[(80.0, 0.5), (8.0, 0.5)], Aggregation::Geometric).unwrap();
        assert!((g - 26.0).abs() < 1e-9, "{g}");
        // A zero does not wipe out the geometric mean: exp(0.5 ln 1 + 0.5 ln 100) − 1 = 9
        let g = aggregate(&[(0.0, 0.5), (99.0, 0.5)], Aggregation::Geometric).unwrap();
        assert!((g - 9.0).abs() < 1e-9, "{g}");
        assert_eq!(aggregate(&[], Aggregation::Arithmetic), None);
    }
}
