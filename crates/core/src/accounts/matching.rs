//! Which person in the people register an account belongs to: the sign-in names a person lists first, then the person's name as systems spell it (jane.doe, jdoe, "Jane Doe"); and which names are generic (deploy, admin, ops).

use std::collections::HashMap;

use crate::registers::{Entry, Person};

use super::Account;

/// The part of a sign-in name before any `@`, lower case.
pub(super) fn local_part(name: &str) -> String {
    name.split('@').next().unwrap_or(name).trim().to_lowercase()
}

/// Names a team shares or a machine uses, never one person's.
const GENERIC: &[&str] = &[
    "admin",
    "administrator",
    "admins",
    "automation",
    "backup",
    "bot",
    "build",
    "cd",
    "ci",
    "contact",
    "deploy",
    "deployer",
    "deployment",
    "dev",
    "developer",
    "developers",
    "devops",
    "eng",
    "engineering",
    "guest",
    "hello",
    "info",
    "it",
    "master",
    "office",
    "ops",
    "prod",
    "production",
    "qa",
    "root",
    "service",
    "shared",
    "staging",
    "support",
    "svc",
    "sysadmin",
    "team",
    "temp",
    "test",
    "testing",
    "user",
];

/// Every word of the name is generic ("deploy", "ci-deploy", "ops@acme.com"), so no one person
/// owns it; "jane-admin" is Jane's.
pub(super) fn generic(name: &str) -> bool {
    let local = local_part(name);
    let words: Vec<&str> = local
        .split(['-', '_', '.', '+'])
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| GENERIC.contains(w))
}

/// The sign-in names a person lists in the register, lower case.
fn listed(person: &Person) -> Vec<String> {
    person
        .accounts
        .as_deref()
        .unwrap_or("")
        .split([',', ';', ' ', '\n'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The person's name as systems spell sign-in names (jane.doe, jdoe).
fn handles(name: &[String]) -> Vec<String> {
    let (first, last) = (&name[0], &name[name.len() - 1]);
    let initial = first.chars().next().map(String::from).unwrap_or_default();
    let mut out = vec![
        name.join("."),
        name.join("_"),
        name.join("-"),
        name.join(""),
        format!("{first}.{last}"),
        format!("{initial}{last}"),
        format!("{initial}.{last}"),
    ];
    out.sort();
    out.dedup();
    out
}

type People<'a> = HashMap<String, Vec<&'a Entry<Person>>>;

/// The people register looked up by every name an account could carry, built once per review
/// so 5,000 accounts against 300 people is 5,000 look-ups, not 1.5 million comparisons.
pub(super) struct PeopleIndex<'a> {
    /// Listed sign-in names as written (with a domain or without).
    listed: People<'a>,
    /// Listed names without a domain, which match an account's part before the `@`.
    listed_plain: People<'a>,
    handles: People<'a>,
    display: People<'a>,
    pub(super) empty: bool,
}

fn add<'a>(map: &mut People<'a>, key: String, person: &'a Entry<Person>) {
    let found = map.entry(key).or_default();
    if !found.iter().any(|p| std::ptr::eq(*p, person)) {
        found.push(person);
    }
}

impl<'a> PeopleIndex<'a> {
    /// `kept`: the working list holds someone, so an account matching no one is worth saying.
    pub(super) fn new(people: &[&'a Entry<Person>], kept: bool) -> Self {
        let mut index = PeopleIndex {
            listed: HashMap::new(),
            listed_plain: HashMap::new(),
            handles: HashMap::new(),
            display: HashMap::new(),
            empty: !kept,
        };
        for person in people.iter().copied() {
            for name in listed(&person.record) {
                if !name.contains('@') {
                    add(&mut index.listed_plain, name.clone(), person);
                }
                add(&mut index.listed, name, person);
            }
            let name = words(&person.record.name);
            // One word ("Priya") is too common to match on.
            if name.len() >= 2 {
                add(&mut index.display, name.join(" "), person);
                for handle in handles(&name) {
                    add(&mut index.handles, handle, person);
                }
            }
        }
        index
    }

    /// The people an account belongs to, and whether they listed it. Someone listing it is
    /// authoritative: two people listing one account share it. Without a listing, the name
    /// match, when it names one person only.
    pub(super) fn owners(&self, account: &Account) -> (Vec<&'a Entry<Person>>, bool) {
        let full = account.name.to_lowercase();
        let local = local_part(&account.name);
        let listing = gather([self.listed.get(&full), self.listed_plain.get(&local)]);
        if !listing.is_empty() {
            return (listing, true);
        }
        let display = account
            .display_name
            .as_deref()
            .map(|d| words(d).join(" "))
            .filter(|d| d.contains(' '));
        let by_name = gather([
            display.and_then(|d| self.display.get(&d)),
            self.handles.get(&local),
        ]);
        match by_name.len() {
            1 => (by_name, false),
            _ => (Vec::new(), false),
        }
    }
}

/// The people of several look-ups, each once.
fn gather<'a, const N: usize>(
    found: [Option<&Vec<&'a Entry<Person>>>; N],
) -> Vec<&'a Entry<Person>> {
    let mut out: Vec<&'a Entry<Person>> = Vec::new();
    for person in found.into_iter().flatten().flatten() {
        if !out.iter().any(|p| std::ptr::eq(*p, *person)) {
            out.push(person);
        }
    }
    out
}
