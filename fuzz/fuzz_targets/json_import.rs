//! Reading a JSON report must never panic, whatever the bytes; and whatever it accepts, it
//! must write back and read again to the same report.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_report::export::json::{from_json, to_json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(report) = from_json(&text) {
        let written = to_json(&report);
        match from_json(&written) {
            Ok(again) => assert_eq!(again, report, "to_json → from_json changed the report"),
            Err(e) => panic!("from_json refuses what to_json wrote: {e}\n{written}"),
        }
    }
});
