//! The report model's "Account exports": each kept import with its day and hash, and the findings of the latest of each system, live exposures first; account names only when the company chose to show them.

use chrono::NaiveDate;
use serde::Serialize;

use soc2_readiness_core::accounts::{AccountImport, AccountReview};

use super::ReportModel;

#[derive(Debug, Clone, Serialize)]
pub struct AccountsSection {
    pub imports: Vec<ImportLine>,
    pub findings: Vec<FindingLine>,
    /// What the exports show operating, in the domain's sentences.
    pub evidence: Vec<String>,
    /// Whether the findings name accounts (the company chose it) or give lines only.
    pub names_shown: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportLine {
    pub system: String,
    pub layout: String,
    pub file_name: String,
    pub taken_on: NaiveDate,
    pub sha256: String,
    pub accounts: usize,
    /// The latest of its system: the one the findings come from.
    pub checked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingLine {
    pub live_exposure: bool,
    pub summary: String,
    pub question_id: String,
    /// The accounts behind it, when names are shown.
    pub accounts: Vec<String>,
}

impl ReportModel {
    /// This report with an "Account exports" section: each import with its number of accounts
    /// (the rows themselves are not needed), and the review of the latest of each system.
    pub fn with_accounts(
        mut self,
        imports: &[(AccountImport, usize)],
        review: &AccountReview,
        names_shown: bool,
    ) -> ReportModel {
        let mut lines: Vec<ImportLine> = imports
            .iter()
            .map(|(i, accounts)| ImportLine {
                system: i.system.clone(),
                layout: i.format.title().to_string(),
                file_name: i.file_name.clone(),
                taken_on: i.taken_on,
                sha256: i.sha256.clone(),
                accounts: *accounts,
                checked: review.checked.contains(&i.id),
            })
            .collect();
        lines.sort_by(|a, b| {
            (!a.checked, &a.system, b.taken_on).cmp(&(!b.checked, &b.system, a.taken_on))
        });
        self.accounts = Some(AccountsSection {
            imports: lines,
            findings: review
                .findings
                .iter()
                .map(|f| FindingLine {
                    live_exposure: f.live_exposure,
                    summary: f.summary.clone(),
                    question_id: f.question_id.clone(),
                    accounts: if names_shown {
                        f.accounts.iter().map(|a| a.account.clone()).collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect(),
            evidence: review.evidence.iter().map(|e| e.detail.clone()).collect(),
            names_shown,
        });
        self
    }
}
