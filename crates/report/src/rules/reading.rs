//! The reading rules: T-numbers, T-no-requests-claim and T-page-chrome read every sentence of the
//! report's text — each quantity it states against the tables, each line against a website's
//! menus and buttons. They are the slow part of a check and most of the checker's code, so the
//! editor runs them in its tools worker after an edit (the rest at once, on every keystroke), and
//! a draft is "ready to publish" only once they have read the report as it is.
//!
//! Their findings cross from the worker to the page as text: [`encode`] and [`decode`].

use crate::message::Message;
use serde_json::{json, Value};

use super::{text, Rule};
use crate::finding::{Basis, Finding, Severity};
use crate::format;
use crate::model::{Place, Report};

/// The rules [`check`] runs, and only they.
pub const RULES: [Rule; 3] = [Rule::TNumbers, Rule::TNoRequestsClaim, Rule::TPageChrome];

/// The reading rules' findings for the report, most severe first.
pub fn check(report: &Report) -> Vec<Finding> {
    check_texts(report, &text::section_texts(report))
}

/// [`check`] with the sections' texts already made (a whole check makes them once).
pub(super) fn check_texts(report: &Report, texts: &[text::SectionText]) -> Vec<Finding> {
    let mut findings = Vec::new();
    text::check_reading(report, texts, &mut findings);
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}

/// What a reading rule rests on: the catalogue's and each finding's (so a finding that crossed
/// as text gets it back).
pub const fn basis(rule: Rule) -> Basis {
    match rule {
        Rule::TPageChrome => Basis::Practice {
            zh: "报告由六个部分组成；网页的菜单、按钮和页脚不是报告的内容",
            en: "a report has six parts; a web page's menus, buttons and footer are not part of it",
        },
        _ => Basis::Derived,
    }
}

/// The findings as JSON text: rule, severity, section, message.
pub fn encode(findings: &[Finding]) -> String {
    let items: Vec<Value> = findings
        .iter()
        .map(|f| {
            let section = match &f.place {
                Place::Section(id) => Some(format::section(*id).key),
                _ => None,
            };
            json!({
                "rule": f.rule.id(),
                "severity": f.severity.label_en(),
                "section": section,
                "zh": f.message.zh,
                "en": f.message.en,
            })
        })
        .collect();
    Value::Array(items).to_string()
}

/// [`encode`]'s text back as findings. Anything but a reading rule's finding on a section is
/// refused: the text comes from another program (the worker), and a finding the page cannot
/// place would be lost quietly.
pub fn decode(text: &str) -> Result<Vec<Finding>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let items = value.as_array().ok_or("not a list of findings")?;
    items
        .iter()
        .map(|item| {
            let field = |key: &str| item.get(key).and_then(Value::as_str);
            let rule = field("rule")
                .and_then(Rule::from_id)
                .filter(|rule| RULES.contains(rule))
                .ok_or("not a reading rule")?;
            let severity = match field("severity") {
                Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                Some("info") => Severity::Info,
                _ => return Err("no severity".to_owned()),
            };
            let section = field("section")
                .and_then(|key| format::SECTIONS.iter().find(|def| def.key == key))
                .ok_or("no section")?;
            Ok(Finding {
                rule,
                severity,
                place: Place::Section(section.id),
                message: Message {
                    zh: field("zh").ok_or("no message")?.to_owned(),
                    en: field("en").ok_or("no message")?.to_owned(),
                },
                basis: basis(rule),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{check_at_once, combine, Stage};

    fn fixture_report() -> Report {
        let text = include_str!("../../tests/fixtures/shuyang-county-2025.txt");
        crate::import::import_published(text)
            .expect("the fixture imports")
            .report
    }

    /// A report whose text states a number the tables do not have, and carries a page's menu.
    fn report_with_reading_findings() -> Report {
        let mut report = fixture_report();
        let overview = report.sections.get(format::SectionId::Overview).to_owned();
        report.sections.set(
            format::SectionId::Overview,
            format!("{overview}\n本年度共收到政府信息公开申请99999件。\n【打印本页】【关闭窗口】"),
        );
        report
    }

    #[test]
    fn the_two_parts_make_the_whole_check_and_split_the_rules() {
        let report = report_with_reading_findings();
        let reading = check(&report);
        let at_once = check_at_once(&report, Stage::Draft);
        let rules_of = |findings: &[Finding]| findings.iter().map(|f| f.rule).collect::<Vec<_>>();
        assert!(rules_of(&reading).contains(&Rule::TNumbers), "{reading:?}");
        assert!(
            rules_of(&reading).contains(&Rule::TPageChrome),
            "{reading:?}"
        );
        assert!(rules_of(&reading).iter().all(|r| RULES.contains(r)));
        assert!(rules_of(&at_once).iter().all(|r| !RULES.contains(r)));
        assert_eq!(
            combine(&at_once, &reading),
            crate::rules::check(&report, Stage::Draft)
        );
    }

    #[test]
    fn findings_cross_as_text_and_back() {
        let findings = check(&report_with_reading_findings());
        assert!(findings.len() >= 2);
        assert_eq!(decode(&encode(&findings)), Ok(findings));
        assert_eq!(decode(&encode(&[])), Ok(vec![]));
    }

    #[test]
    fn text_that_is_not_reading_findings_is_refused() {
        assert!(decode("{not json").is_err());
        assert!(decode(r#"{"rule":"T-numbers"}"#).is_err());
        let at_once_rule =
            r#"[{"rule":"R3-balance","severity":"error","section":"overview","zh":"a","en":"b"}]"#;
        assert!(decode(at_once_rule).is_err());
        let no_section =
            r#"[{"rule":"T-numbers","severity":"warning","section":null,"zh":"a","en":"b"}]"#;
        assert!(decode(no_section).is_err());
    }
}
