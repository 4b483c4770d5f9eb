//! The rules over the tables (R3-*, R4-*, C-*), the header (D-deadline, C-date) and last year's
//! report (X-*, T-repeat), auto-total and next year's draft, on the numbers of real reports of
//! 沭阳县: each rule passes on the report as published and fires, with the exact numbers, when
//! one cell is broken.

#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::format::{request_row, SectionId, REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN};
use nianbao_report::model::{template_text, Decimal};
use nianbao_report::next_year::next_year_draft;
use nianbao_report::rules::{check, Stage};
use nianbao_report::totals::{fill_blank_totals, fill_totals, is_total};
use nianbao_report::Rule;
use nianbao_report::{format, Basis, Finding, Place, Report, Severity};

fn findings(report: &Report, stage: Stage, rule: Rule) -> Vec<Finding> {
    check(report, stage)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// Findings of the rules this file is about; text rules of another module are left out.
fn own_findings(report: &Report, stage: Stage) -> Vec<Finding> {
    const OWN: [Rule; 12] = [
        Rule::R3Balance,
        Rule::R3RowTotal,
        Rule::R3ResultsTotal,
        Rule::R4GroupTotal,
        Rule::CInteger,
        Rule::CBlank,
        Rule::R3OtherShare,
        Rule::DDeadline,
        Rule::CDate,
        Rule::XCarryOver,
        Rule::XInForce,
        Rule::XLastYear,
    ];
    check(report, stage)
        .into_iter()
        .filter(|f| OWN.contains(&f.rule) || f.rule == Rule::TRepeat)
        .collect()
}

fn cell(row: &str, column: &str) -> Place {
    Place::Request {
        row: request_row(row),
        column: format::request_column_index(column).expect("a column of table 三"),
    }
}

fn summary(findings: &[Finding]) -> Vec<(Rule, String, String)> {
    findings
        .iter()
        .map(|f| (f.rule, f.place.id(), f.message.zh.clone()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The published reports pass
// ---------------------------------------------------------------------------------------------

#[test]
fn county_2025_as_published_has_no_findings_of_these_rules() {
    let report = shuyang::county_2025();
    assert_eq!(report.requests.row("1")[REQUEST_TOTAL_COLUMN], Some(713));
    assert_eq!(report.requests.row("3.7")[REQUEST_TOTAL_COLUMN], Some(718));
    for stage in [Stage::Draft, Stage::Publish] {
        let found = own_findings(&report, stage);
        assert!(found.is_empty(), "{:#?}", summary(&found));
    }
}

#[test]
fn fagaiju_2023_as_published_balances_despite_its_blank_columns() {
    let report = shuyang::fagaiju_2023();
    for rule in [
        Rule::R3Balance,
        Rule::R3RowTotal,
        Rule::R3ResultsTotal,
        Rule::R4GroupTotal,
        Rule::CInteger,
        Rule::DDeadline,
    ] {
        assert!(findings(&report, Stage::Publish, rule).is_empty(), "{rule}");
    }
}

// ---------------------------------------------------------------------------------------------
// R3-balance, R3-row-total, R3-results-total, R4-group-total
// ---------------------------------------------------------------------------------------------

#[test]
fn one_wrong_new_requests_cell_breaks_its_column_and_its_row() {
    let mut report = shuyang::county_2025();
    report.requests.row_mut("1")[0] = Some(704);
    let found = own_findings(&report, Stage::Draft);
    assert_eq!(found.len(), 2, "{:#?}", summary(&found));

    let balance = &findings(&report, Stage::Draft, Rule::R3Balance)[0];
    assert_eq!(balance.severity, Severity::Error);
    assert_eq!(balance.place.id(), "requests/1/natural");
    assert_eq!(
        balance.message.zh,
        "自然人列：一(704)+二(36)=740，三(七)(710)+四(31)=741，相差1"
    );
    assert_eq!(
        balance.message.en,
        "Column 自然人 (natural persons): 1 (704) + 2 (36) = 740, but 3(7) (710) + 4 (31) = 741; difference 1"
    );
    assert!(
        matches!(balance.basis, Basis::Official { quote, .. } if quote == format::REQUEST_CORNER_NOTE)
    );

    let row_total = &findings(&report, Stage::Draft, Rule::R3RowTotal)[0];
    assert_eq!(row_total.place.id(), "requests/1/total");
    assert_eq!(
        row_total.message.zh,
        "一行：自然人(704)+商业企业(3)+科研机构(0)+社会公益组织(0)+法律服务机构(5)+其他(0)=712，总计(713)，相差1"
    );
}

#[test]
fn the_example_of_the_spec_reads_as_the_spec_writes_it() {
    // 「自然人列：一(3)+二(0)=3，三(七)(2)+四(0)=2，相差1」, on an otherwise consistent table.
    let mut report = shuyang::county_2025();
    for (key, value) in [("1", 3), ("2", 0), ("3.7", 2), ("4", 0)] {
        report.requests.row_mut(key)[0] = Some(value);
    }
    let balance = findings(&report, Stage::Draft, Rule::R3Balance);
    let natural: Vec<_> = balance
        .iter()
        .filter(|f| f.place == cell("1", "natural"))
        .collect();
    assert_eq!(
        natural[0].message.zh,
        "自然人列：一(3)+二(0)=3，三(七)(2)+四(0)=2，相差1"
    );
}

#[test]
fn a_blank_part_is_not_an_error_until_the_filled_cells_alone_break_the_equation() {
    let mut report = shuyang::county_2025();
    report.requests.row_mut("2")[0] = None;
    assert!(findings(&report, Stage::Draft, Rule::R3Balance).is_empty());
    assert!(findings(&report, Stage::Draft, Rule::R3RowTotal).is_empty());
    assert_eq!(findings(&report, Stage::Draft, Rule::CBlank).len(), 1);

    // 800 new requests alone exceed 三(七) + 四 = 741, whatever the blank holds.
    report.requests.row_mut("1")[0] = Some(800);
    let balance = findings(&report, Stage::Draft, Rule::R3Balance);
    assert_eq!(balance.len(), 1, "{:#?}", summary(&balance));
    assert_eq!(
        balance[0].message.zh,
        "自然人列：一(800)+二(空)≥800，三(七)(710)+四(31)=741，至少相差59（空白格未计）"
    );
    assert_eq!(
        balance[0].message.en,
        "Column 自然人 (natural persons): 1 (800) + 2 (blank) ≥ 800, but 3(7) (710) + 4 (31) = 741; \
         difference at least 59 (blank cells not counted)"
    );
}

#[test]
fn a_result_row_that_does_not_add_up_to_row_seven() {
    let mut report = shuyang::county_2025();
    // 三(六)3 其他: 142 → 141 in the natural column, its row total kept consistent (143 → 142).
    let other = report.requests.row_mut("3.6.3");
    other[0] = Some(141);
    other[REQUEST_TOTAL_COLUMN] = Some(142);
    let found = findings(&report, Stage::Draft, Rule::R3ResultsTotal);
    assert_eq!(
        summary(&found),
        vec![
            (
                Rule::R3ResultsTotal,
                "requests/3.7/natural".to_owned(),
                "自然人列：三(一)至三(六)3之和=709，三(七)(710)，相差1".to_owned()
            ),
            (
                Rule::R3ResultsTotal,
                "requests/3.7/total".to_owned(),
                "总计列：三(一)至三(六)3之和=717，三(七)(718)，相差1".to_owned()
            ),
        ]
    );
    assert_eq!(
        found[0].message.en,
        "Column 自然人 (natural persons): the results 3(1) to 3(6)3 add up to 709, but 3(7) (710); difference 1"
    );
    assert!(findings(&report, Stage::Draft, Rule::R3RowTotal).is_empty());
}

#[test]
fn an_appeal_group_whose_total_is_not_its_sum() {
    let mut report = shuyang::county_2025();
    report.appeals.0[0][4] = Some(62);
    let found = findings(&report, Stage::Draft, Rule::R4GroupTotal);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.id(), "appeals/review/total");
    assert_eq!(
        found[0].message.zh,
        "行政复议：结果维持(27)+结果纠正(10)+其他结果(9)+尚未审结(15)=61，总计(62)，相差1"
    );

    let mut report = shuyang::county_2025();
    report.appeals.0[2][3] = Some(2);
    let found = findings(&report, Stage::Draft, Rule::R4GroupTotal);
    assert_eq!(found[0].place.id(), "appeals/suit_after_review/total");
    assert_eq!(
        found[0].message.zh,
        "行政诉讼（复议后起诉）：结果维持(8)+结果纠正(0)+其他结果(1)+尚未审结(2)=11，总计(10)，相差1"
    );
}

// ---------------------------------------------------------------------------------------------
// C-integer
// ---------------------------------------------------------------------------------------------

#[test]
fn a_fee_that_is_not_a_number_and_a_count_beyond_any_real_report() {
    let mut report = shuyang::county_2025();
    report.active.fees = Some(Decimal("4,068.208".into()));
    // 行政许可 517645 misread with seven extra digits.
    report.active.licensing = Some(5_176_450_000_000);
    let found = findings(&report, Stage::Draft, Rule::CInteger);
    assert_eq!(
        summary(&found),
        vec![
            (
                Rule::CInteger,
                "active/fees/amount".to_owned(),
                "表二 行政事业性收费/本年收费金额（单位：万元）：「4,068.208」不是非负数（以万元为单位，如 4068.208）"
                    .to_owned()
            ),
            (
                Rule::CInteger,
                "active/licensing/decisions".to_owned(),
                "表二 行政许可/本年处理决定数量：5176450000000超出可能的上限1000000000000".to_owned()
            ),
        ]
    );
    assert!(found.iter().all(|f| f.severity == Severity::Error));
}

// ---------------------------------------------------------------------------------------------
// C-blank
// ---------------------------------------------------------------------------------------------

#[test]
fn fagaiju_blank_columns_are_five_findings_not_125() {
    let report = shuyang::fagaiju_2023();
    let draft = findings(&report, Stage::Draft, Rule::CBlank);
    let places: Vec<String> = draft.iter().map(|f| f.place.id()).collect();
    assert_eq!(
        places,
        [
            "requests/1/commercial",
            "requests/1/research",
            "requests/1/nonprofit",
            "requests/1/legal",
            "requests/1/other"
        ]
    );
    assert_eq!(
        draft[0].message.zh,
        "表三“商业企业”列全部空白（25格）（空白不等于0，没有请填0）"
    );
    assert!(draft.iter().all(|f| f.severity == Severity::Warning));
    let publish = findings(&report, Stage::Publish, Rule::CBlank);
    assert_eq!(publish.len(), 5);
    assert!(publish.iter().all(|f| f.severity == Severity::Error));
}

#[test]
fn a_new_report_is_three_blank_tables() {
    let report = Report::new_blank("沭阳县人民政府", format::AgencyKind::CountyGov, 2026);
    let found = findings(&report, Stage::Draft, Rule::CBlank);
    assert_eq!(
        summary(&found),
        vec![
            (
                Rule::CBlank,
                "section/active".to_owned(),
                "表二尚未填写：全部10格空白（空白不等于0，没有请填0）".to_owned()
            ),
            (
                Rule::CBlank,
                "section/requests".to_owned(),
                "表三尚未填写：全部175格空白（空白不等于0，没有请填0）".to_owned()
            ),
            (
                Rule::CBlank,
                "section/appeals".to_owned(),
                "表四尚未填写：全部15格空白（空白不等于0，没有请填0）".to_owned()
            ),
        ]
    );
    // Nothing else of the tables fires on a report with no numbers.
    assert_eq!(own_findings(&report, Stage::Draft).len(), 3);
}

#[test]
fn next_years_draft_is_one_finding_for_its_blank_rows_not_one_per_row_and_column() {
    // 沭阳县发改局 2023 printed its five 法人 columns blank: its 上年结转 row in the draft made
    // from it has numbers under 自然人 and 总计 only.
    let draft = next_year_draft(&shuyang::fagaiju_2023());
    let found: Vec<Finding> = findings(&draft, Stage::Draft, Rule::CBlank)
        .into_iter()
        .filter(|f| matches!(f.place, Place::Request { .. }))
        .collect();
    assert_eq!(
        summary(&found),
        vec![
            (
                Rule::CBlank,
                "requests/1/natural".to_owned(),
                "表三除“二”行外全部空白（168格）（空白不等于0，没有请填0）".to_owned()
            ),
            (
                Rule::CBlank,
                "requests/2/commercial".to_owned(),
                "表三“二”行有5格空白（空白不等于0，没有请填0）".to_owned()
            ),
        ]
    );
    assert_eq!(
        found[0].message.en,
        "table 3 is blank except row 2 (168 cells) (blank is not zero; type 0 if there were none)"
    );

    // More rows with numbers than a finding names: the blank rows counted, the first named.
    let mut report = shuyang::county_2025();
    for row in [
        "1", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6",
    ] {
        *report.requests.row_mut(row) = [None; 7];
    }
    for row in [
        "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4",
    ] {
        *report.requests.row_mut(row) = [None; 7];
    }
    let found = findings(&report, Stage::Draft, Rule::CBlank);
    assert_eq!(found.len(), 1, "{:?}", summary(&found));
    assert_eq!(
        found[0].message.zh,
        "表三有18行全部空白（126格），如“一”、“三(一)”、“三(二)”行（空白不等于0，没有请填0）"
    );
}

#[test]
fn single_blank_cells_rows_and_groups_are_named() {
    let mut report = shuyang::county_2025();
    report.requests.row_mut("3.3.1")[4] = None;
    report.active.fees = None;
    report.appeals.0[1] = [None; 5];
    let found = findings(&report, Stage::Draft, Rule::CBlank);
    assert_eq!(
        summary(&found),
        vec![
            (
                Rule::CBlank,
                "active/fees/amount".to_owned(),
                "表二 行政事业性收费/本年收费金额（单位：万元）空白（空白不等于0，没有请填0）"
                    .to_owned()
            ),
            (
                Rule::CBlank,
                "requests/3.3.1/legal".to_owned(),
                "表三 三(三)1/法律服务机构空白（空白不等于0，没有请填0）".to_owned()
            ),
            (
                Rule::CBlank,
                "appeals/suit_direct/upheld".to_owned(),
                "表四“行政诉讼（未经复议直接起诉）”全部空白（5格）（空白不等于0，没有请填0）"
                    .to_owned()
            ),
        ]
    );

    let mut report = shuyang::county_2025();
    *report.requests.row_mut("3.3.1") = [None; 7];
    let found = findings(&report, Stage::Publish, Rule::CBlank);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.id(), "requests/3.3.1/natural");
    assert_eq!(
        found[0].message.zh,
        "表三“三(三)1”行全部空白（7格）（空白不等于0，没有请填0）"
    );
    assert_eq!(found[0].severity, Severity::Error);
}

// ---------------------------------------------------------------------------------------------
// R3-other-share
// ---------------------------------------------------------------------------------------------

#[test]
fn other_handling_share_is_reported_only_when_high_and_not_tiny() {
    // As published: （六） 9 + 7 + 143 = 159 of 718, 22 %.
    assert!(findings(&shuyang::county_2025(), Stage::Draft, Rule::R3OtherShare).is_empty());

    // 100 of the 290 disclosed to natural persons moved to 三(六)3: 259 of 718, 36 %.
    let mut report = shuyang::county_2025();
    report.requests.row_mut("3.1")[0] = Some(190);
    report.requests.row_mut("3.6.3")[0] = Some(242);
    fill_totals(&mut report);
    assert!(findings(&report, Stage::Draft, Rule::R3ResultsTotal).is_empty());
    let found = findings(&report, Stage::Draft, Rule::R3OtherShare);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].place.id(), "requests/3.6.1/total");
    assert_eq!(
        found[0].message.zh,
        "（六）其他处理共259件，占三(七)总计718件的36%，超过30%：建议在说明中写明这些申请的具体处理情况"
    );

    // 9 of 发改局's 26 under 三(六)3 is 35 %, but too few applications to mean anything.
    let mut small = shuyang::fagaiju_2023();
    for (key, value) in [("3.1", 17), ("3.6.3", 9)] {
        report_cell_and_total(&mut small, key, value);
    }
    assert!(findings(&small, Stage::Draft, Rule::R3ResultsTotal).is_empty());
    assert!(findings(&small, Stage::Draft, Rule::R3OtherShare).is_empty());
}

fn report_cell_and_total(report: &mut Report, row: &str, natural: u64) {
    let cells = report.requests.row_mut(row);
    cells[0] = Some(natural);
    cells[REQUEST_TOTAL_COLUMN] = Some(natural);
}

// ---------------------------------------------------------------------------------------------
// D-deadline, C-date
// ---------------------------------------------------------------------------------------------

#[test]
fn publication_after_the_deadline_of_the_agency_kind() {
    let mut county = shuyang::county_2025();
    county.meta.published_on = Some("2026-02-20".into());
    assert!(findings(&county, Stage::Draft, Rule::DDeadline).is_empty());
    county.meta.published_on = Some("2026-02-21".into());
    let found = findings(&county, Stage::Draft, Rule::DDeadline);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].place.id(), "meta/published_on");
    assert_eq!(
        found[0].message.zh,
        "发布日期2026-02-21晚于县级政府年度报告的公布时限2026年2月20日（晚1天）"
    );

    // The same date is 21 days late for a department (31 January).
    let mut department = shuyang::fagaiju_2023();
    department.meta.published_on = Some("2024-02-21".into());
    let found = findings(&department, Stage::Draft, Rule::DDeadline);
    assert_eq!(
        found[0].message.zh,
        "发布日期2024-02-21晚于部门年度报告的公布时限2024年1月31日（晚21天）"
    );
    assert!(matches!(found[0].basis, Basis::Official { quote, .. } if quote.contains("1月31日前")));
}

#[test]
fn a_publication_date_that_cannot_be_checked() {
    let mut report = shuyang::county_2025();
    report.meta.published_on = Some("2026年1月23日".into());
    let found = findings(&report, Stage::Draft, Rule::CDate);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message.zh,
        "发布日期「2026年1月23日」不是有效日期，应写作YYYY-MM-DD，如2026-01-23"
    );
    assert!(findings(&report, Stage::Draft, Rule::DDeadline).is_empty());

    report.meta.published_on = Some("2025-01-23".into());
    let found = findings(&report, Stage::Draft, Rule::CDate);
    assert!(found[0].message.zh.contains("不晚于统计期末2025年12月31日"));

    report.meta.published_on = Some("  ".into());
    assert!(findings(&report, Stage::Draft, Rule::CDate).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Next year's draft, X-carry-over, X-in-force, X-last-year, T-repeat
// ---------------------------------------------------------------------------------------------

#[test]
fn next_year_draft_carries_row_four_into_row_two_and_nothing_else() {
    let mut county = shuyang::county_2025();
    county.last_year = Some(Box::new(shuyang::county_2025()));
    let draft = next_year_draft(&county);
    assert_eq!(draft.meta.year, 2026);
    assert_eq!(draft.meta.agency, "沭阳县人民政府");
    assert_eq!(draft.meta.agency_kind, format::AgencyKind::CountyGov);
    assert_eq!(draft.meta.title, "");
    assert_eq!(
        draft.title(),
        "沭阳县人民政府2026年政府信息公开工作年度报告"
    );
    assert_eq!(draft.meta.published_on, None);
    assert_eq!(
        draft.requests.row("2"),
        &[
            Some(31),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(31)
        ]
    );
    for (row, cells) in draft.requests.0.iter().enumerate() {
        if row != request_row("2") {
            assert_eq!(cells, &[None; 7], "row {}", format::REQUEST_ROWS[row].key);
        }
    }
    assert_eq!(draft.active, Default::default());
    assert_eq!(draft.appeals, Default::default());
    for def in &format::SECTIONS {
        assert_eq!(
            draft.sections.get(def.id),
            template_text(def),
            "{}",
            def.key
        );
    }
    assert!(draft
        .sections
        .get(SectionId::Problems)
        .contains("（一）上年度问题改进情况"));
    let last = draft.last_year.as_deref().expect("last year kept");
    assert_eq!(last.last_year, None);
    assert_eq!(last.requests, county.requests);
    assert_eq!(last.sections, county.sections);
    assert_eq!(last.meta, county.meta);
}

/// 沭阳县人民政府's 2026 draft, filled in consistently with 2025.
fn county_2026() -> Report {
    let mut draft = next_year_draft(&shuyang::county_2025());
    draft.active.normative_documents = [Some(2), Some(0), Some(34)];
    draft
}

#[test]
fn carry_over_is_checked_per_column() {
    let draft = county_2026();
    assert!(findings(&draft, Stage::Draft, Rule::XCarryOver).is_empty());
    assert!(findings(&draft, Stage::Draft, Rule::XLastYear).is_empty());

    let mut draft = county_2026();
    draft.requests.row_mut("2")[0] = Some(30);
    let found = findings(&draft, Stage::Draft, Rule::XCarryOver);
    assert_eq!(
        summary(&found),
        vec![(
            Rule::XCarryOver,
            "requests/2/natural".to_owned(),
            "自然人列：本年二(30)应等于上年四(31)，相差1".to_owned()
        )]
    );
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message.en,
        "Column 自然人 (natural persons): this year's 2 (30) should equal last year's 4 (31); difference 1"
    );
}

#[test]
fn in_force_follows_last_year_plus_issued_minus_repealed() {
    // 2025: 32 in force; 2026: 2 issued, 0 repealed → 34.
    assert!(findings(&county_2026(), Stage::Draft, Rule::XInForce).is_empty());
    let mut draft = county_2026();
    draft.active.normative_documents[2] = Some(33);
    let found = findings(&draft, Stage::Draft, Rule::XInForce);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].place.id(), "active/normative_documents/in_force");
    assert_eq!(
        found[0].message.zh,
        "行政规范性文件：上年现行有效件数(32)+本年制发件数(2)−本年废止件数(0)=34，本年现行有效件数(33)，相差1（如有修订、失效可不一致，请核对）"
    );
}

#[test]
fn last_year_of_the_wrong_year_stops_the_cross_year_rules() {
    let mut draft = county_2026();
    draft.requests.row_mut("2")[0] = Some(30);
    draft.meta.year = 2027;
    let found = findings(&draft, Stage::Draft, Rule::XLastYear);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].place.id(), "meta/year");
    assert!(
        found[0].message.zh.contains("2025年度"),
        "{}",
        found[0].message.zh
    );
    assert!(findings(&draft, Stage::Draft, Rule::XCarryOver).is_empty());
}

#[test]
fn last_year_by_a_shorter_name_is_only_noted() {
    // The 发改局's page names it 沭阳县发改局; its report, 沭阳县发展和改革局.
    let mut last = shuyang::fagaiju_2023();
    last.meta.agency = "沭阳县发改局".into();
    let mut draft = next_year_draft(&last);
    draft.meta.agency = "沭阳县发展和改革局".into();
    draft.requests.row_mut("2")[0] = Some(1);
    let found = findings(&draft, Stage::Draft, Rule::XLastYear);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].place.id(), "meta/agency");
    // …and the comparison still runs.
    assert_eq!(findings(&draft, Stage::Draft, Rule::XCarryOver).len(), 1);
}

#[test]
fn problems_copied_from_last_year_repeat_it() {
    let mut draft = county_2026();
    draft.sections.set(
        SectionId::Problems,
        shuyang::COUNTY_2025_PROBLEMS.replace("2025", "2026"),
    );
    let found = findings(&draft, Stage::Draft, Rule::TRepeat);
    assert_eq!(found.len(), 1, "{:#?}", summary(&found));
    assert_eq!(found[0].place.id(), "section/problems");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0]
            .message
            .zh
            .starts_with("「五、存在的主要问题及改进情况」与上年报告重复100%，超过50%"),
        "{}",
        found[0].message.zh
    );

    // Keep the first paragraph (the problems), rewrite the measures: 五 drops under 50 %.
    let first_paragraph = shuyang::COUNTY_2025_PROBLEMS
        .split("\n\n")
        .next()
        .unwrap_or_default();
    let mut draft = county_2026();
    draft.sections.set(
        SectionId::Problems,
        format!("{first_paragraph}\n\n{}", shuyang::FAGAIJU_2023_PROBLEMS),
    );
    assert!(findings(&draft, Stage::Draft, Rule::TRepeat).is_empty());
}

#[test]
fn another_agencys_problems_are_not_a_repeat() {
    let mut draft = county_2026();
    draft
        .sections
        .set(SectionId::Problems, shuyang::FAGAIJU_2023_PROBLEMS);
    assert!(findings(&draft, Stage::Draft, Rule::TRepeat).is_empty());
}

#[test]
fn the_whole_text_copied_repeats_it_even_with_new_problems() {
    let mut draft = county_2026();
    for id in [SectionId::Overview, SectionId::Other] {
        let last = draft
            .last_year
            .as_deref()
            .map(|r| r.sections.get(id).to_owned());
        draft
            .sections
            .set(id, last.unwrap_or_default().replace("2025", "2026"));
    }
    // A new 五 of its own (the first paragraph of the 发改局's), shorter than what was copied.
    let new_problems = shuyang::FAGAIJU_2023_PROBLEMS
        .lines()
        .next()
        .unwrap_or_default();
    draft.sections.set(SectionId::Problems, new_problems);
    let found = findings(&draft, Stage::Draft, Rule::TRepeat);
    assert_eq!(found.len(), 1, "{:#?}", summary(&found));
    assert_eq!(found[0].place, Place::Report);
    assert!(found[0].message.zh.starts_with("报告全文与上年报告重复"));
}

// ---------------------------------------------------------------------------------------------
// Auto-total
// ---------------------------------------------------------------------------------------------

fn without_totals(report: &Report) -> Report {
    let mut report = report.clone();
    for row in 0..format::REQUEST_ROWS.len() {
        for column in 0..REQUEST_COLUMNS.len() {
            if is_total(&Place::Request { row, column }) {
                report.requests.0[row][column] = None;
            }
        }
    }
    for group in report.appeals.0.iter_mut() {
        group[format::APPEAL_TOTAL_COLUMN] = None;
    }
    report
}

#[test]
fn fill_totals_rebuilds_the_published_totals() {
    let published = shuyang::county_2025();
    let mut report = without_totals(&published);
    assert_ne!(report, published);
    fill_totals(&mut report);
    assert_eq!(report, published);
    assert_eq!(report.requests.row("3.7")[REQUEST_TOTAL_COLUMN], Some(718));
    assert_eq!(report.appeals.0[0][4], Some(61));
    assert!(own_findings(&report, Stage::Publish).is_empty());

    let mut blank_totals = without_totals(&published);
    fill_blank_totals(&mut blank_totals);
    assert_eq!(blank_totals, published);
}

#[test]
fn fill_totals_overwrites_a_typed_total_and_fill_blank_totals_keeps_it() {
    let mut typed = shuyang::county_2025();
    typed.requests.row_mut("3.7")[0] = Some(999);
    typed.requests.row_mut("1")[REQUEST_TOTAL_COLUMN] = None;

    let mut kept = typed.clone();
    fill_blank_totals(&mut kept);
    assert_eq!(kept.requests.row("3.7")[0], Some(999));
    assert_eq!(kept.requests.row("1")[REQUEST_TOTAL_COLUMN], Some(713));
    // 999 typed into 三(七)/自然人 is kept, so the row total computed from it is not 718…
    assert_eq!(kept.requests.row("3.7")[REQUEST_TOTAL_COLUMN], Some(718));
    assert_eq!(findings(&kept, Stage::Draft, Rule::R3RowTotal).len(), 1);

    let mut computed = typed;
    fill_totals(&mut computed);
    assert_eq!(computed, shuyang::county_2025());
}

#[test]
fn row_seven_total_agrees_both_ways_with_blank_and_partial_rows() {
    let mut report = without_totals(&shuyang::county_2025());
    // A row not yet typed and a row typed halfway.
    *report.requests.row_mut("3.4.1") = [None; 7];
    report.requests.row_mut("3.1")[1] = None;
    fill_totals(&mut report);
    assert_eq!(report.requests.row("3.4.1")[REQUEST_TOTAL_COLUMN], None);
    assert_eq!(report.requests.row("3.1")[REQUEST_TOTAL_COLUMN], Some(293));
    // 718 − 111 (三(四)1) − 1 (三(一)/商业企业) = 606, by rows and by columns alike.
    assert_eq!(report.requests.row("3.7")[REQUEST_TOTAL_COLUMN], Some(606));
    assert!(findings(&report, Stage::Draft, Rule::R3RowTotal).is_empty());
    assert!(findings(&report, Stage::Draft, Rule::R3ResultsTotal).is_empty());
    // What is still missing shows as an unbalanced table and as blanks, not as a wrong total.
    assert!(!findings(&report, Stage::Draft, Rule::R3Balance).is_empty());
    assert_eq!(findings(&report, Stage::Draft, Rule::CBlank).len(), 2);

    let mut blank = Report::new_blank("沭阳县人民政府", format::AgencyKind::CountyGov, 2026);
    fill_totals(&mut blank);
    assert_eq!(blank.requests, Default::default());
    assert_eq!(blank.appeals, Default::default());
}
