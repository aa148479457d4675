//! The scoping questions and choices the engine reads by id, named once here and checked when a bank loads, so a bank that renames one fails to load instead of the plan quietly reading nothing.

use super::ScopingInput;

/// The question id whose answer sets the report type targeted.
pub const REPORT_TYPE_QUESTION: &str = "scope.report-type";
/// The scoping questions the dated plan reads.
pub const TARGET_DATE_QUESTION: &str = "scope.target-date";
pub const OBSERVATION_PERIOD_QUESTION: &str = "scope.observation-period";
/// The first day of the Type II observation period, which the check log is measured against.
pub const OBSERVATION_START_QUESTION: &str = "scope.observation-start";
pub const COMPANY_SIZE_QUESTION: &str = "scope.company-stage";
pub const EXISTING_REPORT_QUESTION: &str = "scope.existing-report";
/// For a renewal, the day the last report's observation period ended.
pub const LAST_PERIOD_END_QUESTION: &str = "scope.last-period-end";
/// The time people can give to readiness work each week: the plan's pace.
pub const READINESS_TIME_QUESTION: &str = "scope.readiness-time";
/// Whether the customer asking would accept another assurance for now.
pub const ALTERNATIVE_ASSURANCE_QUESTION: &str = "scope.alternative-assurance";
/// Which categories customers, contracts or prospects ask for: it beats every heuristic.
pub const REQUIRED_CATEGORIES_QUESTION: &str = "scope.required-categories";

/// Scoping questions the proposed scope reads (conditions written in the bank are checked where
/// they are written).
pub const DATA_KINDS_QUESTION: &str = "scope.data-kinds";
pub const SLA_QUESTION: &str = "scope.sla";
pub const UPTIME_CRITICAL_QUESTION: &str = "scope.uptime-critical";
pub const CONFIDENTIALITY_CLAUSES_QUESTION: &str = "scope.confidentiality-clauses";
pub const TRANSACTION_PROCESSING_QUESTION: &str = "scope.transaction-processing";
pub const PRIVACY_NOTICE_QUESTION: &str = "scope.privacy-notice";
/// What the system runs on and which environments sit in it: the plan's narrowing option.
pub const HOSTING_QUESTION: &str = "scope.hosting";
pub const ENVIRONMENTS_QUESTION: &str = "scope.environments";
/// The audit firm engaged in writing: the plan's auditor lead time.
pub const AUDIT_FIRM_QUESTION: &str = "audit.firm";

/// The choice ids the engine reads, each named once.
pub mod choice {
    pub const TYPE1: &str = "type1";
    pub const TYPE2: &str = "type2";
    pub const PERIOD_3_MONTHS: &str = "3-months";
    pub const PERIOD_6_MONTHS: &str = "6-months";
    pub const PERIOD_12_MONTHS: &str = "12-months";
    pub const SIZE_1_10: &str = "1-10";
    pub const SIZE_51_200: &str = "51-200";
    pub const SIZE_200_PLUS: &str = "200-plus";
    pub const TIME_2_HOURS: &str = "2-hours";
    pub const TIME_1_DAY: &str = "1-day";
    pub const TIME_HALF: &str = "half-time";
    pub const TIME_1_FULL: &str = "1-full-time";
    pub const TIME_2_FULL: &str = "2-full-time";
    pub const NO_REPORT: &str = "none";
    pub const REPORT_ONLY: &str = "report-only";
    pub const ASSURANCE_OFFERED: &str = "offered";
    pub const DEVELOPMENT: &str = "development";
    pub const CUSTOMER_CONFIDENTIAL: &str = "customer-confidential";
    pub const PERSONAL: &str = "personal";
    pub const HEALTH: &str = "health";
    pub const PAYMENT: &str = "payment";
    pub const NOT_KNOWN_YET: &str = "unknown";
}

/// Each choice question the engine reads, whether one choice or several, and the choices it
/// reads of it. A bank may leave a question out (what reads it then falls back), but one it has
/// must keep its input and offer these choices: a single choice read as several (or the reverse)
/// reads nothing.
pub const CHOICES_READ: [(&str, ScopingInput, &[&str]); 10] = [
    (
        REPORT_TYPE_QUESTION,
        ScopingInput::Choice,
        &[choice::TYPE1, choice::TYPE2],
    ),
    (
        OBSERVATION_PERIOD_QUESTION,
        ScopingInput::Choice,
        &[
            choice::PERIOD_3_MONTHS,
            choice::PERIOD_6_MONTHS,
            choice::PERIOD_12_MONTHS,
        ],
    ),
    (
        COMPANY_SIZE_QUESTION,
        ScopingInput::Choice,
        &[
            choice::SIZE_1_10,
            choice::SIZE_51_200,
            choice::SIZE_200_PLUS,
        ],
    ),
    (
        READINESS_TIME_QUESTION,
        ScopingInput::Choice,
        &[
            choice::TIME_2_HOURS,
            choice::TIME_1_DAY,
            choice::TIME_HALF,
            choice::TIME_1_FULL,
            choice::TIME_2_FULL,
        ],
    ),
    (
        EXISTING_REPORT_QUESTION,
        ScopingInput::Choice,
        &[choice::NO_REPORT, choice::TYPE1],
    ),
    (
        ALTERNATIVE_ASSURANCE_QUESTION,
        ScopingInput::Choice,
        &[choice::REPORT_ONLY, choice::ASSURANCE_OFFERED],
    ),
    (HOSTING_QUESTION, ScopingInput::MultiChoice, &[]),
    (
        ENVIRONMENTS_QUESTION,
        ScopingInput::MultiChoice,
        &[choice::DEVELOPMENT],
    ),
    (
        REQUIRED_CATEGORIES_QUESTION,
        ScopingInput::MultiChoice,
        &[choice::NOT_KNOWN_YET],
    ),
    (
        DATA_KINDS_QUESTION,
        ScopingInput::MultiChoice,
        &[
            choice::CUSTOMER_CONFIDENTIAL,
            choice::PERSONAL,
            choice::HEALTH,
            choice::PAYMENT,
        ],
    ),
];

/// The yes/no questions the engine reads.
pub const YES_NO_READ: [&str; 5] = [
    SLA_QUESTION,
    UPTIME_CRITICAL_QUESTION,
    CONFIDENTIALITY_CLAUSES_QUESTION,
    TRANSACTION_PROCESSING_QUESTION,
    PRIVACY_NOTICE_QUESTION,
];
