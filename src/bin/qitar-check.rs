//! Checks story files without a browser, with the same rules as the build
//! and the `?story=` page: every problem, each with its path, and exit
//! status 1 if any file has one.
//!
//!     cargo run --bin qitar-check -- content/story.json [more.json …]
//!     cargo run --bin qitar-check -- --lang ar story.json   (messages in Arabic)
//!     cargo run --bin qitar-check -- --schema               (prints the JSON Schema)
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use qitar::model::lang::Lang;

    pub fn run(args: Vec<String>) -> i32 {
        let mut lang = Lang::En;
        let mut files = Vec::new();
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            match a.as_str() {
                "--schema" => {
                    println!("{}", qitar::model::schema::schema_json());
                    return 0;
                }
                "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                    Some(l) => lang = l,
                    None => return usage("--lang takes ar or en"),
                },
                "-h" | "--help" => return usage(""),
                f => files.push(f.to_string()),
            }
        }
        if files.is_empty() {
            return usage("no story file named");
        }
        let problems = &qitar::content::ui(lang).problems;
        let mut failed = false;
        for f in &files {
            let text = match std::fs::read_to_string(f) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{f}: cannot read: {e}");
                    failed = true;
                    continue;
                }
            };
            match qitar::model::load::load(&text) {
                Ok(s) => {
                    let stats = s.stats().count();
                    println!(
                        "{f}: ok ({} stations, {stats} figures, {} sources)",
                        s.stations.len(),
                        s.sources.len()
                    );
                }
                Err(errors) => {
                    failed = true;
                    eprintln!("{f}: {} problem(s)", errors.len());
                    for e in &errors {
                        eprintln!("  {}", problems.describe(e));
                    }
                }
            }
        }
        i32::from(failed)
    }

    fn usage(why: &str) -> i32 {
        if !why.is_empty() {
            eprintln!("qitar-check: {why}");
        }
        eprintln!("usage: qitar-check [--lang ar|en] FILE...   |   qitar-check --schema");
        2
    }
}
