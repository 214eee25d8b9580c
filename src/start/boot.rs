//! Starting the app in the browser: hydrate the prerendered page or mount
//! afresh, in a few short tasks rather than one long one.

use crate::browser::{frame, page, tasks, window};
use crate::content;
use crate::embed;
use crate::model::lang::Lang;
use crate::ui::app::{App, PageLang};
use crate::ui::later;

/// The first view's entry point. Each entry point names what it adds by a
/// function, so a wasm carries only the code its entry point reaches.
pub fn start() {
    start_with(false, super::provide_first_view);
}

/// The entry point for `?story=` pages (the loader picks it).
pub fn start_story() {
    start_with(true, super::provide_story_build);
}

/// Mounts the app on the page, in a few short tasks rather than one long
/// one, so a reader who taps or scrolls meanwhile is not kept waiting.
fn start_with(story_file: bool, provide: fn()) {
    super::panic::install();
    embed::start();
    // The loader already waits for the static page's first paint; waiting a
    // frame more here keeps start-up work clear of the largest paint when
    // the page paints late (measured: fewer Lighthouse runs where LCP waits
    // for the app).
    // In a host's frame, not before the reader is near and the host idle:
    // the host article's own loading and scrolling come first.
    frame::when_near(move || match frame::is_framed() {
        true => tasks::when_idle(move || boot(story_file, provide)),
        false => tasks::after_paint(move || boot(story_file, provide)),
    });
}

fn boot(story_file: bool, provide: fn()) {
    // Building the interface strings and the built-in story is a task's worth.
    let _ = content::ui(Lang::Ar);
    let locale = match story_file {
        false => {
            let s = content::story();
            let lang = requested_lang()
                .or_else(page::document_lang)
                .map_or(s.default_lang, |l| s.lang_or_default(l));
            Some(s.number_locales.get(lang).to_string())
        }
        true => None,
    };
    // The first Intl formatter for a locale loads ICU data: pay for that in
    // tasks of its own, not in the middle of hydration.
    tasks::next_task(move || {
        if let Some(l) = &locale {
            crate::text::format::warm_numbers(l);
        }
        tasks::next_task(move || {
            if let Some(l) = &locale {
                crate::text::format::warm_dates(l);
            }
            tasks::next_task(move || take_over_static_page(story_file, provide));
        });
    });
}

/// The language the URL asks for (`?lang=`).
fn requested_lang() -> Option<Lang> {
    page::param("lang").and_then(|l| Lang::parse(&l))
}

/// The build prerenders the whole story into a page per language (readable
/// without JavaScript, and the first paint). When the reader asked for
/// exactly that page, the app hydrates it in place: nothing is rebuilt,
/// nothing moves. Otherwise (another story, or a page something rewrote) it
/// renders afresh and then removes the static copy in the same task.
fn take_over_static_page(story_file: bool, provide: fn()) {
    let doc = window().and_then(|w| w.document());
    let stale = doc
        .as_ref()
        .and_then(|d| d.query_selector_all("body > .page").ok());
    // The built-in story is read in the page's language unless the URL
    // names another; a story from elsewhere brings its own default.
    let page_lang = match story_file {
        true => None,
        false => page::document_lang(),
    };
    // Hydration needs the page exactly as prerendered; an extension or a
    // translator may have added or removed elements since.
    let intact = doc.as_ref().and_then(|d| d.body()).is_some_and(|b| {
        b.get_attribute("data-elements")
            .and_then(|n| n.parse::<u32>().ok())
            == Some(b.get_elements_by_tag_name("*").length())
    });
    let same_page = intact
        && page_lang.is_some()
        && requested_lang().is_none_or(|l| Some(l) == page_lang)
        && stale.as_ref().is_some_and(|l| l.length() == 1);
    let app = move || {
        if let Some(l) = page_lang {
            PageLang(l).provide();
        }
        provide();
        leptos::prelude::view! { <App /> }
    };
    if same_page {
        leptos::mount::hydrate_body(app);
        // What `<Later>` deferred hydrates in the tasks after this one.
        later::when_hydrated(move || went_live(story_file));
        return;
    }
    let scroll = window().and_then(|w| w.scroll_y().ok());
    leptos::mount::mount_to_body(app);
    if let Some(list) = stale {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    page::end_remote_story_wait();
    // The reader may have scrolled the static page while the app loaded.
    if let (Some(w), Some(y)) = (window(), scroll) {
        w.scroll_to_with_x_and_y(0.0, y);
    }
    went_live(story_file);
}

/// The page is live: say so, and fetch the card's code once it is idle
/// (the `?story=` build draws cards itself).
fn went_live(story_file: bool) {
    page::mark_live();
    if !story_file {
        crate::browser::card_loader::prefetch_when_idle();
    }
}
