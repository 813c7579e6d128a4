//! What the model did by itself over a run, as the timeline marks it: a member leaving an
//! alliance, an alliance dissolving, a treaty running out, an intervention ending. None of these
//! is on the scenario's timeline, yet each changes what follows; the Why panel names them as
//! causes, and the timeline shows where they happen.

use crate::sim::state::Status;
use crate::sim::world::ResolvedAction;
use crate::sim::{NationIx, Simulation, State, World};

/// Which lane of the timeline a model event belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// An intervention ended.
    Interventions,
    /// A treaty ran out or ended.
    Treaties,
    /// An alliance lost a member or dissolved.
    Alliances,
}

/// One thing the model did at a tick.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelEvent {
    /// The tick whose state first shows it.
    pub tick: u32,
    /// Where the timeline draws it.
    pub lane: Lane,
    /// What happened, in words ("Poland left the Warsaw Pact").
    pub what: String,
}

/// Every model event of `run` up to its latest tick, in tick order. What an event on the
/// scenario's timeline did (a scheduled departure, an abrogation) is not listed: the timeline
/// shows it already.
pub fn model_events(run: &Simulation) -> Vec<ModelEvent> {
    let world = run.world();
    let mut found = Vec::new();
    let mut previous: Option<State> = None;
    run.for_each_state(0, run.tick(), |state| {
        if let Some(before) = &previous {
            changes(world, before, state, &mut found);
        }
        previous = Some(state.clone());
    });
    found
}

/// Whether the timeline itself took `member` out of alliance `alliance` at `tick`.
fn left_on_schedule(world: &World, tick: u32, alliance: usize, member: NationIx) -> bool {
    world.events_at(tick).iter().any(|event| {
        matches!(
            event.action,
            ResolvedAction::LeaveAlliance { alliance: a, nation } if a.ix() == alliance && nation == member
        )
    })
}

fn changes(world: &World, before: &State, after: &State, found: &mut Vec<ModelEvent>) {
    let tick = after.tick;
    let acted_at = before.tick;
    let nation = |n: NationIx| world.nations[n.ix()].shown_name().to_owned();
    for (k, (was, now)) in before.alliances.iter().zip(&after.alliances).enumerate() {
        let name = world.alliances[k].shown_name();
        if was.status.is_active() && matches!(now.status, Status::Ended { .. }) {
            found.push(ModelEvent {
                tick,
                lane: Lane::Alliances,
                what: format!("{name} dissolved"),
            });
            continue;
        }
        if !was.status.is_active() {
            continue;
        }
        for &(member, _) in &was.members {
            let gone = !now.members.iter().any(|&(m, _)| m == member);
            if gone && !left_on_schedule(world, acted_at, k, member) {
                found.push(ModelEvent {
                    tick,
                    lane: Lane::Alliances,
                    what: format!("{} left {name}", nation(member)),
                });
            }
        }
    }
    for (k, (was, now)) in before.treaties.iter().zip(&after.treaties).enumerate() {
        if was.status.is_active() && matches!(now.status, Status::Ended { .. }) && !now.abrogated {
            let info = &world.treaties[k];
            found.push(ModelEvent {
                tick,
                lane: Lane::Treaties,
                what: format!("{} ({}) ran out", info.shown_name(), info.kind.label()),
            });
        }
    }
    for (k, (was, now)) in before
        .interventions
        .iter()
        .zip(&after.interventions)
        .enumerate()
    {
        if was.status.is_active() && matches!(now.status, Status::Ended { .. }) {
            let info = &world.interventions[k];
            found.push(ModelEvent {
                tick,
                lane: Lane::Interventions,
                what: format!("{} in {} ended", info.kind.label(), nation(info.target)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_of(name: &str) -> Simulation {
        let text = crate::io::library::example(name).unwrap().text;
        let scenario = crate::io::load_str(text).unwrap();
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(scenario.horizon);
        run
    }

    #[test]
    fn the_models_own_events_are_found_and_the_timelines_are_not() {
        // Mesa Crisis: the Mesa Defence Pact loses its members at tick 14 after the regime
        // change; nothing on its timeline schedules that.
        let mesa = model_events(&run_of("mesa-crisis"));
        assert!(
            mesa.iter()
                .any(|e| e.lane == Lane::Alliances && e.tick == 14),
            "{mesa:#?}"
        );
        // Cold War Europe schedules the 1990 departures from the Warsaw Pact: those are the
        // timeline's, not the model's, and are not listed again.
        let cold_war = model_events(&run_of("cold-war-europe"));
        assert!(
            !cold_war
                .iter()
                .any(|e| e.tick >= 166 && e.what.contains("left")),
            "{cold_war:#?}"
        );
        assert!(cold_war.windows(2).all(|w| w[0].tick <= w[1].tick));
    }
}
