//! A region's units side by side (issue 18): each indicator's median and quartiles across the
//! units, the units outside the usual range with the reason in words, and the flags a
//! supervisor calls about — a unit that reports the region's own figure, a unit missing against
//! last year's list, a late publication.
//!
//! Quartiles are Excel's QUARTILE.INC (linear between the ranked values), which the offices
//! know. A unit is outside the usual range beyond Tukey's fences (1.5 × the spread between the
//! quartiles), and only when at least [`MIN_UNITS_FOR_RANGE`] units have the figure.

use crate::batch::agency_name_key;
use crate::export::figure::Tenths;
use crate::indicators::{self, Figure, IndicatorDef, Unit, INDICATORS};
use crate::message::Message;
use crate::model::Report;
use crate::small_sort::insertion_sort;

/// Fewer units than this make no usual range: nobody is marked outside it.
pub const MIN_UNITS_FOR_RANGE: usize = 5;

/// One unit of the region: its name (the agency) and its indicators in the dictionary's order.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRow {
    pub agency: String,
    pub figures: Vec<Figure>,
}

/// An indicator's spread across the units that have it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub units: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

/// Something about a unit the supervisor may want to ask it.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    pub agency: String,
    /// The indicator concerned, if any.
    pub indicator: Option<&'static str>,
    pub message: Message,
}

/// The region view's data: the units, each indicator's spread, and the flags.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionView {
    pub units: Vec<UnitRow>,
    /// Per indicator, in the dictionary's order; None when no unit has the figure.
    pub spreads: Vec<Option<Spread>>,
    pub flags: Vec<Flag>,
}

/// The view of `reports` (one per unit). `region` is the region's own report (its government's
/// or the summary), when known: a unit reporting the same fee or decision counts is flagged.
/// `last_years_units` are the agencies of last year's batch: those missing now are flagged.
pub fn region_view(
    reports: &[Report],
    region: Option<&Report>,
    last_years_units: &[String],
) -> RegionView {
    let units: Vec<UnitRow> = reports
        .iter()
        .map(|report| UnitRow {
            agency: report.meta.agency.clone(),
            figures: indicators::all_of(report),
        })
        .collect();
    let spreads: Vec<Option<Spread>> = (0..INDICATORS.len())
        .map(|i| {
            spread(
                &units
                    .iter()
                    .filter_map(|u| u.figures[i].value())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut flags = Vec::new();
    for unit in &units {
        // Lateness has a flag of its own below, whatever the other units did.
        for (i, def) in INDICATORS
            .iter()
            .enumerate()
            .filter(|(_, d)| d.id != "days-late")
        {
            if let Some(message) = spreads[i].and_then(|s| outside(def, &unit.figures[i], &s)) {
                flags.push(Flag {
                    agency: unit.agency.clone(),
                    indicator: Some(def.id),
                    message,
                });
            }
        }
        if let Some(Figure::Days(late)) = indicator_figure(unit, "days-late") {
            if *late > 0 {
                flags.push(Flag {
                    agency: unit.agency.clone(),
                    indicator: Some("days-late"),
                    message: Message::new(
                        format!("晚于公布时限{late}天发布"),
                        format!("published {late} day(s) after the deadline"),
                    ),
                });
            }
        }
    }
    if let Some(region) = region {
        flags.extend(region_figures_repeated(reports, region));
    }
    let present: Vec<String> = units.iter().map(|u| agency_name_key(&u.agency)).collect();
    for missing in last_years_units
        .iter()
        .filter(|name| !present.contains(&agency_name_key(name)))
    {
        flags.push(Flag {
            agency: missing.clone(),
            indicator: None,
            message: Message::new(
                "上年有报告，本批次中没有",
                "reported last year, missing from this batch",
            ),
        });
    }
    RegionView {
        units,
        spreads,
        flags,
    }
}

/// Median and quartiles (QUARTILE.INC) of `values`; None when there are none.
pub fn spread(values: &[f64]) -> Option<Spread> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    insertion_sort(&mut sorted, |a, b| a < b);
    let at = |p: f64| {
        let rank = p * (sorted.len() - 1) as f64;
        let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
        sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
    };
    Some(Spread {
        units: sorted.len(),
        q1: at(0.25),
        median: at(0.5),
        q3: at(0.75),
    })
}

/// Tukey's fences, 1.5 × the spread between the quartiles beyond them; None with fewer than
/// [`MIN_UNITS_FOR_RANGE`] units. Widened by a hair, so that a share on a fence (0.0 % below
/// quartiles of 7.5 % and 12.5 %) is not outside by a rounding of the floating point.
pub fn usual_range(spread: &Spread) -> Option<(f64, f64)> {
    if spread.units < MIN_UNITS_FOR_RANGE {
        return None;
    }
    let reach = 1.5 * (spread.q3 - spread.q1);
    let (low, high) = (spread.q1 - reach, spread.q3 + reach);
    let hair = |bound: f64| 1e-9 * bound.abs().max(1.0);
    Some((low - hair(low), high + hair(high)))
}

/// The reason a figure is outside the usual range, in words: 「复议纠错率 50.0%，全区中位数 5.0%」.
fn outside(def: &IndicatorDef, figure: &Figure, spread: &Spread) -> Option<Message> {
    let value = figure.value()?;
    let (low, high) = usual_range(spread)?;
    if (low..=high).contains(&value) {
        return None;
    }
    let median = in_unit(def.unit, spread.median);
    let shown = figure.text();
    let (above_zh, above_en) = if value > high {
        ("高于", "above")
    } else {
        ("低于", "below")
    };
    Some(Message::new(
        format!(
            "{} {shown}，全区中位数 {median}（{above_zh}通常范围）",
            def.name_zh
        ),
        format!(
            "{} {shown}, region median {median} ({above_en} the usual range)",
            def.name_en
        ),
    ))
}

/// A spread's value as the indicator shows its figures: 「5.0%」, 「12」, 「12.5」.
pub fn in_unit(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Percent => format!("{}%", Tenths::of(value * 100.0)),
        _ if value.fract() == 0.0 => format!("{}", value as i64),
        _ => Tenths::of(value).to_string(),
    }
}

/// The figures a department may copy from the region's own report by mistake (the region's
/// fee, its licensing or penalty counts): a unit, not the region, with the same non-zero figure.
fn region_figures_repeated(reports: &[Report], region: &Report) -> Vec<Flag> {
    const COPIED: [&str; 4] = ["fees", "licensing", "punishment", "enforcement"];
    let mut flags = Vec::new();
    for id in COPIED {
        let Some(def) = indicators::indicator(id) else {
            continue;
        };
        let theirs = def.of(region);
        if theirs.value().is_none_or(|v| v == 0.0) {
            continue;
        }
        for report in reports
            .iter()
            .filter(|r| agency_name_key(&r.meta.agency) != agency_name_key(&region.meta.agency))
        {
            let ours = def.of(report);
            let same = match (&ours, &theirs) {
                (Figure::Amount(a), Figure::Amount(b)) => a.same_amount(b),
                _ => ours == theirs,
            };
            if same {
                let shown = ours.text();
                flags.push(Flag {
                    agency: report.meta.agency.clone(),
                    indicator: Some(def.id),
                    message: Message::new(
                        format!("{} {shown} 与全区（{}）的数字相同：是否填了全区的数？", def.name_zh, region.meta.agency),
                        format!("{} {shown} equals the region's own ({}): the region's figure reported by a unit?", def.name_en, region.meta.agency),
                    ),
                });
            }
        }
    }
    flags
}

fn indicator_figure<'a>(unit: &'a UnitRow, id: &str) -> Option<&'a Figure> {
    INDICATORS
        .iter()
        .position(|d| d.id == id)
        .and_then(|i| unit.figures.get(i))
}

/// Gives each unit that does not carry last year's report the batch's report of the same
/// agency a year before, if any (the first the batch holds), so that the text repeat has a
/// figure in the view as it has in the batch check.
pub fn with_last_years(units: &mut [Report], batch: &[Report]) {
    for unit in units.iter_mut().filter(|u| u.last_year.is_none()) {
        let key = agency_name_key(&unit.meta.agency);
        let before = batch.iter().find(|r| {
            !key.is_empty()
                && Some(r.meta.year) == unit.meta.year.checked_sub(1)
                && agency_name_key(&r.meta.agency) == key
        });
        if let Some(before) = before {
            let mut last = before.clone();
            // Only one year back: the report before last is not read.
            last.last_year = None;
            unit.last_year = Some(Box::new(last));
        }
    }
}

/// One agency's indicator over the years of the batch, oldest first: its reports matched by
/// name as [`agency_name_key`] matches units, one a year (the first the batch holds). A report
/// that does not carry last year's is given the batch's report of the year before, so that the
/// text repeat has a figure. An unnamed agency matches nothing.
pub fn trend(reports: &[Report], agency: &str, indicator: usize) -> Vec<(i32, Figure)> {
    let key = agency_name_key(agency);
    let Some(def) = INDICATORS.get(indicator).filter(|_| !key.is_empty()) else {
        return Vec::new();
    };
    let mut own: Vec<&Report> = reports
        .iter()
        .filter(|r| agency_name_key(&r.meta.agency) == key)
        .collect();
    // A stable sort: of two reports of one year, the batch's first stays first and is kept.
    insertion_sort(&mut own, |a, b| a.meta.year < b.meta.year);
    own.dedup_by_key(|r| r.meta.year);
    own.iter()
        .map(|report| {
            let figure = match def.of(report) {
                Figure::Missing(indicators::Missing::NoLastYear) => {
                    let before = own
                        .iter()
                        .find(|r| Some(r.meta.year) == report.meta.year.checked_sub(1));
                    match before {
                        Some(before) => {
                            let mut linked = (*report).clone();
                            linked.last_year = Some(Box::new((*before).clone()));
                            def.of(&linked)
                        }
                        None => Figure::Missing(indicators::Missing::NoLastYear),
                    }
                }
                figure => figure,
            };
            (report.meta.year, figure)
        })
        .collect()
}

/// The units in the order a column sorts them: by the agency's name (`by` None) or by an
/// indicator's value with the units without it last, ties in the batch's order.
pub fn sorted_units(view: &RegionView, by: Option<usize>, downwards: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..view.units.len()).collect();
    let value = |unit: usize| by.and_then(|i| view.units[unit].figures.get(i)?.value());
    insertion_sort(&mut order, |&a, &b| match by {
        None if downwards => view.units[a].agency > view.units[b].agency,
        None => view.units[a].agency < view.units[b].agency,
        Some(_) => match (value(a), value(b)) {
            (Some(x), Some(y)) if downwards => x > y,
            (Some(x), Some(y)) => x < y,
            (Some(_), None) => true,
            _ => false,
        },
    });
    order
}
