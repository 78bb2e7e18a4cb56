//! Server-rendered pages. They work without JavaScript: forms post and redirect, errors show next
//! to their fields, and every form carries a CSRF token. Text comes from the Fluent files. This
//! module only gathers the routes; what pages share lives in `ctx`, `error` and `forms`.
mod admin;
mod alerts;
mod auth;
pub mod ctx;
mod dashboard;
pub mod dates;
mod directory;
pub mod error;
mod field;
mod forms;
mod forums;
mod home;
mod index;
mod intake;
mod invitations;
mod joint;
mod knowledge;
mod lang;
mod letters;
pub mod nav;
mod protection;
mod public_violations;
mod referrals;
mod registry;
mod report_form;
mod reports;
mod scorecards;
mod shared;
mod sharing;
mod surveys;
mod violation_links;
mod violations;
mod wheel;

use axum::routing::get;
use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/lang/{code}", get(lang::switch_language))
        .merge(auth::router())
        .merge(admin::router())
        .merge(invitations::router())
        .merge(reports::router())
        .merge(alerts::router())
        .merge(dashboard::router())
        .merge(intake::router())
        .merge(sharing::router())
        .merge(shared::router())
        .merge(protection::router())
        .merge(field::router())
        .merge(index::router())
        .merge(violations::router())
        .merge(public_violations::router())
        .merge(referrals::router())
        .merge(forums::router())
        .merge(joint::router())
        .merge(wheel::router())
        .merge(surveys::router())
        .merge(scorecards::router())
        .merge(knowledge::router())
        .merge(letters::router())
        .merge(directory::router())
        .merge(registry::router())
        .layer(axum::middleware::from_fn(error::render_errors))
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::templates;

    #[test]
    fn every_template_renders_in_every_language() {
        for lang in Lang::ALL {
            for (name, ctx) in [
                (
                    "login.html",
                    minijinja::context! { csrf => "x", next => "%2F", email => "", next_after => "/" },
                ),
                (
                    "error.html",
                    minijinja::context! { message => "error-not-found", csrf => "", next => "%2F" },
                ),
                (
                    "orgs.html",
                    minijinja::context! { orgs => Vec::<i32>::new(), kinds => vec!["donor"], form => minijinja::context!{}, errors => minijinja::context!{}, csrf => "x", next => "%2F" },
                ),
            ] {
                let html = templates::global().render(lang, name, ctx).unwrap();
                assert!(html.contains(&format!("dir=\"{}\"", lang.dir())), "{name} {lang:?}");
                assert!(
                    !html.contains("login-title") && !html.contains("error-title"),
                    "untranslated key in {name}"
                );
            }
        }
    }
}
