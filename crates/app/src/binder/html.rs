//! The binder's index.html: a self-contained page (no script, nothing fetched) from criterion to control to each run, with what is missing said first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{BinderContents, EntryKind, IndexControl, IndexEntry, shown_reason};
use crate::report::html_escape as esc;

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}\
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ccd;padding:.25rem .45rem;text-align:left;vertical-align:top}\
th{background:#eef1f5}.failed,.missed{color:#9b1c1c;font-weight:600}.withdrawn{color:#555;text-decoration:line-through}\
.muted{color:#555}code{font-size:.85em;word-break:break-all}\
@media print{h2{break-after:avoid}tr{break-inside:avoid}}";

pub(super) fn write_index(
    out: &mut dyn Write,
    contents: &BinderContents,
    paths: &BTreeMap<String, String>,
) -> io::Result<()> {
    let index = contents.index;
    let period = index.period;
    write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Evidence binder: {org}, {start} to {end}</title><style>{STYLE}</style></head><body>\
         <h1>Evidence binder: {org}</h1>\
         <p>Audit period <strong>{start}</strong> to <strong>{end}</strong>. Made on {made} from the assessment \u{201c}{assessment}\u{201d}.{open}</p>",
        org = esc(&contents.organisation),
        start = period.start,
        end = period.end,
        made = contents.made_at.date_naive(),
        assessment = esc(&contents.assessment),
        open = if period.end >= contents.today {
            format!(
                " <strong>The period has not ended:</strong> this binder is as of {}; due dates after it are not judged yet.",
                contents.today
            )
        } else {
            String::new()
        },
    )?;

    // Grouped per control: a year of a weekly control with no file must read as one line.
    let days_of = |control: &IndexControl, wanted: &dyn Fn(&IndexEntry) -> bool| {
        control
            .entries
            .iter()
            .filter(|e| wanted(e))
            .map(|e| e.day.to_string())
            .collect::<Vec<_>>()
    };
    let mut lines: Vec<String> = Vec::new();
    for control in &index.controls {
        let missed = days_of(control, &|e| e.kind == EntryKind::Missed);
        if !missed.is_empty() {
            lines.push(format!(
                "<li class=\"missed\">{title}: no run recorded for {due} {days}</li>",
                title = esc(&control.title),
                due = if missed.len() == 1 {
                    "the due date"
                } else {
                    "the due dates"
                },
                days = missed.join(", ")
            ));
        }
    }
    for control in &index.controls {
        let not_run = days_of(control, &|e| e.kind == EntryKind::NotRun);
        if !not_run.is_empty() {
            lines.push(format!(
                "<li class=\"missed\">{title}: recorded as not run on {days}</li>",
                title = esc(&control.title),
                days = not_run.join(", ")
            ));
        }
    }
    for control in index.controls.iter().filter(|c| c.archived) {
        lines.push(format!(
            "<li>{title} is retired: its due dates in the period are not judged (the data file does not record when it was retired); its runs are listed below</li>",
            title = esc(&control.title)
        ));
    }
    for control in &index.controls {
        let bare = days_of(control, &|e| e.lacks_evidence());
        if !bare.is_empty() {
            lines.push(format!(
                "<li>{title}: {count} no evidence file or reference ({days})</li>",
                title = esc(&control.title),
                count = if bare.len() == 1 {
                    "1 run names".to_string()
                } else {
                    format!("{} runs name", bare.len())
                },
                days = bare.join(", ")
            ));
        }
    }
    let uncovered: Vec<String> = index
        .uncovered()
        .map(|c| format!("{} {}", esc(&c.id), esc(&c.title)))
        .collect();
    if !uncovered.is_empty() {
        lines.push(format!(
            "<li>{count} in scope no recurring control in the check log serves, so their evidence is outside this binder: {list}</li>",
            count = if uncovered.len() == 1 { "1 criterion".to_string() } else { format!("{} criteria", uncovered.len()) },
            list = uncovered.join("; ")
        ));
    }
    out.write_all(b"<h2 id=\"missing\">What is missing</h2>")?;
    if lines.is_empty() {
        out.write_all(b"<p>Every due date in the period has a run, every run names its evidence, and every criterion in scope has a recurring control.</p>")?;
    } else {
        write!(out, "<ul>{}</ul>", lines.concat())?;
    }

    out.write_all(b"<h2 id=\"criteria\">Criteria in scope</h2><table><thead><tr><th>Criterion</th><th>Title</th><th>Controls</th></tr></thead><tbody>")?;
    for criterion in &index.criteria {
        let controls: Vec<String> = criterion
            .controls
            .iter()
            .filter_map(|id| index.controls.iter().find(|c| &c.control_id == id))
            .map(|c| {
                format!(
                    "<a href=\"#control-{id}\">{title}</a>",
                    id = esc(&c.control_id),
                    title = esc(&c.title)
                )
            })
            .collect();
        write!(
            out,
            "<tr><td>{id}</td><td>{title}</td><td>{controls}</td></tr>",
            id = esc(&criterion.id),
            title = esc(&criterion.title),
            controls = if controls.is_empty() {
                "<span class=\"muted\">none recorded</span>".to_string()
            } else {
                controls.join(", ")
            }
        )?;
    }
    out.write_all(b"</tbody></table><h2 id=\"controls\">Controls and their runs</h2>")?;
    for control in &index.controls {
        write!(
            out,
            "<h3 id=\"control-{id}\">{title}</h3><p>{frequency}, owner {owner}{archived}. Serves {criteria}. \
             {judged} Keep from each run: {keep}</p>",
            id = esc(&control.control_id),
            title = esc(&control.title),
            frequency = control.frequency.id(),
            owner = esc(&control.owner),
            archived = if control.archived { " (retired)" } else { "" },
            criteria = if control.criteria.is_empty() {
                "no criterion in scope".to_string()
            } else {
                esc(&control.criteria.join(", "))
            },
            judged = if control.archived {
                "Retired: its due dates are not judged.".to_string()
            } else {
                format!(
                    "Due dates in the period: {} passed, {} failed, {} missed.",
                    control.passed, control.failed, control.missed
                )
            },
            keep = esc(&control.keep),
        )?;
        if control.entries.is_empty() {
            out.write_all(b"<p class=\"muted\">No run in the period.</p>")?;
            continue;
        }
        out.write_all(b"<table><thead><tr><th>Day</th><th>Result</th><th>By</th><th>Reason</th><th>Evidence</th></tr></thead><tbody>")?;
        for entry in &control.entries {
            let class = match entry.kind {
                EntryKind::Failed => "failed",
                EntryKind::Missed => "missed",
                EntryKind::Withdrawn => "withdrawn",
                _ => "",
            };
            let mut evidence = Vec::new();
            if let Some(file) = &entry.file {
                let path = paths.get(&file.id).map_or("", String::as_str);
                evidence.push(format!(
                    "<a href=\"{href}\">{name}</a> <code>{sha}</code>",
                    href = esc(path),
                    name = esc(&file.name),
                    sha = esc(&file.sha256)
                ));
            }
            if let Some(reference) = entry.evidence.as_deref().filter(|r| !r.trim().is_empty()) {
                evidence.push(esc(reference));
            }
            if entry.lacks_evidence() {
                evidence.push("<span class=\"missed\">none named</span>".to_string());
            }
            write!(
                out,
                "<tr><td>{day}</td><td class=\"{class}\">{result}</td><td>{by}</td><td>{reason}</td><td>{evidence}</td></tr>",
                day = entry.day,
                result = entry.kind.label(),
                by = esc(entry.performed_by.as_deref().unwrap_or("")),
                reason = esc(&shown_reason(entry, contents.notes).unwrap_or_default()),
                evidence = evidence.join("<br>"),
            )?;
        }
        out.write_all(b"</tbody></table>")?;
    }
    out.write_all(b"</body></html>\n")
}
