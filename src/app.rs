//! The root: which story to show, in which language, and what the reader
//! sees while it loads or when it cannot be shown.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use std::sync::Arc;

use crate::article::Article;
use crate::i18n::{fill, ui, Lang, Strings};
use crate::page;
use crate::story::{self, NumberLocales, Problem, Story, StoryError, Text};

/// What every component may read: the language and the story's locales.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub locales: RwSignal<NumberLocales>,
    /// Bumped when the colour scheme changes, so canvases repaint.
    pub theme: RwSignal<u32>,
}

impl Ctx {
    /// The number locale of the current language (tracks both signals).
    pub fn locale(&self) -> String {
        let lang = self.lang.get();
        self.locales.with(|l| l.get(lang).to_string())
    }
}

pub fn t(lang: Lang) -> &'static Strings {
    ui(lang)
}

/// A story text in the current language, with its digits in the locale's.
pub fn text(t: &Text) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = expect_context::<Ctx>();
    let t = t.clone();
    move || crate::format::digits(t.get(ctx.lang.get()), &ctx.locale())
}

/// An interface string in the current language.
pub fn ui_text(
    pick: fn(&Strings) -> &String,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = expect_context::<Ctx>();
    move || crate::format::digits(pick(ui(ctx.lang.get())), &ctx.locale())
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched at all.
    Fetch { url: String, reason: String },
    /// The file arrived but does not hold a valid story.
    Invalid {
        url: String,
        errors: Vec<StoryError>,
    },
}

async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let js = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "network error".into())
    };
    let w = web_sys::window().ok_or("no window")?;
    let resp: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(js)?
        .dyn_into()
        .map_err(js)?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    JsFuture::from(resp.text().map_err(js)?)
        .await
        .map_err(js)?
        .as_string()
        .ok_or_else(|| "the response is not text".into())
}

/// Fetches and validates a story from another URL.
pub async fn load_remote(url: String) -> Result<Story, LoadError> {
    let body = fetch_text(&url).await.map_err(|reason| LoadError::Fetch {
        url: url.clone(),
        reason,
    })?;
    story::load(&body).map_err(|errors| LoadError::Invalid { url, errors })
}

/// The language the page was prerendered in, when the app hydrates it: the
/// reader's language unless the URL names another.
#[derive(Clone, Copy, Debug)]
pub struct PageLang(pub Lang);

#[component]
pub fn App() -> impl IntoView {
    let url_lang = page::param("lang")
        .and_then(|l| Lang::parse(&l))
        .or_else(|| use_context::<PageLang>().map(|p| p.0));
    let story_url = page::param("story").filter(|u| !u.trim().is_empty());

    let lang = RwSignal::new(url_lang.unwrap_or_default());
    let locales = RwSignal::new(NumberLocales::default());
    let theme = RwSignal::new(0u32);
    let ctx = Ctx {
        lang,
        locales,
        theme,
    };
    provide_context(ctx);
    provide_context(crate::stats::Cards::new());
    page::on_color_scheme_change(move || theme.update(|v| *v += 1));

    // Takes the story's default language (unless the URL chose one) and its
    // number locales.
    let adopt = move |s: Story| {
        if url_lang.is_none() {
            lang.set(s.default_lang);
        }
        locales.set(s.number_locales.clone());
        Arc::new(s)
    };
    Effect::new(move |_| page::set_document_lang(lang.get()));

    // The built-in story is there at once (and validated by the test suite).
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let body = match story_url {
        None => match story::built_in() {
            Ok(s) => EitherOf3::A(view! { <Article story=adopt(s.clone()) /> }),
            Err(errors) => {
                let error = LoadError::Invalid {
                    url: "content/story.json".into(),
                    errors: errors.to_vec(),
                };
                EitherOf3::B(view! { <ErrorPanel error=error /> })
            }
        },
        Some(url) => {
            let loading = RwSignal::new(true);
            remote_story(url, main_ref, loading, adopt);
            EitherOf3::C(move || {
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
            <main id="main" tabindex="-1" node_ref=main_ref>
                {body}
            </main>
        </div>
    }
}

/// Fetches a story from another URL, then mounts it (or what is wrong with
/// it) into `main` once, and clears `loading`. Mounting once, instead of switching views
/// reactively, keeps a re-render path for the whole story out of the wasm.
fn remote_story(
    url: String,
    main: NodeRef<leptos::html::Main>,
    loading: RwSignal<bool>,
    adopt: impl Fn(Story) -> Arc<Story> + 'static,
) {
    let ctx = expect_context::<Ctx>();
    let cards = expect_context::<crate::stats::Cards>();
    // Dropped (and so unmounted) with the app.
    let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    leptos::task::spawn_local(async move {
        let result = load_remote(url).await.map(adopt);
        let Some(parent) = main.get_untracked() else {
            return;
        };
        let handle = leptos::mount::mount_to(parent, move || {
            provide_context(ctx);
            provide_context(cards);
            match result {
                Ok(story) => Either::Left(view! { <Article story=story /> }),
                Err(error) => Either::Right(view! { <ErrorPanel error=error /> }),
            }
        });
        let _ = loading.try_set(false);
        let _ = mounted.try_set_value(Some(Box::new(handle)));
    });
}

/// Flips the language in place and keeps the reader where they were. It is
/// a link to the other language's own prerendered page, which readers
/// without JavaScript follow.
#[component]
fn LangSwitch() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let other = move || ctx.lang.get().other();
    let href = move || {
        let next = other();
        // Another newsroom's story stays on this page, with its ?story=.
        if let Some(url) = page::param("story") {
            let story = page::encode_component(&url);
            return format!("?lang={}&story={story}", next.code());
        }
        let file = match story::built_in() {
            Ok(s) if s.default_lang != next => format!("{}.html", next.code()),
            _ => "index.html".to_string(),
        };
        format!("{file}?lang={}", next.code())
    };
    view! {
        <a
            class="lang-switch"
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
                let next = ctx.lang.get_untracked().other();
                page::keep_place(|| ctx.lang.set(next));
                page::replace_lang_param(next);
            }
        >
            {move || t(ctx.lang.get()).switch_to.clone()}
        </a>
    }
}

#[component]
fn ErrorPanel(error: LoadError) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (url, errors) = match error {
        LoadError::Fetch { url, reason } => (url, Err(reason)),
        LoadError::Invalid { url, errors } => (url, Ok(errors)),
    };
    let items = match errors {
        // What the browser or the JSON reader said is English: marked so.
        Err(reason) => vec![Either::Left(view! {
            <li>
                {move || t(ctx.lang.get()).error_fetch.clone()}
                ": "
                <code dir="ltr" lang="en">{reason}</code>
            </li>
        })],
        Ok(errors) => errors
            .into_iter()
            .map(|e| {
                let path = (!e.path.is_empty()).then(|| {
                    view! {
                        <code dir="ltr">{e.path.clone()}</code>
                        ": "
                    }
                });
                let problem = e.problem.clone();
                let detail = match &problem {
                    Problem::Syntax(d) => {
                        Some(view! { <code dir="ltr" lang="en">{d.clone()}</code> })
                    }
                    _ => None,
                };
                let words = move || match &problem {
                    Problem::Syntax(_) => {
                        fill(&t(ctx.lang.get()).problems.invalid_file, &[("detail", "")])
                    }
                    p => p.describe(ctx.lang.get()),
                };
                Either::Right(view! { <li>{path}<span>{words}</span>{detail}</li> })
            })
            .collect(),
    };
    let back = move || format!("?lang={}", ctx.lang.get().code());
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ui_text(|s| &s.error_title)}</h1>
            <p>{ui_text(|s| &s.error_intro)}</p>
            <p class="error-url">
                <code dir="ltr">{url}</code>
            </p>
            <ul class="error-list">{items}</ul>
            <p>
                <a href=back>{ui_text(|s| &s.error_back)}</a>
            </p>
        </section>
    }
}
