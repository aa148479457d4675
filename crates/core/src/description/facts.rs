//! Reading the answers a description quotes, and building its sentences with their sources, so each section's drafting reads as the facts it states.

use chrono::NaiveDate;

use super::{Block, BlockKind, DescriptionFacts, Sentence, SourceKind, StatementSource};
use crate::assessment::{AnswerValue, MaturityLevel};
use crate::engagement::human_date;

/// The facts as the sections read them.
pub(super) type Reader<'a> = DescriptionFacts<'a>;

impl DescriptionFacts<'_> {
    pub fn organisation(&self) -> &str {
        &self.evaluation.assessment.organisation
    }

    pub fn today(&self) -> NaiveDate {
        self.evaluation.today
    }

    /// The answer's source, labelled with the question as the user saw it.
    pub fn answer(&self, question: &str) -> StatementSource {
        StatementSource {
            kind: SourceKind::Answer,
            reference: question.to_string(),
            label: format!("Answer: {}", self.question_text(question)),
        }
    }

    pub fn note_source(&self, question: &str) -> StatementSource {
        StatementSource {
            kind: SourceKind::Note,
            reference: question.to_string(),
            label: format!("Your note on: {}", self.question_text(question)),
        }
    }

    fn question_text(&self, question: &str) -> String {
        self.bank
            .question(question)
            .map(|q| q.text.clone())
            .unwrap_or_else(|| question.to_string())
    }

    /// A free-text answer, trimmed, when given.
    pub fn text(&self, question: &str) -> Option<String> {
        match self.evaluation.value(question) {
            Some(AnswerValue::Text(text)) if !text.trim().is_empty() => {
                Some(text.trim().to_string())
            }
            _ => None,
        }
    }

    pub fn yes(&self, question: &str) -> Option<bool> {
        match self.evaluation.value(question) {
            Some(AnswerValue::YesNo(yes)) => Some(*yes),
            _ => None,
        }
    }

    /// The chosen choices' ids, in the bank's order.
    pub fn chosen(&self, question: &str) -> Vec<String> {
        let picked: Vec<&String> = match self.evaluation.value(question) {
            Some(AnswerValue::Choices(ids)) => ids.iter().collect(),
            Some(AnswerValue::Choice(id)) => vec![id],
            _ => return Vec::new(),
        };
        match self.bank.question(question) {
            Some(q) => q
                .choices
                .iter()
                .filter(|c| picked.contains(&&c.id))
                .map(|c| c.id.clone())
                .collect(),
            None => picked.into_iter().cloned().collect(),
        }
    }

    /// A choice's label as the bank words it.
    pub fn label(&self, question: &str, choice: &str) -> String {
        self.bank
            .question(question)
            .and_then(|q| q.choices.iter().find(|c| c.id == choice))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| choice.to_string())
    }

    pub fn note(&self, question: &str) -> Option<String> {
        self.evaluation
            .answers
            .get(question)
            .and_then(|a| a.note.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    }

    /// A control question's level as scored (an implied answer is not one the user gave).
    pub fn level(&self, question: &str) -> Option<MaturityLevel> {
        self.evaluation
            .answers
            .get(question)
            .and_then(|a| a.level())
            .filter(|_| self.asked(question))
    }

    /// Documented or better, with no known exception.
    pub fn documented(&self, question: &str) -> bool {
        let state = self
            .scorecard
            .questions
            .iter()
            .find(|s| s.question_id == question);
        state.is_some_and(|s| s.applicable && !s.exception && !s.implied)
            && self.level(question).is_some_and(|l| l.value() >= 3)
    }

    /// The question is in this assessment's bank and applies to it.
    pub fn asked(&self, question: &str) -> bool {
        self.bank.question(question).is_some()
            && self
                .scorecard
                .questions
                .iter()
                .chain(&self.scorecard.scoping)
                .find(|s| s.question_id == question)
                .is_none_or(|s| s.applicable)
    }

    /// The days the description speaks for, in words.
    pub fn period_words(&self) -> String {
        match self.period {
            Some(p) => format!(
                "the period {} to {}",
                human_date(p.start),
                human_date(p.end)
            ),
            None => format!("the twelve months to {}", human_date(self.today())),
        }
    }

    /// The days incidents and changes are read from: the period, or the twelve months to today.
    pub fn window(&self) -> (NaiveDate, NaiveDate) {
        match self.period {
            Some(p) => (p.start, p.end),
            None => (
                self.today()
                    .checked_sub_months(chrono::Months::new(12))
                    .unwrap_or(self.today()),
                self.today(),
            ),
        }
    }
}

/// A sentence with its sources.
pub(super) fn said(text: impl Into<String>, sources: Vec<StatementSource>) -> Sentence {
    Sentence {
        text: sentence(text.into()),
        sources,
    }
}

pub(super) fn paragraph(sentences: Vec<Sentence>) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        sentences,
    }
}

pub(super) fn item(sentence: Sentence) -> Block {
    Block {
        kind: BlockKind::Item,
        sentences: vec![sentence],
    }
}

/// A missing fact: what is missing and where to add it.
pub(super) fn missing(text: impl Into<String>) -> Block {
    Block {
        kind: BlockKind::Missing,
        sentences: vec![Sentence {
            text: sentence(text.into()),
            sources: Vec::new(),
        }],
    }
}

/// The note the company wrote on an answer: kept beside the draft for the company to reword,
/// never stated as the description's own words (a note is written for oneself: guesses,
/// findings, secrets), and left out of the copy for the report.
pub(super) fn quoted(read: &Reader, question: &str) -> Option<Block> {
    read.note(question).map(|note| Block {
        kind: BlockKind::Note,
        sentences: vec![Sentence {
            text: one_line(&note),
            sources: vec![read.note_source(question)],
        }],
    })
}

/// What stands in for a control the description cannot state as in place: its known
/// exception when it has one (the answer says in place, the exception says what is not), the
/// `otherwise` note when it has none.
pub(super) fn not_described(read: &Reader, question: &str, otherwise: &str) -> Block {
    let answer = read.evaluation.answers.get(question);
    let exception = answer
        .filter(|a| a.level().is_some_and(|l| l.value() >= 3))
        .and_then(|a| a.exception.as_deref())
        .map(str::trim)
        .filter(|e| !e.is_empty());
    match exception {
        Some(exception) => {
            let subject = read
                .bank
                .question(question)
                .and_then(|q| q.subject.clone())
                .unwrap_or_else(|| question.to_string());
            missing(format!(
                "{subject}: in place, with a known exception ({}); describe it as it stands, or close the exception first",
                one_line(exception).trim_end_matches('.')
            ))
        }
        None => missing(otherwise),
    }
}

/// Text as one line, ending in a full stop (a user's answer may have none, or several lines).
pub(super) fn sentence(text: String) -> String {
    let text = one_line(&text);
    let mut end = text.chars().rev();
    let finished = match (end.next(), end.next()) {
        (None, _) | (Some('.' | '!' | '?' | ':'), _) => true,
        // A closing bracket or quote ends a sentence only after its own full stop.
        (Some(')' | '"' | '\''), Some('.' | '!' | '?')) => true,
        _ => false,
    };
    if finished { text } else { format!("{text}.") }
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) use crate::scope::and_list as listed;

/// A register entry's source.
pub(super) fn entry(register: &str, id: &str, label: &str) -> StatementSource {
    StatementSource {
        kind: SourceKind::Register,
        reference: format!("{register}/{id}"),
        label: format!("{}: {label}", crate::gaps::upper_first(register)),
    }
}

/// The labels of chosen choices, as the bank words them.
pub(super) fn labels(read: &Reader, question: &str, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| read.label(question, id)).collect()
}

/// A register's entries in use (archived ones describe nothing any more).
pub(super) fn live<T>(
    entries: &[crate::registers::Entry<T>],
) -> impl Iterator<Item = &crate::registers::Entry<T>> {
    entries.iter().filter(|e| e.archived_at.is_none())
}
