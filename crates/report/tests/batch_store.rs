//! The supervisor's batch kept in the browser: a round trip on the real reports of the fixtures
//! (pages read by the importer with its notes, report JSON, a summary, last year's file, files
//! that did not read), texts that are not a batch, a damaged file inside a good batch, a full
//! storage, and the list of named batches with its index.

use nianbao_report::batch::{self, BatchRow, Source};
use nianbao_report::batch_store::{
    self, batch_key, decode, encode, encode_files, encode_with, keep, restore, BatchProblem,
    KeptBatch, KeptFile, KeptReport, BATCH_INDEX_KEY,
};
use nianbao_report::drafts::shelf::{MemoryStorage, Storage};
use nianbao_report::drafts::{self, DraftEnvelope};
use nianbao_report::export::json;
use nianbao_report::import::import_published;
use nianbao_report::model::Place;
use nianbao_report::summary::sum_reports;
use nianbao_report::{format, AgencyKind, Finding, Message, Report, Rule, Severity};
use serde_json::Value;

/// 2026-01-23 09:00 (UTC+8).
const SAVED_AT: i64 = 1_769_130_000_000;

const FIXTURES: [(&str, &str); 5] = [
    ("erdun-2023.txt", include_str!("fixtures/erdun-2023.txt")),
    (
        "shuyang-county-2025.txt",
        include_str!("fixtures/shuyang-county-2025.txt"),
    ),
    (
        "shuyang-fagaiju-2023.txt",
        include_str!("fixtures/shuyang-fagaiju-2023.txt"),
    ),
    (
        "guanzhou-street-2023-partial.txt",
        include_str!("fixtures/guanzhou-street-2023-partial.txt"),
    ),
    (
        "dizhang-street-2023-partial-2019-format.txt",
        include_str!("fixtures/dizhang-street-2023-partial-2019-format.txt"),
    ),
];

fn imported(text: &str) -> Report {
    import_published(text)
        .unwrap_or_else(|e| panic!("{e}"))
        .report
}

/// Every kind of row a batch holds: the five fixture pages (the importer's notes on the
/// partial and the 2019-format ones), the seed as report JSON and again a year later (checked
/// against it), a summary of two units (its notes on blank cells), and three files that did not
/// read.
fn fixture_rows() -> Vec<BatchRow> {
    let mut rows: Vec<BatchRow> = FIXTURES
        .iter()
        .map(|(name, text)| batch::check_file(name, text.as_bytes()))
        .collect();
    let erdun = imported(FIXTURES[0].1);
    let mut next_year = erdun.clone();
    next_year.meta.year = 2024;
    next_year.requests.row_mut("2")[0] = Some(2);
    next_year.requests.row_mut("2")[6] = Some(2);
    for (name, report) in [("erdun-2023.json", &erdun), ("erdun-2024.json", &next_year)] {
        rows.push(batch::check_file(name, json::to_json(report).as_bytes()));
    }
    rows.push(batch::check_file(
        "shot.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    ));
    rows.push(batch::check_file(
        "broken.json",
        b"{\"format\": \"nianbao-report\",",
    ));
    rows.push(batch::check_file("notes.txt", "今天天气很好。".as_bytes()));
    batch::link_last_years(&mut rows);
    let units = [imported(FIXTURES[2].1), imported(FIXTURES[1].1)];
    let summary = sum_reports(
        &[&units[0], &units[1]],
        "沭阳县",
        AgencyKind::CountyGov,
        2025,
    );
    rows.push(BatchRow {
        file_name: "汇总：沭阳县".into(),
        outcome: Ok(batch::checked(
            summary.report,
            Source::Summary,
            summary.notes,
        )),
    });
    rows
}

/// Rows equal field by field (a row is not `PartialEq`: its findings are recomputed).
fn assert_rows_equal(restored: &[BatchRow], rows: &[BatchRow]) {
    assert_eq!(restored.len(), rows.len());
    for (got, want) in restored.iter().zip(rows) {
        let name = &want.file_name;
        assert_eq!(got.file_name, want.file_name);
        match (&got.outcome, &want.outcome) {
            (Ok(got), Ok(want)) => {
                assert_eq!(got.report, want.report, "{name}: report");
                assert_eq!(got.source, want.source, "{name}: source");
                assert_eq!(got.notes, want.notes, "{name}: notes");
                assert_eq!(got.findings, want.findings, "{name}: findings");
                assert_eq!(got.last_year_file, want.last_year_file, "{name}: last year");
            }
            (Err(got), Err(want)) => assert_eq!(got, want, "{name}: problem"),
            (got, want) => panic!(
                "{name}: restored as {}, was {}",
                if got.is_ok() { "read" } else { "unread" },
                if want.is_ok() { "read" } else { "unread" }
            ),
        }
    }
}

#[test]
fn a_batch_of_the_fixtures_comes_back_as_it_was_kept() {
    let rows = fixture_rows();
    // What the round trip must carry is there to carry.
    let checked: Vec<_> = rows.iter().filter_map(BatchRow::checked).collect();
    assert!(checked
        .iter()
        .any(|c| c.notes.iter().any(|n| n.rule == Rule::SOldFormat)));
    assert!(checked
        .iter()
        .any(|c| c.source == Source::Summary && !c.notes.is_empty()));
    assert!(checked
        .iter()
        .any(|c| c.last_year_file.as_deref() == Some("erdun-2023.json")
            && c.findings.iter().any(|f| f.rule == Rule::XCarryOver)));
    assert_eq!(rows.iter().filter(|r| r.checked().is_none()).count(), 3);

    let kept = keep("2025年 各乡镇", SAVED_AT, &rows);
    let text = encode(&kept);
    assert!(
        !text.contains("|"),
        "the pages are not kept, only the reports"
    );
    let decoded = decode(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded, kept);
    assert_eq!(decoded.name, "2025年 各乡镇");
    assert_eq!(decoded.saved_at_ms, SAVED_AT);
    assert_rows_equal(&restore(&decoded), &rows);
}

/// A note may point at any place of the report; each comes back as the very place.
#[test]
fn an_import_note_at_every_place_of_the_report_comes_back_at_that_place() {
    let mut places = vec![Place::Report];
    places.extend(["agency", "agency_kind", "year", "title", "published_on"].map(Place::Meta));
    places.extend(format::SECTIONS.iter().map(|s| Place::Section(s.id)));
    for (band, row) in format::active_rows() {
        places.extend(
            band.kind
                .columns()
                .iter()
                .map(|(column, _)| Place::Active(row.id, column)),
        );
    }
    for row in 0..format::REQUEST_ROWS.len() {
        places.extend(
            (0..format::REQUEST_COLUMNS.len()).map(|column| Place::Request { row, column }),
        );
    }
    for group in 0..format::APPEAL_GROUPS.len() {
        places.extend(
            (0..format::APPEAL_COLUMNS.len()).map(|column| Place::Appeal { group, column }),
        );
    }
    let severities = [Severity::Info, Severity::Warning, Severity::Error];
    let notes: Vec<Finding> = places
        .into_iter()
        .enumerate()
        .map(|(i, place)| Finding {
            rule: Rule::IUnread,
            severity: severities[i % 3],
            message: Message::new(format!("{}：无法读取", place.id()), "unread"),
            place,
            basis: Rule::IUnread.def().basis,
        })
        .collect();
    let kept = KeptBatch {
        name: "每处".into(),
        saved_at_ms: SAVED_AT,
        files: vec![KeptFile {
            file_name: "page.html".into(),
            kept: Ok(KeptReport {
                report: Report::new_blank("某街道办事处", AgencyKind::Township, 2025),
                source: Source::Published,
                notes,
                last_year_file: None,
            }),
        }],
    };
    assert_eq!(decode(&encode(&kept)).unwrap(), kept);
}

#[test]
fn a_batch_kept_without_a_name_is_named_by_its_usual_year_and_size() {
    let rows = fixture_rows();
    let kept = keep("  ", SAVED_AT, &rows);
    assert_eq!(kept.name, format!("2023年 批次（{}个文件）", rows.len()));
    assert_eq!(
        batch_store::default_name(&rows[4..7]),
        "2023年 批次（3个文件）"
    );
    assert_eq!(batch_store::default_name(&rows[7..9]), "批次（2个文件）");
}

#[test]
fn markup_in_names_and_agencies_is_kept_as_text() {
    let hostile = "<script>alert(\"年报\")</script>&amp;'";
    let mut report = imported(FIXTURES[0].1);
    report.meta.agency = hostile.into();
    let rows = vec![batch::check_file(
        &format!("{hostile}.json"),
        json::to_json(&report).as_bytes(),
    )];
    let mut storage = MemoryStorage::default();
    batch_store::save(&mut storage, "b1", &keep(hostile, SAVED_AT, &rows)).unwrap();
    let kept = batch_store::load(&storage, "b1").unwrap().unwrap();
    assert_eq!(kept.name, hostile);
    assert_eq!(kept.files[0].file_name, format!("{hostile}.json"));
    let restored = restore(&kept);
    assert_eq!(restored[0].checked().unwrap().report.meta.agency, hostile);
    assert_rows_equal(&restored, &rows);
    assert_eq!(batch_store::list(&mut storage).unwrap()[0].name, hostile);
    assert_eq!(
        batch_store::download_name(&kept),
        "_script_alert(_年报_)__script_&amp;'-批次.json"
    );
}

#[test]
fn texts_that_are_not_a_batch_say_what_they_are() {
    let not_json = decode("{\"format\": \"nianbao-batch\",").unwrap_err();
    assert_eq!(not_json.problem, BatchProblem::NotJson);
    assert!(
        not_json.message.zh.starts_with("不是有效的 JSON（第1行"),
        "{}",
        not_json.message.zh
    );

    let report = json::to_json(&imported(FIXTURES[0].1));
    let draft = drafts::encode(&DraftEnvelope::new("d1", "tab", imported(FIXTURES[0].1)));
    for other in [report.as_str(), draft.as_str(), "[]"] {
        let error = decode(other).unwrap_err();
        assert_eq!(error.problem, BatchProblem::OtherKind);
        assert!(
            error.message.zh.starts_with("不是保存的批次文件"),
            "{}",
            error.message.zh
        );
    }

    let text = encode(&keep("一批", SAVED_AT, &fixture_rows()[..1]));
    let newer = text.replace("\"schema_version\":1", "\"schema_version\":99");
    let error = decode(&newer).unwrap_err();
    assert_eq!(error.problem, BatchProblem::Newer { found: 99 });
    assert!(
        error
            .message
            .zh
            .starts_with("此批次由更新版本的年报应用保存（版本 99"),
        "{}",
        error.message.zh
    );
    assert!(error.message.en.contains("made by a newer version"));

    let no_files = text.replace("\"files\":", "\"dossiers\":");
    let error = decode(&no_files).unwrap_err();
    assert_eq!(error.problem, BatchProblem::Damaged);
    assert!(
        error.message.zh.starts_with("保存的批次已损坏：files"),
        "{}",
        error.message.zh
    );
}

#[test]
fn a_damaged_file_in_a_batch_becomes_a_row_saying_so_and_the_others_restore() {
    let rows = fixture_rows();
    let kept = keep("各乡镇", SAVED_AT, &rows);
    let mut value: Value = serde_json::from_str(&encode(&kept)).unwrap();
    let files = value["files"].as_array_mut().unwrap();
    files[1]["report"]["requests"] = Value::from("七百一十八");
    files[2]["notes"] = serde_json::json!([{"rule": "R9-gone", "severity": "warning",
        "place": "report", "zh": "", "en": ""}]);
    files[3] = Value::from(3);
    let decoded = decode(&value.to_string()).unwrap();
    assert_eq!(decoded.files.len(), rows.len());
    for i in [1, 2, 3] {
        let problem = decoded.files[i].kept.as_ref().unwrap_err();
        assert!(
            problem.zh.contains("在保存的批次中已损坏，未能恢复"),
            "{}",
            problem.zh
        );
    }
    let problem = |i: usize| decoded.files[i].kept.as_ref().unwrap_err().clone();
    assert!(
        problem(1).zh.starts_with("文件“shuyang-county-2025.txt”"),
        "{}",
        problem(1).zh
    );
    assert!(problem(1).zh.contains("requests"), "{}", problem(1).zh);
    assert!(problem(2).zh.contains("R9-gone"), "{}", problem(2).zh);
    assert!(problem(3).zh.starts_with("文件“#4”"), "{}", problem(3).zh);
    assert!(problem(3).en.contains("is damaged in the kept batch"));
    let restored = restore(&decoded);
    let others: Vec<usize> = (0..rows.len()).filter(|i| ![1, 2, 3].contains(i)).collect();
    let pick =
        |rows: &[BatchRow]| -> Vec<BatchRow> { others.iter().map(|&i| rows[i].clone()).collect() };
    assert_rows_equal(&pick(&restored), &pick(&rows));
}

#[test]
fn a_full_storage_refuses_the_batch_and_keeps_the_version_saved_before() {
    let rows = fixture_rows();
    let small = keep("各乡镇", SAVED_AT, &rows[..2]);
    let mut storage = MemoryStorage::default();
    batch_store::save(&mut storage, "b1", &small).unwrap();
    let used: usize = storage.items.iter().map(|(k, v)| k.len() + v.len()).sum();
    storage.capacity = Some(used + 1_000);

    let bigger = keep("各乡镇", SAVED_AT + 60_000, &rows);
    let error = batch_store::save(&mut storage, "b1", &bigger).unwrap_err();
    assert_eq!(error.problem, BatchProblem::Full);
    assert!(
        error.message.zh.starts_with("浏览器存储空间已满"),
        "{}",
        error.message.zh
    );
    assert!(error.message.zh.contains("之前保存的版本保持不变"));
    assert!(error.message.zh.contains("下载批次的 JSON 文件"));
    assert_eq!(
        batch_store::load(&storage, "b1").unwrap(),
        Some(small.clone())
    );
    // A new batch that does not fit is not listed, and no key is left of it.
    assert!(batch_store::save(&mut storage, "b2", &bigger).is_err());
    assert_eq!(storage.read(&batch_key("b2")).unwrap(), None);
    let listed = batch_store::list(&mut storage).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (
            listed[0].id.as_str(),
            listed[0].files,
            listed[0].saved_at_ms
        ),
        ("b1", 2, SAVED_AT)
    );
    // What the user downloads instead reads back whole, and is told apart from a report.
    let download = encode(&bigger);
    assert_eq!(decode(&download).unwrap(), bigger);
    assert!(batch_store::is_kept_batch(download.as_bytes()));
    assert!(batch_store::is_kept_batch(
        format!("\u{feff}{download}").as_bytes()
    ));
    let indented = download.replacen("{\"format\":", "{\n  \"format\": ", 1);
    assert!(batch_store::is_kept_batch(indented.as_bytes()));
    let mut report = imported(FIXTURES[0].1);
    report.meta.agency = "nianbao-batch".into();
    assert!(!batch_store::is_kept_batch(
        json::to_json(&report).as_bytes()
    ));
    assert!(!batch_store::is_kept_batch(
        json::to_json(&imported(FIXTURES[0].1)).as_bytes()
    ));
}

#[test]
fn when_the_index_cannot_be_written_it_is_removed_rather_than_left_stale() {
    let rows = fixture_rows();
    let mut storage = MemoryStorage::default();
    batch_store::save(&mut storage, "b1", &keep("一", SAVED_AT, &rows[..1])).unwrap();
    // Room for the batch's text, none for a longer index.
    let replacement = keep("一（改名后名字更长了一些）", SAVED_AT + 1, &rows[..1]);
    let used: usize = storage.items.iter().map(|(k, v)| k.len() + v.len()).sum();
    let growth =
        encode(&replacement).len() - storage.read(&batch_key("b1")).unwrap().unwrap().len();
    storage.capacity = Some(used + growth);
    batch_store::save(&mut storage, "b1", &replacement).unwrap();
    assert_eq!(storage.read(BATCH_INDEX_KEY).unwrap(), None);
    storage.capacity = None;
    let listed = batch_store::list(&mut storage).unwrap();
    assert_eq!(listed[0].name, replacement.name);
    assert!(storage.read(BATCH_INDEX_KEY).unwrap().is_some(), "rebuilt");
}

#[test]
fn named_batches_are_listed_newest_first_and_removed_one_by_one() {
    let rows = fixture_rows();
    let mut storage = MemoryStorage::default();
    assert_eq!(batch_store::list(&mut storage).unwrap(), []);
    let first = batch_store::new_id(SAVED_AT, &[]);
    batch_store::save(
        &mut storage,
        &first,
        &keep("2025年 各乡镇", SAVED_AT, &rows[..3]),
    )
    .unwrap();
    let listed = batch_store::list(&mut storage).unwrap();
    let second = batch_store::new_id(SAVED_AT, &listed);
    assert_ne!(second, first);
    batch_store::save(
        &mut storage,
        &second,
        &keep("2025年 各部门", SAVED_AT + 5, &rows[3..]),
    )
    .unwrap();
    let listed = batch_store::list(&mut storage).unwrap();
    let names: Vec<(&str, usize, bool)> = listed
        .iter()
        .map(|e| (e.name.as_str(), e.files, e.damaged))
        .collect();
    assert_eq!(
        names,
        [
            ("2025年 各部门", rows.len() - 3, false),
            ("2025年 各乡镇", 3, false)
        ]
    );
    // Kept again under its id: one entry, the new version.
    batch_store::save(
        &mut storage,
        &first,
        &keep("2025年 各乡镇", SAVED_AT + 9, &rows[..4]),
    )
    .unwrap();
    let listed = batch_store::list(&mut storage).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(
        (listed[0].id.as_str(), listed[0].files),
        (first.as_str(), 4)
    );

    let removed = batch_store::remove(&mut storage, &second).unwrap().unwrap();
    assert_eq!(decode(&removed).unwrap().name, "2025年 各部门");
    assert_eq!(batch_store::list(&mut storage).unwrap().len(), 1);
    assert_eq!(batch_store::load(&storage, &second).unwrap(), None);
    // Keys as the app prefixes them with `nianbao:`.
    let keys: Vec<&String> = storage.items.keys().collect();
    assert_eq!(keys, [&"batch-index".to_owned(), &format!("batch:{first}")]);
}

#[test]
fn the_list_is_rebuilt_from_the_batches_when_its_index_is_damaged_or_wrong() {
    let rows = fixture_rows();
    let mut storage = MemoryStorage::default();
    batch_store::save(&mut storage, "a", &keep("甲", SAVED_AT, &rows[..2])).unwrap();
    batch_store::save(&mut storage, "b", &keep("乙", SAVED_AT + 1, &rows[2..5])).unwrap();
    let good = batch_store::list(&mut storage).unwrap();
    let index = storage.read(BATCH_INDEX_KEY).unwrap().unwrap();

    for damaged in ["{\"format\":\"nianbao-batch-index\",", "[]", ""] {
        storage.write(BATCH_INDEX_KEY, damaged).unwrap();
        assert_eq!(
            batch_store::list(&mut storage).unwrap(),
            good,
            "{damaged:?}"
        );
        assert_eq!(
            storage.read(BATCH_INDEX_KEY).unwrap().as_deref(),
            Some(index.as_str())
        );
    }
    storage.remove(BATCH_INDEX_KEY).unwrap();
    assert_eq!(batch_store::list(&mut storage).unwrap(), good);

    // An index that names a batch no longer there: the batch is not listed.
    storage.remove(&batch_key("a")).unwrap();
    let listed = batch_store::list(&mut storage).unwrap();
    assert_eq!(
        listed.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["b"]
    );

    // A damaged batch is listed as damaged, its text left as it is; load says why.
    let cut = &encode(&keep("丙", SAVED_AT, &rows[..1]))[..200];
    storage.write(&batch_key("c"), cut).unwrap();
    let listed = batch_store::list(&mut storage).unwrap();
    let c = listed.iter().find(|e| e.id == "c").unwrap();
    assert!(c.damaged);
    let error = batch_store::load(&storage, "c").unwrap_err();
    assert_eq!(error.problem, BatchProblem::NotJson);
    assert_eq!(storage.read(&batch_key("c")).unwrap().as_deref(), Some(cut));
}

/// How much of localStorage (about 5 MB, counted in UTF-16 units) a batch of 50 reports takes:
/// the fixture rows over again, each pages' report with its import notes.
#[test]
fn fifty_reports_fit_in_the_browsers_storage() {
    let rows = fixture_rows();
    let read: Vec<&BatchRow> = rows.iter().filter(|r| r.checked().is_some()).collect();
    let fifty: Vec<BatchRow> = (0..50)
        .map(|i| {
            let mut row = read[i % read.len()].clone();
            row.file_name = format!("{i:02}-{}", row.file_name);
            row
        })
        .collect();
    let text = encode(&keep("五十份", SAVED_AT, &fifty));
    let units = text.encode_utf16().count();
    println!(
        "50 reports: {} bytes of UTF-8, {units} UTF-16 units ({:.0} per report)",
        text.len(),
        units as f64 / 50.0
    );
    assert!(
        units < 2_500_000,
        "{units} UTF-16 units: half of localStorage"
    );
    let decoded: KeptBatch = decode(&text).unwrap();
    assert_eq!(decoded.files.len(), 50);
}

#[test]
fn a_batch_written_a_few_files_at_a_time_is_the_batch_written_at_once() {
    let rows = fixture_rows();
    let kept = keep("分批写入", SAVED_AT, &rows);
    assert!(
        kept.files.iter().any(|f| f.kept.is_ok()) && kept.files.iter().any(|f| f.kept.is_err())
    );
    let mut files = Vec::new();
    for chunk in kept.files.chunks(2) {
        files.extend(encode_files(chunk));
    }
    let text = encode_with(&kept, &files);
    assert_eq!(text, encode(&kept));
    // The batch's own fields first, in the order written, then its files.
    let head = format!(
        r#"{{"format":"nianbao-batch","schema_version":1,"name":"分批写入","saved_at":{SAVED_AT},"files":[{{"#
    );
    assert!(text.starts_with(&head), "{}", &text[..120]);
    assert!(text.ends_with("}]}"));
    assert_eq!(decode(&text).unwrap(), kept);
    // No file: an empty list.
    let empty = keep("空", SAVED_AT, &rows[..0]);
    assert!(encode(&empty).ends_with(r#""files":[]}"#));
    assert_eq!(decode(&encode(&empty)).unwrap(), empty);
}
