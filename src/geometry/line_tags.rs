//! The lines' names on the map: each where its line starts and, if
//! elsewhere, where it ends, in rows under a track that runs across.

use super::text_metrics::text_width;
use super::track::{tag_rows, Layout, Orientation, Point, Rect, TAG_H};

/// The size of the lines' names, in px (the journey sets it on each tag).
pub const TAG_FONT: f64 = 11.0;
/// A name tag's colour swatch, and the space after it.
const SWATCH: f64 = 14.0;

/// Where a line's name goes: where it starts or where it stops carrying
/// the groups, in a row under the track.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTag {
    /// The lines (platform indices) named together: they start, or end,
    /// at the same place.
    pub platforms: Vec<usize>,
    pub end: bool,
    /// The point on the track the tag names.
    pub at: Point,
    pub bbox: Rect,
}

/// The lines' names, each where its line starts and, if elsewhere, where it
/// ends, in up to `tag_rows` rows under a track that runs across. A start
/// tag begins at its point (in reading order), an end tag finishes at it;
/// tags that would collide move to the next row, or slide along it.
pub fn line_tags(l: &Layout, names: &[String], font: f64, rtl: bool) -> Vec<LineTag> {
    if l.orientation != Orientation::Horizontal {
        return Vec::new();
    }
    let mut wanted: Vec<LineTag> = Vec::new();
    for end in [false, true] {
        for s in &l.strands {
            let at = if end {
                // A line that serves a single stop is named once.
                if s.first == s.last {
                    continue;
                }
                *s.points.last().unwrap_or(&l.stops[s.last])
            } else {
                *s.points.first().unwrap_or(&l.stops[s.first])
            };
            match wanted
                .iter_mut()
                .find(|t| t.end == end && (t.at.x - at.x).abs() < 0.5)
            {
                Some(t) => t.platforms.push(s.platform),
                None => wanted.push(LineTag {
                    platforms: vec![s.platform],
                    end,
                    at,
                    bbox: Rect {
                        x: 0.0,
                        y: 0.0,
                        w: 0.0,
                        h: TAG_H,
                    },
                }),
            }
        }
    }
    // Every line's start first, then the ends where there is room; each in
    // reading order along the track.
    wanted.sort_by(|a, b| {
        let (ka, kb) = if rtl {
            (-a.at.x, -b.at.x)
        } else {
            (a.at.x, b.at.x)
        };
        a.end.cmp(&b.end).then(ka.total_cmp(&kb))
    });
    let n_rows = tag_rows(l.width);
    let top = l.height - n_rows * TAG_H;
    let mut rows: Vec<Vec<Rect>> = vec![Vec::new(); n_rows as usize];
    let mut placed = Vec::new();
    for mut t in wanted {
        let text: f64 = t
            .platforms
            .iter()
            .map(|&p| SWATCH + text_width(names.get(p).map_or("", String::as_str), font) + 6.0)
            .sum();
        let w = text.min(l.width);
        // Starts run forward from their point, ends finish at theirs.
        let forward_from_point = t.end == rtl;
        let x0 = if forward_from_point {
            t.at.x
        } else {
            t.at.x - w
        };
        let x0 = super::within(x0, 0.0, l.width - w);
        let mut done = false;
        for (r, row) in rows.iter_mut().enumerate() {
            let mut b = Rect {
                x: x0,
                y: top + r as f64 * TAG_H,
                w,
                h: TAG_H,
            };
            // Slide past what is already in the row, within the frame.
            for _ in 0..row.len() + 1 {
                match row.iter().find(|o| {
                    o.overlaps(&Rect {
                        x: b.x - 4.0,
                        w: b.w + 8.0,
                        ..b
                    })
                }) {
                    None => break,
                    Some(o) => {
                        b.x = if rtl {
                            o.x - 4.0 - b.w
                        } else {
                            o.x + o.w + 4.0
                        };
                    }
                }
            }
            let clear = !row.iter().any(|o| o.overlaps(&b));
            if clear && b.inside(l.width, l.height) {
                row.push(b);
                t.bbox = b;
                done = true;
                break;
            }
        }
        if done {
            placed.push(t);
        }
    }
    placed
}
