//! The window on a small screen and at large text (a lab laptop, a projector): every toolbar
//! action stays on screen, the plot's buttons stay clear of the Why panel, and the canvas's
//! legend folds away where it would cover the network.

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
    for button in ["Export CSV…", "Export PNG…"] {
        let rect = harness.get_by_label(button).rect();
        assert!(
            rect.right() <= why.left(),
            "{button} {rect:?} under Why? {why:?}"
        );
    }
    // The canvas is short here: the legend is folded away, a button shows it.
    harness.get_by_label("Show legend");
}

#[test]
fn large_text_on_a_projector_keeps_every_action_reachable() {
    let size = egui::vec2(1400.0, 900.0);
    let harness = window(size, 1.5);
    assert_tools_reachable(&harness, size, "1400×900 at 1.5× text");
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
