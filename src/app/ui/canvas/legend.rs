//! The legend in the canvas's corner: what the edge colours and line styles mean.

use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};

use crate::app::ui::theme::{relation_colour, treaty_style};
use crate::model::TreatyKind;

/// Label, colour, dash pattern, doubled line.
type LegendEntry = (String, Color32, Option<(f32, f32)>, bool);

/// Canvases shorter than this start with the legend folded away: on a small screen or a
/// projector at large text it would cover half of the network.
const ROOM_FOR_LEGEND: f32 = 420.0;

/// The legend in the corner, or a button that shows it. `open` is the user's choice (None: by
/// the room there is).
pub(super) fn legend_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    area: Rect,
    open: &mut Option<bool>,
) {
    let shown = open.unwrap_or(area.height() >= ROOM_FOR_LEGEND);
    let toggle = Rect::from_min_size(
        pos2(area.left() + 4.0, area.bottom() - 24.0),
        vec2(96.0, 20.0),
    );
    let label = if shown { "Hide legend" } else { "Show legend" };
    let response = ui.interact(toggle, ui.scope_id().with("legend toggle"), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    let fill = if response.hovered() {
        ui.visuals().widgets.hovered.bg_fill
    } else {
        ui.visuals().widgets.inactive.bg_fill
    };
    painter.rect_filled(toggle, 3.0, fill);
    painter.text(
        toggle.center(),
        egui::Align2::CENTER_CENTER,
        label,
        egui::FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    if response.clicked() {
        *open = Some(!shown);
    }
    if !shown {
        return;
    }
    // The legend sits above its button.
    let area = Rect::from_min_max(area.min, pos2(area.max.x, toggle.top() - 2.0));
    let entries: Vec<LegendEntry> = [
        (
            "friendly relation".to_owned(),
            relation_colour(0.7),
            None,
            false,
        ),
        (
            "hostile relation".to_owned(),
            relation_colour(-0.7),
            None,
            false,
        ),
    ]
    .into_iter()
    .chain(
        TreatyKind::ALL
            .into_iter()
            .filter(|k| *k != TreatyKind::PeacekeepingMandate)
            .map(|kind| {
                let (colour, dashes) = treaty_style(kind);
                (
                    kind.label().to_owned(),
                    colour,
                    dashes,
                    kind == TreatyKind::MutualDefence,
                )
            }),
    )
    .collect();
    let font = egui::FontId::proportional(11.0);
    let row = 15.0;
    let top_left = pos2(
        area.left() + 10.0,
        area.bottom() - 10.0 - row * entries.len() as f32,
    );
    let frame = Rect::from_min_size(
        top_left - vec2(6.0, 6.0),
        vec2(220.0, row * entries.len() as f32 + 12.0),
    );
    painter.rect_filled(frame, 4.0, ui.visuals().window_fill.gamma_multiply(0.85));
    for (k, (label, colour, dashes, double)) in entries.into_iter().enumerate() {
        let y = top_left.y + row * k as f32 + row / 2.0;
        let (a, b) = (pos2(top_left.x, y), pos2(top_left.x + 36.0, y));
        let stroke = Stroke::new(2.0, colour);
        match (dashes, double) {
            (_, true) => {
                painter.line_segment([a + vec2(0.0, 2.0), b + vec2(0.0, 2.0)], stroke);
                painter.line_segment([a - vec2(0.0, 2.0), b - vec2(0.0, 2.0)], stroke);
            }
            (Some((dash, space)), _) => {
                painter.extend(egui::Shape::dashed_line(&[a, b], stroke, dash, space));
            }
            (None, _) => {
                painter.line_segment([a, b], stroke);
            }
        }
        painter.text(
            pos2(b.x + 8.0, y),
            egui::Align2::LEFT_CENTER,
            label,
            font.clone(),
            ui.visuals().text_color(),
        );
    }
}
