//! Parses the bank's TOML files (bundled, or read from a folder by the application layer) and validates them as one whole.

pub(super) use std::collections::{BTreeMap, BTreeSet};
pub(super) use std::fmt;

pub(super) use serde::Deserialize;

use super::questions::{build_question, check_condition};
use super::validate::{
    check_changelog, check_coverage, check_criteria, check_foundations, check_read_by_id,
    check_report_type_question, check_steps,
};

use super::{
    Bank, Category, CategoryRule, Choice, Condition, Criterion, Effort, Foundation, Impact,
    Question, Release, ScopingInput, Step,
};

/// Everything wrong with a bank, each problem naming the file, the question and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct BankError {
    pub problems: Vec<BankProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BankProblem {
    pub file: String,
    pub question: Option<String>,
    pub reason: String,
}

impl fmt::Display for BankProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.question {
            Some(q) => write!(f, "{}: question '{}': {}", self.file, q, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [] => write!(f, "the question bank is invalid"),
            [only] => write!(f, "invalid question bank: {only}"),
            [first, rest @ ..] => write!(
                f,
                "invalid question bank: {first} (and {} more problems; run `soc2-readiness bank check` to see them all)",
                rest.len()
            ),
        }
    }
}

impl std::error::Error for BankError {}

/// The bank shipped inside the binary, from `assets/`.
pub fn bundled_bank() -> Bank {
    let files = bundled_files();
    // A test loads the bundled bank, so a broken asset fails CI rather than a user's launch.
    parse_bank(&files).expect("the bundled question bank is valid")
}

/// The bundled bank's files as (name, contents), for tools and tests that vary them.
pub fn bundled_files() -> Vec<(String, String)> {
    BUNDLED
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

pub(super) const BUNDLED: &[(&str, &str)] = &[
    ("bank.toml", include_str!("../../../../assets/bank.toml")),
    (
        "criteria.toml",
        include_str!("../../../../assets/criteria.toml"),
    ),
    (
        "changelog.toml",
        include_str!("../../../../assets/changelog.toml"),
    ),
    (
        "questions/step-1-scope.toml",
        include_str!("../../../../assets/questions/step-1-scope.toml"),
    ),
    (
        "questions/step-2-risks.toml",
        include_str!("../../../../assets/questions/step-2-risks.toml"),
    ),
    (
        "questions/step-3-policies.toml",
        include_str!("../../../../assets/questions/step-3-policies.toml"),
    ),
    (
        "questions/step-4-monitoring.toml",
        include_str!("../../../../assets/questions/step-4-monitoring.toml"),
    ),
    (
        "questions/step-5-auditor.toml",
        include_str!("../../../../assets/questions/step-5-auditor.toml"),
    ),
    (
        "questions/step-6-maintenance.toml",
        include_str!("../../../../assets/questions/step-6-maintenance.toml"),
    ),
    (
        "recurring-controls.toml",
        include_str!("../../../../assets/recurring-controls.toml"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BankFile {
    pub(super) version: String,
    #[serde(rename = "step")]
    pub(super) steps: Vec<Step>,
    #[serde(rename = "category_rule", default)]
    pub(super) category_rules: Vec<CategoryRule>,
    #[serde(rename = "foundation", default)]
    pub(super) foundations: Vec<Foundation>,
    #[serde(rename = "impact_context", default)]
    pub(super) impact_context: Vec<super::ImpactContext>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChangelogFile {
    #[serde(rename = "release", default)]
    pub(super) releases: Vec<Release>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CriteriaFile {
    #[serde(rename = "criterion")]
    pub(super) criteria: Vec<Criterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuestionFile {
    pub(super) step: u8,
    #[serde(rename = "question", default)]
    pub(super) questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: String,
    pub(super) topic: String,
    pub(super) text: String,
    pub(super) why: String,
    pub(super) input: Option<ScopingInput>,
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    #[serde(default)]
    pub(super) criteria: Vec<String>,
    pub(super) good: Option<String>,
    pub(super) remediation: Option<String>,
    pub(super) remediation_document: Option<String>,
    pub(super) remediation_operate: Option<String>,
    pub(super) gap: Option<String>,
    pub(super) subject: Option<String>,
    pub(super) impact: Option<Impact>,
    pub(super) impact_raised_when: Option<Condition>,
    pub(super) effort: Option<Effort>,
    pub(super) weight: Option<u32>,
    #[serde(default)]
    pub(super) key: bool,
    #[serde(default)]
    pub(super) engagement: bool,
    pub(super) applies_when: Option<Condition>,
    pub(super) otherwise: Option<String>,
}

pub(super) fn single(file: &str, question: Option<&str>, reason: String) -> BankError {
    BankError {
        problems: vec![BankProblem {
            file: file.to_string(),
            question: question.map(str::to_string),
            reason,
        }],
    }
}

/// Collects problems so `bank check` can list them all at once.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<BankProblem>);

impl Problems {
    pub(super) fn add(&mut self, file: &str, question: Option<&str>, reason: impl Into<String>) {
        self.0.push(BankProblem {
            file: file.to_string(),
            question: question.map(str::to_string),
            reason: reason.into(),
        });
    }
}

pub(super) fn parse_toml<T: for<'de> Deserialize<'de>>(
    name: &str,
    text: &str,
) -> Result<T, BankError> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        let reason = match line {
            Some(line) => format!("not valid at line {line}: {message}"),
            None => format!("not valid: {message}"),
        };
        single(name, None, reason)
    })
}

/// Parses and validates a bank from (file name, contents) pairs, as `load_bank_dir` reads them.
pub fn parse_bank(files: &[(String, String)]) -> Result<Bank, BankError> {
    let mut bank_file = None;
    let mut criteria_file = None;
    let mut changelog = Vec::new();
    let mut recurring = Vec::new();
    let mut question_files = Vec::new();
    for (name, text) in files {
        match name.as_str() {
            "bank.toml" => bank_file = Some(parse_toml::<BankFile>(name, text)?),
            "criteria.toml" => criteria_file = Some(parse_toml::<CriteriaFile>(name, text)?),
            "changelog.toml" => changelog = parse_toml::<ChangelogFile>(name, text)?.releases,
            "recurring-controls.toml" => {
                recurring = parse_toml::<super::recurring::RecurringFile>(name, text)?.controls
            }
            _ => question_files.push((name.as_str(), parse_toml::<QuestionFile>(name, text)?)),
        }
    }
    let bank_file =
        bank_file.ok_or_else(|| single("bank.toml", None, "the file is missing".into()))?;
    let criteria_file =
        criteria_file.ok_or_else(|| single("criteria.toml", None, "the file is missing".into()))?;

    let mut problems = Problems::default();
    check_steps(&bank_file.steps, &mut problems);
    check_criteria(&criteria_file.criteria, &mut problems);
    let known_criteria: BTreeSet<&str> = criteria_file
        .criteria
        .iter()
        .map(|c| c.id.as_str())
        .collect();

    let mut questions = Vec::new();
    let mut origin: BTreeMap<String, String> = BTreeMap::new();
    for (file, content) in question_files {
        if !(1..=6).contains(&content.step) {
            problems.add(
                file,
                None,
                format!("step {} is not one of 1 to 6", content.step),
            );
        }
        for raw in content.questions {
            if let Some(first) = origin.get(&raw.id) {
                problems.add(
                    file,
                    Some(&raw.id),
                    format!("the id is used twice (also in {first})"),
                );
                continue;
            }
            origin.insert(raw.id.clone(), file.to_string());
            questions.push(build_question(
                file,
                content.step,
                raw,
                &known_criteria,
                &mut problems,
            ));
        }
    }
    let by_id: BTreeMap<&str, &Question> = questions.iter().map(|q| (q.id.as_str(), q)).collect();
    for q in &questions {
        for condition in [&q.applies_when, &q.impact_raised_when]
            .into_iter()
            .flatten()
        {
            check_condition(
                &origin[&q.id],
                Some(&q.id),
                condition,
                &by_id,
                &mut problems,
            );
        }
    }
    for rule in &bank_file.category_rules {
        if rule.category == Category::Security {
            problems.add(
                "bank.toml",
                None,
                "Security is always in scope; it takes no category rule",
            );
        }
        check_condition("bank.toml", None, &rule.when, &by_id, &mut problems);
    }
    for context in &bank_file.impact_context {
        check_condition("bank.toml", None, &context.when, &by_id, &mut problems);
        for id in &context.questions {
            if !by_id.get(id.as_str()).is_some_and(|q| q.is_control()) {
                problems.add(
                    "bank.toml",
                    None,
                    format!("impact_context names '{id}', which is not a control question"),
                );
            }
        }
    }
    check_foundations(&bank_file.foundations, &questions, &mut problems);
    check_changelog(&changelog, &bank_file.version, &questions, &mut problems);
    check_report_type_question(&by_id, &mut problems);
    check_read_by_id(&by_id, &mut problems);
    check_coverage(&criteria_file.criteria, &questions, &mut problems);
    super::recurring::check_recurring(&recurring, &questions, &mut problems);

    if !problems.0.is_empty() {
        return Err(BankError {
            problems: problems.0,
        });
    }
    let mut bank = Bank::new(
        bank_file.version,
        bank_file.steps,
        criteria_file.criteria,
        bank_file.category_rules,
        questions,
        bank_file.foundations,
        changelog,
    );
    bank.recurring_controls = recurring;
    bank.impact_context = bank_file.impact_context;
    Ok(bank)
}
