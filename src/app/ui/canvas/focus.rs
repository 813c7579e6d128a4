//! The canvas's focus on the selected nations' neighbourhood (View ▸ Focus on neighbourhood, N):
//! which nations stay bright, how the rest fade, and the caption that says what is shown.

use std::collections::BTreeSet;
use std::rc::Rc;

use egui::{Color32, Rect, vec2};

use super::PictureAt;
use crate::app::command::Intent;
use crate::app::ui::nation_name;
use crate::editor::focus::{FocusDepth, neighbourhood};
use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::shown::Shown;
use crate::model::{NationId, Scenario};

/// What faded nations and edges keep of their colour.
const FADED: f32 = 0.18;

/// What the bright set was computed from besides the run: the picture, the selected nations
/// and the depth. The set is kept until one of them changes, never rebuilt per frame.
#[derive(Debug, PartialEq)]
struct FocusOf {
    picture: PictureAt,
    nations: Vec<NationId>,
    depth: u32,
}

/// The focus setting and its last bright set.
#[derive(Debug, Default)]
pub struct CanvasFocus {
    depth: FocusDepth,
    near: RunCache<FocusOf, Rc<BTreeSet<NationId>>>,
}

impl CanvasFocus {
    /// How far the focus reaches.
    pub fn depth(&self) -> FocusDepth {
        self.depth
    }

    /// Off, one tie, two ties, off.
    pub fn cycle(&mut self) {
        self.depth = self.depth.next();
    }

    /// Sets how far the focus reaches.
    pub fn set(&mut self, depth: FocusDepth) {
        self.depth = depth;
    }

    /// The nations drawn bright around `from` (the selected nations), or `None` when every
    /// nation is (focus off or nothing selected).
    pub fn near(
        &mut self,
        picture: &RunKey<PictureAt>,
        scenario: &Scenario,
        shown: &Shown,
        from: &[NationId],
    ) -> Option<Rc<BTreeSet<NationId>>> {
        let depth = self.depth.ties()?;
        if from.is_empty() {
            return None;
        }
        let kept = self.near.find(picture.run, |of| {
            of.picture == picture.detail && of.nations == from && of.depth == depth
        });
        if let Some(near) = kept {
            return Some(Rc::clone(near));
        }
        let near = Rc::new(neighbourhood(scenario, shown, from, depth));
        let of = FocusOf {
            picture: picture.detail,
            nations: from.to_vec(),
            depth,
        };
        self.near
            .insert(RunKey::new(picture.run, of), Rc::clone(&near));
        Some(near)
    }
}

/// Whether a nation is drawn faded.
pub fn is_faded(near: Option<&BTreeSet<NationId>>, id: &NationId) -> bool {
    near.is_some_and(|near| !near.contains(id))
}

/// The colour of something drawn faded, or `colour` itself.
pub fn faded_if(faded: bool, colour: Color32) -> Color32 {
    if faded {
        colour.gamma_multiply(FADED)
    } else {
        colour
    }
}

/// The caption at the top of the canvas while the focus is on: what it reaches from, and a
/// button that turns it off.
pub fn caption_ui(
    ui: &mut egui::Ui,
    area: Rect,
    depth: FocusDepth,
    scenario: &Scenario,
    from: &[NationId],
    intents: &mut Vec<Intent>,
) {
    let Some(ties) = depth.ties() else {
        return;
    };
    let reach = if ties == 1 { "1 tie" } else { "2 ties" };
    let text = match from {
        [] => format!("Focus within {reach}: select a nation"),
        [one] => format!("Focus within {reach} of {}", nation_name(scenario, one)),
        many => format!("Focus within {reach} of {} selected nations", many.len()),
    };
    let at = Rect::from_min_size(area.min + vec2(10.0, 10.0), vec2(area.width() - 20.0, 24.0));
    let mut off = false;
    ui.scope_builder(egui::UiBuilder::new().max_rect(at), |ui| {
        ui.horizontal(|ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(text);
                    off = ui
                        .small_button("Show all")
                        .on_hover_text("Turn the focus off (View ▸ Focus on neighbourhood, N)")
                        .clicked();
                });
            });
        });
    });
    if off {
        intents.push(Intent::Focus(FocusDepth::Off));
    }
}
