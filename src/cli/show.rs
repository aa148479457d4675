//! `show` (an assessment's scope and every answer) and `history` (every change to its answers).

use chrono::NaiveDate;
use serde_json::json;
use soc2_readiness::assessment::describe;
use soc2_readiness::assessment::describe_for;
use soc2_readiness::report::fingerprint;
use soc2_readiness::scope::{decide_scope, question_applies};
use soc2_readiness::upgrade::{is_older, to_confirm};
use soc2_readiness::{Error, Workspace};

use super::Context;
use super::assessments::print_upgrade_notes;
use super::output::print_json;

pub fn run(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    show(&ws, &ws.resolve(assessment)?, json, cx.today())
}

pub fn history(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let history = ws.history(&ws.resolve(assessment)?)?;
    if json {
        print_json(&history);
        return Ok(());
    }
    for entry in history {
        let value = match (&entry.value, &entry.implied_by) {
            (Some(v), Some(base)) => format!("{} (implied by {base})", describe(v)),
            (None, Some(base)) => format!("(open again: no longer implied by {base})"),
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
    Ok(())
}

fn show(ws: &Workspace, id: &str, json: bool, today: NaiveDate) -> Result<(), Error> {
    // As judged today: the answers the quick path implies are shown, marked.
    let record = ws.evaluation(id, today)?;
    // The assessment's own bank: the bundled questions and those of its modules.
    let bank = ws.assessment_bank(id)?;
    let scope = decide_scope(&bank, &record);
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
            "modules": record.modules,
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
    if is_older(&a.bank_version, ws.bank()) {
        println!(
            "Answered on question bank {}; `soc2-readiness upgrade {}` carries the answers to {} (nothing is lost).",
            a.bank_version,
            a.id,
            ws.bank().version
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
        let proposal = d.proposal.label();
        println!(
            "  [{mark}] {:<22} {proposal}: {}",
            d.name, d.proposal_reason
        );
        if let Some(reason) = &d.override_reason {
            println!("        overridden: {reason}");
        }
    }
    for module in &record.modules {
        println!(
            "  module {} {} ({}, sha256 {})",
            module.id,
            module.version,
            module.title,
            &module.sha256[..12]
        );
    }
    for step in &bank.steps {
        println!("\nStep {}: {}", step.number, step.title);
        for q in bank.questions.iter().filter(|q| q.step == step.number) {
            let applies = question_applies(&bank, q, &record, &scope);
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
            match bank.module_of(&q.id) {
                Some(m) => println!(
                    "  {:<34} {}  [module {} {}]",
                    q.id, shown, m.title, m.version
                ),
                None => println!("  {:<34} {}", q.id, shown),
            }
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
