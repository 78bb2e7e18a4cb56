//! Disclosure control for shared aggregates (docs/disclosure-control.md). A table of counts
//! (rows: areas, columns: categories, one table per ISO week) is published with its row, column
//! and grand totals. Primary suppression hides every entry with 0 < count < k; complementary
//! suppression then hides further entries until no hidden entry can be worked out exactly from
//! what is shown, by anyone who knows that counts are whole numbers ≥ 0.
//!
//! Whether a hidden entry is exact is decided by a flow feasibility test: fixing the entry to its
//! value ± 1, do non-negative whole numbers for the other hidden cells still exist that meet every
//! published total? If one exists, the entry is not determined. (Any other feasible table differs
//! from the true one by a sum of alternating cycles; one cycle through the entry already moves it
//! by exactly one, so ± 1 is the only step that needs testing.)

pub mod linked;

/// Counts in row-major order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<u32>,
}

/// What is published: `None` where suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub cells: Vec<Option<u32>>,
    pub row_totals: Vec<Option<u32>>,
    pub col_totals: Vec<Option<u32>>,
    pub total: Option<u32>,
}

/// One published entry of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entry {
    Cell(usize, usize),
    Row(usize),
    Col(usize),
    Total,
}

impl Table {
    pub fn new(rows: usize, cols: usize, cells: Vec<u32>) -> Self {
        debug_assert_eq!(cells.len(), rows * cols);
        Self { rows, cols, cells }
    }
    pub fn at(&self, r: usize, c: usize) -> u32 {
        self.cells[r * self.cols + c]
    }
    pub fn row_total(&self, r: usize) -> u32 {
        (0..self.cols).map(|c| self.at(r, c)).sum()
    }
    pub fn col_total(&self, c: usize) -> u32 {
        (0..self.rows).map(|r| self.at(r, c)).sum()
    }
    pub fn total(&self) -> u32 {
        self.cells.iter().sum()
    }
    pub fn value(&self, e: Entry) -> u32 {
        match e {
            Entry::Cell(r, c) => self.at(r, c),
            Entry::Row(r) => self.row_total(r),
            Entry::Col(c) => self.col_total(c),
            Entry::Total => self.total(),
        }
    }
}

impl Protected {
    pub fn get(&self, e: Entry, cols: usize) -> Option<u32> {
        match e {
            Entry::Cell(r, c) => self.cells[r * cols + c],
            Entry::Row(r) => self.row_totals[r],
            Entry::Col(c) => self.col_totals[c],
            Entry::Total => self.total,
        }
    }
    pub fn suppressed(&self) -> usize {
        let hidden = |v: &Option<u32>| v.is_none();
        self.cells.iter().filter(|v| hidden(v)).count()
            + self.row_totals.iter().filter(|v| hidden(v)).count()
            + self.col_totals.iter().filter(|v| hidden(v)).count()
            + usize::from(self.total.is_none())
    }
}

/// Which entries are hidden.
#[derive(Debug, Clone)]
struct Hidden {
    cells: Vec<bool>,
    rows: Vec<bool>,
    cols: Vec<bool>,
    total: bool,
}

impl Hidden {
    fn is(&self, e: Entry, cols: usize) -> bool {
        match e {
            Entry::Cell(r, c) => self.cells[r * cols + c],
            Entry::Row(r) => self.rows[r],
            Entry::Col(c) => self.cols[c],
            Entry::Total => self.total,
        }
    }
    fn set(&mut self, e: Entry, cols: usize) {
        match e {
            Entry::Cell(r, c) => self.cells[r * cols + c] = true,
            Entry::Row(r) => self.rows[r] = true,
            Entry::Col(c) => self.cols[c] = true,
            Entry::Total => self.total = true,
        }
    }
}

/// Publishes `t` with every entry below `k` (and above zero) hidden, and enough further entries
/// hidden that none of the hidden ones can be derived exactly.
pub fn protect(t: &Table, k: u32) -> Protected {
    // Rows and columns that are all zero are known exactly whatever is hidden and can shield
    // nothing much: work on the table without them and put them back as published zeros.
    let live_rows: Vec<usize> = (0..t.rows).filter(|&r| t.row_total(r) > 0).collect();
    let live_cols: Vec<usize> = (0..t.cols).filter(|&c| t.col_total(c) > 0).collect();
    let small = Table::new(
        live_rows.len(),
        live_cols.len(),
        live_rows.iter().flat_map(|&r| live_cols.iter().map(move |&c| t.at(r, c))).collect(),
    );
    let hidden = suppress(&small, k);
    let mut out = Protected {
        cells: t.cells.iter().map(|&v| Some(v)).collect(),
        row_totals: (0..t.rows).map(|r| Some(t.row_total(r))).collect(),
        col_totals: (0..t.cols).map(|c| Some(t.col_total(c))).collect(),
        total: (!hidden.total).then(|| t.total()),
    };
    for (i, &r) in live_rows.iter().enumerate() {
        if hidden.rows[i] {
            out.row_totals[r] = None;
        }
        for (j, &c) in live_cols.iter().enumerate() {
            if hidden.cells[i * small.cols + j] {
                out.cells[r * t.cols + c] = None;
            }
        }
    }
    for (j, &c) in live_cols.iter().enumerate() {
        if hidden.cols[j] {
            out.col_totals[c] = None;
        }
    }
    out
}

fn entries(t: &Table) -> impl Iterator<Item = Entry> + '_ {
    let cells = (0..t.rows).flat_map(move |r| (0..t.cols).map(move |c| Entry::Cell(r, c)));
    cells.chain((0..t.rows).map(Entry::Row)).chain((0..t.cols).map(Entry::Col)).chain([Entry::Total])
}

fn suppress(t: &Table, k: u32) -> Hidden {
    let primary = |v: u32| v > 0 && v < k;
    let mut h = Hidden {
        cells: t.cells.iter().map(|&v| primary(v)).collect(),
        rows: (0..t.rows).map(|r| primary(t.row_total(r))).collect(),
        cols: (0..t.cols).map(|c| primary(t.col_total(c))).collect(),
        total: primary(t.total()),
    };
    // A grand total below k means every non-zero entry is below k and hidden already: with no
    // non-zero total published, nothing hidden is bounded from above.
    if h.total {
        return h;
    }
    // Hiding more only removes constraints, so an entry once found not exact stays so: each
    // hidden entry is settled once, and complements join the queue as they are hidden.
    let mut queue: std::collections::VecDeque<Entry> = entries(t).filter(|&e| h.is(e, t.cols)).collect();
    while let Some(target) = queue.pop_front() {
        while exact(t, &h, target) {
            match complement(t, &h, target) {
                Some(more) => {
                    for e in more {
                        h.set(e, t.cols);
                        queue.push_back(e);
                    }
                }
                None => {
                    // Nothing left to hide but the grand total: hide everything non-zero.
                    for e in entries(t).collect::<Vec<_>>() {
                        if t.value(e) > 0 {
                            h.set(e, t.cols);
                        }
                    }
                    return h;
                }
            }
        }
    }
    h
}

/// The entries to hide next so that `target` stops being exact. The table is seen extended by
/// its totals (an extra row and column), and the target is made a corner of a rectangle whose
/// other three corners are hidden too: moving counts around the rectangle keeps every published
/// total, so the target can no longer be pinned down (the "hypercube" method for two-way tables).
/// Rectangles are tried cheapest first (the sum of what they would newly hide); the first that
/// frees the target wins, else the cheapest, and the caller looks again. Rectangles through the
/// grand total are not used: without it nothing would be left to read.
fn complement(t: &Table, h: &Hidden, target: Entry) -> Option<Vec<Entry>> {
    let (rr, cc) = (t.rows, t.cols);
    let at = |r: usize, c: usize| match (r == rr, c == cc) {
        (false, false) => Entry::Cell(r, c),
        (false, true) => Entry::Row(r),
        (true, false) => Entry::Col(c),
        (true, true) => Entry::Total,
    };
    let (a, b) = match target {
        Entry::Cell(r, c) => (r, c),
        Entry::Row(r) => (r, cc),
        Entry::Col(c) => (rr, c),
        Entry::Total => return None,
    };
    let mut rects: Vec<(u64, Vec<Entry>)> = Vec::new();
    for r in (0..=rr).filter(|&r| r != a) {
        for c in (0..=cc).filter(|&c| c != b) {
            let corners = [at(a, c), at(r, b), at(r, c)];
            if corners.contains(&Entry::Total) {
                continue;
            }
            let new: Vec<Entry> = corners.into_iter().filter(|&e| !h.is(e, t.cols)).collect();
            if new.is_empty() {
                continue;
            }
            let cost = new.iter().map(|&e| t.value(e) as u64).sum();
            rects.push((cost, new));
        }
    }
    rects.sort();
    // Trying every rectangle of a large table costs more than it saves: the cheapest few are
    // where a good complement is.
    rects.truncate(CANDIDATES);
    let frees = |new: &[Entry]| {
        let mut trial = h.clone();
        for &e in new {
            trial.set(e, t.cols);
        }
        !exact(t, &trial, target)
    };
    let pick = rects.iter().position(|(_, new)| frees(new)).unwrap_or(0);
    rects.into_iter().nth(pick).map(|(_, new)| new)
}

const CANDIDATES: usize = 16;

/// Whether hidden entry `e` is determined by what `h` leaves published.
fn exact(t: &Table, h: &Hidden, e: Entry) -> bool {
    let v = t.value(e);
    !(feasible(t, h, Some((e, v + 1))) || (v > 0 && feasible(t, h, Some((e, v - 1)))))
}

/// Whether non-negative whole numbers exist for the hidden cells that meet every published
/// total, with `fix` (a hidden entry and a value) imposed. The grand total is published here.
///
/// Published totals are equality constraints; rows whose totals are hidden are free apart from
/// their sum (grand total minus the published row totals), so they merge into one row node, and
/// likewise columns. Feasibility is then a transportation problem: a max-flow that saturates.
fn feasible(t: &Table, h: &Hidden, fix: Option<(Entry, u32)>) -> bool {
    let fixed_cell = match fix {
        Some((Entry::Cell(r, c), v)) => Some((r, c, v as i64)),
        _ => None,
    };
    let row_known = |r: usize| !h.rows[r] || fix.is_some_and(|(e, _)| e == Entry::Row(r));
    let col_known = |c: usize| !h.cols[c] || fix.is_some_and(|(e, _)| e == Entry::Col(c));
    let row_value = |r: usize| match fix {
        Some((Entry::Row(x), v)) if x == r => v as i64,
        _ => t.row_total(r) as i64,
    };
    let col_value = |c: usize| match fix {
        Some((Entry::Col(x), v)) if x == c => v as i64,
        _ => t.col_total(c) as i64,
    };
    // What the hidden cells (other than a fixed one) must add up to, overall and per known line.
    let is_free = |r: usize, c: usize| {
        h.cells[r * t.cols + c] && fixed_cell.is_none_or(|(fr, fc, _)| (fr, fc) != (r, c))
    };
    let shown = |r: usize, c: usize| if is_free(r, c) { 0 } else { cell_value(t, fixed_cell, r, c) };
    let grand = t.total() as i64
        - (0..t.rows).flat_map(|r| (0..t.cols).map(move |c| (r, c))).map(|(r, c)| shown(r, c)).sum::<i64>();

    // Node layout: 0 source, 1 sink, then one node per known row, the merged row, one per known
    // column, the merged column.
    let known_rows: Vec<usize> = (0..t.rows).filter(|&r| row_known(r)).collect();
    let known_cols: Vec<usize> = (0..t.cols).filter(|&c| col_known(c)).collect();
    let merged_row = 2 + known_rows.len();
    let first_col = merged_row + 1;
    let merged_col = first_col + known_cols.len();
    let n = merged_col + 1;
    let mut g = Flow::new(n);
    let mut supply_known = 0i64;
    for (i, &r) in known_rows.iter().enumerate() {
        let need = row_value(r) - (0..t.cols).map(|c| shown(r, c)).sum::<i64>();
        if need < 0 {
            return false;
        }
        supply_known += need;
        g.add(0, 2 + i, need);
    }
    let merged_supply = grand - supply_known;
    let mut demand_known = 0i64;
    for (j, &c) in known_cols.iter().enumerate() {
        let need = col_value(c) - (0..t.rows).map(|r| shown(r, c)).sum::<i64>();
        if need < 0 {
            return false;
        }
        demand_known += need;
        g.add(first_col + j, 1, need);
    }
    let merged_demand = grand - demand_known;
    if merged_supply < 0 || merged_demand < 0 || grand < 0 {
        return false;
    }
    g.add(0, merged_row, merged_supply);
    g.add(merged_col, 1, merged_demand);
    for r in 0..t.rows {
        for c in 0..t.cols {
            if is_free(r, c) {
                let from = known_rows.iter().position(|&x| x == r).map_or(merged_row, |i| 2 + i);
                let to = known_cols.iter().position(|&x| x == c).map_or(merged_col, |j| first_col + j);
                g.add(from, to, grand.max(0));
            }
        }
    }
    g.max_flow(0, 1) == grand
}

fn cell_value(t: &Table, fixed: Option<(usize, usize, i64)>, r: usize, c: usize) -> i64 {
    match fixed {
        Some((fr, fc, v)) if (fr, fc) == (r, c) => v,
        _ => t.at(r, c) as i64,
    }
}

/// A small max-flow (Dinic, adjacency lists): tables have tens of rows and a few columns, and
/// the graph has an edge per hidden cell, so it is sparse.
struct Flow {
    adj: Vec<Vec<usize>>,
    /// (to, remaining capacity); edge `i ^ 1` is the reverse of edge `i`.
    edges: Vec<(usize, i64)>,
}

impl Flow {
    fn new(n: usize) -> Self {
        Self { adj: vec![Vec::new(); n], edges: Vec::new() }
    }
    fn add(&mut self, from: usize, to: usize, cap: i64) {
        if cap <= 0 {
            return;
        }
        self.adj[from].push(self.edges.len());
        self.edges.push((to, cap));
        self.adj[to].push(self.edges.len());
        self.edges.push((from, 0));
    }
    fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let n = self.adj.len();
        let mut total = 0;
        loop {
            let mut level = vec![usize::MAX; n];
            level[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &e in &self.adj[u] {
                    let (v, cap) = self.edges[e];
                    if cap > 0 && level[v] == usize::MAX {
                        level[v] = level[u] + 1;
                        queue.push_back(v);
                    }
                }
            }
            if level[t] == usize::MAX {
                return total;
            }
            let mut next = vec![0usize; n];
            loop {
                let pushed = self.push(s, t, i64::MAX, &level, &mut next);
                if pushed == 0 {
                    break;
                }
                total += pushed;
            }
        }
    }
    /// Sends up to `limit` along shortest paths from `u` to `t` (iterative, no recursion depth).
    fn push(&mut self, s: usize, t: usize, limit: i64, level: &[usize], next: &mut [usize]) -> i64 {
        let mut path: Vec<usize> = Vec::new();
        let mut u = s;
        loop {
            if u == t {
                let amount = path.iter().map(|&e| self.edges[e].1).min().unwrap_or(limit).min(limit);
                for &e in &path {
                    self.edges[e].1 -= amount;
                    self.edges[e ^ 1].1 += amount;
                }
                return amount;
            }
            let mut advanced = false;
            while next[u] < self.adj[u].len() {
                let e = self.adj[u][next[u]];
                let (v, cap) = self.edges[e];
                if cap > 0 && level[v] == level[u] + 1 {
                    path.push(e);
                    u = v;
                    advanced = true;
                    break;
                }
                next[u] += 1;
            }
            if !advanced {
                // Dead end: retreat one step and skip the edge that led here.
                match path.pop() {
                    None => return 0,
                    Some(e) => {
                        u = self.edges[e ^ 1].0;
                        next[u] += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
