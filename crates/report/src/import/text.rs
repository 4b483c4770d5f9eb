//! Plain text as users copy it from a page or get it out of a PDF, read into lines and table
//! rows.
//!
//! Copies keep a table's cells in several ways: a row per line with `|` between cells and empty
//! fields for blank cells (「一、本年新收…|26||||||26」), a cell per line ending in ` |` with lines
//! of bare `|` where header cells were lost (the seed), markdown tables (`| 规章 | 0 | 0 | 0 |`
//! under a `|---|` line), or cells separated by tabs (a copy out of a spreadsheet or Word).
//! Rows whose cells sit on one line separated by spaces (PDF text) are recognised later, where
//! the tables are read, because only there is a trailing number known to be a cell.

use super::{Cell, Item};

pub(super) fn read(input: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for raw in input.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line.contains('|') || line.contains('｜') {
            if let Some(cells) = pipe_row(line) {
                items.push(Item::Row(cells));
            }
            continue;
        }
        if line.contains('\t') {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() >= 2 {
                items.push(Item::Row(fields.into_iter().map(Cell::new).collect()));
                continue;
            }
        }
        items.push(Item::Line(line.to_owned()));
    }
    items
}

/// The cells of a `|` row, or None for a line that holds no cell: bare `|` marks where cells
/// were lost, and a markdown rule line `|---|---|`.
fn pipe_row(line: &str) -> Option<Vec<Cell>> {
    let is_pipe = |c: char| c == '|' || c == '｜';
    let mut fields: Vec<&str> = line.split(is_pipe).collect();
    // A row written `| a | b |` has an empty field before the first and after the last bar
    // that is no cell; `a |` (the seed's cell per line) has one after.
    if line.starts_with(is_pipe) && !fields.is_empty() {
        fields.remove(0);
    }
    if line.ends_with(is_pipe) {
        fields.pop();
    }
    if fields.iter().all(|f| f.trim().is_empty()) {
        // A lone 「|」 on its line is a blank cell of a copy that gives each cell a line (冷水滩区
        // 高科园 2023: 「一、本年新收…|」 then six 「|」 and 「0 |」); more bars only mark cells
        // a header lost.
        return (line.trim() == "|" || line.trim() == "｜").then(|| vec![Cell::new("")]);
    }
    if fields.iter().all(|f| is_markdown_rule(f)) {
        return None;
    }
    Some(fields.into_iter().map(Cell::new).collect())
}

fn is_markdown_rule(field: &str) -> bool {
    let f = field.trim();
    f.chars().filter(|c| *c == '-').count() >= 3 && f.chars().all(|c| matches!(c, '-' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(item: &Item) -> Vec<&str> {
        match item {
            Item::Row(cells) => cells.iter().map(|c| c.text.as_str()).collect(),
            Item::Line(_) => Vec::new(),
        }
    }

    #[test]
    fn rows_as_copied() {
        let items = read(
            "规章 |\n|||\n0 |\n||\n一、本年新收政府信息公开申请数量|26||||||26\n| 规章 | 0 | 0 | 0 |\n|---|---|\n说明文字",
        );
        assert_eq!(items.len(), 5);
        assert_eq!(cells(&items[0]), vec!["规章"]);
        assert_eq!(cells(&items[1]), vec!["0"]);
        assert_eq!(
            cells(&items[2]),
            vec![
                "一、本年新收政府信息公开申请数量",
                "26",
                "",
                "",
                "",
                "",
                "",
                "26"
            ]
        );
        assert_eq!(cells(&items[3]), vec!["规章", "0", "0", "0"]);
        assert!(matches!(&items[4], Item::Line(l) if l == "说明文字"));
    }
}
