//! Question modules: a consultant's own questions in one TOML file, checked against the bank and added to it per assessment.
//!
//! A module's questions are written exactly as the bank's (the same fields and the same checks),
//! each with the step it belongs to, and their ids start with `<module id>.` so they can never
//! collide with the bank's or another module's.

use sha2::{Digest, Sha256};

use super::load::*;
use super::questions::{build_question, check_condition};
use super::{Bank, Question};

/// A module as the file states it, with its questions built and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionModule {
    pub id: String,
    pub version: String,
    pub title: String,
    pub author: Option<String>,
    pub organisation: Option<String>,
    pub description: String,
    pub questions: Vec<Question>,
    /// The file's exact text: kept in the data file and carried in exports, so a colleague gets
    /// the same module byte for byte.
    pub text: String,
    /// Lower-case hex SHA-256 of `text`: two files with one id and version must match on it.
    pub sha256: String,
}

/// What an effective bank says about a module it includes (and what the report prints).
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
pub struct ModuleRef {
    pub id: String,
    pub version: String,
    pub title: String,
    pub sha256: String,
}

impl QuestionModule {
    pub fn reference(&self) -> ModuleRef {
        ModuleRef {
            id: self.id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            sha256: self.sha256.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleFile {
    module: ModuleHeader,
    #[serde(rename = "question", default)]
    questions: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleHeader {
    id: String,
    title: String,
    version: String,
    author: Option<String>,
    organisation: Option<String>,
    description: String,
}

/// Reads and checks a module against `bank` (which must be the bank alone, without modules).
/// Every problem is collected and named by `file` and question, as `bank check` does.
pub fn parse_module(file: &str, text: &str, bank: &Bank) -> Result<QuestionModule, BankError> {
    let parsed: ModuleFile = parse_toml(file, text)?;
    let header = parsed.module;
    let mut problems = Problems::default();
    if !is_slug(&header.id) {
        problems.add(
            file,
            None,
            format!(
                "module id '{}' must be lower-case letters, digits and dashes, starting with a letter",
                header.id
            ),
        );
    }
    if bank.question(&header.id).is_some()
        || bank.questions.iter().any(|q| {
            q.id.split('.')
                .next()
                .is_some_and(|prefix| prefix == header.id)
        })
    {
        problems.add(
            file,
            None,
            format!(
                "module id '{}' is a prefix the bank's own questions use",
                header.id
            ),
        );
    }
    for (field, value) in [
        ("title", &header.title),
        ("version", &header.version),
        ("description", &header.description),
    ] {
        if value.trim().is_empty() {
            problems.add(
                file,
                None,
                format!("the module's {field} must not be empty"),
            );
        }
    }
    if !header
        .version
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
    {
        problems.add(
            file,
            None,
            format!(
                "version '{}' may hold only letters, digits, dots, dashes and plus signs",
                header.version
            ),
        );
    }
    if parsed.questions.is_empty() {
        problems.add(file, None, "the module has no [[question]] entries");
    }
    let known_criteria: BTreeSet<&str> = bank.criteria.iter().map(|c| c.id.as_str()).collect();
    let prefix = format!("{}.", header.id);
    let mut questions: Vec<Question> = Vec::new();
    for (position, mut table) in parsed.questions.into_iter().enumerate() {
        let step = match table.remove("step") {
            Some(toml::Value::Integer(n)) if (1..=6).contains(&n) => n as u8,
            Some(other) => {
                let label = question_label(&table, position);
                problems.add(
                    file,
                    Some(&label),
                    format!("step {other} is not one of 1 to 6"),
                );
                continue;
            }
            None => {
                let label = question_label(&table, position);
                problems.add(
                    file,
                    Some(&label),
                    "a module question needs a step (1 to 6)",
                );
                continue;
            }
        };
        let raw: RawQuestion = match table.clone().try_into() {
            Ok(raw) => raw,
            Err(e) => {
                let label = question_label(&table, position);
                let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
                problems.add(file, Some(&label), format!("not valid: {message}"));
                continue;
            }
        };
        if !raw.id.starts_with(&prefix) || raw.id.len() == prefix.len() {
            problems.add(
                file,
                Some(&raw.id),
                format!("the id must start with '{prefix}' (the module's id)"),
            );
        }
        if questions.iter().any(|q| q.id == raw.id) {
            problems.add(file, Some(&raw.id), "the id is used twice");
            continue;
        }
        let mut question = build_question(file, step, raw, &known_criteria, &mut problems);
        question.module = Some(header.id.clone());
        questions.push(question);
    }
    let mut by_id: BTreeMap<&str, &Question> =
        bank.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    by_id.extend(questions.iter().map(|q| (q.id.as_str(), q)));
    for q in &questions {
        for condition in [&q.applies_when, &q.impact_raised_when]
            .into_iter()
            .flatten()
        {
            check_condition(file, Some(&q.id), condition, &by_id, &mut problems);
        }
    }
    if !problems.0.is_empty() {
        return Err(BankError {
            problems: problems.0,
        });
    }
    let digest = Sha256::digest(text.as_bytes());
    Ok(QuestionModule {
        id: header.id,
        version: header.version,
        title: header.title,
        author: header.author,
        organisation: header.organisation,
        description: header.description,
        questions,
        text: text.to_string(),
        sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
    })
}

impl Bank {
    /// This bank with the modules' questions added, each after the bank's questions of its step:
    /// the effective bank of an assessment that uses these modules. The bank's own questions,
    /// foundations and changelog are unchanged.
    pub fn with_modules(&self, modules: &[QuestionModule]) -> Bank {
        if modules.is_empty() {
            return self.clone();
        }
        let mut sorted: Vec<&QuestionModule> = modules.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        let mut questions = Vec::with_capacity(self.questions.len());
        for step in 1..=6u8 {
            questions.extend(self.questions.iter().filter(|q| q.step == step).cloned());
            for module in &sorted {
                questions.extend(module.questions.iter().filter(|q| q.step == step).cloned());
            }
        }
        let mut bank = Bank::new(
            self.version.clone(),
            self.steps.clone(),
            self.criteria.clone(),
            self.category_rules.clone(),
            questions,
            self.foundations.clone(),
            self.changelog.clone(),
        );
        bank.modules = sorted.iter().map(|m| m.reference()).collect();
        bank.impact_context = self.impact_context.clone();
        bank
    }

    /// The module a question came from, when it came from one.
    pub fn module_of(&self, question_id: &str) -> Option<&ModuleRef> {
        let module = self.question(question_id)?.module.as_deref()?;
        self.modules.iter().find(|m| m.id == module)
    }
}

fn is_slug(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.len() <= 40
}

/// How a question is named in a problem before its id is known to be valid.
fn question_label(table: &toml::Table, position: usize) -> String {
    match table.get("id").and_then(|v| v.as_str()) {
        Some(id) => id.to_string(),
        None => format!("#{}", position + 1),
    }
}
