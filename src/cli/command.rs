//! The command grammar: every subcommand with its arguments and help, and the parsers of their values.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Subcommand, builder::PossibleValuesParser, builder::TypedValueParser};

use soc2_readiness::assessment::{Coverage, Depth, ReportType};
use soc2_readiness::report::PageSize;
use soc2_readiness::workspace::ScopeDecision;

use super::{
    accounts, binder, calendar, description, files, merge, people, registers, report, samples,
    spreadsheet, trust, what_if,
};

#[derive(Subcommand)]
pub enum Command {
    /// The control calendar: adopted recurring controls with their next due date, and the
    /// controls proposed for the questions in scope.
    Calendar {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Adopt a proposed recurring control (or change an adopted one's frequency, owner, start).
    Adopt(calendar::AdoptArgs),
    /// Record one run of an adopted control in the append-only check log.
    Check(calendar::CheckArgs),
    /// Withdraw a check log entry recorded by mistake, with the reason.
    Void(calendar::VoidArgs),
    /// Stop expecting an adopted control to run (its checks stay in the log); adopting it
    /// again resumes it.
    Retire { assessment: String, control: String },
    /// The check log, oldest first, for one control or all.
    Checks {
        assessment: String,
        control: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The observation period: each control's expected runs, passed, failed or missed.
    Observation {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Write the evidence binder for an audit period as one ZIP: an index from criterion to
    /// control to each run, the evidence files, the registers and people of the period, the
    /// control matrix, and a manifest of SHA-256 sums. Nothing from outside the period.
    Binder(binder::Args),
    /// The populations of an audit period (hires, leavers, new vendors, changes), the sample proposed
    /// from each by the table in docs/evidence-binder.md, and each sampled item's test as the
    /// check log records it (`check ... --sample POPULATION:ID`).
    Samples(samples::Args),
    /// The system description a report opens with, drafted from the answers and records (each
    /// statement with its source, each missing fact named where it belongs): print it, save the
    /// company's own text of a section (every version kept), write it as DOCX or Markdown.
    Description(description::Args),
    /// Print the question bank, or check a customised one.
    Bank {
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<BankAction>,
    },
    /// Create an assessment and print its id.
    New {
        organisation: String,
        #[arg(long, value_parser = parse_report_type, default_value = "type2")]
        report_type: ReportType,
        /// quick: foundations first, and a missing one stands for the questions that build on
        /// it; full: every question (workshops).
        #[arg(long, value_parser = parse_depth, default_value = "full")]
        depth: Depth,
        /// A kept question module to use, as ID or ID@VERSION (newest kept by default); repeat
        /// for several.
        #[arg(long = "module", value_name = "MODULE")]
        modules: Vec<String>,
    },
    /// Question modules: a consultant's own questions, checked, kept in the data file and
    /// attached to assessments.
    Module {
        #[command(subcommand)]
        action: ModuleAction,
    },
    /// Carry an assessment answered on an older question bank to this one; nothing is lost.
    Upgrade { assessment: String },
    /// Switch an assessment between the quick path and the full depth; no answer is lost.
    Depth {
        assessment: String,
        #[arg(value_parser = parse_depth)]
        depth: Depth,
    },
    /// List assessments with their readiness.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Answer a question: a level 0-4 or its name, na:<justification>, or a scoping value.
    Answer {
        assessment: String,
        question: String,
        value: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
        /// Evidence reference (file path, link or description); repeat for several.
        #[arg(long)]
        evidence: Vec<String>,
        /// A known exception: who or what the control does not yet cover ("" clears it).
        #[arg(long)]
        exception: Option<String>,
        /// Whether the exception leaves something exposed today (a leaver's access still
        /// active, customer data in a tool with no agreement): yes ranks it "Fix now".
        #[arg(long, value_name = "yes|no", value_parser = parse_yes_no)]
        live: Option<bool>,
        /// Whether the exception repeats one your last SOC 2 report noted: yes ranks it "Fix now".
        #[arg(long, value_name = "yes|no", value_parser = parse_yes_no)]
        repeat: Option<bool>,
        /// What the exception leaves uncovered: people, systems, data, period (comma-separated;
        /// "" clears it).
        #[arg(long, value_name = "people,systems,data,period", value_parser = parse_coverage)]
        not_covered: Option<CoverageList>,
    },
    /// Clear an answer, making the question unanswered again.
    Unanswer {
        assessment: String,
        question: String,
    },
    /// Override the proposed scope of a category (in, out) or return to the proposal (proposed).
    Scope {
        assessment: String,
        category: String,
        #[arg(value_parser = PossibleValuesParser::new(["in", "out", "proposed"])
            .map(|text| ScopeDecision::parse(&text).expect("one of the possible values")))]
        decision: ScopeDecision,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Show an assessment: scope decisions and every answer.
    Show {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Readiness per criterion, category, step and overall.
    Score {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// The gap register and roadmap, most important first.
    Gaps {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// The dated path: remediation, Type I date or observation period, report, deadline options.
    Plan {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Readiness and plan dates if chosen gaps were closed; nothing is saved.
    WhatIf(what_if::Args),
    /// The audit trail of every answer change.
    History {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Rename an assessment's organisation.
    Rename {
        assessment: String,
        organisation: String,
    },
    /// Copy an assessment to start a re-assessment; prints the new id.
    Duplicate {
        assessment: String,
        #[arg(long)]
        organisation: Option<String>,
    },
    /// Compare two assessments (EARLIER LATER), or a re-assessment with its baseline.
    Compare {
        assessment: String,
        later: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Readiness over time across an organisation's assessments.
    Trend {
        assessment: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete an assessment and its history (asks for --yes).
    Delete {
        assessment: String,
        #[arg(long)]
        yes: bool,
    },
    /// Write the gap-analysis PDF for leadership.
    Report(report::Args),
    /// Write the gap register, roadmap, plan, answers and registers as an Excel workbook or CSV files.
    ///
    /// By default: the gaps, roadmap, plan and answers, and the vendors, policies, incidents and
    /// risks registers that hold an entry (archived ones included, marked).
    /// XLSX: one workbook, a sheet per table. CSV: one table goes to FILE itself; several go to
    /// one file per table beside it, named <stem>-<table>.csv (acme.csv gives acme-gaps.csv, ...).
    Spreadsheet(spreadsheet::SpreadsheetArgs),
    /// The trust page for customers: preview what is published and what is held back, change the
    /// choices, and write the static HTML page and the one-page PDF.
    ///
    /// A claim is published only when its control is in place and documented (or operating with
    /// evidence), with no known exception and nothing failing in the records.
    Trust(trust::Args),
    /// Show or change the settings every report uses.
    Settings {
        #[arg(long)]
        assessor_name: Option<String>,
        #[arg(long)]
        assessor_organisation: Option<String>,
        #[arg(long, value_parser = parse_page_size)]
        page_size: Option<PageSize>,
        /// A PNG or JPEG logo for report covers.
        #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        #[arg(long)]
        no_logo: bool,
        #[arg(long)]
        json: bool,
    },
    /// List the automatic backups of the data file, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Take a backup of the data file now.
    Backup,
    /// Replace the data file with a backup (the current file is moved aside, not deleted).
    Restore {
        /// A backup's path from `backups`, or `latest`.
        backup: String,
        #[arg(long)]
        yes: bool,
    },
    /// Protect the data file with a passphrase (typed twice, or read as --db-passphrase-file
    /// says). A backup is taken first; the protected copy is checked before it replaces the file.
    Protect,
    /// Remove the data file's passphrase: it is written plain again, after a backup.
    Unprotect,
    /// Change the data file's passphrase (the new one typed twice, or read as
    /// --new-passphrase-file says), after a backup.
    ChangePassphrase(files::ChangePassphraseArgs),
    /// Export an assessment as portable, versioned JSON, protected with a passphrase if asked.
    Export(files::ExportArgs),
    /// Import a portable JSON file (plain or protected) as a new assessment; prints the new id.
    Import(files::ImportArgs),
    /// Merge a workshop copy (exported JSON) into an assessment; you choose where both changed an answer.
    Merge(merge::Args),
    /// The vendor register of an assessment's organisation: list, add, edit, archive, history.
    ///
    /// Every assessment of one organisation shares its registers. Run `vendors ASSESSMENT fields`
    /// for the fields; add and edit take them as --FIELD VALUE.
    Vendors(registers::Args),
    /// The policy register: the same commands as `vendors`, and `approve` for a new version.
    Policies(registers::PolicyArgs),
    /// The incident register (detect, contain, resolve, improve): the same commands as `vendors`.
    Incidents(registers::Args),
    /// The risk register: the same commands as `vendors`.
    Risks(registers::Args),
    /// The people register (staff and contractors: start and end, background check, training,
    /// policy acknowledgement, agreement, access removed): the same commands as `vendors`,
    /// and `limits` for the company's own days.
    People(people::PeopleArgs),
    /// The change register (production changes: a pull request or ticket, its author, who
    /// approved it and when, its tests, the day it was released): the same commands as
    /// `vendors`; `import` reads a pull-request or ticket export. Changes of a period are the
    /// population `samples` draws from.
    Changes(registers::Args),
    /// User reports from the company's systems (AWS IAM credential report, Google Workspace,
    /// Microsoft Entra ID, GitHub members, or any CSV with --map): import, findings, limits.
    ///
    /// Findings come from the latest import of each system, checked against the people register:
    /// leavers still active, admins without MFA, root keys, shared accounts, old or unused keys,
    /// dormant accounts, and accounts matching no one. They count in every score and report.
    Accounts(accounts::Args),
}

#[derive(Subcommand)]
pub enum BankAction {
    /// Validate a question bank folder (default: the bundled bank), or with --module a question
    /// module file against that bank.
    Check {
        dir: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        module: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum ModuleAction {
    /// Validate a module file against the bundled bank; every problem is listed.
    Check { file: PathBuf },
    /// Check a module file and keep it in the data file (a new version keeps the older ones).
    Add { file: PathBuf },
    /// The modules kept in the data file, every version.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make an assessment use a kept module, or move it to another version (ID or ID@VERSION).
    Use { assessment: String, module: String },
    /// Stop an assessment using a module; its answers stay in the history.
    Drop { assessment: String, module: String },
}

fn parse_report_type(text: &str) -> Result<ReportType, String> {
    ReportType::parse(text).ok_or_else(|| format!("'{text}' is not type1 or type2"))
}

fn parse_depth(text: &str) -> Result<Depth, String> {
    Depth::parse(text).ok_or_else(|| format!("'{text}' is not a depth; use quick or full"))
}

pub(super) fn parse_page_size(text: &str) -> Result<PageSize, String> {
    PageSize::parse(text).ok_or_else(|| format!("'{text}' is not a4 or letter"))
}

/// What a known exception leaves uncovered, as `--not-covered` takes it.
#[derive(Debug, Clone)]
pub struct CoverageList(pub Vec<Coverage>);

fn parse_coverage(text: &str) -> Result<CoverageList, String> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            Coverage::parse(part)
                .ok_or_else(|| format!("'{part}' is not one of people, systems, data, period"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(CoverageList)
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(format!("'{text}' is not yes or no")),
    }
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    soc2_readiness::day::parse_day(text)
}
