//! The interface strings that belong to no one story (`content/ui.json`):
//! their shape, and reading them. The build script reads this file too (it
//! checks the strings and compiles them in; `content::ui` serves them).

use serde::{Deserialize, Serialize};

use crate::model::lang::Lang;

/// Interface strings for one language. Unknown or missing keys fail the
/// native tests, so both languages always have every string.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub switch_to: String,
    pub switch_label: String,
    pub skip_to_story: String,
    pub journey: String,
    pub waypoint: String,
    pub platforms: String,
    pub figures: String,
    pub according_to: String,
    /// Between the names in a list ("، " or "; ").
    pub list_separator: String,
    /// Before how a figure was worked out.
    pub derived: String,
    pub initiatives: String,
    pub closing: String,
    pub sources: String,
    pub article_said: String,
    pub source_says: String,
    pub period: String,
    pub note: String,
    pub source: String,
    pub no_article_figure: String,
    pub no_date: String,
    pub details: String,
    /// While the card's code is on its way.
    pub card_loading: String,
    /// When the card's code could not be fetched.
    pub card_failed: String,
    pub loading: String,
    pub error_title: String,
    pub error_intro: String,
    pub error_fetch: String,
    /// A `?story=` from an origin the build does not allow: `{origin}`, `{allowed}`.
    pub error_refused: String,
    /// The server answered `{status}`.
    pub error_http: String,
    /// No readable answer: network, CORS or CSP.
    pub error_network: String,
    pub error_back: String,
    pub panic: String,
    pub station_word: String,
    /// The map's name: `{from}` and `{to}` are the first and last years.
    pub track_label: String,
    pub track_hint: String,
    pub close: String,
    pub show_data: String,
    pub hide_data: String,
    pub copy_link: String,
    pub link_copied: String,
    pub copy_failed: String,
    pub save_image: String,
    /// Opens the system's share sheet (where the browser has one).
    pub share: String,
    /// The share sheet was refused; the link follows.
    pub share_failed: String,
    /// A figure's share page: the link that opens its card in the graphic.
    pub open_in_graphic: String,
    pub running_total: String,
    pub value: String,
    /// What can be wrong with a story file; `{name}` marks a value.
    pub problems: Problems,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Problems {
    pub invalid_file: String,
    pub unknown_field: String,
    pub missing_arabic: String,
    pub missing_english: String,
    pub duplicate_id: String,
    pub unknown_source: String,
    pub unknown_platform: String,
    pub year_not_rising: String,
    pub missing_year: String,
    pub waypoint_with_year: String,
    pub not_finite: String,
    pub negative: String,
    pub empty_source: String,
    pub bad_colour: String,
    pub bad_currency: String,
    pub no_languages: String,
    pub lang_not_declared: String,
    pub bad_date: String,
    pub bad_url: String,
    pub chart_empty: String,
    pub total_length: String,
    pub no_platforms: String,
    pub no_stations: String,
    pub unsupported_version: String,
    pub total_mismatch: String,
    pub missing_period: String,
    pub period_backwards: String,
    pub periods_overlap: String,
    pub source_before_period: String,
    pub note_without_source: String,
    pub divergence_without_note: String,
    pub too_few_stages: String,
    pub stage_grows: String,
}

/// Fills a message's `{name}` placeholders.
pub fn fill(message: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(message.to_string(), |m, (name, value)| {
        m.replace(&format!("{{{name}}}"), value)
    })
}

/// Every interface string, in both languages.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub ar: Strings,
    pub en: Strings,
}

impl Table {
    pub fn get(&self, lang: Lang) -> &Strings {
        lang.pick(&self.ar, &self.en)
    }
}

/// Reads `content/ui.json`; an error names the key (`en.problems.bad_url:
/// missing field …`).
pub fn parse_table(json: &str) -> Result<Table, String> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de).map_err(|e| format!("{}: {}", e.path(), e.inner()))
}
