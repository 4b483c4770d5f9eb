//! The supervisor's page, for the 政务公开 office above the agencies: many reports checked at
//! once (`batch`), the summary report built from its units and checked against them
//! (`summary`), and two years of one agency side by side (`compare`).
//!
//! A page of its own (`supervisor/`, built from the `nianbao-supervisor` binary), so that the
//! editor's download does not carry it. [`Supervisor`] is its one context. The files of a batch
//! live in this page only: they are other agencies' reports, read to be checked, not drafts of
//! this office; one becomes a draft when asked, in the editor's page in a new tab.
//!
//! The batch is kept (`batch_store` of the core): after each change the reports read, as JSON
//! with their file names and import notes, are saved under the batch's name, so that a reload
//! finds it; several named batches are kept and listed. A refused save (storage full) says so,
//! keeps the batch in the page and offers it as a JSON file.

pub mod batch;
pub mod compare;
pub mod kept;
pub mod region;
pub mod summary;

use std::collections::HashSet;

use leptos::prelude::*;
use nianbao_report::batch::{self as core_batch, BatchRow, Source};
use nianbao_report::batch_store::{self, BatchListEntry};
use nianbao_report::finding::Finding;
use nianbao_report::import::file::{read_file, FileContent, FileProblem};
use nianbao_report::import::{transfer, ImportError};
use nianbao_report::{Report, Severity};

use crate::app::{LanguageButton, NoticeBar};
use crate::app_state::{provide_language, Notice, Notices};
use crate::drafts::import::{MAX_IMPORT_BYTES, MAX_IMPORT_MB};
use crate::drafts::{editor_address, shelf, store_new_draft};
use crate::i18n;
use crate::i18n::Lang;
use crate::platform::files::{self, FilesPick, FolderPick, ReadError};
use crate::platform::{service_worker, tick, tools};
use batch::BatchScreen;
use compare::YearOverYearScreen;
use nianbao_report::import::transfer::NoteText;
use region::RegionScreen;

/// Which screen of the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Batch,
    Compare,
    Region,
}

/// Where "back" goes from the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Back {
    Batch,
    /// The editor, with this draft open.
    Draft(String),
}

/// One file of the batch.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: u32,
    pub row: BatchRow,
}

impl std::borrow::Borrow<BatchRow> for Entry {
    fn borrow(&self) -> &BatchRow {
        &self.row
    }
}

/// What the table shows of an entry: small, so that sorting and filtering copy little.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowSummary {
    pub id: u32,
    pub file_name: String,
    pub agency: String,
    pub year: Option<i32>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub notes: usize,
    pub problem: Option<nianbao_report::Message>,
    pub last_year_file: Option<String>,
    /// The report carries last year's report of its own (a draft begun from last year's).
    pub carries_last_year: bool,
    pub is_summary: bool,
}

impl RowSummary {
    fn of(entry: &Entry) -> RowSummary {
        let row = &entry.row;
        match &row.outcome {
            Ok(checked) => RowSummary {
                id: entry.id,
                file_name: row.file_name.clone(),
                agency: checked.report.meta.agency.clone(),
                year: Some(checked.report.meta.year),
                errors: checked.count(Severity::Error),
                warnings: checked.count(Severity::Warning),
                infos: checked.count(Severity::Info),
                notes: checked.notes.len(),
                problem: None,
                last_year_file: checked.last_year_file.clone(),
                carries_last_year: checked.report.last_year.is_some(),
                is_summary: checked.source == Source::Summary,
            },
            Err(problem) => RowSummary {
                id: entry.id,
                file_name: row.file_name.clone(),
                agency: String::new(),
                year: None,
                errors: 0,
                warnings: 0,
                infos: 0,
                notes: 0,
                problem: Some(problem.clone()),
                last_year_file: None,
                carries_last_year: false,
                is_summary: false,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// As the files came.
    Order,
    File,
    Agency,
    Year,
    Errors,
    Warnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    WithErrors,
    Clean,
    Unread,
}

/// The result of checking a summary report against its units (H-sum).
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryCheck {
    pub summary_file: String,
    pub units: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Two reports of one agency side by side, and where "back" returns to.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub this_year: Report,
    pub last_year: Report,
    pub back: Back,
}

#[derive(Clone, Copy)]
pub struct Supervisor {
    /// The language and the notices (its report stays blank: this page edits none).
    pub lang: RwSignal<Lang>,
    pub notices: Notices,
    pub screen: RwSignal<Screen>,
    pub entries: RwSignal<Vec<Entry>>,
    /// Ticked rows: the units of a summary.
    pub ticked: RwSignal<HashSet<u32>>,
    /// Files read so far, of how many handed in (None before the first).
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// The column sorted by, and whether downwards (largest first).
    pub sort: RwSignal<(SortKey, bool)>,
    pub filter_text: RwSignal<String>,
    pub filter: RwSignal<Filter>,
    /// The row whose findings are open.
    pub expanded: RwSignal<Option<u32>>,
    /// The page of the table shown (from 0; past the last means the last).
    pub page: RwSignal<usize>,
    /// The row chosen as the summary report to check.
    pub summary_row: RwSignal<Option<u32>>,
    pub summary_check: RwSignal<Option<SummaryCheck>>,
    pub comparison: RwSignal<Option<Comparison>>,
    /// The kept batches, newest first; the one shown is kept under `batch_id`.
    pub kept: RwSignal<Vec<BatchListEntry>>,
    pub batch_id: RwSignal<Option<String>>,
    pub batch_name: RwSignal<String>,
    /// The last save of the batch was refused (storage full): the page offers its JSON.
    pub unkept: RwSignal<Option<nianbao_report::Message>>,
    next_id: StoredValue<u32>,
    /// Raised by 停止读取: a reading loop started before the last stop ends after its file.
    stops: StoredValue<u32>,
    /// Counts the saves of the batch begun: one made in steps gives way to a later one.
    saves: StoredValue<u32>,
    /// The language of the table's rows, by slice of rows (a row's id modulo their number):
    /// they follow `lang` one slice a task, so that switching the language with hundreds of
    /// rows on screen is several short tasks rather than one long one.
    row_langs: [RwSignal<Lang>; ROW_LANG_SLICES],
}

const ROW_LANG_SLICES: usize = 10;

/// Sets the slices' language to the page's, one slice a task; a switch made meanwhile takes over.
fn follow_in_slices(lang: RwSignal<Lang>, slices: [RwSignal<Lang>; ROW_LANG_SLICES]) {
    let switches = StoredValue::new(0u32);
    Effect::new(move |_| {
        let now = lang.get();
        let switch = switches.get_value().wrapping_add(1);
        switches.set_value(switch);
        leptos::task::spawn_local(async move {
            for slice in slices {
                if switches.try_get_value() != Some(switch) {
                    return;
                }
                if slice.try_get_untracked().is_some_and(|was| was != now) {
                    slice.set(now);
                    crate::platform::tick::yield_to_browser().await;
                }
            }
        });
    });
}

pub fn use_supervisor() -> Supervisor {
    expect_context::<Supervisor>()
}

impl Supervisor {
    pub fn new(lang: RwSignal<Lang>, notices: Notices) -> Supervisor {
        let now = lang.get_untracked();
        let row_langs = std::array::from_fn(|_| RwSignal::new(now));
        follow_in_slices(lang, row_langs);
        Supervisor {
            lang,
            notices,
            screen: RwSignal::new(Screen::Batch),
            entries: RwSignal::new(Vec::new()),
            ticked: RwSignal::new(HashSet::new()),
            progress: RwSignal::new(None),
            sort: RwSignal::new((SortKey::Order, false)),
            filter_text: RwSignal::new(String::new()),
            filter: RwSignal::new(Filter::All),
            expanded: RwSignal::new(None),
            page: RwSignal::new(0),
            summary_row: RwSignal::new(None),
            summary_check: RwSignal::new(None),
            comparison: RwSignal::new(None),
            kept: RwSignal::new(Vec::new()),
            batch_id: RwSignal::new(None),
            batch_name: RwSignal::new(String::new()),
            unkept: RwSignal::new(None),
            stops: StoredValue::new(0),
            saves: StoredValue::new(0),
            next_id: StoredValue::new(0),
            row_langs,
        }
    }

    /// The language row `id` is shown in.
    pub fn row_lang(&self, id: u32) -> RwSignal<Lang> {
        self.row_langs[id as usize % ROW_LANG_SLICES]
    }

    /// The language every row is shown in once the last slice has followed the page's.
    pub fn rows_lang(&self) -> Lang {
        self.row_langs[ROW_LANG_SLICES - 1].get()
    }

    fn push(&self, row: BatchRow) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.entries
            .update(|entries| entries.push(Entry { id, row }));
        id
    }

    /// Reads and checks `files` one at a time, handing the page back to the browser after each
    /// so that it paints the new row and answers the user: hundreds of files never freeze it.
    pub fn add_files(self, files: Vec<web_sys::File>) {
        let count = files.len();
        self.progress.update(|progress| {
            let (done, total) = progress.unwrap_or((0, 0));
            *progress = Some((done, total + count));
        });
        let started = self.stops.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let mut left = count;
            for file in files {
                if self.stops.get_value() != started {
                    // Stopped: the files not read leave the count, and the user is told.
                    self.progress.update(|progress| {
                        if let Some((_, total)) = progress {
                            *total -= left;
                        }
                    });
                    self.notices.tell(Notice::new(
                        format!("已停止读取，{left}个文件未读取"),
                        format!("Reading stopped: {left} file(s) not read"),
                    ));
                    break;
                }
                left -= 1;
                let name = file.name();
                let rows = match files::read_bytes(&file, MAX_IMPORT_BYTES).await {
                    Ok(bytes) if batch_store::is_kept_batch(&bytes) => kept_rows(&name, &bytes),
                    Ok(bytes) => vec![read_and_check(&name, &files::as_utf8(bytes)).await],
                    Err(error) => vec![BatchRow {
                        outcome: Err(unread(&name, error)),
                        file_name: name,
                    }],
                };
                for row in rows {
                    self.push(row);
                }
                self.progress.update(|progress| {
                    if let Some((done, _)) = progress {
                        *done += 1;
                    }
                });
                tick::yield_to_browser().await;
            }
            self.link_last_years().await;
            self.keep_in_steps().await;
        });
    }

    /// 选择文件…, where the browser has its own picker: the files picked join the batch, taken
    /// one promise at a time (a file input hands hundreds over in one long task).
    pub fn add_picked_files(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let taking = move |count: usize| {
                self.notices.tell(Notice::new(
                    format!("正在取得所选的{count}个文件…"),
                    format!("Taking the {count} files picked…"),
                ))
            };
            match files::picked_file_handles(taking).await {
                FilesPick::Cancelled => {}
                FilesPick::Failed(why) => self.notices.say(Notice::new(
                    format!("未能取得所选的文件：{why}。请再按一次“选择文件…”。"),
                    format!(
                        "The files picked could not be taken: {why}. Press “Pick files…” again."
                    ),
                )),
                FilesPick::Files(files) => {
                    let count = files.len();
                    self.notices.tell(Notice::new(
                        format!("读取所选的{count}个文件。"),
                        format!("Reading the {count} files picked."),
                    ));
                    if !files.is_empty() {
                        self.add_files(files);
                    }
                }
            }
        });
    }

    /// 选择文件夹…: the report files of a folder the user picks (its subfolders' too) join the
    /// batch, as if picked one by one; the other files are counted in a notice.
    pub fn add_folder(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let listing = move || {
                self.notices.tell(Notice::new(
                    "正在列出文件夹中的文件…",
                    "Listing the folder's files…",
                ))
            };
            self.take_folder(files::picked_folder(listing).await);
        });
    }

    /// A folder picked in the file input that takes folders (`webkitdirectory`), where the
    /// browser has no folder picker of its own (Firefox).
    pub fn add_folder_from_input(self, ev: &web_sys::Event) {
        self.take_folder(files::picked_folder_files(ev));
    }

    /// A folder's report files join the batch, and the user is told how many and what was
    /// left out.
    fn take_folder(self, pick: FolderPick) {
        match pick {
            FolderPick::Cancelled => {}
            FolderPick::Failed(why) => self.notices.say(Notice::new(
                format!("未能读取文件夹：{why}"),
                format!("The folder could not be read: {why}"),
            )),
            FolderPick::Files {
                files,
                left_out,
                truncated,
            } => {
                self.notices
                    .tell(folder_notice(files.len(), left_out, truncated));
                if !files.is_empty() {
                    self.add_files(files);
                }
            }
        }
    }

    /// 停止读取: the files being read stop after the one in hand; the rows read stay.
    pub fn stop_reading(&self) {
        self.stops
            .update_value(|stops| *stops = stops.wrapping_add(1));
    }

    /// Checks each report against last year's of the same agency when the batch has both: one
    /// report at a time, the page handed back to the browser after each (a batch of hundreds
    /// has dozens to check again). Rows are found again by id: the batch may change meanwhile.
    async fn link_last_years(&self) {
        let links: Vec<(u32, u32)> = self.entries.with_untracked(|entries| {
            core_batch::last_year_links(entries)
                .into_iter()
                .map(|(this, last)| (entries[this].id, entries[last].id))
                .collect()
        });
        for (this, last) in links {
            let (Some(mut row), Some(last)) = (self.entry(this), self.entry(last)) else {
                continue;
            };
            core_batch::check_against_last_year(&mut row.row, &last.row);
            self.entries.update(|entries| {
                if let Some(entry) = entries.iter_mut().find(|e| e.id == this) {
                    *entry = row;
                }
            });
            tick::yield_to_browser().await;
        }
        // Saving the batch is a task of its own.
        tick::yield_to_browser().await;
    }

    /// A new, empty batch; the one shown stays kept and listed.
    pub fn clear(&self) {
        self.batch_id.set(None);
        self.batch_name.set(String::new());
        self.unkept.set(None);
        self.entries.set(Vec::new());
        self.ticked.set(HashSet::new());
        self.progress.set(None);
        self.expanded.set(None);
        self.page.set(0);
        self.summary_row.set(None);
        self.summary_check.set(None);
    }

    /// The rows shown: filtered, then sorted.
    pub fn visible_rows(&self) -> Vec<RowSummary> {
        let (key, downwards) = self.sort.get();
        let filter = self.filter.get();
        let text = self.filter_text.get();
        let text = text.trim();
        let mut rows: Vec<RowSummary> = self.entries.with(|entries| {
            entries
                .iter()
                .map(RowSummary::of)
                .filter(|row| match filter {
                    Filter::All => true,
                    Filter::WithErrors => row.errors > 0,
                    Filter::Clean => row.problem.is_none() && row.errors == 0,
                    Filter::Unread => row.problem.is_some(),
                })
                .filter(|row| {
                    text.is_empty() || row.agency.contains(text) || row.file_name.contains(text)
                })
                .collect()
        });
        match key {
            SortKey::Order => {}
            SortKey::File => rows.sort_by(|a, b| a.file_name.cmp(&b.file_name)),
            SortKey::Agency => rows.sort_by(|a, b| a.agency.cmp(&b.agency)),
            SortKey::Year => rows.sort_by_key(|r| r.year),
            SortKey::Errors => rows.sort_by_key(|r| (r.problem.is_some(), r.errors)),
            SortKey::Warnings => rows.sort_by_key(|r| r.warnings),
        }
        if downwards {
            rows.reverse();
        }
        rows
    }

    pub fn entry(&self, id: u32) -> Option<Entry> {
        self.entries
            .with_untracked(|entries| entries.iter().find(|e| e.id == id).cloned())
    }

    /// Stores the row's report as a new draft, with the notes of its import (kept among the
    /// draft's findings until checked), and opens it in the editor in a new tab, so that the
    /// batch stays as it is here.
    pub fn open_as_draft(&self, id: u32) {
        let Some(checked) = self.entry(id).and_then(|e| e.row.outcome.ok()) else {
            return;
        };
        match store_new_draft(checked.report) {
            Ok(draft) => {
                if !checked.notes.is_empty() {
                    let notes: Vec<NoteText> = checked.notes.iter().map(NoteText::of).collect();
                    // The importer's words, not the user's: the draft opens without them on a
                    // storage too full for them.
                    let _ = shelf::write_import_notes(&draft, &notes);
                }
                if let Some(window) = web_sys::window() {
                    let _ = window.open_with_url_and_target(&editor_address(&draft), "_blank");
                }
            }
            Err(error) => self.notices.say(error.message()),
        }
    }

    /// The row's report beside last year's report found in the batch.
    pub fn compare_with_last_year(&self, id: u32) {
        let Some(this) = self.entry(id).and_then(|e| e.row.outcome.ok()) else {
            return;
        };
        // Last year's file in the batch, else the last year the report carries (it was
        // checked against that one).
        let last = match this.last_year_file.clone() {
            Some(last_file) => self.entries.with_untracked(|entries| {
                entries
                    .iter()
                    .filter(|e| e.row.file_name == last_file)
                    .find_map(|e| e.row.checked().map(|c| c.report.clone()))
            }),
            None => this.report.last_year.clone().map(|last| *last),
        };
        if let Some(last_year) = last {
            self.show_comparison(this.report, last_year, Back::Batch);
        }
    }

    pub fn show_comparison(&self, this_year: Report, last_year: Report, back: Back) {
        self.comparison.set(Some(Comparison {
            this_year,
            last_year,
            back,
        }));
        self.screen.set(Screen::Compare);
    }

    pub fn go_back(&self) {
        let back = self
            .comparison
            .with_untracked(|c| c.as_ref().map(|c| c.back.clone()));
        match back {
            Some(Back::Draft(id)) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_href(&editor_address(&id));
                }
            }
            _ => self.screen.set(Screen::Batch),
        }
    }

    /// A stored draft beside last year's report (the editor sends `#compare=<draft id>`): the
    /// one the draft carries, else a stored draft of the same agency a year earlier.
    fn compare_stored_draft(&self, id: &str) {
        let Ok(shelf::Stored::Draft(draft, _)) = shelf::read_draft(id) else {
            return;
        };
        let mut this = draft.report;
        let last = this.last_year.take().map(|last| *last).or_else(|| {
            let (agency, year) = (this.meta.agency.trim().to_owned(), this.meta.year - 1);
            let list = shelf::load_list().ok()?;
            list.iter()
                .filter(|l| !agency.is_empty() && l.entry.agency.trim() == agency)
                .filter(|l| l.entry.year == year)
                .find_map(|l| match shelf::read_draft(&l.entry.id) {
                    Ok(shelf::Stored::Draft(draft, _)) => Some(draft.report),
                    _ => None,
                })
        });
        match last {
            Some(last_year) => self.show_comparison(this, last_year, Back::Draft(id.to_owned())),
            None => self.notices.say(i18n::NO_LAST_YEAR.into()),
        }
    }
}

/// The page: its toolbar, the notice bar, and the batch check or the comparison.
#[component]
pub fn SupervisorApp() -> impl IntoView {
    // The language and the notices only: this page has no report of its own to edit.
    let lang = provide_language();
    let notices = Notices::provide();
    let supervisor = Supervisor::new(lang, notices);
    provide_context(supervisor);
    let address = web_sys::window().and_then(|w| w.location().hash().ok());
    let compared = address
        .as_deref()
        .and_then(|h| h.strip_prefix("#compare="))
        .map(str::to_owned);
    match &compared {
        Some(id) => {
            supervisor.refresh_kept();
            supervisor.compare_stored_draft(id);
        }
        None => supervisor.open_newest_kept(),
    }
    // Back to the draft that sent us here, else to the editor's start.
    let editor = compared.map_or_else(|| "../".to_owned(), |id| editor_address(&id));
    // Files dropped anywhere on the page join the batch.
    files::on_file_drop(
        |_| {},
        move |dropped| {
            supervisor.screen.set(Screen::Batch);
            supervisor.add_files(dropped);
        },
    );
    tools::use_script("../worker/start.js");
    // Registered from here too, for whoever opens this page first; its scope is the app's folder.
    let _ = service_worker::register("../sw.js");
    view! {
        <div class="top-bar">
            <header class="app-header">
                <span class="app-name">{i18n::tr(lang, i18n::APP_NAME)}</span>
                <div class="toolbar" role="toolbar">
                    <a class="button back-to-editor" href=editor>{i18n::tr(lang, i18n::BACK_TO_EDITOR)}</a>
                    <LanguageButton />
                </div>
            </header>
            <NoticeBar />
        </div>
        {move || match supervisor.screen.get() {
            Screen::Batch => view! { <BatchScreen /> }.into_any(),
            Screen::Compare => view! { <YearOverYearScreen /> }.into_any(),
            Screen::Region => view! { <RegionScreen /> }.into_any(),
        }}
    }
}

/// What is read of a folder: how many files, and what is not: other files left out (Word, PDF,
/// pictures), more files than are taken, or nothing to read.
fn folder_notice(found: usize, left_out: usize, truncated: bool) -> Notice {
    let max = files::MAX_FOLDER_FILES;
    if truncated {
        return Notice::new(
            format!("文件夹中的文件超过{max}个，只读取前{max}个。"),
            format!("The folder holds more than {max} files: the first {max} are read."),
        );
    }
    match (found, left_out) {
        (0, 0) => Notice::new("文件夹中没有文件。", "The folder holds no file."),
        (0, _) => Notice::new(
            format!("文件夹中的{left_out}个文件都不是年报 JSON、网页或文字文件，未读取。"),
            format!("None of the folder's {left_out} files is a report JSON, a web page or a text file: nothing was read."),
        ),
        (_, 0) => Notice::new(
            format!("读取文件夹中的{found}个文件。"),
            format!("Reading the folder's {found} files."),
        ),
        _ => Notice::new(
            format!("读取文件夹中的{found}个文件；另有{left_out}个其他类型的文件（如 Word、PDF）未读取。"),
            format!("Reading the folder's {found} files; {left_out} files of other kinds (Word, PDF, …) are left out."),
        ),
    }
}

fn unread(name: &str, error: ReadError) -> FileProblem {
    match error {
        ReadError::TooLarge { .. } => FileProblem {
            zh: format!("文件“{name}”超过 {MAX_IMPORT_MB} MB，不是年报，未读取。"),
            en: format!(
                "“{name}” is larger than {MAX_IMPORT_MB} MB: not a report; it was not read."
            ),
        },
        ReadError::Unreadable(why) => FileProblem {
            zh: format!("无法读取文件“{name}”：{why}"),
            en: format!("Could not read “{name}”: {why}"),
        },
    }
}

/// A file's row: a report's JSON checked here, a published page read in the tools worker (the
/// importer is not in this page's download, and reading a page never holds the page up).
async fn read_and_check(name: &str, bytes: &[u8]) -> BatchRow {
    match read_file(name, bytes) {
        Ok(FileContent::Published(text)) => {
            let imported = match tools::import_published(&text).await {
                Ok(answer) => transfer::decode(&answer).map(transfer::Read::into_imported),
                Err(why) => Err(ImportError {
                    message: nianbao_report::Message::new(
                        format!("读取工具未能启动（{why}）"),
                        format!("the reading tools did not start ({why})"),
                    ),
                }),
            };
            core_batch::row_of_import(name, imported)
        }
        read => core_batch::row_of_read(name, read),
    }
}

/// The rows of a kept batch's JSON file dropped or picked into the batch.
fn kept_rows(name: &str, bytes: &[u8]) -> Vec<BatchRow> {
    let text = String::from_utf8_lossy(bytes);
    match batch_store::decode(&text) {
        Ok(kept) => batch_store::restore(&kept),
        Err(error) => vec![BatchRow {
            file_name: name.to_owned(),
            outcome: Err(FileProblem {
                zh: error.message.zh,
                en: error.message.en,
            }),
        }],
    }
}

/// The `<option>`s of a select whose list changes, `chosen` selected: markup, so that every
/// such list shares this code instead of adding a list of views of its own.
pub(crate) fn options_html(
    options: impl Iterator<Item = (String, String)>,
    chosen: &str,
) -> String {
    let mut html = String::new();
    for (value, label) in options {
        let selected = if value == chosen { " selected" } else { "" };
        html.push_str(&format!(
            "<option value=\"{}\"{selected}>{}</option>",
            nianbao_report::export::html::escape(&value),
            nianbao_report::export::html::escape(&label)
        ));
    }
    html
}
