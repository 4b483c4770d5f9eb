//! The editor's tools, in a web worker of their own: reading a published report, writing the
//! report as a Word document, drawing its 图解, and the reading rules (T-numbers and the like,
//! `rules::reading`), run after each pause in typing. The importer and the Word writer are a third of
//! a megabyte of WebAssembly that the editor needs only when asked; as a worker they are fetched
//! (from the service worker's cache) on first use, and their work never holds up the page.
//!
//! Each function takes and returns text or bytes; `tools/worker-start.js` passes messages.

use nianbao_report::export::{docx, figure, json};
use nianbao_report::import::{import_published, transfer};
use nianbao_report::rules::reading;
use wasm_bindgen::prelude::*;

/// A published report's text or HTML → [`transfer::encode`]'s JSON (the report and its notes, or
/// why it is not a report).
#[wasm_bindgen(js_name = importPublished)]
pub fn import_published_text(text: &str) -> String {
    transfer::encode(&import_published(text))
}

/// A report's JSON → the .docx file's bytes.
#[wasm_bindgen(js_name = renderDocx)]
pub fn render_docx(report_json: &str) -> Result<Vec<u8>, JsError> {
    let report = json::from_json(report_json).map_err(|e| JsError::new(&e.message.en))?;
    docx::render_docx(&report)
        .map_err(|e| JsError::new(&format!("{}\n{}", e.message.zh, e.message.en)))
}

/// A report's JSON → the reading rules' findings, as [`reading::encode`]'s JSON.
#[wasm_bindgen(js_name = checkReading)]
pub fn check_reading(report_json: &str) -> Result<String, JsError> {
    let report = json::from_json(report_json).map_err(|e| JsError::new(&e.message.en))?;
    Ok(reading::encode(&reading::check(&report)))
}

/// A report's JSON → the 图解 SVG.
#[wasm_bindgen(js_name = renderFigure)]
pub fn render_figure(report_json: &str) -> Result<String, JsError> {
    let report = json::from_json(report_json).map_err(|e| JsError::new(&e.message.en))?;
    Ok(figure::render_figure(&report))
}
