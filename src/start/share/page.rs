//! A figure's share page (`s/<id>.html`, `s/<id>.<lang>.html`): the
//! address "Copy link" and the share sheet give. Link previews read its
//! title, description and picture (scripts/post-build.mjs writes its head
//! from `SharePage`); a reader without JavaScript reads the card's facts in
//! plain HTML, the chart's picture and a link that opens the card in the
//! graphic, where a reader with JavaScript goes at once.

use leptos::prelude::*;
use std::sync::Arc;

use super::pictures::figure_text;
use crate::content::ui;
use crate::embed::messages::share_page;
use crate::geometry::chart::{self, ChartData};
use crate::model::lang::Lang;
use crate::model::story::{Stat, Story};
use crate::text::format::{self, Style};
use crate::ui::cards::body::CardSource;
use crate::ui::cards::facts::{article_said, dom_id, note_and_derivation, source_says};
use crate::ui::ctx::{text, ui_text, Ctx};

/// One share page: its file, what its head says, its body.
pub struct SharePage {
    pub stat_id: String,
    pub lang: Lang,
    /// Under the build's folder: `s/<id>.html`.
    pub file: String,
    /// The page's `<title>`: the figure, what it counts, the story.
    pub title: String,
    /// The link preview's title: the figure and what it counts.
    pub headline: String,
    pub description: String,
    /// The graphic with this figure's card, from the share page.
    pub open: String,
    pub body: String,
}

/// The graphic's page in `lang`, from a share page (one folder down).
fn graphic(lang: Lang, default: Lang) -> String {
    match super::page_file(lang, default).as_str() {
        "index.html" => "../".into(),
        other => format!("../{other}"),
    }
}

/// Renders the share page of `stat` in `lang` (the prerender's executor,
/// which runs no effects, must be set).
pub fn render(story: &Story, stat: &Stat, lang: Lang) -> SharePage {
    let strings = ui(lang);
    let locale = story.number_locales.get(lang).to_string();
    let digits = |t: &str| format::digits(t, &locale);
    let figure = figure_text(story, stat, lang);
    let headline = format!("{figure} {}", digits(stat.label.get(lang)));
    let said = story.cites_an_article().then(|| match &stat.article {
        Some(a) => format!("{}: {}.", strings.article_said, digits(a.claim.get(lang))),
        None => format!("{}: {}", strings.article_said, strings.no_article_figure),
    });
    let source = story.source(&stat.source);
    let description = [
        Some(format!("{}.", digits(stat.period.get(lang)))),
        said,
        source.map(|s| format!("{}: {}.", strings.source, digits(s.publisher.get(lang)))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let home = graphic(lang, story.default_lang);
    let open = format!("{home}#{}", dom_id(&stat.id));
    let picture = format!("../{}", super::figure_picture_file(&stat.id, lang));
    // The chart's words for the picture's text alternative (the figure and
    // its label are the heading beside it).
    let alt = stat.chart.as_ref().map(|c| {
        let fmt = |v: f64, s: Style| format::number(v, &locale, s);
        let data = ChartData::new(c, lang, &strings.running_total, &fmt);
        chart::summary(&digits(c.title.get(lang)), &data)
    });

    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(Ctx {
            lang: RwSignal::new(lang),
            locales: RwSignal::new(story.number_locales.clone()),
            theme: RwSignal::new(0),
            bilingual: RwSignal::new(story.bilingual()),
        });
        let ctx = expect_context::<Ctx>();
        let story = Arc::new(story.clone());
        let stat = stat.clone();
        let note = (stat.note.is_some() || stat.derived.is_some())
            .then(|| note_and_derivation(ctx, &story, &stat));
        view! {
            <main class="share" id="main">
                <p class="share-story"><a href=home.clone()>{text(&story.title)}</a></p>
                <h1 class="share-head">
                    <bdi class="share-figure">{figure.clone()}</bdi>
                    " "
                    {text(&stat.label)}
                </h1>
                <p class="card-period">{text(&stat.period)}</p>
                {alt.map(|alt| view! {
                    <img class="share-picture" src=picture width="1200" height="630" alt=alt />
                })}
                <div class="compare">
                    {story.cites_an_article().then(|| view! {
                        <section class="said">
                            <h2>{ui_text(|s| &s.article_said)}</h2>
                            <p>{article_said(ctx, &stat)}</p>
                        </section>
                    })}
                    <section class="says">
                        <h2>{ui_text(|s| &s.source_says)}</h2>
                        <p>{source_says(ctx, &stat, "says-figure")}</p>
                    </section>
                </div>
                {note.map(|n| view! {
                    <p class="card-note">
                        <strong>{ui_text(|s| &s.note)}": "</strong>
                        {n}
                    </p>
                })}
                <CardSource source=story.source(&stat.source).cloned() />
                <p class="share-open">
                    <a href=open.clone()>{ui_text(|s| &s.open_in_graphic)}</a>
                </p>
            </main>
        }
        .to_html()
    });
    SharePage {
        stat_id: stat.id.clone(),
        lang,
        file: share_page(&stat.id, lang, story.default_lang),
        title: format!("{headline} · {}", digits(story.title.get(lang))),
        headline,
        description,
        open,
        body,
    }
}
