//! A panic must not leave the reader with a blank or frozen page: log it,
//! then show a translated notice above whatever is already rendered.

use crate::browser::{document, page};
use crate::content::ui;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let Some(doc) = document() else {
        return;
    };
    if doc.get_element_by_id("qitar-panic").is_some() {
        return;
    }
    let lang = page::document_lang().unwrap_or_default();
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
