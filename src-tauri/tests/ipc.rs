//! The shell's commands through Tauri's mock runtime: real IPC payloads in, `{ kind, message }` errors out.

use serde_json::{Value, json};
use soc2_readiness::Workspace;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness_desktop::{AppState, builder};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let workspace = Workspace::in_memory(bundled_bank()).unwrap();
    let app = builder(mock_builder())
        .manage(AppState::with_workspace(workspace))
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

/// A Type II assessment created through IPC, by its id.
fn type2_assessment(window: &WebviewWindow<MockRuntime>, organisation: &str) -> String {
    let body = json!({ "organisation": organisation, "reportType": "type2" });
    let created = invoke(window, "create_assessment", body).unwrap();
    created["id"].as_str().unwrap().to_string()
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().unwrap())
}

#[test]
fn a_workshop_through_ipc() {
    let (_app, window) = app();
    let created = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Ελλάδα Cloud", "reportType": "type1" }),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    let saved = invoke(
        &window,
        "save_answer",
        json!({ "request": {
            "assessment_id": id, "question_id": "access.sso-mfa", "value": { "level": 3 },
            "note": "Okta", "owner": "Ana", "due": "2027-01-31", "evidence": ["okta.png"]
        }}),
    )
    .unwrap();
    assert_eq!(saved["answer"]["owner"], "Ana");
    assert_eq!(saved["scorecard"]["overall"]["answered"], 1);
    let view = invoke(&window, "get_assessment", json!({ "id": id })).unwrap();
    assert_eq!(view["record"]["answers"]["access.sso-mfa"]["note"], "Okta");
    assert_eq!(view["scorecard"]["target_level"], 3);
    let scope = invoke(
        &window,
        "set_scope",
        json!({ "request": { "assessment_id": id, "category": "privacy", "decision": "in", "reason": "consumer app" }}),
    )
    .unwrap();
    assert!(
        scope["categories"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "privacy" && c["in_scope"] == true)
    );
    let list = invoke(&window, "list_assessments", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let gaps = invoke(&window, "get_gaps", json!({ "id": id })).unwrap();
    assert!(gaps.as_array().unwrap().len() > 100);
}

#[test]
fn the_quick_path_implies_and_deepening_asks_again() {
    let (_app, window) = app();
    let created = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Fernleaf Labs", "reportType": "type1", "depth": "quick" }),
    )
    .unwrap();
    assert_eq!(created["depth"], "quick");
    let id = created["id"].as_str().unwrap().to_string();
    invoke(
        &window,
        "save_answer",
        json!({ "request": {
            "assessment_id": id, "question_id": "incident.plan", "value": { "level": 0 },
            "note": null, "owner": null, "due": null, "evidence": []
        }}),
    )
    .unwrap();
    let view = invoke(&window, "get_assessment", json!({ "id": id })).unwrap();
    // Beside the record, not on it: the stored record carries no derived field.
    assert_eq!(view["implied"]["incident.exercises"], "incident.plan");
    assert_eq!(
        view["record"]["answers"]["incident.exercises"]["value"]["level"],
        0
    );
    assert!(view["record"].get("implied").is_none());
    invoke(&window, "set_depth", json!({ "id": id, "depth": "full" })).unwrap();
    let view = invoke(&window, "get_assessment", json!({ "id": id })).unwrap();
    assert_eq!(view["record"]["assessment"]["depth"], "full");
    assert_eq!(view["implied"], json!({}));
    let err = invoke(&window, "set_depth", json!({ "id": id, "depth": "deep" })).unwrap_err();
    assert!(err.to_string().contains("deep"), "{err}");
}

#[test]
fn engine_errors_cross_as_kind_and_message() {
    let (_app, window) = app();
    let err = invoke(&window, "get_assessment", json!({ "id": "nope" })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("no assessment matches 'nope'")
    );
    let err = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "  ", "reportType": "type2" }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    let err = invoke(
        &window,
        "import_assessment",
        json!({ "path": "/no/such/file.json" }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "file");
}

#[test]
fn malformed_payloads_get_an_error_and_the_app_keeps_working() {
    let (_app, window) = app();
    let id = &type2_assessment(&window, "Acme");
    let good = json!({ "assessment_id": id, "question_id": "access.sso-mfa", "value": { "level": 2 }, "note": null, "owner": null, "due": null, "evidence": [] });
    let mut bad_payloads = vec![
        json!({}),
        json!({ "request": null }),
        json!({ "request": "a string" }),
        json!({ "request": { "assessment_id": id } }),
        json!({ "organisation": 42 }),
    ];
    for (field, value) in [
        ("value", json!({ "level": 7 })),
        ("value", json!({ "level": -1 })),
        ("value", json!({ "not_applicable": "" })),
        ("value", json!({ "yes_no": true })),
        ("value", json!("operating")),
        ("question_id", json!("made.up")),
        ("due", json!("31/02/2027")),
        ("evidence", json!("not a list")),
        ("note", json!("x".repeat(10_001))),
        ("assessment_id", json!("nope")),
    ] {
        let mut request = good.clone();
        request[field] = value;
        bad_payloads.push(json!({ "request": request }));
    }
    for payload in bad_payloads {
        let result = invoke(&window, "save_answer", payload.clone());
        assert!(result.is_err(), "{payload} was accepted");
    }
    let err = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Acme", "reportType": "type9" }),
    )
    .unwrap_err();
    assert!(err.is_string() || err.get("message").is_some(), "{err}");
    let saved = invoke(&window, "save_answer", json!({ "request": good })).unwrap();
    assert_eq!(
        saved["scorecard"]["overall"]["answered"], 1,
        "only the good request was written"
    );
}

#[test]
fn the_report_and_the_json_export_are_written_where_the_dialog_said() {
    let (_app, window) = app();
    let dir = tempfile::tempdir().unwrap();
    let id = &type2_assessment(&window, "Łódź Analytics");
    let pdf = dir.path().join("gap analysis.pdf");
    let exported = invoke(
        &window,
        "export_report",
        json!({ "id": id, "path": pdf.to_str().unwrap(), "open": false }),
    )
    .unwrap();
    assert!(exported["pages"].as_u64().unwrap() > 5);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let json_path = dir.path().join("export.json");
    invoke(
        &window,
        "export_assessment",
        json!({ "id": id, "path": json_path.to_str().unwrap() }),
    )
    .unwrap();
    let imported = invoke(
        &window,
        "import_assessment",
        json!({ "path": json_path.to_str().unwrap() }),
    )
    .unwrap();
    assert_eq!(imported["organisation"], "Łódź Analytics");
    let err = invoke(
        &window,
        "export_report",
        json!({ "id": id, "path": "/no/such/dir/x.pdf", "open": false }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "file");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("/no/such/dir/x.pdf")
    );
}

#[test]
fn another_data_file_is_opened_and_a_bad_choice_keeps_the_current_one() {
    let (_app, window) = app();
    invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "First file Ltd", "reportType": "type2" }),
    )
    .unwrap();
    let folder = tempfile::tempdir().unwrap();

    let err = invoke(
        &window,
        "use_data_file",
        json!({ "path": "relative.sqlite3" }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    let damaged = folder.path().join("damaged.sqlite3");
    std::fs::write(&damaged, vec![0x5a; 8192]).unwrap();
    let err = invoke(&window, "use_data_file", json!({ "path": damaged })).unwrap_err();
    assert_eq!(err["kind"], "cannot_open", "{err}");
    assert_eq!(std::fs::read(&damaged).unwrap(), vec![0x5a; 8192]);
    let listed = invoke(&window, "list_assessments", json!({})).unwrap();
    assert_eq!(listed[0]["assessment"]["organisation"], "First file Ltd");

    let fresh = folder.path().join("client-b").join("assessments.sqlite3");
    let info = invoke(&window, "use_data_file", json!({ "path": fresh })).unwrap();
    assert_eq!(info["data_file"], fresh.display().to_string());
    assert_eq!(info["startup_error"], Value::Null);
    assert_eq!(
        invoke(&window, "list_assessments", json!({})).unwrap(),
        json!([])
    );
    assert!(fresh.is_file());
}

#[test]
fn a_data_file_open_in_one_app_is_not_opened_by_a_second() {
    let folder = tempfile::tempdir().unwrap();
    let data_file = folder.path().join("assessments.sqlite3");
    let first = AppState::open_at(Some(data_file.clone()));
    assert_eq!(first.startup_error(), None);
    let second = AppState::open_at(Some(data_file.clone()));
    let refused = second.startup_error().expect("the second copy is refused");
    assert_eq!(refused.kind, soc2_readiness::ErrorKind::InUse);
    assert!(refused.message.contains(&data_file.display().to_string()));
    drop(second);
    drop(first);
    assert_eq!(AppState::open_at(Some(data_file)).startup_error(), None);
}

#[test]
fn the_same_data_file_can_be_tried_again_once_its_problem_is_gone() {
    let folder = tempfile::tempdir().unwrap();
    let data_file = folder.path().join("assessments.sqlite3");
    std::fs::write(&data_file, vec![0x5a; 8192]).unwrap();
    let state = AppState::open_at(Some(data_file.clone()));
    assert_eq!(
        state.startup_error().unwrap().kind,
        soc2_readiness::ErrorKind::CannotOpen
    );
    // Still refused while the problem is there, and still this app's file.
    assert_eq!(
        state.use_data_file(&data_file, None).unwrap_err().kind,
        soc2_readiness::ErrorKind::CannotOpen
    );
    let rival = AppState::open_at(Some(data_file.clone()));
    assert_eq!(
        rival.startup_error().unwrap().kind,
        soc2_readiness::ErrorKind::InUse
    );
    drop(rival);
    std::fs::remove_file(&data_file).unwrap();
    state.use_data_file(&data_file, None).unwrap();
    assert_eq!(state.startup_error(), None);
}

#[test]
fn a_what_if_closes_the_ticked_gaps_and_names_ids_that_are_not_gaps() {
    let (_app, window) = app();
    let id = &type2_assessment(&window, "Kestrel Pay");
    let projected = invoke(
        &window,
        "project_what_if",
        json!({ "id": id, "selection": { "gaps": ["access.sso-mfa"], "priorities": ["high"], "horizons": [] } }),
    )
    .unwrap();
    let closed = projected["closed"].as_array().unwrap();
    assert!(closed.iter().any(|g| g["question_id"] == "access.sso-mfa"));
    assert!(projected["overall"]["after"].as_f64() > projected["overall"]["before"].as_f64());
    assert!(projected["plan_after"]["remediation_end"].is_string());
    let error = invoke(
        &window,
        "project_what_if",
        json!({ "id": id, "selection": { "gaps": ["nope.gap"], "priorities": [], "horizons": [] } }),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "invalid_input");
    assert!(
        error["message"].as_str().unwrap().contains("nope.gap"),
        "{error}"
    );
}

#[test]
fn a_workshop_copy_is_previewed_then_merged_with_the_conflict_chosen() {
    let (_app, window) = app();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copy.json");
    let path = file.to_str().unwrap();
    let answer = |id: &str, level: u8, note: &str| {
        invoke(
            &window,
            "save_answer",
            json!({ "request": {
                "assessment_id": id, "question_id": "access.sso-mfa", "value": { "level": level },
                "note": note, "owner": "", "due": null, "evidence": []
            }}),
        )
        .unwrap();
    };
    let created = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Acme", "reportType": "type2", "depth": "full" }),
    )
    .unwrap();
    let a = created["id"].as_str().unwrap().to_string();
    answer(&a, 2, "admins only");
    invoke(
        &window,
        "export_assessment",
        json!({ "id": a, "path": path }),
    )
    .unwrap();
    let copy = invoke(&window, "import_assessment", json!({ "path": path })).unwrap();
    let b = copy["id"].as_str().unwrap().to_string();
    answer(&a, 3, "SSO everywhere");
    answer(&b, 1, "only the admin console");
    invoke(
        &window,
        "export_assessment",
        json!({ "id": b, "path": path }),
    )
    .unwrap();

    let plan = invoke(
        &window,
        "preview_merge",
        json!({ "id": a, "path": path, "unrelated": false }),
    )
    .unwrap();
    assert_eq!(plan["questions"][0]["outcome"], "conflict");
    // The merge takes the copy the preview read, even a refused merge's retry: the file is read
    // (and a protected one's key derived) once, and what is merged is what was previewed.
    std::fs::rename(&file, dir.path().join("moved.json")).unwrap();
    let unchosen =
        json!({ "id": a, "path": path, "choices": { "chosen": {}, "unrelated": false } });
    let err = invoke(&window, "merge_assessment", unchosen).unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    let chosen = json!({ "id": a, "path": path,
        "choices": { "chosen": { "access.sso-mfa": "theirs" }, "unrelated": false } });
    let outcome = invoke(&window, "merge_assessment", chosen).unwrap();
    assert_eq!(outcome["answers_taken"], 1);
    let view = invoke(&window, "get_assessment", json!({ "id": a })).unwrap();
    assert_eq!(
        view["record"]["answers"]["access.sso-mfa"]["value"],
        json!({ "level": 1 })
    );
    // Once merged, the copy is let go: merging again reads the path, which is gone.
    let again = json!({ "id": a, "path": path, "choices": { "chosen": {}, "unrelated": false } });
    let err = invoke(&window, "merge_assessment", again).unwrap_err();
    assert_eq!(err["kind"], "file", "{err}");
}

#[test]
fn a_protected_export_asks_for_its_passphrase_on_import_and_merge() {
    let (_app, window) = app();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.soc2");
    let path = file.to_str().unwrap();
    let created = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Acme", "reportType": "type2", "depth": "full" }),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap();
    let export = json!({ "id": id, "path": path, "passphrase": "plum tree" });
    invoke(&window, "export_assessment", export).unwrap();

    let missing = invoke(&window, "import_assessment", json!({ "path": path })).unwrap_err();
    assert_eq!(missing["kind"], "needs_passphrase", "{missing}");
    let preview = json!({ "id": id, "path": path, "unrelated": false });
    let missing = invoke(&window, "preview_merge", preview).unwrap_err();
    assert_eq!(missing["kind"], "needs_passphrase", "{missing}");
    let wrong = json!({ "path": path, "passphrase": "pear tree" });
    let wrong = invoke(&window, "import_assessment", wrong).unwrap_err();
    assert_eq!(wrong["kind"], "wrong_passphrase", "{wrong}");

    let right = json!({ "path": path, "passphrase": "plum tree" });
    let copy = invoke(&window, "import_assessment", right).unwrap();
    assert_eq!(copy["organisation"], "Acme");
    let merge = json!({ "id": id, "path": path, "passphrase": "plum tree",
        "choices": { "chosen": {}, "unrelated": false } });
    let outcome = invoke(&window, "merge_assessment", merge).unwrap();
    assert_eq!(outcome["answers_taken"], 0);
}

#[test]
fn a_re_assessment_compares_with_its_baseline_and_joins_the_trend() {
    let (_app, window) = app();
    let created = invoke(
        &window,
        "create_assessment",
        json!({ "organisation": "Kestrel Pay", "reportType": "type2" }),
    )
    .unwrap();
    let first = created["id"].as_str().unwrap();
    let again = invoke(&window, "duplicate_assessment", json!({ "id": first })).unwrap();
    let second = again["id"].as_str().unwrap();
    assert_eq!(again["baseline"], first);
    invoke(
        &window,
        "save_answer",
        json!({ "request": {
            "assessment_id": second, "question_id": "access.sso-mfa", "value": { "level": 4 },
            "note": null, "owner": null, "due": null, "evidence": [], "exception": null
        } }),
    )
    .unwrap();
    let compared = invoke(
        &window,
        "compare_assessments",
        json!({ "before": first, "after": second }),
    )
    .unwrap();
    assert_eq!(compared["before"]["id"], first);
    assert!(
        compared["overall"]["readiness"]["after"].as_f64()
            > compared["overall"]["readiness"]["before"].as_f64()
    );
    let changed = compared["answers_changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["question_id"], "access.sso-mfa");
    let trend = invoke(&window, "assessment_trend", json!({ "id": second })).unwrap();
    let ids: Vec<&str> = trend
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [first, second], "oldest first");
    let error = invoke(
        &window,
        "compare_assessments",
        json!({ "before": "nope", "after": second }),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "not_found");
}

#[test]
fn a_spreadsheet_export_through_ipc_takes_its_format_from_the_name() {
    let (_app, window) = app();
    let id = &type2_assessment(&window, "Łódź Analytics");
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("gaps.xlsx");
    let written = invoke(
        &window,
        "export_spreadsheet",
        json!({ "id": id, "path": book.to_str().unwrap(), "tables": ["gaps", "answers"] }),
    )
    .unwrap();
    assert_eq!(written["files"], json!([book.to_str().unwrap()]));
    assert_eq!(written["tables"][0]["table"], "gaps");
    assert!(written["tables"][1]["rows"].as_u64().unwrap() > 100);
    // An XLSX file is a zip archive.
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK"));
    let csv = dir.path().join("acme.csv");
    invoke(
        &window,
        "export_spreadsheet",
        json!({ "id": id, "path": csv.to_str().unwrap(), "tables": ["plan", "roadmap"] }),
    )
    .unwrap();
    assert!(
        dir.path().join("acme-plan.csv").exists() && dir.path().join("acme-roadmap.csv").exists()
    );
    let err = invoke(
        &window,
        "export_spreadsheet",
        json!({ "id": id, "path": book.to_str().unwrap(), "tables": ["threats"] }),
    )
    .unwrap_err();
    // A table the type does not know is refused as a malformed payload, by Tauri, as text.
    assert!(err.as_str().is_some_and(|e| e.contains("threats")), "{err}");
    // No tables: the default export, here the assessment's five (its programme keeps no register).
    let written = invoke(
        &window,
        "export_spreadsheet",
        json!({ "id": id, "path": book.to_str().unwrap(), "tables": null }),
    )
    .unwrap();
    let tables: Vec<&str> = written["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["table"].as_str().unwrap())
        .collect();
    assert_eq!(
        tables,
        ["gaps", "roadmap", "plan", "answers", "control_matrix"]
    );
    let err = invoke(
        &window,
        "export_spreadsheet",
        json!({ "id": id, "path": book.to_str().unwrap(), "tables": [] }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");

    // The evidence binder: a period ending before it starts is refused on its last day and
    // nothing is written; a sound one is written and says what it holds.
    let zip = dir.path().join("binder.zip");
    let backwards = json!({ "from": "2026-06-30", "to": "2026-01-01", "without_notes": false });
    let err = invoke(
        &window,
        "write_binder",
        json!({ "id": id, "path": zip.to_str().unwrap(), "request": backwards }),
    )
    .unwrap_err();
    assert_eq!(
        (&err["kind"], &err["field"]),
        (&json!("invalid_record"), &json!("to")),
        "{err}"
    );
    assert!(!zip.exists());
    let period = json!({ "from": "2026-01-01", "to": "2026-06-30", "without_notes": true });
    let written = invoke(
        &window,
        "write_binder",
        json!({ "id": id, "path": zip.to_str().unwrap(), "request": period }),
    )
    .unwrap();
    assert_eq!(written["period"]["end"], "2026-06-30", "{written}");
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK"));

    // The system description: an empty text is refused on its field and keeps nothing; a
    // section saved comes back as the company's version; an unknown section is malformed.
    let err = invoke(
        &window,
        "save_description_section",
        json!({ "id": id, "section": "services", "text": "  " }),
    )
    .unwrap_err();
    assert_eq!(
        (&err["kind"], &err["field"]),
        (&json!("invalid_input"), &json!("text")),
        "{err}"
    );
    let saved = invoke(
        &window,
        "save_description_section",
        json!({ "id": id, "section": "services", "text": "We run an API." }),
    )
    .unwrap();
    assert_eq!(saved["sections"][0]["edited"]["version"], 1, "{saved}");
    let err = invoke(
        &window,
        "description_history",
        json!({ "id": id, "section": "nonsense" }),
    )
    .unwrap_err();
    assert!(
        err.as_str().is_some_and(|e| e.contains("nonsense")),
        "{err}"
    );
    let docx = dir.path().join("description.docx");
    let written = invoke(
        &window,
        "write_description",
        json!({ "id": id, "path": docx.to_str().unwrap(), "format": null, "sources": false }),
    )
    .unwrap();
    assert_eq!(
        (&written["format"], &written["edited"]),
        (&json!("docx"), &json!(1)),
        "{written}"
    );
}

#[test]
fn a_protected_data_file_is_opened_with_its_passphrase_and_its_protection_changed_over_ipc() {
    let folder = tempfile::tempdir().unwrap();
    let data_file = folder.path().join("assessments.sqlite3");
    let mut ws = Workspace::open(&data_file, chrono::Utc::now()).unwrap();
    ws.protect("first", chrono::Utc::now()).unwrap();
    drop(ws);
    let app = builder(mock_builder())
        .manage(AppState::open_at(Some(data_file.clone())))
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let info = invoke(&window, "get_app_info", json!({})).unwrap();
    assert_eq!(info["startup_error"]["kind"], "needs_passphrase", "{info}");
    let path = data_file.display().to_string();
    let before = std::fs::read(&data_file).unwrap();
    let wrong = json!({ "path": path, "passphrase": "second" });
    let err = invoke(&window, "use_data_file", wrong).unwrap_err();
    assert_eq!(err["kind"], "wrong_passphrase", "{err}");
    assert_eq!(std::fs::read(&data_file).unwrap(), before);
    let right = json!({ "path": path, "passphrase": "first" });
    let info = invoke(&window, "use_data_file", right).unwrap();
    assert_eq!(info["protected"], true, "{info}");

    let changed = json!({ "current": "first", "next": "second" });
    invoke(&window, "change_data_file_passphrase", changed).unwrap();
    let err = invoke(
        &window,
        "unprotect_data_file",
        json!({ "passphrase": "first" }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "wrong_passphrase", "{err}");
    let info = invoke(
        &window,
        "unprotect_data_file",
        json!({ "passphrase": "second" }),
    )
    .unwrap();
    assert_eq!(info["protected"], false, "{info}");
    let info = invoke(
        &window,
        "protect_data_file",
        json!({ "passphrase": "third" }),
    )
    .unwrap();
    assert_eq!(info["protected"], true, "{info}");
}

/// A register entry refused names its field, so the form marks that input; fixed, it lists.
#[test]
fn a_register_entry_refused_names_the_field_and_a_fixed_one_lists() {
    let (_app, window) = app();
    let id = &type2_assessment(&window, "Acme");
    let mut fields = json!([
        ["name", "Cloudhost"],
        ["service", "hosting"],
        ["criticality", "critical"],
        ["owner", "Sam"],
        ["last_review", "2099-01-01"]
    ]);
    let refused = invoke(
        &window,
        "add_register_entry",
        json!({ "id": id, "register": "vendors", "fields": fields }),
    )
    .unwrap_err();
    assert_eq!(refused["kind"], "invalid_record");
    assert_eq!(refused["field"], "last_review");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("2099-01-01 is in the future"),
        "the message is what goes under the field: {refused}"
    );
    fields[4][1] = "2026-01-15".into();
    let row = invoke(
        &window,
        "add_register_entry",
        json!({ "id": id, "register": "vendors", "fields": fields }),
    )
    .unwrap();
    assert_eq!(row["values"]["last_review"], "2026-01-15");
    let rows = invoke(
        &window,
        "list_register",
        json!({ "id": id, "register": "vendors" }),
    )
    .unwrap();
    assert_eq!(rows[0]["label"], "Cloudhost");
    let unknown = invoke(
        &window,
        "list_register",
        json!({ "id": id, "register": "suppliers" }),
    )
    .unwrap_err();
    assert!(unknown.to_string().contains("suppliers"), "{unknown}");

    // The people register's limits: refused by field, kept, and back to the usual ones.
    let limits =
        json!({ "access_removal_days": 45, "training_days": 30, "acknowledgement_days": 30 });
    let refused = invoke(&window, "set_limits", json!({ "id": id, "limits": limits })).unwrap_err();
    assert_eq!(
        (refused["kind"].as_str(), refused["field"].as_str()),
        (Some("invalid_record"), Some("access_removal_days")),
        "{refused}"
    );
    let limits =
        json!({ "access_removal_days": 5, "training_days": 30, "acknowledgement_days": 30 });
    let kept = invoke(&window, "set_limits", json!({ "id": id, "limits": limits })).unwrap();
    assert_eq!(
        (
            kept["set"].clone(),
            kept["limits"]["access_removal_days"].clone()
        ),
        (json!(true), json!(5))
    );
    let usual = invoke(&window, "set_limits", json!({ "id": id, "limits": null })).unwrap();
    assert_eq!(
        usual,
        json!({ "limits": { "access_removal_days": 3, "training_days": 30, "acknowledgement_days": 30 }, "set": false })
    );
    assert_eq!(
        invoke(&window, "get_limits", json!({ "id": id })).unwrap(),
        usual
    );
}

/// A register's CSV through IPC: the preview names each problem by line and field, and a file
/// with any problem is never partly written.
#[test]
fn a_register_csv_is_previewed_with_its_bad_rows_then_imported_whole() {
    let (_app, window) = app();
    let id = type2_assessment(&window, "Csv Co");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pulls.csv");
    std::fs::write(
        &file,
        "PR,Title,Author,Merged at\n7,Add SSO,ana,2026-03-02T10:00:00Z\n8,Fix,ben,2026-13-01\n",
    )
    .unwrap();
    let mapping = json!([
        ["PR", "reference"],
        ["Merged at", "released_on"],
        ["Title", ""]
    ]);
    let body = |write: bool| json!({ "id": id, "register": "changes", "path": file.to_str().unwrap(), "mapping": mapping, "write": write });
    let preview = invoke(&window, "import_register_csv", body(true)).unwrap();
    assert_eq!(
        preview["written"], false,
        "a bad row keeps the whole file out: {preview}"
    );
    let problems: Vec<(u64, &str)> = preview["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["field"].as_str().unwrap()))
        .collect();
    // The title is required and left out by the mapping; line 3's day does not exist.
    assert_eq!(problems, [(1, "title")], "{preview}");
    assert_eq!(preview["columns"][1]["field"], Value::Null);
    let mapping = json!([["PR", "reference"], ["Merged at", "released_on"]]);
    let body = |write: bool| json!({ "id": id, "register": "changes", "path": file.to_str().unwrap(), "mapping": mapping, "write": write });
    let preview = invoke(&window, "import_register_csv", body(false)).unwrap();
    assert_eq!(preview["problems"][0]["line"], 3, "{preview}");
    assert_eq!(preview["problems"][0]["field"], "released_on");
    std::fs::write(
        &file,
        "PR,Title,Author,Merged at\n7,Add SSO,ana,2026-03-02T10:00:00Z\n8,Fix,ben,2026-03-01\n",
    )
    .unwrap();
    let done = invoke(&window, "import_register_csv", body(true)).unwrap();
    assert_eq!(
        (done["written"].clone(), done["added"].clone()),
        (json!(true), json!(2))
    );
    let rows = invoke(
        &window,
        "list_register",
        json!({ "id": id, "register": "changes" }),
    )
    .unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    let missing = invoke(
        &window,
        "import_register_csv",
        json!({ "id": id, "register": "changes", "path": "/no/such.csv", "mapping": [], "write": false }),
    )
    .unwrap_err();
    assert_eq!(missing["kind"], "file", "{missing}");
}

/// A check refused is one structured refusal: the field to mark and what to say under it, never
/// a message for the UI to take apart.
#[test]
fn a_check_refused_names_its_field() {
    let (_app, window) = app();
    let id = &type2_assessment(&window, "Acme");
    let adopt = json!({ "id": id, "request": { "control_id": "restore-test",
        "frequency": "yearly", "owner": "Ops", "first_due": "2026-01-31" } });
    invoke(&window, "adopt_control", adopt).unwrap();
    let check = |reason: &str, by: &str| {
        json!({ "id": id, "file": null, "request": { "control_id": "restore-test",
            "performed_on": "2026-01-20", "result": "fail", "reason": reason,
            "performed_by": by, "evidence": null } })
    };
    let refused = invoke(&window, "record_check", check("", "Ops")).unwrap_err();
    assert_eq!(
        refused,
        json!({ "kind": "invalid_input", "field": "reason", "message": "required" })
    );
    let refused = invoke(&window, "record_check", check("restore took 9 hours", " ")).unwrap_err();
    assert_eq!(refused["field"], "by");
    invoke(
        &window,
        "record_check",
        check("restore took 9 hours", "Ops"),
    )
    .unwrap();

    // A sampled item's test: the control must be the population's, the item in it.
    let sampled = |control: &str, item: &str| {
        json!({ "id": id, "file": null, "request": { "control_id": control,
            "performed_on": "2026-01-20", "result": "pass", "reason": "",
            "performed_by": "Ops", "evidence": null,
            "sample": { "population": "leavers", "item_id": item, "label": "" } } })
    };
    let refused = invoke(&window, "record_check", sampled("restore-test", "x")).unwrap_err();
    assert_eq!(refused["field"], "control", "{refused}");
    let adopt = json!({ "id": id, "request": { "control_id": "leaver-check",
        "frequency": "monthly", "owner": "Ops", "first_due": "2026-01-31" } });
    invoke(&window, "adopt_control", adopt).unwrap();
    let refused = invoke(&window, "record_check", sampled("leaver-check", "x")).unwrap_err();
    assert_eq!(refused["field"], "item", "{refused}");
    let period = json!({ "from": "2026-01-01", "to": "2026-06-30", "without_notes": false });
    let view = invoke(
        &window,
        "get_samples",
        json!({ "id": id, "period": period }),
    )
    .unwrap();
    assert_eq!(view["populations"].as_array().unwrap().len(), 4, "{view}");
}

/// A write to the programme (a check, a register entry) tells every open view with the `changed`
/// event; a refused write tells nobody.
#[test]
fn a_programme_write_sends_one_changed_event() {
    use tauri::Listener;
    let (app, window) = app();
    let (sent, heard) = std::sync::mpsc::channel::<String>();
    app.listen_any("changed", move |event| {
        sent.send(event.payload().to_string()).unwrap();
    });
    let id = &type2_assessment(&window, "Acme");
    let made: Value = serde_json::from_str(&heard.try_recv().unwrap()).unwrap();
    assert_eq!(made, json!({ "assessment_id": id, "programme": false }));
    let adopt = |owner: &str| {
        json!({ "id": id, "request": { "control_id": "restore-test",
            "frequency": "yearly", "owner": owner, "first_due": "2026-01-31" } })
    };
    invoke(&window, "adopt_control", adopt(" ")).unwrap_err();
    assert!(heard.try_recv().is_err(), "a refusal changes nothing");
    invoke(&window, "adopt_control", adopt("Ops")).unwrap();
    let change: Value = serde_json::from_str(&heard.try_recv().unwrap()).unwrap();
    assert_eq!(change, json!({ "assessment_id": id, "programme": true }));
    let fields = json!([
        ["name", "Cloudhost"],
        ["service", "hosting"],
        ["criticality", "high"],
        ["owner", "Sam"]
    ]);
    invoke(
        &window,
        "add_register_entry",
        json!({ "id": id, "register": "vendors", "fields": fields }),
    )
    .unwrap();
    assert!(heard.try_recv().is_ok());
    assert!(heard.try_recv().is_err(), "one event a write");
}

/// Every write to an assessment itself (an answer, its scope, depth, name, archive, a copy,
/// deletion) tells every open view once, naming the assessment (a copy names the new one);
/// reads and refused writes tell nobody.
#[test]
fn every_assessment_write_sends_one_changed_event() {
    use tauri::Listener;
    let (app, window) = app();
    let (sent, heard) = std::sync::mpsc::channel::<Value>();
    app.listen_any("changed", move |event| {
        sent.send(serde_json::from_str(event.payload()).unwrap())
            .unwrap();
    });
    let id = type2_assessment(&window, "Acme");
    let told = |expected: &str| {
        let change = heard.try_recv().expect("an event");
        assert_eq!(
            change,
            json!({ "assessment_id": expected, "programme": false })
        );
        assert!(heard.try_recv().is_err(), "one event a write");
    };
    told(&id);
    let answer = json!({ "request": {
        "assessment_id": id, "question_id": "incident.plan", "value": { "level": 3 },
        "note": null, "owner": null, "due": null, "evidence": []
    }});
    invoke(&window, "save_answer", answer).unwrap();
    told(&id);
    invoke(&window, "get_assessment", json!({ "id": id })).unwrap();
    invoke(&window, "set_depth", json!({ "id": id, "depth": "deep" })).unwrap_err();
    invoke(&window, "set_depth", json!({ "id": id, "depth": "quick" })).unwrap();
    told(&id);
    let rename = json!({ "id": id, "organisation": "Acme Cloud" });
    invoke(&window, "rename_assessment", rename).unwrap();
    told(&id);
    let copy = invoke(&window, "duplicate_assessment", json!({ "id": id })).unwrap();
    told(copy["id"].as_str().unwrap());
    let clear = json!({ "assessmentId": id, "questionId": "incident.plan" });
    invoke(&window, "clear_answer", clear).unwrap();
    told(&id);
    invoke(
        &window,
        "set_archived",
        json!({ "id": id, "archived": true }),
    )
    .unwrap();
    told(&id);
    invoke(&window, "delete_assessment", json!({ "id": id })).unwrap();
    told(&id);
}

/// Every command the UI's generated client (`ui/src/lib/ipc/commands.ts`) names is one the shell
/// answers: called with no arguments, each either runs or says which argument is missing, and
/// none is unknown to the handler. A made-up name is the control that shows what "unknown" looks
/// like. (Both files are generated from the commands by `src/surface.rs`, which fails on drift.)
#[test]
fn every_command_the_ui_client_names_is_registered() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let client = std::fs::read_to_string(root.join("../ui/src/lib/ipc/commands.ts")).unwrap();
    let list = &client[client.find("export const COMMAND_NAMES").unwrap()..];
    let names: Vec<&str> = list
        .lines()
        .filter_map(|l| l.trim().strip_prefix('\'')?.strip_suffix("',"))
        .collect();
    assert!(names.len() > 40, "{names:?}");
    let (_app, window) = app();
    let unknown = |name: &str| match invoke(&window, name, json!({})) {
        Ok(_) => false,
        Err(e) => e.to_string().contains("not found"),
    };
    assert!(
        unknown("no_such_command"),
        "the control must read as unknown"
    );
    let missing: Vec<&str> = names.iter().copied().filter(|n| unknown(n)).collect();
    assert!(
        missing.is_empty(),
        "named by the client, unknown to the shell: {missing:?}"
    );
}
