//! The `next=` parameter: where to go back to after signing in or switching language. Only a path
//! on this site is followed, so that a link cannot send people to another host.

/// Percent-encodes a local path for a `next=` parameter.
pub fn encode_next(path: &str) -> String {
    form_urlencoded::byte_serialize(path.as_bytes()).collect()
}

/// Where to go: `next` if it is a path on this site, else home.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.contains("://") => {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/members")), "/members");
        for bad in ["//evil.example", "https://evil.example", "/\\evil", "evil", ""] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
