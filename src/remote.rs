//! A story from another URL (`?story=`): fetched, read and checked in the
//! browser, then shown, or every problem with it listed. Only the
//! `start_story` entry point reaches this code, so it ships in its own wasm.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use crate::app::RemoteMount;
use crate::article::Article;
use crate::content::ui;
use crate::ctx::{t, ui_text, Ctx};
use crate::i18n::fill;
use crate::story::{self, Problem, Story, StoryError};

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The page does not show stories from that origin.
    Refused { url: String, origin: String },
    /// The server answered, but not with the file.
    Http { url: String, status: u16 },
    /// No answer the page may read: offline, the server down, no CORS
    /// header, or the page's Content-Security-Policy (`connect-src`).
    Network { url: String, reason: String },
    /// The file arrived but does not hold a valid story.
    Invalid {
        url: String,
        errors: Vec<StoryError>,
    },
}

/// Whether this page shows a story from `origin`: its own, or one the build
/// allows (`QITAR_STORY_ORIGINS`). Anything else could put any text at the
/// graphic's address.
pub fn origin_allowed(origin: &str, own: &str, allowed: &[&str]) -> bool {
    origin != "null" && (origin == own || allowed.contains(&origin))
}

/// `url` resolved against the page's address, if the page may show a story
/// from there (refused otherwise, naming the origin).
fn allowed_href(url: &str) -> Result<String, LoadError> {
    let refused = |origin: String| LoadError::Refused {
        url: url.to_string(),
        origin,
    };
    let (href, origin, own) = crate::page::resolve_url(url).ok_or_else(|| refused("?".into()))?;
    if origin_allowed(&origin, &own, crate::content::story_origins()) {
        Ok(href)
    } else {
        Err(refused(origin))
    }
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let network = |e: wasm_bindgen::JsValue| LoadError::Network {
        url: url.to_string(),
        reason: e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "network error".into()),
    };
    let w = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let resp: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    // A redirect may not take the story to an origin the page would refuse.
    if resp.redirected() {
        allowed_href(&resp.url())?;
    }
    if !resp.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: resp.status(),
        });
    }
    JsFuture::from(resp.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .ok_or_else(|| network("the response is not text".into()))
}

/// Fetches and validates a story from another URL, if the page may show it.
pub async fn load_remote(url: String) -> Result<Story, LoadError> {
    let href = allowed_href(&url)?;
    let body = fetch_text(&href).await?;
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
            } else {
                ctx.lang.set(s.lang_or_default(ctx.lang.get_untracked()));
            }
            ctx.bilingual.set(s.bilingual());
            ctx.locales.set(s.number_locales.clone());
            Arc::new(s)
        });
        let Some(parent) = main.get_untracked() else {
            return;
        };
        let handle = leptos::mount::mount_to(parent, move || {
            // The tab and the description follow the story and its language.
            if let Ok(story) = &result {
                let story = story.clone();
                Effect::new(move |_| {
                    let lang = ctx.lang.get();
                    crate::page::set_document_meta(story.title.get(lang), story.intro.get(lang));
                });
            }
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
        LoadError::Invalid { url, errors } => (url, Ok(errors)),
        LoadError::Refused { url, origin } => (url, Err(Failure::Refused(origin))),
        LoadError::Http { url, status } => (url, Err(Failure::Http(status))),
        LoadError::Network { url, reason } => (url, Err(Failure::Network(reason))),
    };
    let fetch_failed = errors.is_err();
    let items = match errors {
        Err(failure) => vec![Either::Left(view! { <li>{failure.view(ctx)}</li> })],
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
    let intro = move || {
        let s = t(ctx.lang.get());
        if fetch_failed {
            s.error_fetch.clone()
        } else {
            s.error_intro.clone()
        }
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ui_text(|s| &s.error_title)}</h1>
            <p>{intro}</p>
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

/// Why a story file could not be fetched, in the reader's language, with
/// what to check.
enum Failure {
    Refused(String),
    Http(u16),
    Network(String),
}

impl Failure {
    fn view(self, ctx: Ctx) -> impl IntoView {
        // What the browser said is English: marked so.
        let detail = match &self {
            Failure::Network(reason) => Some(reason.clone()),
            _ => None,
        }
        .map(|r| view! { " " <code dir="ltr" lang="en">{r}</code> });
        let words = move || {
            let s = t(ctx.lang.get());
            match &self {
                Failure::Refused(origin) => {
                    let own = crate::page::resolve_url("")
                        .map(|(_, _, own)| own)
                        .unwrap_or_default();
                    let mut allowed = vec![own.as_str()];
                    allowed.extend(crate::content::story_origins());
                    fill(
                        &s.error_refused,
                        &[
                            ("origin", origin),
                            ("allowed", &allowed.join(s.list_separator.as_str())),
                        ],
                    )
                }
                Failure::Http(status) => fill(&s.error_http, &[("status", &status.to_string())]),
                Failure::Network(_) => s.error_network.clone(),
            }
        };
        view! { <span>{words}</span>{detail} }
    }
}
