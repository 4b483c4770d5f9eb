//! The page's layout where CSS alone cannot know it: the height of the sticky top bar (its
//! toolbar wraps in a narrow window, and banners come and go), which the findings panel and the
//! history panel keep below.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps the CSS variable `name` on the page's root equal to `element`'s height in pixels, for
/// the page's life.
pub fn follow_height(element: &web_sys::HtmlElement, name: &'static str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let target = element.clone();
    let update = Closure::<dyn FnMut()>::new(move || {
        let height = target.offset_height();
        let _ = root.style().set_property(name, &format!("{height}px"));
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(update.as_ref().unchecked_ref()) {
        observer.observe(element);
        // One observer for the page's life: it and its callback stay.
        update.forget();
    }
}
