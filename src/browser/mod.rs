//! The browser: every helper that reaches the DOM or the window. Each one
//! goes through `window()`, which is none natively (the prerender and the
//! native tests), so natively each does nothing and its callers never
//! check where they run.

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
