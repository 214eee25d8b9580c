//! The story model: the story file's shape (serde), and the checks that turn
//! a parsed file into a story the app can trust.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

use crate::i18n::{fill, Lang, Problems};

/// A text in both languages. A missing language deserialises as empty so
/// that validation can list it beside every other problem.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Arabic text.
    #[serde(default)]
    pub ar: String,
    /// The English text.
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NumberLocales {
    /// The BCP 47 locale for numbers and dates in Arabic (`ar-u-nu-arab`: Arabic-Indic digits).
    pub ar: String,
    /// The BCP 47 locale for numbers and dates in English.
    pub en: String,
}

impl NumberLocales {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

impl Default for NumberLocales {
    fn default() -> Self {
        Self {
            ar: "ar-u-nu-arab".into(),
            en: "en-US".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The JSON Schema this file follows, for editors (`story.schema.json`).
    #[serde(default, rename(deserialize = "$schema"))]
    pub schema: Option<String>,
    /// The file format's version: 1.
    pub version: u32,
    /// The languages the story is written in: `ar`, `en` or both (the
    /// default). Every text needs each of them, and only them.
    #[serde(default = "Story::both_languages")]
    pub languages: Vec<Lang>,
    /// The language a reader gets when the URL does not choose one (`index.html`).
    #[serde(default)]
    pub default_lang: Lang,
    /// How numbers and dates are written in each language (through the browser's `Intl`).
    #[serde(default)]
    pub number_locales: NumberLocales,
    /// The headline; also the page's title and its link-preview title.
    pub title: Text,
    /// The standfirst under the headline; also the page's description.
    pub intro: Text,
    /// The lines of the map, one per platform, in the order they are drawn.
    pub platforms: Vec<Platform>,
    /// A line under the journey's heading: whose account of it this is.
    #[serde(default)]
    pub journey_note: Option<Text>,
    /// The stops of the journey, in order.
    pub stations: Vec<Station>,
    /// Who pushed back: programmes and prizes, each with its figures.
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    /// The closing section's heading (without it: a generic "Last stop").
    #[serde(default)]
    pub closing_title: Option<Text>,
    /// The closing paragraph, after the journey and the initiatives.
    pub closing: Text,
    /// Every source a station, figure, bar or note cites, by `id`.
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// How stations name this line in their `platforms`.
    pub id: String,
    /// The line's name on the map and in the legend.
    pub name: Text,
    /// The line's colour, `#rrggbb`.
    pub color: String,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all(deserialize = "snake_case"))]
pub enum StationKind {
    #[default]
    Station,
    /// A stop the story names without a year of its own.
    Waypoint,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// A unique id (links use the year, or this for a waypoint).
    pub id: String,
    /// `station` (a year of its own) or `waypoint` (no year).
    #[serde(default)]
    pub kind: StationKind,
    /// The year; years rise along the line. None for a waypoint.
    pub year: Option<i32>,
    /// Overrides the year on the track, e.g. "2017–2018".
    #[serde(default)]
    pub label: Option<Text>,
    /// The ids of the lines the groups ride at this stop.
    pub platforms: Vec<String>,
    /// The station's heading.
    pub title: Text,
    /// A short paragraph: what happened here.
    pub caption: Text,
    /// What the live region says when the reader reaches this station.
    pub announce: Text,
    /// The id of the source for the caption.
    pub source: String,
    /// The figures shown at this stop; each opens a card.
    #[serde(default)]
    pub stats: Vec<Stat>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all(deserialize = "snake_case"))]
pub enum Unit {
    /// A number of things.
    Count,
    /// A percentage (`8.4` is 8.4%).
    Percent,
    /// US dollars (the same as `currency` with `"currency": "USD"`).
    Usd,
    /// Money in the currency the stat's `currency` names (ISO 4217).
    Currency,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all(deserialize = "snake_case"))]
pub enum Display {
    /// Every digit: 274,460.
    #[default]
    Full,
    /// Short: 1.2 million.
    Compact,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stat {
    /// A unique id; the card's link is `#stat-<id>`.
    pub id: String,
    /// The figure as the primary source gives it.
    pub value: f64,
    /// What kind of number it is.
    pub unit: Unit,
    /// How the number is written.
    #[serde(default)]
    pub display: Display,
    /// For `"unit": "currency"`: the ISO 4217 code, e.g. `"EUR"`, `"SAR"`.
    #[serde(default)]
    pub currency: Option<String>,
    /// What the figure counts, read after the number.
    pub label: Text,
    /// When: the period the figure covers, in words.
    pub period: Text,
    /// What the article said, when it gave this figure.
    pub article: Option<ArticleClaim>,
    /// Where the article and the source differ.
    pub note: Option<Text>,
    /// The sources of the figures in the note, when it has any.
    #[serde(default)]
    pub note_sources: Vec<String>,
    /// How the figure was worked out, when no source states it as such.
    #[serde(default)]
    pub derived: Option<Text>,
    /// The id of the primary source.
    pub source: String,
    /// The card's chart, when the figure has one.
    #[serde(default)]
    pub chart: Option<Chart>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleClaim {
    /// The article's number, when it gave one (a different `value` needs a `note`).
    pub value: Option<f64>,
    /// What the article said, in a few words.
    pub claim: Text,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all(deserialize = "snake_case"))]
pub enum ChartKind {
    /// One bar per period.
    Bars,
    /// Bars with a running-total line.
    BarsTotal,
    /// Two bars and the percentage change between them.
    Change,
    /// The article's figure or an offer beside what happened.
    Versus,
    /// The parts of one whole, over one period (no series of periods).
    Breakdown,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// What the chart shows.
    pub kind: ChartKind,
    /// The chart's title (also its caption and the data table's).
    pub title: Text,
    /// The bars, in order.
    pub bars: Vec<Bar>,
    /// The running total after each bar.
    #[serde(default)]
    pub total: Option<Vec<f64>>,
    /// What the running total stood at before the first bar.
    #[serde(default)]
    pub total_base: Option<f64>,
}

impl ChartKind {
    /// Whether the bars are one series of periods, which must not overlap.
    pub fn is_series(self) -> bool {
        matches!(
            self,
            ChartKind::Bars | ChartKind::BarsTotal | ChartKind::Change
        )
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Under the bar: its period or what it is.
    pub label: Text,
    /// The bar's figure.
    pub value: f64,
    /// Drawn in the accent colour: the bar the card is about.
    #[serde(default)]
    pub highlight: bool,
    /// The id of the bar's source.
    pub source: String,
    /// The period the figure covers, both ends included.
    #[serde(default)]
    pub period: Option<Span>,
    /// How the figure was worked out, when no source states it as such.
    #[serde(default)]
    pub derived: Option<Text>,
}

/// A period by ISO dates (`2016-07-01` to `2016-12-31`; a month or a year
/// stands for all of it), both ends included.
#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// The first day, ISO.
    pub from: String,
    /// The last day, ISO.
    pub to: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// A unique id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Where it works.
    pub region: Text,
    /// What it does, in a sentence.
    pub what: Text,
    /// The id of its source.
    pub source: String,
    /// Its figures; each opens a card.
    #[serde(default)]
    pub stats: Vec<Stat>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A unique id, which everything else cites.
    pub id: String,
    /// The document's title.
    pub title: Text,
    /// Who published it (shown where it is cited).
    pub publisher: Text,
    /// ISO date, to the day, month or year: "2018-04-05", "2018-03", "2015".
    pub date: Option<String>,
    /// Where to read it: an `https://` link.
    pub url: Option<String>,
}

impl Story {
    fn both_languages() -> Vec<Lang> {
        Lang::ALL.to_vec()
    }

    /// Whether the story is written in both languages (a switch between
    /// them makes sense).
    pub fn bilingual(&self) -> bool {
        Lang::ALL.iter().all(|l| self.has(*l))
    }

    /// Whether the story is written in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }

    /// `lang` if the story is written in it, else its default language.
    pub fn lang_or_default(&self, lang: Lang) -> Lang {
        if self.has(lang) {
            lang
        } else {
            self.default_lang
        }
    }

    /// Whether the story sets figures beside an article's (a story told
    /// from its sources alone has no "what the article said").
    pub fn cites_an_article(&self) -> bool {
        self.stats().any(|s| s.article.is_some())
    }

    /// The first and last years the line covers, read from the stations'
    /// years and their labels ("2017–2018").
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let mut years: Vec<i32> = self.stations.iter().filter_map(|s| s.year).collect();
        let labels = self.stations.iter().filter_map(|s| s.label.as_ref());
        for text in labels.flat_map(|l| [l.ar.as_str(), l.en.as_str()]) {
            for word in text.split(|c: char| !c.is_ascii_digit()) {
                if word.len() == 4 {
                    years.extend(word.parse::<i32>().ok());
                }
            }
        }
        Some((*years.iter().min()?, *years.iter().max()?))
    }

    /// Every statistic, in reading order: stations first, then initiatives.
    pub fn stats(&self) -> impl Iterator<Item = &Stat> {
        self.stations
            .iter()
            .flat_map(|s| s.stats.iter())
            .chain(self.initiatives.iter().flat_map(|i| i.stats.iter()))
    }

    pub fn stat(&self, id: &str) -> Option<&Stat> {
        self.stats().find(|s| s.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }
}

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
}

impl Problem {
    /// The problem in words, in the language of `m`.
    pub fn describe(&self, m: &Problems) -> String {
        match self {
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
            Problem::UnsupportedVersion(v) => fill(
                &m.unsupported_version,
                &[
                    ("version", &v.to_string()),
                    ("supported", &SUPPORTED_VERSION.to_string()),
                ],
            ),
        }
    }
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
    fn syntax(path: String, detail: impl fmt::Display) -> StoryError {
        StoryError {
            path,
            problem: Problem::Syntax(detail.to_string()),
        }
    }

    pub fn describe(&self, m: &Problems) -> String {
        if self.path.is_empty() {
            self.problem.describe(m)
        } else {
            format!("{}: {}", self.path, self.problem.describe(m))
        }
    }
}

pub const SUPPORTED_VERSION: u32 = 1;

/// Parses and validates a story file. On failure, every problem found is
/// returned at once, each with its path.
pub fn load(json: &str) -> Result<Story, Vec<StoryError>> {
    let mut value = read_json(json).map_err(|e| vec![e])?;
    // Every struct denies unknown fields, which stops at the first one: drop
    // it and read again, so that all of them are listed at once.
    let mut errors = Vec::new();
    let story = loop {
        let e = match serde_path_to_error::deserialize::<_, Story>(&value) {
            Ok(story) => break story,
            Err(e) => e,
        };
        let message = e.inner().to_string();
        let at = tidy_path(&e.path().to_string());
        match unknown_field(&message) {
            Some(field)
                if errors.len() < MAX_UNKNOWN && remove_field(&mut value, e.path(), &field) =>
            {
                // The path already ends at the unknown key.
                errors.push(StoryError {
                    path: at,
                    problem: Problem::UnknownField,
                });
            }
            _ => {
                errors.push(StoryError::syntax(at, message));
                return Err(errors);
            }
        }
    };
    errors.extend(validate(&story));
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// Reads JSON text into a tree. It goes through serde_path_to_error, so a
/// number out of range is named by its path too. Every JSON file and
/// message the app reads goes through here: one JSON reader keeps the wasm
/// small.
pub fn read_json(text: &str) -> Result<serde_json::Value, StoryError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| StoryError::syntax(tidy_path(&e.path().to_string()), e.inner()))?;
    de.end().map_err(|e| StoryError::syntax(String::new(), e))?;
    Ok(value)
}

/// A file with more unknown fields than this is not a story file at all.
const MAX_UNKNOWN: usize = 100;

/// The field named by serde's "unknown field `x`, expected …" message.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// Removes the unknown `field` that `path` ends at; false when there is none.
fn remove_field(
    value: &mut serde_json::Value,
    path: &serde_path_to_error::Path,
    field: &str,
) -> bool {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let Some((Segment::Map { key }, parent)) = segments.split_last() else {
        return false;
    };
    if key != field {
        return false;
    }
    let mut at = value;
    for seg in parent {
        let next = match seg {
            Segment::Seq { index } => at.get_mut(*index),
            Segment::Map { key } => at.get_mut(key.as_str()),
            Segment::Enum { .. } | Segment::Unknown => None,
        };
        match next {
            Some(v) => at = v,
            None => return false,
        }
    }
    at.as_object_mut()
        .is_some_and(|o| o.remove(field).is_some())
}

/// serde_path_to_error writes the root as "." and indexes as `a[0]`.
fn tidy_path(p: &str) -> String {
    if p == "." {
        String::new()
    } else {
        p.to_string()
    }
}

/// Collects problems with their paths.
struct Checker<'a> {
    story: &'a Story,
    errors: Vec<StoryError>,
    ids: HashSet<String>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(StoryError {
            path: path.into(),
            problem,
        });
    }

    /// A text has every language the story declares (an undeclared one may
    /// be there: it is not shown).
    fn text(&mut self, path: &str, t: &Text) {
        for lang in Lang::ALL {
            if self.story.has(lang) && t.get(lang).trim().is_empty() {
                self.push(
                    format!("{path}.{}", lang.code()),
                    Problem::MissingText(lang),
                );
            }
        }
    }

    /// Stat, initiative, station and platform ids share one namespace
    /// because they all become fragment ids in the page.
    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(format!("{path}.id"), Problem::Syntax("empty id".into()));
        } else if !self.ids.insert(id.to_string()) {
            self.push(format!("{path}.id"), Problem::DuplicateId(id.to_string()));
        }
    }

    fn number(&mut self, path: &str, v: f64) {
        if !v.is_finite() {
            self.push(path, Problem::NotFinite);
        } else if v < 0.0 {
            self.push(path, Problem::Negative);
        }
    }

    fn source_ref(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(path, Problem::EmptySource);
        } else if self.story.source(id).is_none() {
            self.push(path, Problem::UnknownSource(id.to_string()));
        }
    }

    fn stat(&mut self, path: &str, s: &Stat) {
        match (s.unit, &s.currency) {
            (Unit::Currency, Some(c))
                if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {}
            (Unit::Currency, c) => self.push(
                format!("{path}.currency"),
                Problem::BadCurrency(c.clone().unwrap_or_default()),
            ),
            (_, Some(c)) => self.push(format!("{path}.currency"), Problem::BadCurrency(c.clone())),
            (_, None) => {}
        }
        self.id(path, &s.id);
        self.number(&format!("{path}.value"), s.value);
        self.text(&format!("{path}.label"), &s.label);
        self.text(&format!("{path}.period"), &s.period);
        if let Some(a) = &s.article {
            if let Some(v) = a.value {
                self.number(&format!("{path}.article.value"), v);
            }
            self.text(&format!("{path}.article.claim"), &a.claim);
        }
        match &s.note {
            Some(n) => {
                self.text(&format!("{path}.note"), n);
                if has_figure(n) && s.note_sources.is_empty() {
                    self.push(format!("{path}.note_sources"), Problem::NoteWithoutSource);
                }
            }
            None => {
                let differs = s
                    .article
                    .as_ref()
                    .and_then(|a| a.value)
                    .is_some_and(|v| v != s.value);
                if differs {
                    self.push(format!("{path}.note"), Problem::DivergenceWithoutNote);
                }
            }
        }
        for (i, id) in s.note_sources.iter().enumerate() {
            self.source_ref(&format!("{path}.note_sources[{i}]"), id);
        }
        if let Some(d) = &s.derived {
            self.text(&format!("{path}.derived"), d);
        }
        self.source_ref(&format!("{path}.source"), &s.source);
        if let Some(c) = &s.chart {
            self.chart(&format!("{path}.chart"), c);
        }
    }

    fn chart(&mut self, path: &str, c: &Chart) {
        self.text(&format!("{path}.title"), &c.title);
        if c.bars.is_empty() {
            self.push(format!("{path}.bars"), Problem::ChartEmpty);
        }
        // Each bar's period as (first day, last day), where it reads.
        let mut spans: Vec<Option<(u32, u32)>> = Vec::new();
        for (i, b) in c.bars.iter().enumerate() {
            let bp = format!("{path}.bars[{i}]");
            self.text(&format!("{bp}.label"), &b.label);
            self.number(&format!("{bp}.value"), b.value);
            self.source_ref(&format!("{bp}.source"), &b.source);
            if let Some(d) = &b.derived {
                self.text(&format!("{bp}.derived"), d);
            }
            spans.push(self.span(&bp, b, c.kind.is_series()));
        }
        if c.kind.is_series() {
            for (i, a) in spans.iter().enumerate() {
                let earlier = spans[..i].iter().enumerate().find(|(_, b)| match (a, b) {
                    (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
                    _ => false,
                });
                if let Some((j, _)) = earlier {
                    self.push(
                        format!("{path}.bars[{i}].period"),
                        Problem::PeriodsOverlap {
                            other: format!("{path}.bars[{j}]"),
                        },
                    );
                }
            }
        }
        if let Some(total) = &c.total {
            if total.len() != c.bars.len() {
                self.push(
                    format!("{path}.total"),
                    Problem::TotalLength {
                        bars: c.bars.len(),
                        total: total.len(),
                    },
                );
            }
            for (i, v) in total.iter().enumerate() {
                self.number(&format!("{path}.total[{i}]"), *v);
            }
            // Sums are only worth checking once the lengths agree.
            let mut before = c.total_base.unwrap_or(0.0);
            let paired = if total.len() == c.bars.len() {
                total.len()
            } else {
                0
            };
            for (i, (t, b)) in total.iter().zip(&c.bars).take(paired).enumerate() {
                let expected = before + b.value;
                if (t - expected).abs() > 0.5 {
                    self.push(
                        format!("{path}.total[{i}]"),
                        Problem::TotalMismatch {
                            expected,
                            found: *t,
                        },
                    );
                }
                before = *t;
            }
        }
    }

    /// Checks a bar's period and that its source is not older than the
    /// period's end; a series needs one on every bar.
    fn span(&mut self, bp: &str, b: &Bar, required: bool) -> Option<(u32, u32)> {
        let Some(p) = &b.period else {
            if required {
                self.push(format!("{bp}.period"), Problem::MissingPeriod);
            }
            return None;
        };
        let from = day_span(&p.from);
        let to = day_span(&p.to);
        if from.is_none() {
            self.push(
                format!("{bp}.period.from"),
                Problem::BadDate(p.from.clone()),
            );
        }
        if to.is_none() {
            self.push(format!("{bp}.period.to"), Problem::BadDate(p.to.clone()));
        }
        let (first, last) = (from?.0, to?.1);
        if last < first {
            self.push(format!("{bp}.period"), Problem::PeriodBackwards);
            return None;
        }
        let dated = self.story.source(&b.source).and_then(|s| s.date.clone());
        if let Some(date) = dated {
            // A source dated by month or year may be from its last day.
            if day_span(&date).is_some_and(|(_, latest)| latest < last) {
                self.push(
                    format!("{bp}.source"),
                    Problem::SourceBeforePeriod {
                        date,
                        end: p.to.clone(),
                    },
                );
            }
        }
        Some((first, last))
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

/// Whether a text gives a figure (a digit, Western or Arabic-Indic).
fn has_figure(t: &Text) -> bool {
    [&t.ar, &t.en].iter().any(|s| {
        s.chars()
            .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    })
}

/// An ISO date's first and last day, as comparable `yyyymmdd` numbers.
fn day_span(d: &str) -> Option<(u32, u32)> {
    if !is_iso_date(d) {
        return None;
    }
    let n: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
    let key = |y: u32, m: u32, d: u32| y * 10_000 + m * 100 + d;
    match n.as_slice() {
        [y] => Some((key(*y, 1, 1), key(*y, 12, 31))),
        [y, m] => Some((key(*y, *m, 1), key(*y, *m, 31))),
        [y, m, d] => Some((key(*y, *m, *d), key(*y, *m, *d))),
        _ => None,
    }
}

fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

fn is_iso_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let in_range =
        |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && in_range(m, 1, 12) && in_range(d, 1, 31)
        }
        _ => false,
    }
}

/// Every rule the model relies on, beyond the types.
pub fn validate(story: &Story) -> Vec<StoryError> {
    let mut c = Checker {
        story,
        errors: Vec::new(),
        ids: HashSet::new(),
    };
    if story.version != SUPPORTED_VERSION {
        c.push("version", Problem::UnsupportedVersion(story.version));
    }
    if story.languages.is_empty() {
        c.push("languages", Problem::NoLanguages);
    } else if !story.has(story.default_lang) {
        c.push(
            "default_lang",
            Problem::LanguageNotDeclared(story.default_lang),
        );
    }
    c.text("title", &story.title);
    c.text("intro", &story.intro);
    c.text("closing", &story.closing);
    if let Some(t) = &story.closing_title {
        c.text("closing_title", t);
    }
    if let Some(t) = &story.journey_note {
        c.text("journey_note", t);
    }

    let mut source_ids = HashSet::new();
    for (i, s) in story.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        if !source_ids.insert(s.id.as_str()) {
            c.push(format!("{p}.id"), Problem::DuplicateId(s.id.clone()));
        }
        c.text(&format!("{p}.title"), &s.title);
        c.text(&format!("{p}.publisher"), &s.publisher);
        if let Some(d) = &s.date {
            if !is_iso_date(d) {
                c.push(format!("{p}.date"), Problem::BadDate(d.clone()));
            }
        }
        if let Some(u) = &s.url {
            if !u.starts_with("https://") || u.len() <= "https://".len() {
                c.push(format!("{p}.url"), Problem::BadUrl(u.clone()));
            }
        }
    }

    if story.platforms.is_empty() {
        c.push("platforms", Problem::NoPlatforms);
    }
    for (i, p) in story.platforms.iter().enumerate() {
        let path = format!("platforms[{i}]");
        c.id(&path, &p.id);
        c.text(&format!("{path}.name"), &p.name);
        if !is_hex_color(&p.color) {
            c.push(format!("{path}.color"), Problem::BadColor(p.color.clone()));
        }
    }

    if story.stations.is_empty() {
        c.push("stations", Problem::NoStations);
    }
    let mut last_year: Option<i32> = None;
    for (i, s) in story.stations.iter().enumerate() {
        let path = format!("stations[{i}]");
        c.id(&path, &s.id);
        match (s.kind, s.year) {
            (StationKind::Station, None) => c.push(format!("{path}.year"), Problem::MissingYear),
            (StationKind::Waypoint, Some(_)) => {
                c.push(format!("{path}.year"), Problem::WaypointWithYear)
            }
            (StationKind::Station, Some(y)) => {
                if let Some(prev) = last_year {
                    if y <= prev {
                        c.push(
                            format!("{path}.year"),
                            Problem::YearNotRising {
                                previous: prev,
                                year: y,
                            },
                        );
                    }
                }
                last_year = Some(y);
            }
            (StationKind::Waypoint, None) => {}
        }
        if let Some(l) = &s.label {
            c.text(&format!("{path}.label"), l);
        }
        if s.platforms.is_empty() {
            c.push(format!("{path}.platforms"), Problem::NoPlatforms);
        }
        for (j, pid) in s.platforms.iter().enumerate() {
            if story.platform(pid).is_none() {
                c.push(
                    format!("{path}.platforms[{j}]"),
                    Problem::UnknownPlatform(pid.clone()),
                );
            }
        }
        c.text(&format!("{path}.title"), &s.title);
        c.text(&format!("{path}.caption"), &s.caption);
        c.text(&format!("{path}.announce"), &s.announce);
        c.source_ref(&format!("{path}.source"), &s.source);
        for (j, st) in s.stats.iter().enumerate() {
            c.stat(&format!("{path}.stats[{j}]"), st);
        }
    }

    for (i, ini) in story.initiatives.iter().enumerate() {
        let path = format!("initiatives[{i}]");
        c.id(&path, &ini.id);
        c.text(&format!("{path}.name"), &ini.name);
        c.text(&format!("{path}.region"), &ini.region);
        c.text(&format!("{path}.what"), &ini.what);
        c.source_ref(&format!("{path}.source"), &ini.source);
        for (j, st) in ini.stats.iter().enumerate() {
            c.stat(&format!("{path}.stats[{j}]"), st);
        }
    }
    c.errors
}

/// The story file's JSON Schema, from these types (`qitar-check --schema`;
/// `content/story.schema.json` is its output, kept in step by a test).
#[cfg(not(target_arch = "wasm32"))]
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Story);
    schema.insert("title".into(), "qitar story file".into());
    let mut value = schema.to_value();
    file_names_in_defaults(&mut value);
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Defaults come from `Serialize`, which keeps the Rust names of unit
/// variants (the code generator needs them); the file says `"station"`,
/// not `"Station"`.
#[cfg(not(target_arch = "wasm32"))]
fn file_names_in_defaults(v: &mut serde_json::Value) {
    fn rename(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s)
                if s.starts_with(|c: char| c.is_ascii_uppercase())
                    && s.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    if c.is_ascii_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                *s = out;
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(rename),
            _ => {}
        }
    }
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "default" {
                    rename(child);
                } else {
                    file_names_in_defaults(child);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(file_names_in_defaults),
        _ => {}
    }
}
