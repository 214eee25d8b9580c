//! Checks the built-in story and the interface strings with the same code
//! the app uses for a story from elsewhere, and compiles them into the app as
//! Rust data, so the first view carries no JSON reader. A broken file fails
//! the build with every problem and its path. `QITAR_STORY` names another
//! story file (default `content/story.json`).

// The story model, and the strings and problem messages, as the app has
// them (each file names the others by `crate::model::…` or `super::…`).
#[allow(dead_code)]
#[path = "src/model/mod.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/text/problems.rs"]
mod problems;
#[allow(dead_code)]
#[path = "src/text/strings.rs"]
mod strings;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo::rerun-if-env-changed=QITAR_STORY");
    println!("cargo::rerun-if-env-changed=QITAR_STORY_ORIGINS");
    for f in [
        "build.rs",
        "src/model",
        "src/text/strings.rs",
        "src/text/problems.rs",
        "content/ui.json",
    ] {
        println!("cargo::rerun-if-changed={}", root.join(f).display());
    }
    let story_path = match std::env::var("QITAR_STORY") {
        Ok(p) if !p.trim().is_empty() => root.join(p.trim()),
        _ => root.join("content/story.json"),
    };
    println!("cargo::rerun-if-changed={}", story_path.display());

    let read = |p: &PathBuf| {
        std::fs::read_to_string(p)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", p.display())))
    };
    let ui_path = root.join("content/ui.json");
    let table = strings::parse_table(&read(&ui_path))
        .unwrap_or_else(|e| fail(&format!("{}: {e}", ui_path.display())));
    let story = model::load::load(&read(&story_path)).unwrap_or_else(|errors| {
        let list: Vec<String> = errors
            .iter()
            .map(|e| format!("  {}", table.en.problems.describe(e)))
            .collect();
        fail(&format!(
            "{} has {} problem(s):\n{}",
            story_path.display(),
            errors.len(),
            list.join("\n")
        ))
    });

    let story = uneval::to_string(&story).unwrap_or_else(|e| fail(&format!("uneval: {e}")));
    let ui = uneval::to_string(&table).unwrap_or_else(|e| fail(&format!("uneval: {e}")));
    // Origins besides the page's own that `?story=` may load from.
    let origins: Vec<String> = std::env::var("QITAR_STORY_ORIGINS")
        .unwrap_or_default()
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|o| !o.is_empty())
        .map(|o| {
            let o = o.trim_end_matches('/').to_ascii_lowercase();
            if !is_origin(&o) {
                fail(&format!(
                    "QITAR_STORY_ORIGINS: {o:?} is not an origin (https://host or https://host:port, ASCII)"
                ));
            }
            o
        })
        .collect();
    let code = format!(
        "/// The built-in story, as checked by the build script.\n\
         pub(super) fn baked_story() -> Story {{ {story} }}\n\
         /// The interface strings, as checked by the build script.\n\
         pub(super) fn baked_ui() -> Table {{ {ui} }}\n\
         /// Origins besides the page's own that `?story=` may load from.\n\
         pub(super) const STORY_ORIGINS: &[&str] = &{origins:?};\n"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("content.rs");
    std::fs::write(&out, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
    println!("cargo::rustc-env=QITAR_STORY_FILE={}", story_path.display());
}

/// `http(s)://host[:port]`: letters, digits, dots and dashes in the host
/// (an IDN in its xn-- form), no default port (the browser drops it from
/// `origin`), nothing else: it goes into the CSP as it is.
fn is_origin(o: &str) -> bool {
    let Some(rest) = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = rest.split_once(':').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let port_ok = port.is_empty()
        || (port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && !(o.starts_with("https://") && port == "443")
            && !(o.starts_with("http://") && port == "80"));
    host_ok && port_ok
}

fn fail(message: &str) -> ! {
    eprintln!("qitar: {message}");
    std::process::exit(1);
}
