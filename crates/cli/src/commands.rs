//! What each command does with its arguments: read the files through the core, run the core's
//! rules and writers, print what they give. The exit code says how it went.

use crate::args::{CheckArgs, ConvertArgs, SummaryArgs};
use crate::{print_stdout, Failure, EXIT_FAILURE, EXIT_FINDINGS};
use nianbao_report::batch::{self, BatchRow};
use nianbao_report::export::{docx, figure, html, json};
use nianbao_report::import::file::{decode_legacy, needs_decoding, FileProblem};
use nianbao_report::import::import_published;
use nianbao_report::next_year::next_year_draft;
use nianbao_report::rules::{self, Stage};
use nianbao_report::summary::{check_summary, sum_reports, usual_year};
use nianbao_report::AgencyKind;
use nianbao_report::{Finding, Report, Severity};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What `render` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    Html,
    Docx,
    Figure,
}

/// The commands that turn one report into one output.
#[derive(Clone, Copy)]
pub enum Action {
    Import,
    Render(RenderFormat),
    Next,
}

// ---------------------------------------------------------------------------------------------
// Reading a report
// ---------------------------------------------------------------------------------------------

/// A report read from a file, with what the importer noted on the way (nothing for JSON).
pub(crate) struct Loaded {
    pub(crate) report: Report,
    pub(crate) notes: Vec<Finding>,
}

/// Reads the file once and takes it as JSON when it starts with `{`, as a published report
/// otherwise.
pub(crate) fn load(path: &Path) -> Result<Loaded, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::new(
            format!("无法读取文件：{e}"),
            format!("cannot read the file: {e}"),
        )
    })?;
    // Text in UTF-8, as nearly every file is, is checked once (as_utf8 checks it too: a
    // twentieth of `nianbao check` in a CPU profile was checking every file twice).
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8(as_utf8(e.into_bytes()))
            .map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))?,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim_start().starts_with('{') {
        json::from_json(text)
            .map(|report| Loaded {
                report,
                notes: Vec::new(),
            })
            .map_err(|e| Failure::new(e.message.zh, e.message.en))
    } else {
        import_text(text)
    }
}

fn import_text(text: &str) -> Result<Loaded, Failure> {
    import_published(text)
        .map(|imported| Loaded {
            report: imported.report,
            notes: imported.notes,
        })
        .map_err(|e| Failure::new(e.message.zh, e.message.en))
}

/// Text in GBK (old government pages, declared or not) as UTF-8; anything else as it is.
fn as_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if !needs_decoding(&bytes) {
        return bytes;
    }
    decode_legacy(&bytes).map_or(bytes, String::into_bytes)
}

/// A file that is neither UTF-8 nor valid GBK: say where the text stops being UTF-8.
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> Failure {
    let good = bytes.get(..error.valid_up_to()).unwrap_or_default();
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = std::str::from_utf8(good.get(line_start..).unwrap_or_default())
        .map_or(1, |s| s.chars().count() + 1);
    Failure::new(
        format!("第{line}行第{column}列：不是 UTF-8 编码的文本（可能是 GBK）；请另存为 UTF-8 后再试"),
        format!("line {line}, column {column}: the text is not UTF-8 (perhaps GBK); save it as UTF-8 and try again"),
    )
}

pub(crate) fn report_failure(path: &Path, failure: &Failure) {
    let file = path.display();
    eprintln!("{file}: {}\n{file}: {}", failure.zh, failure.en);
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

pub fn check(options: &CheckArgs) -> u8 {
    let stage = if options.publish {
        Stage::Publish
    } else {
        Stage::Draft
    };
    let last_year = match options.last_year.as_deref().map(load).transpose() {
        Ok(loaded) => loaded.map(|mut l| {
            // The model keeps one year back.
            l.report.last_year = None;
            l.report
        }),
        Err(failure) => {
            report_failure(
                options.last_year.as_deref().unwrap_or(Path::new("")),
                &failure,
            );
            return EXIT_FAILURE;
        }
    };

    // Read, checked and written out as text on the cores; only the writing is in order.
    let check_one = |path: &std::path::PathBuf| -> Result<CheckedFile, Failure> {
        let mut loaded = load(path)?;
        if let Some(last_year) = &last_year {
            loaded.report.last_year = Some(Box::new(last_year.clone()));
        }
        let mut findings = loaded.notes;
        findings.extend(rules::check(&loaded.report, stage));
        let mut output = Vec::new();
        if options.json {
            let file = path.to_string_lossy();
            for f in &findings {
                let item =
                    serde_json::to_string_pretty(&finding_json(&file, f)).unwrap_or_default();
                // One element of a pretty array: every line two spaces in.
                output.push(format!("  {}", item.replace('\n', "\n  ")));
            }
        } else {
            let mut text = Vec::new();
            let _ = write_findings(&mut text, path, &findings);
            output.push(String::from_utf8_lossy(&text).into_owned());
        }
        Ok(CheckedFile {
            has_errors: findings.iter().any(|f| f.severity == Severity::Error),
            output,
        })
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = 0;
    // The JSON array is written element by element, as serde_json would print it whole.
    let mut json_items = 0usize;
    'windows: for window in options.files.chunks(CHECK_WINDOW) {
        for (path, checked) in window.iter().zip(on_every_core(window, check_one)) {
            let checked = match checked {
                Ok(checked) => checked,
                Err(failure) => {
                    // Errors go to stderr; keep the order a reader sees on one terminal.
                    let _ = out.flush();
                    report_failure(path, &failure);
                    code = EXIT_FAILURE;
                    continue;
                }
            };
            if code == 0 && checked.has_errors {
                code = EXIT_FINDINGS;
            }
            let written = if options.json {
                checked.output.iter().try_for_each(|item| {
                    json_items += 1;
                    let before = if json_items == 1 { "[\n" } else { ",\n" };
                    write!(out, "{before}{item}")
                })
            } else {
                checked
                    .output
                    .iter()
                    .try_for_each(|text| out.write_all(text.as_bytes()))
            };
            if written.is_err() {
                // A closed pipe (`| head`): nobody is reading, but the exit code still counts.
                break 'windows;
            }
        }
    }
    if options.json {
        let _ = writeln!(out, "{}", if json_items == 0 { "[]" } else { "\n]" });
    }
    let _ = out.flush();
    code
}

/// One file checked: whether it has errors, and what `check` prints of it (the text block, or
/// the elements of the JSON array).
struct CheckedFile {
    has_errors: bool,
    output: Vec<String>,
}

/// `check` (and `export --long`) reads and checks this many files at a time, shared among the
/// cores, and writes what they gave before it reads the next ones: memory stays the same for ten
/// files or ten thousand.
pub(crate) const CHECK_WINDOW: usize = 256;

/// `work` done on each of `items` by as many threads as the machine has cores, the results in
/// the items' order. Each thread takes the next item when it is done with one, rather than a
/// fixed share: while `export --long` writes the window before on a thread of its own, a core
/// is shared, and with halves given out the other core waited for it (bench/goals-not-met.md).
pub(crate) fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || items.len() < 2 {
        return items.iter().map(&work).collect();
    }
    let next = AtomicUsize::new(0);
    let (work, next) = (&work, &next);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..cores.min(items.len()))
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(at) else {
                            return done;
                        };
                        done.push((at, work(item)));
                    }
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `check --csv`: the supervisor's batch table, as the app's batch check writes it.
pub fn check_table(options: &CheckArgs) -> u8 {
    let mut rows: Vec<BatchRow> = Vec::new();
    for path in &options.files {
        let name = path.to_string_lossy();
        match std::fs::read(path) {
            Ok(bytes) => rows.push(batch::check_file(&name, &as_utf8(bytes))),
            Err(e) => rows.push(BatchRow {
                file_name: name.clone().into_owned(),
                outcome: Err(FileProblem {
                    zh: format!("无法读取文件“{name}”：{e}"),
                    en: format!("cannot read “{name}”: {e}"),
                }),
            }),
        }
    }
    batch::link_last_years(&mut rows);
    print_stdout(batch::to_csv(&rows, false));
    if rows.iter().any(|r| r.outcome.is_err()) {
        EXIT_FAILURE
    } else if rows
        .iter()
        .filter_map(BatchRow::checked)
        .any(|c| c.count(Severity::Error) > 0)
    {
        EXIT_FINDINGS
    } else {
        0
    }
}

// ---------------------------------------------------------------------------------------------
// summary
// ---------------------------------------------------------------------------------------------

pub fn summary(options: &SummaryArgs) -> u8 {
    let mut units = Vec::new();
    for path in &options.units {
        match load(path) {
            Ok(loaded) => units.push(loaded.report),
            Err(failure) => {
                report_failure(path, &failure);
                return EXIT_FAILURE;
            }
        }
    }
    let refs: Vec<&Report> = units.iter().collect();
    if let Some(path) = &options.check {
        let summary = match load(path) {
            Ok(loaded) => loaded.report,
            Err(failure) => {
                report_failure(path, &failure);
                return EXIT_FAILURE;
            }
        };
        let findings = check_summary(&summary, &refs);
        let mut out = io::stdout().lock();
        let _ = write_findings(&mut out, path, &findings);
        return if findings.is_empty() {
            0
        } else {
            EXIT_FINDINGS
        };
    }
    let year = options.year.unwrap_or_else(|| usual_year(&refs));
    let agency = options.agency.as_deref().unwrap_or_default();
    let kind = options.kind.unwrap_or(AgencyKind::CountyGov);
    let built = sum_reports(&refs, agency, kind, year);
    eprintln!(
        "汇总了 {} 个单位 / summed {} units: {}",
        built.units.len(),
        built.units.len(),
        built.units.join("、")
    );
    for note in &built.notes {
        eprintln!(
            "{} {}: {} / {}",
            note.rule,
            note.place.id(),
            note.message.zh,
            note.message.en
        );
    }
    write_output(
        options.output.as_deref(),
        json::to_json(&built.report).as_bytes(),
    )
}

fn write_findings(out: &mut impl Write, path: &Path, findings: &[Finding]) -> io::Result<()> {
    writeln!(out, "== {} ==", path.display())?;
    for f in findings {
        writeln!(
            out,
            "{} {:<7} {:<18} {:<28} {} / {}",
            f.severity.label_zh(),
            f.severity.label_en(),
            f.rule,
            f.place.id(),
            f.message.zh,
            f.message.en
        )?;
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    writeln!(
        out,
        "   {errors} 个错误，{warnings} 个警告，{infos} 个提示 / {errors} errors, {warnings} warnings, {infos} info\n"
    )
}

fn finding_json(file: &str, f: &Finding) -> serde_json::Value {
    serde_json::json!({
        "file": file,
        "rule": f.rule,
        "severity": f.severity.label_en(),
        "place": f.place.id(),
        "message_zh": f.message.zh,
        "message_en": f.message.en,
    })
}

// ---------------------------------------------------------------------------------------------
// import, render, next
// ---------------------------------------------------------------------------------------------

pub fn convert(action: Action, file: &ConvertArgs) -> u8 {
    let (input, output) = (file.input.as_path(), file.output.as_deref());
    let loaded = match load(input) {
        Ok(loaded) => loaded,
        Err(failure) => {
            report_failure(input, &failure);
            return EXIT_FAILURE;
        }
    };
    for note in &loaded.notes {
        eprintln!(
            "{}: {} {} {}: {} / {}",
            input.display(),
            note.severity.label_zh(),
            note.rule,
            note.place.id(),
            note.message.zh,
            note.message.en
        );
    }
    let bytes = match action {
        // A JSON input is read (and migrated) and written back as the current version.
        Action::Import => json::to_json(&loaded.report).into_bytes(),
        Action::Render(RenderFormat::Html) => html::render(&loaded.report).into_bytes(),
        Action::Render(RenderFormat::Docx) => match docx_bytes(&loaded.report) {
            Ok(bytes) => bytes,
            Err(failure) => {
                report_failure(input, &failure);
                return EXIT_FAILURE;
            }
        },
        Action::Render(RenderFormat::Figure) => figure::render_figure(&loaded.report).into_bytes(),
        Action::Next => json::to_json(&next_year_draft(&loaded.report)).into_bytes(),
    };
    write_output(output, &bytes)
}

fn docx_bytes(report: &Report) -> Result<Vec<u8>, Failure> {
    docx::render_docx(report).map_err(|e| Failure::new(e.message.zh, e.message.en))
}

/// Writes the output to the file given with -o, or to stdout.
fn write_output(output: Option<&Path>, bytes: &[u8]) -> u8 {
    let Some(path) = output else {
        return print_stdout(bytes);
    };
    match std::fs::write(path, bytes) {
        Ok(()) => 0,
        Err(e) => {
            let failure = Failure::new(
                format!("无法写入文件：{e}"),
                format!("cannot write the file: {e}"),
            );
            report_failure(path, &failure);
            EXIT_FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::on_every_core;

    /// However the items fall to the threads (some much slower than others), the results come
    /// back one per item, in the items' order.
    #[test]
    fn on_every_core_keeps_the_items_order() {
        let items: Vec<u64> = (0..300).collect();
        let results = on_every_core(&items, |n| {
            if n % 7 == 0 {
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            n * 2
        });
        assert_eq!(results, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(on_every_core(&[5u64], |n| n + 1), vec![6]);
        assert!(on_every_core(&[] as &[u64], |n| n + 1).is_empty());
    }
}
