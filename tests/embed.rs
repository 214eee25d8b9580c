//! The embed protocol's pure parts: id validation, Pym.js and JSON
//! messages. (Colour parameters are checked in `embed/page-mode.js`, tested
//! in tests/e2e/themes.test.mjs.)

use qitar::embed::{
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
    assert_eq!(
        parse_viewport(r#"{"type":"qitar:viewport","height":844}"#),
        Some(844.0)
    );
    assert_eq!(
        parse_viewport(r#"{"type":"qitar:viewport","height":99999}"#),
        Some(4000.0)
    );
    assert_eq!(
        parse_viewport(r#"{"type":"qitar:height","height":844}"#),
        None
    );
    assert_eq!(parse_viewport("not json"), None);
}
