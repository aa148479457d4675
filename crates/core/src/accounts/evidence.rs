//! Operating evidence from an export: every account a person signs in to, or every admin, shown with MFA on the day it was taken.

use super::checks::AccountEvidence;
use super::{Account, AccountImport};
use crate::registers::day;

/// An import that shows MFA on every account a person signs in to (or on every admin) is
/// evidence the control operated on the day it was taken. Only where the export shows MFA, and
/// for admins only where it shows who is an admin.
pub(super) fn mfa_evidence(import: &AccountImport) -> Vec<AccountEvidence> {
    let people: Vec<&Account> = import
        .accounts
        .iter()
        .filter(|a| a.active && a.interactive != Some(false))
        .collect();
    let shows_mfa = !people.is_empty() && people.iter().all(|a| a.mfa.is_some());
    let shows_admin = people.iter().all(|a| a.admin.is_some());
    let mut out = Vec::new();
    let evidence = |question: &str, detail: String| AccountEvidence {
        question_id: question.to_string(),
        import_id: import.id.clone(),
        system: import.system.clone(),
        taken_on: import.taken_on,
        detail,
    };
    if !shows_mfa {
        return out;
    }
    if people.iter().all(|a| a.mfa == Some(true)) {
        out.push(evidence(
            "access.sso-mfa",
            format!(
                "{}'s export of {} shows all {} accounts people sign in to with MFA",
                import.system,
                day(import.taken_on),
                people.len()
            ),
        ));
    }
    let admins: Vec<&&Account> = people.iter().filter(|a| a.privileged()).collect();
    if shows_admin && !admins.is_empty() && admins.iter().all(|a| a.mfa == Some(true)) {
        out.push(evidence(
            "access.admin-mfa",
            format!(
                "{}'s export of {} shows all {} admin accounts with MFA",
                import.system,
                day(import.taken_on),
                admins.len()
            ),
        ));
    }
    out
}
