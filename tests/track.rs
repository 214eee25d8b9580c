//! Track geometry for the real story at every width from 320 to 1440 px.

use qitar::content::ui;
use qitar::content::STORY_JSON as BUILT_IN;
use qitar::geometry::track::{layout, tag_rows, Frame, Layout, Orientation, Point, Rect, Stop};
use qitar::geometry::train::train_scale;
use qitar::model::lang::Lang;
use qitar::model::load::load;
use qitar::model::story::{StationKind, Story};
use qitar::text::labels::station_label;
use qitar::ui::journey::still::BANDS;

fn stops(story: &Story, lang: Lang) -> Vec<Stop> {
    let locale = story.number_locales.get(lang).to_string();
    story
        .stations
        .iter()
        .map(|s| Stop {
            label: station_label(s, lang, &locale, &ui(lang).waypoint),
            waypoint: s.kind == StationKind::Waypoint,
            platforms: s
                .platforms
                .iter()
                .map(|p| story.platforms.iter().position(|q| &q.id == p).unwrap())
                .collect(),
        })
        .collect()
}

/// The stylesheet decides the map's box at each viewport size; the test
/// reads its numbers from style/main.css, so the two cannot drift apart.
mod css {
    const CSS: &str = include_str!("../style/main.css");

    /// A length in px (rem and em are 16 px; `var(--x)` is read from `:root`).
    fn px(value: &str) -> f64 {
        let v = value.trim();
        if let Some(name) = v.strip_prefix("var(").and_then(|r| r.split(')').next()) {
            return px(declared(CSS, &format!("{name}:")));
        }
        let num: String = v
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let n: f64 = num
            .parse()
            .unwrap_or_else(|_| panic!("not a length: {v:?}"));
        if v[num.len()..].starts_with("px") {
            n
        } else {
            n * 16.0
        }
    }

    /// The text after the first `prop` in `block`, up to `;`.
    fn declared<'a>(block: &'a str, prop: &str) -> &'a str {
        let at = block
            .find(prop)
            .unwrap_or_else(|| panic!("style/main.css: no {prop} where expected"));
        let rest = &block[at + prop.len()..];
        &rest[..rest.find(';').unwrap()]
    }

    /// The rule for `selector` in `block`, from its brace.
    fn rule<'a>(block: &'a str, selector: &str) -> &'a str {
        let at = block
            .find(&format!("{selector} {{"))
            .unwrap_or_else(|| panic!("style/main.css: no rule for {selector}"));
        &block[at..]
    }

    /// Every `@media (kind: …)` block that has a rule for `selector`, with
    /// its breakpoint in px.
    pub fn media(kind: &str, selector: &str) -> (f64, &'static str) {
        let open = format!("@media ({kind}: ");
        CSS.match_indices(&open)
            .map(|(at, _)| {
                let rest = &CSS[at + open.len()..];
                let end = rest.find("\n}\n").unwrap_or(rest.len());
                (px(&rest[..rest.find(')').unwrap()]), &rest[..end])
            })
            .find(|(_, block)| block.contains(&format!("{selector} {{")))
            .unwrap_or_else(|| panic!("style/main.css: no @media ({kind}) for {selector}"))
    }

    /// The box the stylesheet gives the map at a viewport `vw` px wide.
    pub fn map_box(vw: f64) -> (f64, f64) {
        let stage = ".track-figure > .track-stage";
        let (small, small_block) = media("max-width", "main");
        let padding = if vw <= small {
            px(declared(rule(small_block, "main"), "padding-inline:"))
        } else {
            px(declared(rule(CSS, "main"), "padding: 0 "))
        };
        let (wide, beside) = media("min-width", ".journey-body");
        if vw >= wide {
            let main =
                vw.min(px(declared(rule(beside, "main"), "max-inline-size:"))) - 2.0 * padding;
            let columns = declared(rule(beside, ".journey-body"), "grid-template-columns:");
            let text = px(columns.split(", ").nth(1).unwrap());
            let gap = px(declared(rule(beside, ".journey-body"), "column-gap:"));
            let height = px(declared(rule(beside, stage), "flex: 0 0 "));
            return (main - text - gap, height);
        }
        let (narrow, narrow_block) = media("max-width", stage);
        let height = if vw <= narrow {
            px(declared(rule(narrow_block, stage), "block-size:"))
        } else {
            px(declared(rule(CSS, stage), "block-size:"))
        };
        // Narrower than the two columns, main is as wide as the measure
        // and its padding at most.
        let main = declared(rule(CSS, "main"), "max-inline-size:");
        (vw.min(calc(main)) - 2.0 * padding, height)
    }

    /// `calc(a + k * b …)` of lengths and `var()`s, or a plain length.
    fn calc(value: &str) -> f64 {
        let v = value.trim();
        let Some(inner) = v.strip_prefix("calc(").and_then(|r| r.strip_suffix(')')) else {
            return px(v);
        };
        inner
            .split(" + ")
            .map(|term| match term.split_once(" * ") {
                Some((k, len)) => k.trim().parse::<f64>().expect("a factor") * px(len),
                None => px(term),
            })
            .sum()
    }
}

/// The frame the journey gives the layout at a viewport size.
fn frame_for(vw: f64, _vh: f64, rtl: bool) -> Frame {
    let (w, h) = css::map_box(vw);
    Frame::new(w, h, rtl)
}

#[test]
fn the_map_box_is_read_from_the_stylesheet() {
    // What the stylesheet says today, so a misread shows up here first.
    assert_eq!(css::map_box(320.0), (288.0, 176.0));
    assert_eq!(css::map_box(390.0), (342.0, 160.0));
    // Main is as wide as the text's measure and its padding, at most.
    assert_eq!(css::map_box(768.0), (640.0, 160.0));
    assert_eq!(css::map_box(1280.0), (1168.0 - 416.0 - 40.0, 208.0));
}

fn dot_box(p: Point) -> Rect {
    Rect {
        x: p.x - 8.0,
        y: p.y - 8.0,
        w: 16.0,
        h: 16.0,
    }
}

fn check(l: &Layout, what: &str) {
    for (i, a) in l.labels.iter().enumerate() {
        assert!(
            a.bbox.inside(l.width, l.height),
            "{what}: label {i} {:?} leaves the frame",
            a.bbox
        );
        for (j, b) in l.labels.iter().enumerate().skip(i + 1) {
            assert!(
                !a.bbox.overlaps(&b.bbox),
                "{what}: labels {i} and {j} overlap"
            );
        }
        for (j, p) in l.stops.iter().enumerate() {
            assert!(
                !a.bbox.overlaps(&dot_box(*p)),
                "{what}: label {i} covers stop {j}"
            );
        }
    }
}

#[test]
fn labels_never_overlap_from_320_to_1440_px() {
    let story = load(BUILT_IN).unwrap();
    for lang in Lang::ALL {
        let st = stops(&story, lang);
        for vw in (320..=1440).step_by(10) {
            for vh in [568.0, 640.0, 740.0, 844.0, 1000.0] {
                let f = frame_for(vw as f64, vh, lang.is_rtl());
                let l = layout(&st, story.platforms.len(), f);
                // Across a strip on phones, beside the text on wide screens.
                assert_eq!(l.orientation, Orientation::Horizontal, "{vw}px");
                check(&l, &format!("{lang:?} {vw}x{vh}"));
            }
        }
    }
}

#[test]
fn stations_are_monotonic_along_the_path() {
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::En);
    for f in [
        frame_for(390.0, 844.0, false),
        frame_for(1280.0, 800.0, false),
    ] {
        let l = layout(&st, story.platforms.len(), f);
        assert_eq!(l.stop_t.first(), Some(&0.0));
        assert!((l.stop_t.last().unwrap() - 1.0).abs() < 1e-9);
        for w in l.stop_t.windows(2) {
            assert!(w[1] > w[0], "{:?}", l.stop_t);
        }
    }
}

fn distance_to_path(l: &Layout, p: Point) -> f64 {
    l.stops
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len2 = dx * dx + dy * dy;
            let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
            let (qx, qy) = (a.x + t * dx, a.y + t * dy);
            ((p.x - qx).powi(2) + (p.y - qy).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn any_progress_maps_to_a_point_on_the_path() {
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::Ar);
    for f in [
        frame_for(320.0, 568.0, true),
        frame_for(1440.0, 900.0, true),
    ] {
        let l = layout(&st, story.platforms.len(), f);
        let n = l.stops.len() as f64;
        let mut last_t = -1.0;
        let mut p = 0.0;
        while p <= n - 1.0 {
            let pose = l.pose(p);
            assert!(distance_to_path(&l, pose.at) < 1e-6, "progress {p}");
            assert!(pose.t >= last_t, "t goes back at {p}");
            assert!((0.0..=1.0).contains(&pose.t));
            last_t = pose.t;
            p += 0.01;
        }
        // Out-of-range and non-finite input clamps onto the path.
        assert_eq!(l.pose(-3.0).at, l.stops[0]);
        assert_eq!(l.pose(99.0).at, *l.stops.last().unwrap());
        assert_eq!(l.pose(f64::NAN).at, l.stops[0]);
    }
}

#[test]
fn right_to_left_mirrors_the_journey() {
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::Ar);
    let rtl = layout(&st, story.platforms.len(), frame_for(1280.0, 800.0, true));
    let ltr = layout(&st, story.platforms.len(), frame_for(1280.0, 800.0, false));
    for (a, b) in rtl.stops.iter().zip(&ltr.stops) {
        assert!((a.x - (rtl.width - b.x)).abs() < 1e-9);
    }
    assert!(
        rtl.stops.windows(2).all(|w| w[1].x < w[0].x),
        "runs right to left"
    );
    // The train faces its way of travel: leftwards in Arabic, rightwards in English.
    assert!((rtl.pose(0.5).angle.abs() - 180.0).abs() < 1e-9);
    assert!(ltr.pose(0.5).angle.abs() < 1e-9);
    // Across the strip on phones too, the same way.
    let phone = layout(&st, story.platforms.len(), frame_for(390.0, 844.0, true));
    assert!((phone.pose(0.5).angle.abs() - 180.0).abs() < 1e-9);
}

#[test]
fn platform_lines_follow_the_story() {
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::En);
    let l = layout(&st, story.platforms.len(), frame_for(1280.0, 800.0, false));
    let strand = |id: &str| {
        let p = story.platforms.iter().position(|q| q.id == id).unwrap();
        l.strands.iter().find(|s| s.platform == p).unwrap()
    };
    let idx = |id: &str| story.stations.iter().position(|s| s.id == id).unwrap();
    // Facebook and Twitter run from 2011 and end at 2017; Telegram takes over.
    assert_eq!(
        (strand("facebook").first, strand("facebook").last),
        (idx("s2011"), idx("s2017"))
    );
    assert_eq!(
        (strand("twitter").first, strand("twitter").last),
        (idx("s2011"), idx("s2017"))
    );
    assert_eq!(strand("telegram").first, idx("s2018"));
    assert_eq!(strand("googleplus").first, idx("via-googleplus"));
}

/// The carriages follow the drawn path behind the locomotive: each lies on
/// the path, the given distance back along it, round the detours' bends.
#[test]
fn carriages_follow_the_path_behind_the_train() {
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::Ar);
    for f in [
        frame_for(390.0, 844.0, true),
        frame_for(1280.0, 800.0, false),
    ] {
        let l = layout(&st, story.platforms.len(), f);
        let n = l.stops.len() as f64;
        let mut p = 0.0;
        while p <= n - 1.0 {
            let front = l.pose(p);
            for back in [20.0, 45.0, 70.0] {
                let car = l.pose_behind(p, back);
                let along = front.t * l.length() - back;
                if along >= 0.0 {
                    assert!(distance_to_path(&l, car.at) < 1e-6, "p {p}, back {back}");
                    assert!((car.t * l.length() - along).abs() < 1e-6);
                    // As the crow flies it is no farther than along the track.
                    let crow =
                        ((front.at.x - car.at.x).powi(2) + (front.at.y - car.at.y).powi(2)).sqrt();
                    assert!(crow <= back + 1e-6, "p {p}: {crow} > {back}");
                } else {
                    // Before the first stop: straight back along the first stretch.
                    assert!((car.angle - l.pose(0.0).angle).abs() < 1e-9);
                }
            }
            p += 0.05;
        }
        // At a detour the carriages turn with the track.
        let wp = st.iter().position(|s| s.waypoint).unwrap() as f64;
        let a = l.pose_behind(wp + 0.05, 0.0).angle;
        let b = l.pose_behind(wp + 0.05, 20.0).angle;
        assert!(
            (a - b).abs() > 1.0,
            "no bend at the detour: {a} vs {b} ({:?})",
            &l.stops[3..6]
        );
    }
}

/// The train the journey draws: the locomotive at the front, each carriage
/// its gap behind along the path, waiting out of sight before the first
/// station; the same length (scaled) wherever it is.
#[test]
fn the_trains_vehicles_keep_their_gaps() {
    use qitar::geometry::train::{train_scale, vehicles, CARRIAGE_GAPS};
    let story = load(BUILT_IN).unwrap();
    let st = stops(&story, Lang::En);
    for vw in [320.0, 390.0, 1280.0] {
        let l = layout(&st, story.platforms.len(), frame_for(vw, 800.0, false));
        let scale = train_scale(l.width);
        // 56 px long on a phone at the least, 96 on a desktop.
        let long = (CARRIAGE_GAPS[1] + 26.0 / 2.0 + 34.0 / 2.0) * scale;
        assert!(
            long >= if vw < 900.0 { 56.0 } else { 96.0 },
            "{vw}px: {long}"
        );
        let mut p = 0.0;
        while p <= (l.stops.len() - 1) as f64 {
            let v = vehicles(&l, p);
            assert_eq!(v.len(), 1 + CARRIAGE_GAPS.len());
            let (a, b) = (v[0].pose.at, l.pose(p).at);
            assert!(
                (a.x - b.x).abs() + (a.y - b.y).abs() < 1e-6,
                "the locomotive leads at {p}"
            );
            assert!(!v[0].waiting);
            let front = l.pose(p).t * l.length();
            for (k, gap) in CARRIAGE_GAPS.iter().enumerate() {
                let along = front - gap * scale;
                assert_eq!(v[k + 1].waiting, along < 0.0, "{vw}px, {p}, car {k}");
                if along >= 0.0 {
                    assert!((v[k + 1].pose.t * l.length() - along).abs() < 1e-6);
                }
            }
            p += 0.1;
        }
    }
}

/// Every line is named on the map, at least where it starts; names stay in
/// the frame and clear of each other and of the stations' labels.
#[test]
fn every_line_is_named_on_the_map() {
    use qitar::geometry::line_tags::line_tags;
    let story = load(BUILT_IN).unwrap();
    for lang in Lang::ALL {
        let st = stops(&story, lang);
        let names: Vec<String> = story
            .platforms
            .iter()
            .map(|p| p.name.get(lang).to_string())
            .collect();
        for vw in (320..=1440).step_by(10) {
            let f = frame_for(vw as f64, 844.0, lang.is_rtl());
            let l = layout(&st, story.platforms.len(), f);
            let tags = line_tags(
                &l,
                &names,
                qitar::geometry::line_tags::TAG_FONT,
                lang.is_rtl(),
            );
            for (p, name) in names.iter().enumerate() {
                assert!(
                    tags.iter().any(|t| !t.end && t.platforms.contains(&p)),
                    "{lang:?} {vw}px: {name} has no name where it starts"
                );
                // A line that runs past one stop is named where it ends too.
                let s = l.strands.iter().find(|s| s.platform == p).unwrap();
                assert!(
                    s.first == s.last || tags.iter().any(|t| t.end && t.platforms.contains(&p)),
                    "{lang:?} {vw}px: {name} has no name where it ends"
                );
            }
            for (i, a) in tags.iter().enumerate() {
                assert!(
                    a.bbox.inside(l.width, l.height),
                    "{vw}px: tag {i} leaves the frame"
                );
                for b in &tags[i + 1..] {
                    assert!(!a.bbox.overlaps(&b.bbox), "{vw}px: tags overlap");
                }
                for lab in &l.labels {
                    assert!(
                        !a.bbox.overlaps(&lab.bbox),
                        "{vw}px: tag {i} covers a station's label"
                    );
                }
            }
        }
    }
}

/// The static page's map has one drawing per band of widths
/// (src/ui/journey/still.rs): each is drawn for the box the stylesheet gives
/// the map at the band's width, the stylesheet shows it across exactly that
/// band, and across it nothing changes but the width (the map's height, its
/// rows of line names, the train's size), so the drawing only stretches.
#[test]
fn the_static_maps_bands_follow_the_stylesheet_and_the_layout() {
    let starts: Vec<f64> = (0..BANDS.len())
        .map(|k| match k {
            0 => 320.0,
            k => css::media("min-width", &format!(".still-{k}")).0,
        })
        .collect();
    for (k, band) in BANDS.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(1921.0);
        assert!(
            band.viewport >= starts[k] && band.viewport < end,
            "band {k}: drawn for {} px, shown from {} to {end} px",
            band.viewport,
            starts[k]
        );
        assert_eq!(
            css::map_box(band.viewport),
            (band.width, band.height),
            "band {k}"
        );
        let frame = Frame::new(band.width, band.height, false);
        for vw in starts[k] as u32..end as u32 {
            let (w, h) = css::map_box(vw as f64);
            let at = format!("band {k} at {vw} px");
            assert_eq!(h, band.height, "{at}: the map's height");
            assert_eq!(
                tag_rows(w),
                tag_rows(band.width),
                "{at}: rows of line names"
            );
            assert_eq!(
                train_scale(w),
                train_scale(band.width),
                "{at}: the train's size"
            );
            assert_eq!(
                Frame::new(w, h, false).font,
                frame.font,
                "{at}: the labels' size"
            );
            assert_eq!(
                Frame::new(w, h, false).orientation(),
                Orientation::Horizontal,
                "{at}"
            );
        }
    }
}
