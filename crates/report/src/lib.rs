//! The gap-analysis report and the trust page: a model arranged from the engine's results, laid out as a PDF (and the trust page as HTML).
//!
//! Only this module names `printpdf`. The layout computes no scores; it prints the model.

pub mod model;
mod pdf;
mod trust_html;

pub use model::{
    PageSize, ProposedPlan, ReportModel, ReportSettings, SinceLast, build, build_proposed,
    fingerprint,
};
pub use pdf::SAFE_EDGE_MM;
pub use trust_html::{escape as html_escape, trust_fragment, trust_html};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the bundled font {0} could not be read")]
    Font(String),
    #[error("the logo could not be read as a PNG or JPEG image ({0}); choose another file")]
    Logo(String),
}

/// A rendered report: the PDF bytes, and the text positions for checking the layout.
pub struct RenderedReport {
    pub bytes: Vec<u8>,
    pub page_count: usize,
    document: printpdf::PdfDocument,
}

/// One line of text as it landed on a page, in millimetres from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    pub width: f32,
    pub height: f32,
    pub lines: Vec<TextBox>,
}

impl RenderedReport {
    /// Where every line of text landed, page by page, read back from the page content.
    pub fn text_boxes(&self) -> Vec<PageText> {
        const MM_PER_PT: f32 = 25.4 / 72.0;
        self.document
            .extract_text_boxes()
            .into_iter()
            .map(|page| PageText {
                width: page.width * MM_PER_PT,
                height: page.height * MM_PER_PT,
                lines: page
                    .lines
                    .into_iter()
                    .map(|line| TextBox {
                        text: line
                            .words
                            .iter()
                            .map(|w| w.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        left: line.bbox[0] * MM_PER_PT,
                        top: line.bbox[1] * MM_PER_PT,
                        right: line.bbox[2] * MM_PER_PT,
                        bottom: line.bbox[3] * MM_PER_PT,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Checks that logo bytes are an image the report can embed.
pub fn check_logo(bytes: &[u8]) -> Result<(), ReportError> {
    printpdf::RawImage::decode_from_bytes(bytes, &mut Vec::new())
        .map(|_| ())
        .map_err(ReportError::Logo)
}

/// Lays out and serialises the report.
pub fn render(model: &ReportModel) -> Result<RenderedReport, ReportError> {
    let (bytes, page_count, document) = pdf::render(model)?;
    Ok(RenderedReport {
        bytes,
        page_count,
        document,
    })
}

/// Lays out the trust page as its one-page PDF.
pub fn render_trust_page(
    page: &soc2_readiness_core::trust::TrustPage,
    size: PageSize,
) -> Result<RenderedReport, ReportError> {
    let (bytes, page_count, document) = pdf::render_trust_page(page, size)?;
    Ok(RenderedReport {
        bytes,
        page_count,
        document,
    })
}
