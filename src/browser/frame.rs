//! Being in another page's frame: whether we are, and what the host has
//! told us about its viewport (`embed` receives the messages).

use std::cell::Cell;

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

/// Where the frame's top is in the host's viewport, when `embed.js` says.
pub fn host_frame_top() -> Option<f64> {
    HOST_TOP.with(|h| h.get())
}

/// Records the host's viewport height and where the frame's top is in it.
pub fn set_host_view(height: f64, top: Option<f64>) {
    HOST_VH.with(|h| h.set(Some(height)));
    HOST_TOP.with(|t| t.set(top));
}
