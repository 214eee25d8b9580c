//! The journey: the map beside (or above) the stations, driven by the
//! scroll engine. It marks the active station, states and announces it,
//! keeps the URL's hash in step, and lets the keyboard move between
//! stations.

mod engine;
mod keys;
mod line_tags;
mod map;
mod now;
mod pose;
pub mod station;
pub mod still;
mod stops;
mod track_svg;
mod train;

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::model::story::Story;
use crate::text::format;
use crate::text::labels::station_anchor;
use crate::ui::cards::use_cards;
use crate::ui::ctx::{ui_text, use_ctx};
use engine::{drive, Drive};
use now::Now;
use pose::PoseWriter;
use station::StationItem;
use track_svg::TrackSvg;

#[component]
pub fn Journey(story: Arc<Story>) -> impl IntoView {
    let ctx = use_ctx();
    let active = RwSignal::new(0usize);
    let inside = RwSignal::new(false);
    let size = RwSignal::new((0.0f64, 0.0f64));
    let stage = NodeRef::<html::Div>::new();
    let map = map::map(&story, ctx, active, size);
    let pose = PoseWriter::new(map);
    let still = still::markup(&story, ctx, &map);
    // A new layout or line: the train goes where it was, redrawn.
    Effect::new(move |_| {
        map.layout.track();
        map.active_colour.track();
        pose.rewrite();
    });
    let drive_state = Drive {
        ctx,
        cards: use_cards(),
        active,
        inside,
        size,
        stage,
        pose,
    };
    drive(
        drive_state,
        story.stations.iter().map(station_anchor).collect(),
    );

    let s = story.clone();
    let announce = move || {
        if !inside.get() {
            return String::new();
        }
        s.stations
            .get(active.get())
            .map(|st| format::digits(st.announce.get(ctx.lang.get()), &ctx.locale()))
            .unwrap_or_default()
    };
    let on_key = keys::on_key(ctx, active, story.stations.len(), pose.body, pose.figure);
    let items = (0..story.stations.len())
        .map(|i| {
            view! {
                <StationItem
                    story=story.clone()
                    index=i
                    active=Signal::derive(move || active.get() == i)
                />
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="journey-body" node_ref=pose.body>
            <nav class="track-figure" node_ref=pose.figure aria-label=map.title on:keydown=on_key>
                <div class="progress" aria-hidden="true">
                    <span node_ref=pose.bar></span>
                </div>
                <TrackSvg
                    map=map
                    active=active
                    on_go=Callback::new(move |i: usize| keys::go_to_station(pose.body, i))
                    stage=stage
                    train=pose.train
                    still=still
                />
                <Now story=story.clone() map=map active=active />
                <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                    {announce}
                </p>
                <p class="track-hint">{ui_text(|s| &s.track_hint)}</p>
            </nav>
            <ol class="stations">{items}</ol>
        </div>
    }
}
