//! Pictures out of the page: an SVG drawn onto a canvas and saved as PNG, for the 图解 (office
//! software and chat apps take PNG where they refuse SVG).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Draws `svg` at `scale` times its size (`width` × `height` CSS pixels) and downloads it as
/// `file_name`, a PNG.
pub async fn download_svg_as_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: u32,
    file_name: &str,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let image: web_sys::HtmlImageElement = document
        .create_element("img")
        .map_err(describe)?
        .unchecked_into();
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&source);
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the picture could not be drawn".to_owned())?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .unchecked_into();
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2d canvas")?
        .unchecked_into();
    // A transparent PNG shows black in some viewers: paint the paper first.
    context.set_fill_style_str("#ffffff");
    let (w, h) = (f64::from(width * scale), f64::from(height * scale));
    context.fill_rect(0.0, 0.0, w, h);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)
        .map_err(describe)?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(describe)?;
    super::files::download_url(file_name, &url)
}

fn describe(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
