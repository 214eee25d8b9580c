//! One station: its DOM id, its name on the track and over its text, and
//! its entry in the list beside the map (title, lines, caption, figures,
//! source).

use leptos::prelude::*;
use std::sync::Arc;

use crate::ctx::{t, text, ui_text, Ctx};
use crate::format::{self, Style};
use crate::stats::StatList;
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
pub fn Attribution(source: Source) -> impl IntoView {
    view! {
        <p class="attribution">
            {ui_text(|s| &s.according_to)}
            " "
            <a href=format!("#source-{}", source.id)>{text(&source.publisher)}</a>
        </p>
    }
}
