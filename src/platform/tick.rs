//! Handing the page back to the browser in the middle of long work, so that it paints and
//! answers clicks between two pieces of it; and putting off work that can wait until it is idle.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Runs `work` once the page is idle (after the frames it has to draw), or after `at_most_ms`
/// if it never is; where the browser has no idle callbacks, after `at_most_ms`.
///
/// Boxed: one copy of the scheduling for every caller.
pub fn when_idle(at_most_ms: i32, work: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let work = Closure::once_into_js(work);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &at_most_ms.into());
    let scheduled = match idle {
        Some(request) => request.call2(&window, &work, &options).is_ok(),
        None => false,
    };
    if !scheduled {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            work.unchecked_ref(),
            at_most_ms,
        );
    }
}

/// Runs `work` before the browser draws its next frame. Boxed, as [`when_idle`].
pub fn before_next_frame(work: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        let work = Closure::once_into_js(work);
        let _ = window.request_animation_frame(work.unchecked_ref());
    }
}

/// Resolves after the browser has run its other tasks (a zero-delay timer: a promise alone
/// would resume before any input or paint).
pub async fn yield_to_browser() {
    sleep_ms(0).await;
}

/// Resolves after `ms` milliseconds. The timer calls the promise's own resolve function, so no
/// Rust closure is left behind for it.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds on a clock that only moves forward (the page's performance clock). The pause in
/// typing is measured on it, so that the computer's clock being set back (or standing still)
/// cannot hold up the autosave.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_else(js_sys::Date::now)
}
