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
    RESIZES_PLACE_INPUTS.call_once(|| {
        let resize = wasm_bindgen::closure::Closure::<dyn Fn()>::new(place_inputs_again);
        if let Some(window) = web_sys::window() {
            let _ =
                window.add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
        }
        // Heard for as long as the page lives, as the grids come and go with the drafts opened.
        resize.forget();
    });
    let cells = GridCells::new(value_rows);
    let markup = grid::markup(&layout, &mut |place| cells.follow(place));
    view! {
        <div class="grid-tools">
            <CopyTableButton table />
            <button class="fill-zeros" on:click=fill_zeros>{i18n::tr(lang, i18n::FILL_ZEROS)}</button>
        </div>
        // The cells' events are heard here, once for the table and its input, rather than six
        // listeners on each of its up to 180 cells: fewer closures to make when the editor
        // opens. Inherited by every cell and the input: numbers are not spell-checked.
        <div class="grid-scroll" spellcheck="false"
            on:input=move |ev| cells.on_input(&ev)
            on:compositionend=move |ev| cells.on_input(&ev)
            on:keydown=move |ev| cells.on_keydown(&ev)
            on:focusin=move |ev| cells.on_focus(&ev)
            on:focusout=move |ev| cells.on_blur(&ev)
            on:paste=move |ev| cells.on_paste(&ev)
            on:mousedown=move |ev| cells.on_press(&ev)>
            <table class=format!("grid grid-{}", nianbao_report::format::section(table).key)
                role="grid" aria-label=heading inner_html=markup>
            </table>
        </div>
    }
    .into_any()
}

/// One listener for the page (not one per table) for [`place_inputs_again`].
static RESIZES_PLACE_INPUTS: std::sync::Once = std::sync::Once::new();

/// A value cell's place, and the text typed into it that is not a value (shown, marked, never
/// written to the report).
type CellState = (Place, RwSignal<Option<Notice>>);

/// The value cells of one grid, by their element's id: what the table's listeners need to act
/// for the cell an event came from.
///
/// Each value cell is a text box of text (the core's markup); the grid's one `<input>` is laid
/// over the cell being edited and takes the cell's id while it is there, so that the cell's id
/// always names what the user sees and types into.
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
        follow_text_box(
            &id,
            move || text.get(),
            move |text_box, input, text| {
                if text != drawn_text {
                    set_text(text_box, &text);
                    if let Some(input) = input {
                        input.set_value(&text);
                    }
                    drawn_text = text;
                }
            },
        );
        let mut drawn_marks = now.marks.clone();
        follow_text_box(&id, marks, move |text_box, input, marks| {
            repaint(text_box, &drawn_marks, &marks);
            if let Some(input) = input {
                repaint(&input, &drawn_marks, &marks);
            }
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
            // Straight to the next cell's text box: the grid's input goes there without the
            // text box taking the focus first.
            match super::element_of(&next).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(text_box) if text_box.tag_name() == "SPAN" => {
                    text_box.scroll_into_view_with_bool(false);
                    self.edit(&text_box, Focus::Now);
                }
                _ => {
                    focus_place(&next);
                }
            }
        } else if key == "Enter" {
            ev.prevent_default();
        }
    }

    fn on_focus(&self, ev: &web_sys::FocusEvent) {
        let Some((place, _, input)) = self.target(ev) else {
            // A cell's text box, reached by Tab, a press or a finding's link: edit it.
            if let Some(text_box) = ev
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
                .filter(|element| element.class_list().contains("cell"))
            {
                self.edit(&text_box, Focus::AfterThisEvent);
            }
            return;
        };
        self.enter(&place, &input);
    }

    /// What a cell does when it is entered: Escape goes back to what it holds now, and typing
    /// replaces it, as in a spreadsheet.
    fn enter(&self, place: &Place, input: &web_sys::HtmlInputElement) {
        self.value_at_focus
            .set_value(self.store.report.with_untracked(|r| r.cell(place)));
        input.select();
    }

    fn on_blur(&self, ev: &web_sys::FocusEvent) {
        // The browser also blurs a focused cell when the editor is taken off the page (the
        // drafts list opened while typing): by then the grid's values are gone, and `target`
        // finds nothing.
        let Some((place, refused, input)) = self.target(ev) else {
            return;
        };
        self.leave(&place, refused, &input);
    }

    /// What a cell does when it is left: its step of the history closes, and text it refused
    /// gives way to its value.
    fn leave(
        &self,
        place: &Place,
        refused: RwSignal<Option<Notice>>,
        input: &web_sys::HtmlInputElement,
    ) {
        self.store.close_step();
        if refused.try_get_untracked().flatten().is_some() {
            self.revert(place, refused, input);
        }
    }

    /// The place and refused text of the cell with the DOM id `id`.
    fn cell(&self, id: &str) -> Option<CellState> {
        self.by_id
            .try_with_value(|by_id| by_id.get(id).cloned())
            .flatten()
    }

    /// Lays the grid's input over a value cell (its text box) and edits the cell there: the
    /// input takes the cell's id, its look and its text, and the cell left shows its text
    /// again. The input stays on the page and, moved by a key, keeps the focus: a move is a
    /// change of its place and its text, with no focus leaving or arriving.
    fn edit(&self, text_box: &web_sys::HtmlElement, focus: Focus) {
        let Some(scroll) = text_box.closest(".grid-scroll").ok().flatten() else {
            return;
        };
        let input = match grid_input(text_box) {
            Some(input) => input,
            None => {
                let Some(input) = new_cell_input() else {
                    return;
                };
                let _ = scroll.append_with_node_1(&input);
                input
            }
        };
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|active| active == **input);
        if let Some(before) = scroll.query_selector(EDITED_BOX).ok().flatten() {
            if focused {
                if let Some((place, refused)) = self.cell(&input.id()) {
                    self.leave(&place, refused, &input);
                }
            }
            before.set_id(&input.id());
            let _ = before.remove_attribute(EDITED);
        }
        let id = text_box.id();
        input.set_id(&id);
        let _ = text_box.remove_attribute("id");
        let _ = text_box.set_attribute(EDITED, "");
        for name in ["class", "aria-label", "aria-invalid", "title"] {
            set_or_remove(&input, name, text_box.get_attribute(name).as_deref());
        }
        input.set_read_only(text_box.has_attribute("aria-readonly"));
        input.set_value(&text_box.text_content().unwrap_or_default());
        place_over(&input, text_box);
        if focused {
            if let Some((place, _)) = self.cell(&id) {
                self.enter(&place, &input);
            }
            return;
        }
        match focus {
            Focus::Now => {
                let _ = input.focus();
            }
            // Not from inside the focus event that asked for it: the grid's listener would be
            // called again before it returns. A microtask: nothing is drawn in between.
            Focus::AfterThisEvent => wasm_bindgen_futures::spawn_local(async move {
                let _ = input.focus();
            }),
        }
    }

    /// A press anywhere in a value cell (on its text, or in the margin of a row that a
    /// two-line label makes taller) edits that cell, as in a spreadsheet: the grid's input goes
    /// there before the focus would leave it.
    fn on_press(&self, ev: &web_sys::MouseEvent) {
        let Some(target) = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.dyn_ref::<web_sys::HtmlInputElement>().is_some() {
            return;
        }
        let text_box = target
            .closest(".grid td.value")
            .ok()
            .flatten()
            .and_then(|cell| cell.query_selector(".cell").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(text_box) = text_box else {
            return;
        };
        ev.prevent_default();
        match grid_input(&text_box).filter(|_| text_box.has_attribute(EDITED)) {
            Some(input) => {
                let _ = input.focus();
            }
            None => self.edit(&text_box, Focus::Now),
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

/// The attribute of the text box the grid's input stands over, and its selector.
const EDITED: &str = "data-edited";
const EDITED_BOX: &str = "[data-edited]";

/// The grid's input of the grid a cell's text box is in, if it has one yet.
fn grid_input(text_box: &web_sys::Element) -> Option<web_sys::HtmlInputElement> {
    text_box
        .closest(".grid-scroll")
        .ok()??
        .query_selector(":scope > input")
        .ok()??
        .dyn_into()
        .ok()
}

/// Lays the grid's input over the cell of the text box it stands for: the input stays on the
/// page and keeps the focus from cell to cell; only its place changes.
fn place_over(input: &web_sys::HtmlElement, text_box: &web_sys::Element) {
    let (Some(cell), Some(scroll)) = (text_box.parent_element(), input.parent_element()) else {
        return;
    };
    let (at, from) = (
        cell.get_bounding_client_rect(),
        scroll.get_bounding_client_rect(),
    );
    let style = input.style();
    // Whole pixels: formatting a float would bring ~10 KB of code into the editor's part.
    let px = |value: f64| format!("{}px", value.round() as i32);
    let _ = style.set_property(
        "top",
        &px(at.top() - from.top() + f64::from(scroll.scroll_top())),
    );
    let _ = style.set_property(
        "left",
        &px(at.left() - from.left() + f64::from(scroll.scroll_left())),
    );
    let _ = style.set_property("width", &px(at.width()));
    let _ = style.set_property("height", &px(at.height()));
}

/// Lays each grid's input over its cell again: the window's width moves the columns.
fn place_inputs_again() {
    let Some(inputs) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".grid-scroll > input").ok())
    else {
        return;
    };
    for i in 0..inputs.length() {
        let Some(input) = inputs
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let edited = input
            .parent_element()
            .and_then(|scroll| scroll.query_selector(EDITED_BOX).ok().flatten());
        if let Some(text_box) = edited {
            place_over(&input, &text_box);
        }
    }
}

/// Writes a cell's text into its text box: into the text it has, where it has some, which
/// changes that text alone rather than the box's children.
fn set_text(text_box: &web_sys::Element, text: &str) {
    match text_box.first_child() {
        Some(node) if node.node_type() == web_sys::Node::TEXT_NODE => {
            node.set_node_value(Some(text));
        }
        _ => text_box.set_text_content(Some(text)),
    }
}

/// When the grid's input, laid over a cell, takes the focus if it has not got it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// At once: asked for by a key.
    Now,
    /// Once the focus event that asked for it is done: the cell's text box took the focus.
    AfterThisEvent,
}

/// The grid's input, made once per grid and moved from cell to cell.
fn new_cell_input() -> Option<web_sys::HtmlInputElement> {
    let input: web_sys::HtmlInputElement = web_sys::window()?
        .document()?
        .create_element("input")
        .ok()?
        .dyn_into()
        .ok()?;
    let _ = input.set_attribute("inputmode", "numeric");
    let _ = input.set_attribute("autocomplete", "off");
    Some(input)
}

/// Writes what `read` says into the cell's text box (the `<span>` with the DOM id `id`), and
/// into the grid's input while it stands in the cell, now and whenever what `read` reads
/// changes, once the text box is on the page.
fn follow_text_box<T: 'static>(
    id: &str,
    read: impl Fn() -> T + 'static,
    mut write: impl FnMut(&web_sys::Element, Option<web_sys::HtmlInputElement>, T) + 'static,
) {
    let id = id.to_owned();
    Effect::new(move |text_box: Option<Option<web_sys::Element>>| {
        // Read first, found or not: an effect that read nothing would never run again.
        let value = read();
        // While the cell is edited its id is the grid input's, laid over the text box.
        let by_id = || web_sys::window()?.document()?.get_element_by_id(&id);
        let text_box = text_box.flatten().or_else(|| {
            let element = by_id()?;
            match element.tag_name().as_str() {
                "INPUT" => element.parent_element()?.query_selector(EDITED_BOX).ok()?,
                _ => Some(element),
            }
        });
        if let Some(text_box) = &text_box {
            write(text_box, by_id().and_then(|e| e.dyn_into().ok()), value);
        }
        text_box
    });
}

/// Changes what differs between the marks a cell's text box or the grid's input in its place
/// has (`before`) and those it should have.
fn repaint(element: &web_sys::Element, before: &CellMarks, now: &CellMarks) {
    if (before.severity, before.computed) != (now.severity, now.computed) {
        element.set_class_name(&now.class());
    }
    if before.is_invalid() != now.is_invalid() {
        set_or_remove(element, "aria-invalid", now.is_invalid().then_some("true"));
    }
    if before.computed != now.computed {
        match element.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => input.set_read_only(now.computed),
            None => set_or_remove(element, "aria-readonly", now.computed.then_some("true")),
        }
    }
    if before.title != now.title {
        set_or_remove(element, "title", now.title.as_deref());
    }
}

fn set_or_remove(element: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
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
