//! Two real reports of 沭阳县 typed into code, so that the rule tests run without the importer: 沭阳县人民政府 2025 (shuyang-county-2025.txt, a county
//! government with large, balanced tables) and 沭阳县发展和改革局 2023
//! (shuyang-fagaiju-2023.txt, a department that left the five 法人 columns of table 三 blank).
//!
//! Numbers are as published; texts of 五 and 六 are verbatim, the overview is its first
//! paragraph only (「沐阳」 of the OCR copy written 沭阳).

#![allow(dead_code)]

use nianbao_report::format::{APPEAL_GROUPS, REQUEST_COLUMN_COUNT};
use nianbao_report::model::{Count, Decimal};
use nianbao_report::{AgencyKind, Report, SectionId};

/// Table 三 of 沭阳县人民政府 2025, row by row: natural, commercial, research, nonprofit, legal,
/// other, total. The copy headed the columns 数据1…数据6 and put a wrong header row above
/// 三(六)2; the numbers balance as published.
pub const COUNTY_2025_REQUESTS: [(&str, [u64; REQUEST_COLUMN_COUNT]); 25] = [
    ("1", [705, 3, 0, 0, 5, 0, 713]),
    ("2", [36, 0, 0, 0, 0, 0, 36]),
    ("3.1", [290, 1, 0, 0, 3, 0, 294]),
    ("3.2", [99, 0, 0, 0, 2, 0, 101]),
    ("3.3.1", [0, 0, 0, 0, 0, 0, 0]),
    ("3.3.2", [0, 0, 0, 0, 0, 0, 0]),
    ("3.3.3", [2, 0, 0, 0, 0, 0, 2]),
    ("3.3.4", [2, 0, 0, 0, 0, 0, 2]),
    ("3.3.5", [13, 0, 0, 0, 0, 0, 13]),
    ("3.3.6", [2, 0, 0, 0, 0, 0, 2]),
    ("3.3.7", [4, 0, 0, 0, 0, 0, 4]),
    ("3.3.8", [9, 0, 0, 0, 0, 0, 9]),
    ("3.4.1", [111, 0, 0, 0, 0, 0, 111]),
    ("3.4.2", [2, 0, 0, 0, 0, 0, 2]),
    ("3.4.3", [0, 0, 0, 0, 0, 0, 0]),
    ("3.5.1", [12, 0, 0, 0, 0, 0, 12]),
    ("3.5.2", [6, 1, 0, 0, 0, 0, 7]),
    ("3.5.3", [0, 0, 0, 0, 0, 0, 0]),
    ("3.5.4", [0, 0, 0, 0, 0, 0, 0]),
    ("3.5.5", [0, 0, 0, 0, 0, 0, 0]),
    ("3.6.1", [9, 0, 0, 0, 0, 0, 9]),
    ("3.6.2", [7, 0, 0, 0, 0, 0, 7]),
    ("3.6.3", [142, 1, 0, 0, 0, 0, 143]),
    ("3.7", [710, 3, 0, 0, 5, 0, 718]),
    ("4", [31, 0, 0, 0, 0, 0, 31]),
];

/// Table 四 of 沭阳县人民政府 2025: review, suit_direct, suit_after_review ×
/// [upheld, corrected, other, pending, total].
pub const COUNTY_2025_APPEALS: [[u64; 5]; 3] =
    [[27, 10, 9, 15, 61], [3, 0, 0, 0, 3], [8, 0, 1, 1, 10]];

pub const COUNTY_2025_OVERVIEW: &str = "2025年，我县坚持以习近平新时代中国特色社会主义思想为指导，以习近平法治思想为指引，认真贯彻国务院办公厅和省、市有关工作部署，严格遵守《政府信息公开条例》相关制度规定，紧紧围绕县委、县政府中心工作，通过系统化推进主动公开、规范化办理依申请公开、精细化建设公开平台、常态化开展监督管理，有效保障了群众的知情权、参与权和监督权，确保权力在阳光下运行。";

pub const COUNTY_2025_PROBLEMS: &str = "2025 年，我县县政府信息公开工作在服务群众、赋能治理上取得一定成效，但对照群众日益增长的需求和高质量发展要求，仍存在短板：一是政策解读多样性需进一步加强。二是依申请办件质量需进一步提升。三是联系群众工作需要进一步巩固。

针对上述问题，我县坚持问题导向、目标导向、结果导向，精准施策、靶向发力，推动政务公开工作再上新台阶；

一是增加解读的形式，除却文字解读、图片简明问答等，丰富了视频解读、动漫解读等形式，让政策传播更“鲜活”。
二是开展考核管理。将县直单位政务公开实效纳入高质量考核范围，定期开展业务检查，年底进行综合考评，推动政务公开工作从“合规”向“优质”升级。三是深化基层联动，密切联系群众。持续强化基层政务公开专区标准化建设，推动政务公开服务点向村（居）、非遗市集、便民服务中心等场所延伸，打通服务群众“最后一公里”。主动倾听群众诉求，收集意见建议，健全群众反馈闭环机制，切实提升群众参与感和满意度。";

pub const COUNTY_2025_OTHER: &str = "我县认真落实《政府信息公开信息处理费管理办法》要求，指导推动全县行政机关按规定收取费用。全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。";

pub const FAGAIJU_2023_PROBLEMS: &str = "（一）存在的主要问题。各科室人员信息公开意识有所松懈，部门文件、新政策发布及解读工作主动性不强；政民互动栏目网民留言回复效率有待提高；信息公开队伍专业化能力建设有待进一步提升。
（二）整改措施。为进一步规范并加大政府信息公开工作，2023年我局加大贯彻落实新《条例》和有关文件精神的工作力度，一是完善主动公开信息联动机制，增强全体干部职工政府信息主动公开主动性和时效性，提高机关信息工作人员的业务水平和能力。二是进一步加强平台建设，加大新媒体公开政府信息的力度，丰富新媒体政务信息公开工作的形式，更好地服务民生，服务公众。";

pub const FAGAIJU_2023_OTHER: &str = "2023年度，县发展和改革局政府信息公开未发生收费情况。";

fn counts<const N: usize>(values: [u64; N]) -> [Count; N] {
    values.map(Some)
}

/// 沭阳县人民政府 2025, published 2026-01-23.
pub fn county_2025() -> Report {
    let mut report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
    report.meta.published_on = Some("2026-01-23".into());
    report
        .sections
        .set(SectionId::Overview, COUNTY_2025_OVERVIEW);
    report
        .sections
        .set(SectionId::Problems, COUNTY_2025_PROBLEMS);
    report.sections.set(SectionId::Other, COUNTY_2025_OTHER);
    report.active.regulations = counts([0, 0, 0]);
    report.active.normative_documents = counts([6, 1, 32]);
    report.active.licensing = Some(517_645);
    report.active.punishment = Some(693_957);
    report.active.enforcement = Some(2154);
    report.active.fees = Some(Decimal("4068.208".into()));
    for (key, values) in COUNTY_2025_REQUESTS {
        *report.requests.row_mut(key) = counts(values);
    }
    assert_eq!(COUNTY_2025_APPEALS.len(), APPEAL_GROUPS.len());
    report.appeals.0 = COUNTY_2025_APPEALS.map(counts);
    report
}

/// 沭阳县发展和改革局 2023, published 2024-01-17: the five 法人 columns of table 三 are blank,
/// as published (125 blank cells).
pub fn fagaiju_2023() -> Report {
    let mut report = Report::new_blank("沭阳县发展和改革局", AgencyKind::Department, 2023);
    report.meta.title = "沭阳县发展和改革局2023年政府信息公开年度报告".into();
    report.meta.published_on = Some("2024-01-17".into());
    report
        .sections
        .set(SectionId::Problems, FAGAIJU_2023_PROBLEMS);
    report.sections.set(SectionId::Other, FAGAIJU_2023_OTHER);
    report.active.regulations = counts([0, 0, 0]);
    report.active.normative_documents = counts([8, 0, 18]);
    report.active.licensing = Some(0);
    report.active.punishment = Some(0);
    report.active.enforcement = Some(0);
    report.active.fees = Some(Decimal("0".into()));
    for (row, cells) in report.requests.0.iter_mut().enumerate() {
        let published = match nianbao_report::format::REQUEST_ROWS[row].key {
            "1" | "3.1" | "3.7" => 26,
            _ => 0,
        };
        cells[0] = Some(published);
        cells[nianbao_report::format::REQUEST_TOTAL_COLUMN] = Some(published);
    }
    report.appeals.0 = [[0, 0, 0, 1, 1], [0; 5], [0; 5]].map(counts);
    report
}

/// A unit of a region view's tests (tests/region.rs, region_export.rs): the county's report
/// with its own name, `corrected` of its 10 decided reviews
/// corrected (the rest upheld), and a fee.
pub fn region_unit(agency: &str, corrected: u64, fee: &str) -> Report {
    let mut report = county_2025();
    report.meta.agency = agency.into();
    report.meta.agency_kind = AgencyKind::Department;
    report.meta.published_on = Some("2026-01-20".into());
    report.appeals.0[0] = [
        Some(10 - corrected),
        Some(corrected),
        Some(0),
        Some(0),
        Some(10),
    ];
    report.active.fees = Some(Decimal(fee.into()));
    report.active.licensing = Some(2);
    report.active.punishment = Some(3);
    report.active.enforcement = Some(1);
    report
}
