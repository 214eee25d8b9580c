//! The embed protocol's pure parts: id validation, Pym.js and JSON
//! messages. (Colour parameters are checked in `embed/page-mode.js`, tested
//! in tests/e2e/themes.test.mjs.)

use qitar::embed::messages::{
    json_height_message, parse_pym_width, parse_viewport, pym_height_message, valid_id,
};

#[test]
fn ids_cannot_break_out_of_a_message() {
    assert_eq!(valid_id("qitar-1").as_deref(), Some("qitar-1"));
    for bad in ["", "a\"b", "x}", "a b", "xPYMx<script>", &"a".repeat(65)] {
        assert_eq!(valid_id(bad), None, "{bad}");
    }
}

#[test]
fn height_messages_in_both_protocols() {
    assert_eq!(
        pym_height_message("pym-en", 1234),
        "pymxPYMxpym-enxPYMxheightxPYMx1234"
    );
    assert_eq!(
        json_height_message(Some("qitar-1"), 987),
        r#"{"type":"qitar:height","id":"qitar-1","height":987}"#
    );
    assert_eq!(
        json_height_message(None, 5),
        r#"{"type":"qitar:height","id":null,"height":5}"#
    );
    let v: serde_json::Value = serde_json::from_str(&json_height_message(Some("a"), 1)).unwrap();
    assert_eq!(v["height"], 1);
}

#[test]
fn pym_width_messages_are_read_only_for_this_child() {
    assert_eq!(
        parse_pym_width("pymxPYMxpym-enxPYMxwidthxPYMx760", "pym-en"),
        Some(760.0)
    );
    assert_eq!(
        parse_pym_width("pymxPYMxotherxPYMxwidthxPYMx760", "pym-en"),
        None
    );
    assert_eq!(
        parse_pym_width("pymxPYMxpym-enxPYMxheightxPYMx760", "pym-en"),
        None
    );
    assert_eq!(
        parse_pym_width("pymxPYMxpym-enxPYMxwidthxPYMxNaN", "pym-en"),
        None
    );
    assert_eq!(parse_pym_width("garbage", "pym-en"), None);
}

#[test]
fn viewport_messages_are_parsed_and_clamped() {
    use qitar::embed::messages::HostView;
    assert_eq!(
        parse_viewport("qitar:viewport:844:"),
        Some(HostView {
            height: 844.0,
            top: None
        })
    );
    assert_eq!(
        parse_viewport("qitar:viewport:99999:-1234.5"),
        Some(HostView {
            height: 4000.0,
            top: Some(-1234.5)
        })
    );
    // A top that is not a finite number is no top.
    assert_eq!(
        parse_viewport("qitar:viewport:800:x"),
        Some(HostView {
            height: 800.0,
            top: None
        })
    );
    assert_eq!(parse_viewport("qitar:height:844"), None);
    assert_eq!(parse_viewport("qitar:viewport:NaN:0"), None);
    assert_eq!(parse_viewport("qitar:viewport:inf:0"), None);
    assert_eq!(parse_viewport("qitar:viewport:"), None);
    assert_eq!(parse_viewport("not a message"), None);
}

#[test]
fn a_sticky_header_offset_is_whole_pixels_up_to_300() {
    use qitar::browser::frame::parse_offset;
    assert_eq!(parse_offset("56"), 56.0);
    assert_eq!(parse_offset(" 48.6 "), 49.0);
    for bad in ["", "0", "-10", "301", "NaN", "1e9", "56px", "inf"] {
        assert_eq!(parse_offset(bad), 0.0, "{bad}");
    }
}

#[test]
fn the_shared_link_points_where_a_reader_can_open_it() {
    use qitar::embed::messages::share_url;
    let page = Some("s/stat-x.en.html");
    // A page of its own: the figure's share page beside it (the built-in
    // story has one per figure), from any of the graphic's addresses.
    for href in [
        "https://g.example/qitar/en.html?lang=en#2014",
        "https://g.example/qitar/?lang=en",
        "https://g.example/qitar/index.html",
    ] {
        assert_eq!(
            share_url(href, false, "stat-x", page),
            "https://g.example/qitar/s/stat-x.en.html",
            "{href}"
        );
    }
    // Without one (a ?story= story): the page itself, with the anchor.
    assert_eq!(
        share_url(
            "https://g.example/qitar/en.html?lang=en#2014",
            false,
            "stat-x",
            None
        ),
        "https://g.example/qitar/en.html?lang=en#stat-x"
    );
    // In embed.js's frame: the host article, which forwards the fragment,
    // share page or not.
    for page in [page, None] {
        assert_eq!(
            share_url(
                "https://g.example/qitar/?lang=ar&id=qitar-1&parentUrl=https%3A%2F%2Fnews.example%2F2018%2Fstory%3Fpage%3D2%23top&offset=56",
                true,
                "stat-x",
                page
            ),
            "https://news.example/2018/story?page=2#stat-x"
        );
    }
    // Under Pym (its host does not forward fragments), or with no usable
    // host URL: the share page, else the graphic's own address without the
    // frame's parameters.
    let pym = "https://g.example/qitar/en.html?initialWidth=640&childId=pym-en&parentTitle=Long%20title&parentUrl=https%3A%2F%2Fnews.example%2Fa";
    assert_eq!(
        share_url(pym, true, "stat-x", page),
        "https://g.example/qitar/s/stat-x.en.html"
    );
    assert_eq!(
        share_url(pym, true, "stat-x", None),
        "https://g.example/qitar/en.html#stat-x"
    );
    assert_eq!(
        share_url(
            "https://g.example/qitar/?lang=en&id=qitar-2&parentUrl=javascript%3Aalert(1)&story=s.json",
            true,
            "2016",
            None
        ),
        "https://g.example/qitar/?lang=en&story=s.json#2016"
    );
}
