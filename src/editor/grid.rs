//! A statistical table as an editable grid, laid out exactly like the official table (the
//! core's `layout`), with the keyboard of a spreadsheet and paste of blocks from Excel or WPS.

use std::collections::HashMap;

use crate::app_state::Notice;
use leptos::prelude::*;
use nianbao_report::clipboard;
use nianbao_report::editing::grid::{self, CellLook, CellMarks};
use nianbao_report::layout;
use nianbao_report::model::CellValue;
use nianbao_report::{totals, Place, SectionId, Severity};
use wasm_bindgen::JsCast;

use super::publish::CopyTableButton;
use super::{dom_id, focus_place};
use crate::i18n;
use crate::store::{use_store, Store};

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
    PRESSES_GO_TO_INPUTS.call_once(|| {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(press_in_cell);
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("mousedown", listener.as_ref().unchecked_ref());
        }
        // Heard for as long as the page lives, as the grids come and go with the drafts opened.
        listener.forget();
    });
    let cells = GridCells::new(value_rows);
    let markup = grid::markup(&layout, &mut |place| cells.follow(place));
    view! {
        <div class="grid-tools">
            <CopyTableButton table />
            <button class="fill-zeros" on:click=fill_zeros>{i18n::tr(lang, i18n::FILL_ZEROS)}</button>
        </div>
        <div class="grid-scroll">
            // Inherited by every cell: numbers are not spell-checked.
            // The cells' events are heard here, once for the table, rather than six listeners on
            // each of its up to 180 cells: fewer closures to make when the editor opens.
            <table class=format!("grid grid-{}", nianbao_report::format::section(table).key)
                role="grid" aria-label=heading spellcheck="false"
                on:input=move |ev| cells.on_input(&ev)
                on:compositionend=move |ev| cells.on_input(&ev)
                on:keydown=move |ev| cells.on_keydown(&ev)
                on:focusin=move |ev| cells.on_focus(&ev)
                on:focusout=move |ev| cells.on_blur(&ev)
                on:paste=move |ev| cells.on_paste(&ev)
                inner_html=markup>
            </table>
        </div>
    }
    .into_any()
}

/// One listener for the page (not one per table: an `on:` attribute of its own was 0.75 KB of
/// the editor's part) for [`press_in_cell`].
static PRESSES_GO_TO_INPUTS: std::sync::Once = std::sync::Once::new();

/// A press in a grid's cell beside its input (the margin of a row that a two-line label makes
/// taller than the input) goes to the input, as in a spreadsheet a press anywhere in a cell
/// selects it.
fn press_in_cell(ev: web_sys::Event) {
    let Some(cell) = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .filter(|element| element.matches(".grid td.value").unwrap_or(false))
    else {
        return;
    };
    if let Some(input) = cell
        .first_element_child()
        .and_then(|child| child.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = input.focus();
    }
}

/// A value cell's place, and the text typed into it that is not a value (shown, marked, never
/// written to the report).
type CellState = (Place, RwSignal<Option<Notice>>);

/// The value cells of one grid, by their element's id: what the table's listeners need to act
/// for the cell an event came from.
#[derive(Clone, Copy)]
struct GridCells {
    store: Store,
    notices: crate::app_state::Notices,
    value_rows: StoredValue<Vec<Vec<Place>>>,
    by_id: StoredValue<HashMap<String, CellState>>,
    /// What the focused cell held when it got the focus: Escape goes back to it.
    value_at_focus: StoredValue<Option<CellValue>>,
}

impl GridCells {
    fn new(value_rows: StoredValue<Vec<Vec<Place>>>) -> GridCells {
        GridCells {
            store: use_store(),
            notices: crate::app_state::use_notices(),
            value_rows,
            by_id: StoredValue::new(HashMap::new()),
            value_at_focus: StoredValue::new(None),
        }
    }

    /// Registers the cell at `place` with the table and keeps its input looking as the store
    /// and the cell's refused text say; its look now, for the grid's markup. The input is
    /// written to only where its look changed: two effects per cell, rather than a view with an
    /// effect per attribute.
    fn follow(&self, place: &Place) -> CellLook {
        let refused = RwSignal::new(None);
        let id = dom_id(place);
        self.by_id.update_value(|by_id| {
            by_id.insert(id.clone(), (place.clone(), refused));
        });
        let store = self.store;
        let lang = crate::app_state::use_lang();
        let is_total = totals::is_total(place);
        // The cell's own signals: a keystroke elsewhere does not wake this cell.
        let shown = store.shown(place);
        // Two effects: the text, which every keystroke in the cell changes, and the marks,
        // which change with the findings; a keystroke does not recompute the cell's tooltip.
        let text = shown.text.clone();
        let marks = move || {
            let refused = refused.get();
            let (severity, title) = shown.finding.with(|finding| match (&refused, finding) {
                (Some(message), _) => (
                    Some(Severity::Error),
                    Some(lang.get().say(message).to_owned()),
                ),
                (None, Some((severity, message))) => {
                    (Some(*severity), Some(lang.get().say(message).to_owned()))
                }
                (None, None) => (None, None),
            });
            CellMarks {
                severity,
                computed: is_total && store.auto_total.get(),
                title,
            }
        };
        let now = CellLook {
            text: text.get_untracked(),
            marks: untrack(&marks),
        };
        let mut drawn_text = now.text.clone();
        follow_input(
            &id,
            move || text.get(),
            move |input, text| {
                if text != drawn_text {
                    input.set_value(&text);
                    drawn_text = text;
                }
            },
        );
        let mut drawn_marks = now.marks.clone();
        follow_input(&id, marks, move |input, marks| {
            repaint(input, &drawn_marks, &marks);
            drawn_marks = marks;
        });
        now
    }

    /// The cell an event came from, and its input element.
    fn target(
        &self,
        ev: &web_sys::Event,
    ) -> Option<(Place, RwSignal<Option<Notice>>, web_sys::HtmlInputElement)> {
        let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
        let (place, refused) = self
            .by_id
            .try_with_value(|by_id| by_id.get(&input.id()).cloned())??;
        Some((place, refused, input))
    }

    fn on_input(&self, ev: &web_sys::Event) {
        if super::is_composing(ev) {
            return;
        }
        let Some((target, refused, input)) = self.target(ev) else {
            return;
        };
        match grid::parse_cell(&target, &input.value()) {
            Ok(value) => {
                if refused.with_untracked(Option::is_some) {
                    refused.set(None);
                }
                self.store.edit(Some(target.id()), move |r| {
                    r.set_cell(&target, value);
                });
            }
            Err(error) => {
                let name = grid::cell_name(&target);
                refused.set(Some(Notice::new(
                    format!("{name}：{}", error.message.zh),
                    format!("{name}: {}", error.message.en),
                )));
            }
        }
    }

    /// Shows the cell's value again in place of refused text.
    fn revert(
        &self,
        place: &Place,
        refused: RwSignal<Option<Notice>>,
        input: &web_sys::HtmlInputElement,
    ) {
        refused.set(None);
        let text = self.store.shown(place).text.get_untracked();
        input.set_value(&text);
    }

    fn on_keydown(&self, ev: &web_sys::KeyboardEvent) {
        // Keys that compose Chinese text belong to the input method, not to the grid.
        if ev.is_composing() || ev.key_code() == 229 {
            return;
        }
        let Some((place, refused, input)) = self.target(ev) else {
            return;
        };
        let key = ev.key();
        if key == "Escape" {
            if let Some(before) = self.value_at_focus.get_value() {
                let target = place.clone();
                self.store.edit(Some(target.id()), move |r| {
                    r.set_cell(&target, before);
                });
            }
            self.revert(&place, refused, &input);
            input.select();
            ev.prevent_default();
            return;
        }
        let next = self.value_rows.with_value(|rows| {
            grid::move_focus(
                &key,
                ev.shift_key(),
                ev.ctrl_key() || ev.meta_key(),
                rows,
                &place,
            )
        });
        if let Some(next) = next {
            ev.prevent_default();
            focus_place(&next);
        } else if key == "Enter" {
            ev.prevent_default();
        }
    }

    fn on_focus(&self, ev: &web_sys::FocusEvent) {
        let Some((place, _, input)) = self.target(ev) else {
            return;
        };
        self.value_at_focus
            .set_value(self.store.report.with_untracked(|r| r.cell(&place)));
        // Typing replaces the value, as in a spreadsheet.
        input.select();
    }

    fn on_blur(&self, ev: &web_sys::FocusEvent) {
        // The browser also blurs a focused cell when the editor is taken off the page (the
        // drafts list opened while typing): by then the grid's values are gone, and `target`
        // finds nothing.
        let Some((place, refused, input)) = self.target(ev) else {
            return;
        };
        self.store.close_step();
        if refused.try_get_untracked().flatten().is_some() {
            self.revert(&place, refused, &input);
        }
    }

    fn on_paste(&self, ev: &web_sys::ClipboardEvent) {
        let Some((place, _, _)) = self.target(ev) else {
            return;
        };
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
        paste_block(self.store, self.notices, &block, &place, self.value_rows);
    }
}

/// Writes what `read` says into the input with the DOM id `id` now and whenever what `read`
/// reads changes, once the input is on the page.
fn follow_input<T: 'static>(
    id: &str,
    read: impl Fn() -> T + 'static,
    mut write: impl FnMut(&web_sys::HtmlInputElement, T) + 'static,
) {
    let id = id.to_owned();
    Effect::new(move |input: Option<Option<web_sys::HtmlInputElement>>| {
        // Read first, found or not: an effect that read nothing would never run again.
        let value = read();
        let input = input.flatten().or_else(|| {
            web_sys::window()?
                .document()?
                .get_element_by_id(&id)?
                .dyn_into()
                .ok()
        });
        if let Some(input) = &input {
            write(input, value);
        }
        input
    });
}

/// Changes what differs between the marks the input has (`before`) and those it should have.
fn repaint(input: &web_sys::HtmlInputElement, before: &CellMarks, now: &CellMarks) {
    if (before.severity, before.computed) != (now.severity, now.computed) {
        input.set_class_name(&now.class());
    }
    if before.is_invalid() != now.is_invalid() {
        set_or_remove(input, "aria-invalid", now.is_invalid().then_some("true"));
    }
    if before.computed != now.computed {
        input.set_read_only(now.computed);
    }
    if before.title != now.title {
        set_or_remove(input, "title", now.title.as_deref());
    }
}

fn set_or_remove(input: &web_sys::HtmlInputElement, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => input.set_attribute(name, value),
        None => input.remove_attribute(name),
    };
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
