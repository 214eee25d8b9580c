//! Chart drawing, generic over plotters' `DrawingBackend`: the browser draws
//! on `<canvas>`, the tests draw the same charts into SVG and read them back.
//!
//! Bars are laid out by hand in pixels (no axes to read: every bar carries
//! its value), so right-to-left is a mirror of the slot order.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::Style;
use crate::i18n::Lang;
use crate::story::{Chart, ChartKind};
use crate::track::{text_width, wrap};

/// A chart with its texts resolved for one language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub kind: ChartKind,
    pub bars: Vec<BarData>,
    /// Running total, one point per bar, and the label of its last point.
    pub total: Option<(Vec<f64>, String)>,
    /// For `Change`: the signed change from the first bar to the last.
    pub change: Option<String>,
    /// Legend text for the running total.
    pub total_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarData {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    pub highlight: bool,
}

impl ChartData {
    /// Resolves `chart` for `lang`, formatting numbers with `fmt`.
    pub fn new(
        chart: &Chart,
        lang: Lang,
        total_name: &str,
        fmt: &dyn Fn(f64, Style) -> String,
    ) -> ChartData {
        let bars = chart
            .bars
            .iter()
            .map(|b| BarData {
                label: fmt_digits(b.label.get(lang), fmt),
                value: b.value,
                value_label: fmt(b.value, Style::Plain),
                highlight: b.highlight,
            })
            .collect::<Vec<_>>();
        let total = chart.total.as_ref().map(|t| {
            let last = t.last().copied().unwrap_or(0.0);
            (t.clone(), fmt(last, Style::Plain))
        });
        let change = match (chart.kind, chart.bars.first(), chart.bars.last()) {
            (ChartKind::Change, Some(a), Some(b)) if a.value > 0.0 => {
                let pct = (b.value - a.value) / a.value * 100.0;
                // One decimal, as the source reports it.
                Some(fmt((pct * 10.0).round() / 10.0, Style::SignedPercent))
            }
            _ => None,
        };
        ChartData {
            kind: chart.kind,
            bars,
            total,
            change,
            total_name: total_name.to_string(),
        }
    }

    /// The largest value drawn, which sets the scale.
    pub fn max(&self) -> f64 {
        let bars = self.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let total = self
            .total
            .as_ref()
            .map(|(t, _)| t.iter().copied().fold(0.0, f64::max))
            .unwrap_or(0.0);
        bars.max(total)
    }
}

/// Years and other digits inside bar labels follow the locale's digits.
fn fmt_digits(s: &str, fmt: &dyn Fn(f64, Style) -> String) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            out.push_str(&fmt(run.parse().unwrap_or(0.0), Style::Year));
            run.clear();
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Colours, read from the page's theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub paper: RGBColor,
    pub ink: RGBColor,
    pub soft: RGBColor,
    pub bar: RGBColor,
    pub accent: RGBColor,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            paper: RGBColor(0xfb, 0xfa, 0xf7),
            ink: RGBColor(0x1d, 0x1d, 0x1b),
            soft: RGBColor(0x4a, 0x4a, 0x46),
            bar: RGBColor(0xb9, 0xb3, 0xa6),
            accent: RGBColor(0x9b, 0x2c, 0x1f),
        }
    }
}

/// Parses `#rrggbb`.
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let s = s.trim().strip_prefix('#')?;
    if s.len() != 6 {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
    Some(RGBColor(c(0)?, c(2)?, c(4)?))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub rtl: bool,
    /// Device pixels per CSS pixel: sizes scale, so text stays the same size.
    pub scale: f64,
    pub font: String,
}

/// What was drawn, in device pixels, for tests and hit checks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawn {
    pub y_max: f64,
    /// One rectangle per bar, in data order: (x0, y0, x1, y1).
    pub bars: Vec<(i32, i32, i32, i32)>,
    /// Every text drawn.
    pub texts: Vec<String>,
}

type DrawResult<DB> = Result<Drawn, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `data` over the whole `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    theme: &Theme,
    opt: &Options,
) -> DrawResult<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let s = opt.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let font_size = 12.0 * s;
    let font = opt.font.as_str();
    area.fill(&theme.paper)?;
    let mut drawn = Drawn::default();
    let n = data.bars.len();
    if n == 0 {
        return Ok(drawn);
    }

    let y_max = nice_max(data.max());
    drawn.y_max = y_max;
    let side = 10.0 * s;
    let top = if data.total.is_some() || data.change.is_some() {
        42.0 * s
    } else {
        26.0 * s
    };
    let slot = (w - 2.0 * side) / n as f64;
    let label_max = (slot - 6.0 * s).max(30.0 * s);
    let wrapped: Vec<Vec<String>> = data
        .bars
        .iter()
        .map(|b| wrap(&b.label, label_max, font_size))
        .collect();
    let label_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let line_h = font_size * 1.3;
    let bottom = h - (8.0 * s + label_lines * line_h);
    let plot_h = (bottom - top).max(10.0);
    let y_of = |v: f64| bottom - (v / y_max) * plot_h;
    // Slot i runs left to right in English and right to left in Arabic.
    let slot_x = |i: usize| {
        let k = if opt.rtl { n - 1 - i } else { i };
        side + slot * k as f64
    };

    // Baseline.
    area.draw(&PathElement::new(
        vec![
            (px(side / s), bottom as i32),
            ((w - side) as i32, bottom as i32),
        ],
        theme.ink.stroke_width(px(1.0).max(1) as u32),
    ))?;

    let bar_w = (slot * 0.58).min(90.0 * s);
    for (i, b) in data.bars.iter().enumerate() {
        let cx = slot_x(i) + slot / 2.0;
        let (x0, x1) = ((cx - bar_w / 2.0) as i32, (cx + bar_w / 2.0) as i32);
        let y0 = y_of(b.value) as i32;
        let color = if b.highlight { theme.accent } else { theme.bar };
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, bottom as i32)],
            color.filled(),
        ))?;
        drawn.bars.push((x0, y0, x1, bottom as i32));
        // Value above the bar.
        let vcolor = if b.highlight { theme.accent } else { theme.ink };
        area.draw(&Text::new(
            b.value_label.clone(),
            (cx as i32, y0 - px(5.0)),
            text(font, font_size, &vcolor, HPos::Center, VPos::Bottom),
        ))?;
        drawn.texts.push(b.value_label.clone());
        // Category below the baseline, wrapped.
        for (k, line) in wrapped[i].iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                (cx as i32, (bottom + 6.0 * s + k as f64 * line_h) as i32),
                text(font, font_size, &theme.soft, HPos::Center, VPos::Top),
            ))?;
            drawn.texts.push(line.clone());
        }
    }

    if let Some((total, last_label)) = &data.total {
        let pts: Vec<(i32, i32)> = total
            .iter()
            .enumerate()
            .take(n)
            .map(|(i, v)| ((slot_x(i) + slot / 2.0) as i32, y_of(*v) as i32))
            .collect();
        area.draw(&PathElement::new(
            pts.clone(),
            theme.ink.stroke_width(px(2.0) as u32),
        ))?;
        for p in &pts {
            area.draw(&Circle::new(*p, px(3.5), theme.ink.filled()))?;
        }
        if let Some(&(x, y)) = pts.last() {
            area.draw(&Text::new(
                last_label.clone(),
                (x, y - px(8.0)),
                text(
                    font,
                    font_size * 1.1,
                    &theme.ink,
                    HPos::Center,
                    VPos::Bottom,
                ),
            ))?;
            drawn.texts.push(last_label.clone());
        }
        // Legend, top centre: a line sample, then its name.
        let name_w = text_width(&data.total_name, font_size);
        let lx = w / 2.0;
        area.draw(&PathElement::new(
            vec![
                ((lx - name_w / 2.0 - 26.0 * s) as i32, px(10.0)),
                ((lx - name_w / 2.0 - 8.0 * s) as i32, px(10.0)),
            ],
            theme.ink.stroke_width(px(2.0) as u32),
        ))?;
        area.draw(&Text::new(
            data.total_name.clone(),
            (lx as i32, px(10.0)),
            text(font, font_size, &theme.soft, HPos::Center, VPos::Center),
        ))?;
        drawn.texts.push(data.total_name.clone());
    }

    if let (Some(change), Some(first), Some(last)) =
        (&data.change, data.bars.first(), data.bars.last())
    {
        let (xa, xb) = (slot_x(0) + slot / 2.0, slot_x(n - 1) + slot / 2.0);
        let ya = y_of(first.value) - 22.0 * s;
        let yb = y_of(last.value) - 22.0 * s;
        area.draw(&PathElement::new(
            vec![(xa as i32, ya as i32), (xb as i32, yb as i32)],
            theme.accent.stroke_width(px(1.5) as u32),
        ))?;
        // Arrow head at the later bar.
        let dir = if xb > xa { -1.0 } else { 1.0 };
        area.draw(&Polygon::new(
            vec![
                (xb as i32, yb as i32),
                ((xb + dir * 8.0 * s) as i32, (yb - 4.0 * s) as i32),
                ((xb + dir * 8.0 * s) as i32, (yb + 4.0 * s) as i32),
            ],
            theme.accent.filled(),
        ))?;
        area.draw(&Text::new(
            change.clone(),
            (((xa + xb) / 2.0) as i32, (ya.min(yb) - 6.0 * s) as i32),
            text(
                font,
                font_size * 1.25,
                &theme.accent,
                HPos::Center,
                VPos::Bottom,
            ),
        ))?;
        drawn.texts.push(change.clone());
    }
    Ok(drawn)
}

fn text<'a>(font: &'a str, size: f64, color: &'a RGBColor, h: HPos, v: VPos) -> TextStyle<'a> {
    TextStyle::from((font, size).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// A round upper bound a little above `max`, so labels have room.
pub fn nice_max(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let padded = max * 1.12;
    let mag = 10f64.powf(padded.log10().floor());
    let step = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|m| m * mag >= padded)
        .unwrap_or(10.0);
    step * mag
}

/// A one-sentence summary of the chart for screen readers.
pub fn summary(title: &str, data: &ChartData) -> String {
    let parts: Vec<String> = data
        .bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value_label))
        .collect();
    let mut s = format!("{title}. {}", parts.join("; "));
    if let Some((_, last)) = &data.total {
        s.push_str(&format!(". {}: {last}", data.total_name));
    }
    if let Some(c) = &data.change {
        s.push_str(&format!(". {c}"));
    }
    s
}
