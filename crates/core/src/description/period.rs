//! The sections of what happened in the period: significant incidents, and the changes released and policies revised.

use super::facts::{Reader, entry, item, live, missing, one_line, paragraph, said};
use super::{Block, SourceKind, StatementSource};
use crate::engagement::human_date;
use crate::registers::ChangeKind;
use crate::registers::incident::Severity;

const PAST_INCIDENTS: &str = "scope.past-incidents";

pub(super) fn incidents(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let (from, to) = read.window();
    let mut significant: Vec<_> = live(&read.registers.incidents)
        .filter(|e| matches!(e.record.severity, Severity::Critical | Severity::High))
        .filter(|e| e.record.detected_on >= from && e.record.detected_on <= to)
        .collect();
    significant.sort_by_key(|e| e.record.detected_on);
    if live(&read.registers.incidents).next().is_none() {
        let said_one = if read.yes(PAST_INCIDENTS) == Some(true) {
            " (you said one reached customers in the last two years)"
        } else {
            ""
        };
        blocks.push(missing(format!(
            "The incident register is empty{said_one}: record the incidents detected in {} in Registers, Incidents, or say there were none",
            read.period_words()
        )));
        return blocks;
    }
    if significant.is_empty() {
        blocks.push(paragraph(vec![said(
            format!(
                "The incident register records no incident of high or critical severity detected in {}",
                read.period_words()
            ),
            vec![StatementSource {
                kind: SourceKind::Register,
                reference: "incidents".into(),
                label: "Incidents: none of high or critical severity in the period".into(),
            }],
        )]));
        if read.yes(PAST_INCIDENTS) == Some(true)
            && live(&read.registers.incidents).next().is_none()
        {
            blocks.push(missing(
                "You said a security incident reached customers in the last two years, and the incident register is empty: record it in Registers, Incidents",
            ));
        }
        return blocks;
    }
    blocks.push(paragraph(vec![said(
        format!(
            "Incidents of high or critical severity detected in {}:",
            read.period_words()
        ),
        Vec::new(),
    )]));
    for e in significant {
        let incident = &e.record;
        let outcome = match incident.resolved_on {
            Some(day) => format!("resolved {}", human_date(day)),
            None => "not yet resolved".to_string(),
        };
        blocks.push(item(said(
            format!(
                "{} ({}, detected {}): {}; {outcome}",
                incident.title,
                severity_words(incident.severity),
                human_date(incident.detected_on),
                one_line(&incident.what_happened),
            ),
            vec![entry("incidents", &e.id, &incident.title)],
        )));
    }
    blocks
}

fn severity_words(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "critical",
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    }
}

pub(super) fn changes(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let (from, to) = read.window();
    let mut approved: Vec<(chrono::NaiveDate, String, String, &str)> =
        live(&read.registers.policies)
            .flat_map(|e| {
                e.record
                    .versions
                    .iter()
                    .filter(|v| v.approved_on >= from && v.approved_on <= to)
                    .map(|v| {
                        (
                            v.approved_on,
                            e.record.title.clone(),
                            v.version.clone(),
                            e.id.as_str(),
                        )
                    })
            })
            .collect();
    approved.sort();
    if !approved.is_empty() {
        blocks.push(paragraph(vec![said(
            format!("Policies approved or revised in {}:", read.period_words()),
            Vec::new(),
        )]));
        for (day, title, version, id) in approved {
            blocks.push(item(said(
                format!("{title}, version {version}, approved {}", human_date(day)),
                vec![entry("policies", id, &title)],
            )));
        }
    }
    // The same changes the binder's population holds: an entry archived since was still
    // released in the period, so the two counts an auditor reconciles agree.
    let released: Vec<_> = read
        .registers
        .changes
        .iter()
        .filter(|e| e.record.released_on >= from && e.record.released_on <= to)
        .collect();
    if !released.is_empty() {
        let emergency: Vec<_> = released
            .iter()
            .filter(|e| e.record.kind == ChangeKind::Emergency)
            .collect();
        let reviewed = emergency
            .iter()
            .filter(|e| e.record.approved_by.is_some())
            .count();
        let of_them = match (emergency.len(), reviewed) {
            (0, _) => String::new(),
            (1, 1) => ", one of them an emergency change, reviewed after release".to_string(),
            (1, _) => ", one of them an emergency change with no review recorded".to_string(),
            (n, r) => format!(
                ", {n} of them emergency changes ({r} with a review after release recorded)"
            ),
        };
        let count = released.len();
        blocks.push(paragraph(vec![said(
            format!(
                "The change register records {count} production {} released in {}{of_them}",
                if count == 1 { "change" } else { "changes" },
                read.period_words()
            ),
            vec![StatementSource {
                kind: SourceKind::Register,
                reference: "changes".into(),
                label: format!("Changes: {} released in the period", released.len()),
            }],
        )]));
    }
    // Routine changes are in the register; what makes one significant to a reader of the report
    // (a new product, a move between providers) is the company's to say.
    blocks.push(missing(format!(
        "Name any significant change to the system in {} (a new product or region, a move between providers, an acquisition, a new way of deploying), or say there was none",
        read.period_words()
    )));
    blocks
}
