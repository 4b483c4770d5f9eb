//! The stored drafts: each draft's envelope under `draft:<id>`, the index under `index`, each
//! draft's history under `history:<id>`, rescued texts under `recovery:<id>:<time>` — all under
//! the app's `nianbao:` prefix (see `platform::storage`). The shapes are the core's
//! (`nianbao_report::drafts`); this module only reads and writes them.
//!
//! Invariant kept here: a stored text that does not read is never written over before a copy
//! of it is under a recovery key ([`rescue`]), and the draft key itself is left as it is.

use nianbao_report::drafts::{
    self, DraftEnvelope, DraftError, DraftHistory, DraftIndex, IndexEntry, INDEX_KEY,
};

use crate::platform::storage::{self, StorageError};

/// A draft as the list shows it: its index entry, and why it could not be read if it could not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub entry: IndexEntry,
    /// For a damaged draft: what is wrong with it (Chinese, English).
    pub problem: Option<(String, String)>,
}

/// What is stored under a draft's key.
pub enum Stored {
    Nothing,
    Draft(Box<DraftEnvelope>),
    /// Stored but unreadable (damaged, or saved by a newer version): the raw text is in the error.
    Unreadable(DraftError),
}

pub fn read_draft(id: &str) -> Result<Stored, StorageError> {
    Ok(match storage::read(&drafts::draft_key(id))? {
        None => Stored::Nothing,
        Some(raw) => match drafts::decode(&raw) {
            Ok(draft) => Stored::Draft(Box::new(draft)),
            Err(error) => Stored::Unreadable(error),
        },
    })
}

/// Writes the draft (read back and compared by `storage::write`).
pub fn write_draft(draft: &DraftEnvelope) -> Result<(), StorageError> {
    storage::write(&drafts::draft_key(&draft.id), &drafts::encode(draft))
}

/// The raw text under a draft's key, as it is.
pub fn read_raw(id: &str) -> Result<Option<String>, StorageError> {
    storage::read(&drafts::draft_key(id))
}

/// Keeps an unreadable text under a recovery key of its own, unless the very same text is kept
/// already (a damaged draft is met again at every start).
pub fn rescue(id: &str, raw: &str) -> Result<(), StorageError> {
    let prefix = format!("recovery:{id}:");
    for name in storage::names()? {
        if name.starts_with(&prefix) && storage::read(&name)?.as_deref() == Some(raw) {
            return Ok(());
        }
    }
    storage::write(&drafts::recovery_key(id, now_ms()), raw)
}

/// Every draft, read: the index rebuilt where it no longer says what the drafts say, damaged
/// drafts rescued and listed with their problem. The newest edit first.
pub fn load_list() -> Result<Vec<Listed>, StorageError> {
    let stored_index = storage::read(INDEX_KEY)?.and_then(|raw| DraftIndex::decode(&raw).ok());
    let mut index = DraftIndex::default();
    let mut problems = Vec::new();
    for name in storage::names()? {
        let Some(id) = drafts::draft_id(&name) else {
            continue;
        };
        let Some(raw) = storage::read(&name)? else {
            continue;
        };
        match drafts::decode(&raw) {
            Ok(draft) => {
                // The index's counts are reused when it describes this very save.
                let cached = stored_index.as_ref().and_then(|i| {
                    i.entries
                        .iter()
                        .find(|e| e.id == id && e.saved_at_ms == draft.saved_at_ms && !e.damaged)
                        .cloned()
                });
                let mut entry = cached.unwrap_or_else(|| drafts::index_entry(&draft));
                entry.id = id.to_owned();
                index.put(entry);
            }
            Err(error) => {
                // A failed rescue leaves the text where it is: the draft key is never written.
                let _ = rescue(id, &raw);
                let mut entries = drafts::rebuild_index(&[(name.clone(), raw)]).entries;
                if let Some(entry) = entries.pop() {
                    index.put(entry);
                }
                problems.push((id.to_owned(), (error.message_zh, error.message_en)));
            }
        }
    }
    if stored_index.as_ref() != Some(&index) {
        // The index is a cache: failing to write it costs a rebuild next time, nothing more.
        let _ = storage::write(INDEX_KEY, &index.encode());
    }
    Ok(index
        .sorted_by_last_edit()
        .into_iter()
        .map(|entry| Listed {
            entry: entry.clone(),
            problem: problems
                .iter()
                .find(|(id, _)| *id == entry.id)
                .map(|(_, p)| p.clone()),
        })
        .collect())
}

/// Puts one draft's entry in the stored index (or takes it out with `None`).
pub fn update_index(id: &str, entry: Option<IndexEntry>) {
    let mut index = storage::read(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| DraftIndex::decode(&raw).ok())
        .unwrap_or_default();
    match entry {
        Some(entry) => index.put(entry),
        None => index.remove(id),
    }
    let _ = storage::write(INDEX_KEY, &index.encode());
}

/// A draft's history; a history that does not read is rescued and started anew.
pub fn read_history(id: &str) -> DraftHistory {
    let key = drafts::history_key(id);
    match storage::read(&key) {
        Ok(Some(raw)) => DraftHistory::decode(&raw).unwrap_or_else(|error| {
            let _ = rescue(&format!("history-{id}"), &error.raw);
            DraftHistory::default()
        }),
        _ => DraftHistory::default(),
    }
}

/// Writes a draft's history. When the storage is too full for all of it, older versions are
/// given up one by one: the history must never stand in the way of the draft itself.
pub fn write_history(id: &str, history: &mut DraftHistory) -> Result<(), StorageError> {
    let key = drafts::history_key(id);
    loop {
        match storage::write(&key, &history.encode()) {
            Ok(()) => return Ok(()),
            Err(StorageError::WriteRefused(_)) if history.entries.len() > 1 => {
                history.entries.pop();
            }
            Err(error) => return Err(error),
        }
    }
}

/// Removes a draft and its history, returning their texts for an undo.
pub fn remove_draft(id: &str) -> Result<(Option<String>, Option<String>), StorageError> {
    let draft = storage::read(&drafts::draft_key(id))?;
    let history = storage::read(&drafts::history_key(id))?;
    storage::remove(&drafts::draft_key(id))?;
    storage::remove(&drafts::history_key(id))?;
    update_index(id, None);
    Ok((draft, history))
}

/// Puts back what [`remove_draft`] took, unless something has been stored there since.
pub fn restore_removed(
    id: &str,
    draft: Option<&str>,
    history: Option<&str>,
) -> Result<(), StorageError> {
    if let Some(draft) = draft {
        if storage::read(&drafts::draft_key(id))?.is_none() {
            storage::write(&drafts::draft_key(id), draft)?;
        }
    }
    if let Some(history) = history {
        if storage::read(&drafts::history_key(id))?.is_none() {
            let _ = storage::write(&drafts::history_key(id), history);
        }
    }
    Ok(())
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
