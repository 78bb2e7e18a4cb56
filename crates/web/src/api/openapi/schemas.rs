//! The component schemas of the OpenAPI document: what the API's bodies hold, as the handlers
//! serialise them. Objects list their required fields but allow more, so that adding a field is
//! not a breaking change; nullable fields say so.
use serde_json::{json, Value};

fn s() -> Value {
    json!({ "type": "string" })
}
fn s_null() -> Value {
    json!({ "type": ["string", "null"] })
}
fn t() -> Value {
    json!({ "type": "string", "format": "date-time" })
}
fn t_null() -> Value {
    json!({ "type": ["string", "null"], "format": "date-time" })
}
fn int() -> Value {
    json!({ "type": "integer" })
}
fn num_null() -> Value {
    json!({ "type": ["number", "null"] })
}
fn b() -> Value {
    json!({ "type": "boolean" })
}
fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}
fn arr(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}
/// An object with these properties, all required.
fn obj(props: &[(&str, Value)]) -> Value {
    let required: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    let properties: serde_json::Map<String, Value> =
        props.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    json!({ "type": "object", "required": required, "properties": properties })
}
/// A request body: known fields only.
fn body(required: &[&str], props: &[(&str, Value)]) -> Value {
    let properties: serde_json::Map<String, Value> =
        props.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    json!({ "type": "object", "required": required, "properties": properties, "additionalProperties": false })
}
/// A required text field: the handler refuses an empty one. (No maximum or pattern: handlers trim
/// before they measure, which a schema cannot say, and a fuzzer would rightly call a padded
/// string the handler accepts a schema violation.)
fn text1() -> Value {
    json!({ "type": "string", "minLength": 1 })
}
/// An optional body field the handler reads into an `Option`: `null` means absent.
fn nullable(mut v: Value) -> Value {
    if let Some(t) = v.get("type").and_then(Value::as_str).map(str::to_owned) {
        v["type"] = json!([t, "null"]);
    }
    v
}
fn one_of_strings(values: &[&str]) -> Value {
    json!({ "type": "string", "enum": values })
}

pub fn components() -> Value {
    let role = one_of_strings(&["member", "coordinator", "admin"]);
    let kind = one_of_strings(&["civil_society", "security", "government", "international", "donor"]);
    let level = one_of_strings(&["country", "admin1", "admin2", "locality"]);
    let report_status = one_of_strings(&["new", "verified", "dismissed", "closed"]);
    let method = one_of_strings(&["threshold", "c1", "c2", "c3"]);
    let week = json!({ "type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$" });
    let mut schemas = serde_json::Map::new();
    let mut add = |name: &str, v: Value| {
        schemas.insert(name.to_owned(), v);
    };
    add(
        "Error",
        obj(&[("error", {
            let mut e = obj(&[("code", s()), ("message", s())]);
            e["properties"]["field"] = s();
            e
        })]),
    );
    add(
        "Org",
        obj(&[
            ("id", s()),
            ("name", s()),
            ("slug", s()),
            ("kind", kind.clone()),
            ("women_led", b()),
            ("youth_led", b()),
            ("minority_led", b()),
            ("created_at", t()),
        ]),
    );
    add(
        "Login",
        obj(&[
            ("token", s()),
            ("expires_at", t()),
            ("user", obj(&[("id", s()), ("email", s())])),
            ("org", obj(&[("id", s()), ("name", s()), ("kind", kind.clone())])),
            ("role", role.clone()),
        ]),
    );
    add(
        "Me",
        obj(&[
            ("user", obj(&[("id", s()), ("email", s()), ("display_name", s()), ("platform_admin", b())])),
            ("org", r("Org")),
            ("role", role.clone()),
            ("expires_at", t()),
        ]),
    );
    add(
        "Member",
        obj(&[
            ("user_id", s()),
            ("email", s()),
            ("display_name", s()),
            ("role", role.clone()),
            ("since", t()),
        ]),
    );
    add(
        "AuditEvent",
        obj(&[
            ("seq", int()),
            ("at", t()),
            ("org_id", s_null()),
            ("actor_id", s_null()),
            ("action", s()),
            ("subject", s_null()),
            ("detail", s()),
            ("prev_hash", s()),
            ("hash", s()),
        ]),
    );
    add("Area", obj(&[("code", s()), ("name", s()), ("level", level.clone()), ("parent_code", s_null())]));
    add(
        "Category",
        obj(&[
            ("slug", s()),
            ("name", s()),
            ("reference", s()),
            ("threshold_severity", int()),
            ("keywords", s()),
        ]),
    );
    add(
        "Report",
        obj(&[
            ("id", s()),
            ("org_id", s()),
            ("area", s()),
            ("category", s()),
            ("severity", int()),
            ("occurred_at", t()),
            ("week", week.clone()),
            ("description", s()),
            ("channel", s()),
            ("has_reporter_contact", b()),
            ("status", report_status.clone()),
            ("status_by", s_null()),
            ("status_at", t_null()),
            ("verified_at", t_null()),
            ("created_by", s_null()),
            ("created_at", t()),
        ]),
    );
    add(
        "Alert",
        obj(&[
            ("id", s()),
            ("org_id", s()),
            ("area", s()),
            ("category", s()),
            ("week", week.clone()),
            ("method", method.clone()),
            ("version", s()),
            ("observed", int()),
            ("baseline_mean", num_null()),
            ("baseline_sd", num_null()),
            ("statistic", num_null()),
            ("status", one_of_strings(&["open", "closed", "withdrawn"])),
            ("assigned_org_id", s_null()),
            ("due_at", t_null()),
            ("created_at", t()),
            ("updated_at", t()),
            ("first_response_at", t_null()),
        ]),
    );
    add(
        "Response",
        obj(&[
            ("id", s()),
            ("alert_id", s()),
            ("responder_org_id", s()),
            ("responder_user_id", s()),
            ("action", s()),
            ("outcome", s()),
            ("responded_at", t()),
        ]),
    );
    add(
        "SmsMessage",
        obj(&[("id", s()), ("received_at", t()), ("has_sender", b()), ("body", s()), ("reason", s())]),
    );
    add(
        "Agreement",
        obj(&[
            ("id", s()),
            ("owner_org", s()),
            ("owner_name", s()),
            ("partner_org", s()),
            ("partner_name", s()),
            ("mode", one_of_strings(&["aggregates", "records"])),
            ("area_level", level.clone()),
            ("k", int()),
            ("categories", arr(s())),
            ("kinds", arr(one_of_strings(&["reports", "alerts"]))),
            ("valid_from", t()),
            ("valid_to", t_null()),
            ("created_by", s()),
            ("created_at", t()),
            ("revoked_at", t_null()),
            ("revoked_by", s_null()),
            ("role", one_of_strings(&["owner", "partner"])),
            ("status", one_of_strings(&["in_force", "revoked", "expired", "pending"])),
        ]),
    );
    add(
        "SharedAggregates",
        obj(&[
            (
                "agreements",
                arr(obj(&[
                    ("id", s()),
                    ("owner_org", s()),
                    ("owner_name", s()),
                    ("k", int()),
                    ("area_level", level.clone()),
                ])),
            ),
            (
                "cells",
                arr(obj(&[
                    ("owner_org", s()),
                    ("agreement", s()),
                    ("area", s()),
                    ("week", week.clone()),
                    ("category", s()),
                    ("count", json!({ "type": ["integer", "null"] })),
                ])),
            ),
            (
                "totals",
                arr(obj(&[
                    ("owner_org", s()),
                    ("agreement", s()),
                    ("week", week.clone()),
                    ("area", s_null()),
                    ("category", s_null()),
                    ("count", json!({ "type": ["integer", "null"] })),
                ])),
            ),
        ]),
    );
    add(
        "SharedRecord",
        obj(&[
            ("ref", s()),
            ("owner_org", s()),
            ("agreement", s()),
            ("area", s()),
            ("date", json!({ "type": "string", "format": "date" })),
            ("week", week.clone()),
            ("category", s()),
            ("severity", int()),
            ("status", report_status.clone()),
            ("description", s()),
        ]),
    );
    add(
        "SharedAlert",
        obj(&[
            ("id", s()),
            ("owner_org", s()),
            ("owner_name", s()),
            ("agreement", s()),
            ("area", s()),
            ("category", s()),
            ("week", week),
            ("method", method),
            ("count", json!({ "type": ["integer", "null"] })),
            ("status", s()),
            ("due_at", t_null()),
            ("overdue", b()),
            ("first_response_at", t_null()),
        ]),
    );
    add(
        "Retention",
        obj(&[
            ("contact_days", json!({ "type": "integer", "minimum": tandem_domain::retention::MIN_DAYS })),
            ("dismissed_days", json!({ "type": "integer", "minimum": tandem_domain::retention::MIN_DAYS })),
        ]),
    );
    add("Purged", obj(&[("contacts", int()), ("sms_senders", int()), ("dismissed_reports", int())]));
    add(
        "Edition",
        obj(&[
            ("name", json!({ "type": "string", "pattern": "^[0-9]{4}H[12]$" })),
            ("methodology_version", s()),
            ("data_year", int()),
            ("published_at", t_null()),
            ("computed_at", t()),
        ]),
    );
    add(
        "IndexRow",
        obj(&[
            ("iso3", s()),
            ("name", s()),
            ("score", num_null()),
            ("rank", json!({ "type": ["integer", "null"] })),
            ("band", s_null()),
            ("median_rank", num_null()),
            ("rank_p5", json!({ "type": ["integer", "null"] })),
            ("rank_p95", json!({ "type": ["integer", "null"] })),
            ("pillars", json!({ "type": "object" })),
        ]),
    );

    // Request bodies.
    add(
        "LoginBody",
        body(&["email", "password"], &[("email", text1()), ("password", text1()), ("org", s())]),
    );
    add(
        "NewOrg",
        body(
            &["name", "kind"],
            &[
                ("name", text1()),
                ("kind", kind),
                ("women_led", b()),
                ("youth_led", b()),
                ("minority_led", b()),
            ],
        ),
    );
    add(
        "NewMember",
        body(
            &["email", "role"],
            &[
                ("email", text1()),
                ("role", role.clone()),
                ("display_name", nullable(s())),
                ("password", nullable(s())),
            ],
        ),
    );
    add("MemberRole", body(&["role"], &[("role", role)]));
    add(
        "NewArea",
        body(
            &["code", "name", "level"],
            &[("code", text1()), ("name", text1()), ("level", level.clone()), ("parent_code", nullable(s()))],
        ),
    );
    add(
        "NewReport",
        body(
            &["area", "category", "severity", "occurred_at", "description"],
            &[
                ("area", text1()),
                ("category", text1()),
                ("severity", json!({ "type": "integer", "minimum": 1, "maximum": 4 })),
                ("occurred_at", text1()),
                ("description", text1()),
                ("reporter_contact", nullable(s())),
            ],
        ),
    );
    add(
        "Assign",
        body(
            &[],
            &[
                ("org", nullable(s())),
                ("due_at", nullable(s())),
                (
                    "due_in_hours",
                    nullable(
                        json!({ "type": "integer", "minimum": 1, "maximum": crate::ew::responses::MAX_DUE_IN_HOURS }),
                    ),
                ),
            ],
        ),
    );
    add(
        "NewResponse",
        body(
            &["action", "outcome"],
            &[("action", text1()), ("outcome", text1()), ("responded_at", nullable(s()))],
        ),
    );
    // Gateways add fields of their own, and some withhold the sender: only the text is needed.
    add(
        "Sms",
        json!({ "type": "object", "required": ["text"], "properties": { "from": nullable(s()), "text": s() } }),
    );
    add(
        "NewAgreement",
        body(
            &["partner_org", "mode", "area_level"],
            &[
                ("partner_org", text1()),
                ("mode", one_of_strings(&["aggregates", "records"])),
                ("area_level", level),
                ("k", nullable(json!({ "type": "integer", "minimum": 3, "maximum": 100 }))),
                ("categories", arr(s())),
                ("kinds", arr(one_of_strings(&["reports", "alerts"]))),
                ("valid_from", nullable(s())),
                ("valid_to", nullable(s())),
            ],
        ),
    );
    add("NewName", body(&["name"], &[("name", text1())]));
    let days = json!({
        "type": "integer",
        "minimum": tandem_domain::retention::MIN_DAYS,
        "maximum": tandem_domain::retention::MAX_DAYS,
    });
    add(
        "SetRetention",
        body(
            &["contact_days", "dismissed_days"],
            &[("contact_days", days.clone()), ("dismissed_days", days)],
        ),
    );
    json!({
        "schemas": schemas,
        "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "A token from POST /auth/login" } },
        "responses": { "Error": { "description": "The request could not be carried out; `error.code` says why", "content": { "application/json": { "schema": r("Error") } } } },
    })
}
