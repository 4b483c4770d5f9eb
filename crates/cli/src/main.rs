//! The `nianbao` command: check, import, render, sum, roll over and export reports from the shell.
//!
//! Argument parsing (args.rs, clap) and printing (commands.rs) only: every rule, reader and
//! writer is the core's (`nianbao-report`).
//! Exit codes: 0 fine, 1 a finding of error level, 2 bad usage or a file that cannot be read.

mod args;
mod commands;
mod long;

use args::{Command, Stop};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    // args_os: a file name that is not UTF-8 must not panic the parser.
    let code = match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(command) => match usable(&command) {
            Ok(()) => run(command),
            Err(failure) => usage_error(&failure, &args::help(Some("render"))),
        },
        Err(Stop::Help(help)) => print_stdout(help),
        Err(Stop::Usage { failure, help }) => usage_error(&failure, &help),
    };
    ExitCode::from(code)
}

fn run(command: Command) -> u8 {
    match command {
        Command::Check(check) if check.csv => commands::check_table(&check),
        Command::Check(check) => commands::check(&check),
        Command::Summary(summary) => commands::summary(&summary),
        Command::Import(file) => commands::convert(commands::Action::Import, &file),
        Command::Render(render) => {
            let format = match (render.docx, render.figure) {
                (true, _) => commands::RenderFormat::Docx,
                (false, true) => commands::RenderFormat::Figure,
                (false, false) => commands::RenderFormat::Html,
            };
            commands::convert(commands::Action::Render(format), &render.file)
        }
        Command::Next(file) => commands::convert(commands::Action::Next, &file),
        Command::Export(export) => long::export_long(&export),
        Command::Help(help) => print_stdout(args::help(help.command.as_deref())),
    }
}

/// What the parser cannot know: where the output goes.
fn usable(command: &Command) -> Result<(), Failure> {
    // A .docx is binary: printed on a terminal it is noise, and can upset the terminal.
    if let Command::Render(render) = command {
        if render.docx && render.file.output.is_none() && io::stdout().is_terminal() {
            return Err(Failure::new(
                "Word 文档是二进制文件，不能输出到终端；请用 -o 文件名.docx 指定输出文件，或经管道输出",
                "a Word document is binary and is not printed on a terminal; give -o FILE.docx, or pipe the output",
            ));
        }
    }
    Ok(())
}

fn usage_error(failure: &Failure, help: &str) -> u8 {
    eprintln!(
        "nianbao: 用法错误：{}\nnianbao: usage error: {}\n\n{help}",
        failure.zh, failure.en
    );
    EXIT_FAILURE
}

/// A message for the user, in Chinese and English.
#[derive(Debug)]
pub struct Failure {
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

    /// The message with more said after it, in both languages.
    fn and(self, zh: impl AsRef<str>, en: impl AsRef<str>) -> Failure {
        Failure::new(self.zh + zh.as_ref(), self.en + en.as_ref())
    }
}

/// For clap, which hands a value parser's error back inside its own.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.zh, self.en)
    }
}

impl std::error::Error for Failure {}

fn print_stdout(bytes: impl AsRef<[u8]>) -> u8 {
    let mut out = io::stdout().lock();
    // A closed pipe is not the command's failure.
    let _ = out.write_all(bytes.as_ref()).and_then(|()| out.flush());
    0
}
