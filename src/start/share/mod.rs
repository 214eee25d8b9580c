//! What a shared link shows, made at build time (native only, never in the
//! wasm): a 1200×630 picture per language page and per figure
//! (`pictures`, rasterized by `raster` with the fonts the repository
//! ships), a small static page per figure and language (`page`), and the
//! public address the link-preview tags need (`public_url`). The prerender
//! binary writes the pictures; scripts/post-build.mjs writes the pages and
//! the tags.

pub mod page;
pub mod pictures;
pub mod raster;
pub mod svg;

use crate::model::lang::Lang;
use crate::model::story::{Stat, Story};

pub use pictures::{HEIGHT, WIDTH};

/// `QITAR_PUBLIC_URL`, checked: where `dist/` will be published, so the
/// tags can give the absolute addresses crawlers need. `None` (unset or
/// empty) leaves those tags out. It must be `https://`, or loopback
/// `http://` for tests, and end with `/` (the folder that holds
/// `index.html`); nothing the tags could not carry as it is.
pub fn public_url(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(url) = raw.map(str::trim).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let example = "for instance QITAR_PUBLIC_URL=https://graphics.example.org/qitar/";
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        let host = rest.split('/').next().unwrap_or_default();
        let name = host.rsplit_once(':').map_or(host, |(h, _)| h);
        if !matches!(name, "127.0.0.1" | "localhost") {
            return Err(format!(
                "QITAR_PUBLIC_URL {url:?} must be https:// (plain http:// only on 127.0.0.1 or localhost, for tests), {example}"
            ));
        }
        rest
    } else {
        return Err(format!(
            "QITAR_PUBLIC_URL {url:?} must be an absolute https:// address, {example}"
        ));
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Err(format!("QITAR_PUBLIC_URL {url:?} names no host, {example}"));
    }
    if let Some(c) = url
        .chars()
        .find(|c| !c.is_ascii_graphic() || matches!(c, '"' | '<' | '>' | '\'' | '\\' | '`'))
    {
        return Err(format!(
            "QITAR_PUBLIC_URL {url:?} has {c:?} in it: write it percent-encoded, {example}"
        ));
    }
    if url.contains(['?', '#']) {
        return Err(format!(
            "QITAR_PUBLIC_URL {url:?} must be a folder, without ?query or #fragment, {example}"
        ));
    }
    if !url.ends_with('/') || !rest.contains('/') {
        return Err(format!(
            "QITAR_PUBLIC_URL {url:?} must end with / (the folder that holds index.html): {url}/"
        ));
    }
    Ok(Some(url.to_string()))
}

/// A language page's file, as scripts/post-build.mjs names it:
/// `index.html` in the story's default language, `<lang>.html` otherwise.
pub fn page_file(lang: Lang, default: Lang) -> String {
    if lang == default {
        "index.html".into()
    } else {
        format!("{}.html", lang.code())
    }
}

/// A language page's picture: `share/index.png`, `share/en.png`.
pub fn page_picture_file(lang: Lang, default: Lang) -> String {
    let page = page_file(lang, default);
    format!("share/{}.png", page.trim_end_matches(".html"))
}

/// A figure's picture in one language: `share/<id>.<lang>.png`.
pub fn figure_picture_file(stat_id: &str, lang: Lang) -> String {
    format!("share/{stat_id}.{}.png", lang.code())
}

/// The line at the foot of the pictures: the story's `publisher`, else the
/// host it is published on (https only: a test address says nothing).
pub fn publisher_line(story: &Story, lang: Lang, public_url: Option<&str>) -> String {
    if let Some(p) = &story.publisher {
        return p.get(lang).to_string();
    }
    public_url
        .and_then(|u| u.strip_prefix("https://"))
        .and_then(|r| r.split('/').next())
        .unwrap_or_default()
        .to_string()
}

/// A picture, drawn: where it goes under the build's folder, its text
/// alternative, its PNG.
pub struct Picture {
    pub file: String,
    pub alt: String,
    pub svg: String,
    pub png: Vec<u8>,
}

/// A language page's picture.
pub fn page_picture(
    story: &Story,
    lang: Lang,
    public_url: Option<&str>,
) -> Result<Picture, String> {
    let svg = pictures::page_svg(story, lang, &publisher_line(story, lang, public_url));
    Ok(Picture {
        file: page_picture_file(lang, story.default_lang),
        alt: pictures::page_alt(story, lang),
        png: raster::png(&svg)?,
        svg,
    })
}

/// A figure's picture in one language.
pub fn figure_picture(
    story: &Story,
    stat: &Stat,
    lang: Lang,
    public_url: Option<&str>,
) -> Result<Picture, String> {
    let svg = pictures::figure_svg(story, stat, lang, &publisher_line(story, lang, public_url));
    Ok(Picture {
        file: figure_picture_file(&stat.id, lang),
        alt: pictures::figure_alt(story, stat, lang),
        png: raster::png(&svg)?,
        svg,
    })
}
