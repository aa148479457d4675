//! The report model's appendix "System description": each section as the company's text or the draft, missing facts kept marked, laid out as the app drafted it (nothing is worded here).

use chrono::NaiveDate;
use serde::Serialize;

use soc2_readiness_core::description::{BlockKind, SystemDescription};

use super::ReportModel;

#[derive(Debug, Clone, Serialize)]
pub struct DescriptionAppendix {
    pub as_of: NaiveDate,
    pub missing: u32,
    pub edited: u32,
    pub sections: Vec<DescriptionPart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DescriptionPart {
    pub title: String,
    /// The company's version and whether its facts moved since, when it rewrote the section.
    pub note: Option<String>,
    pub blocks: Vec<(BlockKind, String)>,
}

impl ReportModel {
    /// This report with the system description as its last appendix.
    pub fn with_description(mut self, description: &SystemDescription) -> ReportModel {
        self.description = Some(DescriptionAppendix {
            as_of: description.draft.as_of,
            missing: description.missing,
            edited: description.edited,
            sections: description
                .sections
                .iter()
                .map(|section| DescriptionPart {
                    title: section.draft.title.clone(),
                    note: section.edited_note(),
                    blocks: section
                        .blocks()
                        .iter()
                        .map(|b| (b.kind, b.text()))
                        .collect(),
                })
                .collect(),
        });
        self
    }
}
