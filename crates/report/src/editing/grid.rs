//! A statistical table as a spreadsheet: where a key sends the focus, what a typed text means
//! in a cell, and what a pasted block does (which value goes into which cell, and what is
//! refused and why). The grid is given as its value cells row by row
//! ([`crate::layout::TableLayout::value_rows`]): the editor draws the official layout and only
//! asks these functions what to do.

use crate::clipboard::{self, CellError};
use crate::fee::Decimal;
use crate::format::ActiveRowId;
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
}
