//! Reading and setting cookies, for the session middleware, the language choice and the pages.
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

/// The value of cookie `name` in the request, if set and not empty.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// Appends a `Set-Cookie`: HttpOnly and SameSite=Strict always, Secure unless turned off for plain
/// local HTTP. `max_age` None makes a browser-session cookie; Some(0) deletes.
pub fn set_cookie(resp: &mut Response, name: &str, value: &str, max_age: Option<i64>, secure: bool) {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&c) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}
