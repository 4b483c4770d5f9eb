//! Getting the report out: print it (through the core's printable HTML, so what prints is what
//! exports), copy it whole, copy one table into a website editor, Word or Excel, or draw its 图解.

use leptos::prelude::*;
use nianbao_report::export::{html, plain};
use nianbao_report::SectionId;

use crate::i18n;
use crate::platform::{clipboard, files, print, tools};

const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
use crate::app_state::Notices;
use crate::store::use_store;

#[component]
pub fn PublishBar() -> impl IntoView {
    let store = use_store();
    let notices = crate::app_state::use_notices();
    let lang = crate::app_state::use_lang();
    let print_report = move |_| {
        let missing = print::missing_official_fonts();
        if !missing.is_empty() {
            let faces = missing.join("、");
            notices.say(i18n::FONTS_MISSING.fill(&faces));
        }
        let page = store.report.with_untracked(html::render);
        if !print::print_html(&page) {
            notices.say(i18n::PRINT_FAILED.into());
        }
    };
    let export_html = move |_| {
        let (name, page) = store.report.with_untracked(|r| {
            (
                nianbao_report::export::file_stem(r) + ".html",
                html::render(r),
            )
        });
        if let Err(why) = files::download(&name, "text/html;charset=utf-8", &page) {
            notices.say(i18n::EXPORT_FAILED.then(&why));
        }
    };
    // Word comes from the tools worker: the writer is too large for the editor's download.
    let export_docx = move |_| {
        let (name, report) = store.report.with_untracked(|r| {
            (
                nianbao_report::export::file_stem(r) + ".docx",
                nianbao_report::export::json::to_json(r),
            )
        });
        notices.tell(i18n::MAKING_DOCX.into());
        wasm_bindgen_futures::spawn_local(async move {
            let saved = match tools::render_docx(&report).await {
                Ok(bytes) => files::download_bytes(&name, DOCX_TYPE, &bytes),
                Err(why) => Err(why),
            };
            match saved {
                Ok(()) => notices.clear(),
                Err(why) => notices.say(i18n::EXPORT_FAILED.then(&why)),
            }
        });
    };
    let copy_report = move |_| {
        let (page, text) = store
            .report
            .with_untracked(|r| (html::render(r), plain::report_text(r)));
        copied(
            notices,
            clipboard::copy_rich(&page, &text),
            i18n::REPORT_COPIED,
        );
    };
    let figure_open = RwSignal::new(false);
    view! {
        <div class="publish-bar">
            <button class="print" on:click=print_report>{i18n::tr(lang, i18n::PRINT)}</button>
            <button class="export-html" on:click=export_html>{i18n::tr(lang, i18n::EXPORT_HTML)}</button>
            <button class="export-docx" on:click=export_docx>{i18n::tr(lang, i18n::EXPORT_DOCX)}</button>
            <button class="copy-report" on:click=copy_report>{i18n::tr(lang, i18n::COPY_REPORT)}</button>
            <button class="show-figure" aria-pressed=move || figure_open.get().to_string()
                on:click=move |_| figure_open.update(|open| *open = !*open)>{i18n::tr(lang, i18n::FIGURE)}</button>
        </div>
        <Show when=move || figure_open.get()>
            {move || crate::parts::when_loaded(crate::parts::figure(figure_open))}
        </Show>
    }
}

/// The button above a grid that copies that table.
#[component]
pub fn CopyTableButton(table: SectionId) -> impl IntoView {
    let store = use_store();
    let notices = crate::app_state::use_notices();
    let lang = crate::app_state::use_lang();
    let copy = move |_| {
        let (table_html, text) = store
            .report
            .with_untracked(|r| (html::render_table(r, table), plain::table_tsv(r, table)));
        copied(
            notices,
            clipboard::copy_rich(&table_html, &text),
            i18n::TABLE_COPIED,
        );
    };
    view! {
        <button class="copy-table" on:click=copy>{i18n::tr(lang, i18n::COPY_TABLE)}</button>
    }
}

fn copied(notices: Notices, ok: bool, done: i18n::Text) {
    if ok {
        notices.tell(done.into());
    } else {
        notices.say(i18n::COPY_FAILED.into());
    }
}
