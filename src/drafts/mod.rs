//! Drafts that are never lost: the list of drafts, the open draft and its autosave, history,
//! and files in and out. [`Drafts`] is what the user does with them; what is stored
//! ([`StorageState`]) and what the page shows ([`DraftsView`]) are small contexts of their own.
//! The components in the submodules are named after what the user sees.
//!
//! The stored shapes and the decisions about them (envelope, index, two tabs, history) are the
//! core's, `nianbao_report::drafts`; `shelf` reads and writes them, `autosave` keeps the open
//! draft saved.

pub mod autosave;
pub mod banners;
pub mod button;
pub mod first_screen;
pub mod history;
pub mod import;
pub mod list;
pub mod shelf;
pub mod status;

use leptos::prelude::*;
use nianbao_report::date::{self, Date};
use nianbao_report::drafts::{self as core_drafts, DraftEnvelope, HistoryEntry, Resolution};
use nianbao_report::export::json;
use nianbao_report::format::AgencyKind;
use nianbao_report::import::transfer::NoteText;
use nianbao_report::{next_year, Report};
use wasm_bindgen::JsValue;

use crate::app_state::Notice;
use crate::app_state::Notices;
use crate::platform::{files, storage, tick};
use crate::store::Store;
use autosave::{SaveKind, Timers};
use nianbao_report::drafts::autosave::OpenDraft;
use nianbao_report::drafts::shelf::Recovery;
use shelf::{Listed, Stored};

/// How long work put off until the page is idle may wait (see [`tick::when_idle`]).
const AT_MOST_MS: i32 = 1000;

/// Which screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// No draft yet: the ways in (from last year's report, a blank report, a JSON file).
    First,
    List,
    Editor,
}

/// What a report brought in becomes: a draft of itself, or next year's draft from it (the first
/// screen's 「从上年年报开始」).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImportPurpose {
    #[default]
    AsIs,
    NextYear,
}

/// What the header says about saving the open draft, and a merge of another tab's save: the
/// core's autosave decides them.
pub use nianbao_report::drafts::autosave::{Merged, SaveStatus};

/// A draft just deleted, kept for undo until the page closes or another is deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub id: String,
    pub title: String,
    removed: shelf::Removed,
}

/// What the page shows of the drafts: which screen, which panel or dialog is open. Page state,
/// nothing stored.
#[derive(Clone, Copy)]
pub struct DraftsView {
    pub screen: RwSignal<Screen>,
    pub history_open: RwSignal<bool>,
    pub paste_import_open: RwSignal<bool>,
    pub import_purpose: RwSignal<ImportPurpose>,
    /// Text handed to the paste-import dialog (a dropped HTML or text file).
    pub paste_import_text: RwSignal<String>,
    /// Files are being dragged over the page.
    pub dropping: RwSignal<bool>,
    /// The user chose to keep the old recovered texts for now.
    pub keep_old_recoveries: RwSignal<bool>,
}

/// What is stored, as this page knows it: the drafts, the texts kept for recovery, whether the
/// open draft is saved, and whether there is a browser storage at all.
#[derive(Clone, Copy)]
pub struct StorageState {
    /// localStorage is unavailable: everything lives in this page.
    pub in_memory: RwSignal<bool>,
    /// Every stored draft, the newest edit first.
    pub list: RwSignal<Vec<Listed>>,
    /// Texts kept under recovery keys (drafts or histories that did not read), the oldest first.
    pub recoveries: RwSignal<Vec<Recovery>>,
    /// Whether the open draft is saved.
    pub status: RwSignal<SaveStatus>,
}

/// The drafts: what the user does with them (open, save, delete, rename …), over the storage
/// state and the view, which are contexts of their own.
#[derive(Clone, Copy)]
pub struct Drafts {
    pub store: Store,
    pub notices: Notices,
    pub view: DraftsView,
    pub storage: StorageState,
    /// The id of the open draft.
    pub open_id: RwSignal<Option<String>>,
    pub merged: RwSignal<Option<Merged>>,
    pub deleted: RwSignal<Option<Deleted>>,
    /// The open draft's versions, the newest first (kept up to date after each save).
    pub history_versions: RwSignal<Vec<HistoryEntry>>,
    open: StoredValue<Option<OpenDraft>>,
    timers: StoredValue<Timers>,
    tab_id: StoredValue<String>,
    persist_asked: StoredValue<bool>,
    /// True while the page starts: the draft it opens then has its address written once the
    /// page is idle (see `begin`).
    starting: StoredValue<bool>,
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

impl Drafts {
    /// Reads the stored drafts and opens the one to start with: the one named in the address
    /// (`#draft=<id>`), else the only one, else a new blank one when there is none; with more
    /// than one (or a damaged one) the list.
    pub fn start(store: Store, notices: Notices) -> Drafts {
        let in_memory = storage::use_memory_if_unavailable();
        let drafts = Drafts {
            store,
            notices,
            view: DraftsView {
                screen: RwSignal::new(Screen::Editor),
                history_open: RwSignal::new(false),
                paste_import_open: RwSignal::new(false),
                import_purpose: RwSignal::new(ImportPurpose::AsIs),
                paste_import_text: RwSignal::new(String::new()),
                dropping: RwSignal::new(false),
                keep_old_recoveries: RwSignal::new(false),
            },
            storage: StorageState {
                in_memory: RwSignal::new(in_memory),
                list: RwSignal::new(Vec::new()),
                recoveries: RwSignal::new(Vec::new()),
                status: RwSignal::new(SaveStatus::Idle),
            },
            open_id: RwSignal::new(None),
            merged: RwSignal::new(None),
            deleted: RwSignal::new(None),
            history_versions: RwSignal::new(Vec::new()),
            open: StoredValue::new(None),
            timers: StoredValue::new(Timers::default()),
            tab_id: StoredValue::new(shelf::new_tab_id()),
            persist_asked: StoredValue::new(false),
            starting: StoredValue::new(true),
        };
        provide_context(drafts.view);
        provide_context(drafts.storage);
        // The draft to open is found from the drafts' keys alone; the list, which reads every
        // draft, and the texts kept for recovery are shown on the list's screen and read once
        // the page is idle (or when the list shows), so that opening a draft does not wait.
        let ids = match shelf::draft_ids() {
            Ok(ids) => ids,
            Err(error) => {
                drafts.notices.say(error.message());
                Vec::new()
            }
        };
        let addressed = hash_draft_id().filter(|id| ids.contains(id));
        let opened = addressed.as_ref().is_some_and(|id| drafts.open(id));
        if !opened {
            match ids.as_slice() {
                [] => drafts.view.screen.set(Screen::First),
                // A damaged draft does not open (it is rescued, and the list says so): it is not
                // tried twice.
                [only] if addressed.as_ref() != Some(only) => {
                    if !drafts.open(only) {
                        drafts.show_list();
                    }
                }
                _ => drafts.show_list(),
            }
        }
        if drafts.view.screen.get_untracked() != Screen::List {
            tick::when_idle(AT_MOST_MS, Box::new(move || drafts.refresh_list()));
        }
        autosave::install(drafts);
        drafts.starting.set_value(false);
        drafts
    }

    pub fn tab_id(&self) -> String {
        self.tab_id.get_value()
    }

    /// Reads the list of drafts again (after a change here or in another tab).
    pub fn refresh_list(&self) {
        match shelf::load_list().and_then(|list| Ok((list, shelf::recoveries()?))) {
            Ok((list, recoveries)) => {
                self.storage.list.set(list);
                self.storage.recoveries.set(recoveries);
            }
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// Saves a text kept under a recovery key as a file.
    pub fn download_recovery(&self, recovery: &Recovery) {
        match shelf::read_recovery(&recovery.name) {
            Ok(Some(text)) => {
                if let Err(why) = files::download(&recovery.file_name(), "application/json", &text)
                {
                    self.notices.say(Notice::new(
                        format!("下载失败：{why}"),
                        format!("Download failed: {why}"),
                    ));
                }
            }
            Ok(None) => self.refresh_list(),
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// Deletes a text kept under a recovery key (the user asked).
    pub fn delete_recovery(&self, recovery: &Recovery) {
        if let Err(error) = shelf::remove_recovery(&recovery.name) {
            self.notices.say(error.message());
        }
        self.refresh_list();
    }

    /// Deletes the texts kept longer than the core's limit (the user agreed).
    pub fn remove_old_recoveries(&self) {
        match shelf::remove_old_recoveries() {
            Ok(removed) => self.notices.tell(Notice::new(
                format!("已清理{removed}份过期的恢复文本"),
                format!("{removed} old recovered texts removed"),
            )),
            Err(error) => self.notices.say(error.message()),
        }
        self.refresh_list();
    }

    /// Opens a stored draft in the editor. A draft that does not read is rescued and stays in
    /// the list, marked damaged; false then.
    pub fn open(&self, id: &str) -> bool {
        if !self.close_open() {
            return false;
        }
        match shelf::read_draft(id) {
            Ok(Stored::Draft(draft, text)) => {
                self.begin(*draft, Some(text));
                true
            }
            Ok(Stored::Unreadable(error)) => {
                let _ = shelf::rescue(id, &error.raw);
                self.refresh_list();
                self.notices.say(error.message);
                false
            }
            Ok(Stored::Nothing) => {
                self.refresh_list();
                false
            }
            Err(error) => {
                self.notices.say(error.message());
                false
            }
        }
    }

    /// Opens a new draft holding `report`. With `store_now` it is saved at once (made from the
    /// list: new, next year's, imported); otherwise on its first edit, so that opening the app
    /// and leaving stores no empty draft.
    pub fn start_new(&self, report: Report, store_now: bool) {
        self.start_draft(report, true, store_now);
    }

    /// A new draft from an imported report, with auto-total off: it keeps its totals as read.
    /// The import's notes are kept beside it.
    pub fn start_imported(&self, report: Report, notes: Vec<NoteText>) {
        let Some(id) = self.start_draft(report, false, true) else {
            return;
        };
        if notes.is_empty() {
            return;
        }
        // The notes are the importer's words, not the user's: a storage too full for them
        // still shows them for this visit.
        let _ = shelf::write_import_notes(&id, &notes);
        self.store
            .imported
            .set(notes.iter().filter_map(NoteText::finding).collect());
    }

    /// The import's notes put away for good, on the user's word.
    pub fn dismiss_import_notes(&self) {
        if let Some(id) = self.open_id.get_untracked() {
            let _ = shelf::remove_import_notes(&id);
        }
        self.store.imported.set(Vec::new());
    }

    /// Opens a new draft; None when the user chose to stay with the open one (it could not be
    /// saved), else the new draft's id.
    fn start_draft(&self, report: Report, auto_total: bool, store_now: bool) -> Option<String> {
        if !self.close_open() {
            return None;
        }
        let draft = new_envelope(report, &self.tab_id(), auto_total);
        let id = draft.id.clone();
        self.begin(draft, None);
        if store_now {
            self.save_now(SaveKind::Create);
        }
        Some(id)
    }

    /// Puts a draft in the editor; `stored_text` is the text it was read from (None: new).
    fn begin(&self, draft: DraftEnvelope, stored_text: Option<String>) {
        self.store
            .replace_report(draft.report.clone(), draft.auto_total);
        self.merged.set(None);
        self.view.history_open.set(false);
        self.open_id.set(Some(draft.id.clone()));
        self.store.imported.set(
            shelf::read_import_notes(&draft.id)
                .iter()
                .filter_map(NoteText::finding)
                .collect(),
        );
        if self.starting.get_value() {
            // The draft the page opens with: a history call is a millisecond or more that the
            // report's first drawing need not wait for; a reload before it still finds the
            // draft (the only one, or the list).
            let (id, open_id) = (draft.id.clone(), self.open_id);
            tick::when_idle(
                AT_MOST_MS,
                Box::new(move || {
                    if open_id.get_untracked().as_deref() == Some(id.as_str()) {
                        set_hash(Some(&id));
                    }
                }),
            );
        } else {
            set_hash(Some(&draft.id));
        }
        let open = OpenDraft::new(draft, stored_text).with_tab(&self.tab_id());
        self.storage.status.set(open.status().clone());
        self.open.set_value(Some(open));
        self.view.screen.set(Screen::Editor);
    }

    /// Saves and closes the open draft. When it cannot be saved, the user decides whether to
    /// leave it (false: stay).
    fn close_open(&self) -> bool {
        if self.open.with_value(Option::is_none) {
            return true;
        }
        self.flush();
        if self.storage.status.with_untracked(SaveStatus::is_unsaved)
            && !confirm(crate::i18n::LEAVE_UNSAVED)
        {
            return false;
        }
        self.timers.update_value(Timers::cancel);
        self.open.set_value(None);
        self.open_id.set(None);
        true
    }

    /// The start screen: every draft.
    pub fn show_list(&self) {
        if !self.close_open() {
            return;
        }
        self.refresh_list();
        self.view.history_open.set(false);
        self.merged.set(None);
        set_hash(None);
        self.view.screen.set(Screen::List);
    }

    /// Saves the open draft and goes to another page of the app (`url`, relative to this one).
    pub fn go_to_page(&self, url: &str) {
        if !self.close_open() {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_href(url);
        }
    }

    /// Gives a draft another title (the report's title field).
    pub fn rename(&self, id: &str, title: String) {
        self.change_stored(id, |report| report.meta.title = title);
    }

    /// Writes a change into a stored draft that is not open here (a tab that has it open takes
    /// the change from the `storage` event).
    fn change_stored(&self, id: &str, change: impl FnOnce(&mut Report)) {
        let Ok(Stored::Draft(stored, _)) = shelf::read_draft(id) else {
            self.refresh_list();
            return;
        };
        let mut mine = (*stored).clone();
        change(&mut mine.report);
        mine.saved_at_ms = shelf::now_ms();
        mine.tab_id = self.tab_id();
        if let Resolution::Write(draft) =
            core_drafts::resolve(Some(&stored), &mine, stored.revision)
        {
            match shelf::write_draft(&draft) {
                Ok(text) => {
                    shelf::update_index(id, Some(core_drafts::index_entry(&draft).made_from(&text)))
                }
                Err(error) => self.notices.say(error.message()),
            }
        }
        self.refresh_list();
    }

    /// Stores a copy of a draft as a new draft (it shows first in the list).
    pub fn duplicate(&self, id: &str) {
        let Ok(Stored::Draft(stored, _)) = shelf::read_draft(id) else {
            self.refresh_list();
            return;
        };
        if let Err(error) = self.store_copy(stored.report, stored.auto_total) {
            self.notices.say(error.message());
        }
        self.refresh_list();
    }

    /// Stores `report` as a new draft without opening it.
    fn store_copy(
        &self,
        report: Report,
        auto_total: bool,
    ) -> Result<String, storage::StorageError> {
        store_new(report, &self.tab_id(), auto_total)
    }

    /// A report brought in (imported, read from a file) as a draft: of itself, with the
    /// import's notes, or next year's (last year's notes are no part of it).
    pub fn start_from(&self, report: Report, purpose: ImportPurpose, notes: Vec<NoteText>) {
        match purpose {
            ImportPurpose::AsIs => self.start_imported(report, notes),
            ImportPurpose::NextYear => self.start_new(next_year::next_year_draft(&report), true),
        }
    }

    /// Opens the published-report import, for a draft of the report or of the year after it.
    pub fn open_paste_import(&self, purpose: ImportPurpose) {
        self.view.import_purpose.set(purpose);
        self.view.paste_import_open.set(true);
    }

    /// Next year's draft of a stored one (the core's carry-over), opened.
    pub fn next_year(&self, id: &str) {
        let Ok(Stored::Draft(stored, _)) = shelf::read_draft(id) else {
            self.refresh_list();
            return;
        };
        self.start_new(next_year::next_year_draft(&stored.report), true);
    }

    /// Deletes a draft and its history; [`Self::undo_delete`] puts them back.
    pub fn delete(&self, id: &str) {
        let title = self.storage.list.with_untracked(|list| {
            list.iter()
                .find(|l| l.entry.id == id)
                .map(|l| l.entry.title.clone())
                .unwrap_or_default()
        });
        match shelf::remove_draft(id) {
            Ok(removed) => self.deleted.set(Some(Deleted {
                id: id.to_owned(),
                title,
                removed,
            })),
            Err(error) => self.notices.say(error.message()),
        }
        self.refresh_list();
    }

    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        if let Err(error) = shelf::restore_removed(&deleted.id, &deleted.removed) {
            self.notices.say(error.message());
            return;
        }
        self.deleted.set(None);
        self.refresh_list();
    }

    /// Saves the raw text of a damaged draft as a file, to be rescued by hand.
    pub fn download_raw(&self, id: &str) {
        match shelf::read_raw(id) {
            Ok(Some(raw)) => {
                if let Err(why) =
                    files::download(&format!("{id}-草稿原文.json"), "application/json", &raw)
                {
                    self.notices.say(Notice::new(
                        format!("下载失败：{why}"),
                        format!("Download failed: {why}"),
                    ));
                }
            }
            Ok(None) => self.refresh_list(),
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// Reads a damaged draft again (after the user or another tab put it right).
    pub fn retry_damaged(&self, id: &str) {
        self.refresh_list();
        let problem = self.storage.list.with_untracked(|list| {
            list.iter()
                .find(|l| l.entry.id == id)
                .and_then(|l| l.problem.clone())
        });
        if let Some(problem) = problem {
            self.notices.say(problem);
        }
    }

    /// Downloads the open report as JSON v1, named 「<机关>-<年度>-年报.json」.
    pub fn export_open(&self) {
        let report = self.store.report.get_untracked();
        if let Err(why) = files::download(
            &nianbao_report::export::json_file_name(&report),
            "application/json",
            &json::to_json(&report),
        ) {
            self.notices.say(Notice::new(
                format!("导出失败：{why}"),
                format!("Export failed: {why}"),
            ));
        }
    }

    /// "Keep mine as a copy" after a merge: this tab's report before the merge becomes a new
    /// draft; the open draft stays the merged one.
    pub fn keep_mine_as_copy(&self) {
        let Some(merged) = self.merged.get_untracked() else {
            return;
        };
        match self.store_copy(merged.mine, self.store.auto_total.get_untracked()) {
            Ok(_) => {
                self.merged.set(None);
                self.notices.tell(crate::i18n::KEPT_AS_COPY.into());
            }
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// After saving stopped: what is on screen becomes a new draft (the unreadable stored one
    /// stays as it is), and is opened.
    pub fn save_as_new_draft(&self) {
        let report = self.store.report.get_untracked();
        match self.store_copy(report, self.store.auto_total.get_untracked()) {
            Ok(id) => {
                self.timers.update_value(Timers::cancel);
                self.open.set_value(None);
                self.open(&id);
            }
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// "Use the other window's version" after a merge (one undo step).
    pub fn take_theirs(&self) {
        let Some(merged) = self.merged.get_untracked() else {
            return;
        };
        self.store.edit(None, move |report| *report = merged.theirs);
        self.merged.set(None);
    }
}

/// A new report of the official template, for last year (the year most reports are written for).
pub fn blank_report() -> Report {
    Report::new_blank("", AgencyKind::Township, proposed_year())
}

/// The year a report begun today is about ([`date::report_year_on`]), by the computer's clock.
pub fn proposed_year() -> i32 {
    let now = js_sys::Date::new_0();
    let today = Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    };
    date::report_year_on(today)
}

/// Stores `report` as a new draft without opening it (the supervisor's page hands a report of
/// its batch to the editor this way) and returns its id. Imported reports keep their totals as
/// read: auto-total off.
pub fn store_new_draft(report: Report) -> Result<String, storage::StorageError> {
    store_new(report, &shelf::new_tab_id(), false)
}

/// Writes a new draft holding `report` (its first stored revision) and its index entry.
fn store_new(
    report: Report,
    tab_id: &str,
    auto_total: bool,
) -> Result<String, storage::StorageError> {
    shelf::store_new(report, tab_id, auto_total)
}

/// A new draft holding `report`, with a fresh id, saved now as far as its clock goes.
fn new_envelope(report: Report, tab_id: &str, auto_total: bool) -> DraftEnvelope {
    let mut draft = DraftEnvelope::new(&shelf::new_id(), tab_id, report);
    draft.auto_total = auto_total;
    draft.saved_at_ms = shelf::now_ms();
    draft
}

/// The editor's address of a stored draft, from a page one folder down.
pub fn editor_address(id: &str) -> String {
    format!("../#draft={id}")
}

/// The draft id in the address (`#draft=<id>`).
fn hash_draft_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix("#draft=")?;
    (!id.is_empty()).then(|| id.to_owned())
}

/// Puts the open draft's id in the address without a new history entry, so that a reload
/// opens it again; `None` clears it (the list).
fn set_hash(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let wanted = id.map(|id| format!("#draft={id}"));
    // A reload keeps the address: a history call at each opening costs a millisecond or more.
    if location.hash().unwrap_or_default() == wanted.as_deref().unwrap_or_default() {
        return;
    }
    let url = match wanted {
        Some(hash) => hash,
        None => {
            format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            )
        }
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Asks the user in the browser's own dialog; both languages, since the dialog is plain text.
fn confirm(text: crate::i18n::Text) -> bool {
    web_sys::window()
        .and_then(|w| {
            w.confirm_with_message(&format!("{}\n\n{}", text.zh, text.en))
                .ok()
        })
        .unwrap_or(true)
}
