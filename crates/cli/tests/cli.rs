//! The `nianbao` command run as a user would: on files, reading its output and exit code.

mod common;

use common::{nianbao, TempDir, FIXTURES};
use nianbao_report::export::docx::render_docx;
use nianbao_report::export::figure::render_figure;
use nianbao_report::export::json::{from_json, to_json};
use nianbao_report::format::{self, AgencyKind, SectionId};
use nianbao_report::model::{Decimal, Report};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = include_str!("../../report/tests/fixtures/erdun-2023.txt");

fn seed_file() -> PathBuf {
    Path::new(FIXTURES).join("erdun-2023.txt")
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&Path> = args.iter().map(Path::new).collect();
    nianbao(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The text of the seed between two section headings.
fn seed_section(id: SectionId) -> String {
    let heading = format::section(id).heading;
    let next = format::SECTIONS
        .get(id as usize + 1)
        .map_or("\u{0}", |s| s.heading);
    let start = SEED.find(heading).unwrap() + heading.len();
    let end = SEED[start..].find(next).map_or(SEED.len(), |i| start + i);
    SEED[start..end].trim().to_owned()
}

/// The seed, 锡林浩特市额尔敦街道办事处 2023, as the editor would hold it: table 三 all 0,
/// 行政许可 8, the rest of table 二 and table 四 0.
fn erdun() -> Report {
    let mut r = Report::new_blank("锡林浩特市额尔敦街道办事处", AgencyKind::Township, 2023);
    for id in [SectionId::Overview, SectionId::Problems, SectionId::Other] {
        r.sections.set(id, seed_section(id));
    }
    r.active.regulations = [Some(0); 3];
    r.active.normative_documents = [Some(0); 3];
    r.active.licensing = Some(8);
    r.active.punishment = Some(0);
    r.active.enforcement = Some(0);
    r.active.fees = Some(Decimal("0".into()));
    r.requests.0 = [[Some(0); 7]; 25];
    r.appeals.0 = [[Some(0); 5]; 3];
    r
}

/// The example of the spec: 自然人 一(3)+二(0)=3 but 三(七)(2)+四(0)=2.
fn unbalanced() -> Report {
    let mut r = erdun();
    for (row, n) in [("1", 3), ("3.1", 2), ("3.7", 2)] {
        let cells = r.requests.row_mut(row);
        cells[0] = Some(n);
        cells[6] = Some(n);
    }
    r
}

#[test]
fn a_good_report_exits_0() {
    let dir = TempDir::new("good");
    let good = dir.write("erdun.json", to_json(&erdun()));
    let out = nianbao(&[Path::new("check"), &good]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(
        text.contains(&format!("== {} ==", good.display())),
        "{text}"
    );
    assert!(text.contains("0 个错误"), "{text}");
    assert!(!text.contains("错误 error"), "{text}");
}

#[test]
fn a_broken_balance_is_reported_and_exits_1() {
    let dir = TempDir::new("balance");
    let file = dir.write("unbalanced.json", to_json(&unbalanced()));
    let out = nianbao(&[Path::new("check"), &file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    // Both the 自然人 and the 总计 column are off by one.
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("R3-balance")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    let natural = lines
        .iter()
        .find(|l| l.contains("requests/1/natural"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(natural.starts_with("错误 error"), "{natural}");
    assert!(natural.contains("自然人"), "{natural}");
    assert!(natural.contains("一(3)+二(0)=3"), "{natural}");
    assert!(natural.contains("相差1"), "{natural}");
    assert!(natural.contains("difference 1"), "{natural}");
    assert!(
        lines.iter().any(|l| l.contains("requests/1/total")),
        "{text}"
    );
}

#[test]
fn json_output_is_one_array_for_all_files() {
    let dir = TempDir::new("json");
    let bad = dir.write("unbalanced.json", to_json(&unbalanced()));
    let good = dir.write("erdun.json", to_json(&erdun()));
    let out = nianbao(&[Path::new("check"), &bad, &good, Path::new("--json")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let findings: Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let findings = findings.as_array().expect("one array");
    let balance: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "R3-balance")
        .collect();
    assert_eq!(balance.len(), 2, "{findings:#?}");
    let f = balance
        .iter()
        .find(|f| f["place"] == "requests/1/natural")
        .unwrap();
    assert_eq!(f["file"], bad.to_string_lossy().as_ref());
    assert_eq!(f["severity"], "error");
    assert!(f["message_zh"].as_str().unwrap().contains("相差1"));
    assert!(f["message_en"].as_str().unwrap().contains("difference 1"));
    for f in findings {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys.len(),
            6,
            "file, rule, severity, place, message_zh, message_en: {f}"
        );
        // The good report has no errors of its own.
        if f["file"] == good.to_string_lossy().as_ref() {
            assert_ne!(f["severity"], "error", "{f}");
        }
    }
}

#[test]
fn malformed_json_says_where_it_broke_and_exits_2() {
    let dir = TempDir::new("malformed");
    let mut text = to_json(&erdun());
    // Line 5 is `    "agency": …`; drop the comma that ends it.
    let comma = text.find("办事处\",").unwrap() + "办事处\"".len();
    text.remove(comma);
    let broken = dir.write("broken.json", text);
    let good = dir.write("erdun.json", to_json(&unbalanced()));
    let out = nianbao(&[Path::new("check"), &broken, &good]);
    // 2 wins over the other file's error-level findings; that file is still checked.
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: 第6行第5列：不是有效的 JSON",
            broken.display()
        )),
        "{err}"
    );
    assert!(err.contains("line 6, column 5: not valid JSON"), "{err}");
    assert!(stdout(&out).contains("R3-balance"));

    let newer = dir.write(
        "newer.json",
        to_json(&erdun()).replace("\"schema_version\": 1", "\"schema_version\": 3"),
    );
    let out = nianbao(&[Path::new("check"), &newer]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("此文件由更新版本的年报生成（版本 3），请更新应用"));

    let out = run(&["check", "/nonexistent/nianbao.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("无法读取文件"), "{}", stderr(&out));

    // Neither UTF-8 nor GBK: said to be not UTF-8, with the place.
    let broken = dir.write("broken.txt", b"\x81\x20\xff");
    let out = nianbao(&[Path::new("check"), &broken]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("第1行第1列：不是 UTF-8"),
        "{}",
        stderr(&out)
    );
}

/// Old government pages are GBK, declared or not: the command reads them as the app does.
#[test]
fn a_report_saved_in_gbk_is_read() {
    let dir = TempDir::new("gbk");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SEED);
    assert!(!unmappable, "the seed is all GBK");
    let text = dir.write("erdun-gbk.txt", &gbk);
    let out = nianbao(&[Path::new("check"), &text]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = nianbao(&[Path::new("check"), Path::new("--csv"), &text]);
    assert!(
        stdout(&out).contains("\"额尔敦街道\",\"2023\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn last_year_feeds_the_cross_year_rules() {
    let dir = TempDir::new("last-year");
    let mut last = erdun();
    last.meta.year = 2022;
    let cells = last.requests.row_mut("4");
    cells[0] = Some(2);
    cells[6] = Some(2);
    let last = dir.write("2022.json", to_json(&last));
    let this = dir.write("2023.json", to_json(&erdun()));
    let out = nianbao(&[Path::new("check"), &this]);
    assert!(!stdout(&out).contains("X-carry-over"), "{}", stdout(&out));
    let out = nianbao(&[Path::new("check"), &this, Path::new("--last-year"), &last]);
    let text = stdout(&out);
    assert!(text.contains("X-carry-over"), "{text}");
    assert!(text.contains("requests/2/natural"), "{text}");
}

#[test]
fn publish_makes_blanks_errors() {
    let dir = TempDir::new("publish");
    let mut r = erdun();
    r.active.punishment = None;
    let file = dir.write("blank.json", to_json(&r));
    let draft = nianbao(&[Path::new("check"), &file]);
    assert_eq!(draft.status.code(), Some(0), "{}", stdout(&draft));
    assert!(stdout(&draft).contains("C-blank"));
    let publish = nianbao(&[Path::new("check"), Path::new("--publish"), &file]);
    assert_eq!(publish.status.code(), Some(1), "{}", stdout(&publish));
    assert!(stdout(&publish).contains("active/punishment/decisions"));
}

#[test]
fn next_and_render_write_their_files() {
    let dir = TempDir::new("next");
    let mut r = erdun();
    r.requests.row_mut("4")[6] = Some(31);
    let file = dir.write("2023.json", to_json(&r));
    let next = dir.0.join("2024.json");
    let out = nianbao(&[Path::new("next"), &file, Path::new("-o"), &next]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let draft = from_json(&std::fs::read_to_string(&next).unwrap()).unwrap();
    assert_eq!(draft.meta.year, 2024);
    assert_eq!(draft.requests.row("2")[6], Some(31));
    assert_eq!(draft.last_year.as_deref(), Some(&r));

    let html = dir.0.join("2023.html");
    let out = nianbao(&[Path::new("render"), &file, Path::new("-o"), &html]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("锡林浩特市额尔敦街道办事处2023年政府信息公开工作年度报告"));

    // Without -o the output goes to stdout.
    let out = nianbao(&[Path::new("render"), &file]);
    assert!(stdout(&out).starts_with("<!DOCTYPE html>"));
}

#[test]
fn bad_usage_exits_2_in_both_languages() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["check", "--jsn", "a.json"],
        &["check", "a.json", "--last-year"],
        &["render"],
        &["render", "a.json", "b.json"],
        &["next", "a.json", "-o"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("nianbao: 用法错误："), "{args:?}: {err}");
        assert!(err.contains("nianbao: usage error: "), "{args:?}: {err}");
        assert!(stdout(&out).is_empty());
    }
    let out = run(&["check", "--jsn", "a.json"]);
    assert!(
        stderr(&out).starts_with(
            "nianbao: 用法错误：check 没有选项 --jsn（是不是 --json？）\n\
             nianbao: usage error: check has no option --jsn (did you mean --json?)\n\n\
             检查报告"
        ),
        "the message, then the help of check: {}",
        stderr(&out)
    );
}

/// `--help` is the parser's: the commands, then each command's options, in both languages.
#[test]
fn help_comes_from_the_parser_in_both_languages() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        assert!(
            help.starts_with(
                "nianbao — 政府信息公开工作年度报告 命令行工具 / annual disclosure report tool\n"
            ),
            "{help}"
        );
        for line in [
            "用法 / usage: nianbao COMMAND …",
            "命令 / commands:",
            "  check    检查报告（JSON 或已发布报告的文本/HTML），逐条列出问题。",
            "           Check reports (JSON, or the text/HTML of a published report) and list the findings.",
            "  -h, --help  显示帮助 / show this help",
            "退出码 / exit codes: 0 无错误 / no errors · 1 有错误级问题 / error-level findings ·",
        ] {
            assert!(help.lines().any(|l| l == line), "{line:?} in\n{help}");
        }
        assert!(stderr(&out).is_empty());
    }
    let check = run(&["check", "--help"]);
    assert_eq!(check.status.code(), Some(0));
    let help = stdout(&check);
    for line in [
        "用法 / usage: nianbao check FILE… [--json | --csv] [--last-year FILE] [--publish]",
        "参数 / arguments:",
        "选项 / options:",
        "      --json              所有文件的问题输出为一个 JSON 数组 / one JSON array of all findings",
    ] {
        assert!(help.lines().any(|l| l == line), "{line:?} in\n{help}");
    }
    assert_eq!(stdout(&run(&["help", "check"])), help);
    assert_eq!(stdout(&run(&["check", "a.json", "-h"])), help);
}

/// One rule for `--` in every command: after it, every argument is a file, whatever it looks
/// like; before it, the same word is an option.
#[test]
fn after_a_double_dash_every_argument_is_a_file() {
    let dir = TempDir::new("double-dash");
    dir.write("--help", to_json(&unbalanced()));
    dir.write("-o", to_json(&erdun()));
    dir.write("--check", to_json(&seed_unit("甲镇", 3)));
    let in_dir = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .current_dir(&dir.0)
            .args(args)
            .output()
            .expect("the nianbao binary runs")
    };

    let out = in_dir(&["check", "--", "--help", "-o"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("== --help ==\n"), "{text}");
    assert!(text.contains("\n== -o ==\n"), "{text}");
    assert!(text.contains("R3-balance"), "{text}");
    let out = in_dir(&["check", "--", "--missing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("--missing: 无法读取文件"),
        "{}",
        stderr(&out)
    );

    let out = in_dir(&["render", "--figure", "--", "-o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), render_figure(&erdun()));

    for command in ["import", "next"] {
        let out = in_dir(&[command, "-o", "out.json", "--", "-o"]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        let written = from_json(&std::fs::read_to_string(dir.0.join("out.json")).unwrap()).unwrap();
        assert_eq!(
            written.meta.year,
            if command == "next" { 2024 } else { 2023 }
        );
    }

    let out = in_dir(&["summary", "--agency", "某县人民政府", "--", "--check", "-o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("汇总了 2 个单位"),
        "{}",
        stderr(&out)
    );
    let summary = from_json(&stdout(&out)).unwrap();
    // 甲镇's 3 and the seed's 0.
    assert_eq!(summary.requests.row("1")[0], Some(3));
}

/// How fast is for the benchmarks (`check_1000` in the core's bench, and the command's own
/// run in docs/core-benchmarks.md); here, that a thousand files make one array.
#[test]
fn a_thousand_files_give_one_array() {
    let dir = TempDir::new("thousand");
    let good = to_json(&erdun());
    let bad = to_json(&unbalanced());
    let files: Vec<PathBuf> = (0..1000)
        .map(|i| {
            dir.write(
                &format!("{i:04}.json"),
                if i % 10 == 0 { &bad } else { &good },
            )
        })
        .collect();
    let mut args: Vec<&Path> = vec![Path::new("check"), Path::new("--json")];
    args.extend(files.iter().map(PathBuf::as_path));
    let out = nianbao(&args);
    assert_eq!(out.status.code(), Some(1));
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Written file by file (in windows, on every core), printed as one pretty array would be.
    assert_eq!(
        stdout(&out),
        serde_json::to_string_pretty(&findings).unwrap() + "\n"
    );
    let findings = findings.as_array().unwrap();
    // In the order the files were given, and each file's own findings.
    let order: Vec<usize> = findings
        .iter()
        .map(|f| {
            let file = PathBuf::from(f["file"].as_str().unwrap());
            file.file_stem().unwrap().to_str().unwrap().parse().unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "out of order");
    let unbalanced: Vec<usize> = findings
        .iter()
        .zip(&order)
        .filter(|(f, _)| f["rule"] == "R3-balance")
        .map(|(_, &i)| i)
        .collect();
    assert_eq!(unbalanced.len(), 100 * 2);
    assert!(unbalanced.iter().all(|i| i % 10 == 0));
    assert_eq!(order.last(), Some(&999));
}

#[test]
fn an_unreadable_file_is_named_in_its_place_and_no_findings_give_an_empty_array() {
    let dir = TempDir::new("empty-array");
    let files: Vec<PathBuf> = (0..3)
        .map(|i| dir.write(&format!("{i}.json"), to_json(&erdun())))
        .collect();
    let missing = dir.0.join("missing.json");
    let out = nianbao(&[Path::new("check"), &files[0], &missing, &files[1]]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let first = text.find(&format!("== {} ==", files[0].display())).unwrap();
    let second = text.find(&format!("== {} ==", files[1].display())).unwrap();
    assert!(first < second);
    assert!(stderr(&out).contains(&format!("{}: 无法读取文件", missing.display())));
    let none = nianbao(&[Path::new("check"), Path::new("--json"), &missing]);
    assert_eq!(stdout(&none), "[]\n");
}

#[test]
fn import_turns_the_seed_into_json_v1() {
    let dir = TempDir::new("import");
    let seed = dir.write("erdun-2023.txt", SEED);
    let out_json = dir.0.join("erdun-2023.json");
    let out = nianbao(&[Path::new("import"), &seed, Path::new("-o"), &out_json]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "the JSON went to the file");
    let report = from_json(&std::fs::read_to_string(&out_json).unwrap()).unwrap();
    // The seed's numbers: table 二 行政许可 8, table 三 all 0.
    assert_eq!(report.meta.year, 2023);
    assert_eq!(report.active.licensing, Some(8));
    assert_eq!(report.requests.row("3.7")[6], Some(0));
    assert!(report.sections.get(SectionId::Other).contains("信息处理费"));
    // Import notes go to stderr, one per line, with their rule id.
    for line in stderr(&out).lines() {
        assert!(line.contains(" I-") || line.contains(" S-"), "{line}");
    }

    // Checking the text directly gives the same findings as checking its JSON, plus the notes.
    let text = nianbao(&[Path::new("check"), Path::new("--json"), &seed]);
    let json = nianbao(&[Path::new("check"), Path::new("--json"), &out_json]);
    assert_eq!(text.status.code(), json.status.code());
    let rules = |o: &Output| -> Vec<String> {
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    let (from_text, from_json_file) = (rules(&text), rules(&json));
    let notes: Vec<&String> = from_text.iter().filter(|r| r.starts_with("I-")).collect();
    assert!(!from_json_file.iter().any(|r| r.starts_with("I-")));
    assert_eq!(from_text.len(), from_json_file.len() + notes.len());

    // A JSON input is read, migrated and written back as version 1.
    let v0 = to_json(&erdun())
        .replace("\"format\": \"nianbao-report\",\n", "")
        .replace("\"schema_version\": 1", "\"schema_version\": 0")
        .replace(
            "\"1\": [0, 0, 0, 0, 0, 0, 0]",
            "\"1\": {\"natural\": 0, \"total\": 0}",
        );
    let v0 = dir.write("v0.json", v0);
    let out = nianbao(&[Path::new("import"), &v0]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = from_json(&stdout(&out)).unwrap();
    assert_eq!(
        back.requests.row("1"),
        &[Some(0), None, None, None, None, None, Some(0)]
    );
    assert!(stdout(&out).contains("\"schema_version\": 1"));
}

/// What `check` finds in each published report of the core's tests/fixtures, as
/// `severity rule place`; each one read against the fixture's text.
const FIXTURE_FINDINGS: [(&str, &[&str]); 5] = [
    (
        // A 2023 report in the 2019 table 二 layout, cut off after 行政许可 in table 二: the
        // layout's columns are not 2021's (规章 and 规范性文件 have no 废止/现行有效), nothing
        // after 行政许可 was read, and sections 五 and 六 never came.
        "dizhang-street-2023-partial-2019-format.txt",
        &[
            "warning I-missing section/active",
            "warning S-old-format section/active",
            "error T-section-empty section/problems",
            "error T-section-empty section/other",
            "warning C-blank active/regulations/repealed",
            "warning C-blank active/regulations/in_force",
            "warning C-blank active/normative_documents/repealed",
            "warning C-blank active/normative_documents/in_force",
            "warning C-blank active/punishment/decisions",
            "warning C-blank active/enforcement/decisions",
            "warning C-blank active/fees/amount",
            "warning C-blank section/requests",
            "warning C-blank section/appeals",
        ],
    ),
    (
        // The seed: all its numbers fill in; 一、总体情况 with the paragraph before it runs to
        // 1,381 characters.
        "erdun-2023.txt",
        &["warning T-overview-length section/overview"],
    ),
    (
        // Only the first part of the page, without a title: it stops in table 三 after six
        // columns of row 三(三)6; the agency and the year come from the text (so the agency's
        // kind is unsure too); 四, 五, 六 never came.
        "guanzhou-street-2023-partial.txt",
        &[
            "warning I-missing section/requests",
            "warning I-meta meta/agency",
            "warning I-agency-kind meta/agency_kind",
            "warning I-meta meta/year",
            "error T-section-empty section/problems",
            "error T-section-empty section/other",
            // The 15 blank rows of 三 after 三(三)6 in one finding, at the first of them.
            "warning C-blank requests/3.3.7/natural",
            "warning C-blank requests/3.3.6/total",
            "warning C-blank section/appeals",
        ],
    ),
    (
        // An OCR copy that spells the county 沐阳; its 一、总体情况 runs to 2,846 characters
        // and, for a county government, names neither 社会评议 nor 责任追究.
        "shuyang-county-2025.txt",
        &[
            "info I-ocr-fix meta/agency",
            "warning T-overview-length section/overview",
            "warning S-gov-review section/overview",
        ],
    ),
    (
        // The five 法人 columns of table 三 are left blank (「|26||||||26」).
        "shuyang-fagaiju-2023.txt",
        &[
            "warning C-blank requests/1/commercial",
            "warning C-blank requests/1/research",
            "warning C-blank requests/1/nonprofit",
            "warning C-blank requests/1/legal",
            "warning C-blank requests/1/other",
        ],
    ),
];

/// The published reports of the core's tests/fixtures, all in one run, each with exactly the
/// findings it should have.
#[test]
fn the_published_fixtures_are_checked_in_one_run() {
    let dir = Path::new(FIXTURES);
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let expected_names: Vec<&str> = FIXTURE_FINDINGS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected_names, "a fixture without expectations");
    let mut args: Vec<&Path> = vec![Path::new("check"), Path::new("--json")];
    args.extend(files.iter().map(PathBuf::as_path));
    let out = nianbao(&args);
    // Two of them miss sections 五 and 六: errors.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    for (file, (name, expected)) in files.iter().zip(FIXTURE_FINDINGS) {
        let file = file.to_string_lossy();
        let mut found: Vec<String> = findings
            .iter()
            .filter(|f| f["file"] == file.as_ref())
            .map(|f| {
                let field = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
                format!("{} {} {}", field("severity"), field("rule"), field("place"))
            })
            .collect();
        found.sort();
        let mut expected: Vec<&str> = expected.to_vec();
        expected.sort_unstable();
        assert_eq!(found, expected, "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// The supervisor's commands: the batch table and the summary report
// ---------------------------------------------------------------------------------------------

/// The seed as a unit named `agency` that received `received` requests from natural persons.
fn seed_unit(agency: &str, received: u64) -> Report {
    let mut report = match nianbao_report::import::import_published(SEED) {
        Ok(imported) => imported.report,
        Err(e) => panic!("{e}"),
    };
    report.meta.agency = agency.into();
    report.requests.row_mut("1")[0] = Some(received);
    report
}

#[test]
fn check_csv_writes_the_batch_table_with_a_row_per_file() {
    let dir = TempDir::new("check-csv");
    let a = dir.write("a.json", to_json(&seed_unit("甲镇", 0)));
    let text = dir.write("b.txt", SEED);
    let broken = dir.write("c.json", "{\"format\": ");
    let out = nianbao(&[Path::new("check"), Path::new("--csv"), &a, &text, &broken]);
    // The broken file makes it exit 2, after writing every row.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for Excel/WPS"
    );
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].contains("\"机关\""));
    assert!(lines[1].contains("\"甲镇\",\"2023\",\"0\""), "{}", lines[1]);
    assert!(lines[2].contains("\"额尔敦街道\""), "{}", lines[2]);
    assert!(lines[3].contains("c.json"), "{}", lines[3]);
    let both = run(&["check", "--csv", "--json", "x.json"]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn summary_builds_the_sum_of_the_units_and_check_finds_a_changed_unit() {
    let dir = TempDir::new("summary");
    let a = dir.write("a.json", to_json(&seed_unit("甲镇", 3)));
    let b = dir.write("b.json", to_json(&seed_unit("乙镇", 5)));
    let out_path = dir.0.join("sum.json");
    let out = nianbao(&[
        Path::new("summary"),
        &a,
        &b,
        Path::new("--agency"),
        Path::new("某县人民政府"),
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("甲镇、乙镇"), "{}", stderr(&out));
    let summary = from_json(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(summary.meta.agency, "某县人民政府");
    assert_eq!(summary.meta.agency_kind, AgencyKind::CountyGov);
    assert_eq!(summary.meta.year, 2023);
    assert_eq!(summary.requests.row("1")[0], Some(8));

    let passed = nianbao(&[
        Path::new("summary"),
        Path::new("--check"),
        &out_path,
        &a,
        &b,
    ]);
    assert_eq!(passed.status.code(), Some(0), "{}", stdout(&passed));
    let changed = dir.write("b2.json", to_json(&seed_unit("乙镇", 6)));
    let failed = nianbao(&[
        Path::new("summary"),
        Path::new("--check"),
        &out_path,
        &a,
        &changed,
    ]);
    assert_eq!(failed.status.code(), Some(1));
    let text = stdout(&failed);
    assert!(text.contains("H-sum"), "{text}");
    assert!(text.contains("汇总报告为8，各单位合计为9，相差1"), "{text}");
    assert!(text.contains("乙镇 6"), "{text}");
    let no_agency = nianbao(&[Path::new("summary"), &a]);
    assert_eq!(no_agency.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// render: Word and the 图解
// ---------------------------------------------------------------------------------------------

fn seed_report() -> Report {
    match nianbao_report::import::import_published(SEED) {
        Ok(imported) => imported.report,
        Err(e) => panic!("the seed does not import: {e}"),
    }
}

#[test]
fn the_command_writes_the_figure() {
    let dir = TempDir::new("figure");
    let out = dir.0.join("图解.svg");
    let seed = seed_file();
    let run = nianbao(&[
        Path::new("render"),
        &seed,
        Path::new("--figure"),
        Path::new("-o"),
        &out,
    ]);
    assert!(run.status.success(), "{run:?}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(svg, render_figure(&seed_report()));
}

#[test]
fn the_command_writes_a_docx() {
    let dir = TempDir::new("docx");
    let out = dir.0.join("报告.docx");
    let seed = seed_file();
    let written = nianbao(&[
        Path::new("render"),
        &seed,
        Path::new("--docx"),
        Path::new("-o"),
        &out,
    ]);
    assert!(written.status.success(), "{written:?}");
    let expected = render_docx(&seed_report()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(std::fs::read(&out).unwrap(), expected);

    // Into a pipe the bytes go to stdout, as they would into `> file`.
    let piped = nianbao(&[Path::new("render"), &seed, Path::new("--docx")]);
    assert!(piped.status.success());
    assert_eq!(piped.stdout, expected);

    let both = nianbao(&[
        Path::new("render"),
        &seed,
        Path::new("--docx"),
        Path::new("--figure"),
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("--docx 和 --figure 只能选一个"),
        "{}",
        stderr(&both)
    );
    let on_import = nianbao(&[Path::new("import"), &seed, Path::new("--docx")]);
    assert_eq!(on_import.status.code(), Some(2));
}

/// A terminal gets a message instead of a zip; run under util-linux `script`, which gives the
/// command a terminal of its own.
#[test]
fn the_command_does_not_print_a_docx_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        println!("skipped: `script` (util-linux) not found, no terminal to test with");
        return;
    }
    let command = format!(
        "{} render {} --docx",
        env!("CARGO_BIN_EXE_nianbao"),
        seed_file().display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    let seen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{seen}");
    assert!(seen.contains("-o"), "{seen}");
    assert!(seen.contains("terminal"), "{seen}");
    assert!(!seen.contains("PK\u{3}\u{4}"));
}
