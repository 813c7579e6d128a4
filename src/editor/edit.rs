//! Typed edits of a scenario: everything the editor can change. An edit is applied to a copy of
//! the scenario and the copy is validated (`Document::apply`), so an invalid edit changes nothing.

use std::collections::BTreeMap;

use crate::model::exercise::Exercise;
use crate::model::{
    Alliance, AllianceId, Attribute, Event, EventHandle, Meta, Nation, NationId, Region, RegionId,
    Relation, Scenario, Settings, Text, Treaty, TreatyId, TreatyKind,
};

/// One edit of the scenario (or of its canvas layout).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a nation with its node at a canvas position.
    AddNation {
        /// The new nation.
        nation: Nation,
        /// Its node position in canvas units.
        position: (f32, f32),
    },
    /// Remove nations with their relations, memberships, treaties and events naming them.
    RemoveNations(Vec<NationId>),
    /// Rename a nation (its display name; the id stays).
    RenameNation {
        /// The nation.
        nation: NationId,
        /// The new name.
        name: String,
    },
    /// Set one attribute of a nation at load.
    SetAttribute {
        /// The nation.
        nation: NationId,
        /// Which attribute.
        attribute: Attribute,
        /// The new value.
        value: f64,
    },
    /// Move a nation to another region.
    SetRegion {
        /// The nation.
        nation: NationId,
        /// Its new region.
        region: RegionId,
    },
    /// Set the leader's name of a nation.
    SetLeader {
        /// The nation.
        nation: NationId,
        /// The leader (free text).
        leader: String,
    },
    /// Set (or create) the relation and trust of a pair.
    SetRelation {
        /// One nation.
        a: NationId,
        /// The other nation.
        b: NationId,
        /// R, from −1 (hostile) to +1 (friendly).
        relation: f64,
        /// T, from 0 to 1.
        trust: f64,
    },
    /// Remove the relation of a pair (it becomes neutral).
    RemoveRelation {
        /// One nation.
        a: NationId,
        /// The other nation.
        b: NationId,
    },
    /// Add an alliance in force at load.
    AddAlliance(Alliance),
    /// Replace an alliance (name, members, collective defence).
    UpdateAlliance(Alliance),
    /// Remove an alliance.
    RemoveAlliance(AllianceId),
    /// Add a treaty in force at load.
    AddTreaty(Treaty),
    /// Replace a treaty (kind, parties, strength, duration).
    UpdateTreaty(Treaty),
    /// Remove a treaty.
    RemoveTreaty(TreatyId),
    /// Put an event on the timeline. An event without a handle gets the next free one.
    ScheduleEvent(Event),
    /// Replace what an event does and when; it keeps its handle and its place in the list.
    UpdateEvent {
        /// The event.
        handle: EventHandle,
        /// What it becomes.
        event: Event,
    },
    /// Remove an event from the timeline.
    RemoveEvent(EventHandle),
    /// Add a region.
    AddRegion(Region),
    /// Replace a region's name.
    UpdateRegion(Region),
    /// Remove a region that no nation lies in.
    RemoveRegion(RegionId),
    /// Set the proximity of two regions (None: back to the default).
    SetProximity {
        /// One region.
        a: RegionId,
        /// The other region.
        b: RegionId,
        /// prox, from 0 to 1.
        value: Option<f64>,
    },
    /// Replace title, description, author, start date and sources.
    SetMeta(Meta),
    /// Set the seed of random events.
    SetSeed(u64),
    /// Set the number of ticks simulated.
    SetHorizon(u32),
    /// Set the simulation switches.
    SetSettings(Settings),
    /// Move nodes on the canvas (layout only; the simulation is untouched).
    MoveNodes(Vec<(NationId, (f32, f32))>),
    /// Make a kept run's scenario the current one (*Switch to* in the runs menu).
    SwitchRun {
        /// The run's name, for the Undo menu.
        name: String,
        /// Its scenario.
        scenario: Box<Scenario>,
    },
    /// Make, replace or remove the classroom exercise (teacher mode; the run is untouched).
    SetExercise(Option<Box<Exercise>>),
}

/// Why an edit cannot be applied, in words for the status bar.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EditError(pub String);

fn refuse(message: impl Into<String>) -> EditError {
    EditError(message.into())
}

impl Edit {
    /// A short description for the Undo/Redo menu entries and messages, naming things as the
    /// user sees them in `scenario` ("set relation Hegemon–Target State", not "H–T").
    pub fn label(&self, scenario: &Scenario) -> String {
        let nation = |id: &NationId| crate::model::describe::nation(scenario, id);
        let region = |id: &RegionId| {
            scenario.regions.iter().find(|r| &r.id == id).map_or_else(
                || id.to_string(),
                |r| r.name.or_id(r.id.as_str()).to_owned(),
            )
        };
        let alliance = |id: &AllianceId| {
            scenario.alliances.iter().find(|a| &a.id == id).map_or_else(
                || id.to_string(),
                |a| a.name.or_id(a.id.as_str()).to_owned(),
            )
        };
        let treaty = |id: &TreatyId| {
            scenario.treaties.iter().find(|t| &t.id == id).map_or_else(
                || id.to_string(),
                |t| t.name.or_id(t.id.as_str()).to_owned(),
            )
        };
        match self {
            Self::AddNation { nation, .. } => {
                format!("add nation \"{}\"", nation.name.or_id(nation.id.as_str()))
            }
            Self::RemoveNations(ids) if ids.len() == 1 => {
                format!("delete nation \"{}\"", nation(&ids[0]))
            }
            Self::RemoveNations(ids) => format!("delete {} nations", ids.len()),
            Self::RenameNation { nation: id, .. } => format!("rename \"{}\"", nation(id)),
            Self::SetAttribute {
                nation: id,
                attribute,
                ..
            } => format!("set {} of \"{}\"", attribute.label(), nation(id)),
            Self::SetRegion { nation: id, .. } => {
                format!("move \"{}\" to another region", nation(id))
            }
            Self::SetLeader { nation: id, .. } => format!("set the leader of \"{}\"", nation(id)),
            Self::SetRelation { a, b, .. } => format!("set relation {}–{}", nation(a), nation(b)),
            Self::RemoveRelation { a, b } => {
                format!("remove relation {}–{}", nation(a), nation(b))
            }
            Self::AddAlliance(a) => format!("create alliance \"{}\"", a.name.or_id(a.id.as_str())),
            Self::UpdateAlliance(a) => format!("edit alliance \"{}\"", alliance(&a.id)),
            Self::RemoveAlliance(id) => format!("delete alliance \"{}\"", alliance(id)),
            Self::AddTreaty(t) => format!("sign treaty \"{}\"", t.name.or_id(t.id.as_str())),
            Self::UpdateTreaty(t) => format!("edit treaty \"{}\"", treaty(&t.id)),
            Self::RemoveTreaty(id) => format!("delete treaty \"{}\"", treaty(id)),
            Self::ScheduleEvent(event) => format!("schedule {}", event.action.kind_noun()),
            Self::UpdateEvent { event, .. } => format!("edit {}", event.action.kind_noun()),
            Self::RemoveEvent(_) => "delete event".to_owned(),
            Self::AddRegion(r) => format!("add region \"{}\"", r.name.or_id(r.id.as_str())),
            Self::UpdateRegion(r) => format!("rename region \"{}\"", region(&r.id)),
            Self::RemoveRegion(id) => format!("delete region \"{}\"", region(id)),
            Self::SetProximity { a, b, .. } => {
                format!("set proximity {}–{}", region(a), region(b))
            }
            Self::SetMeta(_) => "edit scenario details".to_owned(),
            Self::SetSeed(_) => "set seed".to_owned(),
            Self::SetHorizon(_) => "set horizon".to_owned(),
            Self::SetSettings(_) => "change simulation settings".to_owned(),
            Self::MoveNodes(moves) if moves.len() == 1 => {
                format!("move \"{}\"", nation(&moves[0].0))
            }
            Self::MoveNodes(moves) => format!("move {} nodes", moves.len()),
            Self::SwitchRun { name, .. } => format!("switch to run \"{name}\""),
            Self::SetExercise(next) => {
                exercise_change_label(scenario.exercise.as_ref(), next.as_deref())
            }
        }
    }

    /// Whether the edit changes what the simulation computes (moving nodes does not).
    pub fn changes_model(&self) -> bool {
        !matches!(self, Self::MoveNodes(_) | Self::SetExercise(_))
    }

    /// Applies the edit to `scenario`. Fails without touching anything the caller keeps when the
    /// edit names something that does not exist; the caller validates the result as a whole.
    pub fn apply(&self, scenario: &mut Scenario) -> Result<(), EditError> {
        match self {
            Self::AddNation { nation, position } => {
                if scenario.nations.iter().any(|n| n.id == nation.id) {
                    return Err(refuse(format!("a nation \"{}\" already exists", nation.id)));
                }
                scenario.nations.push(nation.clone());
                scenario
                    .layout
                    .positions
                    .insert(nation.id.clone(), *position);
            }
            Self::RemoveNations(ids) => remove_nations(scenario, ids)?,
            Self::RenameNation { nation, name } => {
                nation_mut(scenario, nation)?.name = Text(name.clone());
            }
            Self::SetAttribute {
                nation,
                attribute,
                value,
            } => *nation_mut(scenario, nation)?.attribute_mut(*attribute) = *value,
            Self::SetRegion { nation, region } => {
                nation_mut(scenario, nation)?.region = region.clone();
            }
            Self::SetLeader { nation, leader } => {
                nation_mut(scenario, nation)?.leader = Text(leader.clone());
            }
            Self::SetRelation {
                a,
                b,
                relation,
                trust,
            } => {
                if a == b {
                    return Err(refuse("a nation has no relation with itself"));
                }
                nation_mut(scenario, a)?;
                nation_mut(scenario, b)?;
                match relation_index(scenario, a, b) {
                    Some(k) => {
                        scenario.relations[k].relation = *relation;
                        scenario.relations[k].trust = *trust;
                    }
                    None => scenario.relations.push(Relation {
                        a: a.clone(),
                        b: b.clone(),
                        relation: *relation,
                        trust: *trust,
                    }),
                }
            }
            Self::RemoveRelation { a, b } => {
                let k = relation_index(scenario, a, b)
                    .ok_or_else(|| refuse(format!("{a} and {b} have no relation to remove")))?;
                scenario.relations.remove(k);
            }
            Self::AddAlliance(alliance) => add_new(
                &mut scenario.alliances,
                alliance,
                |x| x.id == alliance.id,
                format!("an alliance \"{}\"", alliance.id),
            )?,
            Self::UpdateAlliance(alliance) => {
                *find_mut(&mut scenario.alliances, |x| x.id == alliance.id, "alliance")? =
                    alliance.clone();
            }
            Self::RemoveAlliance(id) => {
                let k = position(&scenario.alliances, |x| &x.id == id, "alliance")?;
                scenario.alliances.remove(k);
            }
            Self::AddTreaty(treaty) => add_new(
                &mut scenario.treaties,
                treaty,
                |x| x.id == treaty.id,
                format!("a treaty \"{}\"", treaty.id),
            )?,
            Self::UpdateTreaty(treaty) => {
                *find_mut(&mut scenario.treaties, |x| x.id == treaty.id, "treaty")? =
                    treaty.clone();
            }
            Self::RemoveTreaty(id) => {
                let k = position(&scenario.treaties, |x| &x.id == id, "treaty")?;
                scenario.treaties.remove(k);
            }
            Self::ScheduleEvent(event) => {
                let mut event = event.clone();
                if event.handle == EventHandle::NONE
                    || event_index(scenario, event.handle).is_some()
                {
                    event.handle = next_event_handle(scenario);
                }
                scenario.events.push(event);
            }
            Self::UpdateEvent { handle, event } => {
                let k = event_index(scenario, *handle)
                    .ok_or_else(|| refuse("that event no longer exists"))?;
                scenario.events[k] = Event {
                    handle: *handle,
                    ..event.clone()
                };
            }
            Self::RemoveEvent(handle) => {
                let k = event_index(scenario, *handle)
                    .ok_or_else(|| refuse("that event no longer exists"))?;
                scenario.events.remove(k);
            }
            Self::AddRegion(region) => add_new(
                &mut scenario.regions,
                region,
                |x| x.id == region.id,
                format!("a region \"{}\"", region.id),
            )?,
            Self::UpdateRegion(region) => {
                *find_mut(&mut scenario.regions, |x| x.id == region.id, "region")? = region.clone();
            }
            Self::RemoveRegion(id) => {
                if let Some(nation) = scenario.nations.iter().find(|n| &n.region == id) {
                    let region = scenario
                        .regions
                        .iter()
                        .find(|r| &r.id == id)
                        .map_or(id.as_str(), |r| r.name.or_id(r.id.as_str()));
                    return Err(refuse(format!(
                        "region {region} still holds {}; move its nations first",
                        nation.name.or_id(nation.id.as_str())
                    )));
                }
                let k = position(&scenario.regions, |x| &x.id == id, "region")?;
                scenario.regions.remove(k);
                scenario.proximity.retain(|p| &p.0 != id && &p.1 != id);
            }
            Self::SetProximity { a, b, value } => {
                scenario
                    .proximity
                    .retain(|p| !((&p.0 == a && &p.1 == b) || (&p.0 == b && &p.1 == a)));
                if let Some(value) = value {
                    scenario
                        .proximity
                        .push(crate::model::Proximity(a.clone(), b.clone(), *value));
                }
            }
            Self::SetMeta(meta) => scenario.meta = meta.clone(),
            Self::SetExercise(exercise) => scenario.exercise = exercise.as_deref().cloned(),
            Self::SwitchRun { scenario: run, .. } => *scenario = (**run).clone(),
            Self::SetSeed(seed) => scenario.seed = *seed,
            Self::SetHorizon(horizon) => scenario.horizon = *horizon,
            Self::SetSettings(settings) => scenario.settings = *settings,
            Self::MoveNodes(moves) => {
                for (nation, position) in moves {
                    nation_mut(scenario, nation)?;
                    scenario.layout.positions.insert(nation.clone(), *position);
                }
            }
        }
        // Pairs are kept in canonical order; events keep their places (see `Event::handle`):
        // they are sorted where order matters, when saved and when the engine schedules them.
        scenario.order_pairs();
        Ok(())
    }
}

/// What an exercise edit changes, for the Undo menu: "edit the exercise's goals".
fn exercise_change_label(old: Option<&Exercise>, new: Option<&Exercise>) -> String {
    let (old, new) = match (old, new) {
        (None, Some(_)) => return "make an exercise".to_owned(),
        (Some(_), None) => return "remove the exercise".to_owned(),
        (Some(old), Some(new)) => (old, new),
        (None, None) => return "edit the exercise".to_owned(),
    };
    let parts = [
        (old.briefing != new.briefing, "briefing"),
        (old.objectives != new.objectives, "objectives"),
        (old.roles != new.roles, "roles"),
        (old.goals != new.goals, "goals"),
        (old.teacher_notes != new.teacher_notes, "teacher notes"),
        (old.debrief != new.debrief, "debrief questions"),
        (old.locks != new.locks, "locks"),
        (old.budget != new.budget, "budget"),
    ];
    let changed: Vec<&str> = parts
        .iter()
        .filter(|(changed, _)| *changed)
        .map(|(_, part)| *part)
        .collect();
    match changed.as_slice() {
        [one] => format!("edit the exercise's {one}"),
        _ => "edit the exercise".to_owned(),
    }
}

/// Where the event with `handle` is in the timeline's list.
pub fn event_index(scenario: &Scenario, handle: EventHandle) -> Option<usize> {
    scenario.events.iter().position(|e| e.handle == handle)
}

/// A handle no event of `scenario` has.
fn next_event_handle(scenario: &Scenario) -> EventHandle {
    let largest = scenario.events.iter().map(|e| e.handle.0).max();
    EventHandle(largest.unwrap_or(0) + 1)
}

/// Numbers the events of a scenario just opened, from `first` on, and returns the next free
/// number. Every event gets its own handle (a scenario from a file has none).
pub fn number_events(scenario: &mut Scenario, first: u64) -> u64 {
    let mut next = first.max(1);
    for event in &mut scenario.events {
        event.handle = EventHandle(next);
        next += 1;
    }
    next
}

fn nation_mut<'a>(scenario: &'a mut Scenario, id: &NationId) -> Result<&'a mut Nation, EditError> {
    scenario
        .nations
        .iter_mut()
        .find(|n| &n.id == id)
        .ok_or_else(|| refuse(format!("there is no nation \"{id}\"")))
}

/// Appends `item` unless one with the same id (`same`) exists; `what` names it for the message.
fn add_new<T: Clone>(
    items: &mut Vec<T>,
    item: &T,
    same: impl Fn(&T) -> bool,
    what: String,
) -> Result<(), EditError> {
    if items.iter().any(same) {
        return Err(refuse(format!("{what} already exists")));
    }
    items.push(item.clone());
    Ok(())
}

fn position<T>(items: &[T], matches: impl Fn(&T) -> bool, what: &str) -> Result<usize, EditError> {
    items
        .iter()
        .position(matches)
        .ok_or_else(|| refuse(format!("that {what} no longer exists")))
}

fn find_mut<'a, T>(
    items: &'a mut [T],
    matches: impl Fn(&T) -> bool,
    what: &str,
) -> Result<&'a mut T, EditError> {
    items
        .iter_mut()
        .find(|x| matches(x))
        .ok_or_else(|| refuse(format!("that {what} no longer exists")))
}

/// The index of the relation between `a` and `b`, in either order.
pub fn relation_index(scenario: &Scenario, a: &NationId, b: &NationId) -> Option<usize> {
    scenario
        .relations
        .iter()
        .position(|r| (&r.a == a && &r.b == b) || (&r.a == b && &r.b == a))
}

/// Removes nations and everything that can no longer stand without them: their relations and
/// node positions, their memberships (an alliance left with fewer than two members goes), their
/// treaty parties (a treaty left without enough parties goes) and every event naming them.
fn remove_nations(scenario: &mut Scenario, ids: &[NationId]) -> Result<(), EditError> {
    for id in ids {
        if !scenario.nations.iter().any(|n| &n.id == id) {
            return Err(refuse(format!("there is no nation \"{id}\"")));
        }
    }
    let gone = |id: &NationId| ids.contains(id);
    scenario.nations.retain(|n| !gone(&n.id));
    scenario.relations.retain(|r| !gone(&r.a) && !gone(&r.b));
    scenario.layout.positions.retain(|id, _| !gone(id));
    for alliance in &mut scenario.alliances {
        alliance.members.retain(|m| !gone(m));
    }
    scenario.alliances.retain(|a| a.members.len() >= 2);
    let mut removed_treaties: Vec<TreatyId> = Vec::new();
    scenario.treaties.retain_mut(|treaty| {
        let before = treaty.parties.len();
        treaty.parties.retain(|p| !gone(p));
        let keeps = match treaty.kind {
            TreatyKind::PeacekeepingMandate | TreatyKind::ArmsTrade => {
                treaty.parties.len() == before
            }
            _ => treaty.parties.len() >= 2,
        };
        if !keeps {
            removed_treaties.push(treaty.id.clone());
        }
        keeps
    });
    scenario.events.retain(|event| {
        let names_gone = event.action.nations().into_iter().any(gone);
        let names_removed_treaty = match &event.action {
            crate::model::Action::AbrogateTreaty { treaty, .. } => {
                removed_treaties.contains(treaty)
            }
            _ => false,
        };
        !names_gone && !names_removed_treaty
    });
    Ok(())
}

/// A fresh id for a new object: `prefix` followed by the smallest number not yet used.
pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|k| format!("{prefix}{k}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_owned())
}

/// Node positions for nations that have none yet, on a circle around the others, so a scenario
/// written without a layout still shows every node.
pub fn positions_with_defaults(scenario: &Scenario) -> BTreeMap<NationId, (f32, f32)> {
    let mut positions = scenario.layout.positions.clone();
    let missing: Vec<&NationId> = scenario
        .nations
        .iter()
        .map(|n| &n.id)
        .filter(|id| !positions.contains_key(*id))
        .collect();
    let count = missing.len().max(1) as f32;
    let radius = 120.0 + 20.0 * count;
    for (k, id) in missing.into_iter().enumerate() {
        let angle = std::f32::consts::TAU * k as f32 / count;
        positions.insert(id.clone(), (radius * angle.cos(), radius * angle.sin()));
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mesa() -> Scenario {
        crate::io::load_str(crate::io::library::default_example().text).unwrap()
    }

    #[test]
    fn removing_a_nation_takes_what_names_it_and_stays_valid() {
        let mut scenario = mesa();
        Edit::RemoveNations(vec!["T".into()])
            .apply(&mut scenario)
            .unwrap();
        assert!(scenario.nations.iter().all(|n| n.id.as_str() != "T"));
        assert!(
            scenario
                .relations
                .iter()
                .all(|r| r.a.as_str() != "T" && r.b.as_str() != "T")
        );
        assert!(
            scenario
                .events
                .iter()
                .all(|e| e.action.nations().iter().all(|n| n.as_str() != "T"))
        );
        assert_eq!(crate::model::validate(&scenario), vec![]);
    }

    #[test]
    fn edits_naming_missing_things_are_refused() {
        let mut scenario = mesa();
        let before = scenario.clone();
        let error = Edit::RenameNation {
            nation: "Atlantis".into(),
            name: "x".into(),
        }
        .apply(&mut scenario)
        .unwrap_err();
        assert!(error.0.contains("Atlantis"), "{error}");
        assert!(
            Edit::RemoveEvent(EventHandle(999))
                .apply(&mut scenario)
                .is_err()
        );
        assert!(
            Edit::SetRelation {
                a: "T".into(),
                b: "T".into(),
                relation: 0.1,
                trust: 0.5
            }
            .apply(&mut scenario)
            .is_err()
        );
        assert_eq!(scenario, before);
    }

    #[test]
    fn a_relation_is_created_then_updated_in_either_order() {
        let mut scenario = mesa();
        let count = scenario.relations.len();
        for (a, b, value) in [("X", "N1", 0.3), ("N1", "X", -0.4)] {
            Edit::SetRelation {
                a: a.into(),
                b: b.into(),
                relation: value,
                trust: 0.5,
            }
            .apply(&mut scenario)
            .unwrap();
        }
        assert_eq!(scenario.relations.len(), count + 1);
        let k = relation_index(&scenario, &"X".into(), &"N1".into()).unwrap();
        assert_eq!(scenario.relations[k].relation, -0.4);
    }

    #[test]
    fn fresh_ids_skip_taken_ones() {
        assert_eq!(fresh_id("n", |id| id == "n1" || id == "n2"), "n3");
    }
}
