//! Printing uses the same renderer as the HTML export: the core's printable page goes into a
//! hidden frame and that frame is printed, so what prints is what exports.

use wasm_bindgen::JsCast;

const FRAME_ID: &str = "print-frame";

/// Loads `html` into the hidden print frame and opens the browser's print dialog once it has
/// laid out.
pub fn print_html(html: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if let Some(old) = document.get_element_by_id(FRAME_ID) {
        old.remove();
    }
    let Ok(frame) = document.create_element("iframe") else {
        return false;
    };
    let Ok(frame) = frame.dyn_into::<web_sys::HtmlIFrameElement>() else {
        return false;
    };
    frame.set_id(FRAME_ID);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    frame.set_class_name("print-frame");
    frame.set_srcdoc(html);
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(FRAME_ID))
            .and_then(|f| f.dyn_into::<web_sys::HtmlIFrameElement>().ok())
            .and_then(|f| f.content_window())
        {
            let _ = window.print();
        }
    });
    frame.set_onload(Some(on_load.unchecked_ref()));
    document
        .body()
        .is_some_and(|body| body.append_child(&frame).is_ok())
}
