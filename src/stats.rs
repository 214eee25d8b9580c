//! The figures: every one is a button that opens the card dialog (this
//! module: the buttons, the dialog and which card is open; `card`: what is
//! in it), with the same facts folded under it for readers without the app.

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::ctx::{t, text, ui_text, Ctx};
use crate::format::{self, Style};
use crate::story::{Stat, Story};

/// What fills the open card: drawn in this wasm (`card::in_process`, the
/// `?story=` build) or by the card's own wasm, fetched on demand
/// (`card_slot::on_demand`, the first view). Given by the entry point, so
/// the first view's wasm carries none of the card's drawing code.
#[derive(Clone, Copy)]
pub struct CardContent {
    pub draw: fn(Arc<Story>, Stat) -> AnyView,
    /// Starts fetching what `draw` needs, when the reader shows intent.
    pub prefetch: fn(),
}

/// The story being shown, for components deep in the tree.
#[derive(Clone)]
pub struct StoryRef(pub Arc<Story>);

/// Which card is open, shared by the buttons, the card and the journey; and
/// where the reader's view is, which the journey's scroll engine knows and
/// a card in a frame opens in.
#[derive(Clone, Copy)]
pub struct Cards {
    pub open: RwSignal<Option<String>>,
    pub view: StoredValue<Option<crate::scroll::View>>,
}

impl Cards {
    pub fn new() -> Self {
        Cards {
            open: RwSignal::new(None),
            view: StoredValue::new(None),
        }
    }
}

impl Default for Cards {
    fn default() -> Self {
        Self::new()
    }
}

/// The figure as the reader sees it, in the current language.
pub fn figure(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let style = Style::for_stat(stat.unit, stat.display, stat.currency.as_deref());
    let value = stat.value;
    move || {
        let _ = ctx.lang.get();
        format::number(value, &ctx.locale(), style)
    }
}

/// What the article said about a figure, or that it gave none.
pub fn article_said(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let claim = stat.article.as_ref().map(|a| a.claim.clone());
    move || {
        let lang = ctx.lang.get();
        match &claim {
            Some(c) => format::digits(c.get(lang), &ctx.locale()),
            None => t(lang).no_article_figure.clone(),
        }
    }
}

/// What the source says: the figure, what it counts, and over which period.
pub fn source_says(ctx: Ctx, stat: &Stat, figure_class: &'static str) -> impl IntoView {
    view! {
        <bdi class=figure_class>{figure(ctx, stat)}</bdi>
        " "
        {text(&stat.label)}
        " ("
        {text(&stat.period)}
        ")"
    }
}

/// The note, then the sources of its figures and how the figure was worked
/// out, when the story gives them.
pub fn note_and_derivation(
    ctx: Ctx,
    story: &Story,
    stat: &Stat,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let note = stat.note.clone();
    let sources: Vec<_> = stat
        .note_sources
        .iter()
        .filter_map(|id| story.source(id).map(|s| s.publisher.clone()))
        .collect();
    let derived = stat.derived.clone();
    move || {
        let lang = ctx.lang.get();
        let mut parts = Vec::new();
        if let Some(n) = &note {
            let mut n = n.get(lang).to_string();
            if !sources.is_empty() {
                let names: Vec<&str> = sources.iter().map(|p| p.get(lang)).collect();
                n.push_str(&format!(
                    " ({} {})",
                    t(lang).according_to,
                    names.join(t(lang).list_separator.as_str())
                ));
            }
            parts.push(n);
        }
        if let Some(d) = &derived {
            parts.push(format!("{} {}", t(lang).derived, d.get(lang)));
        }
        (!parts.is_empty()).then(|| format::digits(&parts.join(" "), &ctx.locale()))
    }
}

pub fn dom_id(stat_id: &str) -> String {
    format!("stat-{stat_id}")
}

#[component]
pub fn StatList(stats: Vec<Stat>) -> impl IntoView {
    if stats.is_empty() {
        return None;
    }
    let items = stats
        .into_iter()
        .map(|s| view! { <StatButton stat=s /> })
        .collect::<Vec<_>>();
    Some(view! {
        <ul class="stats" aria-label=ui_text(|s| &s.figures)>
            {items}
        </ul>
    })
}

#[component]
fn StatButton(stat: Stat) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let cards = expect_context::<Cards>();
    let story = expect_context::<StoryRef>().0;
    let prefetch = expect_context::<CardContent>().prefetch;
    let source = story.source(&stat.source).cloned();
    let note = (stat.note.is_some() || stat.derived.is_some())
        .then(|| note_and_derivation(ctx, &story, &stat));
    let id = stat.id.clone();
    let is_open = {
        let id = id.clone();
        move || cards.open.get().as_deref() == Some(id.as_str())
    };
    view! {
        <li class="stat" id=dom_id(&stat.id)>
            <button
                type="button"
                class="stat-button"
                aria-haspopup="dialog"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| cards.open.set(Some(id.clone()))
                on:pointerdown=move |_| prefetch()
                on:pointerenter=move |_| prefetch()
                on:focus=move |_| prefetch()
            >
                <span class="figure">{figure(ctx, &stat)}</span>
                " "
                <span class="stat-label">{text(&stat.label)}</span>
            </button>
            // The same facts as the card, in plain HTML: what readers without
            // JavaScript (and printers) get, folded so nothing moves.
            <details class="stat-more">
                <summary>{ui_text(|s| &s.details)}</summary>
                <dl>
                    {story.cites_an_article().then(|| view! {
                        <dt>{ui_text(|s| &s.article_said)}</dt>
                        <dd>{article_said(ctx, &stat)}</dd>
                    })}
                    <dt>{ui_text(|s| &s.source_says)}</dt>
                    <dd>{source_says(ctx, &stat, "")}</dd>
                    {note.map(|n| view! {
                        <dt>{ui_text(|s| &s.note)}</dt>
                        <dd class="note">{n}</dd>
                    })}
                    <dt>{ui_text(|s| &s.source)}</dt>
                    <dd>
                        {source.map(|s| view! {
                            <a href=format!("#source-{}", s.id)>{text(&s.publisher)}</a>
                        })}
                    </dd>
                </dl>
            </details>
        </li>
    }
}

/// The one card dialog of the page; its content follows `Cards::open`.
#[component]
pub fn StatCard(story: Arc<Story>) -> impl IntoView {
    let cards = expect_context::<Cards>();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    // The hash before the card opened, to put back when it closes.
    let previous_hash = StoredValue::new(String::new());

    #[cfg(target_arch = "wasm32")]
    {
        let story = story.clone();
        Effect::new(move |_| {
            let open = cards.open.get();
            let Some(dialog) = dialog_ref.get() else {
                return;
            };
            match open {
                Some(id) if story.stat(&id).is_some() => {
                    if !dialog.open() {
                        previous_hash.set_value(crate::page::hash());
                        place_in_host_view(&dialog, cards.view.get_value());
                        let _ = dialog.show_modal();
                        crate::embed::request_height();
                        // The close button takes focus once the body is in.
                        request_animation_frame(move || {
                            use wasm_bindgen::JsCast;
                            if let Some(b) = dialog_ref
                                .get_untracked()
                                .and_then(|d| d.query_selector(".card-close").ok().flatten())
                                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                            {
                                let _ = b.focus();
                            }
                        });
                    }
                    crate::page::replace_hash(&dom_id(&id));
                }
                Some(_) => cards.open.set(None),
                None => {
                    if dialog.open() {
                        dialog.close();
                    }
                    crate::embed::request_height();
                }
            }
        });
    }

    // Closed by Esc, the close button or a tap outside: hand focus back to
    // the figure that opened it.
    let on_close = move |_| {
        let id = cards.open.get_untracked();
        cards.open.set(None);
        crate::page::replace_hash(&previous_hash.get_value());
        if let Some(id) = id {
            focus_button(&id);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(dialog) = dialog_ref.get_untracked() else {
            return;
        };
        // A click on the dialog element itself, outside its box, is the backdrop.
        let r = dialog.get_bounding_client_rect();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let outside = x < r.left() || x > r.right() || y < r.top() || y > r.bottom();
        let on_dialog = ev
            .target()
            .is_some_and(|t| js_sys::Object::is(&t, dialog.as_ref()));
        if on_dialog && outside {
            dialog.close();
        }
    };

    let content = expect_context::<CardContent>().draw;
    let body = move || {
        cards
            .open
            .get()
            .and_then(|id| story.stat(&id).cloned())
            .map(|stat| content(story.clone(), stat))
    };
    view! {
        <dialog
            class="stat-card"
            node_ref=dialog_ref
            aria-labelledby="card-title"
            on:close=on_close
            on:click=on_click
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    if let Some(d) = dialog_ref.get_untracked() {
                        d.close();
                    }
                }
            }
        >
            {body}
        </dialog>
    }
}

/// Framed, the dialog's "viewport" is the whole (auto-height) iframe: put the
/// card where the host's viewport actually is.
#[cfg(target_arch = "wasm32")]
fn place_in_host_view(dialog: &web_sys::HtmlDialogElement, view: Option<crate::scroll::View>) {
    let css = web_sys::HtmlElement::style(dialog);
    match view.filter(|_| crate::embed::is_framed()) {
        Some(v) if v.height > 0.0 => {
            let _ = css.set_property(
                "margin-block-start",
                &format!("{}px", crate::format::fixed(v.top.max(0.0) + 12.0, 0)),
            );
            let _ = css.set_property("margin-block-end", "auto");
            let _ = css.set_property(
                "max-block-size",
                &format!(
                    "{}px",
                    crate::format::fixed((v.height - 24.0).max(240.0), 0)
                ),
            );
        }
        _ => {
            let _ = css.remove_property("margin-block-start");
            let _ = css.remove_property("margin-block-end");
            let _ = css.remove_property("max-block-size");
        }
    }
}

fn focus_button(stat_id: &str) {
    use wasm_bindgen::JsCast;
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("#{} .stat-button", dom_id(stat_id)))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}
