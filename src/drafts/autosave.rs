//! Keeps the open draft saved: after a pause in typing, at once when the page is hidden or
//! closed, on Save (Ctrl+S); and keeps two tabs on one draft from losing each other's work.
//!
//! Invariants, kept by the code next to them:
//! - Nothing is written before the draft has loaded: there is no [`OpenDraft`] until then, and
//!   a draft that did not read is never opened.
//! - Nothing is written over a stored text that does not read: [`Drafts::save_now`] rescues it
//!   and stops saving this draft ([`SaveStatus::Blocked`]).
//! - A tab writes only over the save it last saw. When the stored draft is another one (another
//!   tab saved), the two are merged (`drafts::merge_three_way`) and the merge is written; no tab's
//!   text is lost, and the user is told.
//! - A write is read back and compared (`storage::write`); a refused write keeps the draft in
//!   the page, says so, and is tried again until it succeeds.

use std::time::Duration;

use leptos::prelude::*;
use nianbao_report::drafts::{self, DraftEnvelope, DraftHistory, Resolution, DRAFT_SCHEMA_VERSION};
use nianbao_report::Report;

use super::shelf::{self, Stored};
use super::{Drafts, Merged, SaveStatus, Screen};
use crate::platform::storage::{self, StorageError};

/// The pause in typing after which the draft is saved.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// How often a refused save is tried again (the user may free space at any time).
const RETRY: Duration = Duration::from_secs(2);

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

/// The open draft as this tab knows it.
pub struct OpenDraft {
    pub id: String,
    /// The draft as this tab last read or wrote it: what it may write over. None before the
    /// first save of a new draft.
    seen: Option<DraftEnvelope>,
    /// The report before this tab's last write: the common ancestor when another tab wrote the
    /// same revision at the same moment.
    ancestor: Option<Report>,
    /// The report and auto-total that count as saved.
    clean: (Report, bool),
    /// The next history record starts a new version instead of updating the newest.
    keep_newest_version: bool,
    history: Option<DraftHistory>,
    debounce: Option<leptos::prelude::TimeoutHandle>,
    /// When the report last changed (ms since the epoch): the debounce timer reads it.
    last_change_ms: f64,
    retry: Option<leptos::prelude::TimeoutHandle>,
    /// Saving stopped: the stored text does not read and must not be written over.
    blocked: bool,
}

impl OpenDraft {
    pub fn new(draft: DraftEnvelope, stored: bool) -> OpenDraft {
        OpenDraft {
            id: draft.id.clone(),
            clean: (draft.report.clone(), draft.auto_total),
            ancestor: None,
            seen: stored.then_some(draft),
            keep_newest_version: true,
            history: None,
            debounce: None,
            last_change_ms: 0.0,
            retry: None,
            blocked: false,
        }
    }

    pub fn cancel_timers(&self) {
        if let Some(timer) = self.debounce {
            timer.clear();
        }
        if let Some(timer) = self.retry {
            timer.clear();
        }
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
}

impl Drafts {
    /// Whether the report on screen differs from the one saved.
    fn is_dirty(&self) -> bool {
        let (report, auto_total) = (self.store.report, self.store.auto_total.get_untracked());
        self.open.with_value(|open| {
            open.as_ref().is_some_and(|open| {
                !open.blocked
                    && (open.clean.1 != auto_total || report.with_untracked(|r| *r != open.clean.0))
            })
        })
    }

    /// Called on every change of the report: saves after a pause in typing.
    pub fn schedule_save(&self) {
        if !self.is_dirty() {
            return;
        }
        if !matches!(
            self.status.get_untracked(),
            SaveStatus::Full { .. } | SaveStatus::Pending
        ) {
            self.status.set(SaveStatus::Pending);
        }
        // One timer at a time, re-armed from its own callback while typing goes on: a timer
        // cleared before it fires would leak its callback (Leptos's timeouts are one-shot
        // closures freed only when called), one per keystroke.
        let now = js_sys::Date::now();
        let arm = self
            .open
            .try_update_value(|open| {
                open.as_mut().map(|open| {
                    open.last_change_ms = now;
                    open.debounce.is_none()
                })
            })
            .flatten()
            .unwrap_or(false);
        if arm {
            self.arm_debounce(DEBOUNCE);
        }
    }

    fn arm_debounce(&self, wait: Duration) {
        let drafts = *self;
        let timer = set_timeout_with_handle(move || drafts.on_debounce(), wait).ok();
        self.open.update_value(|open| {
            if let Some(open) = open {
                open.debounce = timer;
            }
        });
    }

    /// The pause timer fired: save if typing has paused for DEBOUNCE, else wait the rest.
    fn on_debounce(&self) {
        let since = self
            .open
            .try_update_value(|open| {
                open.as_mut().map(|open| {
                    open.debounce = None;
                    js_sys::Date::now() - open.last_change_ms
                })
            })
            .flatten();
        let pause = DEBOUNCE.as_millis() as f64;
        match since {
            Some(ms) if ms < pause => {
                self.arm_debounce(Duration::from_millis((pause - ms).ceil().max(1.0) as u64));
            }
            Some(_) => self.save_now(SaveKind::Auto),
            None => {}
        }
    }

    /// Saves now what is not saved yet: the page is being hidden or closed.
    pub fn flush(&self) {
        self.save_now(SaveKind::Flush);
    }

    /// Writes the open draft, merging first when another tab saved it since this tab last did.
    pub fn save_now(&self, kind: SaveKind) {
        let Some(id) = self
            .open
            .with_value(|open| open.as_ref().map(|o| o.id.clone()))
        else {
            return;
        };
        self.open.update_value(|open| {
            if let Some(open) = open {
                open.cancel_timers();
                open.debounce = None;
                open.retry = None;
            }
        });
        if self
            .open
            .with_value(|open| open.as_ref().is_some_and(|o| o.blocked))
        {
            return;
        }
        if kind == SaveKind::Explicit && !self.persist_asked.get_value() {
            self.persist_asked.set_value(true);
            storage::ask_persistent();
        }
        let never_stored = self
            .open
            .with_value(|open| open.as_ref().is_some_and(|o| o.seen.is_none()));
        let must_store = kind == SaveKind::Create || (kind == SaveKind::Explicit && never_stored);
        if !must_store && !self.is_dirty() {
            if kind == SaveKind::Explicit {
                // The version on screen is the one the user asked for: the next save starts another.
                self.open.update_value(|open| {
                    if let Some(open) = open {
                        open.keep_newest_version = true;
                    }
                });
            }
            let seen_at = self.open.with_value(|open| {
                open.as_ref()
                    .and_then(|o| o.seen.as_ref().map(|s| s.saved_at_ms))
            });
            self.status.set(match seen_at {
                Some(at_ms) => SaveStatus::Saved { at_ms },
                None => SaveStatus::Idle,
            });
            return;
        }
        // Each round either writes, stops, or merges another tab's save and goes round again;
        // a third tab saving in between every round is the only way to need more than two.
        for _ in 0..5 {
            let stored = match shelf::read_draft(&id) {
                Ok(Stored::Nothing) => None,
                Ok(Stored::Draft(draft)) => Some(*draft),
                Ok(Stored::Unreadable(error)) => {
                    self.block(&id, error);
                    return;
                }
                Err(error) => {
                    self.status.set(SaveStatus::Failed {
                        zh: error.message_zh(),
                        en: error.message_en(),
                    });
                    return;
                }
            };
            // Another tab's save: merged into what is on screen, then round again.
            if let Some(theirs) = stored.as_ref().filter(|s| {
                !self
                    .open
                    .with_value(|o| o.as_ref().is_some_and(|o| o.has_seen(s)))
            }) {
                self.merge_in(theirs.clone());
                continue;
            }
            let mine = DraftEnvelope {
                schema_version: DRAFT_SCHEMA_VERSION,
                id: id.clone(),
                saved_at_ms: shelf::now_ms(),
                revision: 0,
                tab_id: self.tab_id(),
                report: self.store.report.get_untracked(),
                auto_total: self.store.auto_total.get_untracked(),
            };
            let base_revision = self
                .open
                .with_value(|o| o.as_ref().map_or(0, OpenDraft::base_revision));
            match drafts::resolve(stored.as_ref(), &mine, base_revision) {
                Resolution::Write(draft) => {
                    match shelf::write_draft(&draft) {
                        Ok(()) => self.after_write(draft, kind),
                        Err(StorageError::WriteRefused(why)) => {
                            self.status.set(SaveStatus::Full { why });
                            let drafts = *self;
                            let timer = set_timeout_with_handle(
                                move || drafts.save_now(SaveKind::Auto),
                                RETRY,
                            )
                            .ok();
                            self.open.update_value(|open| {
                                if let Some(open) = open {
                                    open.retry = timer;
                                }
                            });
                        }
                        Err(error) => self.status.set(SaveStatus::Failed {
                            zh: error.message_zh(),
                            en: error.message_en(),
                        }),
                    }
                    return;
                }
                Resolution::Conflict { theirs } => self.merge_in(theirs),
            }
        }
        // Other tabs kept saving in between: what is on screen is merged; try again shortly.
        self.schedule_save();
    }

    /// The open draft's versions: the ones this tab keeps, or the stored ones.
    pub(super) fn open_history(&self) -> DraftHistory {
        let cached = self
            .open
            .with_value(|open| open.as_ref().map(|o| (o.id.clone(), o.history.clone())));
        match cached {
            Some((_, Some(history))) => history,
            Some((id, None)) => shelf::read_history(&id),
            None => DraftHistory::default(),
        }
    }

    /// The next save starts a new version in the history (after a restore or a merge, the
    /// version before it stays restorable).
    pub(super) fn mark_new_version(&self) {
        self.open.update_value(|open| {
            if let Some(open) = open {
                open.keep_newest_version = true;
            }
        });
    }

    /// The stored draft does not read: it is never written over. Its text is kept for
    /// recovery, and this tab stops saving it (the user can still export or keep a copy).
    fn block(&self, id: &str, error: drafts::DraftError) {
        let _ = shelf::rescue(id, &error.raw);
        self.open.update_value(|open| {
            if let Some(open) = open {
                open.cancel_timers();
                open.blocked = true;
            }
        });
        self.status.set(SaveStatus::Blocked {
            zh: error.message_zh,
            en: error.message_en,
        });
    }

    /// A save went through: it is now what this tab has seen; the history and the index follow.
    fn after_write(&self, draft: DraftEnvelope, kind: SaveKind) {
        let id = draft.id.clone();
        let at_ms = draft.saved_at_ms;
        let mut history = None;
        self.open.update_value(|open| {
            let Some(open) = open else { return };
            open.ancestor = open.seen.as_ref().map(|seen| seen.report.clone());
            open.clean = (draft.report.clone(), draft.auto_total);
            let mut versions = open
                .history
                .take()
                .unwrap_or_else(|| shelf::read_history(&id));
            versions.record(
                &draft.report,
                draft.saved_at_ms,
                draft.revision,
                open.keep_newest_version,
            );
            open.keep_newest_version = kind == SaveKind::Explicit;
            if let Err(error) = shelf::write_history(&id, &mut versions) {
                web_sys::console::warn_1(
                    &format!("history not saved: {}", error.message_en()).into(),
                );
            }
            history = Some(versions.clone());
            open.history = Some(versions);
            open.seen = Some(draft.clone());
        });
        shelf::update_index(&id, Some(drafts::index_entry(&draft)));
        if let Some(history) = history {
            self.history_versions.set(history.entries);
        }
        self.status.set(SaveStatus::Saved { at_ms });
    }

    /// Takes another tab's save of the open draft: as it is when nothing here is unsaved,
    /// merged with this tab's unsaved edits otherwise (and the user is told).
    fn merge_in(&self, theirs: DraftEnvelope) {
        let dirty = self.is_dirty();
        let Some(base) = self.open.with_value(|open| {
            open.as_ref().map(|open| match &open.ancestor {
                // The same revision as this tab's last write: both wrote at once, from the
                // save before.
                Some(ancestor) if theirs.revision <= open.base_revision() => ancestor.clone(),
                _ => open
                    .seen
                    .as_ref()
                    .map_or_else(|| open.clean.0.clone(), |seen| seen.report.clone()),
            })
        }) else {
            return;
        };
        let at_ms = theirs.saved_at_ms;
        if dirty {
            let mine = self.store.report.get_untracked();
            let (merged, conflicts) = drafts::merge_three_way(&base, &mine, &theirs.report);
            self.store
                .replace_report(merged, self.store.auto_total.get_untracked());
            self.merged.set(Some(Merged {
                mine,
                theirs: theirs.report.clone(),
                conflicts,
            }));
        } else {
            self.store
                .replace_report(theirs.report.clone(), theirs.auto_total);
            self.status.set(SaveStatus::Saved { at_ms });
        }
        self.open.update_value(|open| {
            let Some(open) = open else { return };
            open.clean = (theirs.report.clone(), theirs.auto_total);
            open.ancestor = None;
            open.history = None;
            open.keep_newest_version = true;
            open.seen = Some(theirs);
        });
    }

    /// Another tab stored the open draft. What is stored now is read again rather than taken
    /// from the event: events can arrive after this tab has already merged and written past them.
    fn on_saved_elsewhere(&self) {
        let Some(id) = self
            .open
            .with_value(|open| open.as_ref().map(|o| o.id.clone()))
        else {
            return;
        };
        match shelf::read_draft(&id) {
            Ok(Stored::Draft(theirs)) => {
                let known = self
                    .open
                    .with_value(|open| open.as_ref().is_none_or(|open| open.has_seen(&theirs)));
                if !known {
                    self.merge_in(*theirs);
                    self.schedule_save();
                }
            }
            Ok(Stored::Unreadable(error)) => self.block(&id, error),
            // Deleted in the other tab: the next save stores it again, since it is open here.
            Ok(Stored::Nothing) | Err(_) => {}
        }
    }
}

/// Wires the autosave to the store and the page: saves after edits, flushes when the page is
/// hidden or closed, Ctrl+S, and hears other tabs.
pub fn install(drafts: Drafts) {
    let store = drafts.store;
    Effect::new(move |_| {
        store.report.track();
        store.auto_total.track();
        drafts.schedule_save();
    });
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            drafts.flush();
        }
    });
    let _ = window_event_listener_untyped("pagehide", move |_| drafts.flush());
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        drafts.flush();
        // Work that is only in this page: let the browser ask before it goes.
        let only_here = drafts.status.with_untracked(SaveStatus::is_unsaved)
            || (storage::in_memory() && drafts.open_id.with_untracked(Option::is_some));
        if only_here {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key())
            && !ev.is_composing()
            && ev.key().eq_ignore_ascii_case("s")
        {
            ev.prevent_default();
            if drafts.screen.get_untracked() == Screen::Editor {
                drafts.save_now(SaveKind::Explicit);
            }
        }
    });
    storage::on_other_tab_change(move |name, _| {
        let Some(name) = name else {
            drafts.refresh_list();
            return;
        };
        let draft_id = drafts::draft_id(&name).map(str::to_owned);
        if let Some(id) = &draft_id {
            if drafts
                .open
                .with_value(|open| open.as_ref().is_some_and(|o| &o.id == id))
            {
                drafts.on_saved_elsewhere();
            }
        }
        if drafts.screen.get_untracked() == Screen::List
            && (draft_id.is_some() || name == drafts::INDEX_KEY)
        {
            drafts.refresh_list();
        }
    });
}
