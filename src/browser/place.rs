//! Keeping the reader's place while the page reflows under them.

use super::window;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The anchor (`[data-anchor]`) the reader is looking at: the first one that
/// reaches a quarter of the way down the viewport, and where its top is.
fn top_anchor() -> Option<(Element, f64)> {
    let w = window()?;
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
    let (Some((el, before)), Some(w)) = (anchor, window()) else {
        return;
    };
    let scroller = w.clone();
    let restore = wasm_bindgen::closure::Closure::once_into_js(move || {
        let after = el.get_bounding_client_rect().top();
        scroller.scroll_by_with_x_and_y(0.0, after - before);
    });
    let _ = w.request_animation_frame(restore.unchecked_ref());
}

/// Scrolls so `el` has just crossed the reading line (the middle of the
/// viewport). In a frame the host page scrolls: the browser is asked to
/// bring it into view instead.
pub fn to_reading_line(el: &Element, smooth: bool) {
    let Some(w) = window() else {
        return;
    };
    if super::frame::is_framed() {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        if smooth {
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        }
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        return;
    }
    let vh = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let top = el.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0);
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(top - vh / 2.0 + 8.0);
    opts.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    w.scroll_to_with_scroll_to_options(&opts);
}
