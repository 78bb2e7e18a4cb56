//! Weighted proportions of a complex survey, computed as R's `survey` package computes them
//! (`svydesign(ids=~cluster, strata=~strata, weights=~weight, nest=TRUE)`, `svyciprop`): the
//! ratio estimator, its Taylor-linearised variance for a stratified design with clusters drawn
//! with replacement, confidence intervals by `logit` and `beta` (Korn–Graubard), the design
//! effect beside simple random sampling with replacement, and the effective sample size. A
//! subgroup is a domain of the full design (R's `subset`): every cluster keeps its place, so
//! a cluster without members of the subgroup counts as a zero. No I/O here; the columns arrive
//! parsed.
use std::collections::HashMap;

/// Confidence level of every interval.
pub const LEVEL: f64 = 0.95;
/// Flags an estimate that should be read with care: fewer than this effective responses...
pub const SMALL_EFFECTIVE_N: f64 = 30.0;
/// ...or a coefficient of variation above this.
pub const LARGE_CV: f64 = 0.30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A Wald interval on the log-odds, turned back into a proportion: R's default.
    Logit,
    /// Korn and Graubard's interval from the beta distribution, with the effective sample size.
    Beta,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Logit => "logit",
            Method::Beta => "beta",
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SurveyError {
    /// R's default (`options(survey.lonely.psu = "fail")`) refuses a stratum with a single
    /// cluster: its variance cannot be estimated. Tandem refuses it too, naming the stratum.
    #[error("stratum {0} has only one cluster, so its variance cannot be estimated: merge it with a neighbouring stratum")]
    LonelyPsu(String),
    #[error("no response falls in this group")]
    EmptyGroup,
    #[error("a weight must be a positive number")]
    Weight,
    #[error("the answers and the design are not of the same responses")]
    Columns,
}

/// The largest weight taken (from an export or a phone): beyond it, sums overflow long
/// before any survey needs it.
pub const MAX_WEIGHT: f64 = 1e9;

/// Whether `w` may weigh a response: a positive number no larger than [`MAX_WEIGHT`].
pub fn is_weight(w: f64) -> bool {
    w.is_finite() && w > 0.0 && w <= MAX_WEIGHT
}

/// What a design column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DesignRole {
    Weight,
    Strata,
    Cluster,
}

impl DesignRole {
    pub fn as_str(self) -> &'static str {
        match self {
            DesignRole::Weight => "weight",
            DesignRole::Strata => "strata",
            DesignRole::Cluster => "cluster",
        }
    }
}

/// What is wrong in a survey export, in a form every language can say (the line and column
/// travel beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFault {
    /// Not text in UTF-8, or not CSV at all.
    Unreadable,
    /// A header row and no responses.
    NoRows,
    /// A column without a name.
    BlankHeader,
    /// Two columns of the same name.
    HeaderTwice,
    /// Too many columns, or a column name too long.
    WideHeader,
    /// The survey's design column is not in the file.
    NoColumn(DesignRole),
    /// Several group-prefixed columns end in the design column's name.
    AmbiguousColumn(DesignRole),
    /// A row with more or fewer cells than the header.
    Ragged,
    /// A weight that is not a positive number.
    BadWeight,
    /// A response without its stratum or cluster.
    BlankDesign(DesignRole),
    /// A submission key seen on an earlier line of the same file.
    KeyTwice,
    /// More responses than one file may hold.
    TooMany,
}

/// The design: each response's weight, stratum and cluster, as dense indices.
#[derive(Debug, Clone)]
pub struct Design {
    weight: Vec<f64>,
    stratum: Vec<u32>,
    psu: Vec<u32>,
    /// The stratum of each cluster, and the clusters of each stratum.
    psu_stratum: Vec<u32>,
    strata_psus: Vec<u32>,
    strata_names: Vec<String>,
}

impl Design {
    /// Rows of (weight, stratum, cluster). A missing stratum puts every response in one
    /// stratum; a missing cluster makes each response its own cluster. Clusters are nested in
    /// strata (`nest=TRUE`): cluster "1" of stratum "a" is not cluster "1" of stratum "b".
    pub fn new<'a>(
        rows: impl IntoIterator<Item = (f64, Option<&'a str>, Option<&'a str>)>,
    ) -> Result<Self, SurveyError> {
        let mut d = Design {
            weight: vec![],
            stratum: vec![],
            psu: vec![],
            psu_stratum: vec![],
            strata_psus: vec![],
            strata_names: vec![],
        };
        let mut strata: HashMap<&str, u32> = HashMap::new();
        let mut psus: HashMap<(u32, &str), u32> = HashMap::new();
        for (w, s, c) in rows {
            if !(w.is_finite() && w > 0.0) {
                return Err(SurveyError::Weight);
            }
            let next = strata.len() as u32;
            let h = *strata.entry(s.unwrap_or("")).or_insert_with(|| {
                d.strata_names.push(s.unwrap_or("").to_owned());
                d.strata_psus.push(0);
                next
            });
            let j = match c {
                Some(c) => *psus.entry((h, c)).or_insert(d.psu_stratum.len() as u32),
                None => d.psu_stratum.len() as u32,
            };
            if j as usize == d.psu_stratum.len() {
                d.psu_stratum.push(h);
                d.strata_psus[h as usize] += 1;
            }
            d.weight.push(w);
            d.stratum.push(h);
            d.psu.push(j);
        }
        Ok(d)
    }

    pub fn len(&self) -> usize {
        self.weight.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weight.is_empty()
    }
}

/// One estimate, for the whole sample or one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub proportion: f64,
    pub se: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    /// Responses in the group.
    pub n: usize,
    /// `n` over the design effect.
    pub effective_n: f64,
    /// The design's variance over that of a simple random sample of the same size drawn with
    /// replacement (R's `svymean(..., deff = "replace")`).
    pub design_effect: f64,
    /// Degrees of freedom: the group's clusters less its strata.
    pub df: f64,
    pub method: Method,
}

impl Estimate {
    /// To be read with care: too few effective responses, too large a relative error, or no
    /// interval at all.
    pub fn small(&self) -> bool {
        !(self.effective_n >= SMALL_EFFECTIVE_N && self.effective_n.is_finite())
            || (self.proportion > 0.0 && self.se / self.proportion > LARGE_CV)
            || !(self.ci_low.is_finite() && self.ci_high.is_finite())
    }
}

/// The share (weighted) of responses in the group `group` (None: all) for which `yes` holds.
pub fn estimate(
    d: &Design,
    yes: &[bool],
    group: Option<&[bool]>,
    method: Method,
) -> Result<Estimate, SurveyError> {
    if yes.len() != d.len() || group.is_some_and(|g| g.len() != d.len()) {
        return Err(SurveyError::Columns);
    }
    let inside = |k: usize| group.is_none_or(|g| g[k]);
    let (mut total, mut hits, mut n) = (0.0, 0.0, 0usize);
    for (k, (&w, &y)) in d.weight.iter().zip(yes).enumerate() {
        if inside(k) {
            total += w;
            if y {
                hits += w;
            }
            n += 1;
        }
    }
    if n == 0 {
        return Err(SurveyError::EmptyGroup);
    }
    let p = hits / total;
    // The linearised variable, summed per cluster; clusters outside the group stay at zero.
    let mut t = vec![0.0; d.psu_stratum.len()];
    let mut psu_in = vec![false; d.psu_stratum.len()];
    let mut stratum_in = vec![false; d.strata_psus.len()];
    for (k, (&w, &y)) in d.weight.iter().zip(yes).enumerate() {
        if inside(k) {
            let (j, h) = (d.psu[k] as usize, d.stratum[k] as usize);
            t[j] += w * (f64::from(u8::from(y)) - p) / total;
            psu_in[j] = true;
            stratum_in[h] = true;
        }
    }
    let mut sum = vec![0.0; d.strata_psus.len()];
    for (j, h) in d.psu_stratum.iter().enumerate() {
        sum[*h as usize] += t[j];
    }
    let mut var = 0.0;
    for (j, h) in d.psu_stratum.iter().enumerate() {
        let h = *h as usize;
        let nh = f64::from(d.strata_psus[h]);
        if d.strata_psus[h] < 2 {
            if stratum_in[h] {
                return Err(SurveyError::LonelyPsu(d.strata_names[h].clone()));
            }
            continue;
        }
        let dev = t[j] - sum[h] / nh;
        var += nh / (nh - 1.0) * dev * dev;
    }
    let se = var.sqrt();
    let df =
        (psu_in.iter().filter(|x| **x).count() as f64) - (stratum_in.iter().filter(|x| **x).count() as f64);
    let srs = p * (1.0 - p) / (n as f64 - 1.0);
    let design_effect = if srs > 0.0 { var / srs } else { f64::NAN };
    let effective_n = n as f64 / design_effect;
    let alpha = 1.0 - LEVEL;
    // No interval can be given without a degree of freedom (one cluster in the group's only
    // stratum: R's qt(·, 0) is NaN too), without a variance (every answer the same), or, for the
    // beta method, with a single response: the interval is left out (NaN), and `small` says so.
    let undefined = df < 1.0 || var.is_nan() || var <= 0.0 || (method == Method::Beta && n < 2);
    let (ci_low, ci_high) = match method {
        _ if undefined => (f64::NAN, f64::NAN),
        Method::Logit if p > 0.0 && p < 1.0 => {
            let b = (p / (1.0 - p)).ln();
            let sb = se / (p * (1.0 - p));
            let q = t_quantile(1.0 - alpha / 2.0, df);
            (expit(b - q * sb), expit(b + q * sb))
        }
        Method::Logit => (p, p),
        Method::Beta => {
            let ratio = t_quantile(alpha / 2.0, n as f64 - 1.0) / t_quantile(alpha / 2.0, df);
            let ne = p * (1.0 - p) / var * ratio * ratio;
            let low = if p > 0.0 { beta_quantile(alpha / 2.0, ne * p, ne * (1.0 - p) + 1.0) } else { 0.0 };
            let high =
                if p < 1.0 { beta_quantile(1.0 - alpha / 2.0, ne * p + 1.0, ne * (1.0 - p)) } else { 1.0 };
            (low, high)
        }
    };
    Ok(Estimate { proportion: p, se, ci_low, ci_high, n, effective_n, design_effect, df, method })
}

fn expit(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The `q` quantile of the beta distribution, by bisection on its distribution function (the
/// regularised incomplete beta): to the last bits of a double, which R's `qbeta` also reaches.
pub fn beta_quantile(q: f64, a: f64, b: f64) -> f64 {
    // The incomplete beta is defined for positive shapes only (and panics otherwise).
    if !(a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite()) {
        return f64::NAN;
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if statrs::function::beta::beta_reg(a, b, mid) < q {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// The `q` quantile of Student's t with `df` degrees of freedom (infinite: the normal's).
pub fn t_quantile(q: f64, df: f64) -> f64 {
    if q == 0.5 {
        return 0.0;
    }
    if !df.is_finite() {
        return statrs::function::erf::erf_inv(2.0 * q - 1.0) * std::f64::consts::SQRT_2;
    }
    // P(T < -t) = I_{df/(df+t²)}(df/2, 1/2) / 2.
    let tail = q.min(1.0 - q);
    let x = beta_quantile(2.0 * tail, df / 2.0, 0.5);
    let t = (df * (1.0 - x) / x).sqrt();
    if q < 0.5 {
        -t
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_worked_design() {
        // Two strata of two one-person clusters, equal weights; yes, no | yes, yes.
        let d = Design::new([
            (1.0, Some("A"), Some("1")),
            (1.0, Some("A"), Some("2")),
            (1.0, Some("B"), Some("1")),
            (1.0, Some("B"), Some("2")),
        ])
        .unwrap();
        let e = estimate(&d, &[true, false, true, true], None, Method::Logit).unwrap();
        // p = 3/4; the linearised values (y − p)/4 are 1/16, −3/16 | 1/16, 1/16; stratum A's
        // deviations ±1/8 give 2 × 2/64 = 1/16, stratum B's none: var 1/16, se 1/4.
        assert!((e.proportion - 0.75).abs() < 1e-12 && (e.se - 0.25).abs() < 1e-12, "{e:?}");
        // Four clusters less two strata; simple random sampling: 3/4 × 1/4 / 3 = 1/16 too.
        assert_eq!(e.df, 2.0);
        assert!((e.design_effect - 1.0).abs() < 1e-12 && (e.effective_n - 4.0).abs() < 1e-9);
        assert!(e.small(), "four people are too few to read alone");
        // Only those in stratum B: every one says yes; stratum A's clusters count as zeros.
        let e = estimate(&d, &[true, false, true, true], Some(&[false, false, true, true]), Method::Beta)
            .unwrap();
        assert_eq!((e.proportion, e.n), (1.0, 2));
        assert!(e.ci_high.is_nan() && e.small(), "no variance: no interval, read with care");
        assert_eq!(estimate(&d, &[true; 4], Some(&[false; 4]), Method::Logit), Err(SurveyError::EmptyGroup));
        assert_eq!(Design::new([(0.0, None, None)]).unwrap_err(), SurveyError::Weight);
    }

    #[test]
    fn no_interval_without_a_degree_of_freedom_or_a_variance() {
        // One cluster per stratum in the group: df 0, as R's degf says; no interval, flagged.
        let d =
            Design::new([(1.0, None, Some("1")), (1.0, None, Some("1")), (1.0, None, Some("2"))]).unwrap();
        for method in [Method::Logit, Method::Beta] {
            let e = estimate(&d, &[true, false, true], Some(&[true, true, false]), method).unwrap();
            assert_eq!((e.df, e.proportion), (0.0, 0.5));
            assert!(e.ci_low.is_nan() && e.ci_high.is_nan() && e.small(), "{e:?}");
        }
        // Everyone says no: no variance, no interval, never read as a firm 0%.
        let e = estimate(&d, &[false; 3], None, Method::Beta).unwrap();
        assert!(e.proportion == 0.0 && e.ci_high.is_nan() && e.small(), "{e:?}");
        // One response in the group, by the beta method.
        let e = estimate(&d, &[true, false, true], Some(&[false, false, true]), Method::Beta).unwrap();
        assert!(e.ci_low.is_nan() && e.small());
        assert!(beta_quantile(0.5, 0.0, 1.0).is_nan() && t_quantile(0.975, 0.0).is_nan());
    }

    #[test]
    fn quantiles_match_r() {
        // qt(0.975, 10), qbeta(0.025, 2, 3) and qnorm(0.975) as R prints them.
        assert!((t_quantile(0.975, 10.0) - 2.228138851986274).abs() < 1e-12);
        assert!((t_quantile(0.025, 10.0) + 2.228138851986274).abs() < 1e-12);
        assert!((beta_quantile(0.025, 2.0, 3.0) - 0.06758599).abs() < 1e-8);
        assert!((t_quantile(0.975, f64::INFINITY) - 1.959963984540054).abs() < 1e-12);
    }
}
