//! A card's chart: drawn on canvas, with its data table (shown on request)
//! and, for figures no source states as such, how each was worked out.

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use super::canvas::ChartCanvas;
use super::facts::dom_id;
use crate::geometry::chart::{self, ChartData};
use crate::model::story::{Chart, Story};
use crate::text::format::{self, Style};
use crate::ui::ctx::{t, text, ui_text, use_ctx};

#[component]
pub fn CardChart(
    story: Arc<Story>,
    stat_id: String,
    chart: Chart,
    canvas_ref: NodeRef<html::Canvas>,
) -> impl IntoView {
    let ctx = use_ctx();
    let show_data = RwSignal::new(false);
    let ch = chart.clone();
    let data = Signal::derive(move || {
        let lang = ctx.lang.get();
        let locale = ctx.locale();
        let fmt = move |v: f64, s: Style| format::number(v, &locale, s);
        ChartData::new(&ch, lang, &t(lang).running_total, &fmt)
    });
    let title = text(&chart.title);
    let title2 = title.clone();
    let summary = Signal::derive(move || chart::summary(&title2(), &data.get()));
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
    let derived = (!derived.is_empty()).then(|| view! { <ul class="card-derived">{derived}</ul> });
    let table_id = format!("{}-data", dom_id(&stat_id));
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
}
