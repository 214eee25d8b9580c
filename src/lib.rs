#![recursion_limit = "512"]
//! qitar: a scroll-driven infographic of extremist groups' journey across
//! social platforms, 2011–2018. The folders follow the data, and imports
//! only point down this list (`scripts/import-cycles.mjs` checks it):
//!
//! `model` (the story file, read and checked) → `text` (interface
//! strings, numbers, dates) → `content` (the built-in story and strings,
//! compiled in) → `geometry` (track, train, scroll and chart maths; pure)
//! → `browser` (every DOM and window helper, a no-op natively) → `embed`
//! (life in a host page's frame) → `ui` (the components) → `start` (the
//! entry points: hydrate or mount, the panic notice, the prerender).

// The build script's Rust data for the built-in story says `alloc::vec!`.
extern crate alloc;

pub mod target;

pub mod model;
pub mod text;

pub mod content;
pub mod geometry;

pub mod browser;
pub mod embed;

pub mod ui;

pub mod start;
