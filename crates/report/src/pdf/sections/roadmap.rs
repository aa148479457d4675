//! The roadmap: the gaps sequenced into Now, the next 90 days and Later by priority.

use super::gap_cells::{gap_summary, owner_cell};
use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, GROUP_HEADING, Writer};
use crate::pdf::palette::{INK, MUTED};
use crate::pdf::table::{Column, DENSE_TABLE_TEXT, piece};

const ROADMAP_COLUMNS: [Column; 4] = [
    Column::rest("Gap"),
    Column::fixed("Criteria", 22.0),
    Column::fixed("Effort", 14.0),
    Column::fixed("Owner and date", 34.0),
];

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Roadmap");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        "Gaps sequenced by priority: Now holds the High gaps (critical controls not yet documented or with known exceptions, and work that would not finish before the audit window); the next 90 days the Medium ones; Later the Low ones, which still need closing before the audit. Within each, the higher impact comes first, then the quick fix.",
    );
    w.y += GAP_AFTER_BLOCK;
    for (title, gaps) in &model.roadmap {
        w.heading(&format!("{title} ({} gaps)", gaps.len()), GROUP_HEADING);
        if gaps.is_empty() {
            w.paragraph(Face::Regular, BODY, INK, "Nothing here.");
            w.y += GAP_AFTER_BLOCK;
            continue;
        }
        let rows = gaps
            .iter()
            .map(|g| {
                let mut cell = gap_summary(g);
                if let Some(base) = &g.implied_by {
                    cell.push(piece(
                        Face::Regular,
                        MUTED,
                        format!("Implied by {base}, not asked on the quick path"),
                    ));
                }
                vec![
                    cell,
                    vec![piece(Face::Regular, INK, g.criteria.join(", "))],
                    vec![piece(Face::Regular, INK, format!("{:?}", g.effort))],
                    owner_cell(g),
                ]
            })
            .collect();
        w.table(&ROADMAP_COLUMNS, rows, DENSE_TABLE_TEXT);
    }
}
