//! A message for the user in Chinese and English. Every finding, every error the core returns
//! and every notice the app shows carries one: the app shows one language, the command and the
//! exports print both.

use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Both languages, Chinese first, on two lines.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.zh, self.en)
    }
}
