//! Table cells that describe a gap the same way in the summary, the register and the roadmap.

use soc2_readiness_core::gaps::{Gap, Priority};

use crate::pdf::fonts::Face;
use crate::pdf::palette::{INK, MUTED, priority_color};
use crate::pdf::table::{Cell, piece};

/// Notes longer than this are cut in summaries; Appendix B prints them whole.
const NOTE_CHARS: usize = 220;

pub(super) fn level_change(g: &Gap) -> String {
    match (g.current_level, &g.exception) {
        (Some(level), None) => format!("level {level} of {}", g.target_level),
        (Some(level), Some(_)) => format!("level {level} of {}, with exception", g.target_level),
        (None, _) => format!("unanswered (target {})", g.target_level),
    }
}

/// The gap in its own words, with the recorded exception and note beneath it.
pub(super) fn gap_summary(g: &Gap) -> Cell {
    let mut cell = vec![piece(Face::Bold, INK, g.title.clone())];
    if let Some(exception) = &g.exception {
        cell.push(piece(
            Face::Regular,
            priority_color(Priority::High),
            if g.not_covered.is_empty() {
                format!("Known exception: {exception}")
            } else {
                format!(
                    "Known exception ({} not covered): {exception}",
                    soc2_readiness_core::assessment::Coverage::words(&g.not_covered)
                )
            },
        ));
    }
    if let Some(note) = &g.note {
        cell.push(piece(
            Face::Italic,
            MUTED,
            format!("Note: {}", clip(note, NOTE_CHARS)),
        ));
    }
    cell
}

/// Long notes are printed whole in Appendix B; summaries keep their first words.
fn clip(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}… (in full in Appendix B)", cut.trim_end())
}

pub(super) fn owner_cell(g: &Gap) -> Cell {
    let owner = g.owner.clone().unwrap_or_else(|| "no owner".into());
    let due = g.due.map_or_else(|| "no date".into(), |d| d.to_string());
    let ink = if g.owner.is_some() { INK } else { MUTED };
    vec![
        piece(Face::Regular, ink, owner),
        piece(Face::Regular, MUTED, due),
    ]
}
