//! SOC 2 Readiness application layer: the one way in for the CLI and the desktop shell.
//!
//! [`Workspace`] holds the question bank over one data file and offers every operation both
//! front ends need; the store and the PDF renderer stay behind it. The domain (catalogue,
//! assessments, scope, scoring, gaps, plan) is re-exported from `soc2-readiness-core` so front
//! ends name its types, never a lower layer.

pub mod binder;
pub mod clock;
pub mod data_file;
pub mod description;
pub mod error;
pub mod files;
pub mod interchange;
pub mod protect;
pub mod spreadsheet;
pub mod workspace;

pub use soc2_readiness_core::{
    accounts, analysis, assessment, calendar, catalog, compare, day, depth, evaluation, findings,
    gaps, merge, plan, registers, scope, scoring, trust, upgrade, what_if,
};

/// What the front ends need of the report: its options, the rendered result and the fingerprint
/// that ties a PDF to the answers it came from. Rendering itself goes through [`Workspace`].
pub mod report {
    pub use soc2_readiness_report::{
        PageSize, RenderedReport, ReportError, ReportSettings, fingerprint, html_escape,
        trust_fragment,
    };
}

pub use error::{Error, ErrorKind, Result};
pub use workspace::Workspace;
