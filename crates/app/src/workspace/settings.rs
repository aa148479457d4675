//! Settings every report uses (assessor, page size, logo), and the report settings they make.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::clock::Moment;
use crate::report::PageSize;
use crate::{Error, Result, files};
use soc2_readiness_report::{self as report, ReportSettings};

/// What the user set once for every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Settings {
    /// The person who ran the assessment, printed on the cover.
    pub assessor_name: Option<String>,
    /// The assessor's firm, for consultants.
    pub assessor_organisation: Option<String>,
    pub page_size: PageSize,
    /// Whether a logo is stored (the image itself travels separately).
    pub has_logo: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            assessor_name: None,
            assessor_organisation: None,
            page_size: PageSize::A4,
            has_logo: false,
        }
    }
}

const SETTINGS_KEY: &str = "preferences";
const LOGO_KEY: &str = "logo";
/// A logo is a small picture; this keeps a mistaken choice (a photo, a video) out of the database.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// Changes to the settings: `None` keeps what is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub assessor_name: Option<String>,
    pub assessor_organisation: Option<String>,
    pub page_size: Option<PageSize>,
}

impl Workspace {
    pub fn settings(&self) -> Result<Settings> {
        let mut settings: Settings = match self.store.setting(SETTINGS_KEY)? {
            // Damaged settings are said to be damaged, not silently replaced by defaults that
            // would print a report without the assessor; saving them again mends them.
            Some(bytes) => serde_json::from_slice(&bytes).map_err(|_| {
                Error::Invalid(
                    "the saved report settings are damaged; set the assessor and page size again"
                        .into(),
                )
            })?,
            None => Settings::default(),
        };
        settings.has_logo = self.store.setting(LOGO_KEY)?.is_some();
        Ok(settings)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let clean = |text: &Option<String>| {
            text.as_ref()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        };
        let stored = Settings {
            assessor_name: clean(&settings.assessor_name),
            assessor_organisation: clean(&settings.assessor_organisation),
            page_size: settings.page_size,
            has_logo: false,
        };
        for (field, value) in [
            ("assessor_name", &stored.assessor_name),
            ("assessor_organisation", &stored.assessor_organisation),
        ] {
            if value.as_ref().is_some_and(|v| v.chars().count() > 300) {
                return Err(Error::Refused {
                    field: field.into(),
                    reason: "longer than 300 characters".into(),
                });
            }
        }
        let bytes = serde_json::to_vec(&stored).expect("settings serialise to JSON");
        self.store.set_setting(SETTINGS_KEY, Some(&bytes))?;
        self.settings()
    }

    /// Stores the report logo after checking it is a PNG or JPEG that the report can draw.
    pub fn set_logo(&mut self, bytes: Option<&[u8]>) -> Result<Settings> {
        if let Some(bytes) = bytes {
            if bytes.len() > MAX_LOGO_BYTES {
                return Err(Error::Refused {
                    field: "logo".into(),
                    reason: format!(
                        "{} KB; choose an image under {} KB",
                        bytes.len() / 1024,
                        MAX_LOGO_BYTES / 1024
                    ),
                });
            }
            report::check_logo(bytes)?;
        }
        self.store.set_setting(LOGO_KEY, bytes)?;
        self.settings()
    }

    /// The report settings from the stored settings, at the moment `at`.
    pub fn report_settings(&self, at: Moment) -> Result<ReportSettings> {
        let settings = self.settings()?;
        let assessor = match (settings.assessor_name, settings.assessor_organisation) {
            (Some(name), Some(firm)) => Some(format!("{name}, {firm}")),
            (name, firm) => name.or(firm),
        };
        Ok(ReportSettings {
            assessor,
            page_size: settings.page_size,
            logo: self.store.setting(LOGO_KEY)?,
            generated_at: at.now,
            today: at.today,
        })
    }

    /// Applies `change` to the stored settings and saves them.
    pub fn change_settings(&mut self, change: SettingsChange) -> Result<Settings> {
        // Damaged settings are replaced whole by the change rather than blocking it.
        let mut settings = self.settings().unwrap_or_default();
        if let Some(name) = change.assessor_name {
            settings.assessor_name = Some(name);
        }
        if let Some(firm) = change.assessor_organisation {
            settings.assessor_organisation = Some(firm);
        }
        if let Some(size) = change.page_size {
            settings.page_size = size;
        }
        self.save_settings(&settings)
    }

    /// Reads the logo from the user's file (capped) and stores it; `None` removes it.
    pub fn set_logo_from(&mut self, file: Option<&Path>) -> Result<Settings> {
        let bytes = file.map(files::read).transpose()?;
        self.set_logo(bytes.as_deref())
    }
}
