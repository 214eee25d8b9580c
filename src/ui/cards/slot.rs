//! The first view's card: a slot in the dialog that the card's own wasm
//! (fetched on demand by the page's loader, `qitarLoadCard`) fills. While
//! it is on its way the card says so; if it cannot be fetched, the card
//! says that, and the figure's facts stay in the page under "Details".

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

use crate::browser::card_loader::{call, load};
use crate::browser::dom;
use crate::content;
use crate::model::story::{Stat, Story};
use crate::ui::ctx::{ui_text, use_ctx};

/// The card, drawn by the card's wasm (`CardContent` for the first view).
pub fn on_demand(_story: Arc<Story>, stat: Stat) -> AnyView {
    view! { <CardSlot stat_id=stat.id /> }.into_any()
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Waiting,
    Ready,
    Failed,
}

#[component]
fn CardSlot(stat_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let state = RwSignal::new(State::Waiting);
    let slot = NodeRef::<html::Div>::new();
    // The card wasm's handle: freeing it unmounts the card.
    let mounted = StoredValue::new_local(None::<JsValue>);
    slot.on_load(move |el| {
        leptos::task::spawn_local(async move {
            let module = load().await;
            // The reader may have closed the card, or opened another, while
            // its code was on its way: then nothing is mounted.
            if state.try_get_untracked().is_none() || !el.is_connected() {
                return;
            }
            // The language now, not when the card opened.
            let lang = ctx.lang.get_untracked();
            // The waiting note names the dialog until the card's heading does.
            let note = el
                .next_element_sibling()
                .and_then(|inner| dom::first(&inner, "#card-title"));
            let card = module.and_then(|m| {
                call(
                    &m,
                    "mount_card",
                    &[el.into(), stat_id.into(), lang.code().into()],
                )
            });
            match card {
                Ok(handle) if !handle.is_undefined() => {
                    // Disposed meanwhile: the value comes back, to be freed.
                    if let Some(Some(h)) = mounted.try_set_value(Some(handle)) {
                        let _ = call(&h, "free", &[]);
                    }
                    if let Some(n) = &note {
                        let _ = n.remove_attribute("id");
                    }
                    let _ = state.try_set(State::Ready);
                }
                _ => {
                    let _ = state.try_set(State::Failed);
                }
            }
        });
    });
    // The page may switch language while the card is open.
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        if state.get() == State::Ready {
            mounted.with_value(|h| {
                if let Some(h) = h {
                    let _ = call(h, "set_lang", &[lang.code().into()]);
                }
            });
        }
    });
    on_cleanup(move || {
        if let Some(Some(handle)) = mounted.try_update_value(|h| h.take()) {
            let _ = call(&handle, "free", &[]);
        }
    });
    let note = move || {
        let s = content::ui(ctx.lang.get());
        match state.get() {
            State::Failed => s.card_failed.clone(),
            _ => s.card_loading.clone(),
        }
    };
    let close = move |ev: web_sys::MouseEvent| dom::close_dialog_of_target(&ev);
    // One live region: it says the card is loading, then (if it must) that
    // it could not load; hidden once the card is in.
    view! {
        <div class="card-slot" node_ref=slot></div>
        <div class="card-inner" hidden=move || state.get() == State::Ready>
            <header class="card-head">
                // The dialog's name while it waits (`aria-labelledby`); the
                // card's own heading takes the id once it is in.
                <p class="card-waiting" role="status" id="card-title">
                    {note}
                </p>
                // Named `card-close` only while shown: the card's own takes over.
                <button
                    type="button"
                    class:card-close=move || state.get() != State::Ready
                    on:click=close
                    aria-label=ui_text(|s| &s.close)
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
        </div>
    }
}
