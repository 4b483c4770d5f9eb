//! The autosave's transitions, natively, over a [`MemoryStorage`] that two "tabs" share.

use super::*;
use crate::drafts::shelf::{self, MemoryStorage, Storage};
use crate::drafts::{self, counts as text_counts, history_key};
use crate::export::json::counts as report_counts;
use crate::import;
use crate::{AgencyKind, SectionId};

/// The seed report: 额敦乡's 2023 report, imported from its published text.
fn seed() -> Report {
    import::import_published(include_str!("../../../tests/fixtures/erdun-2023.txt"))
        .unwrap()
        .report
}

/// A draft stored as the list makes it, then opened by a tab, as the app opens one.
fn stored_and_opened(storage: &mut MemoryStorage, report: Report, tab: &str) -> OpenDraft {
    shelf::store_new(storage, "d1", "tab-list", report, true, 1_000).unwrap();
    open(storage, tab)
}

fn open(storage: &MemoryStorage, tab: &str) -> OpenDraft {
    let raw = storage.read(&draft_key("d1")).unwrap().unwrap();
    OpenDraft::new(decode(&raw).unwrap(), Some(raw)).with_tab(tab)
}

fn stored(storage: &MemoryStorage) -> DraftEnvelope {
    decode(&storage.read(&draft_key("d1")).unwrap().unwrap()).unwrap()
}

fn blank() -> Report {
    Report::new_blank("某街道办事处", AgencyKind::Township, 2024)
}

#[test]
fn typing_arms_one_timer_and_the_save_waits_for_a_pause() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    let mut report = blank();
    // Nothing changed: nothing to do.
    assert_eq!(open.on_change(0.0, &report, true), Effects::default());
    report.meta.title = "一".into();
    let fx = open.on_change(1_000.0, &report, true);
    assert_eq!(fx.status, Some(SaveStatus::Pending));
    assert_eq!(fx.arm_debounce_ms, Some(DEBOUNCE_MS));
    // More typing: still pending, the one timer stays armed.
    report.meta.title = "一二".into();
    assert_eq!(open.on_change(1_300.0, &report, true), Effects::default());
    // The timer fires 400 ms after the first keystroke, 100 ms after the last: wait the rest.
    assert_eq!(open.on_debounce(1_400.0), Debounce::Wait(300));
    // A clock set back after the last keystroke: saved now, not after the jump is made up.
    assert_eq!(open.clone().on_debounce(-60_000.0), Debounce::Save);
    assert_eq!(open.on_debounce(1_700.0), Debounce::Save);
    let fx = open.save(SaveKind::Auto, &mut storage, &report, true, 1_700);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 1_700 }));
    assert_eq!(stored(&storage).report.meta.title, "一二");
    assert_eq!(stored(&storage).revision, 2);
    // Saved: a flush has nothing to write.
    let fx = open.save(SaveKind::Flush, &mut storage, &report, true, 1_800);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 1_700 }));
    assert_eq!(stored(&storage).revision, 2);
}

#[test]
fn a_new_draft_is_stored_on_its_first_edit_or_when_made_from_the_list() {
    let mut storage = MemoryStorage::default();
    let mut open = OpenDraft::new(DraftEnvelope::new("d1", "tab-a", blank()), None);
    // Opening the app and leaving stores no empty draft.
    let fx = open.save(SaveKind::Flush, &mut storage, &blank(), true, 10);
    assert_eq!(fx.status, Some(SaveStatus::Idle));
    assert!(storage.items.is_empty());
    // Save (Ctrl+S) on a draft never stored stores it, and asks to keep the storage.
    let fx = open.save(SaveKind::Explicit, &mut storage, &blank(), true, 20);
    assert!(fx.ask_persistent);
    assert_eq!(stored(&storage).revision, 1);
    let mut made = OpenDraft::new(DraftEnvelope::new("d2", "tab-a", blank()), None);
    made.save(SaveKind::Create, &mut storage, &blank(), true, 30);
    assert!(storage.read(&draft_key("d2")).unwrap().is_some());
    assert_eq!(shelf::load_list(&mut storage, 40).unwrap().len(), 2);
}

#[test]
fn a_save_another_tab_made_unheard_is_merged_not_written_over() {
    let mut storage = MemoryStorage::default();
    let mut report = blank();
    let mut a = stored_and_opened(&mut storage, report.clone(), "tab-a");
    let mut b = open(&storage, "tab-b");
    // Tab B saves its text; tab A has not heard of it.
    let mut theirs = report.clone();
    theirs.sections.set(SectionId::Problems, "另一窗口写的问题");
    b.save(SaveKind::Flush, &mut storage, &theirs, true, 2_000);
    report.sections.set(SectionId::Overview, "本窗口写的概述");
    let fx = a.save(SaveKind::Flush, &mut storage, &report, true, 3_000);
    let saved = stored(&storage);
    assert_eq!(saved.revision, 3);
    assert_eq!(
        saved.report.sections.get(SectionId::Problems),
        "另一窗口写的问题"
    );
    assert_eq!(
        saved.report.sections.get(SectionId::Overview),
        "本窗口写的概述"
    );
    // What tab A shows is the merge, and the user is told.
    assert_eq!(fx.show.as_ref().map(|(r, _)| r), Some(&saved.report));
    let merged = fx.merged.unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.mine, report);
    // Tab B hears of A's save: taken in as it is, nothing of its own unsaved.
    let fx = b.on_stored_elsewhere(&mut storage, &theirs, true, 3_100);
    assert_eq!(fx.show.map(|(r, _)| r), Some(saved.report));
    assert_eq!(fx.merged, None);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 3_000 }));
}

#[test]
fn two_tabs_saving_in_the_same_instant_lose_nothing() {
    // Both tabs last saw revision 1 and save at the same millisecond. Whichever writes second
    // finds the other's revision 2 and merges; the one that wrote first hears of that.
    let mut storage = MemoryStorage::default();
    let base = seed();
    let mut a = stored_and_opened(&mut storage, base.clone(), "tab-a");
    let mut b = open(&storage, "tab-b");
    // Each tab edits as the editor does with auto-total on: the row's total follows.
    let mut mine_a = base.clone();
    mine_a.requests.row_mut("1")[0] = Some(11);
    mine_a.sections.set(SectionId::Problems, "A 的问题");
    crate::totals::fill_totals(&mut mine_a);
    let mut mine_b = base.clone();
    mine_b.requests.row_mut("1")[1] = Some(22);
    mine_b.sections.set(SectionId::Problems, "B 的问题");
    crate::totals::fill_totals(&mut mine_b);
    a.save(SaveKind::Auto, &mut storage, &mine_a, true, 5_000);
    let fx_b = b.save(SaveKind::Auto, &mut storage, &mine_b, true, 5_000);
    let fx_a = a.on_stored_elsewhere(&mut storage, &mine_a, true, 5_001);
    let saved = stored(&storage);
    assert_eq!(saved.revision, 3);
    let row = saved.report.requests.row("1");
    assert_eq!(row[0], Some(11));
    assert_eq!(row[1], Some(22));
    // Regression: the row's total, changed by both, was kept as one tab's and called a conflict.
    let mut computed = saved.report.clone();
    crate::totals::fill_totals(&mut computed);
    assert_eq!(
        saved.report, computed,
        "the totals are computed after the merge"
    );
    assert!(!fx_b
        .merged
        .as_ref()
        .unwrap()
        .conflicts
        .iter()
        .any(crate::totals::is_total));
    let problems = saved.report.sections.get(SectionId::Problems);
    assert!(
        problems.contains("A 的问题") && problems.contains("B 的问题"),
        "{problems}"
    );
    assert_eq!(fx_a.show.map(|(r, _)| r), Some(saved.report));
}

/// Regression (issue 15, found by the e2e test of two tabs saving at once): two browser
/// processes each read the storage before the other's write reached it, so the second write
/// went over the first with the same revision; the first tab, with nothing unsaved, then took
/// the other's version as it was and its own work was gone from the storage and the screen.
#[test]
fn a_write_that_went_over_this_tabs_own_is_merged_back_and_written_again() {
    let mut shared = MemoryStorage::default();
    let base = seed();
    let mut a = stored_and_opened(&mut shared, base.clone(), "tab-a");
    let mut b = open(&shared, "tab-b");
    // B's process still has the storage as it was before A's write.
    let mut b_view = shared.clone();
    let mut mine_a = base.clone();
    mine_a.sections.set(SectionId::Overview, "A窗口写的概述");
    let mut mine_b = base.clone();
    mine_b.sections.set(SectionId::Problems, "B窗口写的问题");
    a.save(SaveKind::Explicit, &mut shared, &mine_a, true, 7_000);
    b.save(SaveKind::Explicit, &mut b_view, &mine_b, true, 7_000);
    // B's write reaches the shared storage, over A's: both are revision 2.
    let b_text = b_view.read(&draft_key("d1")).unwrap().unwrap();
    shared.write(&draft_key("d1"), &b_text).unwrap();
    assert_eq!(stored(&shared).revision, 2);
    // A hears of it: its own work is merged back in and written again at once.
    let fx = a.on_stored_elsewhere(&mut shared, &mine_a, true, 7_001);
    let saved = stored(&shared);
    assert_eq!(saved.revision, 3);
    assert_eq!(
        saved.report.sections.get(SectionId::Overview),
        "A窗口写的概述"
    );
    assert_eq!(
        saved.report.sections.get(SectionId::Problems),
        "B窗口写的问题"
    );
    assert_eq!(fx.show.map(|(r, _)| r), Some(saved.report.clone()));
    assert!(fx.merged.is_some(), "the user is told");
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 7_001 }));
    // B hears of A's write and takes it: nothing of its own is unsaved.
    let fx = b.on_stored_elsewhere(&mut shared, &mine_b, true, 7_002);
    assert_eq!(fx.show.map(|(r, _)| r), Some(saved.report));
}

#[test]
fn a_stored_text_that_does_not_read_stops_saving_and_is_kept() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    storage
        .write(&draft_key("d1"), "{\"format\": \"nianbao-draft\", ")
        .unwrap();
    let mut report = blank();
    report.meta.title = "改".into();
    let fx = open.save(SaveKind::Flush, &mut storage, &report, true, 9_000);
    assert!(
        matches!(fx.status, Some(SaveStatus::Blocked(ref message)) if message.zh.starts_with("草稿已损坏"))
    );
    assert!(open.status().is_unsaved());
    assert_eq!(
        storage.read("recovery:d1:9000").unwrap().as_deref(),
        Some("{\"format\": \"nianbao-draft\", ")
    );
    // Never written over, however often it is asked to save.
    open.save(SaveKind::Explicit, &mut storage, &report, true, 9_100);
    assert_eq!(
        storage.read(&draft_key("d1")).unwrap().as_deref(),
        Some("{\"format\": \"nianbao-draft\", ")
    );
    assert_eq!(open.on_change(9_200.0, &report, true), Effects::default());
}

#[test]
fn a_full_storage_keeps_the_draft_in_the_page_and_tries_again() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    let used: usize = storage.items.iter().map(|(k, v)| k.len() + v.len()).sum();
    storage.capacity = Some(used);
    let mut report = blank();
    report.sections.set(SectionId::Overview, "长".repeat(1_000));
    let fx = open.save(SaveKind::Auto, &mut storage, &report, true, 2_000);
    assert!(matches!(fx.status, Some(SaveStatus::Full { .. })));
    assert!(fx.arm_retry);
    assert!(open.status().is_unsaved());
    // Typing goes on: still full, not "pending".
    report.meta.title = "又改".into();
    assert_eq!(open.on_change(2_100.0, &report, true).status, None);
    // Space is freed: the retry saves.
    storage.capacity = None;
    let fx = open.save(SaveKind::Auto, &mut storage, &report, true, 4_000);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 4_000 }));
    assert_eq!(stored(&storage).report, report);
}

#[test]
fn a_draft_deleted_in_another_tab_is_not_saved_again() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    let mut report = blank();
    report.meta.title = "本窗口的改动".into();
    // The other tab deletes the draft (and its history) from its list.
    let removed = shelf::remove_draft(&mut storage, "d1").unwrap();
    let removed = shelf::Removed {
        history: None,
        ..removed
    };
    // Heard of at once...
    let fx = open.on_stored_elsewhere(&mut storage, &report, true, 2_000);
    assert_eq!(fx.status, Some(SaveStatus::DeletedElsewhere));
    assert!(
        open.status().is_unsaved(),
        "what is on screen is only in this page now"
    );
    // ...and never saved again, by the timer, a flush or Ctrl+S.
    assert_eq!(open.on_change(2_100.0, &report, true), Effects::default());
    for kind in [SaveKind::Auto, SaveKind::Flush, SaveKind::Explicit] {
        open.save(kind, &mut storage, &report, true, 2_200);
    }
    assert_eq!(storage.read(&draft_key("d1")).unwrap(), None);
    assert!(shelf::load_list(&mut storage, 2_300).unwrap().is_empty());
    // The other tab undoes its delete: this tab saves again, its edits included.
    shelf::restore_removed(&mut storage, "d1", &removed).unwrap();
    let fx = open.on_stored_elsewhere(&mut storage, &report, true, 2_400);
    assert_eq!(fx.arm_debounce_ms, Some(DEBOUNCE_MS));
    let fx = open.save(SaveKind::Auto, &mut storage, &report, true, 2_900);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 2_900 }));
    assert_eq!(stored(&storage).report.meta.title, "本窗口的改动");
}

#[test]
fn a_deletion_not_yet_heard_of_is_found_by_the_save() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    shelf::remove_draft(&mut storage, "d1").unwrap();
    let mut report = blank();
    report.meta.title = "改".into();
    let fx = open.save(SaveKind::Flush, &mut storage, &report, true, 3_000);
    assert_eq!(fx.status, Some(SaveStatus::DeletedElsewhere));
    assert_eq!(storage.read(&draft_key("d1")).unwrap(), None);
}

#[test]
fn explicit_saves_are_versions_and_autosaves_update_the_newest() {
    let mut storage = MemoryStorage::default();
    let mut open = stored_and_opened(&mut storage, blank(), "tab-a");
    let mut report = blank();
    for (i, kind) in [SaveKind::Explicit, SaveKind::Auto, SaveKind::Auto]
        .into_iter()
        .enumerate()
    {
        report.active.licensing = Some(i as u64);
        open.save(kind, &mut storage, &report, true, 10_000 + i as i64);
    }
    let history = open.history(&mut storage, 20_000);
    let revisions: Vec<u64> = history.entries.iter().map(|e| e.revision).collect();
    // The explicit save's version stays; the two autosaves after it are one version.
    assert_eq!(revisions, [4, 2]);
    assert_eq!(
        history,
        DraftHistory::decode(&storage.read(&history_key("d1")).unwrap().unwrap()).unwrap()
    );
}

/// Regression (issue 15): one autosave parsed and printed the report several times (the
/// stored draft decoded, its report printed and parsed again, and each of up to ten history
/// versions printed and parsed twice).
#[test]
fn one_autosave_of_the_seed_serialises_the_report_once_and_parses_it_at_most_once() {
    let mut storage = MemoryStorage::default();
    let mut report = seed();
    // A draft with a full history: ten explicit saves in an earlier session.
    let mut earlier = stored_and_opened(&mut storage, report.clone(), "tab-earlier");
    for i in 0..12u64 {
        report.active.licensing = Some(i);
        earlier.save(
            SaveKind::Explicit,
            &mut storage,
            &report,
            true,
            2_000 + i as i64,
        );
    }
    assert_eq!(
        earlier.history(&mut storage, 3_000).entries.len(),
        drafts::HISTORY_MAX_VERSIONS
    );

    // This session opens the draft (reading it is the opening's, not the save's), types, and
    // the autosave runs.
    let mut open = open(&storage, "tab-now");
    report_counts::take();
    text_counts::take();
    report.requests.row_mut("1")[0] = Some(99);
    let _ = open.on_change(5_000.0, &report, true);
    assert_eq!(open.on_debounce(5_400.0), Debounce::Save);
    let fx = open.save(SaveKind::Auto, &mut storage, &report, true, 5_400);
    assert_eq!(fx.status, Some(SaveStatus::Saved { at_ms: 5_400 }));
    let (serialised, parsed) = report_counts::take();
    let texts = text_counts::take();
    assert!(
        serialised <= 1,
        "the report was serialised {serialised} times"
    );
    assert!(parsed <= 1, "the report was parsed {parsed} times");
    assert!(
        texts <= 1,
        "{texts} stored texts were parsed (the history's, once)"
    );
    assert_eq!((serialised, parsed, texts), (1, 0, 1));

    // The next autosave reads nothing at all: the stored draft is the text it wrote.
    report.requests.row_mut("1")[0] = Some(100);
    open.save(SaveKind::Auto, &mut storage, &report, true, 6_000);
    assert_eq!(report_counts::take(), (1, 0));
    assert_eq!(text_counts::take(), 0);
    assert_eq!(stored(&storage).report, report);
    let history = open.history(&mut storage, 7_000);
    assert_eq!(history.entries[0].report().unwrap(), &report);
    assert_eq!(history.entries.len(), drafts::HISTORY_MAX_VERSIONS);
}

#[test]
fn the_index_takes_the_editors_counts_unless_another_tabs_save_was_merged_in() {
    let mut storage = MemoryStorage::default();
    let mut a = stored_and_opened(&mut storage, blank(), "tab-a");
    let mut b = open(&storage, "tab-b");
    let index =
        |storage: &mut MemoryStorage| shelf::load_list(storage, 0).unwrap()[0].entry.clone();
    let given = drafts::FindingCounts {
        errors: 97,
        warnings: 98,
    };
    let mut report = blank();
    report.meta.title = "一".into();
    a.save_counted(
        SaveKind::Auto,
        &mut storage,
        &report,
        true,
        2_000,
        Some(given),
    );
    let entry = index(&mut storage);
    assert_eq!((entry.findings_errors, entry.findings_warnings), (97, 98));
    // B's screen is merged with A's save: the counts given were of B's screen, not of the merge.
    let mut theirs = blank();
    theirs.meta.agency = "另一个名字".into();
    b.save_counted(
        SaveKind::Auto,
        &mut storage,
        &theirs,
        true,
        3_000,
        Some(given),
    );
    let entry = index(&mut storage);
    let real = drafts::FindingCounts::of(&stored(&storage).report);
    assert_eq!(
        (entry.findings_errors, entry.findings_warnings),
        (real.errors, real.warnings)
    );
}
