//! When work runs: in a task of its own, after hydration, after a paint.

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

/// Runs `f` in the browser once the current task (hydration) is over;
/// natively (the prerender) never.
pub fn after_hydration(f: impl FnOnce() + 'static) {
    if window().is_some() {
        next_task(f);
    }
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
