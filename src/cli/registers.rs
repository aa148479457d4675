//! The register commands (`vendors`, `policies`, `incidents`, `risks`, `people`, `changes`): one grammar over all six, plus policy approval.

use chrono::NaiveDate;
use clap::{Args as ClapArgs, Subcommand};

use soc2_readiness::registers::{
    Change, Entry, Incident, Policy, Query, RegisterRecord, Risk, Vendor,
};
use soc2_readiness::{Error, Workspace, data_file};

use super::Context;
use super::output::print_json;
use super::register_view::{print_entry, print_fields, print_list};

#[derive(ClapArgs)]
pub struct Args {
    /// The assessment whose organisation's register this is (an id or a unique prefix).
    pub assessment: String,
    #[command(subcommand)]
    pub action: Action,
}

#[derive(ClapArgs)]
pub struct PolicyArgs {
    pub assessment: String,
    #[command(subcommand)]
    pub action: PolicyAction,
}

#[derive(Subcommand)]
pub enum PolicyAction {
    #[command(flatten)]
    Common(Action),
    /// Approve a version: it comes into force and joins the policy's kept versions.
    Approve {
        id: String,
        #[arg(long)]
        version: String,
        #[arg(long)]
        by: String,
        /// The day it was approved (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        on: NaiveDate,
    },
}

#[derive(Subcommand)]
pub enum Action {
    /// The working list, entries needing attention first.
    List {
        #[arg(long)]
        json: bool,
        /// Words that must all appear in the entry (any case).
        #[arg(long)]
        search: Option<String>,
        /// FIELD=VALUE; repeat for several (all must hold).
        #[arg(long, value_name = "FIELD=VALUE")]
        filter: Vec<String>,
        /// A field to sort by (see `fields`).
        #[arg(long)]
        sort: Option<String>,
        #[arg(long)]
        desc: bool,
        /// Archived entries too.
        #[arg(long)]
        archived: bool,
        /// Only entries that need attention.
        #[arg(long)]
        attention: bool,
    },
    /// One entry in full.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Add an entry: --FIELD VALUE for each field (see `fields`); prints the new id.
    Add {
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "--FIELD VALUE"
        )]
        fields: Vec<String>,
    },
    /// Change fields of an entry: --FIELD VALUE for each ("" clears an optional field).
    Edit {
        id: String,
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "--FIELD VALUE"
        )]
        fields: Vec<String>,
    },
    /// Add entries from a CSV file another tool exported (an HR system's staff list). Columns
    /// whose heading names a field fill it; --map "Heading=field" names the others. Every bad
    /// row is named by its line and nothing is written unless every row is sound.
    Import {
        file: std::path::PathBuf,
        /// HEADING=FIELD, for a column whose heading is not the field's name (HEADING= leaves the
        /// column out); repeat for several.
        #[arg(long, value_name = "HEADING=FIELD")]
        map: Vec<String>,
        /// Check the file and show what would be added, writing nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Take an entry out of the working list (kept, with its history).
    Archive { id: String },
    /// Bring an archived entry back.
    Restore { id: String },
    /// Delete an entry (asks for --yes); its history is kept.
    Delete {
        id: String,
        #[arg(long)]
        yes: bool,
    },
    /// Every change to the register, or to one entry (a deleted one too).
    History {
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The fields an entry has, which are required, and what each holds.
    Fields,
}

pub fn vendors(cx: &Context, args: Args) -> Result<(), Error> {
    run::<Vendor>(cx, &args.assessment, args.action)
}

pub fn incidents(cx: &Context, args: Args) -> Result<(), Error> {
    run::<Incident>(cx, &args.assessment, args.action)
}

pub fn risks(cx: &Context, args: Args) -> Result<(), Error> {
    run::<Risk>(cx, &args.assessment, args.action)
}

pub fn changes(cx: &Context, args: Args) -> Result<(), Error> {
    run::<Change>(cx, &args.assessment, args.action)
}

pub fn policies(cx: &Context, args: PolicyArgs) -> Result<(), Error> {
    match args.action {
        PolicyAction::Common(action) => run::<Policy>(cx, &args.assessment, action),
        PolicyAction::Approve {
            id,
            version,
            by,
            on,
        } => {
            let mut ws = cx.workspace()?;
            let assessment = ws.resolve(&args.assessment)?;
            let entry = ws.approve_policy(&assessment, &id, &version, &by, on, cx.moment())?;
            println!("approved {} version {}", entry.id, entry.record.version);
            Ok(())
        }
    }
}

pub(super) fn run<T: RegisterRecord>(
    cx: &Context,
    assessment: &str,
    action: Action,
) -> Result<(), Error> {
    if let Action::Fields = action {
        print_fields::<T>();
        return Ok(());
    }
    let mut ws = cx.workspace()?;
    let assessment = ws.resolve(assessment)?;
    let today = cx.today();
    let noun = T::REGISTER.singular();
    match action {
        Action::List {
            json,
            search,
            filter,
            sort,
            desc,
            archived,
            attention,
        } => {
            let query = Query {
                search,
                filters: filter
                    .iter()
                    .map(|f| split_filter(f))
                    .collect::<Result<_, _>>()?,
                sort,
                descending: desc,
                archived,
                attention_only: attention,
            };
            let listed = ws.register_list::<T>(&assessment, &query, today)?;
            if json {
                print_json(&listed);
            } else {
                print_list(&listed);
            }
        }
        Action::Show { id, json } => {
            let listed = ws.register_entry_judged::<T>(&assessment, &id, today)?;
            if json {
                print_json(&listed.entry);
            } else {
                print_entry(&listed);
            }
        }
        Action::Add { fields } => {
            let new_id = data_file::new_id();
            let row = ws.add_entry_from_text(
                &assessment,
                T::REGISTER,
                &new_id,
                &pairs(&fields)?,
                cx.moment(),
            )?;
            println!("{}", row.id);
        }
        Action::Edit { id, fields } => {
            let given = pairs(&fields)?;
            if given.is_empty() {
                return Err(Error::Invalid(format!(
                    "name a field to change, as --FIELD VALUE (run `{} {assessment} fields`)",
                    T::REGISTER.id()
                )));
            }
            let row =
                ws.edit_entry_from_text(&assessment, T::REGISTER, &id, &given, cx.moment())?;
            println!("changed {noun} {}", row.id);
        }
        Action::Archive { id } => {
            let entry = ws.set_entry_archived::<T>(&assessment, &id, true, cx.now)?;
            println!("archived {noun} {}", entry.id);
        }
        Action::Restore { id } => {
            let entry = ws.set_entry_archived::<T>(&assessment, &id, false, cx.now)?;
            println!("restored {noun} {}", entry.id);
        }
        Action::Delete { id, yes } => delete::<T>(&mut ws, &assessment, &id, yes, cx)?,
        Action::History { id, json } => {
            let history = ws.register_history(&assessment, T::REGISTER, id.as_deref())?;
            if json {
                print_json(&history);
            } else {
                for change in history {
                    let label = serde_json::from_value::<Entry<T>>(change.snapshot.clone())
                        .map(|e| e.record.label().to_string())
                        .unwrap_or_default();
                    println!(
                        "{}  {:<8}  {:<12}  {}",
                        change.changed_at.format("%Y-%m-%d %H:%M"),
                        change.action.id(),
                        &change.record_id,
                        label
                    );
                }
            }
        }
        Action::Import {
            file,
            map,
            dry_run,
            json,
        } => {
            super::register_import::run::<T>(cx, &mut ws, &assessment, &file, &map, dry_run, json)?
        }
        Action::Fields => {}
    }
    Ok(())
}

fn delete<T: RegisterRecord>(
    ws: &mut Workspace,
    assessment: &str,
    id: &str,
    yes: bool,
    cx: &Context,
) -> Result<(), Error> {
    let entry = ws.register_entry::<T>(assessment, id)?;
    if !yes {
        return Err(Error::Invalid(format!(
            "deleting {} '{}' takes it out of the register (its history is kept); repeat with --yes to confirm",
            T::REGISTER.singular(),
            entry.record.label()
        )));
    }
    let entry = ws.delete_entry::<T>(assessment, &entry.id, cx.now)?;
    println!("deleted {} {}", T::REGISTER.singular(), entry.id);
    Ok(())
}

/// `--name Acme --next-review 2027-01-01` (or `--name=Acme`) as field and value pairs; a yes/no
/// field given alone means yes.
fn pairs(args: &[String]) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        let Some(name) = arg.strip_prefix("--") else {
            return Err(Error::Invalid(format!(
                "'{arg}' is not a field; give fields as --FIELD VALUE"
            )));
        };
        if let Some((name, value)) = name.split_once('=') {
            out.push((name.to_string(), value.to_string()));
            continue;
        }
        let value = match rest.peek() {
            Some(next) if !next.starts_with("--") => rest.next().cloned().unwrap_or_default(),
            _ => "yes".to_string(),
        };
        out.push((name.to_string(), value));
    }
    Ok(out)
}

fn split_filter(text: &str) -> Result<(String, String), Error> {
    text.split_once('=')
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .ok_or_else(|| Error::Invalid(format!("'{text}' is not a filter; write FIELD=VALUE")))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    soc2_readiness::day::parse_day(text)
}
