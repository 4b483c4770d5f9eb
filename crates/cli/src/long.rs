//! `nianbao export --long`: the reports as one long table for a warehouse (a row per cell of
//! each report, export::long in the core), written as CSV or as Parquet.
//!
//! Memory stays flat whatever the number of files: as `check` does, the files are read a window
//! at a time, each file read, checked and made into its rows on the cores, the window's rows
//! written (in CSV as lines, in Parquet as one row group) and dropped before the next window is
//! read. Parquet is written with the parquet crate's low-level column writer, without Arrow,
//! Snappy-compressed.

use crate::args::{ExportArgs, LongFormat};
use crate::commands::{load, on_every_core, report_failure, CHECK_WINDOW};
use crate::{Failure, EXIT_FAILURE};
use bytes::Bytes;
use nianbao_report::export::long::{
    long_rows, push_csv_header, push_csv_rows, Field, FieldKind, LongRow, LONG_COLUMNS,
};
use nianbao_report::rules::{self, Stage};
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;
use parquet::schema::types::Type;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

pub fn export_long(options: &ExportArgs) -> u8 {
    let path = options.output.path.as_path();
    let written = File::create(path)
        .map_err(|e| cannot_write(&e))
        .and_then(|file| match options.output.format {
            LongFormat::Csv => write_table(&options.files, CsvTable::new(file)?),
            LongFormat::Parquet => write_table(&options.files, ParquetTable::new(file)?),
        });
    match written {
        Ok(Unread::None) => 0,
        Ok(Unread::Some) => EXIT_FAILURE,
        Err(failure) => {
            // Half a table is no table: a reader must not take it for the whole.
            let _ = std::fs::remove_file(path);
            report_failure(path, &failure);
            EXIT_FAILURE
        }
    }
}

/// Whether some file could not be read (each is named on stderr, as `check` names them).
enum Unread {
    None,
    Some,
}

/// Where the rows go: a CSV or a Parquet file.
trait Table: Sized {
    /// One file's rows in the form the writer takes, made on a core.
    type Part: Send;
    fn part(rows: &[LongRow]) -> Self::Part;
    /// Writes a window's parts, in the files' order.
    fn write(&mut self, parts: Vec<Self::Part>) -> Result<(), Failure>;
    fn finish(self) -> Result<(), Failure>;
}

fn write_table<T: Table + Send>(files: &[PathBuf], table: T) -> Result<Unread, Failure> {
    let mut unread = Unread::None;
    let part_of = |path: &PathBuf| -> Result<T::Part, Failure> {
        let loaded = load(path)?;
        // As the batch check counts them (batch::checked): what is, or is about to be,
        // published is checked as ready to publish.
        let findings = rules::check(&loaded.report, Stage::Publish).len();
        let file = path.to_string_lossy();
        let rows = long_rows(&loaded.report, &file, loaded.notes.len(), findings);
        Ok(T::part(&rows))
    };
    // A window is written on a thread of its own while the next is read on the cores: writing
    // (Parquet's column writer above all) is one thread's work, which the cores had waited
    // for. One window waits at most: memory stays flat.
    std::thread::scope(|scope| {
        let (to_writer, windows) = std::sync::mpsc::sync_channel::<Vec<T::Part>>(1);
        let writer = scope.spawn(move || {
            let mut table = table;
            for parts in windows {
                table.write(parts)?;
            }
            table.finish()
        });
        for window in files.chunks(CHECK_WINDOW) {
            let mut parts = Vec::with_capacity(window.len());
            for (path, part) in window.iter().zip(on_every_core(window, part_of)) {
                match part {
                    Ok(part) => parts.push(part),
                    Err(failure) => {
                        report_failure(path, &failure);
                        unread = Unread::Some;
                    }
                }
            }
            // The writer stopped on a failure, which its join below gives.
            if to_writer.send(parts).is_err() {
                break;
            }
        }
        drop(to_writer);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    Ok(unread)
}

fn cannot_write(e: &dyn std::fmt::Display) -> Failure {
    Failure::new(
        format!("无法写入文件：{e}"),
        format!("cannot write the file: {e}"),
    )
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

struct CsvTable {
    out: BufWriter<File>,
}

impl CsvTable {
    fn new(file: File) -> Result<CsvTable, Failure> {
        let mut header = String::new();
        push_csv_header(&mut header);
        let mut out = BufWriter::new(file);
        out.write_all(header.as_bytes())
            .map_err(|e| cannot_write(&e))?;
        Ok(CsvTable { out })
    }
}

impl Table for CsvTable {
    type Part = String;

    fn part(rows: &[LongRow]) -> String {
        let mut csv = String::new();
        push_csv_rows(&mut csv, rows);
        csv
    }

    fn write(&mut self, parts: Vec<String>) -> Result<(), Failure> {
        parts
            .iter()
            .try_for_each(|part| self.out.write_all(part.as_bytes()))
            .map_err(|e| cannot_write(&e))
    }

    fn finish(mut self) -> Result<(), Failure> {
        self.out.flush().map_err(|e| cannot_write(&e))
    }
}

// ---------------------------------------------------------------------------------------------
// Parquet
// ---------------------------------------------------------------------------------------------

struct ParquetTable {
    writer: SerializedFileWriter<File>,
}

/// One column's values of a file's rows, with its definition levels when it may be null (1 a
/// value, 0 a null: the values hold only the non-null ones).
enum ColumnValues {
    Text {
        values: Vec<ByteArray>,
        levels: Vec<i16>,
    },
    Integer {
        values: Vec<i64>,
        levels: Vec<i16>,
    },
}

impl ColumnValues {
    /// No values yet, room for `rows` of them (a file's), made once at their full size.
    fn with_capacity(kind: FieldKind, rows: usize) -> ColumnValues {
        match kind {
            FieldKind::Text => ColumnValues::Text {
                values: Vec::with_capacity(rows),
                levels: Vec::with_capacity(rows),
            },
            FieldKind::Integer => ColumnValues::Integer {
                values: Vec::with_capacity(rows),
                levels: Vec::with_capacity(rows),
            },
        }
    }
}

/// The Parquet schema, from the core's columns: text as UTF-8 strings, integers as INT64;
/// the columns that may be null OPTIONAL, the others REQUIRED.
fn schema() -> Result<Type, Failure> {
    let fields = LONG_COLUMNS
        .iter()
        .map(|column| {
            let (physical, logical) = match column.kind {
                FieldKind::Text => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
                FieldKind::Integer => (PhysicalType::INT64, None),
            };
            let repetition = if column.nullable {
                Repetition::OPTIONAL
            } else {
                Repetition::REQUIRED
            };
            Type::primitive_type_builder(column.name, physical)
                .with_repetition(repetition)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| parquet_failure(&e))?;
    Type::group_type_builder("nianbao_long")
        .with_fields(fields)
        .build()
        .map_err(|e| parquet_failure(&e))
}

fn parquet_failure(e: &parquet::errors::ParquetError) -> Failure {
    Failure::new(
        format!("无法写入 Parquet 文件：{e}"),
        format!("cannot write the Parquet file: {e}"),
    )
}

/// The columns that name what an id says, in the format's words.
const LABEL_COLUMNS: [&str; 3] = ["table_label", "row_label", "column_label"];

impl ParquetTable {
    fn new(file: File) -> Result<ParquetTable, Failure> {
        let properties = WriterProperties::builder()
            .set_created_by(format!("nianbao {}", env!("CARGO_PKG_VERSION")))
            // A row group per window, whatever its size: the command decides where they end.
            .set_max_row_group_row_count(None)
            // Snappy: a seventh of the size for no time that shows (docs/warehouse.md), and
            // every Parquet reader has it.
            .set_compression(Compression::SNAPPY);
        // No min/max for the labels: a query picks rows by their ids, and comparing every long
        // label (most share their first words) was a third of the writer's time. The ids, the
        // year and the agency keep theirs, for a reader to skip row groups by.
        let properties = LABEL_COLUMNS
            .iter()
            .fold(properties, |properties, name| {
                properties
                    .set_column_statistics_enabled(ColumnPath::from(*name), EnabledStatistics::None)
            })
            .build();
        let writer = SerializedFileWriter::new(file, Arc::new(schema()?), Arc::new(properties))
            .map_err(|e| parquet_failure(&e))?;
        Ok(ParquetTable { writer })
    }
}

impl Table for ParquetTable {
    type Part = Vec<ColumnValues>;

    fn part(rows: &[LongRow]) -> Vec<ColumnValues> {
        // The format's texts are static buffers, which cost nothing to share or drop; a text of
        // the report (its file, its agency) becomes one buffer that its 200 rows share. Twenty
        // million values go through here for 10,000 reports: a copy, a hash or a reference
        // count each showed in a profile.
        let mut own: Vec<(&str, ByteArray)> = Vec::new();
        LONG_COLUMNS
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let mut values = ColumnValues::with_capacity(column.kind, rows.len());
                for row in rows {
                    match (&mut values, row.field(index)) {
                        (ColumnValues::Text { values, levels }, Field::Fixed(text)) => {
                            values.push(ByteArray::from(Bytes::from_static(text.as_bytes())));
                            levels.push(1);
                        }
                        (ColumnValues::Text { values, levels }, Field::Text(text)) => {
                            let shared = match own.iter().find(|(known, _)| *known == text) {
                                Some((_, bytes)) => bytes.clone(),
                                None => {
                                    let bytes = ByteArray::from(text.as_bytes().to_vec());
                                    own.push((text, bytes.clone()));
                                    bytes
                                }
                            };
                            values.push(shared);
                            levels.push(1);
                        }
                        (ColumnValues::Integer { values, levels }, Field::Integer(n)) => {
                            values.push(n);
                            levels.push(1);
                        }
                        (ColumnValues::Text { levels, .. }, _)
                        | (ColumnValues::Integer { levels, .. }, _) => levels.push(0),
                    }
                }
                values
            })
            .collect()
    }

    fn write(&mut self, parts: Vec<Vec<ColumnValues>>) -> Result<(), Failure> {
        if parts.is_empty() {
            return Ok(());
        }
        let failure = |e: parquet::errors::ParquetError| parquet_failure(&e);
        let mut row_group = self.writer.next_row_group().map_err(failure)?;
        for (index, column) in LONG_COLUMNS.iter().enumerate() {
            let Some(mut writer) = row_group.next_column().map_err(failure)? else {
                break;
            };
            // A REQUIRED column has no definition levels.
            let nullable = column.nullable;
            // Each file's values are handed to the column writer as they are, file after file:
            // copying them into one column of the window first was a tenth of the writer's time.
            for values in parts.iter().filter_map(|part| part.get(index)) {
                match values {
                    ColumnValues::Text { values, levels } => writer
                        .typed::<ByteArrayType>()
                        .write_batch(values, nullable.then_some(levels.as_slice()), None),
                    ColumnValues::Integer { values, levels } => writer
                        .typed::<Int64Type>()
                        .write_batch(values, nullable.then_some(levels.as_slice()), None),
                }
                .map_err(failure)?;
            }
            writer.close().map_err(failure)?;
        }
        row_group.close().map_err(failure)?;
        Ok(())
    }

    fn finish(self) -> Result<(), Failure> {
        self.writer
            .close()
            .map(|_| ())
            .map_err(|e| parquet_failure(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table that counts the windows it is given, and fails at the one named.
    struct Counted {
        windows: std::sync::Arc<std::sync::atomic::AtomicUsize>,
        fail_at: Option<usize>,
    }

    impl Table for Counted {
        type Part = ();
        fn part(_: &[LongRow]) {}
        fn write(&mut self, _: Vec<()>) -> Result<(), Failure> {
            let seen = self
                .windows
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if Some(seen) == self.fail_at {
                return Err(cannot_write(&"disk full"));
            }
            Ok(())
        }
        fn finish(self) -> Result<(), Failure> {
            Ok(())
        }
    }

    /// Files that do not exist: each is named unread, and its window still reaches the writer.
    fn missing_files(count: usize) -> Vec<PathBuf> {
        (0..count)
            .map(|i| PathBuf::from(format!("/nonexistent/nianbao-{i}.json")))
            .collect()
    }

    /// Every window reaches the writer, written beside the reading of the next.
    #[test]
    fn every_window_is_written() {
        let windows = std::sync::Arc::default();
        let table = Counted {
            windows: std::sync::Arc::clone(&windows),
            fail_at: None,
        };
        let files = missing_files(CHECK_WINDOW * 3 + 1);
        let written = write_table(&files, table);
        assert!(matches!(written, Ok(Unread::Some)));
        assert_eq!(windows.load(std::sync::atomic::Ordering::SeqCst), 4);
    }

    /// A write that fails stops the reading and is the command's failure: nothing hangs.
    #[test]
    fn a_failed_write_stops_the_export() {
        let windows = std::sync::Arc::default();
        let table = Counted {
            windows: std::sync::Arc::clone(&windows),
            fail_at: Some(1),
        };
        let files = missing_files(CHECK_WINDOW * 6);
        let written = write_table(&files, table);
        assert!(written.is_err());
        assert_eq!(windows.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    /// Every column of the core has its field in the schema, by name and in order.
    #[test]
    fn the_schema_has_the_cores_columns() {
        let schema = schema().expect("a valid schema");
        let names: Vec<&str> = schema.get_fields().iter().map(|f| f.name()).collect();
        let columns: Vec<&str> = LONG_COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names, columns);
    }
}
