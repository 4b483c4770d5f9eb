//! The national format of 2021 (国办公开办函〔2021〕30号) as data.
//!
//! Every label, row id and column id of the report is written here once. The editor, the rules,
//! the importer and the exporters read these tables; none of them spells a label again.

use serde::{Deserialize, Serialize};

/// The six sections of the report, in their printed order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    Overview,
    Active,
    Requests,
    Appeals,
    Problems,
    Other,
}

pub struct SectionDef {
    pub id: SectionId,
    /// The id used in JSON and in finding places.
    pub key: &'static str,
    /// The exact heading as printed, numbering included.
    pub heading: &'static str,
    /// The heading's numeral prefix (「一、」).
    pub numeral: &'static str,
    /// Other wordings of the heading seen in published reports and in the notice.
    pub aliases: &'static [&'static str],
    /// Sub-headings a new draft starts with, each with a one-line hint of what belongs there.
    pub template: &'static [(&'static str, &'static str)],
    /// Whether the section must have text of its own (T-section-empty).
    pub text_required: bool,
}

pub const SECTIONS: [SectionDef; 6] = [
    SectionDef {
        id: SectionId::Overview,
        key: "overview",
        heading: "一、总体情况",
        numeral: "一、",
        aliases: &["总体情况", "概述"],
        template: &[
            (
                "（一）主动公开",
                "本年主动公开的政府信息、重点领域信息、政策解读等情况。",
            ),
            (
                "（二）依申请公开",
                "收到和办理政府信息公开申请的数量、渠道和结果概况。",
            ),
            (
                "（三）政府信息管理",
                "公开属性认定、发布审查、规范性文件清理等情况。",
            ),
            (
                "（四）平台建设",
                "政府网站、政务新媒体、政务公开专区等平台建设情况。",
            ),
            (
                "（五）监督保障",
                "工作机制、培训、考核、社会评议和责任追究等情况。",
            ),
        ],
        text_required: true,
    },
    SectionDef {
        id: SectionId::Active,
        key: "active",
        heading: "二、主动公开政府信息情况",
        numeral: "二、",
        aliases: &["主动公开政府信息情况", "主动公开政府信息"],
        template: &[],
        text_required: false,
    },
    SectionDef {
        id: SectionId::Requests,
        key: "requests",
        heading: "三、收到和处理政府信息公开申请情况",
        numeral: "三、",
        aliases: &[
            "收到和处理政府信息公开申请情况",
            "收到和处理政府信息公开申请",
        ],
        template: &[],
        text_required: false,
    },
    SectionDef {
        id: SectionId::Appeals,
        key: "appeals",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        numeral: "四、",
        aliases: &[
            "政府信息公开行政复议、行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "政府信息公开行政复议、行政诉讼",
        ],
        template: &[],
        text_required: false,
    },
    SectionDef {
        id: SectionId::Problems,
        key: "problems",
        heading: "五、存在的主要问题及改进情况",
        numeral: "五、",
        aliases: &[
            "存在的主要问题及改进情况",
            "存在的主要问题及整改措施",
            "存在的主要问题及整改情况",
            "存在的主要问题和改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
        ],
        template: &[
            (
                "（一）上年度问题改进情况",
                "上一年度报告所列问题的整改结果。",
            ),
            (
                "（二）本年度存在问题及改进措施",
                "本年度的具体问题和下一步措施，不得年年雷同。",
            ),
        ],
        text_required: true,
    },
    SectionDef {
        id: SectionId::Other,
        key: "other",
        heading: "六、其他需要报告的事项",
        numeral: "六、",
        aliases: &[
            "其他需要报告的事项",
            "其他需要报告事项",
            // 莆田市水利局 2025.
            "其他应说明事项",
            "其他需要说明的事项",
            "其他需要说明事项",
        ],
        template: &[(
            "",
            "本年度收取信息处理费情况（依据《政府信息公开信息处理费管理办法》，未收取也须说明）。",
        )],
        text_required: true,
    },
];

pub fn section(id: SectionId) -> &'static SectionDef {
    &SECTIONS[id as usize]
}

pub fn section_by_key(key: &str) -> Option<&'static SectionDef> {
    SECTIONS.iter().find(|s| s.key == key)
}

/// The line printed above tables 二 and 三.
pub fn statistics_period(year: i32) -> String {
    format!("（数据核定时间点为{year}年1月1日—{year}年12月31日）")
}

/// Recommended maximum length of 一、总体情况 (「篇幅原则上不超过一千字」).
pub const OVERVIEW_MAX_CHARS: usize = 1000;

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

/// What one row of table 二 holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActiveRowKind {
    /// 本年制发件数 · 本年废止件数 · 现行有效件数
    IssuedRepealedInForce,
    /// 本年处理决定数量
    Decisions,
    /// 本年收费金额（单位：万元）: a decimal, kept exactly as typed.
    FeeAmount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActiveRowId {
    Regulations,
    NormativeDocuments,
    Licensing,
    Punishment,
    Enforcement,
    Fees,
}

pub struct ActiveRowDef {
    pub id: ActiveRowId,
    pub key: &'static str,
    pub label: &'static str,
}

pub struct ActiveBandDef {
    /// 「第二十条第（一）项」: the article of the regulation the band reports on.
    pub article: &'static str,
    pub kind: ActiveRowKind,
    pub rows: &'static [ActiveRowDef],
}

pub const ACTIVE_ITEM_HEADER: &str = "信息内容";

/// Column ids of an 制发/废止/现行有效 row, in order.
pub const ACTIVE_TRIPLE_COLUMNS: [(&str, &str); 3] = [
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
];
pub const ACTIVE_DECISIONS_HEADER: &str = "本年处理决定数量";
pub const ACTIVE_FEES_HEADER: &str = "本年收费金额（单位：万元）";

impl ActiveRowKind {
    /// The header cells of a band after 「信息内容」, with their column ids.
    pub fn columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ActiveRowKind::IssuedRepealedInForce => &ACTIVE_TRIPLE_COLUMNS,
            ActiveRowKind::Decisions => &[("decisions", ACTIVE_DECISIONS_HEADER)],
            ActiveRowKind::FeeAmount => &[("amount", ACTIVE_FEES_HEADER)],
        }
    }
}

pub const ACTIVE_BANDS: [ActiveBandDef; 4] = [
    ActiveBandDef {
        article: "第二十条第（一）项",
        kind: ActiveRowKind::IssuedRepealedInForce,
        rows: &[
            ActiveRowDef {
                id: ActiveRowId::Regulations,
                key: "regulations",
                label: "规章",
            },
            ActiveRowDef {
                id: ActiveRowId::NormativeDocuments,
                key: "normative_documents",
                label: "行政规范性文件",
            },
        ],
    },
    ActiveBandDef {
        article: "第二十条第（五）项",
        kind: ActiveRowKind::Decisions,
        rows: &[ActiveRowDef {
            id: ActiveRowId::Licensing,
            key: "licensing",
            label: "行政许可",
        }],
    },
    ActiveBandDef {
        article: "第二十条第（六）项",
        kind: ActiveRowKind::Decisions,
        rows: &[
            ActiveRowDef {
                id: ActiveRowId::Punishment,
                key: "punishment",
                label: "行政处罚",
            },
            ActiveRowDef {
                id: ActiveRowId::Enforcement,
                key: "enforcement",
                label: "行政强制",
            },
        ],
    },
    ActiveBandDef {
        article: "第二十条第（八）项",
        kind: ActiveRowKind::FeeAmount,
        rows: &[ActiveRowDef {
            id: ActiveRowId::Fees,
            key: "fees",
            label: "行政事业性收费",
        }],
    },
];

/// Every row of table 二 with the band it sits in, in printed order.
pub fn active_rows() -> impl Iterator<Item = (&'static ActiveBandDef, &'static ActiveRowDef)> {
    ACTIVE_BANDS
        .iter()
        .flat_map(|band| band.rows.iter().map(move |row| (band, row)))
}

pub fn active_row(id: ActiveRowId) -> (&'static ActiveBandDef, &'static ActiveRowDef) {
    active_rows()
        .find(|(_, row)| row.id == id)
        .expect("every ActiveRowId has a row in ACTIVE_BANDS")
}

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

pub struct ColumnDef {
    pub key: &'static str,
    pub label: &'static str,
}

/// The seven columns of table 三, in order. The last one is the row total.
pub const REQUEST_COLUMNS: [ColumnDef; 7] = [
    ColumnDef {
        key: "natural",
        label: "自然人",
    },
    ColumnDef {
        key: "commercial",
        label: "商业企业",
    },
    ColumnDef {
        key: "research",
        label: "科研机构",
    },
    ColumnDef {
        key: "nonprofit",
        label: "社会公益组织",
    },
    ColumnDef {
        key: "legal",
        label: "法律服务机构",
    },
    ColumnDef {
        key: "other",
        label: "其他",
    },
    ColumnDef {
        key: "total",
        label: "总计",
    },
];
pub const REQUEST_COLUMN_COUNT: usize = REQUEST_COLUMNS.len();
/// Index of the `total` column.
pub const REQUEST_TOTAL_COLUMN: usize = 6;
/// The six applicant columns that the `total` column sums.
pub const REQUEST_APPLICANT_COLUMNS: std::ops::Range<usize> = 0..6;
/// The five columns grouped under 「法人或其他组织」.
pub const REQUEST_ORGANISATION_COLUMNS: std::ops::Range<usize> = 1..6;

pub const REQUEST_CORNER_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const REQUEST_APPLICANT_HEADER: &str = "申请人情况";
pub const REQUEST_ORGANISATION_HEADER: &str = "法人或其他组织";

/// A group of result rows under 「三、本年度办理结果」 that shares a heading cell, e.g. （三）不予公开.
pub struct ResultCategoryDef {
    pub key: &'static str,
    pub label: &'static str,
    /// The chinese ordinal used in short references: 「三(三)」.
    pub ordinal: &'static str,
}

pub const RESULT_GROUP_LABEL: &str = "三、本年度办理结果";

pub const RESULT_CATEGORIES: [ResultCategoryDef; 4] = [
    ResultCategoryDef {
        key: "3.3",
        label: "（三）不予公开",
        ordinal: "三",
    },
    ResultCategoryDef {
        key: "3.4",
        label: "（四）无法提供",
        ordinal: "四",
    },
    ResultCategoryDef {
        key: "3.5",
        label: "（五）不予处理",
        ordinal: "五",
    },
    ResultCategoryDef {
        key: "3.6",
        label: "（六）其他处理",
        ordinal: "六",
    },
];

/// What a row of table 三 is, for the rules and for auto-total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestRowRole {
    /// 一、本年新收
    NewRequests,
    /// 二、上年结转
    CarriedIn,
    /// A result row that （七）总计 sums.
    Result,
    /// （七）总计
    ResultsTotal,
    /// 四、结转下年度继续办理
    CarriedOut,
}

pub struct RequestRowDef {
    /// The id used in JSON and findings: "1", "3.3.2", "3.7" …
    pub key: &'static str,
    /// The exact label as printed in its own cell.
    pub label: &'static str,
    /// The category heading cell the row sits under, if any.
    pub category: Option<&'static ResultCategoryDef>,
    /// Whether the row sits under 「三、本年度办理结果」.
    pub in_results: bool,
    pub role: RequestRowRole,
    /// How reviewers cite the row in messages: 「一」, 「三(七)」, 「三(三)2」.
    pub short: &'static str,
}

const fn row(
    key: &'static str,
    label: &'static str,
    role: RequestRowRole,
    short: &'static str,
) -> RequestRowDef {
    let in_results = matches!(role, RequestRowRole::Result | RequestRowRole::ResultsTotal);
    RequestRowDef {
        key,
        label,
        category: None,
        in_results,
        role,
        short,
    }
}

const fn sub(
    category: &'static ResultCategoryDef,
    key: &'static str,
    label: &'static str,
    short: &'static str,
) -> RequestRowDef {
    RequestRowDef {
        key,
        label,
        category: Some(category),
        in_results: true,
        role: RequestRowRole::Result,
        short,
    }
}

use RequestRowRole::*;
const WITHHELD: &ResultCategoryDef = &RESULT_CATEGORIES[0];
const UNAVAILABLE: &ResultCategoryDef = &RESULT_CATEGORIES[1];
const NOT_PROCESSED: &ResultCategoryDef = &RESULT_CATEGORIES[2];
const OTHER_HANDLING: &ResultCategoryDef = &RESULT_CATEGORIES[3];

/// The 25 rows of table 三, in printed order.
pub const REQUEST_ROWS: [RequestRowDef; 25] = [
    row("1", "一、本年新收政府信息公开申请数量", NewRequests, "一"),
    row("2", "二、上年结转政府信息公开申请数量", CarriedIn, "二"),
    row("3.1", "（一）予以公开", Result, "三(一)"),
    row(
        "3.2",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        Result,
        "三(二)",
    ),
    sub(WITHHELD, "3.3.1", "1.属于国家秘密", "三(三)1"),
    sub(WITHHELD, "3.3.2", "2.其他法律行政法规禁止公开", "三(三)2"),
    sub(WITHHELD, "3.3.3", "3.危及“三安全一稳定”", "三(三)3"),
    sub(WITHHELD, "3.3.4", "4.保护第三方合法权益", "三(三)4"),
    sub(WITHHELD, "3.3.5", "5.属于三类内部事务信息", "三(三)5"),
    sub(WITHHELD, "3.3.6", "6.属于四类过程性信息", "三(三)6"),
    sub(WITHHELD, "3.3.7", "7.属于行政执法案卷", "三(三)7"),
    sub(WITHHELD, "3.3.8", "8.属于行政查询事项", "三(三)8"),
    sub(
        UNAVAILABLE,
        "3.4.1",
        "1.本机关不掌握相关政府信息",
        "三(四)1",
    ),
    sub(
        UNAVAILABLE,
        "3.4.2",
        "2.没有现成信息需要另行制作",
        "三(四)2",
    ),
    sub(UNAVAILABLE, "3.4.3", "3.补正后申请内容仍不明确", "三(四)3"),
    sub(NOT_PROCESSED, "3.5.1", "1.信访举报投诉类申请", "三(五)1"),
    sub(NOT_PROCESSED, "3.5.2", "2.重复申请", "三(五)2"),
    sub(NOT_PROCESSED, "3.5.3", "3.要求提供公开出版物", "三(五)3"),
    sub(
        NOT_PROCESSED,
        "3.5.4",
        "4.无正当理由大量反复申请",
        "三(五)4",
    ),
    sub(
        NOT_PROCESSED,
        "3.5.5",
        "5.要求行政机关确认或重新出具已获取信息",
        "三(五)5",
    ),
    sub(
        OTHER_HANDLING,
        "3.6.1",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "三(六)1",
    ),
    sub(
        OTHER_HANDLING,
        "3.6.2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "三(六)2",
    ),
    sub(OTHER_HANDLING, "3.6.3", "3.其他", "三(六)3"),
    row("3.7", "（七）总计", ResultsTotal, "三(七)"),
    row("4", "四、结转下年度继续办理", CarriedOut, "四"),
];
pub const REQUEST_ROW_COUNT: usize = REQUEST_ROWS.len();

pub fn request_row_index(key: &str) -> Option<usize> {
    REQUEST_ROWS.iter().position(|r| r.key == key)
}

pub fn request_column_index(key: &str) -> Option<usize> {
    REQUEST_COLUMNS.iter().position(|c| c.key == key)
}

/// Index of a row that the format guarantees exists; for the rules' fixed references.
pub fn request_row(key: &str) -> usize {
    request_row_index(key).unwrap_or_else(|| panic!("table 三 has no row {key}"))
}

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

pub struct AppealGroupDef {
    pub key: &'static str,
    /// The group's own header cell (under 行政诉讼 for the two suit groups).
    pub label: &'static str,
    /// The top header cell the group sits under.
    pub parent: &'static str,
}

pub const APPEAL_REVIEW_HEADER: &str = "行政复议";
pub const APPEAL_SUIT_HEADER: &str = "行政诉讼";

pub const APPEAL_GROUPS: [AppealGroupDef; 3] = [
    AppealGroupDef {
        key: "review",
        label: APPEAL_REVIEW_HEADER,
        parent: APPEAL_REVIEW_HEADER,
    },
    AppealGroupDef {
        key: "suit_direct",
        label: "未经复议直接起诉",
        parent: APPEAL_SUIT_HEADER,
    },
    AppealGroupDef {
        key: "suit_after_review",
        label: "复议后起诉",
        parent: APPEAL_SUIT_HEADER,
    },
];

/// The five result columns of each group, in order; the last is the group total.
pub const APPEAL_COLUMNS: [ColumnDef; 5] = [
    ColumnDef {
        key: "upheld",
        label: "结果维持",
    },
    ColumnDef {
        key: "corrected",
        label: "结果纠正",
    },
    ColumnDef {
        key: "other",
        label: "其他结果",
    },
    ColumnDef {
        key: "pending",
        label: "尚未审结",
    },
    ColumnDef {
        key: "total",
        label: "总计",
    },
];
pub const APPEAL_TOTAL_COLUMN: usize = 4;

pub fn appeal_group_index(key: &str) -> Option<usize> {
    APPEAL_GROUPS.iter().position(|g| g.key == key)
}

// ---------------------------------------------------------------------------------------------
// Agency kinds and deadlines
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    #[default]
    Department,
    Township,
    CountyGov,
    CityGov,
    ProvinceGov,
    Other,
}

pub struct AgencyKindDef {
    pub kind: AgencyKind,
    pub key: &'static str,
    pub label_zh: &'static str,
    /// ASCII only: messages lower-case it with `to_ascii_lowercase`, which keeps Unicode's case
    /// tables (10 kB and more) out of the app's download.
    pub label_en: &'static str,
    /// Publication deadline in the year after the report year, as (month, day) [条例 第49条].
    pub deadline: (u32, u32),
    /// A people's government, which must report 工作考核、社会评议和责任追究 (条例 第50条).
    pub is_government: bool,
}

pub const AGENCY_KINDS: [AgencyKindDef; 6] = [
    AgencyKindDef {
        kind: AgencyKind::Department,
        key: "department",
        label_zh: "部门",
        label_en: "Department",
        deadline: (1, 31),
        is_government: false,
    },
    AgencyKindDef {
        kind: AgencyKind::Township,
        key: "township",
        label_zh: "乡镇/街道",
        label_en: "Township / street office",
        deadline: (1, 31),
        is_government: false,
    },
    AgencyKindDef {
        kind: AgencyKind::CountyGov,
        key: "county_gov",
        label_zh: "县级政府",
        label_en: "County government",
        deadline: (2, 20),
        is_government: true,
    },
    AgencyKindDef {
        kind: AgencyKind::CityGov,
        key: "city_gov",
        label_zh: "市级政府",
        label_en: "City government",
        deadline: (3, 10),
        is_government: true,
    },
    AgencyKindDef {
        kind: AgencyKind::ProvinceGov,
        key: "province_gov",
        label_zh: "省级政府",
        label_en: "Provincial government",
        deadline: (3, 31),
        is_government: true,
    },
    AgencyKindDef {
        kind: AgencyKind::Other,
        key: "other",
        label_zh: "其他（如法律法规授权组织）",
        label_en: "Other (e.g. authorised organisation)",
        deadline: (1, 31),
        is_government: false,
    },
];

impl AgencyKind {
    pub fn def(self) -> &'static AgencyKindDef {
        AGENCY_KINDS
            .iter()
            .find(|d| d.kind == self)
            .expect("every kind is defined")
    }
    pub fn from_key(key: &str) -> Option<AgencyKind> {
        AGENCY_KINDS.iter().find(|d| d.key == key).map(|d| d.kind)
    }
}

/// The default title of a report (「<agency><year>年政府信息公开工作年度报告」).
pub fn default_title(agency: &str, year: i32) -> String {
    format!("{agency}{year}年{REPORT_TITLE}")
}

/// The generic title, shown when no agency is set yet.
pub const REPORT_TITLE: &str = "政府信息公开工作年度报告";

// ---------------------------------------------------------------------------------------------
// English names, for the English half of messages (appended for the rules of tables 三 and 四).
// ---------------------------------------------------------------------------------------------

/// English names of [`REQUEST_COLUMNS`], same order.
pub const REQUEST_COLUMN_LABELS_EN: [&str; REQUEST_COLUMN_COUNT] = [
    "natural persons",
    "commercial enterprises",
    "research institutions",
    "non-profit organisations",
    "legal service providers",
    "others",
    "total",
];

/// English names of [`APPEAL_GROUPS`], same order.
pub const APPEAL_GROUP_LABELS_EN: [&str; 3] = [
    "administrative review",
    "lawsuits without prior review",
    "lawsuits after review",
];

/// English names of [`APPEAL_COLUMNS`], same order.
pub const APPEAL_COLUMN_LABELS_EN: [&str; 5] =
    ["upheld", "corrected", "other result", "pending", "total"];

impl RequestRowDef {
    /// The English short reference, derived from the id: "1", "3(7)", "3(3)2".
    pub fn short_en(&self) -> String {
        let mut parts = self.key.split('.');
        let mut short = parts.next().unwrap_or_default().to_owned();
        if let Some(category) = parts.next() {
            short.push_str(&format!("({category})"));
        }
        for rest in parts {
            short.push_str(rest);
        }
        short
    }
}

/// Indices of the rows of table 三 that play a role, in printed order; the rules and auto-total
/// find rows this way instead of listing ids.
pub fn request_rows_with_role(role: RequestRowRole) -> impl Iterator<Item = usize> {
    REQUEST_ROWS
        .iter()
        .enumerate()
        .filter(move |(_, def)| def.role == role)
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_kinds_english_labels_are_ascii() {
        for kind in AGENCY_KINDS {
            assert!(kind.label_en.is_ascii(), "{}", kind.label_en);
        }
    }

    #[test]
    fn table_three_has_25_rows_and_7_columns() {
        assert_eq!(REQUEST_ROWS.len(), 25);
        assert_eq!(REQUEST_COLUMNS.len(), 7);
        assert_eq!(REQUEST_COLUMNS[REQUEST_TOTAL_COLUMN].key, "total");
    }

    #[test]
    fn ids_are_unique() {
        let mut keys: Vec<_> = REQUEST_ROWS.iter().map(|r| r.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 25);
        let mut shorts: Vec<_> = REQUEST_ROWS.iter().map(|r| r.short).collect();
        shorts.sort();
        shorts.dedup();
        assert_eq!(shorts.len(), 25);
    }

    #[test]
    fn sections_are_indexed_by_their_id() {
        for (i, s) in SECTIONS.iter().enumerate() {
            assert_eq!(s.id as usize, i);
            assert!(s.heading.starts_with(s.numeral));
            assert_eq!(section_by_key(s.key).map(|d| d.id), Some(s.id));
        }
    }

    #[test]
    fn category_rows_start_with_their_key() {
        for r in &REQUEST_ROWS {
            if let Some(c) = r.category {
                assert!(r.key.starts_with(c.key), "{} under {}", r.key, c.key);
            }
        }
        assert_eq!(active_rows().count(), 6);
    }

    #[test]
    fn period_line_matches_the_seed() {
        assert_eq!(
            statistics_period(2023),
            "（数据核定时间点为2023年1月1日—2023年12月31日）"
        );
    }
}
