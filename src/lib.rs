//! qitar: a scroll-driven infographic of extremist groups' journey across
//! social platforms, 2011–2018. Data flows one way: the story file (serde)
//! → the validated model (`story`) → components → DOM, SVG and canvas.

pub mod app;
pub mod article;
pub mod canvas;
pub mod charts;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod journey;
pub mod page;
pub mod panic;
pub mod scroll;
pub mod stats;
pub mod story;
pub mod track;
pub mod train;

/// Mounts the app on the page.
pub fn start() {
    panic::install();
    embed::start();
    leptos::mount::mount_to_body(app::App);
}
