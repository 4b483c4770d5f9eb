//! The rules of the format (勾稽关系) and the checks a careful reviewer makes.
//!
//! One file per family of rules; each rule id is written once, in the file that checks it.
//! [`check`] runs them all over a report (and its `last_year`, when known).

mod cross_year;
mod meta;
mod tables;
mod text;

use crate::finding::Finding;
use crate::model::Report;

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
    let mut findings = Vec::new();
    tables::check(report, stage, &mut findings);
    text::check(report, &mut findings);
    meta::check(report, &mut findings);
    if let Some(last_year) = report.last_year.as_deref() {
        cross_year::check(report, last_year, &mut findings);
    }
    // Stable: within one severity the families keep the report's order.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}
