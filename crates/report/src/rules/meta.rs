//! Rules over the report's header: D-deadline, and C-date for a publication date that cannot be
//! checked.
//!
//! A publication date that is not a date (or lies inside the reported year, so that the year was
//! probably mistyped) would make D-deadline silently say nothing; it is reported as `C-date`, a
//! warning on the field, in the manner of the C- rules: the value itself is wrong, whatever the
//! deadline.

use crate::finding::{Basis, Finding, Severity};
use crate::format::AgencyKind;
use crate::model::{Place, Report};
use crate::rules::Rule;

const DEADLINE: Rule = Rule::DDeadline;
const DATE: Rule = Rule::CDate;

const PUBLISHED_ON: &str = "published_on";

/// 条例 第四十九条, first sentence: the deadline of departments (and, in practice, 乡镇/街道).
const ARTICLE_49_DEPARTMENTS: &str = "县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。";
/// 条例 第四十九条, second sentence: the deadline of a government's own report.
const ARTICLE_49_GOVERNMENTS: &str = "县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。";

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    let Some(text) = report
        .meta
        .published_on
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return;
    };
    let place = Place::Meta(PUBLISHED_ON);
    let Some(published) = Date::parse_iso(text) else {
        findings.push(Finding {
            rule: DATE,
            severity: Severity::Warning,
            place,
            message_zh: format!("发布日期「{text}」不是有效日期，应写作YYYY-MM-DD，如2026-01-23"),
            message_en: format!(
                "The publication date \"{text}\" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-01-23"
            ),
            basis: Basis::Derived,
        });
        return;
    };
    let year = report.meta.year;
    let Some(next_year) = year.checked_add(1) else {
        return;
    };
    let period_end = Date {
        year,
        month: 12,
        day: 31,
    };
    if published <= period_end {
        findings.push(Finding {
            rule: DATE,
            severity: Severity::Warning,
            place,
            message_zh: format!(
                "发布日期{published}不晚于统计期末{year}年12月31日：{year}年度的报告只能在{next_year}年发布，请核对年份"
            ),
            message_en: format!(
                "The publication date {published} is not after the end of the reported period, \
                 31 December {year}: a report on {year} is published in {next_year}; check the year"
            ),
            basis: Basis::Derived,
        });
        return;
    }
    let kind = report.meta.agency_kind.def();
    let (month, day) = kind.deadline;
    let deadline = Date {
        year: next_year,
        month,
        day,
    };
    if published <= deadline {
        return;
    }
    let late = published.days() - deadline.days();
    findings.push(Finding {
        rule: DEADLINE,
        severity: Severity::Info,
        place,
        message_zh: format!(
            "发布日期{published}晚于{}年度报告的公布时限{next_year}年{month}月{day}日（晚{late}天）",
            kind.label_zh
        ),
        message_en: format!(
            "Published on {published}, {late} day(s) after the deadline for a {} report, {deadline}",
            kind.label_en.to_ascii_lowercase()
        ),
        basis: deadline_basis(report.meta.agency_kind),
    });
}

fn deadline_basis(kind: AgencyKind) -> Basis {
    match kind {
        AgencyKind::Department | AgencyKind::Township | AgencyKind::Other => {
            Basis::Official(ARTICLE_49_DEPARTMENTS)
        }
        AgencyKind::ProvinceGov => Basis::Official(ARTICLE_49_GOVERNMENTS),
        // Counties and cities publish earlier than 3月31日 so that the level above can summarise
        // them in time: the dates are those of the notices, not of the 条例.
        AgencyKind::CountyGov | AgencyKind::CityGov => Basis::Practice(
            "县级、设区的市级人民政府年度报告分别于2月20日、3月10日前公布，以便上级汇总",
        ),
    }
}

/// A calendar date, ordered by (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// Strictly `YYYY-MM-DD`, as the date field and the JSON format write it.
    fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || year.len() != 4
            || month.len() != 2
            || day.len() != 2
            || ![year, month, day]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let date = Date {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        let valid = (1..=12).contains(&date.month)
            && (1..=days_in_month(date.year, date.month)).contains(&date.day);
        valid.then_some(date)
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil), to say how late a report is.
    fn days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(
            Date::parse_iso("2026-01-23"),
            Some(Date {
                year: 2026,
                month: 1,
                day: 23
            })
        );
        assert!(Date::parse_iso("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-1-23",
            "2026年1月23日",
            "2026/01/23",
            "2026-01-23-1",
            "+202-01-23",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let day = |year, month, day| Date { year, month, day }.days();
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2026, 2, 21) - day(2026, 2, 20), 1);
        assert_eq!(day(2024, 3, 1) - day(2024, 2, 28), 2);
        assert_eq!(day(2025, 3, 1) - day(2025, 2, 28), 1);
    }
}
