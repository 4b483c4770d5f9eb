//! The 2019 trial layout (国办公开办函〔2019〕60号), which the 2021 format replaced but some
//! reports still use: its table 二 columns and rows, what each became in 2021, and the
//! `S-old-format` note that says what was carried over and what has no place in the new layout.
//!
//! These labels belong to the superseded format only, so they live here, next to the one reader
//! that needs them, and not in [`crate::format`].

use super::normalise::fold;
use super::notes;
use crate::finding::{Finding, Severity};
use crate::format::SectionId;
use crate::message::Message;
use crate::model::Place;
use std::sync::OnceLock;

/// A column header of table 二 in the 2019 layout, and the 2021 column it became (column ids of
/// [`crate::format::ActiveRowKind::columns`]), if any.
pub(super) struct OldColumn {
    pub label: &'static str,
    pub became: Option<&'static str>,
}

pub(super) const OLD_ACTIVE_COLUMNS: [OldColumn; 8] = [
    OldColumn {
        label: "本年新制作数量",
        became: Some("issued"),
    },
    OldColumn {
        label: "本年新公开数量",
        became: None,
    },
    OldColumn {
        label: "对外公开总数量",
        became: None,
    },
    OldColumn {
        label: "上一年项目数量",
        became: None,
    },
    OldColumn {
        label: "本年增/减",
        became: None,
    },
    OldColumn {
        label: "处理决定数量",
        became: Some("decisions"),
    },
    OldColumn {
        label: "采购项目数量",
        became: None,
    },
    OldColumn {
        label: "采购总金额",
        became: None,
    },
];

/// Rows of the 2019 table 二 that the 2021 layout dropped.
pub(super) const OLD_ACTIVE_ROWS: [&str; 2] = ["其他对外管理服务事项", "政府集中采购"];

/// The 2019 band of 政府集中采购.
pub(super) const OLD_ACTIVE_ARTICLE: &str = "第二十条第（九）项";

/// The old labels folded for matching, once.
struct Folded {
    columns: Vec<String>,
    rows: Vec<String>,
    article: String,
}

fn folded() -> &'static Folded {
    static FOLDED: OnceLock<Folded> = OnceLock::new();
    FOLDED.get_or_init(|| Folded {
        columns: OLD_ACTIVE_COLUMNS.iter().map(|c| fold(c.label)).collect(),
        rows: OLD_ACTIVE_ROWS.iter().map(|r| fold(r)).collect(),
        article: fold(OLD_ACTIVE_ARTICLE),
    })
}

pub(super) fn old_column(folded_cell: &str) -> Option<usize> {
    folded().columns.iter().position(|c| c == folded_cell)
}

pub(super) fn old_row(folded_cell: &str) -> Option<usize> {
    folded().rows.iter().position(|r| r == folded_cell)
}

pub(super) fn is_old_article(folded_cell: &str) -> bool {
    folded().article == folded_cell
}

pub(super) fn is_old_table_label(folded: &str) -> bool {
    old_row(folded).is_some() || is_old_article(folded)
}

/// What the importer met of the 2019 layout.
#[derive(Default)]
pub(super) struct OldLayoutSeen {
    /// 「规章 本年新制作数量 0 → 本年制发件数」
    pub carried: Vec<(String, String)>,
    /// Numbers with no place in 2021: 「规章 对外公开总数量 0」.
    pub dropped: Vec<(String, String)>,
    /// Labels of the old layout met, for the note's first sentence.
    pub marks: Vec<&'static str>,
}

impl OldLayoutSeen {
    pub fn mark(&mut self, label: &'static str) {
        if !self.marks.contains(&label) {
            self.marks.push(label);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    pub fn note(&self) -> Option<Finding> {
        if self.is_empty() {
            return None;
        }
        let marks = self
            .marks
            .iter()
            .map(|m| format!("「{m}」"))
            .collect::<String>();
        let list = |items: &[(String, String)], none: &str, separator: &str| {
            if items.is_empty() {
                none.to_owned()
            } else {
                items
                    .iter()
                    .map(|(what, value)| format!("{what} {value}"))
                    .collect::<Vec<_>>()
                    .join(separator)
            }
        };
        let carried_zh = list(&self.carried, "无", "；");
        let dropped_zh = list(&self.dropped, "无", "；");
        let carried_en = list(&self.carried, "none", "; ");
        let dropped_en = list(&self.dropped, "none", "; ");
        Some(Finding {
            rule: notes::OLD_FORMAT,
            severity: Severity::Warning,
            place: Place::Section(SectionId::Active),
            message: Message {
zh: format!(
                "导入的报告使用2019年试行格式（见{marks}），2021年起应使用新格式。已按新格式导入的数：{carried_zh}。新格式中没有位置、未导入的数：{dropped_zh}。新格式的其余单元格留空，请按国办公开办函〔2021〕30号的格式补填。"
            ),
en: format!(
                "The imported report uses the 2019 trial layout (see {marks}); since 2021 the new \
                 format applies. Carried over to the new layout: {carried_en}. Not carried over (no \
                 place in the new layout): {dropped_en}. The new layout's other cells are left \
                 blank: fill them in as the 2021 format (国办公开办函〔2021〕30号) asks."
            ),
},
            basis: crate::rules::catalogue::S_OLD_FORMAT_BASIS,
        })
    }
}
