//! The 图解: a one-page picture of the year's figures that offices publish beside the report.
//!
//! [`render_figure`] gives a standalone SVG of A4 portrait proportions: table 二's figures,
//! the requests received, carried over and answered, how they were answered (a bar a result of
//! 三(一)…三(六)), and the review and lawsuit results of table 四, each with its change against
//! last year when the report carries last year's. Meant to survive a black-and-white printer:
//! every figure is printed as a number, bars differ by grey level and pattern, never by hue
//! alone. No script, no fonts, images or anything else fetched; every label comes from
//! [`crate::format`], every piece of text goes through [`html::escape`].

use super::html::escape;
use crate::format::{
    self, ActiveRowKind, RequestRowRole, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN,
    REQUEST_ROWS, REQUEST_TOTAL_COLUMN, RESULT_GROUP_LABEL, SECTIONS,
};
use crate::model::{Count, Decimal, Report};
use std::fmt::Write as _;

/// The page: A4 at 96 px to the inch.
const WIDTH: f64 = 794.0;
const HEIGHT: f64 = 1123.0;
const MARGIN: f64 = 40.0;
const INNER: f64 = WIDTH - 2.0 * MARGIN;

/// Faces that have the Chinese glyphs on Windows, macOS and Linux; nothing is embedded.
pub(crate) const FONT_FAMILY: &str =
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', \
                           'PingFang SC', 'Heiti SC', SimHei, 'WenQuanYi Micro Hei', sans-serif";

/// A blank cell: shown, never drawn as zero.
const BLANK: &str = "—";

/// Grey levels of the result bars, dark to light; each bar also has its own label and number.
const BAR_FILLS: [&str; 6] = [
    "#1a1a1a",
    "#4d4d4d",
    "url(#hatch)",
    "#808080",
    "url(#dots)",
    "#b3b3b3",
];

/// Fills of table 四's result columns (维持, 纠正, 其他, 尚未审结): a solid, a hatch, dots and
/// a light grey, told apart on paper as well as on screen.
const APPEAL_FILLS: [&str; 4] = ["#333333", "url(#hatch)", "url(#dots)", "#d0d0d0"];

/// The year's figures as one SVG document.
pub fn render_figure(report: &Report) -> String {
    let last = report.last_year.as_deref();
    let mut svg = Svg::default();
    let title = format!(
        "{} 图解",
        format::default_title(report.meta.agency.trim(), report.meta.year)
    );
    let mut y = title_block(&mut svg, report, &title);
    y = active_block(&mut svg, report, last, y + 18.0);
    y = request_block(&mut svg, report, last, y + 22.0);
    y = results_block(&mut svg, report, last, y + 16.0);
    appeals_block(&mut svg, report, last, y + 22.0);
    footer(&mut svg, report);

    let mut out = String::with_capacity(svg.body.len() + 2048);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\" \
         viewBox=\"0 0 {} {}\" font-family=\"{FONT_FAMILY}\" role=\"img\" \
         aria-label=\"{}\">\n<title>{}</title>\n",
        Px(WIDTH),
        Px(HEIGHT),
        escape(&title),
        escape(&title)
    );
    out.push_str(DEFS);
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        Px(WIDTH),
        Px(HEIGHT)
    );
    out.push_str(&svg.body);
    out.push_str("</svg>\n");
    out
}

const DEFS: &str = "<defs>\n\
<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
<rect width=\"2.5\" height=\"6\" fill=\"#333333\"/></pattern>\n\
<pattern id=\"dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" \
fill=\"#333333\"/></pattern>\n\
</defs>\n";

// ---------------------------------------------------------------------------------------------
// The page's parts, top to bottom; each returns the y under what it drew
// ---------------------------------------------------------------------------------------------

fn title_block(svg: &mut Svg, report: &Report, title: &str) -> f64 {
    let size = 26.0;
    let lines = if text_width(title, size) <= INNER {
        vec![title.to_owned()]
    } else {
        // The agency on a line of its own: its name is not broken.
        let agency = report.meta.agency.trim();
        let rest = title.strip_prefix(agency).unwrap_or(title);
        vec![agency.to_owned(), rest.to_owned()]
    };
    let mut y = MARGIN + 20.0;
    for line in &lines {
        y += size + 6.0;
        // A line still too long (a very long agency name) is squeezed to the width.
        let fit = squeezed_to(line, size, INNER);
        svg.text_with(WIDTH / 2.0, y, size, "middle", "bold", line, &fit);
    }
    y += 26.0;
    svg.text(
        WIDTH / 2.0,
        y,
        14.0,
        "middle",
        "normal",
        &format::statistics_period(report.meta.year),
    );
    y += 12.0;
    svg.line(MARGIN, y, WIDTH - MARGIN, y, 1.5);
    y
}

fn section_heading(svg: &mut Svg, y: f64, id: format::SectionId) -> f64 {
    let heading = SECTIONS.get(id as usize).map_or("", |def| def.heading);
    svg.rect(MARGIN, y, 6.0, 22.0, "#000000", None);
    svg.text(MARGIN + 14.0, y + 18.0, 18.0, "start", "bold", heading);
    y + 30.0
}

/// Table 二: one box a row, with each of its numbers and the column it belongs to.
fn active_block(svg: &mut Svg, report: &Report, last: Option<&Report>, y: f64) -> f64 {
    let mut y = section_heading(svg, y, format::SectionId::Active);
    let gap = 12.0;
    let triples: Vec<_> = format::active_rows()
        .filter(|(band, _)| band.kind == ActiveRowKind::IssuedRepealedInForce)
        .collect();
    let singles: Vec<_> = format::active_rows()
        .filter(|(band, _)| band.kind != ActiveRowKind::IssuedRepealedInForce)
        .collect();

    let height = 96.0;
    let width = (INNER - gap * (triples.len().max(1) as f64 - 1.0)) / triples.len().max(1) as f64;
    for (i, (band, row)) in triples.iter().enumerate() {
        let x = MARGIN + i as f64 * (width + gap);
        svg.rect(x, y, width, height, "#f2f2f2", Some("#000000"));
        svg.text(x + 10.0, y + 22.0, 15.0, "start", "bold", row.label);
        let columns = band.kind.columns();
        let cell = width / columns.len().max(1) as f64;
        let now = report.active.counts(row.id);
        let before = last.map(|l| l.active.counts(row.id));
        for (c, (_, label)) in columns.iter().enumerate() {
            let cx = x + cell * (c as f64 + 0.5);
            let value = now.get(c).copied().flatten();
            svg.text(cx, y + 56.0, 26.0, "middle", "bold", &count_text(value));
            svg.text(cx, y + 74.0, 11.0, "middle", "normal", label);
            if let Some(before) = before {
                let change = change_text(value, before.get(c).copied().flatten());
                svg.text(cx, y + 89.0, 11.0, "middle", "normal", &change);
            }
        }
    }
    y += height + gap;

    let height = 100.0;
    let count = singles.len().max(1) as f64;
    let width = (INNER - gap * (count - 1.0)) / count;
    for (i, (band, row)) in singles.iter().enumerate() {
        let x = MARGIN + i as f64 * (width + gap);
        svg.rect(x, y, width, height, "#f2f2f2", Some("#000000"));
        svg.text(x + width / 2.0, y + 22.0, 15.0, "middle", "bold", row.label);
        let header = band.kind.columns().first().map_or("", |(_, label)| *label);
        let (value, change) = if band.kind == ActiveRowKind::FeeAmount {
            let now = report.active.fees.as_ref();
            let before = last.map(|l| l.active.fees.as_ref());
            (
                fee_text(now),
                before.map(|before| fee_change_text(now, before)),
            )
        } else {
            let now = report.active.counts(row.id).first().copied().flatten();
            let before = last.map(|l| l.active.counts(row.id).first().copied().flatten());
            (
                count_text(now),
                before.map(|before| change_text(now, before)),
            )
        };
        svg.text(x + width / 2.0, y + 56.0, 26.0, "middle", "bold", &value);
        svg.text_fitted(
            x + width / 2.0,
            y + 74.0,
            11.0,
            width - 8.0,
            "middle",
            header,
        );
        if let Some(change) = change {
            svg.text(x + width / 2.0, y + 91.0, 11.0, "middle", "normal", &change);
        }
    }
    y + height
}

/// Table 三's four key rows as big numbers: 一, 二, 三(七) and 四.
fn request_block(svg: &mut Svg, report: &Report, last: Option<&Report>, y: f64) -> f64 {
    let y = section_heading(svg, y, format::SectionId::Requests);
    let tiles: Vec<(String, usize)> = [
        RequestRowRole::NewRequests,
        RequestRowRole::CarriedIn,
        RequestRowRole::ResultsTotal,
        RequestRowRole::CarriedOut,
    ]
    .into_iter()
    .filter_map(|role| format::request_rows_with_role(role).next())
    .filter_map(|row| {
        let def = REQUEST_ROWS.get(row)?;
        let label = if def.role == RequestRowRole::ResultsTotal {
            format!("{RESULT_GROUP_LABEL}{}", def.label)
        } else {
            def.label.to_owned()
        };
        Some((label, row))
    })
    .collect();
    let gap = 12.0;
    let count = tiles.len().max(1) as f64;
    let width = (INNER - gap * (count - 1.0)) / count;
    let height = 118.0;
    for (i, (label, row)) in tiles.iter().enumerate() {
        let x = MARGIN + i as f64 * (width + gap);
        svg.rect(x, y, width, height, "#ffffff", Some("#000000"));
        let mut line_y = y + 20.0;
        for line in wrap(label, 12.5, width - 16.0) {
            svg.text(x + width / 2.0, line_y, 12.5, "middle", "normal", &line);
            line_y += 16.0;
        }
        let value = total_of_row(report, *row);
        svg.text(
            x + width / 2.0,
            y + 86.0,
            34.0,
            "middle",
            "bold",
            &count_text(value),
        );
        if let Some(last) = last {
            let change = change_text(value, total_of_row(last, *row));
            svg.text(
                x + width / 2.0,
                y + 108.0,
                12.0,
                "middle",
                "normal",
                &change,
            );
        }
    }
    y + height
}

/// One result of 三(一)…三(六) and its total, summed over its rows where it has several.
struct ResultBar {
    label: &'static str,
    rows: Vec<usize>,
}

fn result_bars() -> Vec<ResultBar> {
    let mut bars: Vec<ResultBar> = Vec::new();
    for (index, def) in REQUEST_ROWS.iter().enumerate() {
        if def.role != RequestRowRole::Result {
            continue;
        }
        match def.category {
            None => bars.push(ResultBar {
                label: without_remark(def.label),
                rows: vec![index],
            }),
            Some(category) => match bars.last_mut() {
                Some(bar) if bar.label == category.label => bar.rows.push(index),
                _ => bars.push(ResultBar {
                    label: category.label,
                    rows: vec![index],
                }),
            },
        }
    }
    bars
}

/// 「（二）部分公开（区分处理的，…）」 → 「（二）部分公开」: the remark is for whoever fills the
/// table, not for a reader of the figure.
fn without_remark(label: &str) -> &str {
    let after_ordinal = label.find('）').map_or(0, |at| at + '）'.len_utf8());
    match label.get(after_ordinal..).and_then(|rest| rest.find('（')) {
        Some(at) => label.get(..after_ordinal + at).unwrap_or(label),
        None => label,
    }
}

fn bar_value(report: &Report, bar: &ResultBar) -> Count {
    sum(bar.rows.iter().map(|&row| total_of_row(report, row)))
}

/// How the requests were answered: one bar a result, its number and share at its end.
fn results_block(svg: &mut Svg, report: &Report, last: Option<&Report>, y: f64) -> f64 {
    let bars = result_bars();
    let total = format::request_rows_with_role(RequestRowRole::ResultsTotal)
        .next()
        .and_then(|row| total_of_row(report, row));
    svg.text(
        MARGIN,
        y + 14.0,
        15.0,
        "start",
        "bold",
        &format!("{RESULT_GROUP_LABEL}（件）"),
    );
    let mut y = y + 28.0;
    let label_width = 120.0;
    // Room at the end of the longest bar for 「718（100.0%） 比上年 +12」.
    let value_room = if last.is_some() { 220.0 } else { 130.0 };
    let bar_room = INNER - label_width - value_room;
    let values: Vec<Count> = bars.iter().map(|bar| bar_value(report, bar)).collect();
    let max = values.iter().flatten().copied().max().unwrap_or(0);
    let row_height = 34.0;
    let bar_height = 22.0;
    for (i, (bar, value)) in bars.iter().zip(&values).enumerate() {
        let top = y + i as f64 * row_height;
        let mid = top + bar_height / 2.0 + 5.0;
        svg.text(MARGIN, mid, 14.0, "start", "normal", bar.label);
        let x = MARGIN + label_width;
        let length = match (value, max) {
            (Some(v), m) if m > 0 => (*v as f64 / m as f64) * bar_room,
            _ => 0.0,
        };
        // A non-zero count always shows a sliver, however small beside the largest.
        let length = if value.is_some_and(|v| v > 0) {
            length.max(2.0)
        } else {
            length
        };
        svg.line(x, top - 3.0, x, top + bar_height + 3.0, 1.0);
        if length > 0.0 {
            let fill = BAR_FILLS
                .get(i % BAR_FILLS.len())
                .copied()
                .unwrap_or("#4d4d4d");
            svg.rect(x, top, length, bar_height, fill, Some("#000000"));
        }
        let mut text = count_text(*value);
        if let (Some(v), Some(t)) = (value, total) {
            if t > 0 {
                let _ = write!(text, "（{}%）", Tenths::of(*v as f64 * 100.0 / t as f64));
            }
        }
        if let Some(last) = last {
            let _ = write!(text, "　{}", change_text(*value, bar_value(last, bar)));
        }
        svg.text(x + length + 8.0, mid, 14.0, "start", "bold", &text);
    }
    y += bars.len() as f64 * row_height;
    y
}

/// Table 四: a row a group, its total and a bar cut into its four results, each numbered.
fn appeals_block(svg: &mut Svg, report: &Report, last: Option<&Report>, y: f64) -> f64 {
    let mut y = section_heading(svg, y, format::SectionId::Appeals);
    let parts: Vec<usize> = (0..APPEAL_COLUMNS.len())
        .filter(|&c| c != APPEAL_TOTAL_COLUMN)
        .collect();
    let totals: Vec<Count> = report
        .appeals
        .0
        .iter()
        .map(|group| group.get(APPEAL_TOTAL_COLUMN).copied().flatten())
        .collect();
    let max = totals.iter().flatten().copied().max().unwrap_or(0);
    let label_width = 130.0;
    let total_room = 150.0;
    let bar_room = INNER - label_width - total_room;
    let total_label = APPEAL_COLUMNS
        .get(APPEAL_TOTAL_COLUMN)
        .map_or("", |c| c.label);
    for (g, group) in APPEAL_GROUPS.iter().enumerate() {
        let cells = report.appeals.0.get(g);
        let value = |c: usize| cells.and_then(|cells| cells.get(c).copied().flatten());
        // A suit group under its parent's name, smaller, on the line above.
        if group.label != group.parent {
            svg.text(MARGIN, y + 1.0, 11.0, "start", "normal", group.parent);
        }
        svg.text_fitted(
            MARGIN,
            y + 17.0,
            14.0,
            label_width - 8.0,
            "start",
            group.label,
        );
        // The bar: its length is the group's total against the largest total.
        let x = MARGIN + label_width;
        let total = value(APPEAL_TOTAL_COLUMN);
        let full = match (total, max) {
            (Some(t), m) if m > 0 => t as f64 / m as f64 * bar_room,
            _ => 0.0,
        };
        svg.line(x, y - 1.0, x, y + 25.0, 1.0);
        let sum_of_parts: u64 = parts.iter().filter_map(|&c| value(c)).sum();
        let mut at = x;
        for (k, &c) in parts.iter().enumerate() {
            let Some(v) = value(c) else { continue };
            if v == 0 || sum_of_parts == 0 {
                continue;
            }
            let width = full * v as f64 / sum_of_parts as f64;
            let fill = APPEAL_FILLS.get(k).copied().unwrap_or("#ffffff");
            svg.rect(at, y + 2.0, width, 20.0, fill, Some("#000000"));
            at += width;
        }
        let mut total_text = format!("{total_label} {}", count_text(total));
        if let Some(last) = last {
            let before = last
                .appeals
                .0
                .get(g)
                .and_then(|cells| cells.get(APPEAL_TOTAL_COLUMN).copied().flatten());
            let _ = write!(total_text, "　{}", change_text(total, before));
        }
        svg.text(
            x + bar_room + 10.0,
            y + 18.0,
            14.0,
            "start",
            "bold",
            &total_text,
        );
        // Under the bar: each result with its swatch and number.
        let legend_y = y + 40.0;
        let step = bar_room / parts.len().max(1) as f64;
        for (k, &c) in parts.iter().enumerate() {
            let lx = x + k as f64 * step;
            let fill = APPEAL_FILLS.get(k).copied().unwrap_or("#ffffff");
            svg.rect(lx, legend_y - 10.0, 12.0, 12.0, fill, Some("#000000"));
            let column = APPEAL_COLUMNS.get(c).map_or("", |col| col.label);
            svg.text(
                lx + 16.0,
                legend_y,
                12.5,
                "start",
                "normal",
                &format!("{column} {}", count_text(value(c))),
            );
        }
        y += 58.0;
    }
    y
}

fn footer(svg: &mut Svg, report: &Report) {
    let y = HEIGHT - MARGIN;
    svg.line(MARGIN, y - 22.0, WIDTH - MARGIN, y - 22.0, 0.75);
    let mut note = format!("数据来源：{}", report.title());
    if report.last_year.is_some() {
        note.push_str("；「比上年」与上一年度报告相比");
    }
    note.push_str("；「—」表示未填写");
    svg.text_fitted(MARGIN, y - 4.0, 11.0, INNER, "start", &note);
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

fn total_of_row(report: &Report, row: usize) -> Count {
    report
        .requests
        .0
        .get(row)
        .and_then(|cells| cells.get(REQUEST_TOTAL_COLUMN).copied().flatten())
}

/// The sum of the filled counts, or blank when all are blank (as totals.rs sums).
fn sum(parts: impl IntoIterator<Item = Count>) -> Count {
    parts.into_iter().flatten().fold(None, |sum: Count, n| {
        Some(sum.unwrap_or(0).saturating_add(n))
    })
}

fn count_text(value: Count) -> String {
    value.map_or_else(|| BLANK.to_owned(), |n| n.to_string())
}

/// 「比上年 +12」, 「比上年 -3」 or 「持平」; 「比上年 —」 where either year is blank.
fn change_text(now: Count, before: Count) -> String {
    match (now, before) {
        (Some(now), Some(before)) => signed_change(i128::from(now) - i128::from(before), 0),
        _ => format!("比上年 {BLANK}"),
    }
}

fn signed_change(delta: i128, decimals: usize) -> String {
    if delta == 0 {
        return "持平".to_owned();
    }
    let sign = if delta > 0 { '+' } else { '-' };
    let magnitude = delta.unsigned_abs();
    if decimals == 0 {
        return format!("比上年 {sign}{magnitude}");
    }
    let scale = 10u128.pow(decimals as u32);
    let fraction = format!("{:0decimals$}", magnitude % scale);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("比上年 {sign}{}", magnitude / scale)
    } else {
        format!("比上年 {sign}{}.{fraction}", magnitude / scale)
    }
}

fn fee_text(fee: Option<&Decimal>) -> String {
    match fee {
        Some(fee) if !fee.0.trim().is_empty() => fee.0.trim().to_owned(),
        _ => BLANK.to_owned(),
    }
}

/// The change of a fee, computed on the decimals as typed, so that 「0.1」 and 「0.3」 differ by
/// exactly 0.2.
fn fee_change_text(now: Option<&Decimal>, before: Option<&Decimal>) -> String {
    let (Some(now), Some(before)) = (now, before) else {
        return format!("比上年 {BLANK}");
    };
    match now.change_from(before) {
        Some((delta, places)) => signed_change(delta, places),
        None => format!("比上年 {BLANK}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/// The width text takes: a CJK character one em, anything narrower about half of one.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// Lines of at most `width`, broken between characters (Chinese has no spaces to break at).
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in text.chars() {
        let Some(line) = lines.last_mut() else { break };
        let mut candidate = line.clone();
        candidate.push(c);
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(c.to_string());
        } else {
            *line = candidate;
        }
    }
    lines
}

/// A number to one decimal, written through integers: float formatting would add its own
/// ~10 kB of code to the app's download (measured), for one decimal.
pub(crate) struct Tenths(pub(crate) i64);

impl Tenths {
    pub(crate) fn of(value: f64) -> Tenths {
        Tenths((value * 10.0).round() as i64)
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let tenths = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// A coordinate or length: to a tenth, without a trailing 「.0」.
pub(crate) struct Px(pub(crate) f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Tenths(tenths) = Tenths::of(self.0);
        if tenths % 10 == 0 {
            write!(f, "{}", tenths / 10)
        } else {
            Tenths(tenths).fmt(f)
        }
    }
}

/// The attributes that squeeze `text` into `width` when it would run longer; none otherwise.
fn squeezed_to(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) > width {
        format!(
            " textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
            Px(width)
        )
    } else {
        String::new()
    }
}

#[derive(Default)]
struct Svg {
    body: String,
}

impl Svg {
    fn text(&mut self, x: f64, y: f64, size: f64, anchor: &str, weight: &str, text: &str) {
        self.text_with(x, y, size, anchor, weight, text, "");
    }

    /// Text squeezed to `width` where it would run longer (an agency's long name).
    fn text_fitted(&mut self, x: f64, y: f64, size: f64, width: f64, anchor: &str, text: &str) {
        let fit = squeezed_to(text, size, width);
        self.text_with(x, y, size, anchor, "normal", text, &fit);
    }

    #[allow(clippy::too_many_arguments)]
    fn text_with(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        anchor: &str,
        weight: &str,
        text: &str,
        extra: &str,
    ) {
        let (x, y, size) = (Px(x), Px(y), Px(size));
        let _ = writeln!(
            self.body,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"{anchor}\" \
             font-weight=\"{weight}\" fill=\"#000000\"{extra}>{}</text>",
            escape(text)
        );
    }

    fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str, stroke: Option<&str>) {
        let stroke = stroke.map_or(String::new(), |s| {
            format!(" stroke=\"{s}\" stroke-width=\"0.8\"")
        });
        let (x, y, width, height) = (Px(x), Px(y), Px(width), Px(height));
        let _ = writeln!(
            self.body,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" \
             fill=\"{fill}\"{stroke}/>"
        );
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, width: f64) {
        let (x1, y1, x2, y2, width) = (Px(x1), Px(y1), Px(x2), Px(y2), Px(width));
        let _ = writeln!(
            self.body,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" \
             stroke=\"#000000\" stroke-width=\"{width}\"/>"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_to_a_tenth_without_float_formatting() {
        assert_eq!(Px(12.0).to_string(), "12");
        assert_eq!(Px(12.25).to_string(), "12.3");
        assert_eq!(Px(-0.04).to_string(), "0");
        assert_eq!(Px(-3.5).to_string(), "-3.5");
        assert_eq!(Tenths::of(40.9).to_string(), "40.9");
        assert_eq!(Tenths::of(100.0).to_string(), "100.0");
        assert_eq!(Tenths::of(2.0 / 3.0 * 100.0).to_string(), "66.7");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(change_text(Some(713), Some(701)), "比上年 +12");
        assert_eq!(change_text(Some(3), Some(10)), "比上年 -7");
        assert_eq!(change_text(Some(5), Some(5)), "持平");
        assert_eq!(change_text(None, Some(5)), "比上年 —");
        let fee = |s: &str| Decimal(s.into());
        assert_eq!(
            fee_change_text(Some(&fee("0.3")), Some(&fee("0.1"))),
            "比上年 +0.2"
        );
        assert_eq!(
            fee_change_text(Some(&fee("1")), Some(&fee("1.25"))),
            "比上年 -0.25"
        );
        assert_eq!(
            fee_change_text(Some(&fee("2.50")), Some(&fee("2.5"))),
            "持平"
        );
        assert_eq!(
            fee_change_text(Some(&fee("x")), Some(&fee("1"))),
            "比上年 —"
        );
    }

    #[test]
    fn the_six_results_with_their_labels() {
        let bars = result_bars();
        let labels: Vec<&str> = bars.iter().map(|b| b.label).collect();
        assert_eq!(
            labels,
            [
                "（一）予以公开",
                "（二）部分公开",
                "（三）不予公开",
                "（四）无法提供",
                "（五）不予处理",
                "（六）其他处理"
            ]
        );
        let rows: usize = bars.iter().map(|b| b.rows.len()).sum();
        assert_eq!(rows, 2 + 8 + 3 + 5 + 3);
    }

    #[test]
    fn wrapping_keeps_every_character() {
        let label = "一、本年新收政府信息公开申请数量";
        let lines = wrap(label, 12.5, 150.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.concat(), label);
        assert!(lines.iter().all(|l| text_width(l, 12.5) <= 150.0));
    }
}
