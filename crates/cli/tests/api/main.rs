//! Integration tests, compiled into one binary (link time), one module per feature. Each test
//! runs against a fresh SQLite database and a fresh PostgreSQL database (`both!`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod attacks;
mod audit;
mod auth;
mod backup;
mod cli;
mod crash;
mod demo_monitoring;
mod demo_registry;
mod directory;
mod edges;
mod evidence;
mod ew;
mod ew_pages;
mod forums;
mod index;
mod knowledge;
mod letters;
mod matrix;
mod matrix_sharing;
mod openrosa;
mod ops;
mod pages;
mod protection;
mod public_violations;
mod registry;
mod scorecards;
mod shared_violations;
mod sharing;
mod sms;
mod survey_phones;
mod surveys;
mod violations;
mod wheel;

/// Helpers the page tests share.
mod browser {
    use tandem_testkit::reqwest;

    /// The value of the cookie `name` that a response sets, if it sets one.
    pub fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
        r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
            let kv = v.split(';').next()?;
            let (k, val) = kv.split_once('=')?;
            (k == name).then(|| val.to_owned())
        })
    }

    /// The CSRF token of the first form on a page.
    pub fn hidden_csrf(html: &str) -> String {
        let i = html.find("name=\"_csrf\" value=\"").expect("form has a CSRF field") + 20;
        html[i..].split('"').next().unwrap().to_owned()
    }
}
