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
