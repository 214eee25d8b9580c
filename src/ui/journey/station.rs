//! One station's entry in the list beside the map: its name, title,
//! lines, caption, figures and source.

use leptos::prelude::*;
use std::sync::Arc;

use crate::model::story::{StationKind, Story};
use crate::text::labels::station_anchor;
use crate::ui::cards::stat_list::StatList;
use crate::ui::ctx::{text, ui_text, use_ctx};
use crate::ui::later::Later;
use crate::ui::sources::Attribution;

#[component]
pub fn StationItem(
    /// The story, read in place: a station is not copied per closure.
    story: Arc<Story>,
    index: usize,
    active: Signal<bool>,
) -> impl IntoView {
    let station = &story.stations[index];
    let is_waypoint = station.kind == StationKind::Waypoint;
    let id = station_anchor(station);
    view! {
        <li
            class="station"
            class:waypoint=is_waypoint
            class:is-active=move || active.get()
            aria-current=move || active.get().then_some("step")
            id=id
            data-anchor=""
            data-index=index
        >
            // What the scroll engine needs is the item itself: its text is
            // built and hydrated in the tasks after the first pass.
            <Later>
                <StationText story=story.clone() index=index />
            </Later>
        </li>
    }
}

/// A station's name, title, lines, caption, figures and source.
#[component]
fn StationText(story: Arc<Story>, index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let station = &story.stations[index];
    let s = story.clone();
    let year_text = move || ctx.station_label(&s.stations[index]);
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
        <p class="station-year">{year_text}</p>
        <h3 class="station-title">{text(&station.title)}</h3>
        <ul class="platforms" aria-label=ui_text(|s| &s.platforms)>
            {platforms}
        </ul>
        <p class="caption">{text(&station.caption)}</p>
        <StatList stats=station.stats.clone() />
        {source.map(|s| view! { <Attribution source=s /> })}
    }
}
