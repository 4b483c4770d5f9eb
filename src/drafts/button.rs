//! The buttons of the drafts' screens and banners.

use leptos::prelude::*;

use crate::i18n::{self, Text};

/// A button with a label in both languages that does one thing. All of drafts' buttons are
/// this one component: each `<button on:click>` written out would compile its own copy of the
/// renderer's event and text code, and the app's download size is on a budget.
#[component]
pub fn ActionButton(
    /// Names the button for styles and tests.
    class: &'static str,
    label: Text,
    #[prop(into)] on_press: Callback<()>,
    /// A longer explanation, shown on hover.
    #[prop(optional)]
    hint: Option<Text>,
) -> impl IntoView {
    let lang = crate::app_state::use_lang();
    view! {
        <button class=class title=move || hint.map(|hint| lang.get().pick(hint))
            on:click=move |_| on_press.run(())>
            {i18n::tr(lang, label)}
        </button>
    }
}
