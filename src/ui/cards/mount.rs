//! The card in its own wasm (`src/bin/qitar-card.rs`): mounted into the
//! first view's waiting card, with a reactive owner of its own.

use leptos::prelude::*;

use super::body::CardBody;
use crate::browser::{dom, observe};
use crate::content;
use crate::model::lang::Lang;
use crate::ui::ctx::Ctx;

/// Bumped when the colour scheme changes, so the chart repaints: one
/// listener for the card wasm's whole life, not one per card.
fn scheme_changes() -> RwSignal<u32> {
    thread_local! {
        static THEME: std::cell::OnceCell<RwSignal<u32>> = const { std::cell::OnceCell::new() };
    }
    THEME.with(|t| {
        *t.get_or_init(|| {
            let theme = RwSignal::new(0u32);
            observe::on_color_scheme_change(move || theme.update(|v| *v += 1));
            theme
        })
    })
}

/// A card the card's wasm mounted; dropping it unmounts the card.
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
    // Reference-counted, so it goes with the card (an arena signal made
    // outside the mount's owner would outlive it).
    lang: ArcRwSignal<Lang>,
}

impl Mounted {
    /// The page switched language while the card was open.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Mounts the card for `stat_id` of the built-in story into `slot` (inside
/// the open dialog), in `lang`, with a reactive owner of its own: this is
/// the card's wasm, beside the page's.
pub fn mount(slot: web_sys::HtmlElement, stat_id: &str, lang: Lang) -> Option<Mounted> {
    let story = content::story();
    let stat = story.stat(stat_id)?.clone();
    let theme = scheme_changes();
    let lang = ArcRwSignal::new(lang);
    let page_lang = lang.clone();
    let handle = leptos::mount::mount_to(slot.clone(), move || {
        provide_context(Ctx {
            lang: RwSignal::from(page_lang),
            locales: RwSignal::new(story.number_locales.clone()),
            theme,
            bilingual: RwSignal::new(story.bilingual()),
        });
        view! { <CardBody story=story.clone() stat=stat /> }
    });
    // The waiting card's close button had focus; it is hidden now.
    dom::focus_in(&slot, ".card-close");
    Some(Mounted {
        _handle: Box::new(handle),
        lang,
    })
}

/// What every card reads, built before the first one: the story (every
/// string of it is made on first use) and the interface strings. The card's
/// code usually arrives while the page is idle; a tap then pays only for
/// its own card.
pub fn warm() {
    let _ = content::story();
    for lang in Lang::ALL {
        let _ = content::ui(lang);
    }
    let _ = scheme_changes();
}
