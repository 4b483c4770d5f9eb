//! Where drafts are kept: each draft's envelope under `draft:<id>`, the index under `index`,
//! each draft's history under `history:<id>`, the notes of the import a draft was made from
//! under `import-notes:<id>`, texts that did not read under `recovery:<id>:<time>`. The keys are given without the app's prefix; the browser's
//! localStorage (or the page's memory when it has none) is behind the [`Storage`] trait, so
//! that everything here runs and is tested natively ([`MemoryStorage`]).
//!
//! Invariant kept here: a stored text that does not read is never written over before a copy
//! of it is under a recovery key ([`rescue`]), and the draft key itself is left as it is.

use crate::message::Message;
use std::collections::BTreeMap;

use super::{
    decode, draft_id, draft_key, encode, history_key, index_entry, index_entry_counted,
    rebuild_index, recovery_key, text_hash, DraftEnvelope, DraftError, DraftHistory, DraftIndex,
    FindingCounts, IndexEntry, INDEX_KEY,
};
use crate::finding::Finding;
use crate::import::transfer::{decode_notes, encode_notes, NoteText};
use crate::model::Report;

/// What a key–value store of text can fail at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The storage is missing or refused (disabled, some private modes).
    Unavailable,
    /// The write was refused: usually the storage is full (QuotaExceededError).
    WriteRefused(String),
}

impl StorageError {
    pub fn message(&self) -> Message {
        match self {
            StorageError::Unavailable => Message::new(
                "浏览器存储不可用：内容只保存在本页面中，请及时导出。",
                "Browser storage is unavailable: work is kept in this page only; export it.",
            ),
            StorageError::WriteRefused(why) => Message::new(
                format!("无法保存到浏览器存储（{why}）：存储空间可能已满。"),
                format!("Could not save to browser storage ({why}): it may be full."),
            ),
        }
    }
}

/// A key–value store of text: the app's corner of localStorage, or a map.
pub trait Storage {
    /// The text under `name`, as it is (a text that does not parse must still be recoverable).
    fn read(&self, name: &str) -> Result<Option<String>, StorageError>;
    /// Writes `value`; a write that did not take is an error, never a silent loss.
    fn write(&mut self, name: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, name: &str) -> Result<(), StorageError>;
    /// Every name in the store.
    fn names(&self) -> Result<Vec<String>, StorageError>;
}

/// A [`Storage`] in memory: the tests', and the app's when the browser gives it no storage.
/// `capacity` (in bytes of text, names included) makes it refuse writes as a full
/// localStorage does.
#[derive(Clone, Debug, Default)]
pub struct MemoryStorage {
    pub items: BTreeMap<String, String>,
    pub capacity: Option<usize>,
}

impl MemoryStorage {
    fn used_without(&self, name: &str) -> usize {
        self.items
            .iter()
            .filter(|(k, _)| k.as_str() != name)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Storage for MemoryStorage {
    fn read(&self, name: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.get(name).cloned())
    }
    fn write(&mut self, name: &str, value: &str) -> Result<(), StorageError> {
        if let Some(capacity) = self.capacity {
            if self.used_without(name) + name.len() + value.len() > capacity {
                return Err(StorageError::WriteRefused(
                    "QuotaExceededError: the storage is full".into(),
                ));
            }
        }
        self.items.insert(name.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, name: &str) -> Result<(), StorageError> {
        self.items.remove(name);
        Ok(())
    }
    fn names(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.keys().cloned().collect())
    }
}

/// What is stored under a draft's key.
#[derive(Debug)]
pub enum Stored {
    Nothing,
    /// The draft, and the text it was read from.
    Draft(Box<DraftEnvelope>, String),
    /// Stored but unreadable (damaged, or saved by a newer version): the raw text is in the error.
    Unreadable(DraftError),
}

/// The text under a draft's key, read.
pub fn read_draft(storage: &impl Storage, id: &str) -> Result<Stored, StorageError> {
    Ok(match storage.read(&draft_key(id))? {
        None => Stored::Nothing,
        Some(raw) => match decode(&raw) {
            Ok(draft) => Stored::Draft(Box::new(draft), raw),
            Err(error) => Stored::Unreadable(error),
        },
    })
}

/// The raw text under a draft's key, as it is.
pub fn read_raw(storage: &impl Storage, id: &str) -> Result<Option<String>, StorageError> {
    storage.read(&draft_key(id))
}

/// Keeps an unreadable text under a recovery key of its own, unless the very same text is kept
/// already (a damaged draft is met again at every start).
pub fn rescue(
    storage: &mut impl Storage,
    id: &str,
    raw: &str,
    now_ms: i64,
) -> Result<(), StorageError> {
    let prefix = format!("recovery:{id}:");
    for name in storage.names()? {
        if name.starts_with(&prefix) && storage.read(&name)?.as_deref() == Some(raw) {
            return Ok(());
        }
    }
    storage.write(&recovery_key(id, now_ms), raw)
}

/// A draft as the list shows it: its index entry, and why it could not be read if it could not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub entry: IndexEntry,
    /// For a damaged draft: what is wrong with it (Chinese, English).
    pub problem: Option<Message>,
}

/// The ids of the stored drafts, from their keys alone: enough to know which draft a page opens
/// with, where [`load_list`] reads every draft (the list can wait until it is shown).
pub fn draft_ids(storage: &impl Storage) -> Result<Vec<String>, StorageError> {
    Ok(storage
        .names()?
        .iter()
        .filter_map(|name| draft_id(name))
        .map(str::to_owned)
        .collect())
}

/// Every draft, read: the index rebuilt where it no longer says what the drafts say, damaged
/// drafts rescued and listed with their problem. The newest edit first.
pub fn load_list(storage: &mut impl Storage, now_ms: i64) -> Result<Vec<Listed>, StorageError> {
    let stored_index = storage
        .read(INDEX_KEY)?
        .and_then(|raw| DraftIndex::decode(&raw).ok());
    let mut index = DraftIndex::default();
    let mut problems = Vec::new();
    for name in storage.names()? {
        let Some(id) = draft_id(&name) else {
            continue;
        };
        let Some(raw) = storage.read(&name)? else {
            continue;
        };
        let stored_entry = stored_index
            .as_ref()
            .and_then(|i| i.entries.iter().find(|e| e.id == id && !e.damaged));
        let hash = text_hash(&raw);
        if let Some(entry) = stored_entry.filter(|e| e.text_hash == Some(hash)) {
            // Made from this very text, which read then: no need to read it again.
            index.put(entry.clone());
            continue;
        }
        match decode(&raw) {
            Ok(draft) => {
                // An entry of an index from before the fingerprints is reused when it describes
                // this very save (its findings need not be counted again).
                let cached = stored_entry
                    .filter(|e| e.text_hash.is_none() && e.saved_at_ms == draft.saved_at_ms)
                    .cloned();
                let mut entry = cached.unwrap_or_else(|| {
                    index_entry_counted(&draft, &counts_of(storage, id, &draft))
                });
                entry.id = id.to_owned();
                entry.text_hash = Some(hash);
                index.put(entry);
            }
            Err(error) => {
                // A failed rescue leaves the text where it is: the draft key is never written.
                let _ = rescue(storage, id, &raw, now_ms);
                let mut entries = rebuild_index(&[(name.clone(), raw)]).entries;
                if let Some(entry) = entries.pop() {
                    index.put(entry);
                }
                problems.push((id.to_owned(), error.message));
            }
        }
    }
    if stored_index.as_ref() != Some(&index) {
        // The index is a cache: failing to write it costs a rebuild next time, nothing more.
        let _ = storage.write(INDEX_KEY, &index.encode());
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
pub fn update_index(storage: &mut impl Storage, id: &str, entry: Option<IndexEntry>) {
    let mut index = storage
        .read(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| DraftIndex::decode(&raw).ok())
        .unwrap_or_default();
    match entry {
        Some(entry) => index.put(entry),
        None => index.remove(id),
    }
    let _ = storage.write(INDEX_KEY, &index.encode());
}

/// A draft's history; a history that does not read is rescued and started anew.
pub fn read_history(storage: &mut impl Storage, id: &str, now_ms: i64) -> DraftHistory {
    match storage.read(&history_key(id)) {
        Ok(Some(raw)) => DraftHistory::decode(&raw).unwrap_or_else(|error| {
            let _ = rescue(storage, &format!("history-{id}"), &error.raw, now_ms);
            DraftHistory::default()
        }),
        _ => DraftHistory::default(),
    }
}

/// Writes a draft's history. When the storage is too full for all of it, older versions are
/// given up one by one: the history must never stand in the way of the draft itself.
pub fn write_history(
    storage: &mut impl Storage,
    id: &str,
    history: &mut DraftHistory,
) -> Result<(), StorageError> {
    let key = history_key(id);
    loop {
        match storage.write(&key, &history.encode()) {
            Ok(()) => return Ok(()),
            Err(StorageError::WriteRefused(_)) if history.entries.len() > 1 => {
                history.entries.pop();
            }
            Err(error) => return Err(error),
        }
    }
}

/// The texts [`remove_draft`] took, for an undo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub draft: Option<String>,
    pub history: Option<String>,
    pub import_notes: Option<String>,
}

/// Removes a draft, its history and its import notes, returning their texts for an undo.
pub fn remove_draft(storage: &mut impl Storage, id: &str) -> Result<Removed, StorageError> {
    let removed = Removed {
        draft: storage.read(&draft_key(id))?,
        history: storage.read(&history_key(id))?,
        import_notes: storage.read(&import_notes_key(id))?,
    };
    storage.remove(&draft_key(id))?;
    storage.remove(&history_key(id))?;
    storage.remove(&import_notes_key(id))?;
    update_index(storage, id, None);
    Ok(removed)
}

/// Puts back what [`remove_draft`] took, unless something has been stored there since.
pub fn restore_removed(
    storage: &mut impl Storage,
    id: &str,
    removed: &Removed,
) -> Result<(), StorageError> {
    if let Some(draft) = &removed.draft {
        if storage.read(&draft_key(id))?.is_none() {
            storage.write(&draft_key(id), draft)?;
        }
    }
    // The history and the notes are the draft's company, not the user's words: a storage too
    // full for them does not undo the undo.
    for (key, text) in [
        (history_key(id), &removed.history),
        (import_notes_key(id), &removed.import_notes),
    ] {
        if let Some(text) = text {
            if storage.read(&key)?.is_none() {
                let _ = storage.write(&key, text);
            }
        }
    }
    Ok(())
}

/// Where the notes of the import a draft was made from are kept.
pub fn import_notes_key(id: &str) -> String {
    format!("{IMPORT_NOTES_KEY_PREFIX}{id}")
}

const IMPORT_NOTES_KEY_PREFIX: &str = "import-notes:";

/// Keeps the notes of the import `id` was made from; the list counts them with the draft's
/// findings.
pub fn write_import_notes(
    storage: &mut impl Storage,
    id: &str,
    notes: &[NoteText],
) -> Result<(), StorageError> {
    storage.write(&import_notes_key(id), &encode_notes(notes))?;
    count_again(storage, id);
    Ok(())
}

/// Removes the notes of the import `id` was made from (the user has checked them).
pub fn remove_import_notes(storage: &mut impl Storage, id: &str) -> Result<(), StorageError> {
    storage.remove(&import_notes_key(id))?;
    count_again(storage, id);
    Ok(())
}

/// What the drafts list counts for a draft: the rules run at once, and its import's notes
/// while they are kept (the editor shows both among its findings).
pub(crate) fn counts_of(storage: &impl Storage, id: &str, draft: &DraftEnvelope) -> FindingCounts {
    let notes: Vec<Finding> = read_import_notes(storage, id)
        .iter()
        .filter_map(NoteText::finding)
        .collect();
    FindingCounts::of(&draft.report).plus(FindingCounts::count(&notes))
}

/// Counts a stored draft's findings again into the index (its notes came or went). The index
/// is a cache: a draft that does not read is left to the list, which rescues it.
fn count_again(storage: &mut impl Storage, id: &str) {
    let Ok(Some(raw)) = storage.read(&draft_key(id)) else {
        return;
    };
    let Ok(draft) = decode(&raw) else {
        return;
    };
    let mut entry = index_entry_counted(&draft, &counts_of(storage, id, &draft)).made_from(&raw);
    entry.id = id.to_owned();
    update_index(storage, id, Some(entry));
}

/// The notes of the import `id` was made from, if it was and they are still kept.
pub fn read_import_notes(storage: &impl Storage, id: &str) -> Vec<NoteText> {
    match storage.read(&import_notes_key(id)) {
        Ok(Some(text)) => decode_notes(&text),
        _ => Vec::new(),
    }
}

/// Writes a new draft holding `report` as its first stored revision, and its index entry.
pub fn store_new(
    storage: &mut impl Storage,
    id: &str,
    tab_id: &str,
    report: Report,
    auto_total: bool,
    now_ms: i64,
) -> Result<DraftEnvelope, StorageError> {
    let mut draft = DraftEnvelope::new(id, tab_id, report);
    draft.auto_total = auto_total;
    draft.saved_at_ms = now_ms;
    draft.revision = 1;
    let text = encode(&draft);
    storage.write(&draft_key(id), &text)?;
    update_index(storage, id, Some(index_entry(&draft).made_from(&text)));
    Ok(draft)
}

// ---------------------------------------------------------------------------------------------
// Recovery keys
// ---------------------------------------------------------------------------------------------

/// How long a rescued text is kept before the app offers to clear it: 30 days.
pub const RECOVERY_KEEP_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// A text kept under a recovery key: a draft or a history that did not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The storage name (`recovery:<id>:<time>`).
    pub name: String,
    /// The draft it belonged to (`history-<id>` for a history).
    pub id: String,
    /// When it was rescued (ms since 1970).
    pub rescued_at_ms: i64,
    pub chars: usize,
}

impl Recovery {
    /// Whether it has been kept longer than [`RECOVERY_KEEP_MS`] at `now_ms`.
    pub fn is_old(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.rescued_at_ms) > RECOVERY_KEEP_MS
    }

    /// The name of its download: 「<id>-恢复-<time>.json」.
    pub fn file_name(&self) -> String {
        format!("{}-恢复-{}.json", self.id, self.rescued_at_ms)
    }
}

/// What a recovery key's name says: the draft's id and the time. The id may itself hold
/// colons; the time is after the last one.
pub fn parse_recovery_name(name: &str) -> Option<(&str, i64)> {
    let rest = name.strip_prefix("recovery:")?;
    let (id, at) = rest.rsplit_once(':')?;
    Some((id, at.parse().ok()?))
}

/// Every kept text, the oldest first.
pub fn recoveries(storage: &impl Storage) -> Result<Vec<Recovery>, StorageError> {
    let mut found = Vec::new();
    for name in storage.names()? {
        let Some((id, rescued_at_ms)) = parse_recovery_name(&name) else {
            continue;
        };
        let chars = storage.read(&name)?.map_or(0, |text| text.chars().count());
        found.push(Recovery {
            id: id.to_owned(),
            rescued_at_ms,
            chars,
            name,
        });
    }
    crate::small_sort::insertion_sort(&mut found, |a, b| {
        (a.rescued_at_ms, &a.name) < (b.rescued_at_ms, &b.name)
    });
    Ok(found)
}

/// Removes the kept texts older than [`RECOVERY_KEEP_MS`] (the user agreed); returns how many.
pub fn remove_old_recoveries(
    storage: &mut impl Storage,
    now_ms: i64,
) -> Result<usize, StorageError> {
    let old: Vec<Recovery> = recoveries(storage)?
        .into_iter()
        .filter(|r| r.is_old(now_ms))
        .collect();
    for recovery in &old {
        storage.remove(&recovery.name)?;
    }
    Ok(old.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AgencyKind, Report};

    #[test]
    fn the_drafts_ids_are_read_from_their_keys_alone() {
        let mut storage = MemoryStorage::default();
        let report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
        store_new(&mut storage, "a", "tab", report.clone(), true, 1_000).unwrap();
        store_new(&mut storage, "b", "tab", report, true, 2_000).unwrap();
        storage.write(&draft_key("cut"), "{\"format\":").unwrap();
        rescue(&mut storage, "old", "{", 3_000).unwrap();
        write_import_notes(&mut storage, "a", &[]).unwrap();
        load_list(&mut storage, 4_000).unwrap();
        let mut ids = draft_ids(&storage).unwrap();
        ids.sort();
        // The damaged draft is a draft still (opening it rescues it); the index, the recovery
        // and the import notes are not drafts.
        assert_eq!(ids, ["a", "b", "cut"]);
    }

    #[test]
    fn a_damaged_draft_is_listed_and_rescued_once() {
        let mut storage = MemoryStorage::default();
        let report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
        let good = encode(&DraftEnvelope::new("good", "tab", report));
        storage.write(&draft_key("good"), &good).unwrap();
        let cut = &good[..good.len() / 2];
        storage.write(&draft_key("cut"), cut).unwrap();
        let list = load_list(&mut storage, 1_000).unwrap();
        assert_eq!(list.len(), 2);
        let listed = list.iter().find(|l| l.entry.id == "cut").unwrap();
        assert!(listed.entry.damaged);
        assert!(listed
            .problem
            .as_ref()
            .unwrap()
            .zh
            .starts_with("草稿已损坏"));
        let kept = recoveries(&storage).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].id, "cut");
        assert_eq!(kept[0].rescued_at_ms, 1_000);
        assert_eq!(storage.read(&kept[0].name).unwrap().as_deref(), Some(cut));
        // Met again at the next start: not rescued twice, and the draft key is left as it is.
        load_list(&mut storage, 2_000).unwrap();
        assert_eq!(recoveries(&storage).unwrap().len(), 1);
        assert_eq!(
            storage.read(&draft_key("cut")).unwrap().as_deref(),
            Some(cut)
        );
    }

    #[test]
    fn the_list_reads_a_draft_again_only_when_its_text_is_not_the_one_its_entry_was_made_from() {
        let mut storage = MemoryStorage::default();
        let report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
        let draft = store_new(&mut storage, "d", "tab", report, true, 1_000).unwrap();
        let text = storage.read(&draft_key("d")).unwrap().unwrap();
        let stored = |storage: &MemoryStorage| {
            DraftIndex::decode(&storage.read(INDEX_KEY).unwrap().unwrap()).unwrap()
        };
        assert_eq!(
            stored(&storage).entries[0].text_hash,
            Some(text_hash(&text))
        );
        // An entry made from this very text is trusted as it is: this one says another agency
        // (as no real save would), and the list shows what it says.
        let mut index = stored(&storage);
        index.entries[0].agency = "记在索引里的机关".into();
        storage.write(INDEX_KEY, &index.encode()).unwrap();
        let list = load_list(&mut storage, 2_000).unwrap();
        assert_eq!(list[0].entry.agency, "记在索引里的机关");
        // Another text under the same key and time (another tab's write that did not reach the
        // index) is read again.
        let mut changed = draft.clone();
        changed.report.meta.agency = "宿迁市人民政府".into();
        storage.write(&draft_key("d"), &encode(&changed)).unwrap();
        let list = load_list(&mut storage, 3_000).unwrap();
        assert_eq!(list[0].entry.agency, "宿迁市人民政府");
        let hash = text_hash(&encode(&changed));
        assert_eq!(stored(&storage).entries[0].text_hash, Some(hash));
        // An index written before the fingerprints were kept: read once, then fingerprinted.
        let mut old = stored(&storage);
        old.entries[0].text_hash = None;
        storage.write(INDEX_KEY, &old.encode()).unwrap();
        assert!(!storage
            .read(INDEX_KEY)
            .unwrap()
            .unwrap()
            .contains("text_hash"));
        load_list(&mut storage, 4_000).unwrap();
        assert_eq!(stored(&storage).entries[0].text_hash, Some(hash));
    }

    #[test]
    fn old_recoveries_are_removed_only_when_asked_and_only_old_ones() {
        let mut storage = MemoryStorage::default();
        storage.write("recovery:a:1000", "{").unwrap();
        storage.write("recovery:b:c:5000", "[").unwrap();
        storage.write("recovery:bad", "x").unwrap();
        storage.write("draft:a", "{}").unwrap();
        let all = recoveries(&storage).unwrap();
        assert_eq!(
            all.iter()
                .map(|r| (r.id.as_str(), r.rescued_at_ms))
                .collect::<Vec<_>>(),
            [("a", 1000), ("b:c", 5000)]
        );
        assert_eq!(all[0].file_name(), "a-恢复-1000.json");
        let now = 1000 + RECOVERY_KEEP_MS + 1;
        assert!(all[0].is_old(now) && !all[1].is_old(now));
        assert_eq!(remove_old_recoveries(&mut storage, now).unwrap(), 1);
        assert_eq!(storage.read("recovery:a:1000").unwrap(), None);
        assert!(storage.read("recovery:b:c:5000").unwrap().is_some());
        assert!(
            storage.read("recovery:bad").unwrap().is_some(),
            "not a recovery key of ours"
        );
    }

    #[test]
    fn history_gives_way_to_a_full_storage() {
        let report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
        let mut history = DraftHistory::default();
        for i in 0..5u64 {
            let mut r = report.clone();
            r.active.licensing = Some(i);
            history.record(&r, i as i64, i + 1, true);
        }
        let one = history.encode().len() / 5;
        let mut storage = MemoryStorage {
            capacity: Some(one * 2 + one / 2),
            ..MemoryStorage::default()
        };
        write_history(&mut storage, "d", &mut history).unwrap();
        assert_eq!(history.entries.len(), 2);
        assert_eq!(history.entries[0].revision, 5, "the newest versions stay");
        // A damaged history is rescued and started anew.
        storage.capacity = None;
        storage.write(&history_key("d"), "{\"format\":").unwrap();
        assert_eq!(read_history(&mut storage, "d", 7), DraftHistory::default());
        assert_eq!(
            storage.read("recovery:history-d:7").unwrap().as_deref(),
            Some("{\"format\":")
        );
    }
}
