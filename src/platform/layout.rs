//! The page's layout where CSS alone cannot know it: the height of the sticky top bar (its
//! toolbar wraps in a narrow window, and banners come and go), which the findings panel and the
//! history panel keep below.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `on_height` with `element`'s height in pixels when it is first laid out and whenever it
/// changes, for the page's life.
pub fn follow_height(element: &web_sys::HtmlElement, on_height: impl Fn(i32) + 'static) {
    let target = element.clone();
    let update = Closure::<dyn FnMut()>::new(move || on_height(target.offset_height()));
    if let Ok(observer) = web_sys::ResizeObserver::new(update.as_ref().unchecked_ref()) {
        observer.observe(element);
        // One observer for the page's life: it and its callback stay.
        update.forget();
    }
}
