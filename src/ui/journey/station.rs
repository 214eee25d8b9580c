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
    let ctx = use_ctx();
    let station = &story.stations[index];
    let is_waypoint = station.kind == StationKind::Waypoint;
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
    let (title, caption) = (text(&station.title), text(&station.caption));
    let stats = station.stats.clone();
    view! {
        <li
            class="station"
            class:waypoint=is_waypoint
            class:is-active=move || active.get()
            aria-current=move || active.get().then_some("step")
            id=station_anchor(station)
            data-anchor=""
            data-index=index
        >
            // What the scroll engine needs is the item itself: its text
            // hydrates in the tasks after the first pass.
            <Later>
                <p class="station-year">{year_text}</p>
                <h3 class="station-title">{title}</h3>
                <ul class="platforms" aria-label=ui_text(|s| &s.platforms)>
                    {platforms}
                </ul>
                <p class="caption">{caption}</p>
                <StatList stats=stats />
                {source.map(|s| view! { <Attribution source=s /> })}
            </Later>
        </li>
    }
}
