//! The page templates (minijinja, embedded in the binary from `templates/` by build.rs) and how a
//! page is rendered in a language: every template gets `t(key, **args)` for Fluent text, and
//! `lang`/`dir` for the layout.
use std::sync::LazyLock;

use minijinja::value::{Kwargs, Value};
use minijinja::Environment;

use crate::i18n::{self, Lang};

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Every template under `templates/`, embedded at build time (see build.rs): a new page's
    /// template is found without being listed anywhere.
    // The embedded loader `expect`s each template to compile; the build already compiled them.
    #[allow(clippy::expect_used)]
    pub fn load() -> Result<Self, String> {
        let mut env = Environment::new();
        minijinja_embed::load_templates!(&mut env);
        if env.templates().next().is_none() {
            return Err("no templates were embedded".into());
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
        // Dates as people write them, in the page's language: `day(x)` for a stored time or date
        // ("3 Dec 2026"), `week(x)` for an ISO week label ("23–29 Nov 2026"). What does not parse
        // is shown as it came.
        let day = Value::from_function(move |raw: String| -> String {
            let date = chrono::DateTime::parse_from_rfc3339(&raw)
                .map(|t| t.date_naive())
                .or_else(|_| chrono::NaiveDate::parse_from_str(raw.get(..10).unwrap_or(&raw), "%Y-%m-%d"));
            date.map(|d| crate::pages::dates::day(lang, d)).unwrap_or(raw)
        });
        let week = Value::from_function(move |raw: String| -> String {
            tandem_domain::week::Week::parse(&raw)
                .map(|w| crate::pages::dates::week_dates(lang, w, w))
                .unwrap_or(raw)
        });
        let base = minijinja::context! { lang => lang.code(), dir => lang.dir(), t => t, langs => langs, day => day, week => week };
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
