//! The app on large scenarios, headless: the canvas's level of detail and the background work that
//! keeps frames coming when ticks are slow.

use crate::common;

use std::time::{Duration, Instant};

use common::gui::{ScriptedDialogs, config, harness_with, mesa, press, tab_to};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{Document, EntenteApp};
use entente::model::generate::{Size, generate};

fn relation_handles(harness: &Harness<'_, EntenteApp>) -> usize {
    // A handle's label ends with the relation at the start ("… (+0.40 at the start)").
    harness.query_all_by_label_contains("at the start)").count()
}

#[test]
fn a_large_network_is_drawn_without_edge_handles_until_zoomed_in() {
    let size = Size {
        nations: 120,
        relations: 1700,
        alliances: 4,
        treaties: 4,
        events: 4,
        horizon: 4,
    };
    let scenario = generate(size, 7);
    assert!(
        scenario.relations.len() > 1500,
        "{}",
        scenario.relations.len()
    );
    let dialogs = ScriptedDialogs::default();
    let app = EntenteApp::new(Document::unchanged(scenario), config(&dialogs, None));
    let mut harness = harness_with(app);
    // A large world hides its weak ties (|R| < 0.3): under 1,500 are drawn, with handles.
    let shown = relation_handles(&harness);
    assert!((500..1500).contains(&shown), "{shown} handles");
    // Every tie drawn: fitted, every edge is on screen, too many for handles; the nodes are all
    // there.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "Weak ties below")
        .set_value_accesskit(0.0);
    harness.run_steps(3);
    assert_eq!(relation_handles(&harness), 0);
    assert_eq!(
        harness.query_all_by_label_contains("): stability").count(),
        120
    );
    // Zoomed in about the centre, fewer edges cross the view and they get their handles back.
    tab_to(&mut harness, "Network canvas");
    for _ in 0..12 {
        press(&mut harness, Modifiers::NONE, Key::Plus);
    }
    let handles = relation_handles(&harness);
    assert!((1..=1500).contains(&handles), "{handles} handles");
}

#[test]
fn a_slow_scenario_computes_and_explains_in_the_background() {
    let dialogs = ScriptedDialogs::default();
    let mut settings = config(&dialogs, None);
    // Every tick counts as slow: the run and the why panel's explanations move to threads.
    settings.slow_tick = Duration::ZERO;
    let app = EntenteApp::new(Document::unchanged(mesa()), settings);
    let mut harness = harness_with(app);
    assert!(harness.state().document().is_slow());
    // Frames keep coming while the ticks arrive from the background.
    let finished = frames_until(&mut harness, |harness| {
        harness.state().document().progress().0 >= 80
    });
    assert!(finished, "the run never finished");
    // The panel says it is working, then shows the change of the tick at the cursor.
    for _ in 0..14 {
        harness.get_by_label("Step").click();
        harness.run_steps(1);
    }
    let explained = frames_until(&mut harness, |harness| {
        harness
            .query_by_label_contains(": from ")
            .is_some_and(|node| format!("{node:?}").contains("tick 13 to 14"))
    });
    assert!(
        explained,
        "the why panel never explained: cursor {}, working {}, text {:?}",
        harness.state().cursor(),
        harness.query_by_label_contains("Working out").is_some(),
        harness
            .query_all_by_label_contains(": from ")
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
    );
    let document = harness.state().document();
    assert_eq!(document.progress(), (80, 80));
    assert!(document.is_slow());
    let mut fresh = entente::sim::Simulation::new(document.scenario()).unwrap();
    fresh.run_to(80);
    assert_eq!(
        document.simulation().unwrap().collect_states(),
        fresh.collect_states()
    );
}

/// Runs frames, a millisecond apart, until `done` holds; false if it never does within
/// [`HANG`]. The bound catches a background thread that never delivers; it is no speed
/// assertion: the work itself takes milliseconds, however loaded the machine.
fn frames_until(
    harness: &mut Harness<'_, EntenteApp>,
    done: impl Fn(&Harness<'_, EntenteApp>) -> bool,
) -> bool {
    let started = Instant::now();
    while started.elapsed() < HANG {
        harness.step();
        if done(harness) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

/// How long background work may take before the test calls it a hang.
const HANG: Duration = Duration::from_secs(120);
