//! The printable HTML of a report, in the official layout.
//!
//! [`render`] gives one self-contained page (inline CSS, no script, nothing fetched) that a
//! browser prints to A4 after GB/T 9704-2012; [`render_table`] gives one table alone, with its
//! borders written on every cell, for pasting into a website editor or Word. Every label comes
//! from [`crate::format`]; every piece of user text goes through [`escape`].

use crate::format::{
    self, ActiveRowKind, SectionId, ACTIVE_BANDS, ACTIVE_ITEM_HEADER, APPEAL_COLUMNS,
    APPEAL_GROUPS, REQUEST_APPLICANT_HEADER, REQUEST_COLUMNS, REQUEST_CORNER_NOTE,
    REQUEST_ORGANISATION_COLUMNS, REQUEST_ORGANISATION_HEADER, REQUEST_ROWS, RESULT_GROUP_LABEL,
};
use crate::model::{Count, Report};

const PRINT_CSS: &str = include_str!("print.css");

/// What a printed page may load: its own inline styles and nothing else, so that a report that
/// somehow carries markup can neither run it nor call out.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Written on every cell rather than in the style sheet: a table pasted into a website editor or
/// Word leaves the style sheet behind and would otherwise lose its grid.
const CELL_BORDER: &str = "border:1px solid #000";

/// Table 三's row labels sit in three columns: 「三、本年度办理结果」, the category cell
/// (「（三）不予公开」 …) and the row's own label. Rows outside a group span the columns left free.
const REQUEST_LABEL_COLUMNS: usize = 3;

/// The whole report as one printable HTML document.
pub fn render(report: &Report) -> String {
    let title = escape(&report.title());
    let mut out = String::with_capacity(48 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{title}</title>\n"));
    out.push_str("<style>\n");
    out.push_str(PRINT_CSS);
    out.push_str("</style>\n</head>\n<body>\n<main class=\"page\">\n");
    out.push_str(&format!("<h1 class=\"title\">{title}</h1>\n"));
    push_byline(&mut out, report);
    for def in &format::SECTIONS {
        push_section(&mut out, report, def);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One table's `<table>` element alone: table 二, 三 or 四 for [`SectionId::Active`],
/// [`SectionId::Requests`] or [`SectionId::Appeals`]; empty for a section without a table.
pub fn render_table(report: &Report, table: SectionId) -> String {
    let mut out = String::with_capacity(16 * 1024);
    match table {
        SectionId::Active => push_active_table(&mut out, report),
        SectionId::Requests => push_request_table(&mut out, report),
        SectionId::Appeals => push_appeal_table(&mut out, report),
        SectionId::Overview | SectionId::Problems | SectionId::Other => {}
    }
    out
}

/// Escapes text for element content and quoted attribute values. Also drops the control
/// characters and noncharacters that HTML forbids, so a pasted stray byte cannot make the
/// document invalid.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if is_forbidden_in_html(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_forbidden_in_html(c: char) -> bool {
    let n = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

// ---------------------------------------------------------------------------------------------
// The document around the tables
// ---------------------------------------------------------------------------------------------

fn push_byline(out: &mut String, report: &Report) {
    let agency = report.meta.agency.trim();
    let date = report
        .meta
        .published_on
        .as_deref()
        .map(|typed| chinese_date(typed).unwrap_or_else(|| typed.trim().to_owned()))
        .unwrap_or_default();
    if agency.is_empty() && date.is_empty() {
        return;
    }
    out.push_str("<p class=\"byline\">");
    for part in [agency, date.as_str()] {
        if !part.is_empty() {
            out.push_str(&format!("<span>{}</span>", escape(part)));
        }
    }
    out.push_str("</p>\n");
}

/// 「2024-01-20」 → 「2024年1月20日」, the way a 成文日期 is written; `None` for anything else,
/// which is then printed as typed.
fn chinese_date(iso: &str) -> Option<String> {
    let mut parts = iso.trim().split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let plausible = (1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && parts.next().is_none();
    plausible.then(|| format!("{year}年{month}月{day}日"))
}

fn push_section(out: &mut String, report: &Report, def: &format::SectionDef) {
    out.push_str(&format!(
        "<section class=\"section\" id=\"{}\">\n<h2>{}</h2>\n",
        def.key,
        escape(def.heading)
    ));
    let table = render_table(report, def.id);
    if !table.is_empty() {
        if matches!(def.id, SectionId::Active | SectionId::Requests) {
            out.push_str(&format!(
                "<p class=\"period\">{}</p>\n",
                escape(&format::statistics_period(report.meta.year))
            ));
        }
        out.push_str(&table);
        out.push('\n');
    }
    push_text(out, report.sections.get(def.id));
    out.push_str("</section>\n");
}

/// The two levels of sub-heading a section's text may use, after GB/T 9704's 「一、」「（一）」「1.」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SubHeading {
    /// （一） … （十）: 楷体.
    Ordinal,
    /// 1. 2. …: 仿宋, bold.
    Numbered,
}

impl SubHeading {
    fn tag(self) -> &'static str {
        match self {
            SubHeading::Ordinal => "h3",
            SubHeading::Numbered => "h4",
        }
    }
    fn run_in_class(self) -> &'static str {
        match self {
            SubHeading::Ordinal => "run-in-1",
            SubHeading::Numbered => "run-in-2",
        }
    }
}

/// Whether a line opens with 「（一）」…「（十）」 (half-width brackets too, as copies from web
/// pages have them) or 「1.」.
fn sub_heading(line: &str) -> Option<SubHeading> {
    let mut chars = line.chars();
    match chars.next()? {
        '（' | '(' => {
            let rest = chars.as_str();
            let close = rest.find(['）', ')'])?;
            let numeral = rest.get(..close)?;
            let is_ordinal = !numeral.is_empty()
                && numeral.chars().count() <= 3
                && numeral.chars().all(|c| "一二三四五六七八九十".contains(c));
            is_ordinal.then_some(SubHeading::Ordinal)
        }
        first if first.is_ascii_digit() => {
            let digits = 1 + chars.clone().take_while(char::is_ascii_digit).count();
            let mut after = line.chars().skip(digits);
            let point = after.next()?;
            // 「1.5万元」 is a number, not a heading.
            let followed_by_text = after.next().is_some_and(|c| !c.is_ascii_digit());
            (digits <= 2 && matches!(point, '.' | '．') && followed_by_text)
                .then_some(SubHeading::Numbered)
        }
        _ => None,
    }
}

/// A section's text: one paragraph a line. A sub-heading line is a heading of its own, unless
/// body text follows it on the same line after 「。」 (「（一）存在的主要问题。各科室……」), as
/// published reports often write: then the heading runs into its paragraph in the heading's face.
fn push_text(out: &mut String, text: &str) {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some(level) = sub_heading(line) else {
            out.push_str(&format!("<p>{}</p>\n", escape(line)));
            continue;
        };
        let run_in = line
            .find('。')
            .map(|at| line.split_at(at + '。'.len_utf8()))
            .filter(|(_, body)| !body.trim().is_empty());
        match run_in {
            Some((heading, body)) => out.push_str(&format!(
                "<p><span class=\"{}\">{}</span>{}</p>\n",
                level.run_in_class(),
                escape(heading),
                escape(body.trim_start())
            )),
            None => {
                let tag = level.tag();
                out.push_str(&format!("<{tag}>{}</{tag}>\n", escape(line)));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/// One `<th>` or `<td>` of a table.
struct Cell<'a> {
    header: bool,
    text: &'a str,
    rows: usize,
    cols: usize,
    class: &'static str,
    align_left: bool,
}

impl<'a> Cell<'a> {
    /// A header cell of the format (a label).
    fn header(text: &'a str) -> Self {
        Cell {
            header: true,
            text,
            rows: 1,
            cols: 1,
            class: "",
            align_left: false,
        }
    }
    /// A row's own label, read left-aligned as in the official table.
    fn row_label(text: &'a str) -> Self {
        Cell {
            align_left: true,
            ..Cell::header(text)
        }
    }
    /// A value the user typed.
    fn value(text: &'a str) -> Self {
        Cell {
            header: false,
            ..Cell::header(text)
        }
    }
    fn rows(self, rows: usize) -> Self {
        Cell { rows, ..self }
    }
    fn cols(self, cols: usize) -> Self {
        Cell { cols, ..self }
    }
    fn class(self, class: &'static str) -> Self {
        Cell { class, ..self }
    }

    fn push(&self, out: &mut String) {
        let tag = if self.header { "th" } else { "td" };
        out.push('<');
        out.push_str(tag);
        if !self.class.is_empty() {
            out.push_str(&format!(" class=\"{}\"", self.class));
        }
        if self.rows > 1 {
            out.push_str(&format!(" rowspan=\"{}\"", self.rows));
        }
        if self.cols > 1 {
            out.push_str(&format!(" colspan=\"{}\"", self.cols));
        }
        let align = if self.align_left { "left" } else { "center" };
        out.push_str(&format!(" style=\"{CELL_BORDER};text-align:{align}\">"));
        out.push_str(&escape(self.text));
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
}

/// A blank cell prints empty: blank is not zero.
fn count_text(count: Count) -> String {
    count.map(|n| n.to_string()).unwrap_or_default()
}

/// A row that opens a rowspan cell is marked so the print styles can let the span break across
/// pages (see print.css).
fn push_row(out: &mut String, cells: &[Cell]) {
    if cells.iter().any(|cell| cell.rows > 1) {
        out.push_str("<tr class=\"opens-span\">");
    } else {
        out.push_str("<tr>");
    }
    for cell in cells {
        cell.push(out);
    }
    out.push_str("</tr>\n");
}

fn open_table(out: &mut String, class: &str, columns: &[(&str, usize)]) {
    out.push_str(&format!(
        "<table class=\"{class}\" border=\"1\" style=\"border-collapse:collapse;{CELL_BORDER}\">\n<colgroup>"
    ));
    for (col_class, count) in columns {
        for _ in 0..*count {
            out.push_str(&format!("<col class=\"{col_class}\">"));
        }
    }
    out.push_str("</colgroup>\n");
}

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

/// Four bands, each with its article row and its own header row. A band with one value column
/// (处理决定数量, 收费金额) spans it over the three columns of the widest band, as the official table
/// does. The bands go in separate `<tbody>`s rather than a `<thead>`: each band's header belongs
/// to that band only and must not repeat on a new page.
fn push_active_table(out: &mut String, report: &Report) {
    let value_columns = ACTIVE_BANDS
        .iter()
        .map(|band| band.kind.columns().len())
        .max()
        .unwrap_or(1);
    let width = 1 + value_columns;
    open_table(
        out,
        "table-active",
        &[("active-item", 1), ("active-value", value_columns)],
    );
    for band in &ACTIVE_BANDS {
        let columns = band.kind.columns();
        // The last column takes whatever the band's own columns leave of the widest band.
        let span = |i: usize| {
            if i + 1 == columns.len() {
                value_columns.saturating_sub(columns.len() - 1).max(1)
            } else {
                1
            }
        };
        out.push_str("<tbody>\n");
        push_row(
            out,
            &[Cell::row_label(band.article).cols(width).class("band")],
        );
        let mut header = vec![Cell::header(ACTIVE_ITEM_HEADER)];
        header.extend(
            columns
                .iter()
                .enumerate()
                .map(|(i, (_, label))| Cell::header(label).cols(span(i))),
        );
        push_row(out, &header);
        for row in band.rows {
            let values: Vec<String> = match band.kind {
                ActiveRowKind::FeeAmount => vec![report
                    .active
                    .fees
                    .as_ref()
                    .map(|fee| fee.0.clone())
                    .unwrap_or_default()],
                ActiveRowKind::IssuedRepealedInForce | ActiveRowKind::Decisions => report
                    .active
                    .counts(row.id)
                    .iter()
                    .map(|count| count_text(*count))
                    .collect(),
            };
            let mut cells = vec![Cell::row_label(row.label)];
            cells.extend(
                (0..columns.len())
                    .map(|i| Cell::value(values.get(i).map_or("", String::as_str)).cols(span(i))),
            );
            push_row(out, &cells);
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>");
}

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

fn push_request_table(out: &mut String, report: &Report) {
    let columns = REQUEST_COLUMNS.len();
    open_table(
        out,
        "table-requests",
        &[
            ("requests-group", 1),
            ("requests-category", 1),
            ("requests-label", 1),
            ("requests-count", columns),
        ],
    );

    out.push_str("<thead>\n");
    push_row(
        out,
        &[
            Cell::header(REQUEST_CORNER_NOTE)
                .rows(3)
                .cols(REQUEST_LABEL_COLUMNS)
                .class("corner"),
            Cell::header(REQUEST_APPLICANT_HEADER).cols(columns),
        ],
    );
    let organisations = REQUEST_ORGANISATION_COLUMNS;
    let second: Vec<Cell> = REQUEST_COLUMNS
        .iter()
        .enumerate()
        .filter_map(|(i, column)| {
            if i == organisations.start {
                Some(Cell::header(REQUEST_ORGANISATION_HEADER).cols(organisations.len()))
            } else if organisations.contains(&i) {
                None
            } else {
                Some(Cell::header(column.label).rows(2))
            }
        })
        .collect();
    push_row(out, &second);
    let third: Vec<Cell> = REQUEST_COLUMNS
        .get(organisations)
        .unwrap_or_default()
        .iter()
        .map(|column| Cell::header(column.label))
        .collect();
    push_row(out, &third);
    out.push_str("</thead>\n<tbody>\n");

    let result_rows = REQUEST_ROWS.iter().filter(|row| row.in_results).count();
    for (i, (def, counts)) in REQUEST_ROWS
        .iter()
        .zip(report.requests.0.iter())
        .enumerate()
    {
        let previous = i.checked_sub(1).and_then(|p| REQUEST_ROWS.get(p));
        let mut cells = Vec::with_capacity(REQUEST_LABEL_COLUMNS + columns);
        let mut label_columns = REQUEST_LABEL_COLUMNS;
        if def.in_results {
            label_columns -= 1;
            if !previous.is_some_and(|p| p.in_results) {
                cells.push(
                    Cell::header(RESULT_GROUP_LABEL)
                        .rows(result_rows)
                        .class("group"),
                );
            }
        }
        if let Some(category) = def.category {
            label_columns -= 1;
            let in_category =
                |row: &format::RequestRowDef| row.category.is_some_and(|c| c.key == category.key);
            if !previous.is_some_and(in_category) {
                let rows = REQUEST_ROWS.iter().filter(|row| in_category(row)).count();
                cells.push(Cell::header(category.label).rows(rows).class("category"));
            }
        }
        cells.push(Cell::row_label(def.label).cols(label_columns));
        let values: Vec<String> = counts.iter().map(|count| count_text(*count)).collect();
        cells.extend(values.iter().map(|value| Cell::value(value)));
        push_row(out, &cells);
    }
    out.push_str("</tbody>\n</table>");
}

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

/// Header: 行政复议 | 行政诉讼 over their groups; a group that is its own parent (行政复议) has its
/// five result labels two rows high, the suit groups have their group cell and then the labels.
fn push_appeal_table(out: &mut String, report: &Report) {
    let per_group = APPEAL_COLUMNS.len();
    open_table(
        out,
        "table-appeals",
        &[("appeals-count", per_group * APPEAL_GROUPS.len())],
    );
    out.push_str("<thead>\n");

    let mut top = Vec::new();
    for (i, group) in APPEAL_GROUPS.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| APPEAL_GROUPS.get(p));
        if previous.is_some_and(|p| p.parent == group.parent) {
            continue;
        }
        let groups = APPEAL_GROUPS
            .iter()
            .skip(i)
            .take_while(|g| g.parent == group.parent)
            .count();
        top.push(Cell::header(group.parent).cols(groups * per_group));
    }
    push_row(out, &top);

    let mut middle = Vec::new();
    let mut bottom = Vec::new();
    for group in &APPEAL_GROUPS {
        if group.label == group.parent {
            middle.extend(APPEAL_COLUMNS.iter().map(|c| Cell::header(c.label).rows(2)));
        } else {
            middle.push(Cell::header(group.label).cols(per_group));
            bottom.extend(APPEAL_COLUMNS.iter().map(|c| Cell::header(c.label)));
        }
    }
    push_row(out, &middle);
    push_row(out, &bottom);
    out.push_str("</thead>\n<tbody>\n");

    let values: Vec<String> = report
        .appeals
        .0
        .iter()
        .flatten()
        .map(|count| count_text(*count))
        .collect();
    let cells: Vec<Cell> = values.iter().map(|value| Cell::value(value)).collect();
    push_row(out, &cells);
    out.push_str("</tbody>\n</table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\u{FFFF}d\u{FDD0}e\r\n"), "abcde\n");
        assert_eq!(escape("锡林浩特市"), "锡林浩特市");
    }

    #[test]
    fn sub_headings_of_both_levels() {
        assert_eq!(sub_heading("（一）主动公开"), Some(SubHeading::Ordinal));
        assert_eq!(sub_heading("(五)监督保障"), Some(SubHeading::Ordinal));
        assert_eq!(sub_heading("（十）其他"), Some(SubHeading::Ordinal));
        assert_eq!(sub_heading("1.加强组织领导"), Some(SubHeading::Numbered));
        assert_eq!(sub_heading("12．完善制度"), Some(SubHeading::Numbered));
        assert_eq!(sub_heading("（本列数据）"), None);
        assert_eq!(sub_heading("（）"), None);
        assert_eq!(sub_heading("1.5万元用于"), None);
        assert_eq!(sub_heading("2023.12"), None);
        assert_eq!(sub_heading("2023年，我街道"), None);
        assert_eq!(sub_heading("1."), None);
        assert_eq!(sub_heading("("), None);
    }

    #[test]
    fn dates_print_as_a_chinese_date() {
        assert_eq!(chinese_date("2024-01-17").as_deref(), Some("2024年1月17日"));
        assert_eq!(chinese_date("2024-13-01"), None);
        assert_eq!(chinese_date("2024年1月"), None);
        assert_eq!(chinese_date("2024-01-17-1"), None);
    }
}
