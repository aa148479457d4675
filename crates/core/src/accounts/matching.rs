//! Which person in the people register an account belongs to: the sign-in names a person lists first, then the person's name as systems spell it (jane.doe, jdoe, "Jane Doe"); and which names are generic (deploy, admin, ops).

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
pub(super) fn listed(person: &Person) -> Vec<String> {
    person
        .accounts
        .as_deref()
        .unwrap_or("")
        .split([',', ';', ' ', '\n'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

fn lists(person: &Person, account: &Account) -> bool {
    let full = account.name.to_lowercase();
    let local = local_part(&account.name);
    listed(person)
        .iter()
        .any(|l| *l == full || (!l.contains('@') && *l == local))
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The person's name as systems spell sign-in names, and as a display name.
fn named(person: &Person, account: &Account) -> bool {
    let name = words(&person.name);
    if name.len() < 2 {
        // One word ("Priya") is too common to match on.
        return false;
    }
    if account
        .display_name
        .as_deref()
        .is_some_and(|d| words(d) == name)
    {
        return true;
    }
    let local = local_part(&account.name);
    let (first, last) = (&name[0], &name[name.len() - 1]);
    let initial = first.chars().next().map(String::from).unwrap_or_default();
    [
        name.join("."),
        name.join("_"),
        name.join("-"),
        name.join(""),
        format!("{first}.{last}"),
        format!("{initial}{last}"),
        format!("{initial}.{last}"),
    ]
    .contains(&local)
}

/// The people an account belongs to. Someone listing it is authoritative: two people listing
/// one account share it. Without a listing, the name match, when it names one person only.
pub(super) fn owners<'a>(
    account: &Account,
    people: &'a [&'a Entry<Person>],
) -> Vec<&'a Entry<Person>> {
    let listing: Vec<_> = people
        .iter()
        .copied()
        .filter(|p| lists(&p.record, account))
        .collect();
    if !listing.is_empty() {
        return listing;
    }
    let by_name: Vec<_> = people
        .iter()
        .copied()
        .filter(|p| named(&p.record, account))
        .collect();
    if by_name.len() == 1 {
        by_name
    } else {
        Vec::new()
    }
}
