//! The OpenAPI 3.1 document of the JSON API, served at `/api/v1/openapi.json`. It is generated
//! from the handlers themselves: each carries `#[utoipa::path]` naming its request and response
//! types, whose schemas are derived from the types, and the API's router is built from those same
//! handlers (`utoipa_axum::routes!`), so no route can exist undocumented. What is the same for
//! every operation is added here once: the bearer scheme, the error responses, operation ids of
//! the form `{method}{path}` (`get_reports__id_`) and the links from lists and creations to the
//! operations on one record, which let clients and schemathesis's stateful runs follow on.
use std::sync::OnceLock;

use axum::Json;
use serde_json::{json, Map, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{InfoBuilder, OpenApi, OpenApiBuilder, ServerBuilder};
use utoipa::{Modify, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

/// What an error answer holds (see `ApiError`).
#[derive(serde::Serialize, ToSchema)]
pub struct Error {
    error: ErrorDetail,
}

#[derive(serde::Serialize, ToSchema)]
struct ErrorDetail {
    /// A stable code: `invalid_input`, `not_found`, `conflict`, ...
    code: String,
    message: String,
    /// The field an `invalid_input` is about.
    field: Option<String>,
}

/// The statuses an operation may answer besides its success, each with the error body.
const ERRORS: [u16; 9] = [400, 401, 403, 404, 409, 413, 415, 422, 429];

/// Each of `targets` (method, path) takes its path parameter from `pointer` in the success
/// response of `from` (method, path).
type Link = ((&'static str, &'static str), &'static str, &'static [(&'static str, &'static str)]);

const REPORT: &[(&str, &str)] = &[
    ("get", "/reports/{id}"),
    ("get", "/reports/{id}/contact"),
    ("post", "/reports/{id}/{transition}"),
    ("delete", "/reports/{id}"),
];
const ALERT: &[(&str, &str)] =
    &[("get", "/alerts/{id}"), ("post", "/alerts/{id}/assign"), ("post", "/alerts/{id}/responses")];
const MEMBER: &[(&str, &str)] = &[("patch", "/members/{user_id}"), ("delete", "/members/{user_id}")];
const INVITATION: &[(&str, &str)] = &[("delete", "/members/invitations/{invitation_id}")];
const AGREEMENT: &[(&str, &str)] =
    &[("get", "/sharing-agreements/{id}"), ("post", "/sharing-agreements/{id}/revoke")];
const SHARED_ALERT: &[(&str, &str)] =
    &[("get", "/shared/alerts/{id}"), ("post", "/shared/alerts/{id}/responses")];

const LINKS: &[Link] = &[
    (("get", "/orgs"), "/orgs/0/id", &[("get", "/orgs/{id}")]),
    (("post", "/orgs"), "/id", &[("get", "/orgs/{id}")]),
    (("get", "/members"), "/members/0/user_id", MEMBER),
    (("post", "/members"), "/invitation/id", INVITATION),
    (("get", "/members/invitations"), "/invitations/0/id", INVITATION),
    // An invitation of one's own is answered with its link's token, which no response carries.
    (("get", "/reports"), "/reports/0/id", REPORT),
    (("post", "/reports"), "/id", REPORT),
    (("get", "/alerts"), "/alerts/0/id", ALERT),
    (("get", "/sms-inbox"), "/messages/0/id", &[("get", "/sms-inbox/{id}/sender")]),
    (("get", "/sharing-agreements"), "/agreements/0/id", AGREEMENT),
    (("post", "/sharing-agreements"), "/id", AGREEMENT),
    (("get", "/shared/alerts"), "/alerts/0/id", SHARED_ALERT),
    (("post", "/protected-names"), "/id", &[("delete", "/protected-names/{id}")]),
];

pub fn operation_id(method: &str, path: &str) -> String {
    format!("{method}{}", path.replace(['/', '{', '}', '.'], "_"))
}

/// The names of a path's `{parameters}`, in order.
pub fn path_params(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

/// The document before the handlers' operations are merged in.
pub fn base() -> OpenApi {
    let mut api = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Tandem API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Civil society, communities, police and local government working on human security \
                     together. Errors are {error:{code,message}} with a 4xx status; records of other \
                     organisations are 404.",
                ))
                .build(),
        )
        .servers(Some([ServerBuilder::new().url("/api/v1").build()]))
        .build();
    Bearer.modify(&mut api);
    api
}

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, api: &mut OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from POST /auth/login"))
                    .build(),
            ),
        );
        let (name, schema) = (Error::name(), Error::schema());
        components.schemas.insert(name.into_owned(), schema);
        let mut more = vec![];
        Error::schemas(&mut more);
        components.schemas.extend(more);
    }
}

/// The finished document, as served.
pub fn finish(api: OpenApi) -> Value {
    let mut doc = serde_json::to_value(&api).unwrap_or_else(|_| json!({}));
    doc["openapi"] = json!("3.1.0");
    doc["security"] = json!([{ "bearer": [] }]);
    doc["components"]["responses"] = json!({ "Error": {
        "description": "The request could not be carried out; `error.code` says why",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } },
    }});
    let Some(paths) = doc["paths"].as_object_mut() else { return doc };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (method, op) in item.iter_mut() {
            op["operationId"] = json!(operation_id(method, path));
            let responses = op["responses"].as_object_mut();
            if let Some(responses) = responses {
                for e in ERRORS {
                    responses
                        .entry(e.to_string())
                        .or_insert(json!({ "$ref": "#/components/responses/Error" }));
                }
            }
            for ((m, p), pointer, targets) in LINKS {
                if (*m, *p) != (method.as_str(), path.as_str()) {
                    continue;
                }
                let links: Map<String, Value> = targets
                    .iter()
                    .map(|(tm, tp)| {
                        let id = operation_id(tm, tp);
                        let param = path_params(tp).next().unwrap_or("id");
                        (id.clone(), json!({ "operationId": id, "parameters": { param: format!("$response.body#{pointer}") } }))
                    })
                    .collect();
                if let Some(ok) = op["responses"]
                    .as_object_mut()
                    .and_then(|r| r.iter_mut().find(|(code, _)| code.starts_with('2')).map(|(_, v)| v))
                {
                    ok["links"] = Value::Object(links);
                }
            }
        }
    }
    doc
}

static DOC: OnceLock<Value> = OnceLock::new();

/// Keeps the document for [`serve`]: it is the same for every router built in this process.
pub fn keep(api: OpenApi) {
    DOC.get_or_init(|| finish(api));
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(serve))
}

/// This document
#[utoipa::path(get, path = "/openapi.json", tag = "meta", security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", body = Object)))]
async fn serve() -> Json<Value> {
    Json(DOC.get().cloned().unwrap_or_else(|| json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Value {
        let (_, api) = crate::api::parts();
        finish(api)
    }

    /// Every (method, path) the document lists.
    fn documented(doc: &Value) -> Vec<(String, String)> {
        let mut out = vec![];
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for method in item.as_object().into_iter().flatten().map(|(m, _)| m) {
                out.push((method.clone(), path.clone()));
            }
        }
        out
    }

    #[test]
    fn every_reference_resolves_and_operations_are_unique() {
        let doc = document();
        let text = doc.to_string();
        let mut refs = 0;
        for part in text.split("\"$ref\":\"#/components/").skip(1) {
            refs += 1;
            let target = part.split('"').next().unwrap_or_default();
            let (section, name) = target.split_once('/').unwrap_or_default();
            assert!(doc["components"][section][name].is_object(), "{target} is referenced but not defined");
        }
        assert!(refs > 100, "only {refs} references");
        let ids: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|i| i.as_object().unwrap().values().map(|op| op["operationId"].as_str().unwrap()))
            .collect();
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "an operation id is used twice");
        assert_eq!(doc["openapi"], "3.1.0");
        assert!(ids.len() >= 51, "only {} operations", ids.len());
    }

    /// Follows `$ref`s, and `allOf` (a flattened struct) by merging the properties of its parts.
    fn resolve(doc: &Value, v: &Value) -> Value {
        let v = match v["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
            Some(name) => doc["components"]["schemas"][name].clone(),
            None => v.clone(),
        };
        match v["allOf"].as_array() {
            Some(parts) => {
                let mut props = Map::new();
                for p in parts {
                    if let Some(o) = resolve(doc, p)["properties"].as_object() {
                        props.extend(o.clone());
                    }
                }
                json!({ "type": "object", "properties": props })
            }
            None => v,
        }
    }

    /// Every link names a documented operation and one of its path parameters, and its pointer
    /// leads to a property the response schema declares (an array index steps into `items`).
    #[test]
    fn links_lead_somewhere() {
        let doc = document();
        let ids: std::collections::BTreeMap<String, String> =
            documented(&doc).into_iter().map(|(m, p)| (operation_id(&m, &p), p)).collect();
        let mut count = 0;
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                for response in op["responses"].as_object().unwrap().values() {
                    let Some(links) = response["links"].as_object() else { continue };
                    for (name, link) in links {
                        count += 1;
                        let target = link["operationId"].as_str().unwrap();
                        let target_path = ids
                            .get(target)
                            .unwrap_or_else(|| panic!("{method} {path}: no operation {target}"));
                        let (param, expr) = link["parameters"].as_object().unwrap().iter().next().unwrap();
                        assert!(
                            path_params(target_path).any(|p| p == param),
                            "{name}: {target_path} has no {{{param}}}"
                        );
                        let pointer = expr.as_str().unwrap().strip_prefix("$response.body#/").unwrap();
                        let mut schema = resolve(&doc, &response["content"]["application/json"]["schema"]);
                        for seg in pointer.split('/') {
                            schema = if seg.parse::<usize>().is_ok() {
                                resolve(&doc, &schema["items"])
                            } else {
                                resolve(&doc, &schema["properties"][seg])
                            };
                            assert!(
                                schema.is_object(),
                                "{method} {path}: {pointer} is not in the response schema"
                            );
                        }
                    }
                }
            }
        }
        assert!(count >= 20, "only {count} links");
    }

    /// The router is built from the documented handlers, so routes and document agree by
    /// construction; what could still slip is a route added with plain axum `.route(...)`. Only
    /// the OpenRosa endpoints (XML for ODK Collect, outside `/api/v1`) may do that.
    #[test]
    fn no_api_route_bypasses_the_document() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("openrosa.rs") || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            assert!(!src.contains(".route(\""), "{} adds a route the document does not know", path.display());
        }
        let doc = document();
        let ops = documented(&doc);
        for (m, p) in [("get", "/reports"), ("post", "/reports/{id}/{transition}"), ("get", "/openapi.json")]
        {
            assert!(ops.contains(&(m.to_owned(), p.to_owned())), "{m} {p} is not documented");
        }
    }

    /// The ranges handlers check come from their constants; the document must say the same.
    #[test]
    fn documented_ranges_are_the_handlers_own() {
        let doc = document();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["Assign"]["properties"]["due_in_hours"]["maximum"],
            json!(crate::ew::responses::MAX_DUE_IN_HOURS)
        );
        let days = &schemas["SetRetention"]["properties"]["contact_days"];
        assert_eq!(
            (&days["minimum"], &days["maximum"]),
            (&json!(tandem_domain::retention::MIN_DAYS), &json!(tandem_domain::retention::MAX_DAYS))
        );
        let weeks = doc["paths"]["/shared/aggregates"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "weeks")
            .cloned()
            .unwrap();
        assert_eq!(weeks["schema"]["maximum"], json!(crate::protection::shared::MAX_WEEKS));
        let body = &schemas["CreateReport"];
        assert_eq!(body["additionalProperties"], json!(false), "unknown fields are refused");
        assert_eq!(body["properties"]["description"]["minLength"], json!(1));
        assert_eq!(body["properties"]["reporter_contact"]["type"], json!(["string", "null"]));
    }
}
