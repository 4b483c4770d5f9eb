//! The format's headings and labels (from [`crate::format`]), folded once for matching, and the
//! matching itself: which section a line opens, which row of a table a cell names.
//!
//! Published copies lose words (「结果」 for 结果纠正), swap punctuation, drop the numbering or
//! keep only the numbering's words, so a label matches by its numbering and its words, and a
//! cell that is a beginning of a label matches it too.

use super::normalise::{fold, longest_common_run, split_ordinal, Ordinal};
use super::old_format;
use crate::format::{
    self, ActiveRowId, ActiveRowKind, SectionId, ACTIVE_BANDS, ACTIVE_ITEM_HEADER, APPEAL_GROUPS,
    APPEAL_REVIEW_HEADER, APPEAL_SUIT_HEADER, REQUEST_CORNER_NOTE, REQUEST_ROWS, RESULT_CATEGORIES,
    RESULT_GROUP_LABEL, SECTIONS,
};
use std::sync::OnceLock;

/// A label split into its numbering and its words, both folded.
pub(super) struct Label {
    pub folded: String,
    pub ordinal: Option<Ordinal>,
    pub words: String,
}

impl Label {
    fn new(text: &str) -> Label {
        let folded = fold(text);
        let (ordinal, words) = split_ordinal(&folded);
        let words = words.to_owned();
        Label {
            folded,
            ordinal,
            words,
        }
    }
}

/// How well a cell matches a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    /// The numbering (if the cell has one) and the words agree.
    Whole,
    /// The cell's words are a beginning of the label's (the rest was lost or is on the next line).
    Beginning,
    /// The cell has the label and more after it.
    More,
}

/// How much of a line is looked at for a heading.
const HEADING_PREFIX_CHARS: usize = 64;

/// Shortest beginning of a label's words that still names it.
const MIN_BEGINNING_CHARS: usize = 2;
/// A beginning without numbering this long is unlikely to be anything else.
const DISTINCT_CHARS: usize = 4;

/// `length`: the chars of `cell_words`.
fn fit(
    cell_ordinal: Option<Ordinal>,
    cell_words: &str,
    length: usize,
    label: &Label,
) -> Option<Fit> {
    if cell_ordinal.is_some() && cell_ordinal != label.ordinal {
        return None;
    }
    if length == 0 {
        return None;
    }
    if cell_words == label.words {
        Some(Fit::Whole)
    } else if length >= MIN_BEGINNING_CHARS && label.words.starts_with(cell_words) {
        Some(Fit::Beginning)
    } else if cell_ordinal.is_some() && cell_words.starts_with(&label.words) {
        Some(Fit::More)
    } else {
        None
    }
}

pub(super) struct SectionLabel {
    pub id: SectionId,
    pub ordinal: Option<Ordinal>,
    /// The heading's words and its aliases' words.
    pub wordings: Vec<String>,
}

pub(super) struct Labels {
    pub sections: Vec<SectionLabel>,
    pub request_rows: Vec<Label>,
    pub categories: Vec<Label>,
    /// Index of each category's first row in [`REQUEST_ROWS`].
    pub category_first_row: Vec<usize>,
    pub result_group: Label,
    pub corner_note: String,
    /// 「(数据核定时间点为」: the period line up to its first digit.
    pub period_prefix: String,
    pub active_articles: Vec<String>,
    pub active_rows: Vec<(ActiveRowId, String)>,
    pub active_item_header: String,
    /// Column headers of table 二 (all kinds of band), with their column ids.
    pub active_columns: Vec<(&'static str, String)>,
    pub appeal_review: String,
    pub appeal_suit: String,
    pub appeal_groups: Vec<String>,
}

/// Other names of table 二's rows in published reports (the label is 「行政规范性文件」).
const ACTIVE_ROW_ALIASES: [(ActiveRowId, &str); 1] =
    [(ActiveRowId::NormativeDocuments, "规范性文件")];

impl Labels {
    fn new() -> Labels {
        let sections = SECTIONS
            .iter()
            .map(|def| {
                let numeral = fold(def.numeral);
                let (ordinal, _) = split_ordinal(&numeral);
                let heading = fold(def.heading);
                let mut wordings = vec![split_ordinal(&heading).1.to_owned()];
                wordings.extend(
                    def.aliases
                        .iter()
                        .map(|a| split_ordinal(&fold(a)).1.to_owned()),
                );
                SectionLabel {
                    id: def.id,
                    ordinal,
                    wordings,
                }
            })
            .collect();
        let category_first_row = RESULT_CATEGORIES
            .iter()
            .map(|cat| {
                REQUEST_ROWS
                    .iter()
                    .position(|row| row.category.is_some_and(|c| c.key == cat.key))
                    .unwrap_or(REQUEST_ROWS.len())
            })
            .collect();
        let period = fold(&format::statistics_period(0));
        let period_prefix = period
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("")
            .to_owned();
        let mut active_rows: Vec<(ActiveRowId, String)> = format::active_rows()
            .map(|(_, row)| (row.id, fold(row.label)))
            .collect();
        active_rows.extend(ACTIVE_ROW_ALIASES.iter().map(|(id, l)| (*id, fold(l))));
        Labels {
            sections,
            request_rows: REQUEST_ROWS.iter().map(|r| Label::new(r.label)).collect(),
            categories: RESULT_CATEGORIES
                .iter()
                .map(|c| Label::new(c.label))
                .collect(),
            category_first_row,
            result_group: Label::new(RESULT_GROUP_LABEL),
            corner_note: fold(REQUEST_CORNER_NOTE),
            period_prefix,
            active_articles: ACTIVE_BANDS.iter().map(|b| fold(b.article)).collect(),
            active_rows,
            active_item_header: fold(ACTIVE_ITEM_HEADER),
            active_columns: [
                ActiveRowKind::IssuedRepealedInForce,
                ActiveRowKind::Decisions,
                ActiveRowKind::FeeAmount,
            ]
            .iter()
            .flat_map(|kind| kind.columns())
            .map(|(key, label)| (*key, fold(label)))
            .collect(),
            appeal_review: fold(APPEAL_REVIEW_HEADER),
            appeal_suit: fold(APPEAL_SUIT_HEADER),
            appeal_groups: APPEAL_GROUPS.iter().map(|g| fold(g.label)).collect(),
        }
    }

    /// The row of table 三 a cell names, looking only at rows from `next` on (rows come in
    /// order, which keeps header words like 「其他」 or 「总计」 from being taken for a row).
    pub fn request_row(&self, folded: &str, next: usize) -> Option<usize> {
        let (ordinal, words) = split_ordinal(folded);
        let length = words.chars().count();
        for (index, label) in self.request_rows.iter().enumerate().skip(next) {
            let Some(fit) = fit(ordinal, words, length, label) else {
                continue;
            };
            if ordinal.is_some() {
                return Some(index);
            }
            // Without numbering, short words (「其他」, 「总计」) name a row only where it is due.
            let due = index <= next + 1;
            let distinct = fit == Fit::Whole && length >= DISTINCT_CHARS * 2;
            let long_enough = fit == Fit::Whole || length >= DISTINCT_CHARS;
            if (due || distinct) && long_enough {
                return Some(index);
            }
        }
        // A PDF copy can print a row's label out of order (its label's first line above the
        // row before it): a whole label, numbering and all, that names nothing else is still
        // that row.
        self.request_rows.iter().take(next).position(|label| {
            ordinal.is_some()
                && length >= DISTINCT_CHARS * 2
                && fit(ordinal, words, length, label) == Some(Fit::Whole)
        })
    }

    /// The category heading of table 三 (（三）不予公开 …) a cell names, among those not passed.
    pub fn category(&self, folded: &str, next: usize) -> Option<usize> {
        let (ordinal, words) = split_ordinal(folded);
        let length = words.chars().count();
        self.categories.iter().enumerate().find_map(|(k, label)| {
            let first = self.category_first_row.get(k).copied()?;
            if first < next {
                return None;
            }
            let fit = fit(ordinal, words, length, label)?;
            let due = first <= next + 1;
            (ordinal.is_some() || (fit == Fit::Whole && due)).then_some(k)
        })
    }

    pub fn is_result_group(&self, folded: &str) -> bool {
        let (ordinal, words) = split_ordinal(folded);
        let length = words.chars().count();
        fit(ordinal, words, length, &self.result_group).is_some_and(|f| f != Fit::More)
            && (ordinal.is_some() || length >= DISTINCT_CHARS)
    }

    /// Whether a line is a label of table 三 rather than a heading (「四、结转下年度继续办理」
    /// comes right before 「四、政府信息公开行政复议、行政诉讼情况」).
    pub fn is_table_label(&self, folded: &str) -> bool {
        let (ordinal, words) = split_ordinal(folded);
        let length = words.chars().count();
        let names = |label: &Label| {
            label.folded == folded
                || (ordinal.is_some() && fit(ordinal, words, length, label).is_some())
        };
        self.request_rows.iter().any(names)
            || self.categories.iter().any(names)
            || names(&self.result_group)
    }

    /// Table 二: which band an article caption (「第二十条第（一）项」) opens.
    pub fn active_article(&self, folded: &str) -> Option<usize> {
        self.active_articles.iter().position(|a| a == folded)
    }

    /// Table 二: the row a cell names.
    pub fn active_row(&self, folded: &str) -> Option<ActiveRowId> {
        let whole = self
            .active_rows
            .iter()
            .find(|(_, label)| label == folded)
            .map(|(id, _)| *id);
        whole.or_else(|| {
            // A label cut short, if it is the beginning of one label only.
            if folded.chars().count() < DISTINCT_CHARS {
                return None;
            }
            let mut beginnings = self
                .active_rows
                .iter()
                .filter(|(_, label)| label.starts_with(folded));
            match (beginnings.next(), beginnings.next()) {
                (Some((id, _)), None) => Some(*id),
                _ => None,
            }
        })
    }

    /// Table 四: a cell that opens it (「行政复议」, 「行政诉讼」, a group's own header) and, when
    /// it names one group, which.
    pub fn appeal_header(&self, folded: &str) -> Option<Option<usize>> {
        // 「复议后起诉」 contains 「复议」: look for the suit groups first.
        for (index, group) in self.appeal_groups.iter().enumerate().skip(1) {
            if folded.contains(group.as_str()) {
                return Some(Some(index));
            }
        }
        if folded.starts_with(&self.appeal_review) && folded.chars().count() <= 8 {
            return Some(Some(0));
        }
        if folded.starts_with(&self.appeal_suit) && folded.chars().count() <= 8 {
            return Some(None);
        }
        None
    }

    /// Table 二: the column a header cell names (its id), also when its end was lost.
    pub fn active_column(&self, folded: &str) -> Option<&'static str> {
        let whole = self
            .active_columns
            .iter()
            .find(|(_, label)| label == folded);
        let beginning = || {
            (folded.chars().count() >= DISTINCT_CHARS)
                .then(|| {
                    self.active_columns
                        .iter()
                        .find(|(_, l)| l.starts_with(folded))
                })
                .flatten()
        };
        whole.or_else(beginning).map(|(key, _)| *key)
    }

    /// Whether a line is the statistics period printed above tables 二 and 三.
    pub fn is_period_line(&self, folded: &str) -> bool {
        !self.period_prefix.is_empty() && folded.starts_with(&self.period_prefix)
    }

    pub fn is_corner_note(&self, folded: &str) -> bool {
        folded == self.corner_note
    }

    /// The section a line opens, with what follows the heading on the same line. Only sections
    /// after `after` count: headings come in order, and this keeps 「（一）主动公开政府信息情况」
    /// or a repeated heading out.
    pub fn section_heading<'a>(
        &self,
        line: &'a str,
        after: Option<SectionId>,
    ) -> Option<(SectionId, &'a str)> {
        // Headings are short; a paragraph is judged by its beginning (which may be a heading
        // followed by text on the same line).
        let folded = fold(super::normalise::head(line, HEADING_PREFIX_CHARS));
        if self.is_table_label(&folded) || old_format::is_old_table_label(&folded) {
            return None;
        }
        let (ordinal, words) = split_ordinal(&folded);
        let numbering_chars = folded.chars().count() - words.chars().count();
        let short = folded.chars().count() <= 40 && !folded.contains('。');
        for section in &self.sections {
            if after.is_some_and(|a| section.id <= a) {
                continue;
            }
            let exact = section.wordings.iter().any(|w| w == words);
            match ordinal {
                None => {}
                Some(o @ Ordinal::Top(_)) if Some(o) == section.ordinal => {}
                // A report with an outline of its own numbers the format's sections otherwise
                // (上海市科委 2024: 「三、政府信息公开行政复议、行政诉讼情况」): the heading's
                // words, whole, still name the section.
                Some(Ordinal::Top(_)) if exact => {}
                _ => continue,
            }
            if exact {
                return Some((section.id, ""));
            }
            if ordinal.is_none() {
                continue;
            }
            // 「一、总体情况2023年，…」: the heading and the first sentence on one line.
            if let Some(wording) = section
                .wordings
                .iter()
                .find(|w| words.starts_with(w.as_str()))
            {
                let rest =
                    super::normalise::after_folded(line, numbering_chars + wording.chars().count());
                return Some((section.id, rest));
            }
            // A numbered short line worded a little differently (「五、存在的主要问题及整改情况」);
            // 「政府信息公开」 is in half the headings and says nothing of which
            // (「四、政府信息公开申请情况」 is no 「四、政府信息公开行政复议、行政诉讼情况」).
            if short
                && section.wordings.iter().any(|w| {
                    longest_common_run(&without_common_words(words), &without_common_words(w))
                        >= DISTINCT_CHARS
                })
            {
                return Some((section.id, ""));
            }
        }
        None
    }
}

/// The words shared by many headings, each replaced by a mark of its own so that no common run
/// goes through it.
fn without_common_words(words: &str) -> String {
    const COMMON: [&str; 3] = ["政府信息公开", "政府信息", "信息公开"];
    let mut out = words.to_owned();
    for (i, word) in COMMON.iter().enumerate() {
        let mark = char::from_u32(0xE000 + i as u32).unwrap_or('\u{fffd}');
        out = out.replace(word, &mark.to_string());
    }
    out
}

pub(super) fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(Labels::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::request_row;

    #[test]
    fn the_carry_over_row_is_not_the_appeals_heading() {
        let l = labels();
        assert_eq!(l.section_heading("四、结转下年度继续办理", None), None);
        assert_eq!(
            l.section_heading(
                "四、政府信息公开行政复议、行政诉讼情况",
                Some(SectionId::Requests)
            ),
            Some((SectionId::Appeals, ""))
        );
    }

    #[test]
    fn headings_variants() {
        let l = labels();
        assert_eq!(
            l.section_heading("五、存在的主要问题及整改措施", Some(SectionId::Appeals)),
            Some((SectionId::Problems, ""))
        );
        assert_eq!(
            l.section_heading("## 一、总体情况", None).map(|h| h.0),
            None,
            "markdown marks are stripped before"
        );
        assert_eq!(
            l.section_heading("（一）主动公开政府信息情况", Some(SectionId::Overview)),
            None
        );
        assert_eq!(
            l.section_heading("二、依申请公开情况", Some(SectionId::Overview)),
            None
        );
        assert_eq!(
            l.section_heading("一、总体情况 2023年，我局…", None),
            Some((SectionId::Overview, "2023年，我局…"))
        );
    }

    #[test]
    fn rows_by_numbering_and_words() {
        let l = labels();
        let row = |text: &str, next: &str| l.request_row(&fold(text), request_row(next));
        assert_eq!(row("（七）总计", "1"), Some(request_row("3.7")));
        assert_eq!(row("总计", "1"), None, "a header word far from its row");
        assert_eq!(row("其他", "1"), None);
        assert_eq!(row("3.其他", "3.6.3"), Some(request_row("3.6.3")));
        assert_eq!(row("予以公开", "3.1"), Some(request_row("3.1")));
        assert_eq!(
            row(
                "1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请",
                "3.6.1"
            ),
            Some(request_row("3.6.1"))
        );
        assert_eq!(
            row(
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府",
                "3.5.5"
            ),
            Some(request_row("3.6.1")),
            "a label split over two lines"
        );
        assert_eq!(row("结转下年度", "3.6.2"), None);
    }
}
