//! The drawn track: platform lines, stations as links, and the train, as
//! SVG from a computed `track::Layout`.

use leptos::prelude::*;

use crate::format::fixed;
use crate::track::{self, Layout, Orientation};

/// The size of the lines' names under the track, in px (keep in step with
/// `.line-tag` in style/main.css).
pub const TAG_FONT: f64 = 11.0;

/// What the drawing needs to know about each stop besides its geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct StopInfo {
    pub anchor: String,
    /// The accessible name of the link: year and title.
    pub name: String,
    pub waypoint: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineInfo {
    pub color: String,
}

/// The colour of line `p`, or none.
fn colour_of(lines: &[LineInfo], p: usize) -> String {
    lines.get(p).map(|c| c.color.clone()).unwrap_or_default()
}

#[component]
pub fn TrackSvg(
    layout: Memo<Layout>,
    stops: Signal<Vec<StopInfo>>,
    lines: Vec<LineInfo>,
    active: RwSignal<usize>,
    /// Platform indices served by the active stop.
    active_lines: Signal<Vec<usize>>,
    title: Signal<String>,
    dir: Signal<&'static str>,
    on_go: Callback<usize>,
    /// The box the CSS gives the drawing; its size drives the layout.
    stage: NodeRef<leptos::html::Div>,
    /// The train's vehicles, which the journey moves.
    train: NodeRef<leptos::html::Div>,
    /// The lines' names in the reader's language.
    line_names: Signal<Vec<String>>,
) -> impl IntoView {
    let view_box =
        move || layout.with(|l| format!("0 0 {} {}", fixed(l.width, 0), fixed(l.height, 0)));
    let train_lines = lines.clone();
    let tag_lines = lines.clone();
    // Nothing is drawn until the stage has a size: the static first paint
    // (and its strict CSP, which forbids style attributes) gets an empty stage.
    let measured = move || layout.with(|l| l.width > 1.0 && l.height > 1.0);
    let strands = move || {
        let l = layout.get();
        if !measured() {
            return Vec::new();
        }
        l.strands
            .iter()
            .map(|s| {
                let d = Layout::path_d(&s.points);
                let (p, first, last) = (s.platform, s.first, s.last);
                let color = colour_of(&lines, p);
                let state = move || {
                    let a = active.get();
                    if a > last {
                        "strand ended"
                    } else if a < first {
                        "strand ahead"
                    } else if active_lines.with(|v| v.contains(&p)) {
                        "strand current"
                    } else {
                        "strand"
                    }
                };
                view! { <path class=state d=d stroke=color></path> }
            })
            .collect::<Vec<_>>()
    };
    let spine = move || {
        if measured() {
            layout.with(|l| Layout::path_d(&l.stops))
        } else {
            String::new()
        }
    };
    // Where a line stops carrying the groups before the end of the line: a
    // bar across it.
    let ends = move || {
        let l = layout.get();
        if !measured() {
            return String::new();
        }
        let n = l.stops.len();
        l.strands
            .iter()
            .filter(|s| s.last + 1 < n && s.points.len() >= 2)
            .map(|s| {
                let k = s.points.len();
                Layout::bar_across_d(s.points[k - 2], s.points[k - 1], 0.0, 6.0)
            })
            .collect::<String>()
    };
    let tags = move || {
        let l = layout.get();
        if !measured() {
            return Vec::new();
        }
        let names = line_names.get();
        let rtl = dir.get() == "rtl";
        track::line_tags(&l, &names, TAG_FONT, rtl)
            .into_iter()
            .map(|t| {
                let b = t.bbox;
                let swatches = t
                    .platforms
                    .iter()
                    .map(|&p| {
                        let color = colour_of(&tag_lines, p);
                        let name = names.get(p).cloned().unwrap_or_default();
                        view! {
                            <span class="line-name">
                                <svg viewBox="0 0 10 4" focusable="false" aria-hidden="true">
                                    <rect width="10" height="4" rx="1.5" fill=color></rect>
                                </svg>
                                {name}
                            </span>
                        }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <li
                        class="line-tag"
                        class:line-end=t.end
                        style=("left", format!("{}px", fixed(b.x, 1)))
                        style=("top", format!("{}px", fixed(b.y, 1)))
                        style=("width", format!("{}px", fixed(b.w, 1)))
                    >
                        {swatches}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let terminus = move || {
        layout.with(|l| {
            let n = l.stops.len();
            if n < 2 {
                return String::new();
            }
            Layout::bar_across_d(l.stops[n - 2], l.stops[n - 1], 14.0, 14.0)
        })
    };
    // Each stop with its place, its label and what it stands for; none
    // until the stage has a size.
    let placed = move || {
        let l = layout.get();
        if !measured() {
            return Vec::new();
        }
        l.stops
            .into_iter()
            .zip(l.labels)
            .zip(stops.get())
            .map(|((p, label), st)| (p, label, st))
            .collect::<Vec<_>>()
    };
    let dots = move || {
        placed()
            .into_iter()
            .enumerate()
            .map(|(i, (p, _, st))| {
                let r = if st.waypoint { "5.5" } else { "7" };
                view! {
                    <circle
                        class="stop-dot"
                        class:waypoint=st.waypoint
                        class:active=move || active.get() == i
                        class:passed=move || { active.get() > i }
                        cx=fixed(p.x, 1)
                        cy=fixed(p.y, 1)
                        r=r
                    ></circle>
                }
            })
            .collect::<Vec<_>>()
    };
    // The links are HTML over the drawing: real, focusable, and set with the
    // page's own fonts and bidi.
    let links = move || {
        placed()
            .into_iter()
            .enumerate()
            .map(|(i, (p, label, st))| {
                let b = label.bbox;
                // The hit box covers the dot and the label, at least 24 px.
                let x0 = b.x.min(p.x - 12.0);
                let y0 = b.y.min(p.y - 12.0);
                let x1 = (b.x + b.w).max(p.x + 12.0);
                let y1 = (b.y + b.h).max(p.y + 12.0);
                // The lines are blocks; the space a line broke at stays in
                // the accessible text ("Rented apps", but "2017–2018").
                let n = label.lines.len();
                let lines = label
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(k, line)| {
                        // A break after a dash had no space to keep.
                        let joined = k + 1 == n || line.ends_with(['–', '-']);
                        let text = if joined {
                            line.clone()
                        } else {
                            format!("{line} ")
                        };
                        view! { <span class="stop-line">{text}</span> }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <li>
                        <a
                            class="stop"
                            class:active=move || active.get() == i
                            href=format!("#{}", st.anchor)
                            aria-label=st.name.clone()
                            aria-current=move || (active.get() == i).then_some("step")
                            data-stop=i
                            style=("left", format!("{}px", fixed(x0, 1)))
                            style=("top", format!("{}px", fixed(y0, 1)))
                            style=("width", format!("{}px", fixed(x1 - x0, 1)))
                            style=("height", format!("{}px", fixed(y1 - y0, 1)))
                            style=("--lx", format!("{}px", fixed(b.x - x0, 1)))
                            style=("--ly", format!("{}px", fixed(b.y - y0, 1)))
                            style=("--lw", format!("{}px", fixed(b.w, 1)))
                            style=("--lh", format!("{}px", fixed(label.line_height, 1)))
                            on:click=move |ev: web_sys::MouseEvent| {
                                ev.prevent_default();
                                on_go.run(i);
                            }
                        >
                            <span class="stop-label">{lines}</span>
                        </a>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let vertical = move || layout.with(|l| l.orientation == Orientation::Vertical);
    view! {
        <div
            class="track-stage"
            class:vertical=vertical
            dir=dir
            node_ref=stage
        >
            <svg
                class="track"
                viewBox=view_box
                width=move || layout.with(|l| fixed(l.width, 0))
                height=move || layout.with(|l| fixed(l.height, 0))
                aria-hidden="true"
                focusable="false"
            >
                <path class="spine" d=spine></path>
                {strands}
                <path class="terminus" d=terminus></path>
                <path class="line-ends" d=ends></path>
                {dots}
            </svg>
            {move || measured().then(|| view! { <Train node_ref=train lines=train_lines.clone() active_lines=active_lines /> })}
            <ol class="stops" aria-label=title>
                {links}
            </ol>
            // The map's legend, on the map: each line named where it starts
            // and where it ends. The stations' list and the live region say
            // the same to screen readers.
            <ul class="line-tags" aria-hidden="true">{tags}</ul>
        </div>
    }
}

/// The train's vehicles, front first: a locomotive and two carriages, their
/// centres this far apart along the track (px, before scaling).
pub const CARRIAGE_GAPS: [f64; 2] = [33.0, 62.0];

/// How big the train is drawn on a track this wide: 69 px long on a phone's
/// strip, 101 px beside the text on a wide screen.
pub fn train_scale(track_width: f64) -> f64 {
    if track_width < 600.0 {
        0.75
    } else {
        1.1
    }
}

/// A train seen from above, nose towards +x: a locomotive and two
/// carriages, each a drawing of its own, so each can follow the track's
/// bends. CSS places and turns them from the custom properties the journey
/// writes, so the train always faces the way it travels; moving them is a
/// compositor transform, not a repaint of the track. The carriages wear the
/// colours of the lines the train is riding.
#[component]
fn Train(
    node_ref: NodeRef<leptos::html::Div>,
    lines: Vec<LineInfo>,
    active_lines: Signal<Vec<usize>>,
) -> impl IntoView {
    let lines = std::sync::Arc::new(lines);
    let car = move |k: usize| {
        let lines = lines.clone();
        let colour = move || {
            let current = active_lines.get();
            if current.is_empty() {
                return String::new();
            }
            let p = current[k % current.len()];
            colour_of(&lines, p)
        };
        view! {
            <svg class="train train-car" viewBox="-13 -7 26 14" width="26" height="14" aria-hidden="true" focusable="false">
                <rect class="car-body" x="-12.5" y="-6.5" width="25" height="13" rx="3" fill=colour></rect>
                <rect class="car-roof" x="-9.5" y="-3" width="19" height="6" rx="1.5"></rect>
            </svg>
        }
    };
    view! {
        <div class="train-set" node_ref=node_ref aria-hidden="true">
            <svg class="train train-head" viewBox="-17 -8 34 16" width="34" height="16" aria-hidden="true" focusable="false">
                <path class="loco-body" d="M-16.5 -7.5 H6 Q14 -7.5 16.5 0 Q14 7.5 6 7.5 H-16.5 Z"></path>
                <rect class="loco-stripe" x="-16" y="-1.5" width="28" height="3" rx="1.5"></rect>
                <path class="loco-glass" d="M7 -5 Q12.5 -4 14.5 0 Q12.5 4 7 5 Z"></path>
            </svg>
            {car(0)}
            {car(1)}
        </div>
    }
}
