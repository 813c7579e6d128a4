//! The status bar: the last message, the size of the scenario and whether it is saved.

use crate::app::command::{Command, Intent};
use crate::app::state::AppState;

/// Message on the left, scenario facts on the right.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let scenario = app.document.scenario();
            ui.label(if app.document.is_dirty() {
                "Unsaved changes"
            } else {
                "Saved"
            });
            ui.separator();
            if app.document.stability_out_of_date() {
                let check = ui
                    .small_button("Check stability")
                    .on_hover_text("The world was edited since its stability was worked out");
                if check.clicked() {
                    intents.push(Intent::Run(Command::CheckStability));
                }
                ui.separator();
            } else if let Some(stability) = app.document.stability() {
                // Quiet when every disturbance fades; a warning, with the loop named, when not.
                let label = if stability.stable {
                    ui.weak(&stability.short)
                } else {
                    ui.colored_label(ui.visuals().warn_fg_color, &stability.short)
                };
                label.on_hover_text(format!(
                    "{}\n\n{}",
                    stability.sentence,
                    stability.details.join("\n")
                ));
                ui.separator();
            }
            if app.is_computing() {
                // Only when a recompute spans several frames; the window stays usable meanwhile.
                let (done, horizon) = app.document.progress();
                ui.add(
                    egui::ProgressBar::new(done as f32 / horizon.max(1) as f32)
                        .desired_width(160.0)
                        .text(format!("computing tick {done} of {horizon}")),
                );
                ui.separator();
            }
            ui.label(
                [
                    count(scenario.nations.len(), "nation", "nations"),
                    count(scenario.relations.len(), "relation", "relations"),
                    count(scenario.alliances.len(), "alliance", "alliances"),
                    count(scenario.treaties.len(), "treaty", "treaties"),
                    count(scenario.events.len(), "event", "events"),
                ]
                .join(" · "),
            );
            // The message takes what is left, cut short with "…" on a narrow window (the
            // whole of it on hover), so it never runs under the facts on the right.
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let (text, colour) = match app.status() {
                    Some(status) if status.is_error => {
                        (status.text.as_str(), Some(ui.visuals().error_fg_color))
                    }
                    Some(status) => (status.text.as_str(), None),
                    None => ("Ready", None),
                };
                let mut rich = egui::RichText::new(text);
                if let Some(colour) = colour {
                    rich = rich.color(colour);
                }
                ui.add(egui::Label::new(rich).truncate())
                    .on_hover_text(text);
            });
        });
    });
}

/// "1 alliance", "3 alliances".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
