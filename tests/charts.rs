//! Every chart in the story, drawn natively into plotters' SVG backend and
//! read back: bars, labels, values, scale and direction.

use plotters::prelude::*;
use qitar::content::STORY_JSON as BUILT_IN;
use qitar::geometry::chart::{draw, nice_max, summary, ChartData, Drawn, Options, Theme};
use qitar::model::lang::Lang;
use qitar::model::load::load;
use qitar::model::story::{ChartKind, Stat};
use qitar::text::format::{self, Style};

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar-u-nu-arab",
        Lang::En => "en-US",
    }
}

fn render(stat: &Stat, lang: Lang, size: (u32, u32), scale: f64) -> (ChartData, Drawn, String) {
    let chart = stat.chart.as_ref().unwrap();
    let fmt = |v: f64, s: Style| format::number(v, locale(lang), s);
    let data = ChartData::new(chart, lang, "running total", &fmt);
    let mut svg = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let d = draw(
            &area,
            &data,
            &Theme::default(),
            &Options {
                rtl: lang.is_rtl(),
                scale,
                font: "sans-serif".into(),
            },
        )
        .unwrap();
        area.present().unwrap();
        d
    };
    (data, drawn, svg)
}

fn charted() -> Vec<Stat> {
    let story = load(BUILT_IN).unwrap();
    story
        .stats()
        .filter(|s| s.chart.is_some())
        .cloned()
        .collect()
}

#[test]
fn the_story_declares_the_charts_the_issue_asks_for() {
    let ids: Vec<String> = charted().iter().map(|s| s.id.clone()).collect();
    for id in [
        "twitter-h2-2017",
        "twitter-total-2017",
        "twitter-fall-8-4",
        "telegram-mau-2018",
        "telegram-prize",
        "kenya-deaths",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} has no chart");
    }
}

#[test]
fn every_chart_draws_one_labelled_bar_per_value() {
    for stat in charted() {
        for lang in Lang::ALL {
            let chart = stat.chart.as_ref().unwrap();
            let (data, drawn, svg) = render(&stat, lang, (560, 280), 1.0);
            assert_eq!(drawn.bars.len(), chart.bars.len(), "{}", stat.id);
            for b in &chart.bars {
                let label = format::number(b.value, locale(lang), Style::Plain);
                assert!(
                    drawn.texts.contains(&label),
                    "{} {lang:?}: no label {label}",
                    stat.id
                );
                assert!(svg.contains(&label), "{}: {label} not in the SVG", stat.id);
            }
            // The scale holds every value with room above, but not much more.
            let max = data.max();
            assert!(
                drawn.y_max >= max && drawn.y_max <= max * 1.5,
                "{}: {}",
                stat.id,
                drawn.y_max
            );
            // Bar heights are proportional to their values.
            let base = drawn.bars[0].3;
            let h: Vec<f64> = drawn.bars.iter().map(|b| (base - b.1) as f64).collect();
            let (k, _) = chart
                .bars
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.value.total_cmp(&b.1.value))
                .unwrap();
            for (hb, b) in h.iter().zip(&chart.bars) {
                let expected = b.value / chart.bars[k].value * h[k];
                assert!(
                    (hb - expected).abs() <= 2.0,
                    "{}: {hb} vs {expected}",
                    stat.id
                );
            }
            // Exactly the highlighted bars are in the accent colour.
            let accent = svg.matches("fill=\"#9B2C1F\"").count();
            let highlighted = chart.bars.iter().filter(|b| b.highlight).count();
            let extra = usize::from(chart.kind == ChartKind::Change) * 2; // arrow head + label
            assert!(
                accent >= highlighted && accent <= highlighted + extra + 1,
                "{}: {accent}",
                stat.id
            );
        }
    }
}

#[test]
fn time_reads_in_the_language_direction() {
    let stat = charted()
        .into_iter()
        .find(|s| s.id == "twitter-h2-2017")
        .unwrap();
    let (_, en, _) = render(&stat, Lang::En, (560, 280), 1.0);
    let (_, ar, _) = render(&stat, Lang::Ar, (560, 280), 1.0);
    assert!(
        en.bars.windows(2).all(|w| w[1].0 > w[0].0),
        "English runs left to right"
    );
    assert!(
        ar.bars.windows(2).all(|w| w[1].0 < w[0].0),
        "Arabic runs right to left"
    );
}

#[test]
fn the_fall_chart_shows_minus_eight_point_four_percent() {
    let stat = charted()
        .into_iter()
        .find(|s| s.id == "twitter-fall-8-4")
        .unwrap();
    let (data, drawn, _) = render(&stat, Lang::En, (560, 280), 1.0);
    assert_eq!(data.change.as_deref(), Some("-8.4%"));
    assert!(drawn.texts.contains(&"-8.4%".to_string()));
    let (ar, _, _) = render(&stat, Lang::Ar, (560, 280), 1.0);
    assert_eq!(ar.change.as_deref(), Some("\u{61C}-٨٫٤٪"));
}

#[test]
fn the_running_total_ends_at_1_210_357() {
    let stat = charted()
        .into_iter()
        .find(|s| s.id == "twitter-total-2017")
        .unwrap();
    let (data, drawn, svg) = render(&stat, Lang::En, (560, 280), 1.0);
    assert_eq!(data.total.as_ref().unwrap().1, "1,210,357");
    assert!(drawn.texts.contains(&"1,210,357".to_string()));
    assert!(drawn.y_max >= 1_210_357.0);
    assert!(svg.contains("running total"));
    assert!(summary("Suspensions", &data).contains("running total: 1,210,357"));
}

/// WAM's pilot is nested stages: each later bar stands inside the outline of
/// the stage before it, in both directions.
#[test]
fn each_stage_is_drawn_inside_the_one_before() {
    let stat = charted()
        .into_iter()
        .find(|s| s.id == "wam-reports")
        .unwrap();
    assert_eq!(stat.chart.as_ref().unwrap().kind, ChartKind::Stages);
    for lang in Lang::ALL {
        let (_, drawn, _) = render(&stat, lang, (560, 280), 1.0);
        assert_eq!(drawn.outlines.len(), drawn.bars.len() - 1, "{lang:?}");
        for (i, o) in drawn.outlines.iter().enumerate() {
            let (before, bar) = (drawn.bars[i], drawn.bars[i + 1]);
            assert_eq!((o.0, o.2), (bar.0, bar.2), "{lang:?}: over bar {}", i + 1);
            assert_eq!(o.1, before.1, "{lang:?}: as tall as the stage before");
            assert_eq!(o.3, bar.1, "{lang:?}: open where the bar fills it");
        }
    }
    // Other kinds draw no outlines.
    let other = charted()
        .into_iter()
        .find(|s| s.id == "twitter-h2-2017")
        .unwrap();
    assert!(render(&other, Lang::En, (560, 280), 1.0)
        .1
        .outlines
        .is_empty());
}

#[test]
fn device_pixel_ratio_scales_the_drawing_not_the_layout() {
    let stat = charted()
        .into_iter()
        .find(|s| s.id == "telegram-mau-2018")
        .unwrap();
    let (_, one, _) = render(&stat, Lang::En, (400, 240), 1.0);
    let (_, two, svg2) = render(&stat, Lang::En, (800, 480), 2.0);
    for (a, b) in one.bars.iter().zip(&two.bars) {
        assert!((b.0 - 2 * a.0).abs() <= 2, "{a:?} {b:?}");
        assert!((b.1 - 2 * a.1).abs() <= 2, "{a:?} {b:?}");
    }
    let size = |svg: &str| {
        let i = svg.find("font-size=\"").unwrap() + "font-size=\"".len();
        svg[i..].split('"').next().unwrap().parse::<f64>().unwrap()
    };
    let (_, _, svg1) = render(&stat, Lang::En, (400, 240), 1.0);
    assert_eq!(
        size(&svg2),
        2.0 * size(&svg1),
        "text doubles with the backing store"
    );
}

#[test]
fn nice_max_rounds_up() {
    assert_eq!(nice_max(376_890.0), 500_000.0);
    assert_eq!(nice_max(200_000_000.0), 250_000_000.0);
    assert_eq!(nice_max(0.0), 1.0);
}
