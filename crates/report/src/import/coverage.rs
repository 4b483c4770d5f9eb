//! What an input lacks, said in notes: the part after where a text ends early (I-missing), and
//! sections, tables or rows missing in between (I-section-missing, I-table-missing,
//! I-rows-missing).

use super::notes;
use super::sections::{is_table_section, Document};
use super::tables::{End, TablesRead};
use crate::finding::{Finding, Severity};
use crate::format::{self, SectionId, REQUEST_ROWS, SECTIONS};
use crate::model::Place;

fn table_name(id: SectionId) -> (&'static str, &'static str) {
    match id {
        SectionId::Active => ("表二", "table 2"),
        SectionId::Requests => ("表三", "table 3"),
        _ => ("表四", "table 4"),
    }
}

fn end_section(end: End) -> SectionId {
    match end {
        End::Active { .. } => SectionId::Active,
        End::Request { .. } => SectionId::Requests,
        End::Appeals { .. } => SectionId::Appeals,
    }
}

/// The notes on what the input lacks.
/// `opening_read`: text before the first heading was read, and went into 一、总体情况.
pub(super) fn notes(document: &Document, tables: &TablesRead, opening_read: bool) -> Vec<Finding> {
    let mut found = Vec::new();
    // How far the text reaches: its last section, or the table read last if that is further.
    let reached = document.last_section().max(tables.end.map(end_section));
    let ends_early = reached != Some(SectionId::Other);
    let end_in_reached = tables.end.filter(|e| Some(end_section(*e)) == reached);
    // Whether a section lies after the end of a text that ends early: then I-missing covers it.
    let after_end = |id: SectionId| ends_early && reached.is_none_or(|r| id > r);

    let active_order: Vec<_> = format::active_rows().map(|(_, row)| row).collect();
    let missing_requests = |from: usize, to: usize| -> Vec<&'static str> {
        REQUEST_ROWS
            .iter()
            .enumerate()
            .take(to)
            .skip(from)
            .filter(|(i, def)| {
                // The 2019 layout's single 「（六）其他处理」 row stood for these; S-old-format
                // says so.
                let under_old_other_handling = tables.old_other_handling
                    && def.category.is_some_and(|c| {
                        format::RESULT_CATEGORIES
                            .last()
                            .is_some_and(|last| last.key == c.key)
                    });
                let found = tables.found_requests.get(*i).copied().unwrap_or(false);
                !found && !under_old_other_handling
            })
            .map(|(_, def)| def.short)
            .collect()
    };
    let missing_active = |from: usize, to: usize| -> Vec<&'static str> {
        active_order
            .iter()
            .take(to)
            .skip(from)
            .filter(|row| !tables.found_active.contains(&row.id))
            .map(|row| row.label)
            .collect()
    };

    if ends_early {
        let mut lost_zh: Vec<String> = Vec::new();
        let mut lost_en: Vec<String> = Vec::new();
        let (where_zh, where_en) = match end_in_reached {
            Some(End::Request { row, values }) => {
                let short = REQUEST_ROWS.get(row).map_or("", |r| r.short);
                let mut where_zh = format!("表三「{short}」行");
                let mut where_en = format!("table 3, row {short}");
                match values {
                    0 => {
                        where_zh.push_str("（只读到行名）");
                        where_en.push_str(" (its label only)");
                    }
                    1 => {
                        where_zh.push_str("（该行只读到第1列）");
                        where_en.push_str(" (only its first column was read)");
                    }
                    _ if values < format::REQUEST_COLUMN_COUNT => {
                        where_zh.push_str(&format!("（该行只读到前{values}列）"));
                        where_en.push_str(&format!(" (only its first {values} columns were read)"));
                    }
                    _ => {}
                }
                let rows = missing_requests(row + 1, REQUEST_ROWS.len());
                if !rows.is_empty() {
                    lost_zh.push(format!("表三的{}行", rows.join("、")));
                    lost_en.push(format!("rows {} of table 3", rows.join(", ")));
                }
                (where_zh, where_en)
            }
            Some(End::Active { row, values }) => {
                let (band, def) = format::active_row(row);
                let mut where_zh = format!("表二「{}」行", def.label);
                let mut where_en = format!("table 2, row {} ({})", def.label, def.key);
                match values {
                    0 => {
                        where_zh.push_str("（只读到行名）");
                        where_en.push_str(" (its label only)");
                    }
                    _ if values < band.kind.columns().len() => {
                        where_zh.push_str(&format!("（该行只读到{values}个值）"));
                        where_en.push_str(&format!(
                            " (only {values} value{} read)",
                            if values == 1 { " was" } else { "s were" }
                        ));
                    }
                    _ => {}
                }
                let at = active_order.iter().position(|r| r.id == row).unwrap_or(0);
                let rows = missing_active(at + 1, active_order.len());
                if !rows.is_empty() {
                    lost_zh.push(format!("表二的「{}」行", rows.join("」「")));
                    lost_en.push(format!("rows {} of table 2", rows.join(", ")));
                }
                (where_zh, where_en)
            }
            Some(End::Appeals { values }) => (
                format!("表四（读到前{values}格）"),
                format!("table 4 (its first {values} cells were read)"),
            ),
            None => match reached {
                Some(id) => {
                    let heading = format::section(id).heading;
                    if is_table_section(id) {
                        let (zh, en) = table_name(id);
                        lost_zh.push(format!("{zh}（整张）"));
                        lost_en.push(format!("{en} (all of it)"));
                    }
                    (
                        format!("「{heading}」部分"),
                        format!("section 「{heading}」"),
                    )
                }
                None => ("开头".to_owned(), "its beginning".to_owned()),
            },
        };
        for def in SECTIONS.iter().filter(|s| after_end(s.id)) {
            lost_zh.push(format!("「{}」", def.heading));
            lost_en.push(format!("section 「{}」", def.heading));
        }
        let place = reached.map_or(Place::Report, Place::Section);
        found.push(notes::note(
            notes::MISSING,
            Severity::Warning,
            place,
            format!(
                "导入的文本在{where_zh}处结束，报告没有完整导入。缺少：{}。缺少的内容保持空白，请对照原报告补全。",
                lost_zh.join("；")
            ),
            format!(
                "The imported text ends at {where_en}, so the report was not imported whole. Missing: {}. What is missing stays blank: complete it from the published report.",
                lost_en.join("; ")
            ),
        ));
    }

    for def in &SECTIONS {
        if after_end(def.id) {
            continue;
        }
        let heading = def.heading;
        let region = document.region(def.id);
        if is_table_section(def.id) {
            let (zh, en) = table_name(def.id);
            // Rows after the end of a text that ends inside this table are I-missing's.
            let to = match end_in_reached {
                Some(End::Request { row, .. }) if def.id == SectionId::Requests && ends_early => {
                    row + 1
                }
                Some(End::Active { row, .. }) if def.id == SectionId::Active && ends_early => {
                    active_order
                        .iter()
                        .position(|r| r.id == row)
                        .map_or(0, |p| p + 1)
                }
                _ => usize::MAX,
            };
            let (read_any, rows) = match def.id {
                SectionId::Active => (!tables.found_active.is_empty(), missing_active(0, to)),
                SectionId::Requests => (
                    tables.found_requests.iter().any(|f| *f),
                    missing_requests(0, to),
                ),
                _ => (tables.appeals_found, Vec::new()),
            };
            if !read_any {
                found.push(notes::note(
                    notes::TABLE_MISSING,
                    Severity::Warning,
                    Place::Section(def.id),
                    format!("没有找到{zh}（「{heading}」），该表保持空白"),
                    format!("{en} (「{heading}」) was not found; it stays blank"),
                ));
            } else if !rows.is_empty() {
                found.push(notes::note(
                    notes::ROWS_MISSING,
                    Severity::Warning,
                    Place::Section(def.id),
                    format!("{zh}中没有找到以下行，保持空白：{}", rows.join("、")),
                    format!(
                        "These rows of {en} were not found and stay blank: {}",
                        rows.join(", ")
                    ),
                ));
            }
            continue;
        }
        if region.is_none() {
            // A report that heads its first part otherwise (「一、政府信息主动公开工作」): the
            // text before the next heading is in 一 all the same.
            let (zh, en) = if def.id == SectionId::Overview && opening_read {
                (
                    format!("没有找到「{heading}」这一部分的标题，报告开头到下一个标题之间的文字都放在了这一部分，请核对"),
                    format!("The heading 「{heading}」 was not found, so the text from the report's beginning to the next heading found was put in this section: check it"),
                )
            } else {
                (
                    format!("没有找到「{heading}」这一部分的标题，该部分留空；如果原报告有这部分，它的文字可能并入了前一部分"),
                    format!("The heading 「{heading}」 was not found, so that section is empty; if the report has it, its text may have gone into the section before"),
                )
            };
            found.push(notes::note(
                notes::SECTION_MISSING,
                Severity::Warning,
                Place::Section(def.id),
                zh,
                en,
            ));
        }
    }
    found
}
