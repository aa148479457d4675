//! `binder`: the evidence binder for an audit period, one ZIP an auditor can open: the index from criterion to control to each run, the evidence files, the registers, the control matrix and a manifest of SHA-256 sums.

use std::path::PathBuf;

use chrono::NaiveDate;
use soc2_readiness::Error;
use soc2_readiness::workspace::BinderRequest;

use super::Context;
use super::command::parse_date;
use super::output::print_json;

#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    /// The ZIP file to write.
    #[arg(short, long, value_name = "FILE.zip")]
    out: PathBuf,
    /// The audit period's first day (YYYY-MM-DD); with --to. Without both, the observation
    /// period chosen in step 1.
    #[arg(long, value_parser = parse_date, requires = "to")]
    from: Option<NaiveDate>,
    /// The audit period's last day (YYYY-MM-DD), included.
    #[arg(long, value_parser = parse_date, requires = "from")]
    to: Option<NaiveDate>,
    /// Leave out the notes written on passing runs (failures keep theirs).
    #[arg(long)]
    without_notes: bool,
    /// Print what was written as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let request = BinderRequest {
        from: args.from,
        to: args.to,
        without_notes: args.without_notes,
    };
    let moment = cx.moment();
    let written = ws.write_binder(&id, &args.out, &request, moment.now, moment.today)?;
    if args.json {
        print_json(&written);
        return Ok(());
    }
    println!("wrote {}", written.file);
    println!(
        "period {} to {}: {} runs, {} missed, {} evidence files, {} files in all",
        written.period.start,
        written.period.end,
        written.counts.runs,
        written.counts.missed,
        written.counts.evidence_files,
        written.counts.entries
    );
    if written.counts.without_evidence > 0 {
        println!(
            "{} run(s) name no evidence file or reference (listed under \"What is missing\" in index.html)",
            written.counts.without_evidence
        );
    }
    if written.counts.uncovered_criteria > 0 {
        println!(
            "{} criteria in scope have no recurring control in the check log",
            written.counts.uncovered_criteria
        );
    }
    Ok(())
}
