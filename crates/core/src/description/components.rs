//! The components of the system as the scoping answers and the registers describe them: infrastructure, software and tools, people, data.

use super::facts::{
    Reader, entry, item, labels, listed, live, missing, one_line, paragraph, quoted, said,
};
use super::{Block, SourceKind, StatementSource};
use crate::engagement::human_date;
use crate::registers::person::PersonKind;
use crate::registers::vendor::Subservice;

const HOSTING: &str = "scope.hosting";
const CLOUD_ACCOUNTS: &str = "scope.cloud-accounts";
const ENVIRONMENTS: &str = "scope.environments";
const DATA_STORES: &str = "scope.data-stores";
const TEAMS: &str = "scope.teams";
const OFFICES: &str = "scope.offices";
const LOCATIONS: &str = "scope.locations";
const REMOTE: &str = "scope.remote-work";
const DATA_KINDS: &str = "scope.data-kinds";
const PERSONAL_ROLE: &str = "scope.personal-data-role";
const AI: &str = "scope.ai-processing";

pub(super) fn infrastructure(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    let hosting = labels(read, HOSTING, &read.chosen(HOSTING));
    let mut sentences = Vec::new();
    if hosting.is_empty() {
        blocks.push(missing(
            "Where the system runs is not answered: answer \"Where does the system run?\" in step 1",
        ));
    } else {
        sentences.push(said(
            format!("The system runs on {}", listed(&hosting)),
            vec![read.answer(HOSTING)],
        ));
        notes.extend(quoted(read, HOSTING));
    }
    if let Some(accounts) = read.text(CLOUD_ACCOUNTS) {
        sentences.push(said(
            format!("The accounts, projects and subscriptions that hold it: {accounts}"),
            vec![read.answer(CLOUD_ACCOUNTS)],
        ));
    } else if !hosting.is_empty() {
        blocks.push(missing(
            "The cloud accounts, projects or subscriptions that hold the system are not listed (step 1)",
        ));
    }
    let environments = labels(read, ENVIRONMENTS, &read.chosen(ENVIRONMENTS));
    if !environments.is_empty() {
        sentences.push(said(
            format!(
                "The system takes in these environments: {}",
                listed(&environments)
            ),
            vec![read.answer(ENVIRONMENTS)],
        ));
    }
    if !sentences.is_empty() {
        blocks.insert(0, paragraph(sentences));
    }
    let mut places = Vec::new();
    match read.yes(OFFICES) {
        Some(true) => places.push(said(
            "Staff work from offices the company controls, where systems or customer data can be reached",
            vec![read.answer(OFFICES)],
        )),
        Some(false) => places.push(said(
            "The company has no office of its own from which the system or customer data can be reached",
            vec![read.answer(OFFICES)],
        )),
        None => {}
    }
    if read.yes(REMOTE) == Some(true) {
        places.push(said(
            "People work on the system from home or other networks the company does not manage",
            vec![read.answer(REMOTE)],
        ));
    }
    if let Some(locations) = read.text(LOCATIONS) {
        places.push(said(
            format!("Where people work: {locations}"),
            vec![read.answer(LOCATIONS)],
        ));
    }
    if !places.is_empty() {
        blocks.push(paragraph(places));
    }
    blocks.extend(notes);
    blocks
}

pub(super) fn software(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    if let Some(stores) = read.text(DATA_STORES) {
        blocks.push(paragraph(vec![said(
            format!("Customer data is held in: {stores}"),
            vec![read.answer(DATA_STORES)],
        )]));
    }
    let tools: Vec<_> = live(&read.registers.vendors)
        .filter(|e| e.record.subservice == Subservice::No)
        .collect();
    if tools.is_empty() {
        blocks.push(missing(
            "No tool or supplier is recorded in the vendor register: add the services the team uses to build and run the system (source control, ticketing, monitoring, email) in Registers, Vendors",
        ));
    } else {
        blocks.push(paragraph(vec![said(
            "The team builds and runs the system with these services, from the vendor register:",
            Vec::new(),
        )]));
        let mut tools = tools;
        tools.sort_by_key(|e| e.record.name.to_lowercase());
        for e in tools {
            blocks.push(item(said(
                format!("{}: {}", e.record.name, one_line(&e.record.service)),
                vec![entry("vendors", &e.id, &e.record.name)],
            )));
        }
    }
    if read.yes(AI).is_none() && read.asked(AI) {
        blocks.push(missing(
            "Whether the service sends customer data to AI model providers is not answered (step 1): each one that does belongs here and in the vendor register",
        ));
    }
    if read.yes(AI) == Some(true) {
        let sentences = vec![said(
            "The service sends customer data to AI model providers, or runs models on it",
            vec![read.answer(AI)],
        )];
        notes.extend(quoted(read, AI));
        blocks.push(paragraph(sentences));
    }
    blocks.extend(notes);
    blocks
}

pub(super) fn people(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    match read.text(TEAMS) {
        Some(teams) => blocks.push(paragraph(vec![said(
            format!("The teams that build, run and support the system: {teams}"),
            vec![read.answer(TEAMS)],
        )])),
        None => blocks.push(missing(
            "The teams that build, run or support the system are not named (step 1)",
        )),
    }
    let at = read.window().1;
    let current: Vec<_> = live(&read.registers.people)
        .filter(|e| e.record.start <= at && e.record.end.is_none_or(|end| end >= at))
        .collect();
    if current.is_empty() {
        blocks.push(missing(
            "The people register holds nobody working on the system: add staff and contractors in Registers, People",
        ));
    } else {
        let employees = current
            .iter()
            .filter(|e| e.record.kind == PersonKind::Employee)
            .count();
        let contractors = current.len() - employees;
        let mut roles: Vec<String> = current.iter().map(|e| one_line(&e.record.role)).collect();
        roles.sort_by_key(|r| r.to_lowercase());
        roles.dedup_by_key(|r| r.to_lowercase());
        let register = StatementSource {
            kind: SourceKind::Register,
            reference: "people".into(),
            label: format!("People: {} entries in use on that day", current.len()),
        };
        let mut sentences = vec![said(
            format!(
                "On {} the people register lists {} {} and {} {}",
                human_date(at),
                employees,
                if employees == 1 {
                    "employee"
                } else {
                    "employees"
                },
                contractors,
                if contractors == 1 {
                    "contractor"
                } else {
                    "contractors"
                },
            ),
            vec![register.clone()],
        )];
        sentences.push(said(
            format!("Their roles: {}", listed(&roles)),
            vec![register],
        ));
        blocks.push(paragraph(sentences));
    }
    blocks
}

pub(super) fn data(read: &Reader) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    let kinds = read.chosen(DATA_KINDS);
    if kinds.is_empty() {
        blocks.push(missing(
            "The kinds of data the system holds are not answered: answer \"Which kinds of data does the system hold or process?\" in step 1",
        ));
        blocks.extend(notes);
        return blocks;
    }
    let mut sentences = vec![said(
        format!(
            "The system holds or processes: {}",
            listed(&labels(read, DATA_KINDS, &kinds))
        ),
        vec![read.answer(DATA_KINDS)],
    )];
    notes.extend(quoted(read, DATA_KINDS));
    if let Some(role) = read.chosen(PERSONAL_ROLE).first() {
        sentences.push(said(
            format!(
                "For personal information its role is: {}",
                read.label(PERSONAL_ROLE, role)
            ),
            vec![read.answer(PERSONAL_ROLE)],
        ));
    }
    blocks.push(paragraph(sentences));
    blocks.extend(notes);
    blocks
}
