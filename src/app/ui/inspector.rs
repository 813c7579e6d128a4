//! The inspector: the selected nation, relation, alliance, treaty, region or event — or the
//! scenario itself when nothing is selected. Every change becomes an edit intent.

use crate::app::command::{Command, Intent};
use crate::app::state::AppState;
use crate::app::ui::action_form::{FormChange, action_form_ui, treaty_fields_ui};
use crate::app::ui::fields::{nations_picker_ui, number_ui, text_ui};
use crate::app::ui::nation_name;
use crate::editor::document::{Document, MergeKey};
use crate::editor::edit::Edit;
use crate::editor::selection::{Item, Selection};
use crate::model::limits::MAX_HORIZON;
use crate::model::{
    Action, AllianceId, Attribute, Event, EventHandle, NationId, Proximity, Region, RegionId,
    Scenario, Text, TreatyId,
};

/// Collects the intents of one frame of the inspector.
struct Out<'a> {
    intents: &'a mut Vec<Intent>,
}

impl Out<'_> {
    fn edit(&mut self, edit: Edit) {
        self.intents.push(Intent::Edit { edit, merge: None });
    }

    /// An edit from a continuous control: consecutive ones with the same key are one undo step.
    fn gesture(&mut self, edit: Edit, key: String) {
        self.intents.push(Intent::Edit {
            edit,
            merge: Some(MergeKey(key)),
        });
    }

    fn select(&mut self, item: Item) {
        self.intents.push(Intent::Select(Selection::single(item)));
    }
}

/// The inspector panel.
pub fn inspector_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    let tick = app.tick();
    let (document, selection) = (&app.document, &app.selection);
    let mut out = Out { intents };
    // Filling the panel keeps its width steady as the selection changes, so the canvas holds still.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let scenario = document.scenario();
            // What the exercise locks is greyed out, with the reason, in student mode.
            let locked = match selection.only() {
                Some(Item::Nation(id)) => app.refusal(&Edit::RenameNation {
                    nation: id.clone(),
                    name: String::new(),
                }),
                Some(Item::Relation(a, b)) => app.refusal(&Edit::RemoveRelation {
                    a: a.clone(),
                    b: b.clone(),
                }),
                Some(Item::Event(handle)) => app.refusal(&Edit::RemoveEvent(*handle)),
                _ => None,
            };
            let parameters_locked = app.refusal(&Edit::SetSeed(scenario.seed));
            if let Some(reason) = &locked {
                ui.colored_label(ui.visuals().warn_fg_color, format!("🔒 Locked: {reason}"));
            }
            ui.add_enabled_ui(locked.is_none(), |ui| match selection.only() {
                Some(Item::Nation(id)) => nation_ui(ui, document, tick, id, &mut out),
                Some(Item::Relation(a, b)) => relation_ui(ui, scenario, a, b, &mut out),
                Some(Item::Alliance(id)) => alliance_ui(ui, scenario, id, &mut out),
                Some(Item::Treaty(id)) => treaty_ui(ui, scenario, id, &mut out),
                Some(Item::Region(id)) => region_ui(ui, scenario, id, &mut out),
                Some(Item::Event(handle)) => event_ui(ui, scenario, *handle, &mut out),
                None if !selection.is_empty() => several_ui(ui, scenario, selection, &mut out),
                None => scenario_ui(ui, scenario, parameters_locked.as_deref(), &mut out),
            });
        });
}

/// The heading of an object's editor — its kind, name and id — and its name field; returns the
/// new name while it is being edited.
fn header_ui(ui: &mut egui::Ui, kind: &str, name: &Text, id: &str, note: &str) -> Option<String> {
    // The name as the heading and the kind beside the id: "Nation Nation 1" read twice.
    ui.heading(name.or_id(id));
    ui.weak(format!("{kind} · id {id}{note}"));
    text_ui(ui, "Name", &name.0)
}

fn attribute_unit(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Economy => "GDP index",
        Attribute::DefenceShare => "share of GDP",
        Attribute::Capability => "capability index",
        Attribute::Ideology => "−1 left … +1 right",
        _ => "0 … 1",
    }
}

fn nation_ui(ui: &mut egui::Ui, document: &Document, tick: u32, id: &NationId, out: &mut Out) {
    let scenario = document.scenario();
    let Some(nation) = scenario.nations.iter().find(|n| &n.id == id) else {
        return;
    };
    if let Some(name) = header_ui(ui, "Nation", &nation.name, id.as_str(), "") {
        out.gesture(
            Edit::RenameNation {
                nation: id.clone(),
                name,
            },
            format!("name {id}"),
        );
    }
    if let Some(leader) = text_ui(ui, "Leader", &nation.leader.0) {
        out.gesture(
            Edit::SetLeader {
                nation: id.clone(),
                leader,
            },
            format!("leader {id}"),
        );
    }
    ui.horizontal(|ui| {
        ui.label("Region");
        egui::ComboBox::from_id_salt(("region", id))
            .selected_text(nation.region.to_string())
            .show_ui(ui, |ui| {
                for region in &scenario.regions {
                    let label = region.name.or_id(region.id.as_str()).to_owned();
                    if ui
                        .selectable_label(region.id == nation.region, label)
                        .clicked()
                        && region.id != nation.region
                    {
                        out.edit(Edit::SetRegion {
                            nation: id.clone(),
                            region: region.id.clone(),
                        });
                    }
                }
            });
    });
    ui.separator();
    ui.strong("Attributes at the start");
    for attribute in Attribute::ALL {
        let (low, high) = attribute.range();
        let high = match attribute {
            // The slider covers useful values; larger ones can still be typed in the file.
            Attribute::Economy | Attribute::Capability => high.min(1.0e4),
            _ => high,
        };
        let value = nation.attribute(attribute);
        if let Some(value) = number_ui(
            ui,
            attribute.label(),
            value,
            low..=high,
            attribute_unit(attribute),
        ) {
            out.gesture(
                Edit::SetAttribute {
                    nation: id.clone(),
                    attribute,
                    value,
                },
                format!("{id} {attribute:?}"),
            );
        }
    }
    if let Some(run) = document.simulation()
        && let Some(i) = run.world().nation(id.as_str())
        && let Some(state) = run.state(tick)
    {
        let x = &state.nations[i.ix()];
        ui.weak(format!(
            "At tick {}: stability {:.2}, legitimacy {:.2}, capacity {:.2}, armed groups {:.2}",
            tick, x.stability, x.legitimacy, x.capacity, x.armed_groups
        ));
    }
    ui.separator();
    ui.strong("Relations");
    for relation in &scenario.relations {
        let other = if &relation.a == id {
            &relation.b
        } else if &relation.b == id {
            &relation.a
        } else {
            continue;
        };
        ui.horizontal(|ui| {
            if ui
                .link(format!(
                    "{}: {:+.2} (trust {:.2})",
                    nation_name(scenario, other),
                    relation.relation,
                    relation.trust
                ))
                .clicked()
            {
                out.select(Item::relation(id, other));
            }
        });
    }
    ui.menu_button("Add relation with…", |ui| {
        for other in &scenario.nations {
            if &other.id == id {
                continue;
            }
            if ui
                .button(other.name.or_id(other.id.as_str()).to_owned())
                .clicked()
            {
                out.edit(Edit::SetRelation {
                    a: id.clone(),
                    b: other.id.clone(),
                    relation: 0.0,
                    trust: 0.5,
                });
                out.select(Item::relation(id, &other.id));
                ui.close();
            }
        }
    });
    ui.separator();
    ui.strong("Alliances");
    for alliance in scenario.alliances.iter().filter(|a| a.members.contains(id)) {
        if ui
            .link(alliance.name.or_id(alliance.id.as_str()).to_owned())
            .clicked()
        {
            out.select(Item::Alliance(alliance.id.clone()));
        }
    }
    treaty_links_ui(
        ui,
        scenario.treaties.iter().filter(|t| t.parties.contains(id)),
        out,
    );
    ui.strong("Interventions");
    for event in &scenario.events {
        if let Action::Intervention(intervention) = &event.action
            && (&intervention.target == id || intervention.interveners.contains(id))
            && ui
                .link(format!(
                    "{} in {} at tick {}",
                    intervention.kind.label(),
                    nation_name(scenario, &intervention.target),
                    event.tick
                ))
                .clicked()
        {
            out.select(Item::Event(event.handle));
        }
    }
    ui.separator();
    if ui.button("Delete nation").clicked() {
        out.edit(Edit::RemoveNations(vec![id.clone()]));
    }
}

fn relation_ui(ui: &mut egui::Ui, scenario: &Scenario, a: &NationId, b: &NationId, out: &mut Out) {
    let Some(k) = crate::editor::edit::relation_index(scenario, a, b) else {
        return;
    };
    let relation = &scenario.relations[k];
    ui.heading(format!(
        "Relation {} – {}",
        nation_name(scenario, a),
        nation_name(scenario, b)
    ));
    let set = |relation_value: f64, trust: f64| Edit::SetRelation {
        a: a.clone(),
        b: b.clone(),
        relation: relation_value,
        trust,
    };
    if let Some(value) = number_ui(
        ui,
        "relation",
        relation.relation,
        -1.0..=1.0,
        "−1 hostile … +1 friendly",
    ) {
        out.gesture(set(value, relation.trust), format!("relation {a} {b}"));
    }
    if let Some(value) = number_ui(ui, "trust", relation.trust, 0.0..=1.0, "0 … 1") {
        out.gesture(set(relation.relation, value), format!("trust {a} {b}"));
    }
    for nation in [a, b] {
        if ui.link(nation_name(scenario, nation)).clicked() {
            out.select(Item::Nation(nation.clone()));
        }
    }
    if ui.button("Remove relation").clicked() {
        out.edit(Edit::RemoveRelation {
            a: a.clone(),
            b: b.clone(),
        });
    }
}

/// Checkboxes for choosing nations (members, parties, interveners), keeping their order.
fn alliance_ui(ui: &mut egui::Ui, scenario: &Scenario, id: &AllianceId, out: &mut Out) {
    let Some(alliance) = scenario.alliances.iter().find(|a| &a.id == id) else {
        return;
    };
    if let Some(name) = header_ui(ui, "Alliance", &alliance.name, id.as_str(), "") {
        let mut next = alliance.clone();
        next.name = Text(name);
        out.gesture(Edit::UpdateAlliance(next), format!("alliance name {id}"));
    }
    let mut defence = alliance.collective_defence;
    if ui
        .checkbox(
            &mut defence,
            "Collective defence (an attack on one is an attack on all)",
        )
        .changed()
    {
        let mut next = alliance.clone();
        next.collective_defence = defence;
        out.edit(Edit::UpdateAlliance(next));
    }
    ui.strong("Members");
    if let Some(members) = nations_picker_ui(ui, scenario, &alliance.members, "members") {
        let mut next = alliance.clone();
        next.members = members;
        out.edit(Edit::UpdateAlliance(next));
    }
    if ui.button("Delete alliance").clicked() {
        out.edit(Edit::RemoveAlliance(id.clone()));
    }
}

fn treaty_ui(ui: &mut egui::Ui, scenario: &Scenario, id: &TreatyId, out: &mut Out) {
    let Some(position) = scenario.treaties.iter().position(|t| &t.id == id) else {
        return;
    };
    let treaty = &scenario.treaties[position];
    ui.heading(format!(
        "Treaty {}",
        treaty.name.or_id(id.as_str()).to_owned()
    ));
    ui.weak(format!("id {id} · in force from the start"));
    let mut next = treaty.clone();
    match treaty_fields_ui(ui, scenario, &mut next, position as u64) {
        FormChange::None => {}
        FormChange::Once => out.edit(Edit::UpdateTreaty(next)),
        FormChange::Gesture(key) => {
            out.gesture(Edit::UpdateTreaty(next), format!("treaty {key} {id}"));
        }
    }
    if ui.button("Delete treaty").clicked() {
        out.edit(Edit::RemoveTreaty(id.clone()));
    }
}

fn region_ui(ui: &mut egui::Ui, scenario: &Scenario, id: &RegionId, out: &mut Out) {
    let Some(region) = scenario.regions.iter().find(|r| &r.id == id) else {
        return;
    };
    if let Some(name) = header_ui(ui, "Region", &region.name, id.as_str(), "") {
        out.gesture(
            Edit::UpdateRegion(Region {
                id: id.clone(),
                name: Text(name),
            }),
            format!("region name {id}"),
        );
    }
    ui.strong("Nations");
    for nation in scenario.nations.iter().filter(|n| &n.region == id) {
        if ui
            .link(nation.name.or_id(nation.id.as_str()).to_owned())
            .clicked()
        {
            out.select(Item::Nation(nation.id.clone()));
        }
    }
    ui.strong("Proximity to other regions");
    for other in scenario.regions.iter().filter(|r| &r.id != id) {
        let set = scenario
            .proximity
            .iter()
            .find(|Proximity(a, b, _)| (a == id && b == &other.id) || (b == id && a == &other.id))
            .map(|p| p.2);
        ui.horizontal(|ui| {
            let mut custom = set.is_some();
            if ui
                .checkbox(&mut custom, other.name.or_id(other.id.as_str()).to_owned())
                .on_hover_text("Unticked: the default proximity of distinct regions")
                .changed()
            {
                out.edit(Edit::SetProximity {
                    a: id.clone(),
                    b: other.id.clone(),
                    value: custom.then_some(0.5),
                });
            }
            if let Some(value) = set {
                let mut edited = value;
                if ui
                    .add(super::fields::share_slider(&mut edited, "proximity"))
                    .changed()
                {
                    out.gesture(
                        Edit::SetProximity {
                            a: id.clone(),
                            b: other.id.clone(),
                            value: Some(edited),
                        },
                        format!("proximity {id} {}", other.id),
                    );
                }
            }
        });
    }
    if ui.button("Delete region").clicked() {
        out.edit(Edit::RemoveRegion(id.clone()));
    }
}

fn event_ui(ui: &mut egui::Ui, scenario: &Scenario, handle: EventHandle, out: &mut Out) {
    let Some(event) = scenario.events.iter().find(|e| e.handle == handle) else {
        return;
    };
    let update = |action: Action, tick: u32| Edit::UpdateEvent {
        handle,
        event: Event::new(tick, action),
    };
    let index = handle.0;
    ui.heading(format!("Event: {}", event.action.kind_label()));
    let mut tick = event.tick;
    ui.horizontal(|ui| {
        let label = ui.label("At tick");
        if ui
            .add(egui::DragValue::new(&mut tick).range(0..=scenario.horizon))
            .labelled_by(label.id)
            .changed()
        {
            out.gesture(
                update(event.action.clone(), tick),
                format!("event tick {index}"),
            );
        }
    });
    let mut action = event.action.clone();
    match action_form_ui(ui, scenario, &mut action, index) {
        FormChange::None => {}
        FormChange::Once => out.edit(update(action, event.tick)),
        FormChange::Gesture(key) => {
            out.gesture(update(action, event.tick), format!("event {key} {index}"));
        }
    }
    if ui.button("Delete event").clicked() {
        out.edit(Edit::RemoveEvent(handle));
    }
}

/// "Treaties" and a link per treaty that selects it.
fn treaty_links_ui<'t>(
    ui: &mut egui::Ui,
    treaties: impl Iterator<Item = &'t crate::model::Treaty>,
    out: &mut Out,
) {
    ui.strong("Treaties");
    for treaty in treaties {
        let name = treaty.name.or_id(treaty.id.as_str()).to_owned();
        if ui
            .link(format!("{name} ({})", treaty.kind.label()))
            .clicked()
        {
            out.select(Item::Treaty(treaty.id.clone()));
        }
    }
}

fn several_ui(ui: &mut egui::Ui, scenario: &Scenario, selection: &Selection, out: &mut Out) {
    let nations = selection.selected_nations();
    ui.heading(format!("{} items selected", selection.items().count()));
    for id in &nations {
        if ui.link(nation_name(scenario, id)).clicked() {
            out.select(Item::Nation(id.clone()));
        }
    }
    if nations.len() >= 2 && ui.button("Create alliance of these nations").clicked() {
        out.intents.push(Intent::Run(Command::CreateAlliance));
    }
    if ui.button("Delete selection").clicked() {
        out.intents.push(Intent::Run(Command::Delete));
    }
}

/// The scenario itself; `parameters_locked` says why the exercise locks its horizon, seed and
/// settings, which are then greyed out.
fn scenario_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    parameters_locked: Option<&str>,
    out: &mut Out,
) {
    let meta = &scenario.meta;
    ui.heading(if meta.title.0.is_empty() {
        "Untitled scenario"
    } else {
        meta.title.0.as_str()
    });
    if let Some(title) = text_ui(ui, "Title", &meta.title.0) {
        let mut next = meta.clone();
        next.title = Text(title);
        out.gesture(Edit::SetMeta(next), "title".into());
    }
    if let Some(author) = text_ui(ui, "Author", &meta.author.0) {
        let mut next = meta.clone();
        next.author = Text(author);
        out.gesture(Edit::SetMeta(next), "author".into());
    }
    let name = ui.label("Description");
    let mut description = meta.description.0.clone();
    if ui
        .add(egui::TextEdit::multiline(&mut description).desired_rows(3))
        .labelled_by(name.id)
        .changed()
    {
        let mut next = meta.clone();
        next.description = Text(description);
        out.gesture(Edit::SetMeta(next), "description".into());
    }
    ui.horizontal(|ui| {
        let year_label = ui.label("Starts in year");
        let mut year = meta.start.year;
        let mut quarter = meta.start.quarter;
        let a = ui
            .add(egui::DragValue::new(&mut year).range(1..=9999))
            .labelled_by(year_label.id);
        let quarter_label = ui.label("quarter");
        let b = ui
            .add(egui::DragValue::new(&mut quarter).range(1..=4))
            .labelled_by(quarter_label.id);
        if a.changed() || b.changed() {
            let mut next = meta.clone();
            next.start.year = year;
            next.start.quarter = quarter;
            out.gesture(Edit::SetMeta(next), "start".into());
        }
    });
    if let Some(reason) = parameters_locked {
        ui.colored_label(ui.visuals().warn_fg_color, format!("🔒 Locked: {reason}"));
    }
    ui.add_enabled_ui(parameters_locked.is_none(), |ui| {
        ui.horizontal(|ui| {
            let horizon_label = ui.label("Horizon");
            let mut horizon = scenario.horizon;
            if ui
                .add(
                    egui::DragValue::new(&mut horizon)
                        .range(1..=MAX_HORIZON)
                        .suffix(" ticks"),
                )
                .labelled_by(horizon_label.id)
                .on_hover_text("How many quarters are simulated")
                .changed()
            {
                out.gesture(Edit::SetHorizon(horizon), "horizon".into());
            }
            let seed_label = ui.label("Seed");
            let mut seed = scenario.seed;
            if ui
                .add(egui::DragValue::new(&mut seed))
                .labelled_by(seed_label.id)
                .on_hover_text("Seed of the random events: same seed, same run")
                .changed()
            {
                out.gesture(Edit::SetSeed(seed), "seed".into());
            }
        });
        let settings = &scenario.settings;
        for (label, value, set) in [
            (
                "Calibrate baselines (a world without actions stands still)",
                settings.calibrate_baseline,
                (|s: &mut crate::model::Settings, v| s.calibrate_baseline = v)
                    as fn(&mut crate::model::Settings, bool),
            ),
            (
                "Random events (coups, elections, incidents)",
                settings.random_events,
                |s: &mut crate::model::Settings, v| s.random_events = v,
            ),
            (
                "Nations may leave alliances on their own",
                settings.autonomous_states,
                |s: &mut crate::model::Settings, v| s.autonomous_states = v,
            ),
        ] {
            let mut on = value;
            if ui.checkbox(&mut on, label).changed() {
                let mut next = *settings;
                set(&mut next, on);
                out.edit(Edit::SetSettings(next));
            }
        }
    });
    ui.separator();
    ui.strong("Regions");
    for region in &scenario.regions {
        if ui
            .link(region.name.or_id(region.id.as_str()).to_owned())
            .clicked()
        {
            out.select(Item::Region(region.id.clone()));
        }
    }
    if ui.button("Add region").clicked() {
        let id = crate::editor::edit::fresh_id("region-", |id| {
            scenario.regions.iter().any(|r| r.id.as_str() == id)
        });
        out.edit(Edit::AddRegion(Region {
            id: id.as_str().into(),
            name: Text(format!("Region {}", &id["region-".len()..])),
        }));
        out.select(Item::Region(id.as_str().into()));
    }
    ui.separator();
    ui.strong("Alliances");
    for alliance in &scenario.alliances {
        if ui
            .link(alliance.name.or_id(alliance.id.as_str()).to_owned())
            .clicked()
        {
            out.select(Item::Alliance(alliance.id.clone()));
        }
    }
    treaty_links_ui(ui, scenario.treaties.iter(), out);
    ui.strong("Timeline");
    for event in &scenario.events {
        if ui
            .link(format!(
                "tick {}: {}",
                event.tick,
                event.action.kind_label()
            ))
            .clicked()
        {
            out.select(Item::Event(event.handle));
        }
    }
    ui.separator();
    ui.weak("Select a nation, edge, alliance or event to edit it. Right-click the canvas to add.");
}
