//! Editing a report, as plain types the browser binds to its keys and inputs: the undo
//! history ([`undo`]) and the grid's keyboard and paste ([`grid`]). Nothing here knows the DOM;
//! the app's components only call these and paint what they return.

pub mod grid;
pub mod undo;
