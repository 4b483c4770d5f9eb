//! Importing published reports: the seed and the real reports of tests/fixtures, a page's HTML
//! built from real numbers,
//! a PDF-like copy, and hostile input.

mod common;
use common::{fixture, hostile};
use nianbao_report::Rule;

use nianbao_report::format::{
    self, request_row, AgencyKind, SectionId, ACTIVE_BANDS, ACTIVE_ITEM_HEADER, APPEAL_COLUMNS,
    APPEAL_GROUPS, APPEAL_REVIEW_HEADER, APPEAL_SUIT_HEADER, REQUEST_COLUMNS, REQUEST_CORNER_NOTE,
    REQUEST_ROWS, RESULT_GROUP_LABEL, SECTIONS,
};
use nianbao_report::import::{import_published, notes, Imported};
use nianbao_report::model::{Count, Decimal, Place, Report};
use nianbao_report::Finding;

const SEED: &str = include_str!("fixtures/erdun-2023.txt");

fn import(text: &str) -> Imported {
    match import_published(text) {
        Ok(imported) => imported,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn row(report: &Report, key: &str) -> [Count; 7] {
    *report.requests.row(key)
}

fn notes_with(imported: &Imported, rule: Rule) -> Vec<&Finding> {
    imported.notes.iter().filter(|n| n.rule == rule).collect()
}

fn all_counts(report: &Report) -> Vec<Count> {
    let mut cells: Vec<Count> = report.requests.0.iter().flatten().copied().collect();
    cells.extend(report.appeals.0.iter().flatten().copied());
    let a = &report.active;
    cells.extend(a.regulations);
    cells.extend(a.normative_documents);
    cells.extend([a.licensing, a.punishment, a.enforcement]);
    cells
}

/// The seed's text between two headings, as the file has it.
fn seed_text(from: SectionId, to: Option<SectionId>) -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    let at = |id: SectionId| {
        lines
            .iter()
            .position(|l| *l == format::section(id).heading)
            .unwrap_or_else(|| panic!("seed has no heading for {id:?}"))
    };
    let end = to.map_or(lines.len(), at);
    lines[at(from) + 1..end].join("\n")
}

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

#[test]
fn seed_imports_whole() {
    let imported = import(SEED);
    let report = &imported.report;
    assert_eq!(report.meta.year, 2023);
    assert!(
        report.meta.agency.contains("额尔敦街道"),
        "{}",
        report.meta.agency
    );
    assert_eq!(report.meta.agency_kind, AgencyKind::Township);

    // The preamble paragraph goes at the start of 一, then 一's own text, as published.
    let preamble = SEED.lines().next().unwrap_or_default();
    assert_eq!(
        report.sections.get(SectionId::Overview),
        format!(
            "{preamble}\n{}",
            seed_text(SectionId::Overview, Some(SectionId::Active))
        )
    );
    assert_eq!(
        report.sections.get(SectionId::Problems),
        seed_text(SectionId::Problems, Some(SectionId::Other))
    );
    assert_eq!(
        report.sections.get(SectionId::Other),
        "本年度未收取政府信息公开信息处理费,无其他说明事项。"
    );
    // The period line and the tables are no text of 二, 三, 四.
    for id in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
        assert_eq!(report.sections.get(id), "", "{id:?}");
    }

    // Exactly the seed's numbers: 行政许可 8, every other cell 0, no blank.
    assert_eq!(report.active.licensing, Some(8));
    assert_eq!(report.active.fees, Some(Decimal("0".into())));
    let counts = all_counts(report);
    assert_eq!(counts.len(), 175 + 15 + 9);
    assert_eq!(
        counts.iter().filter(|c| **c == Some(0)).count(),
        counts.len() - 1
    );
    assert_eq!(counts.iter().filter(|c| **c == Some(8)).count(), 1);

    // Nothing to note: every cell read, and 额尔敦街道 is plainly a street office.
    assert_eq!(imported.notes, [], "{:#?}", imported.notes);
}

// ---------------------------------------------------------------------------------------------
// Real reports of tests/fixtures
// ---------------------------------------------------------------------------------------------

#[test]
fn shuyang_county_2025_from_ocr_markdown() {
    let text = fixture("shuyang-county-2025.txt");
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(report.meta.year, 2025);
    assert_eq!(report.meta.agency, "沭阳县人民政府", "OCR's 沐阳 corrected");
    assert_eq!(report.meta.agency_kind, AgencyKind::CountyGov);
    assert_eq!(report.meta.published_on.as_deref(), Some("2026-01-23"));
    assert_eq!(notes_with(&imported, notes::OCR_FIX).len(), 1);

    // The key numbers (README), then every row whose columns were 数据1…数据6.
    assert_eq!(row(report, "1")[6], Some(713));
    assert_eq!(row(report, "2")[6], Some(36));
    assert_eq!(row(report, "3.7")[6], Some(718));
    assert_eq!(row(report, "4")[6], Some(31));
    let some = |v: [u64; 7]| v.map(Some);
    assert_eq!(row(report, "1"), some([705, 3, 0, 0, 5, 0, 713]));
    assert_eq!(row(report, "2"), some([36, 0, 0, 0, 0, 0, 36]));
    assert_eq!(row(report, "3.1"), some([290, 1, 0, 0, 3, 0, 294]));
    assert_eq!(row(report, "3.2"), some([99, 0, 0, 0, 2, 0, 101]));
    assert_eq!(row(report, "3.3.5"), some([13, 0, 0, 0, 0, 0, 13]));
    assert_eq!(row(report, "3.3.8"), some([9, 0, 0, 0, 0, 0, 9]));
    assert_eq!(row(report, "3.4.1"), some([111, 0, 0, 0, 0, 0, 111]));
    assert_eq!(row(report, "3.5.2"), some([6, 1, 0, 0, 0, 0, 7]));
    assert_eq!(row(report, "3.6.1"), some([9, 0, 0, 0, 0, 0, 9]));
    // Under a header row of other words (项目 | 本年新收件数 | …): placed by position.
    assert_eq!(row(report, "3.6.2"), some([7, 0, 0, 0, 0, 0, 7]));
    assert_eq!(row(report, "3.6.3"), some([142, 1, 0, 0, 0, 0, 143]));
    assert_eq!(row(report, "3.7"), some([710, 3, 0, 0, 5, 0, 718]));
    assert_eq!(row(report, "4"), some([31, 0, 0, 0, 0, 0, 31]));
    assert!(all_counts(report).iter().all(Option::is_some));

    let a = &report.active;
    assert_eq!(a.regulations, [Some(0); 3]);
    assert_eq!(a.normative_documents, [Some(6), Some(1), Some(32)]);
    assert_eq!(
        (a.licensing, a.punishment, a.enforcement),
        (Some(517645), Some(693957), Some(2154))
    );
    assert_eq!(a.fees, Some(Decimal("4068.208".into())));
    assert_eq!(
        report.appeals.0,
        [
            [27, 10, 9, 15, 61].map(Some),
            [3, 0, 0, 0, 3].map(Some),
            [8, 0, 1, 1, 10].map(Some),
        ]
    );

    // Broken lines of the PDF joined, markdown marks gone, signature not kept as text.
    let overview = report.sections.get(SectionId::Overview);
    assert!(
        overview.contains("努力让政务信息“看得懂、用得上、易监督”。"),
        "{overview}"
    );
    assert!(overview.starts_with("依据《中华人民共和国政府信息公开条例》"));
    assert!(!overview.contains('#'));
    let problems = report.sections.get(SectionId::Problems);
    assert!(
        problems.starts_with("2025 年，我县县政府信息公开工作"),
        "{problems}"
    );
    let other = report.sections.get(SectionId::Other);
    assert!(other.ends_with("其中民政局1件，收取380元。"), "{other}");
    for id in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
        assert_eq!(report.sections.get(id), "", "{id:?}");
    }
    assert!(notes_with(&imported, notes::MISSING).is_empty());
    assert!(notes_with(&imported, notes::UNREAD).is_empty());
}

#[test]
fn shuyang_fagaiju_2023_keeps_blank_cells_blank() {
    let text = fixture("shuyang-fagaiju-2023.txt");
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(report.meta.year, 2023);
    assert_eq!(report.meta.agency, "沭阳县发展和改革局");
    assert_eq!(report.meta.agency_kind, AgencyKind::Department);
    assert_eq!(
        report.meta.title,
        "沭阳县发展和改革局2023年政府信息公开年度报告"
    );
    assert_eq!(report.meta.published_on.as_deref(), Some("2024-01-17"));

    let blank_row = |n: u64| [Some(n), None, None, None, None, None, Some(n)];
    assert_eq!(row(report, "1"), blank_row(26));
    assert_eq!(row(report, "2"), blank_row(0));
    assert_eq!(row(report, "3.1"), blank_row(26));
    assert_eq!(row(report, "3.7"), blank_row(26));
    assert_eq!(row(report, "4"), blank_row(0));
    // Exactly the five 法人 columns are blank: 25 × 5 = 125 cells.
    let blanks: Vec<(usize, usize)> = report
        .requests
        .0
        .iter()
        .enumerate()
        .flat_map(|(r, cells)| {
            cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_none())
                .map(move |(c, _)| (r, c))
        })
        .collect();
    assert_eq!(blanks.len(), 125);
    assert!(blanks
        .iter()
        .all(|(_, c)| format::REQUEST_ORGANISATION_COLUMNS.contains(c)));

    // 「规范性文件」 is 行政规范性文件.
    assert_eq!(
        report.active.normative_documents,
        [Some(8), Some(0), Some(18)]
    );
    assert_eq!(report.active.fees, Some(Decimal("0".into())));
    assert_eq!(report.appeals.0[0], [0, 0, 0, 1, 1].map(Some));
    assert_eq!(report.appeals.0[1], [Some(0); 5]);
    assert_eq!(report.appeals.0[2], [Some(0); 5]);

    // 「存在的主要问题及整改措施」 is section 五; the signature is not text of 六.
    assert!(report
        .sections
        .get(SectionId::Problems)
        .starts_with("（一）存在的主要问题。"));
    assert_eq!(
        report.sections.get(SectionId::Other),
        "2023年度，县发展和改革局政府信息公开未发生收费情况。"
    );
    let overview = report.sections.get(SectionId::Overview);
    assert!(
        overview.starts_with("根据《中华人民共和国政府信息公开条例》"),
        "{overview}"
    );
    assert!(!overview.contains("采集时间"), "page metadata is no text");
    assert!(notes_with(&imported, notes::MISSING).is_empty());
    assert!(notes_with(&imported, notes::SECTION_MISSING).is_empty());
}

#[test]
fn guanzhou_partial_says_where_it_ends() {
    let text = fixture("guanzhou-street-2023-partial.txt");
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(row(report, "1")[0], Some(1));
    assert_eq!(row(report, "1")[6], Some(1));
    assert_eq!(report.active.punishment, Some(1472));
    assert_eq!(report.meta.year, 2023);
    // The last row was cut after six columns: what was read is kept, nothing is invented.
    assert_eq!(row(report, "3.3.6")[0], Some(0));
    assert_eq!(row(report, "3.3.6")[6], None);
    for key in ["3.3.7", "3.5.1", "3.7", "4"] {
        assert_eq!(row(report, key), [None; 7], "{key}");
    }
    assert_eq!(report.appeals.0, [[None; 5]; 3]);

    let missing = notes_with(&imported, notes::MISSING);
    assert_eq!(missing.len(), 1, "{:#?}", imported.notes);
    let zh = &missing[0].message.zh;
    assert!(zh.contains("表三「三(三)6」行"), "{zh}");
    assert!(zh.contains("只读到前6列"), "{zh}");
    let short = |key: &str| REQUEST_ROWS[request_row(key)].short;
    for key in ["3.3.7", "3.3.8", "3.4.1", "3.6.3", "3.7", "4"] {
        assert!(zh.contains(short(key)), "{zh} lacks {key}");
    }
    assert!(zh.contains(format::section(SectionId::Other).heading));
    assert!(missing[0].message.en.contains("table 3, row 三(三)6"));

    // Cut right after a row's label (尼勒克县's 镇 2023, a cell per line between lines of a
    // lone 「|」): the note says the label alone was read, not 「前0列」.
    let cut = text
        .split_once("4.保护第三方合法权益")
        .map(|(before, _)| format!("{before}4.保护第三方合法权益"))
        .expect("the fixture has row 三(三)4");
    let imported = import(&cut);
    let missing = notes_with(&imported, notes::MISSING);
    let zh = &missing[0].message.zh;
    assert!(zh.contains("表三「三(三)4」行（只读到行名）"), "{zh}");
    assert!(!zh.contains("前0列"), "{zh}");
    assert!(missing[0]
        .message
        .en
        .contains("row 三(三)4 (its label only)"));
}

/// A text that names no agency but 「我镇」 (尼勒克县's 镇 2023: 「现结合我镇实际」) leaves the
/// agency to be typed, instead of inferring 「现结合我镇」.
#[test]
fn a_report_speaking_of_itself_names_no_agency() {
    let imported = import(
        "一、总体情况\n2023年，现结合我镇实际，认真做好政府信息公开工作。\n六、其他需要报告的事项\n未收取信息处理费。",
    );
    assert_eq!(imported.report.meta.agency, "");
}

#[test]
fn dizhang_partial_2019_format_is_noted() {
    let text = fixture("dizhang-street-2023-partial-2019-format.txt");
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(report.meta.agency, "西咸新区底张街道办事处");
    assert_eq!(report.meta.year, 2023);
    let old = notes_with(&imported, notes::OLD_FORMAT);
    assert_eq!(old.len(), 1, "{:#?}", imported.notes);
    let zh = &old[0].message.zh;
    for word in [
        "本年新制作数量",
        "对外公开总数量",
        "本年新公开数量",
        "上一年项目数量",
    ] {
        assert!(zh.contains(word), "{zh} lacks {word}");
    }
    // 本年新制作数量 → 本年制发件数 and 处理决定数量 → 本年处理决定数量 carry over; the rest of
    // the 2021 columns stay blank.
    assert_eq!(report.active.regulations, [Some(0), None, None]);
    assert_eq!(report.active.normative_documents, [Some(0), None, None]);
    assert_eq!(report.active.licensing, Some(0));
    assert_eq!(report.active.punishment, None);
    assert!(report.requests.0.iter().flatten().all(Option::is_none));
    assert_eq!(notes_with(&imported, notes::MISSING).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// A page's HTML with rowspan and colspan, built from real numbers (沭阳县人民政府 2025, with a
// few cells blanked)
// ---------------------------------------------------------------------------------------------

const SHUYANG_ROWS: [[u64; 7]; 25] = [
    [705, 3, 0, 0, 5, 0, 713],
    [36, 0, 0, 0, 0, 0, 36],
    [290, 1, 0, 0, 3, 0, 294],
    [99, 0, 0, 0, 2, 0, 101],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [2, 0, 0, 0, 0, 0, 2],
    [2, 0, 0, 0, 0, 0, 2],
    [13, 0, 0, 0, 0, 0, 13],
    [2, 0, 0, 0, 0, 0, 2],
    [4, 0, 0, 0, 0, 0, 4],
    [9, 0, 0, 0, 0, 0, 9],
    [111, 0, 0, 0, 0, 0, 111],
    [2, 0, 0, 0, 0, 0, 2],
    [0, 0, 0, 0, 0, 0, 0],
    [12, 0, 0, 0, 0, 0, 12],
    [6, 1, 0, 0, 0, 0, 7],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [9, 0, 0, 0, 0, 0, 9],
    [7, 0, 0, 0, 0, 0, 7],
    [142, 1, 0, 0, 0, 0, 143],
    [710, 3, 0, 0, 5, 0, 718],
    [31, 0, 0, 0, 0, 0, 31],
];

/// The expected table 三: the real numbers with the 科研机构 column blank (printed blank three
/// different ways in the page).
fn shuyang_requests() -> [[Count; 7]; 25] {
    SHUYANG_ROWS.map(|r| {
        let mut cells = r.map(Some);
        cells[2] = None;
        cells
    })
}

fn td(text: &str, attrs: &str) -> String {
    format!("<td{attrs}><p style=\"text-align:center\"><span>{text}</span></p></td>")
}

/// The official layout of the three tables as a government site prints them.
fn official_html() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>沭阳县人民政府2025年政府信息公开工作年度报告_沭阳县人民政府</title>\
         <script>var h = '<p>一、总体情况</p>'; if (a<b) {}</script><style>td{border:1px}</style></head><body>\
         <table class=\"layout\"><tr><td>\
         <h1>沭阳县人民政府2025年政府信息公开工作年度报告</h1>\
         <p>依据《中华人民共和国政府信息公开条例》规定，编制本报告。</p>",
    );
    for def in &SECTIONS {
        html.push_str(&format!("<p><strong>{}</strong></p>", def.heading));
        match def.id {
            SectionId::Overview => html.push_str(
                "<p>（一）主动公开</p><p>全年主动公开政府信息4511条。</p>",
            ),
            SectionId::Active => {
                html.push_str(&format!("<p>{}</p><table border=\"1\">", format::statistics_period(2025)));
                let values: [&[&str]; 4] = [&["0", "0", "0", "6", "1", "32"], &["517,645"], &["６９３９５７", "2154"], &["4068.208"]];
                for (band, values) in ACTIVE_BANDS.iter().zip(values) {
                    let columns = band.kind.columns();
                    let width = 3 / columns.len();
                    html.push_str(&format!("<tr>{}</tr><tr>{}", td(band.article, " colspan=\"4\""), td(ACTIVE_ITEM_HEADER, "")));
                    for (_, label) in columns {
                        html.push_str(&td(label, &format!(" colspan=\"{width}\"")));
                    }
                    html.push_str("</tr>");
                    for (i, row) in band.rows.iter().enumerate() {
                        html.push_str(&format!("<tr>{}", td(row.label, "")));
                        for c in 0..columns.len() {
                            html.push_str(&td(values[i * columns.len() + c], &format!(" colspan=\"{width}\"")));
                        }
                        html.push_str("</tr>");
                    }
                }
                html.push_str("</table>");
            }
            SectionId::Requests => {
                html.push_str("<table border=\"1\"><tbody>");
                html.push_str(&format!(
                    "<tr>{}{}</tr><tr>{}{}{}</tr><tr>",
                    td(REQUEST_CORNER_NOTE, " colspan=\"3\" rowspan=\"3\""),
                    td("申请人情况", " colspan=\"7\""),
                    td(REQUEST_COLUMNS[0].label, " rowspan=\"2\""),
                    td(format::REQUEST_ORGANISATION_HEADER, " colspan=\"5\""),
                    td(REQUEST_COLUMNS[6].label, " rowspan=\"2\""),
                ));
                for column in &REQUEST_COLUMNS[1..6] {
                    html.push_str(&td(column.label, ""));
                }
                html.push_str("</tr>");
                for (index, def) in REQUEST_ROWS.iter().enumerate() {
                    html.push_str("<tr>");
                    if index == request_row("3.1") {
                        html.push_str(&td(RESULT_GROUP_LABEL, " rowspan=\"22\""));
                    }
                    match def.category {
                        Some(category) => {
                            let first = REQUEST_ROWS.iter().position(|r| r.category.is_some_and(|c| c.key == category.key));
                            if first == Some(index) {
                                let count = REQUEST_ROWS.iter().filter(|r| r.category.is_some_and(|c| c.key == category.key)).count();
                                html.push_str(&td(category.label, &format!(" rowspan=\"{count}\"")));
                            }
                            html.push_str(&td(def.label, ""));
                        }
                        None if def.in_results => html.push_str(&td(def.label, " colspan=\"2\"")),
                        None => html.push_str(&td(def.label, " colspan=\"3\"")),
                    }
                    for (column, value) in SHUYANG_ROWS[index].iter().enumerate() {
                        // Blank printed as nothing, as &nbsp; and as a dash.
                        let text = match (column, index % 3) {
                            (2, 0) => String::new(),
                            (2, 1) => "&nbsp;".to_owned(),
                            (2, _) => "—".to_owned(),
                            _ => value.to_string(),
                        };
                        html.push_str(&td(&text, ""));
                    }
                    html.push_str("</tr>");
                }
                html.push_str("</tbody></table>");
            }
            SectionId::Appeals => {
                html.push_str(&format!(
                    "<table border=\"1\"><tr>{}{}</tr><tr>",
                    td(APPEAL_REVIEW_HEADER, " colspan=\"5\""),
                    td(APPEAL_SUIT_HEADER, " colspan=\"10\"")
                ));
                for column in &APPEAL_COLUMNS {
                    html.push_str(&td(column.label, " rowspan=\"2\""));
                }
                for group in &APPEAL_GROUPS[1..] {
                    html.push_str(&td(group.label, " colspan=\"5\""));
                }
                html.push_str("</tr><tr>");
                for _ in 0..2 {
                    for column in &APPEAL_COLUMNS {
                        html.push_str(&td(column.label, ""));
                    }
                }
                html.push_str("</tr><tr>");
                for value in [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10] {
                    html.push_str(&td(&value.to_string(), ""));
                }
                html.push_str("</tr></table><p>注：行政复议、行政诉讼数量含上年度结转数量。</p>");
            }
            SectionId::Problems => html.push_str("<p>一是政策解读多样性需进一步加强。</p>"),
            SectionId::Other => html.push_str(
                "<p>全县行政机关收取信息处理费共计380元。</p><p style=\"text-align:right\">沭阳县人民政府</p><p>2026年1月23日</p>",
            ),
        }
    }
    html.push_str("</td></tr></table></body></html>");
    html
}

#[test]
fn html_page_with_spans_reads_like_the_text() {
    let imported = import(&official_html());
    let report = &imported.report;
    assert_eq!(report.requests.0, shuyang_requests());
    assert_eq!(report.active.regulations, [Some(0); 3]);
    assert_eq!(
        report.active.normative_documents,
        [Some(6), Some(1), Some(32)]
    );
    assert_eq!(report.active.licensing, Some(517645), "thousands separator");
    assert_eq!(report.active.punishment, Some(693957), "full-width digits");
    assert_eq!(report.active.enforcement, Some(2154));
    assert_eq!(report.active.fees, Some(Decimal("4068.208".into())));
    assert_eq!(report.appeals.0[0], [27, 10, 9, 15, 61].map(Some));
    assert_eq!(report.appeals.0[2], [8, 0, 1, 1, 10].map(Some));

    assert_eq!(report.meta.agency, "沭阳县人民政府");
    assert_eq!(report.meta.year, 2025);
    assert_eq!(report.meta.published_on.as_deref(), Some("2026-01-23"));
    assert_eq!(
        report.sections.get(SectionId::Overview),
        "依据《中华人民共和国政府信息公开条例》规定，编制本报告。\n（一）主动公开\n全年主动公开政府信息4511条。"
    );
    assert_eq!(
        report.sections.get(SectionId::Appeals),
        "注：行政复议、行政诉讼数量含上年度结转数量。"
    );
    assert_eq!(
        report.sections.get(SectionId::Active),
        "",
        "the period line is not kept"
    );
    assert_eq!(
        report.sections.get(SectionId::Other),
        "全县行政机关收取信息处理费共计380元。"
    );
    assert_eq!(report.meta.agency_kind, AgencyKind::CountyGov);
    assert_eq!(imported.notes, [], "{:#?}", imported.notes);
}

// ---------------------------------------------------------------------------------------------
// Page chrome: a website's menus, metadata, buttons and footer around the report
// ---------------------------------------------------------------------------------------------

/// The official page inside the chrome government sites print around an article (the shapes of
/// TRS WCM and Hanweb JCMS pages: an inline menu, a breadcrumb, a metadata table, the font-size
/// and print buttons, the attachment, the QR code and the footer).
fn page_with_chrome() -> String {
    let page = official_html();
    let body_start = page.find("<table class=\"layout\">").unwrap();
    let body_end = page.rfind("</body>").unwrap();
    let head = &page[..body_start];
    let article = &page[body_start..body_end];
    format!(
        "{head}<div class=\"top\"><a href=\"/\">无障碍浏览</a> <a>长者模式</a> <a>English</a> <a>登录</a></div>\
         <div class=\"nav\"><a>首页</a> <a>政府信息公开</a> <a>领导之窗</a> <a>政府机构</a> <a>要闻动态</a> <a>政策文件</a> <a>互动交流</a> <a>走进沭阳</a></div>\
         <div class=\"position\">当前位置：<a>首页</a> &gt; <a>政府信息公开</a> &gt; <a>法定主动公开内容</a> &gt; 政府信息公开年报</div>\
         <table class=\"xxgk_table\"><tr><td>索引号：</td><td>01398786-1/2026-00031</td><td>主题分类：</td><td>综合政务</td></tr>\
         <tr><td>发布机构：</td><td>沭阳县人民政府办公室</td><td>发文日期：</td><td>2026-01-23</td></tr></table>\
         <div class=\"info\">发布时间：2026-01-23 来源：县政府办 浏览次数：1289 字号：<a>大</a> <a>中</a> <a>小</a></div>\
         {article}\
         <div class=\"fj\"><p>附件下载：</p><p><a href=\"a.pdf\">沭阳县人民政府2025年政府信息公开工作年度报告.pdf</a></p></div>\
         <div class=\"tools\">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>\
         <div class=\"ewm\">扫一扫在手机上查看当前页面</div>\
         <div class=\"xglj\"><p>相关链接</p><p>沭阳县人民政府2024年政府信息公开工作年度报告</p></div>\
         <div class=\"footer\"><p>网站地图 | 联系我们 | 网站声明</p><p>主办单位：沭阳县人民政府办公室 承办单位：沭阳县大数据管理局</p>\
         <p>网站标识码：3213220001 苏ICP备05009489号-1 苏公网安备 32132202000123号</p></div></body></html>"
    )
}

#[test]
fn page_chrome_never_becomes_report_text() {
    let bare = import(&official_html()).report;
    let imported = import(&page_with_chrome());
    let report = &imported.report;
    for def in &SECTIONS {
        assert_eq!(
            report.sections.get(def.id),
            bare.sections.get(def.id),
            "{}",
            def.heading
        );
    }
    assert_eq!(report.requests, bare.requests);
    assert_eq!(report.meta.agency, "沭阳县人民政府");
    assert_eq!(report.meta.published_on.as_deref(), Some("2026-01-23"));
    let chrome: Vec<_> = nianbao_report::rules::check(report, nianbao_report::rules::Stage::Draft)
        .into_iter()
        .filter(|f| f.rule == Rule::TPageChrome)
        .collect();
    assert!(chrome.is_empty(), "{chrome:#?}");
}

/// A whole page selected and copied as text (Ctrl+A, Ctrl+C): the same chrome as lines.
#[test]
fn page_chrome_of_a_text_copy_is_dropped() {
    let copy = format!(
        "无障碍浏览 长者模式 English 登录\n\
         首页 政府信息公开 领导之窗 政府机构 要闻动态 政策文件 互动交流 走进锡林浩特\n\
         您现在的位置：首页 > 信息公开 > 年度报告\n\
         锡林浩特市额尔敦街道办事处2023年政府信息公开工作年度报告\n\
         发布时间：2024-01-19 来源：额尔敦街道 浏览次数：312\n\
         【字体：大 中 小】【打印本页】【关闭窗口】\n\
         {SEED}\n\
         附件下载\n\
         扫一扫在手机上查看当前页面\n\
         关闭\n\
         主办单位：锡林浩特市人民政府办公室\n\
         蒙ICP备05001234号"
    );
    let bare = import(SEED).report;
    let report = import(&copy).report;
    for def in &SECTIONS {
        assert_eq!(
            report.sections.get(def.id),
            bare.sections.get(def.id),
            "{}",
            def.heading
        );
    }
    assert_eq!(report.requests, bare.requests);
    assert_eq!(report.meta.agency, "锡林浩特市额尔敦街道办事处");
}

// ---------------------------------------------------------------------------------------------
// A PDF-like copy: a row per line with spaces, page footers, a label split over two lines
// ---------------------------------------------------------------------------------------------

#[test]
fn pdf_text_rows_footers_and_split_labels() {
    let mut text = String::from(
        "沭阳县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息4511条。\n— 2 —\n",
    );
    text.push_str(&format!(
        "{}\n",
        format::section(SectionId::Requests).heading
    ));
    for (index, def) in REQUEST_ROWS.iter().enumerate() {
        let numbers = SHUYANG_ROWS[index].map(|n| n.to_string()).join(" ");
        if let Some(category) = def.category {
            if def.key.ends_with(".1") {
                text.push_str(&format!("{}\n", category.label));
            }
        }
        if def.key == "3.6.1" {
            // The PDF broke the long label; a page footer fell between two rows.
            let middle = def.label.char_indices().nth(14).map_or(0, |(at, _)| at);
            let (first, rest) = def.label.split_at(middle);
            text.push_str(&format!("{first}\n{rest} {numbers}\n— 3 —\n"));
        } else {
            text.push_str(&format!("{} {numbers}\n", def.label));
        }
    }
    text.push_str(&format!(
        "{}\n行政复议 行政诉讼\n27 10 9 15 61 3 0 0 0 3 8 0 1 1 10\n",
        format::section(SectionId::Appeals).heading
    ));
    text.push_str("五、存在的主要问题及改进情况\n一是政策解读多样性需进一步加强。\n六、其他需要报告的事项\n未收取信息处理费。\n");
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(report.requests.0, SHUYANG_ROWS.map(|r| r.map(Some)));
    assert_eq!(report.appeals.0[1], [3, 0, 0, 0, 3].map(Some));
    assert_eq!(
        report.sections.get(SectionId::Overview),
        "全年主动公开政府信息4511条。"
    );
    // Table 二's heading is missing: noted, and its table is blank.
    assert_eq!(
        notes_with(&imported, notes::TABLE_MISSING).len(),
        1,
        "{:#?}",
        imported.notes
    );
    assert!(notes_with(&imported, notes::MISSING).is_empty());
}

/// Table 三 of 沭阳县 2025 as a PDF copy prints it, with `damage` applied to the lines of its
/// rows (label, numbers as written).
fn shuyang_pdf_with(damage: impl Fn(usize, &str, String) -> String) -> String {
    let mut text = String::from(
        "沭阳县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息4511条。\n",
    );
    text.push_str(&format!(
        "{}\n",
        format::section(SectionId::Requests).heading
    ));
    for (index, def) in REQUEST_ROWS.iter().enumerate() {
        let numbers = SHUYANG_ROWS[index].map(|n| n.to_string()).join(" ");
        if let Some(category) = def.category {
            if def.key.ends_with(".1") {
                text.push_str(&format!("{}\n", category.label));
            }
        }
        text.push_str(&damage(index, def.label, numbers));
        text.push('\n');
    }
    text.push_str(&format!(
        "{}\n行政复议 行政诉讼\n27 10 9 15 61 3 0 0 0 3 8 0 1 1 10\n五、存在的主要问题及改进情况\n一是政策解读多样性需进一步加强。\n六、其他需要报告的事项\n未收取信息处理费。\n",
        format::section(SectionId::Appeals).heading
    ));
    text
}

/// Point 5 of issue 14: a row run together with the next, or printed twice, is read back when
/// the arithmetic allows one reading only, and said so.
#[test]
fn rows_run_together_or_doubled_are_read_back_by_the_arithmetic() {
    let row_of = |key: &str| request_row(key);
    // 三(一)'s numbers and 三(二)'s on one line; 三(二)'s label alone.
    let (first, second) = (row_of("3.1"), row_of("3.2"));
    let run_together = shuyang_pdf_with(|index, label, numbers| {
        if index == first {
            let next = SHUYANG_ROWS[second].map(|n| n.to_string()).join(" ");
            format!("{label} {numbers} {next}")
        } else if index == second {
            label.to_owned()
        } else {
            format!("{label} {numbers}")
        }
    });
    let imported = import(&run_together);
    assert_eq!(
        imported.report.requests.0,
        SHUYANG_ROWS.map(|r| r.map(Some))
    );
    let derived = notes_with(&imported, notes::DERIVED);
    assert_eq!(derived.len(), 1, "{:#?}", imported.notes);
    assert!(
        derived[0].message.zh.contains("三(一)」「三(二)"),
        "{}",
        derived[0].message.zh
    );
    assert!(
        notes_with(&imported, notes::UNREAD).is_empty(),
        "{:#?}",
        imported.notes
    );

    // 三(四)1 printed twice on its line.
    let doubled_row = row_of("3.4.1");
    let doubled = shuyang_pdf_with(|index, label, numbers| {
        if index == doubled_row {
            format!("{label} {numbers} {numbers}")
        } else {
            format!("{label} {numbers}")
        }
    });
    let imported = import(&doubled);
    assert_eq!(
        imported.report.requests.0,
        SHUYANG_ROWS.map(|r| r.map(Some))
    );
    assert_eq!(notes_with(&imported, notes::DERIVED).len(), 1);

    // Two rows of zeros run together between two rows of zeros printed without numbers: which
    // of them gets the second seven, nothing shows.
    let zero_row = row_of("3.5.4");
    let ambiguous = shuyang_pdf_with(|index, label, numbers| {
        if index == zero_row {
            format!("{label} {numbers} {numbers}")
        } else if index == zero_row + 1 || index == zero_row - 1 {
            label.to_owned()
        } else {
            format!("{label} {numbers}")
        }
    });
    let imported = import(&ambiguous);
    for row in [zero_row - 1, zero_row, zero_row + 1] {
        assert_eq!(imported.report.requests.0[row], [None; 7], "row {row}");
    }
    assert!(notes_with(&imported, notes::DERIVED).is_empty());
    assert!(!notes_with(&imported, notes::UNREAD).is_empty());
}

#[test]
fn carry_over_row_then_appeals_heading_as_plain_lines() {
    let text = format!(
        "某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n{}\n0 0 0 0 0 0 0\n{}\n2\n0\n0\n0\n0\n0\n2\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n0 0 0 1 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。",
        REQUEST_ROWS[request_row("3.7")].label,
        REQUEST_ROWS[request_row("4")].label,
    );
    let imported = import(&text);
    let report = &imported.report;
    assert_eq!(row(report, "4"), [2, 0, 0, 0, 0, 0, 2].map(Some));
    assert_eq!(report.appeals.0[0], [0, 0, 0, 1, 1].map(Some));
    assert_eq!(report.sections.get(SectionId::Problems), "问题。");
}

#[test]
fn seed_damaged_values_and_rows_are_noted_not_guessed() {
    // An OCR 「1O」 for a 0 in 三(一), and 三(三)2 lost with its numbers.
    let mut lines: Vec<&str> = SEED.lines().collect();
    let at = |lines: &[&str], label: &str| {
        lines
            .iter()
            .position(|l| {
                l.trim_end_matches(" |")
                    .replace('(', "（")
                    .replace(')', "）")
                    == label
            })
            .unwrap_or_else(|| panic!("seed has no line {label}"))
    };
    let first_value = at(&lines, REQUEST_ROWS[request_row("3.1")].label) + 1;
    lines[first_value] = "1O |";
    let lost = at(&lines, REQUEST_ROWS[request_row("3.3.2")].label);
    lines.drain(lost..lost + 8);
    let imported = import(&lines.join("\n"));
    let report = &imported.report;

    let unread = notes_with(&imported, notes::UNREAD);
    assert_eq!(unread.len(), 1, "{:#?}", imported.notes);
    assert!(
        unread[0].message.zh.contains("「1O」"),
        "{}",
        unread[0].message.zh
    );
    assert_eq!(unread[0].place.id(), "requests/3.1/natural");
    assert_eq!(
        row(report, "3.1"),
        [None, Some(0), Some(0), Some(0), Some(0), Some(0), Some(0)]
    );

    let rows = notes_with(&imported, notes::ROWS_MISSING);
    assert_eq!(rows.len(), 1, "{:#?}", imported.notes);
    assert!(rows[0]
        .message
        .zh
        .contains(REQUEST_ROWS[request_row("3.3.2")].short));
    assert_eq!(row(report, "3.3.2"), [None; 7]);
    assert_eq!(
        row(report, "3.3.3"),
        [Some(0); 7],
        "later rows keep their numbers"
    );
    assert!(notes_with(&imported, notes::MISSING).is_empty());
}

#[test]
fn a_table_of_contents_does_not_take_the_headings() {
    let contents: String = SECTIONS
        .iter()
        .map(|s| format!("{}\n", s.heading))
        .collect();
    let imported = import(&format!("目录\n{contents}{SEED}"));
    assert_eq!(imported.report.requests, import(SEED).report.requests);
    assert_eq!(
        imported.report.sections.get(SectionId::Problems),
        seed_text(SectionId::Problems, Some(SectionId::Other))
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile input: no panic, a quick answer, an error or a report with notes
// ---------------------------------------------------------------------------------------------

/// A small deterministic generator (xorshift) so the junk is the same on every run.
/// What hostile input gives (how long it takes is timed by the `import_hostile` bench group).
#[test]
fn hostile_input_is_refused_or_noted() {
    for empty in ["", "   \n\t ", "\u{feff}"] {
        assert!(import_published(empty).is_err());
    }

    let error = import_published(&String::from_utf8_lossy(&hostile::random_bytes()))
        .expect_err("random bytes are no report");
    assert!(error.message.zh.contains("二进制") && error.message.en.contains("binary"));
    assert!(error.to_string().starts_with(&error.message.zh));

    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    assert!(import_published(&String::from_utf8_lossy(png)).is_err());

    match import_published(&hostile::megabyte_of_words()) {
        Ok(imported) => assert!(!imported.notes.is_empty()),
        Err(e) => assert!(!e.message.en.is_empty()),
    }
    for (name, flood) in hostile::floods() {
        if let Ok(imported) = import_published(&flood) {
            assert!(
                imported.notes.iter().all(|n| n.message.zh.len() < 4096),
                "{name}"
            );
        }
    }

    // A script is no text: not in HTML, and in plain text it is kept as the words it is.
    let alone = "<script>alert('一、总体情况')</script>";
    assert!(import_published(alone).is_err());
    let page = "<p>一、总体情况</p><script>document.write('<p>六、其他需要报告的事项</p>')</script><p>正文。</p>";
    let imported = import(page);
    assert_eq!(imported.report.sections.get(SectionId::Overview), "正文。");
    assert!(notes_with(&imported, notes::MISSING).len() == 1);
    let text =
        "一、总体情况\n<script>alert(1)</script>\n六、其他需要报告的事项\n未收取信息处理费。";
    let imported = import(text);
    assert!(!imported.notes.is_empty());
    assert_eq!(
        notes_with(&imported, notes::SECTION_MISSING).len(),
        1,
        "{:#?}",
        imported.notes
    );
}

/// A copy that puts a heading's numbering on lines of its own (莆田市民族与宗教事务局 2021–2025:
/// 「五、」 then 「存在的主要问题及改进情况」; 莆田市文化和旅游局 2021: 「二」 「、」 then the words)
/// imports as the same report as the copy with whole headings.
#[test]
fn headings_split_after_their_numbering_are_headings() {
    let whole = fixture("erdun-2023.txt");
    let split = whole
        .replacen("一、总体情况\n", "一、\n总体情况\n", 1)
        .replacen(
            "二、主动公开政府信息情况\n",
            "二\n、\n主动公开政府信息情况\n",
            1,
        )
        .replacen(
            "四、政府信息公开行政复议、行政诉讼情况\n",
            "四、\n政府信息公开行政复议、行政诉讼情况\n",
            1,
        )
        .replacen(
            "五、存在的主要问题及改进情况\n",
            "五、\n存在的主要问题及改进情况\n",
            1,
        );
    assert_eq!(
        split.matches("、\n").count(),
        whole.matches("、\n").count() + 4
    );
    let (whole, split) = (import(&whole), import(&split));
    assert_eq!(split.report, whole.report);
    assert_eq!(split.notes, whole.notes);
    // The numbering alone before words that are no heading stays as it was.
    let imported = import(
        "一、总体情况\n正文。\n五、\n本年度工作\n六、其他需要报告的事项\n未收取信息处理费。",
    );
    assert!(imported
        .report
        .sections
        .get(SectionId::Overview)
        .contains("五、\n本年度工作"));
}

/// The opening of 莆田市's department reports as a crawler's text gives it (莆田市民族与宗教
/// 事务局 and 莆田市应急管理局 2021): a sentence in pieces on lines of their own, a list of the
/// report's parts with 「总体情况」 alone on a line (and a numbered line after it that is no
/// heading), and a web address with a colon in it. The
/// opening is kept whole, 「一、总体情况」 is the heading, and the agency's kind is plain.
#[test]
fn an_opening_in_pieces_is_kept_whole() {
    let text = "莆田市民族与宗教事务局2021年政府信息公开工作年度报告\n\
                信息提供日期 : 2022-01-15 11:13\n\
                本年报是由莆田市民宗局根据《政府信息公开条例》编制而成。全文包括\n\
                总体情况\n\
                ，主动公开政府信息情况，收到和处理政府信息公开申请情况等。\n\
                （一）本报告的电子版可在我局网站下载。\n\
                本报告中所列数据的统计时限自\n\
                20\n21\n年\n1月1日起至20\n21\n年\n12月31日止。我局政府信息公开网站\n\
                (http://www.putian.gov.cn/zfxxgk/)上可下载本年报的电子版。\n\
                一、总体情况\n\
                2021年，我局认真做好政府信息公开工作。\n\
                六、其他需要报告的事项\n\
                本年度未收取信息处理费。\n";
    let imported = import(text);
    let overview = imported.report.sections.get(SectionId::Overview);
    for kept in [
        "全文包括",
        "总体情况，主动公开政府信息情况",
        "统计时限自2021年1月1日起至2021年12月31日止。",
        "(http://www.putian.gov.cn/zfxxgk/)上可下载本年报的电子版。",
        "2021年，我局认真做好政府信息公开工作。",
    ] {
        assert!(overview.contains(kept), "{kept} not in {overview}");
    }
    assert!(!overview.contains("一、总体情况"), "{overview}");
    assert!(!overview.contains("信息提供日期"), "{overview}");
    assert_eq!(imported.report.meta.agency, "莆田市民族与宗教事务局");
    assert!(notes_with(&imported, notes::AGENCY_KIND).is_empty());
    assert!(notes_with(&imported, notes::SECTION_MISSING)
        .iter()
        .all(|n| n.place != Place::Section(SectionId::Overview)));
}

#[test]
fn not_a_report_is_refused_with_a_clear_message() {
    let error = import_published("今天天气很好。\n我们去公园散步。").expect_err("no report");
    assert!(error
        .message
        .zh
        .contains(format::section(SectionId::Overview).heading));
    assert!(error.message.en.contains("does not look like a report"));
}

/// Import → JSON → import → JSON gives the same JSON, for the seed and every fixture.
#[test]
fn imported_reports_round_trip_through_json_unchanged() {
    use nianbao_report::export::json::{from_json, to_json};
    let mut texts = vec![("erdun-2023.txt", SEED.to_owned())];
    for name in [
        "shuyang-county-2025.txt",
        "shuyang-fagaiju-2023.txt",
        "guanzhou-street-2023-partial.txt",
        "dizhang-street-2023-partial-2019-format.txt",
    ] {
        texts.push((name, fixture(name)));
    }
    for (name, text) in texts {
        let first = to_json(&import(&text).report);
        let again = match from_json(&first) {
            Ok(report) => to_json(&report),
            Err(e) => panic!("{name}: its own export does not read back: {e}"),
        };
        assert_eq!(first, again, "{name}");
    }
}

/// `nianbao check` of the imported seed reports no error (it is a published, consistent report).
#[test]
fn the_imported_seed_has_no_error() {
    use nianbao_report::rules::{check, Stage};
    let report = import(SEED).report;
    let errors: Vec<_> = check(&report, Stage::Publish)
        .into_iter()
        .filter(|f| f.severity == nianbao_report::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
