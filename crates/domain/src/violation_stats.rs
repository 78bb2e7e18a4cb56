//! Public statistics of verified violations: per quarter, counts by admin1 area × institution kind
//! × act, as **fixed cells** (every admin1 × every kind × every act, zeros included, so the shape
//! of the table says nothing), with every total, under the same linked-table disclosure control
//! as shared aggregates ([`crate::disclosure::linked`]). The master's tree is the country, its
//! admin1 areas and, under each, one leaf per institution kind; its categories are the acts. One
//! suppression pattern covers every published entry, so no combination of them pins a hidden one.
use serde::{Deserialize, Serialize};

use std::collections::BTreeSet;

use crate::disclosure::linked::{Counted, EntryId, Master};
use crate::violation::InstitutionKind;

/// The smallest count published (0 is published too: it is no one).
pub const PUBLIC_K: u32 = 5;
/// Days after a quarter ends before it is published (and frozen): verification takes time, and
/// a quarter published twice would tell, by difference, what came in between.
pub const RELEASE_AFTER_DAYS: i64 = 90;

/// A verified violation counted for the public: where (its country, and its admin1 area when it
/// is placed that finely), who was involved (the kind of institution), which act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The organisation that documented it: no organisation may learn the others' counts by
    /// taking its own away (the dominance rule in [`cells`]).
    pub org: String,
    pub country: String,
    pub admin1: Option<String>,
    pub kind: InstitutionKind,
    pub act: usize,
    pub count: u32,
}

const SEP: char = '|';

fn leaf(area: &str, kind: InstitutionKind) -> String {
    format!("{area}{SEP}{}", kind.as_str())
}

/// The master of one quarter. `admin1` lists every admin1 area (with its country) so that each
/// gets its fixed cells, violations or not; every country gets its fixed cells for violations
/// placed at the country alone.
pub fn master(acts: Vec<String>, admin1: &[(String, String)], placed: &[Placed], k: u32) -> Master {
    let mut counted: Vec<Counted> = vec![];
    // Zero entries first: the fixed shape, whatever was documented.
    let countries: std::collections::BTreeSet<&String> = admin1.iter().map(|(c, _)| c).collect();
    for (country, area) in admin1 {
        for kind in InstitutionKind::ALL {
            let chain = vec![(country.clone(), 1), (area.clone(), 2), (leaf(area, kind), 3)];
            counted.push((chain, 0, 0));
        }
    }
    for country in countries {
        for kind in InstitutionKind::ALL {
            counted.push((vec![(country.clone(), 1), (leaf(country, kind), 2)], 0, 0));
        }
    }
    for p in placed {
        let chain = match &p.admin1 {
            Some(a) => vec![(p.country.clone(), 1), (a.clone(), 2), (leaf(a, p.kind), 3)],
            // Placed only at the country: a leaf per kind directly under it.
            None => vec![(p.country.clone(), 1), (leaf(&p.country, p.kind), 2)],
        };
        counted.push((chain, p.act, p.count));
    }
    Master::build(acts, &counted, k)
}

/// The entries to which some organisation contributed from 1 to k − 1 violations. Any coalition
/// of the others, pooling their own shares (and what they were shown of each other's under
/// sharing agreements), would otherwise subtract them from the published count and learn that
/// organisation's small number; if no single one contributed 1 to k − 1, whatever a coalition
/// takes away leaves 0 or at least k. This also defeats an organisation that adds violations of
/// its own to probe a cell.
fn dominated(m: &Master, admin1: &[(String, String)], placed: &[Placed]) -> BTreeSet<EntryId> {
    let orgs: BTreeSet<&str> = placed.iter().map(|p| p.org.as_str()).collect();
    let w = m.categories.len() + 1;
    let total = m.values();
    let mut out = BTreeSet::new();
    if orgs.len() < 2 {
        // A single contributor learns nothing new from its own numbers.
        return out;
    }
    for org in orgs {
        let own: Vec<Placed> = placed.iter().filter(|p| p.org == org).cloned().collect();
        let theirs = master(m.categories.clone(), admin1, &own, m.k);
        let values = theirs.values();
        // The same tree, so the same entry order: both are built from the same zero entries.
        let index: std::collections::HashMap<(&str, bool), usize> =
            theirs.nodes.iter().enumerate().map(|(i, n)| ((n.area.as_str(), n.own), i)).collect();
        for (i, node) in m.nodes.iter().enumerate() {
            let Some(&j) = index.get(&(node.area.as_str(), node.own)) else { continue };
            for col in 0..w {
                // Its own share, small, under a total the others could subtract themselves from.
                let own = values[j * w + col];
                if (1..m.k).contains(&own) && total[i * w + col] > own {
                    out.insert((i, col));
                }
            }
        }
    }
    out
}

/// One published entry: an area (a country or an admin1 area), an act (None: all acts), an
/// institution kind (None: all kinds), and its count (None: hidden).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicCell {
    pub area: String,
    pub act: Option<String>,
    pub institution: Option<String>,
    pub period: String,
    pub count: Option<u32>,
}

/// Every entry of a quarter's master below the root, each with its count or None where it is
/// hidden: counts from 1 to k − 1, counts any one organisation could work out by taking its own
/// share away, and the complements that keep both from being worked out.
/// `also` names entries (see [`Label`]) that must be hidden too: those an organisation's shared
/// tables of the period did not let its partners work out (`shared_unknown`), so that the public
/// count, less what the others contributed, tells no partner more than it was shown.
pub fn cells(
    acts: Vec<String>,
    admin1: &[(String, String)],
    placed: &[Placed],
    k: u32,
    period: &str,
    also: &BTreeSet<Label>,
) -> Vec<PublicCell> {
    let m = master(acts, admin1, placed, k);
    let mut sensitive = dominated(&m, admin1, placed);
    sensitive.extend(entries_labelled(&m, also));
    let hidden = m.hidden_with(&sensitive);
    published(&m, &hidden, period)
}

/// An entry named so that two masters of the same shape can be matched: the node's area (with
/// its institution kind for a leaf), whether it is an area's own leaf, and the act (None: all).
pub type Label = (String, bool, Option<String>);

fn label(m: &Master, (node, col): EntryId) -> Label {
    let n = &m.nodes[node];
    (n.area.clone(), n.own, m.categories.get(col).cloned())
}

fn entries_labelled(m: &Master, labels: &BTreeSet<Label>) -> BTreeSet<EntryId> {
    let w = m.categories.len() + 1;
    (0..m.nodes.len())
        .flat_map(|i| (0..w).map(move |c| (i, c)))
        .filter(|&e| labels.contains(&label(m, e)))
        .collect()
}

/// The entries of `m` that a reader of `shown` (entries with their counts, `None` where hidden)
/// can *not* work out: found by the two sums every table obeys (a node's entry is the sum of
/// its children's, a row's total the sum of its acts), applied until nothing more follows. It
/// may miss a deduction a cleverer reader would make, which only makes the set larger: safe for
/// what it is for, hiding more elsewhere.
pub fn shared_unknown(m: &Master, shown: &[(EntryId, Option<u32>)]) -> BTreeSet<Label> {
    let cats = m.categories.len();
    let w = cats + 1;
    let n = m.nodes.len();
    let mut known = vec![false; n * w];
    for &((node, col), count) in shown {
        if count.is_some() {
            known[node * w + col] = true;
        }
    }
    let mut children = vec![vec![]; n];
    for (i, node) in m.nodes.iter().enumerate() {
        if let Some(p) = node.parent {
            children[p].push(i);
        }
    }
    // Each sum: a whole and its parts; when all but one of them are known, so is that one.
    let mut sums: Vec<(usize, Vec<usize>)> = vec![];
    for (p, ch) in children.iter().enumerate().filter(|(_, ch)| !ch.is_empty()) {
        for c in 0..w {
            sums.push((p * w + c, ch.iter().map(|&x| x * w + c).collect()));
        }
    }
    for i in 0..n {
        sums.push((i * w + cats, (0..cats).map(|c| i * w + c).collect()));
    }
    loop {
        let mut changed = false;
        for (whole, parts) in &sums {
            let unknown: Vec<usize> =
                std::iter::once(*whole).chain(parts.iter().copied()).filter(|&x| !known[x]).collect();
            if unknown.len() == 1 {
                known[unknown[0]] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    (0..n * w).filter(|&x| !known[x]).map(|x| label(m, (x / w, x % w))).collect()
}

/// The entries of `m` below the root with `hidden` left out.
pub fn published(m: &Master, hidden: &BTreeSet<EntryId>, period: &str) -> Vec<PublicCell> {
    let values = m.values();
    let cats = m.categories.len();
    let w = cats + 1;
    let mut out = Vec::with_capacity(m.nodes.len() * w);
    for (i, node) in m.nodes.iter().enumerate().skip(1) {
        // A leaf for violations placed at an area that has finer rows: its own entries are a
        // difference of published ones at best; they are not listed (listing fewer is safe).
        if node.own {
            continue;
        }
        let (area, institution) = match node.area.split_once(SEP) {
            Some((a, k)) => (a.to_owned(), Some(k.to_owned())),
            None => (node.area.clone(), None),
        };
        for col in 0..w {
            let act = (col < cats).then(|| m.categories[col].clone());
            let count = (!hidden.contains(&(i, col))).then(|| values[i * w + col]);
            out.push(PublicCell {
                area: area.clone(),
                act,
                institution: institution.clone(),
                period: period.to_owned(),
                count,
            });
        }
    }
    out
}

/// A quarter: `2026Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
}

impl Quarter {
    pub fn of(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self { year: d.year(), q: (d.month() - 1) / 3 + 1 }
    }
    pub fn first_day(self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, (self.q - 1) * 3 + 1, 1).unwrap_or_default()
    }
    pub fn next(self) -> Self {
        if self.q == 4 {
            Self { year: self.year + 1, q: 1 }
        } else {
            Self { year: self.year, q: self.q + 1 }
        }
    }
    /// The day after its last day.
    pub fn end(self) -> chrono::NaiveDate {
        self.next().first_day()
    }
    pub fn parse(s: &str) -> Option<Self> {
        let (y, q) = s.trim().split_once(['Q', 'q'])?;
        let (year, q) = (y.parse().ok()?, q.parse().ok()?);
        ((1990..=9999).contains(&year) && (1..=4).contains(&q)).then_some(Self { year, q })
    }
    /// The day it is published: [`RELEASE_AFTER_DAYS`] after it ends.
    pub fn release_day(self) -> chrono::NaiveDate {
        self.end() + chrono::Duration::days(RELEASE_AFTER_DAYS)
    }
    /// Whether it may be published on `today`.
    pub fn released_by(self, today: chrono::NaiveDate) -> bool {
        self.release_day() <= today
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn admin1() -> Vec<(String, String)> {
        vec![("MR".into(), "MR01".into()), ("MR".into(), "MR02".into())]
    }

    fn acts() -> Vec<String> {
        vec!["arbitrary_arrest".into(), "extortion".into()]
    }

    fn at(area: Option<&str>, kind: InstitutionKind, act: usize, count: u32) -> Placed {
        Placed { org: "obs".into(), country: "MR".into(), admin1: area.map(str::to_owned), kind, act, count }
    }

    fn of(placed: &[Placed]) -> Vec<PublicCell> {
        cells(acts(), &admin1(), placed, PUBLIC_K, "2026Q1", &BTreeSet::new())
    }

    #[test]
    fn what_a_shared_table_lets_a_partner_work_out() {
        use InstitutionKind::Police;
        let m = master(acts(), &admin1(), &[at(Some("MR01"), Police, 0, 7)], PUBLIC_K);
        let w = m.categories.len() + 1;
        let leaf = m.nodes.iter().position(|n| n.area == "MR01|police").unwrap();
        let every: Vec<(EntryId, Option<u32>)> =
            m.leaves().into_iter().flat_map(|l| (0..w).map(move |c| ((l, c), Some(0)))).collect();
        assert!(shared_unknown(&m, &every).is_empty(), "every leaf shown: every sum follows");
        // One cell hidden in a row whose total is shown: the total less the rest gives it.
        let one: Vec<_> = every.iter().map(|&(e, n)| (e, if e == (leaf, 0) { None } else { n })).collect();
        assert!(shared_unknown(&m, &one).is_empty());
        // The cell and its row's total hidden, and the column's other entries shown: the column
        // still gives it away through the admin1 node? Only if that node's entry is known: it is
        // not, so both stay unknown, and so does everything they sum into.
        let two: Vec<_> = every
            .iter()
            .map(|&(e, n)| (e, if e == (leaf, 0) || e == (leaf, w - 1) { None } else { n }))
            .collect();
        let unknown = shared_unknown(&m, &two);
        for l in [
            ("MR01|police".to_owned(), false, Some("arbitrary_arrest".to_owned())),
            ("MR01".into(), false, None),
            ("".into(), false, None),
        ] {
            assert!(unknown.contains(&l), "{l:?} in {unknown:?}");
        }
        assert!(!unknown.contains(&("MR02".into(), false, None)), "elsewhere all is known");
        // The public table hides what the shared one left unknown, with complements.
        let placed = [at(Some("MR01"), Police, 0, 7)];
        let free = cells(acts(), &admin1(), &placed, PUBLIC_K, "2026Q1", &BTreeSet::new());
        let bound = cells(acts(), &admin1(), &placed, PUBLIC_K, "2026Q1", &unknown);
        let shown = |cs: &[PublicCell], area: &str| {
            cs.iter().find(|c| c.area == area && c.act.is_none() && c.institution.is_none()).unwrap().count
        };
        assert_eq!(shown(&free, "MR01"), Some(7));
        assert_eq!(shown(&bound, "MR01"), None);
    }

    /// The count published for (area, institution kind, act); None as kind or act is "all".
    fn count(c: &[PublicCell], area: &str, kind: Option<&str>, act: Option<&str>) -> Option<u32> {
        c.iter()
            .find(|x| x.area == area && x.institution.as_deref() == kind && x.act.as_deref() == act)
            .unwrap_or_else(|| panic!("no cell {area} {kind:?} {act:?}"))
            .count
    }

    const POLICE_ARRESTS: (&str, Option<&str>, Option<&str>) =
        ("MR01", Some("police"), Some("arbitrary_arrest"));

    #[test]
    fn cells_are_fixed_whatever_was_documented() {
        let empty = of(&[]);
        let some = of(&[
            at(Some("MR01"), InstitutionKind::Police, 0, 12),
            at(None, InstitutionKind::Ministry, 1, 7),
        ]);
        let shape = |c: &[PublicCell]| {
            c.iter().map(|c| (c.area.clone(), c.act.clone(), c.institution.clone())).collect::<Vec<_>>()
        };
        assert_eq!(shape(&empty), shape(&some), "the same cells, counts aside");
        // Country + its 9 kinds + 2 admin1 + 2 × 9 kinds, each with 2 acts and an all-acts entry.
        assert_eq!(empty.len(), (1 + 9 + 2 + 2 * 9) * 3);
        assert!(empty.iter().all(|c| c.count == Some(0)), "zeros are published: they are no one");
        let (area, kind, act) = POLICE_ARRESTS;
        assert_eq!(count(&some, area, kind, act), Some(12));
    }

    #[test]
    fn small_counts_and_their_complements_are_hidden() {
        let placed = [
            at(Some("MR01"), InstitutionKind::Police, 0, 2),
            at(Some("MR01"), InstitutionKind::Police, 1, 9),
            at(Some("MR02"), InstitutionKind::Military, 0, 7),
            at(None, InstitutionKind::Ministry, 1, 6),
        ];
        let c = of(&placed);
        let find = |area, kind, act| count(&c, area, kind, act);
        assert_eq!(find("MR01", Some("police"), Some("arbitrary_arrest")), None, "2 < k");
        assert!(c.iter().all(|x| x.count.is_none_or(|n| n == 0 || n >= PUBLIC_K)), "nothing below k shows");
        assert!(
            matches!(find("MR", Some("ministry"), Some("extortion")), Some(6) | None),
            "placed at the country only: shown as it is, or hidden as a complement"
        );
        assert_eq!(find("MR", None, None), Some(24), "the country's total");
        let hidden = c.iter().filter(|x| x.count.is_none()).count();
        assert!(hidden >= 2, "a lone hidden cell would be its total minus the rest");
    }

    #[test]
    fn no_organisation_learns_the_others_by_taking_its_own_away() {
        // Seven arrests in MR01 by the police: five from one observatory, two from another. Each
        // knows its own; the first would learn that the second has exactly two.
        let mut placed = vec![
            at(Some("MR01"), InstitutionKind::Police, 0, 5),
            at(Some("MR02"), InstitutionKind::Police, 0, 9),
        ];
        placed.push(Placed { org: "other".into(), ..at(Some("MR01"), InstitutionKind::Police, 0, 2) });
        let (area, kind, act) = POLICE_ARRESTS;
        assert_eq!(count(&of(&placed), area, kind, act), None, "7 ≥ k, but 7 − 5 = 2 would be the other's");
        // With one contributor only, 7 shows.
        let alone = of(&[
            at(Some("MR01"), InstitutionKind::Police, 0, 7),
            at(Some("MR02"), InstitutionKind::Police, 0, 9),
        ]);
        assert_eq!(count(&alone, area, kind, act), Some(7));
    }

    #[test]
    fn quarters_are_released_once_verification_had_time() {
        let q = Quarter::of(NaiveDate::from_ymd_opt(2026, 5, 17).unwrap());
        assert_eq!(q.to_string(), "2026Q2");
        assert_eq!(q.first_day(), NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert_eq!(q.end(), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert!(!q.released_by(NaiveDate::from_ymd_opt(2026, 9, 28).unwrap()));
        assert!(q.released_by(NaiveDate::from_ymd_opt(2026, 9, 29).unwrap()));
        assert_eq!(Quarter::parse("2025q4"), Some(Quarter { year: 2025, q: 4 }));
        assert_eq!(Quarter::of(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()).next().to_string(), "2026Q1");
        for bad in ["2026Q5", "2026", "Q1", "20x6Q1", "1200Q1"] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
    }
}
