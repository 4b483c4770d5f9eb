//! The Word export read back as Word reads it: the package unzipped, word/document.xml parsed,
//! the tables' grids, merges and repeated header rows counted against the shared layout, the page
//! measured, and user text that stays text.

use nianbao_report::export::docx::{render_docx, MARGINS_MM, PAGE_MM};
use nianbao_report::export::html::OFFICIAL_FONTS;
use nianbao_report::format::{self, SectionId, REQUEST_ROWS, SECTIONS};
use nianbao_report::import::import_published;
use nianbao_report::layout::{self, TableLayout};
use nianbao_report::model::Report;
use nianbao_report::AgencyKind;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

const SEED: &str = include_str!("fixtures/erdun-2023.txt");

fn seed() -> Report {
    match import_published(SEED) {
        Ok(imported) => imported.report,
        Err(e) => panic!("the seed does not import: {e:?}"),
    }
}

fn docx(report: &Report) -> Vec<u8> {
    render_docx(report).unwrap_or_else(|e| panic!("render_docx failed: {e}"))
}

/// One part of the package, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx is a zip");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name} missing: {e}"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("a part is UTF-8");
    text
}

// ---------------------------------------------------------------------------------------------
// A small XML tree, enough to walk tables; building it is the well-formedness check.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    /// Text directly inside this element, entities resolved.
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.all(name, out);
        }
    }
    fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }
    /// All text below, in document order.
    fn full_text(&self) -> String {
        let mut out = self.text.clone();
        for child in &self.children {
            out.push_str(&child.full_text());
        }
        out
    }
}

fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let attrs_of = |e: &quick_xml::events::BytesStart| -> Vec<(String, String)> {
        e.attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|e| panic!("bad attribute: {e}"));
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    String::from_utf8_lossy(&a.value).into_owned(),
                )
            })
            .collect()
    };
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(e) => stack.push(Node {
                name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                attrs: attrs_of(&e),
                ..Node::default()
            }),
            Event::Empty(e) => {
                let node = Node {
                    name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    attrs: attrs_of(&e),
                    ..Node::default()
                };
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .expect("an end tag without a start")
                    .children
                    .push(node);
            }
            Event::Text(t) => {
                let text = t.decode().expect("UTF-8 text");
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().expect("UTF-8 entity name");
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("undefined entity &{name};"))
                            .to_owned()
                    }
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

fn tables(document: &Node) -> Vec<&Node> {
    document.find_all("w:tbl")
}

fn rows(table: &Node) -> Vec<&Node> {
    table.children.iter().filter(|c| c.name == "w:tr").collect()
}

fn cells(row: &Node) -> Vec<&Node> {
    row.children.iter().filter(|c| c.name == "w:tc").collect()
}

fn cell_property<'a>(cell: &'a Node, name: &str) -> Option<&'a Node> {
    cell.child("w:tcPr").and_then(|p| p.child(name))
}

fn layout_of(table: SectionId) -> TableLayout {
    layout::table_layout(table).expect("a table section has a layout")
}

/// What the layout asks of Word: cells with a gridSpan (a merged cell's continuations repeat
/// its span), vMerge restarts, and vMerge continuations.
fn expected_merges(layout: &TableLayout) -> (usize, usize, usize) {
    let cells = layout.groups.iter().flat_map(|g| g.rows.iter()).flatten();
    let mut spans = 0;
    let mut restarts = 0;
    let mut continues = 0;
    for cell in cells {
        if cell.cols > 1 {
            spans += cell.rows;
        }
        if cell.rows > 1 {
            restarts += 1;
            continues += cell.rows - 1;
        }
    }
    (spans, restarts, continues)
}

fn twips(mm: u32) -> String {
    ((f64::from(mm) * 1440.0 / 25.4).round() as i64).to_string()
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn three_tables_with_the_layouts_grids_and_merges() {
    let bytes = docx(&seed());
    let document = parse(&part(&bytes, "word/document.xml"));
    let found = tables(&document);
    assert_eq!(found.len(), 3);
    for (table, id) in
        found
            .iter()
            .zip([SectionId::Active, SectionId::Requests, SectionId::Appeals])
    {
        let layout = layout_of(id);
        let columns: usize = layout.columns.iter().map(|(_, n)| n).sum();
        let grid = table
            .child("w:tblGrid")
            .expect("a grid")
            .find_all("w:gridCol");
        assert_eq!(grid.len(), columns, "{id:?} grid");
        let layout_rows: usize = layout.groups.iter().map(|g| g.rows.len()).sum();
        assert_eq!(rows(table).len(), layout_rows, "{id:?} rows");

        let all_cells: Vec<&Node> = rows(table).into_iter().flat_map(cells).collect();
        let spans = all_cells
            .iter()
            .filter(|c| cell_property(c, "w:gridSpan").is_some())
            .count();
        let merge = |kind: &str| {
            all_cells
                .iter()
                .filter(|c| {
                    cell_property(c, "w:vMerge").and_then(|m| m.attr("w:val")) == Some(kind)
                })
                .count()
        };
        let (want_spans, want_restarts, want_continues) = expected_merges(&layout);
        assert_eq!(spans, want_spans, "{id:?} gridSpan cells");
        assert_eq!(merge("restart"), want_restarts, "{id:?} vMerge restarts");
        assert_eq!(
            merge("continue"),
            want_continues,
            "{id:?} vMerge continuations"
        );

        // Every row covers the whole grid once its spans are counted.
        for (r, row) in rows(table).iter().enumerate() {
            let width: usize = cells(row)
                .iter()
                .map(|c| {
                    cell_property(c, "w:gridSpan")
                        .and_then(|s| s.attr("w:val"))
                        .map_or(1, |v| v.parse::<usize>().unwrap())
                })
                .sum();
            assert_eq!(width, columns, "{id:?} row {r}");
        }
    }
    // Table 三: the layout's 10 columns (3 label columns, 7 counts) and its merges.
    let requests = layout_of(SectionId::Requests);
    assert_eq!(
        requests.columns.iter().map(|(_, n)| n).sum::<usize>(),
        layout::REQUEST_LABEL_COLUMNS + format::REQUEST_COLUMNS.len()
    );
    assert!(
        expected_merges(&requests).2 >= 21,
        "三、本年度办理结果 spans 22 rows"
    );
}

#[test]
fn header_rows_repeat_on_every_page() {
    let bytes = docx(&seed());
    let document = parse(&part(&bytes, "word/document.xml"));
    let found = tables(&document);
    let header_rows = |table: &Node| -> Vec<usize> {
        rows(table)
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.child("w:trPr")
                    .and_then(|p| p.child("w:tblHeader"))
                    .is_some()
            })
            .map(|(i, _)| i)
            .collect()
    };
    // Table 二's band headers belong to their band: nothing repeats.
    assert_eq!(header_rows(found[0]), Vec::<usize>::new());
    assert_eq!(header_rows(found[1]), vec![0, 1, 2]);
    assert_eq!(header_rows(found[2]), vec![0, 1, 2]);
    // The line above each table (the period line, or table 四's heading) goes with it.
    let body = document
        .child("w:document")
        .and_then(|d| d.child("w:body"))
        .expect("a body");
    for (i, child) in body.children.iter().enumerate() {
        if child.name == "w:tbl" {
            let above = &body.children[i - 1];
            assert_eq!(above.name, "w:p");
            assert!(above
                .child("w:pPr")
                .and_then(|p| p.child("w:keepNext"))
                .is_some());
        }
    }
    // No row of any table breaks across a page.
    for table in &found {
        for row in rows(table) {
            assert!(row
                .child("w:trPr")
                .and_then(|p| p.child("w:cantSplit"))
                .is_some());
        }
    }
}

#[test]
fn every_row_label_and_the_seeds_numbers() {
    let report = seed();
    let bytes = docx(&report);
    let document = parse(&part(&bytes, "word/document.xml"));
    let found = tables(&document);
    let row_texts = |table: &Node| -> Vec<Vec<String>> {
        rows(table)
            .iter()
            .map(|row| cells(row).iter().map(|c| c.full_text()).collect())
            .collect()
    };
    let requests = row_texts(found[1]);
    for def in &REQUEST_ROWS {
        assert!(
            requests.iter().flatten().any(|text| text == def.label),
            "row label {} missing",
            def.label
        );
    }
    // The category cells keep their whole label, broken after the ordinal.
    for category in &format::RESULT_CATEGORIES {
        assert!(requests.iter().flatten().any(|t| t == category.label));
    }
    // The seed: 行政许可 8, in table 二's own row.
    let licensing = format::active_row(format::ActiveRowId::Licensing).1.label;
    let active = row_texts(found[0]);
    let row = active
        .iter()
        .find(|cells| cells.first().map(String::as_str) == Some(licensing))
        .expect("a 行政许可 row");
    assert_eq!(row.get(1).map(String::as_str), Some("8"));
    // Table 三's 一 row: seven zeros, as the seed has it.
    let first = requests
        .iter()
        .find(|cells| cells.first().map(String::as_str) == Some(REQUEST_ROWS[0].label))
        .expect("row 一");
    assert_eq!(first.len(), 8);
    assert!(first[1..].iter().all(|t| t == "0"), "{first:?}");

    // The six headings and the seed's text, in order.
    let text = document.full_text();
    let mut at = 0;
    for def in &SECTIONS {
        let found = text[at..]
            .find(def.heading)
            .unwrap_or_else(|| panic!("{} missing or out of order", def.heading));
        at += found;
    }
    assert!(text.contains("额尔敦街道位于城区东南部"));
}

#[test]
fn title_period_and_signature_as_html_prints_them() {
    let mut report = seed();
    report.meta.published_on = Some("2024-01-20".into());
    let bytes = docx(&report);
    let document = parse(&part(&bytes, "word/document.xml"));
    let paragraphs: Vec<String> = document
        .find_all("w:p")
        .iter()
        .map(|p| p.full_text())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(paragraphs[0], report.title());
    assert_eq!(paragraphs[1], format::SECTIONS[0].heading);
    // The document ends as published reports do: the agency, then the date.
    assert_eq!(
        paragraphs[paragraphs.len() - 2..],
        [report.meta.agency.clone(), "2024年1月20日".to_owned()]
    );
    let period = format::statistics_period(2023);
    assert_eq!(paragraphs.iter().filter(|p| **p == period).count(), 2);
    // The HTML signs with the same lines.
    let html = nianbao_report::export::html::render(&report);
    assert!(html.contains("<p>2024年1月20日</p></div>"));
}

#[test]
fn blank_cells_stay_empty() {
    let mut report = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
    report.requests.row_mut("1")[0] = Some(4);
    let bytes = docx(&report);
    let document = parse(&part(&bytes, "word/document.xml"));
    let requests = tables(&document)[1];
    let first_body = rows(requests)[3];
    let texts: Vec<String> = cells(first_body).iter().map(|c| c.full_text()).collect();
    assert_eq!(texts[1], "4");
    assert!(texts[2..].iter().all(String::is_empty), "{texts:?}");
    for table in tables(&document) {
        assert!(
            !table.full_text().contains('0'),
            "no zero where nothing was typed"
        );
    }
}

#[test]
fn markup_in_user_text_stays_text() {
    let payload = "<script>alert('x')</script>&amp;\u{0}\u{7}";
    let mut report = seed();
    report.meta.agency = format!("额尔敦{payload}街道");
    report.meta.title = String::new();
    report.sections.set(
        SectionId::Problems,
        format!("（一）问题。{payload}\n1.措施{payload}"),
    );
    let bytes = docx(&report);
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains("<script"), "raw markup in document.xml");
    let document = parse(&xml);
    assert!(document.find_all("script").is_empty());
    let text = document.full_text();
    let kept = "<script>alert('x')</script>&amp;";
    assert_eq!(
        text.matches(kept).count(),
        4,
        "title, two lines and the signature"
    );
    assert!(!text.contains('\u{0}') && !text.contains('\u{7}'));
}

#[test]
fn a4_page_with_the_gb_t_9704_margins() {
    let bytes = docx(&seed());
    let document = parse(&part(&bytes, "word/document.xml"));
    let section = document.find_all("w:sectPr");
    let section = section.last().expect("a section");
    let size = section.child("w:pgSz").expect("page size");
    assert_eq!(PAGE_MM, (210, 297));
    assert_eq!(size.attr("w:w"), Some(twips(210).as_str()));
    assert_eq!(size.attr("w:h"), Some(twips(297).as_str()));
    assert_eq!(size.attr("w:w"), Some("11906"));
    let margins = section.child("w:pgMar").expect("margins");
    for (attr, mm) in [
        ("w:top", MARGINS_MM.top),
        ("w:bottom", MARGINS_MM.bottom),
        ("w:left", MARGINS_MM.left),
        ("w:right", MARGINS_MM.right),
    ] {
        assert_eq!(margins.attr(attr), Some(twips(mm).as_str()), "{attr}");
    }
    // 37 mm, 35 mm, 28 mm, 26 mm: a 156 × 225 mm text block.
    assert_eq!(margins.attr("w:top"), Some("2098"));
    assert_eq!(margins.attr("w:left"), Some("1587"));
    assert_eq!(MARGINS_MM.left + MARGINS_MM.right, 210 - 156);
    assert_eq!(MARGINS_MM.top + MARGINS_MM.bottom, 297 - 225);
    assert!(section.child("w:footerReference").is_some());
}

#[test]
fn page_numbers_are_a_page_field_between_dashes() {
    let bytes = docx(&seed());
    let footer = parse(&part(&bytes, "word/footer1.xml"));
    let instructions: Vec<String> = footer
        .find_all("w:instrText")
        .iter()
        .map(|n| n.full_text().trim().to_owned())
        .collect();
    assert_eq!(instructions, vec!["PAGE"]);
    let kinds: Vec<&str> = footer
        .find_all("w:fldChar")
        .iter()
        .filter_map(|n| n.attr("w:fldCharType"))
        .collect();
    assert_eq!(kinds, vec!["begin", "separate", "end"]);
    let text = footer.full_text();
    assert!(text.starts_with("— ") && text.ends_with(" —"), "{text}");
}

#[test]
fn faces_and_sizes_by_name() {
    let bytes = docx(&seed());
    let styles = parse(&part(&bytes, "word/styles.xml"));
    let first_name = |key: &str| {
        OFFICIAL_FONTS
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, names)| names.first().copied())
            .unwrap()
    };
    let east_asia: Vec<&str> = styles
        .find_all("w:rFonts")
        .iter()
        .filter_map(|f| f.attr("w:eastAsia"))
        .collect();
    for key in ["仿宋", "黑体", "楷体", "小标宋"] {
        assert!(east_asia.contains(&first_name(key)), "{key}: {east_asia:?}");
    }
    let style = |id: &str| -> &Node {
        styles
            .find_all("w:style")
            .into_iter()
            .find(|s| s.attr("w:styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    let size_and_face = |node: &Node| -> (Option<String>, Option<String>) {
        let size = node
            .find_all("w:sz")
            .first()
            .and_then(|s| s.attr("w:val"))
            .map(str::to_owned);
        let face = node
            .find_all("w:rFonts")
            .first()
            .and_then(|f| f.attr("w:eastAsia"))
            .map(str::to_owned);
        (size, face)
    };
    assert_eq!(
        size_and_face(style("Title")),
        (Some("44".into()), Some(first_name("小标宋").into()))
    );
    assert_eq!(
        size_and_face(style("Heading1")),
        (Some("32".into()), Some(first_name("黑体").into()))
    );
    assert_eq!(
        size_and_face(style("Heading2")),
        (Some("32".into()), Some(first_name("楷体").into()))
    );
    // The body: 仿宋 16pt by default.
    let defaults = styles.find_all("w:docDefaults");
    assert_eq!(
        size_and_face(defaults[0]),
        (Some("32".into()), Some(first_name("仿宋").into()))
    );
}
