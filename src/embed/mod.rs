//! Embedding in a news article: in a frame, the page reports its height
//! (so an auto-height iframe is exactly as tall as its content) and listens
//! to the host's viewport. (`embed/page-mode.js` has already set the theme,
//! the embed layout and the host's colours, before the first paint.)

pub mod messages;

use crate::browser::frame::{is_framed, set_host_view, HOST_VIEW_EVENT};
use crate::browser::{page, window};
use messages::{
    json_height_message, parse_pym_width, parse_viewport, pym_height_message, valid_id,
};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

struct Reporter {
    id: Option<String>,
    child_id: Option<String>,
    last: Option<u32>,
    scheduled: bool,
}

thread_local! {
    static REPORTER: RefCell<Option<Reporter>> = const { RefCell::new(None) };
}

fn content_height() -> Option<u32> {
    let body = window()?.document()?.body()?;
    Some(body.get_bounding_client_rect().height().ceil() as u32)
}

fn send(force: bool) {
    let Some(h) = content_height() else { return };
    let Some(parent) = window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    REPORTER.with(|r| {
        let mut r = r.borrow_mut();
        let Some(rep) = r.as_mut() else { return };
        rep.scheduled = false;
        if !force && rep.last == Some(h) {
            return;
        }
        rep.last = Some(h);
        // The height is no secret, and the host's origin is unknown here.
        let json = json_height_message(rep.id.as_deref(), h);
        let _ = parent.post_message(&JsValue::from_str(&json), "*");
        if let Some(child) = &rep.child_id {
            let _ = parent.post_message(&JsValue::from_str(&pym_height_message(child, h)), "*");
        }
    });
}

/// Sends the height on the next frame: at most one message a frame.
pub fn request_height() {
    let due = REPORTER.with(|r| {
        let mut r = r.borrow_mut();
        match r.as_mut() {
            Some(rep) if !rep.scheduled => {
                rep.scheduled = true;
                true
            }
            _ => false,
        }
    });
    if due {
        // Next frame, or soon after if the browser is not rendering this
        // frame (it throttles offscreen cross-origin iframes); whichever
        // runs first sends, the other finds nothing scheduled.
        let once = || {
            let pending = REPORTER.with(|r| r.borrow().as_ref().is_some_and(|r| r.scheduled));
            if pending {
                send(false);
            }
        };
        leptos::prelude::request_animation_frame(once);
        leptos::prelude::set_timeout(once, std::time::Duration::from_millis(50));
    }
}

/// Starts reporting the height when framed. (`embed/page-mode.js` has
/// already set the theme, the embed layout and the host's colours,
/// before the first paint.)
pub fn start() {
    let param = page::param;
    if !is_framed() {
        return;
    }
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let child = param("childId").as_deref().and_then(valid_id);
    REPORTER.with(|r| {
        *r.borrow_mut() = Some(Reporter {
            id: param("id").as_deref().and_then(valid_id),
            child_id: child.clone(),
            last: None,
            scheduled: false,
        })
    });

    // Any change in the content's size, whatever caused it.
    let on_resize = Closure::<dyn FnMut()>::new(request_height);
    if let (Ok(ro), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        doc.body(),
    ) {
        ro.observe(&body);
    }
    on_resize.forget();

    // Pym's parent asks with its width; embed.js tells us its viewport.
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let parent = window().and_then(|w| w.parent().ok().flatten());
            let from_parent = match (ev.source(), parent) {
                (Some(s), Some(p)) => js_sys::Object::is(&s, &p),
                _ => false,
            };
            let Some(data) = ev.data().as_string().filter(|_| from_parent) else {
                return;
            };
            if child
                .as_deref()
                .and_then(|c| parse_pym_width(&data, c))
                .is_some()
            {
                send(true);
            } else if let Some(v) = parse_viewport(&data) {
                set_host_view(v.height, v.top);
                if let (Some(w), Ok(ev)) = (window(), web_sys::Event::new(HOST_VIEW_EVENT)) {
                    let _ = w.dispatch_event(&ev);
                }
            }
        });
    if let Some(w) = window() {
        let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    }
    on_message.forget();
    request_height();
}
