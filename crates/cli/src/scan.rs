//! The bulk path from an ACLED-style event file to weekly EARS alarms: the file is split at line
//! boundaries and parsed on every core straight into a count cube (area × category × week),
//! then each series is laid densely on the grid and tested with the domain's EARS functions, the
//! same ones the alert engine uses. Areas are found by the importer's rule (P-code first, then
//! the name within its parent). Used by `tandem bench analytics --fast`.
use std::collections::HashMap;
use std::time::Instant;

use chrono::NaiveDate;
use tandem_domain::area_match::AreaMatcher;
use tandem_domain::ears::{self, Method};
use tandem_domain::week::Week;

type Cube = HashMap<(u16, u8, i64), u32>;

const CATEGORIES: [&str; 5] = ["intercommunal_tension", "repression", "crime", "service_grievance", "skip"];

/// ACLED event type → index into CATEGORIES (4: skipped), None when unknown.
fn category(t: &[u8]) -> Option<u8> {
    Some(match t {
        b"Battles" | b"Riots" => 0,
        b"Violence against civilians" => 1,
        b"Explosions/Remote violence" => 2,
        b"Protests" => 3,
        b"Strategic developments" => 4,
        _ => return None,
    })
}

/// `YYYY-MM-DD` without allocation; other formats are not accepted on the bulk path.
fn week_of(d: &[u8]) -> Option<i64> {
    if d.len() != 10 || d[4] != b'-' || d[7] != b'-' {
        return None;
    }
    let num =
        |s: &[u8]| s.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32));
    let date = NaiveDate::from_ymd_opt(num(&d[..4])? as i32, num(&d[5..7])?, num(&d[8..10])?)?;
    Some(Week::of_date(date).0)
}

struct Columns {
    date: usize,
    kind: usize,
    admin1: usize,
    admin2: usize,
    pcode: Option<usize>,
}

/// The areas by the one matching rule (tandem_domain::area_match), each as a dense index.
struct Areas {
    matcher: AreaMatcher,
    index: HashMap<Vec<u8>, u16>,
}

impl Areas {
    fn of_code(&self, code: &str) -> Result<u16, String> {
        self.index.get(code.as_bytes()).copied().ok_or_else(|| format!("unknown area code {code}"))
    }
}

fn count_chunk(chunk: &[u8], cols: &Columns, areas: &Areas) -> Result<(Cube, usize), String> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(chunk);
    let mut rec = csv::ByteRecord::new();
    let mut cube = Cube::new();
    let mut n = 0;
    // Names resolved once per (admin2, admin1) pair: the matcher's answer, without a lookup
    // that allocates on every row.
    let mut named: HashMap<Vec<u8>, HashMap<Vec<u8>, u16>> = HashMap::new();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    while rdr.read_byte_record(&mut rec).map_err(|e| e.to_string())? {
        let cat = category(rec.get(cols.kind).unwrap_or(b"")).ok_or("unknown event type")?;
        if cat == 4 {
            continue;
        }
        let week = week_of(rec.get(cols.date).unwrap_or(b"")).ok_or("bad date")?;
        let pcode = cols.pcode.and_then(|i| rec.get(i)).unwrap_or(b"").trim_ascii();
        let area = if !pcode.is_empty() {
            match areas.index.get(pcode) {
                Some(a) => *a,
                None => return Err(format!("unknown area code {}", text(pcode))),
            }
        } else {
            let (a1, a2) = (rec.get(cols.admin1).unwrap_or(b""), rec.get(cols.admin2).unwrap_or(b""));
            match named.get(a2).and_then(|m| m.get(a1)) {
                Some(a) => *a,
                None => {
                    let code = areas.matcher.resolve("", &text(a1), &text(a2)).map_err(|e| e.to_string())?;
                    let a = areas.of_code(&code)?;
                    named.entry(a2.to_vec()).or_default().insert(a1.to_vec(), a);
                    a
                }
            }
        };
        *cube.entry((area, cat, week)).or_default() += 1;
        n += 1;
    }
    Ok((cube, n))
}

pub async fn run(file: &std::path::Path, settings: &crate::settings::Settings) -> anyhow::Result<()> {
    let store = crate::open_store(&settings.database_url).await?;
    let all = store.list_areas(false).await?;
    let areas = Areas {
        matcher: AreaMatcher::new(
            all.iter().map(|a| (a.code.as_str(), a.name.as_str(), a.parent_code.as_deref())),
        ),
        index: all.iter().enumerate().map(|(i, a)| (a.code.as_bytes().to_vec(), i as u16)).collect(),
    };
    let t0 = Instant::now();
    let data = std::fs::read(file)?;
    let t1 = Instant::now();
    let header_end = data.iter().position(|&b| b == b'\n').ok_or_else(|| anyhow::anyhow!("empty file"))?;
    let header: Vec<String> =
        String::from_utf8_lossy(&data[..header_end]).trim().split(',').map(|s| s.trim().to_owned()).collect();
    let col = |n: &str| {
        header.iter().position(|h| h == n).ok_or_else(|| anyhow::anyhow!("line 1, column {n}: missing"))
    };
    let cols = Columns {
        date: col("event_date")?,
        kind: col("event_type")?,
        admin1: col("admin1")?,
        admin2: col("admin2")?,
        pcode: col("admin2_pcode").or_else(|_| col("admin1_pcode")).ok(),
    };
    let body = &data[header_end + 1..];
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(1);
    // Split at line boundaries (quoted newlines are not expected in this format's data rows).
    let mut chunks = Vec::new();
    let mut start = 0;
    for i in 1..=threads {
        let mut end = if i == threads { body.len() } else { body.len() * i / threads };
        while end < body.len() && body[end - 1] != b'\n' {
            end += 1;
        }
        chunks.push(&body[start..end]);
        start = end;
    }
    let parts: Vec<Result<(Cube, usize), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks.iter().map(|c| s.spawn(|| count_chunk(c, &cols, &areas))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("a parser thread panicked".into())))
            .collect()
    });
    let mut cube = Cube::new();
    let mut events = 0;
    for p in parts {
        let (c, n) = p.map_err(anyhow::Error::msg)?;
        events += n;
        for (k, v) in c {
            *cube.entry(k).or_default() += v;
        }
    }
    let t2 = Instant::now();
    let start = cube.keys().map(|k| k.2).min().unwrap_or(0);
    let mut series: HashMap<(u16, u8), Vec<u32>> = HashMap::new();
    for ((a, c, w), n) in &cube {
        let s = series.entry((*a, *c)).or_default();
        let t = (w - start) as usize;
        if s.len() <= t {
            s.resize(t + 1, 0);
        }
        s[t] = *n;
    }
    let p = ears::EarsParams::default();
    let mut alarms = [0usize; 3];
    for s in series.values() {
        for t in 0..s.len() {
            if s[t] == 0 {
                continue;
            }
            for (i, m) in Method::ALL.iter().enumerate() {
                if ears::alarm(*m, s, t, &p).is_some() {
                    alarms[i] += 1;
                }
            }
        }
    }
    let t3 = Instant::now();
    println!(
        "tandem seconds {:.3} (read {:.3}, parse+count {:.3}, evaluate {:.3}) events {} cells {} c1 {} c2 {} c3 {} categories {}",
        (t3 - t0).as_secs_f64(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        events,
        cube.len(),
        alarms[0],
        alarms[1],
        alarms[2],
        CATEGORIES.len() - 1
    );
    Ok(())
}
