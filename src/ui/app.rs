//! The root: which story to show, in which language, and what the reader
//! sees while it loads or when it cannot be shown.

use leptos::either::Either;
use leptos::prelude::*;

use super::article::Article;
use super::cards::Cards;
use super::ctx::{ui_text, Ctx};
use super::lang_switch::LangSwitch;
use super::later;
use crate::browser::{observe, page};
use crate::content;
use crate::model::lang::Lang;
use crate::model::story::NumberLocales;
use crate::text::format::{exact_natively, Style};

/// The language the page was prerendered in, when the app hydrates it: the
/// reader's language unless the URL names another.
#[derive(Clone, Copy, Debug)]
pub struct PageLang(pub Lang);

impl PageLang {
    /// Given by the entry point that hydrates (or prerenders) a page.
    pub fn provide(self) {
        provide_context(self);
    }
}

/// How to show a story from another URL (`?story=`): given by the entry
/// point that supports it (`start_story`), so the first view's wasm, which
/// only shows the built-in story, carries none of that code.
#[derive(Clone, Copy)]
pub struct RemoteStory(pub fn(RemoteMount));

impl RemoteStory {
    /// Given by the `?story=` entry point.
    pub fn provide(self) {
        provide_context(self);
    }
}

/// What the remote story's code needs from the app.
pub struct RemoteMount {
    pub url: String,
    /// Whether the URL chose the language (else the story's default wins).
    pub lang_chosen: bool,
    pub main: NodeRef<leptos::html::Main>,
    /// Cleared once the story (or what is wrong with it) is shown.
    pub loading: RwSignal<bool>,
}

#[component]
pub fn App() -> impl IntoView {
    let url_lang = page::param("lang")
        .and_then(|l| Lang::parse(&l))
        .or_else(|| use_context::<PageLang>().map(|p| p.0));
    let story_url = page::param("story").filter(|u| !u.trim().is_empty());

    // Until a story says otherwise, the language of the page it was served as
    // (so an error on en.html is in English).
    let lang = RwSignal::new(url_lang.or_else(page::document_lang).unwrap_or_default());
    let locales = RwSignal::new(NumberLocales::default());
    let theme = RwSignal::new(0u32);
    let bilingual = RwSignal::new(true);
    let ctx = Ctx {
        lang,
        locales,
        theme,
        bilingual,
    };
    provide_context(ctx);
    Cards::provide();
    observe::on_color_scheme_change(move || theme.update(|v| *v += 1));

    Effect::new(move |_| page::set_document_lang(lang.get()));

    let main_ref = NodeRef::<leptos::html::Main>::new();
    let remote = story_url.zip(use_context::<RemoteStory>());
    let body = match remote {
        // The built-in story is there at once (checked by the build).
        None => {
            let s = content::story();
            // The story's default language, unless the URL chose one it is
            // written in.
            lang.set(match url_lang {
                Some(l) => s.lang_or_default(l),
                None => s.default_lang,
            });
            bilingual.set(s.bilingual());
            locales.set(s.number_locales.clone());
            // A figure the prerender could not write as `Intl` does (money in
            // a currency it has no words for): rewritten once hydrated.
            let exact = s.stats().all(|st| {
                exact_natively(Style::for_stat(st.unit, st.display, st.currency.as_deref()))
            });
            if !exact {
                later::when_hydrated(move || locales.notify());
            }
            Either::Left(view! { <Article story=s.clone() /> })
        }
        Some((url, RemoteStory(mount))) => {
            let loading = RwSignal::new(true);
            mount(RemoteMount {
                url,
                lang_chosen: url_lang.is_some(),
                main: main_ref,
                loading,
            });
            Either::Right(move || {
                loading.get().then(|| {
                    // A heading of its own: the page has no other while it waits.
                    view! {
                        <div class="loading" role="status">
                            <h1>{ui_text(|s| &s.loading)}</h1>
                        </div>
                    }
                })
            })
        }
    };

    view! {
        <div class="page">
            <header class="masthead">
                <a class="skip" href="#main">{ui_text(|s| &s.skip_to_story)}</a>
                <LangSwitch />
            </header>
            // What the static page says under `?story=` until the app has
            // started (style/main.css shows it; embed/page-mode.js decides).
            <main
                id="main"
                tabindex="-1"
                node_ref=main_ref
                data-loading=ui_text(|s| &s.loading)
                data-failed=ui_text(|s| &s.error_fetch)
            >
                {body}
            </main>
        </div>
    }
}
