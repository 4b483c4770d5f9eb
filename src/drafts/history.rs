//! The history panel: the open draft's last versions with their time and what changed, each
//! restorable (as one undo step, so a restore can itself be undone).

use crate::app_state::Notice;
use leptos::prelude::*;

use super::button::ActionButton;
use super::status::date_time;
use super::use_drafts;
use super::Drafts;
use crate::i18n;

impl Drafts {
    /// Opens the history panel with the open draft's versions, or closes it.
    pub fn toggle_history(&self) {
        if self.view.history_open.get_untracked() {
            self.view.history_open.set(false);
            return;
        }
        self.history_versions.set(self.open_history().entries);
        self.view.history_open.set(true);
    }

    /// Puts the version at `index` (newest first) back in the editor.
    pub fn restore_version(&self, index: usize) {
        let Some(version) = self
            .history_versions
            .with_untracked(|v| v.get(index).cloned())
        else {
            return;
        };
        let report = match version.report() {
            Ok(report) => report.clone(),
            Err(error) => {
                self.notices.say(error.message);
                return;
            }
        };
        self.store.edit(None, move |r| *r = report);
        self.mark_new_version();
        self.notices.tell(Notice::new(
            format!(
                "{}{}（{}）",
                i18n::RESTORED.zh,
                date_time(version.saved_at_ms),
                version.summary.zh
            ),
            format!(
                "{}{} ({})",
                i18n::RESTORED.en,
                date_time(version.saved_at_ms),
                version.summary.en
            ),
        ));
    }
}

/// The open draft's saved versions, shown while `history_open` (the editor's `Show`, src/app.rs).
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <aside class="history-panel" aria-label=i18n::tr(lang, i18n::HISTORY)>
            <h2>
                {i18n::tr(lang, i18n::HISTORY)}
                <ActionButton class="close" label=i18n::CLOSE on_press=move || drafts.view.history_open.set(false) />
            </h2>
            <p class="hint">{i18n::tr(lang, i18n::HISTORY_HINT)}</p>
            <Show when=move || drafts.history_versions.with(Vec::is_empty)>
                <p class="no-history">{i18n::tr(lang, i18n::NO_HISTORY)}</p>
            </Show>
            <ol class="history-list">
                {move || drafts.history_versions.get().into_iter().enumerate().map(|(index, version)| {
                    let summary = move || lang.get().say(&version.summary).to_owned();
                    view! {
                        <li class="history-version" data-revision=version.revision>
                            <time>{date_time(version.saved_at_ms)}</time>
                            <span class="summary">{summary}</span>
                            <ActionButton class="restore" label=i18n::RESTORE on_press=move || drafts.restore_version(index) />
                        </li>
                    }
                }).collect_view()}
            </ol>
        </aside>
    }
}
