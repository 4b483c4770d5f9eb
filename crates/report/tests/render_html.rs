//! The printable HTML: every cell of tables 二, 三 and 四 where the official layout puts it, a
//! document that parses without error, and user text that stays text.

use nianbao_report::export::html::{render, render_table};
use nianbao_report::format::{
    self, active_rows, ActiveRowKind, SectionId, ACTIVE_FEES_HEADER, ACTIVE_ITEM_HEADER,
    APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_REVIEW_HEADER, APPEAL_SUIT_HEADER,
    REQUEST_APPLICANT_HEADER, REQUEST_COLUMNS, REQUEST_CORNER_NOTE, REQUEST_ORGANISATION_COLUMNS,
    REQUEST_ORGANISATION_HEADER, REQUEST_ROWS, RESULT_GROUP_LABEL, SECTIONS,
};
use nianbao_report::model::{Decimal, Report};
use nianbao_report::AgencyKind;
use scraper::{ElementRef, Html, Selector};

const SEED: &str = include_str!("fixtures/erdun-2023.txt");
const SEED_AGENCY: &str = "锡林浩特市额尔敦街道办事处";

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

fn text_of(element: ElementRef) -> String {
    element.text().collect::<String>()
}

/// Table 三's value in a row and column, distinct across the table.
fn request_value(row: usize, column: usize) -> u64 {
    (row * 10 + column + 1) as u64
}

fn appeal_value(group: usize, column: usize) -> u64 {
    1000 + (group * 10 + column) as u64
}

/// Table 二's values in printed order of rows, then columns.
fn active_value(row: usize, column: usize) -> u64 {
    500 + (row * 10 + column) as u64
}

const FEE: &str = "5949.088667";

/// A report with every cell set to a number of its own.
fn numbered_report() -> Report {
    let mut report = Report::new_blank(SEED_AGENCY, AgencyKind::Township, 2023);
    report.meta.published_on = Some("2024-01-20".into());
    for (r, row) in report.requests.0.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = Some(request_value(r, c));
        }
    }
    for (g, group) in report.appeals.0.iter_mut().enumerate() {
        for (c, cell) in group.iter_mut().enumerate() {
            *cell = Some(appeal_value(g, c));
        }
    }
    for (r, (_, row)) in active_rows().enumerate() {
        for (c, cell) in report.active.counts_mut(row.id).iter_mut().enumerate() {
            *cell = Some(active_value(r, c));
        }
    }
    report.active.fees = Some(Decimal(FEE.into()));
    report
}

/// One cell of a table as laid out on the grid: which `<th>`/`<td>` covers a grid square.
#[derive(Clone, Debug, PartialEq)]
struct Placed {
    /// Position of the element in document order, to tell a spanning cell from a repeated label.
    element: usize,
    text: String,
    header: bool,
}

/// The table's grid with rowspans and colspans resolved, as a browser lays it out.
fn grid(table: ElementRef) -> Vec<Vec<Option<Placed>>> {
    let rows = selector("tr");
    let cells = selector("th, td");
    let mut grid: Vec<Vec<Option<Placed>>> = Vec::new();
    let mut element = 0;
    for (r, tr) in table.select(&rows).enumerate() {
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for cell in tr.select(&cells) {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |name: &str| {
                cell.value()
                    .attr(name)
                    .map_or(1, |v| v.parse::<usize>().expect("numeric span"))
            };
            let (rowspan, colspan) = (span("rowspan"), span("colspan"));
            let placed = Placed {
                element,
                text: text_of(cell).trim().to_owned(),
                header: cell.value().name() == "th",
            };
            element += 1;
            for rr in r..r + rowspan {
                if grid.len() <= rr {
                    grid.resize(rr + 1, Vec::new());
                }
                for cc in c..c + colspan {
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, None);
                    }
                    assert!(grid[rr][cc].is_none(), "cells overlap at {rr},{cc}");
                    grid[rr][cc] = Some(placed.clone());
                }
            }
            c += colspan;
        }
    }
    grid
}

fn at(grid: &[Vec<Option<Placed>>], row: usize, column: usize) -> &Placed {
    grid.get(row)
        .and_then(|r| r.get(column))
        .and_then(Option::as_ref)
        .unwrap_or_else(|| panic!("no cell at row {row}, column {column}"))
}

fn table_of<'a>(document: &'a Html, class: &str) -> ElementRef<'a> {
    let wanted = selector(&format!("table.{class}"));
    let mut tables = document.select(&wanted);
    let table = tables.next().unwrap_or_else(|| panic!("no table.{class}"));
    assert!(tables.next().is_none(), "two tables of class {class}");
    table
}

fn assert_rectangular(grid: &[Vec<Option<Placed>>], width: usize) {
    for (r, row) in grid.iter().enumerate() {
        assert_eq!(row.len(), width, "row {r} is {} wide", row.len());
        assert!(row.iter().all(Option::is_some), "row {r} has a hole");
    }
}

#[test]
fn table_three_puts_all_175_cells_under_their_row_and_column() {
    let html = render(&numbered_report());
    let document = Html::parse_document(&html);
    let grid = grid(table_of(&document, "table-requests"));
    let labels = 3;
    let header_rows = 3;
    assert_eq!(grid.len(), header_rows + REQUEST_ROWS.len());
    assert_rectangular(&grid, labels + REQUEST_COLUMNS.len());

    // The header, as in the official table.
    let corner = at(&grid, 0, 0);
    assert_eq!(corner.text, REQUEST_CORNER_NOTE);
    for r in 0..header_rows {
        for c in 0..labels {
            assert_eq!(at(&grid, r, c), corner, "corner covers {r},{c}");
        }
    }
    for c in labels..labels + REQUEST_COLUMNS.len() {
        assert_eq!(at(&grid, 0, c).text, REQUEST_APPLICANT_HEADER);
        assert_eq!(at(&grid, 0, c), at(&grid, 0, labels));
    }
    for c in REQUEST_ORGANISATION_COLUMNS {
        assert_eq!(at(&grid, 1, labels + c).text, REQUEST_ORGANISATION_HEADER);
    }
    for (c, column) in REQUEST_COLUMNS.iter().enumerate() {
        let label = at(&grid, 2, labels + c);
        assert_eq!(label.text, column.label);
        assert!(label.header);
        if !REQUEST_ORGANISATION_COLUMNS.contains(&c) {
            assert_eq!(
                at(&grid, 1, labels + c),
                label,
                "{} is two rows high",
                column.label
            );
        }
    }

    // The body: every value under its row label and its column.
    let group = grid
        .iter()
        .flatten()
        .flatten()
        .find(|p| p.text == RESULT_GROUP_LABEL)
        .expect("the 本年度办理结果 cell");
    for (r, row) in REQUEST_ROWS.iter().enumerate() {
        let g = header_rows + r;
        assert_eq!(at(&grid, g, labels - 1).text, row.label, "row {}", row.key);
        assert!(at(&grid, g, labels - 1).header);
        if row.in_results {
            assert_eq!(
                at(&grid, g, 0),
                group,
                "row {} under the group cell",
                row.key
            );
        } else {
            assert_eq!(at(&grid, g, 0).text, row.label, "row {} spans", row.key);
        }
        match row.category {
            Some(category) => assert_eq!(at(&grid, g, 1).text, category.label),
            None if row.in_results => assert_eq!(at(&grid, g, 1).text, row.label),
            None => {}
        }
        for (c, column) in REQUEST_COLUMNS.iter().enumerate() {
            let cell = at(&grid, g, labels + c);
            assert!(!cell.header);
            assert_eq!(
                cell.text,
                request_value(r, c).to_string(),
                "row {} column {}",
                row.key,
                column.key
            );
        }
    }

    // Each category cell spans exactly its own rows.
    for category in &format::RESULT_CATEGORIES {
        let rows: Vec<usize> = (0..grid.len())
            .filter(|&g| at(&grid, g, 1).text == category.label)
            .collect();
        let expected = REQUEST_ROWS
            .iter()
            .filter(|row| row.category.is_some_and(|c| c.key == category.key))
            .count();
        assert_eq!(rows.len(), expected, "{}", category.label);
        assert!(rows
            .iter()
            .all(|&g| at(&grid, g, 1) == at(&grid, rows[0], 1)));
    }
}

#[test]
fn table_three_repeats_its_three_header_rows_on_each_page() {
    let document = Html::parse_document(&render(&numbered_report()));
    let table = table_of(&document, "table-requests");
    assert_eq!(table.select(&selector("thead > tr")).count(), 3);
    assert_eq!(
        table.select(&selector("tbody > tr")).count(),
        REQUEST_ROWS.len()
    );
    let appeals = table_of(&document, "table-appeals");
    assert_eq!(appeals.select(&selector("thead > tr")).count(), 3);
}

#[test]
fn every_row_label_of_the_format_is_printed_once() {
    let html = render(&numbered_report());
    let document = Html::parse_document(&html);
    let cells: Vec<String> = document
        .select(&selector("th, td"))
        .map(|c| text_of(c).trim().to_owned())
        .collect();
    let once = |label: &str| {
        assert_eq!(
            cells.iter().filter(|c| *c == label).count(),
            1,
            "label {label}"
        );
    };
    for row in &REQUEST_ROWS {
        once(row.label);
    }
    for category in &format::RESULT_CATEGORIES {
        once(category.label);
    }
    once(RESULT_GROUP_LABEL);
    once(REQUEST_CORNER_NOTE);
    for (band, row) in active_rows() {
        once(row.label);
        once(band.article);
    }
    for group in &APPEAL_GROUPS {
        once(group.label);
    }
    once(APPEAL_SUIT_HEADER);
    // Each section heading once, as a heading.
    let headings: Vec<String> = document.select(&selector("h2")).map(text_of).collect();
    let expected: Vec<&str> = SECTIONS.iter().map(|s| s.heading).collect();
    assert_eq!(headings, expected);
}

#[test]
fn table_four_has_its_15_cells_under_group_and_result() {
    let document = Html::parse_document(&render(&numbered_report()));
    let grid = grid(table_of(&document, "table-appeals"));
    let per_group = APPEAL_COLUMNS.len();
    assert_eq!(grid.len(), 4);
    assert_rectangular(&grid, per_group * APPEAL_GROUPS.len());
    for c in 0..per_group {
        assert_eq!(at(&grid, 0, c).text, APPEAL_REVIEW_HEADER);
    }
    for c in per_group..3 * per_group {
        assert_eq!(at(&grid, 0, c).text, APPEAL_SUIT_HEADER);
        assert_eq!(
            at(&grid, 0, c),
            at(&grid, 0, per_group),
            "行政诉讼 spans 10"
        );
    }
    for (g, group) in APPEAL_GROUPS.iter().enumerate() {
        for (c, column) in APPEAL_COLUMNS.iter().enumerate() {
            let x = g * per_group + c;
            assert_eq!(at(&grid, 2, x).text, column.label);
            if group.parent == group.label {
                assert_eq!(
                    at(&grid, 1, x),
                    at(&grid, 2, x),
                    "复议 labels two rows high"
                );
            } else {
                assert_eq!(at(&grid, 1, x).text, group.label);
            }
            assert_eq!(
                at(&grid, 3, x).text,
                appeal_value(g, c).to_string(),
                "{} {}",
                group.key,
                column.key
            );
        }
    }
}

#[test]
fn table_two_has_four_bands_each_with_its_own_header() {
    let document = Html::parse_document(&render(&numbered_report()));
    let table = table_of(&document, "table-active");
    assert_eq!(table.select(&selector("tbody")).count(), 4);
    let grid = grid(table);
    assert_rectangular(&grid, 4);
    for (r, (band, row)) in active_rows().enumerate() {
        let g = (0..grid.len())
            .find(|&g| at(&grid, g, 0).text == row.label)
            .unwrap_or_else(|| panic!("no row {}", row.label));
        // Above the row: its band's header row, then the band's article.
        let header = (0..g)
            .rev()
            .find(|&h| at(&grid, h, 0).text == ACTIVE_ITEM_HEADER)
            .expect("a header row above");
        assert_eq!(at(&grid, header - 1, 0).text, band.article);
        assert!((0..4).all(|c| at(&grid, header - 1, c) == at(&grid, header - 1, 0)));
        let columns = band.kind.columns();
        for (c, (_, label)) in columns.iter().enumerate() {
            assert_eq!(at(&grid, header, 1 + c).text, *label);
            let expected = match band.kind {
                ActiveRowKind::FeeAmount => FEE.to_owned(),
                _ => active_value(r, c).to_string(),
            };
            assert_eq!(at(&grid, g, 1 + c).text, expected, "{} {c}", row.key);
        }
        if columns.len() == 1 {
            // One value column spans the three of the widest band.
            assert!((1..4).all(|c| at(&grid, header, c) == at(&grid, header, 1)));
            assert!((1..4).all(|c| at(&grid, g, c) == at(&grid, g, 1)));
        }
    }
    assert!(grid
        .iter()
        .flatten()
        .flatten()
        .any(|p| p.text == ACTIVE_FEES_HEADER));
}

#[test]
fn the_statistics_period_stands_above_tables_two_and_three() {
    let document = Html::parse_document(&render(&numbered_report()));
    let period = format::statistics_period(2023);
    for key in ["active", "requests"] {
        let section = document
            .select(&selector(&format!("section#{key}")))
            .next()
            .expect("section");
        let children: Vec<ElementRef> = section.child_elements().collect();
        let names: Vec<&str> = children.iter().map(|e| e.value().name()).collect();
        assert_eq!(names.get(..3), Some(&["h2", "p", "table"][..]), "{key}");
        assert_eq!(text_of(children[1]), period);
    }
    let appeals = document.select(&selector("section#appeals")).next();
    assert!(appeals.is_some_and(|s| !text_of(s).contains(&period)));
}

#[test]
fn documents_parse_without_errors() {
    // The check below means something only if the parser reports errors at all.
    assert!(!Html::parse_document("<!DOCTYPE html><p></div>")
        .errors
        .is_empty());
    let mut hostile = hostile_report();
    hostile.sections.set(
        SectionId::Other,
        "控制字符\u{0}\u{1}\u{b}\u{7f}\u{85}\u{FFFE}在此",
    );
    for (name, report) in [
        ("numbered", numbered_report()),
        (
            "blank",
            Report::new_blank(SEED_AGENCY, AgencyKind::Township, 2023),
        ),
        ("empty", Report::default()),
        ("hostile", hostile),
    ] {
        let html = render(&report);
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        let document = Html::parse_document(&html);
        assert!(document.errors.is_empty(), "{name}: {:?}", document.errors);
        for table in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
            let fragment = Html::parse_fragment(&render_table(&report, table));
            assert!(
                fragment.errors.is_empty(),
                "{name} {table:?}: {:?}",
                fragment.errors
            );
        }
    }
}

#[test]
fn the_document_is_self_contained_and_declares_its_policy() {
    let html = render(&numbered_report());
    let document = Html::parse_document(&html);
    let root = document.root_element();
    assert_eq!(root.value().attr("lang"), Some("zh-CN"));
    assert!(document
        .select(&selector("meta[charset=utf-8]"))
        .next()
        .is_some());
    let csp = document
        .select(&selector("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .and_then(|m| m.value().attr("content"));
    assert_eq!(
        csp,
        Some("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    );
    for fetches in [
        "script", "link", "img", "iframe", "object", "[src]", "[href]",
    ] {
        assert!(
            document.select(&selector(fetches)).next().is_none(),
            "{fetches}"
        );
    }
    let css: String = document.select(&selector("style")).map(text_of).collect();
    assert!(!css.contains("url("), "no font file or image is fetched");
    assert!(css.contains("size: A4"));
    assert!(css.contains("margin: 37mm 26mm 35mm 28mm"));
    assert!(css.contains("counter(page)"));
}

const PAYLOAD: &str =
    "<script>alert(1)</script><img src=x onerror=alert(1)></style><script>'\"&amp;";

fn hostile_report() -> Report {
    let mut report = Report::new_blank(PAYLOAD, AgencyKind::Department, 2023);
    report.meta.title = PAYLOAD.into();
    report.meta.published_on = Some(PAYLOAD.into());
    for def in &SECTIONS {
        report.sections.set(
            def.id,
            format!("{PAYLOAD}\n（一）{PAYLOAD}\n（二）标题。{PAYLOAD}\n1.{PAYLOAD}"),
        );
    }
    report.active.fees = Some(Decimal(PAYLOAD.into()));
    report
}

#[test]
fn markup_in_user_text_prints_as_text() {
    let html = render(&hostile_report());
    let document = Html::parse_document(&html);
    assert_eq!(document.select(&selector("script")).count(), 0);
    assert_eq!(document.select(&selector("[onerror]")).count(), 0);
    assert_eq!(document.select(&selector("img")).count(), 0);
    assert_eq!(document.select(&selector("style")).count(), 1);

    let title = document.select(&selector("title")).next().map(text_of);
    assert_eq!(title.as_deref(), Some(PAYLOAD));
    let h1 = document.select(&selector("h1")).next().map(text_of);
    assert_eq!(h1.as_deref(), Some(PAYLOAD));
    let signature: Vec<String> = document
        .select(&selector(".signature p"))
        .map(text_of)
        .collect();
    assert_eq!(signature, [PAYLOAD, PAYLOAD]);
    for def in &SECTIONS {
        let section = document
            .select(&selector(&format!("section#{}", def.key)))
            .next()
            .expect("section");
        let lines: Vec<String> = section
            .select(&selector("p:not(.period), h3, h4"))
            .map(text_of)
            .collect();
        assert_eq!(
            lines,
            [
                PAYLOAD.to_owned(),
                format!("（一）{PAYLOAD}"),
                format!("（二）标题。{PAYLOAD}"),
                format!("1.{PAYLOAD}"),
            ],
            "{}",
            def.key
        );
    }
    let fee = document
        .select(&selector("table.table-active td"))
        .map(text_of)
        .next_back();
    assert_eq!(fee.as_deref(), Some(PAYLOAD));
}

#[test]
fn blank_cells_print_empty_and_the_fee_prints_as_typed() {
    let mut report = Report::new_blank(SEED_AGENCY, AgencyKind::Township, 2023);
    let blank = render(&report);
    let document = Html::parse_document(&blank);
    let values: Vec<String> = document.select(&selector("td")).map(text_of).collect();
    // 10 of table 二 (fee included), 175 of table 三, 15 of table 四.
    assert_eq!(values.len(), 10 + 175 + 15);
    assert!(values.iter().all(String::is_empty), "{values:?}");

    // The seed's figures: 行政许可 8, everything else 0; one zero stays a zero.
    report.active.licensing = Some(8);
    report.requests.row_mut("3.7")[0] = Some(0);
    report.active.fees = Some(Decimal(FEE.into()));
    let document = Html::parse_document(&render(&report));
    let values: Vec<String> = document.select(&selector("td")).map(text_of).collect();
    assert_eq!(values.iter().filter(|v| v.as_str() == "8").count(), 1);
    assert_eq!(values.iter().filter(|v| v.as_str() == "0").count(), 1);
    assert_eq!(values.iter().filter(|v| v.as_str() == FEE).count(), 1);
    assert_eq!(values.iter().filter(|v| !v.is_empty()).count(), 3);
}

#[test]
fn render_table_gives_one_pasteable_table() {
    let report = numbered_report();
    for (id, class) in [
        (SectionId::Active, "table-active"),
        (SectionId::Requests, "table-requests"),
        (SectionId::Appeals, "table-appeals"),
    ] {
        let table = render_table(&report, id);
        assert!(table.starts_with(&format!("<table class=\"{class}\" border=\"1\"")));
        assert!(table.ends_with("</table>"));
        assert_eq!(table.matches("<table").count(), 1);
        let fragment = Html::parse_fragment(&table);
        for cell in fragment.select(&selector("th, td")) {
            let style = cell.value().attr("style").unwrap_or_default();
            assert!(style.contains("border:1px solid #000"), "{class}: {style}");
        }
        // The same table stands in the document.
        assert!(render(&report).contains(&table), "{class}");
    }
    for text_only in [SectionId::Overview, SectionId::Problems, SectionId::Other] {
        assert_eq!(render_table(&report, text_only), "");
    }
}

/// The seed's 一、总体情况 as copied: five 「(一)」 sub-headings with half-width brackets.
fn seed_overview() -> String {
    let start = SEED.find("一、总体情况\n").expect("seed heading 一") + "一、总体情况\n".len();
    let end = SEED
        .find("二、主动公开政府信息情况")
        .expect("seed heading 二");
    SEED[start..end].to_owned()
}

#[test]
fn sub_headings_print_as_headings_in_their_faces() {
    let mut report = Report::new_blank(SEED_AGENCY, AgencyKind::Township, 2023);
    report.sections.set(SectionId::Overview, seed_overview());
    report.sections.set(
        SectionId::Problems,
        "（一）存在的主要问题。各科室人员信息公开意识有所松懈。\n1.完善工作机制\n正文。",
    );
    let document = Html::parse_document(&render(&report));
    let overview = document
        .select(&selector("section#overview"))
        .next()
        .expect("overview");
    let h3: Vec<String> = overview.select(&selector("h3")).map(text_of).collect();
    assert_eq!(
        h3,
        [
            "(一)主动公开情况",
            "(二)依申请公开情况",
            "(三)政府信息管理情况",
            "(四)平台建设情况",
            "(五)监督保障"
        ]
    );
    // Two paragraphs before (一), two under it, one under each of the others.
    assert_eq!(overview.select(&selector("p")).count(), 8);

    let problems = document
        .select(&selector("section#problems"))
        .next()
        .expect("problems");
    let run_in = problems.select(&selector("p > span.run-in-1")).next();
    assert_eq!(
        run_in.map(text_of).as_deref(),
        Some("（一）存在的主要问题。")
    );
    let h4: Vec<String> = problems.select(&selector("h4")).map(text_of).collect();
    assert_eq!(h4, ["1.完善工作机制"]);
    // Each level has its face in the style sheet.
    let css: String = document.select(&selector("style")).map(text_of).collect();
    for face in ["SimHei", "KaiTi", "FangSong", "方正小标宋简体"] {
        assert!(css.contains(face), "{face}");
    }
}

/// As published reports end: the six sections, then the agency and the date that sign them.
#[test]
fn the_report_ends_with_the_agency_and_the_chinese_date() {
    let html = render(&numbered_report());
    let document = Html::parse_document(&html);
    let signature: Vec<String> = document
        .select(&selector(".signature p"))
        .map(text_of)
        .collect();
    assert_eq!(signature, [SEED_AGENCY, "2024年1月20日"]);
    let last_section = html
        .find("<section class=\"section\" id=\"other\">")
        .expect("六");
    let signed = html.find("<div class=\"signature\">").expect("signature");
    assert!(signed > last_section, "the signature follows section 六");
    assert_eq!(html[signed..].matches("<section").count(), 0);
    let h1 = document.select(&selector("h1")).next().map(text_of);
    assert_eq!(
        h1.as_deref(),
        Some("锡林浩特市额尔敦街道办事处2023年政府信息公开工作年度报告")
    );
}
