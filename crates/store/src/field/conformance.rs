//! The field-collection chapter: app users live until revoked, a submission files one report
//! however often it is sent, and its files stay with it, scoped by organisation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::Utc;
use tandem_domain::area::PCode;
use tandem_domain::report::{CategorySlug, Channel, Severity};
use tandem_domain::seal::SealedBytes;
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{Filed, NewAppUser, NewAttachment, NewReport, NewSubmission, ReportFilter, Store, StoreError};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    s.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
    let a =
        s.create_org(&new_org("Kumba Watch", OrgKind::CivilSociety, true), ev("org.create")).await.unwrap();
    let b =
        s.create_org(&new_org("Other Watch", OrgKind::CivilSociety, false), ev("org.create")).await.unwrap();
    let u = s.create_user(&new_user("watch@kumba.example", false), ev("user.create")).await.unwrap();
    s.add_member(&a.id, &u.id, Role::Admin, ev("member.add")).await.unwrap();

    // App users: found by token while live, scoped by organisation, revoked on their own.
    let new_app = |name: &str, hash: &str| NewAppUser {
        org_id: a.id.clone(),
        name: name.into(),
        form_id: "tandem_report".into(),
        token_hash: hash.into(),
        created_by: Some(u.id.clone()),
    };
    let team = s.create_app_user(&new_app("Market team", "h1"), ev("app_user.create")).await.unwrap();
    let other = s.create_app_user(&new_app("Road team", "h2"), ev("app_user.create")).await.unwrap();
    assert_eq!(s.app_user_by_token("h1").await.unwrap().unwrap().id, team.id);
    assert!(s.app_user_by_token("nope").await.unwrap().is_none());
    assert!(matches!(
        s.revoke_app_user(&b.id, &team.id, ev("app_user.revoke")).await,
        Err(StoreError::NotFound)
    ));
    s.revoke_app_user(&a.id, &other.id, ev("app_user.revoke")).await.unwrap();
    assert!(s.app_user_by_token("h2").await.unwrap().is_none(), "revoked");
    assert!(s.app_user_by_token("h1").await.unwrap().is_some(), "the other lives on");
    let listed = s.app_users(&a.id).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|x| x.id == other.id && x.revoked_at.is_some()));
    assert!(s.app_users(&b.id).await.unwrap().is_empty());

    // A submission files one report; the same body again files none and adds only new files.
    let report = || NewReport {
        id: OrgId::new().to_string(),
        area: PCode::parse("MR").unwrap(),
        category: CategorySlug::parse("displacement").unwrap(),
        severity: Severity::new(2).unwrap(),
        occurred_at: Utc::now(),
        description: "Families arriving".into(),
        channel: Channel::Openrosa,
        reporter_contact: None,
        created_by: None,
    };
    let file = |name: &str| NewAttachment {
        id: OrgId::new().to_string(),
        name: name.into(),
        content_type: "image/jpeg".into(),
        size: 4,
        sha256: format!("sha-{name}"),
        sealed: SealedBytes { key_id: "k-test".into(), data: vec![1, 2, 3, 4, 0, 255] },
    };
    let part = |id: &str, hash: &str, complete: bool| NewSubmission {
        instance_id: id.into(),
        body_sha256: hash.into(),
        app_user_id: Some(team.id.clone()),
        complete,
        max_files: 3,
        report: report(),
    };
    let sub = |id: &str, hash: &str| part(id, hash, true);
    // A split upload: the first part says it is incomplete, the last completes it.
    let first = s
        .file_submission(&a.id, &part("uuid:1", "x1", false), &[file("a.jpg")], ev("submission"))
        .await
        .unwrap();
    let Filed::New(rep) = first else { panic!("{first:?}") };
    let again = s
        .file_submission(
            &a.id,
            &part("uuid:1", "x1", true),
            &[file("a.jpg"), file("b.jpg")],
            ev("submission"),
        )
        .await
        .unwrap();
    assert_eq!(again, Filed::Again { report_id: rep.id.clone(), added: 1 });
    // Complete: a re-send files nothing and adds no file.
    let same =
        s.file_submission(&a.id, &sub("uuid:1", "x1"), &[file("z.jpg")], ev("submission")).await.unwrap();
    assert_eq!(same, Filed::Again { report_id: rep.id.clone(), added: 0 });
    // However many parts, no more than `max_files` files in all.
    let big = s
        .file_submission(&a.id, &part("uuid:5", "x5", false), &[file("1"), file("2")], ev("submission"))
        .await
        .unwrap();
    let Filed::New(big) = big else { panic!("{big:?}") };
    let more = s
        .file_submission(&a.id, &part("uuid:5", "x5", false), &[file("3"), file("4")], ev("submission"))
        .await
        .unwrap();
    assert_eq!(more, Filed::Again { report_id: big.id.clone(), added: 1 });
    // An erased report takes no files from a re-send.
    s.erase_report(&a.id, &big.id, ev("report.erase")).await.unwrap();
    assert!(s.attachments(&a.id, &big.id).await.unwrap().is_empty(), "erasure took its files");
    let after =
        s.file_submission(&a.id, &part("uuid:5", "x5", false), &[file("5")], ev("submission")).await.unwrap();
    assert_eq!(after, Filed::Again { report_id: big.id.clone(), added: 0 });
    assert!(s.attachments(&a.id, &big.id).await.unwrap().is_empty(), "nothing came back");
    assert!(matches!(
        s.file_submission(&a.id, &sub("uuid:1", "x2"), &[file("c.jpg")], ev("submission")).await,
        Err(StoreError::Conflict(_))
    ));
    // Another organisation's submission with the same instance id is its own.
    assert!(matches!(
        s.file_submission(&b.id, &sub("uuid:1", "x1"), &[], ev("submission")).await.unwrap(),
        Filed::New(_)
    ));
    let all = s.list_reports(&a.id, &ReportFilter { limit: 10, ..Default::default() }).await.unwrap();
    assert_eq!(all.len(), 1, "one report however often it came");

    // Files: listed in order, read with their seal, never across organisations.
    let files = s.attachments(&a.id, &rep.id).await.unwrap();
    assert_eq!(files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.jpg", "b.jpg"]);
    let (meta, sealed) = s.attachment(&a.id, &rep.id, &files[0].id).await.unwrap();
    assert_eq!((meta.size, sealed.data.as_slice()), (4, &[1u8, 2, 3, 4, 0, 255][..]));
    assert!(matches!(s.attachment(&b.id, &rep.id, &files[0].id).await, Err(StoreError::NotFound)));
    assert!(s.attachments(&b.id, &rep.id).await.unwrap().is_empty());

    // Re-encryption pages through every file and replaces seals.
    let page = s.attachment_seals(None, 1).await.unwrap();
    assert_eq!(page.len(), 1);
    let rest =
        s.attachment_seals(Some((page[0].0.org_id.to_string(), page[0].0.id.clone())), 10).await.unwrap();
    assert_eq!(rest.len(), 1);
    let resealed = SealedBytes { key_id: "k-new".into(), data: vec![9; 8] };
    assert_eq!(s.replace_attachment_seals(&[(page[0].0.clone(), resealed.clone())]).await.unwrap(), 1);
    let (_, now) = s.attachment(&a.id, &rep.id, &page[0].0.id).await.unwrap();
    assert_eq!(now, resealed);
    let uses = s.key_use().await.unwrap();
    assert!(
        uses.iter().any(|k| k.purpose == "attachment" && k.key_id.as_deref() == Some("k-new")),
        "{uses:?}"
    );
}
