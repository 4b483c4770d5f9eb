//! What the text states about the tables: every number a clause plainly names a table quantity
//! for, with the cells that quantity sums. T-numbers and T-no-requests-claim are read off it, and
//! the corpus measure (`examples/corpus.rs`) counts it against the keys.
//!
//! Reading hand-written prose, precision comes first: a number is taken only when the words
//! right before it name one quantity of the tables (or a part of one that names another: 「其中
//! 自然人申请24件」), and a number that is a part, a change, a rough figure or about another year
//! is left alone. Every quantity is a set of readings (「收到申请N件」 is written for row 一 and
//! for 一 + 二), each a sum of cells; a statement agrees when one reading gives its number.

use super::numbers;
use super::{
    contains_any, rfind_word, section_texts, slice, snippet, text_of, Clause, SectionText,
};
use crate::format::{
    self, ActiveRowId, RequestRowRole, SectionId, ACTIVE_TRIPLE_COLUMNS, APPEAL_TOTAL_COLUMN,
    REQUEST_COLUMNS, REQUEST_ROWS, REQUEST_TOTAL_COLUMN,
};
use crate::model::{Place, Report};

/// A number the text states about the tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedQuantity {
    pub section: SectionId,
    /// The clause up to and with the number, as the messages quote it.
    pub quote: String,
    pub stated: Stated,
    /// The unit the count is written with (「61起」: 起), for the messages to say it back; 件 for
    /// a share.
    pub unit: char,
    /// The sums of cells the words may mean; the statement agrees when one of them gives it.
    pub readings: Vec<Reading>,
    /// The number is 「收到…申请」's (row 一): saying 0 against a table with requests is
    /// T-no-requests-claim's case.
    pub new_requests: bool,
}

/// A number as the text writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stated {
    Count(u64),
    /// 「17.46%」: hundredths of a percent as written, with the decimals written (0–2).
    Share {
        scaled: u64,
        decimals: u32,
    },
}

impl Stated {
    pub fn shown(self) -> String {
        match self {
            Stated::Count(n) => n.to_string(),
            Stated::Share { scaled, decimals } => percent_text(scaled, decimals),
        }
    }
}

fn percent_text(scaled: u64, decimals: u32) -> String {
    let unit = 10u64.pow(decimals);
    match decimals {
        0 => format!("{scaled}%"),
        d => format!(
            "{}.{:0width$}%",
            scaled / unit,
            scaled % unit,
            width = d as usize
        ),
    }
}

/// A sum of cells, or a share: one sum over another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub cells: Vec<Place>,
    /// The denominator of a share.
    pub of: Option<Vec<Place>>,
}

impl Reading {
    fn sum(cells: Vec<Place>) -> Reading {
        Reading { cells, of: None }
    }

    /// The cells as ids: 「requests/1/total+requests/2/total」, a share 「…÷requests/3.7/total」.
    pub fn place(&self) -> String {
        let ids = |cells: &[Place]| -> String {
            let mut ids: Vec<String> = cells.iter().map(Place::id).collect();
            ids.sort();
            ids.join("+")
        };
        match &self.of {
            Some(of) => format!("{}÷{}", ids(&self.cells), ids(of)),
            None => ids(&self.cells),
        }
    }

    /// What the tables give, in the statement's terms; None when a cell is blank (or a share's
    /// denominator is 0).
    pub fn value(&self, report: &Report, stated: Stated) -> Option<Stated> {
        let top = sum(report, &self.cells)?;
        match (&self.of, stated) {
            (None, _) => Some(Stated::Count(top)),
            (Some(of), Stated::Share { decimals, .. }) => {
                let bottom = sum(report, of).filter(|b| *b > 0)?;
                let unit = 100 * 10u64.pow(decimals);
                // Rounded half up, as reports print shares.
                let scaled = (top.checked_mul(unit)?.checked_mul(2)? + bottom) / (2 * bottom);
                Some(Stated::Share { scaled, decimals })
            }
            (Some(_), Stated::Count(_)) => None,
        }
    }

    /// Whether the tables give `stated`: a count exactly, a share to the last digit written
    /// (rounded or cut, as reports do both).
    fn gives(&self, report: &Report, stated: Stated) -> Option<bool> {
        match (stated, &self.of) {
            (Stated::Count(n), None) => Some(sum(report, &self.cells)? == n),
            (Stated::Share { scaled, decimals }, Some(of)) => {
                let top = u128::from(sum(report, &self.cells)?);
                let bottom = u128::from(sum(report, of).filter(|b| *b > 0)?);
                let unit = 100 * 10u128.pow(decimals);
                // |top/bottom·unit − scaled| < 1, in integers.
                let exact = top * unit;
                let written = u128::from(scaled) * bottom;
                Some(exact.abs_diff(written) < bottom)
            }
            _ => None,
        }
    }
}

fn sum(report: &Report, cells: &[Place]) -> Option<u64> {
    cells.iter().try_fold(0u64, |total, place| {
        let value = match report.cell(place)? {
            crate::model::CellValue::Count(Some(n)) => n,
            _ => return None,
        };
        total.checked_add(value)
    })
}

impl StatedQuantity {
    /// Some(true) when a reading gives the number, Some(false) when every reading gives another,
    /// None when a cell it needs is blank.
    pub fn agrees(&self, report: &Report) -> Option<bool> {
        let mut any_known = false;
        for reading in &self.readings {
            match reading.gives(report, self.stated) {
                Some(true) => return Some(true),
                Some(false) => any_known = true,
                None => return None,
            }
        }
        any_known.then_some(false)
    }
}

// ---------------------------------------------------------------------------------------------
// The quantities and the words that name them
// ---------------------------------------------------------------------------------------------

/// A quantity of the tables that the text names in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    /// 「收到/新收/受理…申请N件」: row 一, or 一 + 二 (「收到」 is written both ways).
    NewRequests,
    /// 「本年新收N件」: row 一 alone.
    NewThisYear,
    /// 「上年结转N件」: row 二.
    CarriedIn,
    /// 「结转下年度（继续办理）N件」: row 四.
    CarriedOut,
    /// 「办结/答复N件」 in a sentence about requests: row 三(七). 「办理/处理N件」 may also count
    /// the applications still open (一 + 二), so that reading is accepted too.
    Handled { completed: bool },
    /// 「予以公开N件」, 「不予公开N件」, 「本机关不掌握相关政府信息的N件」: rows of 三's results
    /// (an entry of [`RESULT_NAMES`]), in the 总计 column.
    Results(usize),
    /// 「自然人申请N件」: the received requests of applicant columns (an entry of
    /// [`APPLICANT_NAMES`]).
    Applicants(usize),
    /// 「行政复议N件」: table 四, 行政复议 total.
    Review,
    /// 「行政诉讼N件」: both 行政诉讼 groups' totals together.
    Suits,
    /// 「行政复议、行政诉讼N件」: the two together, table 四's three totals.
    Appeals,
    /// 「直接起诉N件」 / 「复议后起诉N件」: one 行政诉讼 group's total, by group index.
    SuitGroup(usize),
    /// 「其中结果维持N件」 after 复议 or 诉讼: that column of the review, or of both suit groups.
    AppealResult { suits: bool, column: usize },
    /// 「制发/废止/现行有效…规范性文件（规章）N件」.
    Documents { row: ActiveRowId, column: usize },
    /// 「行政许可/行政处罚/行政强制N件」.
    Decisions(ActiveRowId),
}

impl Quantity {
    /// The quantities this one is a part of, or names more exactly: when both are named before a
    /// number, this one is meant (「收到自然人申请24件」, 「其中结果维持72件」).
    fn refines(self, other: Quantity) -> bool {
        use Quantity::*;
        match self {
            Applicants(_) | Results(_) => {
                matches!(other, NewRequests | Handled { .. })
            }
            AppealResult { .. } => matches!(other, Review | Suits | SuitGroup(_)),
            SuitGroup(_) | Appeals => matches!(other, Review | Suits),
            CarriedOut => matches!(other, Handled { .. }),
            CarriedIn | NewThisYear => matches!(other, NewRequests),
            _ => false,
        }
    }

    /// Parts of a total that a breakdown (「其中…」「分别…」) may state.
    fn is_part(self) -> bool {
        matches!(
            self,
            Quantity::Results(_)
                | Quantity::Applicants(_)
                | Quantity::AppealResult { .. }
                | Quantity::SuitGroup(_)
                | Quantity::CarriedIn
                | Quantity::NewThisYear
        )
    }
}

/// Results of table 三: the rows (or categories) each sums, with the words reports use for it
/// besides the format's own label (which [`result_label`] gives).
const RESULT_NAMES: [(&[&str], &[&str]); 25] = [
    (
        &[
            "予以公开及部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
            "全部或部分公开",
            "全部公开和部分公开",
        ],
        &["3.1", "3.2"],
    ),
    (&["同意公开", "全部公开"], &["3.1"]),
    (&[], &["3.2"]),
    (&[], &["3.3"]),
    (&[], &["3.4"]),
    (&[], &["3.5"]),
    (&[], &["3.6"]),
    (&["涉及国家秘密"], &["3.3.1"]),
    (&[], &["3.3.2"]),
    (&["三安全一稳定"], &["3.3.3"]),
    (&["第三方合法权益"], &["3.3.4"]),
    (&["三类内部事务信息"], &["3.3.5"]),
    (&["四类过程性信息"], &["3.3.6"]),
    (&["行政执法案卷"], &["3.3.7"]),
    (&["行政查询事项"], &["3.3.8"]),
    (&["不掌握相关政府信息", "信息不存在"], &["3.4.1"]),
    (&["需要另行制作"], &["3.4.2"]),
    (&["补正后仍不明确"], &["3.4.3"]),
    (&["信访举报投诉"], &["3.5.1"]),
    (&[], &["3.5.2"]),
    (&[], &["3.5.3"]),
    (&[], &["3.5.4"]),
    (&["确认或重新出具"], &["3.5.5"]),
    (&["逾期不补正", "逾期未补正"], &["3.6.1"]),
    // 「予以公开172件，部分公开66件，不予公开等其他类型164件」: every result but those two.
    (
        &["不予公开等其他类型", "不予公开等其他情形", "不予公开等其他"],
        &["3.3", "3.4", "3.5", "3.6"],
    ),
];

/// Applicants of table 三: their column keys, with the words reports use besides the format's
/// labels (which [`applicant_label`] gives).
const APPLICANT_NAMES: [(&[&str], &[&str]); 6] = [
    (&["公民"], &["natural"]),
    (
        &[
            "法人和其他组织",
            "法人及其他组织",
            "法人或者其他组织",
            "法人",
        ],
        &["commercial", "research", "nonprofit", "legal", "other"],
    ),
    (&["企业"], &["commercial"]),
    (&[], &["research"]),
    (&[], &["nonprofit"]),
    (&[], &["legal"]),
];

/// The results of an appeal (table 四's columns), with the words reports use besides the labels.
const APPEAL_RESULT_NAMES: [(&[&str], usize); 4] = [
    (&["维持"], 0),
    (&["纠正", "纠错"], 1),
    (&[], 2),
    (&["未审结"], 3),
];

/// The two 行政诉讼 groups, with the words reports use besides the labels.
const SUIT_GROUP_NAMES: [(&[&str], usize); 2] =
    [(&["直接起诉", "直接向法院起诉"], 1), (&["经复议后起诉"], 2)];

/// A label of the format without its numbering and its note: 「1.属于国家秘密」 → 「属于国家秘密」,
/// 「（二）部分公开（区分处理的，…）」 → 「部分公开」.
fn bare_label(label: &'static str) -> &'static str {
    let mut rest = label;
    if let Some(after) = rest.strip_prefix('（').and_then(|r| r.split_once('）')) {
        rest = after.1;
    } else if let Some((number, after)) = rest.split_once('.') {
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
            rest = after;
        }
    }
    rest.split('（').next().unwrap_or(rest)
}

/// The format's own label for a result name's rows (its row or its category), if it names one.
fn result_label(keys: &[&str]) -> Option<&'static str> {
    let [key] = keys else {
        return None;
    };
    format::request_row_index(key)
        .and_then(|row| REQUEST_ROWS.get(row))
        .map(|row| row.label)
        .or_else(|| {
            format::RESULT_CATEGORIES
                .iter()
                .find(|c| c.key == *key)
                .map(|c| c.label)
        })
        .map(bare_label)
}

/// The format's own label for an applicant name's columns.
fn applicant_label(keys: &[&str]) -> Option<&'static str> {
    match keys {
        [key] => REQUEST_COLUMNS
            .iter()
            .find(|c| c.key == *key)
            .map(|c| c.label),
        _ => Some(format::REQUEST_ORGANISATION_HEADER),
    }
}

/// A name's words: the format's label, if any, and the others.
fn words_of(label: Option<&'static str>, others: &[&'static str]) -> Vec<&'static str> {
    label.into_iter().chain(others.iter().copied()).collect()
}

/// The words of running text for the three columns of 规章 and 规范性文件, by column id.
const DOCUMENT_COLUMN_WORDS: [(&[&str], &str); 3] = [
    (
        &[
            "制发",
            "印发",
            "出台",
            "制定",
            "发布",
            "新增",
            "新制发",
            "新出台",
            "新公布",
        ],
        "issued",
    ),
    (&["废止", "宣布失效"], "repealed"),
    (&["现行有效", "现有"], "in_force"),
];

/// The column of table 二's document rows that a column id of [`DOCUMENT_COLUMN_WORDS`] is.
fn document_column(key: &str) -> Option<usize> {
    ACTIVE_TRIPLE_COLUMNS.iter().position(|(k, _)| *k == key)
}

/// Words for what is carried into next year (row 四) and from last year (row 二).
const CARRY_OUT_WORDS: &[&str] = &[
    "结转下",
    "结转至下",
    "结转到下",
    "结转入下",
    "转结下",
    "转下一年",
    "转下年",
    "转入下",
    "顺延到下",
    "顺延至下",
];
const CARRY_IN_WORDS: &[&str] = &[
    "上年结转",
    "结转上年",
    "上年度结转",
    "上一年结转",
    "上一年度结转",
    "上年度转结",
];

/// The units a count is written with: 件 for everything, 条 and 份 for applications (「收到
/// 申请8条」, 「收到1份依申请公开」), 份 and 个 for documents, 起 and 宗 for cases (「被申请
/// 行政复议1起」, 「行政诉讼2宗」); 条 counts items of information as well, 个 days and people,
/// and 起 and 宗 any incident, so they are read for those quantities only.
const COUNT_UNITS: [char; 6] = ['件', '个', '条', '份', '起', '宗'];

fn unit_counts(unit: char, quantity: Quantity) -> bool {
    let requests = matches!(
        quantity,
        Quantity::NewRequests
            | Quantity::NewThisYear
            | Quantity::CarriedIn
            | Quantity::CarriedOut
            | Quantity::Handled { .. }
            | Quantity::Results(_)
            | Quantity::Applicants(_)
    );
    let documents = matches!(quantity, Quantity::Documents { .. });
    let cases = matches!(
        quantity,
        Quantity::Review
            | Quantity::Suits
            | Quantity::Appeals
            | Quantity::SuitGroup(_)
            | Quantity::AppealResult { .. }
    );
    match unit {
        '件' => true,
        '个' => documents,
        '条' => requests,
        '份' => requests || documents || matches!(quantity, Quantity::Decisions(_)),
        '起' | '宗' => cases,
        _ => false,
    }
}

/// Words of which one at least is in the words before or after any number a quantity of the
/// tables is named for: a number without any is passed over at once.
const NAMING_WORDS: &[&str] = &[
    "申请",
    "复议",
    "诉讼",
    "起诉",
    "公开",
    "提供",
    "处理",
    "结转",
    "转结",
    "顺延",
    "转入",
    "转下",
    "文件",
    "规章",
    "许可",
    "处罚",
    "强制",
    "新收",
    "自然人",
    "公民",
    "法人",
    "企业",
    "机构",
    "组织",
    "维持",
    "纠正",
    "纠错",
    "结果",
    "审结",
    "办结",
    "答复",
    "办理",
    "受理",
    "收到",
    "接收",
    "接到",
    "收悉",
    "秘密",
    "权益",
    "信息",
    "案卷",
    "事项",
    "制作",
    "明确",
    "信访",
    "出版物",
    "出具",
    "补正",
    "逾期",
    "不掌握",
    "有效",
    "废止",
    "制发",
    "印发",
    "出台",
    "制定",
    "发布",
    "公布",
    "新增",
];

/// Longest run of words between the naming keyword and its number (「共收到依申请信息公开26件」:
/// 7). Further away, the number usually belongs to something else the clause mentions.
const MAX_GAP: usize = 16;
/// Longest run between 「收到」 and the number, 「申请」 included.
const MAX_REACH: usize = 24;

/// Words that make a number a part, a share or a change rather than the quantity itself.
const PART_MARKERS: &[&str] = &[
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
/// 涉及 with the appeals themselves, or with the subject of all of them, right before a number:
/// 「涉及政府信息公开的行政复议3件」, 「依申请公开事项涉及行政复议20件」 count every appeal of
/// table 四.
const APPEALS_INVOLVING: [&str; 4] = ["涉及", "涉及的", "涉及政府信息公开的", "涉及信息公开的"];

/// The two kinds of appeal named as one list.
const APPEALS_TOGETHER: [&str; 3] = [
    "行政复议、行政诉讼",
    "行政复议和行政诉讼",
    "行政复议及行政诉讼",
];

/// `window` in two, around a list of channels with 等 (「通过线上、信函等渠道」): such a list
/// names every channel, no part. Without one, all of `window` is the second.
fn around_every_channel(window: &str) -> (&str, &str) {
    let end = ["等渠道", "等方式", "等途径"]
        .iter()
        .filter_map(|w| window.rfind(w).map(|at| at + w.len()))
        .max();
    match end.and_then(|end| Some((window.get(..end)?.rfind("通过")?, end))) {
        Some((start, end)) => (&window[..start], &window[end..]),
        None => ("", window),
    }
}

/// Whether a part marker is in `window`, but for a list of every channel.
fn marks_a_part(window: &str) -> bool {
    let (before, after) = around_every_channel(window);
    contains_any(before, PART_MARKERS) || contains_any(after, PART_MARKERS)
}

/// Once one of these appears in a segment, what follows up to 「；」 or 「。」 is a breakdown: only
/// the parts of a total are read there.
const BREAKDOWN_MARKERS: &[&str] = &["其中", "分别"];

/// Words that show a sentence is about requests for information and how they were handled.
const REQUEST_CONTEXT: &[&str] = &["申请", "处理结果", "办理结果", "答复"];

/// What a count of requests is followed by when the sentence has not named them before it.
const REQUESTS_NAMED_AFTER: &[&str] =
    &["依申请公开", "政府信息公开申请", "信息公开申请", "公开申请"];

pub(super) const RECEIVE_VERBS: &[&str] = &["收到", "新收", "受理", "接收", "接到", "收悉"];
/// Verbs of handling requests, and whether each says the handling was completed.
const HANDLE_VERBS: [(&str, bool); 4] = [
    ("办结", true),
    ("答复", true),
    ("办理", false),
    ("处理", false),
];
pub(super) const NEGATIONS: &[&str] = &["未", "没有", "没", "未曾"];
pub(super) const REVIEW_WORDS: &[&str] = &["复议"];
pub(super) const SUIT_WORDS: &[&str] = &["诉讼", "起诉", "应诉"];

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
    "无法",
    "部分",
    "其他",
    "逾期",
    "未",
    "正在",
    "办理中",
];
/// Steps of an appeal, and the agency acting as the review body (「收到行政复议申请」), which
/// table 四 does not count.
const APPEAL_BLOCKERS: &[&str] = &[
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
/// Work on documents that is not their issue, repeal or count in force, and documents issued in
/// another body's name too (「以市政府或市政府办公厅名义发布」).
const DOCUMENT_BLOCKERS: &[&str] = &[
    "审查",
    "备案",
    "清理",
    "评估",
    "征求",
    "解读",
    "合法性",
    "报送",
    "起草",
    "名义",
    "各类",
];
/// Reasons that in the 2021 format make a request 无法提供, written by older habit as 不予公开
/// (「非我局职能不予公开0件」, 「无相关统计数据不予公开0件」): which row they count in is unsure.
const RESULT_BLOCKERS: &[&str] = &["非我", "非本", "职能", "无相关", "不存在"];
/// What is not a decision of table 二: items, published notices, case files, applications.
const DECISION_BLOCKERS: &[&str] = &[
    "事项", "信息", "公示", "目录", "清单", "公开", "案卷", "评查", "听证", "申请", "受理", "网上",
    "办件",
];

/// Chars between the end of the last of `needles` in `window` and the window's end, and the
/// length of the needle found there (the longest at the nearest end).
fn gap_after(window: &str, needles: &[&str]) -> Option<(usize, usize)> {
    needles
        .iter()
        .filter_map(|n| {
            rfind_word(window, n).map(|at| {
                let gap = window.get(at + n.len()..).unwrap_or("").chars().count();
                (gap, n.chars().count())
            })
        })
        .min_by_key(|(gap, len)| (*gap, usize::MAX - len))
}

/// 「收到…申请」: the verb, then 申请 before the number. Returns the gap after 申请.
fn new_requests_gap(window: &str) -> Option<usize> {
    let (at, verb) = RECEIVE_VERBS
        .iter()
        .filter_map(|v| rfind_word(window, v).map(|at| (at, *v)))
        .max_by_key(|(at, _)| *at)?;
    let before = window.get(..at).unwrap_or("");
    if NEGATIONS.iter().any(|n| before.ends_with(n)) {
        return None;
    }
    let rest = window.get(at + verb.len()..).unwrap_or("");
    if rest.chars().count() > MAX_REACH {
        return None;
    }
    gap_after(rest, &["申请"]).map(|(gap, _)| gap)
}

/// Which kind of appeal the sentence is about so far: the later of 复议 and 诉讼.
fn appeal_subject(said_before: &str) -> Option<bool> {
    let review = REVIEW_WORDS
        .iter()
        .filter_map(|w| rfind_word(said_before, w))
        .max();
    let suit = SUIT_WORDS
        .iter()
        .filter_map(|w| rfind_word(said_before, w))
        .max();
    match (review, suit) {
        (None, None) => None,
        (Some(_), None) => Some(false),
        (None, Some(_)) => Some(true),
        // 「复议后起诉」 names the suit.
        (Some(r), Some(s)) => Some(s > r),
    }
}

/// Every quantity `window` names before a number, with the gap to it and the length of the words
/// that named it. `said_before` is the sentence up to the number; `context` that with the
/// sentence before it (「…受理政府信息公开申请1295件。其中，予以公开…」).
fn names(window: &str, said_before: &str, context: &str) -> Vec<(Quantity, usize, usize)> {
    let mut named: Vec<(Quantity, usize, usize)> = Vec::new();
    let push = |named: &mut Vec<(Quantity, usize, usize)>,
                quantity: Quantity,
                found: Option<(usize, usize)>| {
        if let Some((gap, len)) = found {
            named.push((quantity, gap, len));
        }
    };
    push(
        &mut named,
        Quantity::Review,
        gap_after(window, REVIEW_WORDS),
    );
    push(&mut named, Quantity::Suits, gap_after(window, SUIT_WORDS));
    // 「因政府信息公开引起行政复议、行政诉讼0件」: one count of both; 「…各0件」 is one of each.
    if let Some((rest, words)) = APPEALS_TOGETHER
        .iter()
        .filter_map(|w| rfind_word(window, w).map(|at| (&window[at + w.len()..], w)))
        .min_by_key(|(rest, _)| rest.len())
    {
        if !contains_any(rest, &["各", "均", "分别"]) {
            named.push((
                Quantity::Appeals,
                rest.chars().count(),
                words.chars().count(),
            ));
        }
    }
    for (others, group) in SUIT_GROUP_NAMES {
        let label = format::APPEAL_GROUPS.get(group).map(|g| g.label);
        push(
            &mut named,
            Quantity::SuitGroup(group),
            gap_after(window, &words_of(label, others)),
        );
    }
    if let Some(suits) = appeal_subject(said_before) {
        for (others, column) in APPEAL_RESULT_NAMES {
            let label = format::APPEAL_COLUMNS.get(column).map(|c| c.label);
            push(
                &mut named,
                Quantity::AppealResult { suits, column },
                gap_after(window, &words_of(label, others)),
            );
        }
    }
    push(
        &mut named,
        Quantity::NewRequests,
        new_requests_gap(window).map(|gap| (gap, 2)),
    );
    let about_requests = contains_any(context, REQUEST_CONTEXT);
    if about_requests {
        // The verb nearest the number says what was counted: 「受理并办结」 counts completions.
        if let Some((gap, completed)) = HANDLE_VERBS
            .iter()
            .filter_map(|(verb, completed)| Some((gap_after(window, &[verb])?.0, *completed)))
            .min_by_key(|(gap, _)| *gap)
        {
            named.push((Quantity::Handled { completed }, gap, 2));
        }
        // 「不予公开等其他类型164件」 names more than the result.
        let grouped = |found: Option<(usize, usize)>| {
            found.filter(|(gap, _)| {
                let tail: String = window.chars().rev().take(*gap).collect();
                !tail.contains('等')
            })
        };
        for (index, (others, keys)) in RESULT_NAMES.iter().enumerate() {
            push(
                &mut named,
                Quantity::Results(index),
                grouped(gap_after(window, &words_of(result_label(keys), others))),
            );
        }
        // 「新收」 is this year's alone (row 一), also as a part of what was handled.
        if let Some((gap, _)) = gap_after(window, &["本年新收", "新收"]) {
            named.push((Quantity::NewThisYear, gap, 2));
        }
        // Applicants are parts of what was received; 「公民、法人提交的申请」 are all of them.
        let everyone = [
            "公民、法人",
            "公民和法人",
            "公民或法人",
            "公民及法人",
            "公民、",
        ]
        .iter()
        .any(|w| window.contains(w));
        // 「共答复…申请20件，其中自然人…19条」: the applicants of what was answered, too.
        let counted = contains_any(context, RECEIVE_VERBS)
            || HANDLE_VERBS.iter().any(|(v, _)| context.contains(v));
        if counted && !everyone {
            for (index, (others, keys)) in APPLICANT_NAMES.iter().enumerate() {
                push(
                    &mut named,
                    Quantity::Applicants(index),
                    gap_after(window, &words_of(applicant_label(keys), others)),
                );
            }
        }
    }
    // 「结转31件」 alone could be either way: only words that say which are read.
    push(
        &mut named,
        Quantity::CarriedOut,
        gap_after(window, CARRY_OUT_WORDS),
    );
    let carried_in = gap_after(window, CARRY_IN_WORDS).or_else(|| {
        // 「含2022年结转0件」: carried in from the year before.
        let at = rfind_word(window, "年结转")?;
        let digits = window
            .get(..at)?
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        (digits == 4).then(|| {
            let gap = window
                .get(at + "年结转".len()..)
                .unwrap_or("")
                .chars()
                .count();
            (gap, 3)
        })
    });
    push(&mut named, Quantity::CarriedIn, carried_in);
    // 「结转2024年度继续办理1件」.
    if let Some(at) = rfind_word(window, "结转") {
        let rest = window.get(at + "结转".len()..).unwrap_or("");
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 4 && rest.get(4..).is_some_and(|r| r.starts_with('年')) {
            named.push((Quantity::CarriedOut, rest.chars().count() - 4, 2));
        }
    }
    for (word, row) in [
        ("规范性文件", ActiveRowId::NormativeDocuments),
        ("规章", ActiveRowId::Regulations),
    ] {
        let Some((document_gap, _)) = gap_after(window, &[word]) else {
            continue;
        };
        let columns: Vec<(usize, usize)> = DOCUMENT_COLUMN_WORDS
            .iter()
            .filter_map(|(words, key)| Some((document_column(key)?, gap_after(window, words)?.0)))
            .collect();
        if let [(column, gap)] = columns.as_slice() {
            named.push((
                Quantity::Documents {
                    row,
                    column: *column,
                },
                document_gap.min(*gap),
                2,
            ));
        }
    }
    for id in [
        ActiveRowId::Licensing,
        ActiveRowId::Punishment,
        ActiveRowId::Enforcement,
    ] {
        push(
            &mut named,
            Quantity::Decisions(id),
            gap_after(window, &[format::active_row(id).1.label]),
        );
    }
    named
}

/// How a number's place in its segment bears on what it can be.
struct Setting<'a> {
    /// The sentence up to the number.
    said_before: &'a str,
    /// The sentence before, and this one up to the number.
    context: &'a str,
    /// After 「其中」: the number is a part of `whole` (the quantity read first in the segment);
    /// parts are read, and other totals, but not `whole` again.
    in_breakdown: bool,
    whole: Option<Quantity>,
}

/// The one quantity that `window` (the clause's words since the previous number) names right
/// before a number, if it names exactly one (a quantity and a part of it that refines it count as
/// the part; 「收到和办理…9件」 counts both ways).
fn named_quantity(window: &str, setting: &Setting) -> Option<Named> {
    let (before, after) = around_every_channel(window);
    let after = after.trim_end();
    // 「涉及政府信息公开的行政复议」 right before the number (or 「涉及的行政诉讼数为」) is what
    // table 四 counts: 涉及 marks no part there, as long as the appeals are what the words name.
    let counted = ["数量为", "数为", "数"]
        .iter()
        .find_map(|w| after.strip_suffix(w))
        .unwrap_or(after);
    let unmarked = ["行政复议", "行政诉讼"]
        .iter()
        .find_map(|appeals| counted.strip_suffix(appeals))
        .and_then(|rest| APPEALS_INVOLVING.iter().find_map(|w| rest.strip_suffix(w)))
        .unwrap_or(after);
    if contains_any(before, PART_MARKERS) || contains_any(unmarked, PART_MARKERS) {
        return None;
    }
    let appeals_involving = contains_any(after, PART_MARKERS);
    let named = names(window, setting.said_before, setting.context);
    // Within one family the words nearest the number, and the longest there, win:
    // 「予以公开及部分公开」 over 「部分公开」, 「复议后起诉」 over 「复议」.
    let best = |family: fn(&Quantity) -> bool| -> Option<(Quantity, usize)> {
        named
            .iter()
            .filter(|(q, _, _)| family(q))
            .min_by_key(|(_, gap, len)| (*gap, usize::MAX - len))
            .map(|(q, gap, _)| (*q, *gap))
    };
    let families: [fn(&Quantity) -> bool; 5] = [
        |q| matches!(q, Quantity::Results(_)),
        |q| matches!(q, Quantity::Applicants(_)),
        |q| matches!(q, Quantity::AppealResult { .. }),
        |q| matches!(q, Quantity::Documents { .. }),
        |q| {
            !matches!(
                q,
                Quantity::Results(_)
                    | Quantity::Applicants(_)
                    | Quantity::AppealResult { .. }
                    | Quantity::Documents { .. }
            )
        },
    ];
    let mut candidates: Vec<(Quantity, usize)> = Vec::new();
    // 「保护第三方合法权益不予公开1条」: the row named with its category is that row.
    let sub_row = |(category, gap): (Quantity, usize)| -> (Quantity, usize) {
        let Quantity::Results(index) = category else {
            return (category, gap);
        };
        // Only a category (「不予公开」) gives way to one of its rows; 「予以公开及部分公开」
        // does not to 「予以公开」.
        let is_category = RESULT_NAMES.get(index).is_some_and(|(_, keys)| {
            keys.len() == 1 && format::RESULT_CATEGORIES.iter().any(|c| c.key == keys[0])
        });
        if !is_category {
            return (category, gap);
        }
        let rows_of = |i: usize| result_rows(RESULT_NAMES.get(i).map_or(&[][..], |(_, k)| *k));
        let all = rows_of(index);
        named
            .iter()
            .filter_map(|(q, _, _)| match q {
                Quantity::Results(j) if *j != index => Some(*j),
                _ => None,
            })
            .filter(|j| {
                let rows = rows_of(*j);
                rows.len() < all.len() && rows.iter().all(|r| all.contains(r))
            })
            .min_by_key(|j| rows_of(*j).len())
            .map_or((category, gap), |j| (Quantity::Results(j), gap))
    };
    for family in families {
        if family(&Quantity::Handled { completed: true }) {
            // The general family keeps every quantity it names: they are told apart below.
            candidates.extend(
                named
                    .iter()
                    .filter(|(q, _, _)| family(q))
                    .map(|(q, gap, _)| (*q, *gap)),
            );
        } else if let Some(found) = best(family) {
            candidates.push(sub_row(found));
        }
    }
    // 「结转下年度继续办理31件」: 办理 belongs to 结转; 「收到自然人申请」: the applicant.
    let refined: Vec<Quantity> = candidates.iter().map(|(q, _)| *q).collect();
    candidates.retain(|(q, _)| !refined.iter().any(|r| r.refines(*q)));
    // 「全年共收到和办理依申请公开9件」: received and handled alike; either reading is right.
    if let [(Quantity::NewRequests, a), (Quantity::Handled { .. }, b)]
    | [(Quantity::Handled { .. }, b), (Quantity::NewRequests, a)] = candidates.as_slice()
    {
        let gap = *a.min(b);
        if gap > MAX_GAP || setting.in_breakdown || contains_any(window, REQUEST_BLOCKERS) {
            return None;
        }
        let mut both = readings(Quantity::NewRequests);
        both.extend(readings(Quantity::Handled { completed: false }));
        both.dedup();
        return Some(Named {
            quantity: Quantity::NewRequests,
            readings: both,
        });
    }
    let [(quantity, gap)] = candidates.as_slice() else {
        return None;
    };
    if *gap > MAX_GAP {
        return None;
    }
    if appeals_involving
        && !matches!(
            quantity,
            Quantity::Review | Quantity::Suits | Quantity::Appeals
        )
    {
        return None;
    }
    if setting.in_breakdown
        && !quantity.is_part()
        && (setting.whole == Some(*quantity) || *quantity == Quantity::NewRequests)
    {
        return None;
    }
    let blockers = match quantity {
        Quantity::NewRequests | Quantity::NewThisYear | Quantity::Handled { .. } => {
            REQUEST_BLOCKERS
        }
        Quantity::Review | Quantity::Suits | Quantity::Appeals | Quantity::SuitGroup(_) => {
            APPEAL_BLOCKERS
        }
        Quantity::Documents { .. } => DOCUMENT_BLOCKERS,
        Quantity::Decisions(_) => DECISION_BLOCKERS,
        // Only 「不予公开」 is written with the reasons of 无法提供.
        Quantity::Results(index)
            if RESULT_NAMES
                .get(*index)
                .is_some_and(|(_, keys)| keys.iter().all(|k| k.starts_with("3.3"))) =>
        {
            RESULT_BLOCKERS
        }
        Quantity::Results(_) => &[][..],
        Quantity::CarriedIn
        | Quantity::CarriedOut
        | Quantity::Applicants(_)
        | Quantity::AppealResult { .. } => &[][..],
    };
    if contains_any(window, blockers) {
        return None;
    }
    // 「上年」 outside 「上年结转」 dates the number to last year.
    if *quantity != Quantity::CarriedIn && contains_any(window, &["上年", "上一年"]) {
        return None;
    }
    Some(Named {
        quantity: *quantity,
        readings: readings(*quantity),
    })
}

/// A quantity the words name, with the sums it may mean.
struct Named {
    quantity: Quantity,
    readings: Vec<Reading>,
}

/// The quantity words right after a number name, where the words before name none: 「剩余2件结转
/// 下年度继续办理」, 「其中10件已经按时按规完成答复」, 「共收到12件信息依申请公开」, 「发布12件行政规范性
/// 文件」. Only these few, written close after the number.
fn named_after(window: &str, after: &str, setting: &Setting) -> Option<Named> {
    const REACH: usize = 10;
    if marks_a_part(window) {
        return None;
    }
    if let Some(appeals) = appeals_named_after(window, after, setting) {
        return Some(appeals);
    }
    if contains_any(after, PART_MARKERS) {
        return None;
    }
    let head: String = after.chars().take(REACH).collect();
    let named = |quantity: Quantity| {
        Some(Named {
            quantity,
            readings: readings(quantity),
        })
    };
    // 「剩余2件结转下年度继续办理」, 「另有103件顺延到下年度答复」.
    if CARRY_OUT_WORDS.iter().any(|w| head.starts_with(w)) {
        return named(Quantity::CarriedOut);
    }
    // 「共收到1份依申请公开」: the words after the number name the requests themselves.
    let about_requests = contains_any(setting.context, REQUEST_CONTEXT)
        || REQUESTS_NAMED_AFTER.iter().any(|w| head.starts_with(w));
    if about_requests && !setting.in_breakdown {
        let receive = RECEIVE_VERBS
            .iter()
            .any(|v| window.ends_with(v) || window.ends_with(&format!("{v}了")));
        let negated = NEGATIONS.iter().any(|n| window.contains(n));
        if receive && !negated && head.contains("申请") && !contains_any(&head, REQUEST_BLOCKERS)
        {
            return named(Quantity::NewRequests);
        }
    }
    if about_requests
        && ["完成答复", "办结", "答复完毕"]
            .iter()
            .any(|w| head.contains(w))
        && !contains_any(&head, REQUEST_BLOCKERS)
        && !contains_any(&head, &["申请"])
    {
        return named(Quantity::Handled { completed: true });
    }
    for (word, row) in [
        ("规范性文件", ActiveRowId::NormativeDocuments),
        ("规章", ActiveRowId::Regulations),
    ] {
        let short: String = after.chars().take(4 + word.chars().count()).collect();
        if !short.contains(word) || contains_any(&head, DOCUMENT_BLOCKERS) {
            continue;
        }
        let columns: Vec<usize> = DOCUMENT_COLUMN_WORDS
            .iter()
            .filter(|(words, _)| words.iter().any(|w| window.ends_with(w)))
            .filter_map(|(_, key)| document_column(key))
            .collect();
        if let [column] = columns.as_slice() {
            return named(Quantity::Documents {
                row,
                column: *column,
            });
        }
    }
    None
}

/// 「有1件涉及政府信息公开工作的行政复议」: appeals named right after their count, alone or as
/// appeals about disclosure, which are all of table 四; not a part of them (「其中3件行政复议被驳回」).
fn appeals_named_after(window: &str, after: &str, setting: &Setting) -> Option<Named> {
    if setting.in_breakdown {
        return None;
    }
    for (appeals, quantity) in [
        ("行政复议", Quantity::Review),
        ("行政诉讼", Quantity::Suits),
    ] {
        let Some((about, rest)) = after
            .find(appeals)
            .map(|at| (&after[..at], &after[at + appeals.len()..]))
        else {
            continue;
        };
        let on_disclosure = about
            .strip_prefix("涉及")
            .and_then(|rest| rest.strip_suffix('的'))
            .is_some_and(|subject| subject.contains("信息公开") && subject.chars().count() <= 12);
        let work_on_them =
            contains_any(window, APPEAL_BLOCKERS) || contains_any(rest, APPEAL_BLOCKERS);
        if (about.is_empty() || on_disclosure) && !work_on_them {
            return Some(Named {
                quantity,
                readings: readings(quantity),
            });
        }
    }
    None
}

/// 「规范性文件16件，新公布4件，废止、失效4件」: a count named by a column's words alone, right
/// after a count of documents in the same segment, counts the same documents.
fn listed_documents(window: &str, row: ActiveRowId) -> Option<Named> {
    let words = window.trim_start_matches(['，', ',', '、']);
    let key = if ["废止、失效", "废止失效", "失效"].contains(&words) {
        "repealed"
    } else {
        DOCUMENT_COLUMN_WORDS
            .iter()
            .find(|(column_words, _)| column_words.contains(&words))?
            .1
    };
    let quantity = Quantity::Documents {
        row,
        column: document_column(key)?,
    };
    Some(Named {
        quantity,
        readings: readings(quantity),
    })
}

/// The rows a result name sums: a row key, or a category's every row.
fn result_rows(keys: &[&str]) -> Vec<usize> {
    let mut rows = Vec::new();
    for key in keys {
        match format::request_row_index(key) {
            Some(row) => rows.push(row),
            None => rows.extend(
                REQUEST_ROWS
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.category.is_some_and(|c| c.key == *key))
                    .map(|(i, _)| i),
            ),
        }
    }
    rows
}

fn row_with_role(role: RequestRowRole) -> usize {
    format::request_rows_with_role(role).next().unwrap_or(0)
}

fn totals(rows: &[usize]) -> Vec<Place> {
    rows.iter()
        .map(|row| Place::Request {
            row: *row,
            column: REQUEST_TOTAL_COLUMN,
        })
        .collect()
}

fn appeal_cells(groups: &[usize], column: usize) -> Vec<Place> {
    groups
        .iter()
        .map(|group| Place::Appeal {
            group: *group,
            column,
        })
        .collect()
}

const SUIT_GROUPS: [usize; 2] = [1, 2];

/// The sums a quantity may mean.
fn readings(quantity: Quantity) -> Vec<Reading> {
    let new = row_with_role(RequestRowRole::NewRequests);
    let carried_in = row_with_role(RequestRowRole::CarriedIn);
    let single = |role: RequestRowRole| vec![Reading::sum(totals(&[row_with_role(role)]))];
    match quantity {
        Quantity::NewRequests => vec![
            Reading::sum(totals(&[new])),
            Reading::sum(totals(&[new, carried_in])),
        ],
        Quantity::NewThisYear => single(RequestRowRole::NewRequests),
        Quantity::CarriedIn => single(RequestRowRole::CarriedIn),
        Quantity::CarriedOut => single(RequestRowRole::CarriedOut),
        Quantity::Handled { completed } => {
            let mut readings = single(RequestRowRole::ResultsTotal);
            if !completed {
                // 「办理…申请N件」 is written of what was received, too.
                readings.push(Reading::sum(totals(&[new, carried_in])));
                readings.push(Reading::sum(totals(&[new])));
            }
            readings
        }
        Quantity::Results(index) => {
            let keys = RESULT_NAMES.get(index).map_or(&[][..], |(_, keys)| *keys);
            vec![Reading::sum(totals(&result_rows(keys)))]
        }
        Quantity::Applicants(index) => {
            let keys = APPLICANT_NAMES
                .get(index)
                .map_or(&[][..], |(_, keys)| *keys);
            let columns: Vec<usize> = keys
                .iter()
                .filter_map(|k| REQUEST_COLUMNS.iter().position(|c| c.key == *k))
                .collect();
            let cells = |rows: &[usize]| -> Vec<Place> {
                rows.iter()
                    .flat_map(|row| {
                        columns.iter().map(move |column| Place::Request {
                            row: *row,
                            column: *column,
                        })
                    })
                    .collect()
            };
            vec![
                Reading::sum(cells(&[new])),
                Reading::sum(cells(&[new, carried_in])),
                Reading::sum(cells(&[row_with_role(RequestRowRole::ResultsTotal)])),
            ]
        }
        Quantity::Review => vec![Reading::sum(appeal_cells(&[0], APPEAL_TOTAL_COLUMN))],
        Quantity::Suits => vec![Reading::sum(appeal_cells(
            &SUIT_GROUPS,
            APPEAL_TOTAL_COLUMN,
        ))],
        Quantity::Appeals => vec![Reading::sum(appeal_cells(&[0, 1, 2], APPEAL_TOTAL_COLUMN))],
        Quantity::SuitGroup(group) => {
            vec![Reading::sum(appeal_cells(&[group], APPEAL_TOTAL_COLUMN))]
        }
        Quantity::AppealResult { suits, column } => {
            let groups: &[usize] = if suits { &SUIT_GROUPS } else { &[0] };
            vec![Reading::sum(appeal_cells(groups, column))]
        }
        Quantity::Documents { row, column } => {
            let key = ACTIVE_TRIPLE_COLUMNS.get(column).map_or("", |(k, _)| *k);
            vec![Reading::sum(vec![Place::Active(row, key)])]
        }
        Quantity::Decisions(id) => vec![Reading::sum(vec![Place::Active(id, "decisions")])],
    }
}

/// The denominators a share of a quantity may be written over: the results' total, or what
/// was received (with or without last year's).
fn share_denominators() -> Vec<Vec<Place>> {
    let new = row_with_role(RequestRowRole::NewRequests);
    let carried_in = row_with_role(RequestRowRole::CarriedIn);
    vec![
        totals(&[row_with_role(RequestRowRole::ResultsTotal)]),
        totals(&[new]),
        totals(&[new, carried_in]),
    ]
}

/// Whether the text before a number names a year other than the report's: then the number is
/// about that year (「2022年收到申请50件」 in 五's review of last year).
fn names_other_year(chars: &[char], report_year: i32) -> bool {
    numbers::stated_years(chars)
        .iter()
        .any(|y| y.value != report_year)
}

/// 「2022年结转」 in a 2023 report (what came in from last year) and 「结转2024年度」 (what goes on
/// into next year) are this year's rows 二 and 四, not numbers of another year.
fn is_carry_over_year(chars: &[char], stated: &numbers::StatedYear, year: i32) -> bool {
    let after: String = slice(chars, stated.end..stated.end + 3).iter().collect();
    let before: String = slice(chars, stated.start.saturating_sub(2)..stated.start)
        .iter()
        .collect();
    stated.value == year - 1 && (after.starts_with("结转") || after.starts_with("度结转"))
        || stated.value == year + 1 && (before.ends_with("结转") || before.ends_with("转入"))
}

/// Longest run between a count and the share written after it: 「20件（1.68%）」,
/// 「6件，占50%」.
const SHARE_REACH: usize = 4;

/// Every number the report's text states about its tables, in the order of the text.
pub fn stated_quantities(report: &Report) -> Vec<StatedQuantity> {
    stated_in(report.meta.year, &section_texts(report))
}

/// The same, of the sections' text as the reading rules took it.
pub(super) fn stated_in(year: i32, texts: &[SectionText]) -> Vec<StatedQuantity> {
    let mut stated = Vec::new();
    for text in texts {
        read_section(year, text.id, &text.chars, &text.clauses, &mut stated);
    }
    stated
}

fn read_section(
    year: i32,
    section: SectionId,
    chars: &[char],
    clauses: &[Clause],
    out: &mut Vec<StatedQuantity>,
) {
    // The count stated last in the segment, with where it ends: a share right after it is of it.
    let mut last_count: Option<(usize, usize, Vec<Reading>)> = None;
    // The quantity read first in the segment: what a breakdown after 「其中」 breaks down.
    let mut whole: Option<(usize, Quantity)> = None;
    // The documents the count right before was of, with its segment's start.
    let mut listed: Option<(usize, ActiveRowId)> = None;
    let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
    for Clause {
        sentence,
        segment,
        clause,
    } in clauses.iter().cloned()
    {
        if last_count
            .as_ref()
            .is_some_and(|(_, seg_start, _)| *seg_start != segment.start)
        {
            last_count = None;
        }
        if whole.is_some_and(|(seg_start, _)| seg_start != segment.start) {
            whole = None;
        }
        if sentences.last() != Some(&sentence) {
            sentences.push(sentence.clone());
        }
        let context_start = sentences
            .len()
            .checked_sub(2)
            .and_then(|i| sentences.get(i))
            .map_or(sentence.start, |s| s.start);
        let in_breakdown =
            |at: usize| contains_any(&text_of(chars, segment.start..at), BREAKDOWN_MARKERS);
        let numbers = numbers::stated_numbers(slice(chars, clause.clone()), &COUNT_UNITS);
        let mut shares = numbers::stated_percents(slice(chars, clause.clone()));
        let mut from = clause.start;
        for (index, number) in numbers.iter().enumerate() {
            let unit = number.unit;
            let start = clause.start + number.start;
            let end = clause.start + number.end;
            // A share written right after a count of the clause's before this one.
            take_shares(
                &mut shares,
                clause.start,
                start,
                section,
                chars,
                &last_count,
                out,
            );
            let documents_before = listed
                .take()
                .filter(|(seg_start, _)| *seg_start == segment.start)
                .map(|(_, row)| row);
            let window = text_of(chars, from..start);
            let next = numbers
                .get(index + 1)
                .map_or(clause.end, |n| clause.start + n.start);
            let after = text_of(chars, end..next);
            from = end;
            // Most numbers of a report count something else: told at once by their words.
            if !contains_any(&window, NAMING_WORDS) && !contains_any(&after, NAMING_WORDS) {
                last_count = None;
                continue;
            }
            if !number.exact {
                last_count = None;
                continue;
            }
            let said_before = text_of(chars, sentence.start..start);
            let context = text_of(chars, context_start..start);
            let setting = Setting {
                said_before: &said_before,
                context: &context,
                in_breakdown: in_breakdown(start),
                whole: whole.map(|(_, q)| q),
            };
            let named = named_quantity(&window, &setting)
                .or_else(|| named_after(&window, &after, &setting))
                .or_else(|| documents_before.and_then(|row| listed_documents(&window, row)));
            let Some(Named { quantity, readings }) = named else {
                last_count = None;
                continue;
            };
            // A number dated another year is about that year; only 「2022年结转」 in a 2023
            // report is this year's row 二.
            let before = slice(chars, sentence.start..start);
            let other_years: Vec<i32> = numbers::stated_years(before)
                .iter()
                .filter(|y| !is_carry_over_year(before, y, year))
                .map(|y| y.value)
                .filter(|y| *y != year)
                .collect();
            let carried_from_last_year =
                quantity == Quantity::CarriedIn && other_years.iter().all(|y| *y == year - 1);
            if !other_years.is_empty() && !carried_from_last_year {
                last_count = None;
                continue;
            }
            // 「个」 counts documents (「制发规范性文件6个」); elsewhere it counts days, people …
            // 「不予公开信息数为0条」 counts items of information, not applications.
            let items = unit == '条' && window.contains("信息数");
            if !unit_counts(unit, quantity) || items {
                last_count = None;
                continue;
            }
            if whole.is_none() {
                whole = Some((segment.start, quantity));
            }
            if let Quantity::Documents { row, .. } = quantity {
                listed = Some((segment.start, row));
            }
            out.push(StatedQuantity {
                section,
                quote: snippet(chars, clause.start, end),
                stated: Stated::Count(number.value),
                unit,
                readings: readings.clone(),
                new_requests: quantity == Quantity::NewRequests,
            });
            last_count = Some((end, segment.start, readings));
        }
        take_shares(
            &mut shares,
            clause.start,
            clause.end,
            section,
            chars,
            &last_count,
            out,
        );
    }
}

/// The shares of `shares` (positions relative to `offset`) that start before `before`: each one
/// written within reach after the last count is a share of that count's quantity.
fn take_shares(
    shares: &mut Vec<numbers::StatedPercent>,
    offset: usize,
    before: usize,
    section: SectionId,
    chars: &[char],
    last_count: &Option<(usize, usize, Vec<Reading>)>,
    out: &mut Vec<StatedQuantity>,
) {
    while let Some(share) = shares.first().copied() {
        let start = offset + share.start;
        if start >= before {
            break;
        }
        shares.remove(0);
        let Some((count_end, _, readings)) = last_count else {
            continue;
        };
        let between = text_of(chars, *count_end..start);
        let reach = between
            .trim_start_matches(['（', '(', '，', ',', '、'])
            .trim_start_matches("占比")
            .trim_start_matches('占')
            .trim_start_matches("比例为")
            .trim_start_matches("比例")
            .trim_start_matches('为');
        if start < *count_end || reach.chars().count() > 0 || between.chars().count() > SHARE_REACH
        {
            continue;
        }
        let shares_of: Vec<Reading> = readings
            .iter()
            .filter(|r| r.of.is_none())
            .flat_map(|r| {
                share_denominators().into_iter().map(|of| Reading {
                    cells: r.cells.clone(),
                    of: Some(of),
                })
            })
            .collect();
        out.push(StatedQuantity {
            section,
            quote: snippet(
                chars,
                count_end.saturating_sub(SHARE_QUOTE_BACK),
                offset + share.end,
            ),
            stated: Stated::Share {
                scaled: share.scaled,
                decimals: share.decimals,
            },
            unit: '件',
            readings: shares_of,
            new_requests: false,
        });
    }
}

/// How far before a share its quote reaches back, so that the count it is a share of shows.
const SHARE_QUOTE_BACK: usize = 12;

/// 「未收到…申请」, 「没有收到依申请公开…」: the clause says no requests were received. Only
/// words that leave the object unchanged may stand between the verb and 申请, so that
/// 「未收到行政复议申请」 or 「未收到其他申请」 do not count.
pub(super) fn claims_no_requests(clause: &str) -> bool {
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
    // Every negation starts with one of these: most clauses are passed over at once.
    if !clause.contains(['未', '没'])
        || contains_any(clause, REVIEW_WORDS)
        || contains_any(clause, SUIT_WORDS)
    {
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

/// What a clause says in words did not happen: 「本年度未发生因政府信息公开引起的行政复议、行政
/// 诉讼」, 「全年无政府信息公开行政复议和行政诉讼案件」. Only words that leave the claim
/// whole may stand between the negation and the first appeal, and between the two appeals;
/// a clause about an appeal's outcome (「未发生行政复议被纠错的情况」) or 「未经复议直接起诉」
/// claims nothing of the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NoAppealsClaim {
    review: bool,
    suits: bool,
}

fn claims_no_appeals(clause: &str) -> Option<NoAppealsClaim> {
    // Between the negation and the first appeal: the verb, the cause, the subject.
    const LEADING: &[&str] = &[
        "政府信息公开",
        "政务信息公开",
        "信息公开",
        "政务公开",
        "发生",
        "出现",
        "产生",
        "引起",
        "引发",
        "收到",
        "接到",
        "受理",
        "涉及",
        "因为",
        "因",
        "由于",
        "工作",
        "而",
        "被",
        "申请",
        "提起",
        "提出",
        "相关",
        "有关",
        "任何",
        "过",
        "的",
        "行政",
    ];
    // Between the two appeals: a conjunction, and the second one's verb.
    const JOINING: &[&str] = &[
        "、",
        "以及",
        "或者",
        "和",
        "或",
        "及",
        "与",
        "被",
        "申请",
        "提起",
        "提出",
        "引起的",
        "的",
        "行政",
    ];
    const OUTCOMES: &[&str] = &[
        "纠正",
        "纠错",
        "撤销",
        "败诉",
        "确认违法",
        "改变",
        "责令",
        "维持",
        "结果",
    ];
    let review_at = clause.find("复议");
    let suit_at = ["诉讼", "起诉"].iter().filter_map(|w| clause.find(w)).min();
    let first = review_at.into_iter().chain(suit_at).min()?;
    if contains_any(clause, OUTCOMES) {
        return None;
    }
    let before = &clause[..first];
    let after_negation = after_nearest_negation(before)?;
    if !only_words(&before[after_negation..], LEADING) {
        return None;
    }
    // The second appeal is in the claim when only a conjunction stands between the two.
    let (review, suits) = match (review_at, suit_at) {
        (Some(r), Some(s)) => {
            let (a, b) = if r < s {
                (r + "复议".len(), s)
            } else {
                (s + "诉讼".len(), r)
            };
            let both = a <= b && only_words(&clause[a..b], JOINING);
            (r < s || both, s < r || both)
        }
        (review, suits) => (review.is_some(), suits.is_some()),
    };
    Some(NoAppealsClaim { review, suits })
}

/// A quantity of the tables that a clause says in words there was none of, and the cells it
/// names.
pub(super) struct NoneClaimed {
    pub what_zh: &'static str,
    pub what_en: &'static str,
    pub reading: Reading,
}

/// Whether a clause may say there was none of something: a negation, or all granted. Most
/// clauses have neither, and are passed over at once (`nianbao check` reads every clause of
/// thousands of reports).
pub(super) fn may_claim_none(clause: &str) -> bool {
    clause.contains(['未', '没', '无'])
        || clause.contains("不存在")
        || clause.contains("予以公开")
        || clause.contains("给予公开")
}

/// What a clause says in words there was none of: no appeals (「未发生…行政复议、行政诉讼」),
/// nothing carried into the next year or from the last (「无结转下年度办理的申请」, 「无上年结转」),
/// no documents issued (「本年度未制发行政规范性文件」), no decisions made (「未作出行政处罚
/// 决定」).
///
/// `sentence` is the clause's sentence: 「共收到申请5件，全部予以公开」 says all requests were
/// granted in a clause that does not name them.
pub(super) fn claims_none(clause: &str, sentence: &str) -> Vec<NoneClaimed> {
    let mut claimed = Vec::new();
    let mut claim = |quantity: Quantity, what_zh: &'static str, what_en: &'static str| {
        if let Some(reading) = readings(quantity).into_iter().next() {
            claimed.push(NoneClaimed {
                what_zh,
                what_en,
                reading,
            });
        }
    };
    if let Some(appeals) = claims_no_appeals(clause) {
        if appeals.review {
            claim(Quantity::Review, "行政复议", "administrative reviews");
        }
        if appeals.suits {
            claim(Quantity::Suits, "行政诉讼", "administrative suits");
        }
        return claimed;
    }
    if contains_any(clause, REVIEW_WORDS) || contains_any(clause, SUIT_WORDS) {
        return claimed;
    }
    // An outcome (「被纠正」, 「废止」) is not a count.
    const OUTCOMES: &[&str] = &["纠正", "纠错", "撤销", "确认违法", "违法", "被改变", "废止"];
    let outcome = contains_any(clause, OUTCOMES);
    for none in NONE_OF.iter().filter(|_| !outcome) {
        if none
            .targets
            .iter()
            .any(|target| says_none_of(clause, target, none.verbs, none.not_after))
            && (none.marks.is_empty() || contains_any(clause, none.marks))
        {
            claim(none.quantity, none.what_zh, none.what_en);
        }
    }
    if all_granted(clause, sentence) {
        claimed.push(NoneClaimed {
            what_zh: "予以公开以外的办理结果",
            what_en: "results other than disclosure",
            reading: Reading::sum(totals(&result_rows(&["3.2", "3.3", "3.4", "3.5", "3.6"]))),
        });
    }
    claimed
}

/// 「（申请）全部予以公开」, 「均予以公开」: every request answered was granted in full. Not
/// 「全部或部分公开」, nor 「未全部予以公开」, and only in a sentence about requests.
fn all_granted(clause: &str, sentence: &str) -> bool {
    const ALL_GRANTED: &[&str] = &[
        "全部予以公开",
        "均予以公开",
        "均已予以公开",
        "都予以公开",
        "全部给予公开",
        "均给予公开",
    ];
    contains_any(clause, ALL_GRANTED)
        && !contains_any(clause, &["部分", "未全部", "不予", "并非", "不是"])
        && sentence.contains("申请")
        && !contains_any(sentence, &["主动公开"])
}

/// A quantity that a clause may say there was none of, and how it is written.
struct NoneOf {
    quantity: Quantity,
    what_zh: &'static str,
    what_en: &'static str,
    /// The words that name it.
    targets: &'static [&'static str],
    /// One of them must stand between the negation and the target (empty: none needed).
    verbs: &'static [&'static str],
    /// Words right after the target that make it something else (「规章制度」).
    not_after: &'static [&'static str],
    /// One of them must be in the clause (empty: none needed): 「暂无」 or 「现行有效」 make
    /// 「无…规范性文件」 about the documents in force.
    marks: &'static [&'static str],
}

const ISSUE_VERBS: &[&str] = &["制发", "出台", "印发", "制定", "发布"];
const DECISION_VERBS: &[&str] = &["作出", "做出", "实施", "办理", "受理", "发生", "开展"];

const IN_FORCE_MARKS: &[&str] = &["现行有效", "暂无", "目前", "尚无"];

const NONE_OF: [NoneOf; 8] = [
    NoneOf {
        quantity: Quantity::Documents {
            row: ActiveRowId::NormativeDocuments,
            column: 2,
        },
        what_zh: "现行有效的行政规范性文件",
        what_en: "normative documents in force",
        targets: &["规范性文件"],
        verbs: &[],
        not_after: &[],
        marks: IN_FORCE_MARKS,
    },
    NoneOf {
        quantity: Quantity::CarriedOut,
        what_zh: "结转下年度的申请",
        what_en: "requests carried into next year",
        targets: &[
            "结转下年度",
            "结转下一年度",
            "结转至下年度",
            "结转到下年度",
            "转入下年度",
            "转入下一年度",
        ],
        verbs: &[],
        not_after: &[],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::CarriedIn,
        what_zh: "上年结转的申请",
        what_en: "requests carried over from last year",
        targets: &["上年结转", "上年度结转", "上一年度结转", "上一年结转"],
        verbs: &[],
        not_after: &[],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::Documents {
            row: ActiveRowId::NormativeDocuments,
            column: 0,
        },
        what_zh: "新制发的行政规范性文件",
        what_en: "normative documents issued",
        targets: &["规范性文件"],
        verbs: ISSUE_VERBS,
        not_after: &[],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::Documents {
            row: ActiveRowId::Regulations,
            column: 0,
        },
        what_zh: "新制发的规章",
        what_en: "regulations issued",
        targets: &["规章"],
        verbs: ISSUE_VERBS,
        not_after: &["制度"],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::Decisions(ActiveRowId::Licensing),
        what_zh: "行政许可决定",
        what_en: "licensing decisions",
        targets: &["行政许可"],
        verbs: DECISION_VERBS,
        not_after: &[],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::Decisions(ActiveRowId::Punishment),
        what_zh: "行政处罚决定",
        what_en: "punishment decisions",
        targets: &["行政处罚"],
        verbs: DECISION_VERBS,
        not_after: &[],
        marks: &[],
    },
    NoneOf {
        quantity: Quantity::Decisions(ActiveRowId::Enforcement),
        what_zh: "行政强制决定",
        what_en: "enforcement decisions",
        targets: &["行政强制"],
        verbs: DECISION_VERBS,
        not_after: &[],
        marks: &[],
    },
];

/// Whether `clause` says there was none of `target`: a negation, then only words that leave the
/// claim whole (one of `verbs` among them, if any are given), then the target.
fn says_none_of(clause: &str, target: &str, verbs: &[&str], not_after: &[&str]) -> bool {
    const BETWEEN: &[&str] = &[
        "政府信息公开",
        "信息公开",
        "本年度",
        "本年",
        "全年",
        "新",
        "行政",
        "任何",
        "相关",
        "有关",
        "的",
        "需要",
        "需",
        "有",
        "存在",
        "申请",
        "继续办理",
        "办理",
        "被",
        "过",
        "本机关",
        "本部门",
        "一件",
        "一起",
        "现行有效",
    ];
    clause.match_indices(target).any(|(at, _)| {
        let rest = &clause[at + target.len()..];
        if not_after.iter().any(|w| rest.starts_with(w)) {
            return false;
        }
        let before = &clause[..at];
        let Some(after_negation) = after_nearest_negation(before) else {
            return false;
        };
        let between = &before[after_negation..];
        let words: Vec<&str> = BETWEEN.iter().chain(verbs).copied().collect();
        only_words(between, &words) && (verbs.is_empty() || contains_any(between, verbs))
    })
}

/// Where the negation nearest the end of `before` ends (a byte offset): what stands after it
/// is what a claim of none says there was none of.
fn after_nearest_negation(before: &str) -> Option<usize> {
    const NO: &[&str] = &["未曾", "没有", "不存在", "未", "无"];
    NO.iter()
        .filter_map(|no| before.rfind(no).map(|at| at + no.len()))
        .max()
}

/// Whether `text` is made of `words` alone (each any number of times, in any order).
fn only_words(mut text: &str, words: &[&str]) -> bool {
    while !text.is_empty() {
        let Some(word) = words.iter().find(|w| text.starts_with(*w)) else {
            return false;
        };
        text = &text[word.len()..];
    }
    true
}

/// Whether the claim in a clause is about another year, or a part of a breakdown.
pub(super) fn claim_applies(chars: &[char], clause: &Clause, year: i32) -> bool {
    !contains_any(
        &text_of(chars, clause.segment.start..clause.clause.end),
        BREAKDOWN_MARKERS,
    ) && !names_other_year(slice(chars, clause.sentence.start..clause.clause.end), year)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a 2023 department's text states: (number as written, the reading places).
    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        let mut report = Report::new_blank("某局", crate::AgencyKind::Department, 2023);
        report.sections.set(SectionId::Overview, text);
        stated_quantities(&report)
            .into_iter()
            .map(|s| {
                (
                    s.stated.shown(),
                    s.readings.iter().map(Reading::place).collect(),
                )
            })
            .collect()
    }

    fn places(of: &[(String, Vec<String>)], number: &str) -> Vec<String> {
        of.iter()
            .find(|(n, _)| n == number)
            .map(|(_, p)| p.clone())
            .unwrap_or_default()
    }

    #[test]
    fn requests_named_after_their_count_are_read() {
        // 莆田市城市管理局 2021–2023: nothing before the number says what was received.
        assert_eq!(
            places(&read("2023年，我局共收到1份依申请公开，已按时答复。"), "1"),
            ["requests/1/total", "requests/1/total+requests/2/total"]
        );
        assert_eq!(
            places(&read("我局共受理2条公开申请，均已办结。"), "2"),
            ["requests/1/total", "requests/1/total+requests/2/total"]
        );
        // Received, but not requests: a letter, or a channel's share of them.
        assert!(read("我局共收到3份群众来信。").is_empty());
        assert!(read("我局共收到3件申请人补正材料。").is_empty());
    }

    #[test]
    fn the_applicants_of_what_was_answered_are_read() {
        // 莆田市城市管理局 2023: the applicants of the requests answered, which the table counts
        // in row 一 (with or without 二) or in 三(七).
        let got = read("全年共答复政府信息公开申请20件，其中自然人政府信息公开申请19条、社会公益组织政府信息公开申请1条，均在法定期限内予以答复。");
        assert_eq!(
            places(&got, "19"),
            [
                "requests/1/natural",
                "requests/1/natural+requests/2/natural",
                "requests/3.7/natural"
            ]
        );
        assert_eq!(
            places(&got, "1"),
            [
                "requests/1/nonprofit",
                "requests/1/nonprofit+requests/2/nonprofit",
                "requests/3.7/nonprofit"
            ]
        );
        // Neither received nor answered: no applicants are read.
        assert!(places(&read("我局收集整理自然人意见19条。"), "19").is_empty());
    }

    #[test]
    fn documents_said_to_be_there_now_are_those_in_force() {
        // 莆田市审计局 2021.
        let got = read("经清理，现有规范性文件32份，并对文件有效性进行修改、标注。");
        assert_eq!(places(&got, "32"), ["active/normative_documents/in_force"]);
    }

    #[test]
    fn appeals_involving_disclosure_are_all_of_table_four() {
        // 三明市人民政府 2025: the requests that led to an appeal, all of table 四.
        let got = read("全年依申请公开事项涉及行政复议20件，行政诉讼11件。");
        assert_eq!(places(&got, "20"), ["appeals/review/total"]);
        assert_eq!(
            places(&got, "11"),
            ["appeals/suit_after_review/total+appeals/suit_direct/total"]
        );
        // 「涉及政府信息公开的」 is what table 四 counts, not a part of it.
        let got = read("本机关涉及政府信息公开的行政复议3件。");
        assert_eq!(places(&got, "3"), ["appeals/review/total"]);
        // 四川省人民政府办公厅 2023: an office that 办理 reviews may be the one that decides them,
        // for others; left unread.
        assert!(places(&read("依法办理涉及政府信息公开的行政复议27件。"), "27").is_empty());
        // A part of the appeals stays unread: one field's, or the requests that led to one.
        assert!(places(&read("其中涉及征地拆迁的行政复议5件。"), "5").is_empty());
        assert!(places(&read("涉及行政复议的申请3件。"), "3").is_empty());
        // 上海市科学技术委员会 2024: the number of suits that 涉及 the subject named before.
        let got = read("该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为0件。");
        assert_eq!(
            places(&got, "0"),
            ["appeals/suit_after_review/total+appeals/suit_direct/total"]
        );
        assert!(read("涉及征地拆迁的行政诉讼数为2件。").is_empty());
        // The same, named after the number (上海市科学技术委员会 2024).
        let got = read("市科委有1件涉及政府信息公开工作的行政复议，该行政复议件未被纠错。");
        assert_eq!(places(&got, "1"), ["appeals/review/total"]);
        assert!(read("市科委有1件涉及征地拆迁的行政复议。").is_empty());
        assert!(read("市科委收到1件涉及行政复议的申请。").is_empty());
        assert!(read("另有2件行政复议被驳回。").is_empty());
    }

    #[test]
    fn what_is_put_off_to_next_year_is_read_after_its_count() {
        // 淮安市人民政府 2024: the number before the words that name it.
        let got = read("全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。");
        assert_eq!(places(&got, "103"), ["requests/4/total"]);
        assert_eq!(
            places(&read("剩余2件转下年度继续办理。"), "2"),
            ["requests/4/total"]
        );
    }

    #[test]
    fn requests_received_through_every_channel_are_all_of_them() {
        // 平利县人民政府 2024: the channels listed with 等 are every channel.
        let got = read("2023年,通过线上、信函等渠道收到依申请公开信息16件,已全部按期限答复办结。");
        assert_eq!(
            places(&got, "16"),
            ["requests/1/total", "requests/1/total+requests/2/total"]
        );
        // One channel's share stays unread.
        assert!(places(&read("通过信函收到依申请公开信息3件。"), "3").is_empty());
        assert!(places(&read("通过网上申请渠道收到申请12件。"), "12").is_empty());
    }

    #[test]
    fn counts_listed_after_one_of_documents_are_of_those_documents() {
        // 莆田市城市管理局 2024.
        let got = read("公布现行有效行政规范性文件16件，新公布4件，废止、失效4件；主动公开承办的市人大代表建议。");
        let documents = |column: &str| vec![format!("active/normative_documents/{column}")];
        assert_eq!(
            got,
            [
                ("16".to_owned(), documents("in_force")),
                ("4".to_owned(), documents("issued")),
                ("4".to_owned(), documents("repealed")),
            ]
        );
        // Another count in between, or another segment: the list has ended.
        let only_the_first = [("5".to_owned(), documents("issued"))];
        assert_eq!(
            read("制发规范性文件5件，发布政策解读12件，废止3件。"),
            only_the_first
        );
        assert_eq!(read("制发规范性文件5件；废止3件。"), only_the_first);
    }

    #[test]
    fn both_kinds_of_appeal_in_one_count_are_all_of_table_four() {
        // 莆田市城市管理局 2025.
        let got = read("因政府信息公开引起行政复议、行政诉讼0件。");
        assert_eq!(
            places(&got, "0"),
            ["appeals/review/total+appeals/suit_after_review/total+appeals/suit_direct/total"]
        );
        // 沭阳县人民政府 2025's 74 (61 + 3 + 10), written as one sentence.
        let got = read("行政复议和行政诉讼案件共74件。");
        assert_eq!(
            places(&got, "74"),
            ["appeals/review/total+appeals/suit_after_review/total+appeals/suit_direct/total"]
        );
        // 各: one count of each, not of both.
        assert!(read("因政府信息公开引起行政复议、行政诉讼各1件。").is_empty());
    }

    #[test]
    fn a_count_written_after_its_noun_and_数_is_exact() {
        // 莆田市林业局 2024.
        let got = read("已公布行政许可审批结果共236件，行政处罚案件数2件。");
        assert_eq!(places(&got, "2"), ["active/punishment/decisions"]);
        // 「数十件」 is a rough count.
        assert!(read("全年作出行政处罚数十件。").is_empty());
    }

    #[test]
    fn the_results_but_disclosed_ones_are_read_together() {
        // 三明市人民政府 2025.
        let got = read(
            "累计答复依申请公开402件，其中予以公开172件，部分公开66件，不予公开等其他类型164件。",
        );
        let others: Vec<String> = REQUEST_ROWS
            .iter()
            .filter(|r| {
                ["3.3", "3.4", "3.5", "3.6"]
                    .iter()
                    .any(|c| r.category.is_some_and(|k| k.key == *c))
            })
            .map(|r| format!("requests/{}/total", r.key))
            .collect();
        assert_eq!(places(&got, "164"), [others.join("+")]);
        assert_eq!(places(&got, "66"), ["requests/3.2/total"]);
        // 「不予公开等5件」 does not say which others.
        assert!(places(&read("累计答复依申请公开40件，其中不予公开等5件。"), "5").is_empty());
    }

    #[test]
    fn real_sentences_are_read() {
        // 绵阳市发展和改革委员会 2023.
        let got = read(
            "全年共受理答复依申请公开件34件（含2022年结转0件），办结34件,转结下年度继续办理0件。",
        );
        assert!(places(&got, "34").contains(&"requests/1/total+requests/2/total".to_owned()));
        assert_eq!(
            places(&read("上年结转政府信息公开申请3件。"), "3"),
            ["requests/2/total"]
        );
        // 平利县人民政府 2024, dated 2023 here.
        let got = read("2023年,收到依申请公开信息16件。");
        assert_eq!(
            places(&got, "16"),
            ["requests/1/total", "requests/1/total+requests/2/total"]
        );
    }

    #[test]
    fn shares_are_compared_to_the_last_digit_written() {
        let mut report = Report::default();
        report.requests.row_mut("3.7")[REQUEST_TOTAL_COLUMN] = Some(1191);
        report.requests.row_mut("3.1")[REQUEST_TOTAL_COLUMN] = Some(208);
        let reading = Reading {
            cells: totals(&[format::request_row("3.1")]),
            of: Some(totals(&[format::request_row("3.7")])),
        };
        let share = |scaled, decimals| Stated::Share { scaled, decimals };
        // 208/1191 = 17.464…%
        assert_eq!(reading.gives(&report, share(1746, 2)), Some(true));
        assert_eq!(reading.gives(&report, share(1747, 2)), Some(true));
        assert_eq!(reading.gives(&report, share(1748, 2)), Some(false));
        assert_eq!(reading.gives(&report, share(17, 0)), Some(true));
        assert_eq!(reading.gives(&report, share(20, 0)), Some(false));
        assert_eq!(reading.value(&report, share(0, 2)), Some(share(1746, 2)));
        assert_eq!(share(1746, 2).shown(), "17.46%");
        assert_eq!(share(50, 0).shown(), "50%");
        assert_eq!(share(5, 1).shown(), "0.5%");
    }
}
