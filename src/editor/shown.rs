//! What the canvas shows at the cursor tick: relations as they stand, the alliances and treaties
//! in force, the interventions under way and each nation's stability. Built from the scenario
//! and, when the run has reached the tick, from its state there; without a run it falls back to
//! the scenario as loaded.

use crate::model::{AllianceId, InterventionKind, NationId, Scenario, TreatyId, TreatyKind};
use crate::sim::{Simulation, State, World};

use super::selection::Item;

/// A relation edge: the scenario's pair with its value at the cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownRelation {
    /// One end (smaller id first, as in the scenario).
    pub a: NationId,
    /// The other end.
    pub b: NationId,
    /// Relation at the start (what the inspector edits).
    pub start: f64,
    /// Relation at the cursor.
    pub now: f64,
    /// Trust at the cursor.
    pub trust: f64,
}

/// A treaty in force at the cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownTreaty {
    /// Its id.
    pub id: TreatyId,
    /// Its name, or its id when unnamed.
    pub name: String,
    /// Its kind (drawing style).
    pub kind: TreatyKind,
    /// Its parties.
    pub parties: Vec<NationId>,
    /// What selecting it selects: the treaty itself, or the event that signs it.
    pub item: Item,
}

/// An alliance in force at the cursor, with its members then.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownAlliance {
    /// Its id.
    pub id: AllianceId,
    /// Its position in the world (for its ring colour).
    pub index: usize,
    /// Members at the cursor.
    pub members: Vec<NationId>,
}

/// Share of its force below which an intervention in drawdown is no longer drawn: the model
/// keeps counting a slow drawdown's last troops for decades, a reader of the map does not.
const ARROW_PRESENCE: f64 = 0.05;

/// Whether intervention `k` is drawn at `tick`: during its active phase (a strike's, however
/// short), and in drawdown while at least [`ARROW_PRESENCE`] of its force is left.
fn still_there(world: &crate::sim::World, k: usize, tick: u32) -> bool {
    let info = &world.interventions[k];
    let active = tick >= info.start && tick < info.start + info.duration.max(1);
    active || crate::sim::derived::presence_profile(world, k, tick) >= ARROW_PRESENCE
}

/// An intervention under way at the cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownIntervention {
    /// Its kind.
    pub kind: InterventionKind,
    /// The intervening nations.
    pub interveners: Vec<NationId>,
    /// The target.
    pub target: NationId,
    /// The event that schedules it.
    pub item: Item,
}

/// Everything the canvas draws that changes with time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// The tick shown.
    pub tick: u32,
    /// Relation edges of the scenario, valued at the tick.
    pub relations: Vec<ShownRelation>,
    /// Treaties in force.
    pub treaties: Vec<ShownTreaty>,
    /// Alliances in force.
    pub alliances: Vec<ShownAlliance>,
    /// Interventions under way.
    pub interventions: Vec<ShownIntervention>,
    /// Domestic stability per nation, in scenario order.
    pub stability: Vec<(NationId, f64)>,
}

impl Shown {
    /// The picture at `tick` of `run` (if it has reached it), else the scenario as loaded.
    pub fn at(scenario: &Scenario, run: Option<&Simulation>, tick: u32) -> Shown {
        match run.and_then(|run| Some((run.world(), run.state(tick)?))) {
            Some((world, state)) => Self::from_state(scenario, world, &state),
            None => Self::from_scenario(scenario),
        }
    }

    /// The stability of the nation at position `k` of the scenario's list (found at once when
    /// `id` is there, as it is for a picture of the same scenario), else as [`Self::stability_of`].
    pub fn stability_at(&self, k: usize, id: &NationId) -> Option<f64> {
        match self.stability.get(k) {
            Some((nation, value)) if nation == id => Some(*value),
            _ => self.stability_of(id),
        }
    }

    /// A nation's stability as shown.
    pub fn stability_of(&self, id: &NationId) -> Option<f64> {
        self.stability
            .iter()
            .find(|(nation, _)| nation == id)
            .map(|(_, value)| *value)
    }

    fn from_scenario(scenario: &Scenario) -> Shown {
        Shown {
            tick: 0,
            relations: scenario
                .relations
                .iter()
                .map(|r| ShownRelation {
                    a: r.a.clone(),
                    b: r.b.clone(),
                    start: r.relation,
                    now: r.relation,
                    trust: r.trust,
                })
                .collect(),
            treaties: scenario
                .treaties
                .iter()
                .map(|t| ShownTreaty {
                    id: t.id.clone(),
                    name: t.name.or_id(t.id.as_str()).to_owned(),
                    kind: t.kind,
                    parties: t.parties.clone(),
                    item: Item::Treaty(t.id.clone()),
                })
                .collect(),
            alliances: scenario
                .alliances
                .iter()
                .enumerate()
                .map(|(index, a)| ShownAlliance {
                    id: a.id.clone(),
                    index,
                    members: a.members.clone(),
                })
                .collect(),
            interventions: Vec::new(),
            stability: scenario
                .nations
                .iter()
                .map(|n| (n.id.clone(), n.stability))
                .collect(),
        }
    }

    fn from_state(scenario: &Scenario, world: &World, state: &State) -> Shown {
        let nation_id = |ix: crate::sim::NationIx| world.nations[ix.ix()].id.clone();
        let event_item = |event: crate::sim::EventIx| Item::Event(world.events[event.ix()].handle);
        let relations = scenario
            .relations
            .iter()
            .map(|r| {
                let pair = world.nation(r.a.as_str()).zip(world.nation(r.b.as_str()));
                let dyad = pair.and_then(|(a, b)| state.dyads.get(a, b));
                ShownRelation {
                    a: r.a.clone(),
                    b: r.b.clone(),
                    start: r.relation,
                    now: dyad.map_or(r.relation, |d| d.relation),
                    trust: dyad.map_or(r.trust, |d| d.trust),
                }
            })
            .collect();
        let treaties = world
            .treaties
            .iter()
            .zip(&state.treaties)
            .filter(|(_, t)| t.status.is_active())
            .map(|(info, _)| ShownTreaty {
                id: info.id.clone(),
                name: info.name.or_id(info.id.as_str()).to_owned(),
                kind: info.kind,
                parties: info.parties.iter().map(|&p| nation_id(p)).collect(),
                item: info
                    .signed_by
                    .map_or_else(|| Item::Treaty(info.id.clone()), event_item),
            })
            .collect();
        let alliances = world
            .alliances
            .iter()
            .zip(&state.alliances)
            .enumerate()
            .filter(|(_, (_, a))| a.status.is_active())
            .map(|(index, (info, a))| ShownAlliance {
                id: info.id.clone(),
                index,
                members: a.members.iter().map(|&(m, _)| nation_id(m)).collect(),
            })
            .collect();
        let interventions = world
            .interventions
            .iter()
            .enumerate()
            .zip(&state.interventions)
            .filter(|((k, _), i)| i.status.is_active() && still_there(world, *k, state.tick))
            .map(|((_, info), _)| ShownIntervention {
                kind: info.kind,
                interveners: info.interveners.iter().map(|&n| nation_id(n)).collect(),
                target: nation_id(info.target),
                item: event_item(info.event),
            })
            .collect();
        let stability = world
            .nations
            .iter()
            .zip(&state.nations)
            .map(|(info, x)| (info.id.clone(), x.stability))
            .collect();
        Shown {
            tick: state.tick,
            relations,
            treaties,
            alliances,
            interventions,
            stability,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mesa() -> (Scenario, Simulation) {
        let scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(scenario.horizon);
        (scenario, run)
    }

    #[test]
    fn alliances_treaties_and_interventions_appear_when_their_events_act() {
        let (scenario, run) = mesa();
        let at = |tick| Shown::at(&scenario, Some(&run), tick);
        // Mesa Crisis: an alliance forms at tick 4, the regime change starts at tick 12, a treaty
        // is signed at tick 30.
        assert!(at(0).alliances.is_empty());
        assert_eq!(at(10).alliances.len(), 1);
        assert!(at(10).interventions.is_empty());
        let during = at(14);
        assert_eq!(during.interventions.len(), 1);
        assert_eq!(during.interventions[0].target, NationId::from("T"));
        assert!(matches!(during.interventions[0].item, Item::Event(_)));
        assert!(at(20).treaties.is_empty());
        assert_eq!(at(40).treaties.len(), 1);
    }

    #[test]
    fn relations_and_stability_are_those_of_the_tick() {
        let (scenario, run) = mesa();
        let late = Shown::at(&scenario, Some(&run), 60);
        let target = late.stability_of(&NationId::from("T")).unwrap();
        assert_eq!(
            target,
            run.collect_states()[60].nations[run.world().nation("T").unwrap().ix()].stability
        );
        assert!(late.relations.iter().any(|r| r.now != r.start));
        // Past what is computed, or without a run, the scenario as loaded.
        let loaded = Shown::at(&scenario, None, 60);
        assert_eq!(loaded.stability_of(&NationId::from("T")), Some(0.45));
        assert!(loaded.relations.iter().all(|r| r.now == r.start));
    }

    #[test]
    fn an_intervention_is_drawn_while_it_is_there_not_for_the_rest_of_the_century() {
        let scenario =
            crate::io::load_str(crate::io::library::example("cold-war-europe").unwrap().text)
                .unwrap();
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(scenario.horizon);
        let at = |tick| Shown::at(&scenario, Some(&run), tick);
        // Hungary: scheduled at tick 30 (1956 Q4), under way from the next tick.
        assert!(!at(32).interventions.is_empty());
        // 1991: both the 1956 and the 1968 operations are long over.
        assert!(at(scenario.horizon).interventions.is_empty());
    }
}
