//! The supervisor's batch kept in the browser, so that a reload does not lose it: each file's
//! name, and its report as JSON v1 (not the page it was read from) with where it came from, the
//! importer's notes and last year's file it was checked against — or why it could not be read.
//! Several batches are kept, each under a name the office gives (「2025年 各乡镇」).
//!
//! The rules' findings are not stored: rules change between versions, so [`restore`] checks
//! every report again.
//!
//! Keys, without the app's `nianbao:` prefix: each batch under `batch:<id>` ([`batch_key`]),
//! the list of batches under `batch-index` ([`BATCH_INDEX_KEY`]).
//!
//! Invariants, kept by the code next to them:
//! - A batch is written before the index; a refused write leaves the version stored before as
//!   it was (a storage write takes whole or not at all), and the error says so.
//! - The index is a cache: [`list`] lists the batch keys there are and takes from the index
//!   only what it says of them, so it never shows a batch that is not there nor hides one that is.
//! - A file of a batch that does not read becomes a row of its own saying so; the other files
//!   restore.
//!
//! ## Usage
//! ```
//! use nianbao_report::batch::check_file;
//! use nianbao_report::batch_store::{self, keep, restore};
//! use nianbao_report::drafts::shelf::MemoryStorage;
//!
//! let rows = vec![check_file("shot.png", b"\x89PNG\r\n\x1a\n")];
//! let mut storage = MemoryStorage::default(); // the app: its localStorage, under `nianbao:`
//! let id = batch_store::new_id(1_700_000_000_000, &batch_store::list(&mut storage).unwrap());
//! batch_store::save(&mut storage, &id, &keep("", 1_700_000_000_000, &rows)).unwrap();
//! let kept = batch_store::load(&storage, &id).unwrap().unwrap();
//! assert_eq!(kept.name, "批次（1个文件）");
//! let restored = restore(&kept);
//! assert_eq!(restored[0].file_name, "shot.png");
//! assert!(restored[0].outcome.as_ref().is_err_and(|problem| problem.zh.contains("PNG 图片")));
//! ```

use crate::batch::{self, agency_name_key, BatchRow, Checked, Source};
use crate::drafts::shelf::{Storage, StorageError};
use crate::export::json;
use crate::finding::{Finding, Severity};
use crate::import::file::FileProblem;
use crate::message::Message;
use crate::model::{Place, Report};
use crate::rules::{self, Rule, Stage};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Borrow;
use std::fmt;

/// The value of a kept batch's `format` field.
pub const BATCH_FORMAT: &str = "nianbao-batch";
/// The version this code writes, and the newest it reads.
pub const BATCH_SCHEMA_VERSION: u64 = 1;
/// What a batch's key starts with.
pub const BATCH_KEY_PREFIX: &str = "batch:";
/// Where the list of kept batches is stored.
pub const BATCH_INDEX_KEY: &str = "batch-index";
const INDEX_FORMAT: &str = "nianbao-batch-index";
const INDEX_SCHEMA_VERSION: u64 = 1;

/// A batch as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptBatch {
    pub name: String,
    /// Milliseconds since 1970 (`Date.now()`), when it was kept.
    pub saved_at_ms: i64,
    pub files: Vec<KeptFile>,
}

/// One file of a kept batch: its report, or why it was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptFile {
    pub file_name: String,
    pub kept: Result<KeptReport, FileProblem>,
}

/// What [`restore`] needs to make a row again; written as the report's JSON v1 with the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptReport {
    pub report: Report,
    pub source: Source,
    /// The importer's notes, as they were (the importer is not run again: the page is not kept).
    pub notes: Vec<Finding>,
    pub last_year_file: Option<String>,
}

/// Keeps the rows of a batch under `name`, or under [`default_name`] when it is blank.
pub fn keep<R: Borrow<BatchRow>>(name: &str, saved_at_ms: i64, rows: &[R]) -> KeptBatch {
    let name = name.trim();
    KeptBatch {
        name: if name.is_empty() {
            default_name(rows)
        } else {
            name.to_owned()
        },
        saved_at_ms,
        files: rows
            .iter()
            .map(Borrow::borrow)
            .map(|row: &BatchRow| KeptFile {
                file_name: row.file_name.clone(),
                kept: match &row.outcome {
                    Ok(checked) => Ok(KeptReport {
                        report: checked.report.clone(),
                        source: checked.source,
                        notes: checked.notes.clone(),
                        last_year_file: checked.last_year_file.clone(),
                    }),
                    Err(problem) => Err(problem.clone()),
                },
            })
            .collect(),
    }
}

/// The rows again, each report checked by the rules of this version. A report is checked
/// against the very file it was checked against before ([`batch::link_last_years`] made the
/// link once; running it again could pick another file added since).
pub fn restore(kept: &KeptBatch) -> Vec<BatchRow> {
    let mut rows: Vec<BatchRow> = kept
        .files
        .iter()
        .map(|file| BatchRow {
            file_name: file.file_name.clone(),
            outcome: file
                .kept
                .clone()
                .map(|k| batch::checked(k.report, k.source, k.notes)),
        })
        .collect();
    for (i, file) in kept.files.iter().enumerate() {
        let Some(last_file) = file
            .kept
            .as_ref()
            .ok()
            .and_then(|k| k.last_year_file.clone())
        else {
            continue;
        };
        let last = rows[i].checked().and_then(|this| {
            let wanted = (
                agency_name_key(&this.report.meta.agency),
                this.report.meta.year.checked_sub(1),
            );
            // The last of that name, as link_last_years keeps the last of an agency's year;
            // of two files of one name, the one of the agency's year before.
            let mut named = rows
                .iter()
                .rev()
                .filter(|row| row.file_name == last_file)
                .filter_map(BatchRow::checked);
            let of_year_before = |c: &&Checked| {
                (
                    agency_name_key(&c.report.meta.agency),
                    Some(c.report.meta.year),
                ) == wanted
            };
            named
                .clone()
                .find(of_year_before)
                .or_else(|| named.next())
                .map(|c| c.report.clone())
        });
        // Last year's file did not restore: the report is checked on its own.
        if let (Some(last), Ok(checked)) = (last, &mut rows[i].outcome) {
            let mut with_last = checked.report.clone();
            with_last.last_year = Some(Box::new(last));
            checked.findings = rules::check(&with_last, Stage::Publish);
            checked.last_year_file = Some(last_file);
        }
    }
    rows
}

/// 「2025年 批次（3个文件）」: the year most reports are of, and how many files.
pub fn default_name<R: Borrow<BatchRow>>(rows: &[R]) -> String {
    let reports: Vec<&Report> = rows
        .iter()
        .filter_map(|row| Some(&row.borrow().checked()?.report))
        .collect();
    match crate::summary::usual_year(&reports) {
        0 => format!("批次（{}个文件）", rows.len()),
        year => format!("{year}年 批次（{}个文件）", rows.len()),
    }
}

// ---------------------------------------------------------------------------------------------
// The envelope
// ---------------------------------------------------------------------------------------------

/// What went wrong keeping or reading a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchProblem {
    NotJson,
    /// JSON, but not a kept batch (a report, a draft, anything else).
    OtherKind,
    /// Kept by a newer version of the app: nothing is wrong with it, this one cannot read it.
    Newer {
        found: u64,
    },
    Damaged,
    /// The storage refused the write: usually it is full.
    Full,
    Unavailable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchStoreError {
    pub problem: BatchProblem,
    pub message: Message,
}

impl fmt::Display for BatchStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for BatchStoreError {}

impl BatchStoreError {
    fn new(problem: BatchProblem, zh: String, en: String) -> BatchStoreError {
        BatchStoreError {
            problem,
            message: Message { zh, en },
        }
    }

    fn damaged(field: &str, zh: &str, en: &str) -> BatchStoreError {
        BatchStoreError::new(
            BatchProblem::Damaged,
            format!("保存的批次已损坏：{field}：{zh}"),
            format!("the kept batch is damaged: {field}: {en}"),
        )
    }
}

impl From<StorageError> for BatchStoreError {
    fn from(error: StorageError) -> BatchStoreError {
        match error {
            StorageError::WriteRefused(why) => BatchStoreError::new(
                BatchProblem::Full,
                format!("浏览器存储空间已满（{why}），批次未能保存；之前保存的版本保持不变。请下载批次的 JSON 文件留存。"),
                format!("Browser storage is full ({why}): the batch was not saved; the version saved before is unchanged. Download the batch as JSON to keep it."),
            ),
            StorageError::Unavailable => BatchStoreError {
                problem: BatchProblem::Unavailable,
                message: error.message(),
            },
        }
    }
}

/// A batch as written, but its files: their entries follow as `"files":[…]`, each encoded on
/// its own ([`encode_files`]).
#[derive(Serialize)]
struct BatchHead<'a> {
    format: &'static str,
    schema_version: u64,
    name: &'a str,
    saved_at: i64,
}

#[derive(Serialize)]
#[serde(untagged)]
enum FileOut<'a> {
    Report {
        file_name: &'a str,
        source: &'static str,
        notes: Vec<Note>,
        last_year_file: Option<&'a str>,
        report: Value,
    },
    Problem {
        file_name: &'a str,
        problem: Text,
    },
}

/// A file entry as read, but its report (read by [`json::from_value`]).
#[derive(Deserialize)]
struct FileIn {
    source: Option<String>,
    #[serde(default)]
    notes: Vec<Note>,
    last_year_file: Option<String>,
    problem: Option<Text>,
}

/// An import note: its rule and place by their ids (its basis is the rule's).
#[derive(Serialize, Deserialize)]
struct Note {
    rule: String,
    severity: String,
    place: String,
    zh: String,
    en: String,
}

#[derive(Serialize, Deserialize)]
struct Text {
    zh: String,
    en: String,
}

/// Sources and severities as stored: spelt here, so that a label shown to the user can change.
const SOURCES: [(Source, &str); 3] = [
    (Source::Json, "json"),
    (Source::Published, "published"),
    (Source::Summary, "summary"),
];
const SEVERITIES: [(Severity, &str); 3] = [
    (Severity::Info, "info"),
    (Severity::Warning, "warning"),
    (Severity::Error, "error"),
];

fn spelt<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, s)| s)
}

fn unspelt<T: Copy>(table: &[(T, &'static str)], text: &str) -> Option<T> {
    table.iter().find(|(_, s)| *s == text).map(|(v, _)| *v)
}

/// The batch as stored text; also the JSON file offered for download when the storage is full,
/// which [`decode`] reads back and [`is_kept_batch`] tells apart from a report.
pub fn encode(kept: &KeptBatch) -> String {
    encode_with(kept, &encode_files(&kept.files))
}

/// Each file's entry of a kept batch as JSON, for [`encode_with`]: a page writes a batch of
/// hundreds of reports a few files a task (a report's JSON is most of the work).
pub fn encode_files(files: &[KeptFile]) -> Vec<String> {
    files.iter().map(encode_file).collect()
}

fn encode_file(file: &KeptFile) -> String {
    let out = match &file.kept {
        Ok(k) => FileOut::Report {
            file_name: &file.file_name,
            source: spelt(&SOURCES, k.source),
            notes: k.notes.iter().map(note_out).collect(),
            last_year_file: k.last_year_file.as_deref(),
            report: json::to_value(&k.report),
        },
        Err(problem) => FileOut::Problem {
            file_name: &file.file_name,
            problem: Text {
                zh: problem.zh.clone(),
                en: problem.en.clone(),
            },
        },
    };
    serde_json::to_string(&out).unwrap_or_else(|error| {
        unreachable!("a file entry of strings, numbers and JSON values prints: {error}")
    })
}

/// The batch as stored text ([`encode`]), its files' entries encoded already by
/// [`encode_files`], in their order.
pub fn encode_with(kept: &KeptBatch, files: &[String]) -> String {
    debug_assert_eq!(files.len(), kept.files.len());
    let head = BatchHead {
        format: BATCH_FORMAT,
        schema_version: BATCH_SCHEMA_VERSION,
        name: &kept.name,
        saved_at: kept.saved_at_ms,
    };
    let head = serde_json::to_string(&head)
        .unwrap_or_else(|error| unreachable!("a batch's name and numbers print: {error}"));
    let head = head.strip_suffix('}').unwrap_or(&head);
    let length = files.iter().map(|f| f.len() + 1).sum::<usize>();
    let mut text = String::with_capacity(head.len() + length + 13);
    text.push_str(head);
    text.push_str(r#","files":["#);
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(file);
    }
    text.push_str("]}");
    text
}

/// Reads a kept batch. A file entry that does not read becomes a [`FileProblem`] naming the
/// file; only a text that is not a batch at all is an error.
pub fn decode(raw: &str) -> Result<KeptBatch, BatchStoreError> {
    let value: Value =
        serde_json::from_str(raw.strip_prefix('\u{feff}').unwrap_or(raw)).map_err(|e| {
            BatchStoreError::new(
                BatchProblem::NotJson,
                format!(
                    "不是有效的 JSON（第{}行第{}列），无法作为保存的批次读取",
                    e.line(),
                    e.column()
                ),
                format!(
                    "not valid JSON (line {}, column {}): it cannot be read as a kept batch",
                    e.line(),
                    e.column()
                ),
            )
        })?;
    let (name, saved_at_ms, files) = header(&value)?;
    Ok(KeptBatch {
        name: name.to_owned(),
        saved_at_ms,
        files: files
            .iter()
            .enumerate()
            .map(|(i, entry)| read_file_entry(i + 1, entry))
            .collect(),
    })
}

/// The batch's own fields, after checking that it is a batch of a version this code reads.
fn header(value: &Value) -> Result<(&str, i64, &[Value]), BatchStoreError> {
    let format = value.get("format");
    if format.and_then(Value::as_str) != Some(BATCH_FORMAT) {
        let shown: String = format
            .map_or("—".into(), Value::to_string)
            .chars()
            .take(60)
            .collect();
        return Err(BatchStoreError::new(
            BatchProblem::OtherKind,
            format!("不是保存的批次文件（format 为 {shown}，应为 \"{BATCH_FORMAT}\"）"),
            format!("not a kept batch file (format is {shown}, expected \"{BATCH_FORMAT}\")"),
        ));
    }
    let Some(found) = value.get("schema_version").and_then(Value::as_u64) else {
        return Err(BatchStoreError::damaged(
            "schema_version",
            "应为非负整数",
            "expected a whole number ≥ 0",
        ));
    };
    if found > BATCH_SCHEMA_VERSION {
        return Err(BatchStoreError::new(
            BatchProblem::Newer { found },
            format!("此批次由更新版本的年报应用保存（版本 {found}，本应用只能读到版本 {BATCH_SCHEMA_VERSION}），已原样保留，请更新应用后再打开"),
            format!("this batch was made by a newer version of the app (version {found}; this one reads up to version {BATCH_SCHEMA_VERSION}); it is kept as it is, open it after updating the app"),
        ));
    }
    let name = value.get("name").and_then(Value::as_str);
    let name =
        name.ok_or_else(|| BatchStoreError::damaged("name", "应为字符串", "expected a string"))?;
    let saved_at = value.get("saved_at").and_then(Value::as_i64);
    let saved_at = saved_at.ok_or_else(|| {
        BatchStoreError::damaged(
            "saved_at",
            "应为毫秒时间",
            "expected a time in milliseconds",
        )
    })?;
    let files = value.get("files").and_then(Value::as_array);
    let files =
        files.ok_or_else(|| BatchStoreError::damaged("files", "应为数组", "expected an array"))?;
    Ok((name, saved_at, files))
}

/// The `n`th file entry (from 1): its file name, and its report or why it is not there.
fn read_file_entry(n: usize, entry: &Value) -> KeptFile {
    let file_name = match entry.get("file_name").and_then(Value::as_str) {
        Some(name) => name.to_owned(),
        None => format!("#{n}"),
    };
    let kept = read_kept(entry).unwrap_or_else(|(zh, en)| {
        Err(FileProblem {
            zh: format!("文件“{file_name}”在保存的批次中已损坏，未能恢复：{zh}"),
            en: format!("“{file_name}” is damaged in the kept batch and was not restored: {en}"),
        })
    });
    KeptFile { file_name, kept }
}

type Damage = (String, String);

fn read_kept(entry: &Value) -> Result<Result<KeptReport, FileProblem>, Damage> {
    let shape = |e: serde_json::Error| (format!("形状不对（{e}）"), format!("wrong shape ({e})"));
    let file = FileIn::deserialize(entry).map_err(shape)?;
    if let Some(Text { zh, en }) = file.problem {
        return Ok(Err(FileProblem { zh, en }));
    }
    let report = entry
        .get("report")
        .ok_or_else(|| ("缺少 report".to_owned(), "no report".to_owned()))?;
    let report = json::from_value(report).map_err(|e| (e.message.zh, e.message.en))?;
    let source = file.source.unwrap_or_default();
    let source = unspelt(&SOURCES, &source).ok_or_else(|| {
        (
            format!("来源“{source}”未知"),
            format!("unknown source “{source}”"),
        )
    })?;
    Ok(Ok(KeptReport {
        report,
        source,
        notes: file
            .notes
            .into_iter()
            .map(note_in)
            .collect::<Result<_, _>>()?,
        last_year_file: file.last_year_file,
    }))
}

fn note_out(finding: &Finding) -> Note {
    Note {
        rule: finding.rule.id().to_owned(),
        severity: spelt(&SEVERITIES, finding.severity).to_owned(),
        place: finding.place.id(),
        zh: finding.message.zh.clone(),
        en: finding.message.en.clone(),
    }
}

fn note_in(note: Note) -> Result<Finding, Damage> {
    let unknown = |what_zh: &str, what_en: &str, id: &str| {
        (
            format!("导入说明的{what_zh}“{id}”未知"),
            format!("an import note's {what_en} “{id}” is unknown"),
        )
    };
    let rule = Rule::from_id(&note.rule).ok_or_else(|| unknown("规则", "rule", &note.rule))?;
    let severity = unspelt(&SEVERITIES, &note.severity)
        .ok_or_else(|| unknown("级别", "severity", &note.severity))?;
    let place = Place::from_id(&note.place).ok_or_else(|| unknown("位置", "place", &note.place))?;
    Ok(Finding {
        rule,
        severity,
        place,
        message: Message::new(note.zh, note.en),
        // The notes of the importer and of a summary take their rule's basis.
        basis: rule.def().basis,
    })
}

/// Whether a file is a kept batch (the download of [`encode`]) rather than a report: the
/// supervisor's page restores it instead of reading it as one report, which it is not
/// ([`crate::import::file::read_file`] refuses it as 「不是年报文件」). [`encode`] writes
/// `format` first.
pub fn is_kept_batch(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let compact: String = head
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    compact.starts_with(&format!("{{\"format\":\"{BATCH_FORMAT}\""))
}

/// The download's name: 「<batch name>-批次.json」, with the characters file systems refuse
/// replaced by 「_」.
pub fn download_name(kept: &KeptBatch) -> String {
    format!("{}-批次.json", crate::export::safe_file_name(&kept.name))
}

// ---------------------------------------------------------------------------------------------
// Named batches in storage
// ---------------------------------------------------------------------------------------------

/// Where a batch is stored.
pub fn batch_key(id: &str) -> String {
    format!("{BATCH_KEY_PREFIX}{id}")
}

/// A kept batch as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchListEntry {
    pub id: String,
    pub name: String,
    #[serde(rename = "saved_at")]
    pub saved_at_ms: i64,
    /// How many files it holds.
    pub files: usize,
    /// It does not read (damaged, or kept by a newer version): listed so that its text can be
    /// downloaded as it is, never hidden. [`load`] says why.
    pub damaged: bool,
}

#[derive(Serialize, Deserialize)]
struct IndexDoc {
    format: String,
    schema_version: u64,
    entries: Vec<BatchListEntry>,
}

/// Keeps `kept` under `id`, in place of what was kept there. On an error nothing kept before
/// is lost: the batch key holds the earlier version, whole.
pub fn save(storage: &mut impl Storage, id: &str, kept: &KeptBatch) -> Result<(), BatchStoreError> {
    save_encoded(storage, id, kept, &encode(kept))
}

/// [`save`] with `kept` already encoded (`encode(kept)`): a page can encode a large batch in one
/// task and write it in the next.
pub fn save_encoded(
    storage: &mut impl Storage,
    id: &str,
    kept: &KeptBatch,
    encoded: &str,
) -> Result<(), BatchStoreError> {
    storage.write(&batch_key(id), encoded)?;
    let mut entries = read_index(storage).unwrap_or_default();
    entries.retain(|e| e.id != id);
    entries.push(BatchListEntry {
        id: id.to_owned(),
        name: kept.name.clone(),
        saved_at_ms: kept.saved_at_ms,
        files: kept.files.len(),
        damaged: false,
    });
    write_index(storage, entries);
    Ok(())
}

/// The batch kept under `id`; `None` when there is none. The stored text is left as it is,
/// whatever is wrong with it.
pub fn load(storage: &impl Storage, id: &str) -> Result<Option<KeptBatch>, BatchStoreError> {
    storage
        .read(&batch_key(id))?
        .map(|raw| decode(&raw))
        .transpose()
}

/// Removes a kept batch; returns its text, for an undo ([`decode`] and [`save`] it again).
pub fn remove(storage: &mut impl Storage, id: &str) -> Result<Option<String>, BatchStoreError> {
    let raw = storage.read(&batch_key(id))?;
    storage.remove(&batch_key(id))?;
    if let Some(mut entries) = read_index(storage) {
        entries.retain(|e| e.id != id);
        write_index(storage, entries);
    }
    Ok(raw)
}

/// Every kept batch, the newest first. The index is rebuilt where it says something else than
/// the batch keys (missing, damaged, or left behind by a failed write).
pub fn list(storage: &mut impl Storage) -> Result<Vec<BatchListEntry>, BatchStoreError> {
    let stored = read_index(storage);
    let mut entries = Vec::new();
    for key in storage.names()? {
        let Some(id) = key.strip_prefix(BATCH_KEY_PREFIX) else {
            continue;
        };
        if let Some(entry) = stored.iter().flatten().find(|e| e.id == id) {
            entries.push(entry.clone());
        } else if let Some(raw) = storage.read(&key)? {
            // Not in the index: read from the batch itself (parsed whole, reports and all).
            let value: Value = serde_json::from_str(&raw).unwrap_or(Value::Null);
            let field = |name: &str| value.get(name);
            entries.push(BatchListEntry {
                id: id.to_owned(),
                name: field("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
                saved_at_ms: field("saved_at").and_then(Value::as_i64).unwrap_or(0),
                files: field("files").and_then(Value::as_array).map_or(0, Vec::len),
                damaged: header(&value).is_err(),
            });
        }
    }
    sort(&mut entries);
    if stored.as_ref() != Some(&entries) {
        write_index(storage, entries.clone());
    }
    Ok(entries)
}

/// An id for a new batch, from the time, that no listed batch has.
pub fn new_id(now_ms: i64, listed: &[BatchListEntry]) -> String {
    let free = |id: &String| !listed.iter().any(|e| &e.id == id);
    let mut id = now_ms.to_string();
    let mut n = 1;
    while !free(&id) {
        n += 1;
        id = format!("{now_ms}-{n}");
    }
    id
}

fn sort(entries: &mut [BatchListEntry]) {
    crate::small_sort::insertion_sort(entries, |a, b| {
        (b.saved_at_ms, &a.id) < (a.saved_at_ms, &b.id)
    });
}

/// The stored index; `None` when there is none or it does not read (it is rebuilt).
fn read_index(storage: &impl Storage) -> Option<Vec<BatchListEntry>> {
    let raw = storage.read(BATCH_INDEX_KEY).ok()??;
    let doc: IndexDoc = serde_json::from_str(&raw).ok()?;
    (doc.format == INDEX_FORMAT && doc.schema_version == INDEX_SCHEMA_VERSION)
        .then_some(doc.entries)
}

/// Writes the index. When the write is refused, the index is removed instead: an index that
/// no longer says what the batches say would be believed; a missing one is only rebuilt.
fn write_index(storage: &mut impl Storage, mut entries: Vec<BatchListEntry>) {
    sort(&mut entries);
    let doc = IndexDoc {
        format: INDEX_FORMAT.to_owned(),
        schema_version: INDEX_SCHEMA_VERSION,
        entries,
    };
    let text = serde_json::to_string(&doc).unwrap_or_default();
    if storage.write(BATCH_INDEX_KEY, &text).is_err() {
        let _ = storage.remove(BATCH_INDEX_KEY);
    }
}
