//! Embedding in a news article: embed mode, host colours, and the height
//! messages that keep an auto-height iframe exactly as tall as its content
//! (Pym.js's child protocol, and our own JSON one).

use std::cell::Cell;

use crate::format::parse_decimal;

/// Embed and Pym ids: short, and nothing that could break out of a message.
pub fn valid_id(raw: &str) -> Option<String> {
    let ok = !raw.is_empty()
        && raw.len() <= 64
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| raw.to_string())
}

pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

pub fn json_height_message(id: Option<&str>, height: u32) -> String {
    let id = match id {
        Some(id) => format!("\"{id}\""),
        None => "null".into(),
    };
    format!("{{\"type\":\"qitar:height\",\"id\":{id},\"height\":{height}}}")
}

/// The width Pym's parent sends (`pymxPYMx<id>xPYMxwidthxPYMx<px>`), if the
/// message is one, for this child.
pub fn parse_pym_width(msg: &str, child_id: &str) -> Option<f64> {
    let rest = msg.strip_prefix("pymxPYMx")?;
    let mut parts = rest.split("xPYMx");
    let (id, kind, value) = (parts.next()?, parts.next()?, parts.next()?);
    if id != child_id || kind != "width" || parts.next().is_some() {
        return None;
    }
    parse_decimal(value).filter(|w| *w > 0.0)
}

/// The host's viewport from `embed.js`: `qitar:viewport:<height>:<top>`,
/// where `top` (may be empty) is where the frame's top is in the host's
/// viewport, in px. Plain text like Pym's messages, so the first view needs
/// no JSON reader.
pub fn parse_viewport(msg: &str) -> Option<HostView> {
    let rest = msg.strip_prefix("qitar:viewport:")?;
    let (height, top) = rest.split_once(':').unwrap_or((rest, ""));
    let height = parse_decimal(height)?;
    let top = parse_decimal(top).filter(|t| t.abs() < 1e7);
    Some(HostView {
        height: height.clamp(200.0, 4000.0),
        top,
    })
}

/// What the host tells the frame about its viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostView {
    pub height: f64,
    pub top: Option<f64>,
}

/// The event the frame's window gets when the host reports its viewport,
/// so the scroll engine can follow the host's scroll exactly.
pub const HOST_VIEW_EVENT: &str = "qitar-host-view";

/// The link to share for `anchor` (a station or a figure), from the page's
/// own `href`. On a page of its own: that page. In a frame that `embed.js`
/// made (`parentUrl`, no Pym `childId`): the host article, whose `embed.js`
/// passes the fragment on to the frame. Otherwise (Pym, or no host URL):
/// the graphic's own address without the frame's parameters.
pub fn share_url(href: &str, framed: bool, anchor: &str) -> String {
    let base = href.split('#').next().unwrap_or_default();
    if !framed {
        return format!("{base}#{anchor}");
    }
    let (path, query) = base.split_once('?').unwrap_or((base, ""));
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let get = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    if get("childId").is_none() {
        if let Some(host) = get("parentUrl").filter(|u| is_web_url(u)) {
            let host = host.split('#').next().unwrap_or_default();
            return format!("{host}#{anchor}");
        }
    }
    // What a reader opening the link on its own still needs.
    let kept: Vec<String> = query
        .split('&')
        .filter(|p| {
            let k = percent_decode(p.split('=').next().unwrap_or_default());
            k == "lang" || k == "story"
        })
        .map(str::to_string)
        .collect();
    if kept.is_empty() {
        format!("{path}#{anchor}")
    } else {
        format!("{path}?{}#{anchor}", kept.join("&"))
    }
}

fn is_web_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u.chars().any(|c| c.is_whitespace() || c == '"' || c == '<')
}

/// `%XX` escapes and `+` in a query component.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

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
            let v = crate::page::param("offset").map_or(0.0, |r| parse_offset(&r));
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

#[cfg(target_arch = "wasm32")]
fn framed_now() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        // A cross-origin top can still be compared; an error means framed.
        _ => true,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn framed_now() -> bool {
    false
}

pub fn host_viewport_height() -> Option<f64> {
    HOST_VH.with(|h| h.get())
}

/// Where the frame's top is in the host's viewport, when `embed.js` says.
pub fn host_frame_top() -> Option<f64> {
    HOST_TOP.with(|h| h.get())
}

#[cfg(target_arch = "wasm32")]
pub use browser::{request_height, start};

#[cfg(not(target_arch = "wasm32"))]
pub fn request_height() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
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
        let body = web_sys::window()?.document()?.body()?;
        Some(body.get_bounding_client_rect().height().ceil() as u32)
    }

    fn send(force: bool) {
        let Some(h) = content_height() else { return };
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
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
        let param = crate::page::param;
        if !is_framed() {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
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
                let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
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
                    HOST_VH.with(|h| h.set(Some(v.height)));
                    HOST_TOP.with(|t| t.set(v.top));
                    if let (Some(w), Ok(ev)) =
                        (web_sys::window(), web_sys::Event::new(HOST_VIEW_EVENT))
                    {
                        let _ = w.dispatch_event(&ev);
                    }
                }
            });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        }
        on_message.forget();
        request_height();
    }
}
