//! Uncertainty analysis, as the OECD/JRC Handbook on Constructing Composite Indicators
//! recommends: the index is recomputed many times with every weight perturbed (uniformly within
//! ±25% by default) and each indicator's normalisation swapped (min-max ↔ z-score) with
//! probability one half; each country's ranks over the draws give its median rank and its 5–95%
//! rank interval. Seeded, so that an edition's figures can be reproduced exactly.
use serde::{Deserialize, Serialize};

use super::compute::{covered, scores, Prepared};
use super::methodology::{Aggregation, Methodology, Normalise};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Options {
    pub draws: u32,
    pub seed: u64,
    /// Each weight is multiplied by a factor drawn uniformly from [1 − spread, 1 + spread].
    pub weight_spread: f64,
    pub swap_normalisation: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { draws: 1000, seed: 2026, weight_spread: 0.25, swap_normalisation: true }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankStats {
    pub median: f64,
    pub p5: u32,
    pub p95: u32,
}

/// SplitMix64: small, fast and fully determined by its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A pillar flattened for fast evaluation: its children by position.
struct Node {
    indicators: Vec<(usize, f64)>,
    pillars: Vec<(usize, f64)>,
    aggregation: Aggregation,
}

/// The rank statistics of each country (None for countries the base computation could not
/// score). `prepared` comes from `compute::prepare`.
pub fn analyse(m: &Methodology, prepared: &Prepared, opts: &Options) -> Vec<Option<RankStats>> {
    let k = m.indicators.len();
    let n = prepared.transformed.first().map_or(0, |v| v.len());
    if n == 0 || opts.draws == 0 {
        return vec![None; n];
    }
    // Both normalisations of every indicator, as [indicator][country]; NaN where absent, and the
    // logarithms the geometric mean needs, computed once.
    let table = |norm: fn(Normalise) -> Normalise| -> Vec<Vec<f64>> {
        m.indicators
            .iter()
            .zip(&prepared.transformed)
            .map(|(ind, v)| {
                scores(v, norm(ind.normalise), ind.direction).iter().map(|s| s.unwrap_or(f64::NAN)).collect()
            })
            .collect()
    };
    let own = table(|n| n);
    let other = table(|n| match n {
        Normalise::Minmax => Normalise::Zscore,
        Normalise::Zscore => Normalise::Minmax,
    });
    let ln1 = |t: &Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        t.iter().map(|r| r.iter().map(|s| (s + 1.0).ln()).collect()).collect()
    };
    let (own_ln, other_ln) = (ln1(&own), ln1(&other));

    // Pillars deepest first, as positions.
    let pos = |id: &str| m.pillars.iter().position(|p| p.id == id);
    let depth = |i: usize| {
        let mut d = 0;
        let mut cur = &m.pillars[i];
        while let Some(p) = cur.parent.as_deref().and_then(pos) {
            d += 1;
            cur = &m.pillars[p];
        }
        d
    };
    let mut order: Vec<usize> = (0..m.pillars.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(depth(i)));
    let nodes: Vec<Node> = m
        .pillars
        .iter()
        .map(|p| Node {
            indicators: m
                .indicators
                .iter()
                .enumerate()
                .filter(|(_, x)| x.pillar == p.id)
                .map(|(i, x)| (i, x.weight))
                .collect(),
            pillars: m
                .pillars
                .iter()
                .enumerate()
                .filter(|(_, q)| q.parent.as_deref() == Some(&p.id))
                .map(|(i, q)| (i, q.weight))
                .collect(),
            aggregation: p.aggregation,
        })
        .collect();
    let top: Vec<(usize, f64)> = m
        .pillars
        .iter()
        .enumerate()
        .filter(|(_, p)| p.parent.is_none())
        .map(|(i, p)| (i, p.weight))
        .collect();

    // Countries without enough data are not ranked in any draw, as in the base computation.
    let eligible: Vec<bool> = (0..n).map(|c| covered(m, prepared, c)).collect();
    let mut rng = Rng::new(opts.seed);
    let mut ind_w = vec![0.0; k];
    let mut pil_w = vec![0.0; m.pillars.len()];
    let mut swap = vec![false; k];
    let mut pillar_score = vec![f64::NAN; m.pillars.len()];
    let mut index = vec![f64::NAN; n];
    let mut order_buf: Vec<usize> = Vec::with_capacity(n);
    let mut ranks: Vec<Vec<u32>> = vec![Vec::with_capacity(opts.draws as usize); n];
    let factor = |rng: &mut Rng| 1.0 - opts.weight_spread + 2.0 * opts.weight_spread * rng.unit();

    for _ in 0..opts.draws {
        for (i, x) in m.indicators.iter().enumerate() {
            ind_w[i] = x.weight * factor(&mut rng);
            swap[i] = opts.swap_normalisation && rng.next_u64() & 1 == 1;
        }
        for (i, p) in m.pillars.iter().enumerate() {
            pil_w[i] = p.weight * factor(&mut rng);
        }
        for (c, slot) in index.iter_mut().enumerate() {
            for &pi in &order {
                let node = &nodes[pi];
                let (mut acc, mut wsum) = (0.0, 0.0);
                let geometric = node.aggregation == Aggregation::Geometric;
                for &(ii, _) in &node.indicators {
                    let s = if swap[ii] { other[ii][c] } else { own[ii][c] };
                    if !s.is_nan() {
                        let term = if !geometric {
                            s
                        } else if swap[ii] {
                            other_ln[ii][c]
                        } else {
                            own_ln[ii][c]
                        };
                        acc += ind_w[ii] * term;
                        wsum += ind_w[ii];
                    }
                }
                for &(qi, _) in &node.pillars {
                    let s = pillar_score[qi];
                    if !s.is_nan() {
                        acc += pil_w[qi] * if geometric { (s + 1.0).ln() } else { s };
                        wsum += pil_w[qi];
                    }
                }
                pillar_score[pi] = match (wsum > 0.0, geometric) {
                    (false, _) => f64::NAN,
                    (true, false) => acc / wsum,
                    (true, true) => (acc / wsum).exp() - 1.0,
                };
            }
            let geometric = m.aggregation == Aggregation::Geometric;
            let (mut acc, mut wsum) = (0.0, 0.0);
            for &(pi, _) in &top {
                let s = pillar_score[pi];
                if !s.is_nan() {
                    acc += pil_w[pi] * if geometric { (s + 1.0).ln() } else { s };
                    wsum += pil_w[pi];
                }
            }
            *slot = match (wsum > 0.0, geometric) {
                (false, _) => f64::NAN,
                (true, false) => acc / wsum,
                (true, true) => (acc / wsum).exp() - 1.0,
            };
        }
        // Competition ranks among the countries scored, highest first.
        order_buf.clear();
        order_buf.extend((0..n).filter(|&c| eligible[c] && !index[c].is_nan()));
        order_buf.sort_unstable_by(|&a, &b| index[b].total_cmp(&index[a]));
        let mut rank = 0u32;
        for (pos, &c) in order_buf.iter().enumerate() {
            if pos == 0 || index[c] < index[order_buf[pos - 1]] {
                rank = pos as u32 + 1;
            }
            ranks[c].push(rank);
        }
    }
    ranks
        .into_iter()
        .map(|mut r| {
            if r.is_empty() {
                return None;
            }
            r.sort_unstable();
            let len = r.len();
            let median =
                if len % 2 == 1 { r[len / 2] as f64 } else { (r[len / 2 - 1] + r[len / 2]) as f64 / 2.0 };
            // Nearest-rank percentiles: the ⌈p × len⌉-th smallest.
            let nearest = |p: f64| r[((p * len as f64).ceil() as usize).clamp(1, len) - 1];
            Some(RankStats { median, p5: nearest(0.05), p95: nearest(0.95) })
        })
        .collect()
}
