//! The report's sections, one module each (`render` sets their order), and what they share.

pub(super) mod appendix_answers;
pub(super) mod appendix_method;
pub(super) mod appendix_scope;
pub(super) mod at_a_glance;
pub(super) mod cover;
pub(super) mod executive_summary;
pub(super) mod gap_register;
pub(super) mod path_to_report;
pub(super) mod proposed_plan;
pub(super) mod roadmap;

mod gap_cells;
mod heat_map;
mod timeline;

/// A readiness figure as printed; a dash when nothing was scored.
fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}%"))
}
