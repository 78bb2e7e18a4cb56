//! A survey's questionnaire as Tandem serves it to phones: one question a line, written by a
//! coordinator as `name | question | answers` (the answers a list of `value=label` choices, the
//! word `number` or `text`, or `= V` for a value every response carries (letters, digits, `_ - .`), such as a weight of 1
//! in a self-weighting sample). The rules that keep it an XForm ODK Collect can open, and those
//! that check a filled form's answers against it, live here; writing the XForm does not.
use std::collections::{BTreeMap, HashSet};

use crate::survey::{is_weight, DesignRole, MAX_WEIGHT};

/// Questions one questionnaire may hold, choices one question may offer.
pub const MAX_QUESTIONS: usize = 200;
pub const MAX_CHOICES: usize = 100;
pub const LABEL_MAX: usize = 300;
pub const NAME_MAX: usize = 64;
/// The longest free-text answer kept.
pub const TEXT_MAX: usize = 2000;

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One of the choices.
    Choice(Vec<Choice>),
    /// A number (decimal).
    Number,
    /// Free text, optional.
    Text,
    /// Not asked: every response carries this value.
    Fixed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The column its answers land in, and the XForm's field name.
    pub name: String,
    pub label: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Questionnaire {
    pub questions: Vec<Question>,
}

/// What is wrong on a line, in a form every language can say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineFault {
    /// Not `name | question | answers`.
    Shape,
    /// A name that is not letters, digits and `_` starting with a letter (or is too long).
    BadName,
    NameTwice,
    /// A question without its words.
    NoLabel,
    /// A choice value that is not letters, digits, `_` or `-`, or a label too long.
    BadChoice,
    ChoiceTwice,
    /// More questions or choices than allowed.
    TooMany,
    /// A list of answers with none in it.
    NoChoices,
    /// A name the forms' tools keep for themselves (`instanceID`, `start`, `KEY`…).
    Reserved,
    /// No question at all.
    Empty,
    /// The survey's design column is not among the questions.
    DesignMissing(DesignRole),
    /// The weight is neither a number question nor a fixed positive number.
    WeightNotNumber,
    /// A stratum or cluster that could be left blank (free text).
    DesignOptional(DesignRole),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {fault:?}")]
pub struct LineError {
    /// 1-based; 0 for the questionnaire as a whole.
    pub line: u64,
    pub fault: LineFault,
}

impl LineFault {
    /// The English explanation (the API's and the CLI's).
    pub fn english(self) -> String {
        match self {
            LineFault::Shape => "write a question as name | question | answers".into(),
            LineFault::BadName => {
                format!("a name is letters, digits and _ and starts with a letter (at most {NAME_MAX})")
            }
            LineFault::NameTwice => "this name is used by an earlier question".into(),
            LineFault::NoLabel => "the question's words are missing".into(),
            LineFault::BadChoice => "an answer is value=label, the value letters, digits, _ or - only".into(),
            LineFault::ChoiceTwice => "the same answer value is offered twice".into(),
            LineFault::TooMany => {
                format!("at most {MAX_QUESTIONS} questions and {MAX_CHOICES} answers each")
            }
            LineFault::Empty => "write at least one question".into(),
            LineFault::NoChoices => "list the answers, or write number or text".into(),
            LineFault::Reserved => "this name is kept by the forms' tools: choose another".into(),
            LineFault::DesignOptional(r) => {
                format!("the survey's {} column must be a list of answers, a number or = a value", r.as_str())
            }
            LineFault::DesignMissing(r) => {
                format!("the survey's {} column must be one of the questions", r.as_str())
            }
            LineFault::WeightNotNumber => {
                format!("the weight must be a number question or = a positive number up to {MAX_WEIGHT:e}")
            }
        }
    }
}

fn fault(line: usize, fault: LineFault) -> LineError {
    LineError { line: line as u64, fault }
}

/// A field name ODK accepts (an XML name without dots or dashes, as XLSForm advises).
fn is_name(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= NAME_MAX
}

/// Names the tools fill or read themselves: an answer under one would be hidden, or taken for a
/// submission's key by a later import.
const RESERVED: [&str; 12] = [
    "meta",
    "instanceid",
    "start",
    "end",
    "today",
    "deviceid",
    "key",
    "submissiondate",
    "simserial",
    "subscriberid",
    "phonenumber",
    "username",
];

fn is_reserved(s: &str) -> bool {
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))
}

/// Characters XML 1.0 cannot carry, or that no text should: controls (line breaks and tabs
/// aside) and the noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF…).
pub fn is_unwritable(c: char) -> bool {
    let n = c as u32;
    (c.is_control() && !matches!(c, '\n' | '\t')) || (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

fn is_value(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= NAME_MAX
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() && !is_unwritable(*c)).collect::<String>().trim().to_owned()
}

fn answers(line: usize, spec: &str) -> Result<Kind, LineError> {
    let spec = spec.trim();
    if let Some(v) = spec.strip_prefix('=') {
        // Written into the form as an XPath string: plain words and numbers only.
        let v = v.trim().to_owned();
        return if !v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            || v.is_empty()
            || v.len() > NAME_MAX
        {
            Err(fault(line, LineFault::BadChoice))
        } else {
            Ok(Kind::Fixed(v))
        };
    }
    match spec.to_ascii_lowercase().as_str() {
        "number" => return Ok(Kind::Number),
        "" | "text" => return Ok(Kind::Text),
        _ => {}
    }
    let mut seen = HashSet::new();
    let mut choices = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (value, label) = match part.split_once('=') {
            Some((v, l)) => (v.trim().to_owned(), clean(l)),
            None => (part.to_owned(), part.to_owned()),
        };
        if !is_value(&value) || label.is_empty() || label.chars().count() > LABEL_MAX {
            return Err(fault(line, LineFault::BadChoice));
        }
        if !seen.insert(value.clone()) {
            return Err(fault(line, LineFault::ChoiceTwice));
        }
        choices.push(Choice { value, label });
    }
    if choices.len() > MAX_CHOICES {
        return Err(fault(line, LineFault::TooMany));
    }
    if choices.is_empty() {
        return Err(fault(line, LineFault::NoChoices));
    }
    Ok(Kind::Choice(choices))
}

impl Questionnaire {
    /// Reads the text a coordinator wrote; blank lines and lines starting with `#` are notes.
    pub fn parse(text: &str) -> Result<Self, LineError> {
        let mut questions: Vec<Question> = Vec::new();
        let mut names = HashSet::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim();
            if raw.is_empty() || raw.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = raw.split('|').collect();
            if parts.len() != 3 {
                return Err(fault(line, LineFault::Shape));
            }
            let name = parts[0].trim().to_owned();
            if !is_name(&name) {
                return Err(fault(line, LineFault::BadName));
            }
            if is_reserved(&name) {
                return Err(fault(line, LineFault::Reserved));
            }
            if !names.insert(name.to_ascii_lowercase()) {
                return Err(fault(line, LineFault::NameTwice));
            }
            let kind = answers(line, parts[2])?;
            let label = clean(parts[1]);
            let label = match (&kind, label.is_empty()) {
                // A fixed value is never shown: its name stands for its words.
                (Kind::Fixed(_), true) => name.clone(),
                (_, true) => return Err(fault(line, LineFault::NoLabel)),
                _ if label.chars().count() > LABEL_MAX => return Err(fault(line, LineFault::BadChoice)),
                _ => label,
            };
            if questions.len() == MAX_QUESTIONS {
                return Err(fault(line, LineFault::TooMany));
            }
            questions.push(Question { name, label, kind });
        }
        if questions.is_empty() {
            return Err(fault(0, LineFault::Empty));
        }
        Ok(Self { questions })
    }

    /// Checks that the survey's design columns are asked: the weight as a number (or a fixed
    /// positive one), the stratum and cluster so that no response can leave them blank.
    pub fn check_design(&self, text: &str, design: &[(DesignRole, &str)]) -> Result<(), LineError> {
        for (role, column) in design {
            let Some(q) = self.question(column) else {
                return Err(fault(0, LineFault::DesignMissing(*role)));
            };
            let at = || line_of(text, &q.name);
            let ok = match (role, &q.kind) {
                (DesignRole::Weight, Kind::Number) => true,
                (DesignRole::Weight, Kind::Fixed(v)) => v.parse::<f64>().is_ok_and(is_weight),
                (DesignRole::Weight, _) => false,
                (_, Kind::Text) => {
                    return Err(LineError { line: at(), fault: LineFault::DesignOptional(*role) })
                }
                _ => true,
            };
            if !ok {
                return Err(LineError { line: at(), fault: LineFault::WeightNotNumber });
            }
        }
        Ok(())
    }

    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.name.eq_ignore_ascii_case(name))
    }

    /// A filled form's answers, checked: each question's answer by name (fixed values filled
    /// in whatever the phone sent, numbers written one way), blanks left out. The weight must
    /// be one (see [`is_weight`]). Fields that are no question are ignored.
    pub fn answers(
        &self,
        fields: &BTreeMap<String, String>,
        weight: Option<&str>,
    ) -> Result<Vec<(String, String)>, AnswerError> {
        let mut out = Vec::new();
        for q in &self.questions {
            let given = fields.get(&q.name).map(|v| v.trim()).unwrap_or_default();
            let refuse = |problem| AnswerError { question: q.name.clone(), problem };
            let value = match &q.kind {
                Kind::Fixed(v) => v.clone(),
                _ if given.is_empty() => match q.kind {
                    Kind::Text => continue,
                    _ => return Err(refuse(AnswerProblem::Missing)),
                },
                Kind::Choice(cs) if !cs.iter().any(|c| c.value == given) => {
                    return Err(refuse(AnswerProblem::NotAChoice))
                }
                Kind::Number => match given.parse::<f64>() {
                    // One way of writing each number: `5.`, `+5` and `5` are one cluster.
                    Ok(n) if n.is_finite() => format!("{}", if n == 0.0 { 0.0 } else { n }),
                    _ => return Err(refuse(AnswerProblem::NotANumber)),
                },
                Kind::Text if given.chars().count() > TEXT_MAX => return Err(refuse(AnswerProblem::TooLong)),
                _ => clean_text(given),
            };
            let is_weight_question = weight.is_some_and(|w| w.eq_ignore_ascii_case(&q.name));
            if is_weight_question && !value.parse::<f64>().is_ok_and(is_weight) {
                return Err(refuse(AnswerProblem::BadWeight));
            }
            out.push((q.name.clone(), value));
        }
        Ok(out)
    }
}

/// Free text as kept: control characters other than line breaks and tabs dropped.
fn clean_text(s: &str) -> String {
    s.chars().filter(|c| !is_unwritable(*c)).collect()
}

/// The line a question's name is first written on (for refusals about the whole).
fn line_of(text: &str, name: &str) -> u64 {
    text.lines()
        .position(|l| l.split('|').next().is_some_and(|n| n.trim().eq_ignore_ascii_case(name)))
        .map_or(0, |i| i as u64 + 1)
}

/// A served form's version: a digest of the survey's title and questions, so that ODK Collect
/// fetches the form again after each edit, and a filled form names the questions it was
/// filled against.
pub fn version(title: &str, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(title.as_bytes());
    h.update([0x1f]);
    h.update(text.as_bytes());
    let hex: String = h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("1.{hex}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    Missing,
    NotAChoice,
    NotANumber,
    TooLong,
    /// A weight that is not a positive number up to [`MAX_WEIGHT`].
    BadWeight,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{question}: {problem:?}")]
pub struct AnswerError {
    pub question: String,
    pub problem: AnswerProblem,
}

impl AnswerError {
    pub fn english(&self) -> String {
        let what = match self.problem {
            AnswerProblem::Missing => "is required",
            AnswerProblem::NotAChoice => "is not one of the question's answers",
            AnswerProblem::NotANumber => "must be a number",
            AnswerProblem::TooLong => "is too long",
            AnswerProblem::BadWeight => "must be a positive number (a weight)",
        };
        format!("the answer to {} {what}", self.question)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# the demo's third round\n\
        gender | Are you a woman or a man? | female=Woman, male=Man\n\
        \n\
        trust | Do you trust the police to protect you? | yes=Yes, no=No, dk = Do not know\n\
        district | District | north, south\n\
        village | Village number | number\n\
        remarks | Anything else? | text\n\
        weight | | = 1\n";

    #[test]
    fn a_questionnaire_reads_as_written() {
        let q = Questionnaire::parse(TEXT).unwrap();
        let names: Vec<&str> = q.questions.iter().map(|q| q.name.as_str()).collect();
        assert_eq!(names, ["gender", "trust", "district", "village", "remarks", "weight"]);
        assert_eq!(
            q.questions[1].kind,
            Kind::Choice(vec![
                Choice { value: "yes".into(), label: "Yes".into() },
                Choice { value: "no".into(), label: "No".into() },
                Choice { value: "dk".into(), label: "Do not know".into() },
            ])
        );
        assert_eq!(
            q.questions[2].kind,
            Kind::Choice(vec![
                Choice { value: "north".into(), label: "north".into() },
                Choice { value: "south".into(), label: "south".into() },
            ])
        );
        assert_eq!((q.questions[3].kind.clone(), q.questions[4].kind.clone()), (Kind::Number, Kind::Text));
        assert_eq!(
            (q.questions[5].label.as_str(), &q.questions[5].kind),
            ("weight", &Kind::Fixed("1".into()))
        );
        let design = [
            (DesignRole::Weight, "weight"),
            (DesignRole::Strata, "district"),
            (DesignRole::Cluster, "village"),
        ];
        q.check_design(TEXT, &design).unwrap();
    }

    #[test]
    fn a_wrong_line_is_named_with_what_is_wrong() {
        for (text, line, f) in [
            ("gender | Woman or man?", 1, LineFault::Shape),
            ("a | b | c | d", 1, LineFault::Shape),
            ("# note\n1gender | Woman or man? | f, m", 2, LineFault::BadName),
            ("gen-der | Woman or man? | f, m", 1, LineFault::BadName),
            ("meta | x | text", 1, LineFault::Reserved),
            ("instanceID | x | text", 1, LineFault::Reserved),
            ("KEY | x | text", 1, LineFault::Reserved),
            ("a | A | ,, ,", 1, LineFault::NoChoices),
            ("a | A | text\nA | again | text", 2, LineFault::NameTwice),
            ("a |  | f, m", 1, LineFault::NoLabel),
            ("a | A | f, m=", 1, LineFault::BadChoice),
            ("a | A | very good=Very good", 1, LineFault::BadChoice),
            ("a | A | f=Woman, f=Female", 1, LineFault::ChoiceTwice),
            ("w | | =", 1, LineFault::BadChoice),
            ("w | | = it's", 1, LineFault::BadChoice),
            ("# nothing", 0, LineFault::Empty),
            ("", 0, LineFault::Empty),
        ] {
            assert_eq!(Questionnaire::parse(text), Err(LineError { line, fault: f }), "{text:?}");
        }
        let many: String = (0..=MAX_QUESTIONS).map(|i| format!("q{i} | Q | text\n")).collect();
        assert_eq!(Questionnaire::parse(&many).unwrap_err().fault, LineFault::TooMany);
        let choices: Vec<String> = (0..=MAX_CHOICES).map(|i| format!("c{i}")).collect();
        let wide = format!("a | A | {}", choices.join(","));
        assert_eq!(Questionnaire::parse(&wide).unwrap_err().fault, LineFault::TooMany);
    }

    #[test]
    fn characters_xml_cannot_carry_are_dropped_from_labels() {
        let q = Questionnaire::parse("a | Label \u{FFFF}\u{FFFE}\u{FDD0} | x=Yes\u{1FFFF}").unwrap();
        assert_eq!(q.questions[0].label, "Label");
        assert_eq!(
            q.questions[0].kind,
            Kind::Choice(vec![Choice { value: "x".into(), label: "Yes".into() }])
        );
        assert!(is_unwritable('\u{0}') && is_unwritable('\r') && !is_unwritable('\n') && !is_unwritable('ش'));
    }

    #[test]
    fn the_design_must_be_asked_and_the_weight_numeric() {
        let q = Questionnaire::parse(TEXT).unwrap();
        assert_eq!(
            q.check_design(TEXT, &[(DesignRole::Cluster, "household")]),
            Err(LineError { line: 0, fault: LineFault::DesignMissing(DesignRole::Cluster) })
        );
        assert_eq!(
            q.check_design(TEXT, &[(DesignRole::Weight, "district")]),
            Err(LineError { line: 5, fault: LineFault::WeightNotNumber })
        );
        let text = "district | D | text\nweight | | = 1";
        let q = Questionnaire::parse(text).unwrap();
        assert_eq!(
            q.check_design(text, &[(DesignRole::Strata, "district")]),
            Err(LineError { line: 1, fault: LineFault::DesignOptional(DesignRole::Strata) })
        );
        let huge = "w | | = 1e300";
        let q = Questionnaire::parse(huge).unwrap();
        assert_eq!(
            q.check_design(huge, &[(DesignRole::Weight, "w")]).unwrap_err().fault,
            LineFault::WeightNotNumber
        );
        let zero = "w | | = 0";
        let q = Questionnaire::parse(zero).unwrap();
        assert_eq!(
            q.check_design(zero, &[(DesignRole::Weight, "w")]).unwrap_err().fault,
            LineFault::WeightNotNumber
        );
    }

    #[test]
    fn answers_are_checked_and_fixed_values_filled() {
        let q = Questionnaire::parse(TEXT).unwrap();
        let fields = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        let good = fields(&[
            ("gender", "female"),
            ("trust", " yes "),
            ("district", "north"),
            ("village", "12"),
            ("weight", "999"),
            ("start", "2026-11-01"),
        ]);
        assert_eq!(
            q.answers(&good, Some("weight")).unwrap(),
            [
                ("gender", "female"),
                ("trust", "yes"),
                ("district", "north"),
                ("village", "12"),
                ("weight", "1")
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let mut bad = good.clone();
        bad.insert("trust".into(), "Yes".into());
        assert_eq!(
            q.answers(&bad, Some("weight")).unwrap_err(),
            AnswerError { question: "trust".into(), problem: AnswerProblem::NotAChoice }
        );
        bad = good.clone();
        bad.insert("village".into(), "twelve".into());
        assert_eq!(q.answers(&bad, Some("weight")).unwrap_err().problem, AnswerProblem::NotANumber);
        bad = good.clone();
        bad.remove("gender");
        assert_eq!(
            q.answers(&bad, Some("weight")).unwrap_err(),
            AnswerError { question: "gender".into(), problem: AnswerProblem::Missing }
        );
        bad = good.clone();
        bad.insert("village".into(), "+12.".into());
        assert_eq!(
            q.answers(&bad, None).unwrap()[3],
            ("village".to_owned(), "12".to_owned()),
            "one way to write a number"
        );
        bad.insert("village".into(), "-0".into());
        assert_eq!(q.answers(&bad, None).unwrap()[3].1, "0");
        // A weight asked on the phone must be one.
        let asked = Questionnaire::parse("g | G | a, b\nw | Weight | number").unwrap();
        for (w, ok) in [("2.5", true), ("0", false), ("-5", false), ("1e308", false), ("1e9", true)] {
            let f = fields(&[("g", "a"), ("w", w)]);
            assert_eq!(asked.answers(&f, Some("w")).is_ok(), ok, "{w}");
        }
        assert_eq!(
            asked.answers(&fields(&[("g", "a"), ("w", "0")]), Some("w")).unwrap_err().problem,
            AnswerProblem::BadWeight
        );
        bad = good;
        bad.insert("remarks".into(), "tab\there\u{FFFF}".into());
        assert_eq!(q.answers(&bad, None).unwrap()[4].1, "tab\there");
        bad.insert("remarks".into(), "x".repeat(TEXT_MAX + 1));
        assert_eq!(q.answers(&bad, Some("weight")).unwrap_err().problem, AnswerProblem::TooLong);
    }
}
