//! Small DOM operations the components need: focus, the dialog's box,
//! inline styles through the CSSOM (a strict CSP forbids style attributes)
//! and the page's CSS custom properties.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

use super::{document, window};
use crate::text::decimal::fixed;

/// Focuses the first element in `root` that matches `selector`.
pub fn focus_in(root: &Element, selector: &str) {
    if let Some(el) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the first element in the page that matches `selector`.
pub fn focus_selector(selector: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        focus_in(&root, selector);
    }
}

/// The dialog an element is in.
pub fn dialog_of(el: &Element) -> Option<HtmlDialogElement> {
    el.closest("dialog").ok().flatten()?.dyn_into().ok()
}

/// Closes the dialog the event's target is in.
pub fn close_dialog_of_target(ev: &web_sys::Event) {
    if let Some(d) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| dialog_of(&t))
    {
        d.close();
    }
}

/// Whether a click landed on the dialog's backdrop: on the dialog element
/// itself, outside its box.
pub fn is_backdrop_click(dialog: &HtmlDialogElement, ev: &web_sys::MouseEvent) -> bool {
    let r = dialog.get_bounding_client_rect();
    let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
    let outside = x < r.left() || x > r.right() || y < r.top() || y > r.bottom();
    let on_dialog = ev
        .target()
        .is_some_and(|t| js_sys::Object::is(&t, dialog.as_ref()));
    on_dialog && outside
}

/// Opens a dialog as a modal. Where `showModal` is missing or refuses (an
/// engine older than Safari 15.4), it opens as a box fixed over the page
/// instead (`.no-modal` in the stylesheet), so the card still shows.
pub fn show_dialog(dialog: &HtmlDialogElement) {
    if dialog.show_modal().is_err() {
        let _ = dialog.class_list().add_1("no-modal");
        dialog.set_open(true);
    }
}

/// Places a modal dialog `top` px down with at most `max` px of height, or
/// (none) leaves it where the browser centres it.
pub fn set_dialog_box(dialog: &HtmlDialogElement, placed: Option<(f64, f64)>) {
    let css = HtmlElement::style(dialog);
    match placed {
        Some((top, max)) => {
            let _ = css.set_property("margin-block-start", &format!("{}px", fixed(top, 0)));
            let _ = css.set_property("margin-block-end", "auto");
            let _ = css.set_property("max-block-size", &format!("{}px", fixed(max, 0)));
        }
        None => {
            let _ = css.remove_property("margin-block-start");
            let _ = css.remove_property("margin-block-end");
            let _ = css.remove_property("max-block-size");
        }
    }
}

/// Replaces an HTML or SVG element's inline style (through the CSSOM).
pub fn set_css_text(el: &Element, css: &str) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.style().set_css_text(css);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        svg.style().set_css_text(css);
    }
}

/// A CSS custom property of the root element, trimmed; none if unset.
pub fn css_var(name: &str) -> Option<String> {
    let w = window()?;
    let root = w.document()?.document_element()?;
    let css = w.get_computed_style(&root).ok()??;
    let v = css.get_property_value(name).ok()?;
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

/// Device pixels per CSS pixel (at least 1).
pub fn device_pixel_ratio() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0)
}

/// The first element in `root` that matches `selector`.
pub fn first(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element in `root` that matches `selector`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    root.query_selector_all(selector)
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The nearest element around `el` (itself included) that matches
/// `selector`.
pub fn closest(el: &Element, selector: &str) -> Option<HtmlElement> {
    el.closest(selector).ok().flatten()?.dyn_into().ok()
}
