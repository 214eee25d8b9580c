//! Components in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use qitar::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// One animation frame: the reactive system's effects and the scroll
/// engine's frame callback have run by then.
async fn frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Waits, a frame at a time, until `done` holds; fails after `deadline_ms`
/// naming what it waited for.
async fn until(what: &str, deadline_ms: f64, done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < deadline_ms,
            "timed out after {deadline_ms} ms waiting for {what}"
        );
        frame().await;
    }
}

/// Mounts the app, as the `?story=` build has it (stories from other URLs,
/// cards drawn in process), into a fresh container with the given query
/// string.
fn mount(query: &str) -> (HtmlElement, impl Drop) {
    let w = web_sys::window().unwrap();
    let path = w.location().pathname().unwrap();
    w.history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || {
        qitar::start::provide_story_build();
        leptos::prelude::view! { <App /> }
    });
    (host, handle)
}

/// A container (not yet in the page) of `n` steps, each `height` tall, for
/// the scroll engine to watch.
fn steps_of(n: usize, height: &str) -> (HtmlElement, Vec<HtmlElement>) {
    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    container
        .style()
        .set_property("position", "relative")
        .unwrap();
    let steps = (0..n)
        .map(|_| {
            let s: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
            s.style().set_property("height", height).unwrap();
            container.append_child(&s).unwrap();
            s
        })
        .collect();
    (container, steps)
}

fn count(host: &HtmlElement, sel: &str) -> u32 {
    host.query_selector_all(sel).unwrap().length()
}

fn text_of(host: &HtmlElement, sel: &str) -> String {
    host.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .text_content()
        .unwrap_or_default()
}

fn html_attr(name: &str) -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute(name)
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounts_every_station_and_statistic_in_arabic() {
    let (host, _h) = mount("");
    until("the article, in Arabic", 2000.0, || {
        count(&host, "article") == 1 && html_attr("lang") == "ar"
    })
    .await;
    let story = qitar::model::load::load(qitar::content::STORY_JSON).unwrap();
    assert_eq!(count(&host, "article"), 1);
    assert_eq!(
        count(&host, "ol.stations > li.station"),
        story.stations.len() as u32
    );
    assert_eq!(
        count(&host, "button.stat-button"),
        story.stats().count() as u32
    );
    assert_eq!(
        count(&host, ".source-list > li"),
        story.sources.len() as u32
    );
    assert!(host.query_selector("[id='2017']").unwrap().is_some());
    assert_eq!(html_attr("lang"), "ar");
    assert_eq!(html_attr("dir"), "rtl");
    // Arabic-Indic digits come from Intl.
    let fig = text_of(&host, "#stat-twitter-h2-2017 .figure");
    assert_eq!(fig, "٢٧٤٬٤٦٠");
    assert_eq!(text_of(&host, "h1"), story.title.ar);
    host.remove();
}

#[wasm_bindgen_test]
async fn language_switch_flips_dir_lang_and_text() {
    let (host, _h) = mount("?lang=ar");
    until("the switch", 2000.0, || count(&host, ".lang-switch") == 1).await;
    let story = qitar::model::load::load(qitar::content::STORY_JSON).unwrap();
    let switch: HtmlElement = host
        .query_selector(".lang-switch")
        .unwrap()
        .unwrap()
        .unchecked_into();
    switch.click();
    until("English", 2000.0, || html_attr("lang") == "en").await;
    assert_eq!(html_attr("dir"), "ltr");
    assert_eq!(text_of(&host, "h1"), story.title.en);
    assert_eq!(text_of(&host, "#stat-twitter-h2-2017 .figure"), "274,460");
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("lang=en"));
    switch.click();
    until("right to left", 2000.0, || html_attr("dir") == "rtl").await;
    assert_eq!(text_of(&host, "h1"), story.title.ar);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_figure_opens_its_card_and_escape_closes_it() {
    let (host, _h) = mount("?lang=en");
    until("the figures", 2000.0, || count(&host, ".stat-button") > 0).await;
    let button: HtmlElement = host
        .query_selector("#stat-twitter-fall-8-4 .stat-button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let dialog: web_sys::HtmlDialogElement = host
        .query_selector("dialog.stat-card")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!dialog.open());
    button.focus().unwrap();
    button.click();
    until("the card to open", 2000.0, || {
        dialog.open() && button.get_attribute("aria-expanded").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let text = dialog.text_content().unwrap();
    assert!(text.contains("8.4%"), "{text}");
    assert!(text.contains("not a share of anything"), "{text}");
    assert!(text.contains("Transparency Report 12"), "{text}");
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#stat-twitter-fall-8-4"
    );
    // Escape closes it and gives focus back to the figure.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    dialog.dispatch_event(&esc).unwrap();
    until("the card to close", 2000.0, || {
        !dialog.open() && button.get_attribute("aria-expanded").as_deref() == Some("false")
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let active = document().active_element().unwrap();
    assert!(
        js_sys::Object::is(&active, &button),
        "focus returned to the figure"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_missing_story_url_shows_the_error_panel() {
    let (host, _h) = mount("?lang=en&story=/no-such-story.json");
    until("the error panel", 5000.0, || {
        count(&host, ".error-panel") == 1
    })
    .await;
    assert_eq!(count(&host, "article"), 0);
    assert_eq!(count(&host, ".error-panel[role=alert]"), 1);
    let panel = text_of(&host, ".error-panel");
    assert!(panel.contains("Could not load the story file"), "{panel}");
    assert!(panel.contains("The server answered 404"), "{panel}");
    // The page around it still works: the language switch is there.
    assert_eq!(count(&host, ".lang-switch"), 1);
    host.remove();
}

/// A story in a `data:` URL would put any text at the graphic's address:
/// refused, and said so in the page's language.
#[wasm_bindgen_test]
async fn a_data_url_story_is_refused() {
    let url = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(r#"{"version":1}"#)
    );
    let (host, _h) = mount(&format!(
        "?lang=ar&story={}",
        js_sys::encode_uri_component(&url)
    ));
    until("the error panel", 5000.0, || {
        count(&host, ".error-panel") == 1
    })
    .await;
    let panel = text_of(&host, ".error-panel");
    assert!(panel.contains("لا يعرض هذا الرسم التفاعلي إلا"), "{panel}");
    assert_eq!(count(&host, "article"), 0);
    host.remove();
}

/// The scroll engine over plain steps: activates each in order as the
/// window scrolls, with continuous progress, and stops when dropped.
#[wasm_bindgen_test]
async fn scroll_engine_activates_steps_in_order() {
    use qitar::browser::scroll_engine::Engine;
    use qitar::geometry::scroll::Position;
    use std::cell::RefCell;
    use std::rc::Rc;

    let doc = document();
    let (container, steps) = steps_of(5, "700px");
    // Room to scroll past both ends.
    let spacer = |h: &str| {
        let d: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        d.style().set_property("height", h).unwrap();
        d
    };
    let body = doc.body().unwrap();
    body.append_child(&spacer("1200px")).unwrap();
    body.append_child(&container).unwrap();
    body.append_child(&spacer("1200px")).unwrap();

    let seen: Rc<RefCell<Vec<Position>>> = Rc::default();
    let log = seen.clone();
    let engine = Engine::new(container.clone(), steps, move |p, _| {
        log.borrow_mut().push(p)
    })
    .unwrap();
    frame().await;

    let w = web_sys::window().unwrap();
    let start = container.get_bounding_client_rect().top() + w.scroll_y().unwrap();
    let vh = w.inner_height().unwrap().as_f64().unwrap();
    let mut actives = Vec::new();
    let mut progress = Vec::new();
    let mut y = start - vh;
    while y < start + 3500.0 {
        w.scroll_to_with_x_and_y(0.0, y);
        // The scroll event, then the engine's frame.
        frame().await;
        frame().await;
        if let Some(p) = seen.borrow().last() {
            if p.inside && actives.last() != Some(&p.active) {
                actives.push(p.active);
            }
            progress.push(p.progress);
        }
        y += 150.0;
    }
    assert_eq!(actives, vec![0, 1, 2, 3, 4]);
    assert!(progress.windows(2).all(|w| w[1] >= w[0]), "{progress:?}");
    assert!(progress.iter().any(|p| p.fract() > 0.1 && p.fract() < 0.9));

    // Dropped, it no longer reports.
    drop(engine);
    let before = seen.borrow().len();
    w.scroll_to_with_x_and_y(0.0, start);
    for _ in 0..4 {
        frame().await;
    }
    assert_eq!(seen.borrow().len(), before);
    container.remove();
    w.scroll_to_with_x_and_y(0.0, 0.0);
}

/// A listener that calls back into the engine (a refresh, as a language
/// switch does) must not find the engine's state still borrowed: with
/// `panic = "abort"` that would end the app.
#[wasm_bindgen_test]
async fn the_engine_listener_may_refresh_the_engine() {
    use qitar::browser::scroll_engine::Engine;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    let doc = document();
    let (container, steps) = steps_of(3, "600px");
    doc.body().unwrap().append_child(&container).unwrap();
    let slot: Rc<RefCell<Option<Engine>>> = Rc::default();
    let calls = Rc::new(Cell::new(0u32));
    let (s2, c2) = (slot.clone(), calls.clone());
    let engine = Engine::new(container.clone(), steps, move |_, _| {
        c2.set(c2.get() + 1);
        if let Some(e) = s2.borrow().as_ref() {
            e.refresh();
        }
    })
    .unwrap();
    *slot.borrow_mut() = Some(engine);
    let w = web_sys::window().unwrap();
    let top = container.get_bounding_client_rect().top() + w.scroll_y().unwrap();
    for y in [top, top + 700.0, top + 1300.0] {
        w.scroll_to_with_x_and_y(0.0, y);
        frame().await;
        frame().await;
    }
    assert!(calls.get() >= 2, "the listener ran {} times", calls.get());
    slot.borrow_mut().take();
    container.remove();
    w.scroll_to_with_x_and_y(0.0, 0.0);
}

/// `<Later>`: the first pass leaves its part as the server wrote it; the
/// part hydrates in a task after, on the same nodes, before `when_hydrated`.
#[wasm_bindgen_test]
async fn a_later_part_hydrates_after_the_first_pass_on_the_same_nodes() {
    use leptos::prelude::*;
    use qitar::ui::later::{when_hydrated, Later};
    use std::cell::Cell;
    use std::rc::Rc;

    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    // What the server writes for the view below.
    host.set_inner_html(r#"<p>first</p><div class="later"><button>later</button></div>"#);
    document().body().unwrap().append_child(&host).unwrap();
    let button: HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let clicks = RwSignal::new(0);
    let label = RwSignal::new("later".to_string());
    let handle = leptos::mount::hydrate_from(host.clone(), move || {
        view! {
            <p>"first"</p>
            <Later>
                <button on:click=move |_| clicks.update(|n| *n += 1)>{move || label.get()}</button>
            </Later>
        }
    });
    // The first pass is over: the later part has no handler yet.
    button.click();
    assert_eq!(clicks.get_untracked(), 0, "hydrated with the first pass");
    let done = Rc::new(Cell::new(false));
    let d = done.clone();
    // A change made through `when_hydrated` (as the language switch makes
    // its) comes after the part has hydrated, so the page shows it.
    when_hydrated(move || {
        label.set("changed".into());
        d.set(true);
    });
    until("the later part to hydrate", 2000.0, || done.get()).await;
    button.click();
    assert_eq!(clicks.get_untracked(), 1, "the later part never hydrated");
    let now = host.query_selector("button").unwrap().unwrap();
    assert!(
        now.is_same_node(Some(&button)),
        "the server's button was replaced"
    );
    assert_eq!(count(&host, "button"), 1);
    until("the change to reach the page", 2000.0, || {
        text_of(&host, "button") == "changed"
    })
    .await;
    drop(handle);
    host.remove();
}
