//! The knowledge bank as the API, the pages and the CLI use it: the case studies Tandem ships
//! (seeded once into every database), those organisations add, search (the database's engine,
//! best match first, each hit with a snippet of where its words are) and markdown shown as
//! safe HTML. Callers have passed the access check already.
pub mod markdown;
mod shipped;

use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::knowledge::{snippet, CaseStudyInput, SearchQuery};
use tandem_domain::{InvalidInput, OrgId};
use tandem_store::{CaseFilter, CaseStudy, NewCaseStudy, Store};

pub use shipped::shipped;

use crate::app_error::AppError;

/// Hits a search returns.
pub const SEARCH_LIMIT: usize = 50;

/// Adds the shipped case studies a database lacks (every start does this; it is cheap).
pub async fn seed(store: &dyn Store) -> Result<usize, AppError> {
    Ok(store.seed_case_studies(&shipped()).await?)
}

/// One line of a list or a search.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Found {
    pub id: String,
    pub title: String,
    /// HTML: the text escaped, the query's words in `<mark>`; the summary's start when listing.
    pub snippet: String,
    pub summary: String,
    pub language: String,
    pub region: String,
    pub activities: Vec<String>,
    /// The organisation that wrote it; absent for those Tandem ships.
    pub org_name: Option<String>,
}

fn found(c: CaseStudy, q: Option<&SearchQuery>) -> Found {
    let snippet = match q {
        // Where the words are: the summary when it holds them, else the body.
        Some(q) => {
            let in_summary = snippet(&c.summary, q);
            if in_summary.contains("<mark>") {
                in_summary
            } else {
                let in_body = snippet(&c.body, q);
                if in_body.contains("<mark>") {
                    in_body
                } else {
                    in_summary
                }
            }
        }
        None => snippet(&c.summary, &SearchQuery { words: vec![] }),
    };
    Found {
        id: c.id,
        title: c.title,
        snippet,
        summary: c.summary,
        language: c.language,
        region: c.region,
        activities: c.activities,
        org_name: c.org_name,
    }
}

/// The filters of a list or search, from what was sent; a refusal names the one at fault.
pub fn filter(language: Option<&str>, activity: Option<&str>) -> Result<CaseFilter, InvalidInput> {
    let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    Ok(CaseFilter {
        language: given(language).map(|l| l.parse::<tandem_domain::knowledge::Language>()).transpose()?,
        activity: given(activity).map(|a| a.parse::<tandem_domain::wheel::Activity>()).transpose()?,
    })
}

/// Case studies matching `q` (best first); with no `q`, all of them by title, those in
/// `prefer` (the reader's language) first. A query with no word in it (`*`) finds nothing.
pub async fn search(
    store: &dyn Store,
    q: &str,
    filter: CaseFilter,
    prefer: Option<&str>,
) -> Result<Vec<Found>, AppError> {
    if q.chars().count() > 500 {
        return Err(InvalidInput::new("q", "is longer than 500 characters")
            .because(tandem_domain::Problem::TooLong { max: 500 })
            .into());
    }
    match SearchQuery::parse(q) {
        Some(query) => Ok(store
            .search_case_studies(&query, filter, SEARCH_LIMIT)
            .await?
            .into_iter()
            .map(|h| found(h.case_study, Some(&query)))
            .collect()),
        None if !q.trim().is_empty() => Ok(vec![]),
        None => {
            let mut all: Vec<Found> =
                store.case_studies(filter).await?.into_iter().map(|c| found(c, None)).collect();
            // A stable sort: by title within each language.
            all.sort_by_key(|f| Some(f.language.as_str()) != prefer);
            Ok(all)
        }
    }
}

/// Takes one of the actor's organisation's case studies out of the bank.
pub async fn withdraw(store: &dyn Store, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("case_study.withdraw").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(store.withdraw_case_study(&actor.org_id, id, ev).await?)
}

pub async fn get(store: &dyn Store, id: &str) -> Result<CaseStudy, AppError> {
    Ok(store.case_study(id).await?)
}

/// A case study in the actor's organisation's name (public at once: it is what it is for).
pub async fn create(store: &dyn Store, actor: &Actor, input: &CaseStudyInput) -> Result<CaseStudy, AppError> {
    let text = input.parse()?;
    let new = NewCaseStudy { id: OrgId::new().to_string(), org: Some(actor.org_id.clone()), text };
    let ev =
        NewAuditEvent::new("case_study.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    Ok(store.add_case_study(&new, ev).await?)
}
