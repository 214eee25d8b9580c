//! When work runs: in a task of its own, after a paint, when the browser is idle.

use super::window;
use wasm_bindgen::JsCast;

/// Runs `f` in a task of its own, after the browser has had a turn.
pub fn next_task(f: impl FnOnce() + 'static) {
    let Some(w) = window() else {
        return f();
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}

/// Runs `f` once the browser has painted the next frame, so start-up work
/// never delays the static page's first paint.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else {
        return f();
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || next_task(f));
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Runs `f` when the browser is idle, or a second on at the latest (a
/// frame the browser has just stopped throttling may not get an idle
/// period for long); Safari has no `requestIdleCallback`: a quiet moment
/// two seconds on.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = window() else {
        return f();
    };
    if js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false) {
        let cb = wasm_bindgen::closure::Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        let _ = w.request_idle_callback_with_options(cb.unchecked_ref(), &options);
    } else {
        leptos::prelude::set_timeout(f, std::time::Duration::from_secs(2));
    }
}
