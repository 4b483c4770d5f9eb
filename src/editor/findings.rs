//! The findings panel: live as the user types, grouped by severity with counts; each finding
//! names its rule and takes the user to its cell or paragraph.
//!
//! The rows come and go with nearly every keystroke, so they hold no reactive node at all: a
//! row is written in one language and keyed by it (switching the language lays the rows out
//! anew), and the list is a plain keyed list rather than `<For/>`. In Leptos 0.8 each row that
//! `<For/>` removes leaves its owner's allocation behind in the list's owner, and each effect
//! that a removed row had on `lang` stays in `lang`'s subscribers until the language changes:
//! together about half a kilobyte of wasm memory per keystroke, never given back
//! (`./x bench`, memory). The groups are hidden when empty rather than unmounted, for the same
//! reason.

use leptos::prelude::*;
use leptos::tachys::view::keyed::keyed;
use nianbao_report::{Basis, Finding, Severity};

use super::focus_place;
use crate::i18n::{self, Lang};
use crate::store::use_store;

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let store = use_store();
    let drafts = crate::drafts::use_drafts();
    let lang = crate::app_state::use_lang();
    let count = move |severity: Severity| {
        store
            .findings
            .with(|all| all.iter().filter(|f| f.severity == severity).count())
    };
    let group = move |severity: Severity, title: i18n::Text| {
        view! {
            <h3 class=format!("findings-group {}", severity.label_en()) hidden=move || count(severity) == 0>
                {move || format!("{} {}", lang.get().pick(title), count(severity))}
            </h3>
            <ul class="findings-list" hidden=move || count(severity) == 0>
                {move || {
                    let lang = lang.get();
                    let rows = store.findings.with(|all| {
                        let mut seen = std::collections::HashSet::new();
                        all.iter()
                            .filter(|f| f.severity == severity)
                            .filter(|f| seen.insert((f.rule, f.place.id(), f.message.zh.clone())))
                            .cloned()
                            .collect::<Vec<_>>()
                    });
                    // Keyed by what the finding says, not by its position: a finding that
                    // appears above the others leaves their rows in place.
                    keyed(
                        rows,
                        move |f| (lang.key(), f.rule, f.place.id(), f.message.zh.clone()),
                        move |_, finding| (|_: usize| {}, finding_item(lang, finding)),
                    )
                }}
            </ul>
        }
    };
    // 「3 个错误 · 2 个警告 · 1 条提示」
    let summary = move || {
        let lang = lang.get();
        let parts = [
            (Severity::Error, i18n::N_ERRORS),
            (Severity::Warning, i18n::N_WARNINGS),
            (Severity::Info, i18n::N_INFOS),
        ];
        parts
            .iter()
            .map(|(severity, words)| {
                lang.pick(*words)
                    .replace("{}", &count(*severity).to_string())
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    // The reading rules (T-numbers and the like) run in the tools worker after a pause.
    let reading_status = move || {
        let lang = lang.get();
        store.reading.with(|read| match &read.failed {
            Some(why) => lang.pick(i18n::READING_FAILED).replace("{}", why),
            None => lang.pick(i18n::READING_TEXT).to_owned(),
        })
    };
    let ready_class = move || {
        if store.ready_to_publish.get() {
            "ready ready-yes"
        } else {
            "ready ready-no"
        }
    };
    view! {
        <aside class="findings" aria-label=i18n::tr(lang, i18n::FINDINGS) aria-live="polite">
            <h2>{i18n::tr(lang, i18n::FINDINGS)}</h2>
            <p class="findings-summary">{move || if store.findings_shown.get() { summary() } else { lang.get().pick(i18n::CHECKING).to_owned() }}</p>
            <p class=ready_class hidden=move || !store.findings_shown.get()>{move || lang.get().pick(if store.ready_to_publish.get() { i18n::READY_TO_PUBLISH } else { i18n::NOT_READY_TO_PUBLISH })}</p>
            <p class="reading-status" hidden=move || store.text_read.get()>{reading_status}</p>
            <p class="no-findings" hidden=move || !store.findings_shown.get() || !store.findings.with(Vec::is_empty)>
                {i18n::tr(lang, i18n::NO_FINDINGS)}
            </p>
            {group(Severity::Error, i18n::ERRORS)}
            {group(Severity::Warning, i18n::WARNINGS)}
            {group(Severity::Info, i18n::INFOS)}
            // The import's notes (I-…) are among the findings above until the user has checked
            // the cells they name against the published report.
            <button class="dismiss-import-notes" hidden=move || store.imported.with(Vec::is_empty)
                on:click=move |_| drafts.dismiss_import_notes()>
                {move || lang.get().pick(i18n::DISMISS_IMPORT_NOTES).replace("{}", &store.imported.with(Vec::len).to_string())}
            </button>
        </aside>
    }
}

/// One finding, in one language; nothing in it is reactive (see the module's comment).
fn finding_item(lang: Lang, finding: Finding) -> impl IntoView {
    let place = finding.place.clone();
    let basis = match finding.basis {
        // In English, what the official text says, then the text itself as it reads.
        Basis::Official { quote, en } => match lang {
            Lang::Zh => quote.to_owned(),
            Lang::En => format!("{en} ({quote})"),
        },
        Basis::Practice { zh, en } => lang.pick(i18n::Text { zh, en }).to_owned(),
        Basis::Derived => lang.pick(i18n::BASIS_DERIVED).to_owned(),
    };
    view! {
        <li class=format!("finding {}", finding.severity.label_en())>
            <button class="finding-link" data-rule=finding.rule.id() data-place=finding.place.id()
                on:click=move |_| { focus_place(&place); }>
                <span class="rule">{finding.rule.id()}</span>
                <span class="message">{lang.say(&finding.message).to_owned()}</span>
            </button>
            <span class="basis">{format!("{}{basis}", lang.pick(i18n::BASIS))}</span>
        </li>
    }
}
