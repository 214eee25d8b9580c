//! The statistics: each figure is a button that opens what the article
//! said beside what the primary source says.

use leptos::prelude::*;
use std::sync::Arc;

use crate::app::{t, text, ui_text, Ctx};
use crate::format::{self, Style};
use crate::story::{Stat, Story};

/// The figure as the reader sees it, in the current language.
pub fn figure(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + 'static {
    let (value, style) = (stat.value, Style::for_stat(stat.unit, stat.display));
    move || {
        let _ = ctx.lang.get();
        format::number(value, &ctx.locale(), style)
    }
}

#[component]
pub fn StatList(story: Arc<Story>, stats: Vec<Stat>) -> impl IntoView {
    if stats.is_empty() {
        return None;
    }
    let items = stats
        .into_iter()
        .map(|s| view! { <StatItem story=story.clone() stat=s /> })
        .collect::<Vec<_>>();
    Some(view! {
        <ul class="stats" aria-label=ui_text(|s| &s.figures)>
            {items}
        </ul>
    })
}

#[component]
fn StatItem(story: Arc<Story>, stat: Stat) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let dom_id = format!("stat-{}", stat.id);
    let detail_id = format!("{dom_id}-detail");
    let source = story.source(&stat.source).cloned();
    let claim = stat.article.as_ref().map(|a| text(&a.claim));
    let note = stat.note.as_ref().map(text);
    let fig = figure(ctx, &stat);
    let fig2 = figure(ctx, &stat);
    view! {
        <li class="stat" id=dom_id>
            <button
                type="button"
                class="stat-button"
                aria-expanded=move || open.get().to_string()
                aria-controls=detail_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="figure">{fig}</span>
                " "
                <span class="stat-label">{text(&stat.label)}</span>
            </button>
            <div class="stat-detail" id=detail_id hidden=move || !open.get()>
                <dl>
                    <dt>{ui_text(|s| &s.article_said)}</dt>
                    <dd class="article-said">
                        {match claim {
                            Some(c) => c.into_any(),
                            None => (move || t(ctx.lang.get()).no_article_figure.clone()).into_any(),
                        }}
                    </dd>
                    <dt>{ui_text(|s| &s.source_says)}</dt>
                    <dd class="source-says">
                        <bdi>{fig2}</bdi>
                        " "
                        {text(&stat.label)}
                    </dd>
                    <dt>{ui_text(|s| &s.period)}</dt>
                    <dd class="period">{text(&stat.period)}</dd>
                    {note
                        .map(|n| {
                            view! {
                                <dt>{ui_text(|s| &s.note)}</dt>
                                <dd class="note">{n}</dd>
                            }
                        })}
                    <dt>{ui_text(|s| &s.source)}</dt>
                    <dd class="stat-source">
                        {source
                            .map(|s| {
                                let title = text(&s.title);
                                let publisher = text(&s.publisher);
                                match s.url.clone() {
                                    Some(u) => {
                                        view! {
                                            <a href=u rel="noopener" target="_blank">
                                                {publisher}
                                                ": "
                                                {title}
                                            </a>
                                        }
                                            .into_any()
                                    }
                                    None => {
                                        view! {
                                            <span>
                                                {publisher}
                                                ": "
                                                {title}
                                            </span>
                                        }
                                            .into_any()
                                    }
                                }
                            })}
                    </dd>
                </dl>
            </div>
        </li>
    }
}
