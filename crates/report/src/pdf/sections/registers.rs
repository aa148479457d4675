//! "Registers": per register its counts and the entries needing attention, the worst first, with "and N more".

use soc2_readiness_core::plan::human_date;

use crate::model::{RegisterSummary, ReportModel};
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, Writer};
use crate::pdf::palette::{INK, MUTED};
use crate::pdf::table::{Column, DENSE_TABLE_TEXT, piece};

const ATTENTION_COLUMNS: [Column; 3] = [
    Column::fixed("Entry", 52.0),
    Column::rest("What needs attention"),
    Column::fixed("Due since", 24.0),
];

/// Written only when the programme keeps registers; every status is the domain's.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(section) = &model.registers else {
        return;
    };
    w.section("Registers");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "What the organisation's registers (vendors, policies, incidents, risks, and people and changes when kept) show on {}. An auditor samples these records to test that the controls operated: an overdue review, a vendor without a current report or an incident without its post-incident review is an exception they would note. Archived entries are left out; the longest overdue come first.",
            human_date(section.as_of)
        ),
    );
    w.y += GAP_AFTER_BLOCK;
    for register in &section.registers {
        write_register(w, register);
    }
}

fn write_register(w: &mut Writer, register: &RegisterSummary) {
    w.heading(
        &format!(
            "{}: {} in the list, {} needing attention",
            register.title, register.total, register.needing_attention
        ),
        HEADING,
    );
    if register.total == 0 {
        w.paragraph(Face::Regular, BODY, MUTED, "Nothing recorded yet.");
        w.y += GAP_AFTER_BLOCK;
        return;
    }
    let counts: Vec<String> = register
        .counts
        .iter()
        .map(|(what, n)| format!("{what}: {n}"))
        .collect();
    w.paragraph(Face::Regular, BODY, INK, &counts.join(" · "));
    w.y += 1.0;
    if register.worst.is_empty() {
        w.paragraph(Face::Regular, BODY, INK, "Nothing needs attention.");
        w.y += GAP_AFTER_BLOCK;
        return;
    }
    let rows = register
        .worst
        .iter()
        .map(|row| {
            vec![
                vec![piece(Face::Bold, INK, row.name.clone())],
                row.details
                    .iter()
                    .map(|d| piece(Face::Regular, INK, d.clone()))
                    .collect(),
                vec![piece(
                    Face::Regular,
                    INK,
                    row.since.map_or_else(|| "–".to_string(), human_date),
                )],
            ]
        })
        .collect();
    w.table(&ATTENTION_COLUMNS, rows, DENSE_TABLE_TEXT);
    let more = register.needing_attention - register.worst.len();
    if more > 0 {
        w.paragraph(
            Face::Italic,
            BODY,
            MUTED,
            &format!(
                "and {more} more needing attention (the full list is in the app and its spreadsheet export)"
            ),
        );
    }
    w.y += GAP_AFTER_BLOCK;
}
