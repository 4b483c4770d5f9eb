//! The rule catalogue: every rule in it has a case it passes and a case it fails, here; and
//! docs/rules.md is what the catalogue says (`cargo run -p nianbao-report --example rules_doc >
//! docs/rules.md` writes it).
//!
//! The other test files hold each rule's cases with the numbers of real reports; this one makes
//! sure none of the catalogue's rules goes without one, and that a rule added to it needs one.

#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::format::{AgencyKind, SectionId, REQUEST_TOTAL_COLUMN};
use nianbao_report::import::import_published;
use nianbao_report::model::Decimal;
use nianbao_report::rules::{self, check, cross_year_findings, RunsIn, Stage, RULES};
use nianbao_report::summary::{check_summary, sum_reports};
use nianbao_report::{Basis, Finding, Report, Rule};

/// Where a rule is tried.
// A few dozen cases, each built once and read once: their size does not matter.
#[allow(clippy::large_enum_variant)]
enum Case {
    Report(Report),
    /// This year's report and last year's.
    Years(Report, Report),
    /// A summary report and its units.
    Summary(Report, Vec<Report>),
    /// The units of a summary being built (H-blank is noted while summing).
    Summing(Vec<Report>),
    /// A published report's text, imported.
    Import(String),
}

fn raised(case: &Case) -> Vec<Rule> {
    findings(case).iter().map(|f| f.rule).collect()
}

fn findings(case: &Case) -> Vec<Finding> {
    match case {
        Case::Report(report) => check(report, Stage::Draft),
        Case::Years(report, last) => cross_year_findings(report, last),
        Case::Summary(summary, units) => {
            let units: Vec<&Report> = units.iter().collect();
            check_summary(summary, &units)
        }
        Case::Summing(units) => {
            let units: Vec<&Report> = units.iter().collect();
            sum_reports(&units, "某县人民政府", AgencyKind::CountyGov, 2025).notes
        }
        Case::Import(text) => match import_published(text) {
            Ok(imported) => imported.notes,
            Err(e) => panic!("not imported: {e}"),
        },
    }
}

/// 沭阳县人民政府 2025 as published, its text cut so that no text rule fires.
fn clean() -> Report {
    let mut report = shuyang::county_2025();
    report.sections.set(
        SectionId::Overview,
        "2025年，我县扎实推进政务公开，工作考核、社会评议、责任追究结果情况良好。",
    );
    report
}

fn with(change: impl FnOnce(&mut Report)) -> Report {
    let mut report = clean();
    change(&mut report);
    report
}

fn seed_text() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::read_to_string(path.join("erdun-2023.txt")).expect("the seed")
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::read_to_string(path.join(name)).expect("a fixture")
}

/// A case the rule passes and one it fails.
fn cases(rule: Rule) -> (Case, Case) {
    let total = REQUEST_TOTAL_COLUMN;
    let report = |r: Report| Case::Report(r);
    match rule {
        Rule::R3Balance => (
            report(clean()),
            report(with(|r| {
                r.requests.row_mut("4")[0] = Some(30);
                r.requests.row_mut("4")[total] = Some(30);
            })),
        ),
        Rule::R3RowTotal => (
            report(clean()),
            report(with(|r| r.requests.row_mut("3.4.1")[total] = Some(112))),
        ),
        Rule::R3ResultsTotal => (
            report(clean()),
            report(with(|r| r.requests.row_mut("3.7")[1] = Some(4))),
        ),
        Rule::R4GroupTotal => (
            report(clean()),
            report(with(|r| r.appeals.0[0][4] = Some(60))),
        ),
        Rule::CInteger => (
            report(clean()),
            report(with(|r| r.active.fees = Some(Decimal("4068.2.08".into())))),
        ),
        Rule::CBlank => (
            report(clean()),
            report(with(|r| r.active.licensing = None)),
        ),
        Rule::CDate => (
            report(clean()),
            report(with(|r| r.meta.published_on = Some("2026-02-31".into()))),
        ),
        Rule::R3OtherShare => {
            let mostly_other = with(|r| {
                for key in ["1", "3.6.3", "3.7"] {
                    let row = r.requests.row_mut(key);
                    *row = [Some(0); 7];
                    row[0] = Some(10);
                    row[total] = Some(10);
                }
                for key in ["2", "3.1", "3.2", "4"] {
                    *r.requests.row_mut(key) = [Some(0); 7];
                }
                for (index, row) in r.requests.0.iter_mut().enumerate() {
                    let key = nianbao_report::format::REQUEST_ROWS[index].key;
                    if key.starts_with("3.") && !["3.6.3", "3.7"].contains(&key) {
                        *row = [Some(0); 7];
                    }
                }
            });
            (report(clean()), report(mostly_other))
        }
        Rule::TSectionEmpty => (
            report(clean()),
            report(with(|r| r.sections.set(SectionId::Problems, ""))),
        ),
        Rule::TOverviewLength => (
            report(clean()),
            report(with(|r| {
                r.sections.set(
                    SectionId::Overview,
                    format!(
                        "工作考核、社会评议、责任追究结果情况良好。{}",
                        "公开".repeat(500)
                    ),
                )
            })),
        ),
        Rule::TFeeStatement => (
            report(clean()),
            report(with(|r| r.sections.set(SectionId::Other, "无其他需要报告的事项。"))),
        ),
        Rule::TNumbers => (
            report(with(|r| {
                r.sections.set(
                    SectionId::Problems,
                    "本年度共收到政府信息公开申请713件，其中予以公开294件。",
                )
            })),
            report(with(|r| {
                r.sections.set(
                    SectionId::Problems,
                    "本年度共收到政府信息公开申请713件，其中予以公开290件。",
                )
            })),
        ),
        Rule::TNoRequestsClaim => (
            report(with(|r| {
                r.sections
                    .set(SectionId::Problems, "本年度共收到政府信息公开申请713件。")
            })),
            report(with(|r| {
                r.sections
                    .set(SectionId::Problems, "本年度未收到政府信息公开申请。")
            })),
        ),
        Rule::TYear => (
            report(clean()),
            report(with(|r| {
                r.sections
                    .set(SectionId::Problems, "2019年，我县政务公开工作取得成效。")
            })),
        ),
        Rule::TPageChrome => (
            report(clean()),
            report(with(|r| {
                r.sections.set(
                    SectionId::Other,
                    format!("{}\n【打印本页】【关闭窗口】", shuyang::COUNTY_2025_OTHER),
                )
            })),
        ),
        Rule::SGovReview => (
            report(clean()),
            report(with(|r| {
                r.sections
                    .set(SectionId::Overview, shuyang::COUNTY_2025_OVERVIEW)
            })),
        ),
        Rule::DDeadline => (
            report(clean()),
            report(with(|r| r.meta.published_on = Some("2026-03-01".into()))),
        ),
        Rule::XLastYear => {
            let mut other = clean();
            other.meta.agency = "泗阳县人民政府".into();
            other.meta.year = 2024;
            let mut last = clean();
            last.meta.year = 2024;
            (Case::Years(clean(), last), Case::Years(clean(), other))
        }
        Rule::XCarryOver => {
            let mut last = clean();
            last.meta.year = 2024;
            *last.requests.row_mut("4") = *clean().requests.row("2");
            let mut other = last.clone();
            other.requests.row_mut("4")[0] = Some(35);
            other.requests.row_mut("4")[total] = Some(35);
            (Case::Years(clean(), last), Case::Years(clean(), other))
        }
        Rule::XInForce => {
            let mut last = clean();
            last.meta.year = 2024;
            last.active.normative_documents = [Some(5), Some(0), Some(27)];
            let mut other = last.clone();
            other.active.normative_documents = [Some(5), Some(0), Some(20)];
            (Case::Years(clean(), last), Case::Years(clean(), other))
        }
        Rule::TRepeat => {
            let mut last = clean();
            last.meta.year = 2024;
            last.sections
                .set(SectionId::Problems, "一是队伍建设有待加强，人员变动较大。");
            let mut same = last.clone();
            same.sections
                .set(SectionId::Problems, shuyang::COUNTY_2025_PROBLEMS);
            (Case::Years(clean(), last), Case::Years(clean(), same))
        }
        Rule::HSum => {
            let units = vec![shuyang::fagaiju_2023(), shuyang::fagaiju_2023()];
            let refs: Vec<&Report> = units.iter().collect();
            let summary = sum_reports(&refs, "某县人民政府", AgencyKind::CountyGov, 2023).report;
            let mut wrong = summary.clone();
            wrong.active.licensing = Some(1);
            (
                Case::Summary(summary, units.clone()),
                Case::Summary(wrong, units),
            )
        }
        Rule::HBlank => {
            let mut filled = shuyang::fagaiju_2023();
            for row in filled.requests.0.iter_mut() {
                for cell in row.iter_mut() {
                    cell.get_or_insert(0);
                }
            }
            (
                Case::Summing(vec![filled.clone(), filled.clone()]),
                Case::Summing(vec![filled, shuyang::fagaiju_2023()]),
            )
        }
        Rule::SOldFormat => (
            Case::Import(seed_text()),
            Case::Import(fixture("dizhang-street-2023-partial-2019-format.txt")),
        ),
        Rule::IMissing => (
            Case::Import(seed_text()),
            Case::Import(fixture("guanzhou-street-2023-partial.txt")),
        ),
        Rule::IUnread => (
            Case::Import(seed_text()),
            Case::Import(seed_text().replacen("行政许可 |\n8 |", "行政许可 |\n八项 |", 1)),
        ),
        Rule::ISectionMissing => (
            Case::Import(seed_text()),
            Case::Import(seed_text().replacen("五、存在的主要问题及改进情况", "", 1)),
        ),
        Rule::IRowsMissing => (
            Case::Import(seed_text()),
            Case::Import(seed_text().replacen("行政强制 |", "", 1)),
        ),
        Rule::ITableMissing => (
            Case::Import(seed_text()),
            Case::Import({
                let text = seed_text();
                let start = text.find("四、政府信息公开行政复议").expect("table 四");
                let end = text.find("五、存在的主要问题").expect("五");
                format!("{}{}", &text[..start], &text[end..])
            }),
        ),
        Rule::IMeta => (
            Case::Import(seed_text()),
            Case::Import(fixture("guanzhou-street-2023-partial.txt")),
        ),
        Rule::IAgencyKind => (
            Case::Import(seed_text()),
            Case::Import(format!(
                "西咸新区管委会2023年政府信息公开工作年度报告\n{}",
                seed_text()
            )),
        ),
        Rule::IOcrFix => (
            Case::Import(seed_text()),
            Case::Import(fixture("shuyang-county-2025.txt")),
        ),
        Rule::IDerived => (
            Case::Import(seed_text()),
            Case::Import(fixture("shuyang-county-2025.txt").replacen(
                "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 |",
                "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 | 111 | 0 | 0 | 0 | 0 | 0 | 111 |",
                1,
            )),
        ),
    }
}

#[test]
fn every_rule_has_a_case_it_passes_and_a_case_it_fails() {
    let mut failures = Vec::new();
    for def in &RULES {
        let (passes, fails) = cases(def.rule);
        if raised(&passes).contains(&def.rule) {
            failures.push(format!("{}: raised by its passing case", def.id));
        }
        if !raised(&fails).contains(&def.rule) {
            failures.push(format!("{}: not raised by its failing case", def.id));
        }
        let runs_in = match fails {
            Case::Report(_) if rules::reading::RULES.contains(&def.rule) => RunsIn::Reading,
            Case::Report(_) => RunsIn::Check,
            Case::Years(..) => RunsIn::CrossYear,
            Case::Summary(..) | Case::Summing(_) => RunsIn::Summary,
            Case::Import(_) => RunsIn::Import,
        };
        if runs_in != def.runs_in {
            failures.push(format!(
                "{}: the catalogue says it runs {:?}, its case {runs_in:?}",
                def.id, def.runs_in
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The rules whose basis depends on the case: T-year on a title names the title's form, not the
/// statistics period; D-deadline's date for a county or a city is the notices', not the 条例's.
const BASIS_BY_CASE: [Rule; 2] = [Rule::TYear, Rule::DDeadline];

#[test]
fn each_finding_rests_on_its_rules_basis_in_the_catalogue() {
    let mut failures = Vec::new();
    for def in &RULES {
        let (_, fails) = cases(def.rule);
        for finding in findings(&fails).iter().filter(|f| f.rule == def.rule) {
            if finding.basis != def.basis && !BASIS_BY_CASE.contains(&def.rule) {
                failures.push(format!(
                    "{}: the finding's basis {:?}, the catalogue's {:?}",
                    def.id, finding.basis, def.basis
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_basis_reads_in_english_too() {
    // The catalogue's, and those a finding takes by its case (D-deadline's by the agency's kind).
    let late = |kind| {
        Case::Report(with(|r| {
            r.meta.agency_kind = kind;
            r.meta.published_on = Some("2026-04-01".into());
        }))
    };
    let by_case = BASIS_BY_CASE
        .iter()
        .map(|rule| cases(*rule).1)
        .chain([late(AgencyKind::Department), late(AgencyKind::ProvinceGov)])
        .flat_map(|case| findings(&case))
        .filter(|f| BASIS_BY_CASE.contains(&f.rule))
        .map(|f| f.basis);
    let (mut official, mut practice) = (0, 0);
    for basis in RULES.iter().map(|def| def.basis).chain(by_case) {
        match basis {
            // Our own words: Chinese only inside 「」, where the English names the form it quotes.
            Basis::Practice { zh, en } => {
                practice += 1;
                let outside_quotes: String = en
                    .split('「')
                    .map(|part| part.split_once('」').map_or(part, |(_, rest)| rest))
                    .collect();
                assert!(
                    !en.is_empty() && !outside_quotes.chars().any(is_chinese),
                    "{zh}: its English reads 「{en}」"
                );
            }
            // An official text's English says what it says (a document's number may stay).
            Basis::Official { quote, en } => {
                official += 1;
                let english: usize = en.chars().filter(char::is_ascii_alphabetic).count();
                assert!(
                    english > 20 && en.chars().filter(|c| is_chinese(*c)).count() < english / 4,
                    "{quote}: its English reads 「{en}」"
                );
            }
            Basis::Derived => {}
        }
    }
    assert!(
        practice >= 6 && official >= 9,
        "{practice} and {official} checked"
    );
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn the_helps_page_of_rules_is_the_catalogue() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/help/rules.html");
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == rules::help_page(),
        "public/help/rules.html is stale: run `cargo run -p nianbao-report --example rules_doc -- --help-page > public/help/rules.html`"
    );
    for def in rules::RULES {
        assert!(
            written.contains(&format!("<tr id=\"{}\">", def.id)),
            "{}",
            def.id
        );
    }
}

#[test]
fn docs_rules_md_is_the_catalogue() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == rules::markdown(),
        "docs/rules.md is stale: run `cargo run -p nianbao-report --example rules_doc > docs/rules.md`"
    );
}
