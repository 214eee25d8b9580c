//! What is in an open card: the figure, what the article said beside what
//! the source says, the note, the chart (`chart`), the source, and the
//! copy-link, save-image and share actions. The `?story=` build draws it in
//! process; in the first view the card's own wasm, fetched on demand
//! (`slot`), draws it (`mount`).

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use super::chart::CardChart;
use super::facts::{article_said, dom_id, figure, note_and_derivation, source_says};
use crate::browser::{dom, frame, gesture, page, share};
use crate::embed::messages::{share_page, share_url};
use crate::model::story::{Source, Stat, Story};
use crate::text::format;
use crate::ui::ctx::{t, text, ui_text, use_ctx};

/// The card drawn in this wasm (`CardContent` for the `?story=` build).
pub fn in_process(story: Arc<Story>, stat: Stat) -> AnyView {
    view! { <CardBody story=story stat=stat /> }.into_any()
}

#[component]
pub fn CardBody(story: Arc<Story>, stat: Stat) -> impl IntoView {
    let ctx = use_ctx();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    // The dialog is the page's (`dialog::StatCard`); this may be another wasm.
    let inner = NodeRef::<html::Div>::new();
    let dialog = move || inner.get_untracked().and_then(|d| dom::dialog_of(&d));
    let close = move |_| {
        if let Some(d) = dialog() {
            d.close();
        }
    };
    let source = story.source(&stat.source).cloned();
    let chart = stat.chart.clone().map(|chart| {
        view! { <CardChart story=story.clone() stat_id=stat.id.clone() chart=chart canvas_ref=canvas_ref /> }
    });

    view! {
        <div class="card-inner" node_ref=inner>
            <div class="card-grip" aria-hidden="true" on:pointerdown=move |ev| gesture::swipe_to_close(ev, dialog())></div>
            <header class="card-head">
                <p class="card-figure">{figure(ctx, &stat)}</p>
                <h2 id="card-title" class="card-label">{text(&stat.label)}</h2>
                <p class="card-period">{text(&stat.period)}</p>
                <button type="button" class="card-close" autofocus on:click=close aria-label=ui_text(|s| &s.close)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
            <div class="compare">
                {story.cites_an_article().then(|| view! {
                    <section class="said">
                        <h3>{ui_text(|s| &s.article_said)}</h3>
                        <p>{article_said(ctx, &stat)}</p>
                    </section>
                })}
                <section class="says">
                    <h3>{ui_text(|s| &s.source_says)}</h3>
                    <p>{source_says(ctx, &stat, "says-figure")}</p>
                </section>
            </div>
            {(stat.note.is_some() || stat.derived.is_some()).then(|| view! {
                <p class="card-note">
                    <strong>{ui_text(|s| &s.note)}": "</strong>
                    {note_and_derivation(ctx, &story, &stat)}
                </p>
            })}
            {chart}
            <CardSource source=source />
            <CardActions story=story.clone() stat=stat.clone() canvas_ref=canvas_ref />
        </div>
    }
}

/// The figure's source: publisher, title (linked when it has an address)
/// and date (also on a figure's share page).
#[component]
pub fn CardSource(source: Option<Source>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <p class="card-source">
            <strong>{ui_text(|s| &s.source)}": "</strong>
            {source.map(|s| {
                let date = s.date.clone();
                let label = text(&s.publisher);
                let title = text(&s.title);
                let date_text = move || date.as_deref().map(|d| format!(", {}", format::date(d, &ctx.locale()))).unwrap_or_default();
                match s.url.clone() {
                    Some(u) => Either::Left(view! {
                        <a href=u rel="noopener" target="_blank">{label}": "{title}</a>{date_text}
                    }),
                    None => Either::Right(view! { <span>{label}": "{title}</span>{date_text} }),
                }
            })}
        </p>
    }
}

/// Copy the figure's link; save its chart as an image; where the browser
/// has one, the system's share sheet. What happened is said in a status
/// line.
#[component]
fn CardActions(story: Arc<Story>, stat: Stat, canvas_ref: NodeRef<html::Canvas>) -> impl IntoView {
    let ctx = use_ctx();
    let status = RwSignal::new(String::new());
    let anchor = dom_id(&stat.id);
    // The built-in story has a share page per figure and language; a story
    // from `?story=` (the same test as the app's) has none.
    let has_pages = page::param("story").is_none_or(|u| u.trim().is_empty());
    let default_lang = story.default_lang;
    let stat_id = stat.id.clone();
    let link = move || {
        let lang = ctx.lang.get_untracked();
        let page = has_pages.then(|| share_page(&stat_id, lang, default_lang));
        share::href()
            .map(|href| share_url(&href, frame::is_framed(), &anchor, page.as_deref()))
            .unwrap_or_default()
    };
    let copy_link = link.clone();
    let copy = move |_| {
        let url = copy_link();
        let copying = share::copy_text(&url);
        leptos::task::spawn_local(async move {
            let ok = copying.await;
            let s = t(ctx.lang.get_untracked());
            status.set(match ok {
                true => s.link_copied.clone(),
                false => format!("{} {url}", s.copy_failed),
            });
        });
    };
    // The sheet's title: the figure and what it counts, as the card says them.
    let figure_text = figure(ctx, &stat);
    let label = text(&stat.label);
    let share_it = move |_| {
        let url = link();
        let sharing = share::share_sheet(&format!("{} {}", figure_text(), label()), &url);
        leptos::task::spawn_local(async move {
            let s = t(ctx.lang.get_untracked());
            match sharing.await {
                share::Shared::Done | share::Shared::Cancelled => status.set(String::new()),
                // Refused (a frame without the permission): the link, to copy by hand.
                share::Shared::Failed => status.set(format!("{} {url}", s.share_failed)),
            }
        });
    };
    let save_id = stat.id.clone();
    let save = move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            share::download_png(&canvas, format!("qitar-{save_id}.png"));
        }
    };
    view! {
        <div class="card-actions">
            <button type="button" class="card-action" on:click=copy>{ui_text(|s| &s.copy_link)}</button>
            {stat.chart.is_some().then(|| view! {
                <button type="button" class="card-action" on:click=save>{ui_text(|s| &s.save_image)}</button>
            })}
            {share::can_share().then(|| view! {
                <button type="button" class="card-action" on:click=share_it>{ui_text(|s| &s.share)}</button>
            })}
        </div>
        <p class="card-status" role="status">{move || status.get()}</p>
    }
}
