//! Files handed in by the user: told apart by what they hold, refused with a message that names
//! the file; and many of them checked at once (the supervisor's batch check).

#[path = "common/csv.rs"]
mod csv;

use csv::read_csv;
use nianbao_report::drafts::{self, DraftEnvelope};
use nianbao_report::export::json;
use nianbao_report::import::file::{read_file, FileContent};
use nianbao_report::Rule;
use nianbao_report::{AgencyKind, Report};

fn county() -> Report {
    let mut report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
    report.requests.row_mut("1")[0] = Some(705);
    report
}

#[test]
fn files_are_read_as_reports_or_refused_by_what_they_are() {
    let report = county();
    let text = json::to_json(&report);
    assert_eq!(
        read_file("a.json", text.as_bytes()),
        Ok(FileContent::Report(Box::new(report.clone())))
    );
    // With a byte-order mark, as Windows editors save it.
    let with_bom = format!("\u{feff}{text}");
    assert!(matches!(
        read_file("a.json", with_bom.as_bytes()),
        Ok(FileContent::Report(_))
    ));
    // A stored draft (the "download raw" of the list) imports as its report.
    let draft = drafts::encode(&DraftEnvelope::new("d1", "tab", report.clone()));
    assert_eq!(
        read_file("raw.json", draft.as_bytes()),
        Ok(FileContent::Report(Box::new(report)))
    );
    // Text or HTML goes to the published-report import.
    assert!(matches!(
        read_file(
            "page.html",
            "<html><body>一、总体情况</body></html>".as_bytes()
        ),
        Ok(FileContent::Published(_))
    ));

    let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    let error = read_file("截图.json", &png).unwrap_err();
    assert!(error.zh.contains("“截图.json”是PNG 图片"), "{}", error.zh);
    assert!(error.en.contains("a PNG image"), "{}", error.en);
    let error = read_file("报告.docx", b"PK\x03\x04rest").unwrap_err();
    assert!(error.zh.contains("Office 文档"), "{}", error.zh);
    let error = read_file("gbk.txt", &[0xc4, 0xea, 0xb1, 0xa8]).unwrap_err();
    assert!(error.zh.contains("不是 UTF-8"), "{}", error.zh);
    let error = read_file(
        "bad.json",
        b"{\"format\": \"nianbao-report\",\n  \"schema_version\": 1,,}",
    )
    .unwrap_err();
    assert!(error.zh.contains("第2行"), "{}", error.zh);
    let newer = text.replace("\"schema_version\": 1", "\"schema_version\": 7");
    let error = read_file("new.json", newer.as_bytes()).unwrap_err();
    assert!(error.zh.contains("版本 7"), "{}", error.zh);
    let empty = read_file("empty.json", b"  \n").unwrap_err();
    assert!(empty.zh.contains("是空的"), "{}", empty.zh);
}

// ---------------------------------------------------------------------------------------------
// Batch check
// ---------------------------------------------------------------------------------------------

use nianbao_report::batch::{self, BatchRow, Source};
use nianbao_report::compare::{year_over_year, Change};
use nianbao_report::import::import_published;
use nianbao_report::model::{CellValue, Place};
use nianbao_report::summary::{check_summary, sum_reports};
use nianbao_report::{SectionId, Severity};
use std::path::PathBuf;

const SEED: &str = include_str!("fixtures/erdun-2023.txt");

fn seed() -> Report {
    match import_published(SEED) {
        Ok(imported) => imported.report,
        Err(e) => panic!("seed import failed: {e}"),
    }
}

/// The seed moved to 2024 with two requests carried over from 2023, which the seed (2023)
/// did not carry to the next year: an X-carry-over mismatch.
fn seed_next_year() -> Report {
    let mut report = seed();
    report.meta.year = 2024;
    report.requests.row_mut("2")[0] = Some(2);
    report.requests.row_mut("2")[6] = Some(2);
    report
}

fn rows_of(files: &[(&str, Vec<u8>)]) -> Vec<BatchRow> {
    files
        .iter()
        .map(|(name, bytes)| batch::check_file(name, bytes))
        .collect()
}

#[test]
fn a_batch_reads_every_kind_of_file_and_says_why_one_is_unread() {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("erdun.txt", SEED.as_bytes().to_vec()),
        ("erdun.json", json::to_json(&seed()).into_bytes()),
        (
            "erdun.html",
            nianbao_report::export::html::render(&seed()).into_bytes(),
        ),
        (
            "shot.png",
            vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a],
        ),
        ("broken.json", b"{\"format\": \"nianbao-report\",".to_vec()),
        ("notes.txt", "今天天气很好。".as_bytes().to_vec()),
    ];
    let rows = rows_of(&files);
    assert_eq!(rows.len(), 6);
    for row in &rows[..3] {
        let checked = row
            .checked()
            .unwrap_or_else(|| panic!("{} unread", row.file_name));
        assert_eq!(
            checked.report.meta.agency, "额尔敦街道",
            "{}",
            row.file_name
        );
        assert_eq!(checked.report.meta.year, 2023);
        assert_eq!(checked.count(Severity::Error), 0, "{:?}", checked.findings);
    }
    assert_eq!(rows[0].checked().map(|c| c.source), Some(Source::Published));
    assert_eq!(rows[1].checked().map(|c| c.source), Some(Source::Json));
    // The seed's name says plainly that it is a street office: its text import has nothing to
    // note, and the JSON has no import notes at all.
    assert_eq!(rows[0].checked().unwrap().notes, []);
    assert_eq!(rows[1].checked().unwrap().notes, []);
    let problem = |i: usize| rows[i].outcome.as_ref().unwrap_err().zh.clone();
    assert!(
        problem(3).contains("“shot.png”是PNG 图片"),
        "{}",
        problem(3)
    );
    assert!(problem(4).contains("broken.json"), "{}", problem(4));
    assert!(problem(5).contains("未能作为年报读取"), "{}", problem(5));
}

#[test]
fn a_batch_checks_blank_cells_as_errors_because_it_checks_what_is_published() {
    let mut report = seed();
    report.requests.row_mut("3.7")[0] = None;
    let rows = rows_of(&[("blank.json", json::to_json(&report).into_bytes())]);
    let checked = rows[0].checked().unwrap();
    assert!(
        checked
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.place.id().contains("3.7")),
        "{:?}",
        checked.findings
    );
}

#[test]
fn last_years_report_in_the_batch_is_used_for_the_cross_year_rules() {
    let mut rows = rows_of(&[
        ("2024.json", json::to_json(&seed_next_year()).into_bytes()),
        ("2023.json", json::to_json(&seed()).into_bytes()),
    ]);
    let carry_over = |rows: &[BatchRow]| {
        rows[0]
            .checked()
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == Rule::XCarryOver)
    };
    assert!(!carry_over(&rows));
    batch::link_last_years(&mut rows);
    assert_eq!(
        rows[0].checked().unwrap().last_year_file.as_deref(),
        Some("2023.json")
    );
    assert!(
        carry_over(&rows),
        "{:?}",
        rows[0].checked().unwrap().findings
    );
    // 2023 has no 2022 in the batch.
    assert_eq!(rows[1].checked().unwrap().last_year_file, None);
}

#[test]
fn the_batch_table_as_csv_reads_back_in_a_spreadsheet_with_its_chinese() {
    let mut odd = seed();
    odd.meta.agency = "=HYPERLINK(\"x\")某局, \"办公室\"".into();
    let rows = rows_of(&[
        ("额尔敦.txt", SEED.as_bytes().to_vec()),
        ("odd.json", json::to_json(&odd).into_bytes()),
        (
            "shot.png",
            vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a],
        ),
    ]);
    let csv = batch::to_csv(&rows, false);
    let body = csv.strip_prefix('\u{feff}').expect("UTF-8 byte-order mark");
    let table = read_csv(body);
    assert_eq!(table.len(), 4);
    assert_eq!(table[0][..4], ["序号", "文件", "机关", "年度"]);
    assert_eq!(table[1][1..4], ["额尔敦.txt", "额尔敦街道", "2023"]);
    // A formula stays text; the comma and quotes stay inside their cell.
    assert_eq!(table[2][2], "'=HYPERLINK(\"x\")某局, \"办公室\"");
    assert!(table[3][8].contains("PNG"), "{:?}", table[3]);
    // Findings are listed in the cell, one per line.
    let errors: usize = table[2][4].parse().unwrap();
    assert_eq!(
        table[2][8].lines().count(),
        rows[1].checked().unwrap().findings.len()
    );
    assert_eq!(errors, rows[1].checked().unwrap().count(Severity::Error));
    let english = batch::to_csv(&rows, true);
    assert!(english.contains("\"Agency\""));
}

#[test]
fn the_batch_table_prints_as_a_page_with_user_text_escaped() {
    let mut hostile = seed();
    hostile.meta.agency = "<script>alert(1)</script>".into();
    let rows = rows_of(&[("h.json", json::to_json(&hostile).into_bytes())]);
    let html = batch::to_html(&rows, false, "2026-11-29 <b>");
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("2026-11-29 &lt;b&gt;"));
    assert!(html.contains("<th>机关</th>"));
}

#[test]
fn the_fixtures_are_checked_in_one_batch() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    let rows: Vec<BatchRow> = files.iter().map(|(n, b)| batch::check_file(n, b)).collect();
    assert_eq!(rows.len(), 5);
    let by_name = |name: &str| {
        rows.iter()
            .find(|r| r.file_name == name)
            .and_then(BatchRow::checked)
            .unwrap_or_else(|| panic!("{name} unread"))
    };
    // 发改局 2023 left five columns of table 三 blank (125 cells): errors in a published report,
    // one per column.
    let fagaiju = by_name("shuyang-fagaiju-2023.txt");
    let blank_columns = fagaiju
        .findings
        .iter()
        .filter(|f| f.rule == Rule::CBlank && f.severity == Severity::Error)
        .count();
    assert_eq!(blank_columns, 5, "{:?}", fagaiju.findings);
    assert_eq!(by_name("shuyang-county-2025.txt").report.meta.year, 2025);
    // The 2019-format report says so in its notes.
    assert!(by_name("dizhang-street-2023-partial-2019-format.txt")
        .notes
        .iter()
        .any(|n| n.rule == Rule::SOldFormat));
}

// ---------------------------------------------------------------------------------------------
// Summary report (汇总) and H-sum
// ---------------------------------------------------------------------------------------------

fn unit(name: &str, received: u64, licences: u64) -> Report {
    let mut report = seed();
    report.meta.agency = name.into();
    report.requests.row_mut("1")[0] = Some(received);
    report
        .active
        .counts_mut(nianbao_report::format::ActiveRowId::Licensing)[0] = Some(licences);
    report
}

#[test]
fn a_summary_of_three_units_has_their_sums_and_passes_h_sum_until_a_unit_changes() {
    let units = [unit("甲镇", 3, 8), unit("乙镇", 5, 1), unit("丙局", 0, 4)];
    let refs: Vec<&Report> = units.iter().collect();
    let summary = sum_reports(&refs, "某县人民政府", AgencyKind::CountyGov, 2023);
    assert_eq!(summary.units, ["甲镇", "乙镇", "丙局"]);
    assert_eq!(
        summary.report.sections.get(SectionId::Other),
        "本报告统计数据由以下3个单位的政府信息公开工作年度报告汇总：甲镇、乙镇、丙局。"
    );
    let received = Place::Request {
        row: nianbao_report::format::request_row("1"),
        column: 0,
    };
    assert_eq!(
        summary.report.cell(&received),
        Some(CellValue::Count(Some(8)))
    );
    assert_eq!(summary.report.requests.row("1")[0], Some(8));
    assert!(check_summary(&summary.report, &refs).is_empty());

    let changed = [unit("甲镇", 3, 8), unit("乙镇", 7, 1), unit("丙局", 0, 4)];
    let refs: Vec<&Report> = changed.iter().collect();
    let findings = check_summary(&summary.report, &refs);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let finding = &findings[0];
    assert_eq!(finding.rule, Rule::HSum);
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.place, received);
    assert!(
        finding
            .message
            .zh
            .contains("汇总报告为8，各单位合计为10，相差2"),
        "{}",
        finding.message.zh
    );
    assert!(
        finding.message.zh.contains("乙镇 7"),
        "{}",
        finding.message.zh
    );
}

// ---------------------------------------------------------------------------------------------
// Year over year
// ---------------------------------------------------------------------------------------------

#[test]
fn year_over_year_shows_each_cell_with_last_year_and_the_carry_over_mismatch() {
    let (this, last) = (seed_next_year(), seed());
    let view = year_over_year(&this, &last);
    let carried = view
        .cells
        .iter()
        .find(|c| {
            c.place
                == Place::Request {
                    row: nianbao_report::format::request_row("2"),
                    column: 0,
                }
        })
        .expect("三(二) 自然人 is compared");
    assert_eq!(carried.this_year, Some(CellValue::Count(Some(2))));
    assert_eq!(carried.last_year, Some(CellValue::Count(Some(0))));
    assert_eq!(carried.change, Change::Up(2));
    assert_eq!(carried.change.text_zh(), "+2");
    let licences = view
        .cells
        .iter()
        .find(|c| c.place.cell_name().is_some_and(|n| n.contains("行政许可")))
        .expect("行政许可 is compared");
    assert_eq!(licences.change, Change::Same);
    // All of 二's, 三's (25×7) and 四's cells.
    assert!(view.cells.len() > 175 + 15, "{}", view.cells.len());
    let carry_over: Vec<_> = view
        .findings
        .iter()
        .filter(|f| f.rule == Rule::XCarryOver)
        .collect();
    // Column 自然人 and the total column.
    assert_eq!(carry_over.len(), 2, "{:?}", view.findings);
    // The same text both years: everything repeats, and every passage is last year's text.
    assert!(
        view.whole_percent.is_some_and(|p| p > 90),
        "{:?}",
        view.whole_percent
    );
    assert!(view.findings.iter().any(|f| f.rule == Rule::TRepeat));
    let overview = &view.sections[0];
    assert_eq!(overview.section, SectionId::Overview);
    let text = this.sections.get(SectionId::Overview);
    assert!(!overview.passages.is_empty());
    for passage in &overview.passages {
        let repeated = &text[passage.clone()];
        assert!(
            last.sections
                .get(SectionId::Overview)
                .contains(repeated.trim()),
            "{repeated}"
        );
    }
}

#[test]
fn a_rewritten_section_has_no_repeated_passage_and_an_edited_one_only_the_kept_part() {
    let last = seed();
    let mut this = seed_next_year();
    this.sections.set(
        SectionId::Problems,
        "今年新建了依申请公开台账制度，逐件登记办理期限。",
    );
    let kept = "严格落实政府信息公开保密审查制度";
    this.sections.set(
        SectionId::Other,
        format!("全新的开头一段话没有见过。{kept}"),
    );
    let mut last = last;
    last.sections
        .set(SectionId::Other, format!("去年写的别的内容。{kept}。"));
    let view = year_over_year(&this, &last);
    let problems = view
        .sections
        .iter()
        .find(|s| s.section == SectionId::Problems)
        .unwrap();
    assert!(problems.passages.is_empty(), "{:?}", problems.passages);
    assert_eq!(view.problems_percent, Some(0));
    let other = view
        .sections
        .iter()
        .find(|s| s.section == SectionId::Other)
        .unwrap();
    let text = this.sections.get(SectionId::Other);
    let found: Vec<&str> = other.passages.iter().map(|p| &text[p.clone()]).collect();
    assert_eq!(found, [kept]);
}

#[test]
fn the_comparison_table_shows_both_years_and_the_change_in_each_cell_and_marks_passages() {
    let (this, last) = (seed_next_year(), seed());
    let view = year_over_year(&this, &last);
    let html = nianbao_report::compare::comparison_table_html(&view, SectionId::Requests, false);
    assert!(html.contains("<span class=\"this-year\">2</span><span class=\"last-year\">0</span><span class=\"change up\">+2</span>"), "{html}");
    assert_eq!(html.matches("class=\"this-year\"").count(), 175);
    let marked = nianbao_report::compare::marked_text_html("a<b>重复的文字", &[1..2, 4..10]);
    assert_eq!(marked, "a<mark>&lt;</mark>b&gt;<mark>重复</mark>的文字");
    // A range that does not fall on characters is left unmarked rather than cut.
    let cut_inside_a_character = std::ops::Range { start: 1, end: 3 };
    let marked = nianbao_report::compare::marked_text_html(
        "重复",
        std::slice::from_ref(&cut_inside_a_character),
    );
    assert_eq!(marked, "重复");
}
