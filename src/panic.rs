//! A panic must not leave the reader with a blank or frozen page: log it,
//! then show a translated notice above whatever is already rendered.

use crate::content::ui;
use crate::i18n::Lang;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("qitar-panic").is_some() {
        return;
    }
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    let Ok(notice) = doc.create_element("p") else {
        return;
    };
    notice.set_id("qitar-panic");
    notice.set_class_name("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(&ui(lang).panic));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&notice);
    }
}
