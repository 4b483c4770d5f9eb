//! `nianbao export --long` run as a user would: the long table of the real reports written as
//! CSV and as Parquet, the Parquet read back with the parquet crate's reader and compared with
//! the CSV field for field.

mod common;

use common::{nianbao, TempDir, FIXTURES};
use nianbao_report::export::json::to_json;
use nianbao_report::export::long::{cell_count, FieldKind, LONG_COLUMNS};
use nianbao_report::format::AgencyKind;
use nianbao_report::Report;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The five real reports of the fixtures (2023 and 2025, full and partial).
fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    files
}

fn export(files: &[PathBuf], output: &Path) -> Output {
    let mut args: Vec<&Path> = vec![Path::new("export"), Path::new("--long")];
    args.extend(files.iter().map(PathBuf::as_path));
    args.extend([Path::new("-o"), output]);
    nianbao(&args)
}

/// A CSV after RFC 4180, each field `None` where it was empty and unquoted (a null).
fn read_csv(csv: &str) -> Vec<Vec<Option<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut chars = csv.chars().peekable();
    while chars.peek().is_some() {
        let mut field = String::new();
        let quoted = chars.peek() == Some(&'"');
        if quoted {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
        }
        while let Some(&c) = chars.peek().filter(|&&c| c != ',' && c != '\r') {
            field.push(c);
            chars.next();
        }
        record.push((quoted || !field.is_empty()).then_some(field));
        if chars.next() == Some('\r') {
            assert_eq!(chars.next(), Some('\n'), "CR without LF");
            records.push(std::mem::take(&mut record));
        }
    }
    assert!(record.is_empty(), "the last line has no CRLF");
    records
}

/// The Parquet's rows, each field as the CSV writes it (`None` for a null), and the number of
/// row groups.
fn read_parquet(path: &Path) -> (Vec<Vec<Option<String>>>, usize) {
    let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let groups = reader.metadata().num_row_groups();
    let schema = reader.metadata().file_metadata().schema();
    let names: Vec<&str> = schema.get_fields().iter().map(|f| f.name()).collect();
    let columns: Vec<&str> = LONG_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, columns);
    let rows = reader
        .into_iter()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .zip(&LONG_COLUMNS)
                .map(|((name, field), column)| {
                    assert_eq!(name, column.name);
                    match (field, column.kind) {
                        (Field::Null, _) => {
                            assert!(column.nullable, "{name} is null");
                            None
                        }
                        (Field::Str(text), FieldKind::Text) => Some(text.clone()),
                        (Field::Long(n), FieldKind::Integer) => Some(n.to_string()),
                        (other, _) => panic!("{name}: {other:?}"),
                    }
                })
                .collect()
        })
        .collect();
    (rows, groups)
}

#[test]
fn the_fixtures_give_the_same_table_in_csv_and_in_parquet() {
    let dir = TempDir::new("both");
    let files = fixtures();
    let (csv_path, parquet_path) = (dir.path("long.csv"), dir.path("long.PARQUET"));
    for path in [&csv_path, &parquet_path] {
        let done = export(&files, path);
        assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    }

    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let records = read_csv(&csv);
    let header: Vec<&str> = records[0].iter().flatten().map(String::as_str).collect();
    let names: Vec<&str> = LONG_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    let rows = &records[1..];
    assert_eq!(rows.len(), files.len() * cell_count());

    let (parquet_rows, groups) = read_parquet(&parquet_path);
    assert_eq!(groups, 1, "five files make one window");
    assert_eq!(parquet_rows.len(), rows.len());
    for (i, (from_parquet, from_csv)) in parquet_rows.iter().zip(rows).enumerate() {
        assert_eq!(from_parquet, from_csv, "row {i}");
    }

    // Rows come in the files' order, each file's 200 together; a known cell of each: 沭阳县人民政府
    // 2025 received 713 requests; 沭阳县发展和改革局 2023 left 三(一) 法律服务机构 blank.
    let at = |name: &str| LONG_COLUMNS.iter().position(|c| c.name == name).unwrap();
    for (file, chunk) in files.iter().zip(rows.chunks(cell_count())) {
        let file = file.to_string_lossy();
        assert!(chunk
            .iter()
            .all(|r| r[at("file")].as_deref() == Some(&*file)));
    }
    let find = |file: &str, place: [&str; 3]| {
        rows.iter()
            .find(|r| {
                r[at("file")].as_deref().is_some_and(|f| f.ends_with(file))
                    && [at("table_id"), at("row_id"), at("column_id")]
                        .iter()
                        .zip(place)
                        .all(|(&c, id)| r[c].as_deref() == Some(id))
            })
            .unwrap_or_else(|| panic!("{file} {place:?}"))
    };
    let county = find("shuyang-county-2025.txt", ["requests", "1", "total"]);
    assert_eq!(county[at("value")].as_deref(), Some("713"));
    assert_eq!(county[at("year")].as_deref(), Some("2025"));
    assert_eq!(county[at("agency_kind")].as_deref(), Some("county_gov"));
    let fee = find("shuyang-county-2025.txt", ["active", "fees", "amount"]);
    assert_eq!(
        (fee[at("value")].as_deref(), fee[at("amount")].as_deref()),
        (None, Some("4068.208"))
    );
    let blank = find("shuyang-fagaiju-2023.txt", ["requests", "3.1", "legal"]);
    assert_eq!(blank[at("value")], None);
    // The partial copy that stops in table 二 has import notes, and its blanks are findings.
    let partial = find(
        "dizhang-street-2023-partial-2019-format.txt",
        ["requests", "3.7", "total"],
    );
    assert_eq!(partial[at("value")], None);
    assert_ne!(partial[at("notes")].as_deref(), Some("0"));
    assert_ne!(partial[at("findings")].as_deref(), Some("0"));
}

/// A window of 256 files is one row group: 300 files make two, and every row is there.
#[test]
fn each_window_of_files_is_a_row_group() {
    let dir = TempDir::new("windows");
    let mut report = Report::new_blank("某县人民政府", AgencyKind::CountyGov, 2024);
    report.requests.row_mut("1")[6] = Some(5);
    let json = to_json(&report);
    let files: Vec<PathBuf> = (0..300)
        .map(|i| {
            let path = dir.path(&format!("{i:03}.json"));
            std::fs::write(&path, &json).unwrap();
            path
        })
        .collect();
    let output = dir.path("long.parquet");
    let done = export(&files, &output);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let reader = SerializedFileReader::new(File::open(&output).unwrap()).unwrap();
    let metadata = reader.metadata();
    assert_eq!(metadata.num_row_groups(), 2);
    assert_eq!(
        metadata.row_group(0).num_rows() as usize,
        256 * cell_count()
    );
    assert_eq!(
        metadata.file_metadata().num_rows() as usize,
        300 * cell_count()
    );
}

/// A row group tells its range of years, agencies and ids, for a reader to skip it by; the
/// labels, which a query does not pick rows by, carry no range.
#[test]
fn row_groups_carry_the_ranges_of_ids_not_of_labels() {
    let dir = TempDir::new("statistics");
    let output = dir.path("long.parquet");
    let done = export(&fixtures(), &output);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let reader = SerializedFileReader::new(File::open(&output).unwrap()).unwrap();
    let group = reader.metadata().row_group(0);
    let statistics = |name: &str| {
        let at = LONG_COLUMNS.iter().position(|c| c.name == name).unwrap();
        group.column(at).statistics().cloned()
    };
    for name in [
        "file",
        "agency",
        "year",
        "table_id",
        "row_id",
        "column_id",
        "value",
    ] {
        let range = statistics(name).unwrap_or_else(|| panic!("{name} has no statistics"));
        assert!(
            range.min_bytes_opt().is_some() && range.max_bytes_opt().is_some(),
            "{name}"
        );
    }
    let years = statistics("year").unwrap();
    assert_eq!(years.min_bytes_opt(), Some(&2023i64.to_le_bytes()[..]));
    assert_eq!(years.max_bytes_opt(), Some(&2025i64.to_le_bytes()[..]));
    for name in ["table_label", "row_label", "column_label"] {
        let range = statistics(name);
        assert!(range.is_none_or(|r| r.min_bytes_opt().is_none()), "{name}");
    }
}

/// As `check` does: an unreadable file is named on stderr in both languages and left out, the
/// others are written, and the exit code is 2.
#[test]
fn an_unreadable_file_is_named_and_the_others_written() {
    let dir = TempDir::new("unreadable");
    let missing = dir.path("no-such-report.json");
    let files = [fixtures()[0].clone(), missing.clone()];
    for name in ["long.csv", "long.parquet"] {
        let output = dir.path(name);
        let done = export(&files, &output);
        assert_eq!(done.status.code(), Some(2), "{name}");
        let said = stderr(&done);
        assert!(
            said.contains(&format!("{}: 无法读取文件", missing.display())),
            "{said}"
        );
        assert!(said.contains("cannot read the file"), "{said}");
        let rows = if name.ends_with(".csv") {
            read_csv(&std::fs::read_to_string(&output).unwrap()).len() - 1
        } else {
            read_parquet(&output).0.len()
        };
        assert_eq!(rows, cell_count(), "{name}");
    }
}

#[test]
fn the_output_must_be_csv_or_parquet_and_long_is_asked_for() {
    let dir = TempDir::new("usage");
    let files = fixtures();
    let output = dir.path("long.xlsx");
    let done = export(&files, &output);
    assert_eq!(done.status.code(), Some(2));
    let said = stderr(&done);
    assert!(
        said.contains("输出文件须以 .csv 或 .parquet 结尾")
            && said.contains("must end in .csv or .parquet"),
        "{said}"
    );
    assert!(!output.exists(), "nothing written");

    let out_csv = dir.path("long.csv");
    let done = nianbao(&[Path::new("export"), &files[0], Path::new("-o"), &out_csv]);
    assert_eq!(done.status.code(), Some(2));
    assert!(
        stderr(&done).contains("export 需要 --long"),
        "{}",
        stderr(&done)
    );
    assert!(!out_csv.exists());

    // A folder that does not exist: said, exit 2.
    let nowhere = dir.path("no-such-folder/long.parquet");
    let done = export(&files, &nowhere);
    assert_eq!(done.status.code(), Some(2));
    assert!(stderr(&done).contains("无法写入文件"), "{}", stderr(&done));
}
