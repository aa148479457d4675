//! The `soc2-readiness` command line: a thin layer of argument parsing and printing over the engine.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand};
use serde_json::json;

use soc2_readiness::assessment::{Depth, ReportType, describe, describe_for, parse_answer_for};
use soc2_readiness::catalog::{Category, bundled_bank, load_bank_dir};
use soc2_readiness::gaps::{Gap, roadmap};
use soc2_readiness::plan::Plan;
use soc2_readiness::report::{PageSize, fingerprint};
use soc2_readiness::scope::{Proposal, decide_scope, question_applies};
use soc2_readiness::scoring::{CriterionStatus, Scorecard};
use soc2_readiness::store::{Store, backup, chosen_path, default_path};
use soc2_readiness::upgrade::{UpgradeNote, is_older, to_confirm};
use soc2_readiness::workspace::AnswerDetails;
use soc2_readiness::{Error, Workspace};

#[derive(Parser)]
#[command(
    name = "soc2-readiness",
    version,
    about = "Offline SOC 2 readiness self-assessment: answer, score, find the gaps."
)]
struct Cli {
    /// The data file (default: the one last chosen in the app, else the platform data directory).
    #[arg(long, global = true, env = "SOC2_READINESS_DB", value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
        #[arg(value_parser = ["in", "out", "proposed"])]
        decision: String,
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
    /// Delete an assessment and its history (asks for --yes).
    Delete {
        assessment: String,
        #[arg(long)]
        yes: bool,
    },
    /// Write the gap-analysis PDF for leadership.
    Report {
        assessment: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// a4 or letter (default: the page size in settings, else a4).
        #[arg(long, value_parser = parse_page_size)]
        page_size: Option<PageSize>,
        /// Who prepared the assessment (default: the assessor in settings).
        #[arg(long)]
        assessor: Option<String>,
        /// A PNG or JPEG logo for the cover (default: the logo in settings).
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
    },
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
    /// Export an assessment as portable, versioned JSON.
    Export { assessment: String, file: PathBuf },
    /// Import a portable JSON file as a new assessment; prints the new id.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum BankAction {
    /// Validate a question bank folder (default: the bundled bank).
    Check { dir: Option<PathBuf> },
}

fn parse_report_type(text: &str) -> Result<ReportType, String> {
    ReportType::parse(text).ok_or_else(|| format!("'{text}' is not type1 or type2"))
}

fn parse_depth(text: &str) -> Result<Depth, String> {
    Depth::parse(text).ok_or_else(|| format!("'{text}' is not a depth; use quick or full"))
}

fn parse_page_size(text: &str) -> Result<PageSize, String> {
    PageSize::parse(text).ok_or_else(|| format!("'{text}' is not a4 or letter"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date as YYYY-MM-DD"))
}

fn main() -> ExitCode {
    // Piping into `head` should end the program quietly, as other command-line tools do.
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to the default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let data_file = cli.db.clone().or_else(chosen_path).or_else(default_path);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let e = match &data_file {
                Some(path) => e.in_file(path),
                None => e,
            };
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

fn data_path(db: Option<PathBuf>) -> Result<PathBuf, Error> {
    db.or_else(chosen_path)
        .or_else(default_path)
        .ok_or_else(|| Error::Invalid("no home directory found; pass --db FILE".into()))
}

fn open_workspace(db: Option<PathBuf>) -> Result<Workspace, Error> {
    let path = data_path(db)?;
    Ok(Workspace::new(
        bundled_bank(),
        Store::open(&path, Utc::now())?,
    ))
}

fn list_backups(data_file: &Path, json: bool) -> Result<(), Error> {
    let backups = backup::list(data_file)?;
    if json {
        print_json(&backups);
    } else if backups.is_empty() {
        println!("No backups yet of {}", data_file.display());
    } else {
        for b in backups {
            println!(
                "{}  {:<17} {:>8} KB  {}",
                b.created_at.format("%Y-%m-%d %H:%M:%S"),
                b.reason,
                b.bytes.div_ceil(1024),
                b.path
            );
        }
    }
    Ok(())
}

fn restore_backup(
    data_file: &Path,
    chosen: &str,
    yes: bool,
    now: chrono::DateTime<Utc>,
) -> Result<(), Error> {
    let backups = backup::list(data_file)?;
    let found = if chosen == "latest" {
        backups.first()
    } else {
        backups.iter().find(|b| {
            b.path == chosen || Path::new(&b.path).file_name().is_some_and(|n| n == chosen)
        })
    };
    let Some(found) = found else {
        return Err(Error::Invalid(format!(
            "'{chosen}' is not a backup of {} (run `soc2-readiness backups`)",
            data_file.display()
        )));
    };
    if !yes {
        return Err(Error::Invalid(format!(
            "restoring replaces {} with the backup from {}; repeat with --yes to confirm",
            data_file.display(),
            found.created_at.format("%Y-%m-%d %H:%M")
        )));
    }
    let aside = backup::restore(Path::new(&found.path), data_file, now)?;
    println!("restored {} from {}", data_file.display(), found.path);
    if let Some(aside) = aside {
        println!("the previous file was kept as {}", aside.display());
    }
    Ok(())
}

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("output serialises to JSON")
    );
}

fn run(cli: Cli) -> Result<(), Error> {
    if let Command::Bank { json, action } = &cli.command {
        return bank_command(*json, action.as_ref());
    }
    let now = Utc::now();
    match &cli.command {
        Command::Backups { json } => return list_backups(&data_path(cli.db)?, *json),
        Command::Restore { backup, yes } => {
            return restore_backup(&data_path(cli.db)?, backup, *yes, now);
        }
        _ => {}
    }
    let mut ws = open_workspace(cli.db)?;
    match cli.command {
        Command::Bank { .. } | Command::Backups { .. } | Command::Restore { .. } => {
            unreachable!("handled above")
        }
        Command::Backup => {
            let made = ws.store.back_up("manual", now)?;
            println!("backed up to {}", made.path);
        }
        Command::New {
            organisation,
            report_type,
            depth,
        } => {
            let assessment =
                ws.create_assessment(&new_id(), &organisation, report_type, depth, now)?;
            println!("{}", assessment.id);
        }
        Command::Upgrade { assessment } => {
            let id = ws.resolve(&assessment)?;
            match ws.upgrade(&id, now)? {
                None => println!("{id} is already on question bank {}", ws.bank.version),
                Some(upgrade) => {
                    println!(
                        "{id}: carried from question bank {} to {}",
                        upgrade.from_version, upgrade.to_version
                    );
                    print_upgrade_notes(&upgrade.notes);
                }
            }
        }
        Command::Depth { assessment, depth } => {
            let id = ws.resolve(&assessment)?;
            ws.set_depth(&id, depth, now)?;
            let record = ws.record(&id)?;
            println!(
                "{}: {} ({} answers implied by missing foundations)",
                record.assessment.organisation,
                depth.label(),
                record.implied.len()
            );
        }
        Command::List { json } => list(&ws, json)?,
        Command::Answer {
            assessment,
            question,
            value,
            note,
            owner,
            due,
            evidence,
            exception,
        } => {
            let id = ws.resolve(&assessment)?;
            let parsed = parse_answer_for(&ws.bank, &question, &value)?;
            let details = AnswerDetails {
                note,
                owner,
                due: due.map(Some),
                evidence: (!evidence.is_empty()).then_some(evidence),
                exception,
            };
            let saved = ws.save_answer(&id, &question, parsed, details, now)?;
            match &saved.exception {
                Some(exception) => println!(
                    "saved {}: {}, with a known exception: {exception}",
                    saved.question_id,
                    describe(&saved.value)
                ),
                None => println!("saved {}: {}", saved.question_id, describe(&saved.value)),
            }
        }
        Command::Unanswer {
            assessment,
            question,
        } => {
            let id = ws.resolve(&assessment)?;
            ws.clear_answer(&id, &question, now)?;
            println!("cleared {question}");
        }
        Command::Scope {
            assessment,
            category,
            decision,
            reason,
        } => {
            let id = ws.resolve(&assessment)?;
            let category = Category::parse(&category).ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown category '{category}' (security, availability, confidentiality, processing_integrity, privacy)"
                ))
            })?;
            let in_scope = match decision.as_str() {
                "in" => Some(true),
                "out" => Some(false),
                _ => None,
            };
            ws.set_scope(&id, category, in_scope, &reason, now)?;
            println!("{}: {}", category.name(), decision);
        }
        Command::Show { assessment, json } => show(&ws, &ws.resolve(&assessment)?, json)?,
        Command::Score { assessment, json } => {
            let (record, scorecard) = ws.scorecard(&ws.resolve(&assessment)?)?;
            if json {
                print_json(&scorecard);
            } else {
                print_score(&record.assessment.organisation, &scorecard);
            }
        }
        Command::Gaps { assessment, json } => {
            let analysis =
                ws.analysis(&ws.resolve(&assessment)?, chrono::Local::now().date_naive())?;
            if json {
                print_json(&json!({
                    "report_type": analysis.scorecard.report_type,
                    "target_level": analysis.scorecard.target_level,
                    "gaps": analysis.gaps,
                    // The engine's own choice, as the app and the PDF show it: implied gaps
                    // are represented by their foundation.
                    "top": analysis.top,
                    "roadmap": roadmap(&analysis.gaps),
                    "plan": analysis.plan,
                }));
            } else {
                print_gaps(&analysis.gaps);
                println!();
                print_plan(&analysis.plan);
            }
        }
        Command::Plan { assessment, json } => {
            let analysis =
                ws.analysis(&ws.resolve(&assessment)?, chrono::Local::now().date_naive())?;
            if json {
                print_json(&analysis.plan);
            } else {
                print_plan(&analysis.plan);
            }
        }
        Command::History { assessment, json } => {
            let history = ws.store.history(&ws.resolve(&assessment)?)?;
            if json {
                print_json(&history);
            } else {
                for entry in history {
                    let value = match (&entry.value, &entry.implied_by) {
                        (Some(v), Some(base)) => format!("{} (implied by {base})", describe(v)),
                        (None, Some(base)) => {
                            format!("(open again: no longer implied by {base})")
                        }
                        (Some(v), None) => describe(v),
                        (None, None) => "(cleared)".into(),
                    };
                    println!(
                        "{}  {:<32} {}",
                        entry.changed_at.format("%Y-%m-%d %H:%M:%S"),
                        entry.question_id,
                        value
                    );
                }
            }
        }
        Command::Rename {
            assessment,
            organisation,
        } => {
            let id = ws.resolve(&assessment)?;
            ws.rename(&id, &organisation, now)?;
            println!("renamed {id}");
        }
        Command::Duplicate {
            assessment,
            organisation,
        } => {
            let id = ws.resolve(&assessment)?;
            let copy = ws.duplicate(&id, &new_id(), organisation.as_deref(), now)?;
            println!("{}", copy.id);
        }
        Command::Delete { assessment, yes } => {
            let id = ws.resolve(&assessment)?;
            if !yes {
                return Err(Error::Invalid(format!(
                    "deleting {id} removes every answer and its history; repeat with --yes to confirm"
                )));
            }
            ws.store.delete_assessment(&id)?;
            println!("deleted {id}");
        }
        Command::Report {
            assessment,
            out,
            page_size,
            assessor,
            logo,
        } => {
            let id = ws.resolve(&assessment)?;
            let mut settings = ws.report_settings(now)?;
            if let Some(path) = logo {
                settings.logo = Some(read_file(&path)?);
            }
            if let Some(size) = page_size {
                settings.page_size = size;
            }
            if assessor.is_some() {
                settings.assessor = assessor;
            }
            let report = ws.report(&id, &settings)?;
            write_file(&out, &report.bytes)?;
            println!(
                "wrote {} ({} pages, {} KB)",
                out.display(),
                report.page_count,
                report.bytes.len().div_ceil(1024)
            );
        }
        Command::Settings {
            assessor_name,
            assessor_organisation,
            page_size,
            logo,
            no_logo,
            json,
        } => {
            let mut settings = ws.settings()?;
            let changed =
                assessor_name.is_some() || assessor_organisation.is_some() || page_size.is_some();
            if let Some(name) = assessor_name {
                settings.assessor_name = Some(name);
            }
            if let Some(firm) = assessor_organisation {
                settings.assessor_organisation = Some(firm);
            }
            if let Some(size) = page_size {
                settings.page_size = size;
            }
            if changed {
                settings = ws.save_settings(&settings)?;
            }
            if let Some(path) = logo {
                settings = ws.set_logo(Some(&read_file(&path)?))?;
            } else if no_logo {
                settings = ws.set_logo(None)?;
            }
            if json {
                print_json(&settings);
            } else {
                let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(not set)".into());
                println!("assessor name          {}", shown(&settings.assessor_name));
                println!(
                    "assessor organisation  {}",
                    shown(&settings.assessor_organisation)
                );
                println!("page size              {:?}", settings.page_size);
                println!(
                    "logo                   {}",
                    if settings.has_logo {
                        "set"
                    } else {
                        "(not set)"
                    }
                );
                if let Some(path) = ws.store.location() {
                    println!("data file              {}", path.display());
                }
            }
        }
        Command::Export { assessment, file } => {
            let json = ws.export_json(&ws.resolve(&assessment)?, now)?;
            write_file(&file, json.as_bytes())?;
            println!("exported to {}", file.display());
        }
        Command::Import { file } => {
            let bytes = read_file(&file)?;
            let assessment = ws.import_json(&bytes, &new_id(), now)?;
            println!("{}", assessment.id);
        }
    }
    Ok(())
}

fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Writes through a temporary file and a rename, so a failed export never leaves half a file.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    let mut file = std::fs::File::create(&temporary).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(fail)
}

fn bank_command(json: bool, action: Option<&BankAction>) -> Result<(), Error> {
    if let Some(BankAction::Check { dir }) = action {
        let bank = match dir {
            Some(dir) => match load_bank_dir(dir) {
                Ok(bank) => bank,
                Err(e) => {
                    for problem in &e.problems {
                        eprintln!("{problem}");
                    }
                    return Err(e.into());
                }
            },
            None => bundled_bank(),
        };
        let controls = bank.control_questions().count();
        let scoping = bank.scoping_questions().count();
        println!(
            "question bank {} is valid: {} criteria, {scoping} scoping and {controls} control questions",
            bank.version,
            bank.criteria.len()
        );
        return Ok(());
    }
    let bank = bundled_bank();
    if json {
        print_json(&bank);
        return Ok(());
    }
    println!("Question bank {}", bank.version);
    for step in &bank.steps {
        println!("\nStep {}: {}", step.number, step.title);
        for q in bank.questions.iter().filter(|q| q.step == step.number) {
            let criteria = if q.criteria.is_empty() {
                String::new()
            } else {
                format!("  [{}]", q.criteria.join(", "))
            };
            println!("  {:<34} {}{}", q.id, q.text, criteria);
        }
    }
    Ok(())
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.1}%"))
}

fn list(ws: &Workspace, json: bool) -> Result<(), Error> {
    let summaries = ws.summaries()?;
    if json {
        print_json(&summaries);
        return Ok(());
    }
    if summaries.is_empty() {
        println!("No assessments yet. Create one with: soc2-readiness new \"Your Company\"");
        return Ok(());
    }
    println!(
        "{:<12}  {:<32} {:<7}  {:>9}  {:>10}  last change",
        "id", "organisation", "report", "readiness", "completion"
    );
    for s in summaries {
        let archived = if s.assessment.archived_at.is_some() {
            " (archived)"
        } else {
            ""
        };
        println!(
            "{:<12}  {:<32} {:<7}  {:>9}  {:>10}  {}{}",
            s.assessment.id,
            truncate(&s.assessment.organisation, 32),
            s.report_type.label(),
            percent(s.readiness),
            percent(s.completion),
            s.assessment.updated_at.format("%Y-%m-%d %H:%M"),
            archived
        );
        if let Some(label) = &s.assessment.label {
            println!("{:<12}  {label}", "");
        }
    }
    Ok(())
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(width - 1).collect::<String>())
    }
}

fn show(ws: &Workspace, id: &str, json: bool) -> Result<(), Error> {
    let record = ws.record(id)?;
    let scope = decide_scope(&ws.bank, &record);
    if json {
        print_json(&json!({
            "assessment": record.assessment,
            "fingerprint": fingerprint(&record),
            "report_type": record.report_type(),
            "scope": scope,
            "answers": record.answers.values().collect::<Vec<_>>(),
            "implied": record.implied,
            "upgrades": record.upgrades,
            "to_confirm": to_confirm(&record),
            "scope_overrides": record.scope_overrides,
        }));
        return Ok(());
    }
    let a = &record.assessment;
    println!("{} ({})", a.organisation, a.id);
    if let Some(label) = &a.label {
        println!("{label}");
    }
    println!(
        "Target: SOC 2 {}   {}   Question bank {}   Created {}   Last change {}",
        record.report_type().label(),
        a.depth.label(),
        a.bank_version,
        a.created_at.format("%Y-%m-%d"),
        a.updated_at.format("%Y-%m-%d %H:%M")
    );
    println!("Answers fingerprint {}", fingerprint(&record));
    if is_older(&a.bank_version, &ws.bank) {
        println!(
            "Answered on question bank {}; `soc2-readiness upgrade {}` carries the answers to {} (nothing is lost).",
            a.bank_version, a.id, ws.bank.version
        );
    }
    for upgrade in &record.upgrades {
        println!(
            "\nQuestion bank {} to {} on {}",
            upgrade.from_version,
            upgrade.to_version,
            upgrade.at.format("%Y-%m-%d")
        );
        print_upgrade_notes(&upgrade.notes);
    }
    let confirm = to_confirm(&record);
    if !confirm.is_empty() {
        println!("\nAnswers to confirm ({}):", confirm.len());
        for note in confirm {
            println!("  {}", note.question_id.as_deref().unwrap_or(""));
        }
    }
    println!("\nScope");
    for d in &scope {
        let mark = if d.in_scope { "in " } else { "out" };
        let proposal = match d.proposal {
            Proposal::Needed => "needed",
            Proposal::WorthDiscussing => "worth discussing",
            Proposal::NotProposed => "not proposed",
            Proposal::Pending => "not decided yet",
            Proposal::Carried => "kept until answered",
        };
        println!(
            "  [{mark}] {:<22} {proposal}: {}",
            d.name, d.proposal_reason
        );
        if let Some(reason) = &d.override_reason {
            println!("        overridden: {reason}");
        }
    }
    for step in &ws.bank.steps {
        println!("\nStep {}: {}", step.number, step.title);
        for q in ws.bank.questions.iter().filter(|q| q.step == step.number) {
            let applies = question_applies(&ws.bank, q, &record, &scope);
            let shown = match (record.answers.get(&q.id), applies) {
                (_, false) => format!(
                    "(does not apply{})",
                    q.otherwise
                        .as_deref()
                        .map(|t| format!(": {t}"))
                        .unwrap_or_default()
                ),
                (Some(answer), true) => match record.implied.get(&q.id) {
                    Some(base) => format!(
                        "{} (implied: {base} is not in place; not asked on the quick path)",
                        describe_for(q, &answer.value)
                    ),
                    None => describe_for(q, &answer.value),
                },
                (None, true) => "(unanswered)".into(),
            };
            println!("  {:<34} {}", q.id, shown);
            if let Some(answer) = record.answers.get(&q.id) {
                for (label, text) in [("note", &answer.note), ("owner", &answer.owner)] {
                    if let Some(text) = text {
                        println!("  {:<34}   {label}: {text}", "");
                    }
                }
                if let Some(due) = answer.due {
                    println!("  {:<34}   due: {due}", "");
                }
                for item in &answer.evidence {
                    println!("  {:<34}   evidence: {item}", "");
                }
                if let Some(exception) = &answer.exception {
                    println!("  {:<34}   exception: {exception}", "");
                }
            }
        }
    }
    Ok(())
}

fn print_score(organisation: &str, s: &Scorecard) {
    println!(
        "{organisation}: SOC 2 {} target (level {} of 4 for every control)",
        s.report_type.label(),
        s.target_level
    );
    println!(
        "Design readiness {} (Type I)   operating readiness {} (Type II)   headline {}",
        percent(s.overall.design),
        percent(s.overall.operating),
        percent(s.overall.readiness),
    );
    println!(
        "Completion {} ({} of {} applicable control questions answered)",
        percent(s.overall.completion),
        s.overall.answered,
        s.overall.applicable
    );
    if let Some(note) = &s.method_note {
        println!("Note: {note}");
    }
    println!(
        "\n{:<22} {:<8} {:>8} {:>10}  {:>10}",
        "Category", "Scope", "Design", "Operating", "Completion"
    );
    for c in &s.categories {
        let scope = if c.in_scope { "in" } else { "out" };
        println!(
            "{:<22} {:<8} {:>8} {:>10}  {:>10}",
            c.name,
            scope,
            percent(c.design),
            percent(c.operating),
            percent(c.completion)
        );
    }
    println!(
        "\n{:<44} {:>8} {:>10}  {:>10}",
        "Step", "Design", "Operating", "Completion"
    );
    for step in &s.steps {
        println!(
            "{:<44} {:>8} {:>10}  {:>10}",
            format!("{}. {}", step.step, step.title),
            percent(step.design),
            percent(step.operating),
            percent(step.completion)
        );
    }
    println!(
        "\n{:<46} {:>8} {:>10}  answered",
        "Criterion", "Design", "Operating"
    );
    for c in &s.criteria {
        let (design, operating) = match c.status {
            CriterionStatus::Scored => (percent(c.design), percent(c.operating)),
            CriterionStatus::OutOfScope => ("out of scope".into(), String::new()),
            CriterionStatus::NoApplicableQuestion => {
                ("no applicable question".into(), String::new())
            }
        };
        println!(
            "{:<7} {:<38} {:>8} {:>10}  {}/{}",
            c.id,
            truncate(&c.title, 38),
            design,
            operating,
            c.answered,
            c.applicable
        );
    }
}

fn print_upgrade_notes(notes: &[UpgradeNote]) {
    if notes.is_empty() {
        println!("  No question this assessment answered has changed.");
    }
    for note in notes {
        let subject = note
            .question_id
            .clone()
            .unwrap_or_else(|| note.from.join(", "));
        let confirm = if note.confirm { " [confirm]" } else { "" };
        println!("  {subject}{confirm}: {}", note.text);
    }
}

fn print_plan(plan: &Plan) {
    println!("{}", plan.verdict);
    for m in &plan.milestones {
        println!("  {}  {}", m.date, m.label);
    }
    if !plan.options.is_empty() {
        println!("\nOptions:");
        for option in &plan.options {
            let when = match (option.report_date, option.meets_target) {
                (Some(date), Some(true)) => format!("report {date}, meets the target"),
                (Some(date), Some(false)) => format!("report {date}, still late"),
                (Some(date), None) => format!("report {date}"),
                (None, _) => String::new(),
            };
            println!("  - {} ({when}): {}", option.title, option.detail);
        }
    }
    println!("\nHow the dates are worked out:");
    for line in &plan.assumptions {
        println!("  - {line}");
    }
}

fn print_gaps(gaps: &[Gap]) {
    if gaps.is_empty() {
        println!("No gaps: every applicable control question is at its target level.");
        return;
    }
    let map = roadmap(gaps);
    for (title, ids) in [
        ("Now", &map.now),
        ("Next 90 days", &map.next_90_days),
        ("Later", &map.later),
    ] {
        println!("\n{title} ({} gaps)", ids.len());
        for gap in gaps.iter().filter(|g| ids.contains(&g.question_id)) {
            let current = match (gap.current_level, &gap.exception) {
                (None, _) => "unanswered".to_string(),
                (Some(l), None) => format!("level {l}"),
                (Some(l), Some(_)) => format!("level {l} with an exception"),
            };
            let owner = gap.owner.as_deref().unwrap_or("no owner");
            let due = gap
                .due
                .map_or_else(|| "no date".to_string(), |d| d.to_string());
            if gap.implied_by.is_some() {
                continue;
            }
            println!("  [{}] {}", gap.priority.label(), gap.title);
            println!(
                "      {} ({}) {} -> {}, impact {}, effort {:?}, {owner}, {due}",
                gap.question_id,
                gap.criteria.join(", "),
                current,
                gap.target_level,
                gap.impact.label().to_lowercase(),
                gap.effort
            );
            if let Some(exception) = &gap.exception {
                println!("      Exception: {exception}");
            }
            if let Some(note) = &gap.note {
                println!("      Note: {}", truncate(note, 200));
            }
            println!(
                "      Why {}: {}",
                gap.priority.label(),
                gap.priority_reason
            );
            println!("      Next step: {}", gap.remediation);
            // The gaps this one implies, one line each, wherever their own priority falls.
            let implied: Vec<&Gap> = gaps
                .iter()
                .filter(|g| g.implied_by.as_deref() == Some(gap.question_id.as_str()))
                .collect();
            if !implied.is_empty() {
                println!(
                    "      Implies {} more gaps (not asked on the quick path):",
                    implied.len()
                );
                for g in implied {
                    println!(
                        "        - [{}] {} ({}, effort {:?})",
                        g.priority.label(),
                        g.title,
                        g.question_id,
                        g.effort
                    );
                }
            }
        }
    }
}
