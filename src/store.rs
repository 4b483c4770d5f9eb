//! The one store of the open report. Every edit goes through [`Store::edit`]: one write, one
//! undo step, totals derived when auto-total is on; findings are memoised from the report.
//!
//! Data flows one way: keystroke → `edit` → `report` → `findings` memo → paint. The reading
//! rules (T-numbers, T-no-requests-claim, T-page-chrome: `rules::reading`) are the exception:
//! they read every sentence, so [`read_in_background`] has the tools worker run them after a
//! pause in typing and puts their findings in `reading`; until they have read the report as it
//! is, it is not "ready to publish".

use std::collections::HashMap;

use leptos::prelude::*;
use nianbao_report::editing::undo::UndoHistory;
use nianbao_report::export::json;
use nianbao_report::model::CellValue;
use nianbao_report::rules::{self, reading, Stage};
use nianbao_report::{totals, Finding, Message, Place, Report, Severity};

use crate::platform::{tick, tools};

/// What the reading rules last said, and of which report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadingFindings {
    /// The report they read; None before the first reading (and after another draft opens).
    pub of: Option<Report>,
    pub findings: Vec<Finding>,
    /// Why the last reading could not run (the tools worker did not load).
    pub failed: Option<String>,
}

/// How long the findings may wait for the page to be idle after the editor starts.
const FINDINGS_AT_MOST_MS: i32 = 1000;

#[derive(Clone, Copy)]
pub struct Store {
    pub report: RwSignal<Report>,
    history: StoredValue<UndoHistory>,
    pub auto_total: RwSignal<bool>,
    /// The findings of the rules run on every keystroke (`rules::check_at_once`, the text's
    /// kept while the text is unchanged: `rules::AtOnce`).
    pub at_once: Memo<Vec<Finding>>,
    pub reading: RwSignal<ReadingFindings>,
    /// The notes of the import the draft was made from (I-…), kept among the findings until
    /// the user has checked them against the published report.
    pub imported: RwSignal<Vec<Finding>>,
    /// Whether the reading rules have read the report as it is now.
    pub text_read: Memo<bool>,
    /// Whether the findings are on screen yet: none until the page has first been idle (at most
    /// [`FINDINGS_AT_MOST_MS`] after the editor's start).
    pub findings_shown: RwSignal<bool>,
    /// Every finding: those made at once, and the reading rules' last ones (kept on screen while
    /// the text is read again, so that they do not blink at each keystroke). Empty until
    /// `findings_shown`; the autosave counts `at_once`, which is never held back.
    pub findings: Memo<Vec<Finding>>,
    /// Whether the report could be published as it is: its text read, and no error even with
    /// blanks counted as errors (the "ready to publish" stage).
    pub ready_to_publish: Memo<bool>,
    /// The most severe finding of each place, by place id: what a cell or paragraph shows.
    pub findings_by_place: Memo<HashMap<String, (Severity, Message)>>,
    /// What each cell and paragraph on screen shows, by place id (see [`Shown`]).
    shown: StoredValue<HashMap<String, ShownPlace>>,
}

struct ShownPlace {
    place: Place,
    shown: Shown,
    /// The cell's value behind `shown.text`: compared, rather than the text, so that a
    /// keystroke formats no number but the changed ones.
    value: Option<CellValue>,
}

/// What one cell or paragraph shows: its text and its most severe finding, each a signal of its
/// own that is set only when it changes. A keystroke then wakes the place typed in and the places
/// whose finding changed, not every cell: with each of the ~250 cells reading the report and the
/// findings, a keystroke cost ~3 ms, most of it the reactive graph's bookkeeping of their
/// subscriptions (`bench/typing.mjs`).
#[derive(Clone)]
pub struct Shown {
    pub text: ArcRwSignal<String>,
    pub finding: ArcRwSignal<Option<(Severity, Message)>>,
}

fn text_of(value: Option<&CellValue>) -> String {
    value.map(CellValue::text).unwrap_or_default()
}

/// What `place` holds in `report`: a cell's value (None for a paragraph) and its text.
fn value_and_text(report: &Report, place: &Place) -> (Option<CellValue>, String) {
    match place {
        Place::Section(section) => (None, report.sections.get(*section).to_owned()),
        _ => {
            let value = report.cell(place);
            let text = text_of(value.as_ref());
            (value, text)
        }
    }
}

/// Sets the signals of the places whose text or finding changed.
fn show_changes(
    all: &mut HashMap<String, ShownPlace>,
    report: &Report,
    by_place: &HashMap<String, (Severity, Message)>,
) {
    for (id, at) in all.iter_mut() {
        if let Place::Section(section) = at.place {
            let text = report.sections.get(section);
            if at.shown.text.with_untracked(|now| now != text) {
                at.shown.text.set(text.to_owned());
            }
        } else {
            let value = report.cell(&at.place);
            if value != at.value {
                at.shown.text.set(text_of(value.as_ref()));
                at.value = value;
            }
        }
        let finding = by_place.get(id);
        if at
            .shown
            .finding
            .with_untracked(|now| now.as_ref() != finding)
        {
            at.shown.finding.set(finding.cloned());
        }
    }
}

impl Store {
    pub fn new(report: Report, auto_total: bool) -> Store {
        let report = RwSignal::new(report);
        // The text rules at once run again only when a paragraph or the header changed.
        let checker = StoredValue::new(rules::AtOnce::default());
        let at_once = Memo::new(move |_| {
            report
                .with(|r| checker.try_update_value(|checker| checker.check(r, Stage::Draft)))
                .unwrap_or_default()
        });
        let reading = RwSignal::new(ReadingFindings::default());
        let text_read = Memo::new(move |_| {
            reading.with(|read| {
                read.failed.is_none()
                    && read
                        .of
                        .as_ref()
                        .is_some_and(|of| report.with(|now| of == now))
            })
        });
        let imported = RwSignal::new(Vec::new());
        // Opening a draft draws the report and takes input first; the rules' first run waits
        // for the page's first idle moment (bench/goals-not-met.md, the load).
        let findings_shown = RwSignal::new(false);
        tick::when_idle(
            FINDINGS_AT_MOST_MS,
            Box::new(move || findings_shown.set(true)),
        );
        let findings = Memo::new(move |_| {
            if !findings_shown.get() {
                return Vec::new();
            }
            at_once.with(|at_once| {
                reading.with(|read| {
                    imported.with(|imported: &Vec<Finding>| {
                        if imported.is_empty() {
                            rules::combine(at_once, &read.findings)
                        } else {
                            rules::combine(at_once, &[read.findings.as_slice(), imported].concat())
                        }
                    })
                })
            })
        });
        // The publish stage differs from the draft stage only in that blank cells (C-blank)
        // become errors: reading that off the draft findings spares a second run of every rule
        // on each keystroke.
        let ready_to_publish = Memo::new(move |_| {
            findings_shown.get()
                && text_read.get()
                && findings.with(|all| {
                    !all.iter()
                        .any(|f| f.severity == Severity::Error || f.rule == rules::BLANK_CELL_RULE)
                })
        });
        let findings_by_place = Memo::new(move |_| {
            let mut by_place: HashMap<String, (Severity, Message)> = HashMap::new();
            findings.with(|all| {
                // Findings come most severe first: the first one of a place wins.
                for finding in all {
                    by_place
                        .entry(finding.place.id())
                        .or_insert_with(|| (finding.severity, finding.message.clone()));
                }
            });
            by_place
        });
        let shown = StoredValue::new(HashMap::new());
        Effect::new(move |_| {
            report.with(|report| {
                findings_by_place
                    .with(|by_place| shown.update_value(|all| show_changes(all, report, by_place)))
            })
        });
        Store {
            report,
            history: StoredValue::new(UndoHistory::default()),
            auto_total: RwSignal::new(auto_total),
            at_once,
            reading,
            imported,
            text_read,
            findings_shown,
            findings,
            ready_to_publish,
            findings_by_place,
            shown,
        }
    }

    /// The signals of what `place` (a cell or a paragraph) shows, made on first asking.
    pub fn shown(&self, place: &Place) -> Shown {
        let id = place.id();
        if let Some(shown) = self
            .shown
            .with_value(|all| all.get(&id).map(|at| at.shown.clone()))
        {
            return shown;
        }
        let (value, text) = self
            .report
            .with_untracked(|report| value_and_text(report, place));
        let shown = Shown {
            text: ArcRwSignal::new(text),
            finding: ArcRwSignal::new(
                self.findings_by_place
                    .with_untracked(|by_place| by_place.get(&id).cloned()),
            ),
        };
        let at = ShownPlace {
            place: place.clone(),
            shown: shown.clone(),
            value,
        };
        self.shown.update_value(|all| drop(all.insert(id, at)));
        shown
    }

    /// Applies one edit. Edits with the same `coalesce` key in a row form one undo step (typing
    /// in one cell or one paragraph); `None` is always a step of its own (a paste, a fill).
    pub fn edit(&self, coalesce: Option<String>, change: impl FnOnce(&mut Report)) {
        let mut after = self.report.get_untracked();
        change(&mut after);
        if self.auto_total.get_untracked() {
            totals::fill_totals(&mut after);
        }
        if self.report.with_untracked(|now| *now == after) {
            return;
        }
        // One copy of the report a keystroke: the one the undo history keeps.
        if let Some(before) = self.report.try_update(|now| std::mem::replace(now, after)) {
            self.history.update_value(|h| h.record(before, coalesce));
        }
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
        // The last draft's reading findings are not this one's.
        self.reading.set(ReadingFindings::default());
        self.report.set(report);
    }
}

/// How long typing pauses before the text is read again.
const READING_PAUSE_MS: i32 = 300;

/// Has the tools worker read the report's text (the reading rules) after each pause in typing:
/// one reading at a time, always of the report on screen.
pub fn read_in_background(store: Store) {
    let running = StoredValue::new(false);
    Effect::new(move |_| {
        store.report.track();
        if running.get_value() {
            // The running loop reads again when it sees the report changed.
            return;
        }
        running.set_value(true);
        leptos::task::spawn_local(async move {
            read_until_current(store).await;
            running.set_value(false);
        });
    });
}

async fn read_until_current(store: Store) {
    loop {
        let before = store.report.get_untracked();
        tick::sleep_ms(READING_PAUSE_MS).await;
        let Some(now) = store.report.try_get_untracked() else {
            return;
        };
        if now != before {
            continue; // still typing
        }
        if store
            .reading
            .with_untracked(|read| read.failed.is_none() && read.of.as_ref() == Some(&now))
        {
            return;
        }
        let answer = tools::check_reading(&json::to_json(&now))
            .await
            .and_then(|text| reading::decode(&text));
        let read = match answer {
            Ok(findings) => ReadingFindings {
                of: Some(now),
                findings,
                failed: None,
            },
            Err(why) => ReadingFindings {
                failed: Some(why),
                ..store.reading.get_untracked()
            },
        };
        let failed = read.failed.is_some();
        store.reading.set(read);
        if failed {
            // Tried again on the next edit, not in a loop against a worker that does not load.
            return;
        }
    }
}
