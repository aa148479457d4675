//! Commands that answer: `answer`, `unanswer`, `scope`.

use chrono::NaiveDate;
use soc2_readiness::Error;
use soc2_readiness::assessment::{describe, parse_answer_for};
use soc2_readiness::catalog::Category;
use soc2_readiness::workspace::{AnswerDetails, ScopeDecision};

use super::Context;

/// The details given with `answer`, as the flags hold them.
pub struct Details {
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub evidence: Vec<String>,
    pub exception: Option<String>,
    pub live_exposure: Option<bool>,
    pub repeat_finding: Option<bool>,
    pub not_covered: Option<Vec<soc2_readiness::assessment::Coverage>>,
}

pub fn answer(
    cx: &Context,
    assessment: &str,
    question: &str,
    value: &str,
    details: Details,
) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    let parsed = parse_answer_for(&ws.assessment_bank(&id)?, question, value)?;
    let details = AnswerDetails {
        note: details.note,
        owner: details.owner,
        due: details.due.map(Some),
        evidence: (!details.evidence.is_empty()).then_some(details.evidence),
        exception: details.exception,
        live_exposure: details.live_exposure,
        repeat_finding: details.repeat_finding,
        not_covered: details.not_covered,
    };
    let saved = ws.save_answer(&id, question, parsed, details, cx.now)?;
    match &saved.exception {
        Some(exception) => println!(
            "saved {}: {}, with a known exception{}: {exception}",
            saved.question_id,
            describe(&saved.value),
            match (saved.live_exposure, saved.repeat_finding) {
                (true, true) => " (a live exposure, repeating the last report's: Fix now)",
                (true, false) => " (a live exposure: Fix now)",
                (false, true) => " (repeating the last report's: Fix now)",
                (false, false) => "",
            }
        ),
        None => println!("saved {}: {}", saved.question_id, describe(&saved.value)),
    }
    Ok(())
}

pub fn unanswer(cx: &Context, assessment: &str, question: &str) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    ws.clear_answer(&id, question, cx.now)?;
    println!("cleared {question}");
    Ok(())
}

pub fn scope(
    cx: &Context,
    assessment: &str,
    category: &str,
    decision: ScopeDecision,
    reason: &str,
) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    let category = Category::parse(category).ok_or_else(|| {
        Error::Invalid(format!(
            "unknown category '{category}' (security, availability, confidentiality, processing_integrity, privacy)"
        ))
    })?;
    if category != Category::Security
        && decision != ScopeDecision::Proposed
        && reason.trim().is_empty()
    {
        // The workspace refuses it too; here the message can name the flag.
        return Err(Error::Invalid(
            "overriding the proposed scope needs a reason (--reason \"...\")".into(),
        ));
    }
    ws.set_scope(&id, category, decision, reason, cx.now)?;
    println!("{}: {}", category.name(), decision.id());
    Ok(())
}
