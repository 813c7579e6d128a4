//! The window's parts: menus and toolbar, canvas, inspector, plot, status bar and prompts.

mod action_form;
pub mod canvas;
mod canvas_focus;
mod exercise;
mod fields;
mod inspector;
mod menu;
pub mod plot;
mod prompts;
mod status;
pub mod timeline;
pub mod why;

use super::EntenteApp;

pub use crate::model::describe::{name_or_id, nation as nation_name};

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
        .show(ui, |ui| {
            exercise::exercise_panel_ui(app, ui);
            inspector::inspector_ui(app, ui);
        });
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
    let (r, g, b) = crate::io::chart::colour(k);
    egui::Color32::from_rgb(r, g, b)
}
