//! Rules over the numbers of tables 二, 三 and 四: R3-balance, R3-row-total, R3-results-total,
//! R4-group-total, C-integer, C-blank, R3-other-share.
//!
//! Blank cells are reported once, by C-blank. A sum with blank parts is not skipped outright:
//! a blank is an unknown count ≥ 0, so when the filled cells alone already make one side larger
//! than a fully filled other side, the equation is certainly broken and is reported as
//! 「至少相差N」. Anything less certain waits until the blanks are filled.

use super::Stage;
use crate::finding::{Basis, Finding, Severity};
use crate::format::{
    self, ActiveRowId, RequestRowRole, SectionId, APPEAL_COLUMNS, APPEAL_COLUMN_LABELS_EN,
    APPEAL_GROUPS, APPEAL_GROUP_LABELS_EN, APPEAL_TOTAL_COLUMN, REQUEST_APPLICANT_COLUMNS,
    REQUEST_COLUMNS, REQUEST_COLUMN_LABELS_EN, REQUEST_ROWS, REQUEST_TOTAL_COLUMN,
};
use crate::message::Message;
use crate::model::{AppealTable, Count, Place, Report, RequestTable, MAX_COUNT};
use crate::rules::Rule;

const BALANCE: Rule = Rule::R3Balance;
const ROW_TOTAL: Rule = Rule::R3RowTotal;
const RESULTS_TOTAL: Rule = Rule::R3ResultsTotal;
const GROUP_TOTAL: Rule = Rule::R4GroupTotal;
const INTEGER: Rule = Rule::CInteger;
pub(super) const BLANK: Rule = Rule::CBlank;
const OTHER_SHARE: Rule = Rule::R3OtherShare;

/// R3-other-share fires above this share of （六）其他处理 in （七）总计, in percent. 沭阳县人民政府
/// 2025 (a large county, published without remark) stands at 22 %; well above that, the
/// catch-all is hiding real outcomes and reviewers ask for an explanation.
pub const OTHER_SHARE_PERCENT: u128 = 30;
/// …and only from this many applications under （六）其他处理: below it one unusual case swings
/// the share (1 of 2 is 50 %) and there is nothing worth explaining.
pub const OTHER_SHARE_MIN_COUNT: u128 = 10;

/// The category whose share R3-other-share watches: （六）其他处理.
const OTHER_HANDLING_CATEGORY: &str = "3.6";

pub(super) fn check(report: &Report, stage: Stage, findings: &mut Vec<Finding>) {
    check_balance(&report.requests, findings);
    check_row_totals(&report.requests, findings);
    check_results_totals(&report.requests, findings);
    check_group_totals(&report.appeals, findings);
    check_values(report, findings);
    check_blanks(report, stage, findings);
    check_other_share(&report.requests, findings);
}

// ---------------------------------------------------------------------------------------------
// Sums whose parts may be blank
// ---------------------------------------------------------------------------------------------

/// What is known of a sum: the filled parts' total and how many parts are blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PartialSum {
    pub known: u128,
    pub blanks: usize,
}

impl PartialSum {
    pub fn of(parts: impl IntoIterator<Item = Count>) -> PartialSum {
        // u128: even 25 cells of u64::MAX cannot overflow it, whatever an import hands in.
        parts.into_iter().fold(
            PartialSum {
                known: 0,
                blanks: 0,
            },
            |sum, part| match part {
                Some(n) => PartialSum {
                    known: sum.known + u128::from(n),
                    ..sum
                },
                None => PartialSum {
                    blanks: sum.blanks + 1,
                    ..sum
                },
            },
        )
    }

    /// 「=3」, or 「≥3」 when blank parts may add more.
    fn relation(&self) -> &'static str {
        if self.blanks == 0 {
            "="
        } else {
            "≥"
        }
    }

    fn zh(&self) -> String {
        format!("{}{}", self.relation(), self.known)
    }

    fn en(&self) -> String {
        format!("{} {}", self.relation(), self.known)
    }
}

/// How far apart two sums certainly are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    Exact(u128),
    AtLeast(u128),
}

impl Gap {
    /// `None` when the sums agree or the blanks could still make them agree.
    pub fn between(left: PartialSum, right: PartialSum) -> Option<Gap> {
        match (left.blanks, right.blanks) {
            (0, 0) if left.known != right.known => {
                Some(Gap::Exact(left.known.abs_diff(right.known)))
            }
            (_, 0) if left.known > right.known => Some(Gap::AtLeast(left.known - right.known)),
            (0, _) if right.known > left.known => Some(Gap::AtLeast(right.known - left.known)),
            _ => None,
        }
    }

    pub fn zh(&self) -> String {
        match self {
            Gap::Exact(n) => format!("相差{n}"),
            Gap::AtLeast(n) => format!("至少相差{n}（空白格未计）"),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Gap::Exact(n) => format!("difference {n}"),
            Gap::AtLeast(n) => format!("difference at least {n} (blank cells not counted)"),
        }
    }
}

pub(super) fn value_zh(value: Count) -> String {
    value.map_or_else(|| "空".to_owned(), |n| n.to_string())
}

pub(super) fn value_en(value: Count) -> String {
    value.map_or_else(|| "blank".to_owned(), |n| n.to_string())
}

// ---------------------------------------------------------------------------------------------
// Names of tables, columns and cells, for messages
// ---------------------------------------------------------------------------------------------

/// 「表三」: the table is named after its section's numeral.
pub(super) fn table_zh(section: SectionId) -> String {
    format!(
        "表{}",
        format::section(section).numeral.trim_end_matches('、')
    )
}

pub(super) fn table_en(section: SectionId) -> String {
    format!("table {}", section as usize + 1)
}

/// 「自然人列」
pub(super) fn request_column_zh(column: usize) -> String {
    format!("{}列", REQUEST_COLUMNS[column].label)
}

/// "Column 自然人 (natural persons)"
pub(super) fn request_column_en(column: usize) -> String {
    format!(
        "Column {} ({})",
        REQUEST_COLUMNS[column].label, REQUEST_COLUMN_LABELS_EN[column]
    )
}

/// 「行政诉讼（未经复议直接起诉）」
fn appeal_group_zh(group: usize) -> String {
    let def = &APPEAL_GROUPS[group];
    if def.parent == def.label {
        def.label.to_owned()
    } else {
        format!("{}（{}）", def.parent, def.label)
    }
}

fn active_column_label(row: ActiveRowId, column: &str) -> &'static str {
    format::active_row(row)
        .0
        .kind
        .columns()
        .iter()
        .find(|(key, _)| *key == column)
        .map_or("", |(_, label)| label)
}

/// A cell named the way a reviewer would: 「表三 三(三)2/自然人」.
pub(super) fn cell_zh(place: &Place) -> String {
    match place {
        Place::Request { row, column } => format!(
            "{} {}/{}",
            table_zh(SectionId::Requests),
            REQUEST_ROWS[*row].short,
            REQUEST_COLUMNS[*column].label
        ),
        Place::Appeal { group, column } => format!(
            "{} {}/{}",
            table_zh(SectionId::Appeals),
            appeal_group_zh(*group),
            APPEAL_COLUMNS[*column].label
        ),
        Place::Active(row, column) => format!(
            "{} {}/{}",
            table_zh(SectionId::Active),
            format::active_row(*row).1.label,
            active_column_label(*row, column)
        ),
        other => other.id(),
    }
}

pub(super) fn cell_en(place: &Place) -> String {
    match place {
        Place::Request { row, column } => format!(
            "{}, row {}, column {}",
            table_en(SectionId::Requests),
            REQUEST_ROWS[*row].short_en(),
            REQUEST_COLUMN_LABELS_EN[*column]
        ),
        Place::Appeal { group, column } => format!(
            "{}, {}, {}",
            table_en(SectionId::Appeals),
            APPEAL_GROUP_LABELS_EN[*group],
            APPEAL_COLUMN_LABELS_EN[*column]
        ),
        Place::Active(row, column) => format!(
            "{}, {}, {}",
            table_en(SectionId::Active),
            format::active_row(*row).1.key.replace('_', " "),
            column.replace('_', " ")
        ),
        other => other.id(),
    }
}

/// The single row of a role that the format has exactly once (一, 二, 三(七), 四).
fn row_with_role(role: RequestRowRole) -> usize {
    format::request_rows_with_role(role)
        .next()
        .unwrap_or_else(|| panic!("table 三 has a row of role {role:?}"))
}

// ---------------------------------------------------------------------------------------------
// R3-balance, R3-row-total, R3-results-total, R4-group-total
// ---------------------------------------------------------------------------------------------

/// The finding sits on the column's cell in row 一: which of the four cells is wrong, only the
/// user can say.
fn check_balance(requests: &RequestTable, findings: &mut Vec<Finding>) {
    let [new, carried_in, results, carried_out] = [
        RequestRowRole::NewRequests,
        RequestRowRole::CarriedIn,
        RequestRowRole::ResultsTotal,
        RequestRowRole::CarriedOut,
    ]
    .map(row_with_role);
    for column in 0..REQUEST_COLUMNS.len() {
        let [a, b, c, d] =
            [new, carried_in, results, carried_out].map(|r| requests.cell(r, column));
        let left = PartialSum::of([a, b]);
        let right = PartialSum::of([c, d]);
        let Some(gap) = Gap::between(left, right) else {
            continue;
        };
        let [sa, sb, sc, sd] = [new, carried_in, results, carried_out].map(|r| &REQUEST_ROWS[r]);
        findings.push(Finding {
            rule: BALANCE,
            severity: Severity::Error,
            place: Place::Request { row: new, column },
            message: Message {
                zh: format!(
                    "{}：{}({})+{}({}){}，{}({})+{}({}){}，{}",
                    request_column_zh(column),
                    sa.short,
                    value_zh(a),
                    sb.short,
                    value_zh(b),
                    left.zh(),
                    sc.short,
                    value_zh(c),
                    sd.short,
                    value_zh(d),
                    right.zh(),
                    gap.zh()
                ),
                en: format!(
                    "{}: {} ({}) + {} ({}) {}, but {} ({}) + {} ({}) {}; {}",
                    request_column_en(column),
                    sa.short_en(),
                    value_en(a),
                    sb.short_en(),
                    value_en(b),
                    left.en(),
                    sc.short_en(),
                    value_en(c),
                    sd.short_en(),
                    value_en(d),
                    right.en(),
                    gap.en()
                ),
            },
            basis: super::catalogue::R3_BALANCE_BASIS,
        });
    }
}

fn check_row_totals(requests: &RequestTable, findings: &mut Vec<Finding>) {
    for (row, def) in REQUEST_ROWS.iter().enumerate() {
        let cells = &requests.0[row];
        let parts = PartialSum::of(cells[REQUEST_APPLICANT_COLUMNS].iter().copied());
        let total = cells[REQUEST_TOTAL_COLUMN];
        let Some(gap) = Gap::between(parts, PartialSum::of([total])) else {
            continue;
        };
        let terms_zh: Vec<String> = REQUEST_APPLICANT_COLUMNS
            .map(|c| format!("{}({})", REQUEST_COLUMNS[c].label, value_zh(cells[c])))
            .collect();
        let terms_en: Vec<String> = REQUEST_APPLICANT_COLUMNS
            .map(|c| format!("{} ({})", REQUEST_COLUMN_LABELS_EN[c], value_en(cells[c])))
            .collect();
        findings.push(Finding {
            rule: ROW_TOTAL,
            severity: Severity::Error,
            place: Place::Request {
                row,
                column: REQUEST_TOTAL_COLUMN,
            },
            message: Message {
                zh: format!(
                    "{}行：{}{}，{}({})，{}",
                    def.short,
                    terms_zh.join("+"),
                    parts.zh(),
                    REQUEST_COLUMNS[REQUEST_TOTAL_COLUMN].label,
                    value_zh(total),
                    gap.zh()
                ),
                en: format!(
                    "Row {}: {} {}, but {} ({}); {}",
                    def.short_en(),
                    terms_en.join(" + "),
                    parts.en(),
                    REQUEST_COLUMN_LABELS_EN[REQUEST_TOTAL_COLUMN],
                    value_en(total),
                    gap.en()
                ),
            },
            basis: Basis::Derived,
        });
    }
}

fn check_results_totals(requests: &RequestTable, findings: &mut Vec<Finding>) {
    let total_row = row_with_role(RequestRowRole::ResultsTotal);
    let result_rows: Vec<usize> = format::request_rows_with_role(RequestRowRole::Result).collect();
    let (Some(&first), Some(&last)) = (result_rows.first(), result_rows.last()) else {
        return;
    };
    let (first, last, total_def) = (
        &REQUEST_ROWS[first],
        &REQUEST_ROWS[last],
        &REQUEST_ROWS[total_row],
    );
    for column in 0..REQUEST_COLUMNS.len() {
        let parts = PartialSum::of(result_rows.iter().map(|&r| requests.cell(r, column)));
        let total = requests.cell(total_row, column);
        let Some(gap) = Gap::between(parts, PartialSum::of([total])) else {
            continue;
        };
        let blanks_zh = match parts.blanks {
            0 => String::new(),
            n => format!("（其中{n}格空白）"),
        };
        let blanks_en = match parts.blanks {
            0 => String::new(),
            n => format!(" ({n} of them blank)"),
        };
        findings.push(Finding {
            rule: RESULTS_TOTAL,
            severity: Severity::Error,
            place: Place::Request {
                row: total_row,
                column,
            },
            message: Message {
                zh: format!(
                    "{}：{}至{}之和{}{}，{}({})，{}",
                    request_column_zh(column),
                    first.short,
                    last.short,
                    parts.zh(),
                    blanks_zh,
                    total_def.short,
                    value_zh(total),
                    gap.zh()
                ),
                en: format!(
                    "{}: the results {} to {}{} add up to {}{}, but {} ({}); {}",
                    request_column_en(column),
                    first.short_en(),
                    last.short_en(),
                    blanks_en,
                    if parts.blanks == 0 { "" } else { "at least " },
                    parts.known,
                    total_def.short_en(),
                    value_en(total),
                    gap.en()
                ),
            },
            basis: Basis::Derived,
        });
    }
}

fn check_group_totals(appeals: &AppealTable, findings: &mut Vec<Finding>) {
    for (group, cells) in appeals.0.iter().enumerate() {
        let parts = PartialSum::of(cells[..APPEAL_TOTAL_COLUMN].iter().copied());
        let total = cells[APPEAL_TOTAL_COLUMN];
        let Some(gap) = Gap::between(parts, PartialSum::of([total])) else {
            continue;
        };
        let terms_zh: Vec<String> = (0..APPEAL_TOTAL_COLUMN)
            .map(|c| format!("{}({})", APPEAL_COLUMNS[c].label, value_zh(cells[c])))
            .collect();
        let terms_en: Vec<String> = (0..APPEAL_TOTAL_COLUMN)
            .map(|c| format!("{} ({})", APPEAL_COLUMN_LABELS_EN[c], value_en(cells[c])))
            .collect();
        findings.push(Finding {
            rule: GROUP_TOTAL,
            severity: Severity::Error,
            place: Place::Appeal {
                group,
                column: APPEAL_TOTAL_COLUMN,
            },
            message: Message {
                zh: format!(
                    "{}：{}{}，{}({})，{}",
                    appeal_group_zh(group),
                    terms_zh.join("+"),
                    parts.zh(),
                    APPEAL_COLUMNS[APPEAL_TOTAL_COLUMN].label,
                    value_zh(total),
                    gap.zh()
                ),
                en: format!(
                    "{} ({}): {} {}, but {} ({}); {}",
                    APPEAL_GROUPS[group].label,
                    APPEAL_GROUP_LABELS_EN[group],
                    terms_en.join(" + "),
                    parts.en(),
                    APPEAL_COLUMN_LABELS_EN[APPEAL_TOTAL_COLUMN],
                    value_en(total),
                    gap.en()
                ),
            },
            basis: Basis::Derived,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// C-integer
// ---------------------------------------------------------------------------------------------

/// Every count cell of the report with its place, in printed order: tables 二, 三, 四.
pub(super) fn count_cells(report: &Report) -> Vec<(Place, Count)> {
    let mut cells = Vec::new();
    for (band, def) in format::active_rows() {
        for ((column, _), value) in band.kind.columns().iter().zip(report.active.counts(def.id)) {
            cells.push((Place::Active(def.id, column), *value));
        }
    }
    for (row, values) in report.requests.0.iter().enumerate() {
        for (column, value) in values.iter().enumerate() {
            cells.push((Place::Request { row, column }, *value));
        }
    }
    for (group, values) in report.appeals.0.iter().enumerate() {
        for (column, value) in values.iter().enumerate() {
            cells.push((Place::Appeal { group, column }, *value));
        }
    }
    cells
}

fn fee_place() -> Place {
    let column = format::ActiveRowKind::FeeAmount
        .columns()
        .first()
        .map_or("amount", |(key, _)| key);
    Place::Active(ActiveRowId::Fees, column)
}

/// Counts are `u64` in the model, so a fraction or a minus sign cannot reach here; what can is a
/// fee that is not a number and a count too large to be real (an importer's misread).
fn check_values(report: &Report, findings: &mut Vec<Finding>) {
    if let Some(fee) = &report.active.fees {
        if !fee.is_valid() {
            let place = fee_place();
            findings.push(Finding {
                rule: INTEGER,
                severity: Severity::Error,
                message: Message {
                    zh: format!(
                        "{}：「{}」不是非负数（以万元为单位，如 4068.208）",
                        cell_zh(&place),
                        fee.0
                    ),
                    en: format!(
                        "{}: \"{}\" is not a non-negative number (in 10,000 yuan, e.g. 4068.208)",
                        cell_en(&place),
                        fee.0
                    ),
                },
                place,
                basis: Basis::Derived,
            });
        }
    }
    for (place, value) in count_cells(report) {
        let Some(n) = value.filter(|&n| n > MAX_COUNT) else {
            continue;
        };
        findings.push(Finding {
            rule: INTEGER,
            severity: Severity::Error,
            message: Message {
                zh: format!("{}：{}超出可能的上限{}", cell_zh(&place), n, MAX_COUNT),
                en: format!(
                    "{}: {} is above the largest possible count {}",
                    cell_en(&place),
                    n,
                    MAX_COUNT
                ),
            },
            place,
            basis: Basis::Derived,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// C-blank
// ---------------------------------------------------------------------------------------------

// What a user wants to see is what to fill in, not 175 lines. So blanks are reported at the
// largest unit that is wholly blank: the table (a table not started yet), a column of table 三
// (沭阳县发展和改革局 2023 left the five 法人 columns blank: five findings, not 125), a row of
// table 三 or a group of table 四, and only then single cells. A cell in both a blank row and a
// blank column is named by both; every other blank cell by exactly one finding. A table's
// finding sits on its section, a column's on its cell in row 一, a row's or a group's on its
// first cell, so that the editor can scroll to it.

const BLANK_HINT_ZH: &str = "空白不等于0，没有请填0";
const BLANK_HINT_EN: &str = "blank is not zero; type 0 if there were none";

fn blank_finding(stage: Stage, place: Place, what_zh: String, what_en: String) -> Finding {
    Finding {
        rule: BLANK,
        severity: match stage {
            Stage::Draft => Severity::Warning,
            Stage::Publish => Severity::Error,
        },
        place,
        message: Message {
            zh: format!("{what_zh}（{BLANK_HINT_ZH}）"),
            en: format!("{what_en} ({BLANK_HINT_EN})"),
        },
        basis: super::catalogue::C_BLANK_BASIS,
    }
}

fn whole_table_blank(stage: Stage, section: SectionId, cells: usize) -> Finding {
    blank_finding(
        stage,
        Place::Section(section),
        format!("{}尚未填写：全部{}格空白", table_zh(section), cells),
        format!(
            "{} is not filled in: all {} cells are blank",
            table_en(section),
            cells
        ),
    )
}

fn single_blank(stage: Stage, place: Place) -> Finding {
    let (zh, en) = (
        format!("{}空白", cell_zh(&place)),
        format!("{} is blank", cell_en(&place)),
    );
    blank_finding(stage, place, zh, en)
}

fn check_blanks(report: &Report, stage: Stage, findings: &mut Vec<Finding>) {
    check_active_blanks(report, stage, findings);
    check_request_blanks(&report.requests, stage, findings);
    check_appeal_blanks(&report.appeals, stage, findings);
}

fn check_active_blanks(report: &Report, stage: Stage, findings: &mut Vec<Finding>) {
    let mut blanks: Vec<Place> = count_cells(report)
        .into_iter()
        .filter(|(place, value)| matches!(place, Place::Active(..)) && value.is_none())
        .map(|(place, _)| place)
        .collect();
    if report.active.fees.is_none() {
        blanks.push(fee_place());
    }
    let cells = format::active_rows()
        .map(|(band, _)| band.kind.columns().len())
        .sum();
    if blanks.len() == cells {
        findings.push(whole_table_blank(stage, SectionId::Active, cells));
    } else {
        findings.extend(blanks.into_iter().map(|place| single_blank(stage, place)));
    }
}

fn check_request_blanks(requests: &RequestTable, stage: Stage, findings: &mut Vec<Finding>) {
    let rows = REQUEST_ROWS.len();
    let columns = REQUEST_COLUMNS.len();
    let blank_column: Vec<bool> = (0..columns)
        .map(|c| (0..rows).all(|r| requests.cell(r, c).is_none()))
        .collect();
    let blank_row: Vec<bool> = requests
        .0
        .iter()
        .map(|cells| cells.iter().all(Option::is_none))
        .collect();
    if blank_column.iter().all(|&b| b) {
        findings.push(whole_table_blank(
            stage,
            SectionId::Requests,
            rows * columns,
        ));
        return;
    }
    let table = table_zh(SectionId::Requests);
    let table_en = table_en(SectionId::Requests);
    if blank_row.iter().filter(|&&b| b).count() * 2 > rows {
        most_rows_blank(requests, &blank_row, stage, findings);
        return;
    }
    for (column, _) in blank_column.iter().enumerate().filter(|(_, &b)| b) {
        findings.push(blank_finding(
            stage,
            Place::Request { row: 0, column },
            format!(
                "{}“{}”列全部空白（{}格）",
                table, REQUEST_COLUMNS[column].label, rows
            ),
            format!(
                "{}: the column {} ({}) is blank throughout ({} cells)",
                table_en, REQUEST_COLUMNS[column].label, REQUEST_COLUMN_LABELS_EN[column], rows
            ),
        ));
    }
    for (row, _) in blank_row.iter().enumerate().filter(|(_, &b)| b) {
        findings.push(blank_finding(
            stage,
            Place::Request { row, column: 0 },
            format!(
                "{}“{}”行全部空白（{}格）",
                table, REQUEST_ROWS[row].short, columns
            ),
            format!(
                "{}: row {} is blank throughout ({} cells)",
                table_en,
                REQUEST_ROWS[row].short_en(),
                columns
            ),
        ));
    }
    for (row, cells) in requests.0.iter().enumerate() {
        for (column, value) in cells.iter().enumerate() {
            if value.is_none() && !blank_row[row] && !blank_column[column] {
                findings.push(single_blank(stage, Place::Request { row, column }));
            }
        }
    }
}

/// Table 三 with most of its rows blank, as a draft is that was made from last year's report
/// (only 二 上年结转 filled): one finding for the blank rows, not one for each row and each
/// column over the same cells, then the blanks of each row that has numbers.
fn most_rows_blank(
    requests: &RequestTable,
    blank_row: &[bool],
    stage: Stage,
    findings: &mut Vec<Finding>,
) {
    let table = table_zh(SectionId::Requests);
    let table_en = table_en(SectionId::Requests);
    let columns = REQUEST_COLUMNS.len();
    let (blank, filled): (Vec<usize>, Vec<usize>) =
        (0..REQUEST_ROWS.len()).partition(|&row| blank_row[row]);
    let cells = blank.len() * columns;
    let names_zh = |rows: &[usize]| -> String {
        rows.iter()
            .map(|&row| format!("“{}”", REQUEST_ROWS[row].short))
            .collect::<Vec<_>>()
            .join("、")
    };
    let names_en = |rows: &[usize]| -> String {
        rows.iter()
            .map(|&row| REQUEST_ROWS[row].short_en())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (zh, en) = if filled.len() <= MOST_BLANK_NAMED {
        (
            format!("{table}除{}行外全部空白（{cells}格）", names_zh(&filled)),
            format!(
                "{table_en} is blank except row{} {} ({cells} cells)",
                if filled.len() == 1 { "" } else { "s" },
                names_en(&filled)
            ),
        )
    } else {
        let first = &blank[..MOST_BLANK_NAMED];
        (
            format!(
                "{table}有{}行全部空白（{cells}格），如{}行",
                blank.len(),
                names_zh(first)
            ),
            format!(
                "{table_en}: {} rows are blank throughout ({cells} cells), such as {}",
                blank.len(),
                names_en(first)
            ),
        )
    };
    findings.push(blank_finding(
        stage,
        Place::Request {
            row: blank[0],
            column: 0,
        },
        zh,
        en,
    ));
    for row in filled {
        let gaps: Vec<usize> = (0..columns)
            .filter(|&column| requests.cell(row, column).is_none())
            .collect();
        match gaps[..] {
            [] => {}
            [column] => findings.push(single_blank(stage, Place::Request { row, column })),
            [column, ..] => findings.push(blank_finding(
                stage,
                Place::Request { row, column },
                format!(
                    "{table}“{}”行有{}格空白",
                    REQUEST_ROWS[row].short,
                    gaps.len()
                ),
                format!(
                    "{table_en}: row {} has {} blank cells",
                    REQUEST_ROWS[row].short_en(),
                    gaps.len()
                ),
            )),
        }
    }
}

/// How many rows a finding of a mostly blank table 三 names.
const MOST_BLANK_NAMED: usize = 3;

fn check_appeal_blanks(appeals: &AppealTable, stage: Stage, findings: &mut Vec<Finding>) {
    let cells = APPEAL_GROUPS.len() * APPEAL_COLUMNS.len();
    if appeals.0.iter().flatten().all(Option::is_none) {
        findings.push(whole_table_blank(stage, SectionId::Appeals, cells));
        return;
    }
    for (group, values) in appeals.0.iter().enumerate() {
        if values.iter().all(Option::is_none) {
            findings.push(blank_finding(
                stage,
                Place::Appeal { group, column: 0 },
                format!(
                    "{}“{}”全部空白（{}格）",
                    table_zh(SectionId::Appeals),
                    appeal_group_zh(group),
                    values.len()
                ),
                format!(
                    "{}: {} is blank throughout ({} cells)",
                    table_en(SectionId::Appeals),
                    APPEAL_GROUP_LABELS_EN[group],
                    values.len()
                ),
            ));
            continue;
        }
        for (column, value) in values.iter().enumerate() {
            if value.is_none() {
                findings.push(single_blank(stage, Place::Appeal { group, column }));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// R3-other-share
// ---------------------------------------------------------------------------------------------

/// Measured on the total column, the one a reader looks at; the cells of （六） that are blank
/// count as nothing, since only a high share is worth saying.
fn check_other_share(requests: &RequestTable, findings: &mut Vec<Finding>) {
    let total_row = row_with_role(RequestRowRole::ResultsTotal);
    let Some(all) = requests
        .cell(total_row, REQUEST_TOTAL_COLUMN)
        .map(u128::from)
        .filter(|&n| n > 0)
    else {
        return;
    };
    let Some(category) = format::RESULT_CATEGORIES
        .iter()
        .find(|c| c.key == OTHER_HANDLING_CATEGORY)
    else {
        return;
    };
    let other_rows: Vec<usize> = REQUEST_ROWS
        .iter()
        .enumerate()
        .filter(|(_, def)| def.category.is_some_and(|c| c.key == category.key))
        .map(|(index, _)| index)
        .collect();
    let other = PartialSum::of(
        other_rows
            .iter()
            .map(|&r| requests.cell(r, REQUEST_TOTAL_COLUMN)),
    )
    .known;
    if other < OTHER_SHARE_MIN_COUNT || other * 100 <= all * OTHER_SHARE_PERCENT {
        return;
    }
    let percent = (other * 100 + all / 2) / all;
    let total_def = &REQUEST_ROWS[total_row];
    findings.push(Finding {
        rule: OTHER_SHARE,
        severity: Severity::Info,
        place: Place::Request {
            row: other_rows.first().copied().unwrap_or(total_row),
            column: REQUEST_TOTAL_COLUMN,
        },
        message: Message {
            zh: format!(
                "{}共{}件，占{}总计{}件的{}%，超过{}%：建议在说明中写明这些申请的具体处理情况",
                category.label, other, total_def.short, all, percent, OTHER_SHARE_PERCENT
            ),
            en: format!(
                "{} (other handling) is {} of the {} results in {} ({}%), above {}%: \
             consider explaining how these applications were handled",
                category.label,
                other,
                all,
                total_def.short_en(),
                percent,
                OTHER_SHARE_PERCENT
            ),
        },
        basis: super::catalogue::R3_OTHER_SHARE_BASIS,
    });
}
