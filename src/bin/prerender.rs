//! Prints the built-in story rendered to static HTML in every language, as
//! JSON `{default, pages: [{lang, dir, title, description, body, elements}]}`;
//! scripts/post-build.mjs writes index.html (the story's default language)
//! and `<lang>.html` for the others. A native tool: on wasm32 it does nothing.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use qitar::i18n::Lang;
        let run = || -> Result<serde_json::Value, String> {
            let default = qitar::story::built_in()
                .map_err(|e| {
                    e.iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                })?
                .default_lang;
            let mut pages = Vec::new();
            for lang in Lang::ALL {
                let s = qitar::prerender::render(lang)?;
                pages.push(serde_json::json!({
                    "lang": lang.code(),
                    "dir": lang.dir(),
                    "title": s.title,
                    "description": s.description,
                    "body": s.body,
                    "elements": s.elements,
                }));
            }
            Ok(serde_json::json!({ "default": default.code(), "pages": pages }))
        };
        match run() {
            Ok(out) => println!("{out}"),
            Err(e) => {
                eprintln!("the built-in story is invalid:\n{e}");
                std::process::exit(1);
            }
        }
    }
}
