//! Connects the journey to the scroll engine once its elements are in the
//! page: the engine reports the reader's place, which becomes the active
//! station, the URL's hash and the train's pose.

use leptos::html;
use leptos::prelude::*;

use super::keys::go_to_station;
use super::pose::PoseWriter;
use crate::browser::observe::SizeWatch;
use crate::browser::scroll_engine::Engine;
use crate::browser::{dom, page};
use crate::ui::cards::Cards;
use crate::ui::ctx::Ctx;
use crate::ui::later;

/// The journey's state that the engine drives.
#[derive(Clone, Copy)]
pub struct Drive {
    pub ctx: Ctx,
    pub cards: Cards,
    pub active: RwSignal<usize>,
    /// Whether the reader has reached the journey yet (no announcements or
    /// hash before that).
    pub inside: RwSignal<bool>,
    /// The map's box, which the layout follows.
    pub size: RwSignal<(f64, f64)>,
    pub stage: NodeRef<html::Div>,
    pub pose: PoseWriter,
}

/// Starts the engine once the journey is in the page (each station's
/// anchor, in order, names its hash), and measures again after a language
/// switch.
pub fn drive(d: Drive, anchors: Vec<String>) {
    let engine = StoredValue::new_local(None::<Engine>);
    let size_watch = StoredValue::new_local(None::<SizeWatch>);
    let body_ref = d.pose.body;
    Effect::new(move |_| {
        let (Some(body), Some(stage)) = (body_ref.get(), d.stage.get()) else {
            return;
        };
        if engine.with_value(|e| e.is_some()) {
            return;
        }
        size_watch.set_value(SizeWatch::new(&stage, move |w, h| d.size.set((w, h))));
        let steps = dom::all(&body, "ol.stations > li.station");
        // The whole page is the engine's ruler, so the viewport is known
        // wherever the reader is (cards open near it when framed).
        let page_el = dom::closest(&body, ".page").unwrap_or_else(|| body.clone().into());
        let hashes = anchors.clone();
        // The station whose hash the engine last wrote: the URL is written
        // when that changes, not read and compared on every frame.
        let written = std::cell::Cell::new(None::<usize>);
        match Engine::new(page_el, steps, move |pos, view| {
            d.cards.view.set_value(Some(view));
            if d.active.get_untracked() != pos.active {
                d.active.set(pos.active);
            }
            if d.inside.get_untracked() != pos.inside {
                d.inside.set(pos.inside);
            }
            // An open card owns the hash (#stat-…) until it closes. The DOM's
            // steps and the story's stations should agree; if something
            // rewrote the page, a missing one is no panic.
            let card_open = d.cards.open.with_untracked(|o| o.is_some());
            if !pos.inside || card_open {
                written.set(None);
            } else if written.get() != Some(pos.active) {
                if let Some(anchor) = hashes.get(pos.active) {
                    page::replace_hash(anchor);
                    written.set(Some(pos.active));
                }
            }
            d.pose.write(pos, view);
        }) {
            Ok(e) => engine.set_value(Some(e)),
            Err(e) => leptos::logging::error!("scroll engine: {e:?}"),
        }
        // A link such as #2014 starts the reader at that station; one such
        // as #stat-telegram-prize opens that card.
        let hash = page::hash();
        if let Some(i) = anchors.iter().position(|a| *a == hash) {
            request_animation_frame(move || go_to_station(body_ref, i));
        } else if let Some(id) = hash.strip_prefix("stat-") {
            // Once its button has hydrated (it may be in a later part).
            let (open, id) = (d.cards.open, id.to_string());
            later::when_hydrated(move || open.set(Some(id)));
        }
    });
    // After a language switch the text reflows: measure again.
    Effect::new(move |prev: Option<()>| {
        d.ctx.lang.track();
        if prev.is_some() {
            request_animation_frame(move || {
                engine.with_value(|e| {
                    if let Some(e) = e {
                        e.refresh();
                    }
                })
            });
        }
    });
}
