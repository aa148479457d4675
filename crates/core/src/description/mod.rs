//! The system description draft: each section a SOC 2 report's description opens with, written in our words from the company's own answers and records, every sentence naming where it came from and every missing fact named in place.
//!
//! No language model and no network: a sentence is either a fact the data file holds, put in
//! a plain sentence, or a note saying which fact is missing and where to add it. The company
//! edits sections in its own words; those versions are kept (`kept.rs`) and a section whose
//! facts have changed since it was edited says so.

mod components;
mod facts;
mod kept;
mod period;
mod programme;
mod system;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::ReportType;
use crate::binder::AuditPeriod;
use crate::calendar::CalendarRow;
use crate::catalog::Bank;
use crate::evaluation::Evaluation;
use crate::registers::Registers;
use crate::scoring::Scorecard;
pub use kept::{
    DescribedSection, KeptDescription, MAX_SECTION_CHARS, SectionVersion, SystemDescription,
    blocks_of, describe,
};

/// The sections, in the order a report's description gives them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SectionId {
    Services,
    Commitments,
    Infrastructure,
    Software,
    People,
    Procedures,
    Data,
    Boundaries,
    Subservice,
    UserEntityControls,
    Incidents,
    Changes,
    Criteria,
}

impl SectionId {
    pub const ALL: [SectionId; 13] = [
        SectionId::Services,
        SectionId::Commitments,
        SectionId::Infrastructure,
        SectionId::Software,
        SectionId::People,
        SectionId::Procedures,
        SectionId::Data,
        SectionId::Boundaries,
        SectionId::Subservice,
        SectionId::UserEntityControls,
        SectionId::Incidents,
        SectionId::Changes,
        SectionId::Criteria,
    ];

    /// The id files, the CLI and the app use (`user-entity-controls`).
    pub fn id(self) -> &'static str {
        match self {
            SectionId::Services => "services",
            SectionId::Commitments => "commitments",
            SectionId::Infrastructure => "infrastructure",
            SectionId::Software => "software",
            SectionId::People => "people",
            SectionId::Procedures => "procedures",
            SectionId::Data => "data",
            SectionId::Boundaries => "boundaries",
            SectionId::Subservice => "subservice",
            SectionId::UserEntityControls => "user-entity-controls",
            SectionId::Incidents => "incidents",
            SectionId::Changes => "changes",
            SectionId::Criteria => "criteria",
        }
    }

    pub fn parse(text: &str) -> Option<SectionId> {
        SectionId::ALL.into_iter().find(|s| s.id() == text.trim())
    }

    /// Our own heading for the section.
    pub fn title(self) -> &'static str {
        match self {
            SectionId::Services => "The company and the services covered",
            SectionId::Commitments => "Service commitments and system requirements",
            SectionId::Infrastructure => "Components: infrastructure",
            SectionId::Software => "Components: software and tools",
            SectionId::People => "Components: people",
            SectionId::Procedures => "Components: procedures",
            SectionId::Data => "Components: data",
            SectionId::Boundaries => "The system's boundaries",
            SectionId::Subservice => "Subservice organisations and the controls expected of them",
            SectionId::UserEntityControls => "Controls customers are expected to run",
            SectionId::Incidents => "Significant incidents",
            SectionId::Changes => "Significant changes",
            SectionId::Criteria => "Criteria in scope and the controls that meet them",
        }
    }
}

/// Where a sentence's fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// An answer (its value).
    Answer,
    /// The note the user wrote beside an answer, quoted.
    Note,
    /// An entry of one of the programme's registers.
    Register,
    /// An adopted recurring control on the calendar.
    Control,
    /// The categories in scope (proposed or decided).
    Scope,
}

/// One source of a sentence: `reference` is the question id, `vendors/<entry id>`, the control
/// id or `scope`; `label` says it in words ("Answer: Where does the system run?").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StatementSource {
    pub kind: SourceKind,
    pub reference: String,
    pub label: String,
}

/// One sentence with where it came from (a missing-fact note names where to add it instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Sentence {
    pub text: String,
    pub sources: Vec<StatementSource>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    /// One item of a list.
    Item,
    /// A fact the description needs and the data file does not hold, with where to add it.
    Missing,
    /// The company's own note on an answer, beside the draft to be reworded: never in the
    /// copy for the report.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Block {
    pub kind: BlockKind,
    pub sentences: Vec<Sentence>,
}

impl Block {
    /// The block's words without their sources.
    pub fn text(&self) -> String {
        self.sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DraftSection {
    pub id: SectionId,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The marker a missing fact carries in plain text, so an edited section keeps it visible.
pub const MISSING_MARK: &str = "[Missing] ";
/// The marker of the company's own note in plain text.
pub const NOTE_MARK: &str = "[Your note] ";

impl DraftSection {
    /// The section as plain text: paragraphs apart by a blank line, list items as `- `, missing
    /// facts marked. What the app's editor starts from, and what a kept version is compared
    /// with to tell that the facts changed.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut last: Option<BlockKind> = None;
        for block in &self.blocks {
            if last.is_some() {
                let tight = block.kind == BlockKind::Item && last == Some(BlockKind::Item);
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            match block.kind {
                BlockKind::Paragraph => {}
                BlockKind::Item => out.push_str("- "),
                BlockKind::Missing => out.push_str(MISSING_MARK),
                BlockKind::Note => out.push_str(NOTE_MARK),
            }
            out.push_str(&block.text());
            last = Some(block.kind);
        }
        out
    }

    /// How many facts the section still lacks.
    pub fn missing(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Missing)
            .count()
    }
}

/// The draft as of a day: every section, for the period it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct DescriptionDraft {
    pub organisation: String,
    pub as_of: NaiveDate,
    pub report_type: ReportType,
    /// The period a Type II describes; `None` for a Type I or while its start is not chosen.
    pub period: Option<AuditPeriod>,
    pub sections: Vec<DraftSection>,
}

/// What a draft is written from, all read once by the caller.
pub struct DescriptionFacts<'a> {
    pub bank: &'a Bank,
    pub evaluation: &'a Evaluation,
    pub scorecard: &'a Scorecard,
    pub registers: &'a Registers,
    /// The calendar's adopted controls (retired ones are left out here).
    pub controls: &'a [CalendarRow],
    pub period: Option<AuditPeriod>,
}

/// Drafts every section from the facts.
pub fn draft(facts: &DescriptionFacts) -> DescriptionDraft {
    let sections = SectionId::ALL
        .into_iter()
        .map(|id| DraftSection {
            id,
            title: id.title().to_string(),
            blocks: match id {
                SectionId::Services => system::services(facts),
                SectionId::Commitments => system::commitments(facts),
                SectionId::Infrastructure => components::infrastructure(facts),
                SectionId::Software => components::software(facts),
                SectionId::People => components::people(facts),
                SectionId::Procedures => programme::procedures(facts),
                SectionId::Data => components::data(facts),
                SectionId::Boundaries => system::boundaries(facts),
                SectionId::Subservice => programme::subservice(facts),
                SectionId::UserEntityControls => programme::user_entity_controls(facts),
                SectionId::Incidents => period::incidents(facts),
                SectionId::Changes => period::changes(facts),
                SectionId::Criteria => programme::criteria(facts),
            },
        })
        .collect();
    DescriptionDraft {
        organisation: facts.evaluation.assessment.organisation.clone(),
        as_of: facts.evaluation.today,
        report_type: facts.evaluation.report_type(),
        period: facts.period,
        sections,
    }
}
