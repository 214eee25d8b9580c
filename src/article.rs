//! The story as semantic HTML: one `<article>` with the stations as an
//! ordered list, the initiatives, the closing question and the sources.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use crate::app::{t, text, ui_text, Ctx};
use crate::format::{self, Style};
use crate::journey::Journey;
use crate::stats::{StatCard, StatList};
use crate::story::{Source, Station, StationKind, Story};

/// The DOM id of a station: its year, so `#2017` works, or its own id for
/// an undated waypoint.
pub fn station_anchor(s: &Station) -> String {
    s.year
        .map(|y| y.to_string())
        .unwrap_or_else(|| s.id.clone())
}

/// A station's name on the track and over its text: its own label, else its
/// year, else (an undated waypoint without a label) "transfer stop".
pub fn station_label(s: &Station, lang: crate::i18n::Lang, locale: &str) -> String {
    match (&s.label, s.year) {
        (Some(l), _) => format::digits(l.get(lang), locale),
        (None, Some(y)) => format::number(y as f64, locale, Style::Year),
        (None, None) => t(lang).waypoint.clone(),
    }
}

#[component]
pub fn Article(story: Arc<Story>) -> impl IntoView {
    provide_context(crate::stats::StoryRef(story.clone()));
    let initiatives = story
        .initiatives
        .iter()
        .map(|ini| {
            let source = story.source(&ini.source).cloned();
            view! {
                <li class="initiative" id=format!("initiative-{}", ini.id)>
                    <h3>{text(&ini.name)}</h3>
                    <p class="region">{text(&ini.region)}</p>
                    <p>{text(&ini.what)}</p>
                    <StatList stats=ini.stats.clone() />
                    {source.map(|s| view! { <Attribution source=s /> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let sources = story
        .sources
        .iter()
        .map(|s| view! { <SourceItem source=s.clone() /> })
        .collect::<Vec<_>>();

    view! {
        <article class="story" aria-labelledby="story-title">
            <header class="story-head" data-anchor="">
                <h1 id="story-title">{text(&story.title)}</h1>
                <p class="intro">{text(&story.intro)}</p>
            </header>
            <section class="journey" aria-labelledby="journey-title">
                <h2 id="journey-title" data-anchor="">{ui_text(|s| &s.journey)}</h2>
                {story.journey_note.as_ref().map(|n| view! { <p class="journey-note">{text(n)}</p> })}
                <Journey story=story.clone() />
            </section>
            {(!initiatives.is_empty()).then(|| view! {
                <section class="initiatives" aria-labelledby="initiatives-title">
                    <h2 id="initiatives-title" data-anchor="">{ui_text(|s| &s.initiatives)}</h2>
                    <ul class="initiative-list">{initiatives}</ul>
                </section>
            })}
            <section class="closing" aria-labelledby="closing-title" data-anchor="">
                <h2 id="closing-title">
                    {match &story.closing_title {
                        Some(title) => Either::Left(text(title)),
                        None => Either::Right(ui_text(|s| &s.closing)),
                    }}
                </h2>
                <p class="question">{text(&story.closing)}</p>
            </section>
            <section class="sources" aria-labelledby="sources-title">
                <h2 id="sources-title" data-anchor="">{ui_text(|s| &s.sources)}</h2>
                <ol class="source-list">{sources}</ol>
            </section>
            <StatCard story=story.clone() />
        </article>
    }
}

#[component]
pub fn StationItem(
    story: Arc<Story>,
    station: Station,
    index: usize,
    active: Signal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let is_waypoint = station.kind == StationKind::Waypoint;
    let st = station.clone();
    let year_text = move || station_label(&st, ctx.lang.get(), &ctx.locale());
    let platforms = station
        .platforms
        .iter()
        .filter_map(|id| story.platform(id).cloned())
        .map(|p| {
            view! {
                <li class="platform">
                    // A drawn swatch: the colour is data, and an attribute of
                    // SVG, not an inline style (strict CSP).
                    <svg class="platform-dot" viewBox="0 0 22 6" aria-hidden="true" focusable="false">
                        <rect width="22" height="6" rx="2" fill=p.color.clone()></rect>
                    </svg>
                    {text(&p.name)}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let source = story.source(&station.source).cloned();
    view! {
        <li
            class="station"
            class:waypoint=is_waypoint
            class:is-active=move || active.get()
            aria-current=move || active.get().then_some("step")
            id=station_anchor(&station)
            data-anchor=""
            data-index=index
        >
            <p class="station-year">{year_text}</p>
            <h3 class="station-title">{text(&station.title)}</h3>
            <ul class="platforms" aria-label=ui_text(|s| &s.platforms)>
                {platforms}
            </ul>
            <p class="caption">{text(&station.caption)}</p>
            <StatList stats=station.stats.clone() />
            {source.map(|s| view! { <Attribution source=s /> })}
        </li>
    }
}

/// "According to: …", linking to the source in the list below.
#[component]
fn Attribution(source: Source) -> impl IntoView {
    view! {
        <p class="attribution">
            {ui_text(|s| &s.according_to)}
            " "
            <a href=format!("#source-{}", source.id)>{text(&source.publisher)}</a>
        </p>
    }
}

#[component]
fn SourceItem(source: Source) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
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
