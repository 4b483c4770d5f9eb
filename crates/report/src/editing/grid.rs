//! A statistical table as a spreadsheet: where a key sends the focus, what a typed text means
//! in a cell, and what a pasted block does (which value goes into which cell, and what is
//! refused and why). The grid is given as its value cells row by row
//! ([`crate::layout::TableLayout::value_rows`]): the editor draws the official layout and only
//! asks these functions what to do.

use crate::clipboard::{self, CellError};
use crate::export::html::escape_into;
use crate::fee::Decimal;
use crate::finding::Severity;
use crate::format::ActiveRowId;
use crate::layout::{CellContent, LayoutCell, TableLayout};
use crate::message::Message;
use crate::model::{CellValue, Place};
use crate::totals;

/// What is said before the cells a paste refused.
pub const PASTE_REFUSED: (&str, &str) = ("以下单元格未粘贴：", "These cells were not pasted: ");
/// What is said when a paste reached past the table's edge.
pub const PASTE_OUTSIDE: (&str, &str) = (
    "超出表格的内容未粘贴",
    "content beyond the table was not pasted",
);

/// Where the cell `place` is among `rows`: (row, column).
fn position(rows: &[Vec<Place>], place: &Place) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|p| p == place).map(|c| (r, c)))
}

/// Where a key (the browser's `KeyboardEvent.key`) sends the focus from `from`, as in Excel:
/// arrows move one cell and stop at the edge, Enter moves down (Shift up), Tab right and on to
/// the next row (Shift back), Home/End to the row's ends, Ctrl+Home/End to the table's. A row
/// shorter than the column moved along lands on its last cell. None: the key is not the grid's.
pub fn move_focus(
    key: &str,
    shift: bool,
    ctrl: bool,
    rows: &[Vec<Place>],
    from: &Place,
) -> Option<Place> {
    let (r, c) = position(rows, from)?;
    let at = |r: usize, c: usize| {
        rows.get(r)
            .and_then(|row| row.get(c.min(row.len().saturating_sub(1))))
            .cloned()
    };
    let row = rows.get(r)?;
    match (key, shift) {
        ("ArrowUp", _) | ("Enter", true) => at(r.checked_sub(1)?, c),
        ("ArrowDown", _) | ("Enter", false) => at(r + 1, c),
        ("ArrowLeft", _) | ("Tab", true) => match c.checked_sub(1) {
            Some(c) => at(r, c),
            None if key == "Tab" => rows
                .get(r.checked_sub(1)?)
                .and_then(|row| row.last())
                .cloned(),
            None => None,
        },
        ("ArrowRight", _) | ("Tab", false) => {
            if c + 1 < row.len() {
                at(r, c + 1)
            } else if key == "Tab" {
                rows.get(r + 1).and_then(|row| row.first()).cloned()
            } else {
                None
            }
        }
        ("Home", _) if ctrl => rows.first().and_then(|row| row.first()).cloned(),
        ("End", _) if ctrl => rows.last().and_then(|row| row.last()).cloned(),
        ("Home", _) => row.first().cloned(),
        ("End", _) => row.last().cloned(),
        _ => None,
    }
}

/// A text typed or pasted into the cell at `place`: the fee is an amount, every other cell a
/// count.
pub fn parse_cell(place: &Place, text: &str) -> Result<CellValue, CellError> {
    match place {
        Place::Active(ActiveRowId::Fees, _) => Decimal::parse_cell(text).map(CellValue::Fee),
        _ => clipboard::parse_count(text).map(CellValue::Count),
    }
}

/// Zero in the cell at `place` (「填零」 fills blank cells with it).
pub fn zero(place: &Place) -> CellValue {
    match place {
        Place::Active(ActiveRowId::Fees, _) => CellValue::Fee(Some(Decimal::zero())),
        _ => CellValue::Count(Some(0)),
    }
}

/// The name of a cell in messages: 「三(七) 自然人」.
pub fn cell_name(place: &Place) -> String {
    place.cell_name().unwrap_or_else(|| place.id())
}

/// What a screen reader says of a cell of table 三: the row as reviewers cite it, the row's own
/// words and the column, 「三(一) 予以公开，商业企业」. Other tables' cells by [`cell_name`].
pub fn spoken_cell_name(place: &Place) -> String {
    match place {
        Place::Request { row, column } => {
            let (Some(row), Some(column)) = (
                crate::format::REQUEST_ROWS.get(*row),
                crate::format::REQUEST_COLUMNS.get(*column),
            ) else {
                return cell_name(place);
            };
            format!(
                "{} {}，{}",
                row.short,
                without_numbering(row.label),
                column.label
            )
        }
        _ => cell_name(place),
    }
}

/// A row label without its printed number: 「（一）予以公开」, 「1.属于国家秘密」 and
/// 「一、本年新收…」 lose 「（一）」, 「1.」 and 「一、」 (the cited row says it already).
fn without_numbering(label: &str) -> &str {
    let numerals = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = label.trim_start_matches('（').trim_start_matches(numerals);
    let rest = rest
        .strip_prefix('）')
        .or_else(|| rest.strip_prefix('、'))
        .or_else(|| rest.strip_prefix('.'))
        .unwrap_or(label);
    if rest.is_empty() {
        label
    } else {
        rest
    }
}

/// Whether a pasted block is one value for one cell: the input takes it as typing.
pub fn is_one_value(block: &[Vec<String>]) -> bool {
    block.len() <= 1 && block.first().is_none_or(|row| row.len() <= 1)
}

/// What a pasted block does: the values that land (as one undo step), the cells refused with
/// why, and whether anything fell past the table's edge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePlan {
    pub accepted: Vec<(Place, CellValue)>,
    pub refused: Vec<(Place, CellError)>,
    /// A non-blank value fell beyond the last row or column.
    pub outside: bool,
}

/// Plans the paste of `block` (rows of cells, from [`clipboard::parse_block`]) anchored at the
/// cell `anchor`. With auto-total on, total cells are passed over: a computed total is
/// checked, not typed.
pub fn plan_paste(
    block: &[Vec<String>],
    anchor: &Place,
    rows: &[Vec<Place>],
    auto_total: bool,
) -> PastePlan {
    let mut plan = PastePlan::default();
    let Some((r0, c0)) = position(rows, anchor) else {
        return plan;
    };
    for (i, line) in block.iter().enumerate() {
        for (j, text) in line.iter().enumerate() {
            let Some(target) = rows.get(r0 + i).and_then(|row| row.get(c0 + j)) else {
                plan.outside |= !text.trim().is_empty();
                continue;
            };
            if auto_total && totals::is_total(target) {
                continue;
            }
            match parse_cell(target, text) {
                Ok(value) => plan.accepted.push((target.clone(), value)),
                Err(error) => plan.refused.push((target.clone(), error)),
            }
        }
    }
    plan
}

impl PastePlan {
    /// What the user is told (Chinese, English): the refused cells, each with its reason, and
    /// the content past the edge. None when everything landed.
    pub fn message(&self) -> Option<Message> {
        if self.refused.is_empty() && !self.outside {
            return None;
        }
        let mut zh = String::new();
        let mut en = String::new();
        if !self.refused.is_empty() {
            zh.push_str(PASTE_REFUSED.0);
            en.push_str(PASTE_REFUSED.1);
            for (k, (place, error)) in self.refused.iter().enumerate() {
                if k > 0 {
                    zh.push('；');
                    en.push_str("; ");
                }
                let name = cell_name(place);
                zh.push_str(&format!("{name}（{}）", error.message.zh));
                en.push_str(&format!("{name} ({})", error.message.en));
            }
        }
        if self.outside {
            if !zh.is_empty() {
                zh.push('。');
                en.push_str(". ");
            }
            zh.push_str(PASTE_OUTSIDE.0);
            en.push_str(PASTE_OUTSIDE.1);
        }
        Some(Message { zh, en })
    }
}

/// The DOM id of the element that edits `place`: what a finding's link and the grid's keys
/// focus, and how the grid's listeners know which cell an event came from.
pub fn dom_id(place: &Place) -> String {
    match place {
        Place::Section(_) | Place::Meta(_) | Place::Report => place.id().replace('/', "-"),
        _ => format!("cell-{}", place.id().replace('/', "-")),
    }
}

/// What a value cell of the grid shows: its text and its marks. The editor writes a cell's look
/// into the grid's markup when the grid is drawn; afterwards the text and the marks change apart
/// (a keystroke changes the text, the findings the marks).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellLook {
    pub text: String,
    pub marks: CellMarks,
}

/// How a value cell is marked and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellMarks {
    pub severity: Option<Severity>,
    /// A total the editor computes (自动合计 on): shown, not typed.
    pub computed: bool,
    /// The refusal or the finding, in the reader's language: the cell's tooltip.
    pub title: Option<String>,
}

impl CellMarks {
    /// The input's class attribute.
    pub fn class(&self) -> String {
        let mut class = String::from("cell");
        if let Some(severity) = self.severity {
            class.push_str(match severity {
                Severity::Error => " cell-error",
                Severity::Warning => " cell-warning",
                Severity::Info => " cell-info",
            });
        }
        if self.computed {
            class.push_str(" computed");
        }
        class
    }

    pub fn is_invalid(&self) -> bool {
        self.severity == Some(Severity::Error)
    }
}

/// The inside of a grid's `<table>`: its columns, header rows, row labels and value cells, each
/// value cell a text box of text looking as `look(place)` says. The editor lays its one
/// `<input>` over the cell being edited, as web spreadsheets do: every frame of typing
/// paints and layerizes each input on screen, ~200 of them a third of the frame
/// (bench/goals-not-met.md). The first value cell is the table's stop in the Tab order, the others
/// are reached with the keys. One piece of markup the browser parses at once: drawing the ~700
/// elements of the three tables one by one was most of the editor's opening (docs/benchmarks.md).
/// Attributes most cells do not need are left off.
pub fn markup(layout: &TableLayout, look: &mut dyn FnMut(&Place) -> CellLook) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let mut tab_stop = true;
    out.push_str("<colgroup>");
    for (class, count) in &layout.columns {
        for _ in 0..*count {
            push_open(&mut out, "col", &[("class", class)]);
        }
    }
    out.push_str("</colgroup>");
    for group in &layout.groups {
        let tag = if group.is_head { "thead" } else { "tbody" };
        push_open(&mut out, tag, &[]);
        for row in &group.rows {
            out.push_str("<tr role=\"row\">");
            for cell in row {
                push_cell(&mut out, cell, look, &mut tab_stop);
            }
            out.push_str("</tr>");
        }
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
    out
}

fn push_cell(
    out: &mut String,
    cell: &LayoutCell,
    look: &mut dyn FnMut(&Place) -> CellLook,
    tab_stop: &mut bool,
) {
    let rows = (cell.rows > 1).then(|| cell.rows.to_string());
    let cols = (cell.cols > 1).then(|| cell.cols.to_string());
    let spans = [("rowspan", rows.as_deref()), ("colspan", cols.as_deref())];
    let spans = spans
        .iter()
        .filter_map(|(name, value)| Some((*name, (*value)?)));
    match &cell.content {
        CellContent::Header(text) | CellContent::RowLabel(text) => {
            let (role, class) = match cell.content {
                CellContent::Header(_) => ("columnheader", cell.class.to_owned()),
                _ => ("rowheader", format!("row-label {}", cell.class)),
            };
            let attributes: Vec<_> = [("role", role), ("class", class.trim_end())]
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .chain(spans)
                .collect();
            push_open(out, "th", &attributes);
            escape_into(out, text);
            out.push_str("</th>");
        }
        CellContent::Value(place) => {
            let attributes: Vec<_> = [("role", "gridcell"), ("class", "value")]
                .into_iter()
                .chain(spans)
                .collect();
            push_open(out, "td", &attributes);
            let look = look(place);
            let marks = &look.marks;
            let (id, class, label) = (dom_id(place), marks.class(), spoken_cell_name(place));
            let tab_index = if std::mem::take(tab_stop) { "0" } else { "-1" };
            let mut text_box = vec![
                ("id", id.as_str()),
                ("class", class.as_str()),
                ("role", "textbox"),
                ("tabindex", tab_index),
                ("aria-label", label.as_str()),
            ];
            if marks.is_invalid() {
                text_box.push(("aria-invalid", "true"));
            }
            if marks.computed {
                text_box.push(("aria-readonly", "true"));
            }
            if let Some(title) = &marks.title {
                text_box.push(("title", title));
            }
            push_open(out, "span", &text_box);
            escape_into(out, &look.text);
            out.push_str("</span></td>");
        }
    }
}

fn push_open(out: &mut String, tag: &str, attributes: &[(&str, &str)]) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(out, value);
        out.push('"');
    }
    out.push('>');
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_of_table_three_is_spoken_with_its_row_and_column() {
        use crate::format::REQUEST_ROWS;
        let place = |key: &str, column: usize| Place::Request {
            row: REQUEST_ROWS.iter().position(|r| r.key == key).unwrap(),
            column,
        };
        assert_eq!(
            super::spoken_cell_name(&place("3.1", 1)),
            "三(一) 予以公开，商业企业"
        );
        assert_eq!(
            super::spoken_cell_name(&place("1", 0)),
            "一 本年新收政府信息公开申请数量，自然人"
        );
        assert_eq!(
            super::spoken_cell_name(&place("3.3.1", 6)),
            "三(三)1 属于国家秘密，总计"
        );
        assert_eq!(
            super::spoken_cell_name(&place("3.7", 0)),
            "三(七) 总计，自然人"
        );
    }

    use super::*;
    use crate::clipboard::CellProblem;
    use crate::export::html::escape;
    use crate::layout;
    use crate::SectionId;

    fn rows(table: SectionId) -> Vec<Vec<Place>> {
        layout::table_layout(table).unwrap().value_rows()
    }

    fn block(text: &str) -> Vec<Vec<String>> {
        clipboard::parse_block(text, None)
    }

    #[test]
    fn keys_move_as_in_a_spreadsheet() {
        let rows = rows(SectionId::Requests);
        let first = rows[0][0].clone();
        let go = |key: &str, shift: bool, ctrl: bool, from: &Place| {
            move_focus(key, shift, ctrl, &rows, from)
        };
        assert_eq!(
            go("ArrowRight", false, false, &first),
            Some(rows[0][1].clone())
        );
        assert_eq!(
            go("ArrowDown", false, false, &first),
            Some(rows[1][0].clone())
        );
        assert_eq!(go("Enter", false, false, &first), Some(rows[1][0].clone()));
        assert_eq!(go("Enter", true, false, &rows[1][0]), Some(first.clone()));
        // Arrows stop at the edge; Tab goes on to the next row, Shift+Tab back to the last.
        assert_eq!(go("ArrowUp", false, false, &first), None);
        assert_eq!(go("ArrowLeft", false, false, &first), None);
        let last_of_first = rows[0].last().unwrap().clone();
        assert_eq!(go("ArrowRight", false, false, &last_of_first), None);
        assert_eq!(
            go("Tab", false, false, &last_of_first),
            Some(rows[1][0].clone())
        );
        assert_eq!(
            go("Tab", true, false, &rows[1][0]),
            Some(last_of_first.clone())
        );
        assert_eq!(go("Tab", true, false, &first), None);
        assert_eq!(go("End", false, false, &first), Some(last_of_first));
        assert_eq!(
            go("Home", false, false, &rows[2][3]),
            Some(rows[2][0].clone())
        );
        assert_eq!(
            go("End", false, true, &first),
            rows.last().unwrap().last().cloned()
        );
        assert_eq!(go("Home", false, true, &rows[4][4]), Some(first.clone()));
        assert_eq!(go("a", false, false, &first), None);
        assert_eq!(go("ArrowDown", false, false, &Place::Report), None);
    }

    #[test]
    fn a_shorter_row_takes_the_focus_on_its_last_cell() {
        // Table 二: the rows of 规章 have three cells, 行政许可 one.
        let rows = rows(SectionId::Active);
        let (r, wide) = rows
            .iter()
            .enumerate()
            .find(|(r, row)| row.len() > 1 && rows.get(r + 1).is_some_and(|n| n.len() == 1))
            .unwrap();
        let from = wide.last().unwrap();
        assert_eq!(
            move_focus("ArrowDown", false, false, &rows, from),
            Some(rows[r + 1][0].clone())
        );
    }

    #[test]
    fn cells_read_counts_and_the_fee_an_amount() {
        let fee = Place::Active(ActiveRowId::Fees, "amount");
        assert_eq!(
            parse_cell(&fee, "4,068.208万元"),
            Ok(CellValue::Fee(Some(Decimal("4068.208".into()))))
        );
        let count = rows(SectionId::Requests)[0][0].clone();
        assert_eq!(
            parse_cell(&count, "１,295"),
            Ok(CellValue::Count(Some(1295)))
        );
        assert_eq!(parse_cell(&count, "—"), Ok(CellValue::Count(None)));
        assert_eq!(
            parse_cell(&count, "3.5").unwrap_err().problem,
            CellProblem::NotACount
        );
        assert_eq!(zero(&fee), CellValue::Fee(Some(Decimal::zero())));
        assert_eq!(zero(&count), CellValue::Count(Some(0)));
        assert!(is_one_value(&block("12")));
        assert!(!is_one_value(&block("1\t2")));
        assert!(!is_one_value(&block("1\n2")));
    }

    #[test]
    fn a_block_lands_from_the_anchor_and_refuses_what_is_not_a_count() {
        let rows = rows(SectionId::Requests);
        let anchor = rows[0][0].clone();
        let plan = plan_paste(&block("1\t2\n3\tx"), &anchor, &rows, false);
        assert_eq!(
            plan.accepted,
            vec![
                (rows[0][0].clone(), CellValue::Count(Some(1))),
                (rows[0][1].clone(), CellValue::Count(Some(2))),
                (rows[1][0].clone(), CellValue::Count(Some(3))),
            ]
        );
        assert_eq!(plan.refused.len(), 1);
        assert_eq!(plan.refused[0].0, rows[1][1]);
        assert!(!plan.outside);
        let Message { zh, en } = plan.message().unwrap();
        let name = cell_name(&rows[1][1]);
        assert_eq!(
            zh,
            format!("以下单元格未粘贴：{name}（“x”不是件数：件数须为不小于0的整数）")
        );
        assert!(en.starts_with(&format!("These cells were not pasted: {name} (")));
    }

    #[test]
    fn past_the_edge_is_said_and_blank_overflow_is_not() {
        let rows = rows(SectionId::Requests);
        let last_row = rows.last().unwrap();
        let anchor = last_row.last().unwrap().clone();
        let plan = plan_paste(&block("5\t6\n7\t8"), &anchor, &rows, false);
        assert_eq!(
            plan.accepted,
            vec![(anchor.clone(), CellValue::Count(Some(5)))]
        );
        assert!(plan.outside);
        assert_eq!(
            plan.message(),
            Some(Message::new(
                "超出表格的内容未粘贴",
                "content beyond the table was not pasted"
            ))
        );
        let blank_beyond = plan_paste(&block("5\t\n\t"), &anchor, &rows, false);
        assert!(!blank_beyond.outside);
        assert_eq!(blank_beyond.message(), None);
        // Refused and outside together: both, in that order.
        let both = plan_paste(&block("x\t6"), &anchor, &rows, false);
        assert!(both
            .message()
            .unwrap()
            .zh
            .ends_with("。超出表格的内容未粘贴"));
    }

    #[test]
    fn totals_are_passed_over_when_computed() {
        let rows = rows(SectionId::Requests);
        let row = &rows[0];
        let total = row.iter().position(totals::is_total).unwrap();
        let line = vec!["9".to_owned(); row.len()];
        let on = plan_paste(std::slice::from_ref(&line), &row[0], &rows, true);
        assert_eq!(on.accepted.len(), row.len() - 1);
        assert!(on.accepted.iter().all(|(p, _)| *p != row[total]));
        let off = plan_paste(&[line], &row[0], &rows, false);
        assert_eq!(off.accepted.len(), row.len());
        // An anchor outside the grid plans nothing.
        assert_eq!(
            plan_paste(&block("1\t2"), &Place::Report, &rows, false),
            PastePlan::default()
        );
    }

    /// The markup's start tags: (tag name, attributes) in document order.
    fn elements(markup: &str) -> Vec<(String, crate::html_tokens::Attributes)> {
        crate::html_tokens::tokenize(markup)
            .into_iter()
            .filter_map(|token| match token {
                crate::html_tokens::Token::StartTag(tag) => Some((
                    String::from_utf8_lossy(&tag.name).into_owned(),
                    tag.attributes,
                )),
                _ => None,
            })
            .collect()
    }

    fn attribute<'a>(
        attributes: &'a crate::html_tokens::Attributes,
        name: &str,
    ) -> Option<&'a str> {
        attributes
            .get(name.as_bytes())
            .map(|v| std::str::from_utf8(v).unwrap())
    }

    #[test]
    fn the_grid_markup_has_one_text_box_per_value_cell_in_reading_order_with_the_layouts_spans() {
        for table in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
            let layout = layout::table_layout(table).unwrap();
            let mut asked = Vec::new();
            let markup = markup(&layout, &mut |place| {
                asked.push(place.clone());
                CellLook {
                    text: "7".into(),
                    ..CellLook::default()
                }
            });
            let places: Vec<Place> = layout.value_rows().into_iter().flatten().collect();
            assert_eq!(
                asked, places,
                "{table:?}: each value cell asked once, in order"
            );
            let elements = elements(&markup);
            assert!(!elements.iter().any(|(tag, _)| tag == "input"));
            let text_boxes: Vec<_> = elements
                .iter()
                .filter(|(tag, a)| tag == "span" && attribute(a, "role") == Some("textbox"))
                .collect();
            let ids: Vec<_> = text_boxes
                .iter()
                .map(|(_, a)| attribute(a, "id").unwrap().to_owned())
                .collect();
            assert_eq!(ids, places.iter().map(dom_id).collect::<Vec<_>>());
            for (i, (_, attributes)) in text_boxes.iter().enumerate() {
                assert_eq!(attribute(attributes, "class"), Some("cell"));
                assert_eq!(attribute(attributes, "aria-readonly"), None);
                assert!(attribute(attributes, "aria-label").is_some_and(|l| !l.is_empty()));
                let tab_index = if i == 0 { "0" } else { "-1" };
                assert_eq!(
                    attribute(attributes, "tabindex"),
                    Some(tab_index),
                    "{table:?}"
                );
            }
            assert_eq!(markup.matches(">7</span>").count(), places.len());
            let cells: Vec<_> = elements
                .iter()
                .filter(|(tag, _)| tag == "th" || tag == "td")
                .collect();
            let layout_cells: Vec<_> = layout
                .groups
                .iter()
                .flat_map(|g| g.rows.iter().flatten())
                .collect();
            assert_eq!(cells.len(), layout_cells.len(), "{table:?}");
            for ((tag, attributes), cell) in cells.iter().zip(&layout_cells) {
                assert_eq!(tag == "th", cell.is_header());
                let span = |name| attribute(attributes, name).map_or(1, |v| v.parse().unwrap());
                assert_eq!((span("rowspan"), span("colspan")), (cell.rows, cell.cols));
            }
            let columns: usize = layout.columns.iter().map(|(_, n)| n).sum();
            assert_eq!(
                elements.iter().filter(|(tag, _)| tag == "col").count(),
                columns
            );
        }
    }

    #[test]
    fn a_cells_look_is_written_escaped_and_marks_what_is_set() {
        let layout = layout::table_layout(SectionId::Requests).unwrap();
        let first = layout.value_rows()[0][0].clone();
        let markup = markup(&layout, &mut |place| {
            if *place == first {
                CellLook {
                    text: "\"><script>alert(1)</script>".into(),
                    marks: CellMarks {
                        severity: Some(Severity::Error),
                        computed: true,
                        title: Some("<b>总计</b> & \"x\"".into()),
                    },
                }
            } else {
                CellLook::default()
            }
        });
        assert!(!markup.contains("<script"), "{markup}");
        assert!(!markup.contains("<b>"));
        let elements = elements(&markup);
        let (_, attributes) = elements
            .iter()
            .find(|(tag, a)| tag == "span" && attribute(a, "id") == Some(&dom_id(&first)))
            .unwrap();
        assert!(markup.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
        assert_eq!(
            attribute(attributes, "class"),
            Some("cell cell-error computed")
        );
        assert_eq!(attribute(attributes, "aria-invalid"), Some("true"));
        assert_eq!(attribute(attributes, "aria-readonly"), Some("true"));
        assert_eq!(attribute(attributes, "title"), Some("<b>总计</b> & \"x\""));
        let others = elements.iter().filter(|(tag, a)| {
            tag == "span"
                && a.get(&b"id"[..]).is_some()
                && attribute(a, "id") != Some(&dom_id(&first))
        });
        for (_, attributes) in others {
            for absent in ["aria-invalid", "aria-readonly", "title"] {
                assert_eq!(attribute(attributes, absent), None);
            }
        }
    }

    #[test]
    fn every_row_label_of_the_format_is_in_table_three_once() {
        let layout = layout::table_layout(SectionId::Requests).unwrap();
        let markup = markup(&layout, &mut |_| CellLook::default());
        for row in crate::format::REQUEST_ROWS.iter() {
            assert!(markup.contains(&escape(row.label)), "{}", row.label);
        }
    }
}
