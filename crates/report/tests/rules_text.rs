//! The text rules over real reports: T-overview-length, T-fee-statement, T-numbers,
//! T-no-requests-claim, T-section-empty, T-year, T-page-chrome, S-gov-review.
//!
//! Each rule gets a passing and a failing case built from sentences of the real fixtures, and the
//! whole text of every fixture is run through all of them: these rules read hand-written prose,
//! and a false alarm on a real report is the failure that matters most.
//!
//! The reports are built in code (sections cut at their headings, tables typed from the
//! fixtures' README), not by the importer, so that these tests check the rules alone.

use nianbao_report::format::{self, AgencyKind, SectionId};
use nianbao_report::model::{Place, Report};
use nianbao_report::rules::{self, Stage};
use nianbao_report::Finding;
use nianbao_report::Rule;
use std::path::PathBuf;

const TEXT_RULES: [Rule; 8] = [
    Rule::TOverviewLength,
    Rule::TFeeStatement,
    Rule::TNumbers,
    Rule::TNoRequestsClaim,
    Rule::TSectionEmpty,
    Rule::TYear,
    Rule::TPageChrome,
    Rule::SGovReview,
];

fn findings(report: &Report, rule: Rule) -> Vec<Finding> {
    rules::check(report, Stage::Draft)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The key numbers of a report's tables, as the fixtures' README gives them.
#[derive(Clone, Copy, Default)]
struct Tables {
    /// Table 三, 总计 column: rows 一, 二, 三(七), 四.
    requests: [Option<u64>; 4],
    /// Table 四 totals: 行政复议, 未经复议直接起诉, 复议后起诉.
    appeals: [Option<u64>; 3],
    /// Table 二: 行政规范性文件 [issued, repealed, in_force].
    normative_documents: [Option<u64>; 3],
    licensing: Option<u64>,
    punishment: Option<u64>,
    enforcement: Option<u64>,
}

const ERDUN: Tables = Tables {
    requests: [Some(0); 4],
    appeals: [Some(0); 3],
    normative_documents: [Some(0); 3],
    licensing: Some(8),
    punishment: Some(0),
    enforcement: Some(0),
};

const SHUYANG_COUNTY: Tables = Tables {
    requests: [Some(713), Some(36), Some(718), Some(31)],
    appeals: [Some(61), Some(3), Some(10)],
    normative_documents: [Some(6), Some(1), Some(32)],
    licensing: Some(517_645),
    punishment: Some(693_957),
    enforcement: Some(2154),
};

const SHUYANG_FAGAIJU: Tables = Tables {
    requests: [Some(26), Some(0), Some(26), Some(0)],
    appeals: [Some(1), Some(0), Some(0)],
    normative_documents: [Some(8), Some(0), Some(18)],
    licensing: Some(0),
    punishment: Some(0),
    enforcement: Some(0),
};

/// The copy ends inside table 三: rows 三(七) and 四 and all of table 四 are lost.
const GUANZHOU: Tables = Tables {
    requests: [Some(1), Some(0), None, None],
    appeals: [None; 3],
    normative_documents: [Some(0); 3],
    licensing: Some(0),
    punishment: Some(1472),
    enforcement: Some(0),
};

/// The copy ends in table 二, in the 2019 layout: nothing of the 2021 tables is known.
const DIZHANG: Tables = Tables {
    requests: [None; 4],
    appeals: [None; 3],
    normative_documents: [None; 3],
    licensing: None,
    punishment: None,
    enforcement: None,
};

fn report(kind: AgencyKind, year: i32, tables: Tables) -> Report {
    let mut report = Report::default();
    report.meta.agency_kind = kind;
    report.meta.year = year;
    for (key, value) in ["1", "2", "3.7", "4"].into_iter().zip(tables.requests) {
        report.requests.row_mut(key)[format::REQUEST_TOTAL_COLUMN] = value;
    }
    for (group, value) in tables.appeals.into_iter().enumerate() {
        report.appeals.0[group][format::APPEAL_TOTAL_COLUMN] = value;
    }
    report.active.normative_documents = tables.normative_documents;
    report.active.licensing = tables.licensing;
    report.active.punishment = tables.punishment;
    report.active.enforcement = tables.enforcement;
    report
}

/// A report whose three required sections hold a sentence each, so that only the sentence under
/// test can raise a finding.
fn report_saying(
    kind: AgencyKind,
    year: i32,
    tables: Tables,
    section: SectionId,
    text: &str,
) -> Report {
    let mut report = report(kind, year, tables);
    report.sections.set(
        SectionId::Overview,
        "2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神，不断强化依法公开理念。",
    );
    report.sections.set(
        SectionId::Problems,
        "信息公开队伍专业化能力建设有待进一步提升。",
    );
    report.sections.set(
        SectionId::Other,
        "本年度未收取政府信息公开信息处理费，无其他说明事项。",
    );
    let current = report.sections.get(section).to_owned();
    report.sections.set(section, format!("{current}\n{text}"));
    report
}

/// The text sections of a fixture, cut at the section headings (the tables' sections are left
/// empty: their content goes to the tables). Markdown marks are dropped, as an importer would.
fn sections_of(text: &str, report: &mut Report) {
    let mut current: Option<SectionId> = None;
    let mut parts: [String; 6] = Default::default();
    for line in text.lines() {
        let bare = line.trim().trim_start_matches('#').trim();
        let bare_heading = bare.trim_end_matches('|').trim();
        let heading = format::SECTIONS.iter().find(|def| {
            bare_heading == def.heading
                || def
                    .aliases
                    .iter()
                    .any(|alias| bare_heading == format!("{}{alias}", def.numeral))
        });
        if let Some(def) = heading {
            current = Some(def.id);
            continue;
        }
        if let Some(id) = current {
            parts[id as usize].push_str(bare);
            parts[id as usize].push('\n');
        }
    }
    for def in &format::SECTIONS {
        if def.text_required {
            report.sections.set(def.id, parts[def.id as usize].clone());
        }
    }
}

fn seed_text() -> String {
    fixture("erdun-2023.txt")
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture_report(text: &str, kind: AgencyKind, year: i32, tables: Tables) -> Report {
    let mut report = report(kind, year, tables);
    sections_of(text, &mut report);
    report
}

fn counts(report: &Report) -> Vec<(Rule, usize)> {
    TEXT_RULES
        .iter()
        .map(|rule| (*rule, findings(report, *rule).len()))
        .collect()
}

fn print_findings(name: &str, report: &Report) {
    println!("{name}: {:?}", counts(report));
    for finding in rules::check(report, Stage::Draft)
        .iter()
        .filter(|f| TEXT_RULES.contains(&f.rule))
    {
        println!(
            "  {} {}: {}",
            finding.rule,
            finding.place.id(),
            finding.message.zh
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Every fixture, whole
// ---------------------------------------------------------------------------------------------

#[test]
fn seed_gives_only_the_overview_length_warning() {
    let report = fixture_report(&seed_text(), AgencyKind::Township, 2023, ERDUN);
    print_findings("erdun-2023", &report);
    // 一、总体情况 is 1,193 characters without whitespace: over the 1,000 of the format.
    let long = findings(&report, Rule::TOverviewLength);
    assert_eq!(long.len(), 1);
    assert!(
        long[0].message.zh.contains("1193"),
        "{}",
        long[0].message.zh
    );
    for rule in TEXT_RULES.iter().filter(|r| **r != Rule::TOverviewLength) {
        assert_eq!(findings(&report, *rule), [], "{rule}");
    }
}

#[test]
fn shuyang_county_text_agrees_with_its_tables() {
    let text = fixture("shuyang-county-2025.txt");
    let report = fixture_report(&text, AgencyKind::CountyGov, 2025, SHUYANG_COUNTY);
    print_findings("shuyang-county-2025", &report);
    // 「共受理政府信息公开申请 749 件」 (一+二), 「共办理 718 件」, 「结转下一年 31 件」: all agree.
    assert_eq!(findings(&report, Rule::TNumbers), []);
    assert_eq!(findings(&report, Rule::TNoRequestsClaim), []);
    assert_eq!(findings(&report, Rule::TYear), []);
    assert_eq!(findings(&report, Rule::TFeeStatement), []);
    assert_eq!(findings(&report, Rule::TSectionEmpty), []);
    // A county government that reports 考核 but neither 社会评议 nor 责任追究: true.
    let review = findings(&report, Rule::SGovReview);
    assert_eq!(review.len(), 1);
    assert!(review[0].message.zh.contains("社会评议、责任追究"));
    assert!(!review[0].message.zh.contains("未提及工作考核"));
    assert_eq!(findings(&report, Rule::TOverviewLength).len(), 1);
}

#[test]
fn shuyang_county_numbers_are_caught_when_the_tables_differ() {
    let text = fixture("shuyang-county-2025.txt");
    let mut tables = SHUYANG_COUNTY;
    tables.requests = [Some(700), Some(36), Some(717), Some(30)];
    let report = fixture_report(&text, AgencyKind::CountyGov, 2025, tables);
    let found = findings(&report, Rule::TNumbers);
    let messages: Vec<&str> = found.iter().map(|f| f.message.zh.as_str()).collect();
    assert_eq!(found.len(), 3, "{messages:#?}");
    // 749 is neither 一 (700) nor 一+二 (736); 718 is not 三(七); 31 is not 四.
    assert!(
        messages[0].contains("749") && messages[0].contains("700") && messages[0].contains("736")
    );
    assert!(messages[1].contains("718") && messages[1].contains("表三三(七)行总计列为717"));
    assert!(messages[2].contains("31") && messages[2].contains("表三四行总计列为30"));
    assert!(found
        .iter()
        .all(|f| f.place == Place::Section(SectionId::Overview)));
}

#[test]
fn shuyang_fagaiju_text_agrees_with_its_tables() {
    let text = fixture("shuyang-fagaiju-2023.txt");
    let report = fixture_report(&text, AgencyKind::Department, 2023, SHUYANG_FAGAIJU);
    print_findings("shuyang-fagaiju-2023", &report);
    for rule in TEXT_RULES {
        assert_eq!(findings(&report, rule), [], "{rule}");
    }
    // 「共收到依申请信息公开26件」 is read: with 25 in the table it is reported.
    let mut tables = SHUYANG_FAGAIJU;
    tables.requests[0] = Some(25);
    let report = fixture_report(&text, AgencyKind::Department, 2023, tables);
    let found = findings(&report, Rule::TNumbers);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("共收到依申请信息公开26件"));
}

#[test]
fn partial_copies_lack_their_required_sections() {
    let guanzhou = fixture("guanzhou-street-2023-partial.txt");
    let dizhang = fixture("dizhang-street-2023-partial-2019-format.txt");
    let guanzhou = fixture_report(&guanzhou, AgencyKind::Township, 2023, GUANZHOU);
    let dizhang = fixture_report(&dizhang, AgencyKind::Township, 2023, DIZHANG);
    for (name, report) in [("guanzhou", &guanzhou), ("dizhang", &dizhang)] {
        print_findings(name, report);
        let empty: Vec<Place> = findings(report, Rule::TSectionEmpty)
            .into_iter()
            .map(|f| f.place)
            .collect();
        assert_eq!(
            empty,
            [
                Place::Section(SectionId::Problems),
                Place::Section(SectionId::Other)
            ],
            "{name}"
        );
        for rule in [
            Rule::TNumbers,
            Rule::TNoRequestsClaim,
            Rule::TYear,
            Rule::TOverviewLength,
        ] {
            assert_eq!(findings(report, rule), [], "{name} {rule}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// T-no-requests-claim
// ---------------------------------------------------------------------------------------------

const SEED_NO_REQUESTS: &str = "截至2023年12月31日，未收到依申请公开申请信息。";

#[test]
fn no_requests_claim_agrees_with_an_empty_row_one() {
    let report = report_saying(
        AgencyKind::Township,
        2023,
        ERDUN,
        SectionId::Overview,
        SEED_NO_REQUESTS,
    );
    assert_eq!(findings(&report, Rule::TNoRequestsClaim), []);
}

#[test]
fn no_requests_claim_against_three_requests() {
    let mut tables = ERDUN;
    tables.requests = [Some(3), Some(0), Some(3), Some(0)];
    let report = report_saying(
        AgencyKind::Township,
        2023,
        tables,
        SectionId::Overview,
        SEED_NO_REQUESTS,
    );
    let found = findings(&report, Rule::TNoRequestsClaim);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Section(SectionId::Overview));
    assert!(found[0].message.zh.contains("未收到依申请公开申请信息"));
    assert!(found[0].message.zh.contains("表三一行总计列为3"));
    // 西咸新区底张街道 2023: 「全年未收到依申请公开来信」 is the same claim.
    let report = report_saying(
        AgencyKind::Township,
        2023,
        tables,
        SectionId::Overview,
        "2023 年,全年未收到依申请公开来信,无意见投诉情况。",
    );
    assert_eq!(findings(&report, Rule::TNoRequestsClaim).len(), 1);
}

#[test]
fn no_requests_claim_ignores_appeals_and_other_kinds_of_requests() {
    let mut tables = ERDUN;
    tables.requests = [Some(3), Some(0), Some(3), Some(0)];
    for sentence in [
        "本年度未收到因政府信息公开申请提起的行政复议。",
        "未收到行政复议申请。",
        "除上述申请外，未收到其他申请。",
        "2022年未收到政府信息公开申请。",
    ] {
        let report = report_saying(
            AgencyKind::Township,
            2023,
            tables,
            SectionId::Overview,
            sentence,
        );
        assert_eq!(findings(&report, Rule::TNoRequestsClaim), [], "{sentence}");
    }
}

/// Claims in words that there were no appeals, in the manner of real reports (the first two as
/// 莆田 departments wrote them).
const NO_APPEALS_CLAIMS: [&str; 5] = [
    "未出现因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
    "2025年我局无因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
    "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
    "全年无政府信息公开行政复议和行政诉讼案件。",
    "本年度未收到行政复议申请，未发生行政诉讼。",
];

/// T-numbers' findings on 沭阳县 2025's tables (or 额尔敦街道 2023's) with `sentence` in 一.
fn county_numbers(sentence: &str) -> Vec<Finding> {
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        SHUYANG_COUNTY,
        SectionId::Overview,
        sentence,
    );
    findings(&report, Rule::TNumbers)
}

fn erdun_numbers(sentence: &str) -> Vec<Finding> {
    let report = report_saying(
        AgencyKind::Township,
        2023,
        ERDUN,
        SectionId::Overview,
        sentence,
    );
    findings(&report, Rule::TNumbers)
}

#[test]
fn no_appeals_claimed_against_a_table_four_with_appeals() {
    // 沭阳县 2025: 61 reviews, 3 + 10 suits.
    for sentence in NO_APPEALS_CLAIMS {
        let found = county_numbers(sentence);
        assert!(!found.is_empty(), "{sentence}");
        assert!(
            found.iter().all(|f| f.message.zh.contains("称没有")),
            "{sentence}"
        );
    }
    assert_eq!(
        county_numbers(NO_APPEALS_CLAIMS[2])[0].message.zh,
        "正文「本年度未发生因政府信息公开引起的行政复议、行政诉讼」称没有行政复议和行政诉讼，\
         与表格不符：表四行政复议总计为61，表四未经复议直接起诉总计+复议后起诉总计为13"
    );
    // Only the appeal the clause names: 沭阳县发改局 2023 had one review and no suit.
    let report = report_saying(
        AgencyKind::Department,
        2023,
        SHUYANG_FAGAIJU,
        SectionId::Overview,
        "本年度未发生因政府信息公开引起的行政诉讼。",
    );
    assert_eq!(findings(&report, Rule::TNumbers), []);
}

#[test]
fn other_claims_of_none_against_tables_that_have_some() {
    // 沭阳县 2025: 36 carried in, 31 carried out, 6 normative documents issued, 693,957
    // punishments.
    for (sentence, names) in [
        (
            "申请均已按时办结，无结转下年度办理的申请。",
            "表三四行总计列为31",
        ),
        ("本年度无上年结转的政府信息公开申请。", "表三二行总计列为36"),
        (
            "本年度未制发行政规范性文件。",
            "表二行政规范性文件本年制发件数为6",
        ),
        (
            "本年度未作出行政处罚决定。",
            "表二行政处罚本年处理决定数量为693957",
        ),
        // As 莆田市 departments write it; 沭阳县 has 32 in force.
        (
            "目前我局暂无行政规范性文件。",
            "表二行政规范性文件现行有效件数为32",
        ),
    ] {
        let found = county_numbers(sentence);
        assert_eq!(found.len(), 1, "{sentence}");
        assert!(
            found[0].message.zh.contains("称没有"),
            "{}",
            found[0].message.zh
        );
        assert!(
            found[0].message.zh.ends_with(names),
            "{}",
            found[0].message.zh
        );
    }
    // All granted: 沭阳县 answered 718, of which 328 granted in full (the other 390 put in one
    // result row here).
    let with_results = |sentence| {
        let mut report = report_saying(
            AgencyKind::CountyGov,
            2025,
            SHUYANG_COUNTY,
            SectionId::Overview,
            sentence,
        );
        for row in nianbao_report::format::REQUEST_ROWS
            .iter()
            .filter(|r| r.role == format::RequestRowRole::Result)
        {
            report.requests.row_mut(row.key)[format::REQUEST_TOTAL_COLUMN] = Some(0);
        }
        report.requests.row_mut("3.1")[format::REQUEST_TOTAL_COLUMN] = Some(328);
        report.requests.row_mut("3.2")[format::REQUEST_TOTAL_COLUMN] = Some(390);
        report
    };
    let report = with_results("本年度共收到政府信息公开申请713件，全部予以公开。");
    let found = findings(&report, Rule::TNumbers);
    assert_eq!(found.len(), 1);
    assert!(found[0]
        .message
        .zh
        .starts_with("正文「全部予以公开」称没有予以公开以外的办理结果，与表格不符：表三"));
    assert!(
        found[0].message.zh.ends_with("为390"),
        "{}",
        found[0].message.zh
    );
    for sentence in [
        "本年度共收到政府信息公开申请713件，均予以全部或部分公开。",
        "主动公开的政府信息均予以公开，申请件按时答复。",
    ] {
        let report = with_results(sentence);
        let claims: Vec<_> = findings(&report, Rule::TNumbers)
            .into_iter()
            .filter(|f| f.message.zh.contains("称没有"))
            .collect();
        assert_eq!(claims, [], "{sentence}");
    }
    // 额尔敦街道 2023: no punishment, eight licensing decisions.
    assert_eq!(erdun_numbers("本年度未作出行政处罚决定。"), []);
    assert_eq!(erdun_numbers("本年度未作出行政许可决定。").len(), 1);
    // Not a claim of none: internal rules, an unlicensed act, a punishment reviewed.
    for sentence in [
        "未制定规章制度的，及时补充完善。",
        "未经行政许可擅自从事的，依法查处。",
        "未发生行政处罚被复议纠错的情况。",
    ] {
        assert_eq!(county_numbers(sentence), [], "{sentence}");
    }
}

#[test]
fn no_appeals_claims_that_agree_or_claim_something_else_pass() {
    for sentence in NO_APPEALS_CLAIMS {
        assert_eq!(erdun_numbers(sentence), [], "{sentence}");
    }
    // An appeal's outcome, 直接起诉's label, another year: no claim that there were none.
    for sentence in [
        "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情况。",
        "该行政复议件未被复议审查机关纠错。",
        "未经复议直接起诉3件。",
        "2024年未发生行政诉讼。",
        "依法做好行政复议、行政诉讼应诉工作，未出现败诉情况。",
    ] {
        let claims: Vec<_> = county_numbers(sentence)
            .into_iter()
            .filter(|f| f.message.zh.contains("称没有"))
            .collect();
        assert_eq!(claims, [], "{sentence}");
    }
}

#[test]
fn requests_claimed_against_an_empty_row_one() {
    // 「收到…申请26件」 with nothing in table 三: the reverse claim, reported once.
    let mut tables = SHUYANG_FAGAIJU;
    tables.requests = [Some(0), Some(0), Some(0), Some(0)];
    let report = report_saying(
        AgencyKind::Department,
        2023,
        tables,
        SectionId::Overview,
        "2023年度我局共收到依申请信息公开26件，及时回复申请人。",
    );
    let found = findings(&report, Rule::TNoRequestsClaim);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("称收到了"));
    assert_eq!(findings(&report, Rule::TNumbers), []);
}

// ---------------------------------------------------------------------------------------------
// T-numbers
// ---------------------------------------------------------------------------------------------

/// Sentences in the manner of the fixtures, each naming one quantity, with the table value that
/// makes it right.
fn numbers_cases() -> Vec<(&'static str, Tables)> {
    let county = SHUYANG_COUNTY;
    vec![
        ("本年度共收到政府信息公开申请713件。", county),
        // 「收到」 counted with last year's carry-over: 713 + 36.
        ("全县全年共受理政府信息公开申请 749 件。", county),
        ("上年结转36件，结转下年度继续办理31件。", county),
        ("全年共办结政府信息公开申请共计718件。", county),
        ("因政府信息公开工作被申请行政复议61件。", county),
        // 行政诉讼 = 未经复议直接起诉 3 + 复议后起诉 10.
        ("因政府信息公开工作被提起行政诉讼13件。", county),
        ("截至2025年底，现行有效规范性文件32件。", county),
        ("全年作出行政许可决定517,645件。", county),
        ("行政复议六十一件。", county),
        ("被提起行政诉讼十三件。", county),
        ("本年度收到政府信息公开申请７１３件。", county),
        // Cases counted with 起 or 宗, as many reports write them.
        ("因政府信息公开被申请行政复议61起。", county),
        ("全年发生政府信息公开行政诉讼十三宗。", county),
    ]
}

#[test]
fn numbers_that_agree_pass() {
    for (sentence, tables) in numbers_cases() {
        let report = report_saying(
            AgencyKind::CountyGov,
            2025,
            tables,
            SectionId::Overview,
            sentence,
        );
        assert_eq!(findings(&report, Rule::TNumbers), [], "{sentence}");
    }
}

#[test]
fn numbers_that_disagree_fail() {
    let wrong = Tables {
        requests: [Some(700), Some(30), Some(700), Some(30)],
        appeals: [Some(60), Some(2), Some(10)],
        normative_documents: [Some(6), Some(1), Some(31)],
        licensing: Some(517_644),
        punishment: Some(0),
        enforcement: Some(0),
    };
    for (sentence, _) in numbers_cases() {
        let report = report_saying(
            AgencyKind::CountyGov,
            2025,
            wrong,
            SectionId::Overview,
            sentence,
        );
        let found = findings(&report, Rule::TNumbers);
        assert!(!found.is_empty(), "{sentence}");
        assert!(found
            .iter()
            .all(|f| f.place == Place::Section(SectionId::Overview)));
    }
}

#[test]
fn numbers_message_quotes_text_number_and_table() {
    let mut tables = SHUYANG_COUNTY;
    tables.appeals[0] = Some(60);
    // The unit said back as the text wrote it: 件, or 起 for cases.
    for (sentence, message) in [
        (
            "因政府信息公开工作被申请行政复议61件。",
            "正文「因政府信息公开工作被申请行政复议61件」写的是61件，与表格不符：表四行政复议总计为60",
        ),
        (
            "因政府信息公开被申请行政复议61起。",
            "正文「因政府信息公开被申请行政复议61起」写的是61起，与表格不符：表四行政复议总计为60",
        ),
    ] {
        let report = report_saying(AgencyKind::CountyGov, 2025, tables, SectionId::Other, sentence);
        let found = findings(&report, Rule::TNumbers);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].place, Place::Section(SectionId::Other));
        assert_eq!(found[0].message.zh, message);
        assert!(found[0].message.en.contains("states 61"));
        assert!(found[0].message.en.contains("has 60"));
    }
}

#[test]
fn nothing_carried_over_names_row_one_once() {
    // 沭阳县发展和改革局 2023 with one request too many in the text: 二 is 0, so 一 and 一+二 are
    // one reading, quoted once.
    let mut tables = SHUYANG_FAGAIJU;
    tables.requests[0] = Some(25);
    let report = report_saying(
        AgencyKind::Department,
        2023,
        tables,
        SectionId::Overview,
        "2023年度我局共收到依申请信息公开26件，及时回复申请人。",
    );
    let found = findings(&report, Rule::TNumbers);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message.zh,
        "正文「2023年度我局共收到依申请信息公开26件」写的是26件，与表格不符：表三一行总计列为25"
    );
    assert_eq!(
        found[0].message.en,
        "The text 「2023年度我局共收到依申请信息公开26件」 states 26, which disagrees with the \
         tables: table 三 row 1, column 总计 (total) has 25"
    );
}

#[test]
fn numbers_left_alone() {
    // Against tables that agree with none of them, none of these may raise T-numbers.
    let wrong = Tables {
        requests: [Some(1), Some(1), Some(1), Some(1)],
        appeals: [Some(1), Some(1), Some(1)],
        normative_documents: [Some(1), Some(1), Some(1)],
        licensing: Some(1),
        punishment: Some(1),
        enforcement: Some(1),
    };
    for sentence in [
        // Another quantity: the appeals of 沭阳县 together, and 网络问政 of 沭阳县发改局.
        "依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。",
        "全年受理网络问政182件。",
        "成功推动化解各类争议纠纷 33 件。",
        "全年公开政策文件4件，对3件主动公开政策性文件进行意见征集。",
        // Rough numbers.
        "共收到政府信息公开申请70余件。",
        "共收到政府信息公开申请约700件。",
        "行政复议、行政诉讼案件各2件。",
        // Comparisons and other years.
        "收到政府信息公开申请较上年增加10件。",
        "2022年共收到政府信息公开申请50件。",
        // Two quantities before one number.
        "收到行政复议申请2件。",
        "结转31件。",
        // The seed's 「一件一审」.
        "认真落实信息发布“一件一审”管理制度。",
    ] {
        let report = report_saying(
            AgencyKind::CountyGov,
            2025,
            wrong,
            SectionId::Overview,
            sentence,
        );
        assert_eq!(findings(&report, Rule::TNumbers), [], "{sentence}");
    }
}

#[test]
fn parts_after_qizhong_are_left_alone() {
    // 沭阳县人民政府 2025: 741 and 8 are parts of 749; only 749 is compared (and agrees).
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        SHUYANG_COUNTY,
        SectionId::Overview,
        "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。",
    );
    assert_eq!(findings(&report, Rule::TNumbers), []);
    // The 「；」 ends the breakdown: 718 is read again.
    let mut tables = SHUYANG_COUNTY;
    tables.requests[2] = Some(700);
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        tables,
        SectionId::Overview,
        "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。",
    );
    let found = findings(&report, Rule::TNumbers);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("写的是718件"));
}

#[test]
fn handling_may_count_open_applications() {
    // 「办理」 80 = 一 75 + 二 5 while 三(七) is 75: accepted. 「办结」 80 is not.
    let tables = Tables {
        requests: [Some(75), Some(5), Some(75), Some(5)],
        ..SHUYANG_COUNTY
    };
    let say = |sentence: &str| {
        report_saying(
            AgencyKind::CountyGov,
            2025,
            tables,
            SectionId::Overview,
            sentence,
        )
    };
    assert_eq!(
        findings(
            &say("本年度收到政府信息公开申请75件，共办理80件。"),
            Rule::TNumbers
        ),
        []
    );
    assert_eq!(
        findings(
            &say("本年度收到政府信息公开申请75件，共办结80件。"),
            Rule::TNumbers
        )
        .len(),
        1
    );
}

#[test]
fn blank_cells_give_no_number_finding() {
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        DIZHANG,
        SectionId::Overview,
        "本年度共收到政府信息公开申请713件，上年结转36件，被申请行政复议61件。",
    );
    assert_eq!(findings(&report, Rule::TNumbers), []);
}

// ---------------------------------------------------------------------------------------------
// T-section-empty
// ---------------------------------------------------------------------------------------------

#[test]
fn sections_with_text_are_not_empty() {
    let report = report_saying(
        AgencyKind::Township,
        2023,
        ERDUN,
        SectionId::Problems,
        "一是对政务公开工作认识不到位，主动性不强。",
    );
    assert_eq!(findings(&report, Rule::TSectionEmpty), []);
}

#[test]
fn template_subheadings_alone_are_empty() {
    // A new draft: every text section holds only its sub-headings.
    let report = Report::new_blank("锡林浩特市额尔敦街道办事处", AgencyKind::Township, 2023);
    let empty: Vec<Place> = findings(&report, Rule::TSectionEmpty)
        .into_iter()
        .map(|f| f.place)
        .collect();
    assert_eq!(
        empty,
        [
            Place::Section(SectionId::Overview),
            Place::Section(SectionId::Problems),
            Place::Section(SectionId::Other)
        ]
    );
    // An empty 六 is not also reported as lacking the fee statement.
    assert_eq!(findings(&report, Rule::TFeeStatement), []);
    // Writing under one sub-heading fills the section.
    let mut report = report;
    let overview = format!(
        "{}（五）监督保障\n签署保密责任书，确保政务信息工作落到实处。",
        report.sections.get(SectionId::Overview)
    );
    report.sections.set(SectionId::Overview, overview);
    assert_eq!(findings(&report, Rule::TSectionEmpty).len(), 2);
}

#[test]
fn only_whole_subheadings_leave_a_section_empty() {
    // Every char of 「主动公开」 is in 一's sub-headings, but it is no sub-heading of its own: the
    // user wrote it. Sub-headings repeated, with punctuation between, are still nothing written.
    let mut report = Report::new_blank("锡林浩特市额尔敦街道办事处", AgencyKind::Township, 2023);
    let overview_empty = |report: &Report| {
        findings(report, Rule::TSectionEmpty)
            .iter()
            .any(|f| f.place == Place::Section(SectionId::Overview))
    };
    report.sections.set(SectionId::Overview, "主动公开");
    assert!(!overview_empty(&report));
    report.sections.set(
        SectionId::Overview,
        "（一）主动公开。\n（二）依申请公开；（一）主动公开".to_string(),
    );
    assert!(overview_empty(&report));
    report.sections.set(
        SectionId::Overview,
        "（一）主动公开。\n（二）依申请公开；主动".to_string(),
    );
    assert!(!overview_empty(&report));
}

// ---------------------------------------------------------------------------------------------
// T-overview-length
// ---------------------------------------------------------------------------------------------

#[test]
fn overview_length_counts_characters_not_bytes_or_spaces() {
    let sentence = "额尔敦街道制订了符合街道工作实际的政府信息公开制度。"; // 26 characters
    let at_limit = sentence.repeat(38) + &"公".repeat(12); // 988 + 12 = 1000
    let mut report = report(AgencyKind::Township, 2023, ERDUN);
    report
        .sections
        .set(SectionId::Overview, at_limit.replace('。', "。 \n"));
    assert_eq!(findings(&report, Rule::TOverviewLength), []);
    report
        .sections
        .set(SectionId::Overview, at_limit.clone() + "公");
    let found = findings(&report, Rule::TOverviewLength);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("共1001字"));
}

/// The paragraphs a report prints about itself before 「一、总体情况」 (an import puts them at
/// the start of 一) are no part of the overview's length (莆田市民族与宗教事务局 2021: 919
/// characters of 一 under a 320-character opening).
#[test]
fn overview_length_leaves_out_the_reports_opening() {
    let opening = "根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室有关要求，编制本报告。\n\
                   本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，请与街道党政办公室联系。";
    let sentence = "额尔敦街道制订了符合街道工作实际的政府信息公开制度。"; // 26 characters
    let body = sentence.repeat(38) + &"公".repeat(12); // 1000
    let mut report = report(AgencyKind::Township, 2023, ERDUN);
    report
        .sections
        .set(SectionId::Overview, format!("{opening}\n{body}"));
    assert_eq!(findings(&report, Rule::TOverviewLength), []);
    report
        .sections
        .set(SectionId::Overview, format!("{opening}\n{body}公"));
    let found = findings(&report, Rule::TOverviewLength);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.zh.contains("共1001字"),
        "{}",
        found[0].message.zh
    );
    assert!(found[0].message.zh.contains("不计开头说明本报告的2段"));
    assert!(found[0].message.en.contains("2 opening paragraphs"));
    // An opening a copy broke into pieces, one of them not naming the report, is left out
    // whole (莆田市民族与宗教事务局 2021).
    let broken = "本年报是由莆田市民宗局根据《政府信息公开条例》和国办公开办\n\
                  《中华人民共和国政府信息公开工作年度报告格式》要求编制而成。全文包括\n\
                  总体情况等六部分。本年度报告中所列数据的统计期限自2021年1月1日起至12月31日止。";
    report
        .sections
        .set(SectionId::Overview, format!("{broken}\n{body}"));
    assert_eq!(findings(&report, Rule::TOverviewLength), []);
    // The report named further on is counted: only the opening is left out.
    report.sections.set(
        SectionId::Overview,
        format!("{body}\n本报告所列数据截至2023年12月31日。"),
    );
    let found = findings(&report, Rule::TOverviewLength);
    assert!(
        found[0].message.zh.contains("共1021字"),
        "{}",
        found[0].message.zh
    );
}

// ---------------------------------------------------------------------------------------------
// T-fee-statement
// ---------------------------------------------------------------------------------------------

#[test]
fn fee_statements_from_real_reports_pass() {
    for sentence in [
        "本年度未收取政府信息公开信息处理费，无其他说明事项。",
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
        "全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元。",
        "本机关没有收取任何费用。",
    ] {
        let mut report = report(AgencyKind::Township, 2023, ERDUN);
        report.sections.set(SectionId::Other, sentence);
        assert_eq!(findings(&report, Rule::TFeeStatement), [], "{sentence}");
    }
}

#[test]
fn other_section_without_fee_fails() {
    let mut report = report(AgencyKind::Township, 2023, ERDUN);
    report
        .sections
        .set(SectionId::Other, "本年度无其他需要报告的事项。");
    let found = findings(&report, Rule::TFeeStatement);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Section(SectionId::Other));
}

// ---------------------------------------------------------------------------------------------
// T-year
// ---------------------------------------------------------------------------------------------

#[test]
fn historical_and_near_years_pass() {
    for sentence in [
        "办事处设立于1986年3月，总面积57.06平方千米。",
        "2024年，将重点做好以下几方面工作。",
        "自2019年以来，我街道持续推进政务公开。",
        "《中华人民共和国政府信息公开条例》于2019年5月15日起施行。",
        "2022年报告中指出的问题已全部整改。",
        "2022年报告中提出将进一步加强学习培训，现已落实。",
        "依据国办公开办函〔2021〕30号规定编制本报告。",
    ] {
        let report = report_saying(
            AgencyKind::Township,
            2023,
            ERDUN,
            SectionId::Problems,
            sentence,
        );
        assert_eq!(findings(&report, Rule::TYear), [], "{sentence}");
    }
}

#[test]
fn distant_years_and_misdated_plans_fail() {
    for (sentence, year) in [
        // A paragraph kept from the 2021 report.
        (
            "2021年，我街道三务公开平台共公布政务公开监督台账37条。",
            "2021",
        ),
        // Next year's plans dated last year (the spec's 「2022年我局…」 in a 2023 report).
        ("2022年，将重点做好以下几方面工作。", "2022"),
        (
            "本报告所列数据统计期限从2022年1月1日至2022年12月31日止。",
            "2022",
        ),
    ] {
        let report = report_saying(
            AgencyKind::Township,
            2023,
            ERDUN,
            SectionId::Problems,
            sentence,
        );
        let found = findings(&report, Rule::TYear);
        assert_eq!(found.len(), 1, "{sentence}");
        assert_eq!(found[0].place, Place::Section(SectionId::Problems));
        assert!(
            found[0].message.zh.contains(year),
            "{}",
            found[0].message.zh
        );
    }
}

#[test]
fn title_naming_another_year_fails() {
    let mut report = report(AgencyKind::Department, 2023, SHUYANG_FAGAIJU);
    report.meta.title = "沭阳县发展和改革局2023年政府信息公开年度报告".into();
    assert_eq!(findings(&report, Rule::TYear), []);
    report.meta.title = "沭阳县发展和改革局2022年政府信息公开年度报告".into();
    let found = findings(&report, Rule::TYear);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Meta("title"));
}

// ---------------------------------------------------------------------------------------------
// S-gov-review
// ---------------------------------------------------------------------------------------------

#[test]
fn government_covering_all_three_passes() {
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        SHUYANG_COUNTY,
        SectionId::Overview,
        "将县直单位信息公开工作纳入高质量发展考核，开展社会评议，全年未发生责任追究情况。",
    );
    assert_eq!(findings(&report, Rule::SGovReview), []);
    // Departments and street offices are not asked.
    let report = report_saying(
        AgencyKind::Township,
        2023,
        ERDUN,
        SectionId::Overview,
        "签署保密责任书。",
    );
    assert_eq!(findings(&report, Rule::SGovReview), []);
}

#[test]
fn government_missing_one_fails() {
    let report = report_saying(
        AgencyKind::CountyGov,
        2025,
        SHUYANG_COUNTY,
        SectionId::Overview,
        "将县直单位信息公开工作纳入高质量发展考核，全年未发生政府信息公开方面责任追究结果情况。",
    );
    let found = findings(&report, Rule::SGovReview);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("未提及社会评议结果情况"));
    assert_eq!(found[0].place, Place::Section(SectionId::Overview));
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

#[test]
fn odd_text_and_years_do_not_panic() {
    let texts = [
        "",
        "件",
        "年年雷同",
        "，，件件；；。。",
        "收到申请99999999999999999999999件",
        "收到申请九千九百九十九亿九千九百九十九万九千九百九十九件",
        "收到申请1,000,000,000,000,000,000,000件",
        "未收到",
        "未收到依",
        "《2019年",
        "2019年》",
        "结转",
        "规范性文件现行有效制发废止1件",
        "上年结转下年度1件",
        "2022年，将",
        "2022年，我局将",
        "一二三四五六七八九十百千万亿两零〇件",
        "\u{3000}\u{3000}收到 申 请 1 2 件",
    ];
    for year in [i32::MIN, -1, 0, 2023, i32::MAX] {
        for kind in [AgencyKind::CountyGov, AgencyKind::Township] {
            for text in texts {
                let mut report = report(kind, year, SHUYANG_COUNTY);
                for def in &format::SECTIONS {
                    report.sections.set(def.id, text);
                }
                report.meta.title = text.into();
                // Only that it returns: the findings of such text are not the point.
                let _ = rules::check(&report, Stage::Publish);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// T-page-chrome
// ---------------------------------------------------------------------------------------------

#[test]
fn report_lines_that_name_page_words_pass() {
    for (section, sentence) in [
        (
            SectionId::Overview,
            "本报告根据《中华人民共和国政府信息公开条例》编制，数据来源于各科室。",
        ),
        (SectionId::Overview, "（一）主动公开"),
        (
            SectionId::Other,
            "督促承办单位按时办理人大代表建议和政协提案。",
        ),
        (
            SectionId::Other,
            "如对本报告有疑问，请联系：县发展和改革局办公室；地址：人民路1号。",
        ),
        (
            SectionId::Problems,
            "建议使用统一的信息发布平台，做好打印、存档工作。",
        ),
    ] {
        let report = report_saying(AgencyKind::Department, 2023, ERDUN, section, sentence);
        assert_eq!(findings(&report, Rule::TPageChrome), [], "{sentence}");
    }
}

#[test]
fn page_chrome_in_a_section_is_an_error() {
    for (section, line, quoted) in [
        (
            SectionId::Other,
            "【打印本页】【关闭窗口】",
            "【打印本页】【关闭窗口】",
        ),
        (
            SectionId::Other,
            "扫一扫在手机上查看当前页面",
            "扫一扫在手机上查看当前页面",
        ),
        (
            SectionId::Overview,
            "政府信息公开 领导之窗 政府机构 要闻 政策文件 互动交流",
            "政府信息公开 领导之窗 政府机构 要闻 政策文件 互动交流",
        ),
        (
            SectionId::Overview,
            "当前位置：首页 > 政务公开 > 年度报告",
            "当前位置：首页 > 政务公开 > 年度报告",
        ),
        (
            SectionId::Problems,
            "发布时间：2024-01-19 浏览次数：312",
            "发布时间：2024-01-19 浏览次数：312",
        ),
        (
            SectionId::Other,
            "苏ICP备05009489号-1",
            "苏ICP备05009489号-1",
        ),
    ] {
        let report = report_saying(AgencyKind::Department, 2023, ERDUN, section, line);
        let found = findings(&report, Rule::TPageChrome);
        assert_eq!(found.len(), 1, "{line}");
        assert_eq!(found[0].severity, nianbao_report::Severity::Error);
        assert_eq!(found[0].place, Place::Section(section));
        assert!(
            found[0].message.zh.contains(quoted),
            "{}",
            found[0].message.zh
        );
    }
}
