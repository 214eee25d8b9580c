//! The share pictures, composed as 1200×630 SVG (the size link previews
//! show large): for a page, its title, the map with the train at the first
//! station (`geometry::track`, as the journey lays it out) and the
//! publisher's line; for a figure, the number as the page writes it, what
//! it counts, its chart (the card's own plotters drawing, through the SVG
//! backend) and its source. `raster` turns them into PNG.

use std::fmt::Write;

use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters::style::RGBColor;

use super::svg::{self, hex, leading, line, n, Align, Font};
use crate::content::ui;
use crate::geometry::chart::{self, ChartData, Drawn, Options, Theme};
use crate::geometry::line_tags::{line_tags, TAG_FONT};
use crate::geometry::track::{self, Frame, Layout, Stop};
use crate::geometry::train::{train_scale, vehicles};
use crate::model::lang::Lang;
use crate::model::story::{Chart, Stat, StationKind, Story};
use crate::text::format::{self, Style};
use crate::text::labels::station_label;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const W: f64 = WIDTH as f64;
const H: f64 = HEIGHT as f64;
/// The picture's side margins; feeds crop little, but round corners bite.
const M: f64 = 60.0;
/// Where the foot line's baseline is, and the rule above it.
const FOOT_Y: f64 = H - 38.0;
const FOOT_RULE: f64 = H - 84.0;
/// The map and the chart are drawn this much larger than on screen, so
/// their words stay readable when a feed shows the picture at half size.
const MAP_SCALE: f64 = 1.6;
const CHART_SCALE: f64 = 1.75;

/// The light theme's colours (style/main.css `:root`): pictures have no
/// dark mode.
struct Palette {
    theme: Theme,
    rule: RGBColor,
    track: RGBColor,
}

fn palette() -> Palette {
    Palette {
        theme: Theme::default(),
        rule: RGBColor(0xd9, 0xd5, 0xcc),
        track: RGBColor(0xc9, 0xc4, 0xb8),
    }
}

fn locale(story: &Story, lang: Lang) -> &str {
    story.number_locales.get(lang)
}

/// A story text in `lang`, its digits in the locale's, as the page has it.
fn words(story: &Story, lang: Lang, text: &str) -> String {
    format::digits(text, locale(story, lang))
}

/// The figure as the page writes it.
pub fn figure_text(story: &Story, stat: &Stat, lang: Lang) -> String {
    let style = Style::for_stat(stat.unit, stat.display, stat.currency.as_deref());
    format::number(stat.value, locale(story, lang), style)
}

/// The document's start: paper, and the accent band across the top.
fn open(out: &mut String, lang: Lang) {
    let p = palette();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" direction="{}" xml:lang="{}"><rect width="{WIDTH}" height="{HEIGHT}" fill="{}"/><rect width="{WIDTH}" height="10" fill="{}"/>"#,
        lang.dir(),
        lang.code(),
        hex(p.theme.paper),
        hex(p.theme.accent)
    );
}

/// The foot: a rule, then `start` from the reading edge and `end` from the
/// other (each shortened to share the width).
fn foot(out: &mut String, lang: Lang, start: &str, end: &str) {
    let p = palette();
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="1.5" fill="{}"/>"#,
        n(M),
        n(FOOT_RULE),
        n(W - 2.0 * M),
        hex(p.rule)
    );
    let font = Font::new(lang, 24.0, false);
    let bold = Font { bold: true, ..font };
    let end = svg::ellipsize(end, bold, (W - 2.0 * M) * 0.45);
    let end_w = if end.is_empty() {
        0.0
    } else {
        bold.width(&end) + 40.0
    };
    let start = svg::ellipsize(start, font, W - 2.0 * M - end_w);
    let soft = hex(p.theme.soft);
    line(out, &start, (M, W - M), FOOT_Y, font, &soft, Align::Start);
    if !end.is_empty() {
        line(
            out,
            &end,
            (M, W - M),
            FOOT_Y,
            bold,
            &hex(p.theme.ink),
            Align::End,
        );
    }
}

/// A language page's picture: the title, the map, the publisher's line.
pub fn page_svg(story: &Story, lang: Lang, publisher: &str) -> String {
    let p = palette();
    let mut out = String::new();
    open(&mut out, lang);
    let title = words(story, lang, story.title.get(lang));
    let (lines, font) = svg::fit(&title, Font::new(lang, 68.0, true), 40.0, W - 2.0 * M, 3);
    let lh = leading(font);
    let mut y = 34.0 + font.size * 1.15;
    for l in &lines {
        line(
            &mut out,
            l,
            (M, W - M),
            y,
            font,
            &hex(p.theme.ink),
            Align::Start,
        );
        y += lh;
    }
    // The map fills what is left between the title and the foot.
    let top = y - lh + font.size * 0.5 + 24.0;
    let bottom = FOOT_RULE - 16.0;
    let frame_h = ((bottom - top) / MAP_SCALE).clamp(120.0, 165.0);
    let frame_w = (W - 2.0 * M) / MAP_SCALE;
    let y0 = top + ((bottom - top) - frame_h * MAP_SCALE).max(0.0) / 2.0;
    map(&mut out, story, lang, frame_w, frame_h, M, y0);
    let years = story.year_span().map(|(a, b)| {
        let f = |y: i32| format::number(y as f64, locale(story, lang), Style::Year);
        format!("{}–{}", f(a), f(b))
    });
    foot(
        &mut out,
        lang,
        publisher,
        years.as_deref().unwrap_or_default(),
    );
    out.push_str("</svg>");
    out
}

/// The stops as the journey names them, and the lines each serves.
fn stops(story: &Story, lang: Lang) -> Vec<Stop> {
    let waypoint = &ui(lang).waypoint;
    story
        .stations
        .iter()
        .map(|st| Stop {
            label: station_label(st, lang, locale(story, lang), waypoint),
            waypoint: st.kind == StationKind::Waypoint,
            platforms: st
                .platforms
                .iter()
                .filter_map(|id| story.platforms.iter().position(|p| &p.id == id))
                .collect(),
        })
        .collect()
}

/// The journey's map laid out across a `w`×`h` frame (in the page's px),
/// drawn at (`x`, `y`) `MAP_SCALE` times larger: the lines in their
/// colours, where each ends, the stops and their names, the lines' names,
/// and the train at the first station.
fn map(out: &mut String, story: &Story, lang: Lang, w: f64, h: f64, x: f64, y: f64) {
    let p = palette();
    let rtl = lang.is_rtl();
    let layout = track::layout(
        &stops(story, lang),
        story.platforms.len(),
        Frame::new(w, h, rtl),
    );
    let colour = |i: usize| {
        story
            .platforms
            .get(i)
            .map_or_else(|| hex(p.theme.ink), |pl| pl.color.clone())
    };
    // The lines the train rides at the first station.
    let boarding: Vec<usize> = stops(story, lang)
        .first()
        .map(|s| s.platforms.clone())
        .unwrap_or_default();
    let _ = write!(
        out,
        r#"<g transform="translate({} {}) scale({MAP_SCALE})">"#,
        n(x),
        n(y)
    );
    let _ = write!(
        out,
        r#"<path d="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="2 4"/>"#,
        Layout::path_d(&layout.stops),
        hex(p.track)
    );
    for s in &layout.strands {
        let (width, opacity) = if boarding.contains(&s.platform) {
            (4.5, 1.0)
        } else {
            (3.5, 0.55)
        };
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round" opacity="{opacity}"/>"#,
            Layout::path_d(&s.points),
            colour(s.platform)
        );
    }
    let terminus = layout.terminus_d();
    if !terminus.is_empty() {
        let _ = write!(
            out,
            r#"<path d="{terminus}" stroke="{}" stroke-width="4" stroke-linecap="round"/>"#,
            hex(p.theme.ink)
        );
    }
    let ends = layout.line_ends_d();
    if !ends.is_empty() {
        let _ = write!(
            out,
            r#"<path d="{ends}" stroke="{}" stroke-width="2.5" stroke-linecap="round"/>"#,
            hex(p.theme.soft)
        );
    }
    let waypoints: Vec<bool> = stops(story, lang).iter().map(|s| s.waypoint).collect();
    for (i, (pt, label)) in layout.stops.iter().zip(&layout.labels).enumerate() {
        let first = i == 0;
        let (fill, stroke) = if first {
            (hex(p.theme.accent), hex(p.theme.accent))
        } else {
            (hex(p.theme.paper), hex(p.theme.ink))
        };
        let (r, dash) = if waypoints.get(i).copied().unwrap_or(false) {
            ("5.5", r#" stroke-dasharray="3 2""#)
        } else {
            ("7", "")
        };
        let _ = write!(
            out,
            r#"<circle cx="{}" cy="{}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="2.5"{dash}/>"#,
            n(pt.x),
            n(pt.y)
        );
        let font = Font::new(lang, layout.font, true);
        let ink = if first {
            hex(p.theme.accent)
        } else {
            hex(p.theme.soft)
        };
        for (k, text) in label.lines.iter().enumerate() {
            // `at` is the middle of the first line's box.
            let base = label.at.y + k as f64 * label.line_height + font.size * 0.36;
            line(
                out,
                text,
                (label.at.x, label.at.x),
                base,
                font,
                &ink,
                Align::Middle,
            );
        }
    }
    tags(out, story, lang, &layout);
    train(out, &layout, &boarding, &colour);
    out.push_str("</g>");
}

/// The lines' names under the track, each after its colour swatch, where
/// `geometry::line_tags` puts them.
fn tags(out: &mut String, story: &Story, lang: Lang, layout: &Layout) {
    let p = palette();
    let rtl = lang.is_rtl();
    let names: Vec<String> = story
        .platforms
        .iter()
        .map(|pl| words(story, lang, pl.name.get(lang)))
        .collect();
    let font = Font::new(lang, TAG_FONT, true);
    for t in line_tags(layout, &names, TAG_FONT, rtl) {
        let b = t.bbox;
        let mid = b.y + b.h / 2.0;
        // From the tag's reading edge: swatch, name, a gap, the next.
        let mut at = if rtl { b.x + b.w } else { b.x };
        for &pl in &t.platforms {
            let name = names.get(pl).map_or("", String::as_str);
            let colour = story
                .platforms
                .get(pl)
                .map_or("#000000", |x| x.color.as_str());
            let sw = if rtl { at - 11.0 } else { at };
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="11" height="5" rx="1.5" fill="{colour}"/>"#,
                n(sw),
                n(mid - 2.5)
            );
            let text_at = if rtl { at - 14.0 } else { at + 14.0 };
            line(
                out,
                name,
                (text_at, text_at),
                mid + font.size * 0.36,
                font,
                &hex(p.theme.soft),
                Align::Start,
            );
            let step = 14.0 + font.width(name) + 6.0;
            at = if rtl { at - step } else { at + step };
        }
    }
}

/// The train with its front at the first station, facing along the line:
/// the locomotive striped in the first line's colour, the carriages in the
/// colours of the lines it rides (as `ui::journey::train` draws it).
fn train(out: &mut String, layout: &Layout, boarding: &[usize], colour: &dyn Fn(usize) -> String) {
    let p = palette();
    let scale = train_scale(layout.width);
    let ink = hex(p.theme.ink);
    let paper = hex(p.theme.paper);
    let stripe = boarding
        .first()
        .map_or_else(|| hex(p.theme.accent), |&b| colour(b));
    // Back to front, so the locomotive is drawn over its carriages.
    for (k, v) in vehicles(layout, 0.0).iter().enumerate().rev() {
        let _ = write!(
            out,
            r#"<g transform="translate({} {}) rotate({}) scale({scale})">"#,
            n(v.pose.at.x),
            n(v.pose.at.y),
            n(v.pose.angle)
        );
        if k == 0 {
            let _ = write!(
                out,
                r#"<path d="M-16.5 -7.5 H6 Q14 -7.5 16.5 0 Q14 7.5 6 7.5 H-16.5 Z" fill="{ink}" stroke="{paper}" stroke-width="1.5"/><rect x="-16" y="-1.5" width="28" height="3" rx="1.5" fill="{stripe}"/><path d="M7 -5 Q12.5 -4 14.5 0 Q12.5 4 7 5 Z" fill="{paper}" opacity="0.85"/>"#
            );
        } else {
            let car = if boarding.is_empty() {
                hex(p.theme.bar)
            } else {
                colour(boarding[(k - 1) % boarding.len()])
            };
            let _ = write!(
                out,
                r#"<rect x="-12.5" y="-6.5" width="25" height="13" rx="3" fill="{car}" stroke="{ink}" stroke-width="1.5"/><rect x="-9.5" y="-3" width="19" height="6" rx="1.5" fill="{paper}" opacity="0.55"/>"#
            );
        }
        out.push_str("</g>");
    }
}

/// A figure's picture: the story it is from, the number, what it counts
/// and when, its chart (or, without one, what the article said), its
/// source, and the publisher's line.
pub fn figure_svg(story: &Story, stat: &Stat, lang: Lang, publisher: &str) -> String {
    let p = palette();
    let strings = ui(lang);
    let (ink, soft, accent) = (hex(p.theme.ink), hex(p.theme.soft), hex(p.theme.accent));
    let mut out = String::new();
    open(&mut out, lang);
    let width = W - 2.0 * M;
    let kicker = Font::new(lang, 24.0, false);
    let title = svg::ellipsize(&words(story, lang, story.title.get(lang)), kicker, width);
    let mut y = 62.0;
    line(&mut out, &title, (M, W - M), y, kicker, &soft, Align::Start);
    let charted = stat.chart.is_some();
    let number = Font::new(lang, if charted { 84.0 } else { 104.0 }, true);
    y += 22.0 + number.size * 0.95;
    line(
        &mut out,
        &figure_text(story, stat, lang),
        (M, W - M),
        y,
        number,
        &accent,
        Align::Start,
    );
    let label = Font::new(lang, if charted { 32.0 } else { 40.0 }, false);
    let (lines, label) = svg::fit(
        &words(story, lang, stat.label.get(lang)),
        label,
        28.0,
        width,
        2,
    );
    y += leading(label) * 0.95;
    for l in &lines {
        line(&mut out, l, (M, W - M), y, label, &ink, Align::Start);
        y += leading(label);
    }
    let period = Font::new(lang, 24.0, false);
    let when = svg::ellipsize(&words(story, lang, stat.period.get(lang)), period, width);
    // Under the label's last line, a little closer than another line.
    y += leading(period) * 1.1 - leading(label);
    line(&mut out, &when, (M, W - M), y, period, &soft, Align::Start);
    let top = y + 18.0;
    match &stat.chart {
        Some(c) => {
            let h = (FOOT_RULE - 12.0 - top).max(120.0);
            let (drawing, _) = chart_svg(story, c, lang, width, h);
            out.push_str(&nest(&drawing, M, top));
        }
        None => {
            // No chart: what the article said, beside the figure above.
            if let Some(a) = &stat.article {
                let said = Font::new(lang, 28.0, false);
                let text = format!(
                    "{}: {}",
                    strings.article_said,
                    words(story, lang, a.claim.get(lang))
                );
                let (lines, said) = svg::fit(&text, said, 24.0, width, 3);
                let mut y = top + 30.0 + said.size;
                for l in &lines {
                    line(&mut out, l, (M, W - M), y, said, &ink, Align::Start);
                    y += leading(said);
                }
            }
        }
    }
    let source = story
        .source(&stat.source)
        .map(|s| {
            format!(
                "{}: {}",
                strings.source,
                words(story, lang, s.publisher.get(lang))
            )
        })
        .unwrap_or_default();
    foot(&mut out, lang, &source, publisher);
    out.push_str("</svg>");
    out
}

/// The card's chart for `lang`, drawn by `geometry::chart` into plotters'
/// SVG backend at `w`×`h` px: the same drawing as the card's canvas, its
/// words in the shipped fonts.
pub fn chart_svg(story: &Story, c: &Chart, lang: Lang, w: f64, h: f64) -> (String, Drawn) {
    let loc = locale(story, lang).to_string();
    let fmt = move |v: f64, s: Style| format::number(v, &loc, s);
    let data = ChartData::new(c, lang, &ui(lang).running_total, &fmt);
    let mut out = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut out, (w as u32, h as u32)).into_drawing_area();
        let opts = Options {
            rtl: lang.is_rtl(),
            scale: CHART_SCALE,
            font: Font::new(lang, 0.0, false).family(),
        };
        let drawn = chart::draw(&area, &data, &palette().theme, &opts).unwrap_or_default();
        let _ = area.present();
        drawn
    };
    (svg::embed_all(&out, lang), drawn)
}

/// An SVG document placed inside another at (`x`, `y`), as a nested `<svg>`.
fn nest(doc: &str, x: f64, y: f64) -> String {
    let body = doc.trim_start_matches(|c| c != '<');
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, r)| r).trim_start(),
        None => body,
    };
    body.replacen("<svg ", &format!(r#"<svg x="{}" y="{}" "#, n(x), n(y)), 1)
}

/// The page picture's text alternative: the title, and what the map shows.
pub fn page_alt(story: &Story, lang: Lang) -> String {
    let title = words(story, lang, story.title.get(lang));
    match story.year_span() {
        Some((from, to)) => {
            let label = crate::text::strings::fill(
                &ui(lang).track_label,
                &[("from", &from.to_string()), ("to", &to.to_string())],
            );
            format!("{title}. {}", words(story, lang, &label))
        }
        None => title,
    }
}

/// A figure picture's text alternative: the figure, what it counts and
/// when, what its chart shows, and its source; at most 420 characters
/// (X's limit), the chart's summary shortened first.
pub fn figure_alt(story: &Story, stat: &Stat, lang: Lang) -> String {
    let head = format!(
        "{} {} ({})",
        figure_text(story, stat, lang),
        words(story, lang, stat.label.get(lang)),
        words(story, lang, stat.period.get(lang))
    );
    let source = story
        .source(&stat.source)
        .map(|s| {
            format!(
                ". {}: {}",
                ui(lang).source,
                words(story, lang, s.publisher.get(lang))
            )
        })
        .unwrap_or_default();
    let summary = stat.chart.as_ref().map(|c| {
        let loc = locale(story, lang).to_string();
        let fmt = move |v: f64, s: Style| format::number(v, &loc, s);
        let data = ChartData::new(c, lang, &ui(lang).running_total, &fmt);
        chart::summary(&words(story, lang, c.title.get(lang)), &data)
    });
    let room = 420usize.saturating_sub(head.chars().count() + source.chars().count() + 2);
    let summary = match summary {
        Some(s) if s.chars().count() <= room => format!(". {s}"),
        Some(s) if room > 20 => {
            let cut: String = s.chars().take(room - 1).collect();
            let cut = cut
                .rsplit_once(' ')
                .map_or(cut.as_str(), |(a, _)| a)
                .to_string();
            format!(". {cut}…")
        }
        _ => String::new(),
    };
    format!("{head}{summary}{source}")
}
