//! Hydrating the prerendered page in slices. Hydrating it all at once was
//! one task of 70–90 ms on a phone (4× CPU): long enough to delay a tap,
//! and the largest share of the graphic's blocking time, and of its host
//! article's. What scrolling does not need (each station's text and
//! figures, the folded facts, the sections after the journey) is wrapped in
//! `<Later>`: the first pass leaves its nodes as the server wrote them, and
//! its views are built and hydrated in the tasks after, a few at a time.
//! The page goes live once all of it has.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{PositionState, RenderHtml};
use wasm_bindgen::JsCast;

use crate::browser::tasks;

/// How long one slice of deferred hydration may run before the browser
/// gets a turn (ms); well under the 50 ms of a long task.
const SLICE_MS: f64 = 20.0;

type Job = Box<dyn FnOnce()>;

thread_local! {
    static PENDING: RefCell<VecDeque<Job>> = RefCell::new(VecDeque::new());
    static WHEN_DONE: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
    /// Whether a slice is due: from the first part queued (or the first
    /// wait) until the queue has drained.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Its children, hydrated in a later task (when the page is being
/// hydrated), or at once (when rendered on the server or mounted afresh).
/// The wrapper (`div.later`, `display: contents`) boxes nothing.
#[component]
pub fn Later<V: IntoView + 'static>(children: TypedChildren<V>) -> impl IntoView {
    // Typed, not `Children`: erasing the children to `AnyView` would bring
    // every code path of their views into the wasm (measured: +29 KB br).
    let children = children.into_inner();
    if !hydrating() {
        return Either::Left(view! { <div class="later">{children()}</div> });
    }
    let el = NodeRef::<html::Div>::new();
    // Read later, the children find the contexts they were given here.
    let owner = Owner::current();
    push(Box::new(move || {
        let (Some(el), Some(owner)) = (el.get_untracked(), owner) else {
            return;
        };
        owner.with(|| {
            let cursor = Cursor::new(el.unchecked_into());
            // As the server wrote it: what would change it (the language
            // switch, a card opened from the link) waits for
            // `when_hydrated`. (Writing every text node again instead cost a
            // relayout of the page: tasks of 100 ms on a phone.)
            let state = children().hydrate::<true>(&cursor, &PositionState::default());
            // Like the page's own root: it lives as long as the page.
            std::mem::forget(state);
        });
    }));
    Either::Right(view! { <div class="later" node_ref=el></div> })
}

/// Runs `f` once every deferred part has hydrated: at once when none is
/// waiting (a page mounted afresh, or rendered on the server). What changes
/// the deferred parts' text or state goes through here, so a part never
/// hydrates over a page that no longer matches it. Called during the first
/// pass, before its parts are queued, it still waits for them.
pub fn when_hydrated(f: impl FnOnce() + 'static) {
    if !hydrating() && !SCHEDULED.get() {
        return f();
    }
    WHEN_DONE.with_borrow_mut(|w| w.push(Box::new(f)));
    schedule();
}

/// Whether this is the app's first pass over the prerendered page (a
/// `<Later>` inside a deferred part hydrates with that part).
fn hydrating() -> bool {
    Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

fn push(job: Job) {
    PENDING.with_borrow_mut(|p| p.push_back(job));
    schedule();
}

/// Slices start in the task after the first pass: its nodes are what the
/// deferred parts' siblings need.
fn schedule() {
    if !SCHEDULED.replace(true) {
        tasks::next_task(slice);
    }
}

/// Hydrates deferred parts in order until the slice's time is up, then
/// yields to the browser and goes on in the next task.
fn slice() {
    let start = js_sys::Date::now();
    loop {
        let Some(job) = PENDING.with_borrow_mut(VecDeque::pop_front) else {
            SCHEDULED.set(false);
            for f in WHEN_DONE.with_borrow_mut(std::mem::take) {
                f();
            }
            return;
        };
        job();
        if js_sys::Date::now() - start >= SLICE_MS {
            tasks::next_task(slice);
            return;
        }
    }
}
