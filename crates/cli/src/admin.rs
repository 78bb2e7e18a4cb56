//! `tandem admin …`: create organisations and accounts, list organisations.
use std::io::BufRead;

use anyhow::{bail, Context};
use clap::Subcommand;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::member::check_new_password;
use tandem_domain::org::OrgFlags;
use tandem_domain::{text, Email, OrgId, OrgKind, OrgName, Role};
use tandem_store::{NewOrg, NewUser};

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create an organisation; prints its id alone on the last line.
    CreateOrg {
        /// Display name, 2 to 120 characters.
        #[arg(long)]
        name: String,
        /// One of civil_society, security, government, international, donor.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        women_led: bool,
        #[arg(long)]
        youth_led: bool,
        #[arg(long)]
        minority_led: bool,
    },
    /// Create an account and make it a member of an organisation. Reads the password (at least 10
    /// characters) from the first line of standard input, e.g.
    /// `printf '%s\n' "$PW" | tandem admin create-user --org ID --email E --role admin`.
    CreateUser {
        /// The organisation's id (from create-org or list-orgs).
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// member, coordinator or admin.
        #[arg(long)]
        role: String,
        /// Display name; defaults to the part of the e-mail before '@'.
        #[arg(long)]
        name: Option<String>,
        /// Also make the account a platform administrator (may create organisations).
        #[arg(long)]
        platform_admin: bool,
    },
    /// Give a field team ODK Collect access to an organisation's report form (an app user).
    /// Prints the address to configure in Collect and, alone on the last line, the token; only
    /// its hash is stored, so note it now. Revoke it on the organisation's field page.
    AppUser {
        #[arg(long)]
        org: String,
        /// Who carries it, e.g. "Kumba market team".
        #[arg(long)]
        name: String,
        /// A survey the organisation serves to phones: the team gets its form instead.
        #[arg(long)]
        survey: Option<String>,
    },
    /// List organisations: id, kind, flags and name, one per line.
    ListOrgs,
    /// Add a category of this deployment's own taxonomy, mapped to a reference category so that
    /// networks can compare (e.g. `--slug land_dispute --reference intercommunal_tension`).
    AddCategory {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// One of the reference categories: hate_speech, repression, intercommunal_tension,
        /// recruitment_activity, gbv, crime, service_grievance, displacement, peace_initiative.
        #[arg(long)]
        reference: String,
        /// Reports at or above this severity open an alert at once (5: never).
        #[arg(long, default_value_t = 4)]
        threshold: u8,
        /// Words that name the category in text messages, space-separated.
        #[arg(long, default_value = "")]
        keywords: String,
    },
    /// Register an SMS gateway for an organisation. Prints the shared secret (alone, on the last
    /// line) to configure in the gateway as the `X-Sms-Secret` header of its webhook
    /// `POST /api/v1/intake/sms`; only its hash is stored, so note it now.
    SmsGateway {
        #[arg(long)]
        org: String,
    },
    /// Create the encryption key file (TANDEM_KEY_FILE or --key-file, default ./tandem.key) with
    /// one new key. Refuses to overwrite an existing file. Keep the file out of the database's
    /// backups and back it up on its own: without it, reporter contacts cannot be read.
    InitKey,
    /// Put a new key in front of the key file and re-encrypt every sealed value (reporter
    /// contacts, SMS senders, protected names) under it. Old keys stay in the file, since a
    /// running server still seals with the key it started with; restart servers, then run
    /// again with --retire to re-encrypt what they wrote meanwhile and drop keys nothing uses.
    RotateKey {
        /// Do not add a key: re-encrypt under the current one, then drop keys nothing uses.
        #[arg(long)]
        retire: bool,
    },
    /// Print the `age` identities that open an organisation's evidence files (one per key in the
    /// key file), to hand with the files to a court or a UN mechanism: `age -d -i FILE x.age`.
    /// The export is written to the audit log. Anyone holding these lines can open every
    /// evidence file of the organisation: give them to no one else.
    EvidenceIdentity {
        #[arg(long)]
        org: String,
    },
    /// Apply every organisation's retention periods now: delete reporter contacts and SMS
    /// senders, and dismissed reports, older than the organisation keeps them. (A running
    /// server also does this once a day.)
    Purge,
}

/// Creates an organisation, as `admin create-org` and the demo do.
pub async fn create_org(
    store: &dyn tandem_store::Store,
    name: &str,
    kind: &str,
    flags: OrgFlags,
) -> anyhow::Result<tandem_store::Org> {
    let new = NewOrg {
        name: OrgName::parse(name).map_err(|e| anyhow::anyhow!("--{e}"))?,
        kind: kind.parse::<OrgKind>().map_err(|e| anyhow::anyhow!("--{e}"))?,
        flags,
    };
    let ev = NewAuditEvent::new("org.create").detail(json!({ "via": "cli" }));
    Ok(store.create_org(&new, ev).await?)
}

pub struct UserSpec<'a> {
    pub org: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub name: Option<&'a str>,
    pub platform_admin: bool,
}

/// Creates an account with its first membership, as `admin create-user` does.
pub async fn create_user(
    store: &dyn tandem_store::Store,
    spec: UserSpec<'_>,
    password: SecretString,
) -> anyhow::Result<tandem_store::User> {
    check_new_password(password.expose_secret())
        .map_err(|e| anyhow::anyhow!("password (standard input): {}", e.message))?;
    let hash = tandem_web::password::hash_password(password).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    create_user_with_hash(store, spec, hash).await
}

/// As [`create_user`], with the password already hashed (the demo hashes its one password once).
pub async fn create_user_with_hash(
    store: &dyn tandem_store::Store,
    spec: UserSpec<'_>,
    hash: String,
) -> anyhow::Result<tandem_store::User> {
    let flag = |e: tandem_domain::InvalidInput| anyhow::anyhow!("--{e}");
    let org_id = OrgId::parse(spec.org).map_err(|_| {
        anyhow::anyhow!("--org: {:?} is not an organisation id (see `tandem admin list-orgs`)", spec.org)
    })?;
    let email = Email::parse(spec.email).map_err(flag)?;
    let role: Role = spec.role.parse().map_err(flag)?;
    let display_name = match spec.name {
        Some(n) => text::bounded("name", n, 1, 120).map_err(flag)?,
        None => email.as_str().split('@').next().unwrap_or_default().to_owned(),
    };
    let org = match store.get_org(&org_id).await {
        Ok(o) => o,
        Err(tandem_store::StoreError::NotFound) => bail!("--org: no organisation has id {org_id}"),
        Err(e) => return Err(e.into()),
    };
    let new = NewUser { email, display_name, password_hash: hash, platform_admin: spec.platform_admin };
    let user = store
        .create_user(
            &new,
            NewAuditEvent::new("user.create")
                .org(&org.id)
                .detail(json!({ "via": "cli", "platform_admin": spec.platform_admin })),
        )
        .await
        .map_err(|e| match e {
            tandem_store::StoreError::Conflict(m) => anyhow::anyhow!("--email: {m}"),
            e => e.into(),
        })?;
    store
        .add_member(
            &org.id,
            &user.id,
            role,
            NewAuditEvent::new("member.add")
                .org(&org.id)
                .subject(&user.id)
                .detail(json!({ "role": role, "via": "cli" })),
        )
        .await?;
    Ok(user)
}

pub async fn run(cmd: AdminCommand, settings: &Settings) -> anyhow::Result<()> {
    if let AdminCommand::InitKey = cmd {
        let ring = crate::keys::init(&settings.key_file)?;
        println!("created key {} in {}", ring.current_id(), settings.key_file.display());
        println!("back this file up apart from the database: without it, reporter contacts cannot be read");
        return Ok(());
    }
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    match cmd {
        AdminCommand::InitKey => {}
        AdminCommand::RotateKey { retire } => rotate_key(store.as_ref(), settings, retire).await?,
        AdminCommand::EvidenceIdentity { org } => {
            use age::secrecy::ExposeSecret;
            let id = tandem_domain::OrgId::parse(&org)
                .map_err(|_| anyhow::anyhow!("--org: not an organisation id"))?;
            let o = store.get_org(&id).await.map_err(|_| anyhow::anyhow!("--org: no such organisation"))?;
            let ring = crate::keys::read(&settings.key_file)?;
            store
                .append_audit(
                    tandem_domain::audit::NewAuditEvent::new("evidence.identity.export")
                        .org(&o.id)
                        .detail(json!({ "via": "cli" })),
                )
                .await?;
            println!(
                "# The evidence identities of {} ({}); keep them as secret as the key file.",
                o.name, o.id
            );
            for key in ring.ids() {
                let identity =
                    ring.evidence_identity(key, o.id.as_str()).map_err(|e| anyhow::anyhow!("{e}"))?;
                println!("# key {key}, public key {}", identity.to_public());
                println!("{}", identity.to_string().expose_secret());
            }
        }
        AdminCommand::Purge => {
            let done = tandem_web::protection::retention::purge_all(store.as_ref(), chrono::Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            for (org, p) in &done {
                println!(
                    "{}\tcontacts {}\tsms senders {}\tdismissed reports {}\t{}",
                    org.id, p.contacts, p.sms_senders, p.dismissed_reports, org.name
                );
            }
        }
        AdminCommand::CreateOrg { name, kind, women_led, youth_led, minority_led } => {
            let org =
                create_org(store.as_ref(), &name, &kind, OrgFlags { women_led, youth_led, minority_led })
                    .await?;
            println!("created organisation {:?} ({})", org.name, org.kind);
            println!("{}", org.id);
        }
        AdminCommand::CreateUser { org, email, role, name, platform_admin } => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("cannot read the password from standard input")?;
            let password = SecretString::from(line.trim_end_matches(['\n', '\r']).to_owned());
            let spec =
                UserSpec { org: &org, email: &email, role: &role, name: name.as_deref(), platform_admin };
            let user = create_user(store.as_ref(), spec, password).await?;
            println!("created {} as {role} of organisation {org}", user.email);
            println!("{}", user.id);
        }
        AdminCommand::SmsGateway { org } => {
            let org_id = OrgId::parse(&org)
                .map_err(|_| anyhow::anyhow!("--org: {org:?} is not an organisation id"))?;
            if store.get_org(&org_id).await.is_err() {
                bail!("--org: no organisation has id {org_id}");
            }
            let secret = format!("sms_{}", tandem_web::password::new_secret());
            let ev = NewAuditEvent::new("sms.gateway.create").org(&org_id).detail(json!({ "via": "cli" }));
            store.create_sms_gateway(&org_id, &tandem_web::password::token_hash(&secret), ev).await?;
            println!("SMS gateway registered; its secret (shown once):");
            println!("{secret}");
        }
        AdminCommand::AppUser { org, name, survey } => {
            let org_id = OrgId::parse(&org)
                .map_err(|_| anyhow::anyhow!("--org: {org:?} is not an organisation id"))?;
            if store.get_org(&org_id).await.is_err() {
                bail!("--org: no organisation has id {org_id}");
            }
            let issued =
                tandem_web::ew::field::issue(store.as_ref(), &org_id, None, &name, survey.as_deref())
                    .await
                    .map_err(|e| anyhow::anyhow!("--{e}"))?;
            let public = settings.public_url.clone().unwrap_or_else(|| format!("http://{}", settings.addr));
            let form = if survey.is_some() { "the survey's form" } else { "the report form" };
            println!("field team {:?} may now use {form}", issued.app_user.name);
            println!("ODK Collect server address: {public}/openrosa/key/{}", issued.token);
            println!("{}", issued.token);
        }
        AdminCommand::AddCategory { slug, name, reference, threshold, keywords } => {
            let slug = tandem_domain::report::CategorySlug::parse(&slug)
                .map_err(|e| anyhow::anyhow!("--slug: {}", e.message))?;
            if !tandem_domain::report::DEFAULT_CATEGORIES.iter().any(|c| c.0 == reference) {
                bail!("--reference: {reference:?} is not a reference category (see --help)");
            }
            if !(1..=5).contains(&threshold) {
                bail!("--threshold: must be 1 to 5");
            }
            let name = text::bounded("name", &name, 1, 200).map_err(|e| anyhow::anyhow!("--{e}"))?;
            let c = tandem_store::Category {
                slug: slug.as_str().to_owned(),
                name,
                reference,
                threshold_severity: threshold,
                keywords: keywords.to_uppercase(),
            };
            store.create_category(&c, NewAuditEvent::new("category.create").subject(&c.slug)).await.map_err(
                |e| match e {
                    tandem_store::StoreError::Conflict(m) => anyhow::anyhow!("--slug: {m}"),
                    e => e.into(),
                },
            )?;
            println!("added category {} (reference {})", c.slug, c.reference);
        }
        AdminCommand::ListOrgs => {
            for o in store.list_orgs().await? {
                let mut flags = vec![];
                if o.women_led {
                    flags.push("women-led");
                }
                if o.youth_led {
                    flags.push("youth-led");
                }
                if o.minority_led {
                    flags.push("minority-led");
                }
                let flags = if flags.is_empty() { "-".to_owned() } else { flags.join(",") };
                println!("{}\t{}\t{}\t{}", o.id, o.kind, flags, o.name);
            }
        }
    }
    Ok(())
}

async fn rotate_key(
    store: &dyn tandem_store::Store,
    settings: &Settings,
    retire: bool,
) -> anyhow::Result<()> {
    let path = &settings.key_file;
    let old = crate::keys::read(path)?;
    let ring = if retire { old } else { old.rotated(&crate::keys::today()) };
    if !retire {
        // The new key is on disk before anything is sealed under it.
        crate::keys::write(path, &ring)?;
        println!("new key {} written to {}", ring.current_id(), path.display());
    }
    // Evidence files stay under the key they were sealed with (re-encrypting gigabytes of video
    // at each rotation is not worth it): they are not part of this pass.
    let total: u64 = store.key_use().await?.iter().filter(|u| u.purpose != "evidence").map(|u| u.count).sum();
    let bar = crate::progress::bar(total, "re-encrypting");
    let pass = tandem_web::protection::secrets::reseal(store, &ring, true, |n| bar.set_position(n))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    bar.finish_and_clear();
    println!("re-encrypted {} values under key {}", pass.sealed, ring.current_id());
    if pass.unreadable > 0 {
        println!(
            "{} values could not be opened with any key in the file and were left as they are",
            pass.unreadable
        );
    }
    let in_use: std::collections::BTreeSet<String> =
        store.key_use().await?.into_iter().filter_map(|u| u.key_id).collect();
    if retire {
        let kept = ring.retain(|id| in_use.contains(id));
        let dropped: Vec<&str> = ring.ids().into_iter().filter(|id| !kept.has_key(id)).collect();
        crate::keys::write(path, &kept)?;
        println!("dropped {} unused keys: {}", dropped.len(), dropped.join(" "));
    } else {
        println!(
            "old keys stay in the file for now: restart running servers, then run \
             `tandem admin rotate-key --retire` to drop keys nothing uses"
        );
    }
    Ok(())
}
