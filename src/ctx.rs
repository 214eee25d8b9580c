//! What every component may read: the language, the story's number
//! locales and the theme (`Ctx`, which the app provides), and the words in
//! the current language.

use leptos::prelude::*;

use crate::content::ui;
use crate::i18n::{Lang, Strings};
use crate::story::{NumberLocales, Text};

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
}

pub fn t(lang: Lang) -> &'static Strings {
    ui(lang)
}

/// A story text in the current language, with its digits in the locale's.
pub fn text(t: &Text) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = expect_context::<Ctx>();
    let t = t.clone();
    move || crate::format::digits(t.get(ctx.lang.get()), &ctx.locale())
}

/// An interface string in the current language.
pub fn ui_text(
    pick: fn(&Strings) -> &String,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let ctx = expect_context::<Ctx>();
    move || crate::format::digits(pick(ui(ctx.lang.get())), &ctx.locale())
}
