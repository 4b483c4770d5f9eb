//! The app's state that is not the report: the chosen language and the notices. Each is a small
//! context of its own, so that a page without a report (the supervisor's) has them without a
//! report store, and a component that only speaks needs nothing else.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::platform::storage;

const LANG_KEY: &str = "lang";

/// The language chosen, for every component of the page.
#[derive(Clone, Copy)]
struct Language(RwSignal<Lang>);

/// Provides the language chosen last time (on any page of the app; Chinese the first time) and
/// keeps the page's `lang` attribute on it (screen readers, fonts, hyphens).
pub fn provide_language() -> RwSignal<Lang> {
    let saved = storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|key| Lang::from_key(&key))
        .unwrap_or_default();
    let lang = RwSignal::new(saved);
    provide_context(Language(lang));
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.html_lang());
        }
    });
    lang
}

/// Gives the components below `lang` as their language in place of the page's: the
/// supervisor's rows follow the page's language a slice of rows at a time.
pub fn provide_lang_for_part(lang: RwSignal<Lang>) {
    provide_context(Language(lang));
}

/// The page's language.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Language>().0
}

/// Switches to `next` and remembers it for every page of the app.
pub fn choose_language(lang: RwSignal<Lang>, notices: Notices, next: Lang) {
    lang.set(next);
    if let Err(error) = storage::write(LANG_KEY, next.key()) {
        notices.say(error.message());
    }
}

/// A short message for the user (a refused paste, a cell that is not a count).
pub type Notice = nianbao_report::Message;

/// Whether a notice reports a problem (shown in the error colour and announced at once) or
/// something done (shown as a plain status), so that success never looks like failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Problem,
    Done,
}

/// The message shown until dismissed or replaced.
#[derive(Clone, Copy)]
pub struct Notices {
    pub current: RwSignal<Option<Notice>>,
    pub tone: RwSignal<Tone>,
}

impl Notices {
    pub fn provide() -> Notices {
        let notices = Notices {
            current: RwSignal::new(None),
            tone: RwSignal::new(Tone::Problem),
        };
        provide_context(notices);
        notices
    }

    /// A problem: something failed or was refused.
    pub fn say(&self, message: Notice) {
        self.tone.set(Tone::Problem);
        self.current.set(Some(message));
    }

    /// Something done or under way (copied, restored, kept as a copy).
    pub fn tell(&self, message: Notice) {
        self.tone.set(Tone::Done);
        self.current.set(Some(message));
    }

    pub fn clear(&self) {
        self.current.set(None);
    }
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
