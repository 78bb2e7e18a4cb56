//! Reading posted forms, and the forms more than one page posts.
use serde::Deserialize;

/// A posted form, or why it could not be read.
pub type FormResult<T> = Result<axum::Form<T>, axum::extract::rejection::FormRejection>;

/// The form, or the error page for one that could not be read at all (wrong content type,
/// broken encoding): `let f = read(form)?;`.
pub fn read<T>(form: FormResult<T>) -> Result<T, super::error::PageError> {
    form.map(|axum::Form(f)| f).map_err(|_| super::error::PageError::bad_request())
}

/// A response to an alert, from the alert page of the organisation that owns it or of the one it
/// was assigned to.
#[derive(Deserialize)]
pub struct RespondForm {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub outcome: String,
}

/// How a page that holds a form is shown: after a plain visit (perhaps with a notice) or after
/// the form was refused (the errors beside their fields, and what was typed, kept).
pub struct Shown<'a, F> {
    pub status: axum::http::StatusCode,
    pub errors: Option<std::collections::BTreeMap<&'static str, String>>,
    pub notice: Option<&'a str>,
    pub typed: Option<&'a F>,
}

impl<'a, F> Shown<'a, F> {
    pub fn visit(notice: Option<&'a str>) -> Self {
        Self { status: axum::http::StatusCode::OK, errors: None, notice, typed: None }
    }

    pub fn refused(lang: crate::i18n::Lang, e: tandem_domain::InvalidInput, typed: &'a F) -> Self {
        Self {
            status: axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            errors: Some(field_errors(lang, &e)),
            notice: None,
            typed: Some(typed),
        }
    }
}

/// A refusal as the page shows it beside its field, in the page's language: what was wrong, from
/// [`tandem_domain::Problem`]. A problem without a translation shows the English message on an
/// English page and a general sentence on the others, never English inside French or Arabic.
pub fn field_errors(
    lang: crate::i18n::Lang,
    e: &tandem_domain::InvalidInput,
) -> std::collections::BTreeMap<&'static str, String> {
    std::collections::BTreeMap::from([(e.field, problem_text(lang, e))])
}

pub fn problem_text(lang: crate::i18n::Lang, e: &tandem_domain::InvalidInput) -> String {
    use tandem_domain::Problem as P;
    let n = |v: i64| v.to_string();
    let (key, args): (&str, Vec<(&str, String)>) = match e.problem {
        P::Required => ("problem-required", vec![]),
        P::TooShort { min } => ("problem-too-short", vec![("min", n(min as i64))]),
        P::TooLong { max } => ("problem-too-long", vec![("max", n(max as i64))]),
        P::ControlCharacters => ("problem-control", vec![]),
        P::InFuture => ("problem-future", vec![]),
        P::InPast => ("problem-past", vec![]),
        P::TooEarly { year } => ("problem-too-early", vec![("year", n(i64::from(year)))]),
        P::Range { min, max } => ("problem-range", vec![("min", n(min)), ("max", n(max))]),
        P::Unknown => ("problem-unknown", vec![]),
        P::NotEmail => ("problem-not-email", vec![]),
        P::EmailScript => ("problem-email-script", vec![]),
        P::EndBeforeStart => ("problem-end-before-start", vec![]),
        P::NoneChosen => ("problem-none-chosen", vec![]),
        P::NotALink => ("problem-not-a-link", vec![]),
        P::CannotOpen => ("problem-cannot-open", vec![]),
        P::TooFarAhead { months } => ("problem-too-far-ahead", vec![("months", n(i64::from(months)))]),
        P::NoSuchAnswer => ("problem-no-such-answer", vec![]),
        P::NotANumber => ("problem-not-a-number", vec![]),
        P::Percent => ("problem-percent", vec![]),
        P::InFile { line, fault } => {
            ("problem-in-file", vec![("line", n(line as i64)), ("fault", file_fault(lang, fault))])
        }
        P::InIati { line, fault } => {
            ("problem-in-iati", vec![("line", n(line as i64)), ("fault", iati_fault(lang, fault))])
        }
        P::InLine { line: 0, fault } => {
            ("problem-in-questionnaire", vec![("fault", line_fault(lang, fault))])
        }
        P::InLine { line, fault } => {
            ("problem-in-line", vec![("line", n(line as i64)), ("fault", line_fault(lang, fault))])
        }
        P::Other if lang == crate::i18n::Lang::En => return capitalised(&e.message),
        P::Other => ("problem-other", vec![]),
    };
    crate::i18n::global().text(lang, key, &args)
}

/// What is wrong in an imported file, in the page's language.
fn file_fault(lang: crate::i18n::Lang, fault: tandem_domain::survey::FileFault) -> String {
    use tandem_domain::survey::FileFault as F;
    let (key, role) = match fault {
        F::Unreadable => ("file-fault-unreadable", None),
        F::NoRows => ("file-fault-no-rows", None),
        F::BlankHeader => ("file-fault-blank-header", None),
        F::HeaderTwice => ("file-fault-header-twice", None),
        F::WideHeader => ("file-fault-wide-header", None),
        F::NoColumn(r) => ("file-fault-no-column", Some(r)),
        F::AmbiguousColumn(r) => ("file-fault-ambiguous", Some(r)),
        F::Ragged => ("file-fault-ragged", None),
        F::BadWeight => ("file-fault-bad-weight", None),
        F::BlankDesign(r) => ("file-fault-blank-design", Some(r)),
        F::KeyTwice => ("file-fault-key-twice", None),
        F::TooMany => ("file-fault-too-many", None),
    };
    let i18n = crate::i18n::global();
    let args = match role {
        Some(r) => vec![("role", i18n.text(lang, &format!("design-role-{}", r.as_str()), &[]))],
        None => vec![],
    };
    i18n.text(lang, key, &args)
}

/// What is wrong in an IATI file, in the page's language.
fn iati_fault(lang: crate::i18n::Lang, fault: tandem_domain::funding::IatiFault) -> String {
    use tandem_domain::funding::IatiFault as F;
    let i18n = crate::i18n::global();
    let n = |v: u64| v.to_string();
    match fault {
        F::NotXml => i18n.text(lang, "iati-fault-not-xml", &[]),
        F::NotActivities => i18n.text(lang, "iati-fault-not-activities", &[]),
        F::NoActivities => i18n.text(lang, "iati-fault-none", &[]),
        F::TooMany => i18n.text(
            lang,
            "iati-fault-too-many",
            &[("max", n(crate::registry::iati::MAX_ACTIVITIES as u64))],
        ),
        F::Field { activity, field } => {
            let label = i18n.text(lang, &format!("label-{field}"), &[]);
            i18n.text(lang, "iati-fault-field", &[("activity", n(activity)), ("field", label)])
        }
        F::RepeatedId { activity } => i18n.text(lang, "iati-fault-repeated", &[("activity", n(activity))]),
    }
}

/// What is wrong on a questionnaire's line, in the page's language.
fn line_fault(lang: crate::i18n::Lang, fault: tandem_domain::questionnaire::LineFault) -> String {
    use tandem_domain::questionnaire::{LineFault as F, MAX_CHOICES, MAX_QUESTIONS, NAME_MAX};
    let i18n = crate::i18n::global();
    let n = |v: usize| v.to_string();
    let (key, args) = match fault {
        F::Shape => ("line-fault-shape", vec![]),
        F::BadName => ("line-fault-bad-name", vec![("max", n(NAME_MAX))]),
        F::NameTwice => ("line-fault-name-twice", vec![]),
        F::NoLabel => ("line-fault-no-label", vec![]),
        F::BadChoice => ("line-fault-bad-choice", vec![]),
        F::ChoiceTwice => ("line-fault-choice-twice", vec![]),
        F::TooMany => {
            ("line-fault-too-many", vec![("questions", n(MAX_QUESTIONS)), ("choices", n(MAX_CHOICES))])
        }
        F::Empty => ("line-fault-empty", vec![]),
        F::DesignMissing(r) => (
            "line-fault-design-missing",
            vec![("role", i18n.text(lang, &format!("design-role-{}", r.as_str()), &[]))],
        ),
        F::WeightNotNumber => ("line-fault-weight", vec![]),
        F::NoChoices => ("line-fault-no-choices", vec![]),
        F::Reserved => ("line-fault-reserved", vec![]),
        F::DesignOptional(r) => (
            "line-fault-design-optional",
            vec![("role", i18n.text(lang, &format!("design-role-{}", r.as_str()), &[]))],
        ),
    };
    i18n.text(lang, key, &args)
}

/// Every area as a select's choices, by name: `{name, code}`.
pub fn area_choices(cfg: &crate::ew::config::EwConfig) -> Vec<minijinja::Value> {
    let mut areas: Vec<(&str, &str)> =
        cfg.areas.values().map(|a| (a.name.as_str(), a.code.as_str())).collect();
    areas.sort_unstable();
    areas.into_iter().map(|(name, code)| minijinja::context! { name, code }).collect()
}

/// "is required" as a sentence: "Is required."
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.extend(chars);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The form of an action that cannot be undone (revoke, remove): it is carried out only once
/// confirmed on a page that says what it does; the first post shows that page.
#[derive(Deserialize, Default)]
pub struct ConfirmForm {
    #[serde(default)]
    confirm: String,
}

impl ConfirmForm {
    pub fn confirmed(&self) -> bool {
        self.confirm == "yes"
    }
}

/// What the confirmation page says: a question naming the thing, what happens, the button's
/// words, where the form goes and the way back. All texts are already in the page's language.
pub struct Confirm<'a> {
    pub question: String,
    pub explain: String,
    pub button: String,
    pub action: String,
    pub back: &'a str,
}

/// The confirmation page of the action `key`, in the page's language: the question
/// `{key}-question` (naming the thing through `args`), `{key}-explain`, and the button's words
/// `{key}`; the form goes to `action`, the way back is `back`.
pub fn confirm(
    ctx: &super::ctx::PageCtx,
    key: &str,
    args: &[(&str, String)],
    action: String,
    back: &str,
) -> axum::response::Response {
    let t = |k: &str, a: &[(&str, String)]| crate::i18n::global().text(ctx.lang, k, a);
    confirm_page(
        ctx,
        Confirm {
            question: t(&format!("{key}-question"), args),
            explain: t(&format!("{key}-explain"), &[]),
            button: t(key, &[]),
            action,
            back,
        },
    )
}

pub fn confirm_page(ctx: &super::ctx::PageCtx, c: Confirm<'_>) -> axum::response::Response {
    ctx.render(
        axum::http::StatusCode::OK,
        "confirm.html",
        minijinja::context! { question => c.question, explain => c.explain, button => c.button, action => c.action, back => c.back },
    )
}

/// A refused form on a page that holds several: which one, its errors by field, what was typed.
pub struct Refused {
    pub form: &'static str,
    pub errors: std::collections::BTreeMap<&'static str, String>,
    pub typed: minijinja::Value,
}

impl Refused {
    pub fn new(
        lang: crate::i18n::Lang,
        form: &'static str,
        e: &tandem_domain::InvalidInput,
        typed: minijinja::Value,
    ) -> Self {
        Self { form, errors: field_errors(lang, e), typed }
    }
}

/// A posted form whose checkboxes send one name several times, read by hand: a form decoder
/// keeps one value per name.
pub struct Posted(Vec<(String, String)>);

impl Posted {
    pub fn parse(body: &[u8]) -> Self {
        Self(form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// The last value sent under `name`, or empty.
    pub fn one(&self, name: &str) -> String {
        self.0.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// Every value sent under `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// What was typed, for the page that shows the form again: each name's last value, and the
    /// names in `lists` as lists.
    pub fn typed(&self, lists: &[&str]) -> minijinja::Value {
        let mut map: std::collections::BTreeMap<String, minijinja::Value> = std::collections::BTreeMap::new();
        for (k, _) in &self.0 {
            let v = if lists.contains(&k.as_str()) {
                minijinja::Value::from(self.all(k))
            } else {
                minijinja::Value::from(self.one(k))
            };
            map.insert(k.clone(), v);
        }
        for l in lists {
            map.entry((*l).to_owned()).or_insert_with(|| minijinja::Value::from(Vec::<String>::new()));
        }
        minijinja::Value::from_serialize(&map)
    }
}

#[cfg(test)]
mod tests {
    use super::Posted;

    #[test]
    fn a_posted_form_keeps_every_checked_box() {
        let p = Posted::parse(b"title=Joint+analysis&took_part=a&took_part=b&title=Again");
        assert_eq!(p.one("title"), "Again");
        assert_eq!(p.all("took_part"), ["a", "b"]);
        assert_eq!(p.one("missing"), "");
        let typed = p.typed(&["took_part", "commitments"]);
        assert_eq!(typed.get_attr("took_part").unwrap().len(), Some(2));
        assert_eq!(typed.get_attr("commitments").unwrap().len(), Some(0));
    }
}
