//! The components, from the root down: `app` (which story, which
//! language) → `article` (the story as a page) → `journey` (the map, the
//! train and the stations) and `cards` (the figures and their card).
//! `remote` shows a story from another URL; `ctx` is what they all read.

pub mod app;
pub mod article;
pub mod cards;
pub mod ctx;
pub mod journey;

pub mod lang_switch;
pub mod later;
pub mod remote;
pub mod sources;
