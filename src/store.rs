//! The one store of the open report. Every edit goes through [`Store::edit`]: one write, one
//! undo step, totals derived when auto-total is on; findings are memoised from the report.
//!
//! Data flows one way: keystroke → `edit` → `report` → `findings` memo → paint.

use std::collections::HashMap;

use leptos::prelude::*;
use nianbao_report::rules::{self, Stage};
use nianbao_report::{totals, Finding, Place, Report, Severity};

use crate::i18n::Lang;

/// How many steps undo remembers at most: far above what anyone undoes.
const UNDO_DEPTH: usize = 200;
/// And how much text they may hold together. A step is a whole report; a full report's text is
/// 20–40 kB, so 200 of them were 6 MB of memory that a long session kept (measured by
/// `./x bench`). Past this budget the oldest steps go first.
const UNDO_BYTES: usize = 2 * 1024 * 1024;

/// About how much memory a report's snapshot holds: its text; the tables are a few kB.
fn snapshot_bytes(report: &Report) -> usize {
    let own = report.sections.0.iter().map(String::len).sum::<usize>()
        + report.meta.agency.len()
        + report.meta.title.len()
        + 4 * 1024;
    own + report.last_year.as_deref().map_or(0, snapshot_bytes)
}

#[derive(Default)]
struct History {
    undo: Vec<Report>,
    /// [`snapshot_bytes`] of `undo`, kept as steps come and go.
    undo_bytes: usize,
    redo: Vec<Report>,
    /// The coalescing key of the last edit: typing in one cell or one section is one step.
    last_key: Option<String>,
}

/// A short message for the user (a refused paste, a cell that is not a count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub report: RwSignal<Report>,
    history: StoredValue<History>,
    pub auto_total: RwSignal<bool>,
    pub lang: RwSignal<Lang>,
    pub findings: Memo<Vec<Finding>>,
    /// Whether the report could be published as it is: no error even with blanks counted as
    /// errors (the "ready to publish" stage).
    pub ready_to_publish: Memo<bool>,
    /// The most severe finding of each place, by place id: what a cell or paragraph shows.
    pub findings_by_place: Memo<HashMap<String, (Severity, String, String)>>,
    pub notice: RwSignal<Option<Notice>>,
}

impl Store {
    pub fn new(report: Report, auto_total: bool, lang: Lang) -> Store {
        let report = RwSignal::new(report);
        let findings = Memo::new(move |_| report.with(|r| rules::check(r, Stage::Draft)));
        // The publish stage differs from the draft stage only in that blank cells (C-blank)
        // become errors: reading that off the draft findings spares a second run of every rule
        // on each keystroke.
        let ready_to_publish = Memo::new(move |_| {
            findings.with(|all| {
                !all.iter()
                    .any(|f| f.severity == Severity::Error || f.rule == rules::BLANK_CELL_RULE)
            })
        });
        let findings_by_place = Memo::new(move |_| {
            let mut by_place: HashMap<String, (Severity, String, String)> = HashMap::new();
            findings.with(|all| {
                // Findings come most severe first: the first one of a place wins.
                for finding in all {
                    by_place.entry(finding.place.id()).or_insert_with(|| {
                        (
                            finding.severity,
                            finding.message_zh.clone(),
                            finding.message_en.clone(),
                        )
                    });
                }
            });
            by_place
        });
        Store {
            report,
            history: StoredValue::new(History::default()),
            auto_total: RwSignal::new(auto_total),
            lang: RwSignal::new(lang),
            findings,
            ready_to_publish,
            findings_by_place,
            notice: RwSignal::new(None),
        }
    }

    /// Applies one edit. Edits with the same `coalesce` key in a row form one undo step (typing
    /// in one cell or one paragraph); `None` is always a step of its own (a paste, a fill).
    pub fn edit(&self, coalesce: Option<String>, change: impl FnOnce(&mut Report)) {
        let before = self.report.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if self.auto_total.get_untracked() {
            totals::fill_totals(&mut after);
        }
        if after == before {
            return;
        }
        self.history.update_value(|h| {
            let same_step = coalesce.is_some() && coalesce == h.last_key;
            if !same_step {
                h.undo_bytes += snapshot_bytes(&before);
                h.undo.push(before);
                while h.undo.len() > UNDO_DEPTH || (h.undo_bytes > UNDO_BYTES && h.undo.len() > 1) {
                    let oldest = h.undo.remove(0);
                    h.undo_bytes = h.undo_bytes.saturating_sub(snapshot_bytes(&oldest));
                }
            }
            h.redo.clear();
            h.last_key = coalesce;
        });
        self.report.set(after);
    }

    /// Ends the current coalescing step, so that the next keystroke starts a new undo step
    /// (called when a cell or paragraph loses focus).
    pub fn close_step(&self) {
        self.history.update_value(|h| h.last_key = None);
    }

    pub fn undo(&self) {
        let current = self.report.get_untracked();
        let previous = self.history.try_update_value(|h| {
            h.last_key = None;
            let previous = h.undo.pop()?;
            h.undo_bytes = h.undo_bytes.saturating_sub(snapshot_bytes(&previous));
            h.redo.push(current);
            Some(previous)
        });
        if let Some(Some(previous)) = previous {
            self.report.set(previous);
        }
    }

    pub fn redo(&self) {
        let current = self.report.get_untracked();
        let next = self.history.try_update_value(|h| {
            h.last_key = None;
            let next = h.redo.pop()?;
            h.undo_bytes += snapshot_bytes(&current);
            h.undo.push(current);
            Some(next)
        });
        if let Some(Some(next)) = next {
            self.report.set(next);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with_value(|h| !h.undo.is_empty())
    }

    /// Auto-total on computes every total now (one undo step); off leaves the totals as they
    /// are, to be typed and checked.
    pub fn set_auto_total(&self, on: bool) {
        self.auto_total.set(on);
        if on {
            self.edit(None, |_| {});
        }
    }

    pub fn finding_at(&self, place: &Place) -> Option<(Severity, String, String)> {
        self.findings_by_place
            .with(|by_place| by_place.get(&place.id()).cloned())
    }

    pub fn say(&self, zh: impl Into<String>, en: impl Into<String>) {
        self.notice.set(Some(Notice {
            zh: zh.into(),
            en: en.into(),
        }));
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

// Added for drafts (issue 6): opening another draft, or taking another tab's save.
impl Store {
    /// Puts another report in the editor: a draft opened from the list, or the version another
    /// tab saved. Undo starts afresh, so that no undo step leads back into a different draft (or
    /// quietly drops the other tab's work).
    pub fn replace_report(&self, report: Report, auto_total: bool) {
        self.history.set_value(History::default());
        self.auto_total.set(auto_total);
        self.report.set(report);
    }
}
