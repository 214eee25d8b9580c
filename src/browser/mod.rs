//! The browser: the helpers that reach the window, the document and the
//! elements. Those that start from the window go through `window()`, which
//! is none natively (the prerender and the native tests), so natively they
//! do nothing; those that take an element can only be given one by the
//! browser. Either way, callers never check where they run.

pub mod card_loader;
pub mod dom;
pub mod fetch;
pub mod frame;
pub mod gesture;
pub mod observe;
pub mod page;
pub mod place;
pub mod scroll_engine;
pub mod share;
pub mod tasks;

use crate::target::IN_BROWSER;

/// The browser window; none when running natively.
pub fn window() -> Option<web_sys::Window> {
    if IN_BROWSER {
        web_sys::window()
    } else {
        None
    }
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}
