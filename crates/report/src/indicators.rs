//! The indicators a supervisor compares units by (the region view, issue 18): a dictionary
//! defined once — id, zh/en name, the formula in the format's words, the unit, what a blank
//! does — and computed for any report. `docs/indicators.md` is written from it (`cargo run -p
//! nianbao-report --example indicators_doc`; a test fails while it is stale).
//!
//! A share keeps its two counts, so that nothing is lost to rounding and a share of nothing is
//! no number at all: a blank cell, a whole of 0 or a last year not known give [`Figure::Missing`],
//! shown as 「—」, never NaN.

use crate::date::Date;
use crate::fee::Decimal;
use crate::format::{REQUEST_ROWS, REQUEST_TOTAL_COLUMN, SECTIONS};
use crate::model::{Count, Report};
use crate::rules::{publication_deadline, Repeat};

/// What an indicator counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// 件: requests, cases, documents, decisions.
    Count,
    /// A share of a whole, shown as a percentage with one decimal.
    Percent,
    /// 万元, as table 二's fee.
    TenThousandYuan,
    /// Days after a deadline (0 or less: on time).
    Days,
}

impl Unit {
    pub fn label_zh(self) -> &'static str {
        match self {
            Unit::Count => "件",
            Unit::Percent => "%",
            Unit::TenThousandYuan => "万元",
            Unit::Days => "天",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::TenThousandYuan => "10,000 yuan",
            Unit::Days => "days",
        }
    }
}

/// Why an indicator has no figure for a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A cell it reads is blank.
    Blank,
    /// The share's whole is 0: there is nothing to take a share of.
    ZeroWhole,
    /// Last year's report is not known.
    NoLastYear,
    /// No publication date, or one that does not exist.
    NoDate,
}

/// An indicator's value for one report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    Count(u64),
    Share { part: u64, whole: u64 },
    Amount(Decimal),
    Days(i64),
    Missing(Missing),
}

impl Figure {
    /// As a table shows it: 「713」, 「55.0%」, 「12」, 「—」. A share is rounded half up to one
    /// decimal in whole-number arithmetic.
    pub fn text(&self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Share { part, whole } => {
                let tenths =
                    (u128::from(*part) * 2000 + u128::from(*whole)) / (2 * u128::from(*whole));
                format!("{}.{}%", tenths / 10, tenths % 10)
            }
            Figure::Amount(amount) => amount.0.clone(),
            Figure::Days(days) => days.to_string(),
            Figure::Missing(_) => "—".to_owned(),
        }
    }

    /// The value to sort and take quartiles by: a share as a fraction of 1, an amount in 万元.
    /// None when missing (or an amount that is not a number), so that nothing is NaN.
    pub fn value(&self) -> Option<f64> {
        match self {
            Figure::Count(n) => Some(*n as f64),
            Figure::Share { part, whole } => Some(*part as f64 / *whole as f64),
            Figure::Amount(amount) => amount.approximate(),
            Figure::Days(days) => Some(*days as f64),
            Figure::Missing(_) => None,
        }
    }
}

/// One indicator of the dictionary.
pub struct IndicatorDef {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// The formula in the format's words.
    pub formula: &'static str,
    pub unit: Unit,
    /// What a blank cell (or an unknown last year or date) does.
    pub when_missing: &'static str,
    compute: fn(&Report) -> Figure,
}

impl IndicatorDef {
    pub fn of(&self, report: &Report) -> Figure {
        (self.compute)(report)
    }
}

const ANY_BLANK: &str =
    "任一格空白则无数值（显示「—」） / no figure when any cell it reads is blank (shown as 「—」)";
const SHARE_BLANK: &str = "任一格空白、或分母为0，则无数值（显示「—」） / no figure when a cell it reads is blank or the whole is 0 (shown as 「—」)";

/// The dictionary, in the order the region view shows it.
pub const INDICATORS: &[IndicatorDef] = &[
    IndicatorDef {
        id: "requests-new",
        name_zh: "本年新收申请",
        name_en: "New requests",
        formula: "三 一 总计",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(total(r, "1")),
    },
    IndicatorDef {
        id: "requests-carried-in",
        name_zh: "上年结转申请",
        name_en: "Requests carried in",
        formula: "三 二 总计",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(total(r, "2")),
    },
    IndicatorDef {
        id: "disclosure-rate",
        name_zh: "公开率",
        name_en: "Disclosure rate",
        formula: "（三(一) 予以公开 + 三(二) 部分公开）÷ 三(七) 总计，均为总计列",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| share(sum_totals(r, &["3.1", "3.2"]), total(r, "3.7")),
    },
    IndicatorDef {
        id: "withheld-share",
        name_zh: "不予公开占比",
        name_en: "Share withheld",
        formula: "三(三) 不予公开 1–8 之和 ÷ 三(七) 总计",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| share(sum_group(r, "3.3."), total(r, "3.7")),
    },
    IndicatorDef {
        id: "unavailable-share",
        name_zh: "无法提供占比",
        name_en: "Share unavailable",
        formula: "三(四) 无法提供 1–3 之和 ÷ 三(七) 总计",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| share(sum_group(r, "3.4."), total(r, "3.7")),
    },
    IndicatorDef {
        id: "not-processed-share",
        name_zh: "不予处理占比",
        name_en: "Share not processed",
        formula: "三(五) 不予处理 1–5 之和 ÷ 三(七) 总计",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| share(sum_group(r, "3.5."), total(r, "3.7")),
    },
    IndicatorDef {
        id: "organisation-share",
        name_zh: "法人或其他组织申请占比",
        name_en: "Share from organisations",
        formula: "三 一 的商业企业、科研机构、社会公益组织、法律服务机构、其他之和 ÷ 三 一 总计",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| {
            let new = r.requests.row("1");
            let organisations = new[1..REQUEST_TOTAL_COLUMN].iter().copied().try_fold(0u64, |sum, c| Some(sum + c?));
            share(organisations, new[REQUEST_TOTAL_COLUMN])
        },
    },
    IndicatorDef {
        id: "carried-out-share",
        name_zh: "结转下年度占比",
        name_en: "Share carried to next year",
        formula: "三 四 总计 ÷（三 一 + 三 二）总计",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| share(total(r, "4"), sum_totals(r, &["1", "2"])),
    },
    IndicatorDef {
        id: "reviews",
        name_zh: "行政复议",
        name_en: "Administrative reviews",
        formula: "四 行政复议 总计",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(appeal_sum(r, &[REVIEW], TOTAL)),
    },
    IndicatorDef {
        id: "review-correction-rate",
        name_zh: "复议纠错率",
        name_en: "Reviews corrected",
        formula: "四 行政复议 结果纠正 ÷（总计 − 尚未审结）",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| correction_rate(r, &[REVIEW]),
    },
    IndicatorDef {
        id: "lawsuits",
        name_zh: "行政诉讼",
        name_en: "Lawsuits",
        formula: "四 未经复议直接起诉 总计 + 复议后起诉 总计",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(appeal_sum(r, &LAWSUITS, TOTAL)),
    },
    IndicatorDef {
        id: "lawsuit-correction-rate",
        name_zh: "诉讼纠错率",
        name_en: "Lawsuits corrected",
        formula: "四 两类行政诉讼的结果纠正之和 ÷（总计之和 − 尚未审结之和）",
        unit: Unit::Percent,
        when_missing: SHARE_BLANK,
        compute: |r| correction_rate(r, &LAWSUITS),
    },
    IndicatorDef {
        id: "regulations-issued",
        name_zh: "本年制发规章",
        name_en: "Regulations issued",
        formula: "二 规章 本年制发件数",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(r.active.regulations[0]),
    },
    IndicatorDef {
        id: "normative-documents-issued",
        name_zh: "本年制发行政规范性文件",
        name_en: "Normative documents issued",
        formula: "二 行政规范性文件 本年制发件数",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(r.active.normative_documents[0]),
    },
    IndicatorDef {
        id: "licensing",
        name_zh: "行政许可",
        name_en: "Licensing decisions",
        formula: "二 行政许可 本年处理决定数量",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(r.active.licensing),
    },
    IndicatorDef {
        id: "punishment",
        name_zh: "行政处罚",
        name_en: "Penalties",
        formula: "二 行政处罚 本年处理决定数量",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(r.active.punishment),
    },
    IndicatorDef {
        id: "enforcement",
        name_zh: "行政强制",
        name_en: "Enforcement decisions",
        formula: "二 行政强制 本年处理决定数量",
        unit: Unit::Count,
        when_missing: ANY_BLANK,
        compute: |r| count(r.active.enforcement),
    },
    IndicatorDef {
        id: "fees",
        name_zh: "行政事业性收费",
        name_en: "Administrative fees",
        formula: "二 行政事业性收费 本年收费金额（万元），照填写原样",
        unit: Unit::TenThousandYuan,
        when_missing: ANY_BLANK,
        compute: |r| match &r.active.fees {
            Some(fee) => Figure::Amount(fee.clone()),
            None => Figure::Missing(Missing::Blank),
        },
    },
    IndicatorDef {
        id: "text-repeat",
        name_zh: "正文与上年重复率",
        name_en: "Text repeated from last year",
        formula: "六个部分的正文中，与上年正文相同的8字片段 ÷ 全部8字片段（同 T-repeat）",
        unit: Unit::Percent,
        when_missing: "不知道上年报告（批次中没有）或正文为空时无数值 / no figure when last year's report is not known (not in the batch) or the text is empty",
        compute: |r| match r.last_year.as_deref() {
            None => Figure::Missing(Missing::NoLastYear),
            Some(last) => {
                let texts = |report: &Report| -> Vec<String> {
                    SECTIONS.iter().map(|s| report.sections.get(s.id).to_owned()).collect()
                };
                let (this, before) = (texts(r), texts(last));
                let repeat = Repeat::between(
                    &this.iter().map(String::as_str).collect::<Vec<_>>(),
                    &before.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                share(Some(repeat.repeated as u64), Some(repeat.runs as u64))
            }
        },
    },
    IndicatorDef {
        id: "days-late",
        name_zh: "晚于公布时限天数",
        name_en: "Days after the deadline",
        formula: "发布日期 − 该类机关的公布时限（次年1月31日或3月31日等，同 D-deadline）；0或负数为按时",
        unit: Unit::Days,
        when_missing: "没有发布日期或日期不存在时无数值 / no figure without a publication date, or with one that does not exist",
        compute: |r| {
            let published = r.meta.published_on.as_deref().and_then(Date::parse_iso).filter(|d| d.is_real());
            match (published, publication_deadline(r)) {
                (Some(published), Some(deadline)) => Figure::Days(published.days() - deadline.days()),
                _ => Figure::Missing(Missing::NoDate),
            }
        },
    },
];

/// The indicator with this id.
pub fn indicator(id: &str) -> Option<&'static IndicatorDef> {
    INDICATORS.iter().find(|def| def.id == id)
}

/// Every indicator of the report, in the dictionary's order.
pub fn all_of(report: &Report) -> Vec<Figure> {
    INDICATORS.iter().map(|def| def.of(report)).collect()
}

const REVIEW: usize = 0;
const LAWSUITS: [usize; 2] = [1, 2];
const CORRECTED: usize = 1;
const PENDING: usize = 3;
const TOTAL: usize = 4;

fn count(value: Count) -> Figure {
    value.map_or(Figure::Missing(Missing::Blank), Figure::Count)
}

fn share(part: Count, whole: Count) -> Figure {
    match (part, whole) {
        (Some(_), Some(0)) => Figure::Missing(Missing::ZeroWhole),
        (Some(part), Some(whole)) => Figure::Share { part, whole },
        _ => Figure::Missing(Missing::Blank),
    }
}

fn total(report: &Report, row: &str) -> Count {
    report.requests.row(row)[REQUEST_TOTAL_COLUMN]
}

fn sum_totals(report: &Report, rows: &[&str]) -> Count {
    rows.iter()
        .try_fold(0u64, |sum, row| Some(sum + total(report, row)?))
}

/// The total column summed over the rows whose key starts with `prefix` (「3.3.」: 不予公开 1–8).
fn sum_group(report: &Report, prefix: &str) -> Count {
    let rows: Vec<&str> = REQUEST_ROWS
        .iter()
        .map(|row| row.key)
        .filter(|key| key.starts_with(prefix))
        .collect();
    debug_assert!(!rows.is_empty(), "{prefix}");
    sum_totals(report, &rows)
}

fn appeal_sum(report: &Report, groups: &[usize], column: usize) -> Count {
    groups.iter().try_fold(0u64, |sum, &group| {
        Some(sum + report.appeals.0[group][column]?)
    })
}

/// 纠错率: corrected ÷ (total − pending), over the groups.
fn correction_rate(report: &Report, groups: &[usize]) -> Figure {
    let decided = match (
        appeal_sum(report, groups, TOTAL),
        appeal_sum(report, groups, PENDING),
    ) {
        (Some(total), Some(pending)) => Some(total.saturating_sub(pending)),
        _ => None,
    };
    share(appeal_sum(report, groups, CORRECTED), decided)
}

/// The dictionary as Markdown: what `docs/indicators.md` holds.
pub fn markdown() -> String {
    let mut out = String::from(
        "# The indicators\n\nWhat the supervisor's region view compares units by, from the dictionary in \
         `crates/report/src/indicators.rs` (written by `cargo run -p nianbao-report --example \
         indicators_doc > docs/indicators.md`; a test fails while this file is stale). Row and \
         column names are those of the 2021 format (`docs/rules.md`, `format.rs`); 「总计」 is the \
         total column. A share is shown with one decimal, rounded half up; a figure that cannot be \
         computed is 「—」, never 0 and never NaN.\n\n\
         | id | 指标 | indicator | formula | unit | when a cell is blank |\n|---|---|---|---|---|---|\n",
    );
    for def in INDICATORS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} / {} | {} |\n",
            def.id,
            def.name_zh,
            def.name_en,
            def.formula,
            def.unit.label_zh(),
            def.unit.label_en(),
            def.when_missing
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn the_groups_and_columns_the_formulas_name_are_the_formats() {
        assert_eq!(format::APPEAL_GROUPS[REVIEW].key, "review");
        assert_eq!(
            LAWSUITS.map(|g| format::APPEAL_GROUPS[g].key),
            ["suit_direct", "suit_after_review"]
        );
        assert_eq!(format::APPEAL_COLUMNS[CORRECTED].key, "corrected");
        assert_eq!(format::APPEAL_COLUMNS[PENDING].key, "pending");
        assert_eq!(format::APPEAL_COLUMNS[TOTAL].key, "total");
        for prefix in ["3.3.", "3.4.", "3.5."] {
            assert!(
                REQUEST_ROWS.iter().any(|row| row.key.starts_with(prefix)),
                "{prefix}"
            );
        }
    }
}
