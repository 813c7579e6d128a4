//! The nodes: a disc per nation sized by capability and coloured by region, alliance rings,
//! the stability gauge and the name; clicks select, a double click renames, drags move (layout
//! only), the arrows nudge a focused node, and the context menu opens here.

use std::collections::BTreeMap;

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, vec2};

use super::edges::Layer;
use super::focus::{faded_if, is_faded};
use super::gestures::{arrow_keys, focus_ring};
use super::node_menu::node_menu_ui;
use super::{CanvasView, DETAIL_ZOOM, NAMES_ZOOM, NodeDrag, edit};
use crate::app::command::Intent;
use crate::app::ui::theme::{palette, stability_colour};
use crate::editor::document::{Document, MergeKey};
use crate::editor::edit::Edit;
use crate::editor::selection::{Item, Selection};
use crate::model::NationId;

/// Node radius from military capability, relative to the strongest nation.
pub(super) fn radius(capability: f64, strongest: f64) -> f32 {
    let share = if strongest > 0.0 {
        (capability / strongest).clamp(0.0, 1.0)
    } else {
        0.0
    };
    12.0 + 16.0 * share.sqrt() as f32
}

/// Nations named at any zoom: the most capable ones.
const GREAT_POWERS: usize = 12;

/// The capability from which a nation is one of the [`GREAT_POWERS`].
fn great_power_floor(scenario: &crate::model::Scenario) -> f64 {
    let mut capabilities: Vec<f64> = scenario.nations.iter().map(|n| n.capability).collect();
    if capabilities.len() < GREAT_POWERS {
        return f64::NEG_INFINITY;
    }
    // Linear: only the twelfth largest is wanted, every frame.
    *capabilities
        .select_nth_unstable_by(GREAT_POWERS - 1, |a, b| b.total_cmp(a))
        .1
}

#[allow(clippy::too_many_arguments)]
pub(super) fn nodes_ui(
    canvas: &mut CanvasView,
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    document: &Document,
    layer: &Layer,
    area: Rect,
    positions: &BTreeMap<NationId, (f32, f32)>,
    intents: &mut Vec<Intent>,
) {
    let (shown, selection) = (layer.shown, layer.selection);
    let scenario = document.scenario();
    let strongest = scenario
        .nations
        .iter()
        .map(|n| n.capability)
        .fold(0.0, f64::max);
    let text_colour = ui.visuals().strong_text_color();
    let region_index: BTreeMap<&crate::model::RegionId, usize> = scenario
        .regions
        .iter()
        .enumerate()
        .map(|(k, region)| (&region.id, k))
        .collect();
    let great = great_power_floor(scenario);
    let mut hovered = None;
    // Names are painted after every node, so a node drawn later cannot cover an earlier name.
    let mut labels: Vec<(Rect, std::sync::Arc<egui::Galley>)> = Vec::new();
    for (k, nation) in scenario.nations.iter().enumerate() {
        let Some(&p) = positions.get(&nation.id) else {
            continue;
        };
        let centre = canvas.to_screen(area, p);
        let r = radius(nation.capability, strongest) * canvas.zoom.clamp(0.2, 1.5);
        let region = region_index.get(&nation.region).copied().unwrap_or(0);
        let item = Item::Nation(nation.id.clone());
        let selected = selection.contains(&item);
        let name = nation.name.or_id(nation.id.as_str()).to_owned();
        let s = shown
            .stability_at(k, &nation.id)
            .unwrap_or(nation.stability);
        let faded = is_faded(layer.near, &nation.id);

        let hit = Rect::from_center_size(centre, Vec2::splat(2.0 * r + 6.0));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("nation", &nation.id)),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            let outside = if faded { ", outside the focus" } else { "" };
            let label = format!("Nation {name} ({}): stability {s:.2}{outside}", nation.id);
            egui::WidgetInfo::labeled(egui::Role::Button, true, label)
        });

        // Alliance rings, one per membership, outside the node.
        let mut ring = r + 3.0;
        for alliance in &shown.alliances {
            if alliance.members.contains(&nation.id) {
                let colour = faded_if(faded, palette(alliance.index + 6));
                painter.circle_stroke(centre, ring, Stroke::new(3.0, colour));
                ring += 4.0;
            }
        }
        painter.circle_filled(centre, r, faded_if(faded, palette(region)));
        if response.has_focus() {
            // Keyboard focus (Tab) is shown apart from selection: Enter selects.
            focus_ring(ui, painter, centre, ring + 3.0);
        }
        let outline = if selected {
            Stroke::new(3.0, ui.visuals().selection.stroke.color)
        } else if response.hovered() {
            Stroke::new(2.0, text_colour)
        } else {
            Stroke::new(1.0, Color32::from_black_alpha(120))
        };
        painter.circle_stroke(centre, r, outline);
        // The stability gauge: a bar under the node, filled to S (left out when zoomed far out,
        // where the bars of a large network would cover each other).
        if canvas.zoom > DETAIL_ZOOM {
            let bar = Rect::from_min_size(centre + vec2(-r, r + 4.0), vec2(2.0 * r, 5.0));
            painter.rect_filled(bar, 1.0, Color32::from_gray(60));
            let filled =
                Rect::from_min_size(bar.min, vec2(bar.width() * s.clamp(0.0, 1.0) as f32, 5.0));
            painter.rect_filled(filled, 1.0, faded_if(faded, stability_colour(s)));
        }
        let renaming_this = canvas
            .renaming
            .as_ref()
            .is_some_and(|renaming| renaming.nation == nation.id);
        // Zoomed far out, only the great powers, the selected nation and the one under the
        // pointer keep their names: the others' would cover each other.
        let names_zoom = if scenario.nations.len() > crate::editor::layout::LARGE_WORLD {
            NAMES_ZOOM
        } else {
            DETAIL_ZOOM
        };
        let named = canvas.zoom > names_zoom
            || selected
            || response.hovered()
            || nation.capability >= great;
        if response.hovered() {
            hovered = Some(nation.id.clone());
        }
        if !renaming_this && named {
            let galley = painter.layout_no_wrap(
                name.clone(),
                egui::FontId::proportional(13.0),
                faded_if(faded, text_colour),
            );
            let at = centre + vec2(-galley.size().x / 2.0, r + 11.0);
            let label = Rect::from_min_size(at, galley.size());
            // Zoomed out, a name that would cover one already drawn is left out, unless its
            // nation is selected or under the pointer.
            let crowded =
                canvas.zoom <= names_zoom && labels.iter().any(|(o, _)| o.intersects(label));
            if !crowded || selected || response.hovered() {
                labels.push((label, galley));
            }
        }
        let response = response.on_hover_ui(|ui| {
            ui.label(format!(
                "{name} ({})\nregion {}\nstability {s:.2} · capability {:.2}",
                nation.id, nation.region, nation.capability
            ));
        });

        if response.secondary_clicked() && !selected {
            // The context menu acts on what the inspector shows.
            intents.push(Intent::Select(Selection::single(item.clone())));
        }
        if response.double_clicked() {
            canvas.start_rename(nation.id.clone(), nation.name.0.clone());
        } else if response.clicked() {
            if ui.input(|i| i.modifiers.shift) {
                let mut chosen = selection.clone();
                chosen.toggle(item.clone());
                intents.push(Intent::Select(chosen));
            } else {
                intents.push(Intent::Select(Selection::single(item.clone())));
            }
        }
        node_drag(canvas, &response, positions, selection, &nation.id, intents);
        if response.has_focus() {
            // The arrows nudge a focused node; a run of nudges is one undo step.
            let (step, _) = arrow_keys(ui, response.id);
            if step != Vec2::ZERO {
                let moved = step * 10.0 / canvas.zoom;
                intents.push(Intent::Edit {
                    edit: Edit::MoveNodes(vec![(
                        nation.id.clone(),
                        (p.0 + moved.x, p.1 + moved.y),
                    )]),
                    merge: Some(MergeKey(format!("nudge {}", nation.id))),
                });
            }
        }
        // The context menu opens by right click or from the keyboard (Shift+F10, Menu key);
        // it hangs below the node either way, so it never covers the node it acts on.
        let by_keyboard = canvas.menu_request.as_ref() == Some(&nation.id);
        let open = if response.secondary_clicked() || by_keyboard {
            Some(egui::SetOpenCommand::Bool(true))
        } else if response.clicked() {
            Some(egui::SetOpenCommand::Bool(false))
        } else {
            None
        };
        if by_keyboard {
            canvas.menu_request = None;
            canvas.menu_focus_pending = true;
        }
        egui::Popup::menu(&response).open_memory(open).show(|ui| {
            node_menu_ui(
                canvas, ui, document, shown.tick, &nation.id, selection, intents,
            );
        });
        if renaming_this {
            rename_ui(canvas, ui, centre + vec2(0.0, r + 10.0), intents);
        }
    }
    for (label, galley) in labels {
        painter.galley(label.min, galley, text_colour);
    }
    // Weak ties of the nation under the pointer show from the next frame.
    if canvas.ties.hovered != hovered {
        canvas.ties.hovered = hovered;
        ui.ctx().request_repaint();
    }
}

/// Dragging moves the node (or the whole selection it belongs to): layout only, one undo step.
pub(super) fn node_drag(
    canvas: &mut CanvasView,
    response: &egui::Response,
    positions: &BTreeMap<NationId, (f32, f32)>,
    selection: &Selection,
    id: &NationId,
    intents: &mut Vec<Intent>,
) {
    if response.drag_started_by(egui::PointerButton::Primary) {
        let moving: Vec<NationId> = if selection.contains(&Item::Nation(id.clone())) {
            selection.selected_nations()
        } else {
            intents.push(Intent::Select(Selection::single(Item::Nation(id.clone()))));
            vec![id.clone()]
        };
        canvas.drag_count += 1;
        canvas.drag = Some(NodeDrag {
            starts: moving
                .into_iter()
                .filter_map(|m| Some((m.clone(), *positions.get(&m)?)))
                .collect(),
            moved: Vec2::ZERO,
            key: MergeKey(format!("drag {}", canvas.drag_count)),
        });
    }
    if response.dragged_by(egui::PointerButton::Primary)
        && let Some(drag) = &mut canvas.drag
    {
        drag.moved += response.drag_delta() / canvas.zoom;
        if drag.moved != Vec2::ZERO {
            let moves = drag
                .starts
                .iter()
                .map(|(m, p)| (m.clone(), (p.0 + drag.moved.x, p.1 + drag.moved.y)))
                .collect();
            intents.push(Intent::Edit {
                edit: Edit::MoveNodes(moves),
                merge: Some(drag.key.clone()),
            });
        }
    }
    if response.drag_stopped() && canvas.drag.take().is_some() {
        intents.push(Intent::EndMerge);
    }
}

pub(super) fn rename_ui(
    canvas: &mut CanvasView,
    ui: &mut egui::Ui,
    at: Pos2,
    intents: &mut Vec<Intent>,
) {
    let Some(renaming) = &mut canvas.renaming else {
        return;
    };
    let rect = Rect::from_center_size(at + vec2(0.0, 10.0), vec2(160.0, 22.0));
    let field = egui::TextEdit::singleline(&mut renaming.text).hint_text("name");
    let response = ui.put(rect, field);
    if renaming.focus_pending {
        response.request_focus();
        renaming.focus_pending = false;
    }
    let cancel = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if response.lost_focus() {
        if !cancel {
            intents.push(edit(Edit::RenameNation {
                nation: renaming.nation.clone(),
                name: renaming.text.trim().to_owned(),
            }));
        }
        canvas.renaming = None;
    }
}
