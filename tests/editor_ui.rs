//! The scenario editor driven headless through its accessibility tree (egui_kittest): every edit
//! of the canvas and inspector, undo and redo, files through a scripted dialog, the
//! unsaved-changes prompt, the load-error panel and autosave recovery.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{AppConfig, Document, EntenteApp, FileDialogs, Item, Prompt};
use entente::io;

/// Answers file dialogs from a script shared with the test.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    answers: Rc<RefCell<Vec<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    fn answer(&self, path: Option<&Path>) {
        self.answers.borrow_mut().push(path.map(Path::to_owned));
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.answers.borrow_mut().remove(0)
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        self.answers.borrow_mut().remove(0)
    }
}

fn config(dialogs: &ScriptedDialogs, data_folder: Option<&Path>) -> AppConfig {
    AppConfig {
        dialogs: Box::new(dialogs.clone()),
        data_folder: data_folder.map(Path::to_owned),
        autoplay: false,
    }
}

fn mesa() -> entente::model::Scenario {
    io::load_str(io::library::default_example().text).unwrap()
}

fn harness_with(app: EntenteApp) -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| app);
    harness.run_steps(3);
    harness
}

fn harness(dialogs: &ScriptedDialogs) -> Harness<'static, EntenteApp> {
    harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config(dialogs, None),
    ))
}

fn nations(harness: &Harness<'_, EntenteApp>) -> usize {
    harness.state().document().scenario().nations.len()
}

fn undo(harness: &mut Harness<'_, EntenteApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
}

fn redo(harness: &mut Harness<'_, EntenteApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
}

/// The start of a node's accessible label.
fn node(name: &str) -> String {
    format!("Nation {name} (")
}

/// Opens a node's context menu and walks through its nested entries.
fn node_menu(harness: &mut Harness<'_, EntenteApp>, name: &str, path: &[&str]) {
    harness.get_by_label_contains(&node(name)).click_secondary();
    harness.run_steps(2);
    for entry in path {
        harness.get_by_label(entry).click();
        harness.run_steps(2);
    }
}

#[test]
fn adding_a_nation_from_the_toolbar_shows_a_node_and_undoes() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let before = nations(&harness);
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    assert_eq!(nations(&harness), before + 1);
    harness.get_by_label_contains(&node("Nation 1"));
    assert!(harness.state().document().is_dirty());
    assert!(harness.state().window_title().starts_with('*'));
    undo(&mut harness);
    assert_eq!(nations(&harness), before);
    assert!(!harness.state().document().is_dirty());
    redo(&mut harness);
    assert_eq!(nations(&harness), before + 1);
}

#[test]
fn setting_a_relation_through_the_context_menu() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let relation = |harness: &Harness<'_, EntenteApp>| {
        let scenario = harness.state().document().scenario();
        scenario
            .relations
            .iter()
            .find(|r| {
                (r.a.as_str(), r.b.as_str()) == ("N1", "X")
                    || (r.a.as_str(), r.b.as_str()) == ("X", "N1")
            })
            .map(|r| r.relation)
    };
    let before = relation(&harness);
    node_menu(
        &mut harness,
        "Client State",
        &["Set relation with", "Northern Neighbour", "Enemies (−0.8)"],
    );
    assert_eq!(relation(&harness), Some(-0.8));
    // The new edge is an accessible widget too, and selected for fine-tuning.
    harness.get_by_label_contains("Relation Northern Neighbour–Client State: -0.80");
    assert!(matches!(
        harness.state().selection().only(),
        Some(Item::Relation(..))
    ));
    undo(&mut harness);
    assert_eq!(relation(&harness), before);
    redo(&mut harness);
    assert_eq!(relation(&harness), Some(-0.8));
}

#[test]
fn signing_a_treaty_through_the_context_menu() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    node_menu(
        &mut harness,
        "Target State",
        &["Sign treaty with", "Northern Neighbour", "non-aggression"],
    );
    let treaties = &harness.state().document().scenario().treaties;
    assert_eq!(treaties.len(), 1);
    assert_eq!(treaties[0].kind, entente::model::TreatyKind::NonAggression);
    harness.get_by_label_contains("Treaty non-aggression treaty-1 (non-aggression)");
    // The inspector edits it: its kind, parties, strength and duration.
    harness.get_by_role_and_label(egui::accesskit::Role::Slider, "strength");
    undo(&mut harness);
    assert!(harness.state().document().scenario().treaties.is_empty());
    redo(&mut harness);
    assert_eq!(harness.state().document().scenario().treaties.len(), 1);
}

#[test]
fn creating_an_alliance_from_a_shift_selection() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    harness.get_by_label_contains(&node("Hegemon")).click();
    harness.run_steps(2);
    harness
        .get_by_label_contains(&node("Northern Neighbour"))
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(2);
    assert_eq!(harness.state().selection().selected_nations().len(), 2);
    harness
        .get_by_label("Create alliance of these nations")
        .click();
    harness.run_steps(2);
    let alliances = &harness.state().document().scenario().alliances;
    assert_eq!(alliances.len(), 1);
    assert_eq!(alliances[0].members.len(), 2);
    harness.get_by_label("Collective defence (an attack on one is an attack on all)");
    undo(&mut harness);
    assert!(harness.state().document().scenario().alliances.is_empty());
    redo(&mut harness);
    assert_eq!(harness.state().document().scenario().alliances.len(), 1);
}

#[test]
fn editing_an_attribute_in_the_inspector_resimulates_and_undoes() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    harness.get_by_label_contains(&node("Target State")).click();
    harness.run_steps(2);
    let stability = |harness: &Harness<'_, EntenteApp>| {
        harness
            .state()
            .document()
            .scenario()
            .nations
            .iter()
            .find(|n| n.id.as_str() == "T")
            .unwrap()
            .stability
    };
    assert_eq!(stability(&harness), 0.45);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "domestic stability")
        .set_value_accesskit(0.3);
    harness.run_steps(3);
    assert_eq!(stability(&harness), 0.3);
    let run = harness.state().document().simulation().unwrap();
    let t = run.world().nation("T").unwrap();
    assert_eq!(run.states()[0].nations[t.ix()].stability, 0.3);
    undo(&mut harness);
    assert_eq!(stability(&harness), 0.45);
    redo(&mut harness);
    assert_eq!(stability(&harness), 0.3);
}

#[test]
fn an_invalid_edit_is_refused_with_a_message() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    // Deleting every nation would leave a scenario without nations.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(2);
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    assert_eq!(nations(&harness), 7);
    let status = harness.state().status().unwrap();
    assert!(
        status.is_error && status.text.contains("at least one nation"),
        "{status:?}"
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn deleting_a_nation_removes_what_names_it_and_undoes() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let original = harness.state().document().scenario().clone();
    harness.get_by_label_contains(&node("Client State")).click();
    harness.run_steps(2);
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    assert_eq!(nations(&harness), 6);
    assert!(
        harness
            .query_by_label_contains("Nation Client State (")
            .is_none()
    );
    undo(&mut harness);
    assert_eq!(harness.state().document().scenario(), &original);
    harness.get_by_label_contains(&node("Client State"));
    redo(&mut harness);
    assert_eq!(nations(&harness), 6);
}

#[test]
fn dragging_a_node_moves_it_in_one_undo_step_without_resimulating() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let states = harness
        .state()
        .document()
        .simulation()
        .unwrap()
        .states()
        .to_vec();
    let start = harness
        .get_by_label_contains(&node("Hegemon"))
        .rect()
        .center();
    harness.drag_at(start);
    harness.run_steps(1);
    for k in 1..=10 {
        harness.hover_at(start + egui::vec2(8.0 * k as f32, 4.0 * k as f32));
        harness.run_steps(1);
    }
    harness.drop_at(start + egui::vec2(80.0, 40.0));
    harness.run_steps(2);
    let moved = harness.state().document().scenario().layout.positions["H"];
    assert_ne!(moved, (-320.0, 0.0));
    assert_eq!(
        harness.state().document().simulation().unwrap().states(),
        &states[..]
    );
    undo(&mut harness);
    assert_eq!(
        harness.state().document().scenario().layout.positions["H"],
        (-320.0, 0.0),
        "the whole drag is one step"
    );
}

#[test]
fn save_then_open_round_trips_through_the_dialog() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("mine.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    let edited = harness.state().document().scenario().clone();
    dialogs.answer(Some(&path));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(io::load_file(&path).unwrap(), edited);
    assert_eq!(harness.state().prefs().recent[0], path);

    // Change it, then open the saved file again, discarding the change.
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    dialogs.answer(Some(&path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Unsaved(_))));
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().scenario(), &edited);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_unsaved_changes_prompt_can_cancel_save_or_discard() {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    // New over unsaved work asks first; Cancel keeps everything.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    harness.get_by_label_contains("has changes that are not saved");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().prompt().is_none());
    assert_eq!(nations(&harness), 8);
    // Save goes through the dialog, then carries on with New.
    let path = folder.path().join("kept.ron");
    dialogs.answer(Some(&path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    harness.get_by_label("Save changes").click();
    harness.run_steps(2);
    assert_eq!(io::load_file(&path).unwrap().nations.len(), 8);
    assert_eq!(
        harness.state().document().scenario().meta.title.0,
        "New scenario"
    );
    // Closing the window with unsaved work asks too.
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(2);
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    assert!(harness.state().close_confirmed());
}

#[test]
fn a_file_with_errors_opens_a_located_problem_panel_and_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.ron");
    let text = io::library::default_example()
        .text
        .replacen("stability: 0.45", "stability: 4.5", 1);
    std::fs::write(&path, text).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let before = harness.state().document().scenario().clone();
    dialogs.answer(Some(&path));
    harness.get_by_label("Open").click();
    harness.run_steps(4);
    harness.get_by_label_contains("Could not open");
    let errors = harness.state().load_errors().unwrap();
    assert!(
        errors
            .lines
            .iter()
            .any(|l| l.contains("broken.ron:") && l.contains("4.5")),
        "{:?}",
        errors.lines
    );
    harness.get_by_label_contains("is 4.5");
    assert_eq!(harness.state().document().scenario(), &before);
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.state().load_errors().is_none());
}

#[test]
fn autosave_is_offered_for_recovery_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let edited = {
        let mut harness = harness_with(EntenteApp::new(
            Document::unchanged(mesa()),
            config(&dialogs, Some(data.path())),
        ));
        harness.get_by_label("Add nation").click();
        harness.run_steps(2);
        harness.state_mut().autosave_now();
        harness.state().document().scenario().clone()
        // The harness is dropped without closing: a crash.
    };
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config(&dialogs, Some(data.path())),
    ));
    harness.get_by_label_contains("did not close cleanly");
    harness.get_by_label("Recover").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().scenario(), &edited);
    assert!(
        harness.state().document().is_dirty(),
        "recovered work is not saved yet"
    );
    // Once handled, the autosave is gone: the next start offers nothing.
    let harness = harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config(&dialogs, Some(data.path())),
    ));
    assert!(harness.state().prompt().is_none());
}

#[test]
fn theme_and_text_size_are_preferences() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let dark = harness.state().prefs().dark;
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Light / dark theme").click();
    harness.run_steps(2);
    assert_eq!(harness.state().prefs().dark, !dark);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run_steps(2);
    assert!(harness.state().prefs().text_scale > 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert_eq!(harness.state().prefs().text_scale, 1.0);
}
