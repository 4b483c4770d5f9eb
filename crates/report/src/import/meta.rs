//! The header fields of an imported report: title, agency, year, publication date, and the
//! agency kind guessed from the agency's name.
//!
//! The title is looked for where reports print it (a line of its own above the text, possibly
//! broken over two lines), then in the page's metadata (`<title>`, 「标题：」, 「名称|」), then
//! where the opening paragraph cites it (「编制完成《额尔敦街道2023年政府信息公开工作年度报告》」).
//! The agency and the year are read from the title; without one, from the text.

use super::normalise::{fold, is_cjk, is_space};
use super::notes::{self, note};
use super::pdf_text;
use super::sections::{date_line, Document, Signature};
use super::Item;
use crate::agency;
use crate::finding::{Finding, Severity};
use crate::format::{AgencyKind, SectionId};
use crate::model::{Meta, Place};
use crate::page_chrome;

pub(super) struct MetaRead {
    pub meta: Meta,
    pub notes: Vec<Finding>,
}

/// Longest title taken: past this a line is a sentence.
const MAX_TITLE_CHARS: usize = 80;

/// Whether the text is a report's title: names 信息公开, ends in 报告, is no sentence.
fn is_title(text: &str) -> bool {
    // 4 bytes a char at most: longer texts cannot be titles, and need not be folded.
    if text.len() > MAX_TITLE_CHARS * 4 {
        return false;
    }
    let folded = fold(text);
    folded.contains("信息公开")
        && folded.ends_with("报告")
        && !folded.contains('。')
        && folded.chars().count() <= MAX_TITLE_CHARS
}

/// A title that names its year, as titles do (「…2023年度政府信息公开工作年度报告」).
pub(super) fn is_dated_title(text: &str) -> bool {
    is_title(text) && first_year(&tidy_title(text)).is_some()
}

/// The title without the spaces a PDF copy puts between words (「沭阳县人民政府 2025 年 …」);
/// spaces between two latin letters or digits stay.
fn tidy_title(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut tidy = String::new();
    for (i, c) in chars.iter().enumerate() {
        if is_space(*c) {
            let before = chars
                .get(..i)
                .and_then(|b| b.iter().rev().find(|c| !is_space(**c)));
            let after = chars
                .get(i + 1..)
                .and_then(|a| a.iter().find(|c| !is_space(**c)));
            let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if latin(before) && latin(after) && !tidy.ends_with(' ') {
                tidy.push(' ');
            }
            continue;
        }
        tidy.push(*c);
    }
    tidy
}

/// A page's title cut before the site's name: 「…年度报告-沭阳县发改局」.
fn without_site_suffix(text: &str) -> Option<String> {
    let end = text.rfind("报告")? + "报告".len();
    let title = text.get(..end)?;
    is_title(title).then(|| title.trim().to_owned())
}

fn preamble_lines(document: &Document) -> Vec<&str> {
    document
        .preamble
        .iter()
        .filter_map(|item| match item {
            Item::Line(l) => Some(l.as_str()),
            Item::Row(_) => None,
        })
        .collect()
}

/// 「标题：…」 and 「名称|…」: a page's metadata field, by its key.
fn metadata_field(document: &Document, keys: &[&str]) -> Option<String> {
    for item in &document.preamble {
        match item {
            Item::Line(line) => {
                if let Some((key, value)) = line.split_once(['：', ':']) {
                    if keys.contains(&key.trim()) && !value.trim().is_empty() {
                        return Some(value.trim().to_owned());
                    }
                }
            }
            Item::Row(cells) => {
                let mut cells = cells.iter();
                while let Some(cell) = cells.next() {
                    if keys.contains(&cell.text.as_str()) {
                        if let Some(value) = cells.next().filter(|v| !v.text.is_empty()) {
                            return Some(value.text.clone());
                        }
                    }
                }
            }
        }
    }
    None
}

fn find_title(document: &Document, page_title: Option<&str>) -> Option<String> {
    // Runs of consecutive lines (a row between two lines breaks the run).
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for item in &document.preamble {
        match (item, runs.last_mut()) {
            (Item::Line(line), Some(run)) => run.push(line),
            _ => runs.push(Vec::new()),
        }
    }
    // A title on a line of its own, with the agency on the line above it when the title
    // starts with the year (「高平市人民政府办公室」 / 「2023年政府信息公开工作年度报告」).
    let mut standalone = None;
    for run in &runs {
        for (i, line) in run.iter().enumerate() {
            // 「标题水城区杨梅乡2022年…」: a metadata row copied without its colon.
            let line = &["标题", "名称", "题名"]
                .iter()
                .find_map(|key| line.strip_prefix(key))
                .unwrap_or(line);
            if line.contains(['：', ':'])
                || !is_dated_title(line)
                || page_chrome::classify(line).is_some()
            {
                continue;
            }
            if agency_from_title(&tidy_title(line)).is_some() {
                return Some((*line).to_owned());
            }
            let above = i.checked_sub(1).and_then(|above| run.get(above));
            if let Some(agency) = above.filter(|a| agency::is_agency_name(a)) {
                return Some(format!("{agency}{line}"));
            }
            standalone.get_or_insert(*line);
        }
    }
    if let Some(line) = standalone {
        return Some(line.to_owned());
    }
    // Broken over two or three lines of a PDF; a line before it that names no agency (「正文」)
    // is no part of it.
    for run in &runs {
        for start in 0..run.len() {
            let mut candidate = String::new();
            for line in run.iter().skip(start).take(3) {
                if line.contains(['：', ':']) || line.chars().count() > MAX_TITLE_CHARS {
                    break;
                }
                candidate.push_str(line);
                let tidy = tidy_title(&candidate);
                let starts_with_year = first_year(&tidy).is_some_and(|(at, _)| at == 0);
                if is_dated_title(&candidate)
                    && (starts_with_year || agency_from_title(&tidy).is_some())
                {
                    return Some(candidate);
                }
            }
        }
    }
    let metadata = [
        metadata_field(document, &["标题", "名称", "题名"]),
        page_title.map(str::to_owned),
    ];
    if let Some(title) = metadata
        .iter()
        .flatten()
        .find_map(|t| without_site_suffix(t))
    {
        return Some(title);
    }
    // Cited in the opening paragraph, or in the first lines of 一.
    let overview = document
        .region(SectionId::Overview)
        .into_iter()
        .flat_map(|r| r.items.iter().take(3))
        .filter_map(|item| match item {
            Item::Line(l) => Some(l.as_str()),
            Item::Row(_) => None,
        });
    for line in preamble_lines(document).into_iter().chain(overview) {
        for cited in line.split('《').skip(1) {
            if let Some((title, _)) = cited.split_once('》') {
                if is_title(title) {
                    return Some(title.to_owned());
                }
            }
        }
    }
    None
}

/// The first year written 「YYYY年」 in the text, with its byte position.
fn first_year(text: &str) -> Option<(usize, i32)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, window) in chars.windows(5).enumerate() {
        let digits: String = window.iter().take(4).map(|(_, c)| *c).collect();
        let before_is_digit = i > 0 && chars.get(i - 1).is_some_and(|(_, c)| c.is_ascii_digit());
        if !before_is_digit
            && window.get(4).is_some_and(|(_, c)| *c == '年')
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            if let (Ok(year), Some((at, _))) = (digits.parse::<i32>(), window.first()) {
                if (1990..=2100).contains(&year) {
                    return Some((*at, year));
                }
            }
        }
    }
    None
}

/// The agency a title names: what precedes the year (「沭阳县发展和改革局2023年…」), or, for a
/// title that starts with the year, what follows it up to 「政府信息公开」; None when that is no
/// agency's name (「正文2023年…」 of a PDF copy).
fn agency_from_title(title: &str) -> Option<String> {
    named_in_title(title).filter(|name| agency::is_agency_name(name))
}

fn named_in_title(title: &str) -> Option<String> {
    let (at, _) = first_year(title)?;
    let before = title.get(..at)?.trim().trim_start_matches("关于");
    if !before.is_empty() {
        return Some(before.to_owned());
    }
    let after = title.get(at..)?;
    let after = after.split_once('年')?.1.trim_start_matches('度');
    let end = after
        .find("政府信息公开")
        .or_else(|| after.find("信息公开"))?;
    let name = after.get(..end)?.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Endings of agency names, longest first, for finding a name in running text.
const AGENCY_ENDINGS: [&str; 13] = [
    "街道办事处",
    "人民政府",
    "政府",
    "街道",
    "委员会",
    "办公室",
    "管委会",
    "局",
    "镇",
    "乡",
    "厅",
    "委",
    "办",
];

/// An agency named in the opening sentence (「…，官洲街道办事处认真贯彻落实…」): the words
/// after the last punctuation before one of [`AGENCY_ENDINGS`].
fn agency_in_text(text: &str) -> Option<String> {
    // The agency is named early; a long text is not searched further.
    let sentence = super::normalise::head(text, 200)
        .split(['。', '；'])
        .next()?;
    // Names inside 《》 are of laws and documents (「《中华人民共和国政府信息公开条例》」).
    let mut plain = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    for c in sentence.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ => plain.push(c),
        }
        if depth > 0 || c == '》' {
            plain.push(' ');
        }
    }
    let sentence = plain.as_str();
    let mut endings: Vec<(usize, &str)> = AGENCY_ENDINGS
        .iter()
        .flat_map(|e| sentence.match_indices(e))
        .collect();
    endings.sort_by_key(|(at, e)| (*at, usize::MAX - e.len()));
    endings.into_iter().find_map(|(end, ending)| {
        let before = sentence.get(..end)?;
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !is_cjk(*c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        // 「2025 年上海市…」: the date's 年 is no part of the name.
        let place = before
            .get(start..)?
            .trim_start_matches(['年', '度', '月', '日']);
        // A one-char ending (局, 委 …) needs a longer name before it: 「在区委」 is no agency.
        let needed = if ending.chars().count() == 1 { 4 } else { 2 };
        let length = place.chars().count();
        // 「现结合我镇」: a report speaking of itself (我镇, 我局) names no agency.
        let words_of_a_sentence = ["工作", "信息公开", "领导", "认真", "按照", "的", "我"];
        if length < needed || length > 30 || words_of_a_sentence.iter().any(|w| place.contains(w)) {
            return None;
        }
        agency::name_in(&format!("{place}{ending}"))
    })
}

/// How reports speak of their own agency, by kind; the first kind whose words occur wins, so a
/// department's 「我局」 outweighs the 「全市」 it also writes.
const SELF_REFERENCES: [(&[&str], AgencyKind); 5] = [
    (
        &[
            "我局",
            "本局",
            "我委",
            "本委",
            "我办",
            "本办",
            "我厅",
            "本厅",
            "我中心",
            "本中心",
            "本单位",
            "我单位",
        ],
        AgencyKind::Department,
    ),
    (
        &[
            "我镇",
            "全镇",
            "本镇",
            "我乡",
            "全乡",
            "本乡",
            "我街道",
            "本街道",
            "全街道",
            "我街",
            "街道办",
        ],
        AgencyKind::Township,
    ),
    (
        &[
            "我县",
            "全县",
            "本县",
            "我区",
            "全区",
            "本区",
            "我旗",
            "全旗",
            "经开区",
            "开发区",
            "高新区",
        ],
        AgencyKind::CountyGov,
    ),
    (
        &["我市", "全市", "本市", "我州", "全州", "本州", "我盟"],
        AgencyKind::CityGov,
    ),
    (
        &["我省", "全省", "本省", "全区各市"],
        AgencyKind::ProvinceGov,
    ),
];

/// The kind the text's words for its own agency suggest, with the word.
fn kind_from_text<'a>(
    lines: impl Iterator<Item = &'a str> + Clone,
) -> Option<(AgencyKind, &'static str)> {
    SELF_REFERENCES.iter().find_map(|(words, kind)| {
        words
            .iter()
            .find(|w| lines.clone().any(|l| l.contains(*w)))
            .map(|w| (*kind, *w))
    })
}

/// The statistics period's year: 「2023年1月1日」.
fn period_year(text: &str) -> Option<i32> {
    let folded = fold(text);
    let at = folded.find("年1月1日")?;
    let year = folded.get(at.checked_sub(4)?..at)?;
    year.parse().ok().filter(|y| (1990..=2100).contains(y))
}

/// `signature`: the agency and date signed under the last section, if any.
pub(super) fn read(
    document: &Document,
    page_title: Option<&str>,
    signature: Option<Signature>,
) -> MetaRead {
    let (signed_by, signature_date) = match signature {
        Some(s) => (s.agency, Some(s.date)),
        None => (None, None),
    };
    let mut notes = Vec::new();
    let mut meta = Meta::default();

    let title = find_title(document, page_title).map(|t| tidy_title(&t));
    let mut agency = title.as_deref().and_then(agency_from_title);
    let mut year = title.as_deref().and_then(first_year).map(|(_, y)| y);

    let preamble: Vec<&str> = preamble_lines(document);
    let overview: Vec<&str> = document
        .region(SectionId::Overview)
        .into_iter()
        .flat_map(|r| r.items.iter())
        .filter_map(|item| match item {
            Item::Line(l) => Some(l.as_str()),
            Item::Row(_) => None,
        })
        .collect();

    // Whether the name was only inferred from the running text: its kind is then unsure too.
    let mut inferred = false;
    if agency.is_none() {
        if let Some(name) = signed_by.or_else(|| {
            metadata_field(document, &["发布机构", "发文机关", "来源单位"])
                .filter(|name| agency::is_agency_name(name))
        }) {
            agency = Some(name);
        } else if let Some(name) = preamble
            .iter()
            .chain(overview.iter())
            .find_map(|l| agency_in_text(l))
        {
            notes.push(note(
                notes::META,
                Severity::Warning,
                Place::Meta("agency"),
                format!("没有找到报告标题，机关名称「{name}」是从正文推测的，请核对并填写机关全称"),
                format!(
                    "No title was found; the agency 「{name}」 was inferred from the text: check it and give the agency's full name"
                ),
            ));
            agency = Some(name);
            inferred = true;
        }
    }
    // 「三明市2023年政府信息公开工作年度报告」: the city's report, its government's name.
    if let Some(government) = agency.as_deref().and_then(agency::government_of_place) {
        let place = agency.as_deref().unwrap_or_default();
        notes.push(note(
            notes::META,
            Severity::Info,
            Place::Meta("agency"),
            format!("标题只写了地名「{place}」，机关名称按惯例写作「{government}」，请核对"),
            format!("The title names the place 「{place}」 only; the agency was written 「{government}」, as is usual: check it"),
        ));
        agency = Some(government);
    }
    if year.is_none() {
        // The statistics period, wherever the text states it (the preamble, 一, the line above
        // tables 二 and 三).
        year = document
            .preamble
            .iter()
            .chain(document.regions.iter().flat_map(|r| r.items.iter()))
            .filter_map(|item| match item {
                Item::Line(l) => Some(l.as_str()),
                Item::Row(_) => None,
            })
            .find_map(period_year);
    }
    if year.is_none() {
        if let Some(found) = preamble
            .iter()
            .chain(overview.iter())
            .find_map(|l| first_year(l))
            .map(|(_, y)| y)
        {
            notes.push(note(
                notes::META,
                Severity::Warning,
                Place::Meta("year"),
                format!("标题和统计期限中都没有年度，报告年度「{found}」是从正文第一次提到的年份推测的，请核对"),
                format!(
                    "Neither a title nor a statistics period gives the year; {found}, the first year the text names, was taken: check it"
                ),
            ));
            year = Some(found);
        }
    }

    let (agency, fixes) = match agency {
        Some(a) => {
            let (fixed, fixes) = pdf_text::fix_ocr(&tidy_title(&a));
            (Some(fixed), fixes)
        }
        None => (None, Vec::new()),
    };
    let title = title.map(|t| pdf_text::fix_ocr(&t).0);
    for (wrong, right) in fixes {
        notes.push(note(
            notes::OCR_FIX,
            Severity::Info,
            Place::Meta("agency"),
            format!("机关名称中的「{wrong}」按常见识别错误改为「{right}」；正文保持原样，其中的「{wrong}」请自行核对"),
            format!(
                "「{wrong}」 in the agency's name was corrected to 「{right}」, a common misreading of PDF or OCR copies; the text is kept as published, so check any 「{wrong}」 there"
            ),
        ));
    }

    match &agency {
        Some(name) => {
            let guess = agency::guess(name);
            if !guess.sure || inferred {
                let def = guess.kind.def();
                notes.push(note(
                    notes::AGENCY_KIND,
                    Severity::Warning,
                    Place::Meta("agency_kind"),
                    format!("从名称「{name}」看不准机关类型，暂按「{}」处理，请核对（它决定公开期限和必备内容）", def.label_zh),
                    format!(
                        "The name 「{name}」 does not settle the agency kind; it was taken as {} for now: check it (it sets the deadline and required content)",
                        def.label_en
                    ),
                ));
            }
            meta.agency_kind = guess.kind;
            meta.agency = name.clone();
        }
        None => {
            notes.push(note(
                notes::META,
                Severity::Warning,
                Place::Meta("agency"),
                "没有找到报告标题和机关名称，请填写机关全称".to_owned(),
                "Neither a title nor the agency's name was found: give the agency's full name"
                    .to_owned(),
            ));
            // How the text speaks of itself (「我县」「全区」「我局」) is all there is to go by.
            let kind = kind_from_text(preamble.iter().chain(overview.iter()).copied());
            if let Some((kind, word)) = kind {
                meta.agency_kind = kind;
                let def = kind.def();
                notes.push(note(
                    notes::AGENCY_KIND,
                    Severity::Warning,
                    Place::Meta("agency_kind"),
                    format!(
                        "没有机关名称，按正文中的「{word}」暂定机关类型为「{}」，请核对",
                        def.label_zh
                    ),
                    format!(
                        "No agency name; the text's 「{word}」 suggests {}: check it",
                        def.label_en
                    ),
                ));
            } else {
                notes.push(note(
                    notes::AGENCY_KIND,
                    Severity::Warning,
                    Place::Meta("agency_kind"),
                    "没有机关名称，也看不出机关类型，请选择".to_owned(),
                    "No agency name, and nothing shows the agency kind: choose it".to_owned(),
                ));
            }
        }
    }
    match year {
        Some(y) => meta.year = y,
        None => notes.push(note(
            notes::META,
            Severity::Warning,
            Place::Meta("year"),
            "没有找到报告年度，请填写".to_owned(),
            "The year reported on was not found: fill it in".to_owned(),
        )),
    }
    // An explicit title is kept only when it is not the one the app would make.
    if let Some(title) = title {
        if title != crate::format::default_title(&meta.agency, meta.year) {
            meta.title = title;
        }
    }

    meta.published_on = metadata_field(document, &["公开日期", "发布日期", "成文日期", "发文日期"])
        .and_then(|d| date_line(&d))
        .or_else(|| preamble.iter().take(6).find_map(|l| date_line(l)))
        .or(signature_date);

    MetaRead { meta, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_and_year_from_titles() {
        assert_eq!(
            agency_from_title("沭阳县发展和改革局2023年政府信息公开年度报告").as_deref(),
            Some("沭阳县发展和改革局")
        );
        assert_eq!(
            agency_from_title("2023年某市生态环境局政府信息公开工作年度报告").as_deref(),
            Some("某市生态环境局")
        );
        assert_eq!(
            first_year("西咸新区底张街道办事处2023年度政府信息公开工作年度报告").map(|y| y.1),
            Some(2023)
        );
        assert_eq!(
            tidy_title("沐阳县人民政府 2025 年 政府信息公开工作年度报告"),
            "沐阳县人民政府2025年政府信息公开工作年度报告"
        );
        assert_eq!(
            without_site_suffix("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局")
                .as_deref(),
            Some("沭阳县发展和改革局2023年政府信息公开年度报告")
        );
    }

    #[test]
    fn no_agency_from_a_word_that_names_none() {
        assert_eq!(
            agency_from_title("正文2023年政府信息公开工作年度报告"),
            None
        );
    }

    #[test]
    fn agency_named_in_text() {
        assert_eq!(
            agency_in_text("2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实条例。")
                .as_deref(),
            Some("官洲街道办事处")
        );
    }
}
