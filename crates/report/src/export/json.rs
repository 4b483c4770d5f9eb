//! The JSON exchange format, version 1 (spec §8), with migrations of older versions.
//!
//! Drafts, exports and imports all use this one shape; `schema/report.v1.json` at the repository
//! root is its JSON Schema. Decisions the spec leaves open, kept in step with the schema:
//!
//! - Keys are written in the spec's order; table arrays follow the column orders of
//!   [`crate::format`]; a blank cell is `null`; the fee is a string, kept exactly as typed.
//! - `last_year` is written as a nested report object (`meta`, `sections`, `active`, `requests`,
//!   `appeals`, without `format` / `schema_version`: the outer ones govern) when the report has
//!   one, and left out when it has none. Reading accepts it absent, `null` or an object; inside
//!   it, a `last_year` of its own and any unknown field are ignored (the model keeps one year
//!   back), so a whole exported report can be pasted there.
//! - Unknown top-level fields are accepted and ignored: later additions to version 1 must not
//!   make older copies of the app refuse a file. Inside `meta`, `sections` and the tables an
//!   unknown key is an error, because it is most likely a typo that would lose a number.
//! - A count written as a float with no fraction (`3.0`, `1e3`) is read as that integer, as a
//!   JSON Schema `integer` would accept it.
//!
//! Older versions are migrated, never rejected: `MIGRATIONS` holds one step per version.
//! Version 0 was the shape of pre-release drafts: no `format` field, `"schema_version": 0`, and
//! each row of `requests` an object keyed by column id that left blank cells out
//! (`{"natural": 3, "total": 3}`); no `last_year`. Everything else was as in version 1.

use crate::date::Date;
use crate::format::{
    self, ActiveRowKind, AgencyKind, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS,
    SECTIONS,
};
use crate::message::Message;
use crate::model::{Count, Decimal, Meta, Report, MAX_COUNT};
use serde_json::{Map, Value};
use std::fmt;

/// The value of the `format` field.
pub const FORMAT: &str = "nianbao-report";

/// The version this code writes, and the newest it reads.
pub const SCHEMA_VERSION: u64 = 1;

/// Why a text could not be read as a report, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// A JSON path such as `requests.3.7[2]` or `meta.year`; empty for the document as a whole.
    pub path: String,
    /// The message for the user; it names the path (or the line and column) itself.
    pub message: Message,
    /// 1-based line and column, for errors in the JSON text itself.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// An error about the value at `path`; the messages are prefixed with the path.
    fn at(path: &str, zh: impl fmt::Display, en: impl fmt::Display) -> JsonError {
        let (message_zh, message_en) = if path.is_empty() {
            (zh.to_string(), en.to_string())
        } else {
            (format!("{path}：{zh}"), format!("{path}: {en}"))
        };
        JsonError {
            path: path.to_owned(),
            message: Message {
                zh: message_zh,
                en: message_en,
            },
            line: None,
            column: None,
        }
    }

    fn in_text(line: usize, column: usize, zh: impl fmt::Display, en: impl fmt::Display) -> Self {
        JsonError {
            path: String::new(),
            message: Message {
                zh: format!("第{line}行第{column}列：{zh}"),
                en: format!("line {line}, column {column}: {en}"),
            },
            line: Some(line),
            column: Some(column),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// The report as JSON v1 text: pretty, keys in the spec's order, short arrays on one line (an
/// export, a file a person may read).
pub fn to_json(report: &Report) -> String {
    counts::serialised();
    let mut out = String::new();
    document(report).write(&mut out, 0);
    out.push('\n');
    out
}

/// The report as a JSON v1 value: for a document that holds a report (a stored draft, a
/// version in its history), which is printed once as a whole.
pub fn to_value(report: &Report) -> Value {
    counts::serialised();
    document(report).into_value()
}

/// The whole document, `format` and `schema_version` first.
fn document(report: &Report) -> Node<'_> {
    let mut fields = vec![
        ("format", Node::Str(FORMAT)),
        ("schema_version", Node::Whole(SCHEMA_VERSION as i64)),
    ];
    fields.extend(body(report));
    if let Some(last_year) = report.last_year.as_deref() {
        fields.push(("last_year", Node::Object(body(last_year))));
    }
    Node::Object(fields)
}

/// A JSON value of the report, to print as text ([`to_json`]) or to hand over as a value
/// ([`to_value`]): one tree, so that both say the same.
enum Node<'r> {
    Null,
    Str(&'r str),
    Whole(i64),
    Array(Vec<Node<'r>>),
    Object(Vec<(&'static str, Node<'r>)>),
}

impl<'r> Node<'r> {
    fn count(c: Count) -> Node<'r> {
        // Counts are at most MAX_COUNT, far inside i64.
        c.map_or(Node::Null, |n| Node::Whole(n as i64))
    }
    fn counts(cells: &[Count]) -> Node<'r> {
        Node::Array(cells.iter().map(|c| Node::count(*c)).collect())
    }

    fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Str(s) => Value::from(s),
            Node::Whole(n) => Value::from(n),
            Node::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(key, value)| (key.to_owned(), value.into_value()))
                    .collect(),
            ),
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Str(s) => out.push_str(&quote(s)),
            Node::Whole(n) => out.push_str(&n.to_string()),
            // Table rows stay on one line, as in the spec, so a row reads like the table.
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            Node::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Node::Object(fields) => {
                out.push_str("{\n");
                for (i, (key, value)) in fields.iter().enumerate() {
                    push_indent(out, indent + 1);
                    out.push_str(&quote(key));
                    out.push_str(": ");
                    value.write(out, indent + 1);
                    if i + 1 < fields.len() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                push_indent(out, indent);
                out.push('}');
            }
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The fields every report object has (the top level and `last_year`).
fn body(report: &Report) -> Vec<(&'static str, Node<'_>)> {
    let meta = &report.meta;
    let meta = Node::Object(vec![
        ("agency", Node::Str(&meta.agency)),
        ("agency_kind", Node::Str(meta.agency_kind.def().key)),
        ("year", Node::Whole(i64::from(meta.year))),
        ("title", Node::Str(&meta.title)),
        (
            "published_on",
            meta.published_on.as_deref().map_or(Node::Null, Node::Str),
        ),
    ]);
    let sections = Node::Object(
        SECTIONS
            .iter()
            .map(|def| (def.key, Node::Str(report.sections.get(def.id))))
            .collect(),
    );
    let active = Node::Object(
        format::active_rows()
            .map(|(band, row)| {
                let cells = report.active.counts(row.id);
                let value = match band.kind {
                    ActiveRowKind::IssuedRepealedInForce => Node::counts(cells),
                    ActiveRowKind::Decisions => Node::count(cells.first().copied().flatten()),
                    ActiveRowKind::FeeAmount => report
                        .active
                        .fees
                        .as_ref()
                        .map_or(Node::Null, |fee| Node::Str(&fee.0)),
                };
                (row.key, value)
            })
            .collect(),
    );
    let requests = Node::Object(
        REQUEST_ROWS
            .iter()
            .zip(&report.requests.0)
            .map(|(def, cells)| (def.key, Node::counts(cells)))
            .collect(),
    );
    let appeals = Node::Object(
        APPEAL_GROUPS
            .iter()
            .zip(&report.appeals.0)
            .map(|(def, cells)| (def.key, Node::counts(cells)))
            .collect(),
    );
    vec![
        ("meta", meta),
        ("sections", sections),
        ("active", active),
        ("requests", requests),
        ("appeals", appeals),
    ]
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// A report has about 260 JSON values (twice that with `last_year`). Far larger documents are
/// refused before they are parsed, so that 50 MB of `[0,0,0,…` cannot take a gigabyte of memory.
const MAX_VALUES: usize = 1_000_000;
/// Objects cost far more memory than numbers; a report has about a dozen.
const MAX_OBJECTS: usize = 10_000;

/// Reads a report from JSON text of any known version; an older version is migrated.
pub fn from_json(text: &str) -> Result<Report, JsonError> {
    // Windows editors save UTF-8 with a byte-order mark; it is not part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_size(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e, text))?;
    from_value(&value)
}

/// Reads a report from a JSON value of any known version (a document that holds a report has
/// been parsed once as a whole): the same checks and messages as [`from_json`]. Only an older
/// version is copied, to be migrated.
pub fn from_value(value: &Value) -> Result<Report, JsonError> {
    counts::parsed();
    let Value::Object(root) = value else {
        return Err(JsonError::at(
            "",
            format!("不是年报文件：顶层应为对象，实际为{}", kind_zh(value)),
            format!(
                "not a report file: the top level must be an object, not {}",
                kind_en(value)
            ),
        ));
    };
    let version = read_version(root)?;
    if version == SCHEMA_VERSION {
        return read_report(root, "", true);
    }
    let value = migrate(value.clone(), version)?;
    let Value::Object(root) = &value else {
        return Err(JsonError::at(
            "",
            "迁移后顶层不是对象",
            "the top level is not an object after migration",
        ));
    };
    read_report(root, "", true)
}

/// How many reports were turned into JSON and read from it, in this thread: a test can count
/// what one save costs (`drafts::autosave`'s tests). Nothing is counted outside tests.
pub(crate) mod counts {
    #[cfg(test)]
    thread_local! {
        static COUNTS: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
    }

    pub(crate) fn serialised() {
        #[cfg(test)]
        COUNTS.with(|c| c.set((c.get().0 + 1, c.get().1)));
    }

    pub(crate) fn parsed() {
        #[cfg(test)]
        COUNTS.with(|c| c.set((c.get().0, c.get().1 + 1)));
    }

    /// (reports serialised, reports parsed) since the last call, which starts counting anew.
    #[cfg(test)]
    pub(crate) fn take() -> (usize, usize) {
        COUNTS.with(|c| c.replace((0, 0)))
    }
}

fn syntax_error(err: &serde_json::Error, text: &str) -> JsonError {
    let (line, byte_column) = (err.line(), err.column());
    // serde_json ends its message with " at line L column C"; we say that in front.
    let full = err.to_string();
    let detail = full
        .strip_suffix(&format!(" at line {line} column {byte_column}"))
        .unwrap_or(&full);
    // serde_json counts bytes; a user counts characters (a Chinese character is 3 bytes).
    let column = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|l| {
            let end = byte_column.min(l.len());
            // The column ends inside the offending character: count that character.
            (end..=l.len())
                .find(|&i| l.is_char_boundary(i))
                .and_then(|end| l.get(..end))
        })
        .map_or(byte_column, |s| s.chars().count());
    if err.is_eof() {
        JsonError::in_text(
            line,
            column,
            format!("文件在此处意外结束，JSON 不完整（{detail}）"),
            format!("the file ends here but the JSON is not complete ({detail})"),
        )
    } else {
        JsonError::in_text(
            line,
            column,
            format!("不是有效的 JSON（{detail}）"),
            format!("not valid JSON ({detail})"),
        )
    }
}

/// Refuses documents with far more values than any report, counting cheaply in one pass.
fn check_size(text: &str) -> Result<(), JsonError> {
    let (mut values, mut objects) = (1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    let (mut line, mut line_start) = (1usize, 0usize);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            // Every value but the first of a container follows a comma, the first its bracket.
            b',' | b'[' => values += 1,
            b'{' => {
                values += 1;
                objects += 1;
            }
            _ => {}
        }
        if values > MAX_VALUES || objects > MAX_OBJECTS {
            let column = text.get(line_start..=i).map_or(1, |s| s.chars().count());
            return Err(JsonError::in_text(
                line,
                column,
                format!(
                    "文件过大：到此处已超过{MAX_VALUES}个值或{MAX_OBJECTS}个对象，一份年报只有几百个值，这不是年报文件"
                ),
                format!(
                    "file too large: by here it has more than {MAX_VALUES} values or {MAX_OBJECTS} objects; a report has a few hundred values, so this is not a report file"
                ),
            ));
        }
    }
    Ok(())
}

/// The document's version, after checking that it is a Nianbao report at all.
fn read_version(root: &Map<String, Value>) -> Result<u64, JsonError> {
    let format = root.get("format");
    if let Some(format) = format {
        if format.as_str() != Some(FORMAT) {
            let shown = format.to_string();
            let shown: String = shown.chars().take(60).collect();
            return Err(JsonError::at(
                "format",
                format!("不是年报文件：format 为 {shown}，应为 \"{FORMAT}\""),
                format!("not a report file: format is {shown}, expected \"{FORMAT}\""),
            ));
        }
    }
    let Some(version) = root.get("schema_version") else {
        return Err(if format.is_some() {
            missing("schema_version")
        } else {
            JsonError::at(
                "",
                "不是年报文件：缺少 format 和 schema_version 字段",
                "not a report file: it has no format and no schema_version field",
            )
        });
    };
    let Some(version) = whole_number(version).and_then(|n| u64::try_from(n).ok()) else {
        return Err(ill_typed(
            "schema_version",
            version,
            "非负整数",
            "a whole number ≥ 0",
        ));
    };
    if version > SCHEMA_VERSION {
        return Err(JsonError::at(
            "schema_version",
            format!("此文件由更新版本的年报生成（版本 {version}），请更新应用"),
            format!(
                "this file was written by a newer version of Nianbao (format version {version}); please update the app"
            ),
        ));
    }
    if version >= 1 && format.is_none() {
        return Err(missing("format"));
    }
    Ok(version)
}

/// One step per old version: `MIGRATIONS[v]` turns version `v` into version `v + 1`.
type Migration = fn(Value) -> Result<Value, JsonError>;
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [v0_to_v1];

/// Brings a document of `from_version` up to [`SCHEMA_VERSION`], one step at a time.
fn migrate(mut value: Value, from_version: u64) -> Result<Value, JsonError> {
    for step in MIGRATIONS.iter().skip(from_version as usize) {
        value = step(value)?;
    }
    Ok(value)
}

/// Version 0 (pre-release drafts) → 1: add `format`, and turn each `requests` row from an
/// object keyed by column id (blank cells left out) into an array in column order.
fn v0_to_v1(mut value: Value) -> Result<Value, JsonError> {
    let Some(root) = value.as_object_mut() else {
        return Ok(value);
    };
    root.insert("format".into(), Value::from(FORMAT));
    root.insert("schema_version".into(), Value::from(1u64));
    // Anything that is not the shape version 0 had is left for the version-1 reader to report.
    if let Some(Value::Object(rows)) = root.get_mut("requests") {
        for (row_key, row) in rows.iter_mut() {
            let Value::Object(cells) = row else { continue };
            if let Some(unknown) = cells
                .keys()
                .find(|k| format::request_column_index(k).is_none())
            {
                return Err(unknown_key(
                    &format!("requests.{}.{}", cut(row_key), cut(unknown)),
                    "表三的列",
                    "column of table 3",
                    REQUEST_COLUMNS.iter().map(|c| c.key),
                ));
            }
            let array = REQUEST_COLUMNS
                .iter()
                .map(|c| cells.get(c.key).cloned().unwrap_or(Value::Null))
                .collect();
            *row = Value::Array(array);
        }
    }
    Ok(value)
}

/// Reads a version-1 report object; `prefix` is its path (empty at the top).
fn read_report(
    obj: &Map<String, Value>,
    prefix: &str,
    with_last_year: bool,
) -> Result<Report, JsonError> {
    let mut report = Report {
        meta: read_meta(
            object(field(obj, prefix, "meta")?, &join(prefix, "meta"))?,
            prefix,
        )?,
        ..Report::default()
    };
    read_sections(obj, prefix, &mut report)?;
    read_active(obj, prefix, &mut report)?;
    read_requests(obj, prefix, &mut report)?;
    read_appeals(obj, prefix, &mut report)?;
    if with_last_year {
        let path = join(prefix, "last_year");
        match obj.get("last_year") {
            None | Some(Value::Null) => {}
            Some(Value::Object(last_year)) => {
                report.last_year = Some(Box::new(read_report(last_year, &path, false)?));
            }
            Some(other) => {
                return Err(ill_typed(&path, other, "对象或 null", "an object or null"));
            }
        }
    }
    Ok(report)
}

fn read_meta(meta: &Map<String, Value>, prefix: &str) -> Result<Meta, JsonError> {
    let path = join(prefix, "meta");
    reject_unknown(
        meta,
        &path,
        "表头字段",
        "header field",
        ["agency", "agency_kind", "year", "title", "published_on"],
    )?;
    let agency = string(field(meta, &path, "agency")?, &join(&path, "agency"))?;
    let kind_path = join(&path, "agency_kind");
    let kind = string(field(meta, &path, "agency_kind")?, &kind_path)?;
    let Some(agency_kind) = AgencyKind::from_key(kind) else {
        let allowed = format::AGENCY_KINDS
            .iter()
            .map(|d| format!("{}（{}）", d.key, d.label_zh))
            .collect::<Vec<_>>()
            .join("、");
        let allowed_en = format::AGENCY_KINDS
            .iter()
            .map(|d| d.key)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(JsonError::at(
            &kind_path,
            format!("未知的机关类型 {}；应为 {allowed}", shown(kind)),
            format!(
                "unknown agency kind {}; expected one of {allowed_en}",
                shown(kind)
            ),
        ));
    };
    let year_path = join(&path, "year");
    let year = field(meta, &path, "year")?;
    let Some(year) = whole_number(year).and_then(|n| i32::try_from(n).ok()) else {
        return Err(ill_typed(
            &year_path,
            year,
            "整数年份",
            "a whole year number",
        ));
    };
    let title = string(field(meta, &path, "title")?, &join(&path, "title"))?;
    let date_path = join(&path, "published_on");
    let published_on = match field(meta, &path, "published_on")? {
        Value::Null => None,
        // An impossible day (2025-02-31) is kept as written: C-date names it.
        Value::String(date) if Date::parse_iso(date).is_some() => Some(date.clone()),
        Value::String(date) => {
            return Err(JsonError::at(
                &date_path,
                format!("日期 {} 应写成 YYYY-MM-DD，如 \"2024-01-20\"", shown(date)),
                format!(
                    "the date {} must be written YYYY-MM-DD, e.g. \"2024-01-20\"",
                    shown(date)
                ),
            ));
        }
        other => {
            return Err(ill_typed(
                &date_path,
                other,
                "日期字符串或 null",
                "a date string or null",
            ));
        }
    };
    Ok(Meta {
        agency: agency.to_owned(),
        agency_kind,
        year,
        title: title.to_owned(),
        published_on,
    })
}

fn read_sections(
    obj: &Map<String, Value>,
    prefix: &str,
    report: &mut Report,
) -> Result<(), JsonError> {
    let path = join(prefix, "sections");
    let sections = object(field(obj, prefix, "sections")?, &path)?;
    reject_unknown(
        sections,
        &path,
        "章节",
        "section",
        SECTIONS.iter().map(|s| s.key),
    )?;
    for def in &SECTIONS {
        let text = string(field(sections, &path, def.key)?, &join(&path, def.key))?;
        report.sections.set(def.id, text);
    }
    Ok(())
}

fn read_active(
    obj: &Map<String, Value>,
    prefix: &str,
    report: &mut Report,
) -> Result<(), JsonError> {
    let path = join(prefix, "active");
    let active = object(field(obj, prefix, "active")?, &path)?;
    reject_unknown(
        active,
        &path,
        "表二的行",
        "row of table 2",
        format::active_rows().map(|(_, row)| row.key),
    )?;
    for (band, row) in format::active_rows() {
        let row_path = join(&path, row.key);
        let value = field(active, &path, row.key)?;
        let cell = |column: &str| Cell {
            zh: format!("表二「{}」{}", row.label, column),
            en: format!("table 2, row {}, {}", row.key, column),
        };
        match band.kind {
            ActiveRowKind::IssuedRepealedInForce => {
                let columns = band.kind.columns();
                let values = array(value, &row_path, columns.len())?;
                let cells = report.active.counts_mut(row.id);
                for (i, ((_, label), value)) in columns.iter().zip(values).enumerate() {
                    let count = count_in(value, || index(&row_path, i), || cell(label))?;
                    if let Some(slot) = cells.get_mut(i) {
                        *slot = count;
                    }
                }
            }
            ActiveRowKind::Decisions => {
                let label = band.kind.columns().first().map_or("", |(_, label)| label);
                let count = count_in(value, || row_path.clone(), || cell(label))?;
                if let Some(slot) = report.active.counts_mut(row.id).first_mut() {
                    *slot = count;
                }
            }
            ActiveRowKind::FeeAmount => {
                report.active.fees = match value {
                    Value::Null => None,
                    Value::String(text) if Decimal::exact(text).is_some() => Decimal::exact(text),
                    Value::String(text) => {
                        return Err(JsonError::at(
                            &row_path,
                            format!(
                                "{} 不是有效的金额；应为不带千位分隔符和单位的非负小数，如 \"5949.088667\"",
                                shown(text)
                            ),
                            format!(
                                "{} is not a valid amount; write a non-negative decimal without thousands separators or unit, e.g. \"5949.088667\"",
                                shown(text)
                            ),
                        ));
                    }
                    other => {
                        return Err(ill_typed(
                            &row_path,
                            other,
                            "金额字符串（如 \"5949.088667\"）或 null",
                            "an amount as a string (e.g. \"5949.088667\") or null",
                        ));
                    }
                };
            }
        }
    }
    Ok(())
}

fn read_requests(
    obj: &Map<String, Value>,
    prefix: &str,
    report: &mut Report,
) -> Result<(), JsonError> {
    let path = join(prefix, "requests");
    let requests = object(field(obj, prefix, "requests")?, &path)?;
    reject_unknown(
        requests,
        &path,
        "表三的行",
        "row of table 3",
        REQUEST_ROWS.iter().map(|r| r.key),
    )?;
    for (def, cells) in REQUEST_ROWS.iter().zip(report.requests.0.iter_mut()) {
        let row_path = join(&path, def.key);
        let values = array(
            field(requests, &path, def.key)?,
            &row_path,
            REQUEST_COLUMNS.len(),
        )?;
        for (i, ((column, value), slot)) in REQUEST_COLUMNS
            .iter()
            .zip(values)
            .zip(cells.iter_mut())
            .enumerate()
        {
            let cell = || Cell {
                zh: format!("表三 {} {}列", def.short, column.label),
                en: format!("table 3, row {}, column {}", def.key, column.key),
            };
            *slot = count_in(value, || index(&row_path, i), cell)?;
        }
    }
    Ok(())
}

fn read_appeals(
    obj: &Map<String, Value>,
    prefix: &str,
    report: &mut Report,
) -> Result<(), JsonError> {
    let path = join(prefix, "appeals");
    let appeals = object(field(obj, prefix, "appeals")?, &path)?;
    reject_unknown(
        appeals,
        &path,
        "表四的组",
        "group of table 4",
        APPEAL_GROUPS.iter().map(|g| g.key),
    )?;
    for (group, cells) in APPEAL_GROUPS.iter().zip(report.appeals.0.iter_mut()) {
        let group_path = join(&path, group.key);
        let values = array(
            field(appeals, &path, group.key)?,
            &group_path,
            APPEAL_COLUMNS.len(),
        )?;
        for (i, ((column, value), slot)) in APPEAL_COLUMNS
            .iter()
            .zip(values)
            .zip(cells.iter_mut())
            .enumerate()
        {
            let cell = || {
                let parent = if group.parent == group.label {
                    String::new()
                } else {
                    format!("{}·", group.parent)
                };
                Cell {
                    zh: format!("表四 {parent}{} {}", group.label, column.label),
                    en: format!("table 4, {} {}", group.key, column.key),
                }
            };
            *slot = count_in(value, || index(&group_path, i), cell)?;
        }
    }
    Ok(())
}

/// How a count cell is named in messages, in the report's own terms.
struct Cell {
    zh: String,
    en: String,
}

/// A count cell's value: a whole number in range, or null, read at once; anything else read by
/// `read_count`, with the cell's path and name made for its message. Made for every cell, they
/// had been about a tenth of `nianbao check`'s time in a CPU profile.
fn count_in(
    value: &Value,
    path: impl FnOnce() -> String,
    cell: impl FnOnce() -> Cell,
) -> Result<Count, JsonError> {
    match (value, value.as_u64()) {
        (Value::Null, _) => Ok(None),
        (_, Some(n)) if n <= MAX_COUNT => Ok(Some(n)),
        _ => read_count(value, &path(), &cell()),
    }
}

fn read_count(value: &Value, path: &str, cell: &Cell) -> Result<Count, JsonError> {
    let Value::Number(number) = value else {
        if value.is_null() {
            return Ok(None);
        }
        return Err(JsonError::at(
            path,
            format!(
                "{}应为整数或 null（空白），实际为{}",
                cell.zh,
                kind_zh(value)
            ),
            format!(
                "{} must be a whole number or null (blank), not {}",
                cell.en,
                kind_en(value)
            ),
        ));
    };
    let negative =
        number.as_i64().is_some_and(|n| n < 0) || number.as_f64().is_some_and(|f| f < 0.0);
    if negative {
        return Err(JsonError::at(
            path,
            format!("{}为负数（{number}）；数量应为不小于0的整数", cell.zh),
            format!(
                "{} is negative ({number}); counts are whole numbers ≥ 0",
                cell.en
            ),
        ));
    }
    let too_large = match number.as_u64() {
        Some(n) => n > MAX_COUNT,
        None => number.as_f64().is_some_and(|f| f > MAX_COUNT as f64),
    };
    if too_large {
        return Err(JsonError::at(
            path,
            format!("{}的数量 {number} 过大（上限 {MAX_COUNT}）", cell.zh),
            format!("{}: {number} is too large (at most {MAX_COUNT})", cell.en),
        ));
    }
    let Some(n) = whole_number(value) else {
        return Err(JsonError::at(
            path,
            format!("{}为小数（{number}）；数量应为整数", cell.zh),
            format!(
                "{} is fractional ({number}); counts are whole numbers",
                cell.en
            ),
        ));
    };
    // Both checks above make this conversion succeed; a failure would still be no panic.
    u64::try_from(n).map(Some).map_err(|_| {
        JsonError::at(
            path,
            format!("{}不是有效的数量（{number}）", cell.zh),
            format!("{} is not a valid count ({number})", cell.en),
        )
    })
}

/// The integer a JSON number stands for, if it has no fraction: `3`, `3.0` and `3e0` are 3.
fn whole_number(value: &Value) -> Option<i128> {
    let Value::Number(n) = value else { return None };
    if let Some(u) = n.as_u64() {
        return Some(i128::from(u));
    }
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    let f = n.as_f64()?;
    // Beyond 2^63 the exact value no longer matters: it is out of every range we accept.
    (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i128)
}

// ----- small readers that say where -----

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn index(prefix: &str, i: usize) -> String {
    format!("{prefix}[{i}]")
}

fn missing(path: &str) -> JsonError {
    JsonError::at(path, "缺少此字段", "this field is missing")
}

fn field<'v>(obj: &'v Map<String, Value>, prefix: &str, key: &str) -> Result<&'v Value, JsonError> {
    obj.get(key).ok_or_else(|| missing(&join(prefix, key)))
}

fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>, JsonError> {
    value
        .as_object()
        .ok_or_else(|| ill_typed(path, value, "对象", "an object"))
}

fn string<'v>(value: &'v Value, path: &str) -> Result<&'v str, JsonError> {
    value
        .as_str()
        .ok_or_else(|| ill_typed(path, value, "字符串", "a string"))
}

fn array<'v>(value: &'v Value, path: &str, len: usize) -> Result<&'v [Value], JsonError> {
    let Some(items) = value.as_array() else {
        return Err(ill_typed(
            path,
            value,
            &format!("{len}个数的数组"),
            &format!("an array of {len} numbers"),
        ));
    };
    if items.len() != len {
        return Err(JsonError::at(
            path,
            format!("应有{len}个数，实际有{}个", items.len()),
            format!("must have {len} cells, has {}", items.len()),
        ));
    }
    Ok(items)
}

fn ill_typed(path: &str, value: &Value, expected_zh: &str, expected_en: &str) -> JsonError {
    JsonError::at(
        path,
        format!("应为{expected_zh}，实际为{}", kind_zh(value)),
        format!("must be {expected_en}, not {}", kind_en(value)),
    )
}

fn reject_unknown<'k>(
    obj: &Map<String, Value>,
    path: &str,
    what_zh: &str,
    what_en: &str,
    known: impl IntoIterator<Item = &'k str>,
) -> Result<(), JsonError> {
    let known: Vec<&str> = known.into_iter().collect();
    match obj.keys().find(|key| !known.contains(&key.as_str())) {
        Some(unknown) => Err(unknown_key(
            &join(path, &cut(unknown)),
            what_zh,
            what_en,
            known,
        )),
        None => Ok(()),
    }
}

fn unknown_key<'k>(
    path: &str,
    what_zh: &str,
    what_en: &str,
    known: impl IntoIterator<Item = &'k str>,
) -> JsonError {
    let known = known.into_iter().collect::<Vec<_>>().join(", ");
    JsonError::at(
        path,
        format!("未知的{what_zh}；可用的有：{known}"),
        format!("unknown {what_en}; known ones are: {known}"),
    )
}

/// A value quoted in a message, cut short: a message must stay a message whatever was typed.
fn shown(s: &str) -> String {
    match s.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", quote(s.get(..end).unwrap_or_default())),
        None => quote(s),
    }
}

/// A key named in a path, cut short like [`shown`].
fn cut(s: &str) -> String {
    match s.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", s.get(..end).unwrap_or_default()),
        None => s.to_owned(),
    }
}

const MAX_SHOWN_CHARS: usize = 40;

fn kind_zh(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "字符串",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn kind_en(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
