//! The cover: title band and logo, the organisation, the report's facts, the confidentiality note.

use printpdf::{Mm, Op, PdfDocument, RawImage, XObjectId, XObjectTransform};

use super::pct;
use crate::ReportError;
use crate::model::ReportModel;
use crate::pdf::fonts::{Face, PT_PER_MM};
use crate::pdf::layout::{MARGIN_X, SMALL, THIN_RULE, Writer};
use crate::pdf::palette::{INK, MUTED, NAVY, RULE, Rgb3, WHITE};

const BAND_H: f32 = 78.0;
/// Tops, sizes and colours of the three lines of type in the band.
const KICKER_TOP: f32 = 24.0;
const KICKER_SIZE: f32 = 11.0;
const KICKER_INK: Rgb3 = (0.72, 0.80, 0.90);
const TITLE_TOP: f32 = 33.0;
const TITLE_SIZE: f32 = 30.0;
const SUBTITLE_TOP: f32 = 50.0;
const SUBTITLE_SIZE: f32 = 12.0;
const SUBTITLE_INK: Rgb3 = (0.85, 0.89, 0.94);

/// The logo is fitted into this box at the band's right, on a white mat this much wider on
/// every side, so a logo drawn for white paper stays legible on navy.
const LOGO_BOX_W: f32 = 44.0;
const LOGO_BOX_H: f32 = 24.0;
const LOGO_BOX_TOP: f32 = 22.0;
const LOGO_MAT: f32 = 2.0;

const SPACE_BELOW_BAND: f32 = 16.0;
const ORGANISATION_SIZE: f32 = 24.0;
const LABEL_SIZE: f32 = 12.0;
const SPACE_BEFORE_FACTS: f32 = 8.0;
const FACT_SIZE: f32 = 10.0;
/// Where a fact's value starts, right of its label.
const FACT_VALUE_X: f32 = MARGIN_X + 52.0;
const SPACE_BETWEEN_FACTS: f32 = 2.5;
/// The rule above the confidentiality note, from the paper's bottom edge, and the note below it.
const NOTE_RULE_FROM_BOTTOM: f32 = 34.0;
const NOTE_BELOW_RULE: f32 = 3.0;

/// The logo as embedded in the document, with its size in pixels.
pub(in crate::pdf) struct Logo {
    id: XObjectId,
    width_px: f32,
    height_px: f32,
}

/// Adds the model's logo, if any, to the document, for the cover to place.
pub(in crate::pdf) fn embed_logo(
    doc: &mut PdfDocument,
    model: &ReportModel,
) -> Result<Option<Logo>, ReportError> {
    let Some(bytes) = &model.logo else {
        return Ok(None);
    };
    let image = RawImage::decode_from_bytes(bytes, &mut Vec::new())
        .map_err(|e| ReportError::Logo(e.to_string()))?;
    let (width_px, height_px) = (image.width as f32, image.height as f32);
    Ok(Some(Logo {
        id: doc.add_image(&image),
        width_px,
        height_px,
    }))
}

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel, logo: Option<Logo>) {
    w.new_page();
    w.bookmark("Cover");
    w.rect(0.0, 0.0, w.width, BAND_H, NAVY);
    w.text(
        MARGIN_X,
        KICKER_TOP,
        Face::Bold,
        KICKER_SIZE,
        KICKER_INK,
        "SOC 2 READINESS",
    );
    w.text(
        MARGIN_X,
        TITLE_TOP,
        Face::Bold,
        TITLE_SIZE,
        WHITE,
        "Gap analysis",
    );
    w.text(
        MARGIN_X,
        SUBTITLE_TOP,
        Face::Regular,
        SUBTITLE_SIZE,
        SUBTITLE_INK,
        &format!("Readiness for a SOC 2 {} report", model.report_type),
    );
    if let Some(logo) = logo {
        place_logo(w, logo);
    }
    w.y = BAND_H + SPACE_BELOW_BAND;
    w.paragraph(Face::Bold, ORGANISATION_SIZE, INK, &model.organisation);
    if let Some(label) = &model.label {
        w.paragraph(Face::Regular, LABEL_SIZE, MUTED, label);
    }
    w.y += SPACE_BEFORE_FACTS;
    let date = model.generated_on.format("%-d %B %Y").to_string();
    let assessor = model
        .assessor
        .clone()
        .unwrap_or_else(|| "Self-assessment".into());
    let facts = [
        ("Prepared by", assessor),
        ("Date", date),
        (
            "Report targeted",
            format!(
                "SOC 2 {} (controls at level {} of 4)",
                model.report_type, model.target_level
            ),
        ),
        ("Categories in scope", model.categories_in_scope.join(", ")),
        ("Overall readiness", pct(model.scorecard.overall.readiness)),
        (
            "Questionnaire completion",
            pct(model.scorecard.overall.completion),
        ),
    ];
    for (label, value) in facts {
        let top = w.y;
        w.text(MARGIN_X, top, Face::Regular, FACT_SIZE, MUTED, label);
        let width = w.width - MARGIN_X - FACT_VALUE_X;
        w.paragraph_at(FACT_VALUE_X, width, Face::Bold, FACT_SIZE, INK, &value);
        w.y += SPACE_BETWEEN_FACTS;
    }
    let y = w.height - NOTE_RULE_FROM_BOTTOM;
    w.rule(MARGIN_X, w.right(), y, RULE, THIN_RULE);
    let modules = if model.modules.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = model
            .modules
            .iter()
            .map(|m| format!("{} {} ({})", m.title, m.version, short_sha(&m.sha256)))
            .collect();
        format!(", with question modules {}", names.join(", "))
    };
    let note = format!(
        "Confidential. Prepared with SOC 2 Readiness from assessment {} (question bank {}{modules}, fingerprint {}). A readiness self-assessment, not an audit opinion.",
        model.assessment_id, model.bank_version, model.fingerprint
    );
    w.y = y + NOTE_BELOW_RULE;
    w.paragraph(Face::Regular, SMALL, MUTED, &note);
}

/// The start of a module's SHA-256, enough to tell two texts of one version apart on paper.
pub(in crate::pdf) fn short_sha(sha256: &str) -> &str {
    &sha256[..12.min(sha256.len())]
}

/// The logo scaled to fit its box, keeping its proportions, centred on the white mat.
fn place_logo(w: &mut Writer, logo: Logo) {
    let (px_w, px_h) = (logo.width_px, logo.height_px);
    let (box_w, box_h) = (LOGO_BOX_W, LOGO_BOX_H);
    let box_x = w.width - MARGIN_X - box_w;
    w.rect(
        box_x - LOGO_MAT,
        LOGO_BOX_TOP - LOGO_MAT,
        box_w + 2.0 * LOGO_MAT,
        box_h + 2.0 * LOGO_MAT,
        WHITE,
    );
    let scale = (box_w / px_w).min(box_h / px_h);
    let (draw_w, draw_h) = (px_w * scale, px_h * scale);
    let x = box_x + (box_w - draw_w) / 2.0;
    let top = LOGO_BOX_TOP + (box_h - draw_h) / 2.0;
    let y = w.height - top - draw_h;
    w.ops().push(Op::UseXobject {
        id: logo.id,
        transform: XObjectTransform {
            translate_x: Some(Mm(x).into()),
            translate_y: Some(Mm(y).into()),
            rotate: None,
            scale_x: Some(draw_w * PT_PER_MM / px_w),
            scale_y: Some(draw_h * PT_PER_MM / px_h),
            dpi: Some(72.0),
            no_auto_scale: false,
        },
    });
}
