//! The timeline: a ruler of ticks with dates, one lane per kind of event, the cursor, and a
//! palette of new events to drag onto it. Events are markers (bars when they last); dragging one
//! moves it (one undo step), clicking selects it for the inspector, hovering shows its details.

use egui::{Rect, Sense, Stroke, pos2, vec2};

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::new_event::{Draft, NewKind, new_action, palette_ui};
use crate::app::ui::palette;
use crate::app::ui::theme;
use crate::editor::document::MergeKey;
use crate::editor::edit::Edit;
use crate::editor::model_events::{Lane, ModelEvent, model_events};
use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::selection::{Item, Selection};
use crate::model::{Action, Event, EventHandle, Scenario};

/// The lanes, top to bottom.
const LANES: [&str; 5] = [
    "Interventions",
    "Treaties",
    "Alliances",
    "Leadership",
    "Shocks & policy",
];

fn lane_of(action: &Action) -> usize {
    match action {
        Action::Intervention(_) => 0,
        Action::SignTreaty(_) | Action::AbrogateTreaty { .. } => 1,
        Action::FormAlliance(_) | Action::JoinAlliance { .. } | Action::LeaveAlliance { .. } => 2,
        Action::LeadershipChange { .. } => 3,
        Action::SetAttribute { .. }
        | Action::SetRelation { .. }
        | Action::ChangeDefenceAmbition { .. } => 4,
    }
}

/// An event being dragged along the timeline.
#[derive(Debug)]
struct EventDrag {
    /// The event.
    handle: EventHandle,
    /// The tick it was last moved to.
    tick: u32,
    /// The undo group of the whole drag.
    key: MergeKey,
}

/// Timeline state that is not part of the document.
#[derive(Debug, Default)]
pub struct TimelineView {
    /// The event being dragged, the tick it was last moved to, and the undo group of the drag.
    drag: Option<EventDrag>,
    drags: u64,
    /// The new-event form, when open.
    pub(super) draft: Option<Draft>,
    /// The draft last validated (the run it was checked against, its tick and action) and its
    /// problems: validating a whole scenario every frame the form is open would waste each frame.
    pub(super) checked: RunCache<(u32, Action), Vec<String>>,
    /// What the model did by itself over the finished run (worked out once the run is done).
    model_events: RunCache<(), std::rc::Rc<[ModelEvent]>>,
}

impl TimelineView {
    /// The new-event form's content, if it is open.
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }
}

const RULER: f32 = 22.0;
const LANE: f32 = 20.0;
const LABELS: f32 = 110.0;

/// Draws the timeline panel's content.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    timeline: &mut TimelineView,
    intents: &mut Vec<Intent>,
) {
    let cursor = app.cursor();
    let shown = app.tick();
    // New events start from the selected nations, then the ones the student acts for.
    let mut first_nations = app.selection.selected_nations();
    first_nations.extend(app.acting_nations());
    let (document, selection) = (&app.document, &app.selection);
    let scenario = document.scenario();
    let horizon = scenario.horizon.max(1);

    let palette_drop = palette_ui(ui, cursor);

    let width = ui.available_width();
    let height = RULER + LANE * LANES.len() as f32 + 4.0;
    let (area, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let track = Rect::from_min_max(pos2(area.left() + LABELS, area.top()), area.max);
    let x_of = |tick: f64| {
        track.left() + 8.0 + (track.width() - 16.0) * (tick / f64::from(horizon)) as f32
    };
    let tick_at = |x: f32| {
        let t = (x - track.left() - 8.0) / (track.width() - 16.0) * horizon as f32;
        t.round().clamp(0.0, horizon as f32) as u32
    };
    let painter = ui.painter_at(area);
    painter.rect_filled(track, 2.0, ui.visuals().extreme_bg_color);
    for (k, lane) in LANES.iter().enumerate() {
        let y = area.top() + RULER + LANE * k as f32;
        painter.text(
            pos2(area.left() + 4.0, y + LANE / 2.0),
            egui::Align2::LEFT_CENTER,
            *lane,
            egui::FontId::proportional(12.0),
            ui.visuals().weak_text_color(),
        );
        painter.hline(
            track.x_range(),
            y,
            Stroke::new(0.5, ui.visuals().faint_bg_color),
        );
    }

    // The ruler: click to seek, drag to scrub.
    let ruler_rect = Rect::from_min_size(track.min, vec2(track.width(), RULER));
    let ruler = ui.interact(
        ruler_rect,
        ui.scope_id().with("ruler"),
        Sense::click_and_drag(),
    );
    ruler.widget_info(|| {
        egui::WidgetInfo::slider(true, f64::from(cursor), "Timeline cursor (tick)")
    });
    if (ruler.clicked() || ruler.dragged())
        && let Some(pointer) = ruler.interact_pointer_pos()
    {
        intents.push(Intent::Seek(tick_at(pointer.x)));
    }
    if let Some(pointer) = ruler.hover_pos() {
        let tick = tick_at(pointer.x);
        let (year, quarter) = scenario.meta.start.at_tick(tick);
        ruler.clone().on_hover_text_at_pointer(format!(
            "Tick {tick} · {year} Q{quarter}: click to seek, drag to scrub"
        ));
    }
    ruler_marks_ui(ui, &painter, scenario, ruler_rect, horizon, &x_of);

    // Drops from the palette land at the tick under the pointer.
    let lanes_rect = Rect::from_min_max(pos2(track.left(), ruler_rect.bottom()), track.max);
    let lanes = ui.interact(lanes_rect, ui.scope_id().with("lanes"), Sense::hover());
    if let Some(kind) = lanes.dnd_release_payload::<NewKind>()
        && let Some(pointer) = ui.ctx().pointer_latest_pos()
    {
        timeline.draft = Some(Draft {
            tick: tick_at(pointer.x),
            action: new_action(*kind, scenario, &first_nations),
        });
    }
    if lanes.dnd_hover_payload::<NewKind>().is_some()
        && let Some(pointer) = ui.ctx().pointer_latest_pos()
    {
        let x = x_of(f64::from(tick_at(pointer.x)));
        painter.vline(
            x,
            lanes_rect.y_range(),
            Stroke::new(2.0, ui.visuals().selection.bg_fill),
        );
    }
    if let Some(kind) = palette_drop {
        timeline.draft = Some(Draft {
            tick: cursor,
            action: new_action(kind, scenario, &first_nations),
        });
    }

    events_ui(
        ui, &painter, scenario, timeline, selection, intents, area, &x_of, &tick_at,
    );
    model_events_ui(ui, &painter, app, timeline, area, &x_of);

    // The cursor, over everything.
    let x = x_of(f64::from(shown));
    painter.vline(x, track.y_range(), Stroke::new(2.0, theme::CURSOR));
    painter.circle_filled(pos2(x, track.top() + 6.0), 5.0, theme::CURSOR);
}

fn ruler_marks_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    scenario: &Scenario,
    rect: Rect,
    horizon: u32,
    x_of: &dyn Fn(f64) -> f32,
) {
    let colour = ui.visuals().text_color();
    // A label per year, or per few years when they would crowd.
    let per_tick = (rect.width() - 16.0) / horizon as f32;
    let years_per_label = [1u32, 2, 5, 10, 25, 50, 100]
        .into_iter()
        .find(|n| per_tick * 4.0 * *n as f32 >= 44.0)
        .unwrap_or(100);
    for tick in 0..=horizon {
        let (year, quarter) = scenario.meta.start.at_tick(tick);
        let x = x_of(f64::from(tick));
        let major = quarter == 1;
        if per_tick >= 3.0 || major {
            let length = if major { 8.0 } else { 4.0 };
            painter.vline(
                x,
                rect.bottom() - length..=rect.bottom(),
                Stroke::new(1.0, colour),
            );
        }
        if major && year.rem_euclid(i64::from(years_per_label)) == 0 {
            painter.text(
                pos2(x + 2.0, rect.top() + 1.0),
                egui::Align2::LEFT_TOP,
                year.to_string(),
                egui::FontId::proportional(11.0),
                colour,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn events_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    scenario: &Scenario,
    timeline: &mut TimelineView,
    selection: &Selection,
    intents: &mut Vec<Intent>,
    area: Rect,
    x_of: &dyn Fn(f64) -> f32,
    tick_at: &dyn Fn(f32) -> u32,
) {
    for event in &scenario.events {
        let lane = lane_of(&event.action);
        let y = area.top() + RULER + LANE * lane as f32 + LANE / 2.0;
        let start = x_of(f64::from(event.tick));
        let end = match &event.action {
            Action::Intervention(i) => Some(x_of(f64::from(event.tick + i.duration))),
            Action::SignTreaty(t) => t.duration.map(|d| x_of(f64::from(event.tick + d))),
            _ => None,
        };
        let item = Item::Event(event.handle);
        let selected = selection.contains(&item);
        let colour = palette(lane + 1);
        let hit = match end {
            Some(end) => Rect::from_min_max(
                pos2(start - 4.0, y - 7.0),
                pos2(end.max(start + 8.0), y + 7.0),
            ),
            None => Rect::from_center_size(pos2(start, y), vec2(14.0, 14.0)),
        };
        let response = ui.interact(
            hit,
            ui.scope_id().with(("event", event.handle)),
            Sense::click_and_drag(),
        );
        // Described only when read (a screen reader): hundreds of events are drawn every frame.
        response.widget_info(|| {
            let summary = crate::model::describe::event(scenario, event);
            egui::WidgetInfo::labeled(egui::Role::Button, true, summary)
        });
        let fill = if response.hovered() || selected {
            colour
        } else {
            colour.gamma_multiply(0.8)
        };
        match end {
            Some(end) => {
                painter.rect_filled(
                    Rect::from_min_max(pos2(start, y - 5.0), pos2(end, y + 5.0)),
                    3.0,
                    fill.gamma_multiply(0.6),
                );
                painter.circle_filled(pos2(start, y), 5.0, fill);
            }
            None => {
                let d = 6.0;
                painter.add(egui::Shape::convex_polygon(
                    vec![
                        pos2(start, y - d),
                        pos2(start + d, y),
                        pos2(start, y + d),
                        pos2(start - d, y),
                    ],
                    fill,
                    Stroke::NONE,
                ));
            }
        }
        if selected {
            painter.rect_stroke(
                hit.expand(2.0),
                3.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Outside,
            );
        }
        if response.has_focus() {
            painter.rect_stroke(
                hit.expand(4.0),
                3.0,
                Stroke::new(1.5, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        let response = response.on_hover_text(details(scenario, event));
        if response.clicked() {
            intents.push(Intent::Select(Selection::single(item)));
        }
        event_drag(timeline, &response, event, tick_at, intents);
    }
}

/// The model's own events (a member leaving, an alliance dissolving, a treaty running out, an
/// intervention ending) as hollow markers in their lanes, once the run is computed.
fn model_events_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    app: &AppState,
    timeline: &mut TimelineView,
    area: Rect,
    x_of: &dyn Fn(f64) -> f32,
) {
    let document = &app.document;
    let (Some(run), (done, horizon)) = (document.simulation(), document.progress()) else {
        return;
    };
    if done < horizon {
        return;
    }
    let key = RunKey::new(document.run_id(), ());
    let found = timeline
        .model_events
        .get_or_insert_with(key, || model_events(run).into());
    let start = run.world().start;
    for (k, event) in found.iter().enumerate() {
        let lane = match event.lane {
            Lane::Interventions => 0,
            Lane::Treaties => 1,
            Lane::Alliances => 2,
        };
        let y = area.top() + RULER + LANE * lane as f32 + LANE / 2.0;
        let at = pos2(x_of(f64::from(event.tick)), y);
        let hit = Rect::from_center_size(at, vec2(12.0, 12.0));
        let response = ui.interact(hit, ui.scope_id().with(("model event", k)), Sense::hover());
        let (year, quarter) = start.at_tick(event.tick);
        let label = format!(
            "Model event at tick {} ({year} Q{quarter}): {}",
            event.tick, event.what
        );
        let colour = if response.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        painter.circle_stroke(at, 4.5, Stroke::new(1.5, colour));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        response.on_hover_text(format!(
            "{label}\nThe model did this by itself; the Why panel names it as a cause."
        ));
    }
}

/// Dragging an event moves it to the tick under the pointer; the whole drag is one undo step.
/// The event keeps its handle as it moves, so the drag follows it wherever it is in the list.
fn event_drag(
    timeline: &mut TimelineView,
    response: &egui::Response,
    event: &Event,
    tick_at: &dyn Fn(f32) -> u32,
    intents: &mut Vec<Intent>,
) {
    let handle = event.handle;
    if response.drag_started_by(egui::PointerButton::Primary) {
        timeline.drags += 1;
        let key = MergeKey(format!("event drag {}", timeline.drags));
        timeline.drag = Some(EventDrag {
            handle,
            tick: event.tick,
            key,
        });
        intents.push(Intent::Select(Selection::single(Item::Event(handle))));
    }
    let Some(drag) = timeline.drag.as_mut().filter(|drag| drag.handle == handle) else {
        return;
    };
    if response.dragged_by(egui::PointerButton::Primary)
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let tick = tick_at(pointer.x);
        if tick != drag.tick {
            intents.push(Intent::Edit {
                edit: Edit::UpdateEvent {
                    handle,
                    event: Event::new(tick, event.action.clone()),
                },
                merge: Some(drag.key.clone()),
            });
            drag.tick = tick;
        }
    }
    if response.drag_stopped() && timeline.drag.take().is_some() {
        intents.push(Intent::EndMerge);
    }
}

/// The hover text of an event: its description and, for an intervention, how it is conducted.
fn details(scenario: &Scenario, event: &Event) -> String {
    let mut text = crate::model::describe::event(scenario, event);
    if let Action::Intervention(i) = &event.action {
        text.push_str(&format!(
            "\n{:?} · planning {:.1} · local engagement {:.1} · {:.0} troops per 1,000 · {} ticks, {:?} drawdown",
            i.legal_basis, i.post_conflict_planning, i.local_engagement, i.troops_per_1000, i.duration, i.drawdown
        ));
    }
    text
}
