//! The demo's early-warning data: the Republic of Marenia's areas (with drawn boundaries) and a
//! year of reports from its civil-society organisations, with a few flare-ups that the alert
//! engine picks up. Seeded, so every demo shows the same story.
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::json;
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::geo::Polygon;
use tandem_domain::report::{CategorySlug, Channel, ReportStatus, Severity};
use tandem_store::{NewArea, NewReport, NewResponse, Org, Store};

const ADMIN1: [&str; 4] = ["Lakeside", "Highlands", "Coast", "Savannah"];
const ADMIN2: [&str; 12] = [
    "Kumba",
    "Port Amsel",
    "Mbala",
    "Tessin Hills",
    "Oku",
    "Bamenka",
    "Limani",
    "Sandbar",
    "Ekona",
    "Nguri",
    "Dabo",
    "Red Plains",
];
const COLS: usize = 6;
const ROWS: usize = 2;

/// A jittered lattice of points: admin2 areas are its cells, admin1 areas groups of three cells,
/// the country the whole. Shared edges use the same points, so neighbours meet exactly.
fn lattice(rng: &mut StdRng) -> Vec<Vec<[f64; 2]>> {
    (0..=ROWS)
        .map(|r| {
            (0..=COLS)
                .map(|c| {
                    let interior = r > 0 && r < ROWS && c > 0 && c < COLS;
                    let edge_jitter = if interior { 0.18 } else { 0.06 };
                    let jx = if c == 0 || c == COLS { 0.0 } else { rng.gen_range(-edge_jitter..edge_jitter) };
                    let jy = if r == 0 || r == ROWS {
                        rng.gen_range(-0.08..0.08)
                    } else {
                        rng.gen_range(-edge_jitter..edge_jitter)
                    };
                    [9.5 + c as f64 * 0.8 + jx, 4.0 + r as f64 * 1.3 + jy]
                })
                .collect()
        })
        .collect()
}

/// The outline of cells c0..c1 × r0..r1, walking the lattice counter-clockwise.
fn outline(l: &[Vec<[f64; 2]>], c0: usize, c1: usize, r0: usize, r1: usize) -> Polygon {
    let mut ring: Vec<[f64; 2]> = l[r0][c0..c1].to_vec();
    ring.extend(l[r0..r1].iter().map(|row| row[c1]));
    for c in (c0 + 1..=c1).rev() {
        ring.push(l[r1][c]);
    }
    for r in (r0 + 1..=r1).rev() {
        ring.push(l[r][c0]);
    }
    ring.push(l[r0][c0]);
    vec![ring]
}

fn geometry(p: Polygon) -> Option<String> {
    Some(json!({ "type": "MultiPolygon", "coordinates": [p] }).to_string())
}

fn code(s: &str) -> PCode {
    PCode::parse(s).unwrap_or_else(|_| unreachable!("demo codes are valid"))
}

/// The admin2 codes, for the report generator.
pub fn admin2_codes() -> Vec<String> {
    (0..ROWS * COLS).map(|i| format!("MR{:02}{:02}", i / 3 + 1, i % 3 + 1)).collect()
}

pub async fn areas(store: &dyn Store, rng: &mut StdRng) -> anyhow::Result<()> {
    let l = lattice(rng);
    let mut areas = vec![NewArea {
        code: code("MR"),
        name: "Republic of Marenia".into(),
        level: AreaLevel::Country,
        parent: None,
        geometry: geometry(outline(&l, 0, COLS, 0, ROWS)),
    }];
    for (i, name) in ADMIN1.iter().enumerate() {
        let (c0, r0) = ((i % 2) * 3, i / 2);
        areas.push(NewArea {
            code: code(&format!("MR{:02}", i + 1)),
            name: (*name).into(),
            level: AreaLevel::Admin1,
            parent: Some(code("MR")),
            geometry: geometry(outline(&l, c0, c0 + 3, r0, r0 + 1)),
        });
    }
    for (i, name) in ADMIN2.iter().enumerate() {
        let a1 = i / 3;
        let (c, r) = ((a1 % 2) * 3 + i % 3, a1 / 2);
        areas.push(NewArea {
            code: code(&format!("MR{:02}{:02}", a1 + 1, i % 3 + 1)),
            name: (*name).into(),
            level: AreaLevel::Admin2,
            parent: Some(code(&format!("MR{:02}", a1 + 1))),
            geometry: geometry(outline(&l, c, c + 1, r, r + 1)),
        });
    }
    store.create_areas(&areas, NewAuditEvent::new("areas.import").detail(json!({ "via": "demo" }))).await?;
    Ok(())
}

const SITUATIONS: [(&str, &[&str]); 8] = [
    (
        "hate_speech",
        &[
            "Leaflets insulting a neighbouring community posted near the market",
            "Radio call-in show used to call for driving out newcomers",
            "Graffiti threatening traders from another village",
            "Messages from @burn_the_market urge youths to gather; the organiser gives 0671 23 45 67",
        ],
    ),
    (
        "intercommunal_tension",
        &[
            "Dispute over grazing land between farmers and herders",
            "Youth groups from two quarters clashed after a football match",
            "Boundary dispute over a water point",
        ],
    ),
    (
        "repression",
        &[
            "Roadblock where travellers report being asked for bribes",
            "Curfew enforced with beatings near the bus station",
            "Peaceful gathering dispersed with tear gas",
        ],
    ),
    (
        "recruitment_activity",
        &[
            "Strangers offering money to young men to join an armed group",
            "Pamphlets recruiting for a militia found at the school",
        ],
    ),
    (
        "gbv",
        &[
            "Women report harassment on the path to the river",
            "Amina Diallo says she was threatened again; her sister can be reached on +237 677 12 34 56",
            "Rise in reports of domestic violence after the harvest failed",
        ],
    ),
    (
        "service_grievance",
        &[
            "Health centre closed for three weeks; no staff",
            "No water in the borehole since the pump broke",
            "Teachers unpaid for two months; school closed",
        ],
    ),
    (
        "displacement",
        &[
            "Families arriving from the north after attacks on villages",
            "Settlement of displaced families near the church is growing",
        ],
    ),
    (
        "peace_initiative",
        &[
            "Joint market day organised by women's groups of both communities",
            "Elders from both quarters met and agreed on water sharing",
        ],
    ),
];

/// A year of reports for each civil-society organisation, and the alerts they raise.
pub async fn reports(
    store: &dyn Store,
    keys: &tandem_domain::seal::Keyring,
    rng: &mut StdRng,
    orgs: &[Org],
) -> anyhow::Result<usize> {
    let districts = admin2_codes();
    let now = Utc::now();
    let mut total = 0;
    for (oi, org) in orgs.iter().enumerate() {
        // Each organisation watches a few districts.
        let watched: Vec<&String> = districts.iter().cycle().skip(oi * 3).take(5).collect();
        let mut batch = Vec::new();
        for day in (1..=364).rev() {
            for d in &watched {
                // A background of a report or so a week per district (some 250 reports a year
                // per organisation, so that every page shows what it is for)...
                let mut n = if rng.gen_bool(0.13) { 1 } else { 0 };
                // ...and a flare-up in one district per organisation, three to five weeks ago.
                let flare = *d == watched[1] && (21..=35).contains(&day);
                if flare && rng.gen_bool(0.7) {
                    n += 1;
                }
                for _ in 0..n {
                    let (cat, texts) =
                        if flare { SITUATIONS[1] } else { SITUATIONS[rng.gen_range(0..SITUATIONS.len())] };
                    let sev = if flare {
                        rng.gen_range(2..=3)
                    } else {
                        *[1, 1, 2, 2, 2, 3, 3, 4].get(rng.gen_range(0..8)).unwrap_or(&2)
                    };
                    let channel =
                        [Channel::Web, Channel::Hotline, Channel::Intake, Channel::Sms, Channel::Api]
                            [rng.gen_range(0..5)];
                    let id = tandem_domain::OrgId::new().to_string();
                    // Text messages come with their sender's number; some web reporters leave
                    // one to be called back. Sealed, like every contact.
                    let sealer = tandem_web::ew::reports::Sealer { keys, org: &org.id };
                    let contact = match channel {
                        Channel::Sms => Some(format!(
                            "+237 6{:02} {:03} {:03}",
                            rng.gen_range(50..99),
                            rng.gen_range(0..1000),
                            rng.gen_range(0..1000)
                        )),
                        Channel::Web if rng.gen_bool(0.3) => {
                            Some(format!("reporter{}@mail.example", rng.gen_range(100..999)))
                        }
                        _ => None,
                    };
                    batch.push(NewReport {
                        reporter_contact: contact
                            .map(|c| sealer.seal(tandem_domain::seal::Purpose::ReporterContact, &id, &c)),
                        id,
                        area: code(d),
                        category: CategorySlug::parse(cat).unwrap_or_else(|_| unreachable!()),
                        severity: Severity::new(sev).unwrap_or_else(|_| unreachable!()),
                        occurred_at: now - Duration::days(day) - Duration::minutes(rng.gen_range(0..600)),
                        description: texts[rng.gen_range(0..texts.len())].to_owned(),
                        channel,
                        created_by: None,
                    });
                }
            }
        }
        let stored = store.create_reports(&org.id, &batch).await?;
        total += stored.len();
        // Most older reports have been triaged by the organisation's coordinators.
        let members = store.list_members(&org.id).await?;
        let Some(coordinator) = members.iter().find(|m| m.role == tandem_domain::Role::Coordinator) else {
            continue;
        };
        for r in stored.iter().filter(|r| (now - r.occurred_at).num_days() > 10) {
            let to = if rng.gen_bool(0.9) { ReportStatus::Verified } else { ReportStatus::Dismissed };
            let ev = NewAuditEvent::new(&format!("report.{}", to.as_str()))
                .org(&org.id)
                .actor(&coordinator.user_id)
                .subject(&r.id);
            store.set_report_status(&org.id, &r.id, ReportStatus::New, to, &coordinator.user_id, ev).await?;
        }
    }
    Ok(total)
}

/// Alerts with a history, as a year of work leaves them: episodes over a month old closed with an
/// outcome (most resolved, some false alarms, a few no longer relevant) after a response; about
/// every other recent one acknowledged; the rest waiting for someone.
pub async fn settle_episodes(
    store: &dyn Store,
    cfg: &tandem_web::ew::config::EwConfig,
    org: &tandem_domain::OrgId,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    use tandem_domain::alert_engine::AlertOutcome;
    use tandem_domain::episodes::{group, AlertKey};
    use tandem_store::AlertStep;
    let members = store.list_members(org).await?;
    let Some(coordinator) = members.iter().find(|m| m.role == tandem_domain::Role::Coordinator) else {
        return Ok(());
    };
    let actor = tandem_domain::access::Actor {
        user_id: coordinator.user_id.clone(),
        org_id: org.clone(),
        role: coordinator.role,
        platform_admin: false,
    };
    let filter = tandem_store::AlertFilter { status: Some("open".into()), limit: 500, ..Default::default() };
    let open = store.list_alerts(org, &filter).await?;
    let keys: Vec<AlertKey<'_>> = open.iter().map(tandem_store::Alert::episode_key).collect();
    let this_week = tandem_domain::week::Week::of(Utc::now());
    let leads: Vec<(String, bool)> = group(&keys, &cfg.tree)
        .into_iter()
        .map(|e| (open[e.lead].id.clone(), this_week.0 - e.last_week.0 > 4))
        .collect();
    let step = |id: String, step: AlertStep| {
        let actor = actor.clone();
        async move {
            tandem_web::ew::alerts::step_episode(store, cfg, &actor, &id, step)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))
        }
    };
    let mut recent = 0;
    for (id, old) in leads {
        if old {
            let response = NewResponse {
                responder_org: org.clone(),
                responder_user: coordinator.user_id.clone(),
                action: "Called the community focal point and visited with two members".into(),
                outcome: "Leaders met; the situation calmed".into(),
                responded_at: Utc::now() - Duration::days(rng.gen_range(7..30)),
            };
            let ev = NewAuditEvent::new("alert.respond").org(org).actor(&coordinator.user_id).subject(&id);
            store.add_response(org, &id, &response, ev).await?;
            let outcome = match rng.gen_range(0..10) {
                0..=6 => AlertOutcome::Resolved,
                7..=8 => AlertOutcome::FalseAlarm,
                _ => AlertOutcome::NoLongerRelevant,
            };
            step(id, AlertStep::Close(outcome)).await?;
        } else {
            // Every other recent episode, the newest first: someone is on it; the rest wait.
            if recent % 2 == 0 {
                step(id, AlertStep::Acknowledge).await?;
            }
            recent += 1;
        }
    }
    Ok(())
}
