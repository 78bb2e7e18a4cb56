//! Aberration detection with the CDC EARS C1, C2 and C3 methods on weekly counts (DESIGN §4.3;
//! formulas and a worked example in docs/alerts.md). Pure functions over a dense series: index 0
//! is the first week of the grid, and weeks without reports are 0.
use serde::Serialize;

/// Tunables; the defaults are the reference definition's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EarsParams {
    /// σ below this is raised to it, so a flat baseline does not divide by zero.
    pub sigma_floor: f64,
    pub c1_threshold: f64,
    pub c2_threshold: f64,
    pub c3_threshold: f64,
    /// No alarm on fewer reports than this in the week, however unusual.
    pub min_count: u32,
}

impl Default for EarsParams {
    fn default() -> Self {
        Self { sigma_floor: 0.2, c1_threshold: 3.0, c2_threshold: 3.0, c3_threshold: 2.0, min_count: 2 }
    }
}

/// Version of the method, stored with every alert so a number can be traced to what made it.
pub const EARS_VERSION: &str = "ears-weekly-1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    C1,
    C2,
    C3,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::C1, Method::C2, Method::C3];
    pub fn as_str(self) -> &'static str {
        match self {
            Method::C1 => "c1",
            Method::C2 => "c2",
            Method::C3 => "c3",
        }
    }
}

/// A statistic at one week, with the baseline it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stat {
    pub value: f64,
    pub mean: f64,
    /// Sample standard deviation of the baseline (before the floor).
    pub sd: f64,
    pub observed: u32,
}

fn mean_sd(xs: &[u32]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().map(|&x| x as f64).sum::<f64>() / n;
    let var = xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

/// `(n_t − μ) / max(σ, floor)` over the baseline `t-lag-6 ..= t-lag`; None when the baseline is
/// not all on the grid.
fn shifted(series: &[u32], t: usize, lag: usize, p: &EarsParams) -> Option<Stat> {
    let observed = *series.get(t)?;
    let end = t.checked_sub(lag)?; // inclusive
    let start = end.checked_sub(6)?;
    let (mean, sd) = mean_sd(&series[start..=end]);
    Some(Stat { value: (observed as f64 - mean) / sd.max(p.sigma_floor), mean, sd, observed })
}

/// C1: baseline t−7..t−1.
pub fn c1(series: &[u32], t: usize, p: &EarsParams) -> Option<Stat> {
    shifted(series, t, 1, p)
}

/// C2: baseline t−9..t−3 (a two-week guard band).
pub fn c2(series: &[u32], t: usize, p: &EarsParams) -> Option<Stat> {
    shifted(series, t, 3, p)
}

/// C3: Σ_{i=0..2} max(0, C2_{t−i} − 1); needs C2 at t, t−1 and t−2. Its baseline figures are C2's
/// at t.
pub fn c3(series: &[u32], t: usize, p: &EarsParams) -> Option<Stat> {
    let now = c2(series, t, p)?;
    let mut sum = 0.0;
    for i in 0..3 {
        sum += (c2(series, t.checked_sub(i)?, p)?.value - 1.0).max(0.0);
    }
    Some(Stat { value: sum, ..now })
}

pub fn stat(method: Method, series: &[u32], t: usize, p: &EarsParams) -> Option<Stat> {
    match method {
        Method::C1 => c1(series, t, p),
        Method::C2 => c2(series, t, p),
        Method::C3 => c3(series, t, p),
    }
}

/// The statistic at `t` if it raises an alarm: above the method's threshold and at least
/// `min_count` reports in the week.
pub fn alarm(method: Method, series: &[u32], t: usize, p: &EarsParams) -> Option<Stat> {
    let s = stat(method, series, t, p)?;
    let threshold = match method {
        Method::C1 => p.c1_threshold,
        Method::C2 => p.c2_threshold,
        Method::C3 => p.c3_threshold,
    };
    (s.value > threshold && s.observed >= p.min_count).then_some(s)
}

/// How many weeks after a change in week w its effects can reach: C3 at w+11 still looks at C2 at
/// w+9, whose baseline ends at w+6... and starts at w. Used to bound incremental recomputation.
pub const REACH_WEEKS: usize = 11;

#[cfg(test)]
mod tests {
    use super::*;

    const P: EarsParams = EarsParams {
        sigma_floor: 0.2,
        c1_threshold: 3.0,
        c2_threshold: 3.0,
        c3_threshold: 2.0,
        min_count: 2,
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn c1_by_hand() {
        // Baseline weeks 0..=6: 1,2,3,2,1,2,3 → mean 2, sample variance (1+0+1+0+1+0+1)/6 = 2/3.
        let s = [1, 2, 3, 2, 1, 2, 3, 8];
        let st = c1(&s, 7, &P).unwrap();
        let sd = (2.0f64 / 3.0).sqrt();
        assert!(close(st.mean, 2.0) && close(st.sd, sd));
        assert!(close(st.value, 6.0 / sd), "{}", st.value); // 7.348…
        assert_eq!(st.observed, 8);
        assert!(alarm(Method::C1, &s, 7, &P).is_some());
    }

    #[test]
    fn zero_variance_uses_the_floor() {
        let s = [0, 0, 0, 0, 0, 0, 0, 1];
        let st = c1(&s, 7, &P).unwrap();
        assert!(close(st.sd, 0.0) && close(st.value, 5.0), "1 / 0.2 = 5");
        assert!(alarm(Method::C1, &s, 7, &P).is_none(), "one report is below the minimum count");
        let s = [0, 0, 0, 0, 0, 0, 0, 2];
        assert!(close(alarm(Method::C1, &s, 7, &P).unwrap().value, 10.0));
    }

    #[test]
    fn too_little_history_gives_no_statistic() {
        let s = [1, 2, 3, 2, 1, 2, 9];
        assert!(c1(&s, 6, &P).is_none(), "C1 needs 7 baseline weeks");
        assert!(c1(&s, 7, &P).is_none(), "beyond the series");
        let s = [0u32; 12];
        assert!(c2(&s, 8, &P).is_none() && c2(&s, 9, &P).is_some(), "C2 needs t-9 on the grid");
        assert!(c3(&s, 10, &P).is_none() && c3(&s, 11, &P).is_some(), "C3 needs C2 at t-2");
    }

    #[test]
    fn c2_and_c3_by_hand() {
        // Weeks 0..=6 baseline for C2 at t=9: 2,2,2,2,2,2,4 → mean 16/7, var = (6·(2/7)² + (12/7)²)/6 = (24/49+144/49)/6 = 168/294 = 4/7.
        let s = [2, 2, 2, 2, 2, 2, 4, 9, 9, 9];
        let st = c2(&s, 9, &P).unwrap();
        assert!(close(st.mean, 16.0 / 7.0));
        assert!(close(st.sd, (4.0f64 / 7.0).sqrt()));
        assert!(close(st.value, (9.0 - 16.0 / 7.0) / (4.0f64 / 7.0).sqrt()));

        // A flat baseline of 1s then a jump: C2 at t = (n−1)/0.2 while the guard band keeps the
        // jump out of its own baseline.
        let mut s = vec![1u32; 12];
        s[9] = 2;
        s[10] = 3;
        s[11] = 3;
        let c2s: Vec<f64> = (9..12).map(|t| c2(&s, t, &P).unwrap().value).collect();
        assert!(close(c2s[0], 5.0) && close(c2s[1], 10.0) && close(c2s[2], 10.0));
        let c3v = c3(&s, 11, &P).unwrap().value;
        assert!(close(c3v, 4.0 + 9.0 + 9.0), "{c3v}");
        assert!(alarm(Method::C3, &s, 11, &P).is_some());
    }

    #[test]
    fn thresholds_are_strict_and_configurable() {
        // Value exactly 3 is not an alarm (the rule is C1 > 3).
        let s = [1, 1, 1, 1, 1, 1, 1, 2];
        let p = EarsParams { sigma_floor: 1.0 / 3.0, ..P };
        assert!(close(c1(&s, 7, &p).unwrap().value, 3.0));
        assert!(alarm(Method::C1, &s, 7, &p).is_none());
        let p = EarsParams { c1_threshold: 2.5, ..p };
        assert!(alarm(Method::C1, &s, 7, &p).is_some());
    }
}
