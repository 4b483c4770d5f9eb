//! Derived totals: fill every total cell from its parts, for the editor's auto-total mode.
//!
//! The total cells are the `total` column of table 三 (every row), row （七）总计 of table 三 (every
//! column) and the `total` column of table 四 (every group). Their parts:
//! - （七）总计 in an applicant column = the sum of the result rows of that column;
//! - the `total` column of any row, （七）总计 included = the sum of the row's six applicant cells.
//!
//! So （七）总计/总计 is computed from row （七）'s applicant cells once those are computed, and
//! equals the sum of the result rows' totals as well: both rules R3-row-total and
//! R3-results-total hold for it.
//!
//! A total whose parts are all blank stays blank (nothing is known). A total whose parts are
//! partly blank is the sum of the filled parts: the editor shows a running total while the user
//! types a row, and C-blank names the blank parts. Sums saturate instead of overflowing; a count
//! that large is reported by C-integer.

use crate::format::{
    self, RequestRowRole, APPEAL_TOTAL_COLUMN, REQUEST_APPLICANT_COLUMNS, REQUEST_ROWS,
    REQUEST_TOTAL_COLUMN,
};
use crate::model::{Count, Place, Report};

/// Whether a cell is computed from others: the editor makes these read-only in auto-total mode.
pub fn is_total(place: &Place) -> bool {
    match place {
        Place::Request { row, column } => {
            *column == REQUEST_TOTAL_COLUMN
                || REQUEST_ROWS
                    .get(*row)
                    .is_some_and(|def| def.role == RequestRowRole::ResultsTotal)
        }
        Place::Appeal { column, .. } => *column == APPEAL_TOTAL_COLUMN,
        _ => false,
    }
}

/// Auto-total mode: every total cell becomes the sum of its parts, whatever it held.
pub fn fill_totals(report: &mut Report) {
    fill(report, Overwrite::Always);
}

/// Fill only the totals that are blank; a typed total is never changed, even when it is wrong
/// (the rules say so instead).
pub fn fill_blank_totals(report: &mut Report) {
    fill(report, Overwrite::BlankOnly);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Overwrite {
    Always,
    BlankOnly,
}

fn set(cell: &mut Count, value: Count, overwrite: Overwrite) {
    if overwrite == Overwrite::Always || cell.is_none() {
        *cell = value;
    }
}

/// The sum of the filled parts, or blank when every part is blank.
fn sum(parts: impl IntoIterator<Item = Count>) -> Count {
    parts.into_iter().flatten().fold(None, |sum: Count, n| {
        Some(sum.unwrap_or(0).saturating_add(n))
    })
}

fn fill(report: &mut Report, overwrite: Overwrite) {
    let requests = &mut report.requests.0;
    let result_rows: Vec<usize> = format::request_rows_with_role(RequestRowRole::Result).collect();
    // Row （七） first: the total column then sums it like any other row.
    for total_row in format::request_rows_with_role(RequestRowRole::ResultsTotal) {
        for column in REQUEST_APPLICANT_COLUMNS {
            let value = sum(result_rows.iter().map(|&r| requests[r][column]));
            set(&mut requests[total_row][column], value, overwrite);
        }
    }
    for cells in requests.iter_mut() {
        let value = sum(cells[REQUEST_APPLICANT_COLUMNS].iter().copied());
        set(&mut cells[REQUEST_TOTAL_COLUMN], value, overwrite);
    }
    for cells in report.appeals.0.iter_mut() {
        let value = sum(cells[..APPEAL_TOTAL_COLUMN].iter().copied());
        set(&mut cells[APPEAL_TOTAL_COLUMN], value, overwrite);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::request_row;

    #[test]
    fn totals_are_the_total_column_row_seven_and_group_totals() {
        let total_row = request_row("3.7");
        assert!(is_total(&Place::Request {
            row: 0,
            column: REQUEST_TOTAL_COLUMN
        }));
        assert!(is_total(&Place::Request {
            row: total_row,
            column: 0
        }));
        assert!(!is_total(&Place::Request { row: 0, column: 0 }));
        assert!(!is_total(&Place::Request {
            row: request_row("4"),
            column: 5
        }));
        assert!(is_total(&Place::Appeal {
            group: 2,
            column: APPEAL_TOTAL_COLUMN
        }));
        assert!(!is_total(&Place::Appeal {
            group: 2,
            column: 3
        }));
        assert!(!is_total(&Place::Report));
        // Out of range (a stale place from an older layout): not a total, no panic.
        assert!(!is_total(&Place::Request { row: 99, column: 0 }));
    }

    #[test]
    fn a_sum_of_blanks_stays_blank_and_huge_counts_saturate() {
        assert_eq!(sum([None, None]), None);
        assert_eq!(sum([None, Some(0)]), Some(0));
        assert_eq!(sum([Some(u64::MAX), Some(1)]), Some(u64::MAX));
    }
}
