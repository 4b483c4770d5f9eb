//! Many reports checked at once, as the 政务公开 office above the agencies does before the
//! deadline: each file read (report JSON, a stored draft, a saved page or a text copy), checked as
//! ready to publish, and summed up in one row; two reports of one agency a year apart are checked
//! against each other; the table goes out as CSV for Excel/WPS and as a printable page.
//!
//! One file at a time ([`check_file`]), so that the app can hand the page back to the user
//! between two files and show its progress.

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::export::html::escape;
use crate::finding::{Finding, Severity};
use crate::import::file::{read_file, FileContent, FileProblem};
use crate::import::{import_published, ImportError, Imported};
use crate::model::Report;
use crate::rules::{self, Stage};

/// Where a report came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A report JSON or a stored draft: its numbers are as saved.
    Json,
    /// The text or HTML of a published report, read by the importer.
    Published,
    /// A summary report built here from units of the batch.
    Summary,
}

/// One file of the batch, read and checked, or not readable.
#[derive(Clone, Debug)]
pub struct BatchRow {
    pub file_name: String,
    pub outcome: Result<Checked, FileProblem>,
}

/// A report of the batch and what the check found in it.
#[derive(Clone, Debug)]
pub struct Checked {
    pub report: Report,
    pub source: Source,
    /// What the importer could not read (`I-…`, `S-old-format`); empty for JSON.
    pub notes: Vec<Finding>,
    /// The rules' findings at the publish stage (blank cells are errors), most severe first.
    pub findings: Vec<Finding>,
    /// The file of the batch used as last year's report for the cross-year rules.
    pub last_year_file: Option<String>,
}

impl Checked {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl BatchRow {
    pub fn checked(&self) -> Option<&Checked> {
        self.outcome.as_ref().ok()
    }
}

/// Reads and checks one file of the batch.
pub fn check_file(file_name: &str, bytes: &[u8]) -> BatchRow {
    match read_file(file_name, bytes) {
        Ok(FileContent::Published(text)) => row_of_import(file_name, import_published(&text)),
        read => row_of_read(file_name, read),
    }
}

/// A file's row when it needs no importing: a report's JSON, or a file that is not a report.
/// A published page read (`FileContent::Published`) gets its row from [`row_of_import`]: the
/// supervisor's page has it read in its tools worker, off the page's thread.
pub fn row_of_read(file_name: &str, read: Result<FileContent, FileProblem>) -> BatchRow {
    let outcome = read.and_then(|content| match content {
        FileContent::Report(report) => Ok(checked(*report, Source::Json, Vec::new())),
        FileContent::Published(_) => Err(FileProblem {
            zh: format!("文件“{file_name}”尚未读取。"),
            en: format!("“{file_name}” has not been read."),
        }),
    });
    BatchRow {
        file_name: file_name.to_owned(),
        outcome,
    }
}

/// A published page's row, from what the importer made of it.
pub fn row_of_import(file_name: &str, imported: Result<Imported, ImportError>) -> BatchRow {
    let outcome = match imported {
        Ok(imported) => Ok(checked(imported.report, Source::Published, imported.notes)),
        Err(error) => Err(FileProblem {
            zh: format!("文件“{file_name}”未能作为年报读取：{}", error.message.zh),
            en: format!(
                "“{file_name}” could not be read as a report: {}",
                error.message.en
            ),
        }),
    };
    BatchRow {
        file_name: file_name.to_owned(),
        outcome,
    }
}

/// A report of the batch, checked as ready to publish: what the office checks is what is
/// about to be, or has been, published.
pub fn checked(report: Report, source: Source, notes: Vec<Finding>) -> Checked {
    let findings = rules::check(&report, Stage::Publish);
    Checked {
        report,
        source,
        notes,
        findings,
        last_year_file: None,
    }
}

/// Checks each report against last year's report of the same agency when the batch holds it
/// and the report does not carry its own. Called once all files are read.
pub fn link_last_years(rows: &mut [BatchRow]) {
    for (this, last) in last_year_links(rows) {
        if let Some(last_row) = rows.get(last).cloned() {
            if let Some(row) = rows.get_mut(this) {
                check_against_last_year(row, &last_row);
            }
        }
    }
}

/// Which rows [`link_last_years`] checks against which: (this year's row, last year's row).
/// The supervisor's page checks them one at a time, handing the page back between two.
pub fn last_year_links<R: Borrow<BatchRow>>(rows: &[R]) -> Vec<(usize, usize)> {
    let rows: Vec<&BatchRow> = rows.iter().map(Borrow::borrow).collect();
    let by_agency_year: HashMap<(String, i32), usize> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let report = &row.checked()?.report;
            Some(((agency_key(report)?, report.meta.year), i))
        })
        .collect();
    rows.iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let checked = row.checked()?;
            if checked.report.last_year.is_some() || checked.last_year_file.is_some() {
                return None;
            }
            let key = (
                agency_key(&checked.report)?,
                checked.report.meta.year.checked_sub(1)?,
            );
            by_agency_year.get(&key).map(|&last| (i, last))
        })
        .collect()
}

/// Checks `row` again with `last`'s report as its last year.
pub fn check_against_last_year(row: &mut BatchRow, last: &BatchRow) {
    let Some(last_report) = last.checked().map(|c| c.report.clone()) else {
        return;
    };
    if let Ok(checked) = &mut row.outcome {
        let mut with_last = checked.report.clone();
        with_last.last_year = Some(Box::new(last_report));
        checked.findings = rules::check(&with_last, Stage::Publish);
        checked.last_year_file = Some(last.file_name.clone());
    }
}

/// Agencies are matched by name with spaces ignored; an unnamed report matches nothing.
fn agency_key(report: &Report) -> Option<String> {
    let key = agency_name_key(&report.meta.agency);
    (!key.is_empty()).then_some(key)
}

/// An agency's name as units are matched by it (in a batch, in a region): spaces ignored.
pub fn agency_name_key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The table's columns, in both languages, as the CSV and the printable page write them.
const COLUMNS: [(&str, &str); 9] = [
    ("序号", "No."),
    ("文件", "File"),
    ("机关", "Agency"),
    ("年度", "Year"),
    ("错误", "Errors"),
    ("警告", "Warnings"),
    ("提示", "Notes"),
    ("导入说明", "Import notes"),
    ("问题", "Findings"),
];

/// One row's cells as text, in the table's column order.
fn row_cells(number: usize, row: &BatchRow, english: bool) -> [String; 9] {
    let pick = |finding: &Finding| {
        if english {
            finding.message.en.clone()
        } else {
            finding.message.zh.clone()
        }
    };
    match &row.outcome {
        Ok(checked) => {
            let list = |findings: &[Finding]| {
                findings
                    .iter()
                    .map(|f| format!("[{}] {}", f.rule, pick(f)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            [
                number.to_string(),
                row.file_name.clone(),
                checked.report.meta.agency.clone(),
                checked.report.meta.year.to_string(),
                checked.count(Severity::Error).to_string(),
                checked.count(Severity::Warning).to_string(),
                checked.count(Severity::Info).to_string(),
                list(&checked.notes),
                list(&checked.findings),
            ]
        }
        Err(problem) => [
            number.to_string(),
            row.file_name.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            if english {
                problem.en.clone()
            } else {
                problem.zh.clone()
            },
        ],
    }
}

/// The table as CSV: UTF-8 with a byte-order mark (without it Excel and WPS read Chinese as
/// the local code page), CRLF line ends, every field quoted.
pub fn to_csv(rows: &[BatchRow], english: bool) -> String {
    let mut csv = String::from("\u{feff}");
    let header = COLUMNS.map(|(zh, en)| if english { en } else { zh }.to_owned());
    write_csv_line(&mut csv, &header);
    for (i, row) in rows.iter().enumerate() {
        write_csv_line(&mut csv, &row_cells(i + 1, row, english));
    }
    csv
}

/// One CSV line, every field quoted; the region view's CSV writes its lines with it too.
pub(crate) fn write_csv_line(csv: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        csv.push('"');
        // A cell a spreadsheet would take for a formula (an agency name or a file name from
        // someone else's file) is kept as text; a negative number (days) stays a number.
        let negative_number = cell.strip_prefix('-').is_some_and(|rest| {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        });
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number {
            csv.push('\'');
        }
        csv.push_str(&cell.replace('"', "\"\""));
        csv.push('"');
    }
    csv.push_str("\r\n");
}

/// The table as a self-contained printable page (A4 landscape), `generated` being the time the
/// caller shows under the title.
pub fn to_html(rows: &[BatchRow], english: bool, generated: &str) -> String {
    let (title, lang) = if english {
        ("Reports checked", "en")
    } else {
        ("年报批量检查结果", "zh-CN")
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{BATCH_CSS}</style></head><body>\
         <h1>{title}</h1><p class=\"generated\">{}</p><table><thead><tr>",
        escape(generated)
    );
    for (zh, en) in COLUMNS {
        html.push_str(&format!("<th>{}</th>", if english { en } else { zh }));
    }
    html.push_str("</tr></thead><tbody>");
    for (i, row) in rows.iter().enumerate() {
        let class = match row.checked() {
            None => " class=\"unread\"",
            Some(c) if c.count(Severity::Error) > 0 => " class=\"has-errors\"",
            Some(_) => "",
        };
        html.push_str(&format!("<tr{class}>"));
        for cell in row_cells(i + 1, row, english) {
            html.push_str(&format!("<td>{}</td>", escape(&cell).replace('\n', "<br>")));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></body></html>\n");
    html
}

const BATCH_CSS: &str = "@page{size:A4 landscape;margin:15mm}\
body{font-family:\"FangSong\",\"仿宋\",\"SimSun\",serif;font-size:10.5pt}\
h1{font-size:16pt;text-align:center}.generated{text-align:center}\
table{border-collapse:collapse;width:100%}thead{display:table-header-group}\
th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}tr{break-inside:avoid}\
td:nth-child(n+4):nth-child(-n+7){text-align:right}.has-errors td:nth-child(5){font-weight:bold}\
.unread td{font-style:italic}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_that_looks_like_a_formula_stays_text() {
        let mut csv = String::new();
        write_csv_line(&mut csv, &["=1+1".into(), "a\"b".into(), "普通".into()]);
        assert_eq!(csv, "\"'=1+1\",\"a\"\"b\",\"普通\"\r\n");
    }
}
