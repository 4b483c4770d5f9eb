//! The region view's numbers: quartiles as Excel's QUARTILE.INC gives them, a planted outlier
//! marked with its reason in words, a department carrying the region's fee, a unit missing
//! against last year, a late publication — on units made from 沭阳县人民政府 2025.

#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::indicators::INDICATORS;
use nianbao_report::model::Decimal;
use nianbao_report::region::{self, region_view, spread, Spread};
use nianbao_report::Report;

use shuyang::region_unit as unit;

#[test]
fn quartiles_are_excels_quartile_inc() {
    // QUARTILE.INC({1,2,3,4,5,6,7,8}) = 2.75, 4.5, 6.25.
    let s = spread(&[8.0, 1.0, 5.0, 3.0, 2.0, 7.0, 4.0, 6.0]).unwrap();
    assert_eq!(
        s,
        Spread {
            units: 8,
            q1: 2.75,
            median: 4.5,
            q3: 6.25
        }
    );
    assert_eq!(
        spread(&[3.0]).unwrap(),
        Spread {
            units: 1,
            q1: 3.0,
            median: 3.0,
            q3: 3.0
        }
    );
    assert_eq!(spread(&[]), None);
}

#[test]
fn a_planted_outlier_is_marked_with_its_reason_and_nobody_else_is() {
    // Seven units correct 0 or 1 of 10 reviews; 乙局 corrects 5.
    let reports: Vec<Report> = [
        ("甲局", 0),
        ("乙局", 5),
        ("丙局", 1),
        ("丁局", 0),
        ("戊局", 1),
        ("己局", 0),
        ("庚局", 1),
    ]
    .iter()
    .map(|(name, corrected)| unit(name, *corrected, "0"))
    .collect();
    let view = region_view(&reports, None, &[]);
    let rate = INDICATORS
        .iter()
        .position(|d| d.id == "review-correction-rate")
        .unwrap();
    let s = view.spreads[rate].unwrap();
    assert_eq!(s.units, 7);
    // Rates 0,0,0,.1,.1,.1,.5: median 0.1.
    assert!((s.median - 0.1).abs() < 1e-12);
    assert_eq!(region::in_unit(INDICATORS[rate].unit, s.median), "10.0%");
    let marked: Vec<_> = view
        .flags
        .iter()
        .filter(|f| f.indicator == Some("review-correction-rate"))
        .collect();
    assert_eq!(marked.len(), 1, "{marked:#?}");
    assert_eq!(marked[0].agency, "乙局");
    assert_eq!(
        marked[0].message.zh,
        "复议纠错率 50.0%，全区中位数 10.0%（高于通常范围）"
    );
    assert_eq!(
        marked[0].message.en,
        "Reviews corrected 50.0%, region median 10.0% (above the usual range)"
    );
    // Every unit has every other figure the same: nothing else is outside the range.
    assert!(
        view.flags
            .iter()
            .all(|f| f.indicator == Some("review-correction-rate")),
        "{:#?}",
        view.flags
    );
}

#[test]
fn too_few_units_make_no_usual_range() {
    let reports: Vec<Report> = [("甲局", 0), ("乙局", 5), ("丙局", 0)]
        .iter()
        .map(|(n, c)| unit(n, *c, "0"))
        .collect();
    let view = region_view(&reports, None, &[]);
    assert!(view.flags.is_empty(), "{:#?}", view.flags);
}

#[test]
fn a_department_that_carries_the_regions_fee_is_flagged() {
    let mut region = shuyang::county_2025();
    region.active.fees = Some(Decimal("12.5".into()));
    region.active.licensing = Some(1234);
    region.active.punishment = Some(500);
    region.active.enforcement = Some(60);
    let mut reports = vec![
        unit("甲局", 0, "0.3"),
        unit("乙局", 0, "12.50"),
        unit("丙局", 0, "0"),
    ];
    reports[2].active.licensing = Some(1234);
    reports.push(region.clone());
    let view = region_view(&reports, Some(&region), &[]);
    let copied: Vec<(&str, Option<&str>)> = view
        .flags
        .iter()
        .filter(|f| f.message.zh.contains("是否填了全区的数"))
        .map(|f| (f.agency.as_str(), f.indicator))
        .collect();
    assert_eq!(
        copied,
        [("乙局", Some("fees")), ("丙局", Some("licensing"))]
    );
    let fee = view.flags.iter().find(|f| f.agency == "乙局").unwrap();
    assert_eq!(
        fee.message.zh,
        "行政事业性收费 12.50 与全区（沭阳县人民政府）的数字相同：是否填了全区的数？"
    );
}

#[test]
fn units_missing_against_last_year_and_late_ones_are_flagged() {
    let mut late = unit("丙局", 0, "0");
    late.meta.published_on = Some("2026-02-10".into());
    let reports = vec![unit("甲局", 0, "0"), late];
    let last_year = vec!["甲 局".to_owned(), "乙局".to_owned(), "丙局".to_owned()];
    let view = region_view(&reports, None, &last_year);
    let said: Vec<(&str, &str)> = view
        .flags
        .iter()
        .map(|f| (f.agency.as_str(), f.message.zh.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("丙局", "晚于公布时限10天发布"),
            ("乙局", "上年有报告，本批次中没有")
        ]
    );
}

#[test]
fn a_unit_without_the_figure_is_left_out_of_the_spread() {
    let mut reports: Vec<Report> = (0..6).map(|i| unit(&format!("{i}号局"), 0, "0")).collect();
    reports[0].appeals.0[0] = [None; 5];
    let view = region_view(&reports, None, &[]);
    let rate = INDICATORS
        .iter()
        .position(|d| d.id == "review-correction-rate")
        .unwrap();
    assert_eq!(view.spreads[rate].unwrap().units, 5);
    assert_eq!(view.units[0].figures[rate].text(), "—");
    let repeat = INDICATORS
        .iter()
        .position(|d| d.id == "text-repeat")
        .unwrap();
    assert_eq!(view.spreads[repeat], None, "no unit knows last year");
}

#[test]
fn a_share_on_a_fence_is_inside_the_usual_range_despite_floating_point() {
    // Quartiles of 7.5 % and 12.5 %: the fences are 0 % and 20 % exactly, which the floating
    // point misses by 1e-17; units at 0 % and 20 % are in the usual range, 20.1 % is not.
    let spread = nianbao_report::region::spread(&[0.0, 0.075, 0.1, 0.125, 0.2]).unwrap();
    assert_eq!((spread.q1, spread.q3), (0.075, 0.125));
    let (low, high) = nianbao_report::region::usual_range(&spread).unwrap();
    assert!(low <= 0.0 && high >= 0.2, "{low} {high}");
    assert!(high < 0.201 && low > -0.001, "{low} {high}");
    // With four units there is no usual range.
    let few = nianbao_report::region::spread(&[0.0, 0.1, 0.2, 0.3]).unwrap();
    assert_eq!(nianbao_report::region::usual_range(&few), None);
}

#[test]
fn a_column_sorts_the_units_by_value_with_blanks_last_and_ties_in_the_batchs_order() {
    let mut reports = vec![
        unit("丙局", 1, "0"),
        unit("甲局", 3, "12.5"),
        unit("乙局", 1, "3"),
        unit("丁局", 2, "3.25"),
    ];
    // 丁局's fee is blank: it has no figure to sort by.
    reports[3].active.fees = None;
    let view = region_view(&reports, None, &[]);
    let fees = INDICATORS.iter().position(|d| d.id == "fees").unwrap();
    let names = |order: Vec<usize>| -> Vec<&str> {
        order
            .into_iter()
            .map(|u| view.units[u].agency.as_str())
            .collect()
    };
    assert_eq!(
        names(region::sorted_units(&view, Some(fees), false)),
        ["丙局", "乙局", "甲局", "丁局"]
    );
    assert_eq!(
        names(region::sorted_units(&view, Some(fees), true)),
        ["甲局", "乙局", "丙局", "丁局"]
    );
    // Corrected reviews: 丙局 and 乙局 tie at 1 and keep the batch's order both ways.
    let corrected = INDICATORS
        .iter()
        .position(|d| d.id == "review-correction-rate")
        .unwrap();
    assert_eq!(
        names(region::sorted_units(&view, Some(corrected), false)),
        ["丙局", "乙局", "丁局", "甲局"]
    );
    assert_eq!(
        names(region::sorted_units(&view, Some(corrected), true)),
        ["甲局", "丁局", "丙局", "乙局"]
    );
    // By name (in code point order, as the batch table sorts).
    assert_eq!(
        names(region::sorted_units(&view, None, false)),
        ["丁局", "丙局", "乙局", "甲局"]
    );
    // A fee as a number, parsed exactly enough to sort: 3.25 万元.
    assert_eq!(Decimal("3.25".into()).approximate(), Some(3.25));
    assert_eq!(Decimal("12.50".into()).approximate(), Some(12.5));
    assert_eq!(Decimal("十二".into()).approximate(), None);
}

#[test]
fn a_unit_is_given_its_report_of_the_year_before_from_the_batch_for_the_text_repeat() {
    let this_year = unit("甲局", 1, "0");
    let mut before = this_year.clone();
    before.meta.year -= 1;
    // Another agency's report of the year before, and 乙局 with none.
    let mut other = unit("丙局", 1, "0");
    other.meta.year -= 1;
    let lone = unit("乙局", 1, "0");
    let batch = vec![
        other.clone(),
        before.clone(),
        this_year.clone(),
        lone.clone(),
    ];
    let mut units = vec![this_year.clone(), lone];
    region::with_last_years(&mut units, &batch);
    assert_eq!(
        units[0].last_year.as_deref().map(|r| r.meta.year),
        Some(before.meta.year)
    );
    assert_eq!(
        units[0]
            .last_year
            .as_deref()
            .map(|r| r.meta.agency.as_str()),
        Some("甲局")
    );
    assert!(units[1].last_year.is_none());
    // The same text as last year: every piece repeated.
    let repeat = INDICATORS
        .iter()
        .position(|d| d.id == "text-repeat")
        .unwrap();
    let view = region_view(&units, None, &[]);
    assert_eq!(view.units[0].figures[repeat].text(), "100.0%");
    assert_eq!(view.units[1].figures[repeat].text(), "—");
}
