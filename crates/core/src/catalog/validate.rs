//! Checks across the whole bank: steps, criteria coverage, foundations, the changelog and the report-type question.

use super::load::*;
use super::*;

/// Versions rise release by release and the last one is this bank; every change has the ids
/// its kind needs, and each id it leads to exists now or is changed again by a later release.
pub(super) fn check_changelog(
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
pub(super) fn check_foundations(
    foundations: &[Foundation],
    questions: &[Question],
    problems: &mut Problems,
) {
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

pub(super) fn check_steps(steps: &[Step], problems: &mut Problems) {
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

pub(super) fn check_criteria(criteria: &[Criterion], problems: &mut Problems) {
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

pub(super) fn check_report_type_question(
    by_id: &BTreeMap<&str, &Question>,
    problems: &mut Problems,
) {
    if !by_id.contains_key(REPORT_TYPE_QUESTION) {
        problems.add(
            "questions/",
            Some(REPORT_TYPE_QUESTION),
            "the bank must have this choice question with choices 'type1' and 'type2'",
        );
    }
}

/// The questions and choices the engine reads by id (`read_by_id.rs`): a bank that has one of
/// these questions must give it the input and the choices the engine reads.
pub(super) fn check_read_by_id(by_id: &BTreeMap<&str, &Question>, problems: &mut Problems) {
    for (id, input, choices) in CHOICES_READ {
        let Some(question) = by_id.get(id) else {
            continue;
        };
        let missing: Vec<&str> = choices
            .iter()
            .filter(|c| !question.choices.iter().any(|offered| offered.id == **c))
            .copied()
            .collect();
        if question.input.as_ref() != Some(&input) || !missing.is_empty() {
            let kind = match input {
                ScopingInput::MultiChoice => "a question with several choices",
                _ => "a question with one choice",
            };
            problems.add(
                "questions/",
                Some(id),
                format!(
                    "the engine reads this question as {kind} offering {}: it must stay so (missing: {})",
                    if choices.is_empty() { "any".to_string() } else { choices.join(", ") },
                    if missing.is_empty() { "none".to_string() } else { missing.join(", ") }
                ),
            );
        }
    }
    for id in YES_NO_READ {
        if by_id
            .get(id)
            .is_some_and(|q| q.input != Some(ScopingInput::YesNo))
        {
            problems.add(
                "questions/",
                Some(id),
                "the engine reads this question as yes or no: it must be a yes/no question",
            );
        }
    }
}

/// Every criterion needs two questions that apply whatever the scope answers are, so no
/// criterion can silently end up with nothing to score once its category is in scope.
pub(super) fn check_coverage(
    criteria: &[Criterion],
    questions: &[Question],
    problems: &mut Problems,
) {
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
