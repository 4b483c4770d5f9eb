//! The `nianbao` command: check, import, render and roll over reports from the shell.
//!
//! Argument parsing and printing only: every rule, reader and writer is the library's.
//! Exit codes: 0 fine, 1 a finding of error level, 2 bad usage or a file that cannot be read.

use nianbao_report::batch::{self, BatchRow};
use nianbao_report::export::{figure, html, json};
use nianbao_report::import::file::FileProblem;
use nianbao_report::import::import_published;
use nianbao_report::next_year::next_year_draft;
use nianbao_report::rules::{self, Stage};
use nianbao_report::summary::{check_summary, sum_reports, usual_year};
use nianbao_report::AgencyKind;
use nianbao_report::{Finding, Report, Severity};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告 命令行工具 / annual disclosure report tool

用法 / usage:
  nianbao check FILE… [--json | --csv] [--last-year FILE] [--publish]
      检查报告（JSON 或已发布报告的文本/HTML），逐条列出问题。
      Check reports (JSON, or the text/HTML of a published report) and list the findings.
      --json            所有文件的问题输出为一个 JSON 数组 / one JSON array of all findings
      --csv             批量检查表（每个文件一行，按“准备发布”检查；同一机关上一年度的报告也在
                        文件中时做跨年度检查），UTF-8 带 BOM 的 CSV，Excel/WPS 可直接打开
                        the batch table (a row per file, checked as ready to publish, against last
                        year's report of the same agency when it is among the files) as CSV,
                        UTF-8 with a byte-order mark for Excel/WPS
      --last-year FILE  上一年度的报告，用于跨年度检查（取代 JSON 中的 last_year）
                        last year's report, for the cross-year rules (replaces a JSON's last_year)
      --publish         按“准备发布”检查：空白单元格为错误 / check as ready to publish: blanks are errors
  nianbao summary UNIT… --agency NAME [--kind KIND] [--year YEAR] [-o OUT.json]
      由各单位的报告逐格相加生成汇总报告（单位空白而他人填写的格子提示 H-blank）。
      Build the summary report of the units' reports, cell by cell (H-blank where some left it blank).
      KIND：department、county_gov、city_gov、province_gov、township…（默认 county_gov）；
      YEAR 默认为多数单位的年度 / by default the year most units report on
  nianbao summary --check SUMMARY UNIT…
      核对汇总报告是否等于各单位报告之和（H-sum）。 / Check a summary against its units (H-sum).
  nianbao import FILE [-o OUT.json]
      把已发布报告的文本/HTML 转为 JSON（导入说明输出到标准错误）。
      Turn a published report's text/HTML into JSON v1 (import notes go to stderr).
  nianbao render FILE [--docx | --figure] [-o OUT]
      生成可打印的 HTML；--docx 生成 Word 文档（.docx，须用 -o 指定文件，或经管道输出）；
      --figure 生成一页“图解”（SVG）。
      Write the printable HTML; --docx a Word document (.docx: give -o, or pipe it);
      --figure the one-page 图解 of the year's figures (SVG).
  nianbao next FILE [-o OUT.json]
      由本年度报告生成下一年度草稿。 / Start next year's draft from this year's report.
  nianbao --help

退出码 / exit codes: 0 无错误 / no errors · 1 有错误级问题 / error-level findings ·
  2 用法错误或文件无法读取 / bad usage or a file that cannot be read
";

const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    // args_os: a file name that is not UTF-8 must not panic the parser.
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let code = match parse(&args) {
        Ok(Command::Help) => print_stdout(USAGE),
        Ok(Command::Check(options)) if options.csv => check_table(&options),
        Ok(Command::Check(options)) => check(&options),
        Ok(Command::Summary(options)) => summary(&options),
        Ok(Command::Convert {
            action,
            input,
            output,
        }) => convert(action, &input, output.as_deref()),
        Err(Failure { zh, en }) => {
            eprintln!("nianbao: 用法错误：{zh}\nnianbao: usage error: {en}\n\n{USAGE}");
            EXIT_FAILURE
        }
    };
    ExitCode::from(code)
}

/// A message for the user, in Chinese and English.
struct Failure {
    zh: String,
    en: String,
}

impl Failure {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Failure {
        Failure {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

enum Command {
    Help,
    Check(CheckOptions),
    Summary(SummaryOptions),
    Convert {
        action: Action,
        input: PathBuf,
        output: Option<PathBuf>,
    },
}

/// What `render` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RenderFormat {
    Html,
    Docx,
    Figure,
}

#[derive(Default)]
struct SummaryOptions {
    units: Vec<PathBuf>,
    /// Check this summary against the units instead of building one.
    check: Option<PathBuf>,
    agency: Option<String>,
    kind: Option<AgencyKind>,
    year: Option<i32>,
    output: Option<PathBuf>,
}

#[derive(Default)]
struct CheckOptions {
    files: Vec<PathBuf>,
    json: bool,
    csv: bool,
    last_year: Option<PathBuf>,
    publish: bool,
}

/// The commands that turn one report into one output.
#[derive(Clone, Copy)]
enum Action {
    Import,
    Render(RenderFormat),
    Next,
}

fn parse(args: &[OsString]) -> Result<Command, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::new("缺少命令", "no command given"));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    match command.to_str() {
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("check") => parse_check(rest).map(Command::Check),
        Some("summary") => parse_summary(rest).map(Command::Summary),
        Some("import") => parse_convert(Action::Import, rest),
        Some("render") => parse_convert(Action::Render(RenderFormat::Html), rest),
        Some("next") => parse_convert(Action::Next, rest),
        _ => Err(Failure::new(
            format!(
                "未知的命令「{}」；可用的有 check、summary、import、render、next",
                command.to_string_lossy()
            ),
            format!(
                "unknown command \"{}\"; the commands are check, summary, import, render, next",
                command.to_string_lossy()
            ),
        )),
    }
}

fn parse_check(args: &[OsString]) -> Result<CheckOptions, Failure> {
    let mut options = CheckOptions::default();
    let mut args = args.iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        match arg.to_str() {
            _ if only_files => options.files.push(arg.into()),
            Some("--") => only_files = true,
            Some("--json") => options.json = true,
            Some("--csv") => options.csv = true,
            Some("--publish") => options.publish = true,
            Some("--last-year") => {
                let Some(file) = args.next() else {
                    return Err(missing_value("--last-year"));
                };
                if options.last_year.replace(file.into()).is_some() {
                    return Err(Failure::new(
                        "--last-year 只能给一次",
                        "--last-year can be given only once",
                    ));
                }
            }
            Some(option) if option.starts_with('-') && option.len() > 1 => {
                return Err(unknown_option(option, "check"))
            }
            _ => options.files.push(arg.into()),
        }
    }
    if options.files.is_empty() {
        return Err(Failure::new(
            "check 至少需要一个文件",
            "check needs at least one FILE",
        ));
    }
    if options.json && options.csv {
        return Err(Failure::new(
            "--json 和 --csv 只能选一个",
            "give only one of --json and --csv",
        ));
    }
    Ok(options)
}

fn parse_summary(args: &[OsString]) -> Result<SummaryOptions, Failure> {
    let mut options = SummaryOptions::default();
    let mut args = args.iter();
    let value = |args: &mut std::slice::Iter<OsString>, option: &str| {
        args.next()
            .map(|v| v.to_string_lossy().into_owned())
            .ok_or_else(|| missing_value(option))
    };
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--check") => options.check = Some(value(&mut args, "--check")?.into()),
            Some("--agency") => options.agency = Some(value(&mut args, "--agency")?),
            Some("-o" | "--output") => options.output = Some(value(&mut args, "-o")?.into()),
            Some("--kind") => {
                let key = value(&mut args, "--kind")?;
                options.kind = Some(AgencyKind::from_key(&key).ok_or_else(|| {
                    Failure::new(
                        format!("未知的机关类型「{key}」"),
                        format!("unknown kind of agency \"{key}\""),
                    )
                })?);
            }
            Some("--year") => {
                let year = value(&mut args, "--year")?;
                options.year = Some(year.parse().map_err(|_| {
                    Failure::new(
                        format!("年度「{year}」不是数字"),
                        format!("the year \"{year}\" is not a number"),
                    )
                })?);
            }
            Some(option) if option.starts_with('-') && option.len() > 1 => {
                return Err(unknown_option(option, "summary"))
            }
            _ => options.units.push(arg.into()),
        }
    }
    if options.units.is_empty() {
        return Err(Failure::new(
            "summary 至少需要一个单位的报告",
            "summary needs at least one unit's report",
        ));
    }
    if options.check.is_none()
        && options
            .agency
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        return Err(Failure::new(
            "生成汇总报告需要 --agency 汇总机关名称",
            "building a summary needs --agency NAME",
        ));
    }
    Ok(options)
}

fn parse_convert(mut action: Action, args: &[OsString]) -> Result<Command, Failure> {
    let name = action.name();
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut args = args.iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--") if !only_files => only_files = true,
            Some("-o" | "--output") if !only_files => {
                let Some(file) = args.next() else {
                    return Err(missing_value("-o"));
                };
                if output.replace(file.into()).is_some() {
                    return Err(Failure::new("-o 只能给一次", "-o can be given only once"));
                }
            }
            Some(flag @ ("--docx" | "--figure")) if !only_files => {
                let Action::Render(format) = &mut action else {
                    return Err(unknown_option(flag, name));
                };
                if *format != RenderFormat::Html {
                    return Err(Failure::new(
                        "--docx 和 --figure 只能选一个",
                        "give only one of --docx and --figure",
                    ));
                }
                *format = if flag == "--docx" {
                    RenderFormat::Docx
                } else {
                    RenderFormat::Figure
                };
            }
            Some(option) if !only_files && option.starts_with('-') && option.len() > 1 => {
                return Err(unknown_option(option, name))
            }
            _ => {
                if input.replace(arg.into()).is_some() {
                    return Err(Failure::new(
                        format!("{name} 只接受一个文件"),
                        format!("{name} takes exactly one FILE"),
                    ));
                }
            }
        }
    }
    let Some(input) = input else {
        return Err(Failure::new(
            format!("{name} 需要一个文件"),
            format!("{name} needs a FILE"),
        ));
    };
    // A .docx is binary: printed on a terminal it is noise, and can upset the terminal.
    if matches!(action, Action::Render(RenderFormat::Docx))
        && output.is_none()
        && io::stdout().is_terminal()
    {
        return Err(Failure::new(
            "Word 文档是二进制文件，不能输出到终端；请用 -o 文件名.docx 指定输出文件，或经管道输出",
            "a Word document is binary and is not printed on a terminal; give -o FILE.docx, or pipe the output",
        ));
    }
    Ok(Command::Convert {
        action,
        input,
        output,
    })
}

fn missing_value(option: &str) -> Failure {
    Failure::new(
        format!("{option} 后面缺少文件名"),
        format!("{option} needs a file name after it"),
    )
}

fn unknown_option(option: &str, command: &str) -> Failure {
    Failure::new(
        format!("{command} 没有选项 {option}"),
        format!("{command} has no option {option}"),
    )
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Import => "import",
            Action::Render(_) => "render",
            Action::Next => "next",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading a report
// ---------------------------------------------------------------------------------------------

/// A report read from a file, with what the importer noted on the way (nothing for JSON).
struct Loaded {
    report: Report,
    notes: Vec<Finding>,
}

/// Reads the file once and takes it as JSON when it starts with `{`, as a published report
/// otherwise.
fn load(path: &Path) -> Result<Loaded, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::new(
            format!("无法读取文件：{e}"),
            format!("cannot read the file: {e}"),
        )
    })?;
    let text =
        String::from_utf8(as_utf8(bytes)).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim_start().starts_with('{') {
        json::from_json(text)
            .map(|report| Loaded {
                report,
                notes: Vec::new(),
            })
            .map_err(|e| Failure::new(e.message_zh, e.message_en))
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
        .map_err(|e| Failure::new(e.message_zh, e.message_en))
}

/// Text in GBK (old government pages, declared or not) as UTF-8; anything else as it is.
#[cfg(feature = "legacy-text")]
fn as_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if !nianbao_report::import::file::needs_decoding(&bytes) {
        return bytes;
    }
    nianbao_report::import::file::decode_legacy(&bytes).map_or(bytes, String::into_bytes)
}

#[cfg(not(feature = "legacy-text"))]
fn as_utf8(bytes: Vec<u8>) -> Vec<u8> {
    bytes
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

fn report_failure(path: &Path, failure: &Failure) {
    let file = path.display();
    eprintln!("{file}: {}\n{file}: {}", failure.zh, failure.en);
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

fn check(options: &CheckOptions) -> u8 {
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

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = 0;
    let mut all = Vec::new();
    for path in &options.files {
        let mut loaded = match load(path) {
            Ok(loaded) => loaded,
            Err(failure) => {
                // Errors go to stderr; keep the order a reader sees on one terminal.
                let _ = out.flush();
                report_failure(path, &failure);
                code = EXIT_FAILURE;
                continue;
            }
        };
        if let Some(last_year) = &last_year {
            loaded.report.last_year = Some(Box::new(last_year.clone()));
        }
        let mut findings = loaded.notes;
        findings.extend(rules::check(&loaded.report, stage));
        if code == 0 && findings.iter().any(|f| f.severity == Severity::Error) {
            code = EXIT_FINDINGS;
        }
        if options.json {
            let file = path.to_string_lossy();
            all.extend(findings.iter().map(|f| finding_json(&file, f)));
        } else if write_findings(&mut out, path, &findings).is_err() {
            // A closed pipe (`| head`): nobody is reading, but the exit code still counts.
            break;
        }
    }
    if options.json {
        let text = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
        let _ = writeln!(out, "{text}");
    }
    let _ = out.flush();
    code
}

/// `check --csv`: the supervisor's batch table, as the app's batch check writes it.
fn check_table(options: &CheckOptions) -> u8 {
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

fn summary(options: &SummaryOptions) -> u8 {
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
    let agency = options.agency.as_deref().unwrap_or_default().trim();
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
            note.message_zh,
            note.message_en
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
            f.message_zh,
            f.message_en
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
        "message_zh": f.message_zh,
        "message_en": f.message_en,
    })
}

// ---------------------------------------------------------------------------------------------
// import, render, next
// ---------------------------------------------------------------------------------------------

fn convert(action: Action, input: &Path, output: Option<&Path>) -> u8 {
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
            note.message_zh,
            note.message_en
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

#[cfg(feature = "docx")]
fn docx_bytes(report: &Report) -> Result<Vec<u8>, Failure> {
    nianbao_report::export::docx::render_docx(report)
        .map_err(|e| Failure::new(e.message_zh, e.message_en))
}

#[cfg(not(feature = "docx"))]
fn docx_bytes(_report: &Report) -> Result<Vec<u8>, Failure> {
    Err(Failure::new(
        "此版本编译时未包含 Word 导出（cargo 特性 docx）",
        "this build has no Word export (cargo feature docx)",
    ))
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

fn print_stdout(bytes: impl AsRef<[u8]>) -> u8 {
    let mut out = io::stdout().lock();
    // A closed pipe is not the command's failure.
    let _ = out.write_all(bytes.as_ref()).and_then(|()| out.flush());
    0
}
