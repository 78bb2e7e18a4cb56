//! Progress bars for long CLI work: drawn on a terminal, silent on a pipe so scripts read clean
//! output.
use indicatif::{ProgressBar, ProgressStyle};

pub fn bar(len: u64, what: &str) -> ProgressBar {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(len)
    } else {
        ProgressBar::hidden()
    };
    let style = ProgressStyle::with_template(&format!("{what} {{bar:40}} {{pos}}/{{len}} ({{eta}})"))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// A bar over a file's bytes for a streaming import, with the rows read and the speed, redrawn
/// from `progress` until the returned handle is dropped (silent off a terminal).
pub fn reading(
    total_bytes: u64,
    progress: std::sync::Arc<tandem_web::ew::stream::Progress>,
) -> (ProgressBar, tokio::task::JoinHandle<()>) {
    use std::sync::atomic::Ordering;
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(total_bytes)
    } else {
        ProgressBar::hidden()
    };
    let style =
        ProgressStyle::with_template("reading {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    let b = bar.clone();
    let tick = tokio::spawn(async move {
        loop {
            b.set_position(progress.bytes.load(Ordering::Relaxed));
            b.set_message(format!("{} rows", progress.rows.load(Ordering::Relaxed)));
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    });
    (bar, tick)
}
