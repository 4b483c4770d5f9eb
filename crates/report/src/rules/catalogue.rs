//! Every rule of the checker and every note of the importer, once: its id (the spec's
//! vocabulary), how severe it is, what it checks in Chinese and English, its basis, and when it
//! runs. `docs/rules.md` is written from this table (`cargo run -p nianbao-report --example
//! rules_doc > docs/rules.md`; a test fails while it is stale), and findings name their rule by
//! [`Rule`], so a misspelt id does not compile.

use crate::finding::{Basis, Severity};
use crate::format;
use crate::rules::reading;
use serde::{Serialize, Serializer};
use std::fmt;

/// A rule of the checker or a note of the importer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    R3Balance,
    R3RowTotal,
    R3ResultsTotal,
    R4GroupTotal,
    CInteger,
    CBlank,
    CDate,
    R3OtherShare,
    TSectionEmpty,
    TOverviewLength,
    TFeeStatement,
    TNumbers,
    TNoRequestsClaim,
    TYear,
    TPageChrome,
    SGovReview,
    DDeadline,
    XLastYear,
    XCarryOver,
    XInForce,
    TRepeat,
    HSum,
    HBlank,
    SOldFormat,
    IMissing,
    IUnread,
    ISectionMissing,
    IRowsMissing,
    ITableMissing,
    IMeta,
    IAgencyKind,
    IOcrFix,
    IDerived,
}

/// When a rule runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunsIn {
    /// On every edit of a draft, and on a report about to be published.
    Check,
    /// Reads every sentence of the text (against the tables, for a website's page chrome): in
    /// an editor, in the background after an edit; done before a report counts as ready to
    /// publish.
    Reading,
    /// With last year's report of the same agency.
    CrossYear,
    /// Over a summary report (汇总) and the units' reports it sums.
    Summary,
    /// While a published report is imported: a note on what could not be read.
    Import,
}

impl RunsIn {
    /// Every case, in the order docs/rules.md lists them.
    pub const ALL: [RunsIn; 5] = [
        RunsIn::Check,
        RunsIn::Reading,
        RunsIn::CrossYear,
        RunsIn::Summary,
        RunsIn::Import,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            RunsIn::Check => "每次编辑和发布前检查",
            RunsIn::Reading => "编辑后在后台通读正文检查，发布前必须完成",
            RunsIn::CrossYear => "与上年报告对比时",
            RunsIn::Summary => "检查汇总报告时",
            RunsIn::Import => "导入已发布的报告时",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            RunsIn::Check => "on every edit and before publishing",
            RunsIn::Reading => {
                "after an edit, in the background (reads every sentence); done before publishing"
            }
            RunsIn::CrossYear => "with last year's report",
            RunsIn::Summary => "over a summary report and its units",
            RunsIn::Import => "while importing a published report",
        }
    }
}

/// One entry of the catalogue.
pub struct RuleDef {
    pub rule: Rule,
    /// The id of the spec: 「R3-balance」.
    pub id: &'static str,
    /// How severe its findings are (a draft's; some depend on the case, see `severity_note`).
    pub severity: Severity,
    /// When the severity is not always the same, why.
    pub severity_note: Option<(&'static str, &'static str)>,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub basis: Basis,
    pub runs_in: RunsIn,
}

const fn def(
    rule: Rule,
    severity: Severity,
    runs_in: RunsIn,
    title: (&'static str, &'static str),
    basis: Basis,
) -> RuleDef {
    RuleDef {
        rule,
        id: rule.id(),
        severity,
        severity_note: None,
        title_zh: title.0,
        title_en: title.1,
        basis,
        runs_in,
    }
}

// The bases the rules' findings carry: named here once, read by the catalogue and by each rule
// (a rule reading its catalogue entry would bring the whole catalogue, titles and all, into
// every page that checks a report).
pub(crate) const R3_BALANCE_BASIS: Basis = Basis::Official {
    quote: format::REQUEST_CORNER_NOTE,
    en: "the note in table 3's corner: item 1 plus item 2 equals item 3 plus item 4",
};
pub(crate) const C_BLANK_BASIS: Basis = Basis::Practice {
    zh: "已公布的报告每格都填数字，没有则填0",
    en: "published reports fill in every cell with a number, 0 where there were none",
};
pub(crate) const R3_OTHER_SHARE_BASIS: Basis = Basis::Practice {
    zh: "2019年试行格式的填报指引",
    en: "the guidance for filling in the 2019 trial format",
};
pub(crate) const T_SECTION_EMPTY_BASIS: Basis = Basis::Official {
    quote: "《中华人民共和国政府信息公开条例》第五十条",
    en: "the Regulations of the People's Republic of China on Open Government Information, article 50",
};
pub(crate) const T_OVERVIEW_LENGTH_BASIS: Basis = Basis::Official {
    quote: "篇幅原则上不超过一千字",
    en: "in principle no longer than 1,000 characters",
};
pub(crate) const T_FEE_STATEMENT_BASIS: Basis = Basis::Official {
    quote: "《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号",
    en: "the Measures on Information Processing Fees for Open Government Information; the State Council General Office's letter 国办公开办函〔2021〕30号",
};
pub(crate) const T_YEAR_BASIS: Basis = Basis::Practice {
    zh: "年度报告所列数据的统计期限为本年度1月1日至12月31日",
    en: "the figures of an annual report cover 1 January to 31 December of its year",
};
pub(crate) const S_GOV_REVIEW_BASIS: Basis = Basis::Official {
    quote: "各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况（条例第五十条）",
    en: "a people's government's report also covers the results of assessment, public appraisal and accountability (the Regulations of the People's Republic of China on Open Government Information, article 50)",
};
pub(crate) const D_DEADLINE_BASIS: Basis = Basis::Official {
    quote: "《中华人民共和国政府信息公开条例》第四十九条",
    en: "the Regulations of the People's Republic of China on Open Government Information, article 49",
};
pub(crate) const T_REPEAT_BASIS: Basis = Basis::Official {
    quote: "不得出现敷衍了事甚至年年雷同现象",
    en: "reports must not be perfunctory, still less the same year after year",
};
pub(crate) const S_OLD_FORMAT_BASIS: Basis = Basis::Official {
    quote: "国办公开办函〔2021〕30号",
    en: "the State Council General Office's letter 国办公开办函〔2021〕30号, which set the 2021 format",
};

pub(crate) const IMPORT_BASIS: Basis = Basis::Practice {
    zh: "导入已发布的报告",
    en: "importing a published report",
};

/// The catalogue, in the order the docs list it: the tables, the text, the header, last year,
/// the summary, the import.
pub const RULES: [RuleDef; 33] = [
    def(
        Rule::R3Balance,
        Severity::Error,
        RunsIn::Check,
        (
            "表三每一列：一（本年新收）+ 二（上年结转）= 三(七)（办理结果总计）+ 四（结转下年度）",
            "Table 3, every column: 1 (new) + 2 (carried in) = 3(7) (results) + 4 (carried out)",
        ),
        R3_BALANCE_BASIS,
    ),
    def(
        Rule::R3RowTotal,
        Severity::Error,
        RunsIn::Check,
        (
            "表三每一行：总计 = 六类申请人之和",
            "Table 3, every row: the total is the sum of the six applicant columns",
        ),
        Basis::Derived,
    ),
    def(
        Rule::R3ResultsTotal,
        Severity::Error,
        RunsIn::Check,
        (
            "表三每一列：三(七)总计 = 各项办理结果之和",
            "Table 3, every column: 3(7) is the sum of the results above it",
        ),
        Basis::Derived,
    ),
    def(
        Rule::R4GroupTotal,
        Severity::Error,
        RunsIn::Check,
        (
            "表四每一组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
            "Table 4, every group: upheld + corrected + other + pending = total",
        ),
        Basis::Derived,
    ),
    def(
        Rule::CInteger,
        Severity::Error,
        RunsIn::Check,
        (
            "数量是不小于0的整数，收费金额是不小于0的小数",
            "Counts are whole numbers of 0 or more; the fee is a decimal of 0 or more",
        ),
        Basis::Derived,
    ),
    RuleDef {
        severity_note: Some((
            "草稿中是警告，准备发布时是错误",
            "a warning in a draft, an error when ready to publish",
        )),
        ..def(
            Rule::CBlank,
            Severity::Warning,
            RunsIn::Check,
            (
                "表格中的空白格（空白不等于0，没有请填0）",
                "A blank cell of a table (blank is not 0: type 0 where there were none)",
            ),
            C_BLANK_BASIS,
        )
    },
    def(
        Rule::CDate,
        Severity::Warning,
        RunsIn::Check,
        (
            "发布日期不是有效日期（如2025-02-31）",
            "The publication date is no real date (such as 2025-02-31)",
        ),
        Basis::Derived,
    ),
    def(
        Rule::R3OtherShare,
        Severity::Info,
        RunsIn::Check,
        (
            "「（六）其他处理」在办理结果中占比过高",
            "「（六）其他处理」 (other handling) is a large share of all results",
        ),
        R3_OTHER_SHARE_BASIS,
    ),
    def(
        Rule::TSectionEmpty,
        Severity::Error,
        RunsIn::Check,
        (
            "必须填写的部分（一、五、六）没有内容",
            "A required section (一, 五, 六) has no text",
        ),
        T_SECTION_EMPTY_BASIS,
    ),
    def(
        Rule::TOverviewLength,
        Severity::Warning,
        RunsIn::Check,
        (
            "「一、总体情况」超过1000字",
            "「一、总体情况」 (overview) is over 1,000 characters",
        ),
        T_OVERVIEW_LENGTH_BASIS,
    ),
    def(
        Rule::TFeeStatement,
        Severity::Warning,
        RunsIn::Check,
        (
            "「六、其他需要报告的事项」没有说明信息处理费的收取情况",
            "Section 六 does not say whether information processing fees were charged",
        ),
        T_FEE_STATEMENT_BASIS,
    ),
    def(
        Rule::TNumbers,
        Severity::Warning,
        RunsIn::Reading,
        (
            "正文写的数字与表格不符（收到、结转、办理结果、申请人、复议诉讼、规范性文件、许可处罚强制，也包括百分比；正文称没有的（如「未发生行政复议」「未制发规范性文件」）而表格有的，也在此列）",
            "A number the text states disagrees with the tables (requests, carry-over, results, applicants, appeals, documents, decisions; shares too; and a text that says there were none, e.g. no appeals or no documents issued, where the tables have some)",
        ),
        reading::basis(Rule::TNumbers),
    ),
    def(
        Rule::TNoRequestsClaim,
        Severity::Warning,
        RunsIn::Reading,
        (
            "正文称未收到申请，但表三有新收申请（或相反）",
            "The text says no requests were received but table 3 has some (or the reverse)",
        ),
        reading::basis(Rule::TNoRequestsClaim),
    ),
    def(
        Rule::TYear,
        Severity::Info,
        RunsIn::Check,
        (
            "正文或统计期限中的年份与报告年度不符",
            "A year in the text or the statistics period does not fit the report year",
        ),
        T_YEAR_BASIS,
    ),
    def(
        Rule::TPageChrome,
        Severity::Error,
        RunsIn::Reading,
        (
            "正文中有网页的菜单、按钮、导航或页脚",
            "A section holds a website's menu, buttons, breadcrumb or footer",
        ),
        reading::basis(Rule::TPageChrome),
    ),
    def(
        Rule::SGovReview,
        Severity::Warning,
        RunsIn::Check,
        (
            "人民政府的报告没有写工作考核、社会评议和责任追究结果情况",
            "A people's government's report does not cover assessment, public appraisal and accountability",
        ),
        S_GOV_REVIEW_BASIS,
    ),
    def(
        Rule::DDeadline,
        Severity::Info,
        RunsIn::Check,
        (
            "发布日期晚于该类机关的公布期限",
            "The publication date is after the deadline for the agency's kind",
        ),
        D_DEADLINE_BASIS,
    ),
    def(
        Rule::XLastYear,
        Severity::Warning,
        RunsIn::CrossYear,
        (
            "作为上年报告的不是同一机关上一年度的报告",
            "The report given as last year's is not the same agency's of the year before",
        ),
        Basis::Derived,
    ),
    def(
        Rule::XCarryOver,
        Severity::Warning,
        RunsIn::CrossYear,
        (
            "本年表三「二、上年结转」应等于上年「四、结转下年度继续办理」",
            "This year's row 2 (carried in) equals last year's row 4 (carried out)",
        ),
        Basis::Derived,
    ),
    def(
        Rule::XInForce,
        Severity::Info,
        RunsIn::CrossYear,
        (
            "上年现行有效 + 本年制发 − 本年废止 = 本年现行有效（规章、规范性文件）",
            "Last year's in force + issued − repealed = this year's in force",
        ),
        Basis::Derived,
    ),
    def(
        Rule::TRepeat,
        Severity::Warning,
        RunsIn::CrossYear,
        (
            "「五」（或全文）与上年报告雷同超过一半",
            "Section 五 (or the whole text) repeats last year's by more than half",
        ),
        T_REPEAT_BASIS,
    ),
    def(
        Rule::HSum,
        Severity::Error,
        RunsIn::Summary,
        (
            "汇总报告的数字不等于各单位之和",
            "A number of the summary report is not the sum of the units'",
        ),
        Basis::Derived,
    ),
    def(
        Rule::HBlank,
        Severity::Warning,
        RunsIn::Summary,
        (
            "汇总时有的单位该格空白",
            "Some units left the cell blank in the sum",
        ),
        Basis::Derived,
    ),
    def(
        Rule::SOldFormat,
        Severity::Warning,
        RunsIn::Import,
        (
            "导入的报告用的是2019年试行格式",
            "The imported report uses the 2019 trial layout",
        ),
        S_OLD_FORMAT_BASIS,
    ),
    def(
        Rule::IMissing,
        Severity::Warning,
        RunsIn::Import,
        (
            "导入的文本在报告结束前就断了",
            "The imported text ends before the report does",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::IUnread,
        Severity::Warning,
        RunsIn::Import,
        (
            "表格中读不出或对不上列的数字，已留空",
            "Numbers of a table that could not be read or placed: left blank",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::ISectionMissing,
        Severity::Warning,
        RunsIn::Import,
        (
            "没有找到某部分的标题",
            "A section's heading was not found",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::IRowsMissing,
        Severity::Warning,
        RunsIn::Import,
        (
            "表格中没有找到某些行",
            "Rows of a table were not found",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::ITableMissing,
        Severity::Warning,
        RunsIn::Import,
        ("没有找到某张表格", "A table was not found"),
        IMPORT_BASIS,
    ),
    def(
        Rule::IMeta,
        Severity::Warning,
        RunsIn::Import,
        (
            "标题、机关名称或年度没有找到，或是推测的",
            "The title, the agency or the year was not found, or was inferred",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::IAgencyKind,
        Severity::Warning,
        RunsIn::Import,
        (
            "从机关名称看不准机关类型",
            "The agency's name leaves its kind open",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::IOcrFix,
        Severity::Info,
        RunsIn::Import,
        (
            "机关名称中常见的识别错误已改正",
            "A common misreading of a PDF or OCR copy was corrected in the agency's name",
        ),
        IMPORT_BASIS,
    ),
    def(
        Rule::IDerived,
        Severity::Info,
        RunsIn::Import,
        (
            "复制件印坏的格子按表格的勾稽关系只有一种读法，已按此填写",
            "Cells a copy printed damaged were filled where the tables' arithmetic allows one value only",
        ),
        IMPORT_BASIS,
    ),
];

/// Every rule, in the enum's order.
pub const ALL: [Rule; 33] = [
    Rule::R3Balance,
    Rule::R3RowTotal,
    Rule::R3ResultsTotal,
    Rule::R4GroupTotal,
    Rule::CInteger,
    Rule::CBlank,
    Rule::CDate,
    Rule::R3OtherShare,
    Rule::TSectionEmpty,
    Rule::TOverviewLength,
    Rule::TFeeStatement,
    Rule::TNumbers,
    Rule::TNoRequestsClaim,
    Rule::TYear,
    Rule::TPageChrome,
    Rule::SGovReview,
    Rule::DDeadline,
    Rule::XLastYear,
    Rule::XCarryOver,
    Rule::XInForce,
    Rule::TRepeat,
    Rule::HSum,
    Rule::HBlank,
    Rule::SOldFormat,
    Rule::IMissing,
    Rule::IUnread,
    Rule::ISectionMissing,
    Rule::IRowsMissing,
    Rule::ITableMissing,
    Rule::IMeta,
    Rule::IAgencyKind,
    Rule::IOcrFix,
    Rule::IDerived,
];

impl Rule {
    pub fn def(self) -> &'static RuleDef {
        // The table lists every rule in the enum's order (a test holds it so).
        &RULES[self as usize]
    }

    /// The spec's id: 「R3-balance」. Written here, once; the catalogue's entries take theirs
    /// from it (and an app that only prints ids does not carry the catalogue's titles).
    pub const fn id(self) -> &'static str {
        match self {
            Rule::R3Balance => "R3-balance",
            Rule::R3RowTotal => "R3-row-total",
            Rule::R3ResultsTotal => "R3-results-total",
            Rule::R4GroupTotal => "R4-group-total",
            Rule::CInteger => "C-integer",
            Rule::CBlank => "C-blank",
            Rule::CDate => "C-date",
            Rule::R3OtherShare => "R3-other-share",
            Rule::TSectionEmpty => "T-section-empty",
            Rule::TOverviewLength => "T-overview-length",
            Rule::TFeeStatement => "T-fee-statement",
            Rule::TNumbers => "T-numbers",
            Rule::TNoRequestsClaim => "T-no-requests-claim",
            Rule::TYear => "T-year",
            Rule::TPageChrome => "T-page-chrome",
            Rule::SGovReview => "S-gov-review",
            Rule::DDeadline => "D-deadline",
            Rule::XLastYear => "X-last-year",
            Rule::XCarryOver => "X-carry-over",
            Rule::XInForce => "X-in-force",
            Rule::TRepeat => "T-repeat",
            Rule::HSum => "H-sum",
            Rule::HBlank => "H-blank",
            Rule::SOldFormat => "S-old-format",
            Rule::IMissing => "I-missing",
            Rule::IUnread => "I-unread",
            Rule::ISectionMissing => "I-section-missing",
            Rule::IRowsMissing => "I-rows-missing",
            Rule::ITableMissing => "I-table-missing",
            Rule::IMeta => "I-meta",
            Rule::IAgencyKind => "I-agency-kind",
            Rule::IOcrFix => "I-ocr-fix",
            Rule::IDerived => "I-derived",
        }
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// The catalogue as Markdown: what `docs/rules.md` holds.
pub fn markdown() -> String {
    let mut out = String::from(
        "# The rules\n\nEvery rule of the checker and every note of the importer, from the catalogue \
         in `crates/report/src/rules/catalogue.rs` (written by `cargo run -p nianbao-report \
         --example rules_doc > docs/rules.md`; a test fails while this file is stale). Each \
         finding names its rule by this id, its place, and a message in Chinese and English.\n",
    );
    for runs_in in RunsIn::ALL {
        out.push_str(&format!(
            "\n## {} ({})\n\n| id | severity | 规则 | rule | basis |\n|---|---|---|---|---|\n",
            runs_in.label_zh(),
            runs_in.label_en()
        ));
        for def in RULES.iter().filter(|d| d.runs_in == runs_in) {
            let severity = match def.severity_note {
                Some((zh, en)) => format!("{zh} / {en}"),
                None => format!("{} / {}", def.severity.label_zh(), def.severity.label_en()),
            };
            let basis = match def.basis {
                Basis::Official { quote, en } => format!("official: {quote} / {en}"),
                Basis::Derived => "derived from the tables".to_owned(),
                Basis::Practice { zh, en } => format!("practice: {zh} / {en}"),
            };
            out.push_str(&format!(
                "| `{}` | {severity} | {} | {} | {basis} |\n",
                def.id,
                def.title_zh.replace('|', "\\|"),
                def.title_en.replace('|', "\\|")
            ));
        }
    }
    out
}

/// The catalogue as the help's page of rules (`public/help/rules.html`, offline in the app), in
/// Chinese and English side by side: the help's script shows one of them.
pub fn help_page() -> String {
    use crate::export::html::escape;
    let mut out = String::from(
        "<!DOCTYPE html>\n<!-- Written by `cargo run -p nianbao-report --example rules_doc -- --help-page > public/help/rules.html` from the rule catalogue; a test fails while it is stale. -->\n\
         <html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; style-src 'self'\">\n\
         <title>检查规则 · Rules</title>\n<link rel=\"icon\" href=\"../icon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"help.css\">\n<script src=\"help.js\"></script>\n</head>\n<body>\n\
         <header class=\"page-header\">\n<p class=\"app-name\"><span lang=\"zh-CN\">年报</span><span lang=\"en\">Nianbao</span></p>\n\
         <div class=\"header-actions\">\n<a class=\"button\" href=\"./\"><span lang=\"zh-CN\">使用说明</span><span lang=\"en\">Help</span></a>\n\
         <a class=\"button\" href=\"../\"><span lang=\"zh-CN\">打开年报</span><span lang=\"en\">Open Nianbao</span></a>\n\
         <button type=\"button\" class=\"button switch-language\" id=\"switch-language\" hidden>English</button>\n</div>\n</header>\n\
         <main id=\"main\">\n\
         <h1><span lang=\"zh-CN\">检查规则</span><span lang=\"en\">The rules</span></h1>\n\
         <p lang=\"zh-CN\">每条检查结果都写明规则编号、位置和依据。错误要在发布前改正；警告请核对后决定；提示供参考。</p>\n\
         <p lang=\"en\">Each finding names its rule, its place and its basis. Errors must be put right before publishing; check each warning and decide; notes are for information.</p>\n",
    );
    for runs_in in RunsIn::ALL {
        out.push_str(&format!(
            "<section>\n<h2><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></h2>\n<table>\n\
             <thead><tr><th scope=\"col\"><span lang=\"zh-CN\">编号</span><span lang=\"en\">Id</span></th>\
             <th scope=\"col\"><span lang=\"zh-CN\">级别</span><span lang=\"en\">Severity</span></th>\
             <th scope=\"col\"><span lang=\"zh-CN\">规则</span><span lang=\"en\">Rule</span></th>\
             <th scope=\"col\"><span lang=\"zh-CN\">依据</span><span lang=\"en\">Basis</span></th></tr></thead>\n<tbody>\n",
            escape(runs_in.label_zh()),
            escape(runs_in.label_en())
        ));
        for def in RULES.iter().filter(|d| d.runs_in == runs_in) {
            let (severity_zh, severity_en) = match def.severity_note {
                Some(note) => note,
                None => (def.severity.label_zh(), def.severity.label_en()),
            };
            let (basis_zh, basis_en) = match def.basis {
                Basis::Official { quote, en } => (
                    format!("法规和格式要求：{quote}"),
                    format!("official: {en} ({quote})"),
                ),
                Basis::Derived => (
                    "由表格的勾稽关系得出".to_owned(),
                    "derived from the tables".to_owned(),
                ),
                Basis::Practice { zh, en } => {
                    (format!("通行做法：{zh}"), format!("practice: {en}"))
                }
            };
            out.push_str(&format!(
                "<tr id=\"{id}\"><th scope=\"row\"><code>{id}</code></th>\
                 <td><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></td>\
                 <td><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></td>\
                 <td><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></td></tr>\n",
                escape(severity_zh),
                escape(severity_en),
                escape(def.title_zh),
                escape(def.title_en),
                escape(&basis_zh),
                escape(&basis_en),
                id = escape(def.id),
            ));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_every_rule_once_in_the_enums_order() {
        for (index, def) in RULES.iter().enumerate() {
            assert_eq!(def.rule as usize, index, "{}", def.id);
            assert_eq!(ALL[index], def.rule);
            assert_eq!(Rule::from_id(def.id), Some(def.rule));
        }
        let mut ids: Vec<&str> = RULES.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert_eq!(Rule::from_id("R3-balanse"), None);
    }
}
