//! The corpus of real published reports (tests/corpus/: see KEYS.md there) and what a key says.
//!
//! Shared by the corpus tests and by `examples/corpus.rs`, which prints how well T-numbers reads
//! the text against the keys.

#![allow(dead_code)]

use nianbao_report::format::{self, AgencyKind};
use nianbao_report::layout;
use nianbao_report::model::{CellValue, Decimal, Place, Report};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Whether the entry holds a whole report or the first part of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    Full,
    Partial,
}

pub struct Entry {
    pub slug: String,
    pub completeness: Completeness,
    pub input_path: PathBuf,
    /// The input as a user hands it to the importer: UTF-8 text.
    pub input: String,
    pub key: Key,
}

/// A statement of the text about the tables, as the key gives it.
#[derive(Clone, Debug)]
pub struct Statement {
    pub quote: String,
    /// Sorted cell ids; a share is `numerator ÷ denominator`.
    pub place: String,
    /// The number as the text states it: an integer, a fee, or a share "95.5%".
    pub value: String,
}

pub struct Key {
    pub source: String,
    pub input_kind: String,
    pub agency: Option<String>,
    pub agency_kind: AgencyKind,
    pub level: Option<String>,
    pub year: i32,
    /// Every cell the key gives, by place: the value printed, or blank.
    pub cells: Vec<(Place, CellValue)>,
    pub table_findings: BTreeSet<String>,
    pub statements: Vec<Statement>,
    /// Page chrome the input carries (partial entries).
    pub chrome: Vec<String>,
    pub preamble: Option<String>,
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every entry of the corpus, full ones first, each in slug order.
pub fn entries() -> Vec<Entry> {
    let mut all = Vec::new();
    for (folder, completeness) in [
        ("full", Completeness::Full),
        ("partial", Completeness::Partial),
    ] {
        let dir = corpus_dir().join(folder);
        let mut keys: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".key.json"))
            .collect();
        keys.sort();
        for key_path in keys {
            all.push(read_entry(&key_path, completeness));
        }
    }
    all
}

fn read_entry(key_path: &Path, completeness: Completeness) -> Entry {
    let name = key_path.file_name().unwrap().to_string_lossy();
    let slug = name.trim_end_matches(".key.json").to_owned();
    let dir = key_path.parent().unwrap();
    let input_path = [".html", ".pdf.txt", ".txt"]
        .iter()
        .map(|ext| dir.join(format!("{slug}{ext}")))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{slug}: no input file beside its key"));
    let bytes = std::fs::read(&input_path).unwrap();
    let input = String::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{}: not UTF-8: {e}", input_path.display()));
    let text = std::fs::read_to_string(key_path).unwrap();
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", key_path.display()));
    let key = parse_key(&slug, &json);
    Entry {
        slug,
        completeness,
        input_path,
        input,
        key,
    }
}

fn parse_key(slug: &str, json: &Value) -> Key {
    let text = |field: &str| json.get(field).and_then(Value::as_str).map(str::to_owned);
    let kind_key = text("agency_kind").unwrap_or_else(|| panic!("{slug}: no agency_kind"));
    let agency_kind = AgencyKind::from_key(&kind_key)
        .unwrap_or_else(|| panic!("{slug}: agency_kind {kind_key} is not one of the format's"));
    let year = json
        .get("year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok())
        .unwrap_or_else(|| panic!("{slug}: no year"));
    let statements = json
        .get("statements")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|s| Statement {
                    quote: s["quote"].as_str().unwrap_or_default().to_owned(),
                    place: normalise_place(s["place"].as_str().unwrap_or_default()),
                    value: match &s["value"] {
                        Value::String(v) => v.clone(),
                        other => other.to_string(),
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    let strings = |field: &str| -> Vec<String> {
        json.get(field)
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    Key {
        source: text("source").unwrap_or_else(|| panic!("{slug}: no source")),
        input_kind: text("input").unwrap_or_else(|| panic!("{slug}: no input kind")),
        agency: text("agency"),
        agency_kind,
        level: text("level"),
        year,
        cells: key_cells(slug, json),
        table_findings: strings("table_findings").into_iter().collect(),
        statements,
        chrome: strings("chrome"),
        preamble: text("preamble"),
    }
}

/// 「active/licensing」 → 「active/licensing/decisions」; the terms of a sum in a fixed order.
pub fn normalise_place(place: &str) -> String {
    let sum = |s: &str| -> String {
        let mut terms: Vec<String> = s
            .split('+')
            .map(|t| {
                let t = t.trim();
                let parts: Vec<&str> = t.split('/').collect();
                match parts.as_slice() {
                    ["active", "fees"] => "active/fees/amount".to_owned(),
                    ["active", row] => format!("active/{row}/decisions"),
                    _ => t.to_owned(),
                }
            })
            .collect();
        terms.sort();
        terms.join("+")
    };
    match place.split_once('÷') {
        Some((top, bottom)) => format!("{}÷{}", sum(top), sum(bottom)),
        None => sum(place),
    }
}

/// The cells a key gives, by the JSON exchange format's shape.
fn key_cells(slug: &str, json: &Value) -> Vec<(Place, CellValue)> {
    let mut cells = Vec::new();
    for place in layout::value_places() {
        let id = place.id();
        let parts: Vec<&str> = id.split('/').collect();
        let value = match parts.as_slice() {
            ["active", "fees", _] => json.pointer("/active/fees"),
            ["active", row, "decisions"] => json.pointer(&format!("/active/{row}")),
            ["active", row, column] => {
                let index = format::ACTIVE_TRIPLE_COLUMNS
                    .iter()
                    .position(|(k, _)| k == column)
                    .unwrap();
                json.pointer(&format!("/active/{row}/{index}"))
            }
            ["requests", row, column] => {
                let index = format::REQUEST_COLUMNS
                    .iter()
                    .position(|c| c.key == *column)
                    .unwrap();
                json.get("requests")
                    .and_then(|r| r.get(*row))
                    .and_then(|r| r.get(index))
            }
            ["appeals", group, column] => {
                let index = format::APPEAL_COLUMNS
                    .iter()
                    .position(|c| c.key == *column)
                    .unwrap();
                json.pointer(&format!("/appeals/{group}/{index}"))
            }
            _ => None,
        };
        let Some(value) = value else { continue };
        let cell = match (&place, value) {
            (_, Value::Null) if is_fee(&place) => CellValue::Fee(None),
            (_, Value::Null) => CellValue::Count(None),
            (_, Value::String(fee)) if is_fee(&place) => CellValue::Fee(Some(Decimal(fee.clone()))),
            (_, Value::Number(n)) if is_fee(&place) => CellValue::Fee(Some(Decimal(n.to_string()))),
            (_, Value::Number(n)) => CellValue::Count(Some(
                n.as_u64()
                    .unwrap_or_else(|| panic!("{slug}: {id} is not a count: {n}")),
            )),
            (_, other) => panic!("{slug}: {id} holds {other}"),
        };
        cells.push((place, cell));
    }
    cells
}

fn is_fee(place: &Place) -> bool {
    matches!(place, Place::Active(format::ActiveRowId::Fees, _))
}

impl Key {
    /// A report holding the key's cells (the rest blank), for the arithmetic of the tables.
    pub fn report(&self) -> Report {
        let mut report = Report::new_blank("", self.agency_kind, self.year);
        for (place, value) in &self.cells {
            report.set_cell(place, value.clone());
        }
        report
    }

    /// The value the key's tables give for a cell id or a sum of them; None when a term is
    /// blank or not in the key.
    pub fn table_value(&self, place: &str) -> Option<u64> {
        let mut total = 0u64;
        for term in place.split('+') {
            let value = self.cells.iter().find(|(p, _)| p.id() == term)?;
            match &value.1 {
                CellValue::Count(Some(n)) => total += n,
                _ => return None,
            }
        }
        Some(total)
    }
}

/// The text of a saved page without its tags, entities and whitespace, or a text without its
/// whitespace: where a key's quotes must be found.
pub fn searchable(input: &str, is_page: bool) -> String {
    let mut text = String::with_capacity(input.len());
    if is_page {
        let mut in_tag = false;
        for c in input.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text = text
            .replace("&nbsp;", "")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&ldquo;", "“")
            .replace("&rdquo;", "”")
            .replace("&mdash;", "—");
    } else {
        text.push_str(input);
    }
    squeeze(&text)
}

/// Without whitespace of any kind.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .collect()
}

// ---------------------------------------------------------------------------------------------
// T-numbers against the keys
// ---------------------------------------------------------------------------------------------

/// The digits a statement's number is written with: 「26」, 「17.46」.
fn digits_of(value: &str) -> String {
    value.trim_end_matches('%').to_owned()
}

/// Up to four chars before the last time `digits` is written in `quote` (whitespace dropped):
/// where a key's quote and a reading's quote must agree.
fn context_before(quote: &str, digits: &str) -> Option<String> {
    let squeezed = squeeze(quote);
    let at = squeezed.rfind(digits)?;
    let before: Vec<char> = squeezed[..at].chars().collect();
    Some(before[before.len().saturating_sub(4)..].iter().collect())
}

/// Whether a reading of the text and a key's statement are about the same written number.
pub fn same_number(stated: &nianbao_report::rules::StatedQuantity, statement: &Statement) -> bool {
    let value = stated.stated.shown();
    if digits_of(&value) != digits_of(&statement.value) {
        return false;
    }
    let digits = digits_of(&value);
    match (
        context_before(&stated.quote, &digits),
        context_before(&statement.quote, &digits),
    ) {
        (Some(a), Some(b)) => {
            let shorter = a.chars().count().min(b.chars().count());
            shorter == 0 || a.ends_with(&b) || b.ends_with(&a) || {
                let tail = |s: &str| s.chars().rev().take(2).collect::<String>();
                shorter >= 2 && tail(&a) == tail(&b)
            }
        }
        _ => false,
    }
}

impl Key {
    /// What the key's tables give for a statement's place: a count, or a share as written
    /// (rounded to the statement's decimals); None when a cell is blank.
    pub fn gives(&self, statement: &Statement) -> Option<bool> {
        match statement.place.split_once('÷') {
            None => {
                let value = self.table_value(&statement.place)?;
                Some(value.to_string() == statement.value)
            }
            Some((top, bottom)) => {
                let top = self.table_value(top)? as f64;
                let bottom = self.table_value(bottom)? as f64;
                let written: f64 = statement.value.trim_end_matches('%').parse().ok()?;
                let decimals = statement
                    .value
                    .trim_end_matches('%')
                    .split_once('.')
                    .map_or(0, |(_, f)| f.len() as i32);
                (bottom > 0.0)
                    .then(|| (top / bottom * 100.0 - written).abs() < 10f64.powi(-decimals))
            }
        }
    }

    /// The statements whose number the key's tables do not give: what T-numbers must find.
    pub fn mismatches(&self) -> Vec<&Statement> {
        self.statements
            .iter()
            .filter(|s| self.gives(s) == Some(false))
            .collect()
    }
}
