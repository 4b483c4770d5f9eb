//! The main screen: the report header, the six sections with their tables, and the findings.

pub mod figure;
pub mod findings;
pub mod grid;
pub mod header;
pub mod publish;
pub mod section;

use nianbao_report::Place;
use wasm_bindgen::JsCast;

pub use nianbao_report::editing::grid::dom_id;

/// The element editing `place`, if it is on the page.
pub fn element_of(place: &Place) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&dom_id(place))
}

/// Moves the keyboard focus to the element editing `place`, if it is on the page.
pub fn focus_place(place: &Place) -> bool {
    let Some(element) = element_of(place).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    element.scroll_into_view_with_bool(false);
    element.focus().is_ok()
}

/// Whether an input event belongs to an unfinished input-method composition.
pub fn is_composing(ev: &web_sys::Event) -> bool {
    ev.dyn_ref::<web_sys::InputEvent>()
        .is_some_and(web_sys::InputEvent::is_composing)
}
