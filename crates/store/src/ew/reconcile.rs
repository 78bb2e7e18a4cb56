//! How stored alerts become the engine's candidates: one planner for every backend, so they
//! cannot disagree on which alert is new, updated or withdrawn.
use tandem_domain::alert_engine::{AlertMethod, Candidate, Cell};

use super::AlertPlan;

/// An alert already stored, as reconciliation sees it.
#[derive(Debug, Clone)]
pub struct StoredAlertKey {
    pub id: String,
    pub cell: Cell,
    pub method: AlertMethod,
    pub status: String,
    pub observed: u32,
    pub statistic: Option<f64>,
    pub from_event_data: bool,
}

/// What to write so that the stored alerts in scope become the candidates: the same for every
/// backend, so they cannot disagree on which alert is new, updated or withdrawn.
#[derive(Debug, Default)]
pub struct ReconcilePlan<'a> {
    pub insert: Vec<&'a Candidate>,
    /// (stored id, candidate): figures changed; a withdrawn alert called for again reopens.
    pub update: Vec<(String, &'a Candidate)>,
    pub withdraw: Vec<String>,
}

impl ReconcilePlan<'_> {
    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty() && self.update.is_empty() && self.withdraw.is_empty()
    }
}

/// Whether a stored statistic is the one computed again: equal to 12 significant digits (to
/// within 10⁻¹² of each other below 1, where the EARS statistics mean nothing finer). Stored
/// figures come back through text (packed reads), and no engine's text is exact to the last bit
/// (SQLite's `quote` gives 15 digits when its own parser reads them back, one unit in the last
/// place away from what another parser finds), while a change that matters moves far more.
pub fn same_figure(stored: Option<f64>, computed: Option<f64>) -> bool {
    match (stored, computed) {
        (None, None) => true,
        (Some(a), Some(b)) => a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

pub fn plan_reconcile<'a>(existing: &[StoredAlertKey], plan: &AlertPlan<'a>) -> ReconcilePlan<'a> {
    use std::collections::{HashMap, HashSet};
    // Keys borrow the alerts' own text: a national run compares 321,000 alerts, and a cloned
    // key for each was most of the planner's time.
    type Key<'k> = (&'k str, &'k str, i64, AlertMethod);
    let (scope, candidates) = (plan.scope, plan.candidates);
    let method_ok = |m: AlertMethod| plan.only.is_none_or(|o| o == m);
    let in_scope = |area: &str, category: &str, week| {
        plan.category.is_none_or(|k| k == category)
            && scope.is_none_or(|s| {
                s.contains(&Cell { area: area.to_owned(), category: category.to_owned(), week })
            })
    };
    let stored: HashMap<Key, &StoredAlertKey> = existing
        .iter()
        .filter(|e| in_scope(&e.cell.area, &e.cell.category, e.cell.week) && method_ok(e.method))
        .map(|e| ((e.cell.area.as_str(), e.cell.category.as_str(), e.cell.week.0, e.method), e))
        .collect();
    let mut plan = ReconcilePlan::default();
    let mut wanted: HashSet<Key> = HashSet::with_capacity(candidates.len());
    for c in candidates.iter().filter(|c| in_scope(&c.area, &c.category, c.week) && method_ok(c.method)) {
        let key = (c.area.as_str(), c.category.as_str(), c.week.0, c.method);
        match stored.get(&key) {
            // Rewrite only what changed: most new reports leave most alerts as they were.
            Some(e)
                if e.status == "withdrawn"
                    || e.observed != c.observed
                    || !same_figure(e.statistic, c.statistic)
                    || e.from_event_data != c.from_event_data =>
            {
                plan.update.push((e.id.clone(), c))
            }
            Some(_) => {}
            None => plan.insert.push(c),
        }
        wanted.insert(key);
    }
    for (key, e) in &stored {
        if !wanted.contains(key) && e.status == "open" {
            plan.withdraw.push(e.id.clone());
        }
    }
    plan.withdraw.sort();
    plan
}

#[cfg(test)]
mod tests {
    use super::same_figure;

    #[test]
    fn a_figure_is_the_same_to_twelve_digits() {
        let x = 3.9236102592477202_f64;
        assert!(same_figure(Some(x), Some(f64::from_bits(x.to_bits() - 1))), "one unit in the last place");
        assert!(same_figure(Some(0.0), Some(1e-15)) && same_figure(None, None));
        assert!(!same_figure(Some(x), Some(x * (1.0 + 1e-9))), "a change in the ninth digit is a change");
        assert!(!same_figure(Some(x), None) && !same_figure(None, Some(0.0)));
        assert!(!same_figure(Some(f64::NAN), Some(f64::NAN)), "an undefined figure is never the same");
    }
}
