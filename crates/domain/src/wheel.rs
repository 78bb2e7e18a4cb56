//! The wheel view's rules (DESIGN §4.5, method in docs/ownership.md): from the records of a set
//! of forums and an area, which of the five joint activities happened in the last twelve months,
//! the level of local ownership reached, and the three conditions (wide, systematic, deep) each
//! scored 0–100 with the records it came from. No I/O: the caller gathers the facts.
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::forum::{self, AgeBand, Cadence, CommitmentStatus, Gender, Kept, Participants};
use crate::joint::Conditions;
use crate::ownership::{self, Evidence, Level, WINDOW_DAYS};
use crate::training::Trainees;
use crate::{InvalidInput, OrgKind, Problem};

crate::word_list!(
    /// The five joint activities of the wheel (context 003).
    Activity, "activity", "is not one of the five joint activities", {
        CapacityBuilding => "capacity_building",
        Assessment => "assessment",
        Planning => "planning",
        Implementation => "implementation",
        Monitoring => "monitoring",
    }
);

/// A record the wheel counted, named so a page can link it and a reader can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Record {
    /// `report`, `alert`, `forum`, `meeting`, `training`, `assessment`, `plan`, `commitment`,
    /// `self_assessment` or `scorecard`.
    pub kind: String,
    pub id: String,
    /// The day it counts from (a meeting's day, the day a commitment was done).
    pub on: NaiveDate,
    /// What a reader sees: a forum's name, a meeting's forum, a commitment's text.
    pub label: String,
    /// The forum a meeting, training, assessment, plan or commitment belongs to, so that a page
    /// can link the record where it is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forum: Option<String>,
}

impl Record {
    pub fn new(kind: &str, id: impl Into<String>, on: NaiveDate, label: impl Into<String>) -> Self {
        Self { kind: kind.to_owned(), id: id.into(), on, label: label.into(), forum: None }
    }

    /// The same record, placed in its forum.
    pub fn in_forum(self, forum: &str) -> Self {
        Self { forum: Some(forum.to_owned()), ..self }
    }
    fn at(&self, on: NaiveDate) -> Self {
        Self { on, ..self.clone() }
    }
}

#[derive(Debug, Clone)]
pub struct ForumFacts {
    pub record: Record,
    pub cadence: Cadence,
    pub has_terms: bool,
}

#[derive(Debug, Clone)]
pub struct MeetingFacts {
    pub record: Record,
    pub forum: String,
    pub participants: Vec<Participants>,
}

#[derive(Debug, Clone)]
pub struct TrainingFacts {
    pub record: Record,
    pub participants: Vec<Trainees>,
}

#[derive(Debug, Clone)]
pub struct CommitmentFacts {
    /// Its day is its due day.
    pub record: Record,
    pub owner: String,
    pub owner_kind: OrgKind,
    pub status: CommitmentStatus,
    pub done_on: Option<NaiveDate>,
    pub has_evidence: bool,
    pub confirmed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct ConditionsFacts {
    pub record: Record,
    pub org: String,
    pub conditions: Conditions,
}

/// Everything the wheel reads, over any span: each rule keeps to its own window.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub forums: Vec<ForumFacts>,
    pub meetings: Vec<MeetingFacts>,
    pub trainings: Vec<TrainingFacts>,
    pub assessments: Vec<Record>,
    pub plans: Vec<Record>,
    pub commitments: Vec<CommitmentFacts>,
    /// Reports in the area and shared data received for it: information shared.
    pub reports: Vec<Record>,
    /// Alerts in the area assigned to a security or government organisation and answered, on
    /// the day of the first answer.
    pub answered_alerts: Vec<Record>,
    /// A security unit's scorecard covering the area with measurements recorded by a CSO.
    pub scorecards: Vec<Record>,
    /// The CSOs' self-assessments of their operating conditions.
    pub conditions: Vec<ConditionsFacts>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityView {
    pub done: bool,
    pub evidence: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activities {
    pub capacity_building: ActivityView,
    pub assessment: ActivityView,
    pub planning: ActivityView,
    pub implementation: ActivityView,
    pub monitoring: ActivityView,
}

impl Activities {
    pub fn get(&self, a: Activity) -> &ActivityView {
        match a {
            Activity::CapacityBuilding => &self.capacity_building,
            Activity::Assessment => &self.assessment,
            Activity::Planning => &self.planning,
            Activity::Implementation => &self.implementation,
            Activity::Monitoring => &self.monitoring,
        }
    }
    pub fn done(&self) -> usize {
        Activity::ALL.iter().filter(|a| self.get(**a).done).count()
    }
}

/// One measured part of a score, 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Part {
    pub name: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Score {
    /// 0 to 100: the mean of its parts.
    pub score: u8,
    pub parts: Vec<Part>,
    pub evidence: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Wheel {
    pub on: NaiveDate,
    /// None when there is no evidence at all in the window.
    pub ownership_level: Option<Level>,
    /// The records the level rests on, newest first.
    pub level_evidence: Vec<Record>,
    pub activities: Activities,
    pub wide: Score,
    pub systematic: Score,
    pub deep: Score,
}

/// The share of youth at which the youth part is full: a quarter of those taking part under 25
/// (UNSCR 2250 asks for young people's place at the table, not a majority of it).
pub const YOUTH_TARGET: f64 = 0.25;
/// Organisation kinds at which the sector part is full: civil society, security, government.
pub const SECTOR_TARGET: usize = 3;

fn fresh(on: NaiveDate, today: NaiveDate) -> bool {
    on <= today && on > today - Duration::days(WINDOW_DAYS)
}

fn newest_first(mut v: Vec<Record>) -> Vec<Record> {
    v.sort_by(|a, b| b.on.cmp(&a.on).then_with(|| a.id.cmp(&b.id)));
    v
}

fn in_window(records: &[Record], today: NaiveDate) -> Vec<Record> {
    newest_first(records.iter().filter(|r| fresh(r.on, today)).cloned().collect())
}

fn view(evidence: Vec<Record>) -> ActivityView {
    ActivityView { done: !evidence.is_empty(), evidence }
}

fn score(parts: Vec<Part>, evidence: Vec<Record>) -> Score {
    let mean =
        if parts.is_empty() { 0.0 } else { parts.iter().map(|p| p.value).sum::<f64>() / parts.len() as f64 };
    Score { score: (mean * 100.0).round().clamp(0.0, 100.0) as u8, parts, evidence: newest_first(evidence) }
}

fn part(name: &str, value: f64) -> Part {
    Part { name: name.to_owned(), value: value.clamp(0.0, 1.0) }
}

/// The meetings a forum should hold in twelve months to keep its cadence (one for a forum that
/// meets as needed: a mechanism that never meets is not standing).
pub fn meetings_per_year(c: Cadence) -> u32 {
    match c {
        Cadence::Monthly => 12,
        Cadence::Quarterly => 4,
        Cadence::TwiceAYear => 2,
        Cadence::AsNeeded => 1,
    }
}

/// Whether a meeting's attendance had civil society on one side and security or government on
/// the other: a dialogue, not a meeting among one's own.
pub fn both_sides(p: &[Participants]) -> bool {
    forum::is_dialogue(p)
}

/// Gender balance, 0 to 1: 2 × the smaller of women and men ÷ both (1 at parity, 0 when one is
/// missing). People counted as `other` are neither side of the balance.
pub fn gender_balance(female: u64, male: u64) -> f64 {
    if female + male == 0 {
        return 0.0;
    }
    2.0 * female.min(male) as f64 / (female + male) as f64
}

/// Evenness over the five age bands: Shannon entropy ÷ ln 5 (1 when every band is equally
/// present, 0 when all are in one band or nobody is counted).
pub fn age_spread(by_band: &[u64]) -> f64 {
    let total: u64 = by_band.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let h: f64 = by_band
        .iter()
        .filter(|n| **n > 0)
        .map(|n| {
            let p = *n as f64 / total as f64;
            -p * p.ln()
        })
        .sum();
    h / (AgeBand::ALL.len() as f64).ln()
}

/// Wide: who took part in the window's meetings and trainings.
pub fn wide(facts: &Facts, today: NaiveDate) -> Score {
    let (mut female, mut male) = (0u64, 0u64);
    let mut bands = [0u64; 5];
    let mut kinds = BTreeSet::new();
    let mut evidence = vec![];
    let mut count = |g: Gender, k: OrgKind, n: u32| {
        match g {
            Gender::Female => female += u64::from(n),
            Gender::Male => male += u64::from(n),
            Gender::Other => {}
        }
        kinds.insert(k.as_str());
    };
    for m in facts.meetings.iter().filter(|m| fresh(m.record.on, today)) {
        for p in &m.participants {
            count(p.gender, p.org_kind, p.count);
            let i = AgeBand::ALL.iter().position(|b| *b == p.age_band).unwrap_or(0);
            bands[i] += u64::from(p.count);
        }
        evidence.push(m.record.clone());
    }
    for t in facts.trainings.iter().filter(|t| fresh(t.record.on, today)) {
        for p in &t.participants {
            count(p.gender, p.org_kind, p.count);
        }
        evidence.push(t.record.clone());
    }
    let aged: u64 = bands.iter().sum();
    let youth = bands[0] + bands[1];
    let youth_share = if aged == 0 { 0.0 } else { youth as f64 / aged as f64 };
    score(
        vec![
            part("gender_balance", gender_balance(female, male)),
            part("youth", youth_share / YOUTH_TARGET),
            part("age_spread", age_spread(&bands)),
            part("sectors", kinds.len() as f64 / SECTOR_TARGET as f64),
        ],
        evidence,
    )
}

/// The five activities in the window, each with the records behind it.
pub fn activities(facts: &Facts, today: NaiveDate) -> Activities {
    let trainings: Vec<Record> = facts.trainings.iter().map(|t| t.record.clone()).collect();
    let done: Vec<Record> = facts
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Done && c.has_evidence)
        .filter_map(|c| c.done_on.map(|d| c.record.at(d)))
        .collect();
    let confirmed: Vec<Record> =
        facts.commitments.iter().filter_map(|c| c.confirmed_on.map(|d| c.record.at(d))).collect();
    let mut monitoring = in_window(&confirmed, today);
    monitoring.extend(in_window(&facts.scorecards, today));
    Activities {
        capacity_building: view(in_window(&trainings, today)),
        assessment: view(in_window(&facts.assessments, today)),
        planning: view(in_window(&facts.plans, today)),
        implementation: view(in_window(&done, today)),
        monitoring: view(newest_first(monitoring)),
    }
}

/// Systematic: a fifth for each activity that happened.
pub fn systematic(a: &Activities) -> Score {
    let parts =
        Activity::ALL.iter().map(|x| part(x.as_str(), if a.get(*x).done { 1.0 } else { 0.0 })).collect();
    let evidence = Activity::ALL.iter().flat_map(|x| a.get(*x).evidence.iter().cloned()).collect();
    score(parts, evidence)
}

/// Deep: standing mechanisms that meet to their cadence with terms of reference, commitments
/// kept, and the CSOs' own view of their operating conditions.
pub fn deep(facts: &Facts, today: NaiveDate) -> Score {
    let mut evidence = vec![];
    let mut per_forum = vec![];
    let mut held_by: HashMap<&str, usize> = HashMap::new();
    for m in facts.meetings.iter().filter(|m| fresh(m.record.on, today)) {
        *held_by.entry(m.forum.as_str()).or_default() += 1;
    }
    for f in &facts.forums {
        let held = held_by.get(f.record.id.as_str()).copied().unwrap_or(0);
        let regular = (held as f64 / f64::from(meetings_per_year(f.cadence))).min(1.0);
        per_forum.push(0.5 * f64::from(u8::from(f.has_terms)) + 0.5 * regular);
        evidence.push(f.record.at(f.record.on.min(today)));
    }
    let mechanisms = mean(&per_forum);
    let due: Vec<&CommitmentFacts> =
        facts.commitments.iter().filter(|c| fresh(c.record.on, today) || fresh_done(c, today)).collect();
    let kept: Vec<Kept> = due
        .iter()
        .map(|c| Kept {
            owner: c.owner.clone(),
            due_on: c.record.on,
            status: c.status,
            done_on: c.done_on.filter(|d| *d <= today),
            confirmed: c.confirmed_on.is_some_and(|d| d <= today),
        })
        .collect();
    let (mut n_due, mut n_kept) = (0u32, 0u32);
    for k in forum::keeping(&kept, today) {
        n_due += k.due;
        n_kept += k.kept_on_time;
    }
    let keeping = if n_due == 0 { 0.0 } else { f64::from(n_kept) / f64::from(n_due) };
    evidence.extend(
        due.iter()
            .filter(|c| c.record.on < today || c.done_on.is_some_and(|d| d <= today))
            .map(|c| c.record.clone()),
    );
    let mut latest: BTreeMap<&str, &ConditionsFacts> = BTreeMap::new();
    for c in facts.conditions.iter().filter(|c| fresh(c.record.on, today)) {
        let e = latest.entry(c.org.as_str()).or_insert(c);
        if c.record.on > e.record.on {
            *e = c;
        }
    }
    let shares: Vec<f64> = latest.values().map(|c| c.conditions.share()).collect();
    evidence.extend(latest.values().map(|c| c.record.clone()));
    score(
        vec![
            part("mechanisms", mechanisms),
            part("commitments_kept", keeping),
            part("cso_conditions", mean(&shares)),
        ],
        evidence,
    )
}

/// A commitment due before the window but done inside it still counts as due in it: its
/// keeping is this year's news.
fn fresh_done(c: &CommitmentFacts, today: NaiveDate) -> bool {
    c.done_on.is_some_and(|d| fresh(d, today))
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// The level's evidence as DESIGN §4.5 names it, and beside each its record (borrowed where the
/// facts hold it as it is shown).
fn level_evidence<'a>(facts: &'a Facts) -> (Vec<Evidence>, Vec<Cow<'a, Record>>) {
    let mut evidence = vec![];
    let mut records: Vec<Cow<'a, Record>> = vec![];
    let mut add = |level: Level, r: Cow<'a, Record>| {
        evidence.push(Evidence { level, on: r.on, kind: r.kind.clone(), id: r.id.clone() });
        records.push(r);
    };
    for r in &facts.reports {
        add(Level::InformationSharing, Cow::Borrowed(r));
    }
    for m in facts.meetings.iter().filter(|m| both_sides(&m.participants)) {
        add(Level::DialogueConsultation, Cow::Borrowed(&m.record));
    }
    let state = |k: OrgKind| matches!(k, OrgKind::Security | OrgKind::Government);
    for c in &facts.commitments {
        if state(c.owner_kind) && c.status == CommitmentStatus::Done && c.has_evidence {
            if let Some(d) = c.done_on {
                add(Level::JointImplementation, Cow::Owned(c.record.at(d)));
            }
        }
    }
    for a in &facts.answered_alerts {
        add(Level::JointImplementation, Cow::Borrowed(a));
    }
    for s in &facts.scorecards {
        add(Level::JointOversight, Cow::Borrowed(s));
    }
    (evidence, records)
}

pub fn wheel(facts: &Facts, today: NaiveDate) -> Wheel {
    wheels(facts, &[today]).pop().unwrap_or_else(|| unreachable!("one day, one wheel"))
}

/// The wheel on each of `days` (a trend), the level's evidence gathered once for all of them.
pub fn wheels(facts: &Facts, days: &[NaiveDate]) -> Vec<Wheel> {
    let (evidence, records) = level_evidence(facts);
    days.iter()
        .map(|&today| {
            let (ownership_level, level_evidence) = match ownership::level_at(&evidence, today) {
                None => (None, vec![]),
                Some((l, behind)) => {
                    (Some(l), behind.into_iter().map(|i| records[i].clone().into_owned()).collect())
                }
            };
            let activities = activities(facts, today);
            Wheel {
                on: today,
                ownership_level,
                level_evidence,
                wide: wide(facts, today),
                systematic: systematic(&activities),
                deep: deep(facts, today),
                activities,
            }
        })
        .collect()
}

/// The last day of each of the `n` quarters before the one `today` is in, oldest first, then
/// `today`: where the trend is read.
pub fn trend_days(today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut out = vec![today];
    let first_of_quarter =
        |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), (d.month0() / 3) * 3 + 1, 1).unwrap_or(d);
    let mut cur = today;
    for _ in 0..n {
        cur = first_of_quarter(cur) - Duration::days(1);
        out.push(cur);
    }
    out.reverse();
    out
}

/// A quarter's name, `2026Q3`.
pub fn quarter_of(d: NaiveDate) -> String {
    format!("{}Q{}", d.year(), d.month0() / 3 + 1)
}

/// The span the facts must cover for a trend of `n` quarters: the window before the oldest day.
pub fn facts_since(today: NaiveDate, n: usize) -> NaiveDate {
    trend_days(today, n)[0] - Duration::days(WINDOW_DAYS)
}

#[cfg(test)]
mod tests;
