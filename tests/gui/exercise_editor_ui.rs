//! The exercise editor driven headless: a teacher builds an exercise on Mesa Crisis with the
//! mouse and keyboard only (texts, a role, goals, locks, budget), saves it, and the file read
//! back validates and evaluates the same; a student cannot open the editor.

use crate::common;

use common::gui::{ScriptedDialogs, click_at, config, harness, press, settle};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{Command, Document, EntenteApp, Intent, Prompt};
use entente::editor::exercise::Mode;
use entente::io::{library, load_file, load_str};
use entente::model::exercise::{Compare, GoalTest, Subject, When};
use entente::model::validate;
use entente::sim::Simulation;
use entente::sim::goals::evaluate;

/// Clicks a widget by its label, and lets the app answer.
fn click(harness: &mut Harness<'_, EntenteApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(3);
}

/// Focuses a text field by its label and types into it.
fn type_into(harness: &mut Harness<'_, EntenteApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(2);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
}

/// Replaces the value of a number field (a real click gives it the keyboard) and confirms.
fn set_number(harness: &mut Harness<'_, EntenteApp>, label: &str, text: &str) {
    let field = harness.get_by_label(label).rect().center();
    click_at(harness, field);
    press(harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
    press(harness, Modifiers::NONE, Key::Enter);
}

/// Opens the last drop-down showing `current` and picks `option` from its list:
/// the option nearest below the drop-down, as other parts of the window may show the same name.
fn choose(harness: &mut Harness<'_, EntenteApp>, current: &str, option: &str) {
    // The last drop-down showing it: the editor's window is drawn over the panels (whose why
    // panel may show a region too), and a new goal comes after the others.
    let combo = harness
        .query_all_by_role(Role::ComboBox)
        .rfind(|node| node.value().as_deref() == Some(current))
        .unwrap_or_else(|| panic!("no drop-down showing {current:?}"));
    let below = combo.rect().bottom();
    combo.click();
    harness.run_steps(3);
    let pick = harness
        .query_all_by_label(option)
        .filter(|node| node.rect().top() >= below)
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap_or_else(|| panic!("no option {option:?} under the drop-down"));
    pick.click();
    harness.run_steps(3);
}

fn open_editor(harness: &mut Harness<'_, EntenteApp>) {
    click(harness, "Exercise");
    click(harness, "Edit exercise…");
}

#[test]
fn an_exercise_built_in_the_editor_saves_reloads_validates_and_evaluates_the_same() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    assert!(harness.state().document().scenario().exercise.is_none());
    open_editor(&mut harness);
    harness.get_by_label("Exercise editor");
    let session = harness
        .state()
        .session()
        .expect("a session on the new exercise");
    assert_eq!(session.mode, Mode::Teacher, "the teacher is writing it");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("make an exercise")
    );

    // Texts.
    type_into(
        &mut harness,
        "Briefing for students",
        "# Mesa\nKeep the region calm.",
    );
    click(&mut harness, "Add objective");
    type_into(
        &mut harness,
        "Objective 1",
        "See how a mandate changes an intervention",
    );
    click(&mut harness, "Add question");
    type_into(&mut harness, "Question 1", "Why did Mesa's stability fall?");
    type_into(
        &mut harness,
        "Teacher notes",
        "A mandate and planning keep Mesa above 0.4.",
    );
    // Typing into one field is one undo step.
    assert_eq!(
        harness.state().document().undo_label(),
        Some("edit the exercise's teacher notes")
    );

    // A role acting for the Hegemon.
    click(&mut harness, "Roles");
    click(&mut harness, "Add role");
    type_into(&mut harness, "Role 1", " (Western planners)");
    harness
        .get_by_role_and_label(Role::CheckBox, "Hegemon")
        .click();
    harness.run_steps(3);

    // Goals: Mesa's stability at least 0.45 throughout, and at most one intervention.
    click(&mut harness, "Goals");
    click(&mut harness, "Add goal");
    choose(&mut harness, "West", "Mesa");
    set_number(&mut harness, "threshold", "0.45");
    click(&mut harness, "Add goal");
    choose(
        &mut harness,
        "A region's stability",
        "At most so many interventions",
    );

    // Locks and the budget.
    click(&mut harness, "Locks and budget");
    harness
        .get_by_label("Lock the model's parameters, settings, seed and horizon")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::CheckBox, "Target State")
        .click();
    harness.run_steps(3);
    harness
        .get_by_label("Limit the events a student may add to")
        .click();
    harness.run_steps(3);

    let built = harness
        .state()
        .document()
        .scenario()
        .exercise
        .clone()
        .unwrap();
    assert_eq!(built.briefing.0, "# Mesa\nKeep the region calm.");
    assert_eq!(
        built.objectives[0].0,
        "See how a mandate changes an intervention"
    );
    assert_eq!(built.debrief[0].0, "Why did Mesa's stability fall?");
    assert!(built.teacher_notes.0.starts_with("A mandate"));
    assert_eq!(built.roles[0].name.0, "Role 1 (Western planners)");
    assert_eq!(built.roles[0].nations, vec!["H".into()]);
    assert_eq!(built.goals.len(), 2);
    assert_eq!(
        built.goals[0].test,
        GoalTest::Value {
            of: Subject::Region("mesa".into()),
            variable: "stability".into(),
            compare: Compare::Above,
            value: 0.45,
            when: When::Through(0, 80),
        }
    );
    // The words follow the test.
    assert_eq!(
        built.goals[0].text.0,
        "Mesa's stability at least 0.45 from 2003 Q1 to 2023 Q1"
    );
    assert_eq!(built.goals[1].test, GoalTest::MaxInterventions(1));
    assert_eq!(built.goals[1].text.0, "At most one intervention");
    assert!(built.locks.parameters && !built.locks.events);
    assert_eq!(built.locks.nations, vec!["T".into()]);
    assert_eq!(built.budget, Some(3));

    // Save, read the file back: it validates and its goals come out the same.
    settle(&mut harness);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("mesa-exercise.ron");
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut harness);
    assert!(!harness.state().document().is_dirty());
    let reloaded = load_file(&path).unwrap();
    assert!(validate(&reloaded).is_empty());
    assert_eq!(reloaded.exercise.as_ref(), Some(&built));
    let mut fresh = Simulation::new(&reloaded).unwrap();
    fresh.run_to(reloaded.horizon);
    let in_app = harness.state().document().simulation().unwrap();
    for tick in [0, 20, 40, 80] {
        assert_eq!(
            evaluate(&built, in_app, tick),
            evaluate(reloaded.exercise.as_ref().unwrap(), &fresh, tick),
            "tick {tick}"
        );
    }
    // Opened again, it is an exercise like any other: the briefing comes first.
    let reopened = EntenteApp::new(Document::unchanged(reloaded), config(&dialogs, None));
    let mut again = common::gui::harness_with(reopened);
    assert_eq!(again.state().prompt(), Some(&Prompt::Briefing));
    again.get_by_label_contains("Keep the region calm.");
    again.run_steps(1);
}

#[test]
fn only_a_teacher_opens_the_editor_and_undo_takes_the_exercise_back() {
    let dialogs = ScriptedDialogs::default();
    let scenario = load_str(library::example("libya-2011").unwrap().text).unwrap();
    let app = EntenteApp::new(Document::unchanged(scenario), config(&dialogs, None));
    let mut harness = common::gui::harness_with(app);
    harness.state_mut().push(Intent::ClosePrompt);
    harness.run_steps(3);
    harness.state_mut().push(Intent::Run(Command::EditExercise));
    harness.run_steps(3);
    assert!(harness.query_by_label("Exercise editor").is_none());
    let status = harness.state().status().unwrap();
    assert!(status.is_error && status.text.contains("teacher mode"));

    // On a plain scenario, making an exercise is one step that Undo takes back, editor and all.
    let mut harness = common::gui::harness(&dialogs);
    open_editor(&mut harness);
    assert!(harness.state().session().is_some());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(harness.state().document().scenario().exercise.is_none());
    assert!(harness.state().session().is_none());
    assert!(harness.query_by_label("Exercise editor").is_none());
}
