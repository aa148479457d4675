//! `description`: the system description drafted from the company's answers and records: print it, save the company's own text of a section (kept with its versions), and write it as DOCX or Markdown.

use std::path::PathBuf;

use soc2_readiness::Error;
use soc2_readiness::description::{
    BlockKind, DescriptionFormat, MAX_SECTION_CHARS, SectionId, SystemDescription,
};
use soc2_readiness::files;
use soc2_readiness::plan::human_date;

use super::Context;
use super::output::print_json;

#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    /// Write the description to FILE: .docx (Word, Google Docs, LibreOffice) or .md.
    #[arg(short, long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The file's format when its extension does not say: docx or md.
    #[arg(long, value_parser = parse_format, requires = "out")]
    format: Option<DescriptionFormat>,
    /// Leave out the numbers pointing to each statement's source, and their list: the copy for
    /// a report.
    #[arg(long, requires = "out")]
    without_sources: bool,
    /// The section to change or list the versions of: services, commitments, infrastructure,
    /// software, people, procedures, data, boundaries, subservice, user-entity-controls,
    /// incidents, changes, criteria.
    #[arg(long, value_parser = parse_section)]
    section: Option<SectionId>,
    /// Save the text in FILE as the company's own version of --section (plain text: a blank
    /// line between paragraphs, "- " before a list item).
    #[arg(long, value_name = "FILE", requires = "section", conflicts_with_all = ["draft", "history"])]
    text_file: Option<PathBuf>,
    /// Return --section to the draft (its earlier versions are kept).
    #[arg(long, requires = "section", conflicts_with = "history")]
    draft: bool,
    /// List the versions saved of --section.
    #[arg(long, requires = "section")]
    history: bool,
    /// Print the description (or the versions) as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_format(text: &str) -> Result<DescriptionFormat, String> {
    DescriptionFormat::parse(text).ok_or_else(|| "expected docx or md".to_string())
}

fn parse_section(text: &str) -> Result<SectionId, String> {
    SectionId::parse(text).ok_or_else(|| {
        format!(
            "no such section; the sections are {}",
            SectionId::ALL.map(SectionId::id).join(", ")
        )
    })
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let moment = cx.moment();
    if let Some(section) = args.section {
        if args.history {
            let versions = ws.description_history(&id, section)?;
            if args.json {
                print_json(&versions);
            } else if versions.is_empty() {
                println!("{}: the draft stands; no version saved", section.id());
            } else {
                for v in versions {
                    let what = match &v.text {
                        Some(text) => format!("{} characters", text.chars().count()),
                        None => "back to the draft".to_string(),
                    };
                    println!("version {}  {}  {what}", v.version, v.saved_at.to_rfc3339());
                }
            }
            return Ok(());
        }
        let text = match &args.text_file {
            Some(path) => Some(read_text(path)?),
            None if args.draft => None,
            None => {
                return Err(Error::Refused {
                    field: "section".into(),
                    reason: "give --text-file FILE to save the company's text, --draft to return to the draft, or --history".into(),
                });
            }
        };
        let description = ws.save_description_section(&id, section, text.as_deref(), moment)?;
        let shown = description
            .sections
            .iter()
            .find(|s| s.draft.id == section)
            .expect("every section is described");
        match &shown.edited {
            Some(v) => println!("saved {} as version {}", section.id(), v.version),
            None => println!("{} follows the draft", section.id()),
        }
        if args.out.is_none() {
            return Ok(());
        }
    }
    if let Some(out) = &args.out {
        let written = ws.write_description(&id, out, args.format, !args.without_sources, moment)?;
        if args.json {
            print_json(&written);
        } else {
            println!("wrote {}", written.file);
            println!(
                "{} sections, {} written by the company, {} facts missing",
                written.sections, written.edited, written.missing
            );
        }
        return Ok(());
    }
    let description = ws.system_description(&id, moment.today)?;
    if args.json {
        print_json(&description);
    } else {
        print!("{}", as_text(&description));
    }
    Ok(())
}

/// The company's text from a file: bounded, UTF-8.
fn read_text(path: &std::path::Path) -> Result<String, Error> {
    // Four bytes a character at most, so a longer file cannot hold an acceptable text.
    let bytes = files::read_at_most(path, (MAX_SECTION_CHARS * 4) as u64)?;
    String::from_utf8(bytes).map_err(|e| Error::Refused {
        field: "text_file".into(),
        reason: format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ),
    })
}

fn as_text(description: &SystemDescription) -> String {
    let draft = &description.draft;
    let mut out = format!(
        "System description: {} (as of {})\n",
        draft.organisation,
        human_date(draft.as_of)
    );
    if let Some(p) = draft.period {
        out.push_str(&format!(
            "Period: {} to {}\n",
            human_date(p.start),
            human_date(p.end)
        ));
    }
    out.push_str(&format!("{} facts missing\n", description.missing));
    for section in &description.sections {
        out.push_str(&format!(
            "\n== {} [{}]",
            section.draft.title,
            section.draft.id.id()
        ));
        if let Some(v) = &section.edited {
            out.push_str(&format!(" (the company's text, version {})", v.version));
        }
        out.push('\n');
        if section.facts_changed {
            out.push_str("  ! the answers or records behind it changed since it was saved\n");
        }
        for block in section.blocks() {
            let lead = match block.kind {
                BlockKind::Paragraph => "",
                BlockKind::Item => "- ",
                BlockKind::Missing => "MISSING: ",
                BlockKind::Note => "YOUR NOTE (reword before it goes in the report): ",
            };
            out.push_str(&format!("{lead}{}\n", block.text()));
        }
    }
    out
}
