//! The layer rules of ARCHITECTURE.md, checked on the source text: `model` and `sim` know
//! nothing of the GUI, files or the clock; imports point one way only.

use std::path::Path;

fn rust_files(folder: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn violations(folder: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    let path = Path::new(folder);
    if path.is_file() {
        files.push((folder.to_owned(), std::fs::read_to_string(path).unwrap()));
    } else {
        rust_files(path, &mut files);
    }
    assert!(!files.is_empty(), "{folder} has no Rust files");
    let mut found = Vec::new();
    for (path, text) in files {
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{path}:{}: uses {word}", number + 1));
                }
            }
        }
    }
    found
}

const GUI_FILES_CLOCK: &[&str] = &[
    "egui",
    "eframe",
    "rfd",
    "std::fs",
    "Instant",
    "SystemTime",
    "HashMap",
    "HashSet",
];

#[test]
fn model_and_sim_use_no_gui_no_files_no_clock_no_hash_order() {
    for folder in ["src/model", "src/sim"] {
        let found = violations(folder, GUI_FILES_CLOCK);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn imports_point_one_way() {
    let found = violations(
        "src/model",
        &["crate::sim", "crate::io", "crate::cli", "crate::app"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = violations("src/sim", &["crate::io", "crate::cli", "crate::app"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = violations(
        "src/io",
        &["crate::cli", "crate::app", "egui", "eframe", "rfd"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = violations("src/cli", &["crate::app", "egui", "eframe", "rfd"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    for folder in ["src/model", "src/sim", "src/io"] {
        let found = violations(folder, &["crate::editor"]);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn the_editor_draws_nothing() {
    // Document, edits, selection, session and what the views show work without a window.
    let found = violations(
        "src/editor",
        &["egui", "eframe", "rfd", "crate::app", "crate::cli"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// What code under `src/app/ui` must not name: the app itself (UI code reads `&AppState` and
/// pushes intents), a mutable borrow of the state or the document, an edit applied directly,
/// files, dialogs, and shared mutable cells that would let a `&` reference write.
const UI_MUTATES: &[&str] = &[
    "EntenteApp",
    "&mut AppState",
    "&mut Document",
    "Document::apply",
    ".apply(",
    "replace_document",
    "std::fs",
    "rfd",
    "dialogs",
    "write_atomically",
    "io::save",
    "io::report",
    "io::load",
    "RefCell",
    "Mutex",
    ".session.mode =",
    ".prompt =",
];

#[test]
fn the_ui_changes_nothing_but_its_views_and_pushes_intents() {
    let found = violations("src/app/ui", UI_MUTATES);
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The state the UI reads has no interior mutability either.
    let found = violations("src/app/state.rs", &["Cell", "Mutex", "RwLock"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_ui_check_catches_what_it_looks_for() {
    // The app's own files open dialogs, write files and apply edits: the same list finds them.
    let found = violations("src/app", UI_MUTATES);
    for expected in [
        "dialogs",
        "write_atomically",
        "EntenteApp",
        "replace_document",
    ] {
        assert!(
            found.iter().any(|line| line.ends_with(expected)),
            "{expected} not found in src/app: {found:#?}"
        );
    }
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    // A guard that cannot fail guards nothing: the app must trip the GUI rule.
    assert!(!violations("src/app", &["egui"]).is_empty());
}

/// The layers of `src/sim`, bottom first (ARCHITECTURE.md, "The engine"): plain data; the
/// quantities derived from a state; the rules that change a state; the step that orders them (and
/// calibration, which measures a world by stepping it); runs and what is computed from runs.
const SIM_LAYERS: &[(&str, &[&str])] = &[
    (
        "data",
        &[
            "ids",
            "rng",
            "ledger",
            "bounded",
            "world",
            "state",
            "dyads",
            "reference",
            "neighbourhood",
            "draws",
        ],
    ),
    (
        "derived quantities",
        &[
            "links",
            "threat",
            "agreements",
            "derived",
            "hazards",
            "network",
            "balance",
            "landscape",
            "index",
            "observe",
        ],
    ),
    (
        "rules",
        &[
            "rules",
            "events",
            "intervention",
            "random_events",
            "origins",
        ],
    ),
    ("step", &["step", "calibrate"]),
    ("run", &["run", "stability", "goals", "small_gain"]),
    ("many runs", &["ensemble", "sweep"]),
];

fn sim_layer(module: &str) -> Option<usize> {
    SIM_LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The modules of `src/sim` a file's code (not its comments or its test module) names, with the
/// line: `super::m` (from `src/sim/rules/`, `super::super::m`; `super::m` there is a rule, layer
/// "rules") and `crate::sim::m`. A root import (`super::{…}` or `super::Name`) counts as the top
/// layer, since the root re-exports the run.
fn sim_imports(path: &Path, text: &str) -> Vec<(usize, String)> {
    let in_rules = path.parent().is_some_and(|p| p.ends_with("rules"));
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("super::").or_else(|| rest.find("crate::sim::")) {
            let tail = &rest[at..];
            let (prefix, up) = if let Some(t) = tail.strip_prefix("super::super::") {
                (t, true)
            } else if let Some(t) = tail.strip_prefix("crate::sim::") {
                (t, true)
            } else {
                (&tail["super::".len()..], !in_rules)
            };
            let name: String = prefix
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '{')
                .collect();
            let module = if !up {
                "rules".to_owned()
            } else if name.starts_with('{') || name.starts_with(char::is_uppercase) {
                "run".to_owned()
            } else {
                name
            };
            found.push((number + 1, module));
            rest = prefix;
        }
    }
    found
}

#[test]
fn the_engine_is_a_one_way_stack() {
    let mut files = Vec::new();
    rust_files(Path::new("src/sim"), &mut files);
    let mut found = Vec::new();
    for (path, text) in &files {
        let path = Path::new(path);
        if path.file_name().is_some_and(|n| n == "mod.rs") {
            continue;
        }
        let own = if path.parent().is_some_and(|p| p.ends_with("rules")) {
            "rules".to_owned()
        } else {
            path.file_stem().unwrap().to_string_lossy().into_owned()
        };
        let Some(layer) = sim_layer(&own) else {
            found.push(format!("{}: not in a layer of SIM_LAYERS", path.display()));
            continue;
        };
        for (line, module) in sim_imports(path, text) {
            match sim_layer(&module) {
                Some(theirs) if theirs > layer => found.push(format!(
                    "{}:{line}: {} ({}) imports {module} ({})",
                    path.display(),
                    own,
                    SIM_LAYERS[layer].0,
                    SIM_LAYERS[theirs].0
                )),
                Some(_) => {}
                None => found.push(format!(
                    "{}:{line}: imports {module}, which is in no layer",
                    path.display()
                )),
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_stack_check_catches_a_back_import() {
    let text = "use super::step::step;\nfn f() { super::super::run::start(); }\n";
    let imports = sim_imports(Path::new("src/sim/rules/arms.rs"), text);
    assert_eq!(
        imports,
        vec![(1, "rules".to_owned()), (2, "run".to_owned())]
    );
    let imports = sim_imports(Path::new("src/sim/state.rs"), text);
    assert_eq!(imports[0], (1, "step".to_owned()));
    assert!(sim_layer("step") > sim_layer("state"));
}

/// About 600 lines: a file that grows past this must say in its module doc why it is one file.
const LONG_FILE: usize = 650;

#[test]
fn long_files_say_why_they_are_one_file() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|(_, text)| text.lines().count() > LONG_FILE)
        .filter(|(_, text)| !text.lines().any(|line| line.starts_with("//! Length: ")))
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "split these by job, or give the reason in a `//! Length: ` paragraph:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_style_lints_are_configured() {
    // Cargo.toml makes them errors; clippy.toml says what they forbid (see `cargo clippy`).
    let cargo = std::fs::read_to_string("Cargo.toml").unwrap();
    for lint in [
        "disallowed_methods",
        "disallowed_types",
        "dbg_macro",
        "todo",
    ] {
        assert!(cargo.contains(&format!("{lint} = \"deny\"")), "{lint}");
    }
    let clippy = std::fs::read_to_string("clippy.toml").unwrap();
    for rule in [
        "std::thread::spawn",
        "std::collections::HashMap",
        "std::collections::HashSet",
    ] {
        assert!(clippy.contains(rule), "{rule}");
    }
}
