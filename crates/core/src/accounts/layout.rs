//! Recognising an account export by its columns and reading each row into an `Account`: every bad cell named by line and column, an unknown or changed layout refused with the columns found.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::formats::{aws_columns, entra_columns, github_columns, google_columns, mapped_columns};
use super::values::{date, flag};
use super::{Account, AccountFormat};

pub const FORMATS: &[AccountFormat] = &[
    AccountFormat::AwsCredentialReport,
    AccountFormat::GoogleWorkspace,
    AccountFormat::EntraId,
    AccountFormat::GithubMembers,
    AccountFormat::Mapped,
];

/// The fields a mapped CSV's columns can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountField {
    Account,
    Person,
    Mfa,
    Admin,
    LastSignIn,
    KeyAge,
    Active,
}

pub(super) const MAPPED_FIELDS: &[(AccountField, &str)] = &[
    (AccountField::Account, "account"),
    (AccountField::Person, "person"),
    (AccountField::Mfa, "mfa"),
    (AccountField::Admin, "admin"),
    (AccountField::LastSignIn, "last_sign_in"),
    (AccountField::KeyAge, "key_age"),
    (AccountField::Active, "active"),
];

impl AccountField {
    pub fn key(self) -> &'static str {
        MAPPED_FIELDS
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, k)| k)
    }

    pub fn from_key(key: &str) -> Option<AccountField> {
        let key = normalised(key);
        MAPPED_FIELDS
            .iter()
            .find(|(_, k)| *k == key)
            .map(|(f, _)| *f)
    }
}

/// What a column of the file was read as, so the user sees what was recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ColumnUse {
    pub column: String,
    /// What it was read as, in words; `None` for a column the checks do not need.
    pub read_as: Option<String>,
}

/// One thing wrong with the file: a cell by line and column, or the layout (line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LayoutProblem {
    pub line: u64,
    pub column: String,
    pub message: String,
}

/// A file read: its layout, what each column was read as, and the accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReadAccounts {
    pub format: AccountFormat,
    pub columns: Vec<ColumnUse>,
    /// What this layout cannot show, so no check is made on it ("no MFA column").
    pub not_shown: Vec<String>,
    pub accounts: Vec<Account>,
}

/// "Email Address [Required]", "email-address" and "emailAddress" are one heading: brackets
/// dropped, lower case, words joined by underscores.
pub(super) fn normalised(text: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    // A lower-case letter or digit followed by a capital starts a word: PowerShell and Graph
    // write `IsMfaCapable` and `userPrincipalName`.
    let mut spaced = String::with_capacity(plain.len() + 8);
    let mut previous: Option<char> = None;
    for c in plain.trim().chars() {
        if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            spaced.push('_');
        }
        spaced.push(c);
        previous = Some(c);
    }
    spaced
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The layout the headings show, if they are one of the exports we know.
pub fn recognise(header: &[String]) -> Option<AccountFormat> {
    let names: Vec<String> = header.iter().map(|h| normalised(h)).collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("user") && has("arn") && has("mfa_active") {
        Some(AccountFormat::AwsCredentialReport)
    } else if has("email_address") && names.iter().any(|h| h.starts_with("2sv")) {
        Some(AccountFormat::GoogleWorkspace)
    } else if has("userprincipalname") || has("user_principal_name") {
        Some(AccountFormat::EntraId)
    } else if has("login") {
        Some(AccountFormat::GithubMembers)
    } else {
        None
    }
}

/// Columns by their normalised heading, and which were used.
pub(super) struct Columns<'a> {
    pub(super) header: &'a [String],
    pub(super) names: Vec<String>,
    read_as: Vec<Option<String>>,
}

impl<'a> Columns<'a> {
    fn new(header: &'a [String]) -> Self {
        Columns {
            header,
            names: header.iter().map(|h| normalised(h)).collect(),
            read_as: vec![None; header.len()],
        }
    }

    /// The first column named any of `names`, marked as read for `meaning`.
    pub(super) fn find(&mut self, names: &[&str], meaning: &str) -> Option<usize> {
        let at = names
            .iter()
            .find_map(|n| self.names.iter().position(|h| h == n))?;
        self.read_as[at] = Some(meaning.to_string());
        Some(at)
    }

    fn uses(&self) -> Vec<ColumnUse> {
        self.header
            .iter()
            .zip(&self.read_as)
            .map(|(column, read_as)| ColumnUse {
                column: column.clone(),
                read_as: read_as.clone(),
            })
            .collect()
    }
}

/// One row's cells, with every bad cell collected rather than the first only.
pub(super) struct Row<'a> {
    pub(super) line: u64,
    cells: &'a [String],
    header: &'a [String],
    problems: &'a mut Vec<LayoutProblem>,
}

impl Row<'_> {
    pub(super) fn text(&self, at: Option<usize>) -> &str {
        at.and_then(|i| self.cells.get(i)).map_or("", |s| s.trim())
    }

    pub(super) fn problem(&mut self, at: usize, message: String) {
        self.problems.push(LayoutProblem {
            line: self.line,
            column: self.header.get(at).cloned().unwrap_or_default(),
            message,
        });
    }

    pub(super) fn flag(&mut self, at: Option<usize>) -> Option<bool> {
        let i = at?;
        match flag(self.text(at)) {
            Ok(v) => v,
            Err(m) => {
                self.problem(i, m);
                None
            }
        }
    }

    pub(super) fn date(&mut self, at: Option<usize>) -> Option<NaiveDate> {
        let i = at?;
        match date(self.text(at)) {
            Ok(v) => v,
            Err(m) => {
                self.problem(i, m);
                None
            }
        }
    }
}

/// A file refused: every problem, and the layout when the headings were recognised (so a bad
/// cell in a known export is not mistaken for an unknown layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub format: Option<AccountFormat>,
    pub problems: Vec<LayoutProblem>,
}

/// Reads the rows as `format` (recognised from the headings when `None`); a mapped CSV names
/// its columns for our fields in `mapping` (heading, field). Every problem is returned at once;
/// nothing is read from a file that has one.
pub fn read_accounts(
    header: &[String],
    rows: &[(u64, Vec<String>)],
    format: Option<AccountFormat>,
    mapping: &[(String, String)],
    taken_on: NaiveDate,
) -> Result<ReadAccounts, Refused> {
    let format = match format.or_else(|| (!mapping.is_empty()).then_some(AccountFormat::Mapped)) {
        Some(f) => f,
        None => recognise(header).ok_or_else(|| Refused {
            format: None,
            problems: vec![unknown_layout(header)],
        })?,
    };
    let refused = |problems| Refused {
        format: Some(format),
        problems,
    };
    let mut columns = Columns::new(header);
    let mut problems = Vec::new();
    let mut not_shown = Vec::new();
    let reader = match format {
        AccountFormat::AwsCredentialReport => aws_columns(&mut columns, &mut problems),
        AccountFormat::GoogleWorkspace => google_columns(&mut columns, &mut problems),
        AccountFormat::EntraId => entra_columns(&mut columns, &mut problems),
        AccountFormat::GithubMembers => github_columns(&mut columns, &mut problems),
        AccountFormat::Mapped => mapped_columns(&mut columns, mapping, &mut problems),
    };
    if !problems.is_empty() {
        return Err(refused(problems));
    }
    for (what, present) in [
        ("MFA", reader.mfa.is_some()),
        (
            "admin rights",
            reader.admin.is_some() || reader.role.is_some(),
        ),
        ("last sign-in", reader.last_used.is_some()),
    ] {
        // The credential report's lack of admin rights is said below, in its own words.
        let said_below = format == AccountFormat::AwsCredentialReport && what == "admin rights";
        if !present && !said_below {
            not_shown.push(format!(
                "{what}: this file has no column for it, so it is not checked"
            ));
        }
    }
    if format == AccountFormat::AwsCredentialReport {
        not_shown.push(
            "admin rights: the credential report does not show IAM policies, so only the root account counts as privileged"
                .into(),
        );
    }
    let mut accounts: Vec<Account> = Vec::with_capacity(rows.len());
    let mut seen = std::collections::HashMap::new();
    for (line, cells) in rows {
        let mut row = Row {
            line: *line,
            cells,
            header,
            problems: &mut problems,
        };
        if let Some(account) = reader.read(format, &mut row, taken_on) {
            let key = account.name.to_lowercase();
            if let Some(first) = seen.insert(key, *line) {
                let at = reader.name;
                row.problem(
                    at,
                    format!("the account '{}' is also on line {first}", account.name),
                );
            }
            accounts.push(account);
        }
    }
    if rows.is_empty() {
        problems.push(LayoutProblem {
            line: 1,
            column: String::new(),
            message: "the file has headings but no account".into(),
        });
    }
    if !problems.is_empty() {
        return Err(refused(problems));
    }
    Ok(ReadAccounts {
        format,
        columns: columns.uses(),
        not_shown,
        accounts,
    })
}

fn unknown_layout(header: &[String]) -> LayoutProblem {
    let fields: Vec<&str> = MAPPED_FIELDS.iter().map(|(_, k)| *k).collect();
    LayoutProblem {
        line: 1,
        column: String::new(),
        message: format!(
            "the columns ({}) are not an AWS IAM credential report, a Google Workspace user download, a Microsoft Entra ID user export or a GitHub member export; name the column that holds each field ({}; account is required)",
            header.join(", "),
            fields.join(", ")
        ),
    }
}
