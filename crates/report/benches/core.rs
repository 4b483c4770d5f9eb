//! Timings of the core on a real report: the rules, the totals, the JSON format, the importer and
//! the printable HTML, and how many reports a second one core checks from JSON.
//!
//! Run with `cargo bench -p nianbao-report --bench core`; the figures are kept in
//! docs/core-benchmarks.md. The report measured is 沭阳县人民政府 2025 (a county government's
//! summary report with large, non-zero tables), imported from ../shared/fixtures; without that
//! folder, the seed report (锡林浩特市额尔敦街道 2023) copied in tests/fixtures stands in.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use nianbao_report::export::html;
use nianbao_report::export::json::{from_json, to_json};
use nianbao_report::import::import_published;
use nianbao_report::rules::{check, Stage};
use nianbao_report::totals::fill_totals;
use nianbao_report::Report;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The real reports of ../shared/fixtures, measured one by one when the folder is there.
const SHARED_FIXTURES: [&str; 5] = [
    "shuyang-county-2025.txt",
    "shuyang-fagaiju-2023.txt",
    "erdun-2023.txt",
    "guanzhou-street-2023-partial.txt",
    "dizhang-street-2023-partial-2019-format.txt",
];
const MEASURED: &str = "shuyang-county-2025.txt";
const SEED: &str = "tests/fixtures/erdun-2023.txt";
/// The `check_1000` batch: about what a county collects from its departments in a year.
const BATCH: usize = 1_000;

fn shared_fixtures() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    dir.is_dir().then_some(dir)
}

/// The fixture's name and text: 沭阳 2025 when ../shared/fixtures is there, else the seed.
fn measured_text() -> (&'static str, String) {
    let shared = shared_fixtures().map(|dir| dir.join(MEASURED));
    if let Some(text) = shared.and_then(|path| std::fs::read_to_string(path).ok()) {
        return (MEASURED, text);
    }
    eprintln!("skipped: ../shared/fixtures not found; measuring the seed {SEED} instead");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    match std::fs::read_to_string(&seed) {
        Ok(text) => ("erdun-2023.txt", text),
        Err(e) => panic!("cannot read the seed {}: {e}", seed.display()),
    }
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
    let mut inputs = Vec::new();
    match shared_fixtures() {
        Some(dir) => {
            for name in SHARED_FIXTURES {
                match std::fs::read_to_string(dir.join(name)) {
                    Ok(text) => inputs.push((name, text)),
                    Err(_) => eprintln!("skipped: ../shared/fixtures/{name} not found"),
                }
            }
        }
        None => {
            eprintln!("skipped: ../shared/fixtures not found; importing the seed only");
            inputs.push(measured_text());
        }
    }
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
    targets = validate, totals, json_round_trip, import, render_html, check_1000
}
criterion_main!(core);
