//! A story from another URL (`?story=`): fetched, read and checked in the
//! browser, then shown, or every problem with it listed. Only the
//! `start_story` entry point reaches this code, so it ships in its own wasm.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use crate::app::{t, ui_text, Ctx, RemoteMount};
use crate::article::Article;
use crate::content::ui;
use crate::i18n::fill;
use crate::story::{self, Problem, Story, StoryError};

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

/// Fetches a story from another URL, then mounts it (or what is wrong with
/// it) into `main` once, and clears `loading`. Mounting once, instead of
/// switching views reactively, keeps a re-render path for the whole story
/// out of the wasm.
pub fn mount(m: RemoteMount) {
    let RemoteMount {
        url,
        lang_chosen,
        main,
        loading,
    } = m;
    let ctx = expect_context::<Ctx>();
    let cards = expect_context::<crate::stats::Cards>();
    let content = expect_context::<crate::stats::CardContent>();
    // Dropped (and so unmounted) with the app.
    let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    leptos::task::spawn_local(async move {
        // The story's default language, unless the URL chose one.
        let result = load_remote(url).await.map(|s| {
            if !lang_chosen {
                ctx.lang.set(s.default_lang);
            }
            ctx.locales.set(s.number_locales.clone());
            Arc::new(s)
        });
        let Some(parent) = main.get_untracked() else {
            return;
        };
        let handle = leptos::mount::mount_to(parent, move || {
            provide_context(ctx);
            provide_context(cards);
            provide_context(content);
            match result {
                Ok(story) => Either::Left(view! { <Article story=story /> }),
                Err(error) => Either::Right(view! { <ErrorPanel error=error /> }),
            }
        });
        let _ = loading.try_set(false);
        let _ = mounted.try_set_value(Some(Box::new(handle)));
    });
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
                    p => p.describe(&ui(ctx.lang.get()).problems),
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
