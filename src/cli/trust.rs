//! `trust`: the trust page: change what is published, preview it with what is held back and why, and write the HTML page and one-page PDF.

use std::path::PathBuf;

use soc2_readiness::Error;
use soc2_readiness::plan::human_date;
use soc2_readiness::trust::TrustPage;

use super::Context;
use super::output::print_json;

#[derive(clap::Args)]
pub struct Args {
    assessment: String,
    /// Write the static HTML page and the one-page PDF into DIR (trust-page.html, trust-page.pdf).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write the static HTML page to FILE.
    #[arg(long, value_name = "FILE.html")]
    html: Option<PathBuf>,
    /// Write the one-page PDF to FILE.
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Hold back a claim the evidence supports, by its control question's id.
    #[arg(long, value_name = "QUESTION")]
    hold: Vec<String>,
    /// Publish again a claim held back (it is shown only if the evidence supports it).
    #[arg(long, value_name = "QUESTION")]
    publish: Vec<String>,
    /// Where customers write about security: an email address or an https:// page ("" removes it).
    #[arg(long)]
    contact: Option<String>,
    /// The uptime the contracts commit to, as they state it ("" removes it).
    #[arg(long)]
    uptime: Option<String>,
    /// Leave the sub-processor list off the page (--show-subprocessors puts it back).
    #[arg(long, conflicts_with = "show_subprocessors")]
    hide_subprocessors: bool,
    #[arg(long)]
    show_subprocessors: bool,
    /// Leave the policy list off the page (--show-policies puts it back).
    #[arg(long, conflicts_with = "show_policies")]
    hide_policies: bool,
    #[arg(long)]
    show_policies: bool,
    /// Print the page's content, the claims and what is held back as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let changes = !args.hold.is_empty()
        || !args.publish.is_empty()
        || args.contact.is_some()
        || args.uptime.is_some()
        || args.hide_subprocessors
        || args.show_subprocessors
        || args.hide_policies
        || args.show_policies;
    if changes {
        let mut choices = ws.trust_choices(&id)?;
        choices.held.extend(args.hold.iter().cloned());
        for question in &args.publish {
            choices.held.remove(question);
        }
        if args.contact.is_some() {
            choices.contact = args.contact;
        }
        if args.uptime.is_some() {
            choices.uptime = args.uptime;
        }
        if args.hide_subprocessors || args.show_subprocessors {
            choices.hide_subprocessors = args.hide_subprocessors;
        }
        if args.hide_policies || args.show_policies {
            choices.hide_policies = args.hide_policies;
        }
        ws.set_trust_choices(&id, choices)?;
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| Error::File {
            path: dir.display().to_string(),
            reason: format!("the folder could not be made ({e})"),
        })?;
    }
    let (html, pdf) = match &args.out {
        Some(dir) => (
            Some(args.html.unwrap_or_else(|| dir.join("trust-page.html"))),
            Some(args.pdf.unwrap_or_else(|| dir.join("trust-page.pdf"))),
        ),
        None => (args.html, args.pdf),
    };
    let written = ws.write_trust_page(&id, html.as_deref(), pdf.as_deref(), cx.moment())?;
    if args.json {
        print_json(&written.page);
    } else {
        print_preview(&written.page);
    }
    if let Some(path) = &html {
        eprintln!("wrote {}", path.display());
    }
    if let (Some(path), Some(pages)) = (&pdf, written.pdf_pages) {
        eprintln!(
            "wrote {} ({pages} {})",
            path.display(),
            if pages == 1 { "page" } else { "pages" }
        );
    }
    Ok(())
}

fn print_preview(page: &TrustPage) {
    println!("{}: security overview", page.organisation);
    println!("{}", page.status);
    println!(
        "As of {}{}",
        human_date(page.as_of),
        if page.self_assessed {
            " · self-assessed"
        } else {
            ""
        }
    );
    if !page.categories.is_empty() {
        println!("Categories: {}", page.categories.join(", "));
    }
    println!();
    let claims = page.claim_count();
    println!(
        "Published ({claims} {}):",
        if claims == 1 { "claim" } else { "claims" }
    );
    for group in &page.groups {
        println!("  {}", group.title);
        for claim in &group.claims {
            println!(
                "    {}  {} ({})",
                claim.question_id,
                claim.text,
                claim.basis.label()
            );
        }
    }
    if let Some(list) = &page.subprocessors {
        println!("  Sub-processors: {}", list.len());
    }
    if let Some(list) = &page.policies {
        println!("  Policies: {}", list.len());
    }
    if let Some(uptime) = &page.uptime {
        println!("  Uptime commitment: {uptime}");
    }
    if let Some(contact) = &page.contact {
        println!("  Security contact: {contact}");
    }
    if !page.held_back.is_empty() {
        println!();
        println!("Held back ({}):", page.held_back.len());
        for held in &page.held_back {
            match &held.question_id {
                Some(question) => println!("  {question}  {}", held.item),
                None => println!("  {}", held.item),
            }
            println!("      {}", held.reason);
        }
    }
}
