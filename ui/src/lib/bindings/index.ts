// Generated from the Rust types by src-tauri/src/bindings.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop bindings.

export type Category = "security" | "availability" | "confidentiality" | "processing_integrity" | "privacy";

export type Criterion = { id: string, category: Category, series: string, title: string, explanation: string, };

export type Effort = "S" | "M" | "L";

export type Impact = "critical" | "high" | "moderate" | "low";

export type RuleStrength = "needed" | "worth_discussing";

export type ScopingInput = "yes_no" | "choice" | "multi_choice" | "text" | "date";

export type Choice = { id: string, label: string, 
/**
 * A choice such as "None of these" that cannot be picked together with another.
 */
exclusive: boolean, };

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
remediation: string | null, 
/**
 * The next step from "in place, informal" to written and approved.
 */
remediation_document: string | null, 
/**
 * The next step from documented (or operating with an exception) to operating with evidence.
 */
remediation_operate: string | null, 
/**
 * The gap in a leader's words, for when this control is missing or weak.
 */
gap: string | null, 
/**
 * The control named neutrally ("Encryption of customer data at rest"), so a gap can say
 * what is missing at each level: in place but not documented, or not yet evidenced.
 */
subject?: string | null, impact: Impact | null, 
/**
 * When the system's scope makes this control matter more (people working from home, a
 * staging environment in the boundary), its impact is raised one step.
 */
impact_raised_when: Condition | null, effort: Effort | null, weight: number | null, key: boolean, 
/**
 * A task of the audit project (choosing a firm, agreeing scope), answered like a control
 * but not a control the auditor tests: it has no criteria and is kept out of readiness.
 */
engagement: boolean, applies_when: Condition | null, 
/**
 * Shown instead of the question when `applies_when` is false (for example "relies on the cloud provider").
 */
otherwise: string | null, 
/**
 * The id of the question module that added this question; `None` for the bank's own.
 */
module?: string, };

export type Step = { number: number, title: string, summary: string, };

export type CategoryRule = { category: Category, strength: RuleStrength, when: Condition, 
/**
 * Why the category is proposed when the rule holds.
 */
reason_in: string, 
/**
 * Why it is not proposed when the rule is answered and does not hold.
 */
reason_out: string, };

export type Foundation = { question: string, dependents: Array<string>, 
/**
 * Why the dependents cannot be in better shape than the foundation, for people.
 */
reason: string, };

export type ImpactContext = { when: Condition, questions: Array<string>, impact: Impact, 
/**
 * Said on the gap after the impact: "critical here: your vendors receive health data".
 */
reason: string, };

export type Condition = { question: string, is: string, } | { question: string, includes: string, } | { any: Array<Condition>, } | { all: Array<Condition>, } | { not: Condition, };

export type Bank = { version: string, steps: Array<Step>, criteria: Array<Criterion>, category_rules: Array<CategoryRule>, questions: Array<Question>, foundations: Array<Foundation>, 
/**
 * Oldest first; the last release is this bank's version.
 */
changelog: Array<Release>, 
/**
 * The recurring controls the calendar proposes (`assets/recurring-controls.toml`).
 */
recurring_controls: Array<RecurringTemplate>, 
/**
 * Context that raises the impact of the questions guarding it (`[[impact_context]]`).
 */
impact_context?: Array<ImpactContext>, 
/**
 * The question modules added to the bank (an assessment's effective bank), in id order.
 * Left out when empty, so the bundled bank's JSON (and the stamp hashed from it) is as before.
 */
modules?: Array<ModuleRef>, };

export type ModuleRef = { id: string, version: string, title: string, sha256: string, };

export type MaturityLevel = number;

export type ReportType = "type1" | "type2";

export type Depth = "quick" | "full";

export type AnswerValue = { "level": MaturityLevel } | { "not_applicable": string } | { "yes_no": boolean } | { "choice": string } | { "choices": Array<string> } | { "text": string } | { "date": string } | { "unknown": null };

export type Coverage = "people" | "systems" | "data" | "period";

export type Answer = { question_id: string, value: AnswerValue, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, 
/**
 * A known exception: who or what the control does not yet cover (people, systems, a
 * period). A control with one is never counted as operating.
 */
exception?: string, 
/**
 * The exception leaves something exposed today (a leaver's key still active, customer
 * data in a tool with no agreement): it ranks as "Fix now". Only with an exception.
 */
live_exposure?: boolean, 
/**
 * The exception repeats one the last report noted: it ranks as "Fix now" too.
 */
repeat_finding?: boolean, 
/**
 * What the exception leaves uncovered (people, systems, data, a period); only with one.
 */
not_covered?: Array<Coverage>, updated_at: string, };

export type Assessment = { id: string, organisation: string, bank_version: string, created_at: string, updated_at: string, archived_at: string | null, 
/**
 * How deep the questionnaire goes; files from before the quick path are full depth.
 */
depth: Depth, 
/**
 * What this assessment is, beside the organisation: a re-assessment says so and when.
 */
label?: string, 
/**
 * The assessment a re-assessment is measured against: the one it was copied from, while
 * that one still exists in the same data file.
 */
baseline?: string, };

export type ScopeOverride = { category: Category, in_scope: boolean, reason: string, updated_at: string, };

export type AssessmentRecord = { assessment: Assessment, answers: { [key in string]: Answer }, scope_overrides: Array<ScopeOverride>, 
/**
 * The bank upgrades its answers went through, oldest first, with what changed for it.
 */
upgrades: Array<BankUpgrade>, 
/**
 * The question modules this assessment uses, one version each, in id order.
 */
modules: Array<ModuleRef>, };

export type CategoryDecision = { category: Category, name: string, in_scope: boolean, proposed: boolean, proposal: Proposal, 
/**
 * Why the engine proposed what it did.
 */
proposal_reason: string, 
/**
 * The user's reason, present only when they overrode the proposal.
 */
override_reason: string | null, };

export type Proposal = "needed" | "worth_discussing" | "not_proposed" | "pending" | "carried";

export type Scorecard = { report_type: ReportType, target_level: number, overall: Rollup, categories: Array<CategoryScore>, steps: Array<StepScore>, criteria: Array<CriterionScore>, scope: Array<CategoryDecision>, 
/**
 * Every control question, in bank order.
 */
questions: Array<QuestionState>, 
/**
 * Every scoping question, in bank order: which apply (some depend on other answers).
 */
scoping: Array<QuestionState>, 
/**
 * Set when the assessment was answered against an older bank: what changed in the method.
 */
method_note: string | null, 
/**
 * The audit project's checklist (step 5 tasks), kept out of every readiness figure.
 */
tasks: TaskProgress, };

export type Band = "low" | "mid" | "good" | "high";

export type Rollup = { 
/**
 * The headline: design readiness for a Type I target, operating readiness for a Type II.
 */
readiness: number | null, 
/**
 * Designed and documented (target level 3): what a Type I tests.
 */
design: number | null, 
/**
 * Operating with evidence (target level 4): what a Type II tests.
 */
operating: number | null, completion: number | null, applicable: number, 
/**
 * Answers the user gave: never an implied one, never "don't know".
 */
answered: number, 
/**
 * Applicable questions with no answer at all.
 */
unanswered: number, 
/**
 * Answered "don't know": counted as not in place and listed to verify, shown beside
 * completion, never in it.
 */
unknown: number, 
/**
 * Implied by a missing foundation on the quick path: shown beside completion, never in it.
 */
implied: number, };

export type CategoryScore = { id: Category, name: string, in_scope: boolean, readiness: number | null, design: number | null, operating: number | null, completion: number | null, applicable: number, answered: number, criteria_in_scope: number, criteria_scored: number, };

export type StepScore = { step: number, title: string, readiness: number | null, design: number | null, operating: number | null, completion: number | null, applicable: number, answered: number, };

export type CriterionStatus = "scored" | "out_of_scope" | "no_applicable_question";

export type CriterionScore = { id: string, category: Category, title: string, in_scope: boolean, status: CriterionStatus, readiness: number | null, design: number | null, operating: number | null, completion: number | null, applicable: number, answered: number, not_applicable: number, 
/**
 * The applicable control question furthest below target (unanswered lowest, a known
 * exception half a level down, the bank's order breaking ties): the one to open from the
 * criterion's cell.
 */
weakest_question: string | null, };

export type QuestionState = { question_id: string, applicable: boolean, answered: boolean, level: number | null, not_applicable: boolean, 
/**
 * The answer carries a known exception (recorded, or shown by the programme's records).
 */
exception: boolean, 
/**
 * The records do not show the control operating: it scores as documented at most.
 */
not_evidenced: boolean, 
/**
 * Answered "don't know": scored as not in place, to verify, not answered.
 */
unknown: boolean, 
/**
 * Implied by a missing foundation on the quick path: scored at 0, not answered.
 */
implied: boolean, credit: number | null, design_credit: number | null, operating_credit: number | null, };

export type Gap = { question_id: string, step: number, topic: string, 
/**
 * The gap in a leader's words ("Leavers' access is not removed promptly").
 */
title: string, question: string, criteria: Array<string>, 
/**
 * The in-scope categories the gap's criteria belong to, Security first.
 */
categories: Array<Category>, 
/**
 * `None` when the question is unanswered (scored as 0, reported as unanswered).
 */
current_level: number | null, 
/**
 * The level scoring uses: the level, or at most 2.5 with a known exception.
 */
effective_level: number, target_level: number, 
/**
 * The known exception the answer records, if any: never a refinement.
 */
exception: string | null, 
/**
 * The exception leaves something exposed today (the user said so, or a register shows it).
 */
live_exposure: boolean, 
/**
 * The exception repeats one the company's last report noted.
 */
repeat_finding: boolean, 
/**
 * What the recorded exception leaves uncovered (people, systems, data, a period).
 */
not_covered?: Array<Coverage>, 
/**
 * Answered "don't know": listed to verify, counted as not in place.
 */
to_verify: boolean, 
/**
 * Why the impact is what it is here, when the company's context raised it ("critical
 * here: your vendors receive health data").
 */
impact_reason?: string, note: string | null, why: string, 
/**
 * The next step from where the answer is (from nothing, from informal, or to operating).
 */
remediation: string, effort: Effort, weight: number, key_control: boolean, 
/**
 * The bank's impact, raised one step when a customer requires one of the gap's categories.
 */
impact: Impact, 
/**
 * Person-weeks of work before the audit window, from the kind of work (writing down,
 * closing an exception, building), its effort and the company's size (docs/scoring.md).
 */
work_weeks: number, 
/**
 * The work does not fit before the audit window must start for the target date.
 */
urgent: boolean, 
/**
 * 10 x (impact factor / 4)² x shortfall, plus half the impact factor for a known exception
 * (0 to 12); docs/scoring.md.
 */
priority_score: number, priority: Priority, horizon: Horizon, 
/**
 * Why the gap has its priority, in words.
 */
priority_reason: string, owner: string | null, due: string | null, 
/**
 * On the quick path, the foundation whose absence implies this gap (not asked).
 */
implied_by?: string, 
/**
 * What the programme's records show against this answer ("the check log shows …").
 */
findings: Array<RecordFinding>, 
/**
 * The control's recurring check is overdue inside the observation window: urgent.
 */
overdue: boolean, };

export type Priority = "fix_now" | "high" | "medium" | "low";

export type Horizon = "now" | "next90_days" | "later";

export type Deadline = { 
/**
 * The day the deadline was worked out on.
 */
today: string, target_date: string | null, 
/**
 * The latest start of the audit window (Type I date or observation start) that still
 * meets the target date.
 */
window_start: string | null, 
/**
 * Weeks from today to `window_start`; negative once that date has passed.
 */
weeks_to_window: number | null, };

export type MilestoneKind = "today" | "remediation_end" | "type1_date" | "observation_start" | "observation_end" | "report_date" | "cautious_report_date" | "target_date";

export type Milestone = { kind: MilestoneKind, label: string, date: string, };

export type PlanOption = { title: string, detail: string, report_date: string | null, meets_target: boolean | null, };

export type TaskStatus = "done" | "in_progress" | "not_started";

export type AuditTask = { question_id: string, title: string, status: TaskStatus, start_by: string, 
/**
 * Not done and its start-by day has passed.
 */
late: boolean, 
/**
 * Not started and its start-by day is within two weeks.
 */
at_risk: boolean, };

export type Plan = { today: string, report_type: ReportType, 
/**
 * Sum of every gap's person-weeks at this company's size, and the longest single gap in
 * calendar weeks at its pace.
 */
total_work_weeks: number, longest_work_weeks: number, 
/**
 * The person-days a week people can give (`scope.readiness-time`), and whether answered.
 */
days_per_week: number, capacity_answered: boolean, remediation_weeks: number, remediation_end: string, type1_date: string | null, observation_start: string | null, observation_end: string | null, observation_months: number | null, 
/**
 * The likely date: the work at the pace people gave.
 */
report_date: string, 
/**
 * The cautious date: the same work taking half as long again.
 */
cautious_report_date: string, target_date: string | null, 
/**
 * `None` without a target date; whether the likely date meets it.
 */
meets_target: boolean | null, 
/**
 * Days between the likely report date and the target date (negative when late).
 */
slack_days: number | null, 
/**
 * The observation start answered in step 1 cannot hold: the design work ends after it.
 */
start_not_credible: boolean, 
/**
 * One plain paragraph: on track, tight, late by how much, not credible, or no deadline.
 */
verdict: string, 
/**
 * The assumptions the verdict turns on, in the reader's words ("about 2 hours a week").
 */
decided_by: Array<string>, milestones: Array<Milestone>, options: Array<PlanOption>, 
/**
 * Recurring controls in scope that must run at least once inside the observation period
 * (a Type II): the auditor samples each.
 */
due_in_window: Array<string>, 
/**
 * The audit project's milestones with their start-by days for the planned window (or the
 * target's, when that is sooner).
 */
audit_tasks: Array<AuditTask>, 
/**
 * What the dates assume, so a reader can redo them.
 */
assumptions: Array<string>, };

export type Analysis = { scorecard: Scorecard, deadline: Deadline, gaps: Array<Gap>, 
/**
 * The ids of the ten most important gaps, the head of the one ranked list (live exposures
 * first); never an implied gap (its foundation stands for it).
 */
top: Array<string>, 
/**
 * The weakest scored criterion of each category in scope, Security first: its own panel,
 * so a weak category is seen without padding the top ten.
 */
weakest: Array<string>, plan: Plan, };

export type Selection = { gaps: Array<string>, priorities: Array<Priority>, horizons: Array<Horizon>, };

export type CategoryShift = { id: Category, name: string, 
/**
 * Headline readiness (the report type's target).
 */
readiness: Change, };

export type CriterionShift = { id: string, category: Category, readiness: Change, };

export type Projection = { today: string, report_type: ReportType, selection: Selection, 
/**
 * The gaps the projection closes, as they stand now, in register order.
 */
closed: Array<Gap>, 
/**
 * Headline, design and operating readiness overall.
 */
overall: Change, design: Change, operating: Change, 
/**
 * Categories in scope, in scorecard order.
 */
categories: Array<CategoryShift>, 
/**
 * Criteria with a score, in scorecard order.
 */
criteria: Array<CriterionShift>, gaps_before: number, 
/**
 * The gap register as it would be: every gap not closed, ranked afresh.
 */
remaining: Array<Gap>, 
/**
 * The ten remaining gaps to show first, as `Analysis::top` chooses them.
 */
top_remaining: Array<string>, plan_before: Plan, plan_after: Plan, };

export type Side = "mine" | "theirs";

export type Outcome = "keep_mine" | "take_theirs" | "same" | "conflict";

export type AnswerSide = { answer: Answer | null, words: string, };

export type QuestionMerge = { question_id: string, 
/**
 * The question as people read it (its id when a module that asked it is gone).
 */
question: string, outcome: Outcome, 
/**
 * The answer both copies last agreed on, in words.
 */
base: string, mine: AnswerSide, theirs: AnswerSide, };

export type ScopeMerge = { category: Category, 
/**
 * How a choice names this decision, `scope:<category>`, apart from every question id: the
 * front ends send it back as it is, never build it.
 */
key: string, outcome: Outcome, 
/**
 * `None`: the proposed scope (no override).
 */
mine: ScopeOverride | null, theirs: ScopeOverride | null, };

export type MergePlan = { 
/**
 * Questions in order of id; those neither copy changed are left out.
 */
questions: Array<QuestionMerge>, scope: Array<ScopeMerge>, 
/**
 * Entries of the file's history this assessment lacks, oldest first: appended on merge.
 */
history_to_add: Array<HistoryEntry>, 
/**
 * Questions answered in either copy that the question bank no longer knows: left as they are.
 */
unknown_questions: Array<string>, 
/**
 * False only for a merge forced on copies that share no history.
 */
shared_history: boolean, };

export type MergeChoices = { 
/**
 * Per conflict: a question id, or `scope:<category>`.
 */
chosen: { [key in string]: Side }, 
/**
 * For every conflict not chosen one by one.
 */
all?: Side, 
/**
 * Merge even though the copies share no history (every answer then counts as changed).
 */
unrelated: boolean, };

export type MergeOutcome = { 
/**
 * The plan it followed, conflicts included (each resolved by the choices given).
 */
plan: MergePlan, 
/**
 * Answers saved or cleared from the file.
 */
answers_taken: number, 
/**
 * Scope decisions set or returned to the proposal from the file.
 */
scope_taken: number, 
/**
 * History rows appended: the file's entries this assessment lacked, and restated answers.
 */
history_added: number, 
/**
 * The backup taken before writing; none when there was nothing to write (or no file).
 */
backup?: string, };

export type Change = { before: number | null, after: number | null, };

export type Figures = { readiness: Change, design: Change, operating: Change, completion: Change, };

export type CategoryChange = { id: Category, name: string, in_scope_before: boolean, in_scope_after: boolean, figures: Figures, };

export type StepChange = { step: number, title: string, figures: Figures, };

export type CriterionChange = { id: string, title: string, in_scope_before: boolean, in_scope_after: boolean, readiness: Change, };

export type GapState = { level: number | null, 
/**
 * The level scoring credits (an exception or missing evidence lowers it).
 */
effective_level: number, priority: Priority, };

export type GapChange = { question_id: string, title: string, criteria: Array<string>, before: GapState | null, after: GapState | null, };

export type AnswerChange = { question_id: string, question: string, step: number, 
/**
 * The answers in words; `None` where the question was unanswered.
 */
before: string | null, after: string | null, };

export type ComparedAssessment = { id: string, organisation: string, label: string | null, created_at: string, bank_version: string, };

export type Comparison = { before: ComparedAssessment, after: ComparedAssessment, overall: Figures, categories: Array<CategoryChange>, steps: Array<StepChange>, criteria: Array<CriterionChange>, 
/**
 * Open before, not after.
 */
gaps_closed: Array<GapChange>, 
/**
 * Open after, not before.
 */
gaps_new: Array<GapChange>, 
/**
 * Open on both sides, with less credited after.
 */
gaps_worse: Array<GapChange>, 
/**
 * Open on both sides, with more credited after (progress that has not closed it yet).
 */
gaps_better: Array<GapChange>, answers_changed: Array<AnswerChange>, 
/**
 * What could not be compared and why, in sentences (a question only one bank had, two
 * organisations); empty when everything was.
 */
notes: Array<string>, };

export type TrendPoint = { id: string, organisation: string, label: string | null, created_at: string, archived: boolean, readiness: number | null, completion: number | null, };

export type Release = { version: string, summary: string, change: Array<BankChange>, };

export type BankChange = { kind: ChangeKind, 
/**
 * Ids in the previous version (empty for an added question).
 */
from: Array<string>, 
/**
 * Ids in this version (empty for a removed question).
 */
to: Array<string>, 
/**
 * Why, in a sentence a user reads.
 */
note: string, };

export type ChangeKind = "renamed" | "merged" | "split" | "removed" | "added" | "remapped";

export type BankUpgrade = { from_version: string, to_version: string, at: string, notes: Array<UpgradeNote>, };

export type UpgradeNote = { kind: string, 
/**
 * The question in the new bank (none for a removed one).
 */
question_id: string | null, 
/**
 * The questions of the old bank it came from.
 */
from: Array<string>, 
/**
 * What happened and what to do, for people.
 */
text: string, 
/**
 * A carried answer the user should confirm (merged or split questions).
 */
confirm: boolean, };

export type TaskProgress = { applicable: number, answered: number, done: number, };

export type HistoryEntry = { question_id: string, value: AnswerValue | null, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, exception?: string, live_exposure?: boolean, repeat_finding?: boolean, not_covered?: Array<Coverage>, 
/**
 * The foundation behind a change the quick path made: with a value, the answer became
 * implied by it; without one, it is no longer implied and the question is open again.
 */
implied_by?: string, changed_at: string, };

export type BackupInfo = { path: string, created_at: string, 
/**
 * Why it was taken: `start`, `daily`, `before-migration`, `before-restore`, `manual`.
 */
reason: string, bytes: number, };

export type AssessmentSummary = { assessment: Assessment, report_type: ReportType, readiness: number | null, completion: number | null, };

export type ModuleInfo = { id: string, version: string, title: string, description: string, author?: string, organisation?: string, questions: number, sha256: string, added_at: string, 
/**
 * How many assessments use this version.
 */
used_by: number, };

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

export type ScopeDecision = "in" | "out" | "proposed";

export type ErrorKind = "not_found" | "invalid_answer" | "invalid_import" | "file" | "cannot_open" | "in_use" | "too_new" | "locked" | "disk_full" | "read_only" | "store" | "report" | "invalid_input" | "bank" | "unavailable" | "needs_passphrase" | "wrong_passphrase" | "invalid_record" | "unexpected";

export type PageSize = "a4" | "letter";

export type CommandError = { 
/**
 * Stable and machine-readable: the UI branches on it, never on the message.
 */
kind: ErrorKind, 
/**
 * Lower case, says what went wrong and what to do; never a stack trace.
 */
message: string, 
/**
 * The field to fix, when a value was refused (`invalid_record` for a register entry,
 * `invalid_input` for a check or an adopted control), so a form marks it; `message` is then
 * what to show under that field.
 */
field?: string, };

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
 * The data file is protected with a passphrase (`docs/protected-data-file.md`).
 */
protected: boolean, 
/**
 * Set when the data file could not be opened: the app still starts and says why.
 */
startup_error: CommandError | null, };

export type AssessmentView = { 
/**
 * The record as judged today: its `answers` include the quick path's implied ones.
 */
record: AssessmentRecord, 
/**
 * Which answers in `record` were implied, not given: question id to the foundation's id.
 */
implied: { [key in string]: string }, 
/**
 * Answers carried by a bank upgrade from merged or split questions and not answered since:
 * question id to what happened (`upgrade::to_confirm`).
 */
to_confirm: { [key in string]: string }, scorecard: Scorecard, fingerprint: string, 
/**
 * Answered on an older question bank: opening it carries its answers to this one
 * (`upgrade_assessment`), and the questionnaire says what changed.
 */
needs_upgrade: boolean, };

export type Changed = { assessment_id: string, 
/**
 * The organisation's programme (its registers, its check log) changed: its findings move
 * the figures of every assessment of that organisation.
 */
programme: boolean, };

export type SaveAnswerRequest = { assessment_id: string, question_id: string, value: AnswerValue, note: string | null, owner: string | null, due: string | null, evidence: Array<string>, 
/**
 * A known exception; absent or empty means none.
 */
exception: string | null, 
/**
 * The exception leaves something exposed today; absent means no.
 */
live_exposure?: boolean, 
/**
 * The exception repeats one the last report noted; absent means no.
 */
repeat_finding?: boolean, 
/**
 * What the exception leaves uncovered; absent means none marked.
 */
not_covered?: Array<Coverage>, };

export type SavedAnswer = { answer: Answer, scorecard: Scorecard, };

export type ScopeRequest = { assessment_id: string, category: Category, decision: ScopeDecision, reason: string, };

export type ExportedReport = { path: string, pages: number, bytes: number, 
/**
 * Whether a viewer opened it; when none could, the UI says where it is and offers the folder.
 */
opened: boolean, };

export type TrustPageView = { page: TrustPage, choices: TrustChoices, preview: string, };

export type TrustFormat = "html" | "pdf";

export type ExportedTrustPage = { path: string, 
/**
 * Claims the written page makes.
 */
claims: number, 
/**
 * Whether a browser or viewer opened it.
 */
opened: boolean, };

export type Basis = "evidenced" | "documented";

export type PublishedClaim = { question_id: string, text: string, basis: Basis, };

export type TrustGroup = { id: string, title: string, claims: Array<PublishedClaim>, };

export type ClaimChoice = { question_id: string, group: string, text: string, 
/**
 * The answers and records support it (`basis` says how).
 */
basis: Basis | null, 
/**
 * Shown on the page: supported and not held back by the company.
 */
published: boolean, 
/**
 * Why it is not shown, in the company's terms; `None` when shown.
 */
reason: string | null, };

export type Subprocessor = { name: string, purpose: string, location: string | null, };

export type PublishedPolicy = { title: string, version: string, approved_on: string, };

export type HeldBack = { 
/**
 * What it is: a claim's text, a policy's title, "Sub-processors", "Uptime commitment".
 */
item: string, reason: string, 
/**
 * The company chose to leave it out (it could be published).
 */
chosen: boolean, 
/**
 * The control question a held-back claim stands on; `None` for a list or a commitment.
 */
question_id: string | null, };

export type TrustPage = { organisation: string, 
/**
 * The day the page speaks for.
 */
as_of: string, 
/**
 * No SOC 2 report is held yet: every claim is the company's own.
 */
self_assessed: boolean, 
/**
 * The report status with the plan's honest dates ("SOC 2 Type I report planned for Q2 2027").
 */
status: string, 
/**
 * The Trust Services Categories in scope, by name.
 */
categories: Array<string>, groups: Array<TrustGroup>, 
/**
 * `None` when the company holds the list back; empty when none is recorded.
 */
subprocessors: Array<Subprocessor> | null, 
/**
 * `None` when the company holds the list back.
 */
policies: Array<PublishedPolicy> | null, uptime: string | null, contact: string | null, held_back: Array<HeldBack>, 
/**
 * Every claim the catalogue could make here, for the publish choices.
 */
claims: Array<ClaimChoice>, 
/**
 * The claims catalogue's version.
 */
wording: string, };

export type TrustChoices = { 
/**
 * Claims held back, by the control question they stand on.
 */
held: Array<string>, hide_subprocessors: boolean, hide_policies: boolean, 
/**
 * The uptime the contracts commit to, in the company's words ("99.9% each month").
 */
uptime: string | null, 
/**
 * Where customers write about security: an email address or an https:// page.
 */
contact: string | null, };

export type TableKind = "gaps" | "roadmap" | "plan" | "answers" | "control_matrix" | "vendors" | "policies" | "incidents" | "risks" | "people" | "changes";

export type SpreadsheetFormat = "csv" | "xlsx";

export type WrittenSpreadsheet = { 
/**
 * Every file written: one workbook, or one CSV file per table.
 */
files: Array<string>, tables: Array<WrittenTable>, };

export type WrittenTable = { table: TableKind, 
/**
 * Rows below the header.
 */
rows: number, };

export type Register = "vendors" | "policies" | "incidents" | "risks" | "people" | "changes";

export type RecordError = { field: string, message: string, };

export type Action = "added" | "edited" | "approved" | "archived" | "restored" | "deleted";

export type Attention = { 
/**
 * Stable code (`review_overdue`, `no_report`, ...), for filters and the findings.
 */
code: string, 
/**
 * A sentence for the reader, in our words.
 */
detail: string, 
/**
 * The day it fell due or started, when there is one.
 */
since?: string, };

export type RegisterRow = { id: string, label: string, updated_at: string, archived: boolean, 
/**
 * Field name to its text ("" when not set), as `--FIELD VALUE` would give it back.
 */
values: { [key in string]: string }, attention: Array<Attention>, };

export type FieldInfo = { name: string, 
/**
 * text, long_text, date, choice, flag, number, list
 */
kind: string, required: boolean, help: string, 
/**
 * The allowed values of a choice.
 */
choices: Array<string>, 
/**
 * The longest text accepted, for text fields.
 */
max_chars: number | null, };

export type ChangeRow = { action: Action, changed_at: string, values: { [key in string]: string }, };

export type Limits = { access_removal_days: number, training_days: number, acknowledgement_days: number, };

export type KeptLimits = { limits: Limits, 
/**
 * False while the usual limits stand in for the company's own.
 */
set: boolean, };

export type CsvImport = { columns: Array<ImportColumn>, 
/**
 * Rows read (blank lines are none).
 */
rows: number, problems: Array<RowProblem>, 
/**
 * Every row was written, in one transaction; never part of them.
 */
written: boolean, 
/**
 * Rows that are new entries, rows that change an entry already kept (the same name, or
 * for an incident the same title and day), and rows that match one and change nothing.
 * A preview counts what a write would do.
 */
added: number, updated: number, unchanged: number, };

export type ImportColumn = { column: string, field: string | null, };

export type RowProblem = { line: number, field: string, message: string, };

export type Frequency = "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly";

export type RecurringTemplate = { id: string, title: string, 
/**
 * The control questions a passed check evidences (the first is the control's own).
 */
questions: Array<string>, 
/**
 * The frequency proposed; the company chooses its own when adopting.
 */
frequency: Frequency, 
/**
 * What to keep from each run, in our own words.
 */
evidence: string, };

export type Effect = "not_evidenced" | "known_exception";

export type Source = "check_log" | "vendors" | "policies" | "incidents" | "risks" | "people" | "changes" | "accounts";

export type RecordFinding = { question_id: string, source: Source, effect: Effect, 
/**
 * The record's id, so the app can open it.
 */
record_id: string, 
/**
 * A sentence for the reader naming the record and what is missing, in our own words.
 */
detail: string, 
/**
 * Something is exposed today because of it (a vendor holding personal or health data with
 * no agreement), not only a record missing: its gap ranks as "Fix now".
 */
live_exposure: boolean, };

export type AdoptedControl = { 
/**
 * The bank's recurring control id (`access-review`); one per programme.
 */
control_id: string, frequency: Frequency, owner: string, 
/**
 * The first due date; later ones step from it.
 */
first_due: string, 
/**
 * Archived controls keep their checks but are no longer expected to run.
 */
archived: boolean, adopted_at: string, };

export type CheckResult = "pass" | "fail" | "not-run" | "void";

export type EvidenceFile = { id: string, name: string, size: number, sha256: string, };

export type CheckEntry = { id: string, control_id: string, performed_on: string, result: CheckResult, reason: string, performed_by: string, 
/**
 * A reference to evidence kept elsewhere (a ticket, a folder, a URL).
 */
evidence: string | null, file: EvidenceFile | null, 
/**
 * The entry this one withdraws (only for `Void`).
 */
voids: string | null, recorded_at: string, 
/**
 * The population item this entry tested, when it records a sample's test rather than a
 * run of the control; absent in logs from before samples were recorded.
 */
sample?: SampledItem, };

export type DueStatus = "overdue" | "due" | "upcoming" | "archived";

export type CalendarRow = { control: AdoptedControl, title: string, questions: Array<string>, evidence: string, last_check: CheckEntry | null, next_due: string, status: DueStatus, };

export type Calendar = { controls: Array<CalendarRow>, proposed: Array<RecurringTemplate>, due: number, overdue: number, };

export type ObservationWindow = { start: string, end: string, months: number, };

export type OccurrenceStatus = "passed" | "failed" | "missed" | "not_yet_due";

export type Occurrence = { opens: string, due: string, status: OccurrenceStatus, 
/**
 * The entry that decided the status (a failure, else a pass, else a "not run").
 */
check: CheckEntry | null, };

export type ControlObservation = { control_id: string, title: string, frequency: Frequency, owner: string, questions: Array<string>, occurrences: Array<Occurrence>, passed: number, failed: number, missed: number, not_yet_due: number, };

export type Observation = { window: ObservationWindow | null, started: boolean, note: string, controls: Array<ControlObservation>, exceptions: number, };

export type AdoptRequest = { control_id: string, frequency: Frequency, owner: string, first_due: string, };

export type CheckRequest = { control_id: string, performed_on: string, result: CheckResult, reason: string, performed_by: string, evidence: string | null, 
/**
 * The population item this test is of, when it records a sample's test (the register
 * entry's name is taken from the register, not from here).
 */
sample?: SampledItem, };

export type VoidRequest = { check_id: string, reason: string, performed_by: string, };

export type AuditPeriod = { start: string, end: string, };

export type WrittenBinder = { file: string, period: AuditPeriod, bytes: number, 
/**
 * Files inside the archive, the manifest included.
 */
entries: number, evidence_files: number, 
/**
 * Runs recorded in the period (withdrawn ones included) and due dates missed.
 */
runs: number, missed: number, 
/**
 * Passed or failed runs with neither a file nor a reference.
 */
without_evidence: number, 
/**
 * Criteria in scope no recurring control serves.
 */
uncovered_criteria: number, };

export type PopulationItem = { id: string, label: string, on: string, };

export type SampleRow = { item: PopulationItem, 
/**
 * Drawn by the app; an item the company or its auditor chose instead is tested too.
 */
proposed: boolean, test: CheckEntry | null, };

export type PopulationSample = { population: Population, title: string, 
/**
 * The recurring control whose log keeps each test.
 */
control_id: string, 
/**
 * What a test of one item looks for.
 */
attributes: string, size: number, rows: Array<SampleRow>, tested: number, failed: number, };

export type Population = "hires" | "leavers" | "new-vendors" | "changes";

export type SampledItem = { population: Population, item_id: string, label: string, };

export type SamplesView = { period: AuditPeriod, populations: Array<PopulationSample>, };

export type BinderRequest = { from: string | null, to: string | null, without_notes: boolean, };

export type SectionId = "services" | "commitments" | "infrastructure" | "software" | "people" | "procedures" | "data" | "boundaries" | "subservice" | "user-entity-controls" | "incidents" | "changes" | "criteria";

export type SourceKind = "answer" | "note" | "register" | "control" | "scope";

export type StatementSource = { kind: SourceKind, reference: string, label: string, };

export type Sentence = { text: string, sources: Array<StatementSource>, };

export type BlockKind = "paragraph" | "item" | "missing" | "note";

export type Block = { kind: BlockKind, sentences: Array<Sentence>, };

export type DraftSection = { id: SectionId, title: string, blocks: Array<Block>, };

export type DescriptionDraft = { organisation: string, as_of: string, report_type: ReportType, 
/**
 * The period a Type II describes; `None` for a Type I or while its start is not chosen.
 */
period: AuditPeriod | null, sections: Array<DraftSection>, };

export type SectionVersion = { version: number, text: string | null, saved_at: string, 
/**
 * The SHA-256 of the draft's plain text when this version was saved.
 */
draft_sha256: string, };

export type KeptDescription = { sections: { [key in SectionId]?: Array<SectionVersion> }, };

export type DescribedSection = { draft: DraftSection, 
/**
 * The draft as plain text: what the app's editor starts from when nothing is saved.
 */
draft_text: string, 
/**
 * The company's latest text; `None` while the draft stands.
 */
edited: SectionVersion | null, 
/**
 * How many versions the company has saved (returns to the draft included).
 */
versions: number, 
/**
 * The facts behind the draft changed since the company's text was saved.
 */
facts_changed: boolean, };

export type SystemDescription = { draft: DescriptionDraft, sections: Array<DescribedSection>, 
/**
 * Sections the company has written in its own words.
 */
edited: number, 
/**
 * Facts the sections standing as drafted still lack.
 */
missing: number, };

export type DescriptionFormat = "markdown" | "docx";

export type WrittenDescription = { file: string, format: DescriptionFormat, bytes: number, sections: number, edited: number, 
/**
 * Facts the sections standing as drafted still lack.
 */
missing: number, };

export type AccountFormat = "aws_credential_report" | "google_workspace" | "entra_id" | "github_members" | "mapped";

export type AccountLimits = { 
/**
 * An access key older than this many days is due for rotation.
 */
key_rotation_days: number, 
/**
 * An account or key unused this many days should be disabled.
 */
unused_days: number, 
/**
 * Whether the company chose these, or they are the defaults.
 */
chosen: boolean, };

export type AccountChoices = { limits: AccountLimits, 
/**
 * Reports name the accounts behind each finding; otherwise they give the lines only, so
 * people's sign-in names stay in the data file.
 */
names_in_reports: boolean, };

export type AccountCheck = "leaver_active" | "admin_without_mfa" | "owner_keys" | "shared" | "without_mfa" | "key_old" | "key_unused" | "dormant" | "no_person";

export type FlaggedAccount = { line: number, account: string, 
/**
 * Why this row, in words: "left on 3 Nov 2026, 27 days before the export; used on 12 Nov".
 */
note: string, };

export type AccountFinding = { check: AccountCheck, question_id: string, import_id: string, system: string, taken_on: string, 
/**
 * Something is exposed now (a leaver's live account, an admin or shared key without a
 * person's MFA): its gap ranks as "Fix now".
 */
live_exposure: boolean, 
/**
 * The finding in words, with no account name: this is what reports carry.
 */
summary: string, accounts: Array<FlaggedAccount>, };

export type AccountEvidence = { question_id: string, import_id: string, system: string, taken_on: string, detail: string, };

export type AccountReview = { findings: Array<AccountFinding>, evidence: Array<AccountEvidence>, limits: AccountLimits, 
/**
 * The imports checked: the latest of each system.
 */
checked: Array<string>, };

export type ColumnUse = { column: string, 
/**
 * What it was read as, in words; `None` for a column the checks do not need.
 */
read_as: string | null, };

export type LayoutProblem = { line: number, column: string, message: string, };

export type AccountImportResult = { format: AccountFormat | null, system: string, file_name: string, sha256: string, taken_on: string, 
/**
 * The file's headings as written, so a person can name each one's field.
 */
headings: Array<string>, columns: Array<ColumnUse>, not_shown: Array<string>, accounts: number, problems: Array<LayoutProblem>, 
/**
 * The findings this file raises once kept (against the people register as it is now).
 */
findings: Array<AccountFinding>, 
/**
 * Kept, with this id; never part of a file.
 */
import_id: string | null, };

export type AccountImportInfo = { id: string, system: string, format: AccountFormat, file_name: string, sha256: string, taken_on: string, accounts: number, 
/**
 * The latest of its system, so the one checked.
 */
checked: boolean, };

export type ClaimFlag = { question_id: string, question: string, 
/**
 * The level answered, 0 to 4.
 */
level: number, finding: string, };

export type AccountsView = { imports: Array<AccountImportInfo>, review: AccountReview, choices: AccountChoices, 
/**
 * Answers at "in place" or better that an export contradicts.
 */
claims: Array<ClaimFlag>, };

export const SCOPE_STEP = 1;

/** Every frequency a recurring control can run at, most often first. */
export const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly'];

/** The lowest level a known exception can be recorded at. */
export const EXCEPTION_FROM_LEVEL = 2;

export const BAND_FROM: Record<Exclude<Band, 'low'>, number> = { mid: 40, good: 70, high: 90 };

export const LEVEL_LABELS: Record<number, string> = {
  0: "Not in place",
  1: "Planned or in progress",
  2: "In place, informal",
  3: "In place and documented",
  4: "Operating, with evidence retained",
};

export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  "type1": "Type I",
  "type2": "Type II",
};

export const DEPTH_LABELS: Record<Depth, string> = {
  "quick": "Quick path",
  "full": "Full depth",
};

export const CATEGORY_NAMES: Record<Category, string> = {
  "security": "Security",
  "availability": "Availability",
  "confidentiality": "Confidentiality",
  "processing_integrity": "Processing Integrity",
  "privacy": "Privacy",
};

export const DUE_LABELS: Record<DueStatus, string> = {
  "overdue": "Overdue",
  "due": "Due soon",
  "upcoming": "Scheduled",
  "archived": "Archived",
};

export const RUN_LABELS: Record<OccurrenceStatus, string> = {
  "passed": "Passed",
  "failed": "Failed",
  "missed": "Missed (not run)",
  "not_yet_due": "Not yet due",
};

export const PROPOSAL_LABELS: Record<Proposal, string> = {
  "needed": "needed",
  "worth_discussing": "worth discussing",
  "not_proposed": "not proposed",
  "pending": "not decided yet",
  "carried": "kept until answered",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  "fix_now": "Fix now",
  "high": "High",
  "medium": "Medium",
  "low": "Low",
};
