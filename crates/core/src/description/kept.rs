//! The company's own versions of description sections: each save a new version (none is ever rewritten), the draft text it was edited from remembered, so a section whose facts changed since says so.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    Block, BlockKind, DescriptionDraft, DraftSection, MISSING_MARK, NOTE_MARK, SectionId, Sentence,
};
use crate::calendar::sha256_hex;
use crate::registers::RecordError;

/// A section's text is a page or two; more is a paste gone wrong.
pub const MAX_SECTION_CHARS: usize = 20_000;

/// One saved version of a section. `text: None` returns the section to the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct SectionVersion {
    pub version: u32,
    pub text: Option<String>,
    #[ts(type = "string")]
    pub saved_at: DateTime<Utc>,
    /// The SHA-256 of the draft's plain text when this version was saved.
    pub draft_sha256: String,
}

/// Every section's versions, oldest first: what the data file keeps per programme.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
pub struct KeptDescription {
    pub sections: BTreeMap<SectionId, Vec<SectionVersion>>,
}

impl KeptDescription {
    /// Adds a version of `section`: the company's text (trimmed; empty is refused, as is one
    /// over [`MAX_SECTION_CHARS`]) or `None` to go back to the draft. Saving what is already the
    /// latest version adds nothing and returns `false`.
    pub fn save(
        &mut self,
        section: SectionId,
        text: Option<&str>,
        draft: &DraftSection,
        now: DateTime<Utc>,
    ) -> Result<bool, RecordError> {
        let text = match text.map(clean) {
            Some(t) if t.is_empty() => {
                return Err(RecordError::new(
                    "text",
                    "is empty: to use the draft again, return the section to the draft",
                ));
            }
            Some(t) if t.chars().count() > MAX_SECTION_CHARS => {
                return Err(RecordError::new(
                    "text",
                    format!("is longer than {MAX_SECTION_CHARS} characters"),
                ));
            }
            other => other,
        };
        let versions = self.sections.entry(section).or_default();
        let latest = versions.last().and_then(|v| v.text.clone());
        if latest == text {
            return Ok(false);
        }
        versions.push(SectionVersion {
            version: versions.last().map_or(1, |v| v.version + 1),
            text,
            saved_at: now,
            draft_sha256: sha256_hex(draft.plain_text().as_bytes()),
        });
        Ok(true)
    }

    /// The company's current text of a section, when it has one.
    pub fn current(&self, section: SectionId) -> Option<&SectionVersion> {
        self.sections
            .get(&section)
            .and_then(|v| v.last())
            .filter(|v| v.text.is_some())
    }
}

/// Line ends made `\n`, trailing spaces and control characters (other than new lines and tabs)
/// taken out: pasted text from a word processor carries them, and DOCX refuses some.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A section as the app and the exports show it: the draft, and the company's text when it has
/// edited it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct DescribedSection {
    pub draft: DraftSection,
    /// The draft as plain text: what the app's editor starts from when nothing is saved.
    pub draft_text: String,
    /// The company's latest text; `None` while the draft stands.
    pub edited: Option<SectionVersion>,
    /// How many versions the company has saved (returns to the draft included).
    pub versions: u32,
    /// The facts behind the draft changed since the company's text was saved.
    pub facts_changed: bool,
}

impl DescribedSection {
    /// What the exports print: the company's text, or the draft's.
    pub fn text(&self) -> String {
        match self.edited.as_ref().and_then(|v| v.text.clone()) {
            Some(text) => text,
            None => self.draft_text.clone(),
        }
    }

    /// What a section the company rewrote says about itself in every export: its version and
    /// day, and whether the facts behind it moved since.
    pub fn edited_note(&self) -> Option<String> {
        let version = self.edited.as_ref()?;
        let mut note = format!(
            "Written by the company: version {}, saved {}.",
            version.version,
            crate::engagement::human_date(version.saved_at.date_naive())
        );
        if self.facts_changed {
            note.push_str(
                " The answers or records behind this section have changed since: compare it with the new draft.",
            );
        }
        Some(note)
    }

    /// The blocks the exports lay out: the draft's with their sources, or the company's text
    /// read back into blocks (no sources: the words are the company's own).
    pub fn blocks(&self) -> Vec<Block> {
        match self.edited.as_ref().and_then(|v| v.text.as_deref()) {
            Some(text) => blocks_of(text),
            None => self.draft.blocks.clone(),
        }
    }
}

/// Plain text as blocks, the way [`DraftSection::plain_text`] writes them: a blank line ends a
/// paragraph, `- ` (or `* `) starts a list item, the missing mark a missing fact.
pub fn blocks_of(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        let (kind, words) = if let Some(rest) = line.strip_prefix("- ").or(line.strip_prefix("* "))
        {
            (BlockKind::Item, rest)
        } else if let Some(rest) = line.strip_prefix(MISSING_MARK.trim_end()) {
            (BlockKind::Missing, rest.trim_start())
        } else if let Some(rest) = line.strip_prefix(NOTE_MARK.trim_end()) {
            (BlockKind::Note, rest.trim_start())
        } else {
            (BlockKind::Paragraph, line)
        };
        let continues = open && kind == BlockKind::Paragraph;
        match blocks.last_mut() {
            Some(last) if continues => {
                let sentence = &mut last.sentences[0].text;
                sentence.push(' ');
                sentence.push_str(words);
            }
            _ => blocks.push(Block {
                kind,
                sentences: vec![Sentence {
                    text: words.to_string(),
                    sources: Vec::new(),
                }],
            }),
        }
        open = true;
    }
    blocks
}

/// The description: the draft with the company's versions laid over it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SystemDescription {
    pub draft: DescriptionDraft,
    pub sections: Vec<DescribedSection>,
    /// Sections the company has written in its own words.
    pub edited: u32,
    /// Facts the sections standing as drafted still lack.
    pub missing: u32,
}

/// Lays the kept versions over the draft.
pub fn describe(draft: DescriptionDraft, kept: &KeptDescription) -> SystemDescription {
    let sections = draft
        .sections
        .iter()
        .map(|section| {
            let edited = kept.current(section.id).cloned();
            let facts_changed = edited
                .as_ref()
                .is_some_and(|v| v.draft_sha256 != sha256_hex(section.plain_text().as_bytes()));
            DescribedSection {
                draft_text: section.plain_text(),
                draft: section.clone(),
                edited,
                versions: kept.sections.get(&section.id).map_or(0, |v| v.len() as u32),
                facts_changed,
            }
        })
        .collect::<Vec<DescribedSection>>();
    let edited = sections.iter().filter(|s| s.edited.is_some()).count() as u32;
    let missing = sections
        .iter()
        .filter(|s| s.edited.is_none())
        .map(|s| s.draft.missing() as u32)
        .sum();
    SystemDescription {
        draft,
        sections,
        edited,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(text: &str) -> DraftSection {
        DraftSection {
            id: SectionId::Services,
            title: "t".into(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                sentences: vec![Sentence {
                    text: text.into(),
                    sources: Vec::new(),
                }],
            }],
        }
    }

    fn at(second: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + second, 0).unwrap()
    }

    #[test]
    fn versions_are_added_never_rewritten_and_the_same_text_adds_none() {
        let mut kept = KeptDescription::default();
        let draft = section("Drafted.");
        assert!(!kept.save(SectionId::Services, None, &draft, at(0)).unwrap());
        assert!(
            kept.save(SectionId::Services, Some(" Ours.\r\n"), &draft, at(1))
                .unwrap()
        );
        assert!(
            !kept
                .save(SectionId::Services, Some("Ours."), &draft, at(2))
                .unwrap()
        );
        assert!(kept.save(SectionId::Services, None, &draft, at(3)).unwrap());
        assert!(
            kept.save(SectionId::Services, Some("Ours again."), &draft, at(4))
                .unwrap()
        );
        let versions = &kept.sections[&SectionId::Services];
        assert_eq!(
            versions
                .iter()
                .map(|v| (v.version, v.text.clone()))
                .collect::<Vec<_>>(),
            vec![
                (1, Some("Ours.".into())),
                (2, None),
                (3, Some("Ours again.".into()))
            ]
        );
        assert_eq!(kept.current(SectionId::Services).unwrap().version, 3);
    }

    #[test]
    fn empty_and_oversized_text_is_refused_with_its_field() {
        let mut kept = KeptDescription::default();
        let draft = section("Drafted.");
        let empty = kept
            .save(SectionId::Services, Some(" \n "), &draft, at(0))
            .unwrap_err();
        assert_eq!(empty.field, "text");
        let long = "x".repeat(MAX_SECTION_CHARS + 1);
        assert!(
            kept.save(SectionId::Services, Some(&long), &draft, at(0))
                .is_err()
        );
        assert!(kept.sections.values().all(Vec::is_empty));
    }

    #[test]
    fn a_section_edited_before_its_facts_changed_says_so() {
        let mut kept = KeptDescription::default();
        let before = section("Runs on AWS.");
        kept.save(SectionId::Services, Some("Ours."), &before, at(0))
            .unwrap();
        let draft = |s: DraftSection| DescriptionDraft {
            organisation: "Acme".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            report_type: crate::assessment::ReportType::Type1,
            period: None,
            sections: vec![s],
        };
        let same = describe(draft(before.clone()), &kept);
        assert!(!same.sections[0].facts_changed);
        assert_eq!(same.sections[0].text(), "Ours.");
        let changed = describe(draft(section("Runs on AWS and Google Cloud.")), &kept);
        assert!(changed.sections[0].facts_changed);
    }

    #[test]
    fn plain_text_reads_back_as_the_blocks_it_was_written_from() {
        let draft = DraftSection {
            id: SectionId::Software,
            title: "t".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Paragraph,
                    sentences: vec![Sentence {
                        text: "One.".into(),
                        sources: Vec::new(),
                    }],
                },
                Block {
                    kind: BlockKind::Item,
                    sentences: vec![Sentence {
                        text: "A: b.".into(),
                        sources: Vec::new(),
                    }],
                },
                Block {
                    kind: BlockKind::Item,
                    sentences: vec![Sentence {
                        text: "C: d.".into(),
                        sources: Vec::new(),
                    }],
                },
                Block {
                    kind: BlockKind::Missing,
                    sentences: vec![Sentence {
                        text: "Add it.".into(),
                        sources: Vec::new(),
                    }],
                },
            ],
        };
        assert_eq!(blocks_of(&draft.plain_text()), draft.blocks);
        let wrapped = blocks_of("First line\nsecond line.\n\n* star item");
        assert_eq!(wrapped[0].text(), "First line second line.");
        assert_eq!(wrapped[1].kind, BlockKind::Item);
    }
}
