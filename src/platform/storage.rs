//! The app's corner of localStorage. Every key starts with [`PREFIX`]: GitHub Pages project
//! sites of one user share an origin, so other apps' keys are never read, written or cleared.
//!
//! web-sys directly rather than gloo-storage: gloo's `LocalStorage::raw()` panics when storage
//! is unavailable (private modes, disabled storage) and its error conversion is `unreachable!`
//! for a thrown value that is not an `Error`; both are cases this app must survive.
//!
//! When the browser gives no storage at all, [`use_memory_if_unavailable`] switches every
//! function here to a map in the page's memory: the app works the same and says so, and the
//! work lasts as long as the page.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const PREFIX: &str = "nianbao:";

/// What a storage can fail at: the core's, since the drafts code runs over any storage.
pub use nianbao_report::drafts::shelf::StorageError;

/// The app's corner of localStorage (or the page's memory) as the core's drafts code sees it.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStorage;

impl nianbao_report::drafts::shelf::Storage for LocalStorage {
    fn read(&self, name: &str) -> Result<Option<String>, StorageError> {
        read(name)
    }
    fn write(&mut self, name: &str, value: &str) -> Result<(), StorageError> {
        write(name, value)
    }
    fn remove(&mut self, name: &str) -> Result<(), StorageError> {
        remove(name)
    }
    fn names(&self) -> Result<Vec<String>, StorageError> {
        names()
    }
}

fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

thread_local! {
    /// The stand-in for localStorage when the browser has none (names without the prefix).
    static MEMORY: RefCell<Option<BTreeMap<String, String>>> = const { RefCell::new(None) };
}

/// Switches to the page's memory when localStorage is missing or refused; returns whether it
/// did (or had). Only the absence of storage counts: a full storage is still the browser's,
/// and saving to it resumes once space is freed.
pub fn use_memory_if_unavailable() -> bool {
    if in_memory() {
        return true;
    }
    let usable = raw_storage().is_ok_and(|s| s.length().is_ok());
    if !usable {
        MEMORY.with(|m| *m.borrow_mut() = Some(BTreeMap::new()));
    }
    !usable
}

/// Whether the app's storage is the page's memory (see [`use_memory_if_unavailable`]).
pub fn in_memory() -> bool {
    MEMORY.with(|m| m.borrow().is_some())
}

/// Runs `f` on the memory map when the app is in memory.
fn with_memory<R>(f: impl FnOnce(&mut BTreeMap<String, String>) -> R) -> Option<R> {
    MEMORY.with(|m| m.borrow_mut().as_mut().map(f))
}

fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Reads the text stored under `nianbao:<name>`, as it is (no parsing: a value that does not
/// parse must still be recoverable).
pub fn read(name: &str) -> Result<Option<String>, StorageError> {
    if let Some(value) = with_memory(|m| m.get(name).cloned()) {
        return Ok(value);
    }
    raw_storage()?
        .get_item(&key(name))
        .map_err(|_| StorageError::Unavailable)
}

/// Writes and reads back: a write the browser silently dropped is an error, not a save.
pub fn write(name: &str, value: &str) -> Result<(), StorageError> {
    if with_memory(|m| m.insert(name.to_owned(), value.to_owned())).is_some() {
        return Ok(());
    }
    let storage: StorageByValue = raw_storage()?.unchecked_into();
    let key = key(name);
    // The text crosses into the page once, and the one read back is compared there: a batch of
    // 500 reports is 1.4 M characters, which a read back into wasm and a compare here took
    // again (~30 ms at 4× CPU).
    let written = JsValue::from_str(value);
    storage
        .set_item(&key, &written)
        .map_err(|e| StorageError::WriteRefused(describe(&e)))?;
    let stored = storage
        .get_item(&key)
        .map_err(|_| StorageError::Unavailable)?;
    if stored == written {
        Ok(())
    } else {
        Err(StorageError::WriteRefused("read-back differs".into()))
    }
}

#[wasm_bindgen]
extern "C" {
    /// localStorage with its values as the page's strings (web-sys' take and give `String`s).
    #[wasm_bindgen(extends = web_sys::Storage)]
    type StorageByValue;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &StorageByValue, key: &str, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &StorageByValue, key: &str) -> Result<JsValue, JsValue>;
}

pub fn remove(name: &str) -> Result<(), StorageError> {
    if with_memory(|m| m.remove(name)).is_some() {
        return Ok(());
    }
    raw_storage()?
        .remove_item(&key(name))
        .map_err(|_| StorageError::Unavailable)
}

/// The names (without prefix) of all of the app's keys.
pub fn names() -> Result<Vec<String>, StorageError> {
    if let Some(names) = with_memory(|m| m.keys().cloned().collect()) {
        return Ok(names);
    }
    let storage = raw_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_owned))
        .collect())
}

/// The name (without prefix) of a storage key of the app's, as a `storage` event names it.
pub fn name_of(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
}

/// Calls `on_change(name, new_value)` when another tab of this origin changes one of the app's
/// keys (`name` without the prefix; `None` as the name when another page cleared everything).
/// The browser does not tell the tab that wrote.
pub fn on_other_tab_change(on_change: impl Fn(Option<String>, Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            match ev.key() {
                None => on_change(None, None),
                Some(key) => {
                    if let Some(name) = name_of(&key) {
                        on_change(Some(name.to_owned()), ev.new_value());
                    }
                }
            }
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// Asks the browser to keep the app's storage when it runs short of space (it may say no, or
/// ask the user). Called on the first explicit save: the user has shown the work matters.
pub fn ask_persistent() {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return;
    }
    let Ok(promise) = navigator.storage().persist() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let granted = wasm_bindgen_futures::JsFuture::from(promise).await;
        if !matches!(granted.as_ref().map(JsValue::as_bool), Ok(Some(true))) {
            web_sys::console::info_1(
                &"persistent storage not granted: the browser may evict drafts when short of space"
                    .into(),
            );
        }
    });
}

/// "QuotaExceededError: …" from whatever the browser threw.
fn describe(thrown: &JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(thrown, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    format!("{}: {}", field("name"), field("message"))
}
