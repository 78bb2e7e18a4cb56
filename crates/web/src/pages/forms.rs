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

    pub fn refused(e: tandem_domain::InvalidInput, typed: &'a F) -> Self {
        Self {
            status: axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            errors: Some(std::collections::BTreeMap::from([(e.field, e.message)])),
            notice: None,
            typed: Some(typed),
        }
    }
}
