// Generated from the Rust types by src-tauri/src/bindings.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop bindings.

export type Category = "security" | "availability" | "confidentiality" | "processing_integrity" | "privacy";

export type Criterion = { id: string, category: Category, series: string, title: string, explanation: string, };

export type Effort = "S" | "M" | "L";

export type ScopingInput = "yes_no" | "choice" | "multi_choice" | "text" | "date";

export type Choice = { id: string, label: string, };

export type QuestionKind = "scoping" | "control";

export type Question = { id: string, step: number, topic: string, kind: QuestionKind, text: string, 
/**
 * Why the question matters, in plain words.
 */
why: string, input: ScopingInput | null, choices?: Array<Choice>, criteria: Array<string>, 
/**
 * What good looks like: the evidence an auditor will ask to see.
 */
good: string | null, 
/**
 * The first concrete actions that close the gap.
 */
remediation: string | null, effort: Effort | null, weight: number | null, key: boolean, applies_when: Condition | null, 
/**
 * Shown instead of the question when `applies_when` is false (for example "relies on the cloud provider").
 */
otherwise: string | null, };

export type Step = { number: number, title: string, summary: string, };

export type CategoryRule = { category: Category, when: Condition, 
/**
 * Why the category is proposed when the rule holds.
 */
reason_in: string, 
/**
 * Why it is not proposed when the rule is answered and does not hold.
 */
reason_out: string, };

export type Condition = { question: string, is: string, } | { question: string, includes: string, } | { any: Array<Condition>, } | { all: Array<Condition>, } | { not: Condition, };

export type Bank = { version: string, steps: Array<Step>, criteria: Array<Criterion>, category_rules: Array<CategoryRule>, questions: Array<Question>, };

export type MaturityLevel = number;

export type ReportType = "type1" | "type2";

export type AnswerValue = { "level": MaturityLevel } | { "not_applicable": string } | { "yes_no": boolean } | { "choice": string } | { "choices": Array<string> } | { "text": string } | { "date": string };

export type Answer = { question_id: string, value: AnswerValue, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, updated_at: string, };

export type Assessment = { id: string, organisation: string, bank_version: string, created_at: string, updated_at: string, archived_at: string | null, };

export type ScopeOverride = { category: Category, in_scope: boolean, reason: string, updated_at: string, };

export type AssessmentRecord = { assessment: Assessment, answers: { [key in string]: Answer }, scope_overrides: Array<ScopeOverride>, };

export type CategoryDecision = { category: Category, name: string, in_scope: boolean, proposed: boolean, 
/**
 * Why the engine proposed what it did.
 */
proposal_reason: string, 
/**
 * The user's reason, present only when they overrode the proposal.
 */
override_reason: string | null, };

export type Scorecard = { report_type: ReportType, target_level: number, overall: Rollup, categories: Array<CategoryScore>, steps: Array<StepScore>, criteria: Array<CriterionScore>, scope: Array<CategoryDecision>, 
/**
 * Every control question, in bank order.
 */
questions: Array<QuestionState>, 
/**
 * Every scoping question, in bank order: which apply (some depend on other answers).
 */
scoping: Array<QuestionState>, };

export type Rollup = { readiness: number | null, completion: number | null, applicable: number, answered: number, unanswered: number, };

export type CategoryScore = { id: Category, name: string, in_scope: boolean, readiness: number | null, completion: number | null, applicable: number, answered: number, criteria_in_scope: number, criteria_scored: number, };

export type StepScore = { step: number, title: string, readiness: number | null, completion: number | null, applicable: number, answered: number, };

export type CriterionStatus = "scored" | "out_of_scope" | "no_applicable_question";

export type CriterionScore = { id: string, category: Category, title: string, in_scope: boolean, status: CriterionStatus, readiness: number | null, completion: number | null, applicable: number, answered: number, not_applicable: number, };

export type QuestionState = { question_id: string, applicable: boolean, answered: boolean, level: number | null, not_applicable: boolean, credit: number | null, };

export type Gap = { question_id: string, step: number, topic: string, question: string, criteria: Array<string>, 
/**
 * `None` when the question is unanswered (scored as 0, reported as unanswered).
 */
current_level: number | null, target_level: number, why: string, remediation: string, effort: Effort, weight: number, key_control: boolean, 
/**
 * weight x shortfall x (2 for a key control), from 0 to 10; documented in docs/scoring.md.
 */
priority_score: number, priority: Priority, horizon: Horizon, owner: string | null, due: string | null, };

export type Priority = "high" | "medium" | "low";

export type Horizon = "now" | "next90_days" | "later";

export type HistoryEntry = { question_id: string, value: AnswerValue | null, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, changed_at: string, };

export type BackupInfo = { path: string, created_at: string, 
/**
 * Why it was taken: `start`, `daily`, `before-migration`, `before-restore`, `manual`.
 */
reason: string, bytes: number, };

export type AssessmentSummary = { assessment: Assessment, report_type: ReportType, readiness: number | null, completion: number | null, };

export type Settings = { 
/**
 * The person who ran the assessment, printed on the cover.
 */
assessor_name: string | null, 
/**
 * The assessor's firm, for consultants.
 */
assessor_organisation: string | null, page_size: PageSize, 
/**
 * Whether a logo is stored (the image itself travels separately).
 */
has_logo: boolean, };

export type PageSize = "a4" | "letter";

export type CommandError = { 
/**
 * Stable, machine-readable: `not_found`, `invalid_answer`, `invalid_import`, `file`,
 * `cannot_open`, `in_use`, `too_new`, `locked`, `disk_full`, `read_only`, `store`, `report`,
 * `invalid_input`, `bank`, `unavailable`.
 */
kind: string, 
/**
 * Lower case, says what went wrong and what to do; never a stack trace.
 */
message: string, };

export type AppInfo = { version: string, bank_version: string, 
/**
 * Where the data lives, shown in settings.
 */
data_file: string | null, 
/**
 * The data file can be read but not changed (a read-only file or file system).
 */
read_only: boolean, 
/**
 * Set when the data file could not be opened: the app still starts and says why.
 */
startup_error: CommandError | null, };

export type AssessmentView = { record: AssessmentRecord, scorecard: Scorecard, fingerprint: string, };

export type SaveAnswerRequest = { assessment_id: string, question_id: string, value: AnswerValue, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, };

export type SavedAnswer = { answer: Answer, scorecard: Scorecard, };

export type ScopeRequest = { assessment_id: string, category: Category, 
/**
 * `None` returns the category to the proposal.
 */
in_scope: boolean | null, reason: string, };

export type ExportedReport = { path: string, pages: number, bytes: number, };
