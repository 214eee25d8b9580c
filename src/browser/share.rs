//! Sharing a figure: its link to the clipboard, its chart as a PNG file.

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
