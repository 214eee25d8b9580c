//! Writing the pictures' SVG: escaped text, lines set from the reading
//! edge, and text wrapped and fitted by its measured width.

use std::fmt::Write;

use plotters::style::RGBColor;

use super::raster::{self, ARABIC, LATIN};
use crate::model::lang::Lang;
use crate::text::decimal::fixed;

/// Escapes text for an SVG element or attribute.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Numbers in the markup: one decimal is finer than a pixel.
pub fn n(v: f64) -> String {
    fixed(v, 1)
}

/// How a run of text is set: its language's family, size and weight.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub lang: Lang,
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub fn new(lang: Lang, size: f64, bold: bool) -> Font {
        Font { lang, size, bold }
    }

    /// The family list: the language's own face first, the other as a
    /// fallback for a word in the other script.
    pub fn family(&self) -> String {
        match self.lang {
            Lang::Ar => format!("{ARABIC}, {LATIN}"),
            Lang::En => format!("{LATIN}, {ARABIC}"),
        }
    }

    /// A run of text's drawn width in px, as resvg lays it out (shaped,
    /// with the shipped fonts): what lines are wrapped and fitted by.
    pub fn width(&self, text: &str) -> f64 {
        if text.trim().is_empty() {
            return 0.0;
        }
        let doc = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="400"><text x="10" y="200" {}>{}</text></svg>"#,
            self.attrs(),
            esc(&embed(text, self.lang))
        );
        raster::tree(&doc)
            .map(|t| f64::from(t.root().bounding_box().width()))
            .unwrap_or(0.0)
    }

    fn attrs(&self) -> String {
        format!(
            r#"font-family="{}" font-size="{}" font-weight="{}""#,
            self.family(),
            n(self.size),
            if self.bold { "bold" } else { "normal" }
        )
    }
}

/// Text in `lang` as its own directional run. resvg lays every text out
/// as a left-to-right paragraph (it ignores `direction`), so Arabic goes in
/// a right-to-left embedding (RLE … PDF): punctuation at either end, an
/// ellipsis or a bracket stays on the Arabic side instead of jumping to
/// the other end.
pub fn embed(text: &str, lang: Lang) -> String {
    if lang.is_rtl() {
        format!("\u{202B}{text}\u{202C}")
    } else {
        text.to_string()
    }
}

/// Puts each `<text>` of an SVG document (plotters' chart) in a
/// right-to-left embedding, as `embed` does.
pub fn embed_all(doc: &str, lang: Lang) -> String {
    if !lang.is_rtl() {
        return doc.to_string();
    }
    let mut out = String::with_capacity(doc.len() + 64);
    let mut rest = doc;
    while let Some(i) = rest.find("<text") {
        let Some(open_end) = rest[i..].find('>').map(|k| i + k + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</text>").map(|k| open_end + k) else {
            break;
        };
        out.push_str(&rest[..open_end]);
        out.push('\u{202B}');
        out.push_str(&rest[open_end..close]);
        out.push('\u{202C}');
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Where a line sits across the picture.
#[derive(Debug, Clone, Copy)]
pub enum Align {
    /// From the reading edge of the box `x0..x1`: the left in English, the
    /// right in Arabic.
    Start,
    /// From the other edge.
    End,
    Middle,
}

/// One line of text across `x0..x1`, its baseline at `y`. Right to
/// left it is anchored at its right edge with `text-anchor="end"`: resvg
/// puts the start anchor of an RTL run at its left, whatever `direction`
/// says, so "start" there would set Arabic from the wrong edge.
pub fn line(
    out: &mut String,
    text: &str,
    (x0, x1): (f64, f64),
    y: f64,
    font: Font,
    fill: &str,
    align: Align,
) {
    let rtl = font.lang.is_rtl();
    let (x, anchor) = match (align, rtl) {
        (Align::Middle, _) => ((x0 + x1) / 2.0, "middle"),
        (Align::Start, false) | (Align::End, true) => (x0, "start"),
        (Align::Start, true) | (Align::End, false) => (x1, "end"),
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" {} fill="{fill}" text-anchor="{anchor}" direction="{}" xml:lang="{}">{}</text>"#,
        n(x),
        n(y),
        font.attrs(),
        font.lang.dir(),
        font.lang.code(),
        esc(&embed(text, font.lang))
    );
}

/// Greedy wrap at spaces to `max` px, as the font sets the text.
pub fn wrap(text: &str, font: Font, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && font.width(&candidate) > max {
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        } else {
            cur = candidate;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// At most `max_lines` lines: the last one that does not fit loses words
/// and ends with an ellipsis.
pub fn clamp_lines(mut lines: Vec<String>, font: Font, max: f64, max_lines: usize) -> Vec<String> {
    if lines.len() <= max_lines {
        return lines;
    }
    let rest = lines.split_off(max_lines - 1).join(" ");
    lines.push(ellipsize(&rest, font, max));
    lines
}

/// The text, shortened at a word with "…" if it is wider than `max`.
pub fn ellipsize(text: &str, font: Font, max: f64) -> String {
    if font.width(text) <= max {
        return text.to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for k in (1..words.len()).rev() {
        let t = format!("{}…", words[..k].join(" "));
        if font.width(&t) <= max {
            return t;
        }
    }
    format!("{}…", words.first().copied().unwrap_or_default())
}

/// Wraps `text` into at most `max_lines` lines of `max` px, shrinking the
/// font step by step down to `min_size` before it gives up words.
pub fn fit(
    text: &str,
    mut font: Font,
    min_size: f64,
    max: f64,
    max_lines: usize,
) -> (Vec<String>, Font) {
    loop {
        let lines = wrap(text, font, max);
        if lines.len() <= max_lines || font.size <= min_size {
            return (clamp_lines(lines, font, max, max_lines), font);
        }
        font.size = (font.size - 4.0).max(min_size);
    }
}

/// A line's height for a font: Naskh's tall letters and deep descenders
/// need more than Latin.
pub fn leading(font: Font) -> f64 {
    match font.lang {
        Lang::Ar => font.size * 1.45,
        Lang::En => font.size * 1.22,
    }
}
