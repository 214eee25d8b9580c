//! The wasm for `?story=` pages: the app plus the code that fetches, reads
//! and checks a story file. The page's loader imports it instead of the
//! first view's wasm when the URL names a story.
fn main() {
    #[cfg(target_arch = "wasm32")]
    qitar::start::start_story();
}
