//! Reads the bank's TOML files (bundled or from a folder) and validates them as one whole.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::{
    Bank, BankChange, Category, CategoryRule, ChangeKind, Choice, Condition, Criterion, Effort,
    Foundation, Impact, Question, QuestionKind, REPORT_TYPE_QUESTION, Release, ScopingInput, Step,
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

/// Loads a bank from a folder laid out like `assets/`: `bank.toml`, `criteria.toml`, `questions/*.toml`.
pub fn load_bank_dir(dir: &Path) -> Result<Bank, BankError> {
    let read = |relative: &str| -> Result<(String, String), BankError> {
        let path = dir.join(relative);
        std::fs::read_to_string(&path)
            .map(|text| (relative.to_string(), text))
            .map_err(|e| {
                single(
                    relative,
                    None,
                    format!("cannot read {}: {e}", path.display()),
                )
            })
    };
    let mut files = vec![read("bank.toml")?, read("criteria.toml")?];
    // A customised bank may have no history of its own.
    if dir.join("changelog.toml").exists() {
        files.push(read("changelog.toml")?);
    }
    let question_dir = dir.join("questions");
    let entries = std::fs::read_dir(&question_dir).map_err(|e| {
        single(
            "questions/",
            None,
            format!("cannot read {}: {e}", question_dir.display()),
        )
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        files.push(read(&format!("questions/{name}"))?);
    }
    parse_bank(&files)
}

/// The bundled bank's files as (name, contents), for tools and tests that vary them.
pub fn bundled_files() -> Vec<(String, String)> {
    BUNDLED
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

const BUNDLED: &[(&str, &str)] = &[
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
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    version: String,
    #[serde(rename = "step")]
    steps: Vec<Step>,
    #[serde(rename = "category_rule", default)]
    category_rules: Vec<CategoryRule>,
    #[serde(rename = "foundation", default)]
    foundations: Vec<Foundation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangelogFile {
    #[serde(rename = "release", default)]
    releases: Vec<Release>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriteriaFile {
    #[serde(rename = "criterion")]
    criteria: Vec<Criterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    step: u8,
    #[serde(rename = "question", default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    topic: String,
    text: String,
    why: String,
    input: Option<ScopingInput>,
    #[serde(default)]
    choices: Vec<Choice>,
    #[serde(default)]
    criteria: Vec<String>,
    good: Option<String>,
    remediation: Option<String>,
    remediation_document: Option<String>,
    remediation_operate: Option<String>,
    gap: Option<String>,
    subject: Option<String>,
    impact: Option<Impact>,
    impact_raised_when: Option<Condition>,
    effort: Option<Effort>,
    weight: Option<u32>,
    #[serde(default)]
    key: bool,
    #[serde(default)]
    engagement: bool,
    applies_when: Option<Condition>,
    otherwise: Option<String>,
}

fn single(file: &str, question: Option<&str>, reason: String) -> BankError {
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
struct Problems(Vec<BankProblem>);

impl Problems {
    fn add(&mut self, file: &str, question: Option<&str>, reason: impl Into<String>) {
        self.0.push(BankProblem {
            file: file.to_string(),
            question: question.map(str::to_string),
            reason: reason.into(),
        });
    }
}

fn parse_toml<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, BankError> {
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
    let mut question_files = Vec::new();
    for (name, text) in files {
        match name.as_str() {
            "bank.toml" => bank_file = Some(parse_toml::<BankFile>(name, text)?),
            "criteria.toml" => criteria_file = Some(parse_toml::<CriteriaFile>(name, text)?),
            "changelog.toml" => changelog = parse_toml::<ChangelogFile>(name, text)?.releases,
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
    check_foundations(&bank_file.foundations, &questions, &mut problems);
    check_changelog(&changelog, &bank_file.version, &questions, &mut problems);
    check_report_type_question(&by_id, &mut problems);
    check_coverage(&criteria_file.criteria, &questions, &mut problems);

    if !problems.0.is_empty() {
        return Err(BankError {
            problems: problems.0,
        });
    }
    Ok(Bank::new(
        bank_file.version,
        bank_file.steps,
        criteria_file.criteria,
        bank_file.category_rules,
        questions,
        bank_file.foundations,
        changelog,
    ))
}

/// Versions rise release by release and the last one is this bank; every change has the ids
/// its kind needs, and each id it leads to exists now or is changed again by a later release.
fn check_changelog(
    releases: &[Release],
    version: &str,
    questions: &[Question],
    problems: &mut Problems,
) {
    let file = "changelog.toml";
    let parts = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    if let Some(last) = releases.last()
        && last.version != version
    {
        problems.add(
            file,
            None,
            format!(
                "the last release is {}, but the bank is {version}",
                last.version
            ),
        );
    }
    for pair in releases.windows(2) {
        if parts(&pair[0].version) >= parts(&pair[1].version) {
            problems.add(
                file,
                None,
                format!(
                    "release {} must come after {}",
                    pair[1].version, pair[0].version
                ),
            );
        }
    }
    for (i, release) in releases.iter().enumerate() {
        for change in &release.changes {
            let BankChange { kind, from, to, .. } = change;
            let shape_ok = match kind {
                ChangeKind::Renamed => from.len() == 1 && to.len() == 1,
                ChangeKind::Merged => from.len() >= 2 && to.len() == 1,
                ChangeKind::Split => from.len() == 1 && to.len() >= 2,
                ChangeKind::Removed => !from.is_empty() && to.is_empty(),
                ChangeKind::Added => from.is_empty() && !to.is_empty(),
                ChangeKind::Remapped => !from.is_empty() && from == to,
            };
            if !shape_ok {
                problems.add(
                    file,
                    from.first().or(to.first()).map(String::as_str),
                    format!("a {kind:?} change in {} has the wrong ids", release.version),
                );
            }
            for id in to {
                let exists = questions.iter().any(|q| &q.id == id);
                let changed_later = releases[i + 1..]
                    .iter()
                    .flat_map(|r| &r.changes)
                    .any(|c| c.from.contains(id));
                if !exists && !changed_later {
                    problems.add(
                        file,
                        Some(id),
                        format!(
                            "release {} leads to a question the bank does not have",
                            release.version
                        ),
                    );
                }
            }
        }
    }
}

/// A foundation and its dependents are control questions; a dependent has one foundation and
/// comes after it in the bank (so the quick path asks foundations first); a foundation is never
/// itself a dependent, and a conditional one only stands for questions under the same condition.
fn check_foundations(foundations: &[Foundation], questions: &[Question], problems: &mut Problems) {
    let find = |id: &str| questions.iter().find(|q| q.id == id);
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for foundation in foundations {
        let Some(base) = find(&foundation.question) else {
            problems.add(
                "bank.toml",
                None,
                format!("foundation '{}' is not a question", foundation.question),
            );
            continue;
        };
        if !base.is_control() {
            problems.add(
                "bank.toml",
                Some(&foundation.question),
                "a foundation must be a control question",
            );
        }
        if foundation.dependents.is_empty() || foundation.reason.trim().is_empty() {
            problems.add(
                "bank.toml",
                Some(&foundation.question),
                "a foundation needs dependents and a reason",
            );
        }
        for dependent in &foundation.dependents {
            let Some(question) = find(dependent) else {
                problems.add(
                    "bank.toml",
                    Some(&foundation.question),
                    format!("dependent '{dependent}' is not a question"),
                );
                continue;
            };
            let position = |id: &str| questions.iter().position(|q| q.id == id);
            if !question.is_control() || position(dependent) < position(&foundation.question) {
                problems.add(
                    "bank.toml",
                    Some(dependent),
                    format!(
                        "a dependent must be a control question that comes after its foundation '{}', so the quick path meets the foundation first",
                        foundation.question
                    ),
                );
            }
            if base.applies_when.is_some() && question.applies_when != base.applies_when {
                problems.add(
                    "bank.toml",
                    Some(dependent),
                    format!(
                        "must be asked under the same condition as its foundation '{}'",
                        foundation.question
                    ),
                );
            }
            if let Some(other) = seen.insert(dependent, &foundation.question) {
                problems.add(
                    "bank.toml",
                    Some(dependent),
                    format!("depends on both '{other}' and '{}'", foundation.question),
                );
            }
        }
    }
    for foundation in foundations {
        if let Some(other) = seen.get(foundation.question.as_str()) {
            problems.add(
                "bank.toml",
                Some(&foundation.question),
                format!("a foundation cannot depend on '{other}'"),
            );
        }
    }
}

fn check_steps(steps: &[Step], problems: &mut Problems) {
    for number in 1..=6u8 {
        let count = steps.iter().filter(|s| s.number == number).count();
        if count != 1 {
            problems.add(
                "bank.toml",
                None,
                format!("step {number} must be described exactly once, found {count}"),
            );
        }
    }
}

fn check_criteria(criteria: &[Criterion], problems: &mut Problems) {
    let mut seen = BTreeSet::new();
    for c in criteria {
        if !seen.insert(c.id.as_str()) {
            problems.add(
                "criteria.toml",
                None,
                format!("criterion {} is listed twice", c.id),
            );
        }
        if c.title.trim().is_empty() || c.explanation.trim().is_empty() {
            problems.add(
                "criteria.toml",
                None,
                format!("criterion {} needs a title and an explanation", c.id),
            );
        }
    }
}

fn build_question(
    file: &str,
    step: u8,
    raw: RawQuestion,
    known_criteria: &BTreeSet<&str>,
    problems: &mut Problems,
) -> Question {
    let id = raw.id.as_str();
    let mut problem = |reason: String| problems.add(file, Some(id), reason);
    if raw.text.trim().is_empty() || raw.why.trim().is_empty() {
        problem("the text and why fields must not be empty".into());
    }
    let kind = if step == 1 {
        QuestionKind::Scoping
    } else {
        QuestionKind::Control
    };
    match kind {
        QuestionKind::Scoping => {
            match &raw.input {
                None => problem(
                    "a scoping question needs an input (yes_no, choice, multi_choice, text or date)"
                        .into(),
                ),
                Some(ScopingInput::Choice | ScopingInput::MultiChoice) => {
                    if raw.choices.len() < 2 {
                        problem("a choice question needs at least two choices".into());
                    }
                    let mut seen = BTreeSet::new();
                    for c in &raw.choices {
                        if !seen.insert(c.id.as_str()) {
                            problem(format!("choice '{}' is listed twice", c.id));
                        }
                    }
                }
                Some(_) if !raw.choices.is_empty() => {
                    problem("only choice questions list choices".into())
                }
                Some(_) => {}
            }
            if raw.weight.is_some()
                || raw.effort.is_some()
                || raw.remediation.is_some()
                || raw.remediation_document.is_some()
                || raw.remediation_operate.is_some()
                || raw.gap.is_some()
                || raw.subject.is_some()
                || raw.impact.is_some()
                || raw.impact_raised_when.is_some()
            {
                problem(
                    "scoping questions are not scored: drop weight, effort, impact, gap and remediation"
                        .into(),
                );
            }
            let exclusive = raw.choices.iter().filter(|c| c.exclusive).count();
            if exclusive > 0 && raw.input != Some(ScopingInput::MultiChoice) {
                problem("only multiple-choice questions mark a choice exclusive".into());
            }
        }
        QuestionKind::Control => {
            if raw.input.is_some() || !raw.choices.is_empty() {
                problem(
                    "control questions are answered with maturity levels: drop input and choices"
                        .into(),
                );
            }
            if raw.engagement && !raw.criteria.is_empty() {
                problem(
                    "an audit-project task (engagement = true) counts towards no criterion: drop its criteria"
                        .into(),
                );
            }
            if !raw.engagement && raw.criteria.is_empty() {
                problem("a control question must name at least one criterion".into());
            }
            if raw.good.as_deref().is_none_or(|t| t.trim().is_empty()) {
                problem("a control question needs `good` (what good looks like)".into());
            }
            if raw
                .remediation
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                problem("a control question needs a remediation".into());
            }
            if raw.effort.is_none() {
                problem("a control question needs an effort (S, M or L)".into());
            }
            if raw.impact.is_none() {
                problem(
                    "a control question needs an impact (critical, high, moderate or low)".into(),
                );
            }
            for (field, text) in [
                ("remediation_document", &raw.remediation_document),
                ("remediation_operate", &raw.remediation_operate),
                ("gap", &raw.gap),
            ] {
                if text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    problem(format!("a control question needs `{field}`"));
                }
            }
            match raw.weight {
                Some(1..=5) => {}
                Some(w) => problem(format!("weight {w} is outside 1 to 5")),
                None => problem("a control question needs a weight from 1 to 5".into()),
            }
        }
    }
    let mut seen = BTreeSet::new();
    for c in &raw.criteria {
        if !known_criteria.contains(c.as_str()) {
            problem(format!("unknown criterion '{c}'"));
        }
        if !seen.insert(c.as_str()) {
            problem(format!("criterion '{c}' is listed twice"));
        }
    }
    Question {
        id: raw.id,
        step,
        topic: raw.topic,
        kind,
        text: raw.text,
        why: raw.why,
        input: raw.input,
        choices: raw.choices,
        criteria: raw.criteria,
        good: raw.good,
        remediation: raw.remediation,
        remediation_document: raw.remediation_document,
        remediation_operate: raw.remediation_operate,
        gap: raw.gap,
        subject: raw.subject,
        impact: raw.impact,
        impact_raised_when: raw.impact_raised_when,
        effort: raw.effort,
        weight: raw.weight,
        key: raw.key,
        engagement: raw.engagement,
        applies_when: raw.applies_when,
        otherwise: raw.otherwise,
    }
}

fn check_condition(
    file: &str,
    question: Option<&str>,
    condition: &Condition,
    by_id: &BTreeMap<&str, &Question>,
    problems: &mut Problems,
) {
    let includes_form = |c: &Condition, target: &str| {
        fn find(c: &Condition, target: &str) -> Option<bool> {
            match c {
                Condition::Is { question, .. } if question == target => Some(false),
                Condition::Includes { question, .. } if question == target => Some(true),
                Condition::Any { any: parts } | Condition::All { all: parts } => {
                    parts.iter().find_map(|p| find(p, target))
                }
                Condition::Not { not } => find(not, target),
                _ => None,
            }
        }
        find(c, target)
    };
    for (target, expected) in condition.references() {
        let Some(referenced) = by_id.get(target) else {
            problems.add(
                file,
                question,
                format!("its condition names unknown question '{target}'"),
            );
            continue;
        };
        if referenced.is_control() {
            problems.add(
                file,
                question,
                format!("its condition names '{target}', which is not a scoping question"),
            );
            continue;
        }
        let uses_includes = includes_form(condition, target).unwrap_or(false);
        let valid = match referenced.input {
            Some(ScopingInput::YesNo) => !uses_includes && (expected == "yes" || expected == "no"),
            Some(ScopingInput::Choice) => {
                !uses_includes && referenced.choices.iter().any(|c| c.id == expected)
            }
            Some(ScopingInput::MultiChoice) => {
                uses_includes && referenced.choices.iter().any(|c| c.id == expected)
            }
            _ => false,
        };
        if !valid {
            problems.add(
                file,
                question,
                format!(
                    "its condition on '{target}' expects '{expected}', which that question cannot answer (yes/no and single choices take `is`, multiple choices take `includes`)"
                ),
            );
        }
    }
}

fn check_report_type_question(by_id: &BTreeMap<&str, &Question>, problems: &mut Problems) {
    let valid = by_id.get(REPORT_TYPE_QUESTION).is_some_and(|q| {
        q.input == Some(ScopingInput::Choice)
            && q.choices.iter().any(|c| c.id == "type1")
            && q.choices.iter().any(|c| c.id == "type2")
    });
    if !valid {
        problems.add(
            "questions/",
            Some(REPORT_TYPE_QUESTION),
            "the bank must have this choice question with choices 'type1' and 'type2'",
        );
    }
}

/// Every criterion needs two questions that apply whatever the scope answers are, so no
/// criterion can silently end up with nothing to score once its category is in scope.
fn check_coverage(criteria: &[Criterion], questions: &[Question], problems: &mut Problems) {
    for criterion in criteria {
        let count = questions
            .iter()
            .filter(|q| q.is_control() && q.applies_when.is_none())
            .filter(|q| q.criteria.iter().any(|c| c == &criterion.id))
            .count();
        if count < 2 {
            problems.add(
                "questions/",
                None,
                format!(
                    "criterion {} is covered by {count} unconditional control question(s); it needs at least 2",
                    criterion.id
                ),
            );
        }
    }
}
