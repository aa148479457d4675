//! The one integration-test binary: the engine through its public API and the CLI through its process.

// Shared fixtures: fixed clock, the shipped bank and the method tests' fixture bank, records
// built from either, and checks over tables of expected figures.
mod support;

// The bundled bank: its shape, content the method tests leave to it (scope rules, the office
// condition, the weights docs/scoring.md works with) and the validator's messages for broken banks.
mod bank;
// The quick path: implied answers, their grouping, reversibility and history.
mod depth;
// The control calendar: a simulated year of checks, observation windows, findings and scores.
mod calendar;
// A company's programme kept for a year: registers and check log against the answers, as an auditor reads them.
mod programme_year;
// The calendar and findings read only what they need: the same results as the whole log.
mod calendar_reads;
// The command line: exit codes, JSON contracts, a whole journey on a temporary database.
mod cli;
// Progress over time: comparisons, baselines and trends.
mod compare;
// Crash safety: a writer killed with SIGKILL loses nothing it reported saved.
mod crash;
// A full disk, a read-only file system and a read-only file, met for real.
mod file_system;
// A device and a pipe given to every command that reads a file: refused at once, memory bounded.
mod bounded_reads;
// Merging workshop copies: the three-way merge per answer, conflicts, both histories kept, the command.
mod merge;
// Question modules: checks, scoring with a module, export and import with it, versions, the CLI.
mod modules;
// Portable JSON: round trips, refused files that name the offending field, and fuzzed input.
mod interchange;
// Exports protected with a passphrase: round trips, wrong or missing passphrases, altered files, the CLI.
mod protect;
// Data files protected with a passphrase: protect, refuse, change, unprotect, backups, the CLI.
mod protected_data_file;
// Account exports (AWS, Google Workspace, Entra ID, GitHub, mapped CSV) checked against people.
mod accounts;
// The evidence binder of an audit period, opened as an auditor would; the control matrix.
mod binder;
// The system description drafted from each company's facts, its versions, DOCX and Markdown read back.
mod description;
// The people register: leavers' access, onboarding limits, contractors' agreements, as findings.
mod people;
// Populations of a period, their samples and each sampled item's test in the check log.
mod samples;
// The change register through the CLI: a pull-request export judged, sampled and handed to the auditor.
mod changes;
// What a rename carries: the control calendar, its log and evidence, beside the registers.
mod renames;
// The trust page: claims against the answers and records, escaping, publish choices, one PDF page.
mod trust_page;
// The gap-analysis PDF read back through its text boxes and poppler.
mod report;
// Spreadsheet exports read back: the workbook with calamine and its XML, CSV with the csv crate,
// the formula guard, and the CLI command.
mod spreadsheet;
// The registers in the spreadsheet exports: a sheet and a CSV file each, read back, and when the
// default export holds them.
mod register_sheets;
// The registers (vendors, policies, incidents, risks): checks naming the field, history kept on
// deletion, one programme per organisation, the JSON round trip, the migration and the CLI.
mod registers;
// Realistic companies and the conclusions a consultant would sign.
mod scenarios;
// The five companies a senior consultant wrote, answered by one user, against the consultant's
// conclusions (shared/docs/scenarios/).
mod consultant_scenarios;
// Scoring, scope, gaps and the plan on a fixture bank: hand-checked examples and properties over
// generated answers.
mod scoring;
// Bank upgrades: earlier releases' data files and exports carried to today's bank.
mod upgrade;
// The assessments list's kept figures: valid until anything they depend on changes.
mod summaries;
// What-if: projected readiness and plan with chosen gaps closed, the stored answers untouched.
mod what_if;
// The SQLite store: migrations, durability of the audit trail, id prefixes, newer files refused.
mod store;
// Code-shape checks that run with the tests: file headers, no leftover debugging macros.
mod tidy;
