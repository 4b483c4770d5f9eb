//! What a user pastes into a table of the editor, and what a typed or pasted cell means.
//!
//! A block copied from Excel or WPS arrives twice: as text/plain (tab-separated, Excel's
//! quoting) and as text/html (a `<table>`). The HTML keeps merged cells apart, so it is read when
//! it has a table; the plain text otherwise. Reading is tolerant and never panics: any text
//! gives some block.
//!
//! A cell is read as published reports write it (spec §6): blank marks, full-width digits and
//! thousands separators are accepted; anything else is an error that quotes what was typed.

use crate::fee::Decimal;
use crate::html_tokens::{tokenize_without, Token};
use crate::message::Message;
use crate::model::MAX_COUNT;
use std::fmt;

/// A pasted block is cut to this many rows and columns: far more than any table of the report
/// (table 三 is 25 × 7), few enough that a paste of megabytes of tabs cannot fill the memory.
pub const MAX_BLOCK_ROWS: usize = 1000;
pub const MAX_BLOCK_COLUMNS: usize = 100;

/// The block a paste holds, row by row. Rows may differ in length; a merged cell of the HTML
/// is put in its top-left place and leaves empty cells in the others, as Excel's plain text does,
/// so that the cells after it keep their columns.
pub fn parse_block(text_plain: &str, text_html: Option<&str>) -> Vec<Vec<String>> {
    if let Some(block) = text_html.and_then(html_table_block) {
        return block;
    }
    tsv_block(text_plain)
}

// ---------------------------------------------------------------------------------------------
// Plain text: Excel's tab-separated values
// ---------------------------------------------------------------------------------------------

/// Where the reader is in a cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Nothing read of the cell yet: a quote here opens a quoted cell.
    CellStart,
    /// A cell without quotes: it ends at the next tab or line end; quotes in it are text.
    Plain,
    /// Inside a quoted cell: tabs and line ends are text.
    Quoted,
    /// A quote inside a quoted cell: either the first of a doubled quote or the closing one.
    QuoteInQuoted,
}

/// Reads Excel's text/plain. Excel quotes a cell that holds a tab, a line break or a quote
/// (`"line one\nline two"`, quotes doubled inside); rows end in `\r\n` (Windows) or `\n`; the
/// block ends with a line end that is not an empty last row. A naive split on tabs and line ends
/// would cut a quoted cell in pieces.
///
/// Text from elsewhere may have a stray quote: a quote that does not close where a cell ends is
/// kept as text, and a quote that is never closed is read as text from the start of its cell.
fn tsv_block(text: &str) -> Vec<Vec<String>> {
    let mut reader = Tsv::new(text);
    if !reader.run(0, false) {
        // A quoted cell ran to the end: its opening quote was text. Read again from that cell
        // with quotes as text, which cannot happen twice.
        let restart = reader.cell_start;
        reader.cell.clear();
        reader.run(restart, true);
    }
    reader.finish()
}

struct Tsv<'a> {
    text: &'a str,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    /// Byte offset where the current cell starts, to read it again as written.
    cell_start: usize,
    state: State,
}

impl<'a> Tsv<'a> {
    fn new(text: &'a str) -> Self {
        Tsv {
            text,
            rows: Vec::new(),
            row: Vec::new(),
            cell: String::new(),
            cell_start: 0,
            state: State::CellStart,
        }
    }

    /// Reads from byte `from`; false when the text ends inside a quoted cell.
    fn run(&mut self, from: usize, quotes_are_text: bool) -> bool {
        self.state = State::CellStart;
        let rest = self.text.get(from..).unwrap_or("");
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if self.rows.len() >= MAX_BLOCK_ROWS {
                // Nothing more will be kept; the rest of the text is not read.
                self.row.clear();
                self.cell.clear();
                self.state = State::CellStart;
                return true;
            }
            let at = from + at;
            let mut next_start = at + c.len_utf8();
            // A line end: `\r\n`, `\n`, or an old Mac `\r`.
            let line_end = c == '\n' || c == '\r';
            if c == '\r' && chars.next_if(|(_, next)| *next == '\n').is_some() {
                next_start += 1;
            }
            match self.state {
                State::CellStart | State::Plain => {
                    if c == '\t' {
                        self.end_cell(next_start);
                    } else if line_end {
                        self.end_cell(next_start);
                        self.end_row();
                    } else if c == '"' && self.state == State::CellStart && !quotes_are_text {
                        self.state = State::Quoted;
                    } else {
                        self.cell.push(c);
                        self.state = State::Plain;
                    }
                }
                State::Quoted => {
                    if c == '"' {
                        self.state = State::QuoteInQuoted;
                    } else if line_end {
                        // A line break inside the cell: `\r\n` is kept as one `\n`, as a
                        // cell's text holds it.
                        self.cell.push('\n');
                    } else {
                        self.cell.push(c);
                    }
                }
                State::QuoteInQuoted => {
                    if c == '"' {
                        self.cell.push('"');
                        self.state = State::Quoted;
                    } else if c == '\t' {
                        self.end_cell(next_start);
                    } else if line_end {
                        self.end_cell(next_start);
                        self.end_row();
                    } else {
                        // 「"5" 件」: the quotes did not wrap the whole cell, so they are text.
                        self.cell.clear();
                        self.cell
                            .push_str(self.text.get(self.cell_start..at).unwrap_or(""));
                        self.cell.push(c);
                        self.state = State::Plain;
                    }
                }
            }
        }
        self.state != State::Quoted
    }

    fn end_cell(&mut self, next_start: usize) {
        let cell = std::mem::take(&mut self.cell);
        if self.row.len() < MAX_BLOCK_COLUMNS {
            self.row.push(cell);
        }
        self.cell_start = next_start;
        self.state = State::CellStart;
    }

    fn end_row(&mut self) {
        self.rows.push(std::mem::take(&mut self.row));
    }

    fn finish(mut self) -> Vec<Vec<String>> {
        // Text after the last line end is a last row; a line end at the very end is not.
        if self.state != State::CellStart || !self.row.is_empty() {
            self.end_cell(self.text.len());
            if self.rows.len() < MAX_BLOCK_ROWS {
                self.end_row();
            }
        }
        self.rows
    }
}

// ---------------------------------------------------------------------------------------------
// text/html: the cells of its tables
// ---------------------------------------------------------------------------------------------

/// Spans beyond these are cut: HTML allows colspan up to 1000, which a block cannot use.
const MAX_COLSPAN: usize = MAX_BLOCK_COLUMNS;
const MAX_ROWSPAN: usize = MAX_BLOCK_ROWS;

/// Elements whose text is not the page's (Excel puts its CSS in a `<style>` block).
const SKIPPED: [&[u8]; 4] = [b"script", b"style", b"template", b"title"];

/// Elements that break a line inside a cell (Word and web pages wrap a cell's lines in `<p>`).
const LINE_BREAKS: [&[u8]; 5] = [b"br", b"p", b"div", b"li", b"tr"];

/// The rows of the HTML's tables, spans laid out, or None when it has no table with a cell.
/// Tables one after another (Word copies each of its tables) give their rows in order; a table
/// inside a cell is that cell's text.
fn html_table_block(html: &str) -> Option<Vec<Vec<String>>> {
    // Most HTML a browser hands over is a styled fragment of text; it is not tokenised at all.
    if !contains_ignoring_ascii_case(html, b"<table") {
        return None;
    }
    let mut grid = Grid::default();
    let mut depth = 0usize;
    for token in tokenize_without(html, &SKIPPED) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                match name {
                    b"table" => depth += 1,
                    // Nothing more will be kept; the rest of the HTML is not read.
                    b"tr" if depth == 1 && grid.is_full() => break,
                    b"tr" if depth == 1 => grid.open_row(),
                    b"td" | b"th" if depth == 1 => {
                        grid.open_cell(
                            tag.attributes.span(b"colspan", MAX_COLSPAN),
                            tag.attributes.span(b"rowspan", MAX_ROWSPAN),
                        );
                    }
                    // Cells of a table inside a cell are words of that cell.
                    b"td" | b"th" if depth > 1 => grid.push_text(" "),
                    _ if LINE_BREAKS.contains(&name) => grid.break_line(),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                match name {
                    b"table" if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            grid.close_table();
                        }
                    }
                    b"tr" if depth == 1 => grid.close_row(),
                    b"td" | b"th" if depth == 1 => grid.close_cell(),
                    _ if LINE_BREAKS.contains(&name) => grid.break_line(),
                    _ => {}
                }
            }
            Token::String(text) => {
                grid.push_text(&String::from_utf8_lossy(text.as_slice()));
            }
        }
    }
    // A fragment may stop inside its table.
    grid.close_table();
    grid.finish()
}

fn contains_ignoring_ascii_case(haystack: &str, needle: &[u8]) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The cells of the tables read so far, on a grid of rows and columns. A place is None until a
/// cell or a span covers it.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<Option<String>>>,
    /// The row being read in the current table: its index in `rows`.
    row: Option<usize>,
    /// Where the current table's rows start: a span cannot reach above it.
    table_start: usize,
    /// Rows the current table has opened: spans below its last row are cut.
    table_rows: usize,
    /// The first column of the open row that may still be free: cells are placed left to right.
    next_column: usize,
    /// The open cell: its text and spans.
    cell: Option<(String, usize, usize)>,
    cells: usize,
}

impl Grid {
    fn is_full(&self) -> bool {
        self.table_start + self.table_rows >= MAX_BLOCK_ROWS
    }

    fn open_row(&mut self) {
        self.close_row();
        let index = self.table_start + self.table_rows;
        if index >= MAX_BLOCK_ROWS {
            return;
        }
        self.table_rows += 1;
        while self.rows.len() <= index {
            self.rows.push(Vec::new());
        }
        self.row = Some(index);
        self.next_column = 0;
    }

    fn close_row(&mut self) {
        self.close_cell();
        self.row = None;
    }

    fn open_cell(&mut self, colspan: usize, rowspan: usize) {
        self.close_cell();
        if self.row.is_none() {
            self.open_row();
        }
        self.cell = Some((String::new(), colspan, rowspan));
    }

    fn push_text(&mut self, text: &str) {
        let Some((cell, _, _)) = self.cell.as_mut() else {
            return;
        };
        // HTML's white space is one space; &nbsp; (Excel's empty cell) is white space too.
        for c in text.chars() {
            if c.is_whitespace() {
                if !cell.is_empty() && !cell.ends_with([' ', '\n']) {
                    cell.push(' ');
                }
            } else {
                cell.push(c);
            }
        }
    }

    fn break_line(&mut self) {
        if let Some((cell, _, _)) = self.cell.as_mut() {
            let kept = cell.trim_end_matches(' ').len();
            cell.truncate(kept);
            if !cell.is_empty() && !cell.ends_with('\n') {
                cell.push('\n');
            }
        }
    }

    /// Puts the open cell in the first free place of its row, and covers the places its spans
    /// take with empty cells.
    fn close_cell(&mut self) {
        let (Some((text, colspan, rowspan)), Some(row)) = (self.cell.take(), self.row) else {
            return;
        };
        let text = text.trim().to_owned();
        let Some(cells) = self.rows.get(row) else {
            return;
        };
        let Some(column) = (self.next_column..MAX_BLOCK_COLUMNS)
            .find(|c| cells.get(*c).is_none_or(Option::is_none))
        else {
            self.next_column = MAX_BLOCK_COLUMNS;
            return;
        };
        let last_row = (row + rowspan).min(MAX_BLOCK_ROWS);
        let last_column = (column + colspan).min(MAX_BLOCK_COLUMNS);
        let mut text = Some(text);
        for r in row..last_row {
            while self.rows.len() <= r {
                self.rows.push(Vec::new());
            }
            let Some(cells) = self.rows.get_mut(r) else {
                continue;
            };
            if cells.len() < last_column {
                cells.resize(last_column, None);
            }
            for place in cells.iter_mut().take(last_column).skip(column) {
                if place.is_none() {
                    *place = Some(text.take().unwrap_or_default());
                }
            }
        }
        self.next_column = last_column;
        self.cells += 1;
    }

    fn close_table(&mut self) {
        self.close_row();
        // Rows a span reached below the table's last row are not rows of the table.
        self.rows.truncate(self.table_start + self.table_rows);
        self.table_start = self.rows.len();
        self.table_rows = 0;
    }

    fn finish(self) -> Option<Vec<Vec<String>>> {
        if self.cells == 0 {
            return None;
        }
        Some(
            self.rows
                .into_iter()
                .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
                .collect(),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// What a cell means
// ---------------------------------------------------------------------------------------------

/// Why a typed or pasted cell is not a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellProblem {
    /// Not a whole number ≥ 0: words, a sign, a fraction.
    NotACount,
    /// A whole number above [`MAX_COUNT`].
    TooLarge,
    /// Not a number ≥ 0 (for the fee, in 万元).
    NotAnAmount,
}

/// A cell that is not a value, with a message quoting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub problem: CellProblem,
    /// The text as typed, trimmed.
    pub text: String,
    pub message: Message,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for CellError {}

impl CellError {
    pub(crate) fn new(problem: CellProblem, raw: &str) -> CellError {
        let text = raw.trim().to_owned();
        // A whole document pasted into one cell must not make a message of the same size.
        let quoted: String = if text.chars().count() > QUOTED_CHARS {
            text.chars().take(QUOTED_CHARS).chain(['…']).collect()
        } else {
            text.clone()
        };
        let (message_zh, message_en) = match problem {
            CellProblem::NotACount => (
                format!("“{quoted}”不是件数：件数须为不小于0的整数"),
                format!("“{quoted}” is not a count: a count is a whole number ≥ 0"),
            ),
            CellProblem::TooLarge => (
                format!("“{quoted}”超出件数上限{MAX_COUNT}"),
                format!("“{quoted}” is above the largest count, {MAX_COUNT}"),
            ),
            CellProblem::NotAnAmount => (
                format!("“{quoted}”不是金额：金额须为不小于0的数，单位万元"),
                format!(
                    "“{quoted}” is not an amount: an amount is a number ≥ 0, in 万元 (10,000 yuan)"
                ),
            ),
        };
        CellError {
            problem,
            text,
            message: Message {
                zh: message_zh,
                en: message_en,
            },
        }
    }
}

/// How much of a bad cell a message quotes.
const QUOTED_CHARS: usize = 40;

/// A count cell: Ok(None) for blank (「」 「/」 「—」 「-」 or only spaces), the count for digits
/// (full-width 「０１２」 and 「1,295」 「1，295」 included), an error for anything else.
pub fn parse_count(cell: &str) -> Result<Option<u64>, CellError> {
    match read_number(cell) {
        Number::Blank => Ok(None),
        Number::Whole(digits) => match digits.parse::<u64>() {
            Ok(count) if count <= MAX_COUNT => Ok(Some(count)),
            _ => Err(CellError::new(CellProblem::TooLarge, cell)),
        },
        Number::Fraction(_) | Number::Other => Err(CellError::new(CellProblem::NotACount, cell)),
    }
}

/// The fee cell, in 万元: Ok(None) for blank, the amount as typed (digits made ASCII, thousands
/// separators and a trailing 「万元」 dropped) for a number ≥ 0, an error for anything else.
/// [`Decimal::parse_cell`], beside [`parse_count`] for the grid and the importer.
pub fn parse_fee(cell: &str) -> Result<Option<Decimal>, CellError> {
    Decimal::parse_cell(cell)
}

/// A cell read as a number, before it is taken as a count or an amount.
pub(crate) enum Number {
    Blank,
    /// ASCII digits.
    Whole(String),
    /// ASCII digits, one point, digits.
    Fraction(String),
    Other,
}

fn is_only_digits(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// One rule for reading a number in a cell, shared with the importer: what a published copy
/// means by a cell is what a paste means by it.
pub(crate) fn read_number(raw: &str) -> Number {
    use crate::import::normalise::{parse_value, Value};
    match parse_value(raw) {
        Some(Value::Blank) => Number::Blank,
        Some(Value::Count(count)) => Number::Whole(count.to_string()),
        Some(Value::Decimal(digits)) => Number::Fraction(digits),
        // Digits only, yet unread: too large to be a count; say so rather than "not a count".
        Some(Value::Unread(text)) if is_only_digits(&text) => Number::Whole(
            text.chars()
                .filter_map(|c| c.to_digit(10))
                .map(|d| char::from(b'0' + d as u8))
                .collect(),
        ),
        Some(Value::Unread(_)) | None => Number::Other,
    }
}
