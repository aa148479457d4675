//! Generates the TypeScript types for everything that crosses IPC, and fails when the file drifts.

use std::path::Path;

use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr, $($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),*]
    };
}

pub(crate) fn generate() -> String {
    use soc2_readiness::{
        accounts, analysis, assessment, binder, calendar, catalog, compare, data_file, description,
        findings, gaps, merge, plan, registers, report, scope, scoring, spreadsheet, trust,
        upgrade, what_if, workspace,
    };
    let cfg = Config::new().with_large_int("number");
    let parts = declarations!(
        &cfg,
        catalog::Category,
        catalog::Criterion,
        catalog::Effort,
        catalog::Impact,
        catalog::RuleStrength,
        catalog::ScopingInput,
        catalog::Choice,
        catalog::QuestionKind,
        catalog::Question,
        catalog::Step,
        catalog::CategoryRule,
        catalog::Foundation,
        catalog::ImpactContext,
        catalog::Condition,
        catalog::Bank,
        catalog::ModuleRef,
        assessment::MaturityLevel,
        assessment::ReportType,
        assessment::Depth,
        assessment::AnswerValue,
        assessment::Coverage,
        assessment::Answer,
        assessment::Assessment,
        assessment::ScopeOverride,
        assessment::AssessmentRecord,
        scope::CategoryDecision,
        scope::Proposal,
        scoring::Scorecard,
        scoring::Band,
        scoring::Rollup,
        scoring::CategoryScore,
        scoring::StepScore,
        scoring::CriterionStatus,
        scoring::CriterionScore,
        scoring::QuestionState,
        gaps::Gap,
        gaps::Priority,
        gaps::Horizon,
        plan::Deadline,
        plan::MilestoneKind,
        plan::Milestone,
        plan::PlanOption,
        plan::TaskStatus,
        plan::AuditTask,
        plan::Plan,
        analysis::Analysis,
        what_if::Selection,
        what_if::CategoryShift,
        what_if::CriterionShift,
        what_if::Projection,
        merge::Side,
        merge::Outcome,
        merge::AnswerSide,
        merge::QuestionMerge,
        merge::ScopeMerge,
        merge::MergePlan,
        merge::MergeChoices,
        workspace::merge::MergeOutcome,
        compare::Change,
        compare::Figures,
        compare::CategoryChange,
        compare::StepChange,
        compare::CriterionChange,
        compare::GapState,
        compare::GapChange,
        compare::AnswerChange,
        compare::ComparedAssessment,
        compare::Comparison,
        workspace::TrendPoint,
        catalog::Release,
        catalog::BankChange,
        catalog::ChangeKind,
        upgrade::BankUpgrade,
        upgrade::UpgradeNote,
        scoring::TaskProgress,
        assessment::HistoryEntry,
        data_file::BackupInfo,
        workspace::AssessmentSummary,
        workspace::ModuleInfo,
        workspace::Settings,
        workspace::ScopeDecision,
        crate::error::ErrorKind,
        report::PageSize,
        crate::error::CommandError,
        crate::models::AppInfo,
        crate::models::AssessmentView,
        crate::models::Changed,
        crate::models::SaveAnswerRequest,
        crate::models::SavedAnswer,
        crate::models::ScopeRequest,
        crate::models::ExportedReport,
        crate::models::TrustPageView,
        crate::models::TrustFormat,
        crate::models::ExportedTrustPage,
        trust::Basis,
        trust::PublishedClaim,
        trust::TrustGroup,
        trust::ClaimChoice,
        trust::Subprocessor,
        trust::PublishedPolicy,
        trust::HeldBack,
        trust::TrustPage,
        trust::TrustChoices,
        spreadsheet::TableKind,
        spreadsheet::SpreadsheetFormat,
        spreadsheet::WrittenSpreadsheet,
        spreadsheet::WrittenTable,
        registers::Register,
        registers::RecordError,
        registers::Action,
        registers::Attention,
        registers::RegisterRow,
        registers::FieldInfo,
        registers::ChangeRow,
        registers::Limits,
        workspace::KeptLimits,
        workspace::CsvImport,
        workspace::ImportColumn,
        workspace::RowProblem,
        catalog::Frequency,
        catalog::RecurringTemplate,
        findings::Effect,
        findings::Source,
        findings::RecordFinding,
        calendar::AdoptedControl,
        calendar::CheckResult,
        calendar::EvidenceFile,
        calendar::CheckEntry,
        calendar::DueStatus,
        calendar::CalendarRow,
        calendar::Calendar,
        calendar::ObservationWindow,
        calendar::OccurrenceStatus,
        calendar::Occurrence,
        calendar::ControlObservation,
        calendar::Observation,
        workspace::AdoptRequest,
        workspace::CheckRequest,
        workspace::VoidRequest,
        binder::AuditPeriod,
        binder::WrittenBinder,
        binder::PopulationItem,
        binder::SampleRow,
        binder::PopulationSample,
        calendar::Population,
        calendar::SampledItem,
        workspace::SamplesView,
        workspace::BinderRequest,
        description::SectionId,
        description::SourceKind,
        description::StatementSource,
        description::Sentence,
        description::BlockKind,
        description::Block,
        description::DraftSection,
        description::DescriptionDraft,
        description::SectionVersion,
        description::KeptDescription,
        description::DescribedSection,
        description::SystemDescription,
        description::DescriptionFormat,
        workspace::WrittenDescription,
        accounts::AccountFormat,
        accounts::AccountLimits,
        accounts::AccountChoices,
        accounts::AccountCheck,
        accounts::FlaggedAccount,
        accounts::AccountFinding,
        accounts::AccountEvidence,
        accounts::AccountReview,
        accounts::ColumnUse,
        accounts::LayoutProblem,
        workspace::AccountImportResult,
        workspace::AccountImportInfo,
        accounts::ClaimFlag,
        workspace::AccountsView,
    );
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop bindings.\n\n",
    );
    for part in parts.into_iter().chain(labels()) {
        out.push_str(&part);
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}

/// The names the engine gives its values, so the UI shows the same words as the CLI and the PDF
/// without writing them a second time.
fn labels() -> Vec<String> {
    use soc2_readiness::assessment::{Depth, MaturityLevel, ReportType};
    use soc2_readiness::catalog::{Category, SCOPE_STEP};
    fn record<K: std::fmt::Debug>(
        name: &str,
        key_type: &str,
        entries: impl IntoIterator<Item = (K, &'static str)>,
    ) -> String {
        let body: Vec<String> = entries
            .into_iter()
            .map(|(key, label)| format!("  {key:?}: {label:?},"))
            .collect();
        format!(
            "export const {name}: Record<{key_type}, string> = {{\n{}\n}};",
            body.join("\n")
        )
    }
    vec![
        format!("export const SCOPE_STEP = {SCOPE_STEP};"),
        format!(
            "/** Every frequency a recurring control can run at, most often first. */\nexport const FREQUENCIES: Frequency[] = [{}];",
            soc2_readiness::catalog::Frequency::ALL
                .map(|f| format!("'{}'", f.id()))
                .join(", ")
        ),
        format!(
            "/** The lowest level a known exception can be recorded at. */\nexport const EXCEPTION_FROM_LEVEL = {};",
            soc2_readiness::assessment::EXCEPTION_FROM.value()
        ),
        {
            let [mid, good, high] = soc2_readiness::scoring::BAND_FROM;
            format!(
                "export const BAND_FROM: Record<Exclude<Band, 'low'>, number> = {{ mid: {mid}, good: {good}, high: {high} }};"
            )
        },
        record(
            "LEVEL_LABELS",
            "number",
            MaturityLevel::ALL.map(|l| (l.value(), l.label())),
        ),
        record(
            "REPORT_TYPE_LABELS",
            "ReportType",
            ReportType::ALL.map(|t| (t.id(), t.label())),
        ),
        record(
            "DEPTH_LABELS",
            "Depth",
            Depth::ALL.map(|d| (d.id(), d.label())),
        ),
        record(
            "CATEGORY_NAMES",
            "Category",
            Category::ALL.map(|c| (c.id(), c.name())),
        ),
        record(
            "DUE_LABELS",
            "DueStatus",
            soc2_readiness::calendar::DueStatus::ALL.map(|s| (s.id(), s.label())),
        ),
        record(
            "RUN_LABELS",
            "OccurrenceStatus",
            soc2_readiness::calendar::OccurrenceStatus::ALL.map(|s| (s.id(), s.label())),
        ),
        record(
            "PROPOSAL_LABELS",
            "Proposal",
            soc2_readiness::scope::Proposal::ALL.map(|p| (p.id(), p.label())),
        ),
        record(
            "PRIORITY_LABELS",
            "Priority",
            soc2_readiness::gaps::Priority::ALL.map(|p| (p.id(), p.label())),
        ),
    ]
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings/index.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings/index.ts is out of date with the Rust types; run UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop bindings and commit the result"
    );
}
