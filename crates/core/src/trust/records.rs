//! What the trust page takes from the programme's registers and the scoping answers: sub-processors, approved policies, the uptime commitment.

use chrono::NaiveDate;

use super::{HeldBack, PublishedPolicy, Subprocessor, TrustChoices};
use crate::engagement::human_date;
use crate::evaluation::Evaluation;
use crate::registers::Registers;

/// The uptime commitment is published only when the answers say contracts promise uptime.
const SLA_KIND_QUESTION: &str = "scope.sla-kind";
const UPTIME_CHOICE: &str = "uptime";

/// Vendors in use that can reach data: those with the data they reach recorded, or marked as
/// holding personal or health data.
pub(super) fn subprocessors(registers: &Registers) -> Vec<Subprocessor> {
    let mut list: Vec<Subprocessor> = registers
        .vendors
        .iter()
        .filter(|entry| entry.archived_at.is_none())
        .map(|entry| &entry.record)
        .filter(|vendor| {
            vendor.personal_data
                || vendor.health_data
                || vendor
                    .data_shared
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty())
        })
        .map(|vendor| Subprocessor {
            name: vendor.name.clone(),
            purpose: vendor.service.clone(),
            location: vendor.location.clone().filter(|l| !l.trim().is_empty()),
        })
        .collect();
    list.sort_by_key(|s| s.name.to_lowercase());
    list
}

/// Approved policies whose review is not overdue; the others are held back with the reason.
pub(super) fn policies(
    registers: &Registers,
    today: NaiveDate,
    held_back: &mut Vec<HeldBack>,
) -> Vec<PublishedPolicy> {
    let mut list = Vec::new();
    for entry in registers
        .policies
        .iter()
        .filter(|e| e.archived_at.is_none())
    {
        let policy = &entry.record;
        let refuse = |reason: String| HeldBack {
            item: policy.title.clone(),
            reason,
            chosen: false,
            question_id: None,
        };
        match (policy.approved_on, policy.next_review) {
            (None, _) => held_back.push(refuse("not approved yet".into())),
            (Some(_), Some(due)) if due < today => {
                held_back.push(refuse(format!("its review was due on {}", human_date(due))))
            }
            // The version approved, not the one in the title field, which may be a draft.
            (Some(approved_on), _) => list.push(match policy.versions.last() {
                Some(approved) => PublishedPolicy {
                    title: policy.title.clone(),
                    version: approved.version.clone(),
                    approved_on: approved.approved_on,
                },
                None => PublishedPolicy {
                    title: policy.title.clone(),
                    version: policy.version.clone(),
                    approved_on,
                },
            }),
        }
    }
    list.sort_by_key(|p| p.title.to_lowercase());
    list
}

pub(super) fn uptime(
    evaluation: &Evaluation,
    choices: &TrustChoices,
    held_back: &mut Vec<HeldBack>,
) -> Option<String> {
    let given = choices.uptime.clone()?;
    let promised = matches!(
        evaluation.value(SLA_KIND_QUESTION),
        Some(crate::assessment::AnswerValue::Choices(kinds)) if kinds.iter().any(|k| k == UPTIME_CHOICE)
    );
    if promised {
        Some(given)
    } else {
        held_back.push(HeldBack {
            item: format!("Uptime commitment \"{given}\""),
            reason: "your answers in step 1 do not say that contracts promise uptime; answer the commitments questions first".into(),
            chosen: false,
            question_id: None,
        });
        None
    }
}
