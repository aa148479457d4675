//! `accounts`: user reports exported from the company's systems (AWS, Google Workspace, Entra ID, GitHub, any CSV), imported, checked against the people register, and their findings listed with the rows behind them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use soc2_readiness::accounts::{AccountFormat, FORMATS};
use soc2_readiness::plan::human_date;
use soc2_readiness::workspace::AccountImportRequest;
use soc2_readiness::{Error, data_file};

use super::Context;
use super::command::parse_date;
use super::output::print_json;

#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Import a user report: an AWS IAM credential report, a Google Workspace user download, a
    /// Microsoft Entra ID user export, a GitHub member export, or any CSV with --map.
    Import {
        file: PathBuf,
        /// The system in your words ("AWS production"); the latest import of each system is checked.
        #[arg(long)]
        system: Option<String>,
        /// The layout, when the headings should not decide it: aws, google, entra, github, csv.
        #[arg(long, value_parser = parse_format)]
        format: Option<AccountFormat>,
        /// For another system's CSV: the column holding a field, as HEADING=FIELD (fields:
        /// account, person, mfa, admin, last_sign_in, key_age, active).
        #[arg(long, value_name = "HEADING=FIELD")]
        map: Vec<String>,
        /// The day the report was downloaded (default: today).
        #[arg(long, value_parser = parse_date)]
        taken: Option<NaiveDate>,
        /// Read and check the file, show what it finds, keep nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// The findings of the latest import of each system, with the rows behind each, live
    /// exposures first; and what the imports show operating.
    Findings {
        #[arg(long)]
        json: bool,
    },
    /// The imports kept, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove an import (by its id or a unique prefix).
    Remove { import: String },
    /// Show or set the company's limits: key rotation and unused accounts, in days.
    Limits {
        #[arg(long)]
        key_rotation_days: Option<u32>,
        #[arg(long)]
        unused_days: Option<u32>,
        /// Name the accounts behind each finding in the PDF (yes), or give their lines only (no).
        #[arg(long, value_parser = parse_yes_no)]
        names_in_reports: Option<bool>,
        #[arg(long)]
        json: bool,
    },
}

fn parse_format(text: &str) -> Result<AccountFormat, String> {
    AccountFormat::from_key(text).ok_or_else(|| {
        let keys: Vec<&str> = FORMATS.iter().map(|f| f.key()).collect();
        format!("'{text}' is not a layout; give one of {}", keys.join(", "))
    })
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(format!("'{text}': give yes or no")),
    }
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    match args.action {
        Action::Import {
            file,
            system,
            format,
            map,
            taken,
            dry_run,
            json,
        } => {
            let request = AccountImportRequest {
                file: &file,
                system,
                format,
                mapping: super::register_import::mapping(&map, "Username=account")?,
                taken_on: taken,
                write: !dry_run,
            };
            let done = ws.import_accounts(&id, &request, cx.moment(), data_file::new_id)?;
            if json {
                print_json(&done);
            } else {
                if let Some(format) = done.format {
                    println!(
                        "{} ({}), taken {}",
                        done.system,
                        format.title(),
                        human_date(done.taken_on)
                    );
                }
                for c in &done.columns {
                    match &c.read_as {
                        Some(what) => println!("  {} -> {what}", c.column),
                        None => println!("  {} (not used)", c.column),
                    }
                }
                for note in &done.not_shown {
                    println!("  not shown: {note}");
                }
                for p in &done.problems {
                    let column = if p.column.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", p.column)
                    };
                    println!("line {}: {column}{}", p.line, p.message);
                }
                for f in &done.findings {
                    print_finding(f);
                }
            }
            if !done.problems.is_empty() {
                let hint = if done.format.is_none() {
                    " (name its columns with --map HEADING=FIELD, or give --format)"
                } else {
                    ""
                };
                return Err(Error::Invalid(format!(
                    "{} problem{} in {}; nothing was imported{hint}",
                    done.problems.len(),
                    if done.problems.len() == 1 { "" } else { "s" },
                    file.display()
                )));
            }
            match &done.import_id {
                Some(import) => eprintln!(
                    "imported {} accounts from {} as {import} ({} finding{})",
                    done.accounts,
                    file.display(),
                    done.findings.len(),
                    if done.findings.len() == 1 { "" } else { "s" }
                ),
                None => eprintln!(
                    "{} accounts read, all sound; nothing kept (--dry-run)",
                    done.accounts
                ),
            }
        }
        Action::Findings { json } => {
            let view = ws.accounts_view(&id)?;
            if json {
                print_json(&view);
                return Ok(());
            }
            if view.imports.is_empty() {
                println!(
                    "No account report is imported yet: `accounts {} import FILE` adds one.",
                    args.assessment
                );
                return Ok(());
            }
            if view.review.findings.is_empty() {
                println!("The latest imports raise no finding.");
            }
            for f in &view.review.findings {
                print_finding(f);
            }
            for e in &view.review.evidence {
                println!("Evidence ({}): {}", e.question_id, e.detail);
            }
            for c in &view.claims {
                println!(
                    "Your answer to {} is level {}, more than the export shows: {}",
                    c.question_id, c.level, c.finding
                );
            }
        }
        Action::List { json } => {
            let imports = ws.account_imports(&id)?;
            if json {
                print_json(&imports);
            } else {
                if imports.is_empty() {
                    println!("No account report is imported yet.");
                }
                for i in &imports {
                    println!(
                        "{}  {}  {}  {} accounts  taken {}  sha256 {}{}",
                        i.id,
                        i.system,
                        i.file_name,
                        i.accounts,
                        human_date(i.taken_on),
                        &i.sha256[..12.min(i.sha256.len())],
                        if i.checked { "  (checked)" } else { "" }
                    );
                }
            }
        }
        Action::Remove { import } => {
            let removed = ws.remove_account_import(&id, &import)?;
            eprintln!(
                "removed the {} import of {}",
                removed.system,
                human_date(removed.taken_on)
            );
        }
        Action::Limits {
            key_rotation_days,
            unused_days,
            names_in_reports,
            json,
        } => {
            let mut choices = ws.account_choices(&id)?;
            if key_rotation_days.is_some() || unused_days.is_some() || names_in_reports.is_some() {
                choices = ws.set_account_choices(
                    &id,
                    key_rotation_days.unwrap_or(choices.limits.key_rotation_days),
                    unused_days.unwrap_or(choices.limits.unused_days),
                    names_in_reports.unwrap_or(choices.names_in_reports),
                )?;
            }
            if json {
                print_json(&choices);
            } else {
                let whose = if choices.limits.chosen {
                    "yours"
                } else {
                    "the defaults"
                };
                println!(
                    "Key rotation: {} days; unused accounts and keys: {} days ({whose}). Account names in reports: {}.",
                    choices.limits.key_rotation_days,
                    choices.limits.unused_days,
                    if choices.names_in_reports {
                        "yes"
                    } else {
                        "no, lines only"
                    }
                );
            }
        }
    }
    Ok(())
}

fn print_finding(f: &soc2_readiness::accounts::AccountFinding) {
    let tier = if f.live_exposure {
        "FIX NOW"
    } else {
        "finding"
    };
    println!("[{tier}] {} -> {}", f.summary, f.question_id);
    for a in &f.accounts {
        println!("    line {}, {}: {}", a.line, a.account, a.note);
    }
}
