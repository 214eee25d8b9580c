//! The story file and its validation. Each broken fixture is the real story
//! with one rule broken, and must give exactly its own error.

use qitar::i18n::{ui, Lang};
use qitar::story::{load, Problem, StationKind, BUILT_IN};
use serde_json::{json, Value};

fn real() -> Value {
    serde_json::from_str(BUILT_IN).expect("content/story.json is JSON")
}

/// Loads a mutated copy of the real story and returns its errors as text.
fn errors_after(mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = real();
    mutate(&mut v);
    match load(&v.to_string()) {
        Ok(_) => vec![],
        Err(errs) => errs.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn the_real_story_validates() {
    let story = load(BUILT_IN).unwrap_or_else(|errs| {
        panic!(
            "content/story.json is invalid:\n{}",
            errs.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let years: Vec<i32> = story.stations.iter().filter_map(|s| s.year).collect();
    assert_eq!(years, [2011, 2012, 2013, 2014, 2016, 2017, 2018]);
    let waypoints: Vec<&str> = story
        .stations
        .iter()
        .filter(|s| s.kind == StationKind::Waypoint)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(waypoints, ["via-googleplus", "via-private-apps"]);
    for p in [
        "facebook",
        "twitter",
        "googleplus",
        "private-apps",
        "telegram",
    ] {
        assert!(story.platform(p).is_some(), "platform {p}");
    }
}

#[test]
fn the_real_story_carries_the_checked_figures() {
    let story = load(BUILT_IN).unwrap();
    let value = |id: &str| story.stat(id).unwrap_or_else(|| panic!("stat {id}")).value;
    assert_eq!(value("twitter-h2-2017"), 274_460.0);
    assert_eq!(value("twitter-fall-8-4"), 8.4);
    assert_eq!(value("twitter-total-2017"), 1_210_357.0);
    assert_eq!(value("telegram-mau-2018"), 200_000_000.0);
    assert_eq!(value("telegram-prize"), 200_000.0);
    assert_eq!(value("telegram-award"), 100_000.0);
    assert_eq!(value("kenya-deaths"), 1_133.0);
    // The article's own figure sits beside the source's where they differ.
    let article = |id: &str| story.stat(id).unwrap().article.as_ref().unwrap().value;
    assert_eq!(article("twitter-total-2017"), Some(1_000_000.0));
    assert_eq!(article("kenya-deaths"), Some(1_000.0));
    // The 8.4% is a fall between half-years: the chart holds both halves.
    let fall = story
        .stat("twitter-fall-8-4")
        .unwrap()
        .chart
        .as_ref()
        .unwrap();
    let halves: Vec<f64> = fall.bars.iter().map(|b| b.value).collect();
    assert_eq!(halves, [299_649.0, 274_460.0]);
    let pct = (1.0 - halves[1] / halves[0]) * 100.0;
    assert!((pct - 8.4).abs() < 0.05, "{pct}");
    // The running total ends at the report's total.
    let total = story
        .stat("twitter-total-2017")
        .unwrap()
        .chart
        .as_ref()
        .unwrap();
    assert_eq!(total.total.as_ref().unwrap().last(), Some(&1_210_357.0));
}

#[test]
fn every_stat_and_station_names_a_known_source() {
    let story = load(BUILT_IN).unwrap();
    for s in story.stats() {
        assert!(story.source(&s.source).is_some(), "{}", s.id);
        assert!(
            s.note.is_some()
                || s.article.is_none()
                || s.article.as_ref().unwrap().value == Some(s.value),
            "{}: the article's figure differs from the source's, so it needs a note",
            s.id
        );
    }
}

#[test]
fn interface_strings_exist_in_both_languages() {
    for lang in Lang::ALL {
        let s = ui(lang);
        for v in [
            &s.switch_to,
            &s.journey,
            &s.sources,
            &s.error_title,
            &s.panic,
        ] {
            assert!(!v.trim().is_empty(), "{lang:?}");
        }
    }
    assert_ne!(ui(Lang::Ar).sources, ui(Lang::En).sources);
}

#[test]
fn unknown_field_is_named() {
    let errs = errors_after(|v| v["stations"][3]["colour"] = json!("red"));
    assert_eq!(errs, ["stations[3].colour: unknown field"]);
}

#[test]
fn every_unknown_field_is_named_at_once() {
    let errs = errors_after(|v| {
        v["subtitle"] = json!("x");
        v["stations"][3]["colour"] = json!("red");
        v["stations"][3]["caption"]["fr"] = json!("bonjour");
        v["sources"][0]["pages"] = json!(12);
    });
    // In the file's order (new keys were appended to their objects).
    assert_eq!(
        errs,
        [
            "stations[3].caption.fr: unknown field",
            "stations[3].colour: unknown field",
            "sources[0].pages: unknown field",
            "subtitle: unknown field",
        ]
    );
}

#[test]
fn missing_language_is_named() {
    let errs = errors_after(|v| {
        v["stations"][0]["caption"]
            .as_object_mut()
            .unwrap()
            .remove("en");
    });
    assert_eq!(errs, ["stations[0].caption.en: missing English text"]);
    let errs = errors_after(|v| v["sources"][2]["title"]["ar"] = json!("  "));
    assert_eq!(errs, ["sources[2].title.ar: missing Arabic text"]);
}

#[test]
fn duplicate_id_is_named() {
    let errs = errors_after(|v| v["stations"][1]["id"] = json!("s2011"));
    assert_eq!(errs, ["stations[1].id: duplicate id \"s2011\""]);
}

#[test]
fn unknown_source_is_named() {
    let errs = errors_after(|v| v["stations"][7]["stats"][1]["source"] = json!("twitter-tr-13"));
    assert_eq!(
        errs,
        ["stations[7].stats[1].source: unknown source \"twitter-tr-13\""]
    );
}

#[test]
fn unknown_platform_is_named() {
    let errs = errors_after(|v| v["stations"][0]["platforms"][1] = json!("myspace"));
    assert_eq!(
        errs,
        ["stations[0].platforms[1]: unknown platform \"myspace\""]
    );
}

#[test]
fn years_must_rise() {
    let errs = errors_after(|v| v["stations"][2]["year"] = json!(2011));
    assert_eq!(
        errs,
        ["stations[2].year: year 2011 does not come after 2012"]
    );
}

#[test]
fn negative_number_is_named() {
    let errs = errors_after(|v| v["stations"][7]["stats"][0]["value"] = json!(-274460));
    assert_eq!(errs, ["stations[7].stats[0].value: number is negative"]);
}

#[test]
fn non_finite_number_is_refused_with_its_path() {
    let mut text = real().to_string();
    text = text.replacen("274460", "1e999", 1);
    let errs: Vec<String> = load(&text)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with(
            "stations[6].stats[0].chart.bars[4].value: invalid file: number out of range"
        ),
        "{}",
        errs[0]
    );
}

#[test]
fn statistic_without_source_is_named() {
    let errs = errors_after(|v| v["initiatives"][2]["stats"][0]["source"] = json!(""));
    assert_eq!(
        errs,
        ["initiatives[2].stats[0].source: a statistic needs a source"]
    );
}

#[test]
fn wrong_type_names_the_field() {
    let errs = errors_after(|v| v["stations"][7]["stats"][0]["value"] = json!("lots"));
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0]
            .starts_with("stations[7].stats[0].value: invalid file: invalid type: string \"lots\""),
        "{}",
        errs[0]
    );
}

#[test]
fn colour_date_and_url_are_checked() {
    let errs = errors_after(|v| {
        v["platforms"][0]["color"] = json!("blue");
        v["sources"][1]["date"] = json!("5 Feb 2016");
        v["sources"][1]["url"] = json!("javascript:alert(1)");
    });
    assert_eq!(
        errs,
        [
            "sources[1].date: invalid date \"5 Feb 2016\", expected YYYY, YYYY-MM or YYYY-MM-DD",
            "sources[1].url: invalid URL \"javascript:alert(1)\", expected https://",
            "platforms[0].color: invalid colour \"blue\", expected #rrggbb",
        ]
    );
}

#[test]
fn waypoints_have_no_year_and_stations_do() {
    let errs = errors_after(|v| {
        v["stations"][4]["year"] = json!(2015);
        v["stations"][0]["year"] = Value::Null;
    });
    assert_eq!(
        errs,
        [
            "stations[0].year: a station needs a year",
            "stations[4].year: a waypoint has no year"
        ]
    );
}

#[test]
fn chart_total_matches_its_bars() {
    let errs = errors_after(|v| {
        v["stations"][7]["stats"][2]["chart"]["total"] = json!([1, 2]);
    });
    assert_eq!(
        errs,
        ["stations[7].stats[2].chart.total: total has 2 values but there are 5 bars"]
    );
}

#[test]
fn all_errors_are_listed_at_once() {
    let errs = errors_after(|v| {
        v["stations"][3]["colour"] = json!("red");
        v["stations"][0]["caption"]
            .as_object_mut()
            .unwrap()
            .remove("en");
        v["stations"][7]["stats"][1]["source"] = json!("twitter-tr-13");
        v["stations"][0]["platforms"][1] = json!("myspace");
    });
    assert_eq!(
        errs,
        [
            "stations[3].colour: unknown field",
            "stations[0].platforms[1]: unknown platform \"myspace\"",
            "stations[0].caption.en: missing English text",
            "stations[7].stats[1].source: unknown source \"twitter-tr-13\"",
        ]
    );
}

#[test]
fn errors_are_translated() {
    let mut v = real();
    v["stations"][7]["stats"][1]["source"] = json!("twitter-tr-13");
    let errs = load(&v.to_string()).unwrap_err();
    assert_eq!(
        errs[0].problem,
        Problem::UnknownSource("twitter-tr-13".into())
    );
    assert_eq!(
        errs[0].problem.describe(Lang::Ar),
        "مصدر غير معروف \"twitter-tr-13\""
    );
}

#[test]
fn not_json_is_a_single_clear_error() {
    let errs = load("<html>404</html>").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0]
            .to_string()
            .starts_with("invalid file: expected value"),
        "{}",
        errs[0]
    );
}

#[test]
fn every_problem_reads_fully_in_both_languages() {
    use qitar::story::Problem as P;
    let all = [
        P::Syntax("x".into()),
        P::UnknownField,
        P::MissingText(Lang::Ar),
        P::MissingText(Lang::En),
        P::DuplicateId("a".into()),
        P::UnknownSource("a".into()),
        P::UnknownPlatform("a".into()),
        P::YearNotRising {
            previous: 2014,
            year: 2013,
        },
        P::MissingYear,
        P::WaypointWithYear,
        P::NotFinite,
        P::Negative,
        P::EmptySource,
        P::BadColor("x".into()),
        P::BadDate("x".into()),
        P::BadUrl("x".into()),
        P::ChartEmpty,
        P::TotalLength { bars: 5, total: 4 },
        P::NoPlatforms,
        P::NoStations,
        P::UnsupportedVersion(7),
    ];
    for p in &all {
        let (ar, en) = (p.describe(Lang::Ar), p.describe(Lang::En));
        for m in [&ar, &en] {
            assert!(!m.trim().is_empty() && !m.contains('{'), "{p:?}: {m}");
        }
        assert_ne!(ar, en, "{p:?}");
    }
    assert_eq!(
        all[7].describe(Lang::En),
        "year 2013 does not come after 2014"
    );
    assert_eq!(
        all[20].describe(Lang::En),
        "unsupported version 7, expected 1"
    );
}
