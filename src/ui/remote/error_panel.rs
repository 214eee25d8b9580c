//! What the reader sees when a story from another URL cannot be shown:
//! every problem with the file, or why it could not be fetched and what to
//! check, in the page's language.

use leptos::either::Either;
use leptos::prelude::*;

use super::LoadError;
use crate::browser::page;
use crate::content::{self, ui};
use crate::model::problem::Problem;
use crate::text::strings::fill;
use crate::ui::ctx::{t, ui_text, use_ctx, Ctx};

#[component]
pub fn ErrorPanel(error: LoadError) -> impl IntoView {
    let ctx = use_ctx();
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
                    p => ui(ctx.lang.get()).problems.say(p),
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
                    let own = page::resolve_url("")
                        .map(|(_, _, own)| own)
                        .unwrap_or_default();
                    let mut allowed = vec![own.as_str()];
                    allowed.extend(content::story_origins());
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
