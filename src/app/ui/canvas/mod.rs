//! The network canvas, drawn with egui's painter: nations as nodes, relations and treaties as
//! edges, alliances as rings. Every node and edge is an accessible widget with a label.
//!
//! This file holds the view (pan, zoom, fitting) and draws the layers in order; each layer has
//! its file: the view's gestures, the edges, the nodes, a node's menu, the legend and the focus.

mod edges;
pub mod find;
pub(super) mod focus;
mod gestures;
mod legend;
mod node_menu;
mod nodes;
mod regions;
pub mod ties;

use std::collections::BTreeMap;

use egui::{Pos2, Rect, Sense, Vec2, pos2, vec2};

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::editor::document::MergeKey;
use crate::editor::edit::{Edit, positions_with_defaults};
use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::shown::Shown;
use crate::model::NationId;
use edges::{Layer, interventions_ui, relations_ui, treaties_ui};
use focus::CanvasFocus;
use gestures::view_gestures_ui;
use legend::legend_ui;
use nodes::nodes_ui;

/// Where each nation is on screen this frame, looked up twice per edge. A hash map, the one
/// allowed outside tests: it is only looked up, never walked, so its order cannot show.
#[allow(clippy::disallowed_types)]
pub(super) type ScreenPositions<'a> = std::collections::HashMap<&'a NationId, Pos2>;

/// Which picture of a run the canvas shows: the tick, and whether it was computed yet (until it
/// is, the canvas shows the scenario as loaded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PictureAt {
    /// The cursor's tick.
    pub tick: u32,
    /// Whether the run had reached it.
    pub computed: bool,
}

/// Pan, zoom and the gesture in progress. View state, not document.
#[derive(Debug)]
pub struct CanvasView {
    /// Screen offset of the canvas origin from the centre of the canvas area.
    pub(super) pan: Vec2,
    /// Screen points per canvas unit.
    pub(super) zoom: f32,
    /// Frames still to fit the network into view: a few, because the panels around the canvas
    /// settle their sizes over the first frames after a window opens or a file loads.
    pub(super) fit_pending: u8,
    pub(super) area: Option<Rect>,
    pub(super) drag: Option<NodeDrag>,
    pub(super) drag_count: u64,
    pub(super) box_start: Option<Pos2>,
    pub(super) renaming: Option<Renaming>,
    pub(super) menu_position: Option<(f32, f32)>,
    /// A node whose context menu the keyboard asked to open at the next frame.
    pub(super) menu_request: Option<NationId>,
    /// The menu was opened from the keyboard: its first entry takes the focus.
    pub(super) menu_focus_pending: bool,
    /// The picture at the cursor: a large network's picture is not rebuilt every frame.
    pub(super) picture: RunCache<PictureAt, std::rc::Rc<Shown>>,
    /// Whether the legend is shown, as the user chose (None: by the room the canvas has).
    pub(super) legend: Option<bool>,
    /// The focus on the selected nations' neighbourhood.
    pub(crate) focus: CanvasFocus,
    /// The find-a-nation field, while it is open.
    pub(super) find: Option<find::Find>,
    /// Which weak ties are drawn.
    pub(crate) ties: ties::TieFilter,
}

/// A nation being renamed in place on the canvas.
#[derive(Debug)]
pub(super) struct Renaming {
    /// The nation.
    pub(super) nation: NationId,
    /// The name as typed so far.
    pub(super) text: String,
    /// The field takes the keyboard focus in the first frame it is drawn.
    pub(super) focus_pending: bool,
}

/// A node drag under way: where the dragged nodes started, how far they moved, its undo group.
#[derive(Debug)]
pub(super) struct NodeDrag {
    pub(super) starts: Vec<(NationId, (f32, f32))>,
    pub(super) moved: Vec2,
    pub(super) key: MergeKey,
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
            picture: RunCache::default(),
            legend: None,
            focus: CanvasFocus::default(),
            find: None,
            ties: ties::TieFilter::default(),
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
        self.renaming = Some(Renaming {
            nation: id,
            text: name,
            focus_pending: true,
        });
    }

    /// Opens the find-a-nation field, with the keyboard in it.
    pub fn open_find(&mut self) {
        self.find = Some(find::Find {
            text: String::new(),
            focus_pending: true,
        });
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

    pub(super) fn to_screen(&self, area: Rect, p: (f32, f32)) -> Pos2 {
        area.center() + self.pan + vec2(p.0, p.1) * self.zoom
    }

    pub(super) fn to_canvas(&self, area: Rect, p: Pos2) -> (f32, f32) {
        let v = (p - area.center() - self.pan) / self.zoom;
        (v.x, v.y)
    }

    pub(super) fn fit(&mut self, area: Rect, positions: &BTreeMap<NationId, (f32, f32)>) {
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

/// Frames a requested fit is repeated for (see [`CanvasView::fit_pending`]).
const FIT_FRAMES: u8 = 3;

/// Smallest zoom: enough to fit a circle of a thousand nations on screen.
pub(super) const MIN_ZOOM: f32 = 0.02;

/// At or below this zoom, names and stability gauges under the nodes are left out.
pub(super) const DETAIL_ZOOM: f32 = 0.3;

/// In a large world (`editor::layout::LARGE_WORLD`), every name is shown only above this zoom:
/// nodes sit closer than their names are long.
pub(super) const NAMES_ZOOM: f32 = 0.6;

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
    let key = RunKey::new(document.run_id(), PictureAt { tick, computed });
    let shown = std::rc::Rc::clone(canvas.picture.get_or_insert_with(key.clone(), || {
        std::rc::Rc::new(Shown::at(scenario, document.simulation(), tick))
    }));
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

    let screen: ScreenPositions = positions
        .iter()
        .map(|(id, p)| (id, canvas.to_screen(area, *p)))
        .collect();
    // The selected nations, once a frame: the focus and its caption both start from them.
    let focused = selection.selected_nations();
    let near = canvas.focus.near(&key, scenario, &shown, &focused);
    let clusters = regions::clusters(scenario, &screen, near.as_deref(), painter.clip_rect());
    regions::discs_ui(&painter, &clusters);
    let lit = canvas.ties.lit(&focused);
    let layer = Layer {
        scenario,
        names: std::cell::OnceCell::new(),
        shown: &shown,
        screen: &screen,
        selection,
        near: near.as_deref(),
        weak_below: canvas.ties.threshold(scenario.nations.len()),
        lit: &lit,
    };
    let hidden_ties = relations_ui(ui, &painter, &layer, intents);
    treaties_ui(ui, &painter, &layer, intents);
    interventions_ui(ui, &painter, &layer, intents);
    regions::names_ui(ui, &painter, &clusters);
    nodes_ui(
        canvas, ui, &painter, document, &layer, area, &positions, intents,
    );
    legend_ui(ui, &painter, area, &mut canvas.legend);
    ties::ties_control_ui(
        ui,
        area,
        &mut canvas.ties,
        scenario.nations.len(),
        hidden_ties,
    );
    focus::caption_ui(ui, area, canvas.focus.depth(), scenario, &focused, intents);
    find::find_ui(ui, canvas, area, scenario, &positions, intents);
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

/// An edit that is its own undo step.
pub(super) fn edit(edit: Edit) -> Intent {
    Intent::Edit { edit, merge: None }
}
