//! The report as a Word document (.docx), for offices that circulate it for sign-off in Word.
//!
//! The same content as the printable HTML ([`super::html`]): title, the six sections with their
//! headings and text, the agency and date that sign it, and tables 二, 三 and 四 drawn from the same layout
//! ([`crate::layout`]) as real Word tables, their merged headers as gridSpan and vMerge. The page
//! is A4 after GB/T 9704-2012 with the margins and faces print.css asks for, and page numbers
//! 「— n —」 at the foot.

use super::html::{signature_lines, sub_heading, SubHeading};
use crate::format::{self, SectionId};
use crate::layout::{self, CellContent, LayoutCell, TableLayout};
use crate::message::Message;
use crate::model::Report;
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
    Table, TableBorder, TableBorderPosition, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, VMergeType, WidthType,
};

/// A4, in millimetres.
pub const PAGE_MM: (u32, u32) = (210, 297);

/// GB/T 9704-2012's margins, as print.css has them (`margin: 37mm 26mm 35mm 28mm`): 天头 37,
/// 订口 28, and a 156 × 225 mm 版心.
pub const MARGINS_MM: Margins = Margins {
    top: 37,
    right: 26,
    bottom: 35,
    left: 28,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
}

/// Why a .docx could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxError {
    pub message: Message,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl std::error::Error for DocxError {}

/// The whole report as the bytes of a .docx file.
///
/// Only the zip writer can fail, on a buffer in memory, so in practice never; the error is
/// still a value rather than a panic.
pub fn render_docx(report: &Report) -> Result<Vec<u8>, DocxError> {
    let mut docx = document_frame();
    docx = docx.add_paragraph(title_paragraph(report));
    let mut head_rows = Vec::new();
    for def in &format::SECTIONS {
        let heading = Paragraph::new()
            .style(STYLE_HEADING_1)
            .keep_next(true)
            .add_run(Run::new().add_text(clean(def.heading)));
        let table = layout::table_layout(def.id);
        match &table {
            Some(layout) => {
                // Table 四 has no period line: its heading sits right above the table.
                let period = matches!(def.id, SectionId::Active | SectionId::Requests);
                if period {
                    docx = docx.add_paragraph(heading).add_paragraph(
                        Paragraph::new()
                            .style(STYLE_PERIOD)
                            .keep_next(true)
                            .line_spacing(body_spacing().after(TABLE_GAP_BEFORE))
                            .add_run(
                                Run::new()
                                    .add_text(clean(&format::statistics_period(report.meta.year))),
                            ),
                    );
                } else {
                    docx = docx.add_paragraph(
                        heading.line_spacing(body_spacing().after(TABLE_GAP_BEFORE)),
                    );
                }
                head_rows.push(head_row_count(layout));
                // An empty body line after the table, as the printed page's margin below it.
                docx = docx
                    .add_table(table_of(report, layout))
                    .add_paragraph(Paragraph::new());
            }
            None => docx = docx.add_paragraph(heading),
        }
        for paragraph in text_paragraphs(report.sections.get(def.id)) {
            docx = docx.add_paragraph(paragraph);
        }
    }
    for paragraph in signature_paragraphs(report) {
        docx = docx.add_paragraph(paragraph);
    }

    let mut parts = docx.build();
    // docx-rs has no setter for a repeated header row; see `mark_header_rows`.
    let document = String::from_utf8_lossy(&parts.document).into_owned();
    parts.document = mark_header_rows(&document, &head_rows).into_bytes();
    let mut out = std::io::Cursor::new(Vec::with_capacity(64 * 1024));
    parts.pack(&mut out).map_err(|e| DocxError {
        message: Message {
            zh: format!("无法生成 Word 文档：{e}"),
            en: format!("cannot write the Word document: {e}"),
        },
    })?;
    Ok(out.into_inner())
}

// ---------------------------------------------------------------------------------------------
// Page, styles and faces
// ---------------------------------------------------------------------------------------------

const STYLE_TITLE: &str = "Title";
const STYLE_HEADING_1: &str = "Heading1";
const STYLE_HEADING_2: &str = "Heading2";
const STYLE_HEADING_3: &str = "Heading3";
const STYLE_SIGNATURE: &str = "Signature";
const STYLE_PERIOD: &str = "Period";

/// Sizes in half-points, as Word counts them: 3号 body, 2号 title, 4号 page numbers, and the
/// table sizes of print.css.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const PAGE_NUMBER_SIZE: usize = 28;
const REQUESTS_SIZE: usize = 21;
const APPEALS_SIZE: usize = 21;
const ACTIVE_SIZE: usize = 24;
const CORNER_SIZE: usize = 18;

/// 225 mm of text height / 22 lines = 28.9pt, in twentieths of a point.
const BODY_LINE: i32 = 578;
/// 2em of 16pt: the first-line indent of every body paragraph and heading.
const FIRST_LINE_INDENT: i32 = 640;
/// 6pt between the line above a table and the table.
const TABLE_GAP_BEFORE: u32 = 120;
/// Line height 1.3 inside tables, in Word's 240ths of a line.
const TABLE_LINE: i32 = 312;
/// 0.75pt rules, in eighths of a point.
const RULE_SIZE: usize = 6;
/// The page number's line sits 7 mm under the text block (GB/T 9704 7.5): the footer's own
/// distance from the page edge, leaving room for one 14pt line.
const FOOTER_MM: f64 = 23.0;

/// Table 三's three label columns (print.css `--requests-*-width`); its count columns share the
/// rest of the 156 mm text width.
const REQUESTS_GROUP_MM: f64 = 7.0;
const REQUESTS_CATEGORY_MM: f64 = 18.0;
const REQUESTS_LABEL_MM: f64 = 44.0;
/// Table 二's item column (print.css `--active-item-width`), a share of the text width.
const ACTIVE_ITEM_SHARE: f64 = 0.34;

/// The page number's face, as print.css has it: 4号半角宋体.
const PAGE_NUMBER_FACE: &str = "宋体";

fn mm_to_twips(mm: f64) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

fn text_width_twips() -> usize {
    let mm = PAGE_MM.0 - MARGINS_MM.left - MARGINS_MM.right;
    mm_to_twips(f64::from(mm)).max(0) as usize
}

/// The name a face goes by in Word: the first of html.rs's names for it.
fn face(key: &str) -> &'static str {
    super::html::OFFICIAL_FONTS
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, names)| names.first().copied())
        .unwrap_or("仿宋")
}

/// One face for Chinese and Latin alike, so that digits inside a sentence match it.
fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .east_asia(name)
        .cs(name)
}

fn body_spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(BODY_LINE)
}

fn document_frame() -> Docx {
    let body = face("仿宋");
    let mut docx = Docx::new()
        .page_size(
            mm_to_twips(f64::from(PAGE_MM.0)).max(0) as u32,
            mm_to_twips(f64::from(PAGE_MM.1)).max(0) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(mm_to_twips(f64::from(MARGINS_MM.top)))
                .right(mm_to_twips(f64::from(MARGINS_MM.right)))
                .bottom(mm_to_twips(f64::from(MARGINS_MM.bottom)))
                .left(mm_to_twips(f64::from(MARGINS_MM.left)))
                .header(mm_to_twips(15.0))
                .footer(mm_to_twips(FOOTER_MM))
                .gutter(0),
        )
        .default_fonts(fonts(body))
        .default_size(BODY_SIZE)
        .default_line_spacing(body_spacing())
        .footer(page_number_footer());
    let heading = |id: &str, name: &str, face_key: &str, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .q_format(true)
            .fonts(fonts(face(face_key)))
            .size(BODY_SIZE)
            .line_spacing(body_spacing())
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
                None,
                None,
            )
            .outline_lvl(level)
    };
    docx = docx
        .add_style(
            Style::new(STYLE_TITLE, StyleType::Paragraph)
                .name("Title")
                .q_format(true)
                .fonts(fonts(face("小标宋")))
                .size(TITLE_SIZE)
                .align(AlignmentType::Center)
                // line-height 1.45 and one body line below, as h1.title.
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Auto)
                        .line(348)
                        .after(BODY_LINE.max(0) as u32),
                ),
        )
        .add_style(
            // Right-aligned four characters in from the right margin (GB/T 9704).
            Style::new(STYLE_SIGNATURE, StyleType::Paragraph)
                .name("Signature")
                .fonts(fonts(body))
                .size(BODY_SIZE)
                .align(AlignmentType::Right)
                .indent(None, None, Some(2 * FIRST_LINE_INDENT), None)
                .line_spacing(body_spacing()),
        )
        .add_style(
            Style::new(STYLE_PERIOD, StyleType::Paragraph)
                .name("Statistics period")
                .fonts(fonts(body))
                .size(BODY_SIZE)
                .align(AlignmentType::Center)
                .line_spacing(body_spacing()),
        )
        .add_style(heading(STYLE_HEADING_1, "heading 1", "黑体", 0))
        .add_style(heading(STYLE_HEADING_2, "heading 2", "楷体", 1))
        .add_style(heading(STYLE_HEADING_3, "heading 3", "仿宋", 2).bold());
    docx
}

/// 「— n —」 centred at the foot, n a PAGE field that Word and LibreOffice fill in.
fn page_number_footer() -> Footer {
    let run = || {
        Run::new()
            .fonts(fonts(PAGE_NUMBER_FACE))
            .size(PAGE_NUMBER_SIZE)
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(240),
            )
            .add_run(run().add_text("— "))
            .add_run(
                run()
                    .add_field_char(FieldCharType::Begin, false)
                    .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
            )
            .add_run(run().add_field_char(FieldCharType::Separate, false))
            .add_run(run().add_text("1"))
            .add_run(run().add_field_char(FieldCharType::End, false))
            .add_run(run().add_text(" —")),
    )
}

// ---------------------------------------------------------------------------------------------
// The text around the tables
// ---------------------------------------------------------------------------------------------

fn title_paragraph(report: &Report) -> Paragraph {
    Paragraph::new()
        .style(STYLE_TITLE)
        .add_run(Run::new().add_text(clean(&report.title())))
}

/// The agency and the date under the last section, as html.rs prints them: two lines down, the
/// first of them kept with the second.
fn signature_paragraphs(report: &Report) -> Vec<Paragraph> {
    let lines = signature_lines(report);
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let mut spacing = body_spacing();
            if k == 0 {
                spacing = spacing.before(2 * BODY_LINE.max(0) as u32);
            }
            Paragraph::new()
                .style(STYLE_SIGNATURE)
                .keep_next(k + 1 < count)
                .line_spacing(spacing)
                .add_run(Run::new().add_text(clean(line)))
        })
        .collect()
}

// The face and style of html.rs's two levels of sub-heading in Word.
impl SubHeading {
    fn style(self) -> &'static str {
        match self {
            SubHeading::Ordinal => STYLE_HEADING_2,
            SubHeading::Numbered => STYLE_HEADING_3,
        }
    }
    fn run(self, text: &str) -> Run {
        let run = Run::new().add_text(clean(text));
        match self {
            SubHeading::Ordinal => run.fonts(fonts(face("楷体"))),
            SubHeading::Numbered => run.bold(),
        }
    }
}

fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
            None,
            None,
        )
        .line_spacing(body_spacing())
}

/// A section's text, one paragraph a line; a sub-heading with body text after its 「。」 runs
/// into its paragraph in the heading's face, as in html.rs.
fn text_paragraphs(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let Some(level) = sub_heading(line) else {
                return body_paragraph().add_run(Run::new().add_text(clean(line)));
            };
            let run_in = line
                .find('。')
                .map(|at| line.split_at(at + '。'.len_utf8()))
                .filter(|(_, body)| !body.trim().is_empty());
            match run_in {
                Some((heading, body)) => body_paragraph()
                    .add_run(level.run(heading))
                    .add_run(Run::new().add_text(clean(body.trim_start()))),
                None => Paragraph::new()
                    .style(level.style())
                    .keep_next(true)
                    .add_run(Run::new().add_text(clean(line))),
            }
        })
        .collect()
}

/// Drops what XML 1.0 cannot hold (control characters but tab and newline, U+FFFE/U+FFFF) and
/// the noncharacters html.rs drops too; docx-rs escapes the markup characters itself.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            let n = u32::from(c);
            c == '\t'
                || c == '\n'
                || !(c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tables: the shared layout drawn as Word tables
// ---------------------------------------------------------------------------------------------

/// How one table is set: type size and cell padding (twips), as print.css has them.
struct TableLook {
    size: usize,
    pad_x: usize,
    pad_y: usize,
}

fn look(table: SectionId) -> TableLook {
    match table {
        SectionId::Requests => TableLook {
            size: REQUESTS_SIZE,
            pad_x: 20,
            pad_y: 20,
        },
        SectionId::Appeals => TableLook {
            size: APPEALS_SIZE,
            pad_x: 30,
            pad_y: 20,
        },
        _ => TableLook {
            size: ACTIVE_SIZE,
            pad_x: 60,
            pad_y: 40,
        },
    }
}

/// The grid's column widths in twips: the label columns as print.css sets them, the value
/// columns sharing what is left of the text width; they add up to the text width exactly.
fn column_widths(layout: &TableLayout) -> Vec<usize> {
    let total = text_width_twips();
    let fixed = |class: &str| -> Option<usize> {
        let mm = match class {
            "requests-group" => REQUESTS_GROUP_MM,
            "requests-category" => REQUESTS_CATEGORY_MM,
            "requests-label" => REQUESTS_LABEL_MM,
            "active-item" => return Some((total as f64 * ACTIVE_ITEM_SHARE).round() as usize),
            _ => return None,
        };
        Some(mm_to_twips(mm).max(0) as usize)
    };
    let fixed_total: usize = layout
        .columns
        .iter()
        .filter_map(|(class, count)| fixed(class).map(|w| w * count))
        .sum();
    let shared: usize = layout
        .columns
        .iter()
        .filter(|(class, _)| fixed(class).is_none())
        .map(|(_, count)| count)
        .sum();
    let rest = total.saturating_sub(fixed_total);
    let each = rest.checked_div(shared).unwrap_or(0);
    let mut widths: Vec<usize> = layout
        .columns
        .iter()
        .flat_map(|(class, count)| std::iter::repeat_n(fixed(class).unwrap_or(each), *count))
        .collect();
    let sum: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(sum);
    }
    widths
}

/// Rows at the top of the table that repeat on every page: the layout's head groups.
fn head_row_count(layout: &TableLayout) -> usize {
    layout
        .groups
        .iter()
        .take_while(|group| group.is_head)
        .map(|group| group.rows.len())
        .sum()
}

fn table_of(report: &Report, layout: &TableLayout) -> Table {
    let look = look(layout.table);
    let widths = column_widths(layout);
    let width_of =
        |from: usize, cols: usize| -> usize { widths.iter().skip(from).take(cols).sum() };
    let grid_columns = widths.len();
    // For each grid column, the rowspan cell above that still covers it: (its columns, rows left).
    let mut covered: Vec<Option<(usize, usize)>> = vec![None; grid_columns];
    let mut rows = Vec::new();
    for group in &layout.groups {
        for (index_in_group, cells) in group.rows.iter().enumerate() {
            // Table 二's bands are short: each stays on one page with its header, as print.css
            // keeps a band's tbody whole.
            let keep_with_next =
                layout.table == SectionId::Active && index_in_group + 1 < group.rows.len();
            let mut out = Vec::new();
            let mut column = 0;
            let mut cells = cells.iter();
            while column < grid_columns {
                if let Some((cols, left)) = covered.get(column).copied().flatten() {
                    out.push(merged_continuation(
                        &look,
                        width_of(column, cols),
                        cols,
                        keep_with_next,
                    ));
                    if let Some(slot) = covered.get_mut(column) {
                        *slot = (left > 1).then_some((cols, left - 1));
                    }
                    column += cols.max(1);
                    continue;
                }
                let Some(cell) = cells.next() else { break };
                let cols = cell.cols.max(1);
                out.push(cell_of(
                    report,
                    layout.table,
                    &look,
                    cell,
                    width_of(column, cols),
                    keep_with_next,
                ));
                if cell.rows > 1 {
                    if let Some(slot) = covered.get_mut(column) {
                        *slot = Some((cols, cell.rows - 1));
                    }
                }
                column += cols;
            }
            rows.push(TableRow::new(out).cant_split());
        }
    }
    let mut table = Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(text_width_twips(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(look.pad_y, look.pad_x, look.pad_y, look.pad_x));
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        table = table.set_border(TableBorder::new(position).size(RULE_SIZE));
    }
    table
}

fn cell_paragraph(look: &TableLook, align: AlignmentType, keep_with_next: bool) -> Paragraph {
    Paragraph::new()
        .align(align)
        .keep_next(keep_with_next)
        .size(look.size)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(TABLE_LINE),
        )
}

/// 「（三）不予公开」 broken after its ordinal, as print.css's keep-all breaks it, rather than
/// inside a word.
fn after_ordinal(label: &str) -> Vec<&str> {
    match label.find('）') {
        Some(at) if at + '）'.len_utf8() < label.len() => {
            let (ordinal, rest) = label.split_at(at + '）'.len_utf8());
            vec![ordinal, rest]
        }
        _ => vec![label],
    }
}

/// A short header label that does not fit its column, in lines of even length: 「商业/企业」,
/// not 「商业企/业」 (print.css's `text-wrap: balance`). Long labels wrap as Word wraps them.
fn balanced_lines(label: &str, inner_twips: usize, size_half_points: usize) -> Vec<&str> {
    let chars = label.chars().count();
    // A CJK character is one em wide: the type size, in twips (half-points × 10).
    let per_line = inner_twips / (size_half_points * 10).max(1);
    if chars > 8 || per_line == 0 || chars <= per_line || !label.chars().all(|c| !c.is_ascii()) {
        return vec![label];
    }
    let lines = chars.div_ceil(per_line);
    let per_balanced = chars.div_ceil(lines);
    let mut out = Vec::with_capacity(lines);
    let mut rest = label;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .nth(per_balanced)
            .map_or(rest.len(), |(at, _)| at);
        let (line, after) = rest.split_at(cut);
        out.push(line);
        rest = after;
    }
    out
}

fn cell_of(
    report: &Report,
    layout_table: SectionId,
    look: &TableLook,
    cell: &LayoutCell,
    width: usize,
    keep_with_next: bool,
) -> TableCell {
    // A blank cell stays empty: blank is not zero.
    let (text, align) = match &cell.content {
        CellContent::Header(label) => ((*label).to_owned(), AlignmentType::Center),
        CellContent::RowLabel(label) => ((*label).to_owned(), AlignmentType::Left),
        CellContent::Value(place) => (
            report.cell(place).map(|v| v.text()).unwrap_or_default(),
            AlignmentType::Center,
        ),
    };
    // The band lines of table 二 read left, as print.css sets th.band.
    let align = if cell.class == "band" {
        AlignmentType::Left
    } else {
        align
    };
    let size = if cell.class == "corner" {
        CORNER_SIZE
    } else {
        look.size
    };
    let lines = match &cell.content {
        CellContent::Header(_) if cell.class == "category" => after_ordinal(&text),
        CellContent::Header(_) if layout_table != SectionId::Active => {
            balanced_lines(&text, width.saturating_sub(2 * look.pad_x), size)
        }
        _ => vec![text.as_str()],
    };
    let mut run = Run::new().size(size);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(clean(line));
    }
    let mut out = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(cell_paragraph(look, align, keep_with_next).add_run(run));
    if cell.cols > 1 {
        out = out.grid_span(cell.cols);
    }
    if cell.rows > 1 {
        out = out.vertical_merge(VMergeType::Restart);
    }
    out
}

/// The cell under a rowspan cell: Word draws a merged cell as its first cell plus one
/// continuation in each row below.
fn merged_continuation(
    look: &TableLook,
    width: usize,
    cols: usize,
    keep_with_next: bool,
) -> TableCell {
    let mut out = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .vertical_merge(VMergeType::Continue)
        .add_paragraph(cell_paragraph(look, AlignmentType::Center, keep_with_next));
    if cols > 1 {
        out = out.grid_span(cols);
    }
    out
}

/// Adds `<w:tblHeader/>` to the first `counts[i]` rows of the i-th table, so that Word repeats
/// them on every page. docx-rs 0.4.22's row properties have no such flag, so the built
/// document.xml is edited: user text is escaped there, so `<w:tbl>` and `<w:trPr>` can only be
/// the elements themselves.
fn mark_header_rows(document: &str, counts: &[usize]) -> String {
    let mut out = String::with_capacity(document.len() + 64);
    let mut rest = document;
    for &count in counts {
        let Some(at) = rest.find("<w:tbl>") else {
            break;
        };
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        let end = table.find("</w:tbl>").unwrap_or(table.len());
        let (mut table, after) = table.split_at(end);
        for _ in 0..count {
            let Some(at) = table.find("<w:trPr>") else {
                break;
            };
            let open_end = at + "<w:trPr>".len();
            out.push_str(table.get(..open_end).unwrap_or_default());
            out.push_str("<w:tblHeader />");
            table = table.get(open_end..).unwrap_or_default();
        }
        out.push_str(table);
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRINT_CSS: &str = include_str!("print.css");

    #[test]
    fn page_and_table_measures_are_print_css_s() {
        let m = MARGINS_MM;
        assert!(PRINT_CSS.contains(&format!(
            "margin: {}mm {}mm {}mm {}mm;",
            m.top, m.right, m.bottom, m.left
        )));
        assert!(PRINT_CSS.contains("size: A4;"));
        for (name, mm) in [
            ("--requests-group-width", REQUESTS_GROUP_MM),
            ("--requests-category-width", REQUESTS_CATEGORY_MM),
            ("--requests-label-width", REQUESTS_LABEL_MM),
        ] {
            assert!(PRINT_CSS.contains(&format!("{name}: {mm}mm;")), "{name}");
        }
        assert!(PRINT_CSS.contains(&format!(
            "--active-item-width: {}%;",
            (ACTIVE_ITEM_SHARE * 100.0).round()
        )));
        assert!(PRINT_CSS.contains(&format!(
            "--requests-font-size: {}pt;",
            REQUESTS_SIZE as f64 / 2.0
        )));
        assert!(PRINT_CSS.contains(&format!("--line: {}pt;", f64::from(BODY_LINE) / 20.0)));
    }

    #[test]
    fn widths_fill_the_text_block() {
        for table in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
            let layout = layout::table_layout(table).unwrap();
            let widths = column_widths(&layout);
            let columns: usize = layout.columns.iter().map(|(_, n)| n).sum();
            assert_eq!(widths.len(), columns);
            assert_eq!(widths.iter().sum::<usize>(), text_width_twips());
            assert!(widths.iter().all(|w| *w > 300), "{table:?}: {widths:?}");
        }
        // 156 mm.
        assert_eq!(text_width_twips(), 8844);
    }

    #[test]
    fn header_rows_are_marked_in_their_own_table_only() {
        let xml = "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p />\
                   <w:tbl><w:tr><w:trPr /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl></w:body>";
        let marked = mark_header_rows(xml, &[0, 5]);
        let first_table_end = marked.find("</w:tbl>").unwrap();
        assert!(!marked[..first_table_end].contains("tblHeader"));
        assert_eq!(marked.matches("<w:tblHeader />").count(), 2);
        assert_eq!(mark_header_rows(xml, &[1]).matches("tblHeader").count(), 1);
        assert_eq!(mark_header_rows(xml, &[]), xml);
    }

    #[test]
    fn narrow_headers_break_evenly() {
        // Table 三's count columns hold three characters of 10.5pt a line.
        assert_eq!(balanced_lines("商业企业", 664, 21), vec!["商业", "企业"]);
        assert_eq!(
            balanced_lines("社会公益组织", 664, 21),
            vec!["社会公", "益组织"]
        );
        assert_eq!(balanced_lines("自然人", 664, 21), vec!["自然人"]);
        assert_eq!(balanced_lines("结果维持", 529, 21), vec!["结果", "维持"]);
        assert_eq!(
            balanced_lines("未经复议直接起诉", 5000, 21),
            vec!["未经复议直接起诉"]
        );
        assert_eq!(after_ordinal("（三）不予公开"), vec!["（三）", "不予公开"]);
        assert_eq!(after_ordinal("（七）"), vec!["（七）"]);
    }

    #[test]
    fn clean_keeps_text_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            clean("a\u{0}b\u{7}c\u{FFFF}d\u{FDD0}e\r\n\t<&>"),
            "abcde\n\t<&>"
        );
    }
}
