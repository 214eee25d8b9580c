//! The card's sheet on a phone: swiped down by its grip, it closes.

/// Drag the sheet's grip down far enough and it closes; otherwise it
/// springs back. The gesture's listeners live only as long as the gesture.
pub fn swipe_to_close(ev: web_sys::PointerEvent, dialog: Option<web_sys::HtmlDialogElement>) {
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
