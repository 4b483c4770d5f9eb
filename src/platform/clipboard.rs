//! Putting a table or the whole report on the clipboard as HTML plus plain text, so that a
//! website's rich-text editor or Word/WPS receives a real table and Excel receives cells.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `html` and `plain` in one clipboard write. Runs inside the click that asked for it:
/// `execCommand("copy")` with a one-shot `copy` listener works without a permission prompt and
/// on the older browsers government laptops keep.
pub fn copy_rich(html: &str, plain: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let (html, plain) = (html.to_owned(), plain.to_owned());
    let on_copy =
        Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |ev: web_sys::ClipboardEvent| {
            if let Some(data) = ev.clipboard_data() {
                let _ = data.set_data("text/html", &html);
                let _ = data.set_data("text/plain", &plain);
                ev.prevent_default();
            }
        });
    let listener = on_copy.as_ref().unchecked_ref();
    if document
        .add_event_listener_with_callback("copy", listener)
        .is_err()
    {
        return false;
    }
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = document.remove_event_listener_with_callback("copy", listener);
    copied
}
