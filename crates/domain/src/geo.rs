//! Geometry for drawing maps server-side: polygon rings simplified with Douglas–Peucker so that a
//! country's map stays a few kilobytes on a slow phone link, and projected to SVG paths.
pub type Point = [f64; 2];
pub type Ring = Vec<Point>;
/// A polygon is an outer ring and holes; a multipolygon several polygons.
pub type Polygon = Vec<Ring>;

fn perpendicular_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return ((p[0] - a[0]).powi(2) + (p[1] - a[1]).powi(2)).sqrt();
    }
    ((dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len).abs()
}

/// Douglas–Peucker on an open polyline: keeps the end points and every point farther than
/// `tolerance` from the simplified line.
pub fn simplify_line(points: &[Point], tolerance: f64) -> Vec<Point> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((s, e)) = stack.pop() {
        let mut best = (0.0, 0usize);
        for i in s + 1..e {
            let d = perpendicular_distance(points[i], points[s], points[e]);
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > tolerance {
            keep[best.1] = true;
            stack.push((s, best.1));
            stack.push((best.1, e));
        }
    }
    points.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// Simplifies a closed ring, keeping it closed and never below 4 points (a triangle); a ring that
/// would collapse is returned unchanged.
pub fn simplify_ring(ring: &[Point], tolerance: f64) -> Ring {
    if ring.len() <= 4 {
        return ring.to_vec();
    }
    // Split at the point farthest from the start, so the closing point is not the only anchor.
    let far = (1..ring.len())
        .max_by(|&a, &b| dist2(ring[0], ring[a]).total_cmp(&dist2(ring[0], ring[b])))
        .unwrap_or(1);
    let mut first = simplify_line(&ring[..=far], tolerance);
    let second = simplify_line(&ring[far..], tolerance);
    first.extend_from_slice(&second[1..]);
    if first.len() < 4 {
        return ring.to_vec();
    }
    first.iter().map(|p| [round5(p[0]), round5(p[1])]).collect()
}

fn dist2(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// Five decimals of a degree is about a metre: more is noise on a map.
fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// Bounding box (min x, min y, max x, max y) of polygons.
pub fn bbox(polys: &[Polygon]) -> Option<[f64; 4]> {
    let mut it = polys.iter().flatten().flatten();
    let first = it.next()?;
    let mut b = [first[0], first[1], first[0], first[1]];
    for p in it {
        b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
    }
    Some(b)
}

/// An SVG path for polygons, fitted into a `width`×`height` box with the given bounding box
/// (equirectangular, y flipped so north is up).
pub fn svg_path(polys: &[Polygon], b: [f64; 4], width: f64, height: f64) -> String {
    let mut d = String::new();
    for ring in polys.iter().flatten() {
        for (i, p) in ring.iter().enumerate() {
            let [x, y] = project(*p, b, width, height);
            d.push_str(&format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, x, y));
        }
        d.push('Z');
    }
    d
}

/// Where a point of the box `b` falls on a drawing `width` × `height` (y grows downwards).
pub fn project(p: Point, b: [f64; 4], width: f64, height: f64) -> Point {
    let (w, h) = ((b[2] - b[0]).max(1e-9), (b[3] - b[1]).max(1e-9));
    let scale = (width / w).min(height / h);
    [(p[0] - b[0]) * scale, height - (p[1] - b[1]) * scale]
}

/// Where an area's label goes: the centroid of its largest polygon's outer ring, or, when that
/// falls outside the ring (a crescent, an L-shaped district), the middle of the widest stretch
/// of the ring along the horizontal line through the centroid.
pub fn label_point(polys: &[Polygon]) -> Option<Point> {
    let ring = polys.iter().filter_map(|p| p.first()).max_by(|a, b| area(a).total_cmp(&area(b)))?;
    let a = area(ring);
    if ring.len() < 3 || a.abs() < 1e-12 {
        return ring.first().copied();
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        cx += (w[0][0] + w[1][0]) * cross;
        cy += (w[0][1] + w[1][1]) * cross;
    }
    let c = [cx / (6.0 * a), cy / (6.0 * a)];
    if contains(ring, c) {
        return Some(c);
    }
    // Crossings of the line y = c.y with the ring's edges, sorted: inside runs pair up.
    let mut xs: Vec<f64> = ring
        .windows(2)
        .filter(|w| (w[0][1] > c[1]) != (w[1][1] > c[1]))
        .map(|w| w[0][0] + (c[1] - w[0][1]) * (w[1][0] - w[0][0]) / (w[1][1] - w[0][1]))
        .collect();
    xs.sort_by(f64::total_cmp);
    let widest = xs.chunks_exact(2).max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))?;
    Some([(widest[0] + widest[1]) / 2.0, c[1]])
}

/// Signed area of a closed ring (shoelace).
fn area(ring: &Ring) -> f64 {
    ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>() / 2.0
}

/// Whether `p` lies inside the closed ring (even-odd rule).
fn contains(ring: &Ring, p: Point) -> bool {
    ring.windows(2)
        .filter(|w| (w[0][1] > p[1]) != (w[1][1] > p[1]))
        .filter(|w| p[0] < w[0][0] + (p[1] - w[0][1]) * (w[1][0] - w[0][0]) / (w[1][1] - w[0][1]))
        .count()
        % 2
        == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_runs_collapse_and_corners_stay() {
        let line: Vec<Point> = (0..=10).map(|i| [i as f64, 0.0]).collect();
        assert_eq!(simplify_line(&line, 0.01), vec![[0.0, 0.0], [10.0, 0.0]]);
        let bent = vec![[0.0, 0.0], [5.0, 0.001], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(simplify_line(&bent, 0.01), vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]);
    }

    #[test]
    fn rings_stay_closed_and_valid() {
        // A square with extra points on each side.
        let mut ring = Vec::new();
        for i in 0..10 {
            ring.push([i as f64, 0.0]);
        }
        for i in 0..10 {
            ring.push([10.0, i as f64]);
        }
        for i in 0..10 {
            ring.push([10.0 - i as f64, 10.0]);
        }
        for i in 0..10 {
            ring.push([0.0, 10.0 - i as f64]);
        }
        ring.push([0.0, 0.0]);
        let s = simplify_ring(&ring, 0.1);
        assert_eq!(s.first(), s.last());
        assert_eq!(s.len(), 5, "{s:?}");
        let tiny = vec![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
        assert_eq!(simplify_ring(&tiny, 100.0), tiny);
    }

    #[test]
    fn labels_sit_inside_their_area() {
        let square = vec![vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]];
        assert_eq!(label_point(std::slice::from_ref(&square)), Some([1.0, 1.0]));
        // A U: its centroid lies in the gap between the arms, so the label moves into an arm.
        let u = vec![vec![
            [0.0, 0.0],
            [5.0, 0.0],
            [5.0, 5.0],
            [4.0, 5.0],
            [4.0, 1.0],
            [1.0, 1.0],
            [1.0, 5.0],
            [0.0, 5.0],
            [0.0, 0.0],
        ]];
        let p = label_point(std::slice::from_ref(&u)).unwrap();
        assert!(contains(&u[0], p), "{p:?} is outside the U");
        // The largest polygon of a multipolygon carries the label.
        let island = vec![vec![[10.0, 10.0], [10.5, 10.0], [10.5, 10.5], [10.0, 10.0]]];
        assert_eq!(label_point(&[island, square]), Some([1.0, 1.0]));
        assert_eq!(label_point(&[]), None);
    }

    #[test]
    fn svg_paths_fit_the_box() {
        let poly = vec![vec![[10.0, 0.0], [12.0, 0.0], [12.0, 1.0], [10.0, 0.0]]];
        let b = bbox(std::slice::from_ref(&poly)).unwrap();
        assert_eq!(b, [10.0, 0.0, 12.0, 1.0]);
        let d = svg_path(&[poly], b, 200.0, 100.0);
        assert_eq!(d, "M0.0 100.0L200.0 100.0L200.0 0.0L0.0 100.0Z");
    }
}
