//! The alert engine: from reports to alerts, with no I/O. Counts per (area, category, ISO week)
//! are rolled up the area hierarchy (a report in a locality also counts for its admin2, admin1 and
//! country, so spill-over between neighbours shows at the level above), then every week with
//! reports is tested with EARS C1/C2/C3; separately, any report at or above its category's
//! threshold severity opens a `threshold` alert for its own area at once.
//!
//! The engine is a pure function of its input, so the incremental path (one new report: only the
//! cells it can affect) and the full run give the same alerts; `cells_affected_by` says which.
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::ears::{self, EarsParams, Method};
use crate::report::{Channel, TrustedChannels};
use crate::week::Week;

/// One counting report, as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obs {
    pub report_id: String,
    pub area: String,
    pub category: String,
    pub week: Week,
    pub severity: u8,
    /// Verified (or closed after being verified).
    pub verified: bool,
    pub channel: Channel,
}

impl Obs {
    /// Whether it counts towards EARS: verified, or from a trusted channel. An anonymous report
    /// from the public intake page or a text message waits for verification before it can raise
    /// a statistical alert; it still opens a threshold alert at once, because a severe report
    /// must be looked at whoever sent it.
    pub fn vetted(&self, trusted: &TrustedChannels) -> bool {
        self.verified || trusted.contains(self.channel)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AlertMethod {
    Threshold,
    C1,
    C2,
    C3,
}

impl AlertMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertMethod::Threshold => "threshold",
            AlertMethod::C1 => "c1",
            AlertMethod::C2 => "c2",
            AlertMethod::C3 => "c3",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [AlertMethod::Threshold, AlertMethod::C1, AlertMethod::C2, AlertMethod::C3]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
    pub fn version(self) -> &'static str {
        match self {
            AlertMethod::Threshold => THRESHOLD_VERSION,
            _ => ears::EARS_VERSION,
        }
    }
}

pub const THRESHOLD_VERSION: &str = "threshold-1";

/// How an alert ended, said by the coordinator who closes it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertOutcome {
    /// The situation was dealt with.
    Resolved,
    /// Nothing was happening: the reports did not bear it out.
    FalseAlarm,
    /// It is over, or moved beyond this organisation's reach.
    NoLongerRelevant,
}

impl AlertOutcome {
    pub const ALL: [AlertOutcome; 3] =
        [AlertOutcome::Resolved, AlertOutcome::FalseAlarm, AlertOutcome::NoLongerRelevant];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertOutcome::Resolved => "resolved",
            AlertOutcome::FalseAlarm => "false_alarm",
            AlertOutcome::NoLongerRelevant => "no_longer_relevant",
        }
    }

    pub fn parse(s: &str) -> Result<Self, crate::InvalidInput> {
        Self::ALL.into_iter().find(|o| o.as_str() == s.trim()).ok_or_else(|| {
            crate::InvalidInput::new("outcome", "must be resolved, false_alarm or no_longer_relevant")
                .because(crate::Problem::Unknown)
        })
    }
}

/// Which alerts a list shows: those of the organisation's own reports, or those raised by
/// imported event data alone (see [`Candidate::from_event_data`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertSource {
    Reports,
    EventData,
}

impl AlertSource {
    pub fn parse(s: &str) -> Result<Self, crate::InvalidInput> {
        match s.trim() {
            "reports" => Ok(Self::Reports),
            "event_data" => Ok(Self::EventData),
            _ => Err(crate::InvalidInput::new("source", "must be reports or event_data")
                .because(crate::Problem::Unknown)),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reports => "reports",
            Self::EventData => "event_data",
        }
    }

    /// The alerts' `from_event_data` this source lists.
    pub fn from_event_data(self) -> bool {
        self == Self::EventData
    }
}

/// A cell of the count cube.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    pub area: String,
    pub category: String,
    pub week: Week,
}

/// An alert the data calls for. `reports` are the reports that caused it (sorted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub area: String,
    pub category: String,
    pub week: Week,
    pub method: AlertMethod,
    pub observed: u32,
    pub baseline_mean: Option<f64>,
    pub baseline_sd: Option<f64>,
    pub statistic: Option<f64>,
    pub reports: Vec<String>,
    /// Raised by imported event data alone (ACLED, UCDP: the channel `event_data`): none of the
    /// organisation's own reports is among those observed. Such alerts are listed apart, so
    /// that a few years of context data do not bury what the organisation's own monitors saw.
    pub from_event_data: bool,
}

impl Candidate {
    pub fn cell(&self) -> Cell {
        Cell { area: self.area.clone(), category: self.category.clone(), week: self.week }
    }
}

/// The area hierarchy: each area's parent.
#[derive(Debug, Clone, Default)]
pub struct AreaTree {
    parent: HashMap<String, Option<String>>,
}

impl AreaTree {
    pub fn new(pairs: impl IntoIterator<Item = (String, Option<String>)>) -> Self {
        Self { parent: pairs.into_iter().collect() }
    }
    /// The area and every area below it: the areas whose reports roll up into it.
    pub fn subtree(&self, area: &str) -> Vec<String> {
        let mut out: Vec<String> =
            self.parent.keys().filter(|a| self.lineage(a).iter().any(|x| x == area)).cloned().collect();
        if !out.iter().any(|a| a == area) {
            out.push(area.to_owned());
        }
        out.sort();
        out
    }

    /// The area itself, then its parent, up to the root. Bounded, so a cycle in bad data cannot
    /// loop forever.
    pub fn lineage(&self, area: &str) -> Vec<String> {
        let mut out = vec![area.to_owned()];
        let mut cur = area.to_owned();
        while let Some(Some(p)) = self.parent.get(&cur) {
            if out.len() > 16 || out.contains(p) {
                break;
            }
            out.push(p.clone());
            cur = p.clone();
        }
        out
    }
}

/// Settings of the engine: EARS tunables and each category's threshold severity (a category not
/// listed uses 4; a value above 4 never fires).
#[derive(Debug, Clone, Default)]
pub struct EngineConfig {
    pub ears: EarsParams,
    pub threshold: HashMap<String, u8>,
    /// The channels whose unverified reports count towards EARS.
    pub trusted: TrustedChannels,
}

impl EngineConfig {
    fn threshold_for(&self, category: &str) -> u8 {
        self.threshold.get(category).copied().unwrap_or(4)
    }

    /// The lowest severity that opens a threshold alert in any category: the threshold rule
    /// needs only the reports at or above it.
    pub fn lowest_threshold(&self) -> u8 {
        self.threshold.values().copied().min().unwrap_or(4).min(4)
    }
}

/// Which cells to evaluate.
pub enum Scope<'a> {
    All,
    Cells(&'a BTreeSet<Cell>),
}

/// How far a report's effect reaches: its week and the `REACH_WEEKS` after it, in its area and
/// every ancestor. A new report (or one leaving the counts) can change alerts only in these cells.
pub fn cells_affected_by(tree: &AreaTree, area: &str, category: &str, week: Week) -> BTreeSet<Cell> {
    let mut cells = BTreeSet::new();
    for a in tree.lineage(area) {
        for dt in 0..=ears::REACH_WEEKS as i64 {
            cells.insert(Cell { area: a.clone(), category: category.to_owned(), week: Week(week.0 + dt) });
        }
    }
    cells
}

/// The weeks of data needed to evaluate cells in weeks `lo..=hi`: the longest baseline (C3 at t
/// uses C2 at t−2, whose baseline starts at t−11).
pub fn weeks_needed(lo: Week, hi: Week) -> (Week, Week) {
    (Week(lo.0 - ears::REACH_WEEKS as i64), hi)
}

/// Counting reports of one (area, category, week, channel, verified): what the store keeps up to
/// date with every insert and status change, so that the engine reads counts, never the reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub area: String,
    pub category: String,
    pub week: Week,
    pub channel: Channel,
    pub verified: bool,
    pub n: u32,
}

impl Count {
    /// As [`Obs::vetted`]: whether these reports count towards EARS.
    pub fn vetted(&self, trusted: &TrustedChannels) -> bool {
        self.verified || trusted.contains(self.channel)
    }
}

/// The counts of `obs`, as the store keeps them.
pub fn counts_of(obs: &[Obs]) -> Vec<Count> {
    // (area, category, week, channel name, verified) → (channel, reports)
    type Key<'a> = (&'a str, &'a str, Week, &'static str, bool);
    let mut m: BTreeMap<Key<'_>, (Channel, u32)> = BTreeMap::new();
    for o in obs {
        m.entry((&o.area, &o.category, o.week, o.channel.as_str(), o.verified))
            .or_insert((o.channel, 0))
            .1 += 1;
    }
    m.into_iter()
        .map(|((area, category, week, _, verified), (channel, n))| Count {
            area: area.to_owned(),
            category: category.to_owned(),
            week,
            channel,
            verified,
            n,
        })
        .collect()
}

/// Evaluates `obs` on the dense weekly grid that starts at `grid_start` (the earliest week of the
/// organisation's counting reports). `obs` must hold every counting report in the weeks the
/// evaluated cells need (see [`weeks_needed`]); reports outside them are simply not looked at.
pub fn evaluate(
    tree: &AreaTree,
    obs: &[Obs],
    grid_start: Week,
    scope: Scope<'_>,
    cfg: &EngineConfig,
) -> Vec<Candidate> {
    evaluate_counts(tree, &counts_of(obs), obs, grid_start, scope, cfg)
}

/// The engine proper. EARS reads `counts`; the threshold rule reads `severe`, the counting reports
/// at or above the lowest threshold severity (others are ignored), because a threshold alert
/// names its reports. An EARS candidate names none: its reports are its cell's, found on reading
/// (the store's `cell_reports`), so evaluating a million reports never lists them.
pub fn evaluate_counts(
    tree: &AreaTree,
    counts: &[Count],
    severe: &[Obs],
    grid_start: Week,
    scope: Scope<'_>,
    cfg: &EngineConfig,
) -> Vec<Candidate> {
    let in_scope = |area: &str, category: &str, week: Week| match &scope {
        Scope::All => true,
        Scope::Cells(set) => {
            set.contains(&Cell { area: area.to_owned(), category: category.to_owned(), week })
        }
    };
    let mut out = Vec::new();

    // Each cell's severe reports, and whether any is the organisation's own.
    let mut by_cell: BTreeMap<Cell, (Vec<&str>, bool)> = BTreeMap::new();
    for o in severe {
        if o.week >= grid_start && o.severity >= cfg.threshold_for(&o.category) {
            let cell = Cell { area: o.area.clone(), category: o.category.clone(), week: o.week };
            let (ids, own) = by_cell.entry(cell).or_default();
            ids.push(&o.report_id);
            *own |= o.channel != Channel::EventData;
        }
    }
    for (cell, (ids, own)) in by_cell {
        if in_scope(&cell.area, &cell.category, cell.week) {
            let mut reports: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            reports.sort();
            out.push(Candidate {
                area: cell.area,
                category: cell.category,
                week: cell.week,
                method: AlertMethod::Threshold,
                observed: reports.len() as u32,
                baseline_mean: None,
                baseline_sd: None,
                statistic: None,
                reports,
                from_event_data: !own,
            });
        }
    }

    // Rolled-up counts per series and week: a report counts in its area and every ancestor.
    let lineages: HashMap<&str, Vec<String>> = counts
        .iter()
        .map(|c| c.area.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|a| (a, tree.lineage(a)))
        .collect();
    let mut series: HashMap<(&str, &str), BTreeMap<Week, u32>> = HashMap::new();
    // The weeks of each series in which the organisation's own reports (any channel but event
    // data) are among those counted.
    let mut own: HashSet<(&str, &str, Week)> = HashSet::new();
    for c in counts {
        if c.week < grid_start || c.n == 0 || !c.vetted(&cfg.trusted) {
            continue;
        }
        for a in &lineages[c.area.as_str()] {
            *series.entry((a.as_str(), c.category.as_str())).or_default().entry(c.week).or_default() += c.n;
            if c.channel != Channel::EventData {
                own.insert((a.as_str(), c.category.as_str(), c.week));
            }
        }
    }
    let mut dense = Vec::new();
    for ((area, category), weeks) in &series {
        let Some(last) = weeks.keys().next_back() else { continue };
        dense.clear();
        dense.resize((last.0 - grid_start.0 + 1) as usize, 0u32);
        for (w, n) in weeks {
            dense[(w.0 - grid_start.0) as usize] = *n;
        }
        // Only weeks with reports can alarm (an alarm needs at least `min_count` ≥ 1 reports).
        for w in weeks.keys() {
            if !in_scope(area, category, *w) {
                continue;
            }
            let t = (w.0 - grid_start.0) as usize;
            for m in Method::ALL {
                if let Some(s) = ears::alarm(m, &dense, t, &cfg.ears) {
                    out.push(Candidate {
                        area: area.to_string(),
                        category: category.to_string(),
                        week: *w,
                        method: match m {
                            Method::C1 => AlertMethod::C1,
                            Method::C2 => AlertMethod::C2,
                            Method::C3 => AlertMethod::C3,
                        },
                        observed: s.observed,
                        baseline_mean: Some(s.mean),
                        baseline_sd: Some(s.sd),
                        statistic: Some(s.value),
                        reports: vec![],
                        from_event_data: !own.contains(&(*area, *category, *w)),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.area, &a.category, a.week, a.method).cmp(&(&b.area, &b.category, b.week, b.method))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> AreaTree {
        AreaTree::new([
            ("MR".to_owned(), None),
            ("MR01".to_owned(), Some("MR".to_owned())),
            ("MR0101".to_owned(), Some("MR01".to_owned())),
            ("MR0102".to_owned(), Some("MR01".to_owned())),
        ])
    }

    fn obs(id: usize, area: &str, cat: &str, week: i64, sev: u8) -> Obs {
        Obs {
            report_id: format!("r{id:04}"),
            area: area.into(),
            category: cat.into(),
            week: Week(week),
            severity: sev,
            verified: true,
            channel: Channel::Web,
        }
    }

    #[test]
    fn only_vetted_reports_count_towards_ears() {
        let o = |channel, verified| Obs { channel, verified, ..obs(1, "MR0101", "crime", 10, 1) };
        let default = TrustedChannels::default();
        assert!(o(Channel::Hotline, false).vetted(&default), "the organisation's own operators");
        assert!(!o(Channel::Intake, false).vetted(&default) && !o(Channel::Sms, false).vetted(&default));
        assert!(o(Channel::Intake, true).vetted(&default), "verified, whatever the channel");
        let strict = TrustedChannels::parse("none").unwrap();
        assert!(!o(Channel::Web, false).vetted(&strict) && o(Channel::Web, true).vetted(&strict));
        let sms = TrustedChannels::parse(" sms, web ,sms").unwrap();
        assert_eq!(sms.as_slice(), [Channel::Sms, Channel::Web]);
        let e = TrustedChannels::parse("web, whatsapp").unwrap_err();
        assert!(
            e.field == "trusted_channels"
                && e.message.contains("\"whatsapp\"")
                && e.message.contains("openrosa")
        );
        // Unverified intake reports raise no statistical alert until trusted or verified.
        let mut reports: Vec<Obs> = (0..20).map(|w| obs(w, "MR0101", "crime", w as i64, 1)).collect();
        reports.extend((0..6).map(|i| Obs {
            channel: Channel::Intake,
            verified: false,
            ..obs(100 + i, "MR0101", "crime", 20, 1)
        }));
        let count = |trusted: TrustedChannels| {
            let cfg = EngineConfig { trusted, ..Default::default() };
            evaluate(&tree(), &reports, Week(0), Scope::All, &cfg)
                .iter()
                .filter(|c| c.method != AlertMethod::Threshold && c.week == Week(20))
                .count()
        };
        assert_eq!(count(TrustedChannels::default()), 0);
        assert!(count(TrustedChannels::parse("web, intake").unwrap()) > 0);
    }

    #[test]
    fn lineage_and_cycles() {
        assert_eq!(tree().lineage("MR0101"), vec!["MR0101", "MR01", "MR"]);
        assert_eq!(tree().subtree("MR01"), vec!["MR01", "MR0101", "MR0102"]);
        assert_eq!(tree().subtree("MR0102"), vec!["MR0102"]);
        assert_eq!(tree().subtree("ZZ"), vec!["ZZ"]);
        let cyclic =
            AreaTree::new([("A".to_owned(), Some("B".to_owned())), ("B".to_owned(), Some("A".to_owned()))]);
        assert_eq!(cyclic.lineage("A"), vec!["A", "B"]);
    }

    #[test]
    fn severity_four_opens_a_threshold_alert_at_once() {
        let o = vec![obs(1, "MR0101", "hate_speech", 100, 4), obs(2, "MR0101", "hate_speech", 100, 2)];
        let c = evaluate(&tree(), &o, Week(100), Scope::All, &EngineConfig::default());
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].method, c[0].area.as_str(), c[0].observed), (AlertMethod::Threshold, "MR0101", 1));
        assert_eq!(c[0].reports, vec!["r0001"]);
        // Configurable per category: peace initiatives never open one.
        let mut cfg = EngineConfig::default();
        cfg.threshold.insert("peace_initiative".into(), 5);
        let o = vec![obs(1, "MR0101", "peace_initiative", 100, 4)];
        assert!(evaluate(&tree(), &o, Week(100), Scope::All, &cfg).is_empty());
    }

    #[test]
    fn spill_over_shows_at_the_level_above() {
        // Two neighbouring admin2 areas each get a little, never enough alone; their admin1 sees
        // the rise. Baseline: one report a week alternating between them for 7 weeks.
        let mut o = Vec::new();
        let mut id = 0;
        for w in 0..7 {
            id += 1;
            o.push(obs(id, if w % 2 == 0 { "MR0101" } else { "MR0102" }, "intercommunal_tension", w, 2));
        }
        for area in ["MR0101", "MR0101", "MR0102", "MR0102", "MR0102"] {
            id += 1;
            o.push(obs(id, area, "intercommunal_tension", 7, 2));
        }
        let c = evaluate(&tree(), &o, Week(0), Scope::All, &EngineConfig::default());
        let c1: Vec<_> = c.iter().filter(|c| c.method == AlertMethod::C1).map(|c| c.area.as_str()).collect();
        assert!(c1.contains(&"MR01") && c1.contains(&"MR"), "{c1:?}");
        let admin1 = c.iter().find(|c| c.method == AlertMethod::C1 && c.area == "MR01").unwrap();
        assert_eq!(admin1.observed, 5);
        assert!(admin1.reports.is_empty(), "an EARS alert's reports are its cell's, found on reading");
        assert!((admin1.baseline_mean.unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(admin1.week, Week(7));
    }

    #[test]
    fn counts_in_any_grouping_give_the_reports_alerts() {
        // The store may hold one cell's reports in several rows (by channel, verified or not);
        // the engine sums them, and skips those that are not vetted.
        let mut o: Vec<Obs> = (0..14).map(|w| obs(w, "MR0101", "crime", w as i64 % 7, 1)).collect();
        o.extend((0..6).map(|i| Obs { channel: Channel::Hotline, ..obs(50 + i, "MR0102", "crime", 7, 1) }));
        o.extend((0..9).map(|i| Obs {
            channel: Channel::Sms,
            verified: false,
            ..obs(80 + i, "MR0102", "crime", 7, 4)
        }));
        let cfg = EngineConfig::default();
        let whole = evaluate(&tree(), &o, Week(0), Scope::All, &cfg);
        assert!(whole.iter().any(|c| c.method == AlertMethod::C1 && c.area == "MR01"), "{whole:?}");
        let one_by_one: Vec<Count> = o
            .iter()
            .map(|x| Count {
                area: x.area.clone(),
                category: x.category.clone(),
                week: x.week,
                channel: x.channel,
                verified: x.verified,
                n: 1,
            })
            .collect();
        let severe: Vec<Obs> = o.iter().filter(|x| x.severity >= cfg.lowest_threshold()).cloned().collect();
        assert_eq!(evaluate_counts(&tree(), &one_by_one, &severe, Week(0), Scope::All, &cfg), whole);
        assert_eq!(counts_of(&o).iter().map(|c| c.n).sum::<u32>(), o.len() as u32);
        // The nine unvetted text messages raise a threshold alert but count towards no statistic.
        let c1 = whole.iter().find(|c| c.method == AlertMethod::C1 && c.area == "MR01" && c.week == Week(7));
        assert_eq!(c1.map(|c| c.observed), Some(6));
        let t = whole.iter().find(|c| c.method == AlertMethod::Threshold).unwrap();
        assert_eq!((t.area.as_str(), t.observed, t.reports.len()), ("MR0102", 9, 9));
        let mut cfg3 = EngineConfig::default();
        cfg3.threshold.insert("crime".into(), 3);
        cfg3.threshold.insert("peace_initiative".into(), 5);
        assert_eq!((cfg.lowest_threshold(), cfg3.lowest_threshold()), (4, 3));
    }

    #[test]
    fn alerts_of_imported_event_data_alone_are_told_apart() {
        // MR0101: a spike of imported events only. MR0102: the same spike, one of it the
        // organisation's own report. Both roll up into MR01 and MR, where an own report is
        // among those counted.
        let mut o: Vec<Obs> = (0..7).map(|w| obs(w, "MR0101", "crime", w as i64, 1)).collect();
        o.extend((0..7).map(|w| obs(10 + w, "MR0102", "crime", w as i64, 1)));
        o.extend((0..6).map(|i| obs(20 + i, "MR0101", "crime", 7, if i == 0 { 4 } else { 1 })));
        o.extend((0..6).map(|i| obs(30 + i, "MR0102", "crime", 7, 1)));
        for x in o.iter_mut().filter(|x| x.report_id != "r0030") {
            x.channel = Channel::EventData;
        }
        o.push(Obs { channel: Channel::Hotline, ..obs(40, "MR0102", "crime", 7, 4) });
        let whole = evaluate(&tree(), &o, Week(0), Scope::All, &EngineConfig::default());
        let at = |area: &str, m: AlertMethod| {
            whole
                .iter()
                .find(|c| c.area == area && c.method == m && c.week == Week(7))
                .map(|c| c.from_event_data)
        };
        assert_eq!(at("MR0101", AlertMethod::C1), Some(true), "{whole:?}");
        assert_eq!(at("MR0102", AlertMethod::C1), Some(false));
        assert_eq!(at("MR01", AlertMethod::C1), Some(false), "a roll-up holding an own report is own");
        assert_eq!(at("MR0101", AlertMethod::Threshold), Some(true), "a severe imported event alone");
        assert_eq!(at("MR0102", AlertMethod::Threshold), Some(false), "a severe hotline report");
        assert_eq!(AlertSource::parse("event_data").map(AlertSource::from_event_data), Ok(true));
        assert_eq!(AlertSource::parse(" reports ").map(AlertSource::as_str), Ok("reports"));
        assert!(AlertSource::parse("acled").is_err());
    }

    #[test]
    fn scoped_evaluation_agrees_with_the_full_run() {
        // Pseudo-random data; evaluating only the cells a report affects gives exactly the full
        // run's candidates in those cells.
        let mut o = Vec::new();
        let mut x: u64 = 7;
        for id in 0..400 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let area = ["MR0101", "MR0102", "MR01"][(x >> 33) as usize % 3];
            let week = ((x >> 40) % 30) as i64 + if id > 350 { 10 } else { 0 };
            let cat = ["crime", "gbv"][(x >> 20) as usize % 2];
            o.push(obs(id, area, cat, week, 1 + ((x >> 50) % 4) as u8));
        }
        let cfg = EngineConfig::default();
        let full = evaluate(&tree(), &o, Week(0), Scope::All, &cfg);
        assert!(full.iter().any(|c| c.method != AlertMethod::Threshold), "the data raises EARS alarms");
        let cells = cells_affected_by(&tree(), "MR0102", "crime", Week(12));
        let scoped = evaluate(&tree(), &o, Week(0), Scope::Cells(&cells), &cfg);
        let expected: Vec<_> = full.iter().filter(|c| cells.contains(&c.cell())).cloned().collect();
        assert_eq!(scoped, expected);
        // Only the needed window of data gives the same answer.
        let (lo, hi) = weeks_needed(Week(12), Week(12 + ears::REACH_WEEKS as i64));
        let window: Vec<_> = o.iter().filter(|x| x.week >= lo && x.week <= hi).cloned().collect();
        assert_eq!(evaluate(&tree(), &window, Week(0), Scope::Cells(&cells), &cfg), expected);
    }
}
