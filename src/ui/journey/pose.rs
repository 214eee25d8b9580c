//! Writing the train's place on every scroll frame: each vehicle's
//! position and heading, the progress bar, and (in a frame that cannot be
//! sticky) the map's own offset. Only the moving parts get custom
//! properties: written on the map, they would restyle every stop and label
//! each frame.

use leptos::html;
use leptos::prelude::*;

use super::map::Map;
use crate::browser::{dom, frame, observe};
use crate::geometry::scroll::{train_progress, Position, View};
use crate::geometry::train::{train_scale, vehicles};
use crate::geometry::within;
use crate::text::decimal::fixed;

/// The elements a frame writes to, and the last state written.
#[derive(Clone, Copy)]
pub struct PoseWriter {
    pub map: Map,
    pub body: NodeRef<html::Div>,
    pub figure: NodeRef<html::Nav>,
    pub bar: NodeRef<html::Span>,
    pub train: NodeRef<html::Div>,
    /// The last engine position, to re-place the train when the layout changes.
    pub last: StoredValue<Option<(Position, View)>>,
    last_figure_css: StoredValue<String>,
}

impl PoseWriter {
    pub fn new(map: Map) -> PoseWriter {
        PoseWriter {
            map,
            body: NodeRef::new(),
            figure: NodeRef::new(),
            bar: NodeRef::new(),
            train: NodeRef::new(),
            last: StoredValue::new(None),
            last_figure_css: StoredValue::new(String::new()),
        }
    }

    /// Places the train for the engine's position, and remembers it.
    pub fn write(&self, pos: Position, view: View) {
        self.last.set_value(Some((pos, view)));
        let Some(fig) = self.figure.get_untracked() else {
            return;
        };
        let p = train_progress(pos, observe::reduced_motion());
        let t = self.map.layout.with_untracked(|l| {
            self.place_vehicles(l, p);
            l.pose(p).t
        });
        if let Some(bar) = self.bar.get_untracked() {
            dom::set_css_text(&bar, &format!("--t:{}", fixed(t, 4)));
        }
        let css = format!(
            "--line:{}{}",
            self.map.active_colour.get_untracked(),
            self.held_in_host_view(&fig, view)
        );
        if self.last_figure_css.with_value(|last| *last != css) {
            dom::set_css_text(&fig, &css);
            self.last_figure_css.set_value(css);
        }
    }

    /// Writes the last position again (the layout or the line changed).
    pub fn rewrite(&self) {
        if let Some((p, v)) = self.last.get_value() {
            self.write(p, v);
        }
    }

    fn place_vehicles(&self, l: &crate::geometry::track::Layout, progress: f64) {
        let Some(set) = self.train.get_untracked() else {
            return;
        };
        let cars = set.children();
        let scale = fixed(train_scale(l.width), 3);
        for (k, v) in vehicles(l, progress).into_iter().enumerate() {
            let Some(el) = cars.item(k as u32) else {
                break;
            };
            let css = format!(
                "--tx:{};--ty:{};--ta:{};--ts:{scale}{}",
                fixed(v.pose.at.x, 2),
                fixed(v.pose.at.y, 2),
                fixed(v.pose.angle, 2),
                if v.waiting { ";opacity:0" } else { "" }
            );
            dom::set_css_text(&el, &css);
        }
    }

    /// In an auto-height iframe nothing inside scrolls, so `sticky` never
    /// engages: the map is held in the host's viewport by hand. Beside the
    /// stations it starts level with them and is as tall as the host's
    /// view; as a strip above them (phones) it keeps its own height and
    /// starts its own height higher.
    fn held_in_host_view(&self, fig: &web_sys::HtmlElement, view: View) -> String {
        if !frame::is_framed() || view.height <= 0.0 {
            return String::new();
        }
        let strip = self
            .body
            .get_untracked()
            .is_some_and(|b| fig.offset_width() + 1 >= b.offset_width());
        let fig_h = if strip {
            f64::from(fig.offset_height())
        } else {
            view.height
        };
        let natural = if strip {
            view.steps_top - fig_h
        } else {
            view.steps_top
        };
        let room = (view.steps_end - natural - fig_h).max(0.0);
        let stick = within(view.top - natural, 0.0, room);
        format!(
            ";transform:translateY({}px);--host-vh:{}px",
            fixed(stick, 1),
            fixed(view.height, 0)
        )
    }
}
