//! The report as plain data: meta, the six sections' text, and tables 二, 三 and 四.
//!
//! A cell is a count or blank (`None`). Blank is not zero: a published copy may have lost a
//! number, and a new draft starts blank until the user types or fills zeros.

use crate::format::{
    self, ActiveRowId, AgencyKind, SectionId, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMN_COUNT,
    REQUEST_ROW_COUNT,
};

/// A count cell: `None` is blank.
pub type Count = Option<u64>;

/// The largest count the model accepts. Far above any real report, and small enough that a
/// column of 25 such counts cannot overflow a u64 when summed.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Meta {
    /// 机关全称, e.g. 锡林浩特市额尔敦街道办事处.
    pub agency: String,
    pub agency_kind: AgencyKind,
    /// The year reported on.
    pub year: i32,
    /// Empty means "the default title" (see [`Report::title`]).
    pub title: String,
    /// ISO date `YYYY-MM-DD`, if set.
    pub published_on: Option<String>,
}

/// The text of the six sections. For 二, 三 and 四 it is the optional note under the table.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Sections(pub [String; 6]);

impl Sections {
    pub fn get(&self, id: SectionId) -> &str {
        &self.0[id as usize]
    }
    pub fn get_mut(&mut self, id: SectionId) -> &mut String {
        &mut self.0[id as usize]
    }
    pub fn set(&mut self, id: SectionId, text: impl Into<String>) {
        self.0[id as usize] = text.into();
    }
}

pub use crate::fee::Decimal;

/// Table 二 — 主动公开政府信息情况.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ActiveTable {
    /// 规章: [issued, repealed, in_force]
    pub regulations: [Count; 3],
    /// 行政规范性文件: [issued, repealed, in_force]
    pub normative_documents: [Count; 3],
    pub licensing: Count,
    pub punishment: Count,
    pub enforcement: Count,
    /// 行政事业性收费, 万元.
    pub fees: Option<Decimal>,
}

impl ActiveTable {
    /// The count cells of a row (the fee row has none).
    pub fn counts(&self, id: ActiveRowId) -> &[Count] {
        match id {
            ActiveRowId::Regulations => &self.regulations,
            ActiveRowId::NormativeDocuments => &self.normative_documents,
            ActiveRowId::Licensing => std::slice::from_ref(&self.licensing),
            ActiveRowId::Punishment => std::slice::from_ref(&self.punishment),
            ActiveRowId::Enforcement => std::slice::from_ref(&self.enforcement),
            ActiveRowId::Fees => &[],
        }
    }
    pub fn counts_mut(&mut self, id: ActiveRowId) -> &mut [Count] {
        match id {
            ActiveRowId::Regulations => &mut self.regulations,
            ActiveRowId::NormativeDocuments => &mut self.normative_documents,
            ActiveRowId::Licensing => std::slice::from_mut(&mut self.licensing),
            ActiveRowId::Punishment => std::slice::from_mut(&mut self.punishment),
            ActiveRowId::Enforcement => std::slice::from_mut(&mut self.enforcement),
            ActiveRowId::Fees => &mut [],
        }
    }
}

/// Table 三 — 25 rows × 7 columns, indexed as in [`format::REQUEST_ROWS`] and
/// [`format::REQUEST_COLUMNS`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestTable(pub [[Count; REQUEST_COLUMN_COUNT]; REQUEST_ROW_COUNT]);

impl Default for RequestTable {
    fn default() -> Self {
        RequestTable([[None; REQUEST_COLUMN_COUNT]; REQUEST_ROW_COUNT])
    }
}

impl RequestTable {
    pub fn row(&self, key: &str) -> &[Count; REQUEST_COLUMN_COUNT] {
        &self.0[format::request_row(key)]
    }
    pub fn row_mut(&mut self, key: &str) -> &mut [Count; REQUEST_COLUMN_COUNT] {
        &mut self.0[format::request_row(key)]
    }
    pub fn cell(&self, row: usize, column: usize) -> Count {
        self.0[row][column]
    }
}

/// Table 四 — three groups × [upheld, corrected, other, pending, total].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AppealTable(pub [[Count; APPEAL_COLUMNS.len()]; APPEAL_GROUPS.len()]);

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Report {
    pub meta: Meta,
    pub sections: Sections,
    pub active: ActiveTable,
    pub requests: RequestTable,
    pub appeals: AppealTable,
    /// Last year's report of the same agency, when known: the cross-year rules read it.
    /// It never carries a `last_year` of its own.
    pub last_year: Option<Box<Report>>,
}

impl Report {
    /// A blank report of the official template: empty cells, sections with their sub-headings.
    pub fn new_blank(agency: &str, agency_kind: AgencyKind, year: i32) -> Report {
        let mut report = Report {
            meta: Meta {
                agency: agency.to_owned(),
                agency_kind,
                year,
                ..Meta::default()
            },
            ..Report::default()
        };
        for def in &format::SECTIONS {
            report.sections.set(def.id, template_text(def));
        }
        report
    }

    /// The title to print: the one typed, or the default one.
    pub fn title(&self) -> String {
        if self.meta.title.trim().is_empty() {
            format::default_title(&self.meta.agency, self.meta.year)
        } else {
            self.meta.title.clone()
        }
    }
}

/// What one cell of a table holds, whatever its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellValue {
    Count(Count),
    Fee(Option<Decimal>),
}

impl CellValue {
    /// As printed and edited: blank is empty, a fee as typed.
    pub fn text(&self) -> String {
        match self {
            CellValue::Count(count) => count.map(|n| n.to_string()).unwrap_or_default(),
            CellValue::Fee(fee) => fee.as_ref().map(|f| f.0.clone()).unwrap_or_default(),
        }
    }
    pub fn is_blank(&self) -> bool {
        matches!(self, CellValue::Count(None) | CellValue::Fee(None))
    }
}

impl Report {
    /// The value of a table cell; `None` for a place that is not a table cell.
    pub fn cell(&self, place: &Place) -> Option<CellValue> {
        match place {
            Place::Active(ActiveRowId::Fees, _) => Some(CellValue::Fee(self.active.fees.clone())),
            Place::Active(row, column) => {
                let index = active_column_index(*row, column)?;
                self.active
                    .counts(*row)
                    .get(index)
                    .copied()
                    .map(CellValue::Count)
            }
            Place::Request { row, column } => self
                .requests
                .0
                .get(*row)?
                .get(*column)
                .copied()
                .map(CellValue::Count),
            Place::Appeal { group, column } => self
                .appeals
                .0
                .get(*group)?
                .get(*column)
                .copied()
                .map(CellValue::Count),
            Place::Report | Place::Meta(_) | Place::Section(_) => None,
        }
    }

    /// Sets a table cell. Returns false (and changes nothing) when the place is not a cell or
    /// the value is of the other kind.
    pub fn set_cell(&mut self, place: &Place, value: CellValue) -> bool {
        let slot: Option<&mut Count> = match place {
            Place::Active(ActiveRowId::Fees, _) => {
                return match value {
                    CellValue::Fee(fee) => {
                        self.active.fees = fee;
                        true
                    }
                    CellValue::Count(_) => false,
                };
            }
            Place::Active(row, column) => match active_column_index(*row, column) {
                Some(index) => self.active.counts_mut(*row).get_mut(index),
                None => None,
            },
            Place::Request { row, column } => self
                .requests
                .0
                .get_mut(*row)
                .and_then(|r| r.get_mut(*column)),
            Place::Appeal { group, column } => self
                .appeals
                .0
                .get_mut(*group)
                .and_then(|g| g.get_mut(*column)),
            Place::Report | Place::Meta(_) | Place::Section(_) => None,
        };
        match (slot, value) {
            (Some(slot), CellValue::Count(count)) => {
                *slot = count;
                true
            }
            _ => false,
        }
    }
}

fn active_column_index(row: ActiveRowId, column: &str) -> Option<usize> {
    let (band, _) = format::active_row(row);
    band.kind
        .columns()
        .iter()
        .position(|(key, _)| *key == column)
}

/// The text a new draft's section starts with: its sub-headings, one per line, without hints
/// (hints are placeholders in the editor, not text of the report).
pub fn template_text(def: &format::SectionDef) -> String {
    def.template
        .iter()
        .filter(|(heading, _)| !heading.is_empty())
        .map(|(heading, _)| format!("{heading}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A place in the report that a finding or an import note points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The report as a whole.
    Report,
    /// A header field: "agency", "agency_kind", "year", "title", "published_on".
    Meta(&'static str),
    Section(SectionId),
    /// A cell of table 二: row, and column id ("issued", "repealed", "in_force", "decisions",
    /// "amount").
    Active(ActiveRowId, &'static str),
    /// A cell of table 三, by row and column index.
    Request {
        row: usize,
        column: usize,
    },
    /// A cell of table 四, by group and column index.
    Appeal {
        group: usize,
        column: usize,
    },
}

impl Place {
    /// A table cell as a reader names it, in the official labels: 「三(七) 自然人」,
    /// 「复议后起诉 结果维持」, 「行政规范性文件 现行有效件数」; `None` for a place that is not a cell.
    pub fn cell_name(&self) -> Option<String> {
        let (row, column) = match self {
            Place::Request { row, column } => (
                format::REQUEST_ROWS.get(*row)?.short,
                format::REQUEST_COLUMNS.get(*column)?.label,
            ),
            Place::Appeal { group, column } => (
                APPEAL_GROUPS.get(*group)?.label,
                APPEAL_COLUMNS.get(*column)?.label,
            ),
            Place::Active(row, column) => {
                let (band, def) = format::active_row(*row);
                let (_, header) = band.kind.columns().iter().find(|(key, _)| key == column)?;
                (def.label, *header)
            }
            Place::Report | Place::Meta(_) | Place::Section(_) => return None,
        };
        Some(format!("{row} {column}"))
    }

    /// A stable id: `section/overview`, `requests/3.7/natural`, `appeals/review/total`,
    /// `active/regulations/in_force`, `meta/year`, `report`.
    pub fn id(&self) -> String {
        match self {
            Place::Report => "report".into(),
            Place::Meta(field) => format!("meta/{field}"),
            Place::Section(id) => format!("section/{}", format::section(*id).key),
            Place::Active(row, column) => {
                format!("active/{}/{}", format::active_row(*row).1.key, column)
            }
            Place::Request { row, column } => format!(
                "requests/{}/{}",
                format::REQUEST_ROWS[*row].key,
                format::REQUEST_COLUMNS[*column].key
            ),
            Place::Appeal { group, column } => format!(
                "appeals/{}/{}",
                APPEAL_GROUPS[*group].key, APPEAL_COLUMNS[*column].key
            ),
        }
    }

    /// The place whose [`Place::id`] is `id` (a note that crossed as text, a kept batch's).
    pub fn from_id(id: &str) -> Option<Place> {
        let parts: Vec<&str> = id.split('/').collect();
        let place = match parts[..] {
            ["report"] => Place::Report,
            ["meta", field] => Place::Meta(META_FIELDS.into_iter().find(|f| *f == field)?),
            ["section", key] => Place::Section(format::SECTIONS.iter().find(|s| s.key == key)?.id),
            ["active", row, column] => Place::Active(
                format::active_rows().find(|(_, r)| r.key == row)?.1.id,
                [
                    format::ActiveRowKind::IssuedRepealedInForce,
                    format::ActiveRowKind::Decisions,
                    format::ActiveRowKind::FeeAmount,
                ]
                .iter()
                .flat_map(|kind| kind.columns())
                .map(|(key, _)| *key)
                .find(|key| *key == column)?,
            ),
            ["requests", row, column] => Place::Request {
                row: format::REQUEST_ROWS.iter().position(|r| r.key == row)?,
                column: format::REQUEST_COLUMNS
                    .iter()
                    .position(|c| c.key == column)?,
            },
            ["appeals", group, column] => Place::Appeal {
                group: APPEAL_GROUPS.iter().position(|g| g.key == group)?,
                column: APPEAL_COLUMNS.iter().position(|c| c.key == column)?,
            },
            _ => return None,
        };
        Some(place)
    }
}

/// The header fields a place can name (`meta/<field>`).
const META_FIELDS: [&str; 5] = ["agency", "agency_kind", "year", "title", "published_on"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_report_keeps_subheadings() {
        let r = Report::new_blank("某街道办事处", AgencyKind::Township, 2024);
        assert!(r
            .sections
            .get(SectionId::Overview)
            .contains("（一）主动公开"));
        assert_eq!(r.requests.row("3.7")[6], None);
        assert_eq!(r.title(), "某街道办事处2024年政府信息公开工作年度报告");
    }

    #[test]
    fn cells_by_place() {
        let mut r = Report::default();
        let place = Place::Request {
            row: format::request_row("3.7"),
            column: 6,
        };
        assert!(r.set_cell(&place, CellValue::Count(Some(718))));
        assert_eq!(r.requests.row("3.7")[6], Some(718));
        assert_eq!(r.cell(&place), Some(CellValue::Count(Some(718))));
        let in_force = Place::Active(ActiveRowId::NormativeDocuments, "in_force");
        assert!(r.set_cell(&in_force, CellValue::Count(Some(18))));
        assert_eq!(r.active.normative_documents, [None, None, Some(18)]);
        let fee = Place::Active(ActiveRowId::Fees, "amount");
        assert!(!r.set_cell(&fee, CellValue::Count(Some(1))));
        assert!(r.set_cell(&fee, CellValue::Fee(Some(Decimal("4068.208".into())))));
        assert_eq!(r.cell(&fee).unwrap().text(), "4068.208");
        assert!(!r.set_cell(
            &Place::Appeal {
                group: 3,
                column: 0
            },
            CellValue::Count(Some(1))
        ));
        assert_eq!(
            r.cell(&Place::Active(ActiveRowId::Licensing, "in_force")),
            None
        );
    }

    #[test]
    fn cell_names_use_the_official_labels() {
        let total = Place::Request {
            row: format::request_row("3.7"),
            column: 0,
        };
        assert_eq!(total.cell_name().as_deref(), Some("三(七) 自然人"));
        assert_eq!(
            Place::Appeal {
                group: 2,
                column: 0
            }
            .cell_name()
            .as_deref(),
            Some("复议后起诉 结果维持")
        );
        assert_eq!(
            Place::Active(ActiveRowId::NormativeDocuments, "in_force")
                .cell_name()
                .as_deref(),
            Some("行政规范性文件 现行有效件数")
        );
        assert_eq!(Place::Section(SectionId::Other).cell_name(), None);
        assert_eq!(Place::Request { row: 99, column: 0 }.cell_name(), None);
    }

    #[test]
    fn place_ids() {
        let p = Place::Request {
            row: format::request_row("3.7"),
            column: 0,
        };
        assert_eq!(p.id(), "requests/3.7/natural");
        assert_eq!(
            Place::Appeal {
                group: 0,
                column: 4
            }
            .id(),
            "appeals/review/total"
        );
        assert_eq!(
            Place::Active(ActiveRowId::Regulations, "in_force").id(),
            "active/regulations/in_force"
        );
    }
}
