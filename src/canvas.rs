//! The thin wrapper that puts a chart on `<canvas>`: sizes the backing store
//! to CSS size × devicePixelRatio, takes colours from the page's theme, and
//! redraws on resize, language and theme changes.

use leptos::html;
use leptos::prelude::*;

use crate::charts::{self, ChartData, Theme};
use crate::ctx::Ctx;

/// Reads the chart colours from the page's CSS custom properties, so the
/// light and dark themes (and a host's overrides) apply to the canvas too.
pub fn page_theme() -> Theme {
    let mut theme = Theme::default();
    let Some(w) = web_sys::window() else {
        return theme;
    };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return theme;
    };
    let Ok(Some(css)) = w.get_computed_style(&root) else {
        return theme;
    };
    let get = |name: &str| {
        css.get_property_value(name)
            .ok()
            .and_then(|v| charts::parse_hex(&v))
    };
    if let Some(c) = get("--card") {
        theme.paper = c;
    }
    if let Some(c) = get("--ink") {
        theme.ink = c;
    }
    if let Some(c) = get("--ink-soft") {
        theme.soft = c;
    }
    if let Some(c) = get("--chart-bar") {
        theme.bar = c;
    }
    if let Some(c) = get("--accent") {
        theme.accent = c;
    }
    theme
}

/// The chart's font: the page's interface family for the language (a host
/// may set it), or a plain fallback.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn font_for(rtl: bool) -> String {
    let var = if rtl { "--font-ar-ui" } else { "--font-en-ui" };
    let from_page = web_sys::window().and_then(|w| {
        let root = w.document()?.document_element()?;
        let css = w.get_computed_style(&root).ok()??;
        let v = css.get_property_value(var).ok()?;
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        (!v.is_empty()).then_some(v)
    });
    from_page.unwrap_or_else(|| {
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
    let ctx = expect_context::<Ctx>();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0f64);

    #[cfg(target_arch = "wasm32")]
    {
        let watch = StoredValue::new_local(None::<crate::page::SizeWatch>);
        Effect::new(move |_| {
            if let Some(el) = wrap_ref.get() {
                if watch.with_value(|w| w.is_none()) {
                    watch.set_value(crate::page::SizeWatch::new(&el, move |w, _| width.set(w)));
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
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (width, data);

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

#[cfg(target_arch = "wasm32")]
fn paint(canvas: &web_sys::HtmlCanvasElement, data: &ChartData, css_w: f64, rtl: bool) {
    use crate::charts::Options;
    use plotters::prelude::IntoDrawingArea;
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
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
    if let Err(e) = charts::draw(&area, data, &page_theme(), &opts) {
        leptos::logging::error!("chart: {e:?}");
    }
    let _ = area.present();
}
