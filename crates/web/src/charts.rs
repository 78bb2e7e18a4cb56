//! Maps and charts drawn on the server as SVG: no tile server, no JavaScript, a few kilobytes, so
//! they work offline and on slow phones. Colours are presentation attributes (the content
//! security policy forbids inline styles), and every figure carries a text title for screen
//! readers.
use std::collections::HashMap;
use std::fmt::Write;

use tandem_domain::geo::{bbox, svg_path, Polygon};

use crate::ew::geojson_import::polygons;

/// Sequential palette, light to dark (ColorBrewer "OrRd", 5 classes).
const PALETTE: [&str; 5] = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The class of `n` on a scale whose top is `max`: 0 for none, then four steps.
fn class(n: u32, max: u32) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    1 + ((n as f64 / max as f64) * 3.999).floor() as usize
}

/// A choropleth of `counts` over areas given as (code, name, GeoJSON geometry).
pub fn choropleth(areas: &[(String, String, String)], counts: &HashMap<String, u32>, title: &str) -> String {
    let shapes: Vec<(&str, &str, Vec<Polygon>)> = areas
        .iter()
        .filter_map(|(code, name, g)| {
            let v: serde_json::Value = serde_json::from_str(g).ok()?;
            Some((code.as_str(), name.as_str(), polygons(&v)?))
        })
        .collect();
    let all: Vec<Polygon> = shapes.iter().flat_map(|s| s.2.iter().cloned()).collect();
    let Some(b) = bbox(&all) else { return String::new() };
    let (w, h) = (600.0, 600.0 * ((b[3] - b[1]) / (b[2] - b[0]).max(1e-9)).clamp(0.3, 1.5));
    let max = counts.values().copied().max().unwrap_or(0);
    let mut svg = format!(
        r#"<svg class="map" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = esc(title)
    );
    for (code, name, polys) in &shapes {
        let n = counts.get(*code).copied().unwrap_or(0);
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{}" stroke="#555" stroke-width="1" data-area="{}" data-count="{n}"><title>{}: {n}</title></path>"##,
            svg_path(polys, b, w, h),
            PALETTE[class(n, max)],
            esc(code),
            esc(name)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A small line chart of weekly counts, with its maximum labelled.
pub fn sparkline(values: &[u32], title: &str) -> String {
    let (w, h, pad) = (300.0, 60.0, 4.0);
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = if values.len() > 1 { (w - 2.0 * pad) / (values.len() - 1) as f64 } else { 0.0 };
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                pad + i as f64 * step,
                h - pad - (*v as f64 / max) * (h - 2.0 * pad - 10.0)
            )
        })
        .collect();
    format!(
        r##"<svg class="spark" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><line x1="{pad}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="#ccc"/><polyline points="{p}" fill="none" stroke="#0b5d6b" stroke-width="2"/><text x="{pad}" y="10" font-size="10" fill="#555">max {m}</text></svg>"##,
        t = esc(title),
        y0 = h - pad,
        x1 = w - pad,
        p = points.join(" "),
        m = max as u32
    )
}

/// Green, light to dark, for index scores (higher is better); grey for no score.
const SCORE_PALETTE: [&str; 5] = ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"];
const NO_DATA: &str = "#d9d9d9";

/// A map of index scores (0–100) over countries given as (code, name, GeoJSON geometry), in five
/// classes of 20 points, with a legend.
pub fn score_map(
    areas: &[(String, String, String)],
    scores: &HashMap<String, f64>,
    title: &str,
    no_data: &str,
) -> String {
    let shapes: Vec<(&str, &str, Vec<Polygon>)> = areas
        .iter()
        .filter_map(|(code, name, g)| {
            let v: serde_json::Value = serde_json::from_str(g).ok()?;
            Some((code.as_str(), name.as_str(), polygons(&v)?))
        })
        .collect();
    let all: Vec<Polygon> = shapes.iter().flat_map(|s| s.2.iter().cloned()).collect();
    let Some(b) = bbox(&all) else { return String::new() };
    let (w, h) = (600.0, 600.0 * ((b[3] - b[1]) / (b[2] - b[0]).max(1e-9)).clamp(0.3, 1.5));
    let mut svg = format!(
        r#"<svg class="map" viewBox="0 0 {w:.0} {:.0}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        h + 40.0,
        t = esc(title)
    );
    for (code, name, polys) in &shapes {
        let (fill, label) = match scores.get(*code) {
            Some(s) => (SCORE_PALETTE[((s / 20.0).floor() as usize).min(4)], format!("{s:.1}")),
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
    // Legend: five classes and "no data".
    for (i, c) in SCORE_PALETTE.iter().enumerate() {
        let x = 10.0 + i as f64 * 80.0;
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="{:.0}" width="20" height="14" fill="{c}" stroke="#555"/><text x="{}" y="{:.0}" font-size="12" fill="#333">{}–{}</text>"##,
            h + 14.0,
            x + 24.0,
            h + 26.0,
            i * 20,
            i * 20 + 20
        );
    }
    let _ = write!(
        svg,
        r##"<rect x="410" y="{:.0}" width="20" height="14" fill="{NO_DATA}" stroke="#555"/><text x="434" y="{:.0}" font-size="12" fill="#333">{}</text></svg>"##,
        h + 14.0,
        h + 26.0,
        esc(no_data)
    );
    svg
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
        r##"<svg class="chart" viewBox="0 0 {w} {h:.0}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><text x="{left}" y="14" font-size="11" fill="#555">1</text><text x="{:.0}" y="14" font-size="11" fill="#555" text-anchor="end">{n}</text>"##,
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
        r##"<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title><line x1="{pad}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#ccc"/><text x="2" y="{:.1}" font-size="10" fill="#555">0</text><text x="2" y="{:.1}" font-size="10" fill="#555">100</text>"##,
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
        let _ = write!(
            svg,
            r##"<text x="{cx:.1}" y="{:.1}" font-size="10" fill="#555" text-anchor="middle">{}</text>"##,
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
    fn classes_scale_with_the_maximum() {
        assert_eq!(class(0, 10), 0);
        assert_eq!(class(1, 10), 1);
        assert_eq!(class(10, 10), 4);
        assert_eq!(class(5, 10), 2);
        assert_eq!(class(3, 0), 0);
    }

    #[test]
    fn map_has_a_shape_per_area_coloured_by_count() {
        let sq = |x: f64| {
            format!(
                r#"{{"type":"Polygon","coordinates":[[[{x},0],[{},0],[{},1],[{x},1],[{x},0]]]}}"#,
                x + 1.0,
                x + 1.0
            )
        };
        let areas = vec![
            ("A".to_owned(), "Alpha <1>".to_owned(), sq(0.0)),
            ("B".to_owned(), "Beta".to_owned(), sq(1.0)),
        ];
        let counts = HashMap::from([("A".to_owned(), 4)]);
        let svg = choropleth(&areas, &counts, "Open alerts");
        assert_eq!(svg.matches("<path").count(), 2);
        assert!(svg.contains(r#"data-area="A" data-count="4""#) && svg.contains(PALETTE[4]));
        assert!(svg.contains(r#"data-area="B" data-count="0""#) && svg.contains(PALETTE[0]));
        assert!(svg.contains("Alpha &lt;1&gt;: 4"), "names are escaped");
        assert!(!svg.contains("style="), "no inline styles under the CSP");
    }

    #[test]
    fn index_charts() {
        let sq = |x: f64| {
            format!(
                r#"{{"type":"Polygon","coordinates":[[[{x},0],[{},0],[{},1],[{x},1],[{x},0]]]}}"#,
                x + 1.0,
                x + 1.0
            )
        };
        let areas = vec![
            ("XMR".to_owned(), "Marenia".to_owned(), sq(0.0)),
            ("XLS".to_owned(), "Lesarin".to_owned(), sq(1.0)),
        ];
        let svg = score_map(&areas, &HashMap::from([("XMR".to_owned(), 85.0)]), "Scores", "no score");
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
    fn sparkline_plots_every_week() {
        let svg = sparkline(&[0, 2, 1, 4], "Crime");
        assert_eq!(svg.matches(',').count(), 4);
        assert!(svg.contains("max 4"));
    }
}
