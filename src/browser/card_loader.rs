//! The card's own wasm, which the page's loader fetches on demand
//! (`window.qitarLoadCard`), and calls into it.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// Starts fetching the card's wasm, if the page's loader offers it; for a
/// reader who shows intent (a pointer or focus on a figure) or once the
/// page is idle.
pub fn prefetch() {
    let _ = start_load();
}

/// Prefetches once the page is idle after it went live, unless the reader
/// asked to save data.
pub fn prefetch_when_idle() {
    let save_data = window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"connection".into()).ok())
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|s| s.is_truthy());
    if save_data {
        return;
    }
    super::tasks::when_idle(prefetch);
}

fn start_load() -> Result<js_sys::Promise, JsValue> {
    let w = window().ok_or(JsValue::NULL)?;
    let load = js_sys::Reflect::get(&w, &"qitarLoadCard".into())?;
    let load: js_sys::Function = load.dyn_into()?;
    load.call0(&JsValue::NULL)?.dyn_into()
}

pub async fn load() -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(start_load()?).await
}

/// Calls `obj[name](...args)`.
pub fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(obj, &name.into())?.dyn_into()?;
    f.apply(obj, &args.iter().collect::<js_sys::Array>())
}
