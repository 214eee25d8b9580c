//! Fetching a text file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::window;

/// Why a fetch gave no text.
pub enum FetchError<E> {
    /// A redirect went somewhere `redirect_ok` refused.
    Refused(E),
    /// The server answered, but not with the file.
    Http(u16),
    /// No answer the page may read (offline, CORS, the page's CSP), with
    /// what the browser said.
    Network(String),
}

/// The text at `url`. A redirect is followed only where `redirect_ok`
/// allows, and nothing is read from a refused one.
pub async fn text<E>(
    url: &str,
    redirect_ok: impl Fn(&str) -> Result<(), E>,
) -> Result<String, FetchError<E>> {
    let network = |e: wasm_bindgen::JsValue| {
        FetchError::Network(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "network error".into()),
        )
    };
    let w = window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if resp.redirected() {
        redirect_ok(&resp.url()).map_err(FetchError::Refused)?;
    }
    if !resp.ok() {
        return Err(FetchError::Http(resp.status()));
    }
    JsFuture::from(resp.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .ok_or_else(|| FetchError::Network("the response is not text".into()))
}
