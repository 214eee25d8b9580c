//! The scroll engine (the Scrollama pattern) in the browser: it finds the
//! reading line and hands it to `geometry::scroll` to place.
//!
//! On a top-level page it reads the reading line on each (passive) scroll
//! event, which browsers fire at most once a frame. In a frame, only the
//! host page may scroll: `embed.js` then tells where the frame is in the
//! host's view; under another host (Pym, a bare iframe) a ruler of blocks
//! runs down the journey, and an implicit-root IntersectionObserver reports
//! which part of each the *top-level* viewport shows (a callback every
//! `BLOCK / STEPS` px of scroll at the viewport's edges). Layout is read once
//! per event or observer callback, and on resize.

use super::frame::{self, HOST_VIEW_EVENT};
use super::window;
use crate::geometry::scroll::{line_from_visible, locate, Position, View, EDGE};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, ResizeObserver,
};

/// The ruler's blocks, in px, and the steps of each block's visible share
/// the observer reports: the reading line's resolution when framed is
/// 160 / 8 = 20 px. (A block per 20 px was ~600 elements on a phone: a
/// 70 ms task to lay on a 4x slowed phone, and the observer's work every
/// frame.) A block must be shorter than the viewport, so that each edge of
/// the viewport cuts one whose visible share changes as the host scrolls.
const BLOCK: f64 = 160.0;
const STEPS: u32 = 8;

/// How long a frame that `embed.js` seems to host waits for the host's
/// word before it lays its own ruler (a stale or missing loader).
const HOST_SILENCE: Duration = Duration::from_secs(2);

struct State {
    container: HtmlElement,
    steps: Vec<HtmlElement>,
    tops: Vec<f64>,
    end: f64,
    /// Only when framed.
    ruler: Option<HtmlElement>,
    blocks: Vec<Element>,
    /// What the top-level viewport shows of each block, in px from the
    /// journey's top.
    seen: Vec<Option<(f64, f64)>>,
    framed: bool,
    viewport: f64,
    height: f64,
    screen: f64,
    on_change: Rc<dyn Fn(Position, View)>,
    last: Option<Position>,
    last_view: View,
}

/// Owns the observers; dropping it disconnects them.
pub struct Engine {
    state: Rc<RefCell<State>>,
    io: IntersectionObserver,
    ro: ResizeObserver,
    _io_cb: Closure<dyn FnMut(js_sys::Array)>,
    _ro_cb: Closure<dyn FnMut(js_sys::Array)>,
    scroll_cb: Option<Closure<dyn FnMut()>>,
}

impl State {
    /// Reads the steps' positions: the only layout read besides the
    /// reading line itself.
    fn measure(&mut self) {
        let base = self.container.get_bounding_client_rect().top();
        self.tops = self
            .steps
            .iter()
            .map(|s| s.get_bounding_client_rect().top() - base)
            .collect();
        let base_rect = self.container.get_bounding_client_rect();
        self.height = base_rect.height();
        self.end = self
            .steps
            .last()
            .map(|s| s.get_bounding_client_rect().bottom() - base)
            .unwrap_or(self.height);
        if let Some(h) = frame::host_viewport_height() {
            self.viewport = h;
        }
        if !self.framed {
            self.viewport = window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(self.viewport);
        }
    }

    fn line(&mut self) -> Option<f64> {
        if !self.framed {
            let top = self.container.get_bounding_client_rect().top();
            return Some(self.viewport / 2.0 - top);
        }
        // embed.js says exactly where the frame is in the host's view;
        // without it (Pym), the ruler tells to within a few px.
        if let (Some(frame_top), Some(h)) = (frame::host_frame_top(), frame::host_viewport_height())
        {
            self.viewport = h;
            let top = self.container.get_bounding_client_rect().top();
            let line = h / 2.0 - frame_top - top;
            let inside = line + h / 2.0 > 0.0 && line - h / 2.0 < self.height;
            return inside.then_some(line);
        }
        let (top, bottom) = self.seen.iter().flatten().fold(
            None,
            |acc: Option<(f64, f64)>, &(t, b)| match acc {
                Some((t0, b0)) => Some((t0.min(t), b0.max(b))),
                None => Some((t, b)),
            },
        )?;
        if top > EDGE && bottom < self.height - EDGE && frame::host_viewport_height().is_none() {
            // Both edges inside the page: the viewport's height is exact.
            // No viewport is taller than the screen, whatever a
            // misbehaving observer reports.
            self.viewport = (bottom - top).min(self.screen);
        }
        Some(line_from_visible(top, bottom, self.height, self.viewport))
    }

    fn update(&mut self) -> Option<(Position, View)> {
        // In a frame, the host's sticky header covers the viewport's
        // top: the reader's view, and its middle, start below it.
        let offset = frame::host_offset();
        let line = self.line();
        let pos = match line {
            Some(line) => locate(line + offset / 2.0, &self.tops, self.end),
            // Nothing of the journey is on screen: keep the last position.
            None => match self.last {
                Some(p) => Position { inside: false, ..p },
                None => locate(f64::NEG_INFINITY, &self.tops, self.end),
            },
        };
        let view = match line {
            Some(line) => View {
                top: line - self.viewport / 2.0 + offset,
                height: (self.viewport - offset).max(0.0),
                steps_top: self.tops.first().copied().unwrap_or(0.0),
                steps_end: self.end,
            },
            None => self.last_view,
        };
        if self.last != Some(pos) || self.last_view != view {
            self.last = Some(pos);
            self.last_view = view;
            return Some((pos, view));
        }
        None
    }
}

/// Runs `change` on the state, then tells the listener of a new position
/// once the state is released: the listener may call back into the
/// engine (a refresh), which would otherwise find it borrowed and panic.
fn notify(state: &Rc<RefCell<State>>, change: impl FnOnce(&mut State) -> Option<(Position, View)>) {
    let (news, listener) = {
        let mut s = state.borrow_mut();
        (change(&mut s), s.on_change.clone())
    };
    if let Some((pos, view)) = news {
        listener(pos, view);
    }
}

impl Engine {
    /// Watches `steps` inside `container`; `on_change` gets every new
    /// position (at most once a frame).
    pub fn new(
        container: HtmlElement,
        steps: Vec<HtmlElement>,
        on_change: impl Fn(Position, View) + 'static,
    ) -> Result<Engine, JsValue> {
        // Natively (the prerender) there is nothing to watch.
        if window().is_none() {
            return Err(JsValue::NULL);
        }
        let framed = frame::is_framed();
        // No ruler to lay and observe when embed.js says where the frame is.
        let wait_for_host = framed && frame::host_reports_view();
        let ruler = if framed && !wait_for_host {
            Some(make_ruler(&container)?)
        } else {
            None
        };
        let viewport = window()
            .and_then(|w| w.screen().ok())
            .and_then(|s| s.avail_height().ok())
            .map(|h| h as f64)
            .unwrap_or(800.0);
        let state = Rc::new(RefCell::new(State {
            container: container.clone(),
            steps,
            tops: Vec::new(),
            end: 0.0,
            ruler,
            blocks: Vec::new(),
            seen: Vec::new(),
            framed,
            viewport,
            height: 0.0,
            screen: viewport,
            on_change: Rc::new(on_change),
            last: None,
            last_view: View::default(),
        }));

        let st = state.clone();
        let io_cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            notify(&st, |s| {
                for e in entries.iter() {
                    let e: IntersectionObserverEntry = e.unchecked_into();
                    let target = e.target();
                    if let Some(i) = target
                        .get_attribute("data-i")
                        .and_then(|v| v.parse::<usize>().ok())
                    {
                        // Both rects are in the frame's coordinates; the
                        // block's own top gives the journey's.
                        let origin = e.bounding_client_rect().top() - i as f64 * BLOCK;
                        let r = e.intersection_rect();
                        if let Some(v) = s.seen.get_mut(i) {
                            *v = e
                                .is_intersecting()
                                .then(|| (r.top() - origin, r.bottom() - origin));
                        }
                    }
                }
                s.update()
            });
        });
        let init = IntersectionObserverInit::new();
        let steps: js_sys::Array = (0..=STEPS)
            .map(|k| JsValue::from_f64(f64::from(k) / f64::from(STEPS)))
            .collect();
        init.set_threshold(&steps);
        let io = IntersectionObserver::new_with_options(io_cb.as_ref().unchecked_ref(), &init)?;

        let st = state.clone();
        let io2 = io.clone();
        let ro_cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            notify(&st, |s| {
                s.measure();
                rebuild_ruler(s, &io2);
                s.update()
            });
        });
        let ro = ResizeObserver::new(ro_cb.as_ref().unchecked_ref())?;
        ro.observe(&container);

        if wait_for_host {
            let (st, io3) = (Rc::downgrade(&state), io.clone());
            leptos::prelude::set_timeout(
                move || {
                    let Some(st) = st.upgrade() else { return };
                    if frame::host_frame_top().is_some() {
                        return;
                    }
                    notify(&st, |s| {
                        s.ruler = make_ruler(&s.container).ok();
                        rebuild_ruler(s, &io3);
                        s.update()
                    });
                },
                HOST_SILENCE,
            );
        }

        // The page's own scroll, or in a frame the host's, as embed.js
        // reports it.
        let scroll_cb = {
            let st = state.clone();
            let cb = Closure::<dyn FnMut()>::new(move || notify(&st, State::update));
            let opts = web_sys::AddEventListenerOptions::new();
            opts.set_passive(true);
            window()
                .unwrap()
                .add_event_listener_with_callback_and_add_event_listener_options(
                    scroll_event(framed),
                    cb.as_ref().unchecked_ref(),
                    &opts,
                )?;
            Some(cb)
        };

        Ok(Engine {
            state,
            io,
            ro,
            _io_cb: io_cb,
            _ro_cb: ro_cb,
            scroll_cb,
        })
    }

    /// Re-reads positions now (after a language switch, say).
    pub fn refresh(&self) {
        let io = self.io.clone();
        notify(&self.state, |s| {
            s.measure();
            rebuild_ruler(s, &io);
            s.update()
        });
    }
}

/// The blocks' container, laid over the journey.
fn make_ruler(container: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let doc = window().unwrap().document().unwrap();
    let ruler: HtmlElement = doc.create_element("div")?.unchecked_into();
    ruler.set_class_name("scroll-ruler");
    ruler.set_attribute("aria-hidden", "true")?;
    // Set through the CSSOM, not a style attribute (strict CSP), and
    // not left to the stylesheet: the engine must work on its own.
    let css = ruler.style();
    css.set_property("position", "absolute")?;
    css.set_property("inset", "0")?;
    css.set_property("pointer-events", "none")?;
    css.set_property("visibility", "hidden")?;
    // Blocks past the container's end must not make it taller
    // (an auto-height iframe would grow without end).
    css.set_property("overflow", "hidden")?;
    // The ruler is measured against the container: make it the
    // containing block if it is not one already.
    let positioned = window()
        .and_then(|w| w.get_computed_style(container).ok().flatten())
        .and_then(|cs| cs.get_property_value("position").ok())
        .is_some_and(|p| p != "static");
    if !positioned {
        container.style().set_property("position", "relative")?;
    }
    container.append_child(&ruler)?;
    Ok(ruler)
}

fn rebuild_ruler(s: &mut State, io: &IntersectionObserver) {
    let Some(ruler) = s.ruler.clone() else {
        return;
    };
    // The last block may run past the end: the ruler clips it.
    let count = (s.height / BLOCK).ceil().max(1.0) as usize;
    if count == s.blocks.len() {
        return;
    }
    let doc = window().unwrap().document().unwrap();
    while s.blocks.len() > count {
        if let Some(el) = s.blocks.pop() {
            io.unobserve(&el);
            el.remove();
        }
    }
    while s.blocks.len() < count {
        let i = s.blocks.len();
        let Ok(el) = doc.create_element("div") else {
            break;
        };
        let _ = el.set_attribute("data-i", &i.to_string());
        if let Some(h) = el.dyn_ref::<HtmlElement>() {
            let css = h.style();
            let _ = css.set_property("position", "absolute");
            let _ = css.set_property("inset-inline-start", "0");
            let _ = css.set_property("inline-size", "1px");
            // Through `fixed`: formatting an f64 with `{}` would bring
            // core's float printing into the first view (~7 KB br).
            let px = |v: f64| format!("{}px", crate::text::decimal::fixed(v, 1));
            let _ = css.set_property("block-size", &px(BLOCK));
            let _ = css.set_property("inset-block-start", &px(i as f64 * BLOCK));
        }
        let _ = ruler.append_child(&el);
        io.observe(&el);
        s.blocks.push(el);
    }
    s.seen.resize(count, None);
}

fn scroll_event(framed: bool) -> &'static str {
    if framed {
        HOST_VIEW_EVENT
    } else {
        "scroll"
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.io.disconnect();
        self.ro.disconnect();
        if let (Some(cb), Some(w)) = (&self.scroll_cb, window()) {
            let framed = self.state.borrow().framed;
            let _ = w.remove_event_listener_with_callback(
                scroll_event(framed),
                cb.as_ref().unchecked_ref(),
            );
        }
        if let Some(ruler) = &self.state.borrow().ruler {
            ruler.remove();
        }
    }
}
