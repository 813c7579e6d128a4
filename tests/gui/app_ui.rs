//! The first window, driven headless through its accessibility tree (egui_kittest).

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::EntenteApp;

fn harness(app: EntenteApp) -> Harness<'static, EntenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| app)
}

#[test]
fn shows_the_default_scenario_title_and_plays_it_live() {
    let mut harness = harness(EntenteApp::with_default_scenario());
    harness.step();
    harness.get_by_label("Mesa Crisis");
    assert!(harness.state().is_playing());
    // One second of frames at 4 ticks per second.
    harness.run_steps(61);
    let tick = harness.state().tick();
    assert!((3..=5).contains(&tick), "tick {tick}");
    harness.get_by_label_contains(&format!("Tick {tick} of 80"));
}

#[test]
fn pause_step_and_restart_do_what_they_say() {
    let mut harness = harness(EntenteApp::with_default_scenario());
    harness.step();
    harness.get_by_label("Pause").click();
    harness.run_steps(2);
    assert!(!harness.state().is_playing());
    let paused_at = harness.state().tick();
    harness.run_steps(60);
    assert_eq!(
        harness.state().tick(),
        paused_at,
        "paused playback stands still"
    );

    harness.get_by_label("Step").click();
    harness.run_steps(2);
    assert_eq!(harness.state().tick(), paused_at + 1);

    harness.get_by_label("Restart").click();
    harness.run_steps(2);
    assert_eq!(harness.state().tick(), 0);
    harness.get_by_label_contains("Tick 0 of 80");

    harness.get_by_label("Play").click();
    harness.run_steps(40);
    assert!(harness.state().tick() > 0);
}

#[test]
fn space_toggles_playback() {
    let mut harness = harness(EntenteApp::with_default_scenario());
    harness.step();
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert!(!harness.state().is_playing());
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert!(harness.state().is_playing());
}

#[test]
fn a_broken_file_shows_its_located_problems_instead_of_crashing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.ron");
    let text = include_str!("../../assets/scenarios/blank.ron")
        .replace("region: \"south\")", "region: \"south\", stability: 7.0)");
    std::fs::write(&path, text).unwrap();
    let mut harness = harness(EntenteApp::with_file(&path));
    harness.step();
    harness.get_by_label_contains("Could not open");
    harness.get_by_label_contains("broken.ron:26:65: error: stability of Nation C (\"C\") is 7");
    assert!(harness.state().load_errors().is_some());
    harness.run_steps(10);
    assert_eq!(harness.state().tick(), 0);
}

#[test]
fn the_status_bar_says_quietly_that_a_world_at_rest_is_stable() {
    let mut harness = harness(EntenteApp::with_default_scenario());
    harness.step();
    harness.get_by_label_contains("stable at rest: disturbances fade (slowest half-life");
    assert!(harness.state().document().stability().unwrap().stable);
}

#[test]
fn the_status_bar_warns_of_a_runaway_and_names_its_nations() {
    let scenario = entente::io::load_str(common::RUNAWAY_DUEL).unwrap();
    let mut harness = harness(EntenteApp::with_scenario(&scenario));
    harness.step();
    harness.get_by_label_contains("UNSTABLE: the arms race of Atlantis and Borduria grows");
    assert!(!harness.state().document().stability().unwrap().stable);
}

#[test]
fn an_edit_of_the_world_asks_for_its_stability_to_be_checked_again() {
    let mut harness = harness(EntenteApp::with_default_scenario());
    harness.step();
    harness.get_by_label("Pause").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Nation Hegemon (").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "domestic stability")
        .set_value_accesskit(0.5);
    harness.run_steps(2);
    assert!(harness.state().document().stability_out_of_date());
    assert!(
        harness
            .query_by_label_contains("stable at rest: disturbances fade")
            .is_none()
    );
    harness.get_by_label("Check stability").click();
    harness.run_steps(2);
    assert!(!harness.state().document().stability_out_of_date());
    harness.get_by_label_contains("stable at rest: disturbances fade");
}
