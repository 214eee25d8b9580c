//! Where this build runs: the crate's one switch between the browser (the
//! wasm) and native code (the prerender, the checker, the tests). Code that
//! needs the browser asks `browser::window()`, which is none natively; the
//! few places that choose an implementation read this constant, which the
//! compiler folds away.

pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
