//! Files in and out of the browser: downloading a text as a file, reading a file the user
//! picked or dropped. What a file means is decided elsewhere (`crate::drafts::import`).

use std::time::Duration;

use leptos::prelude::*;
use nianbao_report::import::file::{declared_charset, needs_decoding};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a download's object URL stays alive after the click. Revoking it at once cancels
/// the download in some browsers (the file is fetched after the click returns).
const KEEP_URL_ALIVE: Duration = Duration::from_secs(60);

/// Saves `text` as a file named `file_name` (the browser's download).
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_part(file_name, mime, &JsValue::from_str(text))
}

/// Saves `bytes` as a file named `file_name` (a Word document).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

/// A Blob of one part (a string or bytes), downloaded through an object URL.
fn download_part(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // `new Blob(parts, options)`: the binding's name says strings, the constructor takes bytes too.
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    click_download(&document, file_name, &url)?;
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        KEEP_URL_ALIVE,
    );
    Ok(())
}

/// Saves what `url` holds (a `data:` URL) as a file named `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    click_download(&document, file_name, url)
}

fn click_download(document: &web_sys::Document, file_name: &str, url: &str) -> Result<(), String> {
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    anchor.set_href(url);
    anchor.set_download(file_name);
    let _ = anchor.set_attribute("hidden", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    Ok(())
}

/// A file that was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Larger than the caller accepts: not read at all.
    TooLarge { bytes: f64 },
    /// The browser could not read it (moved, no permission).
    Unreadable(String),
}

/// Reads a file's bytes, refusing one larger than `max_bytes` before reading anything.
pub async fn read_bytes(file: &web_sys::File, max_bytes: f64) -> Result<Vec<u8>, ReadError> {
    let bytes = file.size();
    if bytes > max_bytes {
        return Err(ReadError::TooLarge { bytes });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ReadError::Unreadable(describe(e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file's bytes as UTF-8 for the core to read: text in another character set (GBK, as old pages
/// of government sites are, declared or not) decoded with the browser's own decoder, which knows
/// them all; anything else as it is (the core names what it is, or says it is not UTF-8).
pub fn as_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if !needs_decoding(&bytes) {
        return bytes;
    }
    let declared = declared_charset(&bytes).filter(|label| label != "utf-8" && label != "utf8");
    // Undeclared text from a Chinese office is GB18030 (a superset of GBK and GB2312) far more
    // often than anything else.
    let label = declared.as_deref().unwrap_or("gb18030");
    decode(&bytes, label).map_or(bytes, String::into_bytes)
}

/// `bytes` decoded from `label`, or None where they are not valid in it (or the label is unknown).
pub fn decode(bytes: &[u8], label: &str) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// What a report file can be, each type with its file names' extensions: a report JSON, copied
/// text, a saved web page. The pickers offer them; a folder's files are taken by the same names.
const REPORT_FILE_KINDS: [(&str, &[&str]); 3] = [
    ("application/json", &[".json"]),
    ("text/plain", &[".txt"]),
    ("text/html", &[".htm", ".html"]),
];

/// `REPORT_FILE_KINDS` as a file input's `accept`: the extensions, then the types.
pub fn report_file_types() -> String {
    let extensions = REPORT_FILE_KINDS
        .iter()
        .flat_map(|(_, extensions)| *extensions);
    let types = REPORT_FILE_KINDS.iter().map(|(mime, _)| mime);
    extensions
        .chain(types)
        .copied()
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether a file of this name is of `REPORT_FILE_KINDS` (by its extension, in any case).
pub fn is_report_file_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    REPORT_FILE_KINDS
        .iter()
        .flat_map(|(_, extensions)| *extensions)
        .any(|extension| name.ends_with(extension))
}

/// At most this many files are taken from a folder and its subfolders: a folder picked by
/// mistake (a whole disk) must not keep the page listing for minutes.
pub const MAX_FOLDER_FILES: usize = 5_000;

/// A folder the user picked (`showDirectoryPicker`), read.
pub enum FolderPick {
    /// The user closed the picker.
    Cancelled,
    /// The report files in it and in its subfolders, sorted by their path in the folder; how
    /// many other files were left out; whether it held more than `MAX_FOLDER_FILES`.
    Files {
        files: Vec<web_sys::File>,
        left_out: usize,
        truncated: bool,
    },
    /// The browser refused (no permission, a folder it keeps for itself): its message.
    Failed(String),
}

/// Whether this browser lets a page read a folder the user picks (Chromium's
/// `showDirectoryPicker`; not Firefox). A folder's 500 files come one promise at a time, where
/// 500 files picked in a file input come in one task of ~400 ms at 4× slowdown.
pub fn can_pick_folder() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window, &"showDirectoryPicker".into())
            .is_ok_and(|picker| picker.is_function())
    })
}

/// Whether a file input can take a folder (`webkitdirectory`), for the browsers without
/// [`can_pick_folder`]'s picker (Firefox). The browser lists the folder and its subfolders and
/// hands the page every file in one task of its own.
pub fn can_pick_folder_in_input() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"HTMLInputElement".into())
        .and_then(|class| js_sys::Reflect::get(&class, &"prototype".into()))
        .and_then(|prototype| js_sys::Reflect::has(&prototype, &"webkitdirectory".into()))
        .unwrap_or(false)
}

/// The report files of a folder picked in a file input (`webkitdirectory`), as [`picked_folder`]
/// gives a folder's: sorted by their path in the folder, the other files counted, at most
/// `MAX_FOLDER_FILES`. Clears the input, so that the same folder can be picked again.
pub fn picked_folder_files(ev: &web_sys::Event) -> FolderPick {
    let mut found = Vec::new();
    let mut left_out = 0;
    for file in picked_files(ev) {
        if is_report_file_name(&file.name()) {
            found.push((string_property(&file, "webkitRelativePath"), file));
        } else {
            left_out += 1;
        }
    }
    let truncated = found.len() > MAX_FOLDER_FILES;
    found.truncate(MAX_FOLDER_FILES);
    FolderPick::Files {
        files: in_path_order(found),
        left_out,
        truncated,
    }
}

/// A folder's files in the order of their paths in it. One sort for both ways of picking a
/// folder: each sort of the standard library's costs the page ~3 KB of code.
fn in_path_order(mut found: Vec<(String, web_sys::File)>) -> Vec<web_sys::File> {
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, file)| file).collect()
}

/// Asks the user for a folder and reads the names of its files, its subfolders' too; the report
/// files among them (`is_report_file_name`) as Files; `on_picked` once the folder is picked,
/// before the listing (a big folder takes a while). Must be called in a click's handling (the
/// picker needs the user's gesture).
pub async fn picked_folder(on_picked: impl FnOnce()) -> FolderPick {
    let folder = match show_directory_picker().await {
        Ok(folder) => folder,
        Err(error) if error_name(&error).as_deref() == Some("AbortError") => {
            return FolderPick::Cancelled
        }
        Err(error) => return FolderPick::Failed(describe(error)),
    };
    on_picked();
    let mut found = Vec::new();
    let mut left_out = 0;
    let mut truncated = false;
    // Depth first, a folder's path kept with it; each entry and each file a promise.
    let mut folders = vec![(String::new(), folder)];
    'folders: while let Some((path, folder)) = folders.pop() {
        let entries = match call_method(&folder, "values") {
            Ok(entries) => entries,
            Err(error) => return FolderPick::Failed(describe(error)),
        };
        loop {
            let step = match awaited(call_method(&entries, "next")).await {
                Ok(step) => step,
                Err(error) => return FolderPick::Failed(describe(error)),
            };
            if js_sys::Reflect::get(&step, &"done".into()).is_ok_and(|done| done.is_truthy()) {
                break;
            }
            let Ok(entry) = js_sys::Reflect::get(&step, &"value".into()) else {
                continue;
            };
            let name = string_property(&entry, "name");
            let entry_path = format!("{path}{name}");
            if string_property(&entry, "kind") == "directory" {
                folders.push((format!("{entry_path}/"), entry));
                continue;
            }
            if !is_report_file_name(&name) {
                left_out += 1;
                continue;
            }
            if found.len() == MAX_FOLDER_FILES {
                truncated = true;
                break 'folders;
            }
            match awaited(call_method(&entry, "getFile")).await {
                Ok(file) => match file.dyn_into::<web_sys::File>() {
                    Ok(file) => found.push((entry_path, file)),
                    Err(_) => left_out += 1,
                },
                Err(error) => return FolderPick::Failed(describe(error)),
            }
        }
    }
    FolderPick::Files {
        files: in_path_order(found),
        left_out,
        truncated,
    }
}

/// Files the user picked in the browser's own file picker (`showOpenFilePicker`), read.
pub enum FilesPick {
    /// The user closed the picker.
    Cancelled,
    /// The files, in the picker's order.
    Files(Vec<web_sys::File>),
    /// The browser refused: its message.
    Failed(String),
}

thread_local! {
    /// The browser's picker refused once (a policy, a frame it keeps from pickers): the next
    /// press opens the file input's instead, which such a browser still allows.
    static FILE_PICKER_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether "pick files" should ask for the files through the browser's own picker
/// (`showOpenFilePicker`: Chromium, in a page of its own, not a frame) rather than a file
/// input. The picker answers with a handle per file and each file is a promise; a file input
/// hands the page all the files it was given in one task of the browser's, ~0.4 s for 500
/// files at 4× slowdown before the page can run or paint.
pub fn can_pick_file_handles() -> bool {
    if FILE_PICKER_REFUSED.get() {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let top_level = window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| JsValue::from(top) == JsValue::from(window.clone()));
    top_level
        && js_sys::Reflect::get(&window, &"showOpenFilePicker".into())
            .is_ok_and(|picker| picker.is_function())
}

/// Asks the user for files in the browser's picker (several at once, the report types offered
/// first) and takes each one, a promise each; `on_picked` once the picker has answered, before
/// the files are taken (hundreds take a while). Must be called in a click's handling (the
/// picker needs the user's gesture).
pub async fn picked_file_handles(on_picked: impl FnOnce(usize)) -> FilesPick {
    let handles = match show_open_file_picker().await {
        Ok(handles) => js_sys::Array::from(&handles),
        Err(error) if error_name(&error).as_deref() == Some("AbortError") => {
            return FilesPick::Cancelled
        }
        Err(error) => {
            FILE_PICKER_REFUSED.set(true);
            return FilesPick::Failed(describe(error));
        }
    };
    on_picked(handles.length() as usize);
    let mut files = Vec::with_capacity(handles.length() as usize);
    for handle in handles.iter() {
        match awaited(call_method(&handle, "getFile")).await {
            // A file handle's `getFile` gives a File; anything else is no file to read.
            Ok(file) => files.extend(file.dyn_into::<web_sys::File>().ok()),
            Err(error) => return FilesPick::Failed(describe(error)),
        }
    }
    FilesPick::Files(files)
}

/// `showOpenFilePicker({ id, multiple: true, types })`: the picker opens where it was last used
/// for reports (its `id`), and offers the report types. The options are written as JSON: the
/// same object built property by property cost the page ~1 KB of code.
async fn show_open_file_picker() -> Result<JsValue, JsValue> {
    let window: JsValue = web_sys::window().ok_or("no window")?.into();
    let accept = REPORT_FILE_KINDS
        .iter()
        .map(|(mime, extensions)| format!(r#""{mime}":["{}"]"#, extensions.join(r#"",""#)))
        .collect::<Vec<_>>()
        .join(",");
    let options = js_sys::JSON::parse(&format!(
        r#"{{"id":"nianbao-reports","multiple":true,"types":[{{"accept":{{{accept}}}}}]}}"#
    ))?;
    awaited(call_method1(&window, "showOpenFilePicker", &options)).await
}

async fn show_directory_picker() -> Result<JsValue, JsValue> {
    let window: JsValue = web_sys::window().ok_or("no window")?.into();
    awaited(call_method(&window, "showDirectoryPicker")).await
}

/// `target.method()`, by name: the File System Access API is not in web-sys' stable features.
fn call_method(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    call_method1(target, method, &JsValue::UNDEFINED)
}

/// `target.method(argument)`, by name.
fn call_method1(target: &JsValue, method: &str, argument: &JsValue) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(target, &method.into())?
        .dyn_into::<js_sys::Function>()?
        .call1(target, argument)
}

async fn awaited(promise: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise?)).await
}

fn string_property(target: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()?
        .as_string()
}

/// The first file of an `<input type="file">`'s change event, and clears the input so that the
/// same file can be picked again.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Every file of an `<input type="file" multiple>`'s change event, and clears the input.
pub fn picked_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| all_files(&list))
        .unwrap_or_default();
    input.set_value("");
    files
}

fn all_files(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Calls `on_drop` with the files dropped anywhere on the page, and `on_drag(true/false)`
/// while files are dragged over it (to show where they go). Dragged text and links are left
/// to the page as usual.
pub fn on_file_drop(
    on_drag: impl Fn(bool) + 'static,
    on_drop: impl Fn(Vec<web_sys::File>) + 'static,
) {
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|data| {
            data.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let on_drag = std::rc::Rc::new(on_drag);
    let over = {
        let on_drag = on_drag.clone();
        window_event_listener(leptos::ev::dragover, move |ev| {
            if carries_files(&ev) {
                // Without this the browser opens the file instead of handing it to the page.
                ev.prevent_default();
                on_drag(true);
            }
        })
    };
    let leave = {
        let on_drag = on_drag.clone();
        window_event_listener(leptos::ev::dragleave, move |ev| {
            // Leaving the window, not just moving from one element to another.
            if ev.related_target().is_none() {
                on_drag(false);
            }
        })
    };
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        on_drag(false);
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|list| all_files(&list))
            .unwrap_or_default();
        if files.is_empty() {
            return;
        }
        ev.prevent_default();
        on_drop(files);
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}

fn describe(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
