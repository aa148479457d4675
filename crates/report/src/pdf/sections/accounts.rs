//! "Account exports": the user reports checked, with their day and SHA-256, and what the latest of each system shows; account names only when the company chose to show them.

use soc2_readiness_core::plan::human_date;

use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, Writer};
use crate::pdf::palette::{INK, MUTED};
use crate::pdf::table::{Column, DENSE_TABLE_TEXT, piece};

const IMPORT_COLUMNS: [Column; 4] = [
    Column::fixed("System", 38.0),
    Column::rest("Export"),
    Column::fixed("Taken", 24.0),
    Column::fixed("Accounts", 18.0),
];

const FINDING_COLUMNS: [Column; 2] = [
    Column::fixed("Tier", 18.0),
    Column::rest("What the export shows"),
];

/// Written only when the programme keeps an account export.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(section) = &model.accounts else {
        return;
    };
    w.section("Account exports");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        "User reports downloaded from the organisation's own systems and checked offline against the people register: the latest report of each system counts, as of the day it was taken. Each file is identified by its SHA-256, so the auditor can match it to the copy they are given.",
    );
    w.y += GAP_AFTER_BLOCK;
    let rows = section
        .imports
        .iter()
        .map(|i| {
            let status = if i.checked { "" } else { " (superseded)" };
            vec![
                vec![piece(Face::Bold, INK, i.system.clone())],
                vec![
                    piece(
                        Face::Regular,
                        INK,
                        format!("{}: {}{status}", i.layout, i.file_name),
                    ),
                    piece(Face::Regular, MUTED, format!("SHA-256 {}", i.sha256)),
                ],
                vec![piece(Face::Regular, INK, human_date(i.taken_on))],
                vec![piece(Face::Regular, INK, i.accounts.to_string())],
            ]
        })
        .collect();
    w.table(&IMPORT_COLUMNS, rows, DENSE_TABLE_TEXT);
    w.y += GAP_AFTER_BLOCK;
    w.heading(&format!("Findings: {}", section.findings.len()), HEADING);
    if section.findings.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "The latest exports raise no finding.",
        );
    } else {
        let rows = section
            .findings
            .iter()
            .map(|f| {
                let mut what = vec![piece(Face::Regular, INK, f.summary.clone())];
                if !f.accounts.is_empty() {
                    what.push(piece(
                        Face::Regular,
                        MUTED,
                        format!("Accounts: {}", f.accounts.join(", ")),
                    ));
                }
                what.push(piece(
                    Face::Regular,
                    MUTED,
                    format!("Contradicts {}", f.question_id),
                ));
                vec![
                    vec![piece(
                        Face::Bold,
                        INK,
                        if f.live_exposure {
                            "Fix now"
                        } else {
                            "Finding"
                        }
                        .to_string(),
                    )],
                    what,
                ]
            })
            .collect();
        w.table(&FINDING_COLUMNS, rows, DENSE_TABLE_TEXT);
        if !section.names_shown {
            w.paragraph(
                Face::Italic,
                BODY,
                MUTED,
                "Accounts are named by their line in the export; the names stay in the app.",
            );
        }
    }
    for evidence in &section.evidence {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!("Operating evidence: {evidence}."),
        );
    }
    w.y += GAP_AFTER_BLOCK;
}
