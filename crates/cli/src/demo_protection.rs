//! The demo's sharing agreements and protection settings: a women's network sharing aggregate
//! cells with the police station (and assigning it an alert), an observatory sharing
//! de-identified records with the municipality, a revoked agreement, protected names and a
//! shorter contact retention. Every partner view has something in it.
use chrono::{Duration, Utc};
use serde_json::json;
use tandem_domain::area::AreaLevel;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::CategorySlug;
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Binding, Keyring, Purpose};
use tandem_domain::sharing::{RecordKind, ShareMode, K};
use tandem_domain::{OrgId, Role};
use tandem_store::{AlertFilter, NewAgreement, Org, Store};

async fn coordinator(store: &dyn Store, org: &Org) -> anyhow::Result<tandem_domain::UserId> {
    let members = store.list_members(&org.id).await?;
    members
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .map(|m| m.user_id)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", org.name))
}

#[allow(clippy::too_many_arguments)]
async fn share(
    store: &dyn Store,
    owner: &Org,
    partner: &Org,
    mode: ShareMode,
    level: AreaLevel,
    k: u32,
    categories: &[&str],
    kinds: &[RecordKind],
) -> anyhow::Result<tandem_store::Agreement> {
    let by = coordinator(store, owner).await?;
    let new = NewAgreement {
        partner: partner.id.clone(),
        mode,
        area_level: level,
        k: K::new(k as i64).map_err(|e| anyhow::anyhow!("{e}"))?,
        categories: categories.iter().filter_map(|c| CategorySlug::parse(c).ok()).collect(),
        kinds: kinds.to_vec(),
        valid_from: Utc::now() - Duration::days(30),
        valid_to: None,
        created_by: by.clone(),
    };
    let ev = NewAuditEvent::new("sharing.create").org(&owner.id).actor(&by).detail(json!({ "via": "demo" }));
    Ok(store.create_agreement(&owner.id, &new, ev).await?)
}

/// `orgs` in the demo's order (see `demo::ORGS`).
pub async fn populate(store: &dyn Store, keys: &Keyring, orgs: &[Org]) -> anyhow::Result<()> {
    let [kwpn, youth, _faith, observatory, police, brigade, municipality, _interior, network, ..] = orgs
    else {
        anyhow::bail!("the demo needs its ten organisations");
    };
    let both = [RecordKind::Reports, RecordKind::Alerts];
    // k = 3 at region level: the flare-up of the last weeks shows; quiet weeks stay hidden.
    share(store, kwpn, police, ShareMode::Aggregates, AreaLevel::Admin1, 3, &[], &both).await?;
    share(
        store,
        observatory,
        municipality,
        ShareMode::Records,
        AreaLevel::Admin2,
        5,
        &["gbv", "service_grievance", "displacement", "hate_speech"],
        &[RecordKind::Reports],
    )
    .await?;
    // The observatory shares its verified violations, as monthly counts, with the regional network.
    share(
        store,
        observatory,
        network,
        ShareMode::Aggregates,
        AreaLevel::Admin1,
        5,
        &[],
        &[RecordKind::Violations],
    )
    .await?;
    // And one by one, de-identified, with the women's network, which follows up with survivors.
    share(store, observatory, kwpn, ShareMode::Records, AreaLevel::Admin1, 5, &[], &[RecordKind::Violations])
        .await?;
    let old = share(store, youth, brigade, ShareMode::Aggregates, AreaLevel::Admin1, 5, &[], &both).await?;
    let by = coordinator(store, youth).await?;
    let ev = NewAuditEvent::new("sharing.revoke").org(&youth.id).actor(&by).subject(&old.id);
    store.revoke_agreement(&youth.id, &old.id, &by, Utc::now() - Duration::days(3), ev).await?;

    // The women's network asks the police station to answer its most recent open alert.
    let open = store
        .list_alerts(&kwpn.id, &AlertFilter { status: Some("open".into()), limit: 1, ..Default::default() })
        .await?;
    if let Some(alert) = open.first() {
        let by = coordinator(store, kwpn).await?;
        let ev = NewAuditEvent::new("alert.assign").org(&kwpn.id).actor(&by).subject(&alert.id);
        store.assign_alert(&kwpn.id, &alert.id, &police.id, Utc::now() + Duration::hours(48), ev).await?;
    }

    // Names that must never leave the organisations in shared text.
    for org in [kwpn, observatory] {
        let id = OrgId::new().to_string();
        let sealed = keys.seal(
            "Amina Diallo",
            &Binding { purpose: Purpose::ProtectedName, org: org.id.as_str(), record: &id },
        );
        store
            .add_protected_name(
                &org.id,
                &id,
                &sealed,
                NewAuditEvent::new("protected_name.add").org(&org.id).subject(&id),
            )
            .await?;
    }
    let r = Retention::new(60, 180).map_err(|e| anyhow::anyhow!("{e}"))?;
    store.set_retention(&kwpn.id, r, NewAuditEvent::new("retention.set").org(&kwpn.id)).await?;
    Ok(())
}
