//! The summary report (汇总) under the batch table: built from the ticked units' reports cell
//! by cell, added to the batch as a row of its own (open it as a draft to finish its text), and
//! any summary report of the batch checked against the ticked units (H-sum).

use leptos::prelude::*;
use nianbao_report::batch::{self as core_batch, BatchRow, Source};
use nianbao_report::format::{AgencyKind, AGENCY_KINDS};
use nianbao_report::summary::{check_summary, sum_reports, usual_year};
use nianbao_report::Report;

use super::batch::FindingList;
use super::{use_supervisor, SummaryCheck, Supervisor};
use crate::drafts::button::ActionButton;
use crate::i18n::{self, Lang};

#[component]
pub fn SummaryPanel() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let agency = RwSignal::new(String::new());
    let kind = RwSignal::new(AgencyKind::CountyGov);
    let build = move || build_summary(supervisor, agency.get_untracked(), kind.get_untracked());
    let check = move || check_chosen_summary(supervisor);
    let readable = Memo::new(move |_| {
        supervisor.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| {
                    let report = &e.row.checked()?.report;
                    Some((e.id, format!("{}（{}）", e.row.file_name, report.meta.year)))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="summary-panel">
            <h2>{i18n::tr(lang, i18n::SUMMARY_TITLE)}</h2>
            <p class="batch-hint">{i18n::tr(lang, i18n::SUMMARY_HINT)}</p>
            <div class="summary-build">
                <label>
                    <span>{i18n::tr(lang, i18n::SUMMARY_AGENCY)}</span>
                    <input type="text" class="summary-agency" prop:value=move || agency.get()
                        on:input=move |ev| agency.set(event_target_value(&ev)) />
                </label>
                <select class="summary-kind" aria-label=i18n::tr(lang, i18n::AGENCY_KIND) on:change=move |ev| {
                    if let Some(k) = AgencyKind::from_key(&event_target_value(&ev)) {
                        kind.set(k);
                    }
                }>
                    {AGENCY_KINDS.iter().map(|def| {
                        let key = def.key;
                        view! {
                            <option value=key selected=move || kind.get().def().key == key>
                                {move || match lang.get() { Lang::Zh => def.label_zh, Lang::En => def.label_en }}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <ActionButton class="build-summary" label=i18n::BUILD_SUMMARY on_press=build />
            </div>
            <div class="summary-check">
                <label>
                    <span>{i18n::tr(lang, i18n::SUMMARY_REPORT)}</span>
                    <select class="summary-row" on:change=move |ev| {
                        supervisor.summary_row.set(event_target_value(&ev).parse().ok());
                    }>
                        <option value="" selected=move || supervisor.summary_row.get().is_none()>{i18n::tr(lang, i18n::CHOOSE)}</option>
                        <For each=move || readable.get() key=|(id, name)| (*id, name.clone()) children=move |(id, name)| view! {
                            <option value=id.to_string() selected=move || supervisor.summary_row.get() == Some(id)>{name}</option>
                        } />
                    </select>
                </label>
                <ActionButton class="check-summary" label=i18n::CHECK_SUMMARY on_press=check />
            </div>
            <SummaryResult />
        </section>
    }
}

#[component]
fn SummaryResult() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    view! {
        {move || supervisor.summary_check.get().map(|result| {
            let units = result.units.join("、");
            let heading = move || match lang.get() {
                Lang::Zh => format!("{}：与 {} 个单位核对（{}）", result.summary_file, result.units.len(), units),
                Lang::En => format!("{}: checked against {} units ({})", result.summary_file, result.units.len(), units),
            };
            let passed = result.findings.is_empty();
            view! {
                <div class="summary-result" data-passed=passed.to_string()>
                    <p class="summary-heading">{heading}</p>
                    <Show when=move || passed>
                        <p class="summary-passed">{i18n::tr(lang, i18n::SUMMARY_PASSED)}</p>
                    </Show>
                    <FindingList findings=result.findings.clone() />
                </div>
            }
        })}
    }
}

/// The ticked rows' reports, with their file names, leaving out `except`.
fn ticked_units(supervisor: Supervisor, except: Option<u32>) -> Vec<(String, Report)> {
    let ticked = supervisor.ticked.get_untracked();
    supervisor.entries.with_untracked(|entries| {
        entries
            .iter()
            .filter(|e| ticked.contains(&e.id) && Some(e.id) != except)
            .filter_map(|e| Some((e.row.file_name.clone(), e.row.checked()?.report.clone())))
            .collect()
    })
}

fn build_summary(supervisor: Supervisor, agency: String, kind: AgencyKind) {
    let notices = supervisor.notices;
    let units = ticked_units(supervisor, None);
    if units.is_empty() {
        notices.say(i18n::TICK_UNITS.into());
        return;
    }
    let reports: Vec<&Report> = units.iter().map(|(_, r)| r).collect();
    let year = usual_year(&reports);
    let agency = agency.trim().to_owned();
    let summary = sum_reports(&reports, &agency, kind, year);
    let findings = check_summary(&summary.report, &reports);
    let file_name = format!(
        "汇总：{}",
        if agency.is_empty() {
            "（未命名）"
        } else {
            &agency
        }
    );
    let checked = core_batch::checked(summary.report, Source::Summary, summary.notes);
    let id = supervisor.push(BatchRow {
        file_name: file_name.clone(),
        outcome: Ok(checked),
    });
    supervisor.summary_row.set(Some(id));
    supervisor.summary_check.set(Some(SummaryCheck {
        summary_file: file_name,
        units: summary.units,
        findings,
    }));
    supervisor.keep();
}

fn check_chosen_summary(supervisor: Supervisor) {
    let notices = supervisor.notices;
    let Some(summary_id) = supervisor.summary_row.get_untracked() else {
        return;
    };
    let Some(summary) = supervisor.entry(summary_id) else {
        return;
    };
    let Ok(checked) = summary.row.outcome else {
        return;
    };
    let units = ticked_units(supervisor, Some(summary_id));
    if units.is_empty() {
        notices.say(i18n::TICK_UNITS.into());
        return;
    }
    let reports: Vec<&Report> = units.iter().map(|(_, r)| r).collect();
    let findings = check_summary(&checked.report, &reports);
    supervisor.summary_check.set(Some(SummaryCheck {
        summary_file: summary.row.file_name,
        units: reports
            .iter()
            .zip(&units)
            .map(|(r, (file, _))| {
                let agency = r.meta.agency.trim();
                if agency.is_empty() {
                    file.clone()
                } else {
                    agency.to_owned()
                }
            })
            .collect(),
        findings,
    }));
}
