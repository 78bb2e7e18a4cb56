//! The site's navigation: which pages a signed-in person's role opens, in one list, and which of
//! them the current page belongs to (marked `aria-current="page"` and named in the phone menu).
use serde::Serialize;
use tandem_domain::Role;

/// One entry of the menu.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    /// The Fluent key of its name.
    pub key: &'static str,
    pub current: bool,
}

/// The entries for a signed-in person (`role`), or for a visitor (`None`), with the one `path`
/// belongs to marked.
pub fn items(role: Option<Role>, platform_admin: bool, path: &str) -> Vec<NavItem> {
    let all: &[(&str, &str, Option<Role>)] = &[
        ("/", "nav-home", Some(Role::Member)),
        ("/reports", "nav-reports", Some(Role::Member)),
        ("/alerts", "nav-alerts", Some(Role::Member)),
        ("/dashboard", "nav-dashboard", Some(Role::Member)),
        ("/sharing", "nav-sharing", Some(Role::Member)),
        ("/shared", "nav-shared", Some(Role::Member)),
        ("/violations", "nav-violations", Some(Role::Member)),
        ("/forums", "nav-forums", Some(Role::Member)),
        ("/surveys", "nav-surveys", Some(Role::Member)),
        ("/scorecards", "nav-scorecards", Some(Role::Member)),
        ("/letters", "nav-letters", Some(Role::Member)),
        ("/referrals", "nav-referrals", Some(Role::Coordinator)),
        ("/protection", "nav-protection", Some(Role::Coordinator)),
        ("/field", "nav-field", Some(Role::Coordinator)),
        ("/index", "nav-index", None),
        ("/knowledge", "nav-knowledge", None),
        ("/services", "nav-services", None),
        ("/registry", "nav-registry", None),
        ("/members", "nav-members", Some(Role::Admin)),
    ];
    let mut out: Vec<NavItem> = all
        .iter()
        .filter(|(_, _, needs)| match (needs, role) {
            (None, _) => true,
            (Some(n), Some(r)) => r.at_least(*n),
            (Some(_), None) => false,
        })
        .map(|(href, key, _)| NavItem { href, key, current: belongs(path, href) })
        .collect();
    if platform_admin {
        out.push(NavItem { href: "/admin/orgs", key: "nav-orgs", current: belongs(path, "/admin/orgs") });
    }
    if role.is_none() {
        out.push(NavItem { href: "/login", key: "nav-sign-in", current: belongs(path, "/login") });
    }
    out
}

/// Whether `path` is the page `href` or one below it ("/alerts/…" belongs to "/alerts").
fn belongs(path: &str, href: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path == href || path.strip_prefix(href).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(items: &[NavItem]) -> Vec<&str> {
        items.iter().map(|i| i.key).collect()
    }

    #[test]
    fn each_role_sees_its_pages_and_the_current_one_is_marked() {
        let member = items(Some(Role::Member), false, "/alerts/123");
        assert!(!keys(&member).contains(&"nav-protection") && !keys(&member).contains(&"nav-members"));
        let current: Vec<&str> = member.iter().filter(|i| i.current).map(|i| i.key).collect();
        assert_eq!(current, ["nav-alerts"]);
        let admin = items(Some(Role::Admin), true, "/");
        assert!(keys(&admin).contains(&"nav-members") && keys(&admin).contains(&"nav-orgs"));
        assert_eq!(admin.iter().filter(|i| i.current).map(|i| i.key).collect::<Vec<_>>(), ["nav-home"]);
        let visitor = items(None, false, "/index/2026H2");
        assert_eq!(
            keys(&visitor),
            ["nav-index", "nav-knowledge", "nav-services", "nav-registry", "nav-sign-in"]
        );
        assert!(visitor[0].current);
        assert!(!items(None, false, "/shared").iter().any(|i| i.current), "no false match on a prefix");
        assert!(!belongs("/sharingx", "/sharing"));
    }
}
