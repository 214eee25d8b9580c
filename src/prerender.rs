//! Build-time rendering: the same components, rendered natively to HTML for
//! the static first paint (and for readers without JavaScript).

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::story::{self, Story};

/// Effects never run at build time: futures are dropped unpolled.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _fut: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _fut: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The page's head texts and its body, for the built-in story's default
/// language.
pub struct Static {
    pub lang: Lang,
    pub title: String,
    pub description: String,
    pub body: String,
}

pub fn render() -> Result<Static, String> {
    let story: Story = story::load(story::BUILT_IN).map_err(|errs| {
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
    let owner = Owner::new();
    let body = owner.with(|| view! { <crate::app::App /> }.to_html());
    let lang = story.default_lang;
    Ok(Static {
        lang,
        title: story.title.get(lang).to_string(),
        description: story.intro.get(lang).to_string(),
        body,
    })
}
