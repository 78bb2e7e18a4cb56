//! Maps and charts drawn on the server as SVG: no tile server, no JavaScript, a few kilobytes, so
//! they work offline and on slow phones. Colours are presentation attributes (the content
//! security policy forbids inline styles), and every figure carries a text title for screen
//! readers.
use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;
use tandem_domain::geo::{bbox, label_point, project, svg_path, Polygon};

use crate::ew::geojson_import::polygons;

/// Sequential palette, light to dark (ColorBrewer "OrRd", 5 classes).
const PALETTE: [&str; 5] = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The classes of the alert map, by open alerts in an area: none, 1, 2, 3–4, 5 or more. Fixed
/// steps rather than a share of the maximum, so that a colour means the same on every visit
/// and the legend can say it in numbers.
const CLASSES: [(u32, Option<u32>); 5] = [(0, Some(0)), (1, Some(1)), (2, Some(2)), (3, Some(4)), (5, None)];

/// An area to draw: its code, its name and its GeoJSON geometry.
pub struct MapArea {
    pub code: String,
    pub name: String,
    pub geometry: String,
}

/// One numbered area of the map's key: the number drawn on the map, and what it stands for.
#[derive(Debug, Serialize)]
pub struct KeyEntry {
    pub n: usize,
    pub code: String,
    pub name: String,
    pub count: u32,
}

/// One colour of the legend: the range of counts it stands for and how many areas have it.
#[derive(Debug, Serialize)]
pub struct LegendClass {
    pub colour: &'static str,
    pub lo: u32,
    pub hi: Option<u32>,
    pub areas: usize,
}

/// A map that reads without hovering: each area with alerts carries a number, and the key
/// (HTML beside the map, in the page's language) names it with its count.
pub struct Choropleth {
    pub svg: String,
    pub key: Vec<KeyEntry>,
    pub legend: Vec<LegendClass>,
}

/// A number in a white disc at `at`: how a map names an area without hovering.
fn map_label(svg: &mut String, at: [f64; 2], n: u32) {
    let [x, y] = at;
    let _ = write!(
        svg,
        r##"<g class="map-label" data-key="{n}"><circle cx="{x:.1}" cy="{y:.1}" r="22" fill="#fff" stroke="#222" stroke-width="2"/><text x="{x:.1}" y="{:.1}" font-size="26" font-weight="bold" text-anchor="middle" fill="#111">{n}</text></g>"##,
        y + 9.0
    );
}

/// A choropleth of open alerts per area.
pub fn choropleth(areas: &[MapArea], counts: &HashMap<String, u32>, title: &str) -> Choropleth {
    draw(areas, &|code| Some(counts.get(code).copied().unwrap_or(0)), &CLASSES, title)
}

/// Steps of the public violation map: nothing below k ever shows, so none starts there.
const PUBLIC_CLASSES: [(u32, Option<u32>); 5] =
    [(0, Some(0)), (1, Some(9)), (10, Some(24)), (25, Some(49)), (50, None)];

/// Hidden areas' fill: grey, and named "hidden" in the legend (never coloured as a count).
pub const HIDDEN_FILL: &str = "#d0d0d0";

/// A map of suppressed counts: `None` is hidden, drawn grey and left out of the key and legend
/// steps (the page says how many areas are hidden).
pub fn suppressed_map(areas: &[MapArea], counts: &HashMap<String, Option<u32>>, title: &str) -> Choropleth {
    draw(areas, &|code| counts.get(code).copied().unwrap_or(Some(0)), &PUBLIC_CLASSES, title)
}

fn class_of(classes: &[(u32, Option<u32>); 5], n: u32) -> usize {
    classes.iter().rposition(|&(lo, _)| n >= lo).unwrap_or(0)
}

fn draw(
    areas: &[MapArea],
    value: &dyn Fn(&str) -> Option<u32>,
    classes: &[(u32, Option<u32>); 5],
    title: &str,
) -> Choropleth {
    let shapes: Vec<(&MapArea, Vec<Polygon>)> = areas
        .iter()
        .filter_map(|a| {
            let v: serde_json::Value = serde_json::from_str(&a.geometry).ok()?;
            Some((a, polygons(&v)?))
        })
        .collect();
    let count = |a: &MapArea| value(&a.code);
    let mut key: Vec<KeyEntry> = shapes
        .iter()
        .filter_map(|(a, _)| {
            let n = count(a).filter(|&n| n > 0)?;
            Some(KeyEntry { n: 0, code: a.code.clone(), name: a.name.clone(), count: n })
        })
        .collect();
    key.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    for (i, k) in key.iter_mut().enumerate() {
        k.n = i + 1;
    }
    let legend = classes
        .iter()
        .enumerate()
        .map(|(i, &(lo, hi))| LegendClass {
            colour: PALETTE[i],
            lo,
            hi,
            areas: shapes.iter().filter(|(a, _)| count(a).is_some_and(|n| class_of(classes, n) == i)).count(),
        })
        .collect();
    let all: Vec<Polygon> = shapes.iter().flat_map(|s| s.1.iter().cloned()).collect();
    let Some(b) = bbox(&all) else { return Choropleth { svg: String::new(), key, legend } };
    let (w, h) = (600.0, 600.0 * ((b[3] - b[1]) / (b[2] - b[0]).max(1e-9)).clamp(0.3, 1.5));
    let mut svg = format!(
        r#"<svg class="map" viewBox="0 0 {w:.0} {h:.0}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(title)
    );
    for (a, polys) in &shapes {
        let (fill, shown) = match count(a) {
            Some(n) => (PALETTE[class_of(classes, n)], n.to_string()),
            None => (HIDDEN_FILL, "—".to_owned()),
        };
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{}" stroke="#555" stroke-width="1" data-area="{}" data-count="{shown}"><title>{}: {shown}</title></path>"##,
            svg_path(polys, b, w, h),
            fill,
            esc(&a.code),
            esc(&a.name)
        );
    }
    // Numbers last, so that no neighbouring shape covers them.
    for (a, polys) in &shapes {
        let (Some(k), Some(p)) = (key.iter().find(|k| k.code == a.code), label_point(polys)) else {
            continue;
        };
        map_label(&mut svg, project(p, b, w, h), k.n as u32);
    }
    svg.push_str("</svg>");
    Choropleth { svg, key, legend }
}

/// A small line chart of weekly counts: a baseline, a dashed line at the busiest week labelled
/// with its count. The dates at either end are the page's to write, in its language.
pub fn sparkline(values: &[u32], title: &str) -> String {
    let (w, h, pad, left) = (300.0, 60.0, 4.0, 22.0);
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = if values.len() > 1 { (w - left - pad) / (values.len() - 1) as f64 } else { 0.0 };
    let top = pad + 4.0;
    let y = |v: f64| h - pad - (v / max) * (h - pad - top);
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", left + i as f64 * step, y(*v as f64)))
        .collect();
    format!(
        r##"<svg class="spark" viewBox="0 0 {w} {h}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><line x1="{left}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="#999"/><line x1="{left}" y1="{top}" x2="{x1}" y2="{top}" stroke="#bbb" stroke-dasharray="3 3"/><text x="{lx}" y="{ty:.1}" font-size="11" fill="#444" text-anchor="end">{m}</text><text x="{lx}" y="{by:.1}" font-size="11" fill="#444" text-anchor="end">0</text><polyline points="{p}" fill="none" stroke="#0b5d6b" stroke-width="2"/></svg>"##,
        t = esc(title),
        y0 = h - pad,
        x1 = w - pad,
        lx = left - 4.0,
        ty = top + 4.0,
        by = h - pad,
        p = points.join(" "),
        m = max as u32
    )
}

/// One bar of an estimate chart: its label, the share and its interval (0 to 1).
pub struct ShareBar<'a> {
    pub label: &'a str,
    pub share: f64,
    /// The interval, when there is one.
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Shares with their 95% intervals as horizontal bars on a 0–100% scale: the bar is the
/// estimate, the dark line across its end the interval, and each row says its numbers in text,
/// so nothing needs hovering.
pub fn share_bars(bars: &[ShareBar<'_>], title: &str) -> String {
    let (w, row, left, right, top) = (320.0, 40.0, 104.0, 24.0, 18.0);
    let h = top + row * bars.len() as f64 + 6.0;
    let x = |v: f64| left + v.clamp(0.0, 1.0) * (w - left - right);
    let mut body = String::new();
    for tick in [0.0, 0.5, 1.0] {
        body.push_str(&format!(
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{y2:.1}" stroke="#ccc"/><text x="{x:.1}" y="12" font-size="10" fill="#444" text-anchor="middle">{p}%</text>"##,
            x = x(tick),
            y2 = h - 6.0,
            p = (tick * 100.0) as u32
        ));
    }
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        body.push_str(&format!(
            r##"<text x="{lx:.1}" y="{ty:.1}" font-size="13" fill="#222" text-anchor="end">{label}</text><rect x="{x0:.1}" y="{by:.1}" width="{bw:.1}" height="12" fill="#7fb8c1"/>"##,
            lx = left - 6.0,
            ty = y + 11.0,
            label = esc(b.label),
            x0 = x(0.0),
            by = y + 2.0,
            bw = x(b.share) - x(0.0),
        ));
        let numbers = match b.low.zip(b.high) {
            Some((lo, hi)) => {
                body.push_str(&format!(
                    r##"<line x1="{l:.1}" y1="{cy:.1}" x2="{hh:.1}" y2="{cy:.1}" stroke="#0b3d45" stroke-width="2"/><line x1="{l:.1}" y1="{c0:.1}" x2="{l:.1}" y2="{c1:.1}" stroke="#0b3d45" stroke-width="2"/><line x1="{hh:.1}" y1="{c0:.1}" x2="{hh:.1}" y2="{c1:.1}" stroke="#0b3d45" stroke-width="2"/>"##,
                    l = x(lo),
                    hh = x(hi),
                    cy = y + 8.0,
                    c0 = y + 3.0,
                    c1 = y + 13.0,
                ));
                format!("{:.0}% ({:.0}–{:.0})", b.share * 100.0, lo * 100.0, hi * 100.0)
            }
            None => format!("{:.0}% (?)", b.share * 100.0),
        };
        body.push_str(&format!(
            r##"<text x="{lx:.1}" y="{ny:.1}" font-size="12" fill="#444" text-anchor="end">{numbers}</text>"##,
            lx = left - 6.0,
            ny = y + 27.0,
        ));
    }
    format!(
        r##"<svg class="shares" viewBox="0 0 {w} {h:.0}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>{body}</svg>"##,
        t = esc(title)
    )
}

/// One point of a trend: its value and, for an estimate, its interval.
pub struct TrendPoint {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// An indicator's trend: a line through its points, a shaded band where they carry an interval,
/// the target as a dashed line (its number written beside the chart), and the latest value written above its point, so
/// that it reads without hovering (the table under it has every number). `top` is the scale's
/// top (100 for a percentage). Time runs left to right in every language.
pub fn indicator_trend(points: &[TrendPoint], top: f64, target: Option<f64>, title: &str) -> String {
    let (w, h, left, right, pad) = (320.0, 150.0, 34.0, 40.0, 18.0);
    let top = points
        .iter()
        .map(|p| p.high.unwrap_or(p.value).max(p.value))
        .chain(target)
        .fold(top, f64::max)
        .max(1.0);
    let n = points.len().max(1);
    let x = |i: usize| {
        if n == 1 {
            (left + w - right) / 2.0
        } else {
            left + i as f64 * (w - left - right) / (n - 1) as f64
        }
    };
    let y = |v: f64| h - pad - (v.clamp(0.0, top) / top) * (h - 2.0 * pad);
    let mut body = format!(
        r##"<line x1="{left}" y1="{b:.1}" x2="{r:.1}" y2="{b:.1}" stroke="#999"/><text x="{lx:.1}" y="{b:.1}" font-size="11" fill="#444" text-anchor="end">0</text><text x="{lx:.1}" y="{t:.1}" font-size="11" fill="#444" text-anchor="end">{top}</text>"##,
        b = y(0.0),
        r = w - right,
        lx = left - 4.0,
        t = y(top) + 4.0,
        top = fmt_num(top)
    );
    let banded: Vec<(usize, f64, f64)> =
        points.iter().enumerate().filter_map(|(i, p)| Some((i, p.low?, p.high?))).collect();
    if banded.len() > 1 {
        let upper: Vec<String> =
            banded.iter().map(|(i, _, hi)| format!("{:.1},{:.1}", x(*i), y(*hi))).collect();
        let lower: Vec<String> =
            banded.iter().rev().map(|(i, lo, _)| format!("{:.1},{:.1}", x(*i), y(*lo))).collect();
        body.push_str(&format!(
            r##"<polygon points="{} {}" fill="#b9dbe0" stroke="none"/>"##,
            upper.join(" "),
            lower.join(" ")
        ));
    }
    for (i, lo, hi) in &banded {
        body.push_str(&format!(
            r##"<line x1="{x:.1}" y1="{a:.1}" x2="{x:.1}" y2="{b:.1}" stroke="#0b3d45" stroke-width="2"/>"##,
            x = x(*i),
            a = y(*lo),
            b = y(*hi)
        ));
    }
    // The target as a dashed line; its number is written beside the chart, where nothing can
    // sit on it.
    if let Some(t) = target {
        body.push_str(&format!(
            r##"<line x1="{left}" y1="{ty:.1}" x2="{r:.1}" y2="{ty:.1}" stroke="#b35806" stroke-dasharray="4 3"/>"##,
            ty = y(t),
            r = w - right,
        ));
    }
    let line: Vec<String> =
        points.iter().enumerate().map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.value))).collect();
    if points.len() > 1 {
        body.push_str(&format!(
            r##"<polyline points="{}" fill="none" stroke="#0b5d6b" stroke-width="2"/>"##,
            line.join(" ")
        ));
    }
    for (i, p) in points.iter().enumerate() {
        body.push_str(&format!(
            r##"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="#0b5d6b"/>"##,
            x(i),
            y(p.value)
        ));
    }
    // The latest value, written above its point (the table has the others).
    if let Some(i) = points.len().checked_sub(1) {
        if let Some(p) = points.get(i) {
            body.push_str(&format!(
                r##"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="#0b3d45" text-anchor="middle">{}</text>"##,
                x(i),
                (y(p.high.unwrap_or(p.value).max(p.value)) - 9.0).max(13.0),
                fmt_num(p.value)
            ));
        }
    }
    format!(
        r##"<svg class="spark trend" viewBox="0 0 {w} {h}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>{body}</svg>"##,
        t = esc(title)
    )
}

/// A number as a chart writes it: whole when it is, else one decimal.
pub fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 0.05 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Green, light to dark, for index scores (higher is better); grey for no score.
const SCORE_PALETTE: [&str; 5] = ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"];
const NO_DATA: &str = "#d9d9d9";

/// One colour of the score map's legend: scores from `lo` to `hi`, and how many countries.
#[derive(Debug, Serialize)]
pub struct ScoreClass {
    pub colour: &'static str,
    pub lo: u32,
    pub hi: u32,
    pub countries: usize,
}

/// The score map and its legend; each country with a rank carries it, so that the table below
/// is the map's key.
pub struct ScoreMap {
    pub svg: String,
    pub legend: Vec<ScoreClass>,
    /// Countries drawn without a score (grey).
    pub unscored: usize,
}

/// A map of index scores (0–100) over countries given as (code, name, GeoJSON geometry), in five
/// classes of 20 points, each ranked country numbered with its rank.
pub fn score_map(
    areas: &[(String, String, String)],
    scores: &HashMap<String, f64>,
    ranks: &HashMap<String, u32>,
    title: &str,
    no_data: &str,
) -> ScoreMap {
    let shapes: Vec<(&str, &str, Vec<Polygon>)> = areas
        .iter()
        .filter_map(|(code, name, g)| {
            let v: serde_json::Value = serde_json::from_str(g).ok()?;
            Some((code.as_str(), name.as_str(), polygons(&v)?))
        })
        .collect();
    let class = |s: f64| ((s / 20.0).floor() as usize).min(4);
    let legend = SCORE_PALETTE
        .iter()
        .enumerate()
        .map(|(i, &colour)| ScoreClass {
            colour,
            lo: i as u32 * 20,
            hi: i as u32 * 20 + 20,
            countries: shapes.iter().filter(|s| scores.get(s.0).is_some_and(|v| class(*v) == i)).count(),
        })
        .collect();
    let unscored = shapes.iter().filter(|s| !scores.contains_key(s.0)).count();
    let all: Vec<Polygon> = shapes.iter().flat_map(|s| s.2.iter().cloned()).collect();
    let Some(b) = bbox(&all) else { return ScoreMap { svg: String::new(), legend, unscored } };
    let (w, h) = (600.0, 600.0 * ((b[3] - b[1]) / (b[2] - b[0]).max(1e-9)).clamp(0.3, 1.5));
    let mut svg = format!(
        r#"<svg class="map" viewBox="0 0 {w:.0} {h:.0}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(title)
    );
    for (code, name, polys) in &shapes {
        let (fill, label) = match scores.get(*code) {
            Some(s) => (SCORE_PALETTE[class(*s)], format!("{s:.1}")),
            None => (NO_DATA, no_data.to_owned()),
        };
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{fill}" stroke="#555" stroke-width="1" data-country="{}"><title>{}: {}</title></path>"##,
            svg_path(polys, b, w, h),
            esc(code),
            esc(name),
            esc(&label)
        );
    }
    for (code, _, polys) in &shapes {
        let (Some(rank), Some(p)) = (ranks.get(*code), label_point(polys)) else { continue };
        map_label(&mut svg, project(p, b, w, h), *rank);
    }
    svg.push_str("</svg>");
    ScoreMap { svg, legend, unscored }
}

/// One row of the rank-interval chart: name, rank, and the 5–95% interval of the sensitivity
/// analysis.
pub struct RankRow<'a> {
    pub name: &'a str,
    pub rank: u32,
    pub p5: u32,
    pub p95: u32,
}

/// Ranks with their uncertainty: a line from the 5th to the 95th percentile rank, a dot at the
/// rank itself, best first.
pub fn rank_intervals(rows: &[RankRow], n: u32, title: &str) -> String {
    let (left, right, row_h, top) = (150.0, 20.0, 18.0, 24.0);
    let w = 600.0;
    let h = top + row_h * rows.len() as f64 + 10.0;
    let n = n.max(1) as f64;
    let x = |r: u32| left + (w - left - right) * (r as f64 - 1.0) / (n - 1.0).max(1.0);
    let mut svg = format!(
        r##"<svg class="chart" viewBox="0 0 {w} {h:.0}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><text x="{left}" y="14" font-size="11" fill="#555">1</text><text x="{:.0}" y="14" font-size="11" fill="#555" text-anchor="end">{n}</text>"##,
        w - right,
        t = esc(title)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * i as f64 + row_h / 2.0;
        let _ = write!(
            svg,
            r##"<text x="{:.0}" y="{:.1}" font-size="12" fill="#333" text-anchor="end">{}</text><line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#0b5d6b" stroke-width="3"/><circle cx="{:.1}" cy="{y:.1}" r="4" fill="#fff" stroke="#0b5d6b" stroke-width="2"><title>{}: {} ({}–{})</title></circle>"##,
            left - 8.0,
            y + 4.0,
            esc(r.name),
            x(r.p5),
            x(r.p95).max(x(r.p5) + 1.0),
            x(r.rank),
            esc(r.name),
            r.rank,
            r.p5,
            r.p95
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Scores (0–100) across editions, each point labelled with its edition.
pub fn trend(points: &[(String, Option<f64>)], title: &str) -> String {
    let (w, h, pad) = (600.0, 160.0, 30.0);
    let step = if points.len() > 1 { (w - 2.0 * pad) / (points.len() - 1) as f64 } else { 0.0 };
    let y = |v: f64| h - pad - (v / 100.0) * (h - 2.0 * pad);
    let mut svg = format!(
        r##"<svg class="chart" viewBox="0 0 {w} {h}" direction="ltr" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><line x1="{pad}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#ccc"/><text x="2" y="{:.1}" font-size="10" fill="#555">0</text><text x="2" y="{:.1}" font-size="10" fill="#555">100</text>"##,
        y(0.0),
        w - pad,
        y(0.0),
        y(0.0),
        y(100.0) + 4.0,
        t = esc(title)
    );
    let pts: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| format!("{:.1},{:.1}", pad + i as f64 * step, y(v))))
        .collect();
    let _ = write!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="#0b5d6b" stroke-width="2"/>"##,
        pts.join(" ")
    );
    for (i, (label, v)) in points.iter().enumerate() {
        let cx = pad + i as f64 * step;
        if let Some(v) = v {
            let _ = write!(
                svg,
                r##"<circle cx="{cx:.1}" cy="{:.1}" r="3" fill="#0b5d6b"><title>{}: {v:.1}</title></circle>"##,
                y(*v),
                esc(label)
            );
        }
        // The first and last labels run inwards from their point, so that neither is cut off.
        let (x, anchor) = match i {
            0 => (cx - 4.0, "start"),
            _ if i + 1 == points.len() && i > 0 => (cx + 4.0, "end"),
            _ => (cx, "middle"),
        };
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{:.1}" font-size="11" fill="#555" text-anchor="{anchor}">{}</text>"##,
            h - 8.0,
            esc(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_fixed_steps() {
        assert_eq!([0, 1, 2, 3, 4, 5, 40].map(|n| class_of(&CLASSES, n)), [0, 1, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn a_hidden_count_is_grey_and_never_a_number() {
        let areas: Vec<MapArea> = (0..3)
            .map(|i| MapArea { code: format!("A{i}"), name: format!("Area {i}"), geometry: square(i as f64) })
            .collect();
        let counts: HashMap<String, Option<u32>> =
            [("A0".to_owned(), Some(12)), ("A1".to_owned(), None), ("A2".to_owned(), Some(0))].into();
        let m = suppressed_map(&areas, &counts, "Violations");
        assert!(m.svg.contains(&format!(
            r##"fill="{HIDDEN_FILL}" stroke="#555" stroke-width="1" data-area="A1" data-count="—""##
        )));
        assert_eq!(m.key.iter().map(|k| (k.code.as_str(), k.count)).collect::<Vec<_>>(), [("A0", 12)]);
        assert_eq!(m.legend.iter().map(|c| c.areas).sum::<usize>(), 2, "the hidden area is in no step");
        assert_eq!((m.legend[2].lo, m.legend[2].areas), (10, 1));
    }

    fn square(x: f64) -> String {
        format!(
            r#"{{"type":"Polygon","coordinates":[[[{x},0],[{},0],[{},1],[{x},1],[{x},0]]]}}"#,
            x + 1.0,
            x + 1.0
        )
    }

    #[test]
    fn map_numbers_the_areas_with_alerts_and_keys_them() {
        let area =
            |code: &str, name: &str, x| MapArea { code: code.into(), name: name.into(), geometry: square(x) };
        let areas = vec![area("A", "Alpha <1>", 0.0), area("B", "Beta", 1.0), area("C", "Gamma", 2.0)];
        let counts = HashMap::from([("A".to_owned(), 1), ("C".to_owned(), 4)]);
        let m = choropleth(&areas, &counts, "Open alerts");
        assert_eq!(m.svg.matches("<path").count(), 3);
        assert!(m.svg.contains(r#"data-area="C" data-count="4""#) && m.svg.contains(PALETTE[3]));
        assert!(m.svg.contains(r#"data-area="B" data-count="0""#) && m.svg.contains(PALETTE[0]));
        assert!(m.svg.contains("Alpha &lt;1&gt;: 1"), "names are escaped");
        assert!(!m.svg.contains("style="), "no inline styles under the CSP");
        // The busiest first; numbers drawn on the map, one per area with alerts.
        let key: Vec<(usize, &str, u32)> = m.key.iter().map(|k| (k.n, k.name.as_str(), k.count)).collect();
        assert_eq!(key, [(1, "Gamma", 4), (2, "Alpha <1>", 1)]);
        assert_eq!(m.svg.matches("class=\"map-label\"").count(), 2);
        assert!(m.svg.contains(r#"data-key="1"><circle cx="500.0""#), "Gamma's number sits in Gamma");
        let legend: Vec<(u32, Option<u32>, usize)> = m.legend.iter().map(|l| (l.lo, l.hi, l.areas)).collect();
        assert_eq!(
            legend,
            [(0, Some(0), 1), (1, Some(1), 1), (2, Some(2), 0), (3, Some(4), 1), (5, None, 0)]
        );
    }

    #[test]
    fn index_charts() {
        let areas = vec![
            ("XMR".to_owned(), "Marenia".to_owned(), square(0.0)),
            ("XLS".to_owned(), "Lesarin".to_owned(), square(1.0)),
        ];
        let m = score_map(
            &areas,
            &HashMap::from([("XMR".to_owned(), 85.0)]),
            &HashMap::from([("XMR".to_owned(), 1)]),
            "Scores",
            "no score",
        );
        let svg = m.svg;
        assert!(svg.contains(r#"data-key="1"><circle cx="150.0""#), "Marenia carries its rank");
        assert_eq!(m.unscored, 1);
        assert_eq!(m.legend.iter().map(|c| c.countries).collect::<Vec<_>>(), [0, 0, 0, 0, 1]);
        assert!(svg.contains(&format!(
            "fill=\"{}\" stroke=\"#555\" stroke-width=\"1\" data-country=\"XMR\"",
            SCORE_PALETTE[4]
        )));
        assert!(svg.contains(&format!(
            "fill=\"{NO_DATA}\" stroke=\"#555\" stroke-width=\"1\" data-country=\"XLS\""
        )));
        assert!(svg.contains("Lesarin: no score") && !svg.contains("style="));
        let rows =
            [RankRow { name: "A", rank: 1, p5: 1, p95: 3 }, RankRow { name: "B", rank: 2, p5: 1, p95: 4 }];
        let svg = rank_intervals(&rows, 4, "Ranks");
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("B: 2 (1–4)"));
        let svg = trend(
            &[("2025H2".into(), Some(40.0)), ("2026H1".into(), None), ("2026H2".into(), Some(55.5))],
            "Trend",
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("2026H2: 55.5") && svg.contains(">2026H1<"));
    }

    #[test]
    fn a_trend_draws_its_band_and_target() {
        let p = |value, low, high| TrendPoint { value, low, high };
        let svg = indicator_trend(
            &[p(41.5, Some(35.0), Some(48.0)), p(49.7, Some(43.0), Some(56.0))],
            100.0,
            Some(50.0),
            "Trust",
        );
        assert!(svg.contains("<polygon"), "the band between two intervals");
        assert!(
            svg.contains("stroke-dasharray=\"4 3\"") && !svg.contains(">50</text>"),
            "the target drawn, its number written beside the chart"
        );
        assert!(svg.contains(">49.7</text>") && !svg.contains(">41.5</text>"), "the latest value written");
        assert!(!indicator_trend(&[p(3.0, None, None)], 100.0, None, "x").contains("<polygon"));
    }

    #[test]
    fn share_bars_say_their_numbers() {
        let svg = share_bars(
            &[ShareBar { label: "Women <all>", share: 0.42, low: Some(0.35), high: Some(0.5) }],
            "Trust",
        );
        assert!(svg.contains(">42% (35–50)</text>"), "{svg}");
        assert!(svg.contains("Women &lt;all&gt;"), "labels are escaped");
        assert_eq!(svg.matches("<rect").count(), 1);
        let none = share_bars(&[ShareBar { label: "Men", share: 1.0, low: None, high: None }], "Trust");
        assert!(
            none.contains(">100% (?)</text>") && !none.contains("stroke-width=\"2\""),
            "no interval, no whisker: {none}"
        );
    }

    #[test]
    fn sparkline_plots_every_week() {
        let svg = sparkline(&[0, 2, 1, 4], "Crime");
        assert_eq!(svg.matches(',').count(), 4);
        assert!(
            svg.contains(">4</text>") && svg.contains(">0</text>"),
            "the busiest week and zero are labelled"
        );
        assert!(svg.contains(r#"direction="ltr""#), "time runs left to right in every language");
    }
}
