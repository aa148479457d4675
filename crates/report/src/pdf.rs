//! Lays a report model out as PDF pages with printpdf: embedded fonts, wrapped text, tables, charts.
//!
//! Coordinates inside this file are millimetres from the top-left corner of the page; only the
//! drawing helpers convert to PDF's bottom-left points.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, Rgb, TextItem, XObjectTransform,
};

use super::ReportError;
use super::model::{AnswerRow, ImpliedBlock, ReportModel};
use soc2_readiness_core::gaps::{Gap, Priority};
use soc2_readiness_core::plan::human_date;
use soc2_readiness_core::scoring::CriterionStatus;

const PT_PER_MM: f32 = 72.0 / 25.4;
const MARGIN_X: f32 = 18.0;
const MARGIN_TOP: f32 = 22.0;
const MARGIN_BOTTOM: f32 = 22.0;
/// Header and footer sit inside this band, so no text comes closer to the paper's edge.
pub const SAFE_EDGE_MM: f32 = 10.0;
const BODY: f32 = 9.0;
const SMALL: f32 = 7.8;

const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf");

#[derive(Clone, Copy, PartialEq)]
enum Face {
    Regular = 0,
    Bold = 1,
    Italic = 2,
}

/// An sRGB colour with channels from 0 to 1.
type Rgb3 = (f32, f32, f32);
/// One wrapped line of a table cell with its face and colour.
type CellLine = (Face, Rgb3, String);

const INK: Rgb3 = (0.13, 0.16, 0.21);
const MUTED: Rgb3 = (0.42, 0.45, 0.50);
const NAVY: Rgb3 = (0.10, 0.21, 0.36);
const RULE: Rgb3 = (0.82, 0.84, 0.87);
const TRACK: Rgb3 = (0.91, 0.92, 0.94);
const HEADER_FILL: Rgb3 = (0.93, 0.95, 0.97);
const WHITE: Rgb3 = (1.0, 1.0, 1.0);
const AMBER: Rgb3 = (0.85, 0.55, 0.12);

fn color((r, g, b): Rgb3) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// The colour of a readiness figure: red, amber, yellow-green, green.
fn band(value: f64) -> Rgb3 {
    if value < 40.0 {
        (0.75, 0.22, 0.17)
    } else if value < 70.0 {
        (0.90, 0.49, 0.13)
    } else if value < 90.0 {
        (0.56, 0.68, 0.20)
    } else {
        (0.15, 0.55, 0.33)
    }
}

fn priority_color(priority: Priority) -> Rgb3 {
    match priority {
        Priority::High => (0.75, 0.22, 0.17),
        Priority::Medium => (0.90, 0.49, 0.13),
        Priority::Low => (0.40, 0.50, 0.60),
    }
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}%"))
}

struct Fonts {
    parsed: [ParsedFont; 3],
    ids: [FontId; 3],
}

impl Fonts {
    fn load(doc: &mut PdfDocument) -> Result<Fonts, ReportError> {
        let parse = |bytes: &[u8], name: &str| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| ReportError::Font(name.to_string()))
        };
        let parsed = [
            parse(REGULAR_TTF, "NotoSans-Regular")?,
            parse(BOLD_TTF, "NotoSans-Bold")?,
            parse(ITALIC_TTF, "NotoSans-Italic")?,
        ];
        let ids = [
            doc.add_font(&parsed[0]),
            doc.add_font(&parsed[1]),
            doc.add_font(&parsed[2]),
        ];
        Ok(Fonts { parsed, ids })
    }

    /// Width of `text` in millimetres, from the font's own glyph advances.
    fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = &self.parsed[face as usize];
        let per_em = f32::from(font.font_metrics.units_per_em.max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
                f32::from(font.get_horizontal_advance(glyph))
            })
            .sum();
        units / per_em * size / PT_PER_MM
    }

    /// Breaks text into lines no wider than `width` mm; explicit newlines start new lines and
    /// a word too long for a line is cut between characters.
    fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(face, size, &candidate) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(face, size, word) <= width {
                    line = word.to_string();
                } else {
                    for c in word.chars() {
                        let mut next = line.clone();
                        next.push(c);
                        if self.width(face, size, &next) > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }
}

fn line_height(size: f32) -> f32 {
    size * 1.38 / PT_PER_MM
}

/// One styled piece of a table cell; pieces stack vertically inside the cell.
struct Piece {
    face: Face,
    color: Rgb3,
    text: String,
}

fn piece(face: Face, color: Rgb3, text: impl Into<String>) -> Piece {
    Piece {
        face,
        color,
        text: text.into(),
    }
}

struct Column {
    title: &'static str,
    width: f32,
}

/// The page being written and the pages behind it.
struct Writer<'a> {
    fonts: &'a Fonts,
    width: f32,
    height: f32,
    pages: Vec<Vec<Op>>,
    y: f32,
    bookmarks: Vec<(String, usize)>,
}

impl<'a> Writer<'a> {
    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }

    /// Starts a new page unless `needed` mm still fit on this one.
    fn ensure(&mut self, needed: f32) {
        if self.y + needed > self.bottom() {
            self.new_page();
        }
    }

    fn bookmark(&mut self, title: &str) {
        let page = self.pages.len();
        self.bookmarks.push((title.to_string(), page));
    }

    fn text(&mut self, x: f32, top: f32, face: Face, size: f32, rgb: Rgb3, s: &str) {
        if s.is_empty() {
            return;
        }
        let baseline = top + size * 1.02 / PT_PER_MM;
        let font = self.fonts.ids[face as usize].clone();
        let y = self.height - baseline;
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetFillColor { col: color(rgb) },
            Op::SetTextCursor {
                pos: Point {
                    x: Mm(x).into(),
                    y: Mm(y).into(),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(s.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    fn text_right(&mut self, right: f32, top: f32, face: Face, size: f32, rgb: Rgb3, s: &str) {
        let w = self.fonts.width(face, size, s);
        self.text(right - w, top, face, size, rgb, s);
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, rgb: Rgb3) {
        let y = self.height - top - h;
        self.ops().extend([
            Op::SetFillColor { col: color(rgb) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Mm(x).into(),
                    y: Mm(y).into(),
                    width: Mm(w).into(),
                    height: Mm(h).into(),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ]);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, rgb: Rgb3, thickness: f32) {
        let at = |x: f32| LinePoint {
            p: Point {
                x: Mm(x).into(),
                y: Mm(self.height - y).into(),
            },
            bezier: false,
        };
        let line = Line {
            points: vec![at(x1), at(x2)],
            is_closed: false,
        };
        self.ops().extend([
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line },
        ]);
    }

    /// Wrapped text at the cursor, flowing onto new pages as needed.
    fn paragraph(&mut self, face: Face, size: f32, rgb: Rgb3, text: &str) {
        self.paragraph_at(MARGIN_X, self.content_width(), face, size, rgb, text);
    }

    fn paragraph_at(&mut self, x: f32, width: f32, face: Face, size: f32, rgb: Rgb3, text: &str) {
        let lh = line_height(size);
        for line in self.fonts.wrap(face, size, text, width) {
            self.ensure(lh);
            let top = self.y;
            self.text(x, top, face, size, rgb, &line);
            self.y += lh;
        }
    }

    fn heading(&mut self, title: &str, size: f32) {
        self.ensure(line_height(size) + 20.0);
        self.y += 1.0;
        self.paragraph(Face::Bold, size, NAVY, title);
        self.y += 1.5;
    }

    fn section(&mut self, title: &str) {
        self.new_page();
        self.bookmark(title);
        self.paragraph(Face::Bold, 18.0, NAVY, title);
        let y = self.y + 1.0;
        self.rule(MARGIN_X, self.width - MARGIN_X, y, NAVY, 1.2);
        self.y += 5.0;
    }

    fn table_header(&mut self, columns: &[Column], size: f32) {
        let pad = 1.6;
        let lh = line_height(size);
        let h = lh + 2.0 * pad;
        self.rect(MARGIN_X, self.y, self.content_width(), h, HEADER_FILL);
        let mut x = MARGIN_X;
        for column in columns {
            let top = self.y + pad;
            self.text(x + pad, top, Face::Bold, size, NAVY, column.title);
            x += column.width;
        }
        self.y += h;
    }

    /// A table whose header repeats on every page it reaches; a row taller than the space left
    /// continues on the next page, line by line.
    fn table(&mut self, columns: &[Column], rows: Vec<Vec<Vec<Piece>>>, size: f32) {
        let pad = 1.6;
        let lh = line_height(size);
        self.ensure(3.0 * lh + 4.0 * pad);
        self.table_header(columns, size);
        for row in rows {
            // Each cell becomes a list of (face, colour, line).
            let mut cells: Vec<Vec<CellLine>> = row
                .iter()
                .zip(columns)
                .map(|(pieces, column)| {
                    pieces
                        .iter()
                        .flat_map(|p| {
                            self.fonts
                                .wrap(p.face, size, &p.text, column.width - 2.0 * pad)
                                .into_iter()
                                .filter(|l| !l.is_empty())
                                .map(move |l| (p.face, p.color, l))
                        })
                        .collect()
                })
                .collect();
            // Keep a row whole when it fits on a fresh page; only a row taller than a page splits.
            let row_h = cells.iter().map(Vec::len).max().unwrap_or(0) as f32 * lh + 2.0 * pad;
            let fresh_page_room = self.bottom() - MARGIN_TOP - line_height(size) - 4.0 * pad;
            if self.y + row_h > self.bottom() && row_h <= fresh_page_room
                || self.y + lh + 2.0 * pad > self.bottom()
            {
                self.new_page();
                self.table_header(columns, size);
            }
            loop {
                let fit = (((self.bottom() - self.y - 2.0 * pad) / lh).floor() as usize).max(1);
                let tallest = cells.iter().map(Vec::len).max().unwrap_or(0);
                let take = tallest.min(fit);
                let mut x = MARGIN_X;
                for (cell, column) in cells.iter_mut().zip(columns) {
                    let now: Vec<_> = cell.drain(..take.min(cell.len())).collect();
                    for (i, (face, rgb, line)) in now.iter().enumerate() {
                        let top = self.y + pad + i as f32 * lh;
                        self.text(x + pad, top, *face, size, *rgb, line);
                    }
                    x += column.width;
                }
                self.y += take as f32 * lh + 2.0 * pad;
                let y = self.y;
                self.rule(MARGIN_X, self.width - MARGIN_X, y, RULE, 0.4);
                if cells.iter().all(Vec::is_empty) {
                    break;
                }
                self.new_page();
                self.table_header(columns, size);
            }
        }
        self.y += 3.0;
    }

    /// Horizontal bars, one per row: label, track, filled share, figure.
    fn bars(&mut self, rows: &[(String, Option<f64>, bool)]) {
        let label_w = 58.0;
        let value_w = 24.0;
        let track_w = self.content_width() - label_w - value_w;
        let row_h = 7.0;
        for (label, value, in_scope) in rows {
            self.ensure(row_h);
            let top = self.y;
            let ink = if *in_scope { INK } else { MUTED };
            let label = self
                .fonts
                .wrap(Face::Regular, BODY, label, label_w - 2.0)
                .remove(0);
            self.text(MARGIN_X, top + 1.0, Face::Regular, BODY, ink, &label);
            let bar_x = MARGIN_X + label_w;
            self.rect(bar_x, top + 1.2, track_w, 4.2, TRACK);
            let figure = match (in_scope, value) {
                (false, _) => "out of scope".to_string(),
                (true, None) => "not scored".to_string(),
                (true, Some(v)) => {
                    let w = track_w * (*v as f32 / 100.0);
                    if w > 0.0 {
                        self.rect(bar_x, top + 1.2, w, 4.2, band(*v));
                    }
                    format!("{v:.1}%")
                }
            };
            let right = self.width - MARGIN_X;
            self.text_right(right, top + 1.0, Face::Bold, BODY, ink, &figure);
            self.y += row_h;
        }
        self.y += 2.0;
    }
}

/// Renders the model to PDF bytes and the page count.
pub fn render(model: &ReportModel) -> Result<(Vec<u8>, usize, PdfDocument), ReportError> {
    let mut doc = PdfDocument::new(&format!(
        "SOC 2 readiness gap analysis: {}",
        model.organisation
    ));
    let fonts = Fonts::load(&mut doc)?;
    let (width, height) = model.page_size.size_mm();
    let logo = match &model.logo {
        Some(bytes) => Some(
            RawImage::decode_from_bytes(bytes, &mut Vec::new())
                .map_err(|e| ReportError::Logo(e.to_string()))?,
        ),
        None => None,
    };
    let logo = logo.map(|image| {
        let size = (image.width as f32, image.height as f32);
        (doc.add_image(&image), size)
    });

    let mut w = Writer {
        fonts: &fonts,
        width,
        height,
        pages: Vec::new(),
        y: MARGIN_TOP,
        bookmarks: Vec::new(),
    };
    cover(&mut w, model, logo);
    executive_summary(&mut w, model);
    charts(&mut w, model);
    path_to_report(&mut w, model);
    gap_register(&mut w, model);
    roadmap(&mut w, model);
    appendix_scope(&mut w, model);
    appendix_answers(&mut w, model);
    appendix_method(&mut w, model);

    let total = w.pages.len();
    let footer_left = format!("{} · SOC 2 readiness gap analysis", model.organisation);
    let footer_left = fonts
        .wrap(
            Face::Regular,
            SMALL,
            &footer_left,
            width - 2.0 * MARGIN_X - 30.0,
        )
        .remove(0);
    let mut pages = Vec::with_capacity(total);
    let bookmarks = std::mem::take(&mut w.bookmarks);
    let drained: Vec<Vec<Op>> = std::mem::take(&mut w.pages);
    for (index, ops) in drained.into_iter().enumerate() {
        w.pages.push(ops);
        if index > 0 {
            let top = height - 15.0;
            w.rule(MARGIN_X, width - MARGIN_X, top - 1.5, RULE, 0.4);
            w.text(MARGIN_X, top, Face::Regular, SMALL, MUTED, &footer_left);
            let label = format!("Page {} of {total}", index + 1);
            w.text_right(width - MARGIN_X, top, Face::Regular, SMALL, MUTED, &label);
        }
        let ops = w.pages.pop().expect("the page just pushed");
        pages.push(PdfPage::new(Mm(width), Mm(height), ops));
    }
    doc.with_pages(pages);
    for (title, page) in bookmarks {
        doc.add_bookmark(&title, page);
    }
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
    let created = printpdf::OffsetDateTime::from_unix_timestamp(model.generated_at.timestamp())
        .map_err(|e| ReportError::Font(e.to_string()))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let bytes = doc.save(&options, &mut Vec::new());
    Ok((bytes, total, doc))
}

fn cover(w: &mut Writer, model: &ReportModel, logo: Option<(printpdf::XObjectId, (f32, f32))>) {
    w.new_page();
    w.bookmark("Cover");
    let band_h = 78.0;
    w.rect(0.0, 0.0, w.width, band_h, NAVY);
    w.text(
        MARGIN_X,
        24.0,
        Face::Bold,
        11.0,
        (0.72, 0.80, 0.90),
        "SOC 2 READINESS",
    );
    w.text(MARGIN_X, 33.0, Face::Bold, 30.0, WHITE, "Gap analysis");
    w.text(
        MARGIN_X,
        50.0,
        Face::Regular,
        12.0,
        (0.85, 0.89, 0.94),
        &format!("Readiness for a SOC 2 {} report", model.report_type),
    );
    if let Some((id, (px_w, px_h))) = logo {
        // Fit the logo in a 44 x 24 mm white box at the band's right.
        let (box_w, box_h) = (44.0f32, 24.0f32);
        let box_x = w.width - MARGIN_X - box_w;
        w.rect(box_x - 2.0, 20.0, box_w + 4.0, box_h + 4.0, WHITE);
        let scale = (box_w / px_w).min(box_h / px_h);
        let (draw_w, draw_h) = (px_w * scale, px_h * scale);
        let x = box_x + (box_w - draw_w) / 2.0;
        let top = 22.0 + (box_h - draw_h) / 2.0;
        let y = w.height - top - draw_h;
        w.ops().push(Op::UseXobject {
            id,
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
    w.y = band_h + 16.0;
    w.paragraph(Face::Bold, 24.0, INK, &model.organisation);
    if let Some(label) = &model.label {
        w.paragraph(Face::Regular, 12.0, MUTED, label);
    }
    w.y += 8.0;
    let date = model.generated_at.format("%-d %B %Y").to_string();
    let assessor = model
        .assessor
        .clone()
        .unwrap_or_else(|| "Self-assessment".into());
    let rows = [
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
    for (label, value) in rows {
        let top = w.y;
        w.text(MARGIN_X, top, Face::Regular, 10.0, MUTED, label);
        let x = MARGIN_X + 52.0;
        let width = w.width - MARGIN_X - x;
        w.paragraph_at(x, width, Face::Bold, 10.0, INK, &value);
        w.y += 2.5;
    }
    let y = w.height - 34.0;
    w.rule(MARGIN_X, w.width - MARGIN_X, y, RULE, 0.5);
    let note = format!(
        "Confidential. Prepared with SOC 2 Readiness from assessment {} (question bank {}, fingerprint {}). A readiness self-assessment, not an audit opinion.",
        model.assessment_id, model.bank_version, model.fingerprint
    );
    w.y = y + 3.0;
    w.paragraph(Face::Regular, SMALL, MUTED, &note);
}

/// One headline figure of the executive summary.
struct Stat<'s> {
    label: &'s str,
    value: String,
    detail: String,
    rgb: Rgb3,
}

fn stat_box(w: &mut Writer, x: f32, top: f32, width: f32, stat: Stat) {
    w.rect(x, top, width, 27.0, HEADER_FILL);
    w.rect(x, top, 1.6, 27.0, stat.rgb);
    w.text(x + 5.0, top + 3.0, Face::Regular, 8.5, MUTED, stat.label);
    w.text(x + 5.0, top + 8.0, Face::Bold, 22.0, stat.rgb, &stat.value);
    let detail = w
        .fonts
        .wrap(Face::Regular, 7.5, &stat.detail, width - 8.0)
        .remove(0);
    w.text(x + 5.0, top + 20.0, Face::Regular, 7.5, MUTED, &detail);
}

fn executive_summary(w: &mut Writer, model: &ReportModel) {
    w.section("Executive summary");
    let s = &model.scorecard;
    let top = w.y;
    let gap = 4.0;
    let box_w = (w.content_width() - 3.0 * gap) / 4.0;
    let headline_is_design = s.target_level == soc2_readiness_core::scoring::DESIGN_TARGET;
    let figures = [
        (
            "Design readiness",
            s.overall.design,
            if headline_is_design {
                "Type I · the headline"
            } else {
                "what a Type I tests"
            },
        ),
        (
            "Operating readiness",
            s.overall.operating,
            if headline_is_design {
                "what a Type II tests"
            } else {
                "Type II · the headline"
            },
        ),
    ];
    for (i, (label, value, detail)) in figures.into_iter().enumerate() {
        stat_box(
            w,
            MARGIN_X + i as f32 * (box_w + gap),
            top,
            box_w,
            Stat {
                label,
                value: pct(value),
                detail: detail.to_string(),
                rgb: value.map_or(MUTED, band),
            },
        );
    }
    stat_box(
        w,
        MARGIN_X + 2.0 * (box_w + gap),
        top,
        box_w,
        Stat {
            label: "Completion",
            value: pct(s.overall.completion),
            detail: if model.implied_controls > 0 {
                format!(
                    "{} answered · {} implied",
                    s.overall.answered - model.implied_controls,
                    model.implied_controls
                )
            } else {
                format!(
                    "{} of {} questions answered",
                    s.overall.answered, s.overall.applicable
                )
            },
            rgb: NAVY,
        },
    );
    let [high, medium, low] = model.gaps_by_priority;
    stat_box(
        w,
        MARGIN_X + 3.0 * (box_w + gap),
        top,
        box_w,
        Stat {
            label: "Gaps to close",
            value: model.gap_count.to_string(),
            detail: format!("{high} high · {medium} med. · {low} low"),
            rgb: priority_color(Priority::High),
        },
    );
    w.y = top + 33.0;
    w.heading(
        &format!(
            "Readiness by category ({} readiness, the headline for a {})",
            if headline_is_design {
                "design"
            } else {
                "operating"
            },
            model.report_type
        ),
        11.0,
    );
    let rows: Vec<(String, Option<f64>, bool)> = s
        .categories
        .iter()
        .map(|c| (c.name.clone(), c.readiness, c.in_scope))
        .collect();
    w.bars(&rows);
    w.heading("The five most important gaps", 11.0);
    if model.top_gaps.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "None: every applicable control is at its target level.",
        );
    } else {
        let columns = [
            Column {
                title: "#",
                width: 7.0,
            },
            Column {
                title: "Gap",
                width: w.content_width() - 7.0 - 22.0 - 22.0 - 34.0,
            },
            Column {
                title: "Criteria",
                width: 22.0,
            },
            Column {
                title: "Level",
                width: 22.0,
            },
            Column {
                title: "Owner and date",
                width: 34.0,
            },
        ];
        let rows = model
            .top_gaps
            .iter()
            .enumerate()
            .map(|(i, g)| {
                vec![
                    vec![piece(Face::Bold, INK, (i + 1).to_string())],
                    gap_summary(g),
                    vec![piece(Face::Regular, INK, g.criteria.join(", "))],
                    vec![piece(Face::Regular, INK, level_change(g))],
                    owner_cell(g),
                ]
            })
            .collect();
        w.table(&columns, rows, 8.2);
    }
    w.heading("What it takes to be audit-ready", 11.0);
    for paragraph in &model.audit_ready {
        w.paragraph(Face::Regular, BODY, INK, paragraph);
        w.y += 1.2;
    }
}

fn level_change(g: &Gap) -> String {
    match (g.current_level, &g.exception) {
        (Some(level), None) => format!("level {level} of {}", g.target_level),
        (Some(level), Some(_)) => format!("level {level} of {}, with exception", g.target_level),
        (None, _) => format!("unanswered (target {})", g.target_level),
    }
}

/// The gap in its own words, with the recorded exception and note beneath it.
fn gap_summary(g: &Gap) -> Vec<Piece> {
    let mut cell = vec![piece(Face::Bold, INK, g.title.clone())];
    if let Some(exception) = &g.exception {
        cell.push(piece(
            Face::Regular,
            priority_color(Priority::High),
            format!("Known exception: {exception}"),
        ));
    }
    if let Some(note) = &g.note {
        cell.push(piece(
            Face::Italic,
            MUTED,
            format!("Note: {}", clip(note, 220)),
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

fn owner_cell(g: &Gap) -> Vec<Piece> {
    let owner = g.owner.clone().unwrap_or_else(|| "no owner".into());
    let due = g.due.map_or_else(|| "no date".into(), |d| d.to_string());
    let ink = if g.owner.is_some() { INK } else { MUTED };
    vec![
        piece(Face::Regular, ink, owner),
        piece(Face::Regular, MUTED, due),
    ]
}

fn charts(w: &mut Writer, model: &ReportModel) {
    w.section("Readiness at a glance");
    let s = &model.scorecard;
    w.heading("By step", 11.0);
    let rows: Vec<(String, Option<f64>, bool)> = s
        .steps
        .iter()
        .filter(|step| step.step > 1)
        .map(|step| {
            (
                format!("{}. {}", step.step, step.title),
                step.readiness,
                true,
            )
        })
        .collect();
    w.bars(&rows);
    w.heading("By criterion", 11.0);
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "Each cell is one Trust Services criterion with its readiness. Grey cells are out of scope; a dash marks a criterion in scope with no applicable question.",
    );
    w.y += 2.0;
    let columns = 9usize;
    let gap = 1.2;
    let cell_w = (w.content_width() - 28.0 - gap * (columns as f32 - 1.0)) / columns as f32;
    let cell_h = 10.5;
    for category in soc2_readiness_core::catalog::Category::ALL {
        let members: Vec<_> = s
            .criteria
            .iter()
            .filter(|c| c.category == category)
            .collect();
        let rows = members.len().div_ceil(columns);
        w.ensure(rows as f32 * (cell_h + gap) + 2.0);
        let top = w.y;
        w.paragraph_at(MARGIN_X, 27.0, Face::Bold, SMALL, INK, category.name());
        w.y = top;
        for (i, c) in members.iter().enumerate() {
            let x = MARGIN_X + 28.0 + (i % columns) as f32 * (cell_w + gap);
            let y = top + (i / columns) as f32 * (cell_h + gap);
            let (fill, ink, figure) = match (c.status, c.readiness) {
                (CriterionStatus::OutOfScope, _) => (TRACK, MUTED, "out".to_string()),
                (_, None) => (WHITE, MUTED, "–".to_string()),
                (_, Some(v)) => (band(v), WHITE, format!("{v:.1}%")),
            };
            w.rect(x, y, cell_w, cell_h, fill);
            if fill == WHITE {
                w.rule(x, x + cell_w, y + cell_h, RULE, 0.5);
            }
            w.text(x + 1.5, y + 1.2, Face::Bold, 7.0, ink, &c.id);
            w.text(x + 1.5, y + 5.3, Face::Regular, 7.0, ink, &figure);
        }
        w.y = top + rows as f32 * (cell_h + gap) + 2.5;
    }
    w.y += 2.0;
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "Colours: red below 40%, amber 40 to 70%, yellow-green 70 to 90%, green 90% and above.",
    );
    // After the grid, so the grid stays on one page; the table continues with its header.
    w.y += 2.0;
    w.heading("Design and operating readiness", 11.0);
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "Design: controls designed and in place, shown by level 3 (documented): what a Type I tests at one date. Operating: controls operating with evidence kept (level 4), what a Type II tests. A control with a known exception counts as neither.",
    );
    w.y += 1.0;
    let figure_w = 30.0;
    let columns = [
        Column {
            title: "",
            width: w.content_width() - 3.0 * figure_w,
        },
        Column {
            title: "Design",
            width: figure_w,
        },
        Column {
            title: "Operating",
            width: figure_w,
        },
        Column {
            title: "Completion",
            width: figure_w,
        },
    ];
    let figures = |design: Option<f64>, operating: Option<f64>, completion: Option<f64>| {
        [design, operating, completion]
            .into_iter()
            .map(|v| vec![piece(Face::Bold, v.map_or(MUTED, band), pct(v))])
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    let mut overall = vec![vec![piece(Face::Bold, INK, "Overall")]];
    overall.extend(figures(
        s.overall.design,
        s.overall.operating,
        s.overall.completion,
    ));
    rows.push(overall);
    for c in s.categories.iter().filter(|c| c.in_scope) {
        let mut row = vec![vec![piece(Face::Regular, INK, c.name.clone())]];
        row.extend(figures(c.design, c.operating, c.completion));
        rows.push(row);
    }
    for step in s.steps.iter().filter(|step| step.step > 1) {
        let mut row = vec![vec![piece(
            Face::Regular,
            INK,
            format!("Step {}. {}", step.step, step.title),
        )]];
        row.extend(figures(step.design, step.operating, step.completion));
        rows.push(row);
    }
    w.table(&columns, rows, 8.2);
}

/// The dated plan: verdict, a timeline chart, the milestones, options when late, assumptions.
fn path_to_report(w: &mut Writer, model: &ReportModel) {
    let plan = &model.plan;
    w.section("The path to the report");
    let late = plan.meets_target == Some(false);
    w.paragraph(
        Face::Bold,
        BODY,
        if late {
            priority_color(Priority::High)
        } else {
            INK
        },
        &plan.verdict,
    );
    w.y += 3.0;
    timeline(w, plan);
    w.heading("Milestones", 11.0);
    let columns = [
        Column {
            title: "Date",
            width: 28.0,
        },
        Column {
            title: "Milestone",
            width: w.content_width() - 28.0,
        },
    ];
    let rows = plan
        .milestones
        .iter()
        .map(|m| {
            vec![
                vec![piece(Face::Bold, INK, human_date(m.date))],
                vec![piece(Face::Regular, INK, m.label.clone())],
            ]
        })
        .collect();
    w.table(&columns, rows, 8.2);
    if !plan.options.is_empty() {
        w.heading("Options to meet the deadline", 11.0);
        let columns = [
            Column {
                title: "Option",
                width: w.content_width() - 36.0,
            },
            Column {
                title: "Report in hand",
                width: 36.0,
            },
        ];
        let rows = plan
            .options
            .iter()
            .map(|o| {
                let (when, ink) = match (o.report_date, o.meets_target) {
                    (Some(d), Some(true)) => (format!("{}, on time", human_date(d)), band(95.0)),
                    (Some(d), Some(false)) => (
                        format!("{}, late", human_date(d)),
                        priority_color(Priority::High),
                    ),
                    (Some(d), None) => (human_date(d), INK),
                    (None, _) => ("–".to_string(), MUTED),
                };
                vec![
                    vec![
                        piece(Face::Bold, INK, o.title.clone()),
                        piece(Face::Regular, MUTED, o.detail.clone()),
                    ],
                    vec![piece(Face::Bold, ink, when)],
                ]
            })
            .collect();
        w.table(&columns, rows, 8.2);
    }
    if !model.tasks.is_empty() {
        w.heading("The audit project", 11.0);
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "These are steps of the audit project itself, not controls the auditor tests, so they count towards no readiness figure; the dates above assume they are done in time.",
        );
        w.y += 1.0;
        let columns = [
            Column {
                title: "Task",
                width: w.content_width() - 55.0,
            },
            Column {
                title: "Where it stands",
                width: 55.0,
            },
        ];
        let rows = model
            .tasks
            .iter()
            .map(|(task, state)| {
                vec![
                    vec![piece(Face::Regular, INK, task.clone())],
                    vec![piece(Face::Regular, INK, state.clone())],
                ]
            })
            .collect();
        w.table(&columns, rows, 8.2);
    }
    w.heading("How the dates are worked out", 11.0);
    for line in &plan.assumptions {
        w.paragraph(Face::Regular, SMALL, MUTED, line);
        w.y += 0.8;
    }
}

/// A horizontal timeline from today to the report or target date, whichever is later.
fn timeline(w: &mut Writer, plan: &soc2_readiness_core::plan::Plan) {
    use soc2_readiness_core::plan::MilestoneKind;
    let end = plan
        .target_date
        .map_or(plan.report_date, |t| t.max(plan.report_date));
    let start = plan.today.min(end);
    let span = ((end - start).num_days().max(1)) as f32;
    let left = MARGIN_X;
    let width = w.content_width();
    let x_of = |date: chrono::NaiveDate| left + width * ((date - start).num_days() as f32 / span);
    w.ensure(34.0);
    let top = w.y;
    let bar_top = top + 9.0;
    let bar_h = 7.0;
    w.rect(left, bar_top, width, bar_h, TRACK);
    let window_start = plan
        .observation_start
        .or(plan.type1_date)
        .unwrap_or(plan.remediation_end);
    let segments = [
        (plan.today, plan.remediation_end, AMBER, "Remediation"),
        (plan.remediation_end, window_start, RULE, ""),
        (
            window_start,
            plan.observation_end.unwrap_or(window_start),
            NAVY,
            "Observation",
        ),
        (
            plan.observation_end.unwrap_or(window_start),
            plan.report_date,
            band(95.0),
            "Report",
        ),
    ];
    for (from, to, rgb, label) in segments {
        let (x1, x2) = (x_of(from), x_of(to));
        if x2 - x1 > 0.2 {
            w.rect(x1, bar_top, x2 - x1, bar_h, rgb);
            let label_w = w.fonts.width(Face::Bold, 7.0, label);
            if !label.is_empty() && label_w + 2.0 < x2 - x1 {
                w.text(x1 + 1.0, bar_top + 1.6, Face::Bold, 7.0, WHITE, label);
            }
        }
    }
    // Month ticks under the bar.
    let mut month = chrono::NaiveDate::from_ymd_opt(
        chrono::Datelike::year(&start),
        chrono::Datelike::month(&start),
        1,
    )
    .unwrap_or(start);
    let months = ((end - start).num_days() / 30).max(1);
    let step = (months / 8 + 1) as u32;
    let mut last_label_end = f32::MIN;
    while month <= end {
        if month >= start {
            let x = x_of(month);
            w.rule(x, x, bar_top + bar_h + 1.5, RULE, 0.4);
            let label = month.format("%b %Y").to_string();
            let label_w = w.fonts.width(Face::Regular, 6.5, &label);
            if x > last_label_end + 1.0 && x + label_w <= left + width {
                w.text(x, bar_top + bar_h + 1.2, Face::Regular, 6.5, MUTED, &label);
                last_label_end = x + label_w;
            }
        }
        month = month
            .checked_add_months(chrono::Months::new(step))
            .unwrap_or(chrono::NaiveDate::MAX);
    }
    // Markers above the bar: the Type I date, the report date and the target date.
    let mut marks: Vec<(f32, String, Rgb3)> = Vec::new();
    for m in &plan.milestones {
        let rgb = match m.kind {
            MilestoneKind::TargetDate => priority_color(Priority::High),
            MilestoneKind::Type1Date | MilestoneKind::ReportDate => NAVY,
            _ => continue,
        };
        let short = match m.kind {
            MilestoneKind::TargetDate => "Target",
            MilestoneKind::Type1Date => "Type I date",
            _ => "Report",
        };
        marks.push((
            x_of(m.date),
            format!("{short} {}", m.date.format("%-d %b")),
            rgb,
        ));
    }
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut row_end = [f32::MIN, f32::MIN];
    for (x, label, rgb) in marks {
        // A tick above the bar, so the segment labels inside it stay readable.
        w.rect(x - 0.35, bar_top - 2.2, 0.7, 2.2, rgb);
        let label_w = w.fonts.width(Face::Bold, 7.0, &label);
        let lx = (x - label_w / 2.0).clamp(left, left + width - label_w);
        let row = if lx > row_end[0] + 1.5 { 0 } else { 1 };
        let ly = top + if row == 0 { 4.2 } else { 0.0 };
        w.text(lx, ly, Face::Bold, 7.0, rgb, &label);
        row_end[row] = lx + label_w;
    }
    w.y = bar_top + bar_h + 8.0;
}

fn gap_columns(w: &Writer) -> [Column; 5] {
    [
        Column {
            title: "Priority",
            width: 17.0,
        },
        Column {
            title: "Gap and next step",
            width: w.content_width() - 17.0 - 20.0 - 21.0 - 30.0,
        },
        Column {
            title: "Criteria",
            width: 20.0,
        },
        Column {
            title: "Level · effort",
            width: 21.0,
        },
        Column {
            title: "Owner and date",
            width: 30.0,
        },
    ]
}

/// `implies`: on the quick path, the gaps a missing foundation stands for, listed under it
/// instead of one row each.
fn gap_row(g: &Gap, implies: Option<&ImpliedBlock>) -> Vec<Vec<Piece>> {
    vec![
        vec![piece(
            Face::Bold,
            priority_color(g.priority),
            g.priority.label(),
        )],
        {
            let mut cell = gap_summary(g);
            cell.push(piece(
                Face::Regular,
                MUTED,
                format!("Next step: {}", g.remediation),
            ));
            cell.push(piece(
                Face::Regular,
                MUTED,
                format!("{} priority: {}", g.priority.label(), g.priority_reason),
            ));
            if let Some(block) = implies {
                cell.push(piece(
                    Face::Bold,
                    INK,
                    format!(
                        "Also implies {} gaps, not asked on the quick path:",
                        block.dependents.len()
                    ),
                ));
                cell.push(piece(
                    Face::Regular,
                    INK,
                    format!("{}.", block.dependents.join("; ")),
                ));
            }
            cell
        },
        vec![piece(Face::Regular, INK, g.criteria.join(", "))],
        vec![
            piece(Face::Regular, INK, level_change(g)),
            piece(Face::Regular, MUTED, format!("effort {:?}", g.effort)),
        ],
        owner_cell(g),
    ]
}

fn gap_register(w: &mut Writer, model: &ReportModel) {
    w.section("Gap register");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "{} applicable control questions are below the target level of {} ({}) or carry a known exception. They are grouped by step and ordered by priority (from impact, how far from target, known exceptions and time to the audit window), then by impact times shortfall; each names the next step from where the answer stands and why it has its priority.{}",
            model.gap_count,
            model.target_level,
            model.target_label,
            if model.implied_controls > 0 {
                format!(
                    " {} of them were not asked on the quick path: a missing foundation implies them, and they are listed under it (Appendix C).",
                    model.implied_controls
                )
            } else {
                String::new()
            }
        ),
    );
    w.y += 2.0;
    for step in &model.steps {
        w.heading(&format!("Step {}: {}", step.step, step.title), 12.0);
        w.paragraph(
            Face::Regular,
            SMALL,
            MUTED,
            &format!(
                "Design {} · operating {} · completion {} · {} gaps",
                pct(step.design),
                pct(step.operating),
                pct(step.completion),
                step.gaps.len()
            ),
        );
        w.y += 1.0;
        if step.gaps.is_empty() {
            w.paragraph(Face::Regular, BODY, INK, "No gaps in this step.");
            w.y += 2.0;
            continue;
        }
        let columns = gap_columns(w);
        // An implied gap is listed under its foundation's row, wherever that is; one whose
        // foundation is not a gap (an audit-project task) keeps a row of its own.
        let rows: Vec<_> = step
            .gaps
            .iter()
            .filter(|g| {
                g.implied_by
                    .as_ref()
                    .is_none_or(|f| !model.implied.iter().any(|b| &b.foundation == f && b.is_gap))
            })
            .map(|g| {
                let block = model.implied.iter().find(|b| b.foundation == g.question_id);
                gap_row(g, block)
            })
            .collect();
        if rows.is_empty() {
            w.paragraph(
                Face::Regular,
                BODY,
                INK,
                "Every gap in this step is implied by a missing foundation and listed under it.",
            );
            w.y += 2.0;
            continue;
        }
        w.table(&columns, rows, 7.8);
    }
}

fn roadmap(w: &mut Writer, model: &ReportModel) {
    w.section("Roadmap");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        "Gaps sequenced by priority: Now holds the High gaps (critical controls not yet documented or with known exceptions, and work that would not finish before the audit window); the next 90 days the Medium ones; Later the Low ones, which still need closing before the audit. Within each, the higher impact comes first, then the quick fix.",
    );
    w.y += 2.0;
    for (title, gaps) in &model.roadmap {
        w.heading(&format!("{title} ({} gaps)", gaps.len()), 12.0);
        if gaps.is_empty() {
            w.paragraph(Face::Regular, BODY, INK, "Nothing here.");
            w.y += 2.0;
            continue;
        }
        let columns = [
            Column {
                title: "Gap",
                width: w.content_width() - 22.0 - 14.0 - 34.0,
            },
            Column {
                title: "Criteria",
                width: 22.0,
            },
            Column {
                title: "Effort",
                width: 14.0,
            },
            Column {
                title: "Owner and date",
                width: 34.0,
            },
        ];
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
        w.table(&columns, rows, 7.8);
    }
}

fn appendix_scope(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix A: Scope");
    w.heading("Categories", 11.0);
    let columns = [
        Column {
            title: "Category",
            width: 36.0,
        },
        Column {
            title: "Decision",
            width: 22.0,
        },
        Column {
            title: "Reason",
            width: w.content_width() - 58.0,
        },
    ];
    let rows = model
        .scorecard
        .scope
        .iter()
        .map(|d| {
            let decision = if d.in_scope {
                "In scope"
            } else {
                "Out of scope"
            };
            let mut reason = vec![piece(Face::Regular, INK, d.proposal_reason.clone())];
            if let Some(why) = &d.override_reason {
                let proposed = if d.proposed { "in" } else { "out" };
                reason.push(piece(
                    Face::Italic,
                    INK,
                    format!("Overridden (proposed {proposed}): {why}"),
                ));
            }
            vec![
                vec![piece(Face::Bold, INK, d.name.clone())],
                vec![piece(Face::Regular, INK, decision)],
                reason,
            ]
        })
        .collect();
    w.table(&columns, rows, 8.2);
    w.heading("Scope answers", 11.0);
    answer_table(w, &model.scope_answers);
}

fn answer_table(w: &mut Writer, answers: &[AnswerRow]) {
    let columns = [
        Column {
            title: "Question",
            width: 78.0,
        },
        Column {
            title: "Answer and notes",
            width: w.content_width() - 78.0,
        },
    ];
    let rows = answers
        .iter()
        .map(|a| {
            let ink = if a.applies { INK } else { MUTED };
            let mut right = vec![piece(Face::Bold, ink, a.answer.clone())];
            if let Some(exception) = &a.exception {
                right.push(piece(
                    Face::Regular,
                    priority_color(Priority::High),
                    format!("Known exception: {exception}"),
                ));
            }
            if let Some(note) = &a.note {
                right.push(piece(Face::Italic, INK, note.clone()));
            }
            let mut who = Vec::new();
            if let Some(owner) = &a.owner {
                who.push(format!("owner {owner}"));
            }
            if let Some(due) = a.due {
                who.push(format!("due {due}"));
            }
            if !a.evidence.is_empty() {
                who.push(format!("evidence: {}", a.evidence.join("; ")));
            }
            if !who.is_empty() {
                right.push(piece(Face::Regular, MUTED, who.join(" · ")));
            }
            vec![
                vec![
                    piece(Face::Regular, ink, a.question.clone()),
                    piece(Face::Regular, MUTED, a.question_id.clone()),
                ],
                right,
            ]
        })
        .collect();
    w.table(&columns, rows, 7.6);
}

fn appendix_answers(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix B: Every answer");
    for step in &model.steps {
        w.heading(&format!("Step {}: {}", step.step, step.title), 11.0);
        answer_table(w, &step.answers);
    }
}

fn appendix_method(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix C: Scoring method");
    for paragraph in &model.method {
        w.paragraph(Face::Regular, BODY, INK, paragraph);
        w.y += 2.0;
    }
    if !model.implied.is_empty() {
        w.heading("Answers implied on the quick path", 11.0);
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
    for upgrade in &model.upgrades {
        w.heading(
            &format!(
                "Question bank {} to {} ({})",
                upgrade.from_version,
                upgrade.to_version,
                human_date(upgrade.at.date_naive())
            ),
            11.0,
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
        w.y += 2.0;
    }
    if let Some(note) = &model.method_note {
        w.heading("Since this assessment was answered", 11.0);
        w.paragraph(Face::Regular, BODY, INK, note);
        w.y += 2.0;
    }
    w.heading("This report", 11.0);
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
        w.text(MARGIN_X + 45.0, top, Face::Bold, BODY, INK, &value);
        w.y += line_height(BODY) + 1.0;
    }
    w.y += 2.0;
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "The fingerprint is the start of a SHA-256 hash of the assessment id, every answer, note, owner and known exception, and the scope overrides. `soc2-readiness show` prints the same value for the saved assessment, so a reader can check that this report matches it.",
    );
}
