//! The open draft's autosave as a state machine: what a tab does when the report changes, when
//! the pause timer fires, when it saves, and when another tab wrote the draft. Each transition
//! reads and writes the [`Storage`] it is handed and returns the [`Effects`] the browser then
//! performs (show a report, tell the user, arm a timer); no transition knows the browser.
//!
//! Invariants, kept by the code next to them:
//! - Nothing is written before the draft has loaded: there is no [`OpenDraft`] until then, and
//!   a draft that did not read is never opened.
//! - Nothing is written over a stored text that does not read: [`OpenDraft::save`] rescues it
//!   and stops saving this draft ([`SaveStatus::Blocked`]).
//! - A tab writes only over the save it last saw. When the stored draft is another one (another
//!   tab saved), the two are merged ([`merge_three_way`]) and the merge is written; no tab's text
//!   is lost, and the user is told.
//! - A draft this tab stored and that is gone was deleted in another tab: it is not written
//!   again ([`SaveStatus::DeletedElsewhere`]); the user is told and may keep this tab's copy.
//! - One save serialises the report once (its JSON value goes into the draft and its history)
//!   and parses none: a stored text equal to the one this tab last read or wrote is not read
//!   again, and the history's versions are read only when asked for.
//!
//! ## Usage
//! ```
//! use nianbao_report::drafts::autosave::{OpenDraft, SaveKind, SaveStatus};
//! use nianbao_report::drafts::shelf::MemoryStorage;
//! use nianbao_report::drafts::DraftEnvelope;
//! use nianbao_report::{AgencyKind, Report};
//!
//! let mut storage = MemoryStorage::default();
//! let report = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
//! let mut open = OpenDraft::new(DraftEnvelope::new("d1", "tab-a", report.clone()), None);
//! let mut edited = report;
//! edited.meta.title = "某街道办事处2024年政府信息公开工作年度报告".into();
//! // A change arms the pause timer; when it fires after the pause, the draft is saved.
//! let effects = open.on_change(0.0, &edited, true);
//! assert_eq!(effects.arm_debounce_ms, Some(400));
//! let effects = open.save(SaveKind::Auto, &mut storage, &edited, true, 1_000);
//! assert_eq!(effects.status, Some(SaveStatus::Saved { at_ms: 1_000 }));
//! ```

use crate::message::Message;
use serde_json::Value;

use super::shelf::{read_history, rescue, update_index, write_history, Storage, StorageError};
use super::{
    decode, draft_key, encode_with, index_entry_counted, merge_three_way, resolve, DraftEnvelope,
    DraftError, DraftHistory, FindingCounts, HistoryEntry, Resolution, DRAFT_SCHEMA_VERSION,
};
use crate::export::json;
use crate::model::{Place, Report};
use crate::totals;

/// The pause in typing after which the draft is saved (ms).
pub const DEBOUNCE_MS: u64 = 400;

/// How often a refused save is tried again (ms): the user may free space at any time.
pub const RETRY_MS: u64 = 2_000;

/// Why a save is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveKind {
    /// After a pause in typing.
    Auto,
    /// The page is being hidden or closed, or the draft left: now, if anything changed.
    Flush,
    /// Save or Ctrl+S: a version of its own in the history.
    Explicit,
    /// A draft just made from the list: stored even if unchanged.
    Create,
}

/// What the header says about saving the open draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// A new draft nothing has been typed into: nothing to save yet.
    Idle,
    /// Typed, not yet saved (the autosave waits for a pause in typing).
    Pending,
    Saved {
        at_ms: i64,
    },
    /// The browser refused the write (storage full): the draft is in the page only.
    Full {
        why: String,
    },
    /// The stored draft could not be read (damaged, or saved by a newer version of the app):
    /// this tab stops saving rather than write over it.
    Blocked(Message),
    /// Storage went away while the page was open.
    Failed(Message),
    /// Another tab deleted the draft: this tab stops saving it (it would bring it back behind
    /// the user's back); what is on screen can be kept as a new draft.
    DeletedElsewhere,
}

impl SaveStatus {
    /// Whether what is on screen may be lost when the page closes.
    pub fn is_unsaved(&self) -> bool {
        matches!(
            self,
            SaveStatus::Full { .. }
                | SaveStatus::Blocked(_)
                | SaveStatus::Failed(_)
                | SaveStatus::DeletedElsewhere
        )
    }
}

/// Another tab's save merged into this tab's unsaved edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// This tab's report just before the merge, for "keep mine as a copy".
    pub mine: Report,
    /// The other tab's report, for "use the other window's version".
    pub theirs: Report,
    /// Places both tabs changed differently (mine kept; texts kept both).
    pub conflicts: Vec<Place>,
}

/// What the browser does after a transition. Empty fields: nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    /// The status to show.
    pub status: Option<SaveStatus>,
    /// Put this report (and auto-total) on screen: another tab's save taken in, or merged with
    /// this tab's edits. Undo starts afresh.
    pub show: Option<(Report, bool)>,
    /// Tell the user about a merge.
    pub merged: Option<Merged>,
    /// The open draft's versions, the newest first, after a save.
    pub history: Option<Vec<HistoryEntry>>,
    /// Arm the pause timer to fire in this many ms.
    pub arm_debounce_ms: Option<u64>,
    /// Arm the retry timer ([`RETRY_MS`]) for a refused write.
    pub arm_retry: bool,
    /// The user saved on purpose: ask the browser to keep the storage (once a session).
    pub ask_persistent: bool,
    /// Something to note in the console (the history could not be written).
    pub warning: Option<String>,
}

impl Effects {
    /// Adds what a later transition asks: its fields win where it has any.
    fn then(&mut self, later: Effects) {
        let Effects {
            status,
            show,
            merged,
            history,
            arm_debounce_ms,
            arm_retry,
            ask_persistent,
            warning,
        } = later;
        self.status = status.or(self.status.take());
        self.show = show.or(self.show.take());
        self.merged = merged.or(self.merged.take());
        self.history = history.or(self.history.take());
        self.arm_debounce_ms = arm_debounce_ms.or(self.arm_debounce_ms);
        self.arm_retry |= arm_retry;
        self.ask_persistent |= ask_persistent;
        self.warning = warning.or(self.warning.take());
    }
}

/// What the pause timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Debounce {
    /// Typing paused long enough: save now ([`SaveKind::Auto`]).
    Save,
    /// Typing went on: fire again in this many ms.
    Wait(u64),
}

/// The open draft as this tab knows it.
#[derive(Clone, Debug)]
pub struct OpenDraft {
    pub id: String,
    tab_id: String,
    /// The draft as this tab last read or wrote it: what it may write over. None before the
    /// first save of a new draft.
    seen: Option<DraftEnvelope>,
    /// The stored text of `seen`, when known: a stored text equal to it is `seen`, unread.
    seen_text: Option<String>,
    /// The report before this tab's last write: the common ancestor when another tab wrote the
    /// same revision at the same moment.
    ancestor: Option<Report>,
    /// The report and auto-total that count as saved.
    clean: (Report, bool),
    /// The next history record starts a new version instead of updating the newest.
    keep_newest_version: bool,
    history: Option<DraftHistory>,
    /// When the report last changed (ms since the epoch): the pause timer reads it.
    last_change_ms: f64,
    /// The pause timer is armed.
    debounce_armed: bool,
    /// Saving stopped: the stored text does not read and must not be written over.
    blocked: bool,
    /// Saving stopped: another tab deleted the draft.
    deleted_elsewhere: bool,
    status: SaveStatus,
}

impl OpenDraft {
    /// A draft opened in this tab. `stored_text` is the text it was read from (None for a new
    /// draft, never stored yet).
    pub fn new(draft: DraftEnvelope, stored_text: Option<String>) -> OpenDraft {
        let stored = stored_text.is_some();
        OpenDraft {
            id: draft.id.clone(),
            tab_id: draft.tab_id.clone(),
            clean: (draft.report.clone(), draft.auto_total),
            ancestor: None,
            status: if stored {
                SaveStatus::Saved {
                    at_ms: draft.saved_at_ms,
                }
            } else {
                SaveStatus::Idle
            },
            seen: stored.then_some(draft),
            seen_text: stored_text,
            keep_newest_version: true,
            history: None,
            last_change_ms: 0.0,
            debounce_armed: false,
            blocked: false,
            deleted_elsewhere: false,
        }
    }

    /// This tab's id: it writes it into each save (a draft opened from storage names the tab
    /// that saved it last, so the app sets its own).
    pub fn with_tab(mut self, tab_id: &str) -> OpenDraft {
        tab_id.clone_into(&mut self.tab_id);
        self
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    fn set_status(&mut self, status: SaveStatus, effects: &mut Effects) {
        self.status = status.clone();
        effects.status = Some(status);
    }

    fn base_revision(&self) -> u64 {
        self.seen.as_ref().map_or(0, |seen| seen.revision)
    }

    /// Whether `stored` is the very save this tab last saw (same revision from the same tab at
    /// the same time): only then may it be written over.
    fn has_seen(&self, stored: &DraftEnvelope) -> bool {
        self.seen.as_ref().is_some_and(|seen| {
            seen.revision == stored.revision
                && seen.tab_id == stored.tab_id
                && seen.saved_at_ms == stored.saved_at_ms
        })
    }

    /// Whether the report on screen differs from the one saved.
    pub fn is_dirty(&self, report: &Report, auto_total: bool) -> bool {
        !self.blocked
            && !self.deleted_elsewhere
            && (self.clean.1 != auto_total || *report != self.clean.0)
    }

    /// The report on screen changed (at `now_ms`): the draft is pending, and the pause timer is
    /// armed unless it is already (it re-arms itself while typing goes on: one timer at a time).
    pub fn on_change(&mut self, now_ms: f64, report: &Report, auto_total: bool) -> Effects {
        let mut effects = Effects::default();
        self.schedule(now_ms, report, auto_total, &mut effects);
        effects
    }

    fn schedule(&mut self, now_ms: f64, report: &Report, auto_total: bool, fx: &mut Effects) {
        if !self.is_dirty(report, auto_total) {
            return;
        }
        if !matches!(self.status, SaveStatus::Full { .. } | SaveStatus::Pending) {
            self.set_status(SaveStatus::Pending, fx);
        }
        self.last_change_ms = now_ms;
        if !self.debounce_armed {
            self.debounce_armed = true;
            fx.arm_debounce_ms = Some(DEBOUNCE_MS);
        }
    }

    /// The pause timer fired at `now_ms`: save if typing has paused for [`DEBOUNCE_MS`], else
    /// wait the rest.
    pub fn on_debounce(&mut self, now_ms: f64) -> Debounce {
        let since = now_ms - self.last_change_ms;
        let pause = DEBOUNCE_MS as f64;
        // A clock that went back (since < 0) never makes the wait longer than one pause.
        if (0.0..pause).contains(&since) {
            self.debounce_armed = true;
            Debounce::Wait((pause - since).ceil().max(1.0) as u64)
        } else {
            self.debounce_armed = false;
            Debounce::Save
        }
    }

    /// The next save starts a new version in the history (after a restore or a merge, the
    /// version before it stays restorable).
    pub fn mark_new_version(&mut self) {
        self.keep_newest_version = true;
    }

    /// The open draft's versions: the ones this tab keeps, or the stored ones.
    pub fn history(&self, storage: &mut impl Storage, now_ms: i64) -> DraftHistory {
        match &self.history {
            Some(history) => history.clone(),
            None => read_history(storage, &self.id, now_ms),
        }
    }

    /// Saves the report on screen, merging first when another tab saved the draft since this
    /// tab last did. Each round either writes, stops, or merges another tab's save and goes
    /// round again; a third tab saving in between every round is the only way to need more
    /// than two.
    pub fn save(
        &mut self,
        kind: SaveKind,
        storage: &mut impl Storage,
        report: &Report,
        auto_total: bool,
        now_ms: i64,
    ) -> Effects {
        self.save_counted(kind, storage, report, auto_total, now_ms, None)
    }

    /// [`Self::save`] with the findings of `report` counted already (the editor keeps them for
    /// the report on screen): the index's counts are taken from them instead of running the
    /// rules again, unless another tab's save was merged in.
    pub fn save_counted(
        &mut self,
        kind: SaveKind,
        storage: &mut impl Storage,
        report: &Report,
        auto_total: bool,
        now_ms: i64,
        counts: Option<FindingCounts>,
    ) -> Effects {
        let mut fx = Effects::default();
        self.debounce_armed = false;
        if self.blocked || self.deleted_elsewhere {
            return fx;
        }
        fx.ask_persistent = kind == SaveKind::Explicit;
        // What is on screen, once another tab's save has been merged into it.
        let mut merged_screen: Option<(Report, bool)> = None;
        let must_store =
            kind == SaveKind::Create || (kind == SaveKind::Explicit && self.seen.is_none());
        if !must_store && !self.is_dirty(report, auto_total) {
            if kind == SaveKind::Explicit {
                // The version on screen is the one the user asked for: the next save starts another.
                self.keep_newest_version = true;
            }
            let status = match &self.seen {
                Some(seen) => SaveStatus::Saved {
                    at_ms: seen.saved_at_ms,
                },
                None => SaveStatus::Idle,
            };
            self.set_status(status, &mut fx);
            return fx;
        }
        let key = draft_key(&self.id);
        for _ in 0..5 {
            let raw = match storage.read(&key) {
                Ok(raw) => raw,
                Err(error) => {
                    self.set_status(failed(&error), &mut fx);
                    return fx;
                }
            };
            // The stored draft: the one this tab saw (its very text, not read again), another
            // tab's, or none.
            let stored: Option<(DraftEnvelope, Option<String>)> = match raw {
                None if self.seen.is_some() => {
                    self.deleted(&mut fx);
                    return fx;
                }
                None => None,
                Some(raw) if self.seen_text.as_deref() == Some(raw.as_str()) => {
                    self.seen.clone().map(|seen| (seen, None))
                }
                Some(raw) => match decode(&raw) {
                    Ok(draft) => Some((draft, Some(raw))),
                    Err(error) => {
                        self.block(storage, error, now_ms, &mut fx);
                        return fx;
                    }
                },
            };
            if let Some((theirs, text)) = stored.as_ref().filter(|(s, _)| !self.has_seen(s)) {
                let screen = merged_screen.take().unwrap_or((report.clone(), auto_total));
                let (screen, _) = self.merge_in(theirs.clone(), text.clone(), screen, &mut fx);
                merged_screen = Some(screen);
                continue;
            }
            let (on_screen, on_screen_total) = merged_screen
                .as_ref()
                .map_or((report, auto_total), |(r, t)| (r, *t));
            let mine = DraftEnvelope {
                schema_version: DRAFT_SCHEMA_VERSION,
                id: self.id.clone(),
                saved_at_ms: now_ms,
                revision: 0,
                tab_id: self.tab_id.clone(),
                report: on_screen.clone(),
                auto_total: on_screen_total,
            };
            match resolve(stored.as_ref().map(|(s, _)| s), &mine, self.base_revision()) {
                Resolution::Write(draft) => {
                    // The one serialisation of the report: into the draft, then its history.
                    let report_json = json::to_value(&draft.report);
                    let text = encode_with(&draft, &report_json);
                    match storage.write(&key, &text) {
                        Ok(()) => {
                            // Counts of the report on screen hold only if nothing was merged in.
                            let counts = match (&merged_screen, counts) {
                                (None, Some(counts)) => counts,
                                _ => super::shelf::counts_of(storage, &self.id, &draft),
                            };
                            let written = Written {
                                draft,
                                text,
                                report_json,
                                counts,
                            };
                            self.after_write(written, kind, storage, &mut fx);
                        }
                        Err(StorageError::WriteRefused(why)) => {
                            self.set_status(SaveStatus::Full { why }, &mut fx);
                            fx.arm_retry = true;
                        }
                        Err(error) => self.set_status(failed(&error), &mut fx),
                    }
                    return fx;
                }
                Resolution::Conflict { theirs } => {
                    let screen = merged_screen.take().unwrap_or((report.clone(), auto_total));
                    let (screen, _) = self.merge_in(theirs, None, screen, &mut fx);
                    merged_screen = Some(screen);
                }
            }
        }
        // Other tabs kept saving in between: what is on screen is merged; try again shortly.
        if let Some((report, auto_total)) = merged_screen {
            self.schedule(now_ms as f64, &report, auto_total, &mut fx);
        }
        fx
    }

    /// A save went through: it is now what this tab has seen; the history and the index follow.
    fn after_write(
        &mut self,
        written: Written,
        kind: SaveKind,
        storage: &mut impl Storage,
        fx: &mut Effects,
    ) {
        let Written {
            draft,
            text,
            report_json,
            counts,
        } = written;
        let at_ms = draft.saved_at_ms;
        let mut versions = match self.history.take() {
            Some(versions) => versions,
            None => {
                let versions = read_history(storage, &self.id, at_ms);
                // The newest version is usually the draft as this tab opened it: it need not
                // be read again for the change summary.
                if let (Some(newest), Some(seen)) = (versions.entries.first(), &self.seen) {
                    if newest.revision == seen.revision && newest.saved_at_ms == seen.saved_at_ms {
                        newest.know_report(seen.report.clone());
                    }
                }
                versions
            }
        };
        versions.record_with(
            &draft.report,
            report_json,
            draft.saved_at_ms,
            draft.revision,
            self.keep_newest_version,
        );
        self.keep_newest_version = kind == SaveKind::Explicit;
        if let Err(error) = write_history(storage, &self.id, &mut versions) {
            fx.warning = Some(format!("history not saved: {}", error.message().en));
        }
        fx.history = Some(versions.entries.clone());
        self.history = Some(versions);
        update_index(
            storage,
            &self.id,
            Some(index_entry_counted(&draft, &counts).made_from(&text)),
        );
        self.ancestor = self.seen.take().map(|seen| seen.report);
        self.clean = (draft.report.clone(), draft.auto_total);
        self.seen = Some(draft);
        self.seen_text = Some(text);
        self.set_status(SaveStatus::Saved { at_ms }, fx);
    }

    /// Takes another tab's save of the open draft: as it is when nothing here is unsaved,
    /// merged with this tab's unsaved edits otherwise (and the user is told). Returns what is
    /// on screen now, and whether this tab's own last write had been written over (it is then
    /// merged back in, and must be written again at once).
    fn merge_in(
        &mut self,
        theirs: DraftEnvelope,
        theirs_text: Option<String>,
        (mine, auto_total): (Report, bool),
        fx: &mut Effects,
    ) -> ((Report, bool), bool) {
        // The same revision as this tab's last write, or an older one: both tabs wrote at
        // once from the save before, and theirs went over ours (two browser processes each
        // read the storage before the other's write reached it). Ours is not lost: it is
        // merged back in from the save both started from, saved or not.
        let written_over = self.ancestor.is_some() && theirs.revision <= self.base_revision();
        let dirty = written_over || self.is_dirty(&mine, auto_total);
        let base = match &self.ancestor {
            Some(ancestor) if written_over => ancestor.clone(),
            _ => self
                .seen
                .as_ref()
                .map_or_else(|| self.clean.0.clone(), |seen| seen.report.clone()),
        };
        let screen = if dirty {
            let (mut merged, mut conflicts) = merge_three_way(&base, &mine, &theirs.report);
            if auto_total {
                // Totals are computed, not typed: two tabs that changed different cells of one
                // row both changed its total, which is no conflict; it is computed again.
                totals::fill_totals(&mut merged);
                conflicts.retain(|place| !totals::is_total(place));
            }
            fx.merged = Some(Merged {
                mine,
                theirs: theirs.report.clone(),
                conflicts,
            });
            (merged, auto_total)
        } else {
            self.set_status(
                SaveStatus::Saved {
                    at_ms: theirs.saved_at_ms,
                },
                fx,
            );
            (theirs.report.clone(), theirs.auto_total)
        };
        fx.show = Some(screen.clone());
        self.clean = (theirs.report.clone(), theirs.auto_total);
        self.ancestor = None;
        self.history = None;
        self.keep_newest_version = true;
        self.deleted_elsewhere = false;
        self.seen = Some(theirs);
        self.seen_text = theirs_text;
        (screen, written_over)
    }

    /// Another tab changed the stored draft (a `storage` event). What is stored now is read
    /// again rather than taken from the event: events can arrive after this tab has already
    /// merged and written past them.
    pub fn on_stored_elsewhere(
        &mut self,
        storage: &mut impl Storage,
        report: &Report,
        auto_total: bool,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        if self.blocked {
            return fx;
        }
        match storage.read(&draft_key(&self.id)) {
            Ok(None) if self.seen.is_some() => self.deleted(&mut fx),
            Ok(Some(raw)) if self.seen_text.as_deref() == Some(raw.as_str()) => {
                // Put back (the other tab undid its delete) as this tab last saw it.
                if self.deleted_elsewhere {
                    self.deleted_elsewhere = false;
                    let at_ms = self.seen.as_ref().map_or(0, |s| s.saved_at_ms);
                    self.set_status(SaveStatus::Saved { at_ms }, &mut fx);
                    self.schedule(now_ms as f64, report, auto_total, &mut fx);
                }
            }
            Ok(Some(raw)) => match decode(&raw) {
                Ok(theirs) if !self.has_seen(&theirs) => {
                    let was_deleted = std::mem::take(&mut self.deleted_elsewhere);
                    let ((report, auto_total), written_over) =
                        self.merge_in(theirs, Some(raw), (report.clone(), auto_total), &mut fx);
                    if was_deleted && fx.status.is_none() {
                        let at_ms = self.seen.as_ref().map_or(0, |s| s.saved_at_ms);
                        self.set_status(SaveStatus::Saved { at_ms }, &mut fx);
                    }
                    if written_over {
                        // This tab's work is only on its screen now: written again at once.
                        let saved =
                            self.save(SaveKind::Flush, storage, &report, auto_total, now_ms);
                        fx.then(saved);
                    } else {
                        self.schedule(now_ms as f64, &report, auto_total, &mut fx);
                    }
                }
                Ok(_) => {}
                Err(error) => self.block(storage, error, now_ms, &mut fx),
            },
            Ok(None) | Err(_) => {}
        }
        fx
    }

    /// The draft this tab stored is gone: another tab deleted it. It is not written again.
    fn deleted(&mut self, fx: &mut Effects) {
        self.deleted_elsewhere = true;
        self.debounce_armed = false;
        self.set_status(SaveStatus::DeletedElsewhere, fx);
    }

    /// The stored draft does not read: it is never written over. Its text is kept for
    /// recovery, and this tab stops saving it (the user can still export or keep a copy).
    fn block(
        &mut self,
        storage: &mut impl Storage,
        error: DraftError,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let _ = rescue(storage, &self.id, &error.raw, now_ms);
        self.blocked = true;
        self.debounce_armed = false;
        self.set_status(SaveStatus::Blocked(error.message), fx);
    }
}

/// A draft just written: its text, its report's JSON (for the history), its findings' counts
/// (for the index).
struct Written {
    draft: DraftEnvelope,
    text: String,
    report_json: Value,
    counts: FindingCounts,
}

fn failed(error: &StorageError) -> SaveStatus {
    SaveStatus::Failed(error.message())
}

#[cfg(test)]
mod tests;
