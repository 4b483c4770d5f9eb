//! The rules of the format (勾稽关系) and the checks a careful reviewer makes.
//!
//! One file per family of rules; each rule id is written once, in the file that checks it.
//! [`check`] runs them all over a report (and its `last_year`, when known). An editor runs them
//! in two parts: [`check_at_once`] on every keystroke, and [`reading::check`] — the rules that
//! read every sentence of the text against the tables — in the background after an edit.

pub(crate) mod catalogue;
pub use catalogue::{help_page, markdown, Rule, RuleDef, RunsIn, RULES};
mod cross_year;
pub use cross_year::{repeated_passages, Repeat, REPEAT_PERCENT, REPEAT_RUN_CHARS};
mod meta;
pub use meta::publication_deadline;
pub mod reading;
mod tables;
mod text;
pub use text::{stated_quantities, Reading, Stated, StatedQuantity};

use crate::finding::{Finding, Severity};
use crate::model::{Meta, Report, Sections};

/// The rule that reports blank cells: the only rule whose severity depends on the [`Stage`]
/// (a warning in a draft, an error when publishing).
pub const BLANK_CELL_RULE: Rule = tables::BLANK;

/// How strict to be: a draft may have blanks; a report about to be published may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Draft,
    /// "Ready to publish": blank cells become errors.
    Publish,
}

/// Every finding for the report, most severe first, then in the order of the report.
pub fn check(report: &Report, stage: Stage) -> Vec<Finding> {
    let texts = text::section_texts(report);
    combine(
        &at_once(report, stage, &text_findings(report, &texts)),
        &reading::check_texts(report, &texts),
    )
}

/// The findings of every rule but the reading rules ([`reading::RULES`]): what an editor shows
/// as soon as a cell or a paragraph changes. Most severe first.
pub fn check_at_once(report: &Report, stage: Stage) -> Vec<Finding> {
    let texts = text::section_texts(report);
    at_once(report, stage, &text_findings(report, &texts))
}

/// [`check_at_once`] for a report being edited: the rules at once that read the sections' text
/// (T-section-empty, T-overview-length, T-fee-statement, S-gov-review, T-year) run again only
/// when the text or the header changed. On a real report they are most of the work (沭阳县
/// 2025: ~155 of ~167 µs natively), and a number typed in a table changes neither.
#[derive(Debug, Default)]
pub struct AtOnce {
    /// The text and header the text findings were made from.
    read: Option<(Sections, Meta)>,
    text_findings: Vec<Finding>,
}

impl AtOnce {
    /// The same findings as [`check_at_once`], in the same order.
    pub fn check(&mut self, report: &Report, stage: Stage) -> Vec<Finding> {
        let unchanged = self
            .read
            .as_ref()
            .is_some_and(|(sections, meta)| *sections == report.sections && *meta == report.meta);
        if !unchanged {
            self.text_findings = text_findings(report, &text::section_texts(report));
            self.read = Some((report.sections.clone(), report.meta.clone()));
        }
        at_once(report, stage, &self.text_findings)
    }
}

/// What the text rules at once find (they read the sections and the header, not the tables).
fn text_findings(report: &Report, texts: &[text::SectionText]) -> Vec<Finding> {
    let mut findings = Vec::new();
    text::check(report, texts, &mut findings);
    findings
}

fn at_once(report: &Report, stage: Stage, text_findings: &[Finding]) -> Vec<Finding> {
    let mut findings = Vec::new();
    tables::check(report, stage, &mut findings);
    findings.extend_from_slice(text_findings);
    meta::check(report, &mut findings);
    if let Some(last_year) = report.last_year.as_deref() {
        cross_year::check(report, last_year, &mut findings);
    }
    sort_by_severity(&mut findings);
    findings
}

/// The findings made at once and those of the reading rules, as one list in [`check`]'s order.
pub fn combine(at_once: &[Finding], reading: &[Finding]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = at_once.iter().chain(reading).cloned().collect();
    sort_by_severity(&mut findings);
    findings
}

/// Stable: within one severity the families keep the report's order. Put in three piles rather
/// than sorted: a keystroke orders every finding of the report, and the standard library's sort
/// would add its code to the editor's download for three values.
fn sort_by_severity(findings: &mut Vec<Finding>) {
    let mut by_severity: [Vec<Finding>; 3] = Default::default();
    for finding in findings.drain(..) {
        let at = match finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        by_severity[at].push(finding);
    }
    findings.extend(by_severity.into_iter().flatten());
}

/// The cross-year rules alone (X-last-year, X-carry-over, X-in-force, T-repeat): what the
/// year-over-year view shows.
pub fn cross_year_findings(report: &Report, last_year: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    cross_year::check(report, last_year, &mut findings);
    sort_by_severity(&mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, Place};
    use crate::{AgencyKind, Severity};

    #[test]
    fn findings_go_most_severe_first_and_keep_their_order_within_a_severity() {
        let blank = Report::new_blank("某街道办事处", AgencyKind::Township, 2023);
        let template = check(&blank, Stage::Draft).remove(0);
        let finding = |severity, n: usize| Finding {
            severity,
            message: crate::Message {
                zh: n.to_string(),
                en: n.to_string(),
            },
            ..template.clone()
        };
        let mut findings = vec![
            finding(Severity::Info, 1),
            finding(Severity::Error, 2),
            finding(Severity::Warning, 3),
            finding(Severity::Error, 4),
            finding(Severity::Info, 5),
            finding(Severity::Warning, 6),
        ];
        sort_by_severity(&mut findings);
        let order: Vec<_> = findings.iter().map(|f| f.message.zh.as_str()).collect();
        assert_eq!(order, ["2", "4", "3", "6", "1", "5"]);
    }

    /// The editor's checker, which reads the text again only when it changed, finds what the
    /// whole check at once finds after each edit: of a cell, of a paragraph, of the header.
    #[test]
    fn at_once_kept_across_edits_finds_what_a_fresh_check_finds() {
        let text = include_str!("../../tests/fixtures/shuyang-county-2025.txt");
        let mut report = crate::import::import_published(text)
            .expect("the fixture imports")
            .report;
        let mut kept = AtOnce::default();
        let mut check_both = |report: &Report| {
            for stage in [Stage::Draft, Stage::Publish] {
                assert_eq!(kept.check(report, stage), check_at_once(report, stage));
            }
        };
        check_both(&report);
        // A number typed in table 三 that breaks its totals: a table's finding, the text alike.
        report.set_cell(
            &Place::Request { row: 0, column: 0 },
            CellValue::Count(Some(7)),
        );
        check_both(&report);
        report.set_cell(
            &Place::Request { row: 0, column: 1 },
            CellValue::Count(None),
        );
        check_both(&report);
        // 六 emptied, then written again without the fee: the text's findings change.
        report.sections.set(crate::SectionId::Other, "");
        check_both(&report);
        report
            .sections
            .set(crate::SectionId::Other, "无其他需要报告的事项。");
        check_both(&report);
        // The header: the year the text's years are held to, and the agency's kind.
        report.meta.year -= 1;
        check_both(&report);
        report.meta.agency_kind = AgencyKind::Department;
        check_both(&report);
        assert!(
            kept.check(&report, Stage::Draft)
                .iter()
                .any(|f| f.rule == Rule::TFeeStatement),
            "the text rules' findings are among those kept"
        );
    }

    fn publishable(report: &Report) -> bool {
        !check(report, Stage::Publish)
            .iter()
            .any(|f| f.severity == Severity::Error)
    }

    /// The editor reads "ready to publish" off the draft findings (no error, no blank cell)
    /// instead of running every rule twice per keystroke; this holds that shortcut to the truth.
    #[test]
    fn publish_stage_differs_from_draft_only_by_blank_cells() {
        let mut report = Report::new_blank("某街道办事处", AgencyKind::Township, 2023);
        for def in &crate::format::SECTIONS {
            report.sections.set(
                def.id,
                "本年度未收取信息处理费。工作考核、社会评议、责任追究均已落实。",
            );
        }
        let shortcut = |r: &Report| {
            !check(r, Stage::Draft)
                .iter()
                .any(|f| f.severity == Severity::Error || f.rule == BLANK_CELL_RULE)
        };
        assert!(!publishable(&report));
        assert_eq!(shortcut(&report), publishable(&report));
        for table in [
            crate::SectionId::Active,
            crate::SectionId::Requests,
            crate::SectionId::Appeals,
        ] {
            for place in crate::layout::table_layout(table)
                .unwrap()
                .value_rows()
                .iter()
                .flatten()
            {
                let value = match place {
                    Place::Active(crate::format::ActiveRowId::Fees, _) => {
                        CellValue::Fee(Some(crate::fee::Decimal::zero()))
                    }
                    _ => CellValue::Count(Some(0)),
                };
                report.set_cell(place, value);
            }
        }
        assert!(publishable(&report), "{:?}", check(&report, Stage::Publish));
        assert_eq!(shortcut(&report), publishable(&report));
        report.requests.0[0][0] = None;
        assert!(!publishable(&report));
        assert_eq!(shortcut(&report), publishable(&report));
    }
}
