//! Side effects of the browser, one place each: the service worker (and, later, storage,
//! downloads and printing).

pub mod clipboard;
pub mod files;
pub mod print;
pub mod service_worker;
pub mod storage;
