//! The report as plain text, the plain-text half of "copy": a table as tab-separated cells
//! (pasted into Excel or WPS it lands cell by cell, merged header cells as their top-left cell),
//! and the whole report as headings, paragraphs and tables.

use crate::format::{self, SectionId};
use crate::layout::{self, CellContent};
use crate::model::Report;

/// Table 二, 三 or 四 as TSV with `\r\n` line ends (what spreadsheets put on the clipboard);
/// empty for a section without a table.
pub fn table_tsv(report: &Report, table: SectionId) -> String {
    let Some(layout) = layout::table_layout(table) else {
        return String::new();
    };
    let width: usize = layout.columns.iter().map(|(_, n)| n).sum();
    let rows: Vec<_> = layout.groups.iter().flat_map(|g| g.rows.iter()).collect();
    let mut grid = vec![vec![None::<String>; width]; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row.iter() {
            // Skip the grid positions a rowspan from above already covers.
            while c < width && grid[r][c].is_some() {
                c += 1;
            }
            let text = match &cell.content {
                CellContent::Header(label) | CellContent::RowLabel(label) => (*label).to_owned(),
                CellContent::Value(place) => {
                    report.cell(place).map(|v| v.text()).unwrap_or_default()
                }
            };
            for dr in 0..cell.rows {
                for dc in 0..cell.cols {
                    if let Some(slot) = grid.get_mut(r + dr).and_then(|line| line.get_mut(c + dc)) {
                        *slot = Some(if dr == 0 && dc == 0 {
                            text.clone()
                        } else {
                            String::new()
                        });
                    }
                }
            }
            c += cell.cols;
        }
    }
    let mut out = String::new();
    for line in grid {
        let cells: Vec<String> = line
            .into_iter()
            .map(|cell| quote(&cell.unwrap_or_default()))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push_str("\r\n");
    }
    out
}

/// The whole report: title, each section's heading, table (as TSV) and text, then the agency and
/// the date that sign it.
pub fn report_text(report: &Report) -> String {
    let mut out = format!("{}\r\n\r\n", report.title());
    for def in &format::SECTIONS {
        out.push_str(def.heading);
        out.push_str("\r\n");
        if matches!(def.id, SectionId::Active | SectionId::Requests) {
            out.push_str(&format::statistics_period(report.meta.year));
            out.push_str("\r\n");
        }
        out.push_str(&table_tsv(report, def.id));
        let text = report.sections.get(def.id).trim();
        if !text.is_empty() {
            out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
    }
    for line in super::html::signature_lines(report) {
        out.push_str(&line);
        out.push_str("\r\n");
    }
    out
}

/// Quotes a cell the way Excel does when it holds a tab, a line break or a quote.
fn quote(cell: &str) -> String {
    if cell.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clipboard::parse_block;
    use crate::format::{request_row, REQUEST_ROWS};
    use crate::model::Place;

    #[test]
    fn table_three_round_trips_through_the_paste_parser() {
        let mut report = Report::default();
        for row in 0..REQUEST_ROWS.len() {
            for column in 0..7 {
                report.set_cell(
                    &Place::Request { row, column },
                    crate::model::CellValue::Count(Some((row * 10 + column) as u64)),
                );
            }
        }
        let tsv = table_tsv(&report, SectionId::Requests);
        let grid = parse_block(&tsv, None);
        assert_eq!(grid.len(), 3 + 25, "three header rows and 25 body rows");
        assert!(
            grid.iter().all(|line| line.len() == 10),
            "3 label columns + 7 values"
        );
        let row_37 = &grid[3 + request_row("3.7")];
        assert_eq!(row_37[1], "（七）总计", "under the result group cell");
        assert_eq!(row_37[3..].join(","), "230,231,232,233,234,235,236");
        assert_eq!(grid[3][0], "一、本年新收政府信息公开申请数量");
        assert!(grid[0][0].starts_with("（本列数据的勾稽关系"));
    }

    #[test]
    fn blank_cells_stay_empty_and_fees_print_as_typed() {
        let mut report = Report::default();
        report.active.fees = Some(crate::model::Decimal("5949.088667".into()));
        let tsv = table_tsv(&report, SectionId::Active);
        assert!(tsv.contains("行政事业性收费\t5949.088667"));
        assert!(tsv.contains("规章\t\t\t\r\n"));
        assert_eq!(table_tsv(&report, SectionId::Overview), "");
    }

    #[test]
    fn report_text_has_every_heading_and_the_text() {
        let mut report = Report::new_blank("某街道办事处", crate::AgencyKind::Township, 2023);
        report
            .sections
            .set(SectionId::Problems, "<script>alert(1)</script>");
        let text = report_text(&report);
        for def in &format::SECTIONS {
            assert_eq!(text.matches(def.heading).count(), 1, "{}", def.heading);
        }
        assert!(text.starts_with("某街道办事处2023年政府信息公开工作年度报告"));
        assert!(
            text.contains("<script>alert(1)</script>"),
            "plain text is not HTML: kept as typed"
        );
        assert!(text.contains("（数据核定时间点为2023年1月1日—2023年12月31日）"));
    }
}
