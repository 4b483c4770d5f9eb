//! The six sections found by their headings, and the text each one keeps.
//!
//! What comes before 「一、」 is the preamble (title, agency, date and the opening paragraph);
//! the text between a table section's heading and its table, and notes under it, are that
//! section's text; the statistics period line and the table's own captions are not.

use super::labels::labels;
use super::normalise::fold;
use super::pdf_text;
use super::Item;
use crate::date::Date;
use crate::format::SectionId;
use crate::page_chrome;

pub(super) struct Region {
    pub section: SectionId,
    pub items: Vec<Item>,
}

pub(super) struct Document {
    pub preamble: Vec<Item>,
    pub regions: Vec<Region>,
}

impl Document {
    pub fn region(&self, id: SectionId) -> Option<&Region> {
        self.regions.iter().find(|r| r.section == id)
    }

    pub fn last_section(&self) -> Option<SectionId> {
        self.regions.last().map(|r| r.section)
    }
}

/// Headings met so far with nothing under them but the last: a table of contents.
fn looks_like_contents(regions: &[Region]) -> bool {
    const MIN_CONTENTS_HEADINGS: usize = 3;
    regions.len() >= MIN_CONTENTS_HEADINGS
        && regions
            .iter()
            .take(regions.len() - 1)
            .all(|r| r.items.is_empty())
}

pub(super) fn is_table_section(id: SectionId) -> bool {
    matches!(
        id,
        SectionId::Active | SectionId::Requests | SectionId::Appeals
    )
}

/// Splits the items at the section headings.
pub(super) fn split(items: Vec<Item>) -> Document {
    let labels = labels();
    let mut document = Document {
        preamble: Vec::new(),
        regions: Vec::new(),
    };
    // Whether the line before ended open, in an enumeration (「…、」「…和」): a heading's words
    // there, without their numbering, are a list of the report's parts, not a heading.
    let mut after_open = false;
    // The line that opened the last section when it had no numbering (「总体情况」): a list of
    // the report's parts may hold its words alone, so the numbered heading met later is the one.
    let mut unnumbered_opening: Option<String> = None;
    for item in join_split_headings(items)
        .into_iter()
        .flat_map(split_glued_heading)
    {
        let open_before = after_open;
        after_open =
            matches!(&item, Item::Line(l) if l.trim_end().ends_with(['、', '，', ',', '和', '及']));
        if let Item::Line(line) = &item {
            let after = document.last_section();
            let mut heading = labels.section_heading(line, after);
            let numbered = super::normalise::split_ordinal(&fold(super::normalise::head(line, 8)))
                .0
                .is_some();
            if open_before && !numbered {
                heading = None;
            }
            // A table of contents lists the headings before the report does: headings back to
            // back, then the opening paragraph. A heading met again there starts the sections
            // anew, and what followed the contents is the preamble.
            if heading.is_none() && looks_like_contents(&document.regions) {
                heading = labels.section_heading(line, None);
                if heading.is_some() {
                    if let Some(last) = document.regions.pop() {
                        document.preamble.extend(last.items);
                    }
                    document.regions.clear();
                }
            }
            if heading.is_none() && numbered && unnumbered_opening.is_some() {
                let again = labels
                    .section_heading(line, None)
                    .filter(|(section, _)| Some(*section) == after);
                if again.is_some() {
                    if let Some(wrong) = document.regions.pop() {
                        let before = match document.regions.last_mut() {
                            Some(region) => &mut region.items,
                            None => &mut document.preamble,
                        };
                        before.extend(unnumbered_opening.take().map(Item::Line));
                        before.extend(wrong.items);
                    }
                    heading = again;
                }
            }
            if let Some((section, rest)) = heading {
                unnumbered_opening = (!numbered).then(|| line.clone());
                let mut region = Region {
                    section,
                    items: Vec::new(),
                };
                if !rest.is_empty() {
                    region.items.push(Item::Line(rest.to_owned()));
                }
                document.regions.push(region);
                continue;
            }
        }
        match document.regions.last_mut() {
            Some(region) => region.items.push(item),
            None => document.preamble.push(item),
        }
    }
    cut_page_tail(&mut document);
    document
}

/// A heading whose numbering a copy put on lines of its own (「五、」 then 「存在的主要问题及改进
/// 情况」, or 「二」 「、」 then the words: 莆田市's pages as a crawler or a careless copy gives
/// them) as one line, when the whole is a section's heading.
fn join_split_headings(items: Vec<Item>) -> Vec<Item> {
    let numeral = |folded: &str| {
        !folded.is_empty()
            && folded.chars().count() <= 3
            && folded.chars().all(|c| "零一二三四五六七八九十".contains(c))
    };
    let numeral_alone = |line: &str| numeral(&fold(line));
    let mark_alone = |line: &str| matches!(fold(line).as_str(), "," | ".");
    let numbering_alone = |line: &str| fold(line).strip_suffix([',', '.']).is_some_and(&numeral);
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let Item::Line(words) = &item {
            let line_back =
                |back: usize| match out.len().checked_sub(back).and_then(|at| out.get(at)) {
                    Some(Item::Line(line)) => Some(line.trim()),
                    _ => None,
                };
            let numbering = match (line_back(2), line_back(1)) {
                (Some(number), Some(mark)) if numeral_alone(number) && mark_alone(mark) => {
                    Some((2, format!("{number}{mark}")))
                }
                (_, Some(numbering)) if numbering_alone(numbering) => {
                    Some((1, numbering.to_owned()))
                }
                _ => None,
            };
            if let Some((lines, numbering)) = numbering {
                let joined = format!("{numbering}{}", words.trim());
                if labels().section_heading(&joined, None).is_some() {
                    out.truncate(out.len() - lines);
                    out.push(Item::Line(joined));
                    continue;
                }
            }
        }
        out.push(item);
    }
    out
}

/// A paragraph with the next heading glued to its end (「…电话：0714-8766001）。一、总体情况」,
/// 大冶市东风路街道 2024) as two lines.
fn split_glued_heading(item: Item) -> Vec<Item> {
    if let Item::Line(line) = &item {
        // 「安镇街道2024年政府信息公开工作年度报告根据《…条例》…编制。」: the title and the opening
        // sentence on one line.
        for opening in PREAMBLE_OPENINGS {
            if let Some(at) = line.find(opening).filter(|at| *at > 0) {
                let (title, paragraph) = line.split_at(at);
                if !title.contains(['：', ':']) && super::meta::is_dated_title(title) {
                    return vec![
                        Item::Line(title.trim().to_owned()),
                        Item::Line(paragraph.to_owned()),
                    ];
                }
            }
        }
        if let Some((paragraph, tail)) = line.rsplit_once('。') {
            let is_heading = !paragraph.is_empty()
                && labels()
                    .section_heading(tail, None)
                    .is_some_and(|(_, rest)| rest.is_empty());
            if is_heading {
                return vec![
                    Item::Line(format!("{paragraph}。")),
                    Item::Line(tail.trim().to_owned()),
                ];
            }
        }
    }
    vec![item]
}

/// The text of an item as one line: a row's cells joined by spaces.
fn item_text(item: &Item) -> std::borrow::Cow<'_, str> {
    match item {
        Item::Line(line) => line.as_str().into(),
        Item::Row(cells) => cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .into(),
    }
}

fn is_chrome(item: &Item) -> bool {
    // A row with a number in a cell of its own is a table's.
    if let Item::Row(cells) = item {
        let numbers = |c: &super::Cell| {
            !c.text.is_empty() && c.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
        };
        if cells.iter().any(numbers) {
            return false;
        }
    }
    page_chrome::classify(&item_text(item)).is_some()
}

/// Drops what a page prints after the report: from the article's buttons (「打印本页」
/// 「关闭窗口」「扫一扫」), its attachments or the site's footer on, nothing is the report's.
fn cut_page_tail(document: &mut Document) {
    if let Some(last) = document.regions.last_mut() {
        let end = last.items.iter().position(|item| {
            is_chrome(item)
                && page_chrome::classify(&item_text(item)).is_some_and(|kind| kind.ends_article())
        });
        if let Some(end) = end {
            last.items.truncate(end);
        }
    }
}

/// How a line inside a table section is read.
pub(super) enum TableLine {
    /// The statistics period or the corner note of table 三: neither text nor cells.
    Skip,
    /// A sentence: the section's own text (「注：行政复议、行政诉讼数量含上年度结转数量。」).
    Text,
    /// A caption, a label or a row of numbers printed as a line.
    Cells,
}

/// Lines longer than this are sentences even without a full stop.
const SENTENCE_CHARS: usize = 60;

pub(super) fn table_line(line: &str) -> TableLine {
    let labels = labels();
    // A PDF copy lays a row out with runs of spaces (「一、本年新收…      95    0 …」): they do
    // not make a line a sentence.
    if line.len() > SENTENCE_CHARS * 8 {
        return TableLine::Text;
    }
    let folded = fold(line);
    if labels.is_period_line(&folded) || labels.is_corner_note(&folded) {
        return TableLine::Skip;
    }
    let sentence = folded.contains('。')
        || folded.contains(';')
        || folded.starts_with("注")
        || folded.chars().count() > SENTENCE_CHARS;
    if sentence {
        TableLine::Text
    } else {
        TableLine::Cells
    }
}

/// How the opening paragraph of a report begins (「根据《中华人民共和国政府信息公开条例》…」).
const PREAMBLE_OPENINGS: [&str; 5] = ["根据", "依据", "按照", "本报告", "本年度报告"];

/// Whether a preamble line is part of the opening paragraph rather than the title, the agency,
/// a date or a page's metadata (「来源：…」).
fn is_paragraph(line: &str) -> bool {
    if is_title_or_field(line) {
        return false;
    }
    // An opening cut short in a damaged copy (「根据《中华人民」) is still the report's.
    if PREAMBLE_OPENINGS.iter().any(|o| line.starts_with(o)) {
        return true;
    }
    line.contains('。') || line.chars().count() >= 40
}

/// A title (「…2023年政府信息公开工作年度报告」) or a page's field (「来源：市应急局」).
fn is_title_or_field(line: &str) -> bool {
    if super::meta::is_dated_title(line) {
        return true;
    }
    let key = line.split(['：', ':']).next();
    PREAMBLE_OPENINGS.iter().all(|o| !line.starts_with(o))
        && key.is_some_and(|key| {
            // 「信息提供日期 : 」 is a field; 「(http://…)上可下载」 is not.
            let key = key.trim();
            !key.is_empty()
                && key.chars().count() <= 6
                && key.chars().all(super::normalise::is_cjk)
                && key.len() < line.len()
        })
}

/// The opening paragraphs before 「一、」: they go at the start of 一、总体情况.
pub(super) fn preamble_text(document: &Document, from_text: bool) -> Vec<String> {
    // What a page prints above the report's title (menus, breadcrumbs, a list of other
    // reports) is the website's.
    let title = document.preamble.iter().position(|item| {
        matches!(item, Item::Line(l) if !l.contains(['：', ':']) && super::meta::is_dated_title(l))
    });
    // Title and the page's fields are dropped first, so that a title is never joined to the
    // paragraph under it; the pieces of a sentence that a copy put on lines of their own
    // (「统计时限自」 「20」 「21」 「年」 「1月1日起至20」…) are joined before short lines are
    // dropped, or the sentence would lose them.
    let lines: Vec<String> = document
        .preamble
        .iter()
        .skip(title.unwrap_or(0))
        .filter_map(|item| match item {
            Item::Line(l) if !is_title_or_field(l) && !is_chrome(item) => Some(l.clone()),
            _ => None,
        })
        .collect();
    let lines = if from_text {
        pdf_text::join_broken_lines(lines)
    } else {
        lines
    };
    lines.into_iter().filter(|l| is_paragraph(l)).collect()
}

/// The text a section keeps, as published, one paragraph per line.
pub(super) fn section_text(region: &Region, from_text: bool) -> Vec<String> {
    let table = is_table_section(region.section);
    let mut lines = Vec::new();
    for item in &region.items {
        match item {
            Item::Line(line) => {
                if (!table || matches!(table_line(line), TableLine::Text)) && !is_chrome(item) {
                    lines.push(line.clone());
                }
            }
            // A small table inside running text (a list of what was published) stays readable.
            Item::Row(cells) if !table && !is_chrome(item) => lines.push(
                cells
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
            Item::Row(_) => {}
        }
    }
    if from_text {
        pdf_text::join_broken_lines(lines)
    } else {
        lines
    }
}

/// 「2026年1月23日」, 「（2024年1月17日）」, 「2024-01-17」: the date as YYYY-MM-DD.
pub(super) fn date_line(line: &str) -> Option<String> {
    // 「（2026年12月31日）」 with spaces is well under this.
    if line.len() > 64 {
        return None;
    }
    Date::from_written(&fold(line)).map(|date| date.to_string())
}

/// 「（此件主动公开）」, 「（此件公开发布）」: how an official document says it is public.
fn is_release_mark(line: &str) -> bool {
    let folded = fold(line);
    let inner = folded.trim_start_matches('(').trim_end_matches(')');
    inner.starts_with("此件") && inner.chars().count() <= 8
}

/// The signature under the last section: who signed, and when (YYYY-MM-DD).
pub(super) struct Signature {
    pub agency: Option<String>,
    pub date: String,
}

/// Drops the signature (agency and date) that ends the last section, returning it.
pub(super) fn strip_signature(lines: &mut Vec<String>) -> Option<Signature> {
    // 「（此件主动公开）」 under the date marks the document as public, as official documents do.
    if lines.last().is_some_and(|l| is_release_mark(l)) && lines.len() >= 2 {
        let date_above = lines
            .get(lines.len() - 2)
            .and_then(|l| date_line(l))
            .is_some();
        if date_above {
            lines.pop();
        }
    }
    let date = lines.last().and_then(|l| date_line(l))?;
    lines.pop();
    let signed = lines.last().is_some_and(|l| {
        let chars = l.chars().count();
        chars <= 30 && !l.chars().any(|c| "。，、；：,.;:".contains(c))
    });
    let agency = if signed { lines.pop() } else { None };
    Some(Signature {
        agency: agency.filter(|a| crate::agency::is_agency_name(a)),
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_line("2024年1月17日").as_deref(), Some("2024-01-17"));
        assert_eq!(date_line("(2026年1月23日)").as_deref(), Some("2026-01-23"));
        assert_eq!(date_line("2024-01-17").as_deref(), Some("2024-01-17"));
        assert_eq!(date_line("2023年12月"), None);
        assert_eq!(date_line("截至2023年12月31日"), None);
    }

    #[test]
    fn signature() {
        let mut lines = vec![
            "本年度未收取信息处理费。".to_owned(),
            "沭阳县发展和改革局".to_owned(),
            "2024年1月17日".to_owned(),
        ];
        let signature = strip_signature(&mut lines).unwrap();
        assert_eq!(signature.date, "2024-01-17");
        assert_eq!(signature.agency.as_deref(), Some("沭阳县发展和改革局"));

        assert_eq!(lines, vec!["本年度未收取信息处理费。".to_owned()]);
        // 莆田市林业局 2024: the document's release mark under the date.
        let mut marked: Vec<String> = [
            "我局今年无收取信息处理费情况。",
            "莆田市林业局",
            "2025年1月14日",
            "（此件主动公开）",
        ]
        .map(String::from)
        .to_vec();
        let signature = strip_signature(&mut marked).unwrap();
        assert_eq!(signature.date, "2025-01-14");
        assert_eq!(signature.agency.as_deref(), Some("莆田市林业局"));
        assert_eq!(marked, ["我局今年无收取信息处理费情况。"]);
    }
}
