//! Appendix C: the scoring method, quick-path implications, bank upgrades, and this report's facts.

use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, MARGIN_X, SMALL, Writer, line_height};
use crate::pdf::palette::{INK, MUTED};
use soc2_readiness_core::plan::human_date;

/// Where a fact's value starts, right of its label.
const FACT_VALUE_X: f32 = MARGIN_X + 45.0;
const SPACE_BETWEEN_FACTS: f32 = 1.0;

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix C: Scoring method");
    for paragraph in &model.method {
        w.paragraph(Face::Regular, BODY, INK, paragraph);
        w.y += GAP_AFTER_BLOCK;
    }
    if !model.implied.is_empty() {
        implied_answers(w, model);
    }
    for upgrade in &model.upgrades {
        w.heading(
            &format!(
                "Question bank {} to {} ({})",
                upgrade.from_version,
                upgrade.to_version,
                human_date(upgrade.at.date_naive())
            ),
            HEADING,
        );
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!(
                "The answers were carried to the newer question bank by its changelog: nothing was dropped, and every answer as it was stays in the history. {} answers carried from merged or split questions are still to confirm{}.",
                model.to_confirm.len(),
                if model.to_confirm.is_empty() {
                    String::new()
                } else {
                    format!(": {}", model.to_confirm.join(", "))
                }
            ),
        );
        for note in &upgrade.notes {
            let subject = note
                .question_id
                .clone()
                .unwrap_or_else(|| note.from.join(", "));
            w.paragraph(
                Face::Regular,
                SMALL,
                INK,
                &format!("{subject}: {}", note.text),
            );
            w.y += 0.6;
        }
        w.y += GAP_AFTER_BLOCK;
    }
    if !model.modules.is_empty() {
        question_modules(w, model);
    }
    if let Some(note) = &model.method_note {
        w.heading("Since this assessment was answered", HEADING);
        w.paragraph(Face::Regular, BODY, INK, note);
        w.y += GAP_AFTER_BLOCK;
    }
    this_report(w, model);
}

/// On the quick path: which answers each missing foundation implied, and why.
fn implied_answers(w: &mut Writer, model: &ReportModel) {
    w.heading("Answers implied on the quick path", HEADING);
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "This assessment was answered on the quick path, which asks foundations first. While a foundation is not in place or only planned, the questions that build on it are not asked: each counts as not in place, is scored and listed as a gap like any other answer, and keeps its own next step. {} answers were implied this way, by {} foundations. Deepening the assessment asks them; an answer given later replaces the implied one.",
            model.implied_count,
            model.implied.len()
        ),
    );
    w.y += 1.5;
    for block in &model.implied {
        w.paragraph(
            Face::Bold,
            SMALL,
            INK,
            &format!("{} ({})", block.title, block.foundation),
        );
        w.paragraph(Face::Regular, SMALL, MUTED, &block.reason);
        w.paragraph(
            Face::Regular,
            SMALL,
            INK,
            &format!("Implies: {}.", block.dependents.join("; ")),
        );
        w.y += 1.5;
    }
}

/// The consultant's own questions the assessment added to the bank, named exactly.
fn question_modules(w: &mut Writer, model: &ReportModel) {
    w.heading("Question modules", HEADING);
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "Beside question bank {}, this assessment used the question modules below: questions written by the assessor, checked against the bank's own rules and scored exactly as the bank's. Their gaps are marked \"custom question\" in the gap register. The start of the SHA-256 of its exact text tells two copies of one version apart.",
            model.bank_version
        ),
    );
    w.y += 1.5;
    for m in &model.modules {
        let questions = model
            .custom_questions
            .keys()
            .filter(|id| id.starts_with(&format!("{}.", m.id)))
            .count();
        w.paragraph(
            Face::Bold,
            SMALL,
            INK,
            &format!("{} {} ({})", m.title, m.version, m.id),
        );
        w.paragraph(
            Face::Regular,
            SMALL,
            MUTED,
            &format!(
                "{questions} questions · SHA-256 {}",
                super::cover::short_sha(&m.sha256)
            ),
        );
        w.y += 1.5;
    }
    w.y += GAP_AFTER_BLOCK;
}

/// The facts a reader needs to match this report to the assessment it came from.
fn this_report(w: &mut Writer, model: &ReportModel) {
    w.heading("This report", HEADING);
    let facts = [
        ("Assessment", model.assessment_id.clone()),
        ("Question bank", model.bank_version.clone()),
        ("Depth", model.depth.label().to_string()),
        ("Answers fingerprint", model.fingerprint.clone()),
        (
            "Generated",
            model.generated_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        ),
    ];
    for (label, value) in facts {
        let top = w.y;
        w.text(MARGIN_X, top, Face::Regular, BODY, MUTED, label);
        w.text(FACT_VALUE_X, top, Face::Bold, BODY, INK, &value);
        w.y += line_height(BODY) + SPACE_BETWEEN_FACTS;
    }
    w.y += GAP_AFTER_BLOCK;
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "The fingerprint is the start of a SHA-256 hash of the assessment id, every answer, note, owner and known exception, and the scope overrides. `soc2-readiness show` prints the same value for the saved assessment, so a reader can check that this report matches it.",
    );
}
