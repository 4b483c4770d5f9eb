//! Rules over the sections' text: T-overview-length, T-fee-statement, T-numbers,
//! T-no-requests-claim, T-section-empty, T-year, T-page-chrome, S-gov-review.
//!
//! These rules read prose written by hand, so they are conservative: a false alarm teaches the
//! user to ignore every finding, a miss costs little (a reviewer still reads the text). A number
//! is compared with a table only when its clause plainly names one quantity right before it;
//! rough numbers, parts (「其中」), comparisons (「较上年」) and sentences dated another year are
//! left alone.

mod numbers;

use crate::finding::{Basis, Finding, Severity};
use crate::format::{
    self, ActiveRowId, RequestRowRole, SectionDef, SectionId, ACTIVE_TRIPLE_COLUMNS,
    APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_GROUP_LABELS_EN, APPEAL_REVIEW_HEADER,
    APPEAL_SUIT_HEADER, APPEAL_TOTAL_COLUMN, OVERVIEW_MAX_CHARS, REQUEST_COLUMNS,
    REQUEST_COLUMN_LABELS_EN, REQUEST_ROWS, REQUEST_TOTAL_COLUMN,
};
use crate::model::{Place, Report};
use crate::page_chrome::{self, ChromeKind};
use numbers::StatedYear;
use std::ops::Range;

const OVERVIEW_LENGTH: &str = "T-overview-length";
const FEE_STATEMENT: &str = "T-fee-statement";
const NUMBERS: &str = "T-numbers";
const NO_REQUESTS_CLAIM: &str = "T-no-requests-claim";
const SECTION_EMPTY: &str = "T-section-empty";
const YEAR: &str = "T-year";
const GOV_REVIEW: &str = "S-gov-review";
const PAGE_CHROME: &str = "T-page-chrome";

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    check_empty_sections(report, findings);
    check_overview_length(report, findings);
    check_fee_statement(report, findings);
    check_gov_review(report, findings);
    check_stated_numbers(report, findings);
    check_years(report, findings);
    check_page_chrome(report, findings);
}

/// A website's menu, buttons or footer that reached a section (an import of a page whose
/// chrome was not recognised, or a paste): an error, because publishing it prints the site's
/// 「打印本页 关闭窗口」 in the report.
fn check_page_chrome(report: &Report, findings: &mut Vec<Finding>) {
    for def in &format::SECTIONS {
        let Some((line, kind)) = page_chrome::first_chrome_line(report.sections.get(def.id)) else {
            continue;
        };
        let (what_zh, what_en) = match kind {
            ChromeKind::Breadcrumb => ("导航路径", "a breadcrumb"),
            ChromeKind::Metadata => ("网页的发布信息", "the page's metadata"),
            ChromeKind::Buttons => ("网页按钮", "the page's buttons"),
            ChromeKind::Footer => ("网站页脚", "the site's footer"),
            ChromeKind::Menu => ("网站菜单", "the site's menu"),
            ChromeKind::Download => ("附件下载链接", "a link to an attachment"),
        };
        let heading = def.heading;
        let quoted: String = line.chars().take(SNIPPET_CHARS).collect();
        findings.push(Finding {
            rule: PAGE_CHROME,
            severity: Severity::Error,
            place: Place::Section(def.id),
            message_zh: format!(
                "「{heading}」中的「{quoted}」是{what_zh}，不是报告的内容，请删除"
            ),
            message_en: format!(
                "「{quoted}」 in section 「{heading}」 is {what_en} of a website, not the report's text: delete it"
            ),
            basis: Basis::Practice("报告由六个部分组成；网页的菜单、按钮和页脚不是报告的内容"),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the text
// ---------------------------------------------------------------------------------------------

/// A section's text as the rules read it, without spaces: copies of PDFs put them inside numbers
/// and words (「749 件」, 「2025 年」). Line breaks stay; they end a sentence.
fn compact(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_whitespace())
        .collect()
}

fn slice(chars: &[char], range: Range<usize>) -> &[char] {
    chars.get(range).unwrap_or(&[])
}

fn text_of(chars: &[char], range: Range<usize>) -> String {
    slice(chars, range).iter().collect()
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The parts of `range` between chars where `is_break` holds; the breaks themselves are dropped.
fn split(
    chars: &[char],
    range: Range<usize>,
    is_break: impl Fn(&[char], usize) -> bool,
) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = range.start;
    for at in range.clone() {
        if is_break(chars, at) {
            if start < at {
                parts.push(start..at);
            }
            start = at + 1;
        }
    }
    if start < range.end {
        parts.push(start..range.end);
    }
    parts
}

fn is_sentence_break(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at), Some('。' | '！' | '？' | '!' | '?' | '\n'))
}

fn is_segment_break(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at), Some('；' | ';'))
}

fn is_clause_break(chars: &[char], at: usize) -> bool {
    match chars.get(at) {
        Some('，') => true,
        Some(',') => !is_thousands_separator(chars, at),
        _ => false,
    }
}

/// 「1,295」: a comma between digits with exactly three digits after it.
fn is_thousands_separator(chars: &[char], at: usize) -> bool {
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
    };
    at > 0 && digit(at - 1) && digit(at + 1) && digit(at + 2) && digit(at + 3) && !digit(at + 4)
}

/// A clause (up to 「，」) with the segment (up to 「；」) and sentence (up to 「。」) around it.
struct Clause {
    sentence: Range<usize>,
    segment: Range<usize>,
    clause: Range<usize>,
}

fn clauses(chars: &[char]) -> Vec<Clause> {
    let mut all = Vec::new();
    for sentence in split(chars, 0..chars.len(), is_sentence_break) {
        for segment in split(chars, sentence.clone(), is_segment_break) {
            for clause in split(chars, segment.clone(), is_clause_break) {
                all.push(Clause {
                    sentence: sentence.clone(),
                    segment: segment.clone(),
                    clause,
                });
            }
        }
    }
    all
}

/// Longest quotation in a message, in chars.
const SNIPPET_CHARS: usize = 40;

/// The words of `chars[start..end]` for quoting, shortened at the front so that the end (where
/// the number is) stays.
fn snippet(chars: &[char], start: usize, end: usize) -> String {
    let from = start.max(end.saturating_sub(SNIPPET_CHARS));
    let mut quoted = String::new();
    if from > start {
        quoted.push('…');
    }
    quoted.extend(slice(chars, from..end));
    quoted
}

/// A section's text without the sub-headings and hints a new draft starts with: what the user
/// wrote.
fn own_text(def: &SectionDef, text: &str) -> String {
    let mut rest = text.to_owned();
    for (heading, hint) in def.template {
        for part in [heading, hint] {
            if !part.is_empty() {
                rest = rest.replace(part, "");
            }
        }
    }
    rest
}

/// Whether a section holds nothing but whitespace, punctuation and its template sub-headings.
fn is_empty_section(def: &SectionDef, text: &str) -> bool {
    own_text(def, text).chars().all(|c| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || "（）【】“”‘’、，。；：！？…—·《》".contains(c)
    })
}

fn is_empty(report: &Report, id: SectionId) -> bool {
    is_empty_section(format::section(id), report.sections.get(id))
}

// ---------------------------------------------------------------------------------------------
// T-section-empty, T-overview-length, T-fee-statement, S-gov-review
// ---------------------------------------------------------------------------------------------

fn check_empty_sections(report: &Report, findings: &mut Vec<Finding>) {
    for def in format::SECTIONS.iter().filter(|def| def.text_required) {
        if !is_empty_section(def, report.sections.get(def.id)) {
            continue;
        }
        let heading = def.heading;
        findings.push(Finding {
            rule: SECTION_EMPTY,
            severity: Severity::Error,
            place: Place::Section(def.id),
            message_zh: format!("「{heading}」没有内容（只有小标题也算空），这一部分必须填写"),
            message_en: format!(
                "Section 「{heading}」 has no text (its sub-headings alone do not count); the section is required"
            ),
            basis: Basis::Official("《中华人民共和国政府信息公开条例》第五十条"),
        });
    }
}

/// Characters of 一、总体情况, whitespace not counted: 「字」 are what a reader sees, and copies
/// of one report differ only in spacing and line breaks. Punctuation counts, as in a 字数 count.
fn overview_chars(report: &Report) -> usize {
    report
        .sections
        .get(SectionId::Overview)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

fn check_overview_length(report: &Report, findings: &mut Vec<Finding>) {
    let count = overview_chars(report);
    if count <= OVERVIEW_MAX_CHARS {
        return;
    }
    let heading = format::section(SectionId::Overview).heading;
    let over = count - OVERVIEW_MAX_CHARS;
    findings.push(Finding {
        rule: OVERVIEW_LENGTH,
        severity: Severity::Warning,
        place: Place::Section(SectionId::Overview),
        message_zh: format!(
            "「{heading}」共{count}字（不计空白），超过{OVERVIEW_MAX_CHARS}字{over}字"
        ),
        message_en: format!(
            "Section 「{heading}」 has {count} characters (whitespace not counted), {over} over the \
             {OVERVIEW_MAX_CHARS} the format allows in principle"
        ),
        basis: Basis::Official("篇幅原则上不超过一千字"),
    });
}

/// Words that show the fee question was answered, charged or not: 「未收取信息处理费」,
/// 「收取信息处理费0元」, 「没有收取」, 「未发生收费情况」 (沭阳县发展和改革局 2023).
const FEE_WORDS: &[&str] = &["处理费", "收费", "收取", "费用", "缴费", "免费"];

fn check_fee_statement(report: &Report, findings: &mut Vec<Finding>) {
    let id = SectionId::Other;
    // An empty 六 is reported by T-section-empty; saying it also lacks the fee adds nothing.
    if is_empty(report, id) {
        return;
    }
    let text: String = compact(report.sections.get(id)).into_iter().collect();
    if contains_any(&text, FEE_WORDS) {
        return;
    }
    let heading = format::section(id).heading;
    findings.push(Finding {
        rule: FEE_STATEMENT,
        severity: Severity::Warning,
        place: Place::Section(id),
        message_zh: format!(
            "「{heading}」没有说明本年度收取信息处理费的情况；未收取也须写明，如「本年度未收取信息处理费」"
        ),
        message_en: format!(
            "Section 「{heading}」 does not say whether information processing fees (信息处理费) were \
             charged; say so even when none were, e.g. 「本年度未收取信息处理费」"
        ),
        basis: Basis::Official("《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号"),
    });
}

/// The three results a government's report must cover (条例 第五十条: 「工作考核、社会评议和责任
/// 追究结果情况」), joined by 和: all three are required. Each is recognised by any of its usual
/// words, so that a report that covers it in other words is not flagged.
const GOV_REVIEW_CONCEPTS: [(&str, &str, &[&str]); 3] = [
    ("工作考核", "performance assessment", &["考核"]),
    (
        "社会评议",
        "public appraisal",
        &["评议", "评价", "评估", "测评"],
    ),
    ("责任追究", "accountability", &["追究", "问责", "追责"]),
];

fn check_gov_review(report: &Report, findings: &mut Vec<Finding>) {
    let kind = report.meta.agency_kind.def();
    if !kind.is_government || is_empty(report, SectionId::Overview) {
        return;
    }
    // The format puts these results under 一 (监督保障); a report that gives them under 六
    // has still given them.
    let text: String = [SectionId::Overview, SectionId::Other]
        .iter()
        .flat_map(|id| compact(report.sections.get(*id)))
        .collect();
    let missing: Vec<_> = GOV_REVIEW_CONCEPTS
        .iter()
        .filter(|(_, _, words)| !contains_any(&text, words))
        .collect();
    if missing.is_empty() {
        return;
    }
    let zh: Vec<&str> = missing.iter().map(|(zh, _, _)| *zh).collect();
    let en: Vec<String> = missing
        .iter()
        .map(|(zh, en, _)| format!("{zh} ({en})"))
        .collect();
    let heading = format::section(SectionId::Overview).heading;
    findings.push(Finding {
        rule: GOV_REVIEW,
        severity: Severity::Warning,
        place: Place::Section(SectionId::Overview),
        message_zh: format!(
            "机关类型为{}，「{heading}」未提及{}结果情况；各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况",
            kind.label_zh,
            zh.join("、")
        ),
        message_en: format!(
            "The agency is a {}, but 「{heading}」 does not mention the results of {}; a people's \
             government's report must cover assessment, public appraisal and accountability",
            kind.label_en.to_ascii_lowercase(),
            en.join(", ")
        ),
        basis: Basis::Official(
            "各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况（条例第五十条）",
        ),
    });
}

// ---------------------------------------------------------------------------------------------
// T-numbers and T-no-requests-claim
// ---------------------------------------------------------------------------------------------

/// A quantity of the tables that the text names in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    /// 「收到/新收/受理…申请N件」: row 一, or 一 + 二 (「收到」 is written both ways).
    NewRequests,
    /// 「办结/答复N件」 in a sentence about requests: row 三(七). 「办理/处理N件」 may also count
    /// the applications still open (一 + 二), so that reading is accepted too.
    Handled { completed: bool },
    /// 「上年结转N件」: row 二.
    CarriedIn,
    /// 「结转下年度（继续办理）N件」: row 四.
    CarriedOut,
    /// 「行政复议N件」: table 四, 行政复议 total.
    Review,
    /// 「行政诉讼N件」: table 四, both 行政诉讼 groups' totals together.
    Suits,
    /// 「制发/废止/现行有效…规范性文件N件」: table 二, by column index.
    NormativeDocuments(usize),
    /// 「行政许可/行政处罚/行政强制N件」: table 二.
    Decisions(ActiveRowId),
}

/// Longest run of words between the naming keyword and its number (「共收到依申请信息公开26件」:
/// 7). Further away, the number usually belongs to something else the clause mentions.
const MAX_GAP: usize = 16;
/// Longest run between 「收到」 and the number, 「申请」 included.
const MAX_REACH: usize = 24;

/// Words that make a number a part, a share or a change rather than the quantity itself.
const PART_MARKERS: &[&str] = &[
    "其中",
    "分别",
    "本级",
    "各部门",
    "各镇",
    "各乡",
    "各街道",
    "各单位",
    "各地",
    "县直",
    "市直",
    "区直",
    "自然人",
    "法人",
    "企业",
    "网上",
    "网络",
    "在线",
    "信函",
    "当面",
    "现场",
    "邮寄",
    "传真",
    "邮件",
    "同比",
    "较",
    "比上年",
    "比去年",
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "去年",
    "平均",
    "人次",
    "涉及",
    "占",
];
/// Once one of these appears in a segment, what follows up to 「；」 or 「。」 is a breakdown.
const BREAKDOWN_MARKERS: &[&str] = &["其中", "分别"];

const RECEIVE_VERBS: &[&str] = &["收到", "新收", "受理", "接收", "接到", "收悉"];
/// Verbs of handling requests, and whether each says the handling was completed.
const HANDLE_VERBS: [(&str, bool); 4] = [
    ("办结", true),
    ("答复", true),
    ("办理", false),
    ("处理", false),
];
const NEGATIONS: &[&str] = &["未", "没有", "没", "未曾"];
const REVIEW_WORDS: &[&str] = &["复议"];
const SUIT_WORDS: &[&str] = &["诉讼", "起诉", "应诉"];

/// Requests that are not 政府信息公开申请, and handling that is not their final result.
const REQUEST_BLOCKERS: &[&str] = &[
    "信访",
    "举报",
    "投诉",
    "建议",
    "提案",
    "咨询",
    "留言",
    "来信",
    "来电",
    "问政",
    "诉求",
    "热线",
    "补正",
    "延期",
    "撤回",
    "案件",
    "事项",
    "业务",
    "审批",
    "不予",
    "予以",
    "无法",
    "部分",
    "其他",
    "逾期",
    "未",
    "正在",
    "办理中",
];
/// Results and steps of an appeal, and the agency acting as the review body (「收到行政复议申请」),
/// which table 四 does not count.
const APPEAL_BLOCKERS: &[&str] = &[
    "维持",
    "纠正",
    "其他结果",
    "尚未",
    "审结",
    "撤回",
    "驳回",
    "败诉",
    "胜诉",
    "确认违法",
    "终止",
    "收到",
    "受理",
    "办理",
    "审理",
    "办结",
    "答复",
];
/// Work on documents that is not their issue, repeal or count in force.
const DOCUMENT_BLOCKERS: &[&str] = &[
    "审查",
    "备案",
    "清理",
    "评估",
    "征求",
    "解读",
    "合法性",
    "公开",
    "报送",
    "规章",
];
/// What is not a decision of table 二: items, published notices, case files, applications.
const DECISION_BLOCKERS: &[&str] = &[
    "事项", "信息", "公示", "目录", "清单", "公开", "案卷", "评查", "听证", "申请", "受理", "网上",
    "办件",
];

/// The words of running text for the three columns of 规范性文件, by column id.
const DOCUMENT_COLUMN_WORDS: [(&str, &str); 3] = [
    ("issued", "制发"),
    ("repealed", "废止"),
    ("in_force", "现行有效"),
];

/// Chars between the end of the last of `needles` in `window` and the window's end.
fn gap_after(window: &str, needles: &[&str]) -> Option<usize> {
    needles
        .iter()
        .filter_map(|n| {
            window
                .rfind(n)
                .map(|at| window.get(at + n.len()..).unwrap_or("").chars().count())
        })
        .min()
}

/// 「收到…申请」: the verb, then 申请 before the number. Returns the gap after 申请.
fn new_requests_gap(window: &str) -> Option<usize> {
    let (at, verb) = RECEIVE_VERBS
        .iter()
        .filter_map(|v| window.rfind(v).map(|at| (at, *v)))
        .max_by_key(|(at, _)| *at)?;
    let before = window.get(..at).unwrap_or("");
    if NEGATIONS.iter().any(|n| before.ends_with(n)) {
        return None;
    }
    let rest = window.get(at + verb.len()..).unwrap_or("");
    if rest.chars().count() > MAX_REACH {
        return None;
    }
    gap_after(rest, &["申请"])
}

/// The one quantity that `window` (the clause's words since the previous number) names right
/// before a number, if it names exactly one. `said_before` is the sentence up to the number: a
/// bare 「办结75件」 counts requests only in a sentence about requests.
fn named_quantity(window: &str, said_before: &str) -> Option<Quantity> {
    if contains_any(window, PART_MARKERS) {
        return None;
    }
    let mut named: Vec<(Quantity, usize)> = Vec::new();
    if let Some(gap) = gap_after(window, REVIEW_WORDS) {
        named.push((Quantity::Review, gap));
    }
    if let Some(gap) = gap_after(window, SUIT_WORDS) {
        named.push((Quantity::Suits, gap));
    }
    if let Some(gap) = new_requests_gap(window) {
        named.push((Quantity::NewRequests, gap));
    }
    if said_before.contains("申请") {
        // The verb nearest the number says what was counted: 「受理并办结」 counts completions.
        if let Some((gap, completed)) = HANDLE_VERBS
            .iter()
            .filter_map(|(verb, completed)| Some((gap_after(window, &[verb])?, *completed)))
            .min_by_key(|(gap, _)| *gap)
        {
            named.push((Quantity::Handled { completed }, gap));
        }
    }
    if let Some(at) = window.rfind("结转") {
        let before = window.get(..at).unwrap_or("");
        let after = window.get(at + "结转".len()..).unwrap_or("");
        let from_last_year = ["上年", "上年度", "上一年", "上一年度"]
            .iter()
            .any(|w| before.ends_with(w));
        let into_next_year = ["下", "至下", "到下", "入下"]
            .iter()
            .any(|w| after.starts_with(w));
        let quantity = match (from_last_year, into_next_year) {
            (true, false) => Quantity::CarriedIn,
            (false, true) => Quantity::CarriedOut,
            // 「结转31件」 alone could be either.
            _ => return None,
        };
        named.push((quantity, after.chars().count()));
    }
    if let Some(document_gap) = gap_after(window, &["规范性文件"]) {
        let columns: Vec<(usize, usize)> = DOCUMENT_COLUMN_WORDS
            .iter()
            .filter_map(|(key, word)| {
                let column = ACTIVE_TRIPLE_COLUMNS.iter().position(|(k, _)| k == key)?;
                Some((column, gap_after(window, &[word])?))
            })
            .collect();
        match columns.as_slice() {
            [(column, gap)] => {
                named.push((
                    Quantity::NormativeDocuments(*column),
                    document_gap.min(*gap),
                ));
            }
            _ => return None,
        }
    }
    for id in [
        ActiveRowId::Licensing,
        ActiveRowId::Punishment,
        ActiveRowId::Enforcement,
    ] {
        if let Some(gap) = gap_after(window, &[format::active_row(id).1.label]) {
            named.push((Quantity::Decisions(id), gap));
        }
    }
    // 「结转下年度继续办理31件」: 办理 belongs to 结转.
    if named.iter().any(|(q, _)| *q == Quantity::CarriedOut) {
        named.retain(|(q, _)| !matches!(q, Quantity::Handled { .. }));
    }
    let [(quantity, gap)] = named.as_slice() else {
        return None;
    };
    if *gap > MAX_GAP {
        return None;
    }
    let blockers = match quantity {
        Quantity::NewRequests | Quantity::Handled { .. } => REQUEST_BLOCKERS,
        Quantity::CarriedIn | Quantity::CarriedOut => &[][..],
        Quantity::Review | Quantity::Suits => APPEAL_BLOCKERS,
        Quantity::NormativeDocuments(_) => DOCUMENT_BLOCKERS,
        Quantity::Decisions(_) => DECISION_BLOCKERS,
    };
    if contains_any(window, blockers) {
        return None;
    }
    // 「上年」 outside 「上年结转」 dates the number to last year.
    if *quantity != Quantity::CarriedIn && contains_any(window, &["上年", "上一年"]) {
        return None;
    }
    Some(*quantity)
}

/// What a table says for a quantity, with where it says it.
struct TableValue {
    value: u64,
    place_zh: String,
    place_en: String,
}

fn table_name(id: SectionId) -> &'static str {
    format::section(id).numeral.trim_end_matches('、')
}

fn request_total(report: &Report, role: RequestRowRole) -> Option<(u64, usize)> {
    let row = format::request_rows_with_role(role).next()?;
    let value = report
        .requests
        .0
        .get(row)?
        .get(REQUEST_TOTAL_COLUMN)
        .copied()
        .flatten()?;
    Some((value, row))
}

fn request_place(rows: &[usize]) -> (String, String) {
    let table = table_name(SectionId::Requests);
    let total_zh = REQUEST_COLUMNS[REQUEST_TOTAL_COLUMN].label;
    let total_en = REQUEST_COLUMN_LABELS_EN[REQUEST_TOTAL_COLUMN];
    let defs = rows.iter().filter_map(|r| REQUEST_ROWS.get(*r));
    let zh: Vec<String> = defs.clone().map(|d| format!("{}行", d.short)).collect();
    let en: Vec<String> = defs.map(|d| d.short_en()).collect();
    let row_word = if en.len() > 1 { "rows" } else { "row" };
    (
        format!("表{table}{}{total_zh}列", zh.join("+")),
        format!(
            "table {table} {row_word} {}, column {total_zh} ({total_en})",
            en.join(" + ")
        ),
    )
}

/// The table 四 groups under a header cell, and their totals' sum; None if any total is blank.
fn appeal_total(report: &Report, parent: &str) -> Option<TableValue> {
    let groups: Vec<usize> = APPEAL_GROUPS
        .iter()
        .enumerate()
        .filter(|(_, g)| g.parent == parent)
        .map(|(i, _)| i)
        .collect();
    let mut value: u64 = 0;
    for group in &groups {
        let total = report
            .appeals
            .0
            .get(*group)?
            .get(APPEAL_TOTAL_COLUMN)
            .copied()
            .flatten()?;
        value = value.checked_add(total)?;
    }
    let table = table_name(SectionId::Appeals);
    let total_zh = APPEAL_COLUMNS[APPEAL_TOTAL_COLUMN].label;
    let labels_zh: Vec<&str> = groups
        .iter()
        .filter_map(|g| APPEAL_GROUPS.get(*g).map(|d| d.label))
        .collect();
    let labels_en: Vec<&str> = groups
        .iter()
        .filter_map(|g| APPEAL_GROUP_LABELS_EN.get(*g).copied())
        .collect();
    let place_zh = match labels_zh.as_slice() {
        [only] if *only == parent => format!("表{table}{parent}{total_zh}"),
        _ => format!("表{table}{parent}（{}）{total_zh}", labels_zh.join("+")),
    };
    Some(TableValue {
        value,
        place_zh,
        place_en: format!("table {table}, {} ({parent}), total", labels_en.join(" + ")),
    })
}

fn active_value(report: &Report, id: ActiveRowId, column: usize) -> Option<TableValue> {
    let value = report.active.counts(id).get(column).copied().flatten()?;
    let (band, row) = format::active_row(id);
    let (column_key, column_label) = band.kind.columns().get(column).copied()?;
    let table = table_name(SectionId::Active);
    Some(TableValue {
        value,
        place_zh: format!("表{table}{}{column_label}", row.label),
        place_en: format!("table {table}, {} ({}), {column_key}", row.label, row.key),
    })
}

/// What the tables say for `quantity`, every accepted reading once (「一」 and 「一+二」 are the
/// same reading when 二 is 0); None when a cell it needs is blank.
fn table_values(report: &Report, quantity: Quantity) -> Option<Vec<TableValue>> {
    let mut values = readings(report, quantity)?;
    let mut seen = Vec::new();
    values.retain(|v| {
        let first = !seen.contains(&v.value);
        seen.push(v.value);
        first
    });
    Some(values)
}

fn readings(report: &Report, quantity: Quantity) -> Option<Vec<TableValue>> {
    let single = |role: RequestRowRole| -> Option<Vec<TableValue>> {
        let (value, row) = request_total(report, role)?;
        let (place_zh, place_en) = request_place(&[row]);
        Some(vec![TableValue {
            value,
            place_zh,
            place_en,
        }])
    };
    match quantity {
        Quantity::NewRequests => {
            let mut values = single(RequestRowRole::NewRequests)?;
            let (new, new_row) = request_total(report, RequestRowRole::NewRequests)?;
            if let Some((carried, carried_row)) = request_total(report, RequestRowRole::CarriedIn) {
                let (place_zh, place_en) = request_place(&[new_row, carried_row]);
                if let Some(value) = new.checked_add(carried) {
                    values.push(TableValue {
                        value,
                        place_zh,
                        place_en,
                    });
                }
            }
            Some(values)
        }
        Quantity::Handled { completed } => {
            let mut values = single(RequestRowRole::ResultsTotal)?;
            if !completed {
                let open = [RequestRowRole::NewRequests, RequestRowRole::CarriedIn]
                    .map(|role| request_total(report, role));
                if let [Some((new, new_row)), Some((carried, carried_row))] = open {
                    if let Some(value) = new.checked_add(carried) {
                        let (place_zh, place_en) = request_place(&[new_row, carried_row]);
                        values.push(TableValue {
                            value,
                            place_zh,
                            place_en,
                        });
                    }
                }
            }
            Some(values)
        }
        Quantity::CarriedIn => single(RequestRowRole::CarriedIn),
        Quantity::CarriedOut => single(RequestRowRole::CarriedOut),
        Quantity::Review => appeal_total(report, APPEAL_REVIEW_HEADER).map(|v| vec![v]),
        Quantity::Suits => appeal_total(report, APPEAL_SUIT_HEADER).map(|v| vec![v]),
        Quantity::NormativeDocuments(column) => {
            active_value(report, ActiveRowId::NormativeDocuments, column).map(|v| vec![v])
        }
        Quantity::Decisions(id) => active_value(report, id, 0).map(|v| vec![v]),
    }
}

/// Whether the text before a number names a year other than the report's: then the number is
/// about that year (「2022年收到申请50件」 in 五's review of last year).
fn names_other_year(chars: &[char], report_year: i32) -> bool {
    numbers::stated_years(chars)
        .iter()
        .any(|y| y.value != report_year)
}

/// 「未收到…申请」, 「没有收到依申请公开…」: the clause says no requests were received. Only
/// words that leave the object unchanged may stand between the verb and 申请, so that
/// 「未收到行政复议申请」 or 「未收到其他申请」 do not count.
fn claims_no_requests(clause: &str) -> bool {
    const FILLERS: &[&str] = &[
        "政府信息公开",
        "政务信息公开",
        "信息公开",
        "政务公开",
        "政府信息",
        "公民、法人或者其他组织",
        "公民、法人和其他组织",
        "任何",
        "相关",
        "有关",
        "各类",
        "提出的",
        "提交的",
        "一件",
        "的",
        "过",
    ];
    if contains_any(clause, REVIEW_WORDS) || contains_any(clause, SUIT_WORDS) {
        return false;
    }
    RECEIVE_VERBS.iter().any(|verb| {
        clause.match_indices(verb).any(|(at, _)| {
            let before = clause.get(..at).unwrap_or("");
            if !NEGATIONS.iter().any(|n| before.ends_with(n)) {
                return false;
            }
            let mut rest = clause.get(at + verb.len()..).unwrap_or("");
            while let Some(filler) = FILLERS.iter().find(|f| rest.starts_with(*f)) {
                rest = rest.get(filler.len()..).unwrap_or("");
            }
            // 「未收到依申请公开来信」 (西咸新区底张街道 2023) names the requests by 依申请.
            rest.starts_with("申请") || rest.starts_with("依申请")
        })
    })
}

fn check_stated_numbers(report: &Report, findings: &mut Vec<Finding>) {
    let year = report.meta.year;
    for def in &format::SECTIONS {
        let chars = compact(report.sections.get(def.id));
        let place = Place::Section(def.id);
        for Clause {
            sentence,
            segment,
            clause,
        } in clauses(&chars)
        {
            let in_breakdown =
                |at: usize| contains_any(&text_of(&chars, segment.start..at), BREAKDOWN_MARKERS);
            let clause_text = text_of(&chars, clause.clone());
            if claims_no_requests(&clause_text)
                && !in_breakdown(clause.end)
                && !names_other_year(slice(&chars, sentence.start..clause.end), year)
            {
                if let Some((new, row)) = request_total(report, RequestRowRole::NewRequests) {
                    if new > 0 {
                        let quoted = snippet(&chars, clause.start, clause.end);
                        findings.push(no_requests_claim(&quoted, None, new, row, place.clone()));
                    }
                }
            }
            let mut from = clause.start;
            for number in numbers::stated_numbers(slice(&chars, clause.clone()), '件') {
                let start = clause.start + number.start;
                let end = clause.start + number.end;
                let window = text_of(&chars, from..start);
                from = end;
                if !number.exact
                    || in_breakdown(start)
                    || names_other_year(slice(&chars, sentence.start..start), year)
                {
                    continue;
                }
                let said_before = text_of(&chars, sentence.start..start);
                let Some(quantity) = named_quantity(&window, &said_before) else {
                    continue;
                };
                let Some(values) = table_values(report, quantity) else {
                    continue;
                };
                let stated = number.value;
                if values.iter().any(|v| v.value == stated) {
                    continue;
                }
                let quoted = snippet(&chars, clause.start, end);
                if quantity == Quantity::NewRequests {
                    // Saying 0 against a table with requests, or some against a table with none,
                    // is the claim rule's case: one finding per sentence, not two.
                    if let Some((new, row)) = request_total(report, RequestRowRole::NewRequests) {
                        if (stated == 0) != (new == 0) {
                            findings.push(no_requests_claim(
                                &quoted,
                                Some(stated),
                                new,
                                row,
                                place.clone(),
                            ));
                            continue;
                        }
                    }
                }
                findings.push(numbers_finding(&quoted, stated, &values, place.clone()));
            }
        }
    }
}

fn numbers_finding(quoted: &str, stated: u64, values: &[TableValue], place: Place) -> Finding {
    let zh: Vec<String> = values
        .iter()
        .map(|v| format!("{}为{}", v.place_zh, v.value))
        .collect();
    let en: Vec<String> = values
        .iter()
        .map(|v| format!("{} has {}", v.place_en, v.value))
        .collect();
    Finding {
        rule: NUMBERS,
        severity: Severity::Warning,
        place,
        message_zh: format!(
            "正文「{quoted}」写的是{stated}件，与表格不符：{}",
            zh.join("，")
        ),
        message_en: format!(
            "The text 「{quoted}」 states {stated}, which disagrees with the tables: {}",
            en.join("; ")
        ),
        basis: Basis::Derived,
    }
}

/// `stated` is the number the text gives, or None for a claim in words (「未收到…申请」).
fn no_requests_claim(
    quoted: &str,
    stated: Option<u64>,
    new: u64,
    row: usize,
    place: Place,
) -> Finding {
    let (table_zh, table_en) = request_place(&[row]);
    let (message_zh, message_en) = if stated.is_some_and(|n| n > 0) {
        (
            format!("正文「{quoted}」称收到了政府信息公开申请，但{table_zh}为{new}"),
            format!(
                "The text 「{quoted}」 says requests for information were received, but {table_en} has {new}"
            ),
        )
    } else {
        (
            format!("正文「{quoted}」称未收到政府信息公开申请，但{table_zh}为{new}"),
            format!(
                "The text 「{quoted}」 says no requests for information were received, but {table_en} has {new}"
            ),
        )
    };
    Finding {
        rule: NO_REQUESTS_CLAIM,
        severity: Severity::Warning,
        place,
        message_zh,
        message_en,
        basis: Basis::Derived,
    }
}

// ---------------------------------------------------------------------------------------------
// T-year
// ---------------------------------------------------------------------------------------------
//
// A report is about one year, so the years its text names sit close to it: the year itself,
// last year (「上年度问题改进情况」), next year (「2024年，将重点做好…」). A year two or more away
// is worth a look — a paragraph copied from an old report — unless the words around it show it is
// history or a target: 「自2019年以来」, 「2019年5月15日施行」, 「设立于1986年3月」, 「到2035年」,
// a range 「2021—2025年」, a title in 《》. Three narrower checks catch near years too: the
// statistics period must name the report year; next year's plans (「2022年，将继续…」) must not be
// dated last year or earlier; and a title must not name another year.

/// Words before a year that make it history, a target or the end of a range.
const YEAR_HISTORY_BEFORE: &[&str] = &[
    "自", "从", "于", "早在", "始于", "到", "至", "-", "—", "～", "~", "－",
];
/// Words soon after a year (in its clause) that make it history, a target or a range start.
const YEAR_HISTORY_AFTER: &[&str] = &[
    "以来", "至今", "起", "开始", "施行", "实施", "颁布", "修订", "修正", "印发", "出台", "成立",
    "设立", "建立", "组建", "以前", "之前", "前", "版", "目标", "远景", "规划", "至", "到", "-",
    "—", "～", "~", "－",
];
/// How far after 「年」 the words of [`YEAR_HISTORY_AFTER`] are looked for.
const YEAR_HISTORY_REACH: usize = 12;
/// Sentences that state the statistics period: their years must be the report year.
const PERIOD_MARKERS: &[&str] = &[
    "数据核定",
    "统计期限",
    "统计时限",
    "统计时间",
    "统计期间",
    "统计周期",
];
/// 「将」 followed by one of these is a plan: 「将继续」, 「将进一步」, 「将重点做好」.
const PLAN_ADVERBS: &[&str] = &[
    "继续",
    "进一步",
    "重点",
    "着力",
    "持续",
    "加大",
    "不断",
    "全面",
    "深入",
    "切实",
    "围绕",
    "严格",
    "积极",
    "认真",
    "努力",
];
/// Words between the year and 「将」 that quote a plan made earlier rather than make one.
const PLAN_RECALLED: &[&str] = &["报告", "年报", "提出", "指出", "要求", "明确", "计划"];
/// How many chars may stand between 「年，」 and 「将」: a subject such as 「我街道」.
const PLAN_SUBJECT_CHARS: usize = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearProblem {
    Period,
    Plans,
    Distant,
}

/// 「2022年，我局将继续…」: the words right after the year are next year's plans.
fn dates_plans(after_year: &[char]) -> bool {
    let mut rest = after_year;
    if rest.first() == Some(&'度') {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    if matches!(rest.first(), Some('，' | ',')) {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    let Some(will) = rest
        .iter()
        .take(PLAN_SUBJECT_CHARS + 1)
        .position(|c| *c == '将')
    else {
        return false;
    };
    let subject: String = rest.get(..will).unwrap_or(&[]).iter().collect();
    // 「2022年报告中提出将进一步…」 recalls last year's plan; it does not make one.
    if subject.chars().any(|c| !c.is_alphanumeric()) || contains_any(&subject, PLAN_RECALLED) {
        return false;
    }
    let plan: String = rest.get(will + 1..).unwrap_or(&[]).iter().collect();
    PLAN_ADVERBS.iter().any(|a| plan.starts_with(a))
}

fn year_problem(
    chars: &[char],
    at: &Clause,
    year: &StatedYear,
    report_year: i32,
) -> Option<YearProblem> {
    let sentence = text_of(chars, at.sentence.clone());
    if contains_any(&sentence, PERIOD_MARKERS) {
        return (year.value != report_year).then_some(YearProblem::Period);
    }
    let before_in_sentence = text_of(chars, at.sentence.start..year.start);
    if before_in_sentence
        .rfind('《')
        .map(|i| i as isize)
        .unwrap_or(-1)
        > before_in_sentence
            .rfind('》')
            .map(|i| i as isize)
            .unwrap_or(-1)
    {
        return None;
    }
    if year.value < report_year && dates_plans(slice(chars, year.end..at.sentence.end)) {
        return Some(YearProblem::Plans);
    }
    let distant =
        year.value <= report_year.saturating_sub(2) || year.value >= report_year.saturating_add(2);
    if !distant {
        return None;
    }
    let before = text_of(chars, at.clause.start..year.start);
    let after_end = at.clause.end.min(year.end + YEAR_HISTORY_REACH);
    let after = text_of(chars, year.end..after_end);
    if YEAR_HISTORY_BEFORE.iter().any(|w| before.ends_with(w))
        || contains_any(&after, YEAR_HISTORY_AFTER)
    {
        return None;
    }
    Some(YearProblem::Distant)
}

fn check_years(report: &Report, findings: &mut Vec<Finding>) {
    let report_year = report.meta.year;
    check_title_year(report, findings);
    for def in &format::SECTIONS {
        let chars = compact(report.sections.get(def.id));
        // A copied paragraph repeats its year; one finding per year and section is enough.
        let mut reported: Vec<i32> = Vec::new();
        for at in clauses(&chars) {
            for found in numbers::stated_years(slice(&chars, at.clause.clone())) {
                let year = StatedYear {
                    start: at.clause.start + found.start,
                    end: at.clause.start + found.end,
                    value: found.value,
                };
                if reported.contains(&year.value) {
                    continue;
                }
                let Some(problem) = year_problem(&chars, &at, &year, report_year) else {
                    continue;
                };
                reported.push(year.value);
                let quote_end = at.clause.end.min(year.end + YEAR_HISTORY_REACH);
                let quoted = snippet(&chars, at.clause.start, quote_end);
                let y = year.value;
                let next = report_year.saturating_add(1);
                let (message_zh, message_en) = match problem {
                    YearProblem::Period => (
                        format!("统计期限「{quoted}」写的是{y}年，报告年度为{report_year}年"),
                        format!(
                            "The statistics period 「{quoted}」 names {y}, but the report is on {report_year}"
                        ),
                    ),
                    YearProblem::Plans => (
                        format!(
                            "「{quoted}」把下一步工作写在{y}年，报告年度为{report_year}年，计划应写{next}年"
                        ),
                        format!(
                            "「{quoted}」 dates plans to {y}, but the report is on {report_year}: next year's plans belong to {next}"
                        ),
                    ),
                    YearProblem::Distant => (
                        format!("正文「{quoted}」提到{y}年，报告年度为{report_year}年，请核对年份"),
                        format!(
                            "The text 「{quoted}」 names {y}, but the report is on {report_year}: check the year"
                        ),
                    ),
                };
                findings.push(Finding {
                    rule: YEAR,
                    severity: Severity::Info,
                    place: Place::Section(def.id),
                    message_zh,
                    message_en,
                    basis: Basis::Practice("年度报告所列数据的统计期限为本年度1月1日至12月31日"),
                });
            }
        }
    }
}

/// The title names one year, the report's; any other year there is a slip.
fn check_title_year(report: &Report, findings: &mut Vec<Finding>) {
    let report_year = report.meta.year;
    let title = compact(&report.meta.title);
    let mut reported: Vec<i32> = Vec::new();
    for year in numbers::stated_years(&title) {
        if year.value == report_year || reported.contains(&year.value) {
            continue;
        }
        reported.push(year.value);
        let y = year.value;
        let shown = report.meta.title.trim();
        findings.push(Finding {
            rule: YEAR,
            severity: Severity::Info,
            place: Place::Meta("title"),
            message_zh: format!("标题「{shown}」写的是{y}年，报告年度为{report_year}年"),
            message_en: format!(
                "The title 「{shown}」 names {y}, but the report is on {report_year}"
            ),
            basis: Basis::Practice("「<机关><年度>年政府信息公开工作年度报告」"),
        });
    }
}
