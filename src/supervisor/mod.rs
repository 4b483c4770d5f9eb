//! The supervisor's screens, for the 政务公开 office above the agencies: many reports checked at
//! once (`batch`), the summary report built from its units and checked against them
//! (`summary`), and two years of one agency side by side (`compare`).
//!
//! [`Supervisor`] is their one context. The files of a batch live in this page only: they are
//! other agencies' reports, read to be checked, not drafts of this office.

pub mod batch;
pub mod compare;
pub mod summary;

use std::collections::HashSet;

use leptos::prelude::*;
use nianbao_report::batch::{self as core_batch, BatchRow, Source};
use nianbao_report::finding::Finding;
use nianbao_report::import::file::FileProblem;
use nianbao_report::{Report, Severity};

use crate::drafts::import::{MAX_IMPORT_BYTES, MAX_IMPORT_MB};
use crate::drafts::{shelf, use_drafts, Drafts, Screen};
use crate::i18n;
use crate::platform::files::{self, ReadError};
use crate::platform::tick;

/// One file of the batch.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: u32,
    pub row: BatchRow,
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
    pub problem: Option<(String, String)>,
    pub last_year_file: Option<String>,
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
                problem: Some((problem.zh.clone(), problem.en.clone())),
                last_year_file: None,
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
    pub back: Screen,
}

#[derive(Clone, Copy)]
pub struct Supervisor {
    pub drafts: Drafts,
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
    /// The row chosen as the summary report to check.
    pub summary_row: RwSignal<Option<u32>>,
    pub summary_check: RwSignal<Option<SummaryCheck>>,
    pub comparison: RwSignal<Option<Comparison>>,
    next_id: StoredValue<u32>,
}

pub fn use_supervisor() -> Supervisor {
    expect_context::<Supervisor>()
}

impl Supervisor {
    pub fn new(drafts: Drafts) -> Supervisor {
        Supervisor {
            drafts,
            entries: RwSignal::new(Vec::new()),
            ticked: RwSignal::new(HashSet::new()),
            progress: RwSignal::new(None),
            sort: RwSignal::new((SortKey::Order, false)),
            filter_text: RwSignal::new(String::new()),
            filter: RwSignal::new(Filter::All),
            expanded: RwSignal::new(None),
            summary_row: RwSignal::new(None),
            summary_check: RwSignal::new(None),
            comparison: RwSignal::new(None),
            next_id: StoredValue::new(0),
        }
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
        wasm_bindgen_futures::spawn_local(async move {
            for file in files {
                let name = file.name();
                let row = match files::read_bytes(&file, MAX_IMPORT_BYTES).await {
                    Ok(bytes) => core_batch::check_file(&name, &bytes),
                    Err(error) => BatchRow {
                        outcome: Err(unread(&name, error)),
                        file_name: name,
                    },
                };
                self.push(row);
                self.progress.update(|progress| {
                    if let Some((done, _)) = progress {
                        *done += 1;
                    }
                });
                tick::yield_to_browser().await;
            }
            self.link_last_years();
        });
    }

    /// Checks each report against last year's of the same agency when the batch has both.
    fn link_last_years(&self) {
        self.entries.update(|entries| {
            let mut rows: Vec<BatchRow> = entries.iter().map(|e| e.row.clone()).collect();
            core_batch::link_last_years(&mut rows);
            for (entry, row) in entries.iter_mut().zip(rows) {
                entry.row = row;
            }
        });
    }

    pub fn clear(&self) {
        self.entries.set(Vec::new());
        self.ticked.set(HashSet::new());
        self.progress.set(None);
        self.expanded.set(None);
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

    pub fn open_as_draft(&self, id: u32) {
        if let Some(checked) = self.entry(id).and_then(|e| e.row.outcome.ok()) {
            self.drafts.start_imported(checked.report);
        }
    }

    /// The row's report beside last year's report found in the batch.
    pub fn compare_with_last_year(&self, id: u32) {
        let Some(this) = self.entry(id).and_then(|e| e.row.outcome.ok()) else {
            return;
        };
        let Some(last_file) = this.last_year_file.clone() else {
            return;
        };
        let last = self.entries.with_untracked(|entries| {
            entries
                .iter()
                .filter(|e| e.row.file_name == last_file)
                .find_map(|e| e.row.checked().map(|c| c.report.clone()))
        });
        if let Some(last_year) = last {
            self.show_comparison(this.report, last_year, Screen::Batch);
        }
    }

    pub fn show_comparison(&self, this_year: Report, last_year: Report, back: Screen) {
        self.comparison.set(Some(Comparison {
            this_year,
            last_year,
            back,
        }));
        self.drafts.screen.set(Screen::Compare);
    }

    /// The open draft beside last year's report: the one it carries, or a stored draft of the
    /// same agency a year earlier, or one in the batch.
    pub fn compare_open_draft(&self) {
        let store = self.drafts.store;
        let mut this = store.report.get_untracked();
        let last = this.last_year.take().map(|last| *last).or_else(|| {
            let (agency, year) = (this.meta.agency.trim().to_owned(), this.meta.year - 1);
            if agency.is_empty() {
                return None;
            }
            let stored = self.drafts.list.with_untracked(|list| {
                list.iter()
                    .filter(|l| l.entry.agency.trim() == agency && l.entry.year == year)
                    .find_map(|l| match shelf::read_draft(&l.entry.id) {
                        Ok(shelf::Stored::Draft(draft)) => Some(draft.report),
                        _ => None,
                    })
            });
            stored.or_else(|| {
                self.entries.with_untracked(|entries| {
                    entries.iter().find_map(|e| {
                        let report = &e.row.checked()?.report;
                        (report.meta.agency.trim() == agency && report.meta.year == year)
                            .then(|| report.clone())
                    })
                })
            })
        });
        match last {
            Some(last_year) => self.show_comparison(this, last_year, Screen::Editor),
            None => store.say(i18n::NO_LAST_YEAR.zh, i18n::NO_LAST_YEAR.en),
        }
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

/// The toolbar's way to the batch check.
#[component]
pub fn BatchButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <crate::drafts::button::ActionButton class="batch-check" label=i18n::BATCH_BUTTON
            on_press=move || drafts.leave_to(Screen::Batch) />
    }
}
