//! The compiled-in page templates (minijinja) and how a page is rendered in a language: every
//! template gets `t(key, **args)` for Fluent text, and `lang`/`dir` for the layout.
use std::sync::LazyLock;

use minijinja::value::{Kwargs, Value};
use minijinja::Environment;

use crate::i18n::{self, Lang};

pub struct Templates {
    env: Environment<'static>,
}

const SOURCES: [(&str, &str); 22] = [
    ("base.html", include_str!("../templates/base.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("orgs.html", include_str!("../templates/orgs.html")),
    ("members.html", include_str!("../templates/members.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("reports.html", include_str!("../templates/reports.html")),
    ("report_form.html", include_str!("../templates/report_form.html")),
    ("report_new.html", include_str!("../templates/report_new.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("alerts.html", include_str!("../templates/alerts.html")),
    ("alert.html", include_str!("../templates/alert.html")),
    ("dashboard.html", include_str!("../templates/dashboard.html")),
    ("intake.html", include_str!("../templates/intake.html")),
    ("intake_thanks.html", include_str!("../templates/intake_thanks.html")),
    ("sharing.html", include_str!("../templates/sharing.html")),
    ("shared.html", include_str!("../templates/shared.html")),
    ("shared_records.html", include_str!("../templates/shared_records.html")),
    ("shared_alert.html", include_str!("../templates/shared_alert.html")),
    ("protection.html", include_str!("../templates/protection.html")),
    ("index_edition.html", include_str!("../templates/index_edition.html")),
    ("index_country.html", include_str!("../templates/index_country.html")),
];

impl Templates {
    pub fn load() -> Result<Self, String> {
        let mut env = Environment::new();
        for (name, src) in SOURCES {
            env.add_template(name, src).map_err(|e| format!("template {name}: {e}"))?;
        }
        Ok(Self { env })
    }

    /// Renders `name` with `ctx` plus the language helpers.
    pub fn render(&self, lang: Lang, name: &str, ctx: Value) -> Result<String, String> {
        let t =
            Value::from_function(move |key: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let mut args = Vec::new();
                for k in kwargs.args() {
                    let v: Value = kwargs.get(k)?;
                    args.push((k, v.to_string()));
                }
                Ok(i18n::global().text(lang, &key, &args))
            });
        let langs: Vec<Value> = Lang::ALL
            .iter()
            .map(|l| minijinja::context! { code => l.code(), name => l.native_name() })
            .collect();
        let base = minijinja::context! { lang => lang.code(), dir => lang.dir(), t => t, langs => langs };
        let tmpl = self.env.get_template(name).map_err(|e| e.to_string())?;
        tmpl.render(minijinja::context! { ..ctx, ..base }).map_err(|e| format!("rendering {name}: {e:#}"))
    }
}

pub fn global() -> &'static Templates {
    static T: LazyLock<Templates> = LazyLock::new(|| match Templates::load() {
        Ok(t) => t,
        Err(e) => panic!("built-in templates are broken: {e}"),
    });
    &T
}
