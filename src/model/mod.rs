//! The story: the file a journalist writes (serde), read and checked into
//! a model the app can trust. Nothing here knows about the browser or the
//! interface; the build script compiles this folder too (`build.rs`).

pub mod lang;
pub mod load;
pub mod problem;
// The schema derive is a native-only dependency.
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod story;
pub mod validate;
