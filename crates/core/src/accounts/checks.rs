//! The checks that turn the latest import of each system into findings with the rows that raise them, and into operating evidence where an import shows a control holding.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::matching::{PeopleIndex, generic};
use super::{Account, AccountImport, AccountLimits};
use crate::catalog::Bank;
use crate::findings::{Effect, RecordFinding, Source};
use crate::registers::{Entry, Person, day};

/// What a check looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountCheck {
    /// A leaver's account still active when the export was taken, past the removal limit.
    LeaverActive,
    /// An admin or owner account a person signs in to without MFA.
    AdminWithoutMfa,
    /// The owner credential (AWS root) holding an active access key.
    OwnerKeys,
    /// A shared or generic account a person signs in to, or several people use.
    Shared,
    /// An account a person signs in to without MFA.
    WithoutMfa,
    /// An active key older than the rotation limit.
    KeyOld,
    /// An active key unused beyond the limit.
    KeyUnused,
    /// An account nobody signed in to within the limit.
    Dormant,
    /// An active account that matches no one in the people register.
    NoPerson,
}

impl AccountCheck {
    /// The control question a finding of this check contradicts.
    pub fn question(self) -> &'static str {
        match self {
            AccountCheck::LeaverActive => "access.deprovisioning",
            AccountCheck::AdminWithoutMfa => "access.admin-mfa",
            AccountCheck::OwnerKeys => "access.privileged-access",
            AccountCheck::Shared => "access.unique-accounts",
            AccountCheck::WithoutMfa => "access.sso-mfa",
            AccountCheck::KeyOld | AccountCheck::KeyUnused => "crypto.key-management",
            AccountCheck::Dormant | AccountCheck::NoPerson => "maint.access-reviews",
        }
    }

    fn what(self, count: usize) -> String {
        let s = if count == 1 { "" } else { "s" };
        match self {
            AccountCheck::LeaverActive => format!("{count} leaver account{s} still active"),
            AccountCheck::AdminWithoutMfa => format!("{count} admin account{s} without MFA"),
            AccountCheck::OwnerKeys => {
                "the owner (root) credential holds an active access key".into()
            }
            AccountCheck::Shared => format!("{count} shared or generic account{s}"),
            AccountCheck::WithoutMfa => format!("{count} account{s} without MFA"),
            AccountCheck::KeyOld => format!("{count} access key{s} not rotated"),
            AccountCheck::KeyUnused => format!("{count} access key{s} unused"),
            AccountCheck::Dormant => format!("{count} account{s} not signed in to"),
            AccountCheck::NoPerson => {
                format!("{count} active account{s} matching no one in the people register")
            }
        }
    }
}

/// One row a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FlaggedAccount {
    pub line: u64,
    pub account: String,
    /// Why this row, in words: "left on 3 Nov 2026, 27 days before the export; used on 12 Nov".
    pub note: String,
}

/// What one check found in one import, with every row that raised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AccountFinding {
    pub check: AccountCheck,
    pub question_id: String,
    pub import_id: String,
    pub system: String,
    pub taken_on: NaiveDate,
    /// Something is exposed now (a leaver's live account, an admin or shared key without a
    /// person's MFA): its gap ranks as "Fix now".
    pub live_exposure: bool,
    /// The finding in words, with no account name: this is what reports carry.
    pub summary: String,
    pub accounts: Vec<FlaggedAccount>,
}

/// An import that shows a control holding, as of the day it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AccountEvidence {
    pub question_id: String,
    pub import_id: String,
    pub system: String,
    pub taken_on: NaiveDate,
    pub detail: String,
}

/// Everything the imports show: findings (live exposures first), evidence, and the limits used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AccountReview {
    pub findings: Vec<AccountFinding>,
    pub evidence: Vec<AccountEvidence>,
    pub limits: AccountLimits,
    /// The imports checked: the latest of each system.
    pub checked: Vec<String>,
}

impl AccountReview {
    /// The findings as the record findings every conclusion reads, for the questions `bank`
    /// holds.
    pub fn record_findings(&self, bank: &Bank) -> Vec<RecordFinding> {
        self.findings
            .iter()
            .filter(|f| bank.question(&f.question_id).is_some())
            .map(|f| RecordFinding {
                question_id: f.question_id.clone(),
                source: Source::Accounts,
                effect: Effect::KnownException,
                record_id: f.import_id.clone(),
                detail: f.summary.clone(),
                live_exposure: f.live_exposure,
            })
            .collect()
    }
}

/// The latest import of each system (by the day taken, then by when it was imported, then by
/// id so a tie always resolves the same way).
pub fn latest_of_each_system<I: Borrow<AccountImport>>(imports: &[I]) -> Vec<&AccountImport> {
    let mut by_system: BTreeMap<String, &AccountImport> = BTreeMap::new();
    for import in imports.iter().map(Borrow::borrow) {
        let key = import.system.trim().to_lowercase();
        let newer = by_system.get(&key).is_none_or(|kept| {
            (import.taken_on, import.imported_at, &import.id)
                > (kept.taken_on, kept.imported_at, &kept.id)
        });
        if newer {
            by_system.insert(key, import);
        }
    }
    by_system.into_values().collect()
}

/// Checks the latest import of each system against the people register and the limits (a
/// leaver's account against the company's own days for removing access). The imports may be
/// shared (`Arc`), since the app keeps the rows it has parsed.
pub fn review<I: Borrow<AccountImport>>(
    imports: &[I],
    people: &[Entry<Person>],
    limits: AccountLimits,
    removal_days: u16,
) -> AccountReview {
    // Archived people stay in the index: a leaver archived while their account is live is still
    // a leaver. Only the working list says whether the register keeps anyone.
    let all: Vec<&Entry<Person>> = people.iter().collect();
    let kept = people.iter().any(|p| p.archived_at.is_none());
    let mut findings = Vec::new();
    let mut evidence = Vec::new();
    let index = PeopleIndex::new(&all, kept);
    let checked = latest_of_each_system(imports);
    for import in &checked {
        let mut rows: BTreeMap<AccountCheck, Vec<FlaggedAccount>> = BTreeMap::new();
        let mut live: BTreeMap<AccountCheck, bool> = BTreeMap::new();
        for account in import.accounts.iter().filter(|a| a.active) {
            for (check, note, exposed) in
                account_checks(account, import.taken_on, &index, limits, removal_days)
            {
                rows.entry(check).or_default().push(FlaggedAccount {
                    line: account.line,
                    account: account.name.clone(),
                    note,
                });
                *live.entry(check).or_default() |= exposed;
            }
        }
        for (check, accounts) in rows {
            let lines: Vec<String> = accounts.iter().map(|a| a.line.to_string()).collect();
            let limit = limit_words(check, limits, removal_days);
            findings.push(AccountFinding {
                check,
                question_id: check.question().to_string(),
                import_id: import.id.clone(),
                system: import.system.clone(),
                taken_on: import.taken_on,
                live_exposure: live.get(&check).copied().unwrap_or(false),
                summary: format!(
                    "{}'s account export of {}: {}{limit} (line{} {}).",
                    import.system,
                    day(import.taken_on),
                    check.what(accounts.len()),
                    if lines.len() == 1 { "" } else { "s" },
                    lines.join(", ")
                ),
                accounts,
            });
        }
        evidence.extend(super::evidence::mfa_evidence(import));
    }
    findings.sort_by(|a, b| {
        (!a.live_exposure, a.check, &a.system).cmp(&(!b.live_exposure, b.check, &b.system))
    });
    AccountReview {
        findings,
        evidence,
        limits,
        checked: checked.iter().map(|i| i.id.clone()).collect(),
    }
}

fn limit_words(check: AccountCheck, limits: AccountLimits, removal_days: u16) -> String {
    let whose = if limits.chosen { "your" } else { "the default" };
    match check {
        AccountCheck::KeyOld => format!(
            " for longer than {whose} {}-day limit",
            limits.key_rotation_days
        ),
        AccountCheck::KeyUnused | AccountCheck::Dormant => {
            format!(" for longer than {whose} {}-day limit", limits.unused_days)
        }
        AccountCheck::LeaverActive => format!(", more than {removal_days} days after leaving"),
        _ => String::new(),
    }
}

/// Every check one active account fails: (check, why, a live exposure).
fn account_checks(
    account: &Account,
    taken_on: NaiveDate,
    people: &PeopleIndex,
    limits: AccountLimits,
    removal_days: u16,
) -> Vec<(AccountCheck, String, bool)> {
    let mut out = Vec::new();
    let signs_in = account.interactive != Some(false);
    let has_keys = account.active_keys().next().is_some();
    let (owners, listed) = people.owners(account);
    if account.privileged() && signs_in && account.mfa == Some(false) {
        let who = if account.owner {
            "the owner credential"
        } else {
            "an admin"
        };
        out.push((
            AccountCheck::AdminWithoutMfa,
            format!("{who}, no MFA"),
            true,
        ));
    } else if signs_in && account.mfa == Some(false) {
        out.push((
            AccountCheck::WithoutMfa,
            "signs in without MFA".into(),
            false,
        ));
    }
    if account.owner && has_keys {
        out.push((
            AccountCheck::OwnerKeys,
            "the owner credential has an active access key".into(),
            true,
        ));
    }
    let shared_by = listed && owners.len() > 1;
    if shared_by || (generic(&account.name) && signs_in && !account.owner) {
        let why = if shared_by {
            let names: Vec<&str> = owners.iter().map(|p| p.record.name.as_str()).collect();
            format!("listed by {} in the people register", names.join(" and "))
        } else {
            "a generic name a person signs in to".to_string()
        };
        // A shared account with an admin right or a key is one set of credentials several
        // people hold: nobody's MFA and nobody's leaving protects it.
        let exposed = account.privileged() || has_keys;
        out.push((AccountCheck::Shared, why, exposed));
    }
    for key in account.active_keys() {
        if let Some(rotated) = key.rotated {
            let age = (taken_on - rotated).num_days();
            if age > i64::from(limits.key_rotation_days) {
                out.push((
                    AccountCheck::KeyOld,
                    format!(
                        "key {} last rotated {} ({age} days before the export)",
                        key.slot,
                        day(rotated)
                    ),
                    false,
                ));
            }
        }
        let since = key.last_used.or(key.rotated);
        if let Some(since) = since.filter(|_| key.use_reported) {
            let idle = (taken_on - since).num_days();
            if idle > i64::from(limits.unused_days) {
                let what = match key.last_used {
                    Some(_) => format!("key {} last used {}", key.slot, day(since)),
                    None => format!("key {} never used since {}", key.slot, day(since)),
                };
                out.push((AccountCheck::KeyUnused, what, false));
            }
        }
    }
    // AWS's root user is meant to sit unused, locked away: a quiet root is the control working.
    if signs_in && account.sign_ins_reported && account.name != "<root_account>" {
        let since = account.last_used.or(account.created);
        if let Some(since) = since {
            let idle = (taken_on - since).num_days();
            if idle > i64::from(limits.unused_days) {
                let what = match account.last_used {
                    Some(_) => format!("last signed in {}", day(since)),
                    None => format!("never signed in since it was created on {}", day(since)),
                };
                out.push((AccountCheck::Dormant, what, false));
            }
        }
    }
    let leavers: Vec<_> = owners
        .iter()
        .filter_map(|p| p.record.end.map(|end| (p, end)))
        .filter(|(_, end)| (taken_on - *end).num_days() > i64::from(removal_days))
        .collect();
    for (person, end) in &leavers {
        let mut note = format!(
            "{} left on {}, {} days before the export",
            person.record.name,
            day(*end),
            (taken_on - *end).num_days()
        );
        if let Some(used) = account.last_activity().filter(|used| used > end) {
            note.push_str(&format!("; used on {}, after leaving", day(used)));
        }
        if let Some(removed) = person.record.access_removed {
            note.push_str(&format!(
                "; the register records access removed on {}",
                day(removed)
            ));
        }
        out.push((AccountCheck::LeaverActive, note, true));
    }
    let generic_or_service = generic(&account.name) || !signs_in;
    if owners.is_empty() && !people.empty && !generic_or_service && !account.owner {
        out.push((
            AccountCheck::NoPerson,
            "no one in the people register: a leaver missing from it, or an account nobody owns"
                .into(),
            false,
        ));
    }
    out
}
