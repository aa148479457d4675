//! Lays a report model out as PDF pages with printpdf: the entry point and the order of sections.
//!
//! `layout` holds the page writer and its geometry, `fonts` measures and wraps text, `table`
//! and `bars` draw the two recurring figures, and `sections` has one module per section.

mod bars;
mod fonts;
mod layout;
mod palette;
mod sections;
mod table;
mod trust_page;

use printpdf::{OffsetDateTime, PdfDocument, PdfSaveOptions};

use super::ReportError;
use super::model::ReportModel;
use fonts::Fonts;
use layout::Writer;
use sections::{
    accounts, appendix_answers, appendix_description, appendix_method, appendix_scope, at_a_glance,
    cover, executive_summary, gap_register, observation, path_to_report, proposed_plan, registers,
    roadmap, since_last,
};

pub use layout::SAFE_EDGE_MM;
pub(super) use trust_page::render as render_trust_page;

/// Renders the model to PDF bytes and the page count.
pub(super) fn render(model: &ReportModel) -> Result<(Vec<u8>, usize, PdfDocument), ReportError> {
    let mut doc = PdfDocument::new(&format!(
        "SOC 2 readiness gap analysis: {}",
        model.organisation
    ));
    let fonts = Fonts::load(&mut doc)?;
    let logo = cover::embed_logo(&mut doc, model)?;
    let (width, height) = model.page_size.size_mm();

    let mut w = Writer::new(&fonts, width, height);
    cover::write(&mut w, model, logo);
    executive_summary::write(&mut w, model);
    since_last::write(&mut w, model);
    at_a_glance::write(&mut w, model);
    path_to_report::write(&mut w, model);
    proposed_plan::write(&mut w, model);
    observation::write(&mut w, model);
    gap_register::write(&mut w, model);
    roadmap::write(&mut w, model);
    registers::write(&mut w, model);
    accounts::write(&mut w, model);
    appendix_scope::write(&mut w, model);
    appendix_answers::write(&mut w, model);
    appendix_method::write(&mut w, model);
    appendix_description::write(&mut w, model);

    let footer = format!("{} · SOC 2 readiness gap analysis", model.organisation);
    let (pages, bookmarks) = w.finish(&footer);
    let total = pages.len();
    doc.with_pages(pages);
    for (title, page) in bookmarks {
        doc.add_bookmark(&title, page);
    }
    describe(&mut doc, model)?;
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let bytes = doc.save(&options, &mut Vec::new());
    Ok((bytes, total, doc))
}

/// The document's metadata: author, subject, keywords, and dates from the model, not the
/// clock, so the same model gives the same file.
fn describe(doc: &mut PdfDocument, model: &ReportModel) -> Result<(), ReportError> {
    let info = &mut doc.metadata.info;
    info.author = model
        .assessor
        .clone()
        .unwrap_or_else(|| "SOC 2 Readiness".to_string());
    info.subject = format!(
        "SOC 2 {} readiness and gap analysis for {}",
        model.report_type, model.organisation
    );
    info.creator = "SOC 2 Readiness".to_string();
    info.producer = "SOC 2 Readiness".to_string();
    info.keywords = vec!["SOC 2".into(), "readiness".into(), "gap analysis".into()];
    let created = OffsetDateTime::from_unix_timestamp(model.generated_at.timestamp())
        .map_err(|e| ReportError::Font(e.to_string()))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    Ok(())
}
