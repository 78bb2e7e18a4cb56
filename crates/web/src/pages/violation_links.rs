//! A violation's links in words: what it is linked with (other violations, the reports and
//! alerts behind it), and the records near it in place and time that it could be linked to, so
//! that nobody has to copy a reference by hand.
use chrono::Duration;
use minijinja::Value;
use tandem_domain::violation::LinkKind;
use tandem_domain::violation_signal;
use tandem_store::{AlertFilter, ReportFilter, Violation, ViolationFilter};

use super::dates::day;
use super::error::PageError;
use crate::ew::config::EwConfig;
use crate::extract::Member;
use crate::i18n::{self, Lang};
use crate::AppState;

/// How many records of each kind are offered.
const OFFERED: usize = 8;

struct Words<'a> {
    cfg: &'a EwConfig,
    lang: Lang,
}

impl Words<'_> {
    fn area(&self, code: &str) -> String {
        self.cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.to_owned())
    }
    fn category(&self, slug: &str) -> String {
        match violation_signal::act_of(slug) {
            Some(act) => i18n::global().name(self.lang, "act", act),
            None => i18n::global().name(self.lang, "cat", slug),
        }
    }
    fn violation(&self, v: &Violation) -> String {
        let when = super::dates::when_words(self.lang, v.occurred_on, v.date_precision);
        format!("{} · {} · {when}", i18n::global().name(self.lang, "act", &v.act), self.area(&v.area))
    }
    fn report(&self, r: &tandem_store::Report) -> String {
        let on = day(self.lang, r.occurred_at.date_naive());
        format!("{} · {} · {on}", self.category(&r.category), self.area(&r.area))
    }
    fn alert(&self, a: &tandem_store::Alert) -> String {
        let on = day(self.lang, a.week.monday());
        format!("{} · {} · {on}", self.category(&a.category), self.area(&a.area))
    }
}

fn href(kind: LinkKind, id: &str) -> String {
    format!("/{}s/{id}", kind.as_str())
}

/// What violation `v` is linked with, each with its page, a label, and where its removal is
/// posted (on the violation that holds the link).
pub(super) async fn linked(
    state: &AppState,
    who: &Member,
    cfg: &EwConfig,
    lang: Lang,
    v: &Violation,
) -> Result<Vec<Value>, PageError> {
    let words = Words { cfg, lang };
    let links =
        crate::observatory::violations::links(state, &who.actor(), LinkKind::Violation, &v.id).await?;
    let mut out = vec![];
    for l in links {
        let label = match l.kind {
            LinkKind::Violation => words.violation(&state.store.get_violation(who.org_id(), &l.id).await?),
            LinkKind::Report => words.report(&state.store.get_report(who.org_id(), &l.id).await?),
            LinkKind::Alert => words.alert(&state.store.get_alert(who.org_id(), &l.id).await?.0),
        };
        let remove = if l.held {
            format!("/violations/{}/links/{}/{}/remove", v.id, l.kind.as_str(), l.id)
        } else {
            format!("/violations/{}/links/violation/{}/remove", l.id, v.id)
        };
        out.push(minijinja::context! {
            kind => l.kind.as_str(), id => l.id, href => href(l.kind, &l.id), label, remove,
        });
    }
    Ok(out)
}

/// The violations linked with a report or an alert, for its page: each with its page and a
/// label. The link is held by the violation, and removed there.
pub(super) async fn violations_of(
    state: &AppState,
    who: &Member,
    cfg: &EwConfig,
    lang: Lang,
    kind: LinkKind,
    id: &str,
) -> Result<Vec<Value>, PageError> {
    let words = Words { cfg, lang };
    let mut out = vec![];
    for l in crate::observatory::violations::links(state, &who.actor(), kind, id).await? {
        let v = state.store.get_violation(who.org_id(), &l.id).await?;
        out.push(
            minijinja::context! { href => href(LinkKind::Violation, &v.id), label => words.violation(&v) },
        );
    }
    Ok(out)
}

/// Records near `v` in place and time that it is not yet linked with: reports from its area in
/// the month before it, alerts of its area within six weeks, violations of its area within two
/// months.
pub(super) async fn candidates(
    state: &AppState,
    who: &Member,
    cfg: &EwConfig,
    lang: Lang,
    v: &Violation,
    linked: &[Value],
) -> Result<Vec<Value>, PageError> {
    let words = Words { cfg, lang };
    let org = who.org_id();
    let taken = |kind: LinkKind, id: &str| {
        linked.iter().any(|l| {
            l.get_attr("kind").ok().and_then(|k| k.as_str().map(str::to_owned)).as_deref()
                == Some(kind.as_str())
                && l.get_attr("id").ok().and_then(|k| k.as_str().map(str::to_owned)).as_deref() == Some(id)
        })
    };
    let on = v.occurred_on;
    let start = (on - Duration::days(31)).and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let end = (on + Duration::days(2)).and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let filter =
        ReportFilter { area: Some(v.area.clone()), from: start, to: end, limit: 50, ..Default::default() };
    let mut out = vec![];
    let mut push = |kind: LinkKind, id: &str, label: String| {
        out.push(minijinja::context! { kind => kind.as_str(), id, label });
    };
    let reports = state.store.list_reports(org, &filter).await?;
    for r in reports.iter().filter(|r| !taken(LinkKind::Report, &r.id)).take(OFFERED) {
        push(LinkKind::Report, &r.id, words.report(r));
    }
    let alerts = state.store.list_alerts(org, &AlertFilter { limit: 500, ..Default::default() }).await?;
    let near = |d: chrono::NaiveDate| (d - on).num_days().abs() <= 42;
    for a in alerts
        .iter()
        .filter(|a| a.area == v.area && near(a.week.monday()) && !taken(LinkKind::Alert, &a.id))
        .take(OFFERED)
    {
        push(LinkKind::Alert, &a.id, words.alert(a));
    }
    let others =
        state.store.list_violations(org, &ViolationFilter { limit: 500, ..Default::default() }).await?;
    for o in others
        .iter()
        .filter(|o| o.id != v.id && o.area == v.area && (o.occurred_on - on).num_days().abs() <= 60)
        .filter(|o| !taken(LinkKind::Violation, &o.id))
        .take(OFFERED)
    {
        push(LinkKind::Violation, &o.id, words.violation(o));
    }
    Ok(out)
}
