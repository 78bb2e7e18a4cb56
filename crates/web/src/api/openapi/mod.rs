//! The OpenAPI 3.1 document of the JSON API, served at `/api/v1/openapi.json`. Written out here
//! operation by operation (the schemas in `schemas.rs`); the integration test `openapi.rs` checks
//! that every documented operation exists and that every route of the authorisation matrices is
//! documented, and schemathesis checks live responses against it.
mod schemas;

use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(serve))
}

async fn serve() -> Response {
    Json(document()).into_response()
}

/// What a successful response holds.
enum Success {
    Json(Value),
    Empty,
    Text(&'static str),
}

struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    tag: &'static str,
    public: bool,
    query: Vec<(&'static str, Value)>,
    headers: Vec<(&'static str, Value)>,
    /// Path parameters narrower than a plain string.
    path_schemas: Vec<(&'static str, Value)>,
    /// Operations whose path `{id}` this one's success response supplies: (method, path, JSON
    /// pointer into the body). They let clients, and schemathesis's stateful runs, follow on.
    links: Vec<(&'static str, &'static str, &'static str)>,
    body: Option<&'static str>,
    status: u16,
    ok: Success,
}

fn op(
    method: &'static str,
    path: &'static str,
    tag: &'static str,
    summary: &'static str,
    status: u16,
    ok: Success,
) -> Op {
    Op {
        method,
        path,
        summary,
        tag,
        public: false,
        query: vec![],
        headers: vec![],
        path_schemas: vec![],
        links: vec![],
        body: None,
        status,
        ok,
    }
}

impl Op {
    fn public(mut self) -> Self {
        self.public = true;
        self
    }
    fn query(mut self, name: &'static str, schema: Value) -> Self {
        self.query.push((name, schema));
        self
    }
    fn header(mut self, name: &'static str, schema: Value) -> Self {
        self.headers.push((name, schema));
        self
    }
    fn body(mut self, schema: &'static str) -> Self {
        self.body = Some(schema);
        self
    }
    fn path_param(mut self, name: &'static str, schema: Value) -> Self {
        self.path_schemas.push((name, schema));
        self
    }
    /// Each of `targets` takes its path parameter from `pointer` in this operation's response.
    fn links(mut self, pointer: &'static str, targets: &[(&'static str, &'static str)]) -> Self {
        self.links.extend(targets.iter().map(|(m, p)| (*m, *p, pointer)));
        self
    }
}

fn operation_id(method: &str, path: &str) -> String {
    format!("{method}{}", path.replace(['/', '{', '}', '.'], "_"))
}

/// The names of a path's `{parameters}`, in order.
fn path_params(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}
fn list(key: &str, item: &str) -> Success {
    Success::Json(
        json!({ "type": "object", "required": [key], "properties": { key: { "type": "array", "items": r(item) } } }),
    )
}
fn one(name: &str) -> Success {
    Success::Json(r(name))
}
fn object(required: &[&str]) -> Success {
    Success::Json(json!({ "type": "object", "required": required }))
}
fn text() -> Value {
    json!({ "type": "string" })
}

fn operations() -> Vec<Op> {
    let limit = || json!({ "type": "integer", "minimum": 1, "maximum": 1000 });
    let weeks = || json!({ "type": "integer", "minimum": 1, "maximum": 104 });
    let org: &[_] = &[("get", "/orgs/{id}")];
    let member: &[_] = &[("patch", "/members/{user_id}"), ("delete", "/members/{user_id}")];
    let report: &[_] = &[
        ("get", "/reports/{id}"),
        ("get", "/reports/{id}/contact"),
        ("post", "/reports/{id}/{transition}"),
        ("delete", "/reports/{id}"),
    ];
    let alert: &[_] =
        &[("get", "/alerts/{id}"), ("post", "/alerts/{id}/assign"), ("post", "/alerts/{id}/responses")];
    let agreement: &[_] = &[("get", "/sharing-agreements/{id}"), ("post", "/sharing-agreements/{id}/revoke")];
    let shared_alert: &[_] = &[("get", "/shared/alerts/{id}"), ("post", "/shared/alerts/{id}/responses")];
    vec![
        op("post", "/auth/login", "sign-in", "Sign in; returns a bearer token", 200, one("Login")).public().body("LoginBody"),
        op("post", "/auth/logout", "sign-in", "Revoke the token used", 204, Success::Empty),
        op("get", "/me", "sign-in", "The caller, its organisation and role", 200, one("Me")),
        op("get", "/orgs", "organisations", "The directory of organisations", 200, list("orgs", "Org")).links("/orgs/0/id", org),
        op("post", "/orgs", "organisations", "Create an organisation (platform admins)", 201, one("Org")).body("NewOrg").links("/id", org),
        op("get", "/orgs/{id}", "organisations", "One organisation", 200, Success::Json(json!({ "type": "object", "required": ["org"], "properties": { "org": r("Org") } }))),
        op("get", "/members", "organisations", "Members of the caller's organisation (coordinators)", 200, list("members", "Member")).links("/members/0/user_id", member),
        op("post", "/members", "organisations", "Add a member (admins)", 201, one("Member")).body("NewMember").links("/user_id", member),
        op("patch", "/members/{user_id}", "organisations", "Change a member's role (admins)", 200, one("Member")).body("MemberRole"),
        op("delete", "/members/{user_id}", "organisations", "Remove a member (admins)", 204, Success::Empty),
        op("get", "/audit", "organisations", "The organisation's audit trail (admins)", 200, list("events", "AuditEvent")).query("limit", limit()),
        op("get", "/areas", "configuration", "The area hierarchy", 200, list("areas", "Area")),
        op("post", "/areas", "configuration", "Add an area (platform admins)", 201, one("Area")).body("NewArea"),
        op("get", "/categories", "configuration", "The categories of reports", 200, list("categories", "Category")),
        op("get", "/reports", "early warning", "The organisation's reports, newest first", 200, list("reports", "Report"))
            .query("area", text())
            .query("category", text())
            .query("status", json!({ "type": "string", "enum": ["new", "verified", "dismissed", "closed"] }))
            .query("from", text())
            .query("to", text())
            .query("limit", limit())
            .links("/reports/0/id", report),
        op("post", "/reports", "early warning", "File a report", 201, one("Report")).body("NewReport").links("/id", report),
        op("get", "/reports/{id}", "early warning", "One report", 200, one("Report")),
        op("delete", "/reports/{id}", "protection", "Erase a report at its reporter's request (coordinators)", 204, Success::Empty),
        op("get", "/reports/{id}/contact", "protection", "The reporter's contact (coordinators; audited)", 200, object(&["id", "contact"])),
        op("post", "/reports/{id}/{transition}", "early warning", "verify, dismiss or close (coordinators)", 200, one("Report"))
            .path_param("transition", json!({ "type": "string", "enum": ["verify", "dismiss", "close"] })),
        op("get", "/alerts", "early warning", "The organisation's alerts", 200, list("alerts", "Alert"))
            .query("status", json!({ "type": "string", "enum": ["open", "closed", "withdrawn"] }))
            .query("overdue", json!({ "type": "boolean" }))
            .query("limit", limit())
            .links("/alerts/0/id", alert),
        op("get", "/alerts/responsiveness", "early warning", "Time to first response", 200, object(&["org_id", "alerts", "answered", "median_hours_to_first_response"])),
        op("get", "/alerts/{id}", "early warning", "One alert, its reports and responses", 200, object(&["alert", "reports", "responses"])),
        op("post", "/alerts/{id}/assign", "early warning", "Assign an alert (coordinators)", 200, one("Alert")).body("Assign"),
        op("post", "/alerts/{id}/responses", "early warning", "Record a response", 201, one("Response")).body("NewResponse"),
        op("post", "/intake/sms", "early warning", "SMS gateway webhook (shared secret)", 202, object(&["status"]))
            .public()
            .header("X-Sms-Secret", text())
            .body("Sms"),
        op("get", "/sms-inbox", "early warning", "Text messages that could not be filed (coordinators)", 200, list("messages", "SmsMessage"))
            .query("limit", limit())
            .links("/messages/0/id", &[("get", "/sms-inbox/{id}/sender")]),
        op("get", "/sms-inbox/{id}/sender", "protection", "A held message's sender (coordinators; audited)", 200, object(&["id", "sender"])),
        op("get", "/sharing-agreements", "sharing", "Agreements the organisation is a party to", 200, list("agreements", "Agreement")).links("/agreements/0/id", agreement),
        op("post", "/sharing-agreements", "sharing", "Make an agreement (the owner's coordinators)", 201, one("Agreement")).body("NewAgreement").links("/id", agreement),
        op("get", "/sharing-agreements/{id}", "sharing", "One agreement (either party)", 200, one("Agreement")),
        op("post", "/sharing-agreements/{id}/revoke", "sharing", "Revoke at once (the owner's coordinators)", 200, one("Agreement")),
        op("get", "/shared/aggregates", "sharing", "Aggregate cells shared with the caller, small ones suppressed", 200, one("SharedAggregates")).query("weeks", weeks()),
        op("get", "/shared/records", "sharing", "De-identified records shared with the caller", 200, list("records", "SharedRecord")).query("weeks", weeks()),
        op("get", "/shared/alerts", "sharing", "Alerts assigned to the caller's organisation", 200, list("alerts", "SharedAlert")).links("/alerts/0/id", shared_alert),
        op("get", "/shared/alerts/{id}", "sharing", "One alert assigned to the caller's organisation", 200, object(&["alert", "responses"])),
        op("post", "/shared/alerts/{id}/responses", "sharing", "Answer an alert assigned to the caller's organisation", 201, one("Response")).body("NewResponse"),
        op("get", "/protected-names", "protection", "The protected-names list (coordinators)", 200, object(&["names"])),
        op("post", "/protected-names", "protection", "Add a protected name (coordinators)", 201, Success::Json(json!({ "type": "object", "required": ["id"], "properties": { "id": text() } }))).body("NewName").links("/id", &[("delete", "/protected-names/{id}")]),
        op("delete", "/protected-names/{id}", "protection", "Remove a protected name (coordinators)", 204, Success::Empty),
        op("get", "/retention", "protection", "The organisation's retention periods", 200, one("Retention")),
        op("put", "/retention", "protection", "Set retention periods (admins)", 200, one("Retention")).body("SetRetention"),
        op("post", "/retention/purge", "protection", "Apply retention now (admins)", 200, one("Purged")),
        op("get", "/export.jsonl", "protection", "All of the organisation's own data as JSON lines (admins)", 200, Success::Text("application/x-ndjson")),
        op("get", "/export/{file}", "protection", "One kind of the organisation's data as CSV (admins), e.g. reports.csv", 200, Success::Text("text/csv")),
        op("get", "/index/editions", "index", "Published editions of the prevention index", 200, object(&["editions"])).public(),
        op("get", "/index/editions/{edition}", "index", "An edition's ranked countries", 200, Success::Json(json!({
            "type": "object", "required": ["edition", "methodology", "countries"],
            "properties": { "edition": r("Edition"), "countries": { "type": "array", "items": r("IndexRow") } }
        }))).public(),
        op("get", "/index/editions/{edition}/export.csv", "index", "The ranked table as CSV with HXL hashtags", 200, Success::Text("text/csv")).public(),
        op("get", "/index/editions/{edition}/methodology.toml", "index", "The methodology file the edition was computed with", 200, Success::Text("text/plain")).public(),
        op("get", "/index/editions/{edition}/countries/{iso3}", "index", "One country with every input behind its numbers", 200, object(&["edition", "country", "result", "indicators", "trend"])).public(),
        op("get", "/openapi.json", "meta", "This document", 200, object(&["openapi", "paths"])).public(),
    ]
}

/// The statuses an operation may answer besides its success, each with the error body.
const ERRORS: [u16; 9] = [400, 401, 403, 404, 409, 413, 415, 422, 429];

pub fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for o in operations() {
        let mut params: Vec<Value> = path_params(o.path)
            .map(|name| {
                let schema =
                    o.path_schemas.iter().find(|(n, _)| *n == name).map_or_else(text, |(_, s)| s.clone());
                json!({ "name": name, "in": "path", "required": true, "schema": schema })
            })
            .collect();
        params.extend(o.query.iter().map(
            |(name, schema)| json!({ "name": name, "in": "query", "required": false, "schema": schema }),
        ));
        params.extend(o.headers.iter().map(
            |(name, schema)| json!({ "name": name, "in": "header", "required": false, "schema": schema }),
        ));
        let mut responses = Map::new();
        let ok = match &o.ok {
            Success::Json(schema) => {
                json!({ "description": "Success", "content": { "application/json": { "schema": schema } } })
            }
            Success::Empty => json!({ "description": "Done; no content" }),
            Success::Text(ct) => {
                json!({ "description": "Success", "content": { *ct: { "schema": { "type": "string" } } } })
            }
        };
        let mut ok = ok;
        if !o.links.is_empty() {
            let links: Map<String, Value> = o
                .links
                .iter()
                .map(|(method, path, pointer)| {
                    let id = operation_id(method, path);
                    let param = path_params(path).next().unwrap_or("id");
                    (id.clone(), json!({ "operationId": id, "parameters": { param: format!("$response.body#{pointer}") } }))
                })
                .collect();
            ok["links"] = Value::Object(links);
        }
        responses.insert(o.status.to_string(), ok);
        for e in ERRORS {
            responses.insert(e.to_string(), json!({ "$ref": "#/components/responses/Error" }));
        }
        let mut operation = json!({
            "summary": o.summary,
            "tags": [o.tag],
            "operationId": operation_id(o.method, o.path),
            "parameters": params,
            "responses": responses,
        });
        operation["security"] = if o.public { json!([]) } else { json!([{ "bearer": [] }]) };
        if let Some(b) = o.body {
            operation["requestBody"] =
                json!({ "required": true, "content": { "application/json": { "schema": r(b) } } });
        }
        paths.entry(o.path.to_owned()).or_insert_with(|| json!({}))[o.method] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Tandem API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Civil society, communities, police and local government working on human security together. Errors are {error:{code,message}} with a 4xx status; records of other organisations are 404.",
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "bearer": [] }],
        "paths": paths,
        "components": schemas::components(),
    })
}

/// Every documented (method, path), for the tests that compare the document with the routes.
pub fn documented() -> Vec<(&'static str, &'static str)> {
    operations().into_iter().map(|o| (o.method, o.path)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves_and_operations_are_unique() {
        let doc = document();
        let text = doc.to_string();
        for part in text.split("\"$ref\":\"#/components/").skip(1) {
            let target = part.split('"').next().unwrap_or_default();
            let (section, name) = target.split_once('/').unwrap_or_default();
            assert!(doc["components"][section][name].is_object(), "{target} is referenced but not defined");
        }
        let ops = documented();
        let unique: std::collections::BTreeSet<_> = ops.iter().collect();
        assert_eq!(unique.len(), ops.len(), "an operation is documented twice");
        assert_eq!(doc["openapi"], "3.1.0");
    }

    /// Every link names a documented operation and one of its path parameters, and its pointer
    /// leads to a property the response schema declares (an array index steps into `items`).
    #[test]
    fn links_lead_somewhere() {
        let doc = document();
        let ids: std::collections::BTreeMap<String, &str> =
            operations().iter().map(|o| (operation_id(o.method, o.path), o.path)).collect();
        let resolve = |v: &Value| -> Value {
            match v["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
                Some(name) => doc["components"]["schemas"][name].clone(),
                None => v.clone(),
            }
        };
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
                        let mut schema = resolve(&response["content"]["application/json"]["schema"]);
                        for seg in pointer.split('/') {
                            schema = if seg.parse::<usize>().is_ok() {
                                resolve(&schema["items"])
                            } else {
                                resolve(&schema["properties"][seg])
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

    /// Every route the API's modules declare (path and method handlers) is documented, and
    /// nothing undocumented hides there: read from the sources, since axum cannot list routes.
    #[test]
    fn every_api_route_is_documented() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
        let mut routes = std::collections::BTreeSet::new();
        let files = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .chain([format!("{dir}/openapi/mod.rs").into()]);
        for path in files {
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("openrosa.rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            for call in src.split(".route(\"").skip(1) {
                let (route, rest) = call.split_once('"').unwrap();
                let handlers = rest.split(")\n").next().unwrap_or(rest);
                for m in ["get", "post", "put", "patch", "delete"] {
                    if handlers.contains(&format!(" {m}("))
                        || handlers.contains(&format!(".{m}("))
                        || handlers.contains(&format!(", {m}("))
                    {
                        routes.insert((m, route.to_owned()));
                    }
                }
            }
        }
        assert!(routes.len() > 40, "the route scan found too little: {routes:?}");
        let documented: std::collections::BTreeSet<(&str, String)> =
            documented().into_iter().map(|(m, p)| (m, p.to_owned())).collect();
        let missing: Vec<_> = routes.difference(&documented).collect();
        assert!(missing.is_empty(), "routes missing from the OpenAPI document: {missing:?}");
        let extra: Vec<_> = documented.difference(&routes).collect();
        assert!(extra.is_empty(), "documented operations with no route: {extra:?}");
    }
}
