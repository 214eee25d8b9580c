//! Being in another page's frame: whether we are, and what the host has
//! told us about its viewport (`embed` receives the messages).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::window;
use crate::text::decimal::parse_decimal;

/// The event `embed` fires on the window when the host's viewport moved
/// (the scroll engine listens to it instead of `scroll` in a frame).
pub const HOST_VIEW_EVENT: &str = "qitar-host-view";

/// The height of the host's sticky header from `?offset=`: whole px,
/// 1–300, or none.
pub fn parse_offset(raw: &str) -> f64 {
    parse_decimal(raw)
        .filter(|v| *v > 0.0 && *v <= 300.0)
        .map(f64::round)
        .unwrap_or(0.0)
}

/// How much of the host's viewport top its sticky header covers, in a
/// frame (`embed.js` passes `data-qitar-offset`; Pym users add `?offset=`).
pub fn host_offset() -> f64 {
    if !is_framed() {
        return 0.0;
    }
    OFFSET.with(|o| match o.get() {
        Some(v) => v,
        None => {
            let v = super::page::param("offset").map_or(0.0, |r| parse_offset(&r));
            o.set(Some(v));
            v
        }
    })
}

thread_local! {
    static OFFSET: Cell<Option<f64>> = const { Cell::new(None) };
    static HOST_VH: Cell<Option<f64>> = const { Cell::new(None) };
    static HOST_TOP: Cell<Option<f64>> = const { Cell::new(None) };
    static FRAMED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether the page runs inside another page's frame.
pub fn is_framed() -> bool {
    FRAMED.with(|f| {
        if let Some(v) = f.get() {
            return v;
        }
        let v = framed_now();
        f.set(Some(v));
        v
    })
}

/// Whether the page runs inside another page's frame (a cross-origin top
/// can still be compared; an error means framed).
fn framed_now() -> bool {
    let Some(w) = window() else {
        return false;
    };
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        _ => true,
    }
}

pub fn host_viewport_height() -> Option<f64> {
    HOST_VH.with(|h| h.get())
}

/// Whether `embed.js` hosts the frame (it adds `?id=`, or has already
/// spoken): it reports the host's viewport after each height report, scroll
/// and resize, so the frame needs no watchers of its own to follow it.
pub fn host_reports_view() -> bool {
    host_viewport_height().is_some() || super::page::param("id").is_some()
}

/// Where the frame's top is in the host's viewport, when `embed.js` says.
pub fn host_frame_top() -> Option<f64> {
    HOST_TOP.with(|h| h.get())
}

/// Records the host's viewport height and where the frame's top is in it.
pub fn set_host_view(height: f64, top: Option<f64>) {
    HOST_VH.with(|h| h.set(Some(height)));
    HOST_TOP.with(|t| t.set(top));
}

/// Runs `f` at once on a page of its own; in a frame, once the frame is
/// near the host's viewport: visible in it (an IntersectionObserver on the
/// top-level viewport), or within a screen of it by what `embed.js` says.
/// A lazy frame the browser loads far below the reader then stays a static
/// page, and costs the host nothing, until the reader comes near.
pub fn when_near(f: impl FnOnce() + 'static) {
    let (Some(w), true) = (window(), is_framed()) else {
        return f();
    };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return f();
    };
    // The start, and the watchers' removal: each runs once.
    type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;
    let pending: Once = Rc::new(RefCell::new(Some(Box::new(f))));
    let undo: Once = Rc::default();
    let go = {
        let (pending, undo) = (pending.clone(), undo.clone());
        move || {
            let f = pending.borrow_mut().take();
            if let Some(f) = f {
                let stop = undo.borrow_mut().take();
                if let Some(stop) = stop {
                    stop();
                }
                f();
            }
        }
    };
    let near = Rc::new(go);
    // The host's word: the frame's top within a screen of its viewport.
    let on_view = {
        let near = near.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let (Some(vh), Some(top), Some(h)) = (
                host_viewport_height(),
                host_frame_top(),
                window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element())
                    .map(|e| f64::from(e.scroll_height())),
            ) {
                if top < 2.0 * vh && top + h > -vh {
                    near();
                }
            }
        })
    };
    let _ = w.add_event_listener_with_callback(HOST_VIEW_EVENT, on_view.as_ref().unchecked_ref());
    // Visible in the top-level viewport (margins count only same-origin).
    let on_seen = {
        let near = near.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let seen = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if seen {
                near();
            }
        })
    };
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options)
    else {
        return near();
    };
    observer.observe(&root);
    let w2 = w.clone();
    *undo.borrow_mut() = Some(Box::new(move || {
        observer.disconnect();
        let _ = w2
            .remove_event_listener_with_callback(HOST_VIEW_EVENT, on_view.as_ref().unchecked_ref());
        // Dropped after this turn, not inside their own calls.
        super::tasks::next_task(move || drop((on_view, on_seen)));
    }));
}
