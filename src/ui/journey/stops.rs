//! The stations on the map: a dot each in the drawing, and over it a real
//! link (focusable, set in the page's fonts and bidi) with the station's
//! name, wrapped as the layout wrapped it.

use leptos::prelude::*;

use super::map::Map;
use crate::text::decimal::fixed;

/// The dots, marked passed or active as the train moves.
pub fn stop_dots(map: Map, active: RwSignal<usize>) -> Vec<impl IntoView> {
    let stops = map.stops.get();
    map.layout.with(|l| {
        l.stops
            .iter()
            .zip(stops)
            .enumerate()
            .map(|(i, (p, st))| {
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
            .collect()
    })
}

/// The links: each covers its dot and its label (at least 24 px), and
/// takes the reader to its station.
pub fn stop_links(map: Map, active: RwSignal<usize>, on_go: Callback<usize>) -> Vec<impl IntoView> {
    let stops = map.stops.get();
    map.layout.with(|l| {
        let font = format!("{}px", fixed(l.font, 1));
        l.stops
            .iter()
            .zip(&l.labels)
            .zip(stops)
            .enumerate()
            .map(|(i, ((p, label), st))| {
                let b = label.bbox;
                let x0 = b.x.min(p.x - 12.0);
                let y0 = b.y.min(p.y - 12.0);
                let x1 = (b.x + b.w).max(p.x + 12.0);
                let y1 = (b.y + b.h).max(p.y + 12.0);
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
                            style=("--lf", font.clone())
                            on:click=move |ev: web_sys::MouseEvent| {
                                ev.prevent_default();
                                on_go.run(i);
                            }
                        >
                            <span class="stop-label">{label_lines(&label.lines)}</span>
                        </a>
                    </li>
                }
            })
            .collect()
    })
}

/// The label's lines as blocks; the space a line broke at stays in the
/// accessible text ("Rented apps", but "2017–2018": a break after a dash
/// had no space to keep).
fn label_lines(lines: &[String]) -> Vec<impl IntoView> {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let joined = k + 1 == n || line.ends_with(['–', '-']);
            let text = if joined {
                line.clone()
            } else {
                format!("{line} ")
            };
            view! { <span class="stop-line">{text}</span> }
        })
        .collect()
}
