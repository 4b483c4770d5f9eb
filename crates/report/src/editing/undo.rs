//! Undo and redo over whole reports, with limits on how many steps and how much memory the
//! steps may keep.
//!
//! ## Usage
//! ```
//! use nianbao_report::editing::undo::UndoHistory;
//! use nianbao_report::{AgencyKind, Report};
//!
//! let mut history = UndoHistory::default();
//! let before = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
//! let mut after = before.clone();
//! after.meta.title = "新标题".into();
//! // Typing in one field is one step: the same key twice in a row records one snapshot.
//! history.record(before.clone(), Some("meta/title".into()));
//! history.record(after.clone(), Some("meta/title".into()));
//! assert_eq!(history.undo(after.clone()), Some(before.clone()));
//! assert_eq!(history.redo(before), Some(after));
//! ```

use crate::model::Report;

/// How many steps undo remembers at most: far above what anyone undoes.
pub const UNDO_DEPTH: usize = 200;

/// And how much text they may hold together. A step is a whole report; a full report's text is
/// 20–40 kB, so 200 of them were 6 MB of memory that a long session kept (measured by
/// `./x bench`). Past this budget the oldest steps go first.
pub const UNDO_BYTES: usize = 2 * 1024 * 1024;

/// About how much memory a report's snapshot holds: its text; the tables are a few kB.
pub fn snapshot_bytes(report: &Report) -> usize {
    let own = report.sections.0.iter().map(String::len).sum::<usize>()
        + report.meta.agency.len()
        + report.meta.title.len()
        + 4 * 1024;
    own + report.last_year.as_deref().map_or(0, snapshot_bytes)
}

/// The steps before and after the report on screen. The report itself is the caller's: the
/// history only keeps the other versions.
#[derive(Clone, Debug, Default)]
pub struct UndoHistory {
    undo: Vec<Report>,
    /// [`snapshot_bytes`] of `undo`, kept as steps come and go.
    undo_bytes: usize,
    redo: Vec<Report>,
    /// The coalescing key of the last edit: typing in one cell or one section is one step.
    last_key: Option<String>,
    depth: usize,
    budget_bytes: usize,
}

impl UndoHistory {
    /// A history with other limits than [`UNDO_DEPTH`] and [`UNDO_BYTES`] (for tests).
    pub fn with_limits(depth: usize, budget_bytes: usize) -> UndoHistory {
        UndoHistory {
            depth,
            budget_bytes,
            ..UndoHistory::default()
        }
    }

    fn limits(&self) -> (usize, usize) {
        match (self.depth, self.budget_bytes) {
            (0, 0) => (UNDO_DEPTH, UNDO_BYTES),
            limits => limits,
        }
    }

    /// An edit changed the report; `before` is the report as it was. Edits with the same
    /// `coalesce` key in a row form one step (typing in one cell or one paragraph), so only the
    /// first of them keeps its `before`; `None` is always a step of its own (a paste, a fill).
    /// Any edit ends the redo steps.
    pub fn record(&mut self, before: Report, coalesce: Option<String>) {
        let same_step = coalesce.is_some() && coalesce == self.last_key;
        if !same_step {
            let (depth, budget) = self.limits();
            self.undo_bytes += snapshot_bytes(&before);
            self.undo.push(before);
            // The newest step stays, whatever its size: it is the one a user undoes first.
            while self.undo.len() > depth || (self.undo_bytes > budget && self.undo.len() > 1) {
                let oldest = self.undo.remove(0);
                self.undo_bytes = self.undo_bytes.saturating_sub(snapshot_bytes(&oldest));
            }
        }
        self.redo.clear();
        self.last_key = coalesce;
    }

    /// Ends the current coalescing step, so that the next keystroke starts a new step (a cell or
    /// paragraph lost the focus).
    pub fn close_step(&mut self) {
        self.last_key = None;
    }

    /// The report to show instead of `current`, which becomes a redo step; None when there is
    /// nothing to undo.
    pub fn undo(&mut self, current: Report) -> Option<Report> {
        self.last_key = None;
        let previous = self.undo.pop()?;
        self.undo_bytes = self.undo_bytes.saturating_sub(snapshot_bytes(&previous));
        self.redo.push(current);
        Some(previous)
    }

    /// The report to show instead of `current`, which becomes an undo step again; None when
    /// there is nothing to redo.
    pub fn redo(&mut self, current: Report) -> Option<Report> {
        self.last_key = None;
        let next = self.redo.pop()?;
        self.undo_bytes += snapshot_bytes(&current);
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many undo steps are kept, and about how many bytes they hold.
    pub fn undo_len(&self) -> (usize, usize) {
        (self.undo.len(), self.undo_bytes)
    }

    /// Forgets every step: another draft was opened, so no undo may lead back into the one
    /// before (or quietly drop another tab's work taken in).
    pub fn clear(&mut self) {
        let (depth, budget_bytes) = (self.depth, self.budget_bytes);
        *self = UndoHistory {
            depth,
            budget_bytes,
            ..UndoHistory::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AgencyKind, SectionId};

    fn report(overview: &str) -> Report {
        let mut r = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
        r.sections.set(SectionId::Overview, overview);
        r
    }

    #[test]
    fn typing_in_one_place_is_one_step_and_a_blur_ends_it() {
        let mut h = UndoHistory::default();
        h.record(report(""), Some("sections/overview".into()));
        h.record(report("一"), Some("sections/overview".into()));
        h.record(report("一二"), Some("sections/overview".into()));
        assert_eq!(h.undo_len().0, 1);
        h.close_step();
        h.record(report("一二三"), Some("sections/overview".into()));
        assert_eq!(h.undo_len().0, 2);
        // Another place is another step; None is always a step of its own.
        h.record(report("x"), Some("meta/title".into()));
        h.record(report("y"), None);
        h.record(report("z"), None);
        assert_eq!(h.undo_len().0, 5);
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth_and_an_edit_ends_redo() {
        let mut h = UndoHistory::default();
        h.record(report("a"), None);
        h.record(report("b"), None);
        // On screen: "c".
        assert_eq!(h.undo(report("c")), Some(report("b")));
        assert_eq!(h.undo(report("b")), Some(report("a")));
        assert_eq!(h.undo(report("a")), None);
        assert!(h.can_redo());
        assert_eq!(h.redo(report("a")), Some(report("b")));
        h.record(report("b"), None);
        assert!(!h.can_redo());
        assert_eq!(h.redo(report("b2")), None);
        assert!(h.can_undo());
        h.clear();
        assert!(!h.can_undo() && !h.can_redo());
    }

    #[test]
    fn the_oldest_steps_go_first_past_the_depth() {
        let mut h = UndoHistory::with_limits(3, usize::MAX);
        for i in 0..5 {
            h.record(report(&i.to_string()), None);
        }
        assert_eq!(h.undo_len().0, 3);
        assert_eq!(h.undo(report("now")), Some(report("4")));
        assert_eq!(h.undo(report("4")), Some(report("3")));
        assert_eq!(h.undo(report("3")), Some(report("2")));
        assert_eq!(h.undo(report("2")), None);
    }

    #[test]
    fn the_oldest_steps_go_first_past_the_memory_budget_but_the_newest_stays() {
        // Regression (issue 8): 200 steps of a full report kept 6 MB for the whole session.
        let big = "文".repeat(100_000);
        let step = snapshot_bytes(&report(&big));
        let mut h = UndoHistory::with_limits(200, 2 * step + step / 2);
        for i in 0..10 {
            h.record(report(&format!("{big}{i}")), None);
        }
        let (steps, bytes) = h.undo_len();
        assert_eq!(steps, 2);
        assert!(bytes <= 2 * step + step / 2);
        let mut one = UndoHistory::with_limits(200, 1);
        one.record(report(&big), None);
        one.record(report(&big), None);
        assert_eq!(
            one.undo_len().0,
            1,
            "the newest step stays, whatever its size"
        );
        // The default limits hold 200 small steps.
        let mut default = UndoHistory::default();
        for i in 0..250 {
            default.record(report(&i.to_string()), None);
        }
        assert_eq!(default.undo_len().0, UNDO_DEPTH);
        assert!(default.undo_len().1 <= UNDO_BYTES);
    }
}
