//! What can be wrong with a story file, and where. (`text::problems` says
//! it in the reader's words.)

use std::fmt;

use super::lang::Lang;

/// What is wrong with one place in a story file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not JSON, or a value has the wrong type.
    Syntax(String),
    UnknownField,
    MissingText(Lang),
    DuplicateId(String),
    UnknownSource(String),
    UnknownPlatform(String),
    YearNotRising {
        previous: i32,
        year: i32,
    },
    MissingYear,
    WaypointWithYear,
    NotFinite,
    Negative,
    EmptySource,
    BadColor(String),
    /// `languages` is empty.
    NoLanguages,
    /// `default_lang` is not among `languages`.
    LanguageNotDeclared(Lang),
    /// A `currency` unit without a three-letter ISO 4217 code, or a code on
    /// another unit.
    BadCurrency(String),
    BadDate(String),
    BadUrl(String),
    ChartEmpty,
    TotalLength {
        bars: usize,
        total: usize,
    },
    NoPlatforms,
    NoStations,
    UnsupportedVersion(u32),
    /// A running total that is not the previous total plus its bar.
    TotalMismatch {
        expected: f64,
        found: f64,
    },
    /// A bar of a series without a machine-readable period.
    MissingPeriod,
    /// A period that ends before it starts.
    PeriodBackwards,
    /// Two periods of one series overlap.
    PeriodsOverlap {
        other: String,
    },
    /// A source dated before the end of the period it reports.
    SourceBeforePeriod {
        date: String,
        end: String,
    },
    /// A note that gives figures without naming their source.
    NoteWithoutSource,
    /// The article's figure differs from the source's, and no note says how.
    DivergenceWithoutNote,
    /// A `stages` chart with fewer than two stages: one bar is no process.
    TooFewStages,
    /// A stage larger than the stage before it, which it is a part of.
    StageGrows {
        previous: f64,
        found: f64,
    },
}

/// One problem, at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryError {
    /// Where, as `stations[3].stats[1].source`; empty for the whole file.
    pub path: String,
    pub problem: Problem,
}

impl StoryError {
    /// The file does not read as JSON, or a value has the wrong type.
    pub(super) fn syntax(path: String, detail: impl fmt::Display) -> StoryError {
        StoryError {
            path,
            problem: Problem::Syntax(detail.to_string()),
        }
    }
}
