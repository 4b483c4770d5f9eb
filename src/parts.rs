//! The editor's views that opening a draft does not need — the drafts list, the paste import,
//! the history, the merge banner and the 图解 — and the import of a file, each in a part of the
//! wasm of its own, fetched when first shown (or used). Opening a draft then downloads the
//! editor only. The first screen stays in the editor: a part of its own cost a newcomer a round
//! trip more before anything showed (over Slow 4G, ~0.5 s). What keeps
//! a user's text safe stays in the editor: the autosave, the merge, the storage banners and the
//! JSON download they offer (a full disk may have kept the service worker from storing parts).
//!
//! With the `split` feature (the editor's release build: `./x` splits its wasm with
//! wasm-split-cli at the functions marked here) each part is an `async` call that fetches its
//! part first; without it (the tests, the supervisor's page) an ordinary call.

use std::future::Future;

use leptos::prelude::*;

use crate::drafts::banners::MergeBanner;
use crate::drafts::history::HistoryPanel;
use crate::drafts::import::PasteImportDialog;
use crate::drafts::list::DraftsList;
use crate::drafts::{Drafts, ImportPurpose};
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

/// `part!(name(args) -> Out, body)`: an async `name` that runs `body` in the part `name`.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $out:ty, $body:expr) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, NotLoaded> {
            #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($name, fallible))]
            fn $name($($arg: $ty),*) -> Result<$out, NotLoaded> {
                Ok($body)
            }
            #[cfg(feature = "split")]
            {
                $name($($arg),*).await
            }
            #[cfg(not(feature = "split"))]
            {
                $name($($arg),*)
            }
        }
    };
}

part!(
    /// The drafts list, with the texts kept for recovery.
    drafts_list() -> AnyView, view! { <DraftsList /> }.into_any()
);
part!(
    /// The dialog that reads a published report pasted or picked.
    paste_import() -> AnyView, view! { <PasteImportDialog /> }.into_any()
);
part!(
    /// The open draft's saved versions.
    history() -> AnyView, view! { <HistoryPanel /> }.into_any()
);
part!(
    /// What a merge with another window changed, and the choices it leaves (the merge itself is
    /// the autosave's, done and saved before this shows).
    merge_banner() -> AnyView, view! { <MergeBanner /> }.into_any()
);
part!(
    /// The 图解 beside the publish buttons.
    figure(open: RwSignal<bool>) -> AnyView, view! { <FigurePanel open /> }.into_any()
);
part!(
    /// A file picked or dropped, read and imported (a draft of a report, the published-report
    /// import for a page or a text).
    import_file(drafts: Drafts, file: web_sys::File, purpose: ImportPurpose) -> (),
    wasm_bindgen_futures::spawn_local(crate::drafts::import::read_and_import(drafts, file, purpose))
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
