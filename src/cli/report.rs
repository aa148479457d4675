//! `report`: write the gap-analysis PDF for leadership.

use std::path::Path;

use soc2_readiness::Error;
use soc2_readiness::report::PageSize;
use soc2_readiness::what_if::Selection;
use soc2_readiness::workspace::ReportOptions;

use super::Context;

pub fn run(
    cx: &Context,
    assessment: &str,
    out: &Path,
    page_size: Option<PageSize>,
    assessor: Option<String>,
    logo: Option<&Path>,
    what_if: Vec<String>,
) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    let options = ReportOptions {
        page_size,
        assessor,
        logo_file: logo,
        what_if: proposed(what_if),
        ..ReportOptions::default()
    };
    let report = ws.write_report(&id, out, options, cx.now)?;
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
