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
    fn sparkline_plots_every_week() {
        let svg = sparkline(&[0, 2, 1, 4], "Crime");
        assert_eq!(svg.matches(',').count(), 4);
        assert!(svg.contains("max 4"));
    }
}
