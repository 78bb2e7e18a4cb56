//! The bulk path from an ACLED-style event file to weekly EARS alarms: the file is read in blocks
//! of whole lines, parsed on every core while the next is read, straight into a count cube
//! (area × category × week), so memory holds a few blocks and the cube, never the file;
//! then each series is laid densely on the grid and tested with the domain's EARS functions, the
//! same ones the alert engine uses. Areas are found by the importer's rule (P-code first, then
//! the name within its parent). Used by `tandem bench analytics --fast`.
use std::collections::HashMap;
use std::time::Instant;

use chrono::NaiveDate;
use tandem_domain::area_match::AreaMatcher;
use tandem_domain::ears::{self, Method};
use tandem_domain::week::Week;

/// Counts by (area, category, week) packed in one integer: the cube of a national file has
/// 700,000 cells, and a key of 8 bytes halves what a tuple's 24 would weigh.
type Cube = HashMap<u64, u32>;

fn key(area: u16, category: u8, week: i64) -> u64 {
    (u64::from(area) << 40) | (u64::from(category) << 32) | u64::from(week as u32)
}

fn unkey(k: u64) -> (u16, u8, i64) {
    ((k >> 40) as u16, (k >> 32) as u8, i64::from(k as u32 as i32))
}

/// How much of the file is read at a time (cut back to its last whole line).
const BLOCK: usize = 1 << 20;

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

fn count_chunk(chunk: &[u8], cols: &Columns, areas: &Areas, cube: &mut Cube) -> Result<usize, String> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(chunk);
    let mut rec = csv::ByteRecord::new();
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
        *cube.entry(key(area, cat, week)).or_default() += 1;
        n += 1;
    }
    Ok(n)
}

/// Where the last whole record of `block` ends (just past its line end), if one does: a line
/// end inside a quoted field (an odd number of quotes before it; a quote within a field is
/// written doubled) does not end a record. `block` starts at a record's start.
fn last_line_end(block: &[u8]) -> Option<usize> {
    let mut quoted = false;
    let mut last = None;
    for (i, b) in block.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => last = Some(i + 1),
            _ => {}
        }
    }
    last
}

/// Reads `file` after its header line in blocks of whole records (about `size` bytes; a record
/// longer than that stays whole), sending each to the parsers; stops early when the parsers
/// have all gone (each stops at its first error). `carry` is what was read past the header.
fn read_blocks(
    mut file: impl std::io::Read,
    mut carry: Vec<u8>,
    size: usize,
    tx: &std::sync::mpsc::SyncSender<Vec<u8>>,
) -> std::io::Result<()> {
    loop {
        let mut block = std::mem::take(&mut carry);
        let have = block.len();
        block.resize(have + size, 0);
        let mut filled = have;
        while filled < block.len() {
            match file.read(&mut block[filled..])? {
                0 => break,
                n => filled += n,
            }
        }
        let eof = filled < block.len();
        block.truncate(filled);
        let end = match last_line_end(&block) {
            _ if eof => block.len(),
            Some(end) => end,
            // No record ends in it yet: read on.
            None => {
                carry = block;
                continue;
            }
        };
        carry = block.split_off(end);
        if !block.is_empty() && tx.send(block).is_err() {
            return Ok(());
        }
        if eof {
            return Ok(());
        }
    }
}

/// Alarms of each EARS method (C1, C2, C3) over every week with a count in `series`.
fn alarms_of(series: &[Vec<u32>]) -> [usize; 3] {
    let p = ears::EarsParams::default();
    let mut alarms = [0usize; 3];
    for s in series {
        for t in (0..s.len()).filter(|t| s[*t] > 0) {
            for (i, m) in Method::ALL.iter().enumerate() {
                if ears::alarm(*m, s, t, &p).is_some() {
                    alarms[i] += 1;
                }
            }
        }
    }
    alarms
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
    let mut f = std::fs::File::open(file)?;
    // The header, and what was read past it.
    let mut first = Vec::new();
    let header_end = loop {
        if let Some(i) = first.iter().position(|&b| b == b'\n') {
            break i;
        }
        let have = first.len();
        first.resize(have + 64 * 1024, 0);
        let n = std::io::Read::read(&mut f, &mut first[have..])?;
        first.truncate(have + n);
        if n == 0 {
            anyhow::bail!("line 1: no header (the file has no line end)");
        }
    };
    let header: Vec<String> = String::from_utf8_lossy(&first[..header_end])
        .trim()
        .split(',')
        .map(|s| s.trim().to_owned())
        .collect();
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
    let rest = first[header_end + 1..].to_vec();
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(1);
    // A block ends where a record does (never at a line end inside quotes).
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(threads);
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    let (parts, read) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (rx, cols, areas) = (rx.clone(), &cols, &areas);
                s.spawn(move || {
                    let (mut cube, mut n) = (Cube::new(), 0);
                    loop {
                        let block = match rx.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return Err("a parser thread panicked".to_owned()),
                        };
                        let Ok(block) = block else { return Ok((cube, n)) };
                        n += count_chunk(&block, cols, areas, &mut cube)?;
                    }
                })
            })
            .collect();
        // Only the parsers hold the receiver now: if they all stop, reading stops.
        drop(rx);
        let read = read_blocks(&mut f, rest, BLOCK, &tx);
        drop(tx);
        let parts: Vec<Result<(Cube, usize), String>> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("a parser thread panicked".into())))
            .collect();
        (parts, read)
    });
    let t1 = Instant::now();
    let mut cubes = Vec::with_capacity(parts.len());
    let mut events = 0;
    for p in parts {
        let (c, n) = p.map_err(anyhow::Error::msg)?;
        events += n;
        cubes.push(c);
    }
    read?;
    // Each parser's cube is laid on the grid of weeks and dropped in turn: never two copies
    // of the cube at once.
    let weeks = cubes.iter().flat_map(|c| c.keys().map(|k| unkey(*k).2));
    let (start, end) = weeks.fold((i64::MAX, i64::MIN), |(lo, hi), w| (lo.min(w), hi.max(w)));
    let span = if cubes.iter().all(|c| c.is_empty()) { 0 } else { (end - start + 1) as usize };
    let mut series: HashMap<(u16, u8), Vec<u32>> = HashMap::new();
    for cube in cubes {
        for (k, n) in cube {
            let (a, c, w) = unkey(k);
            series.entry((a, c)).or_insert_with(|| vec![0; span])[(w - start) as usize] += n;
        }
    }
    let cells: usize = series.values().map(|s| s.iter().filter(|n| **n > 0).count()).sum();
    let t2 = Instant::now();
    // The series are independent: tested on every core.
    let series: Vec<Vec<u32>> = series.into_values().collect();
    let per = series.len().div_ceil(threads).max(1);
    let alarms = std::thread::scope(|sc| {
        let handles: Vec<_> = series.chunks(per).map(|part| sc.spawn(move || alarms_of(part))).collect();
        handles.into_iter().try_fold([0usize; 3], |mut sum, h| {
            let part = h.join().map_err(|_| anyhow::anyhow!("an evaluating thread panicked"))?;
            for (s, p) in sum.iter_mut().zip(part) {
                *s += p;
            }
            anyhow::Ok(sum)
        })
    })?;
    let t3 = Instant::now();
    println!(
        "tandem seconds {:.3} (read+parse+count {:.3}, series {:.3}, evaluate {:.3}) events {} cells {} c1 {} c2 {} c3 {} categories {}",
        (t3 - t0).as_secs_f64(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        events,
        cells,
        alarms[0],
        alarms[1],
        alarms[2],
        CATEGORIES.len() - 1
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_at_line_ends_and_together_are_the_file() {
        let text = b"a,1\nbb,22\n\nccc,333\na line longer than any block here\nd,4".to_vec();
        for size in 1..=text.len() + 2 {
            for carried in [0, 3] {
                let (tx, rx) = std::sync::mpsc::sync_channel(1000);
                read_blocks(&text[carried..], text[..carried].to_vec(), size, &tx).unwrap();
                drop(tx);
                let blocks: Vec<Vec<u8>> = rx.iter().collect();
                assert_eq!(blocks.concat(), text, "size {size}");
                let (last, whole) = blocks.split_last().unwrap();
                assert!(whole.iter().all(|b| b.ends_with(b"\n")), "size {size}: {blocks:?}");
                assert!(!last.is_empty());
            }
        }
    }

    #[test]
    fn a_line_end_inside_quotes_ends_no_block() {
        let text = b"a,\"one\ntwo\",1\nb,\"say \"\"hi\"\"\n\",2\nc,x,3\n".to_vec();
        for size in 1..=text.len() + 2 {
            let (tx, rx) = std::sync::mpsc::sync_channel(1000);
            read_blocks(&text[..], vec![], size, &tx).unwrap();
            drop(tx);
            let blocks: Vec<Vec<u8>> = rx.iter().collect();
            assert_eq!(blocks.concat(), text);
            for b in &blocks {
                let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(&b[..]);
                assert!(rdr.records().all(|r| r.is_ok_and(|r| r.len() == 3)), "size {size}: {blocks:?}");
            }
        }
    }

    #[test]
    fn a_key_holds_its_area_category_and_week() {
        for (a, c, w) in [(0, 0, 0), (5_549, 3, 2_900), (u16::MAX, 4, -7)] {
            assert_eq!(unkey(key(a, c, w)), (a, c, w));
        }
    }
}
