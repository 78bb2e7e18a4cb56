//! Markdown as HTML a page may hold: raw HTML in the text is shown as text, links and images
//! keep only http(s), mail and relative addresses (no `javascript:`), and images become links
//! (a case study's page loads nothing from elsewhere).
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash names a scheme.
        Some((scheme, _)) if !scheme.contains('/') => matches!(scheme, "http" | "https" | "mailto"),
        _ => true,
    }
}

fn lower(level: pulldown_cmark::HeadingLevel) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel as H;
    match level {
        H::H1 => H::H2,
        H::H2 => H::H3,
        H::H3 => H::H4,
        H::H4 => H::H5,
        _ => H::H6,
    }
}

pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let events = parser.map(|e| match e {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        // The page's title is its one h1: the body's headings start at h2.
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: lower(level), id, classes, attrs })
        }
        Event::End(pulldown_cmark::TagEnd::Heading(level)) => {
            Event::End(pulldown_cmark::TagEnd::Heading(lower(level)))
        }
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Link { link_type, dest_url: CowStr::from("#"), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let dest_url = if safe_url(&dest_url) { dest_url } else { CowStr::from("#") };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::End(pulldown_cmark::TagEnd::Image) => Event::End(pulldown_cmark::TagEnd::Link),
        e => e,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_shown_and_what_could_run_is_not() {
        assert!(to_html("# One").contains("<h2>One</h2>"), "one h1 a page");
        let h = to_html("## Title\n\n- **one** item\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://example.org) ![i](http://evil.example/t.png)");
        assert!(h.contains("<h3>Title</h3>") && h.contains("<strong>one</strong>"), "{h}");
        assert!(h.contains("&lt;script&gt;") && !h.contains("<script>"), "{h}");
        assert!(
            h.contains(r##"<a href="#">x</a>"##) && h.contains(r#"<a href="https://example.org">y</a>"#),
            "{h}"
        );
        assert!(!h.contains("<img"), "{h}");
    }
}
