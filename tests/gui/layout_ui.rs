//! The window on a small screen and at large text (a lab laptop, a projector): every toolbar
//! action stays on screen, the plot's buttons stay clear of the Why panel, the plot's legend
//! sits above it, the canvas's legend folds away where it would cover the network, the exercise
//! editor fits, and panels come back at the size they were dragged to.

use crate::common;

use common::gui::{ScriptedDialogs, config, mesa};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{Document, EntenteApp};
use entente::editor::prefs::Prefs;

const TOOLS: [&str; 11] = [
    "New",
    "Open",
    "Save",
    "Undo",
    "Redo",
    "Play",
    "Step",
    "Restart",
    "Add nation",
    "Fit",
    "Auto-layout",
];

/// The app on Mesa Crisis in a window of `size`, at `text_scale`.
fn window(size: egui::Vec2, text_scale: f32) -> Harness<'static, EntenteApp> {
    let dialogs = ScriptedDialogs::default();
    let prefs = Prefs {
        text_scale,
        ..Prefs::default()
    };
    let app =
        EntenteApp::new(Document::unchanged(mesa()), config(&dialogs, None)).with_prefs(prefs);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| app);
    harness.run_steps(6);
    harness
}

/// Every toolbar action is a button wholly inside the window.
fn assert_tools_reachable(harness: &Harness<'_, EntenteApp>, size: egui::Vec2, case: &str) {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for tool in TOOLS {
        let buttons: Vec<egui::Rect> = harness
            .query_all_by_label(tool)
            .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
            .map(|node| node.rect())
            .collect();
        assert!(
            buttons.iter().any(|rect| window.contains_rect(*rect)),
            "{case}: {tool} is off screen: {buttons:?}"
        );
    }
}

#[test]
fn a_small_screen_keeps_every_action_reachable_and_nothing_overlapping() {
    let size = egui::vec2(1024.0, 700.0);
    let harness = window(size, 1.0);
    assert_tools_reachable(&harness, size, "1024×700");
    // The plot's buttons stay clear of the Why panel beside them.
    let why = harness.get_by_label("Why?").rect();
    for button in ["Show", "Export"] {
        let rect = harness.get_by_label(button).rect();
        assert!(
            rect.right() <= why.left(),
            "{button} {rect:?} under Why? {why:?}"
        );
    }
    // The canvas is short here: the legend is folded away, a button shows it.
    harness.get_by_label("Show legend");
    // The plot leaves the network room to read (it took 190 px when the plot was fixed).
    let canvas = harness.get_by_label("Network canvas").rect();
    assert!(canvas.height() >= 220.0, "canvas {canvas:?}");
    assert_legend_above_plot(&harness, "1024×700");
    // A long message in the status bar is cut short before the scenario's facts on the right.
    let mut harness = harness;
    harness.state_mut().push(entente::app::Intent::Run(
        entente::app::Command::KeepBaseline,
    ));
    harness.run_steps(3);
    let message = harness.get_by_label_contains("Kept the current run").rect();
    let facts = harness
        .get_by_label_contains("7 nations · 14 relations")
        .rect();
    assert!(
        message.right() <= facts.left(),
        "{message:?} runs under {facts:?}"
    );
}

/// The plot's legend sits above the plot, not over it.
fn assert_legend_above_plot(harness: &Harness<'_, EntenteApp>, case: &str) {
    let plot = harness.get_by_label("Plot").rect();
    for region in ["West", "Mesa", "East"] {
        let entry = harness
            .query_all_by_label(region)
            .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
            .unwrap_or_else(|| panic!("{case}: no legend entry for {region}"))
            .rect();
        assert!(
            entry.bottom() <= plot.top() && entry.left() >= plot.left() - 40.0,
            "{case}: {region}'s legend entry {entry:?} over the plot {plot:?}"
        );
    }
}

#[test]
fn the_exercise_editor_fits_a_small_screen() {
    let size = egui::vec2(1024.0, 700.0);
    let mut harness = window(size, 1.0);
    harness.state_mut().push(entente::app::Intent::Run(
        entente::app::Command::EditExercise,
    ));
    harness.run_steps(4);
    let editor = harness.get_by_label("Exercise editor").rect();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for tab in ["Briefing and debrief", "Roles", "Goals", "Locks and budget"] {
        let rect = harness.get_by_label(tab).rect();
        assert!(screen.contains_rect(rect), "{tab} {rect:?} off screen");
    }
    assert!(editor.top() >= 0.0 && editor.left() >= 0.0, "{editor:?}");
}

#[test]
fn resized_panels_come_back_at_their_size_next_time() {
    let size = egui::vec2(1400.0, 900.0);
    let mut harness = window(size, 1.0);
    let inspector = |harness: &Harness<'_, EntenteApp>| harness.get_by_label("Title").rect().left();
    let before = inspector(&harness);
    // The inspector's edge is where the canvas ends, past its margin: drag it 150 px wider.
    let canvas = harness.get_by_label("Network canvas").rect();
    let edge = egui::pos2(canvas.right() + 8.0, canvas.center().y);
    common::gui::drag(&mut harness, edge, edge - egui::vec2(150.0, 0.0));
    let resized = inspector(&harness);
    assert!(
        (before - resized - 150.0).abs() < 12.0,
        "{before} → {resized}"
    );
    // What eframe stores between sessions is egui's memory; a new window starts from it.
    let memory = harness.ctx.memory(|m| ron::to_string(m).unwrap());
    let dialogs = ScriptedDialogs::default();
    let app = EntenteApp::new(Document::unchanged(mesa()), config(&dialogs, None));
    let mut next = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            cc.egui_ctx
                .memory_mut(|m| *m = ron::from_str(&memory).unwrap());
            app
        });
    next.run_steps(6);
    let restored = inspector(&next);
    assert!((restored - resized).abs() < 2.0, "{resized} → {restored}");
}

#[test]
fn large_text_on_a_projector_keeps_every_action_reachable() {
    let size = egui::vec2(1400.0, 900.0);
    let harness = window(size, 1.5);
    let case = "1400×900 at 1.5× text";
    assert_tools_reachable(&harness, size, case);
    assert_legend_above_plot(&harness, case);
    // No panel takes more than its share: the network keeps a readable height.
    let canvas = harness.get_by_label("Network canvas").rect();
    assert!(canvas.height() >= 140.0, "{case}: canvas {canvas:?}");
    let plot = harness.get_by_label("Plot").rect();
    assert!(plot.height() >= 70.0, "{case}: plot {plot:?}");
}

#[test]
fn the_legend_can_be_shown_and_hidden() {
    let size = egui::vec2(1600.0, 1000.0);
    let mut harness = window(size, 1.0);
    harness.get_by_label("Hide legend").click();
    harness.run_steps(2);
    harness.get_by_label("Show legend").click();
    harness.run_steps(2);
    harness.get_by_label("Hide legend");
}
