//! Everything that writes a report out: the JSON exchange format, the printable HTML, and
//! plain text for the clipboard.

pub mod html;
pub mod json;
pub mod plain;
