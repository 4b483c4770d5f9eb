//! The editor's tools worker (`worker/start.js`, built from crates/worker): reading a published
//! report, writing Word, drawing the 图解, running the reading rules. Started on first use — its WebAssembly is not part of
//! the editor's download — and kept for the page's life. Calls are answered in order.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's script, from the editor's page; the supervisor's page, a folder below, says
/// where it is from there ([`use_script`]).
const WORKER_SCRIPT: &str = "./worker/start.js";

struct Tools {
    worker: web_sys::Worker,
    /// The promise callbacks (resolve, reject) of each call waiting for its answer, by id.
    waiting: Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
    static SCRIPT: std::cell::Cell<&'static str> = const { std::cell::Cell::new(WORKER_SCRIPT) };
}

/// The worker's script as seen from this page, before the first call.
pub fn use_script(script: &'static str) {
    SCRIPT.with(|s| s.set(script));
}

fn start() -> Result<Tools, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(SCRIPT.with(|s| s.get()), &options)
        .map_err(|e| describe(&e))?;
    let waiting: Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>> = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).unwrap_or_default();
            let Some(id) = field("id").as_f64() else {
                return;
            };
            let Some((resolve, reject)) = waiting.borrow_mut().remove(&(id as u32)) else {
                return;
            };
            if field("ok").as_bool() == Some(true) {
                let _ = resolve.call1(&JsValue::NULL, &field("result"));
            } else {
                let _ = reject.call1(&JsValue::NULL, &field("error"));
            }
        })
    };
    // A worker that fails to load (a file missing from an old cache) fails every waiting call.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            for (_, (_, reject)) in waiting.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &"the tools could not be loaded".into());
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Tools {
        worker,
        waiting,
        next_id: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Asks the worker for `op` on `input` and waits for the answer.
async fn call(op: &str, input: &str) -> Result<JsValue, String> {
    let promise = TOOLS.with(|tools| -> Result<js_sys::Promise, String> {
        let mut tools = tools.borrow_mut();
        if tools.is_none() {
            *tools = Some(start()?);
        }
        let Some(tools) = tools.as_mut() else {
            return Err("no worker".into());
        };
        let id = tools.next_id;
        tools.next_id = tools.next_id.wrapping_add(1);
        let waiting = tools.waiting.clone();
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            waiting.borrow_mut().insert(id, (resolve, reject));
        });
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"op".into(), &op.into());
        let _ = js_sys::Reflect::set(&message, &"input".into(), &input.into());
        tools
            .worker
            .post_message(&message)
            .map_err(|e| describe(&e))?;
        Ok(promise)
    })?;
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// A published report's text or HTML, read: [`nianbao_report::import::transfer`]'s JSON.
pub async fn import_published(text: &str) -> Result<String, String> {
    call("importPublished", text)
        .await?
        .as_string()
        .ok_or_else(|| "no answer".to_owned())
}

/// The report (as JSON v1) as a Word document's bytes.
pub async fn render_docx(report_json: &str) -> Result<Vec<u8>, String> {
    let bytes = call("renderDocx", report_json).await?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The reading rules' findings for the report (JSON v1), as `rules::reading::encode`'s JSON.
pub async fn check_reading(report_json: &str) -> Result<String, String> {
    call("checkReading", report_json)
        .await?
        .as_string()
        .ok_or_else(|| "no answer".to_owned())
}

/// The report's (JSON v1) 图解 as SVG.
pub async fn render_figure(report_json: &str) -> Result<String, String> {
    call("renderFigure", report_json)
        .await?
        .as_string()
        .ok_or_else(|| "no answer".to_owned())
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
