//! `calendar`, `adopt`, `check`, `void`, `checks`, `observation`: the control calendar and check log.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use soc2_readiness::calendar::{CheckResult, DueStatus, OccurrenceStatus, Population, SampledItem};
use soc2_readiness::catalog::Frequency;
use soc2_readiness::workspace::{AdoptRequest, CheckRequest, VoidRequest};
use soc2_readiness::{Error, data_file};

use super::Context;
use super::command::parse_date;
use super::output::print_json;

#[derive(Args)]
pub struct AdoptArgs {
    assessment: String,
    /// The recurring control's id, as `calendar` lists it (access-review).
    control: String,
    /// weekly, monthly, quarterly, half-yearly or yearly (default: the bank's proposal).
    #[arg(long, value_parser = parse_frequency)]
    frequency: Option<Frequency>,
    #[arg(long)]
    owner: String,
    /// The first due date; later ones step from it.
    #[arg(long, value_parser = parse_date)]
    start: NaiveDate,
}

#[derive(Args)]
pub struct CheckArgs {
    assessment: String,
    control: String,
    /// The day the check ran (not in the future).
    #[arg(long, value_parser = parse_date)]
    date: NaiveDate,
    /// pass, fail or not-run.
    #[arg(long, value_parser = parse_result)]
    result: CheckResult,
    /// What was found, or why it did not run (required unless it passed).
    #[arg(long, default_value = "")]
    reason: String,
    /// Who ran it.
    #[arg(long)]
    by: String,
    /// A reference to the evidence (a ticket, a folder, a link).
    #[arg(long)]
    evidence: Option<String>,
    /// A file to keep inside the data file as evidence (10 MiB at most).
    #[arg(long)]
    file: Option<PathBuf>,
    /// The sampled item this test is of, as POPULATION:ID (`samples` lists them:
    /// hires:3f2a, leavers:..., new-vendors:...); the control is the population's.
    #[arg(long, value_name = "POPULATION:ID", value_parser = parse_sample)]
    sample: Option<SampledItem>,
}

fn parse_sample(text: &str) -> Result<SampledItem, String> {
    let (population, item) = text
        .split_once(':')
        .ok_or("give POPULATION:ID, such as leavers:3f2a")?;
    let population = Population::parse(population).ok_or_else(|| {
        let names: Vec<&str> = Population::ALL.iter().map(|p| p.id()).collect();
        format!("'{population}' is not a population: {}", names.join(", "))
    })?;
    Ok(SampledItem {
        population,
        item_id: item.trim().to_string(),
        label: String::new(),
    })
}

#[derive(Args)]
pub struct VoidArgs {
    assessment: String,
    /// The id of the entry to withdraw, as `checks` lists it.
    check: String,
    #[arg(long)]
    reason: String,
    #[arg(long)]
    by: String,
}

pub fn show(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let calendar = ws.calendar(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&calendar);
        return Ok(());
    }
    println!("{} overdue, {} due soon", calendar.overdue, calendar.due);
    for row in &calendar.controls {
        let status = match row.status {
            DueStatus::Overdue => "OVERDUE",
            DueStatus::Due => "due",
            DueStatus::Upcoming => "",
            DueStatus::Archived => "archived",
        };
        let last = row.last_check.as_ref().map_or("never".to_string(), |c| {
            format!("{} {}", c.performed_on, c.result.label())
        });
        println!(
            "{:<20} {:<11} next {}  {:<8} last {:<18} owner {}",
            row.control.control_id,
            row.control.frequency.id(),
            row.next_due,
            status,
            last,
            row.control.owner
        );
    }
    if !calendar.proposed.is_empty() {
        println!("\nProposed (adopt with `adopt ASSESSMENT CONTROL --owner NAME --start DATE`):");
        for t in &calendar.proposed {
            println!("{:<20} {:<11} {}", t.id, t.frequency.id(), t.title);
        }
    }
    Ok(())
}

pub fn adopt(cx: &Context, args: AdoptArgs) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let frequency = match args.frequency {
        Some(f) => f,
        None => soc2_readiness::calendar::template(ws.bank(), &args.control)
            .map(|t| t.frequency)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "control: '{}' is not a recurring control the bank proposes",
                    args.control
                ))
            })?,
    };
    let request = AdoptRequest {
        control_id: args.control,
        frequency,
        owner: args.owner,
        first_due: args.start,
    };
    let control = ws.adopt_control(&id, &request, cx.now)?;
    println!(
        "Adopted {} ({}), first due {}",
        control.control_id,
        control.frequency.id(),
        control.first_due
    );
    Ok(())
}

pub fn check(cx: &Context, args: CheckArgs) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let request = CheckRequest {
        control_id: args.control,
        performed_on: args.date,
        result: args.result,
        reason: args.reason,
        performed_by: args.by,
        evidence: args.evidence,
        file: args.file,
        sample: args.sample,
    };
    let entry = ws.record_check(&id, &data_file::new_id(), &request, cx.today(), cx.now)?;
    let tested = entry.sample.as_ref().map_or(String::new(), |s| {
        format!(" (sampled {} {})", s.population.singular(), s.label)
    });
    println!(
        "Recorded {}: {}{tested} {} on {}",
        entry.id,
        entry.control_id,
        entry.result.label(),
        entry.performed_on
    );
    if let Some(file) = &entry.file {
        println!(
            "Kept {} ({} bytes, sha256 {})",
            file.name, file.size, file.sha256
        );
    }
    Ok(())
}

pub fn retire(cx: &Context, assessment: &str, control: &str) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    ws.archive_control(&id, control)?;
    println!("Retired {control}: no run is expected any more; its checks stay in the log");
    Ok(())
}

pub fn void(cx: &Context, args: VoidArgs) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let entry = ws.void_check(
        &id,
        &data_file::new_id(),
        &VoidRequest {
            check_id: args.check.clone(),
            reason: args.reason,
            performed_by: args.by,
        },
        cx.today(),
        cx.now,
    )?;
    println!("Voided {} ({})", args.check, entry.reason);
    Ok(())
}

pub fn checks(
    cx: &Context,
    assessment: &str,
    control: Option<&str>,
    json: bool,
) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let mut log = ws.check_log(&ws.resolve(assessment)?)?;
    if let Some(control) = control {
        log.checks.retain(|c| c.control_id == control);
    }
    log.checks.sort_by_key(|c| (c.performed_on, c.recorded_at));
    if json {
        print_json(&log.checks);
        return Ok(());
    }
    for c in &log.checks {
        let voids = c
            .voids
            .as_deref()
            .map(|v| format!(" voids {v}"))
            .unwrap_or_default();
        let evidence = c
            .file
            .as_ref()
            .map(|f| f.name.clone())
            .or_else(|| c.evidence.clone())
            .unwrap_or_default();
        println!(
            "{} {} {:<20} {:<7} by {:<12} {}{} {}",
            c.id,
            c.performed_on,
            c.control_id,
            c.result.id(),
            c.performed_by,
            c.reason,
            voids,
            evidence
        );
    }
    Ok(())
}

pub fn observation(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let observed = ws.observation(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&observed);
        return Ok(());
    }
    if let Some(w) = observed.window {
        println!(
            "Observation period {} to {} ({} months)",
            w.start, w.end, w.months
        );
    }
    if !observed.note.is_empty() {
        println!("{}", observed.note);
    }
    for control in &observed.controls {
        let cells: String = control
            .occurrences
            .iter()
            .map(|o| match o.status {
                OccurrenceStatus::Passed => '+',
                OccurrenceStatus::Failed => 'X',
                OccurrenceStatus::Missed => '!',
                OccurrenceStatus::NotYetDue => '.',
            })
            .collect();
        println!(
            "{:<20} [{cells}] passed {} failed {} missed {} to come {}",
            control.control_id, control.passed, control.failed, control.missed, control.not_yet_due
        );
    }
    println!(
        "{} exceptions (+ passed, X failed, ! missed, . not yet due)",
        observed.exceptions
    );
    Ok(())
}

fn parse_frequency(text: &str) -> Result<Frequency, String> {
    Frequency::parse(text).ok_or_else(|| {
        format!(
            "'{text}' is not a frequency; use weekly, monthly, quarterly, half-yearly or yearly"
        )
    })
}

fn parse_result(text: &str) -> Result<CheckResult, String> {
    match CheckResult::parse(text) {
        Some(CheckResult::Void) | None => Err(format!(
            "'{text}' is not a result; use pass, fail or not-run"
        )),
        Some(result) => Ok(result),
    }
}
