//! What every component may read: the language, the story's number
//! locales and the theme (`Ctx`, which the app provides), and the words in
//! the current language.

use leptos::prelude::*;
use std::sync::Arc;

use crate::content::ui;
use crate::model::lang::Lang;
use crate::model::story::{NumberLocales, Station, Story, Text};
use crate::text::strings::Strings;
use crate::text::{format, labels};

/// What every component may read: the language and the story's locales.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub locales: RwSignal<NumberLocales>,
    /// Bumped when the colour scheme changes, so canvases repaint.
    pub theme: RwSignal<u32>,
    /// Whether the story shown is written in both languages (else there is
    /// nothing to switch to).
    pub bilingual: RwSignal<bool>,
}

impl Ctx {
    /// The number locale of the current language (tracks both signals).
    pub fn locale(&self) -> String {
        let lang = self.lang.get();
        self.locales.with(|l| l.get(lang).to_string())
    }

    /// A station's name on the map and over its text, in the current
    /// language (tracks both signals).
    pub fn station_label(&self, s: &Station) -> String {
        let lang = self.lang.get();
        labels::station_label(s, lang, &self.locale(), &ui(lang).waypoint)
    }
}

/// The story being shown, for components deep in the tree (the article
/// provides it).
#[derive(Clone)]
struct StoryRef(Arc<Story>);

pub fn provide_story(story: Arc<Story>) {
    provide_context(StoryRef(story));
}

pub fn use_story() -> Arc<Story> {
    expect_context::<StoryRef>().0
}

/// Every component reads the context through here.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The interface strings in `lang`.
pub fn t(lang: Lang) -> &'static Strings {
    ui(lang)
}

/// A story text in the current language, with its digits in the locale's.
pub fn text(t: &Text) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = use_ctx();
    let t = t.clone();
    move || format::digits(t.get(ctx.lang.get()), &ctx.locale())
}

/// An interface string in the current language.
pub fn ui_text(
    pick: fn(&Strings) -> &String,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = use_ctx();
    move || format::digits(pick(ui(ctx.lang.get())), &ctx.locale())
}
