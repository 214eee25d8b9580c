//! The map as the static page draws it, before the app runs (and for readers
//! without JavaScript): the same layout (`geometry::track`) in the box the
//! stylesheet gives the map in each band of widths, written as SVG markup at
//! build time. The stylesheet shows the band's drawing. The lines stretch
//! with the box (`preserveAspectRatio="none"`, strokes that do not scale);
//! the stops, their names, the lines' names and the train are placed at the
//! same fraction of the width and are not stretched. At a band's own width
//! it is exactly what the app draws when it takes over; between, the stops
//! sit within a few px of it. The app's view passes the markup through
//! untouched when it hydrates and hides it once it has measured the map.

use crate::geometry::line_tags::{line_tags, TAG_FONT};
use crate::geometry::text_metrics::text_width;
use crate::geometry::track::{layout, Frame, Layout, Point, Stop};
use crate::geometry::train::{train_scale, vehicles};
use leptos::prelude::*;

use super::map::{track_stops, Map};
use super::train::{LOCO_BODY, LOCO_GLASS};
use crate::model::story::Story;
use crate::target::IN_BROWSER;
use crate::text::decimal::fixed;
use crate::ui::ctx::Ctx;

/// A band of viewport widths with one drawing: the width it is drawn for
/// and the map's box there (style/main.css; tests/track.rs checks both).
pub struct Band {
    pub viewport: f64,
    pub width: f64,
    pub height: f64,
}

/// Phones to 361 px (four rows of line names), phones and small tablets,
/// tablets, and the map beside the text with three rows, then two.
pub const BANDS: [Band; 5] = [
    Band {
        viewport: 320.0,
        width: 288.0,
        height: 176.0,
    },
    Band {
        viewport: 390.0,
        width: 342.0,
        height: 160.0,
    },
    Band {
        viewport: 768.0,
        width: 640.0,
        height: 160.0,
    },
    Band {
        viewport: 1024.0,
        width: 520.0,
        height: 208.0,
    },
    Band {
        viewport: 1280.0,
        width: 712.0,
        height: 208.0,
    },
];

/// What the drawing names: the stops (as the layout takes them), the lines'
/// names and colours. (The stops' accessible names are in the page's
/// station list; the drawing is hidden from assistive technology.)
struct Still {
    stops: Vec<Stop>,
    line_names: Vec<String>,
    colours: Vec<String>,
    rtl: bool,
}

/// Every band's drawing, for the prerender; nothing in the browser (the
/// server's markup stays in the page, and the wasm carries no writer).
pub fn markup(story: &Story, ctx: Ctx, map: &Map) -> String {
    if IN_BROWSER {
        return String::new();
    }
    let still = Still {
        stops: track_stops(story, ctx),
        line_names: map.line_names.get_untracked(),
        colours: map.colours.get_value(),
        rtl: ctx.lang.get_untracked().is_rtl(),
    };
    BANDS
        .iter()
        .enumerate()
        .map(|(k, band)| {
            let frame = Frame::new(band.width, band.height, still.rtl);
            let l = layout(&still.stops, still.colours.len(), frame);
            format!("{}{}", lines(&l, &still, k), marks(&l, &still, k))
        })
        .collect()
}

/// The lines, spine and bars, stretched with the box.
fn lines(l: &Layout, still: &Still, band: usize) -> String {
    let d = |points: &[Point]| Layout::path_d(points);
    let mut svg = format!(
        r#"<svg class="still still-{band}" viewBox="0 0 {} {}" preserveAspectRatio="none" focusable="false">"#,
        fixed(l.width, 0),
        fixed(l.height, 0)
    );
    let path = |class: &str, data: String, stroke: &str| {
        let stroke = match stroke {
            "" => String::new(),
            c => format!(r#" stroke="{c}""#),
        };
        format!(
            r#"<path class="{class}" d="{data}"{stroke} vector-effect="non-scaling-stroke"></path>"#
        )
    };
    svg += &path("spine", d(&l.stops), "");
    // The train stands at the first station: the lines serving it are the
    // ones it rides, those starting later are ahead (as the app draws them).
    let first = still
        .stops
        .first()
        .map(|s| s.platforms.as_slice())
        .unwrap_or(&[]);
    for s in &l.strands {
        let state = if s.first > 0 {
            "strand ahead"
        } else if first.contains(&s.platform) {
            "strand current"
        } else {
            "strand"
        };
        let colour = still
            .colours
            .get(s.platform)
            .map(String::as_str)
            .unwrap_or("");
        svg += &path(state, d(&s.points), colour);
    }
    svg += &path("terminus", l.terminus_d(), "");
    let ends = l.line_ends_d();
    svg += &path("line-ends", ends, "");
    svg + "</svg>"
}

/// Something placed at a point's fraction of the width, `dx` px beside it.
fn at(l: &Layout, x: f64, dx: f64, inner: &str) -> String {
    let pct = if l.width > 0.0 {
        x / l.width * 100.0
    } else {
        0.0
    };
    format!(
        r#"<svg x="{}%" overflow="visible"><g transform="translate({} 0)">{inner}</g></svg>"#,
        fixed(pct, 3),
        fixed(dx, 1)
    )
}

/// The stops, their names, the lines' names and the train: unstretched.
fn marks(l: &Layout, still: &Still, band: usize) -> String {
    let dir = if still.rtl { "rtl" } else { "ltr" };
    let mut svg = format!(
        r#"<svg class="still still-marks still-{band}" direction="{dir}" focusable="false">"#
    );
    for (i, ((p, label), stop)) in l.stops.iter().zip(&l.labels).zip(&still.stops).enumerate() {
        let class = match (stop.waypoint, i == 0) {
            (true, true) => "stop-dot waypoint active",
            (true, false) => "stop-dot waypoint",
            (false, true) => "stop-dot active",
            (false, false) => "stop-dot",
        };
        let r = if stop.waypoint { "5.5" } else { "7" };
        svg += &at(
            l,
            p.x,
            0.0,
            &format!(
                r#"<circle class="{class}" cy="{}" r="{r}"></circle>"#,
                fixed(p.y, 1)
            ),
        );
        // Each line of the name centred on the label's place, as the app's
        // link sets it (centred lines, the layout's line height). A text of
        // its own per line: WebKit reorders right-to-left text across the
        // chunks of one text element.
        let active = if i == 0 { " active" } else { "" };
        let text: String = label
            .lines
            .iter()
            .enumerate()
            .map(|(k, line)| {
                format!(
                    r#"<text class="still-label{active}" y="{}" font-size="{}" text-anchor="middle" dominant-baseline="central">{}</text>"#,
                    fixed(label.at.y + label.line_height * k as f64, 1),
                    fixed(l.font, 1),
                    escape(line)
                )
            })
            .collect();
        svg += &at(l, label.at.x, 0.0, &text);
    }
    svg += &tags(l, still);
    svg += &train(l);
    svg + "</svg>"
}

/// The lines' names, each with its colour swatch, where the app puts them.
fn tags(l: &Layout, still: &Still) -> String {
    const SWATCH: f64 = 11.0;
    const AFTER_SWATCH: f64 = 3.0;
    const BETWEEN: f64 = 6.0;
    let mut out = String::new();
    for t in line_tags(l, &still.line_names, TAG_FONT, still.rtl) {
        let y = t.bbox.y + t.bbox.h / 2.0;
        // In reading order from the tag's start edge: swatch, name, gap.
        let (edge, sign) = if still.rtl {
            (t.bbox.x + t.bbox.w, -1.0)
        } else {
            (t.bbox.x, 1.0)
        };
        let mut inner = String::new();
        let mut along = 0.0;
        for &p in &t.platforms {
            let name = still.line_names.get(p).map(String::as_str).unwrap_or("");
            let colour = still.colours.get(p).map(String::as_str).unwrap_or("");
            let sx = if still.rtl { -along - SWATCH } else { along };
            inner += &format!(
                r#"<rect x="{}" y="{}" width="10" height="4" rx="1.5" fill="{colour}"></rect>"#,
                fixed(sx, 1),
                fixed(y - 2.0, 1)
            );
            along += SWATCH + AFTER_SWATCH;
            inner += &format!(
                r#"<text class="still-tag" x="{}" y="{}" font-size="{}" text-anchor="start" dominant-baseline="central">{}</text>"#,
                fixed(sign * along, 1),
                fixed(y, 1),
                fixed(TAG_FONT, 1),
                escape(name)
            );
            along += text_width(name, TAG_FONT) + BETWEEN;
        }
        out += &at(l, edge, 0.0, &inner);
    }
    out
}

/// The locomotive at the first station, facing along the line (its
/// carriages wait out of sight until it leaves, as in the app).
fn train(l: &Layout) -> String {
    let Some(first) = l.stops.first() else {
        return String::new();
    };
    vehicles(l, 0.0)
        .into_iter()
        .take(1)
        .filter(|v| !v.waiting)
        .map(|v| {
            let inner = format!(
                r#"<g class="still-train" transform="translate(0 {}) rotate({}) scale({})"><path class="loco-body" d="{LOCO_BODY}"></path><rect class="loco-stripe" x="-16" y="-1.5" width="28" height="3" rx="1.5"></rect><path class="loco-glass" d="{LOCO_GLASS}"></path></g>"#,
                fixed(v.pose.at.y, 2),
                fixed(v.pose.angle, 2),
                fixed(train_scale(l.width), 3)
            );
            at(l, first.x, v.pose.at.x - first.x, &inner)
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}
