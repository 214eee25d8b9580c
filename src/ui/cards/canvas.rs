//! The thin wrapper that puts a chart on `<canvas>`: sizes the backing store
//! to CSS size × devicePixelRatio, takes colours from the page's theme, and
//! redraws on resize, language and theme changes.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::browser::dom::{css_var, device_pixel_ratio};
use crate::browser::observe::SizeWatch;
use crate::geometry::chart::{self, parse_hex, ChartData, Options, Theme};
use crate::ui::ctx::use_ctx;

/// Reads the chart colours from the page's CSS custom properties, so the
/// light and dark themes (and a host's overrides) apply to the canvas too.
pub fn page_theme() -> Theme {
    let mut theme = Theme::default();
    for (name, slot) in [
        ("--card", &mut theme.paper),
        ("--ink", &mut theme.ink),
        ("--ink-soft", &mut theme.soft),
        ("--chart-bar", &mut theme.bar),
        ("--accent", &mut theme.accent),
    ] {
        if let Some(c) = css_var(name).and_then(|v| parse_hex(&v)) {
            *slot = c;
        }
    }
    theme
}

/// The chart's font: the page's interface family for the language (a host
/// may set it), or a plain fallback.
fn font_for(rtl: bool) -> String {
    let var = if rtl { "--font-ar-ui" } else { "--font-en-ui" };
    css_var(var).unwrap_or_else(|| {
        if rtl {
            "Noto Sans Arabic, Noto Naskh Arabic, Tahoma, sans-serif".into()
        } else {
            "Noto Sans, Helvetica Neue, Arial, sans-serif".into()
        }
    })
}

#[component]
pub fn ChartCanvas(
    data: Signal<ChartData>,
    /// The text alternative: what the chart shows, in a sentence.
    summary: Signal<String>,
    canvas_ref: NodeRef<html::Canvas>,
) -> impl IntoView {
    let ctx = use_ctx();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let watch = StoredValue::new_local(None::<SizeWatch>);
    Effect::new(move |_| {
        if let Some(el) = wrap_ref.get() {
            if watch.with_value(|w| w.is_none()) {
                watch.set_value(SizeWatch::new(&el, move |w, _| width.set(w)));
            }
        }
    });
    Effect::new(move |_| {
        let w = width.get();
        let lang = ctx.lang.get();
        ctx.theme.track();
        let (Some(canvas), true) = (canvas_ref.get(), w > 0.0) else {
            return;
        };
        data.with(|d| paint(&canvas, d, w, lang.is_rtl()));
    });

    view! {
        <div class="chart-wrap" node_ref=wrap_ref>
            <canvas
                class="chart"
                node_ref=canvas_ref
                dir=move || ctx.lang.get().dir()
                role="img"
                aria-label=summary
            ></canvas>
        </div>
    }
}

/// CSS height of a chart for a given CSS width.
pub fn css_height(width: f64) -> f64 {
    (width * 0.55).clamp(200.0, 300.0)
}

fn paint(canvas: &web_sys::HtmlCanvasElement, data: &ChartData, css_w: f64, rtl: bool) {
    let dpr = device_pixel_ratio();
    let css_h = css_height(css_w);
    let _ = web_sys::HtmlElement::style(canvas).set_property("height", &format!("{css_h}px"));
    canvas.set_width((css_w * dpr).round() as u32);
    canvas.set_height((css_h * dpr).round() as u32);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    let opts = Options {
        rtl,
        scale: dpr,
        font: font_for(rtl),
    };
    if let Err(e) = chart::draw(&area, data, &page_theme(), &opts) {
        leptos::logging::error!("chart: {e:?}");
    }
    let _ = area.present();
}
