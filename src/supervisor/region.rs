//! The region view (地区概览): the units of one year side by side on the dictionary's
//! indicators, sortable, with the region's quartiles under them; units outside the usual range
//! marked with the reason; the flags a supervisor calls about; a chart of each indicator across
//! the units and of one unit over the years. Goes out as CSV, a printable page, SVG and PNG.
//!
//! The numbers, the reasons and the charts are the core's (`region`, `export::region`); this
//! screen chooses what they are made of and shows them.

use leptos::prelude::*;
use nianbao_report::batch::{agency_name_key, Source};
use nianbao_report::export::region as region_export;
use nianbao_report::indicators::{Figure, INDICATORS};
use nianbao_report::region::{in_unit, region_view, RegionView};
use nianbao_report::summary::usual_year;
use nianbao_report::Report;

use super::{use_supervisor, Screen, Supervisor};
use crate::app_state::Notice;
use crate::drafts::button::ActionButton;
use crate::drafts::status::date_time;
use crate::i18n::{self, Lang};
use crate::platform::{files, image};

/// What the view is made of: the units of `year`, the region's own report, last year's units.
#[derive(Clone, Debug, PartialEq)]
struct Choice {
    year: Option<i32>,
    /// The batch row that is the region's own report (its government's, or a summary).
    region_row: Option<u32>,
}

#[component]
pub fn RegionScreen() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let choice = RwSignal::new(default_choice(supervisor));
    let view_data = Memo::new(move |_| build_view(supervisor, &choice.get()));
    // Sorted by an indicator (its index), or in the batch's order; and whether largest first.
    let sort = RwSignal::new((None::<usize>, false));
    let years = Memo::new(move |_| batch_years(supervisor));
    let reports = Memo::new(move |_| readable_reports(supervisor));
    let back = move || supervisor.screen.set(Screen::Batch);
    view! {
        <main class="region-screen" aria-label=i18n::tr(lang, i18n::REGION_VIEW)>
            <div class="drafts-head">
                <ActionButton class="back" label=i18n::BACK on_press=back />
                <h1 class="drafts-title">{i18n::tr(lang, i18n::REGION_VIEW)}</h1>
                <div class="drafts-actions">
                    <ActionButton class="export-region-csv" label=i18n::EXPORT_CSV
                        on_press=move || export(supervisor, &view_data.get_untracked(), Export::Csv) />
                    <ActionButton class="export-region-html" label=i18n::EXPORT_TABLE_HTML
                        on_press=move || export(supervisor, &view_data.get_untracked(), Export::Html) />
                </div>
            </div>
            <div class="region-choice">
                <label>
                    <span>{i18n::tr(lang, i18n::YEAR_COLUMN)}</span>
                    <select class="region-year" on:change=move |ev| {
                        let year = event_target_value(&ev).parse().ok();
                        choice.update(|c| c.year = year);
                    }>
                        {move || years.get().into_iter().map(|year| view! {
                            <option value=year.to_string() selected=move || choice.get().year == Some(year)>{year}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{i18n::tr(lang, i18n::REGION_OWN_REPORT)}</span>
                    <select class="region-own" on:change=move |ev| {
                        let row = event_target_value(&ev).parse().ok();
                        choice.update(|c| c.region_row = row);
                    }>
                        <option value="" selected=move || choice.get().region_row.is_none()>{i18n::tr(lang, i18n::NONE_CHOSEN)}</option>
                        {move || reports.get().into_iter().map(|(id, report)| view! {
                            <option value=id.to_string() selected=move || choice.get().region_row == Some(id)>
                                {format!("{}（{}）", report.meta.agency, report.meta.year)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="batch-hint">{i18n::tr(lang, i18n::REGION_HINT)}</p>
            {move || {
                let data = view_data.get();
                if data.units.is_empty() {
                    return view! { <p class="no-drafts">{i18n::tr(lang, i18n::NO_UNITS)}</p> }.into_any();
                }
                view! {
                    <UnitsTable data=data.clone() sort />
                    <Flags data=data.clone() />
                    <Charts data choice />
                }
                .into_any()
            }}
        </main>
    }
}

/// The year most units report on, and the batch's summary of that year as the region's own.
fn default_choice(supervisor: Supervisor) -> Choice {
    let reports = readable_reports(supervisor);
    let units: Vec<&Report> = reports.iter().map(|(_, r)| r).collect();
    let year = (!units.is_empty()).then(|| usual_year(&units));
    let region_row = supervisor.entries.with_untracked(|entries| {
        entries
            .iter()
            .filter_map(|e| Some((e.id, e.row.checked()?)))
            .find(|(_, c)| c.source == Source::Summary && Some(c.report.meta.year) == year)
            .map(|(id, _)| id)
    });
    Choice { year, region_row }
}

fn readable_reports(supervisor: Supervisor) -> Vec<(u32, Report)> {
    supervisor.entries.with(|entries| {
        entries
            .iter()
            .filter_map(|e| Some((e.id, e.row.checked()?.report.clone())))
            .collect()
    })
}

fn batch_years(supervisor: Supervisor) -> Vec<i32> {
    let mut years: Vec<i32> = readable_reports(supervisor)
        .iter()
        .map(|(_, r)| r.meta.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years.reverse();
    years
}

fn build_view(supervisor: Supervisor, choice: &Choice) -> RegionView {
    let reports = readable_reports(supervisor);
    let region = choice
        .region_row
        .and_then(|id| reports.iter().find(|(i, _)| *i == id))
        .map(|(_, r)| r.clone());
    let Some(year) = choice.year else {
        return region_view(&[], None, &[]);
    };
    let units: Vec<Report> = reports
        .iter()
        .filter(|(id, r)| r.meta.year == year && Some(*id) != choice.region_row)
        .map(|(_, r)| r.clone())
        .collect();
    let region_key = region.as_ref().map(|r| agency_name_key(&r.meta.agency));
    let mut last_years_units: Vec<String> = reports
        .iter()
        .filter(|(_, r)| r.meta.year == year - 1)
        .map(|(_, r)| r.meta.agency.clone())
        .filter(|agency| Some(agency_name_key(agency)) != region_key)
        .collect();
    last_years_units.dedup();
    region_view(&units, region.as_ref(), &last_years_units)
}

/// Units × indicators; a header sorts by its indicator; the quartiles in the foot.
#[component]
fn UnitsTable(data: RegionView, sort: RwSignal<(Option<usize>, bool)>) -> impl IntoView {
    let lang = use_supervisor().lang;
    let data = StoredValue::new(data);
    let order = move || {
        let (by, downwards) = sort.get();
        data.with_value(|data| sorted_units(data, by, downwards))
    };
    let header = move |index: Option<usize>| {
        let sorted = move || match sort.get() {
            (by, false) if by == index => "ascending",
            (by, true) if by == index => "descending",
            _ => "none",
        };
        let label = move || match (index, lang.get()) {
            (None, lang) => lang.pick(i18n::AGENCY_COLUMN).to_owned(),
            (Some(i), Lang::Zh) => format!(
                "{}（{}）",
                INDICATORS[i].name_zh,
                INDICATORS[i].unit.label_zh()
            ),
            (Some(i), Lang::En) => format!(
                "{} ({})",
                INDICATORS[i].name_en,
                INDICATORS[i].unit.label_en()
            ),
        };
        view! {
            <th scope="col" aria-sort=sorted data-indicator=index.map(|i| INDICATORS[i].id)>
                <button class="sort" on:click=move |_| sort.update(|(by, downwards)| {
                    if *by == index {
                        *downwards = !*downwards;
                    } else {
                        *by = index;
                        *downwards = index.is_some();
                    }
                })>{label}</button>
            </th>
        }
    };
    let quartile_row =
        move |label: i18n::Text, pick: fn(&nianbao_report::region::Spread) -> f64| {
            let cells = data.with_value(|data| {
                data.spreads
                    .iter()
                    .zip(INDICATORS)
                    .map(|(spread, def)| {
                        let text =
                            spread.map_or_else(|| "—".to_owned(), |s| in_unit(def.unit, pick(&s)));
                        view! { <td>{text}</td> }
                    })
                    .collect_view()
            });
            view! { <tr class="quartile"><th scope="row">{i18n::tr(lang, label)}</th>{cells}</tr> }
        };
    view! {
        <div class="table-scroll region-scroll" tabindex="0" role="region" aria-label=i18n::tr(lang, i18n::REGION_TABLE)>
            <table class="region-table">
                <thead>
                    <tr>{header(None)}{(0..INDICATORS.len()).map(|i| header(Some(i))).collect_view()}</tr>
                </thead>
                <tbody>
                    {move || order().into_iter().map(|unit| data.with_value(|data| unit_row(data, unit, lang))).collect_view()}
                </tbody>
                <tfoot>
                    {quartile_row(i18n::LOWER_QUARTILE, |s| s.q1)}
                    {quartile_row(i18n::MEDIAN, |s| s.median)}
                    {quartile_row(i18n::UPPER_QUARTILE, |s| s.q3)}
                </tfoot>
            </table>
        </div>
    }
}

/// The units' order: as in the batch, or by an indicator's value with the blanks last.
fn sorted_units(data: &RegionView, by: Option<usize>, downwards: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..data.units.len()).collect();
    match by {
        None if downwards => {
            order.sort_by(|a, b| data.units[*b].agency.cmp(&data.units[*a].agency))
        }
        None => {}
        Some(i) => order.sort_by(|a, b| {
            let (x, y) = (
                data.units[*a].figures[i].value(),
                data.units[*b].figures[i].value(),
            );
            match (x, y) {
                (Some(x), Some(y)) if downwards => y.total_cmp(&x),
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        }),
    }
    order
}

fn unit_row(data: &RegionView, unit: usize, lang: RwSignal<Lang>) -> impl IntoView {
    let row = &data.units[unit];
    let cells = row
        .figures
        .iter()
        .zip(INDICATORS)
        .map(|(figure, def)| {
            let reason = data
                .flags
                .iter()
                .find(|f| f.agency == row.agency && f.indicator == Some(def.id))
                .map(|f| f.message.clone());
            let missing = matches!(figure, Figure::Missing(_));
            let text = figure.text();
            match reason {
                Some(reason) => {
                    let title = reason.clone();
                    view! {
                        <td class="flagged" title=move || lang.get().say(&title).to_owned()>
                            {text}<span class="flag-mark" aria-hidden="true">" ⚑"</span>
                            <span class="visually-hidden">{move || format!("（{}）", lang.get().say(&reason))}</span>
                        </td>
                    }
                    .into_any()
                }
                None => view! { <td class:missing=missing>{text}</td> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <tr class="region-unit"><th scope="row">{row.agency.clone()}</th>{cells}</tr>
    }
}

/// The flags, unit by unit: outside the usual range, the region's figure, missing, late.
#[component]
fn Flags(data: RegionView) -> impl IntoView {
    let lang = use_supervisor().lang;
    let count = data.flags.len();
    view! {
        <section class="region-flags">
            <h2>{i18n::tr(lang, i18n::TO_ASK_ABOUT)}" "{count}</h2>
            <ul class="finding-lines">
                {data.flags.into_iter().map(|flag| view! {
                    <li class="region-flag" data-indicator=flag.indicator.unwrap_or("")>
                        <strong>{flag.agency}</strong>"："
                        <span class="message">{move || lang.get().say(&flag.message).to_owned()}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One indicator's distribution across the units, and one unit over the years of the batch.
#[component]
fn Charts(data: RegionView, choice: RwSignal<Choice>) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let indicator = RwSignal::new(0usize);
    let agencies: Vec<String> = data.units.iter().map(|u| u.agency.clone()).collect();
    let trend_agency = RwSignal::new(agencies.first().cloned().unwrap_or_default());
    let data = StoredValue::new(data);
    let distribution = Memo::new(move |_| {
        let english = lang.get() == Lang::En;
        data.with_value(|data| region_export::distribution_svg(data, indicator.get(), english))
    });
    let trend = Memo::new(move |_| {
        let _ = choice.get();
        let reports: Vec<Report> = readable_reports(supervisor)
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        let agency = trend_agency.get();
        let points = nianbao_report::region::trend(&reports, &agency, indicator.get());
        region_export::trend_svg(&points, indicator.get(), &agency, lang.get() == Lang::En)
    });
    let stem =
        move |what: &str| format!("{}-{}", what, INDICATORS[indicator.get_untracked()].name_zh);
    view! {
        <section class="region-charts">
            <h2>{i18n::tr(lang, i18n::CHARTS)}</h2>
            <div class="region-choice">
                <label>
                    <span>{i18n::tr(lang, i18n::INDICATOR)}</span>
                    <select class="chart-indicator" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            indicator.set(i.min(INDICATORS.len() - 1));
                        }
                    }>
                        {INDICATORS.iter().enumerate().map(|(i, def)| view! {
                            <option value=i.to_string() selected=move || indicator.get() == i>
                                {move || match lang.get() { Lang::Zh => def.name_zh, Lang::En => def.name_en }}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{i18n::tr(lang, i18n::TREND_OF)}</span>
                    <select class="chart-unit" on:change=move |ev| trend_agency.set(event_target_value(&ev))>
                        {agencies.into_iter().map(|agency| {
                            let value = agency.clone();
                            let current = agency.clone();
                            view! { <option value=value selected=move || trend_agency.get() == current>{agency}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Chart class="distribution-chart" svg=distribution stem=Signal::derive(move || stem("分布")) />
            <Chart class="trend-chart" svg=trend stem=Signal::derive(move || stem(&format!("{}-趋势", trend_agency.get()))) />
        </section>
    }
}

/// A chart of the core's, with its SVG and PNG downloads; 「—」 when there is nothing to draw.
#[component]
fn Chart(class: &'static str, svg: Memo<Option<String>>, stem: Signal<String>) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let save_svg = move || {
        if let Some(svg) = svg.get_untracked() {
            report_failure(
                supervisor,
                files::download(
                    &format!("{}.svg", stem.get_untracked()),
                    "image/svg+xml",
                    &svg,
                ),
            );
        }
    };
    let save_png = move || {
        let Some(svg) = svg.get_untracked() else {
            return;
        };
        let (width, height) = svg_size(&svg);
        let name = format!("{}.png", stem.get_untracked());
        wasm_bindgen_futures::spawn_local(async move {
            report_failure(
                supervisor,
                image::download_svg_as_png(&svg, width, height, 2, &name).await,
            );
        });
    };
    view! {
        <figure class=format!("region-chart {class}")>
            {move || match svg.get() {
                Some(svg) => view! { <div class="chart-picture" inner_html=svg></div> }.into_any(),
                None => view! { <p class="no-drafts">{i18n::tr(lang, i18n::NOTHING_TO_DRAW)}</p> }.into_any(),
            }}
            <figcaption class="drafts-actions">
                <ActionButton class="save-svg" label=i18n::DOWNLOAD_SVG on_press=save_svg />
                <ActionButton class="save-png" label=i18n::DOWNLOAD_PNG on_press=save_png />
            </figcaption>
        </figure>
    }
}

/// The picture's size from its `width` and `height` attributes (the core writes both).
fn svg_size(svg: &str) -> (u32, u32) {
    let attribute = |name: &str| {
        let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        svg[start..].split('"').next()?.parse::<f64>().ok()
    };
    (
        attribute("width").unwrap_or(640.0) as u32,
        attribute("height").unwrap_or(360.0) as u32,
    )
}

enum Export {
    Csv,
    Html,
}

fn export(supervisor: Supervisor, data: &RegionView, kind: Export) {
    let english = supervisor.lang.get_untracked() == Lang::En;
    let now = date_time(js_sys::Date::now() as i64);
    let stem = format!("地区概览-{}", now.replace([' ', ':'], "-"));
    let result = match kind {
        Export::Csv => files::download(
            &format!("{stem}.csv"),
            "text/csv;charset=utf-8",
            &region_export::to_csv(data, english),
        ),
        Export::Html => files::download(
            &format!("{stem}.html"),
            "text/html;charset=utf-8",
            &region_export::to_html(data, english, &now),
        ),
    };
    report_failure(supervisor, result);
}

fn report_failure(supervisor: Supervisor, result: Result<(), String>) {
    if let Err(why) = result {
        supervisor.notices.say(Notice::new(
            format!("未能导出：{why}"),
            format!("Could not export: {why}"),
        ));
    }
}
