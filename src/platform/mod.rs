//! Side effects of the browser, one place each: storage, files in and out, the clipboard,
//! printing, the service worker, the top bar's height, and yielding to the browser during long
//! work.

pub mod clipboard;
pub mod files;
pub mod image;
pub mod layout;
pub mod print;
pub mod service_worker;
pub mod storage;
pub mod tick;
pub mod tools;
