//! `compare` and `trend`: a re-assessment against its baseline or any two assessments, and an organisation's readiness over time.

use soc2_readiness::Error;
use soc2_readiness::compare::{Change, Comparison, GapChange, GapState};
use soc2_readiness::plan::human_date;
use soc2_readiness::workspace::TrendPoint;

use super::Context;
use super::output::{percent, print_json, truncate};

pub fn compare(
    cx: &Context,
    assessment: &str,
    later: Option<&str>,
    json: bool,
) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let first = ws.resolve(assessment)?;
    let (before, after) = match later {
        Some(later) => (first, ws.resolve(later)?),
        None => match ws.baseline_of(&first)? {
            Some(baseline) => (baseline, first),
            None => {
                return Err(Error::Invalid(format!(
                    "{first} has no baseline in this file (it was not started as a re-assessment \
                     here); name both: `soc2-readiness compare EARLIER LATER`"
                )));
            }
        },
    };
    let comparison = ws.compare(&before, &after, cx.today())?;
    if json {
        print_json(&comparison);
    } else {
        print_comparison(&comparison);
    }
    Ok(())
}

pub fn trend(cx: &Context, assessment: &str, json: bool) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let points = ws.trend(&ws.resolve(assessment)?, cx.today())?;
    if json {
        print_json(&points);
    } else {
        print_trend(&points);
    }
    Ok(())
}

/// "+12.5 pts", "-3.0 pts", "±0.0 pts", or "-" without both figures.
fn points(change: &Change) -> String {
    match change.delta() {
        Some(d) if d.abs() < 0.05 => "±0.0 pts".into(),
        Some(d) => format!("{d:+.1} pts"),
        None => "-".into(),
    }
}

fn print_comparison(c: &Comparison) {
    let name = |a: &soc2_readiness::compare::ComparedAssessment| {
        format!("{} of {}", a.id, human_date(a.created_at.date_naive()))
    };
    println!(
        "{}: {} compared with {}",
        c.after.organisation,
        name(&c.after),
        name(&c.before)
    );
    for note in &c.notes {
        println!("Note: {note}");
    }
    println!(
        "\n{:<44} {:>8} {:>8} {:>11}",
        "", "before", "after", "change"
    );
    let rows = [
        ("Readiness (headline)", &c.overall.readiness),
        ("Design (Type I)", &c.overall.design),
        ("Operating (Type II)", &c.overall.operating),
        ("Completion", &c.overall.completion),
    ];
    for (label, change) in rows {
        print_row(label, change);
    }
    println!("\nCategories");
    for category in &c.categories {
        let scope = match (category.in_scope_before, category.in_scope_after) {
            (true, true) => "",
            (false, true) => " (now in scope)",
            (true, false) => " (now out of scope)",
            (false, false) => " (out of scope)",
        };
        print_row(
            &format!("{}{scope}", category.name),
            &category.figures.readiness,
        );
    }
    println!("\nSteps");
    for step in &c.steps {
        print_row(
            &format!("{} {}", step.step, step.title),
            &step.figures.readiness,
        );
    }
    let moved: Vec<_> = c.criteria.iter().filter(|x| x.readiness.moved()).collect();
    println!(
        "\nCriteria that moved ({} of {})",
        moved.len(),
        c.criteria.len()
    );
    for criterion in moved {
        print_row(
            &format!("{} {}", criterion.id, criterion.title),
            &criterion.readiness,
        );
    }
    print_gaps("Gaps closed", &c.gaps_closed);
    print_gaps("New gaps", &c.gaps_new);
    print_gaps("Gaps that got worse", &c.gaps_worse);
    print_gaps("Gaps with progress, still open", &c.gaps_better);
    println!("\nAnswers changed ({})", c.answers_changed.len());
    for a in &c.answers_changed {
        println!(
            "  step {} {}: {} -> {}",
            a.step,
            truncate(&a.question, 60),
            a.before.as_deref().unwrap_or("unanswered"),
            a.after.as_deref().unwrap_or("unanswered")
        );
    }
}

fn print_row(label: &str, change: &Change) {
    println!(
        "{:<44} {:>8} {:>8} {:>11}",
        truncate(label, 44),
        percent(change.before),
        percent(change.after),
        points(change)
    );
}

fn print_gaps(heading: &str, gaps: &[GapChange]) {
    println!("\n{heading} ({})", gaps.len());
    let level = |s: &Option<GapState>| match s {
        Some(GapState {
            level: Some(l),
            priority,
            ..
        }) => format!("level {l}, {}", priority.label()),
        Some(GapState { priority, .. }) => format!("unanswered, {}", priority.label()),
        None => "closed".into(),
    };
    for g in gaps {
        println!(
            "  {:<34} {:<40} {} -> {}",
            g.question_id,
            truncate(&g.title, 40),
            g.before
                .as_ref()
                .map_or("no gap".into(), |_| level(&g.before)),
            level(&g.after)
        );
    }
}

fn print_trend(points: &[TrendPoint]) {
    let Some(last) = points.last() else { return };
    println!(
        "{}: {} assessment(s), oldest first",
        last.organisation,
        points.len()
    );
    let mut previous: Option<f64> = None;
    for p in points {
        let bar = p
            .readiness
            .map_or(String::new(), |r| "#".repeat((r / 5.0).round() as usize));
        let since = points_since(previous, p.readiness);
        println!(
            "  {:<12} {:<12} {:>7} {:>11}  {bar}{}",
            human_date(p.created_at.date_naive()),
            truncate(&p.id, 12),
            percent(p.readiness),
            since,
            if p.archived { "  (archived)" } else { "" }
        );
        previous = p.readiness.or(previous);
    }
}

fn points_since(previous: Option<f64>, now: Option<f64>) -> String {
    points(&Change::of(previous, now))
}
