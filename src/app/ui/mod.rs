//! The window's parts: menus and toolbar, canvas, inspector, plot, status bar and prompts.

mod action_form;
pub mod canvas;
mod fields;
mod inspector;
mod menu;
pub mod plot;
mod prompts;
mod status;
pub mod timeline;
pub mod why;

use super::EntenteApp;
use crate::model::{NationId, Scenario, Text};

/// What to call an object on screen: its name, or its id when it has none.
pub fn name_or_id(name: &Text, id: &str) -> String {
    if name.0.is_empty() {
        id.to_owned()
    } else {
        name.0.clone()
    }
}

/// A nation's on-screen name, looked up by id (the id itself if it is unknown).
pub fn nation_name(scenario: &Scenario, id: &NationId) -> String {
    scenario
        .nations
        .iter()
        .find(|n| &n.id == id)
        .map_or_else(|| id.to_string(), |n| name_or_id(&n.name, id.as_str()))
}

/// Draws the whole window for one frame.
pub fn window_ui(app: &mut EntenteApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        menu::menu_bar_ui(app, ui);
        menu::toolbar_ui(app, ui);
    });
    egui::Panel::bottom("status").show(ui, |ui| status::status_bar_ui(app, ui));
    egui::Panel::bottom("timeline")
        .resizable(false)
        .show(ui, |ui| timeline::timeline_ui(app, ui));
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(360.0)
        .show(ui, |ui| inspector::inspector_ui(app, ui));
    egui::Panel::bottom("plots")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            egui::Panel::right("why")
                .resizable(true)
                .default_size(440.0)
                .show(ui, |ui| why::why_ui(app, ui));
            plot::plot_ui(app, ui);
        });
    egui::CentralPanel::default().show(ui, |ui| canvas::canvas_ui(app, ui));
    timeline::draft_window_ui(app, ui.ctx());
    prompts::prompts_ui(app, ui.ctx());
}

/// A colour for the k-th region or alliance, distinct for the first dozen.
pub fn palette(k: usize) -> egui::Color32 {
    const COLOURS: [(u8, u8, u8); 12] = [
        (86, 140, 209),
        (222, 143, 61),
        (94, 173, 99),
        (178, 102, 190),
        (205, 92, 92),
        (73, 170, 170),
        (199, 176, 64),
        (140, 120, 95),
        (232, 120, 170),
        (120, 130, 145),
        (150, 190, 60),
        (90, 100, 200),
    ];
    let (r, g, b) = COLOURS[k % COLOURS.len()];
    egui::Color32::from_rgb(r, g, b)
}
