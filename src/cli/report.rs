//! `report`: write the gap-analysis PDF for leadership.

use std::path::PathBuf;

use soc2_readiness::Error;
use soc2_readiness::report::PageSize;
use soc2_readiness::what_if::Selection;
use soc2_readiness::workspace::ReportOptions;

use super::Context;
use super::command::parse_page_size;

#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// a4 or letter (default: the page size in settings, else a4).
    #[arg(long, value_parser = parse_page_size)]
    page_size: Option<PageSize>,
    /// Who prepared the assessment (default: the assessor in settings).
    #[arg(long)]
    assessor: Option<String>,
    /// A PNG or JPEG logo for the cover (default: the logo in settings).
    #[arg(long, value_name = "FILE")]
    logo: Option<PathBuf>,
    /// Add a "Proposed plan" assuming these gaps closed: gap ids, all-high, all-now.
    #[arg(long, value_delimiter = ',', value_name = "GAP|all-high|all-now")]
    what_if: Vec<String>,
    /// Add the system description (the company's text where it wrote one, the draft elsewhere,
    /// missing facts marked) as the last appendix.
    #[arg(long)]
    with_description: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let out = args.out;
    let options = ReportOptions {
        page_size: args.page_size,
        assessor: args.assessor,
        logo_file: args.logo.as_deref(),
        what_if: proposed(args.what_if),
        description: args.with_description,
        ..ReportOptions::default()
    };
    let report = ws.write_report(&id, &out, options, cx.moment())?;
    println!(
        "wrote {} ({} pages, {} KB)",
        out.display(),
        report.page_count,
        report.bytes.len().div_ceil(1024)
    );
    Ok(())
}

/// `--what-if all-high,access.sso-mfa`: the what-if command's flags, as one list.
fn proposed(items: Vec<String>) -> Option<Selection> {
    if items.is_empty() {
        return None;
    }
    let flag = |name: &str| items.iter().any(|item| item.trim() == name);
    let (all_high, all_now) = (flag("all-high"), flag("all-now"));
    let gaps = items
        .into_iter()
        .filter(|item| !matches!(item.trim(), "all-high" | "all-now"))
        .collect();
    Some(super::what_if::selection(gaps, all_high, all_now))
}
