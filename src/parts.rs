//! The parts of the editor's wasm fetched when first needed. The main module is what a newcomer's
//! first screen needs: the page, the toolbar, the banners, the first screen, the drafts and
//! what keeps a user's text safe (the autosave, the merge, the storage banners and the JSON
//! download they offer: a full disk may have kept the service worker from storing parts). Three
//! parts come later:
//! - `editor`: the open draft's editor. With a draft stored it is compiled while the main module
//!   downloads (index.html), so that opening a draft waits for no download after the start;
//! - `views`: the drafts list, the history, the merge banner and the 图解;
//! - `import`: the paste import and the import of a picked or dropped file.
//!
//! A part per view (as at first) came with a piece of shared code for every set of parts that
//! needed it: opening the editor took 20 downloads, +80 ms. One module per part keeps it at four.
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

/// `part!(in module: name(args) -> Out, body)`: an async `name` that runs `body` in the part
/// `module` (the functions of one module come in one download).
macro_rules! part {
    (in $module:ident: $(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $out:ty, $body:expr) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, NotLoaded> {
            #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($module, fallible))]
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

// The part `editor`: what a stored draft needs, fetched (or compiled early, index.html) when one
// opens.
part!(in editor:
    /// The open draft: its header, the six sections and the findings.
    editor() -> AnyView, view! { <crate::app::Editor /> }.into_any()
);
part!(in editor:
    /// Nothing: calling it fetches the part `editor` ahead of its use.
    editor_fetched() -> (), ()
);

// The part `views`: the views shown on the way (one module: a part per view came with a piece
// of shared code per set of parts that needed it, and a download for each).
part!(in views:
    /// The drafts list, with the texts kept for recovery.
    drafts_list() -> AnyView, view! { <DraftsList /> }.into_any()
);
part!(in views:
    /// The open draft's saved versions.
    history() -> AnyView, view! { <HistoryPanel /> }.into_any()
);
part!(in views:
    /// What a merge with another window changed, and the choices it leaves (the merge itself is
    /// the autosave's, done and saved before this shows).
    merge_banner() -> AnyView, view! { <MergeBanner /> }.into_any()
);
part!(in views:
    /// The 图解 beside the publish buttons.
    figure(open: RwSignal<bool>) -> AnyView, view! { <FigurePanel open /> }.into_any()
);

// The part `import`: reading a published report or a file into a new draft.
part!(in import:
    /// The dialog that reads a published report pasted or picked.
    paste_import() -> AnyView, view! { <PasteImportDialog /> }.into_any()
);
part!(in import:
    /// A file picked or dropped, read and imported (a draft of a report, the published-report
    /// import for a page or a text).
    import_file(drafts: Drafts, file: web_sys::File, purpose: ImportPurpose) -> (),
    wasm_bindgen_futures::spawn_local(crate::drafts::import::read_and_import(drafts, file, purpose))
);

/// Shows a part once it has arrived, or says that it could not be fetched (what is typed is
/// not touched: the part only shows). While it is on its way, 「正在载入…」 shows, after a moment
/// (style/main.css): from the service worker's cache a part arrives before that would blink.
pub fn when_loaded(
    part: impl Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
) -> AnyView {
    // One copy of the view's code for every part, not one per future type.
    shown_when_loaded(Box::pin(part))
}

fn shown_when_loaded(
    part: std::pin::Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>>,
) -> AnyView {
    let lang = crate::app_state::use_lang();
    let arrived = RwSignal::new(false);
    view! {
        <p class="part-loading" role="status" hidden=move || arrived.get()>
            {i18n::tr(lang, i18n::PART_LOADING)}
        </p>
        {Suspend::new(async move {
            let shown = part.await.unwrap_or_else(|NotLoaded| {
                view! {
                    <p class="part-not-loaded" role="alert">{i18n::tr(lang, i18n::PART_NOT_LOADED)}</p>
                }
                .into_any()
            });
            arrived.set(true);
            shown
        })}
    }
    .into_any()
}
