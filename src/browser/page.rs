//! The page around the app: URL parameters and hash, `<html lang dir>`,
//! the tab's title and description, and the history entry.

use super::tasks::next_task;
use super::window;
use crate::model::lang::Lang;
use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

/// Marks `<html data-qitar="live">` once the app has taken over the page
/// (hydrated or mounted, its first effects run), so embedders and tests can
/// tell the live app from the static page, which never carries it.
pub fn mark_live() {
    next_task(|| {
        if let Some(root) = window()
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
    let search = window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The fragment without `#`, percent-decoded.
pub fn hash() -> String {
    let Some(w) = window() else {
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
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
}

/// `url` resolved against the page's address, and the origin of each
/// (`https://host:port`). The page's own is read from its address, not
/// `location.origin`, which is "null" in a sandboxed frame.
pub fn resolve_url(url: &str) -> Option<(String, String, String)> {
    let href = window()?.location().href().ok()?;
    let page = web_sys::Url::new(&href).ok()?;
    let target = web_sys::Url::new_with_base(url, &href).ok()?;
    Some((target.href(), target.origin(), page.origin()))
}

/// The tab's title and the page's description, for a story that is not
/// the one prerendered; and the end of the static page's "another story is
/// loading" state (`remote-story`, set by embed/page-mode.js).
pub fn set_document_meta(title: &str, description: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
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
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1("remote-story");
    }
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = window()
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
    let Some(w) = window() else { return };
    let Ok(href) = w.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set("lang", lang.code());
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// Sets the URL's hash without adding a history entry or scrolling.
pub fn replace_hash(anchor: &str) {
    let Some(w) = window() else { return };
    if hash() == anchor {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{anchor}")));
    }
}
