//! Chart drawing, generic over plotters' `DrawingBackend`: the browser draws
//! on `<canvas>`, the tests draw the same charts into SVG and read them back.
//!
//! Bars are laid out by hand in pixels (no axes to read: every bar carries
//! its value), so right-to-left is a mirror of the slot order.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text_metrics::{text_width, wrap};
use crate::model::lang::Lang;
use crate::model::story::{Chart, ChartKind};
use crate::text::format::Style;

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
    /// For `Stages`: over each later bar, the outline of the stage before
    /// (x0, y0, x1, y1), so the part that did not go on reads as a gap.
    pub outlines: Vec<(i32, i32, i32, i32)>,
}

type DrawResult<DB> = Result<Drawn, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Where things go on the chart: the scale, the slots (one per bar, in
/// reading order, mirrored right to left) and the plot's vertical extent.
struct Plot<'a> {
    /// Device pixels per CSS pixel.
    s: f64,
    font: &'a str,
    font_size: f64,
    width: f64,
    side: f64,
    slot: f64,
    bottom: f64,
    plot_h: f64,
    y_max: f64,
    n: usize,
    rtl: bool,
    line_h: f64,
    /// Each bar's category, wrapped to its slot.
    labels: Vec<Vec<String>>,
}

impl<'a> Plot<'a> {
    fn new(data: &ChartData, opt: &'a Options, w: f64, h: f64) -> Plot<'a> {
        let s = opt.scale.max(0.5);
        let font_size = 12.0 * s;
        let n = data.bars.len().max(1);
        let side = 10.0 * s;
        let top = if data.total.is_some() || data.change.is_some() {
            42.0 * s
        } else {
            26.0 * s
        };
        let slot = (w - 2.0 * side) / n as f64;
        let label_max = (slot - 6.0 * s).max(30.0 * s);
        let labels: Vec<Vec<String>> = data
            .bars
            .iter()
            .map(|b| wrap(&b.label, label_max, font_size))
            .collect();
        let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
        let line_h = font_size * 1.3;
        let bottom = h - (8.0 * s + label_lines * line_h);
        Plot {
            s,
            font: opt.font.as_str(),
            font_size,
            width: w,
            side,
            slot,
            bottom,
            plot_h: (bottom - top).max(10.0),
            y_max: nice_max(data.max()),
            n,
            rtl: opt.rtl,
            line_h,
            labels,
        }
    }

    /// A bar's width, in device pixels.
    fn bar_w(&self) -> f64 {
        (self.slot * 0.58).min(90.0 * self.s)
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }

    fn y_of(&self, v: f64) -> f64 {
        self.bottom - (v / self.y_max) * self.plot_h
    }

    /// The centre of slot `i`, which runs left to right in English and
    /// right to left in Arabic.
    fn cx(&self, i: usize) -> f64 {
        let k = if self.rtl { self.n - 1 - i } else { i };
        self.side + self.slot * k as f64 + self.slot / 2.0
    }

    fn text(&self, scale: f64, color: &'a RGBColor, h: HPos, v: VPos) -> TextStyle<'a> {
        text(self.font, self.font_size * scale, color, h, v)
    }
}

/// Draws `data` over the whole `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    theme: &Theme,
    opt: &Options,
) -> DrawResult<DB> {
    let (w, h) = area.dim_in_pixel();
    area.fill(&theme.paper)?;
    if data.bars.is_empty() {
        return Ok(Drawn::default());
    }
    let p = Plot::new(data, opt, w as f64, h as f64);
    let mut paint = Painter {
        area,
        theme,
        drawn: Drawn {
            y_max: p.y_max,
            ..Drawn::default()
        },
    };
    paint.bars(&p, data)?;
    if data.kind == ChartKind::Stages {
        paint.stages(&p, data)?;
    }
    if let Some((total, last_label)) = &data.total {
        paint.total(&p, total, last_label, &data.total_name)?;
    }
    if let (Some(change), Some(first), Some(last)) =
        (&data.change, data.bars.first(), data.bars.last())
    {
        paint.change(&p, change, first.value, last.value)?;
    }
    Ok(paint.drawn)
}

type Step<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws on the area, and notes what it drew (for the tests).
struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    theme: &'a Theme,
    drawn: Drawn,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn line(&self, p: &Plot, points: Vec<(i32, i32)>, color: &RGBColor, width: f64) -> Step<DB> {
        self.area.draw(&PathElement::new(
            points,
            color.stroke_width(p.px(width).max(1) as u32),
        ))
    }

    fn words(&mut self, s: &str, at: (i32, i32), style: TextStyle) -> Step<DB> {
        self.area.draw(&Text::new(s.to_string(), at, style))?;
        self.drawn.texts.push(s.to_string());
        Ok(())
    }

    /// The baseline, each bar, its value above it and its category,
    /// wrapped, below.
    fn bars(&mut self, p: &Plot, data: &ChartData) -> Step<DB> {
        let theme = self.theme;
        let bottom = p.bottom as i32;
        let baseline = vec![
            (p.px(p.side / p.s), bottom),
            ((p.width - p.side) as i32, bottom),
        ];
        self.line(p, baseline, &theme.ink, 1.0)?;
        let bar_w = p.bar_w();
        for (i, b) in data.bars.iter().enumerate() {
            let cx = p.cx(i);
            let (x0, x1) = ((cx - bar_w / 2.0) as i32, (cx + bar_w / 2.0) as i32);
            let y0 = p.y_of(b.value) as i32;
            let color = if b.highlight { theme.accent } else { theme.bar };
            self.area
                .draw(&Rectangle::new([(x0, y0), (x1, bottom)], color.filled()))?;
            self.drawn.bars.push((x0, y0, x1, bottom));
            let vcolor = if b.highlight {
                &theme.accent
            } else {
                &theme.ink
            };
            let style = p.text(1.0, vcolor, HPos::Center, VPos::Bottom);
            self.words(&b.value_label, (cx as i32, y0 - p.px(5.0)), style)?;
            for (k, line) in p.labels[i].iter().enumerate() {
                let y = p.bottom + 6.0 * p.s + k as f64 * p.line_h;
                let style = p.text(1.0, &theme.soft, HPos::Center, VPos::Top);
                self.words(line, (cx as i32, y as i32), style)?;
            }
        }
        Ok(())
    }

    /// Nested stages: over each bar after the first, the outline of the
    /// stage before it, open at the bottom where the bar fills it, so each
    /// stage reads as the part of the one before that went on (811 reports,
    /// of which 161 escalated) rather than as a separate quantity.
    fn stages(&mut self, p: &Plot, data: &ChartData) -> Step<DB> {
        let half = p.bar_w() / 2.0;
        for (i, pair) in data.bars.windows(2).enumerate() {
            let cx = p.cx(i + 1);
            let (x0, x1) = ((cx - half) as i32, (cx + half) as i32);
            let (top, bar_top) = (p.y_of(pair[0].value) as i32, p.y_of(pair[1].value) as i32);
            let outline = vec![(x0, bar_top), (x0, top), (x1, top), (x1, bar_top)];
            self.line(p, outline, &self.theme.soft, 1.0)?;
            self.drawn.outlines.push((x0, top, x1, bar_top));
        }
        Ok(())
    }

    /// The running total: a line over the bars, its last value, and a
    /// legend.
    fn total(&mut self, p: &Plot, total: &[f64], last_label: &str, name: &str) -> Step<DB> {
        let theme = self.theme;
        let pts: Vec<(i32, i32)> = total
            .iter()
            .enumerate()
            .take(p.n)
            .map(|(i, v)| (p.cx(i) as i32, p.y_of(*v) as i32))
            .collect();
        self.line(p, pts.clone(), &theme.ink, 2.0)?;
        for pt in &pts {
            self.area
                .draw(&Circle::new(*pt, p.px(3.5), theme.ink.filled()))?;
        }
        if let Some(&(x, y)) = pts.last() {
            let style = p.text(1.1, &theme.ink, HPos::Center, VPos::Bottom);
            self.words(last_label, (x, y - p.px(8.0)), style)?;
        }
        // Legend, top centre: a line sample, then its name.
        let name_w = text_width(name, p.font_size);
        let lx = p.width / 2.0;
        let sample = vec![
            ((lx - name_w / 2.0 - 26.0 * p.s) as i32, p.px(10.0)),
            ((lx - name_w / 2.0 - 8.0 * p.s) as i32, p.px(10.0)),
        ];
        self.line(p, sample, &theme.ink, 2.0)?;
        let style = p.text(1.0, &theme.soft, HPos::Center, VPos::Center);
        self.words(name, (lx as i32, p.px(10.0)), style)
    }

    /// The change from the first bar to the last: an arrow over them, and
    /// the change in words.
    fn change(&mut self, p: &Plot, change: &str, first: f64, last: f64) -> Step<DB> {
        let theme = self.theme;
        let (xa, xb) = (p.cx(0), p.cx(p.n - 1));
        let ya = p.y_of(first) - 22.0 * p.s;
        let yb = p.y_of(last) - 22.0 * p.s;
        let arrow = vec![(xa as i32, ya as i32), (xb as i32, yb as i32)];
        self.line(p, arrow, &theme.accent, 1.5)?;
        // Arrow head at the later bar.
        let dir = if xb > xa { -1.0 } else { 1.0 };
        let head = vec![
            (xb as i32, yb as i32),
            ((xb + dir * 8.0 * p.s) as i32, (yb - 4.0 * p.s) as i32),
            ((xb + dir * 8.0 * p.s) as i32, (yb + 4.0 * p.s) as i32),
        ];
        self.area.draw(&Polygon::new(head, theme.accent.filled()))?;
        let style = p.text(1.25, &theme.accent, HPos::Center, VPos::Bottom);
        let at = (((xa + xb) / 2.0) as i32, (ya.min(yb) - 6.0 * p.s) as i32);
        self.words(change, at, style)
    }
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
