//! Watching the page: an element's size, the colour scheme, reduced motion.

use super::window;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Reports an element's content-box size whenever it changes; dropping it
/// disconnects the observer. The size is reported in the next animation
/// frame, not inside the observer's callback: a reader that redraws and so
/// resizes what is watched (a chart sets its height) would otherwise trip
/// the observer's loop limit, an error event in Firefox and WebKit.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl SizeWatch {
    pub fn new(el: &Element, on_size: impl Fn(f64, f64) + 'static) -> Option<SizeWatch> {
        let on_size = Rc::new(on_size);
        let latest = Rc::new(Cell::new(None::<(f64, f64)>));
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                    return;
                };
                let r = entry.content_rect();
                // One report a frame, of the last size seen.
                if latest.replace(Some((r.width(), r.height()))).is_none() {
                    let (latest, on_size) = (latest.clone(), on_size.clone());
                    leptos::prelude::request_animation_frame(move || {
                        if let Some((w, h)) = latest.take() {
                            on_size(w, h);
                        }
                    });
                }
            },
        );
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(SizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` whenever the system colour scheme flips (for as long as the
/// page lives: there is one such listener per page).
pub fn on_color_scheme_change(f: impl Fn() + 'static) {
    let Some(w) = window() else { return };
    let Ok(Some(mql)) = w.match_media("(prefers-color-scheme: dark)") else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = mql.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Whether the reader asked for reduced motion. Read on every train move,
/// so the media query is parsed once; `matches` stays live.
pub fn reduced_motion() -> bool {
    thread_local! {
        static QUERY: Option<web_sys::MediaQueryList> = window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    }
    QUERY.with(|q| q.as_ref().is_some_and(|m| m.matches()))
}
