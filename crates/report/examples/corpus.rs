//! How well T-numbers reads the corpus of real reports: recall and precision of the numbers the
//! text states about the tables, against the keys (tests/corpus/, KEYS.md), and of T-numbers'
//! findings against the mismatches the keys list. Prints a Markdown report:
//!
//! ```sh
//! cargo run -p nianbao-report --example corpus > docs/t-numbers.md
//! cargo run -p nianbao-report --example corpus -- --misses   # also every miss and false reading
//! ```
//!
//! Each report is imported as a user would import it, and its text read by the rules; a reading
//! counts as right when it is of the key's number (same digits, same words before them) and its
//! cells are among those the reading means.

#[path = "../tests/common/corpus.rs"]
mod corpus;

use corpus::{entries, same_number, Completeness};
use nianbao_report::import::import_published;
use nianbao_report::rules::stated_quantities;

#[derive(Default)]
struct Tally {
    reports: usize,
    statements: usize,
    read: usize,
    readings: usize,
    readings_right: usize,
    mismatches: usize,
    mismatches_found: usize,
    findings: usize,
    false_findings: usize,
}

fn main() {
    let show_misses = std::env::args().any(|a| a == "--misses");
    let mut total = Tally::default();
    let mut rows = Vec::new();
    let mut misses = Vec::new();
    for entry in entries() {
        let Ok(imported) = import_published(&entry.input) else {
            misses.push(format!("- {}: not imported", entry.slug));
            continue;
        };
        let report = &imported.report;
        let stated = stated_quantities(report);
        let key = &entry.key;
        let mut tally = Tally {
            reports: 1,
            statements: key.statements.len(),
            readings: stated.len(),
            ..Tally::default()
        };
        for statement in &key.statements {
            let read = stated.iter().any(|s| {
                same_number(s, statement) && s.readings.iter().any(|r| r.place() == statement.place)
            });
            if read {
                tally.read += 1;
            } else {
                misses.push(format!(
                    "- {}: not read: 「{}」 = {} ({})",
                    entry.slug, statement.quote, statement.value, statement.place
                ));
            }
        }
        for s in &stated {
            let right = key.statements.iter().any(|statement| {
                same_number(s, statement) && s.readings.iter().any(|r| r.place() == statement.place)
            });
            if right {
                tally.readings_right += 1;
            } else {
                misses.push(format!(
                    "- {}: read but not in the key: 「{}」 as {}",
                    entry.slug,
                    s.quote,
                    s.readings
                        .iter()
                        .map(|r| r.place())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ));
            }
        }
        let mismatches = key.mismatches();
        tally.mismatches = mismatches.len();
        let disagreeing: Vec<_> = stated
            .iter()
            .filter(|s| s.agrees(report) == Some(false))
            .collect();
        tally.findings = disagreeing.len();
        for m in &mismatches {
            if disagreeing.iter().any(|s| same_number(s, m)) {
                tally.mismatches_found += 1;
            } else {
                misses.push(format!(
                    "- {}: mismatch not found: 「{}」",
                    entry.slug, m.quote
                ));
            }
        }
        for s in &disagreeing {
            if !mismatches.iter().any(|m| same_number(s, m)) {
                tally.false_findings += 1;
                misses.push(format!(
                    "- {}: FALSE T-numbers: 「{}」",
                    entry.slug, s.quote
                ));
            }
        }
        rows.push((entry.slug.clone(), entry.completeness, tally));
    }
    for (_, _, t) in &rows {
        total.reports += t.reports;
        total.statements += t.statements;
        total.read += t.read;
        total.readings += t.readings;
        total.readings_right += t.readings_right;
        total.mismatches += t.mismatches;
        total.mismatches_found += t.mismatches_found;
        total.findings += t.findings;
        total.false_findings += t.false_findings;
    }
    let percent = |a: usize, b: usize| {
        if b == 0 {
            "—".to_owned()
        } else {
            format!("{:.1} %", a as f64 * 100.0 / b as f64)
        }
    };
    println!("# T-numbers on the corpus of real reports\n");
    println!(
        "Made by `cargo run -p nianbao-report --example corpus` over `crates/report/tests/corpus/` \
         ({} reports: {} full, {} partial). Each report is imported as a user would, and the \
         numbers its text states about the tables are read by the rules (`rules::stated_quantities`, \
         what T-numbers compares); the keys list every such statement a careful reader finds.\n",
        total.reports,
        rows.iter().filter(|r| r.1 == Completeness::Full).count(),
        rows.iter().filter(|r| r.1 == Completeness::Partial).count(),
    );
    println!("| measure | count | figure |\n|---|---|---|");
    println!(
        "| statements of the keys read (recall) | {} of {} | {} |",
        total.read,
        total.statements,
        percent(total.read, total.statements)
    );
    println!(
        "| readings that are statements of the keys (precision) | {} of {} | {} |",
        total.readings_right,
        total.readings,
        percent(total.readings_right, total.readings)
    );
    println!(
        "| mismatches of the keys found by T-numbers (recall) | {} of {} | {} |",
        total.mismatches_found,
        total.mismatches,
        percent(total.mismatches_found, total.mismatches)
    );
    println!(
        "| T-numbers findings that are mismatches of the keys (precision) | {} of {} | {} |",
        total.findings - total.false_findings,
        total.findings,
        percent(total.findings - total.false_findings, total.findings)
    );
    println!("\n## By report\n");
    println!("| report | statements read | readings right | mismatches found | false findings |\n|---|---|---|---|---|");
    for (slug, _, t) in &rows {
        if t.statements == 0 && t.readings == 0 {
            continue;
        }
        println!(
            "| {slug} | {} / {} | {} / {} | {} / {} | {} |",
            t.read,
            t.statements,
            t.readings_right,
            t.readings,
            t.mismatches_found,
            t.mismatches,
            t.false_findings
        );
    }
    if show_misses {
        println!("\n## Misses and readings outside the keys\n");
        for miss in &misses {
            println!("{miss}");
        }
    }
}
