//! Keeps the open draft saved: after a pause in typing, at once when the page is hidden or
//! closed, on Save (Ctrl+S); and hears other tabs. The decisions are the core's state machine
//! (`nianbao_report::drafts::autosave`, with its invariants and tests); this module binds it to
//! the page: it feeds it the store's report, the clock and the browser's events, and performs
//! its effects (timers, the report on screen, the banners).

use std::time::Duration;

use leptos::prelude::*;
use nianbao_report::drafts::autosave::{Debounce, Effects, OpenDraft, RETRY_MS};
use nianbao_report::drafts::{self, DraftHistory, FindingCounts};

use super::{shelf, Drafts, SaveStatus, Screen};
use crate::platform::storage::{self, LocalStorage};
use crate::platform::tick::monotonic_ms;

pub use nianbao_report::drafts::autosave::SaveKind;

/// The open draft's timers. One pause timer at a time, re-armed from its own callback while
/// typing goes on: a timer cleared before it fires would leak its callback (Leptos's timeouts
/// are one-shot closures freed only when called), one per keystroke.
#[derive(Default)]
pub struct Timers {
    debounce: Option<TimeoutHandle>,
    retry: Option<TimeoutHandle>,
}

impl Timers {
    pub fn cancel(&mut self) {
        if let Some(timer) = self.debounce.take() {
            timer.clear();
        }
        if let Some(timer) = self.retry.take() {
            timer.clear();
        }
    }
}

impl Drafts {
    /// Runs a transition of the open draft's state machine, if a draft is open.
    pub(super) fn with_open<R>(&self, transition: impl FnOnce(&mut OpenDraft) -> R) -> Option<R> {
        self.open
            .try_update_value(|open| open.as_mut().map(transition))
            .flatten()
    }

    /// Performs what a transition asks of the page.
    fn perform(&self, effects: Effects) {
        let Effects {
            status,
            show,
            merged,
            history,
            arm_debounce_ms,
            arm_retry,
            ask_persistent,
            warning,
        } = effects;
        if let Some((report, auto_total)) = show {
            self.store.replace_report(report, auto_total);
        }
        if let Some(merged) = merged {
            self.merged.set(Some(merged));
        }
        if let Some(history) = history {
            self.history_versions.set(history);
        }
        if let Some(status) = status {
            self.storage.status.set(status);
        }
        if let Some(ms) = arm_debounce_ms {
            self.arm_debounce(Duration::from_millis(ms));
        }
        if arm_retry {
            let drafts = *self;
            let timer = set_timeout_with_handle(
                move || drafts.save_now(SaveKind::Auto),
                Duration::from_millis(RETRY_MS),
            )
            .ok();
            self.timers.update_value(|t| t.retry = timer);
        }
        if ask_persistent && !self.persist_asked.get_value() {
            self.persist_asked.set_value(true);
            storage::ask_persistent();
        }
        if let Some(warning) = warning {
            web_sys::console::warn_1(&warning.into());
        }
    }

    /// Called on every change of the report: saves after a pause in typing.
    pub fn schedule_save(&self) {
        let (report, auto_total) = (self.store.report, self.store.auto_total.get_untracked());
        let now = monotonic_ms();
        if let Some(effects) =
            self.with_open(|open| report.with_untracked(|r| open.on_change(now, r, auto_total)))
        {
            self.perform(effects);
        }
    }

    fn arm_debounce(&self, wait: Duration) {
        let drafts = *self;
        let timer = set_timeout_with_handle(move || drafts.on_debounce(), wait).ok();
        self.timers.update_value(|t| t.debounce = timer);
    }

    /// The pause timer fired: save if typing has paused, else wait the rest.
    fn on_debounce(&self) {
        self.timers.update_value(|t| t.debounce = None);
        match self.with_open(|open| open.on_debounce(monotonic_ms())) {
            Some(Debounce::Wait(ms)) => self.arm_debounce(Duration::from_millis(ms)),
            Some(Debounce::Save) => self.save_now(SaveKind::Auto),
            None => {}
        }
    }

    /// Saves now what is not saved yet: the page is being hidden or closed.
    pub fn flush(&self) {
        self.save_now(SaveKind::Flush);
    }

    /// Writes the open draft, merging first when another tab saved it since this tab last did.
    pub fn save_now(&self, kind: SaveKind) {
        self.timers.update_value(Timers::cancel);
        let (report, auto_total) = (self.store.report, self.store.auto_total.get_untracked());
        let now = shelf::now_ms();
        // The editor's findings of the report on screen: the index needs only their counts, of
        // what the list counts (the rules run at once, and the import's notes while kept).
        let counts = self
            .store
            .at_once
            .try_with_untracked(|findings| FindingCounts::count(findings))
            .map(|counts| {
                counts.plus(
                    self.store
                        .imported
                        .with_untracked(|notes| FindingCounts::count(notes)),
                )
            });
        let effects = self.with_open(|open| {
            report.with_untracked(|r| {
                open.save_counted(kind, &mut LocalStorage, r, auto_total, now, counts)
            })
        });
        if let Some(effects) = effects {
            self.perform(effects);
        }
    }

    /// The open draft's versions: the ones this tab keeps, or the stored ones.
    pub(super) fn open_history(&self) -> DraftHistory {
        let now = shelf::now_ms();
        self.with_open(|open| open.history(&mut LocalStorage, now))
            .unwrap_or_default()
    }

    /// The next save starts a new version in the history (after a restore or a merge, the
    /// version before it stays restorable).
    pub(super) fn mark_new_version(&self) {
        self.with_open(OpenDraft::mark_new_version);
    }

    /// Another tab changed the stored open draft.
    fn on_saved_elsewhere(&self) {
        let (report, auto_total) = (self.store.report, self.store.auto_total.get_untracked());
        let now = shelf::now_ms();
        let effects = self.with_open(|open| {
            report
                .with_untracked(|r| open.on_stored_elsewhere(&mut LocalStorage, r, auto_total, now))
        });
        if let Some(effects) = effects {
            self.perform(effects);
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
        let only_here = drafts.storage.status.with_untracked(SaveStatus::is_unsaved)
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
            if drafts.view.screen.get_untracked() == Screen::Editor {
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
        if drafts.view.screen.get_untracked() == Screen::List
            && (draft_id.is_some() || name == drafts::INDEX_KEY || name.starts_with("recovery:"))
        {
            drafts.refresh_list();
        }
    });
}
