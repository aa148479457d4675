//! Applicability conditions over scoping answers, as written in the question bank.

use serde::{Deserialize, Serialize};

/// A condition over scoping answers. In TOML: `{ question = "scope.offices", is = "yes" }`,
/// `{ question = "scope.data-kinds", includes = "personal" }`, `{ any = [...] }`,
/// `{ all = [...] }` or `{ not = {...} }`. It is evaluated in `scope`, which knows answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum Condition {
    Is { question: String, is: String },
    Includes { question: String, includes: String },
    Any { any: Vec<Condition> },
    All { all: Vec<Condition> },
    Not { not: Box<Condition> },
}

impl Condition {
    /// Every (question, expected value) pair the condition reads, for validation.
    pub fn references(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        self.collect_references(&mut out);
        out
    }

    fn collect_references<'a>(&'a self, out: &mut Vec<(&'a str, &'a str)>) {
        match self {
            Condition::Is { question, is } => out.push((question, is)),
            Condition::Includes { question, includes } => out.push((question, includes)),
            Condition::Any { any: parts } | Condition::All { all: parts } => {
                for part in parts {
                    part.collect_references(out);
                }
            }
            Condition::Not { not } => not.collect_references(out),
        }
    }
}
