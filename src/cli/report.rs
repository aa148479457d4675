//! `report`: write the gap-analysis PDF for leadership.

use std::path::Path;

use soc2_readiness::Error;
use soc2_readiness::report::PageSize;
use soc2_readiness::workspace::ReportOptions;

use super::Context;

pub fn run(
    cx: &Context,
    assessment: &str,
    out: &Path,
    page_size: Option<PageSize>,
    assessor: Option<String>,
    logo: Option<&Path>,
) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(assessment)?;
    let options = ReportOptions {
        page_size,
        assessor,
        logo_file: logo,
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
