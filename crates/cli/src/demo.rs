//! `tandem demo`: a fresh database with a realistic, fictional dataset, served at once. The data
//! comes from a seeded generator, so every run shows the same country, organisations and people.
//! Later capabilities add their data here.
use anyhow::bail;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use secrecy::SecretString;
use tandem_domain::org::OrgFlags;
use tandem_domain::seal::Keyring;
use tandem_store::Store;

use crate::admin::{create_org, create_user_with_hash, UserSpec};
use crate::settings::Settings;

/// The one password of every demo account. Demo data only: never use it for real accounts.
pub const DEMO_PASSWORD: &str = "tandem-demo-2026";
pub const SEED: u64 = 2026;

/// Organisations of the fictional Republic of Marenia: (name, kind, women-led, youth-led,
/// minority-led, e-mail domain).
const ORGS: &[(&str, &str, bool, bool, bool, &str)] = &[
    ("Kumba Women's Peace Network", "civil_society", true, false, false, "kwpn.example"),
    ("Marenia Youth for Dialogue", "civil_society", false, true, false, "youthdialogue.example"),
    ("Northern Interfaith Council", "civil_society", false, false, true, "interfaith.example"),
    ("Lakeside Human Rights Observatory", "civil_society", true, false, false, "observatory.example"),
    ("Kumba Central Police Station", "security", false, false, false, "police-kumba.example"),
    ("3rd Brigade Civil-Military Affairs Unit", "security", false, false, false, "brigade3.example"),
    ("Port Amsel Municipality", "government", false, false, false, "portamsel.example"),
    (
        "Ministry of Interior, Community Safety Directorate",
        "government",
        false,
        false,
        false,
        "interior.example",
    ),
    ("Lakes Region Peacebuilding Network", "international", false, false, false, "lakesnet.example"),
    ("Human Security Partnership Fund", "donor", false, false, false, "hsfund.example"),
];

const GIVEN: &[&str] = &[
    "Amina", "Fatou", "Grace", "Aisha", "Mariam", "Esther", "Ibrahim", "Joseph", "Samuel", "Halima", "Nadia",
    "Kofi", "Zainab", "Paul", "Rose", "Moussa", "Leila", "Daniel", "Awa", "Yusuf",
];
const FAMILY: &[&str] = &[
    "Ndiaye", "Mbeki", "Okafor", "Diallo", "Haddad", "Mensah", "Toure", "Abdi", "Nkemelu", "Sow", "Bello",
    "Kamara",
];

pub struct DemoLogin {
    pub email: String,
    pub role: &'static str,
    pub org: String,
}

/// Fills an empty store with the demo dataset and returns the sign-ins to show. `keys` seal the
/// demo reporters' contacts and protected names.
pub async fn populate(store: &dyn Store, keys: &Keyring, seed: u64) -> anyhow::Result<Vec<DemoLogin>> {
    if !store.list_orgs().await?.is_empty() {
        bail!("the demo needs an empty database, and this one already holds organisations");
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let hash = tandem_web::password::hash_password(SecretString::from(DEMO_PASSWORD.to_owned()))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    crate::demo_ew::areas(store, &mut rng).await?;
    let mut logins = Vec::new();
    let mut orgs: Vec<tandem_store::Org> = Vec::new();
    for (i, (name, kind, women, youth, minority, domain)) in ORGS.iter().enumerate() {
        let org = create_org(
            store,
            name,
            kind,
            OrgFlags { women_led: *women, youth_led: *youth, minority_led: *minority },
        )
        .await?;
        orgs.push(org.clone());
        for role in ["admin", "coordinator", "member"] {
            let given = GIVEN.choose(&mut rng).copied().unwrap_or("Alex");
            let family = FAMILY.choose(&mut rng).copied().unwrap_or("Doe");
            let email = format!("{role}@{domain}");
            // The first organisation's admin also runs the platform.
            let platform_admin = i == 0 && role == "admin";
            let spec = UserSpec {
                org: org.id.as_str(),
                email: &email,
                role,
                name: Some(&format!("{given} {family}")),
                platform_admin,
            };
            create_user_with_hash(store, spec, hash.clone()).await?;
            logins.push(DemoLogin { email, role, org: org.name.clone() });
        }
    }
    let csos: Vec<_> =
        orgs.iter().filter(|o| o.kind == tandem_domain::OrgKind::CivilSociety).cloned().collect();
    crate::demo_ew::reports(store, keys, &mut rng, &csos).await?;
    // Before the alert runs: verified violations are a signal of their own.
    crate::demo_observatory::populate(store, &mut rng, &orgs).await?;
    let cfg =
        tandem_web::ew::config::load(store, &Default::default()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    for o in &csos {
        tandem_web::ew::alerts::run_full(store, &cfg, &o.id).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        crate::demo_ew::settle_episodes(store, &cfg, &o.id, &mut rng).await?;
    }
    crate::demo_observatory::link_alerts(store, &orgs).await?;
    crate::demo_protection::populate(store, keys, &orgs).await?;
    crate::demo_forums::populate(store, &mut rng, &orgs).await?;
    crate::demo_index::populate(store, &mut rng).await?;
    crate::demo_surveys::populate(store, &mut rng, &orgs).await?;
    letter(store, keys, &orgs).await?;
    services(store, &orgs).await?;
    crate::demo_registry::populate(store, &orgs).await?;
    Ok(logins)
}

/// A demo listing: the listing organisation (by its place in ORGS), name, kind, description,
/// areas, languages, who may use it, contact.
type Listing = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
);

/// The referral directory: services that need no police, listed by the demo's CSOs.
async fn services(store: &dyn Store, orgs: &[tandem_store::Org]) -> anyhow::Result<()> {
    let listings: [Listing; 5] = [
        (0, "Kumba women's shelter", "gbv_shelter", "A safe house for women and their children, with a counsellor and legal advice; the address is given by phone.", &["MR0101"], &["en", "fr"], "Women and girls, with their children", "+237 600 100 100 (day and night)"),
        (0, "Women's helpline 1212", "hotline", "Free, anonymous calls with trained women counsellors, who refer callers to shelters, clinics and lawyers.", &["MR"], &["en", "fr", "ar"], "Anyone", "1212, free from any phone"),
        (1, "Second Chance", "exit_reintegration", "Mentors and apprenticeships for young people leaving armed or criminal groups, with their families.", &["MR01"], &["fr", "Fulfulde"], "Young people from 14 to 30, and their families", "+237 600 200 200"),
        (2, "Families First counselling", "family_counselling", "Counsellors for parents worried that a son or daughter is being drawn into violence; the police are not told.", &["MR01", "MR02"], &["en", "ar"], "Parents and relatives", "+237 600 300 300, Monday to Saturday"),
        (3, "Free legal clinic", "legal_aid", "Lawyers explain rights and take up cases of arrest, land and family disputes, without fees.", &["MR0101", "MR0102"], &["en", "fr"], "Anyone who cannot pay a lawyer", "Market Road 14, Kumba; Tuesdays and Thursdays"),
    ];
    for (org, name, kind, description, areas, languages, eligibility, contact) in listings {
        let Some(org) = orgs.get(org) else { bail!("the demo needs its organisations") };
        let text = tandem_domain::directory::ServiceInput {
            name: name.into(),
            kind: kind.into(),
            description: description.into(),
            areas: areas.iter().map(|a| (*a).to_owned()).collect(),
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            eligibility: eligibility.into(),
            contact: contact.into(),
            hours: String::new(),
        }
        .parse(|_| true)
        .map_err(|e| anyhow::anyhow!("demo service: {e}"))?;
        let id = tandem_domain::OrgId::new().to_string();
        let ev = tandem_domain::audit::NewAuditEvent::new("service.add").org(&org.id).subject(&id);
        store.add_service(&org.id, &id, &text, ev).await?;
    }
    Ok(())
}

/// The women's network's letter of invitation to the youth group, for a regional dialogue.
async fn letter(store: &dyn Store, keys: &Keyring, orgs: &[tandem_store::Org]) -> anyhow::Result<()> {
    let (Some(kwpn), Some(youth)) = (orgs.first(), orgs.get(1)) else {
        bail!("the demo needs its organisations")
    };
    let by = store
        .list_members(&kwpn.id)
        .await?
        .into_iter()
        .find(|m| m.role == tandem_domain::Role::Coordinator)
        .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", kwpn.name))?;
    let actor = tandem_domain::access::Actor {
        user_id: by.user_id,
        org_id: kwpn.id.clone(),
        role: tandem_domain::Role::Coordinator,
        platform_admin: false,
    };
    let input = tandem_domain::letter::LetterInput {
        kind: "invitation".into(),
        purpose: "To speak for young people at the regional dialogue on community safety in Port Amsel."
            .into(),
        addressee: "Port Amsel Municipality, office of the mayor".into(),
        valid_until: (chrono::Utc::now().date_naive() + chrono::Duration::days(120)).to_string(),
    };
    tandem_web::letters::issue_with(store, keys, &actor, youth.id.as_str(), &input)
        .await
        .map_err(|e| anyhow::anyhow!("demo letter: {e}"))?;
    Ok(())
}

pub async fn run(settings: &mut Settings, serve: bool) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("tandem-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    if !settings.database_url_explicit {
        let path = dir.join("demo.db");
        let _ = std::fs::remove_file(&path);
        settings.database_url = format!("sqlite://{}", path.display());
    }
    if !settings.key_file_explicit {
        // The demo's data is fictional; its key lives and dies with it.
        settings.key_file = dir.join("demo.key");
        let _ = std::fs::remove_file(&settings.key_file);
    }
    // The demo runs on plain HTTP on this machine: Secure cookies would not be sent back.
    settings.secure_cookies = false;
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    eprintln!("creating demo data in {} ...", crate::settings::redact(&settings.database_url));
    let keys = crate::keys::load(settings)?;
    let logins = populate(store.as_ref(), &keys, SEED).await?;
    println!("Demo data for the fictional Republic of Marenia is ready.");
    println!("Sign in with any of these accounts; the password of each is: {DEMO_PASSWORD}");
    // One line per organisation: every organisation has admin@, coordinator@ and member@ its domain.
    for l in logins.iter().filter(|l| l.role == "admin") {
        let domain = l.email.split('@').nth(1).unwrap_or_default();
        println!("  {{admin,coordinator,member}}@{domain:<24} {}", l.org);
    }
    println!("  admin@kwpn.example is also a platform administrator (may create organisations).");
    if serve {
        println!("Open http://{} in a browser.", settings.addr);
        crate::serve(store, settings).await?;
    }
    Ok(())
}
