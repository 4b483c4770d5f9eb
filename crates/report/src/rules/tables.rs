//! Rules over the numbers of tables 二, 三 and 四: R3-balance, R3-row-total, R3-results-total,
//! R4-group-total, C-integer, C-blank, R3-other-share.

use super::Stage;
use crate::finding::Finding;
use crate::model::Report;

pub(super) fn check(_report: &Report, _stage: Stage, _findings: &mut Vec<Finding>) {}
