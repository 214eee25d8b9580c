#![recursion_limit = "512"]
//! qitar: a scroll-driven infographic of extremist groups' journey across
//! social platforms, 2011–2018. Data flows one way: the story file (serde)
//! → the validated model (`story`) → components → DOM, SVG and canvas.

// The build script's Rust data for the built-in story says `alloc::vec!`.
extern crate alloc;

pub mod app;
pub mod article;
pub mod canvas;
pub mod card;
pub mod card_slot;
pub mod charts;
pub mod content;
pub mod ctx;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod journey;
pub mod page;
pub mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod remote;
pub mod scroll;
pub mod station;
pub mod stats;
pub mod story;
pub mod track;
pub mod train;

/// What the first view's wasm gives the app: the built-in story only, and
/// cards drawn by the card's own wasm, fetched on demand. (The prerender
/// renders this build's page.)
pub fn provide_first_view() {
    leptos::prelude::provide_context(stats::CardContent {
        draw: card_slot::on_demand,
        prefetch: card_slot::prefetch,
    });
}

/// What the `?story=` wasm gives the app: stories from other URLs, and
/// cards drawn in process.
pub fn provide_story_build() {
    leptos::prelude::provide_context(app::RemoteStory(remote::mount));
    leptos::prelude::provide_context(stats::CardContent {
        draw: card::in_process,
        prefetch: || {},
    });
}

/// The first view's entry point. Each entry point names what it adds by a
/// function, so a wasm carries only the code its entry point reaches.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    start_with(false, provide_first_view);
}

/// The entry point for `?story=` pages (the loader picks it).
#[cfg(target_arch = "wasm32")]
pub fn start_story() {
    start_with(true, provide_story_build);
}

/// Mounts the app on the page, in a few short tasks rather than one long
/// one, so a reader who taps or scrolls meanwhile is not kept waiting.
#[cfg(target_arch = "wasm32")]
fn start_with(story_file: bool, provide: fn()) {
    panic::install();
    embed::start();
    // The loader already waits for the static page's first paint; waiting a
    // frame more here keeps start-up work clear of the largest paint when
    // the page paints late (measured: fewer Lighthouse runs where LCP waits
    // for the app).
    page::after_paint(move || boot(story_file, provide));
}

#[cfg(target_arch = "wasm32")]
fn boot(story_file: bool, provide: fn()) {
    // Building the interface strings and the built-in story is a task's worth.
    let _ = content::ui(i18n::Lang::Ar);
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
    page::next_task(move || {
        if let Some(l) = &locale {
            format::warm_numbers(l);
        }
        page::next_task(move || {
            if let Some(l) = &locale {
                format::warm_dates(l);
            }
            page::next_task(move || take_over_static_page(story_file, provide));
        });
    });
}

/// The language the URL asks for (`?lang=`).
#[cfg(target_arch = "wasm32")]
fn requested_lang() -> Option<i18n::Lang> {
    page::param("lang").and_then(|l| i18n::Lang::parse(&l))
}

/// The build prerenders the whole story into a page per language (readable
/// without JavaScript, and the first paint). When the reader asked for
/// exactly that page, the app hydrates it in place: nothing is rebuilt,
/// nothing moves. Otherwise (another story, or a page something rewrote) it
/// renders afresh and then removes the static copy in the same task.
#[cfg(target_arch = "wasm32")]
fn take_over_static_page(story_file: bool, provide: fn()) {
    let doc = web_sys::window().and_then(|w| w.document());
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
            leptos::prelude::provide_context(app::PageLang(l));
        }
        provide();
        leptos::prelude::view! { <app::App /> }
    };
    if same_page {
        leptos::mount::hydrate_body(app);
        went_live(story_file);
        return;
    }
    let scroll = web_sys::window().and_then(|w| w.scroll_y().ok());
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
    if let (Some(w), Some(y)) = (web_sys::window(), scroll) {
        w.scroll_to_with_x_and_y(0.0, y);
    }
    went_live(story_file);
}

/// The page is live: say so, and fetch the card's code once it is idle
/// (the `?story=` build draws cards itself).
#[cfg(target_arch = "wasm32")]
fn went_live(story_file: bool) {
    page::mark_live();
    if !story_file {
        card_slot::prefetch_when_idle();
    }
}
