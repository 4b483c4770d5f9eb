//! The kept batches: the batch shown is saved after each change under its name, a reload opens
//! the newest again, and the others are listed to open or delete. The storage is the app's
//! corner of localStorage; what goes in it and how it reads back is the core's `batch_store`.

use leptos::prelude::*;
use nianbao_report::batch_store::{self, KeptBatch};

use super::{options_html, use_supervisor, Supervisor};
use crate::app_state::Notice;
use crate::drafts::button::ActionButton;
use crate::i18n::{self, Lang};
use crate::platform::storage::LocalStorage;
use crate::platform::{files, tick};

impl Supervisor {
    /// The batch shown as the core keeps it.
    fn kept_batch(&self) -> KeptBatch {
        let name = self.batch_name.get_untracked();
        let now = js_sys::Date::now() as i64;
        self.entries
            .with_untracked(|entries| batch_store::keep(&name, now, entries))
    }

    /// Saves the batch shown (nothing while it is empty and new). A refused save leaves the
    /// batch in the page, says why, and offers its JSON; the next change tries again.
    pub fn keep(&self) {
        if self.begin_save().is_none() {
            return;
        }
        let kept = self.kept_batch();
        let encoded = batch_store::encode(&kept);
        self.save_kept(kept, &encoded);
    }

    /// [`Supervisor::keep`] in short tasks (the batch as the core keeps it; its JSON,
    /// `FILES_PER_TASK` files at a time; the write), for the end of a long reading: at 500
    /// reports the whole was one task of 230 ms at 4× CPU, its JSON alone 170 ms. A save made
    /// meanwhile has kept the newer batch, and this one is dropped.
    pub async fn keep_in_steps(&self) {
        /// ~35 ms of a task at 4× CPU.
        const FILES_PER_TASK: usize = 100;
        let Some(this_save) = self.begin_save() else {
            return;
        };
        let kept = self.kept_batch();
        let mut files = Vec::with_capacity(kept.files.len());
        for chunk in kept.files.chunks(FILES_PER_TASK) {
            tick::yield_to_browser().await;
            files.extend(batch_store::encode_files(chunk));
        }
        let encoded = batch_store::encode_with(&kept, &files);
        drop(files);
        tick::yield_to_browser().await;
        if self.saves.try_get_value() == Some(this_save) {
            self.save_kept(kept, &encoded);
        }
    }

    /// Numbers a save about to begin; None when there is nothing to keep (the batch empty and
    /// new).
    fn begin_save(&self) -> Option<u32> {
        if self.entries.with_untracked(Vec::is_empty) && self.batch_id.get_untracked().is_none() {
            return None;
        }
        let save = self.saves.get_value().wrapping_add(1);
        self.saves.set_value(save);
        Some(save)
    }

    fn save_kept(&self, kept: KeptBatch, encoded: &str) {
        let id = self
            .batch_id
            .get_untracked()
            .unwrap_or_else(|| batch_store::new_id(kept.saved_at_ms, &self.kept.get_untracked()));
        match batch_store::save_encoded(&mut LocalStorage, &id, &kept, encoded) {
            Ok(()) => {
                self.batch_id.set(Some(id));
                self.batch_name.set(kept.name);
                self.unkept.set(None);
            }
            Err(error) => {
                self.notices.say(error.message.clone());
                self.unkept.set(Some(error.message));
            }
        }
        self.refresh_kept();
    }

    pub fn refresh_kept(&self) {
        match batch_store::list(&mut LocalStorage) {
            Ok(list) => self.kept.set(list),
            Err(error) => self.notices.say(error.message),
        }
    }

    /// Shows the kept batch `id` in place of the one shown (which stays kept).
    pub fn open_kept(&self, id: &str) {
        match batch_store::load(&LocalStorage, id) {
            Ok(Some(kept)) => {
                self.clear();
                for row in batch_store::restore(&kept) {
                    self.push(row);
                }
                self.batch_id.set(Some(id.to_owned()));
                self.batch_name.set(kept.name);
            }
            Ok(None) => self.refresh_kept(),
            Err(error) => self.notices.say(error.message),
        }
    }

    /// On opening the page: the newest batch that reads.
    pub fn open_newest_kept(&self) {
        self.refresh_kept();
        let newest = self
            .kept
            .with_untracked(|list| list.iter().find(|b| !b.damaged).map(|b| b.id.clone()));
        if let Some(id) = newest {
            self.open_kept(&id);
        }
    }

    pub fn remove_kept(&self, id: &str) {
        if let Err(error) = batch_store::remove(&mut LocalStorage, id) {
            self.notices.say(error.message);
        }
        if self.batch_id.get_untracked().as_deref() == Some(id) {
            self.clear();
        }
        self.refresh_kept();
    }

    /// The batch shown as a JSON file, which this page reads back when it is dropped on it.
    pub fn download_batch(&self) {
        let kept = self.kept_batch();
        let name = batch_store::download_name(&kept);
        match files::download(&name, "application/json", &batch_store::encode(&kept)) {
            Ok(()) => self.notices.tell(Notice::new(
                format!("已下载批次文件“{name}”"),
                format!("Downloaded the batch as “{name}”"),
            )),
            Err(why) => self.notices.say(Notice::new(
                format!("未能下载：{why}"),
                format!("Could not download: {why}"),
            )),
        }
    }
}

/// The batch's name, the kept batches to open or delete, and the JSON download.
#[component]
pub fn KeptBatches() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let chosen = RwSignal::new(String::new());
    let chosen_id = move || {
        let id = chosen.get_untracked();
        if id.is_empty() {
            supervisor
                .kept
                .with_untracked(|l| l.first().map(|b| b.id.clone()))
        } else {
            Some(id)
        }
    };
    let kept_options = move || {
        let english = lang.get() == Lang::En;
        let batches = supervisor.kept.get().into_iter().map(|batch| {
            let label = match (english, batch.damaged) {
                (false, damaged) => format!(
                    "{}（{}个文件）{}",
                    batch.name,
                    batch.files,
                    if damaged { "（已损坏）" } else { "" }
                ),
                (true, damaged) => format!(
                    "{} ({} files){}",
                    batch.name,
                    batch.files,
                    if damaged { " (damaged)" } else { "" }
                ),
            };
            (batch.id, label)
        });
        options_html(batches, supervisor.batch_id.get().as_deref().unwrap_or(""))
    };
    // A button with nothing to act on is left out (style/supervisor.css): 打开批次 and 删除批次
    // while no batch is kept, 下载批次 JSON while the batch shown has no file.
    let class = move || match (
        supervisor.kept.with(Vec::is_empty),
        supervisor.entries.with(Vec::is_empty),
    ) {
        (false, false) => "kept-batches",
        (true, false) => "kept-batches none-kept",
        (false, true) => "kept-batches empty-batch",
        (true, true) => "kept-batches none-kept empty-batch",
    };
    view! {
        <div class=class>
            <label>
                <span>{i18n::tr(lang, i18n::BATCH_NAME)}</span>
                <input type="text" class="batch-name" prop:value=move || supervisor.batch_name.get()
                    placeholder=i18n::tr(lang, i18n::BATCH_NAME_HINT)
                    on:change=move |ev| {
                        supervisor.batch_name.set(event_target_value(&ev));
                        supervisor.keep();
                    } />
            </label>
            <label class="kept-choice">
                <span>{i18n::tr(lang, i18n::KEPT_BATCHES)}</span>
                <select class="kept-list" inner_html=kept_options on:change=move |ev| chosen.set(event_target_value(&ev))></select>
            </label>
            <ActionButton class="open-kept" label=i18n::OPEN_KEPT on_press=move || {
                if let Some(id) = chosen_id() { supervisor.open_kept(&id); }
            } />
            <ActionButton class="remove-kept" label=i18n::REMOVE_KEPT on_press=move || {
                if let Some(id) = chosen_id() { supervisor.remove_kept(&id); chosen.set(String::new()); }
            } />
            <ActionButton class="download-batch" label=i18n::DOWNLOAD_BATCH on_press=move || supervisor.download_batch() />
        </div>
        {move || supervisor.unkept.get().map(|why| view! {
            <div class="banner banner-storage banner-full" role="alert">
                <span class="banner-text">{move || lang.get().say(&why).to_owned()}</span>
                <ActionButton class="download-batch rescue" label=i18n::DOWNLOAD_BATCH on_press=move || supervisor.download_batch() />
            </div>
        })}
    }
}
