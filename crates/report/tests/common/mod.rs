//! What the integration tests share.

// Each test crate uses a part of these.
#![allow(dead_code)]

use std::path::PathBuf;

/// The folder of the real reports the tests read (copies of the published texts, kept as
/// published: see its README).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture of tests/fixtures, by file name.
pub fn fixture(name: &str) -> String {
    let path = fixtures_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}
pub mod corpus;
pub mod hostile;
