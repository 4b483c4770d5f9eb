//! The official layout of tables 二, 三 and 四: header rows with their merged cells, row labels,
//! and which cell of the report each value cell shows.
//!
//! Built from format.rs alone. The printable HTML and the editor's grids both draw this layout,
//! so the two can never disagree on a span or a label.

use crate::format::{
    self, ActiveRowKind, SectionId, ACTIVE_BANDS, ACTIVE_ITEM_HEADER, APPEAL_COLUMNS,
    APPEAL_GROUPS, REQUEST_APPLICANT_HEADER, REQUEST_COLUMNS, REQUEST_CORNER_NOTE,
    REQUEST_ORGANISATION_COLUMNS, REQUEST_ORGANISATION_HEADER, REQUEST_ROWS, RESULT_GROUP_LABEL,
};
use crate::model::Place;

/// Columns of table 三 given to labels: the result group, the category, the row's own label.
pub const REQUEST_LABEL_COLUMNS: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellContent {
    /// A header label of the format.
    Header(&'static str),
    /// A row's own label, read left-aligned as in the official table.
    RowLabel(&'static str),
    /// A value of the report.
    Value(Place),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutCell {
    pub content: CellContent,
    pub rows: usize,
    pub cols: usize,
    /// A style hook: "corner", "group", "category", "band" or "".
    pub class: &'static str,
}

impl LayoutCell {
    fn new(content: CellContent) -> Self {
        LayoutCell {
            content,
            rows: 1,
            cols: 1,
            class: "",
        }
    }
    fn header(text: &'static str) -> Self {
        Self::new(CellContent::Header(text))
    }
    fn row_label(text: &'static str) -> Self {
        Self::new(CellContent::RowLabel(text))
    }
    fn value(place: Place) -> Self {
        Self::new(CellContent::Value(place))
    }
    fn rows(self, rows: usize) -> Self {
        LayoutCell { rows, ..self }
    }
    fn cols(self, cols: usize) -> Self {
        LayoutCell { cols, ..self }
    }
    fn class(self, class: &'static str) -> Self {
        LayoutCell { class, ..self }
    }
    pub fn is_header(&self) -> bool {
        !matches!(self.content, CellContent::Value(_))
    }
}

/// A run of rows: a table's header (`<thead>`, repeated on every printed page) or a body part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowGroup {
    pub is_head: bool,
    pub rows: Vec<Vec<LayoutCell>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableLayout {
    pub table: SectionId,
    /// Column classes for `<colgroup>`, each with how many columns carry it.
    pub columns: Vec<(&'static str, usize)>,
    pub groups: Vec<RowGroup>,
}

impl TableLayout {
    /// The value cells, row by row, in reading order: the editor's keyboard moves over these.
    pub fn value_rows(&self) -> Vec<Vec<Place>> {
        self.groups
            .iter()
            .flat_map(|group| group.rows.iter())
            .map(|row| {
                row.iter()
                    .filter_map(|cell| match &cell.content {
                        CellContent::Value(place) => Some(place.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|row| !row.is_empty())
            .collect()
    }
}

/// Every value cell of tables 二, 三 and 四, in the tables' reading order.
pub fn value_places() -> Vec<Place> {
    [SectionId::Active, SectionId::Requests, SectionId::Appeals]
        .into_iter()
        .filter_map(table_layout)
        .flat_map(|layout| layout.value_rows().into_iter().flatten())
        .collect()
}

/// The layout of a table section (二, 三 or 四); `None` for the text-only sections.
pub fn table_layout(table: SectionId) -> Option<TableLayout> {
    match table {
        SectionId::Active => Some(active_layout()),
        SectionId::Requests => Some(request_layout()),
        SectionId::Appeals => Some(appeal_layout()),
        SectionId::Overview | SectionId::Problems | SectionId::Other => None,
    }
}

/// Four bands, each with its article row and its own header row. A band with one value column
/// (处理决定数量, 收费金额) spans it over the three columns of the widest band, as the official table
/// does. Each band is a body group of its own: its header belongs to that band only and must not
/// repeat on a new page.
fn active_layout() -> TableLayout {
    let value_columns = ACTIVE_BANDS
        .iter()
        .map(|band| band.kind.columns().len())
        .max()
        .unwrap_or(1);
    let width = 1 + value_columns;
    let groups = ACTIVE_BANDS
        .iter()
        .map(|band| {
            let columns = band.kind.columns();
            // The last column takes whatever the band's own columns leave of the widest band.
            let span = |i: usize| {
                if i + 1 == columns.len() {
                    value_columns.saturating_sub(columns.len() - 1).max(1)
                } else {
                    1
                }
            };
            let mut rows = vec![vec![LayoutCell::row_label(band.article)
                .cols(width)
                .class("band")]];
            let mut header = vec![LayoutCell::header(ACTIVE_ITEM_HEADER)];
            header.extend(
                columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, label))| LayoutCell::header(label).cols(span(i))),
            );
            rows.push(header);
            for row in band.rows {
                let mut cells = vec![LayoutCell::row_label(row.label)];
                cells.extend(columns.iter().enumerate().map(|(i, (column, _))| {
                    LayoutCell::value(Place::Active(row.id, column)).cols(span(i))
                }));
                rows.push(cells);
            }
            debug_assert!(matches!(
                band.kind,
                ActiveRowKind::IssuedRepealedInForce
                    | ActiveRowKind::Decisions
                    | ActiveRowKind::FeeAmount
            ));
            RowGroup {
                is_head: false,
                rows,
            }
        })
        .collect();
    TableLayout {
        table: SectionId::Active,
        columns: vec![("active-item", 1), ("active-value", value_columns)],
        groups,
    }
}

fn request_layout() -> TableLayout {
    let columns = REQUEST_COLUMNS.len();
    let organisations = REQUEST_ORGANISATION_COLUMNS;
    let top = vec![
        LayoutCell::header(REQUEST_CORNER_NOTE)
            .rows(3)
            .cols(REQUEST_LABEL_COLUMNS)
            .class("corner"),
        LayoutCell::header(REQUEST_APPLICANT_HEADER).cols(columns),
    ];
    let second: Vec<LayoutCell> = REQUEST_COLUMNS
        .iter()
        .enumerate()
        .filter_map(|(i, column)| {
            if i == organisations.start {
                Some(LayoutCell::header(REQUEST_ORGANISATION_HEADER).cols(organisations.len()))
            } else if organisations.contains(&i) {
                None
            } else {
                Some(LayoutCell::header(column.label).rows(2))
            }
        })
        .collect();
    let third: Vec<LayoutCell> = REQUEST_COLUMNS
        .get(organisations)
        .unwrap_or_default()
        .iter()
        .map(|column| LayoutCell::header(column.label))
        .collect();

    let result_rows = REQUEST_ROWS.iter().filter(|row| row.in_results).count();
    let body = REQUEST_ROWS
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let previous = i.checked_sub(1).and_then(|p| REQUEST_ROWS.get(p));
            let mut cells = Vec::with_capacity(REQUEST_LABEL_COLUMNS + columns);
            let mut label_columns = REQUEST_LABEL_COLUMNS;
            if def.in_results {
                label_columns -= 1;
                if !previous.is_some_and(|p| p.in_results) {
                    cells.push(
                        LayoutCell::header(RESULT_GROUP_LABEL)
                            .rows(result_rows)
                            .class("group"),
                    );
                }
            }
            if let Some(category) = def.category {
                label_columns -= 1;
                let in_category = |row: &format::RequestRowDef| {
                    row.category.is_some_and(|c| c.key == category.key)
                };
                if !previous.is_some_and(in_category) {
                    let rows = REQUEST_ROWS.iter().filter(|row| in_category(row)).count();
                    cells.push(
                        LayoutCell::header(category.label)
                            .rows(rows)
                            .class("category"),
                    );
                }
            }
            cells.push(LayoutCell::row_label(def.label).cols(label_columns));
            cells.extend(
                (0..columns).map(|column| LayoutCell::value(Place::Request { row: i, column })),
            );
            cells
        })
        .collect();
    TableLayout {
        table: SectionId::Requests,
        columns: vec![
            ("requests-group", 1),
            ("requests-category", 1),
            ("requests-label", 1),
            ("requests-count", columns),
        ],
        groups: vec![
            RowGroup {
                is_head: true,
                rows: vec![top, second, third],
            },
            RowGroup {
                is_head: false,
                rows: body,
            },
        ],
    }
}

/// Header: 行政复议 | 行政诉讼 over their groups; a group that is its own parent (行政复议) has its
/// five result labels two rows high, the suit groups have their group cell and then the labels.
fn appeal_layout() -> TableLayout {
    let per_group = APPEAL_COLUMNS.len();
    let mut top = Vec::new();
    for (i, group) in APPEAL_GROUPS.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| APPEAL_GROUPS.get(p));
        if previous.is_some_and(|p| p.parent == group.parent) {
            continue;
        }
        let groups = APPEAL_GROUPS
            .iter()
            .skip(i)
            .take_while(|g| g.parent == group.parent)
            .count();
        top.push(LayoutCell::header(group.parent).cols(groups * per_group));
    }
    let mut middle = Vec::new();
    let mut bottom = Vec::new();
    for group in &APPEAL_GROUPS {
        if group.label == group.parent {
            middle.extend(
                APPEAL_COLUMNS
                    .iter()
                    .map(|c| LayoutCell::header(c.label).rows(2)),
            );
        } else {
            middle.push(LayoutCell::header(group.label).cols(per_group));
            bottom.extend(APPEAL_COLUMNS.iter().map(|c| LayoutCell::header(c.label)));
        }
    }
    let values = (0..APPEAL_GROUPS.len())
        .flat_map(|group| {
            (0..per_group).map(move |column| LayoutCell::value(Place::Appeal { group, column }))
        })
        .collect();
    TableLayout {
        table: SectionId::Appeals,
        columns: vec![("appeals-count", per_group * APPEAL_GROUPS.len())],
        groups: vec![
            RowGroup {
                is_head: true,
                rows: vec![top, middle, bottom],
            },
            RowGroup {
                is_head: false,
                rows: vec![values],
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of a table covers the same number of grid columns once spans are counted.
    fn widths(layout: &TableLayout) -> Vec<usize> {
        let rows: Vec<&Vec<LayoutCell>> =
            layout.groups.iter().flat_map(|g| g.rows.iter()).collect();
        let mut carried = vec![0usize; rows.len() + 30];
        let mut out = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let own: usize = row.iter().map(|c| c.cols).sum();
            out.push(own + carried[r]);
            for cell in row.iter() {
                for below in 1..cell.rows {
                    carried[r + below] += cell.cols;
                }
            }
        }
        out
    }

    #[test]
    fn every_row_spans_the_full_width() {
        for table in [SectionId::Active, SectionId::Requests, SectionId::Appeals] {
            let layout = table_layout(table).unwrap();
            let total: usize = layout.columns.iter().map(|(_, n)| n).sum();
            // Table 二's band groups are separate bodies: rowspans never cross them.
            for width in widths(&layout) {
                assert_eq!(width, total, "{table:?}");
            }
        }
    }

    #[test]
    fn value_cells_cover_every_cell_of_the_model_once() {
        let requests = table_layout(SectionId::Requests).unwrap().value_rows();
        assert_eq!(requests.len(), 25);
        assert!(requests.iter().all(|row| row.len() == 7));
        let appeals = table_layout(SectionId::Appeals).unwrap().value_rows();
        assert_eq!(
            appeals,
            vec![(0..3)
                .flat_map(|group| (0..5).map(move |column| Place::Appeal { group, column }))
                .collect::<Vec<_>>()]
        );
        let active: usize = table_layout(SectionId::Active)
            .unwrap()
            .value_rows()
            .iter()
            .map(Vec::len)
            .sum();
        assert_eq!(active, 3 + 3 + 1 + 1 + 1 + 1);
    }
}
