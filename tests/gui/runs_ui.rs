//! What-if runs driven headless on Mesa Crisis: keep a baseline and edit, and both runs are on
//! the plot; branch at a tick, and the history before it stays the trunk's while earlier edits
//! are refused; the difference view; the Why panel's two-run explanation names the event that
//! separates the runs first.

use crate::common;

use common::gui::{ScriptedDialogs, harness, press, settle};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{Command, EntenteApp, Intent, RunsChange};
use entente::editor::edit::Edit;
use entente::model::{Action, Attribute, Event, LegalBasis};

/// The regime change of Mesa Crisis given a Security Council mandate, as an edit.
fn with_mandate(harness: &Harness<'_, EntenteApp>) -> Edit {
    let scenario = harness.state().document().scenario();
    let event = scenario
        .events
        .iter()
        .find(|e| matches!(e.action, Action::Intervention(_)))
        .unwrap();
    let mut changed = event.clone();
    if let Action::Intervention(operation) = &mut changed.action {
        operation.legal_basis = LegalBasis::Unsc;
    }
    Edit::UpdateEvent {
        handle: event.handle,
        event: changed,
    }
}

fn edit(harness: &mut Harness<'_, EntenteApp>, edit: Edit) {
    harness.state_mut().push(Intent::Edit { edit, merge: None });
    settle(harness);
}

fn shock(tick: u32) -> Edit {
    Edit::ScheduleEvent(Event::new(
        tick,
        Action::SetAttribute {
            nation: "T".into(),
            attribute: Attribute::Stability,
            value: 0.2,
            structural: false,
        },
    ))
}

/// Mesa Crisis with the run kept as "baseline" and the operation then given a mandate.
fn kept_then_mandated() -> Harness<'static, EntenteApp> {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::B);
    let status = harness.state().status().unwrap();
    assert!(
        status.text.contains("Kept the current run as \"baseline\""),
        "{}",
        status.text
    );
    let mandate = with_mandate(&harness);
    edit(&mut harness, mandate);
    harness
}

#[test]
fn a_kept_baseline_stays_on_the_plot_beside_the_edited_run() {
    let harness = kept_then_mandated();
    let runs = harness.state().state().runs();
    assert_eq!(runs.pinned().len(), 1);
    let baseline = &runs.pinned()[0];
    assert_eq!(baseline.name, "baseline");
    assert_eq!(runs.compared().unwrap().id, baseline.id);
    assert_ne!(&baseline.scenario, harness.state().document().scenario());
    // Both are drawn: the current run's series, and the kept one under its own legend entry.
    assert!(harness.query_all_by_label("Mesa").count() >= 1);
    harness.get_by_label("baseline");
    // The two runs differ after the operation.
    let now = harness
        .state()
        .document()
        .simulation()
        .unwrap()
        .state(40)
        .unwrap()
        .region_stability[1];
    let then = baseline.simulation.state(40).unwrap().region_stability[1];
    assert!((now - then).abs() > 1e-6, "{now} against {then}");
}

#[test]
fn a_branch_shares_its_history_and_changes_only_its_future() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    harness.state_mut().push(Intent::Seek(20));
    harness.state_mut().push(Intent::Run(Command::BranchHere));
    harness.run_steps(2);
    assert_eq!(
        harness.state().state().runs().branch().unwrap().from,
        "before the branch at tick 20"
    );
    // An edit of the future is taken; the history up to the branch is the trunk's, bit for bit.
    edit(&mut harness, shock(30));
    assert_eq!(harness.state().document().scenario().events.len(), 6);
    let trunk = harness.state().state().runs().pinned()[0]
        .simulation
        .clone();
    let branch = harness.state().document().simulation().unwrap();
    for tick in 0..=20 {
        assert_eq!(
            *branch.state(tick).unwrap(),
            *trunk.state(tick).unwrap(),
            "tick {tick}"
        );
    }
    assert_ne!(*branch.state(40).unwrap(), *trunk.state(40).unwrap());
    // An edit of the shared history is refused, and says why.
    edit(&mut harness, shock(10));
    assert_eq!(harness.state().document().scenario().events.len(), 6);
    let status = harness.state().status().unwrap();
    assert!(
        status.is_error && status.text.contains("branch from tick 20"),
        "{}",
        status.text
    );
    // Ended, the branch takes any edit again.
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::EndBranch));
    edit(&mut harness, shock(10));
    assert_eq!(harness.state().document().scenario().events.len(), 7);
}

#[test]
fn the_difference_view_plots_the_current_run_minus_the_baseline() {
    let mut harness = kept_then_mandated();
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::Difference(true)));
    harness.run_steps(3);
    harness.get_by_label("Mesa − baseline");
    assert!(
        harness.query_by_label("baseline").is_none(),
        "no dashed copy in this view"
    );
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::Difference(false)));
    harness.run_steps(3);
    harness.get_by_label("baseline");
}

#[test]
fn the_why_panel_explains_the_difference_naming_the_differing_event_first() {
    let mut harness = kept_then_mandated();
    harness.state_mut().push(Intent::Seek(40));
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::ExplainDifference(true)));
    harness.run_steps(4);
    let header = harness.get_by_label_contains("in \"baseline\",").rect();
    let event = harness
        .get_by_label_contains("only in the current run: Event at tick 12")
        .rect();
    let first_cause = harness
        .query_all_by_label_contains("because of")
        .map(|node| node.rect().top())
        .fold(f32::INFINITY, f32::min);
    assert!(header.top() < event.top() && event.top() < first_cause);
    assert!(
        harness
            .query_all_by_label_contains("UN Security Council mandate")
            .count()
            >= 1
    );
    // Switching to the baseline makes its scenario current again, as one undoable step.
    let id = harness.state().state().runs().pinned()[0].id;
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::SwitchTo(id)));
    settle(&mut harness);
    let baseline = harness.state().state().runs().pinned()[0].scenario.clone();
    assert_eq!(harness.state().document().scenario(), &baseline);
    assert_eq!(
        harness.state().document().undo_label(),
        Some("switch to run \"baseline\"")
    );
}

#[test]
fn kept_runs_are_saved_beside_the_file_and_come_back_with_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("mesa.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::B);
    let mandate = with_mandate(&harness);
    edit(&mut harness, mandate);
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut harness);
    let beside = folder.path().join("mesa.runs.ron");
    let text = std::fs::read_to_string(&beside).unwrap();
    assert!(text.contains("name: \"baseline\""), "{text}");
    // Opened again, the baseline is there, compared, with the same run.
    let mut again = common::gui::harness_with(EntenteApp::with_file(&path));
    settle(&mut again);
    let runs = again.state().state().runs();
    assert_eq!(runs.pinned().len(), 1);
    assert_eq!(runs.compared().unwrap().name, "baseline");
    let kept = &harness.state().state().runs().pinned()[0];
    assert_eq!(runs.pinned()[0].scenario, kept.scenario);
    assert_eq!(
        *runs.pinned()[0].simulation.state(40).unwrap(),
        *kept.simulation.state(40).unwrap()
    );
    // The command line compares a kept run with the file: FILE.ron#RUN.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("compare")
        .arg(format!("{}#baseline", path.display()))
        .arg(&path)
        .args(["--subject", "mesa"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Mesa at tick 80"), "{text}");
    assert!(text.contains("#baseline: Event at tick 12"), "{text}");
}

/// Frames until the seeds under way are done (they run on their own threads).
fn wait_for_seeds(harness: &mut Harness<'_, EntenteApp>) {
    for _ in 0..6000 {
        if harness.state().state().seeds().progress().is_none() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    panic!("the seeds never finished");
}

#[test]
fn a_hundred_seeds_give_bands_on_the_plot_and_how_often_each_goal_is_met() {
    let dialogs = ScriptedDialogs::default();
    let scenario =
        entente::io::load_str(entente::io::library::example("libya-2011").unwrap().text).unwrap();
    let app = EntenteApp::new(
        entente::app::Document::unchanged(scenario),
        common::gui::config(&dialogs, None),
    );
    let mut harness = common::gui::harness_with(app);
    harness.state_mut().push(Intent::ClosePrompt);
    settle(&mut harness);
    harness.state_mut().push(Intent::Run(Command::RunSeeds));
    harness.run_steps(2);
    wait_for_seeds(&mut harness);
    let revision = harness.state().document().revision();
    let done = harness.state().state().seeds().current(revision).unwrap();
    assert_eq!(done.ensemble.seeds.len(), 100);
    assert!(
        done.random_events_added,
        "Libya has them off; the seeds turn them on"
    );
    harness.get_by_label("100 seeds");
    // Each goal says in how many seeds it is met, as the ensemble counted.
    let met = done.ensemble.goals_met.clone();
    for count in met {
        assert!(
            harness
                .query_all_by_label_contains(&format!("met in {count} of 100 seeds"))
                .count()
                >= 1
        );
    }
    // The same as the command line's ensemble of the same scenario and seeds.
    let mut scenario = harness.state().document().scenario().clone();
    scenario.settings.random_events = true;
    let control = entente::sim::ensemble::Control::default();
    let again = entente::sim::ensemble::run(&scenario, 100, &control)
        .unwrap()
        .unwrap();
    assert!(*done.ensemble == again);
    // An edit makes them out of date: no bands, and a word saying so.
    harness.state_mut().push(Intent::Run(Command::AddNation));
    settle(&mut harness);
    assert!(harness.query_by_label("100 seeds").is_none());
    harness.get_by_label("seeds out of date");
    // Cancelled, they leave nothing.
    harness.state_mut().push(Intent::Run(Command::RunSeeds));
    harness
        .state_mut()
        .push(Intent::Runs(RunsChange::CancelSeeds));
    harness.run_steps(2);
    assert!(harness.state().state().seeds().progress().is_none());
}
