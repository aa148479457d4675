//! The bundled Noto Sans faces: loading them into the document, measuring text, wrapping it.

use printpdf::{FontId, ParsedFont, PdfDocument};

use crate::ReportError;

/// Type is set in points and the page is measured in millimetres; this converts between them.
pub(super) const PT_PER_MM: f32 = 72.0 / 25.4;

const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Italic.ttf");

/// The three faces the report uses; the value indexes `Fonts`' arrays.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Face {
    Regular = 0,
    Bold = 1,
    Italic = 2,
}

/// Each face twice: parsed, for measuring, and as the document's handle, for drawing.
pub(super) struct Fonts {
    parsed: [ParsedFont; 3],
    ids: [FontId; 3],
}

impl Fonts {
    pub(super) fn load(doc: &mut PdfDocument) -> Result<Fonts, ReportError> {
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

    pub(super) fn id(&self, face: Face) -> FontId {
        self.ids[face as usize].clone()
    }

    /// Width of `text` in millimetres, from the font's own glyph advances.
    pub(super) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
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
    pub(super) fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
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

    /// The first line `text` wraps to: for labels that get one line and lose the rest.
    pub(super) fn first_line(&self, face: Face, size: f32, text: &str, width: f32) -> String {
        self.wrap(face, size, text, width).remove(0)
    }
}
