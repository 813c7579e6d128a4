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
    rust_files(Path::new(folder), &mut files);
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
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    // A guard that cannot fail guards nothing: the app must trip the GUI rule.
    assert!(!violations("src/app", &["egui"]).is_empty());
}
