//! Find a nation by typing its name (Ctrl+F): a field over the canvas's top-left corner lists
//! the nations whose name or id contains what is typed; Enter or a click selects the first (or
//! the one clicked) and brings it to the middle of the view; Escape closes the field. In a world
//! of 200 nations this is how a student finds the one a question names.

use std::collections::BTreeMap;

use egui::{Rect, vec2};

use crate::app::command::Intent;
use crate::editor::Selection;
use crate::editor::selection::Item;
use crate::model::{NationId, Scenario};

use super::CanvasView;

/// How many matches are listed.
const SHOWN: usize = 8;

/// What is being typed into the find field, while it is open.
#[derive(Debug, Default)]
pub struct Find {
    /// The text typed.
    pub text: String,
    /// The field takes the keyboard at the next frame.
    pub focus_pending: bool,
}

/// The nations of `scenario` whose name or id contains `text`, ignoring case; names that start
/// with it first, then in the scenario's order.
pub fn matches<'s>(scenario: &'s Scenario, text: &str) -> Vec<(&'s NationId, String)> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, &NationId, String)> = scenario
        .nations
        .iter()
        .filter_map(|n| {
            let name = n.name.or_id(n.id.as_str()).to_owned();
            let lower = name.to_lowercase();
            let hit = lower.contains(&wanted) || n.id.as_str().to_lowercase().contains(&wanted);
            hit.then(|| (!lower.starts_with(&wanted), &n.id, name))
        })
        .collect();
    found.sort_by_key(|(later, _, _)| *later);
    found.into_iter().map(|(_, id, name)| (id, name)).collect()
}

/// The find field, when open.
pub(super) fn find_ui(
    ui: &mut egui::Ui,
    canvas: &mut CanvasView,
    area: Rect,
    scenario: &Scenario,
    positions: &BTreeMap<NationId, (f32, f32)>,
    intents: &mut Vec<Intent>,
) {
    let Some(find) = &mut canvas.find else {
        return;
    };
    let mut chosen: Option<NationId> = None;
    let mut close = false;
    egui::Area::new(egui::Id::unique("find a nation"))
        .fixed_pos(area.left_top() + vec2(8.0, 8.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Find");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut find.text)
                                .hint_text("a nation's name")
                                .desired_width(180.0),
                        )
                        .labelled_by(label.id);
                    if find.focus_pending {
                        field.request_focus();
                        find.focus_pending = false;
                    }
                    let found = matches(scenario, &find.text);
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        chosen = found.first().map(|(id, _)| (*id).clone());
                        close = chosen.is_some();
                    }
                    if ui.input(|i| i.key_pressed(egui::Key::Escape))
                        || ui.small_button("Close").clicked()
                    {
                        close = true;
                    }
                });
                let found = matches(scenario, &find.text);
                for (id, name) in found.iter().take(SHOWN) {
                    if ui.button(name.as_str()).clicked() {
                        chosen = Some((*id).clone());
                        close = true;
                    }
                }
                if found.len() > SHOWN {
                    ui.weak(format!(
                        "and {} more: type more of the name",
                        found.len() - SHOWN
                    ));
                }
                if found.is_empty() && !find.text.trim().is_empty() {
                    ui.weak("No nation by that name.");
                }
            });
        });
    if let Some(id) = chosen {
        // The nation to the middle of the view, at the zoom the user chose.
        if let Some(&(x, y)) = positions.get(&id) {
            canvas.pan = -vec2(x, y) * canvas.zoom;
        }
        intents.push(Intent::Select(Selection::single(Item::Nation(id))));
    }
    if close {
        canvas.find = None;
    }
}
