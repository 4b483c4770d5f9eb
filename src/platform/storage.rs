//! The app's corner of localStorage. Every key starts with [`PREFIX`]: GitHub Pages project
//! sites of one user share an origin, so other apps' keys are never read, written or cleared.
//!
//! web-sys directly rather than gloo-storage: gloo's `LocalStorage::raw()` panics when storage
//! is unavailable (private modes, disabled storage) and its error conversion is `unreachable!`
//! for a thrown value that is not an `Error`; both are cases this app must survive.

use wasm_bindgen::JsValue;

pub const PREFIX: &str = "nianbao:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing or refused (disabled, some private modes).
    Unavailable,
    /// The browser refused the write: usually the storage is full (QuotaExceededError).
    WriteRefused(String),
}

impl StorageError {
    pub fn message_zh(&self) -> String {
        match self {
            StorageError::Unavailable => "浏览器存储不可用：内容只保存在本页面中，请及时导出。".into(),
            StorageError::WriteRefused(why) => format!("无法保存到浏览器存储（{why}）：存储空间可能已满。"),
        }
    }
    pub fn message_en(&self) -> String {
        match self {
            StorageError::Unavailable => {
                "Browser storage is unavailable: work is kept in this page only; export it.".into()
            }
            StorageError::WriteRefused(why) => {
                format!("Could not save to browser storage ({why}): it may be full.")
            }
        }
    }
}

fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Reads the text stored under `nianbao:<name>`, as it is (no parsing: a value that does not
/// parse must still be recoverable).
pub fn read(name: &str) -> Result<Option<String>, StorageError> {
    raw_storage()?
        .get_item(&key(name))
        .map_err(|_| StorageError::Unavailable)
}

/// Writes and reads back: a write the browser silently dropped is an error, not a save.
pub fn write(name: &str, value: &str) -> Result<(), StorageError> {
    raw_storage()?
        .set_item(&key(name), value)
        .map_err(|e| StorageError::WriteRefused(describe(&e)))?;
    match read(name)? {
        Some(stored) if stored == value => Ok(()),
        _ => Err(StorageError::WriteRefused("read-back differs".into())),
    }
}

pub fn remove(name: &str) -> Result<(), StorageError> {
    raw_storage()?
        .remove_item(&key(name))
        .map_err(|_| StorageError::Unavailable)
}

/// The names (without prefix) of all of the app's keys.
pub fn names() -> Result<Vec<String>, StorageError> {
    let storage = raw_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_owned))
        .collect())
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
