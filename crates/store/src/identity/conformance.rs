//! The identity-and-access chapter of the conformance story: organisations, users, memberships,
//! sessions and the audit chain, each scoped by organisation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::sync::Arc;

use chrono::{Duration, Utc};
use tandem_domain::audit::ChainVerifier;
use tandem_domain::{Email, OrgId, OrgKind, Role, UserId};

use crate::conformance::{ev, new_org, new_user, session};
use crate::{SessionKind, Store, StoreError};

/// Runs the chapter against `store`, which must be freshly created and empty.
pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.expect("migrate");
    s.migrate().await.expect("migrations are idempotent");
    s.ping().await.expect("ping");

    // Organisations.
    let a = s
        .create_org(&new_org("Kumba Women's Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let b = s
        .create_org(&new_org("Central Police Station", OrgKind::Security, false), ev("org.create"))
        .await
        .unwrap();
    // Public addresses are short: a long name's initials (`/intake/kwpn`).
    assert_eq!((a.slug.as_str(), b.slug.as_str()), ("kwpn", "cps"));
    assert!(a.women_led && !a.minority_led && b.minority_led);
    assert_eq!(b.kind, OrgKind::Security);
    match s.create_org(&new_org("Kumba Women's Peace Network", OrgKind::Donor, false), ev("org.create")).await
    {
        Err(StoreError::Conflict(_)) => {}
        other => panic!("duplicate organisation must conflict, got {other:?}"),
    }
    match s.create_org(&new_org("KUMBA WOMEN'S PEACE NETWORK", OrgKind::Donor, false), ev("org.create")).await
    {
        Err(StoreError::Conflict(_)) => {}
        other => panic!("a name differing only in case must conflict, got {other:?}"),
    }
    let orgs = s.list_orgs().await.unwrap();
    assert_eq!(orgs.len(), 2, "a failed create writes nothing");
    // Different names with the same initials, or with no Latin letters at all, each get an
    // address of their own.
    let c = s
        .create_org(&new_org("Kribi Women Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    assert_eq!(c.slug, "kwpn-2");
    let d =
        s.create_org(&new_org("جمعية السلام", OrgKind::CivilSociety, false), ev("org.create")).await.unwrap();
    let e =
        s.create_org(&new_org("جمعية الأمل", OrgKind::CivilSociety, false), ev("org.create")).await.unwrap();
    assert_eq!((d.slug.as_str(), e.slug.as_str()), ("org", "org-2"));
    assert_eq!(s.get_org(&a.id).await.unwrap(), a);
    assert_eq!(s.find_org_by_slug("kwpn").await.unwrap(), a);
    assert!(matches!(s.find_org_by_slug("nope").await, Err(StoreError::NotFound)));
    assert!(matches!(s.get_org(&OrgId::new()).await, Err(StoreError::NotFound)));

    // Users.
    let u1 = s.create_user(&new_user("amina@kwpn.example", false), ev("user.create")).await.unwrap();
    let u2 = s.create_user(&new_user("officer@police.example", true), ev("user.create")).await.unwrap();
    assert!(u2.platform_admin && !u1.platform_admin);
    assert!(matches!(
        s.create_user(&new_user("AMINA@kwpn.example", false), ev("user.create")).await,
        Err(StoreError::Conflict(_))
    ));
    let creds = s.find_credentials(&Email::parse("amina@kwpn.example").unwrap()).await.unwrap().unwrap();
    assert_eq!(creds.user, u1);
    assert_eq!(creds.password_hash, "$argon2id$fake$amina@kwpn.example");
    assert!(s.find_credentials(&Email::parse("nobody@x.example").unwrap()).await.unwrap().is_none());
    assert_eq!(
        s.find_user_by_email(&Email::parse("officer@police.example").unwrap()).await.unwrap().unwrap(),
        u2
    );

    // Memberships are scoped by organisation.
    let m = s.add_member(&a.id, &u1.id, Role::Coordinator, ev("member.add").org(&a.id)).await.unwrap();
    assert_eq!((m.role, m.email.as_str()), (Role::Coordinator, "amina@kwpn.example"));
    assert!(matches!(
        s.add_member(&a.id, &u1.id, Role::Member, ev("member.add")).await,
        Err(StoreError::Conflict(_))
    ));
    s.add_member(&b.id, &u2.id, Role::Admin, ev("member.add").org(&b.id)).await.unwrap();
    assert!(matches!(s.get_member(&b.id, &u1.id).await, Err(StoreError::NotFound)));
    assert!(matches!(
        s.set_role(&b.id, &u1.id, Role::Admin, ev("member.role")).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(s.remove_member(&b.id, &u1.id, ev("member.remove")).await, Err(StoreError::NotFound)));
    assert!(matches!(
        s.add_member(&OrgId::new(), &u1.id, Role::Member, ev("member.add")).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.add_member(&a.id, &UserId::new(), Role::Member, ev("member.add")).await,
        Err(StoreError::NotFound)
    ));
    let members_a = s.list_members(&a.id).await.unwrap();
    assert_eq!(members_a.iter().map(|m| m.user_id.clone()).collect::<Vec<_>>(), vec![u1.id.clone()]);
    let m = s.set_role(&a.id, &u1.id, Role::Admin, ev("member.role").org(&a.id)).await.unwrap();
    assert_eq!(m.role, Role::Admin);
    let ms = s.memberships(&u1.id).await.unwrap();
    assert_eq!(ms.len(), 1);
    assert_eq!((ms[0].0.id.clone(), ms[0].1), (a.id.clone(), Role::Admin));

    // Sessions: found while live, gone once expired or revoked, and the role is read afresh.
    s.create_session(&session("h1", &u1.id, &a.id, Duration::hours(1))).await.unwrap();
    s.create_session(&session("h-old", &u1.id, &a.id, Duration::seconds(-1))).await.unwrap();
    let p = s.find_session("h1", Utc::now()).await.unwrap().unwrap();
    assert_eq!(
        (p.user.id.clone(), p.org.id.clone(), p.role, p.kind),
        (u1.id.clone(), a.id.clone(), Role::Admin, SessionKind::Api)
    );
    assert_eq!(p.csrf_token, "csrf-h1");
    assert!(s.find_session("h-old", Utc::now()).await.unwrap().is_none(), "expired");
    assert!(s.find_session("nope", Utc::now()).await.unwrap().is_none());
    s.set_role(&a.id, &u1.id, Role::Member, ev("member.role").org(&a.id)).await.unwrap();
    assert_eq!(s.find_session("h1", Utc::now()).await.unwrap().unwrap().role, Role::Member);
    assert!(s.revoke_session("h1", Utc::now()).await.unwrap());
    assert!(!s.revoke_session("h1", Utc::now()).await.unwrap(), "already revoked");
    assert!(s.find_session("h1", Utc::now()).await.unwrap().is_none());
    assert!(
        matches!(
            s.create_session(&session("h2", &u1.id, &b.id, Duration::hours(1))).await,
            Err(StoreError::NotFound)
        ),
        "a session needs a membership in its organisation"
    );

    // Removing a member ends their sessions in that organisation at once.
    s.create_session(&session("h3", &u1.id, &a.id, Duration::hours(1))).await.unwrap();
    s.remove_member(&a.id, &u1.id, ev("member.remove").org(&a.id)).await.unwrap();
    assert!(s.find_session("h3", Utc::now()).await.unwrap().is_none());
    assert!(s.list_members(&a.id).await.unwrap().is_empty());
    assert!(s.memberships(&u1.id).await.unwrap().is_empty());

    // The audit log: every change above wrote an event, in one unbroken chain, even under
    // concurrent appends.
    let mut tasks = Vec::new();
    for i in 0..16 {
        let st = store.clone();
        tasks.push(tokio::spawn(async move {
            st.append_audit(ev("test.concurrent").detail(serde_json::json!({ "i": i }))).await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let mut all = Vec::new();
    let mut after = 0;
    loop {
        let page = s.audit_page(after, 7).await.unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().unwrap().seq;
        all.extend(page);
    }
    let mut v = ChainVerifier::new();
    for e in &all {
        v.push(e).unwrap_or_else(|b| panic!("{b}"));
    }
    let head = s.audit_head().await.unwrap();
    let n = v.finish(head).unwrap();
    // 5 orgs + 2 users + 2 adds + 2 role changes + 1 removal + 16 appends; failed acts write none.
    assert_eq!(n, 28, "actions: {:?}", all.iter().map(|e| e.action.as_str()).collect::<Vec<_>>());
    let about_a = s.org_audit(&a.id, 100).await.unwrap();
    assert_eq!(about_a.len(), 5, "creation, two role changes, add, remove");
    assert!(about_a.windows(2).all(|w| w[0].seq > w[1].seq), "newest first");
    assert!(about_a.iter().all(|e| e.org_id.as_deref() == Some(a.id.as_str())));
}
