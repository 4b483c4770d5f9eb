//! A saved page or the clipboard's text/html, read into lines and table rows.
//!
//! crate::html_tokens tokenises (unclosed cells, entities, script text); the tables are laid
//! out here, rowspan and colspan included, into the same rows the text reader makes, so the
//! recognition of the report is shared. A table that only lays out the page (one column, a table
//! inside it, or cells holding whole paragraphs) is read as running text instead.

use super::{Cell, Item};
use crate::html_tokens::{tokenize_without, Token};

pub(super) struct HtmlPage {
    pub items: Vec<Item>,
    /// The document's `<title>`.
    pub title: Option<String>,
}

/// Limits that keep hostile spans from making huge grids.
const MAX_COLSPAN: usize = 64;
const MAX_ROWSPAN: usize = 256;
const MAX_COLUMNS: usize = 256;
/// Deepest nesting of tables read as tables (real pages nest two or three).
const MAX_TABLE_DEPTH: usize = 16;
/// A cell with more text than this, or more lines, is page layout, not a table cell.
const LAYOUT_CELL_CHARS: usize = 300;
const LAYOUT_CELL_LINES: usize = 5;

/// Elements whose content is not the page's text.
const SKIPPED: [&[u8]; 8] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"svg",
    b"iframe",
    b"object",
    b"select",
];

/// Elements that start a new line of text.
const BLOCKS: [&str; 31] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "hr",
    "center",
    "address",
    "figure",
    "figcaption",
    "main",
    "caption",
    "body",
];

#[derive(Default)]
struct Text {
    items: Vec<Item>,
    line: String,
}

impl Text {
    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    fn break_line(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            self.items.push(Item::Line(line.to_owned()));
        }
        self.line.clear();
    }

    fn finish(mut self) -> Vec<Item> {
        self.break_line();
        self.items
    }
}

struct HtmlCell {
    text: Text,
    colspan: usize,
    rowspan: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<HtmlCell>>,
    row_open: bool,
    cell: Option<HtmlCell>,
    nested: bool,
}

impl Table {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            if !self.row_open {
                self.rows.push(Vec::new());
                self.row_open = true;
            }
            if let Some(row) = self.rows.last_mut() {
                row.push(cell);
            }
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        self.row_open = false;
    }

    fn open_row(&mut self) {
        self.close_row();
        self.rows.push(Vec::new());
        self.row_open = true;
    }

    fn open_cell(&mut self, colspan: usize, rowspan: usize) {
        self.close_cell();
        if !self.row_open {
            self.open_row();
        }
        self.cell = Some(HtmlCell {
            text: Text::default(),
            colspan,
            rowspan,
        });
    }

    /// The table's rows, or its content as running text when it only lays out the page.
    fn finish(mut self) -> Vec<Item> {
        self.close_row();
        let mut rows: Vec<Vec<(Vec<Item>, usize, usize)>> = Vec::new();
        for row in self.rows {
            rows.push(
                row.into_iter()
                    .map(|c| (c.text.finish(), c.colspan, c.rowspan))
                    .collect(),
            );
        }
        let widest = rows
            .iter()
            .map(|r| r.iter().map(|(_, span, _)| span).sum::<usize>())
            .max()
            .unwrap_or(0);
        let layout = self.nested
            || widest <= 1
            || rows.iter().flatten().any(|(content, _, _)| {
                content.len() > LAYOUT_CELL_LINES
                    || content.iter().any(|item| match item {
                        Item::Line(l) => l.chars().count() > LAYOUT_CELL_CHARS,
                        Item::Row(_) => true,
                    })
            });
        if layout {
            return rows
                .into_iter()
                .flatten()
                .flat_map(|(content, _, _)| content)
                .collect();
        }
        grid(rows)
    }
}

/// One cell's text: its lines joined (「商业<br>企业」 is one label).
fn cell_text(content: &[Item]) -> String {
    content
        .iter()
        .filter_map(|item| match item {
            Item::Line(l) => Some(l.as_str()),
            Item::Row(_) => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lays the cells out on a grid. A cell spanning rows from above is not repeated in the rows
/// below when it is a label (a copy shows it once), but a value cell spanning rows leaves a blank
/// in each row below, so that the numbers after it keep their columns.
fn grid(rows: Vec<Vec<(Vec<Item>, usize, usize)>>) -> Vec<Item> {
    struct Carry {
        rows_left: usize,
        is_value: bool,
    }
    let mut carry: Vec<Carry> = Vec::new();
    let mut items = Vec::new();
    for row in rows {
        let busy: Vec<bool> = carry.iter().map(|c| c.rows_left > 0).collect();
        let mut out: Vec<Cell> = Vec::new();
        let mut column = 0;
        let emit_carried = |column: usize, carry: &[Carry], out: &mut Vec<Cell>| {
            if carry.get(column).is_some_and(|c| c.is_value) {
                out.push(Cell::new(""));
            }
        };
        for (content, colspan, rowspan) in row {
            while busy.get(column).copied().unwrap_or(false) {
                emit_carried(column, &carry, &mut out);
                column += 1;
            }
            if column >= MAX_COLUMNS {
                break;
            }
            let text = cell_text(&content);
            let is_value = super::normalise::parse_value(&text).is_some();
            out.push(Cell {
                text,
                span: colspan,
            });
            for c in column..(column + colspan).min(MAX_COLUMNS) {
                while carry.len() <= c {
                    carry.push(Carry {
                        rows_left: 0,
                        is_value: false,
                    });
                }
                if let Some(slot) = carry.get_mut(c) {
                    // The cell takes this row here; it is carried into the next rowspan-1.
                    *slot = Carry {
                        rows_left: rowspan.saturating_sub(1)
                            + usize::from(busy.get(c) == Some(&true)),
                        is_value,
                    };
                }
            }
            column += colspan;
        }
        while column < busy.len() {
            if busy.get(column).copied().unwrap_or(false) {
                emit_carried(column, &carry, &mut out);
            }
            column += 1;
        }
        for (c, was_busy) in busy.iter().enumerate() {
            if *was_busy {
                if let Some(slot) = carry.get_mut(c) {
                    slot.rows_left = slot.rows_left.saturating_sub(1);
                }
            }
        }
        if !out.is_empty() {
            items.push(Item::Row(out));
        }
    }
    items
}

pub(super) fn read(input: &str) -> HtmlPage {
    let mut flow = Text::default();
    let mut tables: Vec<Table> = Vec::new();
    let mut title: Option<String> = None;
    let mut in_title = false;
    // Tables nested deeper than any page needs are read as part of the table around them.
    let mut ignored_tables = 0usize;

    // Where text goes: the open cell of the innermost table, or the page.
    fn target<'a>(flow: &'a mut Text, tables: &'a mut [Table]) -> &'a mut Text {
        // Text inside a table but outside any cell is shown before the table by browsers; it
        // goes to the enclosing cell or the page.
        for table in tables.iter_mut().rev() {
            if let Some(cell) = table.cell.as_mut() {
                return &mut cell.text;
            }
        }
        flow
    }

    for token in tokenize_without(input, &SKIPPED) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                match name {
                    b"title" => in_title = true,
                    b"table" if tables.len() >= MAX_TABLE_DEPTH => ignored_tables += 1,
                    b"table" => {
                        if let Some(outer) = tables.last_mut() {
                            outer.nested = true;
                        }
                        target(&mut flow, &mut tables).break_line();
                        tables.push(Table::default());
                    }
                    b"tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.open_row();
                        } else {
                            flow.break_line();
                        }
                    }
                    b"td" | b"th" => {
                        if let Some(table) = tables.last_mut() {
                            table.open_cell(
                                tag.attributes.span(b"colspan", MAX_COLSPAN),
                                tag.attributes.span(b"rowspan", MAX_ROWSPAN),
                            );
                        } else {
                            flow.break_line();
                        }
                    }
                    _ if BLOCKS.iter().any(|b| b.as_bytes() == name) => {
                        target(&mut flow, &mut tables).break_line();
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                match name {
                    b"title" => in_title = false,
                    b"table" if ignored_tables > 0 => ignored_tables -= 1,
                    b"table" => {
                        if let Some(table) = tables.pop() {
                            let items = table.finish();
                            let into = target(&mut flow, &mut tables);
                            into.break_line();
                            into.items.extend(items);
                        }
                    }
                    b"tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.close_row();
                        }
                    }
                    b"td" | b"th" => {
                        if let Some(table) = tables.last_mut() {
                            table.close_cell();
                        }
                    }
                    _ if BLOCKS.iter().any(|b| b.as_bytes() == name) => {
                        target(&mut flow, &mut tables).break_line();
                    }
                    _ => {}
                }
            }
            Token::String(text) => {
                let text = String::from_utf8_lossy(text.as_slice());
                if in_title {
                    title.get_or_insert_with(String::new).push_str(&text);
                    continue;
                }
                target(&mut flow, &mut tables).push_str(&text);
            }
        }
    }
    // Tables left open at the end of a fragment.
    while let Some(table) = tables.pop() {
        let items = table.finish();
        let into = target(&mut flow, &mut tables);
        into.break_line();
        into.items.extend(items);
    }
    HtmlPage {
        items: flow.finish(),
        title: title
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(items: &[Item]) -> Vec<Vec<&str>> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Row(cells) => Some(cells.iter().map(|c| c.text.as_str()).collect()),
                Item::Line(_) => None,
            })
            .collect()
    }

    #[test]
    fn spans_keep_values_in_their_columns() {
        let page = read(
            "<p>三、收到和处理政府信息公开申请情况</p><table>\
             <tr><td rowspan=3>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>1</td><td rowspan=2>0</td></tr>\
             <tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>2</td></tr>\
             <tr><td>2.其他法律行政法规禁止公开</td><td>3</td><td>4</td>\
             </table><p>说明&nbsp;文字 &amp; 注</p>",
        );
        assert_eq!(
            rows(&page.items),
            vec![
                vec!["三、本年度办理结果", "（一）予以公开", "1", "0"],
                vec!["（三）不予公开", "1.属于国家秘密", "2", ""],
                vec!["2.其他法律行政法规禁止公开", "3", "4"],
            ]
        );
        assert!(
            matches!(page.items.first(), Some(Item::Line(l)) if l == "三、收到和处理政府信息公开申请情况")
        );
        assert!(matches!(page.items.last(), Some(Item::Line(l)) if l == "说明 文字 & 注"));
    }

    #[test]
    fn layout_tables_are_text_and_scripts_are_not() {
        let page = read(
            "<title>某局2023年 政府信息公开工作年度报告</title><script>if (a<b) { x = '<td>' }</script>\
             <table><tr><td><p>一、总体情况</p><p>正文。</p>\
             <table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>",
        );
        assert_eq!(
            page.title.as_deref(),
            Some("某局2023年 政府信息公开工作年度报告")
        );
        assert!(matches!(page.items.first(), Some(Item::Line(l)) if l == "一、总体情况"));
        assert_eq!(rows(&page.items), vec![vec!["规章", "0"]]);
    }
}
