//! Nianbao in the browser: a thin Leptos shell over the report core (`nianbao-report`).
//! The core knows the report; this crate shows it and does the browser's side effects.

pub mod app;
pub mod app_state;
pub mod drafts;
pub mod editor;
pub mod i18n;
pub mod parts;
pub mod platform;
pub mod store;
pub mod supervisor;

/// Mounts the editor's page on the body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// Mounts the supervisor's page (batch check, summary report, year over year) on the body.
pub fn start_supervisor() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(supervisor::SupervisorApp);
}
