//! The edges: relations (red to green, with a handle to select them), treaties (by kind, dashed
//! or doubled) and the arrows of interventions under way.

use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, Pos2, Rect, Sense, Stroke, vec2};

use super::focus::{faded_if, is_faded};
use super::gestures::focus_ring;
use super::ties::WEB_PARTIES;
use super::{ScreenPositions, edit};
use crate::app::command::Intent;
use crate::app::ui::theme::{INTERVENTION, relation_colour, treaty_style};
use crate::editor::edit::Edit;
use crate::editor::selection::{Item, Selection};
use crate::editor::shown::Shown;
use crate::model::{NationId, Scenario, TreatyKind};

/// Most relation handles drawn at once: past this, relations on screen are drawn as lines only.
const EDGE_HANDLE_LIMIT: usize = 1500;

/// What the edge and arrow layers draw from: the nations' names, the world at the cursor, where
/// each nation is on screen, and what is selected.
pub(super) struct Layer<'a> {
    pub(super) scenario: &'a Scenario,
    /// Display names by nation id, made when a label first asks (labels are read only by a
    /// screen reader or a hover, and thousands of edges look names up then).
    pub(super) names: std::cell::OnceCell<BTreeMap<&'a str, String>>,
    pub(super) shown: &'a Shown,
    pub(super) screen: &'a ScreenPositions<'a>,
    pub(super) selection: &'a Selection,
    /// The nations the focus keeps bright (`None`: all of them).
    pub(super) near: Option<&'a BTreeSet<NationId>>,
    /// |R| below which a relation is a weak tie, drawn only for the `lit` nations (0: all).
    pub(super) weak_below: f32,
    /// The nations whose every tie is drawn: selected, or under the pointer.
    pub(super) lit: &'a BTreeSet<NationId>,
}

/// A small clickable handle on an edge: what screen readers and tests find. The label is made
/// only when something reads it (a screen reader, a hover), since large networks have thousands
/// of edges.
pub(super) fn edge_handle(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    at: Pos2,
    id: egui::Id,
    label: &dyn Fn() -> String,
    colour: Color32,
    selected: bool,
) -> egui::Response {
    let response = ui.interact(
        Rect::from_center_size(at, vec2(14.0, 14.0)),
        id,
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label()));
    let radius = if selected || response.hovered() || response.has_focus() {
        6.0
    } else {
        3.0
    };
    painter.circle_filled(at, radius, colour);
    if selected {
        painter.circle_stroke(at, 8.0, ui.visuals().selection.stroke);
    }
    if response.has_focus() {
        focus_ring(ui, painter, at, 11.0);
    }
    response.on_hover_ui(|ui| {
        ui.label(label());
    })
}

impl Layer<'_> {
    /// Whether something between these nations is drawn faded: any of them outside the focus.
    pub(super) fn faded<'n>(&self, mut nations: impl Iterator<Item = &'n NationId>) -> bool {
        nations.any(|id| is_faded(self.near, id))
    }

    /// Whether a relation is drawn: strong enough, selected, or at a lit nation.
    fn relation_drawn(&self, relation: &crate::editor::shown::ShownRelation) -> bool {
        relation.now.abs() as f32 >= self.weak_below
            || self.lit.contains(&relation.a)
            || self.lit.contains(&relation.b)
            || (!self.selection.is_empty()
                && self
                    .selection
                    .contains(&Item::relation(&relation.a, &relation.b)))
    }

    /// A nation's display name (its id if it has none).
    pub(super) fn name(&self, id: &NationId) -> String {
        let names = self.names.get_or_init(|| {
            self.scenario
                .nations
                .iter()
                .map(|n| (n.id.as_str(), n.name.or_id(n.id.as_str()).to_owned()))
                .collect()
        });
        names
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// Draws the relations on screen, weak ones first so the strong ones lie on top, and returns how
/// many the weak-tie threshold hides.
pub(super) fn relations_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    layer: &Layer,
    intents: &mut Vec<Intent>,
) -> usize {
    let Layer {
        shown,
        screen,
        selection,
        ..
    } = layer;
    // Only edges that cross the visible canvas are drawn (culling).
    let visible = painter.clip_rect();
    let mut hidden = 0;
    let mut on_screen: Vec<(&crate::editor::shown::ShownRelation, Pos2, Pos2)> = shown
        .relations
        .iter()
        .filter(|relation| {
            let drawn = layer.relation_drawn(relation);
            hidden += usize::from(!drawn);
            drawn
        })
        .filter_map(|relation| {
            let (a, b) = (*screen.get(&relation.a)?, *screen.get(&relation.b)?);
            Rect::from_two_pos(a, b)
                .intersects(visible)
                .then_some((relation, a, b))
        })
        .collect();
    on_screen.sort_by(|x, y| x.0.now.abs().total_cmp(&y.0.now.abs()));
    // Level of detail: past this many edges on screen, the edges are drawn without handles
    // (they stay reachable from each nation's inspector, and zooming in brings them back).
    let handles = on_screen.len() <= EDGE_HANDLE_LIMIT;
    for (relation, a, b) in on_screen {
        // Drawn as it stands at the cursor; the inspector edits its value at the start.
        let faded = layer.faded([&relation.a, &relation.b].into_iter());
        let colour = faded_if(faded, relation_colour(relation.now));
        let width = 1.0 + 5.0 * relation.now.abs() as f32;
        painter.line_segment([a, b], Stroke::new(width, colour));
        if !handles
            && (selection.is_empty()
                || !selection.contains(&Item::relation(&relation.a, &relation.b)))
        {
            continue;
        }
        let item = Item::relation(&relation.a, &relation.b);
        let label = || {
            format!(
                "Relation {}–{}: {:+.2}, trust {:.2} at tick {} ({:+.2} at the start)",
                layer.name(&relation.a),
                layer.name(&relation.b),
                relation.now,
                relation.trust,
                shown.tick,
                relation.start,
            )
        };
        let id = ui.scope_id().with(("relation", &relation.a, &relation.b));
        let response = edge_handle(
            ui,
            painter,
            a.lerp(b, 0.5),
            id,
            &label,
            colour,
            selection.contains(&item),
        );
        if response.clicked() {
            intents.push(Intent::Select(Selection::single(item)));
        }
        response.context_menu(|ui| {
            if ui.button("Remove relation").clicked() {
                intents.push(edit(Edit::RemoveRelation {
                    a: relation.a.clone(),
                    b: relation.b.clone(),
                }));
                ui.close();
            }
        });
    }
    hidden
}

pub(super) fn treaties_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    layer: &Layer,
    intents: &mut Vec<Intent>,
) {
    let Layer {
        shown,
        screen,
        selection,
        ..
    } = layer;
    for treaty in &shown.treaties {
        let (colour, dashes) = treaty_style(treaty.kind);
        let colour = faded_if(layer.faded(treaty.parties.iter()), colour);
        let item = treaty.item.clone();
        let selected = selection.contains(&item);
        let points: Vec<Pos2> = treaty
            .parties
            .iter()
            .filter_map(|p| screen.get(p).copied())
            .collect();
        let mut handle = None;
        // A treaty of many parties in a large world is one handle at its parties' centre.
        let lit = treaty.parties.iter().any(|p| layer.lit.contains(p));
        let web = points.len() <= WEB_PARTIES || layer.weak_below == 0.0;
        if !web {
            // A hub at the parties' centre, with spokes to every party while one of them is lit
            // or the treaty is selected: its members at a glance, without a web of every pair.
            let n = points.len() as f32;
            let centre = points
                .iter()
                .fold(Pos2::ZERO, |sum, p| sum + p.to_vec2() / n);
            if lit || selected {
                let stroke = Stroke::new(if selected { 2.0 } else { 1.0 }, colour);
                for &p in &points {
                    painter.extend(egui::Shape::dashed_line(&[centre, p], stroke, 4.0, 4.0));
                }
            }
            painter.text(
                centre + vec2(8.0, 0.0),
                egui::Align2::LEFT_CENTER,
                &treaty.name,
                egui::FontId::proportional(11.0),
                colour,
            );
            handle = Some(centre);
        } else if points.len() == 1 {
            // A peacekeeping mandate sits as a badge above its host.
            let at = points[0] + vec2(0.0, -34.0);
            painter.text(
                at + vec2(0.0, -10.0),
                egui::Align2::CENTER_BOTTOM,
                "PK",
                egui::FontId::proportional(11.0),
                colour,
            );
            handle = Some(at);
        }
        for (k, &a) in points.iter().enumerate().filter(|_| web) {
            for &b in &points[k + 1..] {
                let along = b - a;
                if along.length() < 1.0 {
                    continue;
                }
                // Offset from the relation line so both stay visible.
                let normal = vec2(-along.y, along.x).normalized() * 7.0;
                let (a, b) = (a + normal, b + normal);
                let stroke = Stroke::new(if selected { 3.0 } else { 2.0 }, colour);
                match (treaty.kind, dashes) {
                    (TreatyKind::MutualDefence, _) => {
                        let gap = normal.normalized() * 2.5;
                        painter.line_segment([a + gap, b + gap], stroke);
                        painter.line_segment([a - gap, b - gap], stroke);
                    }
                    (_, Some((dash, space))) => {
                        painter.extend(egui::Shape::dashed_line(&[a, b], stroke, dash, space));
                    }
                    (_, None) => {
                        painter.line_segment([a, b], stroke);
                        if treaty.kind == TreatyKind::ArmsTrade {
                            painter.arrow(a.lerp(b, 0.55), along.normalized() * 12.0, stroke);
                        }
                    }
                }
                handle.get_or_insert(a.lerp(b, 0.35));
            }
        }
        let Some(at) = handle else {
            continue;
        };
        let label = || {
            let parties: Vec<String> = treaty.parties.iter().map(|p| layer.name(p)).collect();
            format!(
                "Treaty {} ({}): {}",
                treaty.name,
                treaty.kind.label(),
                parties.join(", ")
            )
        };
        let id = ui.scope_id().with(("treaty", &treaty.id));
        let response = edge_handle(ui, painter, at, id, &label, colour, selected);
        if response.clicked() {
            intents.push(Intent::Select(Selection::single(item.clone())));
        }
        response.context_menu(|ui| {
            let removal = match &item {
                Item::Event(index) => ("Delete the signing event", Edit::RemoveEvent(*index)),
                _ => ("Delete treaty", Edit::RemoveTreaty(treaty.id.clone())),
            };
            if ui.button(removal.0).clicked() {
                intents.push(edit(removal.1));
                ui.close();
            }
        });
    }
}

/// Interventions under way: an arrow from each intervener to the target, with its kind.
pub(super) fn interventions_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    layer: &Layer,
    intents: &mut Vec<Intent>,
) {
    let Layer {
        shown,
        screen,
        selection,
        ..
    } = layer;
    for (k, intervention) in shown.interventions.iter().enumerate() {
        let Some(&to) = screen.get(&intervention.target) else {
            continue;
        };
        let parties = intervention
            .interveners
            .iter()
            .chain([&intervention.target]);
        let colour = faded_if(layer.faded(parties), INTERVENTION);
        let selected = selection.contains(&intervention.item);
        let stroke = Stroke::new(if selected { 4.0 } else { 2.5 }, colour);
        for intervener in &intervention.interveners {
            let Some(&from) = screen.get(intervener) else {
                continue;
            };
            let along = to - from;
            if along.length() < 40.0 {
                continue;
            }
            // Bowed off the relation line, stopping short of the target node.
            let normal = vec2(-along.y, along.x).normalized() * 16.0;
            let (a, b) = (from + normal, to + normal - along.normalized() * 30.0);
            painter.extend(egui::Shape::dashed_line(&[a, b], stroke, 8.0, 5.0));
            painter.arrow(
                b - along.normalized() * 12.0,
                along.normalized() * 12.0,
                stroke,
            );
        }
        let at = to + vec2(0.0, -46.0 - 14.0 * k as f32);
        let label = || {
            let interveners: Vec<String> = intervention
                .interveners
                .iter()
                .map(|n| layer.name(n))
                .collect();
            format!(
                "Intervention: {} in {} by {}",
                intervention.kind.label(),
                layer.name(&intervention.target),
                interveners.join(", ")
            )
        };
        painter.text(
            at + vec2(8.0, 0.0),
            egui::Align2::LEFT_CENTER,
            intervention.kind.label(),
            egui::FontId::proportional(11.0),
            colour,
        );
        let id = ui.scope_id().with(("intervention", k));
        let response = edge_handle(ui, painter, at, id, &label, colour, selected);
        if response.clicked() {
            intents.push(Intent::Select(Selection::single(intervention.item.clone())));
        }
    }
}
