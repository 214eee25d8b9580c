//! The lines' names on the map, each with its colour, where the line
//! starts and where it ends (placed by `geometry::line_tags`).

use leptos::prelude::*;

use super::map::Map;
use crate::geometry::line_tags::{self, TAG_FONT};
use crate::text::decimal::fixed;

pub fn line_tags(map: Map, rtl: bool) -> Vec<impl IntoView> {
    let names = map.line_names.get();
    let font = format!("{}px", fixed(TAG_FONT, 1));
    map.layout.with(|l| {
        line_tags::line_tags(l, &names, TAG_FONT, rtl)
            .into_iter()
            .map(|t| {
                let b = t.bbox;
                let swatches = t
                    .platforms
                    .iter()
                    .map(|&p| {
                        let name = names.get(p).cloned().unwrap_or_default();
                        view! {
                            <span class="line-name">
                                <svg viewBox="0 0 10 4" focusable="false" aria-hidden="true">
                                    <rect width="10" height="4" rx="1.5" fill=map.colour(p)></rect>
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
                        style=("--tag-font", font.clone())
                    >
                        {swatches}
                    </li>
                }
            })
            .collect()
    })
}
