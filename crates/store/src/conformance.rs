//! The conformance story every backend must pass, one chapter per capability (each in its
//! capability's module: `identity::conformance`, `ew::conformance`, ...), and the fixtures the
//! chapters share. A backend runs every chapter with one line: [`conformance_tests!`].
// Test helpers: failing loudly with the step that broke is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Duration, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::org::OrgFlags;
use tandem_domain::{Email, OrgId, OrgKind, OrgName, UserId};

use crate::{NewOrg, NewSession, NewUser, SessionKind};

/// One `#[tokio::test]` per chapter, each on a fresh store from `$open`: an `async fn()` in the
/// calling module giving an empty, unmigrated `Arc<dyn Store>` and a guard that keeps (then
/// removes) its database for as long as the test runs. A new capability adds its chapter to the
/// list here, and every backend runs it.
#[macro_export]
macro_rules! conformance_tests {
    ($open:path) => {
        $crate::conformance_tests!(@chapters $open; identity, invitations, ew, field, protection, index, observatory, forums, monitoring, knowledge, letters, directory, registry);
    };
    (@chapters $open:path; $($chapter:ident),+) => {
        $(
            #[tokio::test]
            async fn $chapter() {
                let (store, _database) = $open().await;
                $crate::$chapter::conformance::chapter(store).await;
            }
        )+
    };
}

/// A stand-in for a sealed value: the store must treat it as opaque text.
pub(crate) fn hex_of(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The one country the smaller chapters place their records in.
pub fn marenia() -> crate::NewArea {
    crate::NewArea {
        code: tandem_domain::area::PCode::parse("MR").unwrap(),
        name: "Marenia".into(),
        level: tandem_domain::area::AreaLevel::Country,
        parent: None,
        geometry: None,
    }
}

pub fn ev(action: &str) -> NewAuditEvent {
    NewAuditEvent::new(action)
}

pub fn new_org(name: &str, kind: OrgKind, women_led: bool) -> NewOrg {
    NewOrg {
        name: OrgName::parse(name).unwrap(),
        kind,
        flags: OrgFlags { women_led, youth_led: false, minority_led: !women_led },
    }
}

pub(crate) fn new_user(email: &str, admin: bool) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        display_name: email.split('@').next().unwrap().to_owned(),
        password_hash: format!("$argon2id$fake${email}"),
        platform_admin: admin,
    }
}

pub(crate) fn session(hash: &str, user: &UserId, org: &OrgId, ttl: Duration) -> NewSession {
    let now = Utc::now();
    NewSession {
        token_hash: hash.to_owned(),
        user_id: user.clone(),
        org_id: org.clone(),
        kind: SessionKind::Api,
        csrf_token: format!("csrf-{hash}"),
        created_at: now,
        expires_at: now + ttl,
    }
}
