//! Nianbao's core: the annual government information disclosure report (政府信息公开工作年度报告)
//! in the national format of 2021, as plain data and plain functions.
//!
//! No browser, no signals, no I/O but what a caller hands in: the app, the `nianbao` command and
//! the tests all stand on this crate.

pub mod agency;
pub mod batch;
pub mod batch_store;
pub mod clipboard;
pub mod compare;
pub mod date;
pub mod drafts;
pub mod editing;
pub mod export;
pub mod fee;
pub mod finding;
pub mod format;
pub mod html_tokens;
pub mod import;
pub mod indicators;
pub mod layout;
pub mod message;
pub mod model;
pub mod next_year;
pub mod page_chrome;
pub mod region;
pub mod rules;
mod small_sort;
pub mod summary;
pub mod totals;

pub use finding::{Basis, Finding, Severity};
pub use format::{AgencyKind, SectionId};
pub use message::Message;
pub use model::{Place, Report};
pub use rules::Rule;
