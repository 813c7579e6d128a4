//! Questions and notices over the window: unsaved changes, autosave recovery, load errors,
//! keyboard shortcuts, about.

use crate::app::command::{ALIASES, COMMANDS, Intent, UnsavedAnswer, spec};
use crate::app::state::{AppState, Prompt};

/// Shows the open prompt, if any, and the load-error panel.
pub fn prompts_ui(ctx: &egui::Context, app: &AppState, intents: &mut Vec<Intent>) {
    load_errors_ui(ctx, app, intents);
    let Some(prompt) = &app.prompt else {
        return;
    };
    match prompt {
        Prompt::Unsaved(_) => unsaved_ui(ctx, app, intents),
        Prompt::Recover(scenario) => recover_ui(ctx, scenario, intents),
        Prompt::Replace { path, .. } => replace_ui(ctx, path, intents),
        Prompt::Briefing => super::exercise::briefing_ui(ctx, app, intents),
        Prompt::Debrief => super::exercise::debrief_ui(ctx, app, intents),
        Prompt::Shortcuts => notice_ui(ctx, "Keyboard shortcuts", intents, |ui| {
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
        Prompt::About => notice_ui(ctx, "About Entente", intents, |ui| {
            ui.label(format!(
                "Entente {} — a sandbox for military diplomacy: alliances, treaties, \
                 interventions and regional stability.",
                env!("CARGO_PKG_VERSION")
            ));
            ui.label("MIT OR Apache-2.0");
        }),
    }
}

fn unsaved_ui(ctx: &egui::Context, app: &AppState, intents: &mut Vec<Intent>) {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "\"{}\" has changes that are not saved. Save them first?",
            app.document.display_name()
        ));
        ui.horizontal(|ui| {
            if ui.button("Save changes").clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if let Some(answer) = answer {
        intents.push(Intent::AnswerUnsaved(answer));
    }
}

/// A question with two answers: true for the first button, false for the second, None while
/// the user has not answered.
fn yes_or_no_ui(
    ctx: &egui::Context,
    heading: &str,
    text: &str,
    yes: &str,
    no: &str,
) -> Option<bool> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique(heading)).show(ctx, |ui| {
        ui.heading(heading);
        ui.label(text);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                answer = Some(true);
            }
            if ui.button(no).clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}

fn recover_ui(ctx: &egui::Context, scenario: &crate::model::Scenario, intents: &mut Vec<Intent>) {
    let text = format!(
        "Entente did not close cleanly last time. An autosave of \"{}\" was found.",
        scenario.meta.title
    );
    let heading = "Recover unsaved work?";
    if let Some(recover) = yes_or_no_ui(ctx, heading, &text, "Recover", "Discard autosave") {
        intents.push(Intent::AnswerRecovery(recover));
    }
}

fn replace_ui(ctx: &egui::Context, path: &std::path::Path, intents: &mut Vec<Intent>) {
    let text = format!("{} is there already.", path.display());
    if let Some(replace) = yes_or_no_ui(ctx, "Replace the file?", &text, "Replace", "Keep it") {
        intents.push(Intent::AnswerReplace(replace));
    }
}

fn notice_ui(
    ctx: &egui::Context,
    title: &str,
    intents: &mut Vec<Intent>,
    content: impl FnOnce(&mut egui::Ui),
) {
    let response = egui::Modal::new(egui::Id::unique(title)).show(ctx, |ui| {
        ui.heading(title);
        content(ui);
        ui.button("Close").clicked()
    });
    if response.inner || response.should_close() {
        intents.push(Intent::ClosePrompt);
    }
}

fn load_errors_ui(ctx: &egui::Context, app: &AppState, intents: &mut Vec<Intent>) {
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
        intents.push(Intent::CloseLoadErrors);
    }
}
