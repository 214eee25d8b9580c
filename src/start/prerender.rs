//! Build-time rendering: the same components, rendered natively to HTML for
//! the static first paint (and for readers without JavaScript).

use leptos::prelude::*;

use crate::model::lang::Lang;
use crate::ui::app::{App, PageLang};

/// Effects never run at build time: futures are dropped unpolled.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _fut: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _fut: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Sets the executor that runs no effects (once; later calls do nothing).
pub fn no_effects() {
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
}

/// One prerendered page: its head texts and its body, in one language.
pub struct Static {
    pub lang: Lang,
    pub title: String,
    pub description: String,
    pub body: String,
    /// How many elements `body` holds. The app hydrates only a page that
    /// still has exactly these (an extension or a translator may have
    /// rewritten it); otherwise it renders afresh.
    pub elements: usize,
}

/// Elements in an HTML fragment: its start tags (text has `<` escaped).
pub fn count_elements(html: &str) -> usize {
    html.as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count()
}

/// The built-in story's default language, and the story rendered in every
/// language: the page a reader who asked for that language gets first (the
/// app then hydrates it).
pub fn render_all() -> (Lang, Vec<Static>) {
    let story = crate::content::story();
    no_effects();
    // A page per language the story is written in.
    let pages = Lang::ALL
        .into_iter()
        .filter(|l| story.has(*l))
        .map(|lang| {
            let owner = Owner::new();
            let body = owner.with(|| {
                PageLang(lang).provide();
                super::provide_first_view();
                view! { <App /> }.to_html()
            });
            Static {
                lang,
                title: story.title.get(lang).to_string(),
                description: story.intro.get(lang).to_string(),
                elements: count_elements(&body),
                body,
            }
        })
        .collect();
    (story.default_lang, pages)
}
