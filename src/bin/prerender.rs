//! Prints the built-in story rendered to static HTML, as JSON
//! `{lang, dir, title, description, body, elements}`; scripts/post-build.mjs puts it
//! into index.html. A native tool: on wasm32 it does nothing.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    match qitar::prerender::render() {
        Ok(s) => {
            let out = serde_json::json!({
                "lang": s.lang.code(),
                "dir": s.lang.dir(),
                "title": s.title,
                "description": s.description,
                "body": s.body,
                "elements": s.elements,
            });
            println!("{out}");
        }
        Err(e) => {
            eprintln!("the built-in story is invalid:\n{e}");
            std::process::exit(1);
        }
    }
}
