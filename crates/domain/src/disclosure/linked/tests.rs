//! Tests of linked-table suppression, and the attacker: everything every partner was given,
//! pooled, as linear constraints on the leaf cells (whole numbers ≥ 0 are relaxed to reals ≥ 0);
//! linear programming gives each hidden entry's range, and a range of a single value is a
//! disclosure. The attacker knows nothing of how suppression works: it is checked against the
//! per-table method the platform used before (which it breaks) and over random trees, counts and
//! agreements (which it must not).
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use proptest::prelude::*;

use super::*;
use crate::disclosure::{protect as protect_table, Entry, Table};

/// A tree of areas: (code, depth, parent code), parents first.
fn lineage_of(tree: &[(&str, u8, Option<&str>)], area: &str) -> Vec<(String, u8)> {
    let mut out = vec![];
    let mut at = Some(area);
    while let Some(a) = at {
        let (code, depth, parent) = tree.iter().find(|(c, _, _)| *c == a).copied().unwrap();
        out.push((code.to_owned(), depth));
        at = parent;
    }
    out.reverse();
    out
}

fn master(tree: &[(&str, u8, Option<&str>)], cats: usize, reports: &[(&str, usize, u32)], k: u32) -> Master {
    let categories = (0..cats).map(|c| format!("c{c}")).collect();
    let reports: Vec<_> = reports.iter().map(|(a, c, n)| (lineage_of(tree, a), *c, *n)).collect();
    Master::build(categories, &reports, k)
}

/// The leaf cells an entry sums: indices into `Master::counts`.
fn cells_of(m: &Master, (node, col): EntryId) -> Vec<usize> {
    let cats = m.categories.len();
    let leaves = m.leaves();
    let under = |leaf: usize| {
        let mut at = Some(leaf);
        while let Some(i) = at {
            if i == node {
                return true;
            }
            at = m.nodes[i].parent;
        }
        false
    };
    let mut out = vec![];
    for (li, &leaf) in leaves.iter().enumerate() {
        if under(leaf) {
            for c in 0..cats {
                if col == cats || col == c {
                    out.push(li * cats + c);
                }
            }
        }
    }
    out
}

/// What a reader holds: sums of leaf cells with their values.
type Facts = Vec<(Vec<usize>, f64)>;

fn facts(m: &Master, views: &[&View]) -> Facts {
    let mut out = vec![];
    for v in views {
        for (e, count) in v.cells.iter().chain(&v.totals) {
            if let Some(n) = count {
                out.push((cells_of(m, *e), f64::from(*n)));
            }
        }
    }
    out
}

/// The smallest and largest value `entry` can take given `facts`, by linear programming.
fn range(m: &Master, facts: &Facts, entry: EntryId) -> (f64, f64) {
    let target = cells_of(m, entry);
    let solve = |dir| {
        let mut p = Problem::new(dir);
        let vars: Vec<_> = (0..m.counts.len())
            .map(|i| p.add_var(if target.contains(&i) { 1.0 } else { 0.0 }, (0.0, f64::INFINITY)))
            .collect();
        for (cells, value) in facts {
            let expr: Vec<_> = cells.iter().map(|&i| (vars[i], 1.0)).collect();
            p.add_constraint(expr.as_slice(), ComparisonOp::Eq, *value);
        }
        match p.solve() {
            Ok(outcome) => match outcome.into_solution() {
                Ok(s) => s.objective(),
                Err(_) => panic!("the attacker's linear program was interrupted"),
            },
            Err(microlp::Error::Unbounded) => f64::INFINITY,
            Err(e) => panic!("the attacker's linear program failed: {e:?}"),
        }
    };
    (solve(OptimizationDirection::Minimize), solve(OptimizationDirection::Maximize))
}

/// Every entry of the master with 0 < count < k that `facts` pin to a single value.
fn disclosed(m: &Master, facts: &Facts, k: u32) -> Vec<(EntryId, u32, (f64, f64))> {
    let values = m.values();
    let w = m.categories.len() + 1;
    let mut out = vec![];
    for node in 0..m.nodes.len() {
        for col in 0..w {
            let v = values[node * w + col];
            if v == 0 || v >= k || cells_of(m, (node, col)).is_empty() {
                continue;
            }
            let (lo, hi) = range(m, facts, (node, col));
            if hi - lo < 0.5 {
                out.push(((node, col), v, (lo, hi)));
            }
        }
    }
    out
}

fn every(m: &Master) -> Vec<usize> {
    (0..m.categories.len()).collect()
}

/// A small deployment: one country, two admin1 areas, three admin2 areas.
const TREE: &[(&str, u8, Option<&str>)] = &[
    ("MR", 1, None),
    ("MR01", 2, Some("MR")),
    ("MR02", 2, Some("MR")),
    ("MR0101", 3, Some("MR01")),
    ("MR0102", 3, Some("MR01")),
    ("MR0201", 3, Some("MR02")),
];

#[test]
fn the_tree_holds_every_area_on_the_way_and_a_leaf_for_reports_filed_above_the_leaves() {
    let m = master(TREE, 2, &[("MR0101", 0, 4), ("MR01", 1, 2), ("MR0201", 0, 6)], 3);
    let areas: Vec<(&str, bool)> = m.nodes.iter().map(|n| (n.area.as_str(), n.own)).collect();
    assert_eq!(
        areas,
        vec![
            ("", false),
            ("MR", false),
            ("MR01", false),
            ("MR0101", false),
            ("MR02", false),
            ("MR0201", false),
            ("MR01", true)
        ]
    );
    let values = m.values();
    let at = |n: usize, c: usize| values[n * 3 + c];
    assert_eq!((at(0, 2), at(2, 2), at(2, 1), at(6, 1)), (12, 6, 2, 2));
    // An admin2 cut keeps MR01's own reports in a row of their own.
    let rows: Vec<(&str, bool)> =
        m.rows_at(3).into_iter().map(|r| (m.nodes[r].area.as_str(), m.nodes[r].own)).collect();
    assert_eq!(rows, vec![("MR0101", false), ("MR0201", false), ("MR01", true)]);
    let rows: Vec<&str> = m.rows_at(2).into_iter().map(|r| m.nodes[r].area.as_str()).collect();
    assert_eq!(rows, vec!["MR01", "MR02"]);
}

#[test]
fn nothing_small_nothing_hidden() {
    let m = master(TREE, 2, &[("MR0101", 0, 5), ("MR0102", 1, 7), ("MR0201", 0, 9)], 5);
    assert!(m.hidden().iter().all(|e| m.values()[e.0 * 3 + e.1] == 0), "only zeros may be hidden");
    let v = m.view(&ViewSpec { depth: 3, categories: every(&m), k: 5 }, &m.hidden());
    assert!(v.cells.iter().chain(&v.totals).all(|(_, c)| c.is_some()));
}

/// The finding: a partner with two agreements over the same data, one for every category and one
/// for a subset, subtracts one table's totals from the other's and recovers a count of 1 under
/// k = 3. The attacker must find that in the per-table method, and nothing in the linked one.
#[test]
fn two_cuts_of_one_week_break_per_table_suppression_but_not_the_master() {
    let tree: &[(&str, u8, Option<&str>)] =
        &[("MR", 1, None), ("MR01", 2, Some("MR")), ("MR02", 2, Some("MR"))];
    let reports =
        [("MR01", 0, 7), ("MR01", 1, 1), ("MR01", 2, 4), ("MR02", 0, 5), ("MR02", 1, 6), ("MR02", 2, 3)];
    let m = master(tree, 3, &reports, 3);
    let rows = m.rows_at(2);

    // Before: each agreement's table protected on its own (rows: areas, columns: its categories).
    let per_table = |cats: &[usize]| {
        let values = m.values();
        let values = &values;
        let cells: Vec<u32> =
            rows.iter().flat_map(|&r| cats.iter().map(move |&c| values[r * 4 + c])).collect();
        let t = Table::new(rows.len(), cats.len(), cells);
        let p = protect_table(&t, 3);
        let mut view = View { rows: rows.clone(), cells: vec![], totals: vec![] };
        for (ri, &r) in rows.iter().enumerate() {
            for (ci, &c) in cats.iter().enumerate() {
                view.cells.push(((r, c), p.get(Entry::Cell(ri, ci), cats.len())));
            }
        }
        (view, p, t)
    };
    let full_cats = [0, 1, 2];
    let part_cats = [0, 2];
    let (full, p_full, _) = per_table(&full_cats);
    let (part, p_part, _) = per_table(&part_cats);
    let mut f = facts(&m, &[&full, &part]);
    // Each table's totals, as its partner saw them: sums over that table's own categories.
    for (p, cats) in [(&p_full, &full_cats[..]), (&p_part, &part_cats[..])] {
        for (ri, &r) in rows.iter().enumerate() {
            if let Some(total) = p.row_totals[ri] {
                let cells: Vec<usize> = cats.iter().flat_map(|&c| cells_of(&m, (r, c))).collect();
                f.push((cells, f64::from(total)));
            }
        }
        for (ci, &c) in cats.iter().enumerate() {
            if let Some(total) = p.col_totals[ci] {
                f.push((cells_of(&m, (0, c)), f64::from(total)));
            }
        }
    }
    let leaks = disclosed(&m, &f, 3);
    assert!(leaks.iter().any(|(_, v, _)| *v == 1), "the attacker recovers the 1: {leaks:?}");

    // After: both cuts of one master.
    let hidden = m.hidden();
    let full = m.view(&ViewSpec { depth: 2, categories: vec![0, 1, 2], k: 3 }, &hidden);
    let part = m.view(&ViewSpec { depth: 2, categories: vec![0, 2], k: 3 }, &hidden);
    assert!(part.totals.iter().all(|((n, _), _)| *n == 0), "a subset's table has column totals only");
    assert_eq!(disclosed(&m, &facts(&m, &[&full, &part]), 3), vec![]);
}

#[test]
fn two_levels_pooled_do_not_tell_a_small_area() {
    // MR0101 has 2 reports: an admin1 partner sees MR01 = 9, an admin2 partner MR0102 = 7.
    let m = master(TREE, 1, &[("MR0101", 0, 2), ("MR0102", 0, 7), ("MR0201", 0, 8)], 5);
    let hidden = m.hidden();
    let coarse = m.view(&ViewSpec { depth: 2, categories: vec![0], k: 5 }, &hidden);
    let fine = m.view(&ViewSpec { depth: 3, categories: vec![0], k: 5 }, &hidden);
    assert_eq!(disclosed(&m, &facts(&m, &[&coarse, &fine]), 5), vec![]);
    let shown = |v: &View| v.cells.iter().chain(&v.totals).filter(|(_, c)| c.is_some()).count();
    assert!(shown(&coarse) + shown(&fine) > 0, "not everything is hidden");
}

#[test]
fn a_larger_k_hides_more_in_its_own_table_only() {
    let m = master(TREE, 2, &[("MR0101", 0, 4), ("MR0102", 0, 9), ("MR0201", 1, 12), ("MR0201", 0, 6)], 3);
    let hidden = m.hidden();
    let strict = m.view(&ViewSpec { depth: 3, categories: every(&m), k: 6 }, &hidden);
    assert!(strict.cells.iter().chain(&strict.totals).all(|(_, c)| c.is_none_or(|n| n == 0 || n >= 6)));
    assert_eq!(disclosed(&m, &facts(&m, &[&strict]), 6), vec![]);
    let lenient = m.view(&ViewSpec { depth: 3, categories: every(&m), k: 3 }, &hidden);
    let four = lenient.cells.iter().find(|((n, c), _)| m.nodes[*n].area == "MR0101" && *c == 0).unwrap();
    assert_eq!(four.1, Some(4), "k = 3 shows the 4 that k = 6 hides");
}

/// A random deployment: a country with up to three admin1 areas of up to three admin2 areas.
fn arb_tree() -> impl Strategy<Value = Vec<(String, u8, Option<String>)>> {
    proptest::collection::vec(0usize..=3, 1..=3).prop_map(|children| {
        let mut t = vec![("C".to_owned(), 1, None)];
        for (i, n) in children.iter().enumerate() {
            let a1 = format!("C{i}");
            t.push((a1.clone(), 2, Some("C".to_owned())));
            for j in 0..*n {
                t.push((format!("C{i}{j}"), 3, Some(a1.clone())));
            }
        }
        t
    })
}

/// A tree, a number of categories, reports (area index, category, count) and agreements (depth,
/// k, a bit mask of categories).
type Case = (Vec<(String, u8, Option<String>)>, usize, Vec<(usize, usize, u32)>, Vec<(u8, u32, u32)>);

fn arb_case() -> impl Strategy<Value = Case> {
    (arb_tree(), 1usize..=4).prop_flat_map(|(tree, cats)| {
        let n = tree.len();
        let reports = proptest::collection::vec((0..n, 0..cats, 1u32..=9), 1..=16);
        // Agreements: depth, k, and a bit mask of categories (0: every category).
        let agreements = proptest::collection::vec((1u8..=3, 3u32..=6, 0u32..8), 1..=3);
        (Just(tree), Just(cats), reports, agreements)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Pool every table of every agreement: no count below the smallest k is pinned down, no
    /// table shows a non-zero count below its own k, and none alone pins a count below its k.
    #[test]
    fn no_pooling_of_tables_pins_down_a_small_count((tree, cats, reports, agreements) in arb_case()) {
        let tree: Vec<(&str, u8, Option<&str>)> = tree.iter().map(|(c, d, p)| (c.as_str(), *d, p.as_deref())).collect();
        let reports: Vec<(&str, usize, u32)> = reports.iter().map(|(a, c, n)| (tree[*a].0, *c, *n)).collect();
        let k_min = agreements.iter().map(|a| a.1).min().unwrap_or(3);
        let m = master(&tree, cats, &reports, k_min);
        let hidden = m.hidden();
        let views: Vec<(View, u32)> = agreements
            .iter()
            .map(|&(depth, k, mask)| {
                let mut categories: Vec<usize> = (0..cats).filter(|c| mask & (1 << c) != 0).collect();
                if categories.is_empty() {
                    categories = (0..cats).collect();
                }
                (m.view(&ViewSpec { depth, categories, k }, &hidden), k)
            })
            .collect();
        let values = m.values();
        for (v, k) in &views {
            for ((n, c), count) in v.cells.iter().chain(&v.totals) {
                if let Some(x) = count {
                    prop_assert_eq!(*x, values[n * (cats + 1) + c], "a published count is true");
                    prop_assert!(*x == 0 || *x >= *k, "a table shows {} under its k = {}", x, k);
                }
            }
            prop_assert_eq!(disclosed(&m, &facts(&m, &[v]), *k), vec![], "one table alone");
        }
        let all: Vec<&View> = views.iter().map(|(v, _)| v).collect();
        prop_assert_eq!(disclosed(&m, &facts(&m, &all), k_min), vec![], "every table pooled");
    }
}

/// A random quarter of violations: `areas` admin1 areas of one country "C", three institution
/// kinds, three acts, and each (area, kind, act, count, org) placed (an area index of `areas` or
/// above is placed only at the country).
fn violation_case(
    areas: usize,
    placed: &[(usize, usize, usize, u32, usize)],
) -> (Vec<(String, String)>, Vec<crate::violation_stats::Placed>, Vec<String>) {
    use crate::violation::InstitutionKind;
    let admin1: Vec<(String, String)> = (0..areas).map(|i| ("C".to_owned(), format!("C{i}"))).collect();
    let kinds = [InstitutionKind::Police, InstitutionKind::Military, InstitutionKind::ArmedGroup];
    let placed = placed
        .iter()
        .map(|&(a, kind, act, count, org)| crate::violation_stats::Placed {
            org: format!("org{org}"),
            country: "C".into(),
            admin1: (a < areas).then(|| format!("C{a}")),
            kind: kinds[kind],
            act,
            count,
        })
        .collect();
    (admin1, placed, (0..3).map(|a| format!("act{a}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The public violation statistics (every cell of `violation_stats::cells`, as anyone can
    /// download them): no count below k shows, every shown count is true, and linear programming
    /// over everything published pins no hidden count below k.
    #[test]
    fn public_violation_cells_pin_down_no_small_count(
        areas in 1usize..=3,
        placed in proptest::collection::vec((0usize..=3, 0usize..3, 0usize..3, 1u32..=8, 0usize..3), 1..=14),
    ) {
        use crate::violation_stats::{cells, master as public_master, Placed, PUBLIC_K};
        let (admin1, placed, acts) = violation_case(areas, &placed);
        let m = public_master(acts.clone(), &admin1, &placed, PUBLIC_K);
        let published = cells(acts, &admin1, &placed, PUBLIC_K, "2026Q1", &Default::default());
        let values = m.values();
        let w = m.categories.len() + 1;
        // The cells as the master's entries, in the order `cells` lists them.
        let entries: Vec<EntryId> = (1..m.nodes.len())
            .filter(|&i| !m.nodes[i].own)
            .flat_map(|i| (0..w).map(move |c| (i, c)))
            .collect();
        prop_assert_eq!(entries.len(), published.len());
        let mut known: Facts = vec![];
        for (e, cell) in entries.iter().zip(&published) {
            if let Some(n) = cell.count {
                prop_assert_eq!(n, values[e.0 * w + e.1], "a published count is true");
                prop_assert!(n == 0 || n >= PUBLIC_K, "{} shows under k", n);
                known.push((cells_of(&m, *e), f64::from(n)));
            }
        }
        prop_assert_eq!(disclosed(&m, &known, PUBLIC_K), vec![], "everything published, pooled");
        // A coalition of organisations that takes its own violations away from everything
        // published learns no other's count from 1 to k − 1 either: every coalition of the three.
        for coalition in [&["org0"][..], &["org1"], &["org2"], &["org0", "org1"], &["org0", "org2"], &["org1", "org2"]] {
            let org = coalition.join("+");
            let own: Vec<Placed> = placed.iter().filter(|p| coalition.contains(&p.org.as_str())).cloned().collect();
            let mine = public_master(m.categories.clone(), &admin1, &own, PUBLIC_K);
            let mine_values = mine.values();
            let index: std::collections::HashMap<(&str, bool), usize> =
                mine.nodes.iter().enumerate().map(|(i, n)| ((n.area.as_str(), n.own), i)).collect();
            let rest: Vec<u32> = (0..m.nodes.len() * w)
                .map(|x| {
                    let (i, c) = (x / w, x % w);
                    let j = index[&(m.nodes[i].area.as_str(), m.nodes[i].own)];
                    values[x] - mine_values[j * w + c]
                })
                .collect();
            for (e, cell) in entries.iter().zip(&published) {
                if cell.count.is_some() {
                    let r = rest[e.0 * w + e.1];
                    prop_assert!(r == 0 || r >= PUBLIC_K, "{} learns {} at {:?}", org, r, e);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Violations shared under agreements (`protection::shared_violations`): one owner's quarter
    /// as the public statistics' master (admin1 × institution kind leaves, acts as columns, fixed
    /// cells), cut at the leaves. Every partner is shown the cut at the master's k; here cuts at
    /// several k are pooled, which is more than any partner gets: they pin down no count below
    /// the smallest k, and none shows a non-zero count below its own.
    #[test]
    fn shared_violation_tables_pooled_pin_down_no_small_count(
        areas in 1usize..=3,
        placed in proptest::collection::vec((0usize..=3, 0usize..3, 0usize..3, 1u32..=8), 1..=12),
        ks in proptest::collection::vec(3u32..=6, 1..=3),
    ) {
        use crate::violation_stats::master as violation_master;
        let placed: Vec<_> = placed.iter().map(|&(a, kind, act, count)| (a, kind, act, count, 0)).collect();
        let (admin1, placed, acts) = violation_case(areas, &placed);
        let k_min = ks.iter().copied().min().unwrap_or(3);
        let m = violation_master(acts, &admin1, &placed, k_min);
        let hidden = m.hidden();
        let views: Vec<(View, u32)> = ks
            .iter()
            .map(|&k| (m.view(&ViewSpec { depth: u8::MAX, categories: (0..3).collect(), k }, &hidden), k))
            .collect();
        let values = m.values();
        for (v, k) in &views {
            for ((n, c), count) in v.cells.iter().chain(&v.totals) {
                if let Some(x) = count {
                    prop_assert_eq!(*x, values[n * 4 + c], "a published count is true");
                    prop_assert!(*x == 0 || *x >= *k, "a table shows {} under its k = {}", x, k);
                }
            }
        }
        let all: Vec<&View> = views.iter().map(|(v, _)| v).collect();
        prop_assert_eq!(disclosed(&m, &facts(&m, &all), k_min), vec![], "every table pooled");
    }
}
