//! What is in an open card: the figure, what the article said beside what
//! the source says, the note, a chart on canvas with its data table, the
//! source, and the copy-link and save-image actions. The `?story=` build
//! draws it in process; the first view fetches the card's own wasm
//! (`src/bin/qitar-card.rs`) on demand, which calls `mount`.

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::canvas::ChartCanvas;
use crate::charts::{self, ChartData};
use crate::ctx::{t, text, ui_text, Ctx};
use crate::format::{self, Style};
use crate::i18n::Lang;
use crate::stats::{article_said, dom_id, figure, note_and_derivation, source_says};
use crate::story::{Stat, Story};

/// Bumped when the colour scheme changes, so the chart repaints: one
/// listener for the card wasm's whole life, not one per card.
fn scheme_changes() -> RwSignal<u32> {
    thread_local! {
        static THEME: std::cell::OnceCell<RwSignal<u32>> = const { std::cell::OnceCell::new() };
    }
    THEME.with(|t| {
        *t.get_or_init(|| {
            let theme = RwSignal::new(0u32);
            crate::page::on_color_scheme_change(move || theme.update(|v| *v += 1));
            theme
        })
    })
}

/// The card drawn in this wasm (`stats::CardContent` for the `?story=` build).
pub fn in_process(story: Arc<Story>, stat: Stat) -> AnyView {
    view! { <CardBody story=story stat=stat /> }.into_any()
}

/// A card the card's wasm mounted; dropping it unmounts the card.
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
    // Reference-counted, so it goes with the card (an arena signal made
    // outside the mount's owner would outlive it).
    lang: ArcRwSignal<Lang>,
}

impl Mounted {
    /// The page switched language while the card was open.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Mounts the card for `stat_id` of the built-in story into `slot` (inside
/// the open dialog), in `lang`, with a reactive owner of its own: this is
/// the card's wasm, beside the page's.
pub fn mount(slot: web_sys::HtmlElement, stat_id: &str, lang: Lang) -> Option<Mounted> {
    let story = crate::content::story();
    let stat = story.stat(stat_id)?.clone();
    let theme = scheme_changes();
    let lang = ArcRwSignal::new(lang);
    let page_lang = lang.clone();
    let handle = leptos::mount::mount_to(slot.clone(), move || {
        provide_context(Ctx {
            lang: RwSignal::from(page_lang),
            locales: RwSignal::new(story.number_locales.clone()),
            theme,
            bilingual: RwSignal::new(story.bilingual()),
        });
        view! { <CardBody story=Arc::new(story.clone()) stat=stat /> }
    });
    // The waiting card's close button had focus; it is hidden now.
    if let Some(b) = slot
        .query_selector(".card-close")
        .ok()
        .flatten()
        .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
    {
        let _ = b.focus();
    }
    Some(Mounted {
        _handle: Box::new(handle),
        lang,
    })
}

#[component]
pub fn CardBody(story: Arc<Story>, stat: Stat) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let source = story.source(&stat.source).cloned();
    let show_data = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let canvas_ref = NodeRef::<html::Canvas>::new();
    // The dialog is the shell's (`stats::StatCard`); this may be another wasm.
    let inner = NodeRef::<html::Div>::new();
    let dialog = move || {
        use wasm_bindgen::JsCast;
        inner
            .get_untracked()
            .and_then(|d| d.closest("dialog").ok().flatten())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
    };
    let close = move |_| {
        if let Some(d) = dialog() {
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
        <div class="card-inner" node_ref=inner>
            <div class="card-grip" aria-hidden="true" on:pointerdown=move |ev| swipe_to_close(ev, dialog())></div>
            <header class="card-head">
                <p class="card-figure">{figure(ctx, &stat)}</p>
                <h2 id="card-title" class="card-label">{text(&stat.label)}</h2>
                <p class="card-period">{text(&stat.period)}</p>
                <button type="button" class="card-close" autofocus on:click=close aria-label=ui_text(|s| &s.close)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
            <div class="compare">
                {story.cites_an_article().then(|| view! {
                    <section class="said">
                        <h3>{ui_text(|s| &s.article_said)}</h3>
                        <p>{article_said(ctx, &stat)}</p>
                    </section>
                })}
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
fn swipe_to_close(ev: web_sys::PointerEvent, dialog: Option<web_sys::HtmlDialogElement>) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Handler = Closure<dyn FnMut(web_sys::PointerEvent)>;
    let (Some(d), Some(target)) = (dialog, ev.target()) else {
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
