//! The window's parts: menus and toolbar, canvas, inspector, plot, status bar and prompts.
//!
//! Every function here reads the app through `&AppState`, may change only its own view's state
//! (pan and zoom, the plot's view, the new-event form being filled in) and asks for everything
//! else by pushing an [`Intent`]. `tests/files/architecture.rs` holds this folder to that.

mod action_form;
pub mod canvas;
mod exercise;
pub mod exercise_editor;
mod exercise_goals;
mod fields;
pub mod file_dialog;
mod inspector;
mod menu;
pub mod new_event;
pub mod plot;
mod plot_legend;
mod plot_runs;
mod prompts;
mod status;
pub mod theme;
pub mod timeline;
pub mod why;

use super::command::Intent;
use super::state::AppState;

pub use crate::model::describe::nation as nation_name;
pub use theme::palette;

/// The views' own state: how each part of the window is looked at, not what it shows.
#[derive(Debug, Default)]
pub struct Views {
    /// Pan, zoom, gestures and focus of the network canvas.
    pub canvas: canvas::CanvasView,
    /// The timeline's drag and new-event form.
    pub timeline: timeline::TimelineView,
    /// The plot's chosen view and cached series.
    pub plot: plot::PlotState,
    /// The Why panel's subject and interval.
    pub why: why::WhyState,
    /// The exercise editor's window and tab.
    pub exercise_editor: exercise_editor::ExerciseEditorView,
    /// The app's own file dialog, while it is open.
    pub file_dialog: Option<file_dialog::InAppFileDialog>,
}

/// Draws the whole window for one frame.
pub fn window_ui(ui: &mut egui::Ui, app: &AppState, views: &mut Views, intents: &mut Vec<Intent>) {
    egui::Panel::top("menu").show(ui, |ui| {
        menu::menu_bar_ui(ui, app, intents);
        menu::toolbar_ui(ui, app, intents);
    });
    egui::Panel::bottom("status").show(ui, |ui| status::status_bar_ui(ui, app, intents));
    egui::Panel::bottom("timeline")
        .resizable(false)
        .show(ui, |ui| {
            timeline::timeline_ui(ui, app, &mut views.timeline, intents)
        });
    // No panel may take more than its share of a small or zoomed window: sizes are remembered
    // in points, and at large text a remembered size would leave the canvas a sliver.
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(360.0)
        .max_size((ui.available_width() * 0.4).max(200.0))
        .show(ui, |ui| {
            exercise::exercise_panel_ui(ui, app, intents);
            inspector::inspector_ui(ui, app, intents);
        });
    // On a short screen the plot takes less of the height, so the network stays readable; a
    // size the user drags is kept (and remembered between sessions with egui's memory).
    let plot_height = (ui.available_height() * 0.35).clamp(150.0, 240.0);
    egui::Panel::bottom("plots")
        .resizable(true)
        .default_size(plot_height)
        .max_size((ui.available_height() * 0.5).max(120.0))
        .show(ui, |ui| {
            // On a small screen the Why panel leaves the plot room for its axis and buttons.
            let why_width = (ui.available_width() * 0.42).clamp(240.0, 440.0);
            egui::Panel::right("why")
                .resizable(true)
                .default_size(why_width)
                .max_size((ui.available_width() * 0.5).max(200.0))
                .show(ui, |ui| why::why_ui(ui, app, &mut views.why, intents));
            plot::plot_ui(ui, app, &mut views.plot, intents);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        canvas::canvas_ui(ui, app, &mut views.canvas, intents)
    });
    new_event::draft_window_ui(ui.ctx(), app, &mut views.timeline, intents);
    exercise_editor::exercise_editor_ui(ui.ctx(), app, &mut views.exercise_editor, intents);
    prompts::prompts_ui(ui.ctx(), app, intents);
    file_dialog::file_dialog_ui(ui.ctx(), &mut views.file_dialog, intents);
}
