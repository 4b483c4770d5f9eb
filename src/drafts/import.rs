//! Reports coming in: a JSON file (picked or dropped on the page) becomes a new draft, never
//! replacing one; the text or HTML of a published report, pasted, is read by the core's importer
//! and shown before the draft is created. Every refusal says what and where.

use crate::app_state::Notice;
use leptos::prelude::*;
use nianbao_report::format::{self, ActiveRowId, SECTIONS};
use nianbao_report::import::file::{read_file, FileContent};
use nianbao_report::import::transfer::{self, Read};
use nianbao_report::Report;

use super::button::ActionButton;
use super::{use_drafts, Drafts, ImportPurpose};
use crate::i18n;
use crate::platform::files::{self, ReadError};
use crate::platform::tools;

/// The largest file read. A report's JSON is 10–50 kB and a saved web page rarely 2 MB; a
/// larger file is not a report, and reading it would only freeze the page.
pub const MAX_IMPORT_MB: u32 = 5;
pub const MAX_IMPORT_BYTES: f64 = MAX_IMPORT_MB as f64 * 1024.0 * 1024.0;

/// Reads a picked or dropped file and imports it (in a part of its own, `parts::import_file`).
pub fn import_file(drafts: Drafts, file: web_sys::File, purpose: ImportPurpose) {
    wasm_bindgen_futures::spawn_local(async move {
        if crate::parts::import_file(drafts, file, purpose)
            .await
            .is_err()
        {
            drafts.notices.say(i18n::PART_NOT_LOADED.into());
        }
    });
}

/// Reads a file and imports it: a report becomes a new draft (of itself, or of the year after
/// it); text or HTML opens the published-report import with it; anything else is refused with
/// a message.
pub async fn read_and_import(drafts: Drafts, file: web_sys::File, purpose: ImportPurpose) {
    let name = file.name();
    let bytes = match files::read_bytes(&file, MAX_IMPORT_BYTES).await {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { bytes }) => {
            // Tenths of a megabyte in whole numbers: formatting an f64 would add ~10 kB of
            // float printing to the app for this one message.
            let tenths = (bytes * 10.0 / 1024.0 / 1024.0).round() as u64;
            let mb = format!("{}.{}", tenths / 10, tenths % 10);
            let max = MAX_IMPORT_MB;
            drafts.notices.say(Notice::new(format!("文件“{name}”太大（{mb} MB），未导入。年报 JSON 文件通常不到 100 KB，最多可导入 {max} MB。"), format!("“{name}” is too large ({mb} MB); nothing was imported. A report JSON file is usually under 100 kB; at most {max} MB can be imported.")));
            return;
        }
        Err(ReadError::Unreadable(why)) => {
            drafts.notices.say(Notice::new(
                format!("无法读取文件“{name}”：{why}"),
                format!("Could not read “{name}”: {why}"),
            ));
            return;
        }
    };
    match read_file(&name, &files::as_utf8(bytes)) {
        Ok(FileContent::Report(report)) => {
            drafts.notices.clear();
            drafts.start_from(*report, purpose, Vec::new());
        }
        Ok(FileContent::Published(text)) => {
            drafts.view.paste_import_text.set(text);
            drafts.open_paste_import(purpose);
        }
        Err(problem) => drafts.notices.say(problem),
    }
}

/// "Import JSON": a file picker (an input inside a label, so that it is keyboard-reachable).
#[component]
pub fn ImportJsonButton() -> impl IntoView {
    view! { <PickFileButton class="import-json" label=i18n::IMPORT_JSON purpose=ImportPurpose::AsIs /> }
}

/// A file picker whose file is imported for `purpose`.
#[component]
pub fn PickFileButton(
    class: &'static str,
    label: i18n::Text,
    purpose: ImportPurpose,
) -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    view! {
        <label class=format!("button pick-file {class}") title=i18n::tr(lang, i18n::IMPORT_JSON_HINT)>
            <input type="file" accept=files::report_file_types()
                on:change=move |ev| {
                    if let Some(file) = files::picked_file(&ev) {
                        import_file(drafts, file, purpose);
                    }
                } />
            {i18n::tr(lang, label)}
        </label>
    }
}

#[component]
pub fn PasteImportButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <ActionButton class="paste-import" label=i18n::PASTE_IMPORT on_press=move || drafts.open_paste_import(ImportPurpose::AsIs) />
    }
}

/// Filled cells of the three tables: what the preview counts.
fn cells_read(report: &Report) -> usize {
    let active = format::active_rows()
        .map(|(_, row)| {
            if row.id == ActiveRowId::Fees {
                usize::from(report.active.fees.is_some())
            } else {
                report
                    .active
                    .counts(row.id)
                    .iter()
                    .filter(|c| c.is_some())
                    .count()
            }
        })
        .sum::<usize>();
    let tables = report
        .requests
        .0
        .iter()
        .flatten()
        .chain(report.appeals.0.iter().flatten());
    active + tables.filter(|c| c.is_some()).count()
}

/// The published-report import: paste, read, look at what was read and the notes, create.
/// Shown while `paste_import_open` (the page's `Show`, src/app.rs).
#[component]
pub fn PasteImportDialog() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let text = drafts.view.paste_import_text;
    // The clipboard's HTML keeps the tables' structure; it is used while the text shown is
    // still the one pasted with it.
    let pasted_html = StoredValue::new(None::<(String, String)>);
    let result = RwSignal::new(None::<Result<Read, Notice>>);
    let reading = RwSignal::new(false);
    let close = move || {
        drafts.view.paste_import_open.set(false);
        text.set(String::new());
        result.set(None);
        pasted_html.set_value(None);
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        pasted_html.set_value((!html.trim().is_empty()).then_some((html, plain)));
    };
    let read = move || {
        let shown = text.get_untracked();
        let input = pasted_html
            .with_value(|p| {
                p.as_ref()
                    .filter(|(_, plain)| plain.trim() == shown.trim())
                    .map(|(html, _)| html.clone())
            })
            .unwrap_or(shown);
        // The importer runs in the tools worker: outside the editor's download, and off the
        // page's thread for a long page.
        reading.set(true);
        result.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let read = match tools::import_published(&input).await {
                Ok(answer) => transfer::decode(&answer).map_err(|e| e.message),
                Err(why) => Err(i18n::TOOLS_FAILED.then(&why)),
            };
            reading.set(false);
            result.set(Some(read));
        });
    };
    let purpose = drafts.view.import_purpose;
    let create = move |_| {
        if let Some(Ok(imported)) = result.get_untracked() {
            close();
            drafts.start_from(imported.report, purpose.get_untracked(), imported.notes);
        }
    };
    // 「创建草稿」, or 「生成2026年度草稿」 from last year's report.
    let create_label = move || {
        let lang = lang.get();
        let next_year = result.with(|r| match r {
            Some(Ok(read)) => Some(read.report.meta.year.saturating_add(1)),
            _ => None,
        });
        match (purpose.get(), next_year) {
            (ImportPurpose::NextYear, Some(year)) => lang
                .pick(i18n::CREATE_NEXT_YEAR)
                .replace("{}", &year.to_string()),
            _ => lang.pick(i18n::CREATE_DRAFT).to_owned(),
        }
    };
    let preview = move || {
        let lang = lang.get();
        result.with(|result| match result {
            None if reading.get() => view! { <p class="import-reading" role="status">{lang.pick(i18n::READING_REPORT)}</p> }.into_any(),
            None => ().into_any(),
            Some(Err(message)) => view! { <p class="import-error" role="alert">{lang.say(message).to_owned()}</p> }.into_any(),
            Some(Ok(imported)) => {
                let report = &imported.report;
                let with_text = SECTIONS
                    .iter()
                    .filter(|def| !report.sections.get(def.id).trim().is_empty())
                    .map(|def| def.numeral.trim_end_matches('、'))
                    .collect::<Vec<_>>()
                    .join("、");
                let notes = imported
                    .notes
                    .iter()
                    .map(|note| {
                        let class = format!("import-note {}", note.severity.label_en());
                        view! { <li class=class><span class="rule">{note.rule.clone()}</span>" "{lang.say(&note.message).to_owned()}</li> }
                    })
                    .collect_view();
                view! {
                    <section class="import-preview">
                        <h3>{lang.pick(i18n::WHAT_WAS_READ)}</h3>
                        <dl>
                            <dt>{lang.pick(i18n::AGENCY)}</dt><dd class="preview-agency">{report.meta.agency.clone()}</dd>
                            <dt>{lang.pick(i18n::YEAR)}</dt><dd class="preview-year">{report.meta.year}</dd>
                            <dt>{lang.pick(i18n::TITLE)}</dt><dd class="preview-title">{report.title()}</dd>
                            <dt>{lang.pick(i18n::CELLS_READ)}</dt><dd class="preview-cells">{cells_read(report)}</dd>
                            <dt>{lang.pick(i18n::SECTIONS_WITH_TEXT)}</dt><dd>{with_text}</dd>
                        </dl>
                        <h3>{lang.pick(i18n::IMPORT_NOTES)}</h3>
                        {if imported.notes.is_empty() {
                            view! { <p>{lang.pick(i18n::NO_IMPORT_NOTES)}</p> }.into_any()
                        } else {
                            view! { <ul class="import-notes">{notes}</ul> }.into_any()
                        }}
                    </section>
                }
                .into_any()
            }
        })
    };
    let can_create = move || result.with(|r| matches!(r, Some(Ok(_))));
    view! {
        <div class="dialog-backdrop">
            <div class="dialog paste-import-dialog" role="dialog" aria-modal="true"
                aria-label=i18n::tr(lang, i18n::PASTE_IMPORT_TITLE)>
                <h2>{i18n::tr(lang, i18n::PASTE_IMPORT_TITLE)}</h2>
                <p class="hint">{i18n::tr(lang, i18n::PASTE_IMPORT_HINT)}</p>
                <textarea class="paste-area" rows="10" aria-label=i18n::tr(lang, i18n::PASTE_AREA)
                    prop:value=move || text.get()
                    on:paste=on_paste
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        result.set(None);
                    }></textarea>
                <div class="dialog-buttons">
                    <ActionButton class="read-published" label=i18n::READ on_press=read />
                    <button class="create-draft" disabled=move || !can_create() on:click=create>
                        {create_label}
                    </button>
                    <ActionButton class="cancel" label=i18n::CANCEL on_press=move || close() />
                </div>
                {preview}
            </div>
        </div>
    }
}
