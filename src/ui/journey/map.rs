//! What the map shows, worked out from the story for the current language,
//! size and station: the layout, each stop's name, the lines and their
//! names, and which of them the train is riding.

use leptos::prelude::*;
use std::sync::Arc;

use crate::geometry::track::{self, Frame, Layout, Stop};
use crate::model::story::{StationKind, Story};
use crate::text::format;
use crate::text::labels::station_anchor;
use crate::text::strings::fill;
use crate::ui::ctx::{t, Ctx};

/// What the drawing needs to know about each stop besides its geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct StopInfo {
    pub anchor: String,
    /// The accessible name of the link: year and title.
    pub name: String,
    pub waypoint: bool,
}

/// The derived values are memos: each is worked out once when what it
/// reads changes, though the drawing reads it in many places (and the pose
/// writer on every scroll frame).
#[derive(Clone, Copy)]
pub struct Map {
    pub layout: Memo<Layout>,
    pub stops: Memo<Vec<StopInfo>>,
    /// Each line's colour, in the story's order.
    pub colours: StoredValue<Vec<String>>,
    /// The lines' names in the reader's language.
    pub line_names: Memo<Vec<String>>,
    /// Platform indices served by the active stop.
    pub active_lines: Memo<Vec<usize>>,
    /// The colour of the first line at the active stop.
    pub active_colour: Memo<String>,
    /// The map's name: "Stations from 2011 to 2018".
    pub title: Signal<String>,
}

impl Map {
    /// The colour of line `p`, or none.
    pub fn colour(&self, p: usize) -> String {
        self.colours
            .with_value(|c| c.get(p).cloned())
            .unwrap_or_default()
    }
}

/// The stops as the layout takes them, in the current language: each
/// station's label, whether it is a waypoint, and the lines serving it.
pub fn track_stops(story: &Story, ctx: Ctx) -> Vec<Stop> {
    story
        .stations
        .iter()
        .map(|st| Stop {
            label: ctx.station_label(st),
            waypoint: st.kind == StationKind::Waypoint,
            platforms: lines_at(story, &st.platforms),
        })
        .collect()
}

/// The indices of the given platforms in the story's order.
fn lines_at(story: &Story, platforms: &[String]) -> Vec<usize> {
    platforms
        .iter()
        .filter_map(|p| story.platforms.iter().position(|q| &q.id == p))
        .collect()
}

pub fn map(
    story: &Arc<Story>,
    ctx: Ctx,
    active: RwSignal<usize>,
    size: RwSignal<(f64, f64)>,
) -> Map {
    let s = story.clone();
    let layout = Memo::new(move |_| {
        let (w, h) = size.get();
        track::layout(
            &track_stops(&s, ctx),
            s.platforms.len(),
            Frame::new(w, h, ctx.lang.get().is_rtl()),
        )
    });
    let s = story.clone();
    let stops = Memo::new(move |_| {
        let lang = ctx.lang.get();
        s.stations
            .iter()
            .map(|st| StopInfo {
                anchor: station_anchor(st),
                name: format!("{}: {}", ctx.station_label(st), st.title.get(lang)),
                waypoint: st.kind == StationKind::Waypoint,
            })
            .collect::<Vec<_>>()
    });
    let s = story.clone();
    let active_lines = Memo::new(move |_| {
        s.stations
            .get(active.get())
            .map(|st| lines_at(&s, &st.platforms))
            .unwrap_or_default()
    });
    let s = story.clone();
    let active_colour = Memo::new(move |_| {
        s.stations
            .get(active.get())
            .and_then(|st| st.platforms.first())
            .and_then(|p| s.platform(p))
            .map(|p| p.color.clone())
            .unwrap_or_default()
    });
    let s = story.clone();
    let line_names = Memo::new(move |_| {
        let lang = ctx.lang.get();
        s.platforms
            .iter()
            .map(|p| p.name.get(lang).to_string())
            .collect::<Vec<_>>()
    });
    Map {
        layout,
        stops,
        colours: StoredValue::new(story.platforms.iter().map(|p| p.color.clone()).collect()),
        line_names,
        active_lines,
        active_colour,
        title: title(story, ctx),
    }
}

/// "Stations from 2011 to 2018", the years read from the story; a story
/// without years is named by its title.
fn title(story: &Story, ctx: Ctx) -> Signal<String> {
    let span = story.year_span();
    let story_title = story.title.clone();
    Signal::derive(move || {
        let lang = ctx.lang.get();
        let label = match span {
            Some((from, to)) => fill(
                &t(lang).track_label,
                &[("from", &from.to_string()), ("to", &to.to_string())],
            ),
            None => story_title.get(lang).to_string(),
        };
        format::digits(&label, &ctx.locale())
    })
}
