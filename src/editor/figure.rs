//! The 图解 of the open report: the core's one-page SVG of the year's figures (drawn in the
//! tools worker), shown beside the publish buttons and saved as SVG or PNG.

use leptos::prelude::*;
use nianbao_report::export::json;

use crate::app_state::Notices;
use crate::drafts::button::ActionButton;
use crate::i18n;
use crate::platform::{files, image, tools};
use crate::store::{use_store, Store};
use nianbao_report::export::file_stem as export_file_stem;

/// The figure's page in CSS pixels (A4 at 96 dpi), as the core draws it.
const FIGURE_WIDTH: u32 = 794;
const FIGURE_HEIGHT: u32 = 1123;
/// PNG pixels per CSS pixel: sharp enough to print on A4.
const PNG_SCALE: u32 = 2;

#[component]
pub fn FigurePanel(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let notices = crate::app_state::use_notices();
    let lang = crate::app_state::use_lang();
    // Drawn only while the panel is open; it follows the report as it is edited. Answers come
    // in order; one older than the last edit is dropped.
    let svg = RwSignal::new(String::new());
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let report = store.report.with(json::to_json);
        let ask = asked.get_value().wrapping_add(1);
        asked.set_value(ask);
        wasm_bindgen_futures::spawn_local(async move {
            let drawn = tools::render_figure(&report).await;
            if asked.try_get_value() != Some(ask) {
                return;
            }
            match drawn {
                Ok(picture) => {
                    svg.try_set(picture);
                }
                Err(why) => notices.say(i18n::TOOLS_FAILED.then(&why)),
            }
        });
    });
    view! {
        <section class="figure-panel" aria-label=i18n::tr(lang, i18n::FIGURE)>
            <div class="figure-actions">
                <ActionButton class="download-svg" label=i18n::DOWNLOAD_SVG on_press=move || save_svg(store, notices, &svg.get_untracked()) />
                <ActionButton class="download-png" label=i18n::DOWNLOAD_PNG on_press=move || save_png(store, notices, svg.get_untracked()) />
                <ActionButton class="close-figure" label=i18n::CLOSE on_press=move || open.set(false) />
            </div>
            <div class="figure" inner_html=move || svg.get()></div>
        </section>
    }
}

fn figure_file_name(store: Store, extension: &str) -> String {
    store
        .report
        .with_untracked(|r| format!("{}-图解.{extension}", export_file_stem(r)))
}

fn save_svg(store: Store, notices: Notices, svg: &str) {
    let name = figure_file_name(store, "svg");
    if let Err(why) = files::download(&name, "image/svg+xml;charset=utf-8", svg) {
        notices.say(i18n::EXPORT_FAILED.then(&why));
    }
}

fn save_png(store: Store, notices: Notices, svg: String) {
    let name = figure_file_name(store, "png");
    wasm_bindgen_futures::spawn_local(async move {
        let saved =
            image::download_svg_as_png(&svg, FIGURE_WIDTH, FIGURE_HEIGHT, PNG_SCALE, &name).await;
        if let Err(why) = saved {
            notices.say(i18n::EXPORT_FAILED.then(&why));
        }
    });
}
