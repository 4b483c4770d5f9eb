//! Every indicator's formula on real reports (沭阳县人民政府 2025, typed in common/shuyang.rs
//! and imported from its published text; 沭阳县发展和改革局 2023, whose five 法人 columns are
//! blank), and with blanks and zero denominators, which give 「—」 and never NaN.

mod common;
#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::import::import_published;
use nianbao_report::indicators::{self, Figure, Missing, INDICATORS};
use nianbao_report::model::Decimal;
use nianbao_report::Report;
use shuyang::{county_2025, fagaiju_2023};

fn figure(id: &str, report: &Report) -> Figure {
    indicators::indicator(id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
        .of(report)
}

fn text(id: &str, report: &Report) -> String {
    figure(id, report).text()
}

#[test]
fn the_county_2025_report_gives_each_figure_by_the_pages_own_numbers() {
    // By the page: 新收 713 + 结转 36 = 749 = 办结 718 + 结转下年 31; results 294 + 101 (公开)
    // + 32 (不予公开) + 113 (无法提供) + 19 (不予处理) + 159 (其他) = 718.
    let report = county_2025();
    assert_eq!(figure("requests-new", &report), Figure::Count(713));
    assert_eq!(figure("requests-carried-in", &report), Figure::Count(36));
    assert_eq!(
        figure("disclosure-rate", &report),
        Figure::Share {
            part: 395,
            whole: 718
        }
    );
    assert_eq!(text("disclosure-rate", &report), "55.0%");
    assert_eq!(
        figure("withheld-share", &report),
        Figure::Share {
            part: 32,
            whole: 718
        }
    );
    assert_eq!(text("withheld-share", &report), "4.5%");
    assert_eq!(
        figure("unavailable-share", &report),
        Figure::Share {
            part: 113,
            whole: 718
        }
    );
    assert_eq!(text("unavailable-share", &report), "15.7%");
    assert_eq!(
        figure("not-processed-share", &report),
        Figure::Share {
            part: 19,
            whole: 718
        }
    );
    assert_eq!(text("not-processed-share", &report), "2.6%");
    // 3 商业企业 + 5 法律服务机构 of 713.
    assert_eq!(
        figure("organisation-share", &report),
        Figure::Share {
            part: 8,
            whole: 713
        }
    );
    assert_eq!(text("organisation-share", &report), "1.1%");
    assert_eq!(
        figure("carried-out-share", &report),
        Figure::Share {
            part: 31,
            whole: 749
        }
    );
    assert_eq!(text("carried-out-share", &report), "4.1%");
    // 四: 复议 27/10/9/15 = 61; 诉讼 3/0/0/0 = 3 and 8/0/1/1 = 10.
    assert_eq!(figure("reviews", &report), Figure::Count(61));
    assert_eq!(
        figure("review-correction-rate", &report),
        Figure::Share {
            part: 10,
            whole: 46
        }
    );
    assert_eq!(text("review-correction-rate", &report), "21.7%");
    assert_eq!(figure("lawsuits", &report), Figure::Count(13));
    assert_eq!(
        figure("lawsuit-correction-rate", &report),
        Figure::Share { part: 0, whole: 12 }
    );
    assert_eq!(text("lawsuit-correction-rate", &report), "0.0%");
}

#[test]
fn the_imported_page_gives_the_same_figures_as_the_typed_report() {
    let page = common::fixture("shuyang-county-2025.txt");
    let imported = import_published(&page).expect("the fixture imports").report;
    let typed = county_2025();
    for def in INDICATORS.iter().filter(|d| {
        ![
            "text-repeat",
            "days-late",
            "fees",
            "regulations-issued",
            "normative-documents-issued",
            "licensing",
            "punishment",
            "enforcement",
        ]
        .contains(&d.id)
    }) {
        assert_eq!(def.of(&imported), def.of(&typed), "{}", def.id);
    }
}

#[test]
fn blank_cells_give_no_figure_and_a_dash() {
    // The department left the five 法人 columns of table 三 blank: the organisations' share
    // cannot be known, the natural persons' totals still can.
    let department = fagaiju_2023();
    assert_eq!(
        figure("organisation-share", &department),
        Figure::Missing(Missing::Blank)
    );
    assert_eq!(text("organisation-share", &department), "—");
    assert_eq!(figure("organisation-share", &department).value(), None);

    let blank = Report::new_blank("某街道办事处", nianbao_report::AgencyKind::Township, 2025);
    for def in INDICATORS {
        let figure = def.of(&blank);
        assert!(
            matches!(figure, Figure::Missing(_)),
            "{}: {figure:?}",
            def.id
        );
        assert_eq!(figure.text(), "—", "{}", def.id);
        assert_eq!(figure.value(), None, "{}", def.id);
    }
}

#[test]
fn a_whole_of_zero_gives_no_share_and_no_nan() {
    let mut report = county_2025();
    for row in report.requests.0.iter_mut() {
        *row = [Some(0); 7];
    }
    report.appeals.0 = [[Some(0); 5]; 3];
    for id in [
        "disclosure-rate",
        "withheld-share",
        "unavailable-share",
        "not-processed-share",
        "organisation-share",
        "carried-out-share",
        "review-correction-rate",
        "lawsuit-correction-rate",
    ] {
        assert_eq!(
            figure(id, &report),
            Figure::Missing(Missing::ZeroWhole),
            "{id}"
        );
        assert_eq!(text(id, &report), "—", "{id}");
    }
    assert_eq!(figure("requests-new", &report), Figure::Count(0));
    // Every case pending: nothing decided, no correction rate.
    report.appeals.0[0] = [Some(0), Some(0), Some(0), Some(4), Some(4)];
    assert_eq!(figure("reviews", &report), Figure::Count(4));
    assert_eq!(
        figure("review-correction-rate", &report),
        Figure::Missing(Missing::ZeroWhole)
    );
}

#[test]
fn table_two_counts_and_the_fee_are_read_as_typed() {
    let mut report = county_2025();
    report.active.regulations = [Some(2), Some(1), Some(30)];
    report.active.normative_documents = [Some(14), Some(3), Some(120)];
    report.active.licensing = Some(8);
    report.active.punishment = Some(0);
    report.active.enforcement = None;
    report.active.fees = Some(Decimal("18.50".into()));
    assert_eq!(figure("regulations-issued", &report), Figure::Count(2));
    assert_eq!(
        figure("normative-documents-issued", &report),
        Figure::Count(14)
    );
    assert_eq!(figure("licensing", &report), Figure::Count(8));
    assert_eq!(figure("punishment", &report), Figure::Count(0));
    assert_eq!(
        figure("enforcement", &report),
        Figure::Missing(Missing::Blank)
    );
    assert_eq!(text("fees", &report), "18.50");
    assert_eq!(figure("fees", &report).value(), Some(18.5));
}

#[test]
fn text_repeat_needs_last_year_and_counts_its_runs() {
    let mut report = county_2025();
    assert_eq!(
        figure("text-repeat", &report),
        Figure::Missing(Missing::NoLastYear)
    );
    // Last year's report is this one: every run of the text repeats.
    report.last_year = Some(Box::new(county_2025()));
    match figure("text-repeat", &report) {
        Figure::Share { part, whole } => {
            assert!(whole > 100, "{whole} runs");
            assert_eq!(part, whole);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(text("text-repeat", &report), "100.0%");
    // A last year with nothing in common.
    let mut other = county_2025();
    for def in nianbao_report::format::SECTIONS {
        other.sections.set(def.id, String::new());
    }
    report.last_year = Some(Box::new(other));
    match figure("text-repeat", &report) {
        Figure::Share { part, .. } => assert_eq!(part, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn days_late_counts_from_the_kinds_deadline() {
    // A county government's deadline, as the format gives it (2月20日 of the next year).
    let mut report = county_2025();
    let (month, day) = report.meta.agency_kind.def().deadline;
    report.meta.published_on = Some(format!("2026-{month:02}-{day:02}"));
    assert_eq!(figure("days-late", &report), Figure::Days(0));
    report.meta.published_on = None;
    assert_eq!(
        figure("days-late", &report),
        Figure::Missing(Missing::NoDate)
    );
    report.meta.published_on = Some("2026-02-31".into());
    assert_eq!(
        figure("days-late", &report),
        Figure::Missing(Missing::NoDate)
    );
    // A department: 1月31日. Published 10 February: 10 days late; 20 January: 11 days early.
    let mut department = fagaiju_2023();
    department.meta.published_on = Some("2024-02-10".into());
    assert_eq!(figure("days-late", &department), Figure::Days(10));
    department.meta.published_on = Some("2024-01-20".into());
    assert_eq!(figure("days-late", &department), Figure::Days(-11));
}

#[test]
fn shares_round_half_up_to_one_decimal() {
    assert_eq!(Figure::Share { part: 1, whole: 8 }.text(), "12.5%");
    assert_eq!(Figure::Share { part: 1, whole: 3 }.text(), "33.3%");
    assert_eq!(Figure::Share { part: 2, whole: 3 }.text(), "66.7%");
    assert_eq!(
        Figure::Share {
            part: 1,
            whole: 2000
        }
        .text(),
        "0.1%"
    );
    assert_eq!(
        Figure::Share {
            part: 1,
            whole: 2001
        }
        .text(),
        "0.0%"
    );
    assert_eq!(Figure::Share { part: 7, whole: 7 }.text(), "100.0%");
}

#[test]
fn ids_are_unique_and_docs_indicators_md_is_the_dictionary() {
    let mut ids: Vec<&str> = INDICATORS.iter().map(|d| d.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), INDICATORS.len());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/indicators.md");
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == indicators::markdown(),
        "docs/indicators.md is stale: run `cargo run -p nianbao-report --example indicators_doc > docs/indicators.md`"
    );
}
