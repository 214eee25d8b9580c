//! A station's names: its DOM id, and its name on the map and over its
//! text (one function for both, so they never disagree).

use super::format::{self, Style};
use crate::model::lang::Lang;
use crate::model::story::Station;

/// The DOM id of a station: its year, so `#2017` works, or its own id for
/// an undated waypoint.
pub fn station_anchor(s: &Station) -> String {
    s.year
        .map(|y| y.to_string())
        .unwrap_or_else(|| s.id.clone())
}

/// A station's name on the track and over its text: its own label, else its
/// year, else (an undated waypoint without a label) `waypoint`, the
/// interface's word for a transfer stop.
pub fn station_label(s: &Station, lang: Lang, locale: &str, waypoint: &str) -> String {
    match (&s.label, s.year) {
        (Some(l), _) => format::digits(l.get(lang), locale),
        (None, Some(y)) => format::number(y as f64, locale, Style::Year),
        (None, None) => waypoint.to_string(),
    }
}
