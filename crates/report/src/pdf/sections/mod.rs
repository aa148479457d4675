//! The report's sections, one module each (`render` sets their order), and what they share.

pub(super) mod accounts;
pub(super) mod appendix_answers;
pub(super) mod appendix_description;
pub(super) mod appendix_method;
pub(super) mod appendix_scope;
pub(super) mod at_a_glance;
pub(super) mod cover;
pub(super) mod executive_summary;
pub(super) mod gap_register;
pub(super) mod observation;
pub(super) mod path_to_report;
pub(super) mod proposed_plan;
pub(super) mod registers;
pub(super) mod roadmap;
pub(super) mod since_last;

mod gap_cells;
mod heat_map;
mod timeline;

/// A readiness figure as printed; a dash when nothing was scored.
fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}%"))
}

/// A change in percentage points as printed: "+12.5 pts", "-3.0 pts", "±0.0 pts"; a dash
/// without both figures.
fn points(delta: Option<f64>) -> String {
    match delta {
        Some(d) if d.abs() < 0.05 => "±0.0 pts".to_string(),
        Some(d) => format!("{d:+.1} pts"),
        None => "–".to_string(),
    }
}
