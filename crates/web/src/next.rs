//! The `next=` parameter: where to go back to after signing in or switching language. Only a path
//! on this site is followed, so that a link cannot send people to another host.

/// Percent-encodes a local path for a `next=` parameter.
pub fn encode_next(path: &str) -> String {
    form_urlencoded::byte_serialize(path.as_bytes()).collect()
}

/// Where to go: `next` if it is a path on this site, else home.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// A path on this site and nothing else: it starts with one `/`, and holds only visible ASCII.
/// Browsers drop tabs and line breaks from a URL and read `\` as `/`, so `/<tab>/evil.example`
/// is `//evil.example` to them; and a line break in a `Location` header is refused outright.
fn is_local_path(n: &str) -> bool {
    n.starts_with('/')
        && !n[1..].starts_with(['/', '\\'])
        && n.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        && !n.contains("://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/members")), "/members");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "",
            "/\t/evil.example/",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=y",
            "/ /evil.example",
            "/\u{0}",
            "/\u{7f}",
            "/a\\b",
            "/\u{3000}/evil.example",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
