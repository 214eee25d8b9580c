//! The page around the app: URL parameters, `<html lang dir>`, the URL's
//! own `lang` and hash, and keeping the reader's place across a re-layout.

use crate::i18n::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Element, UrlSearchParams};

/// The browser window; none when rendering natively (tests, prerender).
fn browser() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

fn window() -> web_sys::Window {
    browser().expect("running in a browser window")
}

/// Runs `f` in a task of its own, after the browser has had a turn.
pub fn next_task(f: impl FnOnce() + 'static) {
    let Some(w) = browser() else {
        return f();
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}

/// Runs `f` in the browser once the current task (hydration) is over;
/// natively (the prerender) never.
pub fn after_hydration(f: impl FnOnce() + 'static) {
    if browser().is_some() {
        next_task(f);
    }
}

/// Runs `f` once the browser has painted the next frame, so start-up work
/// never delays the static page's first paint.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = browser() else {
        return f();
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || next_task(f));
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Marks `<html data-qitar="live">` once the app has taken over the page
/// (hydrated or mounted, its first effects run), so embedders and tests can
/// tell the live app from the static page, which never carries it.
pub fn mark_live() {
    next_task(|| {
        if let Some(root) = browser()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-qitar", "live");
        }
    });
}

/// Percent-encodes a URL query value (all but the unreserved characters).
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One query parameter of the page's URL.
pub fn param(name: &str) -> Option<String> {
    let search = browser()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The fragment without `#`, percent-decoded.
pub fn hash() -> String {
    let Some(w) = browser() else {
        return String::new();
    };
    let raw = w.location().hash().unwrap_or_default();
    let raw = raw.trim_start_matches('#');
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_string())
}

/// The language the page was served in (`<html lang>`, before the app
/// changes it).
pub fn document_lang() -> Option<Lang> {
    browser()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
}

/// `url` resolved against the page's address, and the origin of each
/// (`https://host:port`). The page's own is read from its address, not
/// `location.origin`, which is "null" in a sandboxed frame.
pub fn resolve_url(url: &str) -> Option<(String, String, String)> {
    let href = browser()?.location().href().ok()?;
    let page = web_sys::Url::new(&href).ok()?;
    let target = web_sys::Url::new_with_base(url, &href).ok()?;
    Some((target.href(), target.origin(), page.origin()))
}

/// The tab's title and the page's description, for a story that is not
/// the one prerendered; and the end of the static page's "another story is
/// loading" state (`remote-story`, set by embed/page-mode.js).
pub fn set_document_meta(title: &str, description: &str) {
    let Some(doc) = browser().and_then(|w| w.document()) else {
        return;
    };
    doc.set_title(title);
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
    for property in ["og:title", "og:description"] {
        if let Ok(Some(meta)) = doc.query_selector(&format!("meta[property=\"{property}\"]")) {
            let _ = meta.set_attribute(
                "content",
                if property == "og:title" {
                    title
                } else {
                    description
                },
            );
        }
    }
}

/// The app has the page: drop the static page's "another story is loading".
pub fn end_remote_story_wait() {
    if let Some(root) = browser()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1("remote-story");
    }
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = browser()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// Rewrites `?lang=` in place, so a reload or a shared link keeps the
/// language, without adding a history entry.
pub fn replace_lang_param(lang: Lang) {
    let w = window();
    let Ok(href) = w.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set("lang", lang.code());
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// The anchor (`[data-anchor]`) the reader is looking at: the first one that
/// reaches a quarter of the way down the viewport, and where its top is.
fn top_anchor() -> Option<(Element, f64)> {
    let w = window();
    let line = w.inner_height().ok()?.as_f64()? * 0.25;
    let doc = w.document()?;
    let list = doc.query_selector_all("[data-anchor]").ok()?;
    for i in 0..list.length() {
        let el: Element = list.item(i)?.dyn_into().ok()?;
        let r = el.get_bounding_client_rect();
        if r.bottom() > line {
            return Some((el, r.top()));
        }
    }
    None
}

/// Runs `change`, then scrolls so the element the reader was looking at
/// stays where it was, even though the text around it reflowed.
pub fn keep_place(change: impl FnOnce()) {
    let anchor = top_anchor();
    change();
    let Some((el, before)) = anchor else { return };
    let w = window();
    let restore = wasm_bindgen::closure::Closure::once_into_js(move || {
        let after = el.get_bounding_client_rect().top();
        window().scroll_by_with_x_and_y(0.0, after - before);
    });
    let _ = w.request_animation_frame(restore.unchecked_ref());
}

/// Sets the URL's hash without adding a history entry or scrolling.
pub fn replace_hash(anchor: &str) {
    let w = window();
    if hash() == anchor {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{anchor}")),
        );
    }
}

/// Reports an element's content-box size whenever it changes; dropping it
/// disconnects the observer.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl SizeWatch {
    pub fn new(el: &Element, on_size: impl Fn(f64, f64) + 'static) -> Option<SizeWatch> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                    let r = entry.content_rect();
                    on_size(r.width(), r.height());
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
    let Some(w) = browser() else { return };
    let Ok(Some(mql)) = w.match_media("(prefers-color-scheme: dark)") else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = mql.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget();
}
