//! `gaps` (the gap register, roadmap and plan) and `plan` (the dated path alone).

use serde_json::json;
use soc2_readiness::Error;
use soc2_readiness::gaps::{Gap, roadmap};
use soc2_readiness::plan::Plan;

use super::Context;
use super::output::{print_json, truncate};

pub fn gaps(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let analysis = ws.analysis(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&json!({
            "report_type": analysis.scorecard.report_type,
            "target_level": analysis.scorecard.target_level,
            "gaps": analysis.gaps,
            // The engine's own choice, as the app and the PDF show it: implied gaps are
            // represented by their foundation.
            "top": analysis.top,
            // The weakest scored criterion of each category in scope, its own list.
            "weakest": analysis.weakest,
            "roadmap": roadmap(&analysis.gaps),
            "plan": analysis.plan,
        }));
    } else {
        print_gaps(&analysis.gaps);
        if !analysis.weakest.is_empty() {
            println!("\nWeakest criterion in each category in scope:");
            for id in &analysis.weakest {
                if let Some(c) = analysis.scorecard.criteria.iter().find(|c| &c.id == id) {
                    let figure = c.readiness.map_or("-".to_string(), |r| format!("{r:.1}%"));
                    println!("  {:<20} {} {}: {figure}", c.category.name(), c.id, c.title);
                }
            }
        }
        println!();
        print_plan(&analysis.plan);
    }
    Ok(())
}

pub fn plan(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let analysis = ws.analysis(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&analysis.plan);
    } else {
        print_plan(&analysis.plan);
    }
    Ok(())
}

fn print_plan(plan: &Plan) {
    println!("{}", plan.verdict);
    if !plan.decided_by.is_empty() {
        println!("\nWhat decides this:");
        for line in &plan.decided_by {
            println!("  - {line}");
        }
    }
    println!();
    for m in &plan.milestones {
        println!("  {}  {}", m.date, m.label);
    }
    if !plan.options.is_empty() {
        println!("\nOptions:");
        for option in &plan.options {
            let when = match (option.report_date, option.meets_target) {
                (Some(date), Some(true)) => format!(" (report {date}, meets the target)"),
                (Some(date), Some(false)) => format!(" (report {date}, still late)"),
                (Some(date), None) => format!(" (report {date})"),
                (None, _) => String::new(),
            };
            println!("  - {}{when}: {}", option.title, option.detail);
        }
    }
    if !plan.due_in_window.is_empty() {
        println!("\nMust run inside the observation period (not yet operating with evidence):");
        for title in &plan.due_in_window {
            println!("  - {title}");
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
                if gap.not_covered.is_empty() {
                    println!("      Exception: {exception}");
                } else {
                    println!(
                        "      Exception ({} not covered): {exception}",
                        soc2_readiness::assessment::Coverage::words(&gap.not_covered)
                    );
                }
            }
            for finding in &gap.findings {
                println!("      Records show: {}", finding.detail);
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
