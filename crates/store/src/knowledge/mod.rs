//! The knowledge bank: case studies and good practices, public to read. Those Tandem ships have
//! no organisation; an organisation's are theirs. Search is the database's own full-text engine
//! (SQLite FTS5, PostgreSQL `tsvector`) over the texts' folded words, best match first by one
//! relevance formula, so that both backends give the same order.
pub mod conformance;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::knowledge::{CaseStudyText, Language, SearchQuery, Tier};
use tandem_domain::wheel::Activity;
use tandem_domain::OrgId;

use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct NewCaseStudy {
    pub id: String,
    /// None for the case studies Tandem ships.
    pub org: Option<OrgId>,
    pub text: CaseStudyText,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStudy {
    pub id: String,
    /// The organisation that wrote it; absent for those Tandem ships.
    pub org_id: Option<String>,
    pub org_name: Option<String>,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    /// `en`, `fr` or `ar`.
    pub language: String,
    pub region: String,
    pub actors: Vec<String>,
    /// Wheel activities: `capacity_building`, `assessment`, `planning`, `implementation`,
    /// `monitoring`.
    pub activities: Vec<String>,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
}

/// Which case studies a list or a search keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub language: Option<Language>,
    pub activity: Option<Activity>,
}

/// A search's hit: the case study and the way it matched (the phrase, all words, any).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseHit {
    pub case_study: CaseStudy,
    pub tier: Tier,
}

#[async_trait]
pub trait KnowledgeStore: Send + Sync {
    /// Conflict naming `id` when one has its id already.
    async fn add_case_study(&self, new: &NewCaseStudy, audit: NewAuditEvent) -> Result<CaseStudy>;
    /// Adds those of `shipped` not stored yet (by id), in one transaction; how many were new.
    async fn seed_case_studies(&self, shipped: &[NewCaseStudy]) -> Result<usize>;
    async fn case_study(&self, id: &str) -> Result<CaseStudy>;
    /// Takes a case study out of the bank (a mistake, or something that puts people at risk).
    /// NotFound unless `org` wrote it (the shipped ones are no organisation's).
    async fn withdraw_case_study(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;
    /// Every case study the filter keeps, by title.
    async fn case_studies(&self, filter: CaseFilter) -> Result<Vec<CaseStudy>>;
    /// At most `limit` hits, best first: those holding the words as a phrase, then those
    /// holding all of them, then any; within each, by relevance
    /// (`tandem_domain::knowledge::relevance`, the same on every backend), then id. The
    /// database's engine finds the matches and counts the words.
    async fn search_case_studies(
        &self,
        q: &SearchQuery,
        filter: CaseFilter,
        limit: usize,
    ) -> Result<Vec<CaseHit>>;
}
