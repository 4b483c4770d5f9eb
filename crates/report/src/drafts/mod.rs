//! How a draft is kept in the browser: the versioned envelope around a report, the index of
//! drafts shown on the start page, and what two tabs editing one draft do when both save.
//!
//! Everything here is pure: the app reads and writes localStorage and hands the text in. Keys
//! are given without the app's `nianbao:` prefix.
//!
//! Invariants, kept by the code next to them:
//! - A draft that cannot be read is never overwritten and never dropped: [`decode`] hands the
//!   raw text back in its error, and [`rebuild_index`] lists the draft as damaged.
//! - The index is a cache: it can always be rebuilt from the drafts, so a damaged index costs
//!   nothing but the rebuild.
//! - A tab writes only over the revision it last saw ([`resolve`]); a tab that finds a newer
//!   revision merges ([`merge_three_way`]) instead of writing over another tab's work.
//!
//! The autosave's decisions are [`autosave`]'s; where drafts are kept is [`shelf`]'s.
//!
//! ## Usage
//! ```
//! use nianbao_report::drafts::{self, DraftEnvelope, Resolution};
//! use nianbao_report::{AgencyKind, Report};
//!
//! let report = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
//! let mine = DraftEnvelope::new("d1", "tab-a", report);
//! // The tab last read revision 0 and nothing is stored yet: it may write revision 1.
//! let Resolution::Write(saved) = drafts::resolve(None, &mine, 0) else { unreachable!() };
//! let text = drafts::encode(&saved); // → localStorage["nianbao:" + drafts::draft_key("d1")]
//! assert_eq!(drafts::decode(&text).map(|d| d.revision), Ok(1));
//! ```

pub mod autosave;
pub mod shelf;

use crate::export::json::{self, JsonError};
use crate::finding::Severity;
use crate::format::{self, ActiveRowKind, SectionId, SECTIONS};
use crate::message::Message;
use crate::model::{ActiveTable, Meta, Place, Report};
use crate::rules::{self, Stage};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::OnceLock;

/// The value of a draft's `format` field.
pub const DRAFT_FORMAT: &str = "nianbao-draft";

/// The envelope version this code writes, and the newest it reads.
pub const DRAFT_SCHEMA_VERSION: u32 = 1;

/// The value of the index's `format` field.
pub const INDEX_FORMAT: &str = "nianbao-draft-index";

/// The index version this code writes, and the newest it reads.
pub const INDEX_SCHEMA_VERSION: u32 = 1;

/// Where the index is stored.
pub const INDEX_KEY: &str = "index";

/// What a draft's key starts with.
pub const DRAFT_KEY_PREFIX: &str = "draft:";

/// The line put between the two texts of a section that two windows both changed.
pub const OTHER_WINDOW_SEPARATOR: &str = "——以下为另一窗口的内容——";

/// Where a draft is stored.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_KEY_PREFIX}{id}")
}

/// The draft id a storage key holds, if it is a draft's key.
pub fn draft_id(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_KEY_PREFIX)
}

/// Where the app keeps a stored text it could not read (written by a newer version, or damaged)
/// before it writes anything under the draft's own key. The time makes each rescue its own key,
/// so a second rescue cannot overwrite the first.
pub fn recovery_key(id: &str, saved_at_ms: i64) -> String {
    format!("recovery:{id}:{saved_at_ms}")
}

// ---------------------------------------------------------------------------------------------
// The envelope
// ---------------------------------------------------------------------------------------------

/// A draft as stored: the report and what the app needs to keep tabs and versions apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftEnvelope {
    /// The version the text was stored in (older ones are migrated when read); [`encode`]
    /// always writes [`DRAFT_SCHEMA_VERSION`].
    pub schema_version: u32,
    pub id: String,
    /// Milliseconds since 1970 (JavaScript's `Date.now()`), when the draft was saved.
    pub saved_at_ms: i64,
    /// Counts the saves of this draft, whichever tab made them; see [`resolve`].
    pub revision: u64,
    /// The tab that saved it.
    pub tab_id: String,
    pub report: Report,
    /// Whether the editor fills the total cells itself.
    pub auto_total: bool,
}

impl DraftEnvelope {
    /// A draft never saved yet (revision 0), auto-total on as the editor starts.
    pub fn new(id: &str, tab_id: &str, report: Report) -> DraftEnvelope {
        DraftEnvelope {
            schema_version: DRAFT_SCHEMA_VERSION,
            id: id.to_owned(),
            saved_at_ms: 0,
            revision: 0,
            tab_id: tab_id.to_owned(),
            report,
            auto_total: true,
        }
    }
}

/// What went wrong reading a stored text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    /// Not JSON, or not the shape of a draft (or of the index): the text is damaged.
    Damaged,
    /// Written by a newer version of the app: nothing is wrong with it, this version cannot
    /// read it.
    Newer { found: u64 },
}

/// Why a stored text could not be read. The raw text comes back untouched so that the app can
/// keep it under [`recovery_key`] before anything else is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftError {
    pub problem: DraftProblem,
    /// The field at fault (`revision`, `report.requests.3.7[2]`), empty for the whole text.
    pub path: String,
    pub message: Message,
    pub raw: String,
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for DraftError {}

impl DraftError {
    fn damaged(raw: &str, path: &str, zh: impl fmt::Display, en: impl fmt::Display) -> DraftError {
        let (message_zh, message_en) = if path.is_empty() {
            (
                format!("草稿已损坏：{zh}"),
                format!("the draft is damaged: {en}"),
            )
        } else {
            (
                format!("草稿已损坏：{path}：{zh}"),
                format!("the draft is damaged: {path}: {en}"),
            )
        };
        DraftError {
            problem: DraftProblem::Damaged,
            path: path.to_owned(),
            message: Message {
                zh: message_zh,
                en: message_en,
            },
            raw: raw.to_owned(),
        }
    }

    fn newer(raw: &str, what_zh: &str, what_en: &str, found: u64, supported: u32) -> DraftError {
        DraftError {
            problem: DraftProblem::Newer { found },
            path: "schema_version".into(),
            message: Message {
zh: format!(
                "此{what_zh}由更新版本的年报应用保存（版本 {found}，本应用只能读到版本 {supported}），已原样保留，请更新应用后再打开"
            ),
en: format!(
                "this {what_en} was saved by a newer version of the app (version {found}; this one reads up to version {supported}); it is kept as it is, open it after updating the app"
            ),
},
            raw: raw.to_owned(),
        }
    }

    /// A report that did not read: its path is put under `report`.
    fn in_report(raw: &str, error: JsonError) -> DraftError {
        let path = if error.path.is_empty() {
            "report".to_owned()
        } else {
            format!("report.{}", error.path)
        };
        DraftError {
            problem: DraftProblem::Damaged,
            message: Message {
                zh: format!("草稿中的报告无法读取：{}", error.message.zh),
                en: format!(
                    "the report in the draft cannot be read: {}",
                    error.message.en
                ),
            },
            path,
            raw: raw.to_owned(),
        }
    }
}

// One JSON style for every stored text (draft, history, index): written from a
// `#[derive(Serialize)]` struct that borrows its parts, the report as the JSON value
// `json::to_value` made of it; read by parsing the text once into a `Value` and taking the
// fields from that, the report with `json::from_value`. A report is never printed and parsed
// again on the way.

/// A draft as written.
#[derive(Serialize)]
struct DraftOut<'a> {
    format: &'static str,
    schema_version: u32,
    id: &'a str,
    saved_at: i64,
    revision: u64,
    tab: &'a str,
    auto_total: bool,
    report: &'a Value,
}

/// Prints a stored document. Its parts are strings, numbers and JSON values, which always print.
fn print(document: &impl Serialize) -> String {
    serde_json::to_string(document).unwrap_or_else(|error| {
        unreachable!("a stored document of strings, numbers and JSON values prints: {error}")
    })
}

/// Parses a stored text that holds reports (a draft, a history) once; a byte-order mark is
/// not part of it.
fn parse(raw: &str) -> Result<Value, serde_json::Error> {
    counts::text_parsed();
    parse_index(raw)
}

/// Parses the index (no report in it: not counted).
fn parse_index(raw: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(raw.strip_prefix('\u{feff}').unwrap_or(raw))
}

/// The draft as stored text: the envelope's fields, then the report as JSON v1 (its `report`
/// is a report file as an export writes it, only not indented).
pub fn encode(draft: &DraftEnvelope) -> String {
    encode_with(draft, &json::to_value(&draft.report))
}

/// [`encode`] with the report's JSON value made by the caller: the autosave makes it once and
/// keeps it in the history too.
pub fn encode_with(draft: &DraftEnvelope, report: &Value) -> String {
    print(&DraftOut {
        format: DRAFT_FORMAT,
        schema_version: DRAFT_SCHEMA_VERSION,
        id: &draft.id,
        saved_at: draft.saved_at_ms,
        revision: draft.revision,
        tab: &draft.tab_id,
        auto_total: draft.auto_total,
        report,
    })
}

/// How many stored texts holding reports (drafts, histories) were parsed in this thread, for the autosave's counting test.
pub(crate) mod counts {
    #[cfg(test)]
    thread_local! {
        static PARSED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    pub(crate) fn text_parsed() {
        #[cfg(test)]
        PARSED.with(|c| c.set(c.get() + 1));
    }

    /// Texts parsed since the last call, which starts counting anew.
    #[cfg(test)]
    pub(crate) fn take() -> usize {
        PARSED.with(|c| c.replace(0))
    }
}

/// Reads a stored draft of any known version; an older version is migrated.
pub fn decode(raw: &str) -> Result<DraftEnvelope, DraftError> {
    let value: Value = parse(raw).map_err(|e| {
        DraftError::damaged(
            raw,
            "",
            format!("不是有效的 JSON（第{}行第{}列）", e.line(), e.column()),
            format!("not valid JSON (line {}, column {})", e.line(), e.column()),
        )
    })?;
    let from = draft_version(&value, raw)?;
    let value = migrate(value, from);
    let Value::Object(root) = &value else {
        return Err(DraftError::damaged(
            raw,
            "",
            "顶层不是对象",
            "the top level is not an object",
        ));
    };
    let field = |key: &'static str| Field { root, key, raw };
    let report_value = field("report").get()?;
    if !report_value.is_object() {
        return Err(field("report").ill_typed("对象", "an object"));
    }
    let report =
        json::from_value(report_value).map_err(|error| DraftError::in_report(raw, error))?;
    Ok(DraftEnvelope {
        schema_version: from,
        id: field("id").string()?,
        saved_at_ms: field("saved_at").time()?,
        revision: field("revision").whole()?,
        tab_id: field("tab").string()?,
        report,
        auto_total: field("auto_total").boolean()?,
    })
}

/// A field of the envelope being read, for messages that name it.
struct Field<'a> {
    root: &'a Map<String, Value>,
    key: &'static str,
    raw: &'a str,
}

impl<'a> Field<'a> {
    fn get(&self) -> Result<&'a Value, DraftError> {
        self.root.get(self.key).ok_or_else(|| {
            DraftError::damaged(self.raw, self.key, "缺少此字段", "the field is missing")
        })
    }

    fn ill_typed(&self, zh: &str, en: &str) -> DraftError {
        let shown: String = self
            .root
            .get(self.key)
            .map(Value::to_string)
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect();
        DraftError::damaged(
            self.raw,
            self.key,
            format!("应为{zh}，实际为 {shown}"),
            format!("expected {en}, found {shown}"),
        )
    }

    fn string(&self) -> Result<String, DraftError> {
        let value = self.get()?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| self.ill_typed("字符串", "a string"))
    }

    fn boolean(&self) -> Result<bool, DraftError> {
        self.get()?
            .as_bool()
            .ok_or_else(|| self.ill_typed("true 或 false", "true or false"))
    }

    fn whole(&self) -> Result<u64, DraftError> {
        self.get()?
            .as_u64()
            .ok_or_else(|| self.ill_typed("非负整数", "a whole number ≥ 0"))
    }

    /// `Date.now()` is whole, but a time written by other code may carry a fraction.
    fn time(&self) -> Result<i64, DraftError> {
        let value = self.get()?;
        value
            .as_i64()
            .or_else(|| {
                value
                    .as_f64()
                    .filter(|t| t.is_finite() && t.abs() < 9.0e15)
                    .map(|t| t.round() as i64)
            })
            .ok_or_else(|| self.ill_typed("毫秒时间", "a time in milliseconds"))
    }
}

/// The stored version, after checking that the text is a draft at all. A version newer than
/// this code reads is an error that keeps the raw text.
fn draft_version(value: &Value, raw: &str) -> Result<u32, DraftError> {
    let Value::Object(root) = value else {
        return Err(DraftError::damaged(
            raw,
            "",
            "顶层不是对象",
            "the top level is not an object",
        ));
    };
    let format = root.get("format");
    if let Some(format) = format {
        if format.as_str() != Some(DRAFT_FORMAT) {
            let shown: String = format.to_string().chars().take(60).collect();
            return Err(DraftError::damaged(
                raw,
                "format",
                format!("不是草稿：format 为 {shown}，应为 \"{DRAFT_FORMAT}\""),
                format!("not a draft: format is {shown}, expected \"{DRAFT_FORMAT}\""),
            ));
        }
    }
    let Some(version) = root.get("schema_version") else {
        return Err(DraftError::damaged(
            raw,
            "schema_version",
            "缺少此字段",
            "the field is missing",
        ));
    };
    let Some(found) = version.as_u64() else {
        let shown: String = version.to_string().chars().take(40).collect();
        return Err(DraftError::damaged(
            raw,
            "schema_version",
            format!("应为非负整数，实际为 {shown}"),
            format!("expected a whole number ≥ 0, found {shown}"),
        ));
    };
    match u32::try_from(found) {
        Ok(version) if version <= DRAFT_SCHEMA_VERSION => {
            // Version 0 had no format field; every later one must say what it is.
            if version >= 1 && format.is_none() {
                return Err(DraftError::damaged(
                    raw,
                    "format",
                    "缺少此字段",
                    "the field is missing",
                ));
            }
            Ok(version)
        }
        _ => Err(DraftError::newer(
            raw,
            "草稿",
            "draft",
            found,
            DRAFT_SCHEMA_VERSION,
        )),
    }
}

/// One step per old version: `MIGRATIONS[v]` turns version `v` into version `v + 1`. A step
/// only reshapes what is there; whatever is still wrong is reported by [`decode`] afterwards.
const MIGRATIONS: [fn(Value) -> Value; DRAFT_SCHEMA_VERSION as usize] = [v0_to_v1];

/// Brings a stored draft of version `from` up to [`DRAFT_SCHEMA_VERSION`], one step at a time.
pub fn migrate(mut value: Value, from: u32) -> Value {
    for step in MIGRATIONS.iter().skip(from as usize) {
        value = step(value);
    }
    value
}

/// Version 0 was the pre-release shape, saved by the one-tab prototype:
/// `{"schema_version": 0, "id", "saved_at", "auto_total", "report"}` with no `format`, no
/// `revision` and no `tab` (its report is itself a version-0 report, which
/// [`json::from_json`] migrates). Such a draft becomes revision 0 of no known tab.
fn v0_to_v1(mut value: Value) -> Value {
    if let Some(root) = value.as_object_mut() {
        root.insert("format".into(), Value::from(DRAFT_FORMAT));
        root.insert("schema_version".into(), Value::from(1u32));
        root.entry("revision").or_insert(Value::from(0u64));
        root.entry("tab").or_insert(Value::from(""));
    }
    value
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/// One draft as the start page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub agency: String,
    pub year: i32,
    /// The title to show: the one typed, or the default one.
    pub title: String,
    #[serde(rename = "saved_at")]
    pub saved_at_ms: i64,
    /// How many findings of each severity the draft had when saved (stage "draft").
    pub findings_errors: usize,
    pub findings_warnings: usize,
    /// The draft could not be read (damaged, or saved by a newer version): the list shows it
    /// so that its text can be rescued, never hides it.
    pub damaged: bool,
    /// The [`text_hash`] of the stored text this entry was made from: while the draft's text
    /// still has it, the list trusts the entry without reading the draft again (an opening
    /// decoded every stored draft for the list, then the one opened again). None in indexes
    /// written before it was kept: those drafts are read once more and their entries get it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<u64>,
}

impl IndexEntry {
    /// This entry, known to describe the stored text `text`.
    pub fn made_from(self, text: &str) -> IndexEntry {
        IndexEntry {
            text_hash: Some(text_hash(text)),
            ..self
        }
    }
}

/// A fingerprint of a stored text (64-bit FNV-1a over its bytes): not a defence against anyone,
/// only a cheap way to know that a draft's text is the one its index entry was made from.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The list of drafts. A cache of what the drafts say: see [`rebuild_index`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DraftIndex {
    pub entries: Vec<IndexEntry>,
}

/// The index as written.
#[derive(Serialize)]
struct IndexOut<'a> {
    format: &'static str,
    schema_version: u32,
    entries: &'a [IndexEntry],
}

impl DraftIndex {
    pub fn encode(&self) -> String {
        print(&IndexOut {
            format: INDEX_FORMAT,
            schema_version: INDEX_SCHEMA_VERSION,
            entries: &self.entries,
        })
    }

    /// The stored index; on an error the app rebuilds it with [`rebuild_index`].
    pub fn decode(raw: &str) -> Result<DraftIndex, DraftError> {
        let damaged = |zh: String, en: String| DraftError {
            problem: DraftProblem::Damaged,
            path: String::new(),
            message: Message {
                zh: format!("草稿列表已损坏：{zh}"),
                en: format!("the list of drafts is damaged: {en}"),
            },
            raw: raw.to_owned(),
        };
        let value: Value = parse_index(raw).map_err(|e| {
            damaged(
                format!("不是有效的 JSON（{e}）"),
                format!("not valid JSON ({e})"),
            )
        })?;
        if value.get("format").and_then(Value::as_str) != Some(INDEX_FORMAT) {
            return Err(damaged(
                format!("format 应为 \"{INDEX_FORMAT}\""),
                format!("format must be \"{INDEX_FORMAT}\""),
            ));
        }
        if let Some(found) = value.get("schema_version").and_then(Value::as_u64) {
            if found > u64::from(INDEX_SCHEMA_VERSION) {
                return Err(DraftError::newer(
                    raw,
                    "草稿列表",
                    "list of drafts",
                    found,
                    INDEX_SCHEMA_VERSION,
                ));
            }
        }
        let entries = value
            .get("entries")
            .cloned()
            .ok_or_else(|| damaged("缺少 entries".into(), "no entries".into()))?;
        let entries: Vec<IndexEntry> = serde_json::from_value(entries)
            .map_err(|e| damaged(format!("形状不对（{e}）"), format!("wrong shape ({e})")))?;
        Ok(DraftIndex { entries })
    }

    /// The entries, the one edited last first; equal times in id order so the list is stable.
    pub fn sorted_by_last_edit(&self) -> Vec<&IndexEntry> {
        let mut entries: Vec<&IndexEntry> = self.entries.iter().collect();
        crate::small_sort::insertion_sort(&mut entries, |a, b| {
            (b.saved_at_ms, &a.id) < (a.saved_at_ms, &b.id)
        });
        entries
    }

    /// Puts a draft's entry in the index, in place of the one with its id.
    pub fn put(&mut self, entry: IndexEntry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
    }
}

/// What the index says about a draft that was read.
pub fn index_entry(draft: &DraftEnvelope) -> IndexEntry {
    index_entry_counted(draft, &FindingCounts::of(&draft.report))
}

/// How many findings of each severity a report has at the draft stage: what the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
}

impl FindingCounts {
    /// Runs the rules that an editor runs at once (stage "draft") and counts. The reading rules
    /// (T-numbers and the like, [`rules::reading`]) are left out: the editor runs them in its
    /// tools worker, and the drafts list is not worth starting it for; their findings show
    /// when the draft is open.
    pub fn of(report: &Report) -> FindingCounts {
        FindingCounts::count(&rules::check_at_once(report, Stage::Draft))
    }

    /// Counts findings already made (the editor has them for the report on screen).
    pub fn count(findings: &[crate::finding::Finding]) -> FindingCounts {
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        FindingCounts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
        }
    }

    /// Both counts together: the rules' and the import notes' kept with a draft, which the
    /// editor shows among its findings until the user dismisses them.
    pub fn plus(self, other: FindingCounts) -> FindingCounts {
        FindingCounts {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
        }
    }
}

/// [`index_entry`] with the findings counted already.
pub fn index_entry_counted(draft: &DraftEnvelope, counts: &FindingCounts) -> IndexEntry {
    IndexEntry {
        id: draft.id.clone(),
        agency: draft.report.meta.agency.clone(),
        year: draft.report.meta.year,
        title: draft.report.title(),
        saved_at_ms: draft.saved_at_ms,
        findings_errors: counts.errors,
        findings_warnings: counts.warnings,
        damaged: false,
        text_hash: None,
    }
}

/// The index as the drafts say it is. `drafts` holds every stored (key, text) the app found;
/// keys that are not a draft's ([`draft_key`]) are passed over. A draft that does not read is
/// listed as damaged with whatever of its agency, year, title and time can still be read.
pub fn rebuild_index(drafts: &[(String, String)]) -> DraftIndex {
    let mut index = DraftIndex::default();
    for (key, raw) in drafts {
        let Some(id) = draft_id(key) else { continue };
        let mut entry = match decode(raw) {
            Ok(draft) => index_entry(&draft).made_from(raw),
            Err(_) => salvage(raw),
        };
        // The key is where the app opens the draft from, whatever id the text claims.
        entry.id = id.to_owned();
        index.put(entry);
    }
    index
}

/// What can still be read of a damaged draft, for its line in the list.
fn salvage(raw: &str) -> IndexEntry {
    let value = parse(raw).unwrap_or(Value::Null);
    let meta = value.pointer("/report/meta");
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
    let agency = text(meta.and_then(|m| m.get("agency")));
    let year = meta
        .and_then(|m| m.get("year"))
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok())
        .unwrap_or(0);
    let mut title = text(meta.and_then(|m| m.get("title")));
    if title.trim().is_empty() && !agency.is_empty() && year != 0 {
        title = format::default_title(&agency, year);
    }
    IndexEntry {
        id: String::new(),
        agency,
        year,
        title,
        saved_at_ms: value.get("saved_at").and_then(Value::as_i64).unwrap_or(0),
        findings_errors: 0,
        findings_warnings: 0,
        damaged: true,
        text_hash: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Two tabs
// ---------------------------------------------------------------------------------------------

/// What a tab does with its save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Nobody else saved since this tab last read the draft: store this (the next revision).
    Write(DraftEnvelope),
    /// Another tab saved since: merge with [`merge_three_way`] (base = the report as this tab
    /// last read it), show the merged report, and resolve again with `theirs.revision` as the
    /// base. Writing `mine` now would lose the other tab's work.
    Conflict { theirs: DraftEnvelope },
}

/// Decides whether `mine` may be written. `stored` is what is under [`draft_key`] now (None if
/// nothing is); `base_revision` is the revision this tab last read or wrote.
pub fn resolve(
    stored: Option<&DraftEnvelope>,
    mine: &DraftEnvelope,
    base_revision: u64,
) -> Resolution {
    match stored {
        Some(theirs) if theirs.revision != base_revision => Resolution::Conflict {
            theirs: theirs.clone(),
        },
        // A draft deleted in another tab is written again: the user is still editing it here.
        _ => Resolution::Write(DraftEnvelope {
            revision: base_revision.saturating_add(1),
            ..mine.clone()
        }),
    }
}

/// Merges two tabs' edits of one report: per cell and per field, the side that changed it from
/// `base` wins. When both changed a cell or a header field differently, mine is kept and the
/// place is listed. When both changed a section's text, both texts are kept, mine first, then
/// [`OTHER_WINDOW_SEPARATOR`] on its own line, then theirs, and the section is listed: no tab's
/// text is lost, and the user tidies it up.
pub fn merge_three_way(base: &Report, mine: &Report, theirs: &Report) -> (Report, Vec<Place>) {
    let mut conflicts = Vec::new();
    // Taken apart field by field: a field added to the model later must be merged here too.
    let Report {
        meta,
        sections: _,
        active,
        requests: _,
        appeals: _,
        last_year,
    } = mine;
    let merged_meta = merge_meta(&base.meta, meta, &theirs.meta, &mut conflicts);

    let mut sections = mine.sections.clone();
    for def in &SECTIONS {
        let id: SectionId = def.id;
        let (b, m, t) = (
            base.sections.get(id),
            mine.sections.get(id),
            theirs.sections.get(id),
        );
        if m == t || t == b {
            continue;
        }
        if m == b {
            sections.set(id, t);
        } else {
            sections.set(id, both_texts(m, t));
            conflicts.push(Place::Section(id));
        }
    }

    let merged_active = merge_active(&base.active, active, &theirs.active, &mut conflicts);

    let mut requests = mine.requests.clone();
    for (row, cells) in requests.0.iter_mut().enumerate() {
        for (column, cell) in cells.iter_mut().enumerate() {
            let at = |r: &Report| r.requests.0.get(row).and_then(|c| c.get(column)).copied();
            *cell = pick(
                &at(base).flatten(),
                cell,
                &at(theirs).flatten(),
                Place::Request { row, column },
                &mut conflicts,
            );
        }
    }

    let mut appeals = mine.appeals.clone();
    for (group, cells) in appeals.0.iter_mut().enumerate() {
        for (column, cell) in cells.iter_mut().enumerate() {
            let at = |r: &Report| r.appeals.0.get(group).and_then(|c| c.get(column)).copied();
            *cell = pick(
                &at(base).flatten(),
                cell,
                &at(theirs).flatten(),
                Place::Appeal { group, column },
                &mut conflicts,
            );
        }
    }

    // Last year's report is attached as a whole, so it is merged as a whole.
    let last_year = pick(
        &base.last_year,
        last_year,
        &theirs.last_year,
        Place::Report,
        &mut conflicts,
    );

    let merged = Report {
        meta: merged_meta,
        sections,
        active: merged_active,
        requests,
        appeals,
        last_year,
    };
    (merged, conflicts)
}

/// The side that changed from base; mine (and a conflict) when both changed it differently.
fn pick<T: PartialEq + Clone>(
    base: &T,
    mine: &T,
    theirs: &T,
    place: Place,
    conflicts: &mut Vec<Place>,
) -> T {
    if mine == theirs || theirs == base {
        mine.clone()
    } else if mine == base {
        theirs.clone()
    } else {
        conflicts.push(place);
        mine.clone()
    }
}

fn both_texts(mine: &str, theirs: &str) -> String {
    let mut text = mine.to_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(OTHER_WINDOW_SEPARATOR);
    text.push('\n');
    text.push_str(theirs);
    text
}

fn merge_meta(base: &Meta, mine: &Meta, theirs: &Meta, conflicts: &mut Vec<Place>) -> Meta {
    let Meta {
        agency,
        agency_kind,
        year,
        title,
        published_on,
    } = mine;
    Meta {
        agency: pick(
            &base.agency,
            agency,
            &theirs.agency,
            Place::Meta("agency"),
            conflicts,
        ),
        agency_kind: pick(
            &base.agency_kind,
            agency_kind,
            &theirs.agency_kind,
            Place::Meta("agency_kind"),
            conflicts,
        ),
        year: pick(
            &base.year,
            year,
            &theirs.year,
            Place::Meta("year"),
            conflicts,
        ),
        // A title is one line: keeping both would make a title nobody wants.
        title: pick(
            &base.title,
            title,
            &theirs.title,
            Place::Meta("title"),
            conflicts,
        ),
        published_on: pick(
            &base.published_on,
            published_on,
            &theirs.published_on,
            Place::Meta("published_on"),
            conflicts,
        ),
    }
}

fn merge_active(
    base: &ActiveTable,
    mine: &ActiveTable,
    theirs: &ActiveTable,
    conflicts: &mut Vec<Place>,
) -> ActiveTable {
    let mut merged = mine.clone();
    for (band, row) in format::active_rows() {
        if band.kind == ActiveRowKind::FeeAmount {
            let (column, _) = band
                .kind
                .columns()
                .first()
                .copied()
                .unwrap_or(("amount", ""));
            merged.fees = pick(
                &base.fees,
                &mine.fees,
                &theirs.fees,
                Place::Active(row.id, column),
                conflicts,
            );
            continue;
        }
        let columns = band.kind.columns();
        let (b, t) = (base.counts(row.id), theirs.counts(row.id));
        for (i, cell) in merged.counts_mut(row.id).iter_mut().enumerate() {
            let column = columns.get(i).map_or("", |(key, _)| key);
            *cell = pick(
                &b.get(i).copied().flatten(),
                cell,
                &t.get(i).copied().flatten(),
                Place::Active(row.id, column),
                conflicts,
            );
        }
    }
    merged
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

/// The value of a history's `format` field.
pub const HISTORY_FORMAT: &str = "nianbao-history";

/// The history version this code writes, and the newest it reads.
pub const HISTORY_SCHEMA_VERSION: u32 = 1;

/// What a draft's history key starts with.
pub const HISTORY_KEY_PREFIX: &str = "history:";

/// How many versions of one draft are kept.
pub const HISTORY_MAX_VERSIONS: usize = 10;

/// How many bytes of stored text one draft's history may take. A filled report is 10–20 kB of
/// JSON (twice that with last year's attached): ten versions fit, and ten drafts' histories stay
/// far below the 5 MB a browser gives one origin.
pub const HISTORY_BUDGET_BYTES: usize = 400_000;

/// Saves closer together than this update the newest version instead of adding one: typing all
/// afternoon makes a version every ten minutes, not one per keystroke.
pub const HISTORY_VERSION_INTERVAL_MS: i64 = 10 * 60 * 1000;

/// Where a draft's history is stored.
pub fn history_key(id: &str) -> String {
    format!("{HISTORY_KEY_PREFIX}{id}")
}

/// One earlier version of a draft, restorable. Its report is kept as the JSON value it is
/// stored as, and read into a [`Report`] only when asked for ([`HistoryEntry::report`]): a save
/// writes ten versions and reads none of them.
#[derive(Clone, Debug)]
pub struct HistoryEntry {
    /// When this version was saved (milliseconds since 1970).
    pub saved_at_ms: i64,
    /// The draft's revision when it was saved.
    pub revision: u64,
    /// What changed since the version before, in a few words ([`change_summary`]).
    pub summary: Message,
    /// The report as stored: JSON v1.
    json: Value,
    /// What `json` reads as, once asked for (or known when the version was made).
    report: OnceLock<Result<Report, JsonError>>,
    /// About how many bytes the version takes in the stored text, once asked for.
    stored_bytes: OnceLock<usize>,
}

/// Versions are the same when they say the same: whether their report was read yet does not count.
impl PartialEq for HistoryEntry {
    fn eq(&self, other: &HistoryEntry) -> bool {
        self.saved_at_ms == other.saved_at_ms
            && self.revision == other.revision
            && self.summary == other.summary
            && self.json == other.json
    }
}

impl Eq for HistoryEntry {}

impl HistoryEntry {
    /// The version's report, read from its JSON the first time it is asked for. A version whose
    /// report does not read (edited by hand) says where, under `report`.
    pub fn report(&self) -> Result<&Report, JsonError> {
        self.report
            .get_or_init(|| json::from_value(&self.json))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The version's report as stored (JSON v1).
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// Lets the version know its report without reading it: the app has it at hand (the draft
    /// it opened is the newest version). Ignored when the version read its report already.
    pub fn know_report(&self, report: Report) {
        let _ = self.report.set(Ok(report));
    }

    /// About the bytes this version takes in the stored history: the length its JSON prints
    /// to, counted once. (Printed into a `Vec` like every stored text, rather than counted by
    /// a writer of its own: a second writer type would put a second copy of the JSON printer
    /// in the app's download.)
    fn stored_bytes(&self) -> usize {
        *self.stored_bytes.get_or_init(|| {
            serde_json::to_vec(&self.entry_out()).map_or(0, |bytes| bytes.len()) + 1
        })
    }

    fn entry_out(&self) -> EntryOut<'_> {
        EntryOut {
            saved_at: self.saved_at_ms,
            revision: self.revision,
            summary_zh: &self.summary.zh,
            summary_en: &self.summary.en,
            report: &self.json,
        }
    }
}

/// A version as written.
#[derive(Serialize)]
struct EntryOut<'a> {
    saved_at: i64,
    revision: u64,
    summary_zh: &'a str,
    summary_en: &'a str,
    report: &'a Value,
}

/// A history as written.
#[derive(Serialize)]
struct HistoryOut<'a> {
    format: &'static str,
    schema_version: u32,
    entries: Vec<EntryOut<'a>>,
}

/// The versions of one draft, the newest first.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DraftHistory {
    pub entries: Vec<HistoryEntry>,
}

impl DraftHistory {
    /// Keeps `report` as the newest version. Saves in a row update one version, so that an
    /// afternoon of typing is not a hundred versions: the newest version is replaced unless
    /// `keep_newest` is set or it is older than [`HISTORY_VERSION_INTERVAL_MS`]. The app sets
    /// `keep_newest` when the newest version must stay as it is: on the first save after
    /// opening a draft (the newest is how the last session left it), after an explicit save
    /// (the user asked for that version), a merge or a restore. A report equal to the newest
    /// version changes nothing. Then [`Self::trim`]s to the default limits.
    pub fn record(&mut self, report: &Report, saved_at_ms: i64, revision: u64, keep_newest: bool) {
        self.record_with(
            report,
            json::to_value(report),
            saved_at_ms,
            revision,
            keep_newest,
        );
    }

    /// [`Self::record`] with the report's JSON value made by the caller (the autosave made it
    /// for the draft it just wrote).
    pub fn record_with(
        &mut self,
        report: &Report,
        report_json: Value,
        saved_at_ms: i64,
        revision: u64,
        keep_newest: bool,
    ) {
        if self
            .entries
            .first()
            .is_some_and(|newest| newest.json == report_json)
        {
            return;
        }
        let replace_newest = !keep_newest
            && self.entries.first().is_some_and(|newest| {
                saved_at_ms.saturating_sub(newest.saved_at_ms) < HISTORY_VERSION_INTERVAL_MS
            });
        if replace_newest {
            self.entries.remove(0);
        }
        let before = self.entries.first().and_then(|e| e.report().ok());
        let summary = change_summary(before, report);
        self.entries.insert(
            0,
            HistoryEntry {
                saved_at_ms,
                revision,
                summary,
                json: report_json,
                report: OnceLock::from(Ok(report.clone())),
                stored_bytes: OnceLock::new(),
            },
        );
        self.trim(HISTORY_MAX_VERSIONS, HISTORY_BUDGET_BYTES);
    }

    /// Drops the oldest versions until at most `max_versions` remain and their stored text
    /// takes at most `budget_bytes`. The newest version is always kept, whatever its size:
    /// it is the draft as it is now.
    pub fn trim(&mut self, max_versions: usize, budget_bytes: usize) {
        self.entries.truncate(max_versions.max(1));
        let mut total = 0usize;
        let mut keep = 0usize;
        for (i, entry) in self.entries.iter().enumerate() {
            total = total.saturating_add(entry.stored_bytes());
            if i > 0 && total > budget_bytes {
                break;
            }
            keep = i + 1;
        }
        self.entries.truncate(keep);
    }

    /// The history as stored: compact JSON, each version's report in the JSON v1 shape.
    pub fn encode(&self) -> String {
        print(&HistoryOut {
            format: HISTORY_FORMAT,
            schema_version: HISTORY_SCHEMA_VERSION,
            entries: self.entries.iter().map(HistoryEntry::entry_out).collect(),
        })
    }

    /// Reads a stored history. Like a draft, a history that does not read keeps its text in the
    /// error, for the app to put under [`recovery_key`] before it starts a new one. The
    /// versions' reports are read when asked for ([`HistoryEntry::report`]).
    pub fn decode(raw: &str) -> Result<DraftHistory, DraftError> {
        let damaged = |path: &str, zh: String, en: String| DraftError {
            problem: DraftProblem::Damaged,
            path: path.to_owned(),
            message: Message {
                zh: format!("历史版本已损坏：{zh}"),
                en: format!("the history is damaged: {en}"),
            },
            raw: raw.to_owned(),
        };
        let mut value: Value = parse(raw).map_err(|e| {
            damaged(
                "",
                format!("不是有效的 JSON（{e}）"),
                format!("not valid JSON ({e})"),
            )
        })?;
        if value.get("format").and_then(Value::as_str) != Some(HISTORY_FORMAT) {
            return Err(damaged(
                "format",
                format!("format 应为 \"{HISTORY_FORMAT}\""),
                format!("format must be \"{HISTORY_FORMAT}\""),
            ));
        }
        match value.get("schema_version").and_then(Value::as_u64) {
            Some(found) if found > u64::from(HISTORY_SCHEMA_VERSION) => {
                return Err(DraftError::newer(
                    raw,
                    "历史版本",
                    "history",
                    found,
                    HISTORY_SCHEMA_VERSION,
                ))
            }
            Some(_) => {}
            None => {
                return Err(damaged(
                    "schema_version",
                    "缺少此字段或不是整数".into(),
                    "missing or not a whole number".into(),
                ))
            }
        }
        let Some(entries) = value.get_mut("entries").and_then(Value::as_array_mut) else {
            return Err(damaged(
                "entries",
                "应为数组".into(),
                "expected an array".into(),
            ));
        };
        let mut history = DraftHistory::default();
        for (i, entry) in entries.iter_mut().enumerate() {
            let path = format!("entries[{i}]");
            let string = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_owned);
            let (Some(saved_at_ms), Some(revision), Some(summary_zh), Some(summary_en)) = (
                entry.get("saved_at").and_then(Value::as_i64),
                entry.get("revision").and_then(Value::as_u64),
                string("summary_zh"),
                string("summary_en"),
            ) else {
                return Err(damaged(
                    &path,
                    format!("{path} 缺少字段或字段类型不对"),
                    format!("{path} lacks a field or has one of the wrong type"),
                ));
            };
            let Some(report) = entry
                .get_mut("report")
                .filter(|r| r.is_object())
                .map(Value::take)
            else {
                return Err(damaged(
                    &path,
                    format!("{path}.report 应为对象"),
                    format!("{path}.report must be an object"),
                ));
            };
            history.entries.push(HistoryEntry {
                saved_at_ms,
                revision,
                summary: Message::new(summary_zh, summary_en),
                json: report,
                report: OnceLock::new(),
                stored_bytes: OnceLock::new(),
            });
        }
        Ok(history)
    }
}

/// What changed from `before` to `after`, in a few words for the history list: how many cells,
/// which parts' text, which header fields. Without a `before`, how much the first version holds.
pub fn change_summary(before: Option<&Report>, after: &Report) -> Message {
    let Some(before) = before else {
        let filled = cell_values(after).iter().filter(|v| v.is_some()).count();
        return Message::new(
            format!("首个版本（已填{filled}个单元格）"),
            format!("first version ({filled} cells filled)"),
        );
    };
    let cells = cell_values(before)
        .iter()
        .zip(cell_values(after).iter())
        .filter(|(b, a)| b != a)
        .count();
    let parts: Vec<&str> = SECTIONS
        .iter()
        .filter(|def| before.sections.get(def.id) != after.sections.get(def.id))
        .map(|def| def.numeral.trim_end_matches('、'))
        .collect();
    let (b, a) = (&before.meta, &after.meta);
    let fields: Vec<(&str, &str)> = [
        (b.agency != a.agency, ("机关", "agency")),
        (
            b.agency_kind != a.agency_kind,
            ("机关类型", "kind of agency"),
        ),
        (b.year != a.year, ("年度", "year")),
        (b.title != a.title, ("标题", "title")),
        (
            b.published_on != a.published_on,
            ("发布日期", "publication date"),
        ),
        (
            before.last_year != after.last_year,
            ("上年报告", "last year's report"),
        ),
    ]
    .into_iter()
    .filter_map(|(changed, names)| changed.then_some(names))
    .collect();

    let mut zh = Vec::new();
    let mut en = Vec::new();
    if cells > 0 {
        zh.push(format!("{cells}个单元格"));
        en.push(format!(
            "{cells} {}",
            if cells == 1 { "cell" } else { "cells" }
        ));
    }
    if !parts.is_empty() {
        zh.push(format!("第{}部分文字", parts.join("、")));
        en.push(format!(
            "text of {} {}",
            if parts.len() == 1 { "part" } else { "parts" },
            parts.join(", ")
        ));
    }
    for (field_zh, field_en) in fields {
        zh.push(field_zh.to_owned());
        en.push(field_en.to_owned());
    }
    if zh.is_empty() {
        return Message::new("无改动", "no changes");
    }
    Message::new(
        format!("修改了{}", zh.join("、")),
        format!("changed: {}", en.join("; ")),
    )
}

/// Every cell of the three tables as text, in a fixed order, for counting changes.
fn cell_values(report: &Report) -> Vec<Option<String>> {
    let mut values = Vec::new();
    for (_, row) in format::active_rows() {
        if row.id == format::ActiveRowId::Fees {
            values.push(report.active.fees.as_ref().map(|d| d.0.clone()));
        } else {
            values.extend(
                report
                    .active
                    .counts(row.id)
                    .iter()
                    .map(|c| c.map(|n| n.to_string())),
            );
        }
    }
    let counts = report
        .requests
        .0
        .iter()
        .flatten()
        .chain(report.appeals.0.iter().flatten());
    values.extend(counts.map(|c| c.map(|n| n.to_string())));
    values
}
