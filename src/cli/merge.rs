//! `merge`: a workshop copy of an assessment (its exported JSON) merged back into it, answer by answer.

use std::path::PathBuf;

use soc2_readiness::Error;
use soc2_readiness::assessment::Answer;
use soc2_readiness::merge::{MergeChoices, MergePlan, Outcome, QuestionMerge, ScopeMerge, Side};
use soc2_readiness::workspace::merge::WorkshopCopy;

use super::Context;
use super::output::{print_json, truncate};

/// Merge a workshop copy (exported JSON) into an assessment; you choose where both changed an answer.
#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    file: PathBuf,
    /// Settle one conflict, QUESTION=mine or QUESTION=theirs (scope:CATEGORY for a scope
    /// decision); repeat for several.
    #[arg(long, value_name = "QUESTION=mine|theirs")]
    choose: Vec<String>,
    /// Settle every conflict not chosen one by one.
    #[arg(long, value_name = "mine|theirs", value_parser = parse_side)]
    all: Option<Side>,
    /// Show what the merge would do and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Merge even though the two copies share no answer history.
    #[arg(long)]
    unrelated: bool,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    passphrase: super::passphrase::Source,
}

fn parse_side(text: &str) -> Result<Side, String> {
    Side::parse(text).ok_or_else(|| format!("'{text}' is not mine or theirs"))
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let copy = WorkshopCopy::from_json(args.passphrase.read_export(&args.file)?);
    let choices = MergeChoices {
        chosen: args
            .choose
            .iter()
            .map(|given| choice(given))
            .collect::<Result<_, _>>()?,
        all: args.all,
        unrelated: args.unrelated,
    };
    let plan = ws.preview_merge(&id, &copy, args.unrelated)?;
    let open: Vec<String> = plan
        .conflicts()
        .into_iter()
        .filter(|c| choices.all.is_none() && !choices.chosen.contains_key(c))
        .collect();
    if args.json && (args.dry_run || !open.is_empty()) {
        print_json(&plan);
    } else if !args.json {
        print_plan(&plan);
        if !open.is_empty() {
            print_how_to_choose(&id, &args.file, &open);
        }
    }
    if args.dry_run {
        return Ok(());
    }
    let outcome = ws.merge(&id, &copy, &choices, cx.now)?;
    if args.json {
        print_json(&outcome);
    } else if outcome.answers_taken + outcome.scope_taken + outcome.history_added == 0 {
        println!("nothing to merge: {id} already holds everything in the file");
    } else {
        println!(
            "merged into {id}: {} answer{} and {} scope decision{} taken from the file, {} history row{} added",
            outcome.answers_taken,
            plural(outcome.answers_taken),
            outcome.scope_taken,
            plural(outcome.scope_taken),
            outcome.history_added,
            plural(outcome.history_added),
        );
        if let Some(backup) = outcome.backup {
            println!("the data file as it was is backed up to {backup}");
        }
    }
    Ok(())
}

fn choice(given: &str) -> Result<(String, Side), Error> {
    let refused = || {
        Error::Invalid(format!(
            "--choose '{given}' is not QUESTION=mine or QUESTION=theirs"
        ))
    };
    let (key, side) = given.split_once('=').ok_or_else(refused)?;
    let side = Side::parse(side).ok_or_else(refused)?;
    Ok((key.trim().to_string(), side))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn print_plan(plan: &MergePlan) {
    if !plan.shared_history {
        println!("The copies share no answer history: every answer counts as changed.");
    }
    let with = |outcome| -> Vec<&QuestionMerge> {
        let wanted = |q: &&QuestionMerge| q.outcome == outcome;
        plan.questions.iter().filter(wanted).collect()
    };
    let sections = [
        (
            Outcome::TakeTheirs,
            "Taken from the file (changed only there)",
        ),
        (
            Outcome::KeepMine,
            "Kept from this assessment (changed only here)",
        ),
        (Outcome::Same, "Changed alike in both"),
    ];
    for (outcome, title) in sections {
        let questions = with(outcome);
        if questions.is_empty() {
            continue;
        }
        println!("{title}: {}", questions.len());
        for q in questions {
            let now = match outcome {
                Outcome::KeepMine => &q.mine.words,
                _ => &q.theirs.words,
            };
            println!(
                "  {:<34} {}  (was {})",
                q.question_id,
                truncate(now, 40),
                truncate(&q.base, 30)
            );
        }
    }
    for s in &plan.scope {
        let (from, decision) = match s.outcome {
            Outcome::TakeTheirs => ("taken from the file", &s.theirs),
            Outcome::KeepMine => ("kept from this assessment", &s.mine),
            Outcome::Same | Outcome::Conflict => continue,
        };
        println!(
            "Scope of {}: {} ({from})",
            s.category.id(),
            scope_words(decision)
        );
    }
    if !plan.history_to_add.is_empty() {
        println!(
            "History: {} entr{} from the file to add",
            plan.history_to_add.len(),
            if plan.history_to_add.len() == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    if !plan.unknown_questions.is_empty() {
        println!(
            "Not in this question bank, left as they are: {}",
            plan.unknown_questions.join(", ")
        );
    }
    let conflicts: Vec<&QuestionMerge> = with(Outcome::Conflict);
    let scope_conflicts: Vec<&ScopeMerge> = plan
        .scope
        .iter()
        .filter(|s| s.outcome == Outcome::Conflict)
        .collect();
    let count = conflicts.len() + scope_conflicts.len();
    if count == 0 {
        return;
    }
    println!(
        "\nConflicts: {count} (changed differently in both; the last answer both agreed on is shown as 'was')"
    );
    for q in conflicts {
        println!("\n  {}  (was {})", q.question_id, truncate(&q.base, 40));
        side_by_side("", "mine (this assessment)", "theirs (the file)");
        let rows = rows(q.mine.answer.as_ref(), &q.mine.words)
            .into_iter()
            .zip(rows(q.theirs.answer.as_ref(), &q.theirs.words));
        for ((label, mine), (_, theirs)) in rows {
            if !(mine.is_empty() && theirs.is_empty()) {
                side_by_side(label, &mine, &theirs);
            }
        }
    }
    for s in scope_conflicts {
        println!("\n  {}", s.key);
        side_by_side("", "mine (this assessment)", "theirs (the file)");
        side_by_side("decision", &scope_words(&s.mine), &scope_words(&s.theirs));
    }
}

/// An answer's parts in the order a person reads them, empty where unset.
fn rows(answer: Option<&Answer>, words: &str) -> [(&'static str, String); 7] {
    let text = |f: fn(&Answer) -> Option<String>| answer.and_then(f).unwrap_or_default();
    [
        ("answer", words.to_string()),
        ("note", text(|a| a.note.clone())),
        ("owner", text(|a| a.owner.clone())),
        ("due", text(|a| a.due.map(|d| d.to_string()))),
        (
            "evidence",
            text(|a| (!a.evidence.is_empty()).then(|| a.evidence.join("; "))),
        ),
        ("exception", text(|a| a.exception.clone())),
        (
            "answered",
            text(|a| Some(a.updated_at.format("%Y-%m-%d %H:%M UTC").to_string())),
        ),
    ]
}

fn side_by_side(label: &str, mine: &str, theirs: &str) {
    println!(
        "    {:<10} {:<38} {}",
        label,
        truncate(mine, 38),
        truncate(theirs, 38)
    );
}

fn scope_words(decision: &Option<soc2_readiness::assessment::ScopeOverride>) -> String {
    match decision {
        None => "as proposed".to_string(),
        Some(d) if d.in_scope => format!("in: {}", d.reason),
        Some(d) => format!("out: {}", d.reason),
    }
}

fn print_how_to_choose(id: &str, file: &std::path::Path, open: &[String]) {
    let first = &open[0];
    println!(
        "\nTo choose, run again with --choose QUESTION=mine|theirs for each conflict, or --all mine|theirs:\n  soc2-readiness merge {id} {} --choose {first}=mine",
        file.display()
    );
}
