//! Browser tests (wasm-bindgen-test in headless Chromium) of drafts: the stored drafts (rescue, list), and the autosave's rules — never over a save it has not
//! seen, never over a text that does not read.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nianbao_app::drafts::autosave::SaveKind;
use nianbao_app::drafts::{shelf, Drafts, SaveStatus};
use nianbao_app::i18n::Lang;
use nianbao_app::platform::storage;
use nianbao_app::store::Store;
use nianbao_report::drafts::{self, DraftEnvelope};
use nianbao_report::{AgencyKind, Report, SectionId};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes the app's keys (only those) so that each test starts with no drafts.
fn clear_app_keys() {
    for name in storage::names().unwrap() {
        storage::remove(&name).unwrap();
    }
}

fn county() -> Report {
    let mut report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
    report.requests.row_mut("1")[0] = Some(705);
    report
}

/// The app's drafts as the app starts them, without the app's view. Mounting an empty view
/// starts Leptos's task executor, which the autosave's effect needs.
fn start_drafts() -> Drafts {
    leptos::mount::mount_to_body(|| ());
    Owner::new().set();
    let store = Store::new(Report::default(), true, Lang::Zh);
    Drafts::start(store)
}

fn stored_envelope(id: &str) -> DraftEnvelope {
    drafts::decode(&storage::read(&drafts::draft_key(id)).unwrap().unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn a_damaged_draft_is_listed_and_rescued_once() {
    clear_app_keys();
    let good = drafts::encode(&DraftEnvelope::new("good", "tab", county()));
    storage::write(&drafts::draft_key("good"), &good).unwrap();
    storage::write(&drafts::draft_key("cut"), &good[..good.len() / 2]).unwrap();
    let list = shelf::load_list().unwrap();
    assert_eq!(list.len(), 2);
    let cut = list.iter().find(|l| l.entry.id == "cut").unwrap();
    assert!(cut.entry.damaged);
    assert!(cut.problem.as_ref().unwrap().0.starts_with("草稿已损坏"));
    let rescued = || {
        storage::names()
            .unwrap()
            .into_iter()
            .filter(|n| n.starts_with("recovery:cut:"))
            .collect::<Vec<_>>()
    };
    assert_eq!(rescued().len(), 1);
    assert_eq!(
        storage::read(&rescued()[0]).unwrap().as_deref(),
        Some(&good[..good.len() / 2])
    );
    // Met again at the next start: not rescued twice, and the draft key is left as it is.
    shelf::load_list().unwrap();
    assert_eq!(rescued().len(), 1);
    assert_eq!(
        storage::read(&drafts::draft_key("cut")).unwrap().as_deref(),
        Some(&good[..good.len() / 2])
    );
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_save_another_tab_made_unheard_is_merged_not_written_over() {
    clear_app_keys();
    let drafts = start_drafts();
    let store = drafts.store;
    store.edit(None, |r| r.meta.agency = "沭阳县人民政府".into());
    drafts.save_now(SaveKind::Flush);
    let id = drafts.open_id.get_untracked().unwrap();
    let first = stored_envelope(&id);
    assert_eq!(first.revision, 1);

    // Another tab saves behind this one's back (no storage event reaches a test page).
    let mut theirs = first.clone();
    theirs.revision = 2;
    theirs.tab_id = "tab-other".into();
    theirs
        .report
        .sections
        .set(SectionId::Problems, "另一窗口写的问题");
    storage::write(&drafts::draft_key(&id), &drafts::encode(&theirs)).unwrap();

    store.edit(None, |r| {
        r.sections.set(SectionId::Overview, "本窗口写的概述")
    });
    drafts.save_now(SaveKind::Flush);
    let saved = stored_envelope(&id);
    assert_eq!(saved.revision, 3);
    assert_eq!(
        saved.report.sections.get(SectionId::Problems),
        "另一窗口写的问题"
    );
    assert_eq!(
        saved.report.sections.get(SectionId::Overview),
        "本窗口写的概述"
    );
    assert_eq!(
        store.report.get_untracked(),
        saved.report,
        "the merge is on screen too"
    );
    let merged = drafts.merged.get_untracked().expect("the user is told");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.mine.sections.get(SectionId::Problems),
        first.report.sections.get(SectionId::Problems)
    );
    assert!(matches!(
        drafts.status.get_untracked(),
        SaveStatus::Saved { .. }
    ));
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_stored_text_that_does_not_read_stops_saving_and_is_kept() {
    clear_app_keys();
    let drafts = start_drafts();
    let store = drafts.store;
    store.edit(None, |r| r.meta.agency = "某街道办事处".into());
    drafts.save_now(SaveKind::Flush);
    let id = drafts.open_id.get_untracked().unwrap();
    let newer = drafts::encode(&stored_envelope(&id))
        .replace("\"schema_version\": 1,", "\"schema_version\": 9,");
    local_storage()
        .set_item(&format!("nianbao:{}", drafts::draft_key(&id)), &newer)
        .unwrap();

    store.edit(None, |r| r.meta.agency = "某街道办事处（改）".into());
    drafts.save_now(SaveKind::Flush);
    match drafts.status.get_untracked() {
        SaveStatus::Blocked { zh, .. } => assert!(zh.contains("更新版本"), "{zh}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        storage::read(&drafts::draft_key(&id)).unwrap().as_deref(),
        Some(newer.as_str()),
        "not written over"
    );
    let rescued: Vec<String> = storage::names()
        .unwrap()
        .into_iter()
        .filter(|n| n.starts_with(&format!("recovery:{id}:")))
        .collect();
    assert_eq!(rescued.len(), 1);
    assert_eq!(
        storage::read(&rescued[0]).unwrap().as_deref(),
        Some(newer.as_str())
    );
    assert_eq!(
        store.report.get_untracked().meta.agency,
        "某街道办事处（改）",
        "still on screen"
    );

    // "Keep as a new draft": what is on screen is stored under a new id and opened.
    drafts.save_as_new_draft();
    let new_id = drafts.open_id.get_untracked().unwrap();
    assert_ne!(new_id, id);
    assert_eq!(
        stored_envelope(&new_id).report.meta.agency,
        "某街道办事处（改）"
    );
    clear_app_keys();
}

#[wasm_bindgen_test]
fn history_gives_way_to_a_full_storage_and_a_damaged_one_is_rescued() {
    clear_app_keys();
    let mut history = drafts::DraftHistory::default();
    let mut report = county();
    for i in 0..5u64 {
        report.active.licensing = Some(i);
        history.record(&report, i as i64, i + 1, true);
    }
    shelf::write_history("h", &mut history).unwrap();
    assert_eq!(shelf::read_history("h"), history);

    // Another app fills the origin's storage; a longer history gives up its oldest versions.
    let fillers = fill_storage();
    report.active.licensing = Some(99);
    history.record(&report, 99, 6, true);
    assert_eq!(history.entries.len(), 6);
    let written = shelf::write_history("h", &mut history);
    for key in &fillers {
        local_storage().remove_item(key).unwrap();
    }
    written.unwrap();
    assert!(history.entries.len() < 6, "{}", history.entries.len());
    assert_eq!(history.entries[0].revision, 6, "the newest version is kept");
    assert_eq!(shelf::read_history("h"), history);

    // A damaged history is rescued and started anew, never an error.
    storage::write(
        &drafts::history_key("h"),
        "{\"format\": \"nianbao-history\", \"entr",
    )
    .unwrap();
    assert_eq!(shelf::read_history("h").entries.len(), 0);
    assert!(storage::names()
        .unwrap()
        .iter()
        .any(|n| n.starts_with("recovery:history-h:")));
    clear_app_keys();
}

/// Fills localStorage with keys of another app until not one more character fits; returns them.
fn fill_storage() -> Vec<String> {
    let storage = local_storage();
    let mut keys = Vec::new();
    let mut size = 1usize << 20;
    while size >= 1 {
        let key = format!("other-app:{}", keys.len());
        if storage.set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}
