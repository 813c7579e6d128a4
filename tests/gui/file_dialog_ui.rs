//! Files on a machine without system file dialogs (a Linux desktop with no portal and no
//! zenity, like many classroom machines): Save, Open, the unsaved-changes question and the
//! exports go through the app's own dialog, and a save that fails says why.

use crate::common;

use common::gui::{config_without_system_dialogs, harness_with, mesa, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{Document, EntenteApp, Intent};
use entente::editor::edit::Edit;

/// The app on Mesa Crisis with one unsaved edit, its own dialogs starting in `folder`.
fn edited(folder: &std::path::Path) -> Harness<'static, EntenteApp> {
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config_without_system_dialogs(folder),
    ));
    harness.state_mut().push(Intent::Edit {
        edit: Edit::SetSeed(99),
        merge: None,
    });
    harness.run_steps(2);
    assert!(harness.state().document().is_dirty());
    harness
}

fn status(harness: &Harness<'_, EntenteApp>) -> (String, bool) {
    let status = harness.state().status().expect("a message");
    (status.text.clone(), status.is_error)
}

#[test]
fn save_without_a_system_dialog_asks_in_the_app_and_saves_there() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = edited(folder.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    // The app's own dialog, with the suggested name, in the starting folder.
    harness.get_by_label_contains("Save scenario");
    harness.get_by_label("Save here").click();
    harness.run_steps(3);
    let saved = folder.path().join("mesa-crisis.ron");
    assert!(saved.is_file(), "{:?}", std::fs::read_dir(folder.path()));
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
    assert!(!harness.state().document().is_dirty());
    let (text, is_error) = status(&harness);
    assert!(text.starts_with("Saved ") && !is_error, "{text}");
    assert!(
        harness.query_by_label("Save here").is_none(),
        "the dialog closed"
    );
}

#[test]
fn cancelling_the_apps_dialog_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = edited(folder.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Save here").is_none());
    assert!(harness.state().document().is_dirty());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn a_save_that_fails_says_why() {
    // The dialog starts "in" a plain file: nothing can be written below it, not even by root.
    let folder = tempfile::tempdir().unwrap();
    let not_a_folder = folder.path().join("not-a-folder");
    std::fs::write(&not_a_folder, "").unwrap();
    let mut harness = edited(&not_a_folder);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Save here").click();
    harness.run_steps(3);
    let (text, is_error) = status(&harness);
    assert!(is_error && text.starts_with("Could not save"), "{text}");
    assert!(
        harness.state().document().is_dirty(),
        "nothing counts as saved"
    );
}

#[test]
fn open_lists_scenarios_only_and_opens_the_one_chosen() {
    let folder = tempfile::tempdir().unwrap();
    let mut other = mesa();
    other.meta.title = "A colleague's crisis".into();
    entente::io::save_file(&other, &folder.path().join("colleague.ron")).unwrap();
    std::fs::write(folder.path().join("notes.txt"), "not a scenario").unwrap();
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config_without_system_dialogs(folder.path()),
    ));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label_contains("Open scenario");
    assert!(harness.query_by_label_contains("notes.txt").is_none());
    harness.get_by_label_contains("colleague.ron").click();
    harness.run_steps(2);
    harness.get_by_label("Open this file").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().document().scenario().meta.title.0,
        "A colleague's crisis"
    );
    assert_eq!(
        harness.state().document().path(),
        Some(folder.path().join("colleague.ron").as_path())
    );
}

#[test]
fn the_unsaved_changes_question_saves_through_the_apps_dialog_then_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = edited(folder.path());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save changes").click();
    // The dialog opens after the click's frame and is laid out unseen in its first.
    harness.run_steps(3);
    harness.get_by_label("Save here").click();
    harness.run_steps(3);
    assert!(folder.path().join("mesa-crisis.ron").is_file());
    // Then New went ahead: the blank scenario, not yet saved anywhere.
    assert_eq!(
        harness.state().document().scenario().meta.title.0,
        "New scenario"
    );
    assert!(harness.state().document().path().is_none());
}

#[test]
fn csv_export_goes_through_the_apps_dialog() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = edited(folder.path());
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Export CSV…").click();
    harness.run_steps(3);
    harness.get_by_label("Save here").click();
    harness.run_steps(3);
    let written: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["mesa-crisis-regional-stability.csv"]);
    let (text, is_error) = status(&harness);
    assert!(text.starts_with("Wrote ") && !is_error, "{text}");
}

#[test]
fn choosing_a_file_that_is_there_asks_before_replacing_it() {
    let folder = tempfile::tempdir().unwrap();
    let there = folder.path().join("mesa-crisis.ron");
    std::fs::write(&there, "a colleague's file").unwrap();
    let mut harness = edited(folder.path());
    for (answer, replaced) in [("Keep it", false), ("Replace", true)] {
        press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        harness.get_by_label("Save here").click();
        harness.run_steps(3);
        harness.get_by_label("Replace the file?");
        harness.get_by_label(answer).click();
        harness.run_steps(2);
        let text = std::fs::read_to_string(&there).unwrap();
        assert_eq!(text != "a colleague's file", replaced, "{answer}");
        assert_eq!(harness.state().document().is_dirty(), !replaced, "{answer}");
    }
}
