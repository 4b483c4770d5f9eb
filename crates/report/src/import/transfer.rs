//! An import's result as text, to cross from the worker that reads published reports (outside
//! the editor's download) to the page that shows it: the report as JSON v1, and what the page
//! shows of each note.

use crate::message::Message;
use serde_json::{json, Value};

use super::{ImportError, Imported};
use crate::export::json;
use crate::finding::{Finding, Severity};
use crate::model::{Place, Report};
use crate::rules::catalogue::{IMPORT_BASIS, S_OLD_FORMAT_BASIS};
use crate::rules::Rule;

/// An import note as the page shows it: rule id, severity, message, and its place's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteText {
    pub rule: String,
    pub severity: Severity,
    pub message: Message,
    pub place: String,
}

/// A report read by the importer, and its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub report: Report,
    pub notes: Vec<NoteText>,
}

pub fn encode(result: &Result<Imported, ImportError>) -> String {
    let value = match result {
        Ok(imported) => json!({
            "report": json::to_json(&imported.report),
            "notes": imported.notes.iter().map(|note| note_json(&NoteText::of(note))).collect::<Vec<_>>(),
        }),
        Err(error) => json!({ "error_zh": error.message.zh, "error_en": error.message.en }),
    };
    value.to_string()
}

pub fn decode(text: &str) -> Result<Read, ImportError> {
    let broken = |why: &str| ImportError {
        message: Message {
            zh: format!("读取结果无法解析：{why}"),
            en: format!("the import's result could not be read: {why}"),
        },
    };
    let value: Value = serde_json::from_str(text).map_err(|e| broken(&e.to_string()))?;
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    if let (Some(zh), Some(en)) = (text_of(&value, "error_zh"), text_of(&value, "error_en")) {
        return Err(ImportError {
            message: Message { zh, en },
        });
    }
    let report_text = text_of(&value, "report").ok_or_else(|| broken("no report"))?;
    let report = json::from_json(&report_text).map_err(|e| broken(&e.message.en))?;
    let notes = value.get("notes").map(notes_from).unwrap_or_default();
    Ok(Read { report, notes })
}

/// Notes as text of their own: a draft made from an import keeps them beside it, so that what
/// was read by arithmetic or left blank can still be checked after the preview has closed.
pub fn encode_notes(notes: &[NoteText]) -> String {
    Value::Array(notes.iter().map(note_json).collect()).to_string()
}

/// [`encode_notes`]'s text back; a text that does not read gives no notes (they are the
/// importer's words, not the user's).
pub fn decode_notes(text: &str) -> Vec<NoteText> {
    serde_json::from_str::<Value>(text)
        .map(|value| notes_from(&value))
        .unwrap_or_default()
}

impl NoteText {
    /// The note as the finding the importer made. Its basis is the import's (or the 2019
    /// layout's), taken from the constants rather than the catalogue, which the editor's
    /// download does not carry.
    pub fn finding(&self) -> Option<Finding> {
        let rule = Rule::from_id(&self.rule)?;
        Some(Finding {
            rule,
            severity: self.severity,
            place: Place::from_id(&self.place)?,
            message: self.message.clone(),
            basis: match rule {
                Rule::SOldFormat => S_OLD_FORMAT_BASIS,
                _ => IMPORT_BASIS,
            },
        })
    }

    /// A note of the importer's as the page shows and keeps it.
    pub fn of(note: &Finding) -> NoteText {
        NoteText {
            rule: note.rule.id().to_owned(),
            severity: note.severity,
            message: note.message.clone(),
            place: note.place.id(),
        }
    }
}

fn note_json(note: &NoteText) -> Value {
    json!({
        "rule": note.rule,
        "severity": note.severity.label_en(),
        "place": note.place,
        "zh": note.message.zh,
        "en": note.message.en,
    })
}

fn notes_from(value: &Value) -> Vec<NoteText> {
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    value
        .as_array()
        .map(|notes| {
            notes
                .iter()
                .map(|note| NoteText {
                    rule: text_of(note, "rule").unwrap_or_default(),
                    severity: match note.get("severity").and_then(Value::as_str) {
                        Some("error") => Severity::Error,
                        Some("warning") => Severity::Warning,
                        _ => Severity::Info,
                    },
                    message: Message {
                        zh: text_of(note, "zh").unwrap_or_default(),
                        en: text_of(note, "en").unwrap_or_default(),
                    },
                    place: text_of(note, "place").unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Read {
    /// As the importer gave it: each note a finding again (the supervisor's batch keeps them
    /// so). The worker and the page are one build, so every rule and place is known; a note
    /// that were not would be left out rather than guessed.
    pub fn into_imported(self) -> Imported {
        let notes = self.notes.iter().filter_map(NoteText::finding).collect();
        Imported {
            report: self.report,
            notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_published;

    #[test]
    fn an_import_crosses_as_text_and_back_with_its_notes() {
        // A partial copy: its notes say what is missing.
        let partial = include_str!("../../tests/fixtures/guanzhou-street-2023-partial.txt");
        let imported = import_published(partial);
        let Ok(original) = imported.clone() else {
            panic!("the partial copy imports");
        };
        let read = decode(&encode(&imported)).expect("decodes");
        assert_eq!(read.report, original.report);
        assert_eq!(read.notes.len(), original.notes.len());
        assert!(!read.notes.is_empty());
        for (text, note) in read.notes.iter().zip(&original.notes) {
            assert_eq!(text.rule, note.rule.id());
            assert_eq!(text.severity, note.severity);
            assert_eq!(text.message.zh, note.message.zh);
            assert_eq!(text.message.en, note.message.en);
            assert_eq!(text.place, note.place.id());
        }
        // And back to the findings themselves, as the supervisor's batch keeps them.
        let again = read.into_imported();
        assert_eq!(again.report, original.report);
        assert_eq!(again.notes, original.notes);
    }

    #[test]
    fn a_refusal_crosses_as_itself_and_garbage_is_an_error() {
        let refused = import_published("今天天气很好。");
        let Err(original) = refused.clone() else {
            panic!("not a report");
        };
        assert_eq!(decode(&encode(&refused)), Err(original));
        let garbage = decode("{not json").unwrap_err();
        assert!(garbage.message.zh.contains("读取结果无法解析"));
    }
}
