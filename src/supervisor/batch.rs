//! The batch check screen: files picked or dropped, one row per report with its errors,
//! warnings and import notes, a progress bar while they are read; sorted by a column header,
//! filtered by name or by outcome; each row opens its findings, opens as a draft, or opens beside
//! last year's report; the table goes out as CSV and as a printable page.

use crate::app_state::Notice;
use leptos::prelude::*;
use nianbao_report::batch as core_batch;
use nianbao_report::finding::Finding;

use super::kept::KeptBatches;
use super::summary::SummaryPanel;
use super::{use_supervisor, Filter, RowSummary, Screen, SortKey, Supervisor};
use crate::drafts::button::ActionButton;
use crate::drafts::status::date_time;
use crate::i18n::{self, Lang, Text};
use crate::platform::files;

/// The file input that takes a folder, where the browser has no folder picker of its own.
const FOLDER_INPUT: &str = r#"<input type="file" webkitdirectory>"#;

#[component]
pub fn BatchScreen() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let rows = Memo::new(move |_| supervisor.visible_rows());
    // A page of rows at a time: every frame lays out and paints the rows on the page, and a
    // batch of 500 made each frame (a row read, a language switch) cost ~70 ms more at 4× CPU.
    let pages = move || page_count(rows.with(Vec::len));
    let page = move || supervisor.page.get().min(pages() - 1);
    let page_rows = Memo::new(move |_| {
        let first = page() * ROWS_PER_PAGE;
        rows.with(|rows| {
            rows.iter()
                .skip(first)
                .take(ROWS_PER_PAGE)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Another order or filter starts again at the first page.
    Effect::new(move |previous: Option<()>| {
        supervisor.sort.track();
        supervisor.filter.track();
        supervisor.filter_text.track();
        if previous.is_some() {
            supervisor.page.set(0);
        }
    });
    let ui_lang = move || lang.get().html_lang();
    view! {
        <main class="batch-screen" aria-label=i18n::tr(lang, i18n::BATCH_TITLE)>
            <div class="drafts-head">
                <h1 class="drafts-title">{i18n::tr(lang, i18n::BATCH_TITLE)}</h1>
                <div class="drafts-actions">
                    // Where the browser has its own picker, a press opens that instead of the
                    // input's (`files::can_pick_file_handles`); the input stays for the others.
                    <label class="button pick-files" on:click=move |ev| {
                        if files::can_pick_file_handles() {
                            ev.prevent_default();
                            supervisor.add_picked_files();
                        }
                    }>
                        <input type="file" multiple accept=files::report_file_types()
                            on:change=move |ev| {
                                let picked = files::picked_files(&ev);
                                if !picked.is_empty() {
                                    supervisor.add_files(picked);
                                }
                            } />
                        {i18n::tr(lang, i18n::PICK_FILES)}
                    </label>
                    <Show when=files::can_pick_folder>
                        <ActionButton class="pick-folder" label=i18n::PICK_FOLDER on_press=move || supervisor.add_folder() />
                    </Show>
                    // Without that picker (Firefox), a file input that takes a folder; whether the
                    // browser has either does not change while the page is open. The input is
                    // markup: the view macro knows no `webkitdirectory` attribute.
                    {(!files::can_pick_folder() && files::can_pick_folder_in_input()).then(|| view! {
                        <label class="button pick-folder"
                            on:change=move |ev| supervisor.add_folder_from_input(&ev)>
                            // Not a literal: the view macro would write that as an attribute.
                            <span inner_html=FOLDER_INPUT.to_owned()></span>
                            {i18n::tr(lang, i18n::PICK_FOLDER)}
                        </label>
                    })}
                    <ActionButton class="open-region" label=i18n::REGION_VIEW on_press=move || supervisor.screen.set(Screen::Region) />
                    <ActionButton class="export-csv" label=i18n::EXPORT_CSV on_press=move || export(supervisor, Export::Csv) />
                    <ActionButton class="export-table-html" label=i18n::EXPORT_TABLE_HTML on_press=move || export(supervisor, Export::Html) />
                    <ActionButton class="clear-batch" label=i18n::CLEAR_BATCH on_press=move || supervisor.clear() />
                </div>
            </div>
            <p class="batch-hint">{i18n::tr(lang, i18n::BATCH_HINT)}</p>
            <KeptBatches />
            <Progress />
            <div class="batch-filters">
                <input type="search" class="batch-filter-text" placeholder=i18n::tr(lang, i18n::FILTER)
                    prop:value=move || supervisor.filter_text.get()
                    on:input=move |ev| supervisor.filter_text.set(event_target_value(&ev)) />
                <select class="batch-filter" aria-label=i18n::tr(lang, i18n::SHOW_WHICH) on:change=move |ev| {
                    supervisor.filter.set(match event_target_value(&ev).as_str() {
                        "errors" => Filter::WithErrors,
                        "clean" => Filter::Clean,
                        "unread" => Filter::Unread,
                        _ => Filter::All,
                    })
                }>
                    {[("all", i18n::SHOW_ALL), ("errors", i18n::SHOW_WITH_ERRORS), ("clean", i18n::SHOW_CLEAN), ("unread", i18n::SHOW_UNREAD)]
                        .into_iter()
                        .map(|(value, label)| view! { <option value=value>{i18n::tr(lang, label)}</option> })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || supervisor.entries.with(Vec::is_empty)>
                <p class="no-drafts">{i18n::tr(lang, i18n::NO_BATCH)}</p>
            </Show>
            // The table's own language is that of its data (file and agency names): switching the
            // page's language then re-shapes only the parts in the user's language (marked with
            // `lang` below), not every name of hundreds of rows (~400 ms at 4× CPU for 500 rows).
            <table class="batch-table" role="table" lang="zh-CN" data-rows-lang=move || supervisor.rows_lang().html_lang()
                data-rows=move || rows.with(Vec::len)>
                <thead role="rowgroup" lang=ui_lang>
                    <tr role="row">
                        <th role="columnheader"><TickAll /></th>
                        <SortHeader key=SortKey::File label=i18n::FILE />
                        <SortHeader key=SortKey::Agency label=i18n::AGENCY_COLUMN />
                        <SortHeader key=SortKey::Year label=i18n::YEAR_COLUMN />
                        <SortHeader key=SortKey::Errors label=i18n::ERRORS />
                        <SortHeader key=SortKey::Warnings label=i18n::WARNINGS />
                        <th role="columnheader">{i18n::tr(lang, i18n::IMPORT_NOTES)}</th>
                        <th role="columnheader">{i18n::tr(lang, i18n::ACTIONS)}</th>
                    </tr>
                </thead>
                <For each=move || page_rows.get() key=|row| row.clone() children=move |row| view! { <BatchRowView row /> } />
            </table>
            <Show when=move || { pages() > 1 }>
                <Pager shown=Signal::derive(move || rows.with(Vec::len)) page=Signal::derive(page) />
            </Show>
            <SummaryPanel />
        </main>
    }
}

/// Rows shown at a time.
const ROWS_PER_PAGE: usize = 100;

/// Pages of `rows` rows (one when there is none).
fn page_count(rows: usize) -> usize {
    rows.div_ceil(ROWS_PER_PAGE).max(1)
}

/// 「第 101–200 行，共 500 行」 between 上一页 and 下一页.
#[component]
fn Pager(shown: Signal<usize>, page: Signal<usize>) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let last_page = move || page_count(shown.get()) - 1;
    let text = move || {
        let (first, total) = (page.get() * ROWS_PER_PAGE + 1, shown.get());
        let last = (first + ROWS_PER_PAGE - 1).min(total);
        match lang.get() {
            Lang::Zh => format!("第 {first}–{last} 行，共 {total} 行"),
            Lang::En => format!("Rows {first}–{last} of {total}"),
        }
    };
    let go = move |to: usize| supervisor.page.set(to);
    view! {
        <nav class="batch-pages" aria-label=i18n::tr(lang, i18n::PAGES)>
            <button class="previous-page" disabled=move || page.get() == 0
                on:click=move |_| go(page.get_untracked().saturating_sub(1))>{i18n::tr(lang, i18n::PREVIOUS_PAGE)}</button>
            <span class="page-rows" role="status">{text}</span>
            <button class="next-page" disabled=move || { page.get() >= last_page() }
                on:click=move |_| go((page.get_untracked() + 1).min(last_page()))>{i18n::tr(lang, i18n::NEXT_PAGE)}</button>
        </nav>
    }
}

/// 「正在读取 12/50」 with a bar, then 「已读取 50 个文件」.
#[component]
fn Progress() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    view! {
        {move || supervisor.progress.get().map(|(done, total)| {
            let text = match (lang.get(), done == total) {
                (Lang::Zh, false) => format!("正在读取 {done}/{total}"),
                (Lang::En, false) => format!("Reading {done}/{total}"),
                (Lang::Zh, true) => format!("已读取 {total} 个文件"),
                (Lang::En, true) => format!("{total} files read"),
            };
            view! {
                <div class="batch-progress" role="status" data-done=done data-total=total>
                    <progress max=total value=done></progress>
                    <span>{text}</span>
                    {(done < total).then(|| view! {
                        <button class="stop-reading" on:click=move |_| supervisor.stop_reading()>
                            {move || lang.get().pick(i18n::STOP_READING)}
                        </button>
                    })}
                </div>
            }
        })}
    }
}

#[component]
fn SortHeader(key: SortKey, label: Text) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let sorted = move || match supervisor.sort.get() {
        (k, false) if k == key => "ascending",
        (k, true) if k == key => "descending",
        _ => "none",
    };
    view! {
        <th role="columnheader" aria-sort=sorted>
            <button class="sort" on:click=move |_| {
                supervisor.sort.update(|(k, downwards)| {
                    if *k == key {
                        *downwards = !*downwards;
                    } else {
                        *k = key;
                        // Errors and warnings are read most first.
                        *downwards = matches!(key, SortKey::Errors | SortKey::Warnings);
                    }
                })
            }>{i18n::tr(lang, label)}</button>
        </th>
    }
}

#[component]
fn TickAll() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    view! {
        <input type="checkbox" class="tick-all" title=i18n::tr(lang, i18n::SELECT_ALL)
            on:change=move |ev| {
                let all = event_target_checked(&ev);
                let readable: Vec<u32> = supervisor.visible_rows().into_iter().filter(|r| r.problem.is_none()).map(|r| r.id).collect();
                supervisor.ticked.update(|ticked| {
                    for id in readable {
                        if all { ticked.insert(id); } else { ticked.remove(&id); }
                    }
                });
            } />
    }
}

#[component]
fn BatchRowView(row: RowSummary) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.row_lang(row.id);
    crate::app_state::provide_lang_for_part(lang);
    let ui_lang = move || lang.get().html_lang();
    let id = row.id;
    let expanded = move || supervisor.expanded.get() == Some(id);
    let class = if row.problem.is_some() {
        "batch-row unread"
    } else if row.errors > 0 {
        "batch-row has-errors"
    } else {
        "batch-row"
    };
    let problem = row.problem.clone();
    let readable = problem.is_none();
    let has_last_year = row.last_year_file.is_some() || row.carries_last_year;
    let file_name = row.file_name.clone();
    let tick_label =
        Signal::derive(move || format!("{}{}", lang.get().pick(i18n::TICK_FILE), file_name));
    view! {
        <tbody class="batch-entry" role="rowgroup" lang=ui_lang>
            <tr class=class role="row" data-id=id>
                <td role="cell">
                    <Show when=move || readable>
                        <input type="checkbox" class="tick" aria-label=tick_label
                            prop:checked=move || supervisor.ticked.with(|t| t.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                supervisor.ticked.update(|t| { if on { t.insert(id); } else { t.remove(&id); } });
                            } />
                    </Show>
                </td>
                <td class="file" role="cell" lang="zh-CN">{row.file_name.clone()}</td>
                <td class="agency" role="cell" lang="zh-CN">{row.agency.clone()}</td>
                <td class="year" role="cell">{row.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                <td class="errors" role="cell">{readable.then_some(row.errors)}</td>
                <td class="warnings" role="cell">{readable.then_some(row.warnings)}</td>
                <td class="notes" role="cell">{readable.then_some(row.notes)}</td>
                <td class="actions" role="cell">
                    {match problem {
                        Some(problem) => view! { <span class="problem">{move || lang.get().say(&problem).to_owned()}</span> }.into_any(),
                        None => view! {
                            <ActionButton class="show-findings" label=i18n::SHOW_FINDINGS
                                on_press=move || supervisor.expanded.update(|e| *e = if *e == Some(id) { None } else { Some(id) }) />
                            <ActionButton class="open-draft" label=i18n::OPEN_AS_DRAFT on_press=move || supervisor.open_as_draft(id) />
                            <Show when=move || has_last_year>
                                <ActionButton class="compare" label=i18n::COMPARE_LAST_YEAR on_press=move || supervisor.compare_with_last_year(id) />
                            </Show>
                        }.into_any(),
                    }}
                </td>
            </tr>
            <Show when=expanded>
                <tr class="batch-details" role="row">
                    <td role="cell" colspan="8"><EntryFindings id /></td>
                </tr>
            </Show>
        </tbody>
    }
}

/// The findings and import notes of one row, as the editor words them.
#[component]
fn EntryFindings(id: u32) -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = crate::app_state::use_lang();
    let Some(checked) = supervisor.entry(id).and_then(|e| e.row.outcome.ok()) else {
        return ().into_any();
    };
    let last_year = checked.last_year_file.clone().map(|file| {
        view! { <p class="last-year-from">{i18n::tr(lang, i18n::LAST_YEAR_FROM)}{file}</p> }
    });
    view! {
        <div class="entry-findings">
            {last_year}
            <FindingList findings=checked.notes />
            <FindingList findings=checked.findings />
        </div>
    }
    .into_any()
}

/// Findings as lines: severity, rule id, message in the user's language.
#[component]
pub fn FindingList(findings: Vec<Finding>) -> impl IntoView {
    let lang = crate::app_state::use_lang();
    view! {
        <ul class="finding-lines">
            {findings.into_iter().map(|f| {
                let severity = f.severity;
                view! {
                    <li class=format!("finding-line {}", f.severity.label_en())>
                        <span class="severity">{move || match lang.get() { Lang::Zh => severity.label_zh(), Lang::En => severity.label_en() }}</span>
                        " "<code>{f.rule.id()}</code>" "
                        <span class="message">{move || lang.get().say(&f.message).to_owned()}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

enum Export {
    Csv,
    Html,
}

/// The table as the user sees it (filtered and sorted), as a CSV or a printable page.
fn export(supervisor: Supervisor, kind: Export) {
    let english = supervisor.lang.get_untracked() == Lang::En;
    let order: Vec<u32> = supervisor
        .visible_rows()
        .into_iter()
        .map(|r| r.id)
        .collect();
    let rows: Vec<core_batch::BatchRow> = order
        .iter()
        .filter_map(|id| supervisor.entry(*id).map(|e| e.row))
        .collect();
    let now = date_time(js_sys::Date::now() as i64);
    let stem = format!("年报批量检查-{}", now.replace([' ', ':'], "-"));
    let result = match kind {
        Export::Csv => files::download(
            &format!("{stem}.csv"),
            "text/csv;charset=utf-8",
            &core_batch::to_csv(&rows, english),
        ),
        Export::Html => files::download(
            &format!("{stem}.html"),
            "text/html;charset=utf-8",
            &core_batch::to_html(&rows, english, &now),
        ),
    };
    if let Err(why) = result {
        supervisor.notices.say(Notice::new(
            format!("未能导出：{why}"),
            format!("Could not export: {why}"),
        ));
    }
}
