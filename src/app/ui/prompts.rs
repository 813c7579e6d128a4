//! Questions and notices over the window: unsaved changes, autosave recovery, load errors,
//! keyboard shortcuts, about.

use crate::app::command::{ALIASES, COMMANDS, spec};
use crate::app::{AfterSave, Document, EntenteApp, Prompt};

/// Shows the open prompt, if any, and the load-error panel.
pub fn prompts_ui(app: &mut EntenteApp, ctx: &egui::Context) {
    load_errors_ui(app, ctx);
    let Some(prompt) = app.prompt.clone() else {
        return;
    };
    match prompt {
        Prompt::Unsaved(then) => unsaved_ui(app, ctx, then),
        Prompt::Recover(scenario) => recover_ui(app, ctx, *scenario),
        Prompt::Briefing => super::exercise::briefing_ui(app, ctx),
        Prompt::Debrief => super::exercise::debrief_ui(app, ctx),
        Prompt::Shortcuts => notice_ui(app, ctx, "Keyboard shortcuts", |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for spec in COMMANDS {
                    if let Some(shortcut) = &spec.shortcut {
                        ui.label(ctx.format_shortcut(shortcut));
                        ui.label(spec.label);
                        ui.end_row();
                    }
                }
                for (shortcut, command) in ALIASES {
                    ui.label(ctx.format_shortcut(shortcut));
                    ui.label(spec(*command).label);
                    ui.end_row();
                }
                ui.label("Tab / Shift+Tab, Enter");
                ui.label("Move between nations, edges and controls; Enter selects");
                ui.end_row();
                ui.label("Arrows, + / − on the focused canvas");
                ui.label("Pan and zoom the view");
                ui.end_row();
                ui.label("Arrows on a focused nation");
                ui.label("Move it on the canvas (layout only)");
                ui.end_row();
                ui.label("Drag background / middle button");
                ui.label("Pan the canvas");
                ui.end_row();
                ui.label("Wheel");
                ui.label("Zoom the canvas");
                ui.end_row();
                ui.label("Shift + drag background");
                ui.label("Select nations in a box");
                ui.end_row();
                ui.label("Double-click a nation");
                ui.label("Rename it");
                ui.end_row();
            });
        }),
        Prompt::About => notice_ui(app, ctx, "About Entente", |ui| {
            ui.label(format!(
                "Entente {} — a sandbox for military diplomacy: alliances, treaties, \
                 interventions and regional stability.",
                env!("CARGO_PKG_VERSION")
            ));
            ui.label("MIT OR Apache-2.0");
        }),
    }
}

fn unsaved_ui(app: &mut EntenteApp, ctx: &egui::Context, then: AfterSave) {
    let mut answer: Option<Option<bool>> = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "\"{}\" has changes that are not saved. Save them first?",
            app.document.display_name()
        ));
        ui.horizontal(|ui| {
            if ui.button("Save changes").clicked() {
                answer = Some(Some(true));
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(Some(false));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if let Some(save_first) = answer {
        app.answer_unsaved(then, save_first);
    }
}

fn recover_ui(app: &mut EntenteApp, ctx: &egui::Context, scenario: crate::model::Scenario) {
    let mut recover: Option<bool> = None;
    egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "Entente did not close cleanly last time. An autosave of \"{}\" was found.",
            scenario.meta.title
        ));
        ui.horizontal(|ui| {
            if ui.button("Recover").clicked() {
                recover = Some(true);
            }
            if ui.button("Discard autosave").clicked() {
                recover = Some(false);
            }
        });
    });
    match recover {
        Some(true) => {
            app.prompt = None;
            let mut document = Document::new(scenario, None);
            document.forget_path();
            app.replace_document(document);
            app.playing = false;
            app.info("Recovered the autosave; save it to keep it");
        }
        Some(false) => {
            app.prompt = None;
            app.clear_autosave();
        }
        None => {}
    }
}

fn notice_ui(
    app: &mut EntenteApp,
    ctx: &egui::Context,
    title: &str,
    content: impl FnOnce(&mut egui::Ui),
) {
    let response = egui::Modal::new(egui::Id::unique(title)).show(ctx, |ui| {
        ui.heading(title);
        content(ui);
        ui.button("Close").clicked()
    });
    if response.inner || response.should_close() {
        app.prompt = None;
    }
}

fn load_errors_ui(app: &mut EntenteApp, ctx: &egui::Context) {
    let Some(errors) = &app.load_errors else {
        return;
    };
    let mut open = true;
    let mut close = false;
    egui::Window::new(format!("Could not open {}", errors.name))
        .id(egui::Id::unique("load-errors"))
        .open(&mut open)
        .default_width(640.0)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} problem(s); fix them in the file and open it again. \
                 Nothing else was changed.",
                errors.lines.len()
            ));
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for line in &errors.lines {
                        ui.monospace(line);
                    }
                });
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    if !open || close {
        app.load_errors = None;
    }
}
