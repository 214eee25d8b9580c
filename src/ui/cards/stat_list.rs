//! The figures under a station or an initiative: each a button that opens
//! its card, with the same facts folded under it for readers without the
//! app (and printers).

use leptos::prelude::*;

use super::facts::{article_said, dom_id, figure, note_and_derivation, source_says};
use super::{use_card_content, use_cards};
use crate::model::story::Stat;
use crate::ui::ctx::{text, ui_text, use_ctx, use_story};

#[component]
pub fn StatList(stats: Vec<Stat>) -> impl IntoView {
    if stats.is_empty() {
        return None;
    }
    let items = stats
        .into_iter()
        .map(|s| view! { <StatButton stat=s /> })
        .collect::<Vec<_>>();
    Some(view! {
        <ul class="stats" aria-label=ui_text(|s| &s.figures)>
            {items}
        </ul>
    })
}

#[component]
fn StatButton(stat: Stat) -> impl IntoView {
    let ctx = use_ctx();
    let cards = use_cards();
    let story = use_story();
    let prefetch = use_card_content().prefetch;
    let source = story.source(&stat.source).cloned();
    let note = (stat.note.is_some() || stat.derived.is_some())
        .then(|| note_and_derivation(ctx, &story, &stat));
    let id = stat.id.clone();
    let is_open = {
        let id = id.clone();
        move || cards.open.get().as_deref() == Some(id.as_str())
    };
    view! {
        <li class="stat" id=dom_id(&stat.id)>
            <button
                type="button"
                class="stat-button"
                aria-haspopup="dialog"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| cards.open.set(Some(id.clone()))
                on:pointerdown=move |_| prefetch()
                on:pointerenter=move |_| prefetch()
                on:focus=move |_| prefetch()
            >
                <span class="figure">{figure(ctx, &stat)}</span>
                " "
                <span class="stat-label">{text(&stat.label)}</span>
            </button>
            // The same facts as the card, in plain HTML: what readers without
            // JavaScript (and printers) get, folded so nothing moves.
            <details class="stat-more">
                <summary>{ui_text(|s| &s.details)}</summary>
                <dl>
                    {story.cites_an_article().then(|| view! {
                        <dt>{ui_text(|s| &s.article_said)}</dt>
                        <dd>{article_said(ctx, &stat)}</dd>
                    })}
                    <dt>{ui_text(|s| &s.source_says)}</dt>
                    <dd>{source_says(ctx, &stat, "")}</dd>
                    {note.map(|n| view! {
                        <dt>{ui_text(|s| &s.note)}</dt>
                        <dd class="note">{n}</dd>
                    })}
                    <dt>{ui_text(|s| &s.source)}</dt>
                    <dd>
                        {source.map(|s| view! {
                            <a href=format!("#source-{}", s.id)>{text(&s.publisher)}</a>
                        })}
                    </dd>
                </dl>
            </details>
        </li>
    }
}
