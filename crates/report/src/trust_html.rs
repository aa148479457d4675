//! The trust page as one self-contained HTML file: no script, no external request, light and dark, with a print stylesheet.
//!
//! Every text that came from the company (its name, vendors, policies, contact) goes through
//! [`escape`] and is isolated with `<bdi>` or `dir="auto"`, so a right-to-left name cannot reorder
//! the sentence around it. The document's own policy (`default-src 'none'`) forbids every fetch,
//! so even a mistaken edit by hand after export cannot make the page call out.

use std::fmt::Write;

use soc2_readiness_core::engagement::human_date;
use soc2_readiness_core::trust::{TrustChoices, TrustPage};

/// The whole document, ready to host anywhere.
pub fn trust_html(page: &TrustPage) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"generator\" content=\"SOC 2 Readiness\">\n");
    let _ = writeln!(
        out,
        "<title>{}: security overview</title>",
        escape(&page.organisation)
    );
    out.push_str("</head>\n<body>\n");
    out.push_str(&content(page, true));
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's styles and content without the document around them: what the app's preview
/// shows, in a shadow root so the styles stay inside it. It has no landmarks of its own (the
/// app's screen has its `main`); the document's are the same blocks as `header`, `main` and
/// `footer`.
pub fn trust_fragment(page: &TrustPage) -> String {
    content(page, false)
}

fn content(page: &TrustPage, landmarks: bool) -> String {
    let (header, main, footer) = if landmarks {
        ("header", "main", "footer")
    } else {
        ("div", "div", "div")
    };
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<style>");
    out.push_str(STYLE);
    let _ = writeln!(
        out,
        "</style>\n<div class=\"trust\">\n<{header} class=\"top\">"
    );
    if page.self_assessed {
        out.push_str("<p class=\"badge\">Self-assessed</p>\n");
    }
    let _ = writeln!(
        out,
        "<h1><bdi>{}</bdi>: security overview</h1>",
        escape(&page.organisation)
    );
    let _ = writeln!(out, "<p class=\"status\">{}</p>", escape(&page.status));
    let _ = writeln!(
        out,
        "<p class=\"dated\">As of <time datetime=\"{}\">{}</time>. {}</p>",
        page.as_of,
        human_date(page.as_of),
        if page.self_assessed {
            "What follows is the company's own assessment of its controls, not an auditor's opinion."
        } else {
            "The controls below are the company's own assessment, not an auditor's opinion; the SOC 2 report carries the auditor's."
        }
    );
    let _ = writeln!(out, "</{header}>\n<{main}>");

    if !page.categories.is_empty() {
        out.push_str("<section aria-labelledby=\"scope\">\n<h2 id=\"scope\">Scope</h2>\n");
        let _ = writeln!(
            out,
            "<p>This assessment covers the Trust Services Categories {}.</p>\n</section>",
            escape(&page.categories.join(", "))
        );
    }

    out.push_str(
        "<section aria-labelledby=\"controls\">\n<h2 id=\"controls\">Controls in place</h2>\n",
    );
    if page.groups.is_empty() {
        out.push_str(
            "<p>No control is listed yet: each is shown once it is in place and documented.</p>\n",
        );
    } else {
        out.push_str("<p class=\"note\">Beside each control is what stands behind it: <strong>documented</strong> (written down and in place) or <strong>in place, with evidence</strong> (records are kept of it operating).</p>\n<div class=\"groups\">\n");
        for group in &page.groups {
            let _ = writeln!(
                out,
                "<section class=\"group\" aria-labelledby=\"g-{id}\">\n<h3 id=\"g-{id}\">{}</h3>\n<ul>",
                escape(&group.title),
                id = escape(&group.id)
            );
            for claim in &group.claims {
                let _ = writeln!(
                    out,
                    "<li>{} <span class=\"basis\">({})</span></li>",
                    escape(&claim.text),
                    claim.basis.label()
                );
            }
            out.push_str("</ul>\n</section>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");

    // An empty list is left off rather than read as "none": the preview says why it is missing.
    if let Some(list) = page.subprocessors.as_ref().filter(|l| !l.is_empty()) {
        out.push_str("<section aria-labelledby=\"subprocessors\">\n<h2 id=\"subprocessors\">Sub-processors</h2>\n");
        {
            out.push_str("<table>\n<caption>Vendors that can reach company or customer data</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Purpose</th><th scope=\"col\">Location</th></tr></thead>\n<tbody>\n");
            for s in list {
                let _ = writeln!(
                    out,
                    "<tr><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td></tr>",
                    escape(&s.name),
                    escape(&s.purpose),
                    s.location
                        .as_deref()
                        .map(escape)
                        .unwrap_or_else(|| "Not recorded".into())
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }

    if let Some(list) = page.policies.as_ref().filter(|l| !l.is_empty()) {
        out.push_str("<section aria-labelledby=\"policies\">\n<h2 id=\"policies\">Policies</h2>\n<table>\n<caption>Approved policies in force</caption>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Version</th><th scope=\"col\">Approved</th></tr></thead>\n<tbody>\n");
        for p in list {
            let _ = writeln!(
                out,
                "<tr><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td><time datetime=\"{}\">{}</time></td></tr>",
                escape(&p.title),
                escape(&p.version),
                p.approved_on,
                human_date(p.approved_on)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    if page.uptime.is_some() || page.contact.is_some() {
        out.push_str("<section aria-labelledby=\"contact\">\n<h2 id=\"contact\">Commitments and contact</h2>\n<dl>\n");
        if let Some(uptime) = &page.uptime {
            let _ = writeln!(
                out,
                "<dt>Uptime commitment</dt><dd><bdi>{}</bdi></dd>",
                escape(uptime)
            );
        }
        if let Some(contact) = &page.contact {
            let _ = writeln!(
                out,
                "<dt>Security contact</dt><dd><a href=\"{}\">{}</a></dd>",
                escape(&TrustChoices::contact_link(contact)),
                escape(contact)
            );
        }
        out.push_str("</dl>\n</section>\n");
    }
    let _ = writeln!(out, "</{main}>\n<{footer} class=\"foot\">");
    let _ = writeln!(
        out,
        "<p>Prepared with SOC 2 Readiness from <bdi>{}</bdi>'s own answers and records on {}; the controls are self-assessed, not audited. Claim wording version {}.</p>",
        escape(&page.organisation),
        human_date(page.as_of),
        escape(&page.wording)
    );
    let _ = writeln!(out, "</{footer}>\n</div>");
    out
}

/// Text as HTML text or attribute value: the five characters that can end either.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Colours pass WCAG AA (4.5:1) for body text in both schemes; system fonts only, so nothing is
/// fetched. The print rules drop the backgrounds and keep groups whole on a page.
const STYLE: &str = r#"
.trust{--bg:#ffffff;--ink:#1f2937;--muted:#4b5563;--line:#d1d5db;--accent:#1a365d;--panel:#f3f5f8;--badge-bg:#fff4d6;--badge-ink:#6b4500;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:var(--ink);background:var(--bg);
max-width:60rem;margin:0 auto;padding:2rem 1.5rem}
@media (prefers-color-scheme:dark){.trust{--bg:#111827;--ink:#e5e7eb;--muted:#b6bcc6;--line:#374151;--accent:#9cc3f5;--panel:#1f2937;--badge-bg:#3d2e00;--badge-ink:#ffd77a}}
body{margin:0;background:#ffffff}
@media (prefers-color-scheme:dark){body{background:#111827}}
.trust h1{font-size:1.8rem;margin:.25rem 0;color:var(--accent)}
.trust h2{font-size:1.25rem;margin:2rem 0 .5rem;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:.25rem}
.trust h3{font-size:1.05rem;margin:0 0 .4rem}
.trust .badge{display:inline-block;margin:0;padding:.1rem .6rem;border-radius:1rem;background:var(--badge-bg);color:var(--badge-ink);font-weight:600;font-size:.9rem}
.trust .status{font-size:1.1rem;font-weight:600;margin:.5rem 0}
.trust .dated,.trust .note,.trust .foot{color:var(--muted)}
.trust .groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
.trust .group{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.9rem 1rem}
.trust ul{margin:0;padding-left:1.1rem}
.trust li{margin:.3rem 0}
.trust .basis{color:var(--muted);font-size:.9em;white-space:nowrap}
.trust table{border-collapse:collapse;width:100%}
.trust caption{text-align:left;color:var(--muted);padding-bottom:.3rem}
.trust th,.trust td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
.trust dt{font-weight:600}
.trust dd{margin:0 0 .6rem}
.trust a{color:var(--accent)}
.trust .foot{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:.75rem;font-size:.9rem}
@media print{body{background:#fff}.trust{--bg:#fff;--ink:#000;--muted:#333;--panel:#fff;--accent:#000;max-width:none;padding:0}
.trust .group,.trust tr{break-inside:avoid}.trust a::after{content:" (" attr(href) ")"}}
"#;

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn every_character_that_ends_text_or_an_attribute_is_escaped() {
        assert_eq!(
            escape(r#"<a href='x'>&"</a>"#),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }
}
