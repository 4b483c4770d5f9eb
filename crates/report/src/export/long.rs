//! The report as data for a warehouse: one row per cell of tables 二, 三 and 四 (blanks
//! included), each row carrying the file, the agency and the year it belongs to, so that the
//! rows of thousands of reports stack into one table that DuckDB or Spark can sum and group
//! (`nianbao export --long`, docs/warehouse.md).
//!
//! The rows and their columns are defined here once; the command writes them as CSV with
//! [`push_csv_header`] and [`push_csv_rows`], or as Parquet column by column through
//! [`LONG_COLUMNS`] and [`LongRow::field`].

use crate::agency;
use crate::format::{
    self, ActiveRowKind, SectionId, ACTIVE_BANDS, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS,
    REQUEST_ROWS,
};
use crate::model::Report;

/// One cell of one report, with where it sits in the format and whose report it is.
///
/// Every text is borrowed: the labels and ids from the format, the file name and the agency
/// from the caller and the report, so that a report's 200 rows cost no copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongRow<'a> {
    pub file: &'a str,
    pub agency: &'a str,
    /// The key of the report's agency kind (`county_gov` …).
    pub agency_kind: &'static str,
    /// The level the agency's name gives (`province`, `city`, `county`, `township`), or
    /// `None` where the name does not say ([`agency::guess`]).
    pub agency_level: Option<&'static str>,
    pub year: i32,
    /// The section's key: `active` (table 二), `requests` (三), `appeals` (四).
    pub table_id: &'static str,
    /// The section's heading as printed, 「三、收到和处理政府信息公开申请情况」.
    pub table_label: &'static str,
    /// The row's id: `regulations`, `3.3.1`, `review` ….
    pub row_id: &'static str,
    /// The row's label as printed in its own cell: 「规章」, 「1.属于国家秘密」, 「复议后起诉」.
    pub row_label: &'static str,
    /// The column's id: `issued`, `natural`, `total`, `amount` ….
    pub column_id: &'static str,
    /// The column's header cell as printed: 「本年制发件数」, 「自然人」, 「结果维持」.
    pub column_label: &'static str,
    /// A count; `None` for a blank cell and for the fee cell (its value is [`LongRow::amount`]).
    pub value: Option<u64>,
    /// The fee (table 二, 行政事业性收费, in 万元) exactly as the report has it, `"18.50"`:
    /// `None` for a blank fee and for every other cell.
    pub amount: Option<&'a str>,
    /// How many import notes the file's reading gave (0 for a report JSON).
    pub notes: usize,
    /// How many findings the rules give at the publish stage, as the batch check counts them.
    pub findings: usize,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Integer,
}

/// A column of the long table: its name (CSV header, Parquet field), what it holds and whether
/// it may be null.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongColumn {
    pub name: &'static str,
    pub kind: FieldKind,
    pub nullable: bool,
}

const fn column(name: &'static str, kind: FieldKind, nullable: bool) -> LongColumn {
    LongColumn {
        name,
        kind,
        nullable,
    }
}

/// The columns, in order. The names avoid SQL's reserved words (`table`, `row`, `column`), so a
/// query needs no quoting.
pub const LONG_COLUMNS: [LongColumn; 15] = [
    column("file", FieldKind::Text, false),
    column("agency", FieldKind::Text, false),
    column("agency_kind", FieldKind::Text, false),
    column("agency_level", FieldKind::Text, true),
    column("year", FieldKind::Integer, false),
    column("table_id", FieldKind::Text, false),
    column("table_label", FieldKind::Text, false),
    column("row_id", FieldKind::Text, false),
    column("row_label", FieldKind::Text, false),
    column("column_id", FieldKind::Text, false),
    column("column_label", FieldKind::Text, false),
    column("value", FieldKind::Integer, true),
    column("amount", FieldKind::Text, true),
    column("notes", FieldKind::Integer, false),
    column("findings", FieldKind::Integer, false),
];

/// One field of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    /// A text of the report itself: its file, its agency, its fee.
    Text(&'a str),
    /// A text of the format, the same in every report (an id, a printed label, a kind's key):
    /// a writer may keep it once for every row without copying it.
    Fixed(&'static str),
    Integer(i64),
    Null,
}

impl<'a> LongRow<'a> {
    /// The field of column `index` of [`LONG_COLUMNS`] (`Null` past the last one).
    pub fn field(&self, index: usize) -> Field<'a> {
        let text = Field::Text;
        let fixed = Field::Fixed;
        // Counts are at most model::MAX_COUNT and a report's notes and findings are few: all
        // fit an i64.
        let integer = |n: u64| Field::Integer(i64::try_from(n).unwrap_or(i64::MAX));
        match index {
            0 => text(self.file),
            1 => text(self.agency),
            2 => fixed(self.agency_kind),
            3 => self.agency_level.map_or(Field::Null, fixed),
            4 => Field::Integer(i64::from(self.year)),
            5 => fixed(self.table_id),
            6 => fixed(self.table_label),
            7 => fixed(self.row_id),
            8 => fixed(self.row_label),
            9 => fixed(self.column_id),
            10 => fixed(self.column_label),
            11 => self.value.map_or(Field::Null, integer),
            12 => self.amount.map_or(Field::Null, text),
            13 => integer(self.notes as u64),
            14 => integer(self.findings as u64),
            _ => Field::Null,
        }
    }
}

/// The rows of one report: every cell of tables 二, 三 and 四 in the tables' reading order
/// (as [`crate::layout::value_places`] lists them), blank or not. `file` is the name to
/// record, `notes` and `findings` the counts the caller got reading and checking it.
pub fn long_rows<'a>(
    report: &'a Report,
    file: &'a str,
    notes: usize,
    findings: usize,
) -> Vec<LongRow<'a>> {
    let meta = &report.meta;
    let level = agency::guess(&meta.agency).level.map(|level| level.key());
    let template = LongRow {
        file,
        agency: &meta.agency,
        agency_kind: meta.agency_kind.def().key,
        agency_level: level,
        year: meta.year,
        table_id: "",
        table_label: "",
        row_id: "",
        row_label: "",
        column_id: "",
        column_label: "",
        value: None,
        amount: None,
        notes,
        findings,
    };
    let mut rows = Vec::with_capacity(cell_count());
    let table = |id: SectionId| {
        let def = format::section(id);
        (def.key, def.heading)
    };

    let (table_id, table_label) = table(SectionId::Active);
    for band in &ACTIVE_BANDS {
        for row in band.rows {
            let counts = report.active.counts(row.id);
            for (index, &(column_id, column_label)) in band.kind.columns().iter().enumerate() {
                let (value, amount) = match band.kind {
                    ActiveRowKind::FeeAmount => {
                        (None, report.active.fees.as_ref().map(|fee| fee.0.as_str()))
                    }
                    ActiveRowKind::IssuedRepealedInForce | ActiveRowKind::Decisions => {
                        (counts.get(index).copied().flatten(), None)
                    }
                };
                rows.push(LongRow {
                    table_id,
                    table_label,
                    row_id: row.key,
                    row_label: row.label,
                    column_id,
                    column_label,
                    value,
                    amount,
                    ..template.clone()
                });
            }
        }
    }

    let (table_id, table_label) = table(SectionId::Requests);
    for (cells, row) in report.requests.0.iter().zip(&REQUEST_ROWS) {
        for (&value, column) in cells.iter().zip(&REQUEST_COLUMNS) {
            rows.push(LongRow {
                table_id,
                table_label,
                row_id: row.key,
                row_label: row.label,
                column_id: column.key,
                column_label: column.label,
                value,
                ..template.clone()
            });
        }
    }

    let (table_id, table_label) = table(SectionId::Appeals);
    for (cells, group) in report.appeals.0.iter().zip(&APPEAL_GROUPS) {
        for (&value, column) in cells.iter().zip(&APPEAL_COLUMNS) {
            rows.push(LongRow {
                table_id,
                table_label,
                row_id: group.key,
                row_label: group.label,
                column_id: column.key,
                column_label: column.label,
                value,
                ..template.clone()
            });
        }
    }
    rows
}

/// How many cells the format has: the rows of one report.
pub fn cell_count() -> usize {
    let active: usize = ACTIVE_BANDS
        .iter()
        .map(|band| band.rows.len() * band.kind.columns().len())
        .sum();
    active + REQUEST_ROWS.len() * REQUEST_COLUMNS.len() + APPEAL_GROUPS.len() * APPEAL_COLUMNS.len()
}

/// The CSV's header line: the column names.
pub fn push_csv_header(csv: &mut String) {
    for (i, column) in LONG_COLUMNS.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        csv.push_str(column.name);
    }
    csv.push_str("\r\n");
}

/// The rows as CSV lines after RFC 4180: CRLF line ends; a field with a comma, a quote, a CR
/// or a LF in quotes, its quotes doubled; a null is an empty field and an empty text `""`, so
/// that the two stay apart. UTF-8 without a byte-order mark: this file is for DuckDB, Spark
/// and scripts, whose CSV readers take a mark for part of the first column's name (the table
/// for Excel and WPS is `nianbao check --csv`, which has one). Unlike that table, a field
/// starting with `=` is written as it is: the data are not changed for a spreadsheet's sake.
pub fn push_csv_rows(csv: &mut String, rows: &[LongRow]) {
    for row in rows {
        for index in 0..LONG_COLUMNS.len() {
            if index > 0 {
                csv.push(',');
            }
            match row.field(index) {
                Field::Text(text) | Field::Fixed(text) => push_csv_text(csv, text),
                Field::Integer(n) => csv.push_str(&n.to_string()),
                Field::Null => {}
            }
        }
        csv.push_str("\r\n");
    }
}

fn push_csv_text(csv: &mut String, text: &str) {
    if text.is_empty() || text.contains([',', '"', '\r', '\n']) {
        csv.push('"');
        csv.push_str(&text.replace('"', "\"\""));
        csv.push('"');
    } else {
        csv.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_quoted_only_when_it_must_be() {
        let mut csv = String::new();
        for text in ["普通", "a,b", "say \"hi\"", "two\nlines", "", "=1+1"] {
            push_csv_text(&mut csv, text);
            csv.push('|');
        }
        assert_eq!(
            csv,
            "普通|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"\"|=1+1|"
        );
    }

    #[test]
    fn every_column_has_a_field() {
        let report = Report::default();
        let rows = long_rows(&report, "f", 0, 0);
        for (index, column) in LONG_COLUMNS.iter().enumerate() {
            let field = rows[0].field(index);
            match (column.kind, field) {
                (_, Field::Null) => assert!(column.nullable, "{}", column.name),
                (FieldKind::Text, Field::Text(_) | Field::Fixed(_))
                | (FieldKind::Integer, Field::Integer(_)) => {}
                _ => panic!("{}: {field:?}", column.name),
            }
        }
        assert_eq!(rows[0].field(LONG_COLUMNS.len()), Field::Null);
    }
}
