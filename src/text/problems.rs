//! A story file's problems in the reader's words (the messages are in
//! `content/ui.json`). The build script reads this file too.

use super::strings::{fill, Problems};
use crate::model::lang::Lang;
use crate::model::problem::{Problem, StoryError};
use crate::model::story::SUPPORTED_VERSION;

impl Problems {
    /// A problem in words, in these messages' language.
    pub fn say(&self, problem: &Problem) -> String {
        let m = self;
        match problem {
            Problem::Syntax(detail) => fill(&m.invalid_file, &[("detail", detail)]),
            Problem::UnknownField => m.unknown_field.clone(),
            Problem::MissingText(Lang::Ar) => m.missing_arabic.clone(),
            Problem::MissingText(Lang::En) => m.missing_english.clone(),
            Problem::DuplicateId(id) => fill(&m.duplicate_id, &[("id", id)]),
            Problem::UnknownSource(id) => fill(&m.unknown_source, &[("id", id)]),
            Problem::UnknownPlatform(id) => fill(&m.unknown_platform, &[("id", id)]),
            Problem::YearNotRising { previous, year } => fill(
                &m.year_not_rising,
                &[
                    ("year", &year.to_string()),
                    ("previous", &previous.to_string()),
                ],
            ),
            Problem::MissingYear => m.missing_year.clone(),
            Problem::WaypointWithYear => m.waypoint_with_year.clone(),
            Problem::NotFinite => m.not_finite.clone(),
            Problem::Negative => m.negative.clone(),
            Problem::EmptySource => m.empty_source.clone(),
            Problem::BadColor(v) => fill(&m.bad_colour, &[("value", v)]),
            Problem::BadCurrency(v) => fill(&m.bad_currency, &[("value", v)]),
            Problem::NoLanguages => m.no_languages.clone(),
            Problem::LanguageNotDeclared(l) => fill(&m.lang_not_declared, &[("value", l.code())]),
            Problem::BadDate(v) => fill(&m.bad_date, &[("value", v)]),
            Problem::BadUrl(v) => fill(&m.bad_url, &[("value", v)]),
            Problem::ChartEmpty => m.chart_empty.clone(),
            Problem::TotalLength { bars, total } => fill(
                &m.total_length,
                &[("total", &total.to_string()), ("bars", &bars.to_string())],
            ),
            Problem::NoPlatforms => m.no_platforms.clone(),
            Problem::NoStations => m.no_stations.clone(),
            Problem::TotalMismatch { expected, found } => fill(
                &m.total_mismatch,
                &[
                    ("found", &plain_number(*found)),
                    ("expected", &plain_number(*expected)),
                ],
            ),
            Problem::MissingPeriod => m.missing_period.clone(),
            Problem::PeriodBackwards => m.period_backwards.clone(),
            Problem::PeriodsOverlap { other } => fill(&m.periods_overlap, &[("other", other)]),
            Problem::SourceBeforePeriod { date, end } => {
                fill(&m.source_before_period, &[("date", date), ("end", end)])
            }
            Problem::NoteWithoutSource => m.note_without_source.clone(),
            Problem::DivergenceWithoutNote => m.divergence_without_note.clone(),
            Problem::TooFewStages => m.too_few_stages.clone(),
            Problem::StageGrows { previous, found } => fill(
                &m.stage_grows,
                &[
                    ("found", &plain_number(*found)),
                    ("previous", &plain_number(*previous)),
                ],
            ),
            Problem::UnsupportedVersion(v) => fill(
                &m.unsupported_version,
                &[
                    ("version", &v.to_string()),
                    ("supported", &SUPPORTED_VERSION.to_string()),
                ],
            ),
        }
    }

    /// A problem and where it is (`stations[3].stats[1].source: …`).
    pub fn describe(&self, e: &StoryError) -> String {
        if e.path.is_empty() {
            self.say(&e.problem)
        } else {
            format!("{}: {}", e.path, self.say(&e.problem))
        }
    }
}

/// A figure for a problem message. Whole numbers print as integers; the
/// shortest-float printer would add kilobytes to the wasm for this alone.
fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        (v as i64).to_string()
    } else {
        format!("{v:.2}")
    }
}
