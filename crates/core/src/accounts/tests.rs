//! The account exports' layouts and checks, on small files written the way each system writes them.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::registers::{Entry, Person, PersonKind, Training};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn csv(text: &str) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
    let mut lines = text.lines();
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .enumerate()
        .map(|(i, l)| (i as u64 + 2, l.split(',').map(str::to_string).collect()))
        .collect();
    (header, rows)
}

const AWS: &str = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T10:00:00+00:00,not_supported,not_supported,false,true,2021-03-01T00:00:00+00:00,2026-11-20T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
jane.doe,arn:aws:iam::1:user/jane.doe,2024-01-01T00:00:00+00:00,true,2026-11-28T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
deploy,arn:aws:iam::1:user/deploy,2023-01-01T00:00:00+00:00,true,2026-11-29T09:00:00+00:00,N/A,N/A,false,true,2023-01-02T00:00:00+00:00,2026-11-30T00:00:00+00:00,eu-west-1,ecr,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
sam.lee,arn:aws:iam::1:user/sam.lee,2024-01-01T00:00:00+00:00,true,2026-11-25T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
ci,arn:aws:iam::1:user/ci,2025-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-10-01T00:00:00+00:00,2026-11-30T00:00:00+00:00,eu-west-1,ecr,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

fn person(name: &str, end: Option<&str>, accounts: Option<&str>) -> Entry<Person> {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    Entry {
        id: format!("p-{name}"),
        created_at: at,
        updated_at: at,
        archived_at: None,
        record: Person {
            name: name.into(),
            role: "Engineer".into(),
            kind: PersonKind::Employee,
            start: d("2024-01-01"),
            end: end.map(d),
            background_check: None,
            training: Training::Pending,
            trained_on: None,
            policies_acknowledged: None,
            agreement: true,
            device: None,
            access_removed: None,
            accounts: accounts.map(str::to_string),
        },
    }
}

fn import(text: &str, system: &str, taken: &str) -> AccountImport {
    let (header, rows) = csv(text);
    let read = read_accounts(&header, &rows, None, &[], d(taken)).unwrap();
    AccountImport {
        id: format!("imp-{system}"),
        system: system.into(),
        format: read.format,
        file_name: "report.csv".into(),
        sha256: "00".into(),
        taken_on: d(taken),
        imported_at: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
        accounts: read.accounts,
    }
}

fn found(review: &AccountReview, check: AccountCheck) -> Vec<String> {
    review
        .findings
        .iter()
        .filter(|f| f.check == check)
        .flat_map(|f| f.accounts.iter().map(|a| a.account.clone()))
        .collect()
}

#[test]
fn an_aws_credential_report_is_recognised_and_its_exposures_found() {
    let aws = import(AWS, "AWS", "2026-12-01");
    assert_eq!(aws.format, AccountFormat::AwsCredentialReport);
    let root = &aws.accounts[0];
    assert!(root.owner && root.mfa == Some(false) && root.keys.len() == 1);
    // Sam left in October and the user is still there; Jane is current; two people list deploy.
    let people = [
        person("Jane Doe", None, Some("deploy")),
        person("Sam Lee", Some("2026-10-15"), Some("deploy")),
    ];
    let review = review(&[aws], &people, AccountLimits::default(), 3);
    assert_eq!(
        found(&review, AccountCheck::AdminWithoutMfa),
        ["<root_account>"]
    );
    assert_eq!(found(&review, AccountCheck::OwnerKeys), ["<root_account>"]);
    assert_eq!(found(&review, AccountCheck::Shared), ["deploy"]);
    assert_eq!(
        found(&review, AccountCheck::LeaverActive),
        ["deploy", "sam.lee"]
    );
    assert_eq!(found(&review, AccountCheck::WithoutMfa), ["deploy"]);
    // Root's key from 2021 and deploy's from 2023 are past 90 days; ci's from October is not.
    assert_eq!(
        found(&review, AccountCheck::KeyOld),
        ["<root_account>", "deploy"]
    );
    assert!(found(&review, AccountCheck::KeyUnused).is_empty());
    // ci has no console password and a generic name: a service account, not a missing person.
    assert!(found(&review, AccountCheck::NoPerson).is_empty());
    let leaver = review
        .findings
        .iter()
        .find(|f| f.check == AccountCheck::LeaverActive)
        .unwrap();
    assert!(leaver.live_exposure);
    assert!(
        leaver.accounts[1]
            .note
            .contains("47 days before the export"),
        "{:?}",
        leaver.accounts
    );
    assert!(
        leaver.accounts[1]
            .note
            .contains("used on 25 Nov 2026, after leaving")
    );
    // Live exposures first; no account name in what reports carry.
    assert!(
        review
            .findings
            .iter()
            .take_while(|f| f.live_exposure)
            .count()
            >= 4
    );
    assert!(
        review
            .findings
            .iter()
            .all(|f| !f.summary.contains("sam.lee"))
    );
    assert!(review.evidence.is_empty(), "root and deploy lack MFA");
}

#[test]
fn the_company_limits_replace_the_defaults_and_say_so() {
    let aws = import(AWS, "AWS", "2026-12-01");
    let limits = AccountLimits::chosen(1000, 90).unwrap();
    let review = review(&[aws], &[], limits, 3);
    assert_eq!(
        found(&review, AccountCheck::KeyOld),
        ["<root_account>", "deploy"]
    );
    let old = review
        .findings
        .iter()
        .find(|f| f.check == AccountCheck::KeyOld)
        .unwrap();
    assert!(
        old.summary
            .contains("not rotated for longer than your 1000-day limit"),
        "{}",
        old.summary
    );
    assert!(AccountLimits::chosen(1, 90).is_err());
}

#[test]
fn google_github_and_entra_exports_are_read_by_their_headings() {
    let google = import(
        "First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY],Last Sign In [READ ONLY],2sv Enrollment Status [READ ONLY],Admin Role\nAna,Ruiz,ana@acme.test,Active,2026/11/30 10:00:00,Enrolled,Super Admin\nOld,Hand,old@acme.test,Suspended,Never logged in,Not Enrolled,None\nBo,Kim,bo@acme.test,Active,2026/11/29 08:00:00,Enrolled,None",
        "Google Workspace",
        "2026-12-01",
    );
    assert_eq!(google.format, AccountFormat::GoogleWorkspace);
    assert_eq!(google.accounts[0].display_name.as_deref(), Some("Ana Ruiz"));
    assert!(google.accounts[0].owner && !google.accounts[1].active);
    let review_g = review(&[google], &[], AccountLimits::default(), 3);
    assert!(review_g.findings.is_empty(), "{:?}", review_g.findings);
    let questions: Vec<&str> = review_g
        .evidence
        .iter()
        .map(|e| e.question_id.as_str())
        .collect();
    assert_eq!(questions, ["access.sso-mfa", "access.admin-mfa"]);

    let github = import(
        "login,name,role,2fa_enabled,last_active\noctocat,Octo Cat,owner,false,2026-11-30\nhubber,,member,true,2026-05-01",
        "GitHub",
        "2026-12-01",
    );
    assert_eq!(github.format, AccountFormat::GithubMembers);
    let review_h = review(&[github], &[], AccountLimits::default(), 3);
    assert_eq!(found(&review_h, AccountCheck::AdminWithoutMfa), ["octocat"]);
    assert_eq!(found(&review_h, AccountCheck::Dormant), ["hubber"]);

    let entra = import(
        "userPrincipalName,displayName,accountEnabled\nkim@acme.test,Kim Park,True",
        "Entra",
        "2026-12-01",
    );
    let (header, rows) =
        csv("userPrincipalName,displayName,accountEnabled\nkim@acme.test,Kim Park,True");
    let read = read_accounts(&header, &rows, None, &[], d("2026-12-01")).unwrap();
    assert!(
        read.not_shown.iter().any(|n| n.starts_with("MFA")),
        "{:?}",
        read.not_shown
    );
    assert_eq!(entra.accounts[0].mfa, None);
}

#[test]
fn a_mapped_csv_names_its_columns_and_an_unknown_layout_is_refused_with_them() {
    let (header, rows) =
        csv("Username,Owner,Two factor,Key age\nops,Team,no,400\nli.wei,Li Wei,yes,10");
    let err = read_accounts(&header, &rows, None, &[], d("2026-12-01"))
        .unwrap_err()
        .problems;
    assert_eq!(err[0].line, 1);
    assert!(
        err[0]
            .message
            .contains("Username, Owner, Two factor, Key age"),
        "{}",
        err[0].message
    );
    let mapping = [
        ("Username".to_string(), "account".to_string()),
        ("Owner".to_string(), "person".to_string()),
        ("Two factor".to_string(), "mfa".to_string()),
        ("Key age".to_string(), "key_age".to_string()),
    ];
    let read = read_accounts(&header, &rows, None, &mapping, d("2026-12-01")).unwrap();
    assert_eq!(read.format, AccountFormat::Mapped);
    assert_eq!(read.accounts[0].keys[0].rotated, Some(d("2025-10-27")));
    let bad = [("Nope".to_string(), "account".to_string())];
    let err = read_accounts(&header, &rows, None, &bad, d("2026-12-01"))
        .unwrap_err()
        .problems;
    assert!(err.iter().any(|p| p.column == "Nope"), "{err:?}");
}

#[test]
fn bad_cells_are_named_by_line_and_column_all_at_once() {
    let (header, rows) = csv(
        "login,role,2fa_enabled,last_active\na,member,maybe,2026-11-01\nb,member,true,03/04/2026\na,member,true,",
    );
    let err = read_accounts(&header, &rows, None, &[], d("2026-12-01"))
        .unwrap_err()
        .problems;
    let at: Vec<(u64, &str)> = err.iter().map(|p| (p.line, p.column.as_str())).collect();
    assert_eq!(at, [(2, "2fa_enabled"), (3, "last_active"), (4, "login")]);
    assert!(err[2].message.contains("also on line 2"));
}

#[test]
fn a_changed_layout_names_the_missing_column() {
    let (header, rows) = csv("user,arn,mfa_active\nx,arn:1,true");
    let err = read_accounts(&header, &rows, None, &[], d("2026-12-01"))
        .unwrap_err()
        .problems;
    assert!(
        err.iter().any(|p| p.column == "password_enabled"),
        "{err:?}"
    );
}

#[test]
fn the_latest_import_of_a_system_is_the_one_checked() {
    let old = import(AWS, "AWS", "2026-11-01");
    let mut fixed = import(
        "login,role,2fa_enabled,last_active\njane,member,true,2026-12-01",
        "aws",
        "2026-12-02",
    );
    fixed.id = "newer".into();
    let review = review(&[old, fixed], &[], AccountLimits::default(), 3);
    assert_eq!(review.checked, ["newer"]);
    assert!(review.findings.is_empty());
}

#[test]
fn an_account_matching_no_one_is_found_once_people_are_kept_and_names_match_loosely() {
    let github = import(
        "login,name,role,2fa_enabled,last_active\njdoe,,member,true,2026-11-30\nstranger,,member,true,2026-11-30",
        "GitHub",
        "2026-12-01",
    );
    let people = [person("Jane Doe", None, None)];
    let review = review(&[github], &people, AccountLimits::default(), 3);
    assert_eq!(found(&review, AccountCheck::NoPerson), ["stranger"]);
    // A leaver within the three days is still being offboarded: no finding yet.
    let people = [person("Jane Doe", Some("2026-11-29"), None)];
    let github = import(
        "login,name,role,2fa_enabled,last_active\njdoe,,member,true,2026-11-30",
        "GitHub",
        "2026-12-01",
    );
    assert!(
        found(
            &super::review(&[github], &people, AccountLimits::default(), 3),
            AccountCheck::LeaverActive
        )
        .is_empty()
    );
}

#[test]
fn powershell_headings_are_read_and_a_user_download_without_sign_ins_says_nothing_of_use() {
    let registration = import(
        "UserPrincipalName,UserDisplayName,IsAdmin,IsMfaCapable\nboss@acme.test,Big Boss,True,False\nkim@acme.test,Kim Park,False,True",
        "Entra registration",
        "2026-12-01",
    );
    assert_eq!(registration.accounts[0].mfa, Some(false));
    let review_r = review(&[registration], &[], AccountLimits::default(), 3);
    assert_eq!(
        found(&review_r, AccountCheck::AdminWithoutMfa),
        ["boss@acme.test"]
    );

    // Only the creation day: an old account is not "never signed in".
    let users = import(
        "userPrincipalName,displayName,accountEnabled,createdDateTime\nann@acme.test,Ann Lee,True,2024-01-01T00:00:00Z",
        "Entra users",
        "2026-12-01",
    );
    assert!(
        review(&[users], &[], AccountLimits::default(), 3)
            .findings
            .is_empty()
    );
}

#[test]
fn a_named_column_wins_over_a_heading_that_is_a_field_name() {
    let (header, rows) = csv("User,Active,Status\nann,yes,Suspended\nbo,yes,Active");
    let mapping = [
        ("User".to_string(), "account".to_string()),
        ("Status".to_string(), "active".to_string()),
    ];
    let read = read_accounts(&header, &rows, None, &mapping, d("2026-12-01")).unwrap();
    assert!(!read.accounts[0].active && read.accounts[1].active);
}

#[test]
fn an_archived_leaver_with_a_live_account_is_still_a_leaver() {
    let mut leaver = person("Ben Okafor", Some("2026-10-01"), None);
    leaver.archived_at = Some(Utc.with_ymd_and_hms(2026, 10, 5, 0, 0, 0).unwrap());
    let people = [leaver, person("Ana Ruiz", None, None)];
    let github = import(
        "login,name,role,2fa_enabled,last_active\nbokafor,Ben Okafor,member,true,2026-11-10",
        "GitHub",
        "2026-12-01",
    );
    let review = review(&[github], &people, AccountLimits::default(), 3);
    assert_eq!(found(&review, AccountCheck::LeaverActive), ["bokafor"]);
    assert!(found(&review, AccountCheck::NoPerson).is_empty());
}

#[test]
fn a_bad_cell_in_a_known_layout_keeps_the_layout() {
    let (header, rows) = csv("login,role,2fa_enabled\na,member,maybe");
    let refused = read_accounts(&header, &rows, None, &[], d("2026-12-01")).unwrap_err();
    assert_eq!(refused.format, Some(AccountFormat::GithubMembers));
}
