//! Everything that writes a report out: the JSON exchange format, the printable HTML, plain text
//! for the clipboard, the Word document (feature `docx`), and the one-page 图解 figure.

#[cfg(feature = "docx")]
pub mod docx;
pub mod figure;
pub mod html;
pub mod json;
pub mod plain;
