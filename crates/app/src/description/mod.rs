//! The system description written out for people: Markdown and DOCX (editable in Word, Google Docs and LibreOffice), each with the sources of its statements numbered, or without them for a clean copy.

mod docx;
mod markdown;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use soc2_readiness_core::description::*;
use soc2_readiness_core::engagement::human_date;

/// The file formats a description is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DescriptionFormat {
    Markdown,
    Docx,
}

impl DescriptionFormat {
    pub fn parse(text: &str) -> Option<DescriptionFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(DescriptionFormat::Markdown),
            "docx" | "word" => Some(DescriptionFormat::Docx),
            _ => None,
        }
    }

    /// The format a file name asks for by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<DescriptionFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(DescriptionFormat::parse)
    }

    pub fn extension(self) -> &'static str {
        match self {
            DescriptionFormat::Markdown => "md",
            DescriptionFormat::Docx => "docx",
        }
    }
}

/// How a description is written.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Number each statement's sources and list them at the end (the working copy); without,
    /// the words alone (the copy for a report).
    pub sources: bool,
    pub made_at: DateTime<Utc>,
}

/// The description's bytes in a format.
pub fn render(
    description: &SystemDescription,
    format: DescriptionFormat,
    layout: Layout,
) -> Vec<u8> {
    match format {
        DescriptionFormat::Markdown => markdown::render(description, layout).into_bytes(),
        DescriptionFormat::Docx => docx::render(description, layout),
    }
}

/// The sources met in the document, numbered in the order they first appear, each once.
#[derive(Default)]
struct Sources {
    list: Vec<StatementSource>,
}

impl Sources {
    fn number(&mut self, source: &StatementSource) -> usize {
        match self.list.iter().position(|s| s == source) {
            Some(at) => at + 1,
            None => {
                self.list.push(source.clone());
                self.list.len()
            }
        }
    }

    /// A source as the list at the end shows it.
    fn line(source: &StatementSource) -> String {
        format!("{} ({})", source.label, source.reference)
    }
}

/// The opening lines: whose description, as of when, for which report, and how to read it.
fn preface(description: &SystemDescription, layout: Layout) -> Vec<String> {
    let draft = &description.draft;
    let mut lines = vec![format!(
        "Drafted on {} by SOC 2 Readiness from {}'s own answers and records, in plain words for the company to edit; nothing here was written by a language model or fetched from a network.",
        human_date(draft.as_of),
        draft.organisation
    )];
    if let Some(period) = draft.period {
        lines.push(format!(
            "It describes the system for the period {} to {}.",
            human_date(period.start),
            human_date(period.end)
        ));
    }
    let missing = description.missing;
    if missing > 0 {
        lines.push(format!(
            "{missing} {} still to add, each marked \"Missing\" where it belongs.",
            if missing == 1 { "fact is" } else { "facts are" }
        ));
    }
    if layout.sources {
        lines.push(
            "The numbers after a statement point to the answer or record it comes from, listed at the end."
                .to_string(),
        );
    }
    lines
}
