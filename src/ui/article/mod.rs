//! The story as semantic HTML: one `<article>` with the stations as an
//! ordered list, the initiatives, the closing question and the sources.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::cards::dialog::StatCard;
use super::cards::stat_list::StatList;
use super::ctx::{provide_story, text, ui_text};
use super::journey::Journey;
use super::later::Later;
use super::sources::{Attribution, SourceItem};
use crate::model::story::Story;

#[component]
pub fn Article(story: Arc<Story>) -> impl IntoView {
    provide_story(story.clone());
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
            // Below the journey: built and hydrated in the tasks after the
            // first pass.
            <Later>
                <AfterJourney story=story.clone() />
            </Later>
            <StatCard />
        </article>
    }
}

/// The initiatives, the closing question and the sources.
#[component]
fn AfterJourney(story: Arc<Story>) -> impl IntoView {
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
    }
}
