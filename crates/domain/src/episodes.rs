//! Alerts as episodes: what a coordinator reads as one thing. The engine raises one alert per
//! method (threshold, C1, C2, C3), area level and week, so one spike of two reports in a
//! locality shows as up to nine alerts (three tests at the locality, its region and the
//! country). An episode gathers the alerts of one category whose areas lie on one line of the
//! hierarchy (one is the other or contains it) and whose weeks touch (at most one week apart);
//! it is led by the alert that explains it best, the finest area and then the latest week, and
//! the others are folded inside it.
use std::collections::HashMap;

use crate::alert_engine::{AlertMethod, AreaTree};
use crate::week::Week;

/// What grouping needs of an alert.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertKey<'a> {
    pub area: &'a str,
    pub category: &'a str,
    pub week: Week,
    pub method: AlertMethod,
    pub observed: u32,
    pub baseline_mean: Option<f64>,
    /// Handed to an organisation to answer: such an alert leads its episode, so that the list
    /// and the page it opens tell the same story.
    pub handed: bool,
}

/// One episode: indexes into the alerts given to [`group`], the lead first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Episode {
    pub lead: usize,
    /// Every alert of the episode, the lead included, in the order they were given.
    pub members: Vec<usize>,
    pub first_week: Week,
    pub last_week: Week,
}

/// The episodes of `alerts`, most recent first (then by the order the leads were given).
pub fn group(alerts: &[AlertKey<'_>], tree: &AreaTree) -> Vec<Episode> {
    let lineages: Vec<Vec<String>> = alerts.iter().map(|a| tree.lineage(a.area)).collect();
    let mut sets = DisjointSets::new(alerts.len());
    let mut by_category: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in alerts.iter().enumerate() {
        by_category.entry(a.category).or_default().push(i);
    }
    for members in by_category.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (a, b) = (&alerts[i], &alerts[j]);
                let weeks_touch = (a.week.0 - b.week.0).abs() <= 1;
                let one_line =
                    lineages[i].iter().any(|x| x == b.area) || lineages[j].iter().any(|x| x == a.area);
                if weeks_touch && one_line {
                    sets.join(i, j);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..alerts.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let mut episodes: Vec<Episode> = groups
        .into_values()
        .map(|mut members| {
            members.sort_unstable();
            let lead = *members
                .iter()
                .max_by(|&&x, &&y| {
                    explains(&alerts[x], lineages[x].len())
                        .total_cmp_key(&explains(&alerts[y], lineages[y].len()))
                        .then(y.cmp(&x))
                })
                .unwrap_or(&members[0]);
            let weeks = members.iter().map(|&i| alerts[i].week);
            let (first_week, last_week) =
                (weeks.clone().min().unwrap_or(Week(0)), weeks.max().unwrap_or(Week(0)));
            Episode { lead, members, first_week, last_week }
        })
        .collect();
    episodes.sort_by(|a, b| b.last_week.cmp(&a.last_week).then(a.lead.cmp(&b.lead)));
    episodes
}

/// How well an alert explains its episode, compared field by field: one handed over first, then
/// the finest area (the longest lineage), the latest week, the most reports above what is usual,
/// then EARS over a threshold.
struct Explains {
    handed: bool,
    depth: usize,
    week: Week,
    excess: f64,
    method: AlertMethod,
}

fn explains(a: &AlertKey<'_>, depth: usize) -> Explains {
    let excess = f64::from(a.observed) - a.baseline_mean.unwrap_or(0.0);
    Explains { handed: a.handed, depth, week: a.week, excess, method: a.method }
}

impl Explains {
    fn total_cmp_key(&self, other: &Self) -> std::cmp::Ordering {
        self.handed
            .cmp(&other.handed)
            .then(self.depth.cmp(&other.depth))
            .then(self.week.cmp(&other.week))
            .then(self.excess.total_cmp(&other.excess))
            .then(self.method.cmp(&other.method))
    }
}

/// Union-find with path halving; small enough to keep here.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        Self { parent: (0..n).collect() }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// What is usual for a week, as a range of whole reports: the baseline mean give or take one
/// standard deviation, never below zero ("usually 0 to 1"). `None` without a baseline.
pub fn usual_range(mean: Option<f64>, sd: Option<f64>) -> Option<(u32, u32)> {
    let mean = mean.filter(|m| m.is_finite())?;
    let sd = sd.filter(|s| s.is_finite()).unwrap_or(0.0).abs();
    let lo = (mean - sd).floor().max(0.0);
    let hi = (mean + sd).ceil().max(lo);
    // Counts of reports in a week: far below u32::MAX, and the casts saturate anyway.
    Some((lo as u32, hi as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> AreaTree {
        AreaTree::new([
            ("XC".to_owned(), None),
            ("XC01".to_owned(), Some("XC".to_owned())),
            ("XC02".to_owned(), Some("XC".to_owned())),
            ("XC0101".to_owned(), Some("XC01".to_owned())),
            ("XC0201".to_owned(), Some("XC02".to_owned())),
        ])
    }

    fn key(
        area: &'static str,
        category: &'static str,
        week: i64,
        method: AlertMethod,
        observed: u32,
    ) -> AlertKey<'static> {
        AlertKey {
            area,
            category,
            week: Week(week),
            method,
            observed,
            baseline_mean: Some(0.3),
            handed: false,
        }
    }

    #[test]
    fn one_spike_at_every_level_and_method_is_one_episode_led_by_the_finest_area() {
        use AlertMethod::*;
        let mut alerts = Vec::new();
        for area in ["XC", "XC01", "XC0101"] {
            for m in [C1, C2, C3] {
                alerts.push(key(area, "hate", 100, m, 2));
            }
        }
        let episodes = group(&alerts, &tree());
        assert_eq!(episodes.len(), 1);
        let e = &episodes[0];
        assert_eq!(e.members.len(), 9);
        assert_eq!(alerts[e.lead].area, "XC0101");
        assert_eq!((e.first_week, e.last_week), (Week(100), Week(100)));
        // Once the national one is handed to a partner, it leads: the list and its page agree.
        alerts[1].handed = true;
        assert_eq!(group(&alerts, &tree())[0].lead, 1);
    }

    #[test]
    fn other_categories_distant_weeks_and_other_branches_stay_apart() {
        use AlertMethod::*;
        let alerts = vec![
            key("XC0101", "hate", 100, C1, 2),
            key("XC0101", "land", 100, C1, 2),
            key("XC0101", "hate", 103, C1, 2),
            key("XC0201", "hate", 100, C1, 2),
            // The next week continues the first one.
            key("XC0101", "hate", 101, C2, 3),
        ];
        let episodes = group(&alerts, &tree());
        let mut sizes: Vec<Vec<usize>> = episodes.iter().map(|e| e.members.clone()).collect();
        sizes.sort();
        assert_eq!(sizes, vec![vec![0, 4], vec![1], vec![2], vec![3]]);
        let run = episodes.iter().find(|e| e.members == [0, 4]).unwrap();
        assert_eq!((run.lead, run.first_week, run.last_week), (4, Week(100), Week(101)), "latest week leads");
        assert_eq!(episodes[0].last_week, Week(103), "most recent first");
    }

    #[test]
    fn usual_ranges_read_as_whole_reports() {
        assert_eq!(usual_range(Some(0.29), Some(0.49)), Some((0, 1)));
        assert_eq!(usual_range(Some(4.0), Some(1.5)), Some((2, 6)));
        assert_eq!(usual_range(Some(3.0), None), Some((3, 3)));
        assert_eq!(usual_range(None, Some(1.0)), None);
        assert_eq!(usual_range(Some(f64::NAN), None), None);
    }
}
