//! Tandem's survey estimates beside R's `survey` package on generated designs: unequal weights,
//! strata of different sizes, clusters of different sizes, a domain that misses whole clusters,
//! one without strata and one without clusters. Proportions, standard errors, both intervals
//! and the design effect must agree to 1e-6. The test command installs Debian's `r-cran-survey`;
//! without `Rscript` this test fails and says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::process::Command;

use tandem_domain::survey::{estimate, Design, Method, SurveyError};

/// A response: weight, stratum, cluster, whether it says yes, its group.
type Row = (f64, Option<String>, Option<String>, bool, String);

/// A design, named for the file R reads.
struct Generated {
    name: &'static str,
    rows: Vec<Row>,
}

/// A small deterministic generator, so that R and Tandem read the same file on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn generate(
    name: &'static str,
    seed: u64,
    strata: usize,
    clusters: usize,
    per: usize,
    with_strata: bool,
    with_clusters: bool,
) -> Generated {
    let mut r = Lcg(seed);
    let mut rows = vec![];
    for h in 0..strata {
        // Strata of different sizes: the first has two clusters, the others more.
        let nc = if h == 0 && strata > 1 { 2 } else { clusters + h % 3 };
        for c in 0..nc {
            let m = 1 + (r.next() * per as f64) as usize;
            let level = 0.2 + 0.6 * r.next();
            for _ in 0..m {
                let weight = 0.5 + 4.0 * r.next() * (1.0 + h as f64 / 2.0);
                let yes = r.next() < level;
                // Women mostly in the even clusters, so that a domain misses some clusters.
                let group = if (c % 2 == 0 && r.next() < 0.8) || r.next() < 0.2 { "female" } else { "male" };
                rows.push((
                    (weight * 1000.0).round() / 1000.0,
                    with_strata.then(|| format!("s{h}")),
                    with_clusters.then(|| format!("c{c}")),
                    yes,
                    group.to_owned(),
                ));
            }
        }
    }
    Generated { name, rows }
}

fn csv(g: &Generated) -> String {
    let mut out = String::from("weight,strata,cluster,y,g\n");
    for (k, (w, s, c, y, grp)) in g.rows.iter().enumerate() {
        // R reads a design without strata as one stratum, without clusters as one per row.
        let s = s.clone().unwrap_or_else(|| "one".into());
        let c = c.clone().unwrap_or_else(|| format!("row{k}"));
        writeln!(out, "{w},{s},{c},{},{grp}", u8::from(*y)).unwrap();
    }
    out
}

fn tandem(g: &Generated, group: &str, method: Method) -> tandem_domain::survey::Estimate {
    let d = Design::new(g.rows.iter().map(|(w, s, c, _, _)| (*w, s.as_deref(), c.as_deref()))).unwrap();
    let yes: Vec<bool> = g.rows.iter().map(|r| r.3).collect();
    let mask: Vec<bool> = g.rows.iter().map(|r| r.4 == group).collect();
    estimate(&d, &yes, (group != "all").then_some(&mask[..]), method).unwrap()
}

#[test]
fn estimates_equal_r_survey_on_every_design() {
    let designs = [
        generate("stratified-clusters", 7, 6, 4, 40, true, true),
        generate("many-small-clusters", 11, 12, 9, 8, true, true),
        generate("clusters-only", 13, 1, 15, 20, false, true),
        generate("strata-only", 17, 5, 1, 60, true, false),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![];
    for g in &designs {
        let path = dir.path().join(format!("{}.csv", g.name));
        std::fs::write(&path, csv(g)).unwrap();
        files.push(path);
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/survey_estimate.R");
    let out = Command::new("Rscript").arg(script).args(&files).output().unwrap_or_else(|e| {
        panic!("Rscript could not run ({e}): install Debian's r-cran-survey (scripts/test does)")
    });
    assert!(out.status.success(), "R failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut compared = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').map(|x| x.trim_matches('"')).collect();
        let g = designs.iter().find(|g| format!("{}.csv", g.name) == f[0]).unwrap();
        let method = if f[2] == "beta" { Method::Beta } else { Method::Logit };
        let e = tandem(g, f[1], method);
        let num = |i: usize| f[i].parse::<f64>().unwrap_or_else(|_| panic!("R wrote {line}"));
        let what = format!("{} {} {}", f[0], f[1], f[2]);
        for (name, ours, theirs) in [
            ("proportion", e.proportion, num(3)),
            ("se", e.se, num(4)),
            ("ci_low", e.ci_low, num(5)),
            ("ci_high", e.ci_high, num(6)),
            ("design_effect", e.design_effect, num(7)),
        ] {
            assert!((ours - theirs).abs() < 1e-6, "{what} {name}: Tandem {ours}, R {theirs}");
        }
        assert_eq!(e.n as f64, num(8), "{what} n");
        compared += 1;
    }
    // Four designs, each overall and two groups, by two methods.
    assert_eq!(compared, 4 * 3 * 2, "{text}");
}

#[test]
fn a_stratum_with_one_cluster_is_refused_as_r_refuses_it() {
    let mut g = generate("lonely", 19, 3, 3, 10, true, true);
    g.rows.push((1.0, Some("alone".into()), Some("c0".into()), true, "female".into()));
    let d = Design::new(g.rows.iter().map(|(w, s, c, _, _)| (*w, s.as_deref(), c.as_deref()))).unwrap();
    let yes: Vec<bool> = g.rows.iter().map(|r| r.3).collect();
    assert_eq!(estimate(&d, &yes, None, Method::Logit), Err(SurveyError::LonelyPsu("alone".into())));
    // R's default, options(survey.lonely.psu = "fail"), stops on the same file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lonely.csv");
    std::fs::write(&path, csv(&g)).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/survey_estimate.R");
    let out = Command::new("Rscript").arg(script).arg(&path).output().expect("Rscript (r-cran-survey)");
    assert!(!out.status.success(), "R refuses it too");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has only one PSU"), "{err}");
}
