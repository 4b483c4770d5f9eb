//! The ids of the notes an import hands back with the report, each written once, and how a note
//! is made. A note is a [`Finding`]: the app lists it next to the rules' findings.

use crate::finding::{Finding, Severity};
use crate::message::Message;
use crate::model::Place;
use crate::rules::Rule;

/// The report uses the 2019 trial layout (spec rule `S-old-format`).
pub const OLD_FORMAT: Rule = Rule::SOldFormat;
/// The text ends before the report does: says where it ends and what is missing after it.
pub const MISSING: Rule = Rule::IMissing;
/// A value that could not be read as a number, quoted; its cell stays blank.
pub const UNREAD: Rule = Rule::IUnread;
/// A section whose heading was not found in the text.
pub const SECTION_MISSING: Rule = Rule::ISectionMissing;
/// Rows of a table that were not found although the table was.
pub const ROWS_MISSING: Rule = Rule::IRowsMissing;
/// A table that was not found at all.
pub const TABLE_MISSING: Rule = Rule::ITableMissing;
/// A header field (title, agency, year) that was not found, or was inferred from the text.
pub const META: Rule = Rule::IMeta;
/// The agency kind, where the agency's name leaves it open.
pub const AGENCY_KIND: Rule = Rule::IAgencyKind;
/// A known misreading of a PDF or OCR copy, corrected in the header fields.
pub const OCR_FIX: Rule = Rule::IOcrFix;
/// Cells the copy printed damaged or not at all, filled because the tables' arithmetic
/// (勾稽关系) allows exactly one value: says which, and how.
pub const DERIVED: Rule = Rule::IDerived;

pub(super) fn note(
    rule: Rule,
    severity: Severity,
    place: Place,
    message_zh: String,
    message_en: String,
) -> Finding {
    Finding {
        rule,
        severity,
        place,
        message: Message {
            zh: message_zh,
            en: message_en,
        },
        basis: crate::rules::catalogue::IMPORT_BASIS,
    }
}
