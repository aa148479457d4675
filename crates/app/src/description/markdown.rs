//! The description as Markdown: headings, paragraphs, lists, missing facts as quotes, sources as footnotes (GitHub and most editors number and link them).

use super::{Layout, Sources, SystemDescription, preface};
use soc2_readiness_core::description::{Block, BlockKind};

pub(super) fn render(description: &SystemDescription, layout: Layout) -> String {
    let mut sources = Sources::default();
    let mut out = format!(
        "# System description: {}\n\n",
        escape(&description.draft.organisation)
    );
    out.push_str(&escape(&preface(description, layout).join(" ")));
    out.push_str("\n\n");
    for (n, section) in description.sections.iter().enumerate() {
        out.push_str(&format!(
            "## {}. {}\n\n",
            n + 1,
            escape(&section.draft.title)
        ));
        if let Some(note) = section.edited_note() {
            out.push_str(&format!("_{}_\n\n", escape(&note)));
        }
        let blocks = section.blocks();
        let mut previous: Option<BlockKind> = None;
        // The company's notes are for the working copy only.
        for block in blocks
            .iter()
            .filter(|b| layout.sources || b.kind != BlockKind::Note)
        {
            // A list ends with a blank line; its items sit on consecutive lines.
            if previous == Some(BlockKind::Item) && block.kind != BlockKind::Item {
                out.push('\n');
            }
            out.push_str(&block_line(block, layout, &mut sources));
            out.push_str(if block.kind == BlockKind::Item {
                "\n"
            } else {
                "\n\n"
            });
            previous = Some(block.kind);
        }
        if previous == Some(BlockKind::Item) {
            out.push('\n');
        }
    }
    if layout.sources && !sources.list.is_empty() {
        out.push_str("## Where each statement comes from\n\n");
        for (n, source) in sources.list.iter().enumerate() {
            out.push_str(&format!(
                "[^{}]: {}\n",
                n + 1,
                escape(&Sources::line(source))
            ));
        }
    }
    out
}

fn block_line(block: &Block, layout: Layout, sources: &mut Sources) -> String {
    let words: Vec<String> = block
        .sentences
        .iter()
        .map(|sentence| {
            let mut text = escape(&sentence.text);
            if layout.sources {
                for source in &sentence.sources {
                    text.push_str(&format!("[^{}]", sources.number(source)));
                }
            }
            text
        })
        .collect();
    let words = guard_start(&words.join(" "));
    match block.kind {
        BlockKind::Paragraph => words,
        BlockKind::Item => format!("- {words}"),
        BlockKind::Missing => format!("> **Missing:** {words}"),
        BlockKind::Note => format!("> _Your note, to reword for the report:_ {words}"),
    }
}

/// A paragraph that starts like a list item ("- ", "+ ", "1. ") stays a paragraph.
fn guard_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        Some('-' | '+') if digits == 0 => format!("\\{text}"),
        _ => text.to_string(),
    }
}

/// The company's words as literal text: every character Markdown (or HTML inside it) would
/// read as markup is escaped, and a line is never left to start a heading or a list.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_the_company_words_stays_literal() {
        assert_eq!(
            escape("<script>&*x*_[a](b)\n# h"),
            "&lt;script&gt;&amp;\\*x\\*\\_\\[a\\](b) \\# h"
        );
        assert_eq!(escape("שלום & مرحبا"), "שלום &amp; مرحبا");
        assert_eq!(super::guard_start("12. Not a list"), "12\\. Not a list");
        assert_eq!(super::guard_start("- dash"), "\\- dash");
        assert_eq!(super::guard_start("2026 was busy"), "2026 was busy");
    }
}
