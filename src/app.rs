//! The editor's page: the drafts list and the editor (toolbar, report header, the six sections,
//! the findings), with the banners above them. The supervisor's tools are a page of their own
//! (`crate::supervisor`).

use leptos::ev;
use leptos::prelude::*;
use nianbao_report::format::{REPORT_TITLE, SECTIONS};

use crate::app_state::{choose_language, provide_language, use_lang, use_notices, Notices, Tone};
use crate::drafts::banners::{DropOverlay, StorageBanners};
use crate::drafts::button::ActionButton;
use crate::drafts::first_screen::FirstScreen;
use crate::drafts::import::{self, ImportJsonButton};
use crate::drafts::status::{
    DraftsButton, ExportButton, HistoryButton, SaveButton, SaveStatusText,
};
use crate::drafts::{blank_report, Drafts, ImportPurpose, Screen};
use crate::editor::findings::FindingsPanel;
use crate::editor::header::ReportHeader;
use crate::editor::section::ReportSection;
use crate::i18n::{self, Lang};
use crate::parts;
use crate::platform::{files, service_worker};
use crate::store::{use_store, Store};

/// The supervisor's page (batch check, summary, year over year), a page of its own so that the
/// editor's download does not carry it.
const SUPERVISOR_PAGE: &str = "supervisor/";

#[component]
pub fn App() -> impl IntoView {
    provide_language();
    let notices = Notices::provide();
    let store = Store::new(blank_report(), true);
    provide_context(store);
    crate::store::read_in_background(store);
    // Opens the draft to start with (or the list) before anything is drawn.
    let drafts = Drafts::start(store, notices);
    provide_context(drafts);
    files::on_file_drop(
        move |over| {
            if drafts.view.dropping.get_untracked() != over {
                drafts.view.dropping.set(over);
            }
        },
        // One report at a time becomes a draft; many at once are the batch check's.
        move |dropped| {
            if let Some(file) = dropped.into_iter().next() {
                // On the first screen a report dropped is last year's, to start this year from.
                let purpose = if drafts.view.screen.get_untracked() == Screen::First {
                    ImportPurpose::NextYear
                } else {
                    ImportPurpose::AsIs
                };
                import::import_file(drafts, file, purpose);
            }
        },
    );
    // Undo and redo belong to the whole report, not to one input.
    let _ = window_event_listener(ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key())
            || ev.is_composing()
            || drafts.view.screen.get_untracked() != Screen::Editor
        {
            return;
        }
        // ASCII is enough for the keys looked for, and spares the download Unicode's case tables.
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                store.undo();
            }
            ("y", _) | ("z", true) => {
                ev.prevent_default();
                store.redo();
            }
            _ => {}
        }
    });
    let update_ready = service_worker::register("./sw.js");
    // The screen drawn again only when it changes: another draft opened in the editor is the
    // same editor showing another report (the store's), not a new editor. A new one would
    // throw the old one away while its part's views still answered the events of its leaving.
    let screen = Memo::new(move |_| drafts.view.screen.get());
    // The findings panel stays below the top bar however tall it grows (a wrapped toolbar, a
    // banner).
    let top_bar = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(bar) = top_bar.get() {
            crate::platform::layout::follow_height(&bar, "--top-bar-height");
        }
    });
    view! {
        // The toolbar and the banners stay in sight while the report scrolls: a full storage or
        // a merge must not be missed.
        <div class="top-bar" node_ref=top_bar>
            <Toolbar />
            <UpdateBanner update_ready />
            <StorageBanners />
            <Show when=move || drafts.merged.with(Option::is_some)>
                {|| parts::when_loaded(parts::merge_banner())}
            </Show>
            <NoticeBar />
        </div>
        {move || match screen.get() {
            Screen::First => view! { <FirstScreen /> }.into_any(),
            Screen::List => parts::when_loaded(parts::drafts_list()),
            Screen::Editor => parts::when_loaded(parts::editor()),
        }}
        <Show when=move || drafts.view.paste_import_open.get()>
            {|| parts::when_loaded(parts::paste_import())}
        </Show>
        <DropOverlay />
    }
}

/// The open draft: its header, the six sections, the findings, and its history when asked.
#[component]
pub(crate) fn Editor() -> impl IntoView {
    let store = use_store();
    let drafts = crate::drafts::use_drafts();
    let lang = use_lang();
    view! {
        <div class="workspace">
            <main class="editor" aria-label=i18n::tr(lang, i18n::EDITOR_REGION)>
                <h1 class="report-title">{move || store.report.with(|r| if r.meta.agency.trim().is_empty() && r.meta.title.trim().is_empty() { REPORT_TITLE.to_owned() } else { r.title() })}</h1>
                <ReportHeader />
                {SECTIONS.iter().map(|def| view! { <ReportSection def /> }).collect_view()}
            </main>
            <FindingsPanel />
        </div>
        <Show when=move || drafts.view.history_open.get()>
            {|| parts::when_loaded(parts::history())}
        </Show>
    }
}

/// 「English」 / 「中文」: the other language, remembered for every page of the app.
#[component]
pub fn LanguageButton() -> impl IntoView {
    let lang = use_lang();
    let notices = use_notices();
    let switch_language = move |_| {
        let next = match lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        choose_language(lang, notices, next);
    };
    view! {
        <button class="switch-language" lang=move || match lang.get() { Lang::Zh => "en", Lang::En => "zh-CN" }
            on:click=switch_language>{i18n::tr(lang, i18n::SWITCH_LANGUAGE)}</button>
    }
}

#[component]
fn Toolbar() -> impl IntoView {
    let store = use_store();
    let lang = crate::app_state::use_lang();
    let drafts = crate::drafts::use_drafts();
    let editing = move || drafts.view.screen.get() == Screen::Editor;
    let compare = move || {
        if let Some(id) = drafts.open_id.get_untracked() {
            drafts.go_to_page(&format!("{SUPERVISOR_PAGE}#compare={id}"));
        }
    };
    view! {
        <header class="app-header">
            <span class="app-name">{i18n::tr(lang, i18n::APP_NAME)}</span>
            <Show when=editing>
                <SaveStatusText />
            </Show>
            <div class="toolbar" role="toolbar">
                <DraftsButton />
                <ActionButton class="batch-check" label=i18n::BATCH_BUTTON
                    on_press=move || drafts.go_to_page(SUPERVISOR_PAGE) />
                <Show when=editing>
                    <SaveButton />
                    <button class="undo" on:click=move |_| store.undo()
                        title="Ctrl+Z">{i18n::tr(lang, i18n::UNDO)}</button>
                    <button class="redo" on:click=move |_| store.redo()
                        title="Ctrl+Y">{i18n::tr(lang, i18n::REDO)}</button>
                    <label class="auto-total" title=i18n::tr(lang, i18n::AUTO_TOTAL_HINT)>
                        <input type="checkbox" prop:checked=move || store.auto_total.get()
                            on:change=move |ev| store.set_auto_total(event_target_checked(&ev)) />
                        {i18n::tr(lang, i18n::AUTO_TOTAL)}
                    </label>
                    <HistoryButton />
                    <ExportButton />
                    <ImportJsonButton />
                    <ActionButton class="compare-last-year" label=i18n::COMPARE_LAST_YEAR on_press=compare />
                </Show>
                <HelpLink />
                <LanguageButton />
            </div>
        </header>
    }
}

/// 使用说明: the help, a static page of the build (offline too), in a tab of its own so that the
/// open report stays as it is.
#[component]
pub fn HelpLink() -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="button help-link" href="help/" target="_blank" rel="noopener">{i18n::tr(lang, i18n::HELP)}</a>
    }
}

/// A message that stays until dismissed or replaced (a refused paste names its cells here).
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = use_notices();
    let lang = use_lang();
    let current = notices.current;
    let tone = notices.tone;
    view! {
        <Show when=move || current.with(Option::is_some)>
            <div class="banner banner-notice"
                data-tone=move || match tone.get() { Tone::Problem => "problem", Tone::Done => "done" }
                role=move || match tone.get() { Tone::Problem => "alert", Tone::Done => "status" }>
                <span class="notice-text">{move || current.with(|n| n.as_ref().map(|n| lang.get().say(n).to_owned()).unwrap_or_default())}</span>
                <button on:click=move |_| notices.clear()>{i18n::tr(lang, i18n::CLOSE)}</button>
            </div>
        </Show>
    }
}

/// Tells the user a new version has been downloaded, and reloads into it when they agree.
#[component]
fn UpdateBanner(update_ready: ReadSignal<bool>) -> impl IntoView {
    let lang = crate::app_state::use_lang();
    view! {
        <Show when=move || update_ready.get()>
            <div class="banner banner-update" role="status">
                {i18n::tr(lang, i18n::UPDATE_READY)}
                <button on:click=|_| service_worker::activate_update()>{i18n::tr(lang, i18n::RELOAD)}</button>
            </div>
        </Show>
    }
}
