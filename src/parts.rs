//! The editor's views that opening a draft does not need — the first screen, the drafts list,
//! the paste import, the history, the merge banner and the 图解 — each in a part of the wasm of
//! its own, fetched when first shown. Opening a draft then downloads the editor only. What keeps
//! a user's text safe stays in the editor: the autosave, the merge, the storage banners and the
//! JSON download they offer (a full disk may have kept the service worker from storing parts).
//!
//! With the `split` feature (the editor's release build: `./x` splits its wasm with
//! wasm-split-cli at the functions marked here) each part is an `async` call that fetches its
//! part first; without it (the tests, the supervisor's page) an ordinary call.

use std::future::Future;

use leptos::prelude::*;

use crate::drafts::banners::MergeBanner;
use crate::drafts::first_screen::FirstScreen;
use crate::drafts::history::HistoryPanel;
use crate::drafts::import::PasteImportDialog;
use crate::drafts::list::DraftsList;
use crate::editor::figure::FigurePanel;
use crate::i18n;

/// A part of the app that did not arrive: offline before the service worker had kept it, or a
/// network error. Asking again fetches it again.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// `part!(name(args), module, view)`: an async `name` that builds `view` in the part `module`.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*), $module:ident, $view:expr) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<AnyView, NotLoaded> {
            #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($module, fallible))]
            fn $module($($arg: $ty),*) -> Result<AnyView, NotLoaded> {
                Ok($view.into_any())
            }
            #[cfg(feature = "split")]
            {
                $module($($arg),*).await
            }
            #[cfg(not(feature = "split"))]
            {
                $module($($arg),*)
            }
        }
    };
}

part!(
    /// The first screen: the three ways in.
    first_screen(), first_screen, view! { <FirstScreen /> }
);
part!(
    /// The drafts list, with the texts kept for recovery.
    drafts_list(), drafts_list, view! { <DraftsList /> }
);
part!(
    /// The dialog that reads a published report pasted or picked.
    paste_import(), paste_import, view! { <PasteImportDialog /> }
);
part!(
    /// The open draft's saved versions.
    history(), history, view! { <HistoryPanel /> }
);
part!(
    /// What a merge with another window changed, and the choices it leaves (the merge itself is
    /// the autosave's, done and saved before this shows).
    merge_banner(), merge_banner, view! { <MergeBanner /> }
);
part!(
    /// The 图解 beside the publish buttons.
    figure(open: RwSignal<bool>), figure, view! { <FigurePanel open /> }
);

/// Shows a part once it has arrived, or says that it could not be fetched (what is typed is
/// not touched: the part only shows).
pub fn when_loaded(
    part: impl Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
) -> impl IntoView {
    let lang = crate::app_state::use_lang();
    Suspend::new(async move {
        part.await.unwrap_or_else(|NotLoaded| {
            view! {
                <p class="part-not-loaded" role="alert">{i18n::tr(lang, i18n::PART_NOT_LOADED)}</p>
            }
            .into_any()
        })
    })
}
