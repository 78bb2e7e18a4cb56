//! The invitations chapter: an address is invited, and only its owner's answer makes a member.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::{Duration, Utc};
use tandem_domain::{Email, OrgKind, Role};

use crate::conformance::{ev, new_org, new_user};
use crate::{Answer, NewInvitation, Store, StoreError};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let cso =
        s.create_org(&new_org("Kumba Women", OrgKind::CivilSociety, true), ev("org.create")).await.unwrap();
    let police = s
        .create_org(&new_org("Kumba Police Station", OrgKind::Security, false), ev("org.create"))
        .await
        .unwrap();
    let amina = s.create_user(&new_user("amina@kwpn.example", false), ev("user.create")).await.unwrap();
    let chief = s.create_user(&new_user("chief@police.example", false), ev("user.create")).await.unwrap();
    s.add_member(&cso.id, &amina.id, Role::Member, ev("member.add")).await.unwrap();
    s.add_member(&police.id, &chief.id, Role::Admin, ev("member.add")).await.unwrap();
    let now = Utc::now();
    let invite = |org: &crate::Org, email: &str, hash: &str, ttl: Duration| NewInvitation {
        org_id: org.id.clone(),
        email: Email::parse(email).unwrap(),
        role: Role::Coordinator,
        token_hash: hash.to_owned(),
        invited_by: chief.id.clone(),
        expires_at: now + ttl,
    };

    // Inviting makes no member; the invitation says who asks.
    let inv = s
        .create_invitation(
            &invite(&police, "Amina@KWPN.example", "t1", Duration::days(7)),
            ev("invitation.create"),
        )
        .await
        .unwrap();
    assert_eq!(
        (inv.email.as_str(), inv.org_kind, inv.role),
        ("amina@kwpn.example", OrgKind::Security, Role::Coordinator)
    );
    assert_eq!(inv.org_name, "Kumba Police Station");
    assert!(s.get_member(&police.id, &amina.id).await.is_err());
    assert_eq!(s.org_invitations(&police.id, now).await.unwrap(), vec![inv.clone()]);
    assert!(s.org_invitations(&cso.id, now).await.unwrap().is_empty(), "scoped by organisation");
    let email = Email::parse("amina@kwpn.example").unwrap();
    assert_eq!(s.invitations_for(&email, now).await.unwrap(), vec![inv.clone()]);
    assert_eq!(s.invitation_by_token("t1", now).await.unwrap(), Some(inv.clone()));
    assert_eq!(s.invitation_by_token("nope", now).await.unwrap(), None);

    // Inviting again replaces the pending invitation (and its link).
    let again = s
        .create_invitation(
            &invite(&police, "amina@kwpn.example", "t2", Duration::days(7)),
            ev("invitation.create"),
        )
        .await
        .unwrap();
    assert_ne!(again.id, inv.id);
    assert_eq!(s.invitation_by_token("t1", now).await.unwrap(), None);
    assert_eq!(s.org_invitations(&police.id, now).await.unwrap().len(), 1);

    // Only the address's owner can answer; another organisation cannot withdraw it.
    assert!(matches!(
        s.answer_invitation(&again.id, &chief, Answer::Accept, now, ev("invitation.accept")).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.withdraw_invitation(&cso.id, &again.id, ev("invitation.withdraw")).await,
        Err(StoreError::NotFound)
    ));
    let m = s
        .answer_invitation(&again.id, &amina, Answer::Accept, now, ev("invitation.accept"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((m.user_id.clone(), m.role), (amina.id.clone(), Role::Coordinator));
    assert_eq!(s.memberships(&amina.id).await.unwrap().len(), 2);
    assert!(
        matches!(
            s.answer_invitation(&again.id, &amina, Answer::Accept, now, ev("invitation.accept")).await,
            Err(StoreError::NotFound)
        ),
        "answered once"
    );
    assert!(s.invitations_for(&email, now).await.unwrap().is_empty());

    // A member cannot be invited again; a declined invitation makes no member.
    assert!(matches!(
        s.create_invitation(
            &invite(&police, "amina@kwpn.example", "t3", Duration::days(7)),
            ev("invitation.create")
        )
        .await,
        Err(StoreError::Conflict(_))
    ));
    let other = s
        .create_invitation(
            &invite(&cso, "chief@police.example", "t4", Duration::days(7)),
            ev("invitation.create"),
        )
        .await
        .unwrap();
    assert_eq!(
        s.answer_invitation(&other.id, &chief, Answer::Decline, now, ev("invitation.decline")).await.unwrap(),
        None
    );
    assert!(s.get_member(&cso.id, &chief.id).await.is_err());

    // Expired and withdrawn invitations cannot be answered.
    let old = s
        .create_invitation(
            &invite(&cso, "new@nowhere.example", "t5", Duration::seconds(-1)),
            ev("invitation.create"),
        )
        .await
        .unwrap();
    assert_eq!(s.invitation_by_token("t5", now).await.unwrap(), None);
    assert!(s.org_invitations(&cso.id, now).await.unwrap().iter().all(|i| i.id != old.id));
    let w = s
        .create_invitation(
            &invite(&cso, "late@nowhere.example", "t6", Duration::days(1)),
            ev("invitation.create"),
        )
        .await
        .unwrap();
    s.withdraw_invitation(&cso.id, &w.id, ev("invitation.withdraw")).await.unwrap();
    assert_eq!(s.invitation_by_token("t6", now).await.unwrap(), None);
    assert!(matches!(
        s.withdraw_invitation(&cso.id, &w.id, ev("invitation.withdraw")).await,
        Err(StoreError::NotFound)
    ));
}
