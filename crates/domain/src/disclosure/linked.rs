//! Linked-table disclosure control (docs/disclosure-control.md). Every table any partner is given
//! of one owner's week is a projection of one **master**: the owner's verified reports of that
//! week over the whole area tree (every level) × every category, with every total. One
//! suppression pattern is computed on the master, and each partner's table (an area level, some
//! categories, its own k) shows only entries the master publishes, hiding more where its own k
//! asks. Whatever tables partners pool, they hold only entries of the master, so what the master
//! leaves hidden stays hidden.
//!
//! The master's entries are the edges of a flow network: the "all categories" column is a tree
//! from the root down to the leaves, each category's column a tree from the leaves up to its
//! root, a leaf's cell an edge from the first into the second, and the grand total closes the
//! circulation. Published entries fix their edge's flow; any other table that matches everything
//! published differs from the true one by a circulation on hidden edges. So a hidden entry can be
//! worked out exactly if and only if no cycle of hidden edges passes through it (one that may
//! lower an edge only where its count is at least one): the test is a path search, and the
//! cheapest path, when there is none yet, names the entries to hide as complements.
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use serde::{Deserialize, Serialize};

/// One area of the tree (or the root), as a partner's table labels it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The area's code; the root's is empty.
    pub area: String,
    /// For a leaf that holds the reports filed at an area with children of its own ("MR01
    /// itself" beside MR0101 and MR0102), true.
    #[serde(default)]
    pub own: bool,
    /// 0 for the root, then the area level's depth (1 country, 2 admin1, ...).
    pub depth: u8,
    pub parent: Option<usize>,
}

/// The master of one owner's week, frozen when the week is released: the tree, the categories
/// and the count of every leaf cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Master {
    pub nodes: Vec<Node>,
    pub categories: Vec<String>,
    /// `counts[leaf_index * categories.len() + c]`, leaves in node order.
    pub counts: Vec<u32>,
    /// The smallest count published to anyone.
    pub k: u32,
}

/// Verified reports of a week: an area's chain from its country down to itself (each with its
/// depth), a category index, and how many reports were filed there in that category.
pub type Counted = (Vec<(String, u8)>, usize, u32);

/// An entry: a node and a column (`cats` is the "all categories" column).
pub type EntryId = (usize, usize);

/// A partner's cut of a master.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewSpec {
    /// The depth of the rows (areas at coarser depths keep their own rows).
    pub depth: u8,
    /// Column indices; every category when it holds all of them.
    pub categories: Vec<usize>,
    pub k: u32,
}

/// What one table publishes: each entry of the cut with its count, `None` where hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The rows: node indices, in tree order.
    pub rows: Vec<usize>,
    pub cells: Vec<(EntryId, Option<u32>)>,
    /// Row totals (only when the table has every category), column totals, the grand total
    /// (only with every category).
    pub totals: Vec<(EntryId, Option<u32>)>,
}

impl Master {
    /// The master of `reports`: (area code, category index, count) at the areas they were filed
    /// at, over the tree `lineage` gives (each area's chain from its country down to itself, with
    /// each area's depth).
    pub fn build(categories: Vec<String>, reports: &[Counted], k: u32) -> Self {
        let mut nodes = vec![Node { area: String::new(), own: false, depth: 0, parent: None }];
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        // Every area on the way to a report, parents first.
        for (lineage, _, _) in reports {
            let mut parent = 0;
            for (area, depth) in lineage {
                let i = *index.entry(area.clone()).or_insert_with(|| {
                    nodes.push(Node { area: area.clone(), own: false, depth: *depth, parent: Some(parent) });
                    nodes.len() - 1
                });
                parent = i;
            }
        }
        let has_children: Vec<bool> = {
            let mut v = vec![false; nodes.len()];
            for n in &nodes {
                if let Some(p) = n.parent {
                    v[p] = true;
                }
            }
            v
        };
        // Reports filed at an area that has children sit in a leaf of their own under it.
        let mut own: std::collections::HashMap<usize, usize> = Default::default();
        for (lineage, _, _) in reports {
            let Some((area, _)) = lineage.last() else { continue };
            let i = index[area];
            if has_children[i] && !own.contains_key(&i) {
                let depth = nodes[i].depth;
                nodes.push(Node { area: area.clone(), own: true, depth, parent: Some(i) });
                own.insert(i, nodes.len() - 1);
            }
        }
        let mut m = Master { nodes, categories, counts: vec![], k };
        let position: std::collections::HashMap<usize, usize> =
            m.leaves().into_iter().enumerate().map(|(li, node)| (node, li)).collect();
        let cats = m.categories.len();
        let mut counts = vec![0u32; position.len() * cats];
        for (lineage, c, n) in reports {
            let Some((area, _)) = lineage.last() else { continue };
            let node = own.get(&index[area]).copied().unwrap_or(index[area]);
            if let (Some(li), true) = (position.get(&node), *c < cats) {
                counts[li * cats + c] += n;
            }
        }
        m.counts = counts;
        m
    }

    fn children(&self) -> Vec<Vec<usize>> {
        let mut ch = vec![vec![]; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(p) = n.parent {
                ch[p].push(i);
            }
        }
        ch
    }

    /// The leaves, in node order.
    pub fn leaves(&self) -> Vec<usize> {
        let ch = self.children();
        (1..self.nodes.len()).filter(|&i| ch[i].is_empty()).collect()
    }

    /// Every entry's count: `values[node * (cats + 1) + col]`.
    pub fn values(&self) -> Vec<u32> {
        let cats = self.categories.len();
        let w = cats + 1;
        let mut v = vec![0u32; self.nodes.len() * w];
        for (li, &leaf) in self.leaves().iter().enumerate() {
            for c in 0..cats {
                let n = self.counts.get(li * cats + c).copied().unwrap_or(0);
                let mut at = Some(leaf);
                while let Some(i) = at {
                    v[i * w + c] += n;
                    v[i * w + cats] += n;
                    at = self.nodes[i].parent;
                }
            }
        }
        v
    }

    /// The entries the master hides (the pattern every cut starts from).
    pub fn hidden(&self) -> BTreeSet<EntryId> {
        self.hidden_with(&BTreeSet::new())
    }

    /// [`Master::hidden`] with more entries to protect as if they were small: for instance those
    /// one contributor could work out by taking its own share away (the dominance rule).
    pub fn hidden_with(&self, sensitive: &BTreeSet<EntryId>) -> BTreeSet<EntryId> {
        let net = Network::new(self);
        let all: Vec<EntryId> = net.entries().collect();
        protect_with(&net, &all, &BTreeSet::new(), self.k, sensitive)
    }

    /// The rows of a cut at `depth`: each leaf's ancestor at that depth, or the leaf itself where
    /// the leaf is coarser.
    pub fn rows_at(&self, depth: u8) -> Vec<usize> {
        let mut rows = BTreeSet::new();
        for leaf in self.leaves() {
            let mut at = leaf;
            while self.nodes[at].depth > depth || (self.nodes[at].own && self.nodes[at].depth == depth) {
                match self.nodes[at].parent {
                    Some(p) if p != 0 => at = p,
                    _ => break,
                }
            }
            rows.insert(at);
        }
        rows.into_iter().collect()
    }

    /// A partner's table. `master_hidden` is [`Master::hidden`] (computed once per week).
    pub fn view(&self, spec: &ViewSpec, master_hidden: &BTreeSet<EntryId>) -> View {
        let net = Network::new(self);
        let cats = self.categories.len();
        let every = spec.categories.len() == cats;
        let rows = self.rows_at(spec.depth);
        let mut cells: Vec<EntryId> = vec![];
        for &r in &rows {
            for &c in &spec.categories {
                cells.push((r, c));
            }
        }
        let mut totals: Vec<EntryId> = vec![];
        if every {
            totals.extend(rows.iter().map(|&r| (r, cats)));
        }
        totals.extend(spec.categories.iter().map(|&c| (0, c)));
        if every {
            totals.push((0, cats));
        }
        let in_view: BTreeSet<EntryId> = cells.iter().chain(&totals).copied().collect();
        // For this partner alone, everything outside its cut is unknown, and what the master hides
        // stays hidden.
        let unknown: BTreeSet<EntryId> =
            net.entries().filter(|e| !in_view.contains(e) || master_hidden.contains(e)).collect();
        // Every count below k is protected, whether the cut shows it or only lets it be summed
        // (an area above the cut's level is the sum of rows the cut shows).
        let all: Vec<EntryId> = net.entries().collect();
        let hidden = protect(&net, &all, &unknown, spec.k);
        let shown = |e: &EntryId| (*e, (!hidden.contains(e)).then(|| net.value(*e)));
        View { cells: cells.iter().map(shown).collect(), totals: totals.iter().map(shown).collect(), rows }
    }
}

/// The master's entries as edges between the nodes of the two kinds of trees.
struct Network {
    cats: usize,
    /// Per entry (node * (cats + 1) + col): (from, to, value), or None where the entry does not
    /// exist (a leaf's own "all categories" path exists; a category column at a leaf is its cell).
    edges: Vec<Option<(usize, usize, u32)>>,
    vertices: usize,
    /// Per vertex, the moves out of it: (to, entry index). Forwards along every edge; backwards
    /// only along edges whose count is at least one (a count cannot go below zero).
    moves: Vec<Vec<(usize, usize)>>,
}

impl Network {
    fn new(m: &Master) -> Self {
        let cats = m.categories.len();
        let w = cats + 1;
        let n = m.nodes.len();
        let ch = m.children();
        let values = m.values();
        // Vertices: A(i) = i (the "all" tree), C(i, c) = n + i * cats + c (category trees, at
        // internal nodes only, but numbered for all), and the sink t.
        let a = |i: usize| i;
        let cv = |i: usize, c: usize| n + i * cats + c;
        let t = n + n * cats;
        let mut edges = vec![None; n * w];
        for i in 0..n {
            let leaf = i != 0 && ch[i].is_empty();
            let parent = m.nodes[i].parent;
            // The "all categories" entry: the edge into A(i).
            edges[i * w + cats] = Some(match parent {
                Some(p) => (a(p), a(i), values[i * w + cats]),
                None => (t, a(i), values[i * w + cats]),
            });
            for c in 0..cats {
                let to = match parent {
                    Some(p) => cv(p, c),
                    None => t,
                };
                let from = if leaf { a(i) } else { cv(i, c) };
                edges[i * w + c] = Some((from, to, values[i * w + c]));
            }
        }
        let mut moves: Vec<Vec<(usize, usize)>> = vec![vec![]; t + 1];
        for (i, e) in edges.iter().enumerate() {
            let Some((from, to, value)) = *e else { continue };
            moves[from].push((to, i));
            if value >= 1 {
                moves[to].push((from, i));
            }
        }
        Network { cats, edges, vertices: t + 1, moves }
    }

    fn entries(&self) -> impl Iterator<Item = EntryId> + '_ {
        let w = self.cats + 1;
        self.edges.iter().enumerate().filter(|(_, e)| e.is_some()).map(move |(i, _)| (i / w, i % w))
    }

    fn id(&self, e: EntryId) -> usize {
        e.0 * (self.cats + 1) + e.1
    }

    fn value(&self, e: EntryId) -> u32 {
        self.edges.get(self.id(e)).copied().flatten().map_or(0, |x| x.2)
    }

    /// The cheapest way to give `target` a cycle of hidden edges, as the entries that would have
    /// to be hidden (empty when it already has one), or None when it cannot have any. Crossing
    /// an entry costs nothing when it is hidden, one more than its count when it is shown (so
    /// hiding a zero is cheap and hiding a large count dear); `never` entries are not crossed.
    fn cheapest_cycle(
        &self,
        target: EntryId,
        hidden: &BTreeSet<EntryId>,
        never: &BTreeSet<EntryId>,
    ) -> Option<Vec<EntryId>> {
        let (u, v, value) = self.edges.get(self.id(target)).copied().flatten()?;
        // Up one: a path back from v to u. Down one (only if it is at least one): from u to v.
        let up = self.path(v, u, target, hidden, never);
        let down = if value >= 1 { self.path(u, v, target, hidden, never) } else { None };
        match (up, down) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b.1 } else { a.1 }),
            (Some(a), None) | (None, Some(a)) => Some(a.1),
            (None, None) => None,
        }
    }

    /// Dijkstra from `from` to `to` without `skip`: an edge is crossed forwards (raised by one)
    /// at any count, backwards (lowered by one) only where its count is at least one.
    fn path(
        &self,
        from: usize,
        to: usize,
        skip: EntryId,
        hidden: &BTreeSet<EntryId>,
        never: &BTreeSet<EntryId>,
    ) -> Option<(u64, Vec<EntryId>)> {
        let w = self.cats + 1;
        let skip = self.id(skip);
        let mut dist = vec![u64::MAX; self.vertices];
        let mut via: Vec<Option<(usize, usize)>> = vec![None; self.vertices];
        let mut heap = BinaryHeap::new();
        dist[from] = 0;
        heap.push(Reverse((0u64, from)));
        while let Some(Reverse((d, x))) = heap.pop() {
            if d > dist[x] {
                continue;
            }
            if x == to {
                break;
            }
            for &(y, edge) in &self.moves[x] {
                let entry = (edge / w, edge % w);
                if edge == skip || never.contains(&entry) && !hidden.contains(&entry) {
                    continue;
                }
                let cost = if hidden.contains(&entry) {
                    0
                } else {
                    1 + u64::from(self.edges[edge].map_or(0, |e| e.2))
                };
                let nd = d + cost;
                if nd < dist[y] {
                    dist[y] = nd;
                    via[y] = Some((x, edge));
                    heap.push(Reverse((nd, y)));
                }
            }
        }
        if dist[to] == u64::MAX {
            return None;
        }
        let mut out = vec![];
        let mut at = to;
        while let Some((prev, edge)) = via[at] {
            let entry = (edge / w, edge % w);
            if !hidden.contains(&entry) {
                out.push(entry);
            }
            at = prev;
        }
        Some((dist[to], out))
    }
}

/// Hides, among `entries`, every one with 0 < count < k, then enough further entries that none of
/// those can be worked out exactly; `unknown` entries are hidden from the start (the reader in
/// question is not given them, but may still be able to sum them up). Returns every hidden entry.
fn protect(net: &Network, entries: &[EntryId], unknown: &BTreeSet<EntryId>, k: u32) -> BTreeSet<EntryId> {
    protect_with(net, entries, unknown, k, &BTreeSet::new())
}

fn protect_with(
    net: &Network,
    entries: &[EntryId],
    unknown: &BTreeSet<EntryId>,
    k: u32,
    sensitive: &BTreeSet<EntryId>,
) -> BTreeSet<EntryId> {
    let candidates = entries;
    let mut hidden = unknown.clone();
    let small: Vec<EntryId> = candidates
        .iter()
        .copied()
        .filter(|&e| (1..k).contains(&net.value(e)) || (sensitive.contains(&e) && net.value(e) > 0))
        .collect();
    hidden.extend(small.iter().copied());
    // The grand total is what partners most need; it is hidden only when nothing else will do.
    let grand: BTreeSet<EntryId> = [(0, net.cats)].into();
    for e in small {
        let path = net
            .cheapest_cycle(e, &hidden, &grand)
            .or_else(|| net.cheapest_cycle(e, &hidden, &BTreeSet::new()));
        match path {
            Some(more) => hidden.extend(more),
            // Nothing can move it: nothing non-zero may be shown.
            None => hidden.extend(candidates.iter().copied().filter(|&c| net.value(c) > 0)),
        }
    }
    hidden
}

#[cfg(test)]
mod tests;
