//! Browser tests (wasm-bindgen-test in headless Chromium) of the app's localStorage corner.
#![cfg(target_arch = "wasm32")]

use nianbao_app::platform::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn writes_read_back_under_the_prefix() {
    storage::write("test-draft", "{\"年报\":1}").unwrap();
    assert_eq!(
        local_storage()
            .get_item("nianbao:test-draft")
            .unwrap()
            .as_deref(),
        Some("{\"年报\":1}")
    );
    assert_eq!(
        storage::read("test-draft").unwrap().as_deref(),
        Some("{\"年报\":1}")
    );
    assert!(storage::names()
        .unwrap()
        .contains(&"test-draft".to_string()));
    storage::remove("test-draft").unwrap();
    assert_eq!(storage::read("test-draft").unwrap(), None);
}

#[wasm_bindgen_test]
fn never_touches_other_apps_keys() {
    local_storage().set_item("other-app:key", "theirs").unwrap();
    storage::write("mine", "ours").unwrap();
    storage::remove("mine").unwrap();
    assert!(!storage::names()
        .unwrap()
        .iter()
        .any(|k| k.contains("other-app")));
    assert_eq!(
        local_storage()
            .get_item("other-app:key")
            .unwrap()
            .as_deref(),
        Some("theirs")
    );
}

#[wasm_bindgen_test]
fn a_full_storage_is_an_error_not_a_silent_loss() {
    // Chromium's quota for one origin is about 5 MB of UTF-16: 6 M characters cannot fit.
    let huge = "年".repeat(6 * 1024 * 1024);
    let result = storage::write("too-big", &huge);
    assert!(
        matches!(result, Err(storage::StorageError::WriteRefused(_))),
        "{result:?}"
    );
    assert_eq!(storage::read("too-big").unwrap(), None);
}
