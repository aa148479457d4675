//! The `soc2-readiness` command line: argument parsing and dispatch; each command is a few lines over the workspace.

mod accounts;
mod answers;
mod assessments;
mod bank;
mod binder;
mod calendar;
mod command;
mod compare;
mod description;
mod files;
mod gaps;
mod merge;
mod modules;
mod output;
mod passphrase;
mod people;
mod register_import;
mod register_view;
mod registers;
mod report;
mod samples;
mod score;
mod settings;
mod show;
mod spreadsheet;
mod trust;
mod what_if;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Parser;

use soc2_readiness::clock::Moment;
use soc2_readiness::{Error, ErrorKind, Workspace, data_file};
use zeroize::Zeroizing;

use command::{BankAction, Command, ModuleAction};

#[derive(Parser)]
#[command(
    name = "soc2-readiness",
    version,
    about = "Offline SOC 2 readiness self-assessment: answer, score, find the gaps."
)]
pub struct Cli {
    /// The data file (default: the one last chosen in the app, else the platform data directory).
    #[arg(long, global = true, env = "SOC2_READINESS_DB", value_name = "FILE")]
    db: Option<PathBuf>,
    /// Read the data file's passphrase, when it is protected, from the first line of FILE (else
    /// from SOC2_DB_PASSPHRASE, else it is asked for without echo on a terminal).
    #[arg(long, global = true, value_name = "FILE")]
    db_passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// What every command gets: the data file it names (or `None` when no home directory was
/// found) and the time, read once: the instant and the user's day from the same reading.
pub struct Context {
    pub db: Option<PathBuf>,
    pub db_passphrase_file: Option<PathBuf>,
    pub now: DateTime<Utc>,
    today: chrono::NaiveDate,
}

impl Context {
    pub fn data_file(&self) -> Result<PathBuf, Error> {
        data_file::locate(self.db.clone())
    }

    /// The user's calendar day, which due dates and the observation period are measured on.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
    }

    /// The instant and the user's day together, for what records a change and checks a date.
    pub fn moment(&self) -> Moment {
        Moment::new(self.now, self.today)
    }

    pub fn workspace(&self) -> Result<Workspace, Error> {
        Ok(self.workspace_and_passphrase()?.0)
    }

    /// The workspace, and the passphrase it was opened with when the data file is protected
    /// (asked for once, then kept for a command that needs it again).
    pub fn workspace_and_passphrase(
        &self,
    ) -> Result<(Workspace, Option<Zeroizing<String>>), Error> {
        let data_file = self.data_file()?;
        let passphrase = if data_file::is_protected(&data_file) {
            self.data_file_passphrase(&data_file)?
        } else {
            None
        };
        let ws = Workspace::open_with_passphrase(
            &data_file,
            passphrase.as_deref().map(|p| p.as_str()),
            self.now,
        )?;
        Ok((ws, passphrase))
    }

    /// The passphrase of the protected file `path` (the data file or one of its backups);
    /// `None` when there is nowhere to take it from, which opening then refuses by name.
    pub fn data_file_passphrase(&self, path: &Path) -> Result<Option<Zeroizing<String>>, Error> {
        passphrase::take(
            self.db_passphrase_file.as_deref(),
            passphrase::DB_ENV,
            &format!("Passphrase of {}: ", path.display()),
            false,
        )
    }
}

pub fn main() -> ExitCode {
    // Piping into `head` should end the program quietly, as other command-line tools do.
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to the default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let moment = Moment::read();
    let context = Context {
        db: cli.db,
        db_passphrase_file: cli.db_passphrase_file,
        now: moment.now,
        today: moment.today,
    };
    match run(cli.command, &context) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let e = match context.data_file() {
                Ok(path) => e.in_file(&path),
                Err(_) => e,
            };
            match e.kind() {
                ErrorKind::NotFound if matches!(e, Error::UnknownEntry { .. }) => {
                    eprintln!("error: {e} (run its register's `list --archived` to see the ids)")
                }
                ErrorKind::NotFound => {
                    eprintln!("error: {e} (run `soc2-readiness list` to see the ids)")
                }
                ErrorKind::NeedsPassphrase if matches!(e, Error::Store(_)) => {
                    eprintln!(
                        "error: {e} (with --db-passphrase-file FILE or {})",
                        passphrase::DB_ENV
                    )
                }
                ErrorKind::NeedsPassphrase => {
                    eprintln!("error: {e} (with --passphrase-file FILE or SOC2_PASSPHRASE)")
                }
                _ => eprintln!("error: {e}"),
            }
            ExitCode::from(1)
        }
    }
}

fn run(command: Command, cx: &Context) -> Result<(), Error> {
    match command {
        Command::Calendar { assessment, json } => calendar::show(cx, &assessment, json),
        Command::Adopt(args) => calendar::adopt(cx, args),
        Command::Check(args) => calendar::check(cx, args),
        Command::Void(args) => calendar::void(cx, args),
        Command::Retire {
            assessment,
            control,
        } => calendar::retire(cx, &assessment, &control),
        Command::Checks {
            assessment,
            control,
            json,
        } => calendar::checks(cx, &assessment, control.as_deref(), json),
        Command::Observation { assessment, json } => calendar::observation(cx, &assessment, json),
        Command::Binder(args) => binder::run(cx, args),
        Command::Samples(args) => samples::run(cx, args),
        Command::Description(args) => description::run(cx, args),
        Command::Bank { json, action } => bank::run(json, action),
        Command::New {
            organisation,
            report_type,
            depth,
            modules,
        } => assessments::new(cx, &organisation, report_type, depth, &modules),
        Command::Module { action } => modules::run(cx, action),
        Command::Upgrade { assessment } => assessments::upgrade(cx, &assessment),
        Command::Depth { assessment, depth } => assessments::depth(cx, &assessment, depth),
        Command::List { json } => assessments::list(cx, json),
        Command::Answer {
            assessment,
            question,
            value,
            note,
            owner,
            due,
            evidence,
            exception,
            live,
            repeat,
            not_covered,
        } => answers::answer(
            cx,
            &assessment,
            &question,
            &value,
            answers::Details {
                note,
                owner,
                due,
                evidence,
                exception,
                live_exposure: live,
                repeat_finding: repeat,
                not_covered: not_covered.map(|list| list.0),
            },
        ),
        Command::Unanswer {
            assessment,
            question,
        } => answers::unanswer(cx, &assessment, &question),
        Command::Scope {
            assessment,
            category,
            decision,
            reason,
        } => answers::scope(cx, &assessment, &category, decision, &reason),
        Command::Show { assessment, json } => show::run(cx, &assessment, json),
        Command::Score { assessment, json } => score::run(cx, &assessment, json),
        Command::Gaps { assessment, json } => gaps::gaps(cx, &assessment, json),
        Command::Plan { assessment, json } => gaps::plan(cx, &assessment, json),
        Command::WhatIf(args) => what_if::run(cx, args),
        Command::History { assessment, json } => show::history(cx, &assessment, json),
        Command::Rename {
            assessment,
            organisation,
        } => assessments::rename(cx, &assessment, &organisation),
        Command::Duplicate {
            assessment,
            organisation,
        } => assessments::duplicate(cx, &assessment, organisation.as_deref()),
        Command::Compare {
            assessment,
            later,
            json,
        } => compare::compare(cx, &assessment, later.as_deref(), json),
        Command::Trend { assessment, json } => compare::trend(cx, &assessment, json),
        Command::Delete { assessment, yes } => assessments::delete(cx, &assessment, yes),
        Command::Report(args) => report::run(cx, args),
        Command::Spreadsheet(args) => spreadsheet::run(cx, args),
        Command::Trust(args) => trust::run(cx, args),
        Command::Settings {
            assessor_name,
            assessor_organisation,
            page_size,
            logo,
            no_logo,
            json,
        } => settings::run(
            cx,
            soc2_readiness::workspace::SettingsChange {
                assessor_name,
                assessor_organisation,
                page_size,
            },
            logo.as_deref(),
            no_logo,
            json,
        ),
        Command::Backups { json } => files::backups(cx, json),
        Command::Backup => files::backup(cx),
        Command::Restore { backup, yes } => files::restore(cx, &backup, yes),
        Command::Protect => files::protect(cx),
        Command::Unprotect => files::unprotect(cx),
        Command::ChangePassphrase(args) => files::change_passphrase(cx, args),
        Command::Export(args) => files::export(cx, args),
        Command::Import(args) => files::import(cx, args),
        Command::Merge(args) => merge::run(cx, args),
        Command::Vendors(args) => registers::vendors(cx, args),
        Command::Policies(args) => registers::policies(cx, args),
        Command::Incidents(args) => registers::incidents(cx, args),
        Command::Risks(args) => registers::risks(cx, args),
        Command::Changes(args) => registers::changes(cx, args),
        Command::People(args) => people::people(cx, args),
        Command::Accounts(args) => accounts::run(cx, args),
    }
}
