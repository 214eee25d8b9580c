//! The journey: the sticky track beside the stations, driven by the scroll
//! engine. Marks the active station, announces it, keeps the URL hash in
//! step, and lets the keyboard move between stations.

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::ctx::{ui_text, Ctx};
use crate::format::{self, fixed};
use crate::scroll::{self, Position, View};
use crate::station::{station_anchor, station_label, StationItem};
use crate::story::{Station, StationKind, Story};
use crate::track::{self, Frame, Stop};
use crate::train::{LineInfo, StopInfo, TrackSvg};

/// The track label of a station: the same as over its text.
fn stop_label(st: &Station, ctx: &Ctx) -> String {
    station_label(st, ctx.lang.get(), &ctx.locale())
}

#[component]
pub fn Journey(story: Arc<Story>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let cards = expect_context::<crate::stats::Cards>();
    let active = RwSignal::new(0usize);
    // Whether the reader has reached the journey yet (no announcements or
    // hash before that).
    let inside = RwSignal::new(false);
    let size = RwSignal::new((0.0f64, 0.0f64));
    let body_ref = NodeRef::<html::Div>::new();
    let fig_ref = NodeRef::<html::Nav>::new();
    let stage_ref = NodeRef::<html::Div>::new();
    // The moving parts, written to on every scroll frame.
    let bar_ref = NodeRef::<html::Span>::new();
    let train_ref = NodeRef::<html::Div>::new();

    let stations = story.stations.clone();
    let platform_ids: Vec<String> = story.platforms.iter().map(|p| p.id.clone()).collect();
    let lines: Vec<LineInfo> = story
        .platforms
        .iter()
        .map(|p| LineInfo {
            color: p.color.clone(),
        })
        .collect();

    let st = stations.clone();
    let pids = platform_ids.clone();
    let layout = Memo::new(move |_| {
        let (w, h) = size.get();
        let lang = ctx.lang.get();
        let stops: Vec<Stop> = st
            .iter()
            .map(|s| Stop {
                label: stop_label(s, &ctx),
                waypoint: s.kind == StationKind::Waypoint,
                platforms: s
                    .platforms
                    .iter()
                    .filter_map(|p| pids.iter().position(|q| q == p))
                    .collect(),
            })
            .collect();
        let frame = Frame {
            width: w.max(1.0),
            height: h.max(1.0),
            rtl: lang.is_rtl(),
            // Keep in step with `.stop-label` in style/main.css.
            font: if w >= 240.0 && w > h { 12.0 } else { 11.0 },
        };
        track::layout(&stops, pids.len(), frame)
    });

    let st = stations.clone();
    let stop_info = Signal::derive(move || {
        let lang = ctx.lang.get();
        st.iter()
            .map(|s| StopInfo {
                anchor: station_anchor(s),
                name: format!("{}: {}", stop_label(s, &ctx), s.title.get(lang)),
                waypoint: s.kind == StationKind::Waypoint,
            })
            .collect::<Vec<_>>()
    });
    let st = stations.clone();
    let pids = platform_ids.clone();
    let active_lines = Signal::derive(move || {
        st.get(active.get())
            .map(|s| {
                s.platforms
                    .iter()
                    .filter_map(|p| pids.iter().position(|q| q == p))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let st = stations.clone();
    let announce = move || {
        if !inside.get() {
            return String::new();
        }
        st.get(active.get())
            .map(|s| format::digits(s.announce.get(ctx.lang.get()), &ctx.locale()))
            .unwrap_or_default()
    };
    let st = stations.clone();
    let current_title = Signal::derive(move || {
        st.get(active.get())
            .map(|s| {
                (
                    stop_label(s, &ctx),
                    format::digits(s.title.get(ctx.lang.get()), &ctx.locale()),
                )
            })
            .unwrap_or_default()
    });
    let st = stations.clone();
    let story_c = story.clone();
    let active_color = Signal::derive(move || {
        st.get(active.get())
            .and_then(|s| s.platforms.first())
            .and_then(|p| story_c.platform(p))
            .map(|p| p.color.clone())
            .unwrap_or_default()
    });

    // The last engine position, to re-place the train when the layout changes.
    let last_pos = StoredValue::new(None::<(Position, View)>);
    let last_frame_css = StoredValue::new(String::new());
    let write_pose = move |pos: Position, view: View| {
        let Some(fig) = fig_ref.get_untracked() else {
            return;
        };
        let p = scroll::train_progress(pos, reduced_motion());
        let pose = layout.with_untracked(|l| l.pose(p));
        // Custom properties inherit: written on the figure, they would
        // restyle every stop and label each frame. Only the moving parts
        // get them.
        if let Some(set) = train_ref.get_untracked() {
            let vehicles = set.children();
            layout.with_untracked(|l| {
                let scale = crate::train::train_scale(l.width);
                // The front, in px along the path; each vehicle is behind it.
                let front = pose.t * l.length();
                let backs = std::iter::once(0.0).chain(crate::train::CARRIAGE_GAPS);
                for (k, back) in backs.enumerate() {
                    let Some(el) = vehicles.item(k as u32) else {
                        break;
                    };
                    let v = l.pose_at_arc(front - back * scale);
                    // Carriages still short of the first station wait out of
                    // sight, as in a depot, instead of hanging off the map.
                    let waiting = front < back * scale;
                    let css = format!(
                        "--tx:{};--ty:{};--ta:{};--ts:{}{}",
                        fixed(v.at.x, 2),
                        fixed(v.at.y, 2),
                        fixed(v.angle, 2),
                        fixed(scale, 3),
                        if waiting { ";opacity:0" } else { "" }
                    );
                    // Through the CSSOM: a style attribute would break the CSP.
                    if let Some(svg) = wasm_bindgen::JsCast::dyn_ref::<web_sys::SvgElement>(&el) {
                        svg.style().set_css_text(&css);
                    }
                }
            });
        }
        if let Some(bar) = bar_ref.get_untracked() {
            web_sys::HtmlElement::style(&bar).set_css_text(&format!("--t:{}", fixed(pose.t, 4)));
        }
        // In an auto-height iframe nothing inside scrolls, so `sticky` never
        // engages: hold the figure in the host's viewport by hand (plain
        // properties, which do not cascade to the figure's contents).
        // Beside the stations it starts level with them and is as tall as
        // the host's view; as a strip above them (phones) it keeps its own
        // height and starts its own height higher.
        let framed = if crate::embed::is_framed() && view.height > 0.0 {
            let strip = body_ref
                .get_untracked()
                .is_some_and(|b| fig.offset_width() + 1 >= b.offset_width());
            let fig_h = if strip {
                f64::from(fig.offset_height())
            } else {
                view.height
            };
            let natural = if strip {
                view.steps_top - fig_h
            } else {
                view.steps_top
            };
            let room = (view.steps_end - natural - fig_h).max(0.0);
            let stick = (view.top - natural).clamp(0.0, room);
            format!(
                ";transform:translateY({}px);--host-vh:{}px",
                fixed(stick, 1),
                fixed(view.height, 0)
            )
        } else {
            String::new()
        };
        let css = format!("--line:{}{framed}", active_color.get_untracked());
        if last_frame_css.with_value(|last| *last != css) {
            fig.style().set_css_text(&css);
            last_frame_css.set_value(css);
        }
    };
    Effect::new(move |_| {
        layout.track();
        active_color.track();
        if let Some((p, v)) = last_pos.get_value() {
            write_pose(p, v);
        }
    });

    let go_to = Callback::new(move |i: usize| scroll_to_station(body_ref, i));

    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let engine = StoredValue::new_local(None::<scroll::Engine>);
        let size_watch = StoredValue::new_local(None::<crate::page::SizeWatch>);
        let anchors: Vec<String> = stations.iter().map(station_anchor).collect();
        Effect::new(move |_| {
            let (Some(body), Some(stage)) = (body_ref.get(), stage_ref.get()) else {
                return;
            };
            if engine.with_value(|e| e.is_some()) {
                return;
            }
            size_watch.set_value(crate::page::SizeWatch::new(&stage, move |w, h| {
                size.set((w, h))
            }));
            let steps: Vec<web_sys::HtmlElement> = body
                .query_selector_all("ol.stations > li.station")
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .filter_map(|n| n.dyn_into().ok())
                        .collect()
                })
                .unwrap_or_default();
            let hashes = anchors.clone();
            // The whole page is the engine's ruler, so the viewport is
            // known wherever the reader is (cards open near it when framed).
            let page: web_sys::HtmlElement = body
                .closest(".page")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into().ok())
                .unwrap_or_else(|| body.clone().unchecked_into());
            let made = scroll::Engine::new(page, steps, move |pos, view| {
                last_pos.set_value(Some((pos, view)));
                cards.view.set_value(Some(view));
                if active.get_untracked() != pos.active {
                    active.set(pos.active);
                }
                if inside.get_untracked() != pos.inside {
                    inside.set(pos.inside);
                }
                // An open card owns the hash (#stat-…) until it closes.
                let card_open = cards.open.with_untracked(|o| o.is_some());
                // The DOM's steps and the story's stations should agree; if
                // something rewrote the page, a missing one is no panic.
                if let Some(anchor) = hashes.get(pos.active).filter(|_| pos.inside && !card_open) {
                    crate::page::replace_hash(anchor);
                }
                write_pose(pos, view);
            });
            match made {
                Ok(e) => engine.set_value(Some(e)),
                Err(e) => leptos::logging::error!("scroll engine: {e:?}"),
            }
            // A link such as #2014 starts the reader at that station; one
            // such as #stat-telegram-prize opens that card.
            let hash = crate::page::hash();
            if let Some(i) = anchors.iter().position(|a| *a == hash) {
                request_animation_frame(move || scroll_to_station(body_ref, i));
            } else if let Some(id) = hash.strip_prefix("stat-") {
                cards.open.set(Some(id.to_string()));
            }
        });
        // After a language switch the text reflows: measure again.
        Effect::new(move |prev: Option<()>| {
            ctx.lang.track();
            if prev.is_some() {
                request_animation_frame(move || {
                    engine.with_value(|e| {
                        if let Some(e) = e {
                            e.refresh();
                        }
                    })
                });
            }
        });
    }

    #[cfg(not(target_arch = "wasm32"))]
    let _ = cards;
    let count = stations.len();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let rtl = ctx.lang.get_untracked().is_rtl();
        let cur = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowDown" => Some(cur + 1),
            "ArrowUp" => cur.checked_sub(1),
            "ArrowRight" if rtl => cur.checked_sub(1),
            "ArrowRight" => Some(cur + 1),
            "ArrowLeft" if rtl => Some(cur + 1),
            "ArrowLeft" => cur.checked_sub(1),
            "Home" => Some(0),
            "End" => count.checked_sub(1),
            _ => None,
        };
        if let Some(i) = next.filter(|&i| i < count) {
            ev.prevent_default();
            go_to.run(i);
            focus_stop(fig_ref, i);
        }
    };

    let items = stations
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                <StationItem
                    story=story.clone()
                    station=s.clone()
                    index=i
                    active=Signal::derive(move || active.get() == i)
                />
            }
        })
        .collect::<Vec<_>>();

    // "Stations from 2011 to 2018", the years read from the story.
    let span = story.year_span();
    let story_title = story.title.clone();
    let title = Signal::derive(move || {
        let lang = ctx.lang.get();
        let label = match span {
            Some((from, to)) => crate::i18n::fill(
                &crate::ctx::t(lang).track_label,
                &[("from", &from.to_string()), ("to", &to.to_string())],
            ),
            None => story_title.get(lang).to_string(),
        };
        format::digits(&label, &ctx.locale())
    });
    let names: Vec<crate::story::Text> = story.platforms.iter().map(|p| p.name.clone()).collect();
    let line_names = Signal::derive(move || {
        let lang = ctx.lang.get();
        names
            .iter()
            .map(|n| n.get(lang).to_string())
            .collect::<Vec<_>>()
    });
    // The lines boarding at the current station, each with its colour.
    let platforms = story.platforms.clone();
    let now_lines = move || {
        let lang = ctx.lang.get();
        active_lines
            .get()
            .into_iter()
            .filter_map(|i| platforms.get(i))
            .map(|p| {
                view! {
                    <li>
                        <svg viewBox="0 0 18 6" focusable="false">
                            <rect width="18" height="6" rx="2" fill=p.color.clone()></rect>
                        </svg>
                        {p.name.get(lang).to_string()}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let dir = Signal::derive(move || ctx.lang.get().dir());
    view! {
        <div class="journey-body" node_ref=body_ref>
            <nav class="track-figure" node_ref=fig_ref aria-label=title on:keydown=on_key>
                <div class="progress" aria-hidden="true">
                    <span node_ref=bar_ref></span>
                </div>
                <TrackSvg
                    layout=layout
                    stops=stop_info
                    lines=lines
                    active=active
                    active_lines=active_lines
                    title=title
                    dir=dir
                    on_go=go_to
                    stage=stage_ref
                    train=train_ref
                    line_names=line_names
                />
                // The live region below reads the station out; this states it.
                <div class="now" aria-hidden="true">
                    <span class="now-year">{move || current_title.get().0}</span>
                    <span class="now-title">{move || current_title.get().1}</span>
                    <ul class="now-lines">{now_lines}</ul>
                </div>
                <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                    {announce}
                </p>
                <p class="track-hint">{ui_text(|s| &s.track_hint)}</p>
            </nav>
            <ol class="stations">{items}</ol>
        </div>
    }
}

/// Whether the reader asked for reduced motion. Read on every train move,
/// so the media query is parsed once; `matches` stays live.
fn reduced_motion() -> bool {
    thread_local! {
        static QUERY: Option<web_sys::MediaQueryList> = web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    }
    QUERY.with(|q| q.as_ref().is_some_and(|m| m.matches()))
}

fn focus_stop(fig: NodeRef<html::Nav>, i: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = fig
        .get_untracked()
        .and_then(|f| {
            f.query_selector(&format!("[data-stop='{i}']"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls so station `i` has just crossed the reading line (the middle of
/// the viewport), which makes it the active one.
fn scroll_to_station(body: NodeRef<html::Div>, i: usize) {
    let Some(body) = body.get_untracked() else {
        return;
    };
    let Some(el) = body
        .query_selector(&format!("ol.stations > li:nth-child({})", i + 1))
        .ok()
        .flatten()
    else {
        return;
    };
    let w = web_sys::window().unwrap();
    let smooth = !reduced_motion();
    let framed = w
        .top()
        .ok()
        .flatten()
        .is_none_or(|t| !js_sys::Object::is(&t, &w));
    if framed {
        // The host page scrolls; ask the browser to bring the station in.
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        if smooth {
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        }
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        return;
    }
    let vh = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let top = el.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0);
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(top - vh / 2.0 + 8.0);
    opts.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    w.scroll_to_with_scroll_to_options(&opts);
}
