//! The network canvas, drawn with egui's painter: nations as nodes, relations and treaties as
//! edges, alliances as rings. Every node and edge is an accessible widget with a label.

use std::collections::{BTreeMap, HashMap, HashSet};

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, pos2, vec2};

use crate::app::command::{Command, Intent};
use crate::app::state::AppState;
use crate::app::ui::canvas_focus::{self, CanvasFocus, faded_if, is_faded};
use crate::app::ui::{name_or_id, nation_name, palette};
use crate::editor::document::{Document, MergeKey};
use crate::editor::edit::{Edit, fresh_id, positions_with_defaults};
use crate::editor::selection::{Item, Selection};
use crate::editor::shown::Shown;
use crate::model::{
    Action, Event, Intervention, InterventionKind, NationId, Scenario, Treaty, TreatyKind,
};

/// Pan, zoom and the gesture in progress. View state, not document.
#[derive(Debug)]
pub struct CanvasView {
    /// Screen offset of the canvas origin from the centre of the canvas area.
    pan: Vec2,
    /// Screen points per canvas unit.
    zoom: f32,
    /// Frames still to fit the network into view: a few, because the panels around the canvas
    /// settle their sizes over the first frames after a window opens or a file loads.
    fit_pending: u8,
    area: Option<Rect>,
    drag: Option<NodeDrag>,
    drag_count: u64,
    box_start: Option<Pos2>,
    renaming: Option<(NationId, String, bool)>,
    menu_position: Option<(f32, f32)>,
    /// A node whose context menu the keyboard asked to open at the next frame.
    menu_request: Option<NationId>,
    /// The menu was opened from the keyboard: its first entry takes the focus.
    menu_focus_pending: bool,
    /// The picture at the cursor and what it was made from (run, tick, whether that tick was
    /// computed): a large network's picture is not rebuilt every frame.
    shown: Option<((u64, u32, bool), std::rc::Rc<Shown>)>,
    /// The focus on the selected nations' neighbourhood.
    pub(crate) focus: CanvasFocus,
}

#[derive(Debug)]
struct NodeDrag {
    starts: Vec<(NationId, (f32, f32))>,
    moved: Vec2,
    key: MergeKey,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            zoom: 1.0,
            fit_pending: FIT_FRAMES,
            area: None,
            drag: None,
            drag_count: 0,
            box_start: None,
            renaming: None,
            menu_position: None,
            menu_request: None,
            menu_focus_pending: false,
            shown: None,
            focus: CanvasFocus::default(),
        }
    }
}

impl CanvasView {
    /// Fits the network into view at the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = FIT_FRAMES;
    }

    /// Starts renaming a nation in place, with its current name in the field.
    pub fn start_rename(&mut self, id: NationId, name: String) {
        self.renaming = Some((id, name, true));
    }

    /// Opens a nation's context menu at the next frame, as a right click would.
    pub fn open_menu_of(&mut self, id: NationId) {
        self.menu_request = Some(id);
    }

    /// The canvas point at the centre of the view.
    pub fn centre_in_canvas(&self) -> (f32, f32) {
        match self.area {
            Some(area) => self.to_canvas(area, area.center()),
            None => (0.0, 0.0),
        }
    }

    fn to_screen(&self, area: Rect, p: (f32, f32)) -> Pos2 {
        area.center() + self.pan + vec2(p.0, p.1) * self.zoom
    }

    fn to_canvas(&self, area: Rect, p: Pos2) -> (f32, f32) {
        let v = (p - area.center() - self.pan) / self.zoom;
        (v.x, v.y)
    }

    fn fit(&mut self, area: Rect, positions: &BTreeMap<NationId, (f32, f32)>) {
        let mut bounds = Rect::NOTHING;
        for p in positions.values() {
            bounds.extend_with(pos2(p.0, p.1));
        }
        if !bounds.is_positive() {
            bounds = Rect::from_center_size(bounds.center(), vec2(1.0, 1.0));
        }
        if positions.is_empty() {
            bounds = Rect::from_center_size(Pos2::ZERO, vec2(200.0, 200.0));
        }
        // Room for node radii and labels around the outermost nodes.
        let margin = vec2(180.0, 150.0);
        let zoom_x = area.width() / (bounds.width() + margin.x);
        let zoom_y = area.height() / (bounds.height() + margin.y);
        self.zoom = zoom_x.min(zoom_y).clamp(MIN_ZOOM, 2.0);
        self.pan = -bounds.center().to_vec2() * self.zoom;
        self.fit_pending = self.fit_pending.saturating_sub(1);
    }
}

/// Node radius from military capability, relative to the strongest nation.
fn radius(capability: f64, strongest: f64) -> f32 {
    let share = if strongest > 0.0 {
        (capability / strongest).clamp(0.0, 1.0)
    } else {
        0.0
    };
    12.0 + 16.0 * share.sqrt() as f32
}

/// Relation colour: red for hostile, green for friendly, grey near zero.
fn relation_colour(relation: f64) -> Color32 {
    let strength = relation.abs().clamp(0.0, 1.0) as f32;
    let alpha = (90.0 + 165.0 * strength) as u8;
    if relation < 0.0 {
        Color32::from_rgba_unmultiplied(215, 60, 60, alpha)
    } else if relation > 0.0 {
        Color32::from_rgba_unmultiplied(60, 170, 90, alpha)
    } else {
        Color32::from_rgba_unmultiplied(150, 150, 150, 90)
    }
}

/// How a treaty kind is drawn: colour and dash pattern (None = solid; doubled for defence pacts).
fn treaty_style(kind: TreatyKind) -> (Color32, Option<(f32, f32)>) {
    match kind {
        TreatyKind::MutualDefence => (Color32::from_rgb(80, 130, 230), None),
        TreatyKind::NonAggression => (Color32::from_rgb(150, 160, 200), Some((10.0, 6.0))),
        TreatyKind::IntelligenceSharing => (Color32::from_rgb(170, 100, 210), Some((2.0, 4.0))),
        TreatyKind::JointExercises => (Color32::from_rgb(230, 150, 50), Some((14.0, 4.0))),
        TreatyKind::ArmsTrade => (Color32::from_rgb(170, 120, 70), None),
        TreatyKind::ConfidenceBuilding => (Color32::from_rgb(60, 180, 180), Some((4.0, 4.0))),
        TreatyKind::PeacekeepingMandate => (Color32::from_rgb(90, 160, 230), None),
    }
}

fn stability_colour(stability: f64) -> Color32 {
    let s = stability.clamp(0.0, 1.0) as f32;
    Color32::from_rgb(
        (220.0 * (1.0 - s) + 40.0) as u8,
        (180.0 * s + 50.0) as u8,
        70,
    )
}

/// Frames a requested fit is repeated for (see [`CanvasView::fit_pending`]).
const FIT_FRAMES: u8 = 3;

/// Smallest zoom: enough to fit a circle of a thousand nations on screen.
const MIN_ZOOM: f32 = 0.02;

/// At or below this zoom, names and stability gauges under the nodes are left out.
const DETAIL_ZOOM: f32 = 0.3;

/// Most relation handles drawn at once: past this, relations on screen are drawn as lines only.
const EDGE_HANDLE_LIMIT: usize = 1500;

/// What the edge and arrow layers draw from: the nations' names, the world at the cursor, where
/// each nation is on screen, and what is selected.
struct Layer<'a> {
    scenario: &'a Scenario,
    /// Display names by nation id, made when a label first asks (labels are read only by a
    /// screen reader or a hover, and thousands of edges look names up then).
    names: std::cell::OnceCell<BTreeMap<&'a str, String>>,
    shown: &'a Shown,
    screen: &'a HashMap<&'a NationId, Pos2>,
    selection: &'a Selection,
    /// The nations the focus keeps bright (`None`: all of them).
    near: Option<&'a HashSet<NationId>>,
}

/// Draws the canvas and turns gestures into intents.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    canvas: &mut CanvasView,
    intents: &mut Vec<Intent>,
) {
    let tick = app.tick();
    let (document, selection) = (&app.document, &app.selection);
    let scenario = document.scenario();
    let computed = document.simulation().is_some_and(|run| tick <= run.tick());
    let key = (document.run_id(), tick, computed);
    let shown = match &canvas.shown {
        Some((cached, shown)) if *cached == key => std::rc::Rc::clone(shown),
        _ => {
            let shown = std::rc::Rc::new(Shown::at(scenario, document.simulation(), tick));
            canvas.shown = Some((key, std::rc::Rc::clone(&shown)));
            shown
        }
    };
    let (area, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Network canvas"));
    canvas.area = Some(area);
    let positions = positions_with_defaults(scenario);
    if canvas.fit_pending > 0 && area.width() > 10.0 {
        canvas.fit(area, &positions);
    }
    let painter = ui.painter_at(area);
    painter.rect_filled(area, 0.0, ui.visuals().extreme_bg_color);

    view_gestures_ui(
        canvas,
        ui,
        area,
        &background,
        &positions,
        selection,
        intents,
    );

    // Looked up twice per edge; only looked up, never walked, so hash order cannot show.
    let screen: HashMap<&NationId, Pos2> = positions
        .iter()
        .map(|(id, p)| (id, canvas.to_screen(area, *p)))
        .collect();
    // The selected nations, once a frame: the focus and its caption both start from them.
    let focused = selection.selected_nations();
    let near = canvas.focus.near(key, scenario, &shown, &focused);
    let layer = Layer {
        scenario,
        names: std::cell::OnceCell::new(),
        shown: &shown,
        screen: &screen,
        selection,
        near: near.as_deref(),
    };
    relations_ui(ui, &painter, &layer, intents);
    treaties_ui(ui, &painter, &layer, intents);
    interventions_ui(ui, &painter, &layer, intents);
    nodes_ui(
        canvas, ui, &painter, document, &layer, area, &positions, intents,
    );
    legend_ui(ui, &painter, area);
    canvas_focus::caption_ui(ui, area, canvas.focus.depth(), scenario, &focused, intents);
    if let Some(start) = canvas.box_start
        && let Some(now) = ui.ctx().pointer_latest_pos()
    {
        let rect = Rect::from_two_pos(start, now);
        painter.rect_filled(
            rect,
            0.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.2),
        );
        painter.rect_stroke(
            rect,
            0.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// Pan, zoom, box selection, background clicks and the background menu.
fn view_gestures_ui(
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
fn arrow_keys(ui: &egui::Ui, id: egui::Id) -> (Vec2, i32) {
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
fn focus_ring(ui: &egui::Ui, painter: &egui::Painter, centre: Pos2, radius: f32) {
    let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
    let steps = 24;
    for k in (0..steps).step_by(2) {
        let angle = |j: usize| std::f32::consts::TAU * j as f32 / steps as f32;
        let point = |a: f32| centre + radius * vec2(a.cos(), a.sin());
        painter.line_segment([point(angle(k)), point(angle(k + 1))], stroke);
    }
}

/// A small clickable handle on an edge: what screen readers and tests find. The label is made
/// only when something reads it (a screen reader, a hover), since large networks have thousands
/// of edges.
fn edge_handle(
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
    fn faded<'n>(&self, mut nations: impl Iterator<Item = &'n NationId>) -> bool {
        nations.any(|id| is_faded(self.near, id))
    }

    /// A nation's display name (its id if it has none).
    fn name(&self, id: &NationId) -> String {
        let names = self.names.get_or_init(|| {
            self.scenario
                .nations
                .iter()
                .map(|n| (n.id.as_str(), name_or_id(&n.name, n.id.as_str())))
                .collect()
        });
        names
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

fn relations_ui(
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
    // Only edges that cross the visible canvas are drawn (culling).
    let visible = painter.clip_rect();
    let on_screen: Vec<(&crate::editor::shown::ShownRelation, Pos2, Pos2)> = shown
        .relations
        .iter()
        .filter_map(|relation| {
            let (a, b) = (*screen.get(&relation.a)?, *screen.get(&relation.b)?);
            Rect::from_two_pos(a, b)
                .intersects(visible)
                .then_some((relation, a, b))
        })
        .collect();
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
}

fn treaties_ui(
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
        if points.len() == 1 {
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
        for (k, &a) in points.iter().enumerate() {
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
fn interventions_ui(
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
        let colour = faded_if(layer.faded(parties), Color32::from_rgb(235, 90, 60));
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

fn edit(edit: Edit) -> Intent {
    Intent::Edit { edit, merge: None }
}

#[allow(clippy::too_many_arguments)]
fn nodes_ui(
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
    for (k, nation) in scenario.nations.iter().enumerate() {
        let Some(&p) = positions.get(&nation.id) else {
            continue;
        };
        let centre = canvas.to_screen(area, p);
        let r = radius(nation.capability, strongest) * canvas.zoom.clamp(0.2, 1.5);
        let region = region_index.get(&nation.region).copied().unwrap_or(0);
        let item = Item::Nation(nation.id.clone());
        let selected = selection.contains(&item);
        let name = name_or_id(&nation.name, nation.id.as_str());
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
            .is_some_and(|(id, _, _)| id == &nation.id);
        if !renaming_this && canvas.zoom > DETAIL_ZOOM {
            painter.text(
                centre + vec2(0.0, r + 11.0),
                egui::Align2::CENTER_TOP,
                &name,
                egui::FontId::proportional(13.0),
                faded_if(faded, text_colour),
            );
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
}

/// Dragging moves the node (or the whole selection it belongs to): layout only, one undo step.
fn node_drag(
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

fn rename_ui(canvas: &mut CanvasView, ui: &mut egui::Ui, at: Pos2, intents: &mut Vec<Intent>) {
    let Some((id, text, first)) = &mut canvas.renaming else {
        return;
    };
    let rect = Rect::from_center_size(at + vec2(0.0, 10.0), vec2(160.0, 22.0));
    let response = ui.put(rect, egui::TextEdit::singleline(text).hint_text("name"));
    if *first {
        response.request_focus();
        *first = false;
    }
    let cancel = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if response.lost_focus() {
        if !cancel {
            intents.push(edit(Edit::RenameNation {
                nation: id.clone(),
                name: text.trim().to_owned(),
            }));
        }
        canvas.renaming = None;
    }
}

fn node_menu_ui(
    canvas: &mut CanvasView,
    ui: &mut egui::Ui,
    document: &Document,
    tick: u32,
    id: &NationId,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    let scenario = document.scenario();
    let others: Vec<(NationId, String)> = scenario
        .nations
        .iter()
        .filter(|n| &n.id != id)
        .map(|n| (n.id.clone(), name_or_id(&n.name, n.id.as_str())))
        .collect();
    let rename = ui.button("Rename");
    if std::mem::take(&mut canvas.menu_focus_pending) {
        rename.request_focus();
    }
    if rename.clicked() {
        canvas.start_rename(id.clone(), nation_name(scenario, id));
        ui.close();
    }
    ui.menu_button("Set relation with", |ui| {
        for (other, name) in &others {
            ui.menu_button(name, |ui| {
                for (label, value) in [
                    ("Allied (+0.8)", 0.8),
                    ("Friendly (+0.4)", 0.4),
                    ("Neutral (0)", 0.0),
                    ("Hostile (−0.4)", -0.4),
                    ("Enemies (−0.8)", -0.8),
                ] {
                    if ui.button(label).clicked() {
                        let trust = if value <= -0.3 { 0.2 } else { 0.5 };
                        intents.push(edit(Edit::SetRelation {
                            a: id.clone(),
                            b: other.clone(),
                            relation: value,
                            trust,
                        }));
                        intents.push(Intent::Select(Selection::single(Item::relation(id, other))));
                        ui.close();
                    }
                }
            });
        }
    });
    ui.menu_button("Sign treaty with", |ui| {
        for (other, name) in &others {
            ui.menu_button(name, |ui| {
                for kind in TreatyKind::ALL {
                    if kind == TreatyKind::PeacekeepingMandate {
                        continue;
                    }
                    if ui.button(kind.label()).clicked() {
                        sign(
                            scenario,
                            tick,
                            kind,
                            vec![id.clone(), other.clone()],
                            intents,
                        );
                        ui.close();
                    }
                }
            });
        }
        ui.separator();
        if ui.button("Peacekeeping mandate for this nation").clicked() {
            sign(
                scenario,
                tick,
                TreatyKind::PeacekeepingMandate,
                vec![id.clone()],
                intents,
            );
            ui.close();
        }
    });
    ui.menu_button("Intervene in this nation", |ui| {
        ui.label("Intervening nation:");
        for (other, name) in &others {
            ui.menu_button(name, |ui| {
                for kind in InterventionKind::ALL {
                    if ui.button(kind.label()).clicked() {
                        intervene(document, tick, kind, other, id, intents);
                        ui.close();
                    }
                }
            });
        }
    });
    ui.menu_button("Add to alliance", |ui| {
        let mut any = false;
        for alliance in &scenario.alliances {
            if alliance.members.contains(id) {
                continue;
            }
            any = true;
            let name = name_or_id(&alliance.name, alliance.id.as_str());
            if ui.button(name).clicked() {
                let mut joined = alliance.clone();
                joined.members.push(id.clone());
                intents.push(edit(Edit::UpdateAlliance(joined)));
                ui.close();
            }
        }
        if !any {
            ui.label("No alliance to join");
        }
        if selection.selected_nations().len() >= 2
            && ui.button("New alliance of the selection").clicked()
        {
            intents.push(Intent::Run(Command::CreateAlliance));
            ui.close();
        }
    });
    ui.separator();
    if ui.button("Delete").clicked() {
        let targets = if selection.contains(&Item::Nation(id.clone())) {
            selection.selected_nations()
        } else {
            vec![id.clone()]
        };
        intents.push(edit(Edit::RemoveNations(targets)));
        ui.close();
    }
}

/// Signs a treaty at the cursor tick: in force from the start at tick 0, else a timeline event.
fn sign(
    scenario: &Scenario,
    tick: u32,
    kind: TreatyKind,
    parties: Vec<NationId>,
    intents: &mut Vec<Intent>,
) {
    let id = fresh_id("treaty-", |id| {
        scenario.treaties.iter().any(|t| t.id.as_str() == id)
            || scenario.events.iter().any(|e| match &e.action {
                Action::SignTreaty(t) => t.id.as_str() == id,
                _ => false,
            })
    });
    let treaty = Treaty::new(id.as_str().into(), kind, parties);
    if tick == 0 {
        intents.push(edit(Edit::AddTreaty(treaty)));
        intents.push(Intent::Select(Selection::single(Item::Treaty(
            id.as_str().into(),
        ))));
    } else {
        let event = Event::new(tick, Action::SignTreaty(treaty));
        intents.push(edit(Edit::ScheduleEvent(event)));
    }
}

fn intervene(
    document: &Document,
    tick: u32,
    kind: InterventionKind,
    intervener: &NationId,
    target: &NationId,
    intents: &mut Vec<Intent>,
) {
    let scenario = document.scenario();
    let id = fresh_id("op-", |id| {
        scenario.events.iter().any(|e| match &e.action {
            Action::Intervention(i) => i.id.as_str() == id,
            _ => false,
        })
    });
    let intervention = Intervention::new(
        id.as_str().into(),
        kind,
        vec![intervener.clone()],
        target.clone(),
    );
    intents.push(edit(Edit::ScheduleEvent(Event::new(
        tick,
        Action::Intervention(intervention),
    ))));
}

/// Label, colour, dash pattern, doubled line.
type LegendEntry = (String, Color32, Option<(f32, f32)>, bool);

fn legend_ui(ui: &egui::Ui, painter: &egui::Painter, area: Rect) {
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
