//! Human-rights violations in the spirit of the HURIDOCS Events Standard Formats: an act of a
//! kind from a controlled list, on a date with its precision, in an area, with its victims as
//! counts (no names), committed with the involvement of an **institution or unit** (never a
//! private person: rule 2), and the two-key workflow that moves it from documented to closed.
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{text, InvalidInput, Problem};

/// The act kinds every deployment starts with (DESIGN §4.4); an operator may add more.
pub const DEFAULT_ACTS: [&str; 11] = [
    "arbitrary_arrest",
    "torture_ill_treatment",
    "extrajudicial_killing",
    "enforced_disappearance",
    "sexual_violence",
    "excessive_force",
    "extortion",
    "destruction_of_property",
    "restriction_of_assembly",
    "threat_to_defender",
    "attack_on_defender",
];

/// An act kind's handle: lower-case ASCII letters, digits and `_`, 2 to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ActSlug(String);

impl ActSlug {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim();
        let ok = (2..=40).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(InvalidInput::new("act", "is not an act kind").because(Problem::Unknown))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Threats and attacks against civil-society staff and human-rights defenders: the
    /// civic-space incidents, which name the organisation targeted.
    pub fn is_civic_space(&self) -> bool {
        matches!(self.0.as_str(), "threat_to_defender" | "attack_on_defender")
    }
}

/// The organisation a civic-space incident targeted: required for those acts, refused for the
/// others (an arrest's victims are counts, not an organisation's name).
pub fn targeted_org(act: &ActSlug, raw: Option<&str>) -> Result<Option<String>, InvalidInput> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty());
    match (act.is_civic_space(), raw) {
        (true, Some(name)) => Ok(Some(text::bounded("targeted_org", name, 2, 200)?)),
        (true, None) => {
            Err(InvalidInput::new("targeted_org", "is required for a threat or attack against defenders")
                .because(Problem::Required))
        }
        (false, Some(_)) => Err(InvalidInput::new(
            "targeted_org",
            "is only for threats and attacks against defenders or CSO staff",
        )),
        (false, None) => Ok(None),
    }
}

/// How precisely the date of an act is known. A month-precise date is stored as the month's
/// first day, a year-precise one as the 1st of January; `Unknown` keeps the day it was
/// documented, so that counts per period still place it somewhere honest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DatePrecision {
    Exact,
    Month,
    Year,
    Unknown,
}

impl DatePrecision {
    pub const ALL: [DatePrecision; 4] =
        [DatePrecision::Exact, DatePrecision::Month, DatePrecision::Year, DatePrecision::Unknown];
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Exact => "exact",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
    /// The date kept for `d` at this precision.
    pub fn normalise(self, d: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        match self {
            DatePrecision::Exact | DatePrecision::Unknown => d,
            DatePrecision::Month => d.with_day(1).unwrap_or(d),
            DatePrecision::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }
    /// When `d` happened as a partner is told it: the month at most (`2026-03`), the year when
    /// only that is known, nothing when the date is unknown. A day, with a place and an act, can
    /// point at the people it happened to.
    pub fn shared(self, d: NaiveDate) -> Option<String> {
        match self {
            DatePrecision::Exact | DatePrecision::Month => Some(d.format("%Y-%m").to_string()),
            DatePrecision::Year => Some(d.format("%Y").to_string()),
            DatePrecision::Unknown => None,
        }
    }
}

impl FromStr for DatePrecision {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|p| p.as_str() == s.trim()).ok_or_else(|| {
            InvalidInput::new("date_precision", "is not exact, month, year or unknown")
                .because(Problem::Unknown)
        })
    }
}

/// The kind of body whose agents were involved. There is no kind for a private person:
/// Tandem names institutions and units, never individuals (DESIGN rule 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum InstitutionKind {
    Police,
    Gendarmerie,
    Military,
    Intelligence,
    Prison,
    Ministry,
    LocalAuthority,
    ArmedGroup,
    OtherPublicBody,
}

impl InstitutionKind {
    pub const ALL: [InstitutionKind; 9] = [
        InstitutionKind::Police,
        InstitutionKind::Gendarmerie,
        InstitutionKind::Military,
        InstitutionKind::Intelligence,
        InstitutionKind::Prison,
        InstitutionKind::Ministry,
        InstitutionKind::LocalAuthority,
        InstitutionKind::ArmedGroup,
        InstitutionKind::OtherPublicBody,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            InstitutionKind::Police => "police",
            InstitutionKind::Gendarmerie => "gendarmerie",
            InstitutionKind::Military => "military",
            InstitutionKind::Intelligence => "intelligence",
            InstitutionKind::Prison => "prison",
            InstitutionKind::Ministry => "ministry",
            InstitutionKind::LocalAuthority => "local_authority",
            InstitutionKind::ArmedGroup => "armed_group",
            InstitutionKind::OtherPublicBody => "other_public_body",
        }
    }
}

impl FromStr for InstitutionKind {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim()).ok_or_else(|| {
            InvalidInput::new(
                "institution_kind",
                "is not a kind of institution (a private person is never named)",
            )
            .because(Problem::Unknown)
        })
    }
}

/// An institution or unit, as named by those who document: "Kumba Central Police Station".
pub fn institution_name(field: &'static str, raw: &str) -> Result<String, InvalidInput> {
    text::bounded(field, raw, 2, 160)
}

/// Victims as counts, never names: a total, and as many of women, men, girls and boys as known
/// (sex by two age bands: adults, and children under 18); what kind of group they were, and how
/// they were at the end of the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Victims {
    pub total: u32,
    pub women: Option<u32>,
    pub men: Option<u32>,
    pub girls: Option<u32>,
    pub boys: Option<u32>,
    /// individuals (the default), family, community or organisation.
    #[serde(default)]
    pub group: VictimGroup,
    /// How the victims were when the act ended, when known.
    #[serde(default)]
    pub status: Option<VictimsState>,
}

impl Victims {
    pub const MAX: u32 = 1_000_000;
    /// At least one victim; the parts known never add up to more than the total.
    pub fn check(self) -> Result<Self, InvalidInput> {
        if !(1..=Self::MAX).contains(&self.total) {
            return Err(InvalidInput::new(
                "victims_total",
                format!("must be a whole number from 1 to {}", Self::MAX),
            )
            .because(Problem::Range { min: 1, max: Self::MAX as i64 }));
        }
        let parts: u64 =
            [self.women, self.men, self.girls, self.boys].iter().flatten().map(|&n| n as u64).sum();
        if parts > self.total as u64 {
            return Err(InvalidInput::new(
                "victims",
                "women, men, girls and boys add up to more than the total",
            ));
        }
        Ok(self)
    }
}

crate::word_list!(
    /// Who the information comes from (the Events Standard Formats' "source type"). Who they
    /// are, by name, is sealed apart ([`crate::seal::Purpose::SourceIdentity`]).
    SourceKind, "source_kind", "is not a kind of source", {
        Victim => "victim",
        Witness => "witness",
        Relative => "relative",
        CommunityMember => "community_member",
        CivilSociety => "civil_society",
        Media => "media",
        Official => "official",
        Other => "other",
    }
);

crate::word_list!(
    /// How the source knows: saw it, was told, or read it in documents.
    SourceKnowledge, "source_knowledge", "is not how a source knows", {
        Direct => "direct",
        Hearsay => "hearsay",
        Documents => "documents",
    }
);

crate::word_list!(
    /// How far the source has been reliable before (the documenter's judgement).
    Reliability, "source_reliability", "is not a reliability", {
        Reliable => "reliable",
        UsuallyReliable => "usually_reliable",
        Unknown => "unknown",
        Doubtful => "doubtful",
    }
);

crate::word_list!(
    /// Who the victims were as a group (the Events Standard Formats' victim type): people one by
    /// one, a family, a whole community, or an organisation (a CSO whose office was raided).
    VictimGroup, "victims_group", "is not a kind of victim group", {
        Individuals => "individuals",
        Family => "family",
        Community => "community",
        Organisation => "organisation",
    }
);

// By hand: the enum is declared by `word_list!`, which derives no Default.
#[allow(clippy::derivable_impls)]
impl Default for VictimGroup {
    fn default() -> Self {
        VictimGroup::Individuals
    }
}

crate::word_list!(
    /// How the victims were when the act ended: what a follow-up visit or a referral asks about.
    VictimsState, "victims_status", "is not how victims can be at the end of an act", {
        Released => "released",
        StillDetained => "still_detained",
        Injured => "injured",
        Killed => "killed",
        Missing => "missing",
        Displaced => "displaced",
        Unharmed => "unharmed",
    }
);

crate::word_list!(
    /// How the institution or unit was involved (the Events Standard Formats' degree of
    /// involvement): its agents did it, it ordered it, it helped, or it failed to prevent it or
    /// to protect the victims when it had the duty to.
    Involvement, "involvement", "is not a degree of involvement", {
        Perpetrator => "perpetrator",
        Ordered => "ordered",
        Complicit => "complicit",
        FailedToProtect => "failed_to_protect",
    }
);

#[allow(clippy::derivable_impls)]
impl Default for Involvement {
    fn default() -> Self {
        Involvement::Perpetrator
    }
}

/// How the act was carried out ("beaten with batons", "held without charge"), in a line.
pub fn method(raw: &str) -> Result<Option<String>, InvalidInput> {
    let line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return Ok(None);
    }
    text::bounded("method", &line, 2, 200).map(Some)
}

crate::word_list!(
    /// What a violation may be linked to, in the same organisation: another violation (the same
    /// event, or one that followed from it), an early-warning report behind it, or an alert.
    LinkKind, "kind", "is not something a violation links to: violation, report or alert", {
        Violation => "violation",
        Report => "report",
        Alert => "alert",
    }
);

/// What is known about a violation's source, apart from who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceInfo {
    pub kind: Option<SourceKind>,
    pub knowledge: Option<SourceKnowledge>,
    pub reliability: Option<Reliability>,
}

/// Victims' names: kept only when they consented, one line of at most 2 000 characters.
pub fn victim_names(raw: &str, consented: bool) -> Result<Option<String>, InvalidInput> {
    let names = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if names.is_empty() {
        return Ok(None);
    }
    if !consented {
        return Err(InvalidInput::new(
            "victim_names_consent",
            "names are kept only when the victims consented: record their consent, or leave the names out",
        )
        .because(Problem::Required));
    }
    text::bounded("victim_names", &names, 2, 2_000).map(Some)
}

/// Where a violation stands. Documented → verified (by a second coordinator) → referred →
/// responded → remedied or closed; it may be closed from any open step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ViolationStatus {
    Documented,
    Verified,
    Referred,
    Responded,
    Remedied,
    Closed,
}

impl ViolationStatus {
    pub const ALL: [ViolationStatus; 6] = [
        ViolationStatus::Documented,
        ViolationStatus::Verified,
        ViolationStatus::Referred,
        ViolationStatus::Responded,
        ViolationStatus::Remedied,
        ViolationStatus::Closed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationStatus::Documented => "documented",
            ViolationStatus::Verified => "verified",
            ViolationStatus::Referred => "referred",
            ViolationStatus::Responded => "responded",
            ViolationStatus::Remedied => "remedied",
            ViolationStatus::Closed => "closed",
        }
    }
    /// Whether the workflow allows the step from `self` to `to`.
    pub fn may_become(self, to: ViolationStatus) -> bool {
        use ViolationStatus::*;
        matches!(
            (self, to),
            (Documented, Verified)
                | (Verified, Referred)
                | (Referred, Responded)
                | (Responded, Remedied)
                | (Documented | Verified | Referred | Responded, Closed)
        )
    }
}

impl FromStr for ViolationStatus {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim())
            .ok_or_else(|| InvalidInput::new("status", "is not a violation status").because(Problem::Unknown))
    }
}

/// What a referral asks of the institution or organisation it goes to, and by when: the
/// loop Tandem closes with those concerned.
pub fn referral_ask(raw: &str) -> Result<String, InvalidInput> {
    text::bounded("ask", raw, 3, 2_000)
}

/// How a violation ends: remedied (the institution acted on it) or closed (no further action).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Ending {
    Remedied,
    Closed,
}

impl Ending {
    pub fn status(self) -> ViolationStatus {
        match self {
            Ending::Remedied => ViolationStatus::Remedied,
            Ending::Closed => ViolationStatus::Closed,
        }
    }
}

impl FromStr for Ending {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "remedied" => Ok(Ending::Remedied),
            "closed" => Ok(Ending::Closed),
            _ => Err(InvalidInput::new("ending", "must be remedied or closed").because(Problem::Unknown)),
        }
    }
}

/// Why a verification is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyRefused {
    /// The two keys must be two people: whoever documented a violation cannot verify it.
    #[error("the person who documented a violation cannot verify it; another coordinator must")]
    SameHand,
    #[error("only a documented violation can be verified (this one is {0})")]
    NotDocumented(&'static str),
}

/// The second key: `verifier` may verify a violation `documenter` wrote, now at `status`.
pub fn check_verification(
    status: ViolationStatus,
    documenter: Option<&str>,
    verifier: &str,
) -> Result<(), VerifyRefused> {
    if status != ViolationStatus::Documented {
        return Err(VerifyRefused::NotDocumented(status.as_str()));
    }
    if documenter == Some(verifier) {
        return Err(VerifyRefused::SameHand);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_is_told_the_month_at_most() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 17).unwrap();
        assert_eq!(DatePrecision::Exact.shared(d).as_deref(), Some("2026-03"));
        assert_eq!(DatePrecision::Month.shared(d).as_deref(), Some("2026-03"));
        assert_eq!(DatePrecision::Year.shared(d).as_deref(), Some("2026"));
        assert_eq!(DatePrecision::Unknown.shared(d), None);
    }

    #[test]
    fn the_workflow_moves_one_way_and_closes_from_any_open_step() {
        use ViolationStatus::*;
        assert!(Documented.may_become(Verified) && Verified.may_become(Referred));
        assert!(Referred.may_become(Responded) && Responded.may_become(Remedied));
        assert!(!Documented.may_become(Referred), "no referral before verification");
        assert!(
            !Verified.may_become(Documented) && !Remedied.may_become(Closed) && !Closed.may_become(Verified)
        );
        for s in [Documented, Verified, Referred, Responded] {
            assert!(s.may_become(Closed), "{s:?}");
        }
        for s in ViolationStatus::ALL {
            assert_eq!(s.as_str().parse::<ViolationStatus>().unwrap(), s);
        }
    }

    #[test]
    fn two_keys_are_two_people() {
        assert_eq!(
            check_verification(ViolationStatus::Documented, Some("u1"), "u1"),
            Err(VerifyRefused::SameHand)
        );
        assert_eq!(check_verification(ViolationStatus::Documented, Some("u1"), "u2"), Ok(()));
        assert_eq!(
            check_verification(ViolationStatus::Documented, None, "u2"),
            Ok(()),
            "an import has no hand"
        );
        assert_eq!(
            check_verification(ViolationStatus::Verified, Some("u1"), "u2"),
            Err(VerifyRefused::NotDocumented("verified"))
        );
    }

    #[test]
    fn endings_follow_the_workflow() {
        use ViolationStatus::*;
        assert!(Responded.may_become(Ending::Remedied.status()));
        assert!(!Verified.may_become(Ending::Remedied.status()), "remedied only after an answer");
        assert!(Verified.may_become(Ending::Closed.status()));
        assert!("solved".parse::<Ending>().is_err());
        assert!(referral_ask("Release them").is_ok() && referral_ask("  ").is_err());
    }

    #[test]
    fn names_need_consent_and_sources_are_words() {
        assert_eq!(victim_names("  ", false).unwrap(), None);
        assert_eq!(victim_names("Amina  B.\nJean K.", true).unwrap().as_deref(), Some("Amina B. Jean K."));
        assert_eq!(victim_names("Amina B.", false).unwrap_err().field, "victim_names_consent");
        for k in SourceKind::ALL {
            assert_eq!(k.as_str().parse::<SourceKind>().unwrap(), *k);
        }
        assert_eq!("rumour".parse::<SourceKnowledge>().unwrap_err().field, "source_knowledge");
        assert_eq!("usually_reliable".parse::<Reliability>().unwrap(), Reliability::UsuallyReliable);
    }

    #[test]
    fn groups_involvement_and_methods_are_words() {
        assert_eq!(Victims::default().group, VictimGroup::Individuals);
        assert_eq!(Involvement::default(), Involvement::Perpetrator);
        assert_eq!("failed_to_protect".parse::<Involvement>().unwrap(), Involvement::FailedToProtect);
        assert_eq!("bystander".parse::<Involvement>().unwrap_err().field, "involvement");
        assert_eq!("crowd".parse::<VictimGroup>().unwrap_err().field, "victims_group");
        assert_eq!("still_detained".parse::<VictimsState>().unwrap(), VictimsState::StillDetained);
        assert_eq!("fine".parse::<VictimsState>().unwrap_err().field, "victims_status");
        assert_eq!(method("  beaten \n with batons ").unwrap().as_deref(), Some("beaten with batons"));
        assert_eq!(method(" ").unwrap(), None);
        assert_eq!(method(&"x".repeat(201)).unwrap_err().field, "method");
        for k in LinkKind::ALL {
            assert_eq!(k.as_str().parse::<LinkKind>().unwrap(), *k);
        }
        let v: Victims = serde_json::from_str(r#"{"total":2}"#).unwrap();
        assert_eq!((v.group, v.status), (VictimGroup::Individuals, None), "older clients still work");
    }

    #[test]
    fn victims_are_counts_that_add_up() {
        let v = |total, women, girls| Victims { total, women, girls, ..Default::default() };
        assert!(v(3, Some(2), Some(1)).check().is_ok());
        assert!(v(0, None, None).check().is_err());
        let e = v(2, Some(2), Some(1)).check().unwrap_err();
        assert_eq!(e.field, "victims");
        assert!(v(Victims::MAX + 1, None, None).check().is_err());
    }

    #[test]
    fn institutions_never_persons_and_dates_at_their_precision() {
        assert!("individual".parse::<InstitutionKind>().is_err());
        for k in InstitutionKind::ALL {
            assert_eq!(k.as_str().parse::<InstitutionKind>().unwrap(), k);
        }
        let d = NaiveDate::from_ymd_opt(2026, 7, 19).unwrap();
        assert_eq!(DatePrecision::Month.normalise(d), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(DatePrecision::Year.normalise(d), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(DatePrecision::Exact.normalise(d), d);
        assert!(ActSlug::parse("arbitrary_arrest").is_ok() && ActSlug::parse("Arrest!").is_err());
        assert!(ActSlug::parse("threat_to_defender").unwrap().is_civic_space());
        let threat = ActSlug::parse("threat_to_defender").unwrap();
        let arrest = ActSlug::parse("arbitrary_arrest").unwrap();
        assert_eq!(
            targeted_org(&threat, Some(" Kumba Women's Network ")).unwrap().as_deref(),
            Some("Kumba Women's Network")
        );
        assert_eq!(targeted_org(&threat, Some(" ")).unwrap_err().problem, Problem::Required);
        assert_eq!(targeted_org(&arrest, Some("A network")).unwrap_err().field, "targeted_org");
        assert_eq!(targeted_org(&arrest, None).unwrap(), None);
        assert!(DEFAULT_ACTS.iter().all(|a| ActSlug::parse(a).is_ok()));
    }
}
