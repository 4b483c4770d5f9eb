//! The first screen, when there is no draft yet: the three ways in to the year's report. The
//! usual one first: start from last year's published report (pasted, dropped or picked), which
//! gives this year's draft with table 三's carry-over filled in and last year's report kept for
//! the cross-year rules; then a blank report of the year being reported on; then a JSON file.

use leptos::prelude::*;

use super::button::ActionButton;
use super::import::PickFileButton;
use super::{blank_report, proposed_year, use_drafts, ImportPurpose};
use crate::app::HelpLink;
use crate::i18n;

/// The longest the first screen waits for an idle moment before it fetches the editor's part.
const EDITOR_FETCHED_AFTER_MS: i32 = 1_000;

#[component]
pub fn FirstScreen() -> impl IntoView {
    let lang = crate::app_state::use_lang();
    // Every way in ends in the editor: its part is fetched while the newcomer reads, not after
    // the click (over Slow 4G, 1.4 s after a click at once).
    crate::platform::tick::when_idle(
        EDITOR_FETCHED_AFTER_MS,
        Box::new(|| {
            leptos::task::spawn_local(async {
                // A failure is met again, and said, when the editor opens.
                let _ = crate::parts::editor_fetched().await;
            })
        }),
    );
    view! {
        <main class="first-screen" aria-labelledby="first-screen-title">
            <h1 id="first-screen-title">{i18n::tr(lang, i18n::FIRST_SCREEN_TITLE)}</h1>
            <WaysIn />
            <p class="first-screen-help"><HelpLink /></p>
        </main>
    }
}

/// The three ways in, with the year they lead to. Also what the drafts list shows when it is
/// empty.
#[component]
pub fn WaysIn() -> impl IntoView {
    let drafts = use_drafts();
    let lang = crate::app_state::use_lang();
    let year = proposed_year();
    let with_years = move |text: i18n::Text| {
        lang.get()
            .pick(text)
            .replace("{year}", &year.to_string())
            .replace("{last}", &(year - 1).to_string())
    };
    view! {
        <p class="first-screen-year">{move || with_years(i18n::FIRST_SCREEN_YEAR)}</p>
        <ol class="ways-in">
            <li class="way-in from-last-year">
                <h2>{i18n::tr(lang, i18n::FROM_LAST_YEAR)}</h2>
                <p>{move || with_years(i18n::FROM_LAST_YEAR_HINT)}</p>
                <div class="way-in-actions">
                    <ActionButton class="paste-last-year primary" label=i18n::PASTE_LAST_YEAR
                        on_press=move || drafts.open_paste_import(ImportPurpose::NextYear) />
                    <PickFileButton class="pick-last-year" label=i18n::PICK_LAST_YEAR purpose=ImportPurpose::NextYear />
                </div>
            </li>
            <li class="way-in blank-report">
                <h2>{i18n::tr(lang, i18n::NEW_BLANK_REPORT)}</h2>
                <p>{move || with_years(i18n::NEW_BLANK_REPORT_HINT)}</p>
                <div class="way-in-actions">
                    <ActionButton class="new-blank" label=i18n::NEW_BLANK_REPORT
                        on_press=move || drafts.start_new(blank_report(), true) />
                </div>
            </li>
            <li class="way-in open-json">
                <h2>{i18n::tr(lang, i18n::OPEN_JSON)}</h2>
                <p>{i18n::tr(lang, i18n::OPEN_JSON_HINT)}</p>
                <div class="way-in-actions">
                    <PickFileButton class="open-json-file" label=i18n::OPEN_JSON purpose=ImportPurpose::AsIs />
                </div>
            </li>
        </ol>
        <p class="where-drafts">{i18n::tr(lang, i18n::WHERE_DRAFTS_LIVE)}</p>
    }
}
