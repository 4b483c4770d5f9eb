//! What the integration tests share.

use std::path::PathBuf;

/// A fixture of ../shared/fixtures, or None (with the message) where that folder is absent (a
/// user's clone: only the seed is in the repository, under tests/fixtures/).
pub fn fixture(name: &str) -> Option<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    if !dir.is_dir() {
        println!("skipped: ../shared/fixtures not found ({})", dir.display());
        return None;
    }
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => Some(text),
        Err(e) => panic!("fixture {name} unreadable: {e}"),
    }
}
