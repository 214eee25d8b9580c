//! The switch to the other language.

use leptos::prelude::*;

use super::ctx::{t, use_ctx};
use super::later;
use crate::browser::{page, place};
use crate::content;

/// Flips the language in place and keeps the reader where they were. It is
/// a link to the other language's own prerendered page, which readers
/// without JavaScript follow.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let other = move || ctx.lang.get().other();
    let href = move || {
        let next = other();
        // Another newsroom's story stays on this page, with its ?story=.
        if let Some(url) = page::param("story") {
            let story = page::encode_component(&url);
            return format!("?lang={}&story={story}", next.code());
        }
        let file = if content::story().default_lang != next {
            format!("{}.html", next.code())
        } else {
            "index.html".to_string()
        };
        format!("{file}?lang={}", next.code())
    };
    view! {
        <a
            class="lang-switch"
            // A story in one language has nothing to switch to.
            hidden=move || !ctx.bilingual.get()
            href=href
            lang=move || other().code()
            dir=move || other().dir()
            aria-label=move || t(ctx.lang.get()).switch_label.clone()
            on:click=move |ev: web_sys::MouseEvent| {
                // A new tab or window gets the other page itself.
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
                    || ev.button() != 0
                {
                    return;
                }
                ev.prevent_default();
                // Not before the page has hydrated: its later parts hold the
                // words of the language it was written in.
                later::when_hydrated(move || {
                    let next = ctx.lang.get_untracked().other();
                    place::keep_place(|| ctx.lang.set(next));
                    page::replace_lang_param(next);
                });
            }
        >
            {move || t(ctx.lang.get()).switch_to.clone()}
        </a>
    }
}
