//! What the exports say of the answers: operating evidence (every account a person signs in to, or every admin, shown with MFA on the day taken), and the answers a finding contradicts.

use serde::Serialize;

use super::checks::{AccountEvidence, AccountReview};
use super::{Account, AccountImport};
use crate::assessment::AssessmentRecord;
use crate::catalog::Bank;
use crate::registers::day;

/// An import that shows MFA on every account a person signs in to (or on every admin) is
/// evidence the control operated on the day it was taken. Only where the export shows MFA, and
/// for admins only where it shows who is an admin.
pub(super) fn mfa_evidence(import: &AccountImport) -> Vec<AccountEvidence> {
    let people: Vec<&Account> = import
        .accounts
        .iter()
        .filter(|a| a.active && a.interactive != Some(false))
        .collect();
    let shows_mfa = !people.is_empty() && people.iter().all(|a| a.mfa.is_some());
    let shows_admin = people.iter().all(|a| a.admin.is_some());
    let mut out = Vec::new();
    let evidence = |question: &str, detail: String| AccountEvidence {
        question_id: question.to_string(),
        import_id: import.id.clone(),
        system: import.system.clone(),
        taken_on: import.taken_on,
        detail,
    };
    if !shows_mfa {
        return out;
    }
    if people.iter().all(|a| a.mfa == Some(true)) {
        out.push(evidence(
            "access.sso-mfa",
            format!(
                "{}'s export of {} shows all {} accounts people sign in to with MFA",
                import.system,
                day(import.taken_on),
                people.len()
            ),
        ));
    }
    let admins: Vec<&&Account> = people.iter().filter(|a| a.privileged()).collect();
    if shows_admin && !admins.is_empty() && admins.iter().all(|a| a.mfa == Some(true)) {
        out.push(evidence(
            "access.admin-mfa",
            format!(
                "{}'s export of {} shows all {} admin accounts with MFA",
                import.system,
                day(import.taken_on),
                admins.len()
            ),
        ));
    }
    out
}

/// A finding whose question's answer claims more than the export shows: flagged, never changed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ClaimFlag {
    pub question_id: String,
    pub question: String,
    /// The level answered, 0 to 4.
    pub level: u8,
    pub finding: String,
}

/// Answers at "in place and documented" or better, with no exception of their own, that a
/// finding contradicts.
pub fn contradicted_answers(
    bank: &Bank,
    record: &AssessmentRecord,
    review: &AccountReview,
) -> Vec<ClaimFlag> {
    let mut out: Vec<ClaimFlag> = Vec::new();
    for finding in &review.findings {
        let Some(question) = bank.question(&finding.question_id) else {
            continue;
        };
        let Some(answer) = record.answers.get(&finding.question_id) else {
            continue;
        };
        let Some(level) = answer.level() else {
            continue;
        };
        let said = out.iter().any(|c| c.question_id == question.id);
        if level.value() >= 3 && answer.exception.is_none() && !said {
            out.push(ClaimFlag {
                question_id: question.id.clone(),
                question: question.text.clone(),
                level: level.value(),
                finding: finding.summary.clone(),
            });
        }
    }
    out
}
