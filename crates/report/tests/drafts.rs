//! Drafts in the browser's storage: the envelope round trip, damaged and newer texts kept for
//! rescue, the pre-release version migrated, the index rebuilt from the drafts, and two tabs
//! saving one draft — on the reports of 沭阳县.

#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::drafts::{
    self, decode, draft_key, encode, merge_three_way, rebuild_index, recovery_key, resolve,
    DraftEnvelope, DraftIndex, DraftProblem, Resolution, INDEX_KEY, OTHER_WINDOW_SEPARATOR,
};
use nianbao_report::export::json::{from_json, to_json};
use nianbao_report::format::{request_row, ActiveRowId, REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN};
use nianbao_report::model::Decimal;
use nianbao_report::rules::{check, Stage};
use nianbao_report::Rule;
use nianbao_report::{Place, Report, SectionId, Severity};
use serde_json::Value;

/// 2026-01-23 09:00 (UTC+8), the day 沭阳县人民政府 published its 2025 report.
const SAVED_AT: i64 = 1_769_130_000_000;

fn county_draft() -> DraftEnvelope {
    DraftEnvelope {
        schema_version: drafts::DRAFT_SCHEMA_VERSION,
        id: "shuyang-2025".into(),
        saved_at_ms: SAVED_AT,
        revision: 7,
        tab_id: "tab-b".into(),
        report: shuyang::county_2025(),
        auto_total: false,
    }
}

#[test]
fn keys() {
    assert_eq!(draft_key("shuyang-2025"), "draft:shuyang-2025");
    assert_eq!(drafts::draft_id("draft:shuyang-2025"), Some("shuyang-2025"));
    assert_eq!(drafts::draft_id(INDEX_KEY), None);
    assert_eq!(INDEX_KEY, "index");
    assert_eq!(
        recovery_key("shuyang-2025", SAVED_AT),
        "recovery:shuyang-2025:1769130000000"
    );
}

#[test]
fn round_trip_keeps_every_field() {
    let draft = county_draft();
    let text = encode(&draft);
    assert_eq!(decode(&text), Ok(draft.clone()));

    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "nianbao-draft");
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["id"], "shuyang-2025");
    assert_eq!(value["saved_at"], SAVED_AT);
    assert_eq!(value["revision"], 7);
    assert_eq!(value["tab"], "tab-b");
    assert_eq!(value["auto_total"], false);
    // The report part is the JSON v1 exchange format: it reads as a report file on its own.
    let report = from_json(&value["report"].to_string()).unwrap();
    assert_eq!(report.requests.row("1")[REQUEST_TOTAL_COLUMN], Some(713));
    assert_eq!(report.requests.row("3.7")[REQUEST_TOTAL_COLUMN], Some(718));
    assert_eq!(report.active.fees, Some(Decimal("4068.208".into())));
    assert_eq!(
        value["report"],
        serde_json::from_str::<Value>(&to_json(&draft.report)).unwrap()
    );
}

#[test]
fn round_trip_keeps_blank_cells_blank() {
    let mut draft = county_draft();
    draft.report = shuyang::fagaiju_2023();
    let decoded = decode(&encode(&draft)).unwrap();
    let blanks = decoded
        .report
        .requests
        .0
        .iter()
        .flatten()
        .filter(|c| c.is_none())
        .count();
    assert_eq!(
        blanks, 125,
        "the five 法人 columns of 25 rows, as published"
    );
    assert_eq!(decoded, draft);
}

#[test]
fn a_text_with_quotes_and_newlines_in_its_ids_round_trips() {
    let mut draft = county_draft();
    draft.id = "a\"b\\c\nd".into();
    draft.tab_id = "窗口 2".into();
    draft.saved_at_ms = -1;
    assert_eq!(decode(&encode(&draft)), Ok(draft));
}

#[test]
fn damaged_text_is_an_error_that_keeps_the_text() {
    let text = encode(&county_draft());
    let half = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let cut = &text[..half];
    let error = decode(cut).unwrap_err();
    assert_eq!(error.problem, DraftProblem::Damaged);
    assert_eq!(error.raw, cut);
    assert!(
        error.message.zh.starts_with("草稿已损坏：不是有效的 JSON"),
        "{}",
        error.message.zh
    );
    assert!(
        error.message.en.contains("not valid JSON"),
        "{}",
        error.message.en
    );

    for junk in ["", "null", "[1,2]", "\"draft\"", "{}"] {
        let error = decode(junk).unwrap_err();
        assert_eq!(error.problem, DraftProblem::Damaged, "{junk}");
        assert_eq!(error.raw, junk);
    }
}

#[test]
fn damaged_fields_are_named() {
    let text = encode(&county_draft());
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(&text).unwrap();
        f(&mut value);
        decode(&value.to_string()).unwrap_err()
    };

    let error = edit(&|v| {
        v.as_object_mut().unwrap().remove("revision");
    });
    assert_eq!(error.path, "revision");
    assert!(
        error.message.zh.contains("revision：缺少此字段"),
        "{}",
        error.message.zh
    );

    let error = edit(&|v| v["revision"] = Value::from(-1));
    assert_eq!(error.path, "revision");
    assert!(
        error.message.en.contains("found -1"),
        "{}",
        error.message.en
    );

    let error = edit(&|v| v["report"]["requests"]["3.7"][6] = Value::from(-718));
    assert_eq!(error.problem, DraftProblem::Damaged);
    assert!(
        error.path.starts_with("report.requests.3.7"),
        "{}",
        error.path
    );
    assert!(error.message.zh.contains("-718"), "{}", error.message.zh);

    let error = edit(&|v| v["format"] = Value::from("nianbao-report"));
    assert_eq!(error.path, "format");
    assert!(
        error.message.zh.contains("不是草稿"),
        "{}",
        error.message.zh
    );
}

#[test]
fn a_newer_version_is_refused_and_its_text_kept_untouched() {
    let text =
        encode(&county_draft()).replacen("\"schema_version\":1,", "\"schema_version\":2,", 1);
    let error = decode(&text).unwrap_err();
    assert_eq!(error.problem, DraftProblem::Newer { found: 2 });
    assert_eq!(error.raw, text);
    assert!(error.message.zh.contains("版本 2"), "{}", error.message.zh);
    assert!(error.message.zh.contains("版本 1"), "{}", error.message.zh);
    assert!(
        error.message.en.contains("newer version"),
        "{}",
        error.message.en
    );
}

/// The pre-release draft (version 0): no `format`, `revision` or `tab`, and its report a
/// version-0 report whose `requests` rows are objects that leave blank cells out.
fn version_zero_text(report: &Report) -> String {
    let mut report: Value = serde_json::from_str(&to_json(report)).unwrap();
    let root = report.as_object_mut().unwrap();
    root.remove("format");
    root.insert("schema_version".into(), Value::from(0));
    for row in root["requests"].as_object_mut().unwrap().values_mut() {
        let cells: serde_json::Map<String, Value> = REQUEST_COLUMNS
            .iter()
            .zip(row.as_array().unwrap())
            .filter(|(_, cell)| !cell.is_null())
            .map(|(column, cell)| (column.key.to_owned(), cell.clone()))
            .collect();
        *row = Value::Object(cells);
    }
    serde_json::json!({
        "schema_version": 0,
        "id": "fagaiju-2023",
        "saved_at": 1_705_460_000_000_i64,
        "auto_total": true,
        "report": report,
    })
    .to_string()
}

#[test]
fn a_pre_release_draft_is_migrated() {
    let published = shuyang::fagaiju_2023();
    let text = version_zero_text(&published);
    assert!(!text.contains("\"format\""));

    let draft = decode(&text).unwrap();
    assert_eq!(
        draft.schema_version, 0,
        "says which version it was read from"
    );
    assert_eq!(draft.id, "fagaiju-2023");
    assert_eq!(draft.revision, 0);
    assert_eq!(draft.tab_id, "");
    assert!(draft.auto_total);
    assert_eq!(draft.report, published);

    // Written again, it is a version-1 draft.
    let again: Value = serde_json::from_str(&encode(&draft)).unwrap();
    assert_eq!(again["schema_version"], 1);
    assert_eq!(again["format"], "nianbao-draft");

    let migrated = drafts::migrate(serde_json::from_str(&text).unwrap(), 0);
    assert_eq!(migrated["format"], "nianbao-draft");
    assert_eq!(migrated["schema_version"], 1);
    assert_eq!(migrated["revision"], 0);
    assert_eq!(migrated["tab"], "");
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

#[test]
fn the_index_is_rebuilt_from_the_drafts_and_lists_damaged_ones() {
    let county = county_draft();
    let mut fagaiju = county_draft();
    fagaiju.id = "fagaiju-2023".into();
    fagaiju.report = shuyang::fagaiju_2023();
    fagaiju.saved_at_ms = SAVED_AT + 60_000;
    let newer = encode(&county).replacen("\"schema_version\":1,", "\"schema_version\":3,", 1);
    let stored = vec![
        (draft_key("shuyang-2025"), encode(&county)),
        (draft_key("fagaiju-2023"), encode(&fagaiju)),
        (draft_key("from-the-future"), newer),
        (
            draft_key("cut"),
            "{\"format\": \"nianbao-draft\", \"schema_ver".to_owned(),
        ),
        (INDEX_KEY.to_owned(), "not a draft".to_owned()),
        (recovery_key("x", 1), "not a draft either".to_owned()),
    ];
    let index = rebuild_index(&stored);
    assert_eq!(index.entries.len(), 4, "{index:#?}");

    let by_id = |id: &str| index.entries.iter().find(|e| e.id == id).unwrap();
    let entry = by_id("shuyang-2025");
    assert!(!entry.damaged);
    assert_eq!(entry.agency, "沭阳县人民政府");
    assert_eq!(entry.year, 2025);
    assert_eq!(entry.title, "沭阳县人民政府2025年政府信息公开工作年度报告");
    assert_eq!(entry.saved_at_ms, SAVED_AT);
    let findings = check(&county.report, Stage::Draft);
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    assert_eq!(entry.findings_errors, count(Severity::Error));
    assert_eq!(entry.findings_warnings, count(Severity::Warning));
    assert_eq!(
        entry.findings_errors, 0,
        "the county report balances as published"
    );

    let entry = by_id("fagaiju-2023");
    assert_eq!(entry.title, "沭阳县发展和改革局2023年政府信息公开年度报告");
    let findings = check(&fagaiju.report, Stage::Draft);
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    assert_eq!(entry.findings_errors, count(Severity::Error));
    assert_eq!(entry.findings_warnings, count(Severity::Warning));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == Rule::CBlank && f.severity == Severity::Warning),
        "the 125 blank cells are counted among the warnings: {entry:?}"
    );

    // A newer version's draft is listed with what can be read of it, so it can be rescued.
    let entry = by_id("from-the-future");
    assert!(entry.damaged);
    assert_eq!(entry.agency, "沭阳县人民政府");
    assert_eq!(entry.year, 2025);
    assert_eq!(entry.saved_at_ms, SAVED_AT);

    let entry = by_id("cut");
    assert!(entry.damaged);
    assert_eq!((entry.agency.as_str(), entry.year), ("", 0));

    let order: Vec<&str> = index
        .sorted_by_last_edit()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        order,
        ["fagaiju-2023", "from-the-future", "shuyang-2025", "cut"]
    );
}

#[test]
fn the_index_round_trips_and_a_damaged_index_says_so() {
    let mut index = DraftIndex::default();
    index.put(drafts::index_entry(&county_draft()));
    let mut renamed = county_draft();
    renamed.report.meta.title = "沭阳县人民政府2025年度政府信息公开工作报告".into();
    index.put(drafts::index_entry(&renamed));
    assert_eq!(
        index.entries.len(),
        1,
        "put replaces the entry with the same id"
    );
    assert_eq!(
        index.entries[0].title,
        "沭阳县人民政府2025年度政府信息公开工作报告"
    );

    let text = index.encode();
    assert_eq!(DraftIndex::decode(&text), Ok(index.clone()));

    let error = DraftIndex::decode(&text[..text.len() - 3]).unwrap_err();
    assert_eq!(error.problem, DraftProblem::Damaged);
    assert!(
        error.message.zh.starts_with("草稿列表已损坏"),
        "{}",
        error.message.zh
    );
    let newer = text.replace("\"schema_version\":1", "\"schema_version\":2");
    assert_eq!(
        DraftIndex::decode(&newer).unwrap_err().problem,
        DraftProblem::Newer { found: 2 }
    );

    index.remove("shuyang-2025");
    assert!(index.entries.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Two tabs
// ---------------------------------------------------------------------------------------------

#[test]
fn a_tab_writes_over_the_revision_it_saw() {
    let stored = county_draft(); // revision 7
    let mut mine = county_draft();
    mine.tab_id = "tab-a".into();
    mine.report.active.licensing = Some(517_646);

    let Resolution::Write(written) = resolve(Some(&stored), &mine, 7) else {
        panic!("nobody saved since revision 7");
    };
    assert_eq!(written.revision, 8);
    assert_eq!(written.tab_id, "tab-a");
    assert_eq!(written.report.active.licensing, Some(517_646));

    let Resolution::Write(first) = resolve(None, &mine, 0) else {
        panic!("nothing stored yet");
    };
    assert_eq!(first.revision, 1);
}

#[test]
fn a_tab_that_finds_a_newer_revision_does_not_write() {
    let mut stored = county_draft();
    stored.revision = 8;
    stored.tab_id = "tab-b".into();
    let mine = county_draft();
    assert_eq!(
        resolve(Some(&stored), &mine, 7),
        Resolution::Conflict {
            theirs: stored.clone()
        }
    );
}

#[test]
fn disjoint_edits_of_two_tabs_both_survive() {
    let base = shuyang::county_2025();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let natural_4 = Place::Request {
        row: request_row("4"),
        column: 0,
    };
    // Mine corrects 结转下年度 自然人; theirs 行政复议 尚未审结 and the fee, and its overview.
    mine.requests.row_mut("4")[0] = Some(32);
    theirs.appeals.0[0][3] = Some(16);
    theirs.active.fees = Some(Decimal("4068.21".into()));
    theirs
        .sections
        .get_mut(SectionId::Overview)
        .push_str("\n（二）依申请公开");
    mine.meta.published_on = Some("2026-01-24".into());

    let (merged, conflicts) = merge_three_way(&base, &mine, &theirs);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(merged.requests.row("4")[0], Some(32));
    assert_eq!(merged.appeals.0[0][3], Some(16));
    assert_eq!(merged.active.fees, Some(Decimal("4068.21".into())));
    assert!(merged
        .sections
        .get(SectionId::Overview)
        .ends_with("（二）依申请公开"));
    assert_eq!(merged.meta.published_on.as_deref(), Some("2026-01-24"));
    // Everything neither touched is as it was.
    assert_eq!(merged.requests.row("1")[REQUEST_TOTAL_COLUMN], Some(713));
    assert_eq!(natural_4.id(), "requests/4/natural");
}

#[test]
fn the_same_cell_changed_in_both_tabs_keeps_mine_and_says_where() {
    let base = shuyang::county_2025();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    mine.requests.row_mut("3.6.3")[0] = Some(141);
    theirs.requests.row_mut("3.6.3")[0] = Some(143);
    // The same new value on both sides is no conflict.
    mine.active.licensing = Some(517_600);
    theirs.active.licensing = Some(517_600);
    mine.active.normative_documents[2] = Some(33);
    theirs.active.normative_documents[2] = Some(31);
    mine.meta.title = "沭阳县2025年政府信息公开工作年度报告".into();
    theirs.meta.title = "沭阳县人民政府2025年度政府信息公开工作年度报告".into();

    let (merged, conflicts) = merge_three_way(&base, &mine, &theirs);
    assert_eq!(merged.requests.row("3.6.3")[0], Some(141));
    assert_eq!(merged.active.licensing, Some(517_600));
    assert_eq!(merged.active.normative_documents[2], Some(33));
    assert_eq!(merged.meta.title, "沭阳县2025年政府信息公开工作年度报告");
    let ids: Vec<String> = conflicts.iter().map(Place::id).collect();
    assert_eq!(
        ids,
        [
            "meta/title",
            "active/normative_documents/in_force",
            "requests/3.6.3/natural"
        ]
    );
    assert!(conflicts.contains(&Place::Active(ActiveRowId::NormativeDocuments, "in_force")));
}

#[test]
fn section_text_changed_in_both_tabs_keeps_both_texts() {
    let base = shuyang::county_2025();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let mine_text = "2025 年，我县政府信息公开工作仍存在短板：一是政策解读多样性需进一步加强。";
    let theirs_text = "二是依申请办件质量需进一步提升。三是联系群众工作需要进一步巩固。";
    mine.sections.set(SectionId::Problems, mine_text);
    theirs.sections.set(SectionId::Problems, theirs_text);

    let (merged, conflicts) = merge_three_way(&base, &mine, &theirs);
    assert_eq!(
        merged.sections.get(SectionId::Problems),
        format!("{mine_text}\n{OTHER_WINDOW_SEPARATOR}\n{theirs_text}")
    );
    assert_eq!(OTHER_WINDOW_SEPARATOR, "——以下为另一窗口的内容——");
    assert_eq!(conflicts, [Place::Section(SectionId::Problems)]);
    // The other sections are untouched.
    assert_eq!(
        merged.sections.get(SectionId::Other),
        shuyang::COUNTY_2025_OTHER
    );
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

use nianbao_report::drafts::{
    change_summary, history_key, DraftHistory, HISTORY_MAX_VERSIONS, HISTORY_VERSION_INTERVAL_MS,
};

#[test]
fn history_keeps_one_version_per_interval_and_a_new_one_when_asked() {
    let mut history = DraftHistory::default();
    let mut report = shuyang::county_2025();
    history.record(&report, SAVED_AT, 1, true);
    assert_eq!(history.entries.len(), 1);
    assert!(
        history.entries[0].summary.zh.starts_with("首个版本"),
        "{}",
        history.entries[0].summary.zh
    );

    // The first save after an explicit one starts a version; autosaves a minute later update it.
    report.requests.row_mut("4")[0] = Some(32);
    history.record(&report, SAVED_AT + 60_000, 2, true);
    report.requests.row_mut("4")[1] = Some(1);
    history.record(&report, SAVED_AT + 120_000, 3, false);
    assert_eq!(history.entries.len(), 2);
    assert_eq!(history.entries[0].revision, 3);
    assert_eq!(history.entries[0].summary.zh, "修改了2个单元格");
    assert_eq!(history.entries[0].summary.en, "changed: 2 cells");

    // The same report again changes nothing.
    history.record(&report, SAVED_AT + 180_000, 4, true);
    assert_eq!(history.entries.len(), 2);

    // Later than the interval, or when the newest is to be kept, a new version starts.
    report.sections.set(SectionId::Problems, "无。");
    report.meta.title = "沭阳县2025年报".into();
    history.record(
        &report,
        SAVED_AT + 120_000 + HISTORY_VERSION_INTERVAL_MS,
        5,
        false,
    );
    assert_eq!(history.entries.len(), 3);
    assert_eq!(history.entries[0].summary.zh, "修改了第五部分文字、标题");
    assert_eq!(
        history.entries[0].summary.en,
        "changed: text of part 五; title"
    );
    report.active.licensing = Some(1);
    history.record(
        &report,
        SAVED_AT + 120_000 + HISTORY_VERSION_INTERVAL_MS + 1,
        6,
        true,
    );
    assert_eq!(history.entries.len(), 4);
    let revisions: Vec<u64> = history.entries.iter().map(|e| e.revision).collect();
    assert_eq!(revisions, [6, 5, 3, 1], "the newest first");
    assert_eq!(
        history.entries[3].report(),
        Ok(&shuyang::county_2025()),
        "the first version restores as it was"
    );
}

#[test]
fn history_keeps_at_most_ten_versions_within_its_byte_budget() {
    let mut history = DraftHistory::default();
    let mut report = shuyang::county_2025();
    for i in 0..15u64 {
        report.active.licensing = Some(i);
        history.record(&report, SAVED_AT + i as i64, i + 1, true);
    }
    assert_eq!(history.entries.len(), HISTORY_MAX_VERSIONS);
    assert_eq!(
        history.entries[0].report().unwrap().active.licensing,
        Some(14)
    );
    assert_eq!(
        history.entries[9].report().unwrap().active.licensing,
        Some(5),
        "the oldest went first"
    );

    let one = history.encode().len() / HISTORY_MAX_VERSIONS;
    let mut trimmed = history.clone();
    trimmed.trim(HISTORY_MAX_VERSIONS, one * 3 + one / 2);
    assert_eq!(trimmed.entries.len(), 3);
    assert_eq!(trimmed.entries[..], history.entries[..3]);
    assert!(trimmed.encode().len() <= one * 3 + one / 2 + 100);

    // The newest version stays even when it alone is over the budget.
    trimmed.trim(HISTORY_MAX_VERSIONS, 10);
    assert_eq!(trimmed.entries.len(), 1);
    assert_eq!(trimmed.entries[0].revision, 15);
}

#[test]
fn history_round_trips_and_a_damaged_history_keeps_its_text() {
    let mut history = DraftHistory::default();
    let mut report = shuyang::fagaiju_2023();
    history.record(&report, SAVED_AT, 1, true);
    report
        .sections
        .set(SectionId::Overview, "（一）主动公开\n\"引号\"与换行");
    history.record(&report, SAVED_AT + 1, 2, true);
    let text = history.encode();
    assert_eq!(DraftHistory::decode(&text), Ok(history.clone()));
    assert_eq!(history_key("fagaiju-2023"), "history:fagaiju-2023");

    let cut = &text[..text.len() / 2];
    let error = DraftHistory::decode(cut).unwrap_err();
    assert_eq!(error.problem, DraftProblem::Damaged);
    assert_eq!(error.raw, cut);
    assert!(
        error.message.zh.starts_with("历史版本已损坏"),
        "{}",
        error.message.zh
    );

    let bad_cell = text.replacen(
        "\"normative_documents\":[8",
        "\"normative_documents\":[-8",
        1,
    );
    // A version is read when asked for: the history reads, the version says where it is wrong.
    let history = DraftHistory::decode(&bad_cell).unwrap();
    let error = history.entries[0].report().unwrap_err();
    assert!(error.path.starts_with("active"), "{}", error.path);
    assert!(history.entries[1].report().is_ok());

    let newer = text.replace("\"schema_version\":1", "\"schema_version\":9");
    assert_eq!(
        DraftHistory::decode(&newer).unwrap_err().problem,
        DraftProblem::Newer { found: 9 }
    );
}

#[test]
fn change_summary_names_cells_parts_and_fields() {
    let base = shuyang::county_2025();
    assert_eq!(
        change_summary(Some(&base), &base),
        nianbao_report::Message::new("无改动", "no changes")
    );
    let mut after = base.clone();
    after.appeals.0[0][3] = Some(99);
    after.sections.set(SectionId::Overview, "新");
    after.sections.set(SectionId::Other, "新");
    after.meta.published_on = Some("2026-01-30".into());
    let nianbao_report::Message { zh, en } = change_summary(Some(&base), &after);
    assert_eq!(zh, "修改了1个单元格、第一、六部分文字、发布日期");
    assert_eq!(
        en,
        "changed: 1 cell; text of parts 一, 六; publication date"
    );
}

/// A draft made from a published page keeps the import's notes beside it (its cells read by
/// arithmetic, its rows left blank): they come back with the draft, go with it when it is
/// deleted, and come back with an undo of the delete.
#[test]
fn an_imports_notes_are_kept_with_its_draft() {
    use nianbao_report::drafts::shelf::{self, MemoryStorage, Storage};
    use nianbao_report::import::{import_published, transfer};

    let text = include_str!("corpus/full/2021-sanming-shizhengfu.txt");
    let imported = import_published(text).expect("三明市 2021 imports");
    let notes: Vec<transfer::NoteText> = transfer::decode(&transfer::encode(&Ok(imported)))
        .expect("the import crosses")
        .notes;
    assert!(notes.iter().any(|n| n.rule == "I-derived"), "{notes:#?}");
    // Each note is its finding again, on the basis the catalogue gives its rule.
    for note in &notes {
        let finding = note.finding().expect("a known rule and place");
        assert_eq!(finding.basis, finding.rule.def().basis, "{}", note.rule);
        assert_eq!(finding.place.id(), note.place);
    }

    let mut storage = MemoryStorage::default();
    assert!(shelf::read_import_notes(&storage, "d1").is_empty());
    shelf::write_import_notes(&mut storage, "d1", &notes).unwrap();
    assert_eq!(shelf::read_import_notes(&storage, "d1"), notes);
    assert!(shelf::read_import_notes(&storage, "d2").is_empty());

    let removed = shelf::remove_draft(&mut storage, "d1").unwrap();
    assert!(shelf::read_import_notes(&storage, "d1").is_empty());
    assert!(removed.import_notes.is_some());
    shelf::restore_removed(&mut storage, "d1", &removed).unwrap();
    assert_eq!(shelf::read_import_notes(&storage, "d1"), notes);

    // Dismissed: nothing is left under the key.
    shelf::remove_import_notes(&mut storage, "d1").unwrap();
    assert_eq!(storage.read(&shelf::import_notes_key("d1")).unwrap(), None);
    // A text that does not read gives no notes, and no error.
    storage
        .write(&shelf::import_notes_key("d1"), "{not json")
        .unwrap();
    assert!(shelf::read_import_notes(&storage, "d1").is_empty());
}

/// The drafts list counts a draft's import notes with its findings, as the editor shows them
/// among its findings, until the user dismisses them; an index rebuilt from the drafts counts
/// them too.
#[test]
fn the_list_counts_an_imports_notes_until_they_are_dismissed() {
    use nianbao_report::drafts::shelf::{self, MemoryStorage, Storage};
    use nianbao_report::drafts::INDEX_KEY;
    use nianbao_report::import::{import_published, transfer};

    // A street office's page cut short: its notes are warnings (a table cut, the agency and
    // the year guessed).
    let text = include_str!("fixtures/guanzhou-street-2023-partial.txt");
    let read = transfer::decode(&transfer::encode(&Ok(
        import_published(text).expect("官洲街道 2023 imports")
    )))
    .expect("the import crosses");
    let of_notes = |severity| read.notes.iter().filter(|n| n.severity == severity).count();
    let (note_errors, note_warnings) = (of_notes(Severity::Error), of_notes(Severity::Warning));
    assert!(note_warnings >= 3, "{:#?}", read.notes);

    let counts = |storage: &mut MemoryStorage| {
        let list = shelf::load_list(storage, 9_000).unwrap();
        let entry = &list.iter().find(|l| l.entry.id == "d1").unwrap().entry;
        (entry.findings_errors, entry.findings_warnings)
    };
    let mut storage = MemoryStorage::default();
    // As the editor makes a draft from an import: the draft first, then its notes.
    shelf::store_new(&mut storage, "d1", "tab", read.report.clone(), false, 1_000).unwrap();
    let (errors, warnings) = counts(&mut storage);
    shelf::write_import_notes(&mut storage, "d1", &read.notes).unwrap();
    let with_notes = (errors + note_errors, warnings + note_warnings);
    assert_eq!(counts(&mut storage), with_notes);
    storage.remove(INDEX_KEY).unwrap();
    assert_eq!(counts(&mut storage), with_notes, "an index made anew");

    shelf::remove_import_notes(&mut storage, "d1").unwrap();
    assert_eq!(counts(&mut storage), (errors, warnings));
}
