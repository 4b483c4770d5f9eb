//! The one store of the open report. Every edit goes through [`Store::edit`]: one write, one
//! undo step, totals derived when auto-total is on; findings are memoised from the report.
//!
//! Data flows one way: keystroke → `edit` → `report` → `findings` memo → paint.

use std::collections::HashMap;

use leptos::prelude::*;
use nianbao_report::editing::undo::UndoHistory;
use nianbao_report::rules::{self, Stage};
use nianbao_report::{totals, Finding, Place, Report, Severity};

#[derive(Clone, Copy)]
pub struct Store {
    pub report: RwSignal<Report>,
    history: StoredValue<UndoHistory>,
    pub auto_total: RwSignal<bool>,
    pub findings: Memo<Vec<Finding>>,
    /// Whether the report could be published as it is: no error even with blanks counted as
    /// errors (the "ready to publish" stage).
    pub ready_to_publish: Memo<bool>,
    /// The most severe finding of each place, by place id: what a cell or paragraph shows.
    pub findings_by_place: Memo<HashMap<String, (Severity, String, String)>>,
}

impl Store {
    pub fn new(report: Report, auto_total: bool) -> Store {
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
            history: StoredValue::new(UndoHistory::default()),
            auto_total: RwSignal::new(auto_total),
            findings,
            ready_to_publish,
            findings_by_place,
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
        self.history.update_value(|h| h.record(before, coalesce));
        self.report.set(after);
    }

    /// Ends the current coalescing step, so that the next keystroke starts a new undo step
    /// (called when a cell or paragraph loses focus).
    pub fn close_step(&self) {
        self.history.update_value(UndoHistory::close_step);
    }

    pub fn undo(&self) {
        let current = self.report.get_untracked();
        if let Some(Some(previous)) = self.history.try_update_value(|h| h.undo(current)) {
            self.report.set(previous);
        }
    }

    pub fn redo(&self) {
        let current = self.report.get_untracked();
        if let Some(Some(next)) = self.history.try_update_value(|h| h.redo(current)) {
            self.report.set(next);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with_value(UndoHistory::can_undo)
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
        self.history.update_value(UndoHistory::clear);
        self.auto_total.set(auto_total);
        self.report.set(report);
    }
}
