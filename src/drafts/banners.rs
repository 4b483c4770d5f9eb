//! Messages about the drafts' storage that stay until the situation changes: storage full,
//! storage unavailable, saving stopped, the draft deleted in another window, a merge with
//! another window; and where dropped files go.

use leptos::prelude::*;
use nianbao_report::format;
use nianbao_report::Place;

use super::autosave::SaveKind;
use super::button::ActionButton;
use super::{use_drafts, SaveStatus};
use crate::editor::focus_place;
use crate::i18n::{self, Lang};

/// Storage full, storage unavailable, or saving stopped: each says what happened and what the
/// user can do, and offers it.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let full = move || {
        drafts
            .storage
            .status
            .with(|s| matches!(s, SaveStatus::Full { .. }))
    };
    let why = move || match drafts.storage.status.get() {
        SaveStatus::Full { why } => format!("（{why}）"),
        _ => String::new(),
    };
    let stopped = move || match drafts.storage.status.get() {
        SaveStatus::Blocked(message) | SaveStatus::Failed(message) => {
            Some(lang.get().say(&message).to_owned())
        }
        _ => None,
    };
    view! {
        <Show when=move || drafts.storage.in_memory.get()>
            <div class="banner banner-storage banner-memory" role="alert">
                <span class="banner-text">{i18n::tr(lang, i18n::STORAGE_IN_MEMORY)}</span>
                <ActionButton class="download-json" label=i18n::DOWNLOAD_JSON on_press=move || drafts.export_open() />
            </div>
        </Show>
        <Show when=full>
            <div class="banner banner-storage banner-full" role="alert">
                <span class="banner-text">{i18n::tr(lang, i18n::STORAGE_FULL)}<small>{why}</small></span>
                <ActionButton class="download-json" label=i18n::DOWNLOAD_JSON on_press=move || drafts.export_open() />
                <ActionButton class="try-again" label=i18n::TRY_AGAIN on_press=move || drafts.save_now(SaveKind::Auto) />
            </div>
        </Show>
        <Show when=move || drafts.storage.status.with(|s| *s == SaveStatus::DeletedElsewhere)>
            <div class="banner banner-storage banner-deleted-elsewhere" role="alert">
                <span class="banner-text">{i18n::tr(lang, i18n::DELETED_ELSEWHERE)}</span>
                <ActionButton class="keep-copy" label=i18n::KEEP_THIS_COPY on_press=move || drafts.save_as_new_draft() />
                <ActionButton class="download-json" label=i18n::DOWNLOAD_JSON on_press=move || drafts.export_open() />
            </div>
        </Show>
        <Show when=move || stopped().is_some()>
            <div class="banner banner-storage banner-stopped" role="alert">
                <span class="banner-text">
                    {i18n::tr(lang, i18n::SAVING_STOPPED)}{move || stopped().unwrap_or_default()}"。"
                    {i18n::tr(lang, i18n::SAVING_STOPPED_AFTER)}
                </span>
                <ActionButton class="download-json" label=i18n::DOWNLOAD_JSON on_press=move || drafts.export_open() />
                <ActionButton class="save-as-new" label=i18n::SAVE_AS_NEW_DRAFT on_press=move || drafts.save_as_new_draft() />
            </div>
        </Show>
    }
}

/// 「另一窗口修改了此草稿，已合并」, the places both windows changed (each a link to it), and
/// the choices: keep mine as a copy, or use the other window's version. Shown while `merged`
/// holds a merge (the page's `Show`, src/app.rs).
#[component]
pub fn MergeBanner() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let conflicts = move || {
        drafts
            .merged
            .with(|m| m.as_ref().map(|m| m.conflicts.clone()).unwrap_or_default())
    };
    view! {
        <div class="banner banner-merge" role="alert">
            <div class="banner-text">
                <span class="merged-text">{i18n::tr(lang, i18n::MERGED)}</span>
                <Show when=move || !conflicts().is_empty()>
                    <span>{i18n::tr(lang, i18n::MERGE_CONFLICTS)}</span>
                    <ul class="merge-conflicts">
                        {move || conflicts().into_iter().map(|place| {
                            let name = place_name(&place, lang.get());
                            view! { <li><button class="link" data-place=place.id() on:click=move |_| { focus_place(&place); }>{name}</button></li> }
                        }).collect_view()}
                    </ul>
                </Show>
            </div>
            <ActionButton class="keep-mine" label=i18n::KEEP_MINE_AS_COPY on_press=move || drafts.keep_mine_as_copy() />
            <ActionButton class="take-theirs" label=i18n::TAKE_THEIRS on_press=move || drafts.take_theirs() />
            <ActionButton class="close" label=i18n::CLOSE on_press=move || drafts.merged.set(None) />
        </div>
    }
}

/// Shown while files are dragged over the page.
#[component]
pub fn DropOverlay() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <Show when=move || drafts.view.dropping.get()>
            <div class="drop-overlay" aria-hidden="true">{i18n::tr(lang, i18n::DROP_HERE)}</div>
        </Show>
    }
}

/// A place of the report as the user knows it: 「三、收到和处理… 」, 「标题」, 「三(七) 自然人」.
fn place_name(place: &Place, lang: Lang) -> String {
    match place {
        Place::Section(id) => format::section(*id).heading.to_owned(),
        Place::Meta(field) => {
            let text = match *field {
                "agency" => i18n::AGENCY,
                "agency_kind" => i18n::AGENCY_KIND,
                "year" => i18n::YEAR,
                "title" => i18n::TITLE,
                "published_on" => i18n::PUBLISHED_ON,
                _ => return (*field).to_owned(),
            };
            lang.pick(text).to_owned()
        }
        other => other.cell_name().unwrap_or_else(|| other.id()),
    }
}
