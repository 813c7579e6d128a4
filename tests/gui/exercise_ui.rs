//! The exercise view driven headless (egui_kittest) on Libya 2011: the briefing comes first,
//! the goals panel follows the cursor, student mode refuses locked edits and teacher mode lifts
//! the locks, the debrief comes at the end, and the report is written from the window.

use crate::common;

use common::gui::{ScriptedDialogs, config, drag, harness_with, press, settle, timeline_point};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{Document, EntenteApp, Intent, Prompt};
use entente::editor::exercise::Mode;
use entente::io::{library, load_str};
use entente::model::Scenario;

fn libya(dialogs: &ScriptedDialogs) -> Harness<'static, EntenteApp> {
    let scenario = load_str(library::example("libya-2011").unwrap().text).unwrap();
    harness_with(EntenteApp::new(
        Document::unchanged(scenario),
        config(dialogs, None),
    ))
}

/// Chooses the first role and starts.
fn start(harness: &mut Harness<'_, EntenteApp>) {
    harness
        .get_by_label_contains("NATO and Arab partners (")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Start").click();
    settle(harness);
}

#[test]
fn the_briefing_comes_first_without_teacher_notes_and_lets_the_student_pick_a_role() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    assert_eq!(harness.state().prompt(), Some(&Prompt::Briefing));
    harness.get_by_label("Briefing: Libya 2011");
    harness.get_by_label("Libya, March 2011");
    assert!(
        harness
            .query_all_by_label_contains("resolution 1973")
            .count()
            >= 2
    );
    assert!(harness.query_by_label_contains("Teacher notes").is_none());
    harness
        .get_by_label_contains("NATO and Arab partners (United States")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().session().unwrap().role, Some(0));
    start(&mut harness);
    assert!(harness.state().prompt().is_none());
    assert_eq!(harness.state().session().unwrap().mode, Mode::Student);
}

#[test]
fn the_goals_panel_follows_the_cursor_and_the_debrief_comes_at_the_end() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    // At the start nothing is decided.
    harness.get_by_label("Exercise: 0 of 6 goals met");
    // Without any plan, protection fails by 2012 Q3 and the run ends with five goals met.
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(harness.state().prompt(), Some(&Prompt::Debrief));
    harness.get_by_label("No events of your own on the timeline.");
    harness.get_by_label_contains("1. Did the operation stay within resolution 1973?");
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    harness.get_by_label("Exercise: 5 of 6 goals met");
    let failed = harness.query_all_by_label("failed").count();
    assert_eq!(failed, 1);
    // Back to the start: undecided again.
    press(&mut harness, Modifiers::NONE, Key::Home);
    harness.get_by_label("Exercise: 0 of 6 goals met");
}

/// Selects Russia and moves its "domestic stability" slider to 0.3.
fn set_russia_stability(harness: &mut Harness<'_, EntenteApp>) {
    harness.get_by_label_contains("Nation Russia (").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "domestic stability")
        .set_value_accesskit(0.3);
    harness.run_steps(2);
}

#[test]
fn student_mode_refuses_locked_edits_and_teacher_mode_allows_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    let russia_stability = |harness: &Harness<'_, EntenteApp>| {
        let scenario = harness.state().document().scenario();
        scenario
            .nations
            .iter()
            .find(|n| n.id.as_str() == "RUS")
            .unwrap()
            .stability
    };
    set_russia_stability(&mut harness);
    assert_eq!(russia_stability(&harness), 0.7);
    let status = harness.state().status().unwrap();
    assert!(
        status.is_error && status.text.contains("Russia is locked"),
        "{}",
        status.text
    );
    // The events handed out are locked too.
    harness
        .get_by_label_contains("Event at tick 0 (2011 Q1): armed groups of Libya")
        .click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(harness.state().document().scenario().events.len(), 2);

    harness.get_by_label("Teacher mode").click();
    harness.run_steps(2);
    set_russia_stability(&mut harness);
    assert_eq!(russia_stability(&harness), 0.3);
}

#[test]
fn the_report_is_written_from_the_window() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("my-report");
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    dialogs.answer(Some(&out));
    harness.get_by_label("Write report…").click();
    harness.run_steps(2);
    let summary = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(summary.starts_with("# Report: Libya 2011"));
    assert!(summary.contains("## Goals: 5 of 6 met"), "{summary}");
    assert!(out.join("stability.png").exists() && out.join("run.csv").exists());
}

/// Asserts that the scenario is still `original` and the status bar says why the last try was
/// refused.
fn assert_refused(
    harness: &Harness<'_, EntenteApp>,
    original: &Scenario,
    route: &str,
    reason: &str,
) {
    let scenario = harness.state().document().scenario();
    assert_eq!(
        (
            scenario.nations.len(),
            &scenario.relations,
            &scenario.events
        ),
        (
            original.nations.len(),
            &original.relations,
            &original.events
        ),
        "{route} changed the scenario"
    );
    assert!(scenario == original, "{route} changed the scenario");
    let status = harness.state().status().map(|s| s.text.clone());
    assert!(
        status
            .as_deref()
            .is_some_and(|s| s.starts_with("Not in this exercise") && s.contains(reason)),
        "{route}: {status:?}"
    );
    assert!(!harness.state().document().is_dirty(), "{route}");
}

/// Selects Libya, and replaces the status bar's message (Undo with nothing to undo) so that
/// each route's refusal is seen afresh.
fn select_libya(harness: &mut Harness<'_, EntenteApp>) {
    harness.get_by_label_contains("Nation Libya (").click();
    harness.run_steps(2);
    press(harness, Modifiers::COMMAND, Key::Z);
    let status = harness.state().status().map(|s| s.text.as_str());
    assert_eq!(status, Some("Nothing to undo"));
}

#[test]
fn every_route_to_a_locked_change_is_refused_in_student_mode() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    let original = harness.state().document().scenario().clone();

    let russia = "Russia is locked";
    let events = "the events of the exercise are locked";
    // The inspector's slider.
    select_libya(&mut harness);
    set_russia_stability(&mut harness);
    assert_refused(&harness, &original, "the inspector slider", russia);

    // Renaming in place (F2), from the keyboard.
    select_libya(&mut harness);
    harness.get_by_label_contains("Nation Russia (").click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::F2);
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Muscovy".to_owned()));
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_refused(&harness, &original, "renaming with F2", russia);

    // The Delete key on the selected nation.
    select_libya(&mut harness);
    harness.get_by_label_contains("Nation Russia (").click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_refused(&harness, &original, "the Delete key", russia);

    // The node's context menu: Delete, and a relation with a locked nation.
    for (path, reason) in [
        (&["Delete"][..], russia),
        (
            &["Set relation with", "Libya", "Enemies (−0.8)"],
            "the relation Russia–Libya is locked",
        ),
    ] {
        select_libya(&mut harness);
        harness
            .get_by_label_contains("Nation Russia (")
            .click_secondary();
        harness.run_steps(2);
        for entry in path {
            harness.get_by_label(entry).click();
            harness.run_steps(2);
        }
        let route = format!("the node menu {path:?}");
        assert_refused(&harness, &original, &route, reason);
    }

    // A handed-out event dragged along the timeline, and deleted from the inspector.
    select_libya(&mut harness);
    let from = timeline_point(&harness, 0, 4);
    let to = timeline_point(&harness, 10, 4);
    drag(&mut harness, from, to);
    assert_refused(&harness, &original, "dragging an exercise event", events);
    select_libya(&mut harness);
    harness
        .get_by_label_contains("Event at tick 0 (2011 Q1): armed groups of Libya")
        .click();
    harness.run_steps(2);
    // The inspector greys the locked event out and says why…
    harness.get_by_label_contains("Locked: the events of the exercise are locked");
    assert!(
        harness
            .get_by_label("Delete event")
            .accesskit_node()
            .is_disabled()
    );
    // …and the delete it would have asked for is refused all the same.
    let handle = original.events[0].handle;
    harness.state_mut().push(Intent::Edit {
        edit: entente::editor::edit::Edit::RemoveEvent(handle),
        merge: None,
    });
    harness.run_steps(2);
    assert_refused(&harness, &original, "the event's Delete button", events);

    // The scenario's seed in the inspector, with the parameters locked.
    select_libya(&mut harness);
    harness
        .state_mut()
        .push(Intent::Select(entente::editor::Selection::none()));
    harness.run_steps(2);
    harness
        .get_by_label("Seed")
        .set_value_accesskit(original.seed as f64 + 1.0);
    harness.run_steps(2);
    let parameters = "the model's settings, seed and horizon are locked";
    assert_refused(&harness, &original, "the seed", parameters);
}

#[test]
fn a_students_copy_has_no_teacher_mode_and_keeps_its_locks() {
    let scenario = load_str(library::example("libya-2011").unwrap().text).unwrap();
    let copy = entente::model::exercise::handout(&scenario).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(copy),
        config(&dialogs, None),
    ));
    start(&mut harness);
    assert!(harness.query_by_label("Teacher mode").is_none());
    harness.get_by_label("student's copy");
    // Asked for anyway (as a keyboard route or a script would), teacher mode is refused.
    harness
        .state_mut()
        .push(Intent::SetMode(entente::editor::exercise::Mode::Teacher));
    harness.run_steps(2);
    assert_eq!(harness.state().session().unwrap().mode, Mode::Student);
    let status = harness.state().status().unwrap();
    assert!(
        status.is_error && status.text.contains("student's copy"),
        "{}",
        status.text
    );
    set_russia_stability(&mut harness);
    let scenario = harness.state().document().scenario();
    let russia = scenario
        .nations
        .iter()
        .find(|n| n.id.as_str() == "RUS")
        .unwrap();
    assert_eq!(russia.stability, 0.7, "the locks still hold");
    // The briefing shows no teacher notes, because there are none.
    assert!(harness.query_by_label_contains("Teacher notes").is_none());
}

#[test]
fn teacher_mode_writes_the_students_copy() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("libya-student.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    assert!(harness.query_by_label("Write student handout…").is_none());
    harness.get_by_label("Teacher mode").click();
    harness.run_steps(2);
    dialogs.answer(Some(&out));
    harness.get_by_label("Write student handout…").click();
    harness.run_steps(2);
    let copy = entente::io::load_file(&out).unwrap();
    let exercise = copy.exercise.unwrap();
    assert!(exercise.handout && exercise.teacher_notes.0.is_empty());
}

#[test]
fn the_briefing_waits_for_a_role_and_escape_starts() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    let start = harness.get_by_label("Start");
    assert!(start.accesskit_node().is_disabled(), "no role chosen yet");
    harness.get_by_label("Choose your role to start.");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().prompt(), Some(&Prompt::Briefing));
    harness
        .get_by_label_contains("NATO and Arab partners (")
        .click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().prompt().is_none());
}

#[test]
fn locked_controls_are_greyed_and_new_events_start_from_the_role() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = libya(&dialogs);
    start(&mut harness);
    // Russia is locked: its sliders are greyed out, with the reason.
    harness.get_by_label_contains("Nation Russia (").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Locked: Russia is locked");
    let slider = harness.get_by_role_and_label(egui::accesskit::Role::Slider, "domestic stability");
    assert!(slider.accesskit_node().is_disabled());
    // A new intervention from the palette, with Russia selected, is not the role's to take:
    // the form says so and stays open.
    harness.get_by_label("Intervention").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Not in this exercise: you act for");
    assert!(
        harness
            .get_by_label("Add to timeline")
            .accesskit_node()
            .is_disabled()
    );
    assert!(harness.state().new_event_draft().is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    // With nothing selected it starts from the role's first nation, and may be added.
    harness
        .state_mut()
        .push(Intent::Select(entente::editor::Selection::none()));
    harness.run_steps(2);
    harness.get_by_label("Intervention").click();
    harness.run_steps(3);
    let draft = harness.state().new_event_draft().unwrap();
    let entente::model::Action::Intervention(operation) = &draft.action else {
        panic!("{:?}", draft.action);
    };
    assert_eq!(operation.interveners[0].as_str(), "USA");
    assert!(
        !harness
            .get_by_label("Add to timeline")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn discarding_an_autosave_still_opens_the_exercise_on_its_briefing() {
    let data = tempfile::tempdir().unwrap();
    let text = library::example("libya-2011").unwrap().text;
    let libya = load_str(text).unwrap();
    // A session that did not close cleanly left an autosave.
    entente::editor::autosave::Autosave::in_folder(data.path())
        .write(&libya)
        .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(libya),
        config(&dialogs, Some(data.path())),
    ));
    harness.get_by_label_contains("did not close cleanly");
    harness.get_by_label("Discard autosave").click();
    harness.run_steps(2);
    // The briefing the recovery question came before, with the run paused under it.
    assert!(matches!(harness.state().prompt(), Some(Prompt::Briefing)));
    assert!(!harness.state().is_playing());
}
