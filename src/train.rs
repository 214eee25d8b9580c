//! The drawn track: platform lines, stations as links, and the train, as
//! SVG from a computed `track::Layout`.

use leptos::prelude::*;

use crate::track::{Layout, Orientation};

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
    /// The train's drawing, which the journey moves.
    train: NodeRef<leptos::svg::Svg>,
) -> impl IntoView {
    let view_box = move || layout.with(|l| format!("0 0 {:.0} {:.0}", l.width, l.height));
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
                let color = lines.get(p).map(|c| c.color.clone()).unwrap_or_default();
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
    let terminus = move || {
        layout.with(|l| {
            let n = l.stops.len();
            if n < 2 {
                return String::new();
            }
            let (a, b) = (l.stops[n - 2], l.stops[n - 1]);
            let len = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt().max(1.0);
            let (nx, ny) = ((a.y - b.y) / len * 14.0, (b.x - a.x) / len * 14.0);
            format!(
                "M{:.1} {:.1} L{:.1} {:.1}",
                b.x + (b.x - a.x) / len * 14.0 + nx,
                b.y + (b.y - a.y) / len * 14.0 + ny,
                b.x + (b.x - a.x) / len * 14.0 - nx,
                b.y + (b.y - a.y) / len * 14.0 - ny
            )
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
                let r = if st.waypoint { 5.5 } else { 7.0 };
                view! {
                    <circle
                        class="stop-dot"
                        class:waypoint=st.waypoint
                        class:active=move || active.get() == i
                        class:passed=move || { active.get() > i }
                        cx=format!("{:.1}", p.x)
                        cy=format!("{:.1}", p.y)
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
                            style=("left", format!("{x0:.1}px"))
                            style=("top", format!("{y0:.1}px"))
                            style=("width", format!("{:.1}px", x1 - x0))
                            style=("height", format!("{:.1}px", y1 - y0))
                            style=("--lx", format!("{:.1}px", b.x - x0))
                            style=("--ly", format!("{:.1}px", b.y - y0))
                            style=("--lw", format!("{:.1}px", b.w))
                            style=("--lh", format!("{:.1}px", label.line_height))
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
                width=move || layout.with(|l| format!("{:.0}", l.width))
                height=move || layout.with(|l| format!("{:.0}", l.height))
                aria-hidden="true"
                focusable="false"
            >
                <path class="spine" d=spine></path>
                {strands}
                <path class="terminus" d=terminus></path>
                {dots}
            </svg>
            {move || measured().then(|| view! { <Train node_ref=train /> })}
            <ol class="stops" aria-label=title>
                {links}
            </ol>
        </div>
    }
}

/// A train seen from above, nose towards +x. CSS places and turns it from
/// the custom properties the scroll engine writes, so it always faces the
/// way it travels. It is a drawing of its own over the track, so moving it
/// is a compositor transform, not a repaint of the whole track.
#[component]
fn Train(node_ref: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    view! {
        <svg
            node_ref=node_ref
            class="train"
            viewBox="-30 -15 60 30"
            width="60"
            height="30"
            aria-hidden="true"
            focusable="false"
        >
            <rect class="train-car" x="-27" y="-7" width="20" height="14" rx="3"></rect>
            <path class="train-loco" d="M-5 -7 H9 Q17 -7 21 0 Q17 7 9 7 H-5 Z"></path>
            <rect class="train-stripe" x="-25" y="-1.5" width="38" height="3" rx="1.5"></rect>
            <path class="train-glass" d="M12 -4.5 Q17 -3.5 18.5 0 Q17 3.5 12 4.5 Z"></path>
        </svg>
    }
}
