//! The one screen of the app: the report's title and its editor frame.

use leptos::prelude::*;
use nianbao_report::format::{REPORT_TITLE, SECTIONS};

use crate::platform::service_worker;

#[component]
pub fn App() -> impl IntoView {
    let update_ready = service_worker::register();
    view! {
        <header class="app-header">
            <span class="app-name">"年报"</span>
            <h1 class="report-title">{REPORT_TITLE}</h1>
        </header>
        <UpdateBanner update_ready />
        <main class="editor" aria-label="报告编辑区">
            {SECTIONS
                .iter()
                .map(|def| {
                    view! {
                        <section class="report-section" id=format!("section-{}", def.key)>
                            <h2>{def.heading}</h2>
                        </section>
                    }
                })
                .collect_view()}
        </main>
    }
}

/// Tells the user a new version has been downloaded, and reloads into it when they agree.
#[component]
fn UpdateBanner(update_ready: ReadSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || update_ready.get()>
            <div class="banner banner-update" role="status">
                "新版本已就绪。/ A new version is ready."
                <button on:click=|_| service_worker::activate_update()>"重新加载 / Reload"</button>
            </div>
        </Show>
    }
}
