//! The gap-analysis report: assembled from the analysis, the check log, the comparison and the registers, rendered, and written to the user's file.

use std::path::Path;

use super::Workspace;
use crate::clock::Moment;
use crate::report::{PageSize, RenderedReport};
use crate::what_if::Selection;
use crate::{Result, files};
use soc2_readiness_report::{self as report, ReportSettings};

/// One report's departures from the stored settings (the CLI's flags); `None` keeps the setting.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions<'a> {
    pub page_size: Option<PageSize>,
    pub assessor: Option<String>,
    pub logo_file: Option<&'a Path>,
    /// Gaps to assume closed in a "Proposed plan" section (`None`: no such section).
    pub what_if: Option<crate::what_if::Selection>,
    /// The earlier assessment the "Since the last assessment" section compares with (`None`:
    /// the baseline of a re-assessment; an assessment without one has no such section).
    pub since: Option<String>,
    /// Add the system description as the last appendix.
    pub description: bool,
}

impl Workspace {
    /// Builds and renders the gap-analysis PDF for an assessment; a re-assessment's report
    /// compares it with its baseline.
    pub fn report(&self, assessment_id: &str, settings: &ReportSettings) -> Result<RenderedReport> {
        self.render_report(assessment_id, settings, None, None, false)
    }

    /// The report, with a proposed plan when `what_if` selects one, and compared with `since`
    /// or else the baseline (kept in this file: deleting it clears the link).
    pub(super) fn render_report(
        &self,
        assessment_id: &str,
        settings: &ReportSettings,
        what_if: Option<&Selection>,
        since: Option<&str>,
        description: bool,
    ) -> Result<RenderedReport> {
        let (record, bank) = self.evaluation_and_bank(assessment_id, settings.today)?;
        let mut model = match what_if {
            Some(selection) => self.proposed_model(&record, settings, selection)?,
            None => report::build(&bank, &record, settings),
        };
        let log = self.check_log(assessment_id)?;
        if !log.controls.is_empty() {
            let today = settings.today;
            model =
                model.with_observation(crate::calendar::observation(&bank, &record, &log, today));
        }
        let earlier = match since {
            Some(given) => Some(self.resolve(given)?),
            None => record.assessment.baseline.clone(),
        };
        if let Some(earlier) = earlier {
            model = model.with_comparison(self.compare(&earlier, assessment_id, settings.today)?);
        }
        let registers = self.registers(assessment_id)?;
        if !registers.is_empty() {
            model = model.with_registers(&registers, settings.today);
        }
        let programme = self.programme(assessment_id)?;
        let imports = self.store.account_import_list(&programme)?;
        if !imports.is_empty() {
            let review = self.programme_account_review(&programme, &registers.people)?;
            let names = self.account_choices(assessment_id)?.names_in_reports;
            model = model.with_accounts(&imports, &review, names);
        }
        if description {
            model =
                model.with_description(&self.system_description(assessment_id, settings.today)?);
        }
        Ok(report::render(&model)?)
    }

    /// Renders the gap-analysis PDF with the stored settings (and any `options`) and writes it
    /// to `file` atomically.
    pub fn write_report(
        &self,
        assessment_id: &str,
        file: &Path,
        options: ReportOptions<'_>,
        at: Moment,
    ) -> Result<RenderedReport> {
        let mut settings = self.report_settings(at)?;
        if let Some(logo) = options.logo_file {
            let bytes = files::read(logo)?;
            report::check_logo(&bytes)?;
            settings.logo = Some(bytes);
        }
        if let Some(size) = options.page_size {
            settings.page_size = size;
        }
        if options.assessor.is_some() {
            settings.assessor = options.assessor;
        }
        let rendered = self.render_report(
            assessment_id,
            &settings,
            options.what_if.as_ref(),
            options.since.as_deref(),
            options.description,
        )?;
        files::write_atomically(file, &rendered.bytes)?;
        Ok(rendered)
    }
}
