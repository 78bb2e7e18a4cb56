//! Index methodology files (TOML): any text gives a methodology or an error naming its line and
//! field; a methodology that parses satisfies every rule the parser promises to enforce.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tandem_domain::index::methodology::Methodology;

fuzz_target!(|text: &str| {
    match Methodology::parse(text) {
        Ok(m) => {
            assert!((0.0..=1.0).contains(&m.min_coverage));
            assert!(!m.pillars.is_empty());
            for p in &m.pillars {
                assert!(p.weight.is_finite() && p.weight > 0.0, "pillar {} weight {}", p.id, p.weight);
                // Every parent exists and the chain ends: no cycle got through.
                let mut cur = p;
                for _ in 0..=m.pillars.len() {
                    let Some(parent) = &cur.parent else { break };
                    cur = m.pillars.iter().find(|q| &q.id == parent).expect("parent exists");
                }
                assert!(cur.parent.is_none(), "pillar {} is in a cycle", p.id);
            }
            for i in &m.indicators {
                assert!(m.pillars.iter().any(|p| p.id == i.pillar), "indicator {} has no pillar", i.id);
                assert!(i.weight.is_finite() && i.weight > 0.0, "indicator {} weight {}", i.id, i.weight);
                assert!(!i.source.trim().is_empty(), "indicator {} has no source", i.id);
            }
            assert!(m.top_pillars().count() > 0);
            for score in [0.0, 50.0, 100.0] {
                let _ = m.band(score);
            }
        }
        // Line 0 means the file as a whole; any other line is one the file has.
        Err(e) => assert!(
            e.line <= text.lines().count() + 1 && !e.field.is_empty() && !e.message.is_empty(),
            "{e:?}"
        ),
    }
});
