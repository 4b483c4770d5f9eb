//! Reading a published report (HTML, text copied from a page, text extracted from a PDF).
//!
//! Whatever the input, it is first read into one shape — lines of running text and table rows,
//! in reading order (`Item`) — by `html` or `text`; from there one reader finds the sections
//! by their headings (`sections`), the header fields (`meta`) and the tables by their labels
//! (`tables`). What could not be read is never guessed: the cell stays blank and a note says
//! what is missing, and where.

mod coverage;
pub mod file;
mod html;
mod labels;
mod meta;
pub(crate) mod normalise;
pub mod notes;
mod old_format;
mod pdf_text;
mod sections;
mod tables;
mod text;
pub mod transfer;

use crate::finding::Finding;
use crate::format::{self, SectionId, REQUEST_ROWS, SECTIONS};
use crate::message::Message;
use crate::model::Report;
use sections::is_table_section;
use std::fmt;

/// A report read from a published copy, with notes on what the import could not read.
#[derive(Clone, Debug)]
pub struct Imported {
    pub report: Report,
    /// Import notes (`I-…` ids of [`notes`], and `S-old-format`), most important first.
    pub notes: Vec<Finding>,
}

/// The input is not a report at all (empty, binary, or without any heading or table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub message: Message,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for ImportError {}

/// What any input is read into first.
enum Item {
    /// A line of running text: a paragraph, a heading, a caption.
    Line(String),
    /// A table row, its cells in order.
    Row(Vec<Cell>),
}

#[derive(Clone, Debug)]
struct Cell {
    /// The cell's text, trimmed.
    text: String,
    /// How many columns the cell spans (colspan).
    span: usize,
}

impl Cell {
    fn new(text: &str) -> Cell {
        Cell {
            text: text.trim().to_owned(),
            span: 1,
        }
    }
}

/// HTML (a saved page, or clipboard text/html) or plain text copied from a page or extracted from
/// a PDF: auto-detected.
pub fn import_published(input: &str) -> Result<Imported, ImportError> {
    let input = input.trim_start_matches('\u{feff}');
    // Old Mac line ends (a lone CR) are line ends too.
    let input: std::borrow::Cow<str> = if input.contains('\r') && !input.contains('\n') {
        input.replace('\r', "\n").into()
    } else {
        input.into()
    };
    let input = input.as_ref();
    if input.trim().is_empty() {
        return Err(ImportError {
            message: Message {
                zh: "没有可导入的内容：输入为空。".to_owned(),
                en: "Nothing to import: the input is empty.".to_owned(),
            },
        });
    }
    if looks_binary(input) {
        return Err(ImportError {
            message: Message {
zh: "这不是文字或网页，而是二进制数据（例如图片、PDF或Word文件本身），或者文字不是UTF-8编码（例如UTF-16）。请复制网页上的报告文字，或先从PDF中提取文字再导入。".to_owned(),
en: "This is not text or a web page but binary data (an image, or a PDF or Word file itself), or text not encoded as UTF-8 (e.g. UTF-16). Copy the report's text from the page, or extract the text from the PDF first.".to_owned(),
},
        });
    }
    let (items, page_title, from_text) = if looks_like_html(input) {
        let page = html::read(input);
        (page.items, page.title, false)
    } else {
        (text::read(input), None, true)
    };
    let document = sections::split(clean(items));

    let all_table_headings = SECTIONS
        .iter()
        .filter(|s| is_table_section(s.id))
        .all(|s| document.region(s.id).is_some());
    let toks = tables::tokens(&document, !all_table_headings);
    let ends_early = document.last_section() != Some(SectionId::Other);
    let tables = tables::read(&toks, ends_early);
    if document.regions.is_empty() && !tables.found_anything() {
        let overview = format::section(SectionId::Overview).heading;
        let first_row = REQUEST_ROWS.first().map_or("", |r| r.label);
        return Err(ImportError {
            message: Message {
zh: format!("没有找到年度报告的章节标题（如「{overview}」）或表格（如「{first_row}」），这似乎不是政府信息公开工作年度报告，未导入。"),
en: format!("No section heading (such as 「{overview}」) or table (such as 「{first_row}」) of an annual report was found; this does not look like a report, so nothing was imported."),
},
        });
    }

    let mut texts: [Vec<String>; 6] = Default::default();
    for region in &document.regions {
        if let Some(text) = texts.get_mut(region.section as usize) {
            *text = sections::section_text(region, from_text);
        }
    }
    let signature = document
        .last_section()
        .and_then(|last| texts.get_mut(last as usize))
        .and_then(sections::strip_signature);
    let preamble = sections::preamble_text(&document, from_text);
    let opening_read = !preamble.is_empty();
    if let Some(overview) = texts.get_mut(SectionId::Overview as usize) {
        overview.splice(0..0, preamble);
    }

    let meta = meta::read(&document, page_title.as_deref(), signature);
    let mut report = Report {
        meta: meta.meta,
        ..Report::default()
    };
    for def in &SECTIONS {
        if let Some(lines) = texts.get(def.id as usize) {
            report.sections.set(def.id, lines.join("\n"));
        }
    }

    let mut notes = coverage::notes(&document, &tables, opening_read);
    if let Some(old) = tables.old.note() {
        notes.push(old);
    }
    notes.extend(tables.notes);
    notes.extend(meta.notes);
    report.active = tables.active;
    report.requests = tables.requests;
    report.appeals = tables.appeals;
    Ok(Imported { report, notes })
}

/// Lines without the marks of a markdown or PDF copy; page footers and empty lines dropped.
fn clean(items: Vec<Item>) -> Vec<Item> {
    items
        .into_iter()
        .filter_map(|item| match item {
            Item::Line(line) => {
                let text = pdf_text::strip_markdown(&line);
                (!text.is_empty() && !pdf_text::is_page_footer(text))
                    .then(|| Item::Line(text.to_owned()))
            }
            row => Some(row),
        })
        .collect()
}

/// NUL bytes, or more than 2 % control or undecodable chars: a file that is not text.
fn looks_binary(input: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in input.chars().take(1 << 16) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            odd += 1;
        }
    }
    odd * 50 > total
}

/// Tags that only a page (or the clipboard's text/html) has.
const HTML_TAGS: [&str; 20] = [
    "html", "body", "head", "meta", "table", "tr", "td", "th", "p", "div", "br", "span", "h1",
    "h2", "h3", "h4", "li", "font", "strong", "!doctype",
];

fn looks_like_html(input: &str) -> bool {
    input.match_indices('<').any(|(at, _)| {
        let rest = input.get(at + 1..).unwrap_or("").as_bytes();
        HTML_TAGS.iter().any(|tag| {
            let tag = tag.as_bytes();
            rest.len() > tag.len()
                && rest
                    .get(..tag.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(tag))
                && rest
                    .get(tag.len())
                    .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        })
    })
}
