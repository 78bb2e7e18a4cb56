//! The case studies Tandem ships, written in the project's own words (`crates/web/knowledge/`):
//! a few lines of `key: value`, a line `---`, then the markdown body. Their ids are their file
//! names, so a database holds each once however often it is seeded.
use tandem_domain::knowledge::CaseStudyInput;
use tandem_store::NewCaseStudy;

const FILES: [(&str, &str); 12] = [
    (
        "police-trainings-by-womens-groups",
        include_str!("../../knowledge/police-trainings-by-womens-groups.md"),
    ),
    ("community-police-forum", include_str!("../../knowledge/community-police-forum.md")),
    ("early-warning-mediation-teams", include_str!("../../knowledge/early-warning-mediation-teams.md")),
    ("joint-oversight-forum", include_str!("../../knowledge/joint-oversight-forum.md")),
    ("family-support-hotline", include_str!("../../knowledge/family-support-hotline.md")),
    ("mapping-local-capacity", include_str!("../../knowledge/mapping-local-capacity.md")),
    ("fr-femmes-mediatrices", include_str!("../../knowledge/fr-femmes-mediatrices.md")),
    ("fr-comite-securite-quartier", include_str!("../../knowledge/fr-comite-securite-quartier.md")),
    ("fr-jeunes-alerte-precoce", include_str!("../../knowledge/fr-jeunes-alerte-precoce.md")),
    ("ar-police-training", include_str!("../../knowledge/ar-police-training.md")),
    ("ar-community-forum", include_str!("../../knowledge/ar-community-forum.md")),
    ("ar-family-hotline", include_str!("../../knowledge/ar-family-hotline.md")),
];

/// One shipped file read: its header's fields and its body.
fn read(text: &str) -> Result<CaseStudyInput, String> {
    let (head, body) = text.split_once("\n---\n").ok_or("no --- line after the header")?;
    let mut input = CaseStudyInput { body: body.trim().to_owned(), ..Default::default() };
    let items = |v: &str| v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    for line in head.lines() {
        let (key, value) = line.split_once(':').ok_or_else(|| format!("not key: value: {line}"))?;
        let value = value.trim();
        match key.trim() {
            "title" => input.title = value.to_owned(),
            "summary" => input.summary = value.to_owned(),
            "language" => input.language = value.to_owned(),
            "region" => input.region = value.to_owned(),
            "actors" => input.actors = items(value),
            "activities" => input.activities = items(value),
            "tags" => input.tags = items(value),
            other => return Err(format!("unknown key {other}")),
        }
    }
    Ok(input)
}

/// Every shipped case study, checked as any other.
pub fn shipped() -> Vec<NewCaseStudy> {
    FILES
        .iter()
        .filter_map(|(id, text)| {
            let text = read(text).ok()?.parse().ok()?;
            Some(NewCaseStudy { id: (*id).to_owned(), org: None, text })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_case_study_reads_and_passes_the_checks() {
        for (id, text) in FILES {
            let input = read(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            let c = input.parse().unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(!c.activities.is_empty() && !c.tags.is_empty(), "{id}");
        }
        let all = shipped();
        assert_eq!(all.len(), FILES.len());
        let langs = |l: &str| all.iter().filter(|c| c.text.language.as_str() == l).count();
        assert_eq!((langs("en"), langs("fr"), langs("ar")), (6, 3, 3));
    }
}
