//! The sections drawn from the programme's records: procedures (approved policies, recurring controls), subservice organisations, customers' own controls, and the criteria with the controls that meet them.

use super::facts::{
    Reader, entry, item, listed, live, missing, not_described, one_line, paragraph, quoted, said,
};
use super::{Block, SourceKind, StatementSource};
use crate::engagement::human_date;
use crate::registers::vendor::{AssuranceReport, Subservice};

const SUBSERVICE_ORGS: &str = "scope.subservice-orgs";
const SUBSERVICE_LIST: &str = "scope.subservice-list";
const SUBSERVICE_CONTROLS: &str = "audit.subservice-controls";
const USER_CONTROLS: &str = "audit.user-entity-controls";

pub(super) fn procedures(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let at = read.window().1;
    // The version in force on the last day described, not a draft approved later.
    let mut policies: Vec<(String, String, &str, chrono::NaiveDate)> =
        live(&read.registers.policies)
            .filter_map(|e| {
                e.record
                    .versions
                    .iter()
                    .filter(|v| v.approved_on <= at)
                    .max_by_key(|v| v.approved_on)
                    .map(|v| {
                        (
                            e.record.title.clone(),
                            v.version.clone(),
                            e.id.as_str(),
                            v.approved_on,
                        )
                    })
            })
            .collect();
    policies.sort_by_key(|(title, ..)| title.to_lowercase());
    if policies.is_empty() {
        blocks.push(missing(
            "No approved policy is recorded: add each policy with its approval in Registers, Policies",
        ));
    } else {
        blocks.push(paragraph(vec![said(
            format!(
                "{} sets out how it works in these approved policies, each in force on {}:",
                read.organisation(),
                human_date(at)
            ),
            Vec::new(),
        )]));
        for (title, version, id, approved_on) in policies {
            blocks.push(item(said(
                format!(
                    "{title}, version {version}, approved {}",
                    human_date(approved_on)
                ),
                vec![entry("policies", id, &title)],
            )));
        }
    }
    let mut controls: Vec<_> = read
        .controls
        .iter()
        .filter(|r| !r.control.archived)
        .collect();
    controls.sort_by_key(|r| r.title.to_lowercase());
    if controls.is_empty() {
        blocks.push(missing(
            "No recurring control is adopted on the control calendar: adopt the checks the company runs (access reviews, backups, vulnerability scans) in Calendar",
        ));
    } else {
        blocks.push(paragraph(vec![said(
            "These recurring controls are run and recorded in the check log:",
            Vec::new(),
        )]));
        for row in controls {
            blocks.push(item(said(
                format!(
                    "{}: {}, by {}",
                    row.title,
                    row.control.frequency.id(),
                    one_line(&row.control.owner)
                ),
                vec![StatementSource {
                    kind: SourceKind::Control,
                    reference: row.control.control_id.clone(),
                    label: format!("Calendar: {}", row.title),
                }],
            )));
        }
    }
    blocks
}

fn report_words(report: AssuranceReport) -> &'static str {
    match report {
        AssuranceReport::None => "no assurance report recorded",
        AssuranceReport::Soc2Type1 => "a SOC 2 Type I report",
        AssuranceReport::Soc2Type2 => "a SOC 2 Type II report",
        AssuranceReport::Iso27001 => "an ISO 27001 certificate",
    }
}

pub(super) fn subservice(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    let mut orgs: Vec<_> = live(&read.registers.vendors)
        .filter(|e| e.record.subservice != Subservice::No)
        .collect();
    orgs.sort_by_key(|e| e.record.name.to_lowercase());
    if read.yes(SUBSERVICE_ORGS) == Some(false) && orgs.is_empty() {
        blocks.push(paragraph(vec![said(
            "No other company runs part of the system in a way the company's commitments rely on",
            vec![read.answer(SUBSERVICE_ORGS)],
        )]));
        blocks.extend(notes);
        return blocks;
    }
    if orgs.is_empty() {
        match read.text(SUBSERVICE_LIST) {
            Some(list) => {
                blocks.push(paragraph(vec![said(
                    format!("Named in scoping: {list}"),
                    vec![read.answer(SUBSERVICE_LIST)],
                )]));
                blocks.push(missing(
                    "The organisations named in scoping are not yet in the vendor register: add each in Registers, Vendors, and mark whether the report carves it out or includes it",
                ));
            }
            None => blocks.push(missing(
                "No subservice organisation is recorded: add your hosting provider (and any other company that runs part of the system) in Registers, Vendors, and mark whether the report carves it out or includes it",
            )),
        }
    } else {
        blocks.push(paragraph(vec![said(
            "Other companies run parts of the system:",
            Vec::new(),
        )]));
        for e in orgs {
            let vendor = &e.record;
            let treatment = match vendor.subservice {
                Subservice::CarveOut => "carved out: its controls are shown by its own report",
                _ => "included: its controls are described and tested in this report",
            };
            let mut text = format!(
                "{}: {}; {treatment}; {}",
                vendor.name,
                one_line(&vendor.service),
                report_words(vendor.report)
            );
            if let Some(end) = vendor.report_period_end {
                text.push_str(&format!(", its period ending {}", human_date(end)));
            }
            blocks.push(item(said(
                text,
                vec![entry("vendors", &e.id, &vendor.name)],
            )));
        }
    }
    if read.asked(SUBSERVICE_CONTROLS) {
        notes.extend(quoted(read, SUBSERVICE_CONTROLS));
        if read.documented(SUBSERVICE_CONTROLS) {
            blocks.push(paragraph(vec![said(
                "The controls the company expects each carved-out organisation to run, and those it runs itself alongside them, are mapped from their reports",
                vec![read.answer(SUBSERVICE_CONTROLS)],
            )]));
        } else {
            blocks.push(not_described(
                read,
                SUBSERVICE_CONTROLS,
                "The controls expected of each carved-out organisation are not yet listed: read its report and name them, with the ones the report expects of you (step 5, \"Review of key providers' audit reports\")",
            ));
        }
    }
    blocks.extend(notes);
    blocks
}

pub(super) fn user_entity_controls(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    if !read.asked(USER_CONTROLS) {
        blocks.extend(notes);
        return blocks;
    }
    if read.documented(USER_CONTROLS) {
        blocks.push(paragraph(vec![said(
            "Customers are told which controls they must run themselves for the commitments to hold",
            vec![read.answer(USER_CONTROLS)],
        )]));
        notes.extend(quoted(read, USER_CONTROLS));
        if read.note(USER_CONTROLS).is_none() {
            blocks.push(missing(
                "List the controls here as customers are told them (step 5, a note on \"Controls customers must run themselves\")",
            ));
        }
    } else {
        notes.extend(quoted(read, USER_CONTROLS));
        blocks.push(not_described(
            read,
            USER_CONTROLS,
            "The controls customers must run themselves are not yet identified: name them (managing their own users, protecting their keys, reviewing the access they grant) and tell customers (step 5, \"Controls customers must run themselves\")",
        ));
    }
    blocks.extend(notes);
    blocks
}

pub(super) fn criteria(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let criteria: Vec<_> = read
        .scorecard
        .criteria
        .iter()
        .filter(|c| c.in_scope)
        .collect();
    if criteria.is_empty() {
        blocks.push(missing(
            "No criterion is in scope yet: decide the scope in step 1",
        ));
        return blocks;
    }
    blocks.push(paragraph(vec![said(
        format!(
            "{} criteria are in scope. For each, the controls the answers describe as in place and documented:",
            criteria.len()
        ),
        vec![StatementSource {
            kind: SourceKind::Scope,
            reference: "scope".into(),
            label: "The categories in scope (step 1)".into(),
        }],
    )]));
    let mut not_in_place = Vec::new();
    for criterion in criteria {
        let done: Vec<&crate::catalog::Question> = read
            .bank
            .control_questions()
            .filter(|q| q.criteria.contains(&criterion.id))
            .filter(|q| read.documented(&q.id))
            .collect();
        if done.is_empty() {
            not_in_place.push(criterion.id.clone());
            continue;
        }
        let names: Vec<String> = done
            .iter()
            .map(|q| q.subject.clone().unwrap_or_else(|| q.topic.clone()))
            .collect();
        blocks.push(item(said(
            format!("{} {}: {}", criterion.id, criterion.title, listed(&names)),
            done.iter().map(|q| read.answer(&q.id)).collect(),
        )));
    }
    if !not_in_place.is_empty() {
        blocks.push(missing(format!(
            "No control is yet in place and documented for {}: the gap analysis names what to build",
            listed(&not_in_place)
        )));
    }
    blocks
}
