//! A statistical table as an editable grid, laid out exactly like the official table (the
//! core's `layout`), with the keyboard of a spreadsheet and paste of blocks from Excel or WPS.

use crate::app_state::Notice;
use leptos::ev;
use leptos::prelude::*;
use nianbao_report::clipboard;
use nianbao_report::editing::grid;
use nianbao_report::layout::{self, CellContent, LayoutCell, TableLayout};
use nianbao_report::model::CellValue;
use nianbao_report::{totals, Place, SectionId, Severity};
use wasm_bindgen::JsCast;

use super::publish::CopyTableButton;
use super::{dom_id, focus_place};
use crate::i18n;
use crate::store::use_store;

/// Table 二, 三 or 四 as a grid.
#[component]
pub fn TableGrid(table: SectionId) -> impl IntoView {
    let store = use_store();
    let Some(layout) = layout::table_layout(table) else {
        return ().into_any();
    };
    let value_rows = StoredValue::new(layout.value_rows());
    let heading = nianbao_report::format::section(table).heading;
    let fill_zeros = move |_| {
        store.edit(None, |report| {
            value_rows.with_value(|rows| {
                for place in rows.iter().flatten() {
                    if report.cell(place).is_some_and(|v| v.is_blank()) {
                        report.set_cell(place, grid::zero(place));
                    }
                }
            })
        })
    };
    let lang = crate::app_state::use_lang();
    view! {
        <div class="grid-tools">
            <CopyTableButton table />
            <button class="fill-zeros" on:click=fill_zeros>{i18n::tr(lang, i18n::FILL_ZEROS)}</button>
        </div>
        <div class="grid-scroll">
            // Inherited by every cell: numbers are not spell-checked.
            <table class=format!("grid grid-{}", nianbao_report::format::section(table).key)
                role="grid" aria-label=heading spellcheck="false">
                <colgroup>
                    {layout.columns.iter().flat_map(|(class, n)| (0..*n).map(move |_| view! { <col class=*class /> })).collect_view()}
                </colgroup>
                {render_groups(&layout, value_rows)}
            </table>
        </div>
    }
    .into_any()
}

fn render_groups(layout: &TableLayout, value_rows: StoredValue<Vec<Vec<Place>>>) -> impl IntoView {
    layout
        .groups
        .iter()
        .map(|group| {
            let rows = group
                .rows
                .iter()
                .map(|row| {
                    let cells = row
                        .iter()
                        .map(|cell| render_cell(cell, value_rows))
                        .collect_view();
                    view! { <tr role="row">{cells}</tr> }
                })
                .collect_view();
            if group.is_head {
                view! { <thead>{rows}</thead> }.into_any()
            } else {
                view! { <tbody>{rows}</tbody> }.into_any()
            }
        })
        .collect_view()
}

fn render_cell(cell: &LayoutCell, value_rows: StoredValue<Vec<Vec<Place>>>) -> AnyView {
    let (rowspan, colspan) = (cell.rows, cell.cols);
    match &cell.content {
        CellContent::Header(text) => view! {
            <th role="columnheader" class=cell.class rowspan=rowspan colspan=colspan>{*text}</th>
        }
        .into_any(),
        CellContent::RowLabel(text) => view! {
            <th role="rowheader" class=format!("row-label {}", cell.class) rowspan=rowspan colspan=colspan>{*text}</th>
        }
        .into_any(),
        CellContent::Value(place) => view! {
            <td role="gridcell" class="value" rowspan=(rowspan > 1).then_some(rowspan) colspan=(colspan > 1).then_some(colspan)>
                <ValueCell place=place.clone() value_rows />
            </td>
        }
        .into_any(),
    }
}

#[component]
fn ValueCell(place: Place, value_rows: StoredValue<Vec<Vec<Place>>>) -> impl IntoView {
    let store = use_store();
    let notices = crate::app_state::use_notices();
    let lang = crate::app_state::use_lang();
    let id = dom_id(&place);
    let is_total = totals::is_total(&place);
    let place = StoredValue::new(place);
    // What the cell held when it got the focus: Escape goes back to it.
    let value_at_focus = StoredValue::new(None::<CellValue>);
    // Text typed that is not a value: shown, marked, never written to the report.
    let (refused, set_refused) = signal(None::<Notice>);

    // The cell's own signals: a keystroke elsewhere does not wake this cell.
    let shown = place.with_value(|p| store.shown(p));
    let model_text = RwSignal::from(shown.text);
    let finding = RwSignal::from(shown.finding);
    let read_only = move || is_total && store.auto_total.get();
    let severity_class = Memo::new(move |_| {
        match (
            refused.get().is_some(),
            finding.with(|f| f.as_ref().map(|f| f.0)),
        ) {
            (true, _) | (_, Some(Severity::Error)) => "cell-error",
            (_, Some(Severity::Warning)) => "cell-warning",
            (_, Some(Severity::Info)) => "cell-info",
            _ => "",
        }
    });
    // Attributes that most cells do not need are left off rather than written empty: at the
    // editor's ~250 cells, each attribute is ~250 calls into the page at every opening.
    let title = move || {
        let lang = lang.get();
        if let Some(message) = refused.get() {
            return Some(lang.say(&message).to_owned());
        }
        finding.with(|f| f.as_ref().map(|(_, message)| lang.say(message).to_owned()))
    };

    let on_input = move |ev: ev::Event| {
        if super::is_composing(&ev) {
            return;
        }
        let text = event_target_value(&ev);
        let target = place.get_value();
        match grid::parse_cell(&target, &text) {
            Ok(value) => {
                set_refused.set(None);
                store.edit(Some(target.id()), move |r| {
                    r.set_cell(&target, value);
                });
            }
            Err(error) => {
                let name = grid::cell_name(&target);
                set_refused.set(Some(Notice::new(
                    format!("{name}：{}", error.message.zh),
                    format!("{name}: {}", error.message.en),
                )));
            }
        }
    };
    let revert_input = move |input: &web_sys::HtmlInputElement| {
        set_refused.set(None);
        input.set_value(&model_text.get_untracked());
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        // Keys that compose Chinese text belong to the input method, not to the grid.
        if ev.is_composing() || ev.key_code() == 229 {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            let target = place.get_value();
            if let Some(before) = value_at_focus.get_value() {
                store.edit(Some(target.id()), move |r| {
                    r.set_cell(&target, before);
                });
            }
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                revert_input(&input);
                input.select();
            }
            ev.prevent_default();
            return;
        }
        let next = value_rows.with_value(|rows| {
            place.with_value(|p| {
                grid::move_focus(
                    &key,
                    ev.shift_key(),
                    ev.ctrl_key() || ev.meta_key(),
                    rows,
                    p,
                )
            })
        });
        if let Some(next) = next {
            ev.prevent_default();
            focus_place(&next);
        } else if key == "Enter" {
            ev.prevent_default();
        }
    };
    let on_focus = move |ev: ev::FocusEvent| {
        value_at_focus.set_value(
            store
                .report
                .with_untracked(|r| place.with_value(|p| r.cell(p))),
        );
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            // Typing replaces the value, as in a spreadsheet.
            input.select();
        }
    };
    let on_blur = move |ev: ev::FocusEvent| {
        store.close_step();
        // The browser also blurs a focused cell when the editor is taken off the page (the
        // drafts list opened while typing): by then the cell's signals are gone, and reading
        // them would panic and stop the app.
        if refused.try_get_untracked().flatten().is_some() {
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                revert_input(&input);
            }
        }
    };
    let on_paste = move |ev: ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let plain = data.get_data("text/plain").unwrap_or_default();
        let html = data.get_data("text/html").ok().filter(|h| !h.is_empty());
        let block = clipboard::parse_block(&plain, html.as_deref());
        // One value into one cell: let the input take it as typing.
        if grid::is_one_value(&block) {
            return;
        }
        ev.prevent_default();
        paste_block(store, notices, &block, &place.get_value(), value_rows);
    };

    view! {
        <input
            id=id
            class=move || format!("cell {}", severity_class.get())
            class:computed=read_only
            inputmode="numeric"
            autocomplete="off"
            aria-label=grid::spoken_cell_name(&place.get_value())
            aria-invalid=move || (severity_class.get() == "cell-error").then_some("true")
            readonly=read_only
            title=title
            prop:value=model_text
            on:input=on_input
            on:compositionend=move |ev| on_input(ev.unchecked_into())
            on:keydown=on_keydown
            on:focus=on_focus
            on:blur=on_blur
            on:paste=on_paste
        />
    }
}

/// Pastes a block anchored at `anchor`, as one undoable step: the core's plan says what lands
/// and what is refused; the refused cells are named in the notice.
fn paste_block(
    store: crate::store::Store,
    notices: crate::app_state::Notices,
    block: &[Vec<String>],
    anchor: &Place,
    value_rows: StoredValue<Vec<Vec<Place>>>,
) {
    let auto_total = store.auto_total.get_untracked();
    let plan = value_rows.with_value(|rows| grid::plan_paste(block, anchor, rows, auto_total));
    let message = plan.message();
    if !plan.accepted.is_empty() {
        store.edit(None, move |r| {
            for (place, value) in plan.accepted {
                r.set_cell(&place, value);
            }
        });
    }
    match message {
        Some(message) => notices.say(message),
        None => notices.clear(),
    }
}
