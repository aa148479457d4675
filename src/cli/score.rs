//! `score`: readiness per criterion, category, step and overall.

use soc2_readiness::Error;
use soc2_readiness::scoring::{CriterionStatus, Scorecard};

use super::Context;
use super::output::{percent, print_json, truncate};

pub fn run(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let (record, scorecard) = ws.scorecard(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&scorecard);
    } else {
        print_score(&record.assessment.organisation, &scorecard);
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
