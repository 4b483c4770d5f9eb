//! The region view written out (issue 18): each indicator's spread across the units as a strip
//! plot, one agency's indicator over the years as a line, and the whole view as CSV for
//! Excel/WPS and as a printable page.
//!
//! Drawn for a black-and-white printer, as the 图解 is: every number the eye needs is printed
//! as text, and a unit outside the usual range is told apart by its shape (a hollow diamond
//! among filled dots), never by colour. No script and nothing fetched; every piece of text goes
//! through [`escape`]. Coordinates are written through integers ([`Px`]), so that neither NaN
//! nor infinity can reach a page, whatever the figures.

use super::figure::{text_width, Px, FONT_FAMILY};
use super::html::escape;
use crate::batch::write_csv_line;
use crate::indicators::{Figure, IndicatorDef, INDICATORS};
use crate::region::{in_unit, sorted_units, usual_range, RegionView, Spread, MIN_UNITS_FOR_RANGE};
use crate::small_sort::insertion_sort;
use std::fmt::Write as _;

/// Wide enough for a screen, narrow enough for half an A4 landscape page.
const WIDTH: f64 = 640.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 592.0;
const BLANK: &str = "—";
/// A unit's dot, and the distance between two lanes of tied units.
const DOT: f64 = 3.5;
const LANE: f64 = 9.0;
/// How many indicators one printed table holds: the twenty side by side do not fit across A4.
const COLUMNS_PER_TABLE: usize = 10;

fn pick<'a>(english: bool, zh: &'a str, en: &'a str) -> &'a str {
    if english {
        en
    } else {
        zh
    }
}

/// 「复议纠错率（%）」, 「Reviews corrected (%)」.
fn heading(def: &IndicatorDef, english: bool) -> String {
    if english {
        format!("{} ({})", def.name_en, def.unit.label_en())
    } else {
        format!("{}（{}）", def.name_zh, def.unit.label_zh())
    }
}

/// A quartile as the indicator shows its figures; 「—」 for what is not a number.
fn stat(def: &IndicatorDef, value: f64) -> String {
    if value.is_finite() {
        in_unit(def.unit, value)
    } else {
        BLANK.to_owned()
    }
}

/// Above (true) or below (false) the usual range; None inside it or without one.
fn outside(range: Option<(f64, f64)>, value: f64) -> Option<bool> {
    let (low, high) = range?;
    (!(low..=high).contains(&value)).then_some(value > high)
}

// ---------------------------------------------------------------------------------------------
// The strip plot of one indicator
// ---------------------------------------------------------------------------------------------

/// One indicator across the units: a dot a unit on one line, the box from Q1 to Q3 with the
/// median across it, the five numbers printed above, and each unit outside the usual range a
/// hollow diamond labelled with its name and figure. Units that tie stand in lanes above and
/// below the line. None when no unit has the figure.
pub fn distribution_svg(view: &RegionView, indicator: usize, english: bool) -> Option<String> {
    let def = INDICATORS.get(indicator)?;
    let spread = view.spreads.get(indicator).copied().flatten()?;
    let mut marks: Vec<(f64, &str, &Figure)> = view
        .units
        .iter()
        .filter_map(|unit| {
            let figure = unit.figures.get(indicator)?;
            let value = figure.value().filter(|v| v.is_finite())?;
            Some((value, unit.agency.as_str(), figure))
        })
        .collect();
    // Lowest first; ties keep the view's order, so that the picture is the same every time.
    insertion_sort(&mut marks, |a, b| a.0 < b.0);
    let (lowest, highest) = (marks.first()?, marks.last()?);
    let (lo, hi) = (lowest.0, highest.0);
    let x_of = |v: f64| {
        if hi > lo {
            LEFT + (v - lo) / (hi - lo) * (RIGHT - LEFT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    };
    let xs: Vec<f64> = marks.iter().map(|m| x_of(m.0)).collect();
    let lanes = lanes(&xs);
    let above = -lanes.iter().copied().min().unwrap_or(0).min(0);
    let below = lanes.iter().copied().max().unwrap_or(0).max(0);
    let range = usual_range(&spread);
    let title = if english {
        let units = if marks.len() == 1 { "unit" } else { "units" };
        format!("{} · {} {units}", heading(def, true), marks.len())
    } else {
        format!("{}　{}个单位", heading(def, false), marks.len())
    };
    let numbers = [
        (pick(english, "最小", "min"), lowest.2.text()),
        ("Q1", stat(def, spread.q1)),
        (pick(english, "中位数", "median"), stat(def, spread.median)),
        ("Q3", stat(def, spread.q3)),
        (pick(english, "最大", "max"), highest.2.text()),
    ];

    let mut body = String::new();
    text(&mut body, WIDTH / 2.0, 24.0, 15.0, "middle", true, &title);
    for (i, (label, value)) in numbers.iter().enumerate() {
        let x = 20.0 + i as f64 * 122.0;
        text(
            &mut body,
            x,
            48.0,
            12.0,
            "start",
            false,
            &format!("{label} {value}"),
        );
    }

    // The box and the median behind the dots; the dots in their lanes.
    let top = 62.0;
    let middle = top + DOT + 8.0 + f64::from(above) * LANE;
    let bottom = middle + f64::from(below) * LANE + DOT + 8.0;
    let (q1, q3) = (x_of(spread.q1), x_of(spread.q3));
    rect(&mut body, q1, top, q3 - q1, bottom - top, "#e6e6e6");
    let median = x_of(spread.median);
    line(&mut body, median, top - 3.0, median, bottom + 3.0, 2.5, "");
    let mut outliers = Vec::new();
    for ((&(value, agency, figure), &x), &lane) in marks.iter().zip(&xs).zip(&lanes) {
        let y = middle + f64::from(lane) * LANE;
        let label = format!("{agency} {}", figure.text());
        if outside(range, value).is_some() {
            diamond(&mut body, x, y, &label);
            outliers.push((x, y, label));
        } else {
            dot(&mut body, x, y, &label);
        }
    }

    // The axis, its two ends numbered.
    let axis = bottom + 8.0;
    line(&mut body, LEFT, axis, RIGHT, axis, 1.0, "");
    let ends: &[(f64, String)] = if hi > lo {
        &[(LEFT, lowest.2.text()), (RIGHT, highest.2.text())]
    } else {
        &[((LEFT + RIGHT) / 2.0, lowest.2.text())]
    };
    for (x, label) in ends {
        line(&mut body, *x, axis, *x, axis + 4.0, 1.0, "");
        text(&mut body, *x, axis + 17.0, 11.0, "middle", false, label);
    }

    // Each unit outside the range named on a row of its own, a thin line up to its diamond.
    let mut y = axis + 22.0;
    for (x, mark_y, label) in &outliers {
        y += 17.0;
        line(&mut body, *x, mark_y + 5.5, *x, y - 11.0, 0.6, "#808080");
        let (anchor, at, room) = if *x <= WIDTH / 2.0 {
            ("start", x + 5.0, WIDTH - 10.0 - x)
        } else {
            ("end", x - 5.0, x - 10.0)
        };
        fitted(&mut body, at, y, 12.0, anchor, label, room);
    }

    // What the shapes mean, and what the picture leaves out.
    y += 26.0;
    let mut x = 20.0;
    // A key's label after its shape; returns where the shape goes.
    let mut key = |body: &mut String, label: &str| {
        let at = x;
        text(body, at + 12.0, y, 11.0, "start", false, label);
        x += 12.0 + text_width(label, 11.0) + 20.0;
        at
    };
    let at = key(&mut body, pick(english, "单位", "unit"));
    dot(&mut body, at + 3.0, y - 4.0, "");
    if range.is_some() {
        let at = key(
            &mut body,
            pick(english, "超出通常范围", "outside the usual range"),
        );
        diamond(&mut body, at + 3.0, y - 4.0, "");
    }
    let at = key(&mut body, "Q1–Q3");
    rect(&mut body, at - 2.0, y - 10.0, 10.0, 12.0, "#e6e6e6");
    let at = key(&mut body, pick(english, "中位数", "median"));
    line(&mut body, at + 3.0, y - 11.0, at + 3.0, y + 3.0, 2.5, "");

    let mut notes = Vec::new();
    if range.is_some() {
        notes.push(
            pick(
                english,
                "通常范围：Q1、Q3 以外不超过四分位距的1.5倍",
                "usual range: within 1.5 × the interquartile range beyond Q1 and Q3",
            )
            .to_owned(),
        );
    } else {
        notes.push(if english {
            format!("fewer than {MIN_UNITS_FOR_RANGE} units: no usual range")
        } else {
            format!("不足{MIN_UNITS_FOR_RANGE}个单位，不判断通常范围")
        });
    }
    let without = view.units.len().saturating_sub(marks.len());
    if without > 0 {
        notes.push(if english {
            format!("{without} unit(s) without the figure (「—」) not drawn")
        } else {
            format!("另有{without}个单位无此数（「—」），未画出")
        });
    }
    y += 20.0;
    fitted(
        &mut body,
        20.0,
        y,
        11.0,
        "start",
        &notes.join(pick(english, "；", "; ")),
        WIDTH - 40.0,
    );

    let (colon, comma) = (pick(english, "：", ": "), pick(english, "，", ", "));
    let parts: Vec<String> = numbers.iter().map(|(l, v)| format!("{l} {v}")).collect();
    let mut summary = format!("{title}{colon}{}", parts.join(comma));
    if !outliers.is_empty() {
        let names: Vec<&str> = outliers.iter().map(|o| o.2.as_str()).collect();
        let _ = write!(
            summary,
            "{}{colon}{}",
            pick(english, "；超出通常范围", "; outside the usual range"),
            names.join(comma)
        );
    }
    Some(svg_document(y + 14.0, &summary, &body))
}

/// Each mark's lane, 0 on the middle line and then -1, 1, -2, 2 … above and below it: the first
/// lane where it clears the marks already there, so that tied units each stay in sight, in the
/// same places every time. `xs` run left to right, so only a lane's last mark can be in the way.
fn lanes(xs: &[f64]) -> Vec<i32> {
    let mut last_in_lane: Vec<f64> = Vec::new();
    xs.iter()
        .map(|&x| {
            let k = last_in_lane
                .iter()
                .position(|&at| x - at >= 2.0 * DOT + 2.0)
                .unwrap_or(last_in_lane.len());
            match last_in_lane.get_mut(k) {
                Some(at) => *at = x,
                None => last_in_lane.push(x),
            }
            let k = k as i32;
            if k % 2 == 1 {
                -(k + 1) / 2
            } else {
                k / 2
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// One agency over the years
// ---------------------------------------------------------------------------------------------

/// One agency's indicator over the years ([`crate::region::trend`]'s points): a dot a year with
/// its figure printed above it, joined year to year; a year without the figure (or without a
/// report) is 「—」 at its place and breaks the line. None when no year has the figure.
pub fn trend_svg(
    points: &[(i32, Figure)],
    indicator: usize,
    agency: &str,
    english: bool,
) -> Option<String> {
    let def = INDICATORS.get(indicator)?;
    let mut points: Vec<(i32, &Figure, Option<f64>)> = points
        .iter()
        .map(|(year, figure)| (*year, figure, figure.value().filter(|v| v.is_finite())))
        .collect();
    insertion_sort(&mut points, |a, b| a.0 < b.0);
    let values = points.iter().filter_map(|p| p.2);
    let (lo, hi) = values.fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if hi == f64::NEG_INFINITY {
        return None;
    }
    let hi = if hi > lo { hi } else { lo + 1.0 };
    let (first, last) = (i64::from(points.first()?.0), i64::from(points.last()?.0));
    let (top, bottom) = (58.0, 196.0);
    let x_of = |year: i64| {
        if last > first {
            LEFT + (year - first) as f64 / (last - first) as f64 * (RIGHT - LEFT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    };
    let y_of = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - top);
    let heading = heading(def, english);
    let title = if english {
        format!("{agency} · {heading}")
    } else {
        format!("{agency}　{heading}")
    };

    let mut body = String::new();
    fitted(
        &mut body,
        WIDTH / 2.0,
        24.0,
        15.0,
        "middle",
        &title,
        WIDTH - 40.0,
    );
    line(
        &mut body,
        LEFT - 10.0,
        bottom,
        RIGHT + 10.0,
        bottom,
        1.0,
        "",
    );
    if lo < 0.0 {
        let zero = y_of(0.0);
        line(
            &mut body,
            LEFT - 10.0,
            zero,
            RIGHT + 10.0,
            zero,
            0.8,
            "#808080",
        );
        text(&mut body, LEFT - 14.0, zero + 4.0, 11.0, "end", false, "0");
    }
    // The years between without a report are blanks too, when there are not too many to write;
    // of two points of one year, the first.
    let mut years: Vec<(i64, Option<f64>, String)> = Vec::new();
    for (year, figure, value) in &points {
        let year = i64::from(*year);
        let before = years.last().map(|y| y.0);
        if before == Some(year) {
            continue;
        }
        if let Some(before) = before.filter(|_| last - first <= 40) {
            years.extend((before + 1..year).map(|y| (y, None, BLANK.to_owned())));
        }
        years.push((year, *value, figure.text()));
    }
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut blanks = false;
    let mut before = None;
    for (year, value, shown) in &years {
        let x = x_of(*year);
        line(&mut body, x, bottom, x, bottom + 4.0, 1.0, "");
        let label = year.to_string();
        text(&mut body, x, bottom + 18.0, 12.0, "middle", false, &label);
        parts.push(format!("{year} {shown}"));
        // The line joins one year to the next only.
        if value.is_none() || before.is_none_or(|b: i64| b + 1 != *year) {
            polyline(&mut body, &run);
            run.clear();
        }
        match value {
            Some(v) => run.push((x, y_of(*v))),
            None => {
                blanks = true;
                let middle = (top + bottom) / 2.0;
                text(&mut body, x, middle, 14.0, "middle", true, BLANK);
            }
        }
        before = Some(*year);
    }
    polyline(&mut body, &run);
    for (year, value, shown) in &years {
        if let Some(v) = value {
            let (x, y) = (x_of(*year), y_of(*v));
            dot_sized(&mut body, x, y, 4.0, &format!("{year} {shown}"));
            text(&mut body, x, y - 9.0, 12.0, "middle", true, shown);
        }
    }
    let mut height = bottom + 30.0;
    if blanks {
        height += 16.0;
        text(
            &mut body,
            20.0,
            height,
            11.0,
            "start",
            false,
            pick(
                english,
                "「—」：该年度无此数，或批次中没有该年度的报告",
                "「—」: no figure that year, or no report of that year in the batch",
            ),
        );
    }
    let summary = format!(
        "{title}{}{}",
        pick(english, "：", ": "),
        parts.join(pick(english, "，", ", "))
    );
    Some(svg_document(height + 12.0, &summary, &body))
}

// ---------------------------------------------------------------------------------------------
// The view as CSV and as a printable page
// ---------------------------------------------------------------------------------------------

/// The rows under the units: each indicator's median, quartiles and the number of units with
/// the figure.
fn stat_rows(view: &RegionView, english: bool) -> [(&'static str, Vec<String>); 4] {
    let row = |f: fn(&Spread) -> f64| -> Vec<String> {
        INDICATORS
            .iter()
            .zip(&view.spreads)
            .map(|(def, spread)| {
                spread
                    .as_ref()
                    .map_or(BLANK.to_owned(), |s| stat(def, f(s)))
            })
            .collect()
    };
    let units = view
        .spreads
        .iter()
        .map(|spread| spread.map_or(0, |s| s.units).to_string())
        .collect();
    [
        (pick(english, "中位数", "Median"), row(|s| s.median)),
        (
            pick(english, "下四分位数（Q1）", "Lower quartile (Q1)"),
            row(|s| s.q1),
        ),
        (
            pick(english, "上四分位数（Q3）", "Upper quartile (Q3)"),
            row(|s| s.q3),
        ),
        (
            pick(english, "有此数的单位数", "Units with the figure"),
            units,
        ),
    ]
}

fn indicator_name(id: Option<&str>, english: bool) -> &'static str {
    id.and_then(crate::indicators::indicator)
        .map_or("", |def| pick(english, def.name_zh, def.name_en))
}

/// The screen's table: every indicator in one table, the units in `sorting`'s order, each
/// header a sort button (`data-sort`: the indicator's index, or 「agency」) that says how the
/// table is sorted (`aria-sort`). The page listens for their clicks.
pub fn table_html(view: &RegionView, sorting: Sorting, english: bool) -> String {
    let order = sorted_units(view, sorting.by, sorting.downwards);
    let mut html = String::new();
    write_table(
        &mut html,
        view,
        0..INDICATORS.len(),
        &order,
        Some(sorting),
        english,
    );
    html
}

/// The flags as a list, for the screen.
pub fn flags_html(view: &RegionView, english: bool) -> String {
    let mut html = String::new();
    write_flags(&mut html, view, english);
    html
}

/// How the screen's table is sorted: by an indicator (its index) or by the agency, and
/// whether largest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sorting {
    pub by: Option<usize>,
    pub downwards: bool,
}

/// A table of the units (in `order`) × the indicators in `columns`, the median, quartiles
/// and units count under them. A figure outside the usual range is marked 「◇」 with the way it
/// is out, and the flag's reason as its title; with `sorting`, the headers are sort buttons.
fn write_table(
    html: &mut String,
    view: &RegionView,
    columns: std::ops::Range<usize>,
    order: &[usize],
    sorting: Option<Sorting>,
    english: bool,
) {
    let header = |html: &mut String, key: &str, by: Option<usize>, label: &str| {
        let Some(sorting) = sorting else {
            let _ = write!(html, "<th scope=\"col\">{}</th>", escape(label));
            return;
        };
        let sorted = match (sorting.by == by, sorting.downwards) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let _ = write!(
            html,
            "<th scope=\"col\" aria-sort=\"{sorted}\" data-indicator=\"{}\">\
             <button class=\"sort\" data-sort=\"{key}\">{}</button></th>",
            by.map_or("", |i| INDICATORS[i].id),
            escape(label)
        );
    };
    html.push_str("<table class=\"region-table\"><thead><tr>");
    header(html, "agency", None, pick(english, "机关", "Agency"));
    for i in columns.clone() {
        header(
            html,
            &i.to_string(),
            Some(i),
            &heading(&INDICATORS[i], english),
        );
    }
    html.push_str("</tr></thead><tbody>");
    let ranges: Vec<Option<(f64, f64)>> = view
        .spreads
        .iter()
        .map(|spread| spread.as_ref().and_then(usual_range))
        .collect();
    for unit in order.iter().filter_map(|&u| view.units.get(u)) {
        let _ = write!(
            html,
            "<tr class=\"unit\"><th scope=\"row\">{}</th>",
            escape(&unit.agency)
        );
        for i in columns.clone() {
            let Some(figure) = unit.figures.get(i) else {
                html.push_str("<td></td>");
                continue;
            };
            let side = figure
                .value()
                .and_then(|v| outside(ranges.get(i).copied().flatten(), v));
            let Some(above) = side else {
                let missing = matches!(figure, Figure::Missing(_));
                let class = if missing { " class=\"missing\"" } else { "" };
                let _ = write!(html, "<td{class}>{}</td>", escape(&figure.text()));
                continue;
            };
            let reason = view
                .flags
                .iter()
                .find(|f| f.agency == unit.agency && f.indicator == Some(INDICATORS[i].id))
                .map_or("", |f| pick(english, &f.message.zh, &f.message.en));
            let _ = write!(
                html,
                "<td class=\"out\" title=\"{}\">{} ◇<br><small>{}</small></td>",
                escape(reason),
                escape(&figure.text()),
                if above {
                    pick(english, "高于通常范围", "above the usual range")
                } else {
                    pick(english, "低于通常范围", "below the usual range")
                }
            );
        }
        html.push_str("</tr>");
    }
    for (label, values) in &stat_rows(view, english) {
        let _ = write!(html, "<tr class=\"stat\"><th scope=\"row\">{label}</th>");
        for value in &values[columns.clone()] {
            let _ = write!(html, "<td>{}</td>", escape(value));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}

/// The flags as an ordered list: 「机关（指标）：原因」.
fn write_flags(html: &mut String, view: &RegionView, english: bool) {
    if view.flags.is_empty() {
        let _ = write!(html, "<p>{}</p>", pick(english, "无。", "None."));
        return;
    }
    html.push_str("<ol class=\"flags\">");
    for flag in &view.flags {
        let name = indicator_name(flag.indicator, english);
        let _ = write!(html, "<li><b>{}</b>", escape(&flag.agency));
        if !name.is_empty() {
            html.push_str(pick(english, "（", " ("));
            html.push_str(name);
            html.push_str(pick(english, "）", ")"));
        }
        let _ = write!(
            html,
            "{}{}</li>",
            pick(english, "：", ": "),
            escape(pick(english, &flag.message.zh, &flag.message.en))
        );
    }
    html.push_str("</ol>");
}

/// The view as CSV: the units × the indicators (the header names each with its unit), the
/// median, quartiles and units count under them, then a blank line and the flags. UTF-8 with a
/// byte-order mark (without it Excel and WPS read the Chinese as the local code page), CRLF,
/// every field quoted, as the batch table is written.
pub fn to_csv(view: &RegionView, english: bool) -> String {
    let mut csv = String::from("\u{feff}");
    let mut cells = vec![pick(english, "机关", "Agency").to_owned()];
    cells.extend(INDICATORS.iter().map(|def| heading(def, english)));
    write_csv_line(&mut csv, &cells);
    for unit in &view.units {
        cells.clear();
        cells.push(unit.agency.clone());
        cells.extend(unit.figures.iter().map(Figure::text));
        write_csv_line(&mut csv, &cells);
    }
    for (label, values) in stat_rows(view, english) {
        cells.clear();
        cells.push(label.to_owned());
        cells.extend(values);
        write_csv_line(&mut csv, &cells);
    }
    csv.push_str("\r\n");
    write_csv_line(
        &mut csv,
        &[
            pick(english, "机关", "Agency").to_owned(),
            pick(english, "指标", "Indicator").to_owned(),
            pick(english, "提示", "Flag").to_owned(),
        ],
    );
    for flag in &view.flags {
        write_csv_line(
            &mut csv,
            &[
                flag.agency.clone(),
                indicator_name(flag.indicator, english).to_owned(),
                pick(english, &flag.message.zh, &flag.message.en).to_owned(),
            ],
        );
    }
    csv
}

/// The view as a self-contained printable page (A4 landscape, no script): the table of the units
/// with the medians and quartiles under it, a unit outside the usual range marked 「◇」 with the
/// way it is out, the flags, and each indicator's strip plot. `generated` is the time the caller
/// shows under the title.
pub fn to_html(view: &RegionView, english: bool, generated: &str) -> String {
    let (title, lang) = if english {
        ("Region view", "en")
    } else {
        ("地区概览", "zh-CN")
    };
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{REGION_CSS}</style></head><body>\
         <h1>{title}</h1><p class=\"generated\">{}</p><p>",
        escape(generated)
    );
    let units = view.units.len();
    if english {
        let _ = write!(
            html,
            "{units} units. ◇ outside the usual range (beyond 1.5 × the interquartile range \
             from Q1 or Q3; judged with {MIN_UNITS_FOR_RANGE} units or more); the reasons are \
             under Flags."
        );
    } else {
        let _ = write!(
            html,
            "共{units}个单位。◇ 超出通常范围（在 Q1、Q3 以外超过四分位距的1.5倍；\
             至少{MIN_UNITS_FOR_RANGE}个单位有此数时才判断），原因见「提示」。"
        );
    }
    html.push_str("</p>");

    let order: Vec<usize> = (0..view.units.len()).collect();
    for start in (0..INDICATORS.len()).step_by(COLUMNS_PER_TABLE) {
        let columns = start..(start + COLUMNS_PER_TABLE).min(INDICATORS.len());
        write_table(&mut html, view, columns, &order, None, english);
    }
    let _ = write!(html, "<h2>{}</h2>", pick(english, "提示", "Flags"));
    write_flags(&mut html, view, english);

    let _ = write!(
        html,
        "<h2 class=\"charts\">{}</h2>",
        pick(english, "各指标的分布", "Each indicator across the units")
    );
    for i in 0..INDICATORS.len() {
        if let Some(svg) = distribution_svg(view, i, english) {
            let _ = write!(html, "<figure>{svg}</figure>");
        }
    }
    html.push_str("</body></html>\n");
    html
}

const REGION_CSS: &str = "@page{size:A4 landscape;margin:12mm}\
body{font-family:\"FangSong\",\"仿宋\",\"SimSun\",serif;font-size:10.5pt}\
h1{font-size:16pt;text-align:center}.generated{text-align:center}h2{font-size:13pt}\
table{border-collapse:collapse;width:100%;margin-bottom:10pt;font-size:8.5pt}\
thead{display:table-header-group}tr{break-inside:avoid}\
th,td{border:1px solid #000;padding:2pt 3pt;vertical-align:top}td{text-align:right}\
tbody th{text-align:left;font-weight:normal}td.out{font-weight:bold}td.out small{font-weight:normal}\
tr.stat th,tr.stat td{font-style:italic}tr.stat:first-of-type th,tr.stat:first-of-type td{border-top:2px solid #000}\
h2.charts{break-before:page}\
figure{display:inline-block;width:49%;margin:0 0 8pt;vertical-align:top;break-inside:avoid}\
figure svg{width:100%;height:auto}";

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

fn svg_document(height: f64, summary: &str, body: &str) -> String {
    let summary = escape(summary);
    let mut svg = String::with_capacity(body.len() + 600);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\" role=\"img\" \
         aria-label=\"{summary}\">\n<title>{summary}</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n{body}</svg>\n",
        w = Px(WIDTH),
        h = Px(height),
    );
    svg
}

fn text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, bold: bool, s: &str) {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\"{weight}>{}</text>",
        Px(x),
        Px(y),
        Px(size),
        escape(s)
    );
}

/// Text squeezed into `width` where it would run longer (a long agency name).
fn fitted(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, s: &str, width: f64) {
    if text_width(s, size) <= width {
        return text(out, x, y, size, anchor, false, s);
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" textLength=\"{}\" \
         lengthAdjust=\"spacingAndGlyphs\">{}</text>",
        Px(x),
        Px(y),
        Px(size),
        Px(width),
        escape(s)
    );
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, width: f64, stroke: &str) {
    let stroke = if stroke.is_empty() { "#000000" } else { stroke };
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
        Px(x1),
        Px(y1),
        Px(x2),
        Px(y2),
        Px(width)
    );
}

fn rect(out: &mut String, x: f64, y: f64, width: f64, height: f64, fill: &str) {
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#000000\" \
         stroke-width=\"0.8\"/>",
        Px(x),
        Px(y),
        Px(width.max(0.0)),
        Px(height.max(0.0))
    );
}

/// A mark with the unit's name and figure as its tooltip on screen.
fn with_title(out: &mut String, element: &str, title: &str) {
    if title.is_empty() {
        let _ = writeln!(out, "<{element}/>");
    } else {
        let name = element.split(' ').next().unwrap_or(element);
        let _ = writeln!(out, "<{element}><title>{}</title></{name}>", escape(title));
    }
}

fn dot(out: &mut String, x: f64, y: f64, title: &str) {
    dot_sized(out, x, y, DOT, title);
}

fn dot_sized(out: &mut String, x: f64, y: f64, r: f64, title: &str) {
    let element = format!(
        "circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#000000\"",
        Px(x),
        Px(y),
        Px(r)
    );
    with_title(out, &element, title);
}

/// A unit outside the usual range: a hollow diamond, told from the dots on paper by its shape.
fn diamond(out: &mut String, x: f64, y: f64, title: &str) {
    let (h, l, r, t, b) = (Px(x), Px(x - 5.0), Px(x + 5.0), Px(y - 5.0), Px(y + 5.0));
    let element = format!(
        "polygon points=\"{h},{t} {r},{} {h},{b} {l},{}\" fill=\"#ffffff\" stroke=\"#000000\" \
         stroke-width=\"1.5\"",
        Px(y),
        Px(y)
    );
    with_title(out, &element, title);
}

fn polyline(out: &mut String, points: &[(f64, f64)]) {
    if points.len() < 2 {
        return;
    }
    out.push_str("<polyline points=\"");
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{},{}",
            if i == 0 { "" } else { " " },
            Px(*x),
            Px(*y)
        );
    }
    out.push_str("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"/>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tied_marks_take_lanes_in_turn_and_apart_ones_share_the_middle() {
        assert_eq!(lanes(&[10.0, 10.0, 10.0, 10.0, 10.0]), [0, -1, 1, -2, 2]);
        assert_eq!(lanes(&[10.0, 100.0, 200.0]), [0, 0, 0]);
        assert_eq!(lanes(&[10.0, 12.0, 100.0]), [0, -1, 0]);
    }

    #[test]
    fn coordinates_are_written_without_float_formatting_or_nan() {
        assert_eq!(Px(12.0).to_string(), "12");
        assert_eq!(Px(-3.46).to_string(), "-3.5");
        assert_eq!(Px(-0.04).to_string(), "0");
        assert_eq!(Px(f64::NAN).to_string(), "0");
        assert!(!Px(f64::INFINITY).to_string().contains("inf"));
    }
}
