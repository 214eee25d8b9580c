//! Every rule the model relies on, beyond the types.

use std::collections::HashSet;

use super::lang::Lang;
use super::problem::{Problem, StoryError};
use super::story::*;

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
        if c.kind == ChartKind::Stages {
            self.stages(path, c);
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

    /// Stages are nested (each a part of the one before: reports assessed,
    /// then escalated, then acted on), so there are at least two and none
    /// is larger than the stage before it; otherwise the chart would show a
    /// process that gains members, or a single bar that is no process.
    fn stages(&mut self, path: &str, c: &Chart) {
        if c.bars.len() == 1 {
            // No bars at all is already `ChartEmpty`.
            self.push(format!("{path}.bars"), Problem::TooFewStages);
        }
        for (i, pair) in c.bars.windows(2).enumerate() {
            let (previous, found) = (pair[0].value, pair[1].value);
            if found > previous {
                self.push(
                    format!("{path}.bars[{}].value", i + 1),
                    Problem::StageGrows { previous, found },
                );
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
    if let Some(t) = &story.publisher {
        c.text("publisher", t);
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
