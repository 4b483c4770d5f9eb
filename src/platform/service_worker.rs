//! Registers the service worker that keeps the app working offline, and tells the page when a
//! new version is waiting.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers the app's `sw.js` (`script`: its path from this page; its folder is its scope, the
/// app's folder, not the origin) once the page is idle, and returns a signal that turns true when
/// a new version has been installed and waits.
///
/// Not at once: installing the worker downloads everything the app may need offline (the other
/// page, the tools), and doing that while the editor starts made the first start ~50 ms slower
/// (measured: 331 against 280 ms, median of 12 cold loads).
pub fn register(script: &str) -> ReadSignal<bool> {
    let (update_ready, set_update_ready) = signal(false);
    let Some(window) = web_sys::window() else {
        return update_ready;
    };
    // Absent on plain http:// origins other than localhost, and in some private modes.
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return update_ready;
    }
    let script = script.to_owned();
    crate::platform::tick::when_idle(
        IDLE_AT_MOST_MS,
        Box::new(move || register_now(&script, set_update_ready)),
    );
    update_ready
}

/// The longest the registration waits for the page to be idle, in milliseconds.
const IDLE_AT_MOST_MS: i32 = 2000;

fn register_now(script: &str, set_update_ready: WriteSignal<bool>) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let container = navigator.service_worker();
    let promise = container.register(script);
    wasm_bindgen_futures::spawn_local(async move {
        // Not an object where the browser (or an extension, or a test) stubs the registration.
        let Some(registration) = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .filter(JsValue::is_object)
        else {
            web_sys::console::warn_1(
                &"service worker not registered: offline use unavailable".into(),
            );
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A worker already waiting from an earlier visit.
        if registration.waiting().is_some() && has_controller() {
            set_update_ready.set(true);
        }
        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = registration.installing() {
                    watch_installing(installing, set_update_ready);
                }
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // The registration lives as long as the page.
        on_update_found.forget();
    });
}

fn has_controller() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().service_worker().controller())
        .is_some()
}

fn watch_installing(worker: ServiceWorker, set_update_ready: WriteSignal<bool>) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn FnMut()>::new(move || {
        // The very first install has no controller: that is not an update.
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            set_update_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

/// Lets the waiting worker take over, then reloads once it controls the page.
pub fn activate_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        // Not an object where the browser (or an extension, or a test) stubs the registration.
        let Some(registration) = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .filter(JsValue::is_object)
        else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
