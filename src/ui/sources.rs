//! Sources: each one in the list at the end, and the "according to" link
//! to it under a station or an initiative.

use leptos::either::Either;
use leptos::prelude::*;

use super::ctx::{t, text, ui_text, use_ctx};
use crate::model::story::Source;
use crate::text::format;

/// "According to: …", linking to the source in the list below.
#[component]
pub fn Attribution(source: Source) -> impl IntoView {
    view! {
        <p class="attribution">
            {ui_text(|s| &s.according_to)}
            " "
            <a href=format!("#source-{}", source.id)>{text(&source.publisher)}</a>
        </p>
    }
}

#[component]
pub fn SourceItem(source: Source) -> impl IntoView {
    let ctx = use_ctx();
    let date = source.date.clone();
    let date_text = move || {
        let _ = ctx.lang.get();
        match &date {
            Some(d) => format::date(d, &ctx.locale()),
            None => t(ctx.lang.get()).no_date.clone(),
        }
    };
    let title = text(&source.title);
    let url = source.url.clone();
    view! {
        <li class="source" id=format!("source-{}", source.id)>
            <span class="source-publisher">{text(&source.publisher)}</span>
            ". "
            {match url {
                Some(u) => {
                    Either::Left(
                        view! {
                            <a class="source-title" href=u rel="noopener" target="_blank">
                                {title}
                            </a>
                        },
                    )
                }
                None => Either::Right(view! { <cite class="source-title">{title}</cite> }),
            }}
            ". "
            <span class="source-date">{date_text}</span>
        </li>
    }
}
