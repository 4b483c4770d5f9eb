//! Rules that compare a report with last year's report of the same agency: X-carry-over,
//! X-in-force, T-repeat.

use crate::finding::Finding;
use crate::model::Report;

pub(super) fn check(_report: &Report, _last_year: &Report, _findings: &mut Vec<Finding>) {}
