//! A survey served to phones: its questionnaire as an XForm (ODK XForms 1.0) that ODK Collect,
//! KoboCollect and Enketo open, listed to the organisation's field teams beside the report form,
//! and a filled form read back as one response of the survey, kept once by its `instanceID` as
//! an export's row is by its submission key.
use sha2::{Digest, Sha256};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::questionnaire::{Kind, Questionnaire, TEXT_MAX};
use tandem_domain::survey::MAX_WEIGHT;
use tandem_domain::{InvalidInput, OrgId};
use tandem_store::{Added, NewSurveyResponse, Store, Survey};

use super::survey_csv::find_column;
use crate::app_error::AppError;
use crate::ew::openrosa::{esc, RawInstance};

/// A survey's form id is this and the survey's id.
pub const FORM_PREFIX: &str = "tandem_survey_";

pub fn form_id(survey: &str) -> String {
    format!("{FORM_PREFIX}{survey}")
}

/// The survey a form id names, when it names one.
pub fn survey_of(form_id: &str) -> Option<&str> {
    form_id.strip_prefix(FORM_PREFIX).filter(|s| !s.is_empty())
}

/// The questionnaire a survey serves; None when it serves none (or what is kept no longer
/// reads, which the checks on the way in prevent).
pub fn questionnaire(s: &Survey) -> Option<Questionnaire> {
    s.questionnaire.as_deref().and_then(|t| Questionnaire::parse(t).ok())
}

/// The form's version (see [`tandem_domain::questionnaire::version`]).
pub fn version(s: &Survey) -> String {
    tandem_domain::questionnaire::version(&s.title, s.questionnaire.as_deref().unwrap_or_default())
}

/// The XForm. Choice and number questions are required, text is optional; a fixed value is a
/// `calculate` the phone fills without asking.
pub fn xform(s: &Survey, q: &Questionnaire) -> String {
    let id = esc(&form_id(&s.id));
    let version = version(s);
    let mut fields = String::new();
    let mut binds = String::new();
    let mut body = String::new();
    for question in &q.questions {
        let name = &question.name;
        let label = esc(&question.label);
        fields.push_str(&format!("<{name}/>"));
        let path = format!("/data/{name}");
        match &question.kind {
            Kind::Choice(choices) => {
                binds.push_str(&format!(r#"<bind nodeset="{path}" type="string" required="true()"/>"#));
                let items: String = choices
                    .iter()
                    .map(|c| {
                        format!(
                            "<item><label>{}</label><value>{}</value></item>",
                            esc(&c.label),
                            esc(&c.value)
                        )
                    })
                    .collect();
                body.push_str(&format!(r#"<select1 ref="{path}"><label>{label}</label>{items}</select1>"#));
            }
            // The weight: what the server takes, so the phone refuses what it would not.
            Kind::Number if name.eq_ignore_ascii_case(last(&s.weight)) => {
                binds.push_str(&format!(
                    r#"<bind nodeset="{path}" type="decimal" required="true()" constraint=". &gt; 0 and . &lt;= {MAX_WEIGHT}" jr:constraintMsg="A weight is a positive number."/>"#
                ));
                body.push_str(&format!(r#"<input ref="{path}"><label>{label}</label></input>"#));
            }
            Kind::Number => {
                binds.push_str(&format!(r#"<bind nodeset="{path}" type="decimal" required="true()"/>"#));
                body.push_str(&format!(r#"<input ref="{path}"><label>{label}</label></input>"#));
            }
            Kind::Text => {
                binds.push_str(&format!(
                    r#"<bind nodeset="{path}" type="string" constraint="string-length(.) &lt;= {TEXT_MAX}" jr:constraintMsg="At most {TEXT_MAX} characters."/>"#
                ));
                body.push_str(&format!(
                    r#"<input ref="{path}" appearance="multiline"><label>{label}</label></input>"#
                ));
            }
            // The value is plain letters, digits and `_ - .` (the questionnaire's rule), so
            // it sits in an XPath string as it is.
            Kind::Fixed(v) => {
                binds.push_str(&format!(r#"<bind nodeset="{path}" type="string" calculate="'{v}'"/>"#))
            }
        }
        binds.push('\n');
        body.push('\n');
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
<h:head>
<h:title>{title}</h:title>
<model>
<instance><data id="{id}" version="{version}">{fields}<meta><instanceID/></meta></data></instance>
{binds}<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model>
</h:head>
<h:body>
{body}</h:body>
</h:html>
"#,
        title = esc(&s.title)
    )
}

/// The last part of a column's name: `group_a/village` is `village` (as exports prefix groups).
fn last(column: &str) -> &str {
    column.rsplit(['/', '-']).next().unwrap_or(column)
}

/// The column a question's answers land in: one an earlier export brought that ends in its
/// name (`gender` into `respondent/gender`), else the design column it stands for
/// (`grp/village` for `village`), else its own name.
fn column_for(s: &Survey, name: &str) -> String {
    if let Ok(i) = find_column(&s.columns, name) {
        return s.columns[i].clone();
    }
    [Some(&s.weight), s.strata.as_ref(), s.cluster.as_ref()]
        .into_iter()
        .flatten()
        .find(|d| last(d).eq_ignore_ascii_case(name))
        .cloned()
        .unwrap_or_else(|| name.to_owned())
}

/// Who sent a filled form, for the audit trail.
pub enum Sender<'a> {
    Team(&'a str),
    Member(&'a tandem_domain::UserId),
}

/// Files one filled form of survey `survey` for `org`: its answers checked against the
/// questions it was filled with (those of the version it names, when the survey served it;
/// a refusal names the question), kept once by the instance's id.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn receive(
    store: &dyn Store,
    org: &OrgId,
    survey: &str,
    instance: &RawInstance,
    body: &[u8],
    sender: Sender<'_>,
) -> Result<Added, AppError> {
    let s = store.get_survey(org, survey).await?;
    // A form filled offline before the questions changed (or stopped being served) is read
    // with the questions it was filled against.
    let current = s.questionnaire.clone().map(|t| (version(&s), t));
    let text = match (instance.version.as_deref(), current) {
        (Some(v), Some((cv, t))) if v == cv => Some(t),
        (Some(v), current) => store.served_questionnaire(org, survey, v).await?.or(current.map(|c| c.1)),
        (None, current) => current.map(|c| c.1),
    };
    let q = text.as_deref().and_then(|t| Questionnaire::parse(t).ok()).ok_or(AppError::NotFound)?;
    let answers = q
        .answers(&instance.fields, Some(last(&s.weight)))
        .map_err(|e| InvalidInput::new("answers", e.english()))?;
    let answers: Vec<(String, String)> =
        answers.into_iter().map(|(name, v)| (column_for(&s, &name), v)).collect();
    let columns: Vec<String> = answers.iter().map(|(c, _)| c.clone()).collect();
    // A form without an instanceID (not ours) is still kept once: by its body.
    let key = instance
        .instance_id
        .clone()
        .unwrap_or_else(|| format!("sha256:{}", hex::encode(Sha256::digest(body))));
    let key = tandem_domain::text::bounded("instanceID", &key, 1, 200)?;
    let row = NewSurveyResponse { submission: Some(key.clone()), answers };
    let mut ev = NewAuditEvent::new("survey.submission").org(org).subject(survey);
    ev = match sender {
        Sender::Team(app_user) => ev.detail(serde_json::json!({ "app_user": app_user, "instance": key })),
        Sender::Member(u) => ev.actor(u).detail(serde_json::json!({ "instance": key })),
    };
    Ok(store.add_responses(org, survey, &columns, std::slice::from_ref(&row), ev).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(text: &str) -> Survey {
        Survey {
            id: "s1".into(),
            org_id: "o".into(),
            title: "Trust & safety".into(),
            weight: "weight".into(),
            strata: None,
            cluster: None,
            fielded_on: None,
            columns: vec![],
            questionnaire: Some(text.into()),
            responses: 0,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn the_form_carries_every_question_and_changes_with_them() {
        let text = "gender | Woman <or> man? | female=Woman, male=Man\nage | Age | number\nnote | Note | text\nweight | | = 1";
        let s = survey(text);
        let form = xform(&s, &questionnaire(&s).unwrap());
        assert!(form.contains(r#"<data id="tandem_survey_s1""#), "{form}");
        assert!(form.contains("<gender/><age/><note/><weight/><meta><instanceID/></meta>"));
        assert!(form.contains(
            "<label>Woman &lt;or&gt; man?</label><item><label>Woman</label><value>female</value></item>"
        ));
        assert!(form.contains(r#"<bind nodeset="/data/age" type="decimal" required="true()"/>"#));
        assert!(form.contains(r#"calculate="'1'""#));
        assert!(!form.contains(r#"ref="/data/weight""#), "a fixed value is not asked");
        assert!(form.contains("<h:title>Trust &amp; safety</h:title>"));
        let other = survey("gender | Woman or man? | female=Woman, male=Man");
        assert_ne!(version(&s), version(&other));
        assert_eq!(survey_of(&form_id("abc")), Some("abc"));
        assert_eq!((survey_of("tandem_report"), survey_of(FORM_PREFIX)), (None, None));
    }
}
