//! Rules over the report's header: D-deadline, and C-date for a publication date that cannot be
//! checked.
//!
//! A publication date that is not a date (or lies inside the reported year, so that the year was
//! probably mistyped) would make D-deadline silently say nothing; it is reported as `C-date`, a
//! warning on the field, in the manner of the C- rules: the value itself is wrong, whatever the
//! deadline.

use crate::date::Date;
use crate::finding::{Basis, Finding, Severity};
use crate::format::AgencyKind;
use crate::message::Message;
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
            message: Message {
zh: format!("发布日期「{text}」不是有效日期，应写作YYYY-MM-DD，如2026-01-23"),
en: format!(
                "The publication date \"{text}\" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-01-23"
            ),
},
            basis: Basis::Derived,
        });
        return;
    };
    if !published.is_real() {
        let (year, month, days) = (published.year, published.month, published.days_in_month());
        findings.push(Finding {
            rule: DATE,
            severity: Severity::Warning,
            place,
            message: Message {
zh: format!("发布日期{published}不存在：{year}年{month}月只有{days}天"),
en: format!(
                "The publication date {published} does not exist: month {month} of {year} has {days} days"
            ),
},
            basis: Basis::Derived,
        });
        return;
    }
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
            message: Message {
zh: format!(
                "发布日期{published}不晚于统计期末{year}年12月31日：{year}年度的报告只能在{next_year}年发布，请核对年份"
            ),
en: format!(
                "The publication date {published} is not after the end of the reported period, \
                 31 December {year}: a report on {year} is published in {next_year}; check the year"
            ),
},
            basis: Basis::Derived,
        });
        return;
    }
    let kind = report.meta.agency_kind.def();
    let (month, day) = kind.deadline;
    let Some(deadline) = publication_deadline(report) else {
        return;
    };
    if published <= deadline {
        return;
    }
    let late = published.days() - deadline.days();
    findings.push(Finding {
        rule: DEADLINE,
        severity: Severity::Info,
        place,
        message: Message {
zh: format!(
            "发布日期{published}晚于{}年度报告的公布时限{next_year}年{month}月{day}日（晚{late}天）",
            kind.label_zh
        ),
en: format!(
            "Published on {published}, {late} day(s) after the deadline for a {} report, {deadline}",
            kind.label_en.to_ascii_lowercase()
        ),
},
        basis: deadline_basis(report.meta.agency_kind),
    });
}

/// The last day the report may be published, by its agency's kind (条例 第四十九条 and the
/// notices): in the year after the year reported on.
pub fn publication_deadline(report: &Report) -> Option<Date> {
    let (month, day) = report.meta.agency_kind.def().deadline;
    Some(Date {
        year: report.meta.year.checked_add(1)?,
        month,
        day,
    })
}

fn deadline_basis(kind: AgencyKind) -> Basis {
    match kind {
        AgencyKind::Department | AgencyKind::Township | AgencyKind::Other => {
            Basis::Official {
                quote: ARTICLE_49_DEPARTMENTS,
                en: "departments of governments at county level and above submit last year's report to the \
                     office in charge by 31 January each year and publish it (Regulations on Open \
                     Government Information, article 49)",
            }
        }
        AgencyKind::ProvinceGov => Basis::Official {
            quote: ARTICLE_49_GOVERNMENTS,
            en: "the office in charge publishes its government's report on last year by 31 March each \
                 year (Regulations on Open Government Information, article 49)",
        },
        // Counties and cities publish earlier than 3月31日 so that the level above can summarise
        // them in time: the dates are those of the notices, not of the 条例.
        AgencyKind::CountyGov | AgencyKind::CityGov => Basis::Practice {
            zh: "县级、设区的市级人民政府年度报告分别于2月20日、3月10日前公布，以便上级汇总",
            en: "county and city governments publish theirs by 20 February and 10 March, so that the level above can summarise them",
        },
    }
}
