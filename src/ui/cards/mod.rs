//! The figures and their card: every figure is a button (`stat_list`) that
//! opens the page's one card dialog (`dialog`); what the card shows
//! (`body`) is drawn in this wasm or by the card's own (`slot`, `mount`).
//! This module holds what they share: which card is open, and how it is
//! drawn.

pub mod body;
pub mod canvas;
pub mod chart;
pub mod dialog;
pub mod facts;
pub mod mount;
pub mod slot;
pub mod stat_list;

use leptos::prelude::*;
use std::sync::Arc;

use crate::geometry::scroll::View;
use crate::model::story::{Stat, Story};

/// What fills the open card: drawn in this wasm (`body::in_process`, the
/// `?story=` build) or by the card's own wasm, fetched on demand
/// (`slot::on_demand`, the first view). Given by the entry point, so the
/// first view's wasm carries none of the card's drawing code.
#[derive(Clone, Copy)]
pub struct CardContent {
    pub draw: fn(Arc<Story>, Stat) -> AnyView,
    /// Starts fetching what `draw` needs, when the reader shows intent.
    pub prefetch: fn(),
}

impl CardContent {
    /// Given by the entry point (`start`), before the app renders.
    pub fn provide(self) {
        provide_context(self);
    }
}

pub fn use_card_content() -> CardContent {
    expect_context::<CardContent>()
}

/// Which card is open, shared by the buttons, the card and the journey; and
/// where the reader's view is, which the journey's scroll engine knows and
/// a card in a frame opens in.
#[derive(Clone, Copy)]
pub struct Cards {
    pub open: RwSignal<Option<String>>,
    pub view: StoredValue<Option<View>>,
}

impl Cards {
    /// Made once by the app, for every figure and the dialog.
    pub fn provide() -> Cards {
        let cards = Cards {
            open: RwSignal::new(None),
            view: StoredValue::new(None),
        };
        provide_context(cards);
        cards
    }
}

pub fn use_cards() -> Cards {
    expect_context::<Cards>()
}
