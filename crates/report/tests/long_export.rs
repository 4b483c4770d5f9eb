//! The long table for a warehouse (export::long): one row per cell of the format, on the real
//! reports of tests/fixtures, and its CSV read back by an RFC 4180 reader.

mod common;
use common::fixture;

use nianbao_report::export::long::{
    cell_count, long_rows, push_csv_header, push_csv_rows, Field, FieldKind, LongRow, LONG_COLUMNS,
};
use nianbao_report::format::{self, AGENCY_KINDS};
use nianbao_report::import::import_published;
use nianbao_report::layout::value_places;
use nianbao_report::rules::{self, Stage};
use nianbao_report::Report;

fn imported(name: &str) -> (Report, usize) {
    let imported = import_published(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    (imported.report, imported.notes.len())
}

fn cell<'a>(rows: &'a [LongRow<'a>], table: &str, row: &str, column: &str) -> &'a LongRow<'a> {
    rows.iter()
        .find(|r| r.table_id == table && r.row_id == row && r.column_id == column)
        .unwrap_or_else(|| panic!("no row {table}/{row}/{column}"))
}

/// A CSV after RFC 4180, each field `None` where it was empty and unquoted (a null).
fn read_csv(csv: &str) -> Vec<Vec<Option<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut chars = csv.chars().peekable();
    loop {
        let mut field = String::new();
        let mut quoted = false;
        if chars.peek() == Some(&'"') {
            quoted = true;
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                    None => panic!("a quote left open"),
                }
            }
        }
        while let Some(&c) = chars.peek() {
            if c == ',' || c == '\r' {
                break;
            }
            assert!(!quoted && c != '"' && c != '\n', "stray {c:?} in {field:?}");
            field.push(c);
            chars.next();
        }
        record.push((quoted || !field.is_empty()).then_some(field));
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                records.push(std::mem::take(&mut record));
                if chars.peek().is_none() {
                    return records;
                }
            }
            None => panic!("the last line has no CRLF"),
            Some(c) => panic!("unexpected {c:?}"),
        }
    }
}

fn as_csv(rows: &[LongRow]) -> String {
    let mut csv = String::new();
    push_csv_header(&mut csv);
    push_csv_rows(&mut csv, rows);
    csv
}

/// One row per cell of the format, in the layout's reading order, whatever the report holds:
/// a full report, a partial one and an empty one give the same cells.
#[test]
fn a_report_gives_one_row_per_cell_of_the_format() {
    let places: Vec<String> = value_places().iter().map(|p| p.id()).collect();
    assert_eq!(places.len(), 200);
    assert_eq!(cell_count(), places.len());
    let blank = Report::default();
    for (name, report) in [
        (
            "shuyang-county-2025.txt",
            imported("shuyang-county-2025.txt").0,
        ),
        (
            "dizhang-street-2023-partial-2019-format.txt",
            imported("dizhang-street-2023-partial-2019-format.txt").0,
        ),
        ("blank", blank),
    ] {
        let rows = long_rows(&report, name, 0, 0);
        let ids: Vec<String> = rows
            .iter()
            .map(|r| format!("{}/{}/{}", r.table_id, r.row_id, r.column_id))
            .collect();
        assert_eq!(ids, places, "{name}");
    }
}

/// The numbers are the fixture's: 沭阳县人民政府 2025 as published (see its README line).
#[test]
fn known_cells_hold_the_published_numbers() {
    let (report, notes) = imported("shuyang-county-2025.txt");
    let findings = rules::check(&report, Stage::Publish).len();
    let rows = long_rows(&report, "shuyang-county-2025.txt", notes, findings);
    let total = |row: &str| cell(&rows, "requests", row, "total").value;
    assert_eq!(total("1"), Some(713));
    assert_eq!(total("2"), Some(36));
    assert_eq!(total("3.1"), Some(294));
    assert_eq!(total("3.2"), Some(101));
    assert_eq!(total("3.7"), Some(718));
    assert_eq!(total("4"), Some(31));
    let withheld = cell(&rows, "requests", "3.3.5", "natural");
    assert_eq!(withheld.value, Some(13));
    assert_eq!(withheld.row_label, "5.属于三类内部事务信息");
    assert_eq!(withheld.column_label, "自然人");
    assert_eq!(withheld.table_label, "三、收到和处理政府信息公开申请情况");
    assert_eq!(cell(&rows, "appeals", "review", "total").value, Some(61));
    assert_eq!(
        cell(&rows, "appeals", "suit_direct", "total").value,
        Some(3)
    );
    assert_eq!(
        cell(&rows, "appeals", "suit_after_review", "total").value,
        Some(10)
    );
    // The fee: an amount kept as published, in its own column.
    let fee = cell(&rows, "active", "fees", "amount");
    assert_eq!((fee.value, fee.amount), (None, Some("4068.208")));
    assert_eq!(fee.column_label, "本年收费金额（单位：万元）");
    assert!(rows
        .iter()
        .filter(|r| r.row_id != "fees")
        .all(|r| r.amount.is_none()));
    // Whose report it is, on every row.
    for row in &rows {
        assert_eq!(row.file, "shuyang-county-2025.txt");
        assert_eq!(row.agency, report.meta.agency);
        assert_eq!(row.agency_kind, "county_gov");
        assert_eq!(row.agency_level, Some("county"));
        assert_eq!(row.year, 2025);
        assert_eq!((row.notes, row.findings), (notes, findings));
    }
}

/// 沭阳县发展和改革局 2023 left the five 法人 columns of table 三 blank: they are nulls, not 0,
/// in the rows and in the CSV.
#[test]
fn blank_cells_are_nulls() {
    let (report, notes) = imported("shuyang-fagaiju-2023.txt");
    let rows = long_rows(&report, "shuyang-fagaiju-2023.txt", notes, 0);
    let blanks: Vec<&LongRow> = rows
        .iter()
        .filter(|r| r.table_id == "requests" && r.value.is_none())
        .collect();
    assert_eq!(blanks.len(), 125);
    assert!(blanks.iter().all(|r| format::REQUEST_COLUMNS[1..6]
        .iter()
        .any(|c| c.key == r.column_id)));
    assert_eq!(cell(&rows, "requests", "1", "natural").value, Some(26));
    assert_eq!(
        cell(&rows, "active", "normative_documents", "in_force").value,
        Some(18)
    );

    let records = read_csv(&as_csv(&rows));
    let at = |name: &str| {
        LONG_COLUMNS
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let blank = records
        .iter()
        .find(|r| {
            r[at("table_id")].as_deref() == Some("requests")
                && r[at("row_id")].as_deref() == Some("3.1")
                && r[at("column_id")].as_deref() == Some("legal")
        })
        .expect("the row of 三(一) 法律服务机构");
    assert_eq!(blank[at("value")], None);
    assert_eq!(blank[at("amount")], None);
    assert_eq!(blank[at("year")].as_deref(), Some("2023"));
}

/// The CSV's header is the columns' names, each row has every column, and the text that needs
/// quoting (a comma, a quote, a line break in a file name or an agency) is quoted and reads
/// back as it was.
#[test]
fn the_csv_reads_back_field_for_field() {
    let (mut report, notes) = imported("erdun-2023.txt");
    report.meta.agency = "某县\"示范\"街道,办事处".into();
    let file = "报告,2023 \"定稿\"\n.txt";
    let rows = long_rows(&report, file, notes, 3);
    let csv = as_csv(&rows);
    assert!(!csv.starts_with('\u{feff}'), "no byte-order mark");
    let records = read_csv(&csv);
    assert_eq!(records.len(), 1 + rows.len());
    let header: Vec<&str> = records[0].iter().flatten().map(String::as_str).collect();
    let names: Vec<&str> = LONG_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record.len(), LONG_COLUMNS.len());
        for (index, read) in record.iter().enumerate() {
            let expected = match row.field(index) {
                Field::Text(text) | Field::Fixed(text) => Some(text.to_owned()),
                Field::Integer(n) => Some(n.to_string()),
                Field::Null => None,
            };
            assert_eq!(read, &expected, "column {}", LONG_COLUMNS[index].name);
        }
    }
    assert!(csv.contains(",\"某县\"\"示范\"\"街道,办事处\","));
    assert!(csv.starts_with("file,agency,"));
    assert!(csv.contains("\r\n\"报告,2023 \"\"定稿\"\"\n.txt\","));
    // No label of the format needs quoting today; if one ever does, the test above covers it.
    let labels = rows
        .iter()
        .flat_map(|r| [r.table_label, r.row_label, r.column_label]);
    for label in labels {
        assert!(!label.contains([',', '"', '\n']), "{label}");
    }
}

/// The columns' kinds: what the Parquet schema is written from.
#[test]
fn columns_are_named_once_and_typed() {
    let mut names: Vec<&str> = LONG_COLUMNS.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), LONG_COLUMNS.len());
    let kind = |name: &str| LONG_COLUMNS.iter().find(|c| c.name == name).map(|c| c.kind);
    assert_eq!(kind("value"), Some(FieldKind::Integer));
    assert_eq!(kind("amount"), Some(FieldKind::Text));
    assert_eq!(kind("year"), Some(FieldKind::Integer));
    // An agency kind is its key in the format.
    let report = Report::default();
    let rows = long_rows(&report, "", 0, 0);
    assert!(AGENCY_KINDS.iter().any(|k| k.key == rows[0].agency_kind));
    assert_eq!(rows[0].agency_level, None);
}

/// docs/warehouse.md describes every column.
#[test]
fn the_warehouse_doc_names_every_column() {
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/warehouse.md");
    let doc = std::fs::read_to_string(&doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
    for column in LONG_COLUMNS {
        assert!(
            doc.contains(&format!("| `{}` |", column.name)),
            "docs/warehouse.md has no line for the column {}",
            column.name
        );
    }
}
