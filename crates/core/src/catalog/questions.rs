//! Building one question from its TOML form, with every check a single question can fail.

use super::load::*;
use super::*;

pub(super) fn build_question(
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
    let kind = if step == SCOPE_STEP {
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
        module: None,
    }
}

pub(super) fn check_condition(
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
