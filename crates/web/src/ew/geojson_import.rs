//! Areas from GeoJSON (a FeatureCollection of Polygon or MultiPolygon features, as national
//! statistics offices and humanitarian data portals publish admin boundaries). Each feature's
//! P-code and name come from the properties named on the command line; geometries are kept,
//! simplified for drawing. Errors name the feature and the property at fault.
use serde_json::Value;
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::geo::{simplify_ring, Polygon};
use tandem_domain::text;
use tandem_store::NewArea;

pub struct GeoJsonOptions<'a> {
    pub level: AreaLevel,
    pub code_property: &'a str,
    pub name_property: &'a str,
    /// A property holding each feature's parent P-code.
    pub parent_property: Option<&'a str>,
    /// One parent for every feature, when the file has no parent property.
    pub parent: Option<&'a str>,
    /// Douglas–Peucker tolerance in degrees (0.001 ≈ 100 m).
    pub tolerance: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {message}")]
pub struct GeoJsonError {
    /// "file", or "feature 3" (counting from 1), with the property when one is at fault.
    pub place: String,
    pub message: String,
}

fn fail(place: impl Into<String>, message: impl Into<String>) -> GeoJsonError {
    GeoJsonError { place: place.into(), message: message.into() }
}

fn ring(v: &Value) -> Option<Vec<[f64; 2]>> {
    v.as_array()?.iter().map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?])).collect()
}

fn polygon(v: &Value) -> Option<Polygon> {
    v.as_array()?.iter().map(ring).collect()
}

/// Reads the polygons of a geometry; None when it is not a well-formed Polygon or MultiPolygon.
pub fn polygons(geometry: &Value) -> Option<Vec<Polygon>> {
    let coords = geometry.get("coordinates")?;
    match geometry.get("type")?.as_str()? {
        "Polygon" => Some(vec![polygon(coords)?]),
        "MultiPolygon" => coords.as_array()?.iter().map(polygon).collect(),
        _ => None,
    }
}

pub fn parse_areas(data: &[u8], o: &GeoJsonOptions<'_>) -> Result<Vec<NewArea>, GeoJsonError> {
    let doc: Value =
        serde_json::from_slice(data).map_err(|e| fail("file", format!("not valid JSON: {e}")))?;
    if doc.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(fail("file", "expected a GeoJSON FeatureCollection"));
    }
    let features =
        doc.get("features").and_then(Value::as_array).ok_or_else(|| fail("file", "has no features array"))?;
    if features.is_empty() {
        return Err(fail("file", "holds no features"));
    }
    let fixed_parent = o.parent.map(PCode::parse).transpose().map_err(|e| fail("--parent", e.message))?;
    let mut out = Vec::with_capacity(features.len());
    let mut seen = std::collections::HashSet::new();
    for (i, f) in features.iter().enumerate() {
        let place = |prop: &str| format!("feature {} property {prop:?}", i + 1);
        let props = f
            .get("properties")
            .and_then(Value::as_object)
            .ok_or_else(|| fail(format!("feature {}", i + 1), "has no properties"))?;
        let prop = |name: &str| -> Result<String, GeoJsonError> {
            match props.get(name) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(Value::Number(n)) => Ok(n.to_string()),
                _ => Err(fail(place(name), "is missing")),
            }
        };
        let code =
            PCode::parse(&prop(o.code_property)?).map_err(|e| fail(place(o.code_property), e.message))?;
        if !seen.insert(code.clone()) {
            return Err(fail(place(o.code_property), format!("code {code} appears twice")));
        }
        let name = text::bounded("name", &prop(o.name_property)?, 1, 200)
            .map_err(|e| fail(place(o.name_property), e.message))?;
        let parent = match (o.parent_property, &fixed_parent) {
            (Some(p), _) => Some(PCode::parse(&prop(p)?).map_err(|e| fail(place(p), e.message))?),
            (None, Some(p)) => Some(p.clone()),
            (None, None) => None,
        };
        if parent.is_none() && o.level != AreaLevel::Country {
            return Err(fail(
                format!("feature {}", i + 1),
                "needs a parent: give --parent-property or --parent",
            ));
        }
        let geometry = match f.get("geometry") {
            None | Some(Value::Null) => None,
            Some(g) => {
                let polys = polygons(g).ok_or_else(|| {
                    fail(format!("feature {} geometry", i + 1), "must be a Polygon or MultiPolygon")
                })?;
                let simplified: Vec<Polygon> =
                    polys.iter().map(|p| p.iter().map(|r| simplify_ring(r, o.tolerance)).collect()).collect();
                Some(serde_json::json!({ "type": "MultiPolygon", "coordinates": simplified }).to_string())
            }
        };
        out.push(NewArea { code, name, level: o.level, parent, geometry });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> GeoJsonOptions<'static> {
        GeoJsonOptions {
            level: AreaLevel::Admin1,
            code_property: "P",
            name_property: "N",
            parent_property: None,
            parent: Some("MR"),
            tolerance: 0.001,
        }
    }

    #[test]
    fn features_become_areas() {
        let doc = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"P":"mr01","N":"Lakeside"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0.5,0.0000001],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{"P":"MR02","N":"Highlands"},"geometry":null}]}"#;
        let a = parse_areas(doc.as_bytes(), &opts()).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(
            (a[0].code.as_str(), a[0].name.as_str(), a[0].parent.as_ref().unwrap().as_str()),
            ("MR01", "Lakeside", "MR")
        );
        let g: Value = serde_json::from_str(a[0].geometry.as_ref().unwrap()).unwrap();
        assert_eq!(
            g["coordinates"][0][0].as_array().unwrap().len(),
            4,
            "the near-collinear point is simplified away"
        );
        assert!(a[1].geometry.is_none());
    }

    #[test]
    fn errors_name_the_feature_and_property() {
        let f = |props: &str, geom: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"P":"MR01","N":"A"}},"geometry":null}},{{"type":"Feature","properties":{props},"geometry":{geom}}}]}}"#
            )
        };
        let cases = [
            (f(r#"{"N":"B"}"#, "null"), "feature 2 property \"P\""),
            (f(r#"{"P":"M R","N":"B"}"#, "null"), "feature 2 property \"P\""),
            (f(r#"{"P":"MR01","N":"B"}"#, "null"), "feature 2 property \"P\""),
            (f(r#"{"P":"MR02"}"#, "null"), "feature 2 property \"N\""),
            (f(r#"{"P":"MR02","N":"B"}"#, r#"{"type":"Point","coordinates":[0,0]}"#), "feature 2 geometry"),
            ("[1,2]".to_owned(), "file"),
            ("{not json".to_owned(), "file"),
        ];
        for (doc, place) in cases {
            let e = parse_areas(doc.as_bytes(), &opts()).unwrap_err();
            assert_eq!(e.place, place, "{doc}: {e}");
        }
    }
}
