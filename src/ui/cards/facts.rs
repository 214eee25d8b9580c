//! A figure's facts, as the button, the folded details and the card all
//! say them: the figure, what the article said, what the source says, the
//! note and how the figure was worked out.

use leptos::prelude::*;

use crate::model::story::{Stat, Story};
use crate::text::format::{self, Style};
use crate::ui::ctx::{t, text, Ctx};

/// The figure as the reader sees it, in the current language.
pub fn figure(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let style = Style::for_stat(stat.unit, stat.display, stat.currency.as_deref());
    let value = stat.value;
    move || {
        let _ = ctx.lang.get();
        format::number(value, &ctx.locale(), style)
    }
}

/// What the article said about a figure, or that it gave none.
pub fn article_said(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let claim = stat.article.as_ref().map(|a| a.claim.clone());
    move || {
        let lang = ctx.lang.get();
        match &claim {
            Some(c) => format::digits(c.get(lang), &ctx.locale()),
            None => t(lang).no_article_figure.clone(),
        }
    }
}

/// What the source says: the figure, what it counts, and over which period.
pub fn source_says(ctx: Ctx, stat: &Stat, figure_class: &'static str) -> impl IntoView {
    view! {
        <bdi class=figure_class>{figure(ctx, stat)}</bdi>
        " "
        {text(&stat.label)}
        " ("
        {text(&stat.period)}
        ")"
    }
}

/// The note, then the sources of its figures and how the figure was worked
/// out, when the story gives them.
pub fn note_and_derivation(
    ctx: Ctx,
    story: &Story,
    stat: &Stat,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let note = stat.note.clone();
    let sources: Vec<_> = stat
        .note_sources
        .iter()
        .filter_map(|id| story.source(id).map(|s| s.publisher.clone()))
        .collect();
    let derived = stat.derived.clone();
    move || {
        let lang = ctx.lang.get();
        let mut parts = Vec::new();
        if let Some(n) = &note {
            let mut n = n.get(lang).to_string();
            if !sources.is_empty() {
                let names: Vec<&str> = sources.iter().map(|p| p.get(lang)).collect();
                n.push_str(&format!(
                    " ({} {})",
                    t(lang).according_to,
                    names.join(t(lang).list_separator.as_str())
                ));
            }
            parts.push(n);
        }
        if let Some(d) = &derived {
            parts.push(format!("{} {}", t(lang).derived, d.get(lang)));
        }
        (!parts.is_empty()).then(|| format::digits(&parts.join(" "), &ctx.locale()))
    }
}

pub fn dom_id(stat_id: &str) -> String {
    format!("stat-{stat_id}")
}
