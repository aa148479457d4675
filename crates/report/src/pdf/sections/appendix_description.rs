//! Appendix D: the system description, each section as the company wrote it or as drafted, missing facts marked.

use soc2_readiness_core::description::BlockKind;
use soc2_readiness_core::plan::human_date;

use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, MARGIN_X, Writer};
use crate::pdf::palette::{INK, MUTED};

/// How far a list item's text sits right of its bullet.
const ITEM_INDENT: f32 = 5.0;

/// Written only when the report was asked to carry the description.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(appendix) = &model.description else {
        return;
    };
    w.section("Appendix D: System description");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "The description the report will open with, as of {}: drafted from the answers and records, with {} the company wrote in its own words. {} still missing, each marked where it belongs. The app writes it as DOCX and Markdown with the source of every statement.",
            human_date(appendix.as_of),
            match appendix.edited {
                1 => "1 section".to_string(),
                n => format!("{n} sections"),
            },
            match appendix.missing {
                1 => "1 fact is".to_string(),
                n => format!("{n} facts are"),
            },
        ),
    );
    w.y += GAP_AFTER_BLOCK;
    for (n, part) in appendix.sections.iter().enumerate() {
        w.heading(&format!("{}. {}", n + 1, part.title), HEADING);
        if let Some(note) = &part.note {
            w.paragraph(Face::Italic, BODY, MUTED, note);
            w.y += 1.0;
        }
        for (kind, text) in &part.blocks {
            match kind {
                BlockKind::Paragraph => w.paragraph(Face::Regular, BODY, INK, text),
                BlockKind::Item => {
                    let top = w.y;
                    w.text(MARGIN_X, top, Face::Regular, BODY, INK, "•");
                    let width = w.content_width() - ITEM_INDENT;
                    w.paragraph_at(
                        MARGIN_X + ITEM_INDENT,
                        width,
                        Face::Regular,
                        BODY,
                        INK,
                        text,
                    );
                }
                BlockKind::Missing => {
                    w.paragraph(Face::Italic, BODY, MUTED, &format!("Missing: {text}"))
                }
                // The company's notes stay in the working copies, out of the report.
                BlockKind::Note => continue,
            }
            w.y += 1.0;
        }
        w.y += GAP_AFTER_BLOCK;
    }
}
