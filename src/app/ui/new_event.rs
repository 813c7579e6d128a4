//! New events: the palette of kinds to drag onto the timeline (or click, to add at the cursor),
//! the defaults a new event starts from, and the form that fills it in before it is scheduled.

use egui::Sense;

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::action_form::action_form_ui;
use crate::app::ui::timeline::TimelineView;
use crate::editor::edit::{Edit, fresh_id};
use crate::editor::run_cache::RunKey;
use crate::model::{
    Action, Alliance, Attribute, Event, Intervention, InterventionKind, NationId, Scenario, Text,
    Treaty, TreatyKind, validate,
};

/// The kinds of new event the palette offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewKind {
    /// A military intervention.
    Intervention,
    /// A treaty signed.
    Treaty,
    /// A new alliance.
    FormAlliance,
    /// A nation joins an alliance.
    JoinAlliance,
    /// A nation leaves an alliance.
    LeaveAlliance,
    /// A change of leader.
    Leadership,
    /// An attribute set to a new value.
    Shock,
    /// A relation set to a new value.
    RelationShock,
    /// A new defence policy.
    DefencePolicy,
}

impl NewKind {
    /// Every kind, in palette order.
    pub const ALL: [NewKind; 9] = [
        Self::Intervention,
        Self::Treaty,
        Self::FormAlliance,
        Self::JoinAlliance,
        Self::LeaveAlliance,
        Self::Leadership,
        Self::Shock,
        Self::RelationShock,
        Self::DefencePolicy,
    ];

    /// Its palette label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Intervention => "Intervention",
            Self::Treaty => "Treaty",
            Self::FormAlliance => "New alliance",
            Self::JoinAlliance => "Join alliance",
            Self::LeaveAlliance => "Leave alliance",
            Self::Leadership => "Leadership change",
            Self::Shock => "Attribute shock",
            Self::RelationShock => "Relation shock",
            Self::DefencePolicy => "Defence policy",
        }
    }
}

/// A new event being filled in before it goes on the timeline.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Where it will go.
    pub tick: u32,
    /// What it will do.
    pub action: Action,
}

/// The palette: one button per kind of event; drag it onto the timeline, or click it to add at
/// the cursor. Returns the kind clicked.
pub(super) fn palette_ui(ui: &mut egui::Ui, cursor: u32) -> Option<NewKind> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        // Short, so the buttons fit one row on a small screen; each button says the rest.
        ui.weak("Add an event:")
            .on_hover_text("Drag a kind onto the timeline, or click it to add at the cursor");
        for kind in NewKind::ALL {
            // One widget senses both, so a click is not taken by a drag area laid over it.
            let response = ui
                .add(egui::Button::new(kind.label()).sense(Sense::click_and_drag()))
                .on_hover_text(format!(
                    "Drag to a tick, or click to schedule at tick {cursor}"
                ));
            response.dnd_set_drag_payload(kind);
            if response.clicked() {
                clicked = Some(kind);
            }
        }
    });
    clicked
}

/// A new event of `kind` with sensible defaults: the selected nations where they fit.
pub fn new_action(kind: NewKind, scenario: &Scenario, selected: &[NationId]) -> Action {
    let nations: Vec<NationId> = selected
        .iter()
        .cloned()
        .chain(scenario.nations.iter().map(|n| n.id.clone()))
        .fold(Vec::new(), |mut all, id| {
            if !all.contains(&id) {
                all.push(id);
            }
            all
        });
    let first = nations
        .first()
        .cloned()
        .unwrap_or_else(|| NationId::from("?"));
    let second = nations.get(1).cloned().unwrap_or_else(|| first.clone());
    let alliance = scenario
        .alliances
        .iter()
        .map(|a| a.id.clone())
        .chain(scenario.events.iter().filter_map(|e| match &e.action {
            Action::FormAlliance(a) => Some(a.id.clone()),
            _ => None,
        }))
        .next()
        .unwrap_or_else(|| "?".into());
    let taken = |prefix: &str| {
        fresh_id(prefix, |id| {
            scenario.treaties.iter().any(|t| t.id.as_str() == id)
                || scenario.alliances.iter().any(|a| a.id.as_str() == id)
                || scenario.events.iter().any(|e| match &e.action {
                    Action::Intervention(i) => i.id.as_str() == id,
                    Action::SignTreaty(t) => t.id.as_str() == id,
                    Action::FormAlliance(a) => a.id.as_str() == id,
                    _ => false,
                })
        })
    };
    match kind {
        NewKind::Intervention => Action::Intervention(Intervention::new(
            taken("op-").as_str().into(),
            InterventionKind::RegimeChange,
            vec![first],
            second,
        )),
        NewKind::Treaty => Action::SignTreaty(Treaty::new(
            taken("treaty-").as_str().into(),
            TreatyKind::NonAggression,
            vec![first, second],
        )),
        NewKind::FormAlliance => {
            let id = taken("alliance-");
            Action::FormAlliance(Alliance {
                name: Text(format!("Alliance {id}")),
                id: id.as_str().into(),
                members: vec![first, second],
                collective_defence: true,
            })
        }
        NewKind::JoinAlliance => Action::JoinAlliance {
            alliance,
            nation: first,
        },
        NewKind::LeaveAlliance => Action::LeaveAlliance {
            alliance,
            nation: first,
        },
        NewKind::Leadership => Action::LeadershipChange {
            nation: first,
            leader: Text::default(),
            ideology_shift: 0.0,
            democracy_shift: 0.0,
        },
        NewKind::Shock => Action::SetAttribute {
            nation: first,
            attribute: Attribute::Stability,
            value: 0.3,
            structural: false,
        },
        NewKind::RelationShock => Action::SetRelation {
            a: first,
            b: second,
            relation: Some(-0.5),
            trust: None,
            structural: false,
        },
        NewKind::DefencePolicy => Action::ChangeDefenceAmbition {
            nation: first,
            target_share: 0.05,
        },
    }
}

/// The new-event form, a small window: every field of the kind, the tick, and Add or Cancel.
/// Problems with the draft are listed and Add waits until there are none.
pub fn draft_window_ui(
    ctx: &egui::Context,
    app: &AppState,
    timeline: &mut TimelineView,
    intents: &mut Vec<Intent>,
) {
    let document = &app.document;
    let Some(draft) = &mut timeline.draft else {
        return;
    };
    let scenario = document.scenario();
    let mut open = true;
    let mut decided = None;
    egui::Window::new(format!("New {}", draft.action.kind_noun()))
        .id(egui::Id::unique("new event form"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(340.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label("At tick");
                        ui.add(egui::DragValue::new(&mut draft.tick).range(0..=scenario.horizon))
                            .labelled_by(label.id);
                        let (year, quarter) = scenario.meta.start.at_tick(draft.tick);
                        ui.weak(format!("{year} Q{quarter}"));
                    });
                    action_form_ui(ui, scenario, &mut draft.action, u64::MAX);
                });
            let run = document.run_id();
            let unchanged =
                |(tick, action): &(u32, Action)| *tick == draft.tick && *action == draft.action;
            if timeline.checked.find(run, unchanged).is_none() {
                let mut candidate = scenario.clone();
                candidate
                    .events
                    .push(Event::new(draft.tick, draft.action.clone()));
                let problems = validate(&candidate)
                    .into_iter()
                    .map(|p| p.message)
                    .collect();
                let key = RunKey::new(run, (draft.tick, draft.action.clone()));
                timeline.checked.insert(key, problems);
            }
            let problems = timeline
                .checked
                .find(run, unchanged)
                .map_or(&[][..], Vec::as_slice);
            for problem in problems.iter().take(3) {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            // The exercise's refusal is shown here, and the form stays open with what was
            // typed, rather than closing on a refusal in the status bar.
            let event = Event::new(draft.tick, draft.action.clone());
            let refusal = app.refusal(&Edit::ScheduleEvent(event));
            if let Some(reason) = &refusal {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Not in this exercise: {reason}"),
                );
            }
            let allowed = problems.is_empty() && refusal.is_none();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(allowed, egui::Button::new("Add to timeline"))
                    .clicked()
                {
                    decided = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    decided = Some(false);
                }
            });
        });
    match decided {
        Some(true) => {
            let event = Event::new(draft.tick, draft.action.clone());
            intents.push(Intent::Edit {
                edit: Edit::ScheduleEvent(event),
                merge: None,
            });
            timeline.draft = None;
        }
        Some(false) => timeline.draft = None,
        None if !open => timeline.draft = None,
        None => {}
    }
}
