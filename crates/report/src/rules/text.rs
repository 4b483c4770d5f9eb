//! Rules over the sections' text: T-overview-length, T-fee-statement, T-numbers,
//! T-no-requests-claim, T-section-empty, T-year, T-page-chrome, S-gov-review.
//!
//! These rules read prose written by hand, so they are conservative: a false alarm teaches the
//! user to ignore every finding, a miss costs little (a reviewer still reads the text). A number
//! is compared with a table only when its clause plainly names one quantity right before it;
//! rough numbers, parts (「其中」), comparisons (「较上年」) and sentences dated another year are
//! left alone.

mod numbers;
mod stated;

pub use stated::{stated_quantities, Reading, Stated, StatedQuantity};

use crate::finding::{Basis, Finding, Severity};
use crate::format::{
    self, RequestRowRole, SectionDef, SectionId, OVERVIEW_MAX_CHARS, REQUEST_COLUMNS,
    REQUEST_COLUMN_LABELS_EN, REQUEST_ROWS, REQUEST_TOTAL_COLUMN,
};
use crate::message::Message;
use crate::model::{Place, Report};
use crate::page_chrome::{self, ChromeKind};
use crate::rules::Rule;
use numbers::StatedYear;
use std::ops::Range;

const OVERVIEW_LENGTH: Rule = Rule::TOverviewLength;
const FEE_STATEMENT: Rule = Rule::TFeeStatement;
const NUMBERS: Rule = Rule::TNumbers;
const NO_REQUESTS_CLAIM: Rule = Rule::TNoRequestsClaim;
const SECTION_EMPTY: Rule = Rule::TSectionEmpty;
const YEAR: Rule = Rule::TYear;
const GOV_REVIEW: Rule = Rule::SGovReview;
const PAGE_CHROME: Rule = Rule::TPageChrome;

/// The text rules that read a section's own words: quick enough for every keystroke.
pub(super) fn check(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    check_empty_sections(report, findings);
    check_overview_length(report, findings);
    check_fee_statement(report, texts, findings);
    check_gov_review(report, texts, findings);
    check_years(report, texts, findings);
}

/// The text rules that read every sentence, against the tables and the web's page chrome: the
/// reading rules of [`super::reading`].
pub(super) fn check_reading(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    check_stated_numbers(report, texts, findings);
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
            message: Message {
zh: format!(
                "「{heading}」中的「{quoted}」是{what_zh}，不是报告的内容，请删除"
            ),
en: format!(
                "「{quoted}」 in section 「{heading}」 is {what_en} of a website, not the report's text: delete it"
            ),
},
            basis: super::reading::basis(PAGE_CHROME),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the text
// ---------------------------------------------------------------------------------------------

/// A section's text as the rules read it, without spaces: copies of PDFs put them inside numbers
/// and words (「749 件」, 「2025 年」). Line breaks stay; they end a sentence.
fn compact(text: &str) -> Vec<char> {
    // Sized once: collected from a filter, the vector grew by doubling (reallocations were a tenth
    // of `nianbao check` in a CPU profile, with `text_of`'s).
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars().filter(|c| *c == '\n' || !c.is_whitespace()));
    chars
}

fn slice(chars: &[char], range: Range<usize>) -> &[char] {
    chars.get(range).unwrap_or(&[])
}

fn text_of(chars: &[char], range: Range<usize>) -> String {
    let chars = slice(chars, range);
    // Most chars of a report are three bytes long in UTF-8.
    let mut text = String::with_capacity(chars.len() * 3);
    text.extend(chars);
    text
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Where `word` last starts in `text` (a byte offset), as `str::rfind`: a plain scan from the
/// end. The reading rules look for short words in short clauses, thousands of times a report, and
/// `str::rfind` first sets up a two-way searcher each time, which cost more than the search
/// (9 % of `nianbao check` in a CPU profile).
fn rfind_word(text: &str, word: &str) -> Option<usize> {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let (Some(&first), Some(&end)) = (word.first(), word.last()) else {
        return Some(text.len());
    };
    let last = text.len().checked_sub(word.len())?;
    // A valid UTF-8 word starts with a lead byte, so a match is at a char boundary. The word's
    // first and last bytes are compared in place before the rest: a call to compare the whole
    // at every byte was a sixth of `nianbao export --long` in a CPU profile.
    (0..=last).rev().find(|&at| {
        text[at] == first && text[at + word.len() - 1] == end && text[at..].starts_with(word)
    })
}

/// A section's text as the reading rules take it: compact, and cut into clauses, once for all
/// of them.
pub(super) struct SectionText {
    id: SectionId,
    chars: Vec<char>,
    clauses: Vec<Clause>,
}

/// Made once for a whole check: the rules of both kinds read them (they were a tenth of
/// `nianbao check`, and were made twice).
pub(super) fn section_texts(report: &Report) -> Vec<SectionText> {
    format::SECTIONS
        .iter()
        .map(|def| {
            let chars = compact(report.sections.get(def.id));
            let clauses = clauses(&chars);
            SectionText {
                id: def.id,
                chars,
                clauses,
            }
        })
        .collect()
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
#[derive(Clone)]
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
            // `replace` writes a new string even when the part is not there, as most often.
            if !part.is_empty() && rest.contains(part) {
                rest = rest.replace(part, "");
            }
        }
    }
    rest
}

/// Whether a section holds nothing but whitespace, punctuation and its template sub-headings.
fn is_empty_section(def: &SectionDef, text: &str) -> bool {
    let blank = |c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || "（）【】“”‘’、，。；：！？…—·《》".contains(c)
    };
    // A char that no sub-heading or hint holds is the user's own, and no removal of the template
    // can take it away: most sections show one in their first words, without the copy and the
    // searches of `own_text` (a twentieth of `nianbao check` in a CPU profile).
    let in_template = |c: char| {
        def.template
            .iter()
            .any(|(heading, hint)| heading.contains(c) || hint.contains(c))
    };
    if text.chars().any(|c| !blank(c) && !in_template(c)) {
        return false;
    }
    own_text(def, text).chars().all(blank)
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
            message: Message {
zh: format!("「{heading}」没有内容（只有小标题也算空），这一部分必须填写"),
en: format!(
                "Section 「{heading}」 has no text (its sub-headings alone do not count); the section is required"
            ),
},
            basis: super::catalogue::T_SECTION_EMPTY_BASIS,
        });
    }
}

/// How a report speaks of itself in the opening paragraphs it prints before 「一、总体情况」
/// (「根据《条例》…编制本报告」, 「本报告中所列数据的统计期限…」, 「如对本报告有疑问…」). An import
/// puts them at the start of 一, having nowhere else to put them.
const OPENING_MARKS: [&str; 3] = ["本报告", "本年报", "本年度报告"];

/// Most paragraphs a report's opening is printed in.
const OPENING_MOST_PARAGRAPHS: usize = 4;

/// The characters of 一、总体情况 the length is judged by, and how many of its first paragraphs
/// were left out as the report's opening, which is no part of 一. Whitespace is not counted:
/// 「字」 are what a reader sees, and copies of one report differ only in spacing and line
/// breaks. Punctuation counts, as in a 字数 count.
fn overview_length(report: &Report) -> (usize, usize) {
    let text = report.sections.get(SectionId::Overview);
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    // The opening begins the text and ends at the last of its first few paragraphs that names
    // the report (a copy may break it into pieces that do not: 「《…格式》要求…全文包括」).
    let names_the_report = |p: &&str| OPENING_MARKS.iter().any(|m| p.contains(m));
    let opening = if paragraphs.first().is_some_and(names_the_report) {
        paragraphs
            .iter()
            .take(OPENING_MOST_PARAGRAPHS)
            .rposition(names_the_report)
            .map_or(0, |last| last + 1)
    } else {
        0
    };
    let count = paragraphs
        .iter()
        .skip(opening)
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .count();
    (count, opening)
}

fn check_overview_length(report: &Report, findings: &mut Vec<Finding>) {
    let (count, opening) = overview_length(report);
    if count <= OVERVIEW_MAX_CHARS {
        return;
    }
    let heading = format::section(SectionId::Overview).heading;
    let over = count - OVERVIEW_MAX_CHARS;
    let (opening_zh, opening_en) = if opening > 0 {
        (
            format!("，也不计开头说明本报告的{opening}段"),
            format!(
                ", nor the {opening} opening paragraph{} about the report itself",
                if opening == 1 { "" } else { "s" }
            ),
        )
    } else {
        (String::new(), String::new())
    };
    findings.push(Finding {
        rule: OVERVIEW_LENGTH,
        severity: Severity::Warning,
        place: Place::Section(SectionId::Overview),
        message: Message {
zh: format!(
            "「{heading}」共{count}字（不计空白{opening_zh}），超过{OVERVIEW_MAX_CHARS}字{over}字"
        ),
en: format!(
            "Section 「{heading}」 has {count} characters (whitespace not counted{opening_en}), {over} \
             over the {OVERVIEW_MAX_CHARS} the format allows in principle"
        ),
},
        basis: super::catalogue::T_OVERVIEW_LENGTH_BASIS,
    });
}

/// Words that show the fee question was answered, charged or not: 「未收取信息处理费」,
/// 「收取信息处理费0元」, 「没有收取」, 「未发生收费情况」 (沭阳县发展和改革局 2023).
const FEE_WORDS: &[&str] = &["处理费", "收费", "收取", "费用", "缴费", "免费"];

/// The compact text of one section.
fn chars_of(texts: &[SectionText], id: SectionId) -> &[char] {
    texts
        .iter()
        .find(|text| text.id == id)
        .map_or(&[], |text| text.chars.as_slice())
}

fn check_fee_statement(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    let id = SectionId::Other;
    // An empty 六 is reported by T-section-empty; saying it also lacks the fee adds nothing.
    if is_empty(report, id) {
        return;
    }
    let text: String = chars_of(texts, id).iter().collect();
    if contains_any(&text, FEE_WORDS) {
        return;
    }
    let heading = format::section(id).heading;
    findings.push(Finding {
        rule: FEE_STATEMENT,
        severity: Severity::Warning,
        place: Place::Section(id),
        message: Message {
zh: format!(
            "「{heading}」没有说明本年度收取信息处理费的情况；未收取也须写明，如「本年度未收取信息处理费」"
        ),
en: format!(
            "Section 「{heading}」 does not say whether information processing fees (信息处理费) were \
             charged; say so even when none were, e.g. 「本年度未收取信息处理费」"
        ),
},
        basis: super::catalogue::T_FEE_STATEMENT_BASIS,
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

fn check_gov_review(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    let kind = report.meta.agency_kind.def();
    if !kind.is_government || is_empty(report, SectionId::Overview) {
        return;
    }
    // The format puts these results under 一 (监督保障); a report that gives them under 六
    // has still given them.
    let text: String = [SectionId::Overview, SectionId::Other]
        .iter()
        .flat_map(|id| chars_of(texts, *id))
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
        message: Message {
zh: format!(
            "机关类型为{}，「{heading}」未提及{}结果情况；各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况",
            kind.label_zh,
            zh.join("、")
        ),
en: format!(
            "The agency is a {}, but 「{heading}」 does not mention the results of {}; a people's \
             government's report must cover assessment, public appraisal and accountability",
            kind.label_en.to_ascii_lowercase(),
            en.join(", ")
        ),
},
        basis: super::catalogue::S_GOV_REVIEW_BASIS,
    });
}

// ---------------------------------------------------------------------------------------------
// T-numbers and T-no-requests-claim
// ---------------------------------------------------------------------------------------------

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

/// The cells of a reading in the official labels, as the messages name them: 「表三一+二行总计列」,
/// 「表四行政复议总计」, 「表二行政规范性文件现行有效件数」, or the cells' names joined by 「+」.
fn cells_name(cells: &[Place]) -> (String, String) {
    let rows: Option<Vec<usize>> = cells
        .iter()
        .map(|cell| match cell {
            Place::Request { row, column } if *column == REQUEST_TOTAL_COLUMN => Some(*row),
            _ => None,
        })
        .collect();
    if let Some(rows) = rows.filter(|r| !r.is_empty()) {
        return request_place(&rows);
    }
    let table = match cells.first() {
        Some(Place::Active(..)) => SectionId::Active,
        Some(Place::Appeal { .. }) => SectionId::Appeals,
        _ => SectionId::Requests,
    };
    let table = table_name(table);
    let names: Vec<String> = cells.iter().filter_map(Place::cell_name).collect();
    let zh: Vec<String> = names.iter().map(|n| n.replace(' ', "")).collect();
    (
        format!("表{table}{}", zh.join("+")),
        format!("table {table}: {}", names.join(" + ")),
    )
}

/// A reading named for a message: a sum, or a share of one sum in another.
fn reading_name(reading: &Reading) -> (String, String) {
    let (zh, en) = cells_name(&reading.cells);
    match &reading.of {
        Some(of) => {
            let (of_zh, of_en) = cells_name(of);
            (
                format!("{zh}占{of_zh}的比例"),
                format!("the share of {en} in {of_en}"),
            )
        }
        None => (zh, en),
    }
}

fn check_stated_numbers(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    let year = report.meta.year;
    let stated = stated::stated_in(year, texts);
    for SectionText { id, chars, clauses } in texts {
        let place = Place::Section(*id);
        for clause in clauses {
            let clause_text = text_of(chars, clause.clause.clone());
            if stated::claims_no_requests(&clause_text)
                && stated::claim_applies(chars, clause, year)
            {
                if let Some((new, row)) = request_total(report, RequestRowRole::NewRequests) {
                    if new > 0 {
                        let quoted = snippet(chars, clause.clause.start, clause.clause.end);
                        findings.push(no_requests_claim(&quoted, None, new, row, place.clone()));
                    }
                }
            }
            if !stated::may_claim_none(&clause_text) {
                continue;
            }
            let sentence = text_of(chars, clause.sentence.clone());
            let claimed = stated::claims_none(&clause_text, &sentence);
            if !claimed.is_empty() && stated::claim_applies(chars, clause, year) {
                let quoted = snippet(chars, clause.clause.start, clause.clause.end);
                if let Some(finding) = none_claimed(report, &quoted, &claimed, place.clone()) {
                    findings.push(finding);
                }
            }
        }
        for statement in stated.iter().filter(|s| s.section == *id) {
            if statement.agrees(report) != Some(false) {
                continue;
            }
            if let (true, Stated::Count(n)) = (statement.new_requests, statement.stated) {
                // Saying 0 against a table with requests, or some against a table with none, is
                // the claim rule's case: one finding per sentence, not two.
                if let Some((new, row)) = request_total(report, RequestRowRole::NewRequests) {
                    if (n == 0) != (new == 0) {
                        findings.push(no_requests_claim(
                            &statement.quote,
                            Some(n),
                            new,
                            row,
                            place.clone(),
                        ));
                        continue;
                    }
                }
            }
            findings.push(numbers_finding(report, statement, place.clone()));
        }
    }
}

fn numbers_finding(report: &Report, statement: &StatedQuantity, place: Place) -> Finding {
    // Every reading once: 「一」 and 「一+二」 are one when 二 is 0.
    let mut seen: Vec<Stated> = Vec::new();
    let mut zh: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    for reading in &statement.readings {
        let Some(value) = reading.value(report, statement.stated) else {
            continue;
        };
        if seen.contains(&value) {
            continue;
        }
        seen.push(value);
        let (name_zh, name_en) = reading_name(reading);
        zh.push(format!("{name_zh}为{}", value.shown()));
        en.push(format!("{name_en} has {}", value.shown()));
    }
    let quoted = &statement.quote;
    let (stated_zh, stated_en) = match statement.stated {
        Stated::Count(n) => (format!("{n}{}", statement.unit), n.to_string()),
        share => (share.shown(), share.shown()),
    };
    Finding {
        rule: NUMBERS,
        severity: Severity::Warning,
        place,
        message: Message {
            zh: format!(
                "正文「{quoted}」写的是{stated_zh}，与表格不符：{}",
                zh.join("，")
            ),
            en: format!(
                "The text 「{quoted}」 states {stated_en}, which disagrees with the tables: {}",
                en.join("; ")
            ),
        },
        basis: super::reading::basis(NUMBERS),
    }
}

/// A claim in words that there was none of something (「未发生…行政复议、行政诉讼」, 「本年度未
/// 制发行政规范性文件」) against tables that have some: T-numbers, the claim being a zero stated
/// in words.
fn none_claimed(
    report: &Report,
    quoted: &str,
    claimed: &[stated::NoneClaimed],
    place: Place,
) -> Option<Finding> {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for claim in claimed {
        let Some(Stated::Count(value)) = claim.reading.value(report, Stated::Count(0)) else {
            continue;
        };
        if value > 0 {
            let (name_zh, name_en) = reading_name(&claim.reading);
            zh.push(format!("{name_zh}为{value}"));
            en.push(format!("{name_en} has {value}"));
        }
    }
    if zh.is_empty() {
        return None;
    }
    let what_zh: Vec<&str> = claimed.iter().map(|c| c.what_zh).collect();
    let what_en: Vec<&str> = claimed.iter().map(|c| c.what_en).collect();
    Some(Finding {
        rule: NUMBERS,
        severity: Severity::Warning,
        place,
        message: Message {
            zh: format!(
                "正文「{quoted}」称没有{}，与表格不符：{}",
                what_zh.join("和"),
                zh.join("，")
            ),
            en: format!(
                "The text 「{quoted}」 says there were no {}, which disagrees with the tables: {}",
                what_en.join(" or "),
                en.join("; ")
            ),
        },
        basis: super::reading::basis(NUMBERS),
    })
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
        message: Message {
            zh: message_zh,
            en: message_en,
        },
        basis: super::reading::basis(NO_REQUESTS_CLAIM),
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

fn check_years(report: &Report, texts: &[SectionText], findings: &mut Vec<Finding>) {
    let report_year = report.meta.year;
    check_title_year(report, findings);
    for SectionText { id, chars, clauses } in texts {
        // A copied paragraph repeats its year; one finding per year and section is enough.
        let mut reported: Vec<i32> = Vec::new();
        for at in clauses {
            for found in numbers::stated_years(slice(chars, at.clause.clone())) {
                let year = StatedYear {
                    start: at.clause.start + found.start,
                    end: at.clause.start + found.end,
                    value: found.value,
                };
                if reported.contains(&year.value) {
                    continue;
                }
                let Some(problem) = year_problem(chars, at, &year, report_year) else {
                    continue;
                };
                reported.push(year.value);
                let quote_end = at.clause.end.min(year.end + YEAR_HISTORY_REACH);
                let quoted = snippet(chars, at.clause.start, quote_end);
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
                    place: Place::Section(*id),
                    message: Message {
                        zh: message_zh,
                        en: message_en,
                    },
                    basis: super::catalogue::T_YEAR_BASIS,
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
            message: Message {
                zh: format!("标题「{shown}」写的是{y}年，报告年度为{report_year}年"),
                en: format!("The title 「{shown}」 names {y}, but the report is on {report_year}"),
            },
            basis: Basis::Practice {
                zh: "「<机关><年度>年政府信息公开工作年度报告」",
                en: "a title of the form 「<agency><year>年政府信息公开工作年度报告」",
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::rfind_word;

    /// The plain scan finds what `str::rfind` finds, at the same byte offset.
    #[test]
    fn rfind_word_is_str_rfind() {
        let texts = [
            "",
            "结转",
            "上年结转3件，本年结转下年度继续办理2件",
            "收到申请12件，其中依申请公开申请",
            "abc申请abc",
            "申",
        ];
        let words = [
            "",
            "结转",
            "年结转",
            "申请",
            "abc",
            "c申",
            "不在其中",
            "申请abc申请",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    rfind_word(text, word),
                    text.rfind(word),
                    "{word:?} in {text:?}"
                );
            }
        }
    }
}
