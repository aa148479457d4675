//! The sections drawn from the scoping answers about the service: what it is, what it commits to, and where its boundary lies.

use super::facts::{
    Reader, labels, listed, live, missing, not_described, one_line, paragraph, quoted, said,
};
use super::{Block, SourceKind, StatementSource};
use crate::assessment::ReportType;
use crate::catalog::Category;
use crate::engagement::human_date;
use crate::registers::vendor::Subservice;

const PRODUCTS: &str = "scope.products";
const COMPANY_SIZE: &str = "scope.company-stage";
const REPORT_TYPE: &str = "scope.report-type";
const SLA: &str = "scope.sla";
const SLA_KIND: &str = "scope.sla-kind";
const CONFIDENTIALITY: &str = "scope.confidentiality-clauses";
const CONTENT_PROMISES: &str = "scope.content-promises";
const PRIVACY_NOTICE: &str = "scope.privacy-notice";
const TRANSACTIONS: &str = "scope.transaction-processing";
const COMMITMENTS_WRITTEN: &str = "risk.objectives";
const ENVIRONMENTS: &str = "scope.environments";
const CUSTOMER_ACCESS: &str = "scope.customer-system-access";
const EXCLUSIONS: &str = "audit.boundary-exclusions";

fn scope_source() -> StatementSource {
    StatementSource {
        kind: SourceKind::Scope,
        reference: "scope".into(),
        label: "The categories in scope (step 1)".into(),
    }
}

/// The categories in scope, by name.
fn in_scope(read: &Reader) -> Vec<(Category, String)> {
    read.scorecard
        .scope
        .iter()
        .filter(|d| d.in_scope)
        .map(|d| (d.category, d.name.clone()))
        .collect()
}

pub(super) fn services(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    match read.text(PRODUCTS) {
        Some(products) => blocks.push(paragraph(vec![said(
            format!(
                "This description covers the system {} uses to provide: {}",
                read.organisation(),
                one_line(&products)
            ),
            vec![read.answer(PRODUCTS)],
        )])),
        None => blocks.push(missing(
            "The products or services the report covers are not named: answer \"Which products or services will the report cover?\" in step 1",
        )),
    }
    let mut about = Vec::new();
    if let Some(size) = read.chosen(COMPANY_SIZE).first() {
        about.push(said(
            format!(
                "{} has {}",
                read.organisation(),
                read.label(COMPANY_SIZE, size).to_lowercase()
            ),
            vec![read.answer(COMPANY_SIZE)],
        ));
    }
    let report = match (read.evaluation.report_type(), read.period) {
        (ReportType::Type2, Some(period)) => Some(format!(
            "It is prepared for a SOC 2 Type II report on the period {} to {}{}",
            human_date(period.start),
            human_date(period.end),
            if period.start > read.today() {
                ", which has not begun yet"
            } else {
                ""
            }
        )),
        (ReportType::Type2, None) => None,
        (ReportType::Type1, _) => Some(
            "It is prepared for a SOC 2 Type I report, which describes the system as of one day"
                .to_string(),
        ),
    };
    if let Some(report) = report {
        about.push(said(report, vec![read.answer(REPORT_TYPE)]));
    }
    let categories: Vec<String> = in_scope(read).into_iter().map(|(_, n)| n).collect();
    if !categories.is_empty() {
        about.push(said(
            format!(
                "The report covers the Trust Services {} {}",
                if categories.len() == 1 {
                    "category"
                } else {
                    "categories"
                },
                listed(&categories)
            ),
            vec![scope_source()],
        ));
    }
    if !about.is_empty() {
        blocks.push(paragraph(about));
    }
    if read.evaluation.report_type() == ReportType::Type2 && read.period.is_none() {
        blocks.push(missing(
            "The observation period is not set: choose its length and first day in step 1",
        ));
    }
    blocks
}

pub(super) fn commitments(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    let categories = in_scope(read);
    let has = |c: Category| categories.iter().any(|(k, _)| *k == c);
    let mut said_any = Vec::new();
    if has(Category::Security) {
        said_any.push(said(
            format!(
                "{} commits to protect the system and the data it holds against access, use, change and disclosure that customers have not authorised",
                read.organisation()
            ),
            vec![scope_source()],
        ));
    }
    if read.yes(SLA) == Some(true) {
        let kinds = labels(read, SLA_KIND, &read.chosen(SLA_KIND));
        let what = if kinds.is_empty() {
            "service levels".to_string()
        } else {
            listed(&kinds.iter().map(|k| k.to_lowercase()).collect::<Vec<_>>())
        };
        let mut sources = vec![read.answer(SLA)];
        if !kinds.is_empty() {
            sources.push(read.answer(SLA_KIND));
        }
        said_any.push(said(
            format!("Customer contracts commit to {what}"),
            sources,
        ));
        notes.extend(quoted(read, SLA));
    }
    for (question, text) in [
        (
            CONFIDENTIALITY,
            "Customer contracts bind the company to confidentiality, data-handling or deletion obligations",
        ),
        (
            CONTENT_PROMISES,
            "Contracts or public statements make specific promises about the customer content the service works on",
        ),
        (
            PRIVACY_NOTICE,
            "A privacy notice covering the service itself is published",
        ),
        (
            TRANSACTIONS,
            "Customers rely on the system's processing being complete and accurate for their own operations",
        ),
    ] {
        if read.yes(question) == Some(true) {
            said_any.push(said(text, vec![read.answer(question)]));
            notes.extend(quoted(read, question));
        }
    }
    if said_any.is_empty() {
        blocks.push(missing(
            "No commitment to customers is recorded: answer the commitments questions in step 1 (uptime, confidentiality, privacy, accuracy)",
        ));
    } else {
        blocks.push(paragraph(said_any));
    }
    if read.asked(COMMITMENTS_WRITTEN) {
        notes.extend(quoted(read, COMMITMENTS_WRITTEN));
        if read.documented(COMMITMENTS_WRITTEN) {
            blocks.push(paragraph(vec![said(
                "These commitments, and what the system must do to keep them, are written down and approved by leadership",
                vec![read.answer(COMMITMENTS_WRITTEN)],
            )]));
        } else {
            blocks.push(not_described(
                read,
                COMMITMENTS_WRITTEN,
                "The commitments and system requirements are not yet written down in one approved list (step 2, \"Written commitments and system requirements\"); the report states them in those words",
            ));
        }
    }
    blocks.extend(notes);
    blocks
}

pub(super) fn boundaries(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    // Only what is inside: an environment not chosen may simply not exist.
    let inside = labels(read, ENVIRONMENTS, &read.chosen(ENVIRONMENTS));
    let mut sentences = Vec::new();
    if !inside.is_empty() {
        sentences.push(said(
            format!("Inside the boundary: {}", listed(&inside)),
            vec![read.answer(ENVIRONMENTS)],
        ));
    }
    let vendors: Vec<String> = live(&read.registers.vendors)
        .filter(|e| e.record.subservice == Subservice::CarveOut)
        .map(|e| e.record.name.clone())
        .collect();
    if !vendors.is_empty() {
        sentences.push(said(
            format!(
                "The controls of {} are outside the boundary (carved out): their own reports cover them",
                listed(&vendors)
            ),
            vec![StatementSource {
                kind: SourceKind::Register,
                reference: "vendors".into(),
                label: "Vendors marked as carved-out subservice organisations".into(),
            }],
        ));
    }
    if !sentences.is_empty() {
        blocks.push(paragraph(sentences));
    }
    if read.asked(EXCLUSIONS) {
        notes.extend(quoted(read, EXCLUSIONS));
        if !read.documented(EXCLUSIONS) {
            blocks.push(not_described(
                read,
                EXCLUSIONS,
                "What the report leaves out, and why, is not yet written down and agreed with the auditor (step 5, \"Record of what the report leaves out\")",
            ));
        }
    }
    match read.yes(CUSTOMER_ACCESS) {
        Some(true) => blocks.push(missing(
            "Your people or tools hold administrative access into customers' own systems: say whether that access, and the tools that hold it, are inside the boundary",
        )),
        None if read.asked(CUSTOMER_ACCESS) => blocks.push(missing(
            "Whether your people or tools hold administrative access into customers' own systems is not answered (step 1): it decides whether that access sits inside the boundary",
        )),
        _ => {}
    }
    blocks.extend(notes);
    blocks
}
