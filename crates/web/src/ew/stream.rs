//! Streaming imports: a file of any size read, parsed and stored in bounded memory, all or
//! nothing. A blocking thread reads the CSV row by row and turns rows into reports, a batch at a
//! time, while the store writes the batch before in one transaction (so both cores work); a bad
//! row stops it and nothing is kept. The alert engine then runs once on what the file touched.
use std::collections::BTreeSet;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::{NewReport, Reconciled, ReportBatch, Stopped, Store, FINISHED};

use super::alerts::{run_full, run_incremental, Change, FULL_RUN_ABOVE};
use super::config::EwConfig;
use super::csv_import::CsvError;
use crate::app_error::AppError;

/// Reports per batch: a few megabytes in flight, and a thousand-row statement five times over.
const BATCH: usize = 5_000;
/// Batches waiting for the store: the parser runs at most this far ahead.
const AHEAD: usize = 2;

/// A file format's rows to reports, one at a time.
pub trait RowParser: Send + 'static {
    /// Reads the header row: the columns the rows are read by.
    fn header(&mut self, headers: &csv::StringRecord) -> Result<(), CsvError>;
    /// One data row (`line` is the file's line): a report, or None for a row the format skips.
    fn row(&mut self, rec: &csv::StringRecord, line: u64) -> Result<Option<NewReport>, CsvError>;
}

/// Each row of `input` through `parser`, in order, handed to `each`; stops early when `each`
/// says false. The first bad row is the error.
pub fn each_row(
    input: impl Read,
    mut parser: impl RowParser,
    mut each: impl FnMut(Option<NewReport>) -> bool,
) -> Result<(), CsvError> {
    let bad = |line: u64, e: csv::Error| CsvError {
        line,
        column: "-".into(),
        message: format!("not valid CSV: {e}"),
    };
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = rdr.headers().map_err(|e| bad(1, e))?.clone();
    parser.header(&headers)?;
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = rec.position().map(|p| p.line()).unwrap_or(0);
                if !each(parser.row(&rec, line)?) {
                    return Ok(());
                }
            }
            Err(e) => return Err(bad(e.position().map(|p| p.line()).unwrap_or(0), e)),
        }
    }
}

/// How far an import has got, for a progress bar: rows read and bytes read.
#[derive(Debug, Default)]
pub struct Progress {
    pub rows: AtomicU64,
    pub bytes: AtomicU64,
}

/// A reader that adds what it reads to `Progress::bytes`.
struct Counted<R> {
    inner: R,
    progress: Arc<Progress>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The cells an import touched, as long as they are few enough for an incremental alert run.
#[derive(Default)]
struct Touched {
    cells: BTreeSet<(String, String, i64)>,
    many: bool,
}

impl Touched {
    fn note(&mut self, r: &NewReport) {
        if self.many {
            return;
        }
        let week = Week::of(r.occurred_at).0;
        self.cells.insert((r.area.as_str().to_owned(), r.category.as_str().to_owned(), week));
        if self.cells.len() > FULL_RUN_ABOVE {
            self.many = true;
            self.cells.clear();
        }
    }
}

/// Why a streaming import stopped; nothing was stored.
#[derive(Debug)]
pub enum StreamError {
    /// A row of the file, named by line and column.
    Bad(CsvError),
    App(AppError),
}

impl From<AppError> for StreamError {
    fn from(e: AppError) -> Self {
        StreamError::App(e)
    }
}

impl From<tandem_store::StoreError> for StreamError {
    fn from(e: tandem_store::StoreError) -> Self {
        StreamError::App(e.into())
    }
}

/// What an import stored, skipped, and changed in the alerts.
#[derive(Debug)]
pub struct Imported {
    pub stored: usize,
    pub skipped: usize,
    pub alerts: Reconciled,
}

/// Reads `input` through `parser` into `org`'s reports, all or nothing, then runs the alert
/// engine on what it touched (the full run when that is many cells).
pub async fn import(
    store: &dyn Store,
    cfg: &EwConfig,
    org: &OrgId,
    input: impl Read + Send + 'static,
    parser: impl RowParser,
    progress: Arc<Progress>,
) -> Result<Imported, StreamError> {
    let grid_before = store.week_bounds(org).await?.map(|b| b.0);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<ReportBatch>(AHEAD);
    let producer = tokio::task::spawn_blocking(move || {
        let input = Counted { inner: input, progress: progress.clone() };
        let (mut batch, mut touched, mut skipped) = (Vec::with_capacity(BATCH), Touched::default(), 0);
        let read = each_row(input, parser, |row| {
            progress.rows.fetch_add(1, Ordering::Relaxed);
            match row {
                Some(r) => {
                    touched.note(&r);
                    batch.push(r);
                }
                None => skipped += 1,
            }
            // A closed channel means the store gave up: stop reading.
            batch.len() < BATCH || tx.blocking_send(Ok(std::mem::take(&mut batch))).is_ok()
        });
        match read {
            Ok(()) => {
                if !batch.is_empty() {
                    let _ = tx.blocking_send(Ok(batch));
                }
                let _ = tx.blocking_send(FINISHED);
                Ok((skipped, touched))
            }
            Err(e) => {
                let _ = tx.blocking_send(Err(Stopped));
                Err(e)
            }
        }
    });
    let stored = store.import_reports(org, &mut rx).await;
    // Unblocks the reader if the store stopped first.
    drop(rx);
    let read = producer.await.map_err(|e| AppError::internal(format!("the import's reader stopped: {e}")))?;
    let (skipped, touched) = read.map_err(StreamError::Bad)?;
    let Some(stored) = stored? else {
        return Err(AppError::internal("the import stopped before the end of the file").into());
    };
    let alerts = if touched.many {
        run_full(store, cfg, org).await?
    } else {
        let changes: Vec<Change> = touched
            .cells
            .into_iter()
            .map(|(area, category, week)| Change { area, category, week: Week(week) })
            .collect();
        run_incremental(store, cfg, org, &changes, grid_before).await?
    };
    Ok(Imported { stored, skipped, alerts })
}
