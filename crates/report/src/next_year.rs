//! Next year's draft from this year's report: the same agency, row 二 carried over from this
//! year's row 四, everything else blank, and this report kept as `last_year` for the
//! cross-year rules.

use crate::format::request_rows_with_role;
use crate::format::RequestRowRole;
use crate::model::Report;

/// The draft the user starts next year from. The title is reset so that it follows the new year
/// (an empty title prints as the default one); the text starts again from the template's
/// sub-headings, because copying last year's text is what T-repeat warns against.
pub fn next_year_draft(report: &Report) -> Report {
    let mut draft = Report::new_blank(
        &report.meta.agency,
        report.meta.agency_kind,
        report.meta.year.saturating_add(1),
    );
    // 上年结转 this year is 结转下年度继续办理 last year (X-carry-over checks the same equality).
    let carried_out = request_rows_with_role(RequestRowRole::CarriedOut).next();
    let carried_in = request_rows_with_role(RequestRowRole::CarriedIn).next();
    if let (Some(from), Some(to)) = (carried_out, carried_in) {
        draft.requests.0[to] = report.requests.0[from];
    }
    // Field by field, so that the report's own `last_year` is dropped rather than cloned.
    draft.last_year = Some(Box::new(Report {
        meta: report.meta.clone(),
        sections: report.sections.clone(),
        active: report.active.clone(),
        requests: report.requests.clone(),
        appeals: report.appeals.clone(),
        last_year: None,
    }));
    draft
}
