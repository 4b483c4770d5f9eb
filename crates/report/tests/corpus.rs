//! The corpus of real published reports (tests/corpus/, its README lists them with their
//! sources): every key is checked by the tables' own arithmetic, and every report must import
//! with every key cell right (or a note on the cell), no page chrome in any section, the agency's
//! kind right (or flagged as unsure), and no false T-numbers finding.
//!
//! Each test goes through the whole corpus and reports every entry that fails, not just the
//! first.

mod common;
use common::corpus::{entries, searchable, squeeze, Completeness, Entry};
use nianbao_report::Rule;

use nianbao_report::agency;
use nianbao_report::import::{import_published, notes, Imported};
use nianbao_report::model::{CellValue, Place};
use nianbao_report::page_chrome;
use nianbao_report::rules::{self, Stage};
use nianbao_report::SectionId;
use std::collections::BTreeSet;

fn import(entry: &Entry) -> Imported {
    import_published(&entry.input).unwrap_or_else(|e| panic!("{}: not imported: {e}", entry.slug))
}

fn fail_all(what: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{what}: {} failures\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The 勾稽 findings of the key's own tables, as `<rule> <place>` the way KEYS.md writes them.
fn arithmetic(entry: &Entry) -> BTreeSet<String> {
    rules::check(&entry.key.report(), Stage::Draft)
        .into_iter()
        .filter(|f| {
            [
                Rule::R3Balance,
                Rule::R3RowTotal,
                Rule::R3ResultsTotal,
                Rule::R4GroupTotal,
            ]
            .contains(&f.rule)
        })
        .map(|f| format!("{} {}", f.rule, key_place(f.rule, &f.place)))
        .collect()
}

/// The place KEYS.md gives a table finding: R3-balance and R3-results-total by the column of
/// row 3.7, R3-row-total by its row's total, R4-group-total by the group's total.
fn key_place(rule: Rule, place: &Place) -> String {
    match (rule, place) {
        (Rule::R3Balance, Place::Request { column, .. }) => Place::Request {
            row: nianbao_report::format::request_row("3.7"),
            column: *column,
        }
        .id(),
        _ => place.id(),
    }
}

fn row_of(place: &Place) -> String {
    let id = place.id();
    id.rsplit_once('/')
        .map_or(id.clone(), |(row, _)| row.to_owned())
}

/// The table a place is in: 「requests」, 「active」 or 「appeals」.
fn table_of(place: &Place) -> Option<SectionId> {
    match place {
        Place::Request { .. } => Some(SectionId::Requests),
        Place::Active(..) => Some(SectionId::Active),
        Place::Appeal { .. } => Some(SectionId::Appeals),
        Place::Section(id) => Some(*id),
        _ => None,
    }
}

/// A note in the cell's table that names its row (「三(三)2」, 「（六）其他处理」, 「复议后起诉」),
/// or says that the whole table was not found.
fn names_row(note: &nianbao_report::Finding, place: &Place) -> bool {
    use nianbao_report::format::{self, APPEAL_GROUPS, REQUEST_ROWS};
    if table_of(&note.place) != table_of(place) {
        return false;
    }
    if note.rule == notes::TABLE_MISSING {
        return true;
    }
    let names: Vec<&str> = match place {
        Place::Request { row, .. } => REQUEST_ROWS
            .get(*row)
            .map(|r| {
                let mut names = vec![r.short];
                names.extend(r.category.map(|c| c.label));
                names
            })
            .unwrap_or_default(),
        Place::Active(id, _) => vec![format::active_row(*id).1.label],
        Place::Appeal { group, .. } => APPEAL_GROUPS
            .get(*group)
            .map(|g| g.label)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    names.iter().any(|name| {
        note.message.zh.match_indices(name).any(|(at, _)| {
            !note.message.zh[at + name.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

#[test]
fn the_corpus_is_there() {
    let all = entries();
    let full = all
        .iter()
        .filter(|e| e.completeness == Completeness::Full)
        .count();
    println!("corpus: {full} full reports, {} partial", all.len() - full);
    assert!(full >= 1 && all.len() > full, "{full} of {}", all.len());
}

/// Each key agrees with its source: its quotes are in the input, its full tables are complete,
/// and the 勾稽 rules its tables break are the ones it lists.
#[test]
fn every_key_is_checked_by_arithmetic() {
    let mut failures = Vec::new();
    for entry in entries() {
        let key = &entry.key;
        let text = searchable(&entry.input, key.input_kind == "page");
        for statement in &key.statements {
            if !text.contains(&squeeze(&statement.quote)) {
                failures.push(format!(
                    "{}: quote not in the input: 「{}」",
                    entry.slug, statement.quote
                ));
            }
        }
        for chrome in &key.chrome {
            if !text.contains(&squeeze(chrome)) {
                failures.push(format!(
                    "{}: chrome not in the input: 「{chrome}」",
                    entry.slug
                ));
            }
        }
        if entry.completeness == Completeness::Full {
            let expected = nianbao_report::layout::value_places().len();
            if key.cells.len() != expected {
                failures.push(format!(
                    "{}: a full key gives {} of the {expected} cells",
                    entry.slug,
                    key.cells.len()
                ));
            }
            let computed = arithmetic(&entry);
            if computed != key.table_findings {
                failures.push(format!(
                    "{}: the tables break {computed:?}, the key lists {:?}",
                    entry.slug, key.table_findings
                ));
            }
        }
    }
    fail_all("keys", failures);
}

/// Every key cell is read as published, or left blank with a note on its row.
#[test]
fn every_report_imports_with_its_key_cells() {
    let mut failures = Vec::new();
    let mut cells = 0;
    let mut noted = 0;
    for entry in entries() {
        let imported = import(&entry);
        for (place, expected) in &entry.key.cells {
            cells += 1;
            let got = imported.report.cell(place);
            if got.as_ref() == Some(expected) {
                continue;
            }
            let blank = matches!(
                got,
                Some(CellValue::Count(None)) | Some(CellValue::Fee(None))
            );
            let note_on_row = imported.notes.iter().any(|n| {
                n.place == *place || row_of(&n.place) == row_of(place) || names_row(n, place)
            });
            if blank && note_on_row {
                noted += 1;
                continue;
            }
            failures.push(format!(
                "{}: {} is {:?}, the key says {:?}{}",
                entry.slug,
                place.id(),
                got.map(|v| v.text()),
                expected.text(),
                if blank { " (blank without a note)" } else { "" }
            ));
        }
    }
    println!("corpus cells: {cells} checked, {noted} left blank with a note");
    fail_all("cells", failures);
}

/// 三明市's reports, copied one cell per line, print each sub-row's number (「2.」) on the line
/// before its label, and in 2021 split four numbers of table 三 over two lines (「1」 「62」 for
/// 162): every cell of their table 三 is read as the key has it, none left blank, and the 2022
/// report is not taken for the 2019 layout.
#[test]
fn sanming_reports_read_table_three_whole() {
    let mut failures = Vec::new();
    let sanming: Vec<Entry> = entries()
        .into_iter()
        .filter(|e| e.slug.contains("sanming-shizhengfu") && e.completeness == Completeness::Full)
        .collect();
    assert!(
        sanming.len() >= 4,
        "the corpus has 三明市's reports of 2021–2024"
    );
    for entry in &sanming {
        let imported = import(entry);
        for (place, expected) in &entry.key.cells {
            if matches!(place, Place::Request { .. })
                && imported.report.cell(place).as_ref() != Some(expected)
            {
                failures.push(format!(
                    "{}: {} is {:?}, the key says {:?}",
                    entry.slug,
                    place.id(),
                    imported.report.cell(place).map(|v| v.text()),
                    expected.text()
                ));
            }
        }
        for note in &imported.notes {
            if note.rule == notes::UNREAD || note.rule == notes::OLD_FORMAT {
                failures.push(format!("{}: {}", entry.slug, note.message.zh));
            }
        }
    }
    fail_all("三明市's table 三", failures);
}

/// 莆田市水利局 2025 heads its parts in its own words: 「一、政府信息主动公开工作」 and
/// 「六、其他应说明事项」. 六 is found, with its text (not run into 五), and nothing is said to
/// be missing; 一's note says its text is there, taken from before the next heading.
#[test]
fn headings_in_a_reports_own_words_keep_their_text() {
    let entry = entries()
        .into_iter()
        .find(|e| e.slug == "2025-putian-shuiliju")
        .expect("the corpus has 莆田市水利局 2025");
    let imported = import(&entry);
    let sections = &imported.report.sections;
    assert!(sections
        .get(SectionId::Other)
        .contains("信息公开处理费收取情况"));
    assert!(!sections.get(SectionId::Problems).contains("其他应说明事项"));
    assert!(sections.get(SectionId::Problems).contains("下一步工作安排"));
    assert!(sections
        .get(SectionId::Overview)
        .contains("共受理2条公开申请"));
    let rules: Vec<Rule> = imported.notes.iter().map(|n| n.rule).collect();
    assert!(!rules.contains(&notes::MISSING), "{:#?}", imported.notes);
    let opening: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.rule == notes::SECTION_MISSING)
        .collect();
    assert_eq!(opening.len(), 1, "{opening:#?}");
    assert_eq!(opening[0].place, Place::Section(SectionId::Overview));
    assert!(opening[0].message.zh.contains("都放在了这一部分"));
}

#[test]
fn no_page_chrome_in_any_imported_section() {
    let mut failures = Vec::new();
    for entry in entries() {
        let imported = import(&entry);
        for def in &nianbao_report::format::SECTIONS {
            let text = imported.report.sections.get(def.id);
            if let Some((line, kind)) = page_chrome::first_chrome_line(text) {
                failures.push(format!(
                    "{}: {} holds {kind:?} 「{line}」",
                    entry.slug, def.heading
                ));
            }
            let squeezed = squeeze(text);
            for chrome in &entry.key.chrome {
                let chrome = squeeze(chrome);
                if chrome.chars().count() >= 4 && squeezed.contains(&chrome) {
                    failures.push(format!(
                        "{}: {} holds the page's 「{chrome}」",
                        entry.slug, def.heading
                    ));
                }
            }
        }
        // Beyond the vocabulary: a website's button or link that no list knows shows as a
        // lone word of a line (「翻译」「搜索」「复制」 of a browser toolbar saved with the page).
        for def in &nianbao_report::format::SECTIONS {
            let text = imported.report.sections.get(def.id);
            let lines: Vec<&str> = text.lines().collect();
            // A partial copy may stop inside a word.
            let judged = match entry.completeness {
                Completeness::Partial => lines.len().saturating_sub(1),
                Completeness::Full => lines.len(),
            };
            for line in lines.iter().take(judged) {
                let line = line.trim();
                let lone_word = (1..=2).contains(&line.chars().count())
                    && line.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && !line.ends_with('是');
                if lone_word {
                    failures.push(format!(
                        "{}: {} holds a lone 「{line}」",
                        entry.slug, def.heading
                    ));
                }
            }
        }
        if let Some(preamble) = &entry.key.preamble {
            let overview = squeeze(imported.report.sections.get(SectionId::Overview));
            if !overview.starts_with(&squeeze(preamble)) {
                failures.push(format!(
                    "{}: 一 does not start with the preamble",
                    entry.slug
                ));
            }
        }
    }
    fail_all("chrome", failures);
}

/// The agency, its kind and level and the year, or a note where the import is unsure.
#[test]
fn agency_and_year_right_or_flagged() {
    let mut failures = Vec::new();
    for entry in entries() {
        let imported = import(&entry);
        let meta = &imported.report.meta;
        let key = &entry.key;
        let unsure = |field: &str| {
            imported.notes.iter().any(|n| {
                n.place
                    == Place::Meta(match field {
                        "agency" => "agency",
                        "year" => "year",
                        _ => "agency_kind",
                    })
            })
        };
        if meta.year != key.year && !unsure("year") {
            failures.push(format!(
                "{}: year {} (key {})",
                entry.slug, meta.year, key.year
            ));
        }
        match &key.agency {
            // 「洪泽区人民政府」 for 「淮安市洪泽区人民政府」, 「福田区福田街道」 for
            // 「…福田街道办事处」: the title's shorter name is the same agency.
            Some(agency)
                if (meta.agency.is_empty()
                    || !squeeze(agency)
                        .trim_end_matches("办事处")
                        .ends_with(squeeze(&meta.agency).trim_end_matches("办事处")))
                    && !unsure("agency") =>
            {
                failures.push(format!(
                    "{}: agency 「{}」 (key 「{agency}」)",
                    entry.slug, meta.agency
                ));
            }
            None if !meta.agency.is_empty() && !unsure("agency") => {
                failures.push(format!(
                    "{}: agency 「{}」 where the input names none",
                    entry.slug, meta.agency
                ));
            }
            _ => {}
        }
        let kind_noted = imported.notes.iter().any(|n| n.rule == notes::AGENCY_KIND);
        if meta.agency_kind != key.agency_kind && !kind_noted {
            failures.push(format!(
                "{}: kind {:?} (key {:?}) for 「{}」",
                entry.slug, meta.agency_kind, key.agency_kind, meta.agency
            ));
        }
        if let Some(level) = &key.level {
            let guess = agency::guess(&meta.agency);
            if guess.level.map(|l| l.key()) != Some(level.as_str()) && guess.sure {
                failures.push(format!(
                    "{}: level {:?} (key {level}) for 「{}」",
                    entry.slug, guess.level, meta.agency
                ));
            }
        }
    }
    fail_all("agency", failures);
}

/// T-numbers finds no mismatch a careful reader would not: every number it finds disagreeing
/// with the imported tables is one the keys list as a mismatch. (Recall and precision are
/// measured by `examples/corpus.rs`, docs/t-numbers.md.)
#[test]
fn no_false_t_numbers_finding_on_the_corpus() {
    use common::corpus::same_number;
    let mut failures = Vec::new();
    let mut found = 0;
    for entry in entries() {
        let report = import(&entry).report;
        let mismatches = entry.key.mismatches();
        for stated in rules::stated_quantities(&report) {
            if stated.agrees(&report) != Some(false) {
                continue;
            }
            if mismatches.iter().any(|m| same_number(&stated, m)) {
                found += 1;
            } else {
                failures.push(format!("{}: 「{}」", entry.slug, stated.quote));
            }
        }
        // The findings themselves are these statements (or T-no-requests-claim for a 0).
        let numbers = rules::check(&report, Stage::Draft)
            .iter()
            .filter(|f| f.rule == Rule::TNumbers)
            .count();
        let disagreeing = rules::stated_quantities(&report)
            .iter()
            .filter(|s| s.agrees(&report) == Some(false))
            .count();
        assert!(numbers <= disagreeing, "{}", entry.slug);
    }
    println!(
        "T-numbers: {found} mismatches of the keys found, {} false",
        failures.len()
    );
    assert!(found > 0, "the corpus holds mismatches T-numbers must find");
    fail_all("false T-numbers findings", failures);
}

/// The index lists every entry (`python3 tools/corpus_index.py` writes it).
#[test]
fn the_index_lists_every_entry() {
    let index = std::fs::read_to_string(common::corpus::corpus_dir().join("README.md"))
        .expect("tests/corpus/README.md");
    let missing: Vec<String> = entries()
        .into_iter()
        .filter(|e| !index.contains(&format!("[{}]", e.slug)))
        .map(|e| e.slug)
        .collect();
    assert!(
        missing.is_empty(),
        "run python3 tools/corpus_index.py: {missing:?}"
    );
}
