//! Everything that writes a report out: the JSON exchange format, the printable HTML, plain text
//! for the clipboard, the Word document (feature `docx`), and the one-page 图解 figure.

#[cfg(feature = "docx")]
pub mod docx;
pub mod figure;
pub mod html;
pub mod json;
pub mod long;
pub mod plain;
pub mod region;

use crate::model::Report;

/// 「<机关>-<年度>-年报」: the name every file exported from a report starts with (the JSON,
/// the printable page, the Word file, the 图解), with the characters file systems refuse
/// replaced by 「_」 and 「未命名」 for a report without an agency.
pub fn file_stem(report: &Report) -> String {
    let agency = report.meta.agency.trim();
    let agency = if agency.is_empty() {
        "未命名"
    } else {
        agency
    };
    format!("{}-{}-年报", safe_file_name(agency), report.meta.year)
}

/// `name` with the characters file systems refuse replaced by 「_」.
pub fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The JSON export's name: 「<机关>-<年度>-年报.json」.
pub fn json_file_name(report: &Report) -> String {
    file_stem(report) + ".json"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AgencyKind;

    #[test]
    fn export_file_names_name_agency_and_year() {
        let mut report = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
        assert_eq!(json_file_name(&report), "沭阳县人民政府-2025-年报.json");
        report.meta.agency = "某局/办公室:\"A\"".into();
        assert_eq!(json_file_name(&report), "某局_办公室__A_-2025-年报.json");
        report.meta.agency = "a\tb|c".into();
        assert_eq!(file_stem(&report), "a_b_c-2025-年报");
        report.meta.agency = "  ".into();
        assert_eq!(json_file_name(&report), "未命名-2025-年报.json");
    }
}
