//! The story file and its validation. Each broken fixture is the real story
//! with one rule broken, and must give exactly its own error.

use qitar::content::ui;
use qitar::content::STORY_JSON as BUILT_IN;
use qitar::model::lang::Lang;
use qitar::model::load::load;
use qitar::model::problem::{Problem, StoryError};
use qitar::model::story::{ChartKind, StationKind};
use serde_json::{json, Value};

/// A problem as a developer reads it (English).
fn en(e: &StoryError) -> String {
    ui(Lang::En).problems.describe(e)
}

fn real() -> Value {
    serde_json::from_str(BUILT_IN).expect("content/story.json is JSON")
}

/// Loads a mutated copy of the real story and returns its errors as text.
fn errors_after(mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = real();
    mutate(&mut v);
    match load(&v.to_string()) {
        Ok(_) => vec![],
        Err(errs) => errs.iter().map(en).collect(),
    }
}

#[test]
fn the_compiled_in_story_and_strings_are_the_files() {
    // build.rs turns the files into Rust data; it must not change them.
    assert_eq!(&**qitar::content::story(), &load(BUILT_IN).unwrap());
    let table = qitar::text::strings::parse_table(qitar::content::UI_JSON).unwrap();
    for lang in Lang::ALL {
        assert_eq!(format!("{:?}", ui(lang)), format!("{:?}", table.get(lang)));
    }
}

#[test]
fn the_real_story_validates() {
    let story = load(BUILT_IN).unwrap_or_else(|errs| {
        panic!(
            "content/story.json is invalid:\n{}",
            errs.iter().map(en).collect::<Vec<_>>().join("\n")
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

/// The three Twitter charts are one series: the transparency reports'
/// half-years, the first derived from Report 10 (636,248 - 376,890).
#[test]
fn the_twitter_charts_are_one_consistent_series() {
    let story = load(BUILT_IN).unwrap();
    for id in ["twitter-h2-2016", "twitter-h2-2017", "twitter-total-2017"] {
        let chart = story.stat(id).unwrap().chart.as_ref().unwrap();
        let values: Vec<f64> = chart.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [259_358.0, 376_890.0, 299_649.0, 274_460.0], "{id}");
        assert_eq!(values.iter().sum::<f64>(), 1_210_357.0, "{id}");
        assert_eq!(636_248.0 - 376_890.0, values[0]);
        assert!(
            chart.bars[0].derived.is_some(),
            "{id}: the first period is derived"
        );
        assert!(chart.bars[1..].iter().all(|b| b.derived.is_none()), "{id}");
    }
    let total = story
        .stat("twitter-total-2017")
        .unwrap()
        .chart
        .as_ref()
        .unwrap();
    assert_eq!(
        total.total.as_deref(),
        Some(&[259_358.0, 636_248.0, 935_897.0, 1_210_357.0][..])
    );
}

#[test]
fn a_running_total_is_the_previous_total_plus_its_bar() {
    let errs = errors_after(|v| {
        v["stations"][7]["stats"][2]["chart"]["total"] = json!([259358, 636248, 935000, 1210357]);
    });
    assert_eq!(
        errs,
        [
            "stations[7].stats[2].chart.total[2]: the running total 935000 is not the previous total plus its bar (935897)",
            "stations[7].stats[2].chart.total[3]: the running total 1210357 is not the previous total plus its bar (1209460)",
        ]
    );
    // A first total may start from a stated base.
    let errs = errors_after(|v| {
        let c = &mut v["stations"][7]["stats"][2]["chart"];
        c["total_base"] = json!(1000);
        c["total"] = json!([260358, 637248, 936897, 1211357]);
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn periods_in_one_series_do_not_overlap() {
    // The old mistake: a blog's window (Feb–Aug 2016) among the reports' half-years.
    let errs = errors_after(|v| {
        v["stations"][6]["stats"][0]["chart"]["bars"][0]["period"] =
            json!({ "from": "2016-02", "to": "2016-08-18" });
    });
    assert_eq!(
        errs,
        ["stations[6].stats[0].chart.bars[1].period: this period overlaps stations[6].stats[0].chart.bars[0] in the same series"]
    );
    // Nested stages of one pilot, and an offer against what was earned, are no series.
    assert_eq!(
        errors_after(|v| {
            v["initiatives"][6]["stats"][0]["chart"]["bars"][1]["period"] =
                json!({ "from": "2014-11", "to": "2014-11" });
            v["initiatives"][6]["stats"][0]["chart"]["bars"][2]["period"] =
                json!({ "from": "2014-11", "to": "2014-11" });
        }),
        Vec::<String>::new()
    );
}

/// WAM's 811 reports, 161 escalated, 70 suspensions: each stage is a part of
/// the one before, so a stages chart never grows and has more than one bar.
#[test]
fn stages_are_nested() {
    let story = load(BUILT_IN).unwrap();
    let wam = story.stat("wam-reports").unwrap().chart.as_ref().unwrap();
    assert_eq!(wam.kind, ChartKind::Stages);
    let values: Vec<f64> = wam.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, [811.0, 161.0, 70.0]);
    // A later stage larger than the one before it.
    let errs = errors_after(|v| {
        v["initiatives"][6]["stats"][0]["chart"]["bars"][2]["value"] = json!(200);
    });
    assert_eq!(
        errs,
        ["initiatives[6].stats[0].chart.bars[2].value: this stage (200) is larger than the stage before it (161); each stage is a part of the one before"]
    );
    // Equal stages are allowed: every report went on.
    let errs = errors_after(|v| {
        v["initiatives"][6]["stats"][0]["chart"]["bars"][1]["value"] = json!(811);
    });
    assert_eq!(errs, Vec::<String>::new());
    // One stage is no process.
    let errs = errors_after(|v| {
        let bars = v["initiatives"][6]["stats"][0]["chart"]["bars"]
            .as_array_mut()
            .unwrap();
        bars.truncate(1);
    });
    assert_eq!(
        errs,
        ["initiatives[6].stats[0].chart.bars: a stages chart needs at least two stages"]
    );
    // The same bars as a breakdown (parts of one whole) are not checked so.
    let errs = errors_after(|v| {
        let c = &mut v["initiatives"][6]["stats"][0]["chart"];
        c["kind"] = json!("breakdown");
        c["bars"][2]["value"] = json!(200);
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn a_series_bar_needs_a_readable_period() {
    let errs = errors_after(|v| {
        let bars = &mut v["stations"][7]["stats"][1]["chart"]["bars"];
        bars[0].as_object_mut().unwrap().remove("period");
        bars[1]["period"] = json!({ "from": "2017-07-01", "to": "2017-13" });
    });
    assert_eq!(
        errs,
        [
            "stations[7].stats[1].chart.bars[0].period: a bar of a series needs a period (period with from and to dates)",
            "stations[7].stats[1].chart.bars[1].period.to: invalid date \"2017-13\", expected YYYY, YYYY-MM or YYYY-MM-DD",
        ]
    );
    let errs = errors_after(|v| {
        v["stations"][7]["stats"][1]["chart"]["bars"][1]["period"] =
            json!({ "from": "2017-12-31", "to": "2017-07-01" });
    });
    assert_eq!(
        errs,
        ["stations[7].stats[1].chart.bars[1].period: the period ends before it starts"]
    );
}

#[test]
fn a_source_is_not_dated_before_the_period_it_reports() {
    // Report 11 (19 September 2017) cannot count the second half of 2017.
    let errs = errors_after(|v| {
        v["stations"][7]["stats"][1]["chart"]["bars"][1]["source"] = json!("twitter-tr-11");
    });
    assert_eq!(
        errs,
        ["stations[7].stats[1].chart.bars[1].source: the source is dated 2017-09-19, before the end of the period it reports (2017-12-31)"]
    );
    // A source dated by year may be from its last day.
    let errs = errors_after(|v| {
        let s = v["sources"].as_array_mut().unwrap().iter_mut();
        for src in s.filter(|s| s["id"] == "twitter-tr-12") {
            src["date"] = json!("2017");
        }
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn a_derived_figure_says_how_in_both_languages() {
    let errs = errors_after(|v| {
        v["stations"][6]["stats"][0]["chart"]["bars"][0]["derived"] =
            json!({ "ar": "", "en": "x" });
    });
    assert_eq!(
        errs,
        ["stations[6].stats[0].chart.bars[0].derived.ar: missing Arabic text"]
    );
}

#[test]
fn a_note_with_figures_names_their_sources() {
    let errs = errors_after(|v| {
        v["stations"][7]["stats"][1]["note_sources"] = json!([]);
        v["stations"][8]["stats"][1]["note_sources"] = json!(["telegram-contest-end"]);
    });
    assert_eq!(
        errs,
        [
            "stations[7].stats[1].note_sources: the note gives figures but names no source for them (note_sources)",
            "stations[8].stats[1].note_sources[0]: unknown source \"telegram-contest-end\"",
        ]
    );
}

#[test]
fn an_article_figure_that_differs_needs_a_note() {
    let errs = errors_after(|v| {
        let stat = v["stations"][7]["stats"][2].as_object_mut().unwrap();
        stat.remove("note");
        stat.remove("note_sources");
    });
    assert_eq!(
        errs,
        ["stations[7].stats[2].note: the article's figure differs from the source's, and no note explains it"]
    );
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
    // The publisher's line is optional, but whole when given.
    let errs = errors_after(|v| v["publisher"] = json!({ "ar": "قطار" }));
    assert_eq!(errs, ["publisher.en: missing English text"]);
    assert!(errors_after(|v| {
        v.as_object_mut().unwrap().remove("publisher");
    })
    .is_empty());
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
    let errs: Vec<String> = load(&text).unwrap_err().iter().map(en).collect();
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with(
            "stations[6].stats[0].chart.bars[3].value: invalid file: number out of range"
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
        ["stations[7].stats[2].chart.total: total has 2 values but there are 4 bars"]
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
        ui(Lang::Ar).problems.say(&errs[0].problem),
        "مصدر غير معروف \"twitter-tr-13\""
    );
}

#[test]
fn not_json_is_a_single_clear_error() {
    let errs = load("<html>404</html>").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(
        en(&errs[0]).starts_with("invalid file: expected value"),
        "{}",
        en(&errs[0])
    );
}

#[test]
fn every_problem_reads_fully_in_both_languages() {
    use qitar::model::problem::Problem as P;
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
        P::TotalMismatch {
            expected: 3.0,
            found: 4.0,
        },
        P::MissingPeriod,
        P::PeriodBackwards,
        P::PeriodsOverlap {
            other: "chart.bars[0]".into(),
        },
        P::SourceBeforePeriod {
            date: "2016".into(),
            end: "2017-06-30".into(),
        },
        P::NoteWithoutSource,
        P::DivergenceWithoutNote,
        P::TooFewStages,
        P::StageGrows {
            previous: 161.0,
            found: 200.0,
        },
    ];
    for p in &all {
        let (ar, en) = (ui(Lang::Ar).problems.say(p), ui(Lang::En).problems.say(p));
        for m in [&ar, &en] {
            assert!(!m.trim().is_empty() && !m.contains('{'), "{p:?}: {m}");
        }
        assert_ne!(ar, en, "{p:?}");
    }
    assert_eq!(
        ui(Lang::En).problems.say(&all[7]),
        "year 2013 does not come after 2014"
    );
    assert_eq!(
        ui(Lang::En).problems.say(&all[20]),
        "unsupported version 7, expected 1"
    );
}

/// The track and the station's text name a station the same way.
#[test]
fn a_station_is_named_alike_everywhere() {
    use qitar::text::labels::station_label;
    let story = load(BUILT_IN).unwrap();
    let s2011 = &story.stations[0];
    assert_eq!(
        station_label(s2011, Lang::En, "en-US", &ui(Lang::En).waypoint),
        "2011"
    );
    assert_eq!(
        station_label(s2011, Lang::Ar, "ar-u-nu-arab", &ui(Lang::Ar).waypoint),
        "٢٠١١"
    );
    let gp = &story.stations[4];
    assert_eq!(
        station_label(gp, Lang::En, "en-US", &ui(Lang::En).waypoint),
        "Google+"
    );
    // An undated waypoint without a label of its own is a transfer stop, in
    // words, never its raw id.
    let mut bare = gp.clone();
    bare.label = None;
    assert_eq!(
        station_label(&bare, Lang::En, "en-US", &ui(Lang::En).waypoint),
        ui(Lang::En).waypoint
    );
    assert_eq!(
        station_label(&bare, Lang::Ar, "ar-u-nu-arab", &ui(Lang::Ar).waypoint),
        ui(Lang::Ar).waypoint
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn story_schema_file_is_in_step_with_the_types() {
    let file = include_str!("../content/story.schema.json");
    assert!(
        file.trim_end() == qitar::model::schema::schema_json(),
        "content/story.schema.json is stale: run\n  cargo run --quiet --bin qitar-check -- --schema > content/story.schema.json"
    );
    // The story file names it, for editors.
    assert_eq!(real()["$schema"], "story.schema.json");
}

#[test]
fn a_story_url_must_be_from_this_page_or_an_allowed_origin() {
    use qitar::ui::remote::origin_allowed;
    let own = "https://graphics.example";
    assert!(origin_allowed(own, own, &[]));
    assert!(!origin_allowed("https://evil.example", own, &[]));
    assert!(origin_allowed(
        "https://stories.example",
        own,
        &["https://stories.example"]
    ));
    assert!(
        !origin_allowed("http://graphics.example", own, &[]),
        "another scheme is another origin"
    );
    assert!(
        !origin_allowed("https://graphics.example:8443", own, &[]),
        "another port too"
    );
    // data: and blob: URLs have an opaque origin: never.
    assert!(!origin_allowed("null", "null", &["null"]));
}

/// Every story in `stories/` is a real one, built and tested by the test
/// command: it must pass the same checks.
#[test]
fn every_story_in_stories_validates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/stories");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(errs) = load(&text) {
                panic!(
                    "{}:\n{}",
                    path.display(),
                    errs.iter().map(en).collect::<Vec<_>>().join("\n")
                );
            }
            n += 1;
        }
    }
    assert!(n >= 1, "no story in stories/");
}

#[test]
fn money_in_any_currency_names_its_iso_4217_code() {
    fn first_stat(v: &mut Value) -> &mut Value {
        let stations = v["stations"].as_array_mut().unwrap();
        let st = stations
            .iter_mut()
            .find(|s| s["stats"].as_array().is_some_and(|a| !a.is_empty()))
            .unwrap();
        &mut st["stats"][0]
    }
    // A valid one: no error.
    let ok = errors_after(|v| {
        let s = first_stat(v);
        s["unit"] = json!("currency");
        s["currency"] = json!("SAR");
    });
    assert!(ok.is_empty(), "{ok:?}");
    for (unit, code, shown) in [
        ("currency", None, "\"\""),
        ("currency", Some("eur"), "\"eur\""),
        ("currency", Some("EURO"), "\"EURO\""),
        ("count", Some("USD"), "\"USD\""),
    ] {
        let errs = errors_after(|v| {
            let s = first_stat(v);
            s["unit"] = json!(unit);
            if let Some(c) = code {
                s["currency"] = json!(c);
            }
        });
        assert_eq!(errs.len(), 1, "{unit} {code:?}: {errs:?}");
        assert!(
            errs[0].contains(".currency: invalid currency"),
            "{}",
            errs[0]
        );
        assert!(errs[0].contains(shown), "{}", errs[0]);
    }
}

/// Drops every `ar` text from a story file.
fn strip_arabic(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_text = map.contains_key("en") && map.contains_key("ar") && map.len() == 2;
            if is_text {
                map.remove("ar");
            } else {
                map.values_mut().for_each(strip_arabic);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_arabic),
        _ => {}
    }
}

#[test]
fn a_story_may_be_written_in_one_language() {
    let text = include_str!("../stories/twitter-suspensions.json");
    let mut v: Value = serde_json::from_str(text).unwrap();
    strip_arabic(&mut v);
    // Undeclared, the Arabic is missing everywhere.
    let missing = load(&v.to_string()).unwrap_err();
    assert!(missing.len() > 20, "{}", missing.len());
    assert!(missing
        .iter()
        .all(|e| e.problem == Problem::MissingText(Lang::Ar)));
    // Declared English-only, it is a story, in English by default even
    // when it does not say so.
    v["languages"] = json!(["en"]);
    v.as_object_mut().unwrap().remove("default_lang");
    assert_eq!(load(&v.to_string()).unwrap().default_lang, Lang::En);
    let story = load(&v.to_string())
        .unwrap_or_else(|e| panic!("{}", e.iter().map(en).collect::<Vec<_>>().join("\n")));
    assert!(story.has(Lang::En) && !story.has(Lang::Ar));
    assert_eq!(story.lang_or_default(Lang::Ar), Lang::En);
    // Its default language must be one of them.
    v["default_lang"] = json!("ar");
    let errs = load(&v.to_string()).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        en(&errs[0]),
        "default_lang: the default language \"ar\" is not one of the story's languages"
    );
    v["languages"] = json!([]);
    v["default_lang"] = json!("en");
    let errs = load(&v.to_string()).unwrap_err();
    assert!(
        en(&errs[0]).starts_with("languages: the story declares no language"),
        "{}",
        en(&errs[0])
    );
}
