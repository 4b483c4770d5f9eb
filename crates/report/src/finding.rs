//! What the rules and the importer report: a rule id, a severity, a place and a message in
//! Chinese and English that quotes the numbers.

use crate::message::Message;
use crate::model::Place;
use crate::rules::Rule;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Where a rule comes from: the official format or regulation, or derived from the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The official text, quoted as it reads, with what it says in English.
    Official {
        quote: &'static str,
        en: &'static str,
    },
    /// Follows from the tables' labels.
    Derived,
    /// What real reports and local notices do, in our words: so in Chinese and in English.
    Practice { zh: &'static str, en: &'static str },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule, by its id of the spec: 「R3-balance」, 「T-numbers」 …
    pub rule: Rule,
    pub severity: Severity,
    pub place: Place,
    pub message: Message,
    pub basis: Basis,
}
