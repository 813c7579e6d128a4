//! The canvas's own gestures: pan, zoom, box selection, clicks on the background and its
//! menu; and the keys a focused canvas widget answers.

use std::collections::BTreeMap;

use egui::{Pos2, Rect, Stroke, Vec2, vec2};

use super::{CanvasView, MIN_ZOOM};
use crate::app::command::{Command, Intent};
use crate::editor::selection::{Item, Selection};
use crate::model::NationId;

/// Pan, zoom, box selection, background clicks and the background menu.
pub(super) fn view_gestures_ui(
    canvas: &mut CanvasView,
    ui: &mut egui::Ui,
    area: Rect,
    background: &egui::Response,
    positions: &BTreeMap<NationId, (f32, f32)>,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    if ui.rect_contains_pointer(area) {
        let (scroll, zoom_delta) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom_delta * (scroll * 0.002).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(pointer) = ui.ctx().pointer_hover_pos()
        {
            let anchor = canvas.to_canvas(area, pointer);
            canvas.zoom = (canvas.zoom * factor).clamp(MIN_ZOOM, 5.0);
            canvas.pan = pointer - area.center() - vec2(anchor.0, anchor.1) * canvas.zoom;
        }
    }
    if background.has_focus() {
        // Tabbed onto the canvas: the arrows pan, + and − zoom about the centre.
        let (step, zoom) = arrow_keys(ui, background.id);
        canvas.pan -= step * 40.0;
        if zoom != 0 {
            let anchor = canvas.to_canvas(area, area.center());
            canvas.zoom = (canvas.zoom * 1.2_f32.powi(zoom)).clamp(MIN_ZOOM, 5.0);
            canvas.pan = -vec2(anchor.0, anchor.1) * canvas.zoom;
        }
    }
    let shift = ui.input(|i| i.modifiers.shift);
    if background.drag_started_by(egui::PointerButton::Primary) && shift {
        // From where the button went down, not where the drag was recognised.
        canvas.box_start = ui.input(|i| i.pointer.press_origin());
    }
    if canvas.box_start.is_none()
        && (background.dragged_by(egui::PointerButton::Primary)
            || background.dragged_by(egui::PointerButton::Middle))
    {
        canvas.pan += background.drag_delta();
    }
    if background.drag_stopped()
        && let Some(start) = canvas.box_start.take()
    {
        let end = background.interact_pointer_pos().unwrap_or(start);
        let rect = Rect::from_two_pos(start, end);
        let inside = positions
            .iter()
            .filter(|(_, p)| rect.contains(canvas.to_screen(area, **p)))
            .map(|(id, _)| id.clone());
        let mut chosen = selection.clone();
        for id in inside {
            if !chosen.contains(&Item::Nation(id.clone())) {
                chosen.toggle(Item::Nation(id));
            }
        }
        intents.push(Intent::Select(chosen));
    }
    if background.clicked() {
        canvas.renaming = None;
        intents.push(Intent::Select(Selection::none()));
    }
    if background.secondary_clicked() {
        canvas.menu_position = background
            .interact_pointer_pos()
            .map(|p| canvas.to_canvas(area, p));
    }
    background.context_menu(|ui| {
        if ui.button("Add nation here").clicked() {
            let at = canvas
                .menu_position
                .unwrap_or_else(|| canvas.centre_in_canvas());
            intents.push(Intent::AddNationAt(at));
            ui.close();
        }
        for (label, command) in [
            ("Fit to view", Command::FitView),
            ("Auto-layout", Command::AutoLayout),
            ("Layout by region", Command::LayoutByRegion),
            ("Select all nations", Command::SelectAll),
        ] {
            if ui.button(label).clicked() {
                intents.push(Intent::Run(command));
                ui.close();
            }
        }
    });
}

/// For a focused canvas widget: keeps the arrows from moving the focus, and returns the arrow
/// presses of this frame as a direction and the +/− presses as zoom steps.
pub(super) fn arrow_keys(ui: &egui::Ui, id: egui::Id) -> (Vec2, i32) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    ui.input(|i| {
        let count = |key| i.num_presses(key) as f32;
        let step = vec2(
            count(egui::Key::ArrowRight) - count(egui::Key::ArrowLeft),
            count(egui::Key::ArrowDown) - count(egui::Key::ArrowUp),
        );
        let zoom = i.num_presses(egui::Key::Plus) + i.num_presses(egui::Key::Equals);
        (step, zoom as i32 - i.num_presses(egui::Key::Minus) as i32)
    })
}

/// The dashed ring around the widget that has the keyboard focus.
pub(super) fn focus_ring(ui: &egui::Ui, painter: &egui::Painter, centre: Pos2, radius: f32) {
    let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
    let steps = 24;
    for k in (0..steps).step_by(2) {
        let angle = |j: usize| std::f32::consts::TAU * j as f32 / steps as f32;
        let point = |a: f32| centre + radius * vec2(a.cos(), a.sin());
        painter.line_segment([point(angle(k)), point(angle(k + 1))], stroke);
    }
}
