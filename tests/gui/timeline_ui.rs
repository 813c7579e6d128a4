//! The timeline, playback, plots and the why panel driven headless (egui_kittest): placing an
//! intervention from the palette, moving an event, seeking, stepping and scrubbing, the why
//! panel's causes, undo restoring the series exactly, and CSV export of the plotted data.

use crate::common;

use common::gui::{
    ScriptedDialogs, click_at, drag, harness, mesa, press, settle, timeline_point, undo,
};
use egui::{Key, Modifiers, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{EntenteApp, Item};
use entente::editor::series::Series;
use entente::model::Action;
use entente::sim::Simulation;

/// The plotted series of a fresh run of the document's scenario (regions view).
fn fresh_series(harness: &Harness<'_, EntenteApp>) -> Vec<Option<f64>> {
    let mut run = Simulation::new(harness.state().document().scenario()).unwrap();
    run.run_to(run.world().horizon);
    run.collect_states()
        .iter()
        .map(|s| Some(s.region_stability[1]))
        .collect()
}

fn mesa_series(series: &[Series]) -> Vec<Option<f64>> {
    series
        .iter()
        .find(|s| s.name == "Mesa")
        .unwrap()
        .values
        .clone()
}

#[test]
fn an_intervention_dragged_from_the_palette_changes_the_plotted_series() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    let before = harness.state().plotted_series();

    let from = harness.get_by_label("Intervention").rect().center();
    let to = timeline_point(&harness, 20, 0);
    drag(&mut harness, from, to);
    let draft = harness.state().new_event_draft().expect("the form opens");
    assert_eq!(draft.tick, 20);
    assert!(matches!(draft.action, Action::Intervention(_)));
    // Every field of an intervention is in the form.
    for field in [
        "Interveners",
        "Target",
        "Legal basis",
        "post-conflict planning",
        "local engagement",
        "troops",
        "Duration",
        "Drawdown",
        "Supports",
        "The host government consents",
    ] {
        assert!(
            harness.query_all_by_label_contains(field).next().is_some(),
            "{field} missing"
        );
    }
    harness.get_by_label("Add to timeline").click();
    harness.run_steps(2);
    assert!(harness.state().new_event_draft().is_none());
    let events = &harness.state().document().scenario().events;
    assert_eq!(events.len(), mesa().events.len() + 1);
    // The new event is selected, so the inspector edits it.
    let Some(Item::Event(handle)) = harness.state().selection().only() else {
        panic!("the new event is not selected");
    };
    let selected = events.iter().find(|e| e.handle == *handle).unwrap();
    assert_eq!(selected.tick, 20);

    settle(&mut harness);
    let after = harness.state().plotted_series();
    assert_ne!(after, before, "the plot follows the new intervention");
    // One undo takes it away and gives back exactly the series before.
    undo(&mut harness);
    settle(&mut harness);
    assert_eq!(harness.state().plotted_series(), before);
}

#[test]
fn dragging_an_event_moves_it_and_the_results_follow_and_undo_restores_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    let before = harness.state().plotted_series();
    let label = "Event at tick 12 (2006 Q1): regime change in Target State by Hegemon";
    let start = harness.get_by_label_contains(label).rect().left_center() + egui::vec2(6.0, 0.0);
    let to = pos2(timeline_point(&harness, 24, 0).x, start.y);
    drag(&mut harness, start, to);

    let moved = harness
        .state()
        .document()
        .scenario()
        .events
        .iter()
        .find(|e| matches!(e.action, Action::Intervention(_)))
        .unwrap()
        .tick;
    assert_eq!(moved, 24);
    settle(&mut harness);
    let after = harness.state().plotted_series();
    assert_ne!(mesa_series(&after), mesa_series(&before));
    // The plot is the run of the edited scenario: the same as computing it afresh.
    assert_eq!(mesa_series(&after), fresh_series(&harness));
    // Before the old tick nothing changed; the rise now starts later.
    assert_eq!(mesa_series(&after)[..=12], mesa_series(&before)[..=12]);

    // The whole drag is one undo step, and undo restores the series exactly.
    undo(&mut harness);
    settle(&mut harness);
    assert_eq!(harness.state().plotted_series(), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn seek_step_and_scrub_move_the_cursor() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    // Click the ruler: seek.
    let at_30 = timeline_point(&harness, 30, 0);
    let ruler_y = harness
        .get_by_label("Timeline cursor (tick)")
        .rect()
        .center()
        .y;
    click_at(&mut harness, pos2(at_30.x, ruler_y));
    assert_eq!(harness.state().cursor(), 30);
    assert!(
        harness
            .query_by_label_contains("Tick 30 of 80 · 2010 Q3")
            .is_some()
    );
    // Step forward and back.
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(harness.state().cursor(), 31);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(harness.state().cursor(), 29);
    // Scrub: drag along the ruler; the cursor follows the pointer.
    let from = pos2(timeline_point(&harness, 10, 0).x, ruler_y);
    let to = pos2(timeline_point(&harness, 50, 0).x, ruler_y);
    drag(&mut harness, from, to);
    assert_eq!(harness.state().cursor(), 50);
    // The canvas shows the state at the cursor: Target State's stability at tick 50.
    let run = harness.state().document().simulation().unwrap();
    let t = run.world().nation("T").unwrap();
    let expected = format!(
        "Nation Target State (T): stability {:.2}",
        run.collect_states()[50].nations[t.ix()].stability
    );
    assert!(harness.query_by_label(&expected).is_some(), "{expected}");
    // Home and End jump.
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(harness.state().cursor(), 80);
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(harness.state().cursor(), 0);
}

#[test]
fn the_why_panel_names_the_intervention_and_its_missing_planning() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    // Mesa, since the tick before the invasion, with the cursor late in the run.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, "Mesa")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection().only(),
        Some(&Item::Region("mesa".into()))
    );
    harness.get_by_label("since tick").click();
    harness.run_steps(2);
    let from = pos2(
        timeline_point(&harness, 60, 0).x,
        harness
            .get_by_label("Timeline cursor (tick)")
            .rect()
            .center()
            .y,
    );
    click_at(&mut harness, from);
    assert_eq!(harness.state().cursor(), 60);
    harness.get_by_label_contains("Mesa: from").hover();
    // The first cause listed (largest first) is the regime change, with its missing
    // post-conflict planning.
    let cause = harness
        .query_all_by_label_contains("because of ")
        .next()
        .expect("causes are listed");
    let text = format!("{cause:?}");
    assert!(
        text.contains("because of regime change in Target State by Hegemon"),
        "{text}"
    );
    assert!(text.contains("no post-conflict planning"), "{text}");
    // Clicking the cause selects the intervention's event.
    cause.click();
    harness.run_steps(2);
    let regime_change = harness.state().document().scenario().events[2].handle;
    assert_eq!(
        harness.state().selection().only(),
        Some(&Item::Event(regime_change))
    );
}

#[test]
fn csv_export_writes_the_plotted_data() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plot.csv");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    dialogs.answer(Some(&path));
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Export CSV…").click();
    harness.run_steps(2);
    let text = std::fs::read_to_string(&path).unwrap();
    let series = harness.state().plotted_series();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "tick,date,West,Mesa,East");
    assert_eq!(rows.len(), 82);
    for (tick, row) in rows[1..].iter().enumerate() {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[0], tick.to_string());
        for (k, line) in series.iter().enumerate() {
            let value: f64 = cells[2 + k].parse().unwrap();
            assert!((value - line.values[tick].unwrap()).abs() < 1e-6);
        }
    }
}

/// The acceptance walk-through of the timeline: on Mesa Crisis without its scripted invasion,
/// drag a regime change of the Target State from the palette onto tick 12; Mesa first does
/// better than without it, then worse, and the why panel names the intervention and its
/// missing post-conflict planning.
#[test]
fn a_regime_change_from_the_palette_lifts_then_sinks_mesa_and_the_why_panel_says_why() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    harness
        .get_by_label_contains("regime change in Target State by Hegemon")
        .click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    settle(&mut harness);
    let without = mesa_series(&harness.state().plotted_series());

    // Hegemon, then Target State: the form proposes the first intervening in the second.
    harness.get_by_label_contains("Nation Hegemon (").click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("Nation Target State (")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(2);
    let from = harness.get_by_label("Intervention").rect().center();
    let to = timeline_point(&harness, 12, 0);
    drag(&mut harness, from, to);
    let Some(Action::Intervention(draft)) = harness.state().new_event_draft().map(|d| &d.action)
    else {
        panic!("no intervention form");
    };
    assert_eq!(draft.interveners, vec!["H".into()]);
    assert_eq!(draft.target, "T".into());
    assert_eq!(draft.post_conflict_planning, 0.0);
    harness.get_by_label("Add to timeline").click();
    settle(&mut harness);
    let with = mesa_series(&harness.state().plotted_series());
    let lift = (13..=24).any(|t| with[t] > without[t]);
    assert!(lift, "Mesa never does better than without the intervention");
    assert!(
        with[40].unwrap() < without[40].unwrap() - 0.05,
        "no later fall"
    );

    // The why panel on Mesa (chosen in its own selector), from the start to tick 40.
    harness.get_by_label("Explain").click();
    harness.run_steps(2);
    let choice = harness
        .query_all_by_label("Mesa")
        .last()
        .unwrap()
        .rect()
        .center();
    click_at(&mut harness, choice);
    harness.get_by_label("since tick").click();
    harness.run_steps(2);
    let y = harness
        .get_by_label("Timeline cursor (tick)")
        .rect()
        .center()
        .y;
    let at = pos2(timeline_point(&harness, 40, 0).x, y);
    drag(&mut harness, at, at + egui::vec2(1.0, 0.0));
    assert_eq!(harness.state().cursor(), 40);
    harness.get_by_label_contains("Mesa: from");
    let first = harness
        .query_all_by_label_contains("because of ")
        .next()
        .map(|node| format!("{node:?}"))
        .unwrap_or_default();
    assert!(
        first.contains("regime change in Target State by Hegemon"),
        "{first}"
    );
    assert!(first.contains("no post-conflict planning"), "{first}");
}

#[test]
fn clicking_a_palette_entry_opens_its_form_at_the_cursor() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    for _ in 0..5 {
        press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    }
    assert_eq!(harness.state().cursor(), 5);
    harness.get_by_label("Treaty").click();
    harness.run_steps(2);
    let draft = harness.state().new_event_draft().expect("the form opens");
    assert_eq!(draft.tick, 5);
    assert!(matches!(draft.action, Action::SignTreaty(_)));
    harness.get_by_label("Add to timeline").click();
    harness.run_steps(2);
    let events = &harness.state().document().scenario().events;
    assert!(
        events
            .iter()
            .any(|e| e.tick == 5 && matches!(e.action, Action::SignTreaty(_)))
    );
}

#[test]
fn the_why_panel_names_a_treaty_running_out_as_the_cause_of_what_follows() {
    why_panel_names_the_treaty_running_out(false, "treaty confidence-building measures treaty-0");
}

#[test]
fn the_why_panel_names_a_treaty_without_a_name_by_its_id() {
    // A hand-written file may leave names out: the cause reads with the treaty's id, not a blank.
    why_panel_names_the_treaty_running_out(true, "treaty treaty-0 (confidence-building measures)");
}

/// A generated world of five nations whose confidence-building treaty ends at tick 39 (every name
/// cleared when `nameless`): at the end of the run the region's change is traced to that treaty
/// running out, in words that contain `treaty`.
fn why_panel_names_the_treaty_running_out(nameless: bool, treaty: &str) {
    let mut scenario = entente::model::generate::generate(
        entente::model::generate::Size {
            nations: 5,
            relations: 25,
            alliances: 1,
            treaties: 2,
            events: 0,
            horizon: 60,
        },
        7449,
    );
    scenario.horizon = 60;
    if nameless {
        for nation in &mut scenario.nations {
            nation.name = "".into();
        }
        for alliance in &mut scenario.alliances {
            alliance.name = "".into();
        }
        for entry in &mut scenario.treaties {
            entry.name = "".into();
        }
    }
    let dialogs = ScriptedDialogs::default();
    let mut harness = common::gui::harness_with(EntenteApp::new(
        entente::editor::document::Document::unchanged(scenario),
        common::gui::config(&dialogs, None),
    ));
    settle(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(harness.state().cursor(), 60);
    let named = harness
        .query_all_by_label_contains("because of ")
        .map(|node| format!("{node:?}"))
        .collect::<Vec<_>>();
    assert!(
        named
            .iter()
            .any(|text| text.contains(treaty) && text.contains("running out")),
        "{named:?}"
    );
    assert!(
        named.iter().all(|text| !text.contains("treaty  (")),
        "{named:?}"
    );
}

#[test]
fn png_export_draws_a_chart_with_axes_and_a_title() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plot.png");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    dialogs.answer(Some(&path));
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Export PNG…").click();
    harness.run_steps(2);
    // A figure for a handout or a slide, not a crop of the plot panel.
    let image = image::open(&path).unwrap().to_rgb8();
    assert_eq!((image.width(), image.height()), (1200, 700));
    // Drawn on white, with the series' colours in it.
    assert_eq!(image.get_pixel(2, 2).0, [255, 255, 255]);
    let coloured = image
        .pixels()
        .filter(|p| {
            let [r, g, b] = p.0;
            r.max(g).max(b) - r.min(g).min(b) > 60
        })
        .count();
    assert!(coloured > 2_000, "{coloured} coloured pixels");
    let status = harness.state().status().unwrap();
    assert!(
        status.text.starts_with("Wrote ") && !status.is_error,
        "{}",
        status.text
    );
}

#[test]
fn the_models_own_events_are_marked_on_the_timeline() {
    // Mesa Crisis: after the regime change the Mesa Defence Pact loses its members at tick 14,
    // which no event on the timeline schedules.
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    settle(&mut harness);
    let marks: Vec<String> = harness
        .query_all_by_label_contains("Model event at tick ")
        .map(|node| format!("{node:?}"))
        .collect();
    assert!(
        marks
            .iter()
            .any(|m| m.contains("Model event at tick 14 (2006 Q3)")),
        "{marks:#?}"
    );
}
