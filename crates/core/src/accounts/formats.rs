//! The layouts we know, column by column: where each field sits in an AWS credential report, a Google Workspace download, an Entra ID export, a GitHub member export or a mapped CSV, and how a row becomes an `Account`.

use chrono::NaiveDate;

use super::layout::{Columns, LayoutProblem, MAPPED_FIELDS, Row, normalised};
use super::values::age_or_date;
use super::{AccessKey, Account, AccountField, AccountFormat};

pub(super) fn missing(columns: &Columns, format: AccountFormat, wanted: &str) -> LayoutProblem {
    LayoutProblem {
        line: 1,
        column: wanted.to_string(),
        message: format!(
            "this looks like a {} but has no '{wanted}' column (the columns are {}); export it again, or name each column's field",
            format.title(),
            columns.header.join(", ")
        ),
    }
}

/// Where each field is in this file.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) name: usize,
    display: Option<usize>,
    first_last: Option<(usize, usize)>,
    status: Option<usize>,
    enabled: Option<usize>,
    pub(super) mfa: Option<usize>,
    pub(super) admin: Option<usize>,
    pub(super) role: Option<usize>,
    created: Option<usize>,
    pub(super) last_used: Option<usize>,
    password: Option<usize>,
    key_age: Option<usize>,
    /// AWS's two key slots: active, last rotated, last used.
    aws_keys: Vec<(usize, usize, Option<usize>)>,
}

fn need(
    columns: &mut Columns,
    format: AccountFormat,
    names: &[&str],
    meaning: &str,
    problems: &mut Vec<LayoutProblem>,
) -> usize {
    columns.find(names, meaning).unwrap_or_else(|| {
        problems.push(missing(columns, format, names[0]));
        0
    })
}

pub(super) fn aws_columns(c: &mut Columns, problems: &mut Vec<LayoutProblem>) -> Reader {
    let f = AccountFormat::AwsCredentialReport;
    let mut r = Reader {
        name: need(c, f, &["user"], "account", problems),
        password: Some(need(
            c,
            f,
            &["password_enabled"],
            "console sign-in",
            problems,
        )),
        mfa: Some(need(c, f, &["mfa_active"], "MFA", problems)),
        created: c.find(&["user_creation_time"], "created"),
        last_used: c.find(&["password_last_used"], "last sign-in"),
        ..Reader::default()
    };
    c.find(&["arn"], "account id");
    for slot in 1..=2 {
        let active = need(
            c,
            f,
            &[&format!("access_key_{slot}_active")],
            &format!("key {slot} active"),
            problems,
        );
        let rotated = need(
            c,
            f,
            &[&format!("access_key_{slot}_last_rotated")],
            &format!("key {slot} rotated"),
            problems,
        );
        let used = c.find(
            &[&format!("access_key_{slot}_last_used_date")],
            &format!("key {slot} last used"),
        );
        r.aws_keys.push((active, rotated, used));
    }
    r
}

pub(super) fn google_columns(c: &mut Columns, problems: &mut Vec<LayoutProblem>) -> Reader {
    let f = AccountFormat::GoogleWorkspace;
    let name = need(c, f, &["email_address"], "account", problems);
    let first = c.find(&["first_name"], "name");
    let last = c.find(&["last_name"], "name");
    Reader {
        name,
        first_last: first.zip(last),
        status: c.find(&["status", "user_account_status"], "status"),
        mfa: c.find(
            &[
                "2sv_enrollment_status",
                "2sv_enrolled",
                "2sv_enrollment",
                "2_step_verification_enrollment",
            ],
            "MFA",
        ),
        admin: c.find(
            &["admin_role", "admin_status", "is_admin", "admin"],
            "admin",
        ),
        last_used: c.find(&["last_sign_in", "last_login_time"], "last sign-in"),
        created: c.find(&["creation_time", "created"], "created"),
        ..Reader::default()
    }
}

pub(super) fn entra_columns(c: &mut Columns, problems: &mut Vec<LayoutProblem>) -> Reader {
    let f = AccountFormat::EntraId;
    Reader {
        name: need(
            c,
            f,
            &["userprincipalname", "user_principal_name"],
            "account",
            problems,
        ),
        display: c.find(
            &["displayname", "display_name", "user_display_name"],
            "name",
        ),
        enabled: c.find(&["accountenabled", "account_enabled"], "enabled"),
        mfa: c.find(
            &[
                "multifactor_authentication_capable",
                "is_mfa_capable",
                "mfa_capable",
                "is_mfa_registered",
                "multifactor_authentication_registered",
            ],
            "MFA",
        ),
        admin: c.find(&["is_admin", "isadmin"], "admin"),
        last_used: c.find(
            &[
                "lastsignindatetime",
                "last_sign_in",
                "last_sign_in_date_time",
                "last_interactive_sign_in",
            ],
            "last sign-in",
        ),
        created: c.find(&["createddatetime", "created_date_time"], "created"),
        ..Reader::default()
    }
}

pub(super) fn github_columns(c: &mut Columns, problems: &mut Vec<LayoutProblem>) -> Reader {
    let f = AccountFormat::GithubMembers;
    Reader {
        name: need(c, f, &["login"], "account", problems),
        display: c.find(&["name"], "name"),
        role: c.find(&["role", "role_in_organization"], "role"),
        mfa: c.find(
            &[
                "2fa_enabled",
                "two_factor_enabled",
                "2fa",
                "two_factor_authentication",
                "has_2fa",
            ],
            "MFA",
        ),
        last_used: c.find(&["last_active", "last_active_at"], "last activity"),
        ..Reader::default()
    }
}

pub(super) fn mapped_columns(
    c: &mut Columns,
    mapping: &[(String, String)],
    problems: &mut Vec<LayoutProblem>,
) -> Reader {
    let mut r = Reader::default();
    let mut account = None;
    // The mapping first; then a heading that is a field's own name fills that field, unless the
    // mapping already gave the field (or that heading) another use: what a person names wins.
    let mut pairs: Vec<(String, String)> = mapping.to_vec();
    let named_field = |k: &str| mapping.iter().any(|(_, f)| normalised(f) == k);
    let named_heading = |k: &str| mapping.iter().any(|(h, _)| normalised(h) == k);
    pairs.extend(
        MAPPED_FIELDS
            .iter()
            .filter(|(_, k)| c.names.iter().any(|h| h == k))
            .filter(|(_, k)| !named_field(k) && !named_heading(k))
            .map(|(_, k)| (k.to_string(), k.to_string())),
    );
    for (heading, field_key) in &pairs {
        let Some(field) = AccountField::from_key(field_key) else {
            let fields: Vec<&str> = MAPPED_FIELDS.iter().map(|(_, k)| *k).collect();
            problems.push(LayoutProblem {
                line: 1,
                column: heading.clone(),
                message: format!(
                    "'{field_key}' is not a field; the fields are {}",
                    fields.join(", ")
                ),
            });
            continue;
        };
        let Some(at) = c.find(&[&normalised(heading)], field.key()) else {
            problems.push(LayoutProblem {
                line: 1,
                column: heading.clone(),
                message: format!(
                    "there is no column '{heading}' (the columns are {})",
                    c.header.join(", ")
                ),
            });
            continue;
        };
        let slot = match field {
            AccountField::Account => &mut account,
            AccountField::Person => &mut r.display,
            AccountField::Mfa => &mut r.mfa,
            AccountField::Admin => &mut r.admin,
            AccountField::LastSignIn => &mut r.last_used,
            AccountField::KeyAge => &mut r.key_age,
            AccountField::Active => &mut r.enabled,
        };
        if slot.is_some_and(|s| s != at) {
            problems.push(LayoutProblem {
                line: 1,
                column: heading.clone(),
                message: format!("two columns are named for the field {}", field.key()),
            });
        }
        *slot = Some(at);
    }
    match account {
        Some(at) => r.name = at,
        None => problems.push(LayoutProblem {
            line: 1,
            column: String::new(),
            message: format!(
                "no column is named for the account (the columns are {}); name the column that holds each account's sign-in name",
                c.header.join(", ")
            ),
        }),
    }
    r
}

impl Reader {
    pub(super) fn read(
        &self,
        format: AccountFormat,
        row: &mut Row,
        taken_on: NaiveDate,
    ) -> Option<Account> {
        let name = row.text(Some(self.name)).to_string();
        if name.is_empty() {
            row.problem(self.name, "the account name is empty".into());
            return None;
        }
        let display = match self.first_last {
            Some((first, last)) => {
                let full = format!("{} {}", row.text(Some(first)), row.text(Some(last)));
                Some(full.trim().to_string()).filter(|s| !s.is_empty())
            }
            None => Some(row.text(self.display).to_string()).filter(|s| !s.is_empty()),
        };
        let mut account = Account {
            line: row.line,
            name,
            display_name: display,
            active: true,
            mfa: row.flag(self.mfa),
            admin: None,
            owner: false,
            interactive: None,
            created: row.date(self.created),
            last_used: row.date(self.last_used),
            sign_ins_reported: self.last_used.is_some(),
            keys: Vec::new(),
        };
        match format {
            AccountFormat::AwsCredentialReport => self.aws(row, &mut account),
            AccountFormat::GoogleWorkspace => {
                let status = row.text(self.status).to_lowercase();
                account.active = !matches!(
                    status.as_str(),
                    "suspended" | "blocked" | "archived" | "deleted"
                );
                let admin = row.text(self.admin).to_lowercase();
                account.owner = admin.contains("super");
                account.admin = self.admin.map(|_| {
                    account.owner
                        || (!admin.is_empty()
                            && !matches!(admin.as_str(), "none" | "no" | "false" | "-"))
                });
                account.interactive = Some(true);
            }
            AccountFormat::GithubMembers => {
                let role = row.text(self.role).to_lowercase();
                account.owner = role == "owner";
                account.admin = self
                    .role
                    .map(|_| matches!(role.as_str(), "owner" | "admin"));
                account.interactive = Some(true);
            }
            AccountFormat::EntraId | AccountFormat::Mapped => {
                account.active = row.flag(self.enabled).unwrap_or(true);
                account.admin = row.flag(self.admin);
                if let Some(at) = self.key_age {
                    match age_or_date(row.text(Some(at)), taken_on) {
                        Ok(Some(rotated)) => account.keys.push(AccessKey {
                            slot: 1,
                            active: true,
                            rotated: Some(rotated),
                            last_used: None,
                            use_reported: false,
                        }),
                        Ok(None) => {}
                        Err(m) => row.problem(at, m),
                    }
                }
            }
        }
        Some(account)
    }

    fn aws(&self, row: &mut Row, account: &mut Account) {
        account.owner = account.name == "<root_account>";
        if account.owner {
            account.admin = Some(true);
        }
        // The root account's password shows as not_supported: it always has one.
        account.interactive = if account.owner {
            Some(true)
        } else {
            Some(row.flag(self.password).unwrap_or(false))
        };
        for (slot, (active, rotated, used)) in self.aws_keys.iter().enumerate() {
            let is_active = row.flag(Some(*active)).unwrap_or(false);
            let rotated = row.date(Some(*rotated));
            let last_used = row.date(*used);
            if is_active || rotated.is_some() {
                account.keys.push(AccessKey {
                    slot: slot as u8 + 1,
                    active: is_active,
                    rotated,
                    last_used,
                    use_reported: used.is_some(),
                });
            }
        }
        account.active = account.owner
            || account.interactive == Some(true)
            || account.active_keys().next().is_some();
    }
}
