//! The scenario editor driven headless through its accessibility tree (egui_kittest): every edit
//! of the canvas and inspector, undo and redo, files through a scripted dialog, the
//! unsaved-changes prompt, the load-error panel and autosave recovery.

use crate::common;

use std::path::{Path, PathBuf};

use common::gui::{
    ScriptedDialogs, click_at, config, harness, harness_with, mesa, press, redo, tab_to, undo,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{Document, EntenteApp, Item, Prompt};
use entente::io;

fn nations(harness: &Harness<'_, EntenteApp>) -> usize {
    harness.state().document().scenario().nations.len()
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
    assert_eq!(run.collect_states()[0].nations[t.ix()].stability, 0.3);
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
        .collect_states()
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
        harness
            .state()
            .document()
            .simulation()
            .unwrap()
            .collect_states(),
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

/// A session with a data folder that adds a nation and autosaves `autosaves` times, then
/// crashes (the harness is dropped without closing); the scenario after each autosave.
fn crash_after_autosaves(
    data: &std::path::Path,
    dialogs: &ScriptedDialogs,
    autosaves: usize,
) -> Vec<entente::model::Scenario> {
    let mut harness = start_with_data(data, dialogs);
    (0..autosaves)
        .map(|_| {
            harness.get_by_label("Add nation").click();
            harness.run_steps(2);
            harness.state_mut().autosave_now();
            harness.state().document().scenario().clone()
        })
        .collect()
}

/// The app started on Mesa Crisis with `data` as its data folder.
fn start_with_data(
    data: &std::path::Path,
    dialogs: &ScriptedDialogs,
) -> Harness<'static, EntenteApp> {
    harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config(dialogs, Some(data)),
    ))
}

#[test]
fn autosave_is_offered_for_recovery_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let edited = crash_after_autosaves(data.path(), &dialogs, 1).remove(0);
    let mut harness = start_with_data(data.path(), &dialogs);
    harness.get_by_label_contains("did not close cleanly");
    harness.get_by_label("Recover").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().scenario(), &edited);
    assert!(
        harness.state().document().is_dirty(),
        "recovered work is not saved yet"
    );
    // The recovered work exists nowhere else yet: another crash offers it again.
    drop(harness);
    let mut harness = start_with_data(data.path(), &dialogs);
    harness.get_by_label_contains("did not close cleanly");
    // Discarding it removes every version: the next start offers nothing.
    harness.get_by_label("Discard autosave").click();
    harness.run_steps(2);
    let harness = start_with_data(data.path(), &dialogs);
    assert!(harness.state().prompt().is_none());
}

#[test]
fn a_corrupted_autosave_is_set_aside_and_the_newest_good_one_offered() {
    let data = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let good = crash_after_autosaves(data.path(), &dialogs, 2).remove(0);
    // The newest version is damaged (a disk error, a half-copied folder).
    let autosave = entente::editor::autosave::Autosave::in_folder(data.path());
    let newest = autosave.versions()[0].clone();
    std::fs::write(&newest, "(format_version: 1, meta: (tit").unwrap();
    let mut harness = start_with_data(data.path(), &dialogs);
    harness.get_by_label_contains("did not close cleanly");
    let status = harness.state().status().map(|s| s.text.clone());
    assert!(
        status.as_deref().is_some_and(|s| s.contains("set aside")),
        "{status:?}"
    );
    assert!(newest.with_extension("ron.unreadable").exists());
    harness.get_by_label("Recover").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().scenario(), &good);
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

fn nation_name(harness: &Harness<'_, EntenteApp>, id: &str) -> Option<String> {
    let scenario = harness.state().document().scenario();
    let nation = scenario.nations.iter().find(|n| n.id.as_str() == id)?;
    Some(nation.name.0.clone())
}

/// Replaces the text of the focused field and confirms with Enter (or cancels with Escape).
fn type_over(harness: &mut Harness<'_, EntenteApp>, text: &str, confirm: Key) {
    press(harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
    press(harness, Modifiers::NONE, confirm);
}

#[test]
fn canvas_actions_work_from_the_keyboard_alone() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    // Tab reaches the nodes; Enter selects the focused one.
    tab_to(&mut harness, &node("Target State"));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().selection().only(),
        Some(&Item::Nation("T".into()))
    );
    // F2 renames in place; Ctrl+A selects the field's text, not every nation.
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_over(&mut harness, "Republic of Mesa", Key::Enter);
    assert_eq!(
        nation_name(&harness, "T").as_deref(),
        Some("Republic of Mesa")
    );
    assert_eq!(harness.state().selection().items().count(), 1);
    // Shift+F10 opens the node's menu with its first entry focused; arrows and Enter walk it.
    press(&mut harness, Modifiers::SHIFT, Key::F10);
    assert!(harness.get_by_label("Rename").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter); // Set relation with
    press(&mut harness, Modifiers::NONE, Key::Enter); // Hegemon
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    }
    assert!(harness.get_by_label("Hostile (−0.4)").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let relation = harness
        .state()
        .document()
        .scenario()
        .relations
        .iter()
        .find(|r| r.a.as_str() == "H" && r.b.as_str() == "T")
        .map(|r| r.relation);
    assert_eq!(relation, Some(-0.4));
    assert!(
        harness.query_by_label("Set relation with").is_none(),
        "menu closed"
    );
    // The Menu key opens the same menu for the selected nation; Delete removes it.
    tab_to(&mut harness, &node("Republic of Mesa"));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Menu);
    assert!(harness.query_by_label("Sign treaty with").is_some());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let before = nations(&harness);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(nations(&harness), before - 1);
    undo(&mut harness);
    assert_eq!(nations(&harness), before);
}

#[test]
fn double_click_renames_and_escape_cancels() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let double_click = |harness: &mut Harness<'_, EntenteApp>, label: &str| {
        for _ in 0..2 {
            harness.get_by_label_contains(&node(label)).click();
            harness.step();
        }
        harness.run_steps(2);
    };
    double_click(&mut harness, "Rival Power");
    let field =
        harness.get_by(|node| node.role() == egui::accesskit::Role::TextInput && node.is_focused());
    assert_eq!(field.value().as_deref(), Some("Rival Power"));
    type_over(&mut harness, "Eastern Bloc", Key::Enter);
    assert_eq!(nation_name(&harness, "Q").as_deref(), Some("Eastern Bloc"));
    double_click(&mut harness, "Eastern Bloc");
    type_over(&mut harness, "Never kept", Key::Escape);
    assert_eq!(nation_name(&harness, "Q").as_deref(), Some("Eastern Bloc"));
    undo(&mut harness);
    assert_eq!(nation_name(&harness, "Q").as_deref(), Some("Rival Power"));
}

/// The screen centre of every node, by accessible label.
fn node_centres(harness: &Harness<'_, EntenteApp>) -> Vec<(String, egui::Pos2)> {
    harness
        .query_all_by_label_contains("Nation ")
        .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            (label, node.rect().center())
        })
        .collect()
}

#[test]
fn shift_drag_on_the_background_selects_the_nations_in_the_box() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let centres = node_centres(&harness);
    let at = |name: &str| {
        centres
            .iter()
            .find(|(label, _)| label.starts_with(&node(name)))
            .map(|(_, p)| *p)
            .unwrap()
    };
    let corner_a = at("Hegemon");
    let corner_b = at("Client State");
    // Start the box on bare background: outside every node's and edge handle's hit area.
    let widgets: Vec<egui::Rect> = ["Nation ", "Relation ", "Treaty "]
        .iter()
        .flat_map(|kind| harness.query_all_by_label_contains(kind))
        .map(|node| node.rect())
        .collect();
    let mut rect = egui::Rect::from_two_pos(corner_a, corner_b).expand(30.0);
    while widgets.iter().any(|w| w.expand(4.0).contains(rect.min)) {
        rect.min -= egui::vec2(8.0, 8.0);
    }
    let expected: Vec<&str> = centres
        .iter()
        .filter(|(_, p)| rect.contains(*p))
        .map(|(label, _)| label.as_str())
        .collect();
    assert!(expected.len() >= 2, "{expected:?}");

    // Shift held from a background point to the opposite corner.
    let (start, end) = (rect.min, rect.max);
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    harness.hover_at(start);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    harness.step();
    for k in 1..=10 {
        harness.hover_at(start + (end - start) * (k as f32 / 10.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: end,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);

    let selected = harness.state().selection().selected_nations();
    assert_eq!(
        selected.len(),
        expected.len(),
        "{selected:?} vs {expected:?}"
    );
    for id in &selected {
        let label = format!("({id})");
        assert!(
            expected.iter().any(|e| e.contains(&label)),
            "{id} not boxed"
        );
    }
    // Nothing moved: a box selection is not a pan or a drag.
    assert!(!harness.state().document().is_dirty());
    assert_eq!(node_centres(&harness), centres);
}

/// Walks a menu path with the mouse: "File" → "Open example" → "New scenario".
fn menu(harness: &mut Harness<'_, EntenteApp>, path: &[&str]) {
    for entry in path {
        harness.get_by_label(entry).click();
        harness.run_steps(2);
    }
}

#[test]
fn open_example_and_open_recent_from_the_file_menu() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("saved.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let blank = io::load_str(io::library::example("blank").unwrap().text).unwrap();

    menu(&mut harness, &["File", "Open example", "New scenario"]);
    assert_eq!(harness.state().document().scenario(), &blank);
    assert_eq!(
        harness.state().document().path(),
        None,
        "an example is a copy"
    );

    // Save it somewhere; it joins the recent files.
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    let saved = harness.state().document().scenario().clone();
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(harness.state().prefs().recent, vec![path.clone()]);

    // Another example over unsaved work asks first.
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    menu(&mut harness, &["File", "Open example", "Mesa Crisis"]);
    harness.run_steps(3); // the modal sizes itself once the menu has closed
    assert!(matches!(harness.state().prompt(), Some(Prompt::Unsaved(_))));
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().scenario(), &mesa());

    // Open recent brings the saved file back.
    menu(
        &mut harness,
        &["File", "Open recent", &path.display().to_string()],
    );
    assert_eq!(harness.state().document().scenario(), &saved);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, EntenteApp>, path: &Path) {
    let file: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(path.to_owned()));
    harness.input_mut().dropped_files.push(file);
    harness.run_steps(2);
}

#[test]
fn dropping_a_ron_file_on_the_window_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dropped.ron");
    let blank = io::load_str(io::library::example("blank").unwrap().text).unwrap();
    io::save_file(&blank, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);

    // Not a scenario: refused with a message, nothing changes.
    let text = folder.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    drop_file(&mut harness, &text);
    assert_eq!(harness.state().document().scenario(), &mesa());
    let status = harness.state().status().unwrap();
    assert!(status.is_error && status.text.contains("not a scenario file"));

    // Over unsaved work it asks first; Cancel keeps the work.
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    drop_file(&mut harness, &path);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Unsaved(_))));
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(nations(&harness), mesa().nations.len() + 1);

    undo(&mut harness);
    drop_file(&mut harness, &path);
    assert_eq!(harness.state().document().scenario(), &blank);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(
        harness.state().window_title(),
        "New scenario (dropped.ron) — Entente"
    );
}

#[test]
fn the_keyboard_pans_zooms_and_nudges_nodes() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let centre = |harness: &Harness<'_, EntenteApp>, name: &str| {
        harness.get_by_label_contains(&node(name)).rect().center()
    };
    let spread = |harness: &Harness<'_, EntenteApp>| {
        centre(harness, "Hegemon").distance(centre(harness, "Rival Power"))
    };
    // Arrows on the focused canvas pan the view; + zooms in. The scenario does not change.
    tab_to(&mut harness, "Network canvas");
    let (before, wide) = (centre(&harness, "Hegemon"), spread(&harness));
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    let moved = centre(&harness, "Hegemon") - before;
    assert!(
        (moved.x + 40.0).abs() < 0.5 && moved.y.abs() < 0.5,
        "{moved:?}"
    );
    press(&mut harness, Modifiers::NONE, Key::Plus);
    assert!(spread(&harness) > wide * 1.15);
    assert!(!harness.state().document().is_dirty());

    // Arrows on a focused node move it (layout only): three nudges, one undo step.
    tab_to(&mut harness, &node("Hegemon"));
    let layout = |harness: &Harness<'_, EntenteApp>| {
        entente::editor::edit::positions_with_defaults(harness.state().document().scenario())
            [&entente::model::NationId::from("H")]
    };
    let start = layout(&harness);
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    }
    assert!(layout(&harness).1 > start.1);
    assert_eq!(layout(&harness).0, start.0);
    assert!(harness.get_by_label_contains(&node("Hegemon")).is_focused());
    undo(&mut harness);
    assert_eq!(layout(&harness), start);
}

#[test]
fn an_idle_app_with_unsaved_changes_autosaves_by_the_clock() {
    let data = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let app = EntenteApp::new(
        Document::unchanged(mesa()),
        config(&dialogs, Some(data.path())),
    );
    // Few frames far apart, as when nobody touches the window: 7 s of clock each.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_step_dt(7.0)
        .build_eframe(move |_| app);
    harness.step();
    harness
        .state_mut()
        .push(entente::app::Intent::Run(entente::app::Command::AddNation));
    harness.step();
    assert!(harness.state().document().is_dirty());
    let autosaves = || {
        std::fs::read_dir(data.path())
            .map(|dir| dir.flatten().count())
            .unwrap_or(0)
    };
    for _ in 0..7 {
        harness.step();
    }
    assert_eq!(autosaves(), 0, "49 s: not yet");
    for _ in 0..3 {
        harness.step();
    }
    assert_eq!(autosaves(), 1, "70 s: one autosave");
}

#[test]
fn typing_a_number_into_a_field_sets_it() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    let trust = |harness: &Harness<'_, EntenteApp>| {
        let scenario = harness.state().document().scenario();
        let k = entente::editor::edit::relation_index(scenario, &"H".into(), &"T".into());
        scenario.relations[k.unwrap()].trust
    };
    harness.state_mut().push(entente::app::Intent::Select(
        entente::editor::Selection::single(Item::relation(&"H".into(), &"T".into())),
    ));
    harness.run_steps(2);
    let before = trust(&harness);
    // The slider's number field: click it to type, select what is there, type over it.
    let at = harness
        .get_by_role_and_label(egui::accesskit::Role::SpinButton, "trust")
        .rect()
        .center();
    click_at(&mut harness, at);
    assert!(harness.ctx.text_edit_focused());
    // Key by key, a frame each, as a hand types.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    for typed in ["0", ".", "3", "5"] {
        harness.event(egui::Event::Text(typed.to_owned()));
        harness.run_steps(1);
    }
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_ne!(before, 0.35);
    assert_eq!(trust(&harness), 0.35);
}

#[test]
fn messages_name_things_and_news_goes_stale() {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    // A refused edit is told with the names the user sees, not the file's ids.
    harness.state_mut().push(entente::app::Intent::Edit {
        edit: entente::editor::edit::Edit::SetRelation {
            a: "H".into(),
            b: "T".into(),
            relation: 0.1,
            trust: 0.0,
        },
        merge: None,
    });
    harness.run_steps(2);
    let status = harness.state().status().unwrap().clone();
    assert!(status.is_error, "{status:?}");
    assert!(
        status
            .text
            .starts_with("Cannot set relation Hegemon–Target State:"),
        "{}",
        status.text
    );
    // "Saved …" is news until the next change.
    dialogs.answer(Some(&folder.path().join("mesa.ron")));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(harness.state().status().unwrap().text.starts_with("Saved "));
    harness.get_by_label("Add nation").click();
    harness.run_steps(2);
    assert!(
        harness.state().status().is_none(),
        "{:?}",
        harness.state().status()
    );
    harness.get_by_label("Ready");
    assert!(
        harness
            .state()
            .document()
            .undo_label()
            .unwrap()
            .starts_with("add nation \"Nation ")
    );
}
