//! The findings panel: live as the user types, grouped by severity with counts; each finding
//! names its rule and takes the user to its cell or paragraph.

use leptos::prelude::*;
use nianbao_report::{Basis, Finding, Severity};

use super::focus_place;
use crate::i18n;
use crate::store::use_store;

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let count = move |severity: Severity| {
        store
            .findings
            .with(|all| all.iter().filter(|f| f.severity == severity).count())
    };
    let group = move |severity: Severity, title: i18n::Text| {
        view! {
            <Show when=move || { count(severity) > 0 }>
                <h3 class=format!("findings-group {}", severity.label_en())>
                    {move || format!("{} {}", lang.get().pick(title), count(severity))}
                </h3>
                <ul class="findings-list">
                    <For
                        each=move || store.findings.with(|all| {
                            let mut seen = std::collections::HashSet::new();
                            all.iter()
                                .filter(|f| f.severity == severity)
                                .filter(|f| seen.insert((f.rule, f.place.id(), f.message_zh.clone())))
                                .cloned()
                                .collect::<Vec<_>>()
                        })
                        // Keyed by what the finding says, not by its position: a finding that
                        // appears above the others leaves their rows in place.
                        key=|f| (f.rule, f.place.id(), f.message_zh.clone())
                        children=move |finding| view! { <FindingItem finding /> }
                    />
                </ul>
            </Show>
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
    let ready_class = move || {
        if store.ready_to_publish.get() {
            "ready ready-yes"
        } else {
            "ready ready-no"
        }
    };
    view! {
        <aside class="findings" aria-label=move || lang.get().pick(i18n::FINDINGS) aria-live="polite">
            <h2>{move || lang.get().pick(i18n::FINDINGS)}</h2>
            <p class="findings-summary">{summary}</p>
            <p class=ready_class>{move || lang.get().pick(if store.ready_to_publish.get() { i18n::READY_TO_PUBLISH } else { i18n::NOT_READY_TO_PUBLISH })}</p>
            <Show when=move || store.findings.with(Vec::is_empty)>
                <p class="no-findings">{move || lang.get().pick(i18n::NO_FINDINGS)}</p>
            </Show>
            {group(Severity::Error, i18n::ERRORS)}
            {group(Severity::Warning, i18n::WARNINGS)}
            {group(Severity::Info, i18n::INFOS)}
        </aside>
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let place = finding.place.clone();
    let basis = match finding.basis {
        Basis::Official(text) | Basis::Practice(text) => text.to_owned(),
        Basis::Derived => String::new(),
    };
    let message = {
        let finding = finding.clone();
        move || {
            lang.get()
                .choose(&finding.message_zh, &finding.message_en)
                .to_owned()
        }
    };
    view! {
        <li class=format!("finding {}", finding.severity.label_en())>
            <button class="finding-link" data-rule=finding.rule data-place=finding.place.id()
                on:click=move |_| { focus_place(&place); }>
                <span class="rule">{finding.rule}</span>
                <span class="message">{message}</span>
            </button>
            <span class="basis">
                {move || format!("{}：{}", lang.get().pick(i18n::BASIS), if basis.is_empty() { lang.get().pick(i18n::BASIS_DERIVED).to_owned() } else { basis.clone() })}
            </span>
        </li>
    }
}
