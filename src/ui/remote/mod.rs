//! A story from another URL (`?story=`): fetched, read and checked in the
//! browser, then shown, or every problem with it listed. Only the
//! `start_story` entry point reaches this code, so it ships in its own wasm.

mod error_panel;

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use crate::browser::fetch::{self, FetchError};
use crate::browser::page;
use crate::content;
use crate::model::load::load;
use crate::model::problem::StoryError;
use crate::model::story::Story;
use crate::ui::app::RemoteMount;
use crate::ui::article::Article;
use crate::ui::cards::{use_card_content, use_cards};
use crate::ui::ctx::use_ctx;
use error_panel::ErrorPanel;

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
    let (href, origin, own) = page::resolve_url(url).ok_or_else(|| refused("?".into()))?;
    if origin_allowed(&origin, &own, content::story_origins()) {
        Ok(href)
    } else {
        Err(refused(origin))
    }
}

/// Fetches and validates a story from another URL, if the page may show it.
pub async fn load_remote(url: String) -> Result<Story, LoadError> {
    let href = allowed_href(&url)?;
    // A redirect may not take the story to an origin the page would refuse.
    let body = fetch::text(&href, |to| allowed_href(to).map(|_| ()))
        .await
        .map_err(|e| match e {
            FetchError::Refused(refused) => refused,
            FetchError::Http(status) => LoadError::Http {
                url: href.clone(),
                status,
            },
            FetchError::Network(reason) => LoadError::Network {
                url: href.clone(),
                reason,
            },
        })?;
    load(&body).map_err(|errors| LoadError::Invalid { url, errors })
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
    let ctx = use_ctx();
    let cards = use_cards();
    let content = use_card_content();
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
                    page::set_document_meta(story.title.get(lang), story.intro.get(lang));
                });
            }
            provide_context(ctx);
            provide_context(cards);
            content.provide();
            match result {
                Ok(story) => Either::Left(view! { <Article story=story /> }),
                Err(error) => Either::Right(view! { <ErrorPanel error=error /> }),
            }
        });
        let _ = loading.try_set(false);
        let _ = mounted.try_set_value(Some(Box::new(handle)));
    });
}
