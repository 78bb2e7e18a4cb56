//! Survey estimates at the size the issue sets: 100,000 responses in 50 strata and 2,000
//! clusters, unequal weights, the share answering yes overall and by gender, by logit and by
//! beta, which must take under 0.5 s. Beside it, in the same run, R's `survey` package on the
//! same file (`svydesign` + `svyciprop`, timed inside R, reading the file not counted).
//! Run: `cargo bench -p tandem-domain --bench survey` (needs Debian's r-cran-survey; see
//! docs/benchmarks.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::Instant;

use tandem_domain::survey::{estimate, Design, Method};

fn main() {
    let mut seed = 42u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    // 2,000 clusters of 50 responses, 40 to a stratum.
    let mut rows = vec![];
    for c in 0..2_000usize {
        let level = 0.2 + 0.6 * next();
        for _ in 0..50 {
            let w = 0.5 + 3.0 * next();
            let yes = next() < level;
            let female = next() < 0.5;
            rows.push((format!("s{}", c / 40), format!("c{c}"), (w * 1000.0).round() / 1000.0, yes, female));
        }
    }
    let best = |runs: usize, f: &mut dyn FnMut()| {
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        best
    };
    let yes: Vec<bool> = rows.iter().map(|r| r.3).collect();
    let female: Vec<bool> = rows.iter().map(|r| r.4).collect();
    let male: Vec<bool> = female.iter().map(|f| !f).collect();
    let mut out = vec![];
    let tandem = best(5, &mut || {
        let d = Design::new(rows.iter().map(|r| (r.2, Some(r.0.as_str()), Some(r.1.as_str())))).unwrap();
        out.clear();
        for m in [Method::Logit, Method::Beta] {
            for g in [None, Some(&female[..]), Some(&male[..])] {
                out.push(estimate(&d, &yes, g, m).unwrap());
            }
        }
    });
    println!(
        "responses: {}; overall {:.4} (se {:.4}, deff {:.2})",
        rows.len(),
        out[0].proportion,
        out[0].se,
        out[0].design_effect
    );
    println!(
        "Tandem: the design and six estimates (overall, women, men; logit and beta): {:.1} ms",
        tandem * 1e3
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.csv");
    let mut csv = String::from("strata,cluster,weight,y,g\n");
    for r in &rows {
        writeln!(csv, "{},{},{},{},{}", r.0, r.1, r.2, u8::from(r.3), if r.4 { "female" } else { "male" })
            .unwrap();
    }
    std::fs::write(&path, csv).unwrap();
    let script = r#"
suppressMessages(library(survey))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
best <- Inf
for (i in 1:3) {
  t <- system.time({
    des <- svydesign(ids = ~cluster, strata = ~strata, weights = ~weight, nest = TRUE, data = d)
    for (m in c("logit", "beta")) {
      a <- svyciprop(~I(y == 1), des, method = m)
      for (val in c("female", "male")) b <- svyciprop(~I(y == 1), subset(des, g == val), method = m)
    }
  })[["elapsed"]]
  best <- min(best, t)
}
cat(sprintf("%.4f %.6f\n", best, as.numeric(a)))
"#;
    let r = std::process::Command::new("Rscript").arg("-e").arg(script).arg(&path).output();
    match r {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let mut it = text.split_whitespace();
            let secs: f64 = it.next().unwrap().parse().unwrap();
            let p: f64 = it.next().unwrap().parse().unwrap();
            println!("R survey, same file, same six estimates: {:.1} ms (its overall {p:.4})", secs * 1e3);
            println!("ratio: Tandem takes {:.3}× R's time", tandem / secs);
        }
        other => panic!("R survey did not run (install r-cran-survey): {other:?}"),
    }
}
