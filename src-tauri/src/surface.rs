//! Generates the IPC surface from the `#[tauri::command]` functions themselves: the handler list the shell registers and the UI's typed client, with a drift test.
//!
//! The commands in `src/commands/*.rs` are the one table. This reads them with `syn` and writes
//! `src/handlers.rs` (what `lib.rs` registers) and `ui/src/lib/ipc/commands.ts` (the `Commands`
//! interface the `Host` extends, the client over `invoke`, and the events). Argument and result
//! types are named as ts-rs exports them (`bindings.rs`); a type it does not export fails here.
//! Why not tauri-specta: `ARCHITECTURE.md`, "The IPC surface".

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syn::{FnArg, GenericArgument, Item, PathArguments, ReturnType, Type};

/// Parameters Tauri fills in itself; they never cross IPC.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// The events the shell emits, with their payload's TypeScript type.
fn events() -> Vec<(&'static str, String)> {
    use ts_rs::TS;
    vec![
        (
            crate::events::CHANGED,
            crate::models::Changed::ident(&ts_rs::Config::new()),
        ),
        (crate::events::SECOND_LAUNCH, "null".to_string()),
    ]
}

struct Param {
    name: String,
    ts: String,
    optional: bool,
}

struct Command {
    module: String,
    name: String,
    docs: Vec<String>,
    params: Vec<Param>,
    returns: String,
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').enumerate() {
        let mut chars = part.chars();
        match chars.next() {
            Some(first) if i > 0 => {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
    }
    out
}

fn generic_args(args: &PathArguments) -> Vec<&Type> {
    match args {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The TypeScript spelling of a Rust type as it crosses IPC (serde's JSON, ts-rs's names).
fn ts_type(ty: &Type, known: &BTreeSet<String>) -> Result<String, String> {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, known),
        Type::Slice(s) => Ok(format!("Array<{}>", ts_type(&s.elem, known)?)),
        Type::Tuple(t) if t.elems.is_empty() => Ok("void".into()),
        Type::Tuple(t) => {
            let parts: Result<Vec<_>, _> = t.elems.iter().map(|e| ts_type(e, known)).collect();
            Ok(format!("[{}]", parts?.join(", ")))
        }
        Type::Path(p) => {
            let last = p.path.segments.last().ok_or("an empty path")?;
            let ident = last.ident.to_string();
            let args = generic_args(&last.arguments);
            Ok(match (ident.as_str(), args.as_slice()) {
                ("String" | "str" | "PathBuf", _) => "string".into(),
                ("bool", _) => "boolean".into(),
                (
                    "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
                    | "f32" | "f64",
                    _,
                ) => "number".into(),
                ("Option", [inner]) => format!("{} | null", ts_type(inner, known)?),
                ("Vec", [inner]) => format!("Array<{}>", ts_type(inner, known)?),
                ("CommandResult", [inner]) | ("Result", [inner, _]) => ts_type(inner, known)?,
                (name, []) if known.contains(name) => name.to_string(),
                _ => return Err(format!("`{}` is not a type the bindings export", quote(ty))),
            })
        }
        _ => Err(format!("`{}` has no TypeScript spelling here", quote(ty))),
    }
}

fn quote(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect::<Vec<_>>()
            .join("::"),
        _ => "a type".into(),
    }
}

fn is_injected(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str())),
        Type::Reference(r) => is_injected(&r.elem),
        _ => false,
    }
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn is_command(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let segments: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segments == ["tauri", "command"]
    })
}

fn commands_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands")
}

/// Every command in `src/commands`, by file name and then in source order.
fn read_commands(known: &BTreeSet<String>) -> Result<Vec<Command>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(commands_dir())
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("mod.rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for file in files {
        let module = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        for item in parsed.items {
            let Item::Fn(f) = item else { continue };
            if !is_command(&f.attrs) {
                continue;
            }
            let name = f.sig.ident.to_string();
            let at = |e: String| format!("commands::{module}::{name}: {e}");
            let mut params = Vec::new();
            for input in &f.sig.inputs {
                let FnArg::Typed(pt) = input else {
                    return Err(at("a command takes no `self`".into()));
                };
                if is_injected(&pt.ty) {
                    continue;
                }
                let syn::Pat::Ident(ident) = &*pt.pat else {
                    return Err(at("each argument needs a plain name".into()));
                };
                let ts = ts_type(&pt.ty, known).map_err(at)?;
                params.push(Param {
                    name: ident.ident.to_string().trim_start_matches('_').to_string(),
                    optional: ts.ends_with(" | null"),
                    ts,
                });
            }
            // Only a trailing run of `Option`s may be left out by the caller.
            let mut trailing = true;
            for p in params.iter_mut().rev() {
                trailing &= p.optional;
                p.optional = trailing;
            }
            let returns = match &f.sig.output {
                ReturnType::Default => "void".into(),
                ReturnType::Type(_, ty) => ts_type(ty, known).map_err(at)?,
            };
            commands.push(Command {
                module: module.clone(),
                name,
                docs: docs(&f.attrs),
                params,
                returns,
            });
        }
    }
    Ok(commands)
}

fn handlers_rs(commands: &[Command]) -> String {
    let mut out = String::from(
        "//! Generated from the `#[tauri::command]` functions by src-tauri/src/surface.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop surface.\n\n\
         /// Every command the UI's client (`ui/src/lib/ipc/commands.ts`) can call.\n\
         pub fn every_command<R: tauri::Runtime>()\n-> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {\n    tauri::generate_handler![\n",
    );
    for c in commands {
        let _ = writeln!(out, "        crate::commands::{}::{},", c.module, c.name);
    }
    out.push_str("    ]\n}\n");
    out
}

fn commands_ts(commands: &[Command], known: &BTreeSet<String>) -> String {
    let mut used = BTreeSet::new();
    for c in commands {
        for t in c
            .params
            .iter()
            .map(|p| p.ts.as_str())
            .chain([c.returns.as_str()])
            .chain(events().iter().map(|(_, t)| t.as_str()))
        {
            for word in t.split(|ch: char| !ch.is_alphanumeric() && ch != '_') {
                if known.contains(word) {
                    used.insert(word.to_string());
                }
            }
        }
    }
    let mut out = String::from(
        "// Generated from the `#[tauri::command]` functions by src-tauri/src/surface.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop surface.\n",
    );
    let _ = writeln!(
        out,
        "import type {{ {} }} from '../bindings';\n",
        used.into_iter().collect::<Vec<_>>().join(", ")
    );
    out.push_str(
        "/** Tauri's `invoke`, or a stand-in: the one function the client needs. */\n\
         export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;\n\n\
         /** Every command of the shell, one method each, named as in Rust (camelCase). */\n\
         export interface Commands {\n",
    );
    for c in commands {
        if !c.docs.is_empty() {
            let _ = writeln!(out, "  /** {} */", c.docs.join(" ").replace("*/", "* /"));
        }
        let params: Vec<String> = c
            .params
            .iter()
            .map(|p| {
                let mark = if p.optional { "?" } else { "" };
                format!("{}{mark}: {}", camel(&p.name), p.ts)
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}({}): Promise<{}>;",
            camel(&c.name),
            params.join(", "),
            c.returns
        );
    }
    out.push_str(
        "}\n\n/** The client: each method calls its command with its arguments by name. */\nexport function commandsOver(invoke: Invoke): Commands {\n  return {\n",
    );
    for c in commands {
        let names: Vec<String> = c.params.iter().map(|p| camel(&p.name)).collect();
        let args: Vec<String> = c
            .params
            .iter()
            .map(|p| {
                let n = camel(&p.name);
                if p.optional {
                    format!("{n}: {n} ?? null")
                } else {
                    n
                }
            })
            .collect();
        let call = if args.is_empty() {
            format!("invoke('{}')", c.name)
        } else {
            format!("invoke('{}', {{ {} }})", c.name, args.join(", "))
        };
        let _ = writeln!(
            out,
            "    {}: ({}) => {call},",
            camel(&c.name),
            names.join(", ")
        );
    }
    out.push_str(
        "  };\n}\n\n/** What each event the shell emits carries. */\nexport interface Events {\n",
    );
    for (name, payload) in events() {
        let _ = writeln!(out, "  '{name}': {payload};");
    }
    out.push_str("}\n\n/** The name of every command, as the shell registers it. */\nexport const COMMAND_NAMES = [\n");
    for c in commands {
        let _ = writeln!(out, "  '{}',", c.name);
    }
    out.push_str("] as const;\n");
    out
}

fn check(path: &Path, fresh: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date with the commands; run UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop surface and commit the result",
        path.display()
    );
}

#[test]
fn the_ipc_surface_is_generated_from_the_commands() {
    let bindings = crate::bindings::generate();
    let known: BTreeSet<String> = bindings
        .lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|l| l.split([' ', '<', '=']).next())
        .map(str::to_string)
        .collect();
    let commands = read_commands(&known).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        commands.len() > 40,
        "found only {} commands",
        commands.len()
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check(&root.join("src/handlers.rs"), &handlers_rs(&commands));
    check(
        &root.join("../ui/src/lib/ipc/commands.ts"),
        &commands_ts(&commands, &known),
    );
}

#[test]
fn a_type_the_bindings_do_not_export_is_refused() {
    let known = BTreeSet::from(["Gap".to_string()]);
    let ok: Type = syn::parse_str("CommandResult<Vec<Option<Gap>>>").unwrap();
    assert_eq!(ts_type(&ok, &known).unwrap(), "Array<Gap | null>");
    let missing: Type = syn::parse_str("Vec<crate::models::Secret>").unwrap();
    assert!(ts_type(&missing, &known).unwrap_err().contains("Secret"));
}
