//! What the registers say against the control questions they serve: an overdue review, a missing report, an incident without its review.

use chrono::NaiveDate;

use super::{Entry, Judging, RegisterRecord, Registers};
use crate::catalog::Bank;
use crate::findings::{Effect, RecordFinding, Source};

/// The findings of every entry in the working lists (archived entries say nothing), in register
/// order. Only questions the bank holds are named, so a customised bank gets no stray finding.
pub fn register_findings(
    registers: &Registers,
    bank: &Bank,
    today: NaiveDate,
) -> Vec<RecordFinding> {
    let mut out = Vec::new();
    let at = registers.judging(today);
    collect(&registers.vendors, Source::Vendors, bank, &at, &mut out);
    collect(&registers.policies, Source::Policies, bank, &at, &mut out);
    collect(&registers.incidents, Source::Incidents, bank, &at, &mut out);
    collect(&registers.risks, Source::Risks, bank, &at, &mut out);
    collect(&registers.people, Source::People, bank, &at, &mut out);
    collect(&registers.changes, Source::Changes, bank, &at, &mut out);
    out
}

/// The question an attention code bears on, per register. Every code here means the control did
/// not fully operate, so each is a known exception; codes that are a decision to confirm (a high
/// risk accepted) or a warning ahead of time (a deadline near) produce no finding.
fn questions(source: Source, code: &str) -> &'static [&'static str] {
    match (source, code) {
        (
            Source::Vendors,
            "review_overdue" | "never_reviewed" | "report_stale" | "no_bridge_letter"
            | "report_exceptions" | "report_opinion",
        ) => &["maint.vendor-reviews"],
        (Source::Vendors, "no_report") => &["vendor.due-diligence"],
        (Source::Vendors, "subservice_exceptions") => &["audit.subservice-controls"],
        (Source::Vendors, "no_breach_notice") => &["vendor.breach-notice-clause"],
        (Source::Vendors, "no_dpa") => &["vendor.privacy-commitments"],
        (Source::Vendors, "no_baa" | "no_confidentiality") => &["vendor.contract-clauses"],
        (Source::Policies, "review_overdue" | "never_approved") => &["policy.approval-review"],
        (Source::Policies, "low_acknowledgement") => &["people.policy-acceptance"],
        (Source::Incidents, "no_review") => &["incident.post-incident-review"],
        (Source::Incidents, "notification_missed" | "notified_late") => &["incident.notification"],
        (Source::Incidents, "open_too_long") => &["incident.log"],
        (Source::Risks, "review_overdue" | "never_reviewed") => &["risk.assessment-process"],
        (Source::Risks, "no_linked_control") => &["risk.control-mapping"],
        (Source::People, "access_not_removed" | "access_removed_late") => {
            &["access.deprovisioning"]
        }
        (Source::People, "not_trained" | "trained_late") => &["people.security-training"],
        (Source::People, "not_acknowledged" | "acknowledged_late" | "acknowledgement_outdated") => {
            &["people.policy-acceptance"]
        }
        (Source::People, "no_agreement") => &["people.contractors"],
        (Source::Changes, "not_approved" | "self_approved" | "approved_after_release") => {
            &["change.peer-review"]
        }
        (
            Source::Changes,
            "emergency_not_reviewed" | "emergency_reviewed_late" | "emergency_review_undated",
        ) => &["change.emergency"],
        (Source::Changes, "not_tested") => &["change.automated-testing"],
        _ => &[],
    }
}

fn collect<T: RegisterRecord>(
    entries: &[Entry<T>],
    source: Source,
    bank: &Bank,
    at: &Judging,
    out: &mut Vec<RecordFinding>,
) {
    for entry in entries.iter().filter(|e| e.archived_at.is_none()) {
        for attention in entry.record.attention(at) {
            for question in questions(source, &attention.code) {
                if bank.question(question).is_none() {
                    continue;
                }
                out.push(RecordFinding {
                    question_id: question.to_string(),
                    source,
                    effect: Effect::KnownException,
                    record_id: entry.id.clone(),
                    detail: format!(
                        "{} '{}': {}.",
                        capitalised(T::REGISTER.singular()),
                        entry.record.label(),
                        attention.detail
                    ),
                    // Data already with a third party under no agreement is exposed now, and so
                    // is a leaver's access nobody recorded removing.
                    live_exposure: matches!(
                        (source, attention.code.as_str()),
                        (Source::Vendors, "no_dpa" | "no_baa")
                            | (Source::People, "access_not_removed")
                    ),
                });
            }
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
