//! The ids of the notes an import hands back with the report, each written once, and how a note
//! is made. A note is a [`Finding`]: the app lists it next to the rules' findings.

use crate::finding::{Basis, Finding, Severity};
use crate::model::Place;

/// The report uses the 2019 trial layout (spec rule `S-old-format`).
pub const OLD_FORMAT: &str = "S-old-format";
/// The text ends before the report does: says where it ends and what is missing after it.
pub const MISSING: &str = "I-missing";
/// A value that could not be read as a number, quoted; its cell stays blank.
pub const UNREAD: &str = "I-unread";
/// A section whose heading was not found in the text.
pub const SECTION_MISSING: &str = "I-section-missing";
/// Rows of a table that were not found although the table was.
pub const ROWS_MISSING: &str = "I-rows-missing";
/// A table that was not found at all.
pub const TABLE_MISSING: &str = "I-table-missing";
/// A header field (title, agency, year) that was not found, or was inferred from the text.
pub const META: &str = "I-meta";
/// The agency kind, where the agency's name leaves it open.
pub const AGENCY_KIND: &str = "I-agency-kind";
/// A known misreading of a PDF or OCR copy, corrected in the header fields.
pub const OCR_FIX: &str = "I-ocr-fix";
/// Cells the copy printed damaged or not at all, filled because the tables' arithmetic
/// (勾稽关系) allows exactly one value: says which, and how.
pub const DERIVED: &str = "I-derived";

const BASIS: Basis = Basis::Practice("导入已发布的报告 (importing a published report)");

pub(super) fn note(
    rule: &'static str,
    severity: Severity,
    place: Place,
    message_zh: String,
    message_en: String,
) -> Finding {
    Finding {
        rule,
        severity,
        place,
        message_zh,
        message_en,
        basis: BASIS,
    }
}
