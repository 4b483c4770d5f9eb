//! The drafts list, the start screen when there is more than one draft: each draft's title,
//! agency, year, last save and findings; new, open, rename, duplicate, next year's draft,
//! delete (with undo); a damaged draft with "download raw" and "try again"; the texts kept for
//! recovery, each to download or delete, and the offer to clear those kept too long.

use leptos::prelude::*;

use super::button::ActionButton;
use super::first_screen::WaysIn;
use super::import::{ImportJsonButton, PasteImportButton};
use super::shelf::Listed;
use super::status::date_time;
use super::{blank_report, use_drafts};
use crate::i18n;

#[component]
pub fn DraftsList() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <main class="drafts-screen" aria-label=i18n::tr(lang, i18n::DRAFTS_TITLE)>
            <div class="drafts-head">
                <h1 class="drafts-title">{i18n::tr(lang, i18n::DRAFTS_TITLE)}</h1>
                <div class="drafts-actions">
                    <ActionButton class="new-draft" label=i18n::NEW_DRAFT on_press=move || drafts.start_new(blank_report(), true) />
                    <ImportJsonButton />
                    <PasteImportButton />
                </div>
            </div>
            <DeletedNotice />
            <Show when=move || drafts.storage.list.with(Vec::is_empty)>
                <p class="no-drafts">{i18n::tr(lang, i18n::NO_DRAFTS)}</p>
                <WaysIn />
            </Show>
            <ul class="drafts">
                <For
                    each=move || drafts.storage.list.get()
                    key=|listed| (listed.entry.id.clone(), listed.entry.saved_at_ms, listed.entry.title.clone(), listed.problem.clone())
                    children=move |listed| view! { <DraftRow listed /> }
                />
            </ul>
            <Recoveries />
        </main>
    }
}

/// The texts kept under recovery keys (drafts and histories that did not read): each to
/// download or delete. Those kept longer than the core's limit are offered for removal; nothing
/// is removed without the user's yes.
#[component]
fn Recoveries() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let now = super::shelf::now_ms();
    let old = move || {
        drafts
            .storage
            .recoveries
            .with(|all| all.iter().filter(|r| r.is_old(now)).count())
    };
    view! {
        <Show when=move || drafts.storage.recoveries.with(|all| !all.is_empty())>
            <section class="recoveries" aria-label=i18n::tr(lang, i18n::RECOVERIES)>
                <h2>{i18n::tr(lang, i18n::RECOVERIES)}</h2>
                <p class="hint">{i18n::tr(lang, i18n::RECOVERIES_HINT)}</p>
                <Show when=move || { old() > 0 && !drafts.view.keep_old_recoveries.get() }>
                    <div class="banner banner-old-recoveries" role="status">
                        <span class="banner-text">{move || match lang.get() {
                            crate::i18n::Lang::Zh => format!("有{}份恢复文本已保存超过30天，是否删除？", old()),
                            crate::i18n::Lang::En => format!("{} recovered texts have been kept for more than 30 days. Delete them?", old()),
                        }}</span>
                        <ActionButton class="remove-old" label=i18n::DELETE_OLD_RECOVERIES on_press=move || drafts.remove_old_recoveries() />
                        <ActionButton class="keep-old" label=i18n::KEEP_THEM on_press=move || drafts.view.keep_old_recoveries.set(true) />
                    </div>
                </Show>
                <ul class="recovery-list">
                    // A plain list, not a keyed <For>: it is short and rarely changes, and each
                    // <For> of its own adds kilobytes to the download.
                    {move || drafts.storage.recoveries.get().into_iter().map(|recovery| {
                        let (id, at, chars, name) = (recovery.id.clone(), recovery.rescued_at_ms, recovery.chars, recovery.name.clone());
                        let recovery = StoredValue::new(recovery);
                        view! {
                            <li class="recovery" data-key=name>
                                <span class="recovery-id">{id}</span>
                                <span class="recovery-time">{date_time(at)}</span>
                                <span class="recovery-size">{move || match lang.get() {
                                    crate::i18n::Lang::Zh => format!("{chars}字"),
                                    crate::i18n::Lang::En => format!("{chars} characters"),
                                }}</span>
                                <ActionButton class="download-recovery" label=i18n::DOWNLOAD_RAW
                                    on_press=move || recovery.with_value(|r| drafts.download_recovery(r)) />
                                <ActionButton class="delete-recovery" label=i18n::DELETE
                                    on_press=move || recovery.with_value(|r| drafts.delete_recovery(r)) />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// 「已删除：…」 with undo, until another draft is deleted or the page closes.
#[component]
fn DeletedNotice() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <Show when=move || drafts.deleted.with(Option::is_some)>
            <div class="banner banner-deleted" role="status">
                <span class="banner-text">
                    {i18n::tr(lang, i18n::DELETED)}
                    {move || drafts.deleted.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())}
                </span>
                <ActionButton class="undo-delete" label=i18n::UNDO on_press=move || drafts.undo_delete() />
                <ActionButton class="close" label=i18n::CLOSE on_press=move || drafts.deleted.set(None) />
            </div>
        </Show>
    }
}

#[component]
fn DraftRow(listed: Listed) -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let entry = listed.entry;
    let id = StoredValue::new(entry.id.clone());
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(entry.title.clone());
    let agency = entry.agency.clone();
    let agency = move || {
        if agency.trim().is_empty() {
            lang.get().pick(i18n::NO_AGENCY).to_owned()
        } else {
            agency.clone()
        }
    };
    let year = entry.year;
    let year = move || match lang.get() {
        i18n::Lang::Zh => format!("{year}年度"),
        i18n::Lang::En => format!("year {year}"),
    };
    let saved = if entry.saved_at_ms > 0 {
        date_time(entry.saved_at_ms)
    } else {
        String::new()
    };
    let (errors, warnings) = (entry.findings_errors, entry.findings_warnings);
    // A draft too damaged to read even its title is named by its id.
    let title = if entry.title.trim().is_empty() {
        format!(
            "{} {}",
            lang.get_untracked().pick(i18n::DRAFTS_TITLE),
            entry.id
        )
    } else {
        entry.title.clone()
    };
    let problem = listed.problem.clone();
    let damaged = entry.damaged;

    let confirm_rename = move || {
        renaming.set(false);
        drafts.rename(&id.get_value(), new_title.get_untracked().trim().to_owned());
    };
    let title_view = move || {
        if renaming.get() {
            view! {
                <span class="rename">
                    <input type="text" class="rename-input" prop:value=move || new_title.get()
                        aria-label=i18n::tr(lang, i18n::TITLE)
                        on:input=move |ev| new_title.set(event_target_value(&ev))
                        on:keydown=move |ev| match ev.key().as_str() {
                            "Enter" => confirm_rename(),
                            "Escape" => renaming.set(false),
                            _ => {}
                        } />
                    <ActionButton class="rename-ok" label=i18n::OK on_press=move || confirm_rename() />
                    <ActionButton class="rename-cancel" label=i18n::CANCEL on_press=move || renaming.set(false) />
                </span>
            }
            .into_any()
        } else if damaged {
            view! { <span class="draft-title">{title.clone()}</span> }.into_any()
        } else {
            view! { <button class="draft-title link" on:click=move |_| { drafts.open(&id.get_value()); }>{title.clone()}</button> }.into_any()
        }
    };
    let actions = if damaged {
        view! {
            <div class="draft-actions">
                <ActionButton class="download-raw" label=i18n::DOWNLOAD_RAW on_press=move || drafts.download_raw(&id.get_value()) />
                <ActionButton class="retry" label=i18n::TRY_AGAIN on_press=move || drafts.retry_damaged(&id.get_value()) />
                <ActionButton class="delete" label=i18n::DELETE on_press=move || drafts.delete(&id.get_value()) />
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="draft-actions">
                <ActionButton class="open" label=i18n::OPEN on_press=move || { drafts.open(&id.get_value()); } />
                <ActionButton class="rename-button" label=i18n::RENAME on_press=move || renaming.set(true) />
                <ActionButton class="duplicate" label=i18n::DUPLICATE on_press=move || drafts.duplicate(&id.get_value()) />
                <ActionButton class="next-year" label=i18n::NEXT_YEAR hint=i18n::NEXT_YEAR_HINT
                    on_press=move || drafts.next_year(&id.get_value()) />
                <ActionButton class="delete" label=i18n::DELETE on_press=move || drafts.delete(&id.get_value()) />
            </div>
        }
        .into_any()
    };
    let row_class = if damaged { "draft damaged" } else { "draft" };
    view! {
        <li class=row_class data-id=entry.id.clone()>
            <div class="draft-main">
                {title_view}
                <span class="draft-meta">
                    <span class="draft-agency">{agency}</span>
                    <span class="draft-year">{year}</span>
                    <span class="draft-saved">{move || format!("{} {}", lang.get().pick(i18n::LAST_SAVED), saved)}</span>
                </span>
                {(!damaged).then(|| view! {
                    <span class="draft-findings counts">
                        <span class=if errors == 0 { "count error none" } else { "count error" }>{move || format!("{} {errors}", lang.get().pick(i18n::ERRORS))}</span>
                        <span class=if warnings == 0 { "count warning none" } else { "count warning" }>{move || format!("{} {warnings}", lang.get().pick(i18n::WARNINGS))}</span>
                    </span>
                })}
            </div>
            {problem.map(|problem| view! {
                <p class="draft-problem">
                    <b>{i18n::tr(lang, i18n::DAMAGED)}</b>"："
                    {move || lang.get().say(&problem).to_owned()}" "
                    {i18n::tr(lang, i18n::DAMAGED_KEPT)}
                </p>
            })}
            {actions}
        </li>
    }
}
