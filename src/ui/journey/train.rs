//! The train: a locomotive and two carriages, drawn in SVG.

use leptos::prelude::*;

use super::map::Map;

/// The locomotive's outline and windscreen, nose towards +x (the static
/// page's drawing uses the same).
pub const LOCO_BODY: &str = "M-16.5 -7.5 H6 Q14 -7.5 16.5 0 Q14 7.5 6 7.5 H-16.5 Z";
pub const LOCO_GLASS: &str = "M7 -5 Q12.5 -4 14.5 0 Q12.5 4 7 5 Z";

/// A train seen from above, nose towards +x: a locomotive and two
/// carriages, each a drawing of its own, so each can follow the track's
/// bends. CSS places and turns them from the custom properties the journey
/// writes, so the train always faces the way it travels; moving them is a
/// compositor transform, not a repaint of the track. The carriages wear the
/// colours of the lines the train is riding.
#[component]
pub fn Train(node_ref: NodeRef<leptos::html::Div>, map: Map) -> impl IntoView {
    let car = move |k: usize| {
        let colour = move || {
            let current = map.active_lines.get();
            if current.is_empty() {
                return String::new();
            }
            map.colour(current[k % current.len()])
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
                <path class="loco-body" d=LOCO_BODY></path>
                <rect class="loco-stripe" x="-16" y="-1.5" width="28" height="3" rx="1.5"></rect>
                <path class="loco-glass" d=LOCO_GLASS></path>
            </svg>
            {car(0)}
            {car(1)}
        </div>
    }
}
