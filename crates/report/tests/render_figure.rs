//! The 图解 read back as a reader sees it: the SVG parsed, its texts in drawing order, each
//! figure checked against the report's own cells, blanks shown as 「—」, last year's change with
//! its sign, and nothing in it that runs or fetches.

mod common;
use common::fixture;

use nianbao_report::export::figure::render_figure;
use nianbao_report::format::{
    self, RequestRowRole, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_ROWS, REQUEST_TOTAL_COLUMN,
    RESULT_CATEGORIES,
};
use nianbao_report::import::import_published;
use nianbao_report::model::{Count, Report};
use nianbao_report::AgencyKind;
use quick_xml::events::Event;
use quick_xml::Reader;

const SEED: &str = include_str!("fixtures/erdun-2023.txt");

fn import(text: &str) -> Report {
    match import_published(text) {
        Ok(imported) => imported.report,
        Err(e) => panic!("import failed: {e:?}"),
    }
}

/// What a parsed SVG holds: its element names and its texts, in document order.
struct Parsed {
    root_attrs: Vec<(String, String)>,
    elements: Vec<String>,
    texts: Vec<String>,
}

/// Parses the whole document (so that it must be well-formed) and keeps the text of every
/// `<text>` element, entities resolved.
fn parse(svg: &str) -> Parsed {
    let mut reader = Reader::from_str(svg);
    let mut parsed = Parsed {
        root_attrs: Vec::new(),
        elements: Vec::new(),
        texts: Vec::new(),
    };
    let mut depth = 0usize;
    let mut in_text = false;
    let mut current = String::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(e) | Event::Empty(e) if parsed.elements.is_empty() => {
                parsed.root_attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("an attribute");
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            String::from_utf8_lossy(&a.value).into_owned(),
                        )
                    })
                    .collect();
                parsed
                    .elements
                    .push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                depth += 1;
            }
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                in_text = name == "text";
                parsed.elements.push(name);
                depth += 1;
            }
            Event::Empty(e) => parsed
                .elements
                .push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
            Event::End(e) => {
                if e.name().as_ref() == b"text" {
                    parsed.texts.push(std::mem::take(&mut current));
                    in_text = false;
                }
                depth = depth.checked_sub(1).expect("an end tag without a start");
            }
            Event::Text(t) if in_text => current.push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(r) if in_text => {
                match r.resolve_char_ref().expect("a character reference") {
                    Some(c) => current.push(c),
                    None => {
                        let name = r.decode().expect("UTF-8");
                        current.push_str(
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .unwrap_or_else(|| panic!("undefined entity &{name};")),
                        );
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    parsed
}

impl Parsed {
    fn attr(&self, name: &str) -> Option<&str> {
        self.root_attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// The first text after the one that equals `label`.
    fn after(&self, label: &str) -> &str {
        let at = self
            .texts
            .iter()
            .position(|t| t == label)
            .unwrap_or_else(|| panic!("no text {label}: {:?}", self.texts));
        self.texts.get(at + 1).map_or("", String::as_str)
    }
    fn has(&self, text: &str) -> bool {
        self.texts.iter().any(|t| t == text)
    }
}

fn total(report: &Report, role: RequestRowRole) -> Count {
    let row = format::request_rows_with_role(role).next().expect("a row");
    report.requests.0[row][REQUEST_TOTAL_COLUMN]
}

/// The figure's result bars as the test reads table 三: rows （一） and （二） alone, each
/// category summed over its rows.
fn expected_results(report: &Report) -> Vec<(&'static str, Count)> {
    let mut out = Vec::new();
    for (row, def) in REQUEST_ROWS.iter().enumerate() {
        if def.role == RequestRowRole::Result && def.category.is_none() {
            let label = def.label.split_once("（区分").map_or(def.label, |(l, _)| l);
            out.push((label, report.requests.0[row][REQUEST_TOTAL_COLUMN]));
        }
    }
    for category in &RESULT_CATEGORIES {
        let cells = REQUEST_ROWS
            .iter()
            .enumerate()
            .filter(|(_, def)| def.category.is_some_and(|c| c.key == category.key))
            .filter_map(|(row, _)| report.requests.0[row][REQUEST_TOTAL_COLUMN]);
        let sum = cells.fold(None, |s: Count, n| Some(s.unwrap_or(0) + n));
        out.push((category.label, sum));
    }
    out
}

fn assert_self_contained(svg: &str) {
    for banned in [
        "<script",
        "href",
        "<image",
        "<foreignObject",
        "@import",
        "url(http",
    ] {
        assert!(!svg.contains(banned), "{banned} in the figure");
    }
    for handler in [" onload=", " onclick=", " onerror=", " onmouseover="] {
        assert!(!svg.contains(handler), "{handler} in the figure");
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn shuyang_county_2025_numbers_where_the_report_has_them() {
    let text = fixture("shuyang-county-2025.txt");
    let report = import(&text);
    let svg = render_figure(&report);
    assert_self_contained(&svg);
    let parsed = parse(&svg);
    assert_eq!(parsed.elements.first().map(String::as_str), Some("svg"));
    assert_eq!(parsed.attr("viewBox"), Some("0 0 794 1123"));

    // The fixture's key numbers (README): 一 713, 二 36, 三(七) 718, 四 31.
    assert_eq!(total(&report, RequestRowRole::NewRequests), Some(713));
    assert_eq!(total(&report, RequestRowRole::ResultsTotal), Some(718));
    let big: Vec<&str> = parsed
        .texts
        .iter()
        .map(String::as_str)
        .filter(|t| ["713", "36", "718", "31"].contains(t))
        .collect();
    assert_eq!(big, ["713", "36", "718", "31"]);

    // Each result bar: its label, then its count and share of 718.
    let results = expected_results(&report);
    assert_eq!(results.len(), 6);
    let sum: u64 = results.iter().filter_map(|(_, n)| *n).sum();
    assert_eq!(sum, 718, "the six results add up to 三(七)");
    for (label, count) in &results {
        let count = count.expect("沭阳县 2025 has no blank result");
        let share = count as f64 * 100.0 / 718.0;
        assert_eq!(
            parsed.after(label),
            format!("{count}（{share:.1}%）"),
            "{label}"
        );
    }
    assert_eq!(parsed.after("（一）予以公开"), "294（40.9%）");

    // Table 四: 复议 61, 直接起诉 3, 复议后起诉 10; each result numbered.
    let total_label = APPEAL_COLUMNS[4].label;
    for total in [61, 3, 10] {
        assert!(parsed.has(&format!("{total_label} {total}")), "{total}");
    }
    assert!(parsed.has(&format!("{} 27", APPEAL_COLUMNS[0].label)));
    assert!(parsed.has(&format!("{} 15", APPEAL_COLUMNS[3].label)));
    for group in &APPEAL_GROUPS {
        assert!(parsed.has(group.label), "{}", group.label);
    }

    // Table 二 as published.
    assert_eq!(parsed.after("行政许可"), "517645");
    assert_eq!(parsed.after("行政事业性收费"), "4068.208");
    // No last year: no change text.
    assert!(!svg.contains("比上年") && !svg.contains("持平"));
    assert!(parsed
        .texts
        .first()
        .is_some_and(|t| t == "沭阳县人民政府2025年政府信息公开工作年度报告 图解"));
}

#[test]
fn the_seed_figure() {
    let report = import(SEED);
    let svg = render_figure(&report);
    assert_self_contained(&svg);
    let parsed = parse(&svg);
    let title = format!(
        "{} 图解",
        format::default_title(&report.meta.agency, report.meta.year)
    );
    assert!(parsed
        .texts
        .iter()
        .take(2)
        .any(|t| title.ends_with(t.as_str())));
    assert_eq!(parsed.after("行政许可"), "8");
    assert_eq!(parsed.after("行政处罚"), "0");
    // All zeros: zero bars and no share of a zero total.
    for (label, _) in expected_results(&report) {
        assert_eq!(parsed.after(label), "0", "{label}");
    }
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
}

#[test]
fn blank_cells_show_a_dash_not_zero() {
    let report = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
    let parsed = parse(&render_figure(&report));
    assert!(!parsed.has("0"), "a blank drawn as 0");
    assert_eq!(parsed.after("行政许可"), "—");
    for (label, _) in expected_results(&report) {
        assert_eq!(parsed.after(label), "—", "{label}");
    }
    assert!(parsed.has(&format!("{} —", APPEAL_COLUMNS[4].label)));
    let dashes = parsed.texts.iter().filter(|t| *t == "—").count();
    // Table 二's ten figures, table 三's four and the six results.
    assert_eq!(dashes, 3 + 3 + 4 + 4 + 6);
}

#[test]
fn last_years_change_with_its_sign() {
    let mut report = import(SEED);
    let mut last = report.clone();
    last.meta.year -= 1;
    last.active.licensing = Some(20);
    last.active.fees = Some(nianbao_report::model::Decimal("0.5".into()));
    let new_requests = format::request_rows_with_role(RequestRowRole::NewRequests)
        .next()
        .unwrap();
    report.requests.0[new_requests][REQUEST_TOTAL_COLUMN] = Some(12);
    report.appeals.0[0][4] = None;
    report.last_year = Some(Box::new(last));

    let svg = render_figure(&report);
    let parsed = parse(&svg);
    assert!(parsed.has("比上年 +12"), "{:?}", parsed.texts);
    // 行政许可 8 against 20.
    let licensing = parsed.texts.iter().position(|t| t == "行政许可").unwrap();
    assert_eq!(parsed.texts[licensing + 1], "8");
    assert_eq!(parsed.texts[licensing + 3], "比上年 -12");
    assert!(parsed.has("比上年 -0.5"));
    // Unchanged counts: 持平; a blank this year: no number to compare.
    assert!(parsed.has("持平"));
    assert!(parsed.has(&format!("{} —　比上年 —", APPEAL_COLUMNS[4].label)));
    // Every result is 0 in both years, and with no requests answered (三(七) total 0) no share
    // is printed.
    for (label, _) in expected_results(&report) {
        assert_eq!(parsed.after(label), "0　持平", "{label}");
    }
}

#[test]
fn markup_in_the_agency_stays_text() {
    let mut report = import(SEED);
    report.meta.agency = "<script>alert(1)</script>&\"'街道".into();
    report.meta.title = "</text><script>x</script>".into();
    let svg = render_figure(&report);
    assert_self_contained(&svg);
    let parsed = parse(&svg);
    assert!(!parsed.elements.iter().any(|e| e == "script"));
    assert!(parsed
        .texts
        .iter()
        .any(|t| t.contains("<script>alert(1)</script>&\"'街道")));
    assert!(parsed
        .texts
        .iter()
        .any(|t| t.contains("</text><script>x</script>")));
}
