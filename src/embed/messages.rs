//! What the frame and its host page say to each other, as text: the height
//! messages (Pym.js's child protocol, and our own JSON one), the host's
//! viewport, and the link to share (a figure's share page, or from inside
//! a frame the host article). Pure, so tested natively.

use crate::model::lang::Lang;
use crate::text::decimal::parse_decimal;

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

/// Where a figure's share page is, from the graphic's folder: `s/<id>.html`
/// in the story's default language, `s/<id>.<lang>.html` in another (as the
/// pages themselves are `index.html` and `<lang>.html`). The build writes
/// them (`start::share`); the card shares their address.
pub fn share_page(stat_id: &str, lang: Lang, default_lang: Lang) -> String {
    if lang == default_lang {
        format!("s/{stat_id}.html")
    } else {
        format!("s/{stat_id}.{}.html", lang.code())
    }
}

/// The link to share for `anchor` (a station or a figure), from the page's
/// own `href`. In a frame that `embed.js` made (`parentUrl`, no Pym
/// `childId`): the host article, whose `embed.js` passes the fragment on to
/// the frame. Otherwise, when the figure has a share page (`page`, from
/// `share_page`: the built-in story has them, a `?story=` one does not):
/// that page, beside the graphic, whose picture and words make the link's
/// preview and which opens the card. Else the graphic's own address (on a
/// page of its own: that page; under Pym or with no host URL: without the
/// frame's parameters) with the anchor.
pub fn share_url(href: &str, framed: bool, anchor: &str, page: Option<&str>) -> String {
    let base = href.split('#').next().unwrap_or_default();
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
    if framed && get("childId").is_none() {
        if let Some(host) = get("parentUrl").filter(|u| is_web_url(u)) {
            let host = host.split('#').next().unwrap_or_default();
            return format!("{host}#{anchor}");
        }
    }
    if let Some(page) = page {
        // The graphic's folder: what `index.html` and `en.html` share.
        let folder = path.rfind('/').map_or(path, |i| &path[..=i]);
        return format!("{folder}{page}");
    }
    if !framed {
        return format!("{base}#{anchor}");
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
