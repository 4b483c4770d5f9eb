//! The toolbar's part of drafts: the save status (「已保存 14:03」 / 「正在保存…」 / the failure),
//! Save, the drafts list, history, export. Each a small component of its own, so that the
//! toolbar stays a flat list.

use leptos::prelude::*;

use super::autosave::SaveKind;
use super::button::ActionButton;
use super::{use_drafts, SaveStatus};
use crate::i18n;

/// 「14:03」 in the browser's time zone.
pub fn clock(at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// 「2025-01-23 14:03」 in the browser's time zone.
pub fn date_time(at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[component]
pub fn SaveStatusText() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let state = move || match drafts.storage.status.get() {
        SaveStatus::Idle => "idle",
        SaveStatus::Pending => "pending",
        SaveStatus::Saved { .. } => "saved",
        SaveStatus::Full { .. } => "full",
        SaveStatus::Blocked(_) => "blocked",
        SaveStatus::Failed(_) => "failed",
        SaveStatus::DeletedElsewhere => "deleted",
    };
    let text = move || {
        let lang = lang.get();
        match drafts.storage.status.get() {
            SaveStatus::Idle => lang.pick(i18n::STATUS_NEW).to_owned(),
            SaveStatus::Pending => lang.pick(i18n::STATUS_SAVING).to_owned(),
            SaveStatus::Saved { at_ms } => {
                let saved = if drafts.storage.in_memory.get() {
                    i18n::STATUS_SAVED_IN_PAGE
                } else {
                    i18n::STATUS_SAVED
                };
                format!("{} {}", lang.pick(saved), clock(at_ms))
            }
            SaveStatus::Full { .. }
            | SaveStatus::Blocked(_)
            | SaveStatus::Failed(_)
            | SaveStatus::DeletedElsewhere => lang.pick(i18n::STATUS_NOT_SAVED).to_owned(),
        }
    };
    let class = move || format!("save-status save-{}", state());
    view! {
        <span class=class data-state=state role="status" aria-live="polite">{text}</span>
    }
}

#[component]
pub fn SaveButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <ActionButton class="save" label=i18n::SAVE hint=i18n::SAVE_HINT
            on_press=move || drafts.save_now(SaveKind::Explicit) />
    }
}

#[component]
pub fn DraftsButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <ActionButton class="drafts-list" label=i18n::DRAFTS_BUTTON on_press=move || drafts.show_list() />
    }
}

#[component]
pub fn HistoryButton() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <button class="history" aria-pressed=move || drafts.view.history_open.get().to_string()
            on:click=move |_| drafts.toggle_history()>
            {i18n::tr(lang, i18n::HISTORY)}
        </button>
    }
}

#[component]
pub fn ExportButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <ActionButton class="export-json" label=i18n::EXPORT_JSON on_press=move || drafts.export_open() />
    }
}
