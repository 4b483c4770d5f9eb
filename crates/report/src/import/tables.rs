//! Tables 二, 三 and 四 read from the cells of a published report, whatever layout the copy has.
//!
//! All copies are reduced to one stream of cells in reading order (a row of a page's table, a
//! `|` row, a cell per line or a line of a PDF all give the same stream). A label opens a row and
//! the values after it fill the row's columns in order, so numbers are placed by row and column
//! even when header cells were lost, replaced (「数据1…数据6」) or cut (「结果」, 「尚未」). Table
//! 四 has no row labels and is read by position. A value is placed only where its column is
//! certain; anything else stays blank and is noted.

use super::labels::labels;
use super::normalise::{fold, parse_value, Value};
use super::notes::{self, note};
use super::old_format::{self, OldLayoutSeen, OLD_ACTIVE_COLUMNS, OLD_ACTIVE_ROWS};
use super::sections::{is_table_section, table_line, Document, TableLine};
use super::{Cell, Item};
use crate::finding::{Finding, Severity};
use crate::format::{
    self, ActiveRowId, RequestRowRole, SectionId, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS,
    REQUEST_COLUMN_COUNT, REQUEST_ROWS, RESULT_CATEGORIES,
};
use crate::model::{ActiveTable, AppealTable, Decimal, Place, RequestTable};

/// One piece of the stream the tables are read from.
pub(super) enum Tok {
    Cell {
        /// What the cell holds when it is a value; None for words.
        value: Option<Value>,
        /// The cell folded for matching.
        folded: String,
        span: usize,
        /// Whether the cell's row (as copied) also holds words: blanks in a header row of
        /// table 四 are no values.
        row_has_words: bool,
        /// Whether the cell's row (as copied) is numbers alone, two or more: a row whose label
        /// was printed apart from it.
        bare_row: bool,
    },
    /// A sentence between rows: a row does not continue past it.
    Break,
    Section(SectionId),
}

/// The stream of cells. Rows outside the table sections are read only when a table section's
/// heading is missing (their table may then sit under another heading).
pub(super) fn tokens(document: &Document, rows_everywhere: bool) -> Vec<Tok> {
    let mut toks = Vec::new();
    if rows_everywhere {
        for item in &document.preamble {
            if let Item::Row(cells) = item {
                push_row(cells, &mut toks);
            }
        }
    }
    for region in &document.regions {
        toks.push(Tok::Section(region.section));
        let table = is_table_section(region.section);
        for item in &region.items {
            match item {
                Item::Row(cells) if table || rows_everywhere => push_row(cells, &mut toks),
                Item::Row(_) => {}
                Item::Line(line) if table => match table_line(line) {
                    TableLine::Skip => {}
                    TableLine::Text => toks.push(Tok::Break),
                    TableLine::Cells => push_row(&line_cells(line), &mut toks),
                },
                Item::Line(_) => {
                    if rows_everywhere {
                        toks.push(Tok::Break);
                    }
                }
            }
        }
    }
    toks
}

/// A row's cells as tokens, each read once: value or words.
fn push_row(cells: &[Cell], toks: &mut Vec<Tok>) {
    let values: Vec<Option<Value>> = cells.iter().map(|c| parse_value(&c.text)).collect();
    let row_has_words = values.iter().any(Option::is_none);
    let bare_row = !row_has_words && cells.len() >= 2;
    for (cell, value) in cells.iter().zip(values) {
        let folded = if value.is_none() {
            fold(&cell.text)
        } else {
            String::new()
        };
        toks.push(Tok::Cell {
            value,
            folded,
            span: cell.span,
            row_has_words,
            bare_row,
        });
    }
}

/// A table row printed as one line (PDF text): the label, then the numbers separated by spaces.
fn line_cells(line: &str) -> Vec<Cell> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let values = words
        .iter()
        .rev()
        .take_while(|w| parse_value(w).is_some())
        .count();
    if values == 0 {
        return vec![Cell::new(line)];
    }
    let split = words.len().saturating_sub(values);
    let (label, numbers) = words.split_at(split);
    let mut cells = Vec::with_capacity(values + 1);
    if !label.is_empty() {
        cells.push(Cell::new(&label.join(" ")));
    }
    cells.extend(numbers.iter().map(|w| Cell::new(w)));
    cells
}

/// A cell of words this short may be the first part of a label a copy split in two (「（二）」,
/// 「1.申请」).
const SPLIT_FRAGMENT_CHARS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Request(usize),
    /// Numbers right after a category heading of table 三: the 2019 layout's single
    /// 「（六）其他处理」 row, or sub-rows lost.
    Category(usize),
    Active(ActiveRowId),
    /// A row of the 2019 table 二 that the 2021 layout dropped.
    OldActive(usize),
}

/// A column of table 二 as its header names it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    New(&'static str),
    Old(usize),
    Unknown,
}

/// A value as read, with the number of columns its cell spans.
type Read = (Value, usize);

struct ReadRow {
    target: Target,
    values: Vec<Read>,
    /// Table 二: the header of the band the row sits in, when one was read.
    layout: Option<Vec<Column>>,
    /// The label and the numbers came in rows of their own (a copy that printed labels apart
    /// from their numbers): whether the numbers are this row's only the arithmetic can tell.
    detached: bool,
}

struct AppealBlock {
    start: usize,
    values: Vec<Read>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Active,
    Requests,
    Appeals,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Row(usize),
    Appeals,
}

/// Where the reading of the tables stopped, for the note on a text that ends early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    Request { row: usize, values: usize },
    Active { row: ActiveRowId, values: usize },
    Appeals { values: usize },
}

#[derive(Default)]
struct Scan {
    table: Option<Table>,
    open: Option<ReadRow>,
    next_request: usize,
    layout: Option<Vec<Column>>,
    reading_header: bool,
    rows: Vec<ReadRow>,
    appeal_blocks: Vec<AppealBlock>,
    appeal_labels: Vec<usize>,
    last: Option<Last>,
    old: OldLayoutSeen,
}

impl Scan {
    fn in_table(&self, table: Table) -> bool {
        self.table == Some(table)
    }

    fn enter(&mut self, table: Table) {
        self.table = Some(table);
    }

    fn close(&mut self) {
        if let Some(row) = self.open.take() {
            self.rows.push(row);
        }
    }

    fn open(&mut self, target: Target, table: Table) {
        self.close();
        self.enter(table);
        self.reading_header = false;
        self.last = Some(Last::Row(self.rows.len()));
        self.open = Some(ReadRow {
            target,
            values: Vec::new(),
            layout: if table == Table::Active {
                self.layout.clone()
            } else {
                None
            },
            detached: false,
        });
    }

    fn section(&mut self, id: SectionId) {
        self.close();
        self.reading_header = false;
        self.layout = None;
        self.table = match id {
            SectionId::Active => Some(Table::Active),
            SectionId::Requests => Some(Table::Requests),
            SectionId::Appeals => Some(Table::Appeals),
            _ => None,
        };
    }

    fn value(&mut self, value: Value, span: usize, row_has_words: bool, bare_row: bool) {
        if let Some(open) = self.open.as_mut() {
            if open.values.is_empty() && bare_row {
                open.detached = true;
            }
            open.values.push((value, span));
            return;
        }
        if !self.in_table(Table::Appeals) || (value == Value::Blank && row_has_words) {
            // A number outside any row (a header's stray cell): nothing says where it belongs.
            return;
        }
        if self.appeal_blocks.is_empty() || !self.appeal_labels.is_empty() {
            let start = match self.appeal_labels.as_slice() {
                // One group's header right before its numbers: the copy gives each group its own
                // small table (「行政诉讼（复议后起诉）」 then five numbers).
                [group] => group * APPEAL_COLUMNS.len(),
                _ => self
                    .appeal_blocks
                    .last()
                    .map_or(0, |b| b.start + b.values.len()),
            };
            self.appeal_blocks.push(AppealBlock {
                start,
                values: Vec::new(),
            });
            self.appeal_labels.clear();
        }
        if let Some(block) = self.appeal_blocks.last_mut() {
            block.values.push((value, span));
            self.last = Some(Last::Appeals);
        }
    }

    /// Reads a cell of words; false when it is no label or header the tables know.
    fn label(&mut self, folded: &str) -> bool {
        let l = labels();
        if let Some(row) = l.request_row(folded, self.next_request) {
            self.next_request = row + 1;
            self.open(Target::Request(row), Table::Requests);
            return true;
        }
        if let Some(category) = l.category(folded, self.next_request) {
            self.open(Target::Category(category), Table::Requests);
            return true;
        }
        if l.is_result_group(folded) || l.is_corner_note(folded) {
            self.close();
            self.enter(Table::Requests);
            return true;
        }
        if l.active_article(folded).is_some() || old_format::is_old_article(folded) {
            if old_format::is_old_article(folded) {
                self.old.mark(old_format::OLD_ACTIVE_ARTICLE);
            }
            self.close();
            self.enter(Table::Active);
            self.layout = None;
            self.reading_header = false;
            return true;
        }
        if folded == l.active_item_header {
            self.close();
            self.enter(Table::Active);
            self.layout = Some(Vec::new());
            self.reading_header = true;
            return true;
        }
        if let Some(id) = l.active_row(folded) {
            self.open(Target::Active(id), Table::Active);
            return true;
        }
        if let Some(k) = old_format::old_row(folded) {
            if let Some(label) = OLD_ACTIVE_ROWS.get(k) {
                self.old.mark(label);
            }
            self.open(Target::OldActive(k), Table::Active);
            return true;
        }
        if let Some(group) = l.appeal_header(folded) {
            self.close();
            self.enter(Table::Appeals);
            if let Some(group) = group {
                self.appeal_labels.push(group);
            }
            return true;
        }
        if self.reading_header {
            let column = match (l.active_column(folded), old_format::old_column(folded)) {
                (Some(key), _) => Column::New(key),
                (None, Some(k)) => {
                    if let Some(c) = OLD_ACTIVE_COLUMNS.get(k) {
                        self.old.mark(c.label);
                    }
                    Column::Old(k)
                }
                (None, None) => Column::Unknown,
            };
            if let Some(layout) = self.layout.as_mut() {
                layout.push(column);
            }
            return true;
        }
        false
    }

    /// Words that are no label: the rest of a label split over cells, or the end of a row.
    fn other_words(&mut self) {
        if self.open.as_ref().is_some_and(|o| o.values.is_empty()) {
            return;
        }
        self.close();
    }

    /// Reads one cell of words; returns how many tokens it used (a label split over two cells
    /// uses two).
    fn words(&mut self, folded: &str, next: Option<&Tok>) -> usize {
        if self.label(folded) {
            return 1;
        }
        if let Some(Tok::Cell {
            value: None,
            folded: next,
            ..
        }) = next
        {
            // Only a fragment too short to name anything is tried with the cell after it.
            if folded.chars().count() <= SPLIT_FRAGMENT_CHARS {
                let mut joined = String::with_capacity(folded.len() + next.len());
                joined.push_str(folded);
                joined.push_str(next);
                if self.label(&joined) {
                    return 2;
                }
            }
        }
        self.other_words();
        1
    }
}

pub(super) struct TablesRead {
    pub active: ActiveTable,
    pub requests: RequestTable,
    pub appeals: AppealTable,
    pub notes: Vec<Finding>,
    /// Rows of table 三 whose label was found.
    pub found_requests: [bool; REQUEST_ROWS.len()],
    /// Rows of table 二 whose label was found.
    pub found_active: Vec<ActiveRowId>,
    pub appeals_found: bool,
    /// Where the reading stopped.
    pub end: Option<End>,
    pub old: OldLayoutSeen,
    /// Whether the single 2019 row 「（六）其他处理」 stood for 三(六)1–3.
    pub old_other_handling: bool,
}

impl TablesRead {
    pub fn found_anything(&self) -> bool {
        self.found_requests.iter().any(|f| *f)
            || !self.found_active.is_empty()
            || self.appeals_found
    }
}

/// Reads the tables. `ends_early`: the text stops before the report does, so the last row read
/// may be cut; its values are then placed from the first column on.
pub(super) fn read(toks: &[Tok], ends_early: bool) -> TablesRead {
    let mut scan = Scan::default();
    let mut at = 0;
    while let Some(tok) = toks.get(at) {
        at += match tok {
            Tok::Section(id) => {
                scan.section(*id);
                1
            }
            Tok::Break => {
                scan.close();
                1
            }
            // A copy that gives each cell a line of its own prints a sub-row's number
            // (「2.」) on the line before its label: it numbers the next row, it is no value of
            // this one.
            Tok::Cell {
                value: Some(Value::Unread(raw)),
                ..
            } if is_item_number(raw)
                && matches!(toks.get(at + 1), Some(Tok::Cell { value: None, .. })) =>
            {
                1
            }
            Tok::Cell {
                value: Some(value),
                span,
                row_has_words,
                bare_row,
                ..
            } => {
                scan.value(value.clone(), *span, *row_has_words, *bare_row);
                1
            }
            Tok::Cell {
                value: None,
                folded,
                ..
            } => scan.words(folded, toks.get(at + 1)),
        };
    }
    scan.close();
    place(scan, ends_early)
}

/// 「2.」, 「2．」 or 「2、」: the number a sub-row of table 三 is listed by (1 to 8).
fn is_item_number(raw: &str) -> bool {
    let mut chars = raw.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('1'..='9'), Some('.' | '．' | '、'), None)
    )
}

/// The values of a row for `expected` columns. When the cells are as many as the columns, each
/// cell is one column whatever it spans (a page that widens the one value of 「行政许可」 to the
/// table's width). Otherwise each spanning cell is spread over its columns; a number spanning
/// several columns cannot be given to one of them: those stay blank, and a note says so.
fn spread(values: &[Read], expected: usize, unread: &mut Vec<String>) -> Vec<Value> {
    if values.len() == expected {
        return values.iter().map(|(value, _)| value.clone()).collect();
    }
    let mut spread = Vec::with_capacity(values.len());
    for (value, span) in values {
        if *span <= 1 {
            spread.push(value.clone());
            continue;
        }
        if *value != Value::Blank {
            unread.push(format!(
                "{}（跨{span}列 / spans {span} columns）",
                shown(value)
            ));
        }
        spread.extend(std::iter::repeat_n(Value::Blank, *span));
    }
    spread
}

/// Fits the values read for a row into `expected` columns, or None when their columns are not
/// certain. Extra blanks at either end are dropped (a lost header cell, a trailing `|`); a cut
/// row (at the end of a text that ends early) fills from the first column.
fn fit(values: Vec<Value>, expected: usize, cut: bool) -> Option<Vec<Value>> {
    let n = values.len();
    if n == expected {
        return Some(values);
    }
    if n > expected {
        let extra = n - expected;
        if values.iter().skip(expected).all(|v| *v == Value::Blank) {
            return Some(values.into_iter().take(expected).collect());
        }
        if values.iter().take(extra).all(|v| *v == Value::Blank) {
            return Some(values.into_iter().skip(extra).collect());
        }
        return between_separators(&values, expected);
    }
    cut.then(|| {
        let mut values = values;
        values.resize(expected, Value::Blank);
        values
    })
}

/// A row read again with numbers joined: its counts, and each join (the two pieces and the
/// number they make).
struct Joined {
    counts: Vec<u64>,
    pieces: Vec<(u64, u64, u64)>,
}

/// Most numbers a row is read with split in two (more is no longer a copy's slip).
const MOST_SPLIT_NUMBERS: usize = 2;

/// A page whose cells were made of several runs of text can print one number over two lines
/// (「1」 then 「62」 for 162). With one or two numbers too many in a row of table 三, every way
/// of joining neighbours back is tried; the reading is taken when exactly one of them makes the
/// row's total the sum of its columns.
fn join_split_numbers(values: &[Value], expected: usize) -> Option<Joined> {
    let counts: Vec<u64> = values
        .iter()
        .map(|v| match v {
            Value::Count(n) => Some(*n),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let extra = counts.len().checked_sub(expected)?;
    if extra == 0 || extra > MOST_SPLIT_NUMBERS {
        return None;
    }
    let join = |left: u64, right: u64| -> Option<u64> {
        // A number's first piece is never 0.
        if left == 0 {
            return None;
        }
        let digits = right.checked_ilog10().unwrap_or(0) + 1;
        left.checked_mul(10u64.checked_pow(digits)?)?
            .checked_add(right)
    };
    // Which neighbours are joined, by the gap between them (gap i joins counts i and i + 1);
    // two joins never share a piece.
    let gaps = counts.len() - 1;
    let choices: Vec<Vec<usize>> = if extra == 1 {
        (0..gaps).map(|i| vec![i]).collect()
    } else {
        (0..gaps)
            .flat_map(|i| (i + 2..gaps).map(move |j| vec![i, j]))
            .collect()
    };
    let mut found: Option<Joined> = None;
    for chosen in choices {
        let mut row = Vec::with_capacity(expected);
        let mut pieces = Vec::with_capacity(extra);
        let mut i = 0;
        while i < counts.len() {
            if chosen.contains(&i) {
                let Some(number) = join(counts[i], counts[i + 1]) else {
                    break;
                };
                pieces.push((counts[i], counts[i + 1], number));
                row.push(number);
                i += 2;
            } else {
                row.push(counts[i]);
                i += 1;
            }
        }
        let adds_up = row.len() == expected
            && row.split_last().is_some_and(|(total, columns)| {
                columns.iter().try_fold(0u64, |sum, c| sum.checked_add(*c)) == Some(*total)
            });
        if adds_up {
            if found.is_some() {
                return None;
            }
            found = Some(Joined {
                counts: row,
                pieces,
            });
        }
    }
    found
}

/// A copy that gives each cell a line of its own and puts a line of a lone 「|」 between two
/// cells (尼勒克县's 镇 2023) reads as a blank between every two values: the row's values are
/// every other one, when all the others are blank.
fn between_separators(values: &[Value], expected: usize) -> Option<Vec<Value>> {
    [0, 1].into_iter().find_map(|separator_parity| {
        let (separators, cells): (Vec<_>, Vec<_>) = values
            .iter()
            .enumerate()
            .partition(|(i, _)| i % 2 == separator_parity);
        let cells: Vec<Value> = cells.into_iter().map(|(_, v)| v.clone()).collect();
        (cells.len() == expected
            && separators.iter().all(|(_, v)| **v == Value::Blank)
            && cells.iter().any(|v| *v != Value::Blank))
        .then_some(cells)
    })
}

fn shown(value: &Value) -> String {
    match value {
        Value::Blank => "空白".to_owned(),
        Value::Count(n) => n.to_string(),
        Value::Decimal(s) | Value::Unread(s) => s.clone(),
    }
}

/// The values quoted in a note; a long run is cut (a hostile row can hold thousands).
fn shown_list(values: &[Value]) -> String {
    const QUOTED: usize = 12;
    let mut list = values
        .iter()
        .take(QUOTED)
        .map(shown)
        .collect::<Vec<_>>()
        .join("、");
    if values.len() > QUOTED {
        list.push('…');
    }
    list
}

struct Placer {
    read: TablesRead,
}

impl Placer {
    fn unread(&mut self, place: Place, where_zh: &str, where_en: &str, raw: &str) {
        self.read.notes.push(note(
            notes::UNREAD,
            Severity::Warning,
            place,
            format!("{where_zh}的「{raw}」无法读成数字，已留空，请按原报告填写"),
            format!("{where_en}: 「{raw}」 could not be read as a number; left blank, fill it in from the published report"),
        ));
    }

    fn mismatch(
        &mut self,
        place: Place,
        where_zh: &str,
        where_en: &str,
        values: &[Value],
        expected: usize,
    ) {
        let n = values.len();
        let list = shown_list(values);
        self.read.notes.push(note(
            notes::UNREAD,
            Severity::Warning,
            place,
            format!("{where_zh}读到{n}个值（{list}），应为{expected}个，无法确定各值所在的列，已留空"),
            format!(
                "{where_en}: {n} values were read ({list}) where {expected} were expected; which column each belongs to is not certain, so they are left blank"
            ),
        ));
    }

    /// A row whose label was found with no number after it (a PDF copy that put the numbers
    /// elsewhere): its cells stay blank, and the user is told.
    fn no_values(&mut self, place: Place, where_zh: &str, where_en: &str) {
        self.read.notes.push(note(
            notes::UNREAD,
            Severity::Warning,
            place,
            format!("{where_zh}只找到行名，没有读到数字，已留空，请按原报告填写"),
            format!("{where_en}: the row's label was found but no number after it; left blank, fill it in from the published report"),
        ));
    }

    /// Rows of table 三 that a PDF copy ran together or printed twice (14 numbers where 7
    /// belong, and the row next to it with none): every way to share the numbers out is tried —
    /// row by row or column by column, over the rows after it or before it that got none, or the
    /// row printed twice — and a reading is taken only when it is the one that keeps each row's
    /// total and the table's 勾稽关系; otherwise the row stays blank with its note.
    fn recover_run_together_rows(&mut self, rows: &[ReadRow]) {
        let count = REQUEST_ROWS.len();
        let mut numbers: Vec<Option<Vec<Option<u64>>>> = vec![None; count];
        for row in rows {
            if let Target::Request(r) = row.target {
                if let Some(slot) = numbers.get_mut(r) {
                    let values = row
                        .values
                        .iter()
                        .map(|(v, span)| match (v, span) {
                            (Value::Count(n), 1) => Some(*n),
                            _ => None,
                        })
                        .collect();
                    *slot = Some(values);
                }
            }
        }
        let empty = |r: usize| {
            numbers
                .get(r)
                .is_some_and(|v| v.as_ref().is_none_or(Vec::is_empty))
        };
        let width = REQUEST_COLUMN_COUNT;
        for r in 0..count {
            let Some(Some(values)) = numbers.get(r) else {
                continue;
            };
            let n = values.len();
            if n <= width || n % width != 0 || values.iter().any(Option::is_none) {
                continue;
            }
            let values: Vec<u64> = values.iter().flatten().copied().collect();
            let k = n / width;
            let row_major = |rows: Vec<usize>| -> Vec<(usize, Vec<u64>)> {
                rows.into_iter()
                    .zip(values.chunks(width).map(<[u64]>::to_vec))
                    .collect()
            };
            let column_major = |rows: Vec<usize>| -> Vec<(usize, Vec<u64>)> {
                rows.iter()
                    .enumerate()
                    .map(|(i, row)| (*row, (0..width).map(|c| values[c * k + i]).collect()))
                    .collect()
            };
            let mut readings: Vec<Vec<(usize, Vec<u64>)>> = Vec::new();
            let after: Vec<usize> = (r..r + k).collect();
            if after.iter().skip(1).all(|x| *x < count && empty(*x)) {
                readings.push(row_major(after.clone()));
                readings.push(column_major(after));
            }
            if r + 1 >= k {
                let before: Vec<usize> = (r + 1 - k..=r).collect();
                if before.iter().take(k - 1).all(|x| empty(*x)) {
                    readings.push(row_major(before.clone()));
                    readings.push(column_major(before));
                }
            }
            // The row printed twice: every copy the same.
            if values.chunks(width).all(|c| c == &values[..width]) {
                readings.push(vec![(r, values[..width].to_vec())]);
            }
            let holds = |reading: &Vec<(usize, Vec<u64>)>| {
                let totals = reading
                    .iter()
                    .all(|(_, cells)| cells[..width - 1].iter().sum::<u64>() == cells[width - 1]);
                let mut table = self.read.requests.clone();
                for (row, cells) in reading {
                    for (c, v) in cells.iter().enumerate() {
                        table.0[*row][c] = Some(*v);
                    }
                }
                totals && adds_up(&table)
            };
            let mut holding: Vec<&Vec<(usize, Vec<u64>)>> =
                readings.iter().filter(|x| holds(x)).collect();
            holding.dedup();
            holding.sort();
            holding.dedup();
            let [reading] = holding.as_slice() else {
                continue;
            };
            let filled: Vec<usize> = reading.iter().map(|(row, _)| *row).collect();
            for (row, cells) in reading.iter() {
                for (c, v) in cells.iter().enumerate() {
                    self.read.requests.0[*row][c] = Some(*v);
                }
                if let Some(found) = self.read.found_requests.get_mut(*row) {
                    *found = true;
                }
            }
            self.read.notes.retain(|note| {
                !(note.rule == notes::UNREAD
                    && matches!(note.place, Place::Request { row, .. } if filled.contains(&row)))
            });
            let shorts: Vec<&str> = filled
                .iter()
                .filter_map(|row| REQUEST_ROWS.get(*row).map(|d| d.short))
                .collect();
            let short = REQUEST_ROWS.get(r).map_or("", |d| d.short);
            self.read.notes.push(note(
                notes::DERIVED,
                Severity::Info,
                Place::Request { row: r, column: 0 },
                format!(
                    "表三「{short}」行读到{n}个数字，应为{width}个；按每行总计等于各列之和、表三的勾稽关系，只有一种读法：分给「{}」行，请与原报告核对",
                    shorts.join("」「")
                ),
                format!(
                    "Table 3, row {short}: {n} numbers were read where {width} belong; each row's total and the table's arithmetic allow one reading only: rows {}; check it against the published report",
                    shorts.join(", ")
                ),
            ));
        }
    }

    /// Blanks a row of table 三 whose numbers were printed apart from its label, when the table
    /// does not add up: which row they belong to, the copy does not show.
    fn unplace_detached(&mut self, row: usize) {
        let Some(def) = REQUEST_ROWS.get(row) else {
            return;
        };
        if let Some(cells) = self.read.requests.0.get_mut(row) {
            *cells = [None; REQUEST_COLUMN_COUNT];
        }
        let short = def.short;
        self.read.notes.push(note(
            notes::UNREAD,
            Severity::Warning,
            Place::Request { row, column: 0 },
            format!("表三「{short}」行的数字与行名分开印在两处，而表三的勾稽关系不成立，无法确定这些数字属于哪一行，已留空，请按原报告填写"),
            format!("Table 3, row {short}: its numbers were printed apart from its label and table 3 does not add up, so which row they belong to is not certain; left blank, fill it in from the published report"),
        ));
    }

    /// A count for a cell, or None with a note. `cell` names the cell for the note (made only
    /// when there is one: most cells read fine).
    fn count(
        &mut self,
        value: &Value,
        place: Place,
        cell: impl FnOnce() -> (String, String),
    ) -> Option<u64> {
        match value {
            Value::Count(n) => Some(*n),
            Value::Blank => None,
            Value::Decimal(raw) | Value::Unread(raw) => {
                let (zh, en) = cell();
                self.unread(place, &zh, &en, raw);
                None
            }
        }
    }

    fn spans(&mut self, place: Place, where_zh: &str, where_en: &str, unread: Vec<String>) {
        for raw in unread {
            self.unread(place.clone(), where_zh, where_en, &raw);
        }
    }

    fn request_row(&mut self, row: usize, values: &[Read], cut: bool) {
        let Some(def) = REQUEST_ROWS.get(row) else {
            return;
        };
        let short = def.short;
        let row_zh = format!("表三「{short}」行");
        let row_en = format!("Table 3, row {short}");
        let mut unread = Vec::new();
        let values = spread(values, REQUEST_COLUMN_COUNT, &mut unread);
        let first = Place::Request { row, column: 0 };
        self.spans(first.clone(), &row_zh, &row_en, unread);
        let Some(values) = fit(values.clone(), REQUEST_COLUMN_COUNT, cut) else {
            if values.is_empty() {
                self.no_values(first, &row_zh, &row_en);
            } else if let Some(joined) = join_split_numbers(&values, REQUEST_COLUMN_COUNT) {
                self.joined(row, &values, joined);
            } else {
                self.mismatch(first, &row_zh, &row_en, &values, REQUEST_COLUMN_COUNT);
            }
            return;
        };
        for (column, value) in values.iter().enumerate() {
            let Some(def) = REQUEST_COLUMNS.get(column) else {
                continue;
            };
            let place = Place::Request { row, column };
            let count = self.count(value, place, || {
                (
                    format!("{row_zh}「{}」列", def.label),
                    format!("{row_en}, column {} ({})", def.label, def.key),
                )
            });
            if let Some(cell) = self
                .read
                .requests
                .0
                .get_mut(row)
                .and_then(|r| r.get_mut(column))
            {
                *cell = count;
            }
        }
    }

    /// A row of table 三 read whole once numbers split over two cells are joined again.
    fn joined(&mut self, row: usize, values: &[Value], joined: Joined) {
        let Some(cells) = self.read.requests.0.get_mut(row) else {
            return;
        };
        for (cell, count) in cells.iter_mut().zip(&joined.counts) {
            *cell = Some(*count);
        }
        let short = REQUEST_ROWS.get(row).map_or("", |d| d.short);
        let n = values.len();
        let width = REQUEST_COLUMN_COUNT;
        let list = shown_list(values);
        let pieces = |sep: &str| {
            joined
                .pieces
                .iter()
                .map(|(left, right, number)| format!("「{left}」「{right}」{sep}{number}"))
                .collect::<Vec<_>>()
        };
        self.read.notes.push(note(
            notes::DERIVED,
            Severity::Info,
            Place::Request { row, column: 0 },
            format!(
                "表三「{short}」行读到{n}个数字（{list}），应为{width}个；把{}，该行总计才等于各列之和，只有这一种读法，请与原报告核对",
                pieces("读作").join("、")
            ),
            format!(
                "Table 3, row {short}: {n} numbers were read ({list}) where {width} belong; read as {}, the row's total is the sum of its columns, and no other reading is; check it against the published report",
                pieces(" = ").join(", ")
            ),
        ));
    }

    fn active_row(
        &mut self,
        id: ActiveRowId,
        values: &[Read],
        layout: Option<&[Column]>,
        cut: bool,
    ) {
        let (band, def) = format::active_row(id);
        let kind_columns = band.kind.columns();
        let row_zh = format!("表二「{}」行", def.label);
        let row_en = format!("Table 2, row {} ({})", def.label, def.key);
        let first = Place::Active(id, kind_columns.first().map_or("", |(k, _)| *k));
        let has_old = layout.is_some_and(|l| l.iter().any(|c| matches!(c, Column::Old(_))));
        let columns = layout
            .filter(|l| !l.is_empty())
            .map_or(kind_columns.len(), <[Column]>::len);
        let mut unread = Vec::new();
        let values = spread(values, columns, &mut unread);
        self.spans(first.clone(), &row_zh, &row_en, unread);
        let default: Vec<Column> = kind_columns.iter().map(|(k, _)| Column::New(k)).collect();
        let layout = match layout {
            Some(l) if !l.is_empty() && (l.len() == values.len() || has_old) => l.to_vec(),
            _ => default.clone(),
        };
        let Some(values) = fit(values.clone(), layout.len(), cut) else {
            if values.is_empty() {
                self.no_values(first, &row_zh, &row_en);
            } else {
                self.mismatch(first, &row_zh, &row_en, &values, layout.len());
            }
            return;
        };
        for (index, (column, value)) in layout.iter().zip(&values).enumerate() {
            let key = match column {
                Column::New(key) => Some(*key),
                Column::Unknown if layout.len() == kind_columns.len() => {
                    kind_columns.get(index).map(|(k, _)| *k)
                }
                Column::Unknown => None,
                Column::Old(k) => {
                    let Some(old) = OLD_ACTIVE_COLUMNS.get(*k) else {
                        continue;
                    };
                    let became = old
                        .became
                        .and_then(|key| kind_columns.iter().find(|(k, _)| *k == key));
                    match became {
                        Some((key, label)) => {
                            self.read.old.carried.push((
                                format!("{} {}→{}", def.label, old.label, label),
                                shown(value),
                            ));
                            Some(*key)
                        }
                        None => {
                            self.read
                                .old
                                .dropped
                                .push((format!("{} {}", def.label, old.label), shown(value)));
                            None
                        }
                    }
                }
            };
            let Some(key) = key else {
                continue;
            };
            let Some(slot) = kind_columns.iter().position(|(k, _)| *k == key) else {
                continue;
            };
            let place = Place::Active(id, key);
            let cell = || {
                (
                    format!(
                        "{row_zh}「{}」列",
                        kind_columns.get(slot).map_or("", |c| c.1)
                    ),
                    format!("{row_en}, column {key}"),
                )
            };
            if id == ActiveRowId::Fees {
                self.read.active.fees = match value {
                    Value::Count(n) => Some(Decimal::from_whole(*n)),
                    Value::Decimal(d) => Some(Decimal(d.clone())),
                    Value::Blank => None,
                    Value::Unread(raw) => {
                        let (zh, en) = cell();
                        self.unread(place, &zh, &en, raw);
                        None
                    }
                };
                continue;
            }
            let count = self.count(value, place, cell);
            if let Some(cell) = self.read.active.counts_mut(id).get_mut(slot) {
                *cell = count;
            }
        }
    }

    fn old_active_row(&mut self, k: usize, values: &[Read], layout: Option<&[Column]>) {
        let label = OLD_ACTIVE_ROWS.get(k).copied().unwrap_or_default();
        let mut unread = Vec::new();
        let columns = layout.map_or(values.len(), <[Column]>::len);
        for (index, value) in spread(values, columns, &mut unread).iter().enumerate() {
            let header = match layout.and_then(|l| l.get(index)) {
                Some(Column::Old(c)) => OLD_ACTIVE_COLUMNS.get(*c).map(|c| c.label.to_owned()),
                _ => None,
            }
            .unwrap_or_else(|| format!("第{}列", index + 1));
            self.read
                .old
                .dropped
                .push((format!("{label} {header}"), shown(value)));
        }
    }

    fn category_values(&mut self, k: usize, values: &[Read]) {
        let Some(category) = RESULT_CATEGORIES.get(k) else {
            return;
        };
        let mut unread = Vec::new();
        let values = spread(values, values.len(), &mut unread);
        // Blanks alone after a category's name are the empty cells of its heading row.
        if values.iter().all(|v| *v == Value::Blank) {
            return;
        }
        let row = labels().category_first_row.get(k).copied().unwrap_or(0);
        let all_zero =
            values.len() == REQUEST_COLUMN_COUNT && values.iter().all(|v| *v == Value::Count(0));
        if k + 1 == RESULT_CATEGORIES.len() && all_zero {
            // One 「（六）其他处理」 row of zeros (the 2019 layout's, kept in a 2021 report): its
            // three rows of 2021, counts that add up to 0, are all 0.
            let rows: Vec<usize> = REQUEST_ROWS
                .iter()
                .enumerate()
                .filter(|(_, r)| r.category.is_some_and(|c| c.key == category.key))
                .map(|(i, _)| i)
                .collect();
            for &r in &rows {
                if let Some(cells) = self.read.requests.0.get_mut(r) {
                    for cell in cells.iter_mut() {
                        cell.get_or_insert(0);
                    }
                }
                if let Some(found) = self.read.found_requests.get_mut(r) {
                    *found = true;
                }
            }
            self.read.notes.push(note(
                notes::DERIVED,
                Severity::Info,
                Place::Request { row, column: 0 },
                format!("表三「{}」只印了一行，且各列都是0；其下{}行（三(六)1至3）之和为0，因此都填为0", category.label, rows.len()),
                format!("Table 3 prints 「{}」 as one row of zeros; its {} rows of the 2021 format add up to 0, so each is 0", category.label, rows.len()),
            ));
            return;
        }
        if k + 1 == RESULT_CATEGORIES.len() {
            // The 2019 layout had one 「（六）其他处理」 row; 2021 splits it in three.
            self.read.old.mark(category.label);
            self.read.old_other_handling = true;
            self.read.old.dropped.push((
                format!("表三 {}（各列）", category.label),
                shown_list(&values),
            ));
            return;
        }
        let zh = format!("表三「{}」", category.label);
        let en = format!("Table 3, {}", category.label);
        self.mismatch(Place::Request { row, column: 0 }, &zh, &en, &values, 0);
    }

    fn appeals(&mut self, blocks: &[AppealBlock], cut_last: bool) {
        let cells = APPEAL_GROUPS.len() * APPEAL_COLUMNS.len();
        for (index, block) in blocks.iter().enumerate() {
            let end = blocks
                .get(index + 1)
                .map_or(cells, |next| next.start)
                .min(cells);
            let expected = end.saturating_sub(block.start);
            let group = block.start / APPEAL_COLUMNS.len();
            let last_group = end.saturating_sub(1) / APPEAL_COLUMNS.len();
            let label = |g: usize| APPEAL_GROUPS.get(g).map_or("", |g| g.label);
            let (zh, en) = if last_group > group {
                let labels: Vec<&str> = (group..=last_group).map(label).collect();
                (
                    format!("表四「{}」", labels.join("、")),
                    format!("Table 4, {}", labels.join(", ")),
                )
            } else {
                (
                    format!("表四「{}」起", label(group)),
                    format!("Table 4 from {}", label(group)),
                )
            };
            let first = Place::Appeal {
                group: group.min(APPEAL_GROUPS.len() - 1),
                column: block.start % APPEAL_COLUMNS.len(),
            };
            let mut unread = Vec::new();
            let values = spread(&block.values, expected, &mut unread);
            self.spans(first.clone(), &zh, &en, unread);
            let cut = cut_last && index + 1 == blocks.len();
            let Some(values) = fit(values.clone(), expected, cut) else {
                self.mismatch(first, &zh, &en, &values, expected);
                continue;
            };
            for (offset, value) in values.iter().enumerate() {
                let position = block.start + offset;
                let group = position / APPEAL_COLUMNS.len();
                let column = position % APPEAL_COLUMNS.len();
                let (Some(g), Some(c)) = (APPEAL_GROUPS.get(group), APPEAL_COLUMNS.get(column))
                else {
                    continue;
                };
                let place = Place::Appeal { group, column };
                let count = self.count(value, place, || {
                    (
                        format!("表四「{}」「{}」", g.label, c.label),
                        format!("Table 4, {} / {}", g.key, c.key),
                    )
                });
                if let Some(cell) = self
                    .read
                    .appeals
                    .0
                    .get_mut(group)
                    .and_then(|r| r.get_mut(column))
                {
                    *cell = count;
                }
            }
        }
    }
}

/// Whether table 三 adds up where its cells are all known: each row's total, each column's
/// results total and its balance (一 + 二 = 三(七) + 四).
fn adds_up(requests: &RequestTable) -> bool {
    let rows = &requests.0;
    let total = REQUEST_COLUMN_COUNT - 1;
    fn sum(cells: impl IntoIterator<Item = Option<u64>>) -> Option<u64> {
        cells
            .into_iter()
            .try_fold(0u64, |acc, c| acc.checked_add(c?))
    }
    let rows_ok = rows.iter().all(|cells| {
        let parts = sum(cells[..total].iter().copied());
        match (parts, cells[total]) {
            (Some(p), Some(t)) => p == t,
            _ => true,
        }
    });
    let row = |role| format::request_rows_with_role(role).next().unwrap_or(0);
    let [new, carried_in, results_total, carried_out] = [
        RequestRowRole::NewRequests,
        RequestRowRole::CarriedIn,
        RequestRowRole::ResultsTotal,
        RequestRowRole::CarriedOut,
    ]
    .map(row);
    let results: Vec<usize> = format::request_rows_with_role(RequestRowRole::Result).collect();
    let columns_ok = (0..REQUEST_COLUMN_COUNT).all(|c| {
        let cell = |r: usize| rows.get(r).and_then(|cells| cells[c]);
        let balance = match (
            sum([cell(new), cell(carried_in)]),
            sum([cell(results_total), cell(carried_out)]),
        ) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let results_ok = match (sum(results.iter().map(|r| cell(*r))), cell(results_total)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        balance && results_ok
    });
    rows_ok && columns_ok
}

fn place(scan: Scan, ends_early: bool) -> TablesRead {
    let mut placer = Placer {
        read: TablesRead {
            active: ActiveTable::default(),
            requests: RequestTable::default(),
            appeals: AppealTable::default(),
            notes: Vec::new(),
            found_requests: [false; REQUEST_ROWS.len()],
            found_active: Vec::new(),
            appeals_found: !scan.appeal_blocks.is_empty(),
            end: None,
            old: scan.old,
            old_other_handling: false,
        },
    };
    let last_row = match scan.last {
        Some(Last::Row(index)) => Some(index),
        _ => None,
    };
    for (index, row) in scan.rows.iter().enumerate() {
        let cut = ends_early && last_row == Some(index);
        match row.target {
            Target::Request(r) => {
                if let Some(found) = placer.read.found_requests.get_mut(r) {
                    *found = true;
                }
                placer.request_row(r, &row.values, cut);
            }
            Target::Active(id) => {
                if !placer.read.found_active.contains(&id) {
                    placer.read.found_active.push(id);
                }
                placer.active_row(id, &row.values, row.layout.as_deref(), cut);
            }
            Target::OldActive(k) => placer.old_active_row(k, &row.values, row.layout.as_deref()),
            Target::Category(k) => placer.category_values(k, &row.values),
        }
    }
    placer.appeals(
        &scan.appeal_blocks,
        ends_early && scan.last == Some(Last::Appeals),
    );
    placer.recover_run_together_rows(&scan.rows);
    // Numbers printed apart from their labels are trusted only while table 三 adds up and no
    // other row of it came out damaged.
    let damaged = placer
        .read
        .notes
        .iter()
        .any(|n| n.rule == notes::UNREAD && matches!(n.place, Place::Request { .. }));
    if damaged || !adds_up(&placer.read.requests) {
        for row in scan.rows.iter().filter(|r| r.detached) {
            if let Target::Request(r) = row.target {
                placer.unplace_detached(r);
            }
        }
    }
    placer.read.end = match scan.last {
        Some(Last::Appeals) => Some(End::Appeals {
            values: scan
                .appeal_blocks
                .iter()
                .map(|b| b.start + b.values.len())
                .max()
                .unwrap_or(0),
        }),
        Some(Last::Row(index)) => scan.rows.get(index).and_then(|row| match row.target {
            Target::Request(r) => Some(End::Request {
                row: r,
                values: row.values.len(),
            }),
            Target::Active(id) => Some(End::Active {
                row: id,
                values: row.values.len(),
            }),
            Target::OldActive(_) | Target::Category(_) => None,
        }),
        None => None,
    };
    placer.read
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(numbers: &[u64]) -> Vec<Value> {
        numbers.iter().map(|n| Value::Count(*n)).collect()
    }

    #[test]
    fn a_number_split_over_two_cells_is_joined_when_the_row_adds_up_one_way_only() {
        let joined = join_split_numbers(&counts(&[160, 0, 0, 2, 0, 0, 1, 62]), 7).unwrap();
        assert_eq!(joined.counts, [160, 0, 0, 2, 0, 0, 162]);
        assert_eq!(joined.pieces, [(1, 62, 162)]);
        let twice = join_split_numbers(&counts(&[1, 60, 0, 0, 2, 0, 0, 1, 62]), 7).unwrap();
        assert_eq!(twice.counts, [160, 0, 0, 2, 0, 0, 162]);
        assert_eq!(twice.pieces, [(1, 60, 160), (1, 62, 162)]);
        // A split piece may end in zeros (「10」 「0」 for 100), or start with them (「1」 「05」
        // is read as 1 and 5, and so as 15: the row then does not add up).
        let zeros = join_split_numbers(&counts(&[10, 0, 0, 0, 0, 0, 0, 100]), 7).unwrap();
        assert_eq!(zeros.counts, [100, 0, 0, 0, 0, 0, 100]);
    }

    #[test]
    fn numbers_are_not_joined_when_more_than_one_reading_adds_up_or_none_does() {
        // 「1」「1」「0」 before a total of 11: 11 then 0, or 1 then 10? Both add up.
        assert!(join_split_numbers(&counts(&[0, 0, 0, 0, 1, 1, 0, 11]), 7).is_none());
        // Nothing adds up.
        assert!(join_split_numbers(&counts(&[4, 0, 0, 0, 0, 0, 4, 1]), 7).is_none());
        // A first piece of 0 is never a number's start.
        assert!(join_split_numbers(&counts(&[0, 5, 0, 0, 0, 0, 0, 5]), 7).is_none());
        // Three numbers too many is no slip of a copy; two rows run together are read elsewhere.
        assert!(join_split_numbers(&counts(&[1, 2, 3, 0, 0, 0, 0, 0, 0, 123]), 7).is_none());
        // Words in the row: nothing to join.
        let mut words = counts(&[160, 0, 0, 2, 0, 0, 1, 62]);
        words[7] = Value::Unread("62?".into());
        assert!(join_split_numbers(&words, 7).is_none());
    }

    #[test]
    fn lone_bars_between_cells_are_no_blank_cells() {
        let b = Value::Blank;
        let c = Value::Count;
        let row = vec![b.clone(), c(0), b.clone(), c(0), b.clone(), c(6), b.clone()];
        assert_eq!(fit(row, 3, false), Some(vec![c(0), c(0), c(6)]));
        // The bar after the last cell lost: the same.
        let row = vec![b.clone(), c(2), b.clone(), c(1), b.clone(), c(3)];
        assert_eq!(fit(row, 3, false), Some(vec![c(2), c(1), c(3)]));
        // Blank cells between values are cells when a value sits where a bar would be.
        let row = vec![c(1), b.clone(), c(2), c(3), b.clone(), c(4), b.clone()];
        assert_eq!(fit(row, 3, false), None);
        // Bars alone are no row.
        assert_eq!(
            between_separators(&[b.clone(), b.clone(), b.clone()], 1),
            None
        );
    }

    #[test]
    fn a_sub_rows_number_is_told_by_its_shape() {
        for number in ["1.", "8．", "3、"] {
            assert!(is_item_number(number), "{number}");
        }
        for other in ["1", "10.", "1.5", ".", "一.", ""] {
            assert!(!is_item_number(other), "{other}");
        }
    }
}
