//! What a shared link shows, built natively: the share pictures' SVG (the
//! chart, the source, the map, Arabic set from the right), their PNG
//! (1200×630, not blank, under 300 KB, Arabic shaped), the share pages and
//! QITAR_PUBLIC_URL's rules. Build-time code: native only.
#![cfg(not(target_arch = "wasm32"))]

use qitar::content::STORY_JSON as BUILT_IN;
use qitar::model::lang::Lang;
use qitar::model::load::load;
use qitar::model::story::Story;
use qitar::start::share::pictures::{chart_svg, figure_svg, figure_text, page_svg};
use qitar::start::share::svg::{line, Align, Font};
use qitar::start::share::{self, page, raster};
use resvg::tiny_skia::Pixmap;

fn built_in() -> Story {
    load(BUILT_IN).unwrap()
}

fn twitter() -> Story {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/stories/twitter-suspensions.json"
    );
    load(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn langs(story: &Story) -> Vec<Lang> {
    Lang::ALL.into_iter().filter(|l| story.has(*l)).collect()
}

/// Each `<text …>…</text>` of an SVG document: (its attributes, its text).
fn texts(svg: &str) -> Vec<(String, String)> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| {
            let (attrs, rest) = t.split_once('>')?;
            let (body, _) = rest.split_once("</text>")?;
            let body = body
                .replace(['\u{202B}', '\u{202C}'], "")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            Some((attrs.to_string(), body))
        })
        .collect()
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = format!(" {attrs}").find(&key)? + key.len() - 1;
    let rest = &attrs[i..];
    Some(rest[..rest.find('"')?].to_string())
}

fn decode(png: &[u8]) -> Pixmap {
    Pixmap::decode_png(png).unwrap()
}

/// Pixels that differ from the paper.
fn ink(p: &Pixmap) -> usize {
    let paper = p.pixel(p.width() / 2, p.height() - 3).unwrap();
    p.pixels().iter().filter(|c| **c != paper).count()
}

/// The leftmost and rightmost column with ink in rows `y0..y1`.
fn ink_span(p: &Pixmap, y0: u32, y1: u32) -> Option<(u32, u32)> {
    let paper = p.pixel(0, y0).unwrap();
    let cols: Vec<u32> = (0..p.width())
        .filter(|&x| (y0..y1).any(|y| p.pixel(x, y).unwrap() != paper))
        .collect();
    Some((*cols.first()?, *cols.last()?))
}

#[test]
fn the_public_url_must_be_an_absolute_folder() {
    for ok in [
        "https://graphics.example.org/qitar/",
        "https://graphics.example.org/",
        " https://g.example/a/b/ ",
        "http://127.0.0.1:8080/",
        "http://localhost/qitar/",
    ] {
        assert_eq!(
            share::public_url(Some(ok)).unwrap().as_deref(),
            Some(ok.trim()),
            "{ok}"
        );
    }
    assert_eq!(share::public_url(None).unwrap(), None);
    assert_eq!(share::public_url(Some("  ")).unwrap(), None);
    for (bad, says) in [
        ("https://graphics.example.org/qitar", "must end with /"),
        ("http://graphics.example.org/qitar/", "must be https://"),
        ("graphics.example.org/qitar/", "absolute https://"),
        ("/qitar/", "absolute https://"),
        ("https:///qitar/", "names no host"),
        ("https://g.example/a b/", "percent-encoded"),
        ("https://g.example/q/?x=1/", "without ?query"),
        ("https://g.example/q/#top/", "without ?query"),
        ("https://g.example/\"><script>/", "percent-encoded"),
    ] {
        let e = share::public_url(Some(bad)).unwrap_err();
        assert!(
            e.contains(says) && e.contains("QITAR_PUBLIC_URL"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn pictures_and_share_pages_are_named_after_the_pages() {
    use qitar::embed::messages::share_page;
    assert_eq!(
        share::page_picture_file(Lang::Ar, Lang::Ar),
        "share/index.png"
    );
    assert_eq!(share::page_picture_file(Lang::En, Lang::Ar), "share/en.png");
    assert_eq!(share::page_picture_file(Lang::Ar, Lang::En), "share/ar.png");
    assert_eq!(
        share::figure_picture_file("kenya-deaths", Lang::En),
        "share/kenya-deaths.en.png"
    );
    assert_eq!(
        share_page("kenya-deaths", Lang::Ar, Lang::Ar),
        "s/kenya-deaths.html"
    );
    assert_eq!(
        share_page("kenya-deaths", Lang::En, Lang::Ar),
        "s/kenya-deaths.en.html"
    );
    assert_eq!(share_page("total", Lang::Ar, Lang::En), "s/total.ar.html");
}

#[test]
fn a_figure_picture_holds_the_number_its_chart_and_its_source() {
    for story in [built_in(), twitter()] {
        for lang in langs(&story) {
            for stat in story.stats() {
                let svg = figure_svg(&story, stat, lang, "Publisher");
                let words: Vec<String> = texts(&svg).into_iter().map(|(_, t)| t).collect();
                let all = words.join("\n");
                assert!(
                    words.contains(&figure_text(&story, stat, lang)),
                    "{}: the number",
                    stat.id
                );
                let publisher = story.source(&stat.source).unwrap().publisher.get(lang);
                let publisher =
                    qitar::text::format::digits(publisher, story.number_locales.get(lang));
                assert!(
                    all.contains(&publisher),
                    "{} {lang:?}: the source {publisher}",
                    stat.id
                );
                assert!(
                    all.contains("Publisher"),
                    "{}: the publisher's line",
                    stat.id
                );
                match &stat.chart {
                    Some(c) => {
                        // The card's own drawing, nested whole: one bar per value,
                        // every value written.
                        assert_eq!(
                            svg.matches("<svg ").count(),
                            2,
                            "{}: one nested chart",
                            stat.id
                        );
                        // At the size the picture gave it.
                        let nested = &svg[svg[1..].find("<svg ").unwrap() + 1..];
                        let size =
                            |name: &str| -> f64 { attr(nested, name).unwrap().parse().unwrap() };
                        let (chart, drawn) =
                            chart_svg(&story, c, lang, size("width"), size("height"));
                        assert_eq!(drawn.bars.len(), c.bars.len(), "{}", stat.id);
                        for t in &drawn.texts {
                            assert!(all.contains(t.as_str()), "{}: chart text {t}", stat.id);
                        }
                        let inner = chart.split_once('>').unwrap().1;
                        assert!(
                            svg.contains(inner),
                            "{}: the chart is the card's drawing",
                            stat.id
                        );
                    }
                    None => assert_eq!(svg.matches("<svg ").count(), 1, "{}", stat.id),
                }
            }
        }
    }
}

#[test]
fn arabic_is_set_from_the_right_edge_and_english_from_the_left() {
    let story = built_in();
    let stat = story.stat("telegram-prize").unwrap();
    for lang in Lang::ALL {
        let svg = figure_svg(&story, stat, lang, "Publisher");
        let number = figure_text(&story, stat, lang);
        let (attrs, _) = texts(&svg).into_iter().find(|(_, t)| *t == number).unwrap();
        let (x, anchor) = (
            attr(&attrs, "x").unwrap(),
            attr(&attrs, "text-anchor").unwrap(),
        );
        match lang {
            // resvg puts "start" at the left even right to left: Arabic is
            // anchored by its end at the right margin.
            Lang::Ar => assert_eq!((x.as_str(), anchor.as_str()), ("1140.0", "end")),
            Lang::En => assert_eq!((x.as_str(), anchor.as_str()), ("60.0", "start")),
        }
        assert_eq!(attr(&attrs, "direction").as_deref(), Some(lang.dir()));
    }
    // And so it is drawn: an Arabic line's ink ends at the right margin.
    let mut svg = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="100"><rect width="1200" height="100" fill="#ffffff"/>"##,
    );
    let title = story.title.ar.clone();
    line(
        &mut svg,
        &title,
        (60.0, 1140.0),
        70.0,
        Font::new(Lang::Ar, 40.0, true),
        "#000000",
        Align::Start,
    );
    svg.push_str("</svg>");
    let p = decode(&raster::png(&svg).unwrap());
    let (left, right) = ink_span(&p, 0, 100).unwrap();
    assert!(
        (1130..=1141).contains(&right),
        "the line ends at {right}, not at the right margin"
    );
    assert!(
        left > 300,
        "a short title starts well right of the left margin: {left}"
    );
}

#[test]
fn arabic_is_shaped_joined_not_isolated_letters() {
    // The same letters, once as a word and once kept apart by zero-width
    // non-joiners (each in its isolated form): shaping joins the word, which
    // comes out narrower and drawn differently.
    let font = Font::new(Lang::Ar, 48.0, false);
    let word = "تيليجرام";
    let apart: String = word.chars().flat_map(|c| [c, '\u{200C}']).collect();
    let (joined_w, apart_w) = (font.width(word), font.width(&apart));
    assert!(
        joined_w > 0.0 && joined_w < apart_w * 0.9,
        "joined {joined_w}, apart {apart_w}"
    );
    let draw = |t: &str| {
        let mut svg =
            String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100">"#);
        line(
            &mut svg,
            t,
            (20.0, 580.0),
            70.0,
            font,
            "#000000",
            Align::Start,
        );
        svg.push_str("</svg>");
        raster::png(&svg).unwrap()
    };
    assert_ne!(draw(word), draw(&apart));
}

#[test]
fn the_page_picture_has_the_title_the_whole_map_and_the_train() {
    for story in [built_in(), twitter()] {
        for lang in langs(&story) {
            let svg = page_svg(&story, lang, "Publisher");
            let all: String = texts(&svg).into_iter().map(|(_, t)| t + " ").collect();
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            let title =
                qitar::text::format::digits(story.title.get(lang), story.number_locales.get(lang));
            assert!(
                squash(&all).contains(&squash(&title)),
                "{lang:?}: the title"
            );
            for s in &story.stations {
                let label = qitar::text::labels::station_label(
                    s,
                    lang,
                    story.number_locales.get(lang),
                    &qitar::content::ui(lang).waypoint,
                );
                assert!(
                    squash(&all).contains(&squash(&label)),
                    "{lang:?}: stop {label}"
                );
            }
            for p in &story.platforms {
                assert!(
                    all.contains(p.name.get(lang)),
                    "{lang:?}: line {}",
                    p.name.get(lang)
                );
                assert!(
                    svg.contains(&format!("stroke=\"{}\"", p.color)),
                    "{lang:?}: line colour {}",
                    p.color
                );
            }
            assert_eq!(
                svg.matches("<circle ").count(),
                story.stations.len(),
                "a dot per stop"
            );
            // The first stop is the active one, and the locomotive is on it.
            assert!(
                svg.contains("fill=\"#9b2c1f\" stroke=\"#9b2c1f\""),
                "{lang:?}: the first stop"
            );
            assert_eq!(svg.matches("M-16.5 -7.5 H6").count(), 1, "one locomotive");
            assert!(all.contains("Publisher"));
        }
    }
}

#[test]
fn every_picture_is_1200_by_630_not_blank_and_small() {
    // Every page picture, and per story a figure with a chart and one
    // without, in each language (the e2e test fetches them all).
    for story in [built_in(), twitter()] {
        for lang in langs(&story) {
            let mut pictures = vec![share::page_picture(&story, lang, None).unwrap()];
            let charted = story.stats().find(|s| s.chart.is_some()).unwrap();
            pictures.push(share::figure_picture(&story, charted, lang, None).unwrap());
            if let Some(plain) = story.stats().find(|s| s.chart.is_none()) {
                pictures.push(share::figure_picture(&story, plain, lang, None).unwrap());
            }
            for p in pictures {
                let px = decode(&p.png);
                assert_eq!(
                    (px.width(), px.height()),
                    (share::WIDTH, share::HEIGHT),
                    "{}",
                    p.file
                );
                assert!(ink(&px) > 20_000, "{}: {} inked pixels", p.file, ink(&px));
                assert!(p.png.len() < 300_000, "{}: {} bytes", p.file, p.png.len());
                assert!(
                    !p.alt.is_empty() && p.alt.chars().count() <= 420,
                    "{}: alt {}",
                    p.file,
                    p.alt
                );
            }
        }
    }
}

#[test]
fn the_publisher_line_is_the_story_s_else_its_https_host() {
    let story = built_in();
    assert_eq!(
        share::publisher_line(&story, Lang::En, None),
        "qitar: an interactive graphic"
    );
    let other = twitter();
    assert!(other.publisher.is_none());
    assert_eq!(
        share::publisher_line(
            &other,
            Lang::En,
            Some("https://graphics.example.org/qitar/")
        ),
        "graphics.example.org"
    );
    assert_eq!(
        share::publisher_line(&other, Lang::En, Some("http://127.0.0.1:8080/")),
        ""
    );
}

#[test]
fn a_share_page_has_the_facts_and_the_link_to_the_card() {
    qitar::start::prerender::no_effects();
    let story = built_in();
    let stat = story.stat("telegram-prize").unwrap();
    for (lang, file, open) in [
        (Lang::Ar, "s/telegram-prize.html", "../#stat-telegram-prize"),
        (
            Lang::En,
            "s/telegram-prize.en.html",
            "../en.html#stat-telegram-prize",
        ),
    ] {
        let p = page::render(&story, stat, lang);
        assert_eq!((p.file.as_str(), p.open.as_str()), (file, open));
        assert!(
            p.body.contains(&format!("href=\"{open}\"")),
            "{lang:?}: the link to the card"
        );
        let digits = |t: &str| qitar::text::format::digits(t, story.number_locales.get(lang));
        assert!(
            p.body.contains(&figure_text(&story, stat, lang)),
            "the figure"
        );
        assert!(p.body.contains(&digits(stat.label.get(lang))), "the label");
        let claim = digits(stat.article.as_ref().unwrap().claim.get(lang));
        assert!(p.body.contains(&claim), "the article's claim: {claim}");
        let strings = qitar::content::ui(lang);
        assert!(p.body.contains(&strings.article_said) && p.body.contains(&strings.source_says));
        let source = story.source(&stat.source).unwrap();
        assert!(
            p.body.contains(source.url.as_deref().unwrap()),
            "the source's link"
        );
        assert!(p.body.contains(&format!(
            "src=\"../share/telegram-prize.{}.png\"",
            lang.code()
        )));
        assert!(p.body.contains("<h1"), "a heading");
        assert!(!p.body.contains(" style="), "no inline style (strict CSP)");
        assert!(p.headline.starts_with(&figure_text(&story, stat, lang)));
        assert!(
            p.description.contains(source.publisher.get(lang)),
            "{}",
            p.description
        );
    }
    // A story written the other way round: English first.
    let other = twitter();
    let p = page::render(&other, other.stat("total").unwrap(), Lang::Ar);
    assert_eq!(
        (p.file.as_str(), p.open.as_str()),
        ("s/total.ar.html", "../ar.html#stat-total")
    );
    assert!(
        !p.body.contains(&qitar::content::ui(Lang::Ar).article_said),
        "told from its sources alone"
    );
}
