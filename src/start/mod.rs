//! The entry points: what each wasm adds to the app, starting it in the
//! browser, the panic notice, and at build time the prerender and what a
//! shared link shows (`share`). The entry points
//! are target-specific at their module lines below (hydration exists only
//! in the wasm's Leptos, HTML rendering only in the native one).

#[cfg(target_arch = "wasm32")]
mod boot;
pub mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod share;

#[cfg(target_arch = "wasm32")]
pub use boot::{start, start_story};

use crate::ui::app::RemoteStory;
use crate::ui::cards::{body, slot, CardContent};

/// What the first view's wasm gives the app: the built-in story only, and
/// cards drawn by the card's own wasm, fetched on demand. (The prerender
/// renders this build's page.)
pub fn provide_first_view() {
    CardContent {
        draw: slot::on_demand,
        prefetch: crate::browser::card_loader::prefetch,
    }
    .provide();
}

/// What the `?story=` wasm gives the app: stories from other URLs, and
/// cards drawn in process.
pub fn provide_story_build() {
    RemoteStory(crate::ui::remote::mount).provide();
    CardContent {
        draw: body::in_process,
        prefetch: || {},
    }
    .provide();
}
