//! The region view (地区概览): the units of one year side by side on the dictionary's
//! indicators, sortable, with the region's quartiles under them; units outside the usual range
//! marked with the reason; the flags a supervisor calls about; a chart of each indicator across
//! the units and of one unit over the years. Goes out as CSV, a printable page, SVG and PNG.
//!
//! The numbers, the reasons, the table and the charts are the core's (`region`,
//! `export::region`), shown as its markup (text escaped there); this screen chooses what they are
//! made of. The lists of the selects are markup too: the supervisor's download has a budget, and
//! each list of views would add its own code.

use leptos::prelude::*;
use nianbao_report::batch::{agency_name_key, Source};
use nianbao_report::export::region::{self as region_export, Sorting};
use nianbao_report::indicators::INDICATORS;
use nianbao_report::region::{region_view, trend, with_last_years, RegionView};
use nianbao_report::summary::usual_year;
use nianbao_report::Report;
use wasm_bindgen::JsCast;

use super::{options_html, use_supervisor, Screen, Supervisor};
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
    let english = move || lang.get() == Lang::En;
    let choice = RwSignal::new(default_choice(supervisor));
    let view_data = Memo::new(move |_| build_view(supervisor, &choice.get()));
    let sorting = RwSignal::new(Sorting::default());
    let indicator = RwSignal::new(0usize);
    let trend_agency = RwSignal::new(String::new());
    let charts = Charts {
        supervisor,
        data: view_data,
        indicator,
        trend_agency,
    };

    let year_options = move || {
        let chosen = choice.get().year.map(|y| y.to_string()).unwrap_or_default();
        options_html(
            batch_years(supervisor)
                .into_iter()
                .map(|y| (y.to_string(), y.to_string())),
            &chosen,
        )
    };
    let own_options = move || {
        let chosen = choice
            .get()
            .region_row
            .map(|id| id.to_string())
            .unwrap_or_default();
        let none = (String::new(), lang.get().pick(i18n::NONE_CHOSEN).to_owned());
        let reports = readable_reports(supervisor).into_iter().map(|(id, r)| {
            (
                id.to_string(),
                format!("{}（{}）", r.meta.agency, r.meta.year),
            )
        });
        options_html(std::iter::once(none).chain(reports), &chosen)
    };
    let indicator_options = move || {
        let english = english();
        let names = INDICATORS.iter().enumerate().map(|(i, def)| {
            (
                i.to_string(),
                if english { def.name_en } else { def.name_zh }.to_owned(),
            )
        });
        options_html(names, &indicator.get().to_string())
    };
    let unit_options = move || {
        let agencies =
            view_data.with(|d| d.units.iter().map(|u| u.agency.clone()).collect::<Vec<_>>());
        let chosen = charts.trend_agency();
        options_html(agencies.into_iter().map(|a| (a.clone(), a)), &chosen)
    };
    let table =
        move || view_data.with(|data| region_export::table_html(data, sorting.get(), english()));
    let flags = move || view_data.with(|data| region_export::flags_html(data, english()));
    // A click on a header's sort button: again on the same column turns the order round; a
    // new indicator starts largest first.
    let sort_by_clicked = move |ev: web_sys::MouseEvent| {
        let key = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-sort]").ok().flatten())
            .and_then(|button| button.get_attribute("data-sort"));
        if let Some(key) = key {
            let by = key.parse::<usize>().ok();
            sorting.update(|s| {
                s.downwards = if s.by == by {
                    !s.downwards
                } else {
                    by.is_some()
                };
                s.by = by;
            });
        }
    };
    view! {
        <main class="region-screen" aria-label=i18n::tr(lang, i18n::REGION_VIEW)>
            <div class="drafts-head">
                <ActionButton class="back" label=i18n::BACK on_press=move || supervisor.screen.set(Screen::Batch) />
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
                    <select class="region-year" inner_html=year_options
                        on:change=move |ev| choice.update(|c| c.year = event_target_value(&ev).parse().ok())></select>
                </label>
                <label>
                    <span>{i18n::tr(lang, i18n::REGION_OWN_REPORT)}</span>
                    <select class="region-own" inner_html=own_options
                        on:change=move |ev| choice.update(|c| c.region_row = event_target_value(&ev).parse().ok())></select>
                </label>
            </div>
            <p class="batch-hint">{i18n::tr(lang, i18n::REGION_HINT)}</p>
            <p class="no-drafts" hidden=move || view_data.with(|d| !d.units.is_empty())>{i18n::tr(lang, i18n::NO_UNITS)}</p>
            <div class="table-scroll region-scroll" tabindex="0" role="region" aria-label=i18n::tr(lang, i18n::REGION_TABLE)
                on:click=sort_by_clicked inner_html=table></div>
            <section class="region-flags">
                <h2>{i18n::tr(lang, i18n::TO_ASK_ABOUT)}" "{move || view_data.with(|d| d.flags.len())}</h2>
                <div inner_html=flags></div>
            </section>
            <section class="region-charts">
                <h2>{i18n::tr(lang, i18n::CHARTS)}</h2>
                <div class="region-choice">
                    <label>
                        <span>{i18n::tr(lang, i18n::INDICATOR)}</span>
                        <select class="chart-indicator" inner_html=indicator_options
                            on:change=move |ev| indicator.set(event_target_value(&ev).parse::<usize>().unwrap_or(0).min(INDICATORS.len() - 1))></select>
                    </label>
                    <label>
                        <span>{i18n::tr(lang, i18n::TREND_OF)}</span>
                        <select class="chart-unit" inner_html=unit_options
                            on:change=move |ev| trend_agency.set(event_target_value(&ev))></select>
                    </label>
                </div>
                <ChartFigure class="distribution-chart" charts kind=Chart::Distribution />
                <ChartFigure class="trend-chart" charts kind=Chart::Trend />
            </section>
        </main>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Chart {
    /// The chosen indicator across the units.
    Distribution,
    /// The chosen unit's figure over the years of the batch.
    Trend,
}

/// What the charts are drawn from.
#[derive(Clone, Copy)]
struct Charts {
    supervisor: Supervisor,
    data: Memo<RegionView>,
    indicator: RwSignal<usize>,
    /// Empty until one is chosen: the first unit.
    trend_agency: RwSignal<String>,
}

impl Charts {
    fn trend_agency(&self) -> String {
        let chosen = self.trend_agency.get();
        if chosen.is_empty() {
            self.data.with(|d| {
                d.units
                    .first()
                    .map(|u| u.agency.clone())
                    .unwrap_or_default()
            })
        } else {
            chosen
        }
    }

    /// The chart's SVG, None when there is nothing to draw.
    fn svg(&self, kind: Chart) -> Option<String> {
        let english = self.supervisor.lang.get() == Lang::En;
        let indicator = self.indicator.get();
        match kind {
            Chart::Distribution => self
                .data
                .with(|data| region_export::distribution_svg(data, indicator, english)),
            Chart::Trend => {
                let reports: Vec<Report> = readable_reports(self.supervisor)
                    .into_iter()
                    .map(|(_, r)| r)
                    .collect();
                let agency = self.trend_agency();
                let points = trend(&reports, &agency, indicator);
                region_export::trend_svg(&points, indicator, &agency, english)
            }
        }
    }

    /// 「分布-公开率」, 「趋势-某局-公开率」.
    fn file_stem(&self, kind: Chart) -> String {
        let name = INDICATORS[self.indicator.get_untracked()].name_zh;
        match kind {
            Chart::Distribution => format!("分布-{name}"),
            Chart::Trend => format!("趋势-{}-{name}", self.trend_agency.get_untracked()),
        }
    }
}

/// A chart of the core's with its SVG and PNG downloads; 「—」 when there is nothing to draw.
#[component]
fn ChartFigure(class: &'static str, charts: Charts, kind: Chart) -> impl IntoView {
    let supervisor = charts.supervisor;
    let lang = supervisor.lang;
    let picture = move || {
        charts.svg(kind).unwrap_or_else(|| {
            format!(
                "<p class=\"no-drafts\">{}</p>",
                lang.get().pick(i18n::NOTHING_TO_DRAW)
            )
        })
    };
    let save_svg = move || {
        if let Some(svg) = untrack(|| charts.svg(kind)) {
            let name = format!("{}.svg", charts.file_stem(kind));
            report_failure(supervisor, files::download(&name, "image/svg+xml", &svg));
        }
    };
    let save_png = move || {
        let Some(svg) = untrack(|| charts.svg(kind)) else {
            return;
        };
        let (width, height) = svg_size(&svg);
        let name = format!("{}.png", charts.file_stem(kind));
        wasm_bindgen_futures::spawn_local(async move {
            let saved = image::download_svg_as_png(&svg, width, height, 2, &name).await;
            report_failure(supervisor, saved);
        });
    };
    view! {
        <figure class=format!("region-chart {class}")>
            <div class="chart-picture" inner_html=picture></div>
            <figcaption class="drafts-actions">
                <ActionButton class="save-svg" label=i18n::DOWNLOAD_SVG on_press=save_svg />
                <ActionButton class="save-png" label=i18n::DOWNLOAD_PNG on_press=save_png />
            </figcaption>
        </figure>
    }
}

/// The picture's size from its `width` and `height` attributes (the core writes both, whole).
fn svg_size(svg: &str) -> (u32, u32) {
    let attribute = |name: &str, otherwise: u32| {
        let start = svg
            .find(&format!(" {name}=\""))
            .map(|at| at + name.len() + 3);
        start
            .and_then(|start| svg[start..].split(['"', '.']).next()?.parse().ok())
            .unwrap_or(otherwise)
    };
    (attribute("width", 640), attribute("height", 360))
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

/// The years of the batch's reports, latest first.
fn batch_years(supervisor: Supervisor) -> Vec<i32> {
    let mut years: Vec<i32> = Vec::new();
    supervisor.entries.with(|entries| {
        for year in entries
            .iter()
            .filter_map(|e| Some(e.row.checked()?.report.meta.year))
        {
            if !years.contains(&year) {
                let at = years.iter().position(|&y| y < year).unwrap_or(years.len());
                years.insert(at, year);
            }
        }
    });
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
    let mut units: Vec<Report> = reports
        .iter()
        .filter(|(id, r)| r.meta.year == year && Some(*id) != choice.region_row)
        .map(|(_, r)| r.clone())
        .collect();
    let batch: Vec<Report> = reports.iter().map(|(_, r)| r.clone()).collect();
    with_last_years(&mut units, &batch);
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
