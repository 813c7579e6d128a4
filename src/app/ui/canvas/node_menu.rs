//! A nation's context menu (right click, Shift+F10 or the Menu key): rename, set a relation,
//! sign a treaty, intervene, join an alliance, delete. Every entry pushes intents.

use super::{CanvasView, edit};
use crate::app::command::{Command, Intent};
use crate::app::ui::nation_name;
use crate::editor::document::Document;
use crate::editor::edit::{Edit, fresh_id};
use crate::editor::selection::{Item, Selection};
use crate::model::{
    Action, Event, Intervention, InterventionKind, NationId, Scenario, Treaty, TreatyKind,
};

pub(super) fn node_menu_ui(
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
        .map(|n| (n.id.clone(), n.name.or_id(n.id.as_str()).to_owned()))
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
            let name = alliance.name.or_id(alliance.id.as_str()).to_owned();
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
pub(super) fn sign(
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

pub(super) fn intervene(
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
