//! Answers as people give them: parsed from text, checked against their question, described back in words.

use super::*;

/// Why an answer was refused. Messages name the question and say what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("unknown question '{0}' (run `soc2-readiness bank` to list the questions)")]
    UnknownQuestion(String),
    #[error(
        "question '{question}' takes a maturity level: 0-4, not-in-place, planned, informal, documented, operating, na:<justification>, or unknown (don't know); got '{got}'"
    )]
    BadLevel { question: String, got: String },
    #[error("question '{0}': not applicable needs a justification, as na:<why it does not apply>")]
    MissingJustification(String),
    #[error("question '{question}' takes {expected}; got '{got}'")]
    BadScopingValue {
        question: String,
        expected: String,
        got: String,
    },
    #[error("question '{question}': {field} is longer than {limit} characters")]
    TooLong {
        question: String,
        field: &'static str,
        limit: usize,
    },
    #[error("question '{question}': {field} must not be empty")]
    Empty {
        question: String,
        field: &'static str,
    },
    #[error(
        "question '{0}': a known exception belongs to a control that is in place (informal, documented or operating); for a control not yet in place, the level already says so"
    )]
    ExceptionWithoutControl(String),
    #[error("question '{question}': '{choice}' cannot be chosen together with other choices")]
    ExclusiveChoice { question: String, choice: String },
}

/// Limits that keep one answer readable on a page and keep imports bounded.
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_EVIDENCE_ITEMS: usize = 100;

/// Parses the command-line or UI form of a value for `question`.
pub fn parse_value(question: &Question, raw: &str) -> Result<AnswerValue, AnswerError> {
    let trimmed = raw.trim();
    if is_unknown_word(trimmed) {
        return Ok(AnswerValue::Unknown(()));
    }
    let value = match question.input.as_ref() {
        None => parse_control_value(question, trimmed)?,
        Some(input) => parse_scoping_value(question, input, trimmed)?,
    };
    check_value(question, &value)?;
    Ok(value)
}

/// "unknown", "dont-know", "don't know" and "not decided": an answer that says so.
fn is_unknown_word(raw: &str) -> bool {
    matches!(
        raw.to_ascii_lowercase().replace('\'', "").as_str(),
        "unknown" | "dont-know" | "dont know" | "not-decided" | "not decided" | "undecided-yet"
    )
}

fn parse_control_value(question: &Question, raw: &str) -> Result<AnswerValue, AnswerError> {
    let lowered = raw.to_ascii_lowercase();
    if let Some(justification) = lowered
        .strip_prefix("na:")
        .map(|_| raw[3..].trim().to_string())
    {
        return Ok(AnswerValue::NotApplicable(justification));
    }
    if lowered == "na" || lowered == "n/a" || lowered == "not-applicable" {
        return Err(AnswerError::MissingJustification(question.id.clone()));
    }
    // An audit-project task is answered in its own shape: not started, in progress, done.
    if question.engagement {
        let task = match lowered.as_str() {
            "not-started" => Some(MaturityLevel::NotInPlace),
            "in-progress" => Some(MaturityLevel::Planned),
            "done" => Some(MaturityLevel::Documented),
            _ => None,
        };
        if let Some(level) = task {
            return Ok(AnswerValue::Level(level));
        }
    }
    MaturityLevel::ALL
        .into_iter()
        .find(|level| lowered == level.value().to_string() || lowered == level.id())
        .map(AnswerValue::Level)
        .ok_or_else(|| AnswerError::BadLevel {
            question: question.id.clone(),
            got: raw.to_string(),
        })
}

fn parse_scoping_value(
    question: &Question,
    input: &ScopingInput,
    raw: &str,
) -> Result<AnswerValue, AnswerError> {
    let bad = |expected: String| AnswerError::BadScopingValue {
        question: question.id.clone(),
        expected,
        got: raw.to_string(),
    };
    match input {
        ScopingInput::YesNo => match raw.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" => Ok(AnswerValue::YesNo(true)),
            "no" | "n" | "false" => Ok(AnswerValue::YesNo(false)),
            _ => Err(bad("yes or no".into())),
        },
        ScopingInput::Choice => Ok(AnswerValue::Choice(raw.to_string())),
        ScopingInput::MultiChoice => Ok(AnswerValue::Choices(
            raw.split(',')
                .map(|part| part.trim().to_string())
                .filter(|part| !part.is_empty())
                .collect(),
        )),
        ScopingInput::Text => Ok(AnswerValue::Text(raw.to_string())),
        ScopingInput::Date => crate::day::parse_day(raw)
            .map(AnswerValue::Date)
            .map_err(|_| bad(crate::day::DAY_FORMS.into())),
    }
}

/// Checks a value already in typed form (from the UI or an import) against its question.
pub fn check_value(question: &Question, value: &AnswerValue) -> Result<(), AnswerError> {
    let mismatch = |expected: String| AnswerError::BadScopingValue {
        question: question.id.clone(),
        expected,
        got: describe(value),
    };
    match (question.input.as_ref(), value) {
        (_, AnswerValue::Unknown(())) => Ok(()),
        (None, AnswerValue::Level(_)) => Ok(()),
        (None, AnswerValue::NotApplicable(why)) => {
            if why.trim().is_empty() {
                Err(AnswerError::MissingJustification(question.id.clone()))
            } else {
                check_length(question, "the justification", why)
            }
        }
        (None, other) => Err(AnswerError::BadLevel {
            question: question.id.clone(),
            got: describe(other),
        }),
        (Some(ScopingInput::YesNo), AnswerValue::YesNo(_)) => Ok(()),
        (Some(ScopingInput::Choice), AnswerValue::Choice(c)) => {
            if question.choices.iter().any(|choice| &choice.id == c) {
                Ok(())
            } else {
                Err(mismatch(format!("one of: {}", choice_ids(question))))
            }
        }
        (Some(ScopingInput::MultiChoice), AnswerValue::Choices(chosen)) => {
            let unknown = chosen
                .iter()
                .any(|c| !question.choices.iter().any(|choice| &choice.id == c));
            if unknown {
                Err(mismatch(format!(
                    "comma-separated choices from: {}",
                    choice_ids(question)
                )))
            } else {
                Ok(())
            }
        }
        (Some(ScopingInput::Text), AnswerValue::Text(text)) => {
            if text.trim().is_empty() {
                Err(AnswerError::Empty {
                    question: question.id.clone(),
                    field: "the answer",
                })
            } else {
                check_length(question, "the answer", text)
            }
        }
        (Some(ScopingInput::Date), AnswerValue::Date(_)) => Ok(()),
        (Some(input), _) => Err(mismatch(expected_for(input, question))),
    }
}

/// Refuses a choice marked exclusive ("None of these") picked together with others. Checked
/// when an answer is given, not on import, so files written before the rule still load.
pub fn check_exclusive(question: &Question, value: &AnswerValue) -> Result<(), AnswerError> {
    if let AnswerValue::Choices(chosen) = value
        && chosen.len() > 1
        && let Some(choice) = question
            .choices
            .iter()
            .find(|c| c.exclusive && chosen.contains(&c.id))
    {
        return Err(AnswerError::ExclusiveChoice {
            question: question.id.clone(),
            choice: choice.label.clone(),
        });
    }
    Ok(())
}

/// The lowest level a known exception can be recorded at: below it the control is not in place,
/// and the level already says so.
pub const EXCEPTION_FROM: MaturityLevel = MaturityLevel::Informal;

/// Checks the note, owner, evidence and exception that travel with an answer.
pub fn check_details(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    if let Some(exception) = &answer.exception {
        let in_place = answer.level().is_some_and(|level| level >= EXCEPTION_FROM);
        if !question.is_control() || !in_place {
            return Err(AnswerError::ExceptionWithoutControl(question.id.clone()));
        }
        if exception.trim().is_empty() {
            return Err(AnswerError::Empty {
                question: question.id.clone(),
                field: "the exception",
            });
        }
        check_length(question, "the exception", exception)?;
    }
    for (field, text) in [("the note", &answer.note), ("the owner", &answer.owner)] {
        if let Some(text) = text {
            check_length(question, field, text)?;
        }
    }
    if answer.evidence.len() > MAX_EVIDENCE_ITEMS {
        return Err(AnswerError::TooLong {
            question: question.id.clone(),
            field: "the evidence list",
            limit: MAX_EVIDENCE_ITEMS,
        });
    }
    for item in &answer.evidence {
        check_length(question, "an evidence reference", item)?;
    }
    Ok(())
}

fn check_length(question: &Question, field: &'static str, text: &str) -> Result<(), AnswerError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        Err(AnswerError::TooLong {
            question: question.id.clone(),
            field,
            limit: MAX_TEXT_CHARS,
        })
    } else {
        Ok(())
    }
}

fn choice_ids(question: &Question) -> String {
    question
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected_for(input: &ScopingInput, question: &Question) -> String {
    match input {
        ScopingInput::YesNo => "yes or no".into(),
        ScopingInput::Choice => format!("one of: {}", choice_ids(question)),
        ScopingInput::MultiChoice => "a list of choices".into(),
        ScopingInput::Text => "text".into(),
        ScopingInput::Date => crate::day::DAY_FORMS.into(),
    }
}

/// A short human form of a value, for messages and the `show` command.
pub fn describe(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Level(level) => format!("{} ({})", level.value(), level.label()),
        AnswerValue::NotApplicable(why) => format!("not applicable: {why}"),
        AnswerValue::YesNo(true) => "yes".into(),
        AnswerValue::YesNo(false) => "no".into(),
        AnswerValue::Choice(c) => c.clone(),
        AnswerValue::Choices(cs) if cs.is_empty() => "(none)".into(),
        AnswerValue::Choices(cs) => cs.join(", "),
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::Date(d) => d.to_string(),
        AnswerValue::Unknown(()) => "don't know (to verify)".into(),
    }
}

/// Like [`describe`], but with the labels of the question's choices instead of their ids.
pub fn describe_for(question: &Question, value: &AnswerValue) -> String {
    let label = |id: &String| {
        question
            .choices
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.label.clone())
    };
    match value {
        AnswerValue::Level(level) if question.engagement => match level.value() {
            0 => "not started".into(),
            1 | 2 => "in progress".into(),
            _ => "done".into(),
        },
        AnswerValue::Choice(id) => label(id),
        AnswerValue::Choices(ids) if !ids.is_empty() => {
            ids.iter().map(label).collect::<Vec<_>>().join("; ")
        }
        other => describe(other),
    }
}

/// Looks a question up and parses a raw value for it in one go.
pub fn parse_answer_for(
    bank: &Bank,
    question_id: &str,
    raw: &str,
) -> Result<AnswerValue, AnswerError> {
    let question = bank
        .question(question_id)
        .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_string()))?;
    parse_value(question, raw)
}
