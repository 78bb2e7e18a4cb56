//! The demo's registry: profiles of most of Marenia's organisations (a members-only one among
//! them; the brigade, the municipality and the ministry not listed), endorsements between them,
//! and the funding register with a short grant flagged. docs/registry.md counts the demo's gaps
//! by hand from exactly these.
use chrono::{Duration, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::funding::GrantInput;
use tandem_domain::registry::{Competency, Constituency, CoreValue, ProfileInput};
use tandem_domain::{OrgId, Role};
use tandem_store::{NewGrant, Org, Store};

fn ev(action: &str) -> NewAuditEvent {
    NewAuditEvent::new(action).detail(serde_json::json!({ "via": "demo" }))
}

fn all<T: Copy>(v: &[T], s: fn(T) -> &'static str) -> Vec<String> {
    v.iter().map(|x| s(*x).to_owned()).collect()
}

/// A demo profile: the organisation (its place in the demo's list), mission, areas, activities,
/// whom it serves, visibility, and whether it claims the whole of the Better Peace criteria.
type Listed =
    (usize, &'static str, &'static [&'static str], &'static [&'static str], &'static str, &'static str, bool);

const PROFILES: &[Listed] = &[
    (0, "Women of Kumba working with the police and the municipality for safe markets, roads and homes: trainings for officers, safety audits, and follow-up of what the forum agrees.", &["MR01"], &["capacity_building", "monitoring"], "market women, survivors of violence, young mothers", "public", true),
    (1, "Young people of Marenia in dialogue with each other and with the security services; youth clubs and sport against recruitment.", &["MR0101", "MR0201"], &["implementation"], "young people from 14 to 30", "public", true),
    (2, "Religious leaders of the north meeting across faiths to calm tensions before they turn violent.", &["MR03"], &["planning"], "faith communities of the north", "members", false),
    (3, "Documenting human-rights violations in the Lakeside and Highlands regions and following each case with the authorities.", &["MR0102", "MR0202"], &["assessment", "monitoring"], "victims and their families", "public", true),
    (4, "The police station of Kumba: community policing with the residents' forum.", &["MR0101"], &["implementation"], "residents of Kumba", "public", false),
    (8, "A regional network of peacebuilders training local groups across Marenia.", &["MR"], &["capacity_building"], "local peacebuilding groups", "public", false),
    (9, "A fund for local human-security work, supporting organisations for several years at a time.", &["MR"], &[], "local organisations", "public", false),
];

async fn coordinator(store: &dyn Store, org: &Org) -> anyhow::Result<tandem_domain::UserId> {
    Ok(store
        .list_members(&org.id)
        .await?
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", org.name))?
        .user_id)
}

pub async fn populate(store: &dyn Store, orgs: &[Org]) -> anyhow::Result<()> {
    let org = |i: usize| orgs.get(i).ok_or_else(|| anyhow::anyhow!("the demo needs its organisations"));
    for (i, mission, areas, activities, constituencies, visibility, whole) in PROFILES {
        let input = ProfileInput {
            mission: (*mission).into(),
            areas: areas.iter().map(|a| (*a).to_owned()).collect(),
            activities: activities.iter().map(|a| (*a).to_owned()).collect(),
            constituencies: vec![(*constituencies).into()],
            languages: vec!["en, fr".into()],
            contact: if *visibility == "public" { format!("+237 600 {i}00 {i}00") } else { String::new() },
            visibility: (*visibility).into(),
            values: if *whole { all(CoreValue::ALL, CoreValue::as_str) } else { vec!["non_violence".into()] },
            competencies: if *whole { vec![Competency::Mediation.as_str().into()] } else { vec![] },
            constituency: if *whole { all(Constituency::ALL, Constituency::as_str) } else { vec![] },
        };
        let text = input.parse(|_| true).map_err(|e| anyhow::anyhow!("demo profile {i}: {e}"))?;
        store.save_profile(&org(*i)?.id, &text, ev("registry.profile")).await?;
    }
    for (by, of, note) in [
        (
            8,
            0,
            "Our partner in Kumba since 2019; their trainings of police officers are among the best we know.",
        ),
        (8, 1, "A youth group with real reach in the suburbs."),
        (0, 3, ""),
        (3, 0, "We document cases together."),
    ] {
        let (by, of) = (org(by)?, org(of)?);
        let user = coordinator(store, by).await?;
        store.endorse(&by.id, &user, &of.id, &OrgId::new().to_string(), note, ev("registry.endorse")).await?;
    }
    let today = Utc::now().date_naive();
    let day = |d: i64| (today + Duration::days(d)).to_string();
    let grant = |funder: &str,
                 recipient: &Org,
                 title: &str,
                 band: &str,
                 start: i64,
                 end: i64,
                 areas: &[&str],
                 activities: &[&str]| {
        let input = GrantInput {
            funder: funder.into(),
            recipient: recipient.name.clone(),
            title: title.into(),
            band: band.into(),
            start: day(start),
            end: day(end),
            areas: areas.iter().map(|a| (*a).to_owned()).collect(),
            activities: activities.iter().map(|a| (*a).to_owned()).collect(),
            iati_id: String::new(),
        };
        input
            .parse(|_| true)
            .map(|text| NewGrant {
                id: OrgId::new().to_string(),
                text,
                recipient_org: Some(recipient.id.clone()),
            })
            .map_err(|e| anyhow::anyhow!("demo grant {title}: {e}"))
    };
    // Each recipient records its own grants (so they place it on the capacity map); the fund
    // records one it gives, which shows in the register alone.
    let fund = org(9)?;
    let own = [
        (
            0,
            grant(
                &fund.name,
                org(0)?,
                "Women's safety audits in Lakeside",
                "10k_50k",
                -90,
                90,
                &["MR01"],
                &["assessment"],
            )?,
        ),
        (
            1,
            grant(
                &fund.name,
                org(1)?,
                "Youth dialogue clubs",
                "50k_250k",
                -400,
                700,
                &["MR02"],
                &["implementation", "planning"],
            )?,
        ),
        (
            3,
            grant(
                &org(8)?.name,
                org(3)?,
                "Monitoring on the Coast",
                "under_10k",
                -30,
                150,
                &["MR0301"],
                &["monitoring"],
            )?,
        ),
    ];
    for (by, g) in own {
        store.add_grants(&org(by)?.id, &[g], ev("funding.add")).await?;
    }
    let given = grant(
        &fund.name,
        org(0)?,
        "Kumba forum: three years of meetings",
        "50k_250k",
        -200,
        900,
        &["MR0101"],
        &["planning"],
    )?;
    store.add_grants(&fund.id, &[given], ev("funding.add")).await?;
    Ok(())
}
