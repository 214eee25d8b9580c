//! Prints the built-in story rendered to static HTML in every language, and
//! what a shared link shows, as JSON `{default, public_url, pages: [{lang,
//! dir, locale, title, description, body, elements, site_name, picture}], figures:
//! [{id, lang, dir, file, title, headline, description, open, body,
//! picture}], story_origins}` (`picture`: `{file, alt}`);
//! scripts/post-build.mjs writes index.html (the story's default language),
//! `<lang>.html` for the others and the share pages `s/…`, puts in the
//! link-preview tags, and lists the origins build.rs accepted from
//! QITAR_STORY_ORIGINS in the CSP. Given a folder (`prerender <dir>`), it
//! also writes the share pictures there (`share/…png`). `QITAR_PUBLIC_URL`
//! is checked here: a bad one fails the build with what is wrong. A native
//! tool: on wasm32 it does nothing.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use qitar::start::share::{self, page, Picture};
    use serde_json::{json, Value};
    use std::path::{Path, PathBuf};

    fn fail(message: &str) -> ! {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }

    /// Writes the picture under `dir` (when given) and says where it is.
    fn picture(p: Result<Picture, String>, dir: Option<&Path>) -> Value {
        let p = p.unwrap_or_else(|e| fail(&e));
        if let Some(dir) = dir {
            let path = dir.join(&p.file);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .unwrap_or_else(|e| fail(&format!("{}: {e}", parent.display())));
            }
            std::fs::write(&path, &p.png)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        }
        json!({ "file": p.file, "alt": p.alt })
    }

    pub fn main() {
        let raw = std::env::var("QITAR_PUBLIC_URL").ok();
        let public_url = share::public_url(raw.as_deref()).unwrap_or_else(|e| fail(&e));
        let url = public_url.as_deref();
        let dir = std::env::args().nth(1).map(PathBuf::from);
        let dir = dir.as_deref();
        let story = qitar::content::story();

        let (default, pages) = qitar::start::prerender::render_all();
        let pages: Vec<Value> = pages
            .into_iter()
            .map(|s| {
                json!({
                    "lang": s.lang.code(),
                    "dir": s.lang.dir(),
                    "locale": story.number_locales.get(s.lang),
                    "title": s.title,
                    "description": s.description,
                    "body": s.body,
                    "elements": s.elements,
                    "site_name": story.publisher.as_ref().map(|p| p.get(s.lang)),
                    "picture": picture(share::page_picture(story, s.lang, url), dir),
                })
            })
            .collect();
        let mut figures = Vec::new();
        for lang in qitar::model::lang::Lang::ALL
            .into_iter()
            .filter(|l| story.has(*l))
        {
            for stat in story.stats() {
                let p = page::render(story, stat, lang);
                figures.push(json!({
                    "id": p.stat_id,
                    "lang": lang.code(),
                    "dir": lang.dir(),
                    "file": p.file,
                    "title": p.title,
                    "headline": p.headline,
                    "description": p.description,
                    "open": p.open,
                    "body": p.body,
                    "site_name": story.publisher.as_ref().map(|x| x.get(lang)),
                    "picture": picture(share::figure_picture(story, stat, lang, url), dir),
                }));
            }
        }
        println!(
            "{}",
            json!({
                "default": default.code(),
                "public_url": public_url,
                "pages": pages,
                "figures": figures,
                "story_origins": qitar::content::story_origins(),
            })
        );
    }
}
