//! The page's one card dialog: opens for `Cards::open`, in the host's view
//! when framed, keeps the URL's hash, and hands focus back on close.

use leptos::html;
use leptos::prelude::*;

use super::facts::dom_id;
use super::{use_card_content, use_cards};
use crate::browser::{dom, frame, page};
use crate::embed;
use crate::geometry::scroll::View;
use crate::ui::ctx::use_story;

/// The one card dialog of the page; its content follows `Cards::open`.
#[component]
pub fn StatCard() -> impl IntoView {
    let cards = use_cards();
    let story = use_story();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    // The hash before the card opened, to put back when it closes.
    let previous_hash = StoredValue::new(String::new());

    let known = story.clone();
    Effect::new(move |_| {
        let open = cards.open.get();
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        match open {
            Some(id) if known.stat(&id).is_some() => {
                if !dialog.open() {
                    previous_hash.set_value(page::hash());
                    dom::set_dialog_box(&dialog, host_box(cards.view.get_value()));
                    dom::show_dialog(&dialog);
                    embed::request_height();
                    // The close button takes focus once the body is in.
                    request_animation_frame(move || {
                        if let Some(d) = dialog_ref.get_untracked() {
                            dom::focus_in(&d, ".card-close");
                        }
                    });
                }
                page::replace_hash(&dom_id(&id));
            }
            Some(_) => cards.open.set(None),
            None => {
                if dialog.open() {
                    dialog.close();
                }
                embed::request_height();
            }
        }
    });

    // Closed by Esc, the close button or a tap outside: hand focus back to
    // the figure that opened it.
    let on_close = move |_| {
        let id = cards.open.get_untracked();
        cards.open.set(None);
        page::replace_hash(&previous_hash.get_value());
        if let Some(id) = id {
            dom::focus_selector(&format!("#{} .stat-button", dom_id(&id)));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(dialog) = dialog_ref.get_untracked() {
            if dom::is_backdrop_click(&dialog, &ev) {
                dialog.close();
            }
        }
    };

    let content = use_card_content().draw;
    let body = move || {
        cards
            .open
            .get()
            .and_then(|id| story.stat(&id).cloned())
            .map(|stat| content(story.clone(), stat))
    };
    view! {
        <dialog
            class="stat-card"
            node_ref=dialog_ref
            aria-labelledby="card-title"
            on:close=on_close
            on:click=on_click
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    if let Some(d) = dialog_ref.get_untracked() {
                        d.close();
                    }
                }
            }
        >
            {body}
        </dialog>
    }
}

/// Framed, the dialog's "viewport" is the whole (auto-height) iframe: the
/// card goes where the host's viewport actually is (its top and greatest
/// height, in px). On a page of its own, the browser centres it.
fn host_box(view: Option<View>) -> Option<(f64, f64)> {
    view.filter(|v| frame::is_framed() && v.height > 0.0)
        .map(|v| (v.top.max(0.0) + 12.0, (v.height - 24.0).max(240.0)))
}
