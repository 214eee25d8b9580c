//! The built-in story and the interface strings: checked by the build
//! script (`build.rs`) and compiled in as Rust data.

use std::sync::{Arc, OnceLock};

use crate::model::lang::Lang;
use crate::model::story::Story;
use crate::text::strings::{Strings, Table};

mod baked {
    // The generated code names the model's types as they are, unqualified.
    use crate::model::lang::*;
    use crate::model::story::*;
    use crate::text::strings::*;
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}
use baked::{baked_story, baked_ui};

/// Origins besides the page's own that `?story=` may load from, named at
/// build time (`QITAR_STORY_ORIGINS`).
pub fn story_origins() -> &'static [&'static str] {
    baked::STORY_ORIGINS
}

/// The story this build ships with (shared: the page's components hold it
/// without copying it).
pub fn story() -> &'static Arc<Story> {
    static STORY: OnceLock<Arc<Story>> = OnceLock::new();
    STORY.get_or_init(|| Arc::new(baked_story()))
}

/// The interface strings in `lang`.
pub fn ui(lang: Lang) -> &'static Strings {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(baked_ui).get(lang)
}

/// The files themselves, for the native tests (unused code: not in the wasm).
pub const STORY_JSON: &str = include_str!(env!("QITAR_STORY_FILE"));
pub const UI_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/ui.json"));
