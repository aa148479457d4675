//! The description as a DOCX file: the few WordprocessingML parts Word, Google Docs and LibreOffice need (styles for the title, headings and list, one bullet numbering), every fact escaped for XML.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{Layout, Sources, SystemDescription, preface};
use soc2_readiness_core::description::{Block, BlockKind};

pub(super) fn render(description: &SystemDescription, layout: Layout) -> Vec<u8> {
    let title = format!("System description: {}", description.draft.organisation);
    let mut sources = Sources::default();
    let mut body = String::new();
    body.push_str(&paragraph("Title", &[run(&title, Run::Plain)]));
    for line in preface(description, layout) {
        body.push_str(&paragraph("Preface", &[run(&line, Run::Plain)]));
    }
    for (n, section) in description.sections.iter().enumerate() {
        body.push_str(&paragraph(
            "Heading1",
            &[run(
                &format!("{}. {}", n + 1, section.draft.title),
                Run::Plain,
            )],
        ));
        if let Some(note) = section.edited_note() {
            body.push_str(&paragraph("Preface", &[run(&note, Run::Italic)]));
        }
        // The company's notes are for the working copy only.
        for block in section
            .blocks()
            .into_iter()
            .filter(|b| layout.sources || b.kind != BlockKind::Note)
        {
            body.push_str(&block_xml(&block, layout, &mut sources));
        }
    }
    if layout.sources && !sources.list.is_empty() {
        body.push_str(&paragraph(
            "Heading1",
            &[run("Where each statement comes from", Run::Plain)],
        ));
        for (n, source) in sources.list.iter().enumerate() {
            body.push_str(&paragraph(
                "Source",
                &[
                    run(&format!("{}. ", n + 1), Run::Bold),
                    run(&Sources::line(source), Run::Plain),
                ],
            ));
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let made = layout.made_at.format("%Y-%m-%dT%H:%M:%SZ");
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>SOC 2 Readiness</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{made}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{made}</dcterms:modified></cp:coreProperties>"#,
        xml(&title)
    );
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", APP),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ];
    let stamp = crate::binder::zip_stamp(layout.made_at);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // Writing into memory fails only when out of memory, which aborts anyway.
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .expect("a DOCX part is written into memory");
    };
    for (name, text) in parts {
        put(name, text);
    }
    put("word/document.xml", &document);
    zip.finish()
        .expect("a DOCX package is finished in memory")
        .into_inner()
}

#[derive(Clone, Copy)]
enum Run {
    Plain,
    Bold,
    Italic,
    Superscript,
}

fn run(text: &str, kind: Run) -> String {
    let props = match kind {
        Run::Plain => "",
        Run::Bold => "<w:rPr><w:b/></w:rPr>",
        Run::Italic => "<w:rPr><w:i/></w:rPr>",
        Run::Superscript => "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>",
    };
    format!(
        "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml(text)
    )
}

fn paragraph(style: &str, runs: &[String]) -> String {
    let numbering = if style == "ListBullet" {
        "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
    } else {
        ""
    };
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{numbering}</w:pPr>{}</w:p>",
        runs.concat()
    )
}

fn block_xml(block: &Block, layout: Layout, sources: &mut Sources) -> String {
    let mut runs = Vec::new();
    match block.kind {
        BlockKind::Missing => runs.push(run("Missing: ", Run::Bold)),
        BlockKind::Note => runs.push(run("Your note, to reword for the report: ", Run::Bold)),
        BlockKind::Paragraph | BlockKind::Item => {}
    }
    for (n, sentence) in block.sentences.iter().enumerate() {
        let lead = if n == 0 { "" } else { " " };
        runs.push(run(&format!("{lead}{}", sentence.text), Run::Plain));
        if layout.sources && !sentence.sources.is_empty() {
            let numbers: Vec<String> = sentence
                .sources
                .iter()
                .map(|s| sources.number(s).to_string())
                .collect();
            runs.push(run(&numbers.join(","), Run::Superscript));
        }
    }
    let style = match block.kind {
        BlockKind::Paragraph => "Normal",
        BlockKind::Item => "ListBullet",
        BlockKind::Missing => "Missing",
        BlockKind::Note => "Note",
    };
    paragraph(style, &runs)
}

/// Text as XML character data: markup escaped, and the characters XML 1.0 cannot hold at all
/// (control characters but tab, non-characters) left out, or Word refuses the whole file.
pub(super) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push('\t'),
            '\n' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>SOC 2 Readiness</Application></Properties>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Preface"><w:name w:val="Preface"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="444444"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Missing"><w:name w:val="Missing fact"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="C77700"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FFF4DC"/><w:ind w:left="240"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Company note"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="240"/></w:pPr><w:rPr><w:i/><w:color w:val="555555"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#8226;"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn facts_are_escaped_and_characters_xml_cannot_hold_are_dropped() {
        assert_eq!(
            xml("A&B <b>\"q\" 'x'\u{1}\u{FFFF} مرحبا"),
            "A&amp;B &lt;b&gt;&quot;q&quot; &apos;x&apos; مرحبا"
        );
    }
}
