//! The story file's shape: what a journalist writes, read by serde. The
//! checks that make it a story the app can trust are in `validate`.

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// The story file format this app reads (`version`).
pub const SUPPORTED_VERSION: u32 = 1;

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
        lang.pick(&self.ar, &self.en)
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
        lang.pick(&self.ar, &self.en)
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
    /// Without it, the first of `languages`.
    #[serde(default)]
    pub default_lang: Lang,
    /// How numbers and dates are written in each language (through the browser's `Intl`).
    #[serde(default)]
    pub number_locales: NumberLocales,
    /// The headline; also the page's title and its link-preview title.
    pub title: Text,
    /// The standfirst under the headline; also the page's description.
    pub intro: Text,
    /// Who publishes the graphic (a newsroom, a desk): the line at the foot
    /// of its share pictures, and the link previews' site name. Without it
    /// the pictures name the host of `QITAR_PUBLIC_URL` instead.
    #[serde(default)]
    pub publisher: Option<Text>,
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
    // The generic heading names no stop: "last stop" is a station's title (Telegram's).
    /// The closing section's heading (without it: a generic "After the journey").
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
    // One line: the schema's description and the field reference keep line breaks.
    /// Nested stages, each a part of the one before (reports assessed, escalated, acted on).
    Stages,
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
