//! Sharing a figure: its link to the clipboard or the system's share
//! sheet, its chart as a PNG file.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{document, window};

/// The page's address.
pub fn href() -> Option<String> {
    window()?.location().href().ok()
}

/// Writes `text` to the clipboard, at once (Safari allows it only within
/// the reader's click); the future says whether it worked.
pub fn copy_text(text: &str) -> impl std::future::Future<Output = bool> {
    let promise = window().map(|w| w.navigator().clipboard().write_text(text));
    async move {
        match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        }
    }
}

/// Whether the browser has a share sheet (`navigator.share`: phones,
/// Safari, Chrome on Windows and macOS).
pub fn can_share() -> bool {
    window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &wasm_bindgen::JsValue::from_str("share"))
            .unwrap_or(false)
    })
}

/// What became of a share sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Done,
    /// The reader closed the sheet: nothing to say.
    Cancelled,
    /// Refused (a frame without `allow="web-share"`) or failed.
    Failed,
}

/// Opens the system's share sheet with `title` and `url`, at once (it is
/// allowed only within the reader's click).
pub fn share_sheet(title: &str, url: &str) -> impl std::future::Future<Output = Shared> {
    let promise = window().map(|w| {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        w.navigator().share_with_data(&data)
    });
    async move {
        let Some(p) = promise else {
            return Shared::Failed;
        };
        match wasm_bindgen_futures::JsFuture::from(p).await {
            Ok(_) => Shared::Done,
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &wasm_bindgen::JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    Shared::Cancelled
                } else {
                    Shared::Failed
                }
            }
        }
    }
}

/// Saves what a canvas shows as the PNG file `name`.
pub fn download_png(canvas: &web_sys::HtmlCanvasElement, name: String) {
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        let Some(blob) = blob else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(a) = document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(&name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}
