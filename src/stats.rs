//! The stat cards: every figure is a button that opens a card with the
//! figure, what the article said beside what the source says, a chart where
//! the story has one, its data table, and the source.

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::app::{t, text, ui_text, Ctx};
use crate::canvas::ChartCanvas;
use crate::charts::{self, ChartData};
use crate::format::{self, Style};
use crate::story::{Stat, Story};

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
    let (value, style) = (stat.value, Style::for_stat(stat.unit, stat.display));
    move || {
        let _ = ctx.lang.get();
        format::number(value, &ctx.locale(), style)
    }
}

/// What the article said about a figure, or that it gave none.
fn article_said(ctx: Ctx, stat: &Stat) -> impl Fn() -> String + Send + Sync + Clone + 'static {
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
fn source_says(ctx: Ctx, stat: &Stat, figure_class: &'static str) -> impl IntoView {
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
fn note_and_derivation(
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
                    <dt>{ui_text(|s| &s.article_said)}</dt>
                    <dd>{article_said(ctx, &stat)}</dd>
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

    let body = move || {
        cards
            .open
            .get()
            .and_then(|id| story.stat(&id).cloned())
            .map(|stat| view! { <CardBody story=story.clone() stat=stat dialog=dialog_ref /> })
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
                &format!("{:.0}px", v.top.max(0.0) + 12.0),
            );
            let _ = css.set_property("margin-block-end", "auto");
            let _ = css.set_property(
                "max-block-size",
                &format!("{:.0}px", (v.height - 24.0).max(240.0)),
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

#[component]
fn CardBody(story: Arc<Story>, stat: Stat, dialog: NodeRef<html::Dialog>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let source = story.source(&stat.source).cloned();
    let show_data = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };

    let chart = stat.chart.clone().map(|chart| {
        let ch = chart.clone();
        let data = Signal::derive(move || {
            let lang = ctx.lang.get();
            let locale = ctx.locale();
            let fmt = move |v: f64, s: Style| format::number(v, &locale, s);
            ChartData::new(&ch, lang, &t(lang).running_total, &fmt)
        });
        let title = text(&chart.title);
        let title2 = title.clone();
        let summary = Signal::derive(move || charts::summary(&title2(), &data.get()));
        let rows = chart
            .bars
            .iter()
            .map(|b| {
                let value = b.value;
                let src = story.source(&b.source).map(|s| text(&s.publisher));
                view! {
                    <tr>
                        <th scope="row">{text(&b.label)}</th>
                        <td>{move || format::number(value, &ctx.locale(), Style::Plain)}</td>
                        <td>{src}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        // Figures no source states as such say how they were worked out.
        let derived = chart
            .bars
            .iter()
            .filter_map(|b| {
                let d = b.derived.as_ref()?;
                Some(view! { <li>{text(&b.label)}": "{text(d)}</li> })
            })
            .collect::<Vec<_>>();
        let derived =
            (!derived.is_empty()).then(|| view! { <ul class="card-derived">{derived}</ul> });
        let table_id = format!("{}-data", dom_id(&stat.id));
        view! {
            <figure class="card-chart">
                <figcaption>{title.clone()}</figcaption>
                <ChartCanvas data=data summary=summary canvas_ref=canvas_ref />
                <button
                    type="button"
                    class="card-action"
                    aria-expanded=move || show_data.get().to_string()
                    aria-controls=table_id.clone()
                    on:click=move |_| show_data.update(|v| *v = !*v)
                >
                    {move || {
                        let s = t(ctx.lang.get());
                        if show_data.get() { s.hide_data.clone() } else { s.show_data.clone() }
                    }}
                </button>
                <table class="card-table" id=table_id hidden=move || !show_data.get()>
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ui_text(|s| &s.period)}</th>
                            <th scope="col">{ui_text(|s| &s.value)}</th>
                            <th scope="col">{ui_text(|s| &s.source)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                {derived}
            </figure>
        }
    });
    let has_chart = stat.chart.is_some();
    let stat_id = stat.id.clone();
    let copy = move |_| copy_link(&stat_id, status);
    let image_id = stat.id.clone();
    let save = move |_| save_image(canvas_ref, &image_id);

    view! {
        <div class="card-inner">
            <div class="card-grip" aria-hidden="true" on:pointerdown=move |ev| swipe_to_close(ev, dialog)></div>
            <header class="card-head">
                <p class="card-figure">{figure(ctx, &stat)}</p>
                <h2 id="card-title" class="card-label">{text(&stat.label)}</h2>
                <p class="card-period">{text(&stat.period)}</p>
                <button type="button" class="card-close" autofocus on:click=close aria-label=ui_text(|s| &s.close)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
            <div class="compare">
                <section class="said">
                    <h3>{ui_text(|s| &s.article_said)}</h3>
                    <p>{article_said(ctx, &stat)}</p>
                </section>
                <section class="says">
                    <h3>{ui_text(|s| &s.source_says)}</h3>
                    <p>{source_says(ctx, &stat, "says-figure")}</p>
                </section>
            </div>
            {(stat.note.is_some() || stat.derived.is_some()).then(|| view! {
                <p class="card-note">
                    <strong>{ui_text(|s| &s.note)}": "</strong>
                    {note_and_derivation(ctx, &story, &stat)}
                </p>
            })}
            {chart}
            <p class="card-source">
                <strong>{ui_text(|s| &s.source)}": "</strong>
                {source.map(|s| {
                    let date = s.date.clone();
                    let label = text(&s.publisher);
                    let title = text(&s.title);
                    let date_text = move || date.as_deref().map(|d| format!(", {}", format::date(d, &ctx.locale()))).unwrap_or_default();
                    match s.url.clone() {
                        Some(u) => Either::Left(view! {
                            <a href=u rel="noopener" target="_blank">{label}": "{title}</a>{date_text}
                        }),
                        None => Either::Right(view! { <span>{label}": "{title}</span>{date_text} }),
                    }
                })}
            </p>
            <div class="card-actions">
                <button type="button" class="card-action" on:click=copy>{ui_text(|s| &s.copy_link)}</button>
                {has_chart.then(|| view! {
                    <button type="button" class="card-action" on:click=save>{ui_text(|s| &s.save_image)}</button>
                })}
            </div>
            <p class="card-status" role="status">{move || status.get()}</p>
        </div>
    }
}

fn card_url(stat_id: &str) -> String {
    let Some(w) = web_sys::window() else {
        return String::new();
    };
    let href = w.location().href().unwrap_or_default();
    crate::embed::share_url(&href, crate::embed::is_framed(), &dom_id(stat_id))
}

fn copy_link(stat_id: &str, status: RwSignal<String>) {
    let url = card_url(stat_id);
    let ctx = expect_context::<Ctx>();
    let Some(w) = web_sys::window() else {
        return;
    };
    let clipboard = w.navigator().clipboard();
    let promise = clipboard.write_text(&url);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        let s = t(ctx.lang.get_untracked());
        status.set(if ok {
            s.link_copied.clone()
        } else {
            format!("{} {url}", s.copy_failed)
        });
    });
}

fn save_image(canvas: NodeRef<html::Canvas>, stat_id: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(canvas) = canvas.get_untracked() else {
        return;
    };
    let name = format!("qitar-{stat_id}.png");
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        let Some(blob) = blob else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(a) = doc
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(&name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}

/// Drag the sheet's grip down far enough and it closes; otherwise it
/// springs back. The gesture's listeners live only as long as the gesture.
fn swipe_to_close(ev: web_sys::PointerEvent, dialog: NodeRef<html::Dialog>) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Handler = Closure<dyn FnMut(web_sys::PointerEvent)>;
    let (Some(d), Some(target)) = (dialog.get_untracked(), ev.target()) else {
        return;
    };
    if let Some(t) = target.dyn_ref::<web_sys::Element>() {
        let _ = t.set_pointer_capture(ev.pointer_id());
    }
    let start = ev.client_y() as f64;
    let el: web_sys::HtmlElement = d.clone().unchecked_into();
    let held: Rc<RefCell<Option<(Handler, Handler)>>> = Rc::default();

    let sheet = el.clone();
    let on_move = Handler::new(move |e: web_sys::PointerEvent| {
        let dy = (e.client_y() as f64 - start).max(0.0);
        let _ = sheet
            .style()
            .set_property("transform", &format!("translateY({dy}px)"));
    });
    let (held_up, t_up) = (held.clone(), target.clone());
    let on_up = Handler::new(move |e: web_sys::PointerEvent| {
        let _ = el.style().remove_property("transform");
        if e.client_y() as f64 - start > 80.0 {
            d.close();
        }
        if let Some((mv, up)) = held_up.borrow().as_ref() {
            let _ = t_up
                .remove_event_listener_with_callback("pointermove", mv.as_ref().unchecked_ref());
            let _ =
                t_up.remove_event_listener_with_callback("pointerup", up.as_ref().unchecked_ref());
        }
        // Free both closures once this one has returned.
        let held = held_up.clone();
        leptos::prelude::set_timeout(
            move || drop(held.borrow_mut().take()),
            std::time::Duration::ZERO,
        );
    });
    let _ =
        target.add_event_listener_with_callback("pointermove", on_move.as_ref().unchecked_ref());
    let _ = target.add_event_listener_with_callback("pointerup", on_up.as_ref().unchecked_ref());
    *held.borrow_mut() = Some((on_move, on_up));
}
