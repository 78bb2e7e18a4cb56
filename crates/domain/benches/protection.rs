//! What protection costs per report: sealing and opening a reporter's contact, scrubbing a
//! description for a partner, and suppressing a week's table of shared counts. Each figure is
//! set beside a baseline measured in the same run — SHA-256 of the same description, which every
//! audited write already pays — so the ratio survives this machine's noise.
//! Run: `cargo bench -p tandem-domain --bench protection` (see docs/benchmarks.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use sha2::{Digest, Sha256};
use tandem_domain::disclosure::linked::{Counted, Master, ViewSpec};
use tandem_domain::disclosure::{protect, Entry, Table};
use tandem_domain::scrub::Scrubber;
use tandem_domain::seal::{Binding, Keyring, Purpose};

/// A small deterministic generator, so every run sees the same inputs.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const GIVEN: &[&str] = &[
    "Amina", "Fatou", "Grace", "Aisha", "Mariam", "Ibrahim", "Joseph", "Halima", "Nadia", "Kofi", "Zainab",
    "Moussa", "Leila", "Yusuf", "Esther",
];
const FAMILY: &[&str] =
    &["Ndiaye", "Mbeki", "Okafor", "Diallo", "Haddad", "Mensah", "Toure", "Abdi", "Sow", "Bello", "Kamara"];
const SENTENCES: &[&str] = &[
    "Leaflets insulting a neighbouring community were posted near the market on Tuesday night.",
    "Des jeunes ont été approchés à la sortie de l'école par des hommes offrant de l'argent.",
    "تم تهديد النساء عند نقطة المياه مرة أخرى هذا الأسبوع، ويخشين العودة.",
    "Police stopped traders at the checkpoint and asked for 5,000 XAF each without a receipt.",
    "The health centre has been closed for three weeks; 45% of families walk 12 km for care.",
    "Families arriving from the north say their villages were attacked on 2026-11-02.",
    "Elders from both quarters met and agreed on sharing the water point in MR0101.",
];
const DETAILS: &[&str] = &[
    "Her brother can be reached on +237 677 12 34 56.",
    "Write to witness.one@mail.example for the photos.",
    "Le numéro de l'organisateur est le 06 12 34 56 78.",
    "See https://news.example/article?id=5521&ref=wa for the story.",
    "His ID card number is 123456789012.",
    "يمكن الاتصال بها على ٠٥٥١٢٣٤٥٦٧",
];

fn descriptions(rng: &mut Lcg, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let mut d = String::new();
            for _ in 0..(2 + rng.next() % 3) {
                d.push_str(rng.pick(SENTENCES));
                d.push(' ');
            }
            if rng.next().is_multiple_of(2) {
                d.push_str(&format!("{} {} said so. ", rng.pick(GIVEN), rng.pick(FAMILY)));
            }
            if rng.next().is_multiple_of(2) {
                d.push_str(rng.pick(DETAILS));
            }
            d
        })
        .collect()
}

/// Median over rounds of the time per item, in microseconds.
fn per_item(rounds: usize, items: usize, mut f: impl FnMut(usize)) -> f64 {
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for i in 0..items {
                f(i);
            }
            t.elapsed().as_secs_f64() * 1e6 / items as f64
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[rounds / 2]
}

fn main() {
    let mut rng = Lcg(2026);
    let texts = descriptions(&mut rng, 2000);
    let mean_len = texts.iter().map(|t| t.chars().count()).sum::<usize>() / texts.len();
    let contacts: Vec<String> =
        (0..2000).map(|i| format!("+237 6{:02} {:03} {:03}", i % 100, i % 1000, (i * 7) % 1000)).collect();
    let names50: Vec<String> = (0..50)
        .map(|i| format!("{} {}", GIVEN[i % GIVEN.len()], FAMILY[(i / GIVEN.len() + i) % FAMILY.len()]))
        .collect();
    let names200: Vec<String> = (0..200)
        .map(|i| format!("{} {}", GIVEN[i % GIVEN.len()], FAMILY[(i * 7 + i / 3) % FAMILY.len()]))
        .collect();
    let codes: Vec<String> =
        ["MR", "MR01", "MR02", "MR0101", "MR0102", "MR0201"].iter().map(|s| s.to_string()).collect();
    let keys = Keyring::generate("bench");
    let ids: Vec<String> = (0..2000).map(|i| format!("00000000-0000-4000-8000-{i:012}")).collect();
    let bind = |i: usize| Binding {
        purpose: Purpose::ReporterContact,
        org: "11111111-1111-4111-8111-111111111111",
        record: &ids[i],
    };
    let sealed: Vec<_> = (0..contacts.len()).map(|i| keys.seal(&contacts[i], &bind(i))).collect();
    let s50 = Scrubber::new(&names50, &codes);
    let s200 = Scrubber::new(&names200, &codes);
    let n = texts.len();

    let rounds = 9;
    let baseline = per_item(rounds, n, |i| {
        black_box(Sha256::digest(texts[i].as_bytes()));
    });
    let seal = per_item(rounds, n, |i| {
        black_box(keys.seal(&contacts[i], &bind(i)));
    });
    let open = per_item(rounds, n, |i| {
        black_box(keys.open(&sealed[i], &bind(i)).unwrap());
    });
    let scrub50 = per_item(rounds, n, |i| {
        black_box(s50.scrub(&texts[i]));
    });
    let scrub200 = per_item(rounds, n, |i| {
        black_box(s200.scrub(&texts[i]));
    });
    // Descriptions disguised as an attacker would (a zero-width space after every fifth
    // character, Cyrillic look-alikes): the normalisation path, not the ASCII fast path.
    let disguised: Vec<String> = texts
        .iter()
        .map(|t| {
            t.chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let c = match c {
                        'a' => '\u{430}',
                        'o' => '\u{43E}',
                        c => c,
                    };
                    std::iter::once(c).chain((i % 5 == 4).then_some('\u{200B}'))
                })
                .collect()
        })
        .collect();
    let scrub_disguised = per_item(rounds, n, |i| {
        black_box(s50.scrub(&disguised[i]));
    });
    // Photos from the field: sealed like contacts, against hashing the same bytes.
    let photos: Vec<Vec<u8>> =
        (0..20).map(|i| (0..1_000_000u32).map(|b| (b.wrapping_mul(31) ^ i) as u8).collect()).collect();
    let photo_bind = |i: usize| Binding {
        purpose: Purpose::Attachment,
        org: "11111111-1111-4111-8111-111111111111",
        record: &ids[i],
    };
    let hash_photo = per_item(5, photos.len(), |i| {
        black_box(Sha256::digest(&photos[i]));
    });
    let seal_photo = per_item(5, photos.len(), |i| {
        black_box(keys.seal_bytes(&photos[i], &photo_bind(i)));
    });
    // Weekly tables as partners see them: 12 districts × 9 categories, and 60 × 9.
    let tables = |rows: usize, rng: &mut Lcg| -> Vec<Table> {
        (0..200)
            .map(|_| {
                let cells = (0..rows * 9)
                    .map(|_| match rng.next() % 10 {
                        0..=5 => 0,
                        6 | 7 => (rng.next() % 4) as u32,
                        _ => (rng.next() % 20) as u32,
                    })
                    .collect();
                Table::new(rows, 9, cells)
            })
            .collect()
    };
    let t12 = tables(12, &mut rng);
    let t60 = tables(60, &mut rng);
    let protect12 = per_item(5, t12.len(), |i| {
        black_box(protect(&t12[i], 5));
    });
    let protect60 = per_item(3, t60.len(), |i| {
        black_box(protect(&t60[i], 5));
    });

    println!("inputs: {n} descriptions of {mean_len} characters on average (English, French, Arabic), 2,000 contacts");
    println!("| operation | µs per item | × SHA-256 of the description |");
    println!("|---|---:|---:|");
    println!("| baseline: SHA-256 of the description | {baseline:.2} | 1.0 |");
    for (what, us) in [
        ("seal a contact (XChaCha20-Poly1305, random nonce)", seal),
        ("open a contact", open),
        ("scrub a description, 50 protected names", scrub50),
        ("scrub a description, 200 protected names", scrub200),
        (
            "scrub a disguised description (zero-width spaces, Cyrillic look-alikes), 50 names",
            scrub_disguised,
        ),
    ] {
        println!("| {what} | {us:.2} | {:.1} |", us / baseline);
    }
    println!(
        "| suppress a week's table, 12 areas × 9 categories | {protect12:.1} | {:.0} |",
        protect12 / baseline
    );
    println!(
        "| suppress a week's table, 60 areas × 9 categories | {protect60:.1} | {:.0} |",
        protect60 / baseline
    );
    println!(
        "photos: sealing 1 MB takes {seal_photo:.0} µs, {:.1} × SHA-256 of the same bytes ({hash_photo:.0} µs)",
        seal_photo / hash_photo
    );
    // What suppression costs in information: non-zero cells below k (which must go) against all
    // non-zero cells hidden (those plus their complements).
    for (name, ts) in [("12 × 9", &t12), ("60 × 9", &t60)] {
        let (mut nonzero, mut small, mut hidden) = (0, 0, 0);
        for t in ts.iter() {
            let p = protect(t, 5);
            for (v, shown) in t.cells.iter().zip(&p.cells) {
                nonzero += usize::from(*v > 0);
                small += usize::from(*v > 0 && *v < 5);
                hidden += usize::from(*v > 0 && shown.is_none());
            }
        }
        println!(
            "{name}: of non-zero cells, {:.0}% are below k and {:.0}% are hidden (complements: {:.0} points)",
            100.0 * small as f64 / nonzero as f64,
            100.0 * hidden as f64 / nonzero as f64,
            100.0 * (hidden - small) as f64 / nonzero as f64
        );
    }

    linked(&mut rng);
}

/// Linked tables: the master of a week (a country, 4 admin1 areas of 3 admin2 areas each, 9
/// categories, counts at the admin2 areas drawn as above) and partners' cuts of it, beside the
/// per-table method on the same weeks: how long it takes, and how much more it hides.
fn linked(rng: &mut Lcg) {
    let categories: Vec<String> = (0..9).map(|c| format!("c{c}")).collect();
    let weeks: Vec<Vec<Counted>> = (0..100)
        .map(|_| {
            let mut reports = vec![];
            for a in 0..4 {
                for b in 0..3 {
                    for c in 0..9 {
                        let n = match rng.next() % 10 {
                            0..=5 => 0,
                            6 | 7 => (rng.next() % 4) as u32,
                            _ => (rng.next() % 20) as u32,
                        };
                        if n > 0 {
                            let lineage =
                                vec![("X".to_owned(), 1), (format!("X{a}"), 2), (format!("X{a}{b}"), 3)];
                            reports.push((lineage, c, n));
                        }
                    }
                }
            }
            reports
        })
        .collect();
    let masters: Vec<Master> = weeks.iter().map(|r| Master::build(categories.clone(), r, 5)).collect();
    let every: Vec<usize> = (0..9).collect();
    let spec = |depth| ViewSpec { depth, categories: every.clone(), k: 5 };
    let hidden: Vec<_> = masters.iter().map(|m| m.hidden()).collect();
    let master_us = per_item(3, masters.len(), |i| {
        black_box(masters[i].hidden());
    });
    let view_us = per_item(3, masters.len(), |i| {
        black_box(masters[i].view(&spec(3), &hidden[i]));
    });
    println!(
        "linked tables, 1 + 4 + 12 areas × 9 categories: master pattern {master_us:.0} µs a week, a partner's cut {view_us:.0} µs"
    );
    // Information: of the non-zero cells of an admin2 table, how many each method hides.
    let (mut nonzero, mut small, mut per_table, mut by_master, mut admin1_hidden, mut admin1_nonzero) =
        (0, 0, 0, 0, 0, 0);
    for (m, h) in masters.iter().zip(&hidden) {
        let values = m.values();
        let rows = m.rows_at(3);
        let vals = &values;
        let cells: Vec<u32> = rows.iter().flat_map(|&r| (0..9).map(move |c| vals[r * 10 + c])).collect();
        let t = Table::new(rows.len(), 9, cells);
        let p = protect(&t, 5);
        let v = m.view(&spec(3), h);
        for (ri, _) in rows.iter().enumerate() {
            for c in 0..9 {
                let x = t.at(ri, c);
                nonzero += usize::from(x > 0);
                small += usize::from(x > 0 && x < 5);
                per_table += usize::from(x > 0 && p.get(Entry::Cell(ri, c), 9).is_none());
                by_master += usize::from(x > 0 && v.cells[ri * 9 + c].1.is_none());
            }
        }
        for ((n, c), shown) in m.view(&spec(2), h).cells {
            let x = values[n * 10 + c];
            admin1_nonzero += usize::from(x > 0);
            admin1_hidden += usize::from(x > 0 && shown.is_none());
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b as f64;
    println!(
        "admin2 cut: of non-zero cells, {:.0}% are below k; hidden per table {:.0}%, from the linked master {:.0}%; admin1 cut from the same master hides {:.0}%",
        pct(small, nonzero),
        pct(per_table, nonzero),
        pct(by_master, nonzero),
        pct(admin1_hidden, admin1_nonzero)
    );
}
