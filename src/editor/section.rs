//! One of the six sections: its official heading, its text, and for 二, 三, 四 the table grid
//! with an optional note under it.

use leptos::ev;
use leptos::prelude::*;
use nianbao_report::format::{self, SectionDef, SectionId, OVERVIEW_MAX_CHARS};
use nianbao_report::{Place, Severity};
use wasm_bindgen::JsCast;

use super::dom_id;
use super::grid::TableGrid;
use crate::i18n;
use crate::store::use_store;

#[component]
pub fn ReportSection(def: &'static SectionDef) -> impl IntoView {
    let store = use_store();
    let lang = crate::app_state::use_lang();
    let has_table = matches!(
        def.id,
        SectionId::Active | SectionId::Requests | SectionId::Appeals
    );
    let period = move || {
        store
            .report
            .with(|r| format::statistics_period(r.meta.year))
    };
    let hints = (!def.template.is_empty()).then(|| {
        view! {
            <details class="hints">
                <summary>{i18n::tr(lang, i18n::WHAT_BELONGS_HERE)}</summary>
                <ul>
                    {def.template.iter().map(|(heading, hint)| view! { <li><b>{*heading}</b>" "{*hint}</li> }).collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <section class="report-section" id=format!("part-{}", def.key)>
            <h2>{def.heading}</h2>
            {hints}
            {has_table.then(|| view! {
                {matches!(def.id, SectionId::Active | SectionId::Requests).then(|| view! { <p class="period">{period}</p> })}
                <TableGrid table=def.id />
            })}
            <SectionText def />
        </section>
    }
}

#[component]
fn SectionText(def: &'static SectionDef) -> impl IntoView {
    let store = use_store();
    let lang = crate::app_state::use_lang();
    let id = def.id;
    let place = Place::Section(id);
    let shown = store.shown(&place);
    let text = RwSignal::from(shown.text);
    let finding = RwSignal::from(shown.finding);
    let finding = move || finding.get();
    let class = move || match finding().map(|f| f.0) {
        Some(Severity::Error) => "section-text text-error",
        Some(Severity::Warning) => "section-text text-warning",
        Some(Severity::Info) => "section-text text-info",
        None => "section-text",
    };
    let is_table_note = matches!(
        id,
        SectionId::Active | SectionId::Requests | SectionId::Appeals
    );
    // While an input method composes (pinyin not yet committed), the text is not the user's
    // yet: it is written when the composition ends.
    let commit = move |ev: &ev::Event| {
        let value = event_target_value(ev);
        store.edit(Some(format!("section/{}", def.key)), move |r| {
            r.sections.set(id, value)
        });
    };
    let on_input = move |ev: ev::Event| {
        if !super::is_composing(&ev) {
            commit(&ev);
        }
    };
    let count = move || text.with(|text| text.chars().filter(|c| !c.is_whitespace()).count());
    let count_class = move || {
        if count() > OVERVIEW_MAX_CHARS {
            "char-count over"
        } else {
            "char-count"
        }
    };
    // The box is as tall as its text, so that the page scrolls and not the box: drawn so by the
    // browser's own `field-sizing: content` (style/main.css), or, where a browser has none, set
    // from the text's height whenever the text changes (opened, typed, undone, merged).
    let fit_by_hand = (!browser_fits_text()).then(|| place.clone());
    let value = move || {
        if let Some(place) = &fit_by_hand {
            fit_to_text_later(place.clone());
        }
        text.get()
    };
    let textarea = view! {
        <textarea
            id=dom_id(&place)
            class=class
            rows=if is_table_note { 2 } else { 8 }
            placeholder=move || if is_table_note { lang.get().pick(i18n::TABLE_NOTE) } else { "" }
            aria-label=def.heading
            title=move || finding().map(|(_, message)| lang.get().say(&message).to_owned()).unwrap_or_default()
            prop:value=value
            on:input=on_input
            on:compositionend=move |ev| commit(&ev)
            on:blur=move |_| store.close_step()
        ></textarea>
    };
    view! {
        {textarea}
        {(id == SectionId::Overview).then(|| view! {
            <p class=count_class>
                {move || format!("{} / {} {}（{}）", count(), OVERVIEW_MAX_CHARS, lang.get().pick(i18n::CHARACTERS), lang.get().pick(i18n::OVERVIEW_GUIDANCE))}
            </p>
        })}
    }
}

/// Whether the browser sizes a text box to its text itself (CSS `field-sizing: content`):
/// then no script measures it, and a keystroke forces no layout of the page.
fn browser_fits_text() -> bool {
    web_sys::css::supports_with_value("field-sizing", "content").unwrap_or(false)
}

/// Sets the box's height to its text's, where the browser does not: before the next frame, when
/// the box is in the page also if the editor was drawn before it was put in.
fn fit_to_text_later(place: Place) {
    crate::platform::tick::before_next_frame(Box::new(move || {
        let Some(area) = super::element_of(&place)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let style = web_sys::HtmlElement::style(&area);
        let _ = style.set_property("height", "auto");
        let _ = style.set_property("height", &format!("{}px", area.scroll_height() + 2));
    }));
}
