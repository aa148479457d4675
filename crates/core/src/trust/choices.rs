//! What the company chooses to publish on its trust page, and the checks a choice passes before it is kept.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::claims;
use crate::registers::RecordError;

/// The company's publish choices, kept per programme. It can hold back what the evidence
/// supports; nothing here can publish what it does not.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct TrustChoices {
    /// Claims held back, by the control question they stand on.
    pub held: BTreeSet<String>,
    pub hide_subprocessors: bool,
    pub hide_policies: bool,
    /// The uptime the contracts commit to, in the company's words ("99.9% each month").
    pub uptime: Option<String>,
    /// Where customers write about security: an email address or an https:// page.
    pub contact: Option<String>,
}

const UPTIME_CHARS: usize = 80;
const CONTACT_CHARS: usize = 200;

impl TrustChoices {
    /// Trims the texts (an empty one is no text) and checks every field, naming the one to fix.
    pub fn checked(mut self) -> Result<TrustChoices, RecordError> {
        self.uptime = trimmed(self.uptime);
        self.contact = trimmed(self.contact);
        if let Some(uptime) = &self.uptime {
            if uptime.chars().count() > UPTIME_CHARS {
                return Err(RecordError::new(
                    "uptime",
                    format!(
                        "keep it under {UPTIME_CHARS} characters, as a contract states it (99.9% each month)"
                    ),
                ));
            }
            if uptime.chars().any(char::is_control) {
                return Err(RecordError::new("uptime", "write it on one line"));
            }
        }
        if let Some(contact) = &self.contact {
            check_contact(contact)?;
        }
        if let Some(unknown) = self.held.iter().find(|q| claims::claim(q).is_none()) {
            return Err(RecordError::new(
                "held",
                format!("{unknown} is not one of the trust page's claims"),
            ));
        }
        Ok(self)
    }

    /// Drops held claims the catalogue no longer makes: choices kept, or carried in a file, from
    /// before a claim was retired still load; only a person naming one is refused.
    pub fn without_retired_claims(mut self) -> TrustChoices {
        self.held.retain(|q| claims::claim(q).is_some());
        self
    }

    /// The contact as a link target: `mailto:` for an address, the page itself otherwise.
    pub fn contact_link(contact: &str) -> String {
        if contact.starts_with("https://") {
            contact.to_string()
        } else {
            format!("mailto:{contact}")
        }
    }
}

fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

fn check_contact(contact: &str) -> Result<(), RecordError> {
    let refuse = |why: &str| Err(RecordError::new("contact", why));
    if contact.chars().count() > CONTACT_CHARS {
        return refuse("keep it under 200 characters");
    }
    if contact.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse("an email address or an https:// page, with no spaces");
    }
    if let Some(rest) = contact.strip_prefix("https://") {
        if rest.is_empty() || !rest.split('/').next().unwrap_or("").contains('.') {
            return refuse("give the page's full address, such as https://example.com/security");
        }
        return Ok(());
    }
    if contact.contains("://") {
        return refuse("only an https:// page may be given, so customers reach it securely");
    }
    match contact.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@') =>
        {
            Ok(())
        }
        _ => refuse("an email address (security@example.com) or an https:// page"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(text: &str) -> Result<TrustChoices, RecordError> {
        TrustChoices {
            contact: Some(text.into()),
            ..TrustChoices::default()
        }
        .checked()
    }

    #[test]
    fn a_contact_is_an_address_or_a_secure_page() {
        assert!(contact(" security@example.com ").is_ok());
        assert!(contact("https://example.com/security").is_ok());
        for bad in [
            "security",
            "a@b",
            "http://example.com",
            "javascript://x",
            "a b@example.com",
            "https://",
        ] {
            assert_eq!(contact(bad).unwrap_err().field, "contact", "{bad}");
        }
        assert_eq!(contact("   ").unwrap().contact, None);
    }

    #[test]
    fn only_claims_of_the_catalogue_can_be_held() {
        let choices = TrustChoices {
            held: ["gov.nonsense".to_string()].into(),
            ..TrustChoices::default()
        };
        assert_eq!(choices.checked().unwrap_err().field, "held");
    }
}
