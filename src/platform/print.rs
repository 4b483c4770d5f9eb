//! Printing uses the same renderer as the HTML export: the core's printable page goes into a
//! hidden frame and that frame is printed, so what prints is what exports.

use wasm_bindgen::JsCast;

const FRAME_ID: &str = "print-frame";

/// Loads `html` into the hidden print frame and opens the browser's print dialog once it has
/// laid out.
pub fn print_html(html: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if let Some(old) = document.get_element_by_id(FRAME_ID) {
        old.remove();
    }
    let Ok(frame) = document.create_element("iframe") else {
        return false;
    };
    let Ok(frame) = frame.dyn_into::<web_sys::HtmlIFrameElement>() else {
        return false;
    };
    frame.set_id(FRAME_ID);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    frame.set_class_name("print-frame");
    frame.set_srcdoc(html);
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(FRAME_ID))
            .and_then(|f| f.dyn_into::<web_sys::HtmlIFrameElement>().ok())
            .and_then(|f| f.content_window())
        {
            let _ = window.print();
        }
    });
    frame.set_onload(Some(on_load.unchecked_ref()));
    document
        .body()
        .is_some_and(|body| body.append_child(&frame).is_ok())
}

/// The official faces (by their Chinese name) that this machine has none of, so the printed
/// page will use a stand-in. A face is present when text set in it measures differently from
/// the same text in a plain fallback: the usual check for local fonts, which
/// `document.fonts.check()` cannot do (it answers "true" for any font it need not download).
pub fn missing_official_fonts() -> Vec<&'static str> {
    use nianbao_report::export::html::OFFICIAL_FONTS;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Some(body) = document.body() else {
        return Vec::new();
    };
    let Ok(probe) = document.create_element("span") else {
        return Vec::new();
    };
    let Ok(probe) = probe.dyn_into::<web_sys::HtmlElement>() else {
        return Vec::new();
    };
    probe.set_text_content(Some("政府信息公开工作年度报告 2023"));
    probe.set_class_name("font-probe");
    if body.append_child(&probe).is_err() {
        return Vec::new();
    }
    let style = web_sys::HtmlElement::style(&probe);
    let width_in = |family: &str| {
        let _ = style.set_property("font-family", family);
        probe.offset_width()
    };
    let mut missing = Vec::new();
    for (face, names) in OFFICIAL_FONTS {
        // Two fallbacks of different widths: a font that is present measures the same over both.
        let present = names.iter().any(|name| {
            width_in(&format!("\"{name}\", monospace")) != width_in("monospace")
                || width_in(&format!("\"{name}\", serif")) != width_in("serif")
        });
        if !present {
            missing.push(face);
        }
    }
    probe.remove();
    missing
}
