//! Undoing what PDF text extraction and OCR do to a report: page footers (「— 3 —」) between
//! lines, markdown marks (`## 一、总体情况`, `**…**`) around them, paragraphs broken at the end
//! of each printed line, and a few characters OCR is known to misread in names.

use super::normalise::fold;

/// A page number printed at the foot of a page: 「— 3 —」, 「- 3 -」, 「第3页」, 「第 3 页 共 10 页」.
pub(super) fn is_page_footer(line: &str) -> bool {
    if line.len() > 48 {
        return false;
    }
    let folded = fold(line);
    let inner = folded.trim_matches('-');
    if folded.starts_with('-')
        && folded.ends_with('-')
        && !inner.is_empty()
        && inner.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    if let Some(rest) = folded.strip_prefix('第') {
        let (page, rest) = split_digits(rest);
        if page && rest.starts_with('页') {
            let rest = rest.trim_start_matches('页').trim_start_matches(',');
            if rest.is_empty() {
                return true;
            }
            if let Some(total) = rest.strip_prefix('共') {
                let (digits, rest) = split_digits(total);
                return digits && rest == "页";
            }
        }
    }
    false
}

fn split_digits(text: &str) -> (bool, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(at, _)| at);
    (end > 0, text.get(end..).unwrap_or(""))
}

/// The line without markdown's heading and emphasis marks.
pub(super) fn strip_markdown(line: &str) -> &str {
    let mut text = line.trim();
    if text.starts_with('#') {
        text = text.trim_start_matches('#').trim_start();
    }
    if text.len() > 4 && text.starts_with("**") && text.ends_with("**") {
        text = text.get(2..text.len() - 2).unwrap_or(text).trim();
    }
    text
}

/// Chars that end a paragraph (or a sentence that may end one).
const PARAGRAPH_ENDS: &str = "。！？；：…!?;:”’」』）)】]";

/// Lines shorter than this are headings, signatures or dates, not a printed line of a paragraph.
const PRINTED_LINE_CHARS: usize = 20;

fn starts_item(line: &str) -> bool {
    let folded = fold(super::normalise::head(line, 12));
    let (ordinal, _) = super::normalise::split_ordinal(&folded);
    ordinal.is_some()
        || folded.starts_with("注")
        || [
            "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
        ]
        .iter()
        .any(|w| folded.starts_with(w))
        || folded.starts_with("第") && folded.chars().nth(2).is_some_and(|c| c == ',' || c == '是')
}

/// Joins the printed lines of one paragraph that a PDF copy broke apart: a long line that does
/// not end a sentence, followed by a line that does not start a new item. A short line without
/// any punctuation after it (a signature, a date) is never joined on.
pub(super) fn join_broken_lines(lines: Vec<String>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(lines.len());
    let mut open = false;
    let mut previous = String::new();
    for line in lines {
        let continues = open && !starts_item(&line) && {
            let chars = line.chars().count();
            chars >= PRINTED_LINE_CHARS || line.chars().any(|c| "，。、；：！？”".contains(c))
        } || joined
            .last()
            .is_some_and(|last| continues_fragment(last, &previous, &line));
        previous.clone_from(&line);
        // Judged by the printed line itself, not the paragraph it joined: a full line that
        // does not end a sentence continues on the next.
        let full_line = line.chars().count() >= PRINTED_LINE_CHARS
            && !line
                .chars()
                .last()
                .is_some_and(|c| PARAGRAPH_ENDS.contains(c));
        match joined.last_mut() {
            Some(last) if continues => last.push_str(&line),
            _ => joined.push(line),
        }
        open = full_line;
    }
    joined
}

/// What a line that continues a sentence can start with, but a paragraph cannot: a unit after a
/// number, a comma, a closing bracket.
const CONTINUATION_STARTS: &str = "件个条项份万元年月日号%％，,、。；;：:）)”」』";

fn is_bare_number(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
}

/// Pieces of one sentence that a page's inline spans put on lines of their own (「2023」 /
/// 「年共受理政府信息公开申请」 / 「302」 / 「件，上年结转」): a bare number, or a line that starts
/// with what cannot start a paragraph, continues the paragraph before it when that ends no
/// sentence and is no heading.
fn continues_fragment(paragraph: &str, previous: &str, line: &str) -> bool {
    let ends_open = !paragraph
        .chars()
        .last()
        .is_some_and(|c| PARAGRAPH_ENDS.contains(c));
    let heading = starts_item(paragraph) && paragraph.chars().count() < PRINTED_LINE_CHARS;
    let continuation = line
        .chars()
        .next()
        .is_some_and(|c| CONTINUATION_STARTS.contains(c));
    // 「本报告由总体情况」 / 「、」 / 「主动公开政府信息情况」 … 「三明」 / 「市」 / 「人民」: a
    // paragraph left at a comma or a 和, and pieces of one or two chars, go on.
    let enumerating = paragraph.ends_with(['、', '，', ',', '和', '及', '“']);
    let piece = |s: &str| s.chars().count() <= 2 && !starts_item(s);
    ends_open
        && !heading
        && (is_bare_number(line)
            || continuation
            || enumerating && !starts_item(line)
            || piece(line)
            || (is_bare_number(previous) || piece(previous)) && !starts_item(line))
}

/// Characters that OCR of Chinese reports is known to confuse in place names, wrong → right.
/// 「沐阳」 is no place; 「沭阳」 (江苏省宿迁市沭阳县) is.
const OCR_CONFUSIONS: [(&str, &str); 1] = [("沐阳", "沭阳")];

/// The name with known OCR misreadings corrected, and which were.
pub(super) fn fix_ocr(name: &str) -> (String, Vec<(&'static str, &'static str)>) {
    let mut fixed = name.to_owned();
    let mut applied = Vec::new();
    for (wrong, right) in OCR_CONFUSIONS {
        if fixed.contains(wrong) {
            fixed = fixed.replace(wrong, right);
            applied.push((wrong, right));
        }
    }
    (fixed, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers() {
        for footer in ["— 3 —", "-3-", "－ 12 －", "第3页", "第 3 页 共 10 页"] {
            assert!(is_page_footer(footer), "{footer}");
        }
        for line in ["3", "— 三 —", "第三页", "2023年", "第二十条第（一）项"] {
            assert!(!is_page_footer(line), "{line}");
        }
    }

    #[test]
    fn broken_paragraphs_are_joined_and_headings_are_not() {
        let lines = [
            "2025年，我县坚持以群众需求为导向，聚焦重点领域和关键环节，努力让政务信息“看",
            "得懂、用得上、易监督”。",
            "（一）主动公开情况",
            "额尔敦街道信息公开的内容本着原则予以公开，重点围绕民生改善、社会保障等方面",
            "（三）政府信息管理情况",
            "我县认真落实要求，全年收取信息处理费共计380元，其中民政局1件收取380元",
            "沭阳县人民政府",
            "2026年1月23日",
        ]
        .map(String::from)
        .to_vec();
        let joined = join_broken_lines(lines);
        assert_eq!(joined.len(), 7);
        assert!(joined[0].ends_with("看得懂、用得上、易监督”。"));
        assert_eq!(joined[1], "（一）主动公开情况");
        assert_eq!(joined[3], "（三）政府信息管理情况");
        assert_eq!(joined[5], "沭阳县人民政府");
    }

    #[test]
    fn sentences_split_at_their_spans_are_joined() {
        // 三明市人民政府 2023, a page whose inline spans each came out on a line.
        let lines = [
            "依法依规，提升政府信息公开申请答复质量。",
            "2023",
            "年共受理政府信息公开申请",
            "302",
            "件，上年结转",
            "1",
            "件，办结",
            "303",
            "件。申请的内容主要集中在政策文件等方面。",
            "（三）政府信息管理方面。",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            join_broken_lines(lines),
            [
                "依法依规，提升政府信息公开申请答复质量。",
                "2023年共受理政府信息公开申请302件，上年结转1件，办结303件。申请的内容主要集中在政策文件等方面。",
                "（三）政府信息管理方面。",
            ]
        );
    }

    #[test]
    fn markdown_marks() {
        assert_eq!(strip_markdown("## 一、总体情况"), "一、总体情况");
        assert_eq!(
            strip_markdown("**二、主动公开政府信息情况**"),
            "二、主动公开政府信息情况"
        );
        assert_eq!(fix_ocr("沐阳县人民政府").0, "沭阳县人民政府");
    }
}
