//! Reports coming in: a JSON file (picked or dropped on the page) becomes a new draft, never
//! replacing one; the text or HTML of a published report, pasted, is read by the core's importer
//! and shown before the draft is created. Every refusal says what and where.

use leptos::prelude::*;
use nianbao_report::drafts::{self as core_drafts, DRAFT_FORMAT};
use nianbao_report::export::json;
use nianbao_report::format::{self, ActiveRowId, SECTIONS};
use nianbao_report::import::{self, Imported};
use nianbao_report::Report;

use super::button::ActionButton;
use super::{use_drafts, Drafts};
use crate::i18n;
use crate::platform::files::{self, ReadError};

/// The largest file read. A report's JSON is 10–50 kB and a saved web page rarely 2 MB; a
/// larger file is not a report, and reading it would only freeze the page.
pub const MAX_IMPORT_MB: u32 = 5;
pub const MAX_IMPORT_BYTES: f64 = MAX_IMPORT_MB as f64 * 1024.0 * 1024.0;

/// What a file holds, as far as importing goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileContent {
    /// A report JSON (or a draft as stored): ready to be a draft.
    Report(Box<Report>),
    /// Text or HTML, to be read by the published-report importer (with a preview).
    Published(String),
}

/// Why a file was not imported, in both languages; the message names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub zh: String,
    pub en: String,
}

/// Reads a file's bytes as a report: JSON v1 (any known version), a stored draft, or the text
/// or HTML of a published report. Images, PDFs, Office files and other binaries are refused by
/// what they are, not by their name.
pub fn read_file_content(name: &str, bytes: &[u8]) -> Result<FileContent, FileProblem> {
    if let Some((kind_zh, kind_en)) = binary_kind(bytes) {
        return Err(FileProblem {
            zh: format!("文件“{name}”是{kind_zh}，不是年报 JSON 文件，未导入。请选择用“导出 JSON”保存的 .json 文件。"),
            en: format!("“{name}” is {kind_en}, not a report JSON file; nothing was imported. Choose a .json file saved with Export JSON."),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileProblem {
        zh: format!(
            "文件“{name}”不是 UTF-8 编码的文字（第 {} 个字节处无法读取），未导入。",
            e.valid_up_to() + 1
        ),
        en: format!(
            "“{name}” is not UTF-8 text (unreadable at byte {}); nothing was imported.",
            e.valid_up_to() + 1
        ),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FileProblem {
            zh: format!("文件“{name}”是空的，未导入。"),
            en: format!("“{name}” is empty; nothing was imported."),
        });
    }
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return Ok(FileContent::Published(text.to_owned()));
    }
    // A stored draft says so in its first field (drafts::encode writes `format` first).
    let head: String = trimmed.chars().take(200).collect();
    let result = if head.contains(DRAFT_FORMAT) {
        core_drafts::decode(text)
            .map(|draft| draft.report)
            .map_err(|e| (e.message_zh, e.message_en))
    } else {
        json::from_json(text).map_err(|e| (e.message_zh, e.message_en))
    };
    result
        .map(|report| FileContent::Report(Box::new(report)))
        .map_err(|(zh, en)| FileProblem {
            zh: format!("文件“{name}”未导入：{zh}"),
            en: format!("“{name}” was not imported: {en}"),
        })
}

/// What a binary file is, from its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const KINDS: [(&[u8], &str, &str); 8] = [
        (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
        (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
        (b"GIF8", "GIF 图片", "a GIF image"),
        (
            b"%PDF",
            "PDF 文件（请复制其中的文字，用“导入已发布年报”粘贴）",
            "a PDF (copy its text and use Import published report)",
        ),
        (
            b"PK\x03\x04",
            "压缩包或 Office 文档（docx、xlsx 等）",
            "a zip archive or an Office document (docx, xlsx …)",
        ),
        (
            b"\xd0\xcf\x11\xe0",
            "旧版 Office 文档（doc、xls）",
            "an old Office document (doc, xls)",
        ),
        (b"Rar!", "RAR 压缩包", "a RAR archive"),
        (b"BM", "BMP 图片", "a BMP image"),
    ];
    if let Some((_, zh, en)) = KINDS.iter().find(|(magic, _, _)| bytes.starts_with(magic)) {
        return Some((zh, en));
    }
    bytes[..bytes.len().min(4096)]
        .contains(&0)
        .then_some(("二进制文件", "a binary file"))
}

/// Reads a picked or dropped file and imports it: a report becomes a new draft; text or HTML
/// opens the published-report import with it; anything else is refused with a message.
pub fn import_file(drafts: Drafts, file: web_sys::File) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match files::read_bytes(&file, MAX_IMPORT_BYTES).await {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge { bytes }) => {
                // Tenths of a megabyte in whole numbers: formatting an f64 would add ~10 kB of
                // float printing to the app for this one message.
                let tenths = (bytes * 10.0 / 1024.0 / 1024.0).round() as u64;
                let mb = format!("{}.{}", tenths / 10, tenths % 10);
                let max = MAX_IMPORT_MB;
                drafts.store.say(
                    format!("文件“{name}”太大（{mb} MB），未导入。年报 JSON 文件通常不到 100 KB，最多可导入 {max} MB。"),
                    format!("“{name}” is too large ({mb} MB); nothing was imported. A report JSON file is usually under 100 kB; at most {max} MB can be imported."),
                );
                return;
            }
            Err(ReadError::Unreadable(why)) => {
                drafts.store.say(
                    format!("无法读取文件“{name}”：{why}"),
                    format!("Could not read “{name}”: {why}"),
                );
                return;
            }
        };
        match read_file_content(&name, &bytes) {
            Ok(FileContent::Report(report)) => {
                drafts.store.notice.set(None);
                drafts.start_imported(*report);
            }
            Ok(FileContent::Published(text)) => {
                drafts.paste_import_text.set(text);
                drafts.paste_import_open.set(true);
            }
            Err(problem) => drafts.store.say(problem.zh, problem.en),
        }
    });
}

/// "Import JSON": a file picker (an input inside a label, so that it is keyboard-reachable).
#[component]
pub fn ImportJsonButton() -> impl IntoView {
    let drafts = use_drafts();
    let lang = drafts.store.lang;
    view! {
        <label class="button import-json" title=i18n::tr(lang, i18n::IMPORT_JSON_HINT)>
            <input type="file" accept=".json,application/json,text/plain,text/html"
                on:change=move |ev| {
                    if let Some(file) = files::picked_file(&ev) {
                        import_file(drafts, file);
                    }
                } />
            {i18n::tr(lang, i18n::IMPORT_JSON)}
        </label>
    }
}

#[component]
pub fn PasteImportButton() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <ActionButton class="paste-import" label=i18n::PASTE_IMPORT on_press=move || drafts.paste_import_open.set(true) />
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
#[component]
pub fn PasteImportDialog() -> impl IntoView {
    let drafts = use_drafts();
    let lang = drafts.store.lang;
    let text = drafts.paste_import_text;
    // The clipboard's HTML keeps the tables' structure; it is used while the text shown is
    // still the one pasted with it.
    let pasted_html = StoredValue::new(None::<(String, String)>);
    let result = RwSignal::new(None::<Result<Imported, (String, String)>>);
    let close = move || {
        drafts.paste_import_open.set(false);
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
        result.set(Some(
            import::import_published(&input).map_err(|e| (e.message_zh, e.message_en)),
        ));
    };
    let create = move |_| {
        if let Some(Ok(imported)) = result.get_untracked() {
            close();
            drafts.start_imported(imported.report);
        }
    };
    let preview = move || {
        let lang = lang.get();
        result.with(|result| match result {
            None => ().into_any(),
            Some(Err((zh, en))) => view! { <p class="import-error" role="alert">{lang.choose(zh, en).to_owned()}</p> }.into_any(),
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
                        view! { <li class=class><span class="rule">{note.rule}</span>" "{lang.choose(&note.message_zh, &note.message_en).to_owned()}</li> }
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
        <Show when=move || drafts.paste_import_open.get()>
            <div class="dialog-backdrop">
                <div class="dialog paste-import-dialog" role="dialog" aria-modal="true"
                    aria-label=i18n::tr(lang, i18n::PASTE_IMPORT_TITLE)>
                    <h2>{i18n::tr(lang, i18n::PASTE_IMPORT_TITLE)}</h2>
                    <p class="hint">{i18n::tr(lang, i18n::PASTE_IMPORT_HINT)}</p>
                    <textarea class="paste-area" rows="10"
                        prop:value=move || text.get()
                        on:paste=on_paste
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            result.set(None);
                        }></textarea>
                    <div class="dialog-buttons">
                        <ActionButton class="read-published" label=i18n::READ on_press=read />
                        <button class="create-draft" disabled=move || !can_create() on:click=create>
                            {i18n::tr(lang, i18n::CREATE_DRAFT)}
                        </button>
                        <ActionButton class="cancel" label=i18n::CANCEL on_press=move || close() />
                    </div>
                    {preview}
                </div>
            </div>
        </Show>
    }
}
