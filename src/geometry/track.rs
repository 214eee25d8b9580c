//! Track geometry: where the stations, the platform lines, the labels and the
//! train go, computed from the story's stations and the space available.
//! Pure functions, so the layout is tested natively at every width.

use super::text_metrics::{text_width, wrap};

/// One stop as the track needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// The label drawn beside the stop (a year, or a waypoint's name).
    pub label: String,
    pub waypoint: bool,
    /// Indices into the story's platforms.
    pub platforms: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Top to bottom, in a narrow band (phones).
    Vertical,
    /// In reading order across a wide panel (mirrored in right-to-left).
    Horizontal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub rtl: bool,
    /// Label font size in px.
    pub font: f64,
}

impl Frame {
    /// The box the CSS gave the track, and the labels' size for it: 12 px
    /// across a panel, 11 px down a narrow band. (The journey sets the
    /// labels' font size from this, so CSS and layout cannot disagree.)
    pub fn new(width: f64, height: f64, rtl: bool) -> Frame {
        let mut frame = Frame {
            width: width.max(1.0),
            height: height.max(1.0),
            rtl,
            font: 11.0,
        };
        if frame.orientation() == Orientation::Horizontal {
            frame.font = 12.0;
        }
        frame
    }

    /// A narrow band runs the track vertically; anything wider runs it
    /// across. The CSS decides the box, this only reads its shape.
    pub fn orientation(&self) -> Orientation {
        if self.width >= 240.0 && self.width > self.height {
            Orientation::Horizontal
        } else {
            Orientation::Vertical
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= -0.01
            && self.y >= -0.01
            && self.x + self.w <= width + 0.01
            && self.y + self.h <= height + 0.01
    }
}

/// A label, centred on `at`, one line per entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    /// Centre of the first line's baseline box.
    pub at: Point,
    pub line_height: f64,
    pub bbox: Rect,
}

/// One platform's line: the points it passes, offset into its own lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Strand {
    pub platform: usize,
    /// First and last stop the platform serves.
    pub first: usize,
    pub last: usize,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub orientation: Orientation,
    pub width: f64,
    pub height: f64,
    pub stops: Vec<Point>,
    /// Arc length from the start to each stop, as a fraction of the whole.
    pub stop_t: Vec<f64>,
    pub strands: Vec<Strand>,
    pub labels: Vec<Label>,
    /// The labels' font size in px (the frame's).
    pub font: f64,
    length: f64,
}

/// Where the train is and which way it faces (degrees, 0 = +x, clockwise).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub at: Point,
    pub angle: f64,
    /// Arc fraction of the whole path, 0..=1.
    pub t: f64,
}

/// Gap between platform lanes.
pub const LANE: f64 = 4.0;
/// Rows for the lines' names under a track that runs across (three on a
/// phone's strip, four on the narrowest; style/main.css gives those strips
/// the height), and their height.
pub fn tag_rows(width: f64) -> f64 {
    if width < 330.0 {
        4.0
    } else if width < 600.0 {
        3.0
    } else {
        2.0
    }
}
pub const TAG_H: f64 = 15.0;

fn label(text: &str, centre: Point, max: f64, font: f64, grow_up: bool) -> Label {
    let lines = wrap(text, max, font);
    let lh = font * 1.25;
    let w = lines
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    let h = lh * lines.len() as f64;
    // Centre the block on `centre`, or stack it upward from it.
    let top = if grow_up {
        centre.y - h
    } else {
        centre.y - h / 2.0
    };
    Label {
        at: Point {
            x: centre.x,
            y: top + lh / 2.0,
        },
        line_height: lh,
        bbox: Rect {
            x: centre.x - w / 2.0,
            y: top,
            w,
            h,
        },
        lines,
    }
}

fn dist(a: Point, b: Point) -> f64 {
    ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt()
}

/// Offsets a polyline sideways by `d` (mitred joints).
fn offset(points: &[Point], d: f64) -> Vec<Point> {
    let normal = |a: Point, b: Point| {
        let l = dist(a, b).max(1e-9);
        ((a.y - b.y) / l, (b.x - a.x) / l)
    };
    (0..points.len())
        .map(|i| {
            let prev = (i > 0).then(|| normal(points[i - 1], points[i]));
            let next = (i + 1 < points.len()).then(|| normal(points[i], points[i + 1]));
            let (nx, ny) = match (prev, next) {
                (Some(a), Some(b)) => {
                    let (sx, sy) = (a.0 + b.0, a.1 + b.1);
                    let l = (sx * sx + sy * sy).sqrt().max(1e-9);
                    let (mx, my) = (sx / l, sy / l);
                    let cos = (mx * a.0 + my * a.1).max(0.3);
                    (mx / cos, my / cos)
                }
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => (0.0, 0.0),
            };
            Point {
                x: points[i].x + nx * d,
                y: points[i].y + ny * d,
            }
        })
        .collect()
}

/// Lays out the track for `stops` and `platforms` lines in `frame`.
pub fn layout(stops: &[Stop], platforms: usize, frame: Frame) -> Layout {
    let n = stops.len().max(1);
    let orientation = frame.orientation();
    let (w, h, font) = (frame.width, frame.height, frame.font);
    let bundle = LANE * platforms.saturating_sub(1) as f64 / 2.0 + 6.0;
    let mirror = |p: Point| {
        if frame.rtl {
            Point { x: w - p.x, y: p.y }
        } else {
            p
        }
    };
    let mut labels = Vec::with_capacity(n);
    let points: Vec<Point> = match orientation {
        Orientation::Horizontal => {
            let s0 = (w - 80.0) / (n.max(2) - 1) as f64;
            let max = (2.0 * s0 - 12.0).clamp(40.0, 120.0);
            let pad = max / 2.0 + 4.0;
            let s = (w - 2.0 * pad) / (n.max(2) - 1) as f64;
            // Waypoints sit on a detour below the main line; the band, detour
            // included, is centred above the rows of line names.
            let tags_h = tag_rows(w) * TAG_H;
            let detour = ((h - tags_h) * 0.12).min(18.0);
            let cy = (h - tags_h - detour) / 2.0;
            let pts: Vec<Point> = stops
                .iter()
                .enumerate()
                .map(|(i, st)| {
                    let y = if st.waypoint { cy + detour } else { cy };
                    mirror(Point {
                        x: pad + s * i as f64,
                        y,
                    })
                })
                .collect();
            // Labels clear the whole band, detour included, so none can
            // touch a neighbour's dot.
            let gap = bundle + 6.0;
            let above = cy - gap;
            let below = cy + detour + gap;
            for (i, (st, p)) in stops.iter().zip(&pts).enumerate() {
                let l = if i % 2 == 0 {
                    let mut l = label(&st.label, Point { x: p.x, y: below }, max, font, false);
                    let shift = below - l.bbox.y;
                    l.bbox.y += shift;
                    l.at.y += shift;
                    l
                } else {
                    label(&st.label, Point { x: p.x, y: above }, max, font, true)
                };
                labels.push(l);
            }
            pts
        }
        Orientation::Vertical => {
            let x_track = 22.0;
            let pad = 28.0;
            let s = (h - 2.0 * pad) / (n.max(2) - 1) as f64;
            let lx = x_track + bundle + 6.0;
            let max = w - lx - 4.0;
            let pts: Vec<Point> = (0..n)
                .map(|i| {
                    mirror(Point {
                        x: x_track,
                        y: pad + s * i as f64,
                    })
                })
                .collect();
            for (st, p) in stops.iter().zip(&pts) {
                let cx = mirror(Point {
                    x: lx + max / 2.0,
                    y: 0.0,
                })
                .x;
                labels.push(label(&st.label, Point { x: cx, y: p.y }, max, font, false));
            }
            pts
        }
    };

    let mut cum = vec![0.0];
    for i in 1..points.len() {
        cum.push(cum[i - 1] + dist(points[i - 1], points[i]));
    }
    let length = *cum.last().unwrap_or(&0.0);
    let stop_t = cum
        .iter()
        .map(|c| if length > 0.0 { c / length } else { 0.0 })
        .collect();

    let strands = (0..platforms)
        .filter_map(|p| {
            let served: Vec<usize> = (0..stops.len())
                .filter(|&i| stops[i].platforms.contains(&p))
                .collect();
            let (&first, &last) = (served.first()?, served.last()?);
            let lane = (p as f64 - (platforms as f64 - 1.0) / 2.0) * LANE;
            let side = if frame.rtl && orientation == Orientation::Horizontal {
                -1.0
            } else {
                1.0
            };
            let mut pts: Vec<Point> = points[first..=last].to_vec();
            // A line that starts mid-journey runs in from halfway back; one that
            // ends before the terminus runs out halfway: the train changes lines.
            if first > 0 {
                let a = points[first - 1];
                let b = points[first];
                pts.insert(
                    0,
                    Point {
                        x: (a.x + b.x) / 2.0,
                        y: (a.y + b.y) / 2.0,
                    },
                );
            }
            if last + 1 < points.len() {
                let a = points[last];
                let b = points[last + 1];
                pts.push(Point {
                    x: (a.x + b.x) / 2.0,
                    y: (a.y + b.y) / 2.0,
                });
            }
            Some(Strand {
                platform: p,
                first,
                last,
                points: offset(&pts, lane * side),
            })
        })
        .collect();

    Layout {
        orientation,
        width: w,
        height: h,
        stops: points,
        stop_t,
        strands,
        labels,
        font,
        length,
    }
}

impl Layout {
    /// The train's pose for `progress` in stop space: 0 is the first stop,
    /// `n - 1` the last, and 2.5 halfway between the third and fourth.
    pub fn pose(&self, progress: f64) -> Pose {
        let n = self.stops.len();
        if n == 0 {
            return Pose {
                at: Point { x: 0.0, y: 0.0 },
                angle: 0.0,
                t: 0.0,
            };
        }
        if n == 1 {
            return Pose {
                at: self.stops[0],
                angle: 0.0,
                t: 0.0,
            };
        }
        let p = if progress.is_finite() {
            super::within(progress, 0.0, (n - 1) as f64)
        } else {
            0.0
        };
        let i = (p.floor() as usize).min(n - 2);
        let f = p - i as f64;
        let (a, b) = (self.stops[i], self.stops[i + 1]);
        let at = Point {
            x: a.x + (b.x - a.x) * f,
            y: a.y + (b.y - a.y) * f,
        };
        let angle = (b.y - a.y).atan2(b.x - a.x).to_degrees();
        let t = self.stop_t[i] + (self.stop_t[i + 1] - self.stop_t[i]) * f;
        Pose { at, angle, t }
    }

    /// Where a carriage `back` px behind the train's front at `progress`
    /// is, along the drawn path: round the bends, and before the first stop
    /// straight back along the first stretch.
    pub fn pose_behind(&self, progress: f64, back: f64) -> Pose {
        self.pose_at_arc(self.pose(progress).t * self.length - back)
    }

    /// The pose `s` px along the drawn path from the first stop (before it,
    /// when negative: straight back along the first stretch).
    pub fn pose_at_arc(&self, s: f64) -> Pose {
        let n = self.stops.len();
        if n < 2 || self.length <= 0.0 {
            return self.pose(0.0);
        }
        let seg = |i: usize| (self.stops[i], self.stops[i + 1]);
        let i = (0..n - 1)
            .find(|&i| s <= self.stop_t[i + 1] * self.length)
            .unwrap_or(n - 2);
        let (a, b) = seg(i);
        let len = dist(a, b).max(1e-9);
        let f = (s - self.stop_t[i] * self.length) / len;
        Pose {
            at: Point {
                x: a.x + (b.x - a.x) * f,
                y: a.y + (b.y - a.y) * f,
            },
            angle: (b.y - a.y).atan2(b.x - a.x).to_degrees(),
            t: (s / self.length).clamp(0.0, 1.0),
        }
    }

    pub fn length(&self) -> f64 {
        self.length
    }

    /// The bar across the end of the line, just past the last stop (empty
    /// with fewer than two stops).
    pub fn terminus_d(&self) -> String {
        match self.stops.len() {
            n if n >= 2 => Self::bar_across_d(self.stops[n - 2], self.stops[n - 1], 14.0, 14.0),
            _ => String::new(),
        }
    }

    /// A bar across each line where it stops carrying the groups before
    /// the end of the line.
    pub fn line_ends_d(&self) -> String {
        self.strands
            .iter()
            .filter(|s| s.last + 1 < self.stops.len() && s.points.len() >= 2)
            .map(|s| {
                let k = s.points.len();
                Self::bar_across_d(s.points[k - 2], s.points[k - 1], 0.0, 6.0)
            })
            .collect()
    }

    /// SVG path data for a bar across the path's end at `b` (coming from
    /// `a`), `beyond` px past it and `half` px to each side.
    pub fn bar_across_d(a: Point, b: Point, beyond: f64, half: f64) -> String {
        let len = dist(a, b).max(1.0);
        let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
        let (cx, cy) = (b.x + ux * beyond, b.y + uy * beyond);
        let f = |v: f64| crate::text::decimal::fixed(v, 1);
        format!(
            "M{} {} L{} {} ",
            f(cx - uy * half),
            f(cy + ux * half),
            f(cx + uy * half),
            f(cy - ux * half)
        )
    }

    /// The SVG path data through the given points.
    pub fn path_d(points: &[Point]) -> String {
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { " L" });
            let f = |v: f64| crate::text::decimal::fixed(v, 1);
            d.push_str(&format!("{} {}", f(p.x), f(p.y)));
        }
        d
    }
}
