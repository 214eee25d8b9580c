//! The drawn map: the platform lines, where lines end, the stations (dots
//! in the SVG, links over it), the lines' names and the train, from the
//! computed layout.

use leptos::prelude::*;

use super::line_tags::line_tags;
use super::map::Map;
use super::stops::{stop_dots, stop_links};
use super::train::Train;
use crate::geometry::track::{Layout, Orientation};
use crate::text::decimal::fixed;
use crate::ui::ctx::use_ctx;

#[component]
pub fn TrackSvg(
    map: Map,
    active: RwSignal<usize>,
    on_go: Callback<usize>,
    /// The box the CSS gives the drawing; its size drives the layout.
    stage: NodeRef<leptos::html::Div>,
    /// The train's vehicles, which the journey moves.
    train: NodeRef<leptos::html::Div>,
    /// The static page's drawing (`still`), shown until the map is measured.
    still: String,
) -> impl IntoView {
    let layout = map.layout;
    let view_box =
        move || layout.with(|l| format!("0 0 {} {}", fixed(l.width, 0), fixed(l.height, 0)));
    // Nothing is drawn live until the stage has a size: the static first
    // paint (whose strict CSP forbids style attributes) shows `still`.
    // A memo: what hangs on it (the train, the dots, the links) is built
    // again only when it flips, not at every new size.
    let measured = Memo::new(move |_| layout.with(|l| l.width > 1.0 && l.height > 1.0));
    let spine = move || match measured.get() {
        true => layout.with(|l| Layout::path_d(&l.stops)),
        false => String::new(),
    };
    // Where a line stops carrying the groups before the end of the line: a
    // bar across it.
    let ends = move || match measured.get() {
        true => layout.with(Layout::line_ends_d),
        false => String::new(),
    };
    let terminus = move || match measured.get() {
        true => layout.with(Layout::terminus_d),
        false => String::new(),
    };
    // Once the app draws the map, the static drawing's few hundred nodes go
    // (hidden at once by `gone`, then removed: a phone keeps less).
    let still_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let (true, Some(el)) = (measured.get(), still_ref.get()) {
            el.set_inner_html("");
        }
    });
    let vertical = move || layout.with(|l| l.orientation == Orientation::Vertical);
    let ctx = use_ctx();
    let dir = move || ctx.lang.get().dir();
    view! {
        <div class="track-stage" class:vertical=vertical dir=dir node_ref=stage>
            // Hydration keeps the server's markup (an inner HTML is not set
            // again); it goes once the app draws the map itself.
            <div class="map-still" class:gone=measured aria-hidden="true" node_ref=still_ref inner_html=still></div>
            <svg
                class="track"
                viewBox=view_box
                width=move || layout.with(|l| fixed(l.width, 0))
                height=move || layout.with(|l| fixed(l.height, 0))
                aria-hidden="true"
                focusable="false"
            >
                <path class="spine" d=spine></path>
                {move || if measured.get() { strands(map, active) } else { Vec::new() }}
                <path class="terminus" d=terminus></path>
                <path class="line-ends" d=ends></path>
                {move || if measured.get() { stop_dots(map, active) } else { Vec::new() }}
            </svg>
            {move || measured.get().then(|| view! { <Train node_ref=train map=map /> })}
            <ol class="stops" aria-label=map.title>
                {move || if measured.get() { stop_links(map, active, on_go) } else { Vec::new() }}
            </ol>
            // The map's legend, on the map: each line named where it starts
            // and where it ends. The stations' list and the live region say
            // the same to screen readers.
            <ul class="line-tags" aria-hidden="true">
                {move || if measured.get() { line_tags(map, ctx.lang.get().is_rtl()) } else { Vec::new() }}
            </ul>
        </div>
    }
}

/// Each platform's line, styled by whether the train has left it behind,
/// is riding it, or has yet to reach it.
fn strands(map: Map, active: RwSignal<usize>) -> Vec<impl IntoView> {
    map.layout.with(|l| {
        l.strands
            .iter()
            .map(|s| {
                let (p, first, last) = (s.platform, s.first, s.last);
                let state = move || {
                    let a = active.get();
                    if a > last {
                        "strand ended"
                    } else if a < first {
                        "strand ahead"
                    } else if map.active_lines.with(|v| v.contains(&p)) {
                        "strand current"
                    } else {
                        "strand"
                    }
                };
                view! { <path class=state d=Layout::path_d(&s.points) stroke=map.colour(p)></path> }
            })
            .collect()
    })
}
