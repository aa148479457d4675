//! Commands over whole assessments: `new`, `list`, `rename`, `duplicate`, `delete`, `upgrade`, `depth`.

use soc2_readiness::assessment::{Depth, ReportType};
use soc2_readiness::upgrade::UpgradeNote;
use soc2_readiness::{Error, Workspace, data_file};

use super::Context;
use super::output::{percent, print_json, truncate};

pub fn new(
    cx: &Context,
    organisation: &str,
    report_type: ReportType,
    depth: Depth,
    modules: &[String],
) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let assessment = ws.create_assessment_with(
        &data_file::new_id(),
        organisation,
        report_type,
        depth,
        modules,
        cx.now,
    )?;
    println!("{}", assessment.id);
    Ok(())
}

pub fn list(cx: &Context, json: bool) -> Result<(), Error> {
    print_list(&cx.workspace()?, json, cx.today())
}

pub fn rename(cx: &Context, assessment: &str, organisation: &str) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    ws.rename(&id, organisation, cx.now)?;
    println!("renamed {id}");
    Ok(())
}

pub fn duplicate(cx: &Context, assessment: &str, organisation: Option<&str>) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    let copy = ws.duplicate(&id, &data_file::new_id(), organisation, cx.now)?;
    println!("{}", copy.id);
    Ok(())
}

pub fn delete(cx: &Context, assessment: &str, yes: bool) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    if !yes {
        return Err(Error::Invalid(format!(
            "deleting {id} removes every answer and its history; repeat with --yes to confirm"
        )));
    }
    ws.delete(&id)?;
    println!("deleted {id}");
    Ok(())
}

pub fn upgrade(cx: &Context, assessment: &str) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    match ws.upgrade(&id, cx.now)? {
        None => println!("{id} is already on question bank {}", ws.bank().version),
        Some(upgrade) => {
            println!(
                "{id}: carried from question bank {} to {}",
                upgrade.from_version, upgrade.to_version
            );
            print_upgrade_notes(&upgrade.notes);
        }
    }
    Ok(())
}

pub fn depth(cx: &Context, assessment: &str, depth: Depth) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    ws.set_depth(&id, depth, cx.now)?;
    let record = ws.evaluation(&id, cx.today())?;
    println!(
        "{}: {} ({} answers implied by missing foundations)",
        record.assessment.organisation,
        depth.label(),
        record.implied.len()
    );
    Ok(())
}

fn print_list(ws: &Workspace, json: bool, today: chrono::NaiveDate) -> Result<(), Error> {
    let summaries = ws.summaries(today)?;
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

pub fn print_upgrade_notes(notes: &[UpgradeNote]) {
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
