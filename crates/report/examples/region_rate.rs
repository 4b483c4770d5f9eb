//! The 公开率 of a region by year, as the core computes it: the reports given, grouped by year,
//! summed into the region's summary report (summary::sum_reports) and the indicator
//! `disclosure-rate` taken of it. tests/warehouse/duckdb_check.py compares it with the same
//! figure computed by DuckDB from `nianbao export --long`'s Parquet.
//!
//! ```sh
//! cargo run -p nianbao-report --example region_rate -- [--agency-prefix 莆田市] FILE…
//! ```
//!
//! With `--agency-prefix`, the region is the reports whose agency's name starts with it.
//!
//! Prints a JSON array, a year per element: `{"year", "units", "part", "whole", "text",
//! "missing"}`, with `part` and `whole` null (and `missing` saying why) when the figure is
//! missing (a blank cell, or nothing to take a share of). Files are read as the batch check reads
//! them (batch::check_file, after decoding GBK); a file that cannot be read is an error.

use nianbao_report::batch::check_file;
use nianbao_report::import::file::{decode_legacy, needs_decoding};
use nianbao_report::indicators::{indicator, Figure, Missing};
use nianbao_report::summary::sum_reports;
use nianbao_report::{AgencyKind, Report};
use std::collections::BTreeMap;
use std::process::ExitCode;

const INDICATOR: &str = "disclosure-rate";

fn main() -> ExitCode {
    let Some(rate) = indicator(INDICATOR) else {
        eprintln!("region_rate: no indicator {INDICATOR}");
        return ExitCode::FAILURE;
    };
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let prefix = match args.iter().position(|a| a == "--agency-prefix") {
        Some(at) if at + 1 < args.len() => {
            let prefix = args.remove(at + 1);
            args.remove(at);
            prefix
        }
        Some(_) => {
            eprintln!("region_rate: --agency-prefix needs a value");
            return ExitCode::FAILURE;
        }
        None => String::new(),
    };
    let mut by_year: BTreeMap<i32, Vec<Report>> = BTreeMap::new();
    for path in args {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let bytes = if needs_decoding(&bytes) {
            decode_legacy(&bytes).map_or(bytes, String::into_bytes)
        } else {
            bytes
        };
        match check_file(&path, &bytes).outcome {
            Ok(checked) if checked.report.meta.agency.starts_with(&prefix) => by_year
                .entry(checked.report.meta.year)
                .or_default()
                .push(checked.report),
            Ok(_) => {}
            Err(problem) => {
                eprintln!("{path}: {}", problem.en);
                return ExitCode::FAILURE;
            }
        }
    }
    let years: Vec<serde_json::Value> = by_year
        .iter()
        .map(|(&year, units)| {
            let units: Vec<&Report> = units.iter().collect();
            // The region's own summary report: every cell the sum of the units' cells.
            let summary = sum_reports(&units, "", AgencyKind::CountyGov, year);
            let figure = rate.of(&summary.report);
            let (part, whole, missing) = match figure {
                Figure::Share { part, whole } => (Some(part), Some(whole), None),
                Figure::Missing(Missing::Blank) => (None, None, Some("blank")),
                Figure::Missing(Missing::ZeroWhole) => (None, None, Some("zero_whole")),
                _ => (None, None, Some("other")),
            };
            serde_json::json!({
                "year": year,
                "units": units.len(),
                "part": part,
                "whole": whole,
                "text": figure.text(),
                "missing": missing,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&years).unwrap_or_default()
    );
    ExitCode::SUCCESS
}
