//! Civic-space incidents for the index: a country's verified threats and attacks against
//! civil-society staff and human-rights defenders per year, summed from the public statistics'
//! published cells only (the country's entry for each civic-space act, each quarter), so that the
//! index tells nobody more than those tables already do. A year is counted when at least
//! [`MIN_QUARTERS`] of its quarters are published and none of the entries it needs is hidden;
//! a part-year is annualised (× 4 / quarters), and says so.
use std::collections::BTreeMap;

use crate::violation_stats::{PublicCell, Quarter};

/// Fewer published quarters than this give no value for the year: one quarter is too little to
/// stand for twelve months.
pub const MIN_QUARTERS: usize = 2;

/// What a year's published quarters give.
#[derive(Debug, Clone, PartialEq)]
pub struct CivicYear {
    pub year: i32,
    /// The published quarters it is summed from, in order.
    pub quarters: Vec<Quarter>,
    /// The incidents in those quarters; None when an entry it needs is hidden.
    pub count: Option<u32>,
    /// The value for the index: the count, annualised for a part-year; None when the count is
    /// unknown or too few quarters are published.
    pub value: Option<f64>,
}

/// `published`: each released quarter with its public cells. `country`: the country area's code
/// as the cells name it. `acts`: the civic-space act slugs; an act with no column in a quarter's
/// table is not an act kind of the deployment and counts nothing.
pub fn yearly(published: &[(Quarter, &[PublicCell])], country: &str, acts: &[&str]) -> Vec<CivicYear> {
    let mut years: BTreeMap<i32, (Vec<Quarter>, Option<u32>)> = BTreeMap::new();
    for (q, cells) in published {
        let entries: Vec<&PublicCell> = cells
            .iter()
            .filter(|c| c.area == country && c.institution.is_none())
            .filter(|c| c.act.as_deref().is_some_and(|a| acts.contains(&a)))
            .collect();
        // Only the published entries count: one hidden entry leaves the quarter unknown.
        let count = entries.iter().try_fold(0u32, |sum, c| c.count.map(|n| sum + n));
        let y = years.entry(q.year).or_insert((vec![], Some(0)));
        y.0.push(*q);
        y.1 = y.1.zip(count).map(|(a, b)| a + b);
    }
    years
        .into_iter()
        .map(|(year, (mut quarters, count))| {
            quarters.sort();
            let n = quarters.len();
            let value = count.filter(|_| n >= MIN_QUARTERS).map(|c| f64::from(c) * 4.0 / n as f64);
            CivicYear { year, quarters, count, value }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(area: &str, act: Option<&str>, institution: Option<&str>, count: Option<u32>) -> PublicCell {
        PublicCell {
            area: area.into(),
            act: act.map(Into::into),
            institution: institution.map(Into::into),
            period: String::new(),
            count,
        }
    }

    fn q(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    const ACTS: [&str; 2] = ["threat_to_defender", "attack_on_defender"];

    #[test]
    fn years_sum_the_country_entries_of_civic_space_acts_and_annualise_part_years() {
        let q1 = [
            cell("MR", Some("threat_to_defender"), None, Some(6)),
            cell("MR", Some("attack_on_defender"), None, Some(0)),
            // Neither a region's entry, an institution kind's, another act nor the total counts.
            cell("MR01", Some("threat_to_defender"), None, Some(6)),
            cell("MR", Some("threat_to_defender"), Some("police"), Some(5)),
            cell("MR", Some("arbitrary_arrest"), None, Some(40)),
            cell("MR", None, None, Some(46)),
        ];
        let q2 = [
            cell("MR", Some("threat_to_defender"), None, Some(5)),
            cell("MR", Some("attack_on_defender"), None, Some(7)),
        ];
        let q4 = [cell("MR", Some("threat_to_defender"), None, Some(9))];
        let published = [(q("2025Q4"), &q4[..]), (q("2026Q1"), &q1[..]), (q("2026Q2"), &q2[..])];
        let got = yearly(&published, "MR", &ACTS);
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].year, got[0].count, got[0].value),
            (2025, Some(9), None),
            "one quarter is too few"
        );
        assert_eq!((got[1].year, got[1].count), (2026, Some(18)));
        assert_eq!(got[1].quarters, vec![q("2026Q1"), q("2026Q2")]);
        assert_eq!(got[1].value, Some(36.0), "18 in two quarters is 36 a year");
    }

    #[test]
    fn a_hidden_entry_leaves_its_year_unknown() {
        let q1 = [cell("MR", Some("threat_to_defender"), None, Some(8))];
        let q2 = [cell("MR", Some("threat_to_defender"), None, None)];
        let q3 = [cell("MR", Some("threat_to_defender"), None, Some(5))];
        let published = [(q("2026Q1"), &q1[..]), (q("2026Q2"), &q2[..]), (q("2026Q3"), &q3[..])];
        let got = yearly(&published, "MR", &ACTS);
        assert_eq!((got[0].count, got[0].value), (None, None));
        assert_eq!(got[0].quarters.len(), 3);
    }

    #[test]
    fn another_country_or_no_civic_space_act_counts_nothing() {
        let q1 = [cell("XX", Some("threat_to_defender"), None, Some(8))];
        let q2 = [cell("MR", Some("arbitrary_arrest"), None, Some(8))];
        let published = [(q("2026Q1"), &q1[..]), (q("2026Q2"), &q2[..])];
        let got = yearly(&published, "MR", &ACTS);
        assert_eq!((got[0].count, got[0].value), (Some(0), Some(0.0)));
    }
}
