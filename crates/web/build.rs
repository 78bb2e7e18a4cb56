//! Embeds every template under `templates/` in the binary, so the loader finds a new page's
//! template without a hand-kept list (minijinja-embed's static version of its path loader).
fn main() {
    // The build checks their syntax too: a broken template fails the build, not a page view.
    minijinja_embed::embed_templates!("templates", &[".html"]);
}
