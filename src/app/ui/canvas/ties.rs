//! Level of detail for ties: in a large world the weak relations are most of the lines, and they
//! hide the alliances and the strong relations. Relations weaker than a threshold the user sets
//! on the canvas are drawn only for the nation under the pointer and the selected ones; treaties
//! of many parties are one hub, with spokes to their parties for those nations.

use std::collections::BTreeSet;

use egui::{Rect, pos2, vec2};

use crate::editor::layout::LARGE_WORLD;
use crate::model::NationId;

/// The threshold a large world starts with: |R| below it is a weak tie.
const DEFAULT_THRESHOLD: f32 = 0.3;

/// Treaties with more parties than this would be a web of lines (every pair): while weak ties
/// are hidden they are drawn as a hub instead.
pub(super) const WEB_PARTIES: usize = 4;

/// The user's choice of threshold, and the nation the pointer was over in the last frame.
#[derive(Debug, Default)]
pub struct TieFilter {
    /// |R| below which a relation is a weak tie (None: by the world's size).
    chosen: Option<f32>,
    /// The nation under the pointer in the last frame: nodes are drawn after edges, so its weak
    /// ties show from the next frame.
    pub(super) hovered: Option<NationId>,
}

impl TieFilter {
    /// The threshold for a world of `nations` nations (0: every tie is drawn).
    pub fn threshold(&self, nations: usize) -> f32 {
        self.chosen.unwrap_or(if nations > LARGE_WORLD {
            DEFAULT_THRESHOLD
        } else {
            0.0
        })
    }

    /// Sets the threshold, in [0, 1].
    pub fn set(&mut self, threshold: f32) {
        self.chosen = Some(threshold.clamp(0.0, 1.0));
    }

    /// The nations whose every tie is drawn: the selected ones and the one under the pointer.
    pub(super) fn lit(&self, selected: &[NationId]) -> BTreeSet<NationId> {
        selected.iter().chain(&self.hovered).cloned().collect()
    }
}

/// The control in the canvas's bottom-left corner, beside the legend's button: a slider for the
/// threshold and how many relations it hides now. Shown only when the world is large or a
/// threshold was chosen, so the small cases keep a clean canvas.
pub(super) fn ties_control_ui(
    ui: &mut egui::Ui,
    area: Rect,
    filter: &mut TieFilter,
    nations: usize,
    hidden: usize,
) {
    if nations <= LARGE_WORLD && filter.chosen.is_none() {
        return;
    }
    let mut threshold = filter.threshold(nations);
    let at = Rect::from_min_size(
        pos2(area.left() + 106.0, area.bottom() - 28.0),
        vec2((area.width() - 112.0).max(0.0), 26.0),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(at), |ui| {
        ui.horizontal(|ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let name = ui.label("Weak ties below");
                        let slider = egui::Slider::new(&mut threshold, 0.0..=1.0)
                            .step_by(0.05)
                            .fixed_decimals(2);
                        let response = ui.add(slider).labelled_by(name.id).on_hover_text(
                            "Relations weaker than this (either sign) are drawn only for the \
                             nation under the pointer and the selected nations. 0 draws every tie.",
                        );
                        if response.changed() {
                            filter.set(threshold);
                        }
                        if hidden > 0 {
                            ui.weak(format!("{hidden} hidden"));
                        }
                    });
                });
        });
    });
}
