//! Timings of the core on a real report: the rules, the totals, the JSON format, the importer and
//! the printable HTML, how many reports a second one core checks from JSON, and how long files of
//! 50 MB take to be read or refused.
//!
//! Run with `cargo bench -p nianbao-report --bench core`; the figures are kept in
//! docs/core-benchmarks.md. The report measured is 沭阳县人民政府 2025 (a county government's
//! summary report with large, non-zero tables), imported from tests/fixtures.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use nianbao_report::export::html;
use nianbao_report::export::json::{from_json, to_json};
use nianbao_report::import::import_published;
use nianbao_report::rules::{check, Stage};
use nianbao_report::totals::fill_totals;
use nianbao_report::Report;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/common/hostile.rs"]
mod hostile;

/// The real reports of tests/fixtures, each imported in the `import` group.
const FIXTURES: [&str; 5] = [
    "shuyang-county-2025.txt",
    "shuyang-fagaiju-2023.txt",
    "erdun-2023.txt",
    "guanzhou-street-2023-partial.txt",
    "dizhang-street-2023-partial-2019-format.txt",
];
const MEASURED: &str = "shuyang-county-2025.txt";
/// The `check_1000` batch: about what a county collects from its departments in a year.
const BATCH: usize = 1_000;

/// A fixture's text. Panicking is fine here: a benchmark without its input measures nothing.
fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn measured_text() -> (&'static str, String) {
    (MEASURED, fixture(MEASURED))
}

/// Panicking is fine here: a benchmark of a report that does not import measures nothing.
fn measured_report() -> Report {
    let (name, text) = measured_text();
    match import_published(&text) {
        Ok(imported) => imported.report,
        Err(e) => panic!("{name} does not import: {e}"),
    }
}

fn validate(c: &mut Criterion) {
    let report = measured_report();
    let mut group = c.benchmark_group("validate");
    group.bench_function("draft", |b| {
        b.iter(|| check(black_box(&report), Stage::Draft))
    });
    group.bench_function("publish", |b| {
        b.iter(|| check(black_box(&report), Stage::Publish))
    });
    group.finish();
}

fn totals(c: &mut Criterion) {
    let report = measured_report();
    c.bench_function("fill_totals", |b| {
        // The clone is set up outside the timing: only the filling is measured.
        b.iter_batched_ref(|| report.clone(), fill_totals, BatchSize::SmallInput)
    });
}

fn json_round_trip(c: &mut Criterion) {
    let report = measured_report();
    let json = to_json(&report);
    let mut group = c.benchmark_group("json_round_trip");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("to_json", |b| b.iter(|| to_json(black_box(&report))));
    group.bench_function("from_json", |b| b.iter(|| from_json(black_box(&json))));
    group.bench_function("to_json+from_json", |b| {
        b.iter(|| from_json(&to_json(black_box(&report))))
    });
    group.finish();
}

fn import(c: &mut Criterion) {
    let inputs: Vec<(&str, String)> = FIXTURES.iter().map(|name| (*name, fixture(name))).collect();
    let mut group = c.benchmark_group("import");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| import_published(black_box(text))));
    }
    group.finish();
}

fn render_html(c: &mut Criterion) {
    let report = measured_report();
    c.bench_function("render_html", |b| {
        b.iter(|| html::render(black_box(&report)))
    });
}

/// What `nianbao check --json` does per file, without the file system: read the JSON, check it.
fn check_1000(c: &mut Criterion) {
    let json = to_json(&measured_report());
    if let Err(e) = from_json(&json) {
        panic!("the measured report does not read back from its JSON: {e}");
    }
    let files = vec![json; BATCH];
    let mut group = c.benchmark_group("check_1000");
    group.throughput(Throughput::Elements(BATCH as u64));
    // One iteration checks 1,000 reports; ten samples are enough at that size.
    group.sample_size(10);
    group.bench_function("from_json+check", |b| {
        b.iter(|| {
            let mut findings = 0;
            for file in &files {
                if let Ok(report) = from_json(black_box(file)) {
                    findings += check(&report, Stage::Draft).len();
                }
            }
            findings
        })
    });
    group.finish();
}

/// Files of 50 MB (tests/json_v1.rs says what each gives): refused before parsing, read whole,
/// or refused by the depth limit. Each should take well under a second in a release build.
fn large_json(c: &mut Criterion) {
    const MB50: usize = 50 * 1024 * 1024;
    let report = measured_report();
    let mut numbers = to_json(&report);
    numbers.insert_str(1, &format!("\"padding\": [{}0],", "0,".repeat(MB50 / 2)));
    let mut long_text = report.clone();
    long_text.sections.set(
        nianbao_report::SectionId::Problems,
        "不得年年雷同。".repeat(MB50 / 21),
    );
    let inputs = [
        ("50 MB of numbers", numbers),
        ("50 MB of text", to_json(&long_text)),
        (
            "50 MB of brackets",
            format!("{{\"x\": {}", "[".repeat(MB50)),
        ),
        ("10 M nested objects", "{\"a\":".repeat(MB50 / 5)),
    ];
    let mut group = c.benchmark_group("large_json");
    group.sample_size(10);
    for (name, json) in &inputs {
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(*name, |b| b.iter(|| from_json(black_box(json))));
    }
    group.finish();
}

/// Input made to hurt the importer (tests/import_fixtures.rs says what each gives): each should
/// return in well under a second.
fn import_hostile(c: &mut Criterion) {
    let mut inputs = vec![
        (
            "random bytes",
            String::from_utf8_lossy(&hostile::random_bytes()).into_owned(),
        ),
        ("1 MB of the format's words", hostile::megabyte_of_words()),
    ];
    inputs.extend(hostile::floods());
    let mut group = c.benchmark_group("import_hostile");
    group.sample_size(10);
    for (name, input) in &inputs {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(*name, |b| b.iter(|| import_published(black_box(input))));
    }
    group.finish();
}

fn short_runs() -> Criterion {
    // Short runs keep the whole bench under about three minutes on two busy cores.
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}

criterion_group! {
    name = core;
    config = short_runs();
    targets = validate, totals, json_round_trip, import, import_hostile, render_html, check_1000,
        large_json
}
criterion_main!(core);
