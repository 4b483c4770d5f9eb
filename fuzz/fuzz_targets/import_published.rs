//! Importing a published copy must never panic, whatever the text; and whatever it imports must
//! go through the rest of the core as a typed report does: the rules, the printable HTML, and
//! JSON out and back to the same report.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_report::export::html::render;
use nianbao_report::export::json::{from_json, to_json};
use nianbao_report::import::import_published;
use nianbao_report::rules::{check, Stage};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = import_published(&text) else {
        return;
    };
    let report = imported.report;
    check(&report, Stage::Draft);
    check(&report, Stage::Publish);
    render(&report);
    let written = to_json(&report);
    match from_json(&written) {
        Ok(again) => assert_eq!(
            again, report,
            "to_json → from_json changed the imported report"
        ),
        Err(e) => panic!("from_json refuses what to_json wrote for an import: {e}\n{written}"),
    }
});
