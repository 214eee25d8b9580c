//! The card's wasm: what an open card shows (chart, data table, source,
//! actions), fetched on demand by the first view, which calls `mount_card`
//! through the page's loader (`qitarLoadCard`).
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

fn main() {
    #[cfg(target_arch = "wasm32")]
    qitar::start::panic::install();
}

/// A mounted card; `free()` unmounts it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub struct CardMount(qitar::ui::cards::mount::Mounted);

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
impl CardMount {
    /// Follows the page's language switch (`ar`, `en`).
    pub fn set_lang(&self, lang: String) {
        if let Some(l) = qitar::model::lang::Lang::parse(&lang) {
            self.0.set_lang(l);
        }
    }
}

/// Builds what every card reads, ahead of the first tap (the page's loader
/// calls it once this code is in).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn warm() {
    qitar::ui::cards::mount::warm();
}

/// Mounts the card for `stat_id` into `slot`, in `lang` (`ar`, `en`);
/// `undefined` when the story has no such figure.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount_card(slot: web_sys::HtmlElement, stat_id: String, lang: String) -> Option<CardMount> {
    let lang = qitar::model::lang::Lang::parse(&lang)?;
    qitar::ui::cards::mount::mount(slot, &stat_id, lang).map(CardMount)
}
