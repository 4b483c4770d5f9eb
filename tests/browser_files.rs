//! Browser tests (wasm-bindgen-test in headless Chromium) of reading files: text in another
//! character set decoded by the browser before the core reads it.
#![cfg(target_arch = "wasm32")]

use nianbao_app::platform::files::{as_utf8, decode};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 「年报」 in GBK.
const NIANBAO_GBK: [u8; 4] = [0xc4, 0xea, 0xb1, 0xa8];

#[wasm_bindgen_test]
fn gbk_text_is_decoded_declared_or_not() {
    assert_eq!(decode(&NIANBAO_GBK, "gbk").as_deref(), Some("年报"));
    // Undeclared: read as GB18030.
    assert_eq!(as_utf8(NIANBAO_GBK.to_vec()), "年报".as_bytes());
    // Declared in the page.
    let mut page = b"<html><head><meta charset=\"gb2312\"></head><body>".to_vec();
    page.extend_from_slice(&NIANBAO_GBK);
    assert_eq!(
        String::from_utf8(as_utf8(page)).unwrap(),
        "<html><head><meta charset=\"gb2312\"></head><body>年报"
    );
}

#[wasm_bindgen_test]
fn utf8_and_binary_files_are_left_as_they_are() {
    assert_eq!(as_utf8("年报".as_bytes().to_vec()), "年报".as_bytes());
    let png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe];
    assert_eq!(as_utf8(png.clone()), png);
    // Not valid in the declared set either: left for the core to refuse as not UTF-8.
    let mut broken = b"<meta charset=\"gbk\">".to_vec();
    broken.extend_from_slice(&[0x81, 0x20]);
    assert_eq!(as_utf8(broken.clone()), broken);
    assert_eq!(decode(&NIANBAO_GBK, "no-such-charset"), None);
}
