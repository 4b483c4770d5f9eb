//! Year over year: two reports of one agency side by side — every table cell with last year's
//! value and the change, the cross-year rules, and how much of the text repeats last year's,
//! with the repeated passages found again in this year's text.

use std::ops::Range;

use crate::export::html::{escape, escape_into};
use crate::finding::Finding;
use crate::format::{SectionId, SECTIONS};
use crate::layout::value_places;
use crate::model::{CellValue, Place, Report};
use crate::rules::{self, repeated_passages, Repeat};

/// One table cell this year and last year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    pub place: Place,
    pub this_year: Option<CellValue>,
    pub last_year: Option<CellValue>,
    pub change: Change,
}

/// How a count moved. Fees and blank cells are shown, not subtracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Up(u64),
    Down(u64),
    NotComparable,
}

impl Change {
    /// 「+12」, 「−3」, 「持平」 or nothing.
    pub fn text_zh(self) -> String {
        match self {
            Change::Same => "持平".to_owned(),
            Change::Up(n) => format!("+{n}"),
            Change::Down(n) => format!("−{n}"),
            Change::NotComparable => String::new(),
        }
    }
    pub fn text_en(self) -> String {
        match self {
            Change::Same => "same".to_owned(),
            _ => self.text_zh(),
        }
    }
}

/// One section's text measured against last year's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRepeat {
    pub section: SectionId,
    /// Percent of this section's runs found anywhere in last year's text (None: no text).
    pub percent: Option<usize>,
    /// Byte ranges of this year's section text found in last year's text.
    pub passages: Vec<Range<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearOverYear {
    /// Every value cell of tables 二, 三 and 四, in the tables' order.
    pub cells: Vec<CellChange>,
    /// X-last-year, X-carry-over, X-in-force and T-repeat.
    pub findings: Vec<Finding>,
    pub sections: Vec<SectionRepeat>,
    /// T-repeat's two measures: section 五 against last year's 五, and the whole text.
    pub problems_percent: Option<usize>,
    pub whole_percent: Option<usize>,
}

pub fn year_over_year(this_year: &Report, last_year: &Report) -> YearOverYear {
    let cells = value_places()
        .into_iter()
        .map(|place| {
            let (this, last) = (this_year.cell(&place), last_year.cell(&place));
            let change = match (&this, &last) {
                (Some(CellValue::Count(Some(a))), Some(CellValue::Count(Some(b)))) => {
                    match a.cmp(b) {
                        std::cmp::Ordering::Equal => Change::Same,
                        std::cmp::Ordering::Greater => Change::Up(a - b),
                        std::cmp::Ordering::Less => Change::Down(b - a),
                    }
                }
                _ => Change::NotComparable,
            };
            CellChange {
                place,
                this_year: this,
                last_year: last,
                change,
            }
        })
        .collect();
    let last_texts: Vec<&str> = SECTIONS
        .iter()
        .map(|s| last_year.sections.get(s.id))
        .collect();
    let this_texts: Vec<&str> = SECTIONS
        .iter()
        .map(|s| this_year.sections.get(s.id))
        .collect();
    let sections = SECTIONS
        .iter()
        .map(|def| {
            let text = this_year.sections.get(def.id);
            SectionRepeat {
                section: def.id,
                percent: Repeat::between(&[text], &last_texts).percent(),
                passages: repeated_passages(text, &last_texts),
            }
        })
        .collect();
    let problems = SectionId::Problems;
    YearOverYear {
        cells,
        findings: rules::cross_year_findings(this_year, last_year),
        sections,
        problems_percent: Repeat::between(
            &[this_year.sections.get(problems)],
            &[last_year.sections.get(problems)],
        )
        .percent(),
        whole_percent: Repeat::between(&this_texts, &last_texts).percent(),
    }
}

/// Table 二, 三 or 四 of the official layout with each value cell showing this year's value,
/// last year's and the change, as markup for the view (user text escaped).
pub fn comparison_table_html(view: &YearOverYear, table: SectionId, english: bool) -> String {
    crate::export::html::render_table_with(table, &|place| {
        let Some(cell) = view.cells.iter().find(|c| &c.place == place) else {
            return String::new();
        };
        let shown = |value: &Option<CellValue>| {
            let text = value.as_ref().map(CellValue::text).unwrap_or_default();
            if text.is_empty() {
                "—".to_owned()
            } else {
                escape(&text)
            }
        };
        // 「持平」 in every unchanged cell would hide the cells that moved.
        let change = match cell.change {
            Change::Same => String::new(),
            _ if english => cell.change.text_en(),
            _ => cell.change.text_zh(),
        };
        let class = match cell.change {
            Change::Up(_) => "up",
            Change::Down(_) => "down",
            Change::Same => "same",
            Change::NotComparable => "none",
        };
        format!(
            "<span class=\"this-year\">{}</span><span class=\"last-year\">{}</span><span class=\"change {class}\">{change}</span>",
            shown(&cell.this_year),
            shown(&cell.last_year)
        )
    })
}

/// A section's text with its repeated passages in `<mark>`, escaped, line breaks kept.
pub fn marked_text_html(text: &str, passages: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + passages.len() * 13);
    let mut at = 0;
    for passage in passages {
        let (Some(before), Some(marked)) = (text.get(at..passage.start), text.get(passage.clone()))
        else {
            continue;
        };
        escape_into(&mut out, before);
        out.push_str("<mark>");
        escape_into(&mut out, marked);
        out.push_str("</mark>");
        at = passage.end;
    }
    escape_into(&mut out, text.get(at..).unwrap_or_default());
    out
}
