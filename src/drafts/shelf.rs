//! The stored drafts in this browser: the core's `drafts::shelf` over the app's localStorage
//! (`platform::storage::LocalStorage`), with the browser's clock and random ids. What is stored
//! where, and the invariants, are the core's.

use nianbao_report::drafts::shelf::{self as core_shelf, Recovery};
use nianbao_report::drafts::{DraftEnvelope, DraftHistory, IndexEntry};
use nianbao_report::import::transfer::NoteText;
use nianbao_report::Report;

use crate::platform::storage::{LocalStorage, StorageError};

pub use core_shelf::{Listed, Removed, Stored};

pub fn read_draft(id: &str) -> Result<Stored, StorageError> {
    core_shelf::read_draft(&LocalStorage, id)
}

/// The raw text under a draft's key, as it is.
pub fn read_raw(id: &str) -> Result<Option<String>, StorageError> {
    core_shelf::read_raw(&LocalStorage, id)
}

/// Keeps an unreadable text under a recovery key of its own (once).
pub fn rescue(id: &str, raw: &str) -> Result<(), StorageError> {
    core_shelf::rescue(&mut LocalStorage, id, raw, now_ms())
}

/// The stored drafts' ids, none of them read.
pub fn draft_ids() -> Result<Vec<String>, StorageError> {
    core_shelf::draft_ids(&LocalStorage)
}

/// Every draft, read, the newest edit first (damaged ones rescued and listed).
pub fn load_list() -> Result<Vec<Listed>, StorageError> {
    core_shelf::load_list(&mut LocalStorage, now_ms())
}

/// Writes a draft over the revision read (the caller resolved it); the text written.
pub fn write_draft(draft: &DraftEnvelope) -> Result<String, StorageError> {
    let text = nianbao_report::drafts::encode(draft);
    crate::platform::storage::write(&nianbao_report::drafts::draft_key(&draft.id), &text)?;
    Ok(text)
}

/// Puts one draft's entry in the stored index (or takes it out with `None`).
pub fn update_index(id: &str, entry: Option<IndexEntry>) {
    core_shelf::update_index(&mut LocalStorage, id, entry);
}

/// A draft's history; a history that does not read is rescued and started anew.
pub fn read_history(id: &str) -> DraftHistory {
    core_shelf::read_history(&mut LocalStorage, id, now_ms())
}

/// Removes a draft, its history and its import notes, returning their texts for an undo.
pub fn remove_draft(id: &str) -> Result<Removed, StorageError> {
    core_shelf::remove_draft(&mut LocalStorage, id)
}

/// Puts back what [`remove_draft`] took, unless something has been stored there since.
pub fn restore_removed(id: &str, removed: &Removed) -> Result<(), StorageError> {
    core_shelf::restore_removed(&mut LocalStorage, id, removed)
}

/// The notes of the import a draft was made from (none if it was not, or they were dismissed).
pub fn read_import_notes(id: &str) -> Vec<NoteText> {
    core_shelf::read_import_notes(&LocalStorage, id)
}

/// Keeps the notes of the import a draft was made from.
pub fn write_import_notes(id: &str, notes: &[NoteText]) -> Result<(), StorageError> {
    core_shelf::write_import_notes(&mut LocalStorage, id, notes)
}

/// Removes the notes of the import a draft was made from.
pub fn remove_import_notes(id: &str) -> Result<(), StorageError> {
    core_shelf::remove_import_notes(&mut LocalStorage, id)
}

/// Writes a new draft holding `report` (its first stored revision) and returns its id.
pub fn store_new(report: Report, tab_id: &str, auto_total: bool) -> Result<String, StorageError> {
    core_shelf::store_new(
        &mut LocalStorage,
        &new_id(),
        tab_id,
        report,
        auto_total,
        now_ms(),
    )
    .map(|draft| draft.id)
}

/// The texts kept under recovery keys, the oldest first.
pub fn recoveries() -> Result<Vec<Recovery>, StorageError> {
    core_shelf::recoveries(&LocalStorage)
}

/// The text under a recovery key.
pub fn read_recovery(name: &str) -> Result<Option<String>, StorageError> {
    crate::platform::storage::read(name)
}

pub fn remove_recovery(name: &str) -> Result<(), StorageError> {
    crate::platform::storage::remove(name)
}

/// Removes the kept texts older than the core's time limit (the user agreed).
pub fn remove_old_recoveries() -> Result<usize, StorageError> {
    core_shelf::remove_old_recoveries(&mut LocalStorage, now_ms())
}

/// A new draft id: the time in base 36 and a random part, so that two tabs creating drafts in
/// the same millisecond still differ.
pub fn new_id() -> String {
    format!("{}-{}", base36(now_ms().max(0) as u64), random_base36(4))
}

/// An id for this tab (page load), written into each save it makes.
pub fn new_tab_id() -> String {
    format!("tab-{}", random_base36(6))
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn random_base36(digits: u32) -> String {
    let n = (js_sys::Math::random() * 36f64.powi(digits as i32)) as u64;
    format!("{:0>width$}", base36(n), width = digits as usize)
}
