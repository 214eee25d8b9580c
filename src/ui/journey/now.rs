//! The current station, stated beside the map: its year, its name and the
//! lines boarding there. (The live region reads it out; this is for eyes.)

use leptos::prelude::*;
use std::sync::Arc;

use super::map::Map;
use crate::model::story::Story;
use crate::text::format;
use crate::ui::ctx::use_ctx;

#[component]
pub fn Now(story: Arc<Story>, map: Map, active: RwSignal<usize>) -> impl IntoView {
    let ctx = use_ctx();
    let s = story.clone();
    let current = Signal::derive(move || {
        s.stations
            .get(active.get())
            .map(|st| {
                (
                    ctx.station_label(st),
                    format::digits(st.title.get(ctx.lang.get()), &ctx.locale()),
                )
            })
            .unwrap_or_default()
    });
    let lines = move || {
        let lang = ctx.lang.get();
        map.active_lines
            .get()
            .into_iter()
            .filter_map(|i| story.platforms.get(i))
            .map(|p| {
                view! {
                    <li>
                        <svg viewBox="0 0 18 6" focusable="false">
                            <rect width="18" height="6" rx="2" fill=p.color.clone()></rect>
                        </svg>
                        {p.name.get(lang).to_string()}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="now" aria-hidden="true">
            <span class="now-year">{move || current.get().0}</span>
            <span class="now-title">{move || current.get().1}</span>
            <ul class="now-lines">{lines}</ul>
        </div>
    }
}
