//! Account reports exported from the company's own systems (cloud, identity, code hosting), read offline and checked against the people register, so live exposures are found rather than only claimed.
//!
//! The app reads the file (bounded), hashes it and hands the rows here; `layout` recognises the
//! export and turns each row into an `Account`; `checks` turns the latest import of each system
//! into findings with the rows that raise them, and into operating evidence where an import shows
//! a control holding. Nothing here reads a file or the clock.

mod checks;
mod evidence;
mod formats;
mod layout;
mod matching;
#[cfg(test)]
mod tests;
mod values;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use checks::{
    AccountCheck, AccountEvidence, AccountFinding, AccountReview, FlaggedAccount,
    latest_of_each_system, review,
};
pub use evidence::{ClaimFlag, contradicted_answers};
pub use layout::{
    AccountField, ColumnUse, FORMATS, LayoutProblem, ReadAccounts, Refused, read_accounts,
    recognise,
};

/// Which kind of export a file is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum AccountFormat {
    /// AWS IAM credential report (`aws iam get-credential-report`, or the console's download).
    AwsCredentialReport,
    /// Google Workspace's "Download users" from the Admin console.
    GoogleWorkspace,
    /// Microsoft Entra ID's user download, or its user registration details (MFA and admin).
    EntraId,
    /// A GitHub organisation's member export.
    GithubMembers,
    /// Any other system's CSV, with its columns named for our fields.
    Mapped,
}

impl AccountFormat {
    /// The export's name for people.
    pub fn title(self) -> &'static str {
        match self {
            AccountFormat::AwsCredentialReport => "AWS IAM credential report",
            AccountFormat::GoogleWorkspace => "Google Workspace user download",
            AccountFormat::EntraId => "Microsoft Entra ID user export",
            AccountFormat::GithubMembers => "GitHub organisation member export",
            AccountFormat::Mapped => "CSV with a column mapping",
        }
    }

    /// The system's name when the user gives none.
    pub fn default_system(self) -> &'static str {
        match self {
            AccountFormat::AwsCredentialReport => "AWS",
            AccountFormat::GoogleWorkspace => "Google Workspace",
            AccountFormat::EntraId => "Microsoft Entra ID",
            AccountFormat::GithubMembers => "GitHub",
            AccountFormat::Mapped => "Other system",
        }
    }

    /// The word the CLI takes (`--format aws`).
    pub fn key(self) -> &'static str {
        match self {
            AccountFormat::AwsCredentialReport => "aws",
            AccountFormat::GoogleWorkspace => "google",
            AccountFormat::EntraId => "entra",
            AccountFormat::GithubMembers => "github",
            AccountFormat::Mapped => "csv",
        }
    }

    pub fn from_key(key: &str) -> Option<AccountFormat> {
        FORMATS
            .iter()
            .copied()
            .find(|f| f.key() == key.trim().to_lowercase())
    }
}

/// An access key or other long-lived credential an account holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct AccessKey {
    /// Which of the account's keys (AWS has two slots).
    pub slot: u8,
    pub active: bool,
    /// When it was created or last rotated: its age counts from here.
    #[serde(default)]
    pub rotated: Option<NaiveDate>,
    #[serde(default)]
    pub last_used: Option<NaiveDate>,
    /// The export reports the key's use, so no `last_used` means never used; a mapped key age
    /// says nothing of use, and no unused-key check is made on it.
    #[serde(default)]
    pub use_reported: bool,
}

/// One account as the export describes it. A field the export does not carry is `None`: never
/// guessed, and no check is made on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Account {
    /// The line of the file it came from, so a finding names the row.
    pub line: u64,
    /// The sign-in name: an email, a login, an IAM user name.
    pub name: String,
    #[serde(default)]
    pub display_name: Option<String>,
    /// Not suspended, disabled or blocked.
    pub active: bool,
    #[serde(default)]
    pub mfa: Option<bool>,
    #[serde(default)]
    pub admin: Option<bool>,
    /// The system's owner credential: AWS root, a Workspace super admin, a GitHub owner.
    #[serde(default)]
    pub owner: bool,
    /// A person can sign in with it (a console password, a mailbox); `Some(false)` for an account
    /// used only through keys.
    #[serde(default)]
    pub interactive: Option<bool>,
    #[serde(default)]
    pub created: Option<NaiveDate>,
    #[serde(default)]
    pub last_used: Option<NaiveDate>,
    /// The export has a last sign-in column, so no `last_used` means never signed in; without
    /// one, nothing is said about use (an Entra user download has only the creation day).
    #[serde(default)]
    pub sign_ins_reported: bool,
    #[serde(default)]
    pub keys: Vec<AccessKey>,
}

impl Account {
    /// The latest use of the account or any of its keys.
    pub fn last_activity(&self) -> Option<NaiveDate> {
        self.keys
            .iter()
            .filter_map(|k| k.last_used)
            .chain(self.last_used)
            .max()
    }

    pub fn active_keys(&self) -> impl Iterator<Item = &AccessKey> {
        self.keys.iter().filter(|k| k.active)
    }

    /// An admin or the owner credential.
    pub fn privileged(&self) -> bool {
        self.owner || self.admin == Some(true)
    }
}

/// One import as kept in the data file: the file's hash and the day the export was taken, like
/// evidence, and the accounts read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct AccountImport {
    pub id: String,
    /// Which system it describes, in the company's words ("AWS production"). The latest import
    /// of each system is the one checked.
    pub system: String,
    pub format: AccountFormat,
    pub file_name: String,
    pub sha256: String,
    /// The day the export was taken: what it shows is true as of that day.
    pub taken_on: NaiveDate,
    pub imported_at: DateTime<Utc>,
    pub accounts: Vec<Account>,
}

/// The limits the checks hold accounts to. The company sets its own; until it does, the common
/// defaults apply and every finding says so.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
pub struct AccountLimits {
    /// An access key older than this many days is due for rotation.
    pub key_rotation_days: u32,
    /// An account or key unused this many days should be disabled.
    pub unused_days: u32,
    /// Whether the company chose these, or they are the defaults.
    #[serde(default)]
    pub chosen: bool,
}

impl Default for AccountLimits {
    fn default() -> Self {
        AccountLimits {
            key_rotation_days: 90,
            unused_days: 90,
            chosen: false,
        }
    }
}

impl AccountLimits {
    /// The company's own limits, refused when they cannot be meant (a key rotated daily, never).
    pub fn chosen(key_rotation_days: u32, unused_days: u32) -> Result<AccountLimits, String> {
        for (name, days) in [
            ("key rotation", key_rotation_days),
            ("unused account", unused_days),
        ] {
            if !(7..=1095).contains(&days) {
                return Err(format!(
                    "the {name} limit is {days} days; give a limit from 7 to 1095 days"
                ));
            }
        }
        Ok(AccountLimits {
            key_rotation_days,
            unused_days,
            chosen: true,
        })
    }
}

/// What the company chose for its account checks and its reports.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    ts_rs::TS,
)]
pub struct AccountChoices {
    pub limits: AccountLimits,
    /// Reports name the accounts behind each finding; otherwise they give the lines only, so
    /// people's sign-in names stay in the data file.
    #[serde(default)]
    pub names_in_reports: bool,
}
