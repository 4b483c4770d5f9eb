//! The summary report (汇总) of a government: the cell-by-cell sum of its units' reports, and
//! the rule `H-sum` that checks a summary against its units.
//!
//! Blank plus blank stays blank; blank plus a number is the number, flagged, because a unit
//! that left the cell blank may have had cases the sum does not count.

use crate::finding::{Basis, Finding, Severity};
use crate::format::{ActiveRowId, AgencyKind, SectionId};
use crate::layout::value_places;
use crate::message::Message;
use crate::model::{CellValue, Decimal, Place, Report};
use crate::rules::Rule;

pub const SUM_RULE: Rule = Rule::HSum;
pub const BLANK_IN_SUM_RULE: Rule = Rule::HBlank;

/// A summary draft and what a reviewer must know about it.
pub struct Summary {
    pub report: Report,
    /// The units that went in, by agency name, in the order given.
    pub units: Vec<String>,
    /// One `H-blank` finding per cell that some units left blank and others filled.
    pub notes: Vec<Finding>,
}

fn agency_name(report: &Report) -> String {
    let name = report.meta.agency.trim();
    if name.is_empty() {
        "（未命名单位）".to_owned()
    } else {
        name.to_owned()
    }
}

/// What the units hold in one cell: the sum of the filled ones (None if none is filled) and the
/// units that left it blank.
fn sum_cell(units: &[&Report], place: &Place) -> (Option<CellValue>, Vec<String>) {
    let mut blank_units = Vec::new();
    let mut count: Option<u64> = None;
    let mut fee: Option<Decimal> = None;
    let mut is_fee = false;
    for unit in units {
        match unit.cell(place) {
            Some(CellValue::Count(Some(n))) => count = Some(count.unwrap_or(0).saturating_add(n)),
            Some(CellValue::Fee(Some(amount))) => {
                is_fee = true;
                fee = Some(match fee {
                    Some(total) => total.checked_add(&amount).unwrap_or(total),
                    None => amount,
                });
            }
            Some(CellValue::Fee(None)) => {
                is_fee = true;
                blank_units.push(agency_name(unit));
            }
            _ => blank_units.push(agency_name(unit)),
        }
    }
    let value = if is_fee || matches!(place, Place::Active(ActiveRowId::Fees, _)) {
        fee.map(|f| CellValue::Fee(Some(f)))
    } else {
        count.map(|n| CellValue::Count(Some(n)))
    };
    (value, blank_units)
}

/// The year most of the units report on (the latest of equals): the summary's year unless
/// the office says otherwise. 0 for no unit.
pub fn usual_year(units: &[&Report]) -> i32 {
    let mut years: Vec<i32> = units.iter().map(|u| u.meta.year).collect();
    years.sort_unstable();
    years
        .iter()
        .max_by_key(|y| years.iter().filter(|x| x == y).count())
        .copied()
        .unwrap_or_default()
}

/// The summary draft of `units` for `agency` of `kind` and `year`.
pub fn sum_reports(units: &[&Report], agency: &str, kind: AgencyKind, year: i32) -> Summary {
    let mut report = Report::new_blank(agency, kind, year);
    let units_named: Vec<String> = units.iter().map(|u| agency_name(u)).collect();
    // The draft says which units it sums, where a reader of the published summary finds it;
    // the office rewrites it as it likes.
    report.sections.set(
        SectionId::Other,
        format!(
            "本报告统计数据由以下{}个单位的政府信息公开工作年度报告汇总：{}。",
            units_named.len(),
            units_named.join("、")
        ),
    );
    let mut notes = Vec::new();
    for place in value_places() {
        let (value, blank_units) = sum_cell(units, &place);
        if let Some(value) = value {
            report.set_cell(&place, value);
            if !blank_units.is_empty() {
                let cell = place.cell_name().unwrap_or_else(|| place.id());
                let names = blank_units.join("、");
                notes.push(Finding {
                    rule: BLANK_IN_SUM_RULE,
                    severity: Severity::Warning,
                    place,
                    message: Message {
zh: format!("{cell}：{names}未填写（空白），汇总数只含已填写单位"),
en: format!(
                        "{cell}: left blank by {names}; the sum counts only the units that filled it"
                    ),
},
                    basis: Basis::Derived,
                });
            }
        }
    }
    Summary {
        report,
        units: units_named,
        notes,
    }
}

/// `H-sum`: every cell of a summary report equals the sum of its units' cells. Each finding
/// names the cell, both numbers, the difference, and the units that left the cell blank.
pub fn check_summary(summary: &Report, units: &[&Report]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for place in value_places() {
        let (expected, blank_units) = sum_cell(units, &place);
        let actual = summary.cell(&place);
        let same = match (&expected, &actual) {
            (None, Some(v)) => v.is_blank(),
            (Some(CellValue::Fee(Some(a))), Some(CellValue::Fee(Some(b)))) => a.same_amount(b),
            (Some(e), Some(a)) => e == a,
            (_, None) => true,
        };
        if same {
            continue;
        }
        let cell = place.cell_name().unwrap_or_else(|| place.id());
        let shown = |v: &Option<CellValue>| {
            v.as_ref()
                .map(CellValue::text)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "空".into())
        };
        let (expected_text, actual_text) = (shown(&expected), shown(&actual));
        let difference = match (&expected, &actual) {
            (Some(CellValue::Count(Some(e))), Some(CellValue::Count(Some(a)))) => {
                format!("，相差{}", a.abs_diff(*e))
            }
            _ => String::new(),
        };
        let missing = if blank_units.is_empty() {
            String::new()
        } else {
            format!("（{}未填写）", blank_units.join("、"))
        };
        // Each unit's number, so that the unit whose report changed since the summary was made
        // (or was left out of it) can be seen.
        let by_unit = units
            .iter()
            .map(|unit| {
                let value = unit.cell(&place).map(|v| v.text()).unwrap_or_default();
                let value = if value.is_empty() {
                    "空".to_owned()
                } else {
                    value
                };
                format!("{} {value}", agency_name(unit))
            })
            .collect::<Vec<_>>()
            .join("、");
        findings.push(Finding {
            rule: SUM_RULE,
            severity: Severity::Error,
            place,
            message: Message {
zh: format!(
                "{cell}：汇总报告为{actual_text}，各单位合计为{expected_text}{difference}{missing}；各单位：{by_unit}"
            ),
en: format!(
                "{cell}: the summary says {actual_text}, its units add up to {expected_text}{}{}; by unit: {}",
                difference.replace("，相差", "; difference "),
                if blank_units.is_empty() {
                    String::new()
                } else {
                    format!(" (left blank by {})", blank_units.join(", "))
                },
                by_unit.replace("、", ", ").replace(" 空", " blank")
            ),
},
            basis: Basis::Derived,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::request_row;

    fn unit(name: &str, new_natural: Option<u64>, fee: Option<&str>) -> Report {
        let mut r = Report::new_blank(name, AgencyKind::Department, 2025);
        r.requests.0[request_row("1")][0] = new_natural;
        r.active.fees = fee.map(|f| Decimal(f.into()));
        r
    }

    #[test]
    fn sums_cells_keeps_blank_blank_and_flags_blank_plus_number() {
        let a = unit("沭阳县发展和改革局", Some(26), Some("4068.208"));
        let b = unit("沭阳县财政局", Some(3), None);
        let c = unit("沭阳县教育局", None, Some("0"));
        let summary = sum_reports(&[&a, &b, &c], "沭阳县人民政府", AgencyKind::CountyGov, 2025);
        let new_natural = Place::Request {
            row: request_row("1"),
            column: 0,
        };
        assert_eq!(
            summary.report.cell(&new_natural),
            Some(CellValue::Count(Some(29)))
        );
        assert_eq!(
            summary.report.requests.0[request_row("1")][1],
            None,
            "blank + blank stays blank"
        );
        assert_eq!(summary.report.active.fees, Some(Decimal("4068.208".into())));
        assert_eq!(
            summary.units,
            ["沭阳县发展和改革局", "沭阳县财政局", "沭阳县教育局"]
        );
        let flagged: Vec<_> = summary.notes.iter().map(|n| n.place.id()).collect();
        assert_eq!(flagged, ["active/fees/amount", "requests/1/natural"]);
        assert!(
            summary.notes[1].message.zh.contains("沭阳县教育局未填写"),
            "{}",
            summary.notes[1].message.zh
        );
        assert!(check_summary(&summary.report, &[&a, &b, &c]).is_empty());
    }

    #[test]
    fn h_sum_names_the_cell_the_numbers_and_the_units_left_blank() {
        let a = unit("额尔敦街道", Some(3), Some("0"));
        let b = unit("宝力根街道", None, Some("0"));
        let mut summary =
            sum_reports(&[&a, &b], "锡林浩特市人民政府", AgencyKind::CountyGov, 2023).report;
        summary.requests.0[request_row("1")][0] = Some(5);
        let findings = check_summary(&summary, &[&a, &b]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, SUM_RULE);
        assert_eq!(findings[0].place.id(), "requests/1/natural");
        assert_eq!(
            findings[0].message.zh,
            "一 自然人：汇总报告为5，各单位合计为3，相差2（宝力根街道未填写）；各单位：额尔敦街道 3、宝力根街道 空"
        );
        assert!(findings[0].message.en.contains("difference 2"));
    }
}
