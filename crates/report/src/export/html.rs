//! The printable HTML of a report, in the official layout.
//!
//! [`render`] gives one self-contained page (inline CSS, no script, nothing fetched) that a
//! browser prints to A4 after GB/T 9704-2012; [`render_table`] gives one table alone, with its
//! borders written on every cell, for pasting into a website editor or Word. Every label comes
//! from [`crate::format`]; every piece of user text goes through [`escape`].

use crate::date::Date;
use crate::format::{self, SectionId};
use crate::layout::{self, CellContent, LayoutCell, TableLayout};
use crate::model::{Place, Report};

const PRINT_CSS: &str = include_str!("print.css");

/// The official document faces the print styles ask for, each with the names offices have it
/// under (print.css lists the same, a test holds them together). The app checks these before
/// printing and says which faces the machine lacks.
pub const OFFICIAL_FONTS: [(&str, &[&str]); 4] = [
    (
        "仿宋",
        &[
            "仿宋",
            "FangSong",
            "STFangsong",
            "仿宋_GB2312",
            "FangSong_GB2312",
        ],
    ),
    ("小标宋", &["方正小标宋简体", "FZXiaoBiaoSong-B05S"]),
    ("黑体", &["黑体", "SimHei", "Heiti SC"]),
    ("楷体", &["楷体", "KaiTi", "STKaiti", "楷体_GB2312"]),
];

/// What a printed page may load: its own inline styles and nothing else, so that a report that
/// somehow carries markup can neither run it nor call out.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Written on every cell rather than in the style sheet: a table pasted into a website editor or
/// Word leaves the style sheet behind and would otherwise lose its grid.
const CELL_BORDER: &str = "border:1px solid #000";

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
    for def in &format::SECTIONS {
        push_section(&mut out, report, def);
    }
    push_signature(&mut out, report);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One table's `<table>` element alone: table 二, 三 or 四 for [`SectionId::Active`],
/// [`SectionId::Requests`] or [`SectionId::Appeals`]; empty for a section without a table.
pub fn render_table(report: &Report, table: SectionId) -> String {
    // A blank cell prints empty: blank is not zero.
    render_table_with(table, &|place| {
        escape(&report.cell(place).map(|v| v.text()).unwrap_or_default())
    })
}

/// A table of the official layout whose value cells hold `value_html(place)`: markup, escaped by
/// the caller (the year-over-year view puts two years and the change in each cell).
pub fn render_table_with(table: SectionId, value_html: &dyn Fn(&Place) -> String) -> String {
    let mut out = String::with_capacity(16 * 1024);
    if let Some(layout) = layout::table_layout(table) {
        push_layout(&mut out, &layout, value_html);
    }
    out
}

/// Escapes text for element content and quoted attribute values. Also drops the control
/// characters and noncharacters that HTML forbids, so a pasted stray byte cannot make the
/// document invalid.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does. Most texts (labels, ids, numbers) have
/// nothing to escape and are copied whole: the editor's grids are written as markup at each
/// opening, about 2,000 texts, and one string made and read again per text showed in its
/// profile.
pub fn escape_into(out: &mut String, text: &str) {
    if !text.bytes().any(may_change) {
        out.push_str(text);
        return;
    }
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
}

/// A byte that may begin a character [`escape`] changes or drops: markup's five characters, a
/// carriage return, an ASCII control but tab and newline, and the first byte of the other
/// characters it drops in UTF-8 (C1 controls: 0xC2; the noncharacters: 0xEF, and 0xF0–0xF4
/// above the first plane).
fn may_change(byte: u8) -> bool {
    matches!(
        byte,
        b'&' | b'<' | b'>' | b'"' | b'\'' | b'\r' | 0x7F | 0xC2 | 0xEF | 0xF0..=0xFF
    ) || (byte < 0x20 && byte != b'\t' && byte != b'\n')
}

fn is_forbidden_in_html(c: char) -> bool {
    let n = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

// ---------------------------------------------------------------------------------------------
// The document around the tables
// ---------------------------------------------------------------------------------------------

/// The lines that sign the report under its last section, as published reports end (GB/T 9704's
/// 发文机关署名 and 成文日期): the agency, then the date as a 成文日期 is written; those filled.
pub(crate) fn signature_lines(report: &Report) -> Vec<String> {
    let agency = report.meta.agency.trim().to_owned();
    let date = report
        .meta
        .published_on
        .as_deref()
        .map(|typed| chinese_date(typed).unwrap_or_else(|| typed.trim().to_owned()))
        .unwrap_or_default();
    [agency, date]
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect()
}

fn push_signature(out: &mut String, report: &Report) {
    let lines = signature_lines(report);
    if lines.is_empty() {
        return;
    }
    out.push_str("<div class=\"signature\">");
    for line in &lines {
        out.push_str(&format!("<p>{}</p>", escape(line)));
    }
    out.push_str("</div>\n");
}

/// 「2024-01-20」 → 「2024年1月20日」, the way a 成文日期 is written; `None` for anything else,
/// which is then printed as typed.
pub(crate) fn chinese_date(iso: &str) -> Option<String> {
    let date = Date::parse_iso(iso.trim())?;
    Some(format!("{}年{}月{}日", date.year, date.month, date.day))
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
pub(crate) enum SubHeading {
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
pub(crate) fn sub_heading(line: &str) -> Option<SubHeading> {
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
// Tables: the shared layout (crate::layout) drawn as HTML
// ---------------------------------------------------------------------------------------------

fn push_layout(out: &mut String, layout: &TableLayout, value_html: &dyn Fn(&Place) -> String) {
    let class = match layout.table {
        SectionId::Active => "table-active",
        SectionId::Requests => "table-requests",
        _ => "table-appeals",
    };
    out.push_str(&format!(
        "<table class=\"{class}\" border=\"1\" style=\"border-collapse:collapse;{CELL_BORDER}\">\n<colgroup>"
    ));
    for (col_class, count) in &layout.columns {
        for _ in 0..*count {
            out.push_str(&format!("<col class=\"{col_class}\">"));
        }
    }
    out.push_str("</colgroup>\n");
    for group in &layout.groups {
        let tag = if group.is_head { "thead" } else { "tbody" };
        out.push_str(&format!("<{tag}>\n"));
        for row in &group.rows {
            push_row(out, row, value_html);
        }
        out.push_str(&format!("</{tag}>\n"));
    }
    out.push_str("</table>");
}

/// A row that opens a rowspan cell is marked so the print styles can let the span break across
/// pages (see print.css).
fn push_row(out: &mut String, cells: &[LayoutCell], value_html: &dyn Fn(&Place) -> String) {
    if cells.iter().any(|cell| cell.rows > 1) {
        out.push_str("<tr class=\"opens-span\">");
    } else {
        out.push_str("<tr>");
    }
    for cell in cells {
        push_cell(out, cell, value_html);
    }
    out.push_str("</tr>\n");
}

fn push_cell(out: &mut String, cell: &LayoutCell, value_html: &dyn Fn(&Place) -> String) {
    let (tag, html, align) = match &cell.content {
        CellContent::Header(label) => ("th", escape(label), "center"),
        CellContent::RowLabel(label) => ("th", escape(label), "left"),
        CellContent::Value(place) => ("td", value_html(place), "center"),
    };
    out.push('<');
    out.push_str(tag);
    if !cell.class.is_empty() {
        out.push_str(&format!(" class=\"{}\"", cell.class));
    }
    if cell.rows > 1 {
        out.push_str(&format!(" rowspan=\"{}\"", cell.rows));
    }
    if cell.cols > 1 {
        out.push_str(&format!(" colspan=\"{}\"", cell.cols));
    }
    out.push_str(&format!(" style=\"{CELL_BORDER};text-align:{align}\">"));
    out.push_str(&html);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_checked_are_the_fonts_printed() {
        for (_, names) in OFFICIAL_FONTS {
            for name in names {
                assert!(
                    PRINT_CSS.contains(&format!("\"{name}\""))
                        || PRINT_CSS.contains(&format!(" {name},")),
                    "{name} is not in print.css"
                );
            }
        }
    }

    #[test]
    fn escape_covers_the_five_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\u{FFFF}d\u{FDD0}e\r\n"), "abcde\n");
        assert_eq!(escape("锡林浩特市"), "锡林浩特市");
    }

    /// Each character on its own: kept, dropped or replaced by its entity.
    fn escaped_char_by_char(text: &str) -> String {
        const ENTITIES: [(char, &str); 5] = [
            ('&', "&amp;"),
            ('<', "&lt;"),
            ('>', "&gt;"),
            ('"', "&quot;"),
            ('\'', "&#39;"),
        ];
        text.chars()
            .filter(|&c| matches!(c, '\t' | '\n') || !(c == '\r' || is_forbidden_in_html(c)))
            .map(|c| {
                ENTITIES
                    .iter()
                    .find(|(plain, _)| *plain == c)
                    .map_or_else(|| c.to_string(), |(_, entity)| (*entity).to_owned())
            })
            .collect()
    }

    #[test]
    fn a_text_copied_whole_is_what_escaping_each_character_gives() {
        // Every character that is changed or dropped, and neighbours of each that are kept.
        let pool: Vec<char> = concat!(
            "&<>\"'\r\t\n\u{0}\u{1F} ~\u{7F}",
            "\u{80}\u{9F}\u{A0}©锡〇a1",
            "\u{FDCF}\u{FDD0}\u{FDEF}\u{FDF0}\u{FFFD}\u{FFFE}\u{FFFF}😀\u{1FFFE}\u{10FFFF}",
        )
        .chars()
        .collect();
        // Every text of up to three characters from the pool, and each alone amid plain text.
        let mut texts = vec![String::new()];
        for a in &pool {
            texts.push(format!("第{a}条 row-1"));
            for b in &pool {
                texts.push(format!("{a}{b}"));
                for c in &pool {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut changed = 0;
        for text in &texts {
            let mut appended = String::from("前");
            escape_into(&mut appended, text);
            assert_eq!(
                appended,
                format!("前{}", escaped_char_by_char(text)),
                "{text:?}"
            );
            assert_eq!(escape(text), escaped_char_by_char(text), "{text:?}");
            changed += usize::from(escape(text) != *text);
        }
        // Both ways were taken.
        assert!(
            changed > 0 && changed < texts.len(),
            "{changed} of {}",
            texts.len()
        );
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
