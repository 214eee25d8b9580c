//! Moving between stations: by the map's links and by the arrow keys
//! (mirrored right to left), Home and End.

use leptos::html;
use leptos::prelude::*;

use crate::browser::{dom, observe, place};
use crate::ui::ctx::Ctx;

/// Scrolls so station `i` has just crossed the reading line, which makes
/// it the active one.
pub fn go_to_station(body: NodeRef<html::Div>, i: usize) {
    let Some(el) = body
        .get_untracked()
        .and_then(|b| dom::first(&b, &format!("ol.stations > li:nth-child({})", i + 1)))
    else {
        return;
    };
    place::to_reading_line(&el, !observe::reduced_motion());
}

/// The station a key takes the reader to from `cur`, of `count`.
pub fn next_station(key: &str, cur: usize, count: usize, rtl: bool) -> Option<usize> {
    let next = match key {
        "ArrowDown" => Some(cur + 1),
        "ArrowUp" => cur.checked_sub(1),
        "ArrowRight" if rtl => cur.checked_sub(1),
        "ArrowRight" => Some(cur + 1),
        "ArrowLeft" if rtl => Some(cur + 1),
        "ArrowLeft" => cur.checked_sub(1),
        "Home" => Some(0),
        "End" => count.checked_sub(1),
        _ => None,
    };
    next.filter(|&i| i < count)
}

/// The map's key handler: moves to the station and focuses its link.
pub fn on_key(
    ctx: Ctx,
    active: RwSignal<usize>,
    count: usize,
    body: NodeRef<html::Div>,
    figure: NodeRef<html::Nav>,
) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev| {
        let rtl = ctx.lang.get_untracked().is_rtl();
        if let Some(i) = next_station(&ev.key(), active.get_untracked(), count, rtl) {
            ev.prevent_default();
            go_to_station(body, i);
            if let Some(f) = figure.get_untracked() {
                dom::focus_in(&f, &format!("[data-stop='{i}']"));
            }
        }
    }
}
