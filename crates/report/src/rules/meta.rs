//! Rules over the report's header: D-deadline.

use crate::finding::Finding;
use crate::model::Report;

pub(super) fn check(_report: &Report, _findings: &mut Vec<Finding>) {}
