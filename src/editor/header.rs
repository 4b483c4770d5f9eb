//! The report's header fields: agency, kind, year, title, publication date.

use leptos::ev;
use leptos::prelude::*;
use nianbao_report::format::{self, AgencyKind, AGENCY_KINDS};
use nianbao_report::Place;

use super::publish::PublishBar;
use super::{dom_id, element_of};
use crate::i18n::{self, Lang};
use crate::store::use_store;

#[component]
pub fn ReportHeader() -> impl IntoView {
    let store = use_store();
    let lang = crate::app_state::use_lang();
    let report = store.report;
    let meta_edit = move |field: &'static str, change: fn(&mut nianbao_report::Report, String)| {
        move |ev: ev::Event| {
            let text = event_target_value(&ev);
            store.edit(Some(format!("meta/{field}")), move |r| change(r, text));
        }
    };
    let label = move |text: i18n::Text| i18n::tr(lang, text);
    let default_title = move || report.with(|r| format::default_title(&r.meta.agency, r.meta.year));
    // A date field costs the browser ~4 ms to set up (its picker), a tenth of the editor's
    // start: it is drawn as a text field (its value is the same ISO date) and becomes a date
    // field once the page is idle.
    crate::platform::tick::when_idle(
        DATE_FIELD_AT_MOST_MS,
        Box::new(|| {
            if let Some(field) = element_of(&PUBLISHED_ON) {
                let _ = field.set_attribute("type", "date");
            }
        }),
    );
    view! {
        <PublishBar />
        <section class="report-header" aria-label=i18n::tr(lang, i18n::TITLE)>
            <label>
                <span>{label(i18n::AGENCY)}</span>
                <input id=dom_id(&Place::Meta("agency")) type="text" class="agency"
                    prop:value=move || report.with(|r| r.meta.agency.clone())
                    on:input=meta_edit("agency", |r, v| r.meta.agency = v)
                    on:blur=move |_| store.close_step() />
            </label>
            <label>
                <span>{label(i18n::AGENCY_KIND)}</span>
                <select id=dom_id(&Place::Meta("agency_kind"))
                    on:change=move |ev| {
                        if let Some(kind) = AgencyKind::from_key(&event_target_value(&ev)) {
                            store.edit(None, move |r| r.meta.agency_kind = kind);
                        }
                    }>
                    {AGENCY_KINDS.iter().map(|def| {
                        let key = def.key;
                        view! {
                            <option value=key selected=move || report.with(|r| r.meta.agency_kind.def().key == key)>
                                {move || match lang.get() { Lang::Zh => def.label_zh, Lang::En => def.label_en }}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{label(i18n::YEAR)}</span>
                <input id=dom_id(&Place::Meta("year")) type="number" min="2008" max="2100" class="year"
                    prop:value=move || report.with(|r| r.meta.year.to_string())
                    on:input=move |ev| {
                        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
                            if (1900..=2200).contains(&year) {
                                store.edit(Some("meta/year".into()), move |r| r.meta.year = year);
                            }
                        }
                    }
                    on:blur=move |_| store.close_step() />
            </label>
            <label class="wide">
                <span>{label(i18n::TITLE)}</span>
                <input id=dom_id(&Place::Meta("title")) type="text" class="title"
                    placeholder=default_title
                    prop:value=move || report.with(|r| r.meta.title.clone())
                    on:input=meta_edit("title", |r, v| r.meta.title = v)
                    on:blur=move |_| store.close_step() />
            </label>
            <label>
                <span>{label(i18n::PUBLISHED_ON)}</span>
                <input id=dom_id(&PUBLISHED_ON) type="text"
                    prop:value=move || report.with(|r| r.meta.published_on.clone().unwrap_or_default())
                    on:change=meta_edit("published_on", |r, v| {
                        r.meta.published_on = if v.is_empty() { None } else { Some(v) }
                    }) />
            </label>
        </section>
    }
}

const PUBLISHED_ON: Place = Place::Meta("published_on");

/// The longest the publication date stays a text field when the page is never idle, in
/// milliseconds.
const DATE_FIELD_AT_MOST_MS: i32 = 1000;
