//! Prints the built-in story rendered to static HTML in every language, as
//! JSON `{default, pages: [{lang, dir, title, description, body, elements}],
//! story_origins}`; scripts/post-build.mjs writes index.html (the story's
//! default language) and `<lang>.html` for the others, and lists the
//! origins build.rs accepted from QITAR_STORY_ORIGINS in the CSP. A native tool: on wasm32 it does nothing.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (default, pages) = qitar::start::prerender::render_all();
        {
            let pages: Vec<_> = pages
                .into_iter()
                .map(|s| {
                    serde_json::json!({
                        "lang": s.lang.code(),
                        "dir": s.lang.dir(),
                        "title": s.title,
                        "description": s.description,
                        "body": s.body,
                        "elements": s.elements,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::json!({
                    "default": default.code(),
                    "pages": pages,
                    "story_origins": qitar::content::story_origins(),
                })
            );
        }
    }
}
