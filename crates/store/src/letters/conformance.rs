//! The letters chapter: a letter is kept as signed, listed to its issuer and its recipient
//! only, read by anyone who checks it, and revoked by its issuer alone, once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::NaiveDate;
use tandem_domain::letter::LetterKind;
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, new_org, new_user};
use crate::{NewLetter, Store, StoreError};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let network = s
        .create_org(&new_org("Marenia Peace Network", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    let cso = s
        .create_org(&new_org("Kumba Women's Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let other = s
        .create_org(&new_org("Northern Observatory", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    let ada = s.create_user(&new_user("ada@network.example", false), ev("user.create")).await.unwrap();
    s.add_member(&network.id, &ada.id, Role::Coordinator, ev("member.add")).await.unwrap();
    let new = NewLetter {
        id: OrgId::new().to_string(),
        issuer_org: network.id.clone(),
        recipient_org: cso.id.clone(),
        issuer_name: "Marenia Peace Network".into(),
        recipient_name: "Kumba Women's Peace Network".into(),
        kind: LetterKind::Recognition,
        purpose: "Recognises the network's member.".into(),
        addressee: "To whom it may concern".into(),
        issued_on: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        valid_until: NaiveDate::from_ymd_opt(2027, 12, 3).unwrap(),
        key_id: "k1".into(),
        signature: "ab".repeat(64),
        by: ada.id.clone(),
    };
    let made = s.create_letter(&new, ev("letter.issue")).await.unwrap();
    assert_eq!(
        (made.kind.as_str(), made.valid_until, made.revoked_at),
        ("recognition", new.valid_until, None)
    );
    assert_eq!(s.letter(&made.id).await.unwrap(), made);
    assert_eq!(s.letters(&network.id).await.unwrap(), vec![made.clone()]);
    assert_eq!(s.letters(&cso.id).await.unwrap(), vec![made.clone()], "the recipient sees it");
    assert!(s.letters(&other.id).await.unwrap().is_empty());
    let mut ghost = new.clone();
    ghost.id = OrgId::new().to_string();
    ghost.recipient_org = OrgId::new();
    assert!(matches!(s.create_letter(&ghost, ev("letter.issue")).await, Err(StoreError::NotFound)));
    // Only the issuer revokes, once.
    assert!(matches!(
        s.revoke_letter(&cso.id, &made.id, ev("letter.revoke")).await,
        Err(StoreError::NotFound)
    ));
    let revoked = s.revoke_letter(&network.id, &made.id, ev("letter.revoke")).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(matches!(
        s.revoke_letter(&network.id, &made.id, ev("letter.revoke")).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(s.letter("nothing").await, Err(StoreError::NotFound)));
}
