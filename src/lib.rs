//! SOC 2 Readiness engine: question bank, answers, scope, scoring, gaps, storage and interchange.
//!
//! Nothing here knows about Tauri or a UI; time and ids come in as arguments so every result
//! is reproducible.

pub mod analysis;
pub mod assessment;
pub mod catalog;
pub mod depth;
pub mod error;
pub mod gaps;
pub mod interchange;
pub mod plan;
pub mod report;
pub mod scope;
pub mod scoring;
pub mod store;
pub mod upgrade;
pub mod workspace;

pub use error::{Error, Result};
pub use workspace::Workspace;
