//! `what-if`: readiness and plan dates with chosen gaps closed, the assessment left as it is.

use serde_json::json;
use soc2_readiness::Error;
use soc2_readiness::compare::Change;
use soc2_readiness::gaps::{Horizon, Priority};
use soc2_readiness::plan::Plan;
use soc2_readiness::what_if::{Projection, Selection};

use super::Context;
use super::output::{percent, print_json};

/// The gaps to assume closed; at least one of the three is needed.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("selection").required(true).multiple(true)))]
pub struct Args {
    assessment: String,
    /// Gap ids (their question ids, as `gaps` lists them), comma-separated or repeated.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "GAP,GAP",
        group = "selection"
    )]
    close: Vec<String>,
    /// Every High gap.
    #[arg(long, group = "selection")]
    all_high: bool,
    /// Every gap on the roadmap's Now column (the same gaps as --all-high).
    #[arg(long, group = "selection")]
    all_now: bool,
    #[arg(long)]
    json: bool,
}

/// The selection the flags describe, for `report --what-if` too.
pub fn selection(close: Vec<String>, all_high: bool, all_now: bool) -> Selection {
    Selection {
        // A trailing comma ("a,b,") names no gap rather than an empty one.
        gaps: close
            .iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect(),
        priorities: if all_high {
            vec![Priority::FixNow, Priority::High]
        } else {
            Vec::new()
        },
        horizons: if all_now {
            vec![Horizon::Now]
        } else {
            Vec::new()
        },
    }
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let selection = selection(args.close, args.all_high, args.all_now);
    let projection = ws.what_if(&id, &selection, cx.today())?;
    if args.json {
        print_json(&contract(&id, &projection));
    } else {
        print_projection(&projection);
    }
    Ok(())
}

/// The `--json` contract: ids and figures, plans whole; the full gaps are in `gaps --json`.
fn contract(id: &str, p: &Projection) -> serde_json::Value {
    let ids = |gaps: &[soc2_readiness::gaps::Gap]| -> Vec<String> {
        gaps.iter().map(|g| g.question_id.clone()).collect()
    };
    json!({
        "assessment": id,
        "today": p.today,
        "report_type": p.report_type,
        "selection": p.selection,
        "closed": ids(&p.closed),
        "readiness": {
            "overall": p.overall,
            "design": p.design,
            "operating": p.operating,
            "categories": p.categories,
            "criteria": p.criteria,
        },
        "gaps": {
            "before": p.gaps_before,
            "closed": p.closed.len(),
            "after": p.remaining.len(),
        },
        "remaining": ids(&p.remaining),
        "top_remaining": p.top_remaining,
        "plan": { "before": p.plan_before, "after": p.plan_after },
    })
}

fn shift(s: Change) -> String {
    format!("{} -> {}", percent(s.before), percent(s.after))
}

fn print_projection(p: &Projection) {
    println!(
        "Closing {} of {} gaps (the assessment is not changed):",
        p.closed.len(),
        p.gaps_before
    );
    println!(
        "\nReadiness ({}), now -> projected: {}",
        p.report_type.label(),
        shift(p.overall)
    );
    for c in &p.categories {
        println!("  {:<22} {}", c.name, shift(c.readiness));
    }
    println!(
        "  design {}, operating {}",
        shift(p.design),
        shift(p.operating)
    );
    println!("\nPlan, now -> projected:");
    print_dates(&p.plan_before, &p.plan_after);
    println!("  {}", p.plan_after.verdict);
    let top: Vec<_> = p
        .top_remaining
        .iter()
        .filter_map(|id| p.remaining.iter().find(|g| &g.question_id == id))
        .collect();
    if top.is_empty() {
        println!("\nNo gaps would remain.");
        return;
    }
    println!(
        "\nTop remaining gaps ({} of {} left):",
        top.len(),
        p.remaining.len()
    );
    for gap in top {
        println!(
            "  [{}] {} ({})",
            gap.priority.label(),
            gap.title,
            gap.question_id
        );
    }
}

fn print_dates(before: &Plan, after: &Plan) {
    println!(
        "  remediation done   {} -> {} ({} -> {} weeks)",
        before.remediation_end,
        after.remediation_end,
        before.remediation_weeks,
        after.remediation_weeks
    );
    println!(
        "  report in hand     {} -> {}",
        before.report_date, after.report_date
    );
}
