//! Everything that writes a report out: the JSON exchange format and the printable HTML.

pub mod html;
pub mod json;
