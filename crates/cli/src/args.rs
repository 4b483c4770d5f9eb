//! The command line as clap parses it: the commands, their options and the bilingual help, and
//! clap's errors told again in Chinese and English.
//!
//! One rule for every command: options may come before or after the files, each at most once,
//! and `--` ends the options: everything after it is a file, however it is spelt (a file named
//! `-o` or `--help` is given as `nianbao check -- -o --help`).

use crate::Failure;
use clap::builder::{PathBufValueParser, PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use nianbao_report::format::AGENCY_KINDS;
use nianbao_report::AgencyKind;
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "nianbao",
    about = "nianbao — 政府信息公开工作年度报告 命令行工具 / annual disclosure report tool",
    override_usage = "nianbao COMMAND …",
    subcommand_value_name = "COMMAND"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(
        about = "检查报告（JSON 或已发布报告的文本/HTML），逐条列出问题。\n\
                 Check reports (JSON, or the text/HTML of a published report) and list the findings.",
        override_usage = "nianbao check FILE… [--json | --csv] [--last-year FILE] [--publish]"
    )]
    Check(CheckArgs),
    #[command(
        about = "由各单位的报告逐格相加生成汇总报告，或核对汇总报告（H-sum）。\n\
                 Build the summary report of the units' reports cell by cell, or check one (H-sum).",
        override_usage = "nianbao summary UNIT… --agency NAME [--kind KIND] [--year YEAR] [-o OUT.json]\n       \
                          nianbao summary --check SUMMARY UNIT…"
    )]
    Summary(SummaryArgs),
    #[command(
        about = "把已发布报告的文本/HTML 转为 JSON（导入说明输出到标准错误）。\n\
                 Turn a published report's text/HTML into JSON v1 (import notes go to stderr).",
        override_usage = "nianbao import FILE [-o OUT.json]"
    )]
    Import(ConvertArgs),
    #[command(
        about = "生成可打印的 HTML；--docx 生成 Word 文档，--figure 生成一页“图解”（SVG）。\n\
                 Write the printable HTML; --docx a Word document, --figure the one-page 图解 (SVG).",
        override_usage = "nianbao render FILE [--docx | --figure] [-o OUT]"
    )]
    Render(RenderArgs),
    #[command(
        about = "由本年度报告生成下一年度草稿。\nStart next year's draft from this year's report.",
        override_usage = "nianbao next FILE [-o OUT.json]"
    )]
    Next(ConvertArgs),
    #[command(
        about = "把报告导出为数据仓库用的长表：每份报告每个单元格一行（CSV 或 Parquet）。\n\
                 Export reports as a long table for a warehouse: a row per cell of each report\n\
                 (CSV or Parquet).",
        override_usage = "nianbao export --long FILE… -o OUT.csv|OUT.parquet"
    )]
    Export(ExportArgs),
    #[command(
        about = "显示帮助，或某个命令的帮助。\nShow this help, or a command's.",
        override_usage = "nianbao help [COMMAND]"
    )]
    Help(HelpArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(
        value_name = "FILE",
        required = true,
        help = "报告：JSON、已发布报告的文本或 HTML（UTF-8 或 GBK）\n\
                reports: JSON, or a published report's text or HTML (UTF-8 or GBK)"
    )]
    pub files: Vec<PathBuf>,
    #[arg(
        long,
        help = "所有文件的问题输出为一个 JSON 数组 / one JSON array of all findings"
    )]
    pub json: bool,
    #[arg(
        long,
        conflicts_with = "json",
        help = "批量检查表（每个文件一行，按“准备发布”检查；同一机关上一年度的报告也在\n\
                文件中时做跨年度检查），UTF-8 带 BOM 的 CSV，Excel/WPS 可直接打开\n\
                the batch table (a row per file, checked as ready to publish, against last\n\
                year's report of the same agency when it is among the files) as CSV,\n\
                UTF-8 with a byte-order mark for Excel/WPS"
    )]
    pub csv: bool,
    #[arg(
        long,
        value_name = "FILE",
        help = "上一年度的报告，用于跨年度检查（取代 JSON 中的 last_year）\n\
                last year's report, for the cross-year rules (replaces a JSON's last_year)"
    )]
    pub last_year: Option<PathBuf>,
    #[arg(
        long,
        help = "按“准备发布”检查：空白单元格为错误 / check as ready to publish: blanks are errors"
    )]
    pub publish: bool,
}

#[derive(Args, Debug)]
pub struct SummaryArgs {
    #[arg(
        value_name = "UNIT",
        required = true,
        help = "各单位的报告 / the units' reports"
    )]
    pub units: Vec<PathBuf>,
    #[arg(
        long,
        value_name = "SUMMARY",
        help = "核对这份汇总报告，而不是生成汇总报告（H-sum）\n\
                check this summary against the units instead of building one (H-sum)"
    )]
    pub check: Option<PathBuf>,
    #[arg(
        long,
        value_name = "NAME",
        required_unless_present = "check",
        value_parser = agency_name,
        help = "汇总机关的名称；单位空白而他人填写的格子提示 H-blank\n\
                the name of the agency whose summary it is; H-blank where some units left a\n\
                cell blank and others did not"
    )]
    pub agency: Option<String>,
    /// Its help lists the kinds from the format (see `command_line`).
    #[arg(long, value_name = "KIND", value_parser = agency_kind())]
    pub kind: Option<AgencyKind>,
    #[arg(
        long,
        value_name = "YEAR",
        value_parser = year,
        help = "年度，默认为多数单位的年度 / the year; by default the year most units report on"
    )]
    pub year: Option<i32>,
    #[arg(
        short,
        long,
        value_name = "OUT.json",
        help = "写入此文件，而不是标准输出 / write to this file instead of stdout"
    )]
    pub output: Option<PathBuf>,
}

/// `import`, `next` and the file part of `render`: one report in, one file out.
#[derive(Args, Debug)]
pub struct ConvertArgs {
    #[arg(
        value_name = "FILE",
        help = "一份报告：JSON、已发布报告的文本或 HTML\n\
                one report: JSON, or a published report's text or HTML"
    )]
    pub input: PathBuf,
    #[arg(
        short,
        long,
        value_name = "OUT",
        help = "写入此文件，而不是标准输出 / write to this file instead of stdout"
    )]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    pub file: ConvertArgs,
    #[arg(
        long,
        conflicts_with = "figure",
        help = "Word 文档（.docx；须用 -o 指定文件，或经管道输出）\n\
                a Word document (.docx: give -o, or pipe it)"
    )]
    pub docx: bool,
    #[arg(
        long,
        help = "一页“图解”（SVG）/ the one-page 图解 of the year's figures (SVG)"
    )]
    pub figure: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(
        value_name = "FILE",
        required = true,
        help = "报告：JSON、已发布报告的文本或 HTML（UTF-8 或 GBK）\n\
                reports: JSON, or a published report's text or HTML (UTF-8 or GBK)"
    )]
    pub files: Vec<PathBuf>,
    #[arg(
        long,
        required = true,
        help = "长表：表二、三、四的每个单元格一行（空白也有一行，值为空），带文件、机关、\n\
                年度、行列编号和名称、导入说明数和问题数（按“准备发布”检查）\n\
                the long table: a row per cell of tables 二, 三 and 四 (blanks too, as nulls)\n\
                with the file, the agency, the year, the row's and the column's ids and labels,\n\
                and the counts of import notes and of findings (checked as ready to publish)"
    )]
    pub long: bool,
    #[arg(
        short,
        long,
        value_name = "OUT",
        required = true,
        value_parser = PathBufValueParser::new().try_map(long_output),
        help = "写入此文件；格式由扩展名决定：.csv（UTF-8，无 BOM）或 .parquet\n\
                write to this file, in the format its extension names: .csv (UTF-8, no\n\
                byte-order mark) or .parquet"
    )]
    pub output: LongOutput,
}

/// Where `export --long` writes, and in which format (from the file's extension).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongOutput {
    pub path: PathBuf,
    pub format: LongFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LongFormat {
    Csv,
    Parquet,
}

#[derive(Args, Debug)]
pub struct HelpArgs {
    /// The commands' names are its only values (see `command_line`).
    #[arg(value_name = "COMMAND", help = "命令 / a command")]
    pub command: Option<String>,
}

const TEMPLATE: &str = "{about-with-newline}\n用法 / usage: {usage}\n\n{all-args}{after-help}";
const ARGUMENTS: &str = "参数 / arguments";
const OPTIONS: &str = "选项 / options";
const AFTER_HELP: &str = "\
选项可以写在文件之前或之后，每个只能给一次；`--` 之后的都是文件名（例如名为 -o 的文件）。
Options go before or after the files, each at most once; everything after `--` is a file name
(say a file named -o).

退出码 / exit codes: 0 无错误 / no errors · 1 有错误级问题 / error-level findings ·
  2 用法错误或文件无法读取 / bad usage or a file that cannot be read";

/// The parser with its bilingual dress: headings, our own help flag (clap's says "Print help"),
/// and the lists that come from the format or from the parser itself.
fn command_line() -> clap::Command {
    let kinds: Vec<String> = AGENCY_KINDS
        .iter()
        .map(|k| format!("{}（{}）", k.key, k.label_zh))
        .collect();
    let kinds: Vec<String> = kinds.chunks(3).map(|line| line.join("、")).collect();
    let kind_help = format!(
        "机关类型，默认 county_gov / the kind of agency, county_gov by default:\n{}",
        kinds.join("\n")
    );
    let cli = Cli::command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    // The lists first: an argument changed here moves to the end, after the help flag. (And
    // mut_subcommand would move the command to the end of the list: this keeps the order.)
    let cli = cli.mut_subcommands(|command| {
        let command = match command.get_name() {
            "summary" => command.mut_arg("kind", |kind| {
                kind.help(kind_help.clone()).hide_possible_values(true)
            }),
            "help" => command.mut_arg("command", |arg| {
                arg.value_parser(PossibleValuesParser::new(names.clone()))
                    .hide_possible_values(true)
            }),
            _ => command,
        };
        bilingual(command)
    });
    bilingual(cli)
        .subcommand_help_heading("命令 / commands")
        .disable_help_subcommand(true)
        .after_help(format!(
            "一个命令的选项 / a command's options: nianbao help COMMAND, nianbao COMMAND --help\n\n{AFTER_HELP}"
        ))
}

/// A command's help in both languages: our headings and help flag (clap's say "Options" and
/// "Print help").
fn bilingual(command: clap::Command) -> clap::Command {
    command
        .help_template(TEMPLATE)
        .after_help(AFTER_HELP)
        .disable_help_flag(true)
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                ARGUMENTS
            } else {
                OPTIONS
            };
            arg.help_heading(heading)
        })
        .arg(help_flag())
}

fn help_flag() -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::HelpShort)
        .help("显示帮助 / show this help")
        .help_heading(OPTIONS)
}

/// What the command line asks for: a command to run, or a stop before any (help or bad usage).
pub enum Stop {
    /// `--help`: the help of the command it was given to.
    Help(String),
    /// Bad usage, with the help of the command it was given to.
    Usage { failure: Failure, help: String },
}

/// Parses the arguments (without the program's name).
pub fn parse(args: Vec<OsString>) -> Result<Command, Stop> {
    let command = args
        .first()
        .and_then(|a| a.to_str())
        .filter(|a| command_line().find_subcommand(a).is_some())
        .map(str::to_owned);
    // What clap took for files whatever they look like: an extra one is not an unknown option.
    let files: Vec<String> = args
        .iter()
        .skip_while(|a| *a != "--")
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let everything = std::iter::once(OsString::from("nianbao")).chain(args);
    let matches = command_line().try_get_matches_from(everything);
    let parsed = matches.and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Ok(cli.command),
        Err(e) if e.kind() == ErrorKind::DisplayHelp => Err(Stop::Help(e.render().to_string())),
        Err(e) => Err(Stop::Usage {
            failure: usage_failure(&e, command.as_deref().unwrap_or("nianbao"), &files),
            help: help(command.as_deref()),
        }),
    }
}

/// The help of the whole command line, or of one command: what the parser prints on `--help`.
pub fn help(command: Option<&str>) -> String {
    let args = ["nianbao"].into_iter().chain(command).chain(["--help"]);
    match command_line().try_get_matches_from(args) {
        Err(e) if e.kind() == ErrorKind::DisplayHelp => e.render().to_string(),
        // Not reached: every command takes --help. The usage line at least.
        _ => "用法 / usage: nianbao COMMAND …\n".to_owned(),
    }
}

/// One of clap's errors, told in both languages; `command` is the command it was given to,
/// `files` the arguments after `--`.
fn usage_failure(error: &clap::Error, command: &str, files: &[String]) -> Failure {
    let list = |kind, separator| match error.get(kind) {
        Some(ContextValue::String(s)) => plain(s),
        Some(ContextValue::Strings(all)) => all
            .iter()
            .map(|s| plain(s))
            .collect::<Vec<_>>()
            .join(separator),
        _ => String::new(),
    };
    let text = |kind| list(kind, " ");
    let (arg, value, prior) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
        text(ContextKind::PriorArg),
    );
    let option = arg.starts_with('-') && !files.contains(&arg);
    let failure = match error.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Failure::new("缺少命令", "no command given")
        }
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand);
            let names: Vec<String> = command_line()
                .get_subcommands()
                .filter(|c| c.get_name() != "help")
                .map(|c| c.get_name().to_owned())
                .collect();
            Failure::new(
                format!("未知的命令「{name}」；可用的有 {}", names.join("、")),
                format!(
                    "unknown command \"{name}\"; the commands are {}",
                    names.join(", ")
                ),
            )
        }
        ErrorKind::UnknownArgument if option => Failure::new(
            format!("{command} 没有选项 {arg}"),
            format!("{command} has no option {arg}"),
        ),
        ErrorKind::UnknownArgument if ["import", "render", "next"].contains(&command) => {
            Failure::new(
                format!("{command} 只接受一个文件，多出了「{arg}」"),
                format!("{command} takes exactly one FILE; \"{arg}\" is one too many"),
            )
        }
        ErrorKind::UnknownArgument => Failure::new(
            format!("{command} 不接受参数「{arg}」"),
            format!("{command} takes no argument \"{arg}\""),
        ),
        ErrorKind::ArgumentConflict if prior.is_empty() || prior == arg => Failure::new(
            format!("{arg} 只能给一次"),
            format!("{arg} can be given only once"),
        ),
        ErrorKind::ArgumentConflict => Failure::new(
            format!("{arg} 和 {prior} 只能选一个"),
            format!("give only one of {arg} and {prior}"),
        ),
        ErrorKind::MissingRequiredArgument => Failure::new(
            format!("{command} 需要 {arg}"),
            format!("{command} needs {arg}"),
        ),
        ErrorKind::InvalidValue if value.is_empty() => Failure::new(
            format!("{arg} 后面缺少值"),
            format!("{arg} needs a value after it"),
        ),
        ErrorKind::InvalidValue => Failure::new(
            format!(
                "{arg} 的值「{value}」无效；可用的有 {}",
                list(ContextKind::ValidValue, "、")
            ),
            format!(
                "\"{value}\" is not a value of {arg}; the values are {}",
                list(ContextKind::ValidValue, ", ")
            ),
        ),
        // Our own value parsers say what is wrong in both languages.
        ErrorKind::ValueValidation => {
            match std::error::Error::source(error).and_then(|e| e.downcast_ref::<Failure>()) {
                Some(failure) => Failure::new(
                    format!("{arg}：{}", failure.zh),
                    format!("{arg}: {}", failure.en),
                ),
                None => Failure::new(
                    format!("{arg} 的值「{value}」无效"),
                    format!("\"{value}\" is not a value of {arg}"),
                ),
            }
        }
        ErrorKind::InvalidUtf8 => Failure::new(
            "参数不是有效的 UTF-8 文字",
            "an argument is not valid UTF-8",
        ),
        // Not reached with these commands; clap's own words then.
        _ => {
            let said = error.render().to_string();
            let said = said.lines().next().unwrap_or_default();
            let said = said.strip_prefix("error: ").unwrap_or(said);
            Failure::new(format!("参数有误：{said}"), said)
        }
    };
    let suggested = text(ContextKind::SuggestedArg);
    let suggested = if suggested.is_empty() {
        text(ContextKind::SuggestedSubcommand)
    } else {
        suggested
    };
    if !suggested.is_empty() {
        failure.and(
            format!("（是不是 {suggested}？）"),
            format!(" (did you mean {suggested}?)"),
        )
    } else if error.kind() == ErrorKind::UnknownArgument && option {
        failure.and(
            "（以 - 开头的文件名写在 -- 之后）",
            " (a file name that starts with - goes after --)",
        )
    } else {
        failure
    }
}

/// An argument as clap names it (`--last-year <FILE>`, `<FILE>...`, `[COMMAND]`), as the usage
/// lines write it.
fn plain(arg: &str) -> String {
    arg.replace(['<', '>', '[', ']'], "").replace("...", "…")
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

fn agency_name(name: &str) -> Result<String, Failure> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Failure::new("机关名称是空的", "the agency's name is empty"));
    }
    Ok(name.to_owned())
}

fn year(year: &str) -> Result<i32, Failure> {
    year.trim().parse().map_err(|_| {
        Failure::new(
            format!("年度「{year}」不是数字"),
            format!("the year \"{year}\" is not a number"),
        )
    })
}

/// The output of `export --long`: its extension, in any case, chooses the format.
fn long_output(path: PathBuf) -> Result<LongOutput, Failure> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match extension.as_deref() {
        Some("csv") => LongFormat::Csv,
        Some("parquet") => LongFormat::Parquet,
        _ => {
            let name = path.display();
            return Err(Failure::new(
                format!("输出文件须以 .csv 或 .parquet 结尾（由扩展名决定格式），而不是「{name}」"),
                format!("the output must end in .csv or .parquet (its extension chooses the format), not \"{name}\""),
            ));
        }
    };
    Ok(LongOutput { path, format })
}

/// The kinds of agency by their keys in the format (`county_gov` …).
fn agency_kind() -> impl TypedValueParser<Value = AgencyKind> {
    PossibleValuesParser::new(AGENCY_KINDS.iter().map(|k| PossibleValue::new(k.key))).try_map(
        |key| {
            AgencyKind::from_key(&key).ok_or_else(|| {
                Failure::new(
                    format!("未知的机关类型「{key}」"),
                    format!("unknown kind of agency \"{key}\""),
                )
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Command, Stop> {
        parse(args.iter().map(OsString::from).collect())
    }

    fn files_of_check(args: &[&str]) -> Vec<String> {
        match parsed(args) {
            Ok(Command::Check(check)) => check
                .files
                .iter()
                .map(|f| f.to_string_lossy().into_owned())
                .collect(),
            Ok(other) => panic!("{args:?}: {other:?}"),
            Err(Stop::Help(_)) => panic!("{args:?}: help"),
            Err(Stop::Usage { failure, .. }) => panic!("{args:?}: {}", failure.en),
        }
    }

    fn usage_error(args: &[&str]) -> Failure {
        match parsed(args) {
            Err(Stop::Usage { failure, .. }) => failure,
            Err(Stop::Help(_)) => panic!("{args:?}: help"),
            Ok(command) => panic!("{args:?}: {command:?}"),
        }
    }

    /// The parser is well formed (clap's own checks of names, conflicts and headings).
    #[test]
    fn the_command_line_is_well_formed() {
        command_line().debug_assert();
    }

    /// The rule for `--`, the same in every command: after it, everything is a file.
    #[test]
    fn after_a_double_dash_everything_is_a_file() {
        assert_eq!(
            files_of_check(&["check", "a.json", "--", "--json", "-o", "--help", "-"]),
            ["a.json", "--json", "-o", "--help", "-"]
        );
        match parsed(&["check", "--json", "--", "--csv"]) {
            Ok(Command::Check(check)) => assert!(check.json && !check.csv),
            _ => panic!("check --json -- --csv"),
        }
        match parsed(&["summary", "--agency", "某县", "--", "--check", "-o"]) {
            Ok(Command::Summary(summary)) => {
                assert_eq!(summary.units, [PathBuf::from("--check"), "-o".into()]);
                assert!(summary.check.is_none() && summary.output.is_none());
            }
            _ => panic!("summary … -- --check -o"),
        }
        for command in ["import", "next"] {
            match parsed(&[command, "-o", "out.json", "--", "-o"]) {
                Ok(Command::Import(file) | Command::Next(file)) => {
                    assert_eq!(file.input, PathBuf::from("-o"));
                    assert_eq!(file.output, Some("out.json".into()));
                }
                _ => panic!("{command} -o out.json -- -o"),
            }
        }
        match parsed(&["render", "--", "--docx"]) {
            Ok(Command::Render(render)) => {
                assert_eq!(render.file.input, PathBuf::from("--docx"));
                assert!(!render.docx);
            }
            _ => panic!("render -- --docx"),
        }
        // After `--` a second file is still one too many for a command of one file.
        let failure = usage_error(&["render", "a.json", "--", "--figure"]);
        assert_eq!(
            failure.en,
            "render takes exactly one FILE; \"--figure\" is one too many"
        );
    }

    /// Before `--`, options and files mix in any order.
    #[test]
    fn options_go_before_or_after_the_files() {
        for args in [
            &["check", "--publish", "a.json", "b.txt"][..],
            &["check", "a.json", "--publish", "b.txt"],
            &["check", "a.json", "b.txt", "--publish"],
        ] {
            assert_eq!(files_of_check(args), ["a.json", "b.txt"], "{args:?}");
        }
    }

    #[test]
    fn help_stops_before_any_command() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["check", "--help"],
            &["check", "a.json", "-h"],
            &["render", "a.json", "--docx", "--help"],
        ] {
            assert!(matches!(parsed(args), Err(Stop::Help(_))), "{args:?}");
        }
        assert!(help(None).contains("退出码 / exit codes"));
        assert!(help(Some("check")).contains(
            "用法 / usage: nianbao check FILE… [--json | --csv] [--last-year FILE] [--publish]"
        ));
    }

    #[test]
    fn usage_errors_say_what_is_wrong_in_both_languages() {
        for (args, zh, en) in [
            (&[][..], "缺少命令", "no command given"),
            (
                &["frobnicate"],
                "未知的命令「frobnicate」；可用的有 check、summary、import、render、next、export",
                "unknown command \"frobnicate\"; the commands are check, summary, import, render, next, export",
            ),
            (
                &["check", "--jsn", "a.json"],
                "check 没有选项 --jsn（是不是 --json？）",
                "check has no option --jsn (did you mean --json?)",
            ),
            // clap reads `-x.json` as short options, the first of them unknown.
            (
                &["check", "-x.json"],
                "check 没有选项 -x（以 - 开头的文件名写在 -- 之后）",
                "check has no option -x (a file name that starts with - goes after --)",
            ),
            (&["check"], "check 需要 FILE…", "check needs FILE…"),
            (
                &["check", "a.json", "--last-year"],
                "--last-year FILE 后面缺少值",
                "--last-year FILE needs a value after it",
            ),
            (
                &["check", "a", "--last-year", "b", "--last-year", "c"],
                "--last-year FILE 只能给一次",
                "--last-year FILE can be given only once",
            ),
            (
                &["check", "--json", "--csv", "a"],
                "--json 和 --csv 只能选一个",
                "give only one of --json and --csv",
            ),
            (
                &["render", "a.json", "--docx", "--figure"],
                "--docx 和 --figure 只能选一个",
                "give only one of --docx and --figure",
            ),
            (
                &["import", "a.json", "--docx"],
                "import 没有选项 --docx（以 - 开头的文件名写在 -- 之后）",
                "import has no option --docx (a file name that starts with - goes after --)",
            ),
            (
                &["summary", "a.json"],
                "summary 需要 --agency NAME",
                "summary needs --agency NAME",
            ),
            (
                &["summary", "a.json", "--agency", " "],
                "--agency NAME：机关名称是空的",
                "--agency NAME: the agency's name is empty",
            ),
            (
                &["summary", "a.json", "--agency", "某县", "--year", "二〇二三"],
                "--year YEAR：年度「二〇二三」不是数字",
                "--year YEAR: the year \"二〇二三\" is not a number",
            ),
        ] {
            let failure = usage_error(args);
            assert_eq!((failure.zh.as_str(), failure.en.as_str()), (zh, en), "{args:?}");
        }
        let failure = usage_error(&["summary", "a.json", "--agency", "某县", "--kind", "county"]);
        assert!(
            failure.en.starts_with(
                "\"county\" is not a value of --kind KIND; the values are department, township, county_gov"
            ),
            "{}",
            failure.en
        );
    }

    /// The output's extension, in any case, chooses the format; no other is taken.
    #[test]
    fn export_takes_its_format_from_the_extension() {
        for (name, format) in [
            ("out.csv", LongFormat::Csv),
            ("年报.CSV", LongFormat::Csv),
            ("out.parquet", LongFormat::Parquet),
            ("dir.d/out.Parquet", LongFormat::Parquet),
        ] {
            match parsed(&["export", "--long", "a.json", "-o", name]) {
                Ok(Command::Export(export)) => {
                    assert!(export.long);
                    assert_eq!(export.files, [PathBuf::from("a.json")]);
                    assert_eq!(export.output.path, PathBuf::from(name));
                    assert_eq!(export.output.format, format, "{name}");
                }
                _ => panic!("export -o {name}"),
            }
        }
        for name in ["out.xlsx", "out", "csv", "out.csv.gz"] {
            let failure = usage_error(&["export", "--long", "a.json", "-o", name]);
            assert_eq!(
                failure.en,
                format!(
                    "--output OUT: the output must end in .csv or .parquet (its extension chooses the format), not \"{name}\""
                )
            );
            assert!(failure.zh.contains("输出文件须以 .csv 或 .parquet 结尾"));
        }
        let failure = usage_error(&["export", "a.json", "-o", "out.csv"]);
        assert_eq!(
            (failure.zh.as_str(), failure.en.as_str()),
            ("export 需要 --long", "export needs --long")
        );
        let failure = usage_error(&["export", "--long", "a.json"]);
        assert_eq!(failure.en, "export needs --output OUT");
    }

    #[test]
    fn summary_takes_a_kind_by_its_key() {
        match parsed(&[
            "summary", "a.json", "--agency", "某市", "--kind", "city_gov",
        ]) {
            Ok(Command::Summary(summary)) => {
                assert_eq!(summary.kind, Some(AgencyKind::CityGov));
                assert_eq!(summary.agency.as_deref(), Some("某市"));
            }
            _ => panic!("summary --kind city_gov"),
        }
    }
}
